"""The course data set: a fictional Dutch-Flemish technical wholesaler, 2022-2024.

``generate(seed)`` builds every table from one seed; ``write`` stores them as CSV; ``load`` and
``load_all`` read the committed CSV files (or another folder) with dtypes set; ``describe``
shows the Dutch data dictionary of a table. See ``data/README.md`` for the tables, columns
and the known errors in the data.
"""

from __future__ import annotations

from salesbook.data._columns import TABLES
from salesbook.data.dictionary import describe
from salesbook.data.generator import DEFAULT_SEED, generate
from salesbook.data.loading import data_folder, load, load_all
from salesbook.data.writing import write

__all__ = [
    "DEFAULT_SEED",
    "TABLES",
    "data_folder",
    "describe",
    "generate",
    "load",
    "load_all",
    "write",
]
