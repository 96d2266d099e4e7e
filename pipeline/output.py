"""Where results go, written so that a killed run can be resumed and never leaves half a file.

Every result is appended to a hidden journal (``.records-00000.jsonl.inprogress``)
as one line and flushed: a kill loses at most the line being written. Rerunning
the same command drops a partial last line, counts the inputs already in the
journals as done, and goes on. A shard is sealed when it reaches the size limit
or the run ends: its final files (plain or gzip JSONL, the errors file, the
Parquet entity table) are written under temporary names and renamed, then the
manifest that marks the shard complete, and only then are the journals removed.
Every step is idempotent, so a kill between two of them is resumed the same way.

Two layouts share that machinery: one output file (``-o out.jsonl[.gz]``, one
shard without size limit) and a folder of shards (``--out-dir``).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from pipeline.errors import InputError
from pipeline.records import Document, Failure

SUMMARY = "summary.json"
RUN = "run.json"


@dataclass(frozen=True, slots=True)
class Shard:
    records: Path  # final JSONL, gzip-compressed when the name ends in .gz
    journal: Path
    error_journal: Path
    errors: Path | None = None
    parquet: Path | None = None
    manifest: Path | None = None  # folder layout: marks the shard complete
    run: Path | None = None  # what the run was started with: a resume must be the same run


def file_layout(output: Path, errors: Path | None, parquet: Path | None) -> Callable[[int], Shard]:
    hidden = output.with_name(f".{output.name}")
    return lambda _index: Shard(
        records=output,
        journal=hidden.with_name(hidden.name + ".inprogress"),
        error_journal=hidden.with_name(hidden.name + ".errors.inprogress"),
        errors=errors,
        parquet=parquet,
        run=hidden.with_name(hidden.name + ".run.json"),
    )


def folder_layout(folder: Path, compress: bool, parquet: bool) -> Callable[[int], Shard]:
    def shard(index: int) -> Shard:
        n = f"{index:05d}"
        return Shard(
            records=folder / f"records-{n}.jsonl{'.gz' if compress else ''}",
            journal=folder / f".records-{n}.jsonl.inprogress",
            error_journal=folder / f".errors-{n}.jsonl.inprogress",
            errors=folder / f"errors-{n}.jsonl",
            parquet=folder / f"entities-{n}.parquet" if parquet else None,
            manifest=folder / f"manifest-{n}.json",
            run=folder / RUN,
        )

    return shard


def clear_folder(folder: Path) -> None:
    """Remove a previous run's files (``--overwrite``), and only those."""
    for pattern in ("records-*", "errors-*", "entities-*", "manifest-*", ".*.inprogress", ".*.tmp", SUMMARY, RUN):
        for path in folder.glob(pattern):
            path.unlink()


class ShardedWriter:
    """Appends results to journals, seals shards, and knows which inputs are already done."""

    def __init__(self, layout: Callable[[int], Shard], shard_bytes: int | None = None, run: str = "{}") -> None:
        """``run`` (settings and inputs, as JSON) is recorded; an interrupted run is resumed only by the same run."""
        self._layout = layout
        self._shard_bytes = shard_bytes
        self.done: set[str] = set()  # sources written by an earlier, interrupted run
        self.notices: list[str] = []  # what the resume found and repaired, one line each
        self.last_written: float | None = None  # when the interrupted run last wrote (mtime), if any
        self.records = 0
        self.failures = 0
        self.shards = 0
        self._index = 0
        self._sources: list[str] = []
        self._counts = [0, 0]
        self._out: IO[bytes] | None = None
        self._err: IO[bytes] | None = None
        self._resume()
        self._check_run(run)

    def _resume(self) -> None:
        stamps = []
        while (shard := self._layout(self._index)).manifest is not None and shard.manifest.exists():
            stamps.append(shard.manifest.stat().st_mtime)
            manifest = json.loads(shard.manifest.read_text(encoding="utf-8"))
            self.done.update(manifest["sources"])
            self.records += manifest["records"]
            self.failures += manifest["errors"]
            self.shards += 1
            for journal in (shard.journal, shard.error_journal):  # killed after the manifest, before the cleanup
                journal.unlink(missing_ok=True)
            self._index += 1
        for slot, (journal, model) in enumerate(((shard.journal, Document), (shard.error_journal, Failure))):
            if journal.exists():
                stamps.append(journal.stat().st_mtime)  # before the salvage, which may truncate it
            sources = _salvage(journal, model, self.notices)
            self.done.update(sources)
            self._sources.extend(sources)
            self._counts[slot] = len(sources)
        self.records += self._counts[0]
        self.failures += self._counts[1]
        self.last_written = max(stamps, default=None)

    def _check_run(self, run: str) -> None:
        path = self._layout(0).run
        if path is None:
            return
        if self.done and path.exists() and json.loads(path.read_text(encoding="utf-8")) != json.loads(run):
            where = path.parent if path.name == RUN else self._layout(0).records
            raise InputError(
                str(where), "holds an interrupted run with other settings or inputs; rerun it as it was, or --overwrite"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        with replacing(path) as tmp:
            tmp.write_text(run + "\n", encoding="utf-8")

    def write(self, result: Document | Failure) -> None:
        shard = self._layout(self._index)
        if self._out is None:
            shard.journal.parent.mkdir(parents=True, exist_ok=True)
            self._out = shard.journal.open("ab")
            self._err = shard.error_journal.open("ab")
        handle = self._err if isinstance(result, Failure) else self._out
        assert handle is not None
        handle.write(result.model_dump_json().encode("utf-8") + b"\n")
        handle.flush()
        _still_there(shard.journal, self._out)
        self._sources.append(result.source)
        if isinstance(result, Failure):
            self.failures += 1
            self._counts[1] += 1
        else:
            self.records += 1
            self._counts[0] += 1
        if self._shard_bytes is not None and self._out.tell() >= self._shard_bytes:
            self._seal()

    def close(self) -> None:
        """Seal the last shard: the run is complete."""
        if self._out is not None or self._sources or self.shards == 0:
            self._seal()

    def abandon(self) -> None:
        """Close the journals without sealing (interrupted): the next run resumes from them."""
        for handle in (self._out, self._err):
            if handle is not None:
                handle.close()
        self._out = self._err = None

    def _seal(self) -> None:
        shard = self._layout(self._index)
        if self._out is not None:
            _still_there(shard.journal, self._out)
        self.abandon()
        shard.records.parent.mkdir(parents=True, exist_ok=True)
        with replacing(shard.records) as tmp:
            compress = shard.records.name.endswith(".gz")
            with (
                gzip.open(tmp, "wb", compresslevel=6) if compress else open(tmp, "wb") as out,
                _open_or_empty(shard.journal) as src,
            ):
                lines = _copy_counting(src, out)
        if lines != self._counts[0]:  # never claim records the shard does not hold
            raise OutputChanged(
                str(shard.journal),
                f"holds {lines} records where this run wrote {self._counts[0]}: "
                "another process wrote to it; stopped without sealing",
            )
        if shard.errors is not None and (self._counts[1] or shard.manifest is None):  # a shard: only if any
            with replacing(shard.errors) as tmp, open(tmp, "wb") as out, _open_or_empty(shard.error_journal) as src:
                shutil.copyfileobj(src, out)
        if shard.parquet is not None:
            from pipeline.table import write_parquet

            write_parquet(_json_lines(shard.journal), shard.parquet)
        if shard.manifest is not None:
            manifest = {
                "records": self._counts[0],
                "errors": self._counts[1],
                "bytes": shard.records.stat().st_size,
                "sources": self._sources,
            }
            with replacing(shard.manifest) as tmp:
                tmp.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
        for journal in (shard.journal, shard.error_journal):
            journal.unlink(missing_ok=True)
        if shard.manifest is None and shard.run is not None:
            shard.run.unlink(missing_ok=True)  # one output file: complete, nothing left to resume
        self.shards += 1
        self._index += 1
        self._sources = []
        self._counts = [0, 0]

    def verify(self) -> tuple[int, int]:
        """Records and failures of the sealed shards as their manifests state them, each checked on disk.

        Raises ``OutputChanged`` if a shard's records file is missing or is not the
        size its manifest recorded, so a summary never claims what is not there.
        """
        records = failures = 0
        for index in range(self._index):
            shard = self._layout(index)
            if shard.manifest is None:
                continue
            manifest = json.loads(shard.manifest.read_text(encoding="utf-8"))
            size = shard.records.stat().st_size if shard.records.exists() else None
            if size is None or ("bytes" in manifest and size != manifest["bytes"]):
                reason = "is missing or not what its manifest records; no summary written"
                raise OutputChanged(str(shard.records), reason)
            records += manifest["records"]
            failures += manifest["errors"]
        return records, failures


class OutputChanged(InputError):
    """An output was removed or written by someone else during the run."""


def _still_there(journal: Path, handle: IO[bytes]) -> None:
    """The journal this run appends to is still the file at its path (not deleted, moved or replaced)."""
    try:
        same = os.stat(journal).st_ino == os.fstat(handle.fileno()).st_ino
    except FileNotFoundError:
        same = False
    if not same:
        raise OutputChanged(
            str(journal.parent), "the output was deleted or moved during the run; stopped: rerun to extract again"
        )


def _copy_counting(src: IO[bytes], out: IO[bytes]) -> int:
    lines = 0
    while chunk := src.read(1 << 20):
        out.write(chunk)
        lines += chunk.count(b"\n")
    return lines


def _salvage(journal: Path, model: type[Document] | type[Failure], notices: list[str]) -> list[str]:
    """Sources of the journal's valid lines, up to the first that is not a whole record.

    That line and everything after it (a torn last line, or a journal edited or
    truncated by hand) are cut off, so their inputs are extracted again.
    """
    if not journal.exists():
        return []
    sources: list[str] = []
    good = 0
    with journal.open("r+b") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break  # torn: the kill came mid-line
            try:
                sources.append(model.model_validate_json(line).source)
            except ValueError:
                notices.append(
                    f"{journal}: line {len(sources) + 1} is not a whole record (edited?): it and the lines after it "
                    "are extracted again"
                )
                break
            good += len(line)
        handle.truncate(good)
    return sources


def _json_lines(path: Path) -> Iterator[dict]:
    with _open_or_empty(path) as handle:
        for line in handle:
            yield json.loads(line)


@contextlib.contextmanager
def _open_or_empty(path: Path) -> Iterator[IO[bytes]]:
    if path.exists():
        with path.open("rb") as handle:
            yield handle
    else:
        import io

        yield io.BytesIO()


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target``, renamed onto it once written and flushed to disk."""
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        yield tmp
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def check_folder(folder: Path, overwrite: bool) -> None:
    """A finished run's folder is not silently mixed with a new one; ``overwrite`` starts afresh."""
    if folder.exists() and not folder.is_dir():
        raise InputError(str(folder), "--out-dir exists and is not a folder")
    if overwrite:
        clear_folder(folder)
    elif (folder / SUMMARY).exists():
        raise InputError(str(folder), "holds a finished run (summary.json); use --overwrite to replace it")


def discard_journals(layout: Callable[[int], Shard]) -> None:
    """``-o FILE --overwrite``: forget an interrupted run of that file."""
    shard = layout(0)
    for path in (shard.journal, shard.error_journal, shard.run):
        if path is not None:
            path.unlink(missing_ok=True)


def write_summary(folder: Path, summary: dict) -> None:
    """The last file of a run: its presence says the folder holds a finished run."""
    with replacing(folder / SUMMARY) as tmp:
        tmp.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


class StreamWriter:
    """``-o -``: lines straight to a stream (a pipe has nothing to resume)."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self.done: set[str] = set()
        self.records = self.failures = self.shards = 0

    def write(self, result: Document | Failure) -> None:
        if isinstance(result, Failure):
            self.failures += 1
            return
        self._stream.write(result.model_dump_json() + "\n")
        self.records += 1

    def close(self) -> None:
        self._stream.flush()

    def abandon(self) -> None:
        self._stream.flush()
