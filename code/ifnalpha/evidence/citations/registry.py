"""The citation registry in ``data/citations/``: read, write, load, and one entry.

The registry has one row per (review, number), 1-59 for review A and 1-268 for review B, with
what is known of each reference; the citing places file has one row per place a review cites a
number (columns and rules in :mod:`ifnalpha.evidence.citations.schema`). :func:`load_registry`
and :func:`load_places` read both files, validated together; :func:`entry` returns one
reference as a :class:`Reference`.

The reviews' reference lists were not available offline: what the registry knows of a number
comes from the shared verified records, from the reviews' own text (first authors named next to
a number) and from any Crossref record imported later. See ``data/citations/README.md``.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from ifnalpha import reviews
from ifnalpha.evidence.citations.schema import (
    PLACES_COLUMNS,
    RECORD_FIELDS,
    REGISTRY_COLUMNS,
    validate_place_rows,
    validate_registry_rows,
)
from ifnalpha.paths import data_dir


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


def read_table(path: str | Path, columns: Sequence[str]) -> list[dict[str, str]]:
    """Read a CSV file as a list of row dicts (all values strings), checking its header.

    Parameters
    ----------
    path : str or Path
        The file.
    columns : sequence of str
        Columns the header must have (others are kept).

    Returns
    -------
    list of dict

    Raises
    ------
    FileNotFoundError
        If the file is missing.
    ValueError
        If a column is missing or a line has the wrong number of fields (naming file and line).

    Examples
    --------
    >>> len(read_table(registry_path(), REGISTRY_COLUMNS))
    327
    """
    path = Path(path)
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



def _stamp(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return (str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _cached_tables(
    registry: tuple[str, int, int], places: tuple[str, int, int]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read and validate both files (cached on path, modification time and size)."""
    reg_path, pl_path = Path(registry[0]), Path(places[0])
    reg_rows = read_table(reg_path, REGISTRY_COLUMNS)
    validate_registry_rows(reg_rows, reg_path)
    keys = {(row["review"], int(row["number"])) for row in reg_rows}
    place_rows = read_table(pl_path, PLACES_COLUMNS)
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


def registry_frame(registry: pd.DataFrame | str | Path | None = None) -> pd.DataFrame:
    """Return ``registry`` if it is a loaded registry, else load the registry at that path.

    Examples
    --------
    >>> len(registry_frame())
    327
    """
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
    TypeError
        If the review is not a string or the number not an integer.
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
    ValueError: `reference number of review A` must be between 1 and 59, got 60
    """
    review = reviews.review(review).id
    number = reviews.check_reference(review, number)
    frame = registry_frame(registry)
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

