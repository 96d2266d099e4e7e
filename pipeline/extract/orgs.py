"""ORG by rule: the suffix grammar of Chinese organization names.

An organization name ends in a head word (协会, 基金会, 民政厅, 有限公司)
and is preceded by modifier words (places, nouns, names): 广西标准化协会,
自治区民政厅社会组织管理局. We walk jieba's tokens leftwards from each head
over modifier POS tags; verbs and adjectives are allowed inside a name
(雨花敬老服务中心) but trimmed from its left edge (引入广西汉达…中心).
Single-character heads (局, 部) and generic ones (中心) need longer
modifiers, and common words that merely end like a name (格局, 社区) are
refused.

Government bodies and parties of Taiwan, Hong Kong, Macau and the mainland
are often named with common words only (运输署, 房屋局, 主计总处) or by
abbreviation (廉署, 陆委会, 民进党), which the grammar cannot tell from
generic phrases. Public lists of them (``orgs.json`` ``gazetteer``, per
region) are matched at word boundaries, optionally after a region prefix
(香港海关); a listed ministry directly followed by a listed agency is one
name (交通部观光署), and a suffix name that extends a listed name
(立法院财政委员会) is as specific as the listed one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property

from pipeline import data
from pipeline.data import alternation, endings, suffix_table
from pipeline.extract.base import Context, Mention, within
from pipeline.extract.prefilter import prefiltered
from pipeline.normalize.neighbours import Words
from pipeline.segment import Token

LISTED = 0.9  # a listed name, or a name built on one: above fuse.SPECIFIC_ORG
RARE_WORD = 100  # a dictionary word jieba counts fewer times than this may be a company's name (中影: 14)


GLUED_WORD_FREQ = 1000
"""A verb of jieba's this frequent after a listed name's last character, inside one word of jieba's with it, is
the word after the name (伊党 + 执政 of 党执政/nr), not the rest of a longer name (清华 + 大学)."""


def _glued_to_a_word(ctx: Context, words: Words, end: int) -> bool:
    """Does a jieba word begin before ``end`` and end after it with a frequent verb (``GLUED_WORD_FREQ``) of two
    characters or more from ``end`` to its end (党执政/nr: 执政)?"""
    t = words.at(end)
    if t is None or t.start == end:
        return False
    rest = ctx.simplified[end : t.end]
    if not (len(rest) >= 2 and ctx.word_freq.get(rest, 0) >= GLUED_WORD_FREQ and ctx.segment):
        return False
    pieces = ctx.segment(rest)
    return len(pieces) == 1 and pieces[0].pos.startswith("v")  # a verb: 执政 (not 大学 of 清华大学)


GLUED_NAME = 4  # a listed name this long may begin inside a word of two characters, after a grammar character
_SPEECH_CHARS = frozenset("指称说")  # a one-character verb of speech after a body's name (运输署指, 警方称)


class OrgExtractor:
    name = "orgs"

    def __init__(self, governments_by_place: bool = True) -> None:
        self.governments_by_place = governments_by_place

    @cached_property
    def _words(self) -> dict:
        w = dict(data.table("zh/orgs.json"))
        w["titles"] = tuple(sorted(data.table("zh/people.json")["titles"], key=len, reverse=True))
        w["title_words"] = frozenset(w["titles"])
        w["head_suffixes"] = suffix_table(w["head_words"])
        w["head_words"] = frozenset(w["head_words"])
        w["descriptive_heads"] = frozenset(w["descriptive_heads"])
        w["mission_re"] = re.compile(rf"驻[\u4e00-\u9fff]{{1,8}}?(?:{alternation(w['mission_heads'])})")
        w["meetings"] = suffix_table(w["meetings"])
        w["verbal_noun_pos"] = frozenset(w["verbal_noun_pos"])
        w["title_suffixes"] = suffix_table(w["titles"])
        # Most words end in neither a head word nor a title: one set lookup turns them away.
        w["head_or_title_ends"] = frozenset(x[-1] for x in [*w["head_words"], *w["titles"]])
        w["title_set"] = frozenset(w["titles"])
        w["title_longest"] = max(map(len, w["titles"]))
        w["modifier_pos"] = frozenset(w["modifier_pos"])
        w["soft_pos"] = frozenset(w["soft_pos"])
        w["era_words"] = frozenset(w["era_words"])
        w["force_endings"] = tuple(w["force_words"])  # 北京警方/nt: jieba's one word ending in one
        w["force_words"] = frozenset(w["force_words"])
        w["name_conjunctions"] = frozenset(w["name_conjunctions"])
        w["joined_heads"] = tuple(w["joined_heads"])
        w["person_pos"] = frozenset(w["person_pos"])
        w["place_heads"] = frozenset(w["place_heads"])
        w["field_pos"] = frozenset(w["field_pos"])
        w["legal_forms"] = frozenset(w["legal_forms"])
        w["brand_chars"] = frozenset(w["brand_chars"])
        w["seated_heads"] = frozenset(w["seated_heads"])
        w["locative_prepositions"] = frozenset(w["locative_prepositions"])
        w["unit_parents"] = tuple(w["unit_parents"])
        w["unit_heads"] = tuple(w["unit_heads"])
        w["bracketed_words"] = frozenset(w["bracketed_words"])
        w["level_chars"] = frozenset(x[-1] for x in w["government_levels"])
        w["government_formal_names"] = tuple(w["government_formal_names"])
        w["government_named_regions"] = frozenset(w["government_named_regions"])
        w["quantifiers"] = frozenset(a + b for a in w["quantifier_heads"] for b in w["quantifier_classifiers"])
        w["stops"] = frozenset([*w["linking_verbs"], *w["role_nouns"], *w["describers"], *w["joining_words"]])
        w["describer_re"] = re.compile("|".join(w["describer_patterns"]))
        w["ordinal_count_re"] = re.compile(w["ordinal_count_pattern"])
        w["direction_part_re"] = re.compile(w["direction_part_pattern"])
        w["not_orgs"] = frozenset(w["not_orgs"])
        w["not_org_endings"] = frozenset(w["not_org_endings"])
        w["specific_pos"] = frozenset(w["specific_pos"])
        w["region_words"] = frozenset(w["region_words"])
        w["place_suffix_chars"] = data.place_suffix_chars()
        w["company_heads"] = frozenset(w["company_heads"])
        w["character_pos"] = frozenset(w["character_pos"])
        w["boundary_pos"] = frozenset(w["boundary_pos"])
        w["company_titles"] = frozenset(w["company_titles"])
        w["company_title_modifiers"] = frozenset(w["company_title_modifiers"])
        w["company_name_openers"] = frozenset(w["company_name_openers"])
        w["company_name_pos"] = frozenset(w["company_name_pos"])
        w["function_chars"] = frozenset(w["function_chars"])
        # 公司, 企业, 厂, 局: what a body is, by the grammar's heads and the kinds of the title data
        kinds = data.table("zh/titles.json")["kinds"]
        w["generic_heads"] = tuple(
            sorted(
                {*w["head_words"], *w["weak_heads"], *(h for kind in kinds.values() for h in kind["heads"])},
                key=len,
                reverse=True,
            )
        )  # longest first: 上市 + 公司, not 上市公 + 司
        places = data.table("zh/places.json")
        w["collective_places"] = frozenset(places["not_places"])  # 全区, 乡村
        # the mainland's provinces and prefectures and the world's countries and cities, whatever jieba tags them
        # the mainland's divisions, the world's countries and cities, and Hong Kong's, Macau's, Taiwan's, Singapore's
        # and Malaysia's places (旺角/n + 警区): a listed place jieba tags otherwise is a place before a head
        w["listed_places"] = frozenset(
            n for group in ("cn", "world", "hk", "mo", "tw", "sg", "my") for n in places["gazetteer"][group]
        )
        gazetteer = w["gazetteer"]
        everywhere = [*gazetteer["international"], *gazetteer["armed_forces"]]  # lists of every region
        regions = [
            k
            for k in gazetteer
            if not k.startswith("_") and k not in ("prefixes", "parent_heads", "international", "armed_forces")
        ]
        prefixes = alternation(gazetteer["prefixes"])

        def listed(names: list[str]) -> re.Pattern[str]:
            """A listed name, with an optional prefix (prefiltered on the characters a match begins with)."""
            return prefiltered(re.compile(rf"(?:{prefixes})?(?:{alternation({*names, *everywhere})})"))

        w["listed_re"] = {
            region: listed(names)
            for region, names in [(r, gazetteer[r]) for r in regions]
            + [("unknown", [n for r in regions for n in gazetteer[r]])]
        }
        return w

    def find(self, ctx: Context) -> list[Mention]:
        w = self._words
        tokens = ctx.tokens
        starts = [t.start for t in tokens]
        mentions: list[Mention] = []
        for i, tok in enumerate(tokens):
            head, end = self._head(tok, w)
            if head is None:
                continue
            if end - len(head) - tok.start == 1 and ctx.simplified[tok.start] in w["quantifier_heads"]:
                continue  # 某大学, 该公司: one word of a determiner and a head names no body
            if tok.text == head and tok.pos in w["soft_pos"] and i and self._body_word(tokens[i - 1], w):
                continue  # 街道办事处 + 组织/v 志愿者: a verb after a body, no head
            if len(head) > 1 and end == tok.end and self._head_begins_a_title(ctx.simplified, end, head, w):
                continue  # 马华公会 + 总会/长: the head word begins a title (总会长), jieba cut inside it
            if len(head) == 1 and ctx.simplified.startswith("长", end) and head + "长" in w["title_words"]:
                continue  # 立法院副 + 院/长江: the head and 长 are a title (院长), jieba joined 长 to the name after
            j = self._leftmost(tokens, i, end, w, head)
            if j == i and i and head in w["place_heads"] and tokens[i - 1].text in w["government_levels"]:
                j = i - 1  # 县/zg + 人民政府: a level word alone, whatever jieba tags it
            level = self._level_department(tokens, j, i, end, w)  # 市 + 民政局: the level's index, or None
            if level is not None:
                j = level
            start = tokens[j].start
            # 县人民政府, 省政府: a level's government, the text's own county's or province's
            bare_level = head in w["place_heads"] and self._bare_level_government(ctx.simplified[start:end], w)
            if (
                not bare_level
                and j < i
                and head in w["place_heads"]
                and tokens[i - 1].text.endswith("委")
                and self._bare_level_government(ctx.simplified[tok.start : end], w)
            ):
                j, start, bare_level = i, tok.start, True  # 市委 + 市政府: the committee is a body of its own
            if end - start - len(head) < w["weak_heads"].get(head, 2) and level is None and not bare_level:
                continue  # 局, 中心 alone (or after too short a modifier) name nothing
            if not within(ctx.spans, start, end):
                continue
            modifiers = tokens[j:i]
            stem = None  # the words inside the head's own token, segmented once and only when needed
            if head in w["place_heads"]:
                if not self._government_name(ctx.simplified[start:end], ctx.region, w):
                    continue  # 美国政府 on the mainland describes a place's government
                stem = self._stem(tok, head, end, ctx)
                if not bare_level and not self._place_named(modifiers + stem, w):
                    continue  # 金大中新政府, 克林顿政府, 里加集会抗议政府
            specific = any(self._name_like(t, w) for t in modifiers)
            if not specific:  # one dictionary word such as 北京大学: specific if its stem holds a name
                stem = self._stem(tok, head, end, ctx) if stem is None else stem
                specific = any(self._name_like(t, w) for t in stem)
            confidence = (0.85 if len(head) >= 2 else 0.7) if specific else 0.5
            if specific and any(t.text in w["name_conjunctions"] for t in modifiers):
                confidence = 0.85  # 深圳市规划和自然资源局: joined fields are a department formula
            if head in w["descriptive_heads"]:
                words = modifiers + (self._stem(tok, head, end, ctx) if stem is None else stem)
                if len(words) == 1 and self._place_like(words[0], w):
                    confidence = 0.5  # 美国公司, 美国/ns + 公司: an American company, a name only if the model says so
            places_end = start
            for t in tokens[j:i]:
                if not self._place_like(t, w):
                    break
                places_end = t.end
            if bare_level or level is not None:
                confidence = LISTED  # a formula, as sure as a listed name
            elif confidence == 0.7 and self._department_of_places(ctx.simplified, start, places_end, end, head, w):
                confidence = 0.85  # 福建省厦门市思明区 + 卫生/健康/局: a department of the places before it
            mentions.append(Mention(start, end, "ORG", "rule", "orgs.suffix", confidence, places_end=places_end))
        mentions += self._cut_names(ctx, w)
        mentions += self._registered_names(ctx, w)
        mentions += self._titled_companies(ctx, w)
        mentions += self._missions(ctx, w)
        mentions += self._forces(ctx, w)
        listed = self._listed(ctx, w)
        listed_starts = {m.start: m.end for m in listed}
        listed_ends = {m.end: m.start for m in listed}
        # 审查金融监督管理委员会: a weaker suffix name must not swallow the listed name it ends with, unless it
        # begins with places and adds nouns only (湖南省长沙市岳麓区 + 教育局, the listed body of those places,
        # as listed; 河南省郑州市金水区文化广电和 + 旅游局, a department of its own).
        kept = []
        for m in mentions:
            listed_start = listed_ends.get(m.end, m.start)
            if m.confidence >= LISTED or listed_start <= m.start:
                kept.append(m)
            elif m.places_end is not None and m.places_end >= listed_start:
                if not ctx.simplified.startswith(tuple(w["collective_places"]), m.start):  # not 全国 + 税务局
                    kept.append(Mention(m.start, m.end, "ORG", "rule", m.rule, LISTED, places_end=m.places_end))
            elif (m.places_end or m.start) > m.start and self._nouns_only(tokens, starts, m.start, listed_start, w):
                kept.append(m)
        mentions = kept
        # 廉政公署拘捕两名公司: a suffix name running on from a listed name over verbs is no name at all.
        mentions = [
            m
            for m in mentions
            if m.start not in listed_starts
            or listed_starts[m.start] >= m.end
            or self._extends(tokens, starts, listed_starts[m.start], m.end, w)
        ]
        mentions = [
            Mention(m.start, m.end, "ORG", "rule", m.rule, LISTED)
            if self._extends(tokens, starts, listed_starts.get(m.start, m.end), m.end, w)  # 立法院财政委员会
            else m
            for m in mentions
        ]
        found = self._units(mentions + listed, ctx.simplified, w)
        return self._outermost(found + self._written_units(found, ctx, w))

    @staticmethod
    def _units(mentions: list[Mention], text: str, w: dict) -> list[Mention]:
        """高雄市政府 + 經濟發展局, 中国建设银行股份有限公司 + 深圳市分行: a body ending in a parent's head
        (``unit_parents``: 政府, 有限公司, 银行) directly followed by a name ending in a unit's head (``unit_heads``:
        局, 处, 分行) is one name, the body's unit: a formula (LISTED) where both are specific, else as sure as the
        surer of the two."""
        by_start = {m.start: m for m in mentions if m.end - m.start >= 2}
        joined = []
        for m in mentions:
            unit = by_start.get(m.end)
            if (
                unit is not None
                and text.endswith(w["unit_parents"], m.start, m.end)
                and text.endswith(w["unit_heads"], unit.start, unit.end)
            ):
                low, high = sorted((m.confidence, unit.confidence))
                confidence = LISTED if low >= 0.85 else high
                joined.append(Mention(m.start, unit.end, "ORG", "rule", m.rule, confidence, places_end=m.places_end))
        return mentions + joined

    def _missions(self, ctx: Context, w: dict) -> list[Mention]:
        """中国驻意使馆, 美国驻华大使馆, 解放军驻港部队: 驻 after a place or a body, then the place the mission is
        in and a mission word (``mission_heads``), as one organization (LISTED: a formula, not a guess)."""
        text, tokens = ctx.simplified, ctx.tokens
        ends = {t.end: i for i, t in enumerate(tokens)}
        found = []
        for m in w["mission_re"].finditer(text):
            i = ends.get(m.start())
            if i is None:
                word = tokens[ends[m.end()]] if m.end() in ends else None  # 美国驻华大使馆/nt: jieba's one word
                if word and word.start < m.start() and word.pos == "nt" and within(ctx.spans, word.start, word.end):
                    found.append(Mention(word.start, word.end, "ORG", "rule", "orgs.mission", LISTED))
                continue
            owner = tokens[i]
            if not (self._place_like(owner, w) or owner.pos == "nt"):
                continue
            if within(ctx.spans, owner.start, m.end()):
                found.append(Mention(owner.start, m.end(), "ORG", "rule", "orgs.mission", LISTED))
        return found

    @staticmethod
    def _written_units(mentions: list[Mention], ctx: Context, w: dict) -> list[Mention]:
        """北京师范大学 + 教育学 + 系, 清华大学 + 计算机 + 系(主任), 财政部 + 金融 + 司, 教育部 + 国际合作与交流 + 司:
        a university or a ministry directly followed by a field and the character of its unit (``written_units``:
        大学 and 学院 have 系, 部, 委, 署 and 局 have 司) is one name, the unit, as sure as the body; not a word that
        merely holds the character (关系, 公司: ``not_written_units``), at most ``unit_field_max`` characters of field,
        of nouns, verbs and conjunctions (``unit_field_conjunctions``: 国际合作与交流)."""
        tokens, text = ctx.tokens, ctx.simplified
        starts = {t.start: i for i, t in enumerate(tokens)}
        units = w["written_units"]
        found = []
        for m in mentions:
            parent = next((p for p in units if text.endswith(p, m.start, m.end)), None)
            if m.type != "ORG" or parent is None or m.end not in starts:
                continue
            unit, k, end = units[parent], starts[m.end], None
            while k < len(tokens) and tokens[k].end - m.end <= w["unit_field_max"] + 1:
                tok = tokens[k]
                if tok.text in w["not_written_units"]:
                    break
                if tok.pos[:1] not in ("n", "v", "l", "j") and tok.text not in w["unit_field_conjunctions"]:
                    break
                cut = tok.text.find(unit)
                if cut >= 0:  # 化学系, 学系, 金融司, 系 + 主任 (jieba's 系主任), 司 + 司长
                    rest = tok.text[cut + 1 :]
                    if tok.start + cut > m.end and (not rest or rest in w["title_set"]):
                        end = tok.start + cut + 1
                    break
                k += 1
            if end is not None and within(ctx.spans, m.start, end):
                found.append(Mention(m.start, end, "ORG", "rule", m.rule, m.confidence, places_end=m.places_end))
        return found

    def _forces(self, ctx: Context, w: dict) -> list[Mention]:
        """香港警方, 北京警方, 美国军方: the places right before a word for a police or armed force (``force_words``)
        and the word, one organization (LISTED: a formula, not a guess); 当地警方 is none. With
        ``governments_by_place`` off, in Taiwan, Hong Kong and Macau text only (MSRA's mainland text tags 香港/ns
        警方/o)."""
        if not (self.governments_by_place or ctx.region in w["government_named_regions"]):
            return []
        tokens, found = ctx.tokens, []
        for i, tok in enumerate(tokens):
            if tok.text not in w["force_words"]:
                if tok.pos == "nt" and tok.text.endswith(w["force_endings"]) and within(ctx.spans, tok.start, tok.end):
                    found.append(Mention(tok.start, tok.end, "ORG", "rule", "orgs.force", LISTED))  # 北京警方/nt
                continue
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            if after is not None and after.pos == "nt":
                continue  # 北京公安 + 交管局: a unit of the force, whose name the grammar reads
            j = i
            while j > 0 and self._place_like(tokens[j - 1], w) and tokens[j - 1].text not in w["collective_places"]:
                j -= 1
            if j < i and within(ctx.spans, tokens[j].start, tok.end):
                found.append(Mention(tokens[j].start, tok.end, "ORG", "rule", "orgs.force", LISTED))
        return found

    def _registered_names(self, ctx: Context, w: dict) -> list[Mention]:
        """苏州 + 绿的谐波传动科技 + 股份有限公司, 佛山市顺德区 + 美的电热电器制造 + 有限公司: a legal form
        (``legal_forms``) and the words before it back to places that begin the clause are a registered name, as sure
        as a listed one (LISTED: the form and the seat are the register's formula), also over what the suffix grammar
        stops at: the grammar characters a brand may hold (``brand_chars``: 的, 之) and a verb of its trade right before
        the form (制造). Not when punctuation, another grammar character, a count, a describer, another verb or another
        body lies between, or when a grammar word or a verb follows the places (上海的科技有限公司,
        江苏省已成立…有限公司, 南宁市新闻代表团采访…有限公司); at most ``max_chars``."""
        tokens, found = ctx.tokens, []
        for i, tok in enumerate(tokens):
            if i < 2 or not tok.text.endswith(tuple(w["legal_forms"])):
                continue
            j = i
            while j > 0 and tok.end - tokens[j - 1].start <= w["max_chars"]:
                prev = tokens[j - 1]
                if self._place_like(prev, w):
                    k = j - 1
                    while k > 0 and self._place_like(tokens[k - 1], w):
                        k -= 1  # 佛山市 + 顺德区: all the places of the seat
                    after = tokens[j]
                    if (
                        (k == 0 or tokens[k - 1].pos == "x")
                        and j < i
                        and after.text not in w["function_chars"]
                        and not (len(after.text) > 1 and after.pos in w["soft_pos"])  # 上海 + 设立/v: a clause
                        and after.pos[:1] not in ("d", "p", "c", "r", "u")  # 江苏省 + 已/d 成立: a clause
                        and within(ctx.spans, tokens[k].start, tok.end)
                    ):
                        found.append(
                            Mention(
                                tokens[k].start, tok.end, "ORG", "rule", "orgs.registered", LISTED, places_end=prev.end
                            )
                        )
                    break
                single = len(prev.text) == 1
                at_form = ctx.simplified[prev.end : tok.end] in w["legal_forms"]  # 制造 + 有限公司, 集团 + 股份有限公司
                if (
                    prev.pos == "x"
                    or (not single and prev.pos in w["soft_pos"] and not at_form)  # only the trade's verb at the form
                    or (self._body_word(prev, w) and not at_form)  # 南宁市新闻代表团 + 采访 + …有限公司: another body
                    or (single and prev.text in w["function_chars"] and prev.text not in w["brand_chars"])
                    or prev.text in w["stops"]
                    or prev.text in w["quantifiers"]
                    or w["describer_re"].fullmatch(prev.text)
                ):
                    break
                j -= 1
        return found

    @staticmethod
    def _cut_names(ctx: Context, w: dict) -> list[Mention]:
        """快/a 播/v 公司: a company head after two one-character words that follow a clause boundary is a name
        jieba did not know; 0.7, so fusion keeps it only where the model sees it or the document repeats it."""
        tokens = ctx.tokens
        found = []
        for i in range(2, len(tokens)):
            if tokens[i].text not in w["company_heads"]:
                continue
            a, b = tokens[i - 2], tokens[i - 1]
            if not all(len(t.text) == 1 and t.pos in w["character_pos"] for t in (a, b)):
                continue
            if i > 2 and tokens[i - 3].pos not in w["boundary_pos"]:
                continue
            if within(ctx.spans, a.start, tokens[i].end):
                found.append(Mention(a.start, tokens[i].end, "ORG", "rule", "orgs.suffix", 0.7))
        return found

    def _titled_companies(self, ctx: Context, w: dict) -> list[Mention]:
        """立康生医董事长郑育修, 台开副董事长吴子嘉: before a title only a company has and a person's name, the words
        back to a clause boundary name the company (``company_titles``), however jieba cut an unknown name.

        The walk left takes single characters other than grammar ones (``function_chars``) and words of a
        name's kind (``company_name_pos``), at most ten characters, and stops at a title, a count, a role
        noun or a describer; words describing the person's term before it (新任) and between it and the title
        (荣誉) stay outside. The name needs a part that is no common word alone (a single character, a proper
        noun, a word jieba does not know or counts rarely, not ending in a head word): not 女性董事长,
        公司董事长, 上市公司董事长, 台湾董事长. The name may follow after more titles (中影董事长、前立委蔡正元).
        LISTED: the title is the evidence, so it stands without the model."""
        tokens, text = ctx.tokens, ctx.simplified
        found = []
        heads = w["generic_heads"]
        for i in range(1, len(tokens) - 1):
            if tokens[i].text not in w["company_titles"] or not self._name_follows(tokens, i + 1, w):
                continue
            k, title = i, tokens[i].text
            while k > 0 and (
                tokens[k - 1].text in w["company_title_modifiers"]
                or tokens[k - 1].text + title in w["title_set"]
                or tokens[k - 1].text + title in w["company_titles"]
            ):
                k -= 1  # 荣誉 + 副董事长; 行政 + 总裁 and 董事 + 总经理, jieba's two words of one title
                title = tokens[k].text + title
            j = k
            while j > 0 and tokens[k - 1].end - tokens[j - 1].start <= 10:
                prev = tokens[j - 1]
                single = len(prev.text) == 1 and "\u4e00" <= prev.text <= "\u9fff"
                if (
                    prev.text in w["title_set"]
                    or prev.text in w["stops"]
                    or prev.text in w["quantifiers"]
                    or prev.text in w["company_name_openers"]
                    or prev.text in w["company_title_modifiers"]
                    or (single and prev.text in w["function_chars"])
                    or (not single and prev.pos not in w["company_name_pos"])
                ):
                    break
                j -= 1
            while (
                j < k - 1
                and not self._name_like(tokens[j], w)
                and any(t.pos not in w["person_pos"] and self._name_like(t, w) for t in tokens[j + 1 : k])
            ):
                j += 1  # 会见/n + 国际货币基金组织/nt: common words before a place's or a body's name are no part of it
            words = tokens[j:k]
            if not words or tokens[k - 1].end - words[0].start < 2:
                continue
            name = text[words[0].start : tokens[k - 1].end]
            if name in w["head_words"] or name in w["not_orgs"] or (len(words) == 1 and self._place_like(words[0], w)):
                continue
            if not any(
                len(t.text) == 1
                or t.pos in w["specific_pos"]
                or (ctx.word_freq.get(t.text, 0) < RARE_WORD and not t.text.endswith(heads))
                for t in words
            ):
                continue  # 女性, 全球, 上市公司: common words describe the person (中影, a rare word, names)
            if all(self._place_like(t, w) or t.text in w["head_words"] for t in words):
                continue  # 台湾公司: a place's company, not a name
            head = next((h for h in heads if name.endswith(h) and len(name) > len(h)), None)
            if head and ctx.word_freq.get(name[: -len(head)], 0) >= RARE_WORD:
                continue  # 上市公司, 民营企业: a common word and a head describe the company
            if within(ctx.spans, words[0].start, tokens[k - 1].end):
                found.append(Mention(words[0].start, tokens[k - 1].end, "ORG", "rule", "orgs.titled", LISTED))
        return found

    @staticmethod
    def _name_follows(tokens: list[Token], i: int, w: dict) -> bool:
        """A person's name at ``tokens[i]``, or after a chain of further titles (董事长、前立委蔡正元)."""
        for t in tokens[i : i + 5]:
            if t.pos.startswith("nr"):
                return True
            if not (t.text in ("、", "兼") or t.text in w["title_set"] or t.text in w["company_title_modifiers"]):
                return False
        return False

    @staticmethod
    def _head_begins_a_title(text: str, end: int, head: str, w: dict) -> bool:
        """Does a title longer than ``head`` begin with the head ending at ``end`` and run on past it (总会 + 长)?"""
        start = end - len(head)
        return any(text[start : start + n] in w["title_set"] for n in range(len(head) + 1, w["title_longest"] + 1))

    @staticmethod
    def _body_word(tok: Token, w: dict) -> bool:
        """A word naming a body, which a verb after it has as its subject: it ends in a head word of two characters
        or more (办事处, 集团) or is a word of three or more ending in a one-character one (教育部, 警察局)."""
        if tok.pos in w["soft_pos"] or tok.text in w["not_orgs"]:
            return False
        head = next(endings(tok.text, w["head_suffixes"]), "")
        return len(head) >= 2 or (len(head) == 1 and len(tok.text) >= 3)

    @staticmethod
    def _nouns_only(tokens: list[Token], starts: list[int], start: int, end: int, w: dict) -> bool:
        """Are the words from ``start`` to ``end`` no verbs or adjectives (文化广电和, not 审查)?"""
        inside = [t for t in tokens[bisect_left(starts, start) : bisect_left(starts, end)] if t.end <= end]
        return bool(inside) and all(t.pos not in w["soft_pos"] for t in inside)

    @staticmethod
    def _extends(tokens: list[Token], starts: list[int], start: int, end: int, w: dict) -> bool:
        """Do nouns only (no verb: not 廉政公署拘捕两名公司) continue a listed name up to ``end``?"""
        inside = [t for t in tokens[bisect_left(starts, start) : bisect_right(starts, end)] if t.end <= end]
        return start < end and bool(inside) and all(t.pos not in w["soft_pos"] for t in inside)

    @staticmethod
    def _listed(ctx: Context, w: dict) -> list[Mention]:
        """Listed names of the text's region at word boundaries (or after a conjunction or, for a long name, a grammar
        character jieba glued to the name);
        a listed 部/院 followed by a listed name joins it."""
        pattern = w["listed_re"].get(ctx.region, w["listed_re"]["unknown"])
        starts = ctx.token_starts
        # 和 + 马华公会: jieba glues a conjunction to an unknown name after it (和马华/nz 公会)
        starts |= {t.start + 1 for t in ctx.tokens if t.end - t.start > 2 and t.text[0] in w["glued_conjunctions"]}
        # 由 + 有组织罪案及三合会调查科 of jieba's 由有/c: a grammar character glued to a long name's first one
        glued = {t.start + 1 for t in ctx.tokens if t.end - t.start == 2 and t.text[0] in w["function_chars"]}
        words = Words(ctx.tokens)
        ends = ctx.token_ends
        # 局 + 长 of jieba's 局长, or, in Taiwan, Hong Kong and Macau text, of one word (行政院长, 考试院长): a title
        # sharing the name's last character (MSRA's mainland text leaves 财政部 of 财政部长 unannotated)
        inside = ctx.region in w["government_named_regions"]
        shared_titles = {
            (t.end - 2, t.end)
            for t in ctx.tokens
            if (t.end - t.start == 2 or (inside and t.end - t.start > 2))
            and ctx.simplified[t.end - 2 : t.end] in w["title_set"]
        }
        found = [
            (m.start(), m.end())
            for m in pattern.finditer(ctx.simplified)
            if (m.start() in starts or (m.start() in glued and m.end() - m.start() >= GLUED_NAME))
            and (
                m.end() in ends
                or ctx.simplified.startswith(w["titles"], m.end())  # jieba's 局局长
                # 教育及青年发展局 + 长: jieba's 局长 shares the 局 (not 国税局/nt 长/a 会议: a meeting of such heads);
                # 行政院 of jieba's one word 行政院长 likewise
                or (m.end() - 1, m.end() + 1) in shared_titles
                # 运输署 + 指 of jieba's 署指: a one-character speech verb jieba joined to the name's head
                or (m.end() + 1 in ends and ctx.simplified[m.end()] in _SPEECH_CHARS)
                # 伊党 + 执政 of jieba's 党执政/nr: the name's last character glued to a common word after it
                or _glued_to_a_word(ctx, words, m.end())
            )
            and within(ctx.spans, m.start(), m.end())
        ]
        joined: list[tuple[int, int]] = []
        for start, end in found:
            if joined and joined[-1][1] == start and ctx.simplified[start - 1] in w["gazetteer"]["parent_heads"]:
                joined[-1] = (joined[-1][0], end)  # 交通部 + 观光署, 行政院 + 主计总处
            else:
                joined.append((start, end))
        return [Mention(s, e, "ORG", "rule", "orgs.gazetteer", LISTED) for s, e in joined]

    def _leftmost(self, tokens: list[Token], i: int, end: int, w: dict, head: str = "") -> int:
        """Index of the first token of the name ending with ``tokens[i]`` (whose head word is ``head``).

        Walk left over modifiers; up to two verbs or adjectives of two or more
        characters may sit inside a name (雨花敬老服务中心, 广西协办扶助基金会),
        never a one-character one (调西安美术学院, 是华泰保险公司), never at the
        start, and never after a person or an organization (a head word of two
        or more characters: not 社会), which is then the subject of the verb
        (张三主持创办农民学校, 贝尔公司买下纽新公司). A count word (一家, 这所)
        ends the walk: 成都一家电脑公司 is a company in 成都, not a name.
        Names made only of common words get a low confidence later.

        An era word (``era_words``: 现代, 当代, 新时代) is a modifier whatever jieba tags it
        (前海深港现代服务业合作区管理局), and a conjunction (``name_conjunctions``) between two
        common words may sit inside a department's name (浙江省发展和改革委员会) when the name
        reaches a place or a level word before it.
        """
        j, softs, joined, seat = i, 0, None, i
        while j > 0 and end - tokens[j - 1].start <= w["max_chars"]:
            prev = tokens[j - 1]
            if self._era(tokens, j - 1, w):
                j -= 1  # 现代/t, and 新/a of 新/a + 时代/n
                continue
            if self._bracketed_seat(tokens, j, head, w):
                j -= 3  # 腾讯科技 + （深圳） + 有限公司: the seat or the group in brackets inside a legal name
                seat = j
                continue
            if joined is None and self._joins_fields(tokens, j, head, w, j == i):
                joined = j - 1
                j -= 1
                continue
            if (
                prev.text.strip() != prev.text
                or prev.text in w["quantifiers"]
                or prev.text in w["stops"]
                or w["describer_re"].fullmatch(prev.text)
                or w["ordinal_count_re"].fullmatch(prev.text)
            ):
                break
            if tokens[j].pos in w["soft_pos"] and (prev.pos in w["person_pos"] or self._body_word(prev, w)):
                break
            if (
                prev.text in w["head_words"]
                and prev.pos not in w["soft_pos"]  # 社会组织/v管理局: a head tagged a verb modifies the next head
                and not (j > 1 and self._name_like(tokens[j - 2], w))
                and not (head in w["legal_forms"] and prev.text in w["company_heads"])  # 建发集团 + 有限公司
                and seat == i  # 韩国友利银行 + （中国） + 有限公司: a bank's or a group's company, named after it
            ):
                break  # 第四大银行美洲银行: a bare head word is a common noun unless a name precedes it
            if prev.pos in w["soft_pos"] or (len(prev.text) == 1 and prev.pos in w["verbal_noun_pos"]):
                if len(prev.text) < 2 or softs == 2:
                    break
                softs += 1
            elif prev.pos not in w["modifier_pos"]:
                break
            j -= 1
        while j < i and tokens[j].pos in w["soft_pos"]:
            j += 1

        # 经营者京源华美装饰公司: common words before the first place or proper name describe the name
        # (not before a person's name: jieba tags many a common word nr, 雨花敬老/n+nr服务中心).
        def anchors(t: Token) -> bool:
            return t.pos not in w["person_pos"] and self._name_like(t, w)

        while (
            j < i
            and not self._name_like(tokens[j], w)
            and not self._era(tokens, j, w)  # 当代中国研究所: the era is the name's own word
            and any(anchors(t) for t in tokens[j + 1 : seat])  # not the seat: 百度在线网络技术（北京）有限公司
        ):
            j += 1
        if joined is not None and j <= joined and not self._name_like(tokens[j], w):
            j = joined + 1  # 发展和改革委员会 with no place before it: the words after the conjunction only
        if 0 < j < i and tokens[j - 1].text in w["locative_prepositions"] and self._place_like(tokens[j], w):
            verbs = [
                k for k in range(j + 1, i) if tokens[k].pos in w["soft_pos"] or tokens[k].pos in w["verbal_noun_pos"]
            ]
            if verbs:
                j = verbs[-1] + 1  # 在 + 新加坡 + 设立/v (建设/vn) + 数据中心: where a thing is done, then what
        return j

    def _bracketed_seat(self, tokens: list[Token], j: int, head: str, w: dict) -> bool:
        """Do ``tokens[j - 3 : j]`` bracket a place or a group word (``bracketed_words``: 集团) inside a company's
        legal name (阿里巴巴（中国）有限公司, 中国平安保险（集团）股份有限公司), after a word of the name?"""
        if j < 4 or head not in w["legal_forms"] or tokens[j - 1].text not in ("）", ")"):
            return False
        inner = tokens[j - 2]
        return (
            tokens[j - 3].text in ("（", "(")
            and (self._place_like(inner, w) or inner.text in w["bracketed_words"])
            and tokens[j - 4].pos in w["modifier_pos"]
        )

    @staticmethod
    def _era(tokens: list[Token], j: int, w: dict) -> bool:
        """Does an era word (``era_words``: 当代, 新/a + 时代/n) begin at ``tokens[j]``?"""
        return tokens[j].text in w["era_words"] or (
            j + 1 < len(tokens) and tokens[j].text + tokens[j + 1].text in w["era_words"]
        )

    def _joins_fields(self, tokens: list[Token], j: int, head: str, w: dict, at_head: bool = False) -> bool:
        """Is ``tokens[j - 1]`` a conjunction joining two fields of a department's name (发展 + 和 + 改革委员会)?

        Both neighbours are common words of a name's kind or abbreviations (广电/nz; not a place, a person or a
        body's head: not 学校和医院, 北京和上海公安局), and the head is a department's (``joined_heads``); the
        word after it may hold the head itself (文化广电 + 和 + 旅游局: ``at_head``)."""
        if j < 2 or tokens[j - 1].text not in w["name_conjunctions"] or not head.endswith(w["joined_heads"]):
            return False

        def field(t: Token, text: str) -> bool:
            return (
                bool(text)
                and text not in w["title_words"]  # 陈志明医生 + 和 + 精神健康咨询委员会: a titled person, no field
                and t.pos in w["modifier_pos"]
                and (t.pos not in w["specific_pos"] or t.pos in w["field_pos"])
                and not self._place_like(t, w)
                and (text in w["not_orgs"] or not any(endings(text, w["head_suffixes"])))  # 社会 is no 会
            )

        after = tokens[j].text[: -len(head)] if at_head and tokens[j].text.endswith(head) else tokens[j].text
        return field(tokens[j - 2], tokens[j - 2].text) and field(tokens[j], after)

    @staticmethod
    def _stem(tok: Token, head: str, end: int, ctx: Context) -> list[Token]:
        """The words of ``tok`` before its head (中国 of 中国政府, 中国人民 of 中国人民银行, 人民 of 人民法院),
        which jieba keeps as one word."""
        stem = ctx.simplified[tok.start : end - len(head)]
        return ctx.segment(stem) if stem and ctx.segment is not None else []

    @staticmethod
    def _department_of_places(text: str, start: int, places_end: int, end: int, head: str, w: dict) -> bool:
        """黑龙江省哈尔滨市道里区 + 农业农村局, 中山市小榄镇 + 华盛五金制品厂: a one-character head of a body seated in
        a place (``seated_heads``: 局, 委, 会, 厂) after places that end in a level (省, 市, 区, 镇) and a field of two
        characters or more names a body there (not 站: 河南省西峡县 + 县城加油站 are the county's stations); so does a
        ministry (部) after a listed country or province alone (美国 + 国土安全部, 意大利 + 文化遗产部)."""
        if len(head) != 1 or places_end <= start or end - len(head) - places_end < 2:
            return False
        if head == "部":
            return text[start:places_end] in w["listed_places"]
        return head in w["seated_heads"] and text[places_end - 1] in w["level_chars"]

    @staticmethod
    def _level_department(tokens: list[Token], j: int, i: int, end: int, w: dict) -> int | None:
        """市 + 民政局, 区 + 公安局, 省 + 住建 + 厅: a level word alone (the leftmost modifier, or the word before
        it) and a department's own words (a field and a head, three characters at least) are the body of the
        place the text is about, as the guidelines read 省卫健委 (the model often reads the bare department, which
        names none): the level word's index. Not after a count, a determiner or another level (两/m 市 民政局,
        省市/n 县 民政局: which ones, no name)."""
        if j < i and tokens[j].text in w["government_levels"]:
            k = j
        elif j and tokens[j - 1].text in w["government_levels"]:
            k = j - 1  # 县/zg, whatever jieba tags it
        else:
            return None
        if end - tokens[k + 1].start < 3:
            return None
        if k == 0:
            return k
        before = tokens[k - 1]
        if before.pos in ("m", "q", "r") or all(c in w["level_chars"] for c in before.text):
            return None
        return k

    def _bare_level_government(self, name: str, w: dict) -> bool:
        """县人民政府, 市政府, 州政府: a level word alone and a government's name, which the guidelines read as the
        body of the place the text is about; with ``governments_by_place`` off (MSRA's convention, which leaves
        市政府 alone) only a formal name (县人民政府)."""
        names = (*w["government_formal_names"], "政府") if self.governments_by_place else w["government_formal_names"]
        formal = next((f for f in names if name.endswith(f)), None)
        return formal is not None and name[: -len(formal)] in w["government_levels"]

    def _government_name(self, text: str, region: str, w: dict) -> bool:
        """北京市政府, 美国政府, 臺北市政府: a place's government is one body, as the guidelines annotate it; with
        ``governments_by_place`` off, MSRA's convention on the mainland: only a formal name (南宁市人民政府) is one
        body, and 北京市政府 describes the place's government (in Taiwan, Hong Kong and Macau 臺北市政府 is the
        body's official name either way)."""
        return (
            self.governments_by_place
            or region in w["government_named_regions"]
            or text.endswith(w["government_formal_names"])
        )

    @classmethod
    def _place_named(cls, modifiers: list[Token], w: dict) -> bool:
        """A government is named after a place (美国政府, 香港特区政府), with no verb or other body inside.

        (襄樊市委市政府 is two bodies, the party committee and the government.)
        """
        return (
            bool(modifiers)
            and cls._place_like(modifiers[0], w)
            and all(t.pos not in w["soft_pos"] and not any(endings(t.text, w["head_suffixes"])) for t in modifiers)
        )

    @staticmethod
    def _place_like(tok: Token, w: dict) -> bool:
        text = tok.text
        return (
            tok.pos == "ns"
            or text in w["listed_places"]  # 张家口/nr
            or text in w["region_words"]
            or (len(text) >= 2 and text[-1] in w["place_suffix_chars"] and text not in w["collective_places"])
        )

    @classmethod
    def _name_like(cls, tok: Token, w: dict) -> bool:
        """A place, a proper name, or a region word (自治区, 来宾市): what makes a name specific."""
        return tok.pos in w["specific_pos"] or cls._place_like(tok, w)

    @staticmethod
    def _head(tok: Token, w: dict) -> tuple[str | None, int]:
        """The head word ending ``tok`` and where the name ends (jieba keeps 协会会长 as one word)."""
        text = tok.text
        if text[-1] not in w["head_or_title_ends"]:
            return None, tok.end
        for title in endings(text, w["title_suffixes"]):
            if len(text) > len(title):
                stem = text[: -len(title)]
                head = next((h for h in endings(stem, w["head_suffixes"]) if len(h) > 1 or stem == h), None)
                if head:
                    return head, tok.end - len(title)
        if (text in w["not_orgs"] and tok.pos != "nt") or text in w["title_set"]:  # 立委 ends in 委 but is a title
            return None, tok.end
        if tok.pos != "nt" and text[-2:] in w["not_org_endings"]:  # 机关干部/n: people, no body
            return None, tok.end
        if w["direction_part_re"].fullmatch(text):  # 中西部/nt is a part of a country
            return None, tok.end
        if next(endings(text, w["meetings"]), None):  # 六中全会, 新闻发布会: a meeting, no body
            return None, tok.end
        head = next(endings(text, w["head_suffixes"]), None)
        if head is not None:
            if len(head) == 1 and text != head and tok.pos not in ("n", "nt", "nz", "j", "nr"):
                return None, tok.end
            return head, tok.end
        return None, tok.end  # jieba's nt tag alone is too noisy (新进展/nt, 最大化/nt)

    @staticmethod
    def _outermost(mentions: list[Mention]) -> list[Mention]:
        """Keep the longest of nested names (自治区民政厅社会组织管理局 over 自治区民政厅)."""
        mentions.sort(key=lambda m: (m.start, -m.end, -m.confidence))
        kept: list[Mention] = []
        for m in mentions:
            if kept and m.start >= kept[-1].start and m.end <= kept[-1].end:
                continue
            if kept and m.start < kept[-1].end and m.start == kept[-1].start:
                continue
            kept.append(m)
        return kept
