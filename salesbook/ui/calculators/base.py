"""What every calculator shares: result area, live chart as PNG, Dutch errors, text fallback.

A calculator is a box of input widgets plus two outputs that hold *state only* (no
``ipywidgets.Output``, which breaks nbval): an ``HTML`` widget with the results in Dutch
notation and an ``Image`` widget with the latest chart rendered to PNG bytes. The last
:class:`~matplotlib.figure.Figure` stays on :attr:`Calculator.figure`, so tests can read its
plotted data.

Every number shown comes from :mod:`salesbook.calc` and every chart from
:mod:`salesbook.charts`; a calculator only reads its inputs, calls them and shows the answer.
Input for which no answer exists shows the calc's Dutch message in the result area; it never
raises out of a widget callback.

Displayed as a cell's last expression, a calculator gives the widget plus readable
``text/plain``, ``text/markdown`` and ``text/html`` (title, what it does, current inputs and
results): deterministic text for nbconvert and nbval.
"""

from __future__ import annotations

import html
from io import BytesIO
from typing import Any, ClassVar

import ipywidgets as widgets
from matplotlib.figure import Figure

from salesbook.exceptions import SalesbookError
from salesbook.notation import format_number

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
#: Resolution of the live chart; the course figures are 9 × 5,5 inch, so 80 dpi is 720 px.
CHART_DPI = 80
_ALERT_COLOUR = "#D55E00"
_BORDER_COLOUR = "#0072B2"

Rows = list[tuple[str, str]]


def escape(text: object) -> str:
    """Text safe to put inside HTML (student input can hold ``<`` or ``&``)."""
    return html.escape(str(text), quote=True)


def short_number(value: float) -> str:
    """At most two decimals, no trailing zeros: ``5000.0`` → ``"5.000"``, ``7.5`` → ``"7,5"``."""
    text = format_number(value, 2)
    return text.rstrip("0").rstrip(",") if "," in text else text


def figure_png(figure: Figure, dpi: int = CHART_DPI) -> bytes:
    """Render a figure to PNG bytes (for an ``ipywidgets.Image``)."""
    buffer = BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def rows_html(rows: Rows, css: str = "salesbook-calc-tabel") -> str:
    """A two-column table: label and value (both escaped)."""
    body = "".join(
        f'<tr><th scope="row" style="text-align:left;padding:2px 14px 2px 0;font-weight:normal">'
        f"{escape(label)}</th>"
        f'<td style="text-align:right;padding:2px 0"><strong>{escape(value)}</strong></td></tr>'
        for label, value in rows
    )
    return f'<table class="{css}" style="border-collapse:collapse">{body}</table>'


def error_html(message: str) -> str:
    """A Dutch message in an alert box (icon and word, not colour alone)."""
    return (
        f'<div role="alert" class="salesbook-calc-fout" style="border-left:5px solid '
        f'{_ALERT_COLOUR};padding:4px 10px"><strong>✘ Dit kan niet berekend worden.</strong> '
        f"{escape(message)}</div>"
    )


def note_html(text: str) -> str:
    """A short explanatory line under the results."""
    return f'<p class="salesbook-calc-toelichting" style="margin:6px 0">{escape(text)}</p>'


def bullets(rows: Rows) -> list[str]:
    """``label: value`` lines for the text fallback."""
    return [f"- {label}: {value}" for label, value in rows]


class Calculator:
    """Base class: subclasses build their inputs and implement :meth:`_compute`.

    Attributes:
        box: the whole calculator (a ``VBox`` with CSS classes ``salesbook-calculator`` and
            ``salesbook-calc-<name>``).
        result: ``HTML`` widget with the results or the Dutch error message.
        chart: ``Image`` widget with the latest chart (hidden when there is none).
        figure: the latest chart's Figure, or ``None``.
        error: the Dutch error message shown now, or ``None``.
        rows: the results shown now as (label, value) pairs in Dutch notation.
        notes: extra Dutch sentences shown under the results.
    """

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    intro: ClassVar[str] = ""
    #: keyword arguments accepted by :func:`salesbook.ui.calculators.open_calculator`
    parameters: ClassVar[tuple[str, ...]] = ()

    def __init__(self) -> None:
        self.result = widgets.HTML("")
        self.result.add_class("salesbook-calc-resultaat")
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="100%"))
        self.chart.layout.max_width = "760px"
        self.chart.layout.display = "none"
        self.chart.add_class("salesbook-calc-grafiek")
        self.figure: Figure | None = None
        self.error: str | None = None
        self.rows: Rows = []
        self.notes: list[str] = []
        self.box = widgets.VBox([])

    # --- to be provided by each calculator ----------------------------------------------
    def _compute(self) -> None:
        """Read the inputs, call salesbook.calc/charts, show the results (may raise)."""
        raise NotImplementedError

    def inputs(self) -> Rows:
        """The current inputs as (label, value) pairs in Dutch notation."""
        raise NotImplementedError

    def extra_markdown(self) -> list[str]:
        """Extra Markdown blocks for the text fallback (tables, suggestions)."""
        return []

    # --- shared --------------------------------------------------------------------------
    def _assemble(self, controls: list[widgets.Widget], *, body_only: bool = False) -> None:
        """Put header, controls, result and chart in :attr:`box` and compute once.

        With ``body_only`` the controls already hold :attr:`result` and :attr:`chart`.
        """
        header = widgets.HTML(
            f'<h3 style="margin:4px 0">{escape(self.title)}</h3>'
            f'<p style="margin:2px 0 8px 0">{escape(self.intro)}</p>'
        )
        header.add_class("salesbook-calc-kop")
        outputs = () if body_only else (self.result, self.chart)
        self.box.children = (header, *controls, *outputs)
        self.box.layout = widgets.Layout(width="100%", max_width="820px")
        self.box.add_class("salesbook-calculator")
        self.box.add_class(f"salesbook-calc-{self.name}")
        self.update()

    def update(self, *_args: Any) -> None:
        """Recompute and show; a Dutch message instead of a traceback on impossible input."""
        self.notes = []
        try:
            self._compute()
        except SalesbookError as error:
            self.show_error(str(error))
        except Exception as error:  # a bug: say so in Dutch, and keep it visible for tests
            self.show_error(f"Er ging iets mis in de rekenhulp: {error!s:.300}")
            raise
        else:
            self.error = None

    def show_error(self, message: str) -> None:
        """Show a Dutch message instead of results and hide the (now stale) chart."""
        self.error = message
        self.rows = []
        self.result.value = error_html(message)
        self.clear_figure()

    def show_rows(self, rows: Rows, extra_html: str = "") -> None:
        """Show results as a table, followed by the notes and any extra HTML."""
        self.rows = rows
        notes = "".join(note_html(note) for note in self.notes)
        self.result.value = (
            f'<div style="border-left:5px solid {_BORDER_COLOUR};padding:4px 10px">'
            f"{rows_html(rows)}{notes}{extra_html}</div>"
        )

    def show_figure(self, figure: Figure) -> None:
        """Keep the figure and show it as PNG in :attr:`chart`."""
        self.figure = figure
        self.chart.value = figure_png(figure)
        self.chart.layout.display = None

    def clear_figure(self) -> None:
        """No chart for the current input."""
        self.figure = None
        self.chart.layout.display = "none"

    # --- text fallback -------------------------------------------------------------------
    def markdown(self) -> str:
        """What the calculator does, its inputs and its current result, as Markdown."""
        parts = [f"**Rekenhulp: {self.title}**", self.intro, "Invoer:", *bullets(self.inputs())]
        if self.error is not None:
            parts += ["Uitkomst: dit kan niet berekend worden.", self.error]
        else:
            parts += ["Uitkomst:", *bullets(self.rows), *self.notes, *self.extra_markdown()]
        parts.append(
            "Zie je geen invoervelden? Voer de cel uit in JupyterLab of Jupyter Notebook om met "
            "de rekenhulp te werken."
        )
        return "\n".join(parts)

    def plain_text(self) -> str:
        """The Markdown fallback without emphasis markers."""
        return self.markdown().replace("**", "")

    def html_text(self) -> str:
        """The fallback as simple HTML (for nbconvert without a widget renderer)."""
        lines = [f"<p><strong>Rekenhulp: {escape(self.title)}</strong></p>"]
        lines.append(f"<p>{escape(self.intro)}</p>")
        lines.append(f"<p>Invoer:</p>{rows_html(self.inputs())}")
        if self.error is not None:
            lines.append(error_html(self.error))
        else:
            lines.append(f"<p>Uitkomst:</p>{rows_html(self.rows)}")
            lines += [note_html(note) for note in self.notes]
        return f'<div class="salesbook-calc-tekst">{"".join(lines)}</div>'

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """The widget plus readable text for frontends without widgets."""
        return {
            WIDGET_MIME: {"version_major": 2, "version_minor": 0, "model_id": self.box.model_id},
            "text/plain": self.plain_text(),
            "text/markdown": self.markdown(),
            "text/html": self.html_text(),
        }

    def __repr__(self) -> str:
        return self.plain_text()
