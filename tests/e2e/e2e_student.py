"""The student's and the teacher's actions on the welcome notebook, in a real browser.

Shared by ``test_e2e_welkom.py`` and ``tools/make_screenshots.py``: fill in a student number
and run everything, answer the seven questions by clicking and typing (checking the Dutch
feedback of each), hand the saved notebook in and grade it with ``salesbook nakijken``.
The expected scores are worked out by hand in ``test_e2e_welkom.py``.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from pathlib import Path

from e2e_lab import NotebookPage
from playwright.sync_api import Locator, expect

NAME = "00_welkom.ipynb"
STUDENT = "123456"
ORDER = ["Acquireren", "Aftasten", "Groei", "Verzadiging", "Neergang"]
PAIRS = {  # Balanced scorecard stays "– kies –"
    "DESTEP": "De macro-omgeving van een organisatie analyseren",
    "SPIN": "In een verkoopgesprek met vragen de behoefte van de klant achterhalen",
    "Formule van Franke": "Berekenen hoeveel buitendienstmedewerkers je nodig hebt",
    "ABC-analyse": "Klanten indelen naar hun aandeel in de omzet",
}
KRALJIC = {
    "Kantoorpapier en printertoner": "Routineproducten",
    "Werkhandschoenen en schroeven": "Routineproducten",
    "Koperen installatiebuis, in grote hoeveelheden te koop bij meerdere groothandels": (
        "Hefboomproducten"
    ),
    "Een reserveonderdeel voor een oude warmtepomp dat nog maar één fabrikant levert": (
        "Bottleneckproducten"
    ),
    "Het maatwerk-gebouwbeheersysteem waarop alle projecten draaien, van één specialist": (
        "Strategische producten"
    ),
}
OPEN_ANSWER = (
    "Een tevreden klant is blij met een levering, een loyale klant blijft kopen en beveelt "
    "je aan. Een installateur is tevreden over de snelle levering, maar koopt zijn koperbuis "
    "toch bij een concurrent met 5% korting."
)


def nps_typed(prompt: str) -> str:
    """The NPS for the numbers in the prompt, by hand, one decimal with a decimal comma."""
    found = re.search(
        r"(\d+) promoters.*?(\d+) passives.*?(\d+) detractors", prompt.replace("\n", " ")
    )
    assert found, prompt
    promoters, passives, detractors = map(int, found.groups())
    nps = (promoters - detractors) / (promoters + passives + detractors) * 100
    return f"{nps:.1f}".replace(".", ",")


def check(notebook: NotebookPage, question_id: str) -> None:
    """Click the question's "Controleer" button."""
    notebook.question(question_id).get_by_role("button", name="Controleer").click()


def feedback(notebook: NotebookPage, question_id: str) -> Locator:
    """The question's feedback field (HTML widget)."""
    return notebook.question(question_id).locator(".salesbook-feedback")


def answer_every_question(notebook: NotebookPage) -> str:
    """Click and type through the seven questions; returns the NPS as typed."""
    page = notebook.page

    # single choice: a wrong answer first, then the right one
    single = notebook.question("h0.werkboek.01")
    single.get_by_role("radio", name=re.compile(r"^D\. Een apart Excel")).check()
    check(notebook, "h0.werkboek.01")
    expect(feedback(notebook, "h0.werkboek.01")).to_contain_text("✘ Fout · 0 van 1 punt · poging 1")
    expect(feedback(notebook, "h0.werkboek.01")).to_contain_text(
        "Nee: je hoeft niets over te typen"
    )
    expect(single.get_by_role("button", name="Toon uitwerking")).to_be_disabled()
    single.get_by_role("radio", name=re.compile(r"^A\. Het bewaarde notebook")).check()
    check(notebook, "h0.werkboek.01")
    expect(feedback(notebook, "h0.werkboek.01")).to_contain_text("✔ Goed · 1 van 1 punt · poging 2")
    expect(feedback(notebook, "h0.werkboek.01")).to_contain_text("Klopt: elk antwoord komt in de")
    single.get_by_role("button", name="Toon uitwerking").click()
    expect(single.locator(".salesbook-uitwerking-veld")).to_contain_text(
        "Je levert het bewaarde notebook"
    )

    # multiple choice: two right, one wrong
    multiple = notebook.question("h0.cursus.01")
    for option in ("A. Net Promoter Score (NPS)", "B. Klantretentie", "E. Current ratio"):
        multiple.get_by_role("checkbox", name=option).check()
    check(notebook, "h0.cursus.01")
    expect(feedback(notebook, "h0.cursus.01")).to_contain_text(
        "◐ Deels goed · 0,67 van 2 punten · poging 1"
    )
    expect(feedback(notebook, "h0.cursus.01")).to_contain_text(
        "Je koos 2 van de 3 juiste opties en 1 onjuiste."
    )

    # numeric: a hint, then the NPS typed with a decimal comma and Enter
    numeric = notebook.question("h0.cursus.02")
    numeric.get_by_role("button", name="Toon hint").click()
    expect(numeric.locator(".salesbook-hints-veld")).to_contain_text(
        "Hint 1 van 3: Passives tellen niet mee"
    )
    expect(numeric.get_by_role("button", name="Volgende hint")).to_be_visible()
    typed = nps_typed(numeric.locator(".salesbook-prompt").inner_text())
    assert "," in typed
    notebook.type_text(numeric.get_by_role("textbox", name="Antwoord"), typed)
    page.keyboard.press("Enter")
    expect(feedback(notebook, "h0.cursus.02")).to_contain_text("✔ Goed · 1 van 1 punt · poging 1")
    expect(feedback(notebook, "h0.cursus.02")).to_contain_text(f"Goed: {typed} klopt.")

    # ordering: choose per place; the kernel swaps the item that was there
    ordering = notebook.question("h0.cursus.03")
    places = ordering.locator("select")
    for place, item in enumerate(ORDER, start=1):
        ordering.locator(f'select[title="Plaats {place}"]').select_option(item)
        page.wait_for_function(  # the swap came back: every item once again
            "selects => new Set(selects.map(s => s.value)).size === selects.length",
            arg=places.element_handles(),
        )
    check(notebook, "h0.cursus.03")
    expect(feedback(notebook, "h0.cursus.03")).to_contain_text("✔ Goed · 1 van 1 punt · poging 1")
    expect(feedback(notebook, "h0.cursus.03")).to_contain_text("Goed: de volgorde klopt.")

    # matching: four of five pairs
    matching = notebook.question("h0.cursus.04")
    for left, right in PAIRS.items():
        matching.locator(f'select[title="{left}"]').select_option(label=right)
    check(notebook, "h0.cursus.04")
    expect(feedback(notebook, "h0.cursus.04")).to_contain_text(
        "◐ Deels goed · 1,6 van 2 punten · poging 1"
    )
    expect(feedback(notebook, "h0.cursus.04")).to_contain_text("4 van de 5 koppelingen kloppen.")
    expect(feedback(notebook, "h0.cursus.04")).to_contain_text(
        "'Balanced scorecard' heb je nog niet gekoppeld."
    )

    # classification: all five right
    classification = notebook.question("h0.cursus.05")
    for item, category in KRALJIC.items():
        classification.locator(f'select[title="{item}"]').select_option(label=category)
    check(notebook, "h0.cursus.05")
    expect(feedback(notebook, "h0.cursus.05")).to_contain_text("✔ Goed · 2 van 2 punten · poging 1")
    expect(feedback(notebook, "h0.cursus.05")).to_contain_text("Goed: alle 5 indelingen kloppen.")

    # open question: typed and handed in
    open_question = notebook.question("h0.cursus.06")
    notebook.type_text(open_question.locator("textarea"), OPEN_ANSWER)
    open_question.get_by_role("button", name="Lever in").click()
    expect(feedback(notebook, "h0.cursus.06")).to_contain_text(
        "✉ Ingeleverd · je docent beoordeelt dit antwoord · poging 1"
    )
    return typed


def start(notebook: NotebookPage) -> None:
    """Fill in the student number in the first cell, as a student does, and run all cells."""
    notebook.set_cell_source(0, f'studentnummer = "{STUDENT}"\nseed = None')
    notebook.run_all()


def grade(saved: Path, work: Path) -> tuple[dict[str, str], Path]:
    """Hand the notebook in, run ``salesbook nakijken``; returns the gradebook row and folder."""
    handed_in, output = work / "ingeleverd", work / "nagekeken"
    handed_in.mkdir()
    shutil.copy(saved, handed_in / f"{STUDENT}_{NAME}")
    command = shutil.which("salesbook", path=str(Path(sys.executable).parent))
    assert command, "the salesbook command is not installed next to this Python"
    result = subprocess.run(
        [command, "nakijken", str(handed_in), "--uitvoer", str(output), "--stil"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    with (output / "cijferlijst.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file, delimiter=";"))
    assert [row["studentnummer"] for row in rows] == [STUDENT], rows
    return rows[0], output
