"""The book's notes on the reviews: where a review is wrong, dated, overstated, unclear or silent.

``data/annotations.csv`` holds one row per note (layout in ``data/annotations.md``): the review,
the section the passage sits in, the page of the book that shows the note, its kind, the passage
in short, the note in the book's words (MyST text: ``{ra}``/``{rb}`` citations of the review's
own reference numbers, ``{cite:p}`` citations of ``data/references.bib``), the review's reference
numbers the note rests on and the outside sources it cites. :func:`load` reads and checks the
file; an error names the file, the line, the note, the column and the bad value.

Examples
--------
>>> note = get("a-ifnar-binding-order")
>>> note.kind, note.review, note.page
('error', 'A', 'chapters/ibc/ifna-biology')
>>> "deweerd2007" in note.sources
True
>>> KINDS[0]
'error'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ifnalpha import reviews
from ifnalpha.evidence import citations
from ifnalpha.evidence.csv_rows import read_rows
from ifnalpha.paths import data_dir

__all__ = [
    "FILENAME",
    "COLUMNS",
    "KINDS",
    "KIND_DESCRIPTIONS",
    "Annotation",
    "bib_keys",
    "read_annotations",
    "load",
    "get",
    "by_kind",
    "for_page",
]

#: File name of the notes inside the data folder.
FILENAME = "annotations.csv"

#: Columns of the file, in order.
COLUMNS: tuple[str, ...] = (
    "annotation_id", "review", "section", "page", "kind", "passage", "note", "review_refs",
    "sources",
)

#: The kinds of note, in the order the collected page shows them.
KINDS: tuple[str, ...] = ("error", "outdated", "overstated", "ambiguous", "contested", "omitted")

#: What each kind means, as the collected page explains it.
KIND_DESCRIPTIONS: dict[str, str] = {
    "error": "The review states something a cited source contradicts.",
    "outdated": "The review was right when written, or silent on what has changed since.",
    "overstated": "The review draws more from its evidence than the evidence shows.",
    "ambiguous": "The review's wording leaves open what is meant, or why.",
    "contested": "The reviews, or the review and its sources, disagree.",
    "omitted": "The review leaves out something its own argument needs.",
}

_ID = re.compile(r"^[ab](?:-[a-z0-9]+)+$")
_PAGE = re.compile(r"^chapters/(ibc|ifna2b|synthesis)/[a-z0-9-]+$")
_PAGE_FOLDERS = {"A": ("ibc", "synthesis"), "B": ("ifna2b", "synthesis")}
_REVIEW_ROLE = re.compile(r"\{r([ab])\}`([^`]*)`")
_CITE_ROLE = re.compile(r"\{cite:[a-z]+\}`([^`]*)`")
_BIB_KEY = re.compile(r"^\s*@\w+\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)


@dataclass(frozen=True)
class Annotation:
    """One note on a review.

    Attributes
    ----------
    id : str
        Stable slug, ``a-`` or ``b-`` for the review, e.g. ``"a-ifnar-binding-order"``.
    review : str
        ``"A"`` or ``"B"``.
    section : str
        The section path of the passage (:func:`ifnalpha.reviews.section_paths`).
    page : str
        The page of the book that shows the note, e.g. ``"chapters/ibc/ifna-biology"``.
    kind : str
        One of :data:`KINDS`.
    passage : str
        The passage the note is about, in short (a paraphrase, not the review's sentence).
    note : str
        The note, in the book's words, as MyST text.
    review_refs : tuple of int
        The review's own reference numbers the note rests on.
    sources : tuple of str
        Keys of ``data/references.bib`` the note cites for outside facts.
    """

    id: str
    review: str
    section: str
    page: str
    kind: str
    passage: str
    note: str
    review_refs: tuple[int, ...]
    sources: tuple[str, ...]

    @property
    def anchor(self) -> str:
        """The anchor of the note at its place, e.g. ``"review-note-a-ifnar-binding-order"``."""
        return f"review-note-{self.id}"

    @property
    def entry_anchor(self) -> str:
        """The anchor of the note's entry on the collected page."""
        return f"note-entry-{self.id}"


def bib_keys(path: Path | None = None) -> frozenset[str]:
    """Return the entry keys of a BibTeX file (default: the book's ``references.bib``).

    Examples
    --------
    >>> "kok2020" in bib_keys()
    True
    """
    path = Path(path) if path is not None else data_dir() / "references.bib"
    return frozenset(_BIB_KEY.findall(path.read_text(encoding="utf-8")))


def _split(raw: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in raw.split(";") if part.strip())


def _check_row(row: dict[str, str], fail, keys: frozenset[str], root: Path) -> Annotation:
    """Check one row; ``fail(column, reason)`` builds the error to raise."""
    for column in COLUMNS:
        value = row[column]
        if value != value.strip() or "  " in value:
            raise fail(column, "stray whitespace")
    ident, review = row["annotation_id"], row["review"]
    if not _ID.match(ident):
        raise fail("annotation_id", "not a slug starting a- or b-")
    if review not in reviews.REVIEW_IDS:
        raise fail("review", "not a review id")
    if ident[0] != review.lower():
        raise fail("annotation_id", f"prefix does not match review {review}")
    if row["section"] not in reviews.section_paths(review):
        raise fail("section", f"not a section path of review {review}")
    page = row["page"]
    match = _PAGE.match(page)
    if not match or match.group(1) not in _PAGE_FOLDERS[review]:
        raise fail("page", f"not a chapter page of review {review}")
    if (root / "chapters").is_dir() and not any(
        (root / f"{page}{suffix}").is_file() for suffix in (".ipynb", ".md")
    ):
        raise fail("page", "no such page")
    if row["kind"] not in KINDS:
        raise fail("kind", f"not one of {', '.join(KINDS)}")
    for column in ("passage", "note"):
        if not row[column]:
            raise fail(column, "empty")
    try:
        refs = citations.parse(row["review_refs"]) if row["review_refs"] else ()
        refs = tuple(reviews.check_reference(review, n) for n in refs)
    except (TypeError, ValueError) as exc:
        raise fail("review_refs", str(exc)) from None
    for role_review, text in _REVIEW_ROLE.findall(row["note"]):
        try:
            numbers = citations.parse(text)
            for number in numbers:
                reviews.check_reference(role_review, number)
        except (TypeError, ValueError) as exc:
            raise fail("note", f"citation {text!r}: {exc}") from None
        if role_review.upper() == review and not set(numbers) <= set(refs):
            raise fail("note", f"cites {text!r}, not all of it in review_refs")
    sources = _split(row["sources"])
    unknown = [key for key in sources if key not in keys]
    if unknown:
        raise fail("sources", f"not in references.bib: {', '.join(unknown)}")
    cited = {key.strip() for text in _CITE_ROLE.findall(row["note"]) for key in text.split(",")}
    if cited != set(sources):
        raise fail("sources", f"the note cites {sorted(cited)}, the column lists {list(sources)}")
    return Annotation(ident, review, row["section"], page, row["kind"], row["passage"],
                      row["note"], refs, sources)


def read_annotations(path: Path, bib: Path | None = None) -> tuple[Annotation, ...]:
    """Read and check a notes file.

    Parameters
    ----------
    path : Path
        The CSV file.
    bib : Path, optional
        The BibTeX file whose keys ``sources`` may name (default: the book's).

    Raises
    ------
    ValueError
        Naming the file, the line, the note and the column, for a missing or unknown column, a
        malformed or repeated id, an unknown review, section, page or kind, an empty passage or
        note, a reference number outside the review's list, a citation in the note that the
        columns do not list, or a source that ``references.bib`` lacks.
    """
    path = Path(path)
    keys = bib_keys(bib)
    root = data_dir().parent
    notes: list[Annotation] = []
    seen: dict[str, int] = {}
    for line, row in read_rows(path, COLUMNS):
        ident = row.get("annotation_id") or ""

        def fail(column: str, reason: str, line=line, ident=ident, row=row) -> ValueError:
            return ValueError(f"{path}: line {line} (annotation {ident!r}), column "
                              f"{column!r}: bad value {row.get(column)!r}: {reason}")

        if None in row or any(value is None for value in row.values()):
            raise fail("annotation_id", "wrong number of cells")
        if ident in seen:
            raise fail("annotation_id", f"repeats line {seen[ident]}")
        seen[ident] = line
        notes.append(_check_row(row, fail, keys, root))
    return tuple(notes)


@lru_cache(maxsize=4)
def _load(path: str) -> tuple[Annotation, ...]:
    return read_annotations(Path(path))


def load(path: Path | None = None) -> tuple[Annotation, ...]:
    """Return every note of the book's notes file (or of ``path``), checked, in file order.

    Examples
    --------
    >>> len(load()) >= 10
    True
    """
    return _load(str(Path(path) if path is not None else data_dir() / FILENAME))


def get(annotation_id: str, path: Path | None = None) -> Annotation:
    """Return one note by id.

    Raises
    ------
    KeyError
        If no note has that id.
    """
    for note in load(path):
        if note.id == annotation_id:
            return note
    raise KeyError(f"no note on the reviews with id {annotation_id!r}")


def by_kind(path: Path | None = None) -> dict[str, tuple[Annotation, ...]]:
    """Group the notes by kind, in the order of :data:`KINDS` (kinds without notes included).

    Examples
    --------
    >>> list(by_kind())[:2]
    ['error', 'outdated']
    """
    notes = load(path)
    return {kind: tuple(n for n in notes if n.kind == kind) for kind in KINDS}


def for_page(page: str, path: Path | None = None) -> tuple[Annotation, ...]:
    """Return the notes one page shows, e.g. ``for_page("chapters/ibc/ifna-biology")``.

    Examples
    --------
    >>> [n.id for n in for_page("chapters/ifna2b/background")]
    ['b-fda-indications']
    """
    return tuple(note for note in load(path) if note.page == page)
