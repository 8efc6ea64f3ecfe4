"""Year-on-year retention and cohort tables on hand-made data."""

from __future__ import annotations

import data_analyses_world as world
import numpy as np
import pandas as pd
import pytest

from salesbook.data.analyses import cohort_table, retention_by, yearly_retention
from salesbook.exceptions import DataError


def test_yearly_retention():
    # active (returns do not count): 2022 {K1,K2,K3}; 2023 {K1 (via K6),K4,K5}; 2024 {K2}
    # 2023: S 3, E 3, N 2 (K4, K5) → kept 1 → 1/3; 2024: S 3, E 1, N 1 (K2) → kept 0 → 0
    table = yearly_retention(world.orders(), world.klanten())
    assert table.index.tolist() == [2023, 2024]
    assert table["klanten_begin"].tolist() == [3, 3]
    assert table["klanten_eind"].tolist() == [3, 1]
    assert table["nieuw"].tolist() == [2, 1]
    assert table["behouden"].tolist() == [1, 0]
    assert table["retentie"].tolist() == pytest.approx([1 / 3, 0.0])
    assert table["churn"].tolist() == pytest.approx([2 / 3, 1.0])


def test_retention_by_group_has_nan_for_a_year_without_start_customers():
    # groot (K1): 2022 {K1}, 2023 {K1}, 2024 {} → 1, 0; middelgroot (K2): 2022, -, 2024 → 0, NaN
    table = retention_by(world.orders(), world.klanten(), by="omvang")
    assert table.loc[("groot", 2023), "retentie"] == 1.0
    assert table.loc[("groot", 2024), "retentie"] == 0.0
    assert table.loc[("middelgroot", 2023), "retentie"] == 0.0
    assert np.isnan(table.loc[("middelgroot", 2024), "retentie"])
    with pytest.raises(DataError, match="geen kolom"):
        retention_by(world.orders(), world.klanten(), by="bestaat_niet")


def test_cohort_table_per_year():
    # new customers: K3 (april 2022) and K5 (january 2023); the duplicate K6 does not count.
    table = cohort_table(world.orders(), world.klanten(), freq="Y")
    assert table.index.tolist() == [pd.Period("2022", "Y"), pd.Period("2023", "Y")]
    assert table.columns.tolist() == [0, 1, 2]
    expected = np.array([[1.0, 0.0, 0.0], [1.0, 0.0, np.nan]])
    np.testing.assert_array_equal(table.to_numpy(), expected)
    assert table.attrs["cohortgrootte"].tolist() == [1, 1]


def test_cohort_table_per_quarter():
    # K3 starts 2022Q2 and buys again in 2022Q4 (k = 2); the data end in 2024Q4 (k = 10)
    table = cohort_table(world.orders(), world.klanten())
    assert table.columns.tolist() == list(range(11))
    k3 = table.loc[pd.Period("2022Q2", "Q")]
    assert k3.tolist() == [1.0, 0.0, 1.0] + [0.0] * 8
    k5 = table.loc[pd.Period("2023Q1", "Q")]
    assert k5.iloc[:8].tolist() == [1.0] + [0.0] * 7
    assert k5.iloc[8:].isna().all()


def test_cohort_table_refuses_unknown_frequency():
    with pytest.raises(DataError, match="Onbekende periode 'W'"):
        cohort_table(world.orders(), world.klanten(), freq="W")
