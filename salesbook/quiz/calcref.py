"""Resolve and call the salesbook function that computes a numeric key (imported lazily).

A bank only names the function (``nps.nps_from_counts``); the module is imported the first
time an answer is computed, so banks load even before, or without, the calc modules.
"""

from __future__ import annotations

import importlib
import inspect
import math
import numbers
from collections.abc import Callable, Mapping
from typing import Any

from salesbook.exceptions import QuestionBankError, SalesbookError
from salesbook.quiz.model_numeric import CalcSpec

_resolved: dict[str, Callable[..., Any]] = {}


def _where(question_id: str, field: str) -> str:
    return f"vraag {question_id}, veld {field}"


def resolve_function(spec: CalcSpec, question_id: str = "?") -> Callable[..., Any]:
    """The callable ``spec.function`` names (cached after the first success).

    Raises:
        QuestionBankError: the module cannot be imported or has no such callable.
    """
    name = spec.qualified_name
    if name in _resolved:
        return _resolved[name]
    module_name, _, attribute = name.rpartition(".")
    where = _where(question_id, "calc.function")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:
        raise QuestionBankError(f"{where}: de module {module_name} bestaat niet.") from None
    except Exception as error:  # a broken calc module must not look like a bank typo
        raise QuestionBankError(
            f"{where}: de module {module_name} kan niet worden geladen ({error!r})."
        ) from error
    function = getattr(module, attribute, None)
    if not callable(function):
        raise QuestionBankError(f"{where}: {module_name} heeft geen functie '{attribute}'.")
    _resolved[name] = function
    return function


def check_arguments(spec: CalcSpec, question_id: str = "?") -> None:
    """Raise QuestionBankError when ``spec.args`` do not fit the function's signature."""
    function = resolve_function(spec, question_id)
    try:
        inspect.signature(function).bind(**spec.args)
    except TypeError as error:
        raise QuestionBankError(
            f"{_where(question_id, 'calc.args')}: past niet bij {spec.function} ({error})."
        ) from None
    except ValueError:  # builtins without a signature: checked when called
        return


def _to_number(value: Any, spec: CalcSpec, question_id: str) -> float:
    where = _where(question_id, "calc")
    if spec.result is not None:
        if isinstance(value, Mapping):
            if spec.result not in value:
                raise QuestionBankError(f"{where}.result: de uitkomst heeft geen '{spec.result}'.")
            value = value[spec.result]
        elif hasattr(value, spec.result):
            value = getattr(value, spec.result)
        else:
            raise QuestionBankError(f"{where}.result: de uitkomst heeft geen '{spec.result}'.")
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise QuestionBankError(
            f"{where}: {spec.function} geeft {type(value).__name__} terug, geen getal"
            + ("" if spec.result else "; kies met result het onderdeel dat het antwoord is")
            + "."
        )
    number = float(value) * spec.scale
    if not math.isfinite(number):
        raise QuestionBankError(f"{where}: {spec.function} geeft geen eindig getal ({number}).")
    return number


def call_calc(spec: CalcSpec, values: Mapping[str, float], question_id: str = "?") -> float:
    """Call the calc function with ``"$name"`` arguments filled from ``values``.

    Returns:
        ``result × scale`` as a float.

    Raises:
        QuestionBankError: unresolvable function, unknown parameter, wrong arguments, the
            function refuses the numbers (its Dutch message is included) or returns no number.
    """
    function = resolve_function(spec, question_id)
    arguments: dict[str, Any] = {}
    for arg, value in spec.args.items():
        if isinstance(value, str) and value.startswith("$"):
            if value[1:] not in values:
                raise QuestionBankError(
                    f"{_where(question_id, 'calc.args.' + arg)}: geen waarde voor parameter "
                    f"'{value[1:]}'."
                )
            arguments[arg] = values[value[1:]]
        else:
            arguments[arg] = value
    try:
        result = function(**arguments)
    except SalesbookError as error:
        shown = ", ".join(f"{k}={v!r}" for k, v in arguments.items())
        raise QuestionBankError(
            f"{_where(question_id, 'calc')}: {spec.function}({shown}) weigert: {error}"
        ) from None
    except TypeError as error:
        raise QuestionBankError(
            f"{_where(question_id, 'calc.args')}: past niet bij {spec.function} ({error})."
        ) from None
    return _to_number(result, spec, question_id)
