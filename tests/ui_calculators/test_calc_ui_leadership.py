"""Situational leadership chooser: all four levels in both namings, the diagram, errors."""

from __future__ import annotations

import pytest

from salesbook.exceptions import InvalidInputError, SalesbookError
from salesbook.ui.calculators import open_calculator
from salesbook.ui.calculators.leadership_logic import COMMITMENT, COMPETENCE, development_level

# The model's own descriptions (course seed: leiden, begeleiden, steunen, delegeren;
# Hersey & Blanchard: telling, selling, participating, delegating), with the expected
# sturend / ondersteunend gedrag of each style.
LEVELS = [
    ("laag", "hoog", "O1", "S1 Leiden", "S1 Telling (instrueren)", "hoog", "laag"),
    ("gemiddeld", "laag", "O2", "S2 Begeleiden", "S2 Selling (overtuigen)", "hoog", "hoog"),
    ("hoog", "wisselend", "O3", "S3 Steunen", "S3 Participating (participeren)", "laag", "hoog"),
    ("hoog", "hoog", "O4", "S4 Delegeren", "S4 Delegating (delegeren)", "laag", "laag"),
]


@pytest.mark.parametrize(
    ("competence", "commitment", "level", "seed", "hb", "directive", "supportive"), LEVELS
)
def test_each_level_gives_its_style_in_both_namings(
    competence, commitment, level, seed, hb, directive, supportive
):
    calc = open_calculator("leiderschap")
    calc.competence.value = competence
    calc.commitment.value = commitment
    rows = dict(calc.rows)
    assert rows["Ontwikkelingsniveau"].startswith(f"{level}: ")
    assert rows["Stijl (cursus)"] == seed
    assert rows["Stijl (Hersey & Blanchard)"] == hb
    assert rows["Sturend gedrag"] == directive
    assert rows["Ondersteunend gedrag"] == supportive
    assert calc.judgement.reason is None  # these are the model's own descriptions


def test_the_diagram_marks_the_chosen_quadrant():
    calc = open_calculator("leiderschap", competentie="laag", betrokkenheid="hoog")
    ax = calc.figure.axes[0]
    (marker,) = [ln for ln in ax.get_lines() if ln.get_label() == "Gekozen stijl"]
    # S1 Leiden: hoog sturend (right), laag ondersteunend (bottom)
    assert marker.get_xdata()[0] > 1 and marker.get_ydata()[0] < 1
    calc.competence.value = "hoog"
    calc.commitment.value = "hoog"  # S4 Delegeren: bottom left
    (marker,) = [ln for ln in calc.figure.axes[0].get_lines() if ln.get_label() == "Gekozen stijl"]
    assert marker.get_xdata()[0] < 1 and marker.get_ydata()[0] < 1
    patches = {p.get_gid(): p for p in calc.figure.axes[0].patches}
    assert patches["stijl:Delegeren"].get_linewidth() > patches["stijl:Leiden"].get_linewidth()


def test_every_combination_has_a_level_and_the_odd_ones_say_why():
    levels = {(c, m): development_level(c, m) for c in COMPETENCE for m in COMMITMENT}
    assert {j.level for j in levels.values()} == {"O1", "O2", "O3", "O4"}
    explained = {key for key, j in levels.items() if j.reason}
    assert explained == {("laag", "wisselend"), ("gemiddeld", "hoog"), ("hoog", "laag")}
    # only full competence with high commitment can be delegated
    assert [key for key, j in levels.items() if j.level == "O4"] == [("hoog", "hoog")]


def test_odd_combination_shows_the_reason():
    calc = open_calculator("leiderschap", competentie="hoog", betrokkenheid="laag")
    assert dict(calc.rows)["Stijl (cursus)"] == "S3 Steunen"
    assert calc.notes[0].startswith("Deze combinatie beschrijft het model niet precies.")


def test_unknown_judgement_is_refused_in_dutch():
    with pytest.raises(InvalidInputError) as info:
        open_calculator("leiderschap", competentie="super")
    assert str(info.value) == "Competentie 'super' ken ik niet: kies laag, gemiddeld of hoog."
    with pytest.raises(SalesbookError):
        development_level("hoog", "gemiddeld")


def test_text_fallback_names_level_and_styles():
    plain = open_calculator("leiderschap")._repr_mimebundle_()["text/plain"]
    assert "- Ontwikkelingsniveau: O1: weinig competent, wel betrokken" in plain
    assert "- Stijl (Hersey & Blanchard): S1 Telling (instrueren)" in plain
