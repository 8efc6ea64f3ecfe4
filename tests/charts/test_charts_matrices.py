"""Tests for salesbook.charts.matrices: points, quadrant names and axes of each matrix."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from charts_helpers import drawn, visible_tick_texts

from salesbook.charts.matrices import portfolio_matrix
from salesbook.exceptions import InvalidInputError

POINTS = pd.DataFrame(
    {
        "x": [0.2, 0.8, 0.3, 0.7],
        "y": [0.3, 0.2, 0.8, 0.9],
        "label": ["Kantoorpapier", "Chips", "Staal", "Motoren"],
    }
)


def _corners(fig):
    """Quadrant name per corner of the plot as seen: ("links"/"rechts", "onder"/"boven")."""
    ax = fig.axes[0]
    found = {}
    for text in ax.texts:
        gid = text.get_gid() or ""
        if gid.startswith("kwadrant:"):
            x, y = text.get_position()
            found[("links" if x < 0.5 else "rechts", "onder" if y < 0.5 else "boven")] = (
                text.get_text()
            )
            assert gid == f"kwadrant:{text.get_text()}"
    return found


def test_kraljic_quadrants_axes_and_points():
    fig = portfolio_matrix(POINTS, "kraljic")
    ax = fig.axes[0]
    # Kraljic: leveringsrisico horizontaal, financiële impact verticaal.
    assert _corners(fig) == {
        ("links", "onder"): "Routineproducten",
        ("links", "boven"): "Hefboomproducten",
        ("rechts", "onder"): "Knelpuntproducten",
        ("rechts", "boven"): "Strategische producten",
    }
    assert "Leveringsrisico" in ax.get_xlabel()
    assert "Financiële impact" in ax.get_ylabel()
    assert ax.get_title() == "Kraljic-inkoopportfoliomatrix"
    np.testing.assert_allclose(ax.collections[-1].get_offsets(), POINTS[["x", "y"]].to_numpy())
    labels = [t.get_text() for t in ax.texts if not (t.get_gid() or "").startswith("kwadrant")]
    assert labels == list(POINTS["label"])


def test_boundaries_at_the_threshold():
    ax = portfolio_matrix(POINTS, "kraljic", threshold=0.4).axes[0]
    vertical = [ln for ln in ax.get_lines() if list(ln.get_xdata()) == [0.4, 0.4]]
    horizontal = [ln for ln in ax.get_lines() if list(ln.get_ydata()) == [0.4, 0.4]]
    assert len(vertical) == 1 and len(horizontal) == 1


def test_klantwaardematrix_course_version():
    fig = portfolio_matrix(POINTS, "klantwaarde")
    ax = fig.axes[0]
    assert _corners(fig) == {
        ("links", "onder"): "Transactieklanten",
        ("rechts", "onder"): "Hogewaardeklanten",
        ("links", "boven"): "Ontwikkelklanten",
        ("rechts", "boven"): "Strategische klanten",
    }
    assert ax.get_xlabel() == "Huidige klantwaarde"
    assert ax.get_ylabel() == "Potentiële klantwaarde"


def test_klantwaarde_voor_ons_en_voor_de_klant():
    fig = portfolio_matrix(POINTS, "wederzijdse_waarde")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Waarde van ons voor de klant"
    assert ax.get_ylabel() == "Waarde van de klant voor ons"
    # hoog voor ons maar laag voor de klant: de klant kan zo weglopen
    assert _corners(fig)[("links", "boven")] == "Kwetsbare klanten"
    assert _corners(fig)[("rechts", "boven")] == "Partners"
    assert _corners(fig)[("rechts", "onder")] == "Profiteurs"
    assert _corners(fig)[("links", "onder")] == "Marginale klanten"


BCG = pd.DataFrame(
    {
        "aandeel": [2.5, 0.4, 1.6, 0.3],
        "groei": [0.15, 0.18, 0.03, 0.02],
        "naam": ["Ster", "Vraagteken", "Melkkoe", "Hond"],
        "omzet": [5e6, 1e6, 8e6, 5e5],
    }
)


def test_bcg_high_share_on_the_left_log_scale():
    fig = drawn(portfolio_matrix(BCG, "bcg", x="aandeel", y="groei", label="naam", size="omzet"))
    ax = fig.axes[0]
    assert ax.get_xscale() == "log"
    left, right = ax.get_xlim()
    assert left > right  # inverted: high relative share on the left
    assert _corners(fig) == {
        ("links", "boven"): "Sterren",
        ("links", "onder"): "Melkkoeien",
        ("rechts", "boven"): "Vraagtekens",
        ("rechts", "onder"): "Honden",
    }
    assert any(list(ln.get_xdata()) == [1.0, 1.0] for ln in ax.get_lines())
    assert any(list(ln.get_ydata()) == [0.10, 0.10] for ln in ax.get_lines())
    assert "1,0×" in visible_tick_texts(ax, "x") and "10×" in visible_tick_texts(ax, "x")
    assert "10%" in visible_tick_texts(ax, "y")
    assert ax.get_xlabel().startswith("Relatief marktaandeel")
    assert ax.get_ylabel().startswith("Marktgroei")
    points = ax.collections[-1]
    np.testing.assert_allclose(points.get_offsets(), BCG[["aandeel", "groei"]].to_numpy())
    sizes = points.get_sizes()
    assert sizes.argmax() == 2 and sizes.argmin() == 3  # bubble area follows revenue


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"kind": "swot"}, "Onbekend soort matrix"),
        ({"points": POINTS.drop(columns="label")}, "ontbreken: 'label'"),
        ({"points": POINTS.assign(x=[0.2, 1.5, 0.3, 0.7])}, "Chips: .*tussen 0 en 1"),
        ({"points": POINTS.assign(y=[0.2, None, 0.3, 0.7])}, "getal"),
        ({"threshold": 1.0}, "^De grens tussen laag en hoog moet tussen 0 en 1"),
        ({"threshold": 5}, "^De grens tussen laag en hoog moet tussen 0 en 1"),
        ({"kind": "bcg", "growth_threshold": 10}, "^De grens voor hoge marktgroei"),
        ({"points": POINTS.iloc[:0]}, "leeg"),
    ],
)
def test_invalid_input_raises_dutch_error(kwargs, fragment):
    arguments = {"points": POINTS, "kind": "kraljic", **kwargs}
    with pytest.raises(InvalidInputError, match=fragment):
        portfolio_matrix(**arguments)


def test_bcg_share_must_be_positive_for_the_log_scale():
    with pytest.raises(InvalidInputError, match=r"Hond: .*groter dan 0"):
        portfolio_matrix(
            BCG.assign(aandeel=[2.5, 0.4, 1.6, 0.0]), "bcg", x="aandeel", y="groei", label="naam"
        )
