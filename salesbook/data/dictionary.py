"""The Dutch data dictionary: per table a frame for notebooks and Markdown for the README."""

from __future__ import annotations

import pandas as pd

from salesbook.data._columns import SCHEMAS, TABLES
from salesbook.data.schema import KIND_LABELS
from salesbook.exceptions import DataError

BEGIN = "<!-- begin datawoordenboek (gegenereerd) -->"
END = "<!-- einde datawoordenboek -->"


def describe(name: str) -> pd.DataFrame:
    """Return the data dictionary of one table: kolom, type, eenheid, betekenis.

    Raises:
        DataError: ``name`` is not a course table (the message lists the valid names).
    """
    schema = SCHEMAS.get(name) if isinstance(name, str) else None
    if schema is None:
        raise DataError(f"Onbekende tabel {name!r}. Kies een van: {', '.join(TABLES)}.")
    return pd.DataFrame(
        {
            "kolom": [c.name for c in schema.columns],
            "type": [KIND_LABELS[c.kind] for c in schema.columns],
            "eenheid": [c.unit for c in schema.columns],
            "betekenis": [c.description for c in schema.columns],
        }
    )


def dictionary_markdown() -> str:
    """Markdown of all tables and columns, as it stands in ``data/README.md``."""
    parts = [BEGIN]
    for name in TABLES:
        schema = SCHEMAS[name]
        key = ", ".join(f"`{k}`" for k in schema.key)
        parts += [
            "",
            f"### `{name}.csv`",
            "",
            f"{schema.description} Sleutel: {key}.",
            "",
            "| kolom | type | eenheid | betekenis |",
            "|---|---|---|---|",
        ]
        for column in schema.columns:
            values = ""
            if column.categories:
                values = " Volgorde: " + " < ".join(column.categories) + "."
            parts.append(
                f"| `{column.name}` | {KIND_LABELS[column.kind]} | {column.unit or '–'} "
                f"| {column.description}{values} |"
            )
    parts += ["", END]
    return "\n".join(parts) + "\n"


def update_readme(text: str) -> str:
    """Return ``text`` (the README) with the generated data dictionary section replaced.

    Raises:
        DataError: the README lacks the begin or end marker of the section.
    """
    if BEGIN not in text or END not in text:
        raise DataError(f"De README mist de markeringen {BEGIN} en {END}.")
    before = text.split(BEGIN, 1)[0]
    after = text.split(END, 1)[1].removeprefix("\n")
    return before + dictionary_markdown() + after
