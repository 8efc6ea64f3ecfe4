"""Loading bank files: file errors, YAML errors, chapters, the course, the packaged banks."""

from __future__ import annotations

import collections

import pytest
from quiz_helpers import bank_data, dump, question_data

from salesbook.exceptions import QuestionBankError
from salesbook.quiz import BANK_DIR, load_bank, load_chapter, load_course
from salesbook.quiz.bank import bank_files
from salesbook.quiz.model import QUESTION_TYPES, NumericQuestion
from salesbook.quiz.verify import verify_bank, verify_course


def write(folder, name, data):
    path = folder / name
    path.write_text(dump(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_missing_file_names_the_path(tmp_path):
    missing = tmp_path / "h9_weg.yaml"
    with pytest.raises(QuestionBankError) as caught:
        load_bank(missing)
    assert str(caught.value) == f"De vragenbank {missing} bestaat niet."


def test_directory_and_non_utf8_file(tmp_path):
    with pytest.raises(QuestionBankError, match="is een map, geen vragenbank"):
        load_bank(tmp_path)
    latin = tmp_path / "h2_meten.yaml"
    latin.write_bytes("title: café".encode("latin-1"))
    with pytest.raises(QuestionBankError, match=r"h2_meten\.yaml: het bestand is geen UTF-8-tekst"):
        load_bank(latin)


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    text = "schema_version: 1\nchapter: 2\ntitle: [Meten\nleerdoelen: []\n"
    with pytest.raises(QuestionBankError) as caught:
        load_bank(write(tmp_path, "h2_meten.yaml", text))
    message = str(caught.value)
    assert message.startswith("h2_meten.yaml, regel 4, kolom ")
    assert "dit is geen geldige YAML" in message
    assert caught.value.__cause__ is None


def test_a_key_written_twice_is_an_error_not_silently_the_last(tmp_path):
    text = dump(bank_data(question_data("open"))).replace(
        "  solution: Uitwerking.\n", "  solution: Uitwerking.\n  solution: Tweede versie.\n"
    )
    with pytest.raises(QuestionBankError) as caught:
        load_bank(write(tmp_path, "h2_meten.yaml", text))
    assert str(caught.value) == (
        "h2_meten.yaml, regel 24, kolom 3: de sleutel 'solution' staat twee keer in hetzelfde blok."
    )


def test_load_bank_caches_until_the_file_changes(tmp_path):
    path = write(tmp_path, "h2_meten.yaml", bank_data(question_data("open")))
    first = load_bank(path)
    assert load_bank(path) is first
    changed = bank_data(question_data("open", prompt="Een langere, nieuwe vraagtekst."))
    write(tmp_path, "h2_meten.yaml", changed)
    assert load_bank(path).questions[0].prompt == "Een langere, nieuwe vraagtekst."


def test_load_chapter_finds_the_file_by_number(tmp_path):
    write(tmp_path, "h2_meten.yaml", bank_data())
    assert load_chapter(2, tmp_path).chapter == 2
    with pytest.raises(QuestionBankError, match="Er is geen vragenbank voor hoofdstuk 5"):
        load_chapter(5, tmp_path)
    write(tmp_path, "h2_extra.yaml", bank_data())
    with pytest.raises(
        QuestionBankError, match=r"meer dan één vragenbank: h2_extra\.yaml, h2_meten"
    ):
        load_chapter(2, tmp_path)


def test_load_course_reports_ids_shared_between_files_and_all_broken_files(tmp_path):
    write(tmp_path, "h2_meten.yaml", bank_data())
    other = bank_data(chapter=3)
    other["leerdoelen"] = [{"id": "h3.team", "text": "Team.", "section": "team"}]
    other["questions"] = [question_data("open", leerdoel="h3.team", id="h3.team.01")]
    write(tmp_path, "h3_organisatie.yaml", other)
    course = load_course(tmp_path)
    assert sorted(course.banks) == [2, 3]
    assert course.question("h3.team.01").chapter == 3
    assert course.leerdoel("h2.abc").text == "Je maakt een ABC-analyse."
    assert len(course.questions()) == 8 and len(course.questions(3)) == 1
    with pytest.raises(QuestionBankError, match=r"Vraag 'h4\.x\.01' bestaat niet in deze cursus"):
        course.question("h4.x.01")
    with pytest.raises(QuestionBankError, match="Er is geen vragenbank voor hoofdstuk 6"):
        course.bank(6)

    broken = bank_data(chapter=4)
    broken["leerdoelen"] = [{"id": "h4.spin", "text": "SPIN.", "section": "spin"}]
    broken["questions"] = [question_data("open", leerdoel="h4.spin", id="h4.spin.01", points=5)]
    write(tmp_path, "h4_salesskills.yaml", broken)
    write(tmp_path, "h2_dubbel.yaml", bank_data())
    with pytest.raises(QuestionBankError) as caught:
        load_course(tmp_path)
    found = caught.value.problems
    assert "h2_meten.yaml: hoofdstuk 2 heeft al een vragenbank" in found
    assert any(p.startswith("h4_salesskills.yaml, vraag h4.spin.01, veld rubric:") for p in found)
    assert str(caught.value).startswith("De vragenbanken kloppen niet (2 problemen):")


def test_empty_folder_is_a_dutch_error(tmp_path):
    with pytest.raises(QuestionBankError, match="Er staan geen vragenbanken"):
        load_course(tmp_path)


# --- the packaged banks: every one of them must pass, including the other engineers' ---


@pytest.mark.parametrize("path", bank_files(), ids=lambda p: p.name)
def test_packaged_bank_is_valid_and_agrees_with_salesbook_calc(path):
    bank = load_bank(path)
    assert path.name.startswith(f"h{bank.chapter}_")
    assert verify_bank(bank) == []


def test_the_packaged_course_loads_with_unique_ids():
    course = load_course()
    assert 0 in course.banks
    assert verify_course(course) == []


def test_welcome_bank_has_one_question_of_each_type():
    bank = load_chapter(0)
    assert bank.file == "h0_welkom.yaml" and BANK_DIR.name == "banks"
    # one question of each type, plus one numeric code exercise on the course data
    types = collections.Counter(q.type for q in bank.questions)
    assert types == {**dict.fromkeys(QUESTION_TYPES, 1), "numeric": 2}
    numeric = [q for q in bank.questions if isinstance(q, NumericQuestion)]
    assert any(q.parameters for q in numeric), "the welcome bank shows a parameterised question"
    exercise = next(q for q in numeric if not q.parameters)
    assert exercise.calc is not None and exercise.calc.function.startswith("salesbook.")
