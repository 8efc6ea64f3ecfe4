"""Without a widget frontend a question is still readable, and says how to answer in code."""

from __future__ import annotations

from salesbook.ui.frame import WIDGET_MIME


def test_bundle_holds_widget_and_readable_text(wb):
    v = wb.vraag("h2.keuze.01")
    bundle = v.view._repr_mimebundle_()
    assert bundle[WIDGET_MIME]["model_id"] == v.view.box.model_id
    plain = bundle["text/plain"]
    assert plain.startswith("Vraag h2.keuze.01 · meerkeuzevraag (één antwoord) · 1 punt")
    assert "Wat is de NPS bij 25% promoters en 15% detractors?" in plain
    assert "- A. +10\n- B. +40\n- C. -10" in plain
    assert 'v = wb.vraag("h2.keuze.01")\nv.antwoord("X")  # X = de letter van jouw keuze' in plain
    assert "- **A.** +10" in bundle["text/markdown"]
    assert "```python" in bundle["text/markdown"]
    assert "<li><strong>B.</strong> +40</li>" in bundle["text/html"]
    assert "<pre><code>v = wb.vraag(&quot;h2.keuze.01&quot;)" not in bundle["text/html"]
    code = 'v = wb.vraag("h2.keuze.01")\nv.antwoord("X")  # X = de letter van jouw keuze'
    assert f"<pre><code>{code}</code></pre>" in bundle["text/html"]


def test_fallback_shows_the_order_as_shown_and_the_choices(wb):
    ordering = wb.vraag("h2.orden.01")
    shown = [d.value for d in ordering.invoer]
    plain = ordering.view._repr_mimebundle_()["text/plain"]
    assert "\n".join(f"- {item}" for item in shown) in plain
    matching = wb.vraag("h2.orden.02").view._repr_mimebundle_()["text/plain"]
    assert "Kies uit:\n- Behoefte uitvragen\n- Macro-omgeving analyseren" in matching
    numeric = wb.vraag("h2.reken.03").view._repr_mimebundle_()["text/plain"]
    assert "Eenheid: %" in numeric and 'v.antwoord("…")  # jouw getal' in numeric


def test_fallback_is_deterministic_for_nbval(wb):
    first = wb.vraag("h2.orden.01").view._repr_mimebundle_()
    second = wb.vraag("h2.orden.01").view._repr_mimebundle_()
    for mime in ("text/plain", "text/markdown", "text/html"):
        assert first[mime] == second[mime]


def test_displayed_question_uses_the_fallback_bundle(wb, screen):
    wb.vraag("h2.reken.01")
    question_bundle, answer_bundle = screen.shown[-2:]
    assert set(question_bundle) == {WIDGET_MIME, "text/plain", "text/markdown", "text/html"}
    assert answer_bundle["text/markdown"] == "**Vraag h2.reken.01** · nog niet beantwoord"
