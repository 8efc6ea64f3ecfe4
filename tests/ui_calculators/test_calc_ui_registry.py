"""The calculator registry: names, Dutch errors, lazy imports."""

from __future__ import annotations

import subprocess
import sys

import pytest

from salesbook.exceptions import SalesbookError
from salesbook.ui.calculators import CALCULATORS, calculator_class, open_calculator


def test_the_seven_names_of_the_brief():
    assert list(CALCULATORS) == [
        "breakeven", "nps", "clv", "abc", "franke", "swot", "leiderschap",
    ]  # fmt: skip
    for name in CALCULATORS:
        assert calculator_class(name).name == name


def test_unknown_name_lists_the_valid_names_in_dutch():
    with pytest.raises(SalesbookError) as info:
        open_calculator("breakevem")
    message = str(info.value)
    assert message.startswith("Een rekenhulp met de naam 'breakevem' bestaat niet.")
    assert "'breakeven', 'nps', 'clv', 'abc', 'franke', 'swot', 'leiderschap'" in message


def test_name_is_case_and_space_insensitive():
    assert open_calculator(" Breakeven ").name == "breakeven"


def test_unknown_starting_value_is_named():
    with pytest.raises(SalesbookError) as info:
        open_calculator("breakeven", prijs=20)
    assert "kent de startwaarde(n) prijs niet" in str(info.value)
    assert "verkoopprijs" in str(info.value)


def test_importing_the_package_loads_no_calculator_module():
    code = (
        "import sys, salesbook.ui.calculators as c; "
        "print(any(m.startswith('salesbook.ui.calculators.') and m.split('.')[-1] "
        "not in ('base',) for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_starting_values_may_be_dutch_text():
    calc = open_calculator("breakeven", vaste_kosten="€ 50.000", verkoopprijs="25,00")
    assert dict(calc.rows)["Break-evenafzet"] == "5.000 stuks"
    clv = open_calculator("clv", retentie="90%")
    assert clv.retention.value == 90


def test_unreadable_starting_value_is_a_dutch_error():
    with pytest.raises(SalesbookError) as info:
        open_calculator("breakeven", verkoopprijs="vijfentwintig")
    assert str(info.value).startswith("Verkoopprijs per stuk: Ik kan 'vijfentwintig' niet lezen")
    with pytest.raises(SalesbookError, match="Vaste kosten \\(per periode\\): None is geen getal"):
        open_calculator("breakeven", vaste_kosten=None)
