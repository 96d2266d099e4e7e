"""Annotation formats: gold entities read from, and xinwen's records written for, the tools people annotate in.

``xinwen evaluate`` reads gold with ``read_gold``; ``xinwen export`` writes
records with ``label_studio_task``, ``doccano_line`` and ``bio_lines``. Each
format, and how its offsets map onto xinwen's (code points into the text, end
exclusive):

* ``bio``: one character per line, its tag after a tab or space, a blank line
  between sentences (MSRA's layout). Tags ``B-``/``I-`` (BIO), also ``E-``/``S-``
  (BIOES), ``M-`` (BMES) and ``L-``/``U-`` (BILOU); ``O`` outside. A line may
  hold a longer token instead of one character: its tag covers the whole token.
* ``label-studio``: Label Studio's JSON export, a list of tasks, each with
  ``data.text`` and ``annotations``; the first annotation not cancelled is the
  gold (a task without one is skipped). Its ``labels`` results give the
  entities. **Offsets are JavaScript string indices (UTF-16 code units)**: a
  character outside the Basic Multilingual Plane (𠮷, an emoji) counts two, so
  they are converted both ways; ``value.text``, when present, is checked
  against the text.
* ``doccano``: JSONL, ``{"text": …, "label": [[start, end, "TYPE"], …]}``, end
  exclusive, offsets in code points (as doccano writes them; its newer
  ``"entities": [{"start_offset", "end_offset", "label"}]`` is read too). A label
  may carry a fourth element, the gold value of an AMOUNT or DATE
  (``[13, 19, "AMOUNT", "7500000"]``), for value accuracy.
* ``jsonl``: xinwen's own records (``xinwen extract`` output, or hand-corrected
  copies), with values: ``normalized.value`` of AMOUNT and DATE.

Type names: ``PER`` is read as ``PERSON``; names are matched case-blind; other
labels are kept as they are (the scorer leaves out types it is not asked for).
A gold document may carry ``published_at`` and ``region`` (in Label Studio's
``data``, doccano's line, a record's ``meta``), which the evaluation passes to
the pipeline; ``export`` writes them there. Texts are taken with CRLF and CR
made LF, as the pipeline reads them, and gold offsets are moved accordingly.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import InputError

FORMATS = ("bio", "label-studio", "doccano", "jsonl")
EXPORT_FORMATS = ("label-studio", "doccano", "bio")
ALIASES = {"PER": "PERSON", "PERSON": "PERSON", "LOC": "LOC", "ORG": "ORG", "AMOUNT": "AMOUNT", "DATE": "DATE"}
BIO_NAMES = {"PERSON": "PER"}  # the tag names export writes, MSRA's: B-PER, B-LOC, B-ORG; AMOUNT and DATE as they are
LABEL_STUDIO_FROM, LABEL_STUDIO_TO = "label", "text"  # the names of the labeling config's Labels and Text tags


@dataclass(frozen=True, slots=True)
class GoldEntity:
    start: int
    end: int
    type: str
    value: str | None = None  # AMOUNT/DATE value, when the gold carries one


@dataclass(slots=True)
class GoldDocument:
    name: str  # where it was read: FILE:LINE, or FILE#TASK_ID
    text: str
    entities: list[GoldEntity] = field(default_factory=list)
    published_at: str | None = None
    region: str | None = None


def label(name: str) -> str:
    """A gold label in xinwen's names: PER -> PERSON, loc -> LOC; others unchanged."""
    return ALIASES.get(name.strip().upper(), name.strip())


class Utf16:
    """Offsets of one text between code points (Python, xinwen) and UTF-16 code units (JavaScript, Label Studio)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._wide = any(ord(ch) > 0xFFFF for ch in text)
        if self._wide:
            units = [0]
            for ch in text:
                units.append(units[-1] + (2 if ord(ch) > 0xFFFF else 1))
            self._units = units  # code point i starts at UTF-16 unit units[i]
            self._points = {unit: i for i, unit in enumerate(units)}

    def to_utf16(self, offset: int) -> int:
        return self._units[offset] if self._wide else offset

    def to_code_points(self, offset: int, where: str) -> int:
        if not self._wide:
            return offset
        if offset not in self._points:
            raise InputError(where, f"offset {offset} falls inside a character outside the BMP (UTF-16 surrogate pair)")
        return self._points[offset]


def normalized_newlines(text: str) -> tuple[str, list[int] | None]:
    """``text`` with CRLF and CR made LF (as the pipeline reads it), and each old offset's new one (None: unchanged)."""
    if "\r" not in text:
        return text, None
    moved, at, i = [], 0, 0
    while i < len(text):
        moved.append(at)
        if text.startswith("\r\n", i):
            moved.append(at)  # the LF of CRLF goes where its CR went
            i += 2
        else:
            i += 1
        at += 1
    moved.append(at)
    return text.replace("\r\n", "\n").replace("\r", "\n"), moved


def _checked(doc: GoldDocument, raw: list[tuple[int, int, str, str | None]], where: str) -> GoldDocument:
    """Gold entities checked against the text (then moved onto its LF-only form)."""
    text, moved = normalized_newlines(doc.text)
    for start, end, kind, value in raw:
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(doc.text)):
            raise InputError(where, f"entity [{start}:{end}] {kind} is outside the text ({len(doc.text)} characters)")
        if moved is not None:
            start, end = moved[start], moved[end]
        doc.entities.append(GoldEntity(start, end, label(str(kind)), None if value is None else str(value)))
    doc.text = text
    return doc


def read_gold(path: Path, fmt: str) -> list[GoldDocument]:
    """Every gold document of ``path`` in ``fmt`` (one of ``FORMATS``); a malformed one is an ``InputError``."""
    readers = {"bio": read_bio, "label-studio": read_label_studio, "doccano": read_doccano, "jsonl": read_records}
    if fmt not in readers:
        raise InputError(str(path), f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    try:
        return list(readers[fmt](path))
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text") from None


def _lines(path: Path) -> Iterator[str]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        for line in handle:
            yield line.removesuffix("\n").removesuffix("\r")


def read_bio(path: Path) -> Iterator[GoldDocument]:
    """Character-per-line BIO / BIOES / BMES / BILOU, a blank line between sentences."""
    chars: list[str] = []
    tags: list[tuple[str, str]] = []  # prefix (B, I, E, S, L, U or O), type
    first = 0

    def flush() -> GoldDocument:
        spans, start, kind, offset = [], None, None, 0
        for token, (prefix, tag_type) in zip(chars, tags, strict=True):
            begins = prefix in "BSU" or start is None or tag_type != kind
            if start is not None and (prefix in "BSUO" or tag_type != kind):
                spans.append((start, offset, kind, None))
                start = kind = None
            if prefix != "O" and begins:
                start, kind = offset, tag_type
            offset += len(token)
            if start is not None and prefix in "ELSU":
                spans.append((start, offset, kind, None))
                start = kind = None
        if start is not None:
            spans.append((start, offset, kind, None))
        return _checked(GoldDocument(f"{path}:{first}", "".join(chars)), spans, f"{path}:{first}")

    for number, line in enumerate(_lines(path), start=1):
        if not line.strip() or line.startswith("-DOCSTART-"):
            if chars:
                yield flush()
                chars, tags = [], []
            continue
        tag = line.split()[-1]
        token = line[: len(line) - len(tag)].rstrip(" \t") or line[0]
        if not chars:
            first = number
        chars.append(token)
        tags.append(_tag(tag, f"{path}:{number}"))
    if chars:
        yield flush()


def _tag(tag: str, where: str) -> tuple[str, str]:
    if tag.upper() == "O":
        return "O", ""
    prefix, sep, kind = tag.partition("-")
    if not sep:
        prefix, sep, kind = tag.partition("_")
    prefix = prefix.upper()
    if not sep or not kind or prefix not in ("B", "I", "M", "E", "S", "L", "U"):
        raise InputError(where, f"not a BIO/BIOES tag: {tag!r} (B-ORG, I-ORG, E-ORG, S-ORG or O)")
    return {"M": "I"}.get(prefix, prefix), label(kind)


def _json(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}", f"not JSON: {exc.msg}") from None


def _json_lines(path: Path) -> Iterator[tuple[str, dict]]:
    for number, line in enumerate(_lines(path), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(where, f"not a JSON line: {exc.msg}") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(where, 'not an object with a "text" string')
        yield where, record


def read_label_studio(path: Path) -> Iterator[GoldDocument]:
    """Label Studio's JSON export: the first annotation of each task that was not cancelled."""
    tasks = _json(path)
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise InputError(str(path), "not a Label Studio export (a JSON list of tasks)")
    for number, task in enumerate(tasks, start=1):
        where = f"{path}#{task.get('id', number) if isinstance(task, dict) else number}"
        data = task.get("data") if isinstance(task, dict) else None
        text = data.get("text") if isinstance(data, dict) else None
        if not isinstance(text, str):
            raise InputError(where, 'a task without "data.text"')
        annotation = next(
            (a for a in task.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")), None
        )
        if annotation is None:
            continue  # not annotated (yet): not gold
        offsets = Utf16(text)
        raw = []
        for result in annotation.get("result") or []:
            if not isinstance(result, dict) or result.get("type") != "labels":
                continue  # relations, choices, text areas: not entities
            value = result.get("value") or {}
            labels = value.get("labels") or []
            try:
                start = offsets.to_code_points(int(value["start"]), where)
                end = offsets.to_code_points(int(value["end"]), where)
            except (KeyError, TypeError, ValueError):
                raise InputError(where, f"a labels result without integer start/end: {value!r}") from None
            if not labels:
                continue
            if "text" in value and text[start:end] != value["text"]:
                raise InputError(
                    where,
                    f"value.text {value['text']!r} is not the text at [{value['start']}:{value['end']}] "
                    f"(UTF-16 offsets), {text[start:end]!r}",
                )
            raw.append((start, end, labels[0], None))
        yield _checked(_document(where, text, data), raw, where)


def _document(where: str, text: str, fields: dict) -> GoldDocument:
    meta = fields.get("meta") if isinstance(fields.get("meta"), dict) else {}
    published = fields.get("published_at") or meta.get("published_at")
    region = fields.get("region") or meta.get("region")
    return GoldDocument(
        where,
        text,
        published_at=published if isinstance(published, str) else None,
        region=region if isinstance(region, str) and region != "unknown" else None,
    )


def read_doccano(path: Path) -> Iterator[GoldDocument]:
    """doccano JSONL: ``"label": [[start, end, TYPE], …]`` (or ``"entities"`` with ``start_offset``…)."""
    for where, record in _json_lines(path):
        raw = []
        for item in record.get("label") or record.get("labels") or []:
            if not isinstance(item, list | tuple) or len(item) < 3:
                raise InputError(where, f"not a [start, end, TYPE] label: {item!r}")
            raw.append((item[0], item[1], item[2], item[3] if len(item) > 3 else None))
        for item in record.get("entities") or []:
            if not isinstance(item, dict):
                raise InputError(where, f"not an entity object: {item!r}")
            raw.append((item.get("start_offset"), item.get("end_offset"), item.get("label", ""), None))
        yield _checked(_document(where, record["text"], record), raw, where)


def read_records(path: Path) -> Iterator[GoldDocument]:
    """xinwen's records (JSONL, .jsonl.gz too): entities with their values, the publication time and region."""
    for where, record in _json_lines(path):
        raw = []
        for entity in record.get("entities") or []:
            if not isinstance(entity, dict):
                raise InputError(where, f"not an entity object: {entity!r}")
            norm = entity.get("normalized") if isinstance(entity.get("normalized"), dict) else {}
            value = norm.get("value_text") or norm.get("value")  # value_text: an amount's exact decimal
            raw.append((entity.get("start"), entity.get("end"), entity.get("type", ""), value))
        yield _checked(_document(where, record["text"], record), raw, where)


def records(paths: Iterable[Path]) -> Iterator[tuple[str, dict]]:
    """The records of xinwen output files (JSONL, .jsonl.gz) or ``--out-dir`` folders (their ``records-*`` shards),
    each checked enough to export: a text, and entities whose offsets hold."""
    for path in paths:
        files = sorted(path.glob("records-*.jsonl*")) if path.is_dir() else [path]
        if path.is_dir() and not files:
            raise InputError(str(path), "a folder without records-*.jsonl shards")
        for file in files:
            try:
                for where, record in _json_lines(file):
                    text = record["text"]
                    for e in record.get("entities") or []:
                        start, end = e.get("start"), e.get("end")
                        if not (isinstance(start, int) and isinstance(end, int) and text[start:end] == e.get("text")):
                            raise InputError(where, f"entity {e.get('text')!r} [{start}:{end}] does not match the text")
                    yield where, record
            except OSError as exc:
                raise InputError(str(file), f"cannot read: {exc.strerror or exc}") from None
            except (UnicodeDecodeError, EOFError, gzip.BadGzipFile):
                raise InputError(str(file), "not UTF-8 JSONL (or a damaged .gz)") from None


def non_overlapping(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Overlapping spans resolved as spaCy's ``filter_spans`` does: the longest first, of equal length the earlier."""
    kept: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for span in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        if not taken.intersection(range(span[0], span[1])):
            kept.append(span)
            taken.update(range(span[0], span[1]))
    return sorted(kept)


def _selected(record: dict, types: Iterable[str] | None) -> list[dict]:
    wanted = set(types) if types else None
    return [e for e in record.get("entities") or [] if wanted is None or e["type"] in wanted]


def _fields(record: dict) -> dict[str, Any]:
    """The record's id, source, publication time and region, for the task's data (evaluate reads them back)."""
    meta = record.get("meta") or {}
    fields = {"doc_id": record.get("id"), "source": record.get("source"), "published_at": meta.get("published_at")}
    if meta.get("region") not in (None, "unknown"):
        fields["region"] = meta["region"]
    return {k: v for k, v in fields.items() if v is not None}


def label_studio_task(record: dict, model_version: str, types: Iterable[str] | None = None) -> dict:
    """A Label Studio task pre-annotated with the record's entities (``predictions``), offsets in UTF-16 units.

    The prediction's ``score`` is its least confident entity's (1.0 without entities), so sorting
    tasks by it puts the doubtful ones first.
    """
    text = record["text"]
    offsets = Utf16(text)
    entities = _selected(record, types)
    result = [
        {
            "id": f"x{index}",
            "from_name": LABEL_STUDIO_FROM,
            "to_name": LABEL_STUDIO_TO,
            "type": "labels",
            "value": {
                "start": offsets.to_utf16(e["start"]),
                "end": offsets.to_utf16(e["end"]),
                "text": e["text"],
                "labels": [e["type"]],
            },
            "score": e.get("confidence"),
        }
        for index, e in enumerate(entities)
    ]
    score = min((e.get("confidence", 1.0) for e in entities), default=1.0)
    prediction = {"model_version": model_version, "score": score, "result": result}
    return {"data": {"text": text, **_fields(record)}, "predictions": [prediction]}


def doccano_line(record: dict, types: Iterable[str] | None = None) -> dict:
    """A doccano JSONL line: the text, its entities as ``[start, end, TYPE]`` and the record's fields as metadata."""
    labels = [[e["start"], e["end"], e["type"]] for e in _selected(record, types)]
    return {"text": record["text"], "label": labels, **_fields(record)}


def bio_lines(record: dict, types: Iterable[str] | None = None) -> Iterator[str]:
    """The record as character-per-line BIO (``B-PER``, MSRA's names), each line of its text one sentence.

    Newlines end a sentence and are not written; overlapping entities are resolved as
    ``non_overlapping`` does. Ends with a blank line.
    """
    text = record["text"]
    tags = ["O"] * len(text)
    for start, end, kind in non_overlapping((e["start"], e["end"], e["type"]) for e in _selected(record, types)):
        name = BIO_NAMES.get(kind, kind)
        for i in range(start, end):
            tags[i] = f"{'B' if i == start else 'I'}-{name}"
    open_sentence = False
    for ch, tag in zip(text, tags, strict=True):
        if ch == "\n":
            if open_sentence:
                yield ""
            open_sentence = False
            continue
        yield f"{ch}\t{tag}"
        open_sentence = True
    if open_sentence:
        yield ""
