"""One view class per question type, and :func:`make_view` to pick the right one."""

from __future__ import annotations

from salesbook.ui.frame import AnswerPort, QuestionView
from salesbook.ui.views_choice import MultipleChoiceView, SingleChoiceView
from salesbook.ui.views_items import ClassificationView, MatchingView, OrderingView
from salesbook.ui.views_text import NumericView, OpenView

VIEWS: dict[str, type[QuestionView]] = {
    "single_choice": SingleChoiceView,
    "multiple_choice": MultipleChoiceView,
    "numeric": NumericView,
    "ordering": OrderingView,
    "matching": MatchingView,
    "classification": ClassificationView,
    "open": OpenView,
}


def make_view(port: AnswerPort) -> QuestionView:
    """The view for ``port.question``'s type, showing the port's stored answer if any."""
    return VIEWS[port.question.type](port)
