"""DATE: absolute and relative dates, resolved against the publication date.

Values are ISO 8601 at the granularity the text gives (2024, 2024-12,
2025-02-27T09:51), with a range ``end`` where the text gives one (上半年,
3月至6月, 以来). A relative date (去年, 3月15日 without a year) needs the
publication date; without one its value stays null and ``note`` says why: the
machine's clock is never used. A date that does not exist (2月30日) is flagged
in ``note`` with a null value, never invented.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cached_property

from pipeline import data
from pipeline.extract.base import Context, Mention
from pipeline.normalize.numerals import parse_number
from pipeline.records import DateValue

_ZD = "〇零○一二三四五六七八九"
_YEAR = rf"(?:\d{{4}}|[{_ZD}]{{4}})"
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"


def _alt(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class DateExtractor:
    name = "dates"

    @cached_property
    def _grammar(self) -> tuple[re.Pattern[str], dict]:
        w = data.table("zh/dates.json")
        rel_year = _alt(w["relative_years"])
        parts = _alt(w["year_parts"])
        pattern = re.compile(
            rf"(?<![\d{_ZD}])"
            rf"(?:(?P<y>{_YEAR})年|(?P<ry>{rel_year}))?"
            rf"(?:(?P<m>{_MONTH})(?:月|(?=(?:{_alt(w['range_words'])}){_MONTH}月))(?:(?P<d>{_DAY})[日号])?"
            rf"(?:\s*(?P<ampm>{_alt(w['am_pm'])})?\s*(?P<H>[01]?\d|2[0-3])(?:[:：](?P<M>[0-5]\d)|时(?:(?P<M2>[0-5]?\d)分)?))?"
            rf"(?:(?P<rng>{_alt(w['range_words'])})(?P<m2>{_MONTH})月)?)?"
            rf"(?P<part>{parts})?(?P<since>{_alt(w['since'])})?"
            rf"|(?P<rm>{_alt(w['relative_months'])})|(?P<rd>{_alt(w['relative_days'])})"
            rf"|(?<![\d月])(?P<day>{_DAY})[日号](?![\d])"
        )
        return pattern, w

    def find(self, ctx: Context) -> list[Mention]:
        pattern, w = self._grammar
        pub = ctx.published_at.date() if ctx.published_at else None
        mentions = []
        for start, end in ctx.spans:
            for m in pattern.finditer(ctx.folded, start, end):
                if m.end() == m.start():
                    continue
                value = self._resolve(m, w, pub)
                if value is not None:
                    conf = 0.95 if not value.relative else 0.85
                    mentions.append(Mention(m.start(), m.end(), "DATE", "rule", "dates.grammar", conf, value))
        return mentions

    def _resolve(self, m: re.Match[str], w: dict, pub: date | None) -> DateValue | None:
        g = m.groupdict()
        if g["rm"] or g["rd"]:
            return self._relative_short(g, w, pub)
        if g["day"]:
            if pub is None:
                return DateValue(
                    value=None, granularity="day", relative=True, note="day of month without publication date"
                )
            return self._day(pub.year, pub.month, parse_number(g["day"]), relative=True)
        if not (g["y"] or g["ry"] or g["m"]):
            return None  # a bare 上半年 / 以来 with nothing to anchor it
        relative = g["y"] is None
        if relative and pub is None:
            granularity = "day" if g["d"] else "month" if g["m"] else "year"
            return DateValue(
                value=None, granularity=granularity, relative=True, note="relative date without publication date"
            )
        year = int(parse_number(g["y"])) if g["y"] else pub.year + w["relative_years"].get(g["ry"] or "今年", 0)
        if g["y"] and not 1800 <= year <= 2200:
            return None
        since_end = pub.isoformat() if (g["since"] and pub) else None
        if g["m"]:
            month = int(parse_number(g["m"]))
            if g["d"]:
                value = self._day(year, month, parse_number(g["d"]), relative=relative)
                if value.value and g["H"]:
                    hour = int(g["H"]) + (w["am_pm"].get(g["ampm"] or "", 0) if int(g["H"]) < 12 else 0)
                    minute = int(g["M"] or g["M2"] or 0)
                    value = value.model_copy(
                        update={"value": f"{value.value}T{hour:02d}:{minute:02d}", "granularity": "minute"}
                    )
                return value.model_copy(update={"end": since_end}) if since_end else value
            end = f"{year:04d}-{int(parse_number(g['m2'])):02d}" if g["m2"] else since_end
            return DateValue(value=f"{year:04d}-{month:02d}", granularity="month", end=end, relative=relative)
        if g["part"]:
            first, last, granularity = w["year_parts"][g["part"]]
            return DateValue(
                value=f"{year:04d}-{first}",
                granularity=granularity,
                end=f"{year:04d}-{last}" if last else since_end,
                relative=relative,
            )
        return DateValue(value=f"{year:04d}", granularity="year", end=since_end, relative=relative)

    @staticmethod
    def _day(year: int, month: int, day: object, relative: bool) -> DateValue:
        try:
            return DateValue(value=date(year, month, int(day)).isoformat(), granularity="day", relative=relative)
        except ValueError:
            return DateValue(
                value=None,
                granularity="day",
                relative=relative,
                note=f"no such date: {year:04d}-{month:02d}-{int(day):02d}",
            )

    @staticmethod
    def _relative_short(g: dict, w: dict, pub: date | None) -> DateValue:
        if g["rm"]:
            if pub is None:
                return DateValue(
                    value=None, granularity="month", relative=True, note="relative date without publication date"
                )
            months = pub.year * 12 + pub.month - 1 + w["relative_months"][g["rm"]]
            return DateValue(value=f"{months // 12:04d}-{months % 12 + 1:02d}", granularity="month", relative=True)
        if pub is None:
            return DateValue(
                value=None, granularity="day", relative=True, note="relative date without publication date"
            )
        from datetime import timedelta

        day = pub + timedelta(days=w["relative_days"][g["rd"]])
        return DateValue(value=day.isoformat(), granularity="day", relative=True)
