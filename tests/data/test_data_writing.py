"""Writing tables: canonical CSV text, atomic replacement, errors in Dutch."""

from __future__ import annotations

import os

import pandas as pd
import pytest

import salesbook.data as data
from salesbook.data import writing
from salesbook.exceptions import DataError


def test_write_creates_the_folder_and_readable_files(tables, tmp_path):
    target = tmp_path / "nieuw" / "map"
    paths = data.write({"verkopers": tables["verkopers"]}, target)
    assert paths == [target / "verkopers.csv"]
    assert oct(paths[0].stat().st_mode & 0o777) == "0o644"
    assert sorted(p.name for p in target.iterdir()) == ["verkopers.csv"]


def test_text_is_canonical():
    frame = pd.DataFrame(
        {
            "maand": pd.to_datetime(["2024-01-01", "2024-02-01"]),
            "omzet": [1250.5, 0.1 + 0.2],
            "aantal_orders": [3, 4],
        }
    )
    text = writing.to_csv_text(frame, "maandomzet")
    assert text == "maand,omzet,aantal_orders\n2024-01-01,1250.5,3\n2024-02-01,0.3,4\n"


def test_a_frame_that_does_not_fit_is_refused_before_anything_is_written(tables, tmp_path):
    broken = tables["klanten"].drop(columns="sector")
    with pytest.raises(DataError, match="sector ontbreken"):
        data.write({"verkopers": tables["verkopers"], "klanten": broken}, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_unknown_table_name_is_refused(tables, tmp_path):
    with pytest.raises(DataError, match="Onbekende tabel 'personeel'"):
        data.write({"personeel": tables["verkopers"]}, tmp_path)


def test_failed_replace_keeps_the_old_file_and_no_temp_file(tables, tmp_path, monkeypatch):
    path = tmp_path / "verkopers.csv"
    path.write_text("oud\n", encoding="utf-8")

    def fail(*args, **kwargs):
        raise OSError("schijf vol")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(DataError, match="schijf vol"):
        data.write({"verkopers": tables["verkopers"]}, tmp_path)
    assert path.read_text(encoding="utf-8") == "oud\n"
    assert [p.name for p in tmp_path.iterdir()] == ["verkopers.csv"]
