"""A grammar's first characters, so the regex engine skips the text no match can start in.

The date and amount grammars are alternations of hundreds of words and forms; Python's
``re`` tries each alternative at every position of the text. Prefixed with a lookahead
for the characters a match can begin with (``(?=[0-9一二…今明昨…])``), the engine tests
one character class at positions that cannot start a match and moves on: the matches are
the same, found in about a tenth of the time. The characters are read off the compiled
pattern itself, so they follow the grammar and its data files as they change.
"""

from __future__ import annotations

import re
import re._constants as sre  # the parser ``re`` compiles with (private, but in the standard library since 3.11)
import re._parser as sre_parse

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


class _Unbounded(Exception):
    """The pattern may start with any character (``.``, a negated class): no prefilter."""


def _class(items: list) -> list[str]:
    """An ``IN`` item's members as pieces of a character class."""
    pieces = []
    for op, arg in items:
        if op == sre.LITERAL:
            pieces.append(re.escape(chr(arg)))
        elif op == sre.RANGE:
            pieces.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif op == sre.CATEGORY and arg in _CATEGORIES:
            pieces.append(_CATEGORIES[arg])
        else:  # NEGATE and the rest: too wide to be worth a filter
            raise _Unbounded
    return pieces


def _firsts(items: list, empty_groups: set[int] | None = None) -> tuple[list[str], bool]:
    """The class pieces a match of the sequence ``items`` can begin with, and whether it can match nothing.

    An item is reached with nothing consumed only on a path where every item before it matched empty, so a
    conditional ``(?(y)…|…)`` there takes its "no" branch unless group ``y`` can itself match empty
    (``empty_groups``, filled in as the groups are met).
    """
    empty_groups = set() if empty_groups is None else empty_groups
    pieces: list[str] = []
    for op, arg in items:
        if op == sre.ASSERT_NOT and not arg[1]:
            return pieces, False  # (?!) fails: no match gets past it without having begun before it
        if op in _ZERO_WIDTH:
            continue  # a lookaround or an anchor consumes nothing: the next item begins the match
        if op == sre.LITERAL:
            return [*pieces, re.escape(chr(arg))], False
        if op == sre.IN:
            return [*pieces, *_class(arg)], False
        if op == sre.SUBPATTERN:
            found, empty = _firsts(arg[-1], empty_groups)
            if empty and arg[0] is not None:
                empty_groups.add(arg[0])
        elif op == sre.BRANCH:
            found, empty = [], False
            for branch in arg[1]:
                more, nothing = _firsts(branch, empty_groups)
                found, empty = found + more, empty or nothing
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            found, empty = _firsts(arg[2], empty_groups)
            empty = empty or arg[0] == 0
        elif op == sre.GROUPREF_EXISTS:
            found, empty = _firsts(arg[2], empty_groups) if arg[2] is not None else ([], True)
            if arg[0] in empty_groups:
                yes, yes_empty = _firsts(arg[1], empty_groups)
                found, empty = found + yes, empty or yes_empty
        elif op == sre.ATOMIC_GROUP:
            found, empty = _firsts(arg, empty_groups)
        else:  # ANY, a back-reference: anything may come first
            raise _Unbounded
        pieces += found
        if not empty:
            return pieces, False
    return pieces, True


def prefiltered(pattern: re.Pattern[str], *, nonempty: bool = False) -> re.Pattern[str]:
    """``pattern`` with a lookahead for the characters its matches begin with; ``pattern`` itself where a
    match may begin with anything, or with nothing (the lookahead would then drop its empty matches) unless
    ``nonempty``: the caller uses only matches of one character or more, which the lookahead keeps."""
    try:
        pieces, empty = _firsts(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    except _Unbounded:
        return pattern
    if (empty and not nonempty) or not pieces:
        return pattern
    try:
        return re.compile(f"(?=[{''.join(dict.fromkeys(pieces))}])(?:{pattern.pattern})", pattern.flags)
    except re.error:  # global inline flags ((?m) at the start) must stay first
        return pattern
