"""Rich display of data frames in the book: interactive in HTML, static in the PDF.

An :class:`InteractiveTable` renders as an itables/DataTables table (search, sort, per-column
filtering) in the HTML book, with the DataTables library embedded in the page by
:func:`init_tables` (offline mode: no CDN is needed), and as a LaTeX ``longtable`` in the PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

__all__ = ["InteractiveTable", "LiveWidget", "TablesInit", "init_tables", "interactive_table",
           "live_widget"]

_SLUG = re.compile(r"^[a-z][a-z0-9-]*$")

#: Marks a ``text/latex`` output as LaTeX to pass through to the PDF (not an equation); the
#: book's Sphinx extension (:mod:`ifnalpha.book.sphinxext`) looks for it.
RAW_LATEX_MARKER = "%ifnalpha-raw-latex"


@dataclass(frozen=True)
class TablesInit:
    """The one-off output that loads DataTables into an HTML page (see :func:`init_tables`)."""

    html: str = field(repr=False)

    def _repr_html_(self) -> str:
        return self.html

    def _repr_latex_(self) -> str:
        return ""

    def __repr__(self) -> str:
        return "Interactive tables: DataTables library loaded (offline mode)."


def init_tables() -> TablesInit:
    """Return the output that loads the DataTables library for the page's interactive tables.

    Display it once per notebook, before the first :class:`InteractiveTable` (in the book the
    cell is tagged ``remove-input``; its output must be kept). The library is embedded in the
    output, so tables work with no internet connection. In the PDF it renders as nothing.

    Returns
    -------
    TablesInit
        An object with an HTML representation (the library) and an empty LaTeX one.

    Examples
    --------
    >>> init = init_tables()
    >>> "DataTables" in repr(init)
    True
    """
    # The same HTML that itables.init_notebook_mode(connected=False) displays, built without
    # a running IPython shell so that it can be tested (itables is pinned in requirements.txt).
    from itables import javascript, options
    from itables.utils import UNPKG_DT_BUNDLE_URL_NO_VERSION, read_package_file

    init = read_package_file("html/init_datatables.html")
    init = javascript.replace_value(
        init,
        f"import {{ set_or_remove_dark_class }} from '{UNPKG_DT_BUNDLE_URL_NO_VERSION}';",
        "const { set_or_remove_dark_class } = await window."
        f"{javascript._itables_underscore_version()};",
    )
    html = init + "\n" + javascript.generate_init_offline_itables_html(options.dt_bundle)
    return TablesInit(html)


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
    """

    frame: pd.DataFrame = field(repr=False)
    table_id: str
    caption: str
    widths: tuple[float, ...] | None = None
    page_length: int = 10

    def __post_init__(self) -> None:
        if not isinstance(self.frame, pd.DataFrame):
            raise ValueError(f"frame must be a pandas DataFrame, got {type(self.frame).__name__}")
        if not isinstance(self.table_id, str) or not _SLUG.match(self.table_id):
            raise ValueError(f"table_id must be a lowercase slug, got {self.table_id!r}")
        if self.widths is not None and len(self.widths) != self.frame.shape[1]:
            raise ValueError(
                f"widths has {len(self.widths)} entries for {self.frame.shape[1]} columns"
            )
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
        )

    def _repr_latex_(self) -> str:
        frame = self._text_frame()
        count = frame.shape[1]
        widths = self.widths or (1.0,) * count
        total = sum(widths)
        spec = "".join(
            rf"p{{{0.95 * w / total:.3f}\linewidth}}" for w in widths
        )
        head = " & ".join(rf"\textbf{{{_latex_escape(str(c))}}}" for c in frame.columns)
        lines = [
            RAW_LATEX_MARKER,
            r"\begingroup\footnotesize",
            rf"\begin{{longtable}}{{{spec}}}",
            rf"\caption{{{_latex_escape(self.caption)}}}\\",
            r"\hline",
            head + r" \\",
            r"\hline\endhead",
        ]
        for row in frame.itertuples(index=False):
            lines.append(" & ".join(_latex_escape(v) for v in row) + r" \\")
        lines += [r"\hline", r"\end{longtable}", r"\endgroup"]
        return "\n".join(lines)

    def __repr__(self) -> str:
        rows, cols = self.frame.shape
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
        ``widths`` and ``page_length``, see :class:`InteractiveTable`.

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
