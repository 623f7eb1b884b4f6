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
from book_site import BOOK_HTML, book_pages, toc_entries

FAILING_IMPACTS = {"serious", "critical"}
IMAGE_FILE = re.compile(r".*\.(png|jpe?g|gif|svg|webp|pdf)$", flags=re.I)


@dataclass
class Inspection:
    problems: list[str]
    images: list[dict]
    violations: list[dict]


_INSPECTIONS: dict[tuple[str, str], Inspection] = {}

AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html.slice(0, 300),
                              summary: n.failureSummary}))}));
}"""


@pytest.fixture
def inspect(open_page, axe_source, results):
    def _inspect(page_path: str, scheme: str = "light") -> Inspection:
        key = (page_path, scheme)
        if key not in _INSPECTIONS:
            page, visit = open_page(f"book/{page_path}", color_scheme=scheme)
            images = page.eval_on_selector_all(
                "main img", "els => els.map(e => ({src: e.getAttribute('src') || '',"
                " alt: e.getAttribute('alt'), html: e.outerHTML.slice(0, 200)}))")
            page.evaluate(axe_source)
            violations = page.evaluate(AXE_RUN)
            page.context.close()
            _INSPECTIONS[key] = Inspection(visit.problems(), images, violations)
            results.pages.add(page_path)
            results.axe.setdefault(page_path, {})[scheme] = violations
        return _INSPECTIONS[key]

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


def _describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        lines.extend(f"    {n['target']}: {n['html']}" for n in v["nodes"][:5])
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page_path", book_pages())
def test_no_serious_accessibility_violations(page_path, scheme, inspect):
    violations = inspect(page_path, scheme).violations
    failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    assert not failing, f"axe-core on {page_path} ({scheme} mode):\n" + _describe(failing)
