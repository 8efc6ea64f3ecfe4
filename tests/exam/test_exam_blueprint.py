"""The toetsmatrijs: the packaged default and Dutch validation messages naming file and field."""

from __future__ import annotations

import pytest
from exam_helpers import blueprint, course

from salesbook.exam.blueprint import BLUEPRINT_FILE, load_blueprint, parse_blueprint
from salesbook.exam.errors import BlueprintError
from salesbook.exam.sampling import blueprint_problems, draw_exam

VALID = """schema_version: 1
name: Test
questions: 20
time_limit_minutes: 45
chapters:
  1:
    weight: 2
  2:
    weight: 1
    leerdoelen:
      h2.abc: 3
      h2.rfm: 0
"""


def _problems(text: str) -> list[str]:
    with pytest.raises(BlueprintError) as caught:
        parse_blueprint(text, "tm.yaml")
    return caught.value.problems


def test_the_default_blueprint_covers_chapters_one_to_six_without_open_questions():
    default = load_blueprint()
    assert BLUEPRINT_FILE.name == "toetsmatrijs.yaml"
    assert sorted(default.chapters) == [1, 2, 3, 4, 5, 6]
    assert (default.size, default.by_points, default.time_limit_minutes) == (30, False, 60)
    assert "open" not in default.types
    assert default.time_limit_seconds == 3600


def test_a_valid_blueprint_and_its_leerdoel_weights():
    parsed = parse_blueprint(VALID, "tm.yaml")
    assert parsed.file == "tm.yaml"
    assert parsed.types == [
        "single_choice",
        "multiple_choice",
        "numeric",
        "ordering",
        "matching",
        "classification",
    ]
    # listed leerdoelen only; unlisted ones weigh 0; without a list every leerdoel weighs 1
    assert parsed.leerdoel_weights(2, ["h2.abc", "h2.rfm", "h2.clv"]) == {
        "h2.abc": 3.0,
        "h2.rfm": 0.0,
        "h2.clv": 0.0,
    }
    assert parsed.leerdoel_weights(1, ["h1.a", "h1.b"]) == {"h1.a": 1.0, "h1.b": 1.0}


def test_a_negative_weight_is_named_with_file_chapter_field_and_line():
    problems = _problems(VALID.replace("weight: 2", "weight: -2"))
    assert problems == [
        "tm.yaml, hoofdstuk 1, veld weight: moet groter zijn dan 0, maar is -2 (regel 7)"
    ]


def test_a_mistyped_field_gets_a_suggestion():
    problems = _problems(VALID.replace("    weight: 1\n", "    wieght: 1\n"))
    assert (
        "tm.yaml, hoofdstuk 2, veld wieght: onbekend veld 'wieght'; bedoel je 'weight'? (regel 9)"
        in problems
    )
    assert "tm.yaml, hoofdstuk 2, veld weight: ontbreekt (verplicht veld) (regel 8)" in problems


def test_size_must_be_questions_or_points_not_both():
    problems = _problems(VALID.replace("questions: 20", "questions: 20\npoints: 30"))
    assert problems == [
        "tm.yaml: geef precies één van questions (aantal vragen) of points (aantal punten) "
        "(regel 1)"
    ]


def test_leerdoel_of_another_chapter_and_unknown_type_are_reported_together():
    text = VALID.replace("h2.abc: 3", "h1.abc: 3").replace(
        "time_limit_minutes: 45", "time_limit_minutes: 45\ntypes: [single_choice, essay]"
    )
    problems = _problems(text)
    assert problems == [
        "tm.yaml, veld types[1]: moet 'single_choice', 'multiple_choice', 'numeric', 'ordering', "
        "'matching', 'classification' of 'open' zijn, maar is 'essay' (regel 5)"
    ]
    fixed = _problems(text.replace(", essay", ""))
    assert fixed == [
        "tm.yaml, hoofdstuk 2, veld leerdoelen.h1.abc: 'h1.abc' hoort niet bij hoofdstuk 2 "
        "(een leerdoel-id van dit hoofdstuk begint met 'h2.') (regel 12)"
    ]


def test_all_leerdoel_weights_zero_is_refused():
    problems = _problems(VALID.replace("h2.abc: 3", "h2.abc: 0"))
    assert problems == [
        "tm.yaml, hoofdstuk 2, veld leerdoelen: geef minstens één leerdoel een gewicht groter "
        "dan 0 (regel 10)"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("chapters: [", "tm.yaml, regel 2, kolom 1: dit is geen geldige YAML"),
        ("- 1\n- 2\n", "maar dit bestand bevat een list"),
        ("", "maar dit bestand bevat niets"),
    ],
)
def test_files_that_are_no_blueprint(text, expected):
    with pytest.raises(BlueprintError) as caught:
        parse_blueprint(text, "tm.yaml")
    assert expected in str(caught.value)


def test_missing_file_is_a_dutch_error(tmp_path):
    with pytest.raises(BlueprintError, match=r"De toetsmatrijs .*bestaat-niet\.yaml bestaat niet"):
        load_blueprint(tmp_path / "bestaat-niet.yaml")


def test_blueprint_against_the_course_unknown_leerdoel_is_an_error_missing_bank_a_warning():
    small = course({1: {"a": 3}, 2: {"abc": 3}})
    plan = blueprint(
        "  1: {weight: 1}\n  2: {weight: 1, leerdoelen: {h2.abd: 1}}\n  3: {weight: 1}\n"
    )
    errors, warnings = blueprint_problems(small, plan)
    assert errors == [
        "test.yaml, hoofdstuk 2, veld leerdoelen.h2.abd: dit leerdoel bestaat niet in hoofdstuk 2"
    ]
    assert warnings == ["Hoofdstuk 3 heeft (nog) geen vragenbank."]
    with pytest.raises(BlueprintError, match=r"h2\.abd: dit leerdoel bestaat niet"):
        draw_exam(small, plan, 1)
