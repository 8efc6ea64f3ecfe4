"""Formule van Franke: how many field sales representatives the visits need.

``benodigde uren = klanten × bezoekfrequentie × (bezoekduur + reistijd + wachttijd) / 60`` and
``aantal verkopers = benodigde uren / beschikbare uren per verkoper``, rounded **up** (an exact
whole number stays): :func:`salesbook.calc.franke`. With A-, B- and C-klanten the hours of the
groups are added first and only the total is divided and rounded
(:func:`salesbook.calc.franke_groups`, table from :func:`salesbook.calc.franke_group_table`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as widgets

from salesbook.calc import CustomerGroup, FrankeResult, franke, franke_group_table, franke_groups
from salesbook.calc._rounding import exact, snap
from salesbook.exceptions import NumberFormatError
from salesbook.notation import format_number, parse_number
from salesbook.ui.calculators.base import Calculator, Rows, escape, short_number
from salesbook.ui.calculators.fields import NumberField, require_readable
from salesbook.ui.shared import make

if TYPE_CHECKING:
    import pandas as pd

#: Columns of the group grid: (CustomerGroup field, Dutch header).
GROUP_COLUMNS = (
    ("customers", "Klanten"),
    ("visits_per_year", "Bezoeken per jaar"),
    ("visit_minutes", "Bezoekduur (min)"),
    ("travel_minutes", "Reistijd (min)"),
    ("waiting_minutes", "Wachttijd (min)"),
)
#: Starting values for A-, B- and C-klanten (in the order of GROUP_COLUMNS).
DEFAULT_GROUPS = {
    "A-klanten": (50, 24, 90, 45, 15),
    "B-klanten": (150, 12, 60, 45, 15),
    "C-klanten": (300, 4, 45, 45, 15),
}
_TABLE_COLUMNS = ("klanten", "bezoeken per jaar", "minuten per bezoek", "bezoeken totaal", "uren")


def rounding_text(result: FrankeResult) -> str:
    """One Dutch sentence explaining the rounding of the number of representatives."""
    hours = short_number(result.hours)
    available = short_number(result.available_hours_per_rep)
    ratio = f"{hours} / {available} = {short_number(result.exact)}"
    if snap(exact(result.exact)) == result.reps:
        return f"{ratio}: precies {result.reps} verkopers, afronden is niet nodig."
    return (
        f"{ratio}: naar boven afronden, want met {result.reps - 1} verkopers blijven er "
        f"bezoeken liggen. Je hebt dus {result.reps} verkopers nodig."
    )


class FrankeCalculator(Calculator):
    """Omvang van de buitendienst with the formule van Franke, for one group or A/B/C.

    Attributes:
        mode: ``ToggleButtons``: ``"een"`` (one customer group) or ``"abc"``.
        customers, frequency, visit, travel, waiting: :class:`NumberField` inputs of the
            single group; ``available``: beschikbare uren per verkoper (both modes).
        group_inputs: ``{"A-klanten": {"customers": Text, …}, …}`` for the A/B/C mode.
        result_value: the latest :class:`~salesbook.calc.FrankeResult`, or ``None``.
    """

    name = "franke"
    title = "Formule van Franke: omvang van de buitendienst"
    intro = (
        "Hoeveel verkopers zijn nodig om alle klanten te bezoeken? Benodigde uren = klanten × "
        "bezoeken per jaar × (bezoekduur + reistijd + wachttijd) / 60; aantal verkopers = "
        "benodigde uren / beschikbare uren per verkoper, naar boven afgerond."
    )
    parameters = (
        "klanten", "bezoekfrequentie", "bezoekduur", "reistijd", "wachttijd",
        "beschikbare_uren", "groepen",
    )  # fmt: skip

    def __init__(
        self,
        klanten: int = 500,
        bezoekfrequentie: float = 12,
        bezoekduur: float = 60,
        reistijd: float = 45,
        wachttijd: float = 15,
        beschikbare_uren: float = 1_600,
        groepen: dict[str, tuple[float, float, float, float, float]] | None = None,
    ) -> None:
        super().__init__()
        self.mode = widgets.ToggleButtons(
            options=[("Eén klantgroep", "een"), ("A-, B- en C-klanten", "abc")],
            value="abc" if groepen else "een",
            description="Klanten",
            tooltips=["Alle klanten even vaak en even lang bezoeken", "Per klantgroep"],
        )
        self.mode.add_class("salesbook-calc-modus")

        def field(label: str, value: float, top: float, step: float, css: str) -> NumberField:
            return NumberField(
                label, value, minimum=0, maximum=top, step=step, kind="number",
                css=f"salesbook-calc-{css}",
            )  # fmt: skip

        self.customers = field("Aantal klanten", klanten, 2_000, 10, "klanten")
        self.frequency = field("Bezoeken per klant per jaar", bezoekfrequentie, 52, 0.5, "freq")
        self.visit = field("Bezoekduur (minuten)", bezoekduur, 240, 5, "bezoekduur")
        self.travel = field("Reistijd per bezoek (minuten)", reistijd, 240, 5, "reistijd")
        self.waiting = field("Wachttijd per bezoek (minuten)", wachttijd, 120, 5, "wachttijd")
        self.available = field(
            "Beschikbare uren per verkoper per jaar", beschikbare_uren, 2_000, 10, "uren"
        )
        self.single_fields = (self.customers, self.frequency, self.visit, self.travel)
        self.single_fields += (self.waiting,)
        self.group_inputs: dict[str, dict[str, widgets.Text]] = {}
        self.single_box = widgets.VBox([f.box for f in self.single_fields])
        self.group_box = self._group_grid(groepen or DEFAULT_GROUPS)
        self.result_value: FrankeResult | None = None
        self.groups_table: list[dict[str, str]] = []
        for number_field in (*self.single_fields, self.available):
            number_field.observe(self.update)
        self.mode.observe(self.update, names="value")
        self._assemble([self.mode, self.single_box, self.group_box, self.available.box])

    def _group_grid(self, groups: dict[str, tuple[float, ...]]) -> widgets.GridBox:
        cells: list[widgets.Widget] = [widgets.HTML("<strong>Groep</strong>")]
        cells += [widgets.HTML(f"<strong>{escape(h)}</strong>") for _, h in GROUP_COLUMNS]
        for group, values in groups.items():
            cells.append(widgets.HTML(escape(group)))
            self.group_inputs[group] = {}
            for (key, header), value in zip(GROUP_COLUMNS, values, strict=True):
                text = make(
                    widgets.Text,
                    {"width": "8em"},
                    value=short_number(value),
                    continuous_update=False,
                    tooltip=f"{group}: {header.lower()}",
                )
                text.add_class("salesbook-calc-groep-invoer")
                text.observe(self.update, names="value")
                self.group_inputs[group][key] = text
                cells.append(text)
        grid = widgets.GridBox(
            cells, layout=widgets.Layout(grid_template_columns="8em repeat(5, 9em)")
        )
        grid.add_class("salesbook-calc-groepen")
        return grid

    def groups(self) -> list[CustomerGroup]:
        """The A/B/C groups as typed.

        Raises:
            NumberFormatError: a box holds no readable number (the message names it).
        """
        result = []
        for group, texts in self.group_inputs.items():
            values = {}
            for key, header in GROUP_COLUMNS:
                try:
                    values[key] = parse_number(texts[key].value)
                except NumberFormatError as error:
                    raise NumberFormatError(f"{group}, {header.lower()}: {error}") from None
            result.append(CustomerGroup(name=group, **values))
        return result

    def inputs(self) -> Rows:
        if self.mode.value == "abc":
            rows = [
                (f"{group}, {header.lower()}", texts[key].value)
                for group, texts in self.group_inputs.items()
                for key, header in GROUP_COLUMNS
            ]
        else:
            rows = [(f.label, f.described()) for f in self.single_fields]
        return [*rows, (self.available.label, self.available.described())]

    def _compute(self) -> None:
        by_group = self.mode.value == "abc"
        self.single_box.layout.display = "none" if by_group else None
        self.group_box.layout.display = None if by_group else "none"
        self.groups_table = []
        self.result_value = None
        extra = ""
        if by_group:
            require_readable([self.available])
            groups = self.groups()
            result = franke_groups(groups, self.available.value)
            extra = self._table_html(franke_group_table(groups))
        else:
            require_readable([*self.single_fields, self.available])
            values = [f.value for f in self.single_fields]
            result = franke(*values, self.available.value)
        self.result_value = result
        self.notes.append(rounding_text(result))
        self.show_rows(
            [
                ("Benodigde uren per jaar", f"{short_number(result.hours)} uur"),
                ("Aantal verkopers, exact", short_number(result.exact)),
                ("Aantal verkopers, afgerond", format_number(result.reps, 0)),
            ],
            extra,
        )
        self.clear_figure()

    def _table_html(self, table: pd.DataFrame) -> str:
        cell = 'style="text-align:right;padding:1px 8px"'
        head = f"<th {cell}>groep</th>" + "".join(f"<th {cell}>{c}</th>" for c in _TABLE_COLUMNS)
        body = ""
        for group, row in table.iterrows():
            texts = {"groep": str(group)} | {c: short_number(row[c]) for c in _TABLE_COLUMNS}
            self.groups_table.append(texts)
            body += "<tr>" + "".join(f"<td {cell}>{escape(t)}</td>" for t in texts.values())
            body += "</tr>"
        return (
            '<table class="salesbook-calc-franke-groepen" style="border-collapse:collapse;'
            f'margin-top:6px"><tr>{head}</tr>{body}</table>'
        )

    def extra_markdown(self) -> list[str]:
        if not self.groups_table:
            return []
        lines = ["", "| groep | " + " | ".join(_TABLE_COLUMNS) + " |", "|---" * 6 + "|"]
        lines += ["| " + " | ".join(row.values()) + " |" for row in self.groups_table]
        return lines
