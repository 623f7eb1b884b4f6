"""The evidence-grade texts (``ifnalpha.book.grade_texts``) and what the pages say with them.

The statements of ``chapters/ifna2b/antitumour-mechanism`` about how much of review B's tables
rests on cultured cells are checked here against the grades, each test quoting the page.
"""

from __future__ import annotations

import pytest

from ifnalpha.book import grade_texts
from ifnalpha.evidence import claims, grades, tables


@pytest.fixture(scope="module")
def texts():
    return {key: int(value) for key, value in grade_texts.table_evidence_texts("B").items()}


def test_every_table_gets_all_five_counts(texts):
    assert set(texts) == {f"ge-b-t{n}-{what}" for n in (1, 2, 3, 4)
                          for what in ("rows", "cells", "named", "animal", "patients")}
    for n in (1, 2, 3, 4):
        assert texts[f"ge-b-t{n}-rows"] == len(tables.load("B", n))
        assert texts[f"ge-b-t{n}-named"] <= texts[f"ge-b-t{n}-cells"] <= texts[f"ge-b-t{n}-rows"]


def test_table1_rests_on_cells_and_the_remaining_row_names_none(texts):
    # "{ge-b-t1-cells} of its {ge-b-t1-rows} rows name cells ... and the remaining row names none"
    assert texts["ge-b-t1-rows"] - texts["ge-b-t1-cells"] == 1
    rest = [g for g in grades.table_grades("B", 1) if g not in grade_texts.CELL_GRADES]
    assert rest == ["not stated"]


def test_every_table3_row_rests_on_cells_and_no_regulator_row_on_patients(texts):
    # "Every one of the table's {ge-b-t3-rows} rows rests on cultured cells ... and no row
    # rests on patients or their samples"; "... {ge-b-t4-animal} in an animal model"
    assert texts["ge-b-t3-cells"] == texts["ge-b-t3-rows"]
    assert texts["ge-b-t3-patients"] == texts["ge-b-t4-patients"] == 0
    assert texts["ge-b-t4-cells"] + texts["ge-b-t4-animal"] == texts["ge-b-t4-rows"]
    assert texts["ge-b-t4-animal"] == 1  # the page writes "and 1 in an animal model"


def test_table3_includes_cells_not_taken_from_a_cancer():
    # "some not taken from a cancer at all, such as human embryonic kidney cells or mouse
    # pre-osteoblasts"
    cells = " ".join(tables.load("B", 3)["cell_type"])
    assert "HEK293" in cells and "Mouse preosteoblast cells" in cells


def test_the_trail_timing_comes_from_three_named_myeloma_lines():
    # "in the myeloma cell lines {ge-b-trail-lines}, ... but only after 72 h" [B40]
    claim = claims.load().loc["b-trail-apoptosis-onset"]
    assert str(claim["citations"]) == "40" and str(claim["location"]) == "Table 1"
    lines = grade_texts.cited_cell_lines("B", 1, 40)
    assert lines == ["RPMI 8226", "U266", "NCI‑H929"]
    assert all(line.replace("‑", "-") in str(claim["context"]).replace("‑", "-")
               for line in lines)
    assert grades.grade_of("b-trail-apoptosis-onset") == "cell line (named)"


@pytest.mark.parametrize("bad", [0, -1, 1.5, "40"])
def test_cited_cell_lines_checks_the_reference(bad):
    with pytest.raises((TypeError, ValueError)):
        grade_texts.cited_cell_lines("B", 1, bad)


def test_cited_cell_lines_refuses_a_reference_no_row_cites():
    with pytest.raises(ValueError, match="exactly one row"):
        grade_texts.cited_cell_lines("B", 1, 171)


def test_join_names():
    assert grade_texts.join_names(["a"]) == "a"
    assert grade_texts.join_names(["a", "b"]) == "a and b"
    with pytest.raises(ValueError):
        grade_texts.join_names([])
