"""The reviews' numbered citations: parsing, finding, and the citation registry.

Review A (Provance & Lewis-Wambi 2019) cites by number [1]-[59]; review B (Xiong et al. 2022)
cites [1]-[268]. This module

- turns the printed forms ("[21–23]", "[14, 38]", "(141, 152)") into tuples of ints
  (:func:`parse`) and finds them in a review's text (:func:`find_citations`);
- loads and validates the citation registry in ``data/citations/`` (:func:`load_registry`,
  :func:`load_places`, :func:`entry`), one row per (review, number), with the places where
  each review cites each number;
- checks a review text against the registry (:func:`coverage`, :func:`missing_from_registry`);
- completes the registry from a saved Crossref work record of a review
  (:func:`import_crossref`; on the command line
  ``python -m ifnalpha.evidence.citations import-crossref FILE.json --review A``).

The reviews' reference lists were not available offline: what the registry knows of a number
comes from the shared verified records, from the reviews' own text (first authors named next to
a number) and from any Crossref record imported later. See ``data/citations/README.md``.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from ifnalpha.paths import data_dir

#: Number of entries in each review's reference list.
REFERENCE_COUNTS: dict[str, int] = {"A": 59, "B": 268}

#: DOI of each review (the Crossref work whose reference list completes the registry).
REVIEW_DOIS: dict[str, str] = {
    "A": "10.1186/s13058-019-1140-1",
    "B": "10.1186/s40364-022-00415-y",
}

#: Top-level sections of each review, as named in the book (``section`` of a citing place).
SECTIONS: dict[str, tuple[str, ...]] = {
    "A": (
        "Abstract",
        "Background",
        "Interferon alpha in IBC",
        "Overview of IFNα biology and signaling",
        "Intracellular regulation of IFNα production",
        "Interferon alpha-stimulated genes in IBC tumors and resulting phenotypes",
        "IFNα in the IBC tumor microenvironment",
        "Conclusion",
    ),
    "B": (
        "Abstract",
        "Background",
        "Overview of IFN-α family proteins",
        "Antitumour mechanism of IFN-α2b and relevant potential regulatory factors",
        "Clinical application",
        "The current challenges",
        "Conclusions and future perspectives",
    ),
}

#: Bibliographic fields of a registry row (what a record of the reference supplies).
RECORD_FIELDS: tuple[str, ...] = (
    "record_first_author",
    "authors",
    "title",
    "journal",
    "record_year",
    "volume",
    "issue",
    "pages",
    "doi",
    "pmid",
    "pmcid",
    "reference_text",
)

#: Columns of ``data/citations/registry.csv``, in file order.
REGISTRY_COLUMNS: tuple[str, ...] = (
    "review",
    "number",
    "first_author",
    "year",
    "name_in_text",
    "name_tie",
    *RECORD_FIELDS,
    "number_basis",
    "verified_from",
    "completed_from",
    "notes",
)

#: Columns of ``data/citations/citing_places.csv``, in file order.
PLACES_COLUMNS: tuple[str, ...] = (
    "review",
    "number",
    "place",
    "section",
    "subsection",
    "location",
    "line",
    "citation",
    "cited_for",
)

#: Columns that :func:`load_registry` adds to the registry from the citing places.
PLACE_SUMMARY_COLUMNS: tuple[str, ...] = ("cited_for", "n_places", "sections", "citations")

#: Longest ``cited_for`` label, in words.
MAX_LABEL_WORDS = 12

_DASHES = "\u2013\u2014\u2012\u2010\u2011\u2212-"
_DASH = f"[{_DASHES}]"
_ITEM = re.compile(rf"^([0-9]+)\s*(?:{_DASH}\s*([0-9]+))?$")

# A page header inside a citation broken over a page ("Page 2 of 23Xiong et al. ... 10:69").
_HEADER_LINE = r"[^\n\[\]()]*\bPage[^\S\n]+[0-9]+[^\S\n]+of[^\S\n]+[0-9]+[^\n\[\]]*"
# Whitespace (including line breaks and no-break spaces) or a page header on a line of its own.
_GAP = rf"(?:[^\S\n]|\n(?:{_HEADER_LINE}(?=\n))?)*"
_NUM = r"[0-9]{1,4}"
_RANGE = rf"{_NUM}(?:{_GAP}{_DASH}{_GAP}{_NUM})?"
_SEP = rf"{_GAP}[,;]{_GAP}"
_BRACKETED = re.compile(rf"\[{_GAP}{_RANGE}(?:{_SEP}{_RANGE})*{_GAP}\]")
# Parenthesised citations must list at least two items: "(1)" or "(2022)" are not citations.
_PARENTHESISED = re.compile(rf"\({_GAP}{_RANGE}(?:{_SEP}{_RANGE})+{_GAP}\)")
_HEADER_IN_CITATION = re.compile(rf"\n{_HEADER_LINE}(?=\n)")
_SUSPECT = re.compile(r"\[\s*[0-9]")

_DOI = re.compile(r"^10\.[0-9]{4,9}/\S+$")
_DOI_IN_TEXT = re.compile(r"\b10\.[0-9]{4,9}/[^\s\"<>]+")
_YEAR = re.compile(r"^(?:1[5-9]|20)[0-9]{2}$")
_PMID = re.compile(r"^[1-9][0-9]{0,8}$")
_PMCID = re.compile(r"^PMC[0-9]+$")


def check_review(review: str) -> str:
    """Return the review letter in upper case, or raise if it is not ``"A"`` or ``"B"``.

    Parameters
    ----------
    review : str
        ``"A"`` (inflammatory breast cancer review) or ``"B"`` (IFN-α2b review), any case.

    Returns
    -------
    str
        ``"A"`` or ``"B"``.

    Raises
    ------
    ValueError
        If `review` is anything else.

    Examples
    --------
    >>> check_review("b")
    'B'
    """
    if not isinstance(review, str) or review.upper() not in REFERENCE_COUNTS:
        raise ValueError(f"review must be 'A' or 'B', got {review!r}")
    return review.upper()


def parse(text: str) -> tuple[int, ...]:
    """Parse a printed citation into the reference numbers it names.

    Accepts square brackets or parentheses (or none), en dashes, em dashes, non-breaking
    hyphens, minus signs or hyphens for ranges, commas or semicolons between items, and any
    whitespace including line breaks and no-break spaces. This covers every form printed in the
    two reviews: ``"[8]"``, ``"[10, 11]"``, ``"[21–23]"``, ``"[46, 52–54]"``,
    ``"[174, 255–\\n257]"`` (broken over a line) and ``"(141, 152)"``.

    Parameters
    ----------
    text : str
        A citation as printed, e.g. ``"[21–23]"``, ``"[14, 38]"``, ``"(141, 152)"`` or ``"7"``.

    Returns
    -------
    tuple of int
        The numbers in the order printed, ranges expanded, duplicates removed.

    Raises
    ------
    ValueError
        If `text` is not a string, is empty, has unbalanced brackets, an empty or non-numeric
        item, a zero, or a descending range; the message names the offending text.

    Examples
    --------
    >>> parse("[21–23]")
    (21, 22, 23)
    >>> parse("(141, 152)")
    (141, 152)
    >>> parse("[14, 21–23]")
    (14, 21, 22, 23)
    >>> parse("[192,\\n193]")
    (192, 193)
    >>> parse("[5–3]")
    Traceback (most recent call last):
    ...
    ValueError: invalid range '5–3' in citation '[5–3]'
    """  # noqa: D301
    if not isinstance(text, str):
        raise ValueError(f"citation must be a string, got {text!r}")
    body = " ".join(text.split())
    if not body:
        raise ValueError(f"empty citation {text!r}")
    if body[0] in "[(":
        closing = {"[": "]", "(": ")"}[body[0]]
        if not body.endswith(closing) or len(body) < 2:
            raise ValueError(f"unbalanced brackets in citation {text!r}")
        body = body[1:-1].strip()
    elif body[-1] in "])":
        raise ValueError(f"unbalanced brackets in citation {text!r}")
    if not body:
        raise ValueError(f"empty citation {text!r}")
    if any(char in body for char in "[]()"):
        raise ValueError(f"unbalanced brackets in citation {text!r}")
    numbers: list[int] = []
    for raw in re.split(r"[,;]", body):
        item = raw.strip()
        match = _ITEM.match(item)
        if not match:
            raise ValueError(f"malformed item {item!r} in citation {text!r}")
        start = int(match.group(1))
        stop = int(match.group(2) or start)
        if start == 0 or stop < start:
            raise ValueError(f"invalid range {item!r} in citation {text!r}")
        for number in range(start, stop + 1):
            if number not in numbers:
                numbers.append(number)
    return tuple(numbers)


def check_numbers(review: str, numbers: tuple[int, ...] | list[int]) -> tuple[int, ...]:
    """Check that every number exists in the review's reference list.

    Parameters
    ----------
    review : str
        ``"A"`` or ``"B"``.
    numbers : sequence of int
        Reference numbers.

    Returns
    -------
    tuple of int
        The numbers, unchanged.

    Raises
    ------
    ValueError
        If a number is outside ``1..REFERENCE_COUNTS[review]``; the message names it.

    Examples
    --------
    >>> check_numbers("A", (1, 59))
    (1, 59)
    """
    review = check_review(review)
    top = REFERENCE_COUNTS[review]
    for number in numbers:
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= top:
            raise ValueError(f"review {review} has references 1-{top}; got {number!r}")
    return tuple(numbers)


# --------------------------------------------------------------------------------------------
# Finding citations in a review's text


@dataclass(frozen=True)
class Citation:
    """One printed citation found in a text.

    Attributes
    ----------
    start, end : int
        Character offsets of the citation in the text (``text[start:end] == raw``).
    line : int
        1-based line number of its opening bracket.
    raw : str
        The citation exactly as it stands in the text, line breaks and page headers included.
    printed : str
        The citation as printed, with extraction artefacts removed (e.g. ``"[174, 255–257]"``).
    numbers : tuple of int
        The reference numbers it names, ranges expanded.
    """

    start: int
    end: int
    line: int
    raw: str
    printed: str
    numbers: tuple[int, ...]


def _printed_form(raw: str) -> str:
    """Normalise a citation found in a text to its printed form."""
    text = _HEADER_IN_CITATION.sub(" ", raw)
    text = " ".join(text.split())
    text = re.sub(rf"\s*({_DASH})\s*", r"\1", text)
    text = re.sub(r"\s*([,;])\s*", r"\1 ", text)
    text = re.sub(r"([\[(])\s+", r"\1", text)
    return re.sub(r"\s+([\])])", r"\1", text)


def find_citations(
    text: str, *, parentheses: bool = True, strict: bool = False
) -> list[Citation]:
    """Find the numbered citations in a text, in order.

    Recognises square-bracketed citations (``[8]``, ``[10, 11]``, ``[21–23]``,
    ``[46, 52–54]``) and parenthesised lists of at least two items (``(141, 152)``; a single
    parenthesised number such as ``(1)`` or ``(2022)`` is an enumeration or a year, not a
    citation). Items may be broken over line breaks, separated by no-break spaces, or interrupted
    by a page header on a line of its own (``"Page 5 of 23 Xiong et al. ..."``). Bracketed text
    that is not a list of numbers (``[1–5%]``, ``[a]``) is not a citation.

    Parameters
    ----------
    text : str
        A review's text, or any part of it.
    parentheses : bool, optional
        Also find parenthesised lists such as ``(141, 152)`` (default ``True``).
    strict : bool, optional
        Raise instead of skipping when a bracket opens on a number but is not a valid citation
        (``[12``, ``[1–5%]``, ``[0]``, ``[5–3]``).

    Returns
    -------
    list of Citation
        In text order.

    Raises
    ------
    ValueError
        In strict mode, for a bracketed number that is not a valid citation; the message gives
        its line and text.

    Examples
    --------
    >>> [c.numbers for c in find_citations("as shown [21–23] and (141, 152), not (1)")]
    [(21, 22, 23), (141, 152)]
    >>> cite = find_citations("dendritic cells [192,\\n193]. Next")[0]
    >>> cite.printed, cite.line
    ('[192, 193]', 1)
    """  # noqa: D301
    if not isinstance(text, str):
        raise ValueError(f"text must be a string, got {type(text).__name__}")
    patterns = [_BRACKETED, _PARENTHESISED] if parentheses else [_BRACKETED]
    found: list[Citation] = []
    spans: list[tuple[int, int]] = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in spans):
                continue
            raw = match.group()
            line = text.count("\n", 0, start) + 1
            try:
                numbers = parse(_HEADER_IN_CITATION.sub(" ", raw))
            except ValueError as exc:
                if strict:
                    raise ValueError(f"line {line}: {exc}") from exc
                continue
            spans.append((start, end))
            found.append(Citation(start, end, line, raw, _printed_form(raw), numbers))
    if strict:
        for match in _SUSPECT.finditer(text):
            if not any(a <= match.start() < b for a, b in spans):
                line = text.count("\n", 0, match.start()) + 1
                snippet = text[match.start() : match.start() + 30].split("\n")[0]
                raise ValueError(f"line {line}: bracket is not a valid citation: {snippet!r}")
    return sorted(found, key=lambda c: c.start)


def cited_numbers(text: str) -> tuple[int, ...]:
    """Return every reference number a text cites, sorted and without duplicates.

    Parameters
    ----------
    text : str
        A review's text.

    Returns
    -------
    tuple of int
        Sorted numbers, ranges expanded.

    Examples
    --------
    >>> cited_numbers("[5–7] and [2] and again [6]")
    (2, 5, 6, 7)
    """
    return tuple(sorted({n for cite in find_citations(text) for n in cite.numbers}))


# --------------------------------------------------------------------------------------------
# Reading, validating and writing the registry files


def registry_path(path: str | Path | None = None) -> Path:
    """Return the path of the registry CSV.

    Parameters
    ----------
    path : str or Path, optional
        An explicit path; by default ``<data_dir()>/citations/registry.csv`` (so the environment
        variable ``IFNALPHA_DATA`` points it at another copy).

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> registry_path().name
    'registry.csv'
    """
    return Path(path) if path is not None else data_dir() / "citations" / "registry.csv"


def places_path(path: str | Path | None = None, registry: str | Path | None = None) -> Path:
    """Return the path of the citing-places CSV.

    Parameters
    ----------
    path : str or Path, optional
        An explicit path.
    registry : str or Path, optional
        The registry it belongs to; by default the places file is its sibling
        ``citing_places.csv``.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> places_path(registry="/tmp/x/registry.csv").as_posix()
    '/tmp/x/citing_places.csv'
    """
    if path is not None:
        return Path(path)
    return registry_path(registry).with_name("citing_places.csv")


def _read_table(path: Path, columns: Sequence[str]) -> list[dict[str, str]]:
    """Read a CSV file as a list of row dicts, checking its header."""
    if not path.is_file():
        raise FileNotFoundError(f"citation file not found: {path}")
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        missing = [name for name in columns if name not in header]
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(map(repr, missing))}")
        rows = []
        for line, row in enumerate(reader, start=2):
            if None in row or any(value is None for value in row.values()):
                raise ValueError(f"{path}: line {line}: wrong number of fields")
            rows.append({name: row[name] for name in header})
    return rows


def write_table(
    path: str | Path, columns: Sequence[str], rows: Sequence[Mapping[str, Any]]
) -> None:
    """Write rows to a CSV file deterministically (fixed column order, ``\\n`` line ends).

    Parameters
    ----------
    path : str or Path
        Destination.
    columns : sequence of str
        Column order; every row must have these keys (extra keys are an error).
    rows : sequence of mapping
        The rows, written in the order given.

    Raises
    ------
    ValueError
        If a row lacks a column or has an unknown one.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> write_table(out, ["a", "b"], [{"a": 1, "b": "x, y"}])
    >>> out.read_text()
    'a,b\\n1,"x, y"\\n'
    """  # noqa: D301
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=list(columns), lineterminator="\n", extrasaction="raise"
        )
        writer.writeheader()
        for row in rows:
            missing = [name for name in columns if name not in row]
            if missing:
                raise ValueError(f"{path}: row {dict(row)!r} lacks {missing}")
            writer.writerow({name: "" if row[name] is None else row[name] for name in columns})
    _cached_tables.cache_clear()


def _where(path: Path, line: int, row: Mapping[str, str]) -> str:
    review, number = row.get("review", "?"), row.get("number", "?")
    return f"{path}: line {line} (review {review}, number {number})"


def _bad(path: Path, line: int, row: Mapping[str, str], column: str, problem: str) -> ValueError:
    return ValueError(
        f"{_where(path, line, row)}, column {column!r}: {row.get(column)!r} {problem}"
    )


def _check_key(path: Path, line: int, row: Mapping[str, str]) -> tuple[str, int]:
    """Validate the review and number of a row and return them."""
    if row["review"] not in REFERENCE_COUNTS:
        raise _bad(path, line, row, "review", "is not 'A' or 'B'")
    top = REFERENCE_COUNTS[row["review"]]
    if not re.fullmatch(r"[1-9][0-9]*", row["number"]) or int(row["number"]) > top:
        raise _bad(path, line, row, "number", f"is not a reference number 1-{top}")
    return row["review"], int(row["number"])


_FIELD_CHECKS: dict[str, tuple[re.Pattern[str], str]] = {
    "year": (_YEAR, "is not a four-digit year"),
    "record_year": (_YEAR, "is not a four-digit year"),
    "doi": (_DOI, "is not a DOI (10.NNNN/...; no https://doi.org/ prefix)"),
    "pmid": (_PMID, "is not a PubMed ID"),
    "pmcid": (_PMCID, "is not a PMC ID (PMCnnnn)"),
}


def _check_value(column: str, value: str) -> str | None:
    """Return the problem with a registry value, or None if it is acceptable."""
    if value != value.strip() or "\n" in value:
        return "has stray whitespace or a line break"
    if value and column in _FIELD_CHECKS:
        pattern, problem = _FIELD_CHECKS[column]
        if not pattern.match(value):
            return problem
    return None


def validate_registry_rows(
    rows: Sequence[Mapping[str, str]], path: str | Path = "registry"
) -> None:
    """Validate the rows of a registry file.

    Checks that every (review, number) occurs exactly once and that the registry covers
    ``1..REFERENCE_COUNTS[review]`` exactly; that years, DOIs, PubMed and PMC IDs are well
    formed; that a row with a bibliographic field says how its number is tied
    (``number_basis``) and where the record came from (``verified_from`` or
    ``completed_from``); and that a first author or year named in the text quotes the text
    (``name_in_text``).

    Parameters
    ----------
    rows : sequence of mapping
        Rows as read from the CSV (all values strings).
    path : str or Path, optional
        The file's name, for messages.

    Raises
    ------
    ValueError
        Naming the file, line, column and value of the first problem found.

    Examples
    --------
    >>> row = {c: "" for c in REGISTRY_COLUMNS} | {"review": "A", "number": "0"}
    >>> validate_registry_rows([row], "x.csv")
    Traceback (most recent call last):
    ...
    ValueError: x.csv: line 2 (review A, number 0), column 'number': '0' is not a reference \
number 1-59
    """
    path = Path(path)
    seen: dict[tuple[str, int], int] = {}
    for line, row in enumerate(rows, start=2):
        key = _check_key(path, line, row)
        if key in seen:
            raise _bad(path, line, row, "number", f"repeats line {seen[key]}")
        seen[key] = line
        for column in REGISTRY_COLUMNS:
            problem = _check_value(column, row[column])
            if problem:
                raise _bad(path, line, row, column, problem)
        has_record = any(row[name] for name in RECORD_FIELDS)
        if has_record and not row["number_basis"]:
            raise _bad(path, line, row, "number_basis", "is empty but the row has a record")
        if has_record and not (row["verified_from"] or row["completed_from"]):
            raise _bad(path, line, row, "verified_from", "is empty but the row has a record")
        for column in ("first_author", "year"):
            if row[column] and not row["name_in_text"]:
                raise _bad(path, line, row, "name_in_text", f"is empty but {column} is set")
    for review, top in REFERENCE_COUNTS.items():
        missing = [n for n in range(1, top + 1) if (review, n) not in seen]
        if missing:
            raise ValueError(f"{path}: review {review} lacks numbers {_ranges(missing)}")


def validate_place_rows(
    rows: Sequence[Mapping[str, str]],
    path: str | Path = "citing_places",
    registry_keys: set[tuple[str, int]] | None = None,
) -> None:
    """Validate the rows of a citing-places file.

    Parameters
    ----------
    rows : sequence of mapping
        Rows as read from the CSV (all values strings).
    path : str or Path, optional
        The file's name, for messages.
    registry_keys : set of (str, int), optional
        The registry's (review, number) pairs; every place must cite one of them.

    Raises
    ------
    ValueError
        Naming the file, line, column and value of the first problem found.

    Examples
    --------
    >>> row = {"review": "B", "number": "7", "place": "3", "section": "Background",
    ...        "subsection": "", "location": "text", "line": "52", "citation": "[6, 7]",
    ...        "cited_for": ""}
    >>> validate_place_rows([row], "p.csv")
    Traceback (most recent call last):
    ...
    ValueError: p.csv: line 2 (review B, number 7), column 'cited_for': '' is empty
    """
    path = Path(path)
    seen: set[tuple[str, int, int]] = set()
    for line, row in enumerate(rows, start=2):
        review, number = _check_key(path, line, row)
        for column in PLACES_COLUMNS:
            if row[column] != row[column].strip() or "\n" in row[column]:
                raise _bad(path, line, row, column, "has stray whitespace or a line break")
        for column in ("place", "line"):
            if not re.fullmatch(r"[1-9][0-9]*", row[column]):
                raise _bad(path, line, row, column, "is not a positive integer")
        if (review, number, int(row["place"])) in seen:
            raise _bad(path, line, row, "place", "repeats the same number at the same place")
        seen.add((review, number, int(row["place"])))
        if row["section"] not in SECTIONS[review]:
            raise _bad(path, line, row, "section", f"is not a section of review {review}")
        try:
            printed = parse(row["citation"])
        except ValueError as exc:
            raise _bad(path, line, row, "citation", f"is not a citation ({exc})") from exc
        if number not in printed:
            raise _bad(path, line, row, "citation", f"does not cite number {number}")
        label = row["cited_for"]
        if not label:
            raise _bad(path, line, row, "cited_for", "is empty")
        if ";" in label or len(label.split()) > MAX_LABEL_WORDS:
            raise _bad(
                path, line, row, "cited_for", f"must be ≤ {MAX_LABEL_WORDS} words without ';'"
            )
        if registry_keys is not None and (review, number) not in registry_keys:
            raise _bad(path, line, row, "number", "is not in the registry")


def _ranges(numbers: Sequence[int]) -> str:
    """Format numbers compactly: ``[1, 2, 3, 7]`` -> ``"1-3, 7"``."""
    runs: list[tuple[int, int]] = []
    for number in sorted(numbers):
        if runs and runs[-1][1] == number - 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in runs)


def _stamp(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return (str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _cached_tables(
    registry: tuple[str, int, int], places: tuple[str, int, int]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read and validate both files (cached on path, modification time and size)."""
    reg_path, pl_path = Path(registry[0]), Path(places[0])
    reg_rows = _read_table(reg_path, REGISTRY_COLUMNS)
    validate_registry_rows(reg_rows, reg_path)
    keys = {(row["review"], int(row["number"])) for row in reg_rows}
    place_rows = _read_table(pl_path, PLACES_COLUMNS)
    validate_place_rows(place_rows, pl_path, keys)

    places_df = pd.DataFrame(place_rows, columns=list(PLACES_COLUMNS))
    for column in ("number", "place", "line"):
        places_df[column] = places_df[column].astype(int)
    places_df = places_df.sort_values(["review", "place", "number"], kind="stable")
    places_df = places_df.reset_index(drop=True)

    summary: dict[tuple[str, int], dict[str, list[str]]] = {}
    for row in places_df.to_dict("records"):
        item = summary.setdefault(
            (row["review"], row["number"]), {"cited_for": [], "sections": [], "citations": []}
        )
        item["cited_for"].append(row["cited_for"])
        item["sections"].append(row["section"])
        item["citations"].append(row["citation"])
    registry_df = pd.DataFrame(reg_rows, columns=list(REGISTRY_COLUMNS))
    registry_df["number"] = registry_df["number"].astype(int)
    keys_in_order = list(zip(registry_df["review"], registry_df["number"], strict=True))
    empty: dict[str, list[str]] = {"cited_for": [], "sections": [], "citations": []}
    registry_df["cited_for"] = [
        "; ".join(dict.fromkeys(summary.get(k, empty)["cited_for"])) for k in keys_in_order
    ]
    registry_df["n_places"] = [len(summary.get(k, empty)["cited_for"]) for k in keys_in_order]
    registry_df["sections"] = [
        "; ".join(dict.fromkeys(summary.get(k, empty)["sections"])) for k in keys_in_order
    ]
    registry_df["citations"] = [
        "; ".join(dict.fromkeys(summary.get(k, empty)["citations"])) for k in keys_in_order
    ]
    registry_df = registry_df.sort_values(["review", "number"], kind="stable")
    return registry_df.reset_index(drop=True), places_df


def load_registry(
    path: str | Path | None = None, places: str | Path | None = None
) -> pd.DataFrame:
    """Load the citation registry, validated, with the labels of the places citing each number.

    Parameters
    ----------
    path : str or Path, optional
        The registry CSV; by default ``data/citations/registry.csv`` under
        :func:`ifnalpha.paths.data_dir` (``$IFNALPHA_DATA`` if set).
    places : str or Path, optional
        The citing-places CSV; by default ``citing_places.csv`` next to the registry.

    Returns
    -------
    pandas.DataFrame
        One row per (review, number), sorted, with the columns of :data:`REGISTRY_COLUMNS`
        (``review``, ``number`` as int, ``first_author``, ``year``, ``title``, ``doi``,
        ``number_basis`` ...; unknown values are empty strings) and, from the citing places,
        ``cited_for`` (the distinct labels of the places citing the number, joined by
        ``"; "``), ``n_places`` (int), ``sections`` and ``citations`` (printed forms), both
        joined by ``"; "``.

    Raises
    ------
    FileNotFoundError
        If a file is missing.
    ValueError
        If a file is malformed; the message names the file, line, column and value.

    Examples
    --------
    >>> reg = load_registry()
    >>> reg.groupby("review").size().to_dict()
    {'A': 59, 'B': 268}
    >>> reg.set_index(["review", "number"]).loc[("A", 13), "first_author"]
    'Bertucci'
    """
    reg_path = registry_path(path)
    pl_path = places_path(places, reg_path)
    for file in (reg_path, pl_path):
        if not file.is_file():
            raise FileNotFoundError(f"citation file not found: {file}")
    registry_df, _ = _cached_tables(_stamp(reg_path), _stamp(pl_path))
    return registry_df.copy()


def load_places(path: str | Path | None = None, registry: str | Path | None = None) -> pd.DataFrame:
    """Load the places where the reviews cite each number, validated against the registry.

    Parameters
    ----------
    path : str or Path, optional
        The citing-places CSV; by default ``citing_places.csv`` next to the registry.
    registry : str or Path, optional
        The registry CSV; by default ``data/citations/registry.csv``.

    Returns
    -------
    pandas.DataFrame
        Columns of :data:`PLACES_COLUMNS` (``number``, ``place`` and ``line`` as int), one row
        per (place, number), in text order.

    Raises
    ------
    FileNotFoundError, ValueError
        As :func:`load_registry`.

    Examples
    --------
    >>> places = load_places()
    >>> first = places[places["review"] == "A"].iloc[0]
    >>> int(first["number"]), first["citation"], first["section"]
    (1, '[1]', 'Background')
    """
    reg_path = registry_path(registry)
    pl_path = places_path(path, reg_path)
    for file in (reg_path, pl_path):
        if not file.is_file():
            raise FileNotFoundError(f"citation file not found: {file}")
    _, places_df = _cached_tables(_stamp(reg_path), _stamp(pl_path))
    return places_df.copy()


def _registry_frame(registry: pd.DataFrame | str | Path | None) -> pd.DataFrame:
    if isinstance(registry, pd.DataFrame):
        return registry
    return load_registry(registry)


# --------------------------------------------------------------------------------------------
# One reference


@dataclass(frozen=True)
class Reference:
    """What the book knows of one numbered reference of a review.

    Attributes
    ----------
    review : str
        ``"A"`` or ``"B"``.
    number : int
        The reference number.
    first_author, year : str
        As named in the review's text next to the number (empty if not named).
    name_in_text, name_tie : str
        The naming phrase quoted from the text, and how the name is tied to the number.
    record_first_author, authors, title, journal, record_year, volume, issue, pages : str
        From a verified or imported record (empty if unknown).
    doi, pmid, pmcid, reference_text : str
        Identifiers and the unstructured reference text of a record (empty if unknown).
    number_basis : str
        How the record is tied to the number (``"probable: ..."`` for a probable tie).
    verified_from, completed_from, notes : str
        Provenance of the record and of imported fields; remarks.
    cited_for : tuple of str
        Labels of the places where the review cites the number.
    sections : tuple of str
        The review's sections that cite it.
    citations : tuple of str
        The printed citations that include it (e.g. ``"[21–23]"``).
    """

    review: str
    number: int
    first_author: str = ""
    year: str = ""
    name_in_text: str = ""
    name_tie: str = ""
    record_first_author: str = ""
    authors: str = ""
    title: str = ""
    journal: str = ""
    record_year: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    pmid: str = ""
    pmcid: str = ""
    reference_text: str = ""
    number_basis: str = ""
    verified_from: str = ""
    completed_from: str = ""
    notes: str = ""
    cited_for: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    citations: tuple[str, ...] = ()

    @property
    def has_record(self) -> bool:
        """Whether any bibliographic field is known."""
        return any(getattr(self, name) for name in RECORD_FIELDS)

    @property
    def probable(self) -> bool:
        """Whether the record is tied to the number only probably."""
        return self.number_basis.lower().startswith("probable")

    @property
    def url(self) -> str:
        """A link to the record: DOI, else PubMed Central, else PubMed, else empty."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmcid:
            return f"https://www.ncbi.nlm.nih.gov/pmc/articles/{self.pmcid}/"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return ""

    @property
    def label(self) -> str:
        """A short label: ``"Bertucci et al. 2014"``, ``"Kirkwood et al."`` or ``"[171]"``."""
        name = self.first_author
        if not name and self.record_first_author:
            name = self.record_first_author.split()[0]
        if not name:
            return f"[{self.number}]"
        year = self.year or self.record_year
        return f"{name} et al. {year}".strip()


def entry(
    review: str, number: int, *, registry: pd.DataFrame | str | Path | None = None
) -> Reference:
    """Return what is known of one numbered reference.

    Parameters
    ----------
    review : str
        ``"A"`` or ``"B"`` (any case).
    number : int
        The reference number.
    registry : DataFrame, str or Path, optional
        A registry from :func:`load_registry`, or the path of a registry CSV; by default the
        book's registry.

    Returns
    -------
    Reference
        The registry row as a frozen dataclass; unknown fields are empty strings.

    Raises
    ------
    ValueError
        If the review is not A or B, or the number is not in its reference list or registry;
        the message names them.

    Examples
    --------
    >>> ref = entry("B", 171)
    >>> ref.first_author, ref.year, ref.doi
    ('Kirkwood', '1996', '10.1200/JCO.1996.14.1.7')
    >>> entry("A", 60)
    Traceback (most recent call last):
    ...
    ValueError: review A has references 1-59; got 60
    """
    review = check_review(review)
    check_numbers(review, [number])
    frame = _registry_frame(registry)
    rows = frame[(frame["review"] == review) & (frame["number"] == number)]
    if rows.empty:
        raise ValueError(f"review {review} number {number} is not in the citation registry")
    row = rows.iloc[0].to_dict()

    def split(value: Any) -> tuple[str, ...]:
        return tuple(part for part in str(value or "").split("; ") if part)

    values = {name: str(row.get(name, "") or "") for name in REGISTRY_COLUMNS[2:]}
    return Reference(
        review=review,
        number=int(number),
        **values,
        cited_for=split(row.get("cited_for")),
        sections=split(row.get("sections")),
        citations=split(row.get("citations")),
    )


# --------------------------------------------------------------------------------------------
# Coverage of a review's text by the registry


@dataclass(frozen=True)
class Coverage:
    """How a review's text and the registry match.

    Attributes
    ----------
    review : str
        ``"A"`` or ``"B"``.
    cited : tuple of int
        Every number the text cites.
    missing_from_registry : tuple of int
        Cited in the text but not a registry row (for example a number beyond the reference
        list, which would mean a misread citation).
    never_cited : tuple of int
        Registry rows the text never cites.
    without_record : tuple of int
        Cited numbers for which no bibliographic record is known yet.
    missing_places : tuple of int
        Cited in the text but absent from the citing places.
    extra_places : tuple of int
        In the citing places but not cited in the text.
    """

    review: str
    cited: tuple[int, ...]
    missing_from_registry: tuple[int, ...]
    never_cited: tuple[int, ...]
    without_record: tuple[int, ...]
    missing_places: tuple[int, ...]
    extra_places: tuple[int, ...]

    @property
    def ok(self) -> bool:
        """Whether text, registry and citing places agree exactly."""
        return not (
            self.missing_from_registry or self.never_cited or self.missing_places
            or self.extra_places
        )

    def summary(self) -> str:
        """Describe the coverage in a few lines."""
        lines = [f"review {self.review}: {len(self.cited)} numbers cited in the text"]
        for name in ("missing_from_registry", "never_cited", "missing_places", "extra_places"):
            values = getattr(self, name)
            lines.append(f"  {name.replace('_', ' ')}: {_ranges(values) if values else 'none'}")
        lines.append(f"  cited without a known record: {len(self.without_record)}")
        return "\n".join(lines)


def coverage(
    review: str, text: str, registry: pd.DataFrame | str | Path | None = None
) -> Coverage:
    """Compare the numbers a review's text cites with the registry and its citing places.

    Parameters
    ----------
    review : str
        ``"A"`` or ``"B"``.
    text : str
        The review's text (e.g. ``/work/shared/reviews/ibc-ifn-alpha-review.txt``).
    registry : DataFrame, str or Path, optional
        A registry from :func:`load_registry` or a registry CSV; by default the book's.

    Returns
    -------
    Coverage

    Examples
    --------
    >>> cov = coverage("A", "IBC is rare [1]; see [60].")
    >>> cov.missing_from_registry, len(cov.never_cited)
    ((60,), 58)
    """
    review = check_review(review)
    frame = _registry_frame(registry)
    rows = frame[frame["review"] == review]
    in_registry = set(int(n) for n in rows["number"])
    cited = cited_numbers(text)
    with_record = {
        int(row["number"])
        for row in rows.to_dict("records")
        if any(str(row.get(name, "") or "") for name in RECORD_FIELDS)
    }
    placed = {int(n) for n, k in zip(rows["number"], rows["n_places"], strict=True) if int(k)}
    return Coverage(
        review=review,
        cited=cited,
        missing_from_registry=tuple(n for n in cited if n not in in_registry),
        never_cited=tuple(sorted(in_registry - set(cited))),
        without_record=tuple(n for n in cited if n in in_registry and n not in with_record),
        missing_places=tuple(n for n in cited if n in in_registry and n not in placed),
        extra_places=tuple(sorted(placed - set(cited))),
    )


def missing_from_registry(
    review: str, text: str, registry: pd.DataFrame | str | Path | None = None
) -> tuple[int, ...]:
    """Return the numbers a review's text cites that the registry lacks.

    Parameters
    ----------
    review : str
        ``"A"`` or ``"B"``.
    text : str
        The review's text.
    registry : DataFrame, str or Path, optional
        As in :func:`coverage`.

    Returns
    -------
    tuple of int
        Sorted; empty when every cited number has a registry row.

    Examples
    --------
    >>> missing_from_registry("B", "see [268] and [269]")
    (269,)
    """
    return coverage(review, text, registry).missing_from_registry


# --------------------------------------------------------------------------------------------
# Completing the registry from a saved Crossref work record


@dataclass
class CrossrefImport:
    """What :func:`import_crossref` did.

    Attributes
    ----------
    review : str
        ``"A"`` or ``"B"``.
    entries : int
        Reference entries in the Crossref record.
    filled : list of (int, str, str)
        (number, column, value) for each empty field filled.
    conflicts : list of (int, str, str, str)
        (number, column, registry value, Crossref value) where they differ; the registry value
        was kept.
    confirmed : list of int
        Numbers whose registry DOI the Crossref entry repeats.
    rejected : list of (int, str, str)
        (number, column, value) of Crossref values that are malformed (e.g. a bad DOI).
    unusable : list of int
        Entries with nothing the registry can use.
    path : Path or None
        The registry file written, or None for a dry run.
    saved : Path or None
        Where the Crossref record was saved for rebuilds, if it was.
    """

    review: str
    entries: int = 0
    filled: list[tuple[int, str, str]] = field(default_factory=list)
    conflicts: list[tuple[int, str, str, str]] = field(default_factory=list)
    confirmed: list[int] = field(default_factory=list)
    rejected: list[tuple[int, str, str]] = field(default_factory=list)
    unusable: list[int] = field(default_factory=list)
    path: Path | None = None
    saved: Path | None = None

    def summary(self) -> str:
        """Describe the import in a few lines (printed by the command line)."""
        numbers = sorted({number for number, _, _ in self.filled})
        lines = [
            f"Crossref import for review {self.review}: {self.entries} reference entries",
            f"  filled {len(self.filled)} field(s) in {len(numbers)} row(s)"
            + (f": numbers {_ranges(numbers)}" if numbers else ""),
            f"  DOIs confirmed: {_ranges(self.confirmed) if self.confirmed else 'none'}",
            f"  conflicts (registry value kept): {len(self.conflicts)}",
        ]
        for number, column, mine, theirs in self.conflicts:
            lines.append(f"    [{number}] {column}: registry {mine!r} vs Crossref {theirs!r}")
        if self.rejected:
            lines.append(f"  malformed Crossref values ignored: {len(self.rejected)}")
            for number, column, value in self.rejected:
                lines.append(f"    [{number}] {column}: {value!r}")
        if self.unusable:
            lines.append(f"  entries with nothing usable: {_ranges(self.unusable)}")
        if self.path is None:
            lines.append("  dry run: nothing written")
        else:
            lines.append(f"  written: {self.path}")
        if self.saved is not None:
            lines.append(f"  record saved for rebuilds: {self.saved}")
        return "\n".join(lines)


def _fold(value: str) -> str:
    """Case-fold, strip accents and keep only letters and digits (for comparisons)."""
    decomposed = unicodedata.normalize("NFKD", value)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", plain.casefold()).strip()


def _abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` abbreviates ``long`` word by word ("J Clin Oncol")."""
    words = [w for w in _fold(long).split() if w not in {"of", "the", "and", "a", "for", "in"}]
    abbrev = _fold(short).split()
    if not abbrev or len(abbrev) > len(words):
        return False
    position = 0
    for token in abbrev:
        while position < len(words) and not words[position].startswith(token):
            position += 1
        if position == len(words):
            return False
        position += 1
    return True


def _surnames(value: str) -> set[str]:
    return {token for token in _fold(value).split() if len(token) > 1}


def _same(column: str, mine: str, theirs: str) -> bool:
    """Whether a registry value and a Crossref value say the same thing."""
    if column == "doi":
        return mine.casefold() == theirs.casefold()
    if column == "pages":
        return _fold(re.split(rf"{_DASH}", mine)[0]) == _fold(re.split(rf"{_DASH}", theirs)[0])
    if column in ("record_first_author", "first_author"):
        return bool(_surnames(mine) & _surnames(theirs))
    if column == "journal":
        a, b = _fold(mine), _fold(theirs)
        return a == b or _abbreviates(a, b) or _abbreviates(b, a)
    return _fold(mine) == _fold(theirs)


def _crossref_values(ref: Mapping[str, Any]) -> dict[str, str]:
    """Map one Crossref ``reference`` entry onto registry columns."""

    def text(key: str) -> str:
        value = ref.get(key)
        if value is None:
            return ""
        return " ".join(str(value).split())

    values: dict[str, str] = {}
    doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", text("DOI"), flags=re.I)
    unstructured = text("unstructured")
    if not doi and unstructured:
        found = _DOI_IN_TEXT.search(unstructured)
        if found:
            doi = found.group().rstrip(".,;)")
    values["doi"] = doi
    values["reference_text"] = unstructured
    values["record_first_author"] = text("author")
    values["title"] = (text("article-title") or text("volume-title")).rstrip(".")
    values["journal"] = text("journal-title")
    year = re.match(r"[0-9]{4}", text("year"))
    values["record_year"] = year.group() if year else ""
    values["volume"] = text("volume")
    values["issue"] = text("issue")
    values["pages"] = text("first-page")
    return {key: value for key, value in values.items() if value}


def _load_crossref(source: str | Path | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(source, Mapping):
        data = dict(source)
    else:
        path = Path(source)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise ValueError("a Crossref work record is a JSON object")
    return data


def _crossref_references(data: Mapping[str, Any], review: str) -> list[Mapping[str, Any]]:
    """Check a Crossref work record against a review and return its reference list."""
    message = data.get("message", data)
    if not isinstance(message, Mapping):
        raise ValueError("Crossref record has no 'message' object")
    doi = str(message.get("DOI") or "")
    if doi and doi.casefold() != REVIEW_DOIS[review].casefold():
        raise ValueError(
            f"Crossref record is for {doi}, not review {review} ({REVIEW_DOIS[review]})"
        )
    references = message.get("reference")
    if not isinstance(references, list):
        raise ValueError("Crossref record has no 'reference' list (message.reference)")
    top = REFERENCE_COUNTS[review]
    if len(references) > top:
        raise ValueError(
            f"Crossref record lists {len(references)} references; review {review} has {top}"
        )
    for index, ref in enumerate(references):
        if not isinstance(ref, Mapping):
            raise ValueError(f"Crossref reference entry {index + 1} is not an object")
        key = re.search(r"CR([0-9]+)$", str(ref.get("key", "")))
        if key and int(key.group(1)) != index + 1:
            raise ValueError(
                f"Crossref reference entry {index + 1} has key {ref.get('key')!r}: "
                "the list is not in reference-list order"
            )
    return references


def apply_crossref(
    rows: Sequence[dict[str, str]], source: str | Path | Mapping[str, Any], review: str
) -> CrossrefImport:
    """Fill empty fields of registry rows, in place, from a Crossref work record.

    This is the core of :func:`import_crossref`, working on rows in memory (the build script
    uses it to replay saved records). The rules are those of :func:`import_crossref`.

    Parameters
    ----------
    rows : sequence of dict
        Registry rows (all values strings), containing every number of `review`.
    source : str, Path or mapping
        The saved Crossref JSON file, or its parsed content.
    review : str
        ``"A"`` or ``"B"``.

    Returns
    -------
    CrossrefImport
        What was filled, confirmed and in conflict (``path`` and ``saved`` are None).

    Raises
    ------
    ValueError
        As :func:`import_crossref`.

    Examples
    --------
    >>> rows = [{c: "" for c in REGISTRY_COLUMNS} | {"review": "A", "number": "1"}]
    >>> record = {"message": {"reference": [{"key": "CR1", "year": "2015", "author": "Doe J"}]}}
    >>> apply_crossref(rows, record, "A").filled
    [(1, 'record_first_author', 'Doe J'), (1, 'record_year', '2015')]
    """
    review = check_review(review)
    data = _load_crossref(source)
    references = _crossref_references(data, review)
    by_key = {(row["review"], int(row["number"])): row for row in rows}
    report = CrossrefImport(review=review, entries=len(references))
    source_note = f"Crossref reference list of {REVIEW_DOIS[review]}"

    for index, ref in enumerate(references):
        number = index + 1
        if (review, number) not in by_key:
            raise ValueError(f"registry has no row for review {review} number {number}")
        row = by_key[(review, number)]
        values = _crossref_values(ref)
        if not values:
            report.unusable.append(number)
            continue
        filled: list[str] = []
        for column, value in values.items():
            if _check_value(column, value):
                report.rejected.append((number, column, value))
                continue
            current = row[column]
            if not current:
                row[column] = value
                filled.append(column)
                report.filled.append((number, column, value))
            elif not _same(column, current, value):
                report.conflicts.append((number, column, current, value))
            elif column == "doi":
                report.confirmed.append(number)
        author = values.get("record_first_author", "")
        named = row["first_author"]
        if named and author and not _same("first_author", named, author):
            report.conflicts.append((number, "first_author", named, author))
        if filled:
            if not row["number_basis"]:
                row["number_basis"] = f"reference list entry {number} (Crossref)"
            note = f"{source_note}, entry {number}: {', '.join(filled)}"
            row["completed_from"] = "; ".join(x for x in (row["completed_from"], note) if x)
    return report


def import_crossref(
    source: str | Path | Mapping[str, Any],
    review: str,
    *,
    registry: str | Path | None = None,
    write: bool = True,
    save: bool = True,
) -> CrossrefImport:
    """Fill empty registry fields from a saved Crossref work record of a review.

    The record is the JSON that ``https://api.crossref.org/works/{DOI}`` returns for the
    review: ``{"message": {"DOI": ..., "reference": [...]}}``. Its ``reference`` list follows
    the review's reference list, so entry *i* (from 0) is number *i + 1* (checked against keys
    ending in ``CR<n>`` where present). From each entry the import takes ``DOI``, ``author``
    (the first author, into ``record_first_author``), ``article-title`` (or ``volume-title``),
    ``journal-title``, ``year``, ``volume``, ``issue``, ``first-page`` and ``unstructured``
    (into ``reference_text``; a DOI printed in it is used when ``DOI`` is absent).

    A field is filled only when empty. A non-empty field is never changed: where Crossref
    differs, the difference is reported as a conflict (including a first author named in the
    review's text that the entry contradicts). Rows that gain fields get ``number_basis``
    ``"reference list entry N (Crossref)"`` if they had none, and a note in
    ``completed_from``. The file is written back deterministically and validated.

    Parameters
    ----------
    source : str, Path or mapping
        The saved JSON file, or its parsed content.
    review : str
        ``"A"`` or ``"B"``: which review the record belongs to.
    registry : str or Path, optional
        The registry CSV to complete; by default ``data/citations/registry.csv``.
    write : bool, optional
        Write the registry back (default); ``False`` for a dry run.
    save : bool, optional
        Also save the record as ``crossref/review-<A|B>.json`` next to the registry, so that
        ``python -m ifnalpha.evidence.citations.build`` reproduces the import (default
        ``True``; ignored for a dry run).

    Returns
    -------
    CrossrefImport
        What was filled, confirmed and in conflict.

    Raises
    ------
    ValueError
        If the record is not a work record with a reference list, belongs to another DOI,
        lists more references than the review has, or is out of order; or if the registry is
        malformed.

    Examples
    --------
    >>> record = {"message": {"reference": [{"key": "CR1", "DOI": "10.3322/caac.21590"}]}}
    >>> report = import_crossref(record, "B", write=False)
    >>> report.confirmed, report.conflicts
    ([1], [])
    """
    review = check_review(review)
    data = _load_crossref(source)
    path = registry_path(registry)
    rows = _read_table(path, REGISTRY_COLUMNS)
    validate_registry_rows(rows, path)
    report = apply_crossref(rows, data, review)
    validate_registry_rows(rows, path)
    if write:
        write_table(path, REGISTRY_COLUMNS, rows)
        report.path = path
        if save:
            target = path.parent / "crossref" / f"review-{review}.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(
                json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                encoding="utf-8",
            )
            report.saved = target
    return report


# --------------------------------------------------------------------------------------------
# Command line


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line: ``python -m ifnalpha.evidence.citations <command> ...``.

    Commands
    --------
    ``import-crossref FILE.json --review A|B [--registry CSV] [--dry-run] [--no-save]
    [--strict]``
        Fill the registry from a saved Crossref work record (see :func:`import_crossref`)
        and print a summary. Exit status 0, or 1 with ``--strict`` when there are conflicts.
    ``coverage TEXT --review A|B [--registry CSV]``
        Compare a review's text with the registry (see :func:`coverage`). Exit status 0 when
        text, registry and citing places agree, else 1.

    Errors (malformed files, wrong review) print a message and exit with status 2.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        The exit status.

    Examples
    --------
    >>> main(["coverage", "--help"])  # doctest: +SKIP
    """
    parser = argparse.ArgumentParser(
        prog="python -m ifnalpha.evidence.citations",
        description="The reviews' numbered citations: complete and check the registry.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    crossref = commands.add_parser(
        "import-crossref", help="fill empty registry fields from a saved Crossref work record"
    )
    crossref.add_argument("file", type=Path, help="JSON from api.crossref.org/works/{DOI}")
    crossref.add_argument("--review", required=True, type=str.upper, choices=["A", "B"])
    crossref.add_argument("--registry", type=Path, default=None, help="registry CSV to complete")
    crossref.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    crossref.add_argument(
        "--no-save", action="store_true", help="do not keep a copy of the record for rebuilds"
    )
    crossref.add_argument("--strict", action="store_true", help="exit 1 if there are conflicts")
    check = commands.add_parser("coverage", help="compare a review's text with the registry")
    check.add_argument("file", type=Path, help="the review's plain text")
    check.add_argument("--review", required=True, type=str.upper, choices=["A", "B"])
    check.add_argument("--registry", type=Path, default=None, help="registry CSV")
    args = parser.parse_args(argv)

    try:
        if args.command == "import-crossref":
            report = import_crossref(
                args.file,
                args.review,
                registry=args.registry,
                write=not args.dry_run,
                save=not args.no_save,
            )
            print(report.summary())
            return 1 if args.strict and report.conflicts else 0
        text = args.file.read_text(encoding="utf-8")
        result = coverage(args.review, text, args.registry)
        print(result.summary())
        return 0 if result.ok else 1
    except (ValueError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
