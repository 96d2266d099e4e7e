"""Outlets, registers, the document-level pass and name edges, on sentences written for these tests (both scripts)."""

from dataclasses import replace

import pytest

from pipeline import Pipeline, Settings
from pipeline.extract.base import Mention
from pipeline.extract.edges import trim_punctuation
from pipeline.extract.outlets import OutletExtractor
from pipeline.extract.registers import RegisterExtractor


def found(mentions, text):
    return [(text[m.start : m.end], m.rule) for m in mentions]


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        ("新华社杭州6月2日电 浙江省今年将新建学校。", [("新华社", "outlets.dateline")]),
        ("（中央社記者林志明高雄3日電）高雄市政府今天宣布。", [("中央社", "outlets.dateline")]),
        ("东方网讯(记者王刚)昨日，上海市召开会议。", [("东方网", "outlets.dateline")]),
        ("錦江晚報-成都商報訊 今年将新建学校。", [("錦江晚報", "outlets.dateline"), ("成都商報", "outlets.dateline")]),
        ("来源：海南日报 编辑：张三", [("海南日报", "outlets.source")]),
        ("來源:大河報責任編輯:李四", [("大河報", "outlets.source")]),
        ("据江门日报记者黄明报道，该市昨日下雨。", [("江门日报", "outlets.reporter")]),
        ("本报记者黄明报道，该市昨日下雨。", []),
        ("澎湃新闻记者从市教育局获悉。", [("澎湃新闻", "outlets.reporter")]),  # jieba reads 新闻记者 as one word
        ("澎湃新聞記者從市教育局獲悉。", [("澎湃新聞", "outlets.reporter")]),
        ("本报讯新华社记者黄明报道，该市昨日下雨。", [("新华社", "outlets.reporter")]),  # not 本报讯新华社
        ("本報北京3月5日訊新華社記者黃明報道", [("新華社", "outlets.reporter")]),  # not 日訊新華社
        ("这些举报电话都已公布。", []),  # 电 of 电话 ends no dateline
        ("江南新闻网上海5月3日（记者王刚）市政府今天发布通知。", [("江南新闻网", "outlets.dateline")]),
        ("江南新聞網上海5月3日(記者王剛)市政府今天發布通知。", [("江南新聞網", "outlets.dateline")]),  # no 电
        ("市民步行筹款本报讯 昨日，该市举行活动。", []),  # a headline run into 本报讯 is no outlet
        ("美国《纽约时报》援引官员的话说。", [("纽约时报", "outlets.title")]),
        ("他读过《红楼梦》和《三国演义》。", []),
    ],
)
def test_outlets_are_read_from_the_lines_that_name_them(make_context, text, outlets):
    assert found(OutletExtractor().find(make_context(text)), text) == outlets


def test_listed_names_stand_only_as_whole_words(make_context):
    text = "中油昨天宣布調降油價，台積電股價上漲，新浪网报道。"
    names = [name for name, _ in found(RegisterExtractor().find(make_context(text)), text)]
    assert names == ["中油", "台積電", "新浪网"]
    text = "据TVBS, ETtoday报道。"
    assert [name for name, _ in found(RegisterExtractor().find(make_context(text)), text)] == ["TVBS", "ETtoday"]
    text = "据央视新闻报道，北京今日降雨。"  # jieba: 央视/新闻报道: the outlet ends inside the word for its report
    assert [name for name, _ in found(RegisterExtractor().find(make_context(text)), text)] == ["央视新闻"]
    text = "他们在中油价区间内操作，为了统一思想，TVBSX和XETtoday不是。"
    assert RegisterExtractor().find(make_context(text)) == []  # 中油 inside 中/油价: no word boundary


@pytest.mark.parametrize(
    ("text", "org", "title"),
    [
        ("對此，行政院長蘇貞昌說，內閣沒有改組。", "行政院", "院長"),  # jieba: 行政院长 one word
        ("对此，行政院长苏贞昌说，内阁没有改组。", "行政院", "院长"),
        ("考試院長黃榮村今日表示。", "考試院", "院長"),
    ],
)
def test_a_listed_body_whose_last_character_begins_the_title_is_found(pipe, text, org, title):
    doc = pipe.extract(text, region="tw")
    assert org in [e.text for e in doc.entities if e.type == "ORG"]
    [link] = [r for r in doc.relations if r.type == "position"]
    assert (link.title, doc.entities[link.organization].text) == (title, org)


@pytest.fixture(scope="module")
def pipe():
    return Pipeline()


def orgs(doc):
    return [(e.text, e.rule) for e in doc.entities if e.type == "ORG"]


def test_an_abbreviation_defined_in_brackets_is_an_organization_everywhere(pipe, rules_pipeline):
    text = "嘉興永盛紡織股份有限公司（永盛紡織）今日宣布加價。永盛紡織表示，加幅為3%。"
    assert [t for t, _ in orgs(pipe.extract(text))] == ["嘉興永盛紡織股份有限公司", "永盛紡織", "永盛紡織"]
    # the document pass makes both short mentions, whatever the model reads
    assert orgs(rules_pipeline.extract(text))[1:] == [
        ("永盛紡織", "repeats.abbreviation"),
        ("永盛紡織", "repeats.document"),
    ]
    doc = pipe.extract("江苏恒力化纤股份有限公司（以下简称“恒力化纤”）昨日公告。恒力化纤称，净利润增长。")
    assert [t for t, _ in orgs(doc)] == ["江苏恒力化纤股份有限公司", "恒力化纤", "恒力化纤"]


def test_a_defined_short_name_displaces_a_place_inside_it(full_pipeline):
    text = "江西新宇电子科技有限公司（以下简称“江西新宇”）成立于2010年。此后江西新宇扩产。"
    doc = full_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type in ("ORG", "LOC")] == [
        "江西新宇电子科技有限公司",
        "江西新宇",
        "江西新宇",
    ]


def test_a_quoted_short_name_before_more_in_its_brackets_is_defined(rules_pipeline):
    text = "浙江明达电子股份有限公司（以下简称“明达电子”，600999.SH）公告称，明达电子将回购股份。"
    assert orgs(rules_pipeline.extract(text))[1:] == [
        ("明达电子", "repeats.abbreviation"),
        ("明达电子", "repeats.document"),
    ]


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("港鐵(066)公布全年業績。", "066"),  # a stock code
        ("福鼎龙安医院(民营医院)新院区开工。", "民营医院"),  # a description, not its short name
    ],
)
def test_what_brackets_hold_after_a_name_is_a_short_name_only_if_it_can_abbreviate_it(pipe, text, short):
    assert short not in [t for t, _ in orgs(pipe.extract(text))]


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("中国吉利汽车集团董事长表示乐观。分析人士认为，吉利曾与多家车企接触。", "吉利"),
        ("中國吉利汽車集團董事長表示樂觀。分析人士認為，吉利曾與多家車企接觸。", "吉利"),
        ("浙江天宏能源有限公司发布公告。天宏表示将加大投入。", "天宏"),
    ],
)
def test_a_companys_name_before_its_trade_word_is_its_short_name(pipe, text, short):
    later = text.rindex(short)
    assert [(e.start, e.type) for e in pipe.extract(text).entities if e.text == short] == [(later, "ORG")]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("长城汽车今天发布新车。长城是世界奇迹。", "长城"),  # a well-known place alone
        ("南方航空公司今天宣布。南方地区普降大雨。", "南方"),  # a direction word
        ("招商银行发布年报。该市招商引资成效显著。", "招商"),  # no trade word: 银行 is not one
    ],
)
def test_a_word_before_a_trade_word_that_is_no_name_is_no_short_name(pipe, text, word):
    assert all(t != word for t, _ in orgs(pipe.extract(text)))


def test_a_name_the_model_types_twice_takes_the_type_a_title_gives_it():
    from pipeline.extract.repeats import _one_type_per_name

    text = "首相安华访问。安华会晤总理。"
    mentions = [
        Mention(2, 4, "PERSON", "rule+ner", "ner.xinwen_ner+people.titled", 0.99),
        Mention(7, 9, "LOC", "ner", "ner.xinwen_ner", 0.9),
    ]
    assert [m.type for m in _one_type_per_name(mentions, text)] == ["PERSON", "PERSON"]
    # without a typing rule, one against one: each keeps its own
    mentions = [Mention(2, 4, "PERSON", "ner", "ner.xinwen_ner", 0.9), mentions[1]]
    assert [m.type for m in _one_type_per_name(mentions, text)] == ["PERSON", "LOC"]


def test_a_name_found_once_is_found_at_its_other_mentions_on_word_boundaries():
    text = "市长王刚昨天视察工地。王刚表示满意，王刚才离开。"
    rules = Pipeline(Settings(ner=False))  # the model reads 王刚才 as a name of its own
    people = [(e.start, e.text) for e in rules.extract(text).entities if e.type == "PERSON"]
    assert [t for _, t in people] == ["王刚", "王刚"]  # not inside 王刚才 (王/刚才)
    assert people[1][0] == text.index("王刚表示")


def test_one_surface_with_two_types_is_not_repeated(pipe):
    doc = pipe.extract("华盛顿表示反对。华盛顿州政府与华盛顿会面。")
    types = {e.type for e in doc.entities if e.text == "华盛顿"}
    assert all(e.rule != "repeats.document" for e in doc.entities if e.text == "华盛顿") or len(types) == 1


@pytest.mark.parametrize(
    ("span", "kept"),
    [
        ("台北榮總。", "台北榮總"),
        ("福鼎龙安医院(民营医院", "福鼎龙安医院"),
        ("中科恆源(Zkenergy)科技有限公司", "中科恆源(Zkenergy)科技有限公司"),
        ("“2·25”重大交通事故救援指挥部", "“2·25”重大交通事故救援指挥部"),
        ("吉尔维特·华盛顿", "吉尔维特·华盛顿"),
        ("王芳”", "王芳"),
        ("(中央社)", "中央社"),
        ("Kevin Dietsch", "Kevin Dietsch"),  # a space between Latin letters is inside the name
        ("王芳 李四", "王芳"),  # but not between Han characters
        ("==長榮航空公司", "長榮航空公司"),  # a page's heading rule glued to the name
        ("■深圳地铁集团==", "深圳地铁集团"),
        ("★华侨银行", "华侨银行"),
        ("Disney+", "Disney+"),  # a plus that ends a service's name stays
    ],
)
def test_no_punctuation_at_the_edge_of_a_name_nor_inside_unless_paired(span, kept):
    text = f"据{span}说"
    (m,) = trim_punctuation([Mention(1, 1 + len(span), "ORG", "ner", "ner.test", 0.9)], text)
    assert text[m.start : m.end] == kept


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        ("他说，槟州土地库(Land bank)目前缺乏土地。", "Land", False),  # a gloss runs on
        ("数码基础设施公司(Digital InfraCo)的持续投资", "InfraCo", False),  # a phrase runs into it
        ("世界棒球經典賽（WBC）台捷之戰", "WBC", True),  # the whole bracket
        ("加入TVBS新聞LINE好友", "TVBS", True),  # Chinese after it, not Latin
    ],
)
def test_the_models_latin_organization_cut_out_of_a_latin_phrase_is_no_name(text, name, kept):
    at = text.index(name)
    m = Mention(at, at + len(name), "ORG", "ner", "ner.xinwen_ner", 0.9)
    assert (trim_punctuation([m], text) == [m]) is kept
    rule = replace(m, extractor="rule", rule="registers.listed")  # a rule's name stands
    assert trim_punctuation([rule], text) == [rule]


def test_amounts_keep_their_punctuation():
    text = "共1,200.5万元"
    m = Mention(1, len(text), "AMOUNT", "rule", "amounts.test", 0.9)
    assert trim_punctuation([m], text) == [m]


def test_the_models_person_that_is_a_place_word_or_cuts_a_word_is_dropped():
    rules_off = Pipeline(Settings(rules=()))
    for text in ("梅州今年新建学校三所。", "市民前往梅州旅游。"):
        assert not [e for e in rules_off.extract(text).entities if e.type == "PERSON"]


def _ner(start, end):
    return Mention(start, end, "PERSON", "ner", "ner.test", 0.9)


@pytest.mark.parametrize(
    ("text", "parts", "names"),
    [
        ("希拉里-克林顿说", [(0, 3), (4, 7)], ["希拉里-克林顿"]),
        ("乔治·赫伯特·沃克·布什说", [(0, 2), (3, 6), (7, 9), (10, 12)], ["乔治·赫伯特·沃克·布什"]),
        ("被告高某认罪", [(2, 3)], ["高某"]),
        ("张某某称", [(0, 1)], ["张某某"]),
        ("李某些人", [(0, 1)], ["李"]),  # 某些 (some) is not taken
        ("江主席说", [(0, 1)], ["江"]),  # a surname alone stays, as MSRA tags it
        ("一名張姓警員受傷", [(2, 3)], []),  # but not before 姓: a description, no name
        ("本报记者 张 红\n", [(5, 6)], ["张 红"]),  # a byline's padded two-character name
        ("本報記者　張　紅　報道", [(5, 6)], ["張　紅"]),
        ("张 红花开", [(0, 1)], ["张"]),  # a space, then a word: no padded name
        ("date 2026", [(0, 4)], []),
        ("Image copyright", [(0, 5)], []),
        ("Brian Snyder摄", [(0, 12)], ["Brian Snyder"]),
    ],
)
def test_person_edges(text, parts, names):
    from pipeline.extract.edges import person_edges

    kept = person_edges([_ner(s, e) for s, e in parts], text)
    assert [text[m.start : m.end] for m in kept] == names


@pytest.mark.parametrize(
    ("text", "org", "kept"),
    [
        ("南宁市儿童康复行业协会党支部书记魏洁荣表示", (0, 14), "南宁市儿童康复行业协会"),
        ("南寧市兒童康復行業協會黨支部書記魏潔榮表示", (0, 14), "南寧市兒童康復行業協會"),
        ("国家发展改革委党组副书记王明表示", (0, 9), "国家发展改革委"),
        ("广西壮族自治区党委书记陈武出席", (0, 9), "广西壮族自治区党委"),  # 党委 names a body of its own
        ("江南城市建设集团党委书记、董事长李国祥出席", (0, 10), "江南城市建设集团"),  # a company's: the title's
        ("江南城市建設集團黨委書記、董事長李國祥出席", (0, 10), "江南城市建設集團"),
        ("该协会党支部开展活动", (0, 6), "该协会党支部"),  # no title follows: the unit itself
    ],
)
def test_a_party_unit_before_its_title_belongs_to_the_title(text, org, kept):
    from pipeline.convert import Converter
    from pipeline.extract.edges import unit_titles

    simplified = Converter().convert(text).simplified
    [m] = unit_titles([Mention(*org, "ORG", "ner", "ner.test", 0.9)], simplified)
    assert text[m.start : m.end] == kept


@pytest.mark.parametrize(
    ("text", "org", "kept"),
    [
        ("财政司司长昨日公布预算案", (0, 3), []),  # Hong Kong's 财政司司长: an office, no department
        ("財政司司長昨日公佈預算案", (0, 3), []),
        ("香港前政务司司长出庭受审", (0, 6), []),  # nothing but 香港前 before the title
        ("律政司司长昨日表示", (0, 3), ["律政司"]),  # the Department of Justice is one
        ("律政司司長昨日表示", (0, 3), ["律政司"]),
    ],
)
def test_an_office_that_is_a_title_is_no_organization(text, org, kept):
    from pipeline.convert import Converter
    from pipeline.extract.edges import unit_titles

    simplified = Converter().convert(text).simplified
    found = unit_titles([Mention(*org, "ORG", "ner", "ner.test", 0.9)], simplified)
    assert [text[m.start : m.end] for m in found] == kept


@pytest.mark.parametrize(
    ("text", "span", "rule", "kept"),
    [
        ("香港財政司司長陳茂波表示", (0, 5), "ner.test", ("香港", "LOC")),  # the office's place
        ("候任經濟財政司司長李偉農表示", (2, 7), "orgs.gazetteer", ("經濟財政司", "ORG")),  # Macau's, listed
        ("香港特區政府財政司司長陳茂波表示", (0, 9), "ner.test", ("香港特區政府", "ORG")),
    ],
)
def test_what_is_left_before_an_office_is_its_place_or_a_listed_body(text, span, rule, kept):
    from pipeline.convert import Converter
    from pipeline.extract.edges import unit_titles

    simplified = Converter().convert(text).simplified
    [m] = unit_titles([Mention(*span, "ORG", "rule" if rule != "ner.test" else "ner", rule, 0.9)], simplified)
    assert (text[m.start : m.end], m.type) == kept


@pytest.mark.parametrize(
    ("text", "latin", "kind"),
    [
        ("印度尼西亚流动电信公司(Telkomsel)与固网业务整合后营收增长。", "Telkomsel", "ORG"),
        ("华东数码基础设施有限公司（Digital InfraCo）表现强劲。", "Digital InfraCo", "ORG"),
        ("華東數碼基礎設施有限公司（Digital InfraCo）表現強勁。", "Digital InfraCo", "ORG"),
        ("外援费尔南德斯（Carlos Fernandez）打出一支全垒打。", "Carlos Fernandez", "PERSON"),
        ("外援費爾南德斯（Carlos Fernandez）打出一支全壘打。", "Carlos Fernandez", "PERSON"),
        ("律政司司長林定國（Paul Lam Ting-kwok）今日表示。", "Paul Lam Ting-kwok", "PERSON"),  # a Cantonese hyphen
        ("署長黃美玲（Wong Mei-ling）出席典禮。", "Wong Mei-ling", "PERSON"),
        ("受訪的何家欣（Karen）表示不滿。", "Karen", "PERSON"),  # an English given name alone
    ],
)
def test_a_latin_name_in_brackets_after_a_name_is_the_same_kind(pipe, text, latin, kind):
    doc = pipe.extract(text)
    assert (latin, kind) in {(e.text, e.type) for e in doc.entities}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("县长先后来到南大坪村、海子洼村、古守营村、西上碾头村调研。", "西上碾头村"),
        ("縣長先後來到南大坪村、海子窪村、古守營村、西上碾頭村調研。", "西上碾頭村"),
    ],
)
def test_an_item_of_a_list_of_places_of_one_level_is_a_place(pipe, text, place):
    doc = pipe.extract(text)
    assert place in [e.text for e in doc.entities if e.type == "LOC"]


def test_a_list_item_that_runs_into_a_word_is_no_place(pipe):
    doc = pipe.extract("他们走访了南大坪村、海子洼村村民。")
    assert "海子洼村" not in [e.text for e in doc.entities if e.rule == "repeats.list"]


@pytest.mark.parametrize(
    ("text", "word"),
    [("商超营收同比增长12%，商超数量增加。", "商超"), ("网红带货成为新潮流。", "网红")],
)
def test_a_news_word_jieba_lacks_is_no_person(pipe, text, word):
    assert all(word not in e.text for e in pipe.extract(text).entities if e.type == "PERSON")


@pytest.mark.parametrize(
    ("text", "org"),
    [("市人民政府副市长张明出席会议。", "市人民政府"), ("縣人民政府副縣長王剛出席會議。", "縣人民政府")],
)
def test_a_levels_formal_government_stands_without_the_model(pipe, rules_pipeline, text, org):
    for system in (pipe, rules_pipeline):
        assert org in [e.text for e in system.extract(text).entities if e.type == "ORG"]


@pytest.fixture(scope="module")
def msra() -> Pipeline:
    return Pipeline(Settings(governments_by_place=False))


@pytest.mark.parametrize(
    ("text", "org", "place"),
    [
        ("北京市政府决定延长开放时间。", "北京市政府", "北京市"),
        ("美国政府宣布新一轮制裁。", "美国政府", "美国"),
        ("深圳警方昨日通报了案情。", "深圳警方", "深圳"),
        ("北京警方昨日通报了案情。", "北京警方", "北京"),
    ],
)
def test_a_places_government_is_one_org_unless_msras_convention_is_asked_for(pipe, msra, text, org, place):
    assert org in [e.text for e in pipe.extract(text, region="mainland").entities if e.type == "ORG"]
    entities = [(e.text, e.type) for e in msra.extract(text, region="mainland").entities]
    assert (place, "LOC") in entities and org not in [text for text, _ in entities]
    assert org in [e.text for e in msra.extract(text, region="tw").entities if e.type == "ORG"]  # an official name


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("与会代表普遍认为，改革势在必行。", "普遍"),
        ("與會代表普遍認為，改革勢在必行。", "普遍"),
        ("在担任轮值主席国期间，该国将推动谈判。", "国期间"),
        ("在擔任輪值主席國期間，該國將推動談判。", "國期間"),
    ],
)
def test_a_word_after_a_title_is_no_person(pipe, text, word):
    assert word not in [e.text for e in pipe.extract(text).entities if e.type == "PERSON"]


def test_a_listed_company_read_as_a_verb_or_a_brand_is_no_organization(pipe):
    assert "奔驰" not in [e.text for e in pipe.extract("骏马在草原上奔驰了很久。").entities]
    assert "仁寶" not in [e.text for e in pipe.extract("他們推出「仁寶」牌運動鞋。").entities]
    assert "奔驰公司" in [e.text for e in pipe.extract("奔驰公司宣布召回部分车辆。").entities]


def test_a_whole_outlet_before_a_reporter_takes_no_name_before_it(pipe):
    text = "本报记者王志华张立新华社记者刘明报道"
    orgs = [e.text for e in pipe.extract(text).entities if e.type == "ORG"]
    assert "新华社" in orgs and not any(o.endswith("新华社") and o != "新华社" for o in orgs)
    caption = "会议现场（见图新华社记者刘宇摄）"
    assert "图新华社" not in [e.text for e in pipe.extract(caption).entities]


def test_a_person_before_the_verb_stand_is_no_station(pipe):
    doc = pipe.extract("李秀英站在田埂上看着秧苗。")
    assert not any(e.text.endswith("站") for e in doc.entities if e.type == "LOC")


def test_a_facility_the_model_splits_into_two_places_is_two(pipe):
    doc = pipe.extract("比赛今日在汉城蚕室综合体育场举行。")
    assert [e.text for e in doc.entities if e.type == "LOC"] == ["汉城", "蚕室综合体育场"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("外交部长马里奥宣称，谈判将继续。", "马里奥"),
        ("國務委員陳立將在會上發言。", "陳立"),
    ],
)
def test_a_titled_name_ends_before_the_word_after_it(pipe, text, name):
    people = [e.text for e in pipe.extract(text).entities if e.type == "PERSON"]
    assert name in people and not any(p.startswith(name) and p != name for p in people), people


def test_an_organization_that_speaks_is_no_person(pipe):
    doc = pipe.extract("安理会表示，各方应保持克制。")
    assert "安理会" not in [e.text for e in doc.entities if e.type == "PERSON"]


def test_an_editors_note_is_no_credit_line(pipe):
    doc = pipe.extract("编辑：无论从历史还是从现实来看，这个问题都很重要。")
    assert doc.meta.editors == [] and not [e for e in doc.entities if e.type == "PERSON"]


@pytest.mark.parametrize(
    "text",
    [
        "办好村里的环保站\n村民们自己动手，把垃圾分类做成了习惯。（周末漫谈）",
        "辦好村裡的環保站\n村民們自己動手，把垃圾分類做成了習慣。（週末漫談）",
    ],
)
def test_a_column_name_in_brackets_after_the_body_is_no_author(pipe, text):
    """（周末漫谈） closing an article names its column: four common words are no credited person."""
    assert [e.text for e in pipe.extract(text).entities if e.type == "PERSON"] == []


@pytest.mark.parametrize(
    "text",
    [
        "总领事蔡簦合，今天表示欢迎。蔡簦合能讲一口流利的中文。",
        "總領事蔡簦合，今天表示歡迎。蔡簦合能講一口流利的中文。",
    ],
)
def test_a_person_cut_short_of_a_name_the_document_holds_is_that_name(pipe, text):
    """蔡簦 + 合能/v: jieba joins the name's last character to the next word; the full name given elsewhere
    (here before a comma, where the model reads it whole) wins."""
    people = [(e.text, e.rule) for e in pipe.extract(text).entities if e.type == "PERSON"]
    assert [name for name, _ in people] == ["蔡簦合", "蔡簦合"]
    assert people[1][1] == "repeats.document"  # the model's 蔡簦 there, extended


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("彭博指出，双方仍在谈判。", "彭博"),
        ("彭博指出，雙方仍在談判。", "彭博"),
        ("据路透报道，谈判已经结束。", "路透"),
        ("據路透報導，談判已經結束。", "路透"),
    ],
)
def test_a_wire_agency_written_without_she_is_an_organization(pipe, text, agency):
    """路透 and 彭博 are how the press writes 路透社 and 彭博社; speaking, the agency is no person."""
    doc = pipe.extract(text)
    assert [(e.text, e.type) for e in doc.entities if e.type in ("ORG", "PERSON")] == [(agency, "ORG")]


@pytest.mark.parametrize(
    "text",
    [
        "他先后来到硕德自动化包装机械生产项目、东星空调管路有限公司等地。",
        "他先後來到碩德自動化包裝機械生產項目、東星空調管路有限公司等地。",
    ],
)
def test_a_project_is_no_organization(pipe, text):
    """…机械生产项目 names a project: the model's span ending in 项目 is no body; the company beside it is."""
    orgs = [e.text for e in pipe.extract(text).entities if e.type == "ORG"]
    assert not any(o.endswith(("项目", "項目")) for o in orgs), orgs
    assert any(o.endswith("有限公司") for o in orgs), orgs


@pytest.mark.parametrize(
    ("text", "bureau"),
    [
        ("運輸及房屋局局長陳志華今日表示，會檢討收費。", "運輸及房屋局"),
        ("运输及房屋局局长陈志华今日表示，会检讨收费。", "运输及房屋局"),
        ("創新及科技局局長林家明出席活動。", "創新及科技局"),
    ],
)
def test_a_hong_kong_bureau_by_its_former_name_is_whole(pipe, text, bureau):
    """Archives hold the bureaus' names of 2007–2022: 运输及房屋局 is one body, not 房屋局 after 运输及."""
    assert bureau in [e.text for e in pipe.extract(text, region="hk").entities if e.type == "ORG"]


@pytest.mark.parametrize("text", ["政府如何推广“澳门元”的称谓？", "政府如何推廣「澳門元」的稱謂？"])
def test_a_currency_named_after_its_place_is_no_place(pipe, text):
    """澳门元 names a currency: neither the model's place nor jieba's."""
    assert [e for e in pipe.extract(text).entities if e.type == "LOC"] == []


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("首相拿督斯里纳吉称将宣布改组。", ["纳吉"]),
        ("首相拿督斯里納吉稱將宣布改組。", ["納吉"]),
        ("拿督斯里安华出任首相。", ["安华"]),
        ("丹斯里詹士马欣和拿督阿邦佐哈里受委副首长。", ["詹士马欣", "阿邦佐哈里"]),
        ("總執行長拿督斯里傑巴星甘今日發表文告。", ["傑巴星甘"]),
    ],
)
def test_a_malaysian_honorific_stays_outside_the_name(pipe, text, people):
    """拿督斯里, 丹斯里, 拿督 are honorifics: the person is the name after them, never a place inside them."""
    doc = pipe.extract(text)
    assert [e.text for e in doc.entities if e.type == "PERSON"] == people
    assert not any(e.type == "LOC" and "斯里" in e.text_simplified for e in doc.entities)


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("远景创业(002797)今日发布公告。", "远景创业"),
        ("知乎(02390)發布季度業績。", "知乎"),
        ("据悉，华南投资系华星矿业(601899.SH)全资子公司。", "华星矿业"),
    ],
)
def test_a_name_written_with_its_stock_code_is_a_listed_company(make_context, text, company):
    coded = [m for m in RegisterExtractor().find(make_context(text)) if m.rule == "registers.code"]
    assert [text[m.start : m.end] for m in coded] == [company]


@pytest.mark.parametrize("text", ["该公司(600000)今日公告。", "去（2024）年營收成長。", "全年（2023）业绩"])
def test_no_company_from_a_head_word_or_a_year_in_brackets(make_context, text):
    assert [m for m in RegisterExtractor().find(make_context(text)) if m.rule == "registers.code"] == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("福耀玻璃宣布扩产，三一重工股价上涨。", ["福耀玻璃", "三一重工"]),  # CSI 300, by short name
        ("顺丰控股与科大讯飞签约。", ["顺丰控股", "科大讯飞"]),
        ("農夫山泉和創科實業公布業績。", ["農夫山泉", "創科實業"]),  # Hang Seng constituents
        ("富邦金與國泰金今日公布獲利。", ["富邦金", "國泰金"]),  # Taiwan 50
        ("小红书和哔哩哔哩加强内容审核。", ["小红书", "哔哩哔哩"]),  # internet platforms: 小红书 is no person
    ],
)
def test_listed_companies_by_their_exchange_names(rules_pipeline, text, names):
    assert [e.text for e in rules_pipeline.extract(text).entities if e.type == "ORG"] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("教练张家齐表示，队员状态很好。家齐说，她会继续努力。", ["张家齐", "家齐"]),
        ("教練張家齊表示，隊員狀態很好。家齊說，她會繼續努力。", ["張家齊", "家齊"]),
    ],
)
def test_a_given_name_after_the_full_name_is_that_person(rules_pipeline, text, names):
    assert [e.text for e in rules_pipeline.extract(text).entities if e.type == "PERSON"] == names


def test_a_given_name_that_is_a_word_is_not_repeated(rules_pipeline):
    text = "村长王建国表示，村里变化很大。建国以来，这里修了三条路。"
    assert [e.text for e in rules_pipeline.extract(text).entities if e.type == "PERSON"] == ["王建国"]


@pytest.mark.parametrize(
    ("text", "name", "types"),
    [
        ("移動電信、恩士迅（NCS）增長強勁。", "恩士迅", ["ORG"]),  # an acronym in capitals: a body's short name
        ("移动电信、恩士迅(NCS)增长强劲。", "恩士迅", ["ORG"]),
        ("执行长张三（CEO）表示", "张三", ["PERSON"]),  # a title in capitals
        ("外野手费尔柴德（Stuart Fairchild）", "费尔柴德", ["PERSON"]),  # a person's Latin name is written in words
    ],
)
def test_the_models_person_before_an_acronym_in_brackets_is_an_organization(text, name, types):
    from pipeline.extract.repeats import _acronymed_people

    start = text.index(name)
    mentions = [Mention(start, start + len(name), "PERSON", "ner", "ner.xinwen_ner", 0.9)]
    assert [m.type for m in _acronymed_people(mentions, text)] == types


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("京东集团旗下京东物流发布财报", ["京东集团", "京东物流"]),  # a group and the company it owns
        ("京東集團旗下京東物流發布財報", ["京東集團", "京東物流"]),
        ("字母表母公司谷歌宣布裁员", ["字母表", "谷歌"]),
        ("飞书母公司宣布裁员", ["飞书"]),  # the parent left unnamed: the side shorter than a name goes
        ("厦门大学与集美大学签署协议", ["厦门大学", "集美大学"]),  # two names joined by a conjunction
        ("广东省发展和改革委员会签署协议", ["广东省发展和改革委员会"]),  # two fields of one name
    ],
)
def test_an_organization_over_a_word_of_holding_is_the_two_bodies(text, kept):
    from pipeline.convert import Converter
    from pipeline.extract.edges import holdings

    simplified = Converter().convert(text).simplified
    end = len(text) - 4 if text.endswith(("发布财报", "發布財報", "宣布裁员", "签署协议")) else len(text)
    found = holdings([Mention(0, end, "ORG", "ner", "ner.test", 0.8)], simplified)
    assert [text[m.start : m.end] for m in found] == kept


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("腾讯音乐娱乐集团（以下简称“腾讯音乐”）发布公告。", "腾讯音乐"),  # not the listed 腾讯 inside it
        ("騰訊音樂娛樂集團（以下簡稱「騰訊音樂」）發布公告。", "騰訊音樂"),
    ],
)
def test_a_defined_short_name_displaces_a_shorter_name_inside_it(rules_pipeline, text, short):
    orgs = [
        e.text
        for e in rules_pipeline.extract(text, region="mainland" if "简" in text else "hk").entities
        if e.type == "ORG"
    ]
    assert short in orgs


@pytest.mark.parametrize(
    ("text", "sure"),
    [
        ("奔馳董事長康林松表示", True),  # 奔驰/v, but a company's title follows
        ("奔驰执行长康林松表示", True),
        ("奔驰在草原上的骏马", False),  # no title after it: the model decides
        # short names jieba's dictionary wrongly tags as verbs, re-tagged in the user dictionary
        ("宏碁一时的热潮", True),
        ("招行副行长朱琦已预备出任新职", True),
        ("建行信用卡种类较多", True),
    ],
)
def test_a_listed_name_read_as_a_verb_is_sure_before_a_company_title(make_context, text, sure):
    [m] = [m for m in RegisterExtractor().find(make_context(text)) if m.start == 0]
    assert (m.confidence >= 0.9) is sure


@pytest.mark.parametrize("text", ["台新金昨日股價上漲", "和泰車昨日公布營收", "日月光投控董事會通過配息"])
def test_taiwan_50_short_names_are_listed(make_context, text):
    names = [name for name, _ in found(RegisterExtractor().find(make_context(text)), text)]
    assert names and text.startswith(names[0]) and len(names[0]) >= 3


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("上海申花主场击败成都蓉城", ["上海申花", "成都蓉城"]),
        ("樂天桃猿昨晚逆轉勝", ["樂天桃猿"]),
        ("拜仁慕尼黑宣布续约", ["拜仁慕尼黑"]),
    ],
)
def test_sports_clubs_are_listed(make_context, text, team):
    assert [name for name, _ in found(RegisterExtractor().find(make_context(text)), text)] == team


def test_a_place_inside_a_clubs_name_is_still_a_place_alone(make_context):
    assert RegisterExtractor().find(make_context("他们去泰山和成都旅游")) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("腾讯科技发布新品", "腾讯科技"),  # a listed company and its trade word
        ("长江和记实业旗下公司", "长江和记实业"),  # a role noun may follow
        ("百度网络安全中心成立", "百度"),  # another noun follows: the trade word begins another name
        ("华为投资百亿元", "华为"),  # a verb, not a trade
    ],
)
def test_a_listed_company_before_its_trade_word_is_named_with_it(make_context, text, name):
    assert next(n for n, _ in found(RegisterExtractor().find(make_context(text)), text)) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("入选者包括屠呦呦、王泽山和侯云德。", "屠呦呦"),  # the list's first item, after a verb
        ("评委包括钟睒睒、李彦宏和丁磊。", "钟睒睒"),  # the model read the surname alone
        ("會見了周強、張軍和應勇。", "應勇"),  # the last, after 和
        ("主持人是刘洋、赵磊、孙丽四人。", "孙丽"),  # before a count of people
    ],
)
def test_an_item_of_a_list_of_people_is_a_person(pipe, text, name):
    found = {e.text for e in pipe.extract(text).entities if e.type == "PERSON"}
    assert name in found


@pytest.mark.parametrize(("text", "word"), [("有关部门、王芳、张伟出席。", "关部门"), ("由陈明、刘洋主持。", "由陈明")])
def test_a_list_item_holding_another_word_is_no_person(pipe, text, word):
    assert word not in {e.text for e in pipe.extract(text).entities if e.type == "PERSON"}


@pytest.mark.parametrize(
    ("text", "name"), [("經理何家欣Karen表示，生意回升。", "Karen"), ("店主李志偉Eric說。", "Eric")]
)
def test_an_english_given_name_written_after_a_name_is_that_person(pipe, text, name):
    assert (name, "PERSON") in {(e.text, e.type) for e in pipe.extract(text).entities}


def test_latin_letters_after_a_name_that_ends_in_a_letter_are_no_name(pipe):
    assert "Phone" not in {e.text for e in pipe.extract("他把王芳iPhone拿走了。").entities}


@pytest.mark.parametrize(
    ("text", "name"), [("（Getty Images Kevin Dietsch摄）", "Kevin Dietsch"), ("路透社 Mary Turner攝影", "Mary Turner")]
)
def test_a_latin_name_before_a_photo_credit_is_the_photographer(pipe, text, name):
    assert (name, "PERSON") in {(e.text, e.type) for e in pipe.extract(text).entities}
