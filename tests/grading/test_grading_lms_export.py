"""Import files for Brightspace, Canvas and Moodle: headers and rows."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

ITEM = "H1 Salesmanagement en accountmanagement"


def _lines(output, name):
    data = (output / "lms" / name).read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    return data.decode("utf-8").splitlines()


def test_brightspace(graded):
    _, output = graded
    lines = _lines(output, "brightspace.csv")
    assert lines[0] == (
        f"OrgDefinedId,{ITEM} Points Grade,Cijfer Points Grade,End-of-Line Indicator"
    )
    assert "100002,43,3.4,#" in lines
    assert "100005,122,8.5,#" in lines


def test_canvas(graded):
    _, output = graded
    lines = _lines(output, "canvas.csv")
    assert lines[0] == f"Student,ID,SIS User ID,SIS Login ID,Section,{ITEM},Cijfer"
    assert ",,100001,,,127,8.8" in lines


def test_moodle(graded):
    _, output = graded
    lines = _lines(output, "moodle.csv")
    assert lines[0] == f"ID number,{ITEM},Cijfer"
    assert "100004,43,3.4" in lines
    assert len(lines) == 6
