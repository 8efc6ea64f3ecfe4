"""A small, safe Markdown-to-HTML converter for prompts, hints, solutions and feedback.

Widgets show HTML, while the question banks and the quiz core write Markdown. This converter
covers what those texts use: paragraphs, ``-``/``*`` and numbered lists, ``>`` quotes, ``#``
headings, simple pipe tables, ``**bold**``, ``*italic*``, ```code```, ``[links](https://…)``
and backslash escapes. LaTeX (``$…$`` and ``$$…$$``) is passed through untouched for
:class:`ipywidgets.HTMLMath` and MathJax.

Everything is HTML-escaped: text from a bank or from a student can never inject markup. Entities
that the core already wrote (``&lt;``, ``&amp;``) are kept, not escaped twice.
"""

from __future__ import annotations

import html
import re

_MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+?\$", re.S)
_CODE = re.compile(r"`([^`\n]+)`")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>$&<])")
_ENTITY = re.compile(r"&(?!(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,6});)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^\s)]+)\)")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _escape(text: str) -> str:
    """Escape HTML but keep entities that are already there."""
    return (
        _ENTITY.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def inline(text: str) -> str:
    """Convert one line (or paragraph) of inline Markdown to safe HTML."""
    kept: list[str] = []

    def keep(value: str) -> str:
        kept.append(value)
        return f"\x00{len(kept) - 1}\x00"

    text = _MATH.sub(lambda m: keep(html.escape(m.group(0), quote=False)), text)
    text = _CODE.sub(lambda m: keep(f"<code>{html.escape(m.group(1))}</code>"), text)
    text = _ESCAPED.sub(lambda m: keep(html.escape(m.group(1))), text)
    text = _escape(text)
    text = _LINK.sub(
        lambda m: (
            keep(f'<a href="{m.group(2)}" target="_blank" rel="noopener">')
            + m.group(1)
            + keep("</a>")
        ),
        text,
    )
    text = _BOLD.sub(r"<strong>\1</strong>", text)
    text = _ITALIC.sub(r"<em>\1</em>", text)
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], text)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _table(lines: list[str]) -> str:
    head = "".join(f"<th>{inline(cell)}</th>" for cell in _cells(lines[0]))
    rows = "".join(
        "<tr>" + "".join(f"<td>{inline(cell)}</td>" for cell in _cells(line)) + "</tr>"
        for line in lines[2:]
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _list(lines: list[str], pattern: re.Pattern[str], tag: str) -> str:
    items: list[str] = []
    for line in lines:
        match = pattern.match(line)
        if match:
            items.append(match.group(1))
        elif items:
            items[-1] += " " + line.strip()  # continuation line of the previous item
    return f"<{tag}>" + "".join(f"<li>{inline(item)}</li>" for item in items) + f"</{tag}>"


def _block(lines: list[str]) -> str:
    first = lines[0]
    if first.lstrip().startswith(">"):
        inner = [re.sub(r"^\s*>\s?", "", line) for line in lines]
        return f"<blockquote>{to_html(chr(10).join(inner))}</blockquote>"
    if len(lines) >= 2 and "|" in first and _TABLE_RULE.match(lines[1]):
        return _table(lines)
    if _BULLET.match(first):
        return _list(lines, _BULLET, "ul")
    if _NUMBERED.match(first):
        return _list(lines, _NUMBERED, "ol")
    heading = _HEADING.match(first)
    if heading and len(lines) == 1:
        level = min(6, len(heading.group(1)) + 2)  # keep headings small inside a widget
        return f"<h{level}>{inline(heading.group(2))}</h{level}>"
    return "<p>" + "<br>".join(inline(line.strip()) for line in lines) + "</p>"


def _split_blocks(text: str) -> list[list[str]]:
    """Blank lines separate blocks; a list, heading or table also starts a new block."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        starts_new = bool(_HEADING.match(line)) or (
            current
            and not _BULLET.match(current[0])
            and not _NUMBERED.match(current[0])
            and (_BULLET.match(line) or _NUMBERED.match(line))
        )
        if not line.strip() or starts_new:
            if current:
                blocks.append(current)
            current = [line] if line.strip() else []
            continue
        current.append(line)
    if current:
        blocks.append(current)
    return blocks


def to_html(text: str) -> str:
    """Convert Markdown to safe HTML (see the module docstring for what is supported)."""
    return "".join(_block(block) for block in _split_blocks(text))


def to_plain(text: str) -> str:
    """Markdown as readable plain text: emphasis markers and escapes removed."""
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = _ESCAPED.sub(r"\1", text)
    return html.unescape(text).strip()
