"""AMOUNT: numbers with units, money with currencies, percentages, shares, fractions, ordinals.

The grammar (a regular expression assembled from ``data/zh/amounts.json``)
reads, in order: an optional prefix qualifier, joined by a linking verb or not
(约, 超过, 至少达, 最高可达), a currency written before (人民币), a number
(Arabic or Chinese, with 万/亿/兆 multipliers, 余/多/来 inside: 750余万, 4亿多,
十来家; approximate: 三十几万, 数百万, 上百), a unit (currency, measure word, %,
成, 倍, 百分点; a compound unit such as 千瓦 stays whole: 180万千瓦 is 1800000
千瓦), a currency written after 元 (元人民币), and an optional suffix qualifier
(以上, 左右). Fractions (五分之一, 三分之二) and ordinals (第14位, 第46任) have patterns
of their own; a section of a text (第25条, 第599章) or the number of a session or a
meeting (第43届, 第18次) is no amount, and a number after 第 is never a count.
A Chinese numeral needs a unit (千万不要 is no amount); an Arabic one needs a unit
or a multiplier (a bare 2024 is not an amount); Arabic digits may stand before
十/百/千 as Taiwanese and Hong Kong papers write them (4千元, 3千5百人).

A qualifier or unit character that belongs to a neighbouring word is not taken:
the 约 of 签约 and the 近 of 附近 qualify nothing, the 次 of 次之 is no part of
the unit, the 成 of 成员 is no share (jieba's words and a word list decide); a one-character
qualifier that makes a word of jieba's dictionary with the character before it
(续约, 逼近, 赶超) is that word's. A rate is one amount: a unit per another after a
slash (350公里/小时, 30万吨/年) and a speed or flow written with 每 before the
number (每小时150公里: 公里/小时). A range may write its unit after the upper end only
(300至450亿元, 2-3%, 约300至400人): one amount, its lower end scaled as the upper.
A word of numerals before a unit is a number (逾千万元; not 千万不要), and a bare 万 or
亿 after a qualifier or before 余/多 is one of them (近万人, 万余人). A bound word may stand a
verb away from its number (最高可罚款100万元, 至少需要200万元: the amount starts after the verb
and keeps at_most / at_least); a 个 may carry 多/余/半 before its unit (一个多月, 两个半小时,
一个多百分点); a 多 after 年/天/周 is more_than (3年多) unless it begins a word (3年多次); a unit
such as 方 is read only after 万 or 亿 (100亿方; 三方 are parties). A minus sign or 零下 makes the
value negative (-3.2%, 零下5度; not the dash of 2%-3%). 半成 is 5 % and 半数 50 %; a fraction may be
written with a slash (约1/3, 超过2/3; before 的 alone only where slashes write no dates); a bare $ is
the region's dollar (月入$20,000: HKD in Hong Kong, USD elsewhere). 点 after Arabic digits counts an index's
points unless the number may be a clock's hour (沪指跌50点; not 下午3点), and 半 before a unit of time is half of
it (半个月, 约半年; not 上半年). The number of a meeting of a numbered session (十四届全国人大三次会议) is no
amount, nor is a phase (二期工程) or the base of a rate after 每 (每千人口); after a
word of duration a month or a day is a length (判刑6月, 隔離七日).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Context as DecimalContext
from decimal import Decimal, localcontext
from functools import cached_property

from pipeline import data
from pipeline.data import alternation
from pipeline.extract.base import Context, Mention
from pipeline.extract.dates import ago_re
from pipeline.extract.prefilter import prefiltered
from pipeline.normalize.neighbours import Words
from pipeline.normalize.numerals import EXACT, parse_approximate, parse_number
from pipeline.records import Amount
from pipeline.region import RegionDetector

_AR = r"(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[,，]\d{3}(?!\d))*)(?:\.\d+)?"  # 12 000, 1,385, １，０００ group thousands
_ZH_DIGITS = "零〇○一二两三四五六七八九"
_ZH = rf"[{_ZH_DIGITS}十百千几廿卅]+(?:点[{_ZH_DIGITS}]+)?"  # 几 may stand for a digit: 三十几, 几百; 廿一 is 21
_FRACTION_DIGITS = DecimalContext(prec=10)
"""A fraction that does not terminate (三分之二) is rounded to this many significant digits."""

_NUMERAL_CHAR = re.compile(rf"[\d{_ZH_DIGITS}十百千万亿]")

RANGE_WORDS = ("至", "到", "-", "~", "～", "—", "－")


def exact(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (26000.0 -> 26000)."""
    with localcontext(EXACT):
        value = value.normalize()
        return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


@dataclass(frozen=True, slots=True)
class _Grammar:
    amount: re.Pattern[str]
    ordinal: re.Pattern[str]
    fraction: re.Pattern[str]
    words: dict  # amounts.json
    units: frozenset[str]  # every unit the grammar reads
    neighbours: re.Pattern[str]  # the listed neighbour words, longest first (签约, 人数)
    rate_units: frozenset[str]  # the units a 每小时 before the number makes a rate of (公里: a speed)
    classified: dict[str, tuple[str, str]]  # 个多月 -> (个月, 多), 个半小时 -> (个小时, 半)
    distant: frozenset[str]  # the bound words that may qualify a number a verb away (最高可罚款100万元)
    slash: re.Pattern[str]  # 约1/3的: a fraction with a slash
    led: re.Pattern[str]  # 判刑6月, 隔离七日: a month or a day counted after a word of duration
    tally: re.Pattern[str]  # 55金39银28铜: a medal tally, one count per kind of medal


_CLOCK_HOUR = re.compile(r"(?:[01]?\d|2[0-4]|[零〇一二三四五六七八九十两]{1,3})[时点:：]\s*$")
"""An hour just before a number: the number is the clock's minute (8点30分, 上午八时三十分)."""


class AmountExtractor:
    name = "amounts"

    @cached_property
    def _grammar(self) -> _Grammar:
        w = dict(data.table("zh/amounts.json"))
        negated = {  # 不得低于 at_least, 不可超过 at_most: a negation turns a comparative's bound around
            neg + word: w["negated"][bound] for neg in w["negations"] for word, bound in w["comparatives"].items()
        }
        w["prefix_qualifiers"] = {**negated, **w["prefix_qualifiers"]}
        unit_list = [*w["currencies"], *w["local_cents"], *w["percent"], *w["percentage_points"], *w["shares"]]
        unit_list += w["measure_words"]
        classified = {  # 一个多月, 两个半小时, 一个多百分点: 个, then 多/余/半, then the unit
            f"个{inner}{unit}": (f"个{unit}", inner)
            for unit in w["classified_units"]
            for inner in w["classified_inner"]
        }
        unit_list += classified
        units = alternation(unit_list)
        spaced = alternation([*w["currencies"], *w["percent"], *w["percentage_points"]])
        # 180万千瓦 is 1800000 千瓦 (not 1801000 瓦), 100兆瓦 100 兆瓦: a multiplier takes no numeral that
        # begins a compound unit, and is none itself when it begins one. (五千瓦 is 5000 瓦: the same power.)
        compound = alternation(w["compound_units"])
        mult_char = rf"(?!{compound})[万亿兆]"
        # 4千元, 3千5百人, 1,234百万元: Arabic digits before 十/百/千 (not 3千瓦: a unit of its own)
        mixed = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:(?!{compound})[十百千](?:\d|[{_ZH_DIGITS}])?)+"
        # 1亿零500万: a 零 may stand after a multiplier before Arabic digits
        core = rf"(?:{mixed}|{_AR}|{_ZH})(?:{mult_char}(?!{compound})(?:零?{mixed}|零?{_AR}|{_ZH}))*"
        links = alternation(w["qualifier_links"])  # 至少达, 最高可达, 约占
        # 最高可罚款, 最高将被处以, 至少还需投入: at most two modal words between the bound and its verb
        modals = alternation(w["qualifier_modals"])
        verbs = rf"(?P<modal>(?:{modals}){{1,2}})?(?P<verb>{alternation(w['qualifier_verbs'])})"
        qualifier = rf"(?:(?P<pre>{alternation(w['prefix_qualifiers'])})(?:(?P<link>{links})|{verbs})?)?"
        post = rf"(?P<post>{alternation(w['suffix_qualifiers'])})?"
        # 人民币逾百亿元: a currency written before the qualifier
        named_first = rf"(?:(?P<cpre0>{alternation(w['currency_prefixes'])})(?={alternation(w['prefix_qualifiers'])}))?"
        amount = re.compile(
            # 第25条, 第 3 名: a section's or a rank's number, not 25 of something; 1，000: not its 000;
            # 1/4个世纪: not the denominator of a fraction; 6·18: not the day of a date written with a dot
            rf"(?<![\d.A-Za-z第])(?<!\d[,，/·])(?<!第[ \u00a0]){named_first}{qualifier}"
            rf"(?P<every>{alternation(w['rate_times'])})?"  # 每小时150公里: a speed (kept when its unit is a length)
            rf"(?P<cpre>{alternation(w['currency_prefixes'])})?(?:(?<=[A-Z$])[ \u00a0])?"  # US$ 20亿
            rf"(?P<dollar>(?<![A-Za-z$])\$)?"  # 月入$20,000, 港幣$3,000: the region's dollar
            rf"(?P<pct>百分之|千分之)?"
            rf"(?P<neg>(?<![\d.A-Za-z)）%‰\]\-−－])[-−－](?=\d)|零下)?"  # -3.2%, 零下5度: below zero
            rf"(?P<lead>数(?=[十百千万亿])|上(?=[百千万亿])|好(?=几))?"  # 数百万, 上千, 好几十: approximate
            rf"(?P<num>{core}|(?<![上下前后大多])半(?={alternation(w['half_units'])})|(?(lead)(?=[万亿])|(?(pre)(?=[万亿])|(?=[万亿][余多]))))(?P<q1>{alternation(w['inner_qualifiers'])})?"
            # 3.5 亿元, 5 %, 300 元: a space may stand between Arabic digits and a multiplier, a percent sign
            # or a currency (not a measure word: 网友评论 [0 条] is a page's furniture)
            rf"(?:(?<=\d)[ \u00a0](?=[万亿兆]|(?:{spaced})))?"
            rf"(?P<mult>{mult_char}+)?(?P<q2>余|多)?(?:(?<=[万亿兆])[ \u00a0](?={units}))?(?P<unit>{units})?"
            rf"(?:(?<=[元块])(?P<csuf>{alternation(w['currency_suffixes'])}))?"  # 2.5亿元人民币
            rf"(?(unit)(?<![%‰成倍点])(?P<per>[/／](?:{alternation(w['per_units'])})))?"  # 19.23元/股, 350公里/小时
            rf"(?:(?<=[{''.join(w['more_after_unit'])}])(?P<q3>多|余))?"  # 一倍多, 两成多
            rf"(?:(?<=成)(?P<tenth>[一二三四五六七八九]|(?<=\d成)[1-9])(?![{_ZH_DIGITS}十百千万亿\d.]))?"  # 三成五
            rf"(?:(?<=[{w['half_after']}])(?P<half>半))?"  # 七年半: 7.5 年, 三成半: 35%
            rf"{post}"
        )
        ordinal = re.compile(rf"第(?P<num>{_AR}|{_ZH})(?P<unit>{alternation(w['ordinal_units'])})?")
        # A unit is required (checked in _ordinal); optional here so that 第一线 is consumed whole.
        fraction = re.compile(
            rf"(?<![\d.A-Za-z]){qualifier}(?!百分之|千分之)"  # 百分之 and 千分之 are percent and ‰
            rf"(?P<den>{_AR}|[{_ZH_DIGITS}十百千万亿]+)分之(?P<num>{_AR}|{_ZH}){post}"
        )
        # 约1/3的民众, 超过2/3: a fraction with a slash, read only with a qualifier or before 的 (see _slash)
        slash = re.compile(rf"(?<![\d.A-Za-z/]){qualifier}(?P<num>\d{{1,3}})/(?P<den>\d{{1,3}})(?![\d/.%]){post}")
        neighbours = re.compile(alternation(w["neighbour_words"]))
        # 判刑6月, 隔離七日, 为期120多日: after these a month or a day is a length of time (dates.json reads no
        # date there), written without the 个 of 6个月
        dates = data.table("zh/dates.json")
        leads = alternation(dates["duration_leads"])
        # 不多於14日, 逾30日: after a bound a day alone is a length too, the bound part of it (not 不超过15日前)
        bounds, deadline = alternation(dates["duration_bounds"]), alternation(dates["duration_bound_not_before"])
        # 徒刑4年6月: the months after a count of years in a sentence (the years are an amount of their own)
        years = rf"(?:(?:\d{{1,2}}|[{_ZH_DIGITS}十]{{1,3}})年)?"
        led = re.compile(
            rf"(?:(?:{leads}){years}|(?P<bound>{bounds}))(?P<num>\d{{1,3}}|[{_ZH_DIGITS}十]{{1,3}})(?P<q1>多|余)?"
            rf"(?P<unit>(?(bound)日(?!{deadline})|[月日]))(?![份底初末中])"
        )
        # 55金39银28铜, 8金、18银: counts of at least two kinds of medal, in the order 金, 银, 铜
        medals, count = w["medal_tally"], rf"(?:\d+(?:\.\d+)?|[{_ZH_DIGITS}十]{{1,3}})"
        tally = re.compile(
            rf"(?<![\d.A-Za-z{_ZH_DIGITS}十百千万第])(?:{count}[{medals}](?:[、，,]?(?=[\d{_ZH_DIGITS}十])|(?![\d{_ZH_DIGITS}十]))){{2,3}}"
        )
        return _Grammar(
            prefiltered(amount, nonempty=True),  # an empty match is no amount (_amount)
            ordinal,
            prefiltered(fraction),
            w,
            frozenset(unit_list),
            neighbours,
            frozenset(w["rate_units"]),
            classified,
            frozenset(w["distant_qualifiers"]),
            prefiltered(slash),
            prefiltered(led),
            prefiltered(tally),
        )

    def find(self, ctx: Context) -> list[Mention]:
        g = self._grammar
        text = ctx.folded
        words = Words(ctx.tokens)
        starts = ctx.token_starts
        mentions: list[Mention] = []
        for start, end in ctx.spans:
            taken: list[tuple[int, int]] = []  # ordinals and fractions of this span, disjoint
            for m in g.ordinal.finditer(text, start, end):
                if mention := self._ordinal(m):
                    mentions.append(mention)
                    taken.append((m.start(), m.end()))
            for m in g.fraction.finditer(text, start, end):
                if mention := self._fraction(m, g.words, text, ctx.word_freq):
                    mentions.append(mention)
                    taken.append((m.start(), m.end()))
            for m in g.slash.finditer(text, start, end):
                mention = self._fraction(m, g.words, text, ctx.word_freq)
                # 1/3 alone is as often a date (Taiwan, Hong Kong: 6/30的會議) or a score: a fraction with a
                # bound, or before 的 where the region writes no dates so
                if mention and (
                    mention.normalized.qualifier
                    or (
                        text.startswith("的", m.end())
                        and ctx.region in g.words["fraction_regions"]
                        and int(m["den"]) <= g.words["fraction_max_bare_denominator"]  # not 6/30的
                    )
                ):
                    mentions.append(mention)
                    taken.append((m.start(), m.end()))
            for m in g.tally.finditer(text, start, end):
                for mention in self._tally(m, g.words["medal_tally"]):
                    mentions.append(mention)
                    taken.append((mention.start, mention.end))
            for m in g.led.finditer(text, start, end):
                if mention := self._led_duration(m, g.words):
                    mentions.append(mention)
                    taken.append((mention.start, m.end()))
            taken.sort()
            k = 0
            for m in g.amount.finditer(text, start, end):
                # Amounts come in order too, so one pointer walks the taken spans: linear, where testing
                # every earlier one made a 20 MB article quadratic.
                while k < len(taken) and taken[k][1] <= m.start():
                    k += 1
                if k < len(taken) and taken[k][0] < m.end():
                    continue
                mention = self._amount(m, g, text, starts, words, ctx.region, ctx.word_freq)
                if mention:
                    mentions.append(mention)
        # 两年前, 三个月前: a date (dates.ago_re), not an amount of time; 网友评论 0 条: a page's widget counts
        mentions = [
            m
            for m in mentions
            if not (text.startswith("前", m.end) and ago_re().match(text, m.start))
            and not self._widget_count(text, m.start)
        ]
        return self._bare_lower_ends(self._join_ranges(mentions, text), text, words, ctx.word_freq)

    @cached_property
    def _widget_counters(self) -> tuple[str, ...]:
        """A page widget's words that a count follows (``page.json``: 网友评论, 点赞, 阅读)."""
        return tuple(data.table("zh/page.json")["widget_counters"])

    def _widget_count(self, text: str, start: int) -> bool:
        """网友评论 0 条, 点赞 12: a count set apart on its line after a widget's word is the widget's (not
        点赞5万次: no space; not 关闭 3家门店: a verb, no widget's word)."""
        before = text[max(0, start - 8) : start]
        word = before.rstrip(" \t\u3000\xa0")
        return len(word) < len(before) and word.endswith(self._widget_counters)

    @cached_property
    def _bare_lower_re(self) -> re.Pattern[str]:
        """A bare number and a range word right before an amount (300至|450亿元, 2-|3%, 约300至|400人), its
        qualifier joined by a linking verb or not (约有三至|四成)."""
        w = self._grammar.words
        ranges = "|".join(re.escape(r) for r in RANGE_WORDS)
        return re.compile(
            rf"(?<![\d.A-Za-z第/:：年月日号-])(?:(?P<pre>{alternation(w['prefix_qualifiers'])})"
            rf"(?:{alternation(w['qualifier_links'])})?)?"
            rf"(?P<num>{_AR}|[{_ZH_DIGITS}十百千]+)(?P<rng>{ranges})$"
        )

    def _bare_lower_ends(
        self, mentions: list[Mention], text: str, words: Words, freq: Mapping[str, int] | None
    ) -> list[Mention]:
        """300至450亿元, 2-3%, 3到5年, 约300至400人: a range whose unit (and multiplier) is written after its
        upper end only is one amount from the bare number before it. The lower end takes the upper's
        multiplier and scale where that keeps it below the upper (300至450亿元: 300亿), else stands as written
        (5000至1万元: 5000); a lower end above the upper makes no range."""
        out: list[Mention] = []
        for m in mentions:
            amount = m.normalized
            head = re.match(rf"{_AR}|[{_ZH_DIGITS}十百千]+", text[m.start : m.end])
            joined = None
            if amount.kind not in ("ordinal", "fraction") and amount.upper is None and head and amount.unit:
                joined = self._bare_lower_re.search(text, max(0, m.start - 16), m.start)
            if joined is None or (out and out[-1].end > joined.start()):
                out.append(m)
                continue
            try:
                low, high_num = parse_number(joined["num"]), parse_number(head[0])
            except ValueError:
                out.append(m)
                continue
            scale = amount.value / high_num if high_num else Decimal(1)
            with localcontext(EXACT):
                value = exact(low * scale) if low * scale <= amount.value else exact(low)
            if value > amount.value or (not re.match(r"\d", joined["num"]) and not re.match(r"\D", head[0])):
                out.append(m)
                continue
            start, qualifier = joined.start(), amount.qualifier
            if joined["pre"]:
                pre = joined.start("pre")
                pair = text[pre - 1 : joined.end("pre")] if pre > 0 and len(joined["pre"]) == 1 else ""
                if (
                    pair
                    and not words.continues(pre - 1)
                    and (freq or {}).get(pair, 0) >= self._grammar.words["neighbour_word_freq"]
                ):
                    start = joined.start("num")  # 签约3至5年: the 约 of 签约
                else:
                    qualifier = self._grammar.words["prefix_qualifiers"][joined["pre"]]
            else:
                start = joined.start("num")
            update = {"value": value, "value_text": str(value), "upper": amount.value, "qualifier": qualifier}
            out.append(replace(m, start=start, normalized=amount.model_copy(update=update)))
        return out

    @staticmethod
    def _join_ranges(mentions: list[Mention], text: str) -> list[Mention]:
        """300亿至450亿元 and 2.5%至3.5% are one amount: ``value`` the lower end, ``upper`` the higher; so are
        the bounds of the law's ranges, 3年以上10年以下 (no qualifier: both ends are given)."""
        mentions = sorted(mentions, key=lambda m: m.start)
        out: list[Mention] = []
        for m in mentions:
            prev = out[-1] if out else None
            bounded = (
                prev is not None
                and prev.end == m.start
                and text.endswith("以上", 0, prev.end)
                and text.endswith("以下", 0, m.end)
                and (prev.normalized.qualifier, m.normalized.qualifier) == ("at_least", "at_most")
                and prev.normalized.unit == m.normalized.unit
            )
            if prev is not None and (
                bounded
                or (
                    prev.normalized.kind not in ("ordinal", "fraction")
                    and m.normalized.kind not in ("ordinal", "fraction")
                    and text[prev.end : m.start] in RANGE_WORDS
                    and prev.normalized.unit in (None, m.normalized.unit)
                    and m.normalized.unit
                )
            ):
                low, high = prev.normalized, m.normalized
                joined = high.model_copy(
                    update={
                        "value": low.value,
                        "value_text": low.value_text,
                        "upper": high.value,
                        "qualifier": None if bounded else low.qualifier or high.qualifier,
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
    def _tally(m: re.Match[str], medals: str) -> list[Mention]:
        """55金39银28铜 -> 55 金, 39 银, 28 铜: one count per kind of medal, the kinds in their order (not 5银3金)."""
        parts = list(re.finditer(rf"(?P<num>[^{medals}、，,]+)(?P<medal>[{medals}])", m[0]))
        kinds = [medals.index(part["medal"]) for part in parts]
        if kinds != sorted(set(kinds)):
            return []
        mentions = []
        for part in parts:
            try:
                value = exact(parse_number(part["num"]))
            except ValueError:
                return []
            amount = Amount(kind="quantity", value=value, value_text=str(value), unit=part["medal"], currency=None)
            start = m.start() + part.start()
            mentions.append(
                Mention(start, start + len(part["num"]) + 1, "AMOUNT", "rule", "amounts.tally", 0.9, amount)
            )
        return mentions

    @staticmethod
    def _led_duration(m: re.Match[str], w: dict) -> Mention | None:
        """判刑6月 -> 6 月, 隔離七日 -> 7 日, 为期120多日 -> 120 日 more_than: a length of time after a word
        of duration, in the unit written; 不多於14日 -> 14 日 at_most, its bound part of it."""
        try:
            value = exact(parse_number(m["num"]))
        except ValueError:
            return None
        if not value:
            return None
        qualifier = w["inner_qualifiers"][m["q1"]] if m["q1"] else None
        if m["bound"]:
            qualifier = w["prefix_qualifiers"][m["bound"]]
        amount = Amount(
            kind="quantity", value=value, value_text=str(value), unit=m["unit"], currency=None, qualifier=qualifier
        )
        start = m.start("bound") if m["bound"] else m.start("num")
        return Mention(start, m.end(), "AMOUNT", "rule", "amounts.duration", 0.85, amount)

    def _fraction(self, m: re.Match[str], w: dict, text: str, freq: Mapping[str, int]) -> Mention | None:
        """五分之一 -> 0.2, 三分之二 -> 0.6666666667 (kind fraction, no unit); 近三分之一 keeps its qualifier."""
        try:
            denominator, numerator = parse_number(m["den"]), parse_number(m["num"])
        except ValueError:
            return None
        if not denominator or not numerator or numerator > denominator:
            return None
        with localcontext(_FRACTION_DIGITS):
            value = exact(numerator / denominator)
        start, qualifier = self._qualifier_start(m, w, text, freq)
        qualifier = w["suffix_qualifiers"][m["post"]] if m["post"] else qualifier
        amount = Amount(
            kind="fraction", value=value, value_text=str(value), unit=None, currency=None, qualifier=qualifier
        )
        return Mention(start, m.end(), "AMOUNT", "rule", "amounts.fraction", 0.9, amount)

    @staticmethod
    def _ends_a_word(
        m: re.Match[str],
        group: str,
        w: dict,
        text: str,
        freq: Mapping[str, int] | None = None,
        words: Words | None = None,
    ) -> bool:
        """Is the group's text the end of a listed longer word (签约's 约, 附近's 近, 人数's 数; not across a word
        of jieba's: 折合|约), or, for a one-character qualifier, of a word of jieba's dictionary with the
        character before it (续约, 逼近)? Not of a pair whose first character ends a longer word of jieba's
        (经济损失|约: no 失约)."""
        begin, end = m.start(group), m.end(group)
        for word in w["neighbour_words"]:
            if text.endswith(word, 0, end) and len(word) > end - begin:
                # not where jieba's word runs into it from before (折合|约: no 合约)
                first = words.at(end - len(word)) if words is not None else None
                if first is None or first.start == end - len(word):
                    return True
        if words is not None and begin > 0 and words.continues(begin - 1):
            return False
        pair = text[begin - 1 : end] if begin > 0 and end - begin == 1 and freq else ""
        return bool(pair) and pair not in w["prefix_qualifiers"] and freq.get(pair, 0) >= w["neighbour_word_freq"]

    @staticmethod
    def _qualifier_start(
        m: re.Match[str], w: dict, text: str, freq: Mapping[str, int] | None = None, words: Words | None = None
    ) -> tuple[int, str | None]:
        """Where the amount starts and what its prefix qualifier says, unless the qualifier belongs to a
        neighbouring word (签约26个: the 约 of 签约; 附近200米: the 近 of 附近): then it starts after it."""
        if not m["pre"]:
            return m.start(), None
        if AmountExtractor._ends_a_word(m, "pre", w, text, freq, words):
            return (m.end("link") if m["link"] else m.end("verb") if m["verb"] else m.end("pre")), None
        if m["verb"]:
            # 最高可罚款100万元: the amount starts after the verb and keeps the bound, when the bound word is
            # one that may stand a verb away and the verb is a word of its own (not the 罚 of 罚没), or one
            # with the bound word (jieba's 约合)
            verb_start = m.start("modal") if m["modal"] else m.start("verb")
            token = words.at(verb_start) if words is not None else None
            whole = words is None or (
                (token is None or token.start == verb_start or token.start == m.start("pre"))
                and not words.continues(m.end("verb"))
            )
            bound = w["prefix_qualifiers"][m["pre"]] if m["pre"] in w["distant_qualifiers"] and whole else None
            return m.end("verb"), bound
        return m.start(), w["prefix_qualifiers"][m["pre"]]

    @staticmethod
    def _inside_word(
        m: re.Match[str], idioms: list[str], text: str, starts: frozenset[int], words: Words | None = None
    ) -> bool:
        """A Chinese numeral inside a word: 李四人民币 (jieba: 李四|人民币), 十分关注, 统一; but a word of
        numerals with the unit right after it is the number (千万元, 逾千万人: not the 千万 of 千万不要), so
        is one whose 百分之 begins a word (占比约达|百分之三十, the qualifier inside jieba's 比约), and so is
        a number with its unit that ends a word of jieba's led by no numeral (增加一倍; not the 五次 of
        三番五次)."""
        begin, num_end = m.start("num"), m.end("num")
        if starts and begin not in starts and not starts.intersection((m.start(), m.start("lead"), m.start("pct"))):
            token = words.at(begin) if words is not None and m["unit"] else None
            if token is None or token.end != m.end("unit") or _NUMERAL_CHAR.search(text, token.start, begin):
                return True
        for word in idioms:
            if m["unit"] and begin + len(word) == m.start("unit") and re.fullmatch(r"[十百千万亿]+", word):
                continue
            if text.startswith(word, begin) and num_end <= begin + len(word):
                return True
            if text.startswith(word, begin - len(word) + 1) and len(word) > 1:
                return True
        return False

    @staticmethod
    def _unit_end(m: re.Match[str], g: _Grammar, text: str, words: Words) -> int | None:
        """Where the unit really ends: ``m.end("unit")``, earlier when its tail begins a neighbouring word
        (350亿元次之: 元, not 元次), or None when the whole unit is the head of a listed one (两成员, 三成本).

        jieba decides the tail only: it joins a measure word to the noun after it too often (名|省人大,
        包菜) for a unit's head to be judged by it.
        """
        begin, end = m.start("unit"), m.end("unit")
        cut = None
        for pos in range(begin, end):  # a listed word that begins inside the unit and reaches past it
            # (the longest listed word starting there: if it does not reach past the unit, no shorter one does)
            word = g.neighbours.match(text, pos)
            if word is not None and word.end() > end:
                cut = pos
                break
        if cut is None and (tail := words.straddles(begin, end)) is not None:
            cut = tail.start  # jieba: 亿元|次之
        if cut is None:
            return end
        return cut if text[begin:cut] in g.units else None

    @cached_property
    def _regions(self) -> RegionDetector:
        return RegionDetector()

    def _amount(
        self,
        m: re.Match[str],
        g: _Grammar,
        text: str,
        starts: frozenset[int],
        words: Words,
        region: str,
        freq: Mapping[str, int] | None = None,
    ) -> Mention | None:
        w = g.words
        num = m["num"]
        if len(num) > 100:
            return None  # a digit run this long is data (an ID, a hash), not an amount
        span = self._own_span(m, g, text, words, freq)
        if span is None:
            return None
        start, end, lead, unit, qualifier, rate = span
        tail = end == m.end()  # what follows the unit (元人民币, 倍多, 以上) is read only after the whole unit
        if m["pct"]:
            unit = "%" if m["pct"] == "百分之" else "‰"
        inner = None
        if unit in g.classified:
            unit, inner = g.classified[unit]  # 一个多月: 个月, more than one
        # 3年多 is more than three years, but the 多 of 3年多次 begins a word of its own
        more = bool(tail and m["q3"]) and words.word_from(m.start("q3"), m.end("q3")) is None
        if tail and m["q3"] and not more:
            end, after = m.start("q3"), False  # what the grammar read after that 多 is no part of the amount
        else:
            after = tail
        chinese = not re.match(r"\d", num)
        worth = bool(more or inner or (after and m["half"]) or qualifier)  # 一年多, 不到一年: a bound 一 counts
        if self._no_amount(m, w, unit, chinese, text, starts, worth, words):
            return None
        try:
            if num == "半":  # 逾半成: half a tenth
                value, upper, approximate = Decimal("0.5"), None, None
            else:
                value, upper, approximate = parse_approximate((lead or "") + num + (m["mult"] or ""))
        except ValueError:
            return None
        qualifier = self._qualifier(m, w, qualifier or approximate, after, more)
        if inner in w["inner_qualifiers"]:
            qualifier = w["inner_qualifiers"][inner]
        kind, unit, currency, scale = self._kind(m, w, unit, region, tail)
        if tail and m["per"] and kind in ("money", "quantity"):
            unit = f"{unit}/{m['per'][1:]}"  # 19.23元/股: 元 per share; 350公里/小时
        elif rate and kind == "quantity":
            unit = f"{unit}/{rate}"  # 每小时150公里: 公里/小时
        with localcontext(EXACT):  # no rounding of a 30-digit amount
            if after and m["tenth"]:
                value += parse_number(m["tenth"]) / 10  # 三成五: 3.5 tenths
            if (inner == "半" or (after and m["half"])) and upper is None:
                value += Decimal("0.5")  # 七年半, 三成半, 两个半小时: a half more of the unit
            value = exact(value * scale)
            upper = exact(upper * scale) if upper is not None else None  # 两三成: 20 to 30 %
            if m["neg"]:
                value, upper = (-upper, -value) if upper is not None else (-value, None)
        amount = Amount(
            kind=kind,
            value=value,
            value_text=str(value),
            unit=unit,
            currency=currency,
            qualifier=qualifier,
            upper=upper,
        )
        return Mention(start, end, "AMOUNT", "rule", "amounts.grammar", 0.85 if chinese else 0.95, amount)

    def _own_span(
        self, m: re.Match[str], g: _Grammar, text: str, words: Words, freq: Mapping[str, int] | None = None
    ) -> tuple[int, int, str | None, str | None, str | None, str | None] | None:
        """(start, end, lead, unit, prefix qualifier, rate) of the match without what belongs to neighbouring
        words: 签约's 约, 总数's 数, 次之's 次; None when nothing is left (总数万人). ``rate`` is the unit of time
        of a 每小时 before the number when the amount is a speed or a flow (每小时150公里); before another
        unit 每小时 and a qualifier before it stay outside (每天3000人 is 3000人)."""
        start, qualifier = self._qualifier_start(m, g.words, text, freq, words)
        lead, unit, end = m["lead"], m["unit"], m.end()
        if lead and self._ends_a_word(m, "lead", g.words, text):
            if not m["num"]:
                return None
            lead, start = None, max(start, m.start("num"))
        if unit:
            unit_end = self._unit_end(m, g, text, words)
            if unit_end is None or ((m["cpre"] or m["cpre0"] or m["dollar"]) and unit not in g.words["currencies"]):
                # 售价人民币30万起: after a currency named before it, a measure word is no unit of the money
                unit, end = None, m.end("mult") if m["mult"] else m.end("q1") if m["q1"] else m.end("num")
            elif unit_end != m.end("unit"):
                unit, end = text[m.start("unit") : unit_end], unit_end
        rate = None
        if m["every"]:
            if unit in g.rate_units and not (end == m.end() and m["per"]):
                rate = g.words["rate_times"][m["every"]]
            else:
                start, qualifier = max(start, m.end("every")), None
        return start, end, lead, unit, qualifier, rate

    def _no_amount(
        self,
        m: re.Match[str],
        w: dict,
        unit: str | None,
        chinese: bool,
        text: str,
        starts: frozenset[int],
        more: bool = False,
        words: Words | None = None,
    ) -> bool:
        """A number that is no amount: a Chinese numeral without a unit (千万不要), 一家, 几家, 十分关注,
        an Arabic one without unit or multiplier (2024), 一来…二来, a unit read only after 万 or 亿 without
        one (三方, 双方), the base of a rate after 每 (每千人口, 每10万人). ``more``: a 多, 余 or 半 follows the unit,
        or a qualifier bounds it (一年多, 一年半, 不到一年: a count worth reporting)."""
        num = m["num"]
        if unit == "年" and (
            self._half_a_year_word(m, w, text) if num == "半" else self._a_year(m, w, num, text, words)
        ):
            return True
        if unit in w["rate_base_units"] and not m["pre"] and text.endswith("每", 0, m.start()):
            return True  # 每千人口拥有医师3.2人: the count a rate is per, not an amount (每天3000人 is one)
        if unit in w["after_multiplier_units"] and not m["mult"]:
            return True
        if unit in w["decimal_only_units"] and not re.fullmatch(r"\d+[.．]\d+", num):
            return True  # 3日 is a day of the month; only 1.1日 (平均逗留1.1日) counts days
        if (num == "半" and unit not in w["half_units"]) or (unit in w["half_only_units"] and num != "半"):
            return True  # 半数 is half (50 %), 半成 half a tenth; 数 after another number is no unit
        if unit in w["arabic_units"] and chinese:
            return True  # 2死708傷: a count after Arabic digits; not 九死一生
        if unit in w["clock_units"] and _CLOCK_HOUR.search(text[max(0, m.start() - 5) : m.start()]):
            return True  # 8点30分: the minute of a clock time
        if unit in w["hour_units"] and (
            (not m["mult"] and re.fullmatch(r"\d{1,2}", num) and int(num) <= 24)
            or re.match(w["hour_units"][unit], text[m.end("unit") : m.end("unit") + 1])
        ):
            return True  # 下午3点, 8点30分, 10点半: an hour of the clock, not points (沪指跌50点, 收报3200点)
        if unit in w["position_after"] and text.startswith(tuple(w["position_after"][unit]), m.end("unit")):
            return True  # 2局上: the top of the second inning, a place in order
        if unit in w["section_after"] and text.endswith(tuple(w["section_after"][unit]), 0, m.start()):
            return True  # 基本法23条: the law's Article 23, not 23 articles
        if unit in w["session_units"] and self._a_session(m, w, text, words):
            return True  # 二十届三中全会, 第六届、七届: which session, not how many
        if unit in w["phase_units"] and chinese and self._a_phase(m, words):
            return True  # 二期工程, 新院二期医疗综合楼: the second phase, not two periods
        if unit in w["meeting_units"] and self._a_meeting_of_a_session(m, w, text):
            return True  # 十四届全国人大三次会议: which meeting of the session
        if chinese:
            if (not unit and not m["mult"]) or unit in w["local_cents"]:  # 八仙 is no money; 被罚一千万 a number
                return True
            if (
                num == "一"
                and not m["mult"]
                and not more
                and unit not in w["currencies"]
                and unit not in w["one_counts"]
            ):
                return True  # 一家, 一份: an article, not a count worth reporting
            if self._inside_word(m, w["not_numerals"], text, starts, words):
                return True
            if re.fullmatch(r"几+", num) and not m["mult"]:
                return True  # 几家: how many, not a number
        elif not (unit or m["mult"] or m["cpre"] or m["cpre0"] or m["dollar"]):  # HK$3000, 月入$20,000: money
            return True
        # 来 is "about" only after a round number (十来家, 30来人), not in 一来…二来 (firstly, secondly)
        return m["q1"] == "来" and not re.search(r"[十百千万亿]$|0$", num)

    @staticmethod
    def _a_session(m: re.Match[str], w: dict, text: str, words: Words | None) -> bool:
        """Does N届 name a session (二十届三中全会, 十四届全国人大; 第六届、七届 in a list of sessions;
        十四届三次会议: before the number of its meeting) rather than count terms (连任两届, 三届冠军得主 after
        a verb)? A session's number is followed by the name of what met, a noun, or a meeting's number, or
        stands in a list after one."""
        end = m.end("unit")
        if text.endswith("届、", 0, m.start()):
            return True
        if re.match(rf"[{_ZH_DIGITS}十\d]+次(?:{alternation(w['meeting_words'])})", text[end : end + 12]):
            return True
        after = words.at(end) if words is not None else None
        return after is not None and after.start == end and after.pos[:1] in "nj"

    @staticmethod
    def _a_phase(m: re.Match[str], words: Words | None) -> bool:
        """Does a Chinese numeral and 期 name a phase of a project or a crop (二期工程, 二期稻作, 二期医疗楼)
        rather than count periods (分三期付款, 举办三期培训班)? jieba makes the phase one word with what it is
        a phase of, or tags the numeral and 期 an attribute (b)."""
        token = words.at(m.start("num")) if words is not None else None
        if token is None or token.start != m.start("num"):
            return False
        return token.end > m.end("unit") or (token.end == m.end("unit") and token.pos == "b")

    @staticmethod
    def _a_meeting_of_a_session(m: re.Match[str], w: dict, text: str) -> bool:
        """Is N次 before 会议 or 全会 the number of a meeting of a numbered session (十四届全国人大三次会议,
        全国政协十四届三次会议), not a count of meetings (今年已召开三次会议)? A 届 stands shortly before it,
        in the same clause."""
        if not re.match(alternation(w["meeting_words"]), text[m.end("unit") : m.end("unit") + 4]):
            return False
        before = text[max(0, m.start() - 12) : m.start()]
        return bool(re.search(r"届[^，。；,;、！？]*$", before))

    @staticmethod
    def _half_a_year_word(m: re.Match[str], w: dict, text: str) -> bool:
        """Is 半年 part of another word (半年度, 半年报: a half-year period or its report), not half a year?"""
        after = text[m.end("unit") : m.end("unit") + 1]
        return bool(after) and after in w["year_unit_neighbours"]

    @staticmethod
    def _a_year(m: re.Match[str], w: dict, num: str, text: str, words: Words | None = None) -> bool:
        """Is N年 a year or part of another word, not a duration? 2024年, 二〇二一年, 08年, 105年 (ROC) name
        a year; 千年 and 百年 count nothing exact; 3年级 and 九十年代 are other words. A 多 or 余 before 年 makes
        a length (2000多年, 1000余年), and a neighbour that begins a word of its own leaves 年 alone (三百多年|历史)."""
        inner = m["q1"] or m["q2"]
        if not inner and (re.fullmatch(r"0\d|\d{3,}(?:\.\d+)?", num) or re.fullmatch(rf"[{_ZH_DIGITS}]{{2,}}", num)):
            return True
        if not re.search(rf"[\d{_ZH_DIGITS}十]", num) or (m["mult"] and not inner):
            return True
        at = m.end("unit")
        after = text[at : at + 1]
        if not after or after not in w["year_unit_neighbours"]:
            return False
        token = words.at(at) if words is not None else None
        return not (token is not None and token.start == at and token.end > at + 1)

    @staticmethod
    def _qualifier(m: re.Match[str], w: dict, qualifier: str | None, tail: bool, more: bool) -> str | None:
        """The qualifier written nearest the number's end wins: 约400人, 750余万, 一倍多, 1000人以上.
        ``more``: the 多 or 余 after the unit is the amount's (一倍多, 3年多; not the 多 of 3年多次)."""
        for group in ("q1", "q2"):
            if m[group]:
                qualifier = w["inner_qualifiers"][m[group]]
        if more:
            qualifier = w["inner_qualifiers"][m["q3"]]
        if tail and m["post"]:
            qualifier = w["suffix_qualifiers"][m["post"]]
        return qualifier

    def _kind(
        self, m: re.Match[str], w: dict, unit: str | None, region: str, tail: bool
    ) -> tuple[str, str | None, str | None, int]:
        """(kind, unit, currency, scale): a share is percent (两成: 2 × 10 %), 百分点 a kind of its own,
        money has its ISO code."""
        if unit in w["shares"]:
            return "percent", "%", None, w["shares"][unit]
        if unit in w["percentage_points"]:
            return "percentage_point", "百分点", None, 1
        # 新台币5万元: a currency written before the number names it; the 元 after is only its unit.
        prefix = m["cpre"] or m["cpre0"]
        named = w["currency_prefixes"].get(prefix) if prefix else None
        if m["dollar"] and not named:
            named = w["dollar_sign"].get(region, w["dollar_sign"]["unknown"])  # $: HKD in Hong Kong, else USD
        named = named or (w["currency_suffixes"].get(m["csuf"]) if tail and m["csuf"] else None)
        currency = named or w["currencies"].get(unit or "")
        if unit in w["local_yuan"] and not named:
            currency = self._regions.yuan_currency(region)  # a bare 元 is the local dollar
        cents = unit in w["local_cents"]
        if cents:
            currency = self._regions.cent_currency(region)
        if currency or cents:
            return "money", unit, currency, 1
        if unit in w["percent"]:
            return "percent", unit if unit in ("%", "‰") else "%", None, 1  # 17.2巴仙: 17.2 %
        return ("quantity" if unit else "number"), unit, None, 1
