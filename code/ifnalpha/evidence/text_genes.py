"""Genes and proteins the reviews name in their running text, figure legends and table cells.

``data/atlas/text_genes.csv`` (layout in ``data/atlas/README.md``) holds one row per name per
place: the review, the section path (:func:`ifnalpha.reviews.section_paths`), the location
(``text``, ``Figure 2 legend``, ``Table 1``), the name as printed, the approved HGNC symbols it
stands for, its kind, the family or complex it names, a short context in the book's words and a
note on the symbol. :func:`load` reads and checks the file; an error names the file, the line,
the column and the bad value. The review tables' own gene columns are indexed separately
(:func:`ifnalpha.evidence.atlas.gene_index`); the tests check every printed name against the
review's text at its section.

Examples
--------
>>> frame = load()
>>> row = frame[(frame["printed"] == "RIG-I")].iloc[0]
>>> row["symbols"], row["review"]
(('RIGI',), 'B')
>>> entry_names(row)
('RIGI',)
>>> entry_names(frame[frame["printed"] == "TLRs"].iloc[0])
('TLR (family)',)
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ifnalpha import reviews
from ifnalpha.evidence.csv_rows import read_rows
from ifnalpha.evidence.tables import is_gene_symbol
from ifnalpha.paths import data_dir

__all__ = ["COLUMNS", "FILENAME", "KINDS", "default_path", "entry_names", "load", "load_file"]

#: File of the text-named genes, relative to the data folder.
FILENAME = "atlas/text_genes.csv"

#: Columns of the file, in order.
COLUMNS: tuple[str, ...] = (
    "review", "section", "location", "printed", "symbols", "kind", "group", "context", "note",
)

#: What a printed name is: one gene; a printed group of named genes (``MEK1/2``); a family
#: (expanded only to members the reviews name); a protein complex (expanded to the members the
#: reviews give); or something with no human gene (a pig interferon, a circular RNA).
KINDS: tuple[str, ...] = ("gene", "group", "family", "complex", "other")

_LOCATION = re.compile(r"^(?:text|Table [0-9]+|Figure [0-9]+ legend)$")
_MAX_CONTEXT = 100


def default_path() -> Path:
    """Path of ``data/atlas/text_genes.csv``."""
    return data_dir() / FILENAME


def _bad(path: Path, line: int, column: str, value: object, problem: str) -> ValueError:
    return ValueError(f"{path.name}, line {line}: column {column!r} {problem}, got {value!r}")


def _check_location(path: Path, line: int, review: str, location: str) -> None:
    if not _LOCATION.match(location):
        raise _bad(path, line, "location", location,
                   "must be 'text', 'Table <n>' or 'Figure <n> legend'")
    known = reviews.review(review)
    if location.startswith("Table") and int(location.split()[1]) not in known.tables:
        raise _bad(path, line, "location", location, f"names no table of review {review}")
    figures = {f.split()[1].rstrip("abcdefgh") for f in known.figures}
    if location.startswith("Figure") and location.split()[1] not in figures:
        raise _bad(path, line, "location", location, f"names no figure of review {review}")


def _check_row(path: Path, line: int, row: dict[str, str]) -> tuple[str, ...]:
    """Check one record; return its symbols."""
    for column in ("review", "section", "location", "printed", "kind", "context"):
        if not row[column].strip():
            raise _bad(path, line, column, row[column], "must not be empty")
    if row["review"] not in reviews.REVIEW_IDS:
        raise _bad(path, line, "review", row["review"], f"must be one of {reviews.REVIEW_IDS}")
    if row["section"] not in reviews.section_paths(row["review"]):
        raise _bad(path, line, "section", row["section"],
                   f"is not a section path of review {row['review']}")
    _check_location(path, line, row["review"], row["location"])
    if row["kind"] not in KINDS:
        raise _bad(path, line, "kind", row["kind"], f"must be one of {KINDS}")
    symbols = tuple(row["symbols"].split())
    for symbol in symbols:
        if not is_gene_symbol(symbol):
            raise _bad(path, line, "symbols", row["symbols"],
                       f"holds {symbol!r}, not shaped like an HGNC symbol")
    if len(set(symbols)) != len(symbols):
        raise _bad(path, line, "symbols", row["symbols"], "repeats a symbol")
    if row["kind"] == "gene" and len(symbols) != 1:
        raise _bad(path, line, "symbols", row["symbols"], "must hold one symbol for a gene")
    if row["kind"] == "group" and not symbols:
        raise _bad(path, line, "symbols", row["symbols"], "must name the group's genes")
    if not symbols and not row["group"].strip():
        raise _bad(path, line, "group", row["group"], "must name the family when no symbol")
    if len(row["context"]) > _MAX_CONTEXT:
        raise _bad(path, line, "context", row["context"], f"must be ≤ {_MAX_CONTEXT} characters")
    return symbols


def load_file(path: str | Path) -> pd.DataFrame:
    """Read and check a text-genes file.

    Parameters
    ----------
    path : str or Path
        A CSV file with the columns :data:`COLUMNS`.

    Returns
    -------
    pandas.DataFrame
        The columns of the file, with ``symbols`` as a tuple of str, and ``line`` (the file's
        line number of each row).

    Raises
    ------
    ValueError
        If the header differs from :data:`COLUMNS`, a cell is invalid or a (review, section,
        location, printed) place repeats; the message names the file, line and column.
    """
    path = Path(path)
    records, seen = [], {}
    for line, row in read_rows(path, COLUMNS):
        if None in row or any(v is None for v in row.values()):
            raise ValueError(f"{path.name}, line {line}: expected {len(COLUMNS)} cells")
        symbols = _check_row(path, line, row)
        place = (row["review"], row["section"], row["location"], row["printed"])
        if place in seen:
            raise _bad(path, line, "printed", row["printed"],
                       f"repeats line {seen[place]} at the same place")
        seen[place] = line
        records.append({**row, "symbols": symbols, "line": line})
    return pd.DataFrame(records, columns=[*COLUMNS, "line"])


@lru_cache(maxsize=1)
def _load() -> pd.DataFrame:
    return load_file(default_path())


def load() -> pd.DataFrame:
    """Return the checked rows of ``data/atlas/text_genes.csv`` (a copy; see :func:`load_file`)."""
    return _load().copy()


def entry_names(row: pd.Series | dict) -> tuple[str, ...]:
    """Name the atlas entries of one row: its symbols, or its family or complex if it has none.

    A family or complex the reviews do not break into named genes (``NF-κB``, ``TLR``) gets
    one entry of its own, named ``"<group> (family)"`` or ``"<group> (complex)"``;
    ``"other"`` rows keep the group's name.

    Examples
    --------
    >>> entry_names({"symbols": ("STAT1", "STAT2"), "kind": "group", "group": ""})
    ('STAT1', 'STAT2')
    >>> entry_names({"symbols": (), "kind": "complex", "group": "PRC2"})
    ('PRC2 (complex)',)
    """
    if row["symbols"]:
        return tuple(row["symbols"])
    if row["kind"] in ("family", "complex"):
        return (f"{row['group']} ({row['kind']})",)
    return (row["group"],)
