"""``xinwen evaluate``: the pipeline on a user's own gold, scored by ``pipeline.scoring`` (the scorer of ``make eval``).

The gold texts go through ``Pipeline.pipe`` (each with the gold's publication
time and region, when it carries them); the entities found are compared with
the gold's, per type and overall, exact spans (or overlap for the types asked).
Types scored: those asked for, else those the gold uses (a corpus that marks
only PERSON, LOC and ORG is not charged for the amounts and dates xinwen also
finds). Where the gold carries values (AMOUNT and DATE in xinwen's records),
each gold value whose span was found is compared with the value found.

Every miss, spurious entity and wrong value is listed, document by document, in
a plain-text file a person can read (``write_errors``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from pipeline.annotations import GoldDocument
from pipeline.errors import InputError
from pipeline.scoring import TYPES, Counts, Matched, add, match, same_value, scores

VALUED = ("AMOUNT", "DATE")


@dataclass
class Compared:
    """One gold document against what the pipeline found in it."""

    gold: GoldDocument
    matched: Matched
    wrong_values: list[tuple[tuple[int, int, str], str, str | None]] = field(default_factory=list)
    failed: str | None = None  # why the pipeline refused the text (then nothing was found)


@dataclass
class Evaluation:
    labels: tuple[str, ...]
    overlap: tuple[str, ...]
    scores: dict[str, dict[str, float | int]]
    values: dict[str, tuple[int, int]]  # per valued type: right, compared (gold values whose span was found)
    documents: list[Compared]
    other_labels: Counter  # gold labels outside xinwen's types, left out

    @property
    def failures(self) -> list[Compared]:
        return [d for d in self.documents if d.failed]


def types_of(golds: Iterable[GoldDocument]) -> tuple[str, ...]:
    """xinwen's types the gold uses, in xinwen's order (all five if it marks none)."""
    used = {e.type for g in golds for e in g.entities}
    return tuple(t for t in TYPES if t in used) or TYPES


def evaluate(
    golds: list[GoldDocument],
    pipe: object,
    labels: tuple[str, ...] | None = None,
    overlap: Collection[str] = (),
    published_at: str | None = None,
    region: str | None = None,
    batch_size: int = 64,
) -> Evaluation:
    """Run ``pipe`` (a ``Pipeline``) on the gold texts and score it; ``published_at``/``region`` are the defaults
    for documents whose gold does not give them."""
    labels = labels or types_of(golds)
    overlap = tuple(t for t in overlap if t in labels)
    counts = {label: Counts() for label in labels}
    values = {t: [0, 0] for t in VALUED if t in labels}
    requests = (
        (
            g.text,
            {"source": g.name, "published_at": g.published_at or published_at, "region": g.region or region},
        )
        for g in golds
    )
    documents = []
    for gold, found in zip(golds, pipe.extract_many(requests, batch_size), strict=True):
        failed = found.reason if isinstance(found, InputError) else None
        entities = [] if failed else found.entities
        predicted = [(e.start, e.end, e.type) for e in entities]
        matched = match([(e.start, e.end, e.type) for e in gold.entities], predicted, labels, overlap)
        add(counts, matched)
        compared = Compared(gold, matched, failed=failed)
        by_span = {(e.start, e.end, e.type): e for e in entities}
        for g in gold.entities:
            key = (g.start, g.end, g.type)
            if g.value is None or g.type not in values or key not in by_span:
                continue
            normalized = by_span[key].normalized
            got = getattr(normalized, "value", None)
            values[g.type][1] += 1
            if same_value(g.type, g.value, got):
                values[g.type][0] += 1
            else:
                compared.wrong_values.append((key, g.value, None if got is None else str(got)))
        documents.append(compared)
    other = Counter(e.type for g in golds for e in g.entities if e.type not in TYPES)
    return Evaluation(
        labels, overlap, scores(counts), {t: (r, n) for t, (r, n) in values.items() if n}, documents, other
    )


def render(result: Evaluation) -> str:
    """The table ``xinwen evaluate`` prints: P / R / F1 per type, then overall, then value accuracy."""
    match_kind = "exact spans" + (f"; overlap for {', '.join(result.overlap)}" if result.overlap else "")
    lines = [
        f"{len(result.documents):,} documents, {match_kind}",
        f"{'type':<8} {'precision':>9} {'recall':>7} {'F1':>7} {'gold':>7} {'found':>7} {'right':>7}",
    ]
    for key in (*result.labels, "overall"):
        s = result.scores[key]
        lines.append(
            f"{key:<8} {s['p']:>9.3f} {s['r']:>7.3f} {s['f1']:>7.3f} {s['tp'] + s['fn']:>7,} {s['tp'] + s['fp']:>7,} "
            f"{s['tp']:>7,}"
        )
    for kind, (right, compared) in result.values.items():
        lines.append(f"values {kind}: {right}/{compared} right ({right / compared:.3f}) of the gold values found")
    if result.other_labels:
        others = ", ".join(f"{k} ({n})" for k, n in sorted(result.other_labels.items()))
        lines.append(f"gold labels left out (not xinwen's types): {others}")
    if result.failures:
        lines.append(f"{len(result.failures)} documents the pipeline refused (counted as finding nothing)")
    return "\n".join(lines)


def as_json(result: Evaluation) -> dict:
    """The scores as a JSON object (``--json``): per type and overall, and value accuracy."""
    return {
        **result.scores,
        "values": {t: {"right": r, "compared": n} for t, (r, n) in result.values.items()},
        "meta": {
            "documents": len(result.documents),
            "labels": list(result.labels),
            "overlap": list(result.overlap),
            "refused": len(result.failures),
        },
    }


def write_errors(result: Evaluation, path: Path) -> int:
    """Misses, spurious entities and wrong values, document by document, for a person to read; returns how many."""
    from pipeline.output import replacing

    with replacing(path) as tmp, tmp.open("w", encoding="utf-8") as out:
        return _write_errors(result, out)


def _write_errors(result: Evaluation, out: IO[str]) -> int:
    total = 0
    out.write(
        "# xinwen evaluate: what the pipeline missed (gold it did not find), what it found that the gold does not\n"
        "# have (spurious), and values it got wrong. [start:end] are code-point offsets into the text.\n"
    )
    for doc in result.documents:
        items = []
        if doc.failed:
            items.append(f"  refused   {doc.failed}")
        spurious = {s: _near(s, doc.gold) for s in doc.matched.spurious}
        rows = [("missed", s, "") for s in doc.matched.missed] + [("spurious", s, n) for s, n in spurious.items()]
        for kind, (start, end, label), note in sorted(rows, key=lambda r: (r[1][0], r[1][1], r[0])):
            items.append(f"  {kind:<9} {label:<7} [{start}:{end}] {doc.gold.text[start:end]}{note}")
        for (start, end, label), gold, got in doc.wrong_values:
            items.append(f"  value     {label:<7} [{start}:{end}] {doc.gold.text[start:end]}  gold {gold}, found {got}")
        if not items:
            continue
        total += len(items)
        out.write(f"\n## {doc.gold.name}\n{doc.gold.text}\n")
        out.write("\n".join(items) + "\n")
    return total


def _near(span: tuple[int, int, str], gold: GoldDocument) -> str:
    """For a spurious entity: the gold entities it overlaps, if any (a boundary or type error, not a new name)."""
    start, end, _ = span
    near = [g for g in gold.entities if g.start < end and start < g.end]
    if not near:
        return ""
    return "  (gold: " + ", ".join(f"{g.type} {gold.text[g.start : g.end]} [{g.start}:{g.end}]" for g in near) + ")"
