"""Every page of the built book in Chromium: loads cleanly, images have alt text, axe-core passes.

One visit per page and colour scheme gathers what the tests below assert on: console errors,
page errors, failed requests to localhost (HTTP errors included), requests leaving localhost,
the ``alt`` text of every image in the main content, and the axe-core violations. Serious and
critical axe violations fail; all of them are written to ``_build/browser-report.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from book_site import BOOK_HTML, REPR_PATTERNS, book_pages, start_tables, toc_entries

FAILING_IMPACTS = {"serious", "critical"}
SCHEMES = ["light", "dark"]
IMAGE_FILE = re.compile(r".*\.(png|jpe?g|gif|svg|webp|pdf)$", flags=re.I)


@dataclass
class Inspection:
    problems: list[str]
    images: list[dict]
    outputs: str
    violations: dict[str, list[dict]]  # by colour scheme


_INSPECTIONS: dict[str, Inspection] = {}

AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html.slice(0, 300),
                              summary: n.failureSummary}))}));
}"""


@pytest.fixture
def inspect(open_page, axe_source, results):
    """One visit per page: load problems, images, axe-core in the light and the dark theme."""

    def _inspect(page_path: str) -> Inspection:
        if page_path not in _INSPECTIONS:
            page, visit = open_page(f"book/{page_path}", color_scheme="light")
            if page.locator("table[id]").count():  # interactive tables start near the view
                start_tables(page)
                page.wait_for_load_state("networkidle")
                page.evaluate("() => window.scrollTo(0, 0)")
            images = page.eval_on_selector_all(
                "main img", "els => els.map(e => ({src: e.getAttribute('src') || '',"
                " alt: e.getAttribute('alt'), html: e.outerHTML.slice(0, 200)}))")
            outputs = "\n".join(page.locator("main .output, main .cell_output").all_inner_texts())
            page.evaluate(axe_source)
            # Colours are judged at rest: no theme transition half-way when axe looks.
            page.add_style_tag(content="*, *::before, *::after { transition: none !important;"
                               " animation: none !important; }")
            violations = {}
            for scheme in SCHEMES:
                # The theme follows the reader's system setting ("auto" mode).
                page.emulate_media(color_scheme=scheme)
                page.wait_for_function(
                    f"() => document.documentElement.dataset.theme === '{scheme}'"
                    " || !document.documentElement.dataset.theme")
                page.evaluate("() => new Promise(r => requestAnimationFrame("
                              "() => requestAnimationFrame(r)))")
                violations[scheme] = page.evaluate(AXE_RUN)
            page.context.close()
            _INSPECTIONS[page_path] = Inspection(visit.problems(), images, outputs, violations)
            results.pages.add(page_path)
            results.axe[page_path] = violations
        return _INSPECTIONS[page_path]

    return _inspect


def test_the_toc_pages_are_built():
    missing = [e for e in toc_entries() if not (BOOK_HTML / f"{e}.html").is_file()]
    assert not missing, f"TOC pages missing from _build/html: {missing}"


@pytest.mark.parametrize("page_path", book_pages())
def test_page_loads_with_no_errors(page_path, inspect):
    problems = inspect(page_path).problems
    assert not problems, f"{page_path}:\n" + "\n".join(problems)


@pytest.mark.parametrize("page_path", book_pages())
def test_every_image_in_the_content_has_alt_text(page_path, inspect):
    bad = []
    for image in inspect(page_path).images:
        alt = (image["alt"] or "").strip()
        name = image["src"].rsplit("/", 1)[-1]
        if not alt:
            bad.append(f"no alt text: {image['html']}")
        elif IMAGE_FILE.fullmatch(alt) or alt == name:
            bad.append(f"alt text is a file name ({alt!r}), not a description: {image['html']}")
    assert not bad, f"{page_path}:\n" + "\n".join(bad)


@pytest.mark.parametrize("page_path", book_pages())
def test_outputs_render_as_figures_widgets_and_tables_not_as_reprs(page_path, inspect):
    text = inspect(page_path).outputs
    found = [f"{name}: …{text[max(m.start() - 40, 0):m.end() + 40]!r}…"
             for name, pattern in REPR_PATTERNS.items() for m in pattern.finditer(text)]
    assert not found, f"{page_path}:\n" + "\n".join(found)


def _describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        lines.extend(f"    {n['target']}: {n['html']}" for n in v["nodes"][:5])
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page_path", book_pages())
def test_no_serious_accessibility_violations(page_path, scheme, inspect):
    violations = inspect(page_path).violations[scheme]
    failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    assert not failing, f"axe-core on {page_path} ({scheme} mode):\n" + _describe(failing)
