from decimal import Decimal

import pytest

from pipeline.normalize.numerals import parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三千五百", "3500"),
        ("两", "2"),
        ("兩萬", "20000"),
        ("一点五", "1.5"),
        ("一點五", "1.5"),
        ("十五", "15"),
        ("一万零五百", "10500"),
        ("2.6万", "26000"),
        ("36亿7450万", "3674500000"),
        ("二〇二五", "2025"),
        ("47.264287亿", "4726428700"),
        ("1,385亿", "138500000000"),
        ("一百零八", "108"),
        ("2兆875亿", "2087500000000"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
    ],
)
def test_values_are_exact(text, value):
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "三x"])
def test_non_numerals_raise_value_error(text):
    with pytest.raises(ValueError):
        parse_number(text)
