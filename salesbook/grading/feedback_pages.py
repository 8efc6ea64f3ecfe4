"""Step 6: one offline HTML feedback page per student.

Per chapter handed in: points, mark and score out of 20, a bar chart of mastery per leerdoel,
and every question with the student's own numbers (parameterised questions are instantiated
again from the seed), the given answer, the right answer, the feedback recomputed from the key
and the points. Mastery per leerdoel = points earned / points available on the questions that
are scored (open questions still waiting for the teacher are left out).

Everything a student wrote is escaped; the page loads nothing from elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from salesbook.grading.class_overview import short
from salesbook.grading.gradebook import Marks
from salesbook.grading.html_page import STATUS_LABEL, Bar, bar_chart, number, page, table, text
from salesbook.grading.results import PENDING, QuestionResult, ScoredSubmission
from salesbook.grading.score import Scorer, response_key
from salesbook.notation import format_percentage
from salesbook.quiz import (
    ClassificationQuestion,
    MatchingQuestion,
    MultipleChoiceQuestion,
    NumericQuestion,
    OpenQuestion,
    OrderingQuestion,
    Question,
    SingleChoiceQuestion,
)
from salesbook.quiz.check_numeric import show_value
from salesbook.quiz.summary import describe_response, escape
from salesbook.ui.markdown import to_html


def key_markdown(question: Question) -> str:
    """The right answer of an (instantiated) question as short Dutch Markdown."""
    if isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion):
        return "; ".join(escape(question.options[i].text) for i in question.correct_indices)
    if isinstance(question, NumericQuestion):
        answer = question.answer
        return escape(show_value(answer, question.unit)) if answer is not None else "?"
    if isinstance(question, OrderingQuestion):
        return " → ".join(escape(item) for item in question.items)
    if isinstance(question, MatchingQuestion):
        return "\n\n" + "\n".join(
            f"- {escape(pair.left)} → {escape(pair.right)}" for pair in question.pairs
        )
    if isinstance(question, ClassificationQuestion):
        return "\n\n" + "\n".join(
            f"- {escape(item.text)}: {escape(item.category)}" for item in question.items
        )
    if isinstance(question, OpenQuestion):
        return "\n\n" + "\n".join(
            f"> {escape(line)}" for line in question.model_answer.splitlines()
        )
    return ""


def mastery(results: Sequence[QuestionResult]) -> dict[str, tuple[float, float]]:
    """leerdoel id → (points earned, points available), open questions in waiting left out."""
    found: dict[str, tuple[float, float]] = {}
    for result in results:
        earned, available = found.get(result.leerdoel, (0.0, 0.0))
        if result.pending:
            found.setdefault(result.leerdoel, (earned, available))
            continue
        found[result.leerdoel] = (earned + result.score, available + result.points)
    return found


class FeedbackWriter:
    """Renders feedback pages; question texts and answers are rendered once per batch."""

    def __init__(self, scorer: Scorer, cesuur: float, graded_at: datetime | None = None) -> None:
        self.scorer = scorer
        self.cesuur = cesuur
        self.graded_at = graded_at or datetime.now()
        self._questions: dict[tuple[str, int | None], tuple[str, str]] = {}
        self._answers: dict[tuple[str, int | None, object], str] = {}
        self._feedback: dict[str, str] = {}

    def _question_html(self, result: QuestionResult) -> tuple[str, str]:
        cache_key = (result.question_id, result.seed)
        found = self._questions.get(cache_key)
        if found is None:
            question = self.scorer.course.question(result.question_id)
            variant = self.scorer.variant(question, result.seed)
            found = (to_html(variant.prompt), to_html(key_markdown(variant)))
            self._questions[cache_key] = found
        return found

    def _answer_html(self, result: QuestionResult) -> str:
        cache_key = (result.question_id, result.seed, response_key(result.response))
        found = self._answers.get(cache_key)
        if found is None:
            question = self.scorer.course.question(result.question_id)
            variant = self.scorer.variant(question, result.seed)
            found = to_html(describe_response(variant, result.response))
            if len(self._answers) < 100_000:
                self._answers[cache_key] = found
        return found

    def _markdown(self, text: str) -> str:
        """``to_html`` of a feedback text, rendered once per batch (a class shares them)."""
        found = self._feedback.get(text)
        if found is None:
            found = to_html(text)
            if len(self._feedback) < 50_000:
                self._feedback[text] = found
        return found

    def _question(self, result: QuestionResult) -> str:
        prompt, key = self._question_html(result)
        status = result.status.replace(" ", "-")
        noun = "punt" if result.points == 1 else "punten"
        points = (
            f"? van {number(result.points, 2)} {noun}"
            if result.pending
            else f"{number(result.score, 2)} van {number(result.points, 2)} {noun}"
        )
        parts = [
            f'<article class="vraag {status}" id="{text(result.question_id)}">',
            f'<p class="kop">Vraag {text(result.question_id)} · '
            f"{text(STATUS_LABEL.get(result.status, result.status))} · {points}</p>",
            f'<div class="prompt">{prompt}</div>',
            f'<div><span class="label">Jouw antwoord:</span> {self._answer_html(result)}</div>',
            f'<div><span class="label">Goed antwoord:</span> {key}</div>',
        ]
        if result.feedback and result.status != PENDING:
            parts.append(f'<div class="feedback">{self._markdown(result.feedback)}</div>')
        if result.comment:
            parts.append(
                f'<div class="feedback"><span class="label">Opmerking van je docent:</span> '
                f"{to_html(escape(result.comment))}</div>"
            )
        parts += [f'<p class="let-op">{text(flag)}</p>' for flag in result.flags]
        parts.append("</article>")
        return "".join(parts)

    def _chapter(self, submission: ScoredSubmission, maximum: float) -> str:
        bank = self.scorer.course.bank(submission.chapter)
        marks = Marks.of(submission.score, maximum, self.cesuur)
        summary = (
            f'<p class="samenvatting">Punten: <b>{number(marks.points, 2)}</b> van '
            f"{number(marks.maximum, 2)} ({number(marks.percent)}%) · cijfer "
            f"<b>{number(marks.mark)}</b> · {number(marks.out_of_20)} op 20"
        )
        if submission.pending:
            summary += (
                f" · <span class='let-op'>nog {submission.pending} open "
                f"{'vraag' if submission.pending == 1 else 'vragen'} na te kijken: dit cijfer "
                "is voorlopig</span>"
            )
        summary += f"<br>Ingeleverd bestand: {text(submission.file)}</p>"
        shares = mastery(submission.results)
        bars, rows = [], []
        for goal in bank.leerdoelen:
            earned, available = shares.get(goal.id, (0.0, 0.0))
            share = earned / available if available else 0.0
            shown = format_percentage(share, 0) if available else "nog niet nagekeken"
            bars.append(Bar(short(goal.id), share, shown))
            rows.append(
                [
                    text(short(goal.id)),
                    text(goal.text),
                    f"{number(earned, 2)} van {number(available, 2)}",
                    text(shown),
                ]
            )
        chart = bar_chart(
            bars, f"Beheersing per leerdoel, hoofdstuk {bank.chapter}", reference=self.cesuur
        )
        questions = "".join(self._question(result) for result in submission.results)
        return (
            f"<section><h2>Hoofdstuk {bank.chapter} · {text(bank.title)}</h2>{summary}"
            f"<h3>Beheersing per leerdoel</h3>{chart}"
            f"{table(['Leerdoel', 'Omschrijving', 'Punten', 'Beheersing'], rows, {2, 3})}"
            f"<h3>Alle vragen</h3>{questions}</section>"
        )

    def render(
        self, student: str, submissions: Sequence[ScoredSubmission], maxima: Mapping[int, float]
    ) -> str:
        """The complete feedback page of one student (all chapters handed in)."""
        ordered = sorted(submissions, key=lambda s: s.chapter)
        moment = self.graded_at.strftime("%d-%m-%Y %H:%M")
        intro = (
            f"<h1>Feedback voor {text(student)}</h1>"
            f"<p>Nagekeken op {text(moment)}. Alle scores zijn opnieuw berekend met de "
            "antwoordsleutel. Een 5,5 haal je met "
            f"{number(self.cesuur * 100)}% van de punten.</p>"
        )
        body = intro + "".join(self._chapter(s, maxima[s.chapter]) for s in ordered)
        return page(f"Feedback {student}", body)
