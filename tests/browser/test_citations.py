"""Citations in the HTML book: publisher links, the card on hover and on focus, links both ways.

Every number of a ``{ra}``/``{rb}`` citation links to the review's entry for that reference on
the publisher's page (``#ref-CR<n>``); the citation's card (``role="tooltip"``, named by the
links' ``aria-describedby``) opens on mouse hover and on keyboard focus with the registry's
text and links to the publisher's entry, the DOI and PubMed record when known, and the book's
own entry on the references page (see :mod:`ifnalpha.book.citation_role`). No request leaves
localhost: the external links are checked, never followed.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from book_site import BOOK_HTML, book_pages
from playwright.sync_api import expect

from ifnalpha import reviews
from ifnalpha.book import citation_role

TIMEOUT = 20_000  # ms
PAGE = "chapters/ifna2b/clinical-application.html"  # cites B171 (Kirkwood et al., E1684)
REFERENCES = "chapters/appendix/references.html"


def _card_of(page, link):
    card_id = link.get_attribute("aria-describedby")
    assert card_id, "a citation link is not described by a card"
    card = page.locator(f"#{card_id}")
    assert card.get_attribute("role") == "tooltip"
    return card


def _entry_links(card) -> list[dict]:
    return card.locator(".review-cite-entry").evaluate_all(
        "entries => entries.map(e => ({text: e.querySelector('.review-cite-text').textContent,"
        " links: Array.from(e.querySelectorAll('a'), a => [a.textContent.trim(), a.href])}))")


def test_a_citation_links_the_publisher_and_shows_its_card_on_hover_and_focus(open_page):
    page, visit = open_page(f"book/{PAGE}")
    link = page.locator("a.review-cite-link", has_text=re.compile(r"^B171$")).first
    expect(link).to_have_count(1)
    assert link.get_attribute("href") == reviews.review("B").reference_url(171)
    assert link.get_attribute("href").endswith("#ref-CR171")
    card = _card_of(page, link)
    expect(card).to_be_hidden()

    # Hover: the card opens with the registry's text, and stays open on the card itself.
    link.hover()
    expect(card).to_be_visible(timeout=TIMEOUT)
    expect(card).to_contain_text(citation_role.hover_text("B", (171,)))
    card.hover()
    expect(card).to_be_visible()
    page.mouse.move(2, 2)  # away from the citation
    expect(card).to_be_hidden()

    # Keyboard: focus opens it; Tab walks into its links; Escape closes it.
    link.focus()
    expect(card).to_be_visible()
    page.keyboard.press("Tab")
    focused_in_card = page.evaluate(
        "id => document.getElementById(id).contains(document.activeElement)",
        card.get_attribute("id"))
    assert focused_in_card, "Tab from the citation does not reach its card's links"
    expect(card).to_be_visible()
    page.keyboard.press("Escape")
    expect(card).to_be_hidden()
    assert not visit.problems(), "\n".join(visit.problems())


def test_the_card_links_the_publisher_the_record_and_the_book(open_page):
    page, visit = open_page(f"book/{PAGE}")
    link = page.locator("a.review-cite-link", has_text=re.compile(r"^B171$")).first
    card = _card_of(page, link)
    [entry] = [e for e in _entry_links(card) if e["text"].startswith("B171:")]
    links = dict(entry["links"])
    assert links["publisher's entry"] == reviews.review("B").reference_url(171)
    assert links["DOI"] == "https://doi.org/10.1200/JCO.1996.14.1.7"
    assert links["PubMed"] == "https://pubmed.ncbi.nlm.nih.gov/8558223/"
    book = links["in this book"]
    assert book.endswith(f"/book/{REFERENCES}#ref-b-171"), book

    # One click on "in this book" (with the card open) reaches the entry on the references page.
    link.hover()
    card.get_by_role("link", name="in this book").first.click()
    page.wait_for_url(re.compile(r"references\.html#ref-b-171$"), timeout=TIMEOUT)
    expect(page.locator("#ref-b-171")).to_have_count(1)
    entry_text = page.locator("p.registry-entry", has=page.locator("#ref-b-171")).inner_text()
    assert "clinical-application" in page.locator(
        "p.registry-entry", has=page.locator("#ref-b-171")).inner_html(), \
        f"the references page does not link back to the citing page: {entry_text}"
    assert not visit.problems(), "\n".join(visit.problems())


def test_every_card_on_the_page_matches_the_registry(open_page):
    page, visit = open_page(f"book/{PAGE}")
    cards = page.locator(".review-cite-card")
    assert cards.count() >= 5
    refs = (BOOK_HTML / REFERENCES).read_text(encoding="utf-8")
    identified = 0
    for index in range(cards.count()):
        for entry in _entry_links(cards.nth(index)):
            key = entry["text"].split(":")[0]
            review, number = key[0], int(key[1:])
            expected = citation_role.identifiers(review, number)
            links = dict(entry["links"])
            book = links.pop("in this book")
            assert links == expected, key
            assert links["publisher's entry"].endswith(f"#ref-CR{number}")
            target = book.rsplit("#", 1)[1]
            assert book.split("#")[0].endswith(REFERENCES) and f'id="{target}"' in refs, book
            identified += "DOI" in links or "PubMed" in links
    assert identified >= 1
    assert not visit.problems(), "\n".join(visit.problems())


def test_an_open_card_passes_axe_in_both_colour_schemes(open_page, axe_source):
    page, visit = open_page(f"book/{PAGE}")
    page.evaluate(axe_source)
    link = page.locator("a.review-cite-link", has_text=re.compile(r"^B171$")).first
    card = _card_of(page, link)
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        link.focus()
        expect(card).to_be_visible()
        page.wait_for_timeout(300)
        violations = page.evaluate(
            """async id => (await axe.run(document.getElementById(id).closest('p'),
                 {resultTypes: ['violations']})).violations
                 .filter(v => ['serious', 'critical'].includes(v.impact))
                 .map(v => v.id + ': ' + v.nodes.map(n => n.html.slice(0, 200)).join(' | '))""",
            card.get_attribute("id"))
        assert not violations, f"{scheme}: {violations}"
    assert not visit.problems(), "\n".join(visit.problems())


class _Citations(HTMLParser):
    """Collect the citation links, the cards' ids and the cards' book links of one page."""

    def __init__(self):
        super().__init__()
        self.described: list[tuple[str, str]] = []  # (href, id of the describing card)
        self.cards: set[str] = set()
        self.book_links: list[str] = []  # the internal links inside cards
        self._card_depth = 0  # open <span>s since the card's own, while inside a card

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "a" and "review-cite-link" in classes:
            self.described.append((attributes.get("href") or "",
                                   attributes.get("aria-describedby") or ""))
        if tag == "span" and (self._card_depth or "review-cite-card" in classes):
            if not self._card_depth:
                self.cards.add(attributes.get("id") or "")
            self._card_depth += 1
        if tag == "a" and self._card_depth and "internal" in classes:
            self.book_links.append(attributes.get("href") or "")

    def handle_endtag(self, tag):
        if tag == "span" and self._card_depth:
            self._card_depth -= 1


@pytest.mark.parametrize("page_path", [p for p in book_pages()
                                       if "review-cite-link" in
                                       ((BOOK_HTML / p).read_text(encoding="utf-8")
                                        if (BOOK_HTML / p).is_file() else "")])
def test_every_citation_of_every_page_has_a_card_and_resolving_links(page_path):
    parser = _Citations()
    parser.feed((BOOK_HTML / page_path).read_text(encoding="utf-8"))
    refs = (BOOK_HTML / REFERENCES).read_text(encoding="utf-8")
    articles = {r.article_url: r for r in reviews.REVIEWS.values()}
    for href, card in parser.described:
        article, _, anchor = href.partition("#ref-CR")
        assert article in articles and anchor.isdigit(), href
        assert card in parser.cards, f"{href}: described by a missing card {card!r}"
    assert len(parser.book_links) >= len(parser.cards) > 0
    for href in parser.book_links:
        path, _, anchor = href.partition("#")
        assert path.endswith("references.html"), href
        assert f'id="{anchor}"' in refs, f"{page_path}: {href} has no anchor on the references page"
