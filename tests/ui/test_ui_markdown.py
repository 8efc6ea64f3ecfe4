"""The small Markdown converter: the constructs the banks use, and nothing unsafe."""

from __future__ import annotations

from salesbook.ui.markdown import inline, to_html, to_plain


def test_emphasis_code_and_paragraphs():
    html = to_html("Een **vet** en *schuin* woord met `code`.\n\nTweede alinea.")
    assert html == (
        "<p>Een <strong>vet</strong> en <em>schuin</em> woord met <code>code</code>.</p>"
        "<p>Tweede alinea.</p>"
    )


def test_lists_quotes_headings_and_tables():
    assert to_html("- een\n- twee") == "<ul><li>een</li><li>twee</li></ul>"
    assert to_html("1. een\n2. twee") == "<ol><li>een</li><li>twee</li></ol>"
    assert to_html("Tekst:\n- een") == "<p>Tekst:</p><ul><li>een</li></ul>"
    assert to_html("> citaat") == "<blockquote><p>citaat</p></blockquote>"
    assert to_html("## Kop") == "<h4>Kop</h4>"
    table = to_html("| a | b |\n|---|---|\n| 1 | 2 |")
    assert table == (
        "<table><thead><tr><th>a</th><th>b</th></tr></thead>"
        "<tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
    )


def test_html_is_escaped_but_existing_entities_are_kept():
    assert inline("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert inline("A &lt; B & C") == "A &lt; B &amp; C"
    assert inline(r"geen \*nadruk\*") == "geen *nadruk*"


def test_latex_passes_through_untouched():
    assert inline(r"$a_1 * b_2 < c$ en **vet**") == r"$a_1 * b_2 &lt; c$ en <strong>vet</strong>"
    assert inline("$$\\frac{P - D}{N}$$") == "$$\\frac{P - D}{N}$$"


def test_only_web_links_become_links():
    assert inline("[bron](https://example.org/a)") == (
        '<a href="https://example.org/a" target="_blank" rel="noopener">bron</a>'
    )
    assert "<a" not in inline("[x](javascript:alert(1))")


def test_plain_text_drops_markup():
    assert to_plain("**Vraag 1** · Goed\n\n3 \\* 4") == "Vraag 1 · Goed\n\n3 * 4"
