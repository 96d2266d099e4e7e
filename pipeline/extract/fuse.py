"""One policy turns the extractors' proposals into non-overlapping entities.

1. Proposals of the same span and type merge: both extractors agreeing gives
   ``extractor="rule+ner"`` and a noisy-or confidence; a rule's normalized
   value is kept.
2. A rule proposal that is neither structured nor confident enough
   (``min_rule_confidence``) alone is a *hint*: it survives only when the
   model proposes the same span (step 1).
3. Overlaps are resolved greedily by rank, then length, confidence, position:
   structured rules (credit lines, titled names) first; then amounts and
   dates; then the model, agreements and specific organization names by
   suffix grammar, longest first (so 柳州市雨花敬老服务中心 beats the model's
   柳州市 + 雨花敬老服务中心, and the model's longer 北京师范大学教育学系 beats
   the rule's 北京师范大学); then the remaining rules. The order is total, so
   the result is deterministic. Measured on MSRA dev, ranking suffix names
   above longer model spans cost 2 points of ORG F1.
"""

from __future__ import annotations

from collections import defaultdict

from pipeline.extract.base import Mention

SPECIFIC_ORG = 0.85


def _rank(m: Mention) -> int:
    if m.structured:
        return 0
    if m.type in ("AMOUNT", "DATE"):
        return 1
    if m.extractor in ("ner", "rule+ner") or (m.type == "ORG" and m.confidence >= SPECIFIC_ORG):
        return 2
    return 3


def merge(mentions: list[Mention]) -> list[Mention]:
    groups: dict[tuple[int, int, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[(m.start, m.end, m.type)].append(m)
    merged = []
    for (start, end, type_), group in groups.items():
        extractors = {m.extractor for m in group}
        miss = 1.0
        for extractor in sorted(extractors):
            miss *= 1 - max(m.confidence for m in group if m.extractor == extractor)
        rule = next((m for m in group if m.extractor == "rule"), group[0])
        merged.append(
            Mention(
                start,
                end,
                type_,
                "rule+ner" if extractors == {"rule", "ner"} else group[0].extractor,
                "+".join(sorted({m.rule for m in group})),
                round(1 - miss, 3),
                rule.normalized,
                any(m.structured for m in group),
            )
        )
    return merged


def fuse(mentions: list[Mention], min_rule_confidence: float = 0.7) -> list[Mention]:
    candidates = [
        m for m in merge(mentions) if m.extractor != "rule" or m.structured or m.confidence >= min_rule_confidence
    ]
    candidates.sort(key=lambda m: (_rank(m), -(m.end - m.start), -m.confidence, m.start, m.type))
    chosen: list[Mention] = []
    occupied = bytearray(max((m.end for m in candidates), default=0))  # linear, not pairwise
    for m in candidates:
        if any(occupied[m.start : m.end]):
            continue
        chosen.append(m)
        occupied[m.start : m.end] = b"\x01" * (m.end - m.start)
    chosen.sort(key=lambda m: (m.start, m.end))
    return chosen
