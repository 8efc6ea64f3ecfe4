"""Kernel-side cost of one answer: check + record_answer + answer_bundle + store.put.

Goal (issue 4): < 20 ms per answer. Uses the packaged welcome bank (one question of each of
the seven types, one of them parameterised) and a temporary answer store, so the figure
includes the fsync of every store write.

Run: ``.venv/bin/python benchmarks/bench_quiz.py [answers]`` (default 2000).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

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


def main(answers: int = 2000) -> float:
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
    verdict = "OK" if per_answer < GOAL_MS else "TE TRAAG"
    print(
        f"check + record_answer + answer_bundle + store.put: {per_answer:.3f} ms per answer "
        f"over {answers} answers of {len(questions)} types (goal < {GOAL_MS:.0f} ms): {verdict}"
    )
    print(
        f"  of which check + record + bundle {pure / answers * 1000:.3f} ms, "
        f"store.put (atomic write with fsync) {storing / answers * 1000:.3f} ms"
    )
    return per_answer


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
