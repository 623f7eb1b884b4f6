"""The claims ledger's file: its columns, allowed values and the rules every row follows.

``data/claims.csv`` has one row per number a review prints (layout and conventions in
``data/claims.md``). :func:`read_ledger` reads and validates a ledger file; an error names the
file, the line, the claim, the column and the offending value (these are data errors). The
allowed ``section`` values are the review's section paths (:func:`ifnalpha.reviews.section_paths`).
Reading the ledger for the book's pages is :mod:`ifnalpha.evidence.claims`.

Examples
--------
>>> "MU/m2" in UNITS
True
>>> from ifnalpha.paths import data_dir
>>> read_ledger(data_dir() / FILENAME).loc["a-ibc-share-of-diagnoses", "value_text"]
'3%'
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd

from ifnalpha.evidence import citations
from ifnalpha.reviews import REVIEW_IDS, section_paths

__all__ = [
    "FILENAME",
    "COLUMNS",
    "REQUIRED_COLUMNS",
    "ID_PATTERN",
    "UNITS",
    "QUALIFIERS",
    "CITATION_SCOPES",
    "read_ledger",
]

#: File name of the ledger inside the data folder.
FILENAME = "claims.csv"

#: Columns of the ledger, in file order.
COLUMNS: tuple[str, ...] = (
    "claim_id",
    "review",
    "section",
    "location",
    "group",
    "quantity",
    "context",
    "value",
    "value_low",
    "value_high",
    "unit",
    "value_text",
    "qualifier",
    "quote",
    "citations",
    "citation_scope",
    "correction",
    "notes",
)

#: Columns a ledger file must have (the others may be absent and are then treated as empty).
REQUIRED_COLUMNS: tuple[str, ...] = (
    "claim_id",
    "review",
    "section",
    "value",
    "value_low",
    "value_high",
    "unit",
    "value_text",
    "quantity",
    "context",
    "citations",
    "qualifier",
    "notes",
)

#: A claim id: review prefix ``a-`` or ``b-`` then lowercase words joined by single hyphens.
ID_PATTERN = re.compile(r"^[ab](?:-[a-z0-9]+)+$")

#: Allowed units (extend this tuple, and ``data/claims.md``, when a new kind of number is added).
UNITS: tuple[str, ...] = (
    "%",
    "kDa",
    "kb",
    "MU/m2",
    "years",
    "weeks",
    "days per week",
    "times per week",
    "h",
    "count",
    "fold",
    "ratio",
    "rank",
    "residue position",
    "calendar year",
)

#: Allowed qualifiers; the empty string means the number is stated without one.
QUALIFIERS: tuple[str, ...] = (
    "",
    "approximately",
    "about",
    "at least",
    "up to",
    "more than",
    "less than",
    "before",
    "after",
    "as of",
)

#: Allowed ``citation_scope`` values (empty exactly when ``citations`` is empty).
CITATION_SCOPES: tuple[str, ...] = ("sentence", "passage", "legend", "table")

_LOCATION = re.compile(r"^(?:text|Fig\. \d+ legend|Table \d+(?: note)?)$")
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")



def _error(
    path: Path, line: int, claim_id: str, column: str, raw: object, reason: str
) -> ValueError:
    where = f"{path}: line {line}" + (f" (claim {claim_id!r})" if claim_id else "")
    return ValueError(f"{where}, column {column!r}: bad value {raw!r}: {reason}")


def _number(raw: str, *, path: Path, line: int, claim_id: str, column: str) -> float | None:
    if raw == "":
        return None
    if not _NUMBER.match(raw):
        raise _error(path, line, claim_id, column, raw, "not a plain decimal number")
    number = float(raw)
    if not math.isfinite(number):
        raise _error(path, line, claim_id, column, raw, "not finite")
    return number


def _check_row(row: dict[str, str], line: int, path: Path, seen: dict[str, int]) -> dict:
    """Check one raw row and return its parsed extra fields."""
    claim_id = row["claim_id"]

    def fail(column: str, reason: str) -> ValueError:
        return _error(path, line, claim_id, column, row.get(column, ""), reason)

    if not ID_PATTERN.match(claim_id):
        raise fail("claim_id", f"must match {ID_PATTERN.pattern}")
    if claim_id in seen:
        raise fail("claim_id", f"duplicate id (first on line {seen[claim_id]})")
    seen[claim_id] = line

    review = row["review"]
    if review not in REVIEW_IDS:
        raise fail("review", f"must be {' or '.join(map(repr, REVIEW_IDS))}")
    if claim_id[0] != review.lower():
        raise fail("claim_id", f"id prefix must be '{review.lower()}-' for review {review}")
    if row["section"] not in section_paths(review):
        raise fail(
            "section", f"not a section of review {review} (see ifnalpha.reviews.section_paths)"
        )
    if not _LOCATION.match(row["location"]):
        raise fail("location", "must be 'text', 'Fig. N legend', 'Table N' or 'Table N note'")
    group = row["group"]
    if group and not (ID_PATTERN.match(group) and group[0] == review.lower()):
        raise fail("group", "must be empty or a slug with the review's prefix")

    for column in ("quantity", "unit", "value_text"):
        if not row[column].strip():
            raise fail(column, "must not be empty")
        if row[column] != row[column].strip():
            raise fail(column, "has leading or trailing whitespace")
    if row["unit"] not in UNITS:
        raise fail("unit", f"unknown unit (allowed: {', '.join(UNITS)})")
    if row["qualifier"] not in QUALIFIERS:
        raise fail("qualifier", f"unknown qualifier (allowed: {', '.join(QUALIFIERS[1:])})")

    kwargs = {"path": path, "line": line, "claim_id": claim_id}
    point = _number(row["value"], column="value", **kwargs)
    low = _number(row["value_low"], column="value_low", **kwargs)
    high = _number(row["value_high"], column="value_high", **kwargs)
    if point is None:
        if low is None or high is None:
            column = (
                "value"
                if low is None and high is None
                else ("value_low" if low is None else "value_high")
            )
            raise fail(column, "give either value, or both value_low and value_high")
        if low > high:
            raise fail("value_low", f"value_low exceeds value_high ({row['value_high']!r})")
    elif low is not None or high is not None:
        raise fail(
            "value_low" if low is not None else "value_high",
            "a single value must leave value_low and value_high empty",
        )

    printed = row["citations"]
    if printed:
        try:
            numbers = citations.check_numbers(review, citations.parse(printed))
        except ValueError as exc:
            raise fail("citations", str(exc)) from None
        if row["citation_scope"] not in CITATION_SCOPES:
            raise fail("citation_scope", f"must be one of {', '.join(CITATION_SCOPES)}")
    else:
        numbers = ()
        if row["citation_scope"]:
            raise fail("citation_scope", "must be empty when citations is empty")
    if row["quote"] and row["value_text"] not in " ".join(row["quote"].split()):
        raise fail("quote", f"does not contain value_text {row['value_text']!r}")

    return {
        "value": point,
        "value_low": low,
        "value_high": high,
        "citation_numbers": numbers,
    }


def read_ledger(path: str | Path) -> pd.DataFrame:
    """Read a claims ledger file and validate every row.

    Parameters
    ----------
    path : str or pathlib.Path
        A ledger CSV (UTF-8, header on line 1).

    Returns
    -------
    pandas.DataFrame
        As :func:`ifnalpha.evidence.claims.load` describes it.

    Raises
    ------
    FileNotFoundError
        If the file does not exist.
    ValueError
        If a required column is missing or a row breaks a rule; the message names the file,
        the line, the claim, the column and the offending value.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"claims ledger not found: {path}")
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except pd.errors.ParserError as exc:
        raise ValueError(f"{path}: not a readable CSV file: {exc}") from None
    missing = [column for column in REQUIRED_COLUMNS if column not in raw.columns]
    if missing:
        raise ValueError(f"{path}: line 1 (header), missing column(s): {', '.join(missing)}")
    unknown = [column for column in raw.columns if column not in COLUMNS]
    if unknown:
        raise ValueError(f"{path}: line 1 (header), unknown column(s): {', '.join(unknown)}")
    for column in COLUMNS:
        if column not in raw.columns:
            raw[column] = ""
    raw = raw[list(COLUMNS)]
    if raw.empty:
        raise ValueError(f"{path}: no claims")

    seen: dict[str, int] = {}
    parsed = [
        _check_row(record, index + 2, path, seen)
        for index, record in enumerate(raw.to_dict(orient="records"))
    ]
    frame = raw.copy()
    for column in ("value", "value_low", "value_high"):
        frame[column] = pd.Series(
            [math.nan if p[column] is None else p[column] for p in parsed],
            index=frame.index,
            dtype="float64",
        )
    frame["citation_numbers"] = [p["citation_numbers"] for p in parsed]
    return frame.set_index("claim_id")
