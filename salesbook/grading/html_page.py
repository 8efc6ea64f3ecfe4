"""Building blocks of the offline HTML pages: page frame with inline CSS, bar charts as SVG.

Pages load nothing from the internet: no scripts, no fonts, no images from elsewhere; the
charts are inline SVG. All text goes through :func:`text` (plain text) or
:func:`salesbook.ui.markdown.to_html` (Markdown), which escape everything, because answers and
student numbers are written by students.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from salesbook.notation import format_number

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;
 color:#1a1a1a;background:#fafafa;line-height:1.45}
main{max-width:58rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:.2rem 0 1rem}h2{margin-top:2rem;border-bottom:2px solid #0072B2}
table{border-collapse:collapse;margin:.5rem 0;max-width:100%}td{overflow-wrap:anywhere}
th,td{border:1px solid #ccc;padding:.25rem .5rem;
 text-align:left;vertical-align:top}th{background:#e8f0f8}
td.getal{text-align:right;white-space:nowrap}
.samenvatting{background:#fff;border:1px solid #ccc;padding:.75rem 1rem;border-radius:6px}
article.vraag{background:#fff;border:1px solid #ccc;border-left:6px solid #999;
 border-radius:6px;padding:.5rem 1rem;margin:.75rem 0}
article.goed{border-left-color:#009E73}article.fout{border-left-color:#D55E00}
article.deels-goed{border-left-color:#E69F00}article.handmatig{border-left-color:#0072B2}
article.nog-na-te-kijken{border-left-color:#56B4E9}
.kop{font-weight:600}.let-op{color:#8a4b00}.label{font-weight:600}
blockquote{margin:.25rem 0;padding-left:.75rem;border-left:3px solid #ccc;color:#333}
svg text{font-family:inherit;font-size:12px}
@media print{body{background:#fff}article.vraag{break-inside:avoid}}
"""

STATUS_LABEL = {
    "goed": "✔ Goed",
    "deels goed": "◐ Deels goed",
    "fout": "✘ Fout",
    "niet beantwoord": "– Niet beantwoord",
    "nog na te kijken": "✉ Nog na te kijken door je docent",
    "handmatig": "✉ Beoordeeld door je docent",
}


def text(value: object) -> str:
    """Plain text, HTML-escaped (quotes too)."""
    return html.escape(str(value), quote=True)


@lru_cache(maxsize=8192)
def number(value: float, decimals: int = 1) -> str:
    """A number in Dutch notation without needless decimals (``7.5`` → ``7,5``, ``8`` → ``8``)."""
    shown = format_number(value, decimals)
    return shown.rstrip("0").rstrip(",") if "," in shown else shown


def page(title: str, body: str) -> str:
    """A complete, self-contained HTML5 page (Dutch, UTF-8, inline CSS)."""
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{text(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        f"{body}\n</main>\n</body>\n</html>\n"
    )


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: a label, a share 0..1 and the text shown after the bar."""

    label: str
    share: float
    value_text: str


def _colour(share: float, reference: float) -> str:
    if share >= max(0.75, reference):
        return "#009E73"
    if share >= reference:
        return "#E69F00"
    return "#D55E00"


def bar_chart(
    bars: Sequence[Bar], title: str, *, reference: float = 0.55, label_width: int = 220
) -> str:
    """A horizontal bar chart as inline SVG (0–100%), with a reference line (the cesuur).

    Bars are green from 75%, orange from the reference, red below; the percentage is written
    beside every bar, so the chart never relies on colour alone.
    """
    row, width, plot = 22, 680, 300
    height = row * len(bars) + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" aria-label="{text(title)}">',
        f"<title>{text(title)}</title>",
    ]
    for index, bar in enumerate(bars):
        y = 10 + index * row
        share = min(1.0, max(0.0, bar.share))
        label = bar.label if len(bar.label) <= 32 else bar.label[:31] + "…"
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end">{text(label)}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{plot}" height="14" fill="#eee"/>'
            f'<rect x="{label_width}" y="{y + 3}" width="{share * plot:.1f}" height="14" '
            f'fill="{_colour(share, reference)}"/>'
            f'<text x="{label_width + plot + 6}" y="{y + 14}">{text(bar.value_text)}</text>'
        )
    line_x = label_width + reference * plot
    parts.append(
        f'<line x1="{line_x:.1f}" y1="6" x2="{line_x:.1f}" y2="{height - 18}" '
        'stroke="#333" stroke-dasharray="3,3"/>'
        f'<text x="{line_x:.1f}" y="{height - 4}" text-anchor="middle">'
        f"{number(reference * 100)}%</text>"
    )
    parts.append("</svg>")
    return "".join(parts)


def table(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int]) -> str:
    """An HTML table; cells are already HTML; columns in ``numeric`` are right-aligned."""
    head = "".join(f"<th>{text(name)}</th>" for name in header)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="getal">{cell}</td>' if index in numeric else f"<td>{cell}</td>"
            for index, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
