"""A readable question without widgets: for nbconvert HTML, a terminal IPython, GitHub.

A question view's display bundle holds the widget **and** these renderings. A frontend that
can show the widget does so; one that cannot (no widget state, no widget manager) falls back
to ``text/html``, ``text/markdown`` or ``text/plain``. The text also says how to answer in
code, which works everywhere.
"""

from __future__ import annotations

import string
from typing import TYPE_CHECKING

from salesbook.ui.feedback import points_text
from salesbook.ui.markdown import to_html, to_plain

if TYPE_CHECKING:
    from salesbook.quiz import Question

LETTERS = string.ascii_uppercase

_TYPE_NAMES = {
    "single_choice": "meerkeuzevraag (één antwoord)",
    "multiple_choice": "meerkeuzevraag (meer antwoorden mogelijk)",
    "numeric": "rekenvraag",
    "ordering": "volgordevraag",
    "matching": "koppelvraag",
    "classification": "indeelvraag",
    "open": "open vraag",
}


def _how(question: Question, order: list[str]) -> tuple[list[str], str]:
    """Lines that list what can be chosen, and a template for answering in code.

    Templates use placeholders (``"X"``, ``"…"``), never a real option or number, so that an
    example can never be read as a hint.
    """
    kind = question.type
    if kind in ("single_choice", "multiple_choice"):
        lines = [f"- **{LETTERS[i]}.** {o.text}" for i, o in enumerate(question.options)]
        if kind == "single_choice":
            return lines, '"X")  # X = de letter van jouw keuze'
        return lines, '["X", "Y"])  # de letters van al jouw keuzes'
    if kind == "numeric":
        unit = question.unit
        lines = [f"Eenheid: {unit}"] if unit else []
        return lines, '"…")  # jouw getal, bijvoorbeeld in de vorm 1.250,5'
    if kind == "ordering":
        lines = [f"- {item}" for item in order]
        return lines, '["…", "…", …])  # de onderdelen in jouw volgorde'
    if kind == "matching":
        rights = sorted(p.right for p in question.pairs)
        lines = [f"- {p.left}" for p in question.pairs]
        lines += ["", "Kies uit:", *[f"- {right}" for right in rights]]
        return lines, '{"links": "rechts", …})  # elk linkerdeel met zijn rechterdeel'
    if kind == "classification":
        lines = [f"- {item.text}" for item in question.items]
        lines += ["", "Categorieën: " + "; ".join(question.categories)]
        return lines, '{"onderdeel": "categorie", …})  # elk onderdeel met zijn categorie'
    return [], '"Jouw antwoord in een paar zinnen.")'


def question_markdown(question: Question, order: list[str] | None = None) -> str:
    """The question as Markdown, ending with how to answer it in code.

    Args:
        question: the (instantiated) question.
        order: for an ordering question, the items in the order shown (shuffled).
    """
    noun = "punt" if question.points == 1 else "punten"
    head = (
        f"**Vraag {question.id}** · {_TYPE_NAMES[question.type]} · "
        f"{points_text(question.points)} {noun}"
    )
    lines, example = _how(question, order or [])
    code = f'v = wb.vraag("{question.id}")\nv.antwoord({example}'
    parts = [
        head,
        question.prompt.strip(),
        "\n".join(lines),
        "Zie je geen knoppen? Geef je antwoord dan in code:",
        f"```python\n{code}\n```",
    ]
    return "\n\n".join(part for part in parts if part)


def question_html(question: Question, order: list[str] | None = None) -> str:
    """The Markdown fallback as HTML (code block as ``<pre>``)."""
    markdown = question_markdown(question, order)
    body, _, code = markdown.partition("```python\n")
    code = code.removesuffix("\n```")
    escaped = code.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (
        f'<div class="salesbook-vraag-tekst">{to_html(body)}<pre><code>{escaped}</code></pre></div>'
    )


def question_plain(question: Question, order: list[str] | None = None) -> str:
    """The Markdown fallback as plain text (for a terminal)."""
    markdown = question_markdown(question, order).replace("```python\n", "").replace("\n```", "")
    return to_plain(markdown)
