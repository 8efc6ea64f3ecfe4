"""Confrontatiematrix builder: SWOT lists in, scored matrix with totals and strategic issues out.

The student types 2–5 sterkten, zwakten, kansen and bedreigingen (one per line), scores every
internal × external pair 0–3 in a grid of dropdowns, and sees the matrix with row and column
totals, the total per quadrant (offensief, verbeteren, defensief, terugtrekken) and the
strongest combinations as strategic issues. All logic lives in
:mod:`salesbook.ui.calculators.swot_logic`; see there for the scale and the terms.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import ipywidgets as widgets

from salesbook.exceptions import InvalidInputError, SalesbookError
from salesbook.ui.calculators import swot_logic as logic
from salesbook.ui.calculators.base import Calculator, Rows, escape
from salesbook.ui.shared import make

EXAMPLE = {
    "sterkten": (
        "Breed assortiment technische producten",
        "Vaste accountmanager per klant",
        "Levering binnen 24 uur uit eigen magazijn",
    ),
    "zwakten": ("Verouderde webshop", "Weinig klanten in Vlaanderen"),
    "kansen": ("Installateurs zoeken hulp bij verduurzaming", "B2B-klanten bestellen vaker online"),
    "bedreigingen": (
        "Fabrikanten leveren direct aan installateurs",
        "Personeelstekort bij klanten remt projecten",
    ),
}
EXAMPLE_SCORES = {("S1", "O1"): 3, ("S2", "O1"): 2, ("W1", "O2"): 3, ("S2", "T1"): 2}
EXAMPLE_SCORES |= {("S3", "T1"): 1, ("W2", "T1"): 1, ("S3", "O2"): 1}
_SCORE_OPTIONS = [(str(s), s) for s in logic.SCORES]


class SwotMatrix(Calculator):
    """SWOT confrontatiematrix with a 0–3 score per pair.

    Attributes:
        lists: ``{"sterkten": Textarea, …}``, one item per line.
        rebuild_button: "Matrix bijwerken" (rebuilds the grid after editing the lists).
        grid: ``GridBox`` with one ``Dropdown`` (0–3) per internal × external pair.
        dropdowns: ``{("S1", "O1"): Dropdown, …}``.
        swot: the parsed :class:`~salesbook.ui.calculators.swot_logic.Swot`, or ``None``.
        matrix: the scores with totals (DataFrame), or ``None``.
        issues: the strongest combinations, best first.
    """

    name = "swot"
    title = "Confrontatiematrix (SWOT)"
    intro = (
        "Zet je sterkten, zwakten, kansen en bedreigingen onder elkaar (2 tot 5 van elk, één "
        "per regel) en kies 'Matrix bijwerken'. Geef dan elke combinatie een score: 0 = geen "
        "verband, 1 = zwak, 2 = duidelijk, 3 = sterk verband. Of het om een kans of een "
        "probleem gaat, volgt uit het kwadrant; de score zegt alleen hoe belangrijk de "
        "combinatie is."
    )
    parameters = ("sterkten", "zwakten", "kansen", "bedreigingen", "scores", "top")

    def __init__(
        self,
        sterkten: str | Sequence[str] | None = None,
        zwakten: str | Sequence[str] | None = None,
        kansen: str | Sequence[str] | None = None,
        bedreigingen: str | Sequence[str] | None = None,
        scores: Mapping[tuple[str, str], int] | None = None,
        top: int = 3,
    ) -> None:
        super().__init__()
        given = {"sterkten": sterkten, "zwakten": zwakten, "kansen": kansen}
        given["bedreigingen"] = bedreigingen
        use_example = all(v is None for v in given.values())
        self.top = top
        self.lists: dict[str, widgets.Textarea] = {}
        for kind, value in given.items():
            items = EXAMPLE[kind] if use_example else (value or "")
            area = widgets.Textarea(
                value=items if isinstance(items, str) else "\n".join(items),
                description=kind.capitalize(),
                placeholder="één per regel",
                continuous_update=False,
                style={"description_width": "7.5em"},
                layout=widgets.Layout(width="100%", height="7em"),
            )
            area.add_class(f"salesbook-calc-{kind}")
            area.observe(self.rebuild, names="value")
            self.lists[kind] = area
        self.rebuild_button = widgets.Button(
            description="Matrix bijwerken", icon="table", tooltip="Maak de matrix opnieuw"
        )
        self.rebuild_button.add_class("salesbook-calc-bijwerken")
        self.rebuild_button.on_click(self.rebuild)
        self.grid = widgets.GridBox([])
        self.grid.add_class("salesbook-calc-scores")
        self.dropdowns: dict[tuple[str, str], widgets.Dropdown] = {}
        self.swot: logic.Swot | None = None
        self._list_error: str | None = None
        self.matrix = None
        self.issues: list[logic.Issue] = []
        self._kept: dict[tuple[str, str], int] = {}
        self._building = True
        self.rebuild()
        start = EXAMPLE_SCORES if use_example and scores is None else (scores or {})
        for (row, column), score in start.items():
            self.set_score(row, column, score)
        self._building = False
        lists = widgets.GridBox(
            list(self.lists.values()),
            layout=widgets.Layout(grid_template_columns="1fr 1fr", grid_gap="4px 12px"),
        )
        legend = widgets.HTML("<em>Score: " + ", ".join(
            f"{s} = {label}" for s, label in logic.SCORE_LABELS.items()
        ) + "</em>")  # fmt: skip
        self._assemble([lists, self.rebuild_button, legend, self.grid])

    # --- building the grid ---------------------------------------------------------------
    def rebuild(self, *_args: object) -> None:
        """Read the lists and rebuild the score grid, keeping scores of unchanged pairs."""
        texts = {}
        if self.swot is not None:
            texts = dict(self.swot.internal()) | dict(self.swot.external())
        for (row, column), dropdown in self.dropdowns.items():
            self._kept[(texts[row], texts[column])] = dropdown.value
        try:
            self.swot = logic.make_swot(*(area.value for area in self.lists.values()))
            self._list_error = None
        except SalesbookError as error:
            self.swot, self._list_error = None, str(error)
        self.dropdowns = {}
        self.grid.children = self._grid_cells() if self.swot is not None else []
        if not getattr(self, "_building", False):
            self.update()

    def _grid_cells(self) -> list[widgets.Widget]:
        assert self.swot is not None
        internal, external = self.swot.internal(), self.swot.external()
        cells: list[widgets.Widget] = [make(widgets.HTML, value="")]
        cells += [
            make(widgets.HTML, value=f"<strong>{code}</strong><br><small>{escape(text)}</small>")
            for code, text in external
        ]
        for row, row_text in internal:
            label = f"<strong>{row}</strong> <small>{escape(row_text)}</small>"
            cells.append(make(widgets.HTML, value=label))
            for column, column_text in external:
                dropdown = make(
                    widgets.Dropdown,
                    {"width": "4.5em"},
                    options=_SCORE_OPTIONS,
                    value=self._kept.get((row_text, column_text), 0),
                    tooltip=f"{row} {row_text} × {column} {column_text}",
                )
                dropdown.add_class(f"salesbook-calc-score-{row}-{column}".lower())
                dropdown.observe(self.update, names="value")
                self.dropdowns[(row, column)] = dropdown
                cells.append(dropdown)
        self.grid.layout = widgets.Layout(
            grid_template_columns=f"14em repeat({len(external)}, minmax(6em, 1fr))",
            grid_gap="2px 6px",
        )
        return cells

    def set_score(self, row: str, column: str, score: int) -> None:
        """Give the pair ``row`` × ``column`` (codes such as ``"S1"``, ``"O2"``) a score 0–3.

        Raises:
            InvalidInputError: an unknown pair or a score outside 0–3 (Dutch message).
        """
        key = (str(row).upper(), str(column).upper())
        if key not in self.dropdowns:
            raise InvalidInputError(
                f"De combinatie {row} × {column} staat niet in de matrix. Rijen: "
                f"{', '.join(sorted({r for r, _ in self.dropdowns}))}; kolommen: "
                f"{', '.join(sorted({c for _, c in self.dropdowns}))}."
            )
        if score not in logic.SCORES or isinstance(score, bool):
            raise InvalidInputError(f"Een score is 0, 1, 2 of 3, maar je gaf {score!r}.")
        self.dropdowns[key].value = int(score)

    def scores(self) -> dict[tuple[str, str], int]:
        """The scores as chosen now: ``{("S1", "O1"): 3, …}``."""
        return {key: int(dropdown.value) for key, dropdown in self.dropdowns.items()}

    # --- results ---------------------------------------------------------------------------
    def inputs(self) -> Rows:
        return [(kind.capitalize(), "; ".join(area.value.splitlines()) or "(leeg)")
                for kind, area in self.lists.items()]  # fmt: skip

    def _compute(self) -> None:
        self.matrix, self.issues = None, []
        if self._building:
            return
        if self.swot is None:
            raise InvalidInputError(self._list_error or "De SWOT-lijsten zijn nog leeg.")
        scores = logic.score_matrix(self.swot, self.scores())
        self.matrix = logic.with_totals(scores)
        totals = logic.quadrant_totals(scores)
        self.issues = logic.strongest(self.swot, scores, self.top)
        rows: Rows = [
            (f"{code} · {q.strategy} ({q.action})", logic.points(totals[code]))
            for code, q in logic.QUADRANTS.items()
        ]
        self.notes.append(logic.emphasis_text(totals))
        self.show_rows(rows, self._matrix_html() + self._issues_html())
        self.clear_figure()

    def _matrix_html(self) -> str:
        assert self.matrix is not None
        cell = 'style="text-align:center;padding:2px 8px;border:1px solid #ccc"'
        head = "".join(f"<th {cell}>{escape(c)}</th>" for c in self.matrix.columns)
        body = "".join(
            f"<tr><th {cell}>{escape(r)}</th>"
            + "".join(f"<td {cell}>{int(v)}</td>" for v in self.matrix.loc[r])
            + "</tr>"
            for r in self.matrix.index
        )
        return (
            '<table class="salesbook-calc-confrontatiematrix" style="border-collapse:collapse;'
            f'margin:6px 0"><tr><th {cell}></th>{head}</tr>{body}</table>'
        )

    def _issues_html(self) -> str:
        if not self.issues:
            return ""
        items = "".join(f"<li>{escape(issue.suggestion())}</li>" for issue in self.issues)
        return (
            "<p>Strategische issues (hoogste scores):</p>"
            f'<ol class="salesbook-calc-issues">{items}</ol>'
        )

    def extra_markdown(self) -> list[str]:
        if self.matrix is None:
            return []
        columns = list(self.matrix.columns)
        lines = ["", "| | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
        for r in self.matrix.index:
            lines.append(f"| {r} | " + " | ".join(str(int(v)) for v in self.matrix.loc[r]) + " |")
        if self.issues:
            lines += ["", "Strategische issues (hoogste scores):"]
            lines += [f"{i}. {issue.suggestion()}" for i, issue in enumerate(self.issues, 1)]
        return lines
