"""The model explorers of the static HTML book, in Chromium: every control moves, the chart and
the key numbers change, nothing leaves localhost, and it works from ``file://`` too.

Run by ``make browser-check`` (``IFNALPHA_BOOK_CHECKS=1``) after ``make html``.
"""

from __future__ import annotations

import re
import statistics

import pytest
from book_site import BOOK_HTML, _html, book_pages

TIMEOUT = 60_000


def explorer_pages() -> list[str]:
    return [p for p in book_pages() if 'class="ifnalpha-explorer"' in _html(p)]


PAGES = explorer_pages() or [pytest.param(None, marks=pytest.mark.skip(
    reason="no page of the book shows an explorer"))]
EXPECTED = {"time_course", "dose_time", "acute_chronic", "perturbations", "regimens",
            "dose_response"}


def test_every_explorer_is_on_a_page():
    found = set()
    for page in explorer_pages():
        found |= set(re.findall(r'data-explorer="(\w+)"', _html(page)))
    assert found == EXPECTED
    for page in explorer_pages():
        html = _html(page)
        assert "explorer_runtime.js" in html, f"{page}: explorer runtime not loaded"
        assert "embed-amd.js" not in html, f"{page}: the widget manager is still loaded"


def _ready(page, root) -> None:
    root.scroll_into_view_if_needed()
    page.wait_for_function("e => e.dataset.state === 'ready' || e.dataset.state === 'failed'",
                           arg=root.element_handle(), timeout=TIMEOUT)
    assert root.get_attribute("data-state") == "ready", root.inner_text()[:400]


# What the chart shows: the SVG's markup, or the pixels of a canvas (the dose × time map).
_CHART = """e => {
  const chart = e.querySelector('.ifnalpha-explorer-chart');
  const svg = chart.querySelector('svg'), canvas = chart.querySelector('canvas');
  return svg ? svg.innerHTML : canvas ? canvas.toDataURL() : '';
}"""


def _snapshot(root) -> tuple[str, str]:
    return (root.locator(".ifnalpha-explorer-readout").inner_text(), root.evaluate(_CHART))


def _chart_is_named(root) -> None:
    """The chart has an accessible name (Vega's, from the spec's description); a canvas chart
    is, besides, one image (``role="img"`` on its container)."""
    chart = root.locator(".ifnalpha-explorer-chart")
    names = chart.evaluate("c => [c, ...c.querySelectorAll('[aria-label]')].map("
                           "x => x.getAttribute('aria-label') || '').join('|')")
    assert "chart of the model's values" in names, names
    if chart.locator("canvas").count():
        assert chart.get_attribute("role") == "img"
        assert "chart of the model's values" in (chart.get_attribute("aria-label") or "")


def _move(page, control) -> None:
    """Move one control from the keyboard (select and range: arrow keys; checkbox: space)."""
    control.focus()
    kind = control.evaluate("e => e.tagName === 'SELECT' ? 'select' : e.type")
    if kind == "checkbox":
        page.keyboard.press("Space")
    elif kind == "select":
        # towards the first option: the regimen explorer then shows IFN-α2b, whose exposure its
        # volume control changes (PEG-IFN-α2b has a volume of its own)
        page.keyboard.press("ArrowUp" if int(control.input_value()) > 0 else "ArrowDown")
    else:
        high = int(control.input_value()) < int(control.get_attribute("max"))
        page.keyboard.press("ArrowRight" if high else "ArrowLeft")


@pytest.mark.parametrize("page_path", PAGES)
def test_every_control_redraws_the_chart_and_the_key_numbers(page_path, open_page):
    page, visit = open_page(f"book/{page_path}")
    times = []
    for root in page.locator(".ifnalpha-explorer").all():
        name = root.get_attribute("data-explorer")
        _ready(page, root)
        readout = root.locator(".ifnalpha-explorer-readout")
        assert readout.get_attribute("aria-live") == "polite"
        assert readout.get_attribute("role") == "status"
        _chart_is_named(root)
        controls = root.locator("input, select").all()
        assert controls, f"{name}: no controls"
        for control in controls:
            ident = control.get_attribute("id")
            assert root.locator(f'label[for="{ident}"]').count() == 1, f"{name}: {ident} unlabelled"
            before = _snapshot(root)
            _move(page, control)
            page.wait_for_function(
                f"([e, r, s]) => ({_CHART})(e) !== s",
                arg=[root.element_handle(), *before], timeout=TIMEOUT)
            after = _snapshot(root)
            assert after[1] != before[1], f"{name}: {ident} did not redraw the chart"
            display_only = control.evaluate("e => e.name === 'relative'")
            if not display_only:
                assert after[0] != before[0], f"{name}: {ident} left the key numbers unchanged"
            times.append(int(root.get_attribute("data-update-ms")))
    assert not visit.problems(), "\n".join(visit.problems())
    print(f"{page_path}: update median {statistics.median(times)} ms, max {max(times)} ms")


def test_an_explorer_works_from_disk(browser):
    """Opened as a file (as the README says), the data scripts load without fetch()."""
    page_path = next(p for p in explorer_pages() if "dose_response" in _html(p))
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((BOOK_HTML / page_path).as_uri())
    root = page.locator('.ifnalpha-explorer[data-explorer="dose_response"]')
    _ready(page, root)
    assert "half-maximal" in root.locator(".ifnalpha-explorer-readout").inner_text()
    # (the interactive tables' module import fails from file:// on its own: not the explorers')
    mine = [e for e in errors if "itables" not in e]
    assert not mine, mine
    context.close()
