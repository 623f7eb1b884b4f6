"""The six tables of the two reviews as validated data frames.

Review A (Provance & Lewis-Wambi 2019) has two tables, review B (Xiong et al. 2022) four. Each is
transcribed cell by cell, as printed, into a CSV file under ``data/tables/`` (see the README there
for the columns, the reading chosen for each flattened layout and the corrections). This module
loads a file, checks it and returns a :class:`pandas.DataFrame`:

- every required column is present and no required cell is empty;
- categorical columns hold known values (complex, category, status, action, regulator type);
- gene symbols look like HGNC symbols and agree with the printed label;
- citations parse with :func:`ifnalpha.evidence.citations.parse` and exist in that review's
  reference list.

Any violation raises :class:`ValueError` naming the file, the data row (and its line) and the
column.

Examples
--------
>>> from ifnalpha import tables
>>> tables.load("A", 1).query("complex == 'GAS'")["gene"].tolist()[:3]
['IFITM1', 'STAT4', 'IRF1']
>>> tables.expand_label("OAS1/2/3")
('OAS1', 'OAS2', 'OAS3')

"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ifnalpha.evidence import citations as _citations
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
    "expand_label",
    "gene_index",
    "get_spec",
    "is_gene_symbol",
    "load",
    "load_file",
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

_GENE_SYMBOL = re.compile(r"^[A-Z][A-Z0-9]*(?:orf[0-9]+)?(?:-[A-Z0-9]+)*$")
_LABEL_PART = re.compile(r"^[A-Za-z][A-Za-z0-9-]*$")


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
    ValueError
        If the review or the number is unknown; the message names the value.

    Examples
    --------
    >>> get_spec("b", 3).filename
    'review_b_table3.csv'

    """
    review = _citations.check_review(review)
    if not isinstance(number, int) or isinstance(number, bool):
        raise ValueError(f"table number must be an int, got {number!r}")
    for spec in TABLES:
        if spec.review == review and spec.number == number:
            return spec
    known = sorted(s.number for s in TABLES if s.review == review)
    raise ValueError(f"review {review} has tables {known}; got table number {number!r}")


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


def is_gene_symbol(text: str) -> bool:
    """Tell whether `text` is shaped like an approved HGNC gene symbol.

    Upper-case letters and digits, starting with a letter, optionally with hyphenated parts
    (``HLA-A``) or an ``orf`` infix (``C1orf112``). This checks the form, not the registry.

    Parameters
    ----------
    text : str
        Candidate symbol.

    Returns
    -------
    bool
        True if `text` has the form of an HGNC symbol.

    Examples
    --------
    >>> is_gene_symbol("IFITM1"), is_gene_symbol("cGAS"), is_gene_symbol("MX1/2")
    (True, False, False)

    """
    return isinstance(text, str) and _GENE_SYMBOL.match(text) is not None


def expand_label(label: str) -> tuple[str, ...]:
    """Expand a printed gene label such as ``"MX1/2"`` into the names it stands for.

    A label is one name or several joined by ``/``. After the first name, a part made of digits
    only replaces the first name's trailing number (``"OAS1/2/3"``); a part that starts with a
    letter is a full name (``"STAT1/STAT2"``). Names are returned as printed; whether they are
    approved symbols is checked separately (:func:`is_gene_symbol`).

    Parameters
    ----------
    label : str
        The label as printed, e.g. ``"MX1/2"``, ``"OAS1/2/3"`` or ``"IFITM1"``.

    Returns
    -------
    tuple of str
        The names, in printed order.

    Raises
    ------
    ValueError
        If the label is empty, has spaces or empty parts, a numeric part after a name without
        a trailing number (``"MX/2"``), an unexpected character, or repeats a name.

    Examples
    --------
    >>> expand_label("MX1/2")
    ('MX1', 'MX2')
    >>> expand_label("OAS1/2/3")
    ('OAS1', 'OAS2', 'OAS3')
    >>> expand_label("STAT1/STAT2")
    ('STAT1', 'STAT2')

    """
    if not isinstance(label, str) or not label:
        raise ValueError(f"gene label must be a non-empty string, got {label!r}")
    first, *rest = label.split("/")
    if not _LABEL_PART.match(first):
        raise ValueError(f"malformed gene label {label!r}: bad first part {first!r}")
    stem = first.rstrip("0123456789")
    names = [first]
    for part in rest:
        if part.isdigit() and part.isascii():
            if stem == first:
                raise ValueError(
                    f"malformed gene label {label!r}: "
                    f"{first!r} has no number for {part!r} to replace"
                )
            names.append(stem + part)
        elif _LABEL_PART.match(part):
            names.append(part)
        else:
            raise ValueError(f"malformed gene label {label!r}: bad part {part!r}")
    if len(set(names)) != len(names):
        raise ValueError(f"malformed gene label {label!r}: a name is repeated")
    return tuple(names)


def load(review: str, number: int, path: str | Path | None = None) -> pd.DataFrame:
    """Load one review table as a validated data frame.

    Parameters
    ----------
    review : str
        ``"A"`` or ``"B"``, any case.
    number : int
        Table number: 1-2 for review A, 1-4 for review B.
    path : str or pathlib.Path, optional
        Read this file instead of the one under ``data/tables/`` (e.g. a test fixture).

    Returns
    -------
    pandas.DataFrame
        The table's columns as strings (values as printed), integer columns as ints, and for
        tables with citations a ``citations`` column of int tuples plus ``citations_printed``.

    Raises
    ------
    ValueError
        If the review or number is unknown, or the file breaks a rule (see :func:`load_file`).

    Examples
    --------
    >>> a2 = load("A", 2)
    >>> a2.loc[a2["gene"] == "STAT2", ["function", "citations"]].values.tolist()
    [['Migration/invasion', (14,)]]

    """
    spec = get_spec(review, number)
    return load_file(spec.path if path is None else Path(path), spec)


def load_file(path: str | Path, spec: TableSpec) -> pd.DataFrame:
    """Read and validate a CSV file against a table description.

    Parameters
    ----------
    path : str or pathlib.Path
        CSV file, UTF-8, header on line 1.
    spec : TableSpec
        What the file should contain (one of :data:`TABLES`).

    Returns
    -------
    pandas.DataFrame
        As described in :func:`load`.

    Raises
    ------
    FileNotFoundError
        If `path` does not exist.
    ValueError
        On a missing or unexpected column, a row with the wrong number of fields, an empty
        required cell, a cell with surrounding spaces, an unknown category, a malformed gene
        symbol or label, a gene that does not match its label, an unparseable or out-of-range
        citation, or a repeated row. The message names the file, the row and the column.

    Examples
    --------
    >>> load_file(get_spec("B", 4).path, get_spec("B", 4))["regulator"].iloc[-1]
    'Bortezomib'

    """
    path = Path(path)
    header, records = _read_csv(path)
    _check_header(path, header, spec)
    for row, (line, record) in enumerate(records, start=1):
        _check_record(_Where(path, row, line), record, spec)
    _check_unique(path, records, spec)
    return _to_frame([record for _, record in records], spec)


@dataclass(frozen=True)
class _Where:
    """Location of a row in a file, for error messages."""

    path: Path
    row: int
    line: int

    def error(self, column: str, problem: str, value: object) -> ValueError:
        """Build the ValueError for a bad cell."""
        return ValueError(
            f"{self.path}: row {self.row} (line {self.line}), column {column!r}: "
            f"{problem}: {value!r}"
        )


def _read_csv(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Return the header and ``(line, record)`` pairs of a CSV file."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if not header:
            raise ValueError(f"{path}: line 1: file is empty (no header)")
        records = []
        for fields in reader:
            if not fields:
                raise ValueError(f"{path}: line {reader.line_num}: blank line")
            if len(fields) != len(header):
                raise ValueError(
                    f"{path}: row {len(records) + 1} (line {reader.line_num}): "
                    f"expected {len(header)} fields, got {len(fields)}: {fields!r}"
                )
            records.append((reader.line_num, dict(zip(header, fields, strict=True))))
    return header, records


def _check_header(path: Path, header: list[str], spec: TableSpec) -> None:
    """Raise if a column is missing, unexpected or repeated."""
    for column in spec.columns:
        if column not in header:
            raise ValueError(f"{path}: line 1 (header), column {column!r}: missing column")
    for column in header:
        if column not in spec.columns:
            raise ValueError(f"{path}: line 1 (header), column {column!r}: unexpected column")
    if len(set(header)) != len(header):
        raise ValueError(f"{path}: line 1 (header): repeated column in {header!r}")


def _check_record(where: _Where, record: dict[str, str], spec: TableSpec) -> None:
    """Raise if one data row breaks a rule of `spec`."""
    for column, value in record.items():
        if value != value.strip():
            raise where.error(column, "cell has leading or trailing spaces", value)
    for column in spec.required:
        if not record[column]:
            raise where.error(column, "empty required cell", record[column])
    for column, allowed in spec.categories:
        if record[column] not in allowed:
            raise where.error(column, f"unknown value (expected one of {allowed})", record[column])
    for column in spec.integers:
        if not (record[column].isascii() and record[column].isdigit()) or record[column] == "0":
            raise where.error(column, "not a positive integer", record[column])
    if spec.citation_column:
        _parse_citation(where, spec.citation_column, record[spec.citation_column], spec.review)
    if spec.gene_rule:
        _GENE_RULES[spec.gene_rule](where, record)


def _parse_citation(where: _Where, column: str, text: str, review: str) -> tuple[int, ...]:
    """Parse a printed citation and check its numbers against the review's references."""
    try:
        return _citations.check_numbers(review, _citations.parse(text))
    except ValueError as exc:
        raise where.error(column, f"bad citation ({exc})", text) from None


def _check_gene_symbol(where: _Where, record: dict[str, str]) -> None:
    """Raise if the gene cell is not shaped like an HGNC symbol."""
    if not is_gene_symbol(record["gene"]):
        raise where.error("gene", "not a well-formed HGNC gene symbol", record["gene"])


def _check_label(where: _Where, record: dict[str, str]) -> None:
    """Raise if the label is malformed or the gene is neither in it nor a recorded correction."""
    try:
        names = expand_label(record["label"])
    except ValueError as exc:
        raise where.error("label", str(exc), record["label"]) from None
    _check_gene_symbol(where, record)
    if record["gene"] not in names and f"\u2192 {record['gene']}" not in record["correction"]:
        raise where.error(
            "gene",
            f"gene is not in label {record['label']!r} and no correction names it",
            record["gene"],
        )


def _check_regulator_gene(where: _Where, record: dict[str, str]) -> None:
    """Raise unless exactly the gene-product regulators have a well-formed gene symbol."""
    if record["regulator_type"] == "gene product":
        if not record["gene"]:
            raise where.error("gene", "a gene-product regulator needs a gene symbol", "")
        _check_gene_symbol(where, record)
    elif record["gene"]:
        raise where.error(
            "gene",
            f"a {record['regulator_type']} regulator must not have a gene symbol",
            record["gene"],
        )


_GENE_RULES: dict[str, Callable[[_Where, dict[str, str]], None]] = {
    "label": _check_label,
    "symbol": _check_gene_symbol,
    "regulator": _check_regulator_gene,
}


def _check_unique(path: Path, records: list[tuple[int, dict[str, str]]], spec: TableSpec) -> None:
    """Raise if the combination of `spec.unique` columns repeats."""
    if not spec.unique:
        return
    seen: dict[tuple[str, ...], int] = {}
    for row, (line, record) in enumerate(records, start=1):
        key = tuple(record[column] for column in spec.unique)
        if key in seen:
            raise _Where(path, row, line).error(
                ", ".join(spec.unique), f"repeats row {seen[key]}", key
            )
        seen[key] = row


def _to_frame(records: list[dict[str, str]], spec: TableSpec) -> pd.DataFrame:
    """Build the data frame: ints for integer columns, int tuples for citations."""
    frame = pd.DataFrame(records, columns=list(spec.columns), dtype=object)
    for column in spec.integers:
        frame[column] = frame[column].astype(int)
    if spec.citation_column:
        printed = frame[spec.citation_column]
        position = frame.columns.get_loc(spec.citation_column) + 1
        frame.insert(position, "citations_printed", printed)
        frame[spec.citation_column] = [_citations.parse(text) for text in printed]
    return frame


def _target_genes(target: str) -> Iterator[str]:
    """Yield the gene symbols named in a printed target cell (complexes are skipped)."""
    for part in target.split(","):
        name = part.strip()
        if is_gene_symbol(name) and name not in COMPLEXES:
            yield name


def _entry(
    spec: TableSpec, gene: str, label: str, role: str, context: str, cites: tuple[int, ...]
) -> dict[str, object]:
    """Build one gene-index row."""
    return {
        "gene": gene,
        "review": spec.review,
        "table": spec.number,
        "label": label,
        "role": role,
        "context": context,
        "citations": cites,
    }


def _index_rows(spec: TableSpec, frame: pd.DataFrame) -> Iterator[dict[str, object]]:
    """Yield gene-index rows for one table."""
    for rec in frame.to_dict("records"):
        if spec.key == "A1":
            context = f"induced by {rec['complex']}"
            yield _entry(spec, rec["gene"], rec["label"], "ISG", context, ())
        elif spec.key == "A2":
            context = f"{rec['function']} ({rec['status_in_ibc'].lower()} in IBC)"
            yield _entry(spec, rec["gene"], rec["label"], "ISG", context, rec["citations"])
        elif spec.key == "B2":
            context = f"tumour suppressor in {rec['cancer_type']}"
            yield _entry(spec, rec["gene"], rec["gene"], "ISG", context, rec["citations"])
        elif spec.gene_rule == "regulator":
            yield from _regulator_index_rows(spec, rec)


def _regulator_index_rows(spec: TableSpec, rec: dict) -> Iterator[dict[str, object]]:
    """Yield gene-index rows for one regulator row: the regulator if a gene, then its targets."""
    action = rec["action"].lower()
    if rec["gene"]:
        context = f"{rec['category']} regulator of {rec['target']} ({action})"
        yield _entry(spec, rec["gene"], rec["regulator"], "regulator", context, rec["citations"])
    for gene in _target_genes(rec["target"]):
        context = f"target of {rec['regulator']} ({action})"
        yield _entry(spec, gene, gene, "target", context, rec["citations"])


def gene_index() -> pd.DataFrame:
    """Index every gene mentioned in the six tables.

    Sources: the ISGs of review A's Tables 1-2 and review B's Table 2, the regulators of review
    B's Tables 3-4 that are gene products (drugs, compounds and LDL are left out) and the genes
    those regulators target. Review B's Table 1 names no genes in a column of its own.

    Returns
    -------
    pandas.DataFrame
        One row per (gene, review, table, context) with columns ``gene`` (HGNC symbol),
        ``review``, ``table`` (number), ``label`` (as printed), ``role`` (``"ISG"``,
        ``"regulator"`` or ``"target"``), ``context`` (a short description of that row) and
        ``citations`` (tuple of int; empty for review A's Table 1, which cites no rows).

    Examples
    --------
    >>> idx = gene_index()
    >>> idx.loc[(idx["gene"] == "TP53"), "context"].tolist()
    ['intracellular regulator of IRF9 (regulation of gene expression)']

    """
    rows = [row for spec in TABLES for row in _index_rows(spec, load(spec.review, spec.number))]
    columns = ["gene", "review", "table", "label", "role", "context", "citations"]
    return pd.DataFrame(rows, columns=columns).drop_duplicates(
        subset=["gene", "review", "table", "role", "context"], ignore_index=True
    )
