"""The figure of how one review's claims and table rows split by evidence grade.

The grades are the book's (``data/evidence_grades.csv``, :mod:`ifnalpha.evidence.grades`):
what kind of evidence the review gives for each numbered claim of the ledger and each row of
its tables, judged from what the review says.

Examples
--------
>>> bf = claim_grades_figure("A")
>>> bf.numbers["claims"] == int(bf.data["claims"].sum())
True
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ifnalpha import reviews
from ifnalpha.book.figure import BookFigure, finish, new_or_cleared
from ifnalpha.book.palette import GROUP_COLOURS
from ifnalpha.evidence import grades

__all__ = ["claim_grades_figure"]


def claim_grades_figure(review: str, *, fig: Figure | None = None) -> BookFigure:
    """Plot how one review's ledger claims and table rows split by evidence grade.

    Parameters
    ----------
    review : {"A", "B"}
        The review.
    fig : Figure, optional
        Figure to draw into (it is cleared); a new one if None.

    Returns
    -------
    BookFigure
        Two bar panels over the grades, claims on the left and table rows on the right.
        ``data``: columns ``claims`` and ``table_rows``, indexed by grade. ``numbers``: the
        totals (``claims``, ``table_rows``), and for each panel the count closest to patients
        (``claims_patients``: trials, cohorts or patient samples) and the counts of laboratory
        evidence (``claims_laboratory``, ``rows_laboratory``: animals or cells) and of
        ``not stated`` (``claims_not_stated``, ``rows_not_stated``).

    Raises
    ------
    ValueError
        If the review is unknown.

    Examples
    --------
    >>> claim_grades_figure("B").numbers["claims_patients"] > 0
    True
    """
    found = reviews.review(review).id
    data = pd.DataFrame({"claims": grades.claim_grade_counts(found),
                         "table_rows": grades.table_grade_counts(found)})
    patients = ["patient cohort or trial", "patient samples"]
    laboratory = ["animal model", "cell line (named)", "cells, no line named"]
    numbers: dict[str, float | str] = {
        "claims": int(data["claims"].sum()),
        "table_rows": int(data["table_rows"].sum()),
        "claims_patients": int(data.loc[patients, "claims"].sum()),
        "claims_laboratory": int(data.loc[laboratory, "claims"].sum()),
        "claims_not_stated": int(data.loc["not stated", "claims"]),
        "rows_patients": int(data.loc[patients, "table_rows"].sum()),
        "rows_laboratory": int(data.loc[laboratory, "table_rows"].sum()),
        "rows_not_stated": int(data.loc["not stated", "table_rows"]),
    }
    fig = new_or_cleared(fig, (9.0, 4.4))
    axes = fig.subplots(1, 2, sharey=True)
    positions = np.arange(len(data))[::-1]
    panels = (("claims", "numbered claims (ledger)", GROUP_COLOURS[0]),
              ("table_rows", "rows of the review's tables", GROUP_COLOURS[1]))
    for ax, (column, label, colour) in zip(axes, panels, strict=True):
        values = data[column].to_numpy()
        ax.barh(positions, values, color=colour)
        for y, value in zip(positions, values, strict=True):
            ax.text(value, y, f" {value}", va="center", fontsize=9)
        ax.set_title(f"{label} (n = {int(values.sum())})", fontsize=10)
        ax.set_xlabel("count")
        ax.set_xlim(0, max(values.max(), 1) * 1.2)
    axes[0].set_yticks(positions, list(data.index))
    title = f"Review {found}: what kind of evidence its claims rest on"
    finish(fig, title)
    caption = (
        f"Evidence grades of review {found}'s numbered claims and table rows, judged by the "
        "book from what the review says about each (not from the cited papers). Of "
        f"{numbers['claims']} claims, {numbers['claims_patients']} rest on patients (trials, "
        f"cohorts or samples), {numbers['claims_laboratory']} on animals or cells and "
        f"{numbers['claims_not_stated']} on evidence the review does not state; of "
        f"{numbers['table_rows']} table rows, {numbers['rows_laboratory']} rest on animals or "
        f"cells and {numbers['rows_not_stated']} are not stated."
    )
    alt = ("Two horizontal bar charts sharing a list of evidence grades, from patient cohort "
           "or trial at the top to not stated at the bottom; the left counts claims, the "
           "right table rows. " + caption)
    return BookFigure(fig, title, caption, alt, numbers, data)
