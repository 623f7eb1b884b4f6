"""The model's wiring as nodes and edges, and its state on review A's Fig. 1a after a dose.

:func:`wiring` turns the reaction table (:data:`ifnalpha.model.spec.REACTIONS`) into a process
diagram after SBGN: one node per species, one process node per reaction, consumption edges from
reactants, production edges to products, and modifier edges from every species a rate law reads
without consuming it (through the intermediate quantities of :data:`~ifnalpha.model.spec.
ASSIGNMENTS`). A modifier's edge says *activates* or *inhibits* by the sign of the rate's change
when that species rises by 1 % in a cell signalling for one hour at 100 pM IFN-α, *regulates*
if the rate does not move. Nothing is drawn by hand, so the picture is the model the equations
encode.

:data:`FIG1A_QUANTITIES` maps the nodes of review A's Fig. 1a (``data/diagrams/a-fig1a.*``) to
the model's readouts or species, and :func:`fig1a_states` computes their values at chosen times
after a dose, for the book's small multiples. The node ids are plain strings: the model does not
read the figure's files, and the book joins the two.

Examples
--------
>>> nodes, edges = wiring()
>>> int((nodes["kind"] == "process").sum()) == len(REACTIONS)
True
>>> edges.set_index("id").loc["receptor_activation:socs1_protein:modifier", "kind"]
'inhibits'

The model is educational and qualitative, not clinical guidance.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from ifnalpha import checks
from ifnalpha.model import core, expressions, simulation
from ifnalpha.model.spec import ASSIGNMENTS, REACTIONS, SPECIES

__all__ = ["FIG1A_QUANTITIES", "INPUT_NODE", "fig1a_states", "wiring"]

#: The node standing for the IFN-α input (``ifn_pM``), which is not a species.
INPUT_NODE = "ifn_input"

#: Nodes of review A's Fig. 1a → (``"readout"`` or ``"species"``, name). Nodes left out (GAS,
#: the receptor chains' own amounts, IRF9 before it joins) have no counterpart of their own.
FIG1A_QUANTITIES: dict[str, tuple[str, str]] = {
    "ifna": ("readout", "ifn_pM"),
    "ifnar1": ("readout", "receptor_total"),
    "ifnar2": ("readout", "receptor_total"),
    "receptor": ("readout", "receptor_active"),
    "jak1": ("readout", "receptor_active"),
    "tyk2": ("readout", "receptor_active"),
    "stat1": ("readout", "pstat1_total"),
    "stat2": ("readout", "pstat2_total"),
    "irf9": ("readout", "irf9"),
    "heterodimer": ("species", "pstat1_pstat2"),
    "aaf": ("readout", "aaf"),
    "aaf_nucleus": ("readout", "aaf"),
    "isgf3": ("readout", "isgf3"),
    "isgf3_nucleus": ("readout", "isgf3"),
    "isre": ("readout", "isre_phospho"),
    "isgf3_targets": ("readout", "tunable_isg"),
    "gas_targets": ("readout", "irf1"),
}

_GENES = re.compile(r"\b(STAT[12]|IRF[19]|SOCS1|USP18|IFITM1|IFNAR[12]|JAK1|TYK2|MX1)\b")
_GLOSSARY = {"u_isgf3": "U-ISGF3", "isgf3": "ISGF3", "aaf": "GAF/AAF", "ustat1": "STAT1",
             "ustat2": "STAT2", "irf9_free": "IRF9", "socs1_protein": "SOCS1",
             "usp18_protein": "USP18", "ifitm1_mrna": "IFITM1", "receptor": "type I interferon",
             "receptor_active": "type I interferon"}


def _species_kind(species_id: str, meaning: str) -> str:
    if species_id.endswith("_mrna"):
        return "nucleic_acid"
    if species_id.startswith("anti"):
        return "phenotype"
    if re.search(r"complex|dimer|·", meaning):
        return "complex"
    return "protein"


@lru_cache(maxsize=1)
def _assignment_names() -> dict[str, set[str]]:
    """Each intermediate quantity → the species and input it depends on (recursively)."""
    species = {s.id for s in SPECIES}
    deps: dict[str, set[str]] = {}
    for name, expr, _ in ASSIGNMENTS:
        used = expressions.names(expressions.parse_expression(expr))
        deps[name] = {u for u in used if u in species or u == "ifn_pM"}
        for u in used & deps.keys():
            deps[name] |= deps[u]
    return deps


def _read_species(rate: str) -> set[str]:
    """Return the species (and ``ifn_pM``) a rate law reads, directly or through assignments."""
    species = {s.id for s in SPECIES}
    used = expressions.names(expressions.parse_expression(rate))
    out = {u for u in used if u in species or u == "ifn_pM"}
    for u in used & _assignment_names().keys():
        out |= _assignment_names()[u]
    return out


@lru_cache(maxsize=1)
def _environment() -> dict[str, float]:
    """Constants and the species of a cell after 1 h at 100 pM IFN-α, by name."""
    constants, _, _ = simulation.setup_constants(None, {})
    env = dict(zip(core.CONSTANT_NAMES, (float(c) for c in constants), strict=True))
    signalling = simulation.simulate(100.0, hours=1.0, dt_h=0.5).final_state.values
    env.update(zip(simulation.STATE_NAMES, (float(v) for v in signalling), strict=True))
    env["ifn_pM"] = 100.0
    return env


def _rate(rate: str, env: dict[str, float]) -> float:
    scope = dict(env)
    for name, expr, _ in ASSIGNMENTS:
        scope[name] = float(expressions.evaluator(expr)[0](scope))
    return float(expressions.evaluator(rate)[0](scope))


def _modifier_kind(rate: str, name: str) -> str:
    """``activates`` or ``inhibits`` by the sign of the rate's response to ``name``."""
    env = _environment()
    base = _rate(rate, env)
    bumped = dict(env)
    bumped[name] = env[name] * 1.01 if env[name] else 1e-3
    change = _rate(rate, bumped) - base
    if abs(change) <= 1e-12 * max(abs(base), 1.0):
        return "regulates"
    return "activates" if change > 0 else "inhibits"


def _node(node_id: str, label: str, kind: str, genes: str = "", glossary: str = "",
          note: str = "", group: str = "") -> dict[str, str]:
    return {"id": node_id, "label": label, "kind": kind, "genes": genes, "group": group,
            "glossary": glossary, "note": note}


@lru_cache(maxsize=1)
def _wiring() -> tuple[pd.DataFrame, pd.DataFrame]:
    nodes = [_node(INPUT_NODE, "IFN-α (input)", "protein", glossary="IFN-α",
                   note="The dose: an input of the model, not a state.", group="input")]
    for s in SPECIES:
        genes = " ".join(dict.fromkeys(_GENES.findall(s.meaning)))
        nodes.append(_node(s.id, s.id, _species_kind(s.id, s.meaning), genes,
                           _GLOSSARY.get(s.id, ""), f"{s.meaning} ({s.unit})"))
    edges = []
    for r in REACTIONS:
        nodes.append(_node(r.id, r.id, "process", note=f"{r.meaning}. Source: {r.source}."))
        consumed = {k: -v for k, v in r.stoichiometry.items() if v < 0}
        made = {k: v for k, v in r.stoichiometry.items() if v > 0}
        if not consumed:
            nodes.append(_node(f"{r.id}:source", "∅", "source_sink"))
            edges.append((f"{r.id}:source", f"{r.id}:source", r.id, "consumes", ""))
        if not made:
            nodes.append(_node(f"{r.id}:sink", "∅", "source_sink"))
            edges.append((f"{r.id}:sink", r.id, f"{r.id}:sink", "produces", ""))
        for species, n in consumed.items():
            edges.append((f"{r.id}:{species}:reactant", species, r.id, "consumes",
                           f"× {n}" if n > 1 else ""))
        for species, n in made.items():
            edges.append((f"{r.id}:{species}:product", r.id, species, "produces",
                          f"× {n}" if n > 1 else ""))
        modifiers = (_read_species(r.rate) | set(r.modifiers)) - set(consumed)
        for name in sorted(modifiers):
            source = INPUT_NODE if name == "ifn_pM" else name
            edges.append((f"{r.id}:{name}:modifier", source, r.id, _modifier_kind(r.rate, name),
                          f"read by the rate law {r.rate}"))
    node_frame = pd.DataFrame(nodes)
    edge_frame = pd.DataFrame(edges, columns=["id", "source", "target", "kind", "note"])
    edge_frame.insert(4, "references", "")
    return node_frame, edge_frame


def wiring() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the model's species and reactions as (nodes, edges) data frames.

    Nodes have the columns ``id, label, kind, genes, group, glossary, note`` (kinds as in the
    reviews' diagrams: ``protein``, ``complex``, ``nucleic_acid``, ``phenotype``, ``process``,
    ``source_sink``); edges ``id, source, target, kind, references, note`` with kinds
    ``consumes``, ``produces``, ``activates``, ``inhibits`` and ``regulates``. The model
    cites no review numbers, so ``references`` is empty; each process node's note gives the
    reaction's meaning and source.

    Examples
    --------
    >>> nodes, edges = wiring()
    >>> sorted(edges["kind"].unique())[:2]
    ['activates', 'consumes']
    """
    nodes, edges = _wiring()
    return nodes.copy(), edges.copy()


def fig1a_states(
    times_h: Sequence[float] = (0.0, 0.5, 2.0, 8.0, 24.0),
    dose_pM: float = 100.0,
    *,
    hours: float | None = None,
) -> pd.DataFrame:
    """Return the model's state on each Fig. 1a node at chosen times after a constant dose.

    Parameters
    ----------
    times_h : sequence of float
        Times after the dose starts (h), each ≥ 0.
    dose_pM : float
        Constant IFN-α concentration from time 0 (pM, > 0).
    hours : float, optional
        Length of the simulation (default: the last time, at least 1 h); the scaling uses the
        whole run.

    Returns
    -------
    pandas.DataFrame
        One row per (node, time): ``node``, ``source`` (readout or species), ``quantity``,
        ``time_h``, ``value`` and ``scaled`` (0 at the quantity's lowest value over the run,
        1 at its highest; a quantity that does not move is 1 if present, else 0).

    Examples
    --------
    >>> s = fig1a_states((0.0, 1.0), 100.0)
    >>> float(s.set_index(["node", "time_h"]).loc[("isgf3", 0.0), "scaled"])
    0.0
    """
    times = checks.numbers("times_h", times_h, minimum=0.0)
    dose = checks.number("dose_pM", dose_pM, positive=True)
    if not times:
        raise ValueError("`times_h` must hold at least one time, got ()")
    length = max(max(times), 1.0) if hours is None else checks.number("hours", hours,
                                                                       positive=True)
    if max(times) > length:
        raise ValueError(f"`times_h` must be ≤ `hours` ({length:g}), got {max(times):g}")
    res = simulation.simulate(dose, hours=length, dt_h=min(0.05, length / 20))
    rows = []
    for node, (source, name) in FIG1A_QUANTITIES.items():
        series = (res.frame if source == "readout" else res.states)[name]
        low, high = float(series.min()), float(series.max())
        for t in times:
            value = float(series.iloc[int(np.argmin(np.abs(series.index.to_numpy() - t)))])
            if high - low > 1e-12 * max(abs(high), 1.0):
                scaled = (value - low) / (high - low)
            else:
                scaled = 1.0 if high > 0 else 0.0
            rows.append({"node": node, "source": source, "quantity": name, "time_h": t,
                         "value": value, "scaled": scaled})
    return pd.DataFrame(rows)
