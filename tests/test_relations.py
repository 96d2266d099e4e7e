"""Positions and clusters on sentences written for these tests, with precision checks."""

import pytest


def positions(doc):
    e = doc.entities
    return [
        (e[r.person].text, r.title, e[r.organization].text if r.organization is not None else None)
        for r in doc.relations
    ]


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
    doc = rules_pipeline.extract("出席会议的有委员张明华、李国强、王建设等人。")
    linked = {name for name, _, _ in positions(doc)}
    assert linked <= {"张明华"}


def test_credit_lines_give_reporter_and_editor_positions(rules_pipeline):
    text = "某地举办活动，群众踊跃参加。(王志強 劉曉芳)\n\n(責編:張明)"
    found = positions(rules_pipeline.extract(text))
    assert ("王志強", "記者", None) in found and ("張明", "責編", None) in found


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


def test_inline_reporters_and_photographers(rules_pipeline):
    found = positions(rules_pipeline.extract("本报记者王强、刘芳报道。会场一角（李明摄）"))
    assert ("王强", "记者", None) in found and ("刘芳", "记者", None) in found
    assert ("李明", "摄影", None) in found


def test_references_join_the_cluster_of_the_nearest_earlier_organization(rules_pipeline):
    text = "宁波市阳光养老服务中心今年扩建。该中心新增床位200张。目前，服务中心有志愿者50名。“爱心”基金会也参与了活动。"
    doc = rules_pipeline.extract(text)
    center = next(c for c in doc.clusters if c.canonical == "宁波市阳光养老服务中心")
    assert [text[s:e] for s, e in center.references] == ["该中心", "服务中心"]
    assert center.count == 3
    assert all(not c.references for c in doc.clusters if c is not center)
