"""Confrontatiematrix logic: parsing, totals, quadrant names, ranking of issues."""

from __future__ import annotations

import pytest

from salesbook.exceptions import InvalidInputError
from salesbook.ui.calculators import swot_logic as logic

SWOT = logic.make_swot(["s a", "s b"], "- w a\n- w b\n\n", ["o a", "o b"], "1. t a\n2) t b")


def test_parse_strips_bullets_and_numbering_and_codes_the_items():
    assert SWOT.zwakten == ("w a", "w b")
    assert SWOT.bedreigingen == ("t a", "t b")
    assert SWOT.internal() == [("S1", "s a"), ("S2", "s b"), ("W1", "w a"), ("W2", "w b")]
    assert [c for c, _ in SWOT.external()] == ["O1", "O2", "T1", "T2"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("alleen één", "Geef 2 tot 5 kansen, één per regel; nu staan er 1."),
        ("a\nb\nc\nd\ne\nf", "Geef 2 tot 5 kansen, één per regel; nu staan er 6."),
        ("Groei\ngroei", "De kans 'groei' staat er twee keer in."),
    ],
)
def test_parse_errors_are_dutch(text, message):
    with pytest.raises(InvalidInputError) as info:
        logic.parse_items(text, "kansen")
    assert str(info.value) == message


def test_totals_and_quadrants_by_hand():
    scores = {("S1", "O1"): 3, ("S2", "O1"): 2, ("S1", "T2"): 1, ("W1", "O2"): 2, ("W2", "T1"): 3}
    matrix = logic.score_matrix(SWOT, scores)
    full = logic.with_totals(matrix)
    assert full.loc["S1", "Totaal"] == 4 and full.loc["W2", "Totaal"] == 3
    assert full.loc["Totaal", "O1"] == 5 and full.loc["Totaal", "T2"] == 1
    assert full.loc["Totaal", "Totaal"] == 11
    assert logic.quadrant_totals(matrix) == {"SO": 5, "WO": 2, "ST": 1, "WT": 3}
    assert logic.heaviest({"SO": 5, "WO": 2, "ST": 1, "WT": 3}) == ["SO"]
    assert logic.heaviest({"SO": 3, "WO": 2, "ST": 3, "WT": 0}) == ["SO", "ST"]
    assert logic.heaviest(dict.fromkeys(logic.QUADRANTS, 0)) == []


def test_ranking_by_score_then_weight_of_the_factors_then_order():
    # two pairs with score 3: S1×O1 (S1 total 4, O1 total 5 → 9) and W2×T1 (3 + 3 → 6)
    scores = {("S1", "O1"): 3, ("S2", "O1"): 2, ("S1", "T2"): 1, ("W1", "O2"): 2, ("W2", "T1"): 3}
    issues = logic.strongest(SWOT, logic.score_matrix(SWOT, scores), top=4)
    assert [(i.row, i.column) for i in issues] == [("S1", "O1"), ("W2", "T1"), ("S2", "O1"),
                                                  ("W1", "O2")]  # fmt: skip
    assert issues[0].suggestion() == (
        "Sterkte 's a' benutten om kans 'o a' te grijpen (SO, offensief, kans-issue)."
    )
    assert issues[1].suggestion().startswith("Zwakte 'w b' maakt je kwetsbaar voor bedreiging")
    assert issues[1].quadrant.issue == "probleemissue"
    assert logic.strongest(SWOT, logic.score_matrix(SWOT, {})) == []


def test_quadrant_names_are_the_standard_dutch_terms():
    names = {code: (q.strategy, q.issue) for code, q in logic.QUADRANTS.items()}
    assert names == {
        "SO": ("offensief", "kans-issue"),
        "WO": ("verbeteren", "kans-issue"),
        "ST": ("defensief", "probleemissue"),
        "WT": ("terugtrekken", "probleemissue"),
    }
    assert logic.quadrant_of("W3", "T1").code == "WT"


def test_bad_scores_are_refused():
    with pytest.raises(InvalidInputError, match="moet 0, 1, 2 of 3 zijn, maar is 4"):
        logic.score_matrix(SWOT, {("S1", "O1"): 4})
    with pytest.raises(InvalidInputError, match="De combinatie S9 × O1 bestaat niet"):
        logic.score_matrix(SWOT, {("S9", "O1"): 1})


def test_emphasis_text():
    assert logic.emphasis_text({"SO": 1, "WO": 0, "ST": 0, "WT": 0}) == (
        "Het zwaarste kwadrant is SO (1 punt): de nadruk ligt op een offensieve strategie "
        "(aanvallen)."
    )
    assert logic.emphasis_text({"SO": 2, "WO": 0, "ST": 2, "WT": 0}) == (
        "De kwadranten SO (offensief) en ST (defensief) wegen even zwaar (2 punten elk)."
    )


def test_logic_module_does_not_import_ipywidgets():
    import ast
    from pathlib import Path

    tree = ast.parse(Path(logic.__file__).read_text(encoding="utf-8"))
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not any(name and name.startswith("ipywidgets") for name in names)
