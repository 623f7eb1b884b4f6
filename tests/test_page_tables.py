"""The tables the pages show: columns under reader headings, captions, bad input named."""

from __future__ import annotations

import pandas as pd
import pytest

from ifnalpha import model
from ifnalpha.book import page_tables
from ifnalpha.book.model_reference_tables import (
    MODEL_REFERENCE_TABLES,
    model_reference_table,
    model_reference_texts,
)
from ifnalpha.book.table_display import InteractiveTable, StaticTable
from ifnalpha.evidence import claims, grades, tables
from ifnalpha.model.comparison import SHARED_READOUTS

CODE_STYLE = r"^[a-z]+(_[a-z0-9]+)+$"  # a column name such as citations_printed


@pytest.mark.parametrize("key", sorted(page_tables.REVIEW_TABLE_VIEWS))
def test_every_review_table_shows_all_its_rows_under_reader_headings(key):
    review, number = key
    table = page_tables.review_table(review, number)
    assert isinstance(table, InteractiveTable)
    assert table.table_id == f"review-{review.lower()}-table-{number}"
    assert table.caption.startswith(f"Review {review}, Table {number}. ")
    assert tables.get_spec(review, number).title in table.caption
    assert len(table.frame) == len(tables.load(review, number))
    assert not any(pd.Series(table.frame.columns).str.match(CODE_STYLE))


def test_corrections_are_shown_without_their_kind_and_factors_capitalised():
    raw = tables.load("B", 4)
    shown = page_tables.review_table("B", 4).frame
    kinds = raw["correction"].str.extract(r"^(\w+): ", expand=False).dropna()
    assert len(kinds), "table B4 records no correction"
    assert not shown["Our correction"].str.match(r"^\w+: ").any()
    assert set(shown["Factor"]) <= {"Intracellular", "Exogenic"}


@pytest.mark.parametrize("review, number, error", [
    ("C", 1, ValueError), ("A", 3, ValueError), ("A", "1", TypeError)])
def test_unknown_review_tables_are_refused(review, number, error):
    with pytest.raises(error):
        page_tables.review_table(review, number)


def test_claims_table_shows_each_claim_as_printed():
    ids = ["b-e1684-rfs-control", "b-e1684-rfs-hdi"]
    table = page_tables.claims_table(ids, "E1684")
    assert isinstance(table, StaticTable)
    assert list(table.frame["Value (as printed)"]) == [claims.text(i) for i in ids]
    assert list(table.frame.columns) == ["Context", "Quantity", "Value (as printed)",
                                         "References"]
    with pytest.raises(ValueError, match="at least one"):
        page_tables.claims_table([], "none")


def test_data_files_table_lists_the_ledger_with_its_rows():
    frame = page_tables.data_files_table().frame.set_index("File (under data/)")
    assert frame.loc["claims.csv", "Data rows"] == str(len(claims.load()))
    assert frame.loc["references.bib", "Data rows"] == ""


def test_fitted_model_tables_label_readouts_and_units():
    peaks = pd.DataFrame({"model": ["book model"], "dose_pM": [2.8], "readout": ["irf9"],
                          "peak_h": [32.0], "peak": [1.2912], "at_end": [1.29]})
    table = page_tables.fitted_peaks_table(peaks, ["irf9"])
    assert table.frame.iloc[0].tolist() == ["book model", "2.8", SHARED_READOUTS["irf9"],
                                            "32.00", "1.29", "1.29"]
    with pytest.raises(ValueError, match="readout"):
        page_tables.fitted_peaks_table(peaks, ["no_such_readout"])
    ratios = pd.DataFrame({"model": ["book model"], "pre_dose_pM": [0.0], "peak_h": [0.48],
                           "peak_amount": [0.257], "ratio": [1.0]})
    row = page_tables.fitted_restimulation_table(ratios).frame.iloc[0].tolist()
    assert row == ["book model", "0", "0.48", "0.257", "1"]


@pytest.mark.parametrize("kind", sorted(MODEL_REFERENCE_TABLES))
def test_model_reference_tables_have_reader_headings(kind):
    table = model_reference_table(kind)
    assert len(table.frame) > 0
    assert not any(pd.Series(table.frame.columns).str.match(CODE_STYLE))


def test_model_reference_tables_cover_every_declaration():
    assert len(model_reference_table("readouts").frame) == len(model.READOUTS)
    assert len(model_reference_table("perturbations").frame) == len(model.PERTURBATIONS)
    texts = model_reference_texts()
    assert texts["mr-n-parameters"] == str(len(model_reference_table("parameters").frame))
    with pytest.raises(ValueError, match="kind"):
        model_reference_table("genes")


@pytest.mark.parametrize("key", sorted(page_tables.REVIEW_TABLE_VIEWS))
def test_every_review_table_row_shows_its_evidence_grade(key):
    review, number = key
    table = page_tables.review_table(review, number)
    assert list(table.frame[page_tables.GRADE_COLUMN]) == grades.table_grades(review, number)
    assert table.frame.columns[-1] == page_tables.GRADE_COLUMN
    assert len(table.widths) == table.frame.shape[1]
    assert "evidence grade" in table.caption
