"""Integrity of the generated tables: keys, references, dates, values, and the books."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from salesbook.data import warts
from salesbook.data._columns import SCHEMAS

START, END = pd.Timestamp("2022-01-01"), pd.Timestamp("2024-12-31")


@pytest.fixture(params=["tables", "other_tables"])
def t(request):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_keys_are_unique_and_complete(t, name):
    frame, key = t[name], list(SCHEMAS[name].key)
    assert frame[key].notna().all().all()
    assert not frame.duplicated(key).any()


@pytest.mark.parametrize(
    ("child", "column", "parent", "key"),
    [
        ("klanten", "accountmanager", "verkopers", "verkoper_id"),
        ("orders", "klant_id", "klanten", "klant_id"),
        ("leads", "verkoper_id", "verkopers", "verkoper_id"),
        ("leads", "klant_id", "klanten", "klant_id"),
        ("offertes", "klant_id", "klanten", "klant_id"),
        ("offertes", "lead_id", "leads", "lead_id"),
        ("offertes", "verkoper_id", "verkopers", "verkoper_id"),
        ("bezoeken", "klant_id", "klanten", "klant_id"),
        ("bezoeken", "verkoper_id", "verkopers", "verkoper_id"),
        ("nps", "klant_id", "klanten", "klant_id"),
    ],
)
def test_references_point_to_existing_rows(t, child, column, parent, key):
    values = t[child][column].dropna()
    assert values.isin(t[parent][key]).all()


def test_required_references_are_filled(t):
    for name, column in [("orders", "klant_id"), ("bezoeken", "klant_id"), ("nps", "klant_id")]:
        assert t[name][column].notna().all()
    quotes = t["offertes"]
    assert (quotes["klant_id"].isna() != quotes["lead_id"].isna()).all()


def test_dates_in_range_apart_from_the_documented_wrong_years(t):
    orders = t["orders"]
    outside = orders[~orders["orderdatum"].between(START, END)]
    assert outside["order_id"].nunique() == len(warts.WRONG_YEARS)
    assert sorted(outside["orderdatum"].dt.year.unique()) == sorted(y for _, y in warts.WRONG_YEARS)
    assert t["bezoeken"]["datum"].between(START, END).all()
    assert t["nps"]["datum"].between(START, END).all()
    leads = t["leads"]
    for column in ["datum_lead", "datum_gekwalificeerd", "datum_offerte", "datum_opvolging"]:
        assert leads[column].dropna().between(pd.Timestamp("2021-07-01"), END).all()
    assert t["klanten"]["klant_sinds"].between(pd.Timestamp("1975-01-01"), END).all()
    assert (t["verkopers"]["in_dienst_sinds"] < START).all()


def test_stage_dates_follow_each_other(t):
    leads = t["leads"]
    columns = ["datum_lead", "datum_gekwalificeerd", "datum_offerte", "datum_opvolging"]
    for early, late in itertools.pairwise(columns):
        both = leads[[early, late]].dropna()
        assert (both[early] < both[late]).all()
        assert leads.loc[leads[early].isna(), late].isna().all()
    decided = leads.dropna(subset=["datum_besluit"])
    assert (decided["datum_besluit"] >= decided["datum_lead"]).all()
    assert ((leads["uitkomst"] == "open") == leads["datum_besluit"].isna()).all()
    stage = leads["fase"].cat.codes
    assert (leads["datum_gekwalificeerd"].notna() == (stage >= 1)).all()
    assert (leads["datum_offerte"].notna() == (stage >= 2)).all()
    assert ((leads["uitkomst"] == "gewonnen") == (leads["fase"] == "klant")).all()


def test_orders_fall_in_the_customer_relationship(t):
    orders = t["orders"]
    orders = orders[orders["orderdatum"].between(START, END) & (orders["aantal"] > 0)]
    since = orders["klant_id"].map(t["klanten"].set_index("klant_id")["klant_sinds"])
    assert (orders["orderdatum"] >= since).all()


def test_order_amounts_are_consistent(t):
    orders = t["orders"]
    assert (orders["prijs"] > 0).all() and (orders["kostprijs"] > 0).all()
    assert orders["korting"].between(0, 0.4).all()
    assert (orders["aantal"] != 0).all()
    expected = (orders["aantal"] * orders["prijs"] * (1 - orders["korting"])).round(2)
    assert np.allclose(orders["omzet"], expected, atol=0.006)
    margin = (orders["omzet"] - orders["aantal"] * orders["kostprijs"]).round(2)
    assert np.allclose(orders["marge"], margin, atol=0.006)
    assert ((orders["omzet"] < 0) == (orders["aantal"] < 0)).all()


def test_only_the_documented_returns_are_negative(t):
    from salesbook.data.generate_orders import N_RETURNS

    returns = t["orders"][t["orders"]["aantal"] < 0]
    assert len(returns) == N_RETURNS
    assert (returns["regel"] == 1).all()
    assert (
        not returns["order_id"].isin(t["orders"].loc[t["orders"]["aantal"] > 0, "order_id"]).any()
    )


def test_prices_are_stable_within_a_year_and_rise_over_years(t):
    # a return is credited at the price of the original order, which may be last year's
    orders = t["orders"][t["orders"]["aantal"] > 0]
    per_year = orders.groupby(["artikel", orders["orderdatum"].dt.year], observed=True)["prijs"]
    assert (per_year.nunique() == 1).all()
    one = orders[orders["artikel"] == orders["artikel"].mode()[0]]
    prices = one.groupby(one["orderdatum"].dt.year)["prijs"].first()
    assert prices.loc[2023] == pytest.approx(prices.loc[2022] * 1.06, abs=0.01)


def test_visit_times_are_plausible_apart_from_the_documented_typos(t):
    visits = t["bezoeken"]
    assert visits["bezoekduur_min"].between(15, 300).all()
    assert visits["wachttijd_min"].between(0, 45).all()
    assert (visits["reistijd_min"] > 300).sum() == warts.N_TRAVEL_TYPOS
    assert visits["reistijd_min"].between(10, 300).sum() == len(visits) - warts.N_TRAVEL_TYPOS
    assert visits.groupby(["verkoper_id", "datum"]).size().max() <= 4
    assert not visits.duplicated(["klant_id", "datum"]).any()
    desk = t["verkopers"].loc[t["verkopers"]["functie"] == "binnendienst", "verkoper_id"]
    assert not visits["verkoper_id"].isin(desk).any()


def test_visits_are_made_by_the_customers_own_salesperson(t):
    visits = t["bezoeken"]
    owner = visits["klant_id"].map(t["klanten"].set_index("klant_id")["accountmanager"])
    assert (owner == visits["verkoper_id"]).all()


def test_nps_scores_are_0_to_10_apart_from_the_documented_typos(t):
    score = t["nps"]["score"]
    assert score.isna().sum() == warts.N_NPS_MISSING
    assert sorted(score[~score.between(0, 10).fillna(True)].tolist()) == sorted(warts.NPS_TYPOS)


def test_balance_sheet_balances_every_year(t):
    balance = t["balans"]
    sides = balance.pivot_table(
        index="jaar", columns="zijde", values="bedrag", aggfunc="sum", observed=True
    )
    assert (sides["activa"] == sides["passiva"]).all()
    assert (balance["bedrag"] >= 0).all()


def test_income_statement_adds_up_and_ties_to_the_orders(t):
    pl = t["resultatenrekening"].set_index(["jaar", "post"])["bedrag"]
    orders = t["orders"]
    for year in (2022, 2023, 2024):
        line = pl.loc[year]
        costs = t["resultatenrekening"].query("jaar == @year and soort == 'kosten'")["bedrag"].sum()
        assert line["nettowinst"] == line["netto-omzet"] - costs
        assert line["brutomarge"] == line["netto-omzet"] - line["inkoopwaarde van de omzet"]
        in_year = orders[orders["orderdatum"].dt.year == year]
        # the books hold the orders with a mistyped year on their true date: a small difference
        assert abs(line["netto-omzet"] - in_year["omzet"].sum()) < 0.002 * line["netto-omzet"]
        assert 0.02 <= line["bedrijfsresultaat (EBIT)"] / line["netto-omzet"] <= 0.10


def test_monthly_revenue_ties_to_the_orders(t):
    monthly = t["maandomzet"].set_index("maand")
    # the books hold the orders with a mistyped year on their true date
    true_year = {typed: true for true, typed in warts.WRONG_YEARS}
    orders = t["orders"]
    day = orders["orderdatum"]
    day = day.where(
        day.between(START, END), day.map(lambda d: d.replace(year=true_year.get(d.year, d.year)))
    )
    by_month = orders.groupby(day.dt.to_period("M").dt.start_time)["omzet"].sum()
    recent = monthly.loc["2022-01-01":, "omzet"]
    assert np.allclose(recent, by_month.reindex(recent.index), atol=0.01)
    sales = orders[orders["aantal"] > 0]
    counts = sales.groupby(day[orders["aantal"] > 0].dt.to_period("M").dt.start_time)["order_id"]
    assert (monthly.loc["2022-01-01":, "aantal_orders"] == counts.nunique()).all()
    yearly = recent.groupby(recent.index.year).sum().round()
    pl = t["resultatenrekening"].set_index(["post", "jaar"])["bedrag"].loc["netto-omzet"]
    assert (abs(yearly - pl) <= 1).all()


def test_ratios_are_realistic(t):
    b = t["balans"].groupby(["jaar", "groep"], observed=True)["bedrag"].sum().unstack()
    total = b[["vaste activa", "vlottende activa"]].sum(axis=1)
    solvency = b["eigen vermogen"] / total
    current = b["vlottende activa"] / b["kort vreemd vermogen"]
    assert solvency.between(0.25, 0.55).all()
    assert current.between(1.0, 2.5).all()


def test_customer_attributes_agree(t):
    from salesbook.data._catalog import PROVINCES, SIZE_EMPLOYEES, SIZES, province_label
    from salesbook.data.clean import clean_klanten

    klanten = clean_klanten(t["klanten"])
    for size, (low, high) in zip(SIZES, SIZE_EMPLOYEES, strict=True):
        staff = klanten.loc[klanten["omvang"] == size, "aantal_medewerkers"]
        assert staff.between(low, high).all(), size
    places = {(info[0], province_label(name)): info for name, info in PROVINCES.items()}
    for land, province, place, region in (
        klanten[["land", "provincie", "plaats", "regio"]].astype(str).itertuples(index=False)
    ):
        info = places[(land, province)]
        assert region == info[1]
        assert place in info[3]


def test_quotes_are_consistent(t):
    quotes = t["offertes"]
    assert (quotes["bedrag"] > 0).all()
    decided = quotes.dropna(subset=["besluitdatum"])
    assert (decided["besluitdatum"] >= decided["offertedatum"]).all()
    assert ((quotes["status"] == "open") == quotes["besluitdatum"].isna()).all()
    to_leads = quotes.dropna(subset=["lead_id"]).set_index("lead_id")
    leads = t["leads"].set_index("lead_id")
    assert (to_leads["offertedatum"] == leads.loc[to_leads.index, "datum_offerte"]).all()
    assert leads["datum_offerte"].notna().sum() == len(to_leads)
