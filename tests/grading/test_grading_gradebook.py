"""The gradebook files: .xlsx read back with openpyxl, CSV bytes for Dutch Excel."""

from __future__ import annotations

import csv
import io

import pytest
from grading_helpers import FORMULA
from openpyxl import load_workbook

pytestmark = pytest.mark.slow


def test_xlsx_holds_the_gradebook_with_formats_and_explanation(graded):
    _, output = graded
    workbook = load_workbook(output / "cijferlijst.xlsx")
    assert workbook.sheetnames == ["Cijferlijst", "Per vraag", "Uitleg", "Problemen"]
    sheet = workbook["Cijferlijst"]
    header = [cell.value for cell in sheet[1]]
    assert header[:6] == [
        "studentnummer",
        "H1 punten",
        "H1 maximum",
        "H1 %",
        "H1 cijfer",
        "H1 op 20",
    ]
    assert header[-3:] == ["Nog na te kijken", "Problemen", "Bestanden"]
    assert sheet.freeze_panes == "B2"
    assert sheet["A1"].font.bold
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert set(rows) == {"100001", "100002", "100004", "100005", FORMULA}
    good = {name: cell for name, cell in zip(header, rows["100001"], strict=True)}
    assert good["H1 punten"].value == 127 and good["H1 maximum"].value == 144
    assert good["H1 cijfer"].value == 8.8 and good["H1 cijfer"].number_format == "0.0"
    assert good["H1 op 20"].value == 17.6 and good["H1 %"].value == 88.2
    assert good["Cijfer"].value == 8.8
    partial = {name: cell.value for name, cell in zip(header, rows["100002"], strict=True)}
    assert (partial["H1 punten"], partial["Cijfer"], partial["Score op 20"]) == (43, 3.4, 6.0)
    hostile = rows[FORMULA][0]
    assert hostile.data_type == "s" and hostile.value == FORMULA  # text, never a formula
    explained = {row[0]: row[1] for row in workbook["Uitleg"].iter_rows(values_only=True)}
    assert "5,5 + 4,5 × (p − c) / (1 − c)" in explained["Formule cijfer"]
    assert explained["Cesuur"].startswith("55%")
    assert "144" in explained["H1 maximum"]
    per_question = workbook["Per vraag"]
    names = [cell.value for cell in per_question[1]]
    assert names[:3] == ["studentnummer", "hoofdstuk", "h1.salesmanagement.01"]
    by_student = {row[0]: row for row in per_question.iter_rows(min_row=2, values_only=True)}
    assert by_student["100002"][names.index("h1.salesmanagement.02")] == 0
    assert by_student["100002"][names.index("h1.salesmanagement.04")] == 2
    assert by_student["100002"][names.index("h1.crm.07")] is None  # open, not scored yet
    problems = list(workbook["Problemen"].iter_rows(min_row=2, values_only=True))
    assert any(row[0] == "kapot.ipynb" for row in problems)


def test_csv_opens_in_dutch_excel(graded):
    _, output = graded
    data = (output / "cijferlijst.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfstudentnummer;H1 punten;H1 maximum;H1 %;H1 cijfer;")
    assert b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    header = rows[0]
    by_student = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert by_student["100002"]["H1 punten"] == "43"
    assert by_student["100002"]["H1 %"] == "29,9"
    assert by_student["100002"]["H1 cijfer"] == "3,4"
    assert by_student["100001"]["H1 op 20"] == "17,6"
    assert by_student["100005"]["Cijfer"] == "8,5"
    assert "'" + FORMULA in by_student  # neutralised: Excel shows it as text
    problems = (output / "problemen.csv").read_bytes()
    assert problems.startswith(b"\xef\xbb\xbfbestand;studentnummer;cel;probleem;wat te doen")
    assert "notebookformaat 3 wordt niet ondersteund" in problems.decode("utf-8")
