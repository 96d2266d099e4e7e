"""Readers for the public NER corpora in ``../shared/corpora``.

Each reader yields ``(text, spans)`` with character spans ``(start, end, label)``
in the labels the pipeline uses: ``PERSON``, ``LOC``, ``ORG``. The corpora stay
where they are; nothing here copies them into the repository.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

Span = tuple[int, int, str]
Sentence = tuple[str, list[Span]]

WORDTAG_LABELS = {"nr": "PERSON", "ns": "LOC", "nt": "ORG"}
BIO_LABELS = {"PER": "PERSON", "LOC": "LOC", "ORG": "ORG"}


def read_msra_wordtag(path: Path) -> Iterator[Sentence]:
    """SIGHAN 2006 MSRA ``word/tag`` lines (``train.txt``, ``test_with_label.txt``)."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            text, spans = [], []
            offset = 0
            for item in line.split():
                word, _, tag = item.rpartition("/")
                if not word:  # a bare token with no tag
                    word, tag = item, "o"
                label = WORDTAG_LABELS.get(tag)
                if label:
                    spans.append((offset, offset + len(word), label))
                text.append(word)
                offset += len(word)
            if offset:
                yield "".join(text), spans


def read_bio(path: Path) -> Iterator[Sentence]:
    """One character per line (``char<space or tab>tag``), blank line between sentences."""
    chars: list[str] = []
    tags: list[str] = []

    def flush() -> Sentence:
        spans: list[Span] = []
        start, label = None, None
        for i, tag in enumerate([*tags, "O"]):
            if start is not None and not (tag.startswith("I-") and BIO_LABELS.get(tag[2:]) == label):
                spans.append((start, i, label or ""))
                start, label = None, None
            if tag.startswith("B-") or (tag.startswith("I-") and start is None):
                start, label = i, BIO_LABELS.get(tag[2:])
                if label is None:
                    start = None
        return "".join(chars), spans

    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split()
            if len(parts) < 2:
                if chars:
                    yield flush()
                    chars, tags = [], []
                continue
            chars.append(parts[0])
            tags.append(parts[-1])
    if chars:
        yield flush()


_PFR_TOKEN = re.compile(r"(\[)?([^\s/\[]+)/([a-zA-Z]+)(?:\](\w+))?")


def read_pfr(path: Path) -> Iterator[Sentence]:
    """People's Daily 1998 (GBK, CRLF and stray CR). Consecutive ``nr`` parts form one person."""
    raw = path.read_bytes().decode("gbk")
    for line in re.split(r"\r\n|\r|\n", raw):
        tokens = line.split()
        if len(tokens) < 2:
            continue
        text: list[str] = []
        spans: list[Span] = []
        offset = 0
        group_start: int | None = None
        previous_person_end = -1
        for item in tokens[1:]:  # tokens[0] is the paragraph id
            match = _PFR_TOKEN.fullmatch(item)
            if not match:
                continue
            opens, word, tag, closes = match.groups()
            if opens:
                group_start = offset
            start, end = offset, offset + len(word)
            if group_start is None:
                label = WORDTAG_LABELS.get(tag)
                if label == "PERSON" and previous_person_end == start and spans and spans[-1][2] == "PERSON":
                    spans[-1] = (spans[-1][0], end, "PERSON")
                elif label:
                    spans.append((start, end, label))
                previous_person_end = end if label == "PERSON" else -1
            text.append(word)
            offset = end
            if closes is not None and group_start is not None:
                label = WORDTAG_LABELS.get(closes)
                if label:
                    spans.append((group_start, offset, label))
                group_start = None
        if offset:
            yield "".join(text), spans


CLUENER_LABELS = {"name": "PERSON", "company": "ORG", "government": "ORG", "organization": "ORG", "scene": "LOC"}


def read_cluener(
    path: Path,
    places: Callable[[str], tuple[int, int]],
    proper_nouns: Callable[[str], list[tuple[int, int]]] | None = None,
) -> Iterator[tuple[str, list[Span], list[Span]]]:
    """CLUENER2020 JSON lines -> ``(text, spans, missing)`` in xinwen's labels and conventions.

    ``end`` is inclusive in the file. name → PERSON; company, government,
    organization → ORG; scene → LOC; position and titles of works → outside.
    Two CLUENER conventions differ from the benchmark's and are left *missing*
    (neither entity nor outside, so the model learns nothing from them):
    an organization whose text is a place name (a city or country standing for
    a team in sports news, 罗马, 巴西), and an address made of more than one
    place (房山长阳镇: finest-level addresses, where xinwen splits the chain).
    ``places(text)`` counts the place names the segmenter reads in ``text``: an
    organization that is exactly one place is missing, and so is an address with
    more than one.

    CLUENER is not labelled exhaustively (a sentence's other people, places and
    bodies are often left unmarked), and an unmarked name would teach the model
    "outside". With ``proper_nouns`` (the spans of the words the segmenter tags
    as proper nouns), each such word that no label touches is left missing too.
    """
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text = record["text"]
            spans: list[Span] = []
            missing: list[Span] = []
            for kind, mentions in record.get("label", {}).items():
                for positions in mentions.values():
                    for start, last in positions:
                        span = (start, last + 1)
                        surface = text[start : last + 1]
                        if kind == "address":
                            (spans if places(surface)[1] <= 1 else missing).append((*span, "LOC"))
                        elif kind == "organization" and places(surface) == (1, 1):
                            missing.append((*span, "ORG"))
                        elif kind in CLUENER_LABELS:
                            spans.append((*span, CLUENER_LABELS[kind]))
            if proper_nouns is not None:
                marked = [(s, e) for s, e, _ in spans + missing]
                missing += [
                    (s, e, "PERSON")  # the label of a missing span is ignored
                    for s, e in proper_nouns(text)
                    if not any(s < me and ms < e for ms, me in marked)
                ]
            yield text, sorted(spans), sorted(missing)
