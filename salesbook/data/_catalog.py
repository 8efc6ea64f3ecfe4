"""Fixed facts about the fictional wholesaler: period, regions, sectors, product groups.

Everything here is deterministic; the generator draws random numbers *around* these facts.
The company is fictional: "Van Oosten & Peeters Technische Groothandel" (VOP), a Dutch-Flemish
B2B wholesaler in installation material with account managers, a field sales force
(buitendienst) and an inside-sales desk (binnendienst).
"""

from __future__ import annotations

import numpy as np

COMPANY = "Van Oosten & Peeters Technische Groothandel"

PERIOD_START = np.datetime64("2022-01-01")
"""First day of the order, visit and survey data."""
PERIOD_END = np.datetime64("2024-12-31")
"""Last day of the order, visit and survey data."""
LEADS_START = np.datetime64("2021-07-01")
"""Leads start half a year earlier, so customers won early in 2022 have a full funnel."""
HISTORY_START = np.datetime64("2015-01")
"""First month of the long monthly revenue history (``maandomzet``)."""
YEARS = (2022, 2023, 2024)

REGIONS = ("Noord", "West", "Zuid", "Vlaanderen")

# province -> (land, regio, relative weight within the land, places)
PROVINCES: dict[str, tuple[str, str, float, tuple[str, ...]]] = {
    "Groningen": ("NL", "Noord", 0.030, ("Groningen", "Veendam", "Hoogezand", "Delfzijl")),
    "Friesland": ("NL", "Noord", 0.035, ("Leeuwarden", "Drachten", "Sneek", "Heerenveen")),
    "Drenthe": ("NL", "Noord", 0.025, ("Assen", "Emmen", "Hoogeveen", "Meppel")),
    "Overijssel": ("NL", "Noord", 0.065, ("Zwolle", "Enschede", "Deventer", "Hengelo", "Almelo")),
    "Flevoland": ("NL", "Noord", 0.025, ("Almere", "Lelystad", "Emmeloord")),
    "Gelderland": ("NL", "Noord", 0.115, ("Arnhem", "Nijmegen", "Apeldoorn", "Ede", "Doetinchem")),
    "Utrecht": ("NL", "West", 0.080, ("Utrecht", "Amersfoort", "Nieuwegein", "Veenendaal")),
    "Noord-Holland": ("NL", "West", 0.150, ("Amsterdam", "Haarlem", "Alkmaar", "Zaandam", "Hoorn")),
    "Zuid-Holland": (
        "NL",
        "West",
        0.180,
        ("Rotterdam", "Den Haag", "Leiden", "Dordrecht", "Gouda", "Delft"),
    ),
    "Zeeland": ("NL", "Zuid", 0.025, ("Middelburg", "Goes", "Vlissingen", "Terneuzen")),
    "Noord-Brabant": (
        "NL",
        "Zuid",
        0.160,
        ("Eindhoven", "Tilburg", "Breda", "'s-Hertogenbosch", "Helmond", "Oss"),
    ),
    "Limburg (NL)": (
        "NL",
        "Zuid",
        0.070,
        ("Maastricht", "Venlo", "Heerlen", "Roermond", "Sittard"),
    ),
    "Antwerpen": ("BE", "Vlaanderen", 0.28, ("Antwerpen", "Mechelen", "Turnhout", "Geel", "Lier")),
    "Oost-Vlaanderen": (
        "BE",
        "Vlaanderen",
        0.24,
        ("Gent", "Aalst", "Sint-Niklaas", "Dendermonde", "Oudenaarde"),
    ),
    "West-Vlaanderen": (
        "BE",
        "Vlaanderen",
        0.20,
        ("Brugge", "Kortrijk", "Roeselare", "Oostende", "Ieper"),
    ),
    "Vlaams-Brabant": ("BE", "Vlaanderen", 0.16, ("Leuven", "Vilvoorde", "Halle", "Tienen")),
    "Limburg (BE)": ("BE", "Vlaanderen", 0.12, ("Hasselt", "Genk", "Sint-Truiden", "Tongeren")),
}
"""Limburg exists in both countries; the data write it as plain "Limburg" (land tells which)."""

SHARE_NL = 0.68

SECTORS = (
    "installatietechniek",
    "bouw",
    "industrie",
    "facilitair beheer",
    "overheid",
    "zorg",
    "onderwijs",
)
SECTOR_WEIGHTS = (0.34, 0.20, 0.18, 0.08, 0.07, 0.07, 0.06)

SIZES = ("micro", "klein", "middelgroot", "groot")
"""Company size classes (EU): <10, 10-49, 50-249 and 250+ employees."""
SIZE_WEIGHTS = (0.40, 0.33, 0.19, 0.08)
SIZE_EMPLOYEES = ((2, 9), (10, 49), (50, 249), (250, 1500))
SIZE_MEDIAN_REVENUE = (3_000.0, 10_000.0, 35_000.0, 120_000.0)
"""Median yearly revenue (euro, 2022 prices) of a fully active customer per size class."""

PRODUCT_GROUPS = (
    "elektrotechniek",
    "verlichting",
    "sanitair",
    "verwarming",
    "gereedschap",
    "bevestigingsmaterialen",
    "veiligheid",
)
PRODUCT_PREFIX = ("EL", "VL", "SA", "VW", "GR", "BM", "VH")
PRODUCT_MEDIAN_PRICE = (25.0, 45.0, 80.0, 120.0, 60.0, 8.0, 20.0)
PRODUCT_MARGIN = (0.33, 0.41, 0.35, 0.29, 0.38, 0.50, 0.45)
"""Gross margin on the list price (before discount) per product group."""
ARTICLES_PER_GROUP = 30
PRICE_INDEX = {2022: 1.0, 2023: 1.06, 2024: 1.06 * 1.03}
"""List and cost prices rise 6% in 2023 and 3% in 2024."""

# product mix per sector, in the order of PRODUCT_GROUPS
SECTOR_PRODUCT_MIX = {
    "installatietechniek": (0.28, 0.10, 0.20, 0.22, 0.08, 0.08, 0.04),
    "bouw": (0.10, 0.05, 0.12, 0.10, 0.25, 0.25, 0.13),
    "industrie": (0.30, 0.10, 0.03, 0.05, 0.22, 0.12, 0.18),
    "facilitair beheer": (0.20, 0.25, 0.15, 0.12, 0.10, 0.10, 0.08),
    "overheid": (0.18, 0.25, 0.12, 0.12, 0.10, 0.08, 0.15),
    "zorg": (0.15, 0.25, 0.25, 0.20, 0.05, 0.05, 0.05),
    "onderwijs": (0.20, 0.30, 0.20, 0.15, 0.05, 0.05, 0.05),
}

MONTH_SEASON = np.array([0.85, 0.95, 1.10, 1.05, 1.05, 1.10, 0.80, 0.80, 1.10, 1.10, 1.10, 0.90])
"""Relative order activity per month: building holiday (bouwvak) in July/August, slow Dec/Jan."""
HEATING_SEASON = np.array([1.4, 1.2, 1.0, 0.8, 0.7, 0.7, 0.7, 0.7, 1.4, 1.4, 1.4, 1.4])
"""Extra seasonality of the product group verwarming (heating sells in autumn and winter)."""
VOLUME_GROWTH = 0.04
"""Yearly volume growth of an active customer."""

CHANNELS = ("buitendienst", "binnendienst", "webshop")

FUNCTIONS = ("accountmanager", "buitendienst", "binnendienst")
STAFF_PLAN = (
    ("accountmanager", ("Noord", "West", "Zuid", "Vlaanderen")),
    ("buitendienst", ("Noord", "West", "West", "Zuid", "Vlaanderen", "Vlaanderen")),
    ("binnendienst", ("Noord", "West", "Zuid", "Vlaanderen")),
)
"""Sales staff: one account manager and one inside-sales employee per region, six field reps."""

LEAD_SOURCES = ("website", "beurs", "doorverwijzing", "koude acquisitie", "telefonisch", "mailing")
LEAD_SOURCE_WEIGHTS = (0.30, 0.15, 0.12, 0.18, 0.15, 0.10)
LEAD_SOURCE_QUALITY = (1.0, 0.9, 1.5, 0.6, 1.1, 0.7)
FUNNEL_STAGES = ("lead", "gekwalificeerd", "offerte", "opvolging", "klant")
"""Stages of the sales funnel; a lead that reaches ``klant`` was won."""

VISIT_GOALS = (
    "relatiebezoek",
    "offertebespreking",
    "productdemonstratie",
    "service",
    "jaargesprek",
)
VISIT_GOAL_WEIGHTS = (0.45, 0.20, 0.12, 0.15, 0.08)
VISIT_GOAL_MINUTES = (50, 70, 80, 45, 100)
REGION_TRAVEL_MINUTES = {"Noord": 60, "West": 45, "Zuid": 50, "Vlaanderen": 40}
"""Median travel time per visit in minutes; the north has long distances, the west traffic."""

RESPONDENT_ROLES = ("inkoper", "directeur/eigenaar", "projectleider", "werkvoorbereider")
NPS_ROUNDS = ("2022-10-03", "2023-10-02", "2024-10-07")
"""Start dates of the yearly customer survey (KTO with the NPS question)."""


def province_label(province: str) -> str:
    """Return the province as written in the data: ``"Limburg (BE)"`` → ``"Limburg"``."""
    return province.split(" (")[0]
