"""Clean the known errors out of the course tables, explicitly and documented.

Each function returns a new frame and never changes its input. What they do:

* :func:`clean_klanten` drops re-entered duplicate customers (same name apart from spelling,
  same place), writes province variants in the standard spelling and fills an empty sector
  with ``"onbekend"`` (so group-bys do not silently drop those customers).
* :func:`clean_orders` books the orders of a duplicate customer on the original customer and
  drops the orders dated outside 2022-2024 (a wrongly typed year; the true date is unknown).
  Returns (negative quantities) stay: net revenue is what the customer really paid.
* :func:`clean_nps` drops answers without a score or with a score outside 0-10.
* :func:`clean_bezoeken` empties travel times above 300 minutes (a typing error); the visit
  itself still counts.

:func:`find_warts` lists every suspicious row, so a notebook can show what will be cleaned.
"""

from __future__ import annotations

import pandas as pd

from salesbook.data._catalog import PERIOD_END, PERIOD_START, PROVINCES, province_label
from salesbook.data._names import name_key
from salesbook.data.warts import PROVINCE_VARIANTS

START = pd.Timestamp(PERIOD_START)
END = pd.Timestamp(PERIOD_END)
MAX_TRAVEL_MINUTES = 300
UNKNOWN_SECTOR = "onbekend"
PROVINCE_NAMES = tuple(dict.fromkeys(province_label(p) for p in PROVINCES))
_SPELLING = {variant: name for name, variants in PROVINCE_VARIANTS.items() for variant in variants}


def duplicate_customers(klanten: pd.DataFrame) -> pd.Series:
    """Map each duplicate ``klant_id`` to the original one.

    Two rows are the same customer when their names are equal apart from case, punctuation,
    ``&``/``en`` and the legal form (see :func:`~salesbook.data._names.name_key`) and they are
    in the same place. The row with the lowest ``klant_id`` is the original.
    """
    key = klanten["naam"].map(name_key) + "|" + klanten["plaats"].astype(str)
    ordered = klanten.assign(_key=key).sort_values("klant_id", kind="stable")
    original = ordered.groupby("_key")["klant_id"].transform("first")
    is_copy = ordered["klant_id"] != original
    mapping = pd.Series(
        original[is_copy].to_numpy(), index=ordered.loc[is_copy, "klant_id"].to_numpy()
    )
    return mapping.rename("origineel").rename_axis("duplicaat")


def standard_province(name: object) -> object:
    """The standard spelling of a province name; unknown names are returned unchanged."""
    if not isinstance(name, str):
        return name
    return _SPELLING.get(name, name)


def clean_klanten(klanten: pd.DataFrame) -> pd.DataFrame:
    """Customers without duplicates, with standard province names and no empty sector."""
    copies = duplicate_customers(klanten)
    result = klanten[~klanten["klant_id"].isin(copies.index)].copy()
    provinces = result["provincie"].astype(object).map(standard_province)
    result["provincie"] = pd.Categorical(provinces, categories=sorted(set(provinces.dropna())))
    sector = result["sector"].astype(object).fillna(UNKNOWN_SECTOR)
    result["sector"] = pd.Categorical(sector, categories=sorted(set(sector)))
    return result.reset_index(drop=True)


def clean_orders(orders: pd.DataFrame, klanten: pd.DataFrame) -> pd.DataFrame:
    """Order lines on the original customer ids, without lines dated outside 2022-2024."""
    copies = duplicate_customers(klanten)
    result = orders[orders["orderdatum"].between(START, END)].copy()
    result["klant_id"] = result["klant_id"].replace(copies.to_dict())
    return result.reset_index(drop=True)


def clean_nps(nps: pd.DataFrame) -> pd.DataFrame:
    """Survey answers with a score from 0 to 10 (empty and impossible scores dropped)."""
    valid = nps["score"].between(0, 10).fillna(False).astype(bool)
    return nps[valid].reset_index(drop=True)


def clean_bezoeken(bezoeken: pd.DataFrame) -> pd.DataFrame:
    """Visits with travel times above :data:`MAX_TRAVEL_MINUTES` made empty."""
    result = bezoeken.copy()
    travel = result["reistijd_min"].astype("Int64")
    result["reistijd_min"] = travel.mask(travel > MAX_TRAVEL_MINUTES)
    return result


def find_warts(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """List every suspicious row: tabel, sleutel, kolom, waarde, soort (Dutch).

    Args:
        tables: at least ``klanten``, ``orders``, ``nps`` and ``bezoeken``.
    """
    klanten, orders = tables["klanten"], tables["orders"]
    nps, visits = tables["nps"], tables["bezoeken"]
    rows: list[tuple[str, str, str, object, str]] = []
    for copy, original in duplicate_customers(klanten).items():
        rows.append(("klanten", copy, "naam", original, "dubbele klant"))
    for key in klanten.loc[klanten["sector"].isna(), "klant_id"]:
        rows.append(("klanten", key, "sector", None, "sector ontbreekt"))
    odd = ~klanten["provincie"].astype(object).isin(PROVINCE_NAMES)
    for key, value in klanten.loc[odd, ["klant_id", "provincie"]].itertuples(index=False):
        rows.append(("klanten", key, "provincie", value, "afwijkende spelling"))
    outside = ~orders["orderdatum"].between(START, END)
    for order, day in orders.loc[outside, ["order_id", "orderdatum"]].drop_duplicates().to_numpy():
        rows.append(("orders", str(order), "orderdatum", day, "datum buiten 2022-2024"))
    for order, line, qty in orders.loc[
        orders["aantal"] < 0, ["order_id", "regel", "aantal"]
    ].to_numpy():
        rows.append(("orders", f"{order}-{line}", "aantal", qty, "retour (negatief aantal)"))
    for key, score in nps[["antwoord_id", "score"]].itertuples(index=False):
        if pd.isna(score):
            rows.append(("nps", key, "score", None, "score ontbreekt"))
        elif not 0 <= score <= 10:
            rows.append(("nps", key, "score", int(score), "score buiten 0-10"))
    far = visits["reistijd_min"] > MAX_TRAVEL_MINUTES
    for key, value in visits.loc[far, ["bezoek_id", "reistijd_min"]].itertuples(index=False):
        rows.append(("bezoeken", key, "reistijd_min", int(value), "onwaarschijnlijke reistijd"))
    columns = ["tabel", "sleutel", "kolom", "waarde", "soort"]
    return pd.DataFrame(rows, columns=columns).astype({"waarde": object})


def clean_all(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """All tables with the cleaning above applied; other tables are returned as they are."""
    result = dict(tables)
    result["klanten"] = clean_klanten(tables["klanten"])
    result["orders"] = clean_orders(tables["orders"], tables["klanten"])
    result["nps"] = clean_nps(tables["nps"])
    result["bezoeken"] = clean_bezoeken(tables["bezoeken"])
    return result


__all__ = [
    "clean_all",
    "clean_bezoeken",
    "clean_klanten",
    "clean_nps",
    "clean_orders",
    "duplicate_customers",
    "find_warts",
    "standard_province",
]
