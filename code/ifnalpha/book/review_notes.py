"""Sphinx directives for the book's notes on the reviews (``data/annotations.csv``).

Directives
----------
``review-note`` (one argument, a note id)
    Renders one note at its place: an admonition with the classes ``review-note`` and
    ``review-note-<kind>``, the passage it is about, the note (MyST, so its citations and glossary
    terms work), and a link to the note's entry on the collected page. The page using it must
    be the note's ``page``; anything else is a build error.
``review-notes`` (one argument, a kind)
    Renders, on the collected page, every note of that kind: what it is about, the note, and a
    link back to where it stands in the book.

Both sides link by anchors (``review-note-<id>`` at the place, ``note-entry-<id>`` on the
collected page), so a note missing at its place is an unresolved link: a build warning, an
error under ``-W``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ifnalpha.evidence import annotations

#: Title of each kind on the notes and on the collected page.
KIND_TITLES: dict[str, str] = {
    "error": "Error", "outdated": "Outdated", "overstated": "Overstated",
    "ambiguous": "Ambiguous", "contested": "Contested", "omitted": "Omitted",
}


def note_title(note: annotations.Annotation) -> str:
    """Return the title of a note's box, e.g. ``"Note on review A · error"``.

    Examples
    --------
    >>> note_title(annotations.get("b-fda-indications"))
    'Note on review B · error'
    """
    return f"Note on review {note.review} · {note.kind}"


def _notes(env) -> tuple[annotations.Annotation, ...]:
    path = env.config.ifnalpha_annotations
    if not path:
        return annotations.load()
    bib = env.config.ifnalpha_annotations_bib or None
    return annotations.read_annotations(Path(path), Path(bib) if bib else None)


def _link(target: str, text: str, refdoc: str) -> pending_xref:
    ref = pending_xref("", refdomain="std", reftype="ref", reftarget=target,
                       refexplicit=True, refwarn=True, refdoc=refdoc)
    ref += nodes.inline(text, text)
    return ref


def _target(directive: SphinxDirective, ident: str) -> nodes.target:
    target = nodes.target("", "", ids=[ident], names=[ident])
    directive.state.document.note_explicit_target(target)
    return target


class ReviewNoteDirective(SphinxDirective):
    """Render one note on a review at its place in the book."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        """Build the admonition for the note named in the argument."""
        ident = self.arguments[0].strip()
        try:
            notes = {note.id: note for note in _notes(self.env)}
        except (ValueError, FileNotFoundError) as exc:
            raise self.error(f"review-note: {exc}") from exc
        if ident not in notes:
            raise self.error(f"review-note: no note with id {ident!r}")
        note = notes[ident]
        if note.page != self.env.docname:
            raise self.error(f"review-note {ident!r} belongs on {note.page!r}, "
                             f"not on {self.env.docname!r}")
        box = nodes.admonition(classes=["review-note", f"review-note-{note.kind}"])
        box += _target(self, note.anchor)
        box += nodes.title(note_title(note), note_title(note))
        passage = nodes.paragraph(classes=["review-note-passage"])
        passage += nodes.strong("The review: ", "The review: ")
        passage += nodes.Text(f"{note.passage} ({note.section}.)")
        box += passage
        box.extend(self.parse_text_to_nodes(note.note))
        back = nodes.paragraph(classes=["review-note-link"])
        back += _link(note.entry_anchor, "All notes on the reviews", self.env.docname)
        back += nodes.Text(".")
        box += back
        return [box]


class ReviewNotesDirective(SphinxDirective):
    """Render every note of one kind, each linked to its place, on the collected page."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        """Build one entry per note of the kind named in the argument."""
        kind = self.arguments[0].strip()
        if kind not in annotations.KINDS:
            raise self.error(f"review-notes: kind must be one of {', '.join(annotations.KINDS)}")
        try:
            notes = [note for note in _notes(self.env) if note.kind == kind]
        except (ValueError, FileNotFoundError) as exc:
            raise self.error(f"review-notes: {exc}") from exc
        container = nodes.container(classes=["review-notes", f"review-notes-{kind}"])
        intro = nodes.paragraph(classes=["review-notes-kind"])
        intro += nodes.emphasis(annotations.KIND_DESCRIPTIONS[kind],
                                annotations.KIND_DESCRIPTIONS[kind])
        container += intro
        if not notes:
            container += nodes.paragraph("", "No note of this kind yet.")
        for note in notes:
            entry = nodes.container(classes=["review-note-entry", f"review-note-{kind}"])
            head = nodes.paragraph()
            head += _target(self, note.entry_anchor)
            head += nodes.strong(f"Review {note.review}, {note.section}. ",
                                 f"Review {note.review}, {note.section}. ")
            head += nodes.Text(note.passage + " ")
            head += _link(note.anchor, "See it in place", self.env.docname)
            head += nodes.Text(".")
            entry += head
            entry.extend(self.parse_text_to_nodes(note.note))
            container += entry
        return [container]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the two directives and their configuration values."""
    app.add_config_value("ifnalpha_annotations", "", "env", types=[str])
    app.add_config_value("ifnalpha_annotations_bib", "", "env", types=[str])
    app.add_directive("review-note", ReviewNoteDirective)
    app.add_directive("review-notes", ReviewNotesDirective)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
