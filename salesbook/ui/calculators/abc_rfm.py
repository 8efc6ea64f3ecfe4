"""ABC and RFM explorer on the course data set (or on revenue and RFM data passed in).

ABC tab: revenue per customer for the chosen year (:func:`salesbook.data.analyses.customer_abc`
on the course tables, or a revenue Series you pass), classified with
:func:`salesbook.calc.abc_classes` at the chosen A and B limits (C is the rest), summarised
with :func:`salesbook.calc.abc_summary` and drawn with :func:`salesbook.charts.pareto_chart`.

RFM tab: scores and segments per customer (:func:`salesbook.data.analyses.rfm_table`, or
:func:`salesbook.calc.rfm_scores` and :func:`salesbook.calc.rfm_segments` on a table with
``recency_days``, ``frequency`` and ``monetary``), the number of customers per segment and
:func:`salesbook.charts.rfm_heatmap`.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from salesbook.calc import abc_classes, abc_summary, rfm_scores, rfm_segments
from salesbook.calc.rfm import SEGMENTS
from salesbook.charts import pareto_chart, rfm_heatmap
from salesbook.exceptions import InvalidInputError, SalesbookError
from salesbook.notation import format_money, format_number, format_percentage
from salesbook.ui.calculators.base import Calculator, Rows, error_html, escape, figure_png
from salesbook.ui.calculators.fields import NumberField, as_percentage, require_readable

ALL_YEARS = "alle"


class AbcRfmExplorer(Calculator):
    """ABC analysis with adjustable limits and year, plus an RFM view (two tabs).

    Attributes:
        year: ``Dropdown`` with the years of the orders and ``"alle"`` (hidden when a
            revenue Series was passed in).
        limit_a, limit_b: :class:`NumberField` percentages of revenue for A and B.
        summary: the latest :func:`~salesbook.calc.abc_summary` DataFrame, or ``None``.
        rfm_value: ``Dropdown`` for the heatmap colour: number of customers or mean revenue.
        rfm_result, rfm_chart, rfm_figure, rfm_error: the RFM tab's output.
        segment_counts: customers per RFM segment (best segment first), or ``None``.
        tabs: the ``Tab`` widget ("ABC-analyse", "RFM-analyse").
    """

    name = "abc"
    title = "Klantanalyse: ABC (20/80-regel) en RFM"
    intro = (
        "Verschuif de grenzen voor A-klanten en B-klanten (C is de rest) en kies een jaar: je "
        "ziet hoeveel klanten in elke klasse vallen en welk deel van de omzet ze brengen. Het "
        "tabblad RFM-analyse deelt de klanten in op recency, frequency en monetary value."
    )
    parameters = ("jaar", "grens_a", "grens_b", "omzet", "rfm", "orders", "klanten")

    def __init__(
        self,
        jaar: int | str | None = 2024,
        grens_a: float = 0.80,
        grens_b: float = 0.15,
        omzet: pd.Series | None = None,
        rfm: pd.DataFrame | None = None,
        orders: pd.DataFrame | None = None,
        klanten: pd.DataFrame | None = None,
    ) -> None:
        super().__init__()
        self._given_revenue = None if omzet is None else pd.Series(omzet)
        self._given_rfm = rfm
        self._tables = (orders, klanten)
        self._revenue: dict[object, pd.Series] = {}
        self._load_error: str | None = None
        years = self._years() if self._given_revenue is None else []
        options = [(str(y), y) for y in years] + [("2022–2024 samen", ALL_YEARS)]
        chosen = ALL_YEARS if jaar is None else jaar
        self.year = widgets.Dropdown(
            options=options,
            value=chosen if chosen in [v for _, v in options] else options[-1][1],
            description="Jaar",
        )
        self.year.add_class("salesbook-calc-jaar")
        self.year.layout.display = "none" if self._given_revenue is not None else None
        self.limit_a = NumberField(
            "Grens A-klanten (% omzet)", as_percentage(grens_a), minimum=50, maximum=95, step=1,
            kind="percent", css="salesbook-calc-grens-a",
        )  # fmt: skip
        self.limit_b = NumberField(
            "Grens B-klanten (% omzet)", as_percentage(grens_b), minimum=0, maximum=45, step=1,
            kind="percent", css="salesbook-calc-grens-b",
        )  # fmt: skip
        self.summary: pd.DataFrame | None = None
        self.rfm_value = widgets.Dropdown(
            options=[("Aantal klanten", "aantal"), ("Gemiddelde omzet", "monetary")],
            value="aantal",
            description="Heatmap",
        )
        self.rfm_value.add_class("salesbook-calc-rfm-kleur")
        self.rfm_result = widgets.HTML("")
        self.rfm_result.add_class("salesbook-calc-rfm-resultaat")
        self.rfm_chart = widgets.Image(format="png", layout=widgets.Layout(max_width="640px"))
        self.rfm_chart.add_class("salesbook-calc-rfm-grafiek")
        self.rfm_figure = None
        self.rfm_error: str | None = None
        self.segment_counts: pd.Series | None = None
        self._rfm_table: pd.DataFrame | None = None
        for field in (self.limit_a, self.limit_b):
            field.observe(self.update)
        self.year.observe(self.update, names="value")
        self.rfm_value.observe(self.update_rfm, names="value")
        abc_page = widgets.VBox(
            [self.year, self.limit_a.box, self.limit_b.box, self.result, self.chart]
        )
        rfm_page = widgets.VBox([self.rfm_value, self.rfm_result, self.rfm_chart])
        self.tabs = widgets.Tab(children=[abc_page, rfm_page])
        self.tabs.set_title(0, "ABC-analyse")
        self.tabs.set_title(1, "RFM-analyse")
        self.update_rfm()
        self._assemble([self.tabs], body_only=True)

    # --- data ------------------------------------------------------------------------------
    def _course_tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        orders, klanten = self._tables
        if orders is None or klanten is None:
            from salesbook.data import load

            orders = load("orders") if orders is None else orders
            klanten = load("klanten") if klanten is None else klanten
            self._tables = (orders, klanten)
        return orders, klanten

    def _years(self) -> list[int]:
        try:
            orders, _ = self._course_tables()
        except SalesbookError as error:
            self._load_error = str(error)
            return []
        years = orders["orderdatum"].dt.year.dropna().astype(int).unique()
        return sorted(int(y) for y in years if 2022 <= y <= 2024)

    def revenue(self) -> pd.Series:
        """Revenue per customer for the chosen year (cached per year)."""
        if self._given_revenue is not None:
            return self._given_revenue
        if self._load_error is not None:
            raise SalesbookError(self._load_error)
        year = self.year.value
        if year not in self._revenue:
            from salesbook.data.analyses import customer_abc

            orders, klanten = self._course_tables()
            table = customer_abc(orders, klanten, None if year == ALL_YEARS else int(year))
            self._revenue[year] = table["omzet"]
        return self._revenue[year]

    # --- ABC -------------------------------------------------------------------------------
    def inputs(self) -> Rows:
        rows = [] if self._given_revenue is not None else [("Jaar", self.year.label)]
        return rows + [(f.label, f.described()) for f in (self.limit_a, self.limit_b)]

    def _compute(self) -> None:
        self.summary = None
        require_readable([self.limit_a, self.limit_b])
        a, b = self.limit_a.value / 100, self.limit_b.value / 100
        if self.limit_a.value + self.limit_b.value > 100:
            raise InvalidInputError(
                f"De grenzen voor A ({self.limit_a.shown()}) en B ({self.limit_b.shown()}) "
                "zijn samen meer dan 100%. Maak een van beide kleiner: C krijgt wat overblijft."
            )
        revenue = self.revenue()
        c = (100 - self.limit_a.value - self.limit_b.value) / 100  # no float noise below 0
        classes = abc_classes(revenue, cutoffs=(a, b, c))
        self.summary = summary = abc_summary(classes)
        rows: Rows = [
            ("Klanten met omzet", format_number(len(classes), 0)),
            ("Grens C-klanten", f"de laatste {format_percentage(c)} van de omzet"),
        ]
        for klasse, row in summary.iterrows():
            rows.append(
                (
                    f"{klasse}-klanten",
                    f"{format_number(row['aantal_klanten'], 0)} klanten "
                    f"({format_percentage(row['aandeel_klanten'])}) met "
                    f"{format_money(row['omzet'], 0)} omzet "
                    f"({format_percentage(row['aandeel_omzet'])})",
                )
            )
        self.show_rows(rows)
        where = "" if self._given_revenue is not None else f" ({self.year.label})"
        self.show_figure(pareto_chart(revenue, cutoff=a, title=f"Paretoanalyse{where}"))

    # --- RFM -------------------------------------------------------------------------------
    def _rfm(self) -> pd.DataFrame:
        if self._rfm_table is None:
            given = self._given_rfm
            if given is None:
                from salesbook.data.analyses import rfm_table

                self._rfm_table = rfm_table(*self._course_tables())
            elif {"R", "F", "M"} <= set(given.columns):
                self._rfm_table = given if "segment" in given else rfm_segments(given)
            else:
                self._rfm_table = given.join(rfm_segments(rfm_scores(given)))
        return self._rfm_table

    def update_rfm(self, *_args: object) -> None:
        """Recompute the RFM tab; a Dutch message instead of a traceback."""
        try:
            table = self._rfm()
            counts = table["segment"].value_counts()
            self.segment_counts = counts.reindex(
                [s for s in SEGMENTS if s in counts.index]
                + sorted(s for s in counts.index if s not in SEGMENTS)
            )
            value = None if self.rfm_value.value == "aantal" else self.rfm_value.value
            self.rfm_figure = rfm_heatmap(table, value)
        except SalesbookError as error:
            self.rfm_error = str(error)
            self.segment_counts = self.rfm_figure = None
            self.rfm_result.value = error_html(self.rfm_error)
            self.rfm_chart.layout.display = "none"
            return
        self.rfm_error = None
        self.rfm_chart.value = figure_png(self.rfm_figure)
        self.rfm_chart.layout.display = None
        total = int(self.segment_counts.sum())
        body = "".join(
            f'<tr><td style="padding:1px 10px 1px 0">{escape(segment)}</td>'
            f'<td style="text-align:right">{format_number(n, 0)}</td>'
            f'<td style="text-align:right;padding-left:10px">{format_percentage(n / total)}</td>'
            "</tr>"
            for segment, n in self.segment_counts.items()
        )
        self.rfm_result.value = (
            '<table class="salesbook-calc-rfm-segmenten" style="border-collapse:collapse">'
            "<tr><th>Segment</th><th>Klanten</th><th>Aandeel</th></tr>"
            f"{body}</table>"
        )

    def extra_markdown(self) -> list[str]:
        if self.segment_counts is None:
            return ["", f"RFM-analyse: {self.rfm_error}"] if self.rfm_error else []
        lines = ["", "RFM-analyse: klanten per segment", "", "| Segment | Klanten |", "|---|---:|"]
        lines += [f"| {s} | {format_number(n, 0)} |" for s, n in self.segment_counts.items()]
        return lines
