"""Step 7: the class overview: which questions and leerdoelen did the class miss?

Per question, over every student who handed in that chapter:

* **p-waarde** = the mean of score / points (for a question scored right-or-wrong this is the
  share of students who got it right, the classic p-value of test analysis); a question not
  answered counts as 0; open questions count only once they are scored by the teacher;
* **aandeel goed** = the share of students with the full points;
* **beantwoord** = the share of students who gave an answer.

The page (``overzicht.html``) shows per chapter a bar chart of the p-value per leerdoel and
per question, worst first, the table behind it, links to every feedback page, and the
problems report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from salesbook.grading.html_page import Bar, bar_chart, number, page, table, text
from salesbook.grading.problems import Problem
from salesbook.grading.results import NOT_ANSWERED, ScoredSubmission
from salesbook.notation import format_percentage
from salesbook.quiz import Course


@dataclass(frozen=True)
class QuestionStat:
    """Class results on one question (shares are 0..1; None when nothing is scored yet)."""

    question_id: str
    chapter: int
    leerdoel: str
    type: str
    points: float
    students: int
    scored: int
    p_value: float | None
    right: float | None
    answered: float


def question_stats(submissions: Sequence[ScoredSubmission]) -> list[QuestionStat]:
    """One :class:`QuestionStat` per question of every chapter handed in, worst first."""
    totals: dict[str, list[float]] = {}
    meta: dict[str, tuple[int, str, str, float]] = {}
    for submission in submissions:
        for result in submission.results:
            entry = totals.setdefault(result.question_id, [0, 0, 0.0, 0, 0])
            meta[result.question_id] = (
                submission.chapter,
                result.leerdoel,
                result.type,
                result.points,
            )
            entry[0] += 1
            entry[4] += result.status != NOT_ANSWERED
            if result.pending:
                continue
            entry[1] += 1
            entry[2] += result.score / result.points if result.points else 0.0
            entry[3] += result.score >= result.points - 1e-9
    stats = []
    for qid, (students, scored, shares, right, answered) in totals.items():
        chapter, leerdoel, kind, points = meta[qid]
        stats.append(
            QuestionStat(
                qid,
                chapter,
                leerdoel,
                kind,
                points,
                int(students),
                int(scored),
                shares / scored if scored else None,
                right / scored if scored else None,
                answered / students if students else 0.0,
            )
        )
    stats.sort(key=lambda s: (s.p_value is None, s.p_value or 0.0, s.question_id))
    return stats


def leerdoel_stats(stats: Sequence[QuestionStat]) -> dict[str, float]:
    """leerdoel → mean p-value of its scored questions, weighted by points."""
    sums: dict[str, tuple[float, float]] = {}
    for stat in stats:
        if stat.p_value is None:
            continue
        earned, available = sums.get(stat.leerdoel, (0.0, 0.0))
        sums[stat.leerdoel] = (earned + stat.p_value * stat.points, available + stat.points)
    return {goal: earned / available for goal, (earned, available) in sums.items() if available}


TYPE_NAMES = {
    "single_choice": "één keuze",
    "multiple_choice": "meer keuzes",
    "numeric": "getal",
    "ordering": "volgorde",
    "matching": "koppelen",
    "classification": "indelen",
    "open": "open vraag",
}


def short(leerdoel_id: str) -> str:
    """A leerdoel id without its chapter: ``h1.crm`` → ``crm``."""
    return leerdoel_id.split(".", 1)[-1]


def _share(value: float | None) -> str:
    return format_percentage(value, 0) if value is not None else "nog na te kijken"


def _chapter_section(
    course: Course, chapter: int, stats: Sequence[QuestionStat], students: int, cesuur: float
) -> str:
    bank = course.bank(chapter)
    mine = [s for s in stats if s.chapter == chapter]
    goals = leerdoel_stats(mine)
    goal_bars = [
        Bar(short(goal.id), goals.get(goal.id, 0.0), _share(goals.get(goal.id)))
        for goal in sorted(bank.leerdoelen, key=lambda g: goals.get(g.id, 2.0))
    ]
    goal_rows = [[text(short(goal.id)), text(goal.text)] for goal in bank.leerdoelen]
    question_bars = [Bar(f"{s.question_id}", s.p_value or 0.0, _share(s.p_value)) for s in mine]
    rows = [
        [
            text(s.question_id),
            f'<span title="{text(course.leerdoel(s.leerdoel).text)}">'
            f"{text(short(s.leerdoel))}</span>",
            text(TYPE_NAMES.get(s.type, s.type)),
            number(s.points, 2),
            _share(s.p_value),
            _share(s.right),
            format_percentage(s.answered, 0),
        ]
        for s in mine
    ]
    header = ["Vraag", "Leerdoel", "Type", "Punten", "p-waarde", "Helemaal goed", "Beantwoord"]
    return (
        f"<section><h2>Hoofdstuk {chapter} · {text(bank.title)}</h2>"
        f"<p>{students} {'student leverde' if students == 1 else 'studenten leverden'} dit "
        "hoofdstuk in. De p-waarde is de gemiddelde score op een vraag (100% = iedereen "
        "helemaal goed).</p>"
        f"{table(['Leerdoel', 'Omschrijving'], goal_rows, set())}"
        f"<h3>Per leerdoel (zwakste eerst)</h3>"
        f"{bar_chart(goal_bars, f'p-waarde per leerdoel, hoofdstuk {chapter}', reference=cesuur)}"
        f"<h3>Per vraag (zwakste eerst)</h3>"
        f"{bar_chart(question_bars, f'p-waarde per vraag, hoofdstuk {chapter}', reference=cesuur)}"
        f"{table(header, rows, {3, 4, 5, 6})}</section>"
    )


def render_overview(
    course: Course,
    submissions: Sequence[ScoredSubmission],
    *,
    cesuur: float,
    feedback_links: Mapping[str, str],
    problems: Sequence[Problem],
    marks: Mapping[str, float],
) -> str:
    """The class overview page.

    Args:
        course: the question banks.
        submissions: every scored notebook.
        cesuur: the cesuur as a fraction.
        feedback_links: student → relative link to the feedback page.
        problems: the problems report.
        marks: student → total mark (for the list of students).
    """
    stats = question_stats(submissions)
    chapters = sorted({s.chapter for s in submissions})
    per_chapter = {c: sum(s.chapter == c for s in submissions) for c in chapters}
    passed = sum(mark >= 5.5 for mark in marks.values())
    intro = (
        "<h1>Klassenoverzicht</h1>"
        f'<p class="samenvatting">{len(marks)} studenten · hoofdstuk(ken) '
        f"{text(', '.join(str(c) for c in chapters) or '-')} · {passed} van {len(marks)} "
        f"voldoende (cesuur {number(cesuur * 100)}%) · {len(problems)} "
        f"{'probleem' if len(problems) == 1 else 'problemen'} gemeld</p>"
    )
    sections = "".join(_chapter_section(course, c, stats, per_chapter[c], cesuur) for c in chapters)
    student_rows = [
        [
            f'<a href="{text(feedback_links[student])}">{text(student)}</a>'
            if student in feedback_links
            else text(student),
            number(marks[student]),
        ]
        for student in sorted(marks)
    ]
    students = "<h2>Studenten</h2>" + table(["Student", "Cijfer"], student_rows, {1})
    problem_rows = [
        [
            text(p.file),
            text(p.student or ""),
            text(p.cell or ""),
            text(p.what),
            text(p.advice),
        ]
        for p in problems
    ]
    problem_part = "<h2>Problemen</h2>" + (
        table(["Bestand", "Student", "Cel", "Probleem", "Wat te doen"], problem_rows, set())
        if problem_rows
        else "<p>Geen problemen gevonden.</p>"
    )
    return page("Klassenoverzicht", intro + sections + students + problem_part)
