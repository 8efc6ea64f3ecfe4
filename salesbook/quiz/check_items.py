"""Checking ordering, matching and classification responses.

Texts are compared without surrounding spaces and without regard to upper/lower case.

- **ordering** — response: the list of all items in the student's order. Partial credit by the
  longest correctly ordered subsequence ``L`` (items already in the right order relative to
  each other, not necessarily adjacent): ``score = points × (L − 1) / (n − 1)``. Moving one item
  to a wrong place costs only that item; the fully reversed order scores 0.
- **matching** — response: dict ``left → right``. Share of lefts matched correctly; a left
  that is left out counts as wrong.
- **classification** — response: dict ``item → category``. Share of items placed correctly;
  an item that is left out counts as wrong.

Unknown items, lefts, rights or categories and duplicates are a wrong-shaped response:
status ``fout`` with a Dutch explanation.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from typing import Any

from salesbook.quiz.model import ClassificationQuestion, MatchingQuestion, OrderingQuestion
from salesbook.quiz.outcome import Outcome, bullets, join_blocks, scored, wrong_shape


def _key(text: str) -> str:
    return text.strip().casefold()


def longest_ordered(positions: list[int]) -> list[int]:
    """Indices (into ``positions``) of one longest strictly increasing subsequence."""
    tails: list[int] = []  # tails[k] = smallest last value of an increasing run of length k+1
    tail_at: list[int] = []  # index in positions of that last value
    previous = [-1] * len(positions)
    for index, value in enumerate(positions):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(index)
        else:
            tails[k], tail_at[k] = value, index
        previous[index] = tail_at[k - 1] if k else -1
    chain, index = [], tail_at[-1] if tail_at else -1
    while index != -1:
        chain.append(index)
        index = previous[index]
    return chain[::-1]


def check_ordering(question: OrderingQuestion, response: Any) -> Outcome:
    """All items in order; partial credit by the longest correctly ordered subsequence."""
    count = len(question.items)
    if isinstance(response, str | Mapping) or not isinstance(response, list | tuple):
        return wrong_shape(question.points, "Geef een lijst met alle onderdelen in jouw volgorde.")
    place = {_key(item): index for index, item in enumerate(question.items)}
    positions: list[int] = []
    for item in response:
        if not isinstance(item, str) or _key(item) not in place:
            return wrong_shape(
                question.points, f"'{item}' is geen van de onderdelen van deze vraag."
            )
        if place[_key(item)] in positions:
            return wrong_shape(question.points, f"'{item}' staat twee keer in je volgorde.")
        positions.append(place[_key(item)])
    if len(positions) != count:
        missing = [question.items[i] for i in range(count) if i not in positions]
        return wrong_shape(
            question.points,
            f"Zet alle {count} onderdelen in je volgorde; er ontbreken: {', '.join(missing)}.",
        )
    in_order = longest_ordered(positions)
    length = len(in_order)
    misplaced = tuple(
        f"'{question.items[positions[i]]}' staat nog niet op de goede plek."
        for i in range(count)
        if i not in in_order
    )
    if not misplaced:
        return scored(
            question.points, 1.0, join_blocks("Goed: de volgorde klopt.", question.feedback)
        )
    summary = (
        f"{length} van de {count} onderdelen staan in de goede volgorde ten opzichte van elkaar."
        if length > 1
        else "Geen twee onderdelen staan in de goede volgorde ten opzichte van elkaar."
    )
    feedback = join_blocks(summary, bullets(misplaced), question.feedback)
    return scored(question.points, (length - 1) / (count - 1), feedback, misplaced)


def _assignments(
    response: Any, keys: list[str], values: list[str], key_word: str, value_word: str
) -> dict[int, int] | str:
    """Map key index → value index, or a Dutch error message (str)."""
    if not isinstance(response, Mapping):
        return f"Geef je antwoord als koppeling van {key_word} naar {value_word}."
    key_index = {_key(k): i for i, k in enumerate(keys)}
    value_index = {_key(v): i for i, v in enumerate(values)}
    result: dict[int, int] = {}
    for given_key, given_value in response.items():
        if not isinstance(given_key, str) or _key(given_key) not in key_index:
            return f"'{given_key}' is geen {key_word} van deze vraag."
        if given_value is None or (isinstance(given_value, str) and not given_value.strip()):
            continue  # left open: counts as not placed
        if not isinstance(given_value, str) or _key(given_value) not in value_index:
            allowed = ", ".join(values)
            return f"'{given_value}' is geen {value_word} van deze vraag (kies uit: {allowed})."
        if key_index[_key(given_key)] in result:
            return f"'{given_key}' staat twee keer in je antwoord."
        result[key_index[_key(given_key)]] = value_index[_key(given_value)]
    return result


def _share_outcome(
    points: float, right: int, total: int, noun: str, details: tuple[str, ...]
) -> Outcome:
    if right == total:
        summary = f"Goed: alle {total} {noun} kloppen."
    elif right == 0:
        summary = f"Geen van de {total} {noun} klopt."
    else:
        summary = f"{right} van de {total} {noun} {'klopt' if right == 1 else 'kloppen'}."
    return scored(points, right / total, join_blocks(summary, bullets(details)), details)


def check_matching(question: MatchingQuestion, response: Any) -> Outcome:
    """Every left matched to its right; share of correct pairs."""
    lefts = [p.left for p in question.pairs]
    rights = [p.right for p in question.pairs]
    given = _assignments(response, lefts, rights, "linkerkant", "rechterkant")
    if isinstance(given, str):
        return wrong_shape(question.points, given)
    details = []
    for index, pair in enumerate(question.pairs):
        if index not in given:
            details.append(f"'{pair.left}' heb je nog niet gekoppeld.")
        elif given[index] != index:
            details.append(f"'{pair.left}': {pair.feedback}")
    right = sum(1 for index, chosen in given.items() if chosen == index)
    return _share_outcome(question.points, right, len(lefts), "koppelingen", tuple(details))


def check_classification(question: ClassificationQuestion, response: Any) -> Outcome:
    """Every item in its category; share of correctly placed items."""
    texts = [item.text for item in question.items]
    given = _assignments(response, texts, list(question.categories), "onderdeel", "categorie")
    if isinstance(given, str):
        return wrong_shape(question.points, given)
    category_index = {name: i for i, name in enumerate(question.categories)}
    details = []
    right = 0
    for index, item in enumerate(question.items):
        if index not in given:
            details.append(f"'{item.text}' heb je nog niet ingedeeld.")
        elif given[index] != category_index[item.category]:
            details.append(f"'{item.text}': {item.feedback}")
        else:
            right += 1
    return _share_outcome(question.points, right, len(texts), "indelingen", tuple(details))
