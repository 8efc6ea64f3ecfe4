"""Financial ratios: worked examples, Dutch errors and verdicts."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesbook.calc.ratios import (
    current_ratio,
    interpret_current_ratio,
    interpret_quick_ratio,
    interpret_solvency,
    interpret_working_capital,
    quick_ratio,
    return_on_equity,
    return_on_sales,
    return_on_total_assets,
    solvency,
    solvency_assets_to_debt,
    solvency_equity_to_debt,
    working_capital,
)
from salesbook.exceptions import InvalidInputError

# Worked example balance sheet (euros):
#   vlottende activa 150.000 of which voorraad 60.000; kort vreemd vermogen 80.000
#   eigen vermogen 140.000, vreemd vermogen 260.000 → totaal vermogen 400.000
#   omzet 800.000, bedrijfsresultaat (EBIT) 48.000, nettowinst 21.000


def test_return_on_sales_is_operating_result_over_revenue():
    # 48.000 / 800.000 = 0,06
    assert return_on_sales(48_000, 800_000) == pytest.approx(0.06)


def test_return_on_sales_may_be_negative():
    # -12.000 / 800.000 = -0,015
    assert return_on_sales(-12_000, 800_000) == pytest.approx(-0.015)


def test_return_on_total_assets():
    # 48.000 / 400.000 = 0,12
    assert return_on_total_assets(48_000, 400_000) == pytest.approx(0.12)


def test_return_on_equity():
    # 21.000 / 140.000 = 0,15
    assert return_on_equity(21_000, 140_000) == pytest.approx(0.15)


def test_current_ratio():
    # 150.000 / 80.000 = 1,875
    assert current_ratio(150_000, 80_000) == pytest.approx(1.875)


def test_quick_ratio():
    # (150.000 - 60.000) / 80.000 = 90.000 / 80.000 = 1,125
    assert quick_ratio(150_000, 60_000, 80_000) == pytest.approx(1.125)


def test_working_capital_positive_and_negative():
    # 150.000 - 80.000 = 70.000;  50.000 - 80.000 = -30.000
    assert working_capital(150_000, 80_000) == pytest.approx(70_000)
    assert working_capital(50_000, 80_000) == pytest.approx(-30_000)


def test_solvency_variants():
    # EV/TV = 140.000 / 400.000 = 0,35
    assert solvency(140_000, 400_000) == pytest.approx(0.35)
    # EV/VV = 140.000 / 260.000 = 0,538461...
    assert solvency_equity_to_debt(140_000, 260_000) == pytest.approx(7 / 13)
    # TV/VV = 400.000 / 260.000 = 1,538461...
    assert solvency_assets_to_debt(400_000, 260_000) == pytest.approx(20 / 13)


def test_solvency_with_negative_equity_is_negative():
    # -20.000 / 400.000 = -0,05
    assert solvency(-20_000, 400_000) == pytest.approx(-0.05)


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: return_on_sales(10, 0), "De omzet moet groter dan 0"),
        (lambda: return_on_sales(float("nan"), 10), "Het bedrijfsresultaat moet een eindig"),
        (lambda: return_on_sales("veel", 10), "Het bedrijfsresultaat moet een getal"),
        (lambda: return_on_total_assets(10, -5), "Het totaal vermogen moet groter dan 0"),
        (lambda: return_on_equity(10, 0), "Het eigen vermogen moet groter dan 0"),
        (lambda: current_ratio(10, 0), "Het kort vreemd vermogen moet groter dan 0"),
        (lambda: current_ratio(-1, 10), "Het bedrag aan vlottende activa mag niet negatief"),
        (lambda: quick_ratio(100, 150, 50), "De voorraad (€ 150,00) kan niet groter"),
        (lambda: quick_ratio(100, -1, 50), "De voorraad mag niet negatief"),
        (lambda: quick_ratio(100, 10, 0), "Het kort vreemd vermogen moet groter dan 0"),
        (lambda: working_capital(10, -1), "Het kort vreemd vermogen mag niet negatief"),
        (lambda: solvency(500, 400), "Het eigen vermogen (€ 500,00) kan niet groter"),
        (lambda: solvency(10, 0), "Het totaal vermogen moet groter dan 0"),
        (lambda: solvency_equity_to_debt(10, 0), "Het vreemd vermogen moet groter dan 0"),
        (lambda: solvency_assets_to_debt(-1, 10), "Het totaal vermogen mag niet negatief"),
        (lambda: interpret_solvency(35), "kan niet groter zijn dan 1"),
        (lambda: interpret_current_ratio(-1), "De current ratio mag niet negatief"),
    ],
)
def test_invalid_input_gives_dutch_error(call, fragment):
    with pytest.raises(InvalidInputError, match=re.escape(fragment)):
        call()


@pytest.mark.parametrize(
    ("ratio", "start"),
    [
        (0.8, "Current ratio 0,80: onvoldoende"),
        (1.2, "Current ratio 1,20: krap"),
        (1.5, "Current ratio 1,50: goed"),
        (2.0, "Current ratio 2,00: goed"),
        (2.4, "Current ratio 2,40: ruim"),
    ],
)
def test_interpret_current_ratio(ratio, start):
    assert interpret_current_ratio(ratio).startswith(start)


def test_interpret_quick_ratio_norm_is_one():
    assert interpret_quick_ratio(0.99).startswith("Quick ratio 0,99: onvoldoende")
    assert interpret_quick_ratio(1.0).startswith("Quick ratio 1,00: voldoende")


@pytest.mark.parametrize(
    ("ratio", "start"),
    [
        (-0.05, "Solvabiliteit -5,0%: technisch insolvent"),
        (0.2, "Solvabiliteit 20,0%: zwak"),
        (0.25, "Solvabiliteit 25,0%: redelijk"),
        (0.3, "Solvabiliteit 30,0%: gezond"),
    ],
)
def test_interpret_solvency(ratio, start):
    assert interpret_solvency(ratio).startswith(start)


def test_interpret_working_capital():
    assert interpret_working_capital(-30_000).startswith("Werkkapitaal € -30.000,00: negatief")
    assert "niet negatief" in interpret_working_capital(70_000)


amounts = st.floats(min_value=0, max_value=1e9, allow_nan=False)


@given(assets=amounts, stock=amounts, debts=st.floats(min_value=1, max_value=1e9))
def test_quick_ratio_never_exceeds_current_ratio(assets, stock, debts):
    stock = min(stock, assets)
    assert quick_ratio(assets, stock, debts) <= current_ratio(assets, debts) + 1e-12


@given(equity=st.floats(min_value=1, max_value=1e9), debt=st.floats(min_value=1, max_value=1e9))
def test_solvency_variants_agree(equity, debt):
    # TV = EV + VV, so EV/TV = (EV/VV) / (TV/VV)
    total = equity + debt
    assert math.isclose(
        solvency(equity, total),
        solvency_equity_to_debt(equity, debt) / solvency_assets_to_debt(total, debt),
        rel_tol=1e-9,
    )
