"""Progress per leerdoel (pure, recomputed from the key) and its chart and table."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from matplotlib.patches import Rectangle

from salesbook.progress import Progress, per_chapter, per_leerdoel
from salesbook.quiz import instantiate, load_bank, record_answer
from salesbook.ui.progress_chart import (
    ProgressReport,
    progress_figure,
    progress_markdown,
    progress_text,
)

TEST_BANK = Path(__file__).with_name("testbank.yaml")


def _lookup_for(answers: dict[str, object], seed):
    bank = load_bank(TEST_BANK)
    records = {}
    for question_id, response in answers.items():
        variant = instantiate(bank.question(question_id), seed)
        record = record_answer(None, variant, response, now=datetime(2026, 1, 1, tzinfo=UTC))
        records[(question_id, variant.variant_seed)] = record
    return bank, lambda qid, variant_seed: records.get((qid, variant_seed))


def test_scores_are_recomputed_per_leerdoel():
    bank, lookup = _lookup_for(
        {
            "h2.reken.01": "10",  # right (1)
            "h2.reken.02": "12,5",  # right for seed 123456: 40 promoters → 12,5 (1)
            "h2.reken.03": "0,25",  # a fraction where 25% is asked: wrong (0)
            "h2.open.01": "Aanbevelen.",
        },
        seed=123456,
    )
    rows = {row.key: row for row in per_leerdoel(bank, lookup, 123456)}
    assert list(rows) == ["h2.keuze", "h2.reken", "h2.orden", "h2.open"]
    reken = rows["h2.reken"]
    assert (reken.questions, reken.answered, reken.score, reken.max_score) == (3, 3, 2.0, 3.0)
    assert abs(reken.share - 2 / 3) < 1e-12
    assert (rows["h2.open"].answered, rows["h2.open"].max_score, rows["h2.open"].share) == (
        1,
        0.0,
        0.0,
    )
    assert rows["h2.keuze"] == Progress("h2.keuze", "Je kiest het goede antwoord.", 2, 0, 0.0, 3.0)


def test_another_seed_is_another_variant():
    # the record was made for seed 123456; seed 7 draws 60 promoters → 22,2, so it is not found
    bank, lookup = _lookup_for({"h2.reken.02": "12,5"}, seed=123456)
    assert per_leerdoel(bank, lookup, 7)[1].answered == 0


def test_per_chapter_adds_up_the_bank():
    bank, lookup = _lookup_for({"h2.keuze.01": 0}, seed=None)
    (row,) = per_chapter([bank], lookup, None)
    assert (row.key, row.label, row.questions, row.answered, row.score, row.max_score) == (
        "h2",
        "Testhoofdstuk",
        9,
        1,
        1.0,
        11.0,
    )


ROWS = [
    Progress("h2.nps", "Je berekent de Net Promoter Score.", 4, 3, 1.5, 4.0),
    Progress("h2.abc", "Je maakt een ABC-analyse.", 2, 0, 0.0, 2.0),
    Progress("h2.open", "Je legt uit.", 1, 1, 0.0, 0.0),
]


def test_chart_bars_show_the_share_with_dutch_labels():
    fig = progress_figure(ROWS, "Jouw voortgang")
    ax = fig.axes[0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    widths = sorted(round(bar.get_width(), 6) for bar in bars)
    assert widths == [0.0, 0.0, 0.375, 1.0, 1.0, 1.0]  # 3 backgrounds + 1,5/4 and two empty
    labels = dict(zip(ax.get_yticks(), (t.get_text() for t in ax.get_yticklabels()), strict=True))
    assert labels[max(labels)].startswith("h2.nps · Je berekent")  # first row on top
    notes = {t.get_text() for t in ax.texts}
    assert "38% · 3/4 vragen" in notes
    assert "1/1 vragen (beoordeling door je docent)" in notes
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()][-1] == "100%"


def test_table_in_dutch_notation():
    markdown = progress_markdown(ROWS)
    assert "| h2.nps: Je berekent de Net Promoter Score. | 3 van 4 | 1,5 van 4 | 38% |" in markdown
    assert "| **Totaal** | 4 van 7 | 1,5 van 6 | 25% |" in markdown
    text = progress_text(ROWS)
    assert "h2.open: 1 van 1 beantwoord, – punten, score –" in text


def test_report_displays_chart_then_table():
    chart, table = ProgressReport(ROWS, "Jouw voortgang").bundles()
    assert chart["text/plain"] == "[Grafiek: Jouw voortgang]"
    assert chart["image/png"].startswith("iVBORw0KGgo")  # base64 of the PNG signature
    assert table["text/markdown"].startswith("| Leerdoel | Beantwoord | Punten | Score |")
