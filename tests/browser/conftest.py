"""Fixtures of the browser tests: the built HTML book on localhost, in Debian's Chromium.

``_build/html`` (``make html``) is served by a ``http.server`` thread on a free port of
127.0.0.1, under ``/book/`` (as on a project site, so that any root-relative link breaks here
too), next to small fixture pages under ``/fixtures/`` that exercise the book's offline widget
manager, its interactive tables and its MathJax independently of the chapters' content.
Playwright for Python drives Debian's Chromium (``/usr/bin/chromium``; Playwright's own browser
download does not work here) with a fresh profile. Every request that leaves localhost is
aborted and reported: the book must work with no internet connection.

Run by ``make browser-check`` (part of ``make test``), which sets ``IFNALPHA_BOOK_CHECKS=1``;
``pytest tests`` (``make unit``) does not collect these tests. Chromium is installed from
Debian's packages when missing (``tools/install-system-packages.sh browser``); where that is
impossible the tests skip naming the package, except under ``CI=true``, where they fail.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from book_site import BOOK_HTML, CONFIG, ROOT

if os.environ.get("IFNALPHA_BOOK_CHECKS") != "1":
    collect_ignore_glob = ["test_*.py"]

CHROMIUM = os.environ.get("IFNALPHA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REPORT = ROOT / "_build" / "browser-report.json"
IN_CI = os.environ.get("CI") == "true"


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium, installed when missing (or skip, or fail under CI)."""
    install = subprocess.run([str(ROOT / "tools" / "install-system-packages.sh"), "browser"],
                             capture_output=True, text=True)
    if install.returncode == 3 and not IN_CI:
        pytest.skip(install.stdout.strip())
    assert install.returncode == 0, f"installing Chromium failed:\n{install.stdout}" \
        f"{install.stderr}"
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing after installing Chromium"
    return CHROMIUM


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
        pass


def _widget_fixture() -> str:
    """A page with one embedded slider, loading the widget manager exactly as the book does."""
    import ipywidgets
    from ipywidgets.embed import embed_data

    slider = ipywidgets.IntSlider(value=3, min=0, max=10, description="dose")
    data = embed_data(views=[slider])
    scripts = []
    for path, attributes in CONFIG["sphinx"]["config"]["nb_ipywidgets_js"].items():
        attrs = "".join(f' {name}="{value}"' for name, value in attributes.items())
        scripts.append(f'<script src="/book/_static/{path}"{attrs}></script>')
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>widgets</title>'
        + "".join(scripts)
        + '<script type="application/vnd.jupyter.widget-state+json">'
        + json.dumps(data["manager_state"]) + "</script></head><body><main>"
        + '<script type="application/vnd.jupyter.widget-view+json">'
        + json.dumps(data["view_specs"][0]) + "</script></main></body></html>"
    )


def _tables_fixture() -> str:
    """A page with two interactive tables made by ifnalpha.book.table_display, in offline mode."""
    import pandas as pd

    from ifnalpha.book.table_display import init_tables, interactive_table

    genes = ["MX1", "MX2", "OAS1", "OAS2", "OAS3", "ISG15", "IFIT1", "IFIT3", "IFITM1", "IRF7",
             "IRF9", "STAT1", "STAT2", "USP18", "SOCS1"]
    long = pd.DataFrame({"gene": genes, "rank": range(len(genes), 0, -1)})
    short = pd.DataFrame({"gene": ["USP18", "SOCS1", "IRF9"], "role": ["brake", "brake", "ISGF3"]})
    # data-content_root, as Sphinx writes it on the book's pages: the bundle the book ships.
    return (
        '<!DOCTYPE html><html lang="en" data-content_root="/book/"><head><meta charset="utf-8">'
        "<title>tables</title></head><body><main>" + init_tables().html
        + interactive_table(long, "fixture-long", "Genes (paged)", page_length=5)._repr_html_()
        + interactive_table(short, "fixture-short", "Genes (short)")._repr_html_()
        + "</main></body></html>"
    )


def _math_fixture() -> str:
    """A page with inline and display math, loading MathJax from where the book does."""
    mathjax = CONFIG["sphinx"]["config"]["mathjax_path"]
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>math</title>'
        f'<script defer src="/book/_static/{mathjax}"></script></head><body><main>'
        r"<p>Inline \(\mathrm{IFN}\text{-}\alpha + \beta\) and display</p>"
        r"<div>\[\frac{d[\mathrm{ISGF3}]}{dt} = k_1 \gamma - k_2 \kappa\]</div>"
        "</main></body></html>"
    )


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """Base URL of a local server: the book under /book/, fixture pages under /fixtures/."""
    index = BOOK_HTML / "index.html"
    assert index.is_file(), f"{index} is missing: build the book first (make html)"
    root = tmp_path_factory.mktemp("site")
    (root / "book").symlink_to(BOOK_HTML, target_is_directory=True)
    (root / "fixtures").mkdir()
    (root / "fixtures" / "widgets.html").write_text(_widget_fixture(), encoding="utf-8")
    (root / "fixtures" / "tables.html").write_text(_tables_fixture(), encoding="utf-8")
    (root / "fixtures" / "math.html").write_text(_math_fixture(), encoding="utf-8")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # launch() gives Chromium a fresh, temporary user-data directory.
        instance = playwright.chromium.launch(executable_path=chromium, headless=True,
                                              args=CHROMIUM_ARGS)
        yield instance
        instance.close()




@dataclass
class Visit:
    """What happened while a page loaded."""

    url: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    thebe_config_scripts: int = 0

    def problems(self) -> list[str]:
        duplicated = ([f"inline script declared {self.thebe_config_scripts} times: THEBE_JS_URL"]
                      if self.thebe_config_scripts > 1 else [])
        return ([f"console error: {m}" for m in self.console_errors]
                + [f"page error: {m}" for m in self.page_errors]
                + duplicated
                + [f"failed request: {m}" for m in self.failed_requests]
                + [f"request leaving localhost (the book must work offline): {m}"
                   for m in self.external_requests])


@pytest.fixture(scope="session")
def open_page(browser, server):
    """open_page(path) -> (page, visit): a new tab with `path` loaded and its visit record."""
    contexts = []

    def _open(path: str, color_scheme: str = "light"):
        context = browser.new_context(color_scheme=color_scheme, service_workers="block")
        contexts.append(context)
        page = context.new_page()
        visit = Visit(url=server + path)

        def route(route):
            if urlsplit(route.request.url).hostname in {"127.0.0.1", "localhost"} or \
                    route.request.url.startswith(("data:", "blob:")):
                route.continue_()
            else:
                visit.external_requests.append(route.request.url)
                route.abort()

        page.route("**/*", route)
        page.on("console", lambda m: m.type == "error" and visit.console_errors.append(
            f"{m.text} ({m.location.get('url', '')}:{m.location.get('lineNumber', '')})"))
        page.on("pageerror", lambda e: visit.page_errors.append(str(e)))
        page.on("requestfailed", lambda r: r.url.startswith(server) and
                visit.failed_requests.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: r.url.startswith(server) and r.status >= 400 and
                visit.failed_requests.append(f"{r.url} (HTTP {r.status})"))
        page.goto(visit.url, wait_until="load")
        # a widget page (3.6 MB of scripts) can take long on a busy 2-core machine
        page.wait_for_load_state("networkidle", timeout=120_000)
        visit.thebe_config_scripts = page.evaluate(
            "() => Array.from(document.scripts).filter("
            "s => !s.src && s.text.includes('const THEBE_JS_URL')).length")
        return page, visit

    yield _open
    for context in contexts:
        context.close()


class Results:
    """Per-page results gathered for the report written to _build/browser-report.json."""

    written = False  # by this session

    def __init__(self):
        self.axe: dict[str, dict[str, list[dict]]] = {}
        self.pages: set[str] = set()


@pytest.fixture(scope="session")
def results():
    collected = Results()
    REPORT.unlink(missing_ok=True)
    yield collected
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for by_scheme in collected.axe.values():
        for violations in by_scheme.values():
            for violation in violations:
                impact = violation["impact"] or "none"
                counts[impact] = counts.get(impact, 0) + len(violation["nodes"])
    Results.written = True
    REPORT.write_text(json.dumps({"pages_checked": sorted(collected.pages),
                                  "axe_violation_nodes_by_impact": counts,
                                  "axe": collected.axe}, indent=1), encoding="utf-8")


@pytest.fixture(scope="session")
def axe_source() -> str:
    assert AXE.is_file(), f"{AXE} is missing: run `make web` (npm ci)"
    return AXE.read_text(encoding="utf-8")


def pytest_terminal_summary(terminalreporter):
    if REPORT.is_file() and Results.written:
        report = json.loads(REPORT.read_text(encoding="utf-8"))
        terminalreporter.write_line(
            f"browser: {len(report['pages_checked'])} pages checked; axe violations (nodes) by "
            f"impact: {report['axe_violation_nodes_by_impact'] or 'none'} "
            f"(details: {REPORT.relative_to(ROOT)})")

