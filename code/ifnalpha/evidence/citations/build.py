"""Build the citation registry from the review texts and the shared verified records.

Run ``python -m ifnalpha.evidence.citations.build`` to regenerate, deterministically,

- ``data/citations/citing_places.csv``: one row per place a review cites a number, found by
  parsing the review texts (:func:`ifnalpha.evidence.citations.find_citations`), with the review's
  section and subsection, the location (text, a table, a figure legend), the line, the printed
  citation and the curated ``cited_for`` label of the place;
- ``data/citations/registry.csv``: one row per (review, number), 1-59 and 1-268, with the
  first authors and years the text names next to a number, the verified shared records, and
  any saved Crossref record replayed on top.

Inputs
------
- the review texts: ``$IFNALPHA_REVIEWS`` or ``/work/shared/reviews`` (``--reviews``);
- the verified records: ``$IFNALPHA_REFERENCES`` or
  ``/work/shared/references/verified-references.csv`` (``--references``);
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
import csv
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ifnalpha.evidence import citations
from ifnalpha.evidence.citations import registry
from ifnalpha.paths import data_dir

REVIEWS_DIR = Path(os.environ.get("IFNALPHA_REVIEWS", "/work/shared/reviews"))
REFERENCES_CSV = Path(
    os.environ.get(
        "IFNALPHA_REFERENCES", "/work/shared/references/verified-references.csv"
    )
)

#: Heading markers of each review: (start of the heading line, section, subsection).
#: A subsection of ``None`` keeps the current subsection; ``""`` clears it.
HEADINGS: dict[str, list[tuple[str, str, str]]] = {
    "A": [
        ("Abstract", "Abstract", ""),
        ("Background", "Background", ""),
        ("Interferon alpha in inflammatory breast cancer", "Interferon alpha in IBC", ""),
        (
            "An overview of interferon alpha biology and signaling",
            "Overview of IFNα biology and signaling",
            "",
        ),
        (
            "Intracellular regulation of interferon alpha production",
            "Intracellular regulation of IFNα production",
            "",
        ),
        (
            "Transcriptional regulation of interferon alpha",
            "Intracellular regulation of IFNα production",
            "Transcriptional regulation",
        ),
        (
            "Mechanisms contributing to interferon alpha transcription",
            "Intracellular regulation of IFNα production",
            "Mechanisms in IBC",
        ),
        (
            "Interferon alpha-stimulated genes in IBC tumors and",
            "Interferon alpha-stimulated genes in IBC tumors and resulting phenotypes",
            "",
        ),
        (
            "Non-canonical interferon stimulated gene induction by",
            "Interferon alpha-stimulated genes in IBC tumors and resulting phenotypes",
            "Non-canonical ISG induction",
        ),
        (
            "Interferon alpha in the IBC tumor microenvironment",
            "IFNα in the IBC tumor microenvironment",
            "",
        ),
        (
            "The contribution of interferon alpha to tumor cell immune",
            "IFNα in the IBC tumor microenvironment",
            "Immune escape",
        ),
        ("Dendritic cells\n", "IFNα in the IBC tumor microenvironment", "Dendritic cells"),
        (
            "Tumor-associated macrophages\n",
            "IFNα in the IBC tumor microenvironment",
            "Tumor-associated macrophages",
        ),
        (
            "Cancer-associated fibroblasts\n",
            "IFNα in the IBC tumor microenvironment",
            "Cancer-associated fibroblasts",
        ),
        ("Endothelial cells\n", "IFNα in the IBC tumor microenvironment", "Endothelial cells"),
        ("Conclusion\n", "Conclusion", ""),
    ],
    "B": [
        ("Abstract", "Abstract", ""),
        ("Background", "Background", ""),
        ("Overview of IFN", "Overview of IFN-α family proteins", ""),
        (
            "Antitumour mechanism of IFN",
            "Antitumour mechanism of IFN-α2b and relevant potential regulatory factors",
            "",
        ),
        (
            "Signalling pathways induced by IFN",
            "Antitumour mechanism of IFN-α2b and relevant potential regulatory factors",
            "JAK-STAT pathway",
        ),
        (
            "Other pathways\n",
            "Antitumour mechanism of IFN-α2b and relevant potential regulatory factors",
            "Other pathways",
        ),
        (
            "The direct and indirect effects of IFN",
            "Antitumour mechanism of IFN-α2b and relevant potential regulatory factors",
            "Direct and indirect effects and the function of ISGs",
        ),
        (
            "Potential regulatory factors of",
            "Antitumour mechanism of IFN-α2b and relevant potential regulatory factors",
            "Potential regulatory factors",
        ),
        (
            "IFNAR The IFNAR family",
            "Antitumour mechanism of IFN-α2b and relevant potential regulatory factors",
            "Potential regulatory factors: IFNAR",
        ),
        (
            "JAK1 and TYK2 JAK1 and TYK2 belong",
            "Antitumour mechanism of IFN-α2b and relevant potential regulatory factors",
            "Potential regulatory factors: JAK1 and TYK2",
        ),
        (
            "ISGF3 ISGF3 is composed",
            "Antitumour mechanism of IFN-α2b and relevant potential regulatory factors",
            "Potential regulatory factors: ISGF3",
        ),
        ("Clinical application of IFN", "Clinical application", ""),
        ("Melanoma\n", "Clinical application", "Melanoma"),
        ("Haematological tumours\n", "Clinical application", "Haematological tumours"),
        ("Digestive system tumours\n", "Clinical application", "Digestive system tumours"),
        ("Other tumours\n", "Clinical application", "Other tumours"),
        ("The current challenges of IFN", "The current challenges", ""),
        ("Challenges in the poor response", "The current challenges", "Poor response"),
        (
            "Challenges and advances in the inclusion of patients",
            "The current challenges",
            "Inclusion of patients and indication of effects",
        ),
        (
            "Challenges in the adverse effects",
            "The current challenges",
            "Adverse effects and complications",
        ),
        (
            "Challenges and advances in the delivery",
            "The current challenges",
            "Delivery and preparation",
        ),
        ("Conclusions and future perspectives", "Conclusions and future perspectives", ""),
    ],
}

#: Tables and figure legends flattened into the text: (location, first line, last line).
#: A citation inside one gets the location and the section of the block's first mention in
#: the running text ("Table 2", "Fig. 3").
BLOCKS: dict[str, list[tuple[str, str, str]]] = {
    "A": [
        ("Figure 1 legend", "Fig. 1 Downstream IFNα signaling", "robust levels of IRF9"),
        ("Table 1", "Table 1 Transcription factor complexes", "phosphorylated STAT1 dimers"),
        ("Figure 2 legend", "Fig. 2 Transcriptional activation", "further promote the activation"),
        ("Table 2", "Table 2 Interferon-stimulated genes implicated", "outlined. All ISGs have"),
        ("Figure 3 legend", "Fig. 3 Proposed implications", "macrophages may have the capability"),
    ],
    "B": [
        ("Figure 1 legend", "Fig. 1 The result of protein sequence", "https://www.ncbi.nlm.nih.gov"),
        ("Figure 2 legend", "Fig. 2 The presentation of the 2D", "https://pubchem.ncbi.nlm.nih.gov"),
        ("Figure 3 legend", "Fig. 3 The presentation of the pathways", "rounded rectangles"),
        ("Table 1", "Table 1 The pathways that could be activated", "[42]"),
        ("Table 2", "Table 2 Some ISGs that were demonstrated", "[63, 64]"),
        ("Figure 4 legend", "Fig. 4 The presentation of the proteins", "https://cn.string-db.org"),
        ("Table 3", "Table 3 Review of the regulators of JAK1", "[117]"),
        ("Table 3", "Table 3 (continued)", "[121]"),
        ("Table 4", "Table 4 Review of the regulators of ISGF3", "[157]"),
    ],
}

REVIEW_FILES = {"A": "ibc-ifn-alpha-review.txt", "B": "ifn-alpha2b-review.txt"}

CURATED_LABELS = ("review", "place", "line", "citation", "cited_for")
CURATED_NAMES = (
    "review", "number", "first_author", "year", "name_in_text", "name_tie", "candidates"
)
CURATED_NOTES = ("review", "number", "note")


@dataclass(frozen=True)
class Place:
    """One place where a review cites one or more numbers."""

    review: str
    place: int
    line: int
    citation: str
    numbers: tuple[int, ...]
    section: str
    subsection: str
    location: str
    context: str


def _line_start(text: str, marker: str, after: int = 0) -> int:
    """Offset of the single line that starts with `marker` (after optional blanks)."""
    body = r"[ \t\u00a0]+".join(re.escape(part) for part in marker.split(" "))
    pattern = re.compile(r"(?m)^[ \t\u00a0]*" + body)
    hits = [m.start() for m in pattern.finditer(text) if m.start() >= after]
    if after == 0 and len(hits) != 1:
        raise ValueError(f"heading or block marker {marker!r} found {len(hits)} times")
    if not hits:
        raise ValueError(f"marker {marker!r} not found")
    return hits[0]


def _blocks(review: str, text: str) -> list[tuple[str, int, int]]:
    """(location, start, end) of each table or figure legend in the text."""
    spans = []
    for location, first, last in BLOCKS[review]:
        start = _line_start(text, first)
        end_at = text.find(last, start)
        if end_at < 0:
            raise ValueError(f"end of {location} ({last!r}) not found")
        end = text.find("\n", end_at)
        spans.append((location, start, len(text) if end < 0 else end))
    return spans


def _headings(review: str, text: str) -> list[tuple[int, str, str]]:
    marks = [(_line_start(text, m), s, sub) for m, s, sub in HEADINGS[review]]
    if [m[0] for m in marks] != sorted(m[0] for m in marks):
        raise ValueError(f"headings of review {review} are out of order")
    return marks


def _section_at(marks: list[tuple[int, str, str]], offset: int) -> tuple[str, str]:
    section, subsection = marks[0][1], marks[0][2]
    for start, sec, sub in marks:
        if start > offset:
            break
        section, subsection = sec, sub
    return section, subsection


def _first_mention(text: str, location: str, blocks: list[tuple[str, int, int]]) -> int:
    """Offset of the first mention of a table or figure in the running text."""
    kind, number = location.split()[:2]
    if kind == "Table":
        pattern = rf"\bTable\s+{number}\b"
    else:
        pattern = rf"\bFig(?:ure|\.)\s*{number}(?![0-9])"
    for match in re.finditer(pattern, text):
        if not any(a <= match.start() < b for _, a, b in blocks):
            return match.start()
    raise ValueError(f"{location} is never mentioned in the running text")


def _sentence(text: str, start: int, end: int) -> str:
    """Return the sentence around a citation, de-hyphenated, on one line (for the worksheet)."""
    left = max(text.rfind(". ", 0, start), text.rfind(".\n", 0, start), start - 400)
    right_candidates = [i for i in (text.find(". ", end), text.find(".\n", end)) if i >= 0]
    right = min([*right_candidates, end + 200])
    chunk = text[left + 1 : right + 1]
    chunk = re.sub(r"(\w)[-\u2010\u2011]\n(\w)", r"\1\2", chunk)
    return " ".join(chunk.split())


def find_places(review: str, text: str) -> list[Place]:
    """Find every citing place of a review's text with its section and location.

    Parameters
    ----------
    review : str
        ``"A"`` or ``"B"``.
    text : str
        The review's text.

    Returns
    -------
    list of Place
        In text order, numbered from 1.
    """
    marks = _headings(review, text)
    blocks = _blocks(review, text)
    places = []
    for index, cite in enumerate(citations.find_citations(text, strict=True), start=1):
        citations.check_numbers(review, cite.numbers)
        location = "text"
        anchor = cite.start
        for name, a, b in blocks:
            if a <= cite.start < b:
                location = name
                anchor = _first_mention(text, name, blocks)
        section, subsection = _section_at(marks, anchor)
        places.append(
            Place(
                review, index, cite.line, cite.printed, cite.numbers, section, subsection,
                location, _sentence(text, cite.start, cite.end),
            )
        )
    return places


def _read(path: Path, columns: Sequence[str]) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: missing columns {missing}")
        return list(reader)


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
    rows = _read(names_path, CURATED_NAMES)
    tied: dict[tuple[str, int], dict[str, str]] = {}
    listed: dict[str, set[str]] = {"A": set(), "B": set()}
    for row in rows:
        review = citations.check_review(row["review"])
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
    return [row for row in _read(path, ("review", "number", "doi")) if row["number"].strip()]


def build(
    reviews_dir: Path = REVIEWS_DIR,
    references_csv: Path = REFERENCES_CSV,
    out_dir: Path | None = None,
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Build the registry and citing-places rows and write both CSV files.

    Parameters
    ----------
    reviews_dir : Path
        Folder with the two review texts.
    references_csv : Path
        The shared verified records.
    out_dir : Path, optional
        Where the curated inputs are read and the outputs written; by default
        ``data/citations`` under :func:`ifnalpha.paths.data_dir`.

    Returns
    -------
    (list of dict, list of dict)
        The registry rows and the citing-place rows, as written.
    """
    out_dir = out_dir or data_dir() / "citations"
    curated = out_dir / "curated"
    texts = {r: (reviews_dir / f).read_text(encoding="utf-8") for r, f in REVIEW_FILES.items()}

    labels = {
        (row["review"], int(row["place"])): row
        for row in _read(curated / "cited_for.csv", CURATED_LABELS)
    }
    place_rows: list[dict[str, str]] = []
    used: set[tuple[str, int]] = set()
    for review in ("A", "B"):
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
    for review, top in citations.REFERENCE_COUNTS.items():
        for number in range(1, top + 1):
            row = {column: "" for column in citations.REGISTRY_COLUMNS}
            row.update(review=review, number=str(number))
            rows[(review, number)] = row

    for key, named in _named(texts, curated / "named_in_text.csv").items():
        for column in ("first_author", "year", "name_in_text", "name_tie"):
            rows[key][column] = named[column].strip()

    extra = curated / "records.csv"
    records = _verified(references_csv) + (_verified(extra) if extra.is_file() else [])
    seen: dict[tuple[str, int], str] = {}
    for record in records:
        key = (citations.check_review(record["review"].strip()), int(record["number"]))
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
        if row["first_author"] and first and not registry._same(
            "first_author", row["first_author"], first
        ):
            raise ValueError(f"{key}: text names {row['first_author']}, record has {first}")

    for note in _read(curated / "notes.csv", CURATED_NOTES):
        key = (citations.check_review(note["review"]), int(note["number"]))
        rows[key]["notes"] = note["note"].strip()

    registry_rows = [rows[key] for key in sorted(rows)]
    for review in ("A", "B"):
        saved = out_dir / "crossref" / f"review-{review}.json"
        if saved.is_file():
            report = citations.apply_crossref(registry_rows, saved, review)
            print(report.summary().replace("\n  dry run: nothing written", ""))

    citations.validate_registry_rows(registry_rows, out_dir / "registry.csv")
    citations.write_table(out_dir / "registry.csv", citations.REGISTRY_COLUMNS, registry_rows)
    citations.write_table(out_dir / "citing_places.csv", citations.PLACES_COLUMNS, place_rows)
    citations.load_registry(out_dir / "registry.csv")  # validates both files together
    return registry_rows, place_rows


def draft_labels(reviews_dir: Path, out: Path, existing: Path | None) -> None:
    """Write a worksheet of every place with its sentence (and any existing label)."""
    labels: dict[tuple[str, int], str] = {}
    if existing and existing.is_file():
        labels = {
            (row["review"], int(row["place"])): row["cited_for"]
            for row in _read(existing, CURATED_LABELS)
        }
    rows = []
    for review, name in REVIEW_FILES.items():
        text = (reviews_dir / name).read_text(encoding="utf-8")
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
    citations.write_table(out, list(rows[0]), rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: rebuild the registry (or write a labelling worksheet)."""
    parser = argparse.ArgumentParser(prog="python -m ifnalpha.evidence.citations.build")
    parser.add_argument("--reviews", type=Path, default=REVIEWS_DIR)
    parser.add_argument("--references", type=Path, default=REFERENCES_CSV)
    parser.add_argument("--out", type=Path, default=None, help="default: data/citations")
    parser.add_argument("--draft-labels", type=Path, default=None, metavar="CSV")
    args = parser.parse_args(argv)
    out_dir = args.out or data_dir() / "citations"
    if args.draft_labels:
        draft_labels(args.reviews, args.draft_labels, out_dir / "curated" / "cited_for.csv")
        print(f"worksheet written: {args.draft_labels}")
        return 0
    registry_rows, place_rows = build(args.reviews, args.references, out_dir)
    for review in ("A", "B"):
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
