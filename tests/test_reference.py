"""Regression lock on the reference article's full record (reviewed by hand before committing).

Regenerate after a deliberate change with ``pytest tests/test_reference.py --force-regen``
and review the YAML diff line by line: a wrong snapshot locks in a bug.
"""

from conftest import REFERENCE


def test_reference_article_record(full_pipeline, data_regression):
    doc = full_pipeline.extract_bytes(REFERENCE.read_bytes(), source="corpus/" + REFERENCE.name, id=REFERENCE.stem)
    record = doc.model_dump(mode="json", exclude={"text"})
    record["text_chars"] = len(doc.text)
    data_regression.check(record)


def test_reference_article_invariants(full_pipeline):
    doc = full_pipeline.extract_bytes(REFERENCE.read_bytes(), source="ref")
    assert doc.encoding == "utf-8" and doc.script == "traditional"
    furniture = [(r.start, r.end) for r in doc.meta.regions if r.kind in ("furniture", "site", "breadcrumb")]
    for e in doc.entities:
        assert doc.text[e.start : e.end] == e.text
        assert not any(s <= e.start < t for s, t in furniture), f"entity {e.text} taken from page furniture"
