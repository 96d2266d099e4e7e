import pytest
from conftest import REFERENCE

from pipeline.page import PageParser


def _kinds(page, text):
    out = {}
    for r in page.regions:
        out.setdefault(r.kind, []).append(text[r.start : r.end])
    return out


def test_reference_page_structure():
    text = REFERENCE.read_text(encoding="utf-8")
    page = PageParser().parse(text)
    k = _kinds(page, text)
    assert page.site == "人民網"
    assert page.channel == ["廣西頻道", "廣西要聞"]
    assert page.title == "2.6萬家社會組織聚力民生建設"
    assert page.published_at == "2025-02-27T09:51+08:00"
    assert page.source == "廣西日報"
    assert page.authors == ["何明華", "安忠芳"]
    assert page.editors == ["許藎文", "陳露露"]
    assert len(page.headings) == 3
    assert sorted(k["furniture"]) == sorted(["小字號", "分享讓更多人看到", "返回頂部"])
    assert k["byline"] == ["(何明華 安忠芳)"]


SIMPLIFIED_PAGE = """某某新闻网
首页 > 社会频道 > 正文

南京市志愿者协会开展冬季送温暖活动

2023-12-08 14:20 来源：金陵晚报

本报讯（记者孙立新）12月7日，南京市志愿者协会组织200多名志愿者走访社区。

暖心行动 温暖你我

协会秘书长钱晓梅说，活动将持续到月底。

责任编辑：冯小云
返回顶部
"""


def test_other_site_layout_in_simplified():
    page = PageParser().parse(SIMPLIFIED_PAGE)
    k = _kinds(page, SIMPLIFIED_PAGE)
    assert page.site == "某某新闻网"
    assert page.channel == ["社会频道"]
    assert page.title == "南京市志愿者协会开展冬季送温暖活动"
    assert page.published_at == "2023-12-08T14:20+08:00"
    assert page.source == "金陵晚报"
    assert page.authors == ["孙立新"]
    assert page.editors == ["冯小云"]
    assert page.headings == ["暖心行动 温暖你我"]
    assert k["furniture"] == ["返回顶部"]


def test_plain_text_is_all_body():
    text = "今年以来，全市新增就业岗位两万个。\n\n专家认为，这一趋势将持续。"
    page = PageParser().parse(text)
    assert {r.kind for r in page.regions} == {"body"}
    assert page.title is None and page.published_at is None


def test_parenthesised_organisation_is_not_a_byline():
    text = "活动由市红十字会主办。（新华社）"
    assert PageParser().parse(text).authors == []


def test_reporter_credited_twice_is_listed_once():
    text = "人民網成都4月12日電 (記者王明遠)今年一季度全市新增市場主體。\n\n据介紹，增長較快。(記者王明遠)"
    assert PageParser().parse(text).authors == ["王明遠"]


def test_credit_line_is_a_byline_not_a_heading():
    text = "标题\n\n2024年10月25日08:30 | 来源：湖南日报\n\n湖南日报记者 周立新 通讯员 谭海燕\n\n正文第一段，内容。"
    page = PageParser().parse(text)
    assert page.authors == ["周立新", "谭海燕"]
    assert page.headings == []


@pytest.mark.parametrize("line", ["記者 蕭文彥 / 攝影 施協源 報導", "记者 李明 摄影 王强"])
def test_a_photographer_in_a_credit_line_is_credited_and_no_author(line):
    text = f"标题\n\n{line}\n\n正文第一段，内容。"
    page = PageParser().parse(text)
    reporter, photographer = (text[s:e] for s, e, _ in page.credited)
    assert page.authors == [reporter]
    assert [role for _, _, role in page.credited] == ["author", "photographer"] and photographer in line


def test_a_credit_line_ending_in_baodao_credits_the_names_not_the_verb():
    for text, names in [
        ("记者张三 李四报道\n\n今天上午，省民政厅召开会议。", ["张三", "李四"]),
        ("本報記者陳大文 李小明報道\n\n今日上午，立法會開會。", ["陳大文", "李小明"]),
        ("新华社北京1月1日电（记者王志强、刘晓芳报道）今天上午开会。", ["王志强", "刘晓芳"]),
    ]:
        page = PageParser().parse(text)
        assert page.authors == names, text
        assert [text[s:e] for s, e, _ in page.credited] == names


def test_a_dated_link_after_the_story_is_no_time_line_of_the_page():
    """A short story and a related link with its date after it: the story stays body, the page has no time."""
    for text in (
        "市政府昨日召开会议。\n会议决定下月启动旧城改造。\n延伸阅读\n2023-11-02 08:00 旧城改造方案公示",
        "分享：臉書 推特\n市府昨日開會。\n2023-11-02 10:15:30 來源：本報",
    ):
        page = PageParser().parse(text)
        k = _kinds(page, text)
        assert page.published_at is None
        assert text.split("\n")[1] in k["body"]
    text = "舊城改造啟動\n2023-11-02 10:15:30 來源：本報\n市府昨日開會。"
    assert PageParser().parse(text).published_at == "2023-11-02T10:15+08:00"


def test_links_listed_after_the_editor_line_are_furniture():
    """Related stories after the editor's credit are no part of the article; a list before it is."""
    for bullet, editor in (("•", "【责任编辑:周明】"), ("●", "【責任編輯:周明】")):
        text = (
            f"市图书馆昨日举办读书节。\n{bullet} 馆长王立群在开幕式上致辞，介绍了今年的活动。\n{editor}\n"
            f"{bullet} 热门排行\n{bullet} 夏日专题\n    社区医生李明阳为居民义诊。\n{bullet} 往期回顾"
        )
        k = _kinds(PageParser().parse(text), text)
        assert k["body"] == ["市图书馆昨日举办读书节。", f"{bullet} 馆长王立群在开幕式上致辞，介绍了今年的活动。"]
        links = [f"{bullet} 热门排行", f"{bullet} 夏日专题", "社区医生李明阳为居民义诊。", f"{bullet} 往期回顾"]
        assert k["furniture"] == links


def test_an_editor_line_before_the_body_closes_nothing():
    text = "编辑:周明\n• 市图书馆昨日举办读书节。\n• 馆长王立群致辞。"
    k = _kinds(PageParser().parse(text), text)
    assert k["body"] == ["• 市图书馆昨日举办读书节。", "• 馆长王立群致辞。"]


def test_a_credit_line_with_an_editor_credits_the_editor():
    for text in (
        "每经记者:王立群 李明 每经编辑:周红\n\n今年以来，全市新增就业岗位两万个。",
        "每經記者:王立群 李明 每經編輯:周紅\n\n今年以來，全市新增就業崗位兩萬個。",
    ):
        page = PageParser().parse(text)
        assert len(page.authors) == 2 and len(page.editors) == 1
        assert [role for *_, role in page.credited] == ["author", "author", "editor"]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("1997-04-26 23:４０\n政府昨日宣布新措施。", "1997-04-26T23:40"),  # full-width digits in the time
        ("２０１９-１２-０３ ０８:０５ 来源：新华网\n政府昨日宣布。", "2019-12-03T08:05"),
        ("2019-12-03 25:61 来源：新华网\n政府昨日宣布。", "2019-12-03"),  # no such time: the day only
    ],
)
def test_a_page_time_line_in_any_digits_gives_an_iso_publication_time(text, published):
    from pipeline import Pipeline

    doc = Pipeline().extract(text)
    assert doc.meta.published_at.startswith(published)


def test_a_credit_line_before_the_time_line_is_no_title():
    text = "新線下月試營運 免費搭乘\n\n記者 王大明 / 攝影 林小華 報導\n發佈時間:2020/01/16 13:48\n\n新線今天通過履勘。"
    page = PageParser().parse(text)
    assert page.title == "新線下月試營運 免費搭乘"
    assert page.authors == ["王大明"]
    assert [r.kind for r in page.regions][:3] == ["title", "byline", "dateline"]


@pytest.mark.parametrize(
    "between",
    ["江南日报 王峰 北京报道", "因为新政策，多数农田仍是收割后的景象。（记者李明摄）"],
)
def test_a_report_credit_or_a_caption_before_the_time_line_is_no_title(between):
    text = f"稻作新政上路 二期作减3千公顷\n\n{between}\n2025/08/27 05:30\n\n正文第一段，内容。" + "正文。" * 20
    page = PageParser().parse(text)
    assert page.title == "稻作新政上路 二期作减3千公顷" and page.site is None
    kinds = {text[r.start : r.end]: r.kind for r in page.regions}
    assert kinds[between] not in ("site", "title")  # read for its names like the body


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("本报讯（记者李蕾张羽飞）有媒体昨日报道称，市政府将出台新规。", ["李蕾", "张羽飞"]),
        ("本報訊（記者賈鵬陳博）市政府昨日宣布新規。", ["賈鵬", "陳博"]),
        ("本报讯（记者欧阳中石）市政府昨日宣布新规。", ["欧阳中石"]),  # a compound surname: one name
        ("本报讯（记者王刚李明华）市政府昨日宣布新规。", []),  # cuts both ways: left to the model
    ],
)
def test_credited_names_run_together_are_read_apart_where_they_cut_one_way(text, authors):
    assert PageParser().parse(text).authors == authors


@pytest.mark.parametrize(
    ("heading", "story"),
    [
        ("相关新闻", "上海地铁发生一起案件，民警迅速到场。"),
        ("相關閱讀 換一換", "臺北市府昨日宣布新措施。"),
        ("猜你喜欢", "市长会见外国访问团"),
    ],
)
def test_stories_under_a_related_heading_after_the_article_are_furniture(heading, story):
    """A heading of other stories after the article's prose begins the page's furniture, to its end."""
    text = f"市图书馆昨日举办读书节。\n馆长王立群在开幕式上致辞。\n{heading}\n{story}\n社区医生李明阳为居民义诊。"
    k = _kinds(PageParser().parse(text), text)
    assert k["body"] == ["市图书馆昨日举办读书节。", "馆长王立群在开幕式上致辞。"]
    assert k["furniture"] == [heading, story, "社区医生李明阳为居民义诊。"]


def test_a_related_heading_before_any_prose_ends_nothing():
    """In the page header (a menu before the story) the heading is only a button."""
    text = "相关新闻\n市图书馆昨日举办读书节。\n馆长王立群在开幕式上致辞。"
    k = _kinds(PageParser().parse(text), text)
    assert k["body"] == ["市图书馆昨日举办读书节。", "馆长王立群在开幕式上致辞。"]


def test_keyword_and_copyright_lines_are_furniture_and_an_editor_after_keywords_is_credited():
    text = (
        "外交部发言人昨日回答了记者提问。\n文章关键词：教育 改革 发言人 责编：李明\n"
        "版权所有 ©2020 某某日报 闽ICP备00000000号\n市长侧影 © REUTERS - John Smith摄影"
    )
    page = PageParser().parse(text)
    k = _kinds(page, text)
    assert k["furniture"] == ["文章关键词：教育 改革 发言人", "版权所有 ©2020 某某日报 闽ICP备00000000号"]
    assert page.editors == ["李明"]
    assert "市长侧影 © REUTERS - John Smith摄影" not in k["furniture"]  # a caption's photo credit is no copyright line


def test_a_source_line_before_the_time_line_is_no_title():
    text = "王志远调研东湖镇重点项目\n来源:融媒体中心\n日期:2025-04-03\n4月1日，县委书记王志远到东湖镇调研。"
    page = PageParser().parse(text)
    assert page.title == "王志远调研东湖镇重点项目"
    assert page.published_at == "2025-04-03"


def test_a_list_of_links_before_the_article_is_furniture():
    """Three bulleted short lines with no sentence before the story: a menu or other stories' headlines."""
    links = ["• 澳門日報", "• 特首晤南部戰區政委魏亮", "• 宋碧琪重申繼續為民喉舌"]
    text = "\n".join([*links, "十一月訪澳客跌近百分八", "【本報訊】統計暨普查局資料顯示，11月入境旅客減少。"])
    k = _kinds(PageParser().parse(text), text)
    assert k["furniture"] == links
    assert "【本報訊】統計暨普查局資料顯示，11月入境旅客減少。" in k["body"]


@pytest.mark.parametrize(
    "lines",
    [
        ["• 澳門日報", "• 特首晤南部戰區政委魏亮"],  # two: no run
        ["• 第一，加快建设。", "• 第二，扩大开放。", "• 第三，改善民生。"],  # sentences: the article's points
    ],
)
def test_bulleted_lines_that_are_no_run_of_links_stay_body(lines):
    text = "\n".join(lines)
    assert "furniture" not in _kinds(PageParser().parse(text), text)


@pytest.mark.parametrize("heading", ["延伸阅读", "編輯推薦"])
def test_an_inline_further_reading_heading_followed_by_prose_ends_nothing(heading):
    text = f"妹妹透露，两人是街坊。\n{heading}\n据了解，一度传出他们去居銮买土产才出事。\n驾驶者当时开车载着妻子。"
    k = _kinds(PageParser().parse(text), text)
    assert k["furniture"] == [heading]
    assert k["body"][-2:] == ["据了解，一度传出他们去居銮买土产才出事。", "驾驶者当时开车载着妻子。"]


def test_an_inline_further_reading_heading_followed_by_links_ends_the_article():
    text = "女死者的妹妹透露，两人是街坊。\n延伸阅读\n柔佛车祸三死二伤\n新山关卡大塞车"
    assert _kinds(PageParser().parse(text), text)["furniture"] == ["延伸阅读", "柔佛车祸三死二伤", "新山关卡大塞车"]


@pytest.mark.parametrize(
    "footer",
    [
        "财新网所刊载内容之知识产权为财新传媒及/或相关权利人专属所有或持有。未经许可，禁止进行转载、摘编、复制。",
        "本網站內容未經授權，不得轉載。",
    ],
)
def test_a_rights_notice_is_furniture(footer):
    text = f"市图书馆昨日举办读书节。\n{footer}"
    assert _kinds(PageParser().parse(text), text)["furniture"] == [footer]


def test_an_archives_date_field_before_the_page_dates_it_and_holds_no_text():
    text = " date 2025-11-12 快訊\n\n宜蘭縣政府昨晚宣布今日停班停課。"
    page = PageParser().parse(text)
    assert page.published_at == "2025-11-12"
    assert _kinds(page, text)["furniture"][0] == "date 2025-11-12"


def test_headlines_under_a_list_heading_before_the_story_are_furniture():
    headlines = ["王子遭爆「美國行」後棄席", "芬普尼蛋雞場複檢再驗出芬普尼 彰化縣政府立即封蛋", "鳳凰減弱 今晚快閃侵台"]
    story = "鳳凰颱風來襲，宜蘭縣政府昨晚宣布今日全縣停班課。"
    text = "\n".join(["快訊", *headlines, "宜蘭颱風假圖卡造假 代理縣長不忍了！", story])
    k = _kinds(PageParser().parse(text), text)
    assert k["furniture"] == ["快訊", *headlines]
    assert story in k["body"]


@pytest.mark.parametrize("line", ["中央社一手新聞APP Icon中央社一手新聞APP", "海量资讯、精准解读，尽在新浪财经APP"])
def test_a_short_line_naming_the_sites_app_is_furniture(line):
    text = f"市图书馆昨日举办读书节。\n{line}"
    assert _kinds(PageParser().parse(text), text)["furniture"] == [line]


def test_a_dateline_naming_an_app_is_the_story():
    text = "智通财经APP讯，顺丰控股在3月30日接受调研时表示，业务量创纪录。"
    assert "furniture" not in _kinds(PageParser().parse(text), text)


def test_a_list_heading_over_no_list_leaves_the_credit_line_after_it():
    text = "快訊\n聯合報／ 記者王聖藜／台北報導\n新北地檢署今日表示將調查。"
    k = _kinds(PageParser().parse(text), text)
    assert k["furniture"] == ["快訊"]
    assert "聯合報／ 記者王聖藜／台北報導" not in k.get("furniture", [])


SINA_PAGE = "警方破获案件\nhttp://www.sina.com.cn  2011年02月22日05:42  大洋网-广州日报\n本报讯 记者昨日获悉案件告破。"


def test_a_time_line_after_the_sites_address_dates_the_page():
    text = SINA_PAGE
    assert PageParser().parse(text).published_at == "2011-02-22T05:42+08:00"


def test_a_time_line_after_the_sites_address_holds_no_date_of_the_story(full_pipeline):
    text = SINA_PAGE
    dates = [(e.text, e.normalized.value) for e in full_pipeline.extract(text).entities if e.type == "DATE"]
    assert dates == [("昨日", "2011-02-21")]


@pytest.mark.parametrize(
    "line",
    ["こちらのページは繁体字版です。日本語版に移動しますか。", "本網站之文字、圖片及影音，非經授權，不得轉載。"],
)
def test_a_banner_in_japanese_and_a_rights_line_are_furniture(line):
    text = f"{line}\n（中央社記者王明台北4日電）勞動部今天表示。"
    assert _kinds(PageParser().parse(text), text)["furniture"] == [line]
