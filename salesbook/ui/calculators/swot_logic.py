"""Confrontatiematrix (SWOT confrontation matrix): pure logic, no widgets.

The internal factors (sterkten S1…, zwakten W1…) are the rows, the external factors (kansen
O1…, bedreigingen T1…) the columns. Every pair gets a score for how strongly the two are
related: **0 = geen verband, 1 = zwak, 2 = duidelijk, 3 = sterk verband**.

Why 0–3 and not −2…+2: whether a combination is good or bad news already follows from its
quadrant (a sterkte with a kans is an opportunity, a zwakte with a bedreiging a danger). The
score only says how much the pair *matters*. With signed scores, totals of a row with both
kansen and bedreigingen cancel out, and an important danger would rank as the least
important pair.

Quadrants, with the standard Dutch strategy names:

* S × O: **offensief** (aanvallen): "Sterkte X benutten om kans Y te grijpen" — kans-issue;
* W × O: **verbeteren** (versterken): "Zwakte X verbeteren om kans Y te benutten" — kans-issue;
* S × T: **defensief** (verdedigen): "Sterkte X inzetten om bedreiging Y af te weren" —
  probleemissue;
* W × T: **terugtrekken** (vermijden, overleven): "Zwakte X maakt je kwetsbaar voor
  bedreiging Y" — probleemissue.

An issue rests on a kans (kans-issue) or on a bedreiging (probleemissue); so SO is the purest
kans-issue and WT the purest probleemissue. The strategic issues are the pairs with the
highest scores; ties go to the pair whose row and column together score highest (the
factors that matter most overall), then to the order of the lists.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from salesbook.exceptions import InvalidInputError

SCORES = (0, 1, 2, 3)
SCORE_LABELS = {0: "geen verband", 1: "zwak verband", 2: "duidelijk verband", 3: "sterk verband"}
MIN_ITEMS, MAX_ITEMS = 2, 5
#: list key → (code letter, Dutch singular, Dutch plural)
KINDS = {
    "sterkten": ("S", "sterkte", "sterkten"),
    "zwakten": ("W", "zwakte", "zwakten"),
    "kansen": ("O", "kans", "kansen"),
    "bedreigingen": ("T", "bedreiging", "bedreigingen"),
}
_BULLET = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s*")


@dataclass(frozen=True)
class Quadrant:
    """One quadrant of the confrontatiematrix.

    Attributes:
        code: ``"SO"``, ``"WO"``, ``"ST"`` or ``"WT"``.
        strategy: the Dutch strategy name (offensief, verbeteren, defensief, terugtrekken).
        action: the verb usually used with it (aanvallen, versterken, verdedigen, vermijden).
        issue: ``"kans-issue"`` or ``"probleemissue"``.
        emphasis: Dutch phrase for "the emphasis is on …".
    """

    code: str
    strategy: str
    action: str
    issue: str
    emphasis: str


QUADRANTS = {
    "SO": Quadrant(
        "SO", "offensief", "aanvallen", "kans-issue", "een offensieve strategie (aanvallen)"
    ),
    "WO": Quadrant(
        "WO",
        "verbeteren",
        "versterken",
        "kans-issue",
        "verbeteren: zwakten versterken om kansen te kunnen benutten",
    ),
    "ST": Quadrant(
        "ST", "defensief", "verdedigen", "probleemissue", "een defensieve strategie (verdedigen)"
    ),
    "WT": Quadrant(
        "WT",
        "terugtrekken",
        "vermijden",
        "probleemissue",
        "terugtrekken of de schade beperken (vermijden)",
    ),
}


@dataclass(frozen=True)
class Swot:
    """The four SWOT lists, each 2–5 short texts."""

    sterkten: tuple[str, ...]
    zwakten: tuple[str, ...]
    kansen: tuple[str, ...]
    bedreigingen: tuple[str, ...]

    def internal(self) -> list[tuple[str, str]]:
        """(code, text) of the rows: S1, S2, …, W1, W2, …"""
        return _coded("S", self.sterkten) + _coded("W", self.zwakten)

    def external(self) -> list[tuple[str, str]]:
        """(code, text) of the columns: O1, O2, …, T1, T2, …"""
        return _coded("O", self.kansen) + _coded("T", self.bedreigingen)


@dataclass(frozen=True)
class Issue:
    """A scored combination of an internal and an external factor."""

    row: str
    row_text: str
    column: str
    column_text: str
    score: int
    quadrant: Quadrant

    def suggestion(self) -> str:
        """The combination as a Dutch strategic issue."""
        s, e = f"'{self.row_text}'", f"'{self.column_text}'"
        text = {
            "SO": f"Sterkte {s} benutten om kans {e} te grijpen",
            "WO": f"Zwakte {s} verbeteren om kans {e} te kunnen benutten",
            "ST": f"Sterkte {s} inzetten om bedreiging {e} af te weren",
            "WT": f"Zwakte {s} maakt je kwetsbaar voor bedreiging {e}: beperk de schade of trek "
            "je terug",
        }[self.quadrant.code]
        return f"{text} ({self.quadrant.code}, {self.quadrant.strategy}, {self.quadrant.issue})."


def _coded(letter: str, items: Sequence[str]) -> list[tuple[str, str]]:
    return [(f"{letter}{i}", text) for i, text in enumerate(items, start=1)]


def parse_items(text: str | Sequence[str], kind: str) -> tuple[str, ...]:
    """Read one SWOT list: one item per line (bullets and numbering are dropped).

    Args:
        text: the Textarea text, or a list of texts.
        kind: ``"sterkten"``, ``"zwakten"``, ``"kansen"`` or ``"bedreigingen"``.

    Raises:
        InvalidInputError: fewer than 2 or more than 5 items, or an item listed twice.
    """
    _, singular, plural = KINDS[kind]
    lines = text.splitlines() if isinstance(text, str) else [str(t) for t in text]
    items = tuple(item for line in lines if (item := _BULLET.sub("", line).strip()))
    if not MIN_ITEMS <= len(items) <= MAX_ITEMS:
        raise InvalidInputError(
            f"Geef {MIN_ITEMS} tot {MAX_ITEMS} {plural}, één per regel; nu staan er {len(items)}."
        )
    seen: set[str] = set()
    for item in items:
        if item.lower() in seen:
            raise InvalidInputError(f"De {singular} '{item}' staat er twee keer in.")
        seen.add(item.lower())
    return items


def make_swot(
    sterkten: str | Sequence[str],
    zwakten: str | Sequence[str],
    kansen: str | Sequence[str],
    bedreigingen: str | Sequence[str],
) -> Swot:
    """Read the four lists (see :func:`parse_items`)."""
    return Swot(
        parse_items(sterkten, "sterkten"),
        parse_items(zwakten, "zwakten"),
        parse_items(kansen, "kansen"),
        parse_items(bedreigingen, "bedreigingen"),
    )


def quadrant_of(row: str, column: str) -> Quadrant:
    """The quadrant of a pair of codes: ``("S1", "T2")`` → ST."""
    return QUADRANTS[row[0] + column[0]]


def score_matrix(swot: Swot, scores: Mapping[tuple[str, str], int]) -> pd.DataFrame:
    """The matrix of scores: rows S1…/W1…, columns O1…/T1…; missing pairs score 0.

    Raises:
        InvalidInputError: a score outside 0–3, or a pair with an unknown code.
    """
    rows = [code for code, _ in swot.internal()]
    columns = [code for code, _ in swot.external()]
    matrix = pd.DataFrame(0, index=rows, columns=columns, dtype=int)
    for (row, column), score in scores.items():
        if row not in matrix.index or column not in matrix.columns:
            raise InvalidInputError(
                f"De combinatie {row} × {column} bestaat niet in deze matrix: rijen zijn "
                f"{', '.join(rows)}, kolommen {', '.join(columns)}."
            )
        if score not in SCORES or isinstance(score, bool):
            raise InvalidInputError(
                f"De score van {row} × {column} moet 0, 1, 2 of 3 zijn, maar is {score!r}."
            )
        matrix.loc[row, column] = int(score)
    return matrix


def with_totals(matrix: pd.DataFrame) -> pd.DataFrame:
    """The matrix plus a ``Totaal`` column (per factor) and a ``Totaal`` row."""
    result = matrix.copy()
    result["Totaal"] = result.sum(axis=1)
    result.loc["Totaal"] = result.sum(axis=0)
    return result


def quadrant_totals(matrix: pd.DataFrame) -> dict[str, int]:
    """Sum of the scores per quadrant, in the order SO, WO, ST, WT."""
    totals = dict.fromkeys(QUADRANTS, 0)
    for row in matrix.index:
        for column in matrix.columns:
            totals[row[0] + column[0]] += int(matrix.loc[row, column])
    return totals


def points(total: int) -> str:
    """``1`` → ``"1 punt"``, ``6`` → ``"6 punten"``."""
    return f"{total} punt" if total == 1 else f"{total} punten"


def heaviest(totals: Mapping[str, int]) -> list[str]:
    """The quadrant code(s) with the highest total (several on a tie), or [] if all are 0."""
    top = max(totals.values(), default=0)
    return [code for code, total in totals.items() if total == top and top > 0]


def emphasis_text(totals: Mapping[str, int]) -> str:
    """One Dutch sentence on where the matrix puts the emphasis."""
    codes = heaviest(totals)
    if not codes:
        return "Geef eerst scores in de matrix: nu zijn alle scores 0."
    if len(codes) == 1:
        q = QUADRANTS[codes[0]]
        return (
            f"Het zwaarste kwadrant is {q.code} ({points(totals[q.code])}): de nadruk ligt op "
            f"{q.emphasis}."
        )
    names = " en ".join(f"{c} ({QUADRANTS[c].strategy})" for c in codes)
    return f"De kwadranten {names} wegen even zwaar ({points(totals[codes[0]])} elk)."


def strongest(swot: Swot, matrix: pd.DataFrame, top: int = 3) -> list[Issue]:
    """The ``top`` highest-scoring pairs (score > 0), see the module docstring for ties."""
    texts = dict(swot.internal()) | dict(swot.external())
    row_totals, column_totals = matrix.sum(axis=1), matrix.sum(axis=0)
    rows, columns = list(matrix.index), list(matrix.columns)
    pairs = [(r, c) for r in rows for c in columns if matrix.loc[r, c] > 0]
    pairs.sort(
        key=lambda p: (
            -int(matrix.loc[p]),
            -int(row_totals[p[0]] + column_totals[p[1]]),
            rows.index(p[0]),
            columns.index(p[1]),
        )
    )
    return [
        Issue(r, texts[r], c, texts[c], int(matrix.loc[r, c]), quadrant_of(r, c))
        for r, c in pairs[:top]
    ]
