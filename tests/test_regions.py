"""Taiwan, Hong Kong and Macau conventions, on sentences written for these tests."""

from decimal import Decimal

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


@pytest.mark.parametrize(("region", "currency"), [("hk", "HKD"), ("mo", "MOP"), ("mainland", None), ("tw", None)])
def test_cents_are_the_local_dollars(rules_pipeline, region, currency):
    doc = rules_pipeline.extract("股價下跌1.8仙，八仙過海。", region=region)
    amounts = [
        (e.text, e.normalized.value, e.normalized.unit, e.normalized.kind, e.normalized.currency)
        for e in doc.entities
        if e.type == "AMOUNT"
    ]
    assert amounts == [("1.8仙", Decimal("1.8"), "仙", "money", currency)]


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
    assert ("2022/23年度", "2022", "2023-03") in dates(doc)
    money = next(e for e in doc.entities if e.type == "AMOUNT")
    assert (money.text, money.normalized.value, money.normalized.currency) == ("約5,000億元", 500000000000, "HKD")


def test_slash_dates_times_and_quarters(rules_pipeline):
    text = "警方2023/5/9 08:15接報，下午3時到場。第2季出口增長，首兩季合計上升。"
    doc = rules_pipeline.extract(text, region="hk", published_at="2023-07-10T12:00+08:00")
    found = dates(doc)
    assert ("2023/5/9 08:15", "2023-05-09T08:15", None) in found
    assert ("下午3時", "2023-05-09T15:00", None) in found  # a clock time alone: on the day dated before it
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


# --- Organizations, titles and positions in the regions' own naming (sentences written for these tests) ---


def spans(doc, type_):
    for e in doc.entities:
        assert doc.text[e.start : e.end] == e.text
    return [e.text for e in doc.entities if e.type == type_]


@pytest.mark.parametrize(
    ("text", "region", "orgs"),
    [
        ("運輸署昨日公布新的巴士路線安排。", "hk", ["運輸署"]),
        ("廉政公署拘捕兩名公司職員，香港海關亦同時採取行動。", "hk", ["廉政公署", "香港海關"]),
        ("廉署發言人說，案件仍在調查。", "hk", ["廉署"]),
        ("立法會財務委員會今日通過撥款。", "hk", ["立法會財務委員會"]),
        ("食物環境衞生署將加強清潔工作。", "hk", ["食物環境衞生署"]),
        ("民建聯與民主黨均表示支持。", "hk", ["民建聯", "民主黨"]),
        ("交通部觀光署統計，來臺旅客增加。", "tw", ["交通部觀光署"]),
        ("行政院主計總處公布最新數據。", "tw", ["行政院主計總處"]),
        ("衛生福利部疾病管制署呼籲民眾接種疫苗。", "tw", ["衛生福利部疾病管制署"]),
        ("民進黨與國民黨在台灣民眾黨提案上意見分歧。", "tw", ["民進黨", "國民黨", "台灣民眾黨"]),
        ("立法院財政委員會將審查金融監督管理委員會的預算。", "tw", ["立法院財政委員會", "金融監督管理委員會"]),
        ("台灣積體電路製造股份有限公司宣布擴廠。", "tw", ["台灣積體電路製造股份有限公司"]),
        ("澳門治安警察局與司法警察局聯合行動。", "mo", ["澳門治安警察局", "司法警察局"]),
        ("博彩監察協調局局長表示收入回升。", "mo", ["博彩監察協調局"]),
    ],
)
def test_region_organizations_are_found_whole(rules_pipeline, text, region, orgs):
    assert spans(rules_pipeline.extract(text, region=region), "ORG") == orgs


def test_listed_organizations_need_word_boundaries(rules_pipeline):
    # 海關 is listed for Hong Kong, but not inside 海關大樓's neighbour word 關稅 nor as part of another word.
    doc = rules_pipeline.extract("政府將調整關稅政策，房屋供應亦會增加。", region="hk")
    assert spans(doc, "ORG") == []


@pytest.mark.parametrize(
    ("text", "region", "title", "person", "org"),
    [
        ("運輸署署長陳大文說，新線下月開通。", "hk", "署長", "陳大文", "運輸署"),
        ("社會工作局局長梁美華表示，服務會增加。", "mo", "局長", "梁美華", "社會工作局"),
        ("醫院管理局行政總裁高志明說，輪候時間縮短。", "hk", "行政總裁", "高志明", "醫院管理局"),
        ("民進黨立委林雅婷指出，問題嚴重。", "tw", "立委", "林雅婷", "民進黨"),
        ("交通部觀光署署長陳志明表示，旅客增加。", "tw", "署長", "陳志明", "交通部觀光署"),
        ("香港警務處處長蕭志強表示，罪案上升。", "hk", "處長", "蕭志強", "香港警務處"),
    ],
)
def test_titles_link_person_and_organization(rules_pipeline, text, region, title, person, org):
    doc = rules_pipeline.extract(text, region=region)
    assert person in spans(doc, "PERSON")
    links = [(r.title, doc.entities[r.person].text, doc.entities[r.organization].text) for r in doc.relations]
    assert (title, person, org) in links


@pytest.mark.parametrize(
    ("text", "region", "title", "person"),
    [
        ("行政長官梁振華今日在立法會表示，政府會預留資源。", "hk", "行政長官", "梁振華"),
        ("財政司司長陳國明表示，赤字會收窄。", "hk", "財政司司長", "陳國明"),
        ("立法委員張文德說，法案下週審查。", "tw", "立法委員", "張文德"),
    ],
)
def test_region_titles_without_organization(rules_pipeline, text, region, title, person):
    doc = rules_pipeline.extract(text, region=region)
    assert person in spans(doc, "PERSON")
    assert (title, person) in [(r.title, doc.entities[r.person].text) for r in doc.relations]


def test_an_agency_before_a_speech_verb_is_not_a_person(rules_pipeline):
    doc = rules_pipeline.extract("房屋局表示，新項目明年落成。", region="mo")
    assert spans(doc, "PERSON") == []
    assert spans(doc, "ORG") == ["房屋局"]


def test_listed_places_take_their_level_word_but_not_a_title(rules_pipeline):
    doc = rules_pipeline.extract("花蓮縣政府與油尖旺區的居民會面。", region="tw")
    assert "油尖旺區" in spans(doc, "LOC")
    doc = rules_pipeline.extract("葵青區及屯門區將增設設施。", region="hk")
    assert spans(doc, "LOC") == ["葵青區", "屯門區"]


def test_variant_characters_mark_the_region():
    detector = RegionDetector()
    assert detector.detect("這裡的居民說，臺灣的夏天很熱。") == "tw"
    assert detector.detect("院舍裏的衞生情況已改善，居民表示滿意。") == "hk"
    # 裡 is common in Hong Kong papers too: a hint, counted once, never outvoting the region's words.
    assert detector.detect("香港特區政府表示，這裡、那裡和這裡的居民，都在裡面等候。") == "hk"


# --- Dates and amounts of the list not covered above ---


@pytest.mark.parametrize(
    ("text", "region", "span", "value", "end"),
    [
        ("衛福部112.5.9發布新聞稿。", "tw", "112.5.9", "2023-05-09", None),
        ("申請期限至6/30止。", "tw", "6/30", "2024-06-30", None),
        ("港鐵表示，20/2早上信號故障。", "hk", "20/2", "2024-02-20", None),
        ("二零二一年錄得盈餘。", "hk", "二零二一年", "2021", None),
        ("五月九日舉行儀式。", "hk", "五月九日", "2024-05-09", None),
        ("二零二二/二三年度開支上升。", "hk", "二零二二/二三年度", "2022", "2023-03"),
        ("工程於6月底完成。", "hk", "6月底", "2024-06", None),
        ("預計年底完成。", "tw", "年底", "2024-12", None),
        ("颱風於20時30分登陸。", "tw", "20時30分", "2024-03-15T20:30", None),
        ("會議9时开始。", "mainland", "9时", "2024-03-15T09:00", None),
        ("19日20時30分發出警告。", "hk", "19日20時30分", "2024-03-19T20:30", None),
        ("首六個月出口增長。", "hk", "首六個月", "2024-01", "2024-06"),
        ("去年12月29日起實施。", "mo", "去年12月29日", "2023-12-29", None),
    ],
)
def test_more_region_dates(rules_pipeline, text, region, span, value, end):
    doc = rules_pipeline.extract(text, region=region, published_at="2024-03-15T09:00+08:00")
    found = {e.text: e.normalized for e in doc.entities if e.type == "DATE"}
    assert span in found, found
    assert (found[span].value, found[span].end) == (value, end)


def test_weekday_annotation_belongs_to_the_date_and_is_checked(rules_pipeline):
    pub = "2024-03-15T09:00+08:00"
    doc = rules_pipeline.extract("立法院將於3月19日（星期二）審查預算。", region="tw", published_at=pub)
    [date] = [e for e in doc.entities if e.type == "DATE"]
    assert (date.text, date.normalized.value, date.normalized.note) == ("3月19日（星期二）", "2024-03-19", None)
    doc = rules_pipeline.extract("會議定於3月19日星期三舉行。", region="tw", published_at=pub)
    [date] = [e for e in doc.entities if e.type == "DATE"]
    assert date.text == "3月19日星期三" and "does not match" in date.normalized.note


def test_month_without_year_is_the_one_nearest_publication(rules_pipeline):
    doc = rules_pipeline.extract("澳門海關12月29日截獲凍肉，1月8日起加強巡查。", region="mo", published_at="2024-01-02")
    assert [e.normalized.value for e in doc.entities if e.type == "DATE"] == ["2023-12-29", "2024-01-08"]


def test_ambiguous_day_month_slash_is_not_guessed_in_hong_kong(rules_pipeline):
    doc = rules_pipeline.extract("新安排於2/3生效。", region="hk", published_at="2024-03-15")
    assert [e for e in doc.entities if e.type == "DATE"] == []
    doc = rules_pipeline.extract("約有1/3的居民反對。", region="mainland", published_at="2024-03-15")
    assert [e for e in doc.entities if e.type == "DATE"] == []


def test_fractions_are_not_dates_in_taiwan_either(rules_pipeline):
    for text in ("調查發現，約有1/3的民眾支持。", "逾2/3的立委贊成。", "其中1/4的學校已完成。"):
        doc = rules_pipeline.extract(text, region="tw", published_at="2024-03-15")
        assert [e.text for e in doc.entities if e.type == "DATE"] == [], text
    doc = rules_pipeline.extract("新制於6/30上路。", region="tw", published_at="2024-03-15")
    assert [e.normalized.value for e in doc.entities if e.type == "DATE"] == ["2024-06-30"]


def test_a_month_six_months_away_is_this_years(rules_pipeline):
    doc = rules_pipeline.extract("12月5日將舉行選舉。", region="tw", published_at="2024-06-10")
    assert [e.normalized.value for e in doc.entities if e.type == "DATE"] == ["2024-12-05"]


@pytest.mark.parametrize(
    ("text", "region", "span", "value", "currency", "qualifier"),
    [
        ("歲出規模達2兆875億元。", "tw", "2兆875億元", "2087500000000", "TWD", None),
        ("補助新台幣5萬元。", "tw", "新台幣5萬元", "50000", "TWD", None),
        ("補助新臺幣5萬元。", "tw", "新臺幣5萬元", "50000", "TWD", None),
        ("罰款台幣3萬元。", "tw", "台幣3萬元", "30000", "TWD", None),
        ("收入300億港幣。", "hk", "300億港幣", "30000000000", "HKD", None),
        ("上限提高至60萬澳門幣。", "mo", "60萬澳門幣", "600000", "MOP", None),
        ("市值近600萬元。", "hk", "近600萬元", "6000000", "HKD", "less_than"),
        ("資助300餘個團體。", "mo", "300餘個", "300", None, "more_than"),
        ("增撥不少於5億元。", "mo", "不少於5億元", "500000000", "MOP", "at_least"),
        ("發行不超過600億元債券。", "mainland", "不超過600億元", "60000000000", "CNY", "at_most"),
        ("報名人數約75.8萬人。", "mainland", "約75.8萬人", "758000", None, "about"),
    ],
)
def test_more_region_amounts(rules_pipeline, text, region, span, value, currency, qualifier):
    from decimal import Decimal

    doc = rules_pipeline.extract(text, region=region)
    found = {e.text: e.normalized for e in doc.entities if e.type == "AMOUNT"}
    assert span in found, found
    a = found[span]
    assert (a.value, a.currency, a.qualifier) == (Decimal(value), currency, qualifier)


# --- Issue 18: ROC years when the marker words are weak; what detection used is recorded ---


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("臺糖公司昨日召開股東會，113年度盈餘分配案獲通過。", "113年度", "2024"),
        ("中華電信公布111年度財報，營收創新高。", "111年度", "2022"),
        ("金管會表示，112年1月起實施新制。", "112年1月", "2023-01"),
        # a ROC year with a half, a quarter, a range of months or 全年 is a Taiwanese form too
        ("主計總處預估，113年上半年經濟成長放緩。", "113年上半年", "2024-01"),
        ("央行指出，112年第3季民間消費回溫。", "112年第3季", "2023-07"),
        ("經濟部今天公布，113年1至10月外銷訂單增加。", "113年1至10月", "2024-01"),
        ("台電表示，112年全年售電量下滑。", "112年", "2023"),
    ],
)
def test_roc_years_are_found_without_marker_words(rules_pipeline, text, span, value):
    doc = rules_pipeline.extract(text, published_at="2024-06-20")
    assert doc.meta.region == "tw"
    assert (span, value) in [(s, v) for s, v, _ in dates(doc)]
    evidence = doc.meta.region_evidence
    assert evidence.source == "detected"
    assert evidence.scores["tw"] >= evidence.min_score
    assert any(c.kind == "pattern" and c.text.startswith(span) and c.region == "tw" for c in evidence.clues)


def test_region_evidence_names_the_clues_and_their_points():
    evidence = RegionDetector().detect("臺糖公司昨日召開股東會，113年度盈餘分配案獲通過。").evidence
    clues = {(c.kind, c.text): c.points for c in evidence.clues}
    assert clues == {("pattern", "113年度"): 2, ("body", "臺糖"): 1, ("body", "股東會"): 1, ("variant", "臺"): 1}
    assert evidence.scores["tw"] == 5
    assert evidence.clues[0].text == "113年度"  # highest points first


def test_new_taiwan_dollars_alone_decide_the_region(rules_pipeline):
    doc = rules_pipeline.extract("公司去年獲利新台幣5億元。", published_at="2024-06-20")
    money = next(e for e in doc.entities if e.type == "AMOUNT")
    assert (doc.meta.region, money.normalized.currency) == ("tw", "TWD")
    assert [(c.kind, c.text, c.points) for c in doc.meta.region_evidence.clues] == [("strong_marker", "新台幣", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "該校建校112年以來培養了大批人才。",  # 112 years, not the year 112
        "该校建校112年来培养了大批人才，全年招生三千人。",  # 112 years, and 全年 not after the number
        "他家新買了一臺電視機。",  # 臺電 of 一臺電視 is no Taiwanese body
        "大會決定成立委員會處理此事。",  # nor 立委 of 成立委員會
    ],
)
def test_weak_clues_do_not_make_a_text_taiwanese(text):
    region = RegionDetector().detect(text)
    assert region == "unknown"
    assert region.evidence.source == "undecided"


def test_a_given_region_is_recorded_as_given(rules_pipeline):
    doc = rules_pipeline.extract("今年營收100億元。", region="hk")
    assert doc.meta.region_evidence.source == "given"
    assert doc.meta.region_evidence.clues == []


def test_a_marker_inside_a_longer_marker_of_another_region_is_that_regions():
    # 特區政府 and 財政司 are Hong Kong's markers, here inside Macau's 澳門特區政府 and 經濟財政司
    text = "澳門特區政府經濟財政司司長昨日到訪商會，特區政府將推出措施，本澳經濟可望回升。"
    detected = RegionDetector().detect(text)
    assert detected == "mo"
    # the second 特區政府 stands alone: it counts, once
    assert [(c.text, c.count) for c in detected.evidence.clues if c.region == "hk"] == [("特區政府", 1)]


def test_a_marker_alone_still_counts():
    assert RegionDetector().detect("特區政府今日公布財政司的預算案，本港經濟增長。") == "hk"
