"""Which word a character belongs to: the grammars' check against neighbouring words.

A pattern reads characters, a reader reads words. The 约 of 签约 (signing) is
no "about", the 近 of 附近 (nearby) no "nearly", the 次 of 次之 (next in rank)
no measure word, the 号 of 号线 (metro line) no day of the month. So before a
grammar takes a qualifier, unit or date character at the edge of its match,
it asks jieba's segmentation (``Token`` offsets index the analysed text)
whether that character belongs to a word that reaches outside the match.
"""

from __future__ import annotations

from bisect import bisect_right

from pipeline.segment import Token


class Words:
    """jieba's words over one text, for asking which word a position belongs to (binary search)."""

    def __init__(self, tokens: list[Token]) -> None:
        self._tokens = tokens
        self._starts = [t.start for t in tokens]

    def at(self, pos: int) -> Token | None:
        """The word that contains ``pos``, if any."""
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and self._tokens[i].start <= pos < self._tokens[i].end:
            return self._tokens[i]
        return None

    def continues(self, pos: int) -> bool:
        """Does a word that begins before ``pos`` go on at ``pos``? (附近: 近 continues 附)"""
        token = self.at(pos)
        return token is not None and token.start < pos

    def word_from(self, pos: int, end: int) -> Token | None:
        """The word that starts at ``pos`` and reaches past ``end`` (次之 from 次, past a unit 元次)."""
        token = self.at(pos)
        return token if token is not None and token.start == pos and token.end > end else None

    def straddles(self, start: int, end: int) -> Token | None:
        """A word that begins inside ``(start, end)`` and goes on past ``end``: the match's tail is its head."""
        token = self.at(end - 1) if end > start else None
        return token if token is not None and start < token.start and token.end > end else None
