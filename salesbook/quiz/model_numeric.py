"""The numeric question type: key, unit, tolerance, calc reference and seeded parameters."""

from __future__ import annotations

import keyword
import re
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from salesbook.quiz.base import (
    FUNCTION_PATTERN,
    NAME_PATTERN,
    FieldError,
    Loc,
    QuestionBase,
    StrictModel,
)

CALC_PACKAGE = "salesbook.calc"
ABSOLUTE_PREFIXES = ("salesbook.calc.", "salesbook.data.")
MAX_PARAMETER_VALUES = 1_000_000


class Tolerance(StrictModel):
    """How far a numeric answer may be off: exactly one of ``absolute`` and ``relative``.

    ``absolute: 0.5`` accepts the key ± 0.5 (in the question's unit); ``relative: 0.01``
    accepts the key ± 1% of the key.
    """

    absolute: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    relative: float | None = Field(default=None, ge=0, allow_inf_nan=False)

    @model_validator(mode="after")
    def _exactly_one(self) -> Tolerance:
        if (self.absolute is None) == (self.relative is None):
            raise ValueError("geef precies één van 'absolute' en 'relative'")
        return self

    def accepts(self, given: float, key: float) -> bool:
        """True when ``given`` lies within the tolerance around ``key``."""
        allowed = self.absolute if self.absolute is not None else (self.relative or 0.0) * abs(key)
        return abs(given - key) <= allowed + 1e-9 * max(1.0, abs(key))


class CalcSpec(StrictModel):
    """The salesbook function that computes a numeric key.

    ``function`` is ``<module>.<function>`` under :mod:`salesbook.calc` (``nps.nps_from_counts``)
    or an absolute path under ``salesbook.calc.`` / ``salesbook.data.`` for exercises on the
    course data set. ``args`` are keyword arguments; a string ``"$name"`` takes the value of
    parameter ``name``. ``result`` optionally names the attribute or key to take from the
    returned object; ``scale`` multiplies the result (100 for a fraction asked in %).
    """

    function: Annotated[str, Field(pattern=FUNCTION_PATTERN)]
    args: dict[str, Any] = Field(default_factory=dict)
    scale: float = Field(default=1.0, allow_inf_nan=False)
    result: Annotated[str, Field(pattern=NAME_PATTERN)] | None = None

    @model_validator(mode="after")
    def _safe_reference(self) -> CalcSpec:
        problems: list[tuple[Loc, str]] = []
        if self.function.startswith("salesbook.") and not self.function.startswith(
            ABSOLUTE_PREFIXES
        ):
            problems.append(
                (
                    ("function",),
                    "een volledig pad moet beginnen met salesbook.calc. of salesbook.data.",
                )
            )
        if any(part.startswith("_") for part in self.function.split(".")):
            problems.append((("function",), "verwijs niet naar een privé-naam (begint met _)"))
        for name in self.args:
            if not re.fullmatch(NAME_PATTERN, name) or keyword.iskeyword(name):
                problems.append((("args", name), "geen geldige argumentnaam"))
        if self.scale == 0:
            problems.append((("scale",), "mag niet 0 zijn"))
        if problems:
            raise FieldError(problems)
        return self

    @property
    def qualified_name(self) -> str:
        """The full dotted path, e.g. ``salesbook.calc.nps.nps_from_counts``."""
        if self.function.startswith(ABSOLUTE_PREFIXES):
            return self.function
        return f"{CALC_PACKAGE}.{self.function}"

    def parameter_references(self) -> dict[str, str]:
        """Map argument name → parameter name for every ``"$name"`` argument."""
        return {
            arg: value[1:]
            for arg, value in self.args.items()
            if isinstance(value, str) and value.startswith("$")
        }


class ParameterSpec(StrictModel):
    """A number drawn per student: one of ``min, min + step, …, ≤ max``."""

    min: float = Field(allow_inf_nan=False)
    max: float = Field(allow_inf_nan=False)
    step: float = Field(default=1.0, gt=0, allow_inf_nan=False)

    @model_validator(mode="after")
    def _valid_range(self) -> ParameterSpec:
        if self.max < self.min:
            raise FieldError.at(("max",), f"moet minstens min ({self.min:g}) zijn")
        if self.count() > MAX_PARAMETER_VALUES:
            raise FieldError.at(("step",), "te klein: dat geeft meer dan een miljoen waarden")
        return self

    def count(self) -> int:
        """How many values can be drawn."""
        return int((self.max - self.min) / self.step + 1e-9) + 1

    def value(self, index: int) -> float:
        """The ``index``-th value, rounded to the step's precision (no 0.30000000000000004)."""
        decimals = self.decimals()
        return round(self.min + index * self.step, decimals + 6 if decimals else 9)

    def decimals(self) -> int:
        """Number of decimals needed to show the values (0 for whole numbers)."""
        places = 0
        for number in (self.min, self.step):
            text = f"{number:.10f}".rstrip("0")
            places = max(places, len(text.split(".")[1]))
        return places


class NumericQuestion(QuestionBase):
    """A number to calculate, checked within ``tolerance`` (see :class:`Tolerance`).

    Either ``answer`` is given, or ``parameters`` are declared and the answer is computed per
    seed through ``calc`` (see :mod:`salesbook.quiz.variants`).
    """

    type: Literal["numeric"]
    answer: float | None = Field(default=None, allow_inf_nan=False)
    unit: str = Field(default="", max_length=20, pattern=r"^[^\d{}$]*$")
    tolerance: Tolerance
    calc: CalcSpec | None = None
    parameters: dict[str, ParameterSpec] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _answer_or_parameters(self) -> NumericQuestion:
        problems: list[tuple[Loc, str]] = []
        if self.parameters and self.answer is not None:
            problems.append(
                (
                    ("answer",),
                    "laat answer weg bij een vraag met parameters: het antwoord "
                    "wordt per student berekend met calc",
                )
            )
        if not self.parameters and self.answer is None:
            problems.append((("answer",), "ontbreekt: geef answer, of parameters met calc"))
        if self.parameters and self.calc is None:
            problems.append((("calc",), "ontbreekt: een vraag met parameters heeft calc nodig"))
        for name in self.parameters:
            if not re.fullmatch(NAME_PATTERN, name) or name == "answer":
                problems.append(
                    (("parameters", name), "geen geldige parameternaam (kleine letters, _)")
                )
            elif "{" + name + "}" not in self.prompt:
                problems.append(
                    (("parameters", name), f"{{{name}}} komt niet voor in de vraagtekst (prompt)")
                )
        if "{answer}" in self.prompt:
            problems.append((("prompt",), "{answer} zou het antwoord in de vraagtekst verraden"))
        references = self.calc.parameter_references() if self.calc else {}
        for arg, name in references.items():
            if name not in self.parameters:
                problems.append(
                    (("calc", "args", arg), f"'${name}' verwijst naar een onbekende parameter")
                )
        for name in set(self.parameters) - set(references.values()):
            problems.append((("parameters", name), "wordt niet gebruikt in calc.args"))
        if problems:
            raise FieldError(problems)
        return self

    def _key_content(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "unit": self.unit,
            "tolerance": self.tolerance.model_dump(),
            "calc": self.calc.model_dump() if self.calc else None,
            "parameters": {k: v.model_dump() for k, v in sorted(self.parameters.items())},
        }
