"""The ledger of quantitative statements made by the two reviews.

Every number the reviews print (shares, survival figures, doses and schedules, counts, molecular
weights, homologies, mutation frequencies, fold changes, years) is one row of ``data/claims.csv``,
keyed by a readable ``claim_id`` such as ``"a-ibc-share-of-diagnoses"`` or ``"b-e1684-rfs-hdi"``.
The file is validated whenever it is loaded; the column layout and conventions are documented
in ``data/claims.md``.

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
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ifnalpha.evidence import citations as _citations
from ifnalpha.paths import data_dir

__all__ = [
    "COLUMNS",
    "REQUIRED_COLUMNS",
    "SECTIONS",
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

_A_ISG = "Interferon alpha-stimulated genes in IBC tumors and resulting phenotypes"
_A_TME = "IFNα in the IBC tumor microenvironment"
_B_MECH = "Antitumour mechanism of IFN-α2b and relevant potential regulatory factors"
_B_CLIN = "Clinical application"
_B_CHAL = "The current challenges"

#: Allowed ``section`` values per review: the section titles listed in the reviews' README,
#: with a subsection appended after ``" > "``.
SECTIONS: dict[str, tuple[str, ...]] = {
    "A": (
        "Abstract",
        "Background",
        "Interferon alpha in IBC",
        "Overview of IFNα biology and signaling",
        "Intracellular regulation of IFNα production",
        "Intracellular regulation of IFNα production > transcriptional regulation",
        "Intracellular regulation of IFNα production > mechanisms in IBC",
        _A_ISG,
        f"{_A_ISG} > non-canonical ISG induction",
        _A_TME,
        f"{_A_TME} > immune escape",
        f"{_A_TME} > dendritic cells",
        f"{_A_TME} > tumor-associated macrophages",
        f"{_A_TME} > cancer-associated fibroblasts",
        f"{_A_TME} > endothelial cells",
        "Conclusion",
    ),
    "B": (
        "Abstract",
        "Background",
        "Overview of IFN-α family proteins",
        _B_MECH,
        f"{_B_MECH} > JAK-STAT pathway",
        f"{_B_MECH} > other pathways",
        f"{_B_MECH} > direct and indirect effects and the function of ISGs",
        f"{_B_MECH} > potential regulatory factors",
        f"{_B_MECH} > potential regulatory factors: IFNAR",
        f"{_B_MECH} > potential regulatory factors: JAK1 and TYK2",
        f"{_B_MECH} > potential regulatory factors: ISGF3",
        _B_CLIN,
        f"{_B_CLIN} > melanoma",
        f"{_B_CLIN} > haematological tumours",
        f"{_B_CLIN} > digestive system tumours",
        f"{_B_CLIN} > other tumours",
        _B_CHAL,
        f"{_B_CHAL} > poor response",
        f"{_B_CHAL} > inclusion of patients and indication of effects",
        f"{_B_CHAL} > adverse effects and complications",
        f"{_B_CHAL} > delivery and preparation",
        "Conclusions and future perspectives",
    ),
}

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
        Section title as listed in the reviews' README, subsection after ``" > "``.
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


def _validate_row(row: dict[str, str], line: int, path: Path, seen: dict[str, int]) -> dict:
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
    if review not in SECTIONS:
        raise fail("review", "must be 'A' or 'B'")
    if claim_id[0] != review.lower():
        raise fail("claim_id", f"id prefix must be '{review.lower()}-' for review {review}")
    if row["section"] not in SECTIONS[review]:
        raise fail("section", f"not a section of review {review} (see claims.SECTIONS)")
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
            numbers = _citations.parse(printed)
            _citations.check_numbers(review, numbers)
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


@functools.lru_cache(maxsize=8)
def _load_cached(path_str: str, mtime_ns: int) -> pd.DataFrame:
    path = Path(path_str)
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
        _validate_row(record, index + 2, path, seen)
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
    resolved = Path(path) if path is not None else default_path()
    resolved = resolved.resolve()
    if not resolved.is_file():
        raise FileNotFoundError(f"claims ledger not found: {resolved}")
    return _load_cached(str(resolved), resolved.stat().st_mtime_ns).copy()


def _frame(path: str | Path | None) -> pd.DataFrame:
    resolved = (Path(path) if path is not None else default_path()).resolve()
    if not resolved.is_file():
        raise FileNotFoundError(f"claims ledger not found: {resolved}")
    return _load_cached(str(resolved), resolved.stat().st_mtime_ns)


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
    ValueError
        If the id is unknown; the message names it and suggests close matches.

    Examples
    --------
    >>> claim = get("b-hdi-induction-dose")
    >>> claim.value, claim.unit, claim.citations
    (20.0, 'MU/m2', (172,))

    """
    frame = _frame(path)
    if not isinstance(claim_id, str) or claim_id not in frame.index:
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
        frame = frame[frame["review"] == _citations.check_review(review)]
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
    return get(claim_id, path=path).format(qualified=qualified)
