"""Situational leadership chooser: judge a team member, get the level and the fitting style.

Competentie and betrokkenheid → ontwikkelingsniveau O1–O4
(:func:`salesbook.ui.calculators.leadership_logic.development_level`) → stijl in the course
names and in Hersey & Blanchard's names (:func:`salesbook.calc.situational_style`) → sturend
and ondersteunend gedrag (:func:`salesbook.calc.situational_behaviour`), with a quadrant
diagram marking the style.
"""

from __future__ import annotations

import ipywidgets as widgets

from salesbook.calc import situational_behaviour, situational_style
from salesbook.ui.calculators import leadership_logic as logic
from salesbook.ui.calculators.base import Calculator, Rows
from salesbook.ui.calculators.leadership_chart import leadership_quadrants


class LeadershipChooser(Calculator):
    """Situationeel leiderschap: which style fits this team member now?

    Attributes:
        competence: ``ToggleButtons`` laag / gemiddeld / hoog.
        commitment: ``ToggleButtons`` laag / wisselend / hoog.
        judgement: the latest :class:`~salesbook.ui.calculators.leadership_logic.Judgement`.
        style: the course style name (``"Leiden"`` …), ``hersey_blanchard`` the original.
    """

    name = "leiderschap"
    title = "Situationeel leiderschap: welke stijl past?"
    intro = (
        "Beoordeel een medewerker voor één bepaalde taak: hoe competent is hij of zij (kennis "
        "en ervaring), en hoe betrokken (motivatie en zelfvertrouwen)? Je ziet het "
        "ontwikkelingsniveau (O1–O4) en de leiderschapsstijl die daarbij past."
    )
    parameters = ("competentie", "betrokkenheid")

    def __init__(self, competentie: str = "laag", betrokkenheid: str = "hoog") -> None:
        super().__init__()
        self.competence = widgets.ToggleButtons(
            options=[(o.capitalize(), o) for o in logic.COMPETENCE],
            description="Competentie",
            tooltips=[
                "Kent de taak nog nauwelijks",
                "Kan al een deel zelf",
                "Beheerst de taak",
            ],
        )
        self.commitment = widgets.ToggleButtons(
            options=[(o.capitalize(), o) for o in logic.COMMITMENT],
            description="Betrokkenheid",
            tooltips=[
                "Weinig zin of weinig zelfvertrouwen",
                "Soms gemotiveerd, soms niet",
                "Gemotiveerd en zeker van zichzelf",
            ],
        )
        logic.development_level(competentie, betrokkenheid)  # Dutch error on a bad value
        for toggle, value, css in (
            (self.competence, competentie, "competentie"),
            (self.commitment, betrokkenheid, "betrokkenheid"),
        ):
            toggle.style.description_width = "8em"
            toggle.add_class(f"salesbook-calc-{css}")
            toggle.value = value.strip().lower()
            toggle.observe(self.update, names="value")
        self.judgement: logic.Judgement | None = None
        self.style: str | None = None
        self.hersey_blanchard: str | None = None
        self._assemble([self.competence, self.commitment])

    def inputs(self) -> Rows:
        return [("Competentie", self.competence.value), ("Betrokkenheid", self.commitment.value)]

    def _compute(self) -> None:
        judgement = logic.development_level(self.competence.value, self.commitment.value)
        self.judgement = judgement
        self.style = situational_style(judgement.level, "seed")
        self.hersey_blanchard = situational_style(judgement.level, "hersey_blanchard")
        behaviour = situational_behaviour(self.style)
        number = judgement.level[1]
        dutch = logic.HERSEY_BLANCHARD_DUTCH[self.hersey_blanchard]
        rows: Rows = [
            ("Ontwikkelingsniveau", f"{judgement.level}: {judgement.description}"),
            ("Stijl (cursus)", f"S{number} {self.style}"),
            ("Stijl (Hersey & Blanchard)", f"S{number} {self.hersey_blanchard} ({dutch})"),
            ("Sturend gedrag", behaviour.directive),
            ("Ondersteunend gedrag", behaviour.supportive),
        ]
        if judgement.reason:
            self.notes.append(judgement.reason)
        self.notes.append(logic.STYLE_ACTIONS[self.style])
        self.show_rows(rows)
        self.show_figure(leadership_quadrants(judgement.level))
