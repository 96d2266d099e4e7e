"""The entity table in one call: pyarrow Table and pandas DataFrame, from Documents, records or files."""

import json

import pyarrow.parquet as pq
import pytest

from pipeline.frames import entity_frame, entity_table
from pipeline.table import COLUMNS, write_parquet

TEXTS = ["今年安排地方政府专项债券4.4万亿元，李强在北京表示。", "香港特區政府運輸署今日公布，交通意外減少3%。"]


@pytest.fixture(scope="module")
def docs(rules_pipeline):
    return [rules_pipeline.extract(t, published_at="2025-03-05") for t in TEXTS]


def test_table_from_documents_has_the_parquet_columns_and_rows(docs, tmp_path):
    table = entity_table(docs)
    assert table.schema.names == list(COLUMNS)
    assert table.num_rows == sum(len(d.entities) for d in docs) > 4
    records = [json.loads(d.model_dump_json()) for d in docs]
    write_parquet(iter(records), tmp_path / "e.parquet")
    assert table.equals(pq.read_table(tmp_path / "e.parquet"))  # the same table as --parquet writes
    money = table.filter(table["unit"].is_valid()).to_pylist()
    assert any(r["value"] == 4.4e12 and r["currency"] == "CNY" and r["value_text"] == "4400000000000" for r in money)


def test_table_from_records_and_from_a_jsonl_file(docs, tmp_path):
    records = [json.loads(d.model_dump_json()) for d in docs]
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert entity_table(records).equals(entity_table(docs))
    assert entity_table(path).equals(entity_table(docs))
    assert entity_table(str(path)).equals(entity_table(docs))
    assert entity_table([]).num_rows == 0


def test_frame_is_pandas(docs):
    pandas = pytest.importorskip("pandas")
    frame = entity_frame(docs)
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(COLUMNS) and len(frame) == entity_table(docs).num_rows
    assert frame.loc[frame["type"] == "AMOUNT", "value"].max() == 4.4e12
    assert set(frame["doc_id"]) == {d.id for d in docs}
