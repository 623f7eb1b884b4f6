"""The six tables of the two reviews as validated data frames.

Review A (Provance & Lewis-Wambi 2019) has two tables, review B (Xiong et al. 2022) four. Each is
transcribed cell by cell, as printed, into a CSV file under ``data/tables/`` (see the README there
for the columns, the reading chosen for each flattened layout and the corrections). The tables'
descriptions are :mod:`ifnalpha.evidence.table_specs` (re-exported here); this module loads a
file, checks it and returns a :class:`pandas.DataFrame`:

- every required column is present and no required cell is empty;
- categorical columns hold known values (complex, category, status, action, regulator type);
- gene symbols look like HGNC symbols and agree with the printed label;
- citations parse with :func:`ifnalpha.evidence.citations.parse` and exist in that review's
  reference list.

Any violation raises :class:`ValueError` naming the file, the data row (and its line) and the
column.

Examples
--------
>>> from ifnalpha.evidence import tables
>>> tables.load("A", 1).query("complex == 'GAS'")["gene"].tolist()[:3]
['IFITM1', 'STAT4', 'IRF1']
>>> tables.expand_label("OAS1/2/3")
('OAS1', 'OAS2', 'OAS3')

"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ifnalpha import checks
from ifnalpha.evidence import citations
from ifnalpha.evidence.table_specs import (
    ACTIONS,
    CATEGORIES,
    COMPLEXES,
    REGULATOR_TYPES,
    STATUSES,
    TABLES,
    TableSpec,
    describe,
    get_spec,
)

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
    "get_spec",
    "is_gene_symbol",
    "load",
    "load_file",
]

_GENE_SYMBOL = re.compile(r"^[A-Z][A-Z0-9]*(?:orf[0-9]+)?(?:-[A-Z0-9]+)*$")
_LABEL_PART = re.compile(r"^[A-Za-z][A-Za-z0-9-]*$")


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
    checks.string("label", label, empty=True)
    if not label:
        raise ValueError(f"malformed gene label {label!r}: empty")
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
        return citations.check_numbers(review, citations.parse(text))
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
        frame[spec.citation_column] = [citations.parse(text) for text in printed]
    return frame
