"""Which Chinese-speaking region a text comes from: mainland, Taiwan, Hong Kong or Macau.

The region decides the OpenCC configuration (tw2s, hk2s, t2s: all
length-preserving), what a bare 元 or 仙 means (CNY, TWD, HKD, MOP) and whether a
three-digit year is a ROC year (民國112年 = 2023). It is taken from the input
when given, else guessed from marker words (a data file), else ``unknown``,
which behaves as mainland.
"""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pipeline import data

Region = Literal["mainland", "tw", "hk", "mo", "unknown"]
REGIONS: tuple[Region, ...] = ("mainland", "tw", "hk", "mo", "unknown")


class RegionDetector:
    @cached_property
    def _table(self) -> dict:
        return data.table("zh/regions_markers.json")

    def detect(self, text: str) -> Region:
        table = self._table
        scores = {region: sum(text.count(word) for word in words) for region, words in table["markers"].items()}
        for region, chars in table["variants"].items():
            scores[region] += sum(char in text for char in chars)  # a hint, not a count: 裡 is common in HK too
        best = max(scores, key=lambda r: (scores[r], r == "mainland"))
        return best if scores[best] >= table["min_score"] else "unknown"

    def opencc_config(self, region: Region) -> str:
        return self._table["opencc"][region]

    def yuan_currency(self, region: Region) -> str:
        return self._table["yuan_currency"][region]

    def cent_currency(self, region: Region) -> str | None:
        """仙 (cent) is a Hong Kong and Macau usage; elsewhere its currency is not known."""
        return self._table["cent_currency"].get(region)
