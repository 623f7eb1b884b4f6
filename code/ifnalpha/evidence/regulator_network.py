"""Review B's regulators of JAK1, TYK2 and ISGF3 (Tables 3 and 4) as diagrams.

Two diagrams are built from the tables, never copied by hand:

- **Fig. 4**, the book's own network in place of the review's STRING picture: one node per
  regulator, one edge per table row to the target it acts on (JAK1, TYK2, STAT1, STAT2, IRF9 or
  the ISGF3 complex), the edge's kind read from the row's action and mechanism, its references
  the row's citation, and the row's action kept for colouring;
- **Fig. 3**, the pathways IFN-α2b activates (``data/diagrams/b-fig3.*.csv``, which also holds
  review B's Table 1 pathways and the regulators its text names) with the table regulators
  gathered, as the review draws them, into boxes on the step they act on: one box per target,
  direction (activators, inhibitors, binders) and category (intracellular or exogenic).

Examples
--------
>>> rows = regulator_rows()
>>> len(rows), sorted(int(t) for t in rows["table"].unique())
(53, [3, 4])
>>> rows.set_index("regulator").loc["CISH", "kind"]
'degrades'
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ifnalpha import checks
from ifnalpha.evidence import citations, diagrams, tables

__all__ = ["EFFECT_OF_KIND", "TARGET_NODES", "build_diagram", "regulator_rows"]

#: Table target (one gene or ISGF3) → node id in Figs. 3 and 4.
TARGET_NODES: dict[str, str] = {
    "JAK1": "jak1", "TYK2": "tyk2", "STAT1": "stat1", "STAT2": "stat2", "IRF9": "irf9",
    "ISGF3": "isgf3",
}

#: Direction of each edge kind a table row can take, for grouping on Fig. 3.
EFFECT_OF_KIND: dict[str, str] = {
    "activates": "activators", "upregulates": "activators", "stabilises": "activators",
    "inhibits": "inhibitors", "downregulates": "inhibitors", "degrades": "inhibitors",
    "binds": "binding partners", "regulates": "binding partners",
}

_EDGE_OF_EFFECT = {"activators": "activates", "inhibitors": "inhibits",
                   "binding partners": "binds"}


def _kind(action: str, mechanism: str) -> str:
    """Return a table row's edge kind: its action, made directional by its mechanism."""
    words = mechanism.lower()
    if action == "Functional activation":
        return "activates"
    if action == "Functional repression":
        return "inhibits"
    if action == "Formation of a complex":
        return "binds"
    if action == "Protein degradation":
        return "stabilises" if "stabiliz" in words else "degrades"
    if "upregulat" in words:
        return "upregulates"
    if "downregulat" in words:
        return "downregulates"
    return "regulates"


def _name(record: pd.Series) -> str:
    """Return the regulator as printed, or as corrected when the row records a correction."""
    match = re.match(r"regulator: .* → (.*?) \(", record["correction"])
    return match.group(1) if match else record["regulator"]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


@lru_cache(maxsize=1)
def _rows() -> pd.DataFrame:
    out = []
    for number in (3, 4):
        frame = tables.load("B", number)
        for row, record in enumerate(frame.to_dict("records"), start=1):
            record = pd.Series(record)
            for target in (t.strip() for t in record["target"].split(",")):
                kind = _kind(record["action"], record["mechanism"])
                out.append({
                    "table": number, "row": row, "category": record["category"],
                    "regulator": _name(record), "printed": record["regulator"],
                    "regulator_type": record["regulator_type"], "gene": record["gene"],
                    "cell_type": record["cell_type"], "target": target,
                    "action": record["action"], "mechanism": record["mechanism"],
                    "citations": record["citations_printed"], "kind": kind,
                    "effect": EFFECT_OF_KIND[kind], "node": "reg_" + _slug(_name(record)),
                })
    return pd.DataFrame(out)


def regulator_rows() -> pd.DataFrame:
    """One row per (table row, target): Table 3 and Table 4 regulators with their edge kind.

    A printed target ``"STAT1, STAT2"`` gives two rows. Columns: ``table``, ``row`` (1-based
    data row), ``category``, ``regulator`` (corrected name), ``printed``, ``regulator_type``,
    ``gene``, ``cell_type``, ``target``, ``action``, ``mechanism``, ``citations`` (as
    printed), ``kind`` (edge kind), ``effect`` (activators, inhibitors or binding partners)
    and ``node`` (the regulator's node id).

    Examples
    --------
    >>> r = regulator_rows()
    >>> r.loc[r["regulator"] == "BRCA1", "target"].tolist()
    ['JAK1', 'STAT1', 'STAT2']
    """
    return _rows().copy()


_KIND_OF_TYPE = {"gene product": "protein", "compound": "small_molecule",
                 "lipoprotein": "complex"}


def _target_nodes() -> list[tuple[str, dict[str, str]]]:
    where = "review B, Tables 3 and 4 (targets)"
    nodes = [(where, {"id": TARGET_NODES[g], "label": g, "kind": "protein", "genes": g,
                      "group": "IFN-I pathway", "glossary": g})
             for g in ("JAK1", "TYK2", "STAT1", "STAT2", "IRF9")]
    nodes.append((where, {"id": "isgf3", "label": "ISGF3", "kind": "complex",
                          "genes": "STAT1 STAT2 IRF9", "group": "IFN-I pathway",
                          "glossary": "ISGF3"}))
    return nodes


def _network() -> tuple[list, list]:
    rows = _rows()
    nodes = _target_nodes()
    for node, group in rows.groupby("node", sort=False):
        first = group.iloc[0]
        where = f"review B, Table {first['table']}, row {first['row']}"
        note = "" if first["regulator"] == first["printed"] else \
            f"Printed {first['printed']!r}, corrected (data/tables/README.md)."
        nodes.append((where, {
            "id": node, "label": first["regulator"], "kind": _KIND_OF_TYPE[first["regulator_type"]],
            "genes": first["gene"], "group": f"{first['category']} factors", "note": note}))
    edges = []
    for member in ("stat1", "stat2", "irf9"):
        edges.append(("review B, ISGF3 section", {
            "id": f"{member}_forms_isgf3", "source": member, "target": "isgf3", "kind": "forms",
            "references": "25–27", "note": "A component of ISGF3.", "action": ""}))
    for _, r in rows.iterrows():
        where = f"review B, Table {r['table']}, row {r['row']}"
        note = f"{r['action']}: {r['mechanism']} ({r['cell_type']}). Table {r['table']}, " \
               f"row {r['row']}."
        edges.append((where, {
            "id": f"b{r['table']}_{r['row']}_{TARGET_NODES[r['target']]}", "source": r["node"],
            "target": TARGET_NODES[r["target"]], "kind": r["kind"],
            "references": r["citations"], "note": note, "action": r["action"]}))
    return nodes, edges


def _regulator_boxes() -> tuple[list, list]:
    """Fig. 3's boxes: the regulators of one step, one direction and one category."""
    rows = _rows()
    nodes, edges = [], []
    keys = ["target", "effect", "category"]
    for (target, effect, category), group in rows.groupby(keys, sort=True):
        node = f"box_{TARGET_NODES[target]}_{_slug(effect)}_{category}"
        tables_used = " and ".join(f"Table {t}" for t in sorted(group["table"].unique()))
        where = f"review B, {tables_used}: {target} {effect} ({category})"
        names = ", ".join(dict.fromkeys(group["regulator"]))
        nodes.append((where, {
            "id": node, "label": f"{category} {effect} of {target}: {names}",
            "kind": "regulator_group",
            "genes": " ".join(dict.fromkeys(g for g in group["gene"] if g)),
            "group": "regulators from Tables 3 and 4",
            "note": f"{tables_used}: {len(group)} rows."}))
        numbers = sorted({n for text in group["citations"] for n in citations.parse(text)})
        detail = "; ".join(f"{r['regulator']}: {r['action'].lower()}, {r['mechanism'].lower()}"
                           for _, r in group.iterrows())
        edges.append((where, {
            "id": f"{node}_edge", "source": node, "target": TARGET_NODES[target],
            "kind": _EDGE_OF_EFFECT[effect], "references": ", ".join(map(str, numbers)),
            "note": detail, "action": ""}))
    return nodes, edges


def build_diagram(figure_id: str, title: str) -> diagrams.Diagram:
    """Build review B's Fig. 3 (files plus table regulators) or Fig. 4 (tables only).

    Examples
    --------
    >>> build_diagram("b-fig4", "network").summary()["edges"]
    56
    """
    checks.choice("figure_id", figure_id, ("b-fig3", "b-fig4"))
    if figure_id == "b-fig4":
        nodes, edges = _network()
        panel = "Fig. 4"
    else:
        folder = diagrams.diagrams_dir()
        nodes = diagrams.records(folder / "b-fig3.nodes.csv", "nodes")
        edges = diagrams.records(folder / "b-fig3.edges.csv", "edges")
        box_nodes, box_edges = _regulator_boxes()
        nodes, edges = nodes + box_nodes, edges + box_edges
        panel = "Fig. 3"
    node_frame, edge_frame = diagrams.validate(nodes, edges, "B")
    return diagrams.Diagram(figure_id, "B", panel, title, node_frame, edge_frame)
