"""For any text: extraction either succeeds with every invariant holding, or raises InputError."""

import itertools
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.read import normalize_newlines
from pipeline.visible import invisible_pattern

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


INVISIBLE = st.sampled_from(["\u200b", "\u200d", "\u00ad", "\u2060", "\ufeff", "\u202e", "\x07", "\x1b"])
VISIBLE = [p for p in [*CHARS, *WORDS] if not invisible_pattern().search(p)]
CLEAN = st.lists(st.sampled_from(VISIBLE), max_size=60).map("".join).map(normalize_newlines)


@given(clean=CLEAN, inserts=st.lists(st.tuples(st.integers(0, 10_000), INVISIBLE), max_size=6))
@example(clean="局长吕海波表示，去年投入1000万元。", inserts=[(3, "\u200b"), (14, "\u00ad"), (2, "\x07")])
def test_invisible_characters_change_nothing_but_offsets(rules_pipeline, clean, inserts):
    """Whatever is found in the clean text is found in the dirty one, at the mapped positions."""
    at = sorted((min(i, len(clean)), junk) for i, junk in inserts)
    dirty, where, k = [], [], 0  # where[i]: position of clean[i] in the dirty text
    for i, ch in enumerate(clean):
        while k < len(at) and at[k][0] == i:
            dirty.append(at[k][1])
            k += 1
        where.append(sum(map(len, dirty)))
        dirty.append(ch)
    dirty_text = "".join(dirty) + "".join(junk for _, junk in at[k:])
    pub = "2025-02-27T09:51+08:00"
    try:
        expected = rules_pipeline.extract(clean, published_at=pub)
    except InputError:
        with pytest.raises(InputError):
            rules_pipeline.extract(dirty_text, published_at=pub)
        return
    got = rules_pipeline.extract(dirty_text, published_at=pub)
    assert [(e.type, e.start, e.end, e.text_simplified, e.normalized) for e in got.entities] == [
        (e.type, where[e.start], where[e.end - 1] + 1, e.text_simplified, e.normalized) for e in expected.entities
    ]
    for e in got.entities:
        assert got.text[e.start : e.end] == e.text
    assert [r.model_dump(exclude={"evidence"}) for r in got.relations] == [
        r.model_dump(exclude={"evidence"}) for r in expected.relations
    ]
    assert [c.canonical for c in got.clusters] == [c.canonical for c in expected.clusters]
