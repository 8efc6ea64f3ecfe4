"""Properties: check never raises for any JSON-like response, and scores stay in range."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from quiz_helpers import TYPES, make

from salesbook.quiz.check import check
from salesbook.quiz.outcome import Outcome
from salesbook.quiz.records import AnswerRecord, RecordError, record_answer

QUESTIONS = [make(kind) for kind in TYPES]
TEXTS = st.sampled_from(
    ["NPS", "Acquireren", "DESTEP", "Macro-omgeving", "Routine", "Kantoorpapier", "10", "12,5%"]
) | st.text(max_size=20)
SCALARS = st.none() | st.booleans() | st.integers(-10, 10) | st.floats(allow_nan=True) | TEXTS
RESPONSES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(TEXTS, inner, max_size=6),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(question=st.sampled_from(QUESTIONS), response=RESPONSES)
def test_check_never_raises_and_scores_stay_within_the_points(question, response):
    outcome = check(question, response)
    assert isinstance(outcome, Outcome)
    assert 0.0 <= outcome.score <= outcome.max_score == question.points
    assert outcome.feedback.strip()
    if outcome.status == "goed":
        assert outcome.score == outcome.max_score
    if outcome.status in ("fout", "niet beantwoord", "ingeleverd"):
        assert outcome.score == 0.0
    if outcome.status == "deels goed":
        assert 0.0 < outcome.score < outcome.max_score


@settings(max_examples=100, deadline=None)
@given(question=st.sampled_from(QUESTIONS), response=RESPONSES)
def test_every_recordable_response_survives_the_json_round_trip(question, response):
    try:
        record = record_answer(None, question, response)
    except RecordError:  # the only allowed refusal (e.g. NaN cannot be kept as JSON)
        return
    assert AnswerRecord.from_json(record.to_json()) == record
