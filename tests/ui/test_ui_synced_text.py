"""A check asked for from the browser waits until the kernel has the text typed before it."""

from __future__ import annotations

import ipywidgets as widgets
import pytest
from traitlets import TraitError

from salesbook.ui import synced_text
from salesbook.ui.synced_text import SyncedText, SyncedTextarea, browser_session


class Seen:
    """A callback that notes the field's value each time it runs."""

    def __init__(self, field: widgets.Text) -> None:
        self.field = field
        self.values: list[str] = []

    def __call__(self) -> None:
        self.values.append(self.field.value)


def requested(field: SyncedText) -> int:
    """The number the kernel asked the browser to send back (the helper's synced state)."""
    return field._sync_request.get_state()["number"]


def test_browser_session_is_none_outside_a_kernel(monkeypatch):
    monkeypatch.setattr(synced_text, "get_ipython", lambda: None)
    assert browser_session() is None


def test_browser_session_only_while_handling_a_widget_message(kernel):
    assert browser_session() is None  # a cell (execute_request)
    kernel.parent = {"header": {"msg_type": "comm_msg", "session": "abc-123"}}
    assert browser_session() == "abc-123"
    kernel.parent = {}
    assert browser_session() is None


def test_without_a_kernel_the_callback_runs_at_once(monkeypatch):
    monkeypatch.setattr(synced_text, "get_ipython", lambda: None)
    field = SyncedText(value="12,5")
    seen = Seen(field)
    field.when_synced(seen)
    assert seen.values == ["12,5"]


def test_the_link_starts_one_apart_so_the_browser_confirms_it():
    field = SyncedText()
    assert (requested(field), field._synced) == (1, 0)
    link = field._sync_link
    assert link.source == (field._sync_request, "number")
    assert link.target == (field, "_synced")
    assert field.trait_metadata("_synced", "echo_update") is False


def test_before_the_browser_confirmed_the_link_a_check_runs_at_once(browser):
    field = SyncedText(value="7")
    seen = Seen(field)
    field.on_msg(lambda _w, _content, _buffers: field.when_synced(seen))
    browser.custom(field, event="submit")
    assert seen.values == ["7"]
    assert requested(field) == 1  # nothing asked


def test_enter_waits_for_the_text_typed_before_it(browser):
    field = SyncedText()
    seen = Seen(field)
    field.on_msg(lambda _w, _content, _buffers: field.when_synced(seen))
    browser.update(field, _synced=1)  # the browser created the link
    browser.update(field, value="1")  # sent at once; "10,3" waits in the browser's buffer

    browser.custom(field, event="submit")  # Enter overtakes the buffer
    assert seen.values == []
    assert requested(field) == 2
    assert field.sync_pending == 1

    browser.update(field, value="10,3", _synced=2)  # the buffer, merged with the answer
    assert seen.values == ["10,3"]
    assert field.sync_pending == 0


def test_the_answer_may_also_come_alone_after_the_value(browser):
    field = SyncedText()
    seen = Seen(field)
    field.on_msg(lambda _w, _content, _buffers: field.when_synced(seen))
    browser.update(field, _synced=1)
    browser.custom(field, event="submit")
    browser.update(field, value="42")  # the value was on its way before the request came
    assert seen.values == []
    browser.update(field, _synced=2)
    assert seen.values == ["42"]


def test_an_answer_from_another_browser_releases_nothing(browser):
    other = type(browser)(browser.kernel, session="browser-b")
    field = SyncedText()
    seen = Seen(field)
    field.on_msg(lambda _w, _content, _buffers: field.when_synced(seen))
    browser.update(field, _synced=1)
    browser.update(field, value="1")
    browser.custom(field, event="submit")

    other.update(field, _synced=2)  # a second tab answers first: it has not got our text
    assert seen.values == []
    browser.update(field, value="10,3", _synced=2)
    assert seen.values == ["10,3"]


def test_one_merged_answer_releases_every_earlier_request_in_order(browser):
    field = SyncedText()
    seen: list[str] = []
    browser.update(field, _synced=1)
    field.on_msg(lambda _w, content, _buffers: field.when_synced(lambda: seen.append(content)))
    browser.custom(field, event="submit")
    browser.custom(field, event="click")
    assert requested(field) == 3 and seen == []
    browser.update(field, value="5", _synced=3)
    assert seen == [{"event": "submit"}, {"event": "click"}]
    browser.update(field, _synced=3)  # nothing left to release
    assert len(seen) == 2


def test_code_in_a_cell_runs_at_once_even_when_linked(browser):
    field = SyncedText()
    browser.update(field, _synced=1)
    field.value = "3,5"
    seen = Seen(field)
    field.when_synced(seen)  # the kernel handles a cell, not a browser message
    assert seen.values == ["3,5"]


def test_a_textarea_waits_the_same_way(browser):
    area = SyncedTextarea()
    button = widgets.Button()
    seen = Seen(area)
    button.on_click(lambda _b: area.when_synced(seen))
    browser.update(area, _synced=1)
    browser.update(area, value="Een loyale")
    browser.custom(button, event="click")  # the button's message overtakes the buffer
    assert seen.values == []
    browser.update(area, value="Een loyale klant blijft.", _synced=2)
    assert seen.values == ["Een loyale klant blijft."]


def test_close_closes_the_helper_and_the_link():
    field = SyncedText()
    helper, link = field._sync_request, field._sync_link
    field.close()
    assert field.comm is None and helper.comm is None and link.comm is None


def test_a_field_that_failed_to_start_closes_quietly():
    with pytest.raises(TraitError):
        SyncedText(value=5)  # not text: ipywidgets refuses it before the link exists
    unfinished = SyncedText.__new__(SyncedText)
    unfinished.close()  # what garbage collection does; no AttributeError


@pytest.mark.parametrize("kind", [SyncedText, SyncedTextarea])
def test_a_synced_field_is_still_the_ipywidgets_field(kind):
    field = kind(value="x", description="Antwoord")
    assert isinstance(field, widgets.Text if kind is SyncedText else widgets.Textarea)
    state = field.get_state()
    assert state["_view_name"] == ("TextView" if kind is SyncedText else "TextareaView")
    assert (state["value"], state["description"], state["_synced"]) == ("x", "Antwoord", 0)


def test_a_button_reading_several_fields_waits_for_all_of_them(browser):
    first, second = SyncedText(), SyncedTextarea()
    button = widgets.Button()
    handed_in: list[tuple[str, str]] = []
    controls = [first, widgets.Dropdown(options=["a"]), second]
    button.on_click(
        lambda _b: synced_text.when_all_synced(
            controls, lambda: handed_in.append((first.value, second.value))
        )
    )
    browser.update(first, _synced=1)
    browser.update(second, _synced=1)
    browser.update(first, value="1")  # "12,5" and the essay still wait in the browser

    browser.custom(button, event="click")
    assert handed_in == []
    browser.update(first, value="12,5", _synced=2)
    assert handed_in == []  # the essay is not there yet
    browser.update(second, value="Mijn antwoord.", _synced=2)
    assert handed_in == [("12,5", "Mijn antwoord.")]


def test_without_synced_fields_the_button_acts_at_once():
    done = []
    synced_text.when_all_synced([widgets.Dropdown(options=["a"])], lambda: done.append(1))
    assert done == [1]
