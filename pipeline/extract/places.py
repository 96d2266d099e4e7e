"""LOC by rule: jieba's place tags, extended by the administrative suffix grammar.

环江毛南族自治县 is three jieba words (环江/ns 毛南族/nz 自治县/n); a suffix
word such as 自治县, 市 or 镇 closes a place name and the ns/nz words
before it belong to it. Collective words (全区, 社区, 乡村) are refused. An
ethnic autonomous area (…族自治县) is a formula and trusted without the model.

Named facilities and landmarks are places in the guidelines (港珠澳大桥, 桃园机场):
name words before a facility head (``facility_heads``: 酒店, 机场, 大桥, 工业园区,
站) name one, and a line named by its ends (沈阳至佳木斯高铁) is one place. Both
are proposed as ``places.facility``, which fusion ranks with the model and lets
decide where the model's overlapping name begins (湾仔 + 维景酒店).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache, cached_property
from itertools import pairwise

from pipeline import data
from pipeline.data import alternation
from pipeline.extract.base import Context, Mention, within
from pipeline.extract.prefilter import prefiltered
from pipeline.segment import LISTED_PLACE_FREQ, Token


class PlaceExtractor:
    name = "places"

    @cached_property
    def _words(self) -> dict:
        w = dict(data.table("zh/places.json"))
        w["suffixes"] = sorted(w["suffixes"], key=len, reverse=True)
        w["not_places"] = frozenset(w["not_places"])
        names = sorted({n for k, v in w["gazetteer"].items() if k != "_source" for n in v}, key=len, reverse=True)
        w["gazetteer_names"] = frozenset(names)
        joiners, heads, han = alternation(w["route_joiners"]), alternation(w["route_heads"]), "[\u4e00-\u9fff]"
        # 徐州至常州的高铁 is a railway between two places, no line's name: no 的 inside one
        word = r"(?:(?!的)[\u4e00-\u9fff])"
        w["route_re"] = re.compile(rf"(?:{word}{{2,5}}?(?:{joiners}))+{word}{{1,5}}?(?P<head>{heads})")
        w["facility_head_ends"] = frozenset(head[-1] for head in w["facility_heads"])  # turns most words away
        w["geo_heads"] = tuple(w["geo_heads"])
        w["chain_levels"] = tuple(w["chain_levels"])
        w["glued_levels"] = tuple(w["glued_levels"])
        w["glued_name_pos"] = frozenset(w["glued_name_pos"])
        abbreviations = "".join(w["line_abbreviations"])
        w["line_re"] = re.compile(
            rf"[{abbreviations}]{{2,4}}(?:{alternation(w['line_branches'])})?(?:{alternation(w['line_heads'])})"
        )
        w["road_number_re"] = re.compile("|".join(f"(?:{p})" for p in w["road_numbers"]))
        w["facility_heads_all"] = frozenset(w["facility_heads"])
        w["facility_heads_by_length"] = sorted(w["facility_heads"], key=len, reverse=True)
        w["chain_firsts"] = frozenset(
            [s for s in (*w["chain_streets"], *w["chain_levels"]) if len(s) == 1] + list(w["chain_determiners"])
        )
        w["facility_heads"] = data.suffix_table(w["facility_heads"])  # looked up by length, longest first
        w["facility_modifier_pos"] = frozenset(w["facility_modifier_pos"])
        w["facility_name_pos"] = frozenset(w["facility_name_pos"])
        w["listed_levels"] = ("", *(level for level in w["stem_levels"] if len(level) == 1))  # 岳阳 + 市
        # 花莲县, 油尖旺区, 台南市: a listed name with its level word; not in 台中市长, where 市长 is the title.
        w["outlets"] = sorted(data.table("zh/outlets.json")["names"], key=len, reverse=True)
        date = r"(?:\d{1,2}月)?\d{1,2}日[电讯]"
        w["dateline_re"] = re.compile(
            rf"(?m)^[ \t\u3000]*[（(【〔][ \t\u3000]*(?P<place>{han}{{2,9}}?)[ \t\u3000]*{date}[）)】〕]"
        )
        w["credit_labels"] = tuple(data.table("zh/titles.json")["credit_labels"])
        # the model knows the names jieba tags ns as well as the list does (中国, 广西): those are hints there
        w["hinted"] = frozenset(n for k in w["hinted_groups"] for n in w["gazetteer"][k])
        w["gazetteer_re"] = prefiltered(
            re.compile(rf"(?:{alternation(names)})(?:(?:{alternation(w['gazetteer_levels'])})(?!长))?")
        )
        return w

    def find(self, ctx: Context) -> list[Mention]:
        w = self._words
        tokens = ctx.tokens
        mentions: list[Mention] = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok.text in w["not_places"]:
                i += 1
                continue
            if i and self._glued_level(tok, ctx, w) and self._glued_name(tokens[i - 1], w):
                # 杏子/n + 铺镇/ns, 九龙/nz + 岭镇/ns: the level's word is no place alone
                before = tokens[i - 1]
                if within(ctx.spans, before.start, tok.end):
                    mentions.append(
                        Mention(before.start, tok.end, "LOC", "rule", "places.suffix", 0.85, structured=True)
                    )
                i += 1
                continue
            if tok.pos == "ns" and len(tok.text) >= 2:
                end_i = i
                # 环江 + 毛南族 + 自治县: absorb following words up to a suffix word.
                k = i + 1
                # 桃园市 + 中坜区: a word that ends in its level is a whole place, the next one begins its own, as
                # does a place word (宁德 + 霞浦县)
                closed = len(tok.text) >= 3 and any(tok.text.endswith(s) for s in w["suffixes"])
                glued = (
                    not closed and k < len(tokens) and self._glued_level(tokens[k], ctx, w) and self._glued_name(tok, w)
                )
                if glued:
                    end_i, closed = k, True  # 三塘 + 铺镇: one name, which no chain divides
                while (
                    not closed
                    and k < len(tokens)
                    and k <= i + 3
                    and tokens[k].pos in ("nz", "ns", "n")
                    and tokens[k].text not in w["not_places"]
                    and not (tokens[k].pos == "ns" and len(tokens[k].text) >= 2)  # 宁德 + 霞浦县: a place of its own
                ):
                    if any(tokens[k].text == s for s in w["suffixes"]):
                        end_i = k
                        break
                    k += 1
                start, end = tok.start, tokens[end_i].end
                suffixed = end_i > i or any(tok.text.endswith(s) for s in w["suffixes"])
                if within(ctx.spans, start, end):
                    rule, confidence = ("places.suffix", 0.65) if suffixed else ("places.jieba", 0.6)
                    if end_i == i + 1:
                        confidence = 0.85  # 龙城 + 街道, 贵台 + 镇: a place word and its level word, one name
                    elif end_i == i and self._with_its_level(tok.text, ctx, w):
                        confidence = 0.75  # 霞浦县/ns: a place word of jieba's with its level, one name
                    elif end_i == i and tok.text.endswith(w["geo_heads"]) and len(tok.text) >= 3:
                        confidence = 0.85  # 塔克拉玛干沙漠, 四川盆地: one place word, where the model stops at 四川
                    if ctx.simplified.startswith("《", end):
                        confidence = 0.75  # 英国《金融时报》: a place before a title stands (the model runs it on)
                    if self._autonomous(ctx.simplified[start:end], w):
                        rule, confidence = "places.autonomous", 0.85  # a formula: it outranks the model's split
                    mentions.append(Mention(start, end, "LOC", "rule", rule, confidence, structured=glued))
                i = end_i + 1
                continue
            i += 1
        return (
            mentions
            + self._gazetteer(ctx, w)
            + self._facilities(ctx, w)
            + self._routes(ctx, w)
            + self._streets(ctx, w)
            + self._abbreviated_lines(ctx, w)
            + self._numbered_roads(ctx, w)
            + self._estates(ctx, w)
            + self._datelines(ctx, w)
            + self._standing_short_names(ctx, w)
            + self._named_streets(ctx, w)
        )

    @staticmethod
    def _named_streets(ctx: Context, w: dict) -> list[Mention]:
        """民族 + 路, 宝山 + 东街, 孙中山 + 大马路, 中华 + 路口: a name word before a street word jieba leaves apart
        (``street_words``; 路口 gives its 路); before 路 or 街 alone only with a junction or a stretch after the
        street (``street_after``: 民族路与…; not 登山 + 路, 这条 + 路)."""
        text, tokens, found = ctx.simplified, ctx.tokens, []
        heads, after = w["street_words"], tuple(w["street_after"])
        for i in range(1, len(tokens)):
            head, name = tokens[i], tokens[i - 1]
            if head.text not in heads or not 2 <= len(name.text) <= 4 or name.pos not in w["street_name_pos"]:
                continue
            if name.text in w["not_places"] or not all("\u4e00" <= c <= "\u9fff" for c in name.text):
                continue
            if name.text.endswith(tuple(w["street_heads"])):
                continue  # 九江路 + 路口: the street is the word before
            end = head.start + 1 if head.text == "路口" else head.end
            if len(head.text) == 1 and not text.startswith(after, end):
                continue  # 路, 街 alone after a word: a street before a junction or a stretch only (not 登山 + 路)
            if head.text == "路口" and name.pos == "n":
                continue  # 学校 + 路口: a common noun's crossing, no street's name
            if within(ctx.spans, name.start, end):
                found.append(Mention(name.start, end, "LOC", "rule", "places.street", 0.85))
        return found

    @staticmethod
    def _standing_short_names(ctx: Context, w: dict) -> list[Mention]:
        """本港, 本澳, 访港, 返港, 来澳: a one-character name standing alone for its place after 本 or a verb of
        being or going there (``standing_short_names``), as jieba's word of the two (本港/r, 抵港/n) or as a word of
        its own after a one-character one (返/v 港/j); not where it begins a longer word (港口, 澳门) or a word for
        the place's people or things (港人, 港股). The verbs that also take a seaport (回港, 抵港, 到港:
        ``standing_short_port_leads``) only in Hong Kong and Macau text."""
        names, leads = w["standing_short_names"], w["standing_short_leads"]
        if ctx.region in ("hk", "mo"):
            leads += w["standing_short_port_leads"]
        text, found = ctx.simplified, []
        for i, t in enumerate(ctx.tokens):
            if len(t.text) == 2 and t.text[0] in leads and t.text[1] in names:
                at = t.start + 1  # 本港/r, 抵港/n, 惠澳/nr
            elif t.text in names and i > 0 and len(ctx.tokens[i - 1].text) == 1 and ctx.tokens[i - 1].text in leads:
                at = t.start  # 返/v 港/j, 本/r 澳/ns
            else:
                continue
            after = text[at + 1 : at + 2]
            if not (after and after in w["of_a_place"]) and within(ctx.spans, at, at + 1):
                found.append(Mention(at, at + 1, "LOC", "rule", "places.short_name", 0.8))
        return found

    @staticmethod
    def _glued_level(tok: Token, ctx: Context, w: dict) -> bool:
        """铺镇 of 三塘/ns + 铺镇, 场镇 of 大坝/ns + 场镇: a name's last character, one that ends toponyms
        (``toponym_chars``), and its level, a word of jieba's HMM (in no dictionary: not 农村, 乡镇, 城镇)."""
        return (
            len(tok.text) == 2
            and tok.text.endswith(w["glued_levels"])
            and tok.text[0] in w["toponym_chars"]
            and not ctx.word_freq.get(tok.text)
        )

    @staticmethod
    def _glued_name(tok: Token, w: dict) -> bool:
        """A word that may be the rest of a name before a glued level (三塘, 杏子, 九龙): a noun or a place of one to
        three characters; not one that begins or ends in a level (须水 + 镇西/ns + 岗村: jieba's cut is off; 乌镇 +
        乌村: two places) nor a word that is no place."""
        return (
            tok.pos in w["glued_name_pos"]
            and len(tok.text) <= 3
            and not tok.text.startswith(w["chain_levels"])
            and not tok.text.endswith(w["chain_levels"])
            and tok.text not in w["not_places"]
        )

    @staticmethod
    def _with_its_level(word: str, ctx: Context, w: dict) -> bool:
        """霞浦县, 新化县: three characters or more, a level word and a name before it (not 上市/ns, 偏远地区/ns, 大市:
        a common word with a level character in it)."""
        level = next((s for s in w["chain_levels"] if word.endswith(s)), None)
        return (
            level is not None
            and len(word) >= 3
            and word[-2:] not in w["not_places"]
            and _names(word[: -len(level)], ctx, w)
        )

    @staticmethod
    def _datelines(ctx: Context, w: dict) -> list[Mention]:
        """(亚罗士打3日讯), （中央社台北25日電）: the place of a bracketed dateline at a line's start, after the
        outlet if one is named, is a place (structured, as the dateline's outlet is); not a reporter's credit
        (記者张三台南10日電: the name and the place are not told apart here)."""
        found = []
        for m in w["dateline_re"].finditer(ctx.simplified):
            start, end = m.span("place")
            outlet = next((o for o in w["outlets"] if ctx.simplified.startswith(o, start)), "")
            start += len(outlet)
            if any(label in m["place"] for label in w["credit_labels"]):
                continue
            if end - start >= 2 and within(ctx.spans, start, end):
                found.append(Mention(start, end, "LOC", "rule", "places.dateline", 0.9, structured=True))
        return found

    @staticmethod
    def _estates(ctx: Context, w: dict) -> list[Mention]:
        """A housing estate (``estate_heads``: 邨), whose name jieba cuts into pieces (华富/nz 邨/zg, 天/q 恒/nr 邨):
        the words before the head, at most ``estate_name_chars``, back to a word of ``estate_stop_pos`` (的 +
        华富邨) or a listed place (天水围 + 天恒邨, 元朗 + 朗屏邨); a listed place right before the head, or one
        character before it, names the estate (石硖尾邨, 美孚新邨)."""
        text, tokens = ctx.simplified, ctx.tokens
        if not any(head in text for head in w["estate_heads"]):
            return []
        listed = {m.end(): m.start() for m in w["gazetteer_re"].finditer(text)}
        limit = w["estate_name_chars"]
        found = []
        for k, t in enumerate(tokens):
            if not t.text.endswith(tuple(w["estate_heads"])):
                continue
            head = t.end - 1
            named = next((listed[e] for e in (head, head - 1) if e in listed and listed[e] < head - 1), None)
            if named is not None:
                start = named  # 石硖尾 + 邨, 美孚 + 新邨
            else:
                start, j = min(t.start, head), k
                while j > 0 and head - tokens[j - 1].start <= limit and tokens[j - 1].pos not in w["estate_stop_pos"]:
                    j -= 1
                    start = tokens[j].start
                start = max([start, *(e for e in listed if start < e < head)])  # 天水围 + 天恒邨
            if head - start >= 1 and within(ctx.spans, start, t.end):
                found.append(Mention(start, t.end, "LOC", "rule", "places.facility", 0.88))
        return found

    @staticmethod
    def _numbered_roads(ctx: Context, w: dict) -> list[Mention]:
        """A road named by its number (台66线, 台九线, 国道一号, 106国道: ``road_numbers``), a named place as the
        guidelines read roads; not inside a longer number or word of Latin letters and digits."""
        text = ctx.simplified
        return [
            Mention(m.start(), m.end(), "LOC", "rule", "places.facility", 0.88)
            for m in w["road_number_re"].finditer(text)
            if not (m.start() and text[m.start() - 1].isascii() and text[m.start() - 1].isalnum())
            and within(ctx.spans, m.start(), m.end())
        ]

    @staticmethod
    def _abbreviated_lines(ctx: Context, w: dict) -> list[Mention]:
        """A railway or road named by the abbreviations of its ends (京港澳高速, 沪昆高铁, 成渝中线高铁): two to four
        ``line_abbreviations`` from a word's start, a branch word or none, and a line head ending a word; one place,
        not one-character places (京 + 港 + 澳)."""
        starts, ends = ctx.token_starts, ctx.token_ends
        return [
            Mention(m.start(), m.end(), "LOC", "rule", "places.facility", 0.88)
            for m in w["line_re"].finditer(ctx.simplified)
            if m.start() in starts and m.end() in ends and within(ctx.spans, m.start(), m.end())
        ]

    @staticmethod
    def _streets(ctx: Context, w: dict) -> list[Mention]:
        """A street that jieba keeps as one name word (英皇道/nr, 建国路/nz, 长安街/ns): three characters or more
        ending in a street word (``street_heads``); a named place in the guidelines, proposed as a facility is.
        Not a person's name and 道 (李明道/nr + 出: the verb), so a name word ending in 道 is a place word (ns, nz), nor
        one ending in a common word (集成电路, 大马路), unless jieba tags it a place (中山路/ns)."""
        return [
            Mention(t.start, t.end, "LOC", "rule", "places.facility", 0.88)
            for t in ctx.tokens
            if len(t.text) >= 3
            and t.text.endswith(tuple(w["street_heads"]))
            and t.pos in w["facility_name_pos"]
            and not (t.text.endswith("道") and t.pos.startswith("nr"))
            and (t.pos == "ns" or not PlaceExtractor._common(t.text[-2:], ctx, w))
            and within(ctx.spans, t.start, t.end)
        ]

    @staticmethod
    def _common(word: str, ctx: Context, w: dict) -> bool:
        """A frequent word of jieba's dictionary (电路 of 集成电路, 马路 of 大马路: no street's name)."""
        return ctx.word_freq.get(word, 0) >= w["chain_rare_freq"]

    @staticmethod
    def _routes(ctx: Context, w: dict) -> list[Mention]:
        """A line named by its ends, from a place word to a word boundary: 沈阳至佳木斯高铁, 广州至新兴南段.

        No verb, adjective or adverb inside (中国发展至新阶段 is a clause)."""
        tokens = ctx.tokens
        ends = ctx.token_ends
        starts = ctx.token_starts | {t.end - 1 for t in tokens if len(t.text) == 2}  # 白 河段
        mentions: list[Mention] = []
        i = 0
        while i < len(tokens):
            t = tokens[i]
            m = w["route_re"].match(ctx.simplified, t.start) if t.pos == "ns" and len(t.text) >= 2 else None
            if not (m and m.end() in ends and m.start("head") in starts and within(ctx.spans, t.start, m.end())):
                i += 1
                continue
            k = i
            while k < len(tokens) and tokens[k].end <= m.end():
                k += 1
            if not any(x.pos.startswith(("v", "a", "d")) for x in tokens[i:k]):
                mentions.append(Mention(t.start, m.end(), "LOC", "rule", "places.facility", 0.88))
            i = k  # 柳州至桂林铁路 inside 南宁至柳州至桂林铁路 is no line of its own
        return mentions

    @staticmethod
    def _facilities(ctx: Context, w: dict) -> list[Mention]:
        """Named facilities and landmarks: name words before a facility head (维景酒店, 桃园机场, 大坪林站).

        The head ends a word and may span words (产业园 + 区); the walk goes left from it over
        ``facility_modifier_pos`` words (at most 12 characters; a verb of two characters such as 创意
        inside, not first). The name needs a word of ``facility_name_pos``, right before a
        one-character head (坪林 站, 澳门 关). Common words before the first name word describe it and
        are cut (经营 + …); a dictionary place at its start is then a place of its own, proposed too,
        when a name word or a word jieba does not know is left without it (湾仔 + 维景酒店, 荃湾 +
        锦翠停车场; not 九寨沟旅游景区, 马中关丹产业园, nor a one-character place, an abbreviation inside the
        name: 京港澳高速公路).
        """
        tokens, text = ctx.tokens, ctx.simplified
        modifier = w["facility_modifier_pos"]
        starts = [t.start for t in tokens]
        mentions: list[Mention] = []
        for i, tok in enumerate(tokens):
            head = PlaceExtractor._head_of(tok, w, text)
            if head is None:
                continue
            j = bisect.bisect_right(starts, tok.end - len(head)) - 1  # the word the head begins in
            inside = tokens[j].start != tok.end - len(head)
            if inside and (len(head) == 1 or j != i):
                continue  # a one-character head is a word of its own (关 of 海关 is none)
            words: list[Token] = [tokens[j]] if inside else []  # 假日 of 假日酒店
            k = j - 1
            while k >= 0 and tok.end - tokens[k].start <= 12 + len(head):
                t = tokens[k]
                # a verb or adjective describing the facility stands right before its head (创意 + 产业园区),
                # not further left, where it is the sentence's (抵达 + 德黑兰机场)
                soft = (
                    t.pos in ("v", "a") and len(t.text) >= 2 and k == j - 1 and k > 0 and tokens[k - 1].pos in modifier
                )
                if t.text.strip() != t.text or (t.pos not in modifier and not soft):
                    break
                if words and (PlaceExtractor._head_of(t, w) or t.text in w["street_words"]):
                    break  # one before is a name of its own (港珠澳大桥 + 珠海口岸, 河南街 + 青洲坊大厦)
                if t.text in w["not_places"]:
                    break  # 苏北 + 地区 + 农村公路: an area's generic word ends the name (rural roads are no facility)
                words.insert(0, t)
                k -= 1
            if len(head) == 1 and not (words and PlaceExtractor._names_the_facility(words[-1], w, head)):
                continue
            if (
                len(head) == 1
                and tok.pos.startswith("v")
                and words[-1].pos.startswith("nr")
                and words[-1].text not in w["gazetteer_names"]
            ):
                continue  # 王玉梅/nr 站/v 在: a person and the verb, not a station (坪林/ns, 花莲/nr 站/v are)
            # common words before the first name word are cut (控制性 工程 + 遂宁涪江特大桥); then places at
            # its start stand alone: 湾仔 + 维景酒店, 遂宁 + 涪江特大桥, 中国 + 良渚古城遗址 (古城 is no name)
            while words and (
                not PlaceExtractor._names_the_facility(words[0], w, head) or words[0].text in w["not_places"]
            ):
                words.pop(0)  # and 新建/ns (a verb jieba's dictionary tags ns) of 新建 + 高速公路
            while (
                words
                and words[0].pos == "ns"
                and len(words[0].text) >= 2  # 京 of 京港澳高速公路: a one-character place abbreviates inside a name
                and PlaceExtractor._listed(words[0].text, ctx, w)
                and any(PlaceExtractor._names(t, ctx, w) for t in words[1:])
            ):
                place = words.pop(0)
                if within(ctx.spans, place.start, place.end):
                    mentions.append(Mention(place.start, place.end, "LOC", "rule", "places.facility", 0.6))
                while words and not PlaceExtractor._names(words[0], ctx, w):
                    words.pop(0)  # 天桥 + 往 + 狮子山隧道: a common word after the place is cut as before it
            if words and within(ctx.spans, words[0].start, tok.end):
                mentions.append(Mention(words[0].start, tok.end, "LOC", "rule", "places.facility", 0.88))
        return mentions

    @staticmethod
    def _names_the_facility(tok: Token, w: dict, head: str) -> bool:
        """A word that names the facility of ``head``: a name word (坪林/ns 站), a listed place jieba tags
        otherwise (旺角/n, 台中/s + 站), or, before a one-character head (站), a facility a station is named
        after (人民广场/n + 站; not 篮球场 alone, a kind of facility)."""
        return (
            tok.pos in w["facility_name_pos"]
            or tok.text in w["gazetteer_names"]
            or (len(head) == 1 and len(tok.text) > 2 and PlaceExtractor._head_of(tok, w) not in (None, tok.text))
        )

    @staticmethod
    def _listed(place: str, ctx: Context, w: dict) -> bool:
        """A place jieba's dictionary lists, alone or with a level word (岳阳市; not 马中 of 马中关丹产业园)."""
        if not ctx.word_freq:
            return True
        return any(ctx.word_freq.get(place + level, 0) > 0 for level in w["listed_levels"])

    @staticmethod
    def _names(tok: Token, ctx: Context, w: dict) -> bool:
        """A word that names a facility: a name word, or one jieba does not know (环翠 of 环翠停车场), no head."""
        known = ctx.word_freq.get(tok.text, 0) > 0
        return (tok.pos in w["facility_name_pos"] or not known) and not PlaceExtractor._head_of(tok, w)

    @staticmethod
    def _head_of(tok: Token, w: dict, text: str | None = None) -> str | None:
        """The facility head ending ``tok`` (within the word, or reaching back into words before it in ``text``)."""
        if tok.text[-1] not in w["facility_head_ends"]:
            return None
        if text is None:
            return next(data.endings(tok.text, w["facility_heads"]), None)
        end = tok.end
        return next(
            (text[end - n : end] for n, heads in w["facility_heads"] if n <= end and text[end - n : end] in heads), None
        )

    @staticmethod
    def _autonomous(name: str, w: dict) -> bool:
        """环江毛南族自治县, 延边朝鲜族自治州: a place, a nationality (…族) and an autonomous level."""
        suffix = next((s for s in w["autonomous_suffixes"] if name.endswith(s)), None)
        return suffix is not None and "族" in name[1 : -len(suffix)]

    @staticmethod
    def _gazetteer(ctx: Context, w: dict) -> list[Mention]:
        """Listed place names (葵青区 with its level word), only as whole jieba words or word runs (not 平台中的),
        and not as the given name after a surname jieba cut off (王/nr + 金华, 陈/nr + 玉林: people)."""
        starts = ctx.token_starts
        ends = ctx.token_ends
        surnames = data.surnames()[0]
        after_a_surname = {
            t.end for t in ctx.tokens if len(t.text) == 1 and t.pos.startswith("nr") and t.text in surnames
        }
        return [
            Mention(
                m.start(), m.end(), "LOC", "rule", "places.gazetteer", PlaceExtractor._listed_confidence(m[0], ctx, w)
            )
            for m in w["gazetteer_re"].finditer(ctx.simplified)
            if m.start() in starts
            and m.end() in ends
            and m.start() not in after_a_surname
            and within(ctx.spans, m.start(), m.end())
        ]

    @staticmethod
    def _listed_confidence(name: str, ctx: Context, w: dict) -> float:
        """0.75, a listed name that stands alone; a hint (0.6) for a name of ``hinted_groups`` that jieba knows as
        a frequent place word (中国, 广西: ``hint_freq`` or more; the model reads these, and knows 中国 of 中国语文 is
        none), not for a rarer one (张掖, 六盘水: the model misses many) or one jieba cuts, tags otherwise or lacks
        (周口/n, 许昌/nr, 休士顿/nrt, 寮国: names the model misses or reads as people)."""
        bare = next((name[: -len(level)] for level in w["gazetteer_levels"] if name.endswith(level)), name)
        for stem in (name, bare):
            if stem in w["hinted"] and ctx.segment is not None and ctx.word_freq.get(stem, 0) >= w["hint_freq"]:
                tokens = ctx.segment(stem)
                return 0.6 if len(tokens) == 1 and tokens[0].pos == "ns" else 0.75
        return 0.75


@cache
def _chain_words() -> dict:
    return PlaceExtractor()._words


def chains(mentions: list[Mention], ctx: Context) -> list[Mention]:
    """A place read as one name that is a chain of places written together is each of them (重庆万州区 → 重庆 +
    万州区, 辽宁大连 → 辽宁 + 大连, 屯门湖景邨 → 屯门 + 湖景邨), as the guidelines annotate it; not an autonomous
    area (延边朝鲜族自治州), a facility but for a listed place at its start (北京 + 王府井步行街; not 北京西站) or a
    name whose rest is a generic word (上海市区, 成都高新区). The model's organization that is nothing but listed
    places written together, one with its level word (雪兰莪州蒲种: a state and a town), is those places: no body is
    named without a head (中国台北, with no level word, is a team's name)."""
    out: list[Mention] = []
    w = _chain_words()
    for m in mentions:
        cuts = []
        if m.type == "LOC" and not m.structured and m.rule.split("+")[0] not in _UNCHAINED and m.end - m.start >= 4:
            cuts = _chain_cuts(ctx.simplified[m.start : m.end], ctx, w)
        elif m.type == "LOC" and m.rule == "places.facility":
            cuts = _facility_cut(m, ctx, w)
        elif m.type == "ORG" and m.extractor == "ner" and m.end - m.start >= 4:
            name = ctx.simplified[m.start : m.end]
            # (a listed place must end it: most organizations are turned away before the chain is read)
            ends_listed = any(_listed_place(name[k:], w) for k in range(2, len(name) - 1))
            cuts = _chain_cuts(name, ctx, w) if ends_listed else []
            bounds = [0, *cuts, len(name)]
            parts = [name[a:b] for a, b in pairwise(bounds)]
            # a level word in it (州, 县, 区): 中国台北, with none, is the name of a team
            levelled = any(p.endswith(tuple(w["suffixes"])) for p in parts)
            if cuts and levelled and all(_listed_place(p, w) for p in parts):
                m = replace(m, type="LOC")
            else:
                cuts = []
        if not cuts:
            out.append(m)
            continue
        bounds = [m.start, *(m.start + c for c in cuts), m.end]
        out.extend(replace(m, start=a, end=b) for a, b in pairwise(bounds))
    return out


_UNCHAINED = ("places.facility", "places.autonomous", "places.dateline")


def _facility_cut(m: Mention, ctx: Context, w: dict) -> list[int]:
    """北京王府井步行街 → 北京 + 王府井步行街 (jieba's 北京王府井/ns): a listed place begins the facility, and the name
    after it has its own word before the head (a word of jieba's where the cut falls inside one: 王府井); not 北京西站
    (a bare head after it) nor 杭州湾跨海大桥 (湾 is no word)."""
    name = ctx.simplified[m.start : m.end]
    head = next((h for h in w["facility_heads_by_length"] if name.endswith(h)), None)
    if head is None:
        return []
    for k in range(len(name) - len(head) - 2, 1, -1):
        if not _listed_place(name[:k], w):
            continue
        word = next((t for t in ctx.tokens if t.start < m.start + k < t.end), None)  # the cut inside a word
        if word is not None:
            after = ctx.simplified[m.start + k : word.end]
            if len(after) >= 2 and ctx.word_freq.get(after, 0) > 0:
                return [k]
        elif any(
            PlaceExtractor._names(t, ctx, w)
            for t in ctx.tokens
            if m.start + k <= t.start and t.end <= m.end - len(head)
        ):
            return [k]  # not 中国 + 丝绸文化产业创意园: only common words would be left
    return []


def _chain_cuts(name: str, ctx: Context, w: dict) -> list[int]:
    """Where ``name`` divides into places: the longest first place whose rest is a place (again divided). A listed
    name is whole; a place word of jieba's own divides only into listed places (辽宁大连; not 中华人民 + 共和国)."""
    if _listed_place(name, w):
        return []  # 粤港澳大湾区 is one listed name
    whole_word = _place_word(name, ctx)
    for k in range(len(name) - 2, 1, -1):
        first, rest = name[:k], name[k:]
        if first in w["not_places"] or first in w["chain_refused"] or first in w["directions"]:
            continue  # 北郊 + 色拉寺: a generic word is no place of its own
        listed = _listed_place(first, w)
        if whole_word and not (listed and _listed_place(rest, w)):
            continue
        if (listed or _level_ended(first, w) or _place_word(first, ctx)) and _rest_is_a_place(rest, ctx, w):
            return [k, *(k + c for c in _chain_cuts(rest, ctx, w))]
    return []


def _listed_place(name: str, w: dict) -> bool:
    """A gazetteer name, with its level word or 省 (葵青区, 广东省)."""
    return bool(w["gazetteer_re"].fullmatch(name) or (name.endswith("省") and w["gazetteer_re"].fullmatch(name[:-1])))


def _level_ended(name: str, w: dict) -> bool:
    """天荒坪镇, 安吉县: two characters or more and a level word (not 市区, 全县: a generic word)."""
    level = next((s for s in w["chain_levels"] if name.endswith(s)), None)
    return (
        level is not None
        and len(name) - len(level) >= 2
        and name not in w["not_places"]
        and name[-2:] not in w["not_places"]
    )


def _place_word(name: str, ctx: Context) -> bool:
    """A word of jieba's own dictionary that it tags as a place (台山, 南京路)."""
    if ctx.segment is None or ctx.word_freq.get(name, 0) in (0, LISTED_PLACE_FREQ):
        return False
    tokens = ctx.segment(name)
    return len(tokens) == 1 and tokens[0].pos == "ns"


def _rest_is_a_place(rest: str, ctx: Context, w: dict) -> bool:
    """A listed place (辽宁 + 大连), a name and its level (万州区, 余村, 海宴镇; not 亚州 of 宾夕法尼亚州: 州 only in a
    listed name), a street or an estate (南京路, 湖景邨), or a place word of jieba's of three characters or more
    (华强北; not 东路 of 南京东路, 大陆 of 中国大陆)."""
    if (
        len(rest) < 2
        or rest in w["not_places"]
        or rest in w["chain_refused"]
        or rest in w["suffixes"]
        or rest in w["facility_heads_all"]
        or "族" in rest
    ):
        return False
    if _listed_place(rest, w):
        return True
    if not _names(rest, ctx, w):
        return False  # 特区, 市区: a common word with a level in it
    level = next((s for s in w["chain_levels"] if rest.endswith(s) and len(rest) > len(s)), None)
    if level is not None:
        return _names(rest[: -len(level)], ctx, w)
    if len(rest) >= 3 and rest.endswith(tuple(w["chain_streets"])):
        return _names(rest[:-1], ctx, w)
    return len(rest) >= 3 and _place_word(rest, ctx)


def _names(stem: str, ctx: Context, w: dict) -> bool:
    """The stem before a level or a street word names something: each of its words of two characters or more a
    name word or a rare one (海宴/n); not a common one (高新/d, 示范/vn, 步行/v of 高新区, 示范区, 路步行街), and
    no level or street word or determiner first (路 + 步行街, 各 + 乡镇)."""
    if stem in w["not_places"] or stem[0] in w["chain_firsts"]:
        return False
    if len(stem) == 1 or ctx.segment is None:
        return True
    return all(
        len(t.text) == 1
        or ctx.word_freq.get(t.text, 0) in (0, LISTED_PLACE_FREQ)
        or t.pos in w["facility_name_pos"]
        or ctx.word_freq[t.text] < w["chain_rare_freq"]
        for t in ctx.segment(stem)
    )
