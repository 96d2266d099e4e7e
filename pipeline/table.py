"""Entities as a table: one row per entity, for pandas, DuckDB or Spark (Parquet).

Rows are built from the JSON records themselves (the contract), not from
Python objects, so a Parquet file can be rebuilt from any JSONL output.
Normalized values are flattened into typed columns; ``value`` is a float for
analysis and ``value_text`` keeps the exact decimal.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

COLUMNS: dict[str, str] = {
    "doc_id": "string",
    "source": "string",
    "published_at": "string",
    "region": "string",
    "index": "int32",  # the entity's position in Document.entities (relations and clusters point there)
    "type": "string",
    "text": "string",
    "text_simplified": "string",
    "start": "int64",
    "end": "int64",
    "extractor": "string",
    "rule": "string",
    "confidence": "float64",
    "amount_kind": "string",
    "value": "float64",
    "value_text": "string",
    "upper": "float64",
    "unit": "string",
    "currency": "string",
    "qualifier": "string",
    "date_value": "string",
    "date_end": "string",
    "granularity": "string",
    "relative": "bool",
    "note": "string",
}


def entity_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of one Document record (as parsed from its JSON line)."""
    meta = record.get("meta") or {}
    rows = []
    for index, entity in enumerate(record.get("entities", [])):
        norm = entity.get("normalized") or {}
        is_amount = "kind" in norm
        rows.append(
            {
                "doc_id": record["id"],
                "source": record["source"],
                "published_at": meta.get("published_at"),
                "region": meta.get("region"),
                "index": index,
                "type": entity["type"],
                "text": entity["text"],
                "text_simplified": entity["text_simplified"],
                "start": entity["start"],
                "end": entity["end"],
                "extractor": entity["extractor"],
                "rule": entity.get("rule"),
                "confidence": entity["confidence"],
                "amount_kind": norm.get("kind"),
                "value": float(norm["value"]) if is_amount else None,
                "value_text": norm.get("value_text"),
                "upper": float(norm["upper"]) if is_amount and norm.get("upper") is not None else None,
                "unit": norm.get("unit"),
                "currency": norm.get("currency"),
                "qualifier": norm.get("qualifier"),
                "date_value": None if is_amount else norm.get("value"),
                "date_end": None if is_amount else norm.get("end"),
                "granularity": norm.get("granularity"),
                "relative": norm.get("relative"),
                "note": norm.get("note"),
            }
        )
    return rows


def write_parquet(records: Iterable[dict[str, Any]], path: Path, batch_rows: int = 50_000) -> int:
    """Stream rows into ``path`` (via a temporary name, then rename); returns the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, pa.type_for_alias(kind)) for name, kind in COLUMNS.items()])
    tmp = path.with_name(f".{path.name}.tmp")
    total = 0
    with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.extend(entity_rows(record))
            if len(batch) >= batch_rows:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                total += len(batch)
                batch = []
        if batch or total == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            total += len(batch)
    os.replace(tmp, path)
    return total
