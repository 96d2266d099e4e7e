"""People, organization and place rules on sentences written for these tests (both scripts)."""

import dataclasses

import pytest

from pipeline import Settings
from pipeline.extract.orgs import OrgExtractor
from pipeline.extract.people import PersonExtractor
from pipeline.extract.places import PlaceExtractor


def spans(mentions, text):
    return [text[m.start : m.end] for m in mentions]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("省教育厅基础教育处处长王建军表示，今年将新建学校。", ["王建军"]),
        ("上海市慈善基金會理事長周文華說，基金會將繼續資助。", ["周文華"]),
        ("项目负责人欧阳明介绍，工程已完工。", ["欧阳明"]),
        ("“这是好事。”张丽华表示。", ["张丽华"]),
        ("本报记者李强、赵敏报道", ["李强", "赵敏"]),
        ("市政府秘書長陳志明8日主持會議，研究防汛工作。", ["陳志明"]),  # a date right after the name
        ("美国总统拜登今日表示将继续谈判。", ["拜登"]),  # a transliterated name (jieba's nrt) after a title
        ("美國總統拜登今日表示將繼續談判。", ["拜登"]),
        ("竹北市長鄭朝方今(6)日表示，將增設托育中心。", ["鄭朝方"]),  # 今(6)日, as the Taiwanese press writes it
        ("市长周文华向记者介绍，工程已完工。", ["周文华"]),  # a preposition right after the name
        ("董事长王明远对此表示乐观。", ["王明远"]),  # the shortest name that a follower follows
        ("外交部副部长傅建华表示，中方愿意合作。", ["傅建华"]),  # 傅 and 阎: census top-100 surnames
        ("清華大學教授閻志強指出，局勢可控。", ["閻志強"]),
    ],
)
def test_people(make_context, text, names):
    found = spans(PersonExtractor().find(make_context(text)), text)
    assert sorted(set(found)) == sorted(names)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("会议结束。周立新出席了签约仪式。", "周立新"),
        ("記者會後。陳家豪主持頒獎禮。", "陳家豪"),
        ("。刘文华宣布退役。", "刘文华"),
    ],
)
def test_a_clauses_subject_before_an_attending_verb(make_context, text, name):
    assert spans(PersonExtractor().find(make_context(text)), text) == [name]


@pytest.mark.parametrize(
    ("text", "name"), [("。陳建華隨後表示，會再研究。", "陳建華"), ("会后，。周海涛昨日指出，问题已解决。", "周海涛")]
)
def test_a_clauses_subject_before_an_adverb_and_a_speech_verb(make_context, text, name):
    assert spans(PersonExtractor().find(make_context(text)), text) == [name]


@pytest.mark.parametrize("text", ["。他们都表示支持。", "。专家也指出问题。", "会议还表示，要加强监管。"])
def test_a_pronoun_or_a_common_noun_before_an_adverb_is_no_speaker(rules_pipeline, text):
    assert [e for e in rules_pipeline.extract(text).entities if e.type == "PERSON"] == []


@pytest.mark.parametrize("text", ["集團總裁羅嘉明說，業績將回升。", "集团总裁罗嘉明说：业绩将回升。"])
def test_a_titled_name_ending_where_a_speech_verb_makes_a_word_with_it(make_context, text):
    found = [m for m in PersonExtractor().find(make_context(text)) if m.rule == "people.titled"]
    assert [(text[m.start : m.end], m.structured) for m in found] == [(text[4:7], True)]


def test_an_attending_verb_that_begins_a_noun_is_none(make_context):
    found = PersonExtractor().find(make_context("白宫发言人说，总统将出席峰会。"))
    assert [m for m in found if m.rule == "people.speaker"] == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("据郑晓光教授介绍，该药已进入临床试验。", ["郑晓光"]),  # after 据, the title after the name
        ("據鄭曉光教授介紹，該藥已進入臨床試驗。", ["鄭曉光"]),
        ("她与何东升导演合作拍摄了纪录片。", ["何东升"]),
        ("潘玉梅女士向母校捐赠了一批图书。", ["潘玉梅"]),
        ("林志豪夫婦出席了婚禮。", ["林志豪"]),
        ("陪同刘国中副总理考察的还有省长。", ["刘国中"]),  # 中 ends the given name jieba reads whole
    ],
)
def test_a_name_with_its_title_after_it(make_context, text, names):
    found = [m for m in PersonExtractor().find(make_context(text)) if m.rule == "people.title_after"]
    assert spans(found, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "党委书记出席会议。",
        "高级工程师表示。",
        "时任主席说。",
        "涉事的刘姓司机称。",
        "，曾任总理的他说。",
        "，并任主席。",
    ],
)
def test_a_word_before_a_title_is_no_name(make_context, text):
    found = [m for m in PersonExtractor().find(make_context(text)) if m.rule == "people.title_after"]
    assert found == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("省人民医院院长周建国提醒市民接种疫苗。", "周建国"),  # 提醒/v: no speech verb, but a verb of two
        ("省人民醫院院長周建國提醒市民接種疫苗。", "周建國"),
        ("县委书记孟庆海率领工作组抵达灾区。", "孟庆海"),
        ("總經理陳志強仍在醫院接受治療。", "陳志強"),  # an adverb after the name
        ("记者吴晓鹏从市交通局获悉。", "吴晓鹏"),  # a preposition
    ],
)
def test_a_titled_name_before_any_verb_or_adverb(make_context, text, name):
    found = [m for m in PersonExtractor().find(make_context(text)) if m.rule == "people.titled"]
    assert spans(found, text) == [name]


@pytest.mark.parametrize("text", ["局长高度重视此事。", "书记亲自部署工作。", "记者注意到现场秩序井然。"])
def test_a_word_between_a_title_and_a_verb_is_no_name(rules_pipeline, text):
    assert [e for e in rules_pipeline.extract(text).entities if e.type == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("檢方將他的妻子洪美玲、岳父洪信義一併起訴。", ["洪美玲", "洪信義"]),  # kin before the name, as a role
        ("据悉，死者女婿陈立军已报警。", ["陈立军"]),
        ("記者林志豪／台北報導", ["林志豪"]),  # a Taiwanese byline: the name, a slash, the place
        ("民進黨立委 葉宜津 指出，票價應調降。", ["葉宜津"]),  # a space after the title
    ],
)
def test_a_name_after_kin_a_byline_slash_or_a_spaced_title(make_context, text, names):
    assert sorted(spans(PersonExtractor().find(make_context(text)), text)) == sorted(names)


@pytest.mark.parametrize(
    "text", ["他的妻子和女儿都在外地。", "。儿子在外地打工。", "妻子表示支持。", "关注妇女儿童权益等问题。"]
)
def test_a_kin_word_alone_is_no_name(make_context, text):
    assert PersonExtractor().find(make_context(text)) == []


@pytest.mark.parametrize("text", ["这位老师傅已经退休了。", "老師傅們已經下班。"])
def test_a_title_inside_a_longer_word_reads_no_name(make_context, text):
    assert [m for m in PersonExtractor().find(make_context(text)) if m.rule == "people.titled"] == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("15岁的小琪（化名）说，她每天都要补课。", ["小琪"]),  # a name the report gives in place of the real one
        ("事主阿強（化名）報案稱被騙。", ["阿強"]),  # after a role word jieba joins nothing to
        ("受害人张女士（化名）说。", []),  # a surname with an address is no name, pseudonym or not
    ],
)
def test_a_pseudonym_is_a_name(make_context, text, names):
    found = [m for m in PersonExtractor().find(make_context(text)) if m.rule == "people.pseudonym"]
    assert spans(found, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("一位名叫龚德顺的老兵讲述了往事。", ["龚德顺"]),  # the text gives the name
        ("他給兒子取名為陳思遠。", ["陳思遠"]),
        ("一家名叫黄河的餐厅开业了。", []),  # a word, not a name
        ("一只名叫欢欢的熊猫。", []),  # no surname
    ],
)
def test_a_name_after_named_is_a_person(make_context, text, names):
    found = [m for m in PersonExtractor().find(make_context(text)) if m.rule == "people.named"]
    assert spans(found, text) == names


@pytest.mark.parametrize("text", ["。丰田汽车表示，销量增长。", "。鈴木汽車表示，銷量增長。"])
def test_a_japanese_family_name_and_a_trade_is_a_company_no_person(make_context, text):
    assert PersonExtractor().find(make_context(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "会长说，协会将继续工作。",
        "主任委员会议在京召开。",
        "局长表示同意。",
        "他们都说好。",
        "。王局长表示同意。",
        "。李董表示同意。",
    ],
)
def test_no_person_without_a_name(make_context, text):
    assert PersonExtractor().find(make_context(text)) == []


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("浙江省商务厅发布消息", ["浙江省商务厅"]),
        ("深圳华为技术有限公司发布新品", ["深圳华为技术有限公司"]),
        ("他在北京大学读书", ["北京大学"]),
        ("深圳市福田區慈善會組織活動", ["深圳市福田區慈善會"]),
        # verbs inside a name, but not after a person or an organization (the verb's subject)
        ("自治区民政厅社会组织管理局负责人说", ["自治区民政厅社会组织管理局"]),
        # 买下 ends the first name; 纽新/ns + 公司 is a place and a bare 公司, a hint only (see below)
        ("美国大西洋贝尔公司买下纽新公司", ["美国大西洋贝尔公司"]),
        ("1989年，张作玺主持创办明德中学", ["明德中学"]),
        ("成都一家著名电脑公司斥资百万", []),  # a company in 成都, no name (its generic rest is below 0.7)
        # a bare head word before a name is a common noun; common words before the name describe it
        ("美国第四大银行美洲银行宣布合并", ["美洲银行"]),
        ("家具城的经营者京源华美装饰公司损失很大", ["京源华美装饰公司"]),
        ("他后调西安美术学院任教", ["西安美术学院"]),
        # a linking verb is never inside a name: what follows it says what the subject is
        ("江南七局作为国内一流投资建设集团，具备实力", []),
        ("江南七局作為國內一流投資建設集團，具備實力", []),
        # a government is named after a place, never after a person, and holds no verb
        ("中国政府郑重宣布", ["中国政府"]),
        ("张家口崇礼县政府副县长于有斌表示", ["张家口崇礼县政府"]),  # 张家口/nr: a listed place all the same
        ("北京市政府决定", ["北京市政府"]),
        ("北京市人民政府决定", ["北京市人民政府"]),
        ("会议由市人民政府主办", ["市人民政府"]),  # a level alone and the formal name: the text's own city's
        ("香港特区政府对此表示失望", ["香港特区政府"]),
        ("广西壮族自治区人民政府发布通知", ["广西壮族自治区人民政府"]),
        ("金大中新政府成立后", []),
        ("克林顿政府表示", []),
        ("由襄樊市委市政府联合摄制", ["襄樊市委", "市政府"]),  # the committee, and the level's government alone
        ("会议由市政府主办", ["市政府"]),
        ("工人在里加集会抗议政府增加税收", []),
    ],
)
def test_orgs(make_context, text, orgs):
    found = [m for m in OrgExtractor().find(make_context(text)) if m.confidence >= 0.7]
    assert spans(found, text) == orgs


@pytest.mark.parametrize(
    ("region", "orgs"), [("tw", ["臺北市政府"]), ("hk", ["臺北市政府"]), ("mainland", []), ("unknown", [])]
)
def test_msras_convention_keeps_a_place_government_where_it_is_the_official_name(make_context, region, orgs):
    ctx = dataclasses.replace(make_context("臺北市政府表示"), region=region)
    found = [m for m in OrgExtractor(governments_by_place=False).find(ctx) if m.confidence >= 0.7]
    assert spans(found, "臺北市政府表示") == orgs
    found = [m for m in OrgExtractor().find(ctx) if m.confidence >= 0.7]
    assert spans(found, "臺北市政府表示") == ["臺北市政府"]


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("资金由市民政局统一拨付", ["市民政局"]),
        ("資金由市民政局統一撥付", ["市民政局"]),
        ("记者从区公安局获悉", ["区公安局"]),
        ("省住建厅近日发布通知", ["省住建厅"]),
        ("省住建廳近日發布通知", ["省住建廳"]),
        ("县人社局相关负责人介绍", ["县人社局"]),
        # a count, a determiner or another level before the level word: which bodies, no name
        ("两市民政局联合发文", []),
        ("各市民政局联合发文", []),
        ("省市县民政局联合发文", []),
    ],
)
def test_a_level_word_and_a_department_are_the_body_of_the_texts_place(make_context, text, orgs):
    found = [m for m in OrgExtractor().find(make_context(text)) if m.confidence >= 0.7]
    assert spans(found, text) == orgs


@pytest.mark.parametrize(
    "text", ["党的十四届六中全会在北京召开", "市政府昨日举行新闻发布会", "市政府昨日舉行新聞發佈會"]
)
def test_a_meeting_is_no_organization(make_context, text):
    assert not [m for m in OrgExtractor().find(make_context(text)) if text[m.end - 1] in "会會"]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("通过中国驻意使馆捐款", "中国驻意使馆"),
        ("中國駐洛杉磯總領事館提醒僑胞", "中國駐洛杉磯總領事館"),
        ("解放军驻港部队举行开放日", "解放军驻港部队"),
    ],
)
def test_a_mission_in_a_place_is_one_organization(make_context, text, org):
    found = [text[m.start : m.end] for m in OrgExtractor().find(make_context(text)) if m.confidence >= 0.7]
    assert found == [org]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("河南户外救援队义马分队紧急赶到", "河南户外救援队义马分队"),  # a unit of a body: 分队, 支队, 分行
        ("中國銀行廣州分行今日開業", "中國銀行廣州分行"),
        ("南宁晚报、南宁电台等媒体参加", "南宁电台"),
    ],
)
def test_a_unit_of_a_body_is_one_name_with_it(make_context, text, org):
    assert org in [text[m.start : m.end] for m in OrgExtractor().find(make_context(text))]


@pytest.mark.parametrize("text", ["教育及青年發展局長龔志明出席", "教育及青年发展局长龚志明出席"])
def test_a_listed_body_whose_last_character_begins_the_title_is_found(make_context, text):
    found = [text[m.start : m.end] for m in OrgExtractor().find(make_context(text))]
    assert text[:8] in found  # 教育及青年发展局 + 长: 局长 shares the 局


def test_a_verb_beginning_with_zhu_is_no_mission(make_context):
    assert not [m for m in OrgExtractor().find(make_context("他长期驻守边疆部队")) if m.rule == "orgs.mission"]


def test_one_place_and_a_bare_company_head_is_a_hint(make_context):
    for text, name in (("许多美国公司来华投资", "美国公司"), ("贝尔公司买下纽新公司", "纽新公司")):
        found = {text[m.start : m.end]: m.confidence for m in OrgExtractor().find(make_context(text))}
        assert found[name] == 0.5  # kept only where the model reads the same name
    text = "深圳航空公司宣布"
    assert [m.confidence for m in OrgExtractor().find(make_context(text))] == [0.85]


@pytest.mark.parametrize(
    "text",
    [
        "世界格局发生深刻变化",
        "这个社区的居民很多",
        "该中心服务老人",
        "机会难得",
        "许多美国公司来华投资",
        "日本公司宣佈裁員",
        "正定县机关干部参加培训",  # 机关干部/n ends in 部: people, no department
        "正定縣機關幹部參加培訓",
    ],
)
def test_no_org_from_common_words(make_context, text):
    assert [m for m in OrgExtractor().find(make_context(text)) if m.confidence >= 0.7] == []


@pytest.mark.parametrize("text", ["新款手机将于下月上市", "新款手機將於下月上市", "外资加速入市", "古镇曾是交通重镇"])
def test_no_place_from_common_words_jieba_tags_ns(make_context, text):
    assert spans(PlaceExtractor().find(make_context(text)), text) == []


def test_place_suffix_grammar_joins_words(make_context):
    text = "河池市环江毛南族自治县城西社区"
    found = spans(PlaceExtractor().find(make_context(text)), text)
    assert "环江毛南族自治县" in found
    assert "河池市" in found
    assert "城西社区" not in found


@pytest.mark.parametrize(
    ("text", "place", "trusted"),
    [
        ("柳州市融水苗族自治县举办活动", "融水苗族自治县", True),
        ("台风在广东台山海宴镇登陆", "台山海宴镇", False),  # a run of words up to a level: the model decides
        ("他来到山东省平度市", "平度市", True),  # one place word of jieba's with its level (平度市/ns) stands
    ],
)
def test_an_ethnic_autonomous_area_is_trusted_without_the_model(make_context, text, place, trusted):
    by_text = {text[m.start : m.end]: m for m in PlaceExtractor().find(make_context(text))}
    assert (by_text[place].confidence >= Settings().min_rule_confidence) is trusted


def test_gazetteer_places_only_as_whole_words(make_context):
    text = "他在中环上班，周末去高雄。这个平台中的数据很多。"
    found = [m for m in PlaceExtractor().find(make_context(text)) if m.rule == "places.gazetteer"]
    assert spans(found, text) == ["中环", "高雄"]


@pytest.mark.parametrize(
    ("text", "org"),
    [("公司股东江南投资集团今日公告", "江南投资集团"), ("受让方江南投资集团拟合计受让股份", "江南投资集团")],
)
def test_a_role_noun_before_a_company_is_no_part_of_its_name(make_context, text, org):
    assert org in spans([m for m in OrgExtractor().find(make_context(text)) if m.confidence >= 0.7], text)


@pytest.mark.parametrize(
    ("text", "describer"),
    [
        ("据悉，美国有关公司已经停产。", "有关"),
        ("據悉，美國有關公司已經停產。", "有關"),
        ("它是德国三大汽车公司之一。", "三大"),
        ("它是德國三大汽車公司之一。", "三大"),
        ("法国全国性日报昨天发表社论。", "全国性"),
        ("本报讯北京首家环保服务中心日前成立。", "首家"),
    ],
)
def test_a_word_that_describes_the_body_ends_the_name(make_context, text, describer):
    """The suffix walk stops at a describer: no organization holds it."""
    found = spans(OrgExtractor().find(make_context(text)), text)
    assert not any(describer in name for name in found), found


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("记者走访了广州市几位中学校长。", "几位"),
        ("記者走訪了廣州市幾位中學校長。", "幾位"),
        ("英国一些银行已经停止放贷。", "一些"),
        ("英國一些銀行已經停止放貸。", "一些"),
        ("它是浙江省第一家民营航空公司。", "第一家"),
        ("它是浙江省第一家民營航空公司。", "第一家"),
    ],
)
def test_a_count_ends_the_name(make_context, text, count):
    """A count or an ordinal count before a head (几位, 一些, 第一家) says how many or which, and names nothing."""
    found = spans(OrgExtractor().find(make_context(text)), text)
    assert not any(count in name for name in found), found


@pytest.mark.parametrize(
    "text",
    [
        "他毕业于湖南某大学，后来去了北京。",
        "他畢業於湖南某大學，後來去了北京。",
        "国家将加大对中西部地区的投入。",
        "财政部会同国务院有关部门制定办法。",  # 会同 joins two bodies: no 财政部会同国务院
        "國家將加大對中西部地區的投入。",
    ],
)
def test_a_determiner_word_or_a_direction_part_is_no_body(make_context, text):
    """某大学 (a determiner and a head in one word) and 中西部 (directions only) name no organization; nor does
    a walk across 会同."""
    found = spans(OrgExtractor().find(make_context(text)), text)
    assert not any(len(name) > 4 or name in ("某大学", "某大學", "中西部") for name in found), found


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("昨日，华恒生物董事长陈立平宣布扩产。", "华恒生物"),
        ("昨日，華恒生物董事長陳立平宣布擴產。", "華恒生物"),
        ("新任会长永明科技总经理李国强致辞。", "永明科技"),
        ("新任會長永明科技總經理李國強致辭。", "永明科技"),
        ("据悉，华远物流荣誉董事长王建华出席。", "华远物流"),
        ("據悉，華遠物流榮譽董事長王建華出席。", "華遠物流"),
        ("他会见了国际能源署行政总裁比罗尔。", "国际能源署"),
        ("会长、海星航运集团董事总经理陈国华致辞。", "海星航运集团"),  # jieba's 董事 + 总经理: one title
        ("前中影董事長、前立委李正文被起訴。", "中影"),  # a rare word; the name after another title
        ("华恒生物轮值董事长陈立平宣布扩产。", "华恒生物"),  # a rotating chair: 轮值 is the title's
        ("華恒生物執行董事陳立平宣布擴產。", "華恒生物"),
        ("第四被告永明科技執行董事陳立平出庭。", "永明科技"),  # a party to the case is no part of the name
        ("图为华远地产常务副总李国强。", "华远地产"),  # 副总: a company's deputy general manager
    ],
)
def test_the_words_before_a_company_title_and_a_name_are_the_company(make_context, text, org):
    """An unknown company before 董事长/总经理 and a person's name, back to the clause boundary or a title."""
    found = [m for m in OrgExtractor().find(make_context(text)) if m.rule == "orgs.titled"]
    assert spans(found, text) == [org]


@pytest.mark.parametrize(
    "text",
    [
        "她是首位女性董事长王美玲。",
        "全球最大代工厂董事长张明表示。",
        "公司董事长王明说，利润增长。",
        "该公司总经理李强说，利润增长。",
        "台湾公司董事长李强说，利润增长。",
        "上市公司董事长李强说，利润增长。",
        "龙头企业董事长李强说，利润增长。",
        "董事长王明说，利润增长。",
        "华恒生物董事长表示将扩产。",  # no name after the title
    ],
)
def test_no_company_from_a_description_before_a_company_title(make_context, text):
    assert [m for m in OrgExtractor().find(make_context(text)) if m.rule == "orgs.titled"] == []


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("文建會昨天宣布補助計畫。", "文建會"),
        ("台鐵局表示，列車將準點發車。", "台鐵局"),
        ("原能會今天召開會議。", "原能會"),
    ],
)
def test_a_taiwanese_agency_by_its_name_before_the_reorganisation_is_listed(make_context, text, body):
    """Archives of 2010–2023 name agencies the reorganisations renamed (文建会 → 文化部): still listed bodies."""
    ctx = dataclasses.replace(make_context(text), region="tw")
    found = [m for m in OrgExtractor().find(ctx) if m.rule == "orgs.gazetteer"]
    assert spans(found, text) == [body]


@pytest.mark.parametrize(("text", "body"), [("银监会昨天发布通知。", "银监会"), ("銀監會昨天發布通知。", "銀監會")])
def test_a_mainland_department_by_its_name_before_a_reform_is_listed(make_context, text, body):
    """银监会 (2003–2018) is a listed body in mainland text, as 国家金融监督管理总局 is."""
    ctx = dataclasses.replace(make_context(text), region="mainland")
    assert spans([m for m in OrgExtractor().find(ctx) if m.rule == "orgs.gazetteer"], text) == [body]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("(亚罗士打3日讯)州务大臣表示支持。", "亚罗士打"),
        ("（新山27日訊）民主行動黨表示。", "新山"),
        ("（中央社台北25日電）行政院今天表示。", "台北"),
    ],
)
def test_the_place_of_a_bracketed_dateline_is_a_place(make_context, text, place):
    found = [m for m in PlaceExtractor().find(make_context(text)) if m.rule == "places.dateline"]
    assert spans(found, text) == [place]


def test_a_reporters_credit_is_no_dateline_place(make_context):
    text = "（中央社記者王明台南10日電）會議今天舉行。"
    assert [m for m in PlaceExtractor().find(make_context(text)) if m.rule == "places.dateline"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("日本首相安倍晋三访华。", "安倍晋三"),  # no speech verb after the name: the word ends it
        ("日本首相岸田文雄表示支持。", "岸田文雄"),  # jieba cuts 岸 | 田文雄
        ("日本外相上川陽子會見美國國務卿。", "上川陽子"),
        ("防卫大臣岩屋毅出席会议。", "岩屋毅"),  # a one-character given name; the verb is no part of it
        ("東京都知事小池百合子宣布。", "小池百合子"),  # a three-character given name of common words
        ("首相小泉进次郎当选。", "小泉进次郎"),
        ("总干事中岛宏博士出席。", "中岛宏"),  # a title after the name is none of it
        ("日本首相石破茂今天表示。", "石破茂"),  # nor a time word after it
        ("日本首相石破茂昨日表示。", "石破茂"),
    ],
)
def test_a_japanese_name_after_a_title(rules_pipeline, text, name):
    assert [e.text for e in rules_pipeline.extract(text).entities if e.type == "PERSON"] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("董事长兼CEO雷军表示，新车将于明年上市。", "雷军"),
        ("該公司CFO陳大明今天表示，營收增長。", "陳大明"),
    ],
)
def test_a_name_after_a_title_in_latin_letters(rules_pipeline, text, name):
    assert [e.text for e in rules_pipeline.extract(text).entities if e.type == "PERSON"] == [name]


@pytest.mark.parametrize("text", ["田中村民正在耕作。", "小林里的树长高了。", "会长说，上野公园的樱花开了。"])
def test_a_japanese_family_name_without_a_title_is_no_rule_name(make_context, text):
    assert PersonExtractor().find(make_context(text)) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("中国人民银行行长潘功胜在论坛上发表演讲。", "潘功胜"),  # an office that is not in the titles
        ("中國人民銀行行長潘功勝在論壇上發表演講。", "潘功勝"),
        ("被告人王某在庭审中表示认罪认罚。", "王某"),  # a part in a case
        ("據消防員韓立新介紹，火災原因正在調查中。", "韓立新"),  # a trade
        ("国务资政李显龙出席了社区活动。", "李显龙"),
        ("教授周其凤认为，基础研究需要长期投入。", "周其凤"),  # 其 begins the given name
        ("教授周其鳳認為，基礎研究需要長期投入。", "周其鳳"),
    ],
)
def test_a_name_after_a_role_word(make_context, text, name):
    assert set(spans(PersonExtractor().find(make_context(text)), text)) == {name}


@pytest.mark.parametrize("text", ["。李董事表示同意。", "主席尤其强调安全。", "村民代表表示同意。"])
def test_a_role_word_or_a_pronoun_after_a_surname_is_no_name(make_context, text):
    assert PersonExtractor().find(make_context(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "赵先生表示，他对处理结果不满意。",
        "陳先生表示，事件令他十分困擾。",
        "刘女士说，她已经等了三个多小时。",
        "劉女士說，她已經等了三個多小時。",
        "。黃太說，她的兒子已經失蹤三日。",  # 黃太: Mrs Wong, as the Hong Kong press writes it
        "。黄太说，她的儿子已经失踪三日。",
        "市民张小姐表示不满。",
        "。何伯說，他在這裡住了六十年。",  # 何伯: old Mr Ho
    ],
)
def test_a_surname_with_an_address_word_is_no_rule_name(make_context, text):
    assert PersonExtractor().find(make_context(text)) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("端木蕻良是著名作家。", "端木蕻良"),  # no title, no speech verb: the rare surname says a name stands here
        ("令狐安曾任审计署副审计长。", "令狐安"),  # an adverb after a one-character given name
        ("令狐安曾任審計署副審計長。", "令狐安"),
        ("欧阳自远院士被誉为嫦娥之父。", "欧阳自远"),  # a title after the name
        ("歐陽自遠院士被譽為嫦娥之父。", "歐陽自遠"),
        ("上官云飞表示，他将全力备战。", "上官云飞"),
    ],
)
def test_a_compound_surname_and_its_given_name(make_context, text, name):
    assert set(spans(PersonExtractor().find(make_context(text)), text)) == {name}


@pytest.mark.parametrize(("text", "name"), [("端木赐是孔子的学生。", "端木赐"), ("端木賜是孔子的學生。", "端木賜")])
def test_a_compound_surname_vouches_for_a_given_name_of_common_words(rules_pipeline, text, name):
    """端木/n 赐/v: common words to jieba, a name after the rare surname."""
    assert [e.text for e in rules_pipeline.extract(text).entities if e.type == "PERSON"] == [name]


@pytest.mark.parametrize(
    "text",
    ["东方航空公司发布公告。", "上官村的村民都来了。", "欧阳路口发生事故。", "他在慕容山庄度假。", "第五届大会开幕。"],
)
def test_a_compound_surname_word_or_a_place_is_no_name(make_context, text):
    assert PersonExtractor().find(make_context(text)) == []


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("（中央社記者蘇龍麒台北電）", "蘇龍麒", "台北"),  # a three-character name, then the place
        ("（中央社记者苏龙麒台北电）", "苏龙麒", "台北"),
        ("中央社記者王明台北25日電", "王明", "台北"),  # a two-character name, then the place and the day
        ("記者林志明高雄電", "林志明", "高雄"),
        ("中央社记者黄雅诗华盛顿24日专电", "黄雅诗", "华盛顿"),
        ("（中央社記者楊淑閔台北4日電）", "楊淑閔", "台北"),  # 杨淑/n 闵/nr: the gazetteer takes 闵 for a surname
    ],
)
def test_a_reporter_before_the_datelines_place(make_context, text, name, place):
    found = PersonExtractor().find(make_context(text))
    assert spans([m for m in found if m.type == "PERSON"], text) == [name]
    assert spans([m for m in found if m.type == "LOC"], text) == [place]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("省委书记王伟中出席会议并讲话。", "王伟中"),  # 中 before 出席 is the given name's, no locality word
        ("省委書記王偉中出席會議並講話。", "王偉中"),
        ("。黄家和指出，中小企业面临压力。", "黄家和"),  # 和 with no second conjunct is the name's
        ("。黃家和指出，中小企業面臨壓力。", "黃家和"),
        ("董事长李大为表示，公司将扩产。", "李大为"),
        ("项目经理孔祥同介绍说，工程已完工。", "孔祥同"),  # 同 (with) with no one after it likewise
    ],
)
def test_a_given_name_final_before_a_verb_is_the_names(make_context, text, name):
    assert spans(PersonExtractor().find(make_context(text)), text) == [name]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("董事长王明和李强出席。", ["王明"]),  # 和 between two names stays a conjunction
        ("市长周文华和副市长李明出席。", ["周文华", "李明"]),
        ("省长李强将出席会议。", ["李强"]),  # an adverb before the verb is none of the name
        ("经理李明同记者交谈。", ["李明"]),
        ("董事长马云曾表示支持。", ["马云"]),  # 曾 before the speech verb: an adverb, not the given name's
        ("主席曾钰成曾表示。", ["曾钰成"]),
        ("教授李明指，风险可控。", ["李明"]),  # 指: 'said', as Hong Kong and Taiwan papers write it
        ("立法會議員陳克勤指，政府應加快。", ["陳克勤"]),
    ],
)
def test_a_conjunction_or_adverb_between_names_and_verbs_stays_outside(make_context, text, names):
    assert spans(PersonExtractor().find(make_context(text)), text) == names


@pytest.mark.parametrize(
    ("text", "name"),
    [("拿督斯里黄家和指出，中小企业面临压力。", "黄家和"), ("拿督斯里黃家和指出，中小企業面臨壓力。", "黃家和")],
)
def test_a_name_after_a_malaysian_honorific_takes_its_given_name_final(rules_pipeline, text, name):
    assert [e.text for e in rules_pipeline.extract(text).entities if e.type == "PERSON"] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("前首相安倍晋三的遗孀出席了活动。", "安倍晋三"),  # 的 after the name is none of it
        ("前首相安倍晉三的遺孀出席了活動。", "安倍晉三"),
        ("外相上川阳子在会上发言。", "上川阳子"),
    ],
)
def test_a_japanese_given_name_ends_before_a_function_word(rules_pipeline, text, name):
    assert [e.text for e in rules_pipeline.extract(text).entities if e.type == "PERSON"] == [name]


@pytest.mark.parametrize(
    ("text", "name"), [("日本前首相岸田文雄访问了美国。", "岸田文雄"), ("日本前首相岸田文雄訪問了美國。", "岸田文雄")]
)
def test_a_titled_japanese_name_is_kept_over_the_models_cut(full_pipeline, text, name):
    """The model reads 岸 + 田文雄; the title and the listed family name say where the name begins."""
    assert [e.text for e in full_pipeline.extract(text).entities if e.type == "PERSON"] == [name]


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        (
            "巫统和马华公会组成国阵，希盟则由公正党和行动党组成。",
            ["巫统", "马华公会", "国阵", "希盟", "公正党", "行动党"],
        ),
        ("新加坡工人黨獲得10席。", ["工人黨"]),
    ],
)
def test_malaysian_and_singaporean_parties_are_listed_where_the_region_is_unknown(make_context, text, orgs):
    assert spans(OrgExtractor().find(make_context(text)), text) == orgs


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("澳門特區政府經濟財政司司長表示。", "澳門特區政府經濟財政司"),
        ("香港特區政府統計處今日公布。", "香港特區政府統計處"),
    ],
)
def test_a_listed_body_after_its_government_is_one_name(make_context, text, org):
    from dataclasses import replace as with_region

    ctx = make_context(text)
    region = "mo" if text.startswith("澳") else "hk"
    assert spans(OrgExtractor().find(with_region(ctx, region=region)), text) == [org]


@pytest.mark.parametrize("region", ["mainland", "hk", "tw", "mo", "unknown"])
def test_international_organizations_are_listed_in_every_region(make_context, region):
    text = "世卫组织发出警告，世贸组织作出裁决。"
    ctx = dataclasses.replace(make_context(text), region=region)
    assert spans(OrgExtractor().find(ctx), text) == ["世卫组织", "世贸组织"]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("四川省成都市武侯区住房建设局发布通知", "四川省成都市武侯区住房建设局"),
        ("广东省佛山市顺德区卫生健康局通报", "广东省佛山市顺德区卫生健康局"),
        ("湖北省襄阳市高新技术产业开发区管委会发布", "湖北省襄阳市高新技术产业开发区管委会"),
        ("广东省东莞市虎门镇宏达服装厂发生火灾", "广东省东莞市虎门镇宏达服装厂"),
    ],
)
def test_a_department_after_places_that_end_in_a_level_is_specific(make_context, text, org):
    found = {spans([m], text)[0]: m.confidence for m in OrgExtractor().find(make_context(text))}
    assert found.get(org, 0) >= 0.85


def test_a_one_character_head_after_a_bare_place_stays_weak(make_context):
    text = "成都城管执法局发布通知"  # no level character: the grammar alone does not vouch for it
    assert all(m.confidence < 0.85 for m in OrgExtractor().find(make_context(text)))


@pytest.mark.parametrize(
    ("text", "org", "listed"),
    [
        ("江苏省南京市鼓楼区教育局今天表示", "江苏省南京市鼓楼区教育局", True),
        ("浙江省温州市鹿城区文化广电和旅游局举办活动", "浙江省温州市鹿城区文化广电和旅游局", False),
    ],
)
def test_places_before_a_listed_department_are_part_of_its_name(make_context, text, org, listed):
    found = {spans([m], text)[0]: m.confidence for m in OrgExtractor().find(make_context(text))}
    assert org in found and (found[org] >= 0.9) is listed


def test_a_verb_before_a_listed_name_still_stays_outside_it(make_context):
    text = "议员要求审查金融监督管理委员会的决定"
    assert "金融监督管理委员会" in spans(OrgExtractor().find(make_context(text)), text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("北京市海淀区学院路街道办事处组织居民开展演练", "北京市海淀区学院路街道办事处"),
        ("马来西亚教育部宣布增设中学", "马来西亚教育部"),
        ("桃園市政府警察局查獲一起詐騙集團", "桃園市政府警察局"),
    ],
)
def test_a_verb_after_a_body_begins_a_clause(make_context, text, org):
    found = spans(OrgExtractor().find(make_context(text)), text)
    assert org in found and not [f for f in found if f.startswith(org) and f != org]


@pytest.mark.parametrize(
    "text",
    [
        "百度在线网络技术（北京）有限公司起诉对方",
        "中国太平洋保险（集团）股份有限公司发布公告",
        "三星（中国）投资有限公司宣布",
        "韩国友利银行（中国）有限公司发行债券",  # a bank's company, named after the bank
        "東亞銀行（中國）有限公司發行債券",
    ],
)
def test_a_seat_or_group_in_brackets_is_inside_a_legal_company_name(make_context, text):
    name = text[: text.index("公司") + 2]
    assert name in spans(OrgExtractor().find(make_context(text)), text)


def test_a_head_word_that_begins_a_title_ends_no_name(make_context):
    text = "中华大会堂总会长吴添泉表示"  # 总会 + 长: the title 总会长, not a 总会
    assert not [f for f in spans(OrgExtractor().find(make_context(text)), text) if f.endswith("总会")]


@pytest.mark.parametrize(
    ("text", "org"), [("日本驻华大使馆发表声明", "日本驻华大使馆"), ("美国驻华大使馆表示", "美国驻华大使馆")]
)
def test_a_mission_jieba_keeps_as_one_word_is_one_organization(make_context, text, org):
    found = [text[m.start : m.end] for m in OrgExtractor().find(make_context(text)) if m.rule == "orgs.mission"]
    assert found == [org]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [("腾讯在印尼建设数据中心", "印尼建设数据中心"), ("该公司于越南设立研发中心", "越南设立研发中心")],
)
def test_a_place_after_a_locative_preposition_and_a_verb_begin_no_name(make_context, text, wrong):
    assert wrong not in spans(OrgExtractor().find(make_context(text)), text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("交通银行股份有限公司上海市分行发布公告", "交通银行股份有限公司上海市分行"),
        ("中国工商银行广州分行行长出席", "中国工商银行广州分行"),
        ("北京市人民政府办公厅印发通知", "北京市人民政府办公厅"),
        ("中国科学院自动化研究所研究员发表论文", "中国科学院自动化研究所"),
        ("衛生署衛生防護中心正調查個案", "衛生署衛生防護中心"),
    ],
)
def test_a_body_and_its_unit_written_together_are_one_name(make_context, text, org):
    found = {spans([m], text)[0]: m.confidence for m in OrgExtractor().find(make_context(text))}
    assert found.get(org, 0) >= 0.85


def test_a_federation_head_names_a_body(make_context):
    text = "澳门街坊会联合总会与香港社区组织联会签署协议"
    assert "香港社区组织联会" in spans(OrgExtractor().find(make_context(text)), text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("杭州光之翼智能科技有限公司获得融资", "杭州光之翼智能科技有限公司"),  # 之 inside the brand
        ("深圳红的树新材料股份有限公司发布公告", "深圳红的树新材料股份有限公司"),  # 的 inside the brand
    ],
)
def test_a_registered_name_from_a_clause_initial_place_keeps_grammar_characters(make_context, text, org):
    assert org in spans(OrgExtractor().find(make_context(text)), text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("他说上海的科技有限公司很多", "上海"),  # 的 right after the place
        ("到去年底，浙江省已成立股份制有限公司三百家", "浙江省"),  # an adverb and a verb: a clause
        ("柳州市新闻代表团参观柳州五菱汽车有限公司", "柳州市"),  # another body and a verb between
    ],
)
def test_a_clause_from_a_place_to_a_legal_form_is_no_registered_name(make_context, text, place):
    found = [m for m in OrgExtractor().find(make_context(text)) if m.rule == "orgs.registered"]
    assert not [m for m in found if text[m.start : m.end].startswith(place)]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("东莞市虎门镇宏达服装厂发生火灾", "东莞市虎门镇宏达服装厂"),
        ("湖北十堰第二汽车制造厂扩建", "湖北十堰第二汽车制造厂"),
    ],
)
def test_a_factory_is_a_name(make_context, text, org):
    found = {spans([m], text)[0]: m.confidence for m in OrgExtractor().find(make_context(text))}
    assert found.get(org, 0) >= 0.7


def test_a_station_after_level_places_is_not_specific_by_the_places_alone(make_context):
    text = "河南省西峡县县城加油站占道经营"  # the county's stations, no department
    assert all(m.confidence < 0.85 for m in OrgExtractor().find(make_context(text)))


def test_a_collective_word_before_a_listed_department_is_no_place_of_it(make_context):
    text = "我们召开了全国税务局长会议"
    assert "全国税务局" not in spans(OrgExtractor().find(make_context(text)), text)


@pytest.mark.parametrize("text", ["他在工厂上班", "这家厂很大"])
def test_a_bare_factory_word_is_no_name(make_context, text):
    assert OrgExtractor().find(make_context(text)) == []


@pytest.mark.parametrize(
    ("text", "org"),
    [("中央统战部召开座谈会", "中央统战部"), ("中央外办主任出席", "中央外办"), ("澳门中联办举办活动", "澳门中联办")],
)
def test_the_party_central_bodies_and_liaison_offices_are_listed(make_context, text, org):
    found = [text[m.start : m.end] for m in OrgExtractor().find(make_context(text)) if m.rule == "orgs.gazetteer"]
    assert found == [org]


def test_a_consultation_meeting_is_no_organization(make_context):
    text = "市政协召开专题协商会"
    assert not [f for f in spans(OrgExtractor().find(make_context(text)), text) if f.endswith("协商会")]


@pytest.mark.parametrize(
    ("text", "region", "org"),
    [
        ("新北市府今天公布補助方案", "tw", "新北市府"),
        ("雄檢偵結起訴兩人", "tw", "雄檢"),
        ("士檢偵結起訴三人", "tw", "士檢"),
        ("司警今日拘捕兩名男子", "mo", "司警"),
        ("浸大研究團隊發表報告", "hk", "浸大"),
        ("哈工大团队研制卫星", "mainland", "哈工大"),
    ],
)
def test_short_names_of_city_governments_prosecutors_police_and_universities_are_listed(
    make_context, text, region, org
):
    ctx = dataclasses.replace(make_context(text), region=region)
    found = [text[m.start : m.end] for m in OrgExtractor().find(ctx) if m.rule == "orgs.gazetteer"]
    assert found == [org]


@pytest.mark.parametrize(
    ("text", "org"), [("人权观察发表报告", "人权观察"), ("無國界記者公布新聞自由指數", "無國界記者")]
)
def test_the_main_international_ngos_are_listed(make_context, text, org):
    found = [text[m.start : m.end] for m in OrgExtractor().find(make_context(text)) if m.rule == "orgs.gazetteer"]
    assert found == [org]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("股东为厦门建发集团有限公司。", "厦门建发集团有限公司"),  # 集团 before the legal form: one registered name
        ("控股股東為龍岩投資發展集團有限公司。", "龍岩投資發展集團有限公司"),
    ],
)
def test_a_group_word_before_a_legal_form_is_part_of_the_name(rules_pipeline, text, org):
    assert [e.text for e in rules_pipeline.extract(text).entities if e.type == "ORG"] == [org]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("2018年6月,钟某承包了村里的鱼塘。", ["钟某"]),  # a withheld name wherever the sentence puts it
        ("後來,鄧某未能按期交付貨款。", ["鄧某"]),
        ("被告人李某某承认收受财物。", ["李某某"]),  # jieba: 李/nr + 某某/r
        ("提高某些产品的价格，向某公司借款。", []),  # 某些, 某 + 公司: no name
        ("驾驶人田某某（男，40岁）受伤。", ["田某某"]),  # jieba: 驾驶/v 人田/n 某某/r
        ("行人文某某（女）、郑某某（女）受伤。", ["文某某", "郑某某"]),  # jieba: 文/n, 郑/ns + 某某/r
        ("该校在美国某地区登记，地址在南京路某号。", []),  # 国 and 路 end a place; 某 + 地区: "a certain"
        ("这说明某某问题很严重。", []),  # the 明 of a verb
        ("美国某某称，案件由某某负责。", []),  # the end of a place; 由/p a preposition
        ("该公司某某称，由某某公司承建。", []),  # 公司 a whole noun; 某某 + 公司: "a certain"
    ],
)
def test_a_surname_and_mou_is_a_withheld_name(make_context, text, names):
    found = spans(PersonExtractor().find(make_context(text)), text)
    assert list(dict.fromkeys(n for n in found if "某" in n)) == names  # two rules may find the same name


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("史静寰是北京师范大学教育学系教授", "北京师范大学教育学系"),
        ("中山大学化学系教授表示", "中山大学化学系"),
        ("中山大學化學系教授表示", "中山大學化學系"),
        ("清华大学计算机系主任表示", "清华大学计算机系"),  # jieba's 系主任: the department ends at 系
        ("记者致电财政部金融司，相关人士表示", "财政部金融司"),
        ("教育部国际合作与交流司司长张秀琴指出", "教育部国际合作与交流司"),
        ("教育部國際合作與交流司司長張秀琴指出", "教育部國際合作與交流司"),
    ],
)
def test_a_university_or_a_ministry_and_its_unit_are_one_name(make_context, text, org):
    found = [text[m.start : m.end] for m in OrgExtractor().find(make_context(text)) if m.confidence >= 0.7]
    assert org in found


@pytest.mark.parametrize(("text", "unit"), [("北京大学和清华大学关系密切", "系"), ("财政部司机王某被捕", "司")])
def test_a_word_holding_a_units_character_is_no_unit(make_context, text, unit):
    found = [text[m.start : m.end] for m in OrgExtractor().find(make_context(text)) if m.confidence >= 0.7]
    assert not [name for name in found if name.endswith(unit)]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("你必须得到美国国土安全部的工作许可", "美国国土安全部"),
        ("意大利文化遗产部和博物馆展开谈判", "意大利文化遗产部"),
    ],
)
def test_a_countrys_ministry_is_one_name(full_pipeline, text, org):
    assert org in [e.text for e in full_pipeline.extract(text).entities if e.type == "ORG"]


def test_the_datelines_place_after_a_reporter_is_a_place_in_the_record(full_pipeline):
    doc = full_pipeline.extract("（中央社記者楊淑閔台北4日電）勞動部今天表示。")
    found = [(e.type, e.text) for e in doc.entities if e.type in ("PERSON", "LOC")]
    assert found == [("PERSON", "楊淑閔"), ("LOC", "台北")]
