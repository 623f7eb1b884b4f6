"""A Sphinx extension that writes the book's diagrams as files when the book is built.

- HTML: every diagram as SVG, and the networks as GraphML, into ``_static/diagrams`` (the pages'
  download links, :class:`ifnalpha.book.diagram_pages.Downloads`, point there);
- LaTeX: every diagram as vector PDF beside the LaTeX sources, where the diagrams' LaTeX
  outputs include them (:func:`ifnalpha.book.figure.diagram_pdf_name`).

Notebooks therefore store neither the files nor the PDF bytes. Enable it with
``extra_extensions: [ifnalpha.book.diagram_files]`` in ``_config.yml``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

from ifnalpha.book import diagrams
from ifnalpha.book.figure import diagram_pdf_name

__all__ = ["setup", "write_for_builder"]

logger = logging.getLogger(__name__)


def write_for_builder(format_name: str, outdir: str | Path) -> list[Path]:
    """Write the diagram files a builder's output needs; return them.

    Parameters
    ----------
    format_name : str
        The Sphinx builder's format: ``"html"`` or ``"latex"``; others need no files.
    outdir : str or pathlib.Path
        The builder's output folder.
    """
    out = Path(outdir)
    if format_name == "html":
        return diagrams.write_files(out / "_static" / "diagrams", formats=("svg", "graphml"))
    if format_name == "latex":
        written = []
        for path in diagrams.write_files(out / "_diagrams", formats=("pdf",)):
            target = out / diagram_pdf_name(path.stem)
            path.replace(target)
            written.append(target)
        (out / "_diagrams").rmdir()
        return written
    return []


def _write(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None:
        return
    written = write_for_builder(app.builder.format, app.outdir)
    if written:
        logger.info("ifnalpha: wrote %d diagram files", len(written))


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the build-finished handler."""
    app.connect("build-finished", _write)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
