"""The reviews' figures and the model's wiring drawn by Graphviz, with captions, links and files.

Every diagram is laid out by Graphviz (``dot``) from the node and edge tables of
:mod:`ifnalpha.evidence.diagrams` (the reviews' figures) or :mod:`ifnalpha.model.diagram` (the
model), in the one visual grammar of :mod:`ifnalpha.book.diagram_style`, with a legend of the
shapes and arrows it uses. In the SVG each node links to its glossary entry or to the gene
atlas and each edge carries a tooltip with its kind and citations (``[A 19]``): plain SVG
links and titles, so they work with no script and no server. The PDF (``dot -Tpdf``) is vector
with its labels as text. The same input gives byte-identical SVG.

Each function returns a :class:`~ifnalpha.book.figure.BookFigure` (the book's one figure type)
holding the Graphviz graph, the SVG, a caption, an alt text that describes the diagram, its
citations and its counts.

Examples
--------
>>> fig = review_figure("a-fig1b")
>>> fig.numbers["nodes"], fig.svg.startswith("<svg")
(10, True)
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import graphviz
import pandas as pd

from ifnalpha import checks
from ifnalpha.book import palette
from ifnalpha.book.diagram_style import (
    ACTION_COLOURS,
    EDGE_STYLE,
    FONT,
    INK,
    NODE_STYLE,
    edge_tooltip,
    node_link,
    node_tooltip,
)
from ifnalpha.book.diagram_svg import svg
from ifnalpha.book.figure import BookFigure
from ifnalpha.evidence import diagrams as evidence_diagrams
from ifnalpha.model import diagram as model_diagram

__all__ = [
    "fig1a_small_multiples",
    "graph",
    "graphml",
    "model_wiring_figure",
    "review_figure",
    "svg",
    "write_files",
]

#: The diagrams a reader may take further into Cytoscape (GraphML downloads).
NETWORKS: tuple[str, ...] = ("b-fig3", "b-fig4", "model-wiring")


def _attr(text: str) -> str:
    """Text safe inside a Graphviz attribute (the binding quotes it; no backslash escapes)."""
    return str(text).replace("\\", "/")


def _wrap(text: str, width: int = 22) -> str:
    words, lines, line = str(text).split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines)


def _gid(prefix: str, node_id: object) -> str:
    """Return a Graphviz-safe id (a colon would be read as a node port)."""
    return prefix + str(node_id).replace(":", "__")


def _cluster_id(group: str) -> str:
    return "cluster_" + re.sub(r"[^a-z0-9]+", "_", group.lower()).strip("_")


def _legend(g: graphviz.Digraph, node_kinds: Sequence[str], edge_kinds: Sequence[str],
            actions: Sequence[str]) -> None:
    """Add a legend cluster: a row of node shapes, a row of arrows, a row of action colours."""
    with g.subgraph(name="cluster_legend") as leg:
        leg.attr(label="Legend", style="rounded", color=palette.DIAGRAM_FRAME, fontsize="11")
        rows: list[list[str]] = [[], [], [], []]
        for kind in node_kinds:
            name = f"legend_node_{kind}"
            label = {"process": "", "source_sink": "∅"}.get(kind, kind.replace("_", " "))
            leg.node(name, label=label, tooltip=f"node: {kind.replace('_', ' ')}", id=name,
                     fontsize="9", **NODE_STYLE[kind])
            rows[0].append(name)
        for kind in edge_kinds:
            a, b = f"legend_{kind}_from", f"legend_{kind}_to"
            leg.node(a, label=kind, shape="plaintext", fontsize="9", id=a, height="0.2")
            leg.node(b, label="", shape="point", width="0.04", id=b)
            leg.edge(a, b, id=f"legend_edge_{kind}", tooltip=f"edge: {kind}", **EDGE_STYLE[kind])
            rows[1].append(a)
            rows[2].append(b)
        for action in actions:
            name = f"legend_action_{re.sub(r'[^a-z]+', '_', action.lower())}"
            leg.node(name, label=f"— {action}", shape="plaintext", fontsize="9",
                     fontcolor=ACTION_COLOURS[action], id=name)
            rows[3].append(name)
        rows = [row for row in rows if row]
        for i, row in enumerate(rows):
            with leg.subgraph(name=f"legend_row_{i}") as same:
                same.attr(rank="same")
                for name in row:
                    same.node(name)
            if i and not (rows[i - 1][0].startswith("legend_") and row[0].endswith("_to")
                          and rows[i - 1][0].endswith("_from")):
                leg.edge(rows[i - 1][0], row[0], style="invis")


def graph(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    *,
    review: str = "",
    title: str = "",
    link_base: str = "../",
    fills: Mapping[str, str] | None = None,
    rankdir: str = "TB",
    legend: bool = True,
    prefix: str = "",
    into: graphviz.Digraph | None = None,
) -> graphviz.Digraph:
    """Build the Graphviz graph of a node table and an edge table.

    Parameters
    ----------
    nodes, edges : pandas.DataFrame
        As :mod:`ifnalpha.evidence.diagrams` returns them (``genes`` and ``references`` may
        be tuples or space/comma-separated strings).
    review : str
        ``"A"`` or ``"B"`` for edge citations, ``""`` for none (the model).
    title : str
        Drawn above the diagram.
    link_base : str
        Prefix that reaches the book's root from the page that shows the SVG.
    fills : mapping, optional
        Node id → fill colour, overriding the kind's colour (small multiples).
    rankdir : {"TB", "LR"}
        Direction of the layout.
    legend : bool
        Add the legend of the kinds used.
    prefix : str
        Prepended to every Graphviz id (to draw one table several times in one graph).
    into : graphviz.Digraph, optional
        Draw into this (sub)graph instead of a new graph.
    """
    checks.choice("rankdir", rankdir, ("TB", "LR"))
    g = into if into is not None else graphviz.Digraph("diagram", format="svg")
    if into is None:
        g.attr(rankdir=rankdir, label=_attr(title), labelloc="t", fontsize="14",
               fontname=FONT["fontname"], newrank="true", nodesep="0.25", ranksep="0.35",
               tooltip=_attr(title or "diagram"))
        g.attr("node", **FONT)
        g.attr("edge", color=INK, arrowsize="0.8")
    labels = dict(zip(nodes["id"], nodes["label"], strict=True))
    groups: dict[str, list[dict]] = {}
    for node in nodes.to_dict("records"):
        node["genes"] = tuple(node["genes"].split()) if isinstance(node["genes"], str) \
            else tuple(node["genes"])
        groups.setdefault(str(node.get("group") or ""), []).append(node)
    for group, members in groups.items():
        target = g.subgraph(name=prefix + _cluster_id(group)) if group else None
        with (target if target is not None else _Same(g)) as sub:
            if group:
                sub.attr(label=_attr(group), style="rounded,dashed", color=palette.DIAGRAM_GROUP[0],
                         fontsize="10", fontcolor=palette.DIAGRAM_GROUP[1])
            for node in members:
                style = dict(NODE_STYLE[node["kind"]])
                if fills and node["id"] in fills:
                    style["fillcolor"] = fills[node["id"]]
                text = node["label"]
                if node["kind"] == "gene" and len(node["genes"]) > 1:
                    text = f"{text}: {' '.join(node['genes'])}"
                label = "" if node["kind"] == "process" else _attr(_wrap(text, 26))
                if node["kind"] == "source_sink":
                    label = "∅"
                link = node_link(node, link_base)
                extra = {"href": link, "target": "_top"} if link else {}
                sub.node(_gid(prefix, node["id"]), label=label, id=_gid(prefix, node["id"]),
                         tooltip=_attr(node_tooltip(node)), **style, **extra)
    for edge in edges.to_dict("records"):
        refs = edge.get("references") or ()
        if isinstance(refs, str):
            refs = evidence_diagrams.citations.parse(refs) if refs else ()
        edge["references"] = tuple(refs)
        style = dict(EDGE_STYLE[edge["kind"]])
        action = edge.get("action") or ""
        if action in ACTION_COLOURS:
            style["color"] = ACTION_COLOURS[action]
        g.edge(_gid(prefix, edge["source"]), _gid(prefix, edge["target"]),
               id=_gid(prefix, edge["id"]),
               tooltip=_attr(edge_tooltip(edge, labels, review)), **style)
    if legend:
        used_actions = [a for a in ACTION_COLOURS if "action" in edges
                        and a in set(edges["action"])]
        _legend(g, [k for k in NODE_STYLE if k in set(nodes["kind"])],
                [k for k in EDGE_STYLE if k in set(edges["kind"])], used_actions)
    return g


class _Same:
    """A context manager that hands back the graph itself (nodes without a cluster)."""

    def __init__(self, g: graphviz.Digraph):
        self.g = g

    def __enter__(self) -> graphviz.Digraph:
        return self.g

    def __exit__(self, *exc: object) -> None:
        return None


def graphml(nodes: pd.DataFrame, edges: pd.DataFrame, *, review: str = "") -> str:
    """Return the diagram as GraphML (Cytoscape opens it), every column an attribute.

    Examples
    --------
    >>> d = evidence_diagrams.load("b-fig4")
    >>> "<graphml" in graphml(d.nodes, d.edges, review="B")
    True
    """
    def text(value: object) -> str:
        if isinstance(value, tuple):
            value = ", ".join(map(str, value))
        return html.escape(str(value), quote=True)

    node_keys = [c for c in nodes.columns if c != "id"]
    edge_keys = [c for c in edges.columns if c not in ("id", "source", "target")]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    out += [f'  <key id="n_{k}" for="node" attr.name="{k}" attr.type="string"/>' for k in node_keys]
    out += [f'  <key id="e_{k}" for="edge" attr.name="{k}" attr.type="string"/>' for k in edge_keys]
    out.append(f'  <graph id="{text(review or "model")}" edgedefault="directed">')
    for node in nodes.to_dict("records"):
        out.append(f'    <node id="{text(node["id"])}">')
        out += [f'      <data key="n_{k}">{text(node[k])}</data>' for k in node_keys]
        out.append("    </node>")
    for edge in edges.to_dict("records"):
        out.append(f'    <edge id="{text(edge["id"])}" source="{text(edge["source"])}" '
                   f'target="{text(edge["target"])}">')
        out += [f'      <data key="e_{k}">{text(edge[k])}</data>' for k in edge_keys]
        out.append("    </edge>")
    out += ["  </graph>", "</graphml>", ""]
    return "\n".join(out)


def _describe(nodes: pd.DataFrame, edges: pd.DataFrame, what: str) -> str:
    kinds = nodes["kind"].value_counts()
    parts = ", ".join(f"{n} {k.replace('_', ' ')} node{'s' * (n > 1)}" for k, n in kinds.items())
    verbs = edges["kind"].value_counts()
    links = ", ".join(f"{n} {k}" for k, n in verbs.items())
    return (f"Diagram of {what}: {len(nodes)} nodes ({parts}) joined by {len(edges)} arrows "
            f"({links}).")


def review_figure(figure_id: str, *, link_base: str = "../") -> BookFigure:
    """Draw one of the reviews' figures (see :func:`ifnalpha.evidence.diagrams.diagram_ids`).

    Examples
    --------
    >>> review_figure("a-fig3a").citations
    {'A': (8, 44, 47, 48, 53)}
    """
    d = evidence_diagrams.load(figure_id)
    first = d.nodes.iloc[0]["label"]
    caption = (f"{d.title}: the book's redrawing of review {d.review}'s {d.panel} from data. "
               f"Hover over an arrow for its citations; click a node for its glossary entry or "
               f"the gene atlas.")
    what = f"review {d.review}'s {d.panel}, {d.title[0].lower()}{d.title[1:]}"
    alt = _describe(d.nodes, d.edges, what) + f" It starts from {first}."
    g = graph(d.nodes, d.edges, review=d.review, title=f"{d.title} (review {d.review}, {d.panel})",
              link_base=link_base, rankdir="LR" if figure_id == "b-fig3" else "TB")
    if figure_id == "b-fig4":  # a star around a few targets reads best laid out radially
        g.engine = "twopi"
        g.attr(overlap="false", splines="true", ranksep="1.6", root="jak1")
    numbers = dict(d.summary())
    return BookFigure(g, d.title, caption, alt, numbers, data=d.nodes, id=d.id,
                      citations={d.review: d.citations}, svg=svg(g, alt), edges=d.edges)


def model_wiring_figure(*, link_base: str = "../") -> BookFigure:
    """Draw the model's species and reactions (:func:`ifnalpha.model.diagram.wiring`).

    Examples
    --------
    >>> model_wiring_figure().numbers["reactions"] > 40
    True
    """
    nodes, edges = model_diagram.wiring()
    title = "The model's wiring: species, reactions and the species each rate law reads"
    reactions = int((nodes["kind"] == "process").sum())
    alt = _describe(nodes, edges, "the book's signalling model") + \
        " Each small square is one reaction of the model's reaction table."
    caption = (f"{title}. Drawn from the model's own reaction table: {reactions} reactions; "
               "hover over a square for the reaction and its source.")
    g = graph(nodes, edges, title=title, link_base=link_base, rankdir="LR")
    numbers = {"nodes": len(nodes), "edges": len(edges), "reactions": reactions,
               "species": int(nodes["kind"].isin(["protein", "complex", "nucleic_acid",
                                                   "phenotype"]).sum()) - 1}
    return BookFigure(g, title, caption, alt, numbers, data=nodes, id="model-wiring",
                      svg=svg(g, alt), edges=edges)


def fig1a_small_multiples(
    times_h: Sequence[float] = (0.0, 0.5, 2.0, 8.0, 24.0),
    dose_pM: float = 100.0,
    *,
    link_base: str = "../",
) -> BookFigure:
    """Review A's Fig. 1a coloured by the model's state at several times after a dose.

    Each panel is the Fig. 1a diagram with every node the model represents filled from white
    (its lowest value over the run) to blue (its highest); grey nodes have no model counterpart.

    Examples
    --------
    >>> fig = fig1a_small_multiples((0.0, 1.0))
    >>> fig.numbers["panels"]
    2
    """
    d = evidence_diagrams.load("a-fig1a")
    states = model_diagram.fig1a_states(times_h, dose_pM)
    g = graphviz.Digraph("diagram", format="svg")
    title = f"Review A's Fig. 1a coloured by the model's state after {dose_pM:g} pM IFN-α"
    g.attr(label=_attr(title), labelloc="t", fontsize="14", fontname=FONT["fontname"],
           rankdir="TB", nodesep="0.2", ranksep="0.3", tooltip=_attr(title))
    g.attr("node", **FONT)
    g.attr("edge", color=INK, arrowsize="0.7")
    times = list(dict.fromkeys(states["time_h"]))
    for i, t in enumerate(times):
        at = states[states["time_h"] == t].set_index("node")["scaled"]
        fills = {n: palette.state_colour(at[n]) if n in at.index else palette.NOT_MODELLED
                 for n in d.nodes["id"]}
        with g.subgraph(name=f"cluster_t{i}") as panel:
            panel.attr(label=f"{t:g} h", fontsize="12", style="rounded",
                       color=palette.DIAGRAM_FRAME)
            graph(d.nodes.assign(group=""), d.edges, review="A", link_base=link_base,
                  fills=fills, legend=False, prefix=f"t{i}_", into=panel)
    alt = (f"Small multiples of review A's Fig. 1a at {', '.join(f'{t:g}' for t in times)} h "
           f"after a constant {dose_pM:g} pM dose of IFN-α; nodes are shaded from white to blue "
           "by the model's value, each relative to its own range over the run.")
    caption = (f"{title}. Shading is each quantity relative to its own lowest and highest value "
               "in the run; grey nodes have no counterpart in the model. "
               "Educational, qualitative model; not clinical guidance.")
    numbers = {"panels": len(times), "nodes_per_panel": len(d.nodes),
               "modelled_nodes": int(states["node"].nunique())}
    return BookFigure(g, title, caption, alt, numbers, data=states, id="a-fig1a-model",
                      citations={"A": d.citations}, svg=svg(g, alt), edges=d.edges)


def write_files(folder: str | Path, *, formats: Sequence[str] = ("svg", "graphml"),
                link_base: str = "../") -> list[Path]:
    """Write every diagram as ``<id>.svg`` (and ``.pdf``), and the networks as ``.graphml``.

    Parameters
    ----------
    folder : str or pathlib.Path
        Created if missing.
    formats : sequence of {"svg", "pdf", "graphml"}
        What to write; GraphML only for :data:`NETWORKS`.
    link_base : str
        Prefix from the page that shows an SVG to the book's root (links to the glossary).

    Returns
    -------
    list of pathlib.Path
        The files written, in a fixed order.
    """
    for fmt in formats:
        checks.choice("formats", fmt, ("svg", "pdf", "graphml"))
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    figures = [review_figure(i, link_base=link_base) for i in evidence_diagrams.diagram_ids()]
    figures += [model_wiring_figure(link_base=link_base),
                fig1a_small_multiples(link_base=link_base)]
    written = []
    for fig in figures:
        if "svg" in formats:
            path = out / f"{fig.id}.svg"
            path.write_text(fig.svg, encoding="utf-8")
            written.append(path)
        if "pdf" in formats:
            path = out / f"{fig.id}.pdf"
            path.write_bytes(fig.pdf())
            written.append(path)
        if "graphml" in formats and fig.id in NETWORKS:
            path = out / f"{fig.id}.graphml"
            review = fig.id[0].upper() if fig.id.startswith(("a-", "b-")) else ""
            path.write_text(graphml(fig.data, fig.edges, review=review), encoding="utf-8")
            written.append(path)
    return written
