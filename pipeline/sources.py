"""Where articles come from: files, folders, JSONL archives, standard input.

Each input yields ``Item``s (one article each) or ``Failure``s (an input that
could not be read, with the reason). Reading never stops at a bad input.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.records import Failure


@dataclass(frozen=True, slots=True)
class Item:
    source: str
    id: str
    raw: bytes | None = None  # bytes to decode, or
    text: str | None = None  # text already decoded (JSONL)
    published_at: str | None = None
    title: str | None = None
    url: str | None = None
    region: str | None = None


def _os_reason(exc: OSError) -> str:
    return exc.strerror.lower() if exc.strerror else type(exc).__name__


ARTICLE_SUFFIXES = (".txt", ".jsonl", ".jsonl.gz")


def _is_article(path: Path) -> bool:
    return path.is_file() and path.name.lower().endswith(ARTICLE_SUFFIXES)


def iter_inputs(inputs: list[str], pattern: str | None = None) -> Iterator[Item | Failure]:
    """Items in a stable order: the inputs as given, folders sorted; ``pattern`` filters folders (``*.txt``)."""
    for name in inputs:
        if name == "-":
            yield Item(source="-", id="stdin", raw=sys.stdin.buffer.read())
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob(pattern or "*") if _is_article(p))
            if not files:
                yield Failure(source=name, reason="folder contains no .txt, .jsonl or .jsonl.gz articles")
            for file in files:
                yield from _file(file, file.relative_to(path).as_posix().removesuffix(file.suffix))
        elif path.exists():
            yield from _file(path, path.stem)
        else:
            yield Failure(source=name, reason="no such file or folder")


def _file(path: Path, doc_id: str) -> Iterator[Item | Failure]:
    try:
        raw = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            raw = gzip.decompress(raw)
    except (OSError, EOFError) as exc:
        reason = _os_reason(exc) if isinstance(exc, OSError) and exc.strerror else f"{type(exc).__name__}: {exc}"
        yield Failure(source=str(path), reason=f"cannot read: {reason}")
        return
    if path.name.lower().endswith((".jsonl", ".jsonl.gz")):
        yield from _jsonl(raw, str(path))
    else:
        yield Item(source=str(path), id=doc_id, raw=raw)


def _jsonl(raw: bytes, source: str) -> Iterator[Item | Failure]:
    text = raw.decode("utf-8-sig", errors="replace")
    count = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(source=where, reason=f"malformed JSON ({exc.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Failure(source=where, reason='expected an object with a "text" string')
            continue
        extras = {k: record.get(k) for k in ("published_at", "title", "url", "region")}
        if any(v is not None and not isinstance(v, str) for v in extras.values()):
            yield Failure(source=where, reason="published_at, title, url and region must be strings")
            continue
        count += 1
        yield Item(
            source=where, id=str(record.get("id") or f"{Path(source).stem}:{number}"), text=record["text"], **extras
        )
    if count == 0:
        yield Failure(source=source, reason="no articles in the JSONL file")
