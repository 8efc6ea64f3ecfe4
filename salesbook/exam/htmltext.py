"""Markdown (and the little LaTeX the banks use) to safe HTML for printable pages.

Rendering is done by ``mistune`` (installed with nbconvert) with ``escape=True``: raw HTML in a
question or a student's text is shown as text, never as markup. Links are printed as text with
the address after it and images as their description, so the page loads nothing from outside
and reads well on paper. Formulas between ``$…$`` become plain text with ``<sub>``/``<sup>``
(``\\bar{x}`` → x̄, ``\\cdot`` → ·), because a printable page has no MathJax.
"""

from __future__ import annotations

import html
import re
from typing import Any

import mistune

_MATH = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+?)\$", re.S)
_SYMBOLS = {
    r"\cdot": "·",
    r"\times": "×",
    r"\approx": "≈",
    r"\leq": "≤",
    r"\geq": "≥",
    r"\le": "≤",
    r"\ge": "≥",
    r"\neq": "≠",
    r"\sum": "Σ",
    r"\alpha": "α",
    r"\beta": "β",
    r"\Delta": "Δ",
    r"\%": "%",
    r"\,": " ",
    r"\left": "",
    r"\right": "",
}
_TOKEN = "ZZMATHTOKEN{}ZZ"


def math_to_html(tex: str) -> str:
    """A simple LaTeX formula as readable, escaped HTML text."""
    text = tex.replace("{,}", ",")
    text = re.sub(r"\\bar\{([^{}]*)\}", lambda m: m.group(1) + "\u0304", text)
    text = re.sub(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", r"(\1) / (\2)", text)
    text = re.sub(r"\\(?:text|mathrm)\{([^{}]*)\}", r"\1", text)
    for command in sorted(_SYMBOLS, key=len, reverse=True):
        text = text.replace(command, _SYMBOLS[command])
    escaped = html.escape(text, quote=False)
    escaped = re.sub(
        r"_\{([^{}]*)\}|_(\w)", lambda m: f"<sub>{m.group(1) or m.group(2)}</sub>", escaped
    )
    escaped = re.sub(
        r"\^\{([^{}]*)\}|\^(\w)", lambda m: f"<sup>{m.group(1) or m.group(2)}</sup>", escaped
    )
    return escaped.replace("{", "").replace("}", "").replace("\\", "")


class _PrintRenderer(mistune.HTMLRenderer):
    """HTML renderer without outgoing links or images (print-friendly, offline)."""

    def link(self, text: str, url: str, title: str | None = None) -> str:
        address = html.escape(url)
        if text.strip() == address:
            return f'<span class="adres">{address}</span>'
        return f'{text} <span class="adres">({address})</span>'

    def image(self, text: str, url: str, title: str | None = None) -> str:
        return f'<span class="afbeelding">[{html.escape(text or "afbeelding")}]</span>'


_render: Any = mistune.create_markdown(
    escape=True, renderer=_PrintRenderer(escape=True), plugins=["table", "strikethrough"]
)


def markdown_html(text: str) -> str:
    """Markdown to safe, offline HTML (raw HTML escaped, links as text, formulas as text)."""
    formulas: list[str] = []

    def keep(match: re.Match[str]) -> str:
        formulas.append(math_to_html(match.group(1) or match.group(2)))
        return _TOKEN.format(len(formulas) - 1)

    rendered = str(_render(_MATH.sub(keep, text)))
    for index, formula in enumerate(formulas):
        rendered = rendered.replace(_TOKEN.format(index), f'<span class="formule">{formula}</span>')
    return rendered.strip()


def text_html(text: str) -> str:
    """Plain text as escaped HTML (no Markdown)."""
    return html.escape(text)
