"""NPS calculator: counts and loose scores, the distribution chart, Dutch errors."""

from __future__ import annotations

import pytest

from salesbook.ui.calculators import open_calculator
from salesbook.ui.calculators.nps import read_scores


def test_counts_give_the_textbook_nps():
    # 25 promoters, 60 passives, 15 detractors: 25% − 15% = +10
    calc = open_calculator("nps")
    rows = dict(calc.rows)
    assert rows["NPS"] == "+10"
    assert rows["Aantal respondenten"] == "100"
    assert rows["Promoters (9–10)"] == "25 (25,0%)"
    assert rows["Detractors (0–6)"] == "15 (15,0%)"
    assert calc.figure is None  # no per-score chart from counts
    calc.detractors.value = 40  # 25 − 40 over 125 → −12
    assert dict(calc.rows)["NPS"] == "-12"


def test_loose_scores_give_nps_shares_and_chart():
    calc = open_calculator("nps", scores="9, 10, 7, 3")
    # promoters 9, 10; passive 7; detractor 3: (2 − 1) / 4 = +25
    rows = dict(calc.rows)
    assert rows["NPS"] == "+25"
    assert rows["Promoters (9–10)"] == "2 (50,0%)"
    assert rows["Passives (7–8)"] == "1 (25,0%)"
    bars = [p.get_height() for p in calc.figure.axes[0].patches]
    assert bars == [0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1]
    calc.scores.value = "0;0\n10"  # (1 − 2) / 3 = −33,3
    assert dict(calc.rows)["NPS"] == "-33,3"
    bars = [p.get_height() for p in calc.figure.axes[0].patches]
    assert bars[0] == 2 and bars[10] == 1


def test_switching_mode_shows_the_right_inputs():
    calc = open_calculator("nps")
    assert calc.scores.layout.display == "none" and calc.count_box.layout.display is None
    calc.mode.value = "scores"
    assert calc.scores.layout.display is None and calc.count_box.layout.display == "none"
    assert calc.figure is not None


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("9, 10, zeven", "Antwoord nummer 3 ('zeven') is geen getal"),
        ("9, 11", "Antwoord nummer 2 is 11, maar een NPS-score is een geheel getal"),
        ("", "Er zijn geen antwoorden"),
    ],
)
def test_bad_scores_show_a_dutch_message(text, start):
    calc = open_calculator("nps", scores=text)
    assert calc.error.startswith(start)
    assert calc.figure is None and calc.rows == []


def test_bad_counts_show_a_dutch_message():
    calc = open_calculator("nps")
    calc.promoters.text.value = "12,5"
    assert calc.error == "Het aantal promoters moet een geheel getal zijn, maar is 12,5."
    for field in calc.count_fields:
        field.value = 0
    assert calc.error.startswith("Er zijn geen respondenten")


def test_read_scores_separators():
    assert read_scores("9,10 7;3\n8") == [9, 10, 7, 3, 8]
    assert read_scores("  ") == []


def test_scores_as_list_and_text_fallback():
    calc = open_calculator("nps", scores=[10, 10, 6])
    assert calc.scores.value == "10, 10, 6"
    plain = calc._repr_mimebundle_()["text/plain"]
    assert "Losse scores: 10, 10, 6" in plain and "- NPS: +33,3" in plain
