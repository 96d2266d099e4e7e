"""Rule mentions checked against jieba's words, before fusion.

Patterns match characters, but a reader sees words: 明日 (tomorrow) inside
光明日报 or 四人 inside 四人帮 is no date and no amount, and a speech-verb or
byline pattern that catches 应当 or 呼吁 has caught a verb, not a name. So a
date or amount spelled in words only (no digit) is dropped when it lies partly
inside a word jieba tags as a proper name (``orgs.json`` ``specific_pos``) or
inside a longer name the model found (三处 in 铁道部十四局三处丽华服装厂),
and a rule's person that is exactly one dictionary word of a non-name part of
speech (``people.json`` ``not_name_pos``), or of common words only (满意/v 地/uv,
盛会/n), is dropped. The model's person is dropped when it is exactly a place word (梅州: tagged ns),
and a rule's person when the model reads it as a place and jieba too (华盛顿/ns 称). (Dropping its
persons that cut a jieba word or begin with a common word, with no surname
first, cost 1.3 points of PERSON F1 on MSRA dev: jieba cuts unknown names.) The model's one-character place
is dropped where it only begins a word for people or things of that place (华 of 华人华侨,
港 of 港人 and 港股, 澳 of 澳闻, 中 of 中方: ``places.json`` ``of_a_place``), and where it is written together
with another one-character place (中 and 美 of 中美关系, 港澳居民: ``abbreviations``), as the real-news
guidelines annotate it, unless a count of places follows (粤澳两地). MSRA tags such compounds' places:
following the guidelines costs 0.3 points of F1 on MSRA dev (0.834 -> 0.830) and gains 1.7 points of LOC F1
on the real-news dev articles read with model 1.1, which never saw them (0.823 -> 0.840). It stays a place
standing alone (访华, 在港). A place before a title beginning with its level
character keeps that character (新北市长 → 新北市: the real-news guidelines). A compass word used as a
direction (香港西南偏南,
向西北, 西南气流: ``directions``) is no place, nor is one before 籍 (菲律宾籍: a nationality). Other word boundaries
are not required: jieba also joins ordinary words (较前年), and splits numbers
unpredictably. The model's place that ends in a government body's head word (…旅游体育局,
…民政厅: ``places.json`` ``body_heads``) is that body, an organization; its person of three
characters or more ending in a level word (万里区: ``person_level_chars``) or before a word for a
place's residents (何文田居民: ``resident_words``) is a place, and one that is a surname and a word for a
person (陈男子 of 姓陈男子: ``person_nouns``) or an address word (刘女士: ``kin_words``) is none; its organization
that runs into a time word (台铁中午发出新闻稿) ends before it; its lone surname that is a word of its own
takes the two-character noun after it as the given name (牛/n 文华/nz), not a verb or adverb (黄/指示,
袁/再次), a title, a kin or address word (``people.json`` ``kin_words``: 程先生), nor after 老/小 (老于); before
an address word or a title, or alone, it is none (陈先生, 李局长, 钱老, 在陳帶領下), as
the real-news guidelines annotate it while MSRA tags the surname; its
name of a surname and one character takes a given-name final before a verb of speech or attending
(王伟 + 中 + 出席: ``given_final_chars``), and its given name of one or two characters right after a
compound surname takes the surname in (令狐 + 安: ``compound_surname_words`` are not taken); its name of a
surname and one character takes a rare character jieba leaves alone after it (孙兴 + 慜).
Its organization that is a title or another word about a person (立委), or ends on no head word where one
begins (立法 of 立法委员), is none; so is one a describer opens with no proper name after it (全区 +
行业协会商会), one ending in a thing built or planned (公共房屋: ``thing_endings``), and its place that opens
with a verb right after an adverb (将 + 建新公园: a clause); a head of two characters jieba reads as a verb
after a whole name ends it (广西标准化协会 + 组织 + 专家).
Its person that is a lone surname beside 姓 (姓黃的男子, 李姓司机) is none; one cut out of a Japanese name
(岸 + 田文雄, 铃木 + 一朗: ``japanese_surnames.txt``) is the whole name; one that runs into a count of people
(孙丽 + 四人) or an English given name (何家欣Karen) ends before it; one of a surname and a function
character takes the one character after it that ends the name (李在 + 明 + 在); one in a prize's name (鲁迅文学奖)
is none, and one before the head of a place or body named after a person (孙中山 + 故居:
``named_after_heads``) is that place or body.
Nothing is taken from inside a web or e-mail address (the mo of www.ihm.gov.mo).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import cache
from typing import NamedTuple

from pipeline import data
from pipeline.extract.base import Mention
from pipeline.extract.edges import a_given_final_before_a_verb, function_chars, org_heads
from pipeline.extract.people import japanese_given_end
from pipeline.segment import Token

_DIGIT = re.compile(r"[0-9０-９]")
_HAN_THEN_LATIN_NAME = re.compile(r"([\u4e00-\u9fff]{2,4})([A-Z][a-z]{1,11})")
_HAN1 = re.compile(r"[\u4e00-\u9fff]")
_COUNT_DIGITS = frozenset("一二两三四五六七八九十")
_PEOPLE_COUNTERS = frozenset("人位名")  # 三人, 两位, 五名: the measure words of a count of people
_HAN2 = re.compile(r"[\u4e00-\u9fff]{2}")
_LINK = re.compile(r"(?:https?://|www\.)[!-~]+|[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", re.ASCII)
"""A web address or an e-mail address: its letters name no place (the mo of ihm.gov.mo), its digits no date."""


@cache
def _pos_sets() -> tuple[frozenset[str], frozenset[str]]:
    names = data.table("zh/orgs.json")["specific_pos"]
    return frozenset(names), frozenset(data.table("zh/people.json")["not_name_pos"])


@cache
def _of_a_place() -> frozenset[str]:
    return frozenset(data.table("zh/places.json")["of_a_place"])


@cache
def _level_chars() -> frozenset[str]:
    return frozenset(data.table("zh/places.json")["person_level_chars"])


@cache
def _time_words() -> frozenset[str]:
    """今天, 昨晚, 中午, 今年…: the dates grammar's words for a day, a part of it, a month or a year."""
    table = data.table("zh/dates.json")
    keys = ("relative_years", "relative_months", "relative_days", "day_parts", "relative_day_parts")
    return frozenset(word for key in keys for word in table[key] if len(word) > 1)


@cache
def _body_heads() -> tuple[str, ...]:
    return tuple(data.table("zh/places.json")["body_heads"])


@cache
def _directions() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    table = data.table("zh/places.json")
    return frozenset(table["directions"]), frozenset(table["before_a_direction"]), frozenset(table["after_a_direction"])


@cache
def _level_titles() -> frozenset[str]:
    """市长, 县长: a one-character level word (``places.json`` ``stem_levels``) and 长, the head of that place."""
    return frozenset(level + "长" for level in data.table("zh/places.json")["stem_levels"] if len(level) == 1)


class _OrgWords(NamedTuple):
    """``orgs.json``'s words that name no body alone (公司, 物业, 股东, 央企, 新能源汽车, 议会), its role nouns with the
    holding words (股东, 旗下), the words before them for whose role it is (公司, 其), its product words, heads,
    and the assemblies and their members' titles (人大 + 代表)."""

    alone: frozenset[str]
    roles: tuple[str, ...]
    holders: tuple[str, ...]
    products: tuple[str, ...]
    heads: tuple[str, ...]
    assemblies: frozenset[str]
    members: tuple[str, ...]
    describers: frozenset[str]
    things: tuple[str, ...]
    organs: tuple[str, ...]
    organ_openers: re.Pattern[str]


@cache
def _org_words() -> _OrgWords:
    w = data.table("zh/orgs.json")
    return _OrgWords(
        alone=frozenset(
            [
                *w["head_words"],
                *w["not_orgs"],
                *w["company_trades"],
                *w["role_nouns"],
                *w["kinds_of_business"],
                *w["generic_bodies"],
                *w["company_name_openers"],  # 时任, 现任: a person's term, never a body
            ]
        ),
        roles=tuple(sorted({*w["role_nouns"], *w["holding_words"]}, key=len, reverse=True)),
        holders=tuple(sorted(w["role_holders"], key=len, reverse=True)),
        products=tuple(sorted(w["product_words"], key=len, reverse=True)),
        heads=tuple(w["head_words"]),
        assemblies=frozenset(w["assemblies"]),
        members=tuple(w["assembly_members"]),
        describers=frozenset(w["describers"]),
        things=tuple(w["thing_endings"]),
        organs=tuple(sorted(w["organs"], key=len, reverse=True)),
        organ_openers=re.compile(rf"(?:{data.alternation(w['organ_references'])})?(?:{w['organ_terms']})?"),
    )


_LIST_ITEM_END = frozenset("、，,；;和与及等")


def brand_of_a_product(text: str, start: int, end: int) -> bool:
    """A name with no head word of its own right before a kind of product that ends an item of a list
    (小米 + 电视 + 、, 小米 + 笔记本电脑 + 等): the brand used for the product, no body; not 小米手机业务. So is one
    right before a word for a car (保时捷 + 轿车: ``places.json`` ``vehicle_words``)."""
    ow = _org_words()
    if text.startswith(_vehicle_words(), end) and not text.endswith(ow.heads, start, end):
        return True
    product = next((p for p in ow.products if text.startswith(p, end)), None)
    if product is None or text.endswith(ow.heads, start, end):
        return False
    return text[end + len(product) : end + len(product) + 1] in _LIST_ITEM_END


@cache
def _title_openers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The modifiers the model reads into a body before its title (``titles.json`` ``glued_modifiers``), and the
    titles (``people.json``)."""
    return tuple(data.table("zh/titles.json")["glued_modifiers"]), tuple(data.table("zh/people.json")["titles"])


@cache
def _storm_words() -> tuple[str, ...]:
    """The words for a tropical storm (``places.json`` ``storm_words``), longest first."""
    return tuple(sorted(data.table("zh/places.json")["storm_words"], key=len, reverse=True))


def a_storms_name(m: Mention, text: str) -> bool:
    """台风 + 云雀, 台风“海葵”: the model's name right after a word for a tropical storm (a quote mark may stand
    between), the storm's own; so is its short person or body right before one (云雀 + 台风; not 中央气象台 + 台风预报,
    nor the place of 菲律宾台风灾情)."""
    storms = _storm_words()
    if text[max(0, m.start - 6) : m.start].rstrip('“"「『').endswith(storms):
        return True
    after = text[m.end : m.end + 6].lstrip('”"」』')
    return m.type in ("ORG", "PERSON") and m.end - m.start <= 3 and after.startswith(storms)


@cache
def _event_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words that end an event's name, longest first, and the bodies named after an event (``orgs.json``)."""
    table = data.table("zh/orgs.json")
    return tuple(sorted(table["event_heads"], key=len, reverse=True)), tuple(table["event_bodies"])


@cache
def _title_then_jian() -> re.Pattern[str]:
    """A title and 兼 (总裁兼, 董事长兼): the join of two titles one person holds, never inside a body's name."""
    titles = data.table("zh/people.json")["titles"]
    return re.compile(rf"(?:{data.alternation(titles)})兼")


@cache
def _vehicle_words() -> tuple[str, ...]:
    return tuple(data.table("zh/places.json")["vehicle_words"])


@cache
def _title_chars_and_government_heads() -> tuple[frozenset[str], tuple[str, ...]]:
    """The title characters after a surname (蘇揆: ``people.json``) and a government's heads (政府: ``orgs.json``)."""
    return frozenset(data.table("zh/people.json")["title_characters"]), tuple(data.table("zh/orgs.json")["place_heads"])


@cache
def _titles_and_modifiers() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """The titles of two characters or more by their first character, and the one-character title modifiers
    (原, 总, 副: ``titles.json``)."""
    table = data.table("zh/titles.json")
    words = set(table["titles"])
    for kind in table["kinds"].values():
        words |= set(kind["titles"])
    by_first: dict[str, list[str]] = {}
    for t in words:
        if len(t) > 1:
            by_first.setdefault(t[0], []).append(t)
    modifiers = frozenset(x for x in (*table["modifiers"], *table["former"]) if len(x) == 1)
    return {k: tuple(v) for k, v in by_first.items()}, modifiers


@cache
def _place_titles() -> tuple[str, ...]:
    """Titles that begin with a place's level character (市长, 市议员, 县议员): what shares it with the place."""
    titles = data.table("zh/titles.json")["compounds"]
    return tuple(sorted(_level_titles() | {t for t in titles if t[0] in _level_chars()}, key=len, reverse=True))


@cache
def _not_place_words() -> frozenset[str]:
    """Words for where that name no place (大陆, 两岸) and the words jieba tags ns that are none (``places.json``)."""
    places = data.table("zh/places.json")
    return frozenset(places["not_place_words"]) | frozenset(places["not_places"])


@cache
def _nested_after() -> re.Pattern[str]:
    """What makes a body's name the start of an election's or a law's (``orgs.json`` ``nested_after``)."""
    return re.compile(data.table("zh/orgs.json")["nested_after"])


@cache
def _person_words() -> frozenset[str]:
    """Titles, kin and address words, words for a person, speech verbs (主席, 先生, 男子, 表示): words about a
    person, never a given name after a surname, nor a body where the model reads one as an organization (立委)."""
    people = data.table("zh/people.json")
    return _address_words() | frozenset(people["after_name"]) | frozenset(people["speech_verbs"])


@cache
def _address_words() -> frozenset[str]:
    """Titles, kin and address words and words for a person (主席, 先生, 男子): after a surname alone, an
    address, not a name."""
    people, titles = data.table("zh/people.json"), data.table("zh/titles.json")
    words = set(people["titles"]) | set(titles["titles"]) | set(people["kin_words"]) | set(people["person_nouns"])
    for kind in titles["kinds"].values():
        words |= set(kind["titles"])
    return frozenset(words)


def _model_person_is_a_place_word(m: Mention, pos: dict[tuple[int, int], str]) -> bool:
    """The model's PERSON that is exactly one word jieba tags as a place (梅州)."""
    return pos.get((m.start, m.end), "").startswith("ns")


_CREDIT_RULES = frozenset(("people.author", "people.editor", "people.reporter", "people.photographer"))
"""The rules of names a credit line introduces (page.py, people.py)."""
_FAMILY_NAME_RULES = frozenset(("people.titled_japanese", "people.honorific", "people.compound_surname"))
"""The rules of names a listed family name or a Malaysian honorific vouches for, however common their words
(小池/n 百合/n 子/ng; 拿督斯里 + 黄家/n 和/c; 端木/n 赐/v)."""


@cache
def _day_parts() -> frozenset[str]:
    """The parts of the day (上午, 晚上) of dates.json: after a date inside one jieba word they make no name."""
    return frozenset(data.table("zh/dates.json")["day_parts"])


def _attached(mentions: list[Mention], tokens: list[Token]) -> list[Mention]:
    """清华大学附属 + 北京清华长庚医院: the model's organization, a word of attachment (``orgs.json``
    ``attached_words``) and the model's organization right after it are one name (the guidelines: 北京大学附属医院
    is one ORG), also where the first name ends inside that word (清华大学附 | 属)."""
    attached = frozenset(data.table("zh/orgs.json")["attached_words"])
    words = [t for t in tokens if t.text in attached]
    if not words:
        return mentions
    orgs = [m for m in mentions if m.extractor == "ner" and m.type == "ORG"]
    starts = {m.start: m for m in orgs}
    joined: dict[int, Mention] = {}  # the first name's start -> the name joined with the one after the word
    absorbed: set[int] = set()  # the starts of the names taken into one before them
    for word in words:
        after = starts.get(word.end)
        first = next((m for m in orgs if m.start < word.start <= m.end < word.end), None)
        if first is not None and after is not None:
            joined[first.start] = replace(first, end=after.end, confidence=min(first.confidence, after.confidence))
            absorbed.add(after.start)
    if not joined:
        return mentions
    model_org = {id(m) for m in orgs}
    return [
        joined.get(m.start, m) if id(m) in model_org else m
        for m in mentions
        if not (id(m) in model_org and m.start in absorbed)
    ]


# 川A3J232, 粤B·12345: a licence plate, a province's character and the letters and digits after it
_PLATE = re.compile(
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳][A-Z][·•・]?[A-Z0-9]{4,6}(?![A-Za-z0-9])"
)


def whole_words(
    mentions: list[Mention], tokens: list[Token], text: str, one_character_names: bool = False
) -> list[Mention]:
    """``mentions`` without those that cut across words as above; ``one_character_names`` keeps the model's
    lone surnames, the one-character places of compounds and of words for a place's people or things, and
    places before 人 naming their people (MSRA's conventions)."""
    mentions = _attached(mentions, tokens)
    name_pos, not_name_pos = _pos_sets()
    starts = [t.start for t in tokens]
    pos = {(t.start, t.end): t.pos for t in tokens}

    day_parts = _day_parts()
    glued_leads = frozenset(data.table("zh/dates.json")["glued_leads"])

    def inside_a_name(m: Mention) -> bool:
        i = max(bisect_right(starts, m.start) - 1, 0)
        while i < len(tokens) and tokens[i].start < m.end:
            t = tokens[i]
            if t.end > m.start and t.pos in name_pos and (t.start < m.start or t.end > m.end):
                # jieba tags 今天上午 nr: a day and a part of the day after it are no name
                # 于本周/nr 四: jieba joins a preposition to the date after it (glued_leads) and tags a name
                glued = t.start < m.start and text[t.start : m.start] in glued_leads and t.end <= m.end
                return not (m.type == "DATE" and (glued or (t.start == m.start and text[m.end : t.end] in day_parts)))
            i += 1
        return False

    model_names = sorted((m.start, m.end) for m in mentions if m.extractor == "ner")  # disjoint spans
    model_places = {(m.start, m.end) for m in mentions if m.extractor == "ner" and m.type == "LOC"}
    model_starts = [start for start, _ in model_names]

    def inside_a_model_name(m: Mention) -> bool:
        i = bisect_right(model_starts, m.start) - 1
        return i >= 0 and model_names[i][1] >= m.end and model_names[i][1] - model_names[i][0] > m.end - m.start

    def common_words_only(m: Mention) -> bool:
        """满意/v 地/uv (总理满意地说), 都/d 不/d (老师都不在), 盛会/n (院士盛会), 和/c 贺龙/nr (总理和贺龙同志):
        a rule's name that is whole words, each a common word (a non-name part of speech, or a common noun),
        or that begins with a one-character conjunction or preposition. The model's own reading stays."""
        i = bisect_right(starts, m.start) - 1
        if i < 0 or tokens[i].start != m.start:
            return False
        if tokens[i].end - tokens[i].start == 1 and tokens[i].pos in ("c", "p") and tokens[i].end < m.end:
            return True
        if adverb_surname(m, i):
            return False
        while i < len(tokens) and tokens[i].end <= m.end:
            if tokens[i].pos[:1] not in not_name_initials and tokens[i].pos not in common_pos:
                return False
            if tokens[i].end == m.end:
                return True
            i += 1
        return False

    def adverb_surname(m: Mention, i: int) -> bool:
        """副总经理 + 曾/d 世民/n: a titled name of three characters whose surname jieba reads as an adverb (曾, 常)
        and whose given name as one noun is a name; an adverb before a verb (主任曾表示) stays the clause's."""
        given = tokens[i + 1] if i + 1 < len(tokens) else None
        return (
            m.rule == "people.titled"
            and m.end - m.start == 3
            and tokens[i].pos == "d"
            and text[m.start] in single
            and given is not None
            and (given.start, given.end) == (m.start + 1, m.end)
            and given.pos in ("n", "nr")
        )

    not_name_initials = frozenset(p[:1] for p in not_name_pos)
    common_pos = frozenset(("n", "vn", "an", "ng", "l", "i", "b"))
    of_a_place = _of_a_place()
    abbreviations = frozenset(data.table("zh/places.json")["abbreviations"])
    not_places = _not_place_words()
    counted = re.compile(r"[两二三四五六七八九十]+[地国]")

    def in_a_compound(m: Mention) -> bool:
        """中 and 美 of 中美关系, 港 and 澳 of 港澳居民: one-character places written together name no place of
        their own, unless a count of places follows the compound (粤澳两地, 中日韩三国). The last one goes with
        a word for people of it after it (在粤 + 澳生: 粤 stands alone)."""
        start, end = m.start, m.end
        while start > 0 and text[start - 1] in abbreviations:
            start -= 1
        while text[end : end + 1] in abbreviations:
            end += 1
        if counted.match(text, end):
            return False
        if end > m.end and text[end : end + 1] in of_a_place:
            end -= 1
        return end - start > 1

    def a_character_of_a_word(m: Mention) -> bool:
        """The place and the next character, inside one word, are a word for people or things of it (华人 and
        华侨 of 华人华侨, 港股, 澳闻)."""
        i = bisect_right(starts, m.start) - 1
        t = tokens[i] if i >= 0 else None
        return t is not None and t.start <= m.start and m.end < t.end and text[m.end] in of_a_place

    directions, before_a_direction, after_a_direction = _directions()
    place_ends = {m.end for m in mentions if m.type == "LOC"}

    def a_direction(m: Mention) -> bool:
        """西南 of 香港西南偏南, 向西北移动, 西南气流: a compass word used as a direction, not a region's name."""
        return text[m.start : m.end] in directions and (
            m.start in place_ends
            or text[m.start - 1 : m.start] in before_a_direction
            or text[m.end : m.end + 1] in after_a_direction
        )

    def time_word_inside(m: Mention) -> int | None:
        """台铁/n 中午/t 发出/v 新闻稿/n: where a time word begins inside the model's name, two characters or more
        after its start; the model ran the name into the sentence."""
        i = bisect_right(starts, m.start + 1)
        while i < len(tokens) and tokens[i].start < m.end:
            if tokens[i].pos == "t" and tokens[i].text in time_words:  # not 青年/t, 下一代/t
                return tokens[i].start
            i += 1
        return None

    time_words = _time_words()
    titles, modifiers = _titles_and_modifiers()

    def title_inside(m: Mention) -> int | None:
        """九巴董事 + 總經理, 江南省交通运输厅原 + 厅长, 新鸿基地产主席: where a title the model ran its
        organization into begins, two characters or more after its start: a title from there runs past the
        name's end or ends it, or only title modifiers are left before a title after it (a listed title, or
        the head of the name before them and 长: 交通运输厅 + 原 + 厅长)."""
        after = text[m.end : m.end + 1]
        for k in range(m.start + 2, m.end):
            if any(text.startswith(t, k) and k + len(t) >= m.end for t in titles.get(text[k], ())):
                return k
            if all(ch in modifiers for ch in text[k : m.end]) and (
                any(text.startswith(t, m.end) for t in titles.get(after, ()))
                or (after == text[k - 1] and text[m.end + 1 : m.end + 2] == "长")
            ):
                return k
        return None

    def given_name_after(m: Mention) -> int | None:
        """Where a two-character given name ends after the model's lone surname: the surname is a word
        of its own and the next word a noun of two Han characters that is no title or kin word
        (牛 + 文举, 牛 + 文华; not 黄 + 指示, 江 + 主席, 程 + 先生, 老于 + 还住)."""
        if m.end - m.start != 1 or text[m.start] not in single or pos.get((m.start, m.end)) is None:
            return None
        if text[m.start - 1 : m.start] in ("老", "小"):
            return None  # 老于还住在…: a surname addressed alone
        i = bisect_right(starts, m.end) - 1
        if i < 0 or tokens[i].start != m.end or tokens[i].end - tokens[i].start != 2:
            return None
        word = tokens[i]
        if not _HAN2.fullmatch(word.text) or word.pos not in given_pos or word.text in person_words:
            return None
        return word.end

    common_chars = data.chars("zh/common_chars.txt")

    def rare_character_after(at: int) -> int | None:
        """The end of a Han character at ``at`` outside the 2,500 commonest of MSRA (``common_chars.txt``) that
        jieba leaves as a word of its own (慜 of 孙兴慜, 婵 of 全红婵): such characters are chosen for given
        names, and one is no function word that could follow a name."""
        i = bisect_right(starts, at) - 1
        t = tokens[i] if i >= 0 else None
        if t is None or t.start != at or t.end != at + 1 or not "\u4e00" <= t.text <= "\u9fff":
            return None
        return t.end if t.text not in common_chars else None

    def trailing_verb(m: Mention) -> int | None:
        """Where a one-character verb that ends the model's organization begins, when another name follows it
        (紫金南投/系/v + 紫金矿业: X is Y) and two characters or more are left before it; not a head jieba tags
        as a verb (保育/会, 政治经济/系, 栽培/站). A head word of two characters jieba reads as a verb right after
        a name that ends in a head is the verb (广西标准化协会 + 组织/v 专家)."""
        i = bisect_right(starts, m.end - 1) - 1
        t = tokens[i] if i >= 0 else None
        if t is None or t.end != m.end or t.pos != "v" or t.start - m.start < 2:
            return None
        if len(t.text) == 2 and t.text in org_words.heads and text.endswith(org_words.heads, m.start, t.start):
            return t.start  # 广西标准化协会 + 组织/v + 专家: a head jieba reads as a verb after a whole name
        return t.start if len(t.text) == 1 and m.end in name_starts else None

    org_words = _org_words()

    def role_before(m: Mention) -> int | None:
        """Where the name begins after a role noun that begins the model's organization, on a word boundary
        (公司股东 + 龙岩投资集团, 受让方 + 紫金南投), when two characters or more are left that name a body."""
        at = m.start + next((len(h) for h in org_words.holders if text.startswith(h, m.start)), 0)
        role = next((r for r in org_words.roles if text.startswith(r, at)), None)
        if role is None or at + len(role) not in starts_set:
            return None
        cut = at + len(role)
        return cut if m.end - cut >= 2 and text[cut : m.end] not in org_words.alone else None

    listed_places = {(x.start, x.end) for x in mentions if x.type == "LOC" and x.rule.endswith(".gazetteer")}
    listed_orgs = [(x.start, x.end) for x in mentions if x.type == "ORG" and x.rule.endswith(".gazetteer")]
    listed_org_starts = {end: start for start, end in listed_orgs}
    listed_org_ends = dict(listed_orgs)
    token_at = {t.start: t for t in tokens}
    grammar_chars = function_chars()

    def verb_after_a_listed_name(m: Mention) -> int | None:
        """Where a listed organization that begins the model's organization ends, when a verb of two characters
        or more follows it inside and no body's head ends it (联昌国际 + 发布/v 财报; not 世行 + 执行/v 董事会): the
        model ran the name into its clause."""
        end = listed_org_ends.get(m.start)
        if end is not None and m.end == end + 1 and text[end] in grammar_chars:
            return end  # 台积电 + 将 (jieba's 台积/电将): a grammar character glued on
        verb = token_at.get(end) if end is not None and end < m.end else None
        if verb is None or verb.pos != "v" or len(verb.text) < 2 or text.endswith(org_heads(), m.start, m.end):
            return None  # 世行 + 执行/v 董事会: a head ends it, one name (its unit)
        return end

    def clause_before_a_listed_name(m: Mention) -> int | None:
        """Where a listed organization that ends the model's organization begins, when what the model read
        before it holds an adverb, a verb or a pronoun (其实 + 医务委员会, 记者问及 + 澳门大学): a clause run into
        the name, which the register says where it begins."""
        start = listed_org_starts.get(m.end)
        if start is None or start <= m.start:
            return None
        i = bisect_right(starts, m.start) - 1
        while i < len(tokens) and tokens[i].end <= start:
            t = tokens[i]
            if t.end > m.start and t.pos[:1] in ("d", "v", "r", "p") and t.text not in abbreviations:
                return start  # (not 印/v of 印外交部: a country's abbreviation)
            i += 1
        return None

    event_heads, event_bodies = _event_words()

    def in_an_event(m: Mention) -> bool:
        """The model's person right before the word that ends an event's name (卡利 + 世运会: the host city, a
        place as the places before such words are, MSRA's 巴塞罗那 of 巴塞罗那奥运会), or its organization that
        ends in one (高雄世运会: an event, no body); not where a body of the event follows (X + 亚运会组委会)."""
        if m.type == "PERSON" and m.extractor == "ner":
            head = next((h for h in event_heads if text.startswith(h, m.end)), None)
            return head is not None and not text.startswith(event_bodies, m.end + len(head))
        return m.type == "ORG" and m.extractor == "ner" and text.endswith(event_heads, m.start, m.end)

    def nested_in_a_name(m: Mention) -> bool:
        """An organization that begins the name of an election or a law (立法会 + 换届选举, 「公共电视 + 法」:
        ``orgs.json`` ``nested_after``): nested, none."""
        return m.type == "ORG" and not m.structured and nested_after.match(text, m.end) is not None

    def a_make(m: Mention) -> bool:
        """The model's place, no listed one, right before a word for a car (保时捷 + 轿车): the car's make."""
        return text.startswith(_vehicle_words(), m.end)

    def a_clause(m: Mention) -> bool:
        """Is the model's place a clause: one that begins with a verb right after an adverb (将 + 建新/v + 公园:
        what will be built)?"""
        k = bisect_right(starts, m.start) - 1
        if k < 1 or tokens[k].start != m.start or tokens[k].end >= m.end:
            return False
        return tokens[k].pos == "v" and tokens[k - 1].pos == "d"

    def no_body(m: Mention) -> bool:
        """The model's organization that is a head, trade, role word or kind of business alone (公司, 物业, 央企), one
        ending in a word for a thing built or planned (``orgs.json`` ``thing_endings``: 氹仔新建公共 + 房屋), one that a
        describer opens with no proper name after it (全区 + 行业协会商会, 相关 + 部门: which bodies, none named), a
        body's organ alone or after a word referring back to the body (该行 + 董事会: ``organs``), or a bare
        assembly before a member's title (人大 + 代表, 政协 + 委员; not 政协 + 委员会)."""
        name = text[m.start : m.end]
        if name in org_words.alone or name.endswith(org_words.things):
            return True
        organ = next((o for o in org_words.organs if name.endswith(o)), None)
        if organ is not None and org_words.organ_openers.fullmatch(name, 0, len(name) - len(organ)):
            return True  # 该行 + 董事会, 第六届 + 董事会: an organ of a body the text names elsewhere
        k = bisect_right(starts, m.start) - 1
        if k >= 0 and tokens[k].start == m.start and tokens[k].text in org_words.describers:
            inside = [t for t in tokens[k + 1 :] if t.start < m.end]
            if not any(t.pos in name_pos for t in inside):
                return True
        member = next((w for w in org_words.members if text.startswith(w, m.end)), None)
        return (
            name in org_words.assemblies
            and member is not None
            and text[m.end + len(member) : m.end + len(member) + 1] != "会"
            and text[m.start - 1 : m.start] not in level_chars
            and m.start not in place_ends_at
        )

    def nt_word_end(m: Mention) -> int | None:
        """The end of jieba's organization word (nt) that begins inside the model's organization and goes on
        past it to a government's head (县人民 of 县/人民政府/nt), where the model stopped; not to other heads
        (武警 + 部队, 联合国 + 大会, 中共中央政治局 + 常委: MSRA's names end there)."""
        i = bisect_right(starts, m.end - 1) - 1
        t = tokens[i] if i >= 0 else None
        if t is None or t.pos != "nt" or not (m.start <= t.start < m.end < t.end):
            return None
        return t.end if text.endswith(government_heads, m.end, t.end) else None  # not 中共中央政治局 + 常委

    def place_before_a_title(m: Mention) -> int | None:
        """Where a place ends the model's organization, when the title after it shares the place's level
        character (国民党/nt 台北市/ns + 议员: 台北市 is the seat of the 市议员), after a body jieba knows."""
        i = bisect_right(starts, m.end - 1) - 1
        if i < 1 or tokens[i].end != m.end or tokens[i].pos != "ns" or tokens[i].start - m.start < 2:
            return None
        level = text[m.end - 1]
        if level not in level_chars or not text.startswith(place_titles, m.end - 1):
            return None
        before = tokens[i - 1]
        return tokens[i].start if before.end == tokens[i].start and before.pos in ("nt", "j") else None

    stop_chars = frozenset(data.table("zh/people.json")["name_stop_chars"])
    named_after_heads: dict[str, str | None] = data.table("zh/people.json")["named_after_heads"]
    japanese = data.japanese_surnames()
    token_starts, token_ends = frozenset(starts), {t.end: t for t in tokens}

    def a_people(m: Mention) -> bool:
        """中国/ns + 人/n, 郸城 + 人, 台湾人/n: a place before the word 人, or with 人 in one word of jieba's, names a
        people, a demonym (the guidelines: none); not 人民, 人大, 人口 (other words) nor 中国人民银行 (one name)."""
        after = token_at.get(m.end)
        if after is not None and after.text == "人" and m.start in token_starts:
            return True
        word = token_at.get(m.start)
        return word is not None and word.end == m.end + 1 and text[m.end] == "人"

    def japanese_name(m: Mention) -> tuple[int, int] | None:
        """The Japanese name the model's person cuts: a listed family name that begins a word and that the
        person begins inside (岸/n 田文雄/nr: 岸田文雄) or is exactly (铃木 + 一朗), with its given name of one
        to three characters; the model, which met few Japanese names, reads 田 as a Chinese surname."""
        for a in range(m.start - 2, m.start + 1):
            for n in (3, 2):
                family = a + n
                if a < 0 or a not in token_starts or text[a:family] not in japanese or not a < m.start < family:
                    if not (a == m.start and family == m.end and text[a:family] in japanese):
                        continue
                if a < m.start and 1 <= m.end - family <= 3:
                    return a, m.end
                if (end := japanese_given_end(text, family, len(text), token_ends)) is not None:
                    return a, end
        return None

    def named_after(m: Mention) -> Mention | bool | None:
        """The thing named after the model's person, where it is one: inside a noun of jieba's that ends in 奖
        (鲁迅文学奖/nz) or right before one (诺贝尔 + 物理学奖), a prize (None: no entity), not 获奖/v (莫言获奖);
        right before the head of a place, body or fund named after a person (孙中山 + 故居: ``people.json``
        ``named_after_heads``), that place or body with its head; False where it is none."""
        i = bisect_right(starts, m.start) - 1
        for t in tokens[max(i, 0) : i + 4]:
            if t.start > m.end:
                break
            around = t.start <= m.start and t.end > m.end  # 鲁迅文学奖, not 鲁迅 alone
            if (around or t.start == m.end) and t.text.endswith("奖") and t.pos[:1] == "n":
                return None
            if t.start == m.end and t.text in named_after_heads:
                kind = named_after_heads[t.text]
                return replace(m, end=t.end, type=kind) if kind else None
        return False

    place_titles = _place_titles()
    name_starts = {x.start for x in mentions if x.type in ("ORG", "PERSON", "LOC")}
    place_ends_at = {x.end for x in mentions if x.type == "LOC"}  # 钦北区 + 人大: the place names the body
    starts_set = frozenset(starts)
    title_chars, government_heads = _title_chars_and_government_heads()
    single = data.surnames()[0]
    person_words = _person_words()
    given_pos = frozenset(("n", "nr", "nz", "ng", "nrfg"))  # not a verb or adverb (黄/指示, 袁/再次): the clause

    body_heads = _body_heads()
    level_chars, demonym_chars = _level_chars(), data.demonym_chars()
    resident_words = tuple(data.table("zh/places.json")["resident_words"])
    person_nouns = frozenset(data.table("zh/people.json")["person_nouns"])
    kin_words = frozenset(data.table("zh/people.json")["kin_words"])

    def opens_a_title(m: Mention) -> bool:
        """Is the model's organization, ending on no head word, the start of a title (立法 of 立法委员)?"""
        longest = min(len(text) - m.start, m.end - m.start + 3)
        return not text.endswith(org_heads(), m.start, m.end) and any(
            text[m.start : m.start + n] in person_words for n in range(m.end - m.start + 1, longest + 1)
        )

    glued_modifiers, title_words = _title_openers()
    nested_after = _nested_after()

    def modifier_of_a_title(m: Mention) -> int | None:
        """Where the model's organization ends when it ends in a modifier a title begins with and a title follows
        (江南开源基金执行 + 总经理), with two characters or more left."""
        modifier = next((g for g in glued_modifiers if text.endswith(g, m.start, m.end)), None)
        if modifier is None or m.end - len(modifier) - m.start < 2 or not text.startswith(title_words, m.end):
            return None
        return m.end - len(modifier)

    compound = data.surnames()[1] - frozenset(data.table("zh/people.json")["compound_surname_words"])
    level_titles = _level_titles()
    links = [match.span() for match in _LINK.finditer(text)]
    plates = [match.span() for match in _PLATE.finditer(text)]
    kept = []
    for m in mentions:
        if links and any(start < m.end and m.start < end for start, end in links):
            continue
        if m.extractor == "ner" and m.type == "LOC" and m.end - m.start > 3 and text.endswith(body_heads, 0, m.end):
            m = replace(m, type="ORG")  # 龙岗区文化广电旅游体育局: a body named after its place
        if m.extractor == "ner" and m.type == "LOC" and m.end - m.start >= 3 and text[m.end - 1] == "队":
            m = replace(m, type="ORG")  # 兰州队: a team named after its place
        if m.extractor == "ner" and m.type == "LOC" and text[m.start : m.end] in person_words:
            continue  # 民代: a word for people
        if m.extractor == "ner" and m.type == "LOC" and m.end - m.start == 1:
            if not one_character_names and (a_character_of_a_word(m) or in_a_compound(m)):
                continue  # 港人, 中方; 中 and 美 of 中美关系, 港澳居民: a compound of abbreviations
        if m.type == "LOC" and (a_direction(m) or text[m.end : m.end + 1] in demonym_chars):
            continue  # 香港西南偏南, 向西北; 菲律宾籍男子 (a nationality)
        if m.type == "LOC" and not one_character_names and a_people(m):
            continue  # 中国 + 人, 郸城 + 人: a people
        if m.extractor == "ner" and m.type == "LOC" and not one_character_names and text[m.start : m.end] in not_places:
            continue  # 大陆, 两岸, 海外: a word for where, no place's name
        if plates and m.type in ("LOC", "PERSON", "ORG") and any(a < m.end and m.start < b for a, b in plates):
            continue  # 川A3J232, 粤B·12345: a licence plate, no place or person
        if m.type == "LOC" and text[m.end : m.end + 2] in level_titles:
            if text[m.end - 1] in single and text[m.end - 2] == text[m.end]:
                m = replace(m, end=m.end - 1)  # 台中市林市长: Mayor Lin of 台中市
            elif text[m.end - 1] != text[m.end]:
                m = replace(m, end=m.end + 1)  # 新北市长: the place is 新北市, its level shared with the title
        if m.extractor == "ner" and m.type == "LOC" and a_clause(m):
            continue  # 将 + 建新/v 公园: a clause the model read as a place
        if m.extractor == "rule" and m.type == "ORG" and _title_then_jian().search(text, m.start, m.end):
            continue  # 凯德集团总裁兼集团(首席执行官): the grammar walked over a title joined by 兼, no name
        if m.extractor == "ner" and m.type in ("ORG", "PERSON", "LOC") and a_storms_name(m, text):
            continue  # 台风 + 云雀: the storm's name
        if nested_in_a_name(m):
            continue  # 立法会换届选举, 「公共电视法」: the name of an election or a law
        if in_an_event(m):
            if m.type == "ORG":
                continue  # the model's 高雄世运会: an event, no body
            m = replace(m, type="LOC")  # 卡利 + 世运会: the host city, no person
        if m.extractor == "ner" and m.type == "LOC" and (m.start, m.end) not in listed_places and a_make(m):
            continue  # 一辆保时捷 + 轿车: a car's make, no place
        if m.extractor == "ner" and m.type == "ORG" and (text[m.start : m.end] in person_words or opens_a_title(m)):
            continue  # 前立委蔡正元: a title, no body; 立法 of 立法委員: the start of one
        if m.extractor == "ner" and m.type == "PERSON" and text[m.start : m.end] in person_words:
            continue  # 董秘 + 王海: a title, no person
        if m.extractor == "ner" and m.type == "ORG" and (cut := modifier_of_a_title(m)) is not None:
            m = replace(m, end=cut)  # 江南开源基金 + 执行总经理: the modifier opens the title
        if m.extractor == "ner" and m.type == "ORG" and (cut := verb_after_a_listed_name(m)) is not None:
            m = replace(m, end=cut)  # 联昌国际 + 发布/v 财报: the listed name, then the sentence's verb
        if m.extractor == "ner" and m.type == "ORG" and (cut := clause_before_a_listed_name(m)) is not None:
            m = replace(m, start=cut)  # 其实 + 医务委员会: the listed name, not the clause before it
        if m.extractor == "ner" and m.type == "ORG" and (cut := role_before(m)) is not None:
            m = replace(m, start=cut)  # 公司股东 + 龙岩投资集团: the party's role, no part of its name
        if m.type == "ORG" and (brand_of_a_product(text, m.start, m.end) or (m.extractor == "ner" and no_body(m))):
            continue  # 小米 + 电视; the model's 物业 (投资物业), 人大 + 代表: no body named
        if m.extractor == "ner" and m.type == "ORG" and (verb := trailing_verb(m)) is not None:
            m = replace(m, end=verb)  # 紫金南投/系/v 紫金矿业…: the sentence's verb, no part of the name
        if m.extractor == "ner" and m.type == "ORG" and (whole := nt_word_end(m)) is not None:
            m = replace(m, end=whole)  # 县/人民政府: the model stopped inside jieba's organization word
        if m.extractor == "ner" and m.type == "ORG" and (place := place_before_a_title(m)) is not None:
            kept.append(replace(m, end=place))  # 国民党台北市议员: the party, and the place of the title
            m = replace(m, start=place, type="LOC")
        if m.extractor == "ner" and m.type == "ORG" and (cut := time_word_inside(m)) is not None:
            m = replace(m, end=cut)  # 台铁中午发出新闻稿 is 台铁
        if m.extractor == "ner" and m.type == "ORG" and (cut := title_inside(m)) is not None:
            m = replace(m, end=cut)  # 九巴董事總經理: 九巴, then the title
        if (
            m.extractor == "ner"
            and m.type == "PERSON"
            and m.end - m.start >= 3
            and text[m.end - 1] in _COUNT_DIGITS
            and text[m.end : m.end + 1] in _PEOPLE_COUNTERS
        ):
            m = replace(m, end=m.end - 1)  # 孙丽 + 四人: the count after a list of names is none of the last
        if (
            m.extractor == "ner"
            and m.type == "PERSON"
            and (glued := _HAN_THEN_LATIN_NAME.fullmatch(text, m.start, m.end))
        ):
            kept.append(replace(m, end=glued.end(1)))  # 何家欣Karen: a Chinese name, then an English one
            m = replace(m, start=glued.start(2))
        if m.extractor == "ner" and m.type == "PERSON" and (thing := named_after(m)) is not False:
            if thing is None:
                continue  # 鲁迅文学奖/nz, 诺贝尔 + 奖: a prize named after a person is no person
            m = thing  # 孙中山 + 故居: a place named after a person
        if (
            m.extractor == "ner"
            and m.type == "PERSON"
            and m.end - m.start == 2
            and text[m.start] in single
            and text[m.start + 1] in stop_chars
            and text[m.start + 1] != "某"  # 廖某: a name the report withholds
            and _HAN1.fullmatch(text, m.end, m.end + 1)
            and text[m.end] not in stop_chars
            and (not _HAN1.fullmatch(text, m.end + 1, m.end + 2) or text[m.end + 1] in stop_chars)
        ):
            m = replace(m, end=m.end + 1)  # 李在 + 明 + 在: a given name's first character that is a function word
        if m.extractor == "ner" and m.type == "PERSON" and (whole := japanese_name(m)) is not None:
            m = replace(m, start=whole[0], end=whole[1])  # 岸 + 田文雄, 铃木 + 一朗: a listed family name
        if m.extractor == "ner" and m.type == "PERSON" and _model_person_is_a_place_word(m, pos):
            continue
        if (
            m.extractor == "ner"
            and m.type == "PERSON"
            and text[m.start] in single
            and text[m.start + 1 : m.end] in person_nouns
        ):
            continue  # 姓陈 + 男子: a surname and a word for a person, no name
        if (
            m.extractor == "ner"
            and m.type == "PERSON"
            and m.end - m.start == 1
            and "姓" in (text[m.start - 1 : m.start], text[m.end : m.end + 1])
        ):
            continue  # 姓 + 陈 + 的男子, 李 + 姓司机: a surname named as one is no name (the real-news guidelines)
        if (
            m.extractor == "ner"
            and m.type == "PERSON"
            and text[m.start] in single
            and text[m.start + 1 : m.end] in kin_words
        ):
            continue  # 刘 + 女士: a surname with an address word is no name (the real-news guidelines)
        if m.extractor == "ner" and m.type == "PERSON" and m.end - m.start == 2 and text[m.end - 1] in title_chars:
            if text[m.start] in single:
                continue  # 蘇揆, 李董: a surname and a title's character address someone, no name
        if m.extractor == "ner" and m.type == "LOC" and m.end - m.start == 1 and text[m.start] in title_chars:
            continue  # the 揆 of 蘇揆 read alone
        if m.extractor == "ner" and m.type == "PERSON" and (given := given_name_after(m)) is not None:
            m = replace(m, end=given)  # 牛/n 文举/n 判处…: the model read the surname alone
        if (
            m.extractor == "ner"
            and m.type == "PERSON"
            and m.end - m.start <= 2
            and text[max(m.start - 2, 0) : m.start] in compound
        ):
            m = replace(m, start=m.start - 2)  # 令狐 + 安: the model read the given name alone
        if (
            m.extractor == "ner"
            and m.type == "PERSON"
            and m.end - m.start == 1
            and not one_character_names
            and text[m.end : m.end + 1] != "某"  # 陈 + 某处: a withheld name the text repeats (陈某)
        ):
            continue  # 陈先生, 李局长, 钱老, 在陳帶領下: a surname alone, addressed or standing for a name, is none
        if (
            m.extractor == "ner"
            and m.type == "PERSON"
            and m.end - m.start == 2
            and text[m.start] in single
            and a_given_final_before_a_verb(text, m.end)
        ):
            m = replace(m, end=m.end + 1)  # 王伟 + 中 + 出席: the model stopped where jieba cut the name
        if (
            m.extractor == "ner"
            and m.type == "PERSON"
            and m.end - m.start == 2
            and text[m.start] in single
            and (rare := rare_character_after(m.end))
        ):
            m = replace(m, end=rare)  # 孙兴 + 慜: a rare character jieba leaves alone ends the given name
        if m.extractor == "ner" and m.type == "PERSON" and m.end - m.start >= 3 and text[m.end - 1] in level_chars:
            m = replace(m, type="LOC")  # 万里区: a district, not a given name ending in 区
        if m.extractor == "ner" and m.type == "PERSON" and text.startswith(resident_words, m.end):
            m = replace(m, type="LOC")  # 何文田 + 居民: the residents of a place, not a person's
        if m.extractor != "ner":
            if (
                m.type in ("DATE", "AMOUNT")
                and not _DIGIT.search(text, m.start, m.end)
                and (inside_a_name(m) or inside_a_model_name(m))
            ):
                continue
            withheld = text.endswith("某", m.start, m.end) and text[m.start] in single  # 许/m 某某/r: 许某某
            if (m.type == "PERSON" and not withheld) and (
                pos.get((m.start, m.end)) in not_name_pos
                or (
                    m.rule not in _FAMILY_NAME_RULES
                    and (m.rule not in _CREDIT_RULES or m.end - m.start > 3)
                    and common_words_only(m)
                )
            ):
                # a credited name may be made of common words (记者 游润恬: 游润/n 恬/a); four are a column (周末漫谈)
                continue
            if m.type == "PERSON" and (m.start, m.end) in model_places and pos.get((m.start, m.end), "") == "ns":
                continue  # 华盛顿/ns 称: the model reads the speaker as a place, as jieba does
        kept.append(m)
    return kept
