"""Scoring details: parameterised questions regenerated from the student's seed.

The welcome notebook (chapter 0, 11 points) of student 100003 answers everything right except
h0.cursus.01 (2 points, options 0 and 1 of the right 0, 1, 2 plus the wrong 3: (2 − 1) / 3 of
the points = 0,67); h0.cursus.06 is open. Points 1 + 0,67 + 1 + 1 + 2 + 2 = 7,67 of 11:
p = 0,69697 → 5,5 + 4,5 × 0,14697 / 0,45 = 6,97 → 7,0; 20p = 13,94 → 13,9.
"""

from __future__ import annotations

import pytest
from grading_helpers import WELCOME, hand_in, load, record_outputs, save

from salesbook.grading import grade_folder
from salesbook.grading.score import response_key
from salesbook.notation import format_number
from salesbook.quiz import MIME_TYPE, compute_answer, instantiate, load_chapter
from salesbook.quiz.variants import draw_parameters

NPS = "h0.cursus.02"


def _grade(folder, tmp_path):
    return grade_folder(folder, tmp_path / "uit", chapters=[0], progress=False)


@pytest.mark.slow
def test_parameterised_question_uses_the_students_own_numbers(tmp_path, executed):
    folder = tmp_path / "in"
    folder.mkdir()
    hand_in(folder, executed[WELCOME], "welkom.ipynb")
    report = _grade(folder, tmp_path)
    row = report.gradebook.set_index("studentnummer").loc[WELCOME]
    bank = load_chapter(0)
    if len(bank.questions) == 7:  # the welcome bank as described in the module docstring
        assert (row["H0 punten"], row["H0 cijfer"], row["H0 op 20"]) == (7.67, 7.0, 13.9)
    else:  # the bank grew: all right except the open question and 4/3 on h0.cursus.01
        total = sum(q.points for q in bank.questions)
        expected = total - sum(q.points for q in bank.questions if q.type == "open") - 4 / 3
        assert row["H0 punten"] == round(expected, 2)
    results = {r.question_id: r for r in report.submissions[0].results}
    assert results[NPS].status == "goed" and results[NPS].seed == int(WELCOME)
    assert results["h0.cursus.01"].status == "deels goed"
    question = load_chapter(0).question(NPS)
    values = draw_parameters(question, int(WELCOME))
    page = (tmp_path / "uit" / "feedback" / f"{WELCOME}.html").read_text(encoding="utf-8")
    article = page[page.index(f'id="{NPS}"') :]
    assert f"Er waren {format_number(values['promoters'], 0)} promoters" in article
    assert report.problems == []


@pytest.mark.slow
def test_a_record_claiming_other_numbers_is_graded_with_the_students_seed(tmp_path, executed):
    folder = tmp_path / "in"
    folder.mkdir()
    notebook = load(executed[WELCOME])
    question = load_chapter(0).question(NPS)
    other = next(
        seed
        for seed in range(1, 50)
        if compute_answer(instantiate(question, seed))
        != compute_answer(instantiate(question, int(WELCOME)))
    )
    record = record_outputs(notebook)[NPS]["data"][MIME_TYPE]
    record["variant_seed"] = other  # numbers the student liked better …
    record["response"] = compute_answer(instantiate(question, other))  # … answered right
    save(folder / "welkom.ipynb", notebook)
    report = _grade(folder, tmp_path)
    results = {r.question_id: r for r in report.submissions[0].results}
    assert results[NPS].status == "fout" and results[NPS].seed == int(WELCOME)
    assert [p.kind for p in report.problems] == ["manipulatie", "manipulatie"]
    problem, claim = report.problems
    assert "staat 'goed', maar volgens de sleutel is het antwoord 'fout'" in claim.what
    assert f"andere getallen (seed {other}) dan die van deze student (seed {WELCOME})" in (
        problem.what
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (1, 1.0),
        (1, True),
        ([1], [1.0]),
        ([1], [True]),
        ([None], [float("nan")]),  # JSON would write both as null
        ({"a": 1}, {"a": "1"}),
        ([1, 2], (1, 2)),
        ([0.0], [-0.0]),
        ({"a": [1, 2]}, {"a": [2, 1]}),
    ],
)
def test_different_responses_never_share_a_check(first, second):
    assert response_key(first) != response_key(second)


def test_equal_responses_share_a_check():
    assert response_key({"a": [1, "x"]}) == response_key({"a": [1, "x"]})
    assert response_key([2**70]) == response_key([2**70])  # beyond orjson: repr
    assert hash(response_key([None, {"é": 1.5}])) == hash(response_key([None, {"é": 1.5}]))
