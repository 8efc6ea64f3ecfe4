"""Tests for salesbook.calc.abc: ABC classes, summary, 20/80 share."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from salesbook.calc.abc import abc_classes, abc_summary, top_share
from salesbook.exceptions import InvalidInputError

# Ten customers, total revenue 1.000 (× € 1.000). Cumulative shares in this order:
# 0,40  0,65  0,77  0,85  0,90  0,94  0,965  0,98  0,992  1,00
REVENUE = pd.Series(
    [50, 8, 400, 120, 25, 250, 40, 12, 80, 15],
    index=["K05", "K10", "K01", "K03", "K07", "K02", "K06", "K09", "K04", "K08"],
    name="omzet",
)


def test_abc_classes_default_rule_puts_crossing_customer_in_higher_class():
    result = abc_classes(REVENUE)
    assert list(result.columns) == ["omzet", "aandeel", "cumulatief_aandeel", "klasse"]
    assert list(result.index) == [f"K{i:02d}" for i in range(1, 11)]
    # K04 takes the cumulative share from 0,77 to 0,85 (crosses 80%) → still A.
    # K07 takes it from 0,94 to 0,965 (crosses 95%) → still B.
    assert "".join(result["klasse"]) == "AAAABBBCCC"
    assert result.loc["K01", "aandeel"] == pytest.approx(0.40)
    assert result.loc["K04", "cumulatief_aandeel"] == pytest.approx(0.85)
    assert result["cumulatief_aandeel"].iloc[-1] == pytest.approx(1.0)


def test_abc_classes_lower_rule_puts_crossing_customer_in_lower_class():
    result = abc_classes(REVENUE, boundary="crossing_in_lower")
    # A: cumulative stays ≤ 0,80 → K01..K03 (0,77); B: ≤ 0,95 → K04..K06 (0,94); rest C.
    assert "".join(result["klasse"]) == "AAABBBCCCC"


def test_abc_summary_worked_example():
    summary = abc_summary(abc_classes(REVENUE))
    assert list(summary.index) == ["A", "B", "C"]
    assert list(summary.columns) == ["aantal_klanten", "aandeel_klanten", "omzet", "aandeel_omzet"]
    # A: 400 + 250 + 120 + 80 = 850; B: 50 + 40 + 25 = 115; C: 15 + 12 + 8 = 35
    assert summary["aantal_klanten"].tolist() == [4, 3, 3]
    assert summary["aandeel_klanten"].tolist() == pytest.approx([0.4, 0.3, 0.3])
    assert summary["omzet"].tolist() == pytest.approx([850, 115, 35])
    assert summary["aandeel_omzet"].tolist() == pytest.approx([0.85, 0.115, 0.035])


def test_exact_boundary_counts_as_reached_under_both_rules():
    # 80 / 100 = 0,80 exactly and (80 + 15) / 100 = 0,95 exactly
    revenue = pd.Series({"x": 80, "y": 15, "z": 5})
    for rule in ("crossing_in_higher", "crossing_in_lower"):
        assert abc_classes(revenue, boundary=rule)["klasse"].tolist() == ["A", "B", "C"]


def test_one_dominant_customer():
    # big alone: 90 / 100 = 0,90 > 0,80; s1: 0,96 > 0,95
    revenue = {"big": 90, "s1": 6, "s2": 4}
    assert abc_classes(revenue)["klasse"].tolist() == ["A", "B", "C"]
    lower = abc_classes(revenue, boundary="crossing_in_lower")
    assert lower["klasse"].tolist() == ["B", "C", "C"]
    summary = abc_summary(lower)
    assert summary.loc["A", "aantal_klanten"] == 0
    assert summary.loc["A", "omzet"] == 0


def test_ties_are_broken_by_customer_label():
    result = abc_classes(pd.Series({"b": 10, "c": 5, "a": 10}))
    assert list(result.index) == ["a", "b", "c"]


def test_custom_cutoffs():
    # 70/20/10: A until 0,70 is reached: K01 (0,40) K02 (0,65) K03 (0,77 crosses) → A;
    # B until 0,90 is reached: K04 (0,85) K05 (0,90 reached) → B; rest C.
    result = abc_classes(REVENUE, cutoffs=(0.7, 0.2, 0.1))
    assert "".join(result["klasse"]) == "AAABBCCCCC"


def test_top_share_rounds_number_of_customers_up():
    # top 20% of 10 = 2 customers: (400 + 250) / 1.000 = 0,65
    assert top_share(REVENUE) == pytest.approx(0.65)
    # top 25% of 10 = 2,5 → 3 customers: 770 / 1.000 = 0,77
    assert top_share(REVENUE, 0.25) == pytest.approx(0.77)
    # 10% of 30 customers is exactly 3 (not 4 through float noise): 3 × 10 / (3×10 + 27×1)
    revenue = pd.Series([10] * 3 + [1] * 27, index=range(30))
    assert top_share(revenue, 0.1) == pytest.approx(30 / 57)
    # tiny fraction still takes one customer; fraction 1 takes all
    assert top_share(REVENUE, 0.01) == pytest.approx(0.40)
    assert top_share(REVENUE, 1) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"cutoffs": (0.8, 0.1, 0.05)}, "moeten samen 1 \\(100%\\) zijn, maar 0,8 \\+ 0,1"),
        ({"cutoffs": (80, 15, 5)}, "Bedoel je 0,8"),
        ({"cutoffs": (0.8, 0.2)}, "precies drie grenzen"),
        ({"cutoffs": (0, 0.5, 0.5)}, "klasse A moet groter dan 0"),
        ({"boundary": "halverwege"}, "Onbekende grensregel 'halverwege'"),
    ],
)
def test_bad_parameters_rejected(kwargs, fragment):
    with pytest.raises(InvalidInputError, match=fragment):
        abc_classes(REVENUE, **kwargs)


@pytest.mark.parametrize(
    ("revenue", "fragment"),
    [
        ({"a": 10, "b": -5}, "omzet van klant 'b' is negatief \\(-5\\)"),
        ({"a": 0, "b": 0}, "totale omzet is 0"),
        (pd.Series([], dtype=float), "de reeks is leeg"),
        (pd.Series([1, 2], index=["a", "a"]), "'a' staat er vaker in"),
        ({"a": 1, "b": float("nan")}, "omzet van 'b' moet een getal zijn"),
    ],
)
def test_bad_revenue_rejected(revenue, fragment):
    with pytest.raises(InvalidInputError, match=fragment):
        abc_classes(revenue)
    with pytest.raises(InvalidInputError, match=fragment):
        top_share(revenue)


@pytest.mark.parametrize(
    ("fraction", "fragment"), [(0, "groter dan 0"), (20, "Bedoel je 0,2"), (-0.1, "breuk")]
)
def test_top_share_bad_fraction(fraction, fragment):
    with pytest.raises(InvalidInputError, match=fragment):
        top_share(REVENUE, fraction)


def test_abc_summary_rejects_other_tables():
    with pytest.raises(InvalidInputError, match="deze ontbreken: klasse"):
        abc_summary(pd.DataFrame({"omzet": [1.0]}))
    with pytest.raises(InvalidInputError, match="Onbekende klasse 'D'"):
        abc_summary(pd.DataFrame({"omzet": [1.0], "klasse": ["D"]}))
    with pytest.raises(InvalidInputError, match="tabel is leeg"):
        abc_summary(pd.DataFrame({"omzet": [], "klasse": []}))


revenues = st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=40)


def _series(values):
    return pd.Series(values, index=[f"K{i:02d}" for i in range(len(values))], dtype=float)


@settings(max_examples=60, deadline=None)
@given(values=revenues, rule=st.sampled_from(["crossing_in_higher", "crossing_in_lower"]))
def test_classes_partition_customers_in_order(values, rule):
    assume(sum(values) > 0)
    revenue = _series(values)
    result = abc_classes(revenue, boundary=rule)
    assert sorted(result.index) == sorted(revenue.index)
    assert set(result["klasse"]) <= {"A", "B", "C"}
    assert list(result["klasse"]) == sorted(result["klasse"])  # A's first, then B's, then C's
    assert result["omzet"].is_monotonic_decreasing
    summary = abc_summary(result)
    assert summary["aantal_klanten"].sum() == len(values)
    assert summary["aandeel_omzet"].sum() == pytest.approx(1.0)


@settings(max_examples=60, deadline=None)
@given(values=revenues, a=st.sampled_from([0.5, 0.7, 0.8]))
def test_class_a_share_respects_cutoff(values, a):
    assume(sum(values) > 0)
    cutoffs = (a, (1 - a) * 0.75, (1 - a) * 0.25)
    higher = abc_summary(abc_classes(_series(values), cutoffs))
    lower = abc_summary(abc_classes(_series(values), cutoffs, "crossing_in_lower"))
    assert higher.loc["A", "aandeel_omzet"] >= a - 1e-9
    assert lower.loc["A", "aandeel_omzet"] <= a + 1e-9
    # A under the default rule is the lower rule's A plus at most one customer
    assert 0 <= higher.loc["A", "aantal_klanten"] - lower.loc["A", "aantal_klanten"] <= 1


@settings(max_examples=60, deadline=None)
@given(values=revenues, fraction=st.floats(min_value=0.01, max_value=1))
def test_top_share_is_a_fraction_growing_with_top_fraction(values, fraction):
    assume(sum(values) > 0)
    revenue = _series(values)
    share = top_share(revenue, fraction)
    assert 0 <= share <= 1 + 1e-12
    assert top_share(revenue, 1) == pytest.approx(1)
    assert share <= top_share(revenue, min(1, fraction + 0.1)) + 1e-12
    assert share >= max(values) / sum(values) - 1e-12
