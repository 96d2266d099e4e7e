"""Chinese and Arabic numerals to exact ``Decimal`` values.

Handles 三千五百, 两万, 一点五, 十五 (leading 十), 一万零五百, mixed forms
such as 2.6万 and 36亿7450万, and digit strings (二〇二五 -> 2025). Values are
``Decimal`` so that 47.264287亿 keeps every digit.
"""

from __future__ import annotations

import re
from decimal import Context, Decimal, InvalidOperation, localcontext
from functools import cache

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
    """A numeral below 10,000 made of digits and 十/百/千 (or a bare digit string)."""
    w = _words()
    digits, units = w["digits"], w["small_units"]
    if text and all(ch in digits for ch in text):
        if len(text) == 1:
            return Decimal(digits[text])
        return Decimal("".join(str(digits[ch]) for ch in text))  # 二〇二五
    total, current = 0, None
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch in units:
            total += (1 if current is None else current) * units[ch]
            current = None
        else:
            raise ValueError(f"not a numeral character: {ch!r}")
    if current:
        total += current
    return Decimal(total)


def _arabic(text: str) -> Decimal:
    return Decimal(re.sub(r"[,，\s\u00a0]", "", text))


def parse_number(text: str) -> Decimal:
    """Value of a numeral string; raises ``ValueError`` when it is not one."""
    with localcontext(EXACT):
        return _parse(text)


def _parse(text: str) -> Decimal:
    text = text.strip()
    if not text:
        raise ValueError("empty numeral")
    w = _words()
    large = w["large_units"]
    # Split at the largest unit first: 36亿7450万 -> 36 * 1e8 + 7450 * 1e4.
    for unit, factor in sorted(large.items(), key=lambda kv: -kv[1]):
        if unit in text:
            head, _, tail = text.partition(unit)
            head_value = _parse(head) if head else Decimal(1)
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
