"""Sphinx role ``{grade}`<item>```: a small badge with the evidence grade of a claim or table row.

A page writes the role right after a glued claim, e.g.
``{glue:text}`a-ibc-share-of-diagnoses` {grade}`a-ibc-share-of-diagnoses```. In HTML the badge
is a short label (:data:`BADGE_LABELS`) in a ``span`` with the classes ``evidence-grade`` and
``evidence-grade-<slug>``, the full grade and its basis as hover text, and a visually hidden
"evidence:" for screen readers; in the PDF and in plain text it is the label in brackets. An
item without a grade (``data/evidence_grades.csv``) is a build error.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ifnalpha.evidence import grades

__all__ = ["BADGE_LABELS", "badge_slug", "evidence_grade", "setup"]

#: The short label a badge shows for each grade.
BADGE_LABELS: dict[str, str] = {
    "patient cohort or trial": "trial/cohort",
    "patient samples": "patient samples",
    "animal model": "animal model",
    "cell line (named)": "cell line",
    "cells, no line named": "cells",
    "other cancer type": "other cancer",
    "other review": "other review",
    "hypothesis": "hypothesis",
    "not stated": "source not stated",
}


def badge_slug(grade: str) -> str:
    """Return the CSS class suffix of a grade, e.g. ``cell-line-named``.

    Examples
    --------
    >>> badge_slug("cell line (named)"), badge_slug("cells, no line named")
    ('cell-line-named', 'cells-no-line-named')
    """
    return re.sub(r"[^a-z0-9]+", "-", grade.lower()).strip("-")


class evidence_grade(nodes.inline):  # noqa: N801 (docutils node naming)
    """Inline node of one badge (``title``: the full grade and its basis)."""


def _role(name, rawtext, text, lineno, inliner, options=None, content=None):
    item = text.strip()
    try:
        row = grades.load().loc[item]
    except KeyError:
        msg = inliner.reporter.error(f"grade: no evidence grade for {item!r} "
                                     f"in data/{grades.FILENAME}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    grade = str(row["grade"])
    classes = ["evidence-grade", f"evidence-grade-{badge_slug(grade)}"]
    node = evidence_grade(rawtext, classes=classes,
                          title=f"Evidence grade: {grade}. {row['basis']}")
    node += nodes.Text(BADGE_LABELS[grade])
    return [node], []


def _visit_html(self, node):  # pragma: no cover - exercised by the HTML build
    self.body.append(self.starttag(node, "span", "", title=node["title"]))
    self.body.append('<span class="visually-hidden">evidence: </span>')


def _depart_html(self, node):  # pragma: no cover
    self.body.append("</span>")


def _visit_latex(self, node):  # pragma: no cover - exercised by the PDF build
    self.body.append("[")


def _depart_latex(self, node):  # pragma: no cover
    self.body.append("]")


def _visit_text(self, node):  # pragma: no cover
    self.add_text("[")


def _depart_text(self, node):  # pragma: no cover
    self.add_text("]")


def _skip(self, node):  # pragma: no cover
    pass


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``grade`` role and its node."""
    app.add_role("grade", _role)
    app.add_node(evidence_grade, html=(_visit_html, _depart_html),
                 latex=(_visit_latex, _depart_latex), text=(_visit_text, _depart_text),
                 man=(_skip, _skip), texinfo=(_skip, _skip))
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
