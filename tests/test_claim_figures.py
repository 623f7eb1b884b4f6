import pytest

from ifnalpha.book import claim_figures, palette
from ifnalpha.book.figure import BookFigure
from ifnalpha.evidence import claims

FIGURES = [claim_figures.subtype_shares, claim_figures.e1684_outcomes,
           claim_figures.clinical_rates, claim_figures.mutation_frequencies]


@pytest.mark.parametrize("make", FIGURES, ids=lambda f: f.__name__)
def test_figure_plots_its_claims_with_citations(make):
    result = make()
    assert isinstance(result, BookFigure)
    assert result.title and result.figure.axes
    plotted = result.data
    assert list(plotted["claim_id"]) == list(result.claim_ids)
    for row in plotted.itertuples():
        assert row.value == claims.text(row.claim_id)
        assert result.numbers[row.claim_id] == row.value
    assert result.citations, "a claim figure must carry the review's reference numbers"
    for review, numbers in result.citations.items():
        assert f"review {review}, references {', '.join(map(str, numbers))}" in result.caption
    assert result.caption in result.alt_text
    assert all(value in result.alt_text for value in plotted["value"])
    assert result.summary_text().count("\n") == len(result.claim_ids) - 1


def test_subtype_bars_span_the_printed_ranges():
    axes = claim_figures.subtype_shares().figure.axes[0]
    spans = sorted((round(p.get_x(), 2), round(p.get_x() + p.get_width(), 2))
                   for p in axes.patches)
    assert (35.0, 40.0) in spans and (60.0, 70.0) in spans and (20.0, 40.0) in spans
    assert (19.7, 20.3) in spans, "a single value is drawn as a thin tick"


def test_e1684_bars_are_the_ledger_values():
    figure = claim_figures.e1684_outcomes().figure
    heights = [round(float(p.get_height()), 2) for ax in figure.axes for p in ax.patches]
    assert heights == [1.0, 1.7, 2.8, 3.8, 26.0, 37.0]


def test_dot_plot_positions_are_the_ledger_values():
    axes = claim_figures.mutation_frequencies().figure.axes[0]
    xs = [round(float(x), 1) for x, _ in axes.collections[-1].get_offsets()]
    assert xs == [60.0, 40.0, 27.3, 68.0]


def test_wrong_unit_is_refused():
    with pytest.raises(ValueError, match="b-e1684-year"):
        claim_figures._check_unit(["b-e1684-year"], "%")


def test_groups_use_the_book_palette():
    axes = claim_figures.subtype_shares().figure.axes[0]
    colours = {tuple(round(c, 3) for c in p.get_facecolor()[:3]) for p in axes.patches}
    expected = {tuple(round(int(h[i:i + 2], 16) / 255, 3) for i in (1, 3, 5))
                for h in palette.GROUP_COLOURS}
    assert colours == expected


def test_plotted_claims_table():
    table = claim_figures.plotted_claims(["b-e1684-dfr-control", "b-e1684-dfr-hdi"])
    assert list(table.columns) == ["claim_id", "context", "quantity", "value", "citations"]
    assert table["citations"].tolist() == ["B171", "B171"]
