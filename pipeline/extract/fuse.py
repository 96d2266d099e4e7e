"""One policy turns the extractors' proposals into non-overlapping entities.

1. Proposals of the same span and type merge: both extractors agreeing gives
   ``extractor="rule+ner"`` and a noisy-or confidence; a rule's normalized
   value is kept.
2. A rule proposal that is neither structured nor confident enough
   (``min_rule_confidence``) alone is a *hint*: it survives only when the
   model proposes the same span (step 1). When the model ran, an organization
   from the suffix grammar (not a listed name, nor one built on a listed name)
   also needs the model to see *something* there (any overlapping model span:
   the model often splits a long modern name, 柳州市 + 雨花敬老服务中心, but
   sees it). Measured on MSRA dev (2,000 sentences) with the window-2 model:
   fused with the check on one-character heads only (局, 所, 院) 0.811, on
   every suffix name 0.815 (ORG 0.742 -> 0.757); the region sets and the
   reference article's organizations are unchanged. (With the previous
   model the check on every name cost modern organizations the model missed.)
3. A listed name (a gazetteer place such as 氹仔, 沙田, 花莲县, or a listed
   organization such as 房屋局) removes the model's PERSON proposals that
   overlap it, the model's proposal of another type on exactly its span
   (香港海关 is an organization, not a place), and the model's proposals
   inside it (台 of 台中): the 1998-trained model never saw these names and
   reads the unfamiliar ones as given names or fragments, while the lists
   are public registers. A speaker the person rules read before 指出 or 表示 that is exactly a listed
   organization is the organization (彭博指出).
   A named facility (places.py: 维景酒店, 西安东站) likewise removes the model's names ending where it
   ends and beginning at it or before it: the rule decided where the name begins and that it is a
   place.
4. Overlaps are resolved greedily by rank, then length, confidence, position:
   structured rules (credit lines, titled names) first; then amounts and
   dates; then the model, agreements, specific organization names by
   suffix grammar and named facilities, longest first (so 柳州市雨花敬老服务中心 beats the model's
   柳州市 + 雨花敬老服务中心, and the model's longer 北京师范大学教育学系 beats
   the rule's 北京师范大学); then the remaining rules. The order is total, so
   the result is deterministic. Measured on MSRA dev, ranking suffix names
   above longer model spans cost 2 points of ORG F1.

5. A place written directly before an organization is part of its name (广西 + 水文水资源梧州分局,
   美国 + 旧金山市 + 西奥多·罗斯福中学: one ORG), as the guidelines and MSRA annotate it; the
   model often reads the place alone. A structured mention (a dateline's outlet and place) is
   never joined.

A specific suffix-grammar organization of ``LONG_NAME`` characters or more that begins with places and ends in
a head of two characters or more (前海深港现代服务业合作区管理局) stands without the model too: the model often
reads nothing of a long modern name, and a chance run of words that long seldom has both ends of a name.

A suffix-grammar organization the document names twice or more (快播公司 … 快播公司), or one
that begins with a listed name and goes on to its head (中粮 + 生物质能源有限公司), stands without
the model: a repeated full name is the article's own evidence, a listed one the register's. A listed
name followed by nothing but a head word of two characters or more (字节跳动 + 公司) is that name written
in full: it stands whatever the grammar's confidence, and ranks with the model's names so that the
listed short name does not cut it.

A suffix-grammar organization that ends where the model's organization ends but begins before it
by more than place words (荣获 + 郑州市技术监督局: jieba tags 荣获 nr) yields to the model, which
reads a name's left edge better than POS tags do; 自治区 + 民政厅社会组织管理局 stands, and so does a
name whose model part is a bare head word (自治区民政厅社会组织 + 管理局: the model read no edge) or one that
begins with a listed name or the model's organization and ends with the model's (中国光大银行 + 沈阳分行,
湖北美术学院 + 中国画系: a body and its unit).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from pipeline import data
from pipeline.extract.base import Mention

SPECIFIC_ORG = 0.85
TRUSTED_ORG = 0.9  # a listed name, or a suffix name built on one (orgs.LISTED)
LONG_NAME = 10  # characters of a suffix name that stands without the model (long_after_a_place)
LISTED_HINT = 0.7  # a listed name below this is only a hint (registers.HINT)


def _rank(m: Mention) -> int:
    if m.structured:
        return 0
    if m.type in ("AMOUNT", "DATE"):
        return 1
    if m.extractor in ("ner", "rule+ner") or (m.type in ("ORG", "LOC") and m.confidence >= SPECIFIC_ORG):
        return 2
    return 3


def merge(mentions: list[Mention]) -> list[Mention]:
    groups: dict[tuple[int, int, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[(m.start, m.end, m.type)].append(m)
    merged = []
    for (start, end, type_), group in groups.items():
        if len(group) == 1 and round(1 - (1 - group[0].confidence), 3) == group[0].confidence:
            merged.append(group[0])  # nothing to merge: the mention as it is (most are alone)
            continue
        best: dict[str, float] = {}  # each extractor's highest confidence
        for m in group:
            if m.confidence > best.get(m.extractor, -1.0):
                best[m.extractor] = m.confidence
        miss = 1.0
        for extractor in sorted(best):
            miss *= 1 - best[extractor]
        rule = next((m for m in group if m.extractor == "rule"), group[0])
        merged.append(
            Mention(
                start,
                end,
                type_,
                "rule+ner" if best.keys() == {"rule", "ner"} else group[0].extractor,
                "+".join(sorted({m.rule for m in group})),
                round(1 - miss, 3),
                rule.normalized,
                any(m.structured for m in group),
                rule.places_end,
            )
        )
    return merged


def _model_sees(mentions: list[Mention]) -> Callable[[Mention], bool]:
    """Does any model mention (of any type) overlap this one? Linear: marks model-covered offsets."""
    covered = bytearray(max((m.end for m in mentions), default=0))
    for m in mentions:
        if m.extractor == "ner":
            covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    return lambda m: any(covered[m.start : m.end])


def _needs_model(m: Mention) -> bool:
    """A suffix-grammar name is only trusted where the model sees a name; listed ones (0.9) stand alone."""
    return m.type == "ORG" and m.confidence < TRUSTED_ORG


def _listed(m: Mention) -> bool:
    """A listed name; one its register demoted to a hint (奔驰/v, registers.py) overrides nothing."""
    return m.extractor == "rule" and m.rule.endswith(".gazetteer") and m.confidence >= LISTED_HINT


def _places_the_model_misreads(mentions: list[Mention]) -> list[Mention]:
    """A listed place that is only a hint (上海, 日本: places.py) stands as listed where the model reads exactly it as
    another type (北京、上海/ORG、广州): a country or city standing for its government or team is still a place."""
    other = {(m.start, m.end) for m in mentions if m.extractor == "ner" and m.type in ("ORG", "PERSON")}
    return [
        replace(m, confidence=LISTED_HINT)
        if m.type == "LOC" and m.rule == "places.gazetteer" and m.confidence < LISTED_HINT and (m.start, m.end) in other
        else m
        for m in mentions
    ]


def _defer_to_listed(mentions: list[Mention]) -> list[Mention]:
    """Drop the model's PERSON spans overlapping a listed name (氹仔 is not a name), its other type
    on one, its spans inside one (臺 of 臺中: jieba cuts 台/q 中/f, the model reads 台 as Taiwan) and
    those that cut one (澳門特區政府經濟 of …經濟財政司: a name begins or ends inside the listed one), and an
    amount or date inside one (百度);
    but a listed company that is the given name of the model's person goes instead (吴高盛)."""
    person_ends = {m.end: m.start for m in mentions if m.extractor == "ner" and m.type == "PERSON"}

    def given_name(m: Mention) -> bool:
        """吴 + 高盛: a listed company that ends the model's person, one or two characters (a surname) after it
        begins, is the person's given name."""
        return m.rule == "registers.gazetteer" and 0 < m.start - person_ends.get(m.end, m.start) <= 2

    mentions = [m for m in mentions if not given_name(m)]
    spans = sorted({(m.start, m.end): m.type for m in mentions if _listed(m)}.items())
    if not spans:
        return mentions
    owner = [0] * max(m.end for m in mentions)  # 1 + index of the listed span covering each offset
    for k, ((start, end), _) in enumerate(spans, 1):
        owner[start:end] = [k] * (end - start)
    types = dict(spans)

    def contradicts(m: Mention) -> bool:
        inside = set(owner[m.start : m.end])
        return (
            (m.type == "PERSON" and inside != {0})
            or types.get((m.start, m.end), m.type) != m.type
            or (len(inside) == 1 and 0 not in inside and (m.start, m.end) not in types)
            or any(m.start > spans[k - 1][0][0] or m.end < spans[k - 1][0][1] for k in inside - {0})
        )

    def a_listed_speaker(m: Mention) -> bool:
        """彭博指出: a speaker that is exactly a listed organization is that organization speaking."""
        return m.rule == "people.speaker" and types.get((m.start, m.end)) == "ORG"

    def inside_a_listed_name(m: Mention) -> bool:
        """百度: an amount or a date that a listed name holds whole is part of that name, not 100 度."""
        return m.type in ("AMOUNT", "DATE") and len(inside := set(owner[m.start : m.end])) == 1 and 0 not in inside

    return [
        m
        for m in mentions
        if not (contradicts(m) if m.extractor == "ner" else a_listed_speaker(m) or inside_a_listed_name(m))
    ]


def _defer_to_facilities(mentions: list[Mention], text: str = "") -> list[Mention]:
    """Drop the model's names that cross a named facility's edge (港珠 + 澳大桥珠口岸 against 港珠澳大桥), or end
    where it ends and begin before it (湾仔维景酒店 is 湾仔 + 维景酒店), or are it as an organization (a hotel
    or a station is a place), or begin where it begins and run on past its head into words that end in no
    facility's head (东京巨蛋 + 登场); but a facility the model reads as a place and then the facility's own
    name is those two (汉城 + 蚕室综合体育场: jieba knows 蚕室 as a common word only), unless what the model
    read after the place is a bare facility head (北京 + 南站: 南站 names no station without its city) or the
    place is one character (京 + 沪高速公路: an abbreviation inside the name)."""
    model_places = {(m.start, m.end) for m in mentions if m.extractor == "ner" and m.type == "LOC"}
    model_place_ends = {start: end for start, end in model_places}

    def split_by_the_model(m: Mention) -> bool:
        """汉城 + 蚕室综合体育场: the model reads the facility as a place and a place after it; its split stands."""
        middle = model_place_ends.get(m.start)
        return (
            middle is not None
            and middle < m.end
            and (middle, m.end) in model_places
            and text[middle : m.end] not in _facility_heads()
            and middle - m.start >= 2  # 京 + 沪高速公路: a one-character place abbreviates inside the name
        )

    mentions = [m for m in mentions if m.rule != "places.facility" or not split_by_the_model(m)]
    facilities = sorted((m.start, m.end) for m in mentions if m.rule == "places.facility")
    if not facilities:
        return mentions
    starts = [s for s, _ in facilities]
    heads = tuple(_facility_heads())

    def contradicts(m: Mention) -> bool:
        # the facilities that may overlap m: those starting before m ends (few per text: a short scan back)
        k = bisect_left(starts, m.end) - 1
        while k >= 0 and facilities[k][1] > m.start - 64:
            start, end = facilities[k]
            crosses = (m.start < start < m.end < end) or (start < m.start < end < m.end)
            if crosses or (m.end == end and (m.start < start or (m.start == start and m.type != "LOC"))):
                return True
            if m.start == start and m.end > end and not text.endswith(heads, end, m.end):
                return True  # 东京巨蛋 + 登场, 西安东站 + 站房: the model ran on past the facility's head
            k -= 1
        return False

    return [m for m in mentions if m.extractor != "ner" or not contradicts(m)]


def _repeated(mentions: list[Mention], text: str) -> Callable[[Mention], bool]:
    """Does the suffix grammar propose this organization's text at two places or more in the document?"""
    counts = Counter(text[m.start : m.end] for m in mentions if m.type == "ORG" and m.extractor == "rule")
    return lambda m: counts[text[m.start : m.end]] >= 2


def fuse(
    mentions: list[Mention], min_rule_confidence: float = 0.7, model_ran: bool = False, text: str = ""
) -> list[Mention]:
    """The entities: see the module docstring. ``text`` (the analysed text) lets a repeated name stand alone."""
    mentions = _defer_to_facilities(_defer_to_listed(_places_the_model_misreads(mentions)), text)
    sees = _model_sees(mentions)
    repeated = _repeated(mentions, text) if text else (lambda _m: False)
    place_ends = {m.start: m.end for m in mentions if m.type == "LOC" and (m.extractor == "ner" or _listed(m))}
    model_org_starts = {m.end: m.start for m in mentions if m.type == "ORG" and m.extractor == "ner"}
    listed_org_ends = {m.start: m.end for m in mentions if m.type == "ORG" and _listed(m)}
    model_org_ends = {m.start: m.end for m in mentions if m.type == "ORG" and m.extractor == "ner"}

    def built_on_a_listed_name(m: Mention) -> bool:
        """中粮 + 生物质能源有限公司: a suffix name that begins with a listed company or body and goes on to its
        head stands without the model, as a name built on a listed one does in the grammar (立法院财政委员会)."""
        return m.type == "ORG" and m.extractor == "rule" and listed_org_ends.get(m.start, m.end) < m.end

    def listed_with_its_head(m: Mention) -> bool:
        """字节跳动 + 公司: a listed name and a head word of two characters or more right after it is the name
        written in full, ranked as the model's names are so that the listed short name does not cut it."""
        return built_on_a_listed_name(m) and text[listed_org_ends[m.start] : m.end] in _long_heads()

    def after_a_place(m: Mention) -> bool:
        """A specific suffix name that begins with a place the model or a list found (广西梧州分局): the place is
        part of the name, which stands without the model."""
        return (
            m.type == "ORG"
            and m.extractor == "rule"
            and place_ends.get(m.start, m.end) < m.end
            and m.confidence >= SPECIFIC_ORG
        )

    def long_after_a_place(m: Mention) -> bool:
        """前海深港现代服务业合作区管理局: a specific suffix name of LONG_NAME characters or more that begins with
        places and ends in a head of two characters or more stands without the model, which reads no part of
        many a long modern name; a chance run of words that long rarely begins with a place and ends in a head."""
        return (
            m.type == "ORG"
            and m.extractor == "rule"
            and m.end - m.start >= LONG_NAME
            and m.confidence >= SPECIFIC_ORG
            and m.places_end is not None
            and m.places_end > m.start
            and text.endswith(tuple(_long_heads()), m.start, m.end)
        )

    def runs_on_before_the_model(m: Mention) -> bool:
        """A suffix name that ends where the model's organization ends and begins before it, other than by place
        words (荣获 + 郑州市技术监督局, 马赛战胜 + 南非队, 徐惟诚代表 + 中国文化扶贫委员会; but 自治区 +
        民政厅社会组织管理局 and 花莲 + 玉里荣民医院 stand): the grammar walked over words jieba mistagged, where the
        model read the name's edge."""
        lead = m.places_end if m.places_end is not None else m.start
        model_start = model_org_starts.get(m.end, m.start)
        return (
            m.type == "ORG"
            and m.confidence < TRUSTED_ORG
            and model_start > lead
            and text[model_start : m.end] not in _long_heads()  # the model's bare 管理局 reads no edge
            # 文化广电和 + 旅游局, 同济医学院附属 + 协和医院: the model read one field, or the body attached to another
            and not text.endswith(_inner_joints(), 0, model_start)
            # 中国光大银行 + 沈阳分行, 湖北美术学院 + 中国画系: a body and its unit, which the model read apart
            and model_start not in (listed_org_ends.get(m.start), model_org_ends.get(m.start))
        )

    candidates = [
        m
        for m in merge(mentions)
        if m.extractor != "rule"
        or m.structured
        or listed_with_its_head(m)
        or (
            m.confidence >= min_rule_confidence
            and not runs_on_before_the_model(m)
            and not (
                model_ran
                and _needs_model(m)
                and not sees(m)
                and not repeated(m)
                and not after_a_place(m)
                and not built_on_a_listed_name(m)
                and not long_after_a_place(m)
            )
        )
    ]
    candidates.sort(
        key=lambda m: (
            min(_rank(m), 2 if after_a_place(m) or listed_with_its_head(m) else 3),
            -(m.end - m.start),
            -m.confidence,
            m.start,
            m.type,
        )
    )
    chosen: list[Mention] = []
    occupied = bytearray(max((m.end for m in candidates), default=0))  # linear, not pairwise
    for m in candidates:
        if any(occupied[m.start : m.end]):
            continue
        chosen.append(m)
        occupied[m.start : m.end] = b"\x01" * (m.end - m.start)
    chosen.sort(key=lambda m: (m.start, m.end))
    return _places_into_orgs(chosen)


@cache
def _facility_heads() -> frozenset[str]:
    """The last words of a named facility (``places.json`` ``facility_heads``: 南站, 机场, 大桥)."""
    return frozenset(data.table("zh/places.json")["facility_heads"])


@cache
def _inner_joints() -> tuple[str, ...]:
    """The words inside a name before a part the model may read alone (``orgs.json``: ``name_conjunctions`` 和, 及
    between two fields of a department's name; ``attached_words`` 附属 before a body attached to the one named)."""
    table = data.table("zh/orgs.json")
    return (*table["name_conjunctions"], *table["attached_words"])


@cache
def _long_heads() -> frozenset[str]:
    """The head words of two characters or more (``orgs.json`` ``head_words``: 公司, 集团, 银行)."""
    return frozenset(h for h in data.table("zh/orgs.json")["head_words"] if len(h) >= 2)


def _places_into_orgs(chosen: list[Mention]) -> list[Mention]:
    """Sorted, disjoint ``chosen`` with every run of places directly before an organization joined to it."""
    out: list[Mention] = []
    for m in reversed(chosen):
        org = out[-1] if out else None
        if (
            org is not None
            and m.type == "LOC"
            and m.end - m.start >= 2  # a one-character place stands in a word of its own (访华 + 新华社)
            and org.type == "ORG"
            and m.end == org.start
            and not (m.structured or org.structured)
        ):
            out[-1] = replace(org, start=m.start, rule=f"{org.rule}+fuse.place")
        else:
            out.append(m)
    return out[::-1]
