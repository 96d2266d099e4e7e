"""Amount grammar: the issue's examples and peers' known failures, as (sentence, span, fields)."""

from decimal import Decimal

import pytest

from pipeline.extract.amounts import AmountExtractor

CASES = [
    # text, expected span text, value, unit, currency, qualifier, kind
    ("去年共安排福彩公益金750余萬元。", "750余萬元", "7500000", "元", "CNY", "more_than", "money"),
    ("全区有2.6萬家社會組織", "2.6萬家", "26000", "家", None, None, "quantity"),
    ("投入資金4億多元", "4億多元", "400000000", "元", "CNY", "more_than", "money"),
    ("服務老人約400人", "約400人", "400", "人", None, "about", "quantity"),
    ("同比增长35.5%", "35.5%", "35.5", "%", None, None, "percent"),
    ("在全國排第14位", "第14位", "14", "位", None, None, "ordinal"),
    ("志願者服務3萬余人次", "3萬余人次", "30000", "人次", None, "more_than", "quantity"),
    ("花费三千五百元", "三千五百元", "3500", "元", "CNY", None, "money"),
    ("融资一点五亿美元", "一点五亿美元", "150000000", "美元", "USD", None, "money"),
    ("收入１００万元", "１００万元", "1000000", "元", "CNY", None, "money"),
    ("投资人民币500万元", "人民币500万元", "5000000", "元", "CNY", None, "money"),
    ("編列新臺幣2億元預算", "新臺幣2億元", "200000000", "元", "TWD", None, "money"),
    ("捐出港幣300萬元", "港幣300萬元", "3000000", "元", "HKD", None, "money"),
    ("资产47.264287亿元", "47.264287亿元", "4726428700", "元", "CNY", None, "money"),
    ("超过1000人以上", "超过1000人以上", "1000", "人", None, "at_least", "quantity"),
    ("营收1,385亿港元", "1,385亿港元", "138500000000", "港元", "HKD", None, "money"),
    ("罚款不足300欧元", "不足300欧元", "300", "欧元", "EUR", "less_than", "money"),
    ("装机容量50千瓦", "50千瓦", "50", "千瓦", None, None, "quantity"),
    ("送兩餐飯", "兩餐", "2", "餐", None, None, "quantity"),
    ("每股派息20港仙", "20港仙", "20", "港仙", "HKD", None, "money"),
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "currency", "qualifier", "kind"), CASES)
def test_amount(make_context, text, span, value, unit, currency, qualifier, kind):
    mentions = AmountExtractor().find(make_context(text))
    assert [text[m.start : m.end] for m in mentions] == [span]
    amount = mentions[0].normalized
    assert amount.value == Decimal(value)
    assert (amount.unit, amount.currency, amount.qualifier, amount.kind) == (unit, currency, qualifier, kind)


@pytest.mark.parametrize(
    "text",
    [
        "李四人民币",
        "十分关注妇女就业",
        "千万不要放弃",
        "二〇二五年",
        "成立于2022年",
        "社会治理第一线",
        "一家人的生活",
        "统一部署",
    ],
)
def test_no_false_amounts(make_context, text):
    assert AmountExtractor().find(make_context(text)) == []


def test_amount_ends_at_its_unit(make_context):
    text = "3541.07万元2.3本项目"
    mentions = AmountExtractor().find(make_context(text))
    assert text[mentions[0].start : mentions[0].end] == "3541.07万元"


def test_range_is_one_amount_with_lower_and_upper_values(make_context):
    text = "投资300亿至450亿元，增长2.5%至3.5%"
    money, percent = AmountExtractor().find(make_context(text))
    assert text[money.start : money.end] == "300亿至450亿元"
    assert (money.normalized.value, money.normalized.upper) == (Decimal("30000000000"), Decimal("45000000000"))
    assert (money.normalized.unit, money.normalized.currency, money.normalized.kind) == ("元", "CNY", "money")
    assert text[percent.start : percent.end] == "2.5%至3.5%"
    assert (percent.normalized.value, percent.normalized.upper) == (Decimal("2.5"), Decimal("3.5"))
