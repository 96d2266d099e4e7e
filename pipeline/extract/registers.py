"""Public registers of names: news outlets (``outlets.json``) and companies (``companies.json``).

Index constituents, state-owned enterprises and the outlets of the Chinese-
language press are names the model trained on 1998 newspapers never saw, and
their short forms (台積電, 中油, 宁德时代) look like nothing in particular to it.
A listed name is an organization wherever it stands as a word: it starts and
ends on jieba word boundaries (so a short name is not found inside another
word), and a name in Latin letters is not glued to other letters. Listed
mentions rank with the gazetteers in fusion (``rule`` ends in ``.gazetteer``).
"""

from __future__ import annotations

import re
from functools import cache

from pipeline import data
from pipeline.extract.base import Context, Mention

REGISTERS = ("zh/outlets.json", "zh/companies.json")
CONFIDENCE = 0.9


@cache
def _pattern() -> re.Pattern[str]:
    names = {name for register in REGISTERS for name in data.table(register)["names"]}
    return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))


def _latin_word_edge(text: str, i: int) -> bool:
    """No Latin letter or digit on both sides of offset ``i`` (TVBS, and TVBS新聞, but not TVBSX)."""

    def letter(c: str) -> bool:
        return c.isascii() and c.isalnum()

    return i <= 0 or i >= len(text) or not (letter(text[i - 1]) and letter(text[i]))


class RegisterExtractor:
    name = "registers"

    def find(self, ctx: Context) -> list[Mention]:
        text = ctx.folded
        bounds = {t.start for t in ctx.tokens} | {t.end for t in ctx.tokens}
        found = []
        for m in _pattern().finditer(text):
            start, end = m.span()
            if m[0].isascii():
                ok = _latin_word_edge(text, start) and _latin_word_edge(text, end)
            else:
                ok = start in bounds and end in bounds
            if ok:
                found.append(Mention(start, end, "ORG", "rule", "registers.gazetteer", CONFIDENCE))
        return found
