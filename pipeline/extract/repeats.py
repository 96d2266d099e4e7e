"""The document's own evidence: a name found once is found again, and an abbreviation it defines is a name.

News introduces a body once in full and then uses its short name (台灣電力公司
（台電）… 台電表示), and repeats a company's or a person's name where the
sentence gives the model less to go on. After fusion, this stage

* reads definitions after an organization: ``X（台電）``, ``X（以下简称“台电”）``,
  ``X，简称台电``: the short name is an organization too, where it can abbreviate the name (its
  characters in order within it, or a Latin name with a capital: not 港铁(066), 医院(民营医院)), and a shorter
  organization found inside it (华润 of 以下简称“华润三九”) gives way;
  a person's Latin name in brackets after the name is that person too (费尔柴德（Stuart Fairchild）,
  張敏儀（Cheung Man-yee）, 陳美玲（Mandy）), and so is an English given name written right after it
  (陳志明Peter表示);
  and a company's name without its legal form (小米集团 → 小米, 快播公司 → 快播: ``COMPANY_FORMS``) is its
  short name, unless that is a place (北京公司 → not 北京), and so is the name before its trade word
  without a place before it (中国吉利汽车集团 → 吉利, 格力电器 → 格力: ``orgs.json`` ``company_trades``);
  and a place's name without its level word (龙岗区 → 龙岗: ``places.json`` ``stem_levels``) is the
  same place, where that is one jieba word tagged as a name;
* drops the model's names that are a facility head alone (酒店: a kind, not a name), reads its person
  before an acronym in brackets as an organization (恩士迅（NCS）), and drops its
  persons named like things (山陀儿台风: ``people.json`` ``thing_words``), and
  gives a name the model read with two types the type it gives at least twice as often;
* finds every other occurrence of each name the document holds (ORG, PERSON,
  LOC, two characters or more; a surface given two types is left alone),
  inside the article's text regions, starting and ending on jieba word
  boundaries (so 王刚 is not found inside 王刚才; but a person the model cut short of a name the
  document holds, 蔡簦 of 蔡簦合 + 能, is that name), where no entity is yet or
  where only shorter names lie inside it (恒力 of 恒力化纤称, once 恒力化纤 is
  known); an amount, a date or a structured mention is never displaced, and a
  head word alone (商会, 公司: ``orgs.json``) is not spread however it was tagged.

* reads lists of places joined by 、: an item ending in the level of the place beside it
  (海子洼村、古守营村: 村) is a place too, where nothing else was found on it; and lists of people: an
  item beside a person that is a surname and a given name (屠呦呦、袁隆平) is a person too;

* finds a person's two-character given name where it begins a clause after the full name (张家齐 …
  。家齐赛后说), unless it is a dictionary word of another kind (建国).

Added mentions carry ``rule="repeats.document"``, ``"repeats.abbreviation"``, ``"repeats.list"`` or
``"repeats.given_name"``
and the confidence of the mention they repeat, capped at 0.8.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from pipeline import data
from pipeline.extract.base import Context, Mention, within
from pipeline.extract.words import brand_of_a_product

NAMED = ("ORG", "PERSON", "LOC")
_QUOTE_OPEN = "“\"「『‘'"
_QUOTE_CLOSE = "”\"」』’'"
_LATIN_NAME = r"[A-Z][A-Za-z0-9&.\-]*(?: [A-Z][A-Za-z0-9&.\-]*){0,4}"  # Telkomsel, Digital InfraCo
# Stuart Fairchild, and a Cantonese given name's hyphen (Cheung Man-yee, John Lee Ka-chiu); not NASA
# and an English given name alone (陳美玲（Mandy）)
_LATIN_PERSON = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)?(?:[ .\-][A-Z][a-z]+(?:-[a-z]+)?)*")
_GLUED_GIVEN_NAME = re.compile(r"[A-Z][a-z]{1,11}(?![A-Za-z0-9])")  # 陳志明Peter表示: a Hong Kong English name
_DEFINITION = re.compile(
    rf"[（(][ \u3000]*(?:(?:以下)?(?:简称为|简称|下称)[ \u3000]*[:：]?)?[ \u3000]*[{_QUOTE_OPEN}]?"
    rf"(?P<short>[\u4e00-\u9fffA-Za-z0-9&]{{2,8}}|{_LATIN_NAME})[{_QUOTE_CLOSE}]?[ \u3000]*[）)]"
    rf"|[，,][ \u3000]*(?:以下)?(?:简称|下称)[ \u3000]*[{_QUOTE_OPEN}]?(?P<after>[\u4e00-\u9fffA-Za-z0-9&]{{2,8}})"
    rf"[{_QUOTE_CLOSE}]?"
    # （以下简称“风华高科”，000636.SZ）: the quoted short name, then more in the brackets (a stock code)
    rf"|[（(][ \u3000]*(?:以下)?(?:简称为|简称|下称)[ \u3000]*[:：]?[ \u3000]*[{_QUOTE_OPEN}]"
    rf"(?P<quoted>[\u4e00-\u9fffA-Za-z0-9&]{{2,8}})[{_QUOTE_CLOSE}][ \u3000]*[，,；;、]"
)
MAX_CONFIDENCE = 0.8
COMPANY_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "集团公司", "控股集团", "集团", "控股", "公司")


@cache
def _generic_words() -> frozenset[str]:
    """Head words alone (商会, 公司, 政府, 酒店): a name's kind, not a name, however the model tagged them once."""
    table = data.table("zh/orgs.json")
    return frozenset(table["head_words"]) | frozenset(table["weak_heads"]) | frozenset(table["not_orgs"]) | _kinds()


@cache
def _kinds() -> frozenset[str]:
    """Facility heads alone (酒店, 机场): a kind of place, never a name alone (共青团 and 工会 alone are)."""
    return frozenset(data.table("zh/places.json")["facility_heads"])


class Repeats:
    name = "repeats"

    def extend(self, mentions: list[Mention], ctx: Context) -> list[Mention]:
        """``mentions`` (fused, disjoint) with the definitions and repeated names added; still disjoint, sorted."""
        text = ctx.folded
        kinds, generic = _kinds(), _generic_words()
        mentions = [m for m in mentions if not (m.extractor == "ner" and text[m.start : m.end] in kinds)]
        mentions = _acronymed_people(_one_type_per_name(_things_named_like_people(mentions, text), text), text)
        owner = [-1] * len(text)  # per offset: the index of the mention there, -1 none, -2 one added here
        for i, m in enumerate(mentions):
            owner[m.start : m.end] = [i] * (m.end - m.start)
        displaced: set[int] = set()  # indices of mentions a longer repeated or defined name replaced
        added = self._definitions(mentions, text, owner, displaced) + _listed_places(mentions, text, owner, ctx)
        added += _listed_people(mentions, text, owner, ctx, displaced)
        names: dict[str, set[str]] = defaultdict(set)
        confidence: dict[str, float] = {}
        for m in [*mentions, *added]:
            if m.type in NAMED and m.end - m.start >= 2 and text[m.start : m.end] not in generic:
                surface = text[m.start : m.end]
                shorts = (
                    _short_names(surface, ctx)
                    if m.type == "ORG"
                    else (_place_stem(surface, ctx),)
                    if m.type == "LOC"
                    else ()
                )
                for name in (surface, *(x for x in shorts if x)):
                    names[name].add(m.type)
                    confidence[name] = max(confidence.get(name, 0.0), m.confidence)
        starts = ctx.token_starts
        ends = ctx.token_ends
        demonyms = data.demonym_chars()
        for surface in sorted(names, key=len, reverse=True):  # longest first: 台積電公司 before 台積電
            if len(names[surface]) != 1:
                continue
            (kind,) = names[surface]
            for start in _occurrences(surface, text):
                end = start + len(surface)
                if start not in starts or not within(ctx.spans, start, end):
                    continue
                if end not in ends and not (kind == "PERSON" and _cut_short(mentions, owner, start, end)):
                    continue
                if kind == "ORG" and brand_of_a_product(text, start, end):
                    continue  # 小米 + 电视: the brand used for a product here (words.py)
                if kind == "LOC" and text[end : end + 1] in demonyms:
                    continue  # 墨西哥籍男子: a nationality here (words.py), whatever the name is elsewhere
                if any(o != -1 for o in owner[start:end]):
                    inside = _replaceable(mentions, owner, start, end)
                    if inside is None or any((mentions[i].start, mentions[i].end) == (start, end) for i in inside):
                        continue  # not displaceable, or already found there
                    displaced.update(inside)
                added.append(
                    Mention(start, end, kind, "rule", "repeats.document", min(confidence[surface], MAX_CONFIDENCE))
                )
                owner[start:end] = [-2] * (end - start)
        added += _given_names(mentions, text, owner, names, ctx)
        kept = [m for i, m in enumerate(mentions) if i not in displaced]
        return sorted([*kept, *added], key=lambda m: (m.start, m.end))

    @staticmethod
    def _definitions(mentions: list[Mention], text: str, owner: list[int], displaced: set[int]) -> list[Mention]:
        """The short names defined after a name; a shorter organization or place found inside one (华润 of
        以下简称“华润三九”, 广东 of 以下简称“广东新宇”) gives way to it (its index goes into ``displaced``)."""
        found = []
        for m in mentions:
            if m.type not in ("ORG", "PERSON"):
                continue
            match = _DEFINITION.match(text, m.end)
            latin_after_han = m.type == "PERSON" and _HAN.fullmatch(text, m.end - 1, m.end)  # not 王芳i + Phone
            if not match and latin_after_han and (glued := _GLUED_GIVEN_NAME.match(text, m.end)):
                start, end = glued.span()
                if all(o == -1 for o in owner[start:end]):
                    found.append(Mention(start, end, "PERSON", "rule", "repeats.abbreviation", MAX_CONFIDENCE))
                    owner[start:end] = [-2] * (end - start)
                continue
            if not match:
                continue
            group = next(g for g in ("short", "after", "quoted") if match[g])
            start, end = match.span(group)
            short = match[group]
            if m.type == "PERSON" and not (group == "short" and _LATIN_PERSON.fullmatch(short)):
                continue  # a person's name in Latin letters, 费尔柴德（Stuart Fairchild）; no short names
            inside = {o for o in owner[start:end] if o != -1}
            if short == text[m.start : m.end] or not (not inside or _shorter_names(mentions, inside, start, end)):
                continue
            if m.type == "ORG" and not _abbreviates(short, text[m.start : m.end]):
                continue  # 港铁(066): a stock code; 医院(民营医院): a description, no short name
            displaced.update(inside)
            found.append(Mention(start, end, m.type, "rule", "repeats.abbreviation", min(m.confidence, MAX_CONFIDENCE)))
            owner[start:end] = [-2] * (end - start)
        return found


def _shorter_names(mentions: list[Mention], inside: set[int], start: int, end: int) -> bool:
    """Are the mentions ``inside`` organizations or places within ``[start, end)``, shorter than it and not
    structured (华润 of 华润三九, 广东 of 广东新宇)?"""
    return all(
        i >= 0
        and mentions[i].type in ("ORG", "LOC")
        and not mentions[i].structured
        and start <= mentions[i].start
        and mentions[i].end <= end
        and mentions[i].end - mentions[i].start < end - start
        for i in inside
    )


_LIST_MARK = "、"


@cache
def _list_levels() -> tuple[str, ...]:
    """The levels a list of places shares (村, 镇, 乡, 街道: ``places.json`` ``stem_levels``), longest first."""
    return tuple(sorted(data.table("zh/places.json")["stem_levels"], key=len, reverse=True))


def _listed_places(mentions: list[Mention], text: str, owner: list[int], ctx: Context) -> list[Mention]:
    """海子洼村、古守营村、陈家湾村: in a list joined by 、, an item that ends in the level of a place next to it
    in the list is a place of that level too (two characters or more before the level, ending where a jieba
    word ends), where nothing else was found on it; a rule at 0.7."""
    levels = _list_levels()
    starts, ends = ctx.token_starts, ctx.token_ends
    places = {(m.start, m.end) for m in mentions if m.type == "LOC"}
    found: list[Mention] = []
    queue = [m for m in mentions if m.type == "LOC" and m.end - m.start >= 3]
    while queue:
        place = queue.pop()
        level = next((x for x in levels if text.endswith(x, place.start, place.end)), None)
        if level is None:
            continue
        for start, end in _list_neighbours(text, place.start, place.end, level, starts):
            if (start, end) in places or end not in ends or not within(ctx.spans, start, end):
                continue
            if any(o != -1 for o in owner[start:end]):
                continue
            item = Mention(start, end, "LOC", "rule", "repeats.list", 0.7)
            found.append(item)
            places.add((start, end))
            owner[start:end] = [-2] * (end - start)
            queue.append(item)
    return found


_PERSON_ITEM = re.compile(
    r"[\u4e00-\u9fff]{2,3}?(?=[、，,。；;：:）)\s]|和|及|与|等|[一二两三四五六七八九十][人位名]|$)"
)
_LAST_JOINTS = ("和", "及", "与")
_ITEM_EDGE = "、，,。；;：:（(“”「」 \t\n"


def _listed_people(
    mentions: list[Mention], text: str, owner: list[int], ctx: Context, displaced: set[int]
) -> list[Mention]:
    """屠呦呦、袁隆平和黄旭华: in a list joined by 、, an item right before or after a person that is a surname
    and a given name of one or two characters (the person rules' test), on jieba's word edges, no dictionary
    word but a name jieba knows (王者 is none), with no verb, adverb or preposition in it (有/v 张伟), is a person
    too, where nothing but the model's shorter name inside it (屠 + 呦呦/LOC: ``displaced``) was found on it;
    a rule at 0.7."""
    from pipeline.extract.people import PersonExtractor  # the name test; people imports nothing from here

    w = data.table("zh/people.json")
    starts = ctx.token_starts
    clause = {t.start for t in ctx.tokens if t.pos[:1] in "vdpcu"}
    named = {(t.start, t.end) for t in ctx.tokens if t.pos.startswith("nr")}

    def free(start: int, end: int) -> bool:
        """Nothing found there, or only the model's shorter name inside (屠 + 呦呦/LOC), or its shorter person
        at the start (钟/PERSON + 睒睒); not its person after a word (由 + 陈明)."""

        def shorter(o: int) -> bool:
            m = mentions[o]
            inside = m.start > start if m.type != "PERSON" else m.start == start
            return m.extractor == "ner" and inside and m.end <= end and m.end - m.start < end - start

        return all(o == -1 or (o >= 0 and shorter(o)) for o in owner[start:end])

    def a_name(start: int, end: int, edged: bool = True, verb: bool = False) -> bool:
        """``edged``: 、 or punctuation before the item; else it is the list's first, after a verb perhaps, and
        begins a word; ``verb``: its surname may be a verb's character (屠/v 呦呦)."""
        return (
            (start in starts or edged)
            and within(ctx.spans, start, end)
            and free(start, end)
            and (edged or (verb and start + 1 in starts) or not any(start <= at < end for at in clause))
            and ((start, end) in named or not ctx.word_freq.get(text[start:end]))
            and PersonExtractor._is_name(text[start:end], w)
        )

    found: list[Mention] = []
    queue = [m for m in mentions if m.type == "PERSON"]
    while queue:
        person = queue.pop()
        items = []
        listed = text[person.start - 1 : person.start] == _LIST_MARK
        joint = text[person.end : person.end + 1]  # 、, or 和 after a listed person (张军和应勇)
        if (joint == _LIST_MARK or (listed and joint in _LAST_JOINTS)) and (
            after := _PERSON_ITEM.match(text, person.end + 1)
        ):
            items.append((*after.span(), True, False))
        last = person.start - 1  # where the item before would end, at the 、
        if last > 0 and text[last] == _LIST_MARK:
            spans = [(last - n, last) for n in (3, 2) if last - n >= 0 and _HAN.fullmatch(text, last - n, last)]
            edged = [x for x in spans if x[0] == 0 or text[x[0] - 1] in _ITEM_EDGE]  # 、王芳、: the item's both ends
            # the list's first item: 有/v 张伟 is 张伟, but 包括 + 屠/v 呦呦 is 屠呦呦, no shorter name standing there
            first = [(*x, False, False) for x in spans if a_name(*x, False)] or [(*x, False, True) for x in spans[:1]]
            items += [(*x, True, False) for x in edged[:1]] or first[:1]
        for start, end, edge, verb in items:
            if a_name(start, end, edge, verb):
                displaced.update(o for o in owner[start:end] if o >= 0)
                item = Mention(start, end, "PERSON", "rule", "repeats.list", 0.7)
                found.append(item)
                owner[start:end] = [-2] * (end - start)
                queue.append(item)
    return found


def _list_neighbours(text: str, start: int, end: int, level: str, starts: set[int]) -> list[tuple[int, int]]:
    """The items ending in ``level`` written right before and after ``text[start:end]`` in a list joined by 、:
    two to six Han characters and the level, the shortest such that begins a jieba word."""
    out = []
    if text[end : end + 1] == _LIST_MARK and (after := re.compile(_list_item(level)).match(text, end + 1)):
        out.append(after.span())
    last = start - 1  # where the item before would end, at the 、
    if start > 0 and text[last] == _LIST_MARK and text.endswith(level, 0, last):
        for n in range(2, 7):
            first = last - len(level) - n
            if first < 0 or not _HAN.fullmatch(text, first, last):
                break
            if first in starts:
                out.append((first, last))
                break
    return out


_HAN = re.compile(r"[\u4e00-\u9fff]+")


@cache
def _list_item(level: str) -> str:
    return rf"[\u4e00-\u9fff]{{2,6}}?{re.escape(level)}"


def _abbreviates(short: str, name: str) -> bool:
    """Can ``short`` be ``name``'s short name: its Han characters in order within the name (台电 of 台湾电力公司,
    恒力化纤 of 江苏恒力化纤股份有限公司), or a Latin name with a capital (NASA, TVB, Digital InfraCo)?"""
    if short.isascii():
        letters = re.sub(r"[&.\- ]", "", short)
        return letters.isalnum() and letters[:1].isalpha() and any(c.isupper() for c in short)
    rest = iter(name)
    return all(ch in rest for ch in short)


@cache
def _thing_words() -> tuple[str, ...]:
    return tuple(data.table("zh/people.json")["thing_words"])


def _things_named_like_people(mentions: list[Mention], text: str) -> list[Mention]:
    """Drop the persons whose name the document once writes right before or after a word for a thing
    (山陀儿台风, 台风塔巴, 普悠玛列车: ``people.json`` ``thing_words``): a typhoon's or a train's name, wherever
    it stands."""
    things = _thing_words()
    names = {text[m.start : m.end] for m in mentions if m.type == "PERSON" and m.extractor == "ner"}
    not_people = {n for n in names if n.endswith(things) or any(n + w in text or w + n in text for w in things)}
    not_people |= {n[: -len(w)] for n in not_people for w in things if n.endswith(w)}  # 塔巴台风 … 塔巴
    return [
        m for m in mentions if not (m.type == "PERSON" and m.extractor == "ner" and text[m.start : m.end] in not_people)
    ]


_TYPING_RULES = ("people.titled", "registers.", "orgs.gazetteer", "outlets.")


_ACRONYM = re.compile(r"[（(][ \u3000]*(?P<acronym>[A-Z]{2,6})[ \u3000]*[）)]")


@cache
def _latin_titles() -> frozenset[str]:
    return frozenset(t for t in data.table("zh/titles.json")["titles"] if t.isascii())


def _acronymed_people(mentions: list[Mention], text: str) -> list[Mention]:
    """The model's person followed by an acronym in brackets (恩士迅（NCS）) is an organization, there and
    wherever the model reads the name as a person: a person's Latin name is written in words (费尔柴德（Stuart
    Fairchild）), a body's short one in capitals; not a title (张三（CEO）)."""
    bodies = set()
    for m in mentions:
        match = _ACRONYM.match(text, m.end) if m.type == "PERSON" and m.extractor == "ner" else None
        if match and match["acronym"] not in _latin_titles():
            bodies.add(text[m.start : m.end])
    return [
        replace(m, type="ORG") if m.type == "PERSON" and m.extractor == "ner" and text[m.start : m.end] in bodies else m
        for m in mentions
    ]


def _one_type_per_name(mentions: list[Mention], text: str) -> list[Mention]:
    """A name the model gives two types is of the type a typing rule gives it (首相安华 … 与安华会晤: PERSON, as
    the title says), else of the type the model gives at least twice as often (特朗普 PERSON ×5 and LOC ×1
    before 总统): one article uses one name for one thing. Rule mentions are left as they are; the typing rules
    (``_TYPING_RULES``: a title before a name, a register, an outlet) are the ones that say what a name is."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    typed: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.type in NAMED and m.end - m.start >= 2:
            counts[text[m.start : m.end]][m.type] += 1
            if m.extractor != "ner" and any(rule in m.rule for rule in _TYPING_RULES):
                typed[text[m.start : m.end]].add(m.type)
    retype: dict[str, str] = {}
    for name, by_type in counts.items():
        if len(by_type) > 1 and len(typed.get(name, ())) == 1:
            (retype[name],) = typed[name]
        elif len(by_type) > 1:
            (best, n), (_, second) = by_type.most_common(2)
            if n >= 2 * second:
                retype[name] = best
    if not retype:
        return mentions
    return [
        replace(m, type=retype[text[m.start : m.end]])
        if m.extractor == "ner" and m.type in NAMED and retype.get(text[m.start : m.end], m.type) != m.type
        else m
        for m in mentions
    ]


_CLAUSE_START = "。！？；，：、”」\n"
"""What ends the clause or quote before a given name that stands for the person (。家齐赛后说)."""


def _given_names(
    mentions: list[Mention], text: str, owner: list[int], names: dict[str, set[str]], ctx: Context
) -> list[Mention]:
    """A person named in full by a one-character surname and a two-character given name, referred to later
    by the given name alone (张家齐 … 。家齐赛后说): the given name is that person where it begins a clause,
    lies on jieba's word boundaries with nothing found on it, and is no dictionary word of another kind
    (建国, 国庆 are words; 家齐 is none): news calls young athletes and children so after the first mention."""
    single = data.surnames()[0]
    people = {
        text[m.start + 1 : m.end]
        for m in mentions
        if m.type == "PERSON" and m.end - m.start == 3 and text[m.start] in single
    }
    tags = {t.text: t.pos for t in ctx.tokens}
    starts, ends = ctx.token_starts, ctx.token_ends
    found = []
    for given in sorted(people):
        if given in names or (ctx.word_freq.get(given) and not tags.get(given, "nr").startswith("nr")):
            continue
        for start in _occurrences(given, text):
            end = start + 2
            if start not in starts or end not in ends or not within(ctx.spans, start, end):
                continue
            if (start > 0 and text[start - 1] not in _CLAUSE_START) or any(o != -1 for o in owner[start:end]):
                continue
            found.append(Mention(start, end, "PERSON", "rule", "repeats.given_name", MAX_CONFIDENCE))
            owner[start:end] = [-2] * 2
    return found


def _occurrences(word: str, text: str) -> Iterator[int]:
    """Where ``word`` occurs in ``text``, left to right, not overlapping (a literal search: no regex per name)."""
    at = text.find(word)
    while at != -1:
        yield at
        at = text.find(word, at + len(word))


def _cut_short(mentions: list[Mention], owner: list[int], start: int, end: int) -> bool:
    """蔡簦 + 合能/v, 蔡 + 簦合能: the model's person at ``start`` ends inside ``[start, end)``, a longer name of
    the document, with nothing else found up to its end: the model cut the name short where jieba joined its
    last character to the next word (so the name does not end on a word boundary)."""
    i = owner[start]
    return (
        i >= 0
        and mentions[i].type == "PERSON"
        and mentions[i].start == start
        and start < mentions[i].end < end
        and all(o == -1 for o in owner[mentions[i].end : end])
    )


def _replaceable(mentions: list[Mention], owner: list[int], start: int, end: int) -> set[int] | None:
    """Indices of the mentions covering ``[start, end)`` if all are shorter names inside it, else None."""
    inside = set(owner[start:end]) - {-1}
    if -2 in inside:
        return None
    for i in inside:
        m = mentions[i]
        if m.start < start or m.end > end or m.structured or m.type not in NAMED:
            return None
    return inside


@cache
def _place_levels() -> tuple[str, ...]:
    return tuple(data.table("zh/places.json")["stem_levels"])


def _place_stem(name: str, ctx: Context) -> str | None:
    """龙岗区 -> 龙岗: a place's name without its level word, if that is one word of two characters or more
    that is no common word (not 开发 of 开发区, 新 of 新区)."""
    level = next((x for x in _place_levels() if name.endswith(x)), None)
    stem = name[: -len(level)] if level else ""
    if len(stem) < 2 or ctx.segment is None:
        return None
    words = ctx.segment(stem)
    if len(words) != 1 or words[0].pos not in ("ns", "nr", "nrt", "nz", "j"):
        return None
    return stem


def _short_names(name: str, ctx: Context) -> tuple[str, ...]:
    """A company's short names: without its legal form (小米集团 -> 小米), and the name before its trade
    word without a place before it (中国吉利汽车集团 -> 中国吉利汽车, 吉利; 格力电器 -> 格力)."""
    short = _short_name(name, ctx)
    core = _trade_core(short or name, ctx)
    return tuple(x for x in (short, core) if x)


def _trade_core(name: str, ctx: Context) -> str | None:
    """吉利 of 中国吉利汽车: the words before a trade word (``orgs.json`` ``company_trades``), without a place
    word before them; one or two words, none of a kind a name is not (``trade_core_not_pos``), and not a
    well-known place alone (长城 of 长城汽车: jieba's frequency of a place word, 1,000 or more) nor a city or county
    jieba lists with its level (龙岩 of 龙岩投资集团: 龙岩市)."""
    table = data.table("zh/orgs.json")
    trade = next((t for t in table["company_trades"] if name.endswith(t)), None)
    if trade is None or ctx.segment is None:
        return None
    words = ctx.segment(name[: -len(trade)])
    if len(words) > 1 and (words[0].pos.startswith("ns") or words[0].text in table["region_words"]):
        words = words[1:]
    core = "".join(w.text for w in words)
    if len(core) < 2 or len(words) > 2 or core in _generic_words():
        return None
    if any(w.pos in table["trade_core_not_pos"] for w in words):
        return None
    if len(words) == 1 and words[0].pos.startswith("ns") and ctx.word_freq.get(core, 0) >= _WELL_KNOWN_PLACE:
        return None
    if any(ctx.word_freq.get(core + level, 0) > 0 for level in _CITY_LEVELS):
        return None  # 龙岩 of 龙岩投资集团: jieba lists 龙岩市, a city whose company it is
    return core


_CITY_LEVELS = ("市", "县", "省")  # not 区: jieba lists many a district named like a company (吉利区)


_WELL_KNOWN_PLACE = 1000  # jieba frequency above which a place word is read as the place, not a company


def _short_name(name: str, ctx: Context) -> str | None:
    """小米集团 -> 小米: a company's name without its legal form, if that leaves a name that is no place."""
    form = next((f for f in COMPANY_FORMS if name.endswith(f)), None)
    short = name[: -len(form)] if form else ""
    if len(short) < 2 or short in _generic_words() or ctx.segment is None:
        return None
    words = ctx.segment(short)
    if any(w.pos.startswith("ns") for w in words) and len(words) == 1:
        return None
    return short
