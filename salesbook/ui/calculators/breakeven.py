"""Break-even calculator: sliders and Dutch text boxes, results and a live break-even chart.

Formulas (all from :mod:`salesbook.calc.breakeven`): dekkingsbijdrage ``p − v``;
break-evenafzet ``q* = F / (p − v)`` stuks, rounded **up** to whole units in practice;
break-evenomzet ``p · q*`` euro; veiligheidsmarge ``verwacht − q*`` stuks and
``(verwacht − q*) / verwacht``; winst ``q · (p − v) − F`` euro. Chart:
:func:`salesbook.charts.breakeven_chart`.
"""

from __future__ import annotations

from salesbook.calc import (
    breakeven_quantity,
    breakeven_revenue,
    contribution_margin,
    contribution_margin_ratio,
    profit,
    safety_margin,
    safety_margin_ratio,
)
from salesbook.calc._rounding import exact, round_up_whole, snap
from salesbook.charts import breakeven_chart
from salesbook.exceptions import InvalidInputError
from salesbook.notation import format_money, format_number, format_percentage
from salesbook.ui.calculators.base import Calculator, Rows, short_number
from salesbook.ui.calculators.fields import NumberField, require_readable


class BreakevenCalculator(Calculator):
    """Break-evenanalyse with four inputs and a live chart.

    Attributes:
        fixed_costs, price, variable_cost, expected: the :class:`NumberField` inputs
            (vaste kosten, verkoopprijs per stuk, variabele kosten per stuk, verwachte afzet).
    """

    name = "breakeven"
    title = "Break-evenanalyse"
    intro = (
        "Schuif met de vaste kosten, de verkoopprijs, de variabele kosten per stuk en de "
        "verwachte afzet, of typ een precies getal in het vakje ernaast (Enter of Tab). Je ziet "
        "direct de dekkingsbijdrage, het break-evenpunt, de veiligheidsmarge en de winst."
    )
    parameters = ("vaste_kosten", "verkoopprijs", "variabele_kosten", "verwachte_afzet")

    def __init__(
        self,
        vaste_kosten: float = 50_000,
        verkoopprijs: float = 25,
        variabele_kosten: float = 15,
        verwachte_afzet: float = 6_000,
    ) -> None:
        super().__init__()
        self.fixed_costs = NumberField(
            "Vaste kosten (per periode)", vaste_kosten, minimum=0, maximum=250_000,
            step=1_000, kind="money", css="salesbook-calc-vaste-kosten",
        )  # fmt: skip
        self.price = NumberField(
            "Verkoopprijs per stuk", verkoopprijs, minimum=0, maximum=100, step=0.5,
            kind="money", css="salesbook-calc-verkoopprijs",
        )  # fmt: skip
        self.variable_cost = NumberField(
            "Variabele kosten per stuk", variabele_kosten, minimum=0, maximum=100, step=0.5,
            kind="money", css="salesbook-calc-variabele-kosten",
        )  # fmt: skip
        self.expected = NumberField(
            "Verwachte afzet (stuks)", verwachte_afzet, minimum=0, maximum=20_000, step=100,
            kind="count", css="salesbook-calc-verwachte-afzet",
        )  # fmt: skip
        self.fields = (self.fixed_costs, self.price, self.variable_cost, self.expected)
        for field in self.fields:
            field.observe(self.update)
        self._assemble([field.box for field in self.fields])

    def inputs(self) -> Rows:
        return [(field.label, field.described()) for field in self.fields]

    def _compute(self) -> None:
        require_readable(self.fields)
        f, p, v = self.fixed_costs.value, self.price.value, self.variable_cost.value
        q = self.expected.value
        bep = breakeven_quantity(f, p, v)
        bep_revenue = breakeven_revenue(f, p, v)
        bep_units = round_up_whole(exact(bep))
        result = profit(q, p, v, f)
        rows: Rows = [
            (
                "Dekkingsbijdrage per stuk",
                f"{format_money(contribution_margin(p, v))} "
                f"({format_percentage(contribution_margin_ratio(p, v))} van de verkoopprijs)",
            ),
            ("Break-evenafzet", f"{short_number(bep)} stuks"),
            ("Break-evenafzet, afgerond naar boven", f"{format_number(bep_units, 0)} stuks"),
            ("Break-evenomzet", format_money(bep_revenue)),
            ("Veiligheidsmarge", f"{short_number(safety_margin(q, bep))} stuks"),
        ]
        try:
            ratio = format_percentage(safety_margin_ratio(q, bep))
        except InvalidInputError as error:
            ratio = "–"
            self.notes.append(str(error))
        rows.append(("Veiligheidsmarge in % van de verwachte afzet", ratio))
        word = "Winst" if result >= 0 else "Verlies"
        rows.append((f"{word} bij de verwachte afzet", format_money(abs(result))))
        if snap(exact(bep)) != bep_units:
            self.notes.append(
                f"Je rondt de break-evenafzet naar boven af: bij "
                f"{format_number(bep_units - 1, 0)} stuks maak je nog (net) verlies."
            )
        if q < bep:
            self.notes.append(
                "De verwachte afzet ligt onder het break-evenpunt: de veiligheidsmarge is "
                "negatief en je verwacht verlies."
            )
        self.show_rows(rows)
        self.show_figure(breakeven_chart(f, p, v, expected_quantity=q if q > 0 else None))
