"""Where articles come from: files, folders, JSONL archives, standard input.

Each input yields ``Item``s (one article each) or ``Failure``s (an input that
could not be read, with the reason). Reading never stops at a bad input.
"""

from __future__ import annotations

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


def iter_inputs(inputs: list[str]) -> Iterator[Item | Failure]:
    for name in inputs:
        if name == "-":
            yield Item(source="-", id="stdin", raw=sys.stdin.buffer.read())
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".txt", ".jsonl"))
            if not files:
                yield Failure(source=name, reason="folder contains no .txt or .jsonl articles")
            for file in files:
                yield from _file(file, file.relative_to(path).with_suffix("").as_posix())
        elif path.exists():
            yield from _file(path, path.stem)
        else:
            yield Failure(source=name, reason="no such file or folder")


def _file(path: Path, doc_id: str) -> Iterator[Item | Failure]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield Failure(source=str(path), reason=f"cannot read: {_os_reason(exc)}")
        return
    if path.suffix.lower() == ".jsonl":
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
