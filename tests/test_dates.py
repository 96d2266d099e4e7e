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


# --- Issue 18: times as news writes them (sentences written for these tests; PUB is Thursday 2025-02-27) ---

NEWS_CASES = [
    ("截至上月底，累计完成投资", "上月底", "2025-01", "month", None, True),
    ("截至上月底，累計完成投資", "上月底", "2025-01", "month", None, True),
    ("工程将于本月底完工", "本月底", "2025-02", "month", None, True),
    ("比賽定於本月26日舉行", "本月26日", "2025-02-26", "day", None, True),
    ("明年度预算将增加", "明年度", "2026", "year", None, True),
    ("明年度預算將增加", "明年度", "2026", "year", None, True),
    ("本年度计划已完成", "本年度", "2025", "year", None, True),
    ("公司去年度过了难关", "去年", "2024", "year", None, True),
    ("当天下午，代表团抵达", "当天", "2025-02-27", "day", None, True),
    ("當天下午，代表團抵達", "當天", "2025-02-27", "day", None, True),
    ("当日举行了签字仪式", "当日", "2025-02-27", "day", None, True),
    ("警方上周五接到报案", "上周五", "2025-02-21", "day", None, True),
    ("警方上週五接到報案", "上週五", "2025-02-21", "day", None, True),
    ("疑犯本周一被捕", "本周一", "2025-02-24", "day", None, True),
    ("疑犯本週一被捕", "本週一", "2025-02-24", "day", None, True),
    ("法院下星期三宣判", "下星期三", "2025-03-05", "day", None, True),
    ("新规2025-07-01起施行", "2025-07-01", "2025-07-01", "day", None, False),
    ("系统于2025-03-02 08:30恢复", "2025-03-02 08:30", "2025-03-02T08:30", "minute", None, False),
    ("2019-12-03 17:22:41 来源：新华网", "2019-12-03 17:22:41", "2019-12-03T17:22", "minute", None, False),
    ("2024年初完成", "2024年初", "2024-01", "month", None, False),
]


@pytest.mark.parametrize(("text", "span", "value", "granularity", "end", "relative"), NEWS_CASES)
def test_date_as_news_writes_it(make_context, text, span, value, granularity, end, relative):
    mentions = DateExtractor().find(make_context(text))
    assert [text[m.start : m.end] for m in mentions] == [span]
    date = mentions[0].normalized
    assert (date.value, date.granularity, date.end, date.relative) == (value, granularity, end, relative)


@pytest.mark.parametrize(
    "text",
    [
        "地铁7号线正式开通",
        "3號樓和5號院已完工",
        "他住在中山路5号",
        "根据国发〔2024〕5号文件",
        "天文台發出八號風球",
        "兌換300日元",
        "据初步估计，损失严重",
        "據初步估計，損失嚴重",
        "问题得到彻底解决",
        "周末天气晴好",
        "大年初一，家家户户拜年",
        "正月初五迎财神",
    ],
)
def test_date_characters_of_neighbouring_words_are_no_dates(make_context, text):
    assert [text[m.start : m.end] for m in DateExtractor().find(make_context(text))] == []


def test_the_day_after_counts_from_the_dated_event(make_context):
    for text in ("大会3月5日开幕，次日闭幕，当天下午举行酒会。", "大會3月5日開幕，次日閉幕，當天下午舉行酒會。"):
        mentions = DateExtractor().find(make_context(text))
        values = [(text[m.start : m.end], m.normalized.value) for m in mentions]
        # 当天 after 次日 is that next day: each counts from the last dated day before it
        assert [v for _, v in values] == ["2025-03-05", "2025-03-06", "2025-03-06"], values


def test_the_day_after_without_an_earlier_date_counts_from_publication(make_context):
    [mention] = DateExtractor().find(make_context("代表团次日离开"))
    assert mention.normalized.value == "2025-02-28"
    assert "publication date" in mention.normalized.note
    [mention] = DateExtractor().find(make_context("代表团次日离开", published_at=None))
    assert mention.normalized.value is None


def test_dateline_day_anchors_the_same_day(make_context):
    text = "新华社北京1月20日电 会议当天闭幕。"
    values = [m.normalized.value for m in DateExtractor().find(make_context(text))]
    assert values == ["2025-01-20", "2025-01-20"]


@pytest.mark.parametrize(
    "line",
    [
        "发布时间：2025-07-01 08:00",
        "發佈時間：2025-07-01 08:00",
        "更新時間：2025-07-01 08:00",
        "发布时间：2025年7月1日 08:00",
        "来源：新华网 发布时间：2025-07-01 08:00",
    ],
)
def test_a_labelled_publication_line_anchors_the_article(rules_pipeline, line):
    doc = rules_pipeline.extract(f"市政府发布新措施\n{line}\n政府昨日宣布新措施。")
    assert doc.meta.published_at == "2025-07-01T08:00+08:00"
    found = {e.text: e.normalized.value for e in doc.entities if e.type == "DATE"}
    assert found["昨日"] == "2025-06-30"
    assert line.rsplit("：", 1)[1] not in found  # the page's own time line is metadata, not a DATE


def test_a_given_publication_date_wins_over_the_labelled_line(rules_pipeline):
    doc = rules_pipeline.extract("發佈時間：2025-07-01 08:00\n政府昨日宣布新措施。", published_at="2025-08-10")
    found = {e.text: e.normalized.value for e in doc.entities if e.type == "DATE"}
    assert found["昨日"] == "2025-08-09"


def test_a_page_time_line_with_seconds_anchors_the_article(rules_pipeline):
    doc = rules_pipeline.extract("2019-12-03 17:22:41 来源：新华网\n政府昨日宣布新措施。")
    assert doc.meta.published_at == "2019-12-03T17:22+08:00"
    found = {e.text: e.normalized.value for e in doc.entities if e.type == "DATE"}
    assert found == {"昨日": "2019-12-02"}  # the time line anchors the article; it is no DATE of it


def test_an_event_time_line_is_no_publication_line(rules_pipeline):
    doc = rules_pipeline.extract("會議通知\n活動時間：2025年7月10日上午9時\n地點：市政府禮堂")
    assert doc.meta.published_at is None
    assert [e.text for e in doc.entities if e.type == "DATE"] == ["2025年7月10日上午9時"]  # the event's date stays


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("他5月15日上午10时抵达", "5月15日上午10时", "2025-05-15T10:00"),
        ("14日晚8點半開幕", "14日晚8點半", "2025-02-14T20:30"),
        ("警方昨晚10時接報", "昨晚10時", "2025-02-26T22:00"),
        ("今晨5時許，颱風吹襲", "今晨5時許", "2025-02-27T05:00"),
        ("昨日下午一時半開會", "昨日下午一時半", "2025-02-26T13:30"),
        ("前晚下雨", "前晚", "2025-02-25"),
        ("25日上午，代表团抵达", "25日", "2025-02-25"),  # the part of the day alone stays outside
    ],
)
def test_a_clock_time_after_a_day_belongs_to_it(make_context, text, span, value):
    mentions = DateExtractor().find(make_context(text))
    assert [(text[m.start : m.end], m.normalized.value) for m in mentions] == [(span, value)]


def test_a_part_of_the_day_that_begins_a_word_is_none(make_context):
    text = "3日晚会上表演"
    assert [text[m.start : m.end] for m in DateExtractor().find(make_context(text))] == ["3日"]
