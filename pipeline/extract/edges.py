"""No punctuation at the edge of a name, and none inside it unless it belongs there.

The model and the suffix grammar sometimes run a name into the sentence's
punctuation (台北榮總。, 福鼎龙安医院(民营医院, a person ending in ”). For ORG,
PERSON and LOC mentions: punctuation and spaces at either edge are cut off;
inside, a balanced pair of brackets or quotes (中科恆源(Zkenergy)科技有限公司,
“2·25”救援指挥部) and the joiners of foreign names (·, -, &, ') stay, and any
other punctuation ends the name there (the longer side of a two-character
minimum is kept). Amounts and dates are left as their grammars made them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from pipeline.extract.base import Mention

NAMED = ("ORG", "PERSON", "LOC")
JOINERS = frozenset("·・•‧-－&'’.")
PAIRS = {"(": ")", "（": "）", "“": "”", "「": "」", "『": "』", "《": "》", "[": "]", "【": "】", '"': '"'}
MIN_CHARS = {"ORG": 2, "LOC": 1, "PERSON": 1}


def _punct(c: str) -> bool:
    return c.isspace() or unicodedata.category(c).startswith("P")


def _cut(text: str) -> tuple[int, int]:
    """The part of ``text`` to keep, as offsets into it."""
    start, end = 0, len(text)
    while end - start >= 2 and PAIRS.get(text[start]) == text[end - 1]:  # (中央社): the pair encloses it all
        start, end = start + 1, end - 1
    while start < end and ((_punct(text[start]) and text[start] not in PAIRS) or text[start].isspace()):
        start += 1
    while start < end and _punct(text[end - 1]) and not _closes_a_pair(text[start:end]):
        end -= 1
    pieces, piece_start, i = [], start, start
    while i < end:
        c = text[i]
        if c in PAIRS:
            close = text.find(PAIRS[c], i + 1, end)
            if close > 0:
                i = close + 1
                continue
        if _punct(c) and c not in JOINERS:
            pieces.append((piece_start, i))
            piece_start = i + 1
        i += 1
    pieces.append((piece_start, end))
    return max(pieces, key=lambda p: (p[1] - p[0], -p[0]))


def _closes_a_pair(text: str) -> bool:
    last = text[-1]
    return any(close == last and opening in text[:-1] for opening, close in PAIRS.items())


def trim_punctuation(mentions: list[Mention], text: str) -> list[Mention]:
    kept = []
    for m in mentions:
        if m.type not in NAMED:
            kept.append(m)
            continue
        a, b = _cut(text[m.start : m.end])
        if b - a < MIN_CHARS[m.type]:
            continue
        kept.append(m if (a, b) == (0, m.end - m.start) else replace(m, start=m.start + a, end=m.start + b))
    return kept
