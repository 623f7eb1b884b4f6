"""Sphinx extension: each page of the HTML book loads only the scripts it uses, late.

A phone on a slow network (Lighthouse's "mobile" profile) spent most of a chapter's load on
scripts the page did not need or did not need yet. This extension, listed in ``_config.yml``,
applies three rules to every HTML page:

* **MathJax only where there is math.** Sphinx adds MathJax to a page when its math domain
  recorded an equation there, and it records the ``text/latex`` outputs of notebooks too,
  although the HTML shows another representation of them (the book's tables and figures keep
  a LaTeX form for the PDF). A page keeps MathJax and its configuration only if the document
  it writes, after myst-nb chose each output's HTML form, holds a math node
  (:func:`needs_math`).
* **No Font Awesome JavaScript, and only the icons the book shows.** pydata-sphinx-theme
  draws its icons twice: its stylesheet holds Font Awesome's web-font CSS (the icons' glyphs,
  from the fonts the theme ships in ``_static/vendor/fontawesome/``), and ``fontawesome.js``
  (1.5 MB) replaces every ``<i>`` icon with an inline SVG and watches the page for new ones.
  The web fonts alone draw the same icons of the same pinned Font Awesome, so the script tag
  is dropped (:func:`without_fontawesome_js`). The fonts themselves (275 kB compressed, all
  2,000 icons) are cut down, once the HTML is written, to the glyphs that the book's pages,
  the theme's scripts and the theme's own CSS rules use (:func:`subset_icon_fonts`, with
  fontTools): the same glyphs at the same code points, a few kB.
* **No script blocks the first paint.** Classic scripts in the page's head (Sphinx's, the
  theme's, the extensions', the search index) are loaded with ``defer``: they still run in
  document order, before ``DOMContentLoaded``, but after the page is parsed
  (:func:`deferred_scripts`). Inline scripts (small configurations) still run in place.
  The search page is left as it is.

The rules are applied by a ``layout.html`` template shipped with this module (in
``templates/``, added to ``templates_path``) that extends the theme's and passes its
``css``, ``scripts`` and ``extrahead`` blocks through the filters of this module.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes

__all__ = ["TEMPLATES", "deferred_scripts", "icon_code_points", "needs_math", "setup",
           "subset_icon_fonts", "theme_icon_fonts", "without_fontawesome_js"]

#: The folder of the template that applies the rules (added to ``templates_path``).
TEMPLATES = Path(__file__).with_name("templates")

_FONTAWESOME_JS = re.compile(
    r"""[ \t]*<script\b[^>]*\bsrc=["'][^"']*/fontawesome\.js(?:\?[^"']*)?["'][^>]*>\s*</script>"""
    r"""[ \t]*\n?""")
#: Where the theme's stylesheet (with Font Awesome's CSS) and its web fonts are in the book.
THEME_CSS = "_static/styles/pydata-sphinx-theme.css"
ICON_FONTS = "_static/vendor/fontawesome/webfonts"
# One icon's rule in Font Awesome's CSS: `.fa-magnifying-glass:before,.fa-search:before{...}`.
_ICON_RULE = re.compile(r'((?:\.fa-[\w-]+:(?:before|after),?)+)\{content:"\\([0-9a-f]{4,5})"\}')
_ICON_CLASS = re.compile(r"\bfa-([a-z0-9-]+)")
_ESCAPED_PRIVATE = re.compile(r"\\([ef][0-9a-f]{3})\b", re.IGNORECASE)
_CLASSIC_SCRIPT = re.compile(r"<script\b([^>]*)>")
_SCRIPT_SRC = re.compile(r"""\bsrc\s*=""")
_NOT_DEFERRABLE = re.compile(r"""\b(?:async|defer|type\s*=\s*["']?module)\b""")


def without_fontawesome_js(html: str) -> str:
    r"""Remove the ``<script>`` tag that loads pydata-sphinx-theme's ``fontawesome.js``.

    Examples
    --------
    >>> head = ('<link href="_static/styles/theme.css" rel="stylesheet" />\n'
    ...         '  <script defer src="_static/scripts/fontawesome.js?digest=55c2"></script>\n'
    ...         '  <link rel="preload" as="script" href="_static/scripts/bootstrap.js" />')
    >>> print(without_fontawesome_js(head))
    <link href="_static/styles/theme.css" rel="stylesheet" />
      <link rel="preload" as="script" href="_static/scripts/bootstrap.js" />
    """
    return _FONTAWESOME_JS.sub("", str(html))


def deferred_scripts(html: str) -> str:
    """Add ``defer`` to every classic script of `html` that loads a file synchronously.

    Inline scripts, module scripts and scripts already ``async`` or ``defer`` are unchanged.

    Examples
    --------
    >>> deferred_scripts('<script src="_static/doctools.js?v=9a2d"></script>')
    '<script defer src="_static/doctools.js?v=9a2d"></script>'
    >>> deferred_scripts('<script>let a = 1;</script><script async src="x.js"></script>')
    '<script>let a = 1;</script><script async src="x.js"></script>'
    """

    def defer(match: re.Match[str]) -> str:
        attributes = match.group(1)
        if not _SCRIPT_SRC.search(attributes) or _NOT_DEFERRABLE.search(attributes):
            return match.group(0)
        return f"<script defer{attributes}>"

    return _CLASSIC_SCRIPT.sub(defer, str(html))


def needs_math(doctree: nodes.Node | None) -> bool:
    """Return whether a page, as written to HTML, shows math (and so needs MathJax).

    Examples
    --------
    >>> from docutils import nodes
    >>> page = nodes.section()
    >>> needs_math(page)
    False
    >>> page += nodes.math("", "x^2")
    >>> needs_math(page)
    True
    """
    if doctree is None:
        return False
    return next(iter(doctree.findall(lambda n: isinstance(n, (nodes.math, nodes.math_block)))),
                None) is not None


def icon_code_points(outdir: Path | str) -> set[int]:
    r"""Return the code points of the Font Awesome glyphs that the built HTML book uses.

    Those of every ``fa-<name>`` icon class named in a page or in one of the book's and the
    themes' scripts (``_static/*.js``, ``_static/scripts/*.js``, not ``fontawesome.js``), and
    every private-use character in the themes' and extensions' CSS outside Font Awesome's
    own icon rules (the theme draws admonition and link icons from the font in CSS).

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> (out / "_static" / "styles").mkdir(parents=True)
    >>> _ = (out / THEME_CSS).write_text(
    ...     '.fa-bars:before{content:"\\f0c9"}.fa-sun:before{content:"\\f185"}'
    ...     ':root{--pst-icon-bell:"\uf0f3"}', encoding="utf-8")
    >>> _ = (out / "page.html").write_text('<i class="fa-solid fa-bars"></i>', encoding="utf-8")
    >>> sorted(hex(c) for c in icon_code_points(out))
    ['0xf0c9', '0xf0f3']
    """
    out = Path(outdir)
    icons: dict[str, int] = {}
    for selectors, code in _ICON_RULE.findall((out / THEME_CSS).read_text(encoding="utf-8")):
        for name in re.findall(r"\.fa-([\w-]+):", selectors):
            icons[name] = int(code, 16)
    used: set[int] = set()
    for css in sorted(out.glob("_static/*.css")) + sorted(out.glob("_static/styles/*.css")):
        text = _ICON_RULE.sub("", css.read_text(encoding="utf-8", errors="replace"))
        used |= {ord(c) for c in text if 0xE000 <= ord(c) <= 0xF8FF}
        used |= {int(code, 16) for code in _ESCAPED_PRIVATE.findall(text)}
    scripts = [path for pattern in ("_static/*.js", "_static/scripts/*.js")
               for path in sorted(out.glob(pattern)) if path.name != "fontawesome.js"]
    for path in sorted(out.rglob("*.html")) + scripts:
        text = path.read_text(encoding="utf-8", errors="replace")
        used |= {icons[name] for name in _ICON_CLASS.findall(text) if name in icons}
    return used


def theme_icon_fonts() -> Path | None:
    """Return the folder of the installed theme's own (complete) Font Awesome web fonts.

    Examples
    --------
    >>> sorted(p.name for p in theme_icon_fonts().glob("fa-solid-*"))
    ['fa-solid-900.ttf', 'fa-solid-900.woff2']
    """
    import pydata_sphinx_theme

    folder = (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
              / "static" / "vendor" / "fontawesome" / "webfonts")
    return folder if folder.is_dir() else None


def subset_icon_fonts(outdir: Path | str) -> dict[str, tuple[int, int]]:
    """Cut the theme's Font Awesome web fonts in a built book down to the glyphs it uses.

    Each ``.woff2`` and ``.ttf`` font of ``_static/vendor/fontawesome/webfonts`` is rewritten
    in place, in its own format, with the glyphs of :func:`icon_code_points` (at the same
    code points, so the theme's CSS is unchanged). The glyphs are taken from the installed
    theme's complete font of the same name (:func:`theme_icon_fonts`), not from the book's
    copy: Sphinx does not copy a static file again on an incremental build, so the copy may
    already be cut down, and an icon new to the book would otherwise be missing.

    Returns
    -------
    dict
        File name → (bytes before, bytes after).
    """
    from fontTools import subset

    out = Path(outdir)
    fonts = sorted((out / ICON_FONTS).glob("*.woff2")) + sorted((out / ICON_FONTS).glob("*.ttf"))
    if not fonts or not (out / THEME_CSS).is_file():
        return {}
    code_points = icon_code_points(out)
    originals = theme_icon_fonts()
    sizes = {}
    for font_path in fonts:
        options = subset.Options()
        options.flavor = "woff2" if font_path.suffix == ".woff2" else None
        options.layout_features = ["*"]
        source = originals / font_path.name if originals is not None else font_path
        font = subset.load_font(str(source if source.is_file() else font_path), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=code_points)
        subsetter.subset(font)
        before = font_path.stat().st_size
        subset.save_font(font, str(font_path), options)
        sizes[font_path.name] = (before, font_path.stat().st_size)
    return sizes


def _is_mathjax(script: Any, mathjax_path: str) -> bool:
    """Whether `script` (one of Sphinx's ``script_files``) is MathJax or its configuration."""
    filename = str(getattr(script, "filename", script) or "")
    body = str((getattr(script, "attributes", None) or {}).get("body", ""))
    return bool(mathjax_path) and filename.endswith(mathjax_path) or (
        not filename and body.lstrip().startswith(("window.MathJax", "MathJax.Hub.Config")))


def _page(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Drop MathJax from a page without math; tell the template whether to defer scripts."""
    context["ifnalpha_defer_scripts"] = pagename != "search"
    scripts = context.get("script_files")
    if not scripts or doctree is None or needs_math(doctree):
        return
    mathjax_path = str(getattr(app.config, "mathjax_path", "") or "")
    context["script_files"] = [s for s in scripts if not _is_mathjax(s, mathjax_path)]


def _add_templates(app: Any, config: Any) -> None:
    # a new list: Sphinx's default value is one list shared by every app of the process
    if str(TEMPLATES) not in config.templates_path:
        config.templates_path = [*config.templates_path, str(TEMPLATES)]


def _add_filters(app: Any) -> None:
    templates = getattr(app.builder, "templates", None)
    environment = getattr(templates, "environment", None)
    if environment is not None:
        environment.filters["without_fontawesome_js"] = without_fontawesome_js
        environment.filters["deferred_scripts"] = deferred_scripts


def _subset_fonts(app: Any, exception: Exception | None) -> None:
    if exception is None and getattr(app.builder, "format", "") == "html":
        subset_icon_fonts(app.outdir)


def setup(app: Any) -> dict[str, Any]:
    """Sphinx extension: register the template, its filters and the rules."""
    app.connect("config-inited", _add_templates)
    app.connect("builder-inited", _add_filters)
    app.connect("html-page-context", _page, priority=900)
    app.connect("build-finished", _subset_fonts)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
