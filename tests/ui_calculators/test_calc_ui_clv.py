"""CLV calculator: finite and unlimited CLV, the yearly table, percentages as fractions."""

from __future__ import annotations

from salesbook.notation import format_money
from salesbook.ui.calculators import open_calculator


def _by_hand(m: float, r: float, d: float, years: int) -> list[float]:
    return [m * r**t / (1 + d) ** t for t in range(1, years + 1)]


def test_default_values_match_a_hand_sum():
    calc = open_calculator("clv")  # m = 1.000, r = 80%, d = 10%, 5 jaar
    terms = _by_hand(1_000, 0.8, 0.1, 5)
    rows = dict(calc.rows)
    assert rows["CLV over 5 jaar"] == format_money(sum(terms))
    assert rows["CLV bij onbeperkte looptijd"] == "€ 2.666,67"  # 1.000 × 0,8 / 0,3
    assert calc.table[0] == ("1", "€ 727,27", "€ 727,27")  # 800 / 1,1
    assert calc.table[1] == ("2", "€ 528,93", "€ 1.256,20")  # 640 / 1,21
    assert [row[1] for row in calc.table] == [format_money(t) for t in terms]
    assert any("€ 3.666,67" in note for note in calc.notes)  # 1.000 + 2.666,67


def test_retention_slider_is_a_percentage_passed_as_fraction():
    calc = open_calculator("clv", retentie=0.5)
    assert calc.retention.text.value == "50%"
    calc.retention.text.value = "90%"  # 1.000 × 0,9 / (1,1 − 0,9) = 4.500
    assert dict(calc.rows)["CLV bij onbeperkte looptijd"] == "€ 4.500,00"
    calc.retention.text.value = "150%"
    assert calc.error == "Retentie per jaar moet tussen 0% en 100% liggen, maar is 150%."


def test_unlimited_horizon_and_infinite_value():
    calc = open_calculator("clv", oneindig=True)
    assert len(calc.table) == 10 and calc.years.slider.disabled
    md = calc._repr_mimebundle_()["text/markdown"]
    assert "| 1 | € 727,27 | € 727,27 |" in md and "| … | … | … |" in md
    calc.retention.value = 100
    calc.discount.value = 0
    rows = dict(calc.rows)
    assert rows["CLV bij onbeperkte looptijd"] == "oneindig"
    assert rows["CLV over 5 jaar"] == "€ 5.000,00"
    assert calc.error is None


def test_long_horizon_is_summed_fully_but_table_is_capped():
    calc = open_calculator("clv")
    calc.years.text.value = "40"
    assert len(calc.table) == 30
    assert dict(calc.rows)["CLV over 40 jaar"] == format_money(sum(_by_hand(1_000, 0.8, 0.1, 40)))


def test_non_whole_years_show_the_calc_message():
    calc = open_calculator("clv")
    calc.years.text.value = "2,5"
    assert calc.error == "Het aantal jaren moet een geheel getal zijn, maar is 2,5."
