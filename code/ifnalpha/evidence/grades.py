"""Evidence grades: what kind of evidence the review gives for each claim and each table row.

``data/evidence_grades.csv`` has one row per ledger claim (``item`` is the claim id) and one
per row of the six review tables (``item`` is ``table-<review><number>-row-<i>``, ``i``
counting the table file's data rows from 1), with the grade and, in ``basis``, what in the
review the grade rests on (layout in ``data/annotations.md``). The grade is judged from what
the review says about the claim or row (for review B's regulator tables, their ``cell_type``
column), not from the cited papers themselves.

Examples
--------
>>> grade_of("b-e1684-os-hdi")
'patient cohort or trial'
>>> grade_of("table-b4-row-1")
'animal model'
>>> GRADES[0]
'patient cohort or trial'
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ifnalpha import reviews
from ifnalpha.evidence import claims, tables
from ifnalpha.evidence.csv_rows import read_rows
from ifnalpha.paths import data_dir

__all__ = ["FILENAME", "GRADES", "GRADE_DESCRIPTIONS", "table_item", "read_grades", "load",
           "grade_of", "table_grades", "claim_grade_counts", "table_grade_counts"]

#: File name of the grades inside the data folder.
FILENAME = "evidence_grades.csv"

#: The grades, from the evidence closest to patients to none stated.
GRADES: tuple[str, ...] = (
    "patient cohort or trial",
    "patient samples",
    "animal model",
    "cell line (named)",
    "cells, no line named",
    "other cancer type",
    "other review",
    "hypothesis",
    "not stated",
)

#: What each grade means.
GRADE_DESCRIPTIONS: dict[str, str] = {
    "patient cohort or trial": "patients followed or treated: trials, cohorts, population data",
    "patient samples": "measurements in patients' tumours, blood or tissue",
    "animal model": "mice or other animals",
    "cell line (named)": "cultured cell lines the review names",
    "cells, no line named": "cultured cells of a type, no line named",
    "other cancer type": "evidence from another cancer (or breast cancer in general, for IBC)",
    "other review": "a review the review cites as such",
    "hypothesis": "the authors' own inference or proposal",
    "not stated": "the review does not say what kind of evidence it rests on",
}

_COLUMNS = ("review", "item", "grade", "basis")
_TABLE_ITEM = re.compile(r"^table-([ab])(\d)-row-(\d+)$")


def table_item(review: str, number: int, row: int) -> str:
    """Return the ``item`` of one table row, e.g. ``table_item("B", 4, 1) == "table-b4-row-1"``.

    Examples
    --------
    >>> table_item("a", 2, 10)
    'table-a2-row-10'
    """
    return f"table-{reviews.review(review).id.lower()}{number}-row-{row}"


def _expected_items() -> dict[str, str]:
    """Every item that needs a grade, with its review."""
    items = dict(claims.load()["review"].items())
    for review in reviews.REVIEW_IDS:
        for number in reviews.review(review).tables:
            for row in range(1, len(tables.load(review, number)) + 1):
                items[table_item(review, number, row)] = review
    return items


def read_grades(path: Path) -> pd.DataFrame:
    """Read and check a grades file; return it indexed by ``item``.

    Raises
    ------
    ValueError
        Naming the file, line and column: wrong columns, an unknown or repeated item, a review
        that is not the item's, a grade outside :data:`GRADES`, an empty basis, or a claim or
        table row without a grade.
    """
    path = Path(path)
    expected = _expected_items()
    records, seen = [], {}
    for line, row in read_rows(path, _COLUMNS):
        item = row["item"]

        def fail(column: str, reason: str, line=line, item=item, row=row) -> ValueError:
            return ValueError(f"{path}: line {line} (item {item!r}), column {column!r}: "
                              f"bad value {row.get(column)!r}: {reason}")

        if item not in expected:
            raise fail("item", "neither a ledger claim nor a review table row")
        if item in seen:
            raise fail("item", f"repeats line {seen[item]}")
        seen[item] = line
        if row["review"] != expected[item]:
            raise fail("review", f"the item belongs to review {expected[item]}")
        if row["grade"] not in GRADES:
            raise fail("grade", f"not one of {', '.join(GRADES)}")
        if not row["basis"].strip():
            raise fail("basis", "empty")
        records.append(row)
    missing = sorted(set(expected) - set(seen))
    if missing:
        raise ValueError(f"{path}: no grade for {', '.join(missing[:5])}"
                         + (f" and {len(missing) - 5} more" if len(missing) > 5 else ""))
    return pd.DataFrame.from_records(records, columns=list(_COLUMNS)).set_index("item")


@lru_cache(maxsize=2)
def _load(path: str) -> pd.DataFrame:
    return read_grades(Path(path))


def load(path: Path | None = None) -> pd.DataFrame:
    """Return the checked grades of the book's file (or of ``path``), indexed by item.

    Examples
    --------
    >>> len(load()) >= 200
    True
    """
    return _load(str(Path(path) if path is not None else data_dir() / FILENAME)).copy()


def grade_of(item: str) -> str:
    """Return the grade of one claim id or table item."""
    return str(load().loc[item, "grade"])


def table_grades(review: str, number: int) -> list[str]:
    """Return the grades of one review table's rows, in the order of the table file.

    Examples
    --------
    >>> table_grades("A", 2)[10]
    'cell line (named)'
    """
    frame = load()
    found = reviews.review(review).id
    count = len(tables.load(found, number))
    return [str(frame.loc[table_item(found, number, row), "grade"])
            for row in range(1, count + 1)]


def claim_grade_counts(review: str) -> pd.Series:
    """Count how one review's ledger claims split by grade, in the order of :data:`GRADES`.

    Examples
    --------
    >>> counts = claim_grade_counts("B")
    >>> int(counts["patient cohort or trial"]) > 0 and list(counts.index) == list(GRADES)
    True
    """
    found = reviews.review(review).id
    frame = load()
    ledger = claims.load()
    ids = list(ledger.index[ledger["review"] == found])
    counts = frame.loc[ids, "grade"].value_counts()
    return pd.Series([int(counts.get(g, 0)) for g in GRADES], index=list(GRADES), name=found)


def table_grade_counts(review: str) -> pd.Series:
    """Count how the rows of one review's tables split by grade, in the order of :data:`GRADES`.

    Examples
    --------
    >>> counts = table_grade_counts("A")
    >>> int(counts.sum()) == sum(len(table_grades("A", n)) for n in (1, 2))
    True
    """
    found = reviews.review(review).id
    rows = [grade for number in reviews.review(found).tables
            for grade in table_grades(found, number)]
    counts = pd.Series(rows, dtype=object).value_counts()
    return pd.Series([int(counts.get(g, 0)) for g in GRADES], index=list(GRADES), name=found)
