"""Texts a page glues about the evidence grades of a review's tables.

Where a review states as a property of IFN-α2b what its tables show only in cultured cells,
the page says so in a sentence, with the counts glued from the grades
(``data/evidence_grades.csv``, :mod:`ifnalpha.evidence.grades`) and the cell lines from the
review's table.

Examples
--------
>>> texts = table_evidence_texts("B")
>>> texts["ge-b-t3-cells"] == texts["ge-b-t3-rows"]
True
>>> cited_cell_lines("B", 1, 40)
['RPMI 8226', 'U266', 'NCI‑H929']
"""

from __future__ import annotations

from ifnalpha import checks, reviews
from ifnalpha.book.glue import count
from ifnalpha.evidence import grades, tables

__all__ = ["CELL_GRADES", "table_evidence_texts", "cited_cell_lines", "join_names"]

#: The grades of evidence from cultured cells.
CELL_GRADES: tuple[str, ...] = ("cell line (named)", "cells, no line named")

#: The grades of evidence from patients.
_PATIENT_GRADES: tuple[str, ...] = ("patient cohort or trial", "patient samples")


def table_evidence_texts(review: str) -> dict[str, str]:
    """Return, for each table of a review, how many of its rows rest on cells, animals, patients.

    Keys are ``ge-<review>-t<n>-<what>`` (review in lower case) with ``<what>`` one of
    ``rows`` (all rows), ``cells`` (cultured cells, named or not), ``named`` (named cell
    lines), ``animal`` (animal models) and ``patients`` (patients or their samples).

    Parameters
    ----------
    review : str
        ``"A"`` or ``"B"``.

    Returns
    -------
    dict of str to str
        Glue keys and counts.

    Examples
    --------
    >>> texts = table_evidence_texts("B")
    >>> texts["ge-b-t1-rows"], texts["ge-b-t4-animal"], texts["ge-b-t4-patients"]
    ('10', '1', '0')
    """
    found = reviews.review(review).id
    out: dict[str, str] = {}
    for number in reviews.review(found).tables:
        rows = grades.table_grades(found, number)
        prefix = f"ge-{found.lower()}-t{number}"
        out[f"{prefix}-rows"] = count(len(rows))
        out[f"{prefix}-cells"] = count(sum(g in CELL_GRADES for g in rows))
        out[f"{prefix}-named"] = count(sum(g == "cell line (named)" for g in rows))
        out[f"{prefix}-animal"] = count(sum(g == "animal model" for g in rows))
        out[f"{prefix}-patients"] = count(sum(g in _PATIENT_GRADES for g in rows))
    return out


def cited_cell_lines(review: str, number: int, reference: int) -> list[str]:
    """Return the cell lines of the table row that cites one reference, as the table prints them.

    Parameters
    ----------
    review : str
        ``"A"`` or ``"B"``.
    number : int
        The table's number; the table must have a ``cell_type`` column.
    reference : int
        The reference number the row cites.

    Returns
    -------
    list of str
        The comma-separated entries of the row's ``cell_type``.

    Raises
    ------
    ValueError
        If not exactly one row of the table cites the reference.

    Examples
    --------
    >>> cited_cell_lines("B", 1, 42)
    ['SK‑MEL‑3', 'SK‑MEL‑28']
    """
    checks.integer("reference", reference, minimum=1)
    table = tables.load(reviews.review(review).id, number)
    hits = table[[reference in refs for refs in table["citations"]]]
    if len(hits) != 1:
        raise ValueError(f"`reference` must be cited by exactly one row of table {number}, "
                         f"got {len(hits)} rows citing {reference}")
    return [part.strip() for part in str(hits["cell_type"].iloc[0]).split(",") if part.strip()]


def join_names(names: list[str]) -> str:
    """Join names as prose: ``"A"``, ``"A and B"``, ``"A, B and C"``.

    Examples
    --------
    >>> join_names(["RPMI 8226", "U266", "NCI-H929"])
    'RPMI 8226, U266 and NCI-H929'
    """
    if not names:
        raise ValueError("`names` must not be empty")
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
