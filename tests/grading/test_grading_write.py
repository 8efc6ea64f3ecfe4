"""Atomic writes: the previous gradebook is kept, a failure halfway leaves the old file."""

from __future__ import annotations

import os
from datetime import datetime

import pytest
from grading_helpers import GOOD, PARTIAL, hand_in

from salesbook.exceptions import SalesbookError
from salesbook.grading import grade_folder
from salesbook.grading.write import keep_previous, safe_file_stem, write_atomic


def test_write_atomic_replaces_the_whole_file(tmp_path):
    path = tmp_path / "map" / "bestand.txt"
    write_atomic(path, "eerste")
    write_atomic(path, b"tweede")
    assert path.read_text() == "tweede"
    assert [p.name for p in path.parent.iterdir()] == ["bestand.txt"]  # no temp files left


def test_a_failure_while_writing_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "cijferlijst.csv"
    path.write_text("oud", encoding="utf-8")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(SalesbookError, match="Het oude bestand is niet veranderd"):
        write_atomic(path, "nieuw")
    assert path.read_text(encoding="utf-8") == "oud"
    assert [p.name for p in tmp_path.iterdir()] == ["cijferlijst.csv"]


def test_keep_previous_makes_timestamped_copies(tmp_path):
    path = tmp_path / "cijferlijst.xlsx"
    assert keep_previous(path) is None
    path.write_bytes(b"1")
    moment = datetime(2026, 11, 22, 10, 15, 30)
    first = keep_previous(path, moment)
    second = keep_previous(path, moment)
    assert first.name == "cijferlijst-20261122-101530.xlsx"
    assert second.name == "cijferlijst-20261122-101530-2.xlsx"
    assert first.parent.name == "eerdere-versies" and second.read_bytes() == b"1"


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("100001", "100001"),
        ('=HYPERLINK("x")', "HYPERLINK_x"),
        ("../../etc/passwd", "etc_passwd"),
        ("Anaïs El Idrissi", "Anais_El_Idrissi"),
        ("\x00\n", "onbekend"),
        ("a" * 200, "a" * 60),
    ],
)
def test_safe_file_stem(text, stem):
    assert safe_file_stem(text) == stem


@pytest.mark.slow
def test_grading_again_keeps_the_previous_gradebook(tmp_path, executed, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    hand_in(folder, executed[GOOD], f"{GOOD}.ipynb")
    output = tmp_path / "uit"
    grade_folder(folder, output, progress=False, now=datetime(2026, 11, 22, 10, 0))
    first_xlsx = (output / "cijferlijst.xlsx").read_bytes()
    first_csv = (output / "cijferlijst.csv").read_bytes()
    hand_in(folder, executed[PARTIAL], f"{PARTIAL}.ipynb")
    grade_folder(folder, output, progress=False, now=datetime(2026, 11, 22, 11, 0))
    kept = output / "eerdere-versies"
    assert (kept / "cijferlijst-20261122-110000.xlsx").read_bytes() == first_xlsx
    assert (kept / "cijferlijst-20261122-110000.csv").read_bytes() == first_csv
    second_xlsx = (output / "cijferlijst.xlsx").read_bytes()
    assert second_xlsx != first_xlsx

    # a crash while the new gradebook is written: the last good one stays, untouched
    real_replace = os.replace

    def crash(source, target):
        if str(target).endswith("cijferlijst.xlsx"):
            raise OSError(5, "Input/output error")
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(SalesbookError, match=r"cijferlijst\.xlsx niet schrijven"):
        grade_folder(folder, output, progress=False, now=datetime(2026, 11, 22, 12, 0))
    assert (output / "cijferlijst.xlsx").read_bytes() == second_xlsx
    assert not [p for p in output.iterdir() if p.name.startswith(".cijferlijst")]
