"""Public registers of names: news outlets (``outlets.json``), companies (``companies.json``) and sports clubs
(``teams.json``).

Index constituents, state-owned enterprises and the outlets of the Chinese-
language press are names the model trained on 1998 newspapers never saw, and
their short forms (台積電, 中油, 宁德时代) look like nothing in particular to it.
A listed name is an organization wherever it stands as a word: it starts and
ends on jieba word boundaries (so a short name is not found inside another
word; an outlet may end inside the word for its report, 据央视/新闻报道), and a name in Latin
letters is not glued to other letters. A name before 牌 is a brand (“仁宝”牌西服), none; one jieba
reads as a verb (奔驰/v) or that a given name follows (丰田 + 章一郎) needs the model's agreement. Listed
mentions rank with the gazetteers in fusion (``rule`` ends in ``.gazetteer``). A name written with
its stock code (第一创业(002797)) is a listed company too (``registers.code``), and one followed by a word for its
trade (长江和记 + 实业) is named with it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from pipeline import data
from pipeline.extract.base import Context, Mention, latin_word_edge, within
from pipeline.extract.edges import function_chars
from pipeline.segment import Token

REGISTERS = ("zh/outlets.json", "zh/companies.json", "zh/teams.json")
CONFIDENCE = 0.9
HINT = 0.6  # below ``Settings.min_rule_confidence``: kept only where the model reads the same name
_BRAND = re.compile(r"[”」’』]?牌")


@cache
def _pattern() -> re.Pattern[str]:
    names = {name for register in REGISTERS for name in data.table(register)["names"]}
    return re.compile(data.alternation(names))


@cache
def _outlet_report_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """The listed outlets, and what follows an outlet's name as its report (报道, 记者: ``outlets.json``)."""
    table = data.table("zh/outlets.json")
    return frozenset(table["names"]), tuple({*table["reporter_words"], *table["wire_words"], "报导", "消息"})


class RegisterExtractor:
    name = "registers"

    def find(self, ctx: Context) -> list[Mention]:
        text = ctx.folded
        bounds = ctx.token_starts | ctx.token_ends
        starts = [t.start for t in ctx.tokens]
        outlets, reports = _outlet_report_words()
        # 汽车奔驰/v 了: a listed name jieba reads as one verb or adjective; 丰田 + 章一郎/nr: one followed by a
        # given name begins a person's name. Both need the model's agreement, unless a title only a company has
        # follows (宏碁/v + 董事长: ``orgs.json`` ``company_titles``).
        verbs = {(t.start, t.end) for t in ctx.tokens if t.pos[:1] in ("v", "a", "d")}
        grammar_chars = function_chars()
        given_names = {t.start for t in ctx.tokens if t.pos.startswith("nr") and not t.pos.startswith("nrt")}
        found = []
        for m in _pattern().finditer(text):
            start, end = m.span()
            if m[0].isascii():
                ok = latin_word_edge(text, start) and latin_word_edge(text, end)
            else:  # 据央视/新闻报道: jieba joins an outlet's last word to the word for its report
                ok = start in bounds and (
                    end in bounds
                    or (m[0] in outlets and text.startswith(reports, end))
                    # 台积 + 电将/n 于: jieba glued a grammar character to the name's last one
                    or (end + 1 in ctx.token_ends and text[end] in grammar_chars and len(m[0]) >= 3)
                )
            if not ok or _BRAND.match(text, end):
                continue  # “仁宝”牌西服: a brand named after the company, no organization
            doubtful = (start, end) in verbs or end in given_names
            confidence = HINT if doubtful and not text.startswith(_company_titles(), end) else CONFIDENCE
            if confidence == CONFIDENCE and m[0] not in outlets:
                end = _with_trade(ctx.tokens, starts, end)
            found.append(Mention(start, end, "ORG", "rule", "registers.gazetteer", confidence))
        return found + _listed_by_code(ctx)


def _with_trade(tokens: list[Token], starts: list[int], end: int) -> int:
    """长江和记 + 实业, 腾讯 + 科技: where a listed company is followed by a word for its trade (``orgs.json``
    ``company_trades``) that jieba reads as a noun and no other noun follows (not 百度 + 网络 + 安全; a role noun may:
    旗下), the trade word is part of the name; else ``end``."""
    k = bisect_left(starts, end)
    if k >= len(tokens) or starts[k] != end or tokens[k].text not in _trades()[0] or tokens[k].pos not in ("n", "nz"):
        return end
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    noun_after = after is not None and (after.pos.startswith("n") or after.pos in ("vn", "an"))
    return end if noun_after and after.text not in _trades()[1] else tokens[k].end


@cache
def _trades() -> tuple[frozenset[str], frozenset[str]]:
    """Words for a company's trade (汽车, 科技, 实业) and the role nouns that may follow a company (旗下, 股东:
    ``orgs.json`` ``company_trades``, ``role_nouns``)."""
    table = data.table("zh/orgs.json")
    return frozenset(table["company_trades"]), frozenset(table["role_nouns"])


_CODE = re.compile(
    r"[（(][ ]?(?:[A-Z]{2,6}[:：] ?)?(?P<code>\d{3,6})(?P<exchange>\.(?:HK|SH|SZ|SS|BJ|TW|TWO|SG|KL))?[ ]?[）)]"
)
_CODE_NAME_POS = ("n", "nz", "nt", "nr", "ns", "j", "eng", "vn", "nw", "l", "m")  # 第一/m 创业
MAX_CODE_NAME = 8


def _listed_by_code(ctx: Context) -> list[Mention]:
    """第一创业(002797), 恒基地产(00012), 国联股份（603613.SH）: a name written with its stock code is a listed
    company, whatever register lists it (the code is the exchange's register). The name is the word right
    before the bracket and the name words before it, back to punctuation, a verb or a grammar character,
    at most eight characters; a four-digit number that could be a year (（2024）年) needs its exchange
    (2020.HK)."""
    text, tokens = ctx.folded, ctx.tokens
    ends = {t.end: i for i, t in enumerate(tokens)}
    grammar_chars = function_chars()
    found = []
    for m in _CODE.finditer(text):
        code = m["code"]
        if len(code) == 4 and code[:2] in ("19", "20") and not m["exchange"]:
            continue
        k = ends.get(m.start())
        if k is None:
            continue
        j = k + 1
        while j > 0 and m.start() - tokens[j - 1].start <= MAX_CODE_NAME:
            t = tokens[j - 1]
            if len(t.text) == 1:
                if not ("\u4e00" <= t.text <= "\u9fff") or t.text in grammar_chars:
                    break
            elif j <= k and not t.pos.startswith(_CODE_NAME_POS):
                break  # the word right before the code is the name whatever jieba tags it (知乎/v)
            j -= 1
        name = text[tokens[j].start : m.start()] if j <= k else ""
        if len(name) < 2 or name in _generic_heads() or not within(ctx.spans, tokens[j].start, m.start()):
            continue  # 该公司(600000): a head word alone refers back
        # structured: the code says what the name is, over the model's reading (阿里 as a person, 东亚 a place)
        found.append(Mention(tokens[j].start, m.start(), "ORG", "rule", "registers.code", CONFIDENCE, structured=True))
    return found


@cache
def _company_titles() -> tuple[str, ...]:
    """Titles only a company has (董事长, 总经理: ``orgs.json`` ``company_titles``)."""
    return tuple(data.table("zh/orgs.json")["company_titles"])


@cache
def _generic_heads() -> frozenset[str]:
    """Head words alone (公司, 集团: ``orgs.json`` ``head_words``), which name no company of their own."""
    return frozenset(data.table("zh/orgs.json")["head_words"])
