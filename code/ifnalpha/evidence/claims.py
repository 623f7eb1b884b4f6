"""The ledger of quantitative statements made by the two reviews.

Every number the reviews print (shares, survival figures, doses and schedules, counts, molecular
weights, homologies, mutation frequencies, fold changes, years) is one row of ``data/claims.csv``,
keyed by a readable ``claim_id`` such as ``"a-ibc-share-of-diagnoses"`` or ``"b-e1684-rfs-hdi"``.
The file is validated whenever it is loaded (the rules are in
:mod:`ifnalpha.evidence.claims_schema`); the column layout and conventions are documented in
``data/claims.md``.

The helpers :func:`value`, :func:`bounds` and :func:`text` are meant for the book's prose, e.g.
with myst-nb's ``glue``::

    from myst_nb import glue
    from ifnalpha.evidence import claims
    glue("ibc-share", claims.text("a-ibc-share-of-diagnoses"))   # "3%"
"""

from __future__ import annotations

import difflib
import functools
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ifnalpha import checks, reviews
from ifnalpha.evidence.claims_schema import (
    COLUMNS,
    FILENAME,
    QUALIFIERS,
    REQUIRED_COLUMNS,
    UNITS,
    read_ledger,
)
from ifnalpha.paths import data_dir

__all__ = [
    "COLUMNS",
    "REQUIRED_COLUMNS",
    "UNITS",
    "QUALIFIERS",
    "Claim",
    "default_path",
    "load",
    "get",
    "ids",
    "iter_claims",
    "value",
    "bounds",
    "text",
]

@dataclass(frozen=True)
class Claim:
    """One quantitative statement of a review.

    Attributes
    ----------
    claim_id : str
        Stable slug, ``a-…`` for review A and ``b-…`` for review B.
    review : str
        ``"A"`` or ``"B"``.
    section : str
        One of the review's section paths (:func:`ifnalpha.reviews.section_paths`): a section
        title, with a subsection after ``" > "``.
    location : str
        ``"text"``, ``"Fig. N legend"`` or ``"Table N"``.
    group : str
        Shared slug of rows that split one printed statement into several values, else ``""``.
    quantity : str
        What is measured.
    context : str
        Population, arm, cell type or condition the number describes.
    value : float or None
        The printed number; ``None`` for a range.
    value_low, value_high : float or None
        Bounds of a printed range; ``None`` for a single number.
    unit : str
        Unit from :data:`UNITS`.
    value_text : str
        The number exactly as printed, e.g. ``"40–60%"``.
    qualifier : str
        ``"approximately"``, ``"at least"``, … or ``""``.
    quote : str
        A short verbatim excerpt of the review that contains `value_text`.
    citations : tuple of int
        Reference numbers the review gives for the claim.
    citations_text : str
        The citation as printed, without brackets, e.g. ``"5–7"``.
    citation_scope : str
        Where the citation sits relative to the claim (see ``data/claims.md``).
    correction : str
        Explanation when the printed value is an evident typo, else ``""``.
    notes : str
        Free-text remarks.

    """

    claim_id: str
    review: str
    section: str
    location: str
    group: str
    quantity: str
    context: str
    value: float | None
    value_low: float | None
    value_high: float | None
    unit: str
    value_text: str
    qualifier: str
    quote: str
    citations: tuple[int, ...]
    citations_text: str
    citation_scope: str
    correction: str
    notes: str

    @property
    def is_range(self) -> bool:
        """Whether the claim is a printed range (``value_low``–``value_high``)."""
        return self.value is None

    def format(self, qualified: bool = False) -> str:
        """Render the number as printed in the review.

        Parameters
        ----------
        qualified : bool, default False
            Prefix the qualifier (e.g. ``"approximately"``) when there is one.

        Returns
        -------
        str
            `value_text`, optionally preceded by `qualifier`.

        Examples
        --------
        >>> get("a-ibc-survival-15yr").format(qualified=True)
        'approximately 20%'

        """
        if qualified and self.qualifier:
            return f"{self.qualifier} {self.value_text}"
        return self.value_text

    def __str__(self) -> str:
        return self.format(qualified=True)


def default_path() -> Path:
    """Return the path of the ledger file in the book's data folder.

    Returns
    -------
    pathlib.Path
        ``<data folder>/claims.csv``.

    Examples
    --------
    >>> default_path().name
    'claims.csv'

    """
    return data_dir() / FILENAME



@functools.lru_cache(maxsize=8)
def _load_cached(path_str: str, mtime_ns: int) -> pd.DataFrame:
    """Read and validate a ledger (cached on its path and modification time)."""
    return read_ledger(path_str)


def _frame(path: str | Path | None) -> pd.DataFrame:
    """Return the validated ledger at ``path`` (default :func:`default_path`), not a copy."""
    resolved = (Path(path) if path is not None else default_path()).resolve()
    if not resolved.is_file():
        raise FileNotFoundError(f"claims ledger not found: {resolved}")
    return _load_cached(str(resolved), resolved.stat().st_mtime_ns)


def load(path: str | Path | None = None) -> pd.DataFrame:
    """Load and validate the claims ledger.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        A ledger CSV; defaults to :func:`default_path` (``data/claims.csv``).

    Returns
    -------
    pandas.DataFrame
        One row per claim, indexed by ``claim_id``, with the file's columns; ``value``,
        ``value_low`` and ``value_high`` are floats (NaN where empty) and the extra column
        ``citation_numbers`` holds each claim's references as a tuple of int.

    Raises
    ------
    ValueError
        If a required column is missing or any row breaks a rule (id format or duplicate,
        review, section, unit, qualifier, numbers, range order, citations out of range for the
        review, …). The message names the file, the line, the claim, the column and the
        offending value.
    FileNotFoundError
        If the file does not exist.

    Examples
    --------
    >>> frame = load()
    >>> frame.loc["a-ibc-share-of-diagnoses", "value_text"]
    '3%'
    >>> frame.loc["a-subtype-tn-ibc", ["value_low", "value_high"]].tolist()
    [20.0, 40.0]

    """
    return _frame(path).copy()


def _optional(number: float) -> float | None:
    return None if math.isnan(number) else float(number)


def _claim(claim_id: str, row: pd.Series) -> Claim:
    return Claim(
        claim_id=claim_id,
        review=str(row["review"]),
        section=str(row["section"]),
        location=str(row["location"]),
        group=str(row["group"]),
        quantity=str(row["quantity"]),
        context=str(row["context"]),
        value=_optional(row["value"]),
        value_low=_optional(row["value_low"]),
        value_high=_optional(row["value_high"]),
        unit=str(row["unit"]),
        value_text=str(row["value_text"]),
        qualifier=str(row["qualifier"]),
        quote=str(row["quote"]),
        citations=tuple(int(n) for n in row["citation_numbers"]),
        citations_text=str(row["citations"]),
        citation_scope=str(row["citation_scope"]),
        correction=str(row["correction"]),
        notes=str(row["notes"]),
    )


def get(claim_id: str, *, path: str | Path | None = None) -> Claim:
    """Return one claim by id.

    Parameters
    ----------
    claim_id : str
        A ``claim_id`` of the ledger.
    path : str or pathlib.Path, optional
        Another ledger file (for tests).

    Returns
    -------
    Claim
        The claim, with typed fields.

    Raises
    ------
    TypeError
        If `claim_id` is not a string.
    ValueError
        If the id is unknown; the message names it and suggests close matches.

    Examples
    --------
    >>> claim = get("b-hdi-induction-dose")
    >>> claim.value, claim.unit, claim.citations
    (20.0, 'MU/m2', (172,))

    """
    checks.string("claim_id", claim_id)
    frame = _frame(path)
    if claim_id not in frame.index:
        known = [str(i) for i in frame.index]
        close = difflib.get_close_matches(str(claim_id), known, n=3, cutoff=0.6)
        hint = (
            f"; did you mean {', '.join(repr(c) for c in close)}?"
            if close
            else ("; see ifnalpha.evidence.claims.ids() for the list")
        )
        raise ValueError(f"unknown claim id {claim_id!r}{hint}")
    return _claim(claim_id, frame.loc[claim_id])


def ids(review: str | None = None, *, path: str | Path | None = None) -> list[str]:
    """List claim ids in file order.

    Parameters
    ----------
    review : str, optional
        ``"A"`` or ``"B"`` to keep one review's claims.
    path : str or pathlib.Path, optional
        Another ledger file.

    Returns
    -------
    list of str
        The ids.

    Examples
    --------
    >>> ids("A")[:2]
    ['a-ibc-survival-vs-non-ibc', 'a-ibc-share-of-diagnoses']

    """
    frame = _frame(path)
    if review is not None:
        frame = frame[frame["review"] == reviews.review(review).id]
    return [str(i) for i in frame.index]


def iter_claims(review: str | None = None, *, path: str | Path | None = None) -> Iterator[Claim]:
    """Iterate over the claims as :class:`Claim` objects, in file order.

    Parameters
    ----------
    review : str, optional
        ``"A"`` or ``"B"`` to keep one review's claims.
    path : str or pathlib.Path, optional
        Another ledger file.

    Yields
    ------
    Claim
        Each claim.

    Examples
    --------
    >>> sum(1 for c in iter_claims("B") if c.unit == "MU/m2")
    2

    """
    frame = _frame(path)
    for claim_id in ids(review, path=path):
        yield _claim(claim_id, frame.loc[claim_id])


def value(claim_id: str, *, path: str | Path | None = None) -> float:
    """Return a claim's single printed number as a Python float.

    Parameters
    ----------
    claim_id : str
        A ``claim_id``.
    path : str or pathlib.Path, optional
        Another ledger file.

    Returns
    -------
    float
        The value as printed (never rounded or converted).

    Raises
    ------
    ValueError
        If the id is unknown, or the claim is a range (use :func:`bounds`).

    Examples
    --------
    >>> value("a-breast-cancers-ifna-positive")
    63.3

    """
    claim = get(claim_id, path=path)
    if claim.value is None:
        raise ValueError(
            f"claim {claim_id!r} is a range ({claim.value_text}); use claims.bounds() instead"
        )
    return claim.value


def bounds(claim_id: str, *, path: str | Path | None = None) -> tuple[float, float]:
    """Return a claim's range as ``(low, high)``; a single value gives ``(value, value)``.

    Parameters
    ----------
    claim_id : str
        A ``claim_id``.
    path : str or pathlib.Path, optional
        Another ledger file.

    Returns
    -------
    tuple of float
        Lower and upper bound as printed.

    Examples
    --------
    >>> bounds("a-ibc-survival-5yr")
    (40.0, 60.0)
    >>> bounds("a-ibc-share-of-deaths")
    (10.0, 10.0)

    """
    claim = get(claim_id, path=path)
    if claim.value is not None:
        return (claim.value, claim.value)
    assert claim.value_low is not None and claim.value_high is not None
    return (claim.value_low, claim.value_high)


def text(claim_id: str, *, qualified: bool = False, path: str | Path | None = None) -> str:
    """Return a claim's number exactly as printed, for gluing into prose.

    Parameters
    ----------
    claim_id : str
        A ``claim_id``.
    qualified : bool, default False
        Prefix the qualifier (``"approximately"``, ``"at least"``, …) when there is one.
    path : str or pathlib.Path, optional
        Another ledger file.

    Returns
    -------
    str
        The printed form, e.g. ``"40–60%"`` or ``"20 MU/m2"``.

    Examples
    --------
    >>> text("a-ibc-survival-5yr")
    '40–60%'
    >>> text("b-ifna-subtype-count", qualified=True)
    'at least twenty-four'

    """
    checks.flag("qualified", qualified)
    return get(claim_id, path=path).format(qualified=qualified)
