"""Break-even calculator: Dutch results, a moving BEP marker, Dutch errors, text fallback."""

from __future__ import annotations

import re

import pytest

from salesbook.ui.calculators import open_calculator
from salesbook.ui.calculators.base import WIDGET_MIME, short_number
from salesbook.ui.calculators.breakeven import BreakevenCalculator


def _bep_marker(calc) -> tuple[float, float]:
    (line,) = [ln for ln in calc.figure.axes[0].get_lines() if ln.get_label() == "Break-evenpunt"]
    return float(line.get_xdata()[0]), float(line.get_ydata()[0])


def test_textbook_example_gives_dutch_numbers():
    # F = 50.000, p = 25, v = 15: dekkingsbijdrage 10, q* = 50.000 / 10 = 5.000 stuks,
    # omzet 5.000 × 25 = 125.000; verwacht 6.000: marge 1.000 stuks = 1/6 = 16,7%,
    # winst 6.000 × 10 − 50.000 = 10.000.
    calc = BreakevenCalculator(vaste_kosten=50_000, verkoopprijs=25, variabele_kosten=15)
    rows = dict(calc.rows)
    assert rows["Dekkingsbijdrage per stuk"] == "€ 10,00 (40,0% van de verkoopprijs)"
    assert rows["Break-evenafzet"] == "5.000 stuks"
    assert rows["Break-evenafzet, afgerond naar boven"] == "5.000 stuks"
    assert rows["Break-evenomzet"] == "€ 125.000,00"
    assert rows["Veiligheidsmarge"] == "1.000 stuks"
    assert rows["Veiligheidsmarge in % van de verwachte afzet"] == "16,7%"
    assert rows["Winst bij de verwachte afzet"] == "€ 10.000,00"
    html = calc.result.value
    assert "5.000 stuks" in html and "€ 125.000,00" in html
    assert calc.error is None
    assert _bep_marker(calc) == pytest.approx((5_000, 125_000))


def test_slider_moves_the_break_even_point_and_rounds_up():
    calc = open_calculator("breakeven")
    calc.price.slider.value = 30  # q* = 50.000 / 15 = 3.333,33… → 3.334 stuks
    rows = dict(calc.rows)
    assert rows["Break-evenafzet"] == "3.333,33 stuks"
    assert rows["Break-evenafzet, afgerond naar boven"] == "3.334 stuks"
    assert rows["Break-evenomzet"] == "€ 100.000,00"  # 50.000 / (15/30)
    assert any("3.333 stuks maak je nog (net) verlies" in note for note in calc.notes)
    assert calc.price.text.value == "€ 30,00"
    x, y = _bep_marker(calc)
    assert x == pytest.approx(50_000 / 15) and y == pytest.approx(100_000)


def test_typed_dutch_numbers_are_used_exactly_and_widen_the_slider():
    calc = open_calculator("breakeven")
    calc.fixed_costs.text.value = "€ 1.234.567,89"
    assert calc.fixed_costs.value == pytest.approx(1_234_567.89)
    assert calc.fixed_costs.slider.max >= 1_234_567.89
    assert calc.fixed_costs.text.value == "€ 1.234.567,89"
    # 1.234.567,89 / 10 = 123.456,789 stuks
    assert dict(calc.rows)["Break-evenafzet"] == "123.456,79 stuks"
    assert dict(calc.rows)["Break-evenafzet, afgerond naar boven"] == "123.457 stuks"


def test_float_noise_does_not_add_a_unit():
    # 1.000 / (0,3 − 0,1) = 5.000 exactly, but in floats 5000.000000000001
    calc = open_calculator("breakeven", vaste_kosten=1_000, verkoopprijs=0.3, variabele_kosten=0.1)
    assert dict(calc.rows)["Break-evenafzet, afgerond naar boven"] == "5.000 stuks"
    assert not any("afrond" in note for note in calc.notes)


def test_price_not_above_variable_cost_shows_the_calc_message():
    calc = open_calculator("breakeven")
    calc.variable_cost.slider.value = 25
    assert calc.error is not None
    assert calc.error.startswith("Er is geen break-evenpunt")
    assert "€ 25,00" in calc.result.value and 'role="alert"' in calc.result.value
    assert calc.figure is None and calc.chart.layout.display == "none"
    assert calc.rows == []
    calc.variable_cost.slider.value = 20  # valid again: results and chart come back
    assert calc.error is None and dict(calc.rows)["Break-evenafzet"] == "10.000 stuks"
    assert calc.figure is not None and calc.chart.layout.display is None


def test_unreadable_text_shows_a_dutch_message_and_keeps_the_last_value():
    calc = open_calculator("breakeven")
    calc.price.text.value = "25 euro per stuk"
    assert calc.error.startswith("Verkoopprijs per stuk: Ik kan '25 euro per stuk' niet lezen")
    assert calc.price.value == 25
    calc.price.text.value = "25,50"
    assert calc.error is None and calc.price.value == 25.5


def test_expected_sales_zero_and_below_break_even():
    calc = open_calculator("breakeven", verwachte_afzet=0)
    rows = dict(calc.rows)
    assert rows["Veiligheidsmarge in % van de verwachte afzet"] == "–"
    assert rows["Verlies bij de verwachte afzet"] == "€ 50.000,00"
    calc.expected.value = 4_000  # 4.000 × 10 − 50.000 = −10.000
    rows = dict(calc.rows)
    assert rows["Veiligheidsmarge"] == "-1.000 stuks"
    assert rows["Veiligheidsmarge in % van de verwachte afzet"] == "-25,0%"
    assert rows["Verlies bij de verwachte afzet"] == "€ 10.000,00"


def test_png_is_rendered_and_changes_with_the_input():
    calc = open_calculator("breakeven")
    first = bytes(calc.chart.value)
    assert first.startswith(b"\x89PNG")
    calc.fixed_costs.value = 80_000
    assert bytes(calc.chart.value) != first


def test_text_fallback_is_readable_and_deterministic():
    calc = open_calculator("breakeven")
    bundle = calc._repr_mimebundle_()
    assert bundle[WIDGET_MIME]["model_id"] == calc.box.model_id
    plain = bundle["text/plain"]
    assert "Break-evenafzet: 5.000 stuks" in plain
    assert "Vaste kosten (per periode): € 50.000,00" in plain
    assert not re.search(r"0x[0-9a-f]{6,}|model_id|[0-9a-f]{32}", plain)
    assert plain == open_calculator("breakeven")._repr_mimebundle_()["text/plain"]
    assert "**Rekenhulp: Break-evenanalyse**" in bundle["text/markdown"]
    assert "€ 125.000,00" in bundle["text/html"]
    calc.variable_cost.slider.value = 30
    assert "dit kan niet berekend worden" in calc._repr_mimebundle_()["text/plain"]


def test_css_classes_for_browser_tests():
    calc = open_calculator("breakeven")
    assert {"salesbook-calculator", "salesbook-calc-breakeven"} <= set(calc.box._dom_classes)
    assert "salesbook-calc-verkoopprijs" in calc.price.box._dom_classes


def test_short_number():
    assert short_number(5000.000000000001) == "5.000"
    assert short_number(1234.5) == "1.234,5"
    assert short_number(2.0 / 3) == "0,67"
