"""A tiny hand-made company for the analysis tests; every expected number is worked out in
the test that uses it."""

from __future__ import annotations

import pandas as pd


def klanten() -> pd.DataFrame:
    """Seven customer rows; K6 is K1 typed again, K7 has no sector."""
    return pd.DataFrame(
        {
            "klant_id": ["K1", "K2", "K3", "K4", "K5", "K6", "K7"],
            "naam": [
                "Alfa Bouw B.V.",
                "Beta Installaties B.V.",
                "Gamma Metaal B.V.",
                "Zorgcentrum Delta",
                "Epsilon Onderhoud B.V.",
                "ALFA BOUW BV",
                "Zeta College",
            ],
            "sector": pd.Categorical(
                [
                    "bouw",
                    "installatietechniek",
                    "industrie",
                    "zorg",
                    "facilitair beheer",
                    "bouw",
                    None,
                ]
            ),
            "provincie": pd.Categorical(
                [
                    "Zeeland",
                    "Oost-Vl.",
                    "Utrecht",
                    "Noord-Brabant",
                    "Zuid-Holland",
                    "Zeeland",
                    "Noord-Brabant",
                ]
            ),
            "plaats": ["Goes", "Gent", "Utrecht", "Breda", "Leiden", "Goes", "Tilburg"],
            "accountmanager": ["V01", "V02", "V02", "V01", "V01", "V01", "V02"],
            "klant_sinds": pd.to_datetime(
                [
                    "2010-01-01",
                    "2015-03-01",
                    "2022-04-01",
                    "2018-06-01",
                    "2023-01-02",
                    "2023-03-01",
                    "2012-09-01",
                ]
            ),
            "omvang": pd.Categorical(
                ["groot", "middelgroot", "klein", "klein", "micro", "groot", "micro"],
                categories=["micro", "klein", "middelgroot", "groot"],
                ordered=True,
            ),
        }
    )


def orders() -> pd.DataFrame:
    """Net revenue after cleaning: K1 500, K2 300, K3 100, K4 60, K5 40 (total 1000)."""
    rows = [
        # order, line, date, customer, quantity, revenue, margin
        (1, 1, "2022-02-10", "K1", 10, 300.0, 90.0),
        (2, 1, "2023-05-10", "K6", 5, 220.0, 60.0),  # duplicate of K1
        (3, 1, "2024-03-01", "K1", -1, -20.0, -6.0),  # return
        (4, 1, "2022-06-15", "K2", 4, 100.0, 30.0),
        (4, 2, "2022-06-15", "K2", 2, 100.0, 25.0),
        (5, 1, "2024-11-20", "K2", 3, 100.0, 20.0),
        (6, 1, "2022-04-01", "K3", 1, 60.0, 15.0),
        (7, 1, "2022-10-03", "K3", 1, 40.0, 10.0),
        (8, 1, "2023-09-01", "K4", 2, 60.0, 12.0),
        (9, 1, "2023-01-02", "K5", 1, 40.0, 8.0),
        (10, 1, "2032-06-01", "K5", 50, 999.0, 300.0),  # year typed wrong
    ]
    frame = pd.DataFrame(
        rows, columns=["order_id", "regel", "orderdatum", "klant_id", "aantal", "omzet", "marge"]
    )
    frame["orderdatum"] = pd.to_datetime(frame["orderdatum"])
    return frame
