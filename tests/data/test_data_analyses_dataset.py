"""The analyses run on the full course data (two seeds) and give plausible answers."""

from __future__ import annotations

import pytest

from salesbook.data import analyses as an


@pytest.fixture(params=["tables", "other_tables"])
def t(request):
    return request.getfixturevalue(request.param)


def test_abc_puts_a_minority_of_customers_in_a(t):
    table = an.customer_abc(t["orders"], t["klanten"])
    share_a = (table["klasse"] == "A").mean()
    assert 0.10 <= share_a <= 0.35
    assert set(table["klasse"]) == {"A", "B", "C"}


def test_rfm_spreads_customers_over_segments(t):
    table = an.rfm_table(t["orders"], t["klanten"])
    assert table["segment"].nunique() >= 8
    assert (table["recency_days"] >= 0).all()


def test_retention_and_cohorts(t):
    yearly = an.yearly_retention(t["orders"], t["klanten"])
    assert yearly["retentie"].between(0.7, 0.95).all()
    cohorts = an.cohort_table(t["orders"], t["klanten"])
    # a new customer places its first order on the day it becomes a customer
    assert (cohorts[0] >= 0.9).all()
    assert ((cohorts.fillna(0) >= 0) & (cohorts.fillna(0) <= 1)).all().all()


def test_clv_for_every_active_customer(t):
    table = an.customer_clv(t["orders"], t["klanten"])
    assert table["clv"].notna().all()
    assert (table["clv"] > 0).mean() > 0.95


def test_funnel_and_order_success(t):
    stages = an.funnel_stages(t["leads"])
    assert stages["conversie_vanaf_vorige_fase"].iloc[1:].between(0.3, 0.95).all()
    success = an.order_success_per_rep(t["offertes"], t["verkopers"])
    assert success["ordersuccesratio"].between(0.15, 0.8).all()
    per_rep = an.funnel_per_rep(t["leads"], t["verkopers"])
    assert per_rep["lead"].sum() == stages.loc["lead", "aantal"]


def test_forecast_is_close_to_last_years_quarter(t):
    table = an.forecast_next_quarter(t["maandomzet"])
    last = table.attrs["reeks"].iloc[-1]
    assert ((table["prognose"] / last).between(0.7, 1.3)).all()


def test_franke_gives_a_sales_force_near_the_current_one(t):
    analysis = an.franke_from_visits(t["bezoeken"], t["orders"], t["klanten"], t["verkopers"])
    assert analysis.current_reps == 10
    assert 6 <= analysis.result.reps <= 14


def test_nps_per_segment_adds_up(t):
    table = an.nps_by_segment(t["nps"], t["klanten"], by="omvang")
    total = table.loc["totaal"]
    assert table.drop(index="totaal")["antwoorden"].sum() == total["antwoorden"]
    assert -20 <= total["nps"] <= 60
    assert table.index.tolist()[:4] == ["micro", "klein", "middelgroot", "groot"]


def test_ratios_per_year(t):
    ratios = an.ratios_per_year(t["balans"], t["resultatenrekening"])
    assert ratios.index.tolist() == [2022, 2023, 2024]
    assert ratios["quick_ratio"].lt(ratios["current_ratio"]).all()
