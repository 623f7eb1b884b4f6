"""Where each review cites: the citing places of a review's text, with section and location.

:func:`find_places` finds every printed citation of a review's text
(:func:`ifnalpha.evidence.citations.find_citations`) and names the section and subsection it
stands in and whether it is in the running text, a table or a figure legend. The section names
are the book's (:func:`ifnalpha.reviews.section_paths`); what is written here are facts about
the printed text: the start of each heading line and the first and last line of each table and
figure legend that the extraction flattened into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ifnalpha import checks, reviews
from ifnalpha.evidence.citations.parse import check_numbers, find_citations
from ifnalpha.evidence.citations.schema import place_subsection

#: Start of each heading line of a review's text, in printed order: one per section path of
#: :func:`ifnalpha.reviews.section_paths` (section, then its subsections), whose names they
#: take. A marker ending in a line break is a whole heading line.
HEADINGS: dict[str, tuple[str, ...]] = {
    "A": (
        "Abstract",
        "Background",
        "Interferon alpha in inflammatory breast cancer",
        "An overview of interferon alpha biology and signaling",
        "Intracellular regulation of interferon alpha production",
        "Transcriptional regulation of interferon alpha",
        "Mechanisms contributing to interferon alpha transcription",
        "Interferon alpha-stimulated genes in IBC tumors and",
        "Non-canonical interferon stimulated gene induction by",
        "Interferon alpha in the IBC tumor microenvironment",
        "The contribution of interferon alpha to tumor cell immune",
        "Dendritic cells\n",
        "Tumor-associated macrophages\n",
        "Cancer-associated fibroblasts\n",
        "Endothelial cells\n",
        "Conclusion\n",
    ),
    "B": (
        "Abstract",
        "Background",
        "Overview of IFN",
        "Antitumour mechanism of IFN",
        "Signalling pathways induced by IFN",
        "Other pathways\n",
        "The direct and indirect effects of IFN",
        "Potential regulatory factors of",
        "IFNAR The IFNAR family",
        "JAK1 and TYK2 JAK1 and TYK2 belong",
        "ISGF3 ISGF3 is composed",
        "Clinical application of IFN",
        "Melanoma\n",
        "Haematological tumours\n",
        "Digestive system tumours\n",
        "Other tumours\n",
        "The current challenges of IFN",
        "Challenges in the poor response",
        "Challenges and advances in the inclusion of patients",
        "Challenges in the adverse effects",
        "Challenges and advances in the delivery",
        "Conclusions and future perspectives",
    ),
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


def headings(review_id: str) -> list[tuple[str, str, str]]:
    """Pair each heading marker of a review with the book's section and subsection names.

    Parameters
    ----------
    review_id : str
        ``"A"`` or ``"B"``.

    Returns
    -------
    list of (str, str, str)
        (marker, section, subsection) in printed order; the subsection is ``""`` under a
        section's own heading and named as in the citing-places file
        (:func:`ifnalpha.evidence.citations.place_subsection`).

    Raises
    ------
    ValueError
        If the markers and the review's section paths are not one to one.

    Examples
    --------
    >>> headings("B")[4]
    ('Signalling pathways induced by IFN', \
'Antitumour mechanism of IFN-α2b and relevant potential regulatory factors', 'JAK-STAT pathway')
    """
    review = reviews.review(review_id).id
    paths = reviews.section_paths(review)
    markers = HEADINGS[review]
    if len(markers) != len(paths):
        raise ValueError(
            f"review {review} has {len(paths)} section paths but {len(markers)} heading markers"
        )
    marks = []
    for marker, path in zip(markers, paths, strict=True):
        section, _, subsection = path.partition(reviews.SUBSECTION_SEPARATOR)
        marks.append((marker, section, place_subsection(subsection)))
    return marks


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
    known = reviews.review(review)
    figures = {re.match(r"Fig\. ([0-9]+)", figure).group(1) for figure in known.figures}
    for location, first, last in BLOCKS[review]:
        kind, number = location.split()[:2]
        if number not in ({str(t) for t in known.tables} if kind == "Table" else figures):
            raise ValueError(f"review {review} has no {kind.lower()} {number} ({location})")
        start = _line_start(text, first)
        end_at = text.find(last, start)
        if end_at < 0:
            raise ValueError(f"end of {location} ({last!r}) not found")
        end = text.find("\n", end_at)
        spans.append((location, start, len(text) if end < 0 else end))
    return spans


def _headings(review: str, text: str) -> list[tuple[int, str, str]]:
    marks = [(_line_start(text, m), s, sub) for m, s, sub in headings(review)]
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

    Raises
    ------
    ValueError
        If a heading or block marker is missing or repeated, a table or figure is never
        mentioned in the running text, or a citation is malformed or out of range.
    """
    review = reviews.review(review).id
    checks.string("text", text)
    marks = _headings(review, text)
    blocks = _blocks(review, text)
    places = []
    for index, cite in enumerate(find_citations(text, strict=True), start=1):
        check_numbers(review, cite.numbers)
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
