"""Sphinx extension: the reviews' numbered citations, rendered and resolved in the book.

Roles
-----
``{ra}`21–23``` and ``{rb}`171``` cite reference numbers of review A (1-59) and review B
(1-268): see :mod:`ifnalpha.book.citation_role`. They render compactly, e.g. "[A21–A23]" or
"[B171]"; every number links to the publisher's entry for the reference, and in the HTML a card
(on hover and on focus) links its DOI or PubMed record when known and its entry on the page that
holds the ``citation-registry`` directive. A number outside the review's reference list, or a
malformed citation, is a build warning (an error under ``-W``).

Directive
---------
``citation-registry`` (one argument, ``A`` or ``B``) renders the registry of one review: an
anchored entry per number with what is known about it (from ``data/citations/``), the DOI as a
link when verified, and links back to every page of the book that cites it.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ifnalpha import reviews
from ifnalpha.book import citation_role, grade_badges, review_notes
from ifnalpha.book.citation_role import cell_text, describe_reference, identifiers, label, target_id
from ifnalpha.book.table_display import RAW_LATEX_MARKER
from ifnalpha.evidence import citations

logger = logging.getLogger(__name__)

_ENV_CITES = citation_role.ENV_CITES
_ENV_REGISTRY = "ifnalpha_registry_docs"


class citing_pages(nodes.inline):  # noqa: N801
    """Placeholder replaced, once all pages are read, by links to the pages citing a number."""


class CitationRegistryDirective(SphinxDirective):
    """Render the citation registry of one review with an anchor per reference number."""

    required_arguments = 1
    has_content = False
    option_spec = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        """Build the entries of the registry for the review named in the argument."""
        try:
            review = reviews.review(self.arguments[0]).id
            registry = citations.load_registry()
        except (ValueError, FileNotFoundError) as exc:
            raise self.error(f"citation-registry: {exc}") from exc
        docs = getattr(self.env, _ENV_REGISTRY, None)
        if docs is None:
            docs = {}
            setattr(self.env, _ENV_REGISTRY, docs)
        docs[review] = self.env.docname
        rows = registry[registry["review"] == review].sort_values("number")
        expected = set(range(1, reviews.review(review).reference_count + 1))
        missing = expected - set(int(n) for n in rows["number"])
        if missing:
            raise self.error(f"registry of review {review} lacks numbers {sorted(missing)}")
        container = nodes.container(classes=["citation-registry"])
        for row in rows.to_dict("records"):
            container += self._entry(review, int(row["number"]), row)
        return [container]

    def _entry(self, review: str, number: int, row: dict[str, Any]) -> nodes.Node:
        ident = target_id(review, number)
        para = nodes.paragraph(classes=["registry-entry"])
        target = nodes.target("", "", ids=[ident], names=[ident])
        self.state.document.note_explicit_target(target)
        para += target
        para += nodes.strong(f"[{label(review, number)}] ", f"[{label(review, number)}] ")
        para += nodes.Text(describe_reference(row))
        links = identifiers(review, number)
        for kind, column in (("DOI", "doi"), ("PubMed", "pmid")):
            if kind in links:
                shown = cell_text(row.get(column))
                para += nodes.Text(f" {kind}: ")
                para += nodes.reference(shown, shown, refuri=links[kind])
                para += nodes.Text(".")
        found = reviews.review(review)
        para += nodes.Text(" Full entry: ")
        para += nodes.reference("", "publisher's page", refuri=found.reference_url(number),
                                classes=["publisher-reference"])
        para += nodes.Text(", ")
        para += nodes.reference("", "PubMed Central", refuri=found.pmc_reference_url(number),
                                classes=["pmc-reference"])
        para += nodes.Text(".")
        cited_for = cell_text(row.get("cited_for"))
        if cited_for:
            para += nodes.Text(f" Cited in the review for: {cited_for}.")
        para += nodes.Text(" Cited in this book on: ")
        para += citing_pages("", review=review, number=number, refdoc=self.env.docname)
        return para


class ResolveCitingPages(SphinxPostTransform):
    """Replace each ``citing_pages`` placeholder by links to the pages that cite the number.

    Runs before Sphinx resolves cross-references (priority 5 < 10), once every page has been
    read, so the links it creates are resolved like any other ``{doc}`` reference.
    """

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        """Fill the placeholders of the document being written."""
        store = getattr(self.env, _ENV_CITES, {})
        for node in list(self.document.findall(citing_pages)):
            pages = sorted(store.get((node["review"], node["number"]), ()))
            replacement = nodes.inline(classes=["citing-pages"])
            if not pages:
                replacement += nodes.emphasis("no page yet", "no page yet")
            for index, docname in enumerate(pages):
                if index:
                    replacement += nodes.Text("; ")
                ref = pending_xref(
                    "", refdomain="std", reftype="doc", reftarget="/" + docname,
                    refexplicit=False, refdoc=node["refdoc"],
                )
                ref += nodes.inline(docname, docname)
                replacement += ref
            replacement += nodes.Text(".")
            node.replace_self(replacement)


class RawLatexOutputs(SphinxPostTransform):
    """Pass LaTeX outputs of the book's own objects to the PDF as LaTeX, not as equations.

    myst-nb renders every ``text/latex`` output as a math block. The static tables of
    :mod:`ifnalpha.book.table_display` are ``longtable`` environments, which break inside math:
    outputs that start with :data:`RAW_LATEX_MARKER` become raw LaTeX, and empty ones are dropped.
    """

    default_priority = 5
    builders = ("latex",)

    def run(self, **kwargs: Any) -> None:
        """Replace the marked math blocks of the document being written."""
        for node in list(self.document.findall(nodes.math_block)):
            if "text_latex" not in node.get("classes", []):
                continue
            text = node.astext()
            if not text.strip():
                node.parent.remove(node)
            elif text.lstrip().startswith(RAW_LATEX_MARKER):
                node.replace_self(nodes.raw("", text + "\n", format="latex"))


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    for pages in getattr(env, _ENV_CITES, {}).values():
        pages.discard(docname)
    docs = getattr(env, _ENV_REGISTRY, {})
    for review in [r for r, d in docs.items() if d == docname]:
        del docs[review]


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: Any) -> None:
    store = getattr(env, _ENV_CITES, {})
    for key, pages in getattr(other, _ENV_CITES, {}).items():
        store.setdefault(key, set()).update(pages)
    setattr(env, _ENV_CITES, store)
    docs = getattr(env, _ENV_REGISTRY, {})
    docs.update(getattr(other, _ENV_REGISTRY, {}))
    setattr(env, _ENV_REGISTRY, docs)


def _outdated(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    """Re-read the registry pages whenever any page changed: their back-links may change."""
    if added or changed or removed:
        return sorted(set(getattr(env, _ENV_REGISTRY, {}).values()))
    return []


def _dedupe_scripts(app: Sphinx, pagename: str, templatename: str, context: dict,
                    doctree: Any) -> None:
    """Keep one of each script a page would load twice.

    sphinx-thebe registers its inline configuration script (``const THEBE_JS_URL = ...``)
    once with no file name and once with an empty one; Sphinx 7.4 keeps both, and the second
    declaration throws in the browser. Scripts are the same when their file name (``None`` and
    ``""`` alike) and attributes are.
    """
    scripts = context.get("script_files")
    if not scripts:
        return
    seen: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
    unique = []
    for script in scripts:
        filename = str(getattr(script, "filename", script) or "")
        attributes = tuple(sorted((getattr(script, "attributes", None) or {}).items()))
        key = (filename, attributes)
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the roles, the directive, the nodes and the event handlers."""
    citation_role.setup(app)
    app.add_directive("citation-registry", CitationRegistryDirective)
    app.add_post_transform(ResolveCitingPages)
    app.add_post_transform(RawLatexOutputs)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-outdated", _outdated)
    app.connect("html-page-context", _dedupe_scripts)
    review_notes.setup(app)
    grade_badges.setup(app)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
