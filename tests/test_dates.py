from dataclasses import replace
from datetime import datetime

import pytest

from pipeline.extract.amounts import AmountExtractor
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


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("他于2008年入职，同年升任经理，次年离职。", [("2008年", "2008"), ("同年", "2008"), ("次年", "2009")]),
        ("他於2008年入職，同年升任經理，翌年離職。", [("2008年", "2008"), ("同年", "2008"), ("翌年", "2009")]),
        (
            "公司于2023年12月成立，当月获得融资，次月上市。",
            [("2023年12月", "2023-12"), ("当月", "2023-12"), ("次月", "2024-01")],
        ),
        (
            "公司於2023年12月成立，當月獲得融資，同月下旬上市。",
            [("2023年12月", "2023-12"), ("當月", "2023-12"), ("同月下旬", "2023-12")],
        ),
        ("他2020年回国，当月找到工作。", [("2020年", "2020"), ("当月", None)]),  # a year gives no month to count from
    ],
)
def test_the_month_or_year_after_counts_from_the_dated_mention(make_context, text, values):
    found = [(text[m.start : m.end], m.normalized.value) for m in DateExtractor().find(make_context(text))]
    assert found == values


@pytest.mark.parametrize("text", ["他们是同年入学的同学。", "同年龄的孩子都来了。", "不同年份的数据", "當月銷量大增。"])
def test_the_month_or_year_after_needs_a_dated_mention_or_its_own_word(make_context, text):
    assert DateExtractor().find(make_context(text)) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("2月当月实际使用外资77亿美元", "2月当月", "2025-02"),
        ("5月1日當天，遊客達10萬人", "5月1日當天", "2025-05-01"),
        ("較去年同月減少14.0%", "去年同月", "2024"),  # no month spoken of before it: the year
    ],
)
def test_that_month_or_that_day_after_a_date_is_part_of_it(make_context, text, span, value):
    [mention] = DateExtractor().find(make_context(text))
    assert (text[mention.start : mention.end], mention.normalized.value) == (span, value)


def test_the_same_month_last_year_is_the_month_last_spoken_of_a_year_earlier(make_context):
    text = "1月入境旅客減少7.6%，較去年同月減少14.0%。"
    mentions = DateExtractor().find(make_context(text))
    found = [(text[m.start : m.end], m.normalized.value) for m in mentions]
    assert found == [("1月", "2025-01"), ("去年同月", "2024-01")]


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
        ("預計今晚24時前完成復電", "今晚24時", "2025-02-27T24:00"),  # 24时: the day's end, as ISO 8601 writes it
        ("新规5月3日24时起实施", "5月3日24时", "2025-05-03T24:00"),
        ("今晚25时", "今晚", "2025-02-27"),  # no such clock time
    ],
)
def test_a_clock_time_after_a_day_belongs_to_it(make_context, text, span, value):
    mentions = DateExtractor().find(make_context(text))
    assert [(text[m.start : m.end], m.normalized.value) for m in mentions] == [(span, value)]


def test_a_part_of_the_day_that_begins_a_word_is_none(make_context):
    text = "3日晚会上表演"
    assert [text[m.start : m.end] for m in DateExtractor().find(make_context(text))] == ["3日"]


# --- Issue "Numbers and times as news writes them" (sentences written for these tests; PUB is Thursday 2025-02-27) ---


def _values(make_context, text, published_at=None):
    ctx = make_context(text) if published_at is None else make_context(text, published_at=published_at)
    return [(text[m.start : m.end], m.normalized.value, m.normalized.end) for m in DateExtractor().find(ctx)]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # PUB is 2025-02-27: the story is told from the dateline's day, two days before the paper
        ("本报华盛顿2月25日电 美国国务院昨天宣布，明天起实施。", ["2025-02-25", "2025-02-24", "2025-02-26"]),
        (
            "（中央社記者林志明高雄25日電）高雄市政府昨天宣布，今晚8時起實施。",
            ["2025-02-25", "2025-02-24", "2025-02-25T20:00"],
        ),
        ("中央社記者王小明東京25日專電 日本政府今天宣布，前天起實施。", ["2025-02-25", "2025-02-25", "2025-02-23"]),
        # a web page's dateline closes with 消息
        ("北京时间2月25日消息，英国政府昨日宣布，明日起实施。", ["2025-02-25", "2025-02-24", "2025-02-26"]),
        ("中新網2月24日消息\n日本央行今天宣布，前天起實施。", ["2025-02-24", "2025-02-24", "2025-02-22"]),
        # no dateline: the publication's day
        ("美国国务院昨天宣布，明天起实施。", ["2025-02-26", "2025-02-28"]),
        ("本报消息 市政府昨天宣布，明天起实施。", ["2025-02-26", "2025-02-28"]),
    ],
)
def test_relative_dates_after_a_dateline_count_from_its_day(make_context, text, values):
    assert [v for _, v, _ in _values(make_context, text)] == values


@pytest.mark.parametrize(
    ("menus", "values"),
    [
        ("导航 | 要闻 | 国际 | 财经 | 体育 | 科技 | 汽车 | 房产\n" * 12, ["2025-02-25", "2025-02-24"]),
        # a story of its own, after sentences: its dateline is no longer the page's
        (
            "市政府今天宣布新措施。\n" + "导航 | 要闻 | 国际 | 财经 | 体育\n" * 24,
            ["2025-02-27", "2025-02-25", "2025-02-26"],
        ),
    ],
)
def test_a_dateline_after_long_menus_still_gives_the_story_day(make_context, menus, values):
    found = _values(make_context, menus + "新华社北京2月25日电\n国务院昨天召开常务会议。")
    assert [v for _, v, _ in found] == values


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("记者28日从市政府获悉，", datetime(2025, 3, 2), "2025-02-28"),  # last month's 28th, 2 days before
        ("記者3日從市政府獲悉，", datetime(2025, 2, 27), "2025-03-03"),  # next month's 3rd, 4 days after
        ("亚庇31日讯 州政府宣布", datetime(2024, 11, 1), "2024-10-31"),  # November has no 31st
        ("记者15日获悉", datetime(2025, 2, 27), "2025-02-15"),
    ],
)
def test_a_day_without_a_month_is_the_one_nearest_the_publication(make_context, text, published, value):
    assert _values(make_context, text, published)[0][1] == value


@pytest.mark.parametrize(
    "text",
    ["该公司截至9月底上半年净利增长，上半年营收下跌。", "該公司截至9月底上半年淨利增長，上半年營收下跌。"],
)
def test_a_half_tied_to_its_last_month_fixes_the_fiscal_calendar(make_context, text):
    # a first half that ends in September runs April to September: every 上半年 of the article does
    from datetime import datetime

    found = _values(make_context, text, datetime(2025, 11, 9))
    assert [(v, e) for span, v, e in found if span == "上半年"] == [("2025-04", "2025-09")] * 2


def test_without_a_month_tied_to_it_a_half_is_the_calendars(make_context):
    assert _values(make_context, "集团上半年营收下跌。") == [("上半年", "2025-01", "2025-06")]


@pytest.mark.parametrize(
    ("text", "span", "value", "end"),
    [
        ("政府公布本财政年度首九个月的财务状况", "本财政年度首九个月", "2024-04", "2024-12"),
        ("政府公布本財政年度首九個月的財務狀況", "本財政年度首九個月", "2024-04", "2024-12"),
        ("本财年综合账目录得赤字", "本财年", "2024", None),
        ("本財年綜合帳目錄得赤字", "本財年", "2024", None),
        ("上一财年盈利上升", "上一财年", "2023", None),
    ],
)
def test_the_fiscal_year_the_publication_falls_in(make_context, text, span, value, end):
    """In Hong Kong the fiscal year starts in April: February 2025 is in the fiscal year 2024."""
    from dataclasses import replace

    mentions = DateExtractor().find(replace(make_context(text), region="hk"))
    assert [(text[m.start : m.end], m.normalized.value, m.normalized.end) for m in mentions] == [(span, value, end)]


@pytest.mark.parametrize(("text", "span"), [("公司2009财年盈利", "2009财年"), ("公司2009財政年度盈利", "2009財政年度")])
def test_a_numbered_fiscal_year_is_its_year(make_context, text, span):
    assert _values(make_context, text) == [(span, "2009", None)]


@pytest.mark.parametrize(
    "text",
    ["16日成交量较前一日增加，若扣除当日的交易额", "16日成交量較前一日增加，若扣除當日的交易額"],
)
def test_the_day_before_is_a_comparison_not_the_storys_day(make_context, text):
    # 前一日 is the 15th, but the story stays on the 16th: 当日 after it is the 16th again
    assert [v for _, v, _ in _values(make_context, text)] == ["2025-02-16", "2025-02-15", "2025-02-16"]


@pytest.mark.parametrize("text", ["记者昨天下午2时30分到场，下午4时离开。", "記者昨天下午2時30分到場，下午4時離開。"])
def test_a_bare_clock_time_belongs_to_the_day_being_told(make_context, text):
    assert [v for _, v, _ in _values(make_context, text)] == ["2025-02-26T14:30", "2025-02-26T16:00"]


@pytest.mark.parametrize(
    "text", ["25日上午10时许，货车侧翻。10时30分许，交警到场。", "25日上午10時許，貨車側翻。10時30分許，交警到場。"]
)
def test_a_bare_clock_time_after_a_dated_day_belongs_to_that_day(make_context, text):
    assert [v for _, v, _ in _values(make_context, text)] == ["2025-02-25T10:00", "2025-02-25T10:30"]


def test_a_bare_clock_time_after_last_night_belongs_to_that_day(make_context):
    assert [v for _, v, _ in _values(make_context, "昨晚布置完毕。下午5时送来花篮。")] == [
        "2025-02-26",
        "2025-02-26T17:00",
    ]


def test_a_range_of_months_is_placed_where_it_is_nearest_whole(make_context):
    from datetime import datetime, timedelta, timezone

    pub = datetime(2025, 11, 15, 4, 50, tzinfo=timezone(timedelta(hours=8)))
    for text in ("1至10月全国铁路投资增长", "1至10月全國鐵路投資增長"):
        assert _values(make_context, text, pub) == [("1至10月", "2025-01", "2025-10")]


@pytest.mark.parametrize(("text", "span"), [("款项将于十月起转入", "十月"), ("款項將於十月起轉入", "十月")])
def test_a_month_after_a_future_word_is_not_in_the_past(make_context, text, span):
    # in February, October is nearer last year; after 将于 it is the coming one
    assert _values(make_context, text) == [(span, "2025-10", None)]


@pytest.mark.parametrize(
    ("text", "span", "value", "end"),
    [
        ("11月8日至10日，总统将访问", "11月8日至10日", "2024-11-08", "2024-11-10"),
        ("申请须在四月廿二日至五月三日期间提出", "四月廿二日至五月三日", "2025-04-22", "2025-05-03"),
        ("申請須在四月廿二日至五月三日期間提出", "四月廿二日至五月三日", "2025-04-22", "2025-05-03"),
        ("20至22日又将迎来降水", "20至22日", "2025-02-20", "2025-02-22"),
        ("12月份的开支", "12月份", "2024-12", None),
        ("2月份至3月份的開支", "2月份至3月份", "2025-02", "2025-03"),
    ],
)
def test_ranges_of_days_and_months_as_written(make_context, text, span, value, end):
    assert _values(make_context, text) == [(span, value, end)]


@pytest.mark.parametrize(("text", "value"), [("颱風今(4)日減弱", "2025-02-04"), ("台风今（4）日减弱", "2025-02-04")])
def test_today_with_the_day_in_brackets(make_context, text, value):
    # a page of 5 February 00:30 written on the 4th: today's date as the text gives it
    assert [v for _, v, _ in _values(make_context, text, datetime(2025, 2, 5, 0, 30))] == [value]


@pytest.mark.parametrize(
    ("text", "value"), [("新聞發佈會昨在政府總部舉行", "2025-02-26"), ("议员前日违反议事规则", "2025-02-25")]
)
def test_yesterday_in_one_character_and_the_day_before(make_context, text, value):
    assert [v for _, v, _ in _values(make_context, text)] == [value]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("公司星期四(11月6日)开市前发布业绩", "星期四(11月6日)", "2024-11-06"),
        ("公司星期四(11月6日)開市前發佈業績", "星期四(11月6日)", "2024-11-06"),
        ("署長昨日（二月二十六日）發出命令", "昨日（二月二十六日）", "2025-02-26"),
        ("署长昨日（二月二十六日）发出命令", "昨日（二月二十六日）", "2025-02-26"),
        ("報章在25日(周二)傍晚7時28分刊登消息", "25日(周二)傍晚7時28分", "2025-02-25T19:28"),
        ("报章在25日(周二)傍晚7时28分刊登消息", "25日(周二)傍晚7时28分", "2025-02-25T19:28"),
    ],
)
def test_a_weekday_or_relative_day_and_its_bracketed_date_are_one(make_context, text, span, value):
    assert [(s, v) for s, v, _ in _values(make_context, text)] == [(span, value)]


def test_a_day_alone_in_brackets_after_today_stays_its_own(make_context):
    assert [s for s, _, _ in _values(make_context, "政府今日（27日）公布")] == ["今日", "27日"]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("派息日为11月24日左右", "11月24日左右", "2024-11-24"),
        ("25日凌晨5时许，驴友出发", "25日凌晨5时许", "2025-02-25T05:00"),
        ("25日凌晨5時許，驢友出發", "25日凌晨5時許", "2025-02-25T05:00"),
        ("昨天下午3点多，记者致电", "昨天下午3点多", "2025-02-26T15:00"),
        ("1946年秋，他进入报馆", "1946年秋", "1946"),
        ("1946年秋，他進入報館", "1946年秋", "1946"),
        ("受6月13~18日暴雨影响", "6月13~18日", "2025-06-13"),
    ],
)
def test_approximate_days_seasons_and_day_ranges(make_context, text, span, value):
    assert [(s, v) for s, v, _ in _values(make_context, text)] == [(span, value)]


@pytest.mark.parametrize("text", ["2024年春节期间", "提前4个月完成计划", "提前4個月完成計劃"])
def test_festivals_and_ahead_of_time_are_no_year_parts(make_context, text):
    spans = [s for s, _, _ in _values(make_context, text)]
    assert all(s not in ("2024年春", "前4个月", "前4個月") for s in spans), spans


@pytest.mark.parametrize(
    ("text", "span", "value", "end"),
    [
        ("政府早于上世纪九十年代提出方案", "上世纪九十年代", "1990", "1999"),
        ("政府早於上世紀九十年代提出方案", "上世紀九十年代", "1990", "1999"),
        ("他20世纪60年代回过故乡", "20世纪60年代", "1960", "1969"),
        ("交接将在2021年的1月20日进行", "2021年的1月20日", "2021-01-20", None),
        ("交接將在2021年的1月20日進行", "2021年的1月20日", "2021-01-20", None),
    ],
)
def test_decades_and_a_year_of_a_date(make_context, text, span, value, end):
    assert _values(make_context, text) == [(span, value, end)]


@pytest.mark.parametrize(
    "text", ["被告判刑6月", "被告判刑6月，緩刑兩年", "他們將會被隔離七日", "他们将会被隔离七日", "被行政拘留15日"]
)
def test_a_month_or_day_after_a_word_of_length_is_no_date(make_context, text):
    assert _values(make_context, text) == []


@pytest.mark.parametrize(
    ("text", "span", "value", "end"),
    [
        # PUB is Thursday 2025-02-27: its week runs Monday 24 to Sunday 2 March
        ("上周，市政府召开会议", "上周", "2025-02-17", "2025-02-23"),
        ("本週將公佈結果", "本週", "2025-02-24", "2025-03-02"),
        ("下个星期开始实施", "下个星期", "2025-03-03", "2025-03-09"),
    ],
)
def test_a_week_alone_is_valued_by_its_monday(make_context, text, span, value, end):
    [mention] = DateExtractor().find(make_context(text))
    assert (text[mention.start : mention.end], mention.normalized.value, mention.normalized.end) == (span, value, end)
    assert mention.normalized.granularity == "week"


@pytest.mark.parametrize("text", ["本周年庆典举行", "上周期数据", "本週刊登"])
def test_a_week_word_inside_another_word_is_no_date(make_context, text):
    assert DateExtractor().find(make_context(text)) == []


@pytest.mark.parametrize(
    ("text", "span", "value", "end"),
    [
        ("20日至22日，会议召开", "20日至22日", "2025-02-20", "2025-02-22"),
        ("20日至22日，會議召開", "20日至22日", "2025-02-20", "2025-02-22"),
        ("6月下旬天气转热", "6月下旬", "2025-06", None),
        ("今年3月上旬，公司宣布", "今年3月上旬", "2025-03", None),
    ],
)
def test_ranges_of_days_and_thirds_of_a_month(make_context, text, span, value, end):
    assert _values(make_context, text) == [(span, value, end)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("世界遗产大会（扩大会议）20日在巴库闭幕", "20日", "2025-02-20"),  # a bracket before a day of the month
        ("由即日起增加預約上限", "即日", "2025-02-27"),
        ("与去年同期基本持平", "去年同期", "2024"),
    ],
)
def test_days_after_brackets_today_and_the_same_period(make_context, text, span, value):
    assert [(s, v) for s, v, _ in _values(make_context, text)] == [(span, value)]


@pytest.mark.parametrize("text", ["家住中山路5号的居民", "根据〔2024〕5号文件", "比赛第5日天气晴"])
def test_house_and_document_numbers_are_no_days(make_context, text):
    assert _values(make_context, text) == []


# --- Issue 18, the long tail: other sentences of the same classes (PUB is Thursday 2025-02-27) ---


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("大前天，他离开了本市", "大前天", "2025-02-24"),
        ("大前天，他離開了本市", "大前天", "2025-02-24"),
        ("大后天开幕", "大后天", "2025-03-02"),
        ("大後天開幕", "大後天", "2025-03-02"),
    ],
)
def test_three_days_before_and_after(make_context, text, span, value):
    assert _values(make_context, text) == [(span, value, None)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("截至今年一季度末，存款余额增长", "今年一季度末", "2025-03"),
        ("截至今年一季度末，存款餘額增長", "今年一季度末", "2025-03"),
        ("截至去年第四季度末，贷款增长", "去年第四季度末", "2024-12"),
        ("截至上半年末，不良率下降", "上半年末", "2025-06"),
        ("截至上半年底，不良率下降", "上半年底", "2025-06"),
        ("三季度初，订单回升", "三季度初", "2025-07"),
    ],
)
def test_the_end_or_start_of_a_quarter_or_half_is_its_month(make_context, text, span, value):
    found = [(s, v) for s, v, _ in _values(make_context, text)]
    assert found == [(span, value)]
    [mention] = DateExtractor().find(make_context(text))
    assert mention.normalized.granularity == "month"


@pytest.mark.parametrize("text", ["一季度初步统计，营收增长", "一季度初步統計，營收增長"])
def test_a_start_word_that_begins_another_word_stays_out_of_the_quarter(make_context, text):
    assert _values(make_context, text) == [("一季度", "2025-01", "2025-03")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("新规下周一起实施", "下周一", "2025-03-03"),
        ("新規下週一起實施", "下週一", "2025-03-03"),
        ("从下周一起，全市限行", "下周一", "2025-03-03"),
        ("從下週一起，全市限行", "下週一", "2025-03-03"),
        ("本周一起正式生效", "本周一", "2025-02-24"),
    ],
)
def test_a_monday_from_which_is_no_together(make_context, text, span, value):
    assert _values(make_context, text) == [(span, value, None)]


@pytest.mark.parametrize("text", ["我们下周一起去看电影", "我們下週一起去看電影"])
def test_next_week_together_is_no_monday(make_context, text):
    assert [s for s, _, _ in _values(make_context, text)] == []


@pytest.mark.parametrize("text", ["营收与去年同期相比增长", "營收與去年同期相比增長"])
def test_the_same_period_before_a_comparison(make_context, text):
    assert _values(make_context, text) == [("去年同期", "2024", None)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("2024年元月，公司成立", "2024年元月", "2024-01"),
        ("二〇二四年元月，公司成立", "二〇二四年元月", "2024-01"),
        ("新规元月1日起实施", "元月1日", "2025-01-01"),
    ],
)
def test_the_first_month_as_yuan_month(make_context, text, span, value):
    assert [(s, v) for s, v, _ in _values(make_context, text)] == [(span, value)]


@pytest.mark.parametrize("text", ["月薪3000元月底发放", "月薪3000元月底發放", "单元月考成绩公布"])
def test_a_yuan_of_money_or_of_a_word_is_no_month(make_context, text):
    assert all("元月" not in s for s, _, _ in _values(make_context, text))


@pytest.mark.parametrize(
    ("text", "span", "value", "end"),
    [
        ("本季度营收下滑", "本季度", "2025-01", "2025-03"),
        ("本季度營收下滑", "本季度", "2025-01", "2025-03"),
        ("上季度营收下滑", "上季度", "2024-10", "2024-12"),
        ("上一季度營收下滑", "上一季度", "2024-10", "2024-12"),
        ("下个季度将回升", "下个季度", "2025-04", "2025-06"),
        ("下個季度將回升", "下個季度", "2025-04", "2025-06"),
    ],
)
def test_this_last_and_next_quarter(make_context, text, span, value, end):
    assert _values(make_context, text) == [(span, value, end)]
    [mention] = DateExtractor().find(make_context(text))
    assert (mention.normalized.granularity, mention.normalized.relative) == ("quarter", True)


@pytest.mark.parametrize(("text", "span"), [("1-10月，出口增长", "1-10月"), ("1至10月，出口增長", "1至10月")])
def test_a_range_of_months_just_over_is_this_years(make_context, text, span):
    # in December the range that ended in October is this year's, not next year's that begins next month
    assert _values(make_context, text, datetime(2024, 12, 6)) == [(span, "2024-01", "2024-10")]


def test_a_range_of_months_ahead_is_still_the_coming_one(make_context):
    assert _values(make_context, "3月至6月将开展整治", datetime(2025, 2, 27)) == [("3月至6月", "2025-03", "2025-06")]


@pytest.mark.parametrize(
    "line",
    [
        "发稿时间：2025-07-01 08:00",
        "發布日期：2025-07-01 08:00",
        "发布于：2025-07-01 08:00",
        "發佈於 2025-07-01 08:00",
        "发布时间 2025-07-01 08:00",  # no colon
        "2025-07-01T08:00:00+08:00",  # ISO 8601 with seconds and offset, as feeds print it
    ],
)
def test_more_publication_lines_anchor_the_article_and_are_no_dates(rules_pipeline, line):
    doc = rules_pipeline.extract(f"市政府发布新措施\n{line}\n政府昨日宣布新措施。")
    assert doc.meta.published_at == "2025-07-01T08:00+08:00"
    found = {e.text: e.normalized.value for e in doc.entities if e.type == "DATE"}
    assert found == {"昨日": "2025-06-30"}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("被告在周二上午宣判", "周二", "2025-02-25"),
        ("被告在週二上午宣判", "週二", "2025-02-25"),
        ("公司星期四公布业绩", "星期四", "2025-02-27"),  # the publication's own weekday: that day
        ("公司星期四公佈業績", "星期四", "2025-02-27"),
        ("他禮拜天去了公園", "禮拜天", "2025-02-23"),
        ("会议将于周五举行", "周五", "2025-02-28"),  # after a future word: the coming one
    ],
)
def test_a_weekday_alone_is_the_last_such_day(make_context, text, span, value):
    assert _values(make_context, text) == [(span, value, None)]


@pytest.mark.parametrize(
    "text", ["列车每逢周日行驶", "列車每逢週日行駛", "展馆周一至周五开放", "展館週一至週五開放", "周一鸣出席会议"]
)
def test_a_weekday_that_repeats_or_spans_is_no_day(make_context, text):
    assert [s for s, _, _ in _values(make_context, text) if "周" in s or "週" in s] == []


# --- Long tail: ranges of two dates, mid-year, serial numbers (sentences written for these tests) ---


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # two dates joined by a range word: one DATE, valued by its start, ending on the other
        ("4月中旬至5月初为播种期", [("4月中旬至5月初", "2025-04", "2025-05")]),
        ("4月中旬至5月初為播種期", [("4月中旬至5月初", "2025-04", "2025-05")]),
        ("2021年至2023年，产量翻番", [("2021年至2023年", "2021", "2023")]),
        ("2021年至2023年，產量翻番", [("2021年至2023年", "2021", "2023")]),
        ("去年11月到今年1月，雨水偏少", [("去年11月到今年1月", "2024-11", "2025-01")]),
        ("去年11月到今年1月，氣溫偏高", [("去年11月到今年1月", "2024-11", "2025-01")]),
        ("3月20日至4月5日開放申請", [("3月20日至4月5日", "2025-03-20", "2025-04-05")]),
        # not a range: a second date before the first, weekdays as opening days
        ("2023年至2021年", [("2023年", "2023", None), ("2021年", "2021", None)]),
        ("周一至周五开放", []),
    ],
)
def test_two_dates_joined_by_a_range_word_are_one(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("大桥预计年中通车", [("年中", "2025-06", None)]),
        ("大橋預計年中通車", [("年中", "2025-06", None)]),
        ("去年年中，工厂停产", [("去年年中", "2024-06", None)]),
        ("去年年中，工廠停產", [("去年年中", "2024-06", None)]),
        ("截至年中，存款增长", [("年中", "2025-06", None)]),
        # never the 年中 of a year before 中国, of a number of years, or of a word
        ("2024年中国经济增长", [("2024年", "2024", None)]),
        ("2024年中國經濟增長", [("2024年", "2024", None)]),
        ("过去9年中，他从未缺席", []),
        ("过去十年中，他从未缺席", []),
        ("年中考核已经结束", []),
        ("该年中共召开会议", []),
    ],
)
def test_mid_year(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # after a word ending in 号 (型号, 编号, 车牌号), alone or with a copula, N号 is a serial number
        ("型号为8号的机器已停产", []),
        ("型號為8號的機器已停產", []),
        ("编号为3号的文件已归档", []),
        ("編號為3號的文件已歸檔", []),
        ("车牌号是5号", []),
        # a day still
        ("会议3月8号召开", [("3月8号", "2025-03-08", None)]),
        ("會議8號召開", [("8號", "2025-03-08", None)]),  # the nearest 8th
    ],
)
def test_a_serial_number_is_no_day(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # Taiwanese press brackets the number of a relative day, month or year: the number gives the date
        ("行政院昨（26）日召開院會", [("昨（26）日", "2025-02-26", None)]),
        ("行政院昨（26）日召开院会", [("昨（26）日", "2025-02-26", None)]),
        ("颱風預計明（28）日登陸", [("明（28）日", "2025-02-28", None)]),
        ("台风预计明(28)日登陆", [("明(28)日", "2025-02-28", None)]),
        ("衛福部上（1）月底公布數據", [("上（1）月底", "2025-01", None)]),
        ("卫福部上（1）月底公布数据", [("上（1）月底", "2025-01", None)]),
        ("立法院將於下（3）月初審查", [("下（3）月初", "2025-03", None)]),
        ("去（2024）年出口成長", [("去（2024）年", "2024", None)]),
        ("去（2024）年12月出口成长", [("去（2024）年12月", "2024-12", None)]),
        ("前（113）年的數據", [("前（113）年", "2024", None)]),
    ],
)
def test_bracketed_relative_days_months_and_years(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a range of years with 年 after the second only
        ("2021至2023年，出口年均增长6%", [("2021至2023年", "2021", "2023")]),
        ("2021-2023年，出口年均增長6%", [("2021-2023年", "2021", "2023")]),
        # a full-width dash between two days
        ("3月10日－12日，持續降雨", [("3月10日－12日", "2025-03-10", "2025-03-12")]),
        # 至今 after a date: from it to the publication
        ("2019年至今，共投入资金", [("2019年至今", "2019", "2025-02-27")]),
        ("年初至今，恆指累計上升", [("年初至今", "2025-01", "2025-02-27")]),
        ("年初至今，恒指累计上涨", [("年初至今", "2025-01", "2025-02-27")]),
        # but not the 至 and 今年 of a range of dates
        ("去年12月至今年2月，降雨偏少", [("去年12月至今年2月", "2024-12", "2025-02")]),
    ],
)
def test_ranges_of_years_and_since(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # an anaphoric day that is an evening: a clock time after it is in the evening
        ("2月20日事發，當晚9時警方到場", [("2月20日", "2025-02-20", None), ("當晚9時", "2025-02-20T21:00", None)]),
        ("2月20日事发，当晚9时警方到场", [("2月20日", "2025-02-20", None), ("当晚9时", "2025-02-20T21:00", None)]),
        ("2月20日事发，翌晨警方拘捕疑犯", [("2月20日", "2025-02-20", None), ("翌晨", "2025-02-21", None)]),
        # an anaphoric year with a month after it
        ("该法案于2023年5月通过，同年10月生效", [("2023年5月", "2023-05", None), ("同年10月", "2023-10", None)]),
        ("該法案於2023年5月通過，次年3月生效", [("2023年5月", "2023-05", None), ("次年3月", "2024-03", None)]),
    ],
)
def test_anaphoric_evenings_and_months(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("大前年的数据显示出口放缓", [("大前年", "2022", None)]),
        ("大前年的數據顯示出口放緩", [("大前年", "2022", None)]),
        ("今午1時，政府宣佈停課", [("今午1時", "2025-02-27T13:00", None)]),
        ("昨午，两车相撞", [("昨午", "2025-02-26", None)]),
        ("今年頭兩個月出口增長", [("今年頭兩個月", "2025-01", "2025-02")]),
        ("今年头两个月出口增长", [("今年头两个月", "2025-01", "2025-02")]),
        # 头 of another word is no lead
        ("码头3个月后启用", []),
    ],
)
def test_more_relative_words(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("text", "region", "value", "end"),
    [
        ("2024/25財年，公司錄得盈利", "hk", "2024", "2025-03"),
        ("2024-25年度的赤字預計為480億元", "hk", "2024", "2025-03"),
        ("2024-25年度的赤字预计为480亿元", "hk", "2024", "2025-03"),
        ("將與2026至27年度《財政預算案》同時公布", "hk", "2026", "2027-03"),
        # a fiscal year written with two years crosses a new year, whatever the region
        ("2024/25财政年度预算", "mainland", "2024", "2025-03"),
        ("2024/25財政年度預算", "tw", "2024", "2025-03"),
    ],
)
def test_fiscal_years_with_a_dash_or_cai_nian(make_context, text, region, value, end):
    from dataclasses import replace

    mentions = DateExtractor().find(replace(make_context(text), region=region))
    assert [(m.normalized.value, m.normalized.end) for m in mentions] == [(value, end)]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # quarters written without 度, and 首季度
        ("今年前三季，出口增长", [("今年前三季", "2025-01", "2025-09")]),
        ("今年前3季，出口增長", [("今年前3季", "2025-01", "2025-09")]),
        ("今年首季度，营收增长", [("今年首季度", "2025-01", "2025-03")]),
        ("今年首季度，營收增長", [("今年首季度", "2025-01", "2025-03")]),
        # half an hour after a clock time in the date
        ("2025年3月12日上午11時半，會議開始", [("2025年3月12日上午11時半", "2025-03-12T11:30", None)]),
        ("2025年3月12日上午11时半，会议开始", [("2025年3月12日上午11时半", "2025-03-12T11:30", None)]),
        ("20日20时半，列车出发", [("20日20时半", "2025-02-20T20:30", None)]),
        # a Taiwanese school year
        ("112學年度起實施新課綱", [("112學年度", "2023", None)]),
        # a month or a day after a word of repetition recurs: no date
        ("每年3月，候鸟飞抵湿地", []),
        ("每年3月，候鳥飛抵濕地", []),
        ("每月5日发放津贴", []),
        ("每月5日發放津貼", []),
    ],
)
def test_quarters_half_hours_school_years_and_recurring(make_context, text, values):
    from dataclasses import replace

    ctx = make_context(text)
    ctx = replace(ctx, region="tw") if "學年" in text else ctx
    assert [(text[m.start : m.end], m.normalized.value, m.normalized.end) for m in DateExtractor().find(ctx)] == values


_MARCH_12 = datetime.fromisoformat("2025-03-12T10:00+08:00")  # a Wednesday


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a future word after the date, or 将 before a verb: the date is ahead
        ("外长周五将访问日本", [("周五", "2025-03-14", None)]),
        ("外長週五將訪問日本", [("週五", "2025-03-14", None)]),
        ("新馆10月将开幕", [("10月", "2025-10", None)]),
        ("新館10月將開幕", [("10月", "2025-10", None)]),
        ("展览10月即将开幕", [("10月", "2025-10", None)]),
        # ... but 将 as the object marker is no future
        ("警方周三将两名男子拘捕", [("周三", "2025-03-12", None)]),
        ("警方週一將兩名男子拘捕", [("週一", "2025-03-10", None)]),
        # a future word with a verb of moving between it and the date
        ("展覽將延至10月", [("10月", "2025-10", None)]),
        ("会议将推迟到10月举行", [("10月", "2025-10", None)]),
        ("选举预料在10月举行", [("10月", "2025-10", None)]),
        # a past word before it: the date is behind (a tie in distance is otherwise this year)
        ("她曾于9月访问北京", [("9月", "2024-09", None)]),
        ("她曾於9月訪問北京", [("9月", "2024-09", None)]),
        ("工程已于4月完成", [("4月", "2024-04", None)]),
        # without either, the nearest
        ("她9月访问北京", [("9月", "2025-09", None)]),
        ("該公司於10月上市", [("10月", "2024-10", None)]),
    ],
)
def test_future_and_past_words_around_a_date(make_context, text, values):
    assert _values(make_context, text, published_at=_MARCH_12) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # 迄今 after a date, as 至今
        ("2020年迄今，公司擴張", [("2020年迄今", "2020", "2025-02-27")]),
        ("2020年迄今，公司扩张", [("2020年迄今", "2020", "2025-02-27")]),
        # two thirds of a month together
        ("2月上中旬，降雨偏少", [("2月上中旬", "2025-02", None)]),
        ("本月中下旬，氣溫回升", [("本月中下旬", "2025-02", None)]),
    ],
)
def test_since_words_and_thirds_of_a_month(make_context, text, values):
    assert _values(make_context, text) == values


# --- Issue 18's long tail (sentences written for these tests) ---


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a week's end: its Saturday to Sunday
        ("上周末天气晴朗", [("上周末", "2025-02-22", "2025-02-23")]),
        ("本週末有雨", [("本週末", "2025-03-01", "2025-03-02")]),
        # two days from the publication date
        ("今明两天有大雨", [("今明两天", "2025-02-27", "2025-02-28")]),
        ("今明兩日氣溫回升", [("今明兩日", "2025-02-27", "2025-02-28")]),
        ("上一年度虧損收窄", [("上一年度", "2024", None)]),
        ("下一年度预算增加", [("下一年度", "2026", None)]),
        # a number before 号 and a word of what it numbers is no day
        ("他穿着10号球衣", []),
        ("3號病例已出院", []),
        # a day in a word that goes on past its 日, or before a word of within, counts days
        ("学校保障学生一日三餐", []),
        ("旅行社推出一日遊", []),
        ("須於七日內申報", []),
        ("5日内完成整改", []),
        ("25日内部会议召开", [("25日", "2025-02-25", None)]),  # 内部: no 内 of its own
        ("明晨有雨", [("明晨", "2025-02-28", None)]),
        ("该条约是日美两国的事情", []),  # 是 + 日美: no 是日 (that day), a word too rare in news to read
    ],
)
def test_issue_18_relative_days_and_numbers(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("發佈時間：2025年7月1日（星期二）08:00", "2025-07-01T08:00+08:00"),  # a weekday before the clock
        ("发布时间：2025年7月1日 星期二 08:00", "2025-07-01T08:00+08:00"),
        ("更新時間：2025年7月1日 下午3:15", "2025-07-01T15:15+08:00"),  # 下午: afternoon hours
        ("編輯：陳大文 更新時間：2025/07/01 08:00", "2025-07-01T08:00+08:00"),  # after another labelled field
        ("【更新時間】2025/07/01 08:00", "2025-07-01T08:00+08:00"),
        ("最后更新时间：2025-07-01 08:00", "2025-07-01T08:00+08:00"),
        ("人民网 2025-07-01 08:00:12", "2025-07-01T08:00+08:00"),  # a clock to the second: the page's
        ("香港電台 2025-07-01 HKT 08:00", "2025-07-01T08:00+08:00"),  # a short name, a zone, a clock
        ("發佈時間：2025/07/01 08:00 PM", "2025-07-01T20:00+08:00"),
        ("2025/7/1 上午 08:00", "2025-07-01T08:00+08:00"),
    ],
)
def test_issue_18_publication_lines(rules_pipeline, line, published):
    doc = rules_pipeline.extract(f"市政府發布新措施\n{line}\n政府昨日宣布新措施。")
    assert doc.meta.published_at == published
    found = {e.text: e.normalized.value for e in doc.entities if e.type == "DATE"}
    assert found == {"昨日": "2025-06-30"}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [("國立大學113學年度起調整學費", "113學年度", "2024"), ("該校112學年度招收新生", "112學年度", "2023")],
)
def test_a_school_year_is_evidence_of_taiwan(rules_pipeline, text, span, value):
    doc = rules_pipeline.extract(text, published_at="2025-02-27")
    assert doc.meta.region == "tw"
    assert [(e.text, e.normalized.value) for e in doc.entities if e.type == "DATE"] == [(span, value)]


@pytest.mark.parametrize(
    ("text", "region", "dates"),
    [
        # a bare ROC year is a hint: with a Taiwanese body or marker it decides
        ("台電公司112年虧損擴大", "tw", [("112年", "2023")]),
        ("法務部表示，113年起實施新制", "tw", [("113年", "2024")]),
        # alone it does not, and a span of years is none
        ("公布112年統計", "unknown", []),
        ("這所學校建校110年來培育人才", "unknown", []),
    ],
)
def test_a_bare_roc_year_is_weak_evidence_of_taiwan(rules_pipeline, text, region, dates):
    doc = rules_pipeline.extract(text, published_at="2025-02-27")
    assert doc.meta.region == region
    assert [(e.text, e.normalized.value) for e in doc.entities if e.type == "DATE"] == dates
    if region == "tw":
        assert any(c.kind == "pattern" and c.points == 1 for c in doc.meta.region_evidence.clues)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # 今 alone before a verb is today; not 今后, 至今, 古今
        ("市衛生局今公布最新數據", [("今", "2025-02-27", None)]),
        ("新规今起实施", [("今", "2025-02-27", None)]),
        ("今后将加强监管", []),
        ("古今中外皆然", []),
        # a typhoon signal's number is no day
        ("天文台發出8號特別告示", []),
    ],
)
def test_issue_18_bare_today_and_signals(make_context, text, values):
    assert _values(make_context, text) == values


def test_a_roc_date_with_dashes(rules_pipeline):
    doc = rules_pipeline.extract("院會決議\n日期：113-03-04\n資料來源：行政院", published_at="2025-02-27", region="tw")
    assert [(e.text, e.normalized.value) for e in doc.entities if e.type == "DATE"] == [("113-03-04", "2024-03-04")]
    doc = rules_pipeline.extract("编号113-03-04", published_at="2025-02-27", region="mainland")
    assert [e.text for e in doc.entities if e.type == "DATE"] == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a school year written with both its years: its first year, to its second
        ("政府於二○二四/二○二五學校年度續發津貼", [("二○二四/二○二五學校年度", "2024", "2025")]),
        ("2024/25学年度开学", [("2024/25学年度", "2024", "2025")]),
        ("2023-2024学年第一学期", [("2023-2024学年", "2023", "2024")]),
        ("2023/25学年", []),  # not two years in a row
    ],
)
def test_a_school_year_with_both_years(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("text", "span", "value"), [("会议今天上午召开", "今天", "2025-02-27"), ("會議明天下午舉行", "明天", "2025-02-28")]
)
def test_a_day_jieba_joins_to_its_part_of_the_day_is_no_name(rules_pipeline, text, span, value):
    """jieba tags 今天上午 as a person's name (nr); the day inside it is still a date."""
    doc = rules_pipeline.extract(text, published_at="2025-02-27")
    assert [(e.text, e.normalized.value) for e in doc.entities if e.type == "DATE"] == [(span, value)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("2021年“五一”假期，全区接待游客50万人次", "2021年“五一”假期", "2021-05-01"),
        ("2024年春节期间，客流增加", "2024年春节", "2024-02-10"),  # 期间 stays outside
        ("今年國慶假期，遊客增加", "今年國慶假期", "2025-10-01"),
        ("去年中秋节，月饼热销", "去年中秋节", "2024-09-17"),
        ("2023年清明节，市民扫墓", "2023年清明节", "2023-04-05"),
        ("2025年除夕，全家团圆", "2025年除夕", "2025-01-28"),
        ("2019年「端午」連假", "2019年「端午」連假", "2019-06-07"),
        ("今年“双十一”期间，销售额创新高", "今年“双十一”", "2025-11-11"),
        ("今年農曆新年假期，旅客激增", "今年農曆新年假期", "2025-01-29"),  # the lunar new year is 春节
        ("2024年新春佳节期间，游客增多", "2024年新春佳节", "2024-02-10"),
    ],
)
def test_a_festival_after_a_year_is_its_day(make_context, text, span, value):
    mentions = DateExtractor().find(make_context(text))
    assert [(text[m.start : m.end], m.normalized.value, m.normalized.granularity) for m in mentions] == [
        (span, value, "day")
    ]


def test_a_festival_keeps_its_regions_day(make_context):
    text = "2024年國慶日，總統府前舉行典禮"
    mainland = DateExtractor().find(make_context(text))
    taiwan = DateExtractor().find(replace(make_context(text), region="tw"))
    assert [m.normalized.value for m in mainland] == ["2024-10-01"]
    assert [m.normalized.value for m in taiwan] == ["2024-10-10"]


@pytest.mark.parametrize(("text", "span"), [("春节期间，客流增加", None), ("1850年春节，", "1850年")])
def test_a_festival_without_a_year_or_outside_the_tables_is_no_day(make_context, text, span):
    mentions = DateExtractor().find(make_context(text))
    assert [text[m.start : m.end] for m in mentions] == ([span] if span else [])


@pytest.mark.parametrize(
    ("text", "span", "value", "end"),
    [
        ("2025年Q1虧損擴大", "2025年Q1", "2025-01", "2025-03"),
        ("今年Q4将推出新品", "今年Q4", "2025-10", "2025-12"),
    ],
)
def test_a_quarter_written_q1_to_q4(make_context, text, span, value, end):
    mentions = DateExtractor().find(make_context(text))
    assert [(text[m.start : m.end], m.normalized.value, m.normalized.end) for m in mentions] == [(span, value, end)]


@pytest.mark.parametrize("text", ["型号Q30发布", "新款AQ3上市", "Q3X芯片"])
def test_q_and_a_digit_inside_a_code_is_no_quarter(make_context, text):
    assert DateExtractor().find(make_context(text)) == []


@pytest.mark.parametrize(
    ("text", "span", "value", "end"),
    [("今明两年是关键", "今明两年", "2025", "2026"), ("去今兩年虧損", "去今兩年", "2024", "2025")],
)
def test_two_years_counted_from_the_publication(make_context, text, span, value, end):
    mentions = DateExtractor().find(make_context(text))
    assert [(text[m.start : m.end], m.normalized.value, m.normalized.end) for m in mentions] == [(span, value, end)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("今個月中旬將有大雨", [("今個月中旬", "2025-02", None)]),  # Hong Kong's 今個月 is this month
        ("今个月中旬将有大雨", [("今个月中旬", "2025-02", None)]),
        ("工期3个月中旬完成", []),  # the 月 of a length names no month: 中旬 alone is no date (nor a crash)
        ("工期3個月中旬完成", []),
    ],
)
def test_a_third_of_a_month_needs_the_month(make_context, text, found):
    assert _values(make_context, text) == found


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("将于本周五公布结果", "本周五", "2025-02-28"),
        ("警方將於本週五公布結果", "本週五", "2025-02-28"),
        ("会议于本周五举行", "本周五", "2025-02-28"),
        ("新规从今天起实施", "今天", "2025-02-27"),
        ("新規從今天起實施", "今天", "2025-02-27"),
        ("據統計，迄今日晚間9時共有", "今日晚間9時", "2025-02-27T21:00"),  # jieba's 迄今: 迄 is until
        ("据统计，迄今日晚间9时共有", "今日晚间9时", "2025-02-27T21:00"),
    ],
)
def test_a_preposition_jieba_joins_to_a_date_does_not_hold_it(rules_pipeline, text, span, value):
    doc = rules_pipeline.extract(text, published_at="2025-02-27T09:51+08:00")
    assert [(e.text, e.normalized.value) for e in doc.entities if e.type == "DATE"] == [(span, value)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("晚上8点，烟花表演开始", [("晚上8点", "2025-02-27T20:00", None)]),
        ("晚上8點，煙花表演開始", [("晚上8點", "2025-02-27T20:00", None)]),
        ("事故发生在晚上八点左右", [("晚上八点左右", "2025-02-27T20:00", None)]),
        ("下午三時半開會", [("下午三時半", "2025-02-27T15:30", None)]),
        ("上午十点十五分开会", [("上午十点十五分", "2025-02-27T10:15", None)]),
        ("清晨6点出发", [("清晨6点", "2025-02-27T06:00", None)]),
        ("晚上二十五点", []),  # no such clock time
        ("指数涨8点", []),  # 点 without a part of the day: points as often as a clock
    ],
)
def test_a_clock_time_after_a_part_of_the_day_may_use_dian_and_chinese_numerals(make_context, text, found):
    assert _values(make_context, text) == found


@pytest.mark.parametrize("text", ["端午节前后天气多变", "端午節前後天氣多變", "考试前后天天复习", "考試前後天天複習"])
def test_a_relative_day_inside_a_word_before_it_is_none(make_context, text):
    assert _values(make_context, text) == []


@pytest.mark.parametrize("line", ["2025-02-27 09:15 中央社", "2025-02-27 09:15 人民网", "2025/02/27 09:15 星島日報"])
def test_a_page_time_line_with_the_outlet_after_it(rules_pipeline, line):
    doc = rules_pipeline.extract(f"{line}\n政府昨日宣布新措施。")
    assert doc.meta.published_at == "2025-02-27T09:15+08:00"
    assert [(e.text, e.normalized.value) for e in doc.entities if e.type == "DATE"] == [("昨日", "2025-02-26")]


@pytest.mark.parametrize(
    "text", ["颱風信號改為三號", "台风信号改为三号", "天文台改發三號強風信號", "天文台改发八号烈风或暴风信号"]
)
def test_the_number_of_a_storm_signal_is_no_day(make_context, text):
    assert _values(make_context, text) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("今年618期间，成交额增长", "今年618", "2025-06-18"),
        ("今年6·18期間，成交額增長", "今年6·18", "2025-06-18"),
        ("去年双11期间，成交额增长", "去年双11", "2024-11-11"),
        ("去年雙11期間，成交額增長", "去年雙11", "2024-11-11"),
    ],
)
def test_a_shopping_festival_written_in_digits_after_a_year(make_context, text, span, value):
    assert _values(make_context, text) == [(span, value, None)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("这项工程预计在2026年杪完成", "2026年杪", "2026-12"),
        ("這項工程預計在2026年杪完成", "2026年杪", "2026-12"),
        ("明年杪将完成", "明年杪", "2026-12"),
        ("预计6月杪完成", "6月杪", "2025-06"),
    ],
)
def test_miao_is_the_end_of_a_year_or_a_month(make_context, text, span, value):
    assert _values(make_context, text) == [(span, value, None)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("深夜11时，消防员仍在灭火", [("深夜11时", "2025-02-27T23:00", None)]),
        ("深夜11時，消防員仍在滅火", [("深夜11時", "2025-02-27T23:00", None)]),
        ("深夜1时许，巡逻车抵达", [("深夜1时许", "2025-02-27T01:00", None)]),
        ("半夜两点，居民被惊醒", [("半夜两点", "2025-02-27T02:00", None)]),
        ("夜间10时起封路", [("夜间10时", "2025-02-27T22:00", None)]),
        ("黄昏7時，燈會開幕", [("黄昏7時", "2025-02-27T19:00", None)]),
        ("午后3时，雷雨来袭", [("午后3时", "2025-02-27T15:00", None)]),
        ("午夜12时，钟声响起", [("午夜12时", "2025-02-27T24:00", None)]),
        ("26日晚上12点前提交", [("26日晚上12点", "2025-02-26T24:00", None)]),
    ],
)
def test_a_word_for_the_night_before_a_clock_time(make_context, text, found):
    assert _values(make_context, text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("2010年代，手机普及", [("2010年代", "2010", "2019")]),
        ("1980年代的台北街頭", [("1980年代", "1980", "1989")]),
        ("九十年代末，他移居香港", [("九十年代", "1990", "1999")]),
        ("90年代，這裏還是農田", [("90年代", "1990", "1999")]),
        ("20年代的新能源", [("20年代", "2020", "2029")]),  # the last 20年代 to begin by February 2025
        ("上世纪80年代", [("上世纪80年代", "1980", "1989")]),
    ],
)
def test_a_decade_with_or_without_its_century(make_context, text, found):
    assert _values(make_context, text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("2月28日上午9时至11时停水", [("2月28日上午9时至11时", "2025-02-28T09:00", "2025-02-28T11:00")]),
        ("今天8時至18時交通管制", [("今天8時至18時", "2025-02-27T08:00", "2025-02-27T18:00")]),
        ("3日晚上8时至10时燃放烟花", [("3日晚上8时至10时", "2025-03-03T20:00", "2025-03-03T22:00")]),
        ("昨晚9時至11時封路", [("昨晚9時至11時", "2025-02-26T21:00", "2025-02-26T23:00")]),
        ("3月1日9时至3月2日18时实施管制", [("3月1日9时至3月2日18时", "2025-03-01T09:00", "2025-03-02T18:00")]),
        # without a written day a clock range is hours of opening, two clock times
        ("上午9时至下午5时开放", [("上午9时", "2025-02-27T09:00", None), ("下午5时", "2025-02-27T17:00", None)]),
    ],
)
def test_a_clock_range_on_a_written_day_is_one_date(make_context, text, found):
    assert _values(make_context, text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("昨（26）晚，警方破獲一宗案件", [("昨（26）晚", "2025-02-26", None)]),
        ("昨（26）晚8時許，一輛機車自撞", [("昨（26）晚8時許", "2025-02-26T20:00", None)]),
        ("今（27）晨發生地震", [("今（27）晨", "2025-02-27", None)]),
        ("上週五（21日）股市大跌", [("上週五（21日）", "2025-02-21", None)]),
        ("本周四（27日）公布数据", [("本周四（27日）", "2025-02-27", None)]),
    ],
)
def test_a_bracketed_day_after_a_relative_day_or_week(make_context, text, found):
    assert _values(make_context, text) == found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("委员会周五将投票表决", "2025-02-28"),  # 将 before an idiom's verb: ahead
        ("委員會週五將投票表決", "2025-02-28"),
        ("警方周一将两人拘捕", "2025-02-24"),  # 将 as the object marker: the last Monday
    ],
)
def test_a_weekday_before_jiang_and_a_verb_is_ahead(make_context, text, value):
    assert [v for _, v, _ in _values(make_context, text)] == [value]


@pytest.mark.parametrize(
    ("text", "span"),
    [("十二月底前完成验收", "十二月底"), ("今年十二月底前完成", "今年十二月底"), ("2024年初步统计", "2024年")],
)
def test_a_year_part_jieba_joins_to_qian_stays_in_the_date(make_context, text, span):
    assert [s for s, _, _ in _values(make_context, text)] == [span]


@pytest.mark.parametrize(
    ("text", "same"),
    [
        ("今年第三季，净利息收入与去年同期持平", ("去年同期", "2024-07", "2024-09")),
        ("今年前三季度，增速比去年同期加快", ("去年同期", "2024-01", "2024-09")),
        ("1月份，零售额增长6%，上年同期为负增长", ("上年同期", "2024-01", None)),
        ("上半年營收較2023年同期增長", ("2023年同期", "2023-01", "2023-06")),
        ("去年同期增长5%", ("去年同期", "2024", None)),  # no period before: the year
    ],
)
def test_the_same_period_of_another_year_is_the_period_spoken_of(make_context, text, same):
    assert _values(make_context, text)[-1] == same


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # 中 after a month is its middle, valued as the month; with a range word it joins the next date
        ("新車型預計4月中上市", [("4月中", "2025-04", None)]),
        ("新车型预计4月中上市", [("4月中", "2025-04", None)]),
        ("本月中将公布名单", [("本月中", "2025-02", None)]),
        ("本月中將公佈名單", [("本月中", "2025-02", None)]),
        ("3月中至4月初施工", [("3月中至4月初", "2025-03", "2025-04")]),
        # a range of a month's thirds is the month
        ("12月上旬至中旬降雪偏多", [("12月上旬至中旬", "2024-12", "2024-12")]),
        ("去年12月中旬至下旬寒流頻繁", [("去年12月中旬至下旬", "2024-12", "2024-12")]),
        # not the 中 of a word after the month
        ("4月中国出口增长", [("4月", "2025-04", None)]),
        ("4月中國出口增長", [("4月", "2025-04", None)]),
    ],
)
def test_mid_month(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("明年春季開學", [("明年春季", "2026", None)]),
        ("明年春季开学", [("明年春季", "2026", None)]),
        ("去年冬天以来，气温偏高", [("去年冬天以来", "2024", "2025-02-27")]),
        ("今年春运开始", [("今年", "2025", None)]),  # 春运 is no season
        ("今年春節假期", [("今年春節假期", "2025-01-29", None)]),
    ],
)
def test_a_season_after_a_relative_year(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("预计年中前完工", [("年中", "2025-06", None)]),  # jieba: 年|中前
        ("預計年中前完工", [("年中", "2025-06", None)]),
        ("该年中共召开会议", []),
    ],
)
def test_mid_year_before_a_word_of_time(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("每宗申請審批時間不多於14日", []),
        ("每宗申请审批时间不多于14日", []),
        ("逾30日未繳費者將被停電", []),
        ("最迟不超过20日前缴费", [("20日", "2025-02-20", None)]),  # a deadline: the day
    ],
)
def test_a_day_after_a_bound_is_a_length(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a lunar day after a year is its solar day that lunar year
        ("2024年农历正月初八，企业复工", [("2024年农历正月初八", "2024-02-17", None)]),
        ("2023年農曆八月十五，全家團圓", [("2023年農曆八月十五", "2023-09-29", None)]),
        # without a year it is a festival's day, no date (and never August)
        ("農曆八月十五，全家團圓", []),
        ("农历八月十五，全家团圆", []),
        ("每年農曆八月十五都會舉行", []),
        ("正月十五闹元宵", []),
    ],
)
def test_a_lunar_day(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("“城市夜跑”第三季明日开跑", [("明日", "2025-02-28", None)]),  # a show's season, no quarter
        ("「城市夜跑」第三季明日開跑", [("明日", "2025-02-28", None)]),
        ("今年第三季，營收增長", [("今年第三季", "2025-07", "2025-09")]),
    ],
)
def test_a_season_of_a_named_series_is_no_quarter(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a school year written with both years joined by 至, as with a slash (2024/25學年度)
        ("2024至2025學年度新生人數減少", [("2024至2025學年度", "2024", "2025")]),
        ("2024至2025学年度新生人数减少", [("2024至2025学年度", "2024", "2025")]),
        ("二〇二三至二〇二四学年", [("二〇二三至二〇二四学年", "2023", "2024")]),
    ],
)
def test_a_school_year_joined_by_zhi(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # 后年 / 前年 whose 年 begins the next word: no relative year
        ("项目投产后年产值可达50亿元。", []),
        ("新規實施後年輕人受益最多。", []),
        ("后年将建成。", [("后年", "2027", None)]),
        ("公司明年产值将翻番。", [("明年", "2026", None)]),
        # a number before a shop, a gate, a stall: no day of the month
        ("铺位位于10號舖，旅客请到5號閘口，7号档口。", []),
        ("他5号到达北京。", [("5号", "2025-03-05", None)]),  # the nearest 5th to PUB
    ],
)
def test_a_date_word_whose_last_character_begins_the_next_word(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a clock time after a word for every day recurs (opening hours), and so does the range's end
        ("商场每天上午10时至晚上10时营业。", []),
        ("博物館每日上午9時至下午5時開放，昨天下午3時閉館。", [("昨天下午3時", "2025-02-26T15:00", None)]),
        ("他每天早上6点起床。", []),
    ],
)
def test_a_clock_time_every_day_is_no_date(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a line of nothing but 日期: or 时间: and the date (and the page's counters) is the page's own
        ("县领导调研\n日期:2025-04-03\n会议昨天召开。", [("昨天", "2025-02-26", None)]),
        ("标题\n时间:2021年06月16日 点击次数:2667\n正文。", []),
        ("活动预告\n活动时间:2025年7月10日\n欢迎参加。", [("2025年7月10日", "2025-07-10", None)]),
    ],
)
def test_a_bare_date_label_opening_a_line_is_the_pages_time(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("港交所今年首3季盈利增加。", [("今年首3季", "2025-01", "2025-09")]),
        ("公司今年首三季度業績理想。", [("今年首三季度", "2025-01", "2025-09")]),
        ("港鐵觀塘綫早上約8時發生故障。", [("早上約8時", "2025-02-27T08:00", None)]),
        ("他在2001年秋田世運會奪冠。", [("2001年", "2001", None)]),  # 秋 of 秋田, the city
    ],
)
def test_first_quarters_an_approximate_clock_and_a_season_inside_a_name(make_context, text, values):
    assert _values(make_context, text) == values


def test_a_roc_year_in_chinese_digits_with_its_month(rules_pipeline):
    doc = rules_pipeline.extract("立法院於一一四年十月八日三讀通過", published_at="2025-11-19")
    assert doc.meta.region == "tw"
    dates = [(e.text, e.normalized.value) for e in doc.entities if e.type == "DATE"]
    assert dates == [("一一四年十月八日", "2025-10-08")]


@pytest.mark.parametrize(
    ("text", "span", "value", "granularity"),
    [
        ("三年前，他回到家乡", "三年前", "2022", "year"),
        ("兩個月前，公司宣布", "兩個月前", "2024-12", "month"),
        ("10天前已经离开", "10天前", "2025-02-17", "day"),
        ("一週前警方接報", "一週前", "2025-02-20", "day"),
        ("两百年前，此地还是一片汪洋", "两百年前", "1825", "year"),  # hundreds in Chinese numerals
    ],
)
def test_a_count_of_time_before_qian_is_a_date_that_far_back(make_context, text, span, value, granularity):
    context = make_context(text)
    mentions = DateExtractor().find(context)
    assert [(text[m.start : m.end], m.normalized.value, m.normalized.granularity) for m in mentions] == [
        (span, value, granularity)
    ]
    assert AmountExtractor().find(context) == []  # no amount of time as well


@pytest.mark.parametrize("text", ["他在十多年前移民", "项目两年前期投入", "三年前后变化很大", "数百年前无人居住"])
def test_an_approximate_count_or_another_word_after_qian_is_no_date(make_context, text):
    assert DateExtractor().find(make_context(text)) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("警方今早約7時接報。", [("今早約7時", "2025-02-27T07:00", None)]),
        ("昨日下午約三時半發生意外。", [("昨日下午約三時半", "2025-02-26T15:30", None)]),
        ("前晚约11时，警员巡逻。", [("前晚约11时", "2025-02-25T23:00", None)]),
        ("昨天约10人受伤。", [("昨天", "2025-02-26", None)]),  # 约 before a count, no clock
    ],
)
def test_an_approximate_clock_after_a_relative_day_is_part_of_it(make_context, text, values):
    assert _values(make_context, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("火势于晚10时许受控。", [("晚10时许", "2025-02-27T22:00", None)]),
        ("今天凌晨12時左右宣布停課。", [("今天凌晨12時左右", "2025-02-27T00:00", None)]),
        ("委員會今（26日）通過議案。", [("今（26日）", "2025-02-26", None)]),
        ("他比预定时间晚8点到。", []),  # 晚 of a verb, no part of the day
    ],
)
def test_wan_alone_the_small_hours_noon_and_jin_before_its_bracketed_day(make_context, text, values):
    assert _values(make_context, text) == values


def test_a_part_of_the_year_without_a_publication_date_keeps_its_granularity(make_context):
    mentions = DateExtractor().find(make_context("一季度出口增长，上半年回落。", published_at=None))
    assert [(m.normalized.value, m.normalized.granularity) for m in mentions] == [(None, "quarter"), (None, "half")]


@pytest.mark.parametrize("text", ["约两年前，他来到这里", "預計115年前完工", "希望在晚一点公布，大家早一点休息"])
def test_no_date_from_an_approximate_count_ago_a_roc_year_or_a_bare_zao_before_words(make_context, text):
    assert DateExtractor().find(make_context(text)) == []


def test_last_years_same_month_counts_from_the_month_spoken_of_not_the_publication(make_context):
    text = "二零一三年十一月零售業總銷貨價值較上年同月上升8.5%。"
    mentions = DateExtractor().find(make_context(text, published_at=datetime.fromisoformat("2014-01-03T09:00+08:00")))
    assert [(text[m.start : m.end], m.normalized.value) for m in mentions] == [
        ("二零一三年十一月", "2013-11"),
        ("上年同月", "2012-11"),
    ]
