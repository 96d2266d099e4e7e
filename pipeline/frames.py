"""The entity table in memory, in one call: a pyarrow ``Table`` or a pandas ``DataFrame``.

The same rows and columns as the Parquet file of ``xinwen extract --parquet``
(``pipeline/table.py``: one row per entity, normalized values flattened), built
from Documents, their JSON records, or xinwen output files::

    from pipeline.frames import entity_frame, entity_table

    docs = list(Pipeline().pipe(texts))
    entity_table(docs)                  # pyarrow.Table
    entity_frame("out.jsonl")           # pandas.DataFrame (pip install "xinwen[pandas]")
    entity_frame("out/")                # an --out-dir folder: its records-*.jsonl[.gz] shards

pyarrow is a dependency of xinwen; pandas is optional (the ``pandas`` extra).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.records import Document
from pipeline.table import COLUMNS, entity_rows

if TYPE_CHECKING:
    import pandas
    import pyarrow

Source = Iterable[Document | dict[str, Any]] | str | Path


def _records(source: Source) -> Iterator[dict[str, Any]]:
    if isinstance(source, str | Path):
        from pipeline.annotations import records

        yield from (record for _, record in records([Path(source)]))
        return
    for item in source:
        yield item.model_dump(mode="json") if isinstance(item, Document) else item


def entity_table(source: Source) -> pyarrow.Table:
    """One row per entity of ``source`` (Documents, JSON records, or a JSONL file or --out-dir folder)."""
    import pyarrow as pa

    schema = pa.schema([(name, pa.type_for_alias(kind)) for name, kind in COLUMNS.items()])
    rows = [row for record in _records(source) for row in entity_rows(record)]
    return pa.Table.from_pylist(rows, schema=schema)


def entity_frame(source: Source) -> pandas.DataFrame:
    """``entity_table(source)`` as a pandas DataFrame (needs the ``pandas`` extra)."""
    try:
        import pandas  # noqa: F401 - pyarrow's to_pandas needs it
    except ImportError:
        raise ImportError('entity_frame needs pandas: pip install "xinwen[pandas]"') from None
    return entity_table(source).to_pandas()
