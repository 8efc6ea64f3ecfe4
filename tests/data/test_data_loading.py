"""Loading the course tables: dtypes, locations and Dutch errors for bad names and files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import salesbook.data as data
from salesbook.data import loading
from salesbook.exceptions import DataError

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def folder(tmp_path) -> Path:
    for name in data.TABLES:
        shutil.copy(DATA / f"{name}.csv", tmp_path / f"{name}.csv")
    return tmp_path


def test_load_sets_dates_categories_and_numbers():
    klanten = data.load("klanten")
    assert klanten["klant_sinds"].dtype == "datetime64[ns]"
    assert isinstance(klanten["sector"].dtype, pd.CategoricalDtype)
    assert list(klanten["omvang"].cat.categories) == ["micro", "klein", "middelgroot", "groot"]
    assert klanten["omvang"].cat.ordered
    assert klanten["aantal_medewerkers"].dtype == "int64"
    orders = data.load("orders")
    assert orders["order_id"].dtype == "int64"
    assert orders["omzet"].dtype == "float64"
    assert data.load("nps")["score"].dtype == "Int64"
    assert data.load("leads")["fase"].cat.ordered


def test_committed_files_load_to_the_generated_tables(tables):
    loaded = data.load_all()
    assert list(loaded) == list(data.TABLES)
    for name in data.TABLES:
        pd.testing.assert_frame_equal(loaded[name], tables[name])


def test_load_from_a_given_folder(folder):
    (folder / "klanten.csv").write_text(
        (DATA / "klanten.csv").read_text(encoding="utf-8").split("\n", 2)[0] + "\n"
        "K0001,Test B.V.,bouw,NL,Utrecht,Utrecht,West,V01,2020-01-31,klein,12\n",
        encoding="utf-8",
    )
    klanten = data.load("klanten", folder=folder)
    assert klanten["naam"].tolist() == ["Test B.V."]
    assert klanten["klant_sinds"].iloc[0] == pd.Timestamp("2020-01-31")


def test_unknown_table_lists_the_valid_names():
    with pytest.raises(DataError) as caught:
        data.load("klant")
    message = str(caught.value)
    assert "Onbekende tabel 'klant'" in message
    assert "verkopers, klanten, orders, leads, offertes, bezoeken, nps" in message


def test_missing_file_is_named(folder):
    (folder / "orders.csv").unlink()
    with pytest.raises(DataError, match=r"orders\.csv ontbreekt"):
        data.load("orders", folder=folder)


def _damage(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / f"{name}.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "old", "new", "problem"),
    [
        ("klanten", "klant_sinds", "klantsinds", "klant_sinds ontbreken"),
        ("klanten", ",1983-", ",83-", "ongeldige datum"),
        ("orders", ",0.2", ",nul komma twee", "tekst waar een getal hoort"),
        ("klanten", ",micro,", ",mini,", "onbekende waarden ['mini']"),
        ("verkopers", ",1680,", ",1680.5,", "niet geheel"),
        ("verkopers", ",1680,", ",,", "lege cellen"),
        ("verkopers", "omzetdoel_2024", "omzetdoel_2024,extra", "onverwachte kolom"),
    ],
)
def test_damaged_file_gives_a_dutch_error_naming_the_file(folder, name, old, new, problem):
    _damage(folder, name, old, new)
    with pytest.raises(DataError) as caught:
        data.load(name, folder=folder)
    message = str(caught.value)
    assert f"{name}.csv is beschadigd" in message
    assert problem in message


def test_file_that_is_not_utf8_or_empty_is_reported(folder):
    (folder / "nps.csv").write_bytes("score\n€".encode("cp1252"))
    with pytest.raises(DataError, match=r"nps\.csv is beschadigd"):
        data.load("nps", folder=folder)
    (folder / "balans.csv").write_bytes(b"")
    with pytest.raises(DataError, match=r"balans\.csv is beschadigd"):
        data.load("balans", folder=folder)


def test_packaged_copy_is_preferred_over_the_checkout(folder, monkeypatch):
    monkeypatch.setattr(loading, "_candidates", lambda: [folder, DATA])
    assert data.data_folder() == folder


def test_no_data_anywhere_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(loading, "_candidates", lambda: [tmp_path / "_data", tmp_path / "data"])
    with pytest.raises(DataError, match="niet gevonden") as caught:
        data.load("klanten")
    assert "salesbook.data.write(salesbook.data.generate(), map)" in str(caught.value)


def test_describe_gives_the_dutch_dictionary():
    table = data.describe("orders")
    assert list(table.columns) == ["kolom", "type", "eenheid", "betekenis"]
    korting = table.set_index("kolom").loc["korting"]
    assert korting["eenheid"] == "breuk"
    assert "15%" in korting["betekenis"]
    with pytest.raises(DataError, match="Kies een van"):
        data.describe("omzet")
