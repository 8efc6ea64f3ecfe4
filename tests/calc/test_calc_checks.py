"""Tests for the input checks that calc part A added to salesbook.calc._checks."""

from __future__ import annotations

import pandas as pd
import pytest

from salesbook.calc._checks import index_order, require_finite_series, require_rate, show_number
from salesbook.exceptions import InvalidInputError


@pytest.mark.parametrize(
    ("value", "text"),
    [(0.8, "0,8"), (1250, "1.250"), (1250.5, "1.250,5"), (-3, "-3"), (0, "0"), (1 / 3, "0,3333")],
)
def test_show_number_uses_dutch_notation_without_trailing_zeros(value, text):
    assert show_number(value) == text


def test_show_number_falls_back_to_repr_for_non_numbers():
    assert show_number("abc") == "'abc'"
    assert show_number(float("inf")) == "inf"


def test_require_rate_accepts_rates_above_one_up_to_maximum():
    assert require_rate(1.5, "De opslag", maximum=5) == 1.5
    assert require_rate(0, "De opslag", maximum=5) == 0


def test_require_rate_hints_at_the_fraction_meant():
    with pytest.raises(InvalidInputError) as info:
        require_rate(25, "De opslag", maximum=5)
    message = str(info.value)
    assert "De opslag moet een breuk van hoogstens 5 zijn (500%), maar is 25." in message
    assert "Bedoel je 0,25?" in message


def test_require_rate_rejects_negative_values():
    with pytest.raises(InvalidInputError, match="De opslag mag niet negatief zijn"):
        require_rate(-0.1, "De opslag", maximum=5)


def test_require_finite_series_converts_and_names_the_bad_row():
    assert require_finite_series({"a": 1, "b": 2}, "de omzet").tolist() == [1.0, 2.0]
    with pytest.raises(InvalidInputError, match="De omzet van 'b' moet een getal zijn"):
        require_finite_series(pd.Series([1, None, 3], index=["a", "b", "c"]), "de omzet")
    with pytest.raises(InvalidInputError, match="De omzet van 'c' moet een getal zijn"):
        require_finite_series(pd.Series([1, 2, "x"], index=["a", "b", "c"]), "de omzet")


def test_require_finite_series_rejects_empty_and_duplicate_customers():
    with pytest.raises(InvalidInputError, match="de reeks is leeg"):
        require_finite_series(pd.Series([], dtype=float), "de omzet")
    with pytest.raises(InvalidInputError, match="'a' staat er vaker in"):
        require_finite_series(pd.Series([1, 2], index=["a", "a"]), "de omzet")


def test_index_order_sorts_labels_and_survives_mixed_types():
    assert index_order(pd.Index(["c", "a", "b"])) == [1, 2, 0]
    assert index_order(pd.Index([3, 1, 2])) == [1, 2, 0]
    assert index_order(pd.Index([2, "a", 1], dtype=object)) == [2, 0, 1]


def test_require_rate_tolerates_float_noise_at_the_maximum():
    # 5/6 as a margin is exactly a markup of 5, but computes as 5.000000000000002
    assert require_rate(5.000000000000002, "De opslag", maximum=5) == pytest.approx(5)
    with pytest.raises(InvalidInputError):
        require_rate(5.001, "De opslag", maximum=5)


def test_fraction_hint_names_the_number_that_was_typed():
    from salesbook.calc._checks import require_fraction

    with pytest.raises(InvalidInputError, match=r"Bedoel je 0,35\? .*dus 0,35 in plaats van 35\."):
        require_fraction(35, "De retentie")
