"""Reading bank YAML safely: duplicate keys are errors, syntax errors name file and line."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, SequenceNode

from salesbook.exceptions import QuestionBankError
from salesbook.quiz.base import Loc

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """SafeLoader that refuses a key written twice in one mapping (YAML keeps the last)."""


def _construct_mapping(loader: SafeConstructor, node: MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)  # type: ignore[no-untyped-call]
        if not isinstance(key, str | int | float | bool):
            continue
        if key in seen:
            message = f"de sleutel '{key}' staat twee keer in hetzelfde blok"
            raise ConstructorError(None, None, message, key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_yaml(text: str, file: str) -> Any:
    """Parse YAML text; syntax errors become a Dutch QuestionBankError naming file and line."""
    try:
        return yaml.load(text, Loader=_StrictLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{file}, regel {mark.line + 1}, kolom {mark.column + 1}" if mark else file
        problem = error.problem or "onbekende fout"
        if isinstance(error, ConstructorError) and "twee keer" in problem:
            raise QuestionBankError(f"{where}: {problem}.") from None
        raise QuestionBankError(
            f"{where}: dit is geen geldige YAML ({problem}). Controleer de inspringing, "
            "de dubbele punten en de aanhalingstekens rond tekst met een dubbele punt."
        ) from None
    except yaml.YAMLError as error:
        raise QuestionBankError(f"{file}: dit is geen geldige YAML ({error}).") from None


def line_of(text: str, loc: Loc) -> int | None:
    """1-based line of the deepest node along ``loc`` (for error messages), or None."""
    try:
        node: Node | None = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, MappingNode) and isinstance(part, str):
            match = next((pair for pair in node.value if pair[0].value == part), None)
            if match is None:
                break
            line = match[0].start_mark.line + 1
            node = match[1]
        elif isinstance(node, SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(node.value):
                break
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line
