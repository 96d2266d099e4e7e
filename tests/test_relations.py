"""Positions and clusters on sentences written for these tests, with precision checks.

Most position tests give the linker its entities (``[ORG 华为公司]`` markup), so that they test
linking alone, whatever the extractors find; the issue's own examples also run through the
whole pipeline.
"""

import re

import pytest

from pipeline.convert import Converter
from pipeline.records import Entity
from pipeline.relations import Linker

CHANNELS = ("频道", "客户端", "公众号")  # an outlet's channel or app: no part of its name

_MARK = re.compile(r"\[(ORG|PERSON|LOC|DATE)(?:\|([\w.]+))? ([^\]]+)\]")


def positions(doc):
    e = doc.entities
    return [
        (e[r.person].text, r.title, e[r.organization].text if r.organization is not None else None)
        for r in doc.relations
    ]


@pytest.fixture(scope="module")
def given():
    """Link a sentence whose entities are marked: ``[ORG 华为公司]`` or ``[ORG|outlets.source 福建日报]`` (a rule).

    Returns (person, title, organization, rule, evidence text) per relation.
    """
    converter, linker = Converter(), Linker()

    def link(marked: str) -> list[tuple[str, str, str | None, str, str]]:
        parts, spans, pos, n = [], [], 0, 0
        for m in _MARK.finditer(marked):
            parts.append(marked[pos : m.start()])
            n += m.start() - pos
            spans.append((n, n + len(m[3]), m[1], m[2]))
            parts.append(m[3])
            n += len(m[3])
            pos = m.end()
        parts.append(marked[pos:])
        text = "".join(parts)
        simplified = converter.convert(text).simplified
        entities = [
            Entity(
                type=t,
                text=text[s:e],
                text_simplified=simplified[s:e],
                start=s,
                end=e,
                extractor="rule",
                rule=rule,
                confidence=0.9,
            )
            for s, e, t, rule in spans
        ]
        relations, _ = linker.link(text, simplified, entities, [])
        return [
            (
                entities[r.person].text,
                r.title,
                entities[r.organization].text if r.organization is not None else None,
                r.rule,
                text[r.evidence[0] : r.evidence[1]],
            )
            for r in relations
        ]

    return link


def links(found):
    """(person, title, organization) only."""
    return sorted(x[:3] for x in found)


# --- the shapes from before: titled names, references, chains -------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("浙江省商务厅对外贸易处处长陈建国表示，出口保持增长。", [("陈建国", "处长", "浙江省商务厅对外贸易处")]),
        ("南京市志願者協會會長孫立新說，活動將持續。", [("孫立新", "會長", "南京市志願者協會")]),
        (
            "南京市志愿者协会成立于2010年。该协会秘书长钱晓梅说，会员已过万人。",
            [("钱晓梅", "秘书长", "南京市志愿者协会")],
        ),
        (
            "宁波市阳光养老服务中心今年扩建。服务中心负责人赵文静介绍，床位将增加。",
            [("赵文静", "负责人", "宁波市阳光养老服务中心")],
        ),
    ],
)
def test_positions(rules_pipeline, text, expected):
    assert positions(rules_pipeline.extract(text)) == expected


def test_two_positions_for_one_person(rules_pipeline):
    doc = rules_pipeline.extract("省委书记、省人大常委会主任张建华在会上讲话。")
    titles = sorted(t for name, t, _ in positions(doc) if name == "张建华")
    assert titles == ["主任", "书记"]


@pytest.mark.parametrize(
    "text",
    [
        "会长说，协会今年将继续开展培训。",  # a title quoting someone unnamed
        "今天，他们都说好。",
    ],
)
def test_no_position_without_a_titled_name(rules_pipeline, text):
    assert rules_pipeline.extract(text).relations == []


def test_a_title_links_only_the_name_right_after_it(rules_pipeline):
    doc = rules_pipeline.extract("出席会议的有主任张明华、李国强、王建设等人。")
    linked = {name for name, _, _ in positions(doc)}
    assert linked <= {"张明华"}


def test_a_type_word_inside_a_name_the_extractors_missed_is_no_reference(given):
    # 摄影家协会 is the end of a name, not 该协会: the earlier 协会 is not its organization.
    found = given("[ORG 江南市书法家协会]成立。摄影家协会主席[PERSON 张建民]说")
    assert links(found) == [("张建民", "主席", None)]


def test_a_bare_head_the_model_reads_as_an_organization_refers_back(given):
    assert links(given("[ORG 公司]总经理[PERSON 张伟]致辞")) == [("张伟", "总经理", None)]
    found = given("[ORG 江南机械公司]今年扩产。[ORG 公司]总经理[PERSON 张伟]表示")
    assert links(found) == [("张伟", "总经理", "江南机械公司")]


# --- credit lines: reporters, editors, photographers, and their outlets ----------------------------


def test_a_byline_without_a_label_states_no_title(rules_pipeline):
    text = "某地举办活动，群众踊跃参加。(王志強 劉曉芳)\n\n(責編:張明)"
    doc = rules_pipeline.extract(text)
    assert positions(doc) == [("張明", "責編", None)]
    assert doc.meta.authors == ["王志強", "劉曉芳"]  # still credited as authors


def test_inline_reporters_and_photographers(rules_pipeline):
    found = positions(rules_pipeline.extract("本报记者王强、刘芳报道。会场一角（李明摄）"))
    assert ("王强", "记者", None) in found and ("刘芳", "记者", None) in found
    assert ("李明", "摄", None) in found  # as written


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[ORG 江南日报]记者[PERSON 陈明]报道，", ("陈明", "记者", "江南日报", "credit.outlet")),
        ("[ORG 江南日報]記者[PERSON 陳明]報道，", ("陳明", "記者", "江南日報", "credit.outlet")),
        ("据[ORG 东方通讯社]记者[PERSON 王芳]报道，", ("王芳", "记者", "东方通讯社", "credit.outlet")),
        ("[ORG 江南日报]／记者[PERSON 张伟]", ("张伟", "记者", "江南日报", "credit.outlet")),
        ("[ORG 江南日報]／記者[PERSON 張偉]", ("張偉", "記者", "江南日報", "credit.outlet")),
        ("[ORG 东方社]驻[LOC 巴黎]记者[PERSON 刘洋]", ("刘洋", "记者", "东方社", "credit.outlet")),
        ("[ORG 东方社]发（[PERSON 赵亮] 摄）", ("赵亮", "摄", "东方社", "credit.outlet")),
        ("会场一角。[PERSON 赵亮]摄（[ORG 东方社]发）", ("赵亮", "摄", "东方社", "credit.outlet")),
    ],
)
def test_the_outlet_before_a_credit_is_the_reporters(given, marked, expected):
    assert [x[:4] for x in given(marked)] == [expected]


@pytest.mark.parametrize(
    "marked",
    [
        "[ORG 江南新闻网][LOC 杭州][DATE 3月5日]电（记者 [PERSON 王强] [PERSON 刘芳]）今年",
        "[ORG 江南新聞網][LOC 杭州][DATE 3月5日]電（記者 [PERSON 王強] [PERSON 劉芳]）今年",
        "[ORG 江南新闻网]讯（记者[PERSON 王强]、[PERSON 刘芳]）今年",
        "[ORG 江南都市网]-[ORG 江南新闻网]讯(记者[PERSON 王强]、[PERSON 刘芳])今年",
    ],
)
def test_a_datelines_outlet_goes_to_every_reporter_it_credits(given, marked):
    found = given(marked)
    assert {x[2] for x in found} == {found[0][2]} and found[0][2] in ("江南新闻网", "江南新聞網")
    assert [x[0] for x in found] in (["王强", "刘芳"], ["王強", "劉芳"])
    assert {x[3] for x in found} == {"credit.outlet"}


def test_own_outlet_is_the_source_lines(given):
    found = given("来源：[ORG|outlets.source 江南日报]\n本报记者 [PERSON 王强] 通讯员 [PERSON 李四]\n正文。")
    assert [x[:4] for x in found] == [
        ("王强", "记者", "江南日报", "credit.own_outlet"),
        ("李四", "通讯员", None, "credit"),  # a correspondent is not the paper's staff
    ]


def test_own_outlet_is_the_papers_publication_line(given):
    found = given("本報記者 [PERSON 王強]\n\n《 [ORG 江南日報] 》（ [DATE 2020年3月2日] 第 4 版）\n正文。")
    assert [x[:4] for x in found] == [("王強", "記者", "江南日報", "credit.own_outlet")]


def test_a_reporter_credited_alone_works_for_the_source_outlet_not_an_editor(given):
    found = given("来源：[ORG 江南日报]\n正文。（记者 [PERSON 王强]）\n【责任编辑：[PERSON 李娜]】")
    assert links(found) == [("李娜", "责任编辑", None), ("王强", "记者", "江南日报")]


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "来源：[ORG|outlets.source 江南网]\n"
            "[ORG|outlets.dateline 江南网][LOC 杭州][DATE 3月2日]电 正文。\n（责编：[PERSON 李娜]）",
            [("李娜", "责编", "江南网")],
        ),
        (
            "來源：[ORG|outlets.source 江南網]\n"
            "[ORG|outlets.dateline 江南網][LOC 杭州][DATE 3月2日]電 正文。\n（責編：[PERSON 李娜]）",
            [("李娜", "責編", "江南網")],
        ),
        # Taken from another paper: the editor is the republishing site's, which no line names.
        (
            "来源：[ORG|outlets.source 江南日报]\n正文。\n（责编：[PERSON 李娜]）",
            [("李娜", "责编", None)],
        ),
    ],
)
def test_an_editor_works_for_the_outlet_that_wrote_the_article(given, marked, expected):
    assert sorted(links(given(marked)), key=str) == sorted(expected, key=str)


def test_a_label_after_an_outlet_in_a_source_line_is_a_new_field(given):
    found = given("來源:[ORG 江南日報]編輯:[PERSON 林志強]責編:[PERSON 趙小溪]")
    assert links(found) == [("林志強", "編輯", None), ("趙小溪", "責編", None)]


def test_reporter_and_photographer_in_one_credit(given):
    found = given("会场一角。[ORG 江南日报]记者[PERSON 黄丽]摄\n")
    assert links(found) == [("黄丽", "摄", "江南日报"), ("黄丽", "记者", "江南日报")]


def test_credits_are_not_linked_across_a_sentence(given):
    # The outlet of the sentence before is not the photographer's.
    assert links(given("[ORG 江南日报]报道了此事。（[PERSON 唐明]摄）")) == [("唐明", "摄", None)]


# --- chained titles ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("marked", "person", "org"),
    [
        ("[ORG 国家发展改革委]党组书记、主任[PERSON 郑栅洁]出席", "郑栅洁", "国家发展改革委"),
        ("[ORG 國家發展改革委]黨組書記、主任[PERSON 鄭柵潔]出席", "鄭柵潔", "國家發展改革委"),
        ("[ORG 江南机械公司]董事长、总经理[PERSON 周平]介绍", "周平", "江南机械公司"),
        ("[ORG 江南機械公司]董事長、總經理[PERSON 周平]介紹", "周平", "江南機械公司"),
    ],
)
def test_a_chained_title_keeps_the_organization(given, marked, person, org):
    found = given(marked)
    assert [(x[0], x[2]) for x in found] == [(person, org), (person, org)]
    assert [x[3] for x in found] == ["position.chain", "position.title"]
    plain = _MARK.sub(lambda m: m[3], marked)
    assert found[0][4] == found[1][4] == plain[: plain.index(person) + len(person)]  # organization to name


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[ORG 江南市委]副书记、市长[PERSON 周平]出席", [("周平", "市长", None), ("周平", "副书记", "江南市委")]),
        ("[ORG 江南市委]副書記、市長[PERSON 周平]出席", [("周平", "市長", None), ("周平", "副書記", "江南市委")]),
        ("[ORG 江南市委]常委、副市长[PERSON 周平]出席", [("周平", "副市长", None), ("周平", "常委", "江南市委")]),
        # a party title after a party committee still takes it
        ("[ORG 江南市委]常委、秘书长[PERSON 周平]出席", [("周平", "秘书长", "江南市委"), ("周平", "常委", "江南市委")]),
        # and any title after a body of another kind
        (
            "[ORG 江南机械集团]副总经理、党委委员[PERSON 周平]出席",
            [("周平", "党委委员", "江南机械集团"), ("周平", "副总经理", "江南机械集团")],
        ),
    ],
)
def test_a_governments_head_is_no_title_of_the_party_committee_before_it(given, marked, expected):
    assert sorted(links(given(marked)), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[ORG 江南建设公司]党委常委、财务总监[PERSON 周平]出席",
            [("周平", "财务总监", "江南建设公司"), ("周平", "党委常委", "江南建设公司")],
        ),
        ("[ORG 江南建設公司]技術副總裁[PERSON 周平]出席", [("周平", "技術副總裁", "江南建設公司")]),
        ("[ORG 海關關貿廳]代廳長[PERSON 黃偉文]講解", [("黃偉文", "代廳長", "海關關貿廳")]),  # acting
    ],
)
def test_a_title_named_by_its_function_is_whole(given, marked, expected):
    assert sorted(links(given(marked)), key=str) == sorted(expected, key=str)


def test_joined_by_jian(given):
    found = given("[ORG 江南市慈善总会]常务副会长兼秘书长[PERSON 孔明]带领")
    assert links(found) == [("孔明", "常务副会长", "江南市慈善总会"), ("孔明", "秘书长", "江南市慈善总会")]


def test_a_body_of_its_own_stops_the_chain(given):
    found = given("[ORG 省委]书记、[ORG 省人大常委会]主任[PERSON 张建华]")
    assert links(found) == [("张建华", "主任", "省人大常委会"), ("张建华", "书记", "省委")]


def test_a_missed_body_between_titles_is_not_skipped(given):
    # 省人大常委会 was not found as an entity, yet it stands between: 主任 does not take 省委.
    found = links(given("[ORG 省委]书记、省人大常委会主任[PERSON 张建华]"))
    assert found == [("张建华", "主任", None)]


def test_a_later_title_does_not_give_its_body_to_an_earlier_one(given):
    found = links(given("主任、[ORG 江南机械公司]董事长[PERSON 周平]"))
    assert ("周平", "主任", "江南机械公司") not in found


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[ORG 东方科学院]、[ORG 东方工程院]资深院士[PERSON 王明]出席",
            [("王明", "资深院士", "东方工程院"), ("王明", "资深院士", "东方科学院")],
        ),
        (
            "[ORG 東方科學院]、[ORG 東方工程院]資深院士[PERSON 王明]出席",
            [("王明", "資深院士", "東方工程院"), ("王明", "資深院士", "東方科學院")],
        ),
    ],
)
def test_a_title_after_a_list_of_bodies_holds_at_each(given, marked, expected):
    assert sorted(links(given(marked)), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "会上，[ORG 东方科学院]院士，[ORG 江南大学]校长[PERSON 王明]致辞。",
            [("王明", "校长", "江南大学"), ("王明", "院士", "东方科学院")],
        ),
        (
            "會上，[ORG 東方科學院]院士，[ORG 江南大學]校長[PERSON 王明]致辭。",
            [("王明", "校長", "江南大學"), ("王明", "院士", "東方科學院")],
        ),
    ],
)
def test_whole_appositions_joined_by_a_comma(given, marked, expected):
    assert sorted(links(given(marked)), key=str) == sorted(expected, key=str)


def test_an_apposition_that_is_not_a_whole_clause_is_not_the_names(given):
    # 采访了江南大学校长: the 校长 is the object of another clause, not 李四's title.
    found = links(given("我们采访了[ORG 江南大学]校长，副校长[PERSON 李四]介绍了情况。"))
    assert ("李四", "校长", "江南大学") not in found and ("李四", "副校长", None) in found


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("前[ORG 东方影业]董事长、前立委[PERSON 王明]", [("王明", "前立委", None), ("王明", "前董事长", "东方影业")]),
        ("前[ORG 東方影業]董事長、前立委[PERSON 王明]", [("王明", "前立委", None), ("王明", "前董事長", "東方影業")]),
        # 原 after the body: both titles are at it.
        (
            "[ORG 江南市发展改革委]原党组书记、原主任[PERSON 王明]",
            [("王明", "原主任", "江南市发展改革委"), ("王明", "原党组书记", "江南市发展改革委")],
        ),
    ],
)
def test_a_former_title_written_again_opens_a_title_of_its_own(given, marked, expected):
    assert sorted(links(given(marked)), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[PERSON 约翰]这位[ORG 民主党]候选人，赢得了选举。", [("约翰", "候选人", "民主党", "position.apposition")]),
        ("[PERSON 約翰]這位[ORG 民主黨]候選人，贏得了選舉。", [("約翰", "候選人", "民主黨", "position.apposition")]),
        ("[PERSON 张三]这位来自[ORG 江南大学]的老师，很受欢迎。", []),
    ],
)
def test_a_name_restated_by_its_title(given, marked, expected):
    assert [x[:4] for x in given(marked)] == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[PERSON 张明]，[ORG 江南公司]董事长，昨日表示。", [("张明", "董事长", "江南公司", "position.apposition")]),
        ("[PERSON 張明]，[ORG 江南公司]董事長，昨日表示。", [("張明", "董事長", "江南公司", "position.apposition")]),
        ("[PERSON 张明]（[ORG 江南公司]董事长）昨日表示。", [("张明", "董事长", "江南公司", "position.apposition")]),
        ("[PERSON 张明]是[ORG 江南公司]董事长。", [("张明", "董事长", "江南公司", "position.apposition")]),
        ("[PERSON 張明]出任[ORG 江南公司]總裁。", [("張明", "總裁", "江南公司", "position.apposition")]),
        ("[ORG 江南公司]的董事长[PERSON 张明]表示", [("张明", "董事长", "江南公司", "position.title")]),
        ("会见了[PERSON 张明]，董事长[PERSON 李四]也参加。", [("李四", "董事长", None, "position.title")]),
        ("[PERSON 张明]，现任[ORG 江南公司]总经理，表示。", [("张明", "总经理", "江南公司", "position.apposition")]),
        ("[PERSON 張明]擔任[ORG 江南大學]校長一職。", [("張明", "校長", "江南大學", "position.apposition")]),
        ("[PERSON 张明]是一名医生。", []),  # no whole title after the verb
        ("[PERSON 张明]，男，汉族。", []),
    ],
)
def test_a_title_stated_after_the_name(given, marked, expected):
    assert [x[:4] for x in given(marked)] == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[ORG 东海岸发展理事会]总执行长拿督斯里[PERSON 阿末]说", ("阿末", "总执行长", "东海岸发展理事会")),
        ("[ORG 東海岸發展理事會]總執行長丹斯里[PERSON 阿末]說", ("阿末", "總執行長", "東海岸發展理事會")),
        ("槟首长[PERSON 林明]指出", ("林明", "槟首长", None)),
        ("檳首長[PERSON 林明]指出", ("林明", "檳首長", None)),
    ],
)
def test_malaysian_honorifics_and_chief_ministers(given, marked, expected):
    assert [x[:3] for x in given(marked)] == [expected]


@pytest.mark.parametrize("marked", ["[PERSON 蔡]总统表示，", "[PERSON 蔡]總統表示，", "[PERSON 李]局长说，"])
def test_a_surname_alone_holds_no_position(given, marked):
    assert given(marked) == []


# --- compound titles -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[LOC 香港][ORG 政务司]常任秘书长[PERSON 陈小明]表示", ("陈小明", "常任秘书长", "政务司")),
        ("[LOC 香港][ORG 政務司]常任秘書長[PERSON 陳小明]表示", ("陳小明", "常任秘書長", "政務司")),
        ("[ORG 江南市发展改革委]常务副主任[PERSON 许亮]说", ("许亮", "常务副主任", "江南市发展改革委")),
        ("[ORG 江南科技公司]首席执行官[PERSON 林海]称", ("林海", "首席执行官", "江南科技公司")),
        ("[ORG 南洋置業]執行董事[PERSON 陳志遠]，", ("陳志遠", "執行董事", "南洋置業")),
        ("[ORG 南洋交易所]前高級副總裁[PERSON 林志明]", ("林志明", "前高級副總裁", "南洋交易所")),
        ("[ORG 江南机械公司]副总经理[PERSON 周平]说", ("周平", "副总经理", "江南机械公司")),
        ("[ORG 江南日报]社党委副书记[PERSON 周平]说", ("周平", "党委副书记", None)),
    ],
)
def test_compound_titles_longest_first(given, marked, expected):
    assert [x[:3] for x in given(marked)] == [expected]


def test_a_modifier_is_never_taken_from_a_place(given):
    # 太原市长: 原 belongs to 太原, so the title is 市长, not 原市长 (former mayor).
    assert [x[1] for x in given("[LOC 太原市]长[PERSON 张明]说")] == ["市长"]


@pytest.mark.parametrize(
    ("marked", "title"),
    [
        ("目前市长[PERSON 张明]表示", "市长"),  # 目前: now, not 前市长
        ("太原市长[PERSON 张明]说", "市长"),  # 太原, even where the place was not found
        ("此前[ORG 交通部]长[PERSON 叶明]说", "部长"),
        ("会上，前[ORG 交通部]长[PERSON 叶明]说", "前部长"),
        ("，原市长[PERSON 张明]说", "原市长"),
    ],
)
def test_former_only_where_a_word_begins(given, marked, title):
    assert [x[1] for x in given(marked)] == [title]


def test_a_title_shares_the_head_of_its_body(given):
    found = given("[ORG 交通部]長 [PERSON 陳建明]說")
    assert [x[:4] for x in found] == [("陳建明", "部長", "交通部", "position.shared_head")]
    found = given("前[ORG 交通部]长[PERSON 叶明]的方案")
    assert [x[:3] for x in found] == [("叶明", "前部长", "交通部")]  # the former minister


def test_a_listed_title_holding_a_body_is_one_title(given):
    assert links(given("[ORG 財政司]司長[PERSON 陳德明]表示")) == [("陳德明", "財政司司長", None)]
    # A title the extractors took for an organization is still a title.
    assert links(given("會上，前[ORG 立委][PERSON 陳德明]表示")) == [("陳德明", "前立委", None)]


def test_stationed_abroad(given):
    assert links(given("[LOC 中国]驻[LOC 法国]大使[PERSON 高明]在")) == [("高明", "驻法国大使", None)]


def test_a_gloss_between_title_and_name(given):
    found = given("[ORG 江南时代]董事长兼CEO（首席执行官）[PERSON 曾明]在")
    assert links(found) == [("曾明", "CEO", "江南时代"), ("曾明", "董事长", "江南时代")]


def test_a_portfolio_in_brackets_is_part_of_the_title(given):
    found = given("常務總監（財務及投資）[PERSON 周明]補充")
    assert links(found) == [("周明", "常務總監（財務及投資）", None)]


# --- the clause's subject ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[ORG 华为公司][DATE 昨天]举行发布会，由董事长[PERSON 梁华]主持。", ("梁华", "董事长", "华为公司")),
        ("[ORG 華為公司][DATE 昨天]舉行發佈會，由董事長[PERSON 梁華]主持。", ("梁華", "董事長", "華為公司")),
        ("[ORG 江南机械公司]发布年报，其总经理[PERSON 周平]表示", ("周平", "总经理", "江南机械公司")),
        ("[ORG 江南市教育局]召开会议，由局长[PERSON 许亮]主持。", ("许亮", "局长", "江南市教育局")),
    ],
)
def test_you_title_refers_to_the_subject_organization(given, marked, expected):
    found = given(marked)
    assert [x[:4] for x in found] == [(*expected, "position.subject")]
    assert found[0][4].startswith(expected[2])  # the evidence spans the clause


def test_the_subject_must_fit_the_title(given):
    # A 政府 has no 董事长: the nearest organization of a fitting kind is the company.
    found = given("[ORG 江南机械公司]与[ORG 江南市政府]签约，由董事长[PERSON 周平]致辞。")
    assert links(found) == [("周平", "董事长", "江南机械公司")]
    assert links(given("[ORG 江南市政府]召开会议，由董事长[PERSON 周平]致辞。")) == [("周平", "董事长", None)]


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[ORG 江南市议会]连续三天辩论交通议案后，主席[PERSON 曾明]宣布表决。", ("曾明", "主席", "江南市议会")),
        ("[ORG 江南市議會]連續三天辯論交通議案後，主席[PERSON 曾明]宣佈表決。", ("曾明", "主席", "江南市議會")),
        ("[ORG 江南市政府]召开会议，副市长[PERSON 许亮]出席。", ("许亮", "副市长", "江南市政府")),
    ],
)
def test_a_bare_title_opening_a_clause_refers_to_the_subject(given, marked, expected):
    assert [x[:4] for x in given(marked)] == [(*expected, "position.subject")]


def test_a_bare_title_needs_a_body_known_to_have_it(given):
    # 江南时代 is of no known kind: after 由 it may be the subject, but a bare 市长 is not its.
    assert links(given("[ORG 江南时代]发布财报，市长[PERSON 许亮]出席。")) == [("许亮", "市长", None)]
    assert links(given("[ORG 江南时代]发布财报，由董事长[PERSON 曾明]介绍。")) == [("曾明", "董事长", "江南时代")]


def test_the_subject_is_not_an_object_nor_in_another_sentence(given):
    assert links(given("记者从[ORG 江南机械公司]获悉，由董事长[PERSON 周平]负责。")) == [("周平", "董事长", None)]
    assert links(given("[ORG 江南机械公司]发布年报。由董事长[PERSON 周平]致辞。")) == [("周平", "董事长", None)]


# --- after the name --------------------------------------------------------------------------------


def test_a_title_after_the_name(given):
    assert [x[:4] for x in given("应[PERSON 王建国]主席邀请")] == [("王建国", "主席", None, "position.after_name")]
    assert given("[PERSON 张明]代表公司发言") == []  # 代表 here is a verb
    assert given("[PERSON 张明]主席团成员") == []  # 主席团 is a body
    assert [x[0] for x in given("[PERSON 张明]主任[PERSON 李华]说")] == ["李华"]  # the title is 李华's
    assert links(given("[PERSON 张明]常务副主席说")) == [("张明", "常务副主席", None)]


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("出席人员：[ORG 江南市体育局][PERSON 王明]副局长、", [("王明", "副局长", "江南市体育局")]),
        ("出席人員：[ORG 江南市體育局][PERSON 王明]副局長、", [("王明", "副局長", "江南市體育局")]),
        ("[ORG 江南田径协会] [PERSON 李华]理事长致辞", [("李华", "理事长", "江南田径协会")]),
        ("[ORG 江南机械公司][PERSON 周平]校长来访", [("周平", "校长", None)]),  # a company has no 校长
    ],
)
def test_a_title_after_the_name_takes_the_organization_before_it(given, marked, expected):
    assert links(given(marked)) == expected


def test_a_title_after_a_name_with_a_position_is_an_address(given):
    found = given("常务总监[PERSON 何明]介绍了业绩。[PERSON 何明]总监补充，")
    assert links(found) == [("何明", "常务总监", None)]


# --- through the whole pipeline: the issue's examples ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("南方日报记者陈明报道，广州今年经济增长。", {("陈明", "记者", "南方日报")}),
        ("据中国新闻社记者王芳报道，会议于昨日召开。", {("王芳", "记者", "中国新闻社")}),
        (
            "国家发展改革委党组书记、主任郑栅洁出席会议。",
            {("郑栅洁", "党组书记", "国家发展改革委"), ("郑栅洁", "主任", "国家发展改革委")},
        ),
        (
            "國家發展改革委黨組書記、主任鄭柵潔出席會議。",
            {("鄭柵潔", "黨組書記", "國家發展改革委"), ("鄭柵潔", "主任", "國家發展改革委")},
        ),
        ("华为公司昨天举行发布会，由董事长梁华主持。", {("梁华", "董事长", "华为公司")}),
        ("華為公司昨天舉行發佈會，由董事長梁華主持。", {("梁華", "董事長", "華為公司")}),
    ],
)
def test_the_issues_examples(full_pipeline, text, expected):
    assert set(positions(full_pipeline.extract(text))) == expected


def test_the_issues_compound_title(full_pipeline):
    found = positions(full_pipeline.extract("香港政务司常任秘书长陈小明表示，政府将加快工作。"))
    assert len(found) == 1 and found[0][:2] == ("陈小明", "常任秘书长") and found[0][2].endswith("政务司")


def test_every_relation_names_its_rule_and_evidence(full_pipeline):
    doc = full_pipeline.extract("南方日报记者陈明报道，国家发展改革委党组书记、主任郑栅洁出席会议。")
    assert {r.rule for r in doc.relations} == {"credit.outlet", "position.title", "position.chain"}
    for r in doc.relations:
        evidence = doc.text[r.evidence[0] : r.evidence[1]]
        assert doc.entities[r.person].text in evidence and r.title in evidence


# --- clusters ----------------------------------------------------------------------------------


def test_clusters_use_the_fullest_name_and_abbreviations(rules_pipeline):
    text = (
        "广西南宁市阳光社会工作服务中心今年成立。南宁市阳光社工服务中心开展服务。"
        "阳光社会工作服务中心获得表彰。自治区民政厅表示支持。广西各地积极推进。"
    )
    doc = rules_pipeline.extract(text)
    by_canonical = {c.canonical: c for c in doc.clusters}
    center = by_canonical["广西南宁市阳光社会工作服务中心"]
    assert center.count == 3
    assert "广西壮族自治区民政厅" in by_canonical


def test_references_join_the_cluster_of_the_nearest_earlier_organization(rules_pipeline):
    text = "宁波市阳光养老服务中心今年扩建。该中心新增床位200张。目前，服务中心有志愿者50名。“爱心”基金会也参与了活动。"
    doc = rules_pipeline.extract(text)
    center = next(c for c in doc.clusters if c.canonical == "宁波市阳光养老服务中心")
    assert [text[s:e] for s, e in center.references] == ["该中心", "服务中心"]
    assert center.count == 3
    assert all(not c.references for c in doc.clusters if c is not center)


def test_linking_compiles_no_pattern_per_text(given, monkeypatch):
    """The linker's patterns and tables are built once: a second text compiles nothing."""
    given("[ORG 江南市慈善总会]成立。该总会会长[PERSON 孔明]说")  # the tables are built here

    def compile_(*args, **kwargs):
        raise AssertionError(f"re.compile per text: {args[0]!r}")

    monkeypatch.setattr("pipeline.relations.re.compile", compile_)
    found = given("[ORG 江南市慈善總會]成立。該總會會長[PERSON 孔明]說，服务中心负责人[PERSON 李四]表示")
    assert ("孔明", "會長", "江南市慈善總會") in links(found)


# --- more kinds of position writing: boards, sports, courts, credits with a rank, former, rotating --------


@pytest.mark.parametrize(
    ("text", "org", "kept"),
    [
        ("江南置业集团董事会主席王明出席", (0, 9), "江南置业集团"),  # the board is part of the title
        ("江南置業集團董事局主席王明出席", (0, 9), "江南置業集團"),
        ("江南银行监事会主席李华表示", (0, 7), "江南银行"),
        ("江南置业集团董事会今天开会", (0, 9), "江南置业集团董事会"),  # no title follows: the board itself
    ],
)
def test_a_board_before_its_chair_belongs_to_the_title(text, org, kept):
    from pipeline.extract.base import Mention
    from pipeline.extract.edges import unit_titles

    simplified = Converter().convert(text).simplified
    [m] = unit_titles([Mention(*org, "ORG", "ner", "ner.test", 0.9)], simplified)
    assert text[m.start : m.end] == kept


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[ORG 江南置业集团]董事局主席兼首席执行官[PERSON 王明]表示",
            [("王明", "董事局主席", "江南置业集团"), ("王明", "首席执行官", "江南置业集团")],
        ),
        ("[ORG 江南置業集團]董事會副主席[PERSON 王明]表示", [("王明", "董事會副主席", "江南置業集團")]),
        ("[ORG 江南海港队]主教练[PERSON 李强]表示", [("李强", "主教练", "江南海港队")]),
        ("[ORG 江南海港隊]主教練[PERSON 李強]表示", [("李強", "主教練", "江南海港隊")]),
        ("[ORG 江南雄狮队]球员[PERSON 周明]得到30分", [("周明", "球员", "江南雄狮队")]),
        ("审判长[PERSON 张伟]宣读判决", [("张伟", "审判长", None)]),
        ("裁判官[PERSON 陳志明]指被告沒有悔意", [("陳志明", "裁判官", None)]),
        ("辯方大律師[PERSON 吳明]申請保釋", [("吳明", "大律師", None)]),
        ("辩护律师[PERSON 王立]表示", [("王立", "辩护律师", None)]),
        ("[ORG 江南大学]法律学院首席讲师[PERSON 张明]说", [("张明", "首席讲师", None)]),
    ],
)
def test_boards_teams_and_courts(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("特派記者[PERSON 林美玲]／東京報導", [("林美玲", "特派記者", None)]),
        ("特派记者[PERSON 林美玲]／东京报道", [("林美玲", "特派记者", None)]),
        ("[ORG 江南日报]高级记者[PERSON 黄小芳]", [("黄小芳", "高级记者", "江南日报")]),
        ("[ORG 江南日報]資深記者[PERSON 黃小芳]", [("黃小芳", "資深記者", "江南日報")]),
        ("撰文：[PERSON 李偉強]", [("李偉強", "撰文", None)]),
    ],
)
def test_credit_labels_with_a_rank(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("前任局长[PERSON 李军]出席", [("李军", "前任局长", None)]),
        ("前任局長[PERSON 李軍]出席", [("李軍", "前任局長", None)]),
        ("目前任教的[PERSON 李军]说", []),  # 前任 inside 目前任教 opens no title
        (
            "[ORG 江南科技公司]副董事长、轮值董事长[PERSON 徐明]发表演讲",
            [("徐明", "副董事长", "江南科技公司"), ("徐明", "轮值董事长", "江南科技公司")],
        ),
        (
            "[ORG 江南科技公司]副董事長、輪值董事長[PERSON 徐明]發表演講",
            [("徐明", "副董事長", "江南科技公司"), ("徐明", "輪值董事長", "江南科技公司")],
        ),
    ],
)
def test_former_and_rotating_titles(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[ORG 江南银行]发布报告，其首席经济学家[PERSON 陈卫东]认为", [("陈卫东", "首席经济学家", "江南银行")]),
        ("[ORG 江南銀行]發布報告，其首席經濟學家[PERSON 陳衛東]認為", [("陳衛東", "首席經濟學家", "江南銀行")]),
    ],
)
def test_a_banks_economist_refers_back_to_the_bank(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[ORG 江南物流集团]方面负责人[PERSON 李华]回应称", [("李华", "负责人", "江南物流集团")]),
        ("[ORG 江南物流集團]方面負責人[PERSON 李華]回應稱", [("李華", "負責人", "江南物流集團")]),
        ("[ORG 江南物流集团]的创始人[PERSON 李华]认为", [("李华", "创始人", "江南物流集团")]),
        ("[ORG 江南物流集团]在这方面负责人[PERSON 李华]说", [("李华", "负责人", None)]),  # 方面 of another phrase
    ],
)
def test_an_organizations_side_before_a_title(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[ORG 南京市红十字会]开展培训，该会会长[PERSON 李红]说", [("李红", "会长", "南京市红十字会")]),
        ("[ORG 南京市紅十字會]開展培訓，該會會長[PERSON 李紅]說", [("李紅", "會長", "南京市紅十字會")]),
        ("[ORG 江南人民医院]扩建，该院副院长[PERSON 王强]介绍", [("王强", "副院长", "江南人民医院")]),
        ("[ORG 江南人民医院]扩建，该会会长[PERSON 王强]介绍", [("王强", "会长", None)]),  # no earlier 会
        ("[ORG 南京市红十字会]开展培训，会长[PERSON 李红]说", [("李红", "会长", "南京市红十字会")]),
    ],
)
def test_a_demonstrative_and_a_one_character_head_refer_back(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("《江南早报》记者陈佩玲报道", {("陈佩玲", "记者", "江南早报")}),
        ("《江南早報》記者陳佩玲報道", {("陳佩玲", "記者", "江南早報")}),
        ("图为学生在上课。新华社记者王鹏摄", {("王鹏", "记者", "新华社"), ("王鹏", "摄", "新华社")}),
        ("圖為學生在上課。新華社記者王鵬攝", {("王鵬", "記者", "新華社"), ("王鵬", "攝", "新華社")}),
    ],
)
def test_an_outlet_in_title_marks_and_a_reporters_photo_credit(full_pipeline, text, expected):
    assert set(positions(full_pipeline.extract(text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "字节跳动公司创始人兼CEO张一鸣宣布",
            {("张一鸣", "创始人", "字节跳动公司"), ("张一鸣", "CEO", "字节跳动公司")},
        ),
        (
            "字節跳動公司創始人兼CEO張一鳴宣布",
            {("張一鳴", "創始人", "字節跳動公司"), ("張一鳴", "CEO", "字節跳動公司")},
        ),
    ],
)
def test_a_listed_name_written_with_its_head_is_the_organization(full_pipeline, text, expected):
    assert set(positions(full_pipeline.extract(text))) == expected


# --- credit lines: separators, the next field's label, names of common words -----------------------------


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("撰文：[PERSON 黃曉敏] 攝影：[PERSON 陳志豪]", [("黃曉敏", "撰文", None), ("陳志豪", "攝影", None)]),
        ("撰文：[PERSON 黄晓敏] 摄影：[PERSON 陈志豪]", [("陈志豪", "摄影", None), ("黄晓敏", "撰文", None)]),
        ("记者 [PERSON 刘洋] 摄影 [PERSON 王强]", [("刘洋", "记者", None), ("王强", "摄影", None)]),
        ("[PERSON 李明]摄影", [("李明", "摄影", None)]),  # a photographer's label closing the credit
        ("責任編輯／[PERSON 李靜]", [("李靜", "責任編輯", None)]),
        ("记者｜[PERSON 张明] 编辑｜[PERSON 李华]", [("张明", "记者", None), ("李华", "编辑", None)]),
        ("核稿編輯：[PERSON 陳昭宇]", [("陳昭宇", "核稿編輯", None)]),
        ("值班编辑：[PERSON 陈昭宇]", [("陈昭宇", "值班编辑", None)]),
    ],
)
def test_credit_labels_and_their_separators(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("联合早报记者 游润恬", {("游润恬", "记者", "联合早报")}),  # 游润/n 恬/a: common words, a credited name
        ("聯合早報記者 游潤恬", {("游潤恬", "記者", "聯合早報")}),
    ],
)
def test_a_credited_name_of_common_words_is_a_name(full_pipeline, text, expected):
    assert set(positions(full_pipeline.extract(text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("红星新闻记者 毛渝报道", {("毛渝", "记者", "红星新闻")}),  # 红星/nz 新闻记者/n: jieba joins the outlet's end
        ("紅星新聞記者 毛渝報道", {("毛渝", "記者", "紅星新聞")}),
        ("三立新聞網記者王志明／台中報導", {("王志明", "記者", "三立新聞網")}),  # 三立/m: a numeral ends the words
        ("三立新闻网记者王志明／台中报道", {("王志明", "记者", "三立新闻网")}),
        ("ETtoday新聞雲記者陳以昇／台北報導", {("陳以昇", "記者", "ETtoday新聞雲")}),
    ],
)
def test_listed_outlets_before_a_reporter(full_pipeline, text, expected):
    assert set(positions(full_pipeline.extract(text))) == expected


# --- several titled names in one series; a body's head named in the sentence ---------------------------


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[ORG 江南集团]董事长[PERSON 王刚]、总经理[PERSON 李华]陪同考察",
            [("王刚", "董事长", "江南集团"), ("李华", "总经理", "江南集团")],
        ),
        (
            "[ORG 江南集團]董事長[PERSON 王剛]、總經理[PERSON 李華]陪同考察",
            [("王剛", "董事長", "江南集團"), ("李華", "總經理", "江南集團")],
        ),
        (
            "[ORG 香港特區政府]政務司司長[PERSON 陳國基]、財政司司長[PERSON 陳茂波]出席",
            [("陳國基", "政務司司長", "香港特區政府"), ("陳茂波", "財政司司長", "香港特區政府")],
        ),
        (  # 市长 is no title of the 市委
            "[ORG 市委]书记[PERSON 张明]、市长[PERSON 李强]出席",
            [("张明", "书记", "市委"), ("李强", "市长", None)],
        ),
        (  # a title the body cannot have stays without it
            "[ORG 江南集团]董事长[PERSON 王刚]、教授[PERSON 李华]出席",
            [("王刚", "董事长", "江南集团"), ("李华", "教授", None)],
        ),
        (  # a body of its own
            "[ORG 江南集团]董事长[PERSON 王刚]、[ORG 江北银行]行长[PERSON 李华]出席",
            [("王刚", "董事长", "江南集团"), ("李华", "行长", "江北银行")],
        ),
    ],
)
def test_a_title_after_a_titled_name_takes_its_body(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("记者从[ORG 市教育局]获悉，局长[PERSON 陈刚]表示", [("陈刚", "局长", "市教育局")]),
        ("記者從[ORG 市教育局]獲悉，局長[PERSON 陳剛]表示", [("陳剛", "局長", "市教育局")]),
        ("记者从[ORG 市教育局]获悉，主任[PERSON 陈刚]表示", [("陈刚", "主任", None)]),  # not the body's head
        ("记者从[ORG 市公安局]和[ORG 市交通局]获悉，局长[PERSON 陈刚]表示", [("陈刚", "局长", None)]),  # which 局?
    ],
)
def test_a_bodys_head_refers_to_the_body_named_in_the_sentence(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[ORG 江南银行]行长助理[PERSON 孙明]回应", [("孙明", "行长助理", "江南银行")]),
        ("新加坡国务资政[PERSON 李显龙]说", [("李显龙", "国务资政", None)]),
        ("雪州大臣[PERSON 阿米鲁丁]表示", [("阿米鲁丁", "大臣", None)]),
        ("著名作家[PERSON 查明]逝世", []),  # an occupation describes, it is no position
        ("書畫家[PERSON 佘明]帶來作品", []),
    ],
)
def test_offices_and_occupations(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("台北地院法官林明表示", {("林明", "法官", "台北地院")}),  # 地院: a district court's short name
        ("臺北地院法官林明表示", {("林明", "法官", "臺北地院")}),
    ],
)
def test_courts_by_their_place(full_pipeline, text, expected):
    assert set(positions(full_pipeline.extract(text))) == expected


def test_police_alone_is_no_organization(full_pipeline):
    doc = full_pipeline.extract("据警方介绍，嫌犯已落网。警方发言人表示将加强巡逻。")
    assert [e.text for e in doc.entities if e.type == "ORG"] == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("该院党委书记王芳主持大会", []),  # 该院 refers back: its 党委 is part of the title, no body is left
        ("該院黨委書記王芳主持大會", []),
        ("江南大学党委书记王芳主持大会", ["江南大学"]),
    ],
)
def test_the_committee_of_a_body_named_by_a_demonstrative(text, kept):
    from pipeline.extract.base import Mention
    from pipeline.extract.edges import unit_titles

    simplified = Converter().convert(text).simplified
    end = simplified.index("党委") + 2
    start = 1 if text.startswith(("该", "該")) else 0
    found = unit_titles([Mention(start, end, "ORG", "ner", "ner.test", 0.9)], simplified)
    assert [text[m.start : m.end] for m in found] == kept


@pytest.mark.parametrize(
    ("text", "bank", "head"),
    [
        ("工行上海分行党委书记、行长顾国明出席。", "工行上海分行", "行长"),  # a branch's committee: the branch's titles
        ("中国移动广东分公司党委书记、总经理魏明出席。", "中国移动广东分公司", "总经理"),
    ],
)
def test_a_branchs_party_committee_belongs_to_the_title_and_the_chain_keeps_the_branch(full_pipeline, text, bank, head):
    doc = full_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type == "ORG"] == [bank]
    person = next(e.text for e in doc.entities if e.type == "PERSON")
    titles = {(p, o) for n, p, o in positions(doc) if n == person}
    assert titles == {("党委书记", bank), (head, bank)}


def test_a_demonstratives_committee_title_links_the_body(full_pipeline):
    doc = full_pipeline.extract("昨天，江南市人民医院举行大会。该院党委书记王芳主持大会。")
    assert ("王芳", "党委书记", "江南市人民医院") in positions(doc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "腾讯公司董事会主席兼首席执行官马化腾致辞。",
            {("马化腾", "董事会主席", "腾讯公司"), ("马化腾", "首席执行官", "腾讯公司")},
        ),
        (
            "騰訊公司董事會主席兼首席執行官馬化騰致辭。",
            {("馬化騰", "董事會主席", "騰訊公司"), ("馬化騰", "首席執行官", "騰訊公司")},
        ),
    ],
)
def test_a_titled_name_before_a_verb_of_attending(full_pipeline, text, expected):
    # the name ends before 致辞, 出席, 主持 as before a speech verb; the board is part of the title
    assert set(positions(full_pipeline.extract(text))) == expected


def test_a_place_heads_title_after_a_department_heads_name_is_at_none(full_pipeline):
    doc = full_pipeline.extract("出席活动的有市委常委、宣传部部长赵六，副市长孙七等。")
    assert ("孙七", "副市长", None) in positions(doc) and ("赵六", "部长", "宣传部") in positions(doc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("人民网-广西频道南宁3月5日电（记者 李明）会议召开。", {("李明", "记者", "人民网")}),  # a channel is no outlet
        ("人民網-廣西頻道南寧3月5日電（記者 李明）會議召開。", {("李明", "記者", "人民網")}),
        ("新华网日本频道北京11月8日电（记者 彭明）今天是记者节。", {("彭明", "记者", "新华网")}),
        ("央视新闻客户端记者赵刚报道，会议召开。", {("赵刚", "记者", "央视新闻")}),  # an app is no outlet either
        ("據央視新聞客戶端記者趙剛報道，會議召開。", {("趙剛", "記者", "央視新聞")}),
        ("人民日报微信公众号记者刘洋报道，会议召开。", {("刘洋", "记者", "人民日报")}),
    ],
)
def test_a_channel_between_the_outlet_and_its_dateline(full_pipeline, text, expected):
    doc = full_pipeline.extract(text)
    assert set(positions(doc)) == expected
    assert not [e for e in doc.entities if e.type == "ORG" and any(w in e.text_simplified for w in CHANNELS)]


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("前[LOC 美国]总统[PERSON 特朗普]表示", [("特朗普", "前总统", None)]),  # 前 before the office's place
        ("前[LOC 美國]總統[PERSON 特朗普]表示", [("特朗普", "前總統", None)]),
        ("前[LOC 新北市]長[PERSON 朱立倫]表示", [("朱立倫", "前市長", None)]),  # the place's level begins the title
        ("[LOC 美国]总统[PERSON 拜登]表示", [("拜登", "总统", None)]),
        ("目前[LOC 美国]总统[PERSON 拜登]表示", [("拜登", "总统", None)]),  # 前 of 目前 opens no title
    ],
)
def test_former_before_the_place_of_an_office(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[ORG 江南银行]首席风险官[PERSON 王明]出席论坛", [("王明", "首席风险官", "江南银行")]),
        ("[ORG 江南銀行]首席資訊官[PERSON 王明]出席論壇", [("王明", "首席資訊官", "江南銀行")]),
        ("[ORG 江南集团]首席信息官[PERSON 王明]介绍", [("王明", "首席信息官", "江南集团")]),
        ("[LOC 雪兰莪]州务大臣[PERSON 阿米尔]宣布", [("阿米尔", "州务大臣", None)]),
        ("[LOC 雪蘭莪]州務大臣[PERSON 阿米爾]宣布", [("阿米爾", "州務大臣", None)]),
        ("[LOC 柔佛州]行政议员[PERSON 林添福]巡视灾区", [("林添福", "行政议员", None)]),
        ("[LOC 柔佛州]行政議員[PERSON 林添福]巡視災區", [("林添福", "行政議員", None)]),
    ],
)
def test_officers_named_by_their_function_and_malaysian_state_offices(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[ORG 香港入境事務處]公布數字，該處助理處長[PERSON 陳永明]介紹詳情。",
            [("陳永明", "助理處長", "香港入境事務處")],
        ),
        ("[ORG 江南市公安局]公布数字，该局助理局长[PERSON 陈永明]介绍", [("陈永明", "助理局长", "江南市公安局")]),
        ("[ORG 香港海關]助理署長[PERSON 陳永明]表示", [("陳永明", "助理署長", "香港海關")]),
        ("[ORG 江南集团]总经理助理[PERSON 陈永明]表示", [("陈永明", "总经理助理", "江南集团")]),  # the reverse
    ],
)
def test_an_assistant_head(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("编辑 [PERSON 林琳] 校对 [PERSON 何芳]", [("林琳", "编辑", None), ("何芳", "校对", None)]),
        ("审核：[PERSON 陈刚] 校对：[PERSON 李梅]", [("陈刚", "审核", None), ("李梅", "校对", None)]),
        (
            "編輯：[PERSON 林琳] 校對：[PERSON 何芳] 美編：[PERSON 周明]",
            [("林琳", "編輯", None), ("何芳", "校對", None), ("周明", "美編", None)],
        ),
    ],
)
def test_proofreaders_and_layout_editors_are_credits(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("【[ORG 明報]專訊】記者[PERSON 張嘉欣]報道，", [("張嘉欣", "記者", "明報")]),
        ("【[ORG 江南日报]专讯】记者[PERSON 张嘉欣]报道，", [("张嘉欣", "记者", "江南日报")]),
        ("[ORG 江南日报]快讯（记者 [PERSON 刘洋]）", [("刘洋", "记者", "江南日报")]),
    ],
)
def test_a_special_dispatch_between_the_outlet_and_its_reporter(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[PERSON 吴德明]此前担任[ORG 江南银行]副行长一职。", [("吴德明", "副行长", "江南银行")]),
        ("[PERSON 吳德明]此前擔任[ORG 江南銀行]副行長一職。", [("吳德明", "副行長", "江南銀行")]),
        ("[PERSON 钟伟]担任[ORG 江南建筑集团]董事长后，推动了改革。", [("钟伟", "董事长", "江南建筑集团")]),
        ("[PERSON 鍾偉]擔任[ORG 江南建築集團]董事長期間，推動了改革。", [("鍾偉", "董事長", "江南建築集團")]),
        ("[PERSON 李玉梅]现任[LOC 江南市]副市长。", [("李玉梅", "副市长", None)]),
        ("[PERSON 李玉梅]現任[LOC 江南市]副市長。", [("李玉梅", "副市長", None)]),
        ("[PERSON 李玉梅]目前是[LOC 江南]市长。", [("李玉梅", "市长", None)]),
    ],
)
def test_a_verb_of_holding_after_an_adverb_or_before_a_time_word(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    "marked",
    [
        "[PERSON 李玉梅]此前在[ORG 江南银行]工作，",  # no verb of holding
        "[PERSON 李玉梅]现任[LOC 江南市]一家公司的董事长。",  # no whole [place] title
    ],
)
def test_no_title_after_an_adverb_without_a_whole_title(given, marked):
    assert given(marked) == []


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[ORG 江南集团]今日公布业绩，该公司总裁[PERSON 卢伟明]回答提问。",
            [("卢伟明", "总裁", "江南集团")],
        ),
        (
            "[ORG 江南集團]今日公布業績，該公司總裁[PERSON 盧偉明]回答提問。",
            [("盧偉明", "總裁", "江南集團")],
        ),
        (
            "[ORG 長榮航空]宣布增加航班，這家公司總經理[PERSON 孫嘉明]說明規劃。",  # a body of no known kind
            [("孫嘉明", "總經理", "長榮航空")],
        ),
        (
            "[ORG 江南市政府]召开会议，该公司总经理[PERSON 孙明]出席。",  # a government is no company
            [("孙明", "总经理", None)],
        ),
        (
            "记者从[ORG 江南集团]获悉，该公司总裁[PERSON 卢伟明]表示",  # an object is no subject
            [("卢伟明", "总裁", None)],
        ),
    ],
)
def test_a_type_word_refers_to_the_subject_of_its_kind(given, marked, expected):
    assert links(given(marked)) == sorted(expected)
    assert all(rule == "position.reference" for _, _, org, rule, _ in given(marked) if org is not None)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "两位副市长[PERSON 张伟]、[PERSON 刘洋]分别介绍了工作。",
            [("张伟", "副市长", None), ("刘洋", "副市长", None)],
        ),
        (
            "兩位副市長[PERSON 張偉]、[PERSON 劉洋]分別介紹了工作。",
            [("張偉", "副市長", None), ("劉洋", "副市長", None)],
        ),
        (
            "[ORG 中国科学院]院士[PERSON 张杰]、[PERSON 李灿]、[PERSON 王明芳]三人获奖。",
            [("张杰", "院士", "中国科学院"), ("李灿", "院士", "中国科学院"), ("王明芳", "院士", "中国科学院")],
        ),
        (
            "[ORG 江南集團]副總裁[PERSON 張華]和[PERSON 李明]等二人出席。",
            [("張華", "副總裁", "江南集團"), ("李明", "副總裁", "江南集團")],
        ),
    ],
)
def test_a_title_before_a_counted_list_of_names_is_each_names(given, marked, expected):
    found = given(marked)
    assert links(found) == sorted(expected)
    assert {rule for _, _, _, rule, _ in found[1:]} <= {"position.list"}


@pytest.mark.parametrize(
    "marked",
    [
        "[ORG 江南集团]总裁[PERSON 张华]、[PERSON 李明]和[PERSON 王丽]出席。",  # not counted, a title one holds
        "[ORG 江南集團]主席[PERSON 張華]、[PERSON 李明]出席。",
    ],
)
def test_an_uncounted_list_gives_a_title_one_person_holds_to_its_first_name_only(given, marked):
    assert [x[0] for x in given(marked)] in (["张华"], ["張華"])


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[ORG 江南集团]副总裁[PERSON 张华]、[PERSON 李明]和[PERSON 王丽]出席。",
            [("张华", "副总裁", "江南集团"), ("李明", "副总裁", "江南集团"), ("王丽", "副总裁", "江南集团")],
        ),
        ("檢察官[PERSON 林小芳]、[PERSON 王大明]偵辦此案。", [("林小芳", "檢察官", None), ("王大明", "檢察官", None)]),
        (
            "[ORG 江南集团]总裁[PERSON 张华]、副总裁[PERSON 李明]出席。",
            [("张华", "总裁", "江南集团"), ("李明", "副总裁", "江南集团")],
        ),
    ],
)
def test_an_uncounted_list_after_a_title_several_hold_gives_it_to_every_name(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("（記者 [PERSON 蔡宗明]／攝影）", [("蔡宗明", "記者", None), ("蔡宗明", "攝影", None)]),
        ("（记者 [PERSON 蔡宗明]/摄影）", [("蔡宗明", "记者", None), ("蔡宗明", "摄影", None)]),
        ("（記者 [PERSON 蔡宗明]／攝影 [PERSON 王強]）", [("蔡宗明", "記者", None), ("王強", "攝影", None)]),
    ],
)
def test_a_photographers_label_after_a_slash_closing_the_credit(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[ORG 江南银行]发布年报。该行行长[PERSON 陈明]表示，", [("陈明", "行长", "江南银行")]),
        ("[ORG 江南銀行]發布年報。該行行長[PERSON 陳明]表示，", [("陳明", "行長", "江南銀行")]),
        ("[ORG 江南大学]今年扩招。该校校长[PERSON 王红]说，", [("王红", "校长", "江南大学")]),
        ("[ORG 江南大學]今年擴招。該校校長[PERSON 王紅]說，", [("王紅", "校長", "江南大學")]),
        ("[ORG 江南集團]公布業績。該集團主席[PERSON 陳大文]表示，", [("陳大文", "主席", "江南集團")]),
        ("[ORG 江南市政府]发布通知。该校校长[PERSON 王红]说，", [("王红", "校长", None)]),  # no school before
    ],
)
def test_a_demonstrative_and_the_last_character_of_a_head_refer_back(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("经研究决定，[PERSON 张强]任[ORG 市财政局]局长。", [("张强", "局长", "市财政局")]),
        ("經研究決定，[PERSON 張強]任[ORG 市財政局]局長。", [("張強", "局長", "市財政局")]),
        ("[PERSON 陈杰]兼任[ORG 江南大学]党委书记。", [("陈杰", "党委书记", "江南大学")]),
        ("[PERSON 黃明]獲委任為[ORG 江南大學校務委員會]主席。", [("黃明", "主席", "江南大學校務委員會")]),
        ("[PERSON 张华]被任命为[ORG 江南银行]副行长。", [("张华", "副行长", "江南银行")]),
        ("[ORG 国务院]任命[PERSON 王华]为[ORG 国家统计局]局长。", [("王华", "局长", "国家统计局")]),
        ("董事會聘任[PERSON 劉芳]為公司副總經理。", [("劉芳", "副總經理", None)]),
        (
            "[PERSON 吴永明]接替[PERSON 李国强]出任[ORG 江南铁路公司]行政总裁。",  # the predecessor holds nothing
            [("吴永明", "行政总裁", "江南铁路公司")],
        ),
        (
            "[PERSON 吳永明]接替[PERSON 李國強]出任[ORG 江南鐵路公司]行政總裁。",
            [("吳永明", "行政總裁", "江南鐵路公司")],
        ),
    ],
)
def test_verbs_of_appointment_and_succession(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[ORG 江南銀行]行政總裁[PERSON 陳大文]及副行政總裁[PERSON 何小明]出席。",
            [("陳大文", "行政總裁", "江南銀行"), ("何小明", "副行政總裁", "江南銀行")],
        ),
        (
            "[ORG 江南银行]行长[PERSON 陈大文]和副行长[PERSON 何小明]出席。",
            [("陈大文", "行长", "江南银行"), ("何小明", "副行长", "江南银行")],
        ),
        (
            "[ORG 市委]书记[PERSON 张明]和市长[PERSON 李强]出席。",  # a government's head is no title of the 市委
            [("张明", "书记", "市委"), ("李强", "市长", None)],
        ),
    ],
)
def test_a_title_after_a_titled_name_and_a_conjunction_takes_its_body(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[PERSON 王刚]，[ORG 江南集团]董事长兼总裁，毕业于[ORG 江南大学]。",
            [("王刚", "董事长", "江南集团"), ("王刚", "总裁", "江南集团")],
        ),
        (
            "[PERSON 王剛]（[ORG 江南集團]董事長、總裁）表示，",
            [("王剛", "董事長", "江南集團"), ("王剛", "總裁", "江南集團")],
        ),
        (
            "[PERSON 王刚]现任[ORG 江南大学]教授、[ORG 海天研究院]院长。",  # each with its own body
            [("王刚", "教授", "江南大学"), ("王刚", "院长", "海天研究院")],
        ),
    ],
)
def test_chained_titles_in_an_apposition(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[ORG 港交所]前高級副總裁、[PERSON 許仕明]的好友[PERSON 關雄生]被判刑。",
            [("關雄生", "前高級副總裁", "港交所")],
        ),
        (
            "[ORG 江南集团]总经理、[PERSON 王刚]的妻子[PERSON 李娜]也在场。",
            [("李娜", "总经理", "江南集团")],
        ),
        ("[PERSON 王刚]的妻子[PERSON 李娜]也在场。", []),  # no title before the relation
    ],
)
def test_a_relation_between_the_titles_and_the_name(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


# --- issue #20: more shapes of news -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (  # 暨 joins titles as 兼 does
            "[ORG 海天電子]董事長暨總經理[PERSON 林志明]表示，",
            [("林志明", "董事長", "海天電子"), ("林志明", "總經理", "海天電子")],
        ),
        (
            "[ORG 江南银行]副行长及首席风险官[PERSON 赵敏]说",
            [("赵敏", "副行长", "江南银行"), ("赵敏", "首席风险官", "江南银行")],
        ),
        (  # 及 between names still joins names, each with its own title
            "[ORG 江南市委]书记[PERSON 张明]及市长[PERSON 李强]出席",
            [("张明", "书记", "江南市委"), ("李强", "市长", None)],
        ),
        (
            "[PERSON 王刚]，[ORG 江南集团]董事长及总裁，表示",
            [("王刚", "董事长", "江南集团"), ("王刚", "总裁", "江南集团")],
        ),
    ],
)
def test_titles_joined_by_ji_and_ji_are_chained(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[ORG 江南省卫健委]一级巡视员[PERSON 周立]介绍", ("周立", "一级巡视员", "江南省卫健委")),
        ("[ORG 江南市气象台]首席预报员[PERSON 韩雪]提醒", ("韩雪", "首席预报员", "江南市气象台")),
        ("公诉人[PERSON 刘洋]发表意见", ("刘洋", "公诉人", None)),
        ("主审法官[PERSON 何静]宣判", ("何静", "主审法官", None)),
        ("[ORG 江南航空]机长[PERSON 曹宇]说", ("曹宇", "机长", "江南航空")),
        ("国务委员[PERSON 王勇]出席", ("王勇", "国务委员", None)),
        ("[ORG 廉政公署]專員[PERSON 胡明]表示", ("胡明", "專員", "廉政公署")),
    ],
)
def test_more_titles_of_public_office_and_work(given, marked, expected):
    assert links(given(marked)) == [expected]


def test_a_middle_dot_between_the_title_and_the_name(given):
    assert links(given("[ORG 联合国]秘书长·[PERSON 古铁雷]发表声明")) == [("古铁雷", "秘书长", "联合国")]
    assert links(given("[ORG 联合国]秘书长 [PERSON 古铁雷]发表声明")) == [("古铁雷", "秘书长", "联合国")]


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[PERSON 王明]同志任[ORG 江南市科协]党组书记。", ("王明", "党组书记", "江南市科协")),
        ("任命[PERSON 王明]同志为[ORG 江南市统计局]局长。", ("王明", "局长", "江南市统计局")),
        ("[PERSON 蔡志明][DATE 昨天]正式出任[ORG 江南大學]校長。", ("蔡志明", "校長", "江南大學")),
        ("[PERSON 李刚]于[DATE 2023年]出任[ORG 海天集团]总经理。", ("李刚", "总经理", "海天集团")),
        ("[PERSON 李刚]将兼任[ORG 海天集团]总经理。", ("李刚", "总经理", "海天集团")),
        ("[PERSON 黄志强]受委为[ORG 交通部]副部长。", ("黄志强", "副部长", "交通部")),
    ],
)
def test_what_may_stand_between_a_name_and_its_verb_of_holding(given, marked, expected):
    assert links(given(marked)) == [expected]


def test_a_date_alone_after_a_name_states_no_title(given):
    assert links(given("[PERSON 李刚][DATE 昨天]会见了[ORG 海天集团]总经理。")) == []


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[ORG 江南钢铁集团]发布年报。董事长[PERSON 王大明]表示，", ("王大明", "董事长", "江南钢铁集团")),
        ("[ORG 江南電網]發布措施。公司副總經理[PERSON 潘東]介紹，", ("潘東", "副總經理", "江南電網")),
        ("[ORG 江南市政府]召开会议。副市长[PERSON 许亮]出席。", ("许亮", "副市长", "江南市政府")),
    ],
)
def test_a_title_opening_a_sentence_refers_to_the_subject_of_the_one_before(given, marked, expected):
    assert links(given(marked)) == [expected]


@pytest.mark.parametrize(
    "marked",
    [
        "[ORG 江南市政府]召开会议。董事长[PERSON 李明]出席。",  # a government has no 董事长
        "[ORG 江南钢铁集团]发布年报。\n董事长[PERSON 王大明]表示，",  # another paragraph
        "记者从[ORG 江南钢铁集团]获悉。董事长[PERSON 王大明]表示，",  # no subject
    ],
)
def test_a_title_opening_a_sentence_takes_no_body_that_cannot_be_its(given, marked):
    assert [x[2] for x in given(marked)] == [None]


def test_a_body_of_no_known_kind_is_a_company_for_a_company_title(given):
    assert links(given("[ORG 海天電]今天召開股東會，董事長[PERSON 魏明]表示")) == [("魏明", "董事長", "海天電")]
    # a profession is no officer's title, and a mayor is no company's
    assert links(given("[ORG 海天電]今天起訴對手，律師[PERSON 魏明]表示")) == [("魏明", "律師", None)]
    assert links(given("[ORG 江南时代]发布财报，市长[PERSON 许亮]出席。")) == [("许亮", "市长", None)]


def test_a_title_after_a_titled_name_at_an_exchange_or_by_an_officer_title(given):
    found = given("[ORG 江南证券交易所]理事长[PERSON 沙明]、总经理[PERSON 林涛]出席。")
    assert links(found) == [("林涛", "总经理", "江南证券交易所"), ("沙明", "理事长", "江南证券交易所")]
    found = given("[ORG 海天公司]总裁[PERSON 刘明]与首席战略官[PERSON 陈涛]出席。")
    assert links(found) == [("刘明", "总裁", "海天公司"), ("陈涛", "首席战略官", "海天公司")]


def test_a_title_opening_a_sentence_takes_no_body_of_another_titled_name(given):
    marked = "利润下跌，[ORG 江南地铁公司]行政总裁[PERSON 杨美玲]表示，竞争加剧。常务总监[PERSON 邓明]补充，"
    assert links(given(marked)) == [("杨美玲", "行政总裁", "江南地铁公司"), ("邓明", "常务总监", None)]
    marked = "[ORG 江南地铁公司]行政总裁[PERSON 杨美玲]表示，竞争加剧。常务总监[PERSON 邓明]补充，"
    assert links(given(marked)) == [("杨美玲", "行政总裁", "江南地铁公司"), ("邓明", "常务总监", None)]


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (  # the place's office takes no body from the title before it, and the walk goes on past the place
            "[ORG 江南机械集团]副总经理、[LOC 江北省]副省长[PERSON 黄明]出席。",
            [("黄明", "副总经理", "江南机械集团"), ("黄明", "副省长", None)],
        ),
        (
            "[PERSON 黄明]曾任[ORG 江南机械集团]副总经理、[LOC 江北省]副省长等职。",
            [("黄明", "副总经理", "江南机械集团"), ("黄明", "副省长", None)],
        ),
        (
            "[PERSON 黄明]曾任[ORG 江南大学]教授、[LOC 江北]市长等职务。",
            [("黄明", "教授", "江南大学"), ("黄明", "市长", None)],
        ),
    ],
)
def test_a_title_of_a_place_in_a_chain(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[PERSON 陳志明]現為[ORG 江南大學]教授。", [("陳志明", "教授", "江南大學")]),
        ("[PERSON 黄明]接替[PERSON 李强]成为[ORG 江南集团]总裁。", [("黄明", "总裁", "江南集团")]),
        (
            "[PERSON 杨敏]同时担任[ORG 江南律师协会]副会长和[ORG 全国律师协会]理事。",
            [("杨敏", "副会长", "江南律师协会"), ("杨敏", "理事", "全国律师协会")],
        ),
        ("[PERSON 杨敏]是[ORG 华南公司]和[ORG 江南公司]董事长。", []),  # one title of two bodies: not a whole title
    ],
)
def test_more_verbs_of_holding_and_whole_titles_joined_by_he(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("候任[LOC 新北市]長[PERSON 李明]表示", ("李明", "候任市長", None)),
        ("[ORG 江南地檢署]主任檢察官[PERSON 陳如]起訴", ("陳如", "主任檢察官", "江南地檢署")),
        ("政務司副司長[PERSON 卓明]到訪", ("卓明", "政務司副司長", None)),
        ("[ORG 江南银行]首席执行员[PERSON 卡里姆]说", ("卡里姆", "首席执行员", "江南银行")),
    ],
)
def test_designate_titles_and_regional_offices(given, marked, expected):
    assert links(given(marked)) == [expected]


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("（融媒体记者 [PERSON 刘亮]）", [("刘亮", "融媒体记者", None)]),
        (
            "[ORG 江南日报]全媒体记者 [PERSON 陈思] 通讯员 [PERSON 李华]",
            [("李华", "通讯员", None), ("陈思", "全媒体记者", "江南日报")],
        ),
        ("视频记者：[PERSON 张伟]", [("张伟", "视频记者", None)]),
        ("撰稿：[PERSON 陈静]", [("陈静", "撰稿", None)]),
    ],
)
def test_the_newer_reporters_credits(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("曾任[ORG 江南公司]副总裁的[PERSON 张立]表示，", [("张立", "副总裁", "江南公司")]),
        ("身為[ORG 海天集團]董事長的[PERSON 李遠]說，", [("李遠", "董事長", "海天集團")]),
        (
            "现任[ORG 江南大学]校长、党委副书记的[PERSON 王强]说",
            [("王强", "党委副书记", "江南大学"), ("王强", "校长", "江南大学")],
        ),
        ("作为[ORG 小米集团]创始人，[PERSON 雷志]表示，", [("雷志", "创始人", "小米集团")]),
        ("[ORG 江南公司]副总裁的[PERSON 张立]表示，", []),  # no verb of holding: 的 may be of anything
        ("市长的儿子[PERSON 张立]说", []),
        ("他作为[ORG 小米集团]创始人，[PERSON 雷志]表示，", []),  # 他's role, not the name after the comma
    ],
)
def test_a_title_held_before_the_name(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[ORG 江南机械集团有限公司]（以下简称“江南机械”）董事长[PERSON 王建华]表示",
            ("王建华", "董事长", "江南机械集团有限公司"),
        ),
        ("[ORG 海天控股]（00700.HK）董事会主席[PERSON 马明]表示", ("马明", "董事会主席", "海天控股")),
        ("[ORG 江南公司]（[PERSON 张三]任职）董事长[PERSON 李四]", ("李四", "董事长", None)),
    ],
)
def test_a_short_name_or_stock_code_between_the_body_and_the_title(given, marked, expected):
    assert links(given(marked)) == [expected]


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("国家主席[PERSON 王明]出席", ("王明", "国家主席", None)),
        ("國家副主席[PERSON 王明]出席", ("王明", "國家副主席", None)),
        ("[ORG 行動黨]全國主席[PERSON 林明]表示", ("林明", "全國主席", "行動黨")),
        ("[ORG 全国政协]主席[PERSON 王明]出席", ("王明", "主席", "全国政协")),  # 全国 of the body stays its
    ],
)
def test_national_offices_and_a_partys_national_chair(given, marked, expected):
    assert links(given(marked)) == [expected]


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "[ORG 江南公司]党委书记、董事长[PERSON 王刚]，党委副书记、总经理[PERSON 李华]出席。",
            [
                ("李华", "党委副书记", "江南公司"),
                ("李华", "总经理", "江南公司"),
                ("王刚", "党委书记", "江南公司"),
                ("王刚", "董事长", "江南公司"),
            ],
        ),
        (  # after a comma, only a body of a known kind that has the title
            "[ORG 海天电]董事长[PERSON 王刚]，副市长[PERSON 李华]出席。",
            [("李华", "副市长", None), ("王刚", "董事长", "海天电")],
        ),
        (
            "出席的有[ORG 江南大学]校长[PERSON 张明]，副校长[PERSON 李强]。",
            [("张明", "校长", "江南大学"), ("李强", "副校长", "江南大学")],
        ),
        ("[ORG 市委]书记[PERSON 张明]，市长[PERSON 李强]出席。", [("张明", "书记", "市委"), ("李强", "市长", None)]),
    ],
)
def test_a_title_after_a_titled_name_and_a_comma(given, marked, expected):
    assert links(given(marked)) == sorted(expected)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[ORG 江南派出所]民警[PERSON 李强]赶到", ("李强", "民警", "江南派出所")),
        ("[ORG 警務處]高級警司[PERSON 李明]說", ("李明", "高級警司", "警務處")),
        ("總督察[PERSON 陳強]表示", ("陳強", "總督察", None)),
        ("[LOC 大安區]里長[PERSON 王玲]表示", ("王玲", "里長", None)),
        ("[ORG 交通部]政务部长[PERSON 徐达]说", ("徐达", "政务部长", "交通部")),
        ("首相政治秘书[PERSON 沙姆]表示", ("沙姆", "政治秘书", None)),
    ],
)
def test_police_ranks_and_regional_offices(given, marked, expected):
    assert links(given(marked)) == [expected]


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[ORG 江南公司]新任董事长[PERSON 张明]表示", [("张明", "董事长", "江南公司")]),
        ("[ORG 江南銀行]時任行長[PERSON 王剛]", [("王剛", "行長", "江南銀行")]),
        ("[PERSON 张明]时任[ORG 江南公司]总经理。", [("张明", "总经理", "江南公司")]),
        ("据悉，[ORG 江南公司]总经理一职由[PERSON 李四]接任。", [("李四", "总经理", "江南公司")]),
        ("[ORG 江南公司]总经理一职由[PERSON 李四]负责。", []),  # no verb of holding
        ("他说，这项工作由[PERSON 李四]接任。", []),
    ],
)
def test_new_and_then_holders_and_a_post_taken(given, marked, expected):
    assert links(given(marked)) == expected


def test_a_company_officers_global_scope_is_part_of_the_title(given):
    assert links(given("[ORG 江南公司]全球执行副总裁[PERSON 沈明]说")) == [("沈明", "全球执行副总裁", "江南公司")]


def test_the_body_opening_the_sentence_before_may_follow_a_connective(given):
    found = given("此外，[ORG 江南集团]发布年报。董事长[PERSON 王明]表示，")
    assert links(found) == [("王明", "董事长", "江南集团")]
    found = given("记者从各方获悉，[ORG 江南集团]发布年报。董事长[PERSON 王明]表示，")  # a clause of its own
    assert links(found) == [("王明", "董事长", None)]


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[ORG 江南市人民检察院]检察员[PERSON 王强]出庭", ("王强", "检察员", "江南市人民检察院")),
        ("人民陪审员[PERSON 李梅]参与审理", ("李梅", "人民陪审员", None)),
        ("书记员[PERSON 张涛]记录", ("张涛", "书记员", None)),
        ("[ORG 江南法院]法官助理[PERSON 刘敏]介绍", ("刘敏", "法官助理", "江南法院")),
    ],
)
def test_the_officers_of_a_court(given, marked, expected):
    assert links(given(marked)) == [expected]


def test_a_reporter_with_no_outlet_and_no_source_line_works_for_the_datelines_outlet(given):
    found = given("[ORG|outlets.dateline 江南早报]讯 正文。\n（记者 [PERSON 蔡欣]）\n（编辑：[PERSON 李娜]）")
    assert links(found) == [("李娜", "编辑", None), ("蔡欣", "记者", "江南早报")]  # the editor may be a portal's
    found = given("来源：[ORG 江南日报]\n[ORG|outlets.dateline 江南早报]讯 正文。（记者 [PERSON 蔡欣]）")
    assert links(found) == [("蔡欣", "记者", "江南日报")]  # the source line first


def test_a_bare_head_the_gazetteer_lists_is_a_body_of_its_own(given):
    assert links(given("[ORG|orgs.gazetteer 教育局]常任秘書長[PERSON 李美]出席")) == [("李美", "常任秘書長", "教育局")]
    assert links(given("[ORG 教育局]常任秘書長[PERSON 李美]出席")) == [("李美", "常任秘書長", None)]


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[ORG 江南市公安局三江分局]分局长[PERSON 王强]介绍", ("王强", "分局长", "江南市公安局三江分局")),
        ("[ORG 江南市交警支队]支队长[PERSON 李梅]说", ("李梅", "支队长", "江南市交警支队")),
        ("偵查第九大隊大隊長[PERSON 陳建宏]說明", ("陳建宏", "大隊長", None)),
        ("[ORG 江南医院]院长助理[PERSON 刘敏]出席", ("刘敏", "院长助理", "江南医院")),
        ("[ORG 江南医院]医务主任[PERSON 吴强]介绍", ("吴强", "医务主任", "江南医院")),
        ("[ORG 港交所]行政总裁[PERSON 陈明]表示", ("陈明", "行政总裁", "港交所")),
    ],
)
def test_the_head_of_a_unit_and_an_officers_function_are_part_of_the_title(given, marked, expected):
    assert links(given(marked)) == [expected]


def test_titles_held_during_a_tenure_after_zai(full_pipeline):
    doc = full_pipeline.extract("李某在担任中共江州市委书记、交通部部长、中共江北省委书记期间，收受财物。")
    assert set(positions(doc)) == {
        ("李某", "书记", "中共江州市委"),
        ("李某", "部长", "交通部"),
        ("李某", "书记", "中共江北省委"),
    }


def test_zai_before_a_place_and_a_verb_is_no_tenure(full_pipeline):
    assert positions(full_pipeline.extract("他在北京工作期间，结识了李明。")) == []


def test_an_assistant_to_a_head_in_a_chain_is_at_the_body(given):
    found = given("[ORG 江南医院]院长[PERSON 翟成]、院长助理[PERSON 李晓静]出席")
    assert set(links(found)) == {("翟成", "院长", "江南医院"), ("李晓静", "院长助理", "江南医院")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("署理衞生署署長陳志明醫生表示。", ("陳志明", "署理署長", "衞生署")),  # 衞: Hong Kong's form of 衛
        ("代理市长王强出席会议。", ("王强", "代理市长", None)),
    ],
)
def test_an_acting_officers_title_before_the_body(full_pipeline, text, expected):
    assert positions(full_pipeline.extract(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("台南市議會今天開議，議長陳美玲主持。", ("陳美玲", "議長", "台南市議會")),
        ("立法會今日開會，主席李大明宣布休會。", ("李大明", "主席", "立法會")),
        ("立法院院長林國華今天表示。", ("林國華", "院長", "立法院")),
    ],
)
def test_a_legislatures_officers(full_pipeline, text, expected):
    assert positions(full_pipeline.extract(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "黨中央提名立委王明德參選台南市長、立委林志遠參選高雄市長。",
            {("王明德", "立委", None), ("林志遠", "立委", None)},
        ),
        ("他宣布参选市长，市长张明表示欢迎。", {("张明", "市长", None)}),
    ],
)
def test_a_title_sought_is_not_held(full_pipeline, text, expected):
    assert set(positions(full_pipeline.extract(text))) == expected


def test_a_modifier_the_model_reads_into_the_body_opens_the_title(full_pipeline):
    doc = full_pipeline.extract("江南开源基金执行总经理杨立远表示。")
    assert positions(doc) == [("杨立远", "执行总经理", "江南开源基金")]


def test_a_list_after_a_title_one_person_holds_gives_it_to_the_first_name(given):
    found = given("[ORG 江南协会]主任委员[PERSON 张明]、[PERSON 李华]出席。")
    assert links(found) == [("张明", "主任委员", "江南协会")]


def test_the_department_of_justice_is_a_body_and_its_head_a_title_of_it(full_pipeline):
    doc = full_pipeline.extract("律政司司長鄭若驊回應。")
    assert positions(doc) == [("鄭若驊", "司長", "律政司")]  # 政務司司長 is an office (no 司 department)


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("东南网莆田10月28日讯(通讯员 林萍)近日，莆田市举行活动。", ("林萍", "通讯员", None)),  # no staff of it
        ("南方日报通讯员王敏报道。", ("王敏", "通讯员", "南方日报")),  # the outlet written at the label
        ("新华社杭州3月2日电（记者王明）浙江省今日宣布。", ("王明", "记者", "新华社")),  # a reporter is staff
    ],
)
def test_a_correspondent_takes_only_the_outlet_written_at_the_credit(full_pipeline, text, link):
    assert positions(full_pipeline.extract(text)) == [link]


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("國民黨籍立委曾銘宗質詢時表示。", ("曾銘宗", "立委", "國民黨")),  # 籍: a member of the party
        ("政府經濟顧問陳李藹倫介紹情況。", ("陳李藹倫", "政府經濟顧問", None)),
        ("版面编辑：许金玲", ("许金玲", "版面编辑", None)),
    ],
)
def test_party_membership_and_whole_titles(full_pipeline, text, link):
    assert positions(full_pipeline.extract(text)) == [link]
