"""Matrix classifiers: every cell, boundaries, Dutch errors, totality."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesbook.calc.matrices import (
    BCG_ENGLISH,
    BCG_QUADRANTS,
    BLAKE_MOUTON_STYLES,
    CUSTOMER_VALUE_QUADRANTS,
    KRALJIC_QUADRANTS,
    MUTUAL_VALUE_QUADRANTS,
    StyleBehaviour,
    bcg_quadrant,
    blake_mouton_position,
    customer_value_quadrant,
    kraljic_quadrant,
    mutual_value_quadrant,
    situational_behaviour,
    situational_style,
)
from salesbook.exceptions import InvalidInputError


@pytest.mark.parametrize(
    ("risk", "impact", "expected"),
    [
        (0.2, 0.3, "Routineproducten"),
        (0.2, 0.8, "Hefboomproducten"),
        (0.8, 0.3, "Knelpuntproducten"),
        (0.8, 0.9, "Strategische producten"),
        (0.5, 0.5, "Strategische producten"),  # on the threshold counts as high
        (0.49, 0.5, "Hefboomproducten"),
        (0.0, 1.0, "Hefboomproducten"),
    ],
)
def test_kraljic(risk, impact, expected):
    assert kraljic_quadrant(risk, impact) == expected


def test_kraljic_custom_threshold():
    # 0,6 risk and 0,6 impact are low with threshold 0,7
    assert kraljic_quadrant(0.6, 0.6, threshold=0.7) == "Routineproducten"


@pytest.mark.parametrize(
    ("current", "potential", "expected"),
    [
        (0.1, 0.1, "Transactieklanten"),
        (0.9, 0.1, "Hogewaardeklanten"),
        (0.1, 0.9, "Ontwikkelklanten"),
        (0.9, 0.9, "Strategische klanten"),
        (0.5, 0.49, "Hogewaardeklanten"),
    ],
)
def test_customer_value_quadrant(current, potential, expected):
    assert customer_value_quadrant(current, potential) == expected


@pytest.mark.parametrize(
    ("ours", "theirs", "expected"),
    [
        (0.1, 0.1, "Marginale klanten"),
        (0.9, 0.1, "Kwetsbare klanten"),
        (0.1, 0.9, "Profiteurs"),
        (0.9, 0.9, "Partners"),
    ],
)
def test_mutual_value_quadrant(ours, theirs, expected):
    assert mutual_value_quadrant(ours, theirs) == expected


@pytest.mark.parametrize(
    ("growth", "share", "expected"),
    [
        (0.15, 1.5, "Sterren"),
        (0.03, 2.0, "Melkkoeien"),
        (0.20, 0.4, "Vraagtekens"),
        (0.02, 0.3, "Honden"),
        (-0.05, 0.3, "Honden"),
        (0.10, 1.0, "Sterren"),  # both on the threshold: high
        (0.0999, 1.0, "Melkkoeien"),
    ],
)
def test_bcg_quadrant(growth, share, expected):
    assert bcg_quadrant(growth, share) == expected


def test_bcg_english_names_cover_all_quadrants():
    assert set(BCG_ENGLISH) == set(BCG_QUADRANTS)
    assert BCG_ENGLISH["Melkkoeien"] == "Cash cows"


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("O1", "Leiden"),
        ("O2", "Begeleiden"),
        ("o3", "Steunen"),
        (" O4 ", "Delegeren"),
        ("D1", "Leiden"),
        ("R2", "Begeleiden"),
        (3, "Steunen"),
        ("4", "Delegeren"),
    ],
)
def test_situational_style_seed_names(level, expected):
    assert situational_style(level) == expected
    assert situational_style(level, naming="blanchard_dutch") == expected


def test_situational_style_other_namings():
    assert [situational_style(n, naming="hersey_blanchard") for n in (1, 2, 3, 4)] == [
        "Telling",
        "Selling",
        "Participating",
        "Delegating",
    ]
    assert situational_style("D2", naming="slii") == "Coaching"


@pytest.mark.parametrize(
    ("style", "directive", "supportive"),
    [
        ("Leiden", "hoog", "laag"),
        ("begeleiden", "hoog", "hoog"),
        ("Participating", "laag", "hoog"),
        ("S4", "laag", "laag"),
        ("Coaching", "hoog", "hoog"),
    ],
)
def test_situational_behaviour(style, directive, supportive):
    assert situational_behaviour(style) == StyleBehaviour(directive, supportive)


@pytest.mark.parametrize(
    ("people", "production", "expected"),
    [
        (1, 1, "Verarmd management (1,1)"),
        (9, 1, "Country-club management (1,9)"),
        (1, 9, "Taakgericht/autoritair (9,1)"),
        (5, 5, "Middle-of-the-road (5,5)"),
        (9, 9, "Teammanagement (9,9)"),
        (8, 2, "Country-club management (1,9)"),  # nearest to (1,9): distance² 2
        (2, 8, "Taakgericht/autoritair (9,1)"),
        (8, 7, "Teammanagement (9,9)"),  # to (9,9): 1 + 4 = 5; to (5,5): 9 + 4 = 13
        (3, 3, "Middle-of-the-road (5,5)"),  # tie with (1,1): both distance² 8
        (
            1,
            5,
            "Middle-of-the-road (5,5)",
        ),  # grid point (5,1): (1,1), (9,1), (5,5) all at distance² 16
        (2.5, 2.4, "Verarmd management (1,1)"),  # 1,96 + 2,25 < 6,76 + 6,25
    ],
)
def test_blake_mouton(people, production, expected):
    assert blake_mouton_position(people, production) == expected


def test_every_blake_mouton_tie_includes_middle_of_the_road():
    # exact check on a half-step grid: whenever two named positions are equally near,
    # (5,5) is among the nearest, so "ties go to (5,5)" decides every tie.
    for p2 in range(2, 19):
        for q2 in range(2, 19):
            point = (Fraction(p2, 2), Fraction(q2, 2))
            dist = {c: (point[0] - c[0]) ** 2 + (point[1] - c[1]) ** 2 for c in BLAKE_MOUTON_STYLES}
            best = min(dist.values())
            nearest = [c for c, d in dist.items() if d == best]
            if len(nearest) > 1:
                assert (5, 5) in nearest


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: kraljic_quadrant(1.2, 0.5), "Het leveringsrisico moet een breuk tussen 0 en 1"),
        (lambda: kraljic_quadrant(0.5, 80), "Bedoel je 0,8?"),
        (lambda: kraljic_quadrant(0.5, 0.5, threshold=1), "De grens tussen laag en hoog"),
        (lambda: customer_value_quadrant(-0.1, 0.5), "De huidige klantwaarde moet een breuk"),
        (lambda: customer_value_quadrant(0.1, 2), "De potentiële klantwaarde moet een breuk"),
        (lambda: mutual_value_quadrant(0.1, 2), "De waarde van ons voor de klant moet"),
        (lambda: bcg_quadrant(12, 1.0), "Geef 0,12 voor 12% groei"),
        (
            lambda: bcg_quadrant(-1.5, 1.0),
            "De marktgroei moet een breuk tussen -1 en 1 zijn, maar is -1,5.",
        ),
        (lambda: bcg_quadrant(0.1, -1), "Het relatief marktaandeel mag niet negatief"),
        (lambda: bcg_quadrant(0.1, 1, growth_threshold=5), "De grens voor hoge marktgroei"),
        (lambda: bcg_quadrant(0.1, 1, share_threshold=0), "De grens voor een hoog marktaandeel"),
        (lambda: bcg_quadrant("snel", 1), "De marktgroei moet een getal"),
        (lambda: situational_style("O5"), "Het ontwikkelingsniveau 'O5' ken ik niet"),
        (lambda: situational_style(True), "Het ontwikkelingsniveau True ken ik niet"),
        (lambda: situational_style(2.5), "Het ontwikkelingsniveau 2.5 ken ik niet"),
        (lambda: situational_style("O1", naming="engels"), "De naamgeving 'engels'"),
        (lambda: situational_behaviour("coachen"), "De leiderschapsstijl 'coachen'"),
        (lambda: situational_behaviour(None), "De leiderschapsstijl None"),
        (lambda: blake_mouton_position(0, 5), "De aandacht voor mensen moet op de schaal"),
        (
            lambda: blake_mouton_position(5, 9.5),
            "De aandacht voor productie moet op de schaal van 1 tot 9 liggen, maar is 9,5.",
        ),
    ],
)
def test_invalid_input_gives_dutch_error(call, fragment):
    with pytest.raises(InvalidInputError, match=re.escape(fragment)):
        call()


unit = st.floats(min_value=0, max_value=1)
grid = st.floats(min_value=1, max_value=9)


@given(x=unit, y=unit, t=st.floats(min_value=0.01, max_value=0.99))
def test_two_by_two_classifiers_are_total(x, y, t):
    assert kraljic_quadrant(x, y, t) in KRALJIC_QUADRANTS
    assert customer_value_quadrant(x, y, t) in CUSTOMER_VALUE_QUADRANTS
    assert mutual_value_quadrant(x, y, t) in MUTUAL_VALUE_QUADRANTS


@given(growth=st.floats(min_value=-1, max_value=1), share=st.floats(min_value=0, max_value=50))
def test_bcg_is_total(growth, share):
    assert bcg_quadrant(growth, share) in BCG_QUADRANTS


@given(people=grid, production=grid)
def test_blake_mouton_is_total_and_picks_a_nearest_style(people, production):
    name = blake_mouton_position(people, production)
    assert name in BLAKE_MOUTON_STYLES.values()
    corner = next(c for c, n in BLAKE_MOUTON_STYLES.items() if n == name)
    chosen = (production - corner[0]) ** 2 + (people - corner[1]) ** 2
    best = min((production - c[0]) ** 2 + (people - c[1]) ** 2 for c in BLAKE_MOUTON_STYLES)
    assert chosen <= best + 1e-9
