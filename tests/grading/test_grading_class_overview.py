"""Class overview: p-value per question and leerdoel, worst first, computed by hand.

Class (chapter 1): 100001 and =HYPERLINK("x") all right; 100002 and 100004 right on questions
0, 3, 6, …, wrong on 1, 4, 7, …, no answer on 2, 5, 8, …; 100005 all right except
h1.salesmanagement.02 (unknown id) and h1.omgeving.01 (deleted cell).
"""

from __future__ import annotations

import pytest

from salesbook.grading.class_overview import leerdoel_stats

pytestmark = pytest.mark.slow


def test_p_values_per_question(graded):
    report, _ = graded
    stats = {s.question_id: s for s in report.questions}
    first = stats["h1.salesmanagement.01"]  # everyone right
    assert (first.students, first.p_value, first.right, first.answered) == (5, 1.0, 1.0, 1.0)
    second = stats["h1.salesmanagement.02"]  # 2 right, 2 wrong, 1 without answer
    assert (second.p_value, second.right, second.answered) == (0.4, 0.4, 0.8)
    third = stats["h1.salesmanagement.03"]  # 3 right, 2 without answer
    assert (third.p_value, third.answered) == (0.6, 0.6)
    deleted = stats["h1.omgeving.01"]  # 2 right, 100005 deleted it, 2 without answer
    assert (deleted.p_value, deleted.answered) == (0.4, 0.4)
    waiting = stats["h1.crm.07"]  # open: not scored yet
    assert (waiting.p_value, waiting.scored, waiting.answered) == (None, 0, 1.0)


def test_worst_first_and_per_leerdoel(graded):
    report, _ = graded
    values = [s.p_value for s in report.questions]
    scored = [v for v in values if v is not None]
    assert scored == sorted(scored) and values[len(scored) :] == [None] * 4
    goals = leerdoel_stats(report.questions)
    # salesmanagement .01–.05, points 1, 2, 2, 2, 2 with p 1, 0.4, 0.6, 1 (.04: i=3, all right)
    # and 0.6 (.05: i=4, wrong for 100002 and 100004 only)
    assert goals["h1.salesmanagement"] == pytest.approx((1 + 0.8 + 1.2 + 2 + 1.2) / 9)


def test_overview_page(graded):
    _, output = graded
    page = (output / "overzicht.html").read_text(encoding="utf-8")
    assert "<h1>Klassenoverzicht</h1>" in page
    assert "5 studenten · hoofdstuk(ken) 1 · 3 van 5 voldoende (cesuur 55%)" in page
    assert "p-waarde per vraag, hoofdstuk 1" in page
    assert '<a href="feedback/100002.html">100002</a>' in page
    assert "notebookformaat 3 wordt niet ondersteund" in page  # the problems report
    assert "<script" not in page.lower()
    assert page.index("h1.salesmanagement.02") < page.index("h1.salesmanagement.01")
