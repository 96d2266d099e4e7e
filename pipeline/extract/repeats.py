"""The document's own evidence: a name found once is found again, and an abbreviation it defines is a name.

News introduces a body once in full and then uses its short name (台灣電力公司
（台電）… 台電表示), and repeats a company's or a person's name where the
sentence gives the model less to go on. After fusion, this stage

* reads definitions after an organization: ``X（台電）``, ``X（以下简称“台电”）``,
  ``X，简称台电``: the short name is an organization too;
* finds every other occurrence of each name the document holds (ORG, PERSON,
  LOC, two characters or more; a surface given two types is left alone),
  where no entity is yet, inside the article's text regions, starting and
  ending on jieba word boundaries (so 王刚 is not found inside 王刚才).

Added mentions carry ``rule="repeats.document"`` or ``"repeats.abbreviation"``
and the confidence of the mention they repeat, capped at 0.8.
"""

from __future__ import annotations

import re
from collections import defaultdict

from pipeline.extract.base import Context, Mention, within

NAMED = ("ORG", "PERSON", "LOC")
_QUOTE_OPEN = "“\"「『‘'"
_QUOTE_CLOSE = "”\"」』’'"
_DEFINITION = re.compile(
    rf"[（(][ \u3000]*(?:(?:以下)?(?:简称|下称|简称为)[ \u3000]*[:：]?)?[ \u3000]*[{_QUOTE_OPEN}]?"
    rf"(?P<short>[\u4e00-\u9fffA-Za-z0-9&]{{2,8}})[{_QUOTE_CLOSE}]?[ \u3000]*[）)]"
    rf"|[，,][ \u3000]*(?:以下)?(?:简称|下称)[ \u3000]*[{_QUOTE_OPEN}]?(?P<after>[\u4e00-\u9fffA-Za-z0-9&]{{2,8}})"
    rf"[{_QUOTE_CLOSE}]?"
)
MAX_CONFIDENCE = 0.8


class Repeats:
    name = "repeats"

    def extend(self, mentions: list[Mention], ctx: Context) -> list[Mention]:
        """``mentions`` (fused, disjoint) with the definitions and repeated names added; still disjoint, sorted."""
        text = ctx.folded
        occupied = bytearray(len(text))
        for m in mentions:
            occupied[m.start : m.end] = b"\x01" * (m.end - m.start)
        added = self._definitions(mentions, text, occupied)
        names: dict[str, set[str]] = defaultdict(set)
        confidence: dict[str, float] = {}
        for m in [*mentions, *added]:
            if m.type in NAMED and m.end - m.start >= 2:
                surface = text[m.start : m.end]
                names[surface].add(m.type)
                confidence[surface] = max(confidence.get(surface, 0.0), m.confidence)
        starts = {t.start for t in ctx.tokens}
        ends = {t.end for t in ctx.tokens}
        for surface in sorted(names, key=len, reverse=True):  # longest first: 台積電公司 before 台積電
            if len(names[surface]) != 1:
                continue
            (kind,) = names[surface]
            for match in re.finditer(re.escape(surface), text):
                start, end = match.span()
                if any(occupied[start:end]) or start not in starts or end not in ends:
                    continue
                if not within(ctx.spans, start, end):
                    continue
                added.append(
                    Mention(start, end, kind, "rule", "repeats.document", min(confidence[surface], MAX_CONFIDENCE))
                )
                occupied[start:end] = b"\x01" * (end - start)
        return sorted([*mentions, *added], key=lambda m: (m.start, m.end))

    @staticmethod
    def _definitions(mentions: list[Mention], text: str, occupied: bytearray) -> list[Mention]:
        found = []
        for m in mentions:
            if m.type != "ORG":
                continue
            match = _DEFINITION.match(text, m.end)
            if not match:
                continue
            group = "short" if match["short"] else "after"
            start, end = match.span(group)
            short = match[group]
            if any(occupied[start:end]) or short == text[m.start : m.end]:
                continue
            found.append(Mention(start, end, "ORG", "rule", "repeats.abbreviation", min(m.confidence, MAX_CONFIDENCE)))
            occupied[start:end] = b"\x01" * (end - start)
        return found
