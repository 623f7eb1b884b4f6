"""Build the citation registry from the review texts and the shared verified records.

Run ``python -m ifnalpha.evidence.citations.build`` to regenerate, deterministically,

- ``data/citations/citing_places.csv``: one row per place a review cites a number, found by
  parsing the review texts (:func:`ifnalpha.evidence.citations.places.find_places`), with the
  review's section and subsection, the location (text, a table, a figure legend), the line, the
  printed citation and the curated ``cited_for`` label of the place;
- ``data/citations/registry.csv``: one row per (review, number), 1-59 and 1-268, with the
  first authors and years the text names next to a number, the verified shared records, and
  any saved Crossref record replayed on top.

Inputs
------
- the review texts (:attr:`ifnalpha.reviews.Review.text_file`) in
  :func:`ifnalpha.paths.reviews_dir` (``../shared/reviews`` beside the repository, or
  ``$IFNALPHA_REVIEWS``; ``--reviews``);
- the verified records, :func:`ifnalpha.paths.verified_references_file`
  (``../shared/references/verified-references.csv``, or ``$IFNALPHA_REFERENCES``;
  ``--references``);
- curated files in ``data/citations/curated/``: ``cited_for.csv`` (the label of each place,
  written by reading the sentence; checked against the parsed place's line and citation),
  ``named_in_text.csv`` (first authors and years named in the text, checked against the text),
  ``notes.csv`` (remarks on single numbers) and ``records.csv`` (further verified records, in
  the columns of the shared file; a number may have only one record);
- saved Crossref work records ``data/citations/crossref/review-<A|B>.json`` (written by
  ``python -m ifnalpha.evidence.citations import-crossref``), if any.

``--draft-labels FILE`` writes, instead, a worksheet of every place with its sentence for
writing or revising the labels.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from ifnalpha import paths
from ifnalpha.evidence.citations.crossref import apply_crossref, same_value
from ifnalpha.evidence.citations.places import find_places
from ifnalpha.evidence.citations.registry import load_registry, read_table, write_table
from ifnalpha.evidence.citations.schema import (
    PLACES_COLUMNS,
    REGISTRY_COLUMNS,
    validate_registry_rows,
)
from ifnalpha.reviews import REVIEW_IDS, REVIEWS

CURATED_LABELS = ("review", "place", "line", "citation", "cited_for")
CURATED_NAMES = (
    "review", "number", "first_author", "year", "name_in_text", "name_tie", "candidates"
)
CURATED_NOTES = ("review", "number", "note")


def _texts(reviews_dir: Path) -> dict[str, str]:
    """Read the two reviews' texts, by review id."""
    return {
        review.id: (reviews_dir / review.text_file).read_text(encoding="utf-8")
        for review in REVIEWS.values()
    }


def _review_of(path: Path, row: Mapping[str, str]) -> str:
    """Return the review id of a curated row, or raise a ValueError naming file and row."""
    review = row["review"].strip()
    if review not in REVIEW_IDS:
        raise ValueError(f"{path}: row {dict(row)!r}: review must be one of {REVIEW_IDS}")
    return review


def _flat(text: str) -> str:
    """Text on one line with hyphenation and no-break spaces undone (for quoting checks)."""
    text = re.sub(r"(\w)[-\u2010\u2011]\n(\w)", r"\1\2", text)
    return " ".join(text.replace("\u00a0", " ").split())


def _check_quote(review: str, flat: str, quote: str, number: str) -> None:
    """Check that a quoted naming phrase ("Name et al. … [n]") stands in the text."""
    pieces = [p.strip() for p in quote.split("…")]
    position = 0
    for piece in pieces:
        found = flat.find(piece, position)
        if found < 0 or (position and found - position > 600):
            raise ValueError(f"review {review}: {quote!r} is not in the text")
        position = found + len(piece)
    if number and not re.search(rf"[\[(][^\])]*\b{number}\b", pieces[-1]):
        raise ValueError(f"review {review}: {quote!r} does not end in a citation of {number}")


def _named(texts: dict[str, str], names_path: Path) -> dict[tuple[str, int], dict[str, str]]:
    """Read the curated names, check them against the texts, return tied ones by number."""
    rows = read_table(names_path, CURATED_NAMES)
    tied: dict[tuple[str, int], dict[str, str]] = {}
    listed: dict[str, set[str]] = {review: set() for review in REVIEW_IDS}
    for row in rows:
        review = _review_of(names_path, row)
        _check_quote(review, _flat(texts[review]), row["name_in_text"], row["number"])
        listed[review].add(row["first_author"])
        if row["number"]:
            key = (review, int(row["number"]))
            if key in tied:
                raise ValueError(f"{names_path}: {key} named twice")
            tied[key] = row
    # Every "Name et al." in the running text must be curated (tied or listed as untied).
    for review, text in texts.items():
        for match in re.finditer(r"([A-Z][A-Za-z\u00c0-\u017f'-]+)\s+et\s+al\.", _flat(text)):
            name = match.group(1)
            if name == "Xiong" and review == "B":
                continue  # page header
            if name not in listed[review]:
                raise ValueError(f"review {review}: {name} et al. is named but not curated")
    return tied


def _verified(path: Path) -> list[dict[str, str]]:
    rows = read_table(path, ("review", "number", "doi"))
    return [row | {"_file": str(path)} for row in rows if row["number"].strip()]


def build(
    reviews_dir: Path | None = None,
    references_csv: Path | None = None,
    out_dir: Path | None = None,
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Build the registry and citing-places rows and write both CSV files.

    Parameters
    ----------
    reviews_dir : Path, optional
        Folder with the two review texts; by default :func:`ifnalpha.paths.reviews_dir`.
    references_csv : Path, optional
        The shared verified records; by default
        :func:`ifnalpha.paths.verified_references_file`.
    out_dir : Path, optional
        Where the curated inputs are read and the outputs written; by default
        ``data/citations`` under :func:`ifnalpha.paths.data_dir`.

    Returns
    -------
    (list of dict, list of dict)
        The registry rows and the citing-place rows, as written.
    """
    reviews_dir = Path(reviews_dir) if reviews_dir is not None else paths.reviews_dir()
    if references_csv is None:
        references_csv = paths.verified_references_file()
    out_dir = Path(out_dir) if out_dir is not None else paths.data_dir() / "citations"
    curated = out_dir / "curated"
    texts = _texts(reviews_dir)

    labels = {
        (row["review"], int(row["place"])): row
        for row in read_table(curated / "cited_for.csv", CURATED_LABELS)
    }
    place_rows: list[dict[str, str]] = []
    used: set[tuple[str, int]] = set()
    for review in REVIEW_IDS:
        for place in find_places(review, texts[review]):
            key = (review, place.place)
            label = labels.get(key)
            if label is None:
                raise ValueError(f"no cited_for label for review {review} place {place.place}")
            if (int(label["line"]), label["citation"]) != (place.line, place.citation):
                raise ValueError(
                    f"label of review {review} place {place.place} is for line {label['line']} "
                    f"{label['citation']}, but the text has {place.citation} at line {place.line}"
                )
            used.add(key)
            for number in place.numbers:
                place_rows.append(
                    {
                        "review": review,
                        "number": str(number),
                        "place": str(place.place),
                        "section": place.section,
                        "subsection": place.subsection,
                        "location": place.location,
                        "line": str(place.line),
                        "citation": place.citation,
                        "cited_for": label["cited_for"].strip(),
                    }
                )
    unused = sorted(set(labels) - used)
    if unused:
        raise ValueError(f"labels for places not in the text: {unused}")

    rows: dict[tuple[str, int], dict[str, str]] = {}
    for review in REVIEWS.values():
        for number in range(1, review.reference_count + 1):
            row = {column: "" for column in REGISTRY_COLUMNS}
            row.update(review=review.id, number=str(number))
            rows[(review.id, number)] = row

    for key, named in _named(texts, curated / "named_in_text.csv").items():
        for column in ("first_author", "year", "name_in_text", "name_tie"):
            rows[key][column] = named[column].strip()

    extra = curated / "records.csv"
    records = _verified(references_csv) + (_verified(extra) if extra.is_file() else [])
    seen: dict[tuple[str, int], str] = {}
    for record in records:
        key = (_review_of(Path(record["_file"]), record), int(record["number"]))
        if key in seen:
            raise ValueError(f"review {key[0]} number {key[1]} has two records ({seen[key]})")
        seen[key] = record["verified_from"]
        if not record["verified_from"].strip() or not record["number_basis"].strip():
            raise ValueError(f"record for {key} lacks verified_from or number_basis")
        row = rows[key]
        for column in ("authors", "title", "journal", "volume", "issue", "pages", "doi",
                       "pmid", "pmcid", "number_basis", "verified_from"):
            row[column] = " ".join(record[column].split())
        row["record_year"] = record["year"].strip()
        first = row["authors"].split(";")[0].strip()
        if first and first.lower() != "et al.":
            row["record_first_author"] = first
        if row["first_author"] and first and not same_value(
            "first_author", row["first_author"], first
        ):
            raise ValueError(f"{key}: text names {row['first_author']}, record has {first}")

    for note in read_table(curated / "notes.csv", CURATED_NOTES):
        key = (_review_of(curated / "notes.csv", note), int(note["number"]))
        rows[key]["notes"] = note["note"].strip()

    registry_rows = [rows[key] for key in sorted(rows)]
    for review in REVIEW_IDS:
        saved = out_dir / "crossref" / f"review-{review}.json"
        if saved.is_file():
            report = apply_crossref(registry_rows, saved, review)
            print(report.summary().replace("\n  dry run: nothing written", ""))

    validate_registry_rows(registry_rows, out_dir / "registry.csv")
    write_table(out_dir / "registry.csv", REGISTRY_COLUMNS, registry_rows)
    write_table(out_dir / "citing_places.csv", PLACES_COLUMNS, place_rows)
    load_registry(out_dir / "registry.csv")  # validates both files together
    return registry_rows, place_rows


def draft_labels(reviews_dir: Path, out: Path, existing: Path | None) -> None:
    """Write a worksheet of every place with its sentence (and any existing label)."""
    labels: dict[tuple[str, int], str] = {}
    if existing and existing.is_file():
        labels = {
            (row["review"], int(row["place"])): row["cited_for"]
            for row in read_table(existing, CURATED_LABELS)
        }
    rows = []
    for review, text in _texts(reviews_dir).items():
        for place in find_places(review, text):
            rows.append(
                {
                    "review": review,
                    "place": place.place,
                    "line": place.line,
                    "citation": place.citation,
                    "location": place.location,
                    "section": f"{place.section} / {place.subsection}".rstrip(" /"),
                    "context": place.context,
                    "cited_for": labels.get((review, place.place), ""),
                }
            )
    write_table(out, list(rows[0]), rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: rebuild the registry (or write a labelling worksheet)."""
    parser = argparse.ArgumentParser(prog="python -m ifnalpha.evidence.citations.build")
    parser.add_argument("--reviews", type=Path, default=None, help="default: ../shared/reviews")
    parser.add_argument(
        "--references",
        type=Path,
        default=None,
        help="default: ../shared/references/verified-references.csv",
    )
    parser.add_argument("--out", type=Path, default=None, help="default: data/citations")
    parser.add_argument("--draft-labels", type=Path, default=None, metavar="CSV")
    args = parser.parse_args(argv)
    out_dir = args.out or paths.data_dir() / "citations"
    if args.draft_labels:
        reviews_dir = args.reviews or paths.reviews_dir()
        draft_labels(reviews_dir, args.draft_labels, out_dir / "curated" / "cited_for.csv")
        print(f"worksheet written: {args.draft_labels}")
        return 0
    registry_rows, place_rows = build(args.reviews, args.references, out_dir)
    for review in REVIEW_IDS:
        mine = [r for r in place_rows if r["review"] == review]
        records = [r for r in registry_rows if r["review"] == review and r["number_basis"]]
        named = [r for r in registry_rows if r["review"] == review and r["first_author"]]
        print(
            f"review {review}: {len({r['place'] for r in mine})} citing places, "
            f"{len({r['number'] for r in mine})} numbers cited, {len(named)} first authors "
            f"named, {len(records)} records tied"
        )
    print(f"written: {out_dir / 'registry.csv'}, {out_dir / 'citing_places.csv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
