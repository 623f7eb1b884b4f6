"""What the browser tests look at: the pages of the built book, found from the TOC and the build.

Everything is derived from ``_toc.yml``, ``_config.yml`` and the files in ``_build/html``, so the
tests follow the book as it grows: a new chapter, table or widget is checked without editing them.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
BOOK_HTML = ROOT / "_build" / "html"
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))

# Widget modules that the book's widget manager (@jupyter-widgets/html-manager) bundles.
BUNDLED_WIDGET_MODULES = {"@jupyter-widgets/base", "@jupyter-widgets/controls",
                          "@jupyter-widgets/output"}


# Text that must not show in the rendered outputs of a page: reprs that stand in for a figure,
# a widget or a display object that did not render (as in a kernel-less notebook viewer).
REPR_PATTERNS = {
    "matplotlib figure repr": re.compile(r"<(Figure|Axes|matplotlib\.[\w.]+)[ (]"),
    "Python object repr": re.compile(r"<[A-Za-z_][\w.]*(?: object)? at 0x[0-9a-fA-F]+>"),
    "IPython display object": re.compile(r"<IPython\.core\.display"),
    "widget repr": re.compile(r"\b(IntSlider|FloatSlider|Dropdown|VBox|HBox|interactive|Output)"
                              r"\((value|children|options|description|layout|outputs)="),
    "widget error": re.compile(r"Error displaying widget|Loading widget\.\.\."),
    "table not initialised": re.compile(r"Loading ITables"),
}


# The book's pages load DataTables when a table first nears the view (table_display): bring
# the first visible table into view, then wait until no table shows itables' loading message.
_FIRST_TABLE_INTO_VIEW = """() => {
  const table = Array.from(document.querySelectorAll('table[id]')).find(t => t.offsetParent);
  if (table) table.scrollIntoView();
}"""
_TABLES_READY = ("() => !Array.from(document.querySelectorAll('table[id]'))"
                 ".some(t => /Loading ITables/.test(t.innerText))")


def start_tables(page, timeout: float = 20_000) -> None:
    """Scroll to the page's first table so that its interactive tables start; wait for them."""
    page.evaluate(_FIRST_TABLE_INTO_VIEW)
    page.wait_for_function(_TABLES_READY, timeout=timeout)


def toc_entries() -> list[str]:
    entries = [TOC["root"]]
    for part in TOC.get("parts", []):
        for chapter in part["chapters"]:
            entries.append(chapter["file"])
            entries.extend(section["file"] for section in chapter.get("sections", []))
    return entries


def notebook_entries() -> list[str]:
    """TOC entries whose source is a notebook (pages with launch and .ipynb buttons)."""
    return [e for e in toc_entries() if (ROOT / f"{e}.ipynb").exists()]


def book_pages() -> list[str]:
    """Every page to check: the TOC's pages, the search page, the index and the start page.

    Other .html files in _build/html are not pages of the book (Sphinx never deletes the output
    of a page that left the build), so they are not checked.
    """
    return ([f"{entry}.html" for entry in toc_entries()]
            + ["search.html", "genindex.html", "index.html"])


def _html(page: str) -> str:
    path = BOOK_HTML / page
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def table_pages() -> list[str]:
    """Built pages with at least one interactive (itables) table."""
    return [p for p in book_pages() if re.search(r"new ITable\(", _html(p))]


def diagram_pages() -> list[str]:
    """Built pages that show at least one Graphviz diagram (inline SVG)."""
    return [p for p in book_pages() if 'class="ifnalpha-diagram"' in _html(p)]


def widget_pages() -> list[str]:
    """Built pages with embedded widget state (myst-nb writes it when a notebook has widgets)."""
    return [p for p in book_pages() if "application/vnd.jupyter.widget-state+json" in _html(p)]


def math_pages() -> list[str]:
    return [p for p in book_pages() if re.search(r'class="math', _html(p))]


def binder_url(entry: str) -> str:
    """The launch URL that sphinx-book-theme derives from the repository settings."""
    repo = CONFIG["repository"]
    owner_name = repo["url"].removeprefix("https://github.com/").strip("/")
    hub = CONFIG["launch_buttons"]["binderhub_url"].rstrip("/")
    interface = CONFIG["launch_buttons"].get("notebook_interface", "classic")
    prefix = "lab/tree/" if interface == "jupyterlab" else "tree/"
    path = f"{repo.get('path_to_book', '').strip('/')}/{entry}.ipynb".lstrip("/")
    return f"{hub}/v2/gh/{owner_name}/{repo.get('branch', 'master')}?urlpath={prefix}{path}"
