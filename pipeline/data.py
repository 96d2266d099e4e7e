"""Loading the language data files under ``pipeline/data`` (read once per process, cached)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from typing import Any


def _text(name: str) -> str:
    return (resources.files("pipeline") / "data" / name).read_text(encoding="utf-8")


@cache
def lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a list file (``#`` starts a comment line)."""
    return tuple(s for s in (line.strip() for line in _text(name).splitlines()) if s and not s.startswith("#"))


@cache
def chars(name: str) -> frozenset[str]:
    return frozenset("".join(lines(name)))


@cache
def table(name: str) -> dict[str, Any]:
    return json.loads(_text(name))


@cache
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character surnames, compound surnames), both scripts."""
    entries = lines("zh/surnames.txt")
    compound = frozenset(e for e in entries if len(e) == 2)
    single = frozenset("".join(e for e in entries if len(e) > 2))
    return single, compound


@cache
def japanese_surnames() -> frozenset[str]:
    """Japanese family names of two or three characters (``japanese_surnames.txt``), simplified."""
    return frozenset(name for line in lines("zh/japanese_surnames.txt") for name in line.split())


@cache
def place_suffix_chars() -> frozenset[str]:
    """The one-character administrative suffixes of ``places.json`` (省, 市, 县 …)."""
    return frozenset(s for s in table("zh/places.json")["suffixes"] if len(s) == 1)


@cache
def demonym_chars() -> frozenset[str]:
    """The characters after a place that make it a nationality (菲律宾籍: ``places.json`` ``demonym_chars``)."""
    return frozenset(table("zh/places.json")["demonym_chars"])


def alternation(words: Iterable[str]) -> str:
    """A regex alternative of literal words from a data file, longest first (人次 before 人)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def suffix_table(words: Iterable[str]) -> list[tuple[int, frozenset[str]]]:
    """Words grouped by length, longest first: a suffix test is one set lookup per length."""
    words = set(words)
    return [(n, frozenset(x for x in words if len(x) == n)) for n in sorted({len(x) for x in words}, reverse=True)]


def endings(text: str, by_length: list[tuple[int, frozenset[str]]]) -> Iterator[str]:
    """The words ``text`` ends with, longest first."""
    for n, words in by_length:
        if n <= len(text) and text[-n:] in words:
            yield text[-n:]
