"""Kernel-side cost of one answer: check + record_answer + answer_bundle + store.put.

Goal (issue 4): < 20 ms per answer. Uses the packaged welcome bank (one question of each of
the seven types, one of them parameterised) and a temporary answer store, so the figure
includes the fsync of every store write.

Run: ``.venv/bin/python benchmarks/bench_quiz.py [answers]`` (default 2000), or all benchmarks
at once with ``benchmarks/run.py``.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from goals import Goal, below, number, summary, table

from salesbook.quiz import (
    AnswerStore,
    answer_bundle,
    check,
    instantiate,
    load_chapter,
    record_answer,
)
from salesbook.quiz.model import (
    ClassificationQuestion,
    MatchingQuestion,
    MultipleChoiceQuestion,
    NumericQuestion,
    OrderingQuestion,
    Question,
    SingleChoiceQuestion,
)

GOAL_MS = 20.0
ANSWERS, QUICK_ANSWERS = 2000, 300


def response_for(question: Question, rng: random.Random) -> object:
    """A plausible student response (sometimes right, sometimes not)."""
    if isinstance(question, SingleChoiceQuestion):
        return rng.randrange(len(question.options))
    if isinstance(question, MultipleChoiceQuestion):
        return rng.sample(range(len(question.options)), k=rng.randint(1, len(question.options)))
    if isinstance(question, NumericQuestion):
        key = question.answer or 0.0
        return f"{key + rng.choice([0, 0.05, 3]):.2f}".replace(".", ",")
    if isinstance(question, OrderingQuestion):
        return rng.sample(question.items, k=len(question.items))
    if isinstance(question, MatchingQuestion):
        rights = [p.right for p in question.pairs]
        return dict(
            zip([p.left for p in question.pairs], rng.sample(rights, len(rights)), strict=True)
        )
    if isinstance(question, ClassificationQuestion):
        return {item.text: rng.choice(question.categories) for item in question.items}
    return "Een tevreden klant is nog niet loyaal: hij kan overstappen voor een lagere prijs."


def measure(answers: int = ANSWERS) -> list[Goal]:
    """Mean kernel-side time per answer over ``answers`` answers."""
    bank = load_chapter(0)
    questions = [instantiate(q, 20261122) for q in bank.questions]
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as folder:
        store = AnswerStore(Path(folder) / "antwoorden")
        previous: dict[str, object] = {}
        responses = [response_for(questions[i % len(questions)], rng) for i in range(answers)]
        pure = storing = 0.0
        for index, response in enumerate(responses):
            question = questions[index % len(questions)]
            start = time.perf_counter()
            outcome = check(question, response)
            record = record_answer(previous.get(question.id), question, response)  # type: ignore[arg-type]
            answer_bundle(record, outcome, question)
            middle = time.perf_counter()
            store.put(record)
            storing += time.perf_counter() - middle
            pure += middle - start
            previous[question.id] = record
    per_answer = (pure + storing) / answers * 1000
    print(
        f"  {answers} antwoorden op {len(questions)} vragen: nakijken + record + bundel "
        f"{number(pure / answers * 1000)} ms, store.put (atomair, met fsync) "
        f"{number(storing / answers * 1000)} ms per antwoord"
    )
    name = "Quizantwoord verwerken in de kernel"
    note = f"nakijken, record, opslaan met fsync; gemiddelde over {answers} antwoorden"
    return [below("quiz", name, per_answer, "ms", GOAL_MS, note)]


def run(quick: bool = False) -> list[Goal]:
    """The goal of this benchmark; ``quick`` uses fewer answers."""
    return measure(QUICK_ANSWERS if quick else ANSWERS)


if __name__ == "__main__":
    goals = measure(int(sys.argv[1]) if len(sys.argv) > 1 else ANSWERS)
    print(table(goals))
    print(summary(goals))
