"""Confrontatiematrix widget: lists in, grid of scores, totals and issues out."""

from __future__ import annotations

import pytest

from salesbook.exceptions import InvalidInputError
from salesbook.ui.calculators import open_calculator

LISTS = {
    "sterkten": ["Goede service", "Sterk merk"],
    "zwakten": ["Hoge prijs", "Kleine buitendienst"],
    "kansen": ["Groeiende markt", "Online bestellen"],
    "bedreigingen": ["Nieuwe concurrent", "Strengere regels"],
}


def _matrix():
    return open_calculator("swot", **LISTS)


def test_grid_has_one_dropdown_per_pair_and_starts_at_zero():
    calc = _matrix()
    assert len(calc.dropdowns) == 4 * 4
    assert set(calc.scores().values()) == {0}
    assert calc.issues == []
    assert "Geef eerst scores in de matrix" in calc.notes[0]


def test_setting_scores_updates_totals_and_issues():
    calc = _matrix()
    calc.dropdowns[("S1", "O1")].value = 3
    calc.dropdowns[("W1", "T1")].value = 2
    calc.set_score("s2", "o1", 1)
    rows = dict(calc.rows)
    assert rows["SO · offensief (aanvallen)"] == "4 punten"
    assert rows["WT · terugtrekken (vermijden)"] == "2 punten"
    assert rows["WO · verbeteren (versterken)"] == "0 punten"
    assert calc.matrix.loc["Totaal", "O1"] == 4 and calc.matrix.loc["Totaal", "Totaal"] == 6
    assert [(i.row, i.column, i.score) for i in calc.issues] == [
        ("S1", "O1", 3), ("W1", "T1", 2), ("S2", "O1", 1),
    ]  # fmt: skip
    html = calc.result.value
    assert "Sterkte &#x27;Goede service&#x27; benutten om kans &#x27;Groeiende markt&#x27;" in html
    md = calc._repr_mimebundle_()["text/markdown"]
    assert "| S1 | 3 | 0 | 0 | 0 | 3 |" in md
    assert "1. Sterkte 'Goede service' benutten om kans 'Groeiende markt' te grijpen" in md
    assert "2. Zwakte 'Hoge prijs' maakt je kwetsbaar voor bedreiging 'Nieuwe concurrent'" in md


def test_editing_a_list_keeps_scores_of_unchanged_pairs():
    calc = _matrix()
    calc.set_score("S1", "O1", 3)
    calc.set_score("S2", "O2", 2)
    calc.lists["sterkten"].value = "Sterk merk\nGoede service\nSnelle levering"
    scores = calc.scores()
    assert len(calc.dropdowns) == 5 * 4
    assert scores[("S2", "O1")] == 3  # Goede service × Groeiende markt, now row S2
    assert scores[("S1", "O2")] == 2  # Sterk merk × Online bestellen, now row S1
    assert scores[("S3", "O1")] == 0


def test_bad_list_shows_dutch_message_and_recovers():
    calc = _matrix()
    calc.lists["kansen"].value = "Alleen deze"
    assert calc.error == "Geef 2 tot 5 kansen, één per regel; nu staan er 1."
    assert calc.grid.children == () and calc.matrix is None
    calc.lists["kansen"].value = "Groeiende markt\nOnline bestellen"
    calc.rebuild_button.click()
    assert calc.error is None and len(calc.dropdowns) == 16


def test_set_score_refuses_unknown_pairs_and_scores():
    calc = _matrix()
    with pytest.raises(InvalidInputError, match="De combinatie S5 × O1 staat niet in de matrix"):
        calc.set_score("S5", "O1", 1)
    with pytest.raises(InvalidInputError, match="Een score is 0, 1, 2 of 3"):
        calc.set_score("S1", "O1", -1)


def test_default_example_and_scores_as_starting_value():
    example = open_calculator("swot")
    assert example.issues and example.issues[0].quadrant.code == "SO"
    calc = open_calculator("swot", **LISTS, scores={("W2", "O2"): 3})
    assert (
        calc.issues[0]
        .suggestion()
        .startswith("Zwakte 'Kleine buitendienst' verbeteren om kans 'Online bestellen'")
    )
    assert "salesbook-calc-swot" in calc.box._dom_classes
