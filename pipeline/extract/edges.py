"""Where a name begins and ends: no punctuation at its edge, none inside unless it belongs there.

The model and the suffix grammar sometimes run a name into the sentence's
punctuation (台北榮總。, 福鼎龙安医院(民营医院, a person ending in ”). For ORG,
PERSON and LOC mentions: punctuation and spaces at either edge are cut off;
inside, a balanced pair of brackets or quotes (中科恆源(Zkenergy)科技有限公司,
“2·25”救援指挥部), the joiners of foreign names (·, -, &, ') and a space between Latin
letters (Brian Snyder) stay, and any
other punctuation ends the name there (the longer side of a two-character
minimum is kept). The model's organization in Latin letters that a Latin phrase runs on from
(Land of ``(Land bank)``) is no name: the model cut a longer name or gloss. Amounts and dates
are left as their grammars made them.

People's names have two more edges (``person_edges``): the parts of a
transliterated name joined by a hyphen or a middle dot are one name
(希拉里-克林顿, 乔治·布什: the model reads each part), a surname with 某 or 某某
is a name (高某, 張某某; the model stops at the surname), a surname alone stays
(江主席) but not before 姓 (張姓警員 describes someone), a surname, a space and one
character (张 红, a name padded as bylines set it) is one name, a four-character
person of a single surname that ends in a function character (``people.json``
``name_stop_chars``: 宋晟睿都) loses it, one that runs into a credit's label ends
before it (记者肖丹 + 通讯员宋云辉), and the model's person is dropped when
it is a single word in Latin letters (date, Image: page words, not names; Brian
Snyder stays). An organization that runs into a party unit's title (协会党支部 +
书记: ``unit_titles``) ends before the unit, and one that runs into a team working in it (华中科技大学 +
研究团队: ``teams``) before the team, and one that runs into an outlet's channel or app (人民日报 + 微信公众号:
``channels``) before the channel; one that runs over the word between a match's sides (切尔西 + VS + 阿森纳:
``versus``) is the two sides; one that runs over a word of holding (旗下, 母公司: ``holdings``) is the
two bodies on its sides, and a branch named by its place written right after a body (平安银行 + 上海分行:
``branches``) is one name with it. Of two places the model reads one after the other, a
level character that begins the second ends the first (兖州 + 区新兖镇 -> 兖州区 + 新兖镇:
``place_levels``), and a place right before a street word jieba leaves alone is the street (牛头角 + 道: ``streets``).
A Malaysian honorific (拿督斯里) stays outside the name after it (``honorifics``).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import replace
from functools import cache

from pipeline import data
from pipeline.extract.base import Mention
from pipeline.segment import Token

NAMED = ("ORG", "PERSON", "LOC")
HONORIFIC_NAME_POS = ("nr", "ns", "nz", "n", "j", "eng", "vg", "ng")  # jieba's tags of a Malay name's words
_LATIN_LETTER = re.compile(r"[A-Za-z]{2}")  # the letters either side of a space inside a Latin name
JOINERS = frozenset("·・•‧-－—–&'’.")
PAIRS = {"(": ")", "（": "）", "“": "”", "「": "」", "『": "』", "《": "》", "[": "]", "【": "】", '"': '"'}
MIN_CHARS = {"ORG": 2, "LOC": 1, "PERSON": 1}
BRANCH = 0.85  # a body, its branch's place and head: as sure as a specific name of the suffix grammar


def _punct(c: str) -> bool:
    return c.isspace() or unicodedata.category(c).startswith("P")


def _edge_symbol(c: str) -> bool:
    """A mark or heading rule at a name's edge (==, ■, ★): never part of the name; ``+`` ends a few (Disney+)."""
    return unicodedata.category(c) in ("Sm", "So") and c not in "+＋"


def _cut(text: str) -> tuple[int, int]:
    """The part of ``text`` to keep, as offsets into it."""
    start, end = 0, len(text)
    if text.isalnum():  # letters and digits only (most names): nothing to cut
        return start, end
    while end - start >= 2 and PAIRS.get(text[start]) == text[end - 1]:  # (中央社): the pair encloses it all
        start, end = start + 1, end - 1
    while start < end and ((_punct(text[start]) and text[start] not in PAIRS) or _edge_symbol(text[start])):
        start += 1
    while start < end and (
        (_punct(text[end - 1]) and not _closes_a_pair(text[start:end])) or _edge_symbol(text[end - 1])
    ):
        end -= 1
    pieces, piece_start, i = [], start, start
    while i < end:
        c = text[i]
        if c in PAIRS:
            close = text.find(PAIRS[c], i + 1, end)
            if close > 0:
                i = close + 1
                continue
        latin_space = c == " " and _LATIN_LETTER.fullmatch(text[i - 1 : i] + text[i + 1 : i + 2])
        if _punct(c) and c not in JOINERS and not latin_space:  # Brian Snyder: one name
            pieces.append((piece_start, i))
            piece_start = i + 1
        i += 1
    pieces.append((piece_start, end))
    return max(pieces, key=lambda p: (p[1] - p[0], -p[0]))


def _closes_a_pair(text: str) -> bool:
    last = text[-1]
    return any(close == last and opening in text[:-1] for opening, close in PAIRS.items())


def _padded_given_name(text: str, at: int) -> bool:
    """A space, then one Han character standing alone (张 红⏎): a two-character name set with a space between
    surname and given name, as bylines align names."""
    return (
        text[at : at + 1] in (" ", "\u3000")
        and "\u4e00" <= text[at + 1 : at + 2] <= "\u9fff"
        and not ("\u4e00" <= text[at + 2 : at + 3] <= "\u9fff")
    )


def unit_titles(mentions: list[Mention], text: str) -> list[Mention]:
    """协会党支部 + 书记: an organization whose last characters begin a unit title the text completes
    (``titles.json`` ``unit_titles``: 党支部书记, 党组副书记; Hong Kong's 财政司司长) ends before them, the
    unit being part of the title; one with nothing of two characters or more left, or only words
    before a former title (香港前 + 政务司司长), is dropped, and one left with no head word is the place
    the office is of (香港 + 财政司司长). A listed name is whole (Macau's 经济财政司 + 司长)."""
    cuts, former = _unit_title_cuts(), _former()
    kept = []
    for m in mentions:
        cut = None
        if m.type == "ORG" and not m.rule.endswith(".gazetteer"):  # a listed name is whole: 经济财政司 + 司长
            cut = next(
                (
                    m.end - n
                    for title, n in cuts.get(text[m.end : m.end + 1], ())
                    if text.startswith(title[n:], m.end) and text.startswith(title[:n], m.end - n)
                ),
                None,
            )
        if cut is None and m.type == "ORG" and text.endswith("党委", m.start, m.end):
            cut = _company_committee(text, m)
        if cut is None:
            kept.append(m)
        elif cut - m.start >= MIN_CHARS["ORG"] and text[cut - 1] not in former:
            # not 香港前 of 香港前政务司司长: what is left describes the title; 香港 of 香港财政司司长 is the place
            named = text.endswith(org_heads(), m.start, cut) or not text.startswith(_OFFICES, cut)
            kept.append(replace(m, end=cut) if named else replace(m, end=cut, type="LOC"))
    return kept


def teams(mentions: list[Mention], text: str) -> list[Mention]:
    """华中科技大学 + 研究团队: an organization that runs on into a word for a team working in it (``orgs.json``
    ``team_words``: 团队, 课题组) ends before the team, where what is left ends in a body's head word: a team
    is a group of the body's people, not a body of its own (the model reads the two as one name); so does one
    where what is left is a listed name (成大 + 研究團隊)."""
    words = _team_words()
    listed = {(m.start, m.end) for m in mentions if m.type == "ORG" and m.rule.endswith(".gazetteer")}
    kept = []
    for m in mentions:
        word = next((t for t in words if text.endswith(t, m.start, m.end)), None) if m.type == "ORG" else None
        cut = m.end - len(word) if word else m.end
        body = text.endswith(org_heads(), m.start, cut) or (m.start, cut) in listed  # 浙大 + 研究团队: listed
        if word and cut - m.start >= MIN_CHARS["ORG"] and body:
            m = replace(m, end=cut)
        kept.append(m)
    return kept


# the word between the two sides of a match or contest (切尔西VS阿森纳, 纳达尔 vs. 费德勒), not inside a Latin word
_VERSUS = re.compile(r"(?<![A-Za-z])\s*[vVｖＶ]\.?[sSｓＳ]\.?\s*(?![A-Za-z])")


def versus(mentions: list[Mention], text: str) -> list[Mention]:
    """切尔西 + VS + 阿森纳: a name that runs over the word for a match between two sides (vs, VS, v.s.) is the two
    sides, each of the name's type and kept where it is long enough (``MIN_CHARS``): a fixture names two teams or
    players, which the model reads as one name."""
    kept = []
    for m in mentions:
        found = _VERSUS.search(text, m.start, m.end) if m.type in MIN_CHARS else None
        if found is None or found.start() == m.start or found.end() == m.end:
            kept.append(m)
            continue
        kept.extend(
            replace(m, start=start, end=end)
            for start, end in ((m.start, found.start()), (found.end(), m.end))
            if end - start >= MIN_CHARS[m.type]
        )
    return kept


def channels(mentions: list[Mention], text: str) -> list[Mention]:
    """人民日报 + 微信公众号, 央视新闻 + 客户端: an organization that runs on into a word for an outlet's channel
    or app (``orgs.json`` ``channel_words``) ends before it, the channel and anything after it being no part of
    the outlet's name (the guidelines' 人民网-广西频道 -> 人民网), where two characters or more are left; an
    organization inside a channel word (微博 of 官方微博) is a platform named for the account, none."""
    words = _channel_words()
    kept = []
    for m in mentions:
        if m.type == "ORG" and _inside_a_word(text, m, words):
            continue
        at = min((k for w in words if (k := text.find(w, m.start, m.end)) >= 0), default=-1) if m.type == "ORG" else -1
        kept.append(replace(m, end=at) if at - m.start >= MIN_CHARS["ORG"] else m)
    return kept


def _inside_a_word(text: str, m: Mention, words: tuple[str, ...]) -> bool:
    """Does one of ``words`` written at ``m`` hold the mention's span, and more?"""
    span = m.end - m.start
    return any(
        text.startswith(w, k) and k <= m.start and m.end <= k + len(w) and len(w) > span
        for w in words
        for k in range(max(0, m.end - len(w)), m.start + 1)
    )


def holdings(mentions: list[Mention], text: str) -> list[Mention]:
    """阿里巴巴集团 + 旗下 + 蚂蚁集团, 谷歌 + 母公司 + Alphabet: an organization that runs over a word of holding
    (``orgs.json`` ``holding_words``: 旗下, 子公司, 母公司) is the two bodies it relates, each of two characters or
    more (the model reads them as one name); a side shorter than that is dropped (谷歌母公司 is 谷歌). So is one
    that runs over a conjunction between two names (拉曼大学 + 与 + 南方大学学院: ``_joint``)."""
    words = _holding_words()
    kept = []
    for m in mentions:
        at = -1
        if m.type == "ORG":
            at, word = next(((text.find(w, m.start, m.end), w) for w in words if w in text[m.start : m.end]), (-1, ""))
            if at < 0:
                at, word = _joint(text, m.start, m.end), "与"
        if at < 0:
            kept.append(m)
            continue
        kept += [
            replace(m, start=start, end=end)
            for start, end in ((m.start, at), (at + len(word), m.end))
            if end - start >= MIN_CHARS["ORG"]
        ]
    return kept


def branches(mentions: list[Mention], text: str) -> list[Mention]:
    """平安银行 + 上海分行, 新北市警察局 + 三重 + 分局: a branch named by its place (a place and a head of
    ``orgs.json`` ``branch_heads``: the suffix grammar's name, or a place the gazetteers found and the head),
    written directly after a listed or the model's organization, is that body's branch: one name from the
    body's start, added beside the others (fusion keeps the longest); so is the model's organization ending in
    a branch head there (a branch named by a place no gazetteer lists). The grammar stops at the place (or finds
    nothing where jieba reads the place as a numeral: 三重/m), and the model often reads the body and the
    branch apart or cuts the body."""
    heads = _branch_heads()
    longest_first = sorted(heads, key=len, reverse=True)
    endings = tuple(heads)
    parents = {m.end: m.start for m in mentions if m.type == "ORG" and (m.extractor == "ner" or _listed(m))}
    joined = []
    for m in mentions:
        if m.start not in parents or m.start - parents[m.start] < MIN_CHARS["ORG"]:
            continue
        if m.type == "ORG" and m.extractor == "rule" and m.places_end is not None and m.start < m.places_end:
            if text[m.places_end : m.end] in heads:
                joined.append(replace(m, start=parents[m.start], places_end=None))
        elif m.type == "LOC" and m.extractor == "rule":
            head = next((h for h in longest_first if text.startswith(h, m.end)), None)
            if head:
                joined.append(Mention(parents[m.start], m.end + len(head), "ORG", "rule", "edges.branch", BRANCH))
        elif m.type == "ORG" and m.extractor == "ner" and text.endswith(endings, m.start, m.end):
            # 集达鞋业有限公司 + 大坝场分厂: the model's branch, named by what the gazetteers do not list
            joined.append(Mention(parents[m.start], m.end, "ORG", "rule", "edges.branch", BRANCH))
    return mentions + joined


def _listed(m: Mention) -> bool:
    return m.rule.endswith(".gazetteer")


@cache
def _branch_heads() -> frozenset[str]:
    """分公司, 分行, 分社 (``orgs.json`` ``branch_heads``)."""
    return frozenset(data.table("zh/orgs.json")["branch_heads"])


@cache
def _long_org_heads() -> tuple[str, ...]:
    return tuple(h for h in org_heads() if len(h) >= 2)


def _joint(text: str, start: int, end: int) -> int:
    """Where a conjunction (与, 和, 及) joins two names inside ``text[start:end]``, each ending in a head word and
    the first in one of two characters or more (拉曼大学 + 与 + 南方大学学院; not 发展 + 和 + 改革委员会), or -1."""
    if not any(ch in text[start:end] for ch in "与和及"):
        return -1
    heads, long_heads = org_heads(), _long_org_heads()
    for k in range(start + 2, end - 2):
        if text[k] in "与和及" and text.endswith(long_heads, start, k) and text.endswith(heads, k + 1, end):
            return k
    return -1


@cache
def _holding_words() -> tuple[str, ...]:
    """旗下, 子公司, 母公司 (``orgs.json`` ``holding_words``), longest first."""
    return tuple(sorted(data.table("zh/orgs.json")["holding_words"], key=len, reverse=True))


@cache
def _channel_words() -> tuple[str, ...]:
    """微信公众号, 客户端 (``orgs.json`` ``channel_words``)."""
    return tuple(data.table("zh/orgs.json")["channel_words"])


@cache
def _team_words() -> tuple[str, ...]:
    """团队, 研究团队, 课题组 (``orgs.json`` ``team_words``), longest first."""
    return tuple(sorted(data.table("zh/orgs.json")["team_words"], key=len, reverse=True))


def _company_committee(text: str, m: Mention) -> int | None:
    """Where 党委 begins in a company's (an association's, a school's) 党委 before one of its titles
    (集团党委 + 书记: ``titles.json`` ``company_unit_titles``), or in the 党委 of a body a demonstrative
    names by its head (该 + 院党委 + 书记); None for a place's 党委."""
    unit = m.end - 2
    if not any(text.startswith(t, unit) for t in _company_unit_titles()):
        return None
    if unit - m.start == 1 and text.endswith(_demonstratives(), 0, m.start):
        return unit  # 该 + 院党委 + 书记: the committee of the body 该院 refers to (dropped: one character left)
    return unit if text.endswith(_company_heads(), m.start, unit) else None


@cache
def _demonstratives() -> tuple[str, ...]:
    """该, 这家, 此 (``regions.json`` ``demonstratives``): words that refer a head word back to a named body."""
    return tuple(data.table("zh/regions.json")["demonstratives"])


@cache
def _company_unit_titles() -> tuple[str, ...]:
    return tuple(data.table("zh/titles.json")["company_unit_titles"])


@cache
def _company_heads() -> tuple[str, ...]:
    """The heads of bodies that are no place's government (``titles.json`` ``kinds``: company, association,
    school, hospital, research, media)."""
    kinds = data.table("zh/titles.json")["kinds"]
    return tuple(
        {
            h
            for kind in ("company", "association", "school", "hospital", "research", "media")
            for h in kinds[kind]["heads"]
        }
    )


_NAME_POS = frozenset(("ns", "nr", "nrfg", "nrt", "nz", "j"))
_OFFICES = ("政务司", "财政司")  # Hong Kong's offices: what is left before them without a head is their place


@cache
def function_chars() -> frozenset[str]:
    """Grammar characters that are no part of a name (的, 由, 与: ``orgs.json`` ``function_chars``)."""
    return frozenset(data.table("zh/orgs.json")["function_chars"])


@cache
def org_heads() -> tuple[str, ...]:
    """The words that end an organization's name (``orgs.json``: head words, weak heads, 政府)."""
    table = data.table("zh/orgs.json")
    return tuple({*table["head_words"], *table["weak_heads"], *table["place_heads"]})


@cache
def _former() -> frozenset[str]:
    """前, 原 before a title (``titles.json`` ``former``)."""
    return frozenset(data.table("zh/titles.json")["former"])


@cache
def _unit_title_cuts() -> dict[str, tuple[tuple[str, int], ...]]:
    """Each way to cut a unit title in two (the title, where), by the first character after the cut: an
    organization's end can only be cut where that character follows it. In the order they are tried:
    longest title first, then the longest part inside the organization."""
    titles = sorted(data.table("zh/titles.json")["unit_titles"], key=len, reverse=True)
    cuts: dict[str, list[tuple[str, int]]] = {}
    for title in titles:
        for n in range(len(title) - 1, 0, -1):
            cuts.setdefault(title[n], []).append((title, n))
    return {char: tuple(found) for char, found in cuts.items()}


def trim_punctuation(mentions: list[Mention], text: str) -> list[Mention]:
    kept = []
    for m in mentions:
        if m.type not in NAMED:
            kept.append(m)
            continue
        a, b = _cut(text[m.start : m.end])
        if b - a < MIN_CHARS[m.type] or _latin_fragment(m, text, m.start + a, m.start + b):
            continue
        kept.append(m if (a, b) == (0, m.end - m.start) else replace(m, start=m.start + a, end=m.start + b))
    return kept


def _latin_fragment(m: Mention, text: str, start: int, end: int) -> bool:
    """The model's organization in Latin letters that a Latin phrase runs on from or into (Land of
    ``(Land bank)``, Digital of ``(Digital InfraCo)``): it cut a name or a gloss in two, so neither
    part is the name."""
    if m.type != "ORG" or m.extractor != "ner" or not _latin(text[start:end]):
        return False
    after = text[end : end + 2]
    before = text[max(0, start - 2) : start]
    return (len(after) == 2 and after[0] == " " and _latin(after[1])) or (
        len(before) == 2 and before[1] == " " and _latin(before[0])
    )


def _latin(text: str) -> bool:
    return text.isascii() and any(c.isalpha() for c in text) and all(c.isalnum() or c in " .&'-" for c in text)


NAME_JOINERS = frozenset("-－·・•‧")
_NOT_A_NAME_AFTER_MOU = frozenset("些种種个個地天年月日时時处處项項类類部方面位次家间間")


def person_edges(mentions: list[Mention], text: str) -> list[Mention]:

    single, compound = data.surnames()
    stops = frozenset(data.table("zh/people.json")["name_stop_chars"])
    labels = _credit_labels()
    others = [m for m in mentions if m.type != "PERSON" or m.extractor != "ner"]
    people: list[Mention] = []
    for m in sorted((m for m in mentions if m.type == "PERSON" and m.extractor == "ner"), key=lambda m: m.start):
        last = people[-1] if people else None
        if last is not None and m.start == last.end + 1 and text[last.end] in NAME_JOINERS:
            people[-1] = replace(last, end=m.end)  # 希拉里 - 克林顿: one name
        else:
            people.append(m)
    kept = []
    for m in people:
        name = text[m.start : m.end]
        if len(name) == 1 and name in single:
            mou = 2 if text[m.end : m.end + 2] == "某某" else 1 if text[m.end : m.end + 1] == "某" else 0
            if mou and text[m.end + mou : m.end + mou + 1] not in _NOT_A_NAME_AFTER_MOU:
                m = replace(m, end=m.end + mou)  # a surname alone stays: 江主席 (MSRA tags 江)
            elif text[m.end : m.end + 1] == "姓":
                continue  # 张姓警员: a person described by the surname, no name
            elif _padded_given_name(text, m.end):
                m = replace(m, end=m.end + 2)  # 本报记者 张 红: a two-character name padded to three
        if name.isascii() and sum(part[:1].isupper() for part in name.split()) < 2:
            continue
        if len(name) == 4 and name[0] in single and name[:2] not in compound and name[-1] in stops:
            m = replace(m, end=m.end - 1)  # 宋晟睿都: a single surname and two given characters, then 都 (adverb)
        label = next((k for k in range(m.start + 2, m.end) if text.startswith(labels, k)), None)
        if label is not None:
            m = replace(m, end=label)  # 记者肖丹 + 通讯员宋云辉: a credit's label begins the next credit
        kept.append(m)
    return sorted([*others, *kept], key=lambda m: (m.start, m.end))


@cache
def _credit_labels() -> tuple[str, ...]:
    """The labels of a credit line of two characters or more (记者, 通讯员, 摄影, 编辑: ``page.json``), which
    begin no given name."""
    page = data.table("zh/page.json")
    labels = (*page["reporter_labels"], *page["editor_labels"], *page["photographer_labels"])
    return tuple(label for label in labels if len(label) >= 2)


@cache
def _speech_chars() -> frozenset[str]:
    """The one-character speech verbs (说, 称: ``people.json`` ``speech_verbs``)."""
    return frozenset(v for v in data.table("zh/people.json")["speech_verbs"] if len(v) == 1)


@cache
def _finals_and_verbs() -> tuple[frozenset[str], tuple[str, ...]]:
    """``people.json``'s given-name finals (中, 和) and the verbs a name stands before (出席, 指出)."""
    people = data.table("zh/people.json")
    return frozenset(people["given_final_chars"]), tuple(people["attending_verbs"] + people["speech_verbs"])


def a_given_final_before_a_verb(text: str, at: int) -> bool:
    """Whether ``text[at]`` is a given-name final and a verb of speech or attending follows it (王伟 + 中 + 出席,
    黄家 + 和 + 指出): a locality word or a conjunction cannot stand between a person and the verb, so the
    character ends the name."""
    finals, verbs = _finals_and_verbs()
    return text[at : at + 1] in finals and text.startswith(verbs, at + 1)


def _a_last_character_apart(tokens: list[Token], i: int, he: int, end: int, text: str) -> bool:
    """Whether the character at ``end``, right after the name read so far (``he`` to ``end``) after an
    honorific, is the name's last character: the name so far is a surname and one character, or ends in a
    transliterated word (nrt); the character is no function character (``people.json`` ``name_stop_chars``);
    and jieba left it alone before a time word, an adverb, a verb of two characters, a verb of speech or
    attending or punctuation, none of which a name runs into, or joined it to a function character (健在)."""
    if i >= len(tokens) or tokens[i].start != end or not end - he >= 2:
        return False
    if not (end - he == 2 or tokens[i - 1].pos.startswith("nrt")) or not "\u4e00" <= text[end] <= "\u9fff":
        return False
    stops = _name_stop_chars()
    if text[end] in stops:
        return False
    if tokens[i].end == end + 2:  # 刘子/nr + 健在/v: the name's last character and a function character, one word
        return end - he == 2 and text[end + 1] in stops
    if tokens[i].end != end + 1:
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    _, verbs = _finals_and_verbs()
    return (
        after is None
        or after.pos[:1] in ("t", "d", "x")
        or (after.pos.startswith("v") and len(after.text) >= 2)  # 马袖 + 强 + 批评
        or text.startswith(verbs, end + 1)
    )


@cache
def _name_stop_chars() -> frozenset[str]:
    return frozenset(data.table("zh/people.json")["name_stop_chars"])


@cache
def _honorifics() -> tuple[str, ...]:
    """Malaysian honorifics (拿督斯里, 丹斯里, 拿督: ``titles.json`` ``honorifics``), longest first."""
    return tuple(sorted(data.table("zh/titles.json")["honorifics"], key=len, reverse=True))


def honorifics(mentions: list[Mention], text: str, tokens: list[Token]) -> list[Mention]:
    """拿督斯里 + 纳吉: the name after a Malaysian honorific is a person's, the honorific outside it.

    The model reads a name after an unfamiliar honorific as starting inside it (斯里纳吉, read as a place),
    takes it in (丹斯里詹士马欣) or cuts it (斯里杰 + 巴星甘); jieba's words run across the honorific's end
    (斯里杰/nr). The name is the characters after the honorific to the end of the run of name words that
    follows (``HONORIFIC_NAME_POS``, at most eight characters; without a speech verb jieba joined to it, and
    with a given-name final jieba cut off before a verb: 黄家 + 和 + 指出, ``given_final_chars``, and a last
    character it read apart: 马袖 + 强 + 今日, ``_a_last_character_apart``). It
    replaces the people and places that overlap the honorific or the name, and is structured
    (people.honorific), as a titled name is."""
    found = [(m.start(), m.end()) for m in re.finditer("|".join(map(re.escape, _honorifics())), text)]
    if not found:
        return mentions
    starts = [t.start for t in tokens]
    names = []
    for hs, he in found:
        i = max(bisect.bisect_right(starts, he) - 1, 0)
        end = he
        while i < len(tokens) and tokens[i].end - he <= 8:
            t = tokens[i]
            if t.end <= he:
                i += 1
                continue
            if not t.pos.startswith(HONORIFIC_NAME_POS):
                break
            end = t.end
            i += 1
        if _a_last_character_apart(tokens, i, he, end, text):
            end += 1  # 马袖/n + 强/v + 今日, 依斯迈沙比/nrt + 里/f + 也: jieba read the name's last character apart
        if end - he > 2 and text[end - 1] in _speech_chars():
            end -= 1  # 纳吉 + 称 of jieba's 吉称/n
        elif 2 <= end - he <= 3 and a_given_final_before_a_verb(text, end):
            end += 1  # 黄家 + 和 + 指出: 黄家和
        if end - he >= 2:
            names.append((hs, he, end))
    covered = names + [(hs, he, he) for hs, he in found]  # no name read: still nothing inside the honorific
    kept = [
        m
        for m in mentions
        if m.structured
        or m.type not in ("PERSON", "LOC")
        or not any(m.start < end and hs < m.end for hs, _, end in covered)
    ]
    added = [Mention(he, end, "PERSON", "rule", "people.honorific", 0.9, structured=True) for _, he, end in names]
    return sorted([*kept, *added], key=lambda m: (m.start, m.end))


@cache
def _levels() -> frozenset[str]:
    """The one-character level words (区, 镇, 村: ``places.json`` ``stem_levels``)."""
    return frozenset(level for level in data.table("zh/places.json")["stem_levels"] if len(level) == 1)


_LINE_NOT_BEFORE = frozenset("上下内外中")  # 中国 + 线上销售: 线上, no railway line


def streets(mentions: list[Mention], text: str, tokens: list[Token]) -> list[Mention]:
    """牛头角 + 道, 南京 + 街, 弥敦 + 道: a place right before a street word that jieba leaves as a word of its own
    (道, 路, 街: ``places.json`` ``street_heads``) is the street named after it, one place with the word; not
    before a longer word (道路, 街道, 路线: jieba's word there). So is a place before 线 that ends a word, a
    railway line (西港岛 + 线, 观塘 + 线; not 线路). The model's PERSON on exactly such a street (弥敦道: 弥敦/ns
    + 道/q) is the street: a name that ends in a lone street word after a place is no person's."""
    heads = frozenset(data.table("zh/places.json")["street_heads"])
    alone = {t.start for t in tokens if t.end - t.start == 1 and t.text in heads}
    # 西港岛 + 线, 观塘 + 线: a railway line named after a place, where 线 ends a word (not 线路, 线上)
    lines = {t.end - 1 for t in tokens if t.text.endswith("线")}
    streets = [
        replace(m, end=m.end + 1)
        if m.type == "LOC"
        and text[m.end - 1] not in heads
        and (
            m.end in alone
            or (m.end in lines and text[m.end - 1] != "线" and text[m.end + 1 : m.end + 2] not in _LINE_NOT_BEFORE)
        )
        else m
        for m in mentions
    ]
    built = {(s.start, s.end) for s, m in zip(streets, mentions, strict=True) if s.end != m.end and s.end - 1 in alone}
    return [
        replace(m, type="LOC") if m.type == "PERSON" and m.extractor == "ner" and (m.start, m.end) in built else m
        for m in streets
    ]


def place_levels(mentions: list[Mention], text: str, tokens: list[Token]) -> list[Mention]:
    """The model's two adjacent places with the level of the first read into the second (兖州|区新兖镇,
    西合营|镇南大坪村): a name does not begin with a level word, so the character moves back to the first,
    when that has no level of its own and the second keeps two characters or more; not where the level
    begins a common word (墨尔本 + 市政府大楼, 胡同 + 市立图书馆: jieba's word there is no name's)."""
    levels = _levels()
    common = {t.start for t in tokens if len(t.text) > 1 and t.pos not in _NAME_POS}
    places = {m.end: m for m in mentions if m.extractor == "ner" and m.type == "LOC"}
    moved: dict[int, Mention] = {}  # id of a mention -> its new span
    for m in mentions:
        before = places.get(m.start)
        if (
            m.extractor == "ner"
            and m.type == "LOC"
            and before is not None
            and text[m.start] in levels
            and text[before.end - 1] not in levels
            and m.end - m.start >= 3
            and m.start not in common
        ):
            moved[id(before)] = replace(before, end=before.end + 1)
            moved[id(m)] = replace(m, start=m.start + 1)
    return [moved.get(id(m), m) for m in mentions] if moved else mentions
