"""What each HTML page loads (ifnalpha.book.page_assets): MathJax only on pages with math, no
Font Awesome JavaScript, no script in the head that blocks the first paint."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from ifnalpha.book import page_assets
from ifnalpha.book.table_display import RAW_LATEX_MARKER

CONF = """
extensions = ["myst_nb", "ifnalpha.book.page_assets"]
html_theme = "sphinx_book_theme"
master_doc = "index"
nb_execution_mode = "off"
mathjax_path = "vendor/mathjax/tex-mml-chtml.js"
mathjax3_config = {"tex": {"tags": "ams"}}
"""


def _notebook(outputs: list[dict]) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    cell = nbformat.v4.new_code_cell("table", execution_count=1)
    cell.outputs = outputs
    notebook.cells = [nbformat.v4.new_markdown_cell("# A table page"), cell]
    return notebook


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    """A small book in the book's theme: a page with math, one without, and a notebook whose
    table has a LaTeX form for the PDF (which Sphinx counts as an equation)."""
    src = tmp_path_factory.mktemp("book")
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.rst").write_text("Index\n=====\n\n.. toctree::\n\n   math\n   plain\n"
                                   "   table\n", encoding="utf-8")
    (src / "math.rst").write_text("Math\n====\n\nThe rate is :math:`k_{on} x^2`.\n",
                                  encoding="utf-8")
    (src / "plain.rst").write_text("Plain\n=====\n\nNo math here.\n", encoding="utf-8")
    latex = f"{RAW_LATEX_MARKER}\n\\begin{{longtable}}{{l}}\nMX1 \\\\\n\\end{{longtable}}"
    nbformat.write(_notebook([nbformat.v4.new_output(
        "execute_result", {"text/latex": latex, "text/html": "<table><tr><td>MX1</td></tr></table>",
                           "text/plain": "t"}, execution_count=1)]), src / "table.ipynb")
    out = src / "_build"
    warnings = src / "warnings.txt"
    # in a process of its own: myst-nb registers its parser in Sphinx defaults that every
    # later Sphinx app of the same process would share
    run = subprocess.run([sys.executable, "-m", "sphinx", str(src), str(out), "-b", "html",
                          "-q", "-w", str(warnings)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr + warnings.read_text(encoding="utf-8")
    return out


def _head(html: str) -> str:
    return html[:html.index("</head>")]


def test_mathjax_only_on_pages_with_math(book):
    pages = {name: (book / f"{name}.html").read_text(encoding="utf-8")
             for name in ("math", "plain", "table", "index")}
    assert "tex-mml-chtml.js" in pages["math"] and "window.MathJax" in pages["math"]
    for name in ("plain", "table", "index"):
        assert "tex-mml-chtml.js" not in pages[name], name
        assert "window.MathJax" not in pages[name], name


def test_no_font_awesome_script_but_its_web_font_css(book):
    for name in ("math", "plain", "table", "index", "search"):
        html = (book / f"{name}.html").read_text(encoding="utf-8")
        assert "fontawesome.js" not in html, name
        assert "pydata-sphinx-theme.css" in html, name
        assert re.search(r'<i class="[^"]*fa-solid fa-magnifying-glass', html), name
    css = (book / "_static" / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    assert "fa-solid-900.woff2" in css and ".fa-magnifying-glass:before" in css
    assert (book / "_static" / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.woff2"
            ).is_file()


def test_no_script_in_the_head_blocks_rendering(book):
    for name in ("math", "plain", "table", "index"):
        head = _head((book / f"{name}.html").read_text(encoding="utf-8"))
        loaded = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", head)
        assert any("searchindex.js" in tag for tag in loaded), name
        blocking = [tag for tag in loaded if not re.search(r"\b(defer|async)\b", tag)]
        assert not blocking, (name, blocking)


def test_search_page_keeps_its_scripts(book):
    head = _head((book / "search.html").read_text(encoding="utf-8"))
    assert re.search(r'<script src="[^"]*searchtools\.js', head)


def test_filters():
    html = ('<script src="a.js"></script><script type="module" src="m.js"></script>'
            '<script>let x = 1;</script><script async="async" src="b.js"></script>')
    assert page_assets.deferred_scripts(html) == (
        '<script defer src="a.js"></script><script type="module" src="m.js"></script>'
        '<script>let x = 1;</script><script async="async" src="b.js"></script>')
    tag = '<script defer src="../_static/scripts/fontawesome.js?digest=1"></script>\n'
    assert page_assets.without_fontawesome_js("<head>\n" + tag + "</head>") == "<head>\n</head>"
    assert page_assets.without_fontawesome_js('<script src="fontawesome-config.js"></script>')


def test_icon_fonts_keep_only_the_glyphs_the_book_uses(book):
    from fontTools.ttLib import TTFont

    fonts = book / page_assets.ICON_FONTS
    solid = TTFont(fonts / "fa-solid-900.woff2")
    kept = set(solid.getBestCmap())
    # the theme's icons on the pages: search, menu, colour modes, back to top ...
    assert {0xF002, 0xF0C9, 0xF185, 0xF186, 0xF062} <= kept
    # ... and the admonition icons its CSS draws from the font (--pst-icon-*)
    assert 0xF05A in kept
    assert 0xF7A2 not in kept, "an icon the book never shows (globe-europe) is still there"
    assert len(kept) < 60
    brands = TTFont(fonts / "fa-brands-400.woff2")
    assert 0xF09B in set(brands.getBestCmap()), "the repository button's GitHub icon"
    assert (fonts / "fa-solid-900.woff2").stat().st_size < 20_000


def test_icon_fonts_regain_a_glyph_on_an_incremental_build(book, tmp_path):
    """Sphinx does not copy the fonts again on an incremental build: the glyphs of an icon new
    to the book come from the theme's complete font, not from the copy already cut down."""
    import shutil

    from fontTools.ttLib import TTFont

    out = tmp_path / "html"
    shutil.copytree(book, out)
    (out / "new.html").write_text('<i class="fa-solid fa-globe-europe"></i>', encoding="utf-8")
    page_assets.subset_icon_fonts(out)
    kept = set(TTFont(out / page_assets.ICON_FONTS / "fa-solid-900.woff2").getBestCmap())
    assert 0xF7A2 in kept, "the new page's globe icon is missing from the font"
    assert 0xF002 in kept
