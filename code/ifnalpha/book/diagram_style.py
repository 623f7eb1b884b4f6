"""The visual grammar of the book's diagrams, after SBGN, and the links and tooltips they carry.

One shape per kind of node and one arrowhead and line per kind of edge, whatever the figure:

- shapes: protein (rounded box, SBGN macromolecule), complex (octagon, SBGN's cut corners),
  gene (gene arrow), DNA element (arrow box), small molecule (ellipse, SBGN simple chemical),
  nucleic acid (box with cut corners), cell (double ellipse), phenotype (hexagon, as in SBGN),
  pathway (3-D box, SBGN submap), regulator group (dashed rounded box, as review B's Fig. 3),
  process (small square) and source/sink (∅);
- arrowheads: open triangle for stimulation (activates), bar for inhibition, open circle for
  catalysis (phosphorylates), filled dot for association (binds), filled triangle for production
  (forms), open diamond for modulation of unknown sign (regulates); the line says how: solid for
  a direct effect, dashed for a change of amount (up/downregulates) or of place, dotted for
  stability or secretion, bold for transcription.

Examples
--------
>>> glossary_anchor("IFN-α")
'term-IFN'
>>> glossary_anchor("GAF/AAF")
'term-GAF-AAF'
>>> EDGE_STYLE["inhibits"]["arrowhead"]
'tee'
"""

from __future__ import annotations

from collections.abc import Mapping

from sphinx.util.nodes import _make_id  # the function Sphinx uses for glossary term ids

from ifnalpha.book.palette import ACTION_COLOURS, DIAGRAM_INK, DIAGRAM_TEXT, NODE_FILLS
from ifnalpha.evidence.citations import number_ranges

__all__ = [
    "ACTION_COLOURS",
    "EDGE_STYLE",
    "FONT",
    "GLOSSARY_PAGE",
    "INK",
    "ATLAS_PAGE",
    "NODE_STYLE",
    "edge_tooltip",
    "glossary_anchor",
    "node_link",
    "node_tooltip",
]

INK = DIAGRAM_INK
FONT = {"fontname": "Helvetica", "fontsize": "11", "color": INK, "fontcolor": DIAGRAM_TEXT}

#: Graphviz attributes of each node kind (``ifnalpha.evidence.diagrams.NODE_KINDS``).
_SHAPES: dict[str, dict[str, str]] = {
    "protein": {"shape": "box", "style": "rounded,filled"},
    "complex": {"shape": "octagon", "style": "filled"},
    "gene": {"shape": "cds", "style": "filled"},
    "dna_element": {"shape": "rarrow", "style": "filled"},
    "small_molecule": {"shape": "ellipse", "style": "filled"},
    "nucleic_acid": {"shape": "box", "style": "filled,diagonals"},
    "cell": {"shape": "ellipse", "style": "filled", "peripheries": "2"},
    "phenotype": {"shape": "hexagon", "style": "filled"},
    "pathway": {"shape": "box3d", "style": "filled"},
    "regulator_group": {"shape": "box", "style": "rounded,dashed,filled"},
    "process": {"shape": "square", "style": "filled", "width": "0.14",
                "height": "0.14", "fixedsize": "true"},
    "source_sink": {"shape": "circle", "style": "filled",
                    "width": "0.26", "fixedsize": "true"},
}
NODE_STYLE: dict[str, dict[str, str]] = {
    kind: {**shape, "fillcolor": NODE_FILLS[kind]} for kind, shape in _SHAPES.items()
}

#: Graphviz attributes of each edge kind (``ifnalpha.evidence.diagrams.EDGE_KINDS``).
EDGE_STYLE: dict[str, dict[str, str]] = {
    "binds": {"arrowhead": "dot", "style": "solid"},
    "recruits": {"arrowhead": "dot", "style": "dashed"},
    "forms": {"arrowhead": "normal", "style": "solid"},
    "produces": {"arrowhead": "vee", "style": "solid"},
    "phosphorylates": {"arrowhead": "odot", "style": "solid"},
    "activates": {"arrowhead": "empty", "style": "solid"},
    "upregulates": {"arrowhead": "empty", "style": "dashed"},
    "stabilises": {"arrowhead": "empty", "style": "dotted"},
    "inhibits": {"arrowhead": "tee", "style": "solid"},
    "downregulates": {"arrowhead": "tee", "style": "dashed"},
    "degrades": {"arrowhead": "tee", "style": "dotted"},
    "regulates": {"arrowhead": "odiamond", "style": "solid"},
    "transcribes": {"arrowhead": "normal", "style": "bold"},
    "translocates": {"arrowhead": "normal", "style": "dashed"},
    "secretes": {"arrowhead": "normal", "style": "dotted"},
    "consumes": {"arrowhead": "none", "style": "solid"},
}


#: Where a diagram's links point, relative to a chapter page (``chapters/<part>/<page>.html``).
GLOSSARY_PAGE = "appendix/glossary.html"
ATLAS_PAGE = "synthesis/gene-atlas.html"


def glossary_anchor(term: str) -> str:
    """Return the HTML id Sphinx gives a glossary term (``term-`` + the term as an identifier)."""
    return _make_id(f"term-{term}")


def node_link(node: Mapping[str, object], base: str = "../") -> str:
    """Where a node links: its glossary entry, else the gene atlas when it names genes, else ``""``.

    Examples
    --------
    >>> node_link({"glossary": "ISGF3", "genes": ()})
    '../appendix/glossary.html#term-ISGF3'
    >>> node_link({"glossary": "", "genes": ("RHOC",)})
    '../synthesis/gene-atlas.html'
    """
    if node.get("glossary"):
        return f"{base}{GLOSSARY_PAGE}#{glossary_anchor(str(node['glossary']))}"
    if node.get("genes"):
        return f"{base}{ATLAS_PAGE}"
    return ""


def node_tooltip(node: Mapping[str, object]) -> str:
    """Tooltip text of a node: its label, kind, genes and note.

    Examples
    --------
    >>> node_tooltip({"label": "ISGF3", "kind": "complex", "genes": ("STAT1", "IRF9"), "note": ""})
    'ISGF3 (complex; genes STAT1, IRF9)'
    """
    genes = tuple(node.get("genes") or ())
    extra = f"; genes {', '.join(genes)}" if genes else ""
    text = f"{node['label']} ({str(node['kind']).replace('_', ' ')}{extra})"
    return f"{text}. {node['note']}" if node.get("note") else text


def edge_tooltip(edge: Mapping[str, object], labels: Mapping[str, str], review: str) -> str:
    """Tooltip text of an edge: what it says, its citations (``[A 19]``) and its note.

    Examples
    --------
    >>> e = {"source": "a", "target": "b", "kind": "binds", "references": (21, 22, 23),
    ...      "note": ""}
    >>> edge_tooltip(e, {"a": "IFN-α", "b": "IFNAR2"}, "A")
    'IFN-α binds IFNAR2 [A 21–23]'
    """
    refs = tuple(edge.get("references") or ())
    cited = f" [{review} {number_ranges(refs).replace('-', '–')}]" if refs and review else ""
    text = f"{labels[str(edge['source'])]} {edge['kind']} {labels[str(edge['target'])]}{cited}"
    return f"{text}. {edge['note']}" if edge.get("note") else text
