"""`salesbook nakijken`: Dutch help and summary, exit codes 0 / 1 / 2."""

from __future__ import annotations

import pytest
from grading_helpers import GOOD, hand_in

from salesbook.cli import main


def test_help_lists_nakijken_in_dutch(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "kijk een map met ingeleverde notebooks na" in capsys.readouterr().out
    with pytest.raises(SystemExit) as caught:
        main(["nakijken", "--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: salesbook nakijken")
    assert "--cesuur CESUUR" in out and "Afsluitcode 0" in out


@pytest.mark.slow
def test_grades_a_folder_and_prints_a_summary(tmp_path, executed, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    hand_in(folder, executed[GOOD], f"{GOOD}.ipynb")
    (folder / "kapot.ipynb").write_text("{", encoding="utf-8")
    output = tmp_path / "uit"
    code = main(["nakijken", str(folder), "--uitvoer", str(output), "--cesuur", "60", "--stil"])
    assert code == 0
    out = capsys.readouterr().out
    assert "1 notebook nagekeken van 1 student; resultaten in" in out
    assert "4 open antwoorden na te kijken" in out
    assert "1 probleem gemeld (zie problemen.csv):" in out
    assert "- kapot.ipynb: dit is geen geldig notebook" in out
    assert (output / "cijferlijst.xlsx").is_file()
    # cesuur 60%: p = 127 / 144 = 0,88194 → 5,5 + 4,5 × 0,28194 / 0,4 = 8,67 → 8,7
    assert "8,7" in (output / "cijferlijst.csv").read_text(encoding="utf-8-sig")


def test_nothing_to_grade_exits_with_1(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "leeg.ipynb").write_text("", encoding="utf-8")
    assert main(["nakijken", str(folder), "--stil"]) == 1
    out = capsys.readouterr().out
    assert "Niets nagekeken" in out and "leeg.ipynb: het bestand is leeg." in out
    assert not (tmp_path / "in-nagekeken" / "cijferlijst.xlsx").exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["nakijken", "bestaat-niet"], "Fout: De map bestaat-niet bestaat niet"),
        (["nakijken", ".", "--cesuur", "abc"], "Fout: De cesuur 'abc' is geen getal"),
        (["nakijken", ".", "--cesuur", "100"], "Fout: De cesuur moet tussen 0 en 100% liggen"),
    ],
)
def test_errors_in_the_command_exit_with_2(tmp_path, monkeypatch, capsys, arguments, message):
    monkeypatch.chdir(tmp_path)
    assert main(arguments) == 2
    assert capsys.readouterr().err.startswith(message)
