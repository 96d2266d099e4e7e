"""The interface every extractor shares: read a ``Context``, propose ``Mention``s.

Extractors only *find*; the fusion step decides which mentions become
entities, and the pipeline writes them into records (spaCy's separation of
finding matches from writing them onto the doc).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from pipeline.records import Amount, DateValue, EntityType
from pipeline.segment import Lexicon, Token


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    type: EntityType
    extractor: str  # "rule" or "ner"
    rule: str  # which rule or model, e.g. "people.titled" or "ner.xinwen_ner"
    confidence: float
    normalized: Amount | DateValue | None = None
    structured: bool = False  # from page structure or a title pattern: wins over the model
    places_end: int | None = None  # a suffix-grammar ORG: where the place words it begins with end (fuse.py)


def within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Is ``[start, end)`` inside one of the sorted, disjoint ``spans``? (binary search: no quadratic step)"""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


@dataclass(frozen=True, slots=True)
class Context:
    """Everything an extractor may read. All offsets index ``original`` (and the aligned forms)."""

    original: str
    simplified: str  # OpenCC output, what the NER model sees
    folded: str  # simplified with full-width digits and letters folded, what the rules match
    tokens: list[Token]
    spans: list[tuple[int, int]]  # regions entities may come from (not furniture), sorted, disjoint
    published_at: datetime | None = None
    credited: list[tuple[int, int, str]] = field(default_factory=list)  # byline/editor names
    region: str = "unknown"  # mainland, tw, hk, mo or unknown (pipeline/region.py)
    segment: Callable[[str], list[Token]] | None = None  # the pipeline's segmenter, for word-internal checks
    word_freq: Mapping[str, int] = field(default_factory=dict)  # jieba's dictionary (0: a prefix, not a word)
    lexicon: Lexicon | None = None  # the segmenter's longest dictionary words at each character (the model's)
    token_starts: frozenset[int] = field(init=False, repr=False, compare=False)  # where a jieba word starts
    token_ends: frozenset[int] = field(init=False, repr=False, compare=False)  # where one ends

    def __post_init__(self) -> None:
        # The word boundaries most extractors test their matches against, collected once per text, not per extractor.
        object.__setattr__(self, "token_starts", frozenset(t.start for t in self.tokens))
        object.__setattr__(self, "token_ends", frozenset(t.end for t in self.tokens))


class Extractor(Protocol):
    name: str

    def find(self, ctx: Context) -> list[Mention]: ...


def latin_word_edge(text: str, i: int) -> bool:
    """No Latin letter or digit on both sides of offset ``i`` (TVBS, and TVBS新聞, but not TVBSX)."""

    def letter(c: str) -> bool:
        return c.isascii() and c.isalnum()

    return i <= 0 or i >= len(text) or not (letter(text[i - 1]) and letter(text[i]))
