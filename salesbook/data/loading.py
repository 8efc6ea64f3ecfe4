"""Load the course tables from CSV with the agreed dtypes, from any working directory.

The CSV files ship inside the installed package as ``salesbook/_data`` (the wheel
force-includes the repository's ``data`` folder there). In a source checkout with an editable
install that folder does not exist and the files are read from ``<repo>/data`` instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

import salesbook
from salesbook.data._columns import SCHEMAS, TABLES
from salesbook.data.schema import Table, apply_schema
from salesbook.exceptions import DataError


def _candidates() -> list[Path]:
    package = Path(salesbook.__file__).resolve().parent
    return [package / "_data", package.parent / "data"]


def data_folder() -> Path:
    """The folder with the committed course CSV files.

    Raises:
        DataError: neither the installed copy nor the source checkout has the files.
    """
    for folder in _candidates():
        if (folder / f"{TABLES[0]}.csv").is_file():
            return folder
    places = " of ".join(str(folder) for folder in _candidates())
    raise DataError(
        f"De databestanden van de cursus zijn niet gevonden (gezocht in {places}). "
        "Installeer salesbook opnieuw, of maak de data aan met "
        "salesbook.data.write(salesbook.data.generate(), map) en geef die map mee als folder."
    )


def _schema(name: str) -> Table:
    schema = SCHEMAS.get(name) if isinstance(name, str) else None
    if schema is None:
        raise DataError(f"Onbekende tabel {name!r}. Kies een van: {', '.join(TABLES)}.")
    return schema


def _read(path: Path, schema: Table, *, as_text: bool = False) -> pd.DataFrame:
    header = pd.read_csv(path, nrows=0, encoding="utf-8").columns
    dtypes = {k: v for k, v in schema.csv_dtypes().items() if k in header}
    if as_text:
        dtypes = dict.fromkeys(header, "str")
    return pd.read_csv(path, dtype=dtypes, encoding="utf-8", keep_default_na=False, na_values=[""])


def load(name: str, folder: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load one course table with dates parsed and categories set.

    Args:
        name: table name, one of :data:`TABLES` (e.g. ``"klanten"``).
        folder: folder with the CSV files; default: the committed data set.

    Returns:
        The table, with the same columns and dtypes as :func:`salesbook.data.generate` gives.

    Raises:
        DataError: unknown table name (the message lists the valid names), or the file is
            missing or damaged (the message names the file).
    """
    schema = _schema(name)
    path = (Path(folder) if folder is not None else data_folder()) / f"{name}.csv"
    if not path.is_file():
        raise DataError(f"Het databestand {path} ontbreekt.")
    where = f"Het databestand {path}"
    try:
        raw = _read(path, schema)
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise DataError(f"{where} is beschadigd en kan niet gelezen worden: {error}") from error
    except ValueError as error:
        # a value that does not fit its column: read everything as text, so the schema check
        # names the column in Dutch
        try:
            raw = _read(path, schema, as_text=True)
        except ValueError:
            raise DataError(f"{where} is beschadigd en kan niet gelezen worden: {error}") from error
    except OSError as error:
        raise DataError(f"{where} kan niet geopend worden: {error}") from error
    return apply_schema(raw, schema, where)


def load_all(folder: str | os.PathLike[str] | None = None) -> dict[str, pd.DataFrame]:
    """Load every course table; table name → DataFrame in the order of :data:`TABLES`."""
    return {name: load(name, folder) for name in TABLES}
