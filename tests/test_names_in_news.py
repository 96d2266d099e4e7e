"""Classes of organization and place names in news text, on sentences written for these tests (both scripts)."""

from types import SimpleNamespace

import pytest

from pipeline.extract.base import Mention
from pipeline.extract.edges import versus
from pipeline.extract.orgs import OrgExtractor
from pipeline.extract.places import PlaceExtractor
from pipeline.segment import Token


def orgs(make_context, text):
    return [text[m.start : m.end] for m in OrgExtractor().find(make_context(text)) if m.confidence >= 0.7]


def places(make_context, text):
    return [text[m.start : m.end] for m in PlaceExtractor().find(make_context(text))]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("前海深港现代服务业合作区管理局近日发布新规。", "前海深港现代服务业合作区管理局"),
        ("前海深港現代服務業合作區管理局近日發布新規。", "前海深港現代服務業合作區管理局"),
        ("浙江省现代纺织技术创新中心在绍兴揭牌。", "浙江省现代纺织技术创新中心"),
        ("浙江省現代紡織技術創新中心在紹興揭牌。", "浙江省現代紡織技術創新中心"),
        ("当代中国研究所的研究人员发布了报告。", "当代中国研究所"),  # an era word beginning the name
        ("當代中國研究所的研究人員發布了報告。", "當代中國研究所"),
    ],
)
def test_org_name_holds_an_era_word(make_context, text, org):
    assert org in orgs(make_context, text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("今天北京市公安局通报了情况。", "北京市公安局"),  # a calendar time word still ends the name
        ("昨日南宁市民政局召开会议。", "南宁市民政局"),
        ("昨日南寧市民政局召開會議。", "南寧市民政局"),
    ],
)
def test_org_name_ends_at_a_time_word(make_context, text, org):
    assert orgs(make_context, text) == [org]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("浙江省发展和改革委员会表示，投资进度超过预期。", "浙江省发展和改革委员会"),
        ("浙江省發展和改革委員會表示，投資進度超過預期。", "浙江省發展和改革委員會"),
        ("深圳市规划和自然资源局公布了新一批项目。", "深圳市规划和自然资源局"),
        ("深圳市規劃和自然資源局公布了新一批項目。", "深圳市規劃和自然資源局"),
        ("北京市人力资源和社会保障局发布通知。", "北京市人力资源和社会保障局"),
    ],
)
def test_org_department_name_joins_two_fields(make_context, text, org):
    assert org in orgs(make_context, text)


@pytest.mark.parametrize(
    "text",
    [
        "学校和医院委员会将召开会议。",  # bodies on both sides: two things, no department
        "北京和上海公安局联合行动。",  # a place after the conjunction
    ],
)
def test_org_conjunction_between_bodies_or_places_joins_no_name(make_context, text):
    assert not any("和" in name for name in orgs(make_context, text))


def test_org_department_name_with_a_conjunction_stands_in_the_pipeline(full_pipeline):
    doc = full_pipeline.extract("深圳市规划和自然资源局公布了新一批城市更新项目。")
    assert [e.text for e in doc.entities if e.type == "ORG"] == ["深圳市规划和自然资源局"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("彭亨州、吉打州、登嘉楼州遭遇暴雨袭击。", ["彭亨州", "吉打州", "登嘉楼州"]),
        ("彭亨州、吉打州、登嘉樓州遭遇暴雨襲擊。", ["彭亨州", "吉打州", "登嘉樓州"]),
        ("古晋、怡保、巴生三地同时举办文化节。", ["古晋", "怡保", "巴生"]),
        ("古晉、怡保、巴生三地同時舉辦文化節。", ["古晉", "怡保", "巴生"]),
        ("联合早报记者报道，裕廊将建新公园。", ["裕廊"]),
    ],
)
def test_place_of_malaysia_and_singapore_is_listed_and_no_person(full_pipeline, text, found):
    doc = full_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type == "LOC"] == found
    assert not [e for e in doc.entities if e.type == "PERSON"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("希盟与国阵组成联合政府，巫统也加入。", ["希盟", "国阵", "巫统"]),
        ("希盟與國陣組成聯合政府，巫統也加入。", ["希盟", "國陣", "巫統"]),
        ("柔佛州政府将推出新的投资优惠。", ["柔佛州政府"]),  # a state's government, in Malaysian text
        ("人民行动党与工人党展开角逐。", ["人民行动党", "工人党"]),
    ],
)
def test_org_of_malaysia_and_singapore_is_listed(full_pipeline, text, found):
    doc = full_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type == "ORG"] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("徐州至常州的高铁今年年底通车。", ["徐州", "常州"]),
        ("徐州至常州的高鐵今年年底通車。", ["徐州", "常州"]),
        ("沈阳至佳木斯高铁开通。", ["沈阳", "佳木斯", "沈阳至佳木斯高铁"]),
    ],
)
def test_place_route_holds_no_de(make_context, text, found):
    assert sorted(set(places(make_context, text))) == sorted(found)  # a place the grammar and the list both find


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("华中科技大学研究团队在国际期刊发表论文。", "华中科技大学"),
        ("台灣大學研究團隊在國際期刊發表論文。", "台灣大學"),
        ("浙江大学课题组公布了实验结果。", "浙江大学"),
        ("浙江大學課題組公布了實驗結果。", "浙江大學"),
        ("北航研究团队在国际期刊发表论文。", "北航"),  # a listed short name before the team
    ],
)
def test_org_ends_before_a_team_working_in_it(full_pipeline, text, org):
    doc = full_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type == "ORG"] == [org]


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("据介绍，全区行业协会商会累计提出政策建议44条。", []),  # which bodies, none named
        ("全省相关部门将加强监管。", []),
        ("全国人大常委会今天闭幕。", ["全国人大常委会"]),  # 全国 opens a name
        ("今年以来，广西标准化协会组织专家审定了多项标准。", ["广西标准化协会"]),  # 组织: the verb after it
    ],
)
def test_describers_and_a_verb_after_a_whole_name(full_pipeline, text, orgs):
    assert [e.text for e in full_pipeline.extract(text).entities if e.type == "ORG"] == orgs


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("人民日报微信公众号发布消息称，会议将于明天召开。", "人民日报"),
        ("據新華社微信公眾號消息，會議將於明天召開。", "新華社"),
        ("新华社客户端发布了这段视频。", "新华社"),
    ],
)
def test_org_ends_before_an_outlets_channel(full_pipeline, text, org):
    doc = full_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type == "ORG"] == [org]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("北京南站今天开行临时旅客列车20列。", "北京南站"),
        ("北京南站今天開行臨時旅客列車20列。", "北京南站"),
        ("广州南站客流量再创新高。", "广州南站"),
        ("廣州南站客流量再創新高。", "廣州南站"),
    ],
)
def test_place_and_a_bare_station_head_are_one_facility(full_pipeline, text, place):
    doc = full_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type == "LOC"] == [place]


@pytest.mark.parametrize(
    ("text", "station"),
    [
        ("市民可乘搭地鐵至旺角站轉車。", "旺角站"),  # 旺角/n: a listed place jieba tags as a noun
        ("列车在台中站临时停车。", "台中站"),  # 台中/s
        ("地铁1号线人民广场站出现故障。", "人民广场站"),  # a station named after a square
    ],
)
def test_place_a_station_named_by_a_listed_place_or_a_facility(full_pipeline, text, station):
    assert station in [e.text for e in full_pipeline.extract(text).entities if e.type == "LOC"]


def test_a_kind_of_facility_alone_is_no_place(full_pipeline):
    assert [e for e in full_pipeline.extract("他们在篮球场上打球。").entities if e.type == "LOC"] == []


@pytest.mark.parametrize(
    ("text", "region", "org"),
    [
        ("香港警方拘捕三名涉嫌詐騙的男子。", "hk", "香港警方"),
        ("香港警方拘捕三名涉嫌诈骗的男子。", "hk", "香港警方"),
        ("澳門警方昨日表示，案件仍在調查。", "mo", "澳門警方"),
        ("新北市警方今天逮捕一名男子。", "tw", "新北市警方"),
    ],
)
def test_org_police_named_by_its_place(full_pipeline, text, region, org):
    doc = full_pipeline.extract(text, region=region)
    assert [e.text for e in doc.entities if e.type == "ORG"] == [org]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("美军此次访问将加强两国关系。", "美军"),
        ("以軍對加沙發動空襲。", "以軍"),
        ("乌军已撤出该镇。", "乌军"),
        ("美国军方宣布了新的训练计划。", "美国军方"),
        ("中國海軍派出護航編隊。", "中國海軍"),
    ],
)
def test_org_an_armed_force_by_its_countrys_abbreviation_or_place(full_pipeline, text, org):
    doc = full_pipeline.extract(text)
    assert org in [e.text for e in doc.entities if e.type == "ORG"]
    assert not [e for e in doc.entities if e.type == "LOC" and e.start < doc.text.index(org) + len(org)]


def test_org_no_armed_force_inside_another_word(full_pipeline):
    doc = full_pipeline.extract("美国宣布对印军售计划。")  # 印 + 军售 (arms sales): no force
    assert not [e for e in doc.entities if e.type == "ORG"]


@pytest.mark.parametrize(
    ("text", "region"),
    [("當地警方表示，案件仍在調查。", "hk"), ("当地警方表示，案件仍在调查。", "mainland")],
)
def test_org_no_police_without_a_place(full_pipeline, text, region):
    doc = full_pipeline.extract(text, region=region)
    assert not [e for e in doc.entities if e.type == "ORG"]


@pytest.mark.parametrize(
    "org",
    ["前海深港现代服务业合作区管理局", "前海深港現代服務業合作區管理局"],
)
def test_org_long_name_after_a_place_stands_without_the_model(full_pipeline, org):
    doc = full_pipeline.extract(f"{org}近日发布新规，支持专业人士执业。")
    assert [e.text for e in doc.entities if e.type == "ORG"] == [org]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("市民每天往來將軍澳和九龍。", ["將軍澳", "九龍"]),
        ("市民每天往来将军澳和九龙。", ["将军澳", "九龙"]),
        ("淡滨尼和义顺两个市镇将新增托儿所。", ["淡滨尼", "义顺"]),
        ("淡濱尼和義順兩個市鎮將新增托兒所。", ["淡濱尼", "義順"]),
        ("大湾区内地城市的往来更加便利。", ["大湾区"]),
        ("大灣區內地城市的往來更加便利。", ["大灣區"]),
    ],
)
def test_place_listed_is_a_whole_word_however_jieba_would_cut_it(rules_pipeline, text, found):
    doc = rules_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type == "LOC"] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("路環黑沙海灘今年夏季開放時間延長。", ["路環", "黑沙海灘"]),
        ("路环黑沙海滩今年夏季开放时间延长。", ["路环", "黑沙海滩"]),
        ("司機注意屯門公路的交通安排。", ["屯門公路"]),
        ("司机注意屯门公路的交通安排。", ["屯门公路"]),
        ("京港澳高速公路发生事故。", ["京港澳高速公路"]),  # 京, an abbreviation inside the name
        ("京港澳高速公路發生事故。", ["京港澳高速公路"]),
        ("政府修建了农村公路。", []),  # common words only
    ],
)
def test_place_beach_and_road_are_named_facilities(full_pipeline, text, found):
    doc = full_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type == "LOC"] == found


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("国际移民组织发布了年度报告。", "国际移民组织"),
        ("國際移民組織發布了年度報告。", "國際移民組織"),
        ("伊斯兰合作组织召开特别会议。", "伊斯兰合作组织"),
        ("伊斯蘭合作組織召開特別會議。", "伊斯蘭合作組織"),
    ],
)
def test_org_body_named_an_organisation(make_context, text, org):
    assert orgs(make_context, text) == [org]


@pytest.mark.parametrize(
    "text",
    ["上海组织专家进行论证。", "上海組織專家進行論證。", "北京市政府组织专家论证。", "犯罪组织头目被捕。"],
)
def test_org_organising_is_no_organisation(make_context, text):
    assert not [name for name in orgs(make_context, text) if name.endswith(("组织", "組織"))]


@pytest.mark.parametrize(
    ("text", "place"),
    [("京沪高速公路车流量明显增加。", "京沪高速公路"), ("京滬高速公路車流量明顯增加。", "京滬高速公路")],
)
def test_place_model_split_after_a_one_character_place_does_not_stand(full_pipeline, text, place):
    doc = full_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type == "LOC"] == [place]


@pytest.mark.parametrize(
    "text",
    [
        "贵州今年将新建高速公路500公里。",
        "貴州今年將新建高速公路500公里。",
        "全市今年新建公园20个。",
        "全市今年新建公園20個。",
    ],
)
def test_place_no_facility_named_by_a_verb_jieba_tags_as_a_place(full_pipeline, text):
    doc = full_pipeline.extract(text)
    assert not [e for e in doc.entities if e.type == "LOC" and "新建" in e.text]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("周日切尔西VS阿森纳的比赛吸引了大批球迷。", [("ORG", "切尔西"), ("ORG", "阿森纳")]),
        ("週日切爾西VS阿森納的比賽吸引了大批球迷。", [("ORG", "切爾西"), ("ORG", "阿森納")]),
        ("加拉塔萨雷vs费内巴切", [("ORG", "加拉塔萨雷"), ("ORG", "费内巴切")]),
    ],
)
def test_names_on_both_sides_of_vs_are_two(full_pipeline, text, found):
    doc = full_pipeline.extract(text)
    assert [(e.type, e.text) for e in doc.entities if e.type in ("ORG", "PERSON", "LOC")] == found


@pytest.mark.parametrize("text", ["Canvas公司", "Vsee公司", "VS"])
def test_vs_inside_a_latin_word_or_alone_cuts_nothing(text):
    mention = Mention(0, len(text), "ORG", "ner", "ner.xinwen_ner", 0.8)
    assert versus([mention], text) == [mention]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("中储粮今年在黑龙江收储粮食一千多万吨。", "中储粮"),
        ("中儲糧今年在黑龍江收儲糧食一千多萬噸。", "中儲糧"),
        ("国开行宣布发放首笔专项贷款。", "国开行"),
        ("中国银联表示，移动支付交易量持续增长。", "中国银联"),
        ("中國銀聯表示，移動支付交易量持續增長。", "中國銀聯"),
    ],
)
def test_org_central_enterprises_and_financial_institutions_are_listed(full_pipeline, text, org):
    doc = full_pipeline.extract(text)
    assert org in [e.text for e in doc.entities if e.type == "ORG"]


@pytest.mark.parametrize(
    ("text", "teams"),
    [
        ("切尔西主场击败埃弗顿。", ["切尔西", "埃弗顿"]),
        ("切爾西主場擊敗埃弗頓。", ["切爾西", "埃弗頓"]),
        ("快船客场不敌热火。", ["快船", "热火"]),
    ],
)
def test_org_clubs_with_names_of_their_own_are_listed(full_pipeline, text, teams):
    doc = full_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type == "ORG"] == teams


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("记者致电湖南信托副总经理曾世民，他证实了此事。", "曾世民"),
        ("記者致電湖南信託副總經理曾世民，他證實了此事。", "曾世民"),
    ],
)
def test_person_titled_whose_surname_is_also_an_adverb(full_pipeline, text, person):
    doc = full_pipeline.extract(text)
    assert person in [e.text for e in doc.entities if e.type == "PERSON"]


def test_person_no_adverb_before_a_verb_after_a_title(full_pipeline):
    doc = full_pipeline.extract("公司总经理曾表示，董事长曾多次来访。")
    assert [e for e in doc.entities if e.type == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("晨报讯（记者肖丹通讯员宋云辉）西城区限价房配售工作启动。", ["肖丹", "宋云辉"]),
        ("晨報訊（記者肖丹通訊員宋雲輝）西城區限價房配售工作啟動。", ["肖丹", "宋雲輝"]),
    ],
)
def test_person_ends_before_the_next_credits_label(full_pipeline, text, people):
    doc = full_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type == "PERSON"] == people


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("平安银行上海分行和中储粮黑龙江分公司参加了会议。", ["平安银行上海分行", "中储粮黑龙江分公司"]),
        ("平安銀行上海分行和中儲糧黑龍江分公司參加了會議。", ["平安銀行上海分行", "中儲糧黑龍江分公司"]),
    ],
)
def test_org_a_listed_body_and_its_branch_named_by_place_are_one_name(full_pipeline, text, orgs):
    doc = full_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type == "ORG"] == orgs


def test_org_a_branch_named_by_place_alone_stays_the_branch(full_pipeline):
    doc = full_pipeline.extract("香港分行将于下月加息。")
    assert [(e.type, e.text) for e in doc.entities] == [("ORG", "香港分行"), ("DATE", "下月")]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("美国总统特朗普与俄罗斯总统普京通电话。", "普京"),
        ("美國總統特朗普與俄羅斯總統普京通電話。", "普京"),
        ("日本外相岩屋毅会晤中国外交部长王毅。", "岩屋毅"),
    ],
)
def test_person_titled_before_a_verb_of_contact(full_pipeline, text, person):
    doc = full_pipeline.extract(text)
    assert person in [e.text for e in doc.entities if e.type == "PERSON"]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("新北市警察局三重分局分局長林志強表示，將加強巡邏。", "新北市警察局三重分局"),
        ("新北市警察局三重分局今天表示，將加強巡邏。", "新北市警察局三重分局"),
    ],
)
def test_org_a_police_branch_named_by_a_place_jieba_reads_as_a_numeral(full_pipeline, text, org):
    doc = full_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type == "ORG"] == [org]


@pytest.mark.parametrize(
    ("text", "outlet", "reporter"),
    [
        ("河南台记者昨天报道，郑州市今天降雨。", "河南台", None),
        ("湖南台记者李明报道。", "湖南台", "李明"),
        ("（总台记者 王涛）", "总台", "王涛"),
        ("（總台記者 王濤）", "總台", "王濤"),
        ("（总台央视记者 李扬）", "总台央视", "李扬"),
    ],
)
def test_org_a_station_by_its_province_or_the_national_broadcaster_before_a_reporter(
    full_pipeline, text, outlet, reporter
):
    doc = full_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type == "ORG"] == [outlet]
    links = [(doc.entities[r.person].text, doc.entities[r.organization].text) for r in doc.relations]
    assert links == ([(reporter, outlet)] if reporter else [])


def test_org_a_platform_before_a_reporter_is_no_station(full_pipeline):
    doc = full_pipeline.extract("平台记者发现，问题已经解决。")
    assert [e for e in doc.entities if e.type == "ORG"] == []


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("4月26日，省政府召开会议。", ["省政府"]),
        ("县委、县政府主要领导出席。", ["县委", "县政府"]),
        ("市委市政府高度重视。", ["市委", "市政府"]),
        ("州政府今早簽署了撥款信。", ["州政府"]),
        ("广东省政府发布通知。", ["广东省政府"]),
        ("縣府和市府今天都表示支持，北市府也發表聲明。", ["縣府", "市府", "北市府"]),  # Taiwan's short forms
    ],
)
def test_org_a_levels_government_alone_is_the_texts_own(full_pipeline, text, orgs):
    doc = full_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type == "ORG"] == orgs


def test_org_a_levels_government_alone_is_none_in_msras_convention():
    from pipeline import Pipeline, Settings

    doc = Pipeline(Settings(governments_by_place=False)).extract("县委、县政府主要领导出席，县人民政府发布通知。")
    assert [e.text for e in doc.entities if e.type == "ORG"] == ["县委", "县人民政府"]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("民政党主席拿督马袖强今日表示，将继续努力。", "马袖强"),
        ("民政黨主席拿督馬袖強今日表示，將繼續努力。", "馬袖強"),
        ("首相署部长拿督斯里依斯迈沙比里也出席。", "依斯迈沙比里"),
        ("民政党主席拿督马袖强批评这项政策。", "马袖强"),  # 马袖/n + 强/v + 批评/v
        ("州议长拿督刘子健在会上发言。", "刘子健"),  # 刘子/nr + 健在/v
    ],
)
def test_person_after_an_honorific_keeps_the_last_character_jieba_read_apart(full_pipeline, text, person):
    doc = full_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type == "PERSON"] == [person]


def test_person_after_an_honorific_takes_no_function_character(full_pipeline):
    doc = full_pipeline.extract("州议长拿督刘子健都发表讲话，拿督斯里纳吉在会上说。")
    assert [e.text for e in doc.entities if e.type == "PERSON"] == ["刘子健", "纳吉"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一辆保时捷轿车与一辆电瓶车相撞。", []),
        ("一輛寶馬跑車撞上護欄。", []),
        ("上海轿车销量增长，比亚迪汽车也发布了财报。", [("LOC", "上海"), ("ORG", "比亚迪汽车")]),
    ],
)
def test_a_cars_make_is_no_place_and_no_body(full_pipeline, text, expected):
    doc = full_pipeline.extract(text)
    assert [(e.type, e.text) for e in doc.entities if e.type in ("LOC", "ORG")] == expected


@pytest.mark.parametrize(
    "text",
    ["一辆车牌为川A3J232的小车驶过。", "驾驶粤B·12345轿车的司机逃逸。", "車牌為粵B12345的私家車。"],
)
def test_a_licence_plate_holds_no_place_and_no_person(full_pipeline, text):
    assert [e for e in full_pipeline.extract(text).entities if e.type in ("LOC", "PERSON", "ORG")] == []


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("運輸署指，港鐵列車已恢復正常服務。", ["運輸署", "港鐵"]),
        ("議員表示尊重內委會的決定，醫委會將再開會。", ["內委會", "醫委會"]),
        ("原訟法庭昨日頒下判詞。", ["原訟法庭"]),
        ("他曾任首相署部长。", ["首相署"]),
    ],
)
def test_org_listed_bodies_of_hong_kong_and_malaysia(full_pipeline, text, orgs):
    doc = full_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type == "ORG"] == orgs


def test_an_events_host_city_is_a_place_and_the_event_no_body(full_pipeline):
    doc = full_pipeline.extract("中華隊在2013年卡利世運會和2009年高雄世運會都曾奪牌。")
    assert [(e.type, e.text) for e in doc.entities if e.type in ("LOC", "ORG", "PERSON")] == [
        ("ORG", "中華隊"),
        ("LOC", "卡利"),
        ("LOC", "高雄"),
    ]


def test_a_body_of_an_event_stays_a_body(full_pipeline):
    doc = full_pipeline.extract("杭州亚运会组委会昨日宣布新的志愿者计划。")
    assert [(e.type, e.text) for e in doc.entities if e.type == "ORG"] == [("ORG", "杭州亚运会组委会")]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("其實醫務委員會已經開會討論。", "醫務委員會"),
        ("印外交部发言人昨天发表声明。", "印外交部"),  # a country's abbreviation stays
    ],
)
def test_org_a_listed_name_after_a_clause_the_model_ran_into_it(full_pipeline, text, org):
    assert [e.text for e in full_pipeline.extract(text).entities if e.type == "ORG"] == [org]


def test_org_a_titled_person_and_a_conjunction_are_no_fields_of_a_body(full_pipeline):
    doc = full_pipeline.extract("署長陳志明醫生和精神健康諮詢委員會主席黃偉強醫生出席。")
    assert [(e.type, e.text) for e in doc.entities if e.type in ("ORG", "PERSON")] == [
        ("PERSON", "陳志明"),
        ("ORG", "精神健康諮詢委員會"),
        ("PERSON", "黃偉強"),
    ]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("县人民检察院检察长江海涛出庭支持公诉。", ["江海涛"]),  # 检察/长江/艳伟
        ("立法院副院長江明德出席。", ["江明德"]),  # 副/院/长江/启臣: 院 + 长 a title, no body's head
        ("该集团首席财务官孟春舟昨日抵达。", ["孟春舟"]),  # 首席/财务/官孟春/nr/舟
        ("公司首席技术官孟冬舟表示，明年推出新品。", ["孟冬舟"]),  # 技术/官孟冬/nr
        ("全省最重要的赛区长沙赛区在长沙，街道办事处长丰村的村民。", []),  # 长沙/赛区, 长丰/村: places
    ],
)
def test_person_after_a_title_whose_last_character_jieba_joined_to_the_surname(full_pipeline, text, people):
    assert [e.text for e in full_pipeline.extract(text).entities if e.type == "PERSON"] == people


def test_a_title_the_model_reads_as_a_person_is_none(full_pipeline):
    assert [e for e in full_pipeline.extract("公司称收到董监高的辞职报告。").entities if e.type == "PERSON"] == []
    doc = full_pipeline.extract("公司董事长李国强、董秘王海出席，代行董秘职责。")
    assert [e.text for e in doc.entities if e.type == "PERSON"] == ["李国强", "王海"]
    titles = {(doc.entities[r.person].text, r.title) for r in doc.relations}
    assert ("王海", "董秘") in titles


def test_org_a_name_with_its_stock_code_over_the_models_reading(full_pipeline):
    doc = full_pipeline.extract("今日阿里(9988)下跌，東亞(0023)上升。")
    assert [(e.type, e.text) for e in doc.entities if e.type in ("ORG", "PERSON", "LOC")] == [
        ("ORG", "阿里"),
        ("ORG", "東亞"),
    ]


def test_a_common_word_after_a_title_is_no_name(full_pipeline):
    doc = full_pipeline.extract("兩名警員聞訊趕到現場。院士钟南山提醒市民。")
    assert [e.text for e in doc.entities if e.type == "PERSON"] == ["钟南山"]


def test_an_acting_judges_title_is_no_part_of_the_court(full_pipeline):
    doc = full_pipeline.extract("高等法院原訟法庭暫委法官張家明昨日裁定。")
    assert [(e.type, e.text) for e in doc.entities if e.type in ("ORG", "PERSON")] == [
        ("ORG", "高等法院原訟法庭"),
        ("PERSON", "張家明"),
    ]
    assert [r.title for r in doc.relations] == ["暫委法官"]


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("新加坡报业控股宣布重组，香港置地股价上涨。", ["新加坡报业控股", "香港置地"]),
        ("马银行与联昌国际发布财报，推动城市发展。", ["马银行", "联昌国际"]),  # 城市发展: a common phrase
    ],
)
def test_org_straits_times_and_klci_constituents_are_listed(full_pipeline, text, orgs):
    assert [e.text for e in full_pipeline.extract(text).entities if e.type == "ORG"] == orgs


def test_org_the_grammar_walks_over_no_title_joined_by_jian(full_pipeline):
    doc = full_pipeline.extract("凯德集团总裁兼集团首席执行官陈国华表示。")
    assert [e.text for e in doc.entities if e.type == "ORG"] == ["凯德集团"]


def test_org_latin_outlets(full_pipeline):
    doc = full_pipeline.extract("CCTV首席评论员王明认为，RTHK报道称。")
    assert [e.text for e in doc.entities if e.type == "ORG"] == ["CCTV", "RTHK"]


def test_org_a_listed_name_with_a_grammar_character_glued_on_ends_before_it(full_pipeline):
    doc = full_pipeline.extract("台積電將於下月公布財報，台積電已表示樂觀。")  # jieba: 台积/电将
    assert [e.text for e in doc.entities if e.type == "ORG"] == ["台積電", "台積電"]


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("政府要求房委會、科學園、數碼港加快工程進度。", ["房委會", "科學園", "數碼港"]),
        ("國民黨預計下週中常會通過提名。", ["國民黨", "中常會"]),
        ("藥明生物和中生製藥股價上升。", ["藥明生物", "中生製藥"]),
    ],
)
def test_org_public_bodies_and_index_companies_by_their_short_names(full_pipeline, text, orgs):
    assert [e.text for e in full_pipeline.extract(text).entities if e.type == "ORG"] == orgs


def test_a_storms_name_is_no_entity(full_pipeline):
    doc = full_pipeline.extract("台风“杜苏芮”昨日在福建登陆。")
    assert [(e.type, e.text) for e in doc.entities if e.type in ("ORG", "PERSON", "LOC")] == [("LOC", "福建")]


def test_org_a_police_district_named_by_its_place(full_pipeline):
    doc = full_pipeline.extract("警方在灣仔警區拘捕一名男子。")
    assert [(e.type, e.text) for e in doc.entities if e.type in ("ORG", "LOC")] == [("ORG", "灣仔警區")]


def test_org_a_listed_name_glued_to_the_verb_after_it(full_pipeline):
    doc = full_pipeline.extract("在土团党与伊党执政时拨款较少。")  # jieba: 伊/ns 党执政/nr
    assert [(e.type, e.text) for e in doc.entities] == [("ORG", "土团党"), ("ORG", "伊党")]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("江门海关分析，出口增长。", "江门海关"),  # a customs district named by its place
        ("深圳中院审理此案。", "深圳中院"),
        ("撤銷原判決發回中院重審。", "中院"),
    ],
)
def test_org_customs_and_courts_by_their_short_names(full_pipeline, text, org):
    assert org in [e.text for e in full_pipeline.extract(text).entities if e.type == "ORG"]


def test_a_body_before_a_storm_word_stays(full_pipeline):
    doc = full_pipeline.extract("中央气象台台风预报显示，风力将增强。")
    assert "中央气象台" in [e.text for e in doc.entities if e.type == "ORG"]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("近日，泾源公安破获一起盗窃案。", "泾源公安"),  # jieba: 泾源/ns 公安/n
        ("为长沙公安“夏季行动”再添战果。", "长沙公安"),
    ],
)
def test_org_public_security_named_by_its_place(full_pipeline, text, org):
    doc = full_pipeline.extract(text)
    assert org in [e.text for e in doc.entities if e.type == "ORG"]
    assert not [e for e in doc.entities if e.type == "LOC"]


def test_org_public_security_before_a_unit_is_the_units_name(full_pipeline):
    doc = full_pipeline.extract("北京公安交管局发布通告。")  # not 北京公安 + 交管局
    assert [e.text for e in doc.entities if e.type == "ORG"] == ["北京公安交管局"]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("福建边境管理支队石城边境派出所开展宣传。", "福建边境管理支队石城边境派出所"),
        ("江苏宏达纺织有限公司城南分厂招工。", "江苏宏达纺织有限公司城南分厂"),  # the grammar's two names
        ("湖北恒通鞋业有限公司桥头分厂工人正在加班。", "湖北恒通鞋业有限公司桥头分厂"),  # the model's branch
    ],
)
def test_org_a_police_station_or_a_branch_factory_after_its_parent(full_pipeline, rules_pipeline, text, org):
    assert [e.text for e in rules_pipeline.extract(text).entities if e.type == "ORG"] == [org]
    assert org in [e.text for e in full_pipeline.extract(text).entities if e.type == "ORG"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("衡阳县三湖铺镇举行活动。", ["衡阳县", "三湖铺镇"]),  # jieba's HMM: 三湖/ns 铺镇
        ("双峰县杏子铺镇召开会议。", ["双峰县", "杏子铺镇"]),  # 杏子/n 铺镇/ns
        ("邵东县九龙岭镇组织培训。", ["邵东县", "九龙岭镇"]),  # 九龙/nz 岭镇/ns
        ("郑州市须水镇西岗村原本是农田。", ["郑州市", "须水镇", "西岗村"]),  # 镇西/ns: no glued level
    ],
)
def test_place_a_level_glued_to_the_names_last_character(full_pipeline, text, places):
    assert [e.text for e in full_pipeline.extract(text).entities if e.type == "LOC"] == places


def test_place_no_glued_level_after_a_common_word():
    ctx = SimpleNamespace(word_freq={"农村": 11478})
    w = PlaceExtractor()._words
    assert PlaceExtractor._glued_level(Token("铺镇", "ns", 0, 2), ctx, w)
    assert not PlaceExtractor._glued_level(Token("农村", "n", 0, 2), ctx, w)  # a word of the dictionary
    assert not PlaceExtractor._glued_level(Token("兴镇", "n", 0, 2), ctx, w)  # 科技兴镇: 兴 ends no toponym


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("该行董事会已经选举新的董事长。", []),  # an organ of a body named elsewhere
        ("公司董事会决定暂不召开股东大会。", []),
        ("产生了商会第二届理事会。", []),
        ("戴姆勒董事会批准了该计划。", ["戴姆勒董事会"]),  # a name before the organ: it stands
        ("国际行动理事会成立于1983年。", ["国际行动理事会"]),
    ],
)
def test_org_a_bodys_organ_without_a_name_before_it_is_none(full_pipeline, text, orgs):
    assert [e.text for e in full_pipeline.extract(text).entities if e.type == "ORG"] == orgs


@pytest.mark.parametrize(
    "text", ["今年5月，我国新能源汽车产销均超过21万辆。", "作为央企，该公司加快转型。", "多家村镇银行被罚。"]
)
def test_org_a_kind_of_business_alone_is_none(full_pipeline, text):
    assert not [e for e in full_pipeline.extract(text).entities if e.type == "ORG"]


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("議長康裕成表示，議會會以市民最大利益為考量，高雄市議會將審預算。", ["高雄市議會"]),  # 議會 alone: generic
        ("第四波專案由新北市刑大搜索21處。（圖／嘉義縣警局提供）", ["新北市刑大", "嘉義縣警局"]),  # a place's police
    ],
)
def test_org_a_kind_of_body_alone_is_none_and_after_its_place_a_name(full_pipeline, text, orgs):
    assert [e.text for e in full_pipeline.extract(text).entities if e.type == "ORG"] == orgs


def test_org_a_word_of_a_persons_term_is_none(full_pipeline):
    doc = full_pipeline.extract("监管局对公司、时任董事长章利民、时任总经理周建永予以警告。")
    assert "时任" not in [e.text for e in doc.entities]


def test_words_of_taiwans_business_news_are_no_names(full_pipeline):
    doc = full_pipeline.extract("台積電預估營收季增4%，3奈米製程的獲利將提升。")
    assert not [e for e in doc.entities if e.type == "PERSON"]


@pytest.mark.parametrize(
    ("text", "region", "org"),
    [
        ("案件轉介區院審理。", "hk", "區院"),  # the District Court's short name
        ("由有組織罪案及三合會調查科跟進。", "hk", "有組織罪案及三合會調查科"),
        ("病人已送往北榮救治。", "tw", "北榮"),  # Taipei Veterans General Hospital
    ],
)
def test_org_courts_police_units_and_hospitals_by_their_short_names(full_pipeline, text, region, org):
    assert org in [e.text for e in full_pipeline.extract(text, region=region).entities if e.type == "ORG"]


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("中国证监会对康美药业作出处罚。", ["中国证监会", "康美药业"]),  # the model reads 康美 alone
        ("伊利乳業和蒙牛乳業發布年報。", ["伊利乳業", "蒙牛乳業"]),
        ("腾讯控股公布业绩。", ["腾讯控股"]),
        ("国家控股比例下降，实业兴国。", []),  # the trade words alone name nothing
    ],
)
def test_a_company_named_by_its_name_and_trade_is_one_organization(full_pipeline, text, orgs):
    assert [e.text for e in full_pipeline.extract(text).entities if e.type == "ORG"] == orgs


def test_committee_members_are_people_and_an_accounts_platform_no_body(full_pipeline):
    doc = full_pipeline.extract("由於400名選委中，只有398名選委到場投票。據鹿邑县公安局官方微博消息。")
    assert [e.text for e in doc.entities if e.type == "ORG"] == ["鹿邑县公安局"]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("以下是行政長官林鄭月娥今日在記者會上的談話。", ["林鄭月娥"]),  # the model: 林鄭 and a place 娥
        ("林鄭表示會跟進。", ["林鄭"]),  # the surnames alone, as HK papers write her name short
        ("刘邓大军挺进大别山。", ["刘邓"]),  # a known word after two surnames is no given name
    ],
)
def test_a_husbands_and_her_own_surname_before_a_given_name_are_one_name(full_pipeline, text, people):
    doc = full_pipeline.extract(text, region="hk")  # the custom of Hong Kong and Macau
    assert [e.text for e in doc.entities if e.type == "PERSON"] == people


def test_two_surnames_and_an_unknown_word_elsewhere_are_left_to_the_model(full_pipeline):
    doc = full_pipeline.extract("他“叔叔”李成龙向该校主任介绍。", region="mainland")
    assert [e.text for e in doc.entities if e.type == "PERSON"] == ["李成龙"]


@pytest.mark.parametrize(
    "text",
    ["針對藍委質疑，民代釋出不同版本。", "他已經請警察局加速依法處理。"],  # people's words; a kind of body alone
)
def test_words_for_representatives_and_a_bare_police_bureau_name_no_body(full_pipeline, text):
    assert [e.text for e in full_pipeline.extract(text).entities if e.type == "ORG"] == []


def test_weibo_the_platform_is_no_body(full_pipeline):
    doc = full_pipeline.extract("警方微博“通缉”嫌犯，网友转发这条微博。")
    assert [e.text for e in doc.entities if e.type == "ORG"] == []


def test_an_expo_is_an_event_no_body(full_pipeline):
    doc = full_pipeline.extract("上海世博会吸引7000万人次参观。")
    assert [e.text for e in doc.entities if e.type == "ORG"] == []


def test_a_listed_place_jieba_tags_a_noun_names_the_police_district_after_it(full_pipeline):
    doc = full_pipeline.extract("期間旺角警區另一警員發現被告。")
    assert [(e.type, e.text) for e in doc.entities if e.type in ("ORG", "LOC")] == [("ORG", "旺角警區")]
