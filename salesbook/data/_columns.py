"""The data dictionary: every table and column of the course data set, in Dutch."""

from __future__ import annotations

from salesbook.data._catalog import FUNNEL_STAGES, SIZES
from salesbook.data.schema import Column as C
from salesbook.data.schema import Table

VERKOPERS = Table(
    "verkopers",
    "De veertien mensen van de verkoopafdeling: accountmanagers, buitendienst en binnendienst.",
    ("verkoper_id",),
    (
        C("verkoper_id", "id", "", "Code van de verkoper, bijvoorbeeld V01."),
        C("naam", "text", "", "Voornaam en achternaam (verzonnen)."),
        C("functie", "category", "", "accountmanager, buitendienst of binnendienst."),
        C("regio", "category", "", "Verkoopregio: Noord, West, Zuid of Vlaanderen."),
        C("land", "category", "", "NL of BE."),
        C("in_dienst_sinds", "date", "datum", "Eerste werkdag bij het bedrijf."),
        C("fte", "float", "fte", "Omvang van het contract; 1.0 is voltijds (40 uur per week)."),
        C(
            "werkuren_per_jaar",
            "int",
            "uur",
            "Netto werkuren per jaar (zonder vakantie en verzuim).",
        ),
        C(
            "bezoekuren_per_jaar",
            "int",
            "uur",
            "Werkuren die beschikbaar zijn voor klantbezoek, inclusief reis- en wachttijd; "
            "0 voor de binnendienst.",
        ),
        C("loonkosten_per_jaar", "float", "euro", "Brutoloon plus werkgeverslasten per jaar."),
        C(
            "overige_kosten_per_jaar",
            "float",
            "euro",
            "Auto, reiskosten, telefoon, laptop en opleiding per jaar.",
        ),
        C(
            "omzetdoel_2024",
            "float",
            "euro",
            "Omzetdoelstelling 2024 voor alle klanten van deze verkoper.",
        ),
    ),
)

KLANTEN = Table(
    "klanten",
    "Alle klanten uit het CRM-systeem die in 2022-2024 klant waren (ook gestopte klanten).",
    ("klant_id",),
    (
        C("klant_id", "id", "", "Klantnummer, bijvoorbeeld K0001."),
        C("naam", "text", "", "Bedrijfsnaam (verzonnen)."),
        C("sector", "category", "", "Branche van de klant; kan leeg zijn (zie bekende fouten)."),
        C("land", "category", "", "NL of BE."),
        C("provincie", "category", "", "Provincie; let op: Limburg bestaat in NL en in BE."),
        C("plaats", "text", "", "Vestigingsplaats."),
        C("regio", "category", "", "Verkoopregio: Noord, West, Zuid of Vlaanderen."),
        C("accountmanager", "id", "", "verkoper_id van de vaste contactpersoon (zie verkopers)."),
        C(
            "klant_sinds",
            "date",
            "datum",
            "Datum waarop het bedrijf klant werd (aangemaakt in het CRM).",
        ),
        C(
            "omvang",
            "ordered",
            "",
            "Bedrijfsgrootte: micro (<10), klein (10-49), middelgroot (50-249), groot (250+).",
            SIZES,
        ),
        C("aantal_medewerkers", "int", "personen", "Aantal medewerkers van de klant."),
    ),
)

ORDERS = Table(
    "orders",
    "Alle orderregels van 2022 tot en met 2024; een order heeft een of meer regels.",
    ("order_id", "regel"),
    (
        C("order_id", "int", "", "Ordernummer; een retour krijgt een eigen ordernummer."),
        C("regel", "int", "", "Regelnummer binnen de order (1, 2, ...)."),
        C("orderdatum", "date", "datum", "Datum waarop de order is geboekt."),
        C("klant_id", "id", "", "Klant die bestelde (zie klanten)."),
        C(
            "kanaal",
            "category",
            "",
            "Hoe de order binnenkwam: buitendienst, binnendienst, webshop.",
        ),
        C("productgroep", "category", "", "Productgroep van het artikel."),
        C("artikel", "category", "", "Artikelcode; de letters geven de productgroep aan."),
        C("aantal", "int", "stuks", "Aantal; negatief bij een retour."),
        C("prijs", "float", "euro per stuk", "Lijstprijs excl. btw in het jaar van de order."),
        C("korting", "float", "breuk", "Korting op de lijstprijs: 0.15 betekent 15%."),
        C("kostprijs", "float", "euro per stuk", "Inkoopprijs excl. btw in het jaar van de order."),
        C("omzet", "float", "euro", "aantal × prijs × (1 − korting), afgerond op centen."),
        C("marge", "float", "euro", "Brutomarge: omzet − aantal × kostprijs, afgerond op centen."),
    ),
)

LEADS = Table(
    "leads",
    "De salesfunnel voor nieuwe klanten: elke lead met de datum waarop hij elke fase bereikte.",
    ("lead_id",),
    (
        C("lead_id", "id", "", "Leadnummer, bijvoorbeeld L0001."),
        C("datum_lead", "date", "datum", "Fase lead: datum waarop de lead binnenkwam."),
        C("bron", "category", "", "Waar de lead vandaan kwam (website, beurs, ...)."),
        C("bedrijfsnaam", "text", "", "Naam van het bedrijf (verzonnen)."),
        C("sector", "category", "", "Branche van het bedrijf."),
        C("land", "category", "", "NL of BE."),
        C("provincie", "category", "", "Provincie."),
        C("omvang", "ordered", "", "Bedrijfsgrootte, zoals bij klanten.", SIZES),
        C("verkoper_id", "id", "", "Verkoper die de lead opvolgt (zie verkopers)."),
        C("geschatte_jaaromzet", "float", "euro", "Verwachte omzet per jaar als het klant wordt."),
        C("datum_gekwalificeerd", "date", "datum", "Fase gekwalificeerd; leeg = niet bereikt."),
        C(
            "datum_offerte",
            "date",
            "datum",
            "Fase offerte: offerte verstuurd; leeg = niet bereikt.",
        ),
        C("datum_opvolging", "date", "datum", "Fase opvolging: offerte nabesproken; leeg = niet."),
        C("datum_besluit", "date", "datum", "Datum van gewonnen of verloren; leeg = nog open."),
        C("fase", "ordered", "", "Verste fase die de lead bereikte.", FUNNEL_STAGES),
        C("uitkomst", "category", "", "gewonnen, verloren of open."),
        C("klant_id", "id", "", "Klantnummer als de lead klant werd; anders leeg."),
    ),
)

OFFERTES = Table(
    "offertes",
    "Alle offertes: aan bestaande klanten (projecten) en aan leads uit de salesfunnel.",
    ("offerte_id",),
    (
        C("offerte_id", "id", "", "Offertenummer, bijvoorbeeld OF00001."),
        C("offertedatum", "date", "datum", "Datum waarop de offerte is verstuurd."),
        C("klant_id", "id", "", "Klant (zie klanten); leeg bij een offerte aan een lead."),
        C("lead_id", "id", "", "Lead (zie leads); leeg bij een offerte aan een bestaande klant."),
        C("verkoper_id", "id", "", "Verkoper die de offerte maakte."),
        C("bedrag", "float", "euro", "Offertebedrag excl. btw."),
        C("status", "category", "", "geaccepteerd, afgewezen of open."),
        C("besluitdatum", "date", "datum", "Datum van acceptatie of afwijzing; leeg = open."),
    ),
)

BEZOEKEN = Table(
    "bezoeken",
    "Klantbezoeken van accountmanagers en buitendienst (uit de bezoekrapporten in het CRM).",
    ("bezoek_id",),
    (
        C("bezoek_id", "id", "", "Bezoeknummer, bijvoorbeeld B00001."),
        C("datum", "date", "datum", "Datum van het bezoek."),
        C("verkoper_id", "id", "", "Verkoper die het bezoek aflegde."),
        C("klant_id", "id", "", "Bezochte klant."),
        C("doel", "category", "", "Doel van het bezoek."),
        C("bezoekduur_min", "int", "minuten", "Duur van het gesprek bij de klant."),
        C("reistijd_min", "int", "minuten", "Reistijd voor dit bezoek (heen en terug of door)."),
        C("wachttijd_min", "int", "minuten", "Wachttijd bij de klant voor het gesprek begon."),
    ),
)

NPS = Table(
    "nps",
    "Antwoorden op het jaarlijkse klanttevredenheidsonderzoek (oktober) met de NPS-vraag.",
    ("antwoord_id",),
    (
        C("antwoord_id", "id", "", "Nummer van het antwoord, bijvoorbeeld N0001."),
        C("datum", "date", "datum", "Datum waarop het antwoord binnenkwam."),
        C("klant_id", "id", "", "Klant van de respondent."),
        C("functie_respondent", "category", "", "Functie van de persoon die antwoordde."),
        C(
            "score",
            "nullable_int",
            "0-10",
            "Hoe waarschijnlijk is het dat u ons aanbeveelt? 0 = zeer onwaarschijnlijk, "
            "10 = zeer waarschijnlijk.",
        ),
        C("opmerking", "text", "", "Toelichting van de respondent; vaak leeg."),
    ),
)

MAANDOMZET = Table(
    "maandomzet",
    "Omzet per maand van januari 2015 tot en met december 2024 (uit de boekhouding).",
    ("maand",),
    (
        C("maand", "date", "datum", "Eerste dag van de maand."),
        C("omzet", "float", "euro", "Netto-omzet van de maand (retouren afgetrokken)."),
        C("aantal_orders", "int", "orders", "Aantal verkooporders in de maand (zonder retouren)."),
    ),
)

BALANS = Table(
    "balans",
    "Balans per 31 december 2022, 2023 en 2024, in hele euro's.",
    ("jaar", "post"),
    (
        C("jaar", "int", "", "Jaar; de balans geldt per 31 december van dit jaar."),
        C("zijde", "category", "", "activa of passiva."),
        C("groep", "category", "", "Vaste activa, vlottende activa, eigen vermogen, ..."),
        C("post", "text", "", "Balanspost."),
        C("bedrag", "int", "euro", "Bedrag in hele euro's."),
    ),
)

RESULTATENREKENING = Table(
    "resultatenrekening",
    "Winst-en-verliesrekening over 2022, 2023 en 2024, in hele euro's.",
    ("jaar", "post"),
    (
        C("jaar", "int", "", "Boekjaar."),
        C("soort", "category", "", "opbrengsten, kosten of resultaat (een tussentelling)."),
        C("post", "text", "", "Naam van de post."),
        C("bedrag", "int", "euro", "Bedrag in hele euro's; kosten staan er positief in."),
    ),
)

ALL_TABLES = (
    VERKOPERS,
    KLANTEN,
    ORDERS,
    LEADS,
    OFFERTES,
    BEZOEKEN,
    NPS,
    MAANDOMZET,
    BALANS,
    RESULTATENREKENING,
)
SCHEMAS = {table.name: table for table in ALL_TABLES}
TABLES: tuple[str, ...] = tuple(SCHEMAS)
