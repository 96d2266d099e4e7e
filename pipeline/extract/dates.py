"""DATE: absolute and relative dates, resolved against the publication date.

Values are ISO 8601 at the granularity the text gives (2024, 2024-12,
2025-02-27T09:51), with a range ``end`` where the text gives one (上半年,
3月至6月, 以来, 2022/23年度). A relative date (去年, 3月15日 without a year,
一季度, 下午3时) needs the publication date; without one its value stays null
and ``note`` says why: the machine's clock is never used. A date that does
not exist (2月30日) is flagged in ``note`` with a null value, never invented.
ROC years (民国112年; a bare 112年 or 112/5/9 in Taiwanese text) add 1911.
A month without a year takes the year that puts it nearest the publication
date (12月29日 in a text of 2 January is last December). A weekday after a
date (5月9日（星期二）) belongs to it and is checked against it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cached_property

from pipeline import data
from pipeline.data import alternation
from pipeline.extract.base import Context, Mention
from pipeline.normalize.numerals import parse_number
from pipeline.records import DateValue

_ZD = "〇零○一二三四五六七八九"
_YEAR = rf"(?:\d{{4}}|[{_ZD}]{{4}})"
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_NO_PUB = "relative date without publication date"


class DateExtractor:
    name = "dates"

    @cached_property
    def _grammar(self) -> tuple[re.Pattern[str], dict]:
        w = data.table("zh/dates.json")
        rng = alternation(w["range_words"])
        time = (
            rf"(?P<ampm>{alternation(w['am_pm'])})?\s*(?P<H>[01]?\d|2[0-3])"
            rf"(?:[:：](?P<M>[0-5]\d)|[时時](?:(?P<M2>[0-5]?\d)分)?)"
        )
        day_time = time.replace("?P<", "?P<d_")  # 19日20时30分
        weekday = rf"(?:\s*[（(]?(?P<wd>(?:{alternation(w['weekday_words'])})[一二三四五六日天])[）)]?)?"
        pattern = re.compile(
            rf"(?<![\d{_ZD}./])(?:"
            # 2023/5/9 08:15, 112.5.9 (ROC, Taiwan only)
            rf"(?P<sy>\d{{4}}|\d{{2,3}})(?P<sep>[/.])(?P<sm>1[0-2]|0?[1-9])(?P=sep)(?P<sd>3[01]|[12]\d|0?[1-9])"
            rf"(?![\d.])(?:\s+(?P<sH>[01]?\d|2[0-3]):(?P<sM>[0-5]\d))?"
            # 2022/23年度, 二零二二/二三年度 (a fiscal year)
            rf"|(?P<fy>\d{{4}}|[{_ZD}]{{4}})/(?P<fy2>\d{{2}}|[{_ZD}]{{2}})年度"
            # [year] [month [day] [time] [range]] [part] [以来]
            rf"|(?:(?:民国|民國)(?P<roc>\d{{1,3}}|[{_ZD}十]{{1,4}})年度?|(?P<y>{_YEAR})年度?|(?P<y3>\d{{3}})年度?"
            rf"|(?P<ry>{alternation(w['relative_years'])}))?"
            rf"(?:(?P<m>{_MONTH})(?:月|(?=(?:{rng}){_MONTH}月))(?:(?P<d>{_DAY})[日号]{weekday})?"
            rf"(?:\s*{time})?(?:(?:{rng})(?P<m2>{_MONTH})月)?)?"
            rf"(?:(?P<part>{alternation(w['year_parts'])})|(?:前|首)(?P<first>\d{{1,2}}|[{_ZD}十两]{{1,3}})个月)?"
            rf"(?P<since>{alternation(w['since'])})?"
            # ... but not nothing: with every part optional this branch matched the empty string at
            # each character, and finditer then tried each character twice (once more for a non-empty
            # match); failing here when no part matched leaves the same non-empty matches.
            rf"(?(roc)|(?(y)|(?(y3)|(?(ry)|(?(m)|(?(part)|(?(first)|(?(since)|(?!)))))))))"
            rf"|(?P<rm>{alternation(w['relative_months'])})|(?P<rd>{alternation(w['relative_days'])})"
            rf"|(?<![月])(?P<day>{_DAY})[日号](?:\s*{day_time}|(?!\d))"
            # 6/30 (month/day without a year: Taiwan, Hong Kong, Macau; elsewhere 1/3 is mostly a fraction)
            # and never after a quantity word or before 的 (约有1/3的民众 is a fraction)
            rf"|(?<![约約近逾达達占佔有\d/])(?P<nm>1[0-2]|0?[1-9]|[12]\d|3[01])/(?P<nd>3[01]|[12]\d|0?[1-9])(?![\d/.%的])"
            rf"|(?P<tampm>{alternation(w['am_pm'])})?(?P<tH>[01]?\d|2[0-3])[时時](?:(?P<tM>[0-5]?\d)分)?"
            rf")"
        )
        return pattern, w

    def find(self, ctx: Context) -> list[Mention]:
        pattern, w = self._grammar
        pub = ctx.published_at.date() if ctx.published_at else None
        mentions = []
        for start, end in ctx.spans:
            for m in pattern.finditer(ctx.folded, start, end):
                value = self._resolve(m.groupdict(), w, pub, ctx.region)
                if value is not None:
                    conf = 0.95 if not value.relative else 0.85
                    mentions.append(Mention(m.start(), m.end(), "DATE", "rule", "dates.grammar", conf, value))
        return mentions

    def _resolve(self, g: dict, w: dict, pub: date | None, region: str) -> DateValue | None:
        if g["sy"]:
            return self._slashed(g, region)
        if g["fy"]:
            return self._fiscal(g, w, region)
        if g["rm"] or g["rd"]:
            return self._relative_short(g, w, pub)
        if g["nm"]:
            return self._month_day(g, pub, region)
        if g["day"]:
            if pub is None:
                return DateValue(
                    value=None, granularity="day", relative=True, note="day of month without publication date"
                )
            value = self._day(pub.year, pub.month, parse_number(g["day"]), relative=True)
            if value.value and g["d_H"]:
                value = value.model_copy(
                    update=self._clock(value.value, g["d_H"], g["d_M"] or g["d_M2"], g["d_ampm"], w)
                )
            return value
        if g["tH"]:
            return self._time_only(g, w, pub)
        if not (g["y"] or g["y3"] or g["roc"] or g["ry"] or g["m"] or g["part"] or g["first"]):
            return None  # a bare 以来 anchors nothing
        if g["y3"] and region != "tw":
            return None  # a three-digit year is a ROC year only in Taiwanese text
        relative = not (g["y"] or g["y3"] or g["roc"])
        if relative and pub is None:
            granularity = "day" if g["d"] else "month" if g["m"] else "year"
            return DateValue(value=None, granularity=granularity, relative=True, note=_NO_PUB)
        if g["roc"] or g["y3"]:
            year = int(parse_number(g["roc"] or g["y3"])) + 1911
        elif g["y"]:
            year = int(parse_number(g["y"]))
            if not 1800 <= year <= 2200:
                return None
        else:
            year = pub.year + w["relative_years"].get(g["ry"] or "今年", 0)
        since_end = pub.isoformat() if (g["since"] and pub) else None
        if g["m"]:
            month = int(parse_number(g["m"]))
            if relative and not g["ry"]:
                year = self._nearest_year(pub, month)
            if g["d"]:
                value = self._day(year, month, parse_number(g["d"]), relative=relative)
                if value.value and g["H"]:
                    value = value.model_copy(update=self._clock(value.value, g["H"], g["M"] or g["M2"], g["ampm"], w))
                if value.value and g["wd"]:
                    value = self._check_weekday(value, g["wd"], w)
                return value.model_copy(update={"end": since_end}) if since_end else value
            end = f"{year:04d}-{int(parse_number(g['m2'])):02d}" if g["m2"] else since_end
            return DateValue(value=f"{year:04d}-{month:02d}", granularity="month", end=end, relative=relative)
        if g["first"]:  # 前5个月, 首六个月: January to the Nth month
            months = int(parse_number(g["first"]))
            if not 1 <= months <= 12:
                return None
            return DateValue(
                value=f"{year:04d}-01", granularity="month", end=f"{year:04d}-{months:02d}", relative=relative
            )
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
    def _nearest_year(pub: date, month: int) -> int:
        """12月 in a text of 2 January is last December: the year that puts the month nearest the publication."""
        distance = lambda y: (abs((y - pub.year) * 12 + month - pub.month), y != pub.year)  # noqa: E731 - a tie: this year
        return min((pub.year - 1, pub.year, pub.year + 1), key=distance)

    @staticmethod
    def _check_weekday(value: DateValue, weekday: str, w: dict) -> DateValue:
        """5月9日（星期二）: the weekday confirms the date; a mismatch is noted, the date kept."""
        expected = w["weekdays"][weekday[-1]]
        if date.fromisoformat(value.value[:10]).weekday() == expected:
            return value
        return value.model_copy(update={"note": f"weekday {weekday} does not match {value.value[:10]}"})

    def _month_day(self, g: dict, pub: date | None, region: str) -> DateValue | None:
        """6/30 (month/day); in Hong Kong and Macau 20/2 is day/month; an ambiguous 2/3 there is left alone."""
        if region not in ("tw", "hk", "mo"):
            return None
        first, second = int(g["nm"]), int(g["nd"])
        if region == "tw" or second > 12:
            month, day = first, second
        elif first > 12:
            month, day = second, first
        else:
            return None
        if not 1 <= month <= 12:
            return None
        if pub is None:
            return DateValue(value=None, granularity="day", relative=True, note=_NO_PUB)
        return self._day(self._nearest_year(pub, month), month, day, relative=True)

    @staticmethod
    def _clock(day: str, hour: str, minute: str | None, ampm: str | None, w: dict) -> dict:
        h = int(hour)
        if ampm and h < 12:
            h += w["am_pm"][ampm]
        return {"value": f"{day}T{h:02d}:{int(minute or 0):02d}", "granularity": "minute"}

    def _slashed(self, g: dict, region: str) -> DateValue | None:
        year = int(g["sy"])
        if len(g["sy"]) < 4:
            if region != "tw":
                return None
            year += 1911
        value = self._day(year, int(g["sm"]), int(g["sd"]), relative=False)
        if value.value and g["sH"]:
            value = value.model_copy(
                update={"value": f"{value.value}T{int(g['sH']):02d}:{g['sM']}", "granularity": "minute"}
            )
        return value

    @staticmethod
    def _fiscal(g: dict, w: dict, region: str) -> DateValue:
        start_year = int(parse_number(g["fy"]))
        start_month = w["fiscal_year_start_month"].get(region, 1)
        end_year, end_month = (start_year + 1, start_month - 1) if start_month > 1 else (start_year, 12)
        return DateValue(
            value=f"{start_year:04d}-{start_month:02d}",
            granularity="year",
            end=f"{end_year:04d}-{end_month:02d}",
            relative=False,
            note="fiscal year",
        )

    def _time_only(self, g: dict, w: dict, pub: date | None) -> DateValue:
        if pub is None:
            return DateValue(
                value=None, granularity="minute", relative=True, note="time of day without publication date"
            )
        update = self._clock(pub.isoformat(), g["tH"], g["tM"], g["tampm"], w)
        return DateValue(value=update["value"], granularity="minute", relative=True)

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
                return DateValue(value=None, granularity="month", relative=True, note=_NO_PUB)
            months = pub.year * 12 + pub.month - 1 + w["relative_months"][g["rm"]]
            return DateValue(value=f"{months // 12:04d}-{months % 12 + 1:02d}", granularity="month", relative=True)
        if pub is None:
            return DateValue(value=None, granularity="day", relative=True, note=_NO_PUB)
        day = pub + timedelta(days=w["relative_days"][g["rd"]])
        return DateValue(value=day.isoformat(), granularity="day", relative=True)
