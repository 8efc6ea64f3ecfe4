"""Answer records: creation, round trip, strict reading, and the display bundle."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta, timezone

import numpy as np
import pytest
from hypothesis import given as for_all
from hypothesis import settings
from hypothesis import strategies as st
from quiz_helpers import bank_data, make, parse, question_data

from salesbook.quiz.check import check
from salesbook.quiz.records import (
    MAX_RESPONSE_BYTES,
    MIME_TYPE,
    AnswerRecord,
    RecordError,
    answer_bundle,
    check_response_size,
    record_answer,
    response_size,
    utc_timestamp,
)
from salesbook.quiz.variants import instantiate

T0 = datetime(2026, 11, 22, 10, 15, 30, 123456, tzinfo=UTC)
T1 = T0 + timedelta(minutes=5)
SINGLE = make("single_choice")


def test_timestamps_are_iso_utc_with_milliseconds():
    assert utc_timestamp(T0) == "2026-11-22T10:15:30.123Z"
    amsterdam = timezone(timedelta(hours=1))
    assert (
        utc_timestamp(datetime(2026, 11, 22, 11, 0, tzinfo=amsterdam)) == "2026-11-22T10:00:00.000Z"
    )
    assert utc_timestamp(datetime(2026, 1, 2, 3, 4, 5)) == "2026-01-02T03:04:05.000Z"  # naive = UTC
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", utc_timestamp())


def test_record_answer_counts_attempts_and_keeps_the_first_time():
    first = record_answer(None, SINGLE, 1, student="s1234567", now=T0)
    assert (first.attempts, first.first_answered_at, first.last_answered_at) == (
        1,
        "2026-11-22T10:15:30.123Z",
        "2026-11-22T10:15:30.123Z",
    )
    assert (first.question_id, first.question_version) == ("h2.nps.01", 1)
    assert first.question_hash == SINGLE.fingerprint()
    assert first.variant_seed is None and first.student == "s1234567"
    second = record_answer(first, SINGLE, 0, now=T1)
    assert (second.attempts, second.response) == (2, 0)
    assert second.first_answered_at == first.first_answered_at
    assert second.last_answered_at == "2026-11-22T10:20:30.123Z"
    assert second.student == "s1234567", "the student carries over"


def test_record_answer_takes_the_variant_seed_from_an_instantiated_question():
    data = question_data(
        "numeric",
        prompt="{p} promoters",
        parameters={"p": {"min": 10, "max": 90, "step": 10}},
        calc={
            "function": "nps.nps_from_counts",
            "args": {"promoters": "$p", "passives": 10, "detractors": 10},
        },
    )
    del data["answer"]
    variant = instantiate(parse(bank_data(data)).questions[0], 77)
    record = record_answer(None, variant, "50", now=T0)
    assert record.variant_seed == 77
    assert record_answer(None, variant, "50", seed=5, now=T0).variant_seed == 5


def test_record_answer_refuses_another_questions_record_and_unkeepable_responses():
    other = record_answer(None, make("open"), "tekst", now=T0)
    other = AnswerRecord(**{**other.to_json(), "question_id": "h2.nps.02"})
    with pytest.raises(RecordError, match=r"hoort bij vraag h2\.nps\.02"):
        record_answer(other, SINGLE, 0)
    with pytest.raises(RecordError, match="type object kan niet worden bewaard"):
        record_answer(None, SINGLE, object())
    with pytest.raises(RecordError, match="te groot om te bewaren"):
        record_answer(None, SINGLE, "x" * (MAX_RESPONSE_BYTES + 1))
    with pytest.raises(RecordError, match="geen eindig getal"):
        record_answer(None, SINGLE, float("nan"))


def test_responses_become_plain_json():
    cases = [
        ((0, 2), [0, 2]),
        ({2, 0}, [0, 2]),
        (np.int64(3), 3),
        (np.float64(2.5), 2.5),
        ({"a": (1, 2), 3: "x"}, {"a": [1, 2], "3": "x"}),
    ]
    for given, expected in cases:
        record = record_answer(None, SINGLE, given, now=T0)
        assert record.response == expected
        assert type(record.response) is type(expected)


def test_round_trip_through_json_text():
    record = record_answer(
        None, make("matching"), {"DESTEP": "Macro-omgeving"}, student="123", now=T0
    )
    text = json.dumps(record.to_json())
    assert AnswerRecord.from_json(json.loads(text)) == record
    assert list(record.to_json()) == [
        "schema_version",
        "question_id",
        "question_version",
        "question_hash",
        "response",
        "attempts",
        "first_answered_at",
        "last_answered_at",
        "variant_seed",
        "student",
    ]
    assert len(text) < 400, "records stay small"


VALID = record_answer(None, SINGLE, 1, now=T0).to_json()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"schema_version": 2}, "Onbekende schema_version 2"),
        ({"schema_version": "1"}, "Onbekende schema_version '1'"),
        ({"schema_version": True}, "Onbekende schema_version True"),
        ({"question_id": "../../etc/passwd"}, "question_id is geen geldig vraag-id"),
        ({"question_id": 5}, "question_id is geen geldig vraag-id"),
        ({"question_hash": "XYZ"}, "question_hash is ongeldig"),
        ({"question_version": 0}, "question_version moet een geheel getal van 1 tot"),
        ({"attempts": "3"}, "attempts moet een geheel getal"),
        ({"attempts": True}, "attempts moet een geheel getal"),
        ({"attempts": 2.0}, "attempts moet een geheel getal"),
        ({"response": "x" * (MAX_RESPONSE_BYTES + 10)}, "Het antwoord is te groot"),
        ({"first_answered_at": "gisteren"}, "first_answered_at is geen geldig ISO-tijdstip"),
        ({"last_answered_at": "2026-11-22T10:15:30"}, "last_answered_at mist een tijdzone"),
        ({"last_answered_at": 1700000000}, "last_answered_at moet een ISO-tijdstip zijn"),
        ({"last_answered_at": "2026-11-21T10:15:30Z"}, "last_answered_at ligt vóór"),
        ({"variant_seed": 1.5}, "variant_seed moet een geheel getal"),
        ({"variant_seed": 2**70}, "variant_seed moet een geheel getal"),
        ({"student": "x" * 65}, "student moet tekst van hoogstens 64 tekens zijn"),
        ({"student": 12345}, "student moet tekst"),
    ],
)
def test_from_json_rejects_bad_records(change, message):
    with pytest.raises(RecordError, match=re.escape(message)):
        AnswerRecord.from_json({**VALID, **change})


def test_from_json_rejects_non_objects_and_missing_response_but_ignores_extra_keys():
    for bad in (None, [], "record", 5):
        with pytest.raises(RecordError, match="moet een JSON-object zijn"):
            AnswerRecord.from_json(bad)
    without = dict(VALID)
    del without["response"]
    with pytest.raises(RecordError, match="mist response"):
        AnswerRecord.from_json(without)
    assert AnswerRecord.from_json({**VALID, "correct": True, "score": 99}).to_json() == VALID


def test_deeply_nested_response_is_rejected_not_a_crash():
    nested: list = []
    for _ in range(5000):
        nested = [nested]
    with pytest.raises(RecordError):
        AnswerRecord.from_json({**VALID, "response": nested})


def test_answer_bundle_has_dutch_markdown_and_the_record():
    question = make("multiple_choice")
    record = record_answer(None, question, [0, 3], now=T0)
    bundle = answer_bundle(record, check(question, [0, 3]), question)
    assert set(bundle) == {"text/markdown", MIME_TYPE}
    assert bundle[MIME_TYPE] == record.to_json()
    markdown = bundle["text/markdown"]
    assert markdown.startswith("**Vraag h2.nps.01** · Fout · 0 van 2 punten · poging 1\n\n")
    assert "Jouw antwoord: NPS; Current ratio" in markdown
    assert "2026" not in markdown, "no timestamps: outputs stay deterministic"
    json.dumps(bundle)


def test_answer_bundle_escapes_student_text():
    question = make("open")
    text = "<script>alert(1)</script> *vet* [link](x)"
    record = record_answer(None, question, text, now=T0)
    markdown = answer_bundle(record, check(question, text), question)["text/markdown"]
    assert "<script>" not in markdown
    assert r"&lt;script&gt;alert(1)&lt;/script&gt; \*vet\* \[link\](x)" in markdown
    assert "· Ingeleverd · wordt beoordeeld door je docent · poging 1" in markdown


def test_answer_bundle_shows_partial_scores_in_dutch_notation():
    question = make("ordering")
    order = ["Aftasten", "Acquireren", "Groei", "Verzadiging", "Neergang"]
    record = record_answer(None, question, order, now=T0)
    markdown = answer_bundle(record, check(question, order), question)["text/markdown"]
    assert markdown.startswith("**Vraag h2.nps.01** · Deels goed · 0,75 van 1 punt · poging 1")
    assert "Jouw antwoord: Aftasten → Acquireren → Groei → Verzadiging → Neergang" in markdown


def test_numeric_responses_are_shown_in_dutch_notation():
    question = make("numeric", answer=1250.5, unit="€", tolerance={"absolute": 0.01})
    record = record_answer(None, question, 1250.5, now=T0)
    markdown = answer_bundle(record, check(question, 1250.5), question)["text/markdown"]
    assert "Jouw antwoord: € 1.250,50\n" in markdown
    typed = record_answer(None, question, "1250,5", now=T0)
    bundle = answer_bundle(typed, check(question, "1250,5"), question)
    assert "Jouw antwoord: 1250,5\n" in bundle["text/markdown"]


def _decided_exactly(response):
    """check_response_size refuses exactly what response_size refuses or finds too large."""
    try:
        exact = response_size(response) <= MAX_RESPONSE_BYTES
    except (RecordError, ValueError):
        exact = False
    try:
        check_response_size(response)
    except (RecordError, ValueError):
        return exact is False
    return exact is True


@pytest.mark.parametrize(
    "response",
    [
        "x" * MAX_RESPONSE_BYTES,  # 16.386 bytes with the quotes: too large
        "x" * (MAX_RESPONSE_BYTES - 2),  # exactly the limit
        "\x01" * 2730,  # 6 bytes a character: 16.382
        "\x01" * 2731,  # 16.388: too large, although only 2.731 characters
        "é" * 8191,  # 2 bytes a character in UTF-8: 16.384
        "é" * 8192,
        "€" * 5460,  # 3 bytes: 16.382
        "\ud800",  # a lone surrogate cannot be written as UTF-8
        float("nan"),
        [1.0, float("inf")],
        2**70,
        -(10**18),
        {"a": ["b", {"c": None, "d": True}]},
        {1: "a"},  # json.dumps writes the key as text
        {"ë" * 3000: "x" * 4000},
        ["x" * 5000, "y" * 5000, "z" * 6000],  # below the limit, above the cheap bound
        ["x" * 8000, "y" * 8500],
        (1, 2, 3),
    ],
    ids=lambda response: repr(response)[:24],
)
def test_the_quick_size_check_decides_exactly_as_the_exact_size(response):
    assert _decided_exactly(response)


@settings(max_examples=80, deadline=None)
@for_all(
    response=st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats()
        | st.text(max_size=3000)
        | st.sampled_from(["x" * 2729, "\x00" * 2731, "é" * 8200]),
        lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
        max_leaves=8,
    )
)
def test_the_quick_size_check_agrees_with_the_exact_size(response):
    assert _decided_exactly(response)


def test_deeply_nested_response_is_still_refused_by_the_quick_check():
    nested: list = []
    for _ in range(5000):
        nested = [nested]
    with pytest.raises(RecordError):
        check_response_size(nested)
