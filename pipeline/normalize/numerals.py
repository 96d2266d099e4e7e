"""Chinese and Arabic numerals to exact ``Decimal`` values.

Handles 三千五百, 两万, 一点五, 十五 (leading 十), 一万零五百, mixed forms
such as 2.6万 and 36亿7450万, and digit strings (二〇二五 -> 2025). Values are
``Decimal`` so that 47.264287亿 keeps every digit. Approximate numerals
(三十几万, 数百万, 上百) give the round number they start from and a qualifier
(``parse_approximate``).
"""

from __future__ import annotations

import re
from decimal import Context, Decimal, InvalidOperation, localcontext
from functools import cache
from typing import NamedTuple

from pipeline import data

EXACT = Context(prec=400)
"""Arithmetic context for amounts: enough digits that no written number is ever rounded."""


@cache
def _words() -> dict:
    return data.table("zh/numerals.json")


def numeral_chars() -> str:
    """Every character that can be part of a Chinese numeral (for building patterns)."""
    w = _words()
    return "".join(w["digits"]) + "".join(w["small_units"]) + "".join(w["large_units"]) + "".join(w["point"])


def _small(text: str) -> Decimal:
    """A numeral below 10,000 made of digits and 十/百/千 (or a bare digit string); a run of Arabic digits
    stands for one digit before a unit (4千5百 is 4500, as Taiwanese and Hong Kong papers write it)."""
    w = _words()
    digits, units = w["digits"], w["small_units"]
    if text and all(ch in digits for ch in text):
        if len(text) == 1:
            return Decimal(digits[text])
        return Decimal("".join(str(digits[ch]) for ch in text))  # 二〇二五
    total, current = Decimal(0), None
    for piece in _ARABIC_RUN.split(text):
        if _ARABIC_RUN.fullmatch(piece):
            if current is not None:
                raise ValueError(f"not a numeral: {text!r}")
            current = Decimal(piece)
            continue
        for ch in piece:
            if ch in digits:
                current = digits[ch]
            elif ch in units:
                total += (1 if current is None else current) * units[ch]
                current = None
            elif ch in w["tens"]:  # 廿二 (22), 卅一 (31): a tens word as dates write them
                total += w["tens"][ch]
                current = None
            else:
                raise ValueError(f"not a numeral character: {ch!r}")
    if current:
        total += current
    return Decimal(total)


_ARABIC_RUN = re.compile(r"([0-9]+(?:\.[0-9]+)?)")
_GROUPS = re.compile(r"(?<=[0-9])[,，](?=[0-9]{3}(?![0-9]))")


def _arabic(text: str) -> Decimal:
    return Decimal(re.sub(r"[,，\s\u00a0]", "", text))


def parse_number(text: str) -> Decimal:
    """Value of a numeral string; raises ``ValueError`` when it is not one."""
    with localcontext(EXACT):
        return _parse(text)


def _parse(text: str) -> Decimal:
    text = _GROUPS.sub("", text.strip())  # 1,234百万: the thousands' commas of Arabic digits before a unit
    if not text:
        raise ValueError("empty numeral")
    w = _words()
    large = w["large_units"]
    # Split at the largest unit first: 36亿7450万 -> 36 * 1e8 + 7450 * 1e4.
    for unit, factor in sorted(large.items(), key=lambda kv: -kv[1]):
        if unit in text:
            head, _, tail = text.partition(unit)
            head_value = _parse(head) if head else Decimal(1)
            tail = tail.lstrip("零〇○")  # 一亿零500万: the 零 only says a place is empty
            tail_value = _parse(tail) if tail else Decimal(0)
            return head_value * factor + tail_value
    try:
        if re.fullmatch(r"[0-9][0-9,，\s\u00a0]*(?:\.[0-9]+)?", text):
            return _arabic(text)
        for point in w["point"]:
            if point in text:
                whole, _, frac = text.partition(point)
                frac_digits = "".join(str(w["digits"][ch]) for ch in frac)
                return _small(whole or "零") + Decimal(f"0.{frac_digits}")
        return _small(text)
    except (KeyError, InvalidOperation) as exc:
        raise ValueError(f"not a numeral: {text!r}") from exc


class Approximate(NamedTuple):
    """What an approximate numeral says: the round number, the top of a range it names, how it bounds."""

    value: Decimal
    upper: Decimal | None
    qualifier: str | None


def _neighbours(text: str) -> tuple[str, str] | None:
    """两三, 三四十, 七八百万, 十五六: two digits in a row, the second one more, name a range (low, high)."""
    digits = _words()["digits"]
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if not (a in digits and b in digits and digits[a] > 0 and digits[b] == digits[a] + 1):
            continue
        if (i > 0 and text[i - 1] in digits) or (i + 2 < len(text) and text[i + 2] in digits):
            continue  # 一二三, 二〇二三: a digit string, not a range
        return text[: i + 1] + text[i + 2 :], text[:i] + text[i + 1 :]
    return None


def parse_approximate(text: str) -> Approximate:
    """Value, range top and qualifier of a numeral that may be approximate; ``ValueError`` when it is none.

    三十几 -> 30 more_than, 几百 -> 100 more_than, 一百几十 -> 110 more_than, 数百万 -> 1000000
    more_than, 上万 -> 10000 at_least, 两三 -> 2 to 3, 三四十 -> 30 to 40, 1200 -> 1200. The round number
    is the smallest the words allow: 几 before 十/百/千 or leading a group counts as 一, 几 after a
    digit's unit (三十几, 十几万) as nothing, and a lead with no digit after it (数万, 上亿) stands for 一.
    """
    w = _words()
    qualifier = None
    for lead in sorted(w["approximate_leads"], key=len, reverse=True):
        if text.startswith(lead) and len(text) > len(lead):
            qualifier, text = w["approximate_leads"][lead], text[len(lead) :]
            break
    some = "".join(w["some"])
    if any(ch in text for ch in some):
        qualifier = qualifier or w["some_qualifier"]
        out = []
        for i, ch in enumerate(text):
            if ch not in some:
                out.append(ch)
            elif text[i + 1 : i + 2] in w["small_units"] or i == 0 or text[i - 1] in w["large_units"]:
                out.append("一")  # 几百 -> 一百, 几万 -> 一万; but 三十几万 -> 三十万
        text = "".join(out)
    if qualifier and (not text or text[0] in w["large_units"]):
        text = "一" + text  # 上万, 数亿, 几万: one of the unit
    if not re.search(r"\d", text) and not any(p in text for p in w["point"]) and (pair := _neighbours(text)):
        return Approximate(parse_number(pair[0]), parse_number(pair[1]), qualifier)
    return Approximate(parse_number(text), None, qualifier)
