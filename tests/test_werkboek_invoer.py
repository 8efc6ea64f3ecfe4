"""What students pass to controleer(): one number in many forms, everything else explained."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from salesbook.werkboek_invoer import NotANumber, code_response, to_number


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (12, 12.0),
        (12.5, 12.5),
        (np.float64(0.8), 0.8),
        (np.int64(1250), 1250.0),
        (np.array(3.5), 3.5),
        (np.array([7.0]), 7.0),
        (pd.Series([42.0], index=["totaal"]), 42.0),
        (pd.DataFrame({"omzet": [99.5]}), 99.5),
        (Decimal("1250.50"), 1250.5),
        (Fraction(1, 4), 0.25),
        ("1.250,50", "1.250,50"),  # text goes to the core, which reads Dutch notation
    ],
)
def test_one_number_in_any_form_is_accepted(value, expected):
    assert to_number(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            pd.DataFrame({"a": range(12), "b": range(12), "c": range(12)}),
            "Je gaf een DataFrame (12 rijen × 3 kolommen); verwacht wordt één getal.",
        ),
        (pd.Series(range(1500)), "Je gaf een Series met 1.500 waarden; verwacht wordt één getal."),
        (np.array([1.0, 2.0]), "Je gaf een ndarray met 2 waarden; verwacht wordt één getal."),
        ([1, 2, 3], "Je gaf een lijst met 3 waarden; verwacht wordt één getal."),
        (None, "Je gaf None: je variabele heeft nog geen waarde."),
        (True, "Je gaf True (waar/niet waar); verwacht wordt een getal."),
        (np.bool_(False), "Je gaf False (waar/niet waar)"),
        (float("nan"), "Je antwoord is NaN (geen getal)."),
        (np.float64("inf"), "Je antwoord is oneindig"),
        (pd.NA, "Je antwoord is leeg (NA)"),
        (
            pd.Series([1.0]).sum,
            "Je gaf de functie of methode sum zelf, geen getal. Vergeet je de haakjes, "
            "zoals sum()?",
        ),
        (object(), "Je gaf een object; verwacht wordt één getal."),
    ],
)
def test_everything_else_is_explained_in_dutch(value, message):
    with pytest.raises(NotANumber) as caught:
        to_number(value)
    assert message in str(caught.value)


class _Q:
    def __init__(self, kind, options=()):
        self.type = kind
        self.options = [type("O", (), {"text": t})() for t in options]


def test_letters_choose_options_unless_a_letter_is_an_option_text():
    single = _Q("single_choice", ["+10", "+40", "-10"])
    assert code_response(single, "b") == 1
    assert code_response(single, "+40") == "+40"
    assert code_response(single, 2) == 2
    multiple = _Q("multiple_choice", ["Retentie", "Churn", "Current ratio"])
    assert code_response(multiple, ["A", "C"]) == [0, 2]
    letters = _Q("single_choice", ["A", "B"])
    assert code_response(letters, "B") == "B"  # the option text itself
    assert code_response(_Q("open"), "tekst") == "tekst"
