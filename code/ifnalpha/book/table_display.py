"""Rich display of data frames in the book: interactive in HTML, static in the PDF.

An :class:`InteractiveTable` renders as an itables/DataTables table (search, sort, per-column
filtering) in the HTML book and as a LaTeX ``longtable`` in the PDF; a :class:`StaticTable` is
a small labelled table, plain in HTML and the same ``longtable`` in the PDF.

Where the DataTables library comes from (:func:`init_tables`, displayed once per page):

* in the HTML book, from the book itself: this module is also a Sphinx extension (listed in
  ``_config.yml``) that copies itables' own ``dt_bundle.js`` and ``dt_bundle.css`` into
  ``_static/vendor/itables/`` of the built book, and the page loads them from there (found
  through the ``data-content_root`` attribute Sphinx puts on every page) when one of its
  tables first comes within a screen of the view. The bundle is shipped
  once, not stored in every notebook, and no page needs a network connection;
* in JupyterLab or on Binder (no ``data-content_root``), from itables' pinned CDN address, as
  itables' own connected mode does. For an offline Jupyter session, display
  ``init_tables(embedded=True)`` instead: the bundle is then embedded in the output (about
  1 MB, so such a notebook is not to be committed).
"""

from __future__ import annotations

import html as html_text
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ifnalpha import checks

__all__ = ["InteractiveTable", "LiveWidget", "StaticTable", "TablesInit", "init_tables",
           "interactive_table", "live_widget", "static_table"]

_SLUG = re.compile(r"^[a-z][a-z0-9-]*$")

#: Marks a ``text/latex`` output as LaTeX to pass through to the PDF (not an equation); the
#: book's Sphinx extension (:mod:`ifnalpha.book.sphinxext`) looks for it.
RAW_LATEX_MARKER = "%ifnalpha-raw-latex"

#: Where the built HTML book holds the DataTables bundle, relative to its root.
BUNDLE_DIR = "_static/vendor/itables"


@dataclass(frozen=True)
class TablesInit:
    """The one-off output that loads DataTables into an HTML page (see :func:`init_tables`)."""

    html: str = field(repr=False)

    def _repr_html_(self) -> str:
        return self.html

    def _repr_latex_(self) -> str:
        return ""

    def __repr__(self) -> str:
        return "Interactive tables: DataTables library loaded."


def _bundle_files() -> tuple[Path, Path]:
    """Return the DataTables bundle (JavaScript module, CSS) of the installed itables."""
    from itables import options

    script = Path(options.dt_bundle)
    return script, script.with_suffix(".css")


def _loader_html() -> str:
    """Return a module script that loads the bundle from the book, or else from the CDN.

    On a book page the bundle (about 180 kB compressed, and as long again to start on a phone)
    is fetched only when a table of the page comes within a screen of the view, so a reader
    who never scrolls to a table does not pay for it; in Jupyter it is fetched at once.
    """
    from itables import javascript
    from itables.utils import UNPKG_DT_BUNDLE_URL

    cdn = UNPKG_DT_BUNDLE_URL.rsplit("/", 1)[0] + "/"
    key = javascript._itables_underscore_version()
    ready = javascript._itables_ready_event()
    return f"""<script type="module">
// DataTables for the interactive tables of this page (ifnalpha.book.table_display).
if (!window.{key}) {{
  // Pages of the book carry data-content_root (Sphinx): load the bundle the book ships,
  // when the first table nears the view.
  const root = document.documentElement.dataset.content_root;
  const base = root === undefined ? "{cdn}" : root + "{BUNDLE_DIR}/";
  window.{key} = new Promise((resolve) => {{
    const load = () => {{
      const css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = base + "dt_bundle.css";
      document.head.appendChild(css);
      import(base + "dt_bundle.js").then((bundle) => {{
        bundle.set_or_remove_dark_class();
        resolve(bundle);
        window.dispatchEvent(new Event("{ready}"));
      }});
    }};
    const tables = document.querySelectorAll("table[id]:not(.dataTable)");
    if (root === undefined || !tables.length || !("IntersectionObserver" in window)) {{
      load();
      return;
    }}
    const near = new IntersectionObserver((entries) => {{
      if (!entries.some((e) => e.isIntersecting)) return;
      near.disconnect();
      load();
    }}, {{rootMargin: "100% 0px"}});
    tables.forEach((t) => near.observe(t));
  }});
}}
</script>"""


def init_tables(embedded: bool = False) -> TablesInit:
    """Return the output that loads the DataTables library for the page's interactive tables.

    Display it once per notebook, before the first :class:`InteractiveTable` (in the book the
    cell is tagged ``remove-input``; its output must be kept). In the PDF it renders as nothing.

    Parameters
    ----------
    embedded : bool
        False (the book's notebooks): a few lines that load the bundle the HTML book ships
        (see the module's docstring), or itables' CDN copy in Jupyter. True: the bundle itself,
        base64-encoded in the output (about 1 MB), for Jupyter with no internet connection.

    Returns
    -------
    TablesInit
        An object with an HTML representation and an empty LaTeX one.

    Examples
    --------
    >>> init = init_tables()
    >>> "_static/vendor/itables/" in init.html and len(init.html) < 2_000
    True
    >>> len(init_tables(embedded=True).html) > 500_000
    True
    """
    checks.flag("embedded", embedded)
    if not embedded:
        return TablesInit(_loader_html())
    # What itables.init_notebook_mode(connected=False) displays, built without a running
    # IPython shell so that it can be tested (itables is pinned in requirements.txt).
    from itables import javascript
    from itables.utils import UNPKG_DT_BUNDLE_URL_NO_VERSION, read_package_file

    init = read_package_file("html/init_datatables.html")
    init = javascript.replace_value(
        init,
        f"import {{ set_or_remove_dark_class }} from '{UNPKG_DT_BUNDLE_URL_NO_VERSION}';",
        "const { set_or_remove_dark_class } = await window."
        f"{javascript._itables_underscore_version()};",
    )
    script, _ = _bundle_files()
    return TablesInit(init + "\n" + javascript.generate_init_offline_itables_html(script))


def copy_bundle(outdir: Path | str) -> Path:
    """Copy itables' DataTables bundle (and its licence) into ``outdir/_static/vendor/itables``.

    Parameters
    ----------
    outdir : path
        The root of a built HTML book.

    Returns
    -------
    pathlib.Path
        The folder the files were copied to.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     sorted(p.name for p in copy_bundle(tmp).iterdir())
    ['LICENSE', 'dt_bundle.css', 'dt_bundle.js']
    """
    target = Path(outdir) / BUNDLE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for source in _bundle_files():
        shutil.copyfile(source, target / source.name)
    from importlib.metadata import distribution

    licence = next((f for f in distribution("itables").files or () if f.name == "LICENSE"), None)
    if licence is not None:
        shutil.copyfile(licence.locate(), target / "LICENSE")
    return target


def _copy_bundle_after_html_build(app: Any, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        copy_bundle(app.outdir)


def setup(app: Any) -> dict[str, Any]:
    """Sphinx extension: ship the DataTables bundle with the HTML book (see :func:`copy_bundle`)."""
    app.connect("build-finished", _copy_bundle_after_html_build)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def _latex_escape(text: str) -> str:
    table = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
             "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
             "^": r"\textasciicircum{}"}
    return "".join(table.get(char, char) for char in text)


def _cell_text(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return ""
    return str(value)


def _longtable(frame: pd.DataFrame, caption: str, widths: tuple[float, ...] | None) -> str:
    """Return the PDF form of a table: a LaTeX ``longtable`` with caption, escaped cells."""
    widths = widths or (1.0,) * frame.shape[1]
    total = sum(widths)
    spec = "".join(rf"p{{{0.95 * w / total:.3f}\linewidth}}" for w in widths)
    head = " & ".join(rf"\textbf{{{_latex_escape(str(c))}}}" for c in frame.columns)
    lines = [
        RAW_LATEX_MARKER,
        r"\begingroup\footnotesize",
        rf"\begin{{longtable}}{{{spec}}}",
        rf"\caption{{{_latex_escape(caption)}}}\\",
        r"\hline",
        head + r" \\",
        r"\hline\endhead",
    ]
    for row in frame.itertuples(index=False):
        lines.append(" & ".join(_latex_escape(v) for v in row) + r" \\")
    lines += [r"\hline", r"\end{longtable}", r"\endgroup"]
    return "\n".join(lines)


def _check_table(frame: object, caption: object, widths: object) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"frame must be a pandas DataFrame, got {type(frame).__name__}")
    checks.string("caption", caption)
    if widths is not None and len(widths) != frame.shape[1]:  # type: ignore[arg-type]
        raise ValueError(f"widths has {len(widths)} entries for {frame.shape[1]} columns")  # type: ignore[arg-type]


@dataclass(frozen=True)
class InteractiveTable:
    """A data frame shown as an interactive table in HTML and a static table in the PDF.

    Parameters
    ----------
    frame : pandas.DataFrame
        The rows to show (the index is not shown).
    table_id : str
        A stable, page-unique id (lowercase letters, digits, hyphens), so that the rendered
        output is the same on every run.
    caption : str
        The caption shown above the table in HTML and PDF.
    widths : tuple of float, optional
        Relative column widths for the PDF (``p{...}`` columns); equal widths by default.
    page_length : int
        Rows per page in HTML.
    search_only : tuple of str
        Columns kept out of sight: searched in HTML but not shown, left out of the PDF (e.g.
        names written as a reader types them). ``widths`` does not count them.
    """

    frame: pd.DataFrame = field(repr=False)
    table_id: str
    caption: str
    widths: tuple[float, ...] | None = None
    page_length: int = 10
    search_only: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_table(self.frame, self.caption, None)
        missing = [c for c in self.search_only if c not in self.frame.columns]
        if missing:
            raise ValueError(f"search_only names columns not in the frame: {missing}")
        _check_table(self.frame.drop(columns=list(self.search_only)), self.caption, self.widths)
        if not isinstance(self.table_id, str) or not _SLUG.match(self.table_id):
            raise ValueError(f"table_id must be a lowercase slug, got {self.table_id!r}")
        if not isinstance(self.page_length, int) or self.page_length < 1:
            raise ValueError(f"page_length must be a positive int, got {self.page_length!r}")

    def _text_frame(self) -> pd.DataFrame:
        return self.frame.map(_cell_text).reset_index(drop=True)

    def _repr_html_(self) -> str:
        from itables import to_html_datatable

        return to_html_datatable(
            self._text_frame(),
            caption=self.caption,
            table_id=self.table_id,
            connected=False,
            showIndex=False,
            pageLength=self.page_length,
            column_filters="footer",
            classes="display compact",
            maxBytes=0,
            **self._hidden_options(),
        )

    def _hidden_options(self) -> dict[str, object]:
        columns = list(self.frame.columns)
        hidden = [columns.index(c) for c in self.search_only]
        return {"columnDefs": [{"targets": hidden, "visible": False}]} if hidden else {}

    def _repr_latex_(self) -> str:
        shown = self._text_frame().drop(columns=list(self.search_only))
        return _longtable(shown, self.caption, self.widths)

    def __repr__(self) -> str:
        rows, cols = self.frame.drop(columns=list(self.search_only)).shape
        return f"{self.caption} ({rows} rows × {cols} columns)"


def interactive_table(
    frame: pd.DataFrame, table_id: str, caption: str, **options: object
) -> InteractiveTable:
    """Wrap a data frame for display as an interactive (HTML) and static (PDF) table.

    Parameters
    ----------
    frame : pandas.DataFrame
        Rows to show; tuples in cells (such as citation numbers) are joined with commas.
    table_id : str
        Stable, page-unique id.
    caption : str
        Caption shown with the table.
    **options
        ``widths``, ``page_length`` and ``search_only``, see :class:`InteractiveTable`.

    Returns
    -------
    InteractiveTable

    Examples
    --------
    >>> t = interactive_table(pd.DataFrame({"gene": ["MX1"]}), "demo", "Demo")
    >>> repr(t)
    'Demo (1 rows × 1 columns)'
    """
    return InteractiveTable(frame, table_id, caption, **options)  # type: ignore[arg-type]


@dataclass(frozen=True)
class StaticTable:
    """A small labelled table: a plain HTML table, and the same ``longtable`` as the PDF.

    For a few rows a reader takes in at a glance (no search or paging); see
    :func:`static_table`.
    """

    frame: pd.DataFrame = field(repr=False)
    caption: str
    widths: tuple[float, ...] | None = None

    def __post_init__(self) -> None:
        _check_table(self.frame, self.caption, self.widths)

    def _text_frame(self) -> pd.DataFrame:
        return self.frame.map(_cell_text).reset_index(drop=True)

    def _repr_html_(self) -> str:
        frame = self._text_frame()
        cell = html_text.escape
        head = "".join(f'<th scope="col">{cell(str(c))}</th>' for c in frame.columns)
        body = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>"
                       for row in frame.itertuples(index=False))
        return (f'<table class="ifnalpha-static-table"><caption>{cell(self.caption)}</caption>'
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")

    def _repr_latex_(self) -> str:
        return _longtable(self._text_frame(), self.caption, self.widths)

    def __repr__(self) -> str:
        frame = self._text_frame()
        return f"{self.caption}\n{frame.to_string(index=False)}"


def static_table(frame: pd.DataFrame, caption: str,
                 widths: tuple[float, ...] | None = None) -> StaticTable:
    """Wrap a small data frame for display as a labelled table (HTML, PDF and plain text).

    Parameters
    ----------
    frame : pandas.DataFrame
        Rows to show, with column names written for readers (units in brackets); the index
        is not shown.
    caption : str
        Caption shown with the table.
    widths : tuple of float, optional
        Relative column widths in the PDF.

    Returns
    -------
    StaticTable

    Examples
    --------
    >>> t = static_table(pd.DataFrame({"Dose (pM)": [100]}), "Demo")
    >>> repr(t).splitlines()
    ['Demo', 'Dose (pM)', '      100']
    >>> '<th scope="col">Dose (pM)</th>' in t._repr_html_()
    True
    """
    return StaticTable(frame, caption, widths)


@dataclass(frozen=True)
class LiveWidget:
    """An ipywidgets widget whose static fallbacks are a sentence (plain text) and nothing (PDF).

    A widget's own plain-text form is its repr (``VBox(children=(Dropdown(…``), which is what a
    PDF or a kernel-less reader would otherwise see. See :func:`live_widget`.
    """

    widget: object = field(repr=False)
    note: str

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        data = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude) or {})
        data["text/plain"] = self.note
        data["text/latex"] = ""
        return data

    def __repr__(self) -> str:
        return self.note


def live_widget(widget: object, note: str) -> LiveWidget:
    """Wrap a widget for display: live with a kernel, a `note` in plain text, nothing in the PDF.

    Parameters
    ----------
    widget : ipywidgets.Widget
        The widget to show (it stays live in Jupyter and on Binder).
    note : str
        What a reader without a kernel sees instead of the widget's repr.

    Returns
    -------
    LiveWidget

    Examples
    --------
    >>> import ipywidgets
    >>> view = live_widget(ipywidgets.IntSlider(), "A slider.")
    >>> bundle = view._repr_mimebundle_()
    >>> bundle["text/plain"], bundle["text/latex"]
    ('A slider.', '')
    """
    if not hasattr(widget, "_repr_mimebundle_"):
        raise ValueError(f"not a widget: {widget!r}")
    if not isinstance(note, str) or not note.strip():
        raise ValueError(f"note must be a non-empty string, got {note!r}")
    return LiveWidget(widget, note)
