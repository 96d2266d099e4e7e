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
    """A regex alternative of literal words from a data file, longest first (人次 before 人).

    Written as a trie of the words (``人(?:次)?``) rather than ``人次|人``: Python's ``re`` tries the branches
    of ``a|b|c`` one after another at every position, hundreds for a word list, where a trie tries only the
    words that go on from the characters read so far. At any one position the words that can match there
    lie on one path of the trie and are tried longest first, as in the sorted list, so the matches, and
    what a pattern around the alternative backtracks to, are the same.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(trie, top=True)


def _trie_pattern(node: dict[str, dict], top: bool = False) -> str:
    """The words below a trie node, each branch's longer words before the word ending at the node (if any)."""
    children = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    branches = "|".join(children)
    if top:  # the alternative itself: bare branches, as ``a|b|c``; the empty word, if listed, last
        return branches + "|" if "" in node and children else branches
    if "" in node:
        return f"(?:{branches})?" if children else ""
    return branches if len(children) == 1 else f"(?:{branches})"


def suffix_table(words: Iterable[str]) -> list[tuple[int, frozenset[str]]]:
    """Words grouped by length, longest first: a suffix test is one set lookup per length."""
    words = set(words)
    return [(n, frozenset(x for x in words if len(x) == n)) for n in sorted({len(x) for x in words}, reverse=True)]


def endings(text: str, by_length: list[tuple[int, frozenset[str]]]) -> Iterator[str]:
    """The words ``text`` ends with, longest first."""
    for n, words in by_length:
        if n <= len(text) and text[-n:] in words:
            yield text[-n:]
