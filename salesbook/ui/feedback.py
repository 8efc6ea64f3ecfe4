"""Feedback, hints and solutions as HTML (for widgets) and Markdown (for code answers).

Every status is shown with an icon, a word and a colour, never with colour alone. The colours
are the Okabe–Ito colours of :mod:`salesbook.charts.style` (safe for colour blindness), used
for the border only; the text stays dark for contrast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from salesbook.notation import format_number
from salesbook.ui.markdown import inline, to_html

if TYPE_CHECKING:
    from salesbook.quiz import Outcome

#: status → (icon, label, border colour)
STATUS_LOOK: dict[str, tuple[str, str, str]] = {
    "goed": ("✔", "Goed", "#009E73"),
    "deels goed": ("◐", "Deels goed", "#E69F00"),
    "fout": ("✘", "Fout", "#D55E00"),
    "niet beantwoord": ("ℹ", "Nog geen antwoord", "#999999"),
    "ingeleverd": ("✉", "Ingeleverd", "#0072B2"),
}


def points_text(value: float, decimals: int = 2) -> str:
    """A number in Dutch notation without needless decimals: ``1.5`` → ``"1,5"``."""
    text = format_number(value, decimals)
    return text.rstrip("0").rstrip(",") if "," in text else text


def score_text(outcome: Outcome) -> str:
    """``"1 van 2 punten"``, or for an open question who grades it."""
    if outcome.status == "ingeleverd":
        return "je docent beoordeelt dit antwoord"
    noun = "punt" if outcome.max_score == 1 else "punten"
    return f"{points_text(outcome.score)} van {points_text(outcome.max_score)} {noun}"


def status_line(outcome: Outcome, attempts: int) -> str:
    """The heading of a piece of feedback, as plain text: icon, status, score, attempt."""
    icon, label, _ = STATUS_LOOK[outcome.status]
    if not outcome.attempted:
        return f"{icon} {label}"
    return f"{icon} {label} · {score_text(outcome)} · poging {attempts}"


def feedback_html(outcome: Outcome, attempts: int, note: str | None = None) -> str:
    """Feedback for the widget's HTML field.

    Args:
        outcome: what the check found.
        attempts: attempts so far (including this one).
        note: an extra Dutch sentence (e.g. a problem with the local answer store).
    """
    _, _, colour = STATUS_LOOK[outcome.status]
    slug = outcome.status.replace(" ", "-")
    extra = f'<p class="salesbook-let-op">{inline(note)}</p>' if note else ""
    return (
        f'<div class="salesbook-feedback-blok salesbook-status-{slug}" role="status" '
        f'style="border-left:5px solid {colour};padding:4px 10px;margin:4px 0;'
        f'background:#f8f8f8;color:#222">'
        f"<strong>{inline(status_line(outcome, attempts))}</strong>"
        f"{to_html(outcome.feedback)}{extra}</div>"
    )


def feedback_markdown(outcome: Outcome, attempts: int, note: str | None = None) -> str:
    """The same feedback as Markdown, shown below a code answer."""
    parts = [f"**{status_line(outcome, attempts)}**", outcome.feedback.strip()]
    if note:
        parts.append(f"*Let op:* {note}")
    return "\n\n".join(part for part in parts if part)


def hints_html(hints: list[str], total: int) -> str:
    """The hints shown so far, numbered ``Hint 1 van 3``."""
    items = "".join(
        f'<div class="salesbook-hint">{to_html(f"**Hint {n} van {total}:** {hint.strip()}")}</div>'
        for n, hint in enumerate(hints, start=1)
    )
    return f'<div class="salesbook-hints">{items}</div>' if items else ""


def hint_markdown(number: int, total: int, hint: str) -> str:
    """One hint as Markdown (for ``oef.hint()``)."""
    return f"**Hint {number} van {total}:** {hint.strip()}"


def solution_html(solution: str) -> str:
    """The worked solution for the widget."""
    return f'<div class="salesbook-oplossing"><strong>Uitwerking</strong>{to_html(solution)}</div>'


def solution_markdown(solution: str) -> str:
    """The worked solution as Markdown (for ``oef.oplossing()``)."""
    return f"**Uitwerking**\n\n{solution.strip()}"


def locked_message(attempts: int, max_attempts: int) -> str:
    """Why the solution is not shown yet (Dutch)."""
    word = "poging" if attempts == 1 else "pogingen"
    return (
        f"De uitwerking komt vrij na een goed antwoord of na {max_attempts} pogingen "
        f"(je hebt nu {attempts} {word}). Probeer eerst een hint."
    )
