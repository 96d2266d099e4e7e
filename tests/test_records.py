import json

import pytest
from pydantic import ValidationError

from pipeline.records import Document, Entity, Meta
from pipeline.schemas import render

ROOT_SCHEMAS = __import__("pathlib").Path(__file__).resolve().parent.parent / "schemas"


def doc(entities, text="广西标准化协会"):
    return Document(
        id="x", source="x", encoding="utf-8", script="simplified", text=text, meta=Meta(), entities=entities
    )


def entity(start, end, text):
    return Entity(type="ORG", text=text, text_simplified=text, start=start, end=end, extractor="rule", confidence=0.9)


def test_offsets_must_match_the_text():
    assert doc([entity(0, 7, "广西标准化协会")]).entities[0].text == "广西标准化协会"
    with pytest.raises(ValidationError, match="does not match"):
        doc([entity(0, 2, "标准")])
    with pytest.raises(ValidationError):
        doc([entity(5, 9, "协会")])


def test_schemas_in_repo_are_current():
    """Fails when records.py changed and `make schemas` was not run."""
    for name, text in render().items():
        path = ROOT_SCHEMAS / name
        assert path.is_file(), f"{path} missing: run `make schemas`"
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run `make schemas`"


def test_emitted_records_validate_against_the_schema(rules_pipeline):
    import jsonschema
    from conftest import REFERENCE

    schema = json.loads((ROOT_SCHEMAS / "document.schema.json").read_text(encoding="utf-8"))
    record = json.loads(rules_pipeline.extract(REFERENCE.read_text(encoding="utf-8")).model_dump_json())
    jsonschema.validate(record, schema)
    assert all(isinstance(e["normalized"]["value"], int | float) for e in record["entities"] if e["type"] == "AMOUNT")


def test_schema_version_is_1_2_and_the_new_kinds_are_in_the_schema():
    from pipeline.records import SCHEMA_VERSION

    schema = json.loads((ROOT_SCHEMAS / "document.schema.json").read_text(encoding="utf-8"))
    assert SCHEMA_VERSION == "1.3" == schema["properties"]["schema_version"]["const"]
    kinds = schema["$defs"]["Amount"]["properties"]["kind"]["enum"]
    assert {"percentage_point", "fraction"} <= set(kinds)
    assert "几" in schema["$defs"]["Amount"]["properties"]["value"]["description"]


def test_a_detected_region_brings_its_evidence_into_meta():
    from pipeline.region import RegionDetector

    region = RegionDetector().detect("行政院今日公布，新臺幣匯率走升。")
    meta = Meta(region=region)
    assert type(meta.region) is str and meta.region == "tw"
    assert meta.region_evidence.source == "detected"
    assert {c.text for c in meta.region_evidence.clues} >= {"行政院", "新臺幣"}
    assert Meta(region="mo").region_evidence.source == "given"
    assert Meta().region_evidence is None
    # a record read back keeps what it says
    again = Meta.model_validate_json(meta.model_dump_json())
    assert again == meta
