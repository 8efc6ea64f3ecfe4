"""Acceptance: grading a class of real executed notebooks (good, partial, broken, tampered).

Who is who (chapter 1, 144 points, of which 17 in 4 open questions, cesuur 55%):

- 100001 answered everything right: 144 − 17 open (not yet scored) = 127 points.
- 100002 answered question i right when i % 3 == 0, wrong when i % 3 == 1, not when
  i % 3 == 2: 1+2+2+2+3+2+2+2+2+2+2+3+1+3+3+2+2+2+2+2+1 = 43 points.
- 100004 is 100002's notebook with "Goed" written next to two wrong answers and a forged
  ``"correct": true``: still 43.
- 100005 is 100001's notebook with one record's id made unknown (−2), one cell deleted (−3),
  one record made with another key (still counted) and one cell duplicated: 122; all four
  are reported.
- ``=HYPERLINK("x")`` is 100001's notebook under a formula as student number: 127.
- Not graded, each reported: a duplicate of 100002, truncated JSON, nbformat 3, binary junk
  with a non-UTF-8 name, a 20 MB file, a text file and a chapter-0 notebook.

Marks by hand (p = points / 144, c = 0,55):
127: p = 0,88194 → 5,5 + 4,5 × 0,33194 / 0,45 = 8,819 → 8,8; 20p = 17,64 → 17,6; 88,2%.
43:  p = 0,29861 → 1 + 4,5 × 0,29861 / 0,55 = 3,443 → 3,4; 20p = 5,97 → 6,0; 29,9%.
122: p = 0,84722 → 5,5 + 4,5 × 0,29722 / 0,45 = 8,472 → 8,5; 20p = 16,94 → 16,9; 84,7%.
"""

from __future__ import annotations

import pytest
from grading_helpers import FORMULA

pytestmark = pytest.mark.slow

EXPECTED = {
    # student: (points, %, mark, out of 20, open questions waiting)
    "100001": (127, 88.2, 8.8, 17.6, 4),
    "100002": (43, 29.9, 3.4, 6.0, 4),
    "100004": (43, 29.9, 3.4, 6.0, 4),
    "100005": (122, 84.7, 8.5, 16.9, 4),
    FORMULA: (127, 88.2, 8.8, 17.6, 4),
}


def test_gradebook_numbers_are_recomputed_from_the_key(graded):
    report, _ = graded
    frame = report.gradebook.set_index("studentnummer")
    assert sorted(frame.index) == sorted(EXPECTED)
    for student, (points, share, mark, flemish, waiting) in EXPECTED.items():
        row = frame.loc[student]
        assert row["H1 punten"] == points, student
        assert row["H1 maximum"] == 144
        assert (row["H1 %"], row["H1 cijfer"], row["H1 op 20"]) == (share, mark, flemish)
        assert (row["Totaal punten"], row["Cijfer"], row["Score op 20"]) == (
            points,
            mark,
            flemish,
        )
        assert row["Nog na te kijken"] == waiting
    assert "H0 punten" not in frame.columns
    assert frame.loc["100002", "Bestanden"] == "100002.ipynb"
    assert report.found == 10 and report.graded == 5  # the 20 MB file is never read


def _problems(report, file_part):
    return [p for p in report.problems if file_part in p.file]


def test_every_bad_input_is_reported_in_dutch_and_skipped(graded):
    report, _ = graded
    expect = {
        "kapot.ipynb": ("bestand", "de JSON is beschadigd"),
        "oud formaat.ipynb": ("formaat", "notebookformaat 3 wordt niet ondersteund"),
        "rommel-": ("bestand", "geen tekst (UTF-8)"),
        "groot.ipynb": ("bestand", "het bestand is te groot (20 MB, maximaal 20 MB)"),
        "notities.txt": ("bestand", "geen notebook (.ipynb)"),
        "welkom 100003.ipynb": ("hoofdstuk", "hoort bij hoofdstuk 0, maar je kijkt hoofdstuk 1"),
        "100002 (1).ipynb": ("dubbel", "student 100002 heeft hoofdstuk 1 meer dan eens"),
    }
    for file_part, (kind, words) in expect.items():
        found = _problems(report, file_part)
        assert len(found) == 1, (file_part, found)
        assert found[0].kind == kind and words in found[0].what, found[0]
        assert found[0].advice
    junk = _problems(report, "rommel-")[0]
    assert junk.file == "rommel-\ufffd.ipynb"  # the non-UTF-8 byte is shown, not crashed on
    odd = [p for p in report.problems if "stuurtekens" in p.file]
    assert odd == []  # graded normally; its name is shown without control characters


def test_tampering_is_reported_and_never_counted(graded):
    report, _ = graded
    found = _problems(report, "100004 gemanipuleerd")
    assert [p.kind for p in found] == ["manipulatie"] * 3
    claims = [p for p in found if "staat 'goed'" in p.what]
    assert {p.what.split("bij vraag ")[1].split(" ")[0] for p in claims} == {
        "h1.salesmanagement.02",
        "h1.omgeving.03",
    }
    forged = [p for p in found if "(correct)" in p.what]
    assert len(forged) == 1 and "h1.salesmanagement.05" in forged[0].what
    assert all(p.cell is not None and p.student == "100004" for p in found)


def test_unknown_ids_and_changed_keys_are_reported(graded):
    report, _ = graded
    found = _problems(report, "100005.ipynb")
    kinds = sorted(p.kind for p in found)
    assert kinds == ["record", "record", "sleutel", "vraag"]
    deleted = next(p for p in found if "ontbreekt" in p.what)
    assert deleted.what.startswith("de cel van vraag h1.omgeving.01 ontbreekt")
    twice = next(p for p in found if "meer dan één cel" in p.what)
    assert twice.what.startswith("vraag h1.crm.01 staat in meer dan één cel (cel ")
    unknown = next(p for p in found if p.kind == "vraag")
    assert "onbekende vraag h1.bestaatniet.01" in unknown.what
    changed = next(p for p in found if p.kind == "sleutel")
    assert "h1.omgeving.03" in changed.what and "huidige sleutel" in changed.what
    results = {
        r.question_id: r for s in report.submissions if s.student == "100005" for r in s.results
    }
    assert results["h1.omgeving.03"].score == 2 and results["h1.omgeving.03"].flags
    assert results["h1.omgeving.01"].status == "niet beantwoord"
    assert results["h1.salesmanagement.02"].status == "niet beantwoord"


def test_nothing_to_grade_writes_nothing(tmp_path):
    from salesbook.grading import grade_folder

    folder = tmp_path / "leeg"
    folder.mkdir()
    (folder / "kapot.ipynb").write_text("{", encoding="utf-8")
    report = grade_folder(folder, tmp_path / "uit", progress=False)
    assert report.graded == 0 and report.paths == {}
    assert len(report.problems) == 1
    assert not (tmp_path / "uit" / "cijferlijst.xlsx").exists()
