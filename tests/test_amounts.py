"""Amount grammar: the issue's examples and peers' known failures, as (sentence, span, fields)."""

from dataclasses import replace
from decimal import Decimal

import pytest

from pipeline.extract.amounts import AmountExtractor
from pipeline.extract.dates import DateExtractor

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
    _check_amount(make_context, text, span, value, unit, currency, qualifier, kind)


def _check_amount(make_context, text, span, value, unit, currency, qualifier, kind):
    """One amount is found in ``text``, with this span and this normalized value."""
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
        "根据法例第599章第25条发出",  # sections of a text
        "根據法例第599章第25條發出",
        "政府將就基本法23條立法",  # a law's article, without 第
        "兩車嚴重損毀，零件散落一地",  # 零 of a word, no zero
        "他3日抵達",  # a day of the month (dates), no count of days
        "汽车零部件和零售业",
        "根据条例5条规定",
        "第43届世界遗产大会召开",  # the number of a session
    ],
)
def test_no_false_amounts(make_context, text):
    assert AmountExtractor().find(make_context(text)) == []


def test_articles_counted_after_a_word_that_is_no_law_are_amounts(make_context):
    text = "会议提出三条措施，他连发3条微博"
    assert [text[m.start : m.end] for m in AmountExtractor().find(make_context(text))] == ["三条", "3条"]


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


# --- Issue 18: numbers as news writes them (sentences written for these tests, both scripts) ---

NEWS_CASES = [
    # approximate numerals: the round number they start from; 几/数 more_than, 来 about, 上百 at_least
    ("该项目投资三十几万元。", "三十几万元", "300000", "元", "CNY", "more_than", "money"),
    ("該項目投資三十幾萬元。", "三十幾萬元", "300000", "元", "CNY", "more_than", "money"),
    ("全镇有十几家养殖场。", "十几家", "10", "家", None, "more_than", "quantity"),
    ("全鎮有十幾家養殖場。", "十幾家", "10", "家", None, "more_than", "quantity"),
    ("基金会筹集善款数百万元。", "数百万元", "1000000", "元", "CNY", "more_than", "money"),
    ("基金會籌集善款數百萬元。", "數百萬元", "1000000", "元", "CNY", "more_than", "money"),
    ("现场有上百人围观。", "上百人", "100", "人", None, "at_least", "quantity"),
    ("現場有上千人圍觀。", "上千人", "1000", "人", None, "at_least", "quantity"),
    ("景区吸引了几千名游客。", "几千名", "1000", "名", None, "more_than", "quantity"),
    ("研討會邀請了數十位專家。", "數十位", "10", "位", None, "more_than", "quantity"),
    ("全省投资几十亿元改造电网。", "几十亿元", "1000000000", "元", "CNY", "more_than", "money"),
    ("今年新建十来个公园。", "十来个", "10", "个", None, "about", "quantity"),
    ("今年新建二十來個公園。", "二十來個", "20", "个", None, "about", "quantity"),
    # shares and ratios: 成 is percent, 倍 a unit, 百分点 a kind of its own, fractions a value
    ("一季度营收增长逾两成。", "逾两成", "20", "%", None, "more_than", "percent"),
    ("一季度營收增長逾兩成。", "逾兩成", "20", "%", None, "more_than", "percent"),
    ("受访者中女性占四成。", "四成", "40", "%", None, None, "percent"),
    ("近三成五的居民支持。", "近三成五", "35", "%", None, "less_than", "percent"),
    ("出口額增長一成。", "一成", "10", "%", None, None, "percent"),
    ("产量是去年的1.5倍。", "1.5倍", "1.5", "倍", None, None, "quantity"),
    ("訂單量增長一倍多。", "一倍多", "1", "倍", None, "more_than", "quantity"),
    ("收入增长两倍以上。", "两倍以上", "2", "倍", None, "at_least", "quantity"),
    ("失业率下降0.3个百分点。", "0.3个百分点", "0.3", "百分点", None, None, "percentage_point"),
    ("失業率下降0.3個百分點。", "0.3個百分點", "0.3", "百分点", None, None, "percentage_point"),
    ("贷款利率上调两个百分点。", "两个百分点", "2", "百分点", None, None, "percentage_point"),
    ("外资约占五分之一。", "约占五分之一", "0.2", None, None, "about", "fraction"),
    ("外資約占五分之一。", "約占五分之一", "0.2", None, None, "about", "fraction"),
    ("近三分之一的學生住校。", "近三分之一", "0.3333333333", None, None, "less_than", "fraction"),
    ("四分之三以上的家庭受惠。", "四分之三以上", "0.75", None, None, "at_least", "fraction"),
    ("发生的概率只有万分之五。", "万分之五", "0.0005", None, None, None, "fraction"),
    ("不良率为千分之三。", "千分之三", "3", "‰", None, None, "percent"),
    # qualifier words, joined to the number or not
    ("公司今年营收至少达80亿元。", "至少达80亿元", "8000000000", "元", "CNY", "at_least", "money"),
    ("公司今年營收至少達80億元。", "至少達80億元", "8000000000", "元", "CNY", "at_least", "money"),
    ("每戶補貼不低於5000元。", "不低於5000元", "5000", "元", "CNY", "at_least", "money"),
    ("违者罚款最高100万元。", "最高100万元", "1000000", "元", "CNY", "at_most", "money"),
    ("違者罰款最高可達100萬元。", "最高可達100萬元", "1000000", "元", "CNY", "at_most", "money"),
    ("单笔贷款不超过20万元。", "不超过20万元", "200000", "元", "CNY", "at_most", "money"),
    ("这部电影票房上看10亿元。", "上看10亿元", "1000000000", "元", "CNY", "at_most", "money"),
    ("這部電影票房上看10億元。", "上看10億元", "1000000000", "元", "CNY", "at_most", "money"),
    ("月薪最低3000元。", "最低3000元", "3000", "元", "CNY", "at_least", "money"),
    # compound units are units, not multipliers
    ("总装机容量达到180万千瓦。", "180万千瓦", "1800000", "千瓦", None, None, "quantity"),
    ("總裝機容量達到180萬千瓦。", "180萬千瓦", "1800000", "千瓦", None, None, "quantity"),
    ("电站装机一百二十万千瓦。", "一百二十万千瓦", "1200000", "千瓦", None, None, "quantity"),
    ("年發電量50萬千瓦時。", "50萬千瓦時", "500000", "千瓦时", None, None, "quantity"),
    ("新建厂房12万平方米。", "12万平方米", "120000", "平方米", None, None, "quantity"),
    ("水库蓄水3亿立方米。", "3亿立方米", "300000000", "立方米", None, None, "quantity"),
    ("风电场装机100兆瓦。", "100兆瓦", "100", "兆瓦", None, None, "quantity"),
    # false neighbours: a qualifier, unit or 数 that belongs to the word next to it
    ("文化支出350亿元次之。", "350亿元", "35000000000", "元", "CNY", None, "money"),
    ("文化支出350億元次之。", "350億元", "35000000000", "元", "CNY", None, "money"),
    ("现场签约26个项目。", "26个", "26", "个", None, None, "quantity"),
    ("現場簽約26個項目。", "26個", "26", "个", None, None, "quantity"),
    ("工地附近200米范围内禁止施工。", "200米", "200", "米", None, None, "quantity"),
    ("工地附近200公尺範圍內禁止施工。", "200公尺", "200", "公尺", None, None, "quantity"),
    ("病例最近3天持续减少。", "3天", "3", "天", None, None, "quantity"),
    ("今年参赛人数十万人。", "十万人", "100000", "人", None, None, "quantity"),
    ("搭建服务平台數851個。", "851個", "851", "个", None, None, "quantity"),
    # money: a currency after 元, and the currencies news writes
    ("企业捐款2.5亿元人民币。", "2.5亿元人民币", "250000000", "元", "CNY", None, "money"),
    ("企業捐款2.5億元人民幣。", "2.5億元人民幣", "250000000", "元", "CNY", None, "money"),
    ("基金撥出200萬元港幣。", "200萬元港幣", "2000000", "元", "HKD", None, "money"),
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "currency", "qualifier", "kind"), NEWS_CASES)
def test_amount_as_news_writes_it(make_context, text, span, value, unit, currency, qualifier, kind):
    _check_amount(make_context, text, span, value, unit, currency, qualifier, kind)


@pytest.mark.parametrize(
    ("text", "unit", "currency"),
    [
        ("收到100美金", "美金", "USD"),
        ("售價200日圓", "日圆", "JPY"),
        ("售价200日圆", "日圆", "JPY"),
        ("售價300日元", "日元", "JPY"),
        ("存款400英鎊", "英镑", "GBP"),
        ("存款400英镑", "英镑", "GBP"),
        ("投资500韩元", "韩元", "KRW"),
        ("投資500韓元", "韩元", "KRW"),
        ("收購價600新元", "新元", "SGD"),
        ("收购价700新加坡元", "新加坡元", "SGD"),
        ("合約800令吉", "令吉", "MYR"),
        ("学费900澳元", "澳元", "AUD"),
        ("罰款1000盧布", "卢布", "RUB"),
        ("罚款1000卢布", "卢布", "RUB"),
        ("門票1100泰銖", "泰铢", "THB"),
        ("门票1100泰铢", "泰铢", "THB"),
    ],
)
def test_currencies_have_iso_codes(make_context, text, unit, currency):
    [mention] = AmountExtractor().find(make_context(text))
    assert (mention.normalized.kind, mention.normalized.unit, mention.normalized.currency) == ("money", unit, currency)


@pytest.mark.parametrize(
    ("text", "span", "value", "upper", "unit"),
    [
        ("占地两三个篮球场", "两三个", "2", "3", "个"),
        ("佔地兩三個籃球場", "兩三個", "2", "3", "个"),
        ("约三四十人到场", "约三四十人", "30", "40", "人"),
        ("投资七八百万元", "七八百万元", "7000000", "8000000", "元"),
        ("支持率增長兩三成", "兩三成", "20", "30", "%"),
    ],
)
def test_neighbouring_digits_are_a_range(make_context, text, span, value, upper, unit):
    [mention] = AmountExtractor().find(make_context(text))
    assert text[mention.start : mention.end] == span
    assert (mention.normalized.value, mention.normalized.upper) == (Decimal(value), Decimal(upper))
    assert mention.normalized.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "地铁7号线今天开通",
        "这几家企业表现不错",
        "一来交通方便，二来费用低",
        "规则一成不变",
        "点了一份七成熟的牛排",
        "三成员国联合声明",
        "據初步估計，損失嚴重",
        "營收同比增長",
    ],
)
def test_news_words_that_are_no_amounts(make_context, text):
    assert AmountExtractor().find(make_context(text)) == []


# --- Issue "Numbers and times as news writes them" (sentences written for these tests) ---


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("被告被判处有期徒刑3年", "3年", "3"),
        ("被告被判處有期徒刑3年", "3年", "3"),
        ("他在公司工作了两年", "两年", "2"),
        ("他在公司工作了兩年", "兩年", "2"),
        ("特许期延长至35年", "35年", "35"),
        ("特許期延長至35年", "35年", "35"),
    ],
)
def test_years_as_a_duration(make_context, text, span, value):
    mentions = AmountExtractor().find(make_context(text))
    assert [(text[m.start : m.end], str(m.normalized.value), m.normalized.unit) for m in mentions] == [
        (span, value, "年")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "公司成立於2024年",
        "政策于二〇二一年起上路",
        "民國105年通過",
        "08年奥运会",
        "千年古城",
        "他读3年级",
        "上世纪九十年代",
    ],
)
def test_a_year_or_a_word_with_year_is_no_duration(make_context, text):
    units = [m.normalized.unit for m in AmountExtractor().find(make_context(text))]
    assert "年" not in units, units


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("净息差下降15个基点", "15个基点", "个基点"),
        ("淨息差下降15個基點", "15個基點", "个基点"),
        ("通关车流近一万辆次", "近一万辆次", "辆次"),
        ("通關車流近一萬輛次", "近一萬輛次", "辆次"),
    ],
)
def test_basis_points_and_vehicle_trips(make_context, text, span, unit):
    mentions = AmountExtractor().find(make_context(text))
    assert [(text[m.start : m.end], m.normalized.unit) for m in mentions] == [(span, unit)]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("被判入狱七年半", "七年半", "7.5", "年"),
        ("被判入獄七年半", "七年半", "7.5", "年"),
        ("约三成半考生达标", "约三成半", "35", "%"),
        ("約三成半考生達標", "約三成半", "35", "%"),
        ("产量增长一倍半", "一倍半", "1.5", "倍"),
    ],
)
def test_a_half_after_the_unit(make_context, text, span, value, unit):
    mentions = AmountExtractor().find(make_context(text))
    assert [(text[m.start : m.end], str(m.normalized.value), m.normalized.unit) for m in mentions] == [
        (span, value, unit)
    ]


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("开盘报19.23元/股", "19.23元/股", "元/股"),
        ("開盤報19.23元/股", "19.23元/股", "元/股"),
        ("房價300元／晚", "300元／晚", "元/晚"),
    ],
)
def test_a_price_per_unit_after_a_slash(make_context, text, span, unit):
    mentions = AmountExtractor().find(make_context(text))
    assert [(text[m.start : m.end], m.normalized.unit, m.normalized.kind) for m in mentions] == [(span, unit, "money")]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "currency", "qualifier", "kind"),
    [
        ("每人消費新臺幣4千元可折抵", "新臺幣4千元", "4000", "元", "TWD", None, "money"),
        ("每人消费4千元可折抵", "4千元", "4000", "元", "CNY", None, "money"),
        ("全年3千5百人参加", "3千5百人", "3500", "人", None, None, "quantity"),
        ("装机3千瓦的电站", "3千瓦", "3", "千瓦", None, None, "quantity"),  # 千瓦 stays a unit
        ("成为美国第46任总统", "第46任", "46", "任", None, None, "ordinal"),
        ("第二批次主题报道随后展开", "第二批次", "2", "批次", None, None, "ordinal"),  # the longest unit
        ("旅客平均逗留1.1日", "1.1日", "1.1", "日", None, None, "quantity"),  # a decimal of days: no day of a month
        ("有考生考获7科满分", "7科", "7", "科", None, None, "quantity"),  # more measure words
        ("今日有9班機受影響", "9班", "9", "班", None, None, "quantity"),
        ("缺乏20英亩以上的土地", "20英亩以上", "20", "英亩", None, "at_least", "quantity"),
        ("全程約一個小時", "約一個小時", "1", "个小时", None, "about", "quantity"),  # a duration of 一 is a count
        ("免费搭乘一个月", "一个月", "1", "个月", None, None, "quantity"),
    ],
)
def test_digits_before_a_small_unit_and_ordinals(make_context, text, span, value, unit, currency, qualifier, kind):
    _check_amount(make_context, text, span, value, unit, currency, qualifier, kind)


# --- Issue 18, the long tail: other sentences of the same classes ---


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "currency", "qualifier", "kind"),
    [
        # a negation before a comparative bounds the other way
        ("出席率不得低于八成，方可获发津贴", "不得低于八成", "80", "%", None, "at_least", "percent"),
        ("出席率不得低於八成，方可獲發津貼", "不得低於八成", "80", "%", None, "at_least", "percent"),
        ("每次消费不得超过500元", "不得超过500元", "500", "元", "CNY", "at_most", "money"),
        ("每次消費不得超過500元", "不得超過500元", "500", "元", "CNY", "at_most", "money"),
        ("住房面积不应小于30平方米", "不应小于30平方米", "30", "平方米", None, "at_least", "quantity"),
        ("住房面積不應小於30平方米", "不應小於30平方米", "30", "平方米", None, "at_least", "quantity"),
        ("人数不能少于20人", "不能少于20人", "20", "人", None, "at_least", "quantity"),
        ("增幅大于5%", "大于5%", "5", "%", None, "more_than", "percent"),
        # a currency symbol or code before the number
        ("公司去年純利HK$35億", "HK$35億", "3500000000", None, "HKD", None, "money"),
        ("收购价US$ 20亿", "US$ 20亿", "2000000000", None, "USD", None, "money"),
        ("政府撥款RM5000萬", "RM5000萬", "50000000", None, "MYR", None, "money"),
        ("项目耗资S$1.5亿", "S$1.5亿", "150000000", None, "SGD", None, "money"),
        ("售價NT$3萬起", "NT$3萬", "30000", None, "TWD", None, "money"),
        # Arabic digits with thousands' commas before 百万
        ("錄得盈利港幣1,234百萬元", "港幣1,234百萬元", "1234000000", "元", "HKD", None, "money"),
        ("录得盈利港币1,234百万元", "港币1,234百万元", "1234000000", "元", "HKD", None, "money"),
    ],
)
def test_long_tail_amounts(make_context, text, span, value, unit, currency, qualifier, kind):
    _check_amount(make_context, text, span, value, unit, currency, qualifier, kind)


@pytest.mark.parametrize(
    ("text", "span"), [("材料含有100元素", None), ("供应3000元件", None), ("月薪3000元月底发放", "3000元")]
)
def test_a_yuan_that_begins_a_word_is_no_unit(make_context, text, span):
    found = [text[m.start : m.end] for m in AmountExtractor().find(make_context(text))]
    assert found == ([span] if span else [])


@pytest.mark.parametrize(
    ("text", "span"), [("新车售价人民币30万起", "人民币30万"), ("新車售價新台幣99萬起", "新台幣99萬")]
)
def test_after_a_currency_before_the_number_a_measure_word_is_no_unit(make_context, text, span):
    [mention] = AmountExtractor().find(make_context(text))
    assert (text[mention.start : mention.end], mention.normalized.kind, mention.normalized.unit) == (
        span,
        "money",
        None,
    )


# --- Long tail: rates, and qualifiers inside dictionary words (sentences written for these tests) ---


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "qualifier"),
    [
        # a unit per another after a slash: a speed, a yearly output
        ("新线设计时速350公里/小时", "350公里/小时", "350", "公里/小时", None),
        ("新線設計時速350公里/小時", "350公里/小時", "350", "公里/小时", None),
        ("项目建成后产能30万吨/年", "30万吨/年", "300000", "吨/年", None),
        ("項目建成後產能30萬噸/年", "30萬噸/年", "300000", "吨/年", None),
        ("污水处理能力2万立方米/天", "2万立方米/天", "20000", "立方米/天", None),
        # 每小时, 每秒 before a length or a volume: a speed or a flow, with the qualifier before it
        ("阵风达到每小时120公里", "每小时120公里", "120", "公里/小时", None),
        ("陣風達到每小時120公里", "每小時120公里", "120", "公里/小时", None),
        ("风速超过每秒25米", "超过每秒25米", "25", "米/秒", "more_than"),
        ("風速超過每秒25米", "超過每秒25米", "25", "米/秒", "more_than"),
        ("洪峰流量约每秒8000立方米", "约每秒8000立方米", "8000", "立方米/秒", "about"),
        # before other units 每 stays outside: a count per day is the count
        ("景区每天接待游客3000人", "3000人", "3000", "人", None),
        ("每小时收费15元", "15元", "15", "元", None),
    ],
)
def test_a_rate_is_one_amount(make_context, text, span, value, unit, qualifier):
    mentions = AmountExtractor().find(make_context(text))
    assert [(text[m.start : m.end], str(m.normalized.value), m.normalized.unit) for m in mentions] == [
        (span, value, unit)
    ]
    assert mentions[0].normalized.qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        # the 约, 近 or 超 of a dictionary word (续约, 解约, 逼近, 赶超) qualifies nothing
        ("球队与他续约3年", "3年", None),
        ("球隊與他續約3年", "3年", None),
        ("公司提前解约200名员工", "200名", None),
        ("公司提前解約200名員工", "200名", None),
        ("气温逼近40度", "40度", None),
        ("氣溫逼近40度", "40度", None),
        # ... while a pair that is no word keeps it: 共约, 年近
        ("全市共约3000人参加", "约3000人", "about"),
        ("全市共約3000人參加", "約3000人", "about"),
        ("全长约30公里", "约30公里", "about"),
    ],
)
def test_a_qualifier_that_ends_a_word_qualifies_nothing(make_context, text, span, qualifier):
    mentions = AmountExtractor().find(make_context(text))
    assert [(text[m.start : m.end], m.normalized.qualifier) for m in mentions] == [(span, qualifier)]


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        # a qualifier after a longer word of jieba's (经济损失|约) is no pair word (失约) and qualifies
        ("造成直接经济损失约1.2亿元", "约1.2亿元", "about"),
        ("造成直接經濟損失約1.2億元", "約1.2億元", "about"),
    ],
)
def test_a_qualifier_after_a_longer_word_qualifies(make_context, text, span, qualifier):
    mentions = AmountExtractor().find(make_context(text))
    assert [(text[m.start : m.end], m.normalized.qualifier) for m in mentions] == [(span, qualifier)]


@pytest.mark.parametrize(
    ("text", "span", "value", "upper", "qualifier"),
    [
        # the unit (and multiplier) after the upper end only: one amount from the bare number before it
        ("增幅为2-3%", "2-3%", "2", "3", None),
        ("增幅為2至3%", "2至3%", "2", "3", None),
        ("增长0.5-1%", "0.5-1%", "0.5", "1", None),
        ("增长2至3个百分点", "2至3个百分点", "2", "3", None),
        ("增長2至3個百分點", "2至3個百分點", "2", "3", None),
        ("投资300至450亿元", "300至450亿元", "30000000000", "45000000000", None),
        ("投資300至450億元", "300至450億元", "30000000000", "45000000000", None),
        ("工期3到5年", "3到5年", "3", "5", None),
        ("约300至400人参加", "约300至400人", "300", "400", "about"),
        ("約300至400人參加", "約300至400人", "300", "400", "about"),
        ("三至五成的市民", "三至五成", "30", "50", None),
        # a lower end that the multiplier would put above the upper stands as written
        ("罚款5000至1万元", "5000至1万元", "5000", "10000", None),
    ],
)
def test_a_range_with_one_unit(make_context, text, span, value, upper, qualifier):
    mentions = AmountExtractor().find(make_context(text))
    assert [text[m.start : m.end] for m in mentions] == [span]
    amount = mentions[0].normalized
    assert (amount.value, amount.upper, amount.qualifier) == (Decimal(value), Decimal(upper), qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "第3至5名",  # ordinals
        "比分为2-1",  # no unit
        "2021至2023年",  # years
    ],
)
def test_no_range_amount(make_context, text):
    mentions = AmountExtractor().find(make_context(text))
    assert all(m.normalized.upper is None for m in mentions)


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "currency", "qualifier", "kind"),
    [
        # 千万 with a unit after it is the number, not the adverb of 千万不要
        ("投资逾千万元", "逾千万元", "10000000", "元", "CNY", "more_than", "money"),
        ("投資逾千萬元", "逾千萬元", "10000000", "元", "CNY", "more_than", "money"),
        ("损失数千万元", "数千万元", "10000000", "元", "CNY", "more_than", "money"),
        ("投资千万元", "千万元", "10000000", "元", "CNY", None, "money"),
        # a bare 万 or 亿 after a qualifier is one of them
        ("近万人参加", "近万人", "10000", "人", None, "less_than", "quantity"),
        ("逾萬人參加", "逾萬人", "10000", "人", None, "more_than", "quantity"),
        ("耗资近亿元", "近亿元", "100000000", "元", "CNY", "less_than", "money"),
        # Taiwanese 2成5: two and a half tenths
        ("約2成5的民眾", "約2成5", "25", "%", None, "about", "percent"),
        ("约2成5的民众", "约2成5", "25", "%", None, "about", "percent"),
        # Macau's 葡幣, degrees Celsius
        ("每人獲發3000葡幣", "3000葡幣", "3000", "葡币", "MOP", None, "money"),
        ("每人获发3000葡币", "3000葡币", "3000", "葡币", "MOP", None, "money"),
        ("气温达38摄氏度", "38摄氏度", "38", "摄氏度", None, None, "quantity"),
        ("氣溫達38攝氏度", "38攝氏度", "38", "摄氏度", None, None, "quantity"),
    ],
)
def test_more_long_tail_amounts(make_context, text, span, value, unit, currency, qualifier, kind):
    _check_amount(make_context, text, span, value, unit, currency, qualifier, kind)


def test_the_adverb_qianwan_is_still_no_amount(make_context):
    assert AmountExtractor().find(make_context("千万不要放弃")) == []


# --- Issue 18's long tail (sentences written for these tests) ---


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "currency", "qualifier", "kind"),
    [
        # currencies by their full names: ISO 4217 codes
        ("援助金额为800万瑞典克朗", "800万瑞典克朗", "8000000", "瑞典克朗", "SEK", None, "money"),
        ("集團以12億丹麥克朗收購", "12億丹麥克朗", "1200000000", "丹麦克朗", "DKK", None, "money"),
        ("合约价值3亿巴西雷亚尔", "3亿巴西雷亚尔", "300000000", "巴西雷亚尔", "BRL", None, "money"),
        ("出口額4億阿聯酋迪拉姆", "4億阿聯酋迪拉姆", "400000000", "阿联酋迪拉姆", "AED", None, "money"),
        ("罰款兩萬新加坡幣", "兩萬新加坡幣", "20000", "新加坡币", "SGD", None, "money"),
        ("售价6万坡元", "6万坡元", "60000", "坡元", "SGD", None, "money"),
        # compound units stay whole
        ("铁路完成货物周转量8.5亿吨公里", "8.5亿吨公里", "850000000", "吨公里", None, None, "quantity"),
        ("主變容量30萬千伏安", "30萬千伏安", "300000", "千伏安", None, None, "quantity"),
        ("全年节能8.6万吨标准煤", "8.6万吨标准煤", "86000", "吨标准煤", None, None, "quantity"),
        ("港口吞吐量500萬個標準箱", "500萬個標準箱", "5000000", "个标准箱", None, None, "quantity"),
        ("海上风电装机2.5吉瓦", "2.5吉瓦", "2.5", "吉瓦", None, None, "quantity"),
        ("气田年产天然气50亿方", "50亿方", "5000000000", "方", None, None, "quantity"),
        ("PM10濃度為80微克/立方米", "80微克/立方米", "80", "微克/立方米", None, None, "quantity"),
        # below zero
        ("最低气温零下12℃", "零下12℃", "-12", "℃", None, None, "quantity"),
        ("出口增速为-1.8%", "-1.8%", "-1.8", "%", None, None, "percent"),
        ("按年變動-0.7%", "-0.7%", "-0.7", "%", None, None, "percent"),
        # a bound word a verb away: the amount starts after the verb and keeps the bound
        ("违规者最高可罚款50万元", "50万元", "500000", "元", "CNY", "at_most", "money"),
        ("每名學生最多可獲得3000元", "3000元", "3000", "元", "CNY", "at_most", "money"),
        ("项目至少需要80亿元", "80亿元", "8000000000", "元", "CNY", "at_least", "money"),
        # 巴仙: per cent in the Singapore and Malaysia press
        ("集团净利增长5.6巴仙", "5.6巴仙", "5.6", "%", None, None, "percent"),
        # 差不多 and 大概 bound as 约 does; Hong Kong's 个钟 (an hour); 座位 a unit of its own
        ("這項工程花了差不多15年", "差不多15年", "15", "年", None, "about", "quantity"),
        ("大概200人參加", "大概200人", "200", "人", None, "about", "quantity"),
        ("会议开了约1个半钟", "约1个半钟", "1.5", "个钟", None, "about", "quantity"),
        ("这辆小巴共有14座位", "14座位", "14", "座位", None, None, "quantity"),
        # two modal words between the bound and its verb
        ("违者最高将被处以200万元罚款", "200万元", "2000000", "元", "CNY", "at_most", "money"),
        ("工程至少還需投入2億元", "2億元", "200000000", "元", "CNY", "at_least", "money"),
        ("折算下来约合人民币3.5亿元", "人民币3.5亿元", "350000000", "元", "CNY", "about", "money"),
        ("每隊頂多8人", "頂多8人", "8", "人", None, "at_most", "quantity"),
        ("装修起码要2000元", "起码要2000元", "2000", "元", "CNY", "at_least", "money"),
        ("他在海外漂泊十年有余", "十年有余", "10", "年", None, "more_than", "quantity"),
        # 个 with 多/余/半 before its unit; 多 after 年
        ("谈判持续了一个多月", "一个多月", "1", "个月", None, "more_than", "quantity"),
        ("會議開了三個半小時", "三個半小時", "3.5", "个小时", None, None, "quantity"),
        ("失業率回落一個多百分點", "一個多百分點", "1", "百分点", None, "more_than", "percentage_point"),
        ("工程延误两年多", "两年多", "2", "年", None, "more_than", "quantity"),
        # a bare 万 before 余; a Chinese numeral with 万/亿 and no unit; 廿
        ("志愿者万余人参与", "万余人", "10000", "人", None, "more_than", "quantity"),
        ("現場萬餘名市民", "萬餘名", "10000", "名", None, "more_than", "quantity"),
        ("该公司被罚两千万", "两千万", "20000000", None, None, None, "number"),
        ("刑期為廿四個月", "廿四個月", "24", "个月", None, None, "quantity"),
        # more measure words: boxes, countries, family members, pairs
        ("超市售出月饼3000盒", "3000盒", "3000", "盒", None, None, "quantity"),
        ("東盟十國代表出席", "十國", "10", "国", None, None, "quantity"),
        ("一家五口回乡过年", "五口", "5", "口", None, None, "quantity"),
        ("現場有3對新人", "3對", "3", "对", None, None, "quantity"),
        # full-width digits grouped with a full-width comma; a space before a multiplier, % or a currency
        ("投資１，０００萬元", "１，０００萬元", "10000000", "元", "CNY", None, "money"),
        ("营收 3.5 亿元", "3.5 亿元", "350000000", "元", "CNY", None, "money"),
        ("增幅為 5 %", "5 %", "5", "%", None, None, "percent"),
        # a 零 after a multiplier before Arabic digits
        ("总额达1亿零500万元", "1亿零500万元", "105000000", "元", "CNY", None, "money"),
        # half: 半数 is 50 %
        ("贊成者佔半數以上", "半數以上", "50", "%", None, "at_least", "percent"),
        ("逾半数居民支持", "逾半数", "50", "%", None, "more_than", "percent"),
        # Hong Kong's 厘 of interest; casualties after Arabic digits
        ("息率為4.2厘", "4.2厘", "4.2", "厘", None, None, "quantity"),
        ("車禍造成3死", "3死", "3", "死", None, None, "quantity"),
        # half a tenth
        ("逾半成市民反對", "逾半成", "5", "%", None, "more_than", "percent"),
        ("近半成受访者不满", "近半成", "5", "%", None, "less_than", "percent"),
        # a currency before the qualifier; a currency symbol or code before an Arabic number alone
        ("项目获人民币逾百亿元投资", "人民币逾百亿元", "10000000000", "元", "CNY", "more_than", "money"),
        ("售價A$5000", "A$5000", "5000", None, "AUD", None, "money"),
        ("月租HK$8000", "HK$8000", "8000", None, "HKD", None, "money"),
        # a number and its unit that end a word of jieba's (增加一倍) are the amount
        ("今年产量增加一倍", "一倍", "1", "倍", None, None, "quantity"),
    ],
)
def test_issue_18_long_tail(make_context, text, span, value, unit, currency, qualifier, kind):
    _check_amount(make_context, text, span, value, unit, currency, qualifier, kind)


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        ("最高法院5名法官出席", "5名", None),  # 法院 is no verb: 最高 bounds nothing
        ("最高氣溫35度", "35度", None),
        ("近5年多次获奖", "近5年", "less_than"),  # the 多 of 多次
    ],
)
def test_a_bound_word_or_more_of_another_word(make_context, text, span, qualifier):
    mentions = AmountExtractor().find(make_context(text))
    assert [(text[m.start : m.end], m.normalized.qualifier) for m in mentions] == [(span, qualifier)]


@pytest.mark.parametrize(
    "text",
    [
        "中美俄三方会谈",
        "雙方簽約",
        "千万别忘了",
        "十万火急的任务",
        "百萬富翁",
        "推动两国关系发展",
        "兩岸交流",
        "三番五次地催促",
        "进口半成品",
        "十数人",
        "九死一生",
        "网友评论 [0 条]",
    ],
)
def test_issue_18_no_false_amounts(make_context, text):
    assert AmountExtractor().find(make_context(text)) == []


def test_a_range_with_a_dash_is_not_negative(make_context):
    text = "增长2%-3%"
    (m,) = AmountExtractor().find(make_context(text))
    assert (m.normalized.value, m.normalized.upper) == (Decimal(2), Decimal(3))


@pytest.mark.parametrize(
    ("text", "region", "found"),
    [
        ("约1/3的受访者表示满意", None, [("约1/3", "0.3333333333", "about")]),
        ("超過2/3的議員贊成", "hk", [("超過2/3", "0.6666666667", "more_than")]),  # with a bound anywhere
        ("1/4的家庭有车", None, [("1/4", "0.25", None)]),
        ("6/30的會議延期", "tw", []),  # a date there, not a fraction
        ("比分定格在1/3", None, []),
    ],
)
def test_a_fraction_with_a_slash(make_context, text, region, found):
    ctx = make_context(text)
    if region:
        ctx = replace(ctx, region=region)
    mentions = AmountExtractor().find(ctx)
    got = [(text[m.start : m.end], str(m.normalized.value), m.normalized.qualifier) for m in mentions]
    assert got == found
    assert all(m.normalized.kind == "fraction" for m in mentions)


@pytest.mark.parametrize(
    ("text", "region", "span", "currency"),
    [
        ("月入$20,000的家庭", "hk", "$20,000", "HKD"),  # the region's dollar
        ("月入$20,000的家庭", "tw", "$20,000", "TWD"),
        ("售价$99", "unknown", "$99", "USD"),  # elsewhere the US dollar
        ("港幣$3,000", "hk", "港幣$3,000", "HKD"),
    ],
)
def test_a_bare_dollar_sign_is_the_regions_dollar(make_context, text, region, span, currency):
    (m,) = AmountExtractor().find(replace(make_context(text), region=region))
    assert (text[m.start : m.end], m.normalized.currency, m.normalized.kind) == (span, currency, "money")


@pytest.mark.parametrize("text", ["加强１５国集团与西方８国集团间的协调", "二十國集團峰會開幕", "沿318国道行驶"])
def test_a_count_of_countries_that_names_a_group_or_a_road_is_no_amount(make_context, text):
    """N国集团 (G15, G20) and N国道 (a national highway) are names, not counts of countries."""
    assert [m for m in AmountExtractor().find(make_context(text))] == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("陈晨威扫出2分打点二垒打", "2分", "2"),  # a game's points
        ("將比數拉開為8分差", "8分", "8"),
        ("打完7局就提前结束", "7局", "7"),  # innings
        ("集团每股盈利12.94分", "12.94分", "12.94"),  # cents
        ("影響列車運行5752分", "5752分", "5752"),  # minutes
    ],
)
def test_points_innings_and_cents_after_arabic_digits(make_context, text, span, value):
    mentions = AmountExtractor().find(make_context(text))
    assert [(text[m.start : m.end], str(m.normalized.value)) for m in mentions] == [(span, value)]


@pytest.mark.parametrize(
    "text",
    [
        "會議8點30分開始",
        "上午八时三十分开会",
        "十分关注",
        "一分为二",
        "中铁三局承建",
        "2局上，中華隊先馳得點",
        "5局下半換投",
    ],
)
def test_a_clock_minute_a_place_in_order_or_a_word_is_no_point_or_inning(make_context, text):
    assert AmountExtractor().find(make_context(text)) == []


@pytest.mark.parametrize(("text", "span", "value"), [("全场商品打八折", "八折", "8"), ("消費時享75折", "75折", "75")])
def test_a_discount_keeps_its_number_as_written(make_context, text, span, value):
    mentions = AmountExtractor().find(make_context(text))
    assert [(text[m.start : m.end], str(m.normalized.value), m.normalized.unit) for m in mentions] == [
        (span, value, "折")
    ]


@pytest.mark.parametrize("text", ["事情一波三折", "他百折不挠", "价格折算后上涨", "打折促销", "且实现了零折扣"])
def test_a_discount_word_without_a_count_is_no_amount(make_context, text):
    assert AmountExtractor().find(make_context(text)) == []


@pytest.mark.parametrize("text", ["党的二十届三中全会召开", "政治协商会议第六届、七届、八届全国委员会"])
def test_the_number_of_a_session_is_no_amount(make_context, text):
    assert AmountExtractor().find(make_context(text)) == []


def test_a_count_of_terms_is_an_amount(make_context):
    text = "他连任两届，成绩突出"
    assert [text[m.start : m.end] for m in AmountExtractor().find(make_context(text))] == ["两届"]


def test_an_amount_inside_a_listed_company_is_part_of_its_name(rules_pipeline):
    doc = rules_pipeline.extract("百度今天发布财报，三家公司股价上涨。")
    assert [(e.text, e.type) for e in doc.entities if e.type != "DATE"] == [("百度", "ORG"), ("三家", "AMOUNT")]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "currency", "qualifier", "kind"),
    [
        # an ISO code before the number, with or without a space
        ("消費券每人MOP 3,000", "MOP 3,000", "3000", None, "MOP", None, "money"),
        ("融资总额为CNY 20亿元", "CNY 20亿元", "2000000000", "元", "CNY", None, "money"),
        ("拨款MYR 3亿用于基础设施", "MYR 3亿", "300000000", None, "MYR", None, "money"),
        ("TWD 5,000的振興券", "TWD 5,000", "5000", None, "TWD", None, "money"),
        # a price or a density per a unit of the measure words (人次, 平方公里)
        ("景区门票价格为80元/人次", "80元/人次", "80", "元/人次", "CNY", None, "money"),
        ("景區門票價格為80元/人次", "80元/人次", "80", "元/人次", "CNY", None, "money"),
        ("人口密度约为300人/平方公里", "约为300人/平方公里", "300", "人/平方公里", None, "about", "quantity"),
        # an index's points after Arabic digits
        ("沪指重挫逾50点", "逾50点", "50", "点", None, "more_than", "quantity"),
        ("恒指昨日收市跌320點", "320點", "320", "点", None, None, "quantity"),
        ("道指收涨356.8点", "356.8点", "356.8", "点", None, None, "quantity"),
        # the magnitude of an earthquake, the force of a wind
        ("海域发生7.4级地震", "7.4级", "7.4", "级", None, None, "quantity"),
        ("海域發生7.4級地震", "7.4級", "7.4", "级", None, None, "quantity"),
        # Taiwan's 瓩 (kilowatt) and 千瓩
        ("尖峰用電將達4,100萬瓩", "4,100萬瓩", "41000000", "瓩", None, None, "quantity"),
        ("發電量約12萬千瓩", "約12萬千瓩", "120000", "千瓩", None, "about", "quantity"),
        # half a unit of time
        ("仅用半个月时间就完成了搬迁", "半个月", "0.5", "个月", None, None, "quantity"),
        ("僅用半個月時間就完成了搬遷", "半個月", "0.5", "个月", None, None, "quantity"),
        ("會議延長了半小時", "半小時", "0.5", "小时", None, None, "quantity"),
        ("装修工期约半年", "约半年", "0.5", "年", None, "about", "quantity"),
        ("平均壽命約為半個世紀", "約為半個世紀", "0.5", "个世纪", None, "about", "quantity"),
    ],
)
def test_long_tail_units_and_codes(make_context, text, span, value, unit, currency, qualifier, kind):
    _check_amount(make_context, text, span, value, unit, currency, qualifier, kind)


@pytest.mark.parametrize(
    "text",
    [
        "下午3点到达",  # a clock's hour, not points
        "8点30分开始",
        "10点半集合",
        "他是一名二级教师",  # 级 after a Chinese numeral is a grade
        "今年上半年",  # the 半 of 上半年, 下半年, 大半年
        "下半年将",
        "大半年没见",
        "公司发布半年报",
        "小区5单元的住户",  # 单元 is a building's entrance, not 5 单
        "小區5單元的住戶",
        "十四届全国人大三次会议审议通过",  # the meeting of a session and the session
        "十四屆全國人大三次會議審議通過",
        "全国政协十四届三次会议开幕",
        "这是1/4个世纪以来",  # the denominator of a fraction starts no amount
        "获得300点赞",
    ],
)
def test_words_around_long_tail_units_that_are_no_amounts(make_context, text):
    assert AmountExtractor().find(make_context(text)) == []


def test_meetings_held_are_counted(make_context):
    text = "该委员会今年已召开三次会议"
    assert [text[m.start : m.end] for m in AmountExtractor().find(make_context(text))] == ["三次"]


@pytest.mark.parametrize(
    "text",
    [
        "每千人口拥有执业医师",  # the base of a rate after 每
        "每千人口擁有執業醫師",
        "每10万人拥有病床",
        "二手房成交均价",  # 二手 is second-hand, not two lots
        "今年618期间",  # 期间 is a word: 18 is no count of periods
        "今年6·18期間",
    ],
)
def test_rate_bases_and_words_that_are_no_amounts(make_context, text):
    assert AmountExtractor().find(make_context(text)) == []


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        ("他用了不到一年时间", "不到一年", "less_than"),
        ("他用了不到一年時間", "不到一年", "less_than"),
        ("近一个月来", "近一个月", "less_than"),
    ],
)
def test_a_bound_one_counts(make_context, text, span, qualifier):
    mentions = AmountExtractor().find(make_context(text))
    assert [(text[m.start : m.end], m.normalized.value, m.normalized.qualifier) for m in mentions] == [
        (span, Decimal(1), qualifier)
    ]


def test_a_count_after_a_rate_base_is_kept(make_context):
    text = "每10万人拥有病床50张，每天3000人次就诊"
    assert [text[m.start : m.end] for m in AmountExtractor().find(make_context(text))] == ["50张", "3000人次"]


@pytest.mark.parametrize(
    ("text", "span", "value", "upper", "qualifier"),
    [
        ("约有三至四成的家庭受到影响", "约有三至四成", "30", "40", "about"),
        ("約有三至四成的家庭受到影響", "約有三至四成", "30", "40", "about"),
        ("至少有2至3人受伤", "至少有2至3人", "2", "3", "at_least"),
    ],
)
def test_a_range_keeps_a_qualifier_joined_by_a_linking_verb(make_context, text, span, value, upper, qualifier):
    mentions = AmountExtractor().find(make_context(text))
    assert [
        (text[m.start : m.end], m.normalized.value, m.normalized.upper, m.normalized.qualifier) for m in mentions
    ] == [(span, Decimal(value), Decimal(upper), qualifier)]


@pytest.mark.parametrize(
    "text",
    ["医院迁建二期工程", "醫院遷建二期工程", "新院二期医疗综合楼项目", "農友選擇二期作停種水稻", "二期稻作产量较低"],
)
def test_a_phase_is_no_amount(make_context, text):
    assert AmountExtractor().find(make_context(text)) == []


@pytest.mark.parametrize(
    ("text", "span"), [("分三期付款", "三期"), ("共举办了三期培训班", "三期"), ("最多種植三期水稻", "三期")]
)
def test_periods_counted_are_amounts(make_context, text, span):
    assert [text[m.start : m.end] for m in AmountExtractor().find(make_context(text))] == [span]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "qualifier"),
    [
        ("被告違反稅捐稽徵法部分判刑6月", "6月", "6", "月", None),
        ("被告违反税收征管法部分判刑6月", "6月", "6", "月", None),
        ("密切接觸者須隔離七日", "七日", "7", "日", None),
        ("密切接触者须隔离七日", "七日", "7", "日", None),
        ("为期120多日的审讯结束", "120多日", "120", "日", "more_than"),
    ],
)
def test_a_month_or_a_day_after_a_word_of_duration_is_a_length(make_context, text, span, value, unit, qualifier):
    _check_amount(make_context, text, span, value, unit, None, qualifier, "quantity")


def test_a_month_after_a_word_of_duration_that_is_a_month_is_none(make_context):
    assert AmountExtractor().find(make_context("判刑6月份的案件")) == []


@pytest.mark.parametrize(
    ("text", "span", "value", "qualifier"),
    [
        ("每宗申請審批時間不多於14日", "不多於14日", "14", "at_most"),
        ("每宗申请审批时间不多于14日", "不多于14日", "14", "at_most"),
        ("逾30日未繳費者將被停電", "逾30日", "30", "more_than"),
        ("逾30日未缴费者将被停电", "逾30日", "30", "more_than"),
    ],
)
def test_a_day_after_a_bound_is_a_length(make_context, text, span, value, qualifier):
    _check_amount(make_context, text, span, value, "日", None, qualifier, "quantity")


def test_a_day_after_a_bound_before_a_deadline_word_is_none(make_context):
    assert AmountExtractor().find(make_context("最迟不超过20日前缴费")) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # 多 or 余 before 年 makes a length, not a year; 历史 after it is no 年历
        ("這座古城已有兩千多年歷史", "兩千多年", "2000"),
        ("这座古城已有两千多年历史", "两千多年", "2000"),
        ("该寺始建至今已有1000余年历史", "1000余年", "1000"),
        ("該寺始建至今已有1000餘年歷史", "1000餘年", "1000"),
        ("距今已有三百多年历史", "三百多年", "300"),
    ],
)
def test_years_of_history_are_a_length(make_context, text, span, value):
    _check_amount(make_context, text, span, value, "年", None, "more_than", "quantity")


@pytest.mark.parametrize("text", ["他在2019年历任多职", "2024年度报告", "出版2025年历"])
def test_a_year_before_a_word_is_no_length(make_context, text):
    assert AmountExtractor().find(make_context(text)) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("股價連續5個交易日上漲", "5個交易日", "5"),
        ("股价连续5个交易日上涨", "5个交易日", "5"),
        ("须于7个自然日内完成", "7个自然日", "7"),
    ],
)
def test_kinds_of_days_are_units(make_context, text, span, value):
    mentions = AmountExtractor().find(make_context(text))
    assert [(text[m.start : m.end], str(m.normalized.value)) for m in mentions] == [(span, value)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("出口占比约达百分之四十", "约达百分之四十"),  # jieba: 占|比约|达|百分之四十
        ("出口佔比約達百分之四十", "約達百分之四十"),
        ("进口占比约为百分之十二", "约为百分之十二"),
    ],
)
def test_a_percentage_in_words_after_a_qualifier_inside_a_word_is_read(make_context, text, span):
    mentions = AmountExtractor().find(make_context(text))
    assert [(text[m.start : m.end], m.normalized.unit, m.normalized.qualifier) for m in mentions] == [
        (span, "%", "about")
    ]


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        ("一经定罪，最高可判处监禁5年", "5年", "at_most"),
        ("一經定罪，最高可判監禁兩年", "兩年", "at_most"),
        ("最高可被判入狱八年", "八年", "at_most"),
        ("至少判刑三年", "三年", "at_least"),
        ("他被判入狱三年", "三年", None),
    ],
)
def test_a_bound_before_a_sentence_of_prison_keeps_its_meaning(make_context, text, span, qualifier):
    mentions = AmountExtractor().find(make_context(text))
    assert [(text[m.start : m.end], m.normalized.qualifier) for m in mentions] == [(span, qualifier)]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("代表团以12金9银7铜的成绩列第二。", [("12金", 12, "金"), ("9银", 9, "银"), ("7铜", 7, "铜")]),
        ("代表團共奪3金、5銀、2銅。", [("3金", 3, "金"), ("5銀", 5, "银"), ("2銅", 2, "铜")]),
        ("她一人独得两金一铜。", [("两金", 2, "金"), ("一铜", 1, "铜")]),
        ("排名以21.5铜计。他获得5银3金。", []),  # one kind alone, or not in the medals' order
    ],
)
def test_a_medal_tally_is_one_count_per_kind(make_context, text, counts):
    mentions = AmountExtractor().find(make_context(text))
    assert [(text[m.start : m.end], m.normalized.value, m.normalized.unit) for m in mentions] == [
        (span, Decimal(value), unit) for span, value, unit in counts
    ]


@pytest.mark.parametrize(
    ("text", "span", "value", "upper"),
    [
        ("可处3年以上10年以下有期徒刑", "3年以上10年以下", "3", "10"),
        ("判处三年以上七年以下有期徒刑", "三年以上七年以下", "3", "7"),
        ("得併科新台幣20萬元以上100萬元以下罰金", "新台幣20萬元以上100萬元以下", "200000", "1000000"),
    ],
)
def test_the_bounds_of_a_range_in_the_law_are_one_amount(make_context, text, span, value, upper):
    mentions = AmountExtractor().find(make_context(text))
    assert [
        (text[m.start : m.end], m.normalized.value, m.normalized.upper, m.normalized.qualifier) for m in mentions
    ] == [(span, Decimal(value), Decimal(upper), None)]


def test_bounds_of_two_counts_apart_stay_two(make_context):
    text = "员工1000人以上，营收500万元以下"
    mentions = AmountExtractor().find(make_context(text))
    assert [(text[m.start : m.end], m.normalized.qualifier) for m in mentions] == [
        ("1000人以上", "at_least"),
        ("500万元以下", "at_most"),
    ]


@pytest.mark.parametrize(
    ("text", "span"), [("5万澳门元（折合约4.8万港元）", "约4.8万港元"), ("折合約4.8萬港元", "約4.8萬港元")]
)
def test_a_qualifier_after_a_word_that_ends_before_it_is_kept(make_context, text, span):
    mentions = AmountExtractor().find(make_context(text))
    assert (span, "about") in [(text[m.start : m.end], m.normalized.qualifier) for m in mentions]


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        ("降雨量将达80毫米及以上", "80毫米及以上", "at_least"),
        ("股價升6%或以上", "6%或以上", "at_least"),
        ("年龄在60岁及以下", "60岁及以下", "at_most"),
    ],
)
def test_a_bound_joined_by_ji_or_huo_after_the_amount(make_context, text, span, qualifier):
    mentions = AmountExtractor().find(make_context(text))
    assert [(text[m.start : m.end], m.normalized.qualifier) for m in mentions] == [(span, qualifier)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("本报 网友评论 3条", []),
        ("阅读 3560 点赞 12", []),
        ("吸引更多5万名游客", ["5万名"]),
        ("公司将关闭 3家门店", ["3家"]),
        ("查看更多\n3000余名工人返岗", ["3000余名"]),
    ],
)
def test_a_count_set_apart_after_a_furniture_word_is_a_widgets(make_context, text, found):
    assert [text[m.start : m.end] for m in AmountExtractor().find(make_context(text))] == found


def test_a_spaced_count_in_a_widget_stays_no_amount(full_pipeline):
    assert not [e for e in full_pipeline.extract("来源: 本报 网友评论 0 条 点击查看").entities if e.type == "AMOUNT"]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("廖男被判處有期徒刑4年6月。", ["4年", "6月"]),  # a sentence of years and months, no June
        ("他被判处拘役二年三月。", ["二年", "三月"]),
    ],
)
def test_the_months_after_the_years_of_a_sentence_are_a_length(make_context, text, spans):
    context = make_context(text)
    assert [text[m.start : m.end] for m in AmountExtractor().find(context)] == spans
    assert DateExtractor().find(context) == []
