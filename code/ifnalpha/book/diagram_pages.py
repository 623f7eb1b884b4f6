"""What a page needs to show one diagram: the figure, its glued texts, its downloads.

A page glues the diagram (``{glue:figure}``) and its texts, and shows download links for the
diagram as SVG and, for the networks, GraphML (Cytoscape opens it). The files are written into
the book's ``_static/diagrams`` folder at build time (:mod:`ifnalpha.book.diagram_files`), so
the notebooks do not store them and the links work from a page opened from disk; the PDF
leaves them out.

Examples
--------
>>> page = diagram_page("a-fig1b")
>>> page.figure_key, sorted(page.texts)[:2]
('fig-a-fig1b', ['cap-a-fig1b', 'n-a-fig1b-edges'])
>>> page.downloads.files()
['a-fig1b.svg']
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from ifnalpha import checks
from ifnalpha.book import diagrams
from ifnalpha.book.figure import BookFigure
from ifnalpha.evidence import diagrams as evidence_diagrams

__all__ = ["DiagramPage", "Downloads", "diagram_page"]

#: The diagrams a page may show, besides the reviews' figures.
MODEL_DIAGRAMS: tuple[str, ...] = ("model-wiring", "a-fig1a-model")

#: Where a chapter page (``chapters/<part>/<page>.html``) finds the diagram files.
DOWNLOADS_URL = "../../_static/diagrams/"


@dataclass(frozen=True)
class Downloads:
    """Download links for one diagram (HTML only; nothing in the PDF).

    Attributes
    ----------
    figure : BookFigure
        The diagram.
    """

    figure: BookFigure

    def files(self) -> list[str]:
        """Return the names of the diagram's download files, SVG first.

        :func:`ifnalpha.book.diagrams.write_files` writes exactly these.
        """
        names = [f"{self.figure.id}.svg"]
        if self.figure.id in diagrams.NETWORKS:
            names.append(f"{self.figure.id}.graphml")
        return names

    def _repr_html_(self) -> str:
        links = []
        for name in self.files():
            what = "GraphML for Cytoscape" if name.endswith(".graphml") else "SVG"
            href = html.escape(DOWNLOADS_URL + name)
            links.append(f'<a download href="{href}">{html.escape(name)}</a> ({what})')
        return ('<p class="ifnalpha-downloads">Download this diagram: '
                + " · ".join(links) + "</p>")

    def _repr_latex_(self) -> str:
        return ""  # the PDF shows the diagram itself; empty LaTeX outputs are dropped

    def __repr__(self) -> str:
        return f"Downloads({self.figure.id!r})"


@dataclass(frozen=True)
class DiagramPage:
    """One diagram as a page shows it.

    Attributes
    ----------
    figure_key : str
        The glue key of the figure, ``"fig-<id>"``.
    figure : BookFigure
        The diagram.
    texts : dict
        Glue keys and texts: ``cap-<id>`` (the caption), ``n-<id>-nodes`` and ``n-<id>-edges``.
    downloads : Downloads
        The download links to show below the figure.
    """

    figure_key: str
    figure: BookFigure
    texts: dict[str, str]
    downloads: Downloads


def diagram_page(figure_id: str, *, link_base: str = "../") -> DiagramPage:
    """Draw a diagram and gather what its page glues and shows.

    Parameters
    ----------
    figure_id : str
        A review figure (:func:`ifnalpha.evidence.diagrams.diagram_ids`) or one of
        :data:`MODEL_DIAGRAMS`.
    link_base : str
        Prefix from the page to the chapters folder (``"../"`` for a chapter page).

    Raises
    ------
    ValueError
        If ``figure_id`` names no diagram.
    """
    known = (*evidence_diagrams.diagram_ids(), *MODEL_DIAGRAMS)
    checks.choice("figure_id", figure_id, known)
    if figure_id == "model-wiring":
        fig = diagrams.model_wiring_figure(link_base=link_base)
    elif figure_id == "a-fig1a-model":
        fig = diagrams.fig1a_small_multiples(link_base=link_base)
    else:
        fig = diagrams.review_figure(figure_id, link_base=link_base)
    edges = fig.numbers.get("edges", 0 if fig.edges is None else len(fig.edges))
    texts = {
        f"cap-{figure_id}": fig.caption,
        f"n-{figure_id}-nodes": str(fig.numbers.get("nodes", fig.numbers.get("nodes_per_panel"))),
        f"n-{figure_id}-edges": str(edges),
    }
    return DiagramPage(f"fig-{figure_id}", fig, texts, Downloads(fig))
