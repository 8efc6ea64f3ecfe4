"""The committed CSV files: reproducible byte for byte, documented, packaged, small."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import salesbook.data as data
from salesbook.data import warts
from salesbook.data._columns import SCHEMAS
from salesbook.data.dictionary import update_readme
from salesbook.data.generate_orders import N_RETURNS
from salesbook.data.writing import to_csv_text

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"


def test_default_seed_reproduces_the_committed_files_byte_for_byte(tables, tmp_path):
    data.write(tables, tmp_path)
    for name in data.TABLES:
        committed = (DATA / f"{name}.csv").read_bytes()
        assert (tmp_path / f"{name}.csv").read_bytes() == committed, name


def test_another_seed_gives_different_files(other_tables):
    for name in data.TABLES:
        text = to_csv_text(other_tables[name], name).encode("utf-8")
        assert text != (DATA / f"{name}.csv").read_bytes(), name


@pytest.mark.parametrize("name", data.TABLES)
def test_csv_format_is_canonical(name):
    raw = (DATA / f"{name}.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no byte order mark"
    assert b"\r" not in raw
    assert raw.endswith(b"\n")
    text = raw.decode("utf-8")
    assert text.splitlines()[0] == ",".join(SCHEMAS[name].column_names)


def test_data_folder_stays_small():
    total = sum(path.stat().st_size for path in DATA.iterdir() if path.is_file())
    assert total < 5_000_000


def test_readme_data_dictionary_is_up_to_date():
    text = (DATA / "README.md").read_text(encoding="utf-8")
    assert update_readme(text) == text, "run update_readme on data/README.md"
    for name in data.TABLES:
        assert f"### `{name}.csv`" in text
        for column in SCHEMAS[name].column_names:
            assert f"| `{column}` |" in text, (name, column)


def test_readme_lists_every_known_error_with_its_count():
    text = (DATA / "README.md").read_text(encoding="utf-8")
    section = text.split("## Bekende fouten in de data", 1)[1].split("\n## ", 1)[0]
    rows = {
        "`naam`": warts.N_DUPLICATE_CUSTOMERS,
        "`sector`": warts.N_MISSING_SECTOR,
        "`provincie`": warts.N_PROVINCE_VARIANTS,
        "`orderdatum`": len(warts.WRONG_YEARS),
        "`reistijd_min`": warts.N_TRAVEL_TYPOS,
    }
    lines = section.splitlines()
    for column, count in rows.items():
        assert any(column in line and f"| {count}" in line for line in lines), column
    score_lines = [line for line in lines if "`score`" in line]
    assert any(f"| {len(warts.NPS_TYPOS)} |" in line for line in score_lines)
    assert any(f"| {warts.N_NPS_MISSING} |" in line for line in score_lines)
    assert f"{N_RETURNS} orderregels" in section


def test_loading_works_from_another_working_directory(tmp_path):
    code = "from salesbook.data import load; print(len(load('klanten')), load('orders').shape[1])"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(len(data.load("klanten"))), "13"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wheels")
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    result = subprocess.run(
        [*build, "-w", str(folder), str(ROOT)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    (built,) = folder.glob("salesbook-*.whl")
    return built


def test_wheel_ships_the_csv_files(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in data.TABLES:
            member = f"salesbook/_data/{name}.csv"
            assert member in names
            assert archive.read(member) == (DATA / f"{name}.csv").read_bytes()
        assert "salesbook/_data/README.md" in names


def test_regular_install_loads_from_the_packaged_copy(wheel, tmp_path):
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    install = [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site)]
    subprocess.run([*install, str(wheel)], check=True, capture_output=True)
    code = (
        "import salesbook, salesbook.data as d; "
        "print(salesbook.__file__); print(d.data_folder()); print(len(d.load_all()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=elsewhere,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    module, folder, count = result.stdout.split("\n")[:3]
    assert module.startswith(str(site))
    assert folder == str(site / "salesbook" / "_data")
    assert count == str(len(data.TABLES))
