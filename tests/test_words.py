"""Rule mentions against jieba's words: no date or amount inside a name, no verb taken for a person."""

import pytest


def kept_by_whole_words(text, spans, one_character_names=False):
    """What ``whole_words`` keeps of the model's mentions ``(start, end, kind)`` of ``text``."""
    from pipeline.convert import Converter
    from pipeline.extract.base import Mention
    from pipeline.extract.words import whole_words
    from pipeline.segment import Segmenter

    simplified = Converter().convert(text).simplified
    tokens = Segmenter().segment(simplified)
    mentions = [Mention(s, e, kind, "ner", "ner.test", 0.9) for s, e, kind in spans]
    return whole_words(mentions, tokens, simplified, one_character_names)


def after_whole_words(text, start, end, kind):
    """What ``whole_words`` keeps of one model mention ``text[start:end]``, as the texts kept."""
    return [text[m.start : m.end] for m in kept_by_whole_words(text, [(start, end, kind)])]


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        ("《光明日报》发表评论员文章", [], ["明日"]),  # tomorrow is inside a newspaper's name
        ("粉碎“四人帮”以后", [], ["四人"]),
        ("明日起四人一组轮班", ["明日", "四人"], []),  # the same words standing alone
        ("失业率较前年同期高", ["前年同期"], []),  # jieba's 较前年 is a common word, not a name
        ("三星公司今年营收8亿元", ["今年", "8亿元"], []),
    ],
)
def test_dates_and_amounts_inside_names(rules_pipeline, text, kept, dropped):
    found = {e.text for e in rules_pipeline.extract(text).entities if e.type in ("DATE", "AMOUNT")}
    assert set(kept) <= found
    assert not set(dropped) & found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("应当说，形势很好。", "应当"),
        ("这样的豆制品不合格（呼吁）", "呼吁"),
        ("市长满意地说，工程进展顺利。", "满意地"),  # 满意/v 地/uv after a title: words, not a name
        ("校長滿意地說，工程進展順利。", "滿意地"),
        ("老师都不在教室里。", "都不"),  # 都/d 不/d
        ("首次出席院士盛会，我感到荣幸。", "盛会"),  # a common noun after a title
        ("总理和贺龙同志一起介绍。", "和贺龙"),  # a conjunction before the name
    ],
)
def test_a_verb_caught_by_a_name_pattern_is_no_person(rules_pipeline, text, word):
    assert word not in {e.text for e in rules_pipeline.extract(text).entities if e.type == "PERSON"}


def test_a_name_caught_by_the_same_pattern_stays(rules_pipeline):
    assert "王强" in {e.text for e in rules_pipeline.extract("王强说，明年会更好。").entities if e.type == "PERSON"}


def test_a_count_inside_a_longer_model_name_is_part_of_it(full_pipeline):
    doc = full_pipeline.extract("铁道部十四局三处丽华服装厂针对厂内青年女工开展培训。")
    found = {(e.text, e.type) for e in doc.entities}
    assert ("三处", "AMOUNT") not in found
    assert any(t == "ORG" and "丽华服装厂" in text for text, t in found)


@pytest.mark.parametrize(
    ("text", "end", "kept"),
    [
        ("台铁中午发出新闻稿表示", 9, "台铁"),  # the model's name ran into 中午/t 发出 新闻稿
        ("臺鐵中午發出新聞稿表示", 9, "臺鐵"),
        ("张兴旺青年突击队成立", 8, "张兴旺青年突击队"),  # 青年 is tagged t, but is no time
    ],
)
def test_the_models_organization_ends_before_a_time_word(text, end, kept):
    assert after_whole_words(text, 0, end, "ORG") == [kept]


def test_nothing_is_taken_from_a_web_or_mail_address(full_pipeline):
    text = "詳情可瀏覽網頁(www.ihm.gov.mo/zh/2024/05/12)，或電郵至info@ihm.gov.mo查詢。"
    doc = full_pipeline.extract(text)
    links = [(text.index("www"), text.index("，")), (text.index("info"), text.index("查詢"))]
    assert not [e for e in doc.entities if any(s < e.end and e.start < t for s, t in links)]


def test_a_repeated_place_before_a_nationality_word_is_none(full_pipeline):
    for text in ("一名墨西哥籍男子從墨西哥抵港。", "一名墨西哥藉男子從墨西哥抵港。"):
        places = [(e.start, e.text) for e in full_pipeline.extract(text).entities if e.type == "LOC"]
        assert (2, "墨西哥") not in places
        assert (text.rindex("墨西哥"), "墨西哥") in places


@pytest.mark.parametrize(
    ("text", "start", "kept"),
    [
        ("随后黄指示组织部拿出方案", 2, None),  # 黄 + 指示/v: the verb of the clause, no given name; 黄 alone none
        ("隨後黃指示組織部拿出方案", 2, None),
        ("法院判处牛文华有期徒刑三年", 4, "牛文华"),
        ("法院判處牛文華有期徒刑三年", 4, "牛文華"),
        ("老于还住在旧楼里", 1, None),  # 老于: the surname addressed alone, no given name
        ("据程先生介绍", 1, None),  # a surname before 先生 or a title is no name (MSRA tags it)
        ("江主席访美", 0, None),
    ],
)
def test_a_model_surname_alone_takes_the_given_name_after_it(text, start, kept):
    assert after_whole_words(text, start, start + 1, "PERSON") == ([kept] if kept else [])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("孙兴慜在第七十分钟替补登场。", "孙兴慜"),  # the model stops before 慜, a rare character jieba leaves alone
        ("孫興慜在第七十分鐘替補登場。", "孫興慜"),
        ("全红婵、陈芋汐包揽了金银牌。", "全红婵"),
        ("李明在会上发言。", "李明"),  # a common character after the name is none of it
    ],
)
def test_a_model_name_takes_a_rare_character_after_it(text, kept):
    assert after_whole_words(text, 0, 2, "PERSON") == [kept]


@pytest.mark.parametrize(
    ("text", "start", "end", "kept"),
    [
        ("令狐安曾任审计署副审计长。", 2, 3, "令狐安"),  # the model reads 安 alone
        ("令狐安曾任審計署副審計長。", 2, 3, "令狐安"),
        ("东方红太阳升", 2, 3, "红"),  # 东方 is a word before it, no surname
    ],
)
def test_a_model_given_name_after_a_compound_surname_takes_it_in(text, start, end, kept):
    kept_msra = kept_by_whole_words(text, [(start, end, "PERSON")], one_character_names=True)
    assert [text[m.start : m.end] for m in kept_msra] == [kept]  # a one-character name kept as MSRA keeps it


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("王伟中出席开幕式并致辞。", "王伟中"),  # the model stops where jieba cuts 王伟 | 中
        ("王偉中出席開幕式並致辭。", "王偉中"),
        ("王伟中午出席开幕式。", "王伟"),  # 中午 is a time word: no verb after 中
        ("李强和王毅会见外宾。", "李强"),  # a second name after 和: the conjunction
    ],
)
def test_a_model_name_takes_a_given_name_final_before_a_verb(text, kept):
    assert after_whole_words(text, 0, 2, "PERSON") == [kept]


@pytest.mark.parametrize(
    ("text", "end"), [("刘女士说，她已经等了很久。", 3), ("劉女士說，她已經等了很久。", 3), ("据王小姐介绍", 4)]
)
def test_a_model_person_that_is_a_surname_and_an_address_word_is_none(text, end):
    """刘女士 is no name (the real-news guidelines): the surname addressed, not a given name."""
    assert after_whole_words(text, end - 3, end, "PERSON") == []


@pytest.mark.parametrize("text", ["前立委王大明出庭", "前立委王大明出庭".replace("立委", "議員")])
def test_a_title_the_model_reads_as_an_organization_is_none(text):
    assert after_whole_words(text, 1, 3, "ORG") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("新北市長侯友宜上午視察捷運工程。", "新北市"),  # 新北/ns 市長/n: the place keeps its level character
        ("广州市长温国辉上午视察地铁工程。", "广州市"),
        ("北京市市长上午视察地铁工程。", "北京市"),  # written twice: nothing shared
        ("嘉義縣長翁章梁視察災情。", "嘉義縣"),
        ("臺中市林市長建議增設調解委員。", "臺中市"),  # Mayor Lin of 臺中市: the surname is no part of the place
        ("台中市林市长建议增设调解委员。", "台中市"),
    ],
)
def test_a_place_keeps_the_level_character_its_title_shares(full_pipeline, text, place):
    assert place in {e.text for e in full_pipeline.extract(text).entities if e.type == "LOC"}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("國民黨台北市議員王明質詢。", ["國民黨", "台北市"]),  # the party, and the seat of the 市議員
        ("民进党台中市议员王明表示。", ["民进党", "台中市"]),
        ("江南集团深圳市场部表示。", ["江南集团深圳市"]),  # 市场: no title shares the 市
    ],
)
def test_a_place_ending_the_models_organization_before_its_title_is_a_place(text, kept):
    assert after_whole_words(text, 0, len(kept[0]) + (len(kept[1]) if len(kept) > 1 else 0), "ORG") == kept


def test_the_party_before_a_place_whose_level_the_title_shares_holds_the_position(full_pipeline):
    doc = full_pipeline.extract("國民黨台北市議員王明質詢。")
    links = [(doc.entities[r.person].text, r.title, doc.entities[r.organization].text) for r in doc.relations]
    assert links == [("王明", "市議員", "國民黨")]


@pytest.mark.parametrize(
    ("text", "parts", "places"),
    [
        ("兖州区新兖镇牛楼村", [(0, 2), (2, 6), (6, 9)], ["兖州区", "新兖镇", "牛楼村"]),
        ("西合營鎮南大坪村", [(0, 3), (3, 8)], ["西合營鎮", "南大坪村"]),
        ("北京市海淀区", [(0, 3), (3, 6)], ["北京市", "海淀区"]),  # the first has its level: nothing moves
        ("中山市區", [(0, 2), (2, 4)], ["中山", "市區"]),  # one character would be left: nothing moves
        ("墨尔本市政府大楼", [(0, 3), (3, 8)], ["墨尔本", "市政府大楼"]),  # 市政府: a common word begins there
    ],
)
def test_a_level_character_beginning_the_next_place_ends_the_first(text, parts, places):
    from pipeline.convert import Converter
    from pipeline.extract.base import Mention
    from pipeline.extract.edges import place_levels
    from pipeline.segment import Segmenter

    simplified = Converter().convert(text).simplified
    tokens = Segmenter().segment(simplified)
    kept = place_levels([Mention(s, e, "LOC", "ner", "ner.test", 0.9) for s, e in parts], simplified, tokens)
    assert [text[m.start : m.end] for m in kept] == places


@pytest.mark.parametrize(
    ("text", "end", "kept"),
    [
        ("县人民政府副县长王刚出席会议。", 3, "县人民政府"),  # 县/人民政府/nt: the model stopped inside the word
        ("縣人民政府副縣長王剛出席會議。", 3, "縣人民政府"),
        ("是联合国安理会常任理事国。", 7, "联合国安理会"),  # 安理会常任理事国/nt: no head after the model's end
    ],
)
def test_the_models_organization_ends_with_jiebas_organization_word(text, end, kept):
    start = 1 if text.startswith("是") else 0
    assert after_whole_words(text, start, end, "ORG") == [kept]


@pytest.mark.parametrize(("text", "kind"), [("正等待蘇揆拍板定案", "PERSON"), ("李董表示公司將擴產", "PERSON")])
def test_a_surname_and_a_titles_character_is_no_name(text, kind):
    start = 3 if text.startswith("正等待") else 0
    assert after_whole_words(text, start, start + 2, kind) == []


@pytest.mark.parametrize(("text", "start"), [("清潔隊員陳男左腿骨折", 4), ("看管蔡女不得離開", 2)])
def test_a_surname_and_the_persons_sex_is_no_name(text, start):
    assert after_whole_words(text, start, start + 2, "PERSON") == []  # 陳男: the man surnamed Chen (Taiwan's reports)


@pytest.mark.parametrize(
    ("text", "start", "kept"),
    [("並在陳帶領下入住旅館", 2, []), ("在远亲陈某处打工", 3, ["陈"])],
)
def test_the_models_surname_alone_is_no_name_unless_withheld(text, start, kept):
    assert after_whole_words(text, start, start + 1, "PERSON") == kept
    assert len(kept_by_whole_words(text, [(start, start + 1, "PERSON")], one_character_names=True)) == 1


def test_a_titles_character_alone_is_no_place():
    assert after_whole_words("正等待蘇揆拍板定案", 4, 5, "LOC") == []


def test_a_verb_ending_the_models_organization_before_another_name_is_cut():
    from pipeline.convert import Converter
    from pipeline.extract.base import Mention
    from pipeline.extract.words import whole_words
    from pipeline.segment import Segmenter

    text = "据悉,紫金南投系紫金矿业全资子公司。"
    simplified = Converter().convert(text).simplified
    tokens = Segmenter().segment(simplified)
    mentions = [Mention(3, 8, "ORG", "ner", "ner.test", 0.9), Mention(8, 12, "ORG", "rule", "registers.gazetteer", 0.9)]
    assert [text[m.start : m.end] for m in whole_words(mentions, tokens, simplified)] == ["紫金南投", "紫金矿业"]
    # a head jieba tags as a verb stays: 中国战时儿童保育/会
    assert after_whole_words("中国战时儿童保育会成立", 0, 9, "ORG") == ["中国战时儿童保育会"]


@pytest.mark.parametrize(("text", "end"), [("何文田居民李太太表示不滿。", 3), ("石硤尾村民不滿。", 3)])
def test_the_models_person_before_a_word_for_residents_is_a_place(text, end):
    kept = kept_by_whole_words(text, [(0, end, "PERSON")])
    assert [(text[m.start : m.end], m.type) for m in kept] == [(text[:end], "LOC")]


def test_the_models_person_before_another_word_stays_a_person():
    assert after_whole_words("何文田表示不滿。", 0, 3, "PERSON") == ["何文田"]


@pytest.mark.parametrize(
    ("text", "start", "end"), [("一名65歲姓陳男子倒臥街頭。", 6, 9), ("一名李姓司机受伤，李司机说。", 9, 12)]
)
def test_a_surname_and_a_word_for_a_person_is_no_name(text, start, end):
    assert after_whole_words(text, start, end, "PERSON") == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("一名姓黃的男子被捕。", 3, 4), ("姓周女子昨日報案。", 1, 2), ("涉事的刘姓店主称。", 3, 4)],
)
def test_a_surname_named_as_one_is_no_name(text, start, end):
    assert after_whole_words(text, start, end, "PERSON") == []


@pytest.mark.parametrize("first_end", [4, 5])  # 清华大学 | 附属, or cut inside it: 清华大学附 | 属
def test_two_model_organizations_joined_by_a_word_of_attachment_are_one(first_end):
    text = "清华大学附属北京清华长庚医院专家介绍。"
    kept = kept_by_whole_words(text, [(0, first_end, "ORG"), (6, 14, "ORG")])
    assert [(text[m.start : m.end], m.type) for m in kept] == [("清华大学附属北京清华长庚医院", "ORG")]


def test_a_model_organization_before_another_word_is_not_joined():
    assert after_whole_words("清华大学和北京大学", 0, 4, "ORG") == ["清华大学"]


@pytest.mark.parametrize(
    ("text", "spans", "kept"),
    [
        ("中美关系持续升温", [(0, 1, "LOC"), (1, 2, "LOC")], []),  # a compound of abbreviations
        ("大批港澳居民北上", [(2, 3, "LOC"), (3, 4, "LOC")], []),
        ("大批港澳居民北上", [(2, 3, "LOC")], []),  # the model reads one of the two
        ("中日韓關係", [(0, 1, "LOC"), (1, 2, "LOC"), (2, 3, "LOC")], []),
        ("中方表示欢迎", [(0, 1, "LOC")], []),  # 方: a side, a word for people of a place
        ("粤澳两地合作", [(0, 1, "LOC"), (1, 2, "LOC")], ["粤", "澳"]),  # a count of places follows
        ("中日韩三国领导人", [(0, 1, "LOC"), (1, 2, "LOC"), (2, 3, "LOC")], ["中", "日", "韩"]),
        ("在粤澳生可申请", [(1, 2, "LOC")], ["粤"]),  # 澳生 are Macau's students: 粤 stands alone
        ("旅意华侨捐款", [(1, 2, "LOC")], ["意"]),  # 华 of 华侨 is no abbreviation here
        ("他抵港后入住酒店", [(2, 3, "LOC")], ["港"]),
    ],
)
def test_a_one_character_place_in_a_compound_of_abbreviations_is_none(text, spans, kept):
    assert [text[m.start : m.end] for m in kept_by_whole_words(text, spans)] == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("事主陳先生表示，當時正在駕車", []),  # a surname with an address word is no name
        ("李局長指出，案件正在調查", []),
        ("江主席会见了外宾", []),
        ("钱老走时一家人都在身边", []),
        ("王总表示将扩大投资", []),
        ("陈表示同意", []),  # a surname alone standing for a name told before
    ],
)
def test_the_models_lone_surname_is_none(text, kept):
    start = 2 if text.startswith("事主") else 0
    assert after_whole_words(text, start, start + 1, "PERSON") == kept


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("日方表示将尽最大努力", [(0, 1, "LOC")]),  # 日 of 日方: MSRA tags the place of a side
        ("他曾三次参加奥运会", [(6, 7, "LOC")]),
        ("旅美华人华侨捐款", [(1, 2, "LOC"), (2, 3, "LOC")]),
    ],
)
def test_one_character_names_keeps_the_place_of_a_word_for_its_people_or_things(text, spans):
    assert kept_by_whole_words(text, spans) != kept_by_whole_words(text, spans, one_character_names=True)
    assert len(kept_by_whole_words(text, spans, one_character_names=True)) == len(spans)


def test_one_character_names_keeps_msras_conventions():
    from pipeline import Pipeline, Settings

    text = "陈先生表示，中美关系稳定。"
    default = [e.text for e in Pipeline().extract(text).entities]
    msra = [e.text for e in Pipeline(Settings(one_character_names=True)).extract(text).entities]
    assert "陈" not in default and "中" not in default
    assert "陈" in msra and "中" in msra


@pytest.mark.parametrize(
    ("text", "end", "kept"),
    [
        ("九巴董事總經理表示", 4, "九巴"),  # a title from 董 runs past the name's end
        ("新鸿基地产主席郭炳联表示", 7, "新鸿基地产"),  # the name ends in a title
        ("江南省交通运输厅原厅长王刚", 9, "江南省交通运输厅"),  # a modifier before the head's 长
        ("戴姆勒董事会通过决议", 6, "戴姆勒董事会"),  # 董事 inside the name: a board
    ],
)
def test_the_models_organization_ends_before_a_title_it_runs_into(text, end, kept):
    assert after_whole_words(text, 0, end, "ORG") == [kept]


@pytest.mark.parametrize(
    ("text", "start", "end", "name"),
    [
        ("岸田文雄今日抵達華盛頓。", 1, 4, "岸田文雄"),  # the model read 田 as a Chinese surname
        ("据山本太郎透露，法案将被否决。", 1, 3, "山本太郎"),  # the model read the family name alone
        ("与小泉进次郎会面的议员说。", 1, 3, "小泉进次郎"),
    ],
)
def test_the_models_person_cut_out_of_a_japanese_name_is_the_whole_name(text, start, end, name):
    assert after_whole_words(text, start, end, "PERSON") == [name]


def test_the_models_person_after_a_japanese_family_name_word_stays():
    assert after_whole_words("小林说，明天再谈。", 0, 2, "PERSON") == ["小林"]


@pytest.mark.parametrize(("text", "end"), [("出席的有刘洋、赵磊三人。", 10), ("獲獎的是陳明、黃芳兩位。", 10)])
def test_the_models_person_ends_before_a_count_of_people(text, end):
    assert after_whole_words(text, 7, end, "PERSON") == [text[7:9]]


def test_a_name_ending_in_a_numeral_stays():
    assert after_whole_words("王小二说，明年再来。", 0, 3, "PERSON") == ["王小二"]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("他曾获茅盾文学奖提名。", 3, 5), ("诺贝尔和平奖得主今天抵达。", 0, 3), ("諾貝爾和平獎得主今天抵達。", 0, 3)],
)
def test_the_models_person_in_a_prizes_name_is_none(text, start, end):
    assert after_whole_words(text, start, end, "PERSON") == []


def test_the_models_person_who_wins_a_prize_stays():
    assert after_whole_words("莫言获奖后回到家乡。", 0, 2, "PERSON") == ["莫言"]


@pytest.mark.parametrize(
    ("text", "name"), [("犯罪嫌疑人许某某于当晚被抓获。", "许某某"), ("被告人應某某對判決不服。", "應某某")]
)
def test_a_surname_and_mou_stays_whatever_jieba_tags_the_surname(rules_pipeline, text, name):
    assert name in {e.text for e in rules_pipeline.extract(text).entities if e.type == "PERSON"}


@pytest.mark.parametrize(
    ("text", "end", "kept", "kind"),
    [
        ("聂耳故居今天重新开放。", 2, "聂耳故居", "LOC"),  # a landmark named after a person
        ("冼星海纪念馆迎来大批游客。", 3, "冼星海纪念馆", "LOC"),
        ("霍英东基金会宣布捐款。", 3, "霍英东基金会", "ORG"),
    ],
)
def test_the_models_person_before_the_head_of_a_thing_named_after_them_is_that_thing(text, end, kept, kind):
    found = kept_by_whole_words(text, [(0, end, "PERSON")])
    assert [(text[m.start : m.end], m.type) for m in found] == [(kept, kind)]


def test_the_models_person_before_a_verb_stays():
    assert after_whole_words("聂耳站在台上指挥。", 0, 2, "PERSON") == ["聂耳"]


def test_the_models_person_running_into_an_english_given_name_is_two():
    text = "店主黃家明Kelvin表示。"
    kept = kept_by_whole_words(text, [(2, 11, "PERSON")])
    assert [(text[m.start : m.end], m.type) for m in kept] == [("黃家明", "PERSON"), ("Kelvin", "PERSON")]


@pytest.mark.parametrize(("text", "name"), [("李在勋在首尔表示。", "李在勋"), ("朴正浩和金在焕在会上发言。", "金在焕")])
def test_the_models_person_cut_after_a_function_character_of_a_given_name_takes_the_next(text, name):
    start = text.index(name)
    assert after_whole_words(text, start, start + 2, "PERSON") == [name]


@pytest.mark.parametrize(("text", "kept"), [("李在北京工作。", "李在"), ("与村民廖某私下协商。", "廖某")])
def test_the_models_surname_before_a_preposition_and_a_word_or_mou_stays(text, kept):
    start = text.index(kept)
    assert after_whole_words(text, start, start + 2, "PERSON") == [kept]


@pytest.mark.parametrize(
    ("text", "start", "end", "kept"),
    [
        ("公司股东华能投资集团拟减持股份", 0, 10, ["华能投资集团"]),  # a role noun is no part of the name
        ("受让方福州城投拟受让股份", 0, 7, ["福州城投"]),
        ("客户服务中心今日开通热线", 0, 6, ["客户服务中心"]),  # 服务中心 alone names no body: kept whole
        ("該集團旗下投資物業出租率上升", 7, 9, []),  # a trade word alone names no body
        ("公司表示业绩增长", 0, 2, []),
        ("邀请政协委员旁听", 2, 4, []),  # a bare assembly before a member's title
        ("参加视察的人大代表表示", 5, 7, []),
        ("区人大代表参加视察", 0, 3, ["区人大"]),  # its level names the body
        ("政协委员会召开会议", 0, 2, ["政协"]),  # 委员会: the body itself
    ],
)
def test_the_models_organization_without_a_role_word_or_no_body(text, start, end, kept):
    assert after_whole_words(text, start, end, "ORG") == kept


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        ("华为手机、华为平板等产品销量上升", True),  # a brand for its products in a list
        ("海尔冰箱和海尔洗衣机热销", True),
        ("小米手机业务收入增长", False),  # the company's business
        ("海信电视公司发布公告", False),
    ],
)
def test_a_brand_before_a_listed_product_is_no_organization(text, dropped):
    assert (after_whole_words(text, 0, 2, "ORG") == []) is dropped
