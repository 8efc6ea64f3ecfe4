"""Formule van Franke calculator: one group and A/B/C groups, rounding explained."""

from __future__ import annotations

from salesbook.ui.calculators import open_calculator


def test_single_group_rounds_up_with_an_explanation():
    # 500 × 12 × (60 + 45 + 15) / 60 = 12.000 uur; 12.000 / 1.600 = 7,5 → 8 verkopers
    calc = open_calculator("franke")
    rows = dict(calc.rows)
    assert rows["Benodigde uren per jaar"] == "12.000 uur"
    assert rows["Aantal verkopers, exact"] == "7,5"
    assert rows["Aantal verkopers, afgerond"] == "8"
    assert calc.notes == [
        "12.000 / 1.600 = 7,5: naar boven afronden, want met 7 verkopers blijven er bezoeken "
        "liggen. Je hebt dus 8 verkopers nodig."
    ]
    assert calc.result_value.reps == 8


def test_exact_whole_number_is_not_rounded_up():
    calc = open_calculator("franke")
    calc.customers.value = 600  # 600 × 12 × 2 = 14.400 uur / 1.600 = 9
    assert dict(calc.rows)["Aantal verkopers, afgerond"] == "9"
    assert calc.notes == ["14.400 / 1.600 = 9: precies 9 verkopers, afronden is niet nodig."]


def test_float_noise_in_the_inputs_does_not_add_a_representative():
    # 3 × 0,1 visits … as typed: 10 klanten × 0,3 bezoeken × 60 min / 60 = 3 uur; / 1 = 3
    calc = open_calculator(
        "franke", klanten=10, bezoekfrequentie=0.3, bezoekduur=40, reistijd=10, wachttijd=10,
        beschikbare_uren=1,
    )  # fmt: skip
    assert dict(calc.rows)["Aantal verkopers, afgerond"] == "3"


def test_abc_groups_add_hours_before_rounding():
    # A: 50 × 24 × 150 / 60 = 3.000; B: 150 × 12 × 120 / 60 = 3.600; C: 300 × 4 × 105 / 60
    # = 2.100; total 8.700 / 1.600 = 5,4375 → 6 (rounding per group would give 2 + 3 + 2 = 7)
    calc = open_calculator("franke")
    calc.mode.value = "abc"
    rows = dict(calc.rows)
    assert rows["Benodigde uren per jaar"] == "8.700 uur"
    assert rows["Aantal verkopers, exact"] == "5,44"
    assert rows["Aantal verkopers, afgerond"] == "6"
    assert [row["uren"] for row in calc.groups_table] == ["3.000", "3.600", "2.100"]
    assert calc.single_box.layout.display == "none" and calc.group_box.layout.display is None
    calc.group_inputs["C-klanten"]["customers"].value = "0"  # 6.600 / 1.600 = 4,125 → 5
    assert dict(calc.rows)["Aantal verkopers, afgerond"] == "5"
    md = calc._repr_mimebundle_()["text/markdown"]
    assert "| A-klanten | 50 | 24 | 150 | 1.200 | 3.000 |" in md


def test_bad_inputs_show_dutch_messages():
    calc = open_calculator("franke")
    calc.available.value = 0
    assert (
        calc.error == "Het aantal beschikbare uren per verkoper moet groter dan 0 zijn, maar is 0."
    )
    calc.available.value = 10_000
    assert calc.error.startswith("Een verkoper kan niet 10.000 uur per jaar beschikbaar zijn")
    calc.available.value = 1_600
    calc.mode.value = "abc"
    calc.group_inputs["A-klanten"]["visit_minutes"].value = "anderhalf uur"
    assert calc.error.startswith("A-klanten, bezoekduur (min): Ik kan 'anderhalf uur' niet lezen")
    calc.group_inputs["A-klanten"]["visit_minutes"].value = "0"
    assert calc.error == "De bezoekduur (groep 'A-klanten') moet groter dan 0 zijn, maar is 0."
    calc.group_inputs["A-klanten"]["visit_minutes"].value = "90"
    assert calc.error is None


def test_groups_as_starting_value():
    calc = open_calculator("franke", groepen={"Top": (10, 52, 60, 30, 30)})
    assert calc.mode.value == "abc"
    # 10 × 52 × 120 / 60 = 1.040 uur / 1.600 = 0,65 → 1
    assert dict(calc.rows)["Aantal verkopers, afgerond"] == "1"
