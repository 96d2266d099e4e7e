"""DATE: absolute and relative dates, resolved against the publication date.

Values are ISO 8601 at the granularity the text gives (2024, 2024-12,
2025-02-27T09:51), with a range ``end`` where the text gives one (上半年,
3月至6月, 以来, 2022/23年度). A relative date (去年, 3月15日 without a year,
一季度, 下午3时) needs the publication date; without one its value stays null
and ``note`` says why: the machine's clock is never used. A date that does
not exist (2月30日) is flagged in ``note`` with a null value, never invented.
ROC years (民国112年; a bare 112年 or 112/5/9 in Taiwanese text) add 1911.
A month without a year takes the year that puts it nearest the publication
date (12月29日 in a text of 2 January is last December), a day without a month
the month (28日 in a text of 2 October is 28 September). After a dateline that
gives the story's day (本报华盛顿9月19日电), relative dates count from that day
rather than the paper's. A weekday after a
date (5月9日（星期二）) belongs to it and is checked against it. ISO dates
(2025-07-01 08:00, a page's time line 2019-12-03 17:22:41 kept to the minute),
weeks (上周五, 本周一: weeks run Monday to Sunday) and days told from another
(当天, 次日: from the last dated day before them, else the publication date)
are read too. A date word that belongs to a neighbouring word is not: the 初 of
初步, the 号 of 7号线 or 中山路5号, the 度 of 去年度过; N号 after jieba's word
ending in 号 (型号为8号, 编号为3号) is a serial number. Two dates joined by a
range word (5月中旬至6月初, 2023年至2024年) are one DATE valued by its start.
年中 is the year's sixth month, after a year or as words of its own (预计年中完工;
not 2024年中国, 9年中, 该年中共). A range of years may write 年 once (2021至2023年), and
至今 after a date runs it to the publication as 以来 does (2019年至今). Taiwanese papers
bracket the number of a relative day, month or year (昨（11）日, 上（2）月底, 去（2024）年):
the bracketed number is the date. An anaphoric evening puts a clock time after it in the
evening (当晚9时 is 21:00); an anaphoric year may take a month (同年10月). A month or
day after a word of repetition (每年3月, 每月5日) recurs and is no date. A month without a
year is ahead after a future word (将于十月, 将延至10月) or before one (10月即将, 周五将访问: 将
before a verb, not the object marker of 周三将两人拘捕), behind after a past word (曾于9月).
A festival after a year (2024年春节, 今年国庆假期) is its day that year; 24时 is the day's end (T24:00).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from functools import cache, cached_property

from pipeline import data
from pipeline.data import alternation
from pipeline.extract.base import Context, Mention, latin_word_edge
from pipeline.extract.prefilter import prefiltered
from pipeline.normalize.neighbours import Words
from pipeline.normalize.numerals import parse_number
from pipeline.records import DateValue
from pipeline.segment import Token

_ZD = "〇零○一二三四五六七八九"
_YEAR = rf"(?:\d{{4}}|[{_ZD}]{{4}})"
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九])"
_NO_PUB = "relative date without publication date"
LUNAR_YEARS = (1900, 2100)
"""The years LunarCalendar's lunar tables cover: a lunar festival outside them gets no day."""


@cache
def ago_re() -> re.Pattern[str]:
    """两年前, 三个月前, 10天前: an exact count of a unit of time before 前 (``ago_units`` of dates.json), a DATE
    (and so no amount of time: ``AmountExtractor`` leaves it), in Chinese numerals up to hundreds (两百年前); not an
    approximate one (约两年前, 数百年前), nor three digits (115年前: before ROC year 115)."""
    w = data.table("zh/dates.json")
    return prefiltered(
        re.compile(
            rf"(?<![\d.{_ZD}两十百千万第几数多余约近逾])(?P<num>\d{{1,2}}|[{_ZD}两十百]{{1,4}})"
            rf"(?P<unit>{alternation(w['ago_units'])})前(?![{w['ago_not_before']}])"
        )
    )


class DateExtractor:
    name = "dates"

    @cached_property
    def _grammar(self) -> tuple[re.Pattern[str], dict]:
        w = data.table("zh/dates.json")
        rng = alternation(w["range_words"])
        time = (
            rf"(?P<ampm>{alternation(_clock_parts(w))})?\s*(?P<H>[01]?\d|2[0-3])"
            rf"(?:[:：](?P<M>[0-5]\d)|[时時](?:(?P<M2>[0-5]?\d)分|(?P<half>半))?)"  # 11时半: 11:30
        )
        day_time = time.replace("?P<", "?P<d_")  # 19日20时30分
        weekday = rf"(?:\s*[（(]?(?P<wd>{_weekday(w)})[）)]?)?"
        du = rf"度(?!{alternation(w['du_neighbours'])})"  # 明年度, but not the 度 of 去年度过
        year_parts = [p for p in w["year_parts"] if p not in w["single_year_parts"]]
        season = rf"(?:{alternation(w['seasons'])})(?!{alternation(w['season_neighbours'])})"  # 1946年秋
        # 底/末/初 alone are 彻底, 周末, 初步: a year part only right after 年 or 月 (2024年底, 6月底)
        lunar = rf"(?!(?<=初)[{_ZD}十])"  # 大年初一, 正月初五: a day of the lunar calendar, not a month's start
        tens = alternation(w["month_tens"])  # 6月下旬: a third of a month, part of the month's span
        single = alternation(w["single_year_parts"])
        # 中旬 is a third of the month the date names: not after the 月 of a length (3个月中旬 has none)
        tens_after_month = rf"(?<=月)(?(m)(?:{tens})|(?(bm)(?:{tens})|(?!)))"
        part = rf"(?:{alternation(year_parts)}|(?<=[年月])(?:{single})|{tens_after_month}){lunar}"
        not_day = "|".join(
            rf"{re.escape(char)}(?:{alternation(words)})" for char, words in w["day_neighbours"].items()
        )  # 7号线, 8号风球, 30日元
        seconds = r"(?:[:：][0-5]\d)?"  # a page's time line: 17:22:41 is read to the minute
        zone = r"(?:\.\d{1,6})?(?:Z|[+-](?:0\d|1[0-4]):?[0-5]\d)?"  # 2024-12-05T17:22:41+08:00, as feeds print it
        pattern = re.compile(
            rf"(?<![\d{_ZD}./])(?:"
            # 2023/5/9 08:15, 112.5.9 and 105-08-04 (ROC, Taiwan only)
            rf"(?P<sy>\d{{4}}|\d{{2,3}})(?P<sep>[/.]|(?<=(?<!\d)\d{{3}})-)(?P<sm>1[0-2]|0?[1-9])(?P=sep)(?P<sd>3[01]|[12]\d|0?[1-9])"
            rf"(?![\d.])(?:\s+(?P<sH>[01]?\d|2[0-3]):(?P<sM>[0-5]\d){seconds})?"
            # 2025-07-01, 2025-07-01 08:00, 2019-12-03 17:22:41 (ISO, as pages print their time)
            rf"|(?<!-)(?P<iy>\d{{4}})-(?P<im>1[0-2]|0?[1-9])-(?P<id>3[01]|[12]\d|0?[1-9])(?![\d-])"
            rf"(?:(?:\s+|T)(?P<iH>[01]?\d|2[0-3]):(?P<iM>[0-5]\d){seconds}{zone}(?![\d:]))?"
            # 2022/23年度, 2024-25财年, 2026至27年度 (fiscal years); 二○二三/二○二四学校年度 (a school year)
            rf"|(?P<fy>\d{{4}}|[{_ZD}]{{4}})(?:[/-]|至(?=\d{{2}}[财年]|[{_ZD}]{{2}}[财年]|(?:\d{{4}}|[{_ZD}]{{4}})学))(?P<fy2>(?:\d{{4}}|[{_ZD}]{{4}})(?=学)|\d{{2}}|[{_ZD}]{{2}})"
            rf"(?P<fys>财政年度|财年|学校年度|学年度|学年|年度)"
            # 上世纪九十年代, 20世纪60年代, 2010年代, 九十年代
            rf"|(?:(?P<rc>{alternation(w['centuries'])})|(?P<cn>1\d|2[01]|十[一二三四五六七八九]|二十一?)世纪"
            rf"|(?P<dcy>1[5-9]|20)(?=\d0年代))?(?P<dec>[1-9]0|[一二三四五六七八九]十)年代"
            # 本财年, 本财政年度首9个月 (the fiscal year the publication falls in)
            rf"|(?P<rfy>{alternation(w['relative_fiscal_years'])})(?:(?:前|首)(?P<ffirst>\d{{1,2}}|[{_ZD}十两]{{1,3}})个月)?"
            # [year] [month [day] [time] [range]] [part] [以来]
            rf"|(?:(?:民国|民國)(?P<roc>\d{{1,3}}|[{_ZD}十]{{1,4}})年(?:{du})?"
            rf"|(?P<y>{_YEAR})(?:(?:{rng})(?P<y2>{_YEAR})(?=年(?![\d{_ZD}十底末初])))?"  # 2021至2023年
            rf"(?:财政?|学)?年(?:{du}|{season}|的(?={_MONTH}月))?"
            rf"|(?:{alternation(w['bracketed_years'])})\s*[（(](?P<by>\d{{4}}|\d{{3}})[）)]\s*年(?:{du})?"  # 去(2024)年
            rf"|(?P<y3>\d{{3}}|[{_ZD}]{{3}})学?年(?:{du})?|(?P<ry>{alternation(w['relative_years'])})(?:{du}|{season})?)?"
            rf"(?:(?:(?:{alternation(w['bracketed_months'])})\s*[（(](?P<bm>{_MONTH})[）)]\s*月"  # 上（2）月: February
            rf"|(?P<m>{_MONTH}|(?<![\d{_ZD}十百千万亿两])元(?=月))(?:月份?|(?=(?:{rng}){_MONTH}月)))"  # 元月: January
            rf"(?:(?P<d>{_DAY})(?:[日号](?:(?:{rng})(?:(?P<m3>{_MONTH})月)?(?P<d2>{_DAY})[日号])?"
            rf"|(?:{rng})(?P<d2b>{_DAY})[日号]){weekday})?"  # 11月8日至10日, 6月13~18日
            rf"(?:\s*{time})?(?:(?:{rng})(?P<m2>{_MONTH})月份?(?!{_DAY}[日号]))?)?"  # not 5日9时至6月11日
            rf"(?:(?P<part>{part})(?:(?:(?<=[季度])|(?<=半年))(?P<pend>{alternation(w['period_ends'])}))?"  # 一季度末
            rf"|(?:{alternation(w['first_months_leads'])})(?P<first>\d{{1,2}}|[{_ZD}十两]{{1,3}})个月)?"
            rf"(?:(?P<since>{alternation(w['since'])})(?![{w['since_not_before']}]))?"  # not the 至今 of 至今年2月
            # ... but not nothing: with every part optional this branch matched the empty string at
            # each character, and finditer then tried each character twice (once more for a non-empty
            # match); failing here when no part matched leaves the same non-empty matches.
            rf"(?(roc)|(?(y)|(?(by)|(?(y3)|(?(ry)|(?(m)|(?(bm)|(?(part)|(?(first)|(?(since)|(?!)))))))))))"
            rf"|(?P<wk>{alternation(w['relative_weeks'])})(?:(?P<wkd>[一二三四五六日天])(?![{_ZD}十百千万])"
            rf"|(?P<wke>末)|(?!{alternation(w['week_neighbours'])}))"  # 上周末; 本周 alone, but not 本周年, 上周期
            rf"|(?P<bwd>{_weekday(w)})(?![{_ZD}十百千万])"  # 周二 alone: the last Tuesday
            rf"|(?P<rq>{alternation(w['relative_quarters'])})"  # 本季度, 上一季度
            rf"|(?<![正腊冬闰])(?P<rm>{alternation(w['relative_months'])})"
            rf"(?:(?P<rmd>{_DAY})[日号](?!{not_day})|(?:{alternation(w['month_parts'])}){lunar})?"  # 本月26日, 上月底
            # 昨(11)日, 昨(9)晚
            rf"|(?:{alternation(w['bracketed_days'])})\s*[（(](?P<td>{_DAY})[）)]\s*(?:日|(?P<tdn>晚)|晨)"
            rf"|(?P<rdr>{alternation(w['relative_day_ranges'])})"  # 今明两天: today and tomorrow
            rf"|(?P<rd>{alternation(w['relative_days'])})|(?P<ad>{alternation(w['anaphoric_days'])})"
            rf"|(?P<am>{alternation(w['anaphoric_months'])})(?:{alternation(w['month_parts'])}{lunar})?"  # 同月下旬
            rf"|(?P<ay>{alternation(w['anaphoric_years'])})(?:(?P<aym>{_MONTH})月(?:(?P<ayd>{_DAY})[日号])?)?"
            rf"|(?<![月第])(?P<day>{_DAY})(?:[日号]?(?:{rng})(?P<day2>{_DAY}))?(?!{not_day})(?P<dsuf>[日号])"
            rf"(?:\s*{day_time}|(?!\d))"  # 25日, 20至22日, 19日20时30分
            # 6/30 (month/day without a year: Taiwan, Hong Kong, Macau; elsewhere 1/3 is mostly a fraction)
            # and never after a quantity word or before 的 (约有1/3的民众 is a fraction)
            rf"|(?<![约約近逾达達占佔有\d/])(?P<nm>1[0-2]|0?[1-9]|[12]\d|3[01])/(?P<nd>3[01]|[12]\d|0?[1-9])(?![\d/.%的])"
            # 下午3时, 晚上8点, 晚上八時半, 早上约8时: after a part of the day 点 and Chinese numerals tell the hour
            # too; alone, 8点 is as often points (涨8点) and 三时 no clock
            # 于晚10时许: 晚 or 早 alone opens a clock time in Arabic digits after a preposition or punctuation only
            # (not 早一点)
            rf"|(?P<tampm>{alternation(_clock_parts(w))}|(?<=[于在至到从，。、；,;\s])[晚早](?=\d))?(?(tampm)(?:大约|大約|约|約)?)(?P<tH>[01]?\d|2[0-3]|(?(tampm)[{_ZD}十两兩]{{1,3}}|(?!)))"
            rf"(?(tampm)[时時点點]|[时時])(?:(?P<tM>[0-5]?\d|(?(tampm)[{_ZD}十]{{1,3}}|(?!)))分|(?P<thalf>半))?"
            rf")"
        )
        return prefiltered(pattern), w

    @cached_property
    def _dateline_re(self) -> re.Pattern[str]:
        """A dateline at a line's start: an outlet and a place, the day, 电/讯 (本报华盛顿9月19日电,
        （中央社台北25日電）)."""
        ends = alternation(data.table("zh/dates.json")["dateline_ends"])
        lead = r"[^\n，。,；;：:！？]{1,24}?"
        return re.compile(rf"(?m)^[ \t\u3000]*[【〔\[（(]?{lead}(?P<d>(?:{_MONTH}月)?{_DAY}日)[ \t\u3000]*(?:{ends})")

    def _dateline_day(self, text: str, pub: date | None, region: str) -> tuple[int, date | None]:
        """Where the story's dateline ends and the day it gives, resolved against the publication date: what
        the relative dates after it count from (本报华盛顿9月19日电 … 昨天 is 18 September, though the paper is
        of the 21st). (len(text), None) without a dateline in the text's first lines, or before its first
        sentence (a page's menus may run longer)."""
        pattern, w = self._grammar
        m = self._dateline_re.search(text)
        if m and m.start() >= 400 and _SENTENCE_END.search(text, 0, m.start()):
            m = None
        day = pattern.fullmatch(m["d"]) if m else None
        value = self._resolve(day.groupdict(), w, pub, region) if day else None
        found = _day_of(value) if value is not None and value.value else None
        return (m.end(), found) if m and found else (len(text), None)

    def find(self, ctx: Context) -> list[Mention]:
        pattern, w = self._grammar
        published = ctx.published_at.date() if ctx.published_at else None
        told_from, dateline_day = self._dateline_day(ctx.folded, published, ctx.region)

        def day_at(at: int) -> date | None:
            """The day relative dates at ``at`` count from: the dateline's after it, else the publication's."""
            return dateline_day if at >= told_from else published

        words = Words(ctx.tokens)
        shift = self._fiscal_shift(ctx.folded, w)
        mentions = []
        last_day = None  # the last dated day so far: what 当天 and 次日 count from, and the day of a bare clock time
        last_dated = None  # the last dated value so far: what 当月 and 次年 count from
        last_period = None  # the last period spoken of (第三季, 上半年, 1至9月): what 去年同期 is the same of
        recurs_to = -9  # where the last recurring time ended (每天上午10时): a range's end after it recurs too
        for start, end in ctx.spans:
            day_parts = self._relative_day_parts(ctx, start, end, day_at, w) + self._ago(ctx, start, end, day_at, w)
            lunar_days = self._lunar_days(ctx.folded, start, end)  # a recurring one holds no value
            mentions.extend(d for d in lunar_days if d.normalized is not None)
            mentions.extend(day_parts)
            pending = list(day_parts)  # 昨晚 dates what follows it too
            reach = 0
            for m in pattern.finditer(ctx.folded, start, end):
                while pending and pending[0].start < m.start():
                    last_day = _day_of(pending.pop(0).normalized) or last_day
                if any(d.start <= m.start() < d.end for d in (*day_parts, *lunar_days)) or m.start() < reach:
                    continue
                m = self._own_words(m, pattern, ctx.folded, words, w)
                if m is None:
                    continue
                g = m.groupdict()
                if g["dsuf"] == "号" and ctx.folded[m.start() - 1 : m.start()] in w["day_number_after"]:
                    continue  # 中山路5号, 〔2024〕5号: a house or a document number (but 大会)10日 is a date)
                if g["dsuf"] == "号" and _serial_number(ctx.folded, m.start(), words, w):
                    continue  # 型号为8号, 编号为3号: a model or a serial number
                if g["part"] == w["mid_year"]["part"] and not self._mid_year(ctx.folded, m, words, w):
                    continue
                if g["part"] and re.fullmatch(r"第.季", g["part"]) and _after_a_title(ctx.folded, m.start("part")):
                    continue  # “带上音乐去旅行”第二季: a season of a show or a series, no quarter
                if (
                    g["part"]
                    and g["part"].isascii()
                    and not (
                        latin_word_edge(ctx.folded, m.start("part")) and latin_word_edge(ctx.folded, m.end("part"))
                    )
                ):
                    continue  # Q3 of Q30 or AQ3: a code, not a quarter
                pub = day_at(m.start())
                if _page_time_line(ctx.folded, m, g):
                    continue
                if self._duration(ctx.folded, m, g, words):
                    continue
                if self._recurring(ctx.folded, m, g) or ctx.folded[recurs_to : m.start()] in w["range_words"]:
                    recurs_to = m.end()  # 每天上午10时 + 至 + 晚上10时: the range's end recurs with its start
                    continue
                if g["bwd"]:
                    if not self._a_day_of_the_week(ctx.folded, m, words, w):
                        continue
                    future = self._future(ctx.folded, m, words, w)
                    value = self._bare_weekday(g, w, pub, future)
                elif g["ad"]:
                    value = self._anaphoric(g, w, last_day, pub)
                elif g["am"] or g["ay"]:
                    value = self._anaphoric_period(g, w, last_dated)
                elif g["tH"] and last_day:  # 下午4时 after 昨天下午2时: a clock time on the last day dated before it
                    value = self._time_only(g, w, last_day)
                else:
                    future = self._future(ctx.folded, m, words, w)  # 将于十月起: next October
                    past = not future and self._led_by("past_words", ctx.folded, m.start())  # 曾于9月: last September
                    value = self._resolve(g, w, pub, ctx.region, shift=shift, future=future, past=past)
                if value is None:
                    continue
                hours = w["anaphoric_day_hours"].get(g["ad"], 0) if g["ad"] else 12 if g["tdn"] else 0  # 当晚9时: 21:00
                at, value = self._festival(ctx.folded, m.end(), end, value, ctx.region, w)
                end_, value = self._day_part(ctx.folded, at, end, value, w, words, hours)
                end_ = self._approximate(ctx.folded, end_, end, value, w)
                wd = self._bracketed_weekday_re["after"].match(ctx.folded, end_, end)
                if wd and value.granularity == "day" and not value.end:  # 30日(周二)傍晚7时28分
                    end_, value = self._day_part(ctx.folded, wd.end(), end, value, w, words)
                    end_ = self._approximate(ctx.folded, end_, end, value, w)
                end_ = self._tail(ctx.folded, end_, end, words, w, ctx.segment)
                end_, value = self._month_tail(ctx.folded, end_, end, value, words, w)
                said = ctx.folded[m.start() : end_]
                offset = next((n for word, n in w["relative_years"].items() if said.startswith(word)), None)
                if ctx.folded.endswith(w["same_period"], m.start(), end_):
                    value = _same_period(value, last_period, offset)  # 今年第三季 … 去年同期: last year's third quarter
                elif ctx.folded.endswith(w["same_month"], m.start(), end_):
                    month = last_period if last_period is not None and last_period.granularity == "month" else None
                    value = _same_period(value, month, offset)  # 11月 … 上年同月: the November a year before
                elif value.value and value.granularity in w["period_granularities"]:
                    last_period = value
                reach = end_  # 5月15日上午10时: the clock time is part of this date, not another
                backward = g["ad"] and w["anaphoric_days"][g["ad"]] < 0  # 较前一日: a comparison, not the story's day
                if not backward:
                    last_day = _day_of(value) or last_day
                    last_dated = value if value.value and not value.end else last_dated
                conf = 0.95 if not value.relative else 0.85
                mentions.append(Mention(m.start(), end_, "DATE", "rule", "dates.grammar", conf, value))
        return _join_ranges(
            ctx.folded, self._bracketed(ctx.folded, sorted(mentions, key=lambda x: (x.start, x.end))), w
        )

    def _mid_year(self, text: str, m: re.Match[str], words: Words, w: dict) -> bool:
        """Is this 年中 the middle of a year? After a year (去年年中) it is; alone (预计年中完工) only as
        jieba's words 年 and 中, led by a word that sets a time or followed by a clause's end or a time word
        (not 该|年|中共, 年中考核)."""
        if m["y"] or m["by"] or m["ry"] or m["roc"] or m["y3"]:
            return True
        at = m.start("part")
        year, middle = words.at(at), words.at(at + 1)
        mid = w["mid_year"]
        if year is None or middle is None or (year.start, year.end, middle.start) != (at, at + 1, at + 1):
            return False
        if middle.end != at + 2 and not text.startswith(tuple(mid["after"]), at + 2):
            return False  # 年中前 (jieba: 年|中前) is mid-year, before a word of time
        led = self._led_by("future_words", text, at) or text.endswith(tuple(w["period_end_words"]), 0, at)
        return led or text.endswith(tuple(mid["leads"]), 0, at) or text.startswith(tuple(mid["after"]), m.end())

    @cached_property
    def _bracketed_weekday_re(self) -> dict[str, re.Pattern[str]]:
        """A weekday in brackets after a date (5月2日(星期六)), or before a date in brackets (星期四(11月9日),
        上周五(6日), 今（22日）)."""
        w = data.table("zh/dates.json")
        weekday = _weekday(w)
        weeks = alternation(w["relative_weeks"])
        return {
            "after": re.compile(rf"\s*[（(]{weekday}[)）]"),
            # 今（22日）, 昨(21日): 今 or 昨 alone before its day in brackets (not 至今, 如今)
            "before": re.compile(rf"(?:(?:{weeks})[一二三四五六日天]|{weekday}|(?<![至如迄现当])[今昨])\s*[（(]\s*$"),
            "close": re.compile(r"\s*[)）]"),
        }

    def _bracketed(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A date in brackets after the day it dates is one DATE with it, valued by the bracketed date.

        星期四(11月9日), 昨日(五月一日), 今日(五月二日): the weekday or relative day and its date in
        brackets are one expression; the bracketed date gives the value. A day alone in brackets
        after a relative day glosses it and stays its own DATE (今日（30日）).
        """
        res = self._bracketed_weekday_re
        out: list[Mention] = []
        for m in mentions:
            close = res["close"].match(text, m.end)
            if close and m.normalized.value and m.normalized.granularity in ("day", "minute"):
                before = res["before"].search(text, max(0, m.start - 8), m.start)
                prev = out[-1] if out else None
                opening = text[prev.end : m.start].strip() if prev else ""
                if before:
                    m = replace(m, start=before.start(), end=close.end())
                    while out and out[-1].start >= m.start:  # 上周五 of 上周五(6日) is part of it
                        out.pop()
                elif (
                    prev
                    and opening in ("(", "（")
                    and "月" in text[m.start : m.end]
                    and prev.normalized.relative
                    and prev.normalized.granularity == "day"
                ):
                    out.pop()  # 昨日(五月一日)
                    m = replace(m, start=prev.start, end=close.end())
            out.append(m)
        return out

    @cached_property
    def _festival_re(self) -> re.Pattern[str]:
        """A festival's name after a year, in quotes or not, with the word for its days off (“五一”假期)."""
        w = data.table("zh/dates.json")
        names = {*w["festivals"], *(n for days in w["festival_regions"].values() for n in days)}
        return re.compile(
            rf"[“「『\"]?(?P<name>{alternation(sorted(names))})[”」』\"]?(?:{alternation(w['festival_holidays'])})?"
        )

    def _festival(self, text: str, at: int, stop: int, value: DateValue, region: str, w: dict) -> tuple[int, DateValue]:
        """A year and the festival after it (2024年春节, 今年国庆假期): the festival's day that year, one DATE.

        Lunar festivals and solar terms (春节, 中秋节, 清明节) are computed by LunarCalendar (``LUNAR_YEARS``);
        a year outside its tables leaves the year as it was.
        """
        if value.granularity != "year" or not value.value or value.end:
            return at, value
        m = self._festival_re.match(text, at, stop)
        if not m:
            return at, value
        festival = w["festival_regions"].get(region, {}).get(m["name"]) or w["festivals"][m["name"]]
        day = _festival_day(int(value.value), festival)
        if day is None:
            return at, value
        return m.end(), DateValue(value=day.isoformat(), granularity="day", relative=value.relative, note=value.note)

    @staticmethod
    def _approximate(text: str, at: int, stop: int, value: DateValue, w: dict) -> int:
        """The end of a date with the word that makes it approximate (11月24日左右, 凌晨5时许, 3点多)."""
        for word in w["approximate_words"].get(value.granularity, ()):
            if text.startswith(word, at) and at + len(word) <= stop and not text.startswith("许多", at):
                return at + len(word)
        return at

    @staticmethod
    def _tail(
        text: str, at: int, stop: int, words: Words, w: dict, segment: Callable[[str], list[Token]] | None = None
    ) -> int:
        """The end of a date with a word the guidelines keep in its span (去年同期), where that word is not
        the start of another; a longer word that is the tail and a word of its own (同期相比: 同期 + 相比)
        still begins with the tail."""
        for word in w["date_tails"]:
            if not (text.startswith(word, at) and at + len(word) <= stop):
                continue
            longer = words.word_from(at, at + len(word))
            rest = text[at + len(word) : longer.end] if longer is not None else ""
            if longer is None or (segment is not None and len(rest) > 1 and [t.text for t in segment(rest)] == [rest]):
                return at + len(word)
        return at

    @cached_property
    def _lunar_re(self) -> re.Pattern[str]:
        """A day of the lunar calendar: 农历八月十五, 2024年农历正月初八, 正月十五, 腊月二十三, 大年初三."""
        w = data.table("zh/dates.json")
        digit = "[一二三四五六七八九]"
        day = rf"(?P<ld>初[一二三四五六七八九十]|十{digit}?|二十{digit}?|廿{digit}?|三十)"
        month = rf"(?P<lm>{alternation(w['lunar_months'])}|十[一二]?|[二三四五六七八九])月"
        return re.compile(
            rf"(?:(?P<ly>\d{{4}}|[{_ZD}]{{4}})年)?(?:(?:农历|阴历)(?P<leap>闰)?{month}|(?P<lm0>{alternation(w['lunar_months'])})月"
            rf"|(?P<ny>大年))(?:{day})(?![{_ZD}十廿])"
        )

    def _lunar_days(self, text: str, start: int, end: int) -> list[Mention]:
        """Days of the lunar calendar after a year (2024年农历正月初八): valued by their solar day that lunar year.
        Without a year (农历八月十五, 正月初五, 大年初一) they are a festival's day without a year, no date, and
        hold their month and day from the solar grammar (not August). A returned mention without a value only
        holds its span."""
        w = data.table("zh/dates.json")
        out = []
        for m in self._lunar_re.finditer(text, start, end):
            if not m["ly"]:
                out.append(Mention(m.start(), m.end(), "DATE", "rule", "dates.lunar", 0.0, None))
                continue
            name = m["lm"] or m["lm0"] or ("正" if m["ny"] else None)
            month = w["lunar_months"][name] if name in w["lunar_months"] else int(parse_number(name))
            day = int(parse_number(m["ld"].removeprefix("初")))
            found = _lunar_day(int(parse_number(m["ly"])), month, day, bool(m["leap"]))
            if found is None:
                note = "no such lunar day"
                value = DateValue(value=None, granularity="day", relative=False, note=note)
            else:
                value = DateValue(value=found.isoformat(), granularity="day", relative=False, note="lunar")
            out.append(Mention(m.start(), m.end(), "DATE", "rule", "dates.lunar", 0.85, value))
        return out

    @staticmethod
    def _month_tail(text: str, at: int, stop: int, value: DateValue, words: Words, w: dict) -> tuple[int, DateValue]:
        """A month's middle or a range of its thirds, part of its span and valued as the month: 6月中 and
        本月中 (jieba's 中 of its own, or before a word of time: 本月中将公布; not 6月中国), 12月中旬至下旬."""
        if value.granularity != "month" or value.end or not value.value:
            return at, value
        mid = w["mid_month"]
        if text.endswith("月", 0, at) and text.startswith(mid["part"], at) and at + 1 <= stop:
            token = words.at(at)
            if token is not None and token.start == at:
                if token.end == at + 1 or text.startswith(tuple(mid["after"]), at + 1):
                    at += 1
        tens = re.match(rf"(?:{alternation(w['range_words'])})(?:{alternation(w['month_tens'])})", text[at:stop])
        if tens and text.endswith(("旬", "中"), 0, at):  # 12月中旬至下旬: to the month's last third
            at, value = at + tens.end(), value.model_copy(update={"end": value.value})
        return at, value

    @cached_property
    def _fiscal_shift_re(self) -> re.Pattern[str]:
        """截至9月底上半年: a half or quarter said to end in a month, which fixes the article's fiscal calendar."""
        w = data.table("zh/dates.json")
        parts = [p for p, (_, last, gran) in w["year_parts"].items() if last and gran in ("half", "quarter")]
        return re.compile(
            rf"(?:{alternation(w['period_end_words'])})(?P<m>{_MONTH})月(?:{alternation(w['month_end_words'])})?"
            rf"(?:止|为止)?的?(?P<part>{alternation(parts)})"
        )

    def _fiscal_shift(self, text: str, w: dict) -> int:
        """Months by which the article's halves and quarters are shifted from the calendar's.

        新电信截至9月底上半年: a first half ending in September runs April to September, so every
        上半年 of that article does; 0 when the article ties no half or quarter to its last month.
        """
        m = self._fiscal_shift_re.search(text)
        if not m:
            return 0
        last = int(w["year_parts"][m["part"]][1])
        return (int(parse_number(m["m"])) - last) % 12

    @cached_property
    def _leads_re(self) -> dict[str, re.Pattern[str]]:
        """Words right before a date that change how it reads: ``duration_leads`` (判刑, 为期, 隔离: a month or
        day after one is a length of time), ``future_words`` (将于, 預計: the date is ahead; also with a verb
        of moving it between: 将延至, 预料在), ``past_words`` (曾于, 早在: the date is behind) and
        ``recurring_leads`` (每年, 每月: the month or day recurs) and ``daily_leads`` (每天: the clock time recurs)."""
        w = data.table("zh/dates.json")
        keys = ("duration_leads", "duration_bounds", "future_words", "past_words", "recurring_leads", "daily_leads")
        out = {key: re.compile(rf"(?:{alternation(w[key])})\s*$") for key in keys}
        # 徒刑4年 + 6月: a count of years between the word of length and the month
        years = r"(?:\d{1,2}|[〇零一二三四五六七八九十两]{1,3})年"
        out["duration_leads"] = re.compile(rf"(?:{alternation(w['duration_leads'])})\s*(?:{years})?\s*$")
        moved = alternation(w["future_moves"])
        out["future_words"] = re.compile(rf"(?:{alternation(w['future_words'])})(?:{moved})?\s*$")
        return out

    def _led_by(self, key: str, text: str, at: int) -> bool:
        """Does a word of ``key`` (``_leads_re``) end just before ``at`` (within eight characters)?"""
        return bool(self._leads_re[key].search(text, max(0, at - 8), at))

    def _future(self, text: str, m: re.Match[str], words: Words, w: dict) -> bool:
        """Does the text speak of the date as ahead: a future word before it (将于十月), or right after it a
        word of the future (10月即将, 周五有望) or 将 before a verb, an idiom, an adverb or a preposition (周五将访问,
        周五将首次出访; not 周三将两人拘捕, where 将 is the object marker)?"""
        if self._led_by("future_words", text, m.start()):
            return True
        at = m.end()
        if text.startswith(tuple(w["future_after"]), at):
            return True
        token = words.at(at)
        if token is None or token.start != at or token.text != "将":
            return False
        verb = words.at(token.end)
        return verb is not None and verb.start == token.end and verb.pos.startswith(("v", "l", "d", "a", "p"))

    def _duration(self, text: str, m: re.Match[str], g: dict, words: Words) -> bool:
        """判刑6月, 隔离七日: a month or day without a year after a word of length is a duration, no date;
        so is a day without a month before a word of within, a word of its own (七日内, 3日之内; not the 内
        of 25日内部会议), or after a bound (不多於14日; not 不超过15日前)."""
        bare_month = g["m"] and not (g["d"] or g["y"] or g["y3"] or g["roc"] or g["ry"])
        if g["day"] and (token := words.at(m.end())) is not None and token.start == m.end():
            if token.text in self._within_words:
                return True
        if g["day"] and not g["day2"] and self._led_by("duration_bounds", text, m.start()):
            return not text.startswith(tuple(data.table("zh/dates.json")["duration_bound_not_before"]), m.end())
        return bool(bare_month or g["day"]) and self._led_by("duration_leads", text, m.start())

    @cached_property
    def _within_words(self) -> frozenset[str]:
        """之内, 以内, 内: after a bare day they make it a length of time (七日内)."""
        return frozenset(data.table("zh/dates.json")["duration_trails"])

    def _recurring(self, text: str, m: re.Match[str], g: dict) -> bool:
        """每年3月, 每月5日: a month or day without a year after a word of repetition recurs; so does a clock time
        alone after a word for every day (每天上午10时: opening hours); neither is a date."""
        bare = (g["m"] or g["day"]) and not (g["y"] or g["by"] or g["y3"] or g["roc"] or g["ry"])
        if g["tH"] and self._led_by("daily_leads", text, m.start()):
            return True
        return bool(bare) and self._led_by("recurring_leads", text, m.start())

    @cached_property
    def _day_part_re(self) -> re.Pattern[str]:
        """A part of the day and/or a clock time after a day: 上午, 晚上8时, 下午3点半, 凌晨5時許, 今晨约6时 (an
        approximate word before the clock, in the date)."""
        w = data.table("zh/dates.json")
        number = rf"(?:[01]?\d|2[0-4]|[{_ZD}十两兩]{{1,3}})"
        return re.compile(
            rf"(?P<part>{alternation(w['day_parts'])})?\s*(?:(?:大约|约)(?=[\d{_ZD}十两兩]))?"
            rf"(?:(?P<H>{number})[时時点點](?:(?P<M>[0-5]?\d|[{_ZD}十]{{1,3}})分|(?P<half>半))?(?:许|許|左右|正)?)?"
        )

    def _day_part(
        self, text: str, at: int, stop: int, value: DateValue, w: dict, words: Words, hours: int = 0
    ) -> tuple[int, DateValue]:
        """Extend a day by a clock time after it (5月15日上午10时, 14日晚8點半): the value is then the minute.
        ``hours`` are added to a clock time without a part of the day before it when the day is a part of
        the day itself (当晚9时 is 21:00).

        The part of the day alone stays outside the date (25日上午 is 25日), and a part that begins
        a longer word is none (3日晚会: the 晚 of 晚会).
        """
        if value.granularity != "day" or value.end:
            return at, value
        m = self._day_part_re.match(text, at, stop)
        if not m or not (m["part"] or m["H"]) or (m["part"] and words.word_from(m.start("part"), m.end("part"))):
            return at, value
        if not m["H"] or value.value is None:  # 25日上午: the part alone stays outside, the day is the value
            return at, value
        hour = int(parse_number(m["H"]))
        if m["part"]:
            hour = _hour_of_day(hour, m["part"], w)
        elif hour < 12:
            hour += hours
        minute = 30 if m["half"] else int(parse_number(m["M"])) if m["M"] else 0
        clock = _on_the_clock(value.value, hour, minute)
        if clock is None:
            return at, value
        return m.end(), DateValue(value=clock, granularity="minute", relative=value.relative, note=value.note)

    def _ago(self, ctx: Context, start: int, end: int, day_at: Callable[[int], date | None], w: dict) -> list[Mention]:
        """两年前 -> the year two before the publication, 三个月前 -> the month, 一周前 and 10天前 -> the day."""
        out = []
        for m in ago_re().finditer(ctx.folded, start, end):
            try:
                count = int(parse_number(m["num"]))
            except ValueError:
                continue
            unit, pub = w["ago_units"][m["unit"]], day_at(m.start())
            granularity = unit if unit in ("year", "month") else "day"  # a week ago: the day
            if not count:
                continue
            if pub is None:
                value = DateValue(value=None, granularity=granularity, relative=True, note=_NO_PUB)
            elif granularity == "year":
                value = DateValue(value=f"{pub.year - count:04d}", granularity="year", relative=True)
            elif granularity == "month":
                months = pub.year * 12 + pub.month - 1 - count
                value = DateValue(value=f"{months // 12:04d}-{months % 12 + 1:02d}", granularity="month", relative=True)
            else:
                days = count * 7 if unit == "week" else count
                value = DateValue(value=(pub - timedelta(days=days)).isoformat(), granularity="day", relative=True)
            out.append(Mention(m.start(), m.end(), "DATE", "rule", "dates.ago", 0.85, value))
        return out

    @cached_property
    def _relative_day_parts_re(self) -> re.Pattern[str]:
        """昨晚, 今晨, 前晚: the words for a relative day and a part of the day, compiled once."""
        return re.compile(alternation(data.table("zh/dates.json")["relative_day_parts"]))

    def _relative_day_parts(
        self, ctx: Context, start: int, end: int, day_at: Callable[[int], date | None], w: dict
    ) -> list[Mention]:
        """昨晚, 今晨, 前晚 (with a clock time after them: 昨晚10時): a relative day and a part of the day."""
        out = []
        for m in self._relative_day_parts_re.finditer(ctx.folded, start, end):
            offset, hours = w["relative_day_parts"][m[0]]
            pub = day_at(m.start())
            if pub is None:
                value = DateValue(value=None, granularity="day", relative=True, note=_NO_PUB)
            else:
                value = DateValue(value=(pub + timedelta(days=offset)).isoformat(), granularity="day", relative=True)
            stop = m.end()
            clock = self._day_part_re.match(ctx.folded, m.end(), end)
            if clock and clock["H"] and not clock["part"] and value.value:
                hour = int(parse_number(clock["H"]))
                hour += hours if hour < 12 else 0
                minute = 30 if clock["half"] else int(parse_number(clock["M"])) if clock["M"] else 0
                clock_value = _on_the_clock(value.value, hour, minute)
                if clock_value is not None:
                    stop = clock.end()
                    value = DateValue(value=clock_value, granularity="minute", relative=True)
            out.append(Mention(m.start(), stop, "DATE", "rule", "dates.grammar", 0.85, value))
        return out

    @staticmethod
    def _own_words(
        m: re.Match[str], pattern: re.Pattern[str], text: str, words: Words, w: dict
    ) -> re.Match[str] | None:
        """The match, without what belongs to a neighbouring word; None when nothing is left.

        据初步: the 初 of 初步 is no part of a date (2024年初步 is read 2024年); 多年底蕴: the 年 of 多年;
        晚上周五: the 上 of 晚上; 当日本: the 日 of 日本; 提前4个月: the 前 of 提前; 投产后年产值: the 年 of 年产值.
        """
        word_end = m.end("am") if m["am"] else m.end("ay")
        if (m["am"] or m["ay"]) and (words.continues(m.start()) or words.word_from(m.start(), word_end)):
            return None  # 不同年份, 同年龄: the 同 of 不同, the 年 of 年龄 (but 当/月销量: 当月's sales)
        if m["wk"] or m["ad"]:
            if words.continues(m.start()) and not DateExtractor._after_glued_lead(m.start(), text, words, w):
                return None
            tail = words.straddles(m.start(), m.end())
            if tail is not None and not (m["wkd"] and DateExtractor._weekday_from(m, tail, text, w)):
                return None
        if m["rd"] and words.continues(m.start()) and not DateExtractor._after_glued_lead(m.start(), text, words, w):
            return None  # 前后天气, 考试前后天天: the 后 of 前后 (but 将于今天: a preposition jieba joined)
        if m["rd"] in w["bare_relative_days"]:
            # 衛生局今公布, 新規今起實施: 今 alone is today as a word of its own before a verb (not 今后, 至今)
            token, after = words.at(m.start()), words.at(m.end())
            alone = token is not None and (token.start, token.end) == (m.start(), m.end())
            if not (
                alone and after is not None and after.pos.startswith("v") and after.text not in w["not_after_bare_day"]
            ):
                return None
        if m["m"] == "元" and words.continues(m.start("m")):
            return None  # 单元月考: the 元 of 单元
        if m["ry"] and m.end("ry") == m.end() and words.straddles(m.start("ry"), m.end("ry")) is not None:
            return None  # 投产后年产值, 实施后年轻人: the 年 of 年产值 and 年轻人, no 后年
        if m["day"] and not m["day2"] and words.word_from(m.start(), m.end("dsuf")) is not None:
            return None  # 一日游, 一日三餐, 一日千里: a word of jieba's that goes on past the day's 日 counts a day
        bare = not (m["y"] or m["by"] or m["y3"] or m["roc"] or m["ry"] or m["m"] or m["bm"])
        if (m["part"] or m["first"]) and bare and words.continues(m.start()):
            return None  # 提前4个月: the 前 of 提前
        if m["part"] in w["single_year_parts"] and (word := words.word_from(m.end() - 1, m.end())) is not None:
            if word.text not in w["year_part_words"]:  # 年初步 (but 十二月底前: before the month's end)
                return pattern.match(text, m.start(), m.end() - 1)
        if m["pend"] and words.word_from(m.start("pend"), m.end("pend")) is not None:
            return pattern.match(text, m.start(), m.start("pend"))  # 一季度初步: the 初 of 初步
        return m

    @staticmethod
    def _after_glued_lead(pos: int, text: str, words: Words, w: dict) -> bool:
        """将于本周四, 會議於本週五: jieba's dictionary joins a preposition to the 本 after it (于本周, 將於本);
        the word's head before ``pos`` is then only the preposition, and the date begins at ``pos``."""
        token = words.at(pos)
        return token is not None and text[token.start : pos] in w["glued_leads"]

    @staticmethod
    def _weekday_from(m: re.Match[str], tail: Token, text: str, w: dict) -> bool:
        """下周一起实施: jieba's 一起 (together) is the weekday and 起 (from), when 起 ends a clause or a
        verb of starting follows it (实施, 生效), or 自/从 opens the date (从下周一起)."""
        if text[tail.start : tail.end] != m["wkd"] + "起":
            return False
        after = text[tail.end : tail.end + 4]
        lead = text[max(0, m.start() - 1) : m.start()]
        starts = w["weekday_from"]
        return lead in starts["leads"] or after[:1] in starts["punctuation"] or after.startswith(tuple(starts["verbs"]))

    @staticmethod
    def _anaphoric(g: dict, w: dict, last_day: date | None, pub: date | None) -> DateValue:
        """当天, 次日: a day counted from the last dated day before it, else from the publication date."""
        offset = w["anaphoric_days"][g["ad"]]
        base = last_day or pub
        if base is None:
            return DateValue(value=None, granularity="day", relative=True, note="no earlier date nor publication date")
        note = None if last_day or not offset else "counted from the publication date: no dated day before it"
        return DateValue(value=(base + timedelta(days=offset)).isoformat(), granularity="day", relative=True, note=note)

    @staticmethod
    def _anaphoric_period(g: dict, w: dict, last: DateValue | None) -> DateValue | None:
        """当月, 次年: the month or year of the last dated mention before it, or the one after; None without
        one (他们是同年入学的: the same year as each other, not a date of the story). A month counted from a
        mention that gives only its year has no value."""
        if last is None or not last.value:
            return None
        month = bool(g["am"])
        year = int(last.value[:4])
        if not month:
            year += w["anaphoric_years"][g["ay"]]
            if g["aym"] and g["ayd"]:  # 同年10月5日
                return DateExtractor._day(year, int(parse_number(g["aym"])), parse_number(g["ayd"]), relative=True)
            if g["aym"]:  # 同年10月, 次年3月
                month = int(parse_number(g["aym"]))
                return DateValue(value=f"{year:04d}-{month:02d}", granularity="month", relative=True)
            return DateValue(value=f"{year:04d}", granularity="year", relative=True)
        if len(last.value) < 7:
            return DateValue(
                value=None, granularity="month", relative=True, note="the mention before it gives no month"
            )
        months = year * 12 + int(last.value[5:7]) - 1 + w["anaphoric_months"][g["am"]]
        return DateValue(value=f"{months // 12:04d}-{months % 12 + 1:02d}", granularity="month", relative=True)

    def _resolve(
        self,
        g: dict,
        w: dict,
        pub: date | None,
        region: str,
        shift: int = 0,
        future: bool = False,
        past: bool = False,
    ) -> DateValue | None:
        """The value of a match: ``shift`` moves halves and quarters to the article's fiscal calendar,
        ``future`` puts a month without a year on or after the publication month, ``past`` on or before it."""
        if g["sy"]:
            return self._slashed(g, region)
        if g["iy"]:
            return self._iso(g)
        if g["wk"]:
            return self._week(g, w, pub)
        if g["fy"]:
            return self._fiscal(g, w, region)
        if g["rq"]:
            return self._relative_quarter(g, w, pub)
        if g["rdr"]:
            return self._relative_days(g, w, pub)
        if g["rm"] or g["rd"]:
            return self._relative_short(g, w, pub)
        if g["rfy"]:
            return self._relative_fiscal(g, w, pub, region)
        if g["dec"]:
            return self._decade(g, w, pub)
        if g["nm"]:
            return self._month_day(g, pub, region)
        if g["day"] or g["td"]:
            if pub is None:
                return DateValue(
                    value=None, granularity="day", relative=True, note="day of month without publication date"
                )
            year, month = self._nearest_month(pub, int(parse_number(g["day"] or g["td"])))
            value = self._day(year, month, parse_number(g["day"] or g["td"]), relative=True)
            if value.value and g["day2"]:  # 20至22日: the range's start, ending on the other day
                value = value.model_copy(update={"end": self._day_end(year, month, g["day2"])})
            if value.value and g["d_H"]:
                minute = g["d_M"] or g["d_M2"] or _half(g["d_half"])
                value = value.model_copy(update=self._clock(value.value, g["d_H"], minute, g["d_ampm"], w))
            return value
        if g["tH"]:
            return self._time_only(g, w, pub)
        if g["bm"]:  # 上（2）月: the bracketed month, placed like a month without a year
            g = {**g, "m": g["bm"]}
        if not (g["y"] or g["by"] or g["y3"] or g["roc"] or g["ry"] or g["m"] or g["part"] or g["first"]):
            return None  # a bare 以来 anchors nothing
        if g["y3"] and region != "tw":
            return None  # a three-digit year is a ROC year only in Taiwanese text
        relative = not (g["y"] or g["by"] or g["y3"] or g["roc"])
        if relative and pub is None:
            part = w["year_parts"].get(g["part"]) if g["part"] and not (g["m"] or g["d"]) else None
            granularity = "day" if g["d"] else "month" if g["m"] else part[2] if part else "year"  # 一季度: quarter
            return DateValue(value=None, granularity=granularity, relative=True, note=_NO_PUB)
        if g["by"]:  # 去（2024）年; 去（113）年 in ROC years
            year = int(g["by"]) + (1911 if len(g["by"]) == 3 else 0)
        elif g["roc"] or g["y3"]:
            year = int(parse_number(g["roc"] or g["y3"])) + 1911
        elif g["y"]:
            year = int(parse_number(g["y"]))
            if not 1800 <= year <= 2200:
                return None
        else:
            year = pub.year + w["relative_years"].get(g["ry"] or "今年", 0)
        since_end = pub.isoformat() if (g["since"] and pub) else None
        if g["m"]:
            month = 1 if g["m"] == "元" else int(parse_number(g["m"]))
            if relative and not g["ry"]:
                # 1至10月 in November is this year's: a range is placed where it is nearest, whole
                last = int(parse_number(g["m2"])) if g["m2"] else month
                year = self._nearest_year(pub, month, future, last=last, past=past)
            if g["d"]:
                value = self._day(year, month, parse_number(g["d"]), relative=relative)
                if value.value and g["H"]:
                    minute = g["M"] or g["M2"] or _half(g["half"])
                    value = value.model_copy(update=self._clock(value.value, g["H"], minute, g["ampm"], w))
                if value.value and g["wd"]:
                    value = self._check_weekday(value, g["wd"], w)
                if value.value and (g["d2"] or g["d2b"]):  # 6月13~18日, 4月22日至5月3日
                    end_month = int(parse_number(g["m3"])) if g["m3"] else month
                    end_year = year + 1 if end_month < month else year
                    end_day = self._day_end(end_year, end_month, g["d2"] or g["d2b"])
                    value = value.model_copy(update={"end": end_day})
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
            if g["part"] in w["fiscal_parts"] and not shift:
                shift = w["fiscal_year_start_month"].get(region, 1) - 1
            shifted = shift and granularity in ("half", "quarter") and last
            if g["pend"] and last:  # 一季度末, 上半年底: the period's last month; 三季度初: its first
                edge = year * 12 + int(last if w["period_ends"][g["pend"]] == "last" else first) - 1
                edge += shift if shifted else 0
                note = "fiscal " + granularity if shifted else None
                value = f"{edge // 12:04d}-{edge % 12 + 1:02d}"
                return DateValue(value=value, granularity="month", end=since_end, relative=relative, note=note)
            if shifted:
                begin, stop = year * 12 + int(first) - 1 + shift, year * 12 + int(last) - 1 + shift
                return DateValue(
                    value=f"{begin // 12:04d}-{begin % 12 + 1:02d}",
                    granularity=granularity,
                    end=f"{stop // 12:04d}-{stop % 12 + 1:02d}",
                    relative=relative,
                    note="fiscal " + granularity,
                )
            return DateValue(
                value=f"{year:04d}-{first}",
                granularity=granularity,
                end=f"{year:04d}-{last}" if last else since_end,
                relative=relative,
            )
        if g["y2"]:  # 2021至2023年: from the first year to the second
            end = int(parse_number(g["y2"]))
            return DateValue(value=f"{year:04d}", granularity="year", end=f"{end:04d}", relative=relative)
        return DateValue(value=f"{year:04d}", granularity="year", end=since_end, relative=relative)

    @staticmethod
    def _day_end(year: int, month: int, day: str) -> str | None:
        """The last day of a range (18 of 6月13~18日) as ISO, or None when there is no such day."""
        try:
            return date(year, month, int(parse_number(day))).isoformat()
        except ValueError:
            return None

    @staticmethod
    def _nearest_year(pub: date, month: int, future: bool = False, last: int | None = None, past: bool = False) -> int:
        """12月 in a text of 2 January is last December: the year that puts the month nearest the publication.

        A range of months (1至10月, to ``last``) is nearest where the publication is inside it, else
        where its last month is closest: the range is placed whole (1-10月 in December is this
        year's, just over, not next year's, which would begin next month). After 将于 (``future``)
        the month is the next one of that name: 将于十月 in March is this October.
        """
        if future:
            return pub.year if month >= pub.month else pub.year + 1
        if past:  # 曾于9月: the last September on or before the publication
            return pub.year if month <= pub.month else pub.year - 1
        last = month if last is None or last < month else last
        now = pub.year * 12 + pub.month

        def distance(y: int) -> tuple[int, bool]:  # a tie: this year
            begin, end = y * 12 + month, y * 12 + last
            return (0 if begin <= now <= end else abs(end - now), y != pub.year)

        return min((pub.year - 1, pub.year, pub.year + 1), key=distance)

    @staticmethod
    def _nearest_month(pub: date, day: int) -> tuple[int, int]:
        """28日 in a text of 2 October is 28 September: the month (this, the last or the next) that puts the
        day nearest the publication; of two as near, the earlier (31日 on 1 November is 31 October)."""

        def candidate(shift: int) -> date | None:
            months = pub.year * 12 + pub.month - 1 + shift
            try:
                return date(months // 12, months % 12 + 1, day)
            except ValueError:
                return None

        days = [d for d in map(candidate, (-1, 0, 1)) if d is not None]
        if not days:
            return pub.year, pub.month
        best = min(days, key=lambda d: (abs((d - pub).days), d))
        return best.year, best.month

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
    def _decade(g: dict, w: dict, pub: date | None) -> DateValue:
        """上世纪九十年代 (the century before the publication's), 20世纪60年代, 2010年代: the decade, valued by its
        first year; a decade without its century (九十年代) is the last of that name to begin by the publication."""
        decade = int(parse_number(g["dec"]))
        if g["cn"] or g["dcy"]:
            century = int(g["dcy"]) * 100 if g["dcy"] else (int(parse_number(g["cn"])) - 1) * 100
            relative = False
        elif pub is None:
            return DateValue(value=None, granularity="year", relative=True, note=_NO_PUB)
        elif g["rc"]:
            century, relative = (pub.year // 100 + w["centuries"][g["rc"]]) * 100, True
        else:
            this = pub.year // 100 * 100
            century, relative = (this if this + decade <= pub.year else this - 100), True
        year = century + decade
        return DateValue(value=f"{year:04d}", granularity="year", end=f"{year + 9:04d}", relative=relative)

    @staticmethod
    def _relative_fiscal(g: dict, w: dict, pub: date | None, region: str) -> DateValue:
        """本财年, 本财政年度 (首9个月): the fiscal year the publication falls in (Hong Kong's start in April)."""
        if pub is None:
            return DateValue(value=None, granularity="year", relative=True, note=_NO_PUB)
        start = w["fiscal_year_start_month"].get(region, 1)
        year = (pub.year if pub.month >= start else pub.year - 1) + w["relative_fiscal_years"][g["rfy"]]
        if not g["ffirst"]:
            return DateValue(value=f"{year:04d}", granularity="year", relative=True, note="fiscal year")
        months = int(parse_number(g["ffirst"]))
        if not 1 <= months <= 12:
            return DateValue(value=f"{year:04d}", granularity="year", relative=True, note="fiscal year")
        stop = year * 12 + start - 1 + months - 1
        return DateValue(
            value=f"{year:04d}-{start:02d}",
            granularity="month",
            end=f"{stop // 12:04d}-{stop % 12 + 1:02d}",
            relative=True,
            note="fiscal year",
        )

    @staticmethod
    def _clock(day: str, hour: str, minute: str | None, ampm: str | None, w: dict) -> dict:
        h = _hour_of_day(int(parse_number(hour)), ampm, w)
        return {"value": f"{day}T{h:02d}:{int(parse_number(minute or '0')):02d}", "granularity": "minute"}

    def _slashed(self, g: dict, region: str) -> DateValue | None:
        year = int(g["sy"])
        if len(g["sy"]) < 4:
            if region != "tw":
                return None
            year += 1911
        return _at_clock(self._day(year, int(g["sm"]), int(g["sd"]), relative=False), g["sH"], g["sM"])

    def _iso(self, g: dict) -> DateValue | None:
        """2025-07-01, 2025-07-01 08:00; a page's 2019-12-03 17:22:41 to the minute."""
        year = int(g["iy"])
        if not 1800 <= year <= 2200:
            return None
        return _at_clock(self._day(year, int(g["im"]), int(g["id"]), relative=False), g["iH"], g["iM"])

    @staticmethod
    def _week(g: dict, w: dict, pub: date | None) -> DateValue:
        """上周五, 本周一, 下周三: that weekday of the week (Monday to Sunday) before, of or after the publication's;
        上周, 本周 alone: that week, valued by its Monday, to its Sunday; 上周末: that week's Saturday to Sunday."""
        granularity = "day" if g["wkd"] or g["wke"] else "week"
        if pub is None:
            return DateValue(value=None, granularity=granularity, relative=True, note=_NO_PUB)
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=w["relative_weeks"][g["wk"]])
        if g["wke"]:
            saturday, sunday = monday + timedelta(days=5), monday + timedelta(days=6)
            return DateValue(value=saturday.isoformat(), granularity="day", end=sunday.isoformat(), relative=True)
        if not g["wkd"]:
            end = (monday + timedelta(days=6)).isoformat()
            return DateValue(value=monday.isoformat(), granularity="week", end=end, relative=True)
        day = monday + timedelta(days=w["weekdays"][g["wkd"]])
        return DateValue(value=day.isoformat(), granularity="day", relative=True)

    @staticmethod
    def _fiscal(g: dict, w: dict, region: str) -> DateValue | None:
        start_year = int(parse_number(g["fy"]))
        if g["fys"].startswith("学"):  # a school year: its first year, to its second
            second = int(parse_number(g["fy2"]))
            second = second if second >= 1000 else start_year // 100 * 100 + second
            if second != start_year + 1:
                return None
            return DateValue(
                value=f"{start_year:04d}", granularity="year", end=f"{second:04d}", relative=False, note="school year"
            )
        # 2024/25 crosses a new year: where the region's fiscal year is the calendar year, the split one is
        # the April-to-March year of Hong Kong, Singapore, the UK, Japan and many companies' reports
        start_month = w["fiscal_year_start_month"].get(region, 1)
        start_month = start_month if start_month > 1 else w["split_fiscal_year_start_month"]
        end_year, end_month = (start_year + 1, start_month - 1) if start_month > 1 else (start_year, 12)
        return DateValue(  # valued by its first year, as 本财年 is: where it ends says which months it holds
            value=f"{start_year:04d}",
            granularity="year",
            end=f"{end_year:04d}-{end_month:02d}",
            relative=False,
            note="fiscal year",
        )

    def _time_only(self, g: dict, w: dict, day: date | None) -> DateValue | None:
        """A clock time alone (下午3时半, 晚上八点) on ``day``: the last day the text dated before it, else the
        publication day; None for no clock time (晚上二十五点)."""
        if day is None:
            return DateValue(
                value=None, granularity="minute", relative=True, note="time of day without publication date"
            )
        update = self._clock(day.isoformat(), g["tH"], g["tM"] or _half(g["thalf"]), g["tampm"], w)
        hour, minute = update["value"][-5:].split(":")
        if _on_the_clock(day.isoformat(), int(hour), int(minute)) is None:
            return None
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
    def _a_day_of_the_week(text: str, m: re.Match[str], words: Words, w: dict) -> bool:
        """周二 names one day, not every Tuesday (每周二, 逢星期日), a span of weekdays (周一至周五, 周一、三), a
        weekday before its bracketed date (星期四(11月9日): that date's), nor part of a word (a name: 周一鸣)."""
        start, end = m.start("bwd"), m.end("bwd")
        if words.continues(start) or words.straddles(start, end):
            return False
        bare = w["bare_weekday"]
        before, after = text[max(0, start - 2) : start], text[end : end + 2]
        if before[-1:] in bare["not_after"] or before in bare["not_after"]:
            return False
        if after[:1] in bare["not_before"] or re.match(r"\s*[（(]", after):
            return False
        if text.startswith("周", start) and re.match(r"[\u4e00-\u9fff]", after):
            # 周 is a surname too: 周一鸣 is a name when a lone character follows (周五晚, 周二下午: no name)
            token = words.at(end)
            lone = token is None or token.start != end or token.end - token.start == 1
            return not lone or after[0] in bare["after_zhou"]
        return True

    @staticmethod
    def _bare_weekday(g: dict, w: dict, pub: date | None, future: bool) -> DateValue:
        """周二 alone: the last Tuesday on or before the publication date (the day itself when it is one),
        the next on or after it after a future word (将于周五)."""
        if pub is None:
            return DateValue(value=None, granularity="day", relative=True, note=_NO_PUB)
        weekday = w["weekdays"][g["bwd"][-1]]
        back = (pub.weekday() - weekday) % 7
        day = pub + timedelta(days=(-back % 7) if future else -back)
        return DateValue(value=day.isoformat(), granularity="day", relative=True)

    @staticmethod
    def _relative_quarter(g: dict, w: dict, pub: date | None) -> DateValue:
        """本季度, 上季度, 下一季度: the calendar quarter of the publication date, or the one before or after it."""
        if pub is None:
            return DateValue(value=None, granularity="quarter", relative=True, note=_NO_PUB)
        first = pub.year * 12 + (pub.month - 1) // 3 * 3 + 3 * w["relative_quarters"][g["rq"]]
        last = first + 2
        return DateValue(
            value=f"{first // 12:04d}-{first % 12 + 1:02d}",
            granularity="quarter",
            end=f"{last // 12:04d}-{last % 12 + 1:02d}",
            relative=True,
        )

    @staticmethod
    def _relative_short(g: dict, w: dict, pub: date | None) -> DateValue:
        if g["rm"]:
            if pub is None:
                granularity = "day" if g["rmd"] else "month"
                return DateValue(value=None, granularity=granularity, relative=True, note=_NO_PUB)
            months = pub.year * 12 + pub.month - 1 + w["relative_months"][g["rm"]]
            if g["rmd"]:  # 本月26日, 上月5日
                return DateExtractor._day(months // 12, months % 12 + 1, parse_number(g["rmd"]), relative=True)
            return DateValue(value=f"{months // 12:04d}-{months % 12 + 1:02d}", granularity="month", relative=True)
        if pub is None:
            return DateValue(value=None, granularity="day", relative=True, note=_NO_PUB)
        day = pub + timedelta(days=w["relative_days"][g["rd"]])
        return DateValue(value=day.isoformat(), granularity="day", relative=True)

    @staticmethod
    def _relative_days(g: dict, w: dict, pub: date | None) -> DateValue:
        """今明两天, 明后两天: two days counted from the publication date, valued by the first, to the second;
        今明两年 likewise two years."""
        first, last, *unit = w["relative_day_ranges"][g["rdr"]]
        granularity = unit[0] if unit else "day"
        if pub is None:
            return DateValue(value=None, granularity=granularity, relative=True, note=_NO_PUB)
        if granularity == "year":
            return DateValue(value=f"{pub.year + first}", granularity="year", end=f"{pub.year + last}", relative=True)
        start, end = pub + timedelta(days=first), pub + timedelta(days=last)
        return DateValue(value=start.isoformat(), granularity="day", end=end.isoformat(), relative=True)


def _serial_number(text: str, at: int, words: Words, w: dict) -> bool:
    """Is the number at ``at`` (before 号) a model or serial number: after jieba's word that ends in 号, alone or
    joined by a copula (型号为8号, 编号为3号, 车牌号是5号) or a verb of change (信号改为三号: the signal's number)?"""
    while at > 0 and text[at - 1] in w["serial_links"]:
        at -= 1
    verb = next((v for v in w["serial_verbs"] if text.startswith(v, at - len(v))), None)
    if verb:
        at -= len(verb)
    word = words.at(at - 1) if at > 0 else None
    return word is not None and word.end == at and len(word.text) > 1 and word.text.endswith("号")


def _join_ranges(text: str, mentions: list[Mention], w: dict) -> list[Mention]:
    """5月中旬至6月初, 2023年至2024年, 去年12月至今年2月: two dates joined by a range word are one DATE, valued
    by the first, ending on the second (a weekday or a clock time alone is no end: 周一至周五 are opening days,
    上午9时至下午5时 opening hours), and so are a written day's clock time and a later one (6月10日9时至17时)."""
    kinds = set(w["range_granularities"])
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        low, high = (prev.normalized, m.normalized) if prev else (None, None)
        if prev is None or text[prev.end : m.start] not in w["range_words"] or not (low.value and high.value):
            out.append(m)
            continue
        end = _clock_end(text[prev.start : prev.end], text[m.start : m.end], low, high)
        if end is None and low.granularity in kinds and high.granularity in kinds:
            end = high.end or high.value if re.search(r"[年月季]", text[m.start : m.end]) else None
        if end is not None and not low.end and end >= low.value:
            joined = low.model_copy(update={"end": end})
            out[-1] = replace(prev, end=m.end, normalized=joined, confidence=min(prev.confidence, m.confidence))
        else:
            out.append(m)
    return out


def _same_period(value: DateValue, period: DateValue | None, offset: int | None = None) -> DateValue:
    """去年同期 after the period the text speaks of (今年第三季, 前三季度): that period in the year named, with
    its granularity and end; the year alone without one. A relative year (``offset``: 上年 -1) counts from the
    period's year, not the publication's (二零一三年十一月 … 上年同月, published in 2014: November 2012)."""
    if not (value.value and value.granularity == "year" and period is not None and period.value):
        return value
    shift = offset if offset is not None else int(value.value[:4]) - int(period.value[:4])

    def moved(iso: str | None) -> str | None:
        return f"{int(iso[:4]) + shift:04d}{iso[4:]}" if iso else None

    start, end = moved(period.value), moved(period.end)
    if len(start) == 10 and not _a_day(start):
        return value  # 2月29日 a year later is no day
    return value.model_copy(update={"value": start, "granularity": period.granularity, "end": end})


def _a_day(iso: str) -> bool:
    try:
        date.fromisoformat(iso)
    except ValueError:
        return False
    return True


def _clock_end(first: str, second: str, low: DateValue, high: DateValue) -> str | None:
    """The end of a span from a clock time after a written day (6月10日上午9时, 今天8时, 昨晚9时) to a clock
    time alone: on that day, and after the first in its half of the day (晚上8时至10时: 22:00)."""
    if not (low.granularity == high.granularity == "minute" and re.search(r"[日号天]|^[昨今明][晚晨早]", first)):
        return None
    if re.search(r"[年月日号天晚晨早]", second):
        return None
    hour, minute = int(high.value[11:13]), int(high.value[14:16])
    if hour < int(low.value[11:13]) and hour < 12:
        hour += 12
    return _on_the_clock(low.value[:10], hour, minute)


def _half(half: str | None) -> str | None:
    """The minutes of a 半 after an hour (11时半: 30), None without one."""
    return "30" if half else None


_SENTENCE_END = re.compile("[。！？!?]")


def _day_of(value: DateValue) -> date | None:
    """The day a dated mention names, when it names one day (not a range): what 当天 counts from."""
    if value.value and value.granularity in ("day", "hour", "minute") and not value.end:
        return date.fromisoformat(value.value[:10])
    return None


_SENTENCE = re.compile(r"[，。,；;！？]")
_SECONDS = re.compile(r"\d[:：][0-5]\d[:：][0-5]\d")
_CLOCK = re.compile(r"\d{1,2}[:：]\d{2}")
_LINE_CLOCK = re.compile(
    r"(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|HKT|CST|AM|PM|am|pm|上午|下午|中午|晚上|早上|凌晨"
    r"|(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]|[\s\u3000()（）|])+"
)
"""What a page's time line may carry beside its date: a clock, a zone, a part of the day, a weekday."""


@cache
def _page_label() -> re.Pattern[str]:
    """The labels of a page's time line: the publication labels of dates.json (发布时间, 發佈日期, 发稿时间…),
    a source label, an English date label, an issue line's 版), a site's address (http://www.sina.com.cn
    2011年02月22日05:42 大洋网)."""
    labels = alternation([*data.table("zh/dates.json")["publication_labels"], "来源", "來源"])
    return re.compile(rf"{labels}|^date\b|版\)|版）|https?://|www\.")


# 日期: / 时间: opening a line with nothing else before the date (not 活动时间: an event's time)
_BARE_LABEL = re.compile(r"\s*(?:日期|时间|時間|时期)\s*[:：]\s*")
_PAGE_COUNTER = re.compile(
    r"点击|點擊|浏览|瀏覽|阅读|閱讀|来源|來源|作者|编辑|編輯|字号|字號"
)  # a page's counters and fields


def _page_time_line(text: str, m: re.Match[str], g: dict) -> bool:
    """A page's own time line (2019-07-11 08:25 来源:…, 發佈時間:2020/01/16 13:48, 《X报》(2015年01月06日 01版)).

    A full date (year, month, day) alone on a line of a longer text, or on a line that is no
    sentence (no comma or full stop) and carries a page label (来源, 发布时间, 更新時間, date) or
    a clock time with seconds (新华网 2019-12-03 17:22:41):
    page metadata, which the page parser reads as the publication time, not a date the article
    speaks of. (活動時間：2025年7月10日 is an event's time: 時間 alone is no page label.)
    """
    full = g["iy"] or (g["sy"] and len(g["sy"]) == 4) or (g["y"] and g["m"] and g["d"])
    if not full:
        return False
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    if line_start == 0 and line_end == len(text):
        return False  # the whole text: nothing to be the metadata of
    line = text[line_start:line_end]
    if len(line) > 90 or _SENTENCE.search(line):
        return False
    if _SECONDS.search(m.group()):
        return True  # 新华网 2019-12-03 17:22:41: prose gives no seconds; a page's clock does
    before, after = text[line_start : m.start()], _LINE_CLOCK.sub("", text[m.end() : line_end])
    rest = _LINE_CLOCK.sub("", before) + after
    clocked = g["iH"] or g["sH"] or _CLOCK.search(text, m.end(), line_end)
    if clocked and not after and len(before.strip()) <= 12:
        return True  # 香港電台 2025-07-01 HKT 08:00: a short name before the page's date and clock
    if clocked and not before.strip() and len(after.strip()) <= 8 and not re.search(r"\d", after):
        return True  # 2025-06-10 09:15 中央社: the outlet's short name after them
    if _BARE_LABEL.fullmatch(before) and (not after.strip() or _PAGE_COUNTER.search(after)):
        return True  # 日期:2025-04-03, 时间:2021年06月16日 点击次数:2667: the line holds nothing but the page's date
    return not rest or bool(_page_label().search(line))


def _festival_day(year: int, festival: str) -> date | None:
    """The day of a festival (a fixed MM-DD, or a name in LunarCalendar's table) in ``year``."""
    if festival[:2].isdigit():
        return date(year, int(festival[:2]), int(festival[3:]))
    if not LUNAR_YEARS[0] <= year <= LUNAR_YEARS[1]:
        return None
    from lunarcalendar.festival import festivals

    return next(f(year) for f in festivals if f.get_lang("zh") == festival)


def _after_a_title(text: str, at: int) -> bool:
    """Does a closing quote or title mark stand right before ``at`` (“带上音乐去旅行”第二季)?"""
    return at > 0 and text[at - 1] in '”」』》"'


def _lunar_day(year: int, month: int, day: int, leap: bool) -> date | None:
    """The solar day of a lunar one (LunarCalendar), None outside its tables or where there is no such day."""
    if not LUNAR_YEARS[0] <= year <= LUNAR_YEARS[1]:
        return None
    from lunarcalendar import Converter, Lunar
    from lunarcalendar.converter import DateNotExist

    try:
        solar = Converter.Lunar2Solar(Lunar(year, month, day, isleap=leap))
    except (DateNotExist, ValueError):
        return None
    return date(solar.year, solar.month, solar.day)


def _clock_parts(w: dict) -> list[str]:
    """The parts of the day that may open a clock time alone (下午3时, 深夜11時): not 晚 or 早 by themselves."""
    return [part for part in w["day_parts"] if len(part) > 1]


def _hour_of_day(hour: int, part: str | None, w: dict) -> int:
    """The hour a clock time gives after a part of the day (下午3时: 15). After a word for the night an hour
    before 6 is after midnight (深夜1时: 1) and 12 is the day's end (午夜12时: 24); after a word for the small
    hours 12 is the day's start (凌晨12时: 0)."""
    if part in w["night_parts"] and (hour < 6 or hour == 12):
        return 24 if hour == 12 else hour
    if part in w["small_hours_parts"] and hour == 12:
        return 0  # 凌晨12时: midnight, the day's start
    return hour + w["day_parts"][part] if part and hour < 12 else hour


def _on_the_clock(day: str, hour: int, minute: int) -> str | None:
    """The minute a clock time gives on a day, or None for no clock time (25时, 10时75分).

    24时 is the day's end, written as ISO 8601 writes it (今晚24时前: 2024-10-04T24:00), not the next day's 00:00.
    """
    if minute > 59 or hour > 24 or (hour == 24 and minute):
        return None
    return f"{day}T{hour:02d}:{minute:02d}"


def _at_clock(day: DateValue, hour: str | None, minute: str | None) -> DateValue:
    """A day with the clock time written after it (2025-07-01 08:00), to the minute; the day alone without one."""
    if not (day.value and hour):
        return day
    return day.model_copy(update={"value": f"{day.value}T{int(hour):02d}:{minute}", "granularity": "minute"})


def _weekday(w: dict) -> str:
    """A weekday as written (星期六, 周日, 禮拜天): a weekday word and its day."""
    return rf"(?:{alternation(w['weekday_words'])})[一二三四五六日天]"
