"""Situational leadership: from a judgement of competence and commitment to a development level.

The style per level comes from :func:`salesbook.calc.situational_style`, its sturend and
ondersteunend gedrag from :func:`salesbook.calc.situational_behaviour`. This module only adds
the step before: the student judges a team member's **competentie** (kan hij de taak?) and
**betrokkenheid** (motivatie en zelfvertrouwen: wil hij en durft hij?) as laag, gemiddeld/
wisselend or hoog, and gets the ontwikkelingsniveau O1–O4.

The four levels of the model (Hersey & Blanchard; Blanchard's SLII):

* O1 weinig competent, wel betrokken (enthousiaste beginner)
* O2 enige competentie, weinig betrokken (teleurgestelde leerling)
* O3 (ruim) competent, wisselend betrokken (bekwame maar voorzichtige medewerker)
* O4 competent en betrokken (zelfstandige presteerder)

Nine combinations are possible and the model describes four, so the other five are placed by
what the leader must add. Little competence needs sturing (S1/S2); commitment that is not high
needs ondersteuning as well (S2). Enough competence needs little sturing (S3/S4); only full
competence with high commitment can be delegated (S4). Hence:

* competentie laag: betrokkenheid laag → O2, wisselend → O2 (*), hoog → O1
* competentie gemiddeld: laag → O2, wisselend → O3, hoog → O3 (*)
* competentie hoog: laag → O3 (*), wisselend → O3, hoog → O4

(*) not one of the model's own descriptions: :func:`development_level` says why it is placed
there, so a student sees the judgement behind the choice.
"""

from __future__ import annotations

from dataclasses import dataclass

from salesbook.exceptions import InvalidInputError

COMPETENCE = ("laag", "gemiddeld", "hoog")
COMMITMENT = ("laag", "wisselend", "hoog")

LEVEL_DESCRIPTIONS = {
    "O1": "weinig competent, wel betrokken (enthousiaste beginner)",
    "O2": "enige competentie, weinig betrokken (teleurgestelde leerling)",
    "O3": "competent, wisselend betrokken (bekwame maar voorzichtige medewerker)",
    "O4": "competent en betrokken (zelfstandige presteerder)",
}
#: Dutch rendering of Hersey & Blanchard's original style names.
HERSEY_BLANCHARD_DUTCH = {
    "Telling": "instrueren",
    "Selling": "overtuigen",
    "Participating": "participeren",
    "Delegating": "delegeren",
}
#: What the leader does in each style (course names).
STYLE_ACTIONS = {
    "Leiden": "Je geeft duidelijke instructies: wat, hoe en wanneer, en je volgt het werk op de "
    "voet. Beslissingen neem jij.",
    "Begeleiden": "Je geeft nog steeds richting, maar legt je beslissingen uit, vraagt om "
    "ideeën en moedigt aan.",
    "Steunen": "Je luistert, moedigt aan en beslist samen: de medewerker weet hoe het moet, "
    "maar heeft steun nodig bij motivatie of zelfvertrouwen.",
    "Delegeren": "Je draagt taak en verantwoordelijkheid over en houdt op afstand contact; de "
    "medewerker beslist zelf.",
}

_TABLE = {
    ("laag", "laag"): "O2",
    ("laag", "wisselend"): "O2",
    ("laag", "hoog"): "O1",
    ("gemiddeld", "laag"): "O2",
    ("gemiddeld", "wisselend"): "O3",
    ("gemiddeld", "hoog"): "O3",
    ("hoog", "laag"): "O3",
    ("hoog", "wisselend"): "O3",
    ("hoog", "hoog"): "O4",
}
_REASONS = {
    ("laag", "wisselend"): (
        "Deze combinatie beschrijft het model niet precies. Wie de taak nog niet beheerst, "
        "heeft sturing nodig; omdat de betrokkenheid niet hoog is, ook ondersteuning: O2."
    ),
    ("gemiddeld", "hoog"): (
        "Deze combinatie beschrijft het model niet precies. De medewerker kan al veel en wil "
        "graag: veel sturing is niet meer nodig, wel steun om zelfstandig te worden: O3."
    ),
    ("hoog", "laag"): (
        "Deze combinatie beschrijft het model niet precies. De medewerker kan het wel, maar is "
        "niet gemotiveerd: meer sturing helpt dan niet, aandacht en betrokkenheid wel: O3."
    ),
}


@dataclass(frozen=True)
class Judgement:
    """The development level that follows from a judgement.

    Attributes:
        level: ``"O1"``–``"O4"``.
        description: the model's description of that level.
        reason: why a combination the model does not describe is placed here, else ``None``.
    """

    level: str
    description: str
    reason: str | None


def _choice(value: str, options: tuple[str, ...], name: str) -> str:
    key = value.strip().lower() if isinstance(value, str) else ""
    if key not in options:
        raise InvalidInputError(
            f"{name} {value!r} ken ik niet: kies {', '.join(options[:-1])} of {options[-1]}."
        )
    return key


def development_level(competence: str, commitment: str) -> Judgement:
    """Ontwikkelingsniveau O1–O4 from competentie and betrokkenheid (table in the docstring).

    Args:
        competence: ``"laag"``, ``"gemiddeld"`` or ``"hoog"``.
        commitment: ``"laag"``, ``"wisselend"`` or ``"hoog"``.

    Raises:
        InvalidInputError: an unknown judgement (Dutch message with the options).
    """
    key = (
        _choice(competence, COMPETENCE, "Competentie"),
        _choice(commitment, COMMITMENT, "Betrokkenheid"),
    )
    level = _TABLE[key]
    return Judgement(level, LEVEL_DESCRIPTIONS[level], _REASONS.get(key))
