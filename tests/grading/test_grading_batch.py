"""Batch run: papermill in a process pool; a failing notebook is reported, the rest go on."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from salesbook.cli import main
from salesbook.exceptions import SalesbookError
from salesbook.grading._exec_errors import source_cell_map
from salesbook.grading.batch import (
    SUMMARY_FILE,
    BatchReport,
    NotebookResult,
    notebook_paths,
    output_names,
    parse_parameters,
    run_notebooks,
)


def code(source, tags=None):
    metadata = {"tags": tags} if tags else {}
    return {
        "cell_type": "code",
        "execution_count": None,
        "metadata": metadata,
        "outputs": [],
        "source": source,
    }


def write_notebook(path: Path, cells: list) -> Path:
    notebook = {
        "nbformat": 4,
        "nbformat_minor": 4,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
        "cells": cells,
    }
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return path


def stdout_of(cell: dict) -> str:
    return "".join(o.get("text", "") for o in cell["outputs"] if o["output_type"] == "stream")


def test_parameters_are_read_as_papermill_reads_them():
    pairs = [("a", "12"), ("b", "0.5"), ("c", "0,5"), ("d", "True"), ("e", "None"), ("f", "Noord")]
    assert parse_parameters(pairs) == {
        "a": 12,
        "b": 0.5,
        "c": "0,5",  # a decimal comma is text, as in papermill
        "d": True,
        "e": None,
        "f": "Noord",
    }
    with pytest.raises(SalesbookError, match="'1x' is geen geldige parameternaam"):
        parse_parameters([("1x", "3")])


def test_output_names_are_unique():
    paths = [Path("a/h1.ipynb"), Path("b/h1.ipynb"), Path("c/h2.ipynb")]
    assert output_names(paths) == ["a_h1.ipynb", "b_h1.ipynb", "h2.ipynb"]
    assert output_names([Path("a/h1.ipynb"), Path("a/h1.ipynb")]) == [
        "a_h1.ipynb",
        "a_h1-2.ipynb",
    ]


def test_a_folder_stands_for_its_notebooks(tmp_path):
    for name in ("02_b.ipynb", "01_a.ipynb", ".verborgen.ipynb", "notities.txt"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert notebook_paths([tmp_path]) == [tmp_path / "01_a.ipynb", tmp_path / "02_b.ipynb"]
    (tmp_path / "leeg").mkdir()
    with pytest.raises(SalesbookError, match="Geen notebooks gevonden"):
        notebook_paths([tmp_path / "leeg"])
    # a file that does not exist is kept: the batch reports it as a failed notebook
    assert notebook_paths([tmp_path / "weg.ipynb"]) == [tmp_path / "weg.ipynb"]


def test_cells_are_numbered_as_in_the_input_notebook():
    plain = {"cells": [code("a"), code("b"), code("c")]}
    tagged = {"cells": [code("x"), code("p", ["parameters"]), code("a"), code("b")]}
    injected = {"cells": [code("p", ["parameters"]), code("i", ["injected-parameters"]), code("a")]}
    marker = {
        "cells": [code("m", ["papermill-error-cell-tag"]), code("p", ["parameters"]), code("a")]
    }
    assert source_cell_map(plain, {}) == [0, 1, 2]
    assert source_cell_map(plain, {"x": 1}) == [None, 0, 1, 2]  # injected at the top
    assert source_cell_map(tagged, {"x": 1}) == [0, 1, None, 2, 3]
    assert source_cell_map(injected, {"x": 1}) == [0, None, 2]  # replaced in place
    assert source_cell_map(marker, {"x": 1}) == [1, None, 2]  # old error cell dropped


def test_summary_table_is_dutch():
    report = BatchReport(
        [
            NotebookResult("a.ipynb", Path("a.ipynb"), None, True, 1.25),
            NotebookResult("b.ipynb", Path("b.ipynb"), None, False, 2.0, 3, "cel 3: fout"),
        ],
        seconds=3.5,
        workers=2,
    )
    lines = report.table().splitlines()
    assert lines[0].split() == ["notebook", "status", "seconden", "cel", "fout"]
    assert lines[2].split() == ["a.ipynb", "geslaagd", "1,2"]  # 1.25 rounded half to even
    assert lines[3].split()[:4] == ["b.ipynb", "mislukt", "2,0", "3"]
    assert lines[-1] == "1 van 2 notebooks geslaagd, 1 mislukt, in 3,5 seconden met 2 processen."
    assert report.exit_code == 1


def test_the_output_may_not_overwrite_the_input(tmp_path):
    notebook = write_notebook(tmp_path / "a.ipynb", [code("1")])
    with pytest.raises(SalesbookError, match="zou het notebook zelf overschrijven"):
        run_notebooks([notebook], tmp_path, progress=False)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """One CLI run over a folder: a good notebook, a failing one, a broken file (~5 s)."""
    tmp = tmp_path_factory.mktemp("batch")
    folder = tmp / "notebooks"
    folder.mkdir()
    write_notebook(
        folder / "goed.ipynb",
        [
            code('regio = "Zuid"\nfactor = 1', ["parameters"]),
            code(
                "import os\nprint(regio, factor * 2)\nprint(os.environ['SALESBOOK_STORE'])\n"
                "print(os.environ.get('JPY_SESSION_NAME'))"
            ),
        ],
    )
    write_notebook(
        folder / "fout.ipynb",
        [code("factor = 1", ["parameters"]), code("a = 1"), code("a / 0"), code("print('nooit')")],
    )
    (folder / "kapot.ipynb").write_text("{ dit is geen json", encoding="utf-8")
    store = tmp / "eigen-opslag"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SALESBOOK_STORE", str(store))
        patch.setenv("JPY_SESSION_NAME", str(tmp / "docent.ipynb"))  # started from a notebook
        argv = ["uitvoeren", str(folder), "--uitvoer", str(tmp / "uit"), "--processen", "2"]
        argv += ["-p", "regio", "Noord", "-p", "factor", "21", "--stil"]
        code_ = main(argv)
    return code_, tmp, store


@pytest.mark.slow
def test_batch_exit_code_is_non_zero_when_a_notebook_failed(batch):
    code_, _, _ = batch
    assert code_ == 1


@pytest.mark.slow
def test_failing_notebook_is_reported_with_cell_and_error(batch):
    _, tmp, _ = batch
    with open(tmp / "uit" / SUMMARY_FILE, encoding="utf-8-sig", newline="") as file:
        rows = {row["notebook"]: row for row in csv.DictReader(file, delimiter=";")}
    assert set(rows) == {"goed.ipynb", "fout.ipynb", "kapot.ipynb"}
    assert rows["goed.ipynb"]["status"] == "geslaagd" and rows["goed.ipynb"]["fout"] == ""
    failed = rows["fout.ipynb"]
    # cells of the input: parameters (1), a = 1 (2), a / 0 (3); papermill's injected cell
    # makes a / 0 the fourth cell executed, hence In [4]
    assert (failed["status"], failed["cel"]) == ("mislukt", "3")
    assert failed["fout"] == "cel 3 (In [4]): ZeroDivisionError: division by zero"
    assert rows["kapot.ipynb"]["fout"] == "dit is geen geldig notebook (JSON-fout op regel 1)."
    assert re.fullmatch(r"\d+(,\d)?", rows["goed.ipynb"]["seconden"])


@pytest.mark.slow
def test_parameters_are_injected_and_the_store_is_thrown_away(batch):
    _, tmp, store = batch
    executed = json.loads((tmp / "uit" / "goed.ipynb").read_text(encoding="utf-8"))
    assert executed["cells"][1]["metadata"]["tags"] == ["injected-parameters"]
    printed = stdout_of(executed["cells"][2]).splitlines()
    assert printed[0] == "Noord 42"
    assert printed[1] != str(store) and "salesbook-run-" in printed[1]
    assert printed[2] == "None"  # not the teacher's notebook: wb.start would restore from it
    assert not store.exists()  # the teacher's own store was never touched


@pytest.mark.slow
def test_failed_notebook_is_written_up_to_the_failing_cell(batch):
    _, tmp, _ = batch
    executed = json.loads((tmp / "uit" / "fout.ipynb").read_text(encoding="utf-8"))
    errors = [
        o for c in executed["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"
    ]
    assert [e["ename"] for e in errors] == ["ZeroDivisionError"]
    assert "nooit" not in json.dumps([c.get("outputs") for c in executed["cells"]])
    assert not (tmp / "uit" / "kapot.ipynb").exists()


@pytest.mark.slow
def test_a_cell_that_runs_too_long_is_stopped(tmp_path):
    notebook = write_notebook(
        tmp_path / "traag.ipynb", [code("import time"), code("time.sleep(60)")]
    )
    report = run_notebooks([notebook], tmp_path / "uit", workers=1, cell_timeout=2, progress=False)
    (result,) = report.results
    assert (result.ok, result.cell) == (False, 2)
    assert result.error == "cel 2: de cel was na 2 seconden nog niet klaar en is afgebroken."
    assert result.seconds < 30


@pytest.mark.slow
def test_a_notebook_that_kills_its_worker_does_not_stop_the_batch(tmp_path):
    killer = write_notebook(
        tmp_path / "sloper.ipynb",
        [code("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)")],
    )
    fine = write_notebook(tmp_path / "rustig.ipynb", [code("print('klaar')")])
    report = run_notebooks([killer, fine], tmp_path / "uit", workers=2, progress=False)
    broken, calm = report.results
    assert (broken.ok, calm.ok) == (False, True)
    assert broken.error.startswith("het uitvoerproces is onverwacht gestopt")
    executed = json.loads((tmp_path / "uit" / "rustig.ipynb").read_text(encoding="utf-8"))
    assert stdout_of(executed["cells"][0]) == "klaar\n"


def test_new_subcommands_have_dutch_help(capsys):
    for command in ("uitvoeren", "controleren", "uitdelen"):
        with pytest.raises(SystemExit) as caught:
            main([command, "--help"])
        assert caught.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith(f"gebruik: salesbook {command}")
        assert "--uitvoer MAP" in out and "usage" not in out
    with pytest.raises(SystemExit) as caught:
        main(["uitvoeren", "a.ipynb"])
    assert caught.value.code == 2
    assert "deze argumenten zijn verplicht: --uitvoer" in capsys.readouterr().err
