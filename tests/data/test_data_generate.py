"""The generator: reproducible per seed, different across seeds, realistic shapes."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

import salesbook.data as data
from salesbook.data.clean import clean_klanten, clean_orders
from salesbook.exceptions import DataError


def test_generate_returns_every_table_in_order(tables):
    assert list(tables) == list(data.TABLES)
    assert data.TABLES == (
        "verkopers", "klanten", "orders", "leads", "offertes", "bezoeken", "nps",
        "maandomzet", "balans", "resultatenrekening",
    )  # fmt: skip


def test_sizes_match_the_brief(tables):
    assert 590 <= len(tables["klanten"]) <= 610
    assert 22_000 <= len(tables["orders"]) <= 28_000
    assert len(tables["verkopers"]) == 14
    assert len(tables["maandomzet"]) == 120


def test_same_seed_gives_identical_tables(tables):
    again = data.generate(data.DEFAULT_SEED)
    for name in data.TABLES:
        pd.testing.assert_frame_equal(again[name], tables[name])


@pytest.mark.parametrize("name", data.TABLES)
def test_another_seed_gives_different_tables(tables, other_tables, name):
    assert list(other_tables[name].columns) == list(tables[name].columns)
    assert not other_tables[name].equals(tables[name])


@pytest.mark.parametrize("seed", [-1, 1.5, "12", True, None])
def test_bad_seed_is_refused_in_dutch(seed):
    with pytest.raises(DataError, match="seed"):
        data.generate(seed)


def _top_share(tables) -> float:
    orders = clean_orders(tables["orders"], tables["klanten"])
    revenue = orders.groupby("klant_id")["omzet"].sum().sort_values(ascending=False)
    top = round(0.2 * len(revenue))
    return revenue.iloc[:top].sum() / revenue.sum()


@pytest.mark.parametrize("which", ["tables", "other_tables"])
def test_top_fifth_of_customers_holds_70_to_90_percent(request, which):
    assert 0.70 <= _top_share(request.getfixturevalue(which)) <= 0.90


def test_revenue_is_seasonal_with_a_summer_dip(tables):
    orders = tables["orders"]
    month = orders.groupby(orders["orderdatum"].dt.month)["omzet"].sum()
    summer = month.loc[[7, 8]].mean()
    spring_autumn = month.loc[[3, 6, 9, 10]].mean()
    assert summer < 0.9 * spring_autumn


def test_there_are_churned_and_new_customers(tables):
    klanten = clean_klanten(tables["klanten"])
    orders = clean_orders(tables["orders"], tables["klanten"])
    last = orders.groupby("klant_id")["orderdatum"].max()
    churned = (last < pd.Timestamp("2024-04-01")).sum()
    new = (klanten["klant_sinds"] >= pd.Timestamp("2022-01-01")).sum()
    assert 40 <= churned <= 250
    assert 50 <= new <= 200


def test_webshop_share_grows_over_the_years(tables):
    orders = clean_orders(tables["orders"], tables["klanten"])
    share = pd.crosstab(orders["orderdatum"].dt.year, orders["kanaal"], normalize="index")
    assert share.loc[2022, "webshop"] < share.loc[2023, "webshop"] < share.loc[2024, "webshop"]


def test_bigger_customers_buy_more(tables):
    klanten = clean_klanten(tables["klanten"])
    orders = clean_orders(tables["orders"], tables["klanten"])
    revenue = orders.groupby("klant_id")["omzet"].sum()
    per_size = revenue.groupby(klanten.set_index("klant_id")["omvang"], observed=True).median()
    assert list(per_size.index) == ["micro", "klein", "middelgroot", "groot"]
    assert per_size.is_monotonic_increasing


def test_detractors_churn_more_often_than_promoters(tables):
    # the hidden satisfaction drives both; checked on three seeds pooled for a stable signal
    rows = []
    for seed in (1, 2, 3):
        t = data.generate(seed)
        scores = t["nps"][t["nps"]["datum"].dt.year == 2022].dropna(subset=["score"])
        last = t["orders"].groupby("klant_id")["orderdatum"].max()
        scores = scores.assign(stopped=scores["klant_id"].map(last) < pd.Timestamp("2024-04-01"))
        rows.append(scores)
    pooled = pd.concat(rows)
    detractors = pooled.loc[pooled["score"] <= 6, "stopped"].mean()
    promoters = pooled.loc[pooled["score"].between(9, 10), "stopped"].mean()
    assert detractors > promoters


def test_new_customers_come_from_won_leads(tables):
    leads = tables["leads"]
    won = leads[leads["uitkomst"] == "gewonnen"]
    klanten = tables["klanten"].set_index("klant_id")
    assert won["klant_id"].notna().all()
    assert (klanten.loc[won["klant_id"], "klant_sinds"].to_numpy() == won["datum_besluit"]).all()
    assert (klanten.loc[won["klant_id"], "naam"].to_numpy() == won["bedrijfsnaam"]).all()
    assert leads.loc[leads["uitkomst"] != "gewonnen", "klant_id"].isna().all()


def test_funnel_narrows_stage_by_stage(tables):
    leads = tables["leads"]
    reached = [
        len(leads),
        leads["datum_gekwalificeerd"].notna().sum(),
        leads["datum_offerte"].notna().sum(),
        leads["datum_opvolging"].notna().sum(),
        (leads["uitkomst"] == "gewonnen").sum(),
    ]
    assert all(a > b > 0 for a, b in itertools.pairwise(reached))
    assert 0.08 <= reached[-1] / reached[0] <= 0.25


def test_maandomzet_history_has_the_corona_dip(tables):
    monthly = tables["maandomzet"].set_index("maand")["omzet"]
    april_2020 = monthly[pd.Timestamp("2020-04-01")]
    april_2019 = monthly[pd.Timestamp("2019-04-01")]
    assert april_2020 < 0.85 * april_2019


def test_margins_and_discounts_are_plausible_for_a_wholesaler(tables):
    orders = tables["orders"]
    gross = orders["marge"].sum() / orders["omzet"].sum()
    assert 0.18 <= gross <= 0.35
    assert 0.05 <= orders["korting"].mean() <= 0.20


def test_generation_uses_no_global_random_state():
    np.random.seed(0)
    before = np.random.random()
    np.random.seed(0)
    data.generate(3)
    assert np.random.random() == before
