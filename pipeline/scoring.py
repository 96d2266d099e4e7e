"""Entity scores: precision, recall and F1 per type and overall, the one scorer of `make eval` and `xinwen evaluate`.

A span is ``(start, end, type)``: code-point offsets into the text, end
exclusive. Each sentence's gold and predicted spans are compared as sets (a
span listed twice counts once); spans of a type outside ``labels`` are left
out. Overall figures are micro-averaged: the counts of every type summed.

* **Exact** (the default, and what ``make eval`` reports): a prediction is
  right when the gold has the same span with the same type.
* **Overlap**, for the types in ``overlap`` (``xinwen evaluate --overlap LOC``):
  after the exact matches, a prediction of such a type that overlaps a gold
  span of the same type, itself not yet matched, is right too. Each gold span
  matches at most one prediction and each prediction one gold span; pairs are
  taken in order of start. Place names are where annotation guidelines differ
  most (广西壮族自治区南宁市 as one place or two), hence the option.

``match`` gives the pairs, the misses and the spurious spans behind the
counts, for listing errors; ``score`` adds them up. Values are compared by
``same_value``: an amount by number (``7500000`` = ``7.5E+6``), a date as
the ISO string.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

Span = tuple[int, int, str]
LABELS = ("PERSON", "LOC", "ORG")
TYPES = ("PERSON", "LOC", "ORG", "AMOUNT", "DATE")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Matched:
    """One sentence compared: (gold, predicted) pairs counted right, gold spans missed, predictions spurious."""

    pairs: list[tuple[Span, Span]] = field(default_factory=list)
    missed: list[Span] = field(default_factory=list)
    spurious: list[Span] = field(default_factory=list)


def match(
    gold: Iterable[Span], predicted: Iterable[Span], labels: Collection[str] = LABELS, overlap: Collection[str] = ()
) -> Matched:
    """Compare one sentence's spans: exact matches, then overlap matches for the types in ``overlap``."""
    g = {s for s in gold if s[2] in labels}
    p = {s for s in predicted if s[2] in labels}
    exact = g & p
    result = Matched(pairs=[(s, s) for s in sorted(exact)])
    g_left, p_left = sorted(g - exact), sorted(p - exact)
    if overlap:
        taken: set[Span] = set()
        unmatched = []
        for pred in p_left:
            partner = None
            if pred[2] in overlap:
                partner = next(
                    (s for s in g_left if s not in taken and s[2] == pred[2] and s[0] < pred[1] and pred[0] < s[1]),
                    None,
                )
            if partner is None:
                unmatched.append(pred)
            else:
                taken.add(partner)
                result.pairs.append((partner, pred))
        g_left = [s for s in g_left if s not in taken]
        p_left = unmatched
    result.missed, result.spurious = g_left, p_left
    return result


def score(
    gold: Iterable[Iterable[Span]],
    predicted: Iterable[Iterable[Span]],
    labels: tuple[str, ...] = LABELS,
    overlap: Collection[str] = (),
) -> dict[str, dict[str, float | int]]:
    """Scores per label and overall (micro-averaged) over aligned sentences: exact spans, or overlap for ``overlap``."""
    counts = {label: Counts() for label in labels}
    for g_spans, p_spans in zip(gold, predicted, strict=True):
        add(counts, match(g_spans, p_spans, labels, overlap))
    return scores(counts)


def add(counts: dict[str, Counts], matched: Matched) -> None:
    """Add one sentence's comparison to the per-label counts."""
    for gold, _ in matched.pairs:
        counts[gold[2]].tp += 1
    for span in matched.spurious:
        counts[span[2]].fp += 1
    for span in matched.missed:
        counts[span[2]].fn += 1


def scores(counts: dict[str, Counts]) -> dict[str, dict[str, float | int]]:
    """``{"overall": …, LABEL: …}`` from per-label counts; overall sums them."""
    total = Counts(*(sum(getattr(c, k) for c in counts.values()) for k in ("tp", "fp", "fn")))
    return {"overall": total.scores(), **{label: c.scores() for label, c in counts.items()}}


def same_value(kind: str, gold: str, got: object) -> bool:
    """Whether a found value (an ``Amount``/``DateValue``'s ``value``, or its text) is the gold value.

    Amounts compare as numbers (``7500000`` and ``7.5E+6`` are one value); dates as ISO strings.
    """
    if got is None:
        return False
    if kind == "AMOUNT":
        try:
            return Decimal(str(gold)) == Decimal(str(got))
        except (InvalidOperation, ValueError):
            return False
    return str(gold) == str(got)
