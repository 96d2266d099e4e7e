"""The ``xinwen`` command: ``xinwen extract INPUT… -o OUT`` (or ``--out-dir DIR``), ``show``, ``report``, ``schemas``,
``evaluate GOLD --format F`` (scores on annotated texts), ``export RECORDS --format F -o FILE`` (tasks for
annotation tools), ``--version``. ``python -m pipeline`` is the same command.

User errors (bad files, bad options) are one line on stderr each, never a
traceback; the batch goes on, and the exit code says whether anything failed
(0 all extracted, 1 some inputs failed, 2 bad usage or nothing to do).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from pipeline.config import Settings
from pipeline.errors import InputError, XinwenError
from pipeline.lock import OutputLock, describe
from pipeline.output import (
    ShardedWriter,
    StreamWriter,
    check_folder,
    discard_journals,
    file_layout,
    folder_layout,
    replacing,
    write_summary,
)
from pipeline.records import Failure
from pipeline.signals import Stopped, stop_signals


def version() -> str:
    """The installed package's version (its metadata), or the source tree's ``pipeline.__version__``."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("xinwen")
    except PackageNotFoundError:
        import pipeline

        return pipeline.__version__


class _Version(argparse.Action):
    """``--version``: looked up only when asked (reading package metadata is not free)."""

    def __init__(self, option_strings: list[str], dest: str, **_: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"xinwen {version()}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    from pipeline.annotations import EXPORT_FORMATS, FORMATS

    parser = argparse.ArgumentParser(prog="xinwen", description="Chinese news text in, structured records out.")
    parser.add_argument("-V", "--version", action=_Version)
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract entities from articles into JSONL")
    ex.add_argument(
        "inputs",
        nargs="+",
        help="a .txt or .html file, a folder (all such files and .jsonl[.gz] inside), a .jsonl[.gz] archive, -: stdin",
    )
    out = ex.add_mutually_exclusive_group(required=True)
    out.add_argument("-o", "--output", help="one JSONL output file (.jsonl.gz: compressed), or - for stdout")
    out.add_argument("--out-dir", type=Path, help="a folder of JSONL shards (records-00000.jsonl…), for archives")
    ex.add_argument("--errors", type=Path, help="with -o: also write failed inputs with reasons to this JSONL file")
    ex.add_argument("--parquet", action="store_true", help="also write the entities as Parquet, one row each")
    ex.add_argument("--gzip", action="store_true", help="with --out-dir: gzip-compress the shards")
    ex.add_argument("--shard-size", default="128MB", help="with --out-dir: start a new shard past this (128MB)")
    ex.add_argument("--overwrite", action="store_true", help="start afresh: no resume, a finished --out-dir replaced")
    ex.add_argument("--glob", help="in folders, only files matching this pattern (e.g. '2024-*.txt')")
    ex.add_argument(
        "--published-at", help="publication time for relative dates, ISO 8601 (default: read from the page)"
    )
    ex.add_argument("--no-ner", action="store_true", help="rules only, without the NER model")
    ex.add_argument(
        "--one-character-names",
        action="store_true",
        help="keep lone surnames, abbreviation compounds' places, peoples' places and words for where (陈先生 → 陈, "
        "中美 → 中 + 美, 中国人 → 中国, 祖国大陆 → 大陆), as MSRA does",
    )
    ex.add_argument(
        "--governments-as-places",
        action="store_true",
        help="on mainland text, a place's government, police or armed force is the place (北京市政府 → LOC "
        "北京市) and 市政府 alone is none, as MSRA annotates it; by default each is one ORG",
    )
    ex.add_argument("--model", type=Path, help="NER model directory (default: the one shipped with xinwen)")
    ex.add_argument(
        "--region", choices=["mainland", "tw", "hk", "mo"], help="where the articles come from (default: detect)"
    )
    ex.add_argument("--opencc", choices=["t2s", "tw2s", "hk2s"], help="OpenCC configuration (default: by region)")
    ex.add_argument("--workers", type=int, help="worker processes, each loading the pipeline once (default: cores)")
    ex.add_argument("--engine", choices=["local", "dask"], default="local", help="local processes or a Dask cluster")
    ex.add_argument("--scheduler", help="with --engine dask: tcp://HOST:PORT (default: start a local cluster)")
    ex.add_argument("--partition-size", type=int, help="with --engine dask: articles per partition (200)")
    ex.add_argument("--log-every", type=float, default=30.0, help="seconds between progress lines when not a terminal")
    ex.add_argument("--quiet", action="store_true", help="no progress or summary on stderr")
    show = sub.add_parser("show", help="show one article with its entities highlighted")
    show.add_argument("article", help="a text file, or - for stdin")
    show.add_argument("--html", type=Path, help="write a self-contained HTML page instead")
    show.add_argument("--no-ner", action="store_true", help="rules only, without the NER model")
    show.add_argument("--published-at", help="publication time for relative dates, ISO 8601")
    rep = sub.add_parser("report", help="an HTML report of an extraction run")
    rep.add_argument("extracted", type=Path, help="the JSONL written by `xinwen extract`")
    rep.add_argument("--html", type=Path, required=True, help="where to write the report")
    rep.add_argument("--errors", type=Path, help="the --errors file of the same run, to list failed inputs")
    sch = sub.add_parser("schemas", help="write the JSON Schemas of the records")
    sch.add_argument("outdir", type=Path, nargs="?", default=Path("schemas"))
    ev = sub.add_parser("evaluate", help="precision, recall and F1 on your own annotated texts")
    ev.add_argument("gold", type=Path, help="the annotated texts (see --format)")
    ev.add_argument(
        "--format",
        required=True,
        choices=FORMATS,
        help="bio: character per line (MSRA); label-studio: its JSON export; doccano: its JSONL; jsonl: xinwen records",
    )
    ev.add_argument("--types", help="types to score, comma-separated (default: the types the gold uses)")
    ev.add_argument(
        "--overlap", default="", help="types whose entities match by overlap, not exact span, comma-separated: LOC"
    )
    ev.add_argument(
        "--errors", type=Path, help="where to list misses and spurious entities (default: GOLD's name + .errors.txt)"
    )
    ev.add_argument("--json", type=Path, help="also write the scores to this JSON file")
    ev.add_argument("--no-ner", action="store_true", help="rules only, without the NER model")
    ev.add_argument("--model", type=Path, help="NER model directory (default: the one shipped with xinwen)")
    ev.add_argument("--published-at", help="publication time for texts whose gold gives none, ISO 8601")
    ev.add_argument(
        "--region", choices=["mainland", "tw", "hk", "mo"], help="region of texts whose gold gives none (detect)"
    )
    exp = sub.add_parser("export", help="records as pre-annotated tasks for Label Studio or doccano, or as BIO")
    exp.add_argument("records", nargs="+", type=Path, help="JSONL written by `xinwen extract` (or an --out-dir folder)")
    exp.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    exp.add_argument("-o", "--output", required=True, help="the file to write, or - for stdout")
    exp.add_argument("--types", help="only these entity types, comma-separated (default: all)")
    return parser


def _types(option: str | None, name: str) -> tuple[str, ...] | None:
    """A comma-separated list of entity types, checked (PER is PERSON)."""
    from pipeline.annotations import label
    from pipeline.scoring import TYPES

    if not option:
        return None
    types = tuple(dict.fromkeys(label(t) for t in option.split(",") if t.strip()))
    unknown = [t for t in types if t not in TYPES]
    if unknown:
        raise InputError(name, f"unknown type {unknown[0]!r} (one of {', '.join(TYPES)})")
    return types


def _evaluate(args: argparse.Namespace) -> int:
    """``xinwen evaluate``: the table on stdout, the errors in a file."""
    from pipeline.annotations import read_gold
    from pipeline.core import Pipeline, parse_published_at
    from pipeline.evaluation import as_json, evaluate, render, write_errors

    labels, overlap = _types(args.types, "--types"), _types(args.overlap, "--overlap") or ()
    if args.published_at:
        parse_published_at(args.published_at)
    golds = read_gold(args.gold, args.format)
    if not golds:
        raise InputError(str(args.gold), f"no annotated texts in it (as --format {args.format})")
    pipe = Pipeline(Settings(ner=not args.no_ner, model_path=args.model))
    result = evaluate(golds, pipe, labels, overlap, args.published_at, args.region)
    print(render(result))
    errors = args.errors or Path(f"{args.gold.name}.errors.txt")
    count = write_errors(result, errors)
    print(f"xinwen: {count:,} misses, spurious entities and wrong values -> {errors}", file=sys.stderr)
    if args.json:
        with _atomic_output(str(args.json)) as out:
            out.write(json.dumps(as_json(result), indent=2) + "\n")
    return 0


def _export(args: argparse.Namespace) -> int:
    """``xinwen export``: every record of the inputs, in the tool's format, written whole at the end."""
    from pipeline.annotations import bio_lines, doccano_line, label_studio_task, records

    types = _types(args.types, "--types")
    count = 0
    with _atomic_output(args.output) as out:
        if args.format == "label-studio":
            out.write("[")
            model = f"xinwen {version()}"
            for _, record in records(args.records):
                task = json.dumps(label_studio_task(record, model, types), ensure_ascii=False)
                out.write(f"{',' if count else ''}\n{task}")
                count += 1
            out.write("\n]\n")
        else:
            for _, record in records(args.records):
                if args.format == "doccano":
                    out.write(json.dumps(doccano_line(record, types), ensure_ascii=False) + "\n")
                else:
                    out.writelines(line + "\n" for line in bio_lines(record, types))
                count += 1
    print(f"xinwen: {count:,} records -> {args.output} ({args.format})", file=sys.stderr)
    return 0 if count else 2


@contextlib.contextmanager
def _atomic_output(name: str) -> Iterator[IO[str]]:
    """Write to a temporary file beside the target and rename it at the end: no half-written output."""
    if name == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(name)
    target.parent.mkdir(parents=True, exist_ok=True)
    with replacing(target) as tmp, tmp.open("w", encoding="utf-8") as handle:
        yield handle


_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([kmg]?)b?", re.IGNORECASE)


def _size(text: str) -> int:
    match = _SIZE.fullmatch(text.strip())
    if not match or float(match[1]) <= 0:
        raise InputError("--shard-size", f"not a size such as 64MB or 1GB: {text!r}")
    return int(float(match[1]) * {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}[match[2].lower()])


def _writer(args: argparse.Namespace, settings: Settings, locks: list[OutputLock]) -> ShardedWriter | StreamWriter:
    """The output, locked and checked before anything is removed or written; journals of an interrupted run resume.

    The locks taken are appended to ``locks`` (held until the run ends).
    """
    if args.output == "-":
        if args.parquet or args.errors or args.overwrite:
            raise InputError("-o -", "--parquet, --errors and --overwrite need files; write to -o FILE or --out-dir")
        return StreamWriter(sys.stdout)
    run = json.dumps(
        {
            "settings": settings.model_dump(mode="json"),
            "inputs": args.inputs,
            "glob": args.glob,
            "published_at": args.published_at,
            "parquet": args.parquet,
            "gzip": args.gzip,
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    if args.output:
        if args.gzip:
            raise InputError("-o", "--gzip goes with --out-dir; name the file .jsonl.gz to compress it")
        layout = file_layout(Path(args.output), args.errors, _parquet_beside(Path(args.output), args.parquet))
        _lock(locks, [(Path(args.output), False), (args.errors, False), (layout(0).parquet, False)])
        if args.overwrite:
            discard_journals(layout)
        return ShardedWriter(layout, run=run)
    if args.errors:
        raise InputError("--errors", "with --out-dir, failures go to errors-*.jsonl in the folder")
    shard_bytes = _size(args.shard_size)
    if args.out_dir.exists() and not args.out_dir.is_dir():
        raise InputError(str(args.out_dir), "--out-dir exists and is not a folder")
    _lock(locks, [(args.out_dir, True)])
    check_folder(args.out_dir, args.overwrite)
    return ShardedWriter(folder_layout(args.out_dir, args.gzip, args.parquet), shard_bytes, run=run)


def _parquet_beside(output: Path, parquet: bool) -> Path | None:
    """With ``-o FILE``, ``--parquet`` writes FILE's stem + ``.entities.parquet`` beside it."""
    stem = output.name.removesuffix(".gz").removesuffix(".jsonl")
    return output.with_name(f"{stem}.entities.parquet") if parquet else None


def _lock(locks: list[OutputLock], targets: list[tuple[Path | None, bool]]) -> None:
    """Lock every output before anything is read, removed or written; a busy one refuses the whole run."""
    for target, folder in targets:
        if target is None:
            continue
        lock = OutputLock(target, folder).acquire()
        locks.append(lock)
        if lock.took_over:
            print(
                f"xinwen: {target}: taking over the lock of a run that died ({describe(lock.took_over)})",
                file=sys.stderr,
            )


def _extract(args: argparse.Namespace) -> int:
    """``xinwen extract``: the outputs stay locked until the run has ended, however it ends."""
    locks: list[OutputLock] = []
    try:
        with stop_signals():
            return _run(args, locks)
    finally:
        for lock in locks:
            lock.release()


def _run(args: argparse.Namespace, locks: list[OutputLock]) -> int:
    from pipeline.batch import default_workers, extract_all
    from pipeline.core import parse_published_at
    from pipeline.progress import Progress
    from pipeline.sources import changed_since, count_articles, iter_inputs

    if args.published_at:
        parse_published_at(args.published_at)  # fail once, up front, not once per article
    if (args.partition_size is not None and args.partition_size < 1) or (args.workers is not None and args.workers < 1):
        raise InputError("--workers/--partition-size", "must be at least 1")
    if args.engine != "dask" and (args.scheduler or args.partition_size):
        raise InputError("--scheduler/--partition-size", "go with --engine dask")
    settings = Settings(
        ner=not args.no_ner,
        model_path=args.model,
        opencc_config=args.opencc,
        region=args.region,
        one_character_names=args.one_character_names,
        governments_by_place=not args.governments_as_places,
    )
    started = time.monotonic()
    try:
        writer = _writer(args, settings, locks)
    except OSError as exc:
        raise InputError(str(args.output or args.out_dir), f"cannot write: {exc.strerror or exc}") from None
    for notice in getattr(writer, "notices", ()):
        print(f"xinwen: {notice}", file=sys.stderr)
    already = len(writer.done)
    if already and isinstance(writer, ShardedWriter) and writer.last_written is not None:
        changed = changed_since(writer.done, writer.last_written)
        if changed:
            print(
                f"xinwen: {len(changed):,} inputs changed after the interrupted run extracted them ({changed[0]}, …); "
                "their records are kept as first extracted: use --overwrite to redo them",
                file=sys.stderr,
            )
    items = (item for item in iter_inputs(args.inputs, args.glob) if item.source not in writer.done)
    workers = args.workers or (1 if args.inputs == ["-"] else default_workers())
    if args.engine == "dask":
        from pipeline.cluster import extract_on_dask

        partition = args.partition_size or 200
        results = extract_on_dask(items, settings, args.published_at, args.scheduler, workers, partition)
    else:
        results = extract_all(items, settings, workers, args.published_at)
    progress = None
    if not args.quiet:
        progress = Progress(every=args.log_every, already=already)
        if "-" not in args.inputs:
            progress.count_in_background(lambda: count_articles(args.inputs, args.glob))
        if already:
            print(f"xinwen: resuming: {already:,} inputs already done", file=sys.stderr)
    try:
        with contextlib.closing(results):  # workers are stopped here, not when the generator is collected
            for result in results:
                if isinstance(result, Failure):
                    print(f"xinwen: {result.source}: {result.reason}", file=sys.stderr)
                writer.write(result)
                if progress is not None:
                    progress.update(result)
        writer.close()
    except OSError as exc:  # the output's disk or folder, not an input (inputs fail one by one)
        writer.abandon()
        if isinstance(exc, BrokenPipeError):
            raise  # `xinwen … -o - | head`: main() ends quietly
        where = exc.filename or args.output or args.out_dir
        raise InputError(str(where), f"cannot write: {exc.strerror or exc}; rerun to resume") from None
    except BaseException:
        writer.abandon()  # the journals stay: rerunning the same command resumes
        raise
    finally:
        if progress is not None:
            progress.close()
    target = args.output or args.out_dir
    if args.out_dir:
        records, failures = writer.verify()
        summary = {
            "records": records,
            "errors": failures,
            "shards": writer.shards,
            "resumed": already,
            "seconds": round(time.monotonic() - started, 1),
            "settings": settings.model_dump(mode="json"),
        }
        write_summary(args.out_dir, summary)
    if not args.quiet:
        print(f"xinwen: {writer.records} extracted, {writer.failures} failed -> {target}", file=sys.stderr)
    if writer.failures:
        return 1
    return 0 if writer.records else 2


def _show(args: argparse.Namespace) -> int:
    from pipeline.core import Pipeline
    from pipeline.show import bracketed, document_page, print_terminal

    raw = sys.stdin.buffer.read() if args.article == "-" else _read(Path(args.article))
    doc = Pipeline(Settings(ner=not args.no_ner)).extract_bytes(
        raw, source=args.article, published_at=args.published_at
    )
    if args.html:
        with _atomic_output(str(args.html)) as out:
            out.write(document_page(doc))
    elif sys.stdout.isatty():
        from rich.console import Console

        print_terminal(doc, Console())
    else:
        print(bracketed(doc))
    return 0


def _report(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from pipeline.records import Document
    from pipeline.show import report_page

    def records(path: Path, model: type) -> list:
        out = []
        for number, line in enumerate(_read(path).decode("utf-8", errors="replace").splitlines(), start=1):
            if line.strip():
                try:
                    out.append(model.model_validate_json(line))
                except ValidationError as exc:
                    reason = f"not a {model.__name__} record ({exc.error_count()} errors)"
                    raise InputError(f"{path}:{number}", reason) from None
        return out

    docs = records(args.extracted, Document)
    failures = records(args.errors, Failure) if args.errors else []
    with _atomic_output(str(args.html)) as out:
        out.write(report_page(docs, failures))
    print(f"xinwen: report of {len(docs)} documents -> {args.html}", file=sys.stderr)
    return 0


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None


def _schemas(args: argparse.Namespace) -> int:
    from pipeline.schemas import write_schemas

    for path in write_schemas(args.outdir):
        print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        commands = {
            "extract": _extract,
            "show": _show,
            "report": _report,
            "schemas": _schemas,
            "evaluate": _evaluate,
            "export": _export,
        }
        return commands[args.command](args)
    except XinwenError as exc:
        print(f"xinwen: {exc}", file=sys.stderr)
        return 2
    except Stopped as exc:
        print(
            f"xinwen: stopped by {exc.name}; what was written is kept: rerun the same command to resume",
            file=sys.stderr,
        )
        return 128 + exc.signum
    except KeyboardInterrupt:
        print("xinwen: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `xinwen … | head`: the reader left, nothing is wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
