"""Input checks for the charts; each raises a Dutch :class:`InvalidInputError`."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import pandas as pd

from salesbook.exceptions import InvalidInputError


def numeric_series(values: object, name: str, *, allow_missing: bool = False) -> pd.Series:
    """Return ``values`` as a float Series, or raise naming the first value that is no number.

    Args:
        values: a Series, a mapping or a sequence of numbers.
        name: what the values are, in Dutch (``"de werkelijke afzet"``), for messages.
        allow_missing: accept empty cells (NaN/None) as "no value"; infinities never pass.

    Raises:
        InvalidInputError: the series is empty, holds text or infinities, has only missing
            values, or a label appears twice.
    """
    if isinstance(values, pd.Series):
        series = values
    elif isinstance(values, Mapping | Iterable) and not isinstance(values, str | bytes):
        series = pd.Series(dict(values) if isinstance(values, Mapping) else list(values))
    else:
        raise InvalidInputError(
            f"Voor {name} is een reeks getallen nodig (een pandas Series, lijst of dict), "
            f"maar je gaf {values!r}."
        )
    if series.empty:
        raise InvalidInputError(f"Er zijn geen gegevens voor {name}: de reeks is leeg.")
    numbers = pd.to_numeric(series, errors="coerce").astype(float)
    for label, raw, number in zip(series.index, series, numbers, strict=True):
        missing = raw is None or (pd.api.types.is_scalar(raw) and bool(pd.isna(raw)))
        if missing and allow_missing:
            continue
        if not math.isfinite(number):
            raise InvalidInputError(
                f"In {name} moet de waarde bij {label!r} een getal zijn, maar is {raw!r}."
            )
    if numbers.isna().all():
        raise InvalidInputError(f"Er zijn geen gegevens voor {name}: alle waarden ontbreken.")
    if series.index.has_duplicates:
        label = series.index[series.index.duplicated()][0]
        raise InvalidInputError(
            f"In {name} komt {label!r} meer dan één keer voor; elk label mag maar één keer."
        )
    return numbers


def require_columns(frame: object, columns: Iterable[str], what: str) -> pd.DataFrame:
    """Return ``frame`` when it is a non-empty DataFrame with all ``columns``.

    Args:
        frame: the object to check.
        columns: the column names that must be present.
        what: what the table is for, in Dutch (``"de RFM-heatmap"``).
    """
    if not isinstance(frame, pd.DataFrame):
        raise InvalidInputError(
            f"Voor {what} is een tabel (pandas DataFrame) nodig, maar je gaf "
            f"{type(frame).__name__}."
        )
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InvalidInputError(
            f"Voor {what} zijn de kolommen {', '.join(repr(c) for c in columns)} nodig; "
            f"deze ontbreken: {', '.join(repr(c) for c in missing)}."
        )
    if frame.empty:
        raise InvalidInputError(f"Er zijn geen gegevens voor {what}: de tabel is leeg.")
    return frame


def require_text(value: object, name: str) -> str:
    """Return ``value`` when it is a string (titles and labels)."""
    if not isinstance(value, str):
        raise InvalidInputError(f"{name} moet een tekst zijn, maar is {value!r}.")
    return value
