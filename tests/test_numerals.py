from decimal import Decimal

import pytest

from pipeline.normalize.numerals import parse_approximate, parse_number


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
        ("4千", "4000"),  # Arabic digits before a small unit, as Taiwanese and Hong Kong papers write them
        ("3千5百", "3500"),
        ("3百億", "30000000000"),
    ],
)
def test_values_are_exact(text, value):
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "三x"])
def test_non_numerals_raise_value_error(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "value", "upper", "qualifier"),
    [
        ("三十几万", "300000", None, "more_than"),
        ("三十幾萬", "300000", None, "more_than"),
        ("十几", "10", None, "more_than"),
        ("几百", "100", None, "more_than"),
        ("一百几十", "110", None, "more_than"),
        ("几万", "10000", None, "more_than"),
        ("数百万", "1000000", None, "more_than"),
        ("數十億", "1000000000", None, "more_than"),
        ("上百", "100", None, "at_least"),
        ("上万", "10000", None, "at_least"),
        ("好几十", "10", None, "more_than"),
        ("两三", "2", "3", None),
        ("三四十", "30", "40", None),
        ("七八百万", "7000000", "8000000", None),
        ("八十四点四五", "84.45", None, None),  # digits after the point are no range
        ("二〇二三", "2023", None, None),  # nor is a digit string
        ("1200", "1200", None, None),
    ],
)
def test_approximate_numerals_give_the_round_number_they_start_from(text, value, upper, qualifier):
    found = parse_approximate(text)
    assert found.value == Decimal(value)
    assert found.upper == (Decimal(upper) if upper else None)
    assert found.qualifier == qualifier


@pytest.mark.parametrize("text", ["几x", "数", "上"])
def test_approximate_non_numerals_raise_value_error(text):
    with pytest.raises(ValueError):
        parse_approximate(text)


@pytest.mark.parametrize(("text", "value"), [("廿二", 22), ("廿", 20), ("卅一", 31), ("二十二", 22)])
def test_the_one_character_tens_of_dates(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "value"), [("1,234百万", "1234000000"), ("12,000千", "12000000"), ("2,500亿", "250000000000")]
)
def test_thousands_commas_before_a_unit(text, value):
    assert parse_number(text) == Decimal(value)
