"""Sphinx role ``{grade}`<item>```: a small badge with the evidence grade of a claim or table row.

A page writes the role right after a glued claim, e.g.
``{glue:text}`a-ibc-share-of-diagnoses` {grade}`a-ibc-share-of-diagnoses```. In HTML the badge
is a short label (:data:`BADGE_LABELS`) in a ``span`` with the classes ``evidence-grade`` and
``evidence-grade-<slug>``, the full grade and its basis as hover text, and a visually hidden
"evidence:" for screen readers; in the PDF and in plain text it is the label in brackets. An
item without a grade (``data/evidence_grades.csv``) is a build error.

Where the badges go (checked by :func:`unbadged_claims` on every Part I and II page): within a
paragraph, a badge covers the run of glued ledger claims written before it since the previous
badge, so a sentence giving several numbers of the same grade carries one badge after the last
of them; every claim of a run must have the badge's grade, and no glued claim is left without a
badge after it in its paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ifnalpha.evidence import grades

__all__ = ["BADGE_LABELS", "badge_slug", "unbadged_claims", "evidence_grade", "setup"]

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


_TOKENS = re.compile(r"\{glue:text\}`([^`]+)`|\{grade\}`([^`]+)`")


def unbadged_claims(markdown: str, graded: Mapping[str, str]) -> list[str]:
    r"""Return the glued claims of a page's markdown that break the badge rule (module docstring).

    Parameters
    ----------
    markdown : str
        The page's markdown; paragraphs are separated by blank lines.
    graded : mapping of str to str
        The grade of every graded item (claim ids and table items). A glue key is a claim when
        it, or the key without a trailing ``-q`` (the qualified text), is in the mapping.

    Returns
    -------
    list of str
        The claim ids with no badge of their grade after them in their paragraph, in order.

    Examples
    --------
    >>> g = {"a-x": "patient samples", "a-y": "patient samples", "a-z": "hypothesis"}
    >>> unbadged_claims("{glue:text}`a-x` and {glue:text}`a-y-q` {grade}`a-y`.", g)
    []
    >>> unbadged_claims("{glue:text}`a-x`, {glue:text}`a-z` {grade}`a-z`.", g)
    ['a-x']
    >>> unbadged_claims("{glue:text}`a-x`.\n\nLater {grade}`a-x`.", g)
    ['a-x']
    """
    missing: list[str] = []
    for paragraph in re.split(r"\n[ \t]*\n", markdown):
        run: list[str] = []
        for match in _TOKENS.finditer(paragraph):
            glued, badge = match.groups()
            if glued is not None:
                claim = glued[:-2] if glued.endswith("-q") and glued not in graded else glued
                if claim in graded:
                    run.append(claim)
                continue
            grade = graded.get(badge)
            missing.extend(claim for claim in run if graded[claim] != grade)
            run = []
        missing.extend(run)
    return missing


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
