"""Rule mentions checked against jieba's words, before fusion.

Patterns match characters, but a reader sees words: 明日 (tomorrow) inside
光明日报 or 四人 inside 四人帮 is no date and no amount, and a speech-verb or
byline pattern that catches 应当 or 呼吁 has caught a verb, not a name. So a
date or amount spelled in words only (no digit) is dropped when it lies partly
inside a word jieba tags as a proper name (``orgs.json`` ``specific_pos``) or
inside a longer name the model found (三处 in 铁道部十四局三处丽华服装厂),
and a rule's person that is exactly one dictionary word of a non-name part of
speech (``people.json`` ``not_name_pos``) is dropped. Other word boundaries
are not required: jieba also joins ordinary words (较前年), and splits numbers
unpredictably.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from pipeline import data
from pipeline.extract.base import Mention
from pipeline.segment import Token

_DIGIT = re.compile(r"[0-9０-９]")


@cache
def _pos_sets() -> tuple[frozenset[str], frozenset[str]]:
    names = data.table("zh/orgs.json")["specific_pos"]
    return frozenset(names), frozenset(data.table("zh/people.json")["not_name_pos"])


def whole_words(mentions: list[Mention], tokens: list[Token], text: str) -> list[Mention]:
    name_pos, not_name_pos = _pos_sets()
    starts = [t.start for t in tokens]
    pos = {(t.start, t.end): t.pos for t in tokens}

    def inside_a_name(m: Mention) -> bool:
        i = max(bisect_right(starts, m.start) - 1, 0)
        while i < len(tokens) and tokens[i].start < m.end:
            t = tokens[i]
            if t.end > m.start and t.pos in name_pos and (t.start < m.start or t.end > m.end):
                return True
            i += 1
        return False

    model_names = sorted((m.start, m.end) for m in mentions if m.extractor == "ner")  # disjoint spans
    model_starts = [start for start, _ in model_names]

    def inside_a_model_name(m: Mention) -> bool:
        i = bisect_right(model_starts, m.start) - 1
        return i >= 0 and model_names[i][1] >= m.end and model_names[i][1] - model_names[i][0] > m.end - m.start

    kept = []
    for m in mentions:
        if m.extractor != "ner":
            if (
                m.type in ("DATE", "AMOUNT")
                and not _DIGIT.search(text, m.start, m.end)
                and (inside_a_name(m) or inside_a_model_name(m))
            ):
                continue
            if m.type == "PERSON" and pos.get((m.start, m.end)) in not_name_pos:
                continue
        kept.append(m)
    return kept
