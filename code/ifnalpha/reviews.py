"""The two reviews the book accompanies: ids, bibliographic data, sections, figures and tables.

This module is the single place where these facts are written; every other module and every
test reads them from here.

Examples
--------
>>> REVIEWS["A"].reference_count
59
>>> REVIEWS["B"].doi
'10.1186/s40364-022-00415-y'
>>> section_titles("B")[2]
'Overview of IFN-α family proteins'
>>> "Clinical application > melanoma" in section_paths("B")
True
"""

from __future__ import annotations

from dataclasses import dataclass

from ifnalpha import checks

#: Separator between a section title and a subsection title in a section path.
SUBSECTION_SEPARATOR = " > "


@dataclass(frozen=True)
class Section:
    """A top-level section of a review, as the book names it.

    Attributes
    ----------
    title : str
        The section title (shortened where the printed heading is long, as in the reviews'
        README in ``../shared/reviews``).
    subsections : tuple of str
        The subsection titles, in printed order (lower case unless a name starts them).
    """

    title: str
    subsections: tuple[str, ...] = ()

    @property
    def paths(self) -> tuple[str, ...]:
        """The section's own title followed by ``"title > subsection"`` for each subsection."""
        return (self.title,) + tuple(
            f"{self.title}{SUBSECTION_SEPARATOR}{sub}" for sub in self.subsections
        )


@dataclass(frozen=True)
class Review:
    """Bibliographic data and structure of one review.

    Attributes
    ----------
    id : str
        ``"A"`` or ``"B"``: how the book refers to the review (``[A 12]``, ``[B 105]``).
    authors : tuple of str
        Authors as printed in the citation (surname and initials).
    title, journal : str
        Article title and journal name.
    year : int
        Year of publication.
    doi, pmid, pmcid : str
        Identifiers of the article.
    reference_count : int
        Entries in the review's numbered reference list.
    text_file : str
        Name of the plain-text extraction in the reviews' folder
        (:func:`ifnalpha.paths.reviews_dir`).
    sections : tuple of Section
        Top-level sections in printed order.
    figures : tuple of str
        Figure ids with their panels (``"Fig. 1a"``, ...).
    tables : tuple of int
        Table numbers.
    volume, article : str
        Volume and article number where confirmed, else ``""``.
    article_url : str
        The article's page on the publisher's site (Springer Nature, BioMed Central), whose
        reference list anchors entry ``n`` as ``#ref-CR<n>``.
    """

    id: str
    authors: tuple[str, ...]
    title: str
    journal: str
    year: int
    doi: str
    pmid: str
    pmcid: str
    reference_count: int
    text_file: str
    sections: tuple[Section, ...]
    figures: tuple[str, ...]
    tables: tuple[int, ...]
    volume: str = ""
    article: str = ""
    article_url: str = ""

    @property
    def short_citation(self) -> str:
        """Name the review briefly: ``"Provance et al., Breast Cancer Research 2019"``."""
        surname = self.authors[0].split()[0]
        etal = " et al." if len(self.authors) > 1 else ""
        return f"{surname}{etal}, {self.journal} {self.year}"

    @property
    def doi_url(self) -> str:
        """The DOI as a resolvable address."""
        return f"https://doi.org/{self.doi}"

    def reference_url(self, number: int) -> str:
        """Address of reference ``number`` in the reference list on the publisher's page.

        Examples
        --------
        >>> REVIEWS["B"].reference_url(171)
        'https://biomarkerres.biomedcentral.com/articles/10.1186/s40364-022-00415-y#ref-CR171'
        """
        return f"{self.article_url}#ref-CR{check_reference(self.id, number)}"

    def pmc_reference_url(self, number: int) -> str:
        """Address of reference ``number`` in the article's PubMed Central copy (``#CR<n>``).

        Examples
        --------
        >>> REVIEWS["A"].pmc_reference_url(13)
        'https://pmc.ncbi.nlm.nih.gov/articles/PMC6501286/#CR13'
        """
        number = check_reference(self.id, number)
        return f"https://pmc.ncbi.nlm.nih.gov/articles/{self.pmcid}/#CR{number}"


REVIEWS: dict[str, Review] = {
    "A": Review(
        id="A",
        authors=("Provance OK", "Lewis-Wambi J"),
        title=(
            "Deciphering the role of interferon alpha signaling and microenvironment crosstalk "
            "in inflammatory breast cancer"
        ),
        journal="Breast Cancer Research",
        year=2019,
        doi="10.1186/s13058-019-1140-1",
        pmid="31060575",
        pmcid="PMC6501286",
        reference_count=59,
        text_file="ibc-ifn-alpha-review.txt",
        sections=(
            Section("Abstract"),
            Section("Background"),
            Section("Interferon alpha in IBC"),
            Section("Overview of IFNα biology and signaling"),
            Section(
                "Intracellular regulation of IFNα production",
                ("transcriptional regulation", "mechanisms in IBC"),
            ),
            Section(
                "Interferon alpha-stimulated genes in IBC tumors and resulting phenotypes",
                ("non-canonical ISG induction",),
            ),
            Section(
                "IFNα in the IBC tumor microenvironment",
                (
                    "immune escape",
                    "dendritic cells",
                    "tumor-associated macrophages",
                    "cancer-associated fibroblasts",
                    "endothelial cells",
                ),
            ),
            Section("Conclusion"),
        ),
        figures=("Fig. 1a", "Fig. 1b", "Fig. 2", "Fig. 3a", "Fig. 3b"),
        tables=(1, 2),
        article_url=(
            "https://breast-cancer-research.biomedcentral.com/articles/10.1186/s13058-019-1140-1"
        ),
    ),
    "B": Review(
        id="B",
        authors=("Xiong F", "Wang Q", "Wu G-h", "Liu W-z", "Wang B", "Chen Y-j"),
        title=(
            "Direct and indirect effects of IFN-α2b in malignancy treatment: not only an archer "
            "but also an arrow"
        ),
        journal="Biomarker Research",
        year=2022,
        doi="10.1186/s40364-022-00415-y",
        pmid="36104718",
        pmcid="PMC9472737",
        reference_count=268,
        text_file="ifn-alpha2b-review.txt",
        sections=(
            Section("Abstract"),
            Section("Background"),
            Section("Overview of IFN-α family proteins"),
            Section(
                "Antitumour mechanism of IFN-α2b and relevant potential regulatory factors",
                (
                    "JAK-STAT pathway",
                    "other pathways",
                    "direct and indirect effects and the function of ISGs",
                    "potential regulatory factors",
                    "potential regulatory factors: IFNAR",
                    "potential regulatory factors: JAK1 and TYK2",
                    "potential regulatory factors: ISGF3",
                ),
            ),
            Section(
                "Clinical application",
                ("melanoma", "haematological tumours", "digestive system tumours", "other tumours"),
            ),
            Section(
                "The current challenges",
                (
                    "poor response",
                    "inclusion of patients and indication of effects",
                    "adverse effects and complications",
                    "delivery and preparation",
                ),
            ),
            Section("Conclusions and future perspectives"),
        ),
        figures=("Fig. 1", "Fig. 2", "Fig. 3", "Fig. 4"),
        tables=(1, 2, 3, 4),
        volume="10",
        article="69",
        article_url="https://biomarkerres.biomedcentral.com/articles/10.1186/s40364-022-00415-y",
    ),
}

#: The review ids in order.
REVIEW_IDS: tuple[str, ...] = tuple(REVIEWS)


def review(review_id: object) -> Review:
    """Return the review with id ``"A"`` or ``"B"`` (either case: ``"b"`` is review B).

    This is the one check of a review id: every function of the package that takes one
    calls it.

    Raises
    ------
    TypeError
        If ``review_id`` is not a string.
    ValueError
        If it names no review.

    Examples
    --------
    >>> review("A").journal
    'Breast Cancer Research'
    >>> review("b").id
    'B'
    >>> review("C")
    Traceback (most recent call last):
    ...
    ValueError: `review` must be one of 'A', 'B', got 'C'
    """
    text = checks.string("review", review_id)
    if text.upper() in REVIEWS:
        return REVIEWS[text.upper()]
    return REVIEWS[checks.choice("review", review_id, REVIEW_IDS)]


def section_titles(review_id: object) -> tuple[str, ...]:
    """Top-level section titles of a review, in printed order.

    Examples
    --------
    >>> section_titles("A")[-1]
    'Conclusion'
    """
    return tuple(s.title for s in review(review_id).sections)


def section_paths(review_id: object) -> tuple[str, ...]:
    """Every section and ``"section > subsection"`` path of a review, in printed order.

    Examples
    --------
    >>> section_paths("A")[5]
    'Intracellular regulation of IFNα production > transcriptional regulation'
    """
    return tuple(path for s in review(review_id).sections for path in s.paths)


def check_reference(review_id: object, number: object) -> int:
    """Return ``number`` if it is an entry of the review's reference list.

    Raises
    ------
    TypeError
        If ``number`` is not an integer.
    ValueError
        If it is outside ``1 .. reference_count``.

    Examples
    --------
    >>> check_reference("A", 59)
    59
    """
    found = review(review_id)
    name = f"reference number of review {found.id}"
    count = found.reference_count
    return checks.integer(name, number, minimum=1, maximum=count)
