"""Collecting notebooks: subfolders, hidden files, odd names, size limit, links, output folder."""

from __future__ import annotations

import os

import pytest

from salesbook.exceptions import SalesbookError
from salesbook.grading.collect import collect_notebooks, display_name
from salesbook.grading.problems import ProblemLog


def test_collects_notebooks_and_reports_what_it_skips(tmp_path):
    root = tmp_path / "in"
    (root / "klas A" / ".ipynb_checkpoints").mkdir(parents=True)
    (root / "klas A" / "jan.ipynb").write_text("{}")
    (root / "klas A" / ".ipynb_checkpoints" / "jan-checkpoint.ipynb").write_text("{}")
    (root / "PIET.IPYNB").write_text("{}")
    (root / ".verborgen.ipynb").write_text("{}")
    (root / "verslag.pdf").write_bytes(b"%PDF")
    (root / "groot.ipynb").write_bytes(b" " * (20 * 1024 * 1024 + 1))
    os.symlink("/etc/hostname", root / "link.ipynb")
    (root / "uit").mkdir()
    (root / "uit" / "oud.ipynb").write_text("{}")
    problems = ProblemLog()
    found = collect_notebooks(root, problems, exclude=root / "uit")
    assert [h.name for h in found] == ["PIET.IPYNB", "klas A/jan.ipynb"]
    reported = {p.file: p.what for p in problems.problems}
    assert set(reported) == {"verslag.pdf", "groot.ipynb", "link.ipynb"}
    assert "te groot (20 MB, maximaal 20 MB)" in reported["groot.ipynb"]
    assert "Clear All Outputs" in reported["groot.ipynb"]


def test_odd_names_are_shown_safely(tmp_path):
    name = os.fsdecode(b"stu\xffdent\n\x1b[31m") + "\u202e.ipynb"
    path = tmp_path / name
    path.write_text("{}")
    shown = display_name(path, tmp_path)
    assert shown == "stu\ufffddent[31m.ipynb"
    long = tmp_path / ("x" * 250 + ".ipynb")
    assert len(display_name(long, tmp_path)) == 120


def test_a_missing_folder_is_a_dutch_error(tmp_path):
    with pytest.raises(SalesbookError, match="bestaat niet of is geen map"):
        collect_notebooks(tmp_path / "nergens", ProblemLog())
