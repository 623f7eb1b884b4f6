"""The two files of the citation registry: their columns and the rules their rows follow.

``data/citations/registry.csv`` has one row per (review, number); ``citing_places.csv`` one row
per (place, number) where a review cites a number. :func:`validate_registry_rows` and
:func:`validate_place_rows` check rows read from them; an error names the file, the line, the
column and the value (these are data errors, not argument errors). The reviews' reference
counts and section names come from :mod:`ifnalpha.reviews`.

Examples
--------
>>> REGISTRY_COLUMNS[:3]
('review', 'number', 'first_author')
>>> value_problem("doi", "https://doi.org/10.1/x")
'is not a DOI (10.NNNN/...; no https://doi.org/ prefix)'
>>> place_subsection("melanoma")
'Melanoma'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from ifnalpha.evidence.citations.parse import number_ranges, parse
from ifnalpha.reviews import REVIEW_IDS, REVIEWS

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

_DOI = re.compile(r"^10\.[0-9]{4,9}/\S+$")
_YEAR = re.compile(r"^(?:1[5-9]|20)[0-9]{2}$")
_PMID = re.compile(r"^[1-9][0-9]{0,8}$")
_PMCID = re.compile(r"^PMC[0-9]+$")


def _where(path: Path, line: int, row: Mapping[str, str]) -> str:
    review, number = row.get("review", "?"), row.get("number", "?")
    return f"{path}: line {line} (review {review}, number {number})"


def _bad(path: Path, line: int, row: Mapping[str, str], column: str, problem: str) -> ValueError:
    return ValueError(
        f"{_where(path, line, row)}, column {column!r}: {row.get(column)!r} {problem}"
    )


def _check_key(path: Path, line: int, row: Mapping[str, str]) -> tuple[str, int]:
    """Validate the review and number of a row and return them."""
    if row["review"] not in REVIEW_IDS:
        raise _bad(path, line, row, "review", f"is not {' or '.join(map(repr, REVIEW_IDS))}")
    top = REVIEWS[row["review"]].reference_count
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


def value_problem(column: str, value: str) -> str | None:
    """Return the problem with a registry value, or None if it is acceptable.

    Parameters
    ----------
    column : str
        A column of :data:`REGISTRY_COLUMNS`; years, DOIs, PubMed and PMC IDs have a form.
    value : str
        The value as it would stand in the file.

    Returns
    -------
    str or None
        The problem in words (``"is not a four-digit year"``), or None.

    Examples
    --------
    >>> value_problem("year", "2014") is None
    True
    """
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
    ``1 .. reference_count`` of each review (:data:`ifnalpha.reviews.REVIEWS`) exactly; that
    years, DOIs, PubMed and PMC IDs are well formed; that a row with a bibliographic field
    says how its number is tied (``number_basis``) and where the record came from
    (``verified_from`` or ``completed_from``); and that a first author or year named in the
    text quotes the text (``name_in_text``).

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
            problem = value_problem(column, row[column])
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
    for review in REVIEWS.values():
        top = review.reference_count
        missing = [n for n in range(1, top + 1) if (review.id, n) not in seen]
        if missing:
            listed = number_ranges(missing)
            raise ValueError(f"{path}: review {review.id} lacks numbers {listed}")


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
        sections = {s.title: s.subsections for s in REVIEWS[review].sections}
        if row["section"] not in sections:
            raise _bad(path, line, row, "section", f"is not a section of review {review}")
        subsections = [place_subsection(sub) for sub in sections[row["section"]]]
        if row["subsection"] and row["subsection"] not in subsections:
            raise _bad(
                path, line, row, "subsection", f"is not a subsection of {row['section']!r}"
            )
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



def place_subsection(subsection: str) -> str:
    """Name a subsection as the citing-places file does: its first letter in upper case.

    The book's subsection names (:func:`ifnalpha.reviews.section_paths`) are lower case unless
    a name starts them; a citing place's ``subsection`` column prints them as headings.

    Examples
    --------
    >>> place_subsection("potential regulatory factors: IFNAR")
    'Potential regulatory factors: IFNAR'
    """
    return subsection[:1].upper() + subsection[1:]
