"""The tables the book's pages show, with their columns named and their captions written.

A page's cell only calls one of these functions and shows the result: which columns of the data
a table shows, in which order, under which heading, and its caption all live here (and are
tested), not in the notebook.

* :func:`review_table` - one of the six tables of the two reviews, as an interactive table;
* :func:`claims_table` - the claims behind a figure of the reviews' numbers;
* :func:`data_files_table` - the files of the ``data/`` folder (appendix);
* :func:`fitted_peaks_table` and :func:`fitted_restimulation_table` - the two models side by
  side (the page "A fitted model beside ours").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from ifnalpha import checks
from ifnalpha.book.claim_figures import plotted_claims
from ifnalpha.book.table_display import (
    InteractiveTable,
    StaticTable,
    interactive_table,
    static_table,
)
from ifnalpha.evidence import catalog, grades, tables
from ifnalpha.model import comparison

__all__ = ["GRADE_COLUMN", "REVIEW_TABLE_VIEWS", "ReviewTableView", "claims_table",
           "data_files_table", "fitted_peaks_table", "fitted_restimulation_table", "review_table"]

_FACTORS = {"intracellular": "Intracellular", "exogenic": "Exogenic"}
_CORRECTION = "Our correction"
#: Heading of the column with each row's evidence grade (``data/evidence_grades.csv``).
GRADE_COLUMN = "Evidence grade (ours)"
_GRADE_WIDTH = 0.9
_GRADE_NOTE = ("The last column is the book's evidence grade of the row, judged from what the "
               "review says about it; filter it to see, for example, the rows that rest on a "
               "named cell line.")


@dataclass(frozen=True)
class ReviewTableView:
    """How one review table is shown: its columns (data column -> heading) and caption note.

    Attributes
    ----------
    columns : dict
        Columns of :func:`ifnalpha.evidence.tables.load` to show, in order, with the heading
        each is shown under.
    source : str
        The sentence after the title: where the transcription comes from and what a row is.
    widths : tuple of float
        Relative column widths in the PDF.
    """

    columns: dict[str, str]
    source: str
    widths: tuple[float, ...]


_REVIEW_A = "Transcribed from Provance and Lewis-Wambi (2019, CC BY 4.0)"
_REVIEW_B = "Transcribed from Xiong et al. (2022, CC BY 4.0)"
_REGULATORS = {"category": "Factor", "regulator": "Regulator as printed",
               "gene": "Gene symbol (ours)", "target": "Target", "action": "Action",
               "mechanism": "Mechanism", "cell_type": "Cell type",
               "citations_printed": "Reference (review B)"}

#: Every review table the book shows, by (review, number).
REVIEW_TABLE_VIEWS: dict[tuple[str, int], ReviewTableView] = {
    ("A", 1): ReviewTableView(
        {"complex": "Complex", "label": "Entry as printed", "gene": "Gene symbol",
         "correction": _CORRECTION},
        f"{_REVIEW_A}, who adapted it from their references [21–23]; one row per complex and "
        "gene, printed groups such as MX1/2 expanded.",
        (1.0, 1.2, 1.2, 4.0)),
    ("A", 2): ReviewTableView(
        {"function": "Function", "status_in_ibc": "Function in IBC", "label": "ISG as printed",
         "gene": "Gene symbol", "citations_printed": "References (review A)"},
        f"{_REVIEW_A}; one row per function and gene, printed groups such as OAS1/2/3 expanded.",
        (1.6, 1.1, 1.1, 1.1, 1.2)),
    ("B", 1): ReviewTableView(
        {"cell_type": "Cell type", "mechanism": "Mechanism",
         "anticancer_action": "Anticancer action", "notes": "Notes",
         "citations_printed": "Reference (review B)", "correction": _CORRECTION},
        f"{_REVIEW_B}; NA is printed in the review.",
        (1.3, 1.6, 1.3, 1.6, 0.8, 1.6)),
    ("B", 2): ReviewTableView(
        {"gene": "Gene symbol", "antiviral_mechanism": "Antiviral mechanism",
         "cancer_type": "Cancer type", "anticancer_action": "Anticancer action",
         "citations_printed": "References (review B)"},
        f"{_REVIEW_B}; one row per gene and cancer type, with each gene's antiviral mechanism "
        "and references repeated.",
        (0.9, 2.0, 1.3, 2.0, 1.0)),
    ("B", 3): ReviewTableView(
        _REGULATORS,
        f"{_REVIEW_B}; the rows after the page break of the original are included; gene "
        "symbols are ours and given only for regulators that are gene products.",
        (1.0, 1.2, 0.9, 0.7, 1.2, 1.8, 1.3, 0.7)),
    ("B", 4): ReviewTableView(
        _REGULATORS | {"correction": _CORRECTION},
        f"{_REVIEW_B}; gene symbols are ours and given only for regulators that are gene "
        "products.",
        (1.0, 1.1, 0.9, 0.8, 1.2, 1.7, 1.2, 0.7, 1.4)),
}


def _review_table_frame(review: str, number: int) -> pd.DataFrame:
    view = REVIEW_TABLE_VIEWS[(review, number)]
    shown = tables.load(review, number)[list(view.columns)].rename(columns=view.columns)
    if _CORRECTION in shown:
        # a correction is recorded as "kind: text"; readers see the text
        shown[_CORRECTION] = shown[_CORRECTION].str.replace(r"^\w+: ", "", regex=True)
    if "Factor" in shown:
        shown["Factor"] = shown["Factor"].map(_FACTORS)
    shown[GRADE_COLUMN] = grades.table_grades(review, number)
    return shown


def review_table(review: str, number: int) -> InteractiveTable:
    """Return one table of the reviews, transcribed, as the book shows it.

    Parameters
    ----------
    review : {"A", "B"}
        The review.
    number : int
        The table's number in that review.

    Returns
    -------
    InteractiveTable
        Table id ``review-<a|b>-table-<n>``; caption "Review A, Table 1. <printed title>.
        <source> <grade note>"; corrections recorded by the book shown without their kind; a
        last column :data:`GRADE_COLUMN` with each row's evidence grade.

    Raises
    ------
    ValueError
        If the review has no such table.

    Examples
    --------
    >>> table = review_table("B", 3)
    >>> table.table_id, table.frame.columns[0]
    ('review-b-table-3', 'Factor')
    >>> sorted(set(table.frame["Factor"]))
    ['Exogenic', 'Intracellular']
    >>> table.frame[GRADE_COLUMN].iloc[0]
    'cells, no line named'
    """
    review = checks.choice("review", review, ("A", "B"))
    number = checks.integer("number", number, minimum=1)
    if (review, number) not in REVIEW_TABLE_VIEWS:
        shown = ", ".join(f"{r}{n}" for r, n in REVIEW_TABLE_VIEWS)
        raise ValueError(f"review {review} has no table {number} in the book (tables: {shown})")
    view = REVIEW_TABLE_VIEWS[(review, number)]
    title = tables.get_spec(review, number).title
    return interactive_table(
        _review_table_frame(review, number),
        f"review-{review.lower()}-table-{number}",
        f"Review {review}, Table {number}. {title}. {view.source} {_GRADE_NOTE}",
        widths=(*view.widths, _GRADE_WIDTH),
    )


def claims_table(claim_ids: Iterable[str], caption: str) -> StaticTable:
    """Return the claims behind a figure as a small table: context, quantity, value, references.

    Parameters
    ----------
    claim_ids : iterable of str
        Ids of ``data/claims.csv``, in the order to show them.
    caption : str
        The table's caption.

    Returns
    -------
    StaticTable
        Columns "Context", "Quantity", "Value (as printed)" and "References" (e.g. ``B171``).

    Examples
    --------
    >>> claims_table(["b-e1684-rfs-hdi"], "E1684").frame.iloc[0].tolist()
    ['E1684, adjuvant HDI arm', 'relapse-free survival', '1.7 years', 'B171']
    """
    ids = list(claim_ids)
    if not ids:
        raise ValueError("claims_table needs at least one claim id")
    frame = plotted_claims(ids).drop(columns="claim_id").rename(columns={
        "context": "Context", "quantity": "Quantity", "value": "Value (as printed)",
        "citations": "References"})
    return static_table(frame, caption, widths=(2.0, 2.0, 1.0, 1.0))


def data_files_table() -> StaticTable:
    """Return the files of the ``data/`` folder: path, kind and (for a CSV file) data rows.

    Examples
    --------
    >>> list(data_files_table().frame.columns)
    ['File (under data/)', 'Kind', 'Data rows']
    """
    frame = catalog.data_files().rename(
        columns={"path": "File (under data/)", "kind": "Kind", "rows": "Data rows"})
    frame["Data rows"] = frame["Data rows"].map(lambda n: "" if pd.isna(n) else str(n))
    return static_table(frame, "The data files of the book, listed from the folder itself.",
                        widths=(2.5, 1.5, 0.6))


def fitted_peaks_table(peaks: pd.DataFrame, readouts: Iterable[str]) -> StaticTable:
    """Return each curve's peak time, peak and value at the end, for some shared readouts.

    Parameters
    ----------
    peaks : pandas.DataFrame
        Output of :func:`ifnalpha.model.comparison.peak_summary`.
    readouts : iterable of str
        Readouts of :data:`ifnalpha.model.comparison.SHARED_READOUTS` to show.

    Returns
    -------
    StaticTable
        One row per model, dose and readout.
    """
    readouts = [checks.choice("readout", r, tuple(comparison.SHARED_READOUTS)) for r in readouts]
    rows = peaks[peaks["readout"].isin(readouts)]
    frame = pd.DataFrame({
        "Model": rows["model"],
        "Dose (pM)": rows["dose_pM"].map("{:g}".format),
        "Readout": rows["readout"].map(comparison.SHARED_READOUTS),
        "Peak at (h)": rows["peak_h"].map("{:.2f}".format),
        "Peak": rows["peak"].map("{:.3g}".format),
        "At the end": rows["at_end"].map("{:.3g}".format),
    })
    return static_table(frame, "Peak time, peak value and value at the end of the run of "
                        "each curve, in the book's model and in the fitted model.",
                        widths=(1.2, 0.7, 2.4, 0.7, 0.7, 0.7))


def fitted_restimulation_table(ratios: pd.DataFrame) -> StaticTable:
    """Return the response to the second dose after each pre-dose, in both models.

    Parameters
    ----------
    ratios : pandas.DataFrame
        Output of :func:`ifnalpha.model.comparison.restimulation_table`.

    Returns
    -------
    StaticTable
        One row per model and pre-dose: peak time and peak amount of phosphorylated STAT1
        after the second dose, and that peak relative to the peak without a pre-dose.
    """
    frame = pd.DataFrame({
        "Model": ratios["model"],
        "Pre-dose (pM)": ratios["pre_dose_pM"].map("{:g}".format),
        "Peak at (h after the second dose)": ratios["peak_h"].map("{:.2f}".format),
        "Peak pSTAT1 (units of baseline total STAT1)": ratios["peak_amount"].map("{:.3g}".format),
        "Relative to no pre-dose": ratios["ratio"].map("{:.3g}".format),
    })
    return static_table(frame, "Phosphorylated STAT1 after the second dose, for each pre-dose.",
                        widths=(1.2, 0.8, 1.2, 1.5, 1.0))
