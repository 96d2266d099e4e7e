"""For any text: extraction either succeeds with every invariant holding, or raises InputError."""

import itertools
import json
from pathlib import Path

import jsonschema
from hypothesis import example, given
from hypothesis import strategies as st

from pipeline.errors import InputError

CHARS = "广西協會服務中心民政廳局长吕海波表示去年今年月日元万億余多约近超第位个家人"
CHARS += "%.,，。、（）()\n \r\t0123456789０１２"
WORDS = ["两", "〇", "十", "百", "千", "\u200b", "\x00", "\ufeff", ">>", "責編:", "來源:"]
WORDS += ["2025年02月27日09:51", "第14位"]
PIECES = st.sampled_from([*CHARS, *WORDS])
TEXT = st.one_of(st.lists(PIECES, max_size=80).map("".join), st.text(max_size=60))


SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "schemas" / "document.schema.json").read_text())


@given(text=TEXT)
@example(text="第一线")  # inputs that once broke a property stay here as permanent cases
@example(text="9" * 500 + "元")
@example(text="\x00")
def test_rules_pipeline_never_breaks_invariants(rules_pipeline, text):
    try:
        doc = rules_pipeline.extract(text, published_at="2025-02-27T09:51+08:00")
    except InputError:
        return
    jsonschema.validate(json.loads(doc.model_dump_json()), SCHEMA)
    for e in doc.entities:
        assert doc.text[e.start : e.end] == e.text
        assert e.start < e.end
    spans = sorted((e.start, e.end) for e in doc.entities)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@given(raw=st.binary(max_size=200))
def test_random_bytes_decode_or_fail_cleanly(raw):
    from pipeline import Pipeline, Settings

    try:
        Pipeline(Settings(ner=False)).extract_bytes(raw, source="fuzz")
    except InputError as exc:
        assert str(exc).startswith("fuzz: ")
