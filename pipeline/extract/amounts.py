"""AMOUNT: numbers with units, money with currencies, percentages, ordinals.

The grammar (a regular expression assembled from ``data/zh/amounts.json``)
reads, in order: an optional prefix qualifier (约, 超过), a number (Arabic or
Chinese, with 万/亿/兆 multipliers, 余/多 inside: 750余万, 4亿多), a unit
(currency, measure word or %), and an optional suffix qualifier (以上, 左右).
A Chinese numeral needs a unit (千万不要 is no amount); an Arabic one needs a
unit or a multiplier (a bare 2024 is not an amount).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, localcontext
from functools import cached_property

from pipeline import data
from pipeline.data import alternation
from pipeline.extract.base import Context, Mention
from pipeline.normalize.numerals import EXACT, parse_number
from pipeline.records import Amount
from pipeline.region import RegionDetector

_AR = r"(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:,\d{3})*)(?:\.\d+)?"  # 12 000 and 1,385 both group thousands
_ZH_DIGITS = "零〇○一二两三四五六七八九"
_ZH = rf"[{_ZH_DIGITS}十百千]+(?:点[{_ZH_DIGITS}]+)?"


RANGE_WORDS = ("至", "到", "-", "~", "～", "—", "－")


def exact(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (26000.0 -> 26000)."""
    with localcontext(EXACT):
        value = value.normalize()
        return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


class AmountExtractor:
    name = "amounts"

    @cached_property
    def _grammar(self) -> tuple[re.Pattern[str], re.Pattern[str], dict]:
        w = data.table("zh/amounts.json")
        units = alternation([*w["currencies"], *w["local_cents"], *w["percent"], *w["measure_words"]])
        core = rf"(?:{_AR}|{_ZH})(?:[万亿兆](?:{_AR}|{_ZH}))*"
        amount = re.compile(
            rf"(?<![\d.A-Za-z])(?P<pre>{alternation(w['prefix_qualifiers'])})?"
            rf"(?P<cpre>{alternation(w['currency_prefixes'])})?"
            rf"(?P<pct>百分之)?(?P<num>{core})(?P<q1>{alternation(w['inner_qualifiers'])})?"
            rf"(?P<mult>[万亿兆]+)?(?P<q2>余|多)?(?P<unit>{units})?"
            rf"(?P<post>{alternation(w['suffix_qualifiers'])})?"
        )
        ordinal = re.compile(rf"第(?P<num>{_AR}|{_ZH})(?P<unit>{alternation(w['ordinal_units'])})?")
        # A unit is required (checked in _ordinal); optional here so that 第一线 is consumed whole.
        return amount, ordinal, w

    def find(self, ctx: Context) -> list[Mention]:
        amount_re, ordinal_re, w = self._grammar
        text = ctx.folded
        starts = {tok.start for tok in ctx.tokens}
        mentions: list[Mention] = []
        for start, end in ctx.spans:
            taken: list[tuple[int, int]] = []  # ordinals of this span, in order and disjoint
            for m in ordinal_re.finditer(text, start, end):
                mention = self._ordinal(m)
                if mention:
                    mentions.append(mention)
                    taken.append((m.start(), m.end()))
            k = 0
            for m in amount_re.finditer(text, start, end):
                # Amounts come in order too, so one pointer walks the ordinals: linear, where testing
                # every earlier ordinal made a 20 MB article quadratic.
                while k < len(taken) and taken[k][1] <= m.start():
                    k += 1
                if k < len(taken) and taken[k][0] < m.end():
                    continue
                mention = self._amount(m, w, text, starts, ctx.region)
                if mention:
                    mentions.append(mention)
        return self._join_ranges(mentions, text)

    @staticmethod
    def _join_ranges(mentions: list[Mention], text: str) -> list[Mention]:
        """300亿至450亿元 and 2.5%至3.5% are one amount: ``value`` the lower end, ``upper`` the higher."""
        mentions = sorted(mentions, key=lambda m: m.start)
        out: list[Mention] = []
        for m in mentions:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.normalized.kind != "ordinal"
                and m.normalized.kind != "ordinal"
                and text[prev.end : m.start] in RANGE_WORDS
                and prev.normalized.unit in (None, m.normalized.unit)
                and m.normalized.unit
            ):
                low, high = prev.normalized, m.normalized
                joined = high.model_copy(
                    update={
                        "value": low.value,
                        "value_text": low.value_text,
                        "upper": high.value,
                        "qualifier": low.qualifier or high.qualifier,
                    }
                )
                out[-1] = replace(m, start=prev.start, normalized=joined, confidence=min(prev.confidence, m.confidence))
            else:
                out.append(m)
        return out

    @staticmethod
    def _ordinal(m: re.Match[str]) -> Mention | None:
        try:
            value = parse_number(m["num"])
        except ValueError:
            return None
        unit = m["unit"]
        if not unit:
            return None  # 第一线, 第一时间: an adverb, not a rank
        return Mention(
            m.start(),
            m.end(),
            "AMOUNT",
            "rule",
            "amounts.ordinal",
            0.9,
            Amount(kind="ordinal", value=exact(value), value_text=str(exact(value)), unit=unit, currency=None),
        )

    @staticmethod
    def _inside_word(m: re.Match[str], idioms: list[str], text: str, starts: set[int]) -> bool:
        """A Chinese numeral inside a word: 李四人民币 (jieba: 李四|人民币), 十分关注, 统一."""
        begin, num_end = m.start("num"), m.end("num")
        if starts and begin not in starts and m.start() not in starts:
            return True
        for word in idioms:
            if text.startswith(word, begin) and num_end <= begin + len(word):
                return True
            if text.startswith(word, begin - len(word) + 1) and len(word) > 1:
                return True
        return False

    @cached_property
    def _regions(self) -> RegionDetector:
        return RegionDetector()

    def _amount(self, m: re.Match[str], w: dict, text: str, starts: set[int], region: str) -> Mention | None:
        num, unit = m["num"], m["unit"]
        if len(num) > 100:
            return None  # a digit run this long is data (an ID, a hash), not an amount
        if not (m["pre"] or m["cpre"]) and text[m.start() - 1 : m.start()] in ("数", "几", "好"):
            return None  # 数十万元, 几百人: no value to give
        chinese = not re.match(r"\d", num)
        if m["pct"]:
            unit = "%"
        cents = unit in w["local_cents"]  # 1.8仙: a hundredth of the local dollar
        if chinese:
            if not unit or cents:  # 八仙 is no money
                return None
            if num == "一" and not m["mult"] and unit not in w["currencies"]:
                return None  # 一家, 一份: an article, not a count worth reporting
            if self._inside_word(m, w["not_numerals"], text, starts):
                return None
        elif not (unit or m["mult"]):
            return None
        try:
            value = parse_number(num + (m["mult"] or ""))  # 36亿7450万: the last unit applies to 7450 only
        except ValueError:
            return None
        qualifier = None
        for group, table in (
            ("pre", "prefix_qualifiers"),
            ("q1", "inner_qualifiers"),
            ("q2", "inner_qualifiers"),
            ("post", "suffix_qualifiers"),
        ):
            if m[group]:
                qualifier = w[table][m[group]]
        # 新台币5万元: a currency written before the number names it; the 元 after is only its unit.
        currency = (w["currency_prefixes"].get(m["cpre"]) if m["cpre"] else None) or w["currencies"].get(unit or "")
        if unit in w["local_yuan"] and not m["cpre"]:
            currency = self._regions.yuan_currency(region)  # a bare 元 is the local dollar
        if cents:
            currency = self._regions.cent_currency(region)
        if currency or cents:
            kind = "money"
        elif unit in w["percent"]:
            kind = "percent"
        elif unit:
            kind = "quantity"
        else:
            kind = "number"
        value = exact(value)
        return Mention(
            m.start(),
            m.end(),
            "AMOUNT",
            "rule",
            "amounts.grammar",
            0.85 if chinese else 0.95,
            Amount(kind=kind, value=value, value_text=str(value), unit=unit, currency=currency, qualifier=qualifier),
        )
