"""Dirty input: never crash, never lose data, never mislead (each case a test)."""

from decimal import Decimal

import pytest

from pipeline import Pipeline, Settings
from pipeline.errors import InputError, XinwenError

ARTICLE = "自治区民政厅近日公布，2024年全区社会组织投入资金4亿多元。"


def check(doc):
    for e in doc.entities:
        assert doc.text[e.start : e.end] == e.text
    return doc


def texts(doc, type_=None):
    return [e.text for e in doc.entities if type_ in (None, e.type)]


def test_fullwidth_amounts_and_dates_keep_original_offsets(rules_pipeline):
    doc = check(rules_pipeline.extract("２０２５年３月，该公司获得投资１２０万ＵＳＤ。"))
    date = next(e for e in doc.entities if e.type == "DATE")
    amount = next(e for e in doc.entities if e.type == "AMOUNT")
    assert (date.text, date.normalized.value) == ("２０２５年３月", "2025-03")
    assert (amount.text, amount.normalized.value, amount.normalized.currency) == ("１２０万ＵＳＤ", 1200000, "USD")


def test_mixed_scripts(rules_pipeline):
    doc = check(rules_pipeline.extract("廣西標準化協會和广西汉达社会工作服务中心签约。"))
    assert doc.script == "mixed"
    assert set(texts(doc, "ORG")) == {"廣西標準化協會", "广西汉达社会工作服务中心"}


def test_html_fragments_and_entities_stay_outside_entities(rules_pipeline):
    doc = check(rules_pipeline.extract("<p>去年&nbsp;广西标准化协会发布标准<b>259项</b>。&amp;</p>"))
    assert "广西标准化协会" in texts(doc, "ORG")
    assert "259项" in texts(doc, "AMOUNT")


@pytest.mark.parametrize("junk", ["\u200b", "\u200d", "\x07", "\ufeff", "\u202e"])
def test_control_and_zero_width_characters(rules_pipeline, junk):
    doc = check(rules_pipeline.extract(f"局长吕{junk}海波表示，去年共安排资金750余万元。"))
    assert "750余万元" in texts(doc, "AMOUNT")


def test_huge_numbers_stay_exact(rules_pipeline):
    doc = check(rules_pipeline.extract("账面金额123456789012345678901234567890.123456789元。"))
    amount = doc.entities[0].normalized
    assert amount.value == Decimal("123456789012345678901234567890.123456789")
    assert amount.value_text == "123456789012345678901234567890.123456789"


def test_digit_runs_too_long_for_an_amount_are_not_amounts(rules_pipeline):
    doc = check(rules_pipeline.extract("编号" + "9" * 5000 + "元"))
    assert texts(doc, "AMOUNT") == []


def test_deeply_nested_quotes_and_brackets(rules_pipeline):
    text = "（" * 3000 + "“" * 3000 + ARTICLE + "”" * 3000 + "）" * 3000
    doc = check(rules_pipeline.extract(text))
    assert "4亿多元" in texts(doc, "AMOUNT")


def test_long_line_without_punctuation(full_pipeline):
    text = ("广西标准化协会组织专家审定团体标准" * 2000)[:30000]
    doc = check(full_pipeline.extract(text))
    assert len(doc.entities) > 100


def test_crlf_and_lone_cr(rules_pipeline):
    doc = check(rules_pipeline.extract_bytes(("标题\r\n\r\n" + ARTICLE + "\r" + ARTICLE).encode(), source="crlf"))
    assert "\r" not in doc.text
    assert texts(doc, "AMOUNT") == ["4亿多元", "4亿多元"]


def test_too_large_document_is_refused_clearly():
    pipe = Pipeline(Settings(ner=False, max_chars=1000))
    with pytest.raises(InputError, match="too large"):
        pipe.extract("中" * 1001, source="big")
    with pytest.raises(InputError, match="too large"):
        pipe.extract_bytes(b"x" * 4001, source="big")


@pytest.mark.parametrize("bad", [None, 123, b"bytes", ["list"]])
def test_wrong_types_raise_input_error(rules_pipeline, bad):
    with pytest.raises(InputError):
        rules_pipeline.extract(bad)


@pytest.mark.parametrize("bad", [123, "2025-13-45", "yesterday"])
def test_bad_publication_dates_raise_input_error(rules_pipeline, bad):
    with pytest.raises(InputError):
        rules_pipeline.extract(ARTICLE, published_at=bad)


def test_all_errors_are_xinwen_errors():
    assert issubclass(InputError, XinwenError)
