"""The fusion policy, case by case (see pipeline/extract/fuse.py)."""

import itertools

from pipeline.extract.base import Mention
from pipeline.extract.fuse import fuse


def rule(s, e, t="ORG", conf=0.85, structured=False, name="orgs.suffix"):
    return Mention(s, e, t, "rule", name, conf, structured=structured)


def ner(s, e, t="ORG", conf=0.8):
    return Mention(s, e, t, "ner", "ner.xinwen_ner", conf)


def test_agreement_merges_into_rule_plus_ner_with_higher_confidence():
    (m,) = fuse([rule(0, 4), ner(0, 4)])
    assert m.extractor == "rule+ner"
    assert m.confidence > 0.85
    assert m.rule == "ner.xinwen_ner+orgs.suffix"


def test_structured_rule_beats_overlapping_model_span():
    (m,) = fuse([rule(2, 5, "PERSON", 0.9, structured=True, name="people.titled"), ner(0, 5, "ORG", 0.9)])
    assert (m.start, m.end, m.type, m.extractor) == (2, 5, "PERSON", "rule")


def test_model_beats_unstructured_person_rule():
    (m,) = fuse([rule(0, 3, "PERSON", 0.8, name="people.speaker"), ner(0, 2, "PERSON")])
    assert (m.start, m.end, m.extractor) == (0, 2, "ner")


def test_specific_org_by_suffix_keeps_its_place_prefix_over_model_split():
    chosen = fuse([rule(0, 11, "ORG", 0.85), ner(0, 3, "LOC"), ner(3, 11, "ORG")])
    assert [(m.start, m.end, m.type) for m in chosen] == [(0, 11, "ORG")]


def test_weak_rule_alone_is_dropped_but_confirms_the_model():
    assert fuse([rule(0, 2, "LOC", 0.6, name="places.jieba")]) == []
    (m,) = fuse([rule(0, 2, "LOC", 0.6, name="places.jieba"), ner(0, 2, "LOC")])
    assert m.extractor == "rule+ner"


def test_overlaps_resolve_deterministically_whatever_the_input_order():
    mentions = [ner(0, 4), ner(2, 6, "LOC"), rule(5, 9, "AMOUNT", 0.95, name="amounts.grammar"), ner(8, 12, "PERSON")]
    first = fuse(mentions)
    assert fuse(list(reversed(mentions))) == first
    spans = [(m.start, m.end) for m in first]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_weak_suffix_org_needs_the_model_to_see_a_name_when_the_model_ran():
    weak = rule(0, 6, "ORG", 0.7)  # one-character head such as 局
    assert fuse([weak], model_ran=True) == []
    assert fuse([weak], model_ran=False) == [weak]
    (m,) = fuse([weak, ner(0, 6, "ORG")], model_ran=True)
    assert (m.start, m.end, m.extractor) == (0, 6, "rule+ner")
    strong = rule(0, 6, "ORG", 0.85)  # 协会, 基金会: stands alone
    assert fuse([strong], model_ran=True) == [strong]
