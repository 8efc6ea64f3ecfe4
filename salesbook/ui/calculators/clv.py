"""Customer lifetime value calculator: margin, retention, discount rate and horizon.

Formulas from :mod:`salesbook.calc.clv` (convention: the margin of year ``t`` arrives at the
end of year ``t``, counts with probability ``r^t`` and is discounted by ``(1 + d)^t``):

* over ``T`` years: :func:`~salesbook.calc.clv_finite`, ``Σ_{t=1..T} m · r^t / (1 + d)^t``;
* onbeperkt: :func:`~salesbook.calc.clv_infinite`, ``m · r / (1 + d − r)``;
* onbeperkt plus the current year's margin: :func:`~salesbook.calc.clv_infinite_with_first_year`.

The table's yearly contribution is ``clv_finite(t) − clv_finite(t − 1)``: the discounted
margin of year ``t`` exactly as the calc sums it. Retention and discount rate are shown as
percentages and passed to calc as fractions.
"""

from __future__ import annotations

import ipywidgets as widgets

from salesbook.calc import clv_finite, clv_infinite, clv_infinite_with_first_year
from salesbook.exceptions import InvalidInputError
from salesbook.notation import format_money, format_number
from salesbook.ui.calculators.base import Calculator, Rows, escape
from salesbook.ui.calculators.fields import NumberField, as_percentage, require_readable

#: The yearly table shows at most this many years (the sum is always over all years).
MAX_TABLE_YEARS = 30
#: With an unlimited horizon the table shows the first years only.
INFINITE_TABLE_YEARS = 10


class ClvCalculator(Calculator):
    """Customer lifetime value with a table of the yearly discounted contributions.

    Attributes:
        margin, retention, discount, years: :class:`NumberField` inputs (marge per jaar in
            euro; retentie and disconteringsvoet in %; looptijd in jaren).
        unlimited: ``Checkbox`` for an unlimited horizon (oneindig).
        table: the yearly contributions shown now as (jaar, bijdrage, cumulatief) texts.
    """

    name = "clv"
    title = "Customer lifetime value (CLV)"
    intro = (
        "De klantwaarde over de hele relatie: de marge per jaar, maal de kans dat de klant er "
        "nog is (retentie), teruggerekend naar nu met de disconteringsvoet. Kies een looptijd "
        "in jaren of een onbeperkte looptijd."
    )
    parameters = ("marge", "retentie", "disconteringsvoet", "jaren", "oneindig")

    def __init__(
        self,
        marge: float = 1_000,
        retentie: float = 0.8,
        disconteringsvoet: float = 0.1,
        jaren: int = 5,
        oneindig: bool = False,
    ) -> None:
        super().__init__()
        self.margin = NumberField(
            "Marge per klant per jaar", marge, minimum=0, maximum=10_000, step=50,
            kind="money", css="salesbook-calc-marge",
        )  # fmt: skip
        self.retention = NumberField(
            "Retentie per jaar", as_percentage(retentie), minimum=0, maximum=100, step=1,
            kind="percent", css="salesbook-calc-retentie",
        )  # fmt: skip
        self.discount = NumberField(
            "Disconteringsvoet per jaar", as_percentage(disconteringsvoet), minimum=0, maximum=30,
            step=0.5, kind="percent", css="salesbook-calc-disconteringsvoet",
        )  # fmt: skip
        self.years = NumberField(
            "Looptijd (jaren)", jaren, minimum=1, maximum=MAX_TABLE_YEARS, step=1,
            kind="count", css="salesbook-calc-jaren",
        )  # fmt: skip
        self.unlimited = widgets.Checkbox(
            value=bool(oneindig), description="Onbeperkte looptijd (oneindig)", indent=False
        )
        self.unlimited.add_class("salesbook-calc-oneindig")
        self.fields = (self.margin, self.retention, self.discount, self.years)
        self.table: list[tuple[str, str, str]] = []
        for field in self.fields:
            field.observe(self.update)
        self.unlimited.observe(self.update, names="value")
        self._assemble([*(f.box for f in self.fields), self.unlimited])

    def inputs(self) -> Rows:
        rows = [(field.label, field.described()) for field in self.fields]
        rows.append(("Onbeperkte looptijd", "ja" if self.unlimited.value else "nee"))
        return rows

    def _rates(self) -> tuple[float, float]:
        for field in (self.retention, self.discount):
            if not 0 <= field.value <= 100:
                raise InvalidInputError(
                    f"{field.label} moet tussen 0% en 100% liggen, maar is {field.shown()}."
                )
        return self.retention.value / 100, self.discount.value / 100

    def _compute(self) -> None:
        require_readable(self.fields)
        m = self.margin.value
        r, d = self._rates()
        finite = clv_finite(m, r, d, self.years.value)  # checks: a whole number of years
        years = int(self.years.value)
        unlimited = self.unlimited.value
        self.years.slider.disabled = unlimited
        self.years.text.disabled = unlimited
        rows: Rows = [(f"CLV over {format_number(years, 0)} jaar", format_money(finite))]
        try:
            infinite = format_money(clv_infinite(m, r, d))
            with_now = format_money(clv_infinite_with_first_year(m, r, d))
        except InvalidInputError as error:
            infinite = with_now = "oneindig"
            self.notes.append(str(error))
        rows.append(("CLV bij onbeperkte looptijd", infinite))
        self.notes.append(
            "Tel je de marge van het lopende jaar er ook bij (nu, zeker, niet verdisconteerd), "
            f"dan is de CLV bij onbeperkte looptijd {with_now}."
        )
        shown = INFINITE_TABLE_YEARS if unlimited else min(years, MAX_TABLE_YEARS)
        if not unlimited and years > MAX_TABLE_YEARS:
            self.notes.append(
                f"De tabel toont de eerste {MAX_TABLE_YEARS} jaar; de CLV telt alle jaren mee."
            )
        self.table = []
        previous = 0.0
        for year in range(1, shown + 1):
            total = clv_finite(m, r, d, year)
            self.table.append((str(year), format_money(total - previous), format_money(total)))
            previous = total
        self.show_rows(rows, self._table_html(unlimited))
        self.clear_figure()

    def _table_html(self, unlimited: bool) -> str:
        cell = 'style="text-align:right;padding:1px 10px"'
        head = (
            f"<tr><th {cell}>Jaar</th><th {cell}>Bijdrage (contante waarde)</th>"
            f"<th {cell}>Cumulatief</th></tr>"
        )
        body = "".join(
            "<tr>" + "".join(f"<td {cell}>{escape(text)}</td>" for text in row) + "</tr>"
            for row in self.table
        )
        more = f"<tr><td {cell}>…</td><td {cell}>…</td><td {cell}>…</td></tr>" if unlimited else ""
        caption = "Bijdrage per jaar: marge × kans dat de klant er nog is, teruggerekend naar nu"
        return (
            '<table class="salesbook-calc-clv-jaren" '
            'style="border-collapse:collapse;margin-top:6px">'
            f'<caption style="text-align:left">{caption}</caption>{head}{body}{more}</table>'
        )

    def extra_markdown(self) -> list[str]:
        lines = ["", "| Jaar | Bijdrage (contante waarde) | Cumulatief |", "|---:|---:|---:|"]
        lines += [f"| {y} | {a} | {c} |" for y, a, c in self.table]
        if self.unlimited.value:
            lines.append("| … | … | … |")
        return lines
