"""Synthetic Dutch and Flemish names for people and companies (no real companies).

Company names combine a surname or an invented word with a sector word and a legal form, so
they sound real without referring to any existing business.
"""

from __future__ import annotations

import re

import numpy as np

SURNAMES_NL = (
    "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "de Groot", "Bos", "Vos", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit",
    "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "de Haan",
    "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "van Dijk", "Schouten",
    "Post", "Kuipers", "Veenstra", "Hoekstra", "Koster", "Prins", "Huisman", "Verhoeven",
    "Kramer", "Timmermans", "Evers", "van Wijk", "Maas", "Rutten", "Bosman", "Hofman",
    "Wolters", "Scholten", "Haverkamp", "Zwart", "Blom", "Kuiper", "Vink", "Groen", "Boersma",
    "van Beek", "Vermeer", "Kroon", "van Rijn", "Molenaar", "Wijnands", "Hoogendoorn",
    "Sanders", "Lammers", "Verbeek", "Nijhuis", "Oosterhuis", "van Vliet", "Terpstra",
    "Brinkman", "Stam", "Pols", "Verschuren", "van Eck", "Kamphuis", "Otten", "Siemens",
    "Bouwman", "Wessels", "Hulshof", "Gerritsen", "Bruins", "Pieters", "Jonker", "Dam",
)  # fmt: skip
SURNAMES_BE = (
    "Peeters", "Janssens", "Maes", "Claes", "Goossens", "Wouters", "De Smet", "Willems",
    "Mertens", "Lambrechts", "Van Damme", "De Backer", "Verstraeten", "Desmet", "Coppens",
    "Vandenberghe", "Cools", "Michiels", "Aerts", "Segers", "Verbeke", "Van Acker",
    "De Clercq", "Pauwels", "Smets", "Baert", "Stevens", "Van Hoof", "Vermeiren", "Wuyts",
    "Bogaerts", "Dierckx", "Van de Velde", "Verhaegen", "Lemmens", "Hermans", "Geerts",
    "Van Looy", "Boeckx", "Van Gucht", "Thys", "Daems", "Nuyts", "Van Rompaey", "Moens",
    "Hendrickx", "Verlinden", "Swinnen", "Bosmans", "Vervoort", "Celis", "Van Laer",
    "Raes", "De Wilde", "Van Hecke", "Decock", "Vanhove",
)  # fmt: skip
FIRST_NAMES_NL = (
    "Sanne", "Daan", "Lotte", "Bram", "Fleur", "Jeroen", "Sophie", "Thijs", "Eva", "Ruben",
    "Anouk", "Mark", "Iris", "Tim", "Femke", "Niels", "Maaike", "Joost", "Linda", "Koen",
)  # fmt: skip
FIRST_NAMES_BE = (
    "Lien", "Pieter", "Elke", "Wouter", "Hanne", "Jens", "Sofie", "Tom", "Nele", "Stijn",
    "Katrien", "Bart", "Griet", "Jonas", "An", "Dries",
)  # fmt: skip
INVENTED = (
    "Noorderlicht", "Polderkracht", "Kempenland", "Heidezicht", "Duinrand", "Eikenhof",
    "Lindehof", "Zonnewende", "Waterkant", "Beekdal", "Vennland", "Hoogveld", "Brugzicht",
    "Molenwiek", "Dijkhoeve", "Klaverveld", "Rozenhorst", "Wilgenrode", "Berkenstein",
    "Leiestroom", "Scheldezicht", "Maasoever", "Vechtzoom", "Lekkerkant", "Zilverberk",
    "Ooievaar", "Esdoorn", "Reigersbos", "Vlasakker", "Kastanjelaan", "Zandhoeve", "Weidezicht",
    "Meerkoet", "Blauwe Reiger", "Korenbloem", "Hazelaar", "Valkenhorst", "Oude Vaart",
)  # fmt: skip

SECTOR_PATTERNS = {
    "installatietechniek": (
        "{s} Installatietechniek", "Installatiebedrijf {s}", "{s} & Zn. Installaties",
        "{s} Elektrotechniek", "{s} Klimaattechniek", "{s} Loodgieters", "{i} Installaties",
        "Technisch Bureau {s}", "{s} Warmtetechniek",
    ),
    "bouw": (
        "Bouwbedrijf {s}", "{s} Bouw", "Aannemersbedrijf {s}", "{s} Bouwgroep", "{s} Renovatie",
        "Bouwonderneming {i}", "{s} Aannemers",
    ),
    "industrie": (
        "{s} Metaalbewerking", "{i} Machinebouw", "{s} Kunststoffen", "{i} Procestechniek",
        "{s} Staalconstructies", "{s} Verpakkingen", "{i} Food Processing",
    ),
    "facilitair beheer": (
        "{i} Facility Services", "{s} Onderhoud", "{i} Vastgoedonderhoud", "{s} Gebouwbeheer",
    ),
    "overheid": (
        "Gemeentewerken {p}", "Technische Dienst {p}", "Waterbeheer {i}", "Stadsbeheer {p}",
        "Openbare Werken {p}",
    ),
    "zorg": (
        "Zorggroep {i}", "Woonzorgcentrum {i}", "Zorgcentrum {i}", "Revalidatiecentrum {i}",
        "Thuiszorg {i}",
    ),
    "onderwijs": ("{i} College", "Scholengroep {i}", "Campus {i}", "Lyceum {i}", "Instituut {i}"),
}  # fmt: skip
LEGAL_FORMS = {"NL": ("B.V.", "B.V.", "B.V.", "V.O.F."), "BE": ("BV", "BV", "NV", "CommV")}
NO_LEGAL_FORM = ("overheid", "zorg", "onderwijs")


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def company_name(
    rng: np.random.Generator, sector: str, land: str, place: str, *, with_place: bool = False
) -> str:
    """Draw one synthetic company name for a sector and country.

    With ``with_place`` the place is added before the legal form ("Bakker Bouw Goes B.V."),
    which is how real firms with a common name tell themselves apart.
    """
    surnames = SURNAMES_NL if land == "NL" else SURNAMES_BE
    patterns = SECTOR_PATTERNS[sector]
    pattern = patterns[rng.integers(len(patterns))]
    name = pattern.format(
        s=surnames[rng.integers(len(surnames))],
        i=INVENTED[rng.integers(len(INVENTED))],
        p=place,
    )
    name = _capitalise(name)
    if with_place and place not in name:
        name = f"{name} {place}"
    if sector not in NO_LEGAL_FORM:
        forms = LEGAL_FORMS[land]
        name = f"{name} {forms[rng.integers(len(forms))]}"
    return name


def person_name(rng: np.random.Generator, land: str) -> str:
    """Draw one synthetic person name (first name and surname)."""
    first = FIRST_NAMES_NL if land == "NL" else FIRST_NAMES_BE
    last = SURNAMES_NL if land == "NL" else SURNAMES_BE
    return f"{first[rng.integers(len(first))]} {_capitalise(last[rng.integers(len(last))])}"


_LEGAL = re.compile(r"\b(b\.?v\.?|n\.?v\.?|v\.?o\.?f\.?|commv)$")


def name_key(name: str) -> str:
    """Return a spelling-insensitive key for a company name.

    Case, punctuation, the legal form at the end and ``&``/``en`` do not count, so
    ``"Bakker & Zn. Installaties B.V."`` and ``"bakker en zn installaties bv"`` share a key.
    """
    text = name.strip().lower()
    text = _LEGAL.sub("", text).strip()
    text = text.replace("&", " en ")
    text = re.sub(r"[^a-z0-9]+", "", text)
    return text
