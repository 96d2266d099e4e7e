"""Where articles come from: files, folders, JSONL archives, saved HTML pages, standard input.

Each input yields ``Item``s (one article each) or ``Failure``s (an input that
could not be read, with the reason). Reading never stops at a bad input, and
only one file is in memory at a time, however large the archive.

HTML pages are read here and handed on as bytes; their main text is
extracted in the workers (``pipeline/html.py``). On resume, inputs already done
are skipped before they are read or parsed.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import sys
import zlib
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.records import Failure


@dataclass(frozen=True, slots=True)
class Item:
    source: str
    id: str
    raw: bytes | None = None  # bytes to decode, or
    text: str | None = None  # text already decoded (JSONL)
    html: bool = False  # raw is a saved HTML page
    published_at: str | None = None
    title: str | None = None
    url: str | None = None
    region: str | None = None


def _os_reason(exc: OSError) -> str:
    return exc.strerror.lower() if exc.strerror else type(exc).__name__


ARTICLE_SUFFIXES = (".txt", ".jsonl", ".jsonl.gz", ".html", ".htm")
ARCHIVE_SUFFIXES = (".jsonl", ".jsonl.gz")
HTML_SUFFIXES = (".html", ".htm")


def _is_article(path: Path) -> bool:
    return path.is_file() and path.name.lower().endswith(ARTICLE_SUFFIXES)


def _files(inputs: list[str], pattern: str | None) -> Iterator[tuple[Path, str] | Failure]:
    """Each input file with its document id, in a stable order (folders sorted)."""
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob(pattern or "*") if _is_article(p))
            if not files:
                yield Failure(source=name, reason="folder contains no .txt, .html, .jsonl or .jsonl.gz articles")
            for file in files:
                yield file, file.relative_to(path).as_posix().removesuffix(file.suffix)
        elif path.exists():
            yield path, path.stem
        else:
            yield Failure(source=name, reason="no such file or folder")


def iter_inputs(inputs: list[str], pattern: str | None = None, skip: Container[str] = ()) -> Iterator[Item | Failure]:
    """Items in a stable order: the inputs as given, folders sorted; ``pattern`` filters folders (``*.txt``).

    Sources in ``skip`` (done by an interrupted run) are not yielded; files among them are not even read.
    """
    return (result for result in _inputs(inputs, pattern, skip) if result.source not in skip)


def _inputs(inputs: list[str], pattern: str | None, skip: Container[str]) -> Iterator[Item | Failure]:
    for name in inputs:
        if name == "-":
            yield Item(source="-", id="stdin", raw=sys.stdin.buffer.read() if name not in skip else b"")
            continue
        for entry in _files([name], pattern):
            if isinstance(entry, Failure):
                yield entry
            elif str(entry[0]) not in skip or entry[0].name.lower().endswith(ARCHIVE_SUFFIXES):
                yield from _file(*entry, skip)


def count_articles(inputs: list[str], pattern: str | None = None) -> int:
    """How many articles the inputs hold (JSONL lines counted), for the ETA; cheap next to extraction."""
    total = 0
    for entry in _files(inputs, pattern):
        if isinstance(entry, Failure):
            continue
        path = entry[0]
        if not path.name.lower().endswith(ARCHIVE_SUFFIXES):
            total += 1
            continue
        try:
            with (gzip.open if path.name.lower().endswith(".gz") else open)(path, "rb") as handle:
                total += sum(1 for line in handle if line.strip())
        except (OSError, EOFError, zlib.error):
            total += 1  # reported as one failure when read
    return total


def _cannot_read(source: str, exc: OSError | EOFError | zlib.error) -> Failure:
    reason = _os_reason(exc) if isinstance(exc, OSError) and exc.strerror else f"{type(exc).__name__}: {exc}"
    return Failure(source=source, reason=f"cannot read: {reason}")


def _file(path: Path, doc_id: str, skip: Container[str] = ()) -> Iterator[Item | Failure]:
    if path.name.lower().endswith(ARCHIVE_SUFFIXES):
        yield from _jsonl(path, skip)
        return
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield _cannot_read(str(path), exc)
        return
    yield Item(source=str(path), id=doc_id, raw=raw, html=path.name.lower().endswith(HTML_SUFFIXES))


def _jsonl(path: Path, skip: Container[str] = ()) -> Iterator[Item | Failure]:
    """Line by line, so an archive of any size streams; a torn .gz keeps the lines before the tear."""
    source = str(path)
    count = number = 0
    try:
        with (gzip.open if path.name.lower().endswith(".gz") else open)(path, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                line = raw.decode("utf-8", errors="replace")
                if number == 1:
                    line = line.removeprefix("\ufeff")
                if not line.strip():
                    continue
                where = f"{source}:{number}"
                if where in skip:
                    count += 1  # done by an earlier run
                    continue
                result = _record(line, where, f"{path.stem.removesuffix('.jsonl')}:{number}")
                count += isinstance(result, Item)
                yield result
    except (OSError, EOFError, zlib.error) as exc:
        yield _cannot_read(f"{source}:{number + 1}" if number else source, exc)
        return
    if count == 0:
        yield Failure(source=source, reason="no articles in the JSONL file")


def _record(line: str, where: str, default_id: str) -> Item | Failure:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Failure(source=where, reason=f"malformed JSON ({exc.msg})")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return Failure(source=where, reason='expected an object with a "text" string')
    extras = {k: record.get(k) for k in ("published_at", "title", "url", "region")}
    if any(v is not None and not isinstance(v, str) for v in extras.values()):
        return Failure(source=where, reason="published_at, title, url and region must be strings")
    return Item(source=where, id=str(record.get("id") or default_id), text=record["text"], **extras)


def changed_since(sources: Iterable[str], when: float) -> list[str]:
    """The input files behind ``sources`` (paths, or ``path:line`` of a JSONL archive) modified after ``when``."""
    files = {source if Path(source).is_file() else source.rpartition(":")[0] for source in sources}
    changed = []
    for name in sorted(files):
        with contextlib.suppress(OSError):
            if name and Path(name).stat().st_mtime > when:
                changed.append(name)
    return changed
