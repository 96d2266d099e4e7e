"""Which Chinese-speaking region a text comes from: mainland, Taiwan, Hong Kong or Macau.

The region decides the OpenCC configuration (tw2s, hk2s, t2s: all
length-preserving), what a bare 元 or 仙 means (CNY, TWD, HKD, MOP) and whether a
three-digit year is a ROC year (民國112年 = 2023). It is taken from the input
when given, else weighed from clues in the text (a data file: marker words,
strong markers such as 新台幣, the region's own bodies such as 台電 or 金管會,
forms of writing such as the ROC year 112年度, variant characters), else
``unknown``, which behaves as mainland. The clues used travel with the detected
region into the record's ``meta.region_evidence``.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property
from typing import Literal

from pipeline import data
from pipeline.records import RegionClue, RegionEvidence

Region = Literal["mainland", "tw", "hk", "mo", "unknown"]
REGIONS: tuple[Region, ...] = ("mainland", "tw", "hk", "mo", "unknown")


class Detected(str):
    """A detected region's name (compares and hashes as the plain string) with the evidence that decided it.

    ``Meta`` takes ``evidence`` from it, so the record says what detection used.
    """

    evidence: RegionEvidence

    def __new__(cls, name: str, evidence: RegionEvidence) -> Detected:
        obj = super().__new__(cls, name)
        obj.evidence = evidence
        return obj

    def __reduce__(self) -> tuple:
        return Detected, (str(self), self.evidence)


class RegionDetector:
    @cached_property
    def _table(self) -> dict:
        return data.table("zh/regions_markers.json")

    @cached_property
    def _patterns(self) -> dict[str, list[re.Pattern[str]]]:
        return {region: [re.compile(p) for p in pats] for region, pats in self._table["patterns"].items()}

    @cached_property
    def _weak_patterns(self) -> dict[str, list[re.Pattern[str]]]:
        """Forms that hint at a region without deciding it alone (a bare ROC year: 112年虧損)."""
        return {region: [re.compile(p) for p in pats] for region, pats in self._table["weak_patterns"].items()}

    @cached_property
    def _words(self) -> list[tuple[str, str, str, int]]:
        """The marker, strong marker and body words as (region, kind, word, points per occurrence), in table order."""
        table = self._table
        weights = (("markers", "marker", 1), ("strong_markers", "strong_marker", table["strong_points"]))
        return [
            (region, kind, word, points)
            for key, kind, points in (*weights, ("bodies", "body", 1))
            for region, words in table[key].items()
            for word in words
        ]

    @cached_property
    def _containers(self) -> dict[int, list[tuple[str, int]]]:
        """For each word's index in ``_words``, the longer words of other regions that hold it, with its offset in
        them (特區政府 in 澳門特區政府 at 2): an occurrence inside one of those counts for that region only."""
        words = self._words
        table: dict[int, list[tuple[str, int]]] = {}
        for i, (region, _, word, _) in enumerate(words):
            for other_region, _, other, _ in words:
                if other_region != region and len(other) > len(word) and word in other:
                    table.setdefault(i, []).extend((other, m.start()) for m in re.finditer(re.escape(word), other))
        return table

    @cached_property
    def _words_by_first(self) -> dict[str, list[int]]:
        """The indices into ``_words`` of the words beginning with each character (a text is scanned for those only)."""
        index: dict[str, list[int]] = {}
        for i, (_, _, word, _) in enumerate(self._words):
            index.setdefault(word[0], []).append(i)
        return index

    def detect(self, text: str) -> Region:
        """The region with most points (at least ``min_score``), else ``unknown``; a ``Detected`` carrying its clues."""
        table = self._table
        clues = self.clues(text)
        scores = dict.fromkeys(table["markers"], 0)
        for clue in clues:
            scores[clue.region] = scores.get(clue.region, 0) + clue.points
        best = max(scores, key=lambda r: (scores[r], r == "mainland"))
        decided = scores[best] >= table["min_score"]
        evidence = RegionEvidence(
            source="detected" if decided else "undecided",
            scores=scores,
            min_score=table["min_score"],
            clues=sorted(clues, key=lambda c: (-c.points, c.region, c.text)),
        )
        return Detected(best if decided else "unknown", evidence)  # type: ignore[return-value]

    def clues(self, text: str) -> list[RegionClue]:
        """Every clue in ``text``: words per occurrence, variant characters once, patterns per match."""
        table = self._table
        found: list[RegionClue] = []
        by_first = self._words_by_first
        # Only the words whose first character occurs can occur, in the table's order.
        candidates = sorted(i for char in set(text).intersection(by_first) for i in by_first[char])
        words, containers = self._words, self._containers
        for i in candidates:
            region, kind, word, points = words[i]
            # each occurrence, unless inside a longer word of another region's (特區政府 of 澳門特區政府: Macau's)
            count, at = 0, text.find(word)
            while at >= 0:
                count += not any(text.startswith(longer, at - offset) for longer, offset in containers.get(i, ()))
                at = text.find(word, at + 1)
            if count:
                found.append(RegionClue(region=region, kind=kind, text=word, count=count, points=count * points))
        for region, chars in table["variants"].items():
            for char in chars:
                if char in text:  # a hint, not a count: 裡 is common in HK too
                    found.append(RegionClue(region=region, kind="variant", text=char, count=text.count(char), points=1))
        strong = set()
        for region, patterns in self._patterns.items():
            forms = Counter(m.group() for pattern in patterns for m in pattern.finditer(text))
            for form, count in forms.items():
                points = count * table["pattern_points"]
                found.append(RegionClue(region=region, kind="pattern", text=form, count=count, points=points))
                strong.add(form)
        for region, patterns in self._weak_patterns.items():
            # one point however often (a hint, as a variant character is), and none where a form above counted
            forms = Counter(m.group() for pattern in patterns for m in pattern.finditer(text))
            for form, count in forms.items():
                if not any(form in s for s in strong):
                    found.append(RegionClue(region=region, kind="pattern", text=form, count=count, points=1))
                    break
        return found

    def opencc_config(self, region: Region) -> str:
        return self._table["opencc"][region]

    def yuan_currency(self, region: Region) -> str:
        return self._table["yuan_currency"][region]

    def cent_currency(self, region: Region) -> str | None:
        """仙 (cent) is a Hong Kong and Macau usage; elsewhere its currency is not known."""
        return self._table["cent_currency"].get(region)
