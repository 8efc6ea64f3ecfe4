"""Interactive calculators and models for the chapter notebooks.

    from salesbook.ui.calculators import open_calculator

    open_calculator("breakeven")                       # chapter 2: break-evenanalyse
    open_calculator("breakeven", vaste_kosten=80_000)  # with other starting values
    open_calculator("nps")  open_calculator("clv")  open_calculator("abc")   # chapter 2
    open_calculator("franke")                          # chapter 3: omvang buitendienst
    open_calculator("swot")                            # chapter 5: confrontatiematrix
    open_calculator("leiderschap")                     # chapter 6: situationeel leiderschap

Each calculator is a :class:`~salesbook.ui.calculators.base.Calculator`: display it as the
last expression of a cell. Its modules load only when it is opened, so importing this package
is light.
"""

from __future__ import annotations

import importlib
from typing import Any

from salesbook.exceptions import SalesbookError
from salesbook.ui.calculators.base import Calculator

__all__ = ["CALCULATORS", "Calculator", "calculator_class", "open_calculator"]

#: name → (module, class); the names students type, in course order.
CALCULATORS: dict[str, tuple[str, str]] = {
    "breakeven": ("breakeven", "BreakevenCalculator"),
    "nps": ("nps", "NpsCalculator"),
    "clv": ("clv", "ClvCalculator"),
    "abc": ("abc_rfm", "AbcRfmExplorer"),
    "franke": ("franke", "FrankeCalculator"),
    "swot": ("swot", "SwotMatrix"),
    "leiderschap": ("leadership", "LeadershipChooser"),
}


def _names() -> str:
    return ", ".join(f"'{name}'" for name in CALCULATORS)


def calculator_class(name: str) -> type[Calculator]:
    """The calculator class registered under ``name`` (case and spaces ignored).

    Raises:
        SalesbookError: an unknown name; the Dutch message lists the valid names.
    """
    key = name.strip().lower() if isinstance(name, str) else ""
    if key not in CALCULATORS:
        raise SalesbookError(
            f"Een rekenhulp met de naam {name!r} bestaat niet. Kies een van: {_names()}."
        )
    module_name, class_name = CALCULATORS[key]
    module = importlib.import_module(f"salesbook.ui.calculators.{module_name}")
    return getattr(module, class_name)


def open_calculator(name: str, **defaults: Any) -> Calculator:
    """Make a calculator, optionally with other starting values.

    Args:
        name: one of ``"breakeven"``, ``"nps"``, ``"clv"``, ``"abc"``, ``"franke"``,
            ``"swot"``, ``"leiderschap"``.
        **defaults: starting values by their Dutch names, e.g. ``vaste_kosten=80_000`` for
            ``"breakeven"``; each class lists them in ``parameters``.

    Raises:
        SalesbookError: an unknown calculator or starting value (the Dutch message lists
            what is possible), or a starting value that cannot be used.
    """
    cls = calculator_class(name)
    unknown = sorted(set(defaults) - set(cls.parameters))
    if unknown:
        allowed = ", ".join(cls.parameters) or "geen"
        raise SalesbookError(
            f"De rekenhulp '{cls.name}' kent de startwaarde(n) {', '.join(unknown)} niet. "
            f"Mogelijk zijn: {allowed}."
        )
    return cls(**defaults)
