"""The student API of the workbook: short calls for the chapter notebooks.

    from salesbook import werkboek as wb

    wb.start(hoofdstuk=2, studentnummer=studentnummer, seed=seed)   # once, at the top
    wb.vraag("h2.nps.01")              # a question with buttons; the answer is saved
    wb.vragen("h2.nps")                # all questions of one leerdoel
    v = wb.vraag("h2.nps.01")
    v.antwoord("+10")                  # answer in code (same record as a click)
    oef = wb.oefening("h2.abc.01")     # a code exercise: compute, then check
    oef.controleer(aandeel_top20)      # Dutch feedback, the answer is saved
    oef.hint()  oef.hint(2)  oef.oplossing()
    wb.voortgang()                     # progress per leerdoel: chart + table
    wb.calculator("breakeven")         # interactive calculators (also nps, clv, abc, franke)
    wb.herstel("kopie.ipynb")          # answers saved in a notebook file back into the store
    wb.swot_matrix()  wb.leiderschapsstijl_kiezer()   # interactive models (ch. 5 and 6)

Chapter 7 (examentraining, ``wb.start(hoofdstuk=7, ...)``) has no question bank of its own;
its calls live in :mod:`salesbook.werkboek_examen` and are re-exported here:

    wb.proefexamen()  wb.proefexamen(seed=42, tijdslimiet=30)  wb.examengeschiedenis()
    wb.flashcards()  wb.flashcards(hoofdstuk=2)  wb.flashcardstatistiek()
    wb.beheersing()  wb.beheersing(2)

Every answer, by click or by code, updates an output of the question's cell that holds
readable Dutch text and a machine-readable record (``application/vnd.salesbook.answer+json``):
the saved notebook is the submission. Answers are also kept in a local answer store
(``$SALESBOOK_STORE``, default ``~/.salesbook/antwoorden``), so after a kernel restart and
"Run All" every question shows its earlier answer again. A notebook opened on another computer
(or after the store was wiped) brings its answers along: ``wb.start`` puts the records saved in
the notebook file back into the store, ``wb.herstel("kopie.ipynb")`` does so for any copy.

The worked solution unlocks after a correct answer or after ``max_pogingen`` attempts
(default 3; 0 = always available). A response that is not an attempt (empty, unreadable, a
DataFrame where one number is expected) and repeating the stored answer cost no attempt.

Importing this module is fast: the banks, widgets, pandas and matplotlib load in
:func:`start` and later calls, never at import time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesbook.exceptions import SalesbookError
from salesbook.werkboek_examen import (
    EXAM_CHAPTER,
    EXAM_TITLE,
    beheersing,
    examengeschiedenis,
    flashcards,
    flashcardstatistiek,
    open_exam_session,
    proefexamen,
)

if TYPE_CHECKING:
    from salesbook.ui.calculators import Calculator
    from salesbook.ui.progress_chart import ProgressReport
    from salesbook.werkboek_herstel import RestoreReport
    from salesbook.werkboek_opdracht import Oefening, Vraag, Vragen
    from salesbook.werkboek_session import Session

__all__ = [
    "beheersing",
    "calculator",
    "examengeschiedenis",
    "flashcards",
    "flashcardstatistiek",
    "herstel",
    "leiderschapsstijl_kiezer",
    "oefening",
    "proefexamen",
    "start",
    "swot_matrix",
    "voortgang",
    "vraag",
    "vragen",
]

_session: Session | None = None


def _current() -> Session:
    if _session is None:
        raise SalesbookError(
            "Het werkboek is nog niet gestart. Voer eerst de cel bovenaan uit met "
            "wb.start(hoofdstuk=..., studentnummer=studentnummer, seed=seed)."
        )
    return _session


def _show_float(value: float, printer: Any, cycle: bool) -> None:
    from salesbook.notation import format_table_number

    if len(getattr(printer, "stack", ())) > 1:  # inside a tuple or list: "0,5, 3" would mislead
        printer.text(repr(float(value)))
    else:
        printer.text(format_table_number(value))


def _dutch_float_display() -> None:
    """A float as a cell's result shows in Dutch notation (``12,78``), as tables do."""
    import numpy as np
    from IPython import get_ipython

    formatters = getattr(getattr(get_ipython(), "display_formatter", None), "formatters", {})
    plain = formatters.get("text/plain")
    if plain is None:  # not in IPython (a script, a test)
        return
    for kind in (float, np.float16, np.float32, np.float64, np.longdouble):
        plain.for_type(kind, _show_float)  # numpy's own __repr__ would win over np.floating


def _course_style() -> None:
    """Course defaults: matplotlib colour-blind-safe, no top/right frame; pandas tables Dutch."""
    import matplotlib as mpl
    import pandas as pd
    from cycler import cycler

    from salesbook.charts.style import COLORS, DPI, OKABE_ITO
    from salesbook.notation import format_table_number

    pd.set_option("display.float_format", format_table_number)
    _dutch_float_display()

    order = ("blauw", "oranje", "blauwgroen", "vermiljoen", "roodpaars", "hemelsblauw", "geel")
    mpl.rcParams.update(
        {
            "axes.prop_cycle": cycler(color=[OKABE_ITO[name] for name in order]),
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.color": COLORS["grid"],
            "axes.axisbelow": True,
            "axes.formatter.useoffset": False,
            "figure.dpi": DPI,
            "figure.figsize": (9.0, 5.5),
            "figure.facecolor": "white",
        }
    )


def start(
    hoofdstuk: int,
    studentnummer: str | int | None = "",
    seed: int | str | None = None,
    *,
    max_pogingen: int = 3,
    bank: str | Path | None = None,
    opslag: str | Path | None = None,
) -> None:
    """Start the workbook for one chapter; shows a short welcome line.

    Args:
        hoofdstuk: chapter number (0 = welkom, 1–6, 7 = examentraining; chapter 7 has no
            bank of its own, its questions come from the other chapters).
        studentnummer: your student number; it goes into every answer record.
        seed: the variant seed (numbers per student); default: derived from the student
            number, so you always get the same numbers.
        max_pogingen: attempts after which the worked solution unlocks (0 = always).
        bank: a question bank file instead of the chapter's own (for tests and teachers).
        opslag: folder of the local answer store (default ``$SALESBOOK_STORE`` or
            ``~/.salesbook/antwoorden``).
    """
    global _session
    from salesbook.werkboek_herstel import restore_on_start
    from salesbook.werkboek_session import Session, markdown_bundle, seed_for, show

    if isinstance(hoofdstuk, bool) or not isinstance(hoofdstuk, int) or not 0 <= hoofdstuk <= 7:
        raise SalesbookError(
            f"hoofdstuk moet een getal van 0 tot en met 7 zijn, niet {hoofdstuk!r}."
        )
    if isinstance(max_pogingen, bool) or not isinstance(max_pogingen, int) or max_pogingen < 0:
        raise SalesbookError(f"max_pogingen moet 0 of meer zijn, niet {max_pogingen!r}.")
    student = str(studentnummer).strip() if studentnummer not in (None, "") else ""
    if hoofdstuk == EXAM_CHAPTER and bank is None:
        session = open_exam_session(
            student or None, seed_for(student, seed), max_attempts=max_pogingen, store=opslag
        )
    else:
        session = Session.open(
            hoofdstuk,
            student or None,
            seed_for(student, seed),
            max_attempts=max_pogingen,
            bank=bank,
            store=opslag,
        )
    _session = session
    _course_style()
    own_bank = hoofdstuk in session.banks
    restored = restore_on_start(session) if own_bank else []
    stored = session.stored_answers() if own_bank else 0
    title = session.bank.title if own_bank else EXAM_TITLE
    name = title if hoofdstuk == 0 else f"Hoofdstuk {hoofdstuk} · {title}"
    lines = [f"Het werkboek is gestart: **{name}**."]
    if student:
        lines.append(f"Studentnummer: {student}.")
    else:
        lines.append(
            'Vul bovenaan je studentnummer in (studentnummer = "…") en voer de cellen opnieuw uit.'
        )
    lines += restored
    if stored:
        word = "antwoord" if stored == 1 else "antwoorden"
        lines.append(f"Ik vond {stored} eerder gegeven {word}; je ziet ze terug bij de vragen.")
    show(markdown_bundle(" ".join(lines)))


def herstel(pad: str | Path | None = None) -> RestoreReport:
    """Put the answers saved in a notebook file back into the local answer store.

    ``wb.start`` already does this for the notebook you are working in; use this for another
    copy (e.g. an older download). Only your own answers (same studentnummer and seed) of
    this chapter are restored, and never over a newer answer in the store. Shows a summary
    of what was restored and what was skipped; run the question cells again to see them.

    Args:
        pad: the notebook file (default: this notebook, if Jupyter tells which file it is).
    """
    from salesbook.werkboek_herstel import herstel as restore_file

    return restore_file(_current(), pad)


def vraag(vraag_id: str) -> Vraag:
    """Show one question with its buttons and its answer output; returns it for code use."""
    from salesbook.ui.views import make_view
    from salesbook.werkboek_opdracht import Vraag

    run = _current().run(vraag_id)
    shown = Vraag(run, make_view(run))
    shown._show()
    return shown


def vragen(leerdoel_id: str) -> Vragen:
    """Show all questions of one leerdoel, one after another (a list of :class:`Vraag`)."""
    from salesbook.werkboek_opdracht import Vragen

    questions = _current().questions_for(leerdoel_id)
    if not questions:
        raise SalesbookError(f"Leerdoel '{leerdoel_id}' heeft (nog) geen vragen.")
    return Vragen(vraag(question.id) for question in questions)


def oefening(vraag_id: str) -> Oefening:
    """Show a code exercise: compute the answer, then ``oef.controleer(antwoord)``."""
    from salesbook.werkboek_opdracht import Oefening

    shown = Oefening(_current().run(vraag_id))
    shown._show()
    return shown


def voortgang(*, alle_hoofdstukken: bool = False) -> ProgressReport:
    """Your progress per leerdoel of this chapter (or per chapter) as a chart and a table.

    Scores are recomputed from the answer key for your own variant of every question. In the
    exam training (chapter 7, no bank of its own) the progress is always per chapter.
    """
    from salesbook import progress
    from salesbook.quiz import load_course
    from salesbook.ui.progress_chart import ProgressReport

    session = _current()
    lookup = session.stored
    if alle_hoofdstukken or session.chapter not in session.banks:
        banks = {**load_course().banks, **session.banks}  # a bank given to start() wins
        rows = progress.per_chapter(banks.values(), lookup, session.seed)
        return ProgressReport(rows, "Jouw voortgang per hoofdstuk", heading="Hoofdstuk")
    bank = session.bank
    rows = progress.per_leerdoel(bank, lookup, session.seed)
    name = "Welkom" if bank.chapter == 0 else f"Hoofdstuk {bank.chapter}"
    return ProgressReport(rows, f"Jouw voortgang · {name} · {bank.title}")


def calculator(naam: str, **startwaarden: object) -> Calculator:
    """Open a calculator: "breakeven", "nps", "clv", "abc", "franke", "swot" or "leiderschap".

    Starting values are keyword arguments in Dutch (e.g. ``vaste_kosten=50_000``) and may be
    typed in Dutch notation (``"€ 50.000"``). No :func:`start` is needed.
    """
    from salesbook.ui.calculators import open_calculator

    return open_calculator(naam, **startwaarden)


def swot_matrix(**startwaarden: object) -> Calculator:
    """The confrontation matrix of chapter 5: strengths, weaknesses, opportunities, threats."""
    return calculator("swot", **startwaarden)


def leiderschapsstijl_kiezer(**startwaarden: object) -> Calculator:
    """Situational leadership (chapter 6): competence and commitment → leadership style."""
    return calculator("leiderschap", **startwaarden)
