"""Cleaning: hand-made frames for each rule, and the documented errors in generated data."""

from __future__ import annotations

import pandas as pd
import pytest

from salesbook.data import warts
from salesbook.data._names import name_key
from salesbook.data.clean import (
    clean_all,
    clean_bezoeken,
    clean_klanten,
    clean_nps,
    clean_orders,
    duplicate_customers,
    find_warts,
    standard_province,
)
from salesbook.data.generate_orders import N_RETURNS


def _klanten() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "klant_id": ["K1", "K2", "K3", "K4", "K5"],
            "naam": [
                "Bakker Bouw B.V.",
                "Jansen & Zn. Installaties B.V.",
                "Bakker Bouw B.V.",
                "BAKKER BOUW BV",
                "Jansen en Zn. Installaties BV",
            ],
            "plaats": ["Goes", "Gent", "Tilburg", "Goes", "Gent"],
            "provincie": pd.Categorical(
                ["Zeeland", "Oost-Vl.", "Noord Brabant", "Zeeland", "Oost-Vlaanderen"]
            ),
            "sector": pd.Categorical(["bouw", None, "bouw", "bouw", None]),
        }
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bakker Bouw B.V.", "BAKKER BOUW BV"),
        ("Jansen & Zn. Installaties B.V.", "jansen en zn installaties bv"),
        ("Claes Bouwgroep NV", "Claes Bouwgroep N.V."),
        ("Kok Loodgieters V.O.F.", "Kok Loodgieters"),
    ],
)
def test_name_key_ignores_spelling(a, b):
    assert name_key(a) == name_key(b)


def test_name_key_keeps_different_names_apart():
    assert name_key("Bakker Bouw B.V.") != name_key("Bakker Bouwgroep B.V.")


def test_duplicates_need_the_same_name_and_place():
    mapping = duplicate_customers(_klanten())
    assert mapping.to_dict() == {"K4": "K1", "K5": "K2"}


def test_clean_klanten():
    clean = clean_klanten(_klanten())
    assert clean["klant_id"].tolist() == ["K1", "K2", "K3"]
    assert clean["provincie"].astype(str).tolist() == [
        "Zeeland",
        "Oost-Vlaanderen",
        "Noord-Brabant",
    ]
    assert clean["sector"].astype(str).tolist() == ["bouw", "onbekend", "bouw"]


def test_standard_province():
    assert standard_province("Fryslân") == "Friesland"
    assert standard_province("Utrecht") == "Utrecht"
    assert pd.isna(standard_province(None))


def test_clean_orders_moves_duplicates_and_drops_wrong_years_but_keeps_returns():
    orders = pd.DataFrame(
        {
            "order_id": [1, 2, 3, 4],
            "orderdatum": pd.to_datetime(["2022-03-01", "2032-03-01", "2024-12-31", "2023-05-05"]),
            "klant_id": ["K4", "K1", "K5", "K3"],
            "aantal": [5, 2, -1, 3],
            "omzet": [100.0, 40.0, -20.0, 60.0],
        }
    )
    clean = clean_orders(orders, _klanten())
    assert clean["order_id"].tolist() == [1, 3, 4]
    assert clean["klant_id"].tolist() == ["K1", "K2", "K3"]
    assert clean["omzet"].sum() == 140.0
    assert orders["klant_id"].tolist() == ["K4", "K1", "K5", "K3"], "input unchanged"


def test_clean_nps_keeps_only_0_to_10():
    nps = pd.DataFrame(
        {"antwoord_id": list("abcdef"), "score": pd.array([0, 10, 11, None, 100, 7], dtype="Int64")}
    )
    assert clean_nps(nps)["antwoord_id"].tolist() == ["a", "b", "f"]


def test_clean_bezoeken_empties_impossible_travel_times_only():
    visits = pd.DataFrame({"bezoek_id": ["a", "b", "c"], "reistijd_min": [45, 300, 450]})
    clean = clean_bezoeken(visits)
    assert clean["reistijd_min"].tolist()[:2] == [45, 300]
    assert pd.isna(clean["reistijd_min"].iloc[2])
    assert len(clean) == 3


@pytest.mark.parametrize("which", ["tables", "other_tables"])
def test_generated_data_has_exactly_the_documented_errors(request, which):
    found = find_warts(request.getfixturevalue(which))["soort"].value_counts().to_dict()
    assert found == {
        "dubbele klant": warts.N_DUPLICATE_CUSTOMERS,
        "sector ontbreekt": warts.N_MISSING_SECTOR,
        "afwijkende spelling": warts.N_PROVINCE_VARIANTS,
        "datum buiten 2022-2024": len(warts.WRONG_YEARS),
        "retour (negatief aantal)": N_RETURNS,
        "score buiten 0-10": len(warts.NPS_TYPOS),
        "score ontbreekt": warts.N_NPS_MISSING,
        "onwaarschijnlijke reistijd": warts.N_TRAVEL_TYPOS,
    }


def test_duplicates_have_orders_on_both_numbers(tables):
    mapping = duplicate_customers(tables["klanten"])
    customers = set(tables["orders"]["klant_id"])
    assert set(mapping.index) <= customers
    assert set(mapping.to_numpy()) <= customers


def test_after_cleaning_only_the_returns_remain(tables):
    clean = clean_all(tables)
    assert set(find_warts(clean)["soort"]) == {"retour (negatief aantal)"}
    assert len(clean["klanten"]) == len(tables["klanten"]) - warts.N_DUPLICATE_CUSTOMERS
    assert set(clean["orders"]["klant_id"]) <= set(clean["klanten"]["klant_id"])
