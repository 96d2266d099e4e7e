"""ORG by rule: the suffix grammar of Chinese organization names.

An organization name ends in a head word (协会, 基金会, 民政厅, 有限公司)
and is preceded by modifier words (places, nouns, names): 广西标准化协会,
自治区民政厅社会组织管理局. We walk jieba's tokens leftwards from each head
over modifier POS tags; verbs and adjectives are allowed inside a name
(雨花敬老服务中心) but trimmed from its left edge (引入广西汉达…中心).
Single-character heads (局, 部) and generic ones (中心) need longer
modifiers, and common words that merely end like a name (格局, 社区) are
refused.
"""

from __future__ import annotations

from functools import cached_property

from pipeline import data
from pipeline.extract.base import Context, Mention
from pipeline.segment import Token


class OrgExtractor:
    name = "orgs"

    @cached_property
    def _words(self) -> dict:
        w = dict(data.table("zh/orgs.json"))
        w["heads_by_length"] = sorted(w["head_words"], key=len, reverse=True)
        w["titles"] = sorted(data.table("zh/people.json")["titles"], key=len, reverse=True)
        w["modifier_pos"] = frozenset(w["modifier_pos"])
        w["soft_pos"] = frozenset(w["soft_pos"])
        w["not_orgs"] = frozenset(w["not_orgs"])
        w["specific_pos"] = frozenset(w["specific_pos"])
        return w

    def find(self, ctx: Context) -> list[Mention]:
        w = self._words
        tokens = ctx.tokens
        mentions: list[Mention] = []
        allowed = ctx.spans
        for i, tok in enumerate(tokens):
            head, end = self._head(tok, w)
            if head is None:
                continue
            j = i
            while j > 0 and self._modifier(tokens[j - 1], w) and end - tokens[j - 1].start <= w["max_chars"]:
                j -= 1
            while j < i and tokens[j].pos in w["soft_pos"]:
                j += 1  # a verb or adjective may sit inside a name, not at its start
            start = tokens[j].start
            modifier_chars = end - start - len(head)
            if modifier_chars < w["weak_heads"].get(head, 2) and not (
                tok.pos == "nt" and j == i and len(tok.text) >= 3
            ):
                continue
            if not any(s <= start and end <= e for s, e in allowed):
                continue
            specific = any(t.pos in w["specific_pos"] for t in tokens[j:i]) or tok.pos == "nt"
            confidence = (0.85 if len(head) >= 2 else 0.7) if specific else 0.5
            mentions.append(Mention(start, end, "ORG", "rule", "orgs.suffix", confidence))
        return self._outermost(mentions)

    @staticmethod
    def _head(tok: Token, w: dict) -> tuple[str | None, int]:
        """The head word ending ``tok`` and where the name ends (jieba keeps 协会会长 as one word)."""
        text = tok.text
        for title in w["titles"]:
            if text.endswith(title) and len(text) > len(title):
                stem = text[: -len(title)]
                head = next((h for h in w["heads_by_length"] if stem.endswith(h) and (len(h) > 1 or stem == h)), None)
                if head:
                    return head, tok.end - len(title)
        if text in w["not_orgs"] and tok.pos != "nt":
            return None, tok.end
        for head in w["heads_by_length"]:
            if text.endswith(head):
                if len(head) == 1 and text != head and tok.pos not in ("n", "nt", "nz", "j", "nr"):
                    return None, tok.end
                return head, tok.end
        return (text, tok.end) if tok.pos == "nt" else (None, tok.end)

    @staticmethod
    def _modifier(tok: Token, w: dict) -> bool:
        return (tok.pos in w["modifier_pos"] or tok.pos in w["soft_pos"]) and tok.text.strip() == tok.text

    @staticmethod
    def _outermost(mentions: list[Mention]) -> list[Mention]:
        """Keep the longest of nested names (自治区民政厅社会组织管理局 over 自治区民政厅)."""
        mentions.sort(key=lambda m: (m.start, -m.end))
        kept: list[Mention] = []
        for m in mentions:
            if kept and m.start >= kept[-1].start and m.end <= kept[-1].end:
                continue
            if kept and m.start < kept[-1].end and m.start == kept[-1].start:
                continue
            kept.append(m)
        return kept
