"""Tests for salesbook.charts.funnel: centred bars per stage and conversion labels."""

from __future__ import annotations

import pandas as pd
import pytest
from charts_helpers import all_texts, drawn, tick_texts

from salesbook.charts.funnel import funnel_chart
from salesbook.exceptions import InvalidInputError

STAGES = {"Leads": 400, "Gekwalificeerd": 120, "Offerte": 40, "Order": 12}


def test_bars_are_centred_and_ordered_from_the_top():
    fig = drawn(funnel_chart(STAGES))
    ax = fig.axes[0]
    bars = ax.patches
    assert [b.get_width() for b in bars] == [400, 120, 40, 12]
    assert [b.get_x() for b in bars] == [-200, -60, -20, -6]  # centred on 0
    centres = [b.get_y() + b.get_height() / 2 for b in bars]
    assert centres == sorted(centres, reverse=True)  # first stage on top
    by_height = sorted(zip(ax.get_yticks(), tick_texts(ax, "y"), strict=True), reverse=True)
    assert [name for _, name in by_height] == ["Leads", "Gekwalificeerd", "Offerte", "Order"]
    assert [y for y, _ in by_height] == centres
    assert ax.get_title() == "Salesfunnel"


def test_conversion_labels_from_previous_and_first_stage():
    # 120/400 = 30%, 40/120 = 33,3%, 12/40 = 30%; from the start: 30%, 10%, 3%
    texts = "\n".join(all_texts(funnel_chart(STAGES)))
    assert "30,0% van vorige fase\n30,0% van de eerste fase" in texts
    assert "33,3% van vorige fase\n10,0% van de eerste fase" in texts
    assert "30,0% van vorige fase\n3,0% van de eerste fase" in texts
    for count in ("400", "120", "40", "12"):
        assert count in texts.split("\n")


def test_thousands_in_counts_use_dutch_notation():
    fig = funnel_chart(pd.Series({"Contacten": 12500, "Reacties": 1250}))
    assert "12.500" in all_texts(fig) and "1.250" in all_texts(fig)


def test_stage_after_an_empty_stage():
    texts = "\n".join(all_texts(funnel_chart({"Leads": 10, "Offerte": 0, "Order": 0})))
    assert "geen conversie (vorige fase is 0)" in texts


@pytest.mark.parametrize(
    ("stages", "fragment"),
    [
        ({"Leads": 100, "Offerte": 140}, "Offerte.*groter dan de fase ervoor"),
        ({}, "geen fasen"),
        ({"Leads": 0, "Order": 0}, "0"),
        ({"Leads": 10.5}, "geheel getal"),
        ([400, 120], "dict of Series"),
    ],
)
def test_invalid_funnels_raise_dutch_errors(stages, fragment):
    with pytest.raises(InvalidInputError, match=fragment):
        funnel_chart(stages)
