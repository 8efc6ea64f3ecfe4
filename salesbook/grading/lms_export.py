"""Step 8: import files for the gradebooks of Brightspace, Canvas and Moodle.

All three are plain CSV: ``,`` between fields, a decimal point, UTF-8 without BOM, one row per
student, one column per chapter (the points earned) and one for the total mark. Students are
matched on their student number, so it must be filled in the LMS as described below. A
chapter a student did not hand in is left empty (the LMS then leaves its grade alone).

``lms/brightspace.csv`` (Grades → Enter Grades → Import)::

    OrgDefinedId,H1 <titel> Points Grade,…,Cijfer Points Grade,End-of-Line Indicator
    123456,112.5,…,7.8,#

  ``OrgDefinedId`` is the student number (Brightspace's Org Defined ID). Each grade item is
  named ``<item> Points Grade``; Brightspace creates an item that does not exist yet (give it
  the chapter's maximum, or 10 for Cijfer). ``End-of-Line Indicator`` is ``#`` on every row.

``lms/canvas.csv`` (Grades → Import)::

    Student,ID,SIS User ID,SIS Login ID,Section,H1 <titel>,…,Cijfer
    ,,123456,,,112.5,…,7.8

  Canvas matches a row on ``ID`` (its own user id), ``SIS User ID`` or ``SIS Login ID``; we
  fill ``SIS User ID`` with the student number and leave the others empty. A column with an
  unknown name becomes a new assignment.

``lms/moodle.csv`` (Grades → Import → CSV file)::

    ID number,H1 <titel>,…,Cijfer
    123456,112.5,…,7.8

  In Moodle, choose "Map from: ID number" and "Map to: useridnumber" (the ID number field of
  the user profile holds the student number), then map each column to a grade item.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from salesbook.grading.gradebook import ID, chapter_columns
from salesbook.grading.spreadsheet import csv_bytes

BRIGHTSPACE = "brightspace.csv"
CANVAS = "canvas.csv"
MOODLE = "moodle.csv"
MARK_ITEM = "Cijfer"


def item_names(chapter_titles: Mapping[int, str]) -> dict[int, str]:
    """chapter → grade item name, e.g. ``"H1 Salesmanagement en accountmanagement"``.

    Commas are left out, because some LMS importers split headers on them.
    """
    return {
        chapter: f"H{chapter} {title}".replace(",", " ").strip()
        for chapter, title in sorted(chapter_titles.items())
    }


def _values(frame: pd.DataFrame, chapters: list[int]) -> list[tuple[str, list[float | None]]]:
    rows = []
    for _, row in frame.iterrows():
        values: list[float | None] = []
        for chapter in chapters:
            points = row[chapter_columns(chapter)[0]]
            values.append(None if points is None or math.isnan(points) else float(points))
        values.append(float(row["Cijfer"]))
        rows.append((str(row[ID]), values))
    return rows


def lms_files(frame: pd.DataFrame, chapter_titles: Mapping[int, str]) -> dict[str, bytes]:
    """The three import files: file name → CSV bytes.

    Args:
        frame: the gradebook from :func:`salesbook.grading.gradebook.build_gradebook`.
        chapter_titles: chapter → title, for the chapters that have columns in ``frame``.
    """
    names = item_names(chapter_titles)
    chapters = sorted(names)
    items = [names[chapter] for chapter in chapters] + [MARK_ITEM]
    rows = _values(frame, chapters)
    brightspace = csv_bytes(
        ["OrgDefinedId", *(f"{item} Points Grade" for item in items), "End-of-Line Indicator"],
        [[student, *values, "#"] for student, values in rows],
        dutch=False,
    )
    canvas = csv_bytes(
        ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", *items],
        [["", "", student, "", "", *values] for student, values in rows],
        dutch=False,
    )
    moodle = csv_bytes(
        ["ID number", *items],
        [[student, *values] for student, values in rows],
        dutch=False,
    )
    return {BRIGHTSPACE: brightspace, CANVAS: canvas, MOODLE: moodle}
