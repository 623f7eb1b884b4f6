"""Export the signalling model as SBML Level 3 Version 1 (used by :func:`ifnalpha.model.to_sbml`).

The export is generated from the same tables as the Python right-hand side
(:mod:`ifnalpha.model.spec`), so the two cannot drift apart silently; a test simulates the file with
libRoadRunner and compares it with :func:`ifnalpha.model.simulate`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ifnalpha.model import core as _core
from ifnalpha.model.codegen import names, parse, to_sbml_infix
from ifnalpha.model.parameters import parameter_table
from ifnalpha.model.spec import ASSIGNMENTS, DERIVED, PERTURBATION_FACTORS, REACTIONS, SPECIES

#: Readouts exported as assignment rules (SBML infix; see ifnalpha.model.core.readouts).
SBML_READOUTS: tuple[tuple[str, str], ...] = (
    ("stat1_total_amount",
     "ustat1 + u_isgf3 + pstat1_pstat2 + isgf3 + 2 * aaf"),
    ("stat2_total_amount",
     "ustat2 + ustat2_irf9 + u_isgf3 + pstat1_pstat2 + isgf3 + pstat2_irf9"),
    ("irf9_total_amount", "irf9_free + ustat2_irf9 + u_isgf3 + isgf3 + pstat2_irf9"),
    ("pstat1_total",
     "piecewise((pstat1_pstat2 + isgf3 + 2 * aaf) / stat1_total_amount, "
     "stat1_total_amount > 1e-12, 0)"),
    ("pstat2_total",
     "piecewise((pstat1_pstat2 + isgf3 + pstat2_irf9) / stat2_total_amount, "
     "stat2_total_amount > 1e-12, 0)"),
    ("stat1", "stat1_total_amount"),
    ("stat2", "stat2_total_amount / stat2_total_rest"),
    ("irf9", "irf9_total_amount / irf9_total_rest"),
    ("antiviral_excess", "piecewise(antiviral_effector - 1, antiviral_effector > 1, 0)"),
    ("antiviral",
     "antiviral_excess^antiviral_n / (antiviral_k^antiviral_n + antiviral_excess^antiviral_n)"),
    ("antiproliferative",
     "antiproliferative_signal^ap_readout_n / "
     "(ap_readout_k^ap_readout_n + antiproliferative_signal^ap_readout_n)"),
    ("socs1", "socs1_protein"),
    ("usp18", "usp18_protein"),
    ("ifitm1", "ifitm1_mrna"),
    ("tunable_isg", "tunable_mrna"),
    ("irf1", "irf1_mrna"),
    ("receptor_total", "receptor + receptor_active"),
    ("stat2_irf9", "ustat2_irf9 + pstat2_irf9"),
    ("isre_phospho", "isre_p"),
    ("isre_unphospho", "isre_u"),
)


def _check(code: int, what: str) -> None:
    import libsbml

    if code != libsbml.LIBSBML_OPERATION_SUCCESS:
        msg = libsbml.OperationReturnValue_toString(code)
        raise RuntimeError(f"libsbml failed while {what}: {msg}")


def write(path: Path, p: tuple[float, ...], y0: np.ndarray, ifn_pM: float) -> Path:
    """Write the model with constants ``p``, initial state ``y0`` and constant IFN-α."""
    import libsbml

    doc = libsbml.SBMLDocument(3, 1)
    model = doc.createModel()
    model.setId("ifnalpha_signalling")
    model.setName(
        "IFN-alpha signalling: canonical and U-ISGF3 arms (ifnalpha companion book; "
        "educational and qualitative, not clinical guidance)"
    )
    hour = model.createUnitDefinition()
    hour.setId("hour")
    unit = hour.createUnit()
    unit.setKind(libsbml.UNIT_KIND_SECOND)
    unit.setExponent(1)
    unit.setScale(0)
    unit.setMultiplier(3600.0)
    model.setTimeUnits("hour")

    comp = model.createCompartment()
    comp.setId("cell")
    comp.setConstant(True)
    comp.setSize(1.0)
    comp.setSpatialDimensions(3)

    for i, sp in enumerate(SPECIES):
        s = model.createSpecies()
        s.setId(sp.id)
        s.setName(f"{sp.meaning} [{sp.unit}]")
        s.setCompartment("cell")
        s.setInitialConcentration(float(y0[i]))
        s.setHasOnlySubstanceUnits(False)
        s.setBoundaryCondition(False)
        s.setConstant(False)

    table = parameter_table()
    notes = {name: f"{table.at[name, 'meaning']} [{table.at[name, 'unit']}]; "
                   f"source: {table.at[name, 'source']}" for name in table.index}
    notes.update({d[0]: f"derived: {d[2]} [{d[1]}]" for d in DERIVED})
    notes.update({f[0]: f"perturbation factor: {f[1]}" for f in PERTURBATION_FACTORS})
    for name, value in zip(_core.CONSTANT_NAMES, p, strict=True):
        par = model.createParameter()
        par.setId(name)
        par.setName(notes.get(name, name))
        par.setValue(float(value))
        par.setConstant(True)
    par = model.createParameter()
    par.setId("ifn_pM")
    par.setName("IFN-alpha concentration [pM] (constant in this export)")
    par.setValue(ifn_pM)
    par.setConstant(True)

    for name, expr, meaning in ASSIGNMENTS:
        _assignment(model, name, to_sbml_infix(parse(expr)), meaning)
    for name, formula in SBML_READOUTS:
        _assignment(model, name, formula, "readout")

    for r in REACTIONS:
        rx = model.createReaction()
        rx.setId(r.id)
        rx.setName(f"{r.meaning} ({r.source})" if r.source else r.meaning)
        rx.setReversible(False)
        rx.setFast(False)
        for sid, coef in r.stoichiometry.items():
            ref = rx.createReactant() if coef < 0 else rx.createProduct()
            ref.setSpecies(sid)
            ref.setStoichiometry(float(abs(coef)))
            ref.setConstant(True)
        used = _species_used(r.rate)
        for sid in sorted(used - set(r.stoichiometry)):
            mod = rx.createModifier()
            mod.setSpecies(sid)
        law = rx.createKineticLaw()
        math_ast = libsbml.parseL3Formula(f"cell * ({to_sbml_infix(parse(r.rate))})")
        if math_ast is None:
            err = libsbml.getLastParseL3Error()
            raise RuntimeError(f"could not parse the rate of {r.id}: {err}")
        _check(law.setMath(math_ast), f"setting the rate of {r.id}")

    path.parent.mkdir(parents=True, exist_ok=True)
    if not libsbml.writeSBMLToFile(doc, str(path)):
        raise RuntimeError(f"could not write SBML to {path}")
    return path


def _assignment(model, name: str, formula: str, meaning: str) -> None:
    import libsbml

    par = model.createParameter()
    par.setId(name)
    par.setName(meaning)
    par.setConstant(False)
    rule = model.createAssignmentRule()
    rule.setVariable(name)
    math_ast = libsbml.parseL3Formula(formula)
    if math_ast is None:
        raise RuntimeError(f"could not parse {name} = {formula}: {libsbml.getLastParseL3Error()}")
    _check(rule.setMath(math_ast), f"setting the rule of {name}")


def _species_used(expr: str) -> set[str]:
    """Species a rate law reads, directly or through intermediate quantities."""
    defs = {name: names(parse(e)) for name, e, _ in ASSIGNMENTS}
    species = {s.id for s in SPECIES}
    seen: set[str] = set()
    todo = list(names(parse(expr)))
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        todo.extend(defs.get(n, ()))
    return seen & species
