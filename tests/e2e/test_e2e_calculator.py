"""The break-even calculator in a real JupyterLab: a slider and a typed Dutch number.

Start values (``BreakevenCalculator`` defaults): vaste kosten € 50.000, verkoopprijs € 25,
variabele kosten € 15, verwachte afzet 6.000 stuks. Expected numbers, by hand:

- start: dekkingsbijdrage 25 − 15 = € 10; break-evenafzet 50.000 / 10 = 5.000 stuks;
  omzet 5.000 × 25 = € 125.000; winst 6.000 × 10 − 50.000 = € 10.000.
- five presses of → on the vaste-kosten slider (step € 1.000): € 55.000 → 5.500 stuks,
  € 137.500, veiligheidsmarge 500 stuks = 8,3%, winst € 5.000.
- typing "€ 27,50" as verkoopprijs: dekkingsbijdrage € 12,50 (12,5 / 27,5 = 45,5%);
  55.000 / 12,5 = 4.400 stuks; omzet 4.400 × 27,5 = € 121.000;
  winst 6.000 × 12,5 − 55.000 = € 20.000.
- typing "62.500" (a thousands dot) as vaste kosten: 62.500 / 12,5 = 5.000 stuks, winst
  € 12.500.
"""

from __future__ import annotations

import re

import nbformat
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.slow

NAME = "rekenhulp_breakeven.ipynb"


@pytest.fixture
def calculator_notebook(lab_server) -> str:
    """A student's scratch notebook with one calculator cell, in the server's root."""
    cell = nbformat.v4.new_code_cell(
        'from salesbook import werkboek as wb\n\nwb.calculator("breakeven")'
    )
    notebook = nbformat.v4.new_notebook(
        cells=[cell],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
    )
    nbformat.write(notebook, lab_server.root / NAME)
    return NAME


def result_row(calculator, label: str):
    """The value cell of one result row (exact label)."""
    row = calculator.locator(".salesbook-calc-tabel tr").filter(
        has=calculator.page.get_by_role("rowheader", name=label, exact=True)
    )
    return row.locator("td")


def test_breakeven_slider_and_typed_numbers_update_numbers_and_chart(
    open_notebook, calculator_notebook
):
    notebook = open_notebook(calculator_notebook)
    notebook.run_all()
    assert notebook.problems() == []
    calculator = notebook.calculator("breakeven")
    chart = calculator.locator(".salesbook-calc-grafiek")
    expect(chart).to_be_visible()
    expect(result_row(calculator, "Break-evenafzet")).to_have_text("5.000 stuks")
    expect(result_row(calculator, "Break-evenomzet")).to_have_text("€ 125.000,00")
    expect(result_row(calculator, "Winst bij de verwachte afzet")).to_have_text("€ 10.000,00")
    first_chart = chart.get_attribute("src")

    # the slider, by keyboard: five steps of € 1.000 to the right
    fixed = calculator.locator(".salesbook-calc-vaste-kosten")
    handle = fixed.get_by_role("slider")
    handle.focus()
    for _ in range(5):
        handle.press("ArrowRight")
    expect(handle).to_have_attribute("aria-valuenow", re.compile(r"^55000(\.0*)?$"))
    expect(fixed.locator("input")).to_have_value("€ 55.000,00")
    expect(result_row(calculator, "Break-evenafzet")).to_have_text("5.500 stuks")
    expect(result_row(calculator, "Break-evenomzet")).to_have_text("€ 137.500,00")
    expect(result_row(calculator, "Veiligheidsmarge")).to_have_text("500 stuks")
    expect(result_row(calculator, "Veiligheidsmarge in % van de verwachte afzet")).to_have_text(
        "8,3%"
    )
    expect(result_row(calculator, "Winst bij de verwachte afzet")).to_have_text("€ 5.000,00")
    notebook.wait_until(lambda: notebook.image_after_text("5.500 stuks"), 30, "the new chart")
    expect(chart).not_to_have_attribute("src", first_chart)
    second_chart = chart.get_attribute("src")

    # a typed Dutch amount in the text box next to a slider (Enter)
    price = calculator.locator(".salesbook-calc-verkoopprijs")
    price.locator("input").fill("€ 27,50")
    price.locator("input").press("Enter")
    expect(result_row(calculator, "Dekkingsbijdrage per stuk")).to_have_text(
        "€ 12,50 (45,5% van de verkoopprijs)"
    )
    expect(result_row(calculator, "Break-evenafzet")).to_have_text("4.400 stuks")
    expect(result_row(calculator, "Break-evenomzet")).to_have_text("€ 121.000,00")
    expect(result_row(calculator, "Winst bij de verwachte afzet")).to_have_text("€ 20.000,00")
    expect(price.get_by_role("slider")).to_have_attribute("aria-valuenow", re.compile(r"^27\.50*$"))
    notebook.wait_until(lambda: notebook.image_after_text("4.400 stuks"), 30, "the new chart")
    expect(chart).not_to_have_attribute("src", second_chart)

    # a thousands dot: 62.500 is sixty-two thousand five hundred
    fixed.locator("input").fill("62.500")
    fixed.locator("input").press("Enter")
    expect(fixed.locator("input")).to_have_value("€ 62.500,00")
    expect(result_row(calculator, "Break-evenafzet")).to_have_text("5.000 stuks")
    expect(result_row(calculator, "Winst bij de verwachte afzet")).to_have_text("€ 12.500,00")
    expect(calculator.locator(".salesbook-calc-fout")).to_have_count(0)
