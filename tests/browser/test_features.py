"""What a reader does in the HTML book: search, launch on Binder, download, tables, widgets."""

from __future__ import annotations

import json
import re

import pytest
from book_site import (
    BUNDLED_WIDGET_MODULES,
    binder_url,
    diagram_pages,
    math_pages,
    notebook_entries,
    start_tables,
    table_pages,
    widget_pages,
)
from playwright.sync_api import expect

TIMEOUT = 20_000  # ms


def test_search_finds_usp18(open_page):
    page, visit = open_page("book/search.html?q=USP18")
    results = page.locator("#search-results ul.search li")
    results.first.wait_for(timeout=TIMEOUT)
    assert results.count() >= 1
    # The first hit is a page that mentions USP18.
    href = results.first.locator("a").first.get_attribute("href")
    hit, _ = open_page("book/" + href.split("#")[0].split("?")[0])
    assert "USP18" in hit.locator("main").inner_text()
    assert not visit.problems(), "\n".join(visit.problems())


@pytest.mark.parametrize("entry", notebook_entries())
def test_notebook_page_has_binder_and_download_buttons(entry, open_page):
    page, _ = open_page(f"book/{entry}.html")
    launch = page.locator(".dropdown-launch-buttons")
    launch.locator("button.dropdown-toggle").click()
    binder = launch.locator(f'a[href="{binder_url(entry)}"]')
    binder.wait_for(state="visible", timeout=TIMEOUT)

    download = page.locator(".dropdown-download-buttons")
    download.locator("button.dropdown-toggle").click()
    ipynb = download.locator('a.btn-download-source-button[href$=".ipynb"]')
    ipynb.wait_for(state="visible", timeout=TIMEOUT)
    pdf = download.locator("button.btn-download-pdf-button")
    assert pdf.is_visible() and ".pdf" in pdf.inner_text()
    # The .ipynb link serves the notebook itself.
    response = page.request.get(ipynb.evaluate("a => a.href"))
    assert response.ok, f"{entry}: .ipynb download answers HTTP {response.status}"
    assert json.loads(response.body())["nbformat"] == 4


def _rows(container) -> list[list[str]]:
    return [[cell.strip() for cell in row]
            for row in container.locator("tbody tr").evaluate_all(
                "rows => rows.map(r => Array.from(r.cells, c => c.innerText))")]


def _check_search_and_sort(page, where: str) -> int:
    """Search and sort every DataTable on a loaded page; the number of tables checked."""
    start_tables(page, TIMEOUT)
    page.wait_for_function(
        "() => document.querySelectorAll('table.dataTable').length > 0 && !Array.from("
        "document.querySelectorAll('table[id]')).some(t => /Loading ITables/.test(t.innerText))",
        timeout=TIMEOUT)
    containers = page.locator("div.dt-container")
    assert containers.count() >= 1, f"{where}: no DataTables container"
    for index in range(containers.count()):
        table = containers.nth(index)
        label = f"{where}, table {index + 1}"
        before = _rows(table)
        assert before and before[0] and "No data" not in before[0][0], f"{label}: no rows"

        # Search: the global search box, or else the first column filter. The term is a word of
        # the first column that not every row has (typed key by key, as filters listen to keys).
        box = table.locator(".dt-search input")
        if not box.count():
            box = table.locator("tfoot input, thead input")
            assert box.count(), f"{label}: neither a search box nor column filters"
        box = box.first
        words = [re.findall(r"\w+", row[0]) for row in before]
        candidates = [w for ws in words for w in ws if sum(w in x for x in words) < len(before)]
        term = max(candidates, key=len) if candidates else before[0][0]
        box.press_sequentially(term)
        page.wait_for_timeout(500)  # DataTables debounces searching
        after = _rows(table)
        assert after, f"{label}: searching {term!r} found nothing"
        assert all(term.casefold() in " ".join(row).casefold() for row in after), \
            f"{label}: searching {term!r} left rows without it: {after}"
        assert len(after) <= len(before)
        box.fill("")
        box.press("Backspace")
        page.wait_for_timeout(500)
        assert len(_rows(table)) == len(before), f"{label}: clearing the search lost rows"

        # Sort: the first orderable column, ascending then descending.
        # (itables lets the header text be selected: the ordering control is its sort icon.)
        header = table.locator("thead th.dt-orderable-asc").first
        assert header.count(), f"{label}: no sortable column"
        position = header.evaluate("th => th.cellIndex")
        control = header.locator(".dt-column-order")
        control = control if control.count() else header
        control.click()
        expect(header, f"{label}: not sorted").to_have_attribute("aria-sort", "ascending")
        ascending = [row[position] for row in _rows(table)]
        page.wait_for_timeout(300)  # a second click at once would be taken for a double click
        control.click()
        expect(header, f"{label}: not reversed").to_have_attribute("aria-sort", "descending")
        descending = [row[position] for row in _rows(table)]
        if len(set(ascending + descending)) > 1:
            assert ascending != descending, f"{label}: sorting did not change the order"
        one_page = table.locator(".dt-paging").count() == 0
        if one_page and len(set(ascending)) == len(ascending):
            assert ascending == descending[::-1], f"{label}: {ascending} vs {descending}"
    return containers.count()


def test_interactive_tables_work_offline_on_a_fixture_page(open_page):
    page, visit = open_page("fixtures/tables.html")
    assert _check_search_and_sort(page, "fixture page") == 2
    assert not visit.problems(), "\n".join(visit.problems())


TABLE_PAGES = table_pages() or [pytest.param(None, marks=pytest.mark.skip(
    reason="no page of the book has an interactive table yet (tables fixture page checked)"))]


@pytest.mark.parametrize("page_path", TABLE_PAGES)
def test_interactive_tables_search_and_sort(page_path, open_page):
    page, visit = open_page(f"book/{page_path}")
    _check_search_and_sort(page, page_path)
    assert not visit.problems(), "\n".join(visit.problems())


def _check_widgets(page, where: str) -> None:
    state = json.loads(page.locator(
        'script[type="application/vnd.jupyter.widget-state+json"]').first.text_content())
    models = state["state"]
    unbundled = {m["model_module"] for m in models.values()} - BUNDLED_WIDGET_MODULES
    assert not unbundled, (f"{where}: widget modules {sorted(unbundled)} are not bundled by the "
                           "widget manager: vendor them into _static/vendor/widgets/")
    views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
    assert views >= 1, f"{where}: widget state but no widget view"
    page.wait_for_function(
        f"() => document.querySelectorAll('.jupyter-widgets').length >= {views}",
        timeout=TIMEOUT)
    text = page.locator("main").inner_text()
    assert "Error displaying widget" not in text, f"{where}: {text[:500]}"
    if any(re.search("Slider", m["model_name"]) for m in models.values()):
        assert page.locator(".widget-slider").count() >= 1, f"{where}: no slider rendered"
        assert page.locator(".widget-slider .slider, .widget-slider input").count() >= 1


def test_widgets_render_offline_on_a_fixture_page(open_page):
    page, visit = open_page("fixtures/widgets.html")
    _check_widgets(page, "fixture page")
    assert page.locator(".widget-slider .widget-label").first.inner_text().strip() == "dose"
    assert not visit.problems(), "\n".join(visit.problems())


WIDGET_PAGES = widget_pages() or [pytest.param(None, marks=pytest.mark.skip(
    reason="no page of the book has embedded widgets yet (widgets fixture page checked)"))]


@pytest.mark.parametrize("page_path", WIDGET_PAGES)
def test_widgets_render_their_controls(page_path, open_page):
    page, visit = open_page(f"book/{page_path}")
    _check_widgets(page, page_path)
    assert not visit.problems(), "\n".join(visit.problems())


def _check_math(page, where: str) -> None:
    page.wait_for_function("() => document.querySelectorAll('mjx-container').length > 0",
                           timeout=TIMEOUT)
    page.wait_for_load_state("networkidle")  # MathJax fetches its fonts when it typesets
    assert not page.locator("mjx-merror").count(), f"{where}: MathJax reports a TeX error"


def test_math_renders_offline_on_a_fixture_page(open_page):
    page, visit = open_page("fixtures/math.html")
    _check_math(page, "fixture page")
    assert page.locator("mjx-container").count() == 2
    assert not visit.problems(), "\n".join(visit.problems())


MATH_PAGES = math_pages() or [pytest.param(None, marks=pytest.mark.skip(
    reason="no page of the book has math yet (MathJax fixture page checked)"))]


@pytest.mark.parametrize("page_path", MATH_PAGES)
def test_math_renders(page_path, open_page):
    page, visit = open_page(f"book/{page_path}")
    _check_math(page, page_path)
    assert not visit.problems(), "\n".join(visit.problems())


# The pages that must show the redrawn figures (issue 11), with the diagrams each shows.
EXPECTED_DIAGRAMS = {
    "chapters/ibc/ifna-biology.html": ["a-fig1a"],
    "chapters/ibc/isgs-in-ibc.html": ["a-fig1b"],
    "chapters/ibc/ifna-production.html": ["a-fig2"],
    "chapters/ibc/microenvironment.html": ["a-fig3a", "a-fig3b"],
    "chapters/ifna2b/antitumour-mechanism.html": ["b-fig3", "b-fig4"],
    "chapters/appendix/model-reference.html": ["model-wiring", "a-fig1a-model"],
}


def test_every_redrawn_figure_is_on_its_page():
    assert sorted(diagram_pages()) == sorted(EXPECTED_DIAGRAMS)


@pytest.mark.parametrize("page_path", sorted(EXPECTED_DIAGRAMS))
def test_diagrams_link_show_tooltips_and_download_with_no_network(page_path, open_page):
    page, visit = open_page(f"book/{page_path}")
    diagrams = page.locator("figure div.ifnalpha-diagram > svg")
    assert diagrams.count() == len(EXPECTED_DIAGRAMS[page_path]), page_path
    for i in range(diagrams.count()):
        svg = diagrams.nth(i)
        assert svg.get_attribute("role") == "img" and svg.get_attribute("aria-label")
        # every arrow carries a tooltip (an SVG <title>, shown on hover with no script)
        edges = svg.locator("g.edge")
        titles = svg.locator("g.edge > title")
        assert edges.count() >= 1 and titles.count() == edges.count(), page_path
        # nodes link to the glossary or the gene atlas, and those pages exist
        hrefs = set(svg.locator("a").evaluate_all(
            "links => links.map(a => a.getAttribute('href') || a.getAttribute('xlink:href'))"
            ".filter(Boolean)"))
        assert hrefs, f"{page_path}: diagram {i} has no links"
        for href in hrefs:
            target = page.request.get(page.url.rsplit("/", 1)[0] + "/" + href.split("#")[0])
            assert target.ok, f"{page_path}: {href} answers HTTP {target.status}"
        glossary = [h for h in hrefs if "glossary.html#" in h]
        for href in glossary[:3]:
            hit, _ = open_page("book/chapters/" + href.removeprefix("../"))
            anchor = href.split("#", 1)[1]
            assert hit.locator(f'[id="{anchor}"]').count() == 1, f"{page_path}: no anchor {href}"
    # the first tooltip says what an arrow means and cites the review
    first = diagrams.first.locator("g.edge > title").first.text_content()
    assert re.search(r"\[(A|B) \d", first) or "model" in page_path, first
    # downloads: the SVG (and GraphML for networks) are files of the book
    for link in page.locator("p.ifnalpha-downloads a").all():
        response = page.request.get(link.evaluate("a => a.href"))
        assert response.ok and len(response.body()) > 100, link.get_attribute("href")
    assert not visit.problems(), "\n".join(visit.problems())
