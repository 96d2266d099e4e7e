"""Taiwan, Hong Kong and Macau conventions, on sentences written for these tests."""

import pytest

from pipeline.region import RegionDetector

TW = "行政院主計總處今日公布，民國112年經濟成長率為1.31%，新臺幣匯率走升。"
HK = "香港特區政府財政司司長表示，2022/23年度政府收入約5,000億元，立法會將審議預算。"
MO = "澳門特區政府公布，首季澳門博彩收入逾400億澳門元。"


@pytest.mark.parametrize(
    ("text", "region", "config"),
    [
        (TW, "tw", "tw2s"),
        (HK, "hk", "hk2s"),
        (MO, "mo", "hk2s"),
        ("新华社北京电 国务院常务会议今日召开，党委书记出席。", "mainland", "t2s"),
    ],
)
def test_region_detection_picks_the_opencc_configuration(rules_pipeline, text, region, config):
    doc = rules_pipeline.extract(text)
    assert (doc.meta.region, doc.meta.opencc) == (region, config)
    assert RegionDetector().detect(text) == region


def test_region_given_by_the_caller_wins(rules_pipeline):
    doc = rules_pipeline.extract("今年營收100億元。", region="tw", published_at="2024-05-01")
    money = next(e for e in doc.entities if e.type == "AMOUNT")
    assert (doc.meta.region, money.normalized.currency) == ("tw", "TWD")


def dates(doc):
    return [(e.text, e.normalized.value, e.normalized.end) for e in doc.entities if e.type == "DATE"]


def test_roc_years(rules_pipeline):
    doc = rules_pipeline.extract(TW)
    assert ("民國112年", "2023", None) in dates(doc)
    doc = rules_pipeline.extract("臺北市政府表示，113年度預算已送議會，112/5/9起實施。", region="tw")
    assert ("113年度", "2024", None) in dates(doc)
    assert ("112/5/9", "2023-05-09", None) in dates(doc)


def test_three_digit_year_is_not_roc_outside_taiwan(rules_pipeline):
    doc = rules_pipeline.extract("该项目编号112年度考核。", region="mainland")
    assert dates(doc) == []


def test_hong_kong_fiscal_year_runs_april_to_march(rules_pipeline):
    doc = rules_pipeline.extract(HK)
    assert ("2022/23年度", "2022-04", "2023-03") in dates(doc)
    money = next(e for e in doc.entities if e.type == "AMOUNT")
    assert (money.text, money.normalized.value, money.normalized.currency) == ("約5,000億元", 500000000000, "HKD")


def test_slash_dates_times_and_quarters(rules_pipeline):
    text = "警方2023/5/9 08:15接報，下午3時到場。第2季出口增長，首兩季合計上升。"
    doc = rules_pipeline.extract(text, region="hk", published_at="2023-07-10T12:00+08:00")
    found = dates(doc)
    assert ("2023/5/9 08:15", "2023-05-09T08:15", None) in found
    assert ("下午3時", "2023-07-10T15:00", None) in found
    assert ("第2季", "2023-04", "2023-06") in found
    assert ("首兩季", "2023-01", "2023-06") in found


def test_macau_currency_and_qualifier(rules_pipeline):
    doc = rules_pipeline.extract(MO)
    money = next(e for e in doc.entities if e.type == "AMOUNT")
    assert (money.text, money.normalized.value, money.normalized.currency, money.normalized.qualifier) == (
        "逾400億澳門元",
        40000000000,
        "MOP",
        "more_than",
    )


def test_thousands_separated_by_spaces_and_mixed_units(rules_pipeline):
    doc = rules_pipeline.extract("警方去年處理12 000宗案件，涉款36億7,450萬元。", region="hk")
    amounts = {e.text: e.normalized for e in doc.entities if e.type == "AMOUNT"}
    assert amounts["12 000宗"].value == 12000
    assert (amounts["36億7,450萬元"].value, amounts["36億7,450萬元"].currency) == (3674500000, "HKD")
