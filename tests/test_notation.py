"""Dutch number notation: reading student input and showing numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesbook.exceptions import NumberFormatError, SalesbookError
from salesbook.notation import (
    format_money,
    format_number,
    format_percentage,
    format_table_number,
    parse_money,
    parse_number,
    parse_percentage,
    read_number,
)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("€ 1.250,50", 1250.5, "€"),
        ("€1.250,50", 1250.5, "€"),
        ("1250,5", 1250.5, ""),
        ("1.250", 1250.0, ""),  # Dutch thousands separator, not 1,25
        ("1 250", 1250.0, ""),
        ("1\u00a0250,75", 1250.75, ""),  # non-breaking space as Excel copies it
        ("12,5%", 12.5, "%"),
        ("12,5 %", 12.5, "%"),
        ("-3", -3.0, ""),
        ("−3", -3.0, ""),  # Unicode minus
        ("+10", 10.0, ""),
        ("0,8", 0.8, ""),
        (",5", 0.5, ""),
        ("1250.50", 1250.5, ""),  # English decimal point: only reading possible
        ("0.8", 0.8, ""),
        ("1,250.50", 1250.5, ""),  # English with thousands separator
        ("1.250.000", 1_250_000.0, ""),
        ("€ -1.250,50", -1250.5, "€"),
        ("-€ 3", -3.0, "€"),
        ("3 euro", 3.0, "€"),
        ("EUR 40", 40.0, "€"),
        ("  42  ", 42.0, ""),
    ],
)
def test_read_number_accepts_dutch_and_unambiguous_english(text, value, unit):
    number = read_number(text)
    assert number.value == pytest.approx(value)
    assert number.unit == unit
    assert number.text == text


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "nog geen getal"),
        ("   ", "nog geen getal"),
        ("abc", "geen cijfers"),
        ("1,250,000", "komma"),
        ("12,5,3", "komma"),
        ("1.25,5", "groepjes van drie"),
        ("1 25", "spaties"),
        ("1..2", "punten"),
        ("€ 5%", "euroteken als een procentteken"),
        ("-", "geen cijfers"),
        ("1e5", "geen cijfers"),
    ],
)
def test_invalid_input_gets_a_dutch_error_with_an_example(text, fragment):
    with pytest.raises(NumberFormatError) as caught:
        read_number(text)
    message = str(caught.value)
    assert fragment in message
    assert "Typ bijvoorbeeld" in message
    assert isinstance(caught.value, SalesbookError)


def test_non_text_input_is_rejected_in_dutch():
    with pytest.raises(NumberFormatError, match="verwachtte tekst"):
        read_number(12)  # type: ignore[arg-type]


def test_parse_money_rejects_a_percentage_and_percentage_rejects_money():
    assert parse_money("€ 1.250,50") == 1250.5
    assert parse_money("1250,50") == 1250.5
    with pytest.raises(NumberFormatError, match="percentage"):
        parse_money("12%")
    with pytest.raises(NumberFormatError, match="bedrag"):
        parse_percentage("€ 12")


def test_parse_percentage_returns_a_fraction_with_or_without_sign():
    assert parse_percentage("12,5%") == pytest.approx(0.125)
    assert parse_percentage("12,5") == pytest.approx(0.125)
    assert parse_number("12,5%") == 12.5


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (1250.5, 2, "1.250,50"),
        (1234567.891, 2, "1.234.567,89"),
        (0.5, 0, "0"),  # half-even: 0,5 rounds to 0
        (-0.001, 2, "0,00"),  # never "-0,00"
        (-1250, 0, "-1.250"),
        (3, 1, "3,0"),
    ],
)
def test_format_number(value, decimals, text):
    assert format_number(value, decimals) == text


def test_format_money_and_percentage():
    assert format_money(1250.5) == "€ 1.250,50"
    assert format_money(-3) == "€ -3,00"
    assert format_money(1_000_000, 0) == "€ 1.000.000"
    assert format_percentage(0.125) == "12,5%"
    assert format_percentage(0.1, 0) == "10%"
    assert format_percentage(-0.05) == "-5,0%"


def test_format_rejects_infinite_values_and_negative_decimals():
    with pytest.raises(NumberFormatError):
        format_number(float("inf"))
    with pytest.raises(NumberFormatError):
        format_number(float("nan"))
    with pytest.raises(NumberFormatError, match="decimalen"):
        format_number(1, -1)


cents = st.integers(min_value=-(10**11), max_value=10**11)


@given(cents)
def test_money_round_trips_through_format_and_parse(amount_in_cents):
    amount = amount_in_cents / 100
    assert parse_money(format_money(amount)) == pytest.approx(amount, abs=1e-9)


@given(st.integers(min_value=-(10**7), max_value=10**7))
def test_percentage_round_trips_through_format_and_parse(tenths_of_a_percent):
    fraction = tenths_of_a_percent / 1000
    assert parse_percentage(format_percentage(fraction)) == pytest.approx(fraction, abs=1e-12)


@given(st.integers(min_value=0, max_value=10**12))
def test_whole_numbers_round_trip_with_thousands_separators(number):
    assert parse_number(format_number(number, 0)) == number


@given(st.integers(min_value=-(10**9), max_value=10**9), st.integers(min_value=1, max_value=4))
def test_formatted_numbers_round_trip(units, decimals):
    value = units / 10**decimals
    assert parse_number(format_number(value, decimals)) == pytest.approx(value, abs=1e-9)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (3200120.0, "3.200.120"),
        (0.868, "0,868"),
        (13.5, "13,5"),
        (1.0, "1"),
        (-1234.56789, "-1.234,5679"),
        (-0.00001, "-0,00001"),
        (0.000012345, "0,0000123"),
        (0.00049, "0,00049"),
        (-0.00004, "-0,00004"),
        (0.0, "0"),
        (-0.0, "0"),
        (float("nan"), "NaN"),
        (float("inf"), "∞"),
    ],
)
def test_table_numbers_are_dutch_with_at_most_four_decimals(value, shown):
    assert format_table_number(value) == shown


@pytest.mark.parametrize("value", [1e28, -3.5e40, 1e300])
def test_huge_numbers_are_shown_with_every_digit(value):
    shown = format_number(value, 2)
    assert shown.endswith(",00")
    assert float(shown.replace(".", "").replace(",", ".")) == pytest.approx(value)
    assert float(format_table_number(value).replace(".", "")) == pytest.approx(value)
