"""Places, facilities, organizations and people by the rules on names, on sentences written for these tests
(both scripts)."""

import pytest

from pipeline.extract.places import PlaceExtractor


def loc_texts(doc):
    """The texts of a document's places, in order."""
    return [e.text for e in doc.entities if e.type == "LOC"]


def facilities(make_context, text):
    return [text[m.start : m.end] for m in PlaceExtractor().find(make_context(text)) if m.rule == "places.facility"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("旅客昨日抵达桃园机场，再转乘客运。", ["桃园机场"]),
        ("旅客昨日抵達桃園機場，再轉乘客運。", ["桃園機場"]),
        ("游客在西安东站换乘地铁。", ["西安东站"]),
        ("遊客在西安東站換乘地鐵。", ["西安東站"]),
        ("工程车辆经港珠澳大桥珠海口岸出境。", ["港珠澳大桥", "珠海口岸"]),  # two facilities, not one
        ("工程車輛經港珠澳大橋珠海口岸出境。", ["港珠澳大橋", "珠海口岸"]),
        ("商会组织会员参观北海工业园区。", ["北海工业园区"]),  # only common words after the place: one name
        # common words, then a place standing before the facility's own name: both are places
        ("施工方在沿线工程宜宾岷江特大桥完成合龙。", ["宜宾", "岷江特大桥"]),
        ("施工方在沿線工程宜賓岷江特大橋完成合龍。", ["宜賓", "岷江特大橋"]),
        # a word jieba does not know (锦翠) names the facility after the district; generic words do not
        ("暴雨后荃湾锦翠停车场加装了防水闸。", ["荃湾", "锦翠停车场"]),
        ("暴雨後荃灣錦翠停車場加裝了防水閘。", ["荃灣", "錦翠停車場"]),
        ("游客涌入九寨沟旅游景区。", ["九寨沟旅游景区"]),
        ("遊客湧入九寨溝旅遊景區。", ["九寨溝旅遊景區"]),
        # a word jieba only guesses (马中: Malaysia-China) is no place of its own
        ("代表团参观了合作项目马中关丹产业园。", ["马中关丹产业园"]),
        ("代表團參觀了合作項目馬中關丹產業園。", ["馬中關丹產業園"]),
        # a common word between the place and the facility's name is cut as before the place
        ("拖架沿天桥往狮子山隧道方向行驶。", ["天桥", "狮子山隧道"]),
        ("拖架沿天橋往獅子山隧道方向行駛。", ["天橋", "獅子山隧道"]),
        ("該酒店昨日暫停營業。", []),  # no name before the head
        ("海关昨日检获一批货物。", []),  # 关 inside a word is no head
    ],
)
def test_named_facilities_are_places(make_context, text, names):
    assert facilities(make_context, text) == names


@pytest.mark.parametrize(
    ("text", "places", "not_places"),
    [
        # a district before a named hotel is a place of its own; the hotel is a place, not an organization
        ("衞生署向灣仔維景酒店發出隔離令。", {"灣仔", "維景酒店"}, {"灣仔維景酒店"}),
        ("卫生署向湾仔维景酒店发出隔离令。", {"湾仔", "维景酒店"}, {"湾仔维景酒店"}),
    ],
)
def test_facility_decides_where_the_name_begins(full_pipeline, text, places, not_places):
    doc = full_pipeline.extract(text, region="hk")
    locs = {e.text for e in doc.entities if e.type == "LOC"}
    assert places <= locs
    assert not ({e.text for e in doc.entities} & not_places)


@pytest.mark.parametrize(
    "text",
    ["颱風集結在香港西南偏南約250公里，預料向西北移動。", "台风集结在香港西南偏南约250公里，预料向西北移动。"],
)
def test_compass_words_used_as_directions_are_no_places(full_pipeline, text):
    doc = full_pipeline.extract(text)
    locs = loc_texts(doc)
    assert locs == ["香港"]


@pytest.mark.parametrize(
    "text",
    [
        "宁德时代登陆港股，许多华人华侨关注。港股今年表现平稳。",
        "寧德時代登陸港股，許多華人華僑關注。港股今年表現平穩。",
        "双方同意，中方将派团出席。",  # 中方: a side, not a place
        "一名華裔男子昨日報案。",
        "亚运会和冬奥会的场馆向公众开放。",  # 亚 of 亚运会, 奥 of 冬奥会: inside an event's word
    ],
)
def test_a_one_character_place_beginning_a_word_of_its_things_is_none(full_pipeline, text):
    doc = full_pipeline.extract(text)
    assert not [e for e in doc.entities if e.type == "LOC" and len(e.text) == 1]


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("龙岗区举办春节返乡活动。许多来深建设者说，在龙岗工作了十年。", "龙岗"),
        ("龍岗區舉辦春節返鄉活動。許多來深建設者說，在龍岗工作了十年。", "龍岗"),
    ],
)
def test_a_place_found_with_its_level_word_is_found_without(full_pipeline, text, stem):
    doc = full_pipeline.extract(text)
    assert stem in loc_texts(doc)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("记者从深圳市龙岗区文化广电旅游体育局获悉，假期接待游客百万人次。", "深圳市龙岗区文化广电旅游体育局"),
        ("記者從深圳市龍崗區文化廣電旅遊體育局獲悉，假期接待遊客百萬人次。", "深圳市龍崗區文化廣電旅遊體育局"),
        ("据分析，廣西梧州水文分局預計，西江水位將繼續上漲。", "廣西梧州水文分局"),
    ],
)
def test_a_place_before_a_body_is_part_of_its_name(full_pipeline, text, org):
    doc = full_pipeline.extract(text)
    assert org in [e.text for e in doc.entities if e.type == "ORG"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("今年建成了长沙至赣州高铁和南宁至柳州至桂林铁路。", ["长沙至赣州高铁", "南宁至柳州至桂林铁路"]),
        ("今年建成了長沙至贛州高鐵和南寧至柳州至桂林鐵路。", ["長沙至贛州高鐵", "南寧至柳州至桂林鐵路"]),
        ("这标志着中国发展至新阶段。", []),  # 段 inside 阶段 is no route head
    ],
)
def test_a_line_named_by_its_ends_is_one_place(make_context, text, names):
    assert facilities(make_context, text) == names


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("法院认定，快播公司负有责任。对于快播公司的上诉，法院驳回，快播公司须缴罚金。", "快播公司"),
        ("法院認定，快播公司負有責任。對於快播公司的上訴，法院駁回，快播公司須繳罰金。", "快播公司"),
    ],
)
def test_a_company_name_jieba_cut_into_characters_stands_where_the_text_repeats_it(full_pipeline, text, org):
    doc = full_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type == "ORG"].count(org) == 3


def test_a_company_name_cut_into_characters_once_needs_the_model(full_pipeline):
    doc = full_pipeline.extract("他说，新老公司之间没有矛盾。")
    assert not [e for e in doc.entities if e.type == "ORG"]


@pytest.mark.parametrize(
    "text",
    [
        "瑪娃颱風今日清晨登陸。應變中心晚間召開會議，瑪娃外圍雨帶影響沿岸。",
        "玛娃台风今日清晨登陆。应变中心晚间召开会议，玛娃外围雨带影响沿岸。",
        "塔巴台风今日清晨登陆。应变中心晚间召开会议，塔巴外围雨带影响沿岸。",  # the model reads 塔巴台风 whole
        "颱風瑪娃今日清晨登陸。應變中心晚間召開會議，瑪娃外圍雨帶影響沿岸。",  # the word for the thing first
        "台风玛娃今日清晨登陆。应变中心晚间召开会议，玛娃外围雨带影响沿岸。",
    ],
)
def test_a_name_written_before_a_word_for_a_thing_is_no_person(full_pipeline, text):
    doc = full_pipeline.extract(text)
    assert not [e for e in doc.entities if e.type == "PERSON"]


def test_a_name_the_model_reads_with_two_types_takes_the_more_frequent(full_pipeline):
    from pipeline.extract.base import Mention
    from pipeline.extract.repeats import _one_type_per_name

    text = "特朗普说。特朗普说。特朗普总统说。"
    mentions = [
        Mention(0, 3, "PERSON", "ner", "ner.xinwen_ner", 0.9),
        Mention(5, 8, "PERSON", "ner", "ner.xinwen_ner", 0.9),
        Mention(10, 13, "LOC", "ner", "ner.xinwen_ner", 0.8),
    ]
    assert [m.type for m in _one_type_per_name(mentions, text)] == ["PERSON", "PERSON", "PERSON"]
    assert [m.type for m in _one_type_per_name(mentions[1:], text)] == ["PERSON", "LOC"]  # one against one: as found


def test_a_facility_head_alone_is_no_name():
    from pipeline.extract.base import Context, Mention
    from pipeline.extract.repeats import Repeats

    text = "入住该酒店的人。"
    ctx = Context(text, text, text, [], [(0, len(text))])
    kept = Repeats().extend([Mention(3, 5, "ORG", "ner", "ner.xinwen_ner", 0.85)], ctx)
    assert kept == []


@pytest.mark.parametrize(
    ("text", "locs"),
    [
        ("他曾在杭州《東南日報》任記者，一名菲律賓籍男子昨日入境。", ["杭州"]),
        ("他曾在杭州《东南日报》任记者，一名菲律宾籍男子昨日入境。", ["杭州"]),
        ("作为郸城人，他在北京工作，很多中国人都去过。", ["北京"]),  # a place naming its people is none
        ("中国人民银行与美国人权组织在上海会面。", ["上海"]),  # not 人民, 人权: other words
    ],
)
def test_a_place_before_a_title_stands_and_a_nationality_is_none(full_pipeline, text, locs):
    doc = full_pipeline.extract(text)
    assert loc_texts(doc) == locs


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("台北地檢署昨日起訴兩人，案件由高等法院審理。", {"台北地檢署", "高等法院"}),
        ("台北地检署昨日起诉两人，案件由高等法院审理。", {"台北地检署", "高等法院"}),
    ],
)
def test_listed_courts_and_offices_with_a_place_before(full_pipeline, text, orgs):
    doc = full_pipeline.extract(text, region="tw")
    assert orgs <= {e.text for e in doc.entities if e.type == "ORG"}


def test_wire_agencies_in_photo_credits(full_pipeline):
    doc = full_pipeline.extract("圖片版權 Reuters\n拜登昨日發表講話。圖片來源：AFP")
    assert {"Reuters", "AFP"} <= {e.text for e in doc.entities if e.type == "ORG"}


@pytest.mark.parametrize(("text", "name"), [("接著宋晟睿都獲保送上壘", "宋晟睿"), ("接着宋晟睿都获保送上垒", "宋晟睿")])
def test_a_person_loses_a_function_character_after_two_given_characters(text, name):
    from pipeline.extract.base import Mention
    from pipeline.extract.edges import person_edges

    (m,) = person_edges([Mention(2, 6, "PERSON", "ner", "ner.xinwen_ner", 0.9)], text)
    assert text[m.start : m.end] == name
    (m,) = person_edges([Mention(0, 4, "PERSON", "ner", "ner.xinwen_ner", 0.9)], "欧阳明都说")  # compound surname
    assert (m.start, m.end) == (0, 4)


@pytest.mark.parametrize(
    ("text", "place"),
    [("由区文明办、龙城街道等单位举办。", "龙城街道"), ("景區所在的貴臺鎮土地升值。", "貴臺鎮")],
)
def test_a_place_word_and_its_level_word_are_one_place(full_pipeline, text, place):
    assert place in loc_texts(full_pipeline.extract(text))


@pytest.mark.parametrize(("text", "place"), [("支持苏北地区农村公路建设。", "苏北"), ("改善山区农村公路条件。", None)])
def test_an_areas_generic_word_ends_a_facilitys_name(rules_pipeline, text, place):
    assert loc_texts(rules_pipeline.extract(text)) == ([place] if place else [])


def listed(make_context, text):
    return {
        text[m.start : m.end]: m.confidence
        for m in PlaceExtractor().find(make_context(text))
        if m.rule == "places.gazetteer"
    }


@pytest.mark.parametrize(
    ("text", "name", "confidence"),
    [
        # a country or city jieba cuts or tags as a name stands alone (the model misses these spellings)
        ("代表團經寮國前往越南。", "寮國", 0.75),
        ("他在休士頓住了十年。", "休士頓", 0.75),
        ("小麦产区集中在周口一带。", "周口", 0.75),
        ("游客在张掖观赏丹霞地貌。", "张掖", 0.75),  # a rarer place word of jieba's: the model misses many
        # one jieba knows as a frequent place word is a hint: the model reads it, and knows when it is none (中国语文)
        ("代表团经老挝前往中国。", "中国", 0.6),
        ("代表團經寮國前往廣西。", "廣西", 0.6),
    ],
)
def test_listed_countries_and_cities(make_context, text, name, confidence):
    assert listed(make_context, text).get(name) == confidence


@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        ("投资者陈玉林昨日出席会议。", "玉林", False),  # 陈/nr + 玉林: a person's given name
        ("投资者昨日前往玉林考察。", "玉林", True),
        ("村民王金华表示支持。", "金华", False),
        ("游客在金华转车。", "金华", True),
    ],
)
def test_listed_place_after_a_surname_is_a_given_name(make_context, text, name, found):
    assert (name in listed(make_context, text)) is found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("史瓦帝尼國王將再度訪問台北。", "史瓦帝尼"),  # the model reads a person
        ("代表團經寮國前往泰國。", "寮國"),
        ("帛琉與吐瓦魯的外長同日抵達。", "吐瓦魯"),
    ],
)
def test_listed_countries_in_the_pipeline(full_pipeline, text, place):
    doc = full_pipeline.extract(text, region="tw")
    assert place in {e.text for e in doc.entities if e.type == "LOC"}


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # places written together are each a place, whatever the model read as one
        ("一辆货车在重庆万州区翻侧。", ["重庆", "万州区"]),
        ("一輛貨車在重慶萬州區翻側。", ["重慶", "萬州區"]),
        ("湖北十堰张湾区发布暴雨预警。", ["湖北", "十堰", "张湾区"]),
        ("警方在屯門湖景邨拘捕一名男子。", ["屯門", "湖景邨"]),
        ("桃園市中壢區昨日停水。", ["桃園市", "中壢區"]),  # a word with its level closes a place: 中坜区 is its own
        ("桃园市中坜区昨日停水。", ["桃园市", "中坜区"]),
    ],
)
def test_places_written_together_are_each_a_place(full_pipeline, text, places):
    doc = full_pipeline.extract(text)
    assert loc_texts(doc) == places


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("香港特區行政長官出席典禮。", "香港特區"),  # 特区: a common word with a level in it
        ("游客沿南京东路步行。", "南京东路"),  # 东路 is no place of its own
        ("延边朝鲜族自治州举行州庆。", "延边朝鲜族自治州"),  # an autonomous area is one name
    ],
)
def test_one_place_is_not_divided(full_pipeline, text, place):
    doc = full_pipeline.extract(text)
    assert place in loc_texts(doc)


@pytest.mark.parametrize(
    ("text", "streets"),
    [
        ("警方封锁了建国路一带。", ["建国路"]),  # jieba's name word ending in 路 (建国路/nz)
        ("车队沿长安街驶过。", ["长安街"]),
        ("两车在中山路与解放路交界相撞。", ["中山路", "解放路"]),
        ("公司研发集成电路。", []),  # ends in a common word (电路)
        ("李明道出了真相。", []),  # a person and the verb 道
    ],
)
def test_streets_jieba_keeps_as_one_word(make_context, text, streets):
    found = [text[m.start : m.end] for m in PlaceExtractor().find(make_context(text)) if m.rule == "places.facility"]
    assert found == streets


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("沙尘暴从塔克拉玛干沙漠边缘向东移动。", "塔克拉玛干沙漠"),  # the model stops at 塔克拉玛干
        ("四川盆地東部將有大雨。", "四川盆地"),  # the model stops at 四川
        ("登山队抵达喜马拉雅山脉南麓。", "喜马拉雅山脉"),
    ],
)
def test_geographic_names_keep_their_head(full_pipeline, text, place):
    doc = full_pipeline.extract(text)
    assert place in loc_texts(doc)


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("京沪高铁今日加开列车。", ["京沪高铁"]),
        ("一輛貨車在京港澳高速湖南段翻側。", ["京港澳高速"]),
        ("成渝中线高铁进入铺轨阶段。", ["成渝中线高铁"]),
        ("中国高铁走向世界。", []),  # 中国 is no pair of abbreviations
    ],
)
def test_lines_named_by_abbreviations(make_context, text, lines):
    found = [text[m.start : m.end] for m in PlaceExtractor().find(make_context(text)) if m.rule == "places.facility"]
    assert found == lines


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("黄淮一带小麦长势良好。", "黄淮"),  # a region, not 黄 + 淮
        ("粤港澳大湾区的跨境理财通额度上调。", "粤港澳大湾区"),  # a listed name is not divided
    ],
)
def test_regions_are_one_name(full_pipeline, text, place):
    doc = full_pipeline.extract(text)
    assert loc_texts(doc) == [place]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "福建宁德霞浦县的滩涂吸引摄影爱好者。",
            ["福建", "宁德", "霞浦县"],
        ),  # the county a word of its own
        ("湖南娄底新化县一民房起火。", ["湖南", "娄底", "新化县"]),
        ("各乡镇要认真落实。", []),  # a determiner and a generic word
        ("该公司股票今日上市，与大市走势一致。", []),  # 上市/ns, 大市: common words with a level character
    ],
)
def test_a_county_with_its_level_is_a_place(full_pipeline, text, places):
    doc = full_pipeline.extract(text)
    assert loc_texts(doc) == places


@pytest.mark.parametrize(
    ("text", "estates"),
    [
        ("住在彩虹邨的老人獲派飯盒。", ["彩虹邨"]),  # jieba: 彩虹/nz 邨/y
        ("警員在天水圍天恒邨拘捕一名男子。", ["天恒邨"]),  # the listed district before it is a place of its own
        ("深水埗石硤尾邨的清拆工程展開。", ["石硤尾邨"]),  # a listed area right before the head names the estate
        ("美孚新邨一單位起火。", ["美孚新邨"]),
        ("薄扶林的華富邨將重建。", ["華富邨"]),  # not across 的
    ],
)
def test_housing_estates_are_places(make_context, text, estates):
    found = [text[m.start : m.end] for m in PlaceExtractor().find(make_context(text)) if m.rule == "places.facility"]
    assert found == estates


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("王府井步行街周末客流回升。", ["王府井步行街"]),
        ("遊客湧入士林夜市。", ["士林夜市"]),
        ("三峡大坝进入汛期调度。", ["三峡大坝"]),
        ("兀兰关卡出现大排长龙的情况。", ["兀兰关卡"]),
        ("加快翠屏山森林公园建设。", ["翠屏山森林公园"]),
        ("活动在天安数码城举行。", ["天安数码城"]),
        ("近格蘭披治大廈路段發生車禍。", ["格蘭披治大廈"]),
        ("海南省南渡江迈湾水利枢纽工程获批。", ["海南省", "南渡江", "迈湾水利枢纽"]),  # places before stand alone
        ("前往澳門鴨涌河南街青洲坊大廈辦理。", ["青洲坊大廈"]),  # the street before is a place of its own
        ("城市花园与办公大厦均已完工。", []),  # common words name no facility
    ],
)
def test_more_facility_heads(make_context, text, places):
    found = [text[m.start : m.end] for m in PlaceExtractor().find(make_context(text)) if m.rule == "places.facility"]
    assert found == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("北京王府井步行街周末客流回升。", ["北京", "王府井步行街"]),  # jieba's 北京王府井/ns: a listed place begins it
        ("旅客在北京西站换乘地铁。", ["北京西站"]),  # a bare head after the place
        ("在中国丝绸文化产业创意园举行了活动。", ["中国丝绸文化产业创意园"]),  # only common words after 中国
    ],
)
def test_a_listed_place_before_a_facility(full_pipeline, text, places):
    doc = full_pipeline.extract(text)
    assert loc_texts(doc) == places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("刚果(金)总统今天访问北京。", [("LOC", "刚果(金)"), ("LOC", "北京")]),
        ("刚果（布）也举行了选举。", [("LOC", "刚果（布）")]),
        ("剛果(金)選舉委員會發布公告。", [("ORG", "剛果(金)選舉委員會")]),
    ],
)
def test_the_two_congos_are_named_with_their_brackets(full_pipeline, text, expected):
    doc = full_pipeline.extract(text)
    assert [(e.type, e.text) for e in doc.entities if e.type in ("LOC", "ORG", "PERSON")] == expected


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("一辆小巴停在九龙湾牛头角道，乘客下车。", ["九龙湾", "牛头角道"]),
        ("一輛小巴停在九龍灣牛頭角道，乘客下車。", ["九龍灣", "牛頭角道"]),
        ("途经上海路和南京街。", ["上海路", "南京街"]),
        ("中国道路越走越宽，美国路线图公布。", ["中国", "美国"]),
        ("观塘线和西港岛线明年通车。", ["观塘线", "西港岛线"]),  # railway lines named after a place
        ("中国线上销售增长，北京线路改造。", ["中国", "北京"]),
    ],
)
def test_a_place_before_a_street_word_is_the_street(full_pipeline, text, places):
    assert [e.text for e in full_pipeline.extract(text).entities if e.type == "LOC"] == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("台66線拓寬工程今天動工，一名男子穿越台九線時遭撞。", ["台66線", "台九線"]),
        ("國道一號圓山交流道壅塞。", ["國道一號", "圓山交流道"]),
        ("106国道发生车祸。", ["106国道"]),
        ("编号A106国道路段。", []),  # inside a code: no road
    ],
)
def test_a_road_named_by_its_number(full_pipeline, text, places):
    assert [e.text for e in full_pipeline.extract(text).entities if e.type == "LOC"] == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("本港今日天氣炎熱，旅客訪港後入住酒店。", ["港", "港"]),
        ("他昨日返港，本澳居民則留在家中。", ["港", "澳"]),
        ("日本港口繁忙。", ["日本"]),
        ("本港男子被捕。", []),
        ("總統明日訪港", ["港"]),  # at the text's end
    ],
)
def test_a_short_name_standing_alone_after_ben_or_a_verb_of_going_is_the_place(full_pipeline, text, places):
    doc = full_pipeline.extract(text)
    assert [e.text for e in doc.entities if e.type == "LOC"] == places


@pytest.mark.parametrize(
    ("text", "streets"),
    [
        ("一輛私家車途經孫中山大馬路時失控。", ["孫中山大馬路"]),
        ("事故发生在宝山东街和兴华街交界。", ["宝山东街", "兴华街"]),
        ("車禍發生在民族路與中山路口。", ["民族路", "中山路"]),
        ("人生道路漫长，这条路很宽，登山路很陡。", []),  # no street named
        ("学生在学校路口等车。", []),  # a common noun's crossing
    ],
)
def test_a_street_named_by_a_word_before_a_street_word_jieba_leaves_apart(full_pipeline, text, streets):
    assert [e.text for e in full_pipeline.extract(text).entities if e.type == "LOC"] == streets


@pytest.mark.parametrize(
    ("text", "places", "people"),
    [
        ("警方在彌敦道近亞皆老街截停一輛私家車。", ["彌敦道"], []),  # the model: PERSON; 彌敦/ns + 道/q: a street
        ("陳道明表示滿意。", [], ["陳道明"]),  # 道 inside a name is no street word
        ("旅客在花蓮站下車後轉乘巴士。", ["花蓮站"], []),  # 花莲/nr 站/v: a listed place before 站 is a station
        ("王玉梅站在門口。", [], ["王玉梅"]),  # a person before the verb 站
        ("信众前往南普陀寺烧香，宝莲禅寺亦有法会。", ["南普陀寺", "宝莲禅寺"], []),  # temples are named places
        ("他在北京东四清真寺礼拜。", ["北京", "东四清真寺"], []),
        ("市民到圣约翰大教堂参加弥撒，俄国教堂、法国教堂林立。", ["圣约翰大教堂", "俄国", "法国"], []),
    ],
)
def test_streets_stations_and_temples_are_places_not_people(full_pipeline, text, places, people):
    entities = full_pipeline.extract(text).entities
    assert [e.text for e in entities if e.type == "LOC"] == places
    assert [e.text for e in entities if e.type == "PERSON"] == people


@pytest.mark.parametrize(
    ("text", "places", "orgs"),
    [
        ("雪兰莪州蒲种一间工厂起火。", ["雪兰莪州", "蒲种"], []),  # the model: one ORG; a state and a town
        ("冠军将在中国、中国台北和韩国选手之间产生。", ["中国", "韩国"], ["中国台北"]),  # no level word: a team's name
        ("渔船在闽南渔场作业时遇险。", ["闽南渔场"], []),  # a fishing ground is a named place
    ],
)
def test_an_organization_of_listed_places_only_is_those_places(full_pipeline, text, places, orgs):
    entities = full_pipeline.extract(text).entities
    assert [e.text for e in entities if e.type == "LOC"] == places
    assert [e.text for e in entities if e.type == "ORG"] == orgs


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("大陸市場的吸引力至關重要。", []),  # the guidelines: 大陆, 内地 name no place
        ("卻是一位臺灣人，福建産茶，福建人也愛喝茶。", ["福建"]),  # 台湾人/n, 福建人/nr: a people, in one word
        ("中国人民银行宣布降息。", []),
    ],
)
def test_a_word_for_where_or_a_people_is_no_place(full_pipeline, text, places):
    assert [e.text for e in full_pipeline.extract(text).entities if e.type == "LOC"] == places


@pytest.mark.parametrize(
    ("text", "places", "orgs"),
    [
        ("拟冲刺沪市主板上市的公司，沪指下跌。", [], []),  # the market and the index of a place
        ("實力強大的蘭州隊收穫112金。", [], ["蘭州隊"]),  # a team named after its place
        ("兩岸關係發展，海峽兩岸交流。", [], []),  # the guidelines: 两岸 is no name
        ("尊重民代發布。", [], []),  # a word for people
    ],
)
def test_markets_teams_and_words_for_sides_or_people(full_pipeline, text, places, orgs):
    entities = full_pipeline.extract(text).entities
    assert [e.text for e in entities if e.type == "LOC"] == places
    assert [e.text for e in entities if e.type == "ORG"] == orgs
