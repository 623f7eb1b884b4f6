"""The six tables of the two reviews, described as data: titles, files, columns and rules.

Review A (Provance & Lewis-Wambi 2019) has two tables, review B (Xiong et al. 2022) four (their
numbers are :attr:`ifnalpha.reviews.Review.tables`). Each :class:`TableSpec` says where a
table's CSV file is, which columns it has and which rules its rows follow; loading and checking
a file is :mod:`ifnalpha.evidence.tables`.

Examples
--------
>>> get_spec("B", 3).filename
'review_b_table3.csv'
>>> [spec.key for spec in TABLES]
['A1', 'A2', 'B1', 'B2', 'B3', 'B4']
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ifnalpha import checks, reviews
from ifnalpha.paths import data_dir

__all__ = [
    "ACTIONS",
    "CATEGORIES",
    "COMPLEXES",
    "REGULATOR_TYPES",
    "STATUSES",
    "TABLES",
    "TableSpec",
    "describe",
    "get_spec",
]

#: Transcription-factor complexes, the column headers of review A's Table 1.
COMPLEXES: tuple[str, ...] = ("ISGF3", "U-ISGF3", "GAS")
#: Values of the "Function in IBC" column of review A's Table 2.
STATUSES: tuple[str, ...] = ("Confirmed", "Inferred")
#: The two sections of review B's Tables 3 and 4 ("Intracellular factors", "Exogenic factors").
CATEGORIES: tuple[str, ...] = ("intracellular", "exogenic")
#: Values of the "Action" column of review B's Tables 3 and 4.
ACTIONS: tuple[str, ...] = (
    "Formation of a complex",
    "Functional activation",
    "Functional repression",
    "Protein degradation",
    "Regulation of gene expression",
)
#: What a regulator in review B's Tables 3 and 4 is; only gene products get a ``gene`` symbol.
REGULATOR_TYPES: tuple[str, ...] = ("gene product", "compound", "lipoprotein")


@dataclass(frozen=True)
class TableSpec:
    """Description of one review table and of the CSV file that holds it.

    Attributes
    ----------
    review : str
        ``"A"`` or ``"B"``.
    number : int
        Table number in that review.
    title : str
        The table's title as printed.
    filename : str
        File name under ``data/tables/``.
    required : tuple of str
        Columns that must be present and non-empty in every row.
    optional : tuple of str
        Columns that must be present but may be empty.
    categories : tuple of (str, tuple of str)
        Column name and its allowed values.
    integers : tuple of str
        Columns holding positive integers.
    citation_column : str or None
        Column holding a printed citation, if any.
    unique : tuple of str
        Columns whose combination must not repeat.
    gene_rule : str
        How the ``gene`` column is checked: ``"label"`` (a symbol from the printed label or a
        recorded correction), ``"symbol"`` (a well-formed symbol), ``"regulator"`` (a symbol
        exactly when the regulator is a gene product) or ``""`` (no gene column).
    footnote : str
        The table's footnote as printed (empty if none).
    source : str
        Where the review says the table comes from (empty if not stated).

    """

    review: str
    number: int
    title: str
    filename: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ("correction",)
    categories: tuple[tuple[str, tuple[str, ...]], ...] = ()
    integers: tuple[str, ...] = ()
    citation_column: str | None = "citations"
    unique: tuple[str, ...] = ()
    gene_rule: str = ""
    footnote: str = ""
    source: str = ""

    @property
    def key(self) -> str:
        """Short identifier such as ``"A1"`` or ``"B3"``."""
        return f"{self.review}{self.number}"

    @property
    def columns(self) -> tuple[str, ...]:
        """All columns of the CSV file, required ones first."""
        return self.required + self.optional

    @property
    def path(self) -> Path:
        """Default location of the CSV file (under :func:`ifnalpha.paths.data_dir`)."""
        return data_dir() / "tables" / self.filename


_REGULATOR_COLUMNS = (
    "category",
    "regulator",
    "regulator_type",
    "cell_type",
    "target",
    "action",
    "mechanism",
    "citations",
)
_REGULATOR_CATEGORIES = (
    ("category", CATEGORIES),
    ("action", ACTIONS),
    ("regulator_type", REGULATOR_TYPES),
)

#: The six tables, in the order of the reviews.
TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        review="A",
        number=1,
        title="Transcription factor complexes and their control of interferon-stimulated genes",
        filename="review_a_table1.csv",
        required=("complex", "table_row", "table_column", "label", "gene"),
        categories=(("complex", COMPLEXES),),
        integers=("table_row", "table_column"),
        citation_column=None,
        unique=("complex", "gene"),
        gene_rule="label",
        footnote=(
            "ISGF3 (interferon-stimulated gene factor 3), consists of phosphorylated STAT1 and "
            "STAT2 dimers bound to IRF9; U-ISGF3 (unphosphorylated interferon-stimulated gene "
            "factor 3), consists of a dimer of unphosphorylated STAT proteins bound to IRF9; GAS "
            "(gamma activated sequence), consists of phosphorylated STAT1 dimers"
        ),
        source="adapted from [21\u201323]",
    ),
    TableSpec(
        review="A",
        number=2,
        title="Interferon-stimulated genes implicated in IBC and their specific functions",
        filename="review_a_table2.csv",
        required=("table_row", "function", "status_in_ibc", "label", "gene", "citations"),
        categories=(("status_in_ibc", STATUSES),),
        integers=("table_row",),
        unique=("function", "gene"),
        gene_rule="label",
        footnote=(
            "A selected list of ISGs stimulated by IFN\u03b1 is listed with corresponding function "
            "derived from the literature. The confirmation of the function of ISGs in IBC is "
            "outlined. All ISGs have confirmed expression in IBC in our unpublished data"
        ),
    ),
    TableSpec(
        review="B",
        number=1,
        title="The pathways that could be activated by IFN\u2011\u03b12b",
        filename="review_b_table1.csv",
        required=("cell_type", "mechanism", "anticancer_action", "notes", "citations"),
    ),
    TableSpec(
        review="B",
        number=2,
        title="Some ISGs that were demonstrated as tumor suppressors",
        filename="review_b_table2.csv",
        required=("gene", "antiviral_mechanism", "cancer_type", "anticancer_action", "citations"),
        unique=("gene", "cancer_type"),
        gene_rule="symbol",
    ),
    TableSpec(
        review="B",
        number=3,
        title="Review of the regulators of JAK1 and TYK2",
        filename="review_b_table3.csv",
        required=_REGULATOR_COLUMNS,
        optional=("gene", "correction"),
        categories=_REGULATOR_CATEGORIES,
        unique=("regulator",),
        gene_rule="regulator",
    ),
    TableSpec(
        review="B",
        number=4,
        title="Review of the regulators of ISGF3",
        filename="review_b_table4.csv",
        required=_REGULATOR_COLUMNS,
        optional=("gene", "correction"),
        categories=_REGULATOR_CATEGORIES,
        unique=("regulator",),
        gene_rule="regulator",
    ),
)


def get_spec(review: str, number: int) -> TableSpec:
    """Return the :class:`TableSpec` of one table.

    Parameters
    ----------
    review : str
        ``"A"`` or ``"B"``, any case.
    number : int
        Table number: 1-2 for review A, 1-4 for review B.

    Returns
    -------
    TableSpec
        The table's description.

    Raises
    ------
    TypeError
        If the review is not a string or the number not an integer.
    ValueError
        If the review or the number is unknown; the message names the value.

    Examples
    --------
    >>> get_spec("b", 3).filename
    'review_b_table3.csv'
    >>> get_spec("A", 3)
    Traceback (most recent call last):
    ...
    ValueError: `number` must be one of 1, 2, got 3

    """
    found = reviews.review(review)
    number = checks.integer("number", number)
    checks.choice("number", number, found.tables)
    for spec in TABLES:
        if spec.review == found.id and spec.number == number:
            return spec
    raise LookupError(f"table {found.id}{number} of the reviews has no TableSpec in TABLES")


def describe() -> pd.DataFrame:
    """List the six tables with their titles, for captions and tables of contents.

    Returns
    -------
    pandas.DataFrame
        One row per table: ``key``, ``review``, ``number``, ``title``, ``file``, ``footnote``
        and ``source``.

    Examples
    --------
    >>> describe().set_index("key").loc["B4", "title"]
    'Review of the regulators of ISGF3'

    """
    return pd.DataFrame(
        [
            {
                "key": spec.key,
                "review": spec.review,
                "number": spec.number,
                "title": spec.title,
                "file": spec.filename,
                "footnote": spec.footnote,
                "source": spec.source,
            }
            for spec in TABLES
        ]
    )
