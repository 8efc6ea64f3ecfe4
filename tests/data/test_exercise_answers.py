"""The keys of the code exercises on the course data (salesbook.data.exercise_answers).

Each function is compared with an independent computation of the same exercise on the raw
CSV files (csv module and plain Python, no pandas dtypes), with small properties that can be
checked by hand, and with the numbers the worked solutions quote. The banks are checked too:
every code exercise on the data takes its key from this module, and its worked solution,
executed as in the notebook, gives that key.

The quoted numbers belong to the committed data (seed 2024). When the data set changes on
purpose, these tests fail together with the bank check (stated ``answer`` against ``calc``)
and show which answers, prompts and worked solutions need new numbers.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import Counter, defaultdict
from pathlib import Path
from statistics import mean

import pandas as pd
import pytest

from salesbook import calc, data
from salesbook.data import exercise_answers as answers
from salesbook.data.clean import duplicate_customers
from salesbook.exceptions import DataError
from salesbook.quiz import check, load_course
from salesbook.quiz.calcref import call_calc
from salesbook.quiz.model import NumericQuestion
from salesbook.werkboek_invoer import code_response

ROOT = Path(__file__).resolve().parents[2]
MODULE = "salesbook.data.exercise_answers."
EXERCISES = {  # the code exercises on the course data when this module was written
    "h0.data.01", "h2.prognose-rekenen.11", "h2.abc.05", "h2.retentie.05", "h2.kpi.07",
    "h2.ratios.12", "h2.loyaliteit.10", "h3.controle.01", "h3.controle.02", "h3.controle.03",
    "h3.controle.04", "h3.controle.08", "h3.verkoopafdeling.04",
}  # fmt: skip


def _rows(name: str) -> list[dict[str, str]]:
    with open(data.data_folder() / f"{name}.csv", encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


# ------------------------------------------------------------------ chapter 0 and 2


def test_leads_converted_share():
    outcomes = Counter(row["uitkomst"] for row in _rows("leads"))
    total = sum(outcomes.values())
    assert (outcomes["gewonnen"], total) == (113, 838)  # "113 van de 838 leads"
    assert answers.leads_converted_share() == pytest.approx(outcomes["gewonnen"] / total)
    assert outcomes["gewonnen"] + outcomes["verloren"] + outcomes["open"] == total


def _quarter_revenue(year: int, quarter: int) -> float:
    months = {f"{year}-{month:02d}" for month in range(3 * quarter - 2, 3 * quarter + 1)}
    return sum(float(row["omzet"]) for row in _rows("maandomzet") if row["maand"][:7] in months)


def test_same_quarter_forecast():
    quarters = [_quarter_revenue(year, 1) for year in (2022, 2023, 2024)]
    assert [round(q) for q in quarters] == [2_810_071, 3_323_196, 3_467_092]  # the solution
    forecast = answers.same_quarter_forecast(quarter=1, first_year=2022, last_year=2024)
    assert forecast == pytest.approx(sum(quarters) / 3, rel=1e-12)
    assert min(quarters) < forecast < max(quarters)
    two_years = answers.same_quarter_forecast(quarter=3, first_year=2023, last_year=2024)
    assert two_years == pytest.approx((_quarter_revenue(2023, 3) + _quarter_revenue(2024, 3)) / 2)


def _order_rows(clean: bool = True) -> list[dict[str, str]]:
    """Order lines dated 2022-2024, duplicate customers booked on the original (the rule of
    the exercise, ``clean_orders``; the duplicates themselves come from duplicate_customers)."""
    copies = duplicate_customers(pd.read_csv(data.data_folder() / "klanten.csv")).to_dict()
    rows = [row for row in _rows("orders") if row["orderdatum"][:4] in {"2022", "2023", "2024"}]
    for row in rows:
        row["klant_id"] = copies.get(row["klant_id"], row["klant_id"]) if clean else row["klant_id"]
    return rows


def _top_share(clean: bool) -> tuple[float, int, int]:
    revenue: dict[str, float] = defaultdict(float)
    for row in _order_rows(clean):
        if row["orderdatum"].startswith("2024"):
            revenue[row["klant_id"]] += float(row["omzet"])
    positive = sorted((value for value in revenue.values() if value > 0), reverse=True)
    top = math.ceil(0.2 * len(positive))
    return sum(positive[:top]) / sum(positive), len(positive), top


def test_top_customer_revenue_share():
    share, customers, top = _top_share(clean=True)
    assert (customers, top) == (465, 93)  # "465 klanten kochten in 2024; de beste 93"
    assert answers.top_customer_revenue_share(year=2024, share=0.2) == pytest.approx(share)
    assert 0.2 <= share <= 1  # the best fifth brings at least a fifth
    assert _top_share(clean=False)[0] > share  # "zonder opschonen ... iets hoger"
    assert answers.top_customer_revenue_share(year=2024, share=1.0) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("start", "end", "kept", "before"), [(2023, 2024, 418, 479), (2022, 2023, None, None)]
)
def test_customer_retention_rate(start, end, kept, before):
    buyers: dict[str, set[str]] = defaultdict(set)
    for row in _order_rows():
        if int(row["aantal"]) > 0:
            buyers[row["orderdatum"][:4]].add(row["klant_id"])
    retained = buyers[str(start)] & buyers[str(end)]
    if kept is not None:
        assert (len(retained), len(buyers[str(start)])) == (kept, before)  # "418 van de 479"
    expected = len(retained) / len(buyers[str(start)])
    assert answers.customer_retention_rate(start_year=start, end_year=end) == pytest.approx(
        expected
    )
    assert 0 < expected < 1


def _decided_quotes() -> dict[str, Counter[str]]:
    per_rep: dict[str, Counter[str]] = defaultdict(Counter)
    for row in _rows("offertes"):
        per_rep[row["verkoper_id"]][row["status"]] += 1
    return per_rep


def test_rep_order_success_ratio_for_every_rep():
    per_rep = _decided_quotes()
    v03 = per_rep["V03"]
    assert (v03["geaccepteerd"], v03["geaccepteerd"] + v03["afgewezen"], v03["open"]) == (
        107,
        172,
        4,
    )
    for rep, statuses in per_rep.items():
        decided = sum(n for status, n in statuses.items() if status != "open")
        expected = statuses["geaccepteerd"] / decided
        assert answers.rep_order_success_ratio(rep_id=rep) == pytest.approx(expected), rep
    with pytest.raises(DataError, match="V99"):
        answers.rep_order_success_ratio(rep_id="V99")


def test_current_ratio_for_every_year():
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for row in _rows("balans"):
        totals[row["jaar"], row["groep"]] += int(row["bedrag"])
    assert (totals["2024", "vlottende activa"], totals["2024", "kort vreemd vermogen"]) == (
        4_220_668,
        3_180_553,
    )
    for year in {year for year, _ in totals}:
        expected = totals[year, "vlottende activa"] / totals[year, "kort vreemd vermogen"]
        assert answers.current_ratio_at_year_end(year=int(year)) == pytest.approx(expected)
    with pytest.raises(DataError, match="2030"):
        answers.current_ratio_at_year_end(year=2030)


def test_sector_nps_for_every_sector():
    sectors = {row["klant_id"]: row["sector"] for row in _rows("klanten")}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in _rows("nps"):
        if row["score"].isdigit() and int(row["score"]) <= 10:
            score = int(row["score"])
            kind = "P" if score >= 9 else "D" if score <= 6 else "A"
            counts[sectors[row["klant_id"]]][kind] += 1
    assert (counts["bouw"]["P"], counts["bouw"]["A"], counts["bouw"]["D"]) == (63, 60, 34)
    for sector, kinds in counts.items():
        if not sector:  # customers without a sector (a known error in the data)
            continue
        expected = (kinds["P"] - kinds["D"]) / sum(kinds.values()) * 100
        assert answers.sector_nps(sector=sector) == pytest.approx(expected), sector
        assert -100 <= expected <= 100
    with pytest.raises(DataError, match="ruimtevaart"):
        answers.sector_nps(sector="ruimtevaart")


# ------------------------------------------------------------------ chapter 3


def _visit_minutes(year: int) -> dict[str, list[float]]:
    """Per rep the corrected minutes [conversation, travel, waiting] of the visits of ``year``."""
    visits = [row for row in _rows("bezoeken") if row["datum"].startswith(str(year))]
    fine = [int(row["reistijd_min"]) for row in visits if int(row["reistijd_min"]) <= 300]
    per_rep: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for row in visits:
        travel = int(row["reistijd_min"])
        minutes = per_rep[row["verkoper_id"]]
        minutes[0] += int(row["bezoekduur_min"])
        minutes[1] += travel if travel <= 300 else mean(fine)
        minutes[2] += int(row["wachttijd_min"])
    return per_rep


def _visiting_staff() -> dict[str, dict[str, str]]:
    return {r["verkoper_id"]: r for r in _rows("verkopers") if float(r["bezoekuren_per_jaar"]) > 0}


def test_visit_hours_and_conversation_share():
    totals = [sum(parts) for parts in zip(*_visit_minutes(2024).values(), strict=True)]
    assert [round(total) for total in totals] == [238_390, 179_340, 16_593]  # bank comment
    assert answers.visit_hours(year=2024) == pytest.approx(sum(totals) / 60)
    shares = [total / sum(totals) for total in totals]
    assert answers.conversation_time_share(year=2024) == pytest.approx(shares[0])
    assert sum(shares) == pytest.approx(1)  # conversation + travel + waiting = all visit time
    for year in (2022, 2023):
        hours = sum(sum(parts) for parts in _visit_minutes(year).values()) / 60
        assert answers.visit_hours(year=year) == pytest.approx(hours)
    with pytest.raises(DataError, match="2030"):
        answers.visit_hours(year=2030)


def test_franke_and_utilisation_of_the_visiting_staff():
    staff = _visiting_staff()
    available = [float(row["bezoekuren_per_jaar"]) for row in staff.values()]
    assert (len(available), sum(available)) == (10, 4 * 670 + 6 * 920)
    hours = sum(sum(parts) for parts in _visit_minutes(2024).values()) / 60
    assert answers.franke_reps_exact(year=2024) == pytest.approx(hours / 820)
    utilisation = answers.visiting_staff_utilisation(year=2024)
    assert utilisation == pytest.approx(hours / 8200)
    # the same hours over ten people: utilisation = Franke's number of reps / reps present
    assert utilisation == pytest.approx(answers.franke_reps_exact(year=2024) / 10)


def test_highest_rep_utilisation():
    per_rep = _visit_minutes(2024)
    staff = _visiting_staff()
    assert set(per_rep) <= set(staff)
    shares = {
        rep: sum(m) / 60 / float(staff[rep]["bezoekuren_per_jaar"]) for rep, m in per_rep.items()
    }
    assert max(shares, key=shares.get) == "V05"  # Anouk Blom, Noord
    assert [round(m) for m in per_rep["V05"]] == [36_460, 37_585, 2_587]
    assert answers.highest_rep_utilisation(year=2024) == pytest.approx(max(shares.values()))
    # the parts add up to the whole: hours per rep sum to the hours of all visits
    hours = sum(shares[rep] * float(staff[rep]["bezoekuren_per_jaar"]) for rep in shares)
    assert hours == pytest.approx(answers.visit_hours(year=2024))


def test_visiting_staff_within_budget():
    revenue = sum(float(r["omzet"]) for r in _rows("maandomzet") if r["maand"].startswith("2024"))
    staff = _visiting_staff().values()
    cost = mean(
        float(r["loonkosten_per_jaar"]) + float(r["overige_kosten_per_jaar"]) for r in staff
    )
    assert (round(revenue), round(cost)) == (14_302_331, 97_250)  # the worked solution
    people = answers.visiting_staff_within_budget(year=2024, percentage=0.06)
    assert people == 8
    assert people * cost <= 0.06 * revenue < (people + 1) * cost
    assert answers.visiting_staff_within_budget(year=2024, percentage=0.12) in (16, 17)


# ------------------------------------------------------------------ caching


def test_each_table_is_read_once_and_callers_cannot_change_the_cache(monkeypatch):
    answers.clear_cache()
    reads: Counter[str] = Counter()
    real_load = answers.load

    def counting_load(name: str) -> pd.DataFrame:
        reads[name] += 1
        return real_load(name)

    monkeypatch.setattr(answers, "load", counting_load)
    first = answers.visit_hours(2024)
    answers.conversation_time_share(2024)
    answers.highest_rep_utilisation(2024)
    assert answers.visit_hours(2024) == first  # _visits changes its copy, not the cache
    assert reads == {"bezoeken": 1, "verkopers": 1}
    answers.clear_cache()


# ------------------------------------------------------------------ the banks

COURSE = load_course()
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
_EXERCISE_CELL = re.compile(r'wb\.oefening\("([^"]+)"\)')


def _notebook_exercises() -> list[str]:
    """Ids of ``wb.oefening(...)`` cells, in notebook order."""
    found = []
    for path in NOTEBOOKS:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                found += _EXERCISE_CELL.findall("".join(cell["source"]))
    return found


def _uses_course_data(question: NumericQuestion) -> bool:
    texts = [question.prompt, question.solution, *question.hints]
    return (
        any("data.load(" in text for text in texts)
        or "code-oefening" in question.prompt.lower()
        or "cursusdata" in question.source
    )


DATA_EXERCISES = sorted(
    {q.id for q in COURSE.questions() if isinstance(q, NumericQuestion) and _uses_course_data(q)}
    | {qid for qid in _notebook_exercises() if COURSE.question(qid).type == "numeric"}
)


def test_every_code_exercise_on_the_data_takes_its_key_from_exercise_answers():
    assert set(DATA_EXERCISES) >= EXERCISES  # the detection finds at least the known ones
    for qid in DATA_EXERCISES:
        question = COURSE.question(qid)
        assert question.calc is not None, qid
        function = question.calc.function
        assert function.startswith(MODULE), f"{qid}: {function} (a copied number?)"
        assert function.removeprefix(MODULE) in answers.__all__, qid
    used = {COURSE.question(qid).calc.function.removeprefix(MODULE) for qid in DATA_EXERCISES}
    assert used == set(answers.__all__) - {"clear_cache"}  # no function without an exercise


def test_the_keys_did_not_change_when_they_moved_to_exercise_answers():
    # values of the former calc entries (numbers copied from the data), within 0.001 h/%
    former = {
        "h0.data.01": 113 / 838 * 100,
        "h2.prognose-rekenen.11": (2810071.01 + 3323195.83 + 3467092.45) / 3,
        "h2.abc.05": 74.2295,
        "h2.retentie.05": 418 / 479 * 100,
        "h2.kpi.07": 107 / 172 * 100,
        "h2.ratios.12": 4_220_668 / 3_180_553,
        "h2.loyaliteit.10": (63 - 34) / 157 * 100,
        "h3.controle.01": 434_323 / 60,
        "h3.controle.02": 434_323 / 60 / 820,
        "h3.controle.03": 434_323 / 60 / 82,
        "h3.controle.04": 8,
        "h3.controle.08": (36_460 + 37_585 + 2_587) / 60 / 920 * 100,
        "h3.verkoopafdeling.04": 238_390 / 434_323 * 100,
    }
    for qid, value in former.items():
        question = COURSE.question(qid)
        assert call_calc(question.calc, {}, qid) == pytest.approx(value, abs=1e-3), qid
        assert question.tolerance.accepts(question.answer, value), qid


# Before its exercises, the chapter 3 notebook has loaded these tables and defined the
# visiting staff (cells "bezoeken = data.load(...)", "bezoekers = verkopers[...]", ...).
PREAMBLE = {
    3: 'bezoeken = data.load("bezoeken")\nverkopers = data.load("verkopers")\n'
    'maandomzet = data.load("maandomzet")\n'
    'bezoekers = verkopers[verkopers["bezoekuren_per_jaar"] > 0]\n',
}


def _solution_code(qid: str) -> str:
    blocks = re.findall(r"```python\n(.*?)```", COURSE.question(qid).solution, re.S)
    assert blocks, f"{qid}: de uitwerking heeft geen Python-code"
    return "\n".join(blocks)


def test_worked_solutions_executed_as_in_the_notebooks_give_the_key():
    ordered = _notebook_exercises()
    assert set(DATA_EXERCISES) <= set(ordered), "elke code-oefening staat in een notebook"
    namespaces: dict[int, dict[str, object]] = {}
    for qid in [qid for qid in ordered if qid in DATA_EXERCISES]:
        question = COURSE.question(qid)
        namespace = namespaces.get(question.chapter)
        if namespace is None:
            namespace = namespaces[question.chapter] = {"calc": calc, "data": data, "pd": pd}
            exec(PREAMBLE.get(question.chapter, ""), namespace)
        exec(_solution_code(qid), namespace)
        given = namespace["antwoord"]
        assert float(given) == pytest.approx(call_calc(question.calc, {}, qid), rel=1e-9), qid
        outcome = check(question, code_response(question, given))  # what oef.controleer does
        assert outcome.status == "goed", (qid, outcome.feedback)
