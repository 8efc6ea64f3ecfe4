"""Question cells that were deleted or duplicated, for the problems report.

A chapter notebook asks every question of its bank in its own cell (``wb.vraag("…")``,
``wb.oefening("…")`` or ``wb.vragen("<leerdoel>")``). A question asked in more than one cell
is reported (the last answer counts, as the reader decides). A question of the bank that no
cell asks and that has no answer is reported as a deleted cell, but only when the notebook
asks at least half of the bank: a notebook that asks only a few questions on purpose (a
practice or exam notebook) is not a chapter notebook with cells missing.
"""

from __future__ import annotations

from salesbook.grading.problems import ProblemLog
from salesbook.grading.read import Reading
from salesbook.quiz import Bank


def report_cells(reading: Reading, bank: Bank, problems: ProblemLog, student: str) -> None:
    """Report duplicated and deleted question cells of one notebook."""
    name = reading.handed.name
    asked = reading.asked
    own = {question.id for question in bank.questions}
    for qid, cells in asked.items():
        if len(cells) > 1 and qid in own:
            shown = " en ".join(f"cel {cell}" for cell in cells[:4])
            problems.add(
                name,
                f"vraag {qid} staat in meer dan één cel ({shown}); het laatst gegeven antwoord "
                "telt.",
                "record",
                cell=cells[-1],
                student=student,
            )
    covered = {q.id for q in bank.questions if q.id in asked or q.leerdoel in asked}
    if len(covered) * 2 < len(bank.questions):
        return
    for question in bank.questions:
        if question.id not in covered and question.id not in reading.answers.records:
            problems.add(
                name,
                f"de cel van vraag {question.id} ontbreekt (verwijderd of veranderd); deze "
                "vraag telt als niet beantwoord.",
                "record",
                student=student,
            )
