r"""Invisible characters and spaces inside numbers: analyse the text without them, report offsets with them.

A zero-width space, joiner, soft hyphen, byte-order mark or stray control
character inside a name (张\u200b三丰, 国务院\u200d办公厅, 1\u200b000万元) is
not part of what a reader sees, but jieba, the rules and the model all would
see it and cut the name in two. The pipeline therefore analyses a compacted
view without these characters and maps every span back: a span starts at
the original position of its first character and ends after its last, so an
invisible character *inside* a span stays in the entity's ``text`` (the
record's offset invariant holds) while one at its edge is left outside.

Which characters: Unicode's format (Cf) and control (Cc) categories, except
the controls that are whitespace (newline, tab, form feed…), since those
separate words and must keep doing so. Categories rather than a hand list,
so that the set follows the Unicode version Python ships.

The view also leaves out the typographic spaces some sites set inside a
number expression (``1966 年``, ``2025 年 11 月 20 日``, ``逾 1,300 億元``;
``numerals.json`` ``_spaced`` says which): a reader reads one date or amount,
while jieba and the grammars would read a number and a word apart. The
entity's ``text`` keeps them, as it keeps an invisible character.

Text without such characters is not copied or mapped at all: the view is
the text itself, and the pipeline's output is exactly what it was before.
"""

from __future__ import annotations

import bisect
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache

from pipeline import data


def is_invisible(ch: str) -> bool:
    """A format or non-whitespace control character: no glyph, no word break."""
    return unicodedata.category(ch) in ("Cf", "Cc") and not ch.isspace()


@cache
def invisible_pattern() -> re.Pattern[str]:
    """One character class of every invisible code point, built once per process (about 0.2 s).

    A regular expression keeps the scan of a 20 MB document in C; ranges keep the class short.
    """
    ranges: list[list[int]] = []
    for cp in range(sys.maxunicode + 1):
        if is_invisible(chr(cp)):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    cls = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"[{cls}]+")


_SPACE = "[ \u00a0\u2009\u202f]"  # one space: ordinary, no-break, thin or narrow no-break
_DIGIT = "[0-9０-９]"


@cache
def spacing_pattern() -> re.Pattern[str]:
    """One typographic space inside a number expression (``numerals.json`` ``_spaced``): after a digit before a
    whole unit (not 台 of 台北), after a qualifier before a digit, and inside a date, a magnitude or a clock
    time."""
    w = data.table("zh/numerals.json")

    def one_of(key: str) -> str:
        return "[" + "".join(re.escape(ch) for ch in w[key]) + "]"

    sp, d = _SPACE, _DIGIT
    # The leading lookahead turns away the characters that are no space at once: the scan stays in C, fast.
    return re.compile(
        rf"(?={sp})(?:"
        rf"(?<={d}){sp}(?={data.alternation(w['spaced_units'])}|{one_of('spaced_bare_units')}(?![\u3400-\u9fff]))"
        rf"|(?<={one_of('spaced_qualifier_ends')}){sp}(?={d})"
        rf"|(?<={one_of('spaced_date_links')}){sp}(?={d}{{1,2}}{sp}?[月日号號])"
        rf"|(?<={one_of('spaced_magnitude_links')}){sp}(?={d}[0-9０-９,.]*{sp}?[億亿萬万千元])"
        rf"|(?<={one_of('spaced_clock_links')}){sp}(?={d}{{1,2}}{sp}?分)"
        ")"
    )


@cache
def _left_out() -> re.Pattern[str]:
    """What the view leaves out: invisible characters and the spaces inside number expressions."""
    return re.compile(f"{invisible_pattern().pattern}|{spacing_pattern().pattern}")


@dataclass(frozen=True, slots=True)
class Visible:
    """``text`` is ``original`` without its invisible characters and the spaces inside number expressions, with
    the map between their offsets.

    ``_keys[j]`` is the compacted offset at which the ``j``-th removed character
    would stand (the number of kept characters before it), so a compacted
    offset ``i`` maps to ``i`` plus the removed characters at keys ``<= i``:
    one binary search per span, and memory in the number of removed
    characters, not in the length of the text.
    """

    original: str
    text: str
    _keys: tuple[int, ...] = ()

    @property
    def compacted(self) -> bool:
        return bool(self._keys)

    def start(self, i: int) -> int:
        """Original offset of the character at compacted offset ``i`` (the end of the text maps to the end)."""
        if not self._keys:
            return i
        if i >= len(self.text):
            return len(self.original)
        return i + bisect.bisect_right(self._keys, i)

    def end(self, i: int) -> int:
        """Original exclusive end of a span ending at compacted offset ``i``: just after its last character."""
        if not self._keys or i <= 0:
            return i
        return self.start(i - 1) + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """An empty span stays empty (at the original position of ``start``)."""
        if end <= start:
            s = self.start(start)
            return s, s
        return self.start(start), self.end(end)


def visible(text: str) -> Visible:
    """The compacted view of ``text``; ``text`` itself (no copy) when nothing is left out."""
    pattern = _left_out()
    if pattern.search(text) is None:
        return Visible(text, text)
    keys: list[int] = []
    removed = 0
    for m in pattern.finditer(text):
        kept_before = m.start() - removed
        keys.extend([kept_before] * (m.end() - m.start()))
        removed += m.end() - m.start()
    return Visible(text, pattern.sub("", text), tuple(keys))
