"""Evidence grades: every claim and table row graded, judged from what the review says."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ifnalpha import reviews
from ifnalpha.evidence import claims, grades, tables
from ifnalpha.paths import data_dir


def test_every_claim_and_table_row_has_one_grade():
    frame = grades.load()
    ledger = claims.load()
    assert set(ledger.index) <= set(frame.index)
    rows = sum(len(tables.load(r, n)) for r in reviews.REVIEW_IDS for n in reviews.review(r).tables)
    assert len(frame) == len(ledger) + rows
    assert set(frame["grade"]) <= set(grades.GRADES)
    assert (frame["basis"].str.len() > 0).all()


def test_grades_follow_what_the_review_says():
    assert grades.grade_of("b-e1684-os-hdi") == "patient cohort or trial"
    assert grades.grade_of("a-ifn-signature-metastasis-risk") == "other cancer type"
    assert grades.grade_of("a-basal-pathway-implications") == "hypothesis"
    # review A's Table 2: "Confirmed" in IBC rests on the authors' cell lines
    table2 = tables.load("A", 2)
    for status, grade in zip(table2["status_in_ibc"], grades.table_grades("A", 2), strict=True):
        assert (status == "Confirmed") == (grade == "cell line (named)")


@pytest.mark.parametrize("number", [1, 3, 4])
def test_review_b_regulator_rows_are_graded_from_their_cell_type(number):
    frame = tables.load("B", number)
    for cell, grade in zip(frame["cell_type"], grades.table_grades("B", number), strict=True):
        if cell == "NA":
            assert grade == "not stated"
        elif cell.startswith("Mouse tissue"):
            assert grade == "animal model"
        elif "cells" in cell or "macrophages" in cell:
            assert grade == "cells, no line named", cell
        else:
            assert grade == "cell line (named)", cell


def test_claim_counts_per_part_add_up():
    for review in reviews.REVIEW_IDS:
        counts = grades.claim_grade_counts(review)
        assert list(counts.index) == list(grades.GRADES)
        assert counts.sum() == (claims.load()["review"] == review).sum()


def _rows() -> list[dict[str, str]]:
    with (data_dir() / grades.FILENAME).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["review", "item", "grade", "basis"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.mark.parametrize(("column", "value", "message"), [
    ("item", "a-no-such-claim", "neither a ledger claim"),
    ("review", "B", "belongs to review A"),
    ("grade", "strong", "not one of"),
    ("basis", " ", "empty"),
])
def test_malformed_grades_are_refused_naming_line_and_column(tmp_path, column, value, message):
    rows = _rows()
    rows[0][column] = value
    with pytest.raises(ValueError) as caught:
        grades.read_grades(_write(tmp_path / "g.csv", rows))
    assert "line 2" in str(caught.value) and f"'{column}'" in str(caught.value)
    assert message in str(caught.value)


def test_missing_or_repeated_grades_are_refused(tmp_path):
    rows = _rows()
    with pytest.raises(ValueError, match="no grade for"):
        grades.read_grades(_write(tmp_path / "g.csv", rows[1:]))
    with pytest.raises(ValueError, match="repeats line 2"):
        grades.read_grades(_write(tmp_path / "h.csv", rows + rows[:1]))
