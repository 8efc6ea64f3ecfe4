"""Column types of the course tables and the casting both the generator and the loader use.

Each table is a tuple of :class:`Column` (see :mod:`salesbook.data._columns` for the Dutch
meaning of every column). :func:`apply_schema` gives a frame the agreed column order and
dtypes, so a freshly generated table and one loaded from CSV are identical.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd

from salesbook.exceptions import DataError

Kind = Literal["id", "text", "category", "ordered", "date", "int", "nullable_int", "float"]

KIND_LABELS: dict[str, str] = {
    "id": "sleutel (tekst)",
    "text": "tekst",
    "category": "categorie",
    "ordered": "categorie (geordend)",
    "date": "datum",
    "int": "geheel getal",
    "nullable_int": "geheel getal (kan leeg zijn)",
    "float": "getal",
}


@dataclass(frozen=True)
class Column:
    """One column of a course table.

    Attributes:
        name: Dutch snake_case column name.
        kind: how the column is typed after loading.
        unit: unit in Dutch (``"euro"``, ``"minuten"``, ``"breuk"``) or ``""``.
        description: Dutch meaning of the column for the data dictionary.
        categories: fixed category order for ``kind="ordered"``.
    """

    name: str
    kind: Kind
    unit: str
    description: str
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """A course table: name, Dutch description, key columns and columns."""

    name: str
    description: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        """Column names in their agreed order."""
        return [column.name for column in self.columns]

    @property
    def date_columns(self) -> list[str]:
        """Names of the date columns."""
        return [column.name for column in self.columns if column.kind == "date"]

    def csv_dtypes(self) -> dict[str, str]:
        """``read_csv`` dtypes for the non-date columns (categories are cast afterwards)."""
        mapping = {"id": "str", "text": "str", "category": "str", "ordered": "str"}
        mapping |= {"int": "float64", "nullable_int": "float64", "float": "float64"}
        return {c.name: mapping[c.kind] for c in self.columns if c.kind != "date"}


def _fail(where: str, problem: str) -> DataError:
    return DataError(f"{where} is beschadigd: {problem}")


def _cast(series: pd.Series, column: Column, where: str) -> pd.Series:
    kind = column.kind
    if kind in ("id", "text"):
        return series.astype("str")
    if kind == "category":
        values = sorted(series.dropna().astype(str).unique())
        return pd.Categorical(series, categories=values)  # type: ignore[return-value]
    if kind == "ordered":
        unknown = set(series.dropna().astype(str)) - set(column.categories)
        if unknown:
            raise _fail(where, f"kolom '{column.name}' bevat onbekende waarden {sorted(unknown)}.")
        return pd.Categorical(series, categories=column.categories, ordered=True)  # type: ignore[return-value]
    if kind == "date":
        try:
            return pd.to_datetime(series, format="%Y-%m-%d").astype("datetime64[ns]")
        except (ValueError, TypeError) as error:
            problem = f"kolom '{column.name}' bevat een ongeldige datum ({error})."
            raise _fail(where, problem) from None
    numbers = pd.to_numeric(series, errors="coerce")
    if numbers.isna().sum() != series.isna().sum():
        raise _fail(where, f"kolom '{column.name}' bevat tekst waar een getal hoort.")
    if kind == "float":
        return numbers.astype("float64")
    if (numbers.dropna() % 1 != 0).any():
        raise _fail(where, f"kolom '{column.name}' bevat een getal dat niet geheel is.")
    if kind == "int":
        if numbers.isna().any():
            raise _fail(where, f"kolom '{column.name}' heeft lege cellen.")
        return numbers.astype("int64")
    return numbers.astype("Int64")


def apply_schema(frame: pd.DataFrame, table: Table, where: str | None = None) -> pd.DataFrame:
    """Return ``frame`` with the table's column order and dtypes.

    Args:
        frame: the raw table (generated, or read from CSV with :meth:`Table.csv_dtypes`).
        table: the schema to apply.
        where: how to name the source in an error, e.g. the CSV path.

    Raises:
        DataError: a column is missing or holds values that do not fit its type.
    """
    where = where or f"De tabel '{table.name}'"
    missing = [name for name in table.column_names if name not in frame.columns]
    if missing:
        raise _fail(where, f"de kolom(men) {', '.join(missing)} ontbreken.")
    extra = [name for name in frame.columns if name not in table.column_names]
    if extra:
        raise _fail(where, f"onverwachte kolom(men) {', '.join(map(str, extra))}.")
    result = pd.DataFrame(
        {c.name: _cast(frame[c.name], c, where) for c in table.columns}, index=frame.index
    )
    return result.reset_index(drop=True)
