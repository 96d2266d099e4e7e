import pytest

from pipeline.extract.dates import DateExtractor

CASES = [
    ("2025年02月27日09:51 | 來源", "2025年02月27日09:51", "2025-02-27T09:51", "minute", None, False),
    ("截至2024年底，", "2024年底", "2024-12", "month", None, False),
    ("成立於2022年的組織", "2022年", "2022", "year", None, False),
    ("去年，自治區", "去年", "2024", "year", None, True),
    ("明年将继续", "明年", "2026", "year", None, True),
    ("今年1月以來", "今年1月以來", "2025-01", "month", "2025-02-27", True),
    ("3月15日举行", "3月15日", "2025-03-15", "day", None, True),
    ("25日上午", "25日", "2025-02-25", "day", None, True),
    ("今年上半年", "今年上半年", "2025-01", "half", "2025-06", True),
    ("3月至6月", "3月至6月", "2025-03", "month", "2025-06", True),
    ("昨天下午", "昨天", "2025-02-26", "day", None, True),
    ("上月发布", "上月", "2025-01", "month", None, True),
    ("二〇一九年七月一日", "二〇一九年七月一日", "2019-07-01", "day", None, False),
    ("２０２３年５月９日", "２０２３年５月９日", "2023-05-09", "day", None, False),
    ("2024年1—11月，全省", "2024年1—11月", "2024-01", "month", "2024-11", False),
    ("1至9月累计", "1至9月", "2025-01", "month", "2025-09", True),
    ("今年前5个月，增长", "今年前5个月", "2025-01", "month", "2025-05", True),
    ("2024年首六个月", "2024年首六个月", "2024-01", "month", "2024-06", False),
]


@pytest.mark.parametrize(("text", "span", "value", "granularity", "end", "relative"), CASES)
def test_date(make_context, text, span, value, granularity, end, relative):
    mentions = DateExtractor().find(make_context(text))
    assert [text[m.start : m.end] for m in mentions] == [span]
    date = mentions[0].normalized
    assert (date.value, date.granularity, date.end, date.relative) == (value, granularity, end, relative)


def test_relative_date_without_publication_date_has_no_value(make_context):
    mentions = DateExtractor().find(make_context("去年共安排资金", published_at=None))
    assert mentions[0].normalized.value is None
    assert "publication date" in mentions[0].normalized.note


def test_impossible_date_is_flagged_not_invented(make_context):
    mentions = DateExtractor().find(make_context("2025年2月30日"))
    assert mentions[0].normalized.value is None
    assert "no such date" in mentions[0].normalized.note


def test_absolute_dates_do_not_need_publication_date(make_context):
    mentions = DateExtractor().find(make_context("2023年5月9日", published_at=None))
    assert mentions[0].normalized.value == "2023-05-09"


def test_the_grammar_never_matches_nothing():
    """Every part of the year-month-day branch is optional; an empty match at each character made
    finditer try each character twice. The branch fails when no part matched."""
    from pathlib import Path

    pattern, _ = DateExtractor()._grammar
    corpus = Path(__file__).parents[1] / "corpus"
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt")))
    matches = list(pattern.finditer(text))
    assert matches
    assert all(m.end() > m.start() for m in matches)
