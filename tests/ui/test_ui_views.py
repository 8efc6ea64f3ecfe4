"""Every question view, driven through its widget callbacks as a student would click."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets
import pytest

from salesbook.quiz import MIME_TYPE, AnswerStore
from salesbook.ui.views import VIEWS


def test_one_view_class_per_question_type():
    assert set(VIEWS) == {
        "single_choice",
        "multiple_choice",
        "numeric",
        "ordering",
        "matching",
        "classification",
        "open",
    }


def test_single_choice_click_records_answer_and_gives_option_feedback(wb, screen, store_dir):
    v = wb.vraag("h2.keuze.01")
    assert isinstance(v.invoer, widgets.RadioButtons)
    assert v.invoer.value is None
    handle = screen.handles[-1]
    assert handle.bundle["text/plain"] == "Vraag h2.keuze.01 · nog niet beantwoord"

    v.invoer.value = 1  # "+40"
    v.controleer_knop.click()

    assert "✘ Fout · 0 van 1 punt · poging 1" in v.feedback.value
    assert "Nee, je telde de percentages op." in v.feedback.value
    record = handle.bundle[MIME_TYPE]
    assert record["question_id"] == "h2.keuze.01"
    assert record["response"] == 1
    assert record["attempts"] == 1
    assert record["student"] == "123456"
    assert "Fout · 0 van 1 punt · poging 1" in handle.bundle["text/markdown"]
    stored = AnswerStore(store_dir).get("h2.keuze.01")
    assert stored is not None and stored.response == 1

    v.invoer.value = 0
    v.controleer_knop.click()
    assert "✔ Goed · 1 van 1 punt · poging 2" in v.feedback.value
    assert handle.bundle[MIME_TYPE]["attempts"] == 2
    assert AnswerStore(store_dir).get("h2.keuze.01").response == 0


def test_nothing_chosen_is_not_an_attempt(wb, screen, store_dir):
    v = wb.vraag("h2.keuze.01")
    v.controleer_knop.click()
    assert "Nog geen antwoord" in v.feedback.value
    assert len(screen.handles[-1].bundles) == 1  # answer output untouched
    assert AnswerStore(store_dir).get("h2.keuze.01") is None


def test_same_answer_twice_costs_one_attempt(wb, screen):
    v = wb.vraag("h2.keuze.01")
    v.invoer.value = 2
    v.controleer_knop.click()
    v.controleer_knop.click()
    assert screen.handles[-1].bundle[MIME_TYPE]["attempts"] == 1
    assert "poging 1" in v.feedback.value


def test_multiple_choice_partial_credit(wb, screen):
    v = wb.vraag("h2.keuze.02")
    assert [type(box) for box in v.invoer] == [widgets.Checkbox] * 3
    v.invoer[0].value = True
    v.controleer_knop.click()
    # one of two correct options and no wrong one: the core gives half of 2 points
    assert "Deels goed · 1 van 2 punten · poging 1" in v.feedback.value
    assert screen.handles[-1].bundle[MIME_TYPE]["response"] == [0]
    v.invoer[1].value = True
    v.controleer_knop.click()
    assert "Goed · 2 van 2 punten · poging 2" in v.feedback.value
    assert screen.handles[-1].bundle[MIME_TYPE]["response"] == [0, 1]


def test_numeric_enter_submits_dutch_notation(wb, screen):
    v = wb.vraag("h2.reken.03")  # 25 with unit %
    assert isinstance(v.invoer, widgets.Text)
    v.invoer.value = "0,25"
    assert v.feedback.value == ""  # typing (or leaving the field) checks nothing
    v.view.press_enter()
    assert "Fout" in v.feedback.value
    assert "lijkt een breuk" in v.feedback.value  # the core's slip message
    v.invoer.value = "25%"
    v.invoer._handle_custom_msg({"event": "submit"}, [])  # what the browser sends on Enter
    assert "✔ Goed · 1 van 1 punt · poging 2" in v.feedback.value
    assert screen.handles[-1].bundle[MIME_TYPE]["response"] == "25%"


def test_numeric_unreadable_text_is_not_an_attempt(wb, screen, store_dir):
    v = wb.vraag("h2.reken.01")
    v.invoer.value = "tien"
    v.controleer_knop.click()
    assert "Nog geen antwoord" in v.feedback.value
    assert "niet lezen als getal" in v.feedback.value
    assert AnswerStore(store_dir).get("h2.reken.01") is None


def test_numeric_variant_uses_the_students_seed(wb, screen, store_dir):
    v = wb.vraag("h2.reken.02")
    # student 123456 → seed 123456 → 40 promoters: (40 − 20) / 160 × 100 = 12,5
    assert "Er zijn 40 promoters" in v.view.question.prompt
    v.invoer.value = "12,5"
    v.view.press_enter()
    assert "Goed" in v.feedback.value
    record = screen.handles[-1].bundle[MIME_TYPE]
    assert record["variant_seed"] == 123456
    assert AnswerStore(store_dir).get("h2.reken.02", 123456).response == "12,5"


def test_numeric_enter_in_the_browser_checks_the_text_typed_before_it(wb, screen, browser):
    v = wb.vraag("h2.reken.01")  # 10
    browser.update(v.invoer, _synced=1)  # the browser created the link
    browser.update(v.invoer, value="1")  # "10,3" still waits in the browser's buffer
    browser.custom(v.invoer, event="submit")  # Enter, sent at once
    assert v.feedback.value == ""  # not checked with "1"
    assert len(screen.handles[-1].bundles) == 1
    browser.update(v.invoer, value="10,3", _synced=2)  # the buffer, with the answer
    assert "✔ Goed · 1 van 1 punt · poging 1" in v.feedback.value
    record = screen.handles[-1].bundle[MIME_TYPE]
    assert (record["response"], record["attempts"]) == ("10,3", 1)


def test_numeric_click_in_the_browser_checks_the_text_typed_before_it(wb, screen, browser):
    v = wb.vraag("h2.reken.01")
    browser.update(v.invoer, _synced=1)
    browser.update(v.invoer, value="1")
    browser.custom(v.controleer_knop, event="click")
    assert v.feedback.value == ""
    browser.update(v.invoer, value="9,8", _synced=2)  # within ± 0,5 of 10
    assert "✔ Goed · 1 van 1 punt · poging 1" in v.feedback.value
    assert screen.handles[-1].bundle[MIME_TYPE]["response"] == "9,8"
    v.invoer.value = "3"
    v.controleer_knop.click()  # from code (a cell): checked at once
    assert "poging 2" in v.feedback.value


def test_ordering_dropdowns_swap_and_check(wb, screen):
    v = wb.vraag("h2.orden.01")
    start = [d.value for d in v.invoer]
    assert sorted(start) == ["Acquireren", "Aftasten", "Groei"]
    assert start != ["Acquireren", "Aftasten", "Groei"]  # shown shuffled
    for position, item in enumerate(["Acquireren", "Aftasten", "Groei"]):
        v.invoer[position].value = item
        assert sorted(d.value for d in v.invoer) == ["Acquireren", "Aftasten", "Groei"]
    v.controleer_knop.click()
    assert "✔ Goed" in v.feedback.value
    assert screen.handles[-1].bundle[MIME_TYPE]["response"] == ["Acquireren", "Aftasten", "Groei"]


def test_matching_dropdown_per_left_item(wb, screen):
    v = wb.vraag("h2.orden.02")
    assert [d.value for d in v.invoer] == [None, None]
    v.invoer[0].value = "Behoefte uitvragen"  # DESTEP matched wrongly
    v.invoer[1].value = "Behoefte uitvragen"
    v.controleer_knop.click()
    assert "DESTEP is de macro-omgeving." in v.feedback.value
    assert screen.handles[-1].bundle[MIME_TYPE]["response"] == {
        "DESTEP": "Behoefte uitvragen",
        "SPIN": "Behoefte uitvragen",
    }
    v.invoer[0].value = "Macro-omgeving analyseren"
    v.controleer_knop.click()
    assert "✔ Goed · 2 van 2 punten" in v.feedback.value


def test_classification_dropdown_per_item(wb, screen):
    v = wb.vraag("h2.orden.03")
    assert [label for label, _ in v.invoer[0].options] == ["– kies –", "Routine", "Strategisch"]
    v.invoer[0].value = "Routine"
    v.invoer[1].value = "Routine"
    v.controleer_knop.click()
    assert "Deels goed · 1 van 2 punten" in v.feedback.value
    assert "Hoog belang en hoog risico." in v.feedback.value


def test_open_question_is_handed_in(wb, screen):
    v = wb.vraag("h2.open.01")
    assert isinstance(v.invoer, widgets.Textarea)
    assert v.controleer_knop.description == "Lever in"
    v.invoer.value = "Hoe graag klanten ons aanbevelen."
    v.controleer_knop.click()
    assert "✉ Ingeleverd · je docent beoordeelt dit antwoord" in v.feedback.value
    assert "Modelantwoord" in v.feedback.value
    assert not v.uitwerking_knop.disabled


def test_open_question_hands_in_the_text_typed_before_the_click(wb, screen, browser):
    v = wb.vraag("h2.open.01")
    browser.update(v.invoer, _synced=1)
    browser.update(v.invoer, value="Hoe graag")
    browser.custom(v.controleer_knop, event="click")  # "Lever in", sent at once
    assert v.feedback.value == ""
    browser.update(v.invoer, value="Hoe graag klanten ons aanbevelen.", _synced=2)
    assert "✉ Ingeleverd" in v.feedback.value
    assert screen.handles[-1].bundle[MIME_TYPE]["response"] == "Hoe graag klanten ons aanbevelen."


def test_hints_come_one_per_press(wb):
    v = wb.vraag("h2.reken.01")
    assert v.hint_knop.description == "Toon hint"
    v.hint_knop.click()
    assert "Hint 1 van 3" in v.view.hints.value and "Hint 2" not in v.view.hints.value
    assert v.hint_knop.description == "Volgende hint"
    v.hint_knop.click()
    v.hint_knop.click()
    assert "<p><strong>Hint 3 van 3:</strong> 25 − 15.</p>" in v.view.hints.value
    assert v.hint_knop.disabled and v.hint_knop.description == "Geen hints meer"


def test_solution_unlocks_after_three_attempts(wb):
    v = wb.vraag("h2.reken.01")
    assert v.uitwerking_knop.disabled
    assert "na 3 pogingen" in v.uitwerking_knop.tooltip
    for wrong in ("1", "2"):
        v.invoer.value = wrong
        v.controleer_knop.click()
        assert v.uitwerking_knop.disabled
    v.uitwerking_knop.click()  # disabled in a browser; a forced click shows nothing
    assert v.view.solution.value == ""
    v.invoer.value = "3"
    v.controleer_knop.click()
    assert not v.uitwerking_knop.disabled
    v.uitwerking_knop.click()
    assert "Uitwerking" in v.view.solution.value and "<strong>+10</strong>" in v.view.solution.value
    assert v.uitwerking_knop.description == "Verberg uitwerking"
    v.uitwerking_knop.click()
    assert v.view.solution.value == ""


def test_solution_unlocks_after_a_correct_answer(wb):
    v = wb.vraag("h2.keuze.01")
    v.invoer.value = 0
    v.controleer_knop.click()
    assert not v.uitwerking_knop.disabled


@pytest.mark.parametrize(
    ("question_id", "type_class"),
    [("h2.keuze.01", "salesbook-single-choice"), ("h2.orden.03", "salesbook-classification")],
)
def test_css_classes_for_browser_tests(wb, question_id, type_class):
    v = wb.vraag(question_id)
    classes = v.view.box._dom_classes
    assert "salesbook-vraag" in classes and type_class in classes
    assert f"salesbook-{question_id.replace('.', '-')}" in classes
    assert "salesbook-controleer" in v.controleer_knop._dom_classes
    assert "salesbook-feedback" in v.feedback._dom_classes


def test_no_output_widgets_and_dutch_labels(wb):
    for question_id in ("h2.keuze.01", "h2.keuze.02", "h2.reken.01", "h2.orden.01", "h2.open.01"):
        v = wb.vraag(question_id)
        seen = [v.view.box]
        for w in seen:
            assert not isinstance(w, widgets.Output)
            seen.extend(getattr(w, "children", ()))
        labels = {v.controleer_knop.description, v.hint_knop.description}
        assert labels & {"Submit", "Check", "Hint", "Solution"} == set()


class StandInPort:
    """The smallest AnswerPort: shows that views need nothing but the protocol."""

    def __init__(self, question, response=None):
        from salesbook.quiz import check, record_answer

        self.question = question
        self.max_attempts = 3
        self.note = None
        self.record = record_answer(None, question, response) if response is not None else None
        self.outcome = check(question, response) if response is not None else None
        self.submitted = []

    @property
    def attempts(self):
        return self.record.attempts if self.record else 0

    def submit(self, response):
        from salesbook.quiz import check

        self.submitted.append(response)
        return check(self.question, response)

    def solution_unlocked(self):
        return False


STORED = [
    ("h2.keuze.01", 2, lambda v: v.control.value == 2),
    ("h2.keuze.02", [0, 1], lambda v: [b.value for b in v.control] == [True, True, False]),
    ("h2.reken.01", 12.5, lambda v: v.control.value == "12,5"),
    ("h2.reken.03", "25%", lambda v: v.control.value == "25%"),
    (
        "h2.orden.01",
        ["Groei", "Aftasten", "Acquireren"],
        lambda v: [d.value for d in v.control] == ["Groei", "Aftasten", "Acquireren"],
    ),
    (
        "h2.orden.02",
        {"SPIN": "Behoefte uitvragen"},
        lambda v: [d.value for d in v.control] == [None, "Behoefte uitvragen"],
    ),
    (
        "h2.orden.03",
        {"Papier": "Strategisch", "Maatwerksysteem": "Strategisch"},
        lambda v: [d.value for d in v.control] == ["Strategisch", "Strategisch"],
    ),
    ("h2.open.01", "Mijn uitleg.", lambda v: v.control.value == "Mijn uitleg."),
]


@pytest.mark.parametrize(("question_id", "response", "shown"), STORED)
def test_a_stored_answer_is_shown_in_every_view_type(question_id, response, shown):
    from salesbook.quiz import load_bank
    from salesbook.ui.views import make_view

    question = load_bank(Path(__file__).with_name("testbank.yaml")).question(question_id)
    port = StandInPort(question, response)
    view = make_view(port)
    assert shown(view)
    assert "poging 1" in view.feedback.value
    assert port.submitted == []  # showing a stored answer never submits it again
    view.check_button.click()
    assert port.submitted == [view.response()]
