"""PERSON by rule: credited names (bylines, editor lines), titled names, quoted speakers.

A name is a surname from the surname table plus one or two given-name
characters that are not function words, a Japanese family name plus one to three
(``japanese_surnames.txt``: 安倍晋三, 小泉进次郎), or a word jieba tags as a transliterated
name (拜登/nrt). The rules only fire where the
context says "a person stands here": after a title (局长X) and before a speech or
attending verb, or any verb of two characters, an adverb or a preposition (院士X提醒); before a
title or an address (X总统, X先生); before a speech or attending verb (a word of its own) after a
sentence break (。X表示, 。X出席); in a list beside another person (X、Y); before （化名） or after
名叫; or in a credit line.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import replace
from functools import cache, cached_property

from pipeline import data
from pipeline.data import alternation
from pipeline.extract.base import Context, Mention, within
from pipeline.segment import Token

_HAN = "\u3400-\u9fff"
HINT = 0.6
"""A rule's name that needs the model's agreement (below ``Settings.min_rule_confidence``)."""
_LATIN_PHOTOGRAPHER = re.compile(r"(?<![A-Za-z])(?P<name>[A-Z][a-z]+ [A-Z][a-z]+)[ \t]?摄影?(?=[）)\s]|$)")
"""A photographer's Latin name in a photo credit (路透社 Brian Snyder摄影): two capitalised words."""
_PSEUDONYM = re.compile(rf"(?P<name>[{_HAN}]{{2,3}})[（(](?:化名|假名)[）)]")
"""A name the report gives in place of the real one, marked as such (小雅（化名）, 阿明（假名）)."""
_NAMED = re.compile(r"(?:名叫|名为|叫做|取名为?|起名为?|化名为?)(?=[\u3400-\u9fff])")
"""What a report writes right before a person's name to give it (一个名叫X的村民, 化名为X)."""
_AFTER_NAMED = frozenset("的，。、；")
_HAN_CHAR = re.compile(rf"[{_HAN}]")
WEAK_HINT = 0.5
"""A rule's name that needs the model's agreement also without the model (below 0.55)."""
LONGEST_NAME_WORD = 8
COMMON_FREQ = 100  # jieba's count above which a word is a common one (闻讯 1,000+; rare given names far below)


@cache
def _address_endings() -> tuple[str, ...]:
    """The titles, role and kin words a form of address ends in (王局长, 李董事), one tuple for str.endswith."""
    w = data.table("zh/people.json")
    return (*w["titles"], *w["person_roles"], *w["kin_roles"])


def _begins_a_longer_word(text: str, start: int, end: int, freq: Mapping[str, int]) -> bool:
    """Whether ``text[start:end]`` begins a longer word of jieba's dictionary (普遍 of 普遍认为).

    (Names that are dictionary words stay names: jieba tags 安南, 巴拉克 and 索尼亚 ns, 白皮书 nr.)"""
    return any(freq.get(text[start:j]) for j in range(end + 1, min(len(text), start + LONGEST_NAME_WORD) + 1))


@cache
def _company_trades() -> frozenset[str]:
    """The trade words of a company's name (汽车, 电器: ``orgs.json`` ``company_trades``)."""
    return frozenset(data.table("zh/orgs.json")["company_trades"])


def japanese_given_end(text: str, given: int, stop: int, ends: Mapping[int, Token]) -> int | None:
    """Where a Japanese given name of one to three characters beginning at ``given`` ends: the longest that
    ends where a jieba word (of ``ends``, by end) does, unless that word is a verb, a time word, a numeral, a
    direction or a pronoun (岩屋毅 + 出席, 石破茂 + 今天) or a title (中岛宏 + 博士), nor holds a function word
    (安倍晋三 + 的); none where no such name stands."""
    w = data.table("zh/people.json")
    titles = frozenset(w["titles"])
    for n in (3, 2, 1):
        end = given + n
        word = ends.get(end)
        if end > stop or word is None or not re.fullmatch(rf"[{_HAN}]+", text[given:end]):
            continue
        if word.start >= given and word.end - word.start >= 2 and word.pos[:1] in "vpcudtfmr":
            continue  # 岩屋毅 + 出席, 石破茂 + 今天: the verb or time word after the name is none of it
        if word.start > given and word.text in titles:
            continue  # 中岛宏 + 博士: nor is a title after it
        if any(ch in w["name_stop_chars"] for ch in text[given:end]) or text[given:end] in _company_trades():
            continue  # 安倍晋三 + 的: a shorter given name may still end at a word; 丰田 + 汽车: a trade
        return end
    return None


class PersonExtractor:
    name = "people"

    @staticmethod
    def _head_glued_to_surname(m: re.Match[str], text: str, ctx: Context, by_start: Mapping[int, Token]) -> bool:
        """检察长 + 江海涛 of jieba's 检察/长江/海涛: a title's last 长 that jieba joined to the surname after it
        (长江, 长春) into a word, where a word begins at 长 and the given name after that word is no common word,
        verb or place word (not 赛区长 + 沙赛区 of 长沙/赛区, 处长 + 丰村 of 长丰/村); or another last character
        that jieba read with the surname as a name (首席财务官 + 孟X of 官孟/nr): the name begins at the surname."""
        at = m.start("name")
        glued = by_start.get(at - 1)
        if glued is None or text[at] not in data.surnames()[0]:
            return False
        if text[at - 1] != "长":
            return glued.pos == "nr"  # 首席财务官 + 孟X of jieba's 官孟/nr, 官孟春/nr: read as a name
        if glued.end != at + 1:
            return False
        given = by_start.get(at + 1)
        return (
            given is not None
            and ctx.word_freq.get(given.text, 0) < COMMON_FREQ  # 明德 (rare), not 赛区
            and given.pos[:1] != "v"
            and given.pos not in ("q", "m", "f", "x", "zg")
            and given.text not in data.table("zh/places.json")["suffixes"]
        )

    @cached_property
    def _grammar(
        self,
    ) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], dict]:
        w = data.table("zh/people.json")
        verbs = alternation(w["speech_verbs"])
        adverbs = alternation(w["speech_adverbs"])  # 马云 + 曾 + 表示: an adverb before the verb is none of the name
        # 李强5日主持: a time, a verb of attending, punctuation or a digit also ends it
        after = rf"(?=(?:{adverbs})?(?:{verbs})|{alternation(w['after_name'])}|[，。、；：:,;（(“”\s0-9０-９]|$)"
        # two to five characters: a Chinese name has at most four, a Japanese one five (小泉进次郎)
        before = alternation([*w["titles"], *w["person_roles"], *w["kin_roles"]])
        titled = re.compile(rf"(?P<title>{before})[ \u3000]?(?P<name>[{_HAN}]{{2,5}}?){after}")
        # 。X表示, 。X出席: a clause's subject before a speech or attending verb
        attending = alternation([*w["speech_verbs"], *w["attending_verbs"]])
        adverb = alternation(w["speech_adverbs"])  # 。X曾透露: an adverb or a time word may stand before the verb
        speaker = re.compile(rf"(?:^|(?<=[。！？；\n”」]))(?P<name>[{_HAN}]{{2,5}}?)(?=(?:{adverb})?(?:{attending}))")
        name = rf"[{_HAN}]{{2,3}}?(?=报道|摄|[、和及\s，。,）)／/]|$)"  # 记者X／台北报导
        reporters = re.compile(rf"(?:记者|通讯员)[ \t\u3000]?(?P<names>{name}(?:[、和及\s]{name})*)")  # 记者 王强
        photographers = re.compile(rf"(?P<names>[{_HAN}]{{2,4}}(?:[、和及\s][{_HAN}]{{2,4}})*)\s*摄(?=[）)\s]|$)")
        # 中央社记者苏龙麒台北电, 记者黄雅诗华盛顿24日专电: a reporter's name, then the dateline's place
        datelined = re.compile(rf"(?:记者|通讯员)[ \t\u3000]?(?P<rest>[{_HAN}]{{4,8}}?)(?:[0-9]{{1,2}}日)?专?电")
        return titled, speaker, reporters, photographers, datelined, w

    def find(self, ctx: Context) -> list[Mention]:
        titled, speaker, reporters, photographers, datelined, w = self._grammar
        text = ctx.folded
        mentions = [
            Mention(s, e, "PERSON", "rule", f"people.{role}", 0.97, structured=True) for s, e, role in ctx.credited
        ]
        word_starts = ctx.token_starts
        people = {(t.start, t.end) for t in ctx.tokens if t.pos.startswith("nr")}  # jieba's names
        foreign = {(t.start, t.end) for t in ctx.tokens if t.pos == "nrt"}  # jieba's transliterated names (拜登)
        named_words = {(t.start, t.end) for t in ctx.tokens if t.pos.startswith("nr")}
        time_words = {t.end: t for t in ctx.tokens if t.pos in ("f", "t") and t.end - t.start >= 2}

        def given_time_word(s: int, e: int) -> bool:
            """A given name that is a time or locality word (主席国/期间/f) is none."""
            t = time_words.get(e)
            return t is not None and t.start > s

        def common_word(s: int, e: int) -> bool:
            """A frequent word of jieba's that is no name (闻讯/nz of 警员闻讯抵达): what follows a title there is
            the clause, not a person (the weaker reading of a title and any verb)."""
            t = by_start.get(s)
            return (
                t is not None
                and t.end == e
                and not t.pos.startswith("nr")
                and ctx.word_freq.get(t.text, 0) >= COMMON_FREQ
            )

        finals, verbs_after = frozenset(w["given_final_chars"]), tuple(w["attending_verbs"] + w["speech_verbs"])
        kin, speech = frozenset(w["kin_roles"]), tuple(w["speech_verbs"])
        adverbs = sorted(w["speech_adverbs"], key=len, reverse=True)
        speech_chars = frozenset(v for v in w["speech_verbs"] if len(v) == 1)

        def name_span(m: re.Match[str]) -> tuple[tuple[int, int], bool] | None:
            """The name's span and whether it ends in a given-name final before a verb (黄家 + 和 + 指出 and
            王伟中 + 出席 give 黄家和 and 王伟中: a conjunction or a locality word cannot stand between a person
            and the verb, so the character is the name's); none where the match holds no name."""
            s, e = m.span("name")
            if text[e : e + 1] in finals and text.startswith(verbs_after, e + 1):
                if self._is_name(text[s : e + 1], w, final=True):
                    return (s, e + 1), True
            if text[e - 1] in finals and text.startswith(verbs_after, e) and self._is_name(text[s:e], w, final=True):
                return (s, e), True
            return ((s, e), False) if self._is_name(m["name"], w) or (s, e) in foreign else None

        by_start = {t.start: t for t in ctx.tokens}
        bodies = {(t.start, t.end) for t in ctx.tokens if t.pos == "nt"}  # 安理会/nt 表示: a body speaks

        def trimmed(s: int, e: int, final: bool) -> int:
            """Where the name ends: before a one-character adverb, preposition or conjunction after two
            characters (罗干 + 将 + 在), unless it is the given-name final before the verb (黄家和 + 指出)."""
            for at in range(s + 2, e - 1 if final else e):
                t = by_start.get(at)
                if t is not None and t.end - t.start == 1 and t.pos[:1] in "dpc":
                    return at
            return e

        def runs_on(s: int, e: int) -> bool:
            """A verb begins inside the name, after two characters, and runs on past it: 吕厄 + 宣称, but also
            高志明 read as 高志 + 明说; the model decides. Not where that verb is the name's last character and a
            one-character speech verb before a comma or colon (高嘉明 + 说，: a speaker, not 明说 'say openly')."""
            for at in range(s + 2, e):
                t = by_start.get(at)
                if t is not None and t.end > e and t.pos[:1] == "v":
                    quoted = t.start == e - 1 and t.end == e + 1 and text[e] in speech_chars
                    return not (quoted and text[e + 1 : e + 2] in ("，", ",", "：", ":"))
            return False

        def rule_name(span: tuple[int, int], final: bool, rule: str, confidence: float) -> Mention | None:
            """A structured name, or a hint the model must confirm where the name begins a longer word
            (普遍 of 普遍认为/l) or a verb runs on from inside it; none where it is an organization's word or
            no name once trimmed."""
            s, e = span[0], trimmed(*span, final)
            if ((s, e) != span and not self._is_name(text[s:e], w)) or (s, e) in bodies:
                return None
            if span in foreign:
                return Mention(s, e, "PERSON", "rule", rule, confidence, structured=True)
            if _begins_a_longer_word(text, s, e, ctx.word_freq) or runs_on(s, e):
                return Mention(s, e, "PERSON", "rule", rule, HINT, structured=False)
            return Mention(s, e, "PERSON", "rule", rule, confidence, structured=True)

        mentions += self._japanese_titled(ctx)
        for start, end in ctx.spans:
            for m in titled.finditer(text, start, end):
                if m["title"] in kin and not (m.start() in word_starts and m.end("title") in word_starts):
                    continue  # 妇女/儿童: a kin word only as a word of its own
                if m.start("name") not in word_starts and not self._head_glued_to_surname(m, text, ctx, by_start):
                    continue  # 老师傅/n + 已经: the title ends inside a word, no name begins there
                if (found := name_span(m)) and not given_time_word(*found[0]):
                    if mention := rule_name(*found, "people.titled", 0.9):
                        mentions.append(mention)
            titled_at = {x.start for x in mentions if x.rule == "people.titled"}
            for m in self._title_end_re.finditer(text, start, end):
                # 院士钟南山 + 提醒/v, 主席曾钰成 + 终/d, 记者X + 从/p: a name after a title before any verb of two
                # characters, an adverb, preposition or conjunction; not structured
                if m.end() in titled_at or m.end() not in word_starts:
                    continue
                if m[0] in kin and m.start() not in word_starts:
                    continue
                for n in (2, 3):
                    verb = by_start.get(m.end() + n)
                    if (
                        verb is None
                        or verb.end > end
                        or not (verb.pos[:1] in "dpc" or (verb.pos[:1] == "v" and verb.end - verb.start >= 2))
                    ):
                        continue
                    if (
                        self._is_name(text[m.end() : m.end() + n], w)
                        and not given_time_word(m.end(), m.end() + n)
                        and not common_word(m.end(), m.end() + n)
                    ):
                        if mention := rule_name((m.end(), m.end() + n), False, "people.titled", 0.8):
                            mentions.append(replace(mention, structured=False, confidence=min(mention.confidence, 0.8)))
                        break
            for m in speaker.finditer(text, start, end):
                # the speech verb begins a word: not 荣誉 + 称 of 荣誉称号; an attending verb is one (not 发言人/l)
                if (found := name_span(m)) and found[0][1] in word_starts and not given_time_word(*found[0]):
                    at = found[0][1]
                    lead = next((a for a in adverbs if text.startswith(a, at) and (at + len(a)) in word_starts), "")
                    verb = by_start.get(at + len(lead))  # 许家印 + 曾 + 透露: the verb after the adverb
                    if verb is None or (not text.startswith(speech, verb.start) and not verb.pos.startswith("v")):
                        continue
                    if mention := rule_name(*found, "people.speaker", 0.85):
                        mentions.append(mention)
            for pattern, role in ((reporters, "reporter"), (photographers, "photographer")):
                for m in pattern.finditer(text, start, end):
                    for name in re.finditer(rf"[{_HAN}]+", m["names"]):
                        if self._is_name(name.group(), w):
                            s = m.start("names") + name.start()
                            rule = f"people.{role}"
                            mentions.append(
                                Mention(s, s + len(name.group()), "PERSON", "rule", rule, 0.9, structured=True)
                            )
            for m in _NAMED.finditer(text, start, end):  # 一个名叫左金文的村民: the text says a name follows
                for e in (m.end() + 3, m.end() + 2):
                    common = ctx.word_freq.get(text[m.end() : e]) and (m.end(), e) not in named_words  # 名叫黄河的公司
                    if e <= end and e in word_starts and not common and self._is_name(text[m.end() : e], w):
                        if e == len(text) or text[e] in _AFTER_NAMED or not _HAN_CHAR.match(text[e]):
                            mentions.append(Mention(m.end(), e, "PERSON", "rule", "people.named", 0.9, structured=True))
                            break
            for m in _PSEUDONYM.finditer(text, start, end):  # 小雅（化名）: the text says a name stands there
                first = (m.start("name"), m.start("name") + 1)  # 的 + 小琪: no function character begins it
                s = next((s for s in first if s in word_starts and text[s] not in w["name_stop_chars"]), None)
                address = text[s + 1 : m.end("name")] in w["kin_words"] if s is not None else False  # 陈女士
                if s is not None and m.end("name") - s >= 2 and not address:
                    mentions.append(
                        Mention(s, m.end("name"), "PERSON", "rule", "people.pseudonym", 0.9, structured=True)
                    )
            for m in _LATIN_PHOTOGRAPHER.finditer(text, start, end):  # © REUTERS - Brian Snyder摄影
                rule = "people.photographer"
                mentions.append(Mention(*m.span("name"), "PERSON", "rule", rule, 0.9, structured=True))
            mentions += self._withheld(ctx, start, end, w)
            mentions += self._datelined_reporters(ctx, datelined, start, end, w, by_start)
            mentions += self._title_after(ctx, start, end, w, foreign, word_starts, people)
            mentions += self._compound_surnamed(ctx, start, end, w)
        return mentions + self._double_surnamed(ctx)

    def _withheld(self, ctx: Context, start: int, end: int, w: dict) -> list[Mention]:
        """高某/nr, 王/nr + 某某/r: a surname and 某 that jieba reads as a name stand for a real person whose
        name the report withholds (the real-news guidelines), wherever the sentence puts them."""
        found, tokens = [], ctx.tokens
        for i in range(bisect_left(tokens, start, key=lambda t: t.start), len(tokens)):
            t = tokens[i]
            if t.end > end:
                break
            if (
                t.text in ("某", "某某")
                and i
                and t.start > start
                and self._surname_before(ctx, i - 1, w)
                and not (i + 1 < len(tokens) and tokens[i + 1].pos.startswith(("n", "q", "m")))
            ):  # not 某 + 地区, 某 + 号, 某某 + 公司: 某 there is "a certain"
                found.append(Mention(t.start - 1, t.end, "PERSON", "rule", "people.withheld", 0.9, structured=True))
                continue
            if not t.pos.startswith("nr"):
                continue
            e = t.end
            if not t.text.endswith("某"):
                after = tokens[i + 1] if i + 1 < len(tokens) else None
                if after is None or after.start != e or after.text not in ("某", "某某") or after.end > end:
                    continue
                e = after.end
            name = ctx.folded[t.start : e]
            if name.rstrip("某") and self._is_name(name, w):
                found.append(Mention(t.start, e, "PERSON", "rule", "people.withheld", 0.9, structured=True))
        return found

    @staticmethod
    def _surname_before(ctx: Context, i: int, w: dict) -> bool:
        """文/n, 郑/ns, 驾驶人田/n before 某某/r: a surname that jieba read as a noun, or as the end of a word it
        glued or cut wrong (人田: no word; 行 + 人文: 行人), before the 某 of a withheld name; not a function word
        (由/p, 于), nor the end of a place, a verb or a whole noun (美国某, 说明某, 公司某某)."""
        before = ctx.tokens[i]
        ch = before.text[-1]
        if ch not in data.surnames()[0] or ch in w["name_stop_chars"] or before.pos.startswith("nr"):
            return False  # (a surname tagged nr: the case above)
        if len(before.text) == 1:
            return before.pos.startswith("n")
        if before.pos != "n":
            return False  # not 美国/ns, 南京路/ns, 说明/v
        if not ctx.word_freq.get(before.text):
            return True  # 人田: no word, glued by the HMM
        head = (ctx.tokens[i - 1].text if i else "") + before.text[:-1]
        return any(ctx.word_freq.get(head[k:]) for k in range(len(head) - 1))  # 行 + 人: 行人

    @cached_property
    def _title_end_re(self) -> re.Pattern[str]:
        """A title or a person's role, and a Han character after it."""
        w = data.table("zh/people.json")
        return re.compile(rf"(?:{alternation([*w['titles'], *w['person_roles'], *w['kin_roles']])})(?=[{_HAN}])")

    @cached_property
    def _title_after_re(self) -> re.Pattern[str]:
        """A name of two to six characters after a clause's edge, a conjunction or a preposition, and a title
        or an address written after it (王毅外长, 同布林肯国务卿, 仝小林院士)."""
        w = data.table("zh/people.json")
        follows = alternation([*w["titles"], *w["person_roles"], *w["address_after_name"]])
        edge = "".join(w["before_a_name_and_title"])
        return re.compile(rf"(?<![^\s，。、；：:,;“”「」（({edge}])(?=(?P<name>[{_HAN}]{{2,6}}?)(?:{follows}))")

    def _title_after(
        self,
        ctx: Context,
        start: int,
        end: int,
        w: dict,
        foreign: set[tuple[int, int]],
        starts: set[int],
        people: set[tuple[int, int]],
    ) -> list[Mention]:
        """A name with its title or address after it (普京总统, 吴京导演的, 高圆圆夫妇, 李明先生: the real-news
        guidelines keep the title outside): a surname and a given name or a word jieba tags as a
        transliterated name, on word edges, that is no dictionary word but a name (党委 + 书记, 高级 + 工程师,
        时任 + 主席: none). Not structured: the model's edges win where it reads a name there."""
        text = ctx.folded
        token_starts = [t.start for t in ctx.tokens]
        edge = frozenset(w["before_a_name_and_title"])
        mentions = []
        for m in self._title_after_re.finditer(text, start, end):
            s, e = m.span("name")
            if (s not in starts and text[s - 1] not in edge) or e not in starts:
                continue  # 同布/v 林肯: jieba may join the preposition to the name
            inside = ctx.tokens[bisect_left(token_starts, s) : bisect_left(token_starts, e)]
            if "姓" in text[s:e] or any(t.pos[:1] in "vdpcu" for t in inside):
                continue  # 李姓 + 司机: a surname named as one; 曾/d 任/v + 总理: a clause, no name
            # a given-name final is the name's where jieba reads the name whole (刘国中/nr + 副总理)
            if (s, e) in foreign or (e - s <= 3 and self._is_name(text[s:e], w, final=(s, e) in people)):
                if not ctx.word_freq.get(text[s:e]):
                    mentions.append(Mention(s, e, "PERSON", "rule", "people.title_after", 0.8))
                elif (s, e) in people:  # 李克强/nr, but also 白宫/nr + 发言人: only where the model reads it
                    mentions.append(Mention(s, e, "PERSON", "rule", "people.title_after", WEAK_HINT))
        return mentions

    @cached_property
    def _compound_grammar(self) -> tuple[re.Pattern[str], tuple[str, ...], frozenset[str]]:
        """The compound surnames that are no common word (``compound_surname_words``), what may follow a
        name, and the place levels and heads a given name does not end in (村, 路, 站)."""
        w, places = data.table("zh/people.json"), data.table("zh/places.json")
        surnames = sorted(set(data.surnames()[1]) - set(w["compound_surname_words"]))
        followers = (
            *w["speech_verbs"],
            *w["after_name"],
            *w["titles"],
            *w["kin_words"],
            *w["compound_name_followers"],
        )
        levels = [x for x in (*places["stem_levels"], *places["facility_heads"], *places["route_heads"]) if len(x) == 1]
        return re.compile(rf"(?<![{_HAN}])(?:{alternation(surnames)})"), followers, frozenset([*levels, "路", "街"])

    def _compound_surnamed(self, ctx: Context, start: int, end: int, w: dict) -> list[Mention]:
        """A compound surname and a given name of one or two characters (端木蕻良是, 令狐安曾任, 欧阳自远院士):
        these surnames are rare as words, so the name needs no title; the given name is the longest that a
        particle, an adverb, a title, a speech verb or punctuation follows, with no function word in it
        and not ending in a place's level (欧阳村). Not structured: where the model reads a name there, its
        edges win; the rule stands where the model, which met few such names, reads none."""
        pattern, followers, levels = self._compound_grammar
        text = ctx.folded
        mentions = []
        for m in pattern.finditer(text, start, end):
            for n in (2, 1):
                e = m.end() + n
                given = text[m.end() : e]
                if e > end or not re.fullmatch(rf"[{_HAN}]+", given) or given[-1] in levels:
                    continue
                if any(ch in w["name_stop_chars"] for ch in given) or given in w["kin_words"]:
                    continue
                if e == end or not re.match(rf"[{_HAN}]", text[e]) or text.startswith(followers, e):
                    mentions.append(Mention(m.start(), e, "PERSON", "rule", "people.compound_surname", 0.8))
                    break
        return mentions

    @staticmethod
    def _double_surnamed(ctx: Context) -> list[Mention]:
        """A married woman's name of Hong Kong and Macau, her husband's surname before her own and a given name of
        two characters (林郑月娥, 范徐丽泰): jieba's name word of two single surnames (林郑/nr) and a word it does not
        know after it (月娥) are one name, which the model cuts after the surnames; structured, so that its edges
        win over the model's. In Hong Kong and Macau text only, where the custom is (elsewhere two surnames and an
        unknown word are more often a name and a word after it: 李成 + 龙向)."""
        if ctx.region not in ("hk", "mo"):
            return []
        single, compound = data.surnames()
        tokens = ctx.tokens
        mentions = []
        for t, given in itertools.pairwise(tokens):  # one walk over the words, not one per span
            if not (given.start == t.end and within(ctx.spans, t.start, given.end)):
                continue
            if not (t.pos.startswith("nr") and len(t.text) == 2 and t.text not in compound):
                continue
            if not (t.text[0] in single and t.text[1] in single):
                continue
            if len(given.text) == 2 and re.fullmatch(rf"[{_HAN}]+", given.text) and not ctx.word_freq.get(given.text):
                name = Mention(t.start, given.end, "PERSON", "rule", "people.double_surname", 0.9, structured=True)
                mentions.append(name)
        return mentions

    def _datelined_reporters(
        self, ctx: Context, pattern: re.Pattern[str], start: int, end: int, w: dict, by_start: dict[int, Token]
    ) -> list[Mention]:
        """A reporter's name run into the dateline's place (中央社记者苏龙麒台北电, 记者林志明高雄25日电): the name
        is the two or three characters after which the rest up to the day and 电 is one word of jieba's (台北,
        华盛顿), the place; the credit says a person stands there, as 记者 + 报道 does, and the place is the
        dateline's, a place jieba knows as one (台北/ns) whatever the name's last character makes the gazetteer
        think of it (杨淑/n 闵/nr + 台北: a surname before a listed place). ``by_start``: the document's words by
        where they start."""
        mentions = []
        for m in pattern.finditer(ctx.folded, start, end):
            s, stop = m.span("rest")
            for n in (3, 2):
                place = by_start.get(s + n)
                if place is not None and place.end == stop and stop - place.start >= 2:
                    if self._is_name(ctx.folded[s : s + n], w):
                        mentions.append(Mention(s, s + n, "PERSON", "rule", "people.reporter", 0.9, structured=True))
                        if place.pos == "ns":
                            mentions.append(
                                Mention(place.start, stop, "LOC", "rule", "people.dateline_place", 0.9, structured=True)
                            )
                    break
        return mentions

    @cached_property
    def _japanese_re(self) -> re.Pattern[str]:
        """A title, then a Japanese family name (首相安倍, 外相上川, 知事小池)."""
        w = data.table("zh/people.json")
        return re.compile(rf"(?:{alternation(w['titles'])})(?P<family>{alternation(data.japanese_surnames())})")

    def _japanese_titled(self, ctx: Context) -> list[Mention]:
        """A Japanese name after a title: the family name and the longest given name of one to three
        characters that ends where a word does, unless that word is a verb or a title (首相安倍晋三访华,
        外相上川阳子会见, 防卫大臣岩屋毅出席: 岩屋毅, not 岩屋毅出席; 总干事中岛宏博士: 中岛宏), nor holds a
        function word (首相安倍晋三的: 安倍晋三). The name is structured: the title and the listed family
        name say where it begins, where the model, which saw few Japanese names, reads 岸田文雄 as 岸 + 田文雄."""
        text = ctx.folded
        ends = {t.end: t for t in ctx.tokens}
        mentions = []
        for start, stop in ctx.spans:
            for m in self._japanese_re.finditer(text, start, stop):
                if (end := japanese_given_end(text, m.end("family"), stop, ends)) is not None:
                    rule = "people.titled_japanese"
                    mentions.append(Mention(m.start("family"), end, "PERSON", "rule", rule, 0.9, structured=True))
        return mentions

    @staticmethod
    def _is_name(name: str, w: dict, final: bool = False) -> bool:
        """Whether ``name`` is a surname and a given name of one or two characters (or a Japanese name) that
        is no form of address and holds no function word, but for a given-name initial (周其凤:
        ``given_initial_chars``); ``final``: its last character may be a given-name final (王伟中 before 出席)."""
        if name.endswith(_address_endings()) or name.endswith("长"):
            return False  # 王局长, 李董事: a form of address, not a name
        single, compound = data.surnames()
        japanese = data.japanese_surnames()
        family = next((name[:n] for n in (3, 2) if name[:n] in japanese), None)
        if family is not None and 1 <= len(name) - len(family) <= 3:  # 安倍晋三, 小泉进次郎, 岩屋毅
            given = name[len(family) :]
            # 丰田 + 汽车, 铃木 + 电子: a company named after its founder's family, and its trade
            return not any(ch in w["name_stop_chars"] for ch in given) and given not in _company_trades()
        if name[:2] in compound:
            given = name[2:]
        elif name[0] in single:
            given = name[1:]
        else:
            return False
        if len(given) == 1 and given in w["title_characters"]:
            return False  # 李董, 蘇揆, 黃太 likewise
        if given in w["kin_words"]:
            return False  # 赵先生, 刘女士: a surname with an address word is no name (the real-news guidelines)
        if given in ("某", "某某"):
            return True  # 王某, 张某某: a real person whose name the report withholds (the real-news guidelines)
        if final and len(given) == 2 and given[-1] in w["given_final_chars"]:
            given = given[:-1]
        elif len(given) == 2 and given[0] in w["given_initial_chars"]:
            given = given[1:]  # 周其凤: 其 begins the given name, where it stands for no pronoun
        return 1 <= len(given) <= 2 and not any(ch in w["name_stop_chars"] for ch in given)
