"""The records xinwen emits: the contract with its users, versioned.

Every offset is a code-point index into ``Document.text``; ``Document``
validates ``text[start:end] == entity.text`` for every entity, so a record that
breaks the invariant cannot be built, let alone written.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer, model_validator

SCHEMA_VERSION = "1.3"

EntityType = Literal["ORG", "PERSON", "LOC", "AMOUNT", "DATE"]
ExtractorName = Literal["rule", "ner", "rule+ner"]
Qualifier = Literal["more_than", "about", "at_least", "less_than", "at_most"]
AmountKind = Literal["money", "percent", "percentage_point", "fraction", "quantity", "ordinal", "number"]
Granularity = Literal["year", "half", "quarter", "month", "week", "day", "hour", "minute"]
RegionKind = Literal["site", "breadcrumb", "title", "dateline", "heading", "body", "byline", "editor", "furniture"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Amount(_Record):
    """A number with what it counts. ``value`` is exact (Decimal); JSON carries it as a number."""

    kind: AmountKind = Field(
        description=(
            "money (a currency), percent (%, ‰, 百分之, and shares in 成: 两成 -> 20), percentage_point "
            "(0.3个百分点 -> 0.3, a difference of percentages, not a percent), fraction (五分之一 -> 0.2), "
            "quantity (a unit or measure word; multiples too: 1.5倍 -> 1.5 倍), ordinal (第14位), number."
        )
    )
    value: Decimal = Field(
        description=(
            "Exact value with multipliers applied (750余万 -> 7500000). An approximate numeral gives the round "
            "number it starts from: 三十几万 -> 300000, 十几 -> 10, 数百万 -> 1000000, 上百 -> 100. A fraction "
            "that does not terminate is rounded to 10 significant digits (三分之二 -> 0.6666666667). A minus sign or "
            "零下 before the number makes it negative (-3.2% -> -3.2, 零下5度 -> -5); 一个多月 -> 1 个月 more_than, "
            "两个半小时 -> 2.5 个小时."
        )
    )
    value_text: str = Field(description="The exact decimal value as a string, for values a float cannot hold.")
    unit: str | None = Field(
        description=(
            "Unit or measure word in simplified script (元, 家, %, 人次, 千瓦, 倍, 百分点); a compound unit stays "
            "whole (180万千瓦 -> 1800000 千瓦, not 瓦); None for a fraction."
        )
    )
    currency: str | None = Field(
        description="ISO 4217 code for money (元人民币 -> 元 CNY; 美金 USD, 日圆 JPY, 令吉 MYR, 新元 SGD...)."
    )
    qualifier: Qualifier | None = Field(
        default=None,
        description=(
            "How the value bounds the amount: more_than (逾, 超过, 余, 多, and 几/数 numerals: 十几家, 数百万元), "
            "about (约, 左右, and 来: 十来家), at_least (至少, 不低于, 以上, and 上百/上千), less_than (近, 不足), "
            "at_most (最高, 不超过, 上看, 以下). A bound a verb away keeps its meaning (最高可罚款100万元: "
            "100万元 at_most; 至少需要200万元: at_least)."
        ),
    )
    upper: Decimal | None = Field(
        default=None, description="Upper end of a range (300亿至450亿元); value is the lower."
    )

    @field_serializer("value", "upper", when_used="json")
    def _number(self, value: Decimal | None) -> int | float | None:
        if value is None:
            return None
        return int(value) if value == value.to_integral_value() else float(value)


class DateValue(_Record):
    """An ISO 8601 value at the granularity the text gives, resolved against ``published_at``."""

    value: str | None = Field(
        description=(
            "ISO 8601: 2024, 2024-12, 2025-02-27, 2025-02-27T09:51 (a time with seconds, 17:22:41, keeps its "
            "minute). A week (上周, 本周) is valued by its Monday, with end its Sunday. A ROC year adds 1911 "
            "(112年度 -> 2023). 上周五/本周一: that weekday of the week (Monday "
            "to Sunday) before or of the publication date. 当天/当日 and 次日 count from the last dated day "
            "before them in the text, else from the publication date; 当月/次月 and 同年/次年 from the last dated "
            "month or year before them. A day without a month (28日) is the one nearest "
            "the publication date; after a dateline that gives its day (本报华盛顿9月19日电), relative dates count "
            "from that day."
        )
    )
    granularity: Granularity
    end: str | None = Field(default=None, description="End of the range, when the text gives one.")
    relative: bool = Field(
        description="True when the value depends on the publication date (or, for 当天/次日, an earlier date)."
    )
    note: str | None = Field(default=None, description="Why value is null, or what is doubtful.")


class Entity(_Record):
    type: EntityType
    text: str = Field(description="As written in the original script.")
    text_simplified: str = Field(
        description=(
            "The visible form in simplified script (OpenCC), without invisible characters such as U+200B "
            "or the typographic spaces inside a number expression (2024 年 -> 2024年)."
        )
    )
    start: int = Field(ge=0, description="Code-point offset into Document.text.")
    end: int = Field(ge=0, description="Exclusive end offset.")
    extractor: ExtractorName
    rule: str | None = Field(default=None, description="Which rule or model proposed it.")
    confidence: float = Field(ge=0.0, le=1.0)
    normalized: Amount | DateValue | None = None


class Relation(_Record):
    """A person's position: ``person`` and ``organization`` index ``Document.entities``."""

    type: Literal["position"]
    person: int = Field(ge=0)
    title: str = Field(description="The title as written (局長, 理事长), or 记者/责编 for credit lines.")
    organization: int | None = Field(default=None, ge=0)
    evidence: tuple[int, int] = Field(description="Offsets of the text that states the relation.")
    rule: str | None = Field(
        default=None,
        description=(
            "Which rule linked it: position.title, position.shared_head, position.reference, position.chain, "
            "position.subject, position.list, position.listed, position.apposition, position.after_name, "
            "credit, credit.outlet, credit.own_outlet."
        ),
    )


class Cluster(_Record):
    """Mentions of one organization or person; ``mentions`` index ``Document.entities``."""

    type: Literal["ORG", "PERSON"]
    canonical: str = Field(description="The fullest form, completed with the article's region where needed.")
    mentions: list[int]
    references: list[tuple[int, int]] = Field(
        default_factory=list, description="Spans of 该协会 / a bare 服务中心 resolved to this organization."
    )
    count: int = Field(description="Mentions plus references.")


class Region(_Record):
    """A part of the page: furniture and breadcrumbs yield no entities."""

    kind: RegionKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)


RegionName = Literal["mainland", "tw", "hk", "mo", "unknown"]


class RegionClue(_Record):
    """One kind of evidence region detection weighed: a marker word, a variant character, a ROC-year form..."""

    region: RegionName
    kind: Literal["marker", "strong_marker", "body", "variant", "pattern"] = Field(
        description="marker and body words count per occurrence, a variant character once, a pattern per match."
    )
    text: str = Field(description="The word, character or matched form as written (臺灣, 裡, 112年度).")
    count: int = Field(ge=1, description="How often it occurs in the text.")
    points: int = Field(ge=1, description="What it added to the region's score.")


class RegionEvidence(_Record):
    """How ``Meta.region`` was decided: given by the caller, or detected from the clues listed."""

    source: Literal["given", "detected", "undecided"] = Field(
        description="given (argument, JSONL field or settings), detected, or undecided (no region scored enough)."
    )
    scores: dict[str, int] = Field(default_factory=dict, description="Points per region, when detected.")
    min_score: int | None = Field(default=None, description="The score a region needs to be chosen.")
    clues: list[RegionClue] = Field(default_factory=list, description="Every clue found, highest points first.")


class Meta(_Record):
    title: str | None = None
    published_at: str | None = Field(default=None, description="ISO 8601 with offset, e.g. 2025-02-27T09:51+08:00.")
    source: str | None = Field(default=None, description="The originating outlet (來源).")
    site: str | None = None
    channel: list[str] = Field(default_factory=list, description="Breadcrumb path below the site.")
    authors: list[str] = Field(default_factory=list)
    editors: list[str] = Field(default_factory=list)
    headings: list[str] = Field(default_factory=list)
    url: str | None = None
    region: RegionName = Field(
        "unknown", description="Where the text comes from (given or detected); decides OpenCC config, 元, ROC years."
    )
    region_evidence: RegionEvidence | None = Field(
        default=None, description="What decided region: the caller, or the clues detection weighed."
    )
    opencc: str | None = Field(default=None, description="The OpenCC configuration used (t2s, tw2s, hk2s).")
    regions: list[Region] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _evidence_of_region(cls, data: object) -> object:
        """A detected region (``pipeline.region.Detected``, a str) brings the evidence that decided it.

        So whoever builds ``Meta`` from a detected region records what detection used without passing
        it twice; a region given as a plain string was given by the caller.
        """
        if isinstance(data, dict) and "region" in data and "region_evidence" not in data:
            region = data["region"]
            evidence = getattr(region, "evidence", None) or RegionEvidence(source="given")
            data = {**data, "region": str(region), "region_evidence": evidence}
        return data


class Document(_Record):
    schema_version: Literal["1.3"] = SCHEMA_VERSION
    id: str
    source: str = Field(description="Path, JSONL id or '-' for standard input.")
    encoding: str = Field(description="How the bytes were decoded (utf-8, gb18030, big5, utf-16…).")
    script: Literal["traditional", "simplified", "mixed", "unknown"]
    text: str = Field(description="The text every offset indexes (newlines normalised to \\n).")
    meta: Meta
    entities: list[Entity]
    relations: list[Relation] = Field(default_factory=list)
    clusters: list[Cluster] = Field(default_factory=list)

    @model_validator(mode="after")
    def _offsets_hold(self) -> Document:
        n = len(self.text)
        count = len(self.entities)
        for rel in self.relations:
            if rel.person >= count or (rel.organization is not None and rel.organization >= count):
                raise ValueError(f"relation {rel} points past the entity list")
            if not (0 <= rel.evidence[0] < rel.evidence[1] <= n):
                raise ValueError(f"relation evidence {rel.evidence} is outside the text")
        for cluster in self.clusters:
            if any(i >= count for i in cluster.mentions):
                raise ValueError(f"cluster {cluster.canonical} points past the entity list")
        for e in self.entities:
            if not (0 <= e.start < e.end <= n) or self.text[e.start : e.end] != e.text:
                raise ValueError(f"entity {e.text!r} [{e.start}:{e.end}] does not match the text")
        for r in self.meta.regions:
            if not (0 <= r.start <= r.end <= n):
                raise ValueError(f"region {r.kind} [{r.start}:{r.end}] is outside the text")
        return self


class Failure(_Record):
    """An input that produced no document, and why (written to the errors file)."""

    source: str
    reason: str
