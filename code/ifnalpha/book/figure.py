"""The one result type of every figure function in the book, and what figures share.

Every figure function of :mod:`ifnalpha.book` returns a :class:`BookFigure`: the drawing (a
matplotlib figure made without pyplot, so a notebook never shows it twice, or a Graphviz graph
for the diagrams of :mod:`ifnalpha.book.diagrams`), its title, a caption and an alt text built
from what it shows, and its key numbers (:attr:`BookFigure.numbers`, rounded by
:meth:`BookFigure.summary`) for a page to print or glue. A notebook displays the object itself
or glues it with myst-nb: a chart as PNG; a diagram as inline SVG in HTML (so its links and
tooltips work with no script) and as vector PDF in the LaTeX build.

Examples
--------
>>> from matplotlib.figure import Figure
>>> bf = BookFigure(Figure(), "A title", "A caption.", "An alt text.", {"x": 1.23456})
>>> bf.summary()
{'x': 1.23}
>>> bf
BookFigure('A title')
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import graphviz
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from ifnalpha import checks, model
from ifnalpha.book.table_display import RAW_LATEX_MARKER

__all__ = [
    "DISCLAIMER",
    "diagram_pdf_name",
    "FAST_MARGINS",
    "BookFigure",
    "finish",
    "new_or_cleared",
    "perturbation_label",
    "readout_label",
    "readout_unit",
    "round_significant",
]

#: Note that ends the caption of every model figure.
DISCLAIMER = "Educational, qualitative model; not clinical guidance."

#: Margins used when a figure has no layout engine (explorers redraw without the costly
#: constrained layout); room on the right and between columns for a second y axis.
FAST_MARGINS = {"left": 0.09, "right": 0.92, "bottom": 0.09, "top": 0.89, "wspace": 0.38,
                "hspace": 0.38}


def round_significant(x: float, digits: int = 3) -> float:
    """Round to significant digits and return a plain float (stable printing).

    Examples
    --------
    >>> round_significant(1234.5)
    1230.0
    """
    x = float(x)
    if x == 0 or not np.isfinite(x):
        return x
    return float(f"{x:.{digits}g}")


@dataclass(repr=False)
class BookFigure:
    """A figure with everything a book page needs around it.

    Attributes
    ----------
    figure : matplotlib.figure.Figure or graphviz.Digraph
        The drawing: a chart, or a diagram laid out by Graphviz.
    title : str
    caption : str
        One or two sentences built from the numbers the figure shows.
    alt_text : str
        A description of what the figure shows, for screen readers.
    numbers : dict
        Key numbers (plain floats or strings), unrounded.
    data : pandas.DataFrame, optional
        The plotted values, for readers who want them.
    claim_ids : tuple of str
        The rows of the claims ledger a claim figure plots, in plotting order (empty for a
        model figure).
    citations : dict
        The reviews' reference numbers behind the plotted claims: ``{"A": (...), "B": (...)}``.
    png : bytes, optional
        The rendered chart, once :meth:`render` has run.
    id : str
        A diagram's id, also the stem of its download files (``"a-fig1a"``); empty for charts.
    svg : str, optional
        A diagram as deterministic SVG, with its links and tooltips.
    edges : pandas.DataFrame, optional
        A diagram's edges (its nodes are :attr:`data`).
    """

    figure: Figure | graphviz.Digraph
    title: str
    caption: str
    alt_text: str
    numbers: dict[str, float | str] = field(default_factory=dict)
    data: pd.DataFrame | None = None
    claim_ids: tuple[str, ...] = ()
    citations: dict[str, tuple[int, ...]] = field(default_factory=dict)
    png: bytes | None = field(default=None, repr=False)
    id: str = ""
    svg: str | None = field(default=None, repr=False)
    edges: pd.DataFrame | None = None

    @property
    def is_diagram(self) -> bool:
        """Whether the drawing is a Graphviz diagram (else a matplotlib chart)."""
        return isinstance(self.figure, graphviz.Digraph)

    def summary(self) -> dict[str, float | str]:
        """Return the key numbers as plain Python floats (3 significant digits) and strings."""
        return {k: (round_significant(v) if isinstance(v, float | int | np.floating) else str(v))
                for k, v in self.numbers.items()}

    def summary_text(self) -> str:
        """Return the key numbers as aligned ``name : value`` lines, for printing."""
        s = self.summary()
        width = max((len(k) for k in s), default=0)
        return "\n".join(f"{k:<{width}} : {v}" for k, v in s.items())

    def __repr__(self) -> str:
        return f"BookFigure({self.title!r})"

    def render(self, *, palette: bool = True) -> bytes:
        """Render a chart to PNG (one Agg draw) and keep the bytes for display.

        Parameters
        ----------
        palette : bool
            Store the PNG with a palette of at most 256 colours (charts have few colours; the
            file shrinks to about a third, which keeps the notebooks small). An explorer that
            redraws on every move passes False: the conversion costs time a reader waits for.

        Raises
        ------
        TypeError
            For a diagram (it renders as :attr:`svg` and :meth:`pdf`).
        """
        if self.is_diagram:
            raise TypeError(f"`{self.title}` is a diagram: use its .svg or .pdf()")
        if not isinstance(self.figure.canvas, FigureCanvasAgg):
            FigureCanvasAgg(self.figure)
        buf = io.BytesIO()
        self.figure.canvas.print_png(buf)
        self.png = _palette_png(buf.getvalue()) if palette else buf.getvalue()
        return self.png

    def pdf(self) -> bytes:
        """Return a diagram as vector PDF (its labels are text), byte for byte reproducible.

        Cairo stamps the creation time into the file; it is replaced by a fixed date of the same
        length, so the cross-reference offsets stay valid.
        """
        if not self.is_diagram:
            raise TypeError(f"`{self.title}` is a chart: use .render() for PNG")
        data = self.figure.pipe(format="pdf")
        return re.sub(rb"D:\d{14}", b"D:20000101000000", data)

    # What a notebook shows: a chart as PNG; a diagram as inline SVG (HTML) and, for the PDF,
    # raw LaTeX that includes the vector PDF which ifnalpha.book.diagram_files writes beside
    # the LaTeX sources (so the notebook stores no PDF bytes).
    def _repr_png_(self) -> bytes | None:
        if self.is_diagram:
            return None
        return self.png if self.png is not None else self.render()

    def _repr_html_(self) -> str | None:
        if not self.is_diagram:
            return None
        return f'<div class="ifnalpha-diagram">{self.svg}</div>'

    def _repr_latex_(self) -> str | None:
        if not self.is_diagram:
            return None
        return (f"{RAW_LATEX_MARKER}\n\\includegraphics[width=\\linewidth,height=0.75\\textheight,"
                f"keepaspectratio]{{{diagram_pdf_name(self.id)}}}")


def diagram_pdf_name(diagram_id: str) -> str:
    """File name of a diagram's PDF beside the LaTeX sources.

    Examples
    --------
    >>> diagram_pdf_name("a-fig1a")
    'diagram-a-fig1a.pdf'
    """
    return f"diagram-{checks.string('diagram_id', diagram_id)}.pdf"


def _palette_png(png: bytes) -> bytes:
    """Re-encode a PNG with an adaptive palette of 256 colours, no dithering (deterministic)."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        out, format="png", optimize=True)
    return out.getvalue()


def new_or_cleared(fig: Figure | None, size: tuple[float, float], dpi: float = 100) -> Figure:
    """Return a new constrained-layout figure, or clear ``fig`` and resize it (explorers).

    Examples
    --------
    >>> new_or_cleared(None, (4.0, 3.0)).get_size_inches().tolist()
    [4.0, 3.0]
    """
    if fig is None:
        fig = Figure(figsize=size, dpi=dpi, layout="constrained")
        FigureCanvasAgg(fig)
        return fig
    if not isinstance(fig, Figure):
        raise TypeError(f"`fig` must be a matplotlib Figure or None, got {fig!r}")
    fig.clear()
    fig._ifnalpha_panels = None  # type: ignore[attr-defined]
    fig.set_size_inches(*size)
    return fig


def finish(fig: Figure, title: str) -> None:
    """Put the title on a figure; without a layout engine, set the fixed margins."""
    fig.suptitle(title, fontsize=12)
    if fig.get_layout_engine() is None:
        fig.subplots_adjust(**FAST_MARGINS)


def _readout(name: str):
    return model.READOUTS[checks.choice("readout", name, tuple(model.READOUTS))]


def readout_label(name: str) -> str:
    """Return the short label of a model readout, as legends and axes show it.

    Examples
    --------
    >>> readout_label("ifitm1")
    'IFITM1 (robust ISG)'
    """
    return _readout(name).label


def readout_unit(name: str) -> str:
    """Return the unit of a model readout.

    Examples
    --------
    >>> readout_unit("antiviral")
    '0–1'
    """
    return _readout(name).unit


def perturbation_label(perturbations: Mapping[str, float | bool] | None) -> str:
    """Describe a cell by its perturbations, for captions and titles.

    Examples
    --------
    >>> perturbation_label({"usp18_knockdown": 0.8, "stat1_null": True})
    'usp18_knockdown = 0.8, stat1_null'
    >>> perturbation_label(None)
    'an unperturbed cell'
    """
    if not perturbations:
        return "an unperturbed cell"
    return ", ".join(f"{k} = {v}" if not isinstance(v, bool) else k
                     for k, v in perturbations.items())
