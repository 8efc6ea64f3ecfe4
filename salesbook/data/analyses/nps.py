"""Net Promoter Score per segment (:func:`salesbook.calc.nps_from_scores`).

Answers without a valid score (empty, or outside 0-10) are left out first (see
:func:`~salesbook.data.clean.clean_nps`); customers without a sector count as ``onbekend``.
"""

from __future__ import annotations

import pandas as pd

from salesbook.calc import nps_category, nps_from_scores
from salesbook.data.analyses._prepare import require_columns
from salesbook.data.clean import clean_klanten, clean_nps, duplicate_customers
from salesbook.exceptions import DataError


def nps_by_segment(nps: pd.DataFrame, klanten: pd.DataFrame, by: str = "sector") -> pd.DataFrame:
    """NPS and the number of promoters, passives and detractors per segment.

    Args:
        nps: the ``nps`` table.
        klanten: the ``klanten`` table.
        by: a column of ``klanten`` (``sector``, ``omvang``, ``land``, ``regio``,
            ``accountmanager`` …), a column of ``nps`` (``functie_respondent``) or ``"jaar"``
            (the year of the answer).

    Returns:
        Indexed by the segment: ``antwoorden``, ``promoters``, ``passives``, ``detractors``
        (counts) and ``nps`` (points, −100 … +100), plus a last row ``totaal``.
    """
    require_columns(nps, ["klant_id", "score", "datum"], "nps")
    answers = clean_nps(nps).copy()
    answers["klant_id"] = answers["klant_id"].replace(duplicate_customers(klanten).to_dict())
    customers = clean_klanten(klanten).set_index("klant_id")
    if by == "jaar":
        segment = answers["datum"].dt.year
    elif by in answers.columns and by != "klant_id":
        segment = answers[by]
    elif by in customers.columns:
        segment = answers["klant_id"].map(customers[by])
    else:
        raise DataError(f"Onbekend segment {by!r}: kies een kolom van klanten of nps, of 'jaar'.")
    answers["segment"] = segment.astype(object).to_numpy()
    if isinstance(segment.dtype, pd.CategoricalDtype):
        order = [c for c in segment.cat.categories if c in set(answers["segment"])]
    else:
        order = sorted(answers["segment"].dropna().unique())
    names, rows = [], []
    for name in order:
        names.append(name)
        rows.append(_row(answers.loc[answers["segment"] == name, "score"]))
    names.append("totaal")
    rows.append(_row(answers["score"]))
    table = pd.DataFrame(rows, index=pd.Index(names, name=by))
    return table


def _row(scores: pd.Series) -> dict[str, int | float]:
    values = [int(s) for s in scores]
    kinds = pd.Series([nps_category(s) for s in values], dtype=object)
    return {
        "antwoorden": len(values),
        "promoters": int((kinds == "promoter").sum()),
        "passives": int((kinds == "passive").sum()),
        "detractors": int((kinds == "detractor").sum()),
        "nps": nps_from_scores(values),
    }
