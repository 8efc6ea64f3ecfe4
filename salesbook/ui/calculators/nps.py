"""NPS calculator: from counts of promoters, passives and detractors, or from loose scores.

``NPS = % promoters − % detractors`` in points (−100 … +100), from
:func:`salesbook.calc.nps_from_counts` or :func:`salesbook.calc.nps_from_scores`; each answer's
group from :func:`salesbook.calc.nps_category`. With loose scores the chart
:func:`salesbook.charts.nps_distribution` shows how often each score 0–10 was given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import ipywidgets as widgets

from salesbook.calc import nps_category, nps_from_counts, nps_from_scores
from salesbook.charts import nps_distribution
from salesbook.charts.nps import nps_text
from salesbook.exceptions import NumberFormatError
from salesbook.notation import format_number, format_percentage, read_number
from salesbook.ui.calculators.base import Calculator, Rows
from salesbook.ui.calculators.fields import NumberField, require_readable

GROUPS = (
    ("promoter", "Promoters (9–10)"),
    ("passive", "Passives (7–8)"),
    ("detractor", "Detractors (0–6)"),
)
_SEPARATORS = re.compile(r"[\s;]+")


def read_scores(text: str) -> list[float]:
    """Read loose scores separated by commas, spaces, semicolons or new lines.

    Scores are whole numbers, so a comma always separates two scores ("9,10" is 9 and 10).

    Raises:
        NumberFormatError: a part is not a number (the Dutch message names its position).
    """
    parts = [p for chunk in _SEPARATORS.split(text) for p in chunk.split(",") if p]
    scores = []
    for position, part in enumerate(parts, start=1):
        try:
            scores.append(read_number(part).value)
        except NumberFormatError:
            raise NumberFormatError(
                f"Antwoord nummer {position} ('{part}') is geen getal. Een NPS-score is een "
                "geheel getal van 0 tot en met 10; scheid de scores met komma's of spaties."
            ) from None
    return [int(s) if float(s).is_integer() else s for s in scores]


def _scores_text(scores: Iterable[float]) -> str:
    return ", ".join(format_number(s, 0 if float(s).is_integer() else 1) for s in scores)


class NpsCalculator(Calculator):
    """Net Promoter Score from counts (sliders) or from loose scores (text box).

    Attributes:
        mode: ``ToggleButtons`` with ``"aantallen"`` or ``"scores"``.
        promoters, passives, detractors: :class:`NumberField` counts.
        scores: ``Textarea`` with loose scores such as ``"9, 10, 7, 3"``.
    """

    name = "nps"
    title = "Net Promoter Score (NPS)"
    intro = (
        "Vul het aantal promoters (score 9–10), passives (7–8) en detractors (0–6) in, of kies "
        "'Losse scores' en typ de antwoorden op de aanbevelingsvraag, bijvoorbeeld 9, 10, 7, 3. "
        "NPS = % promoters − % detractors, in punten van −100 tot +100."
    )
    parameters = ("promoters", "passives", "detractors", "scores")

    def __init__(
        self,
        promoters: int = 25,
        passives: int = 60,
        detractors: int = 15,
        scores: str | Iterable[int] | None = None,
    ) -> None:
        super().__init__()
        self.mode = widgets.ToggleButtons(
            options=[("Aantallen", "aantallen"), ("Losse scores", "scores")],
            value="scores" if scores is not None else "aantallen",
            description="Invoer",
            tooltips=["Aantallen per groep", "Elke score apart"],
        )
        self.mode.add_class("salesbook-calc-modus")
        counts = (("promoters", promoters), ("passives", passives), ("detractors", detractors))
        self.promoters, self.passives, self.detractors = (
            NumberField(
                f"Aantal {name}",
                value,
                minimum=0,
                maximum=500,
                step=1,
                kind="count",
                css=f"salesbook-calc-{name}",
            )
            for name, value in counts
        )
        self.count_fields = (self.promoters, self.passives, self.detractors)
        if scores is None:
            text = "9, 10, 7, 3, 8, 9, 6, 10"
        else:
            text = scores if isinstance(scores, str) else _scores_text(scores)
        self.scores = widgets.Textarea(
            value=text,
            description="Scores",
            placeholder="bijvoorbeeld 9, 10, 7, 3",
            continuous_update=False,
            layout=widgets.Layout(width="40em", height="5em"),
        )
        self.scores.add_class("salesbook-calc-scores")
        self.count_box = widgets.VBox([f.box for f in self.count_fields])
        self.mode.observe(self.update, names="value")
        self.scores.observe(self.update, names="value")
        for field in self.count_fields:
            field.observe(self.update)
        self._assemble([self.mode, self.count_box, self.scores])

    def inputs(self) -> Rows:
        if self.mode.value == "scores":
            return [("Losse scores", self.scores.value.strip() or "(leeg)")]
        return [(field.label, field.described()) for field in self.count_fields]

    def _show_mode(self) -> None:
        by_scores = self.mode.value == "scores"
        self.count_box.layout.display = "none" if by_scores else None
        self.scores.layout.display = None if by_scores else "none"

    def _compute(self) -> None:
        self._show_mode()
        if self.mode.value == "scores":
            answers = read_scores(self.scores.value)
            nps = nps_from_scores(answers)
            groups = [nps_category(a) for a in answers]
            counts = {group: groups.count(group) for group, _ in GROUPS}
        else:
            require_readable(self.count_fields)
            values = [field.value for field in self.count_fields]
            nps = nps_from_counts(*values)
            counts = {group: int(v) for (group, _), v in zip(GROUPS, values, strict=True)}
        total = sum(counts.values())
        rows: Rows = [("Aantal respondenten", format_number(total, 0))]
        rows += [
            (label, f"{format_number(counts[g], 0)} ({format_percentage(counts[g] / total)})")
            for g, label in GROUPS
        ]
        rows.append(("NPS", nps_text(nps)))
        self.notes.append(
            f"NPS = {format_percentage(counts['promoter'] / total)} promoters − "
            f"{format_percentage(counts['detractor'] / total)} detractors = {nps_text(nps)} "
            "(passives tellen alleen mee in het totaal)."
        )
        if self.mode.value == "scores":
            self.show_rows(rows)
            self.show_figure(nps_distribution(answers))
        else:
            self.notes.append(
                "Een grafiek per score (0–10) kan alleen met losse scores: kies 'Losse scores'."
            )
            self.show_rows(rows)
            self.clear_figure()
