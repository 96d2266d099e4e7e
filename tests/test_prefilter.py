"""The first-character prefilter: the same matches, found with a lookahead the engine can test fast."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.extract.amounts import AmountExtractor
from pipeline.extract.dates import DateExtractor
from pipeline.extract.prefilter import prefiltered

PATTERNS = [
    r"(?<!\d)(?:\d{4}年|[今明昨][天日]|上周[一二三])",
    r"(?P<y>\d+年)?(?P<m>\d+月)?(?(y)|(?(m)|(?!)))",  # all optional, guarded by a failing conditional
    r"(?:约|近)?\d+(?:万|亿)?元",
    r"[甲乙](?=丙)|丁+",
]
TEXTS = ["2024年3月今天约5万元", "上周二昨日12月", "甲丙乙丁丁", "无关的文字", ""]


@pytest.mark.parametrize("source", PATTERNS)
@pytest.mark.parametrize("text", TEXTS)
def test_the_same_matches(source, text):
    pattern = re.compile(source)
    fast = prefiltered(pattern)
    assert fast.pattern.startswith("(?=[")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in pattern.finditer(text)]


@given(st.text(alphabet="0123456789年月日今明昨天上周一二三约近万亿元甲乙丙丁 ", max_size=30))
def test_the_same_matches_on_any_text(text):
    for source in PATTERNS:
        pattern = re.compile(source)
        assert [m.group() for m in prefiltered(pattern).finditer(text)] == [m.group() for m in pattern.finditer(text)]


@pytest.mark.parametrize("source", [r"a?", r".x", r"[^a]b", r"(?:\d+)?"])
def test_a_pattern_that_may_begin_anywhere_or_with_nothing_stays_as_it_is(source):
    pattern = re.compile(source)
    assert prefiltered(pattern) is pattern


def test_nonempty_filters_a_pattern_that_may_also_match_nothing():
    pattern = re.compile(r"(?:约)?(?:\d+)?(?:万)?")
    fast = prefiltered(pattern, nonempty=True)
    text = "共约300万人，另有万余人"
    assert [m.span() for m in fast.finditer(text) if m.group()] == [
        m.span() for m in pattern.finditer(text) if m.group()
    ]


def test_the_date_and_amount_grammars_are_prefiltered():
    grammar = AmountExtractor()._grammar
    for pattern in (DateExtractor()._grammar[0], grammar.amount, grammar.fraction, grammar.slash):
        assert pattern.pattern.startswith("(?=[")
