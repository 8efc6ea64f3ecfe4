"""Tests for salesbook.calc.rfm: quintile scores, tie rule, segment table."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesbook.calc.rfm import SEGMENT_RULES, SEGMENTS, rfm_scores, rfm_segment, rfm_segments
from salesbook.exceptions import InvalidInputError

CUSTOMERS = pd.DataFrame(
    {
        "recency_days": [5, 40, 200, 15, 90, 10, 365, 30, 60, 120],
        "frequency": [12, 3, 1, 8, 2, 10, 1, 5, 4, 6],
        "monetary": [2400, 300, 80, 1500, 150, 900, 50, 700, 1200, 400],
    },
    index=pd.Index([f"C{i:02d}" for i in range(1, 11)], name="klant"),
)


def test_rfm_scores_worked_example():
    # n = 10, rank k (worst → best) gives score ceil(5(k−1)/9), at least 1:
    # k = 1,2 → 1; 3,4 → 2; 5,6 → 3; 7,8 → 4; 9,10 → 5.
    # R (recency high → low): C07 365, C03 200 | C10 120, C05 90 | C09 60, C02 40 |
    #   C08 30, C04 15 | C06 10, C01 5
    # F (low → high): C03 1, C07 1 (tie: C03 has the smaller label, so counts as worse) |
    #   C05 2, C02 3 | C09 4, C08 5 | C10 6, C04 8 | C06 10, C01 12
    # M (low → high): C07 50, C03 80 | C05 150, C02 300 | C10 400, C08 700 |
    #   C06 900, C09 1200 | C04 1500, C01 2400
    result = rfm_scores(CUSTOMERS)
    assert list(result.columns) == ["R", "F", "M", "rfm_code"]
    assert list(result.index) == list(CUSTOMERS.index)
    assert result.index.name == "klant"
    expected = ["555", "322", "111", "445", "222", "554", "111", "433", "334", "243"]
    assert result["rfm_code"].tolist() == expected
    assert result.loc["C01", ["R", "F", "M"]].tolist() == [5, 5, 5]


def test_rfm_segments_worked_example():
    # FM = (F + M + 1) // 2; e.g. C04: R4, FM (4 + 5 + 1) // 2 = 5 → Loyale klanten;
    # C10: R2, FM (4 + 3 + 1) // 2 = 4 → Risicoklanten
    result = rfm_segments(rfm_scores(CUSTOMERS))
    assert result["segment"].tolist() == [
        "Kampioenen",
        "Bijna kwijt",
        "Verloren",
        "Loyale klanten",
        "Slapers",
        "Kampioenen",
        "Verloren",
        "Potentiële loyalisten",
        "Loyale klanten",
        "Risicoklanten",
    ]
    assert list(result.columns) == ["R", "F", "M", "rfm_code", "segment"]


def test_equal_values_are_split_by_label_into_neighbouring_quintiles():
    # five customers with the same frequency: ranks follow the labels a < b < c < d < e
    frame = pd.DataFrame(
        {"recency_days": [1, 1, 1, 1, 1], "frequency": [1] * 5, "monetary": [10] * 5},
        index=["e", "c", "a", "d", "b"],
    )
    result = rfm_scores(frame)
    assert result["F"].to_dict() == {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}
    assert result["R"].to_dict() == {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}


def test_six_customers_quintile_sizes_match_qcut():
    # n = 6: 5(k−1)/5 = k−1 → scores 1, 1, 2, 3, 4, 5
    frame = pd.DataFrame(
        {"recency_days": [6, 5, 4, 3, 2, 1], "frequency": range(1, 7), "monetary": range(6)},
        index=list("abcdef"),
    )
    result = rfm_scores(frame)
    assert result["F"].tolist() == [1, 1, 2, 3, 4, 5]
    assert result["R"].tolist() == [1, 1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("r", "f", "m", "segment"),
    [
        (5, 5, 5, "Kampioenen"),
        (5, 4, 3, "Kampioenen"),  # FM (4 + 3 + 1) // 2 = 4
        (5, 3, 2, "Potentiële loyalisten"),  # FM 3
        (5, 1, 1, "Nieuwe klanten"),
        (4, 1, 2, "Potentiële loyalisten"),  # FM (1 + 2 + 1) // 2 = 2
        (4, 1, 1, "Veelbelovend"),
        (4, 5, 5, "Loyale klanten"),
        (3, 3, 3, "Aandacht nodig"),
        (3, 2, 2, "Bijna kwijt"),
        (3, 4, 3, "Loyale klanten"),  # FM 4
        (2, 5, 5, "Niet kwijtraken"),
        (1, 5, 4, "Niet kwijtraken"),  # FM 5
        (2, 3, 4, "Risicoklanten"),  # FM 4
        (2, 1, 2, "Slapers"),
        (1, 2, 2, "Verloren"),
        (1, 3, 3, "Risicoklanten"),
    ],
)
def test_rfm_segment_table(r, f, m, segment):
    assert rfm_segment(r, f, m) == segment


def test_segment_rules_cover_every_score_exactly_once_and_use_every_segment():
    for r, fm in itertools.product(range(1, 6), repeat=2):
        matches = [name for rs, fms, name in SEGMENT_RULES if r in rs and fm in fms]
        assert len(matches) == 1, (r, fm, matches)
    names = {rfm_segment(r, f, m) for r, f, m in itertools.product(range(1, 6), repeat=3)}
    assert names == set(SEGMENTS)
    assert len(SEGMENTS) == 11


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ((6, 1, 1), "R-score moet tussen 1 en 5 liggen, maar is 6"),
        ((0, 1, 1), "R-score moet minstens 1 zijn"),
        ((3, 2.5, 1), "F-score moet een geheel getal zijn"),
        ((3, 2, "x"), "M-score moet een getal zijn"),
    ],
)
def test_rfm_segment_rejects_bad_scores(args, fragment):
    with pytest.raises(InvalidInputError, match=fragment):
        rfm_segment(*args)


def test_rfm_segments_names_the_customer_with_a_bad_score():
    scores = pd.DataFrame({"R": [5, 7], "F": [5, 5], "M": [5, 5]}, index=["ok", "fout"])
    with pytest.raises(InvalidInputError, match="Klant 'fout': De R-score moet tussen 1 en 5"):
        rfm_segments(scores)
    with pytest.raises(InvalidInputError, match="deze ontbreken: M"):
        rfm_segments(pd.DataFrame({"R": [1], "F": [1]}))


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda f: f.drop(columns="monetary"), "deze ontbreken: monetary"),
        (lambda f: f.head(4), "minstens 5 klanten nodig, maar er zijn er 4"),
        (lambda f: f.assign(recency_days=[-1, *f["recency_days"][1:]]), "klant 'C01' is negatief"),
        (lambda f: f.assign(frequency=[*f["frequency"][:9], -2]), "'frequency' van klant 'C10'"),
        (lambda f: f.assign(monetary=[None, *f["monetary"][1:]]), "'monetary' van 'C01' moet een"),
        (lambda f: f.set_axis(["C01"] * 10), "'C01' staat er vaker in"),
    ],
)
def test_rfm_scores_rejects_bad_input(change, fragment):
    with pytest.raises(InvalidInputError, match=fragment):
        rfm_scores(change(CUSTOMERS))


def test_negative_monetary_is_ranked_lowest():
    frame = CUSTOMERS.assign(monetary=[-100, *CUSTOMERS["monetary"][1:]])
    assert rfm_scores(frame).loc["C01", "M"] == 1


frames = st.integers(min_value=5, max_value=60).flatmap(
    lambda n: st.tuples(
        st.lists(st.integers(0, 30), min_size=n, max_size=n),
        st.lists(st.integers(0, 6), min_size=n, max_size=n),
        st.lists(st.integers(0, 10_000), min_size=n, max_size=n),
        st.permutations(range(n)),
    )
)


def _frame(data):
    recency, frequency, monetary, labels = data
    return pd.DataFrame(
        {"recency_days": recency, "frequency": frequency, "monetary": monetary},
        index=[f"K{i:03d}" for i in labels],
    )


@settings(max_examples=50, deadline=None)
@given(data=frames)
def test_scores_equal_qcut_on_first_ranks(data):
    frame = _frame(data)
    result = rfm_scores(frame)
    by_label = frame.sort_index()
    labels = [1, 2, 3, 4, 5]
    f = pd.qcut(by_label["frequency"].rank(method="first"), 5, labels=labels).astype(int)
    r = pd.qcut((-by_label["recency_days"]).rank(method="first"), 5, labels=labels).astype(int)
    assert result["F"].to_dict() == f.to_dict()
    assert result["R"].to_dict() == r.to_dict()


@settings(max_examples=50, deadline=None)
@given(data=frames)
def test_scores_are_balanced_and_monotone(data):
    frame = _frame(data)
    result = rfm_scores(frame)
    for column, score, better in [
        ("recency_days", "R", -1),
        ("frequency", "F", 1),
        ("monetary", "M", 1),
    ]:
        sizes = result[score].value_counts().reindex(range(1, 6), fill_value=0)
        assert sizes.max() - sizes.min() <= 1
        key = frame[column] * better
        order = key.sort_index().sort_values(kind="stable").index
        assert result.loc[order, score].is_monotonic_increasing
    codes = result["R"].astype(str) + result["F"].astype(str) + result["M"].astype(str)
    assert (codes == result["rfm_code"]).all()
