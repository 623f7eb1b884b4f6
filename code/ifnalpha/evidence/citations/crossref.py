"""Complete the citation registry from a saved Crossref work record of a review.

The record is the JSON that ``https://api.crossref.org/works/{DOI}`` returns for a review;
its reference list fills empty registry fields (:func:`import_crossref`; on the command line
``python -m ifnalpha.evidence.citations import-crossref FILE.json --review A``). Saved records
in ``data/citations/crossref/`` are replayed by the registry's rebuild
(:func:`apply_crossref`). A field is filled only when empty; differences are reported.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ifnalpha import checks, reviews
from ifnalpha.evidence.citations.parse import DASHES, number_ranges
from ifnalpha.evidence.citations.registry import read_table, registry_path, write_table
from ifnalpha.evidence.citations.schema import (
    REGISTRY_COLUMNS,
    validate_registry_rows,
    value_problem,
)

_DOI_IN_TEXT = re.compile(r"\b10\.[0-9]{4,9}/[^\s\"<>]+")
_DASH = f"[{DASHES}]"


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
            + (f": numbers {number_ranges(numbers)}" if numbers else ""),
            f"  DOIs confirmed: {number_ranges(self.confirmed) if self.confirmed else 'none'}",
            f"  conflicts (registry value kept): {len(self.conflicts)}",
        ]
        for number, column, mine, theirs in self.conflicts:
            lines.append(f"    [{number}] {column}: registry {mine!r} vs Crossref {theirs!r}")
        if self.rejected:
            lines.append(f"  malformed Crossref values ignored: {len(self.rejected)}")
            for number, column, value in self.rejected:
                lines.append(f"    [{number}] {column}: {value!r}")
        if self.unusable:
            lines.append(f"  entries with nothing usable: {number_ranges(self.unusable)}")
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


def same_value(column: str, mine: str, theirs: str) -> bool:
    """Tell whether a registry value and a record's value say the same thing.

    DOIs compare without case, pages by their first page, authors by a shared surname,
    journals also when one abbreviates the other word by word; anything else after folding
    case, accents and punctuation.

    Parameters
    ----------
    column : str
        The registry column the values belong to.
    mine, theirs : str
        The two values.

    Returns
    -------
    bool

    Examples
    --------
    >>> same_value("journal", "Ann Oncol", "Annals of Oncology")
    True
    >>> same_value("first_author", "Bertucci", "Smith J")
    False
    """
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
    expected = reviews.review(review).doi
    if doi and doi.casefold() != expected.casefold():
        raise ValueError(f"Crossref record is for {doi}, not review {review} ({expected})")
    references = message.get("reference")
    if not isinstance(references, list):
        raise ValueError("Crossref record has no 'reference' list (message.reference)")
    top = reviews.review(review).reference_count
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
    review = reviews.review(review).id
    data = _load_crossref(source)
    references = _crossref_references(data, review)
    by_key = {(row["review"], int(row["number"])): row for row in rows}
    report = CrossrefImport(review=review, entries=len(references))
    source_note = f"Crossref reference list of {reviews.review(review).doi}"

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
            if value_problem(column, value):
                report.rejected.append((number, column, value))
                continue
            current = row[column]
            if not current:
                row[column] = value
                filled.append(column)
                report.filled.append((number, column, value))
            elif not same_value(column, current, value):
                report.conflicts.append((number, column, current, value))
            elif column == "doi":
                report.confirmed.append(number)
        author = values.get("record_first_author", "")
        named = row["first_author"]
        if named and author and not same_value("first_author", named, author):
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
    review = reviews.review(review).id
    checks.flag("write", write)
    checks.flag("save", save)
    data = _load_crossref(source)
    path = registry_path(registry)
    rows = read_table(path, REGISTRY_COLUMNS)
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

