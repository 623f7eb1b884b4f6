"""The roles ``{ra}`` and ``{rb}``: in-text citations of the reviews' numbered references.

``{ra}`21–23``` and ``{rb}`171``` cite reference numbers of review A (1-59) and review B
(1-268). They render compactly, e.g. "[A21–A23]" or "[B171]". A number outside the review's
reference list, or a malformed citation, is a build warning (an error under ``-W``).

Each number shown is a link to the review's own entry for that reference on the publisher's
page (Springer Nature anchors reference n as ``#ref-CR<n>``), in the HTML and in the PDF, so one
click reaches the full reference even where the book has no record of it.

In the HTML every citation also carries a card (``span.review-cite-card``, ``role="tooltip"``,
tied to its links by ``aria-describedby``) that opens on mouse hover and on keyboard focus
(``_static/custom.css``; ``_static/citation-cards.js`` closes it with Escape and keeps it in the
window). The card gives, for every number of the citation (a range's hidden middle numbers
too), what the registry knows of it (:func:`hover_text`) and links: "publisher's entry", "DOI"
and "PubMed" where the book has identified the reference, and "in this book", its entry on the
page that holds the ``citation-registry`` directive (an unresolved entry fails the build). The
PDF shows no card. The card's registry text is written by the HTML writer, not put in the
document tree, so the search index does not take every page citing a reference for a page
about it.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx

from ifnalpha import reviews
from ifnalpha.evidence import citations

__all__ = ["ENV_CITES", "cell_text", "describe_reference", "hover_text", "identifiers", "label",
           "setup", "target_id"]

#: Where the build environment keeps, per (review, number), the pages citing it.
ENV_CITES = "ifnalpha_citing_pages"


def target_id(review: str, number: int) -> str:
    """Return the anchor id of one registry entry, e.g. ``ref-a-14``.

    Examples
    --------
    >>> target_id("B", 171)
    'ref-b-171'

    """
    return f"ref-{reviews.review(review).id.lower()}-{number}"


def label(review: str, number: int) -> str:
    """Return the compact label of one reference, e.g. ``A14``.

    Examples
    --------
    >>> label("a", 14)
    'A14'

    """
    return f"{reviews.review(review).id}{number}"


def cell_text(value: Any) -> str:
    """Return a clean string for a registry cell (empty for NaN or None).

    Examples
    --------
    >>> cell_text(float("nan")), cell_text(" 8558223 ")
    ('', '8558223')
    """
    if value is None:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    return str(value).strip()


def _year(value: Any) -> str:
    text = cell_text(value)
    return text[:-2] if text.endswith(".0") else text


def describe_reference(row: dict[str, Any]) -> str:
    """Describe what is known of one reference in a sentence.

    Parameters
    ----------
    row : dict
        One registry row (``first_author``, ``year``, ``title``, ``number_basis`` ...).

    Returns
    -------
    str
        For example ``"Kirkwood et al. (1996), as named in the review's text."`` or
        ``"No bibliographic record is known yet."``.

    Examples
    --------
    >>> describe_reference({"first_author": "Lim", "year": 2018, "title": "", "number_basis": ""})
    'Lim et al. (2018), as named in the review text.'

    """
    author = cell_text(row.get("first_author"))
    year = _year(row.get("year"))
    title = cell_text(row.get("title"))
    journal = cell_text(row.get("journal"))
    basis = cell_text(row.get("number_basis"))
    parts: list[str] = []
    if title:
        authors = [a.strip() for a in cell_text(row.get("authors")).split(";") if a.strip()]
        first = cell_text(row.get("record_first_author")) or (authors[0] if authors else author)
        if len(authors) > 3 or (not authors and first):
            names = f"{first} et al."
        else:
            names = ", ".join(authors)
        parts.append(f"{names.rstrip('.')}. {title}." if names else f"{title}.")
        record_year = _year(row.get("record_year")) or year
        source = " ".join(x for x in (journal, record_year) if x)
        if source:
            parts.append(f"{source}.")
        if basis.lower().startswith("probable"):
            parts.append(f"Probable match ({basis}).")
        elif basis:
            parts.append(f"Tied by: {basis}.")
    elif author:
        when = f" ({year})" if year else ""
        parts.append(f"{author} et al.{when}, as named in the review text.")
    elif year:
        parts.append(f"A work of {year}, as dated in the review text.")
    else:
        parts.append("No bibliographic record is known yet.")
    return " ".join(parts)


@lru_cache(maxsize=1)
def _records() -> dict[tuple[str, int], tuple[str, str, str]]:
    """Return (description, DOI, PMID) of every reference in the registry, by (review, number)."""
    registry = citations.load_registry()
    return {(str(row["review"]), int(row["number"])):
            (describe_reference(row), cell_text(row.get("doi")), cell_text(row.get("pmid")))
            for row in registry.to_dict("records")}


def hover_text(review: str, numbers: tuple[int, ...]) -> str:
    """Return the registry text a citation's card shows: one line per reference.

    Examples
    --------
    >>> hover_text("B", (171,)).startswith("B171: Kirkwood JM et al. Interferon alfa-2b")
    True
    """
    found = reviews.review(review).id
    return "\n".join(f"{label(found, n)}: {_records()[(found, n)][0]}" for n in numbers)


def identifiers(review: str, number: int) -> dict[str, str]:
    """Return the addresses a reader can reach one reference at, by link text.

    Always the publisher's entry in the review's reference list; the DOI and the PubMed record
    when the registry holds them.

    Examples
    --------
    >>> identifiers("B", 171)["PubMed"]
    'https://pubmed.ncbi.nlm.nih.gov/8558223/'
    >>> list(identifiers("A", 22))
    ["publisher's entry"]
    """
    found = reviews.review(review)
    _, doi, pmid = _records()[(found.id, number)]
    links = {"publisher's entry": found.reference_url(number)}
    if doi:
        links["DOI"] = f"https://doi.org/{doi}"
    if pmid:
        links["PubMed"] = f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
    return links


def _runs(numbers: tuple[int, ...]) -> list[tuple[int, int]]:
    """Group sorted numbers into runs of consecutive integers."""
    runs: list[tuple[int, int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


class review_citation(nodes.inline):  # noqa: N801 (docutils node naming)
    """Inline node holding one rendered citation of a review: brackets, links and its card."""


class citation_link(nodes.reference):  # noqa: N801
    """A number of a citation: a link to the publisher's entry, described by the card."""


class citation_card(nodes.inline):  # noqa: N801
    """The card of one citation (HTML only): one :class:`card_entry` per number."""


class card_entry(nodes.inline):  # noqa: N801
    """One reference in a card; its only child is the link to the book's registry entry."""


def _book_link(review: str, number: int) -> pending_xref:
    ref = pending_xref("", refdomain="std", reftype="ref", reftarget=target_id(review, number),
                       refexplicit=True, refwarn=True)
    ref += nodes.inline("in this book", "in this book")
    return ref


def _make_role(review: str):
    def role(name, rawtext, text, lineno, inliner, options=None, content=None):
        env = inliner.document.settings.env
        try:
            numbers = citations.check_numbers(review, citations.parse(text))
        except ValueError as exc:
            msg = inliner.reporter.warning(
                f"bad citation of review {review} {rawtext!r}: {exc}", line=lineno
            )
            return [inliner.problematic(rawtext, rawtext, msg)], [msg]
        store = getattr(env, ENV_CITES, None)
        if store is None:
            store = {}
            setattr(env, ENV_CITES, store)
        card_id = f"review-cite-card-{env.new_serialno('review-cite-card')}"
        node = review_citation(rawtext, classes=["review-cite", f"review-{review.lower()}"])
        found = reviews.review(review)

        def link(number: int) -> citation_link:
            shown = label(review, number)
            return citation_link(shown, shown, refuri=found.reference_url(number),
                                 card=card_id, classes=["review-cite-link"])

        node += nodes.Text("[")
        for index, (first, last) in enumerate(_runs(numbers)):
            if index:
                node += nodes.Text(", ")
            node += link(first)
            if last > first:
                node += nodes.Text("–" if last > first + 1 else ", ")
                node += link(last)
        node += nodes.Text("]")
        card = citation_card("", ids=[card_id], classes=["review-cite-card"])
        for number in numbers:
            entry = card_entry("", review=review, number=number, classes=["review-cite-entry"])
            entry += _book_link(review, number)
            card += entry
        node += card
        for number in numbers:
            store.setdefault((review, number), set()).add(env.docname)
        return [node], []

    return role


def _visit_link_html(self, node: citation_link) -> None:
    self.body.append(self.starttag(node, "a", "", href=node["refuri"], CLASS="reference external",
                                   **{"aria-describedby": node["card"]}))


def _depart_link_html(self, node: citation_link) -> None:
    self.body.append("</a>")


def _visit_link_other(self, node: citation_link) -> None:
    self.visit_reference(node)


def _depart_link_other(self, node: citation_link) -> None:
    self.depart_reference(node)


def _visit_card_html(self, node: citation_card) -> None:
    self.body.append(self.starttag(node, "span", "", role="tooltip"))


def _visit_entry_html(self, node: card_entry) -> None:
    review, number = node["review"], node["number"]
    self.body.append(self.starttag(node, "span", ""))
    text = escape(hover_text(review, (number,)), quote=False)
    self.body.append(f'<span class="review-cite-text">{text}</span> '
                     '<span class="review-cite-links">')
    for name, url in identifiers(review, number).items():
        self.body.append(f'<a class="reference external" href="{escape(url)}">{name}</a> · ')


def _depart_entry_html(self, node: card_entry) -> None:
    self.body.append("</span></span>")


def _depart_span(self, node: nodes.Element) -> None:
    self.body.append("</span>")


def _visit_span(self, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "span", ""))


def _pass(self, node: nodes.Element) -> None:  # pragma: no cover - trivial
    pass


def _skip(self, node: nodes.Element) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    """Register the roles ``ra`` and ``rb`` and their nodes (called by the book's extension)."""
    app.add_role("ra", _make_role("A"))
    app.add_role("rb", _make_role("B"))
    others = ("latex", "text", "man", "texinfo")
    app.add_node(review_citation, html=(_visit_span, _depart_span),
                 **{name: (_pass, _pass) for name in others})
    app.add_node(citation_link, html=(_visit_link_html, _depart_link_html),
                 **{name: (_visit_link_other, _depart_link_other) for name in others})
    app.add_node(citation_card, html=(_visit_card_html, _depart_span),
                 **{name: (_skip, None) for name in others})
    app.add_node(card_entry, html=(_visit_entry_html, _depart_entry_html),
                 **{name: (_skip, None) for name in others})
