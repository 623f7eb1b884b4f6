"""Export the signalling model as SBML Level 3 Version 1 (:func:`to_sbml`).

The export is generated from the same tables as the Python right-hand side and readouts
(:mod:`ifnalpha.model.spec`), so the two cannot drift apart silently; a test simulates the file
with libRoadRunner and compares it with :func:`ifnalpha.model.simulate`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np

from ifnalpha import checks
from ifnalpha.model import core as _core
from ifnalpha.model.expressions import FUNCTIONS, names, parse_expression, to_sbml_infix
from ifnalpha.model.parameters import parameter_table
from ifnalpha.model.perturbations import check_perturbations
from ifnalpha.model.simulation import ModelState, setup_constants, start_vector, steady_state
from ifnalpha.model.spec import (
    ASSIGNMENTS,
    DERIVED,
    PERTURBATION_FACTORS,
    REACTIONS,
    READOUT_TERMS,
    READOUTS,
    SPECIES,
)

#: Suffix of a readout's SBML id when its name is already a species (e.g. ``u_isgf3``).
CLASH_SUFFIX = "_readout"


def readout_ids() -> dict[str, str]:
    """Return the SBML id of every readout the export writes as an assignment rule.

    Readouts that are a species or the input under their own name (``isgf3``, ``ifn_pM`` …)
    need no rule and are left out; a readout whose name is a species but whose value differs
    (``u_isgf3``, relative to rest) gets the suffix :data:`CLASH_SUFFIX`.

    Examples
    --------
    >>> ids = readout_ids()
    >>> ids["pstat1_total"], ids["u_isgf3"], "isgf3" in ids
    ('pstat1_total', 'u_isgf3_readout', False)
    """
    species = {sp.id for sp in SPECIES}
    ids = {}
    for r in READOUTS:
        if r.expression == r.name:
            continue
        ids[r.name] = r.name + CLASH_SUFFIX if r.name in species else r.name
    return ids


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
        _assignment(model, name, to_sbml_infix(parse_expression(expr)), meaning)
    for name, expr, meaning in READOUT_TERMS:
        formula = to_sbml_infix(parse_expression(expr, functions=FUNCTIONS))
        _assignment(model, name, formula, meaning)
    declared = {r.name: r for r in READOUTS}
    for name, sid in readout_ids().items():
        r = declared[name]
        _assignment(model, sid, to_sbml_infix(parse_expression(r.expression, functions=FUNCTIONS)),
                    f"readout {name}: {r.meaning} [{r.unit}]")

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
        math_ast = libsbml.parseL3Formula(f"cell * ({to_sbml_infix(parse_expression(r.rate))})")
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
    defs = {name: names(parse_expression(e)) for name, e, _ in ASSIGNMENTS}
    species = {s.id for s in SPECIES}
    seen: set[str] = set()
    todo = list(names(parse_expression(expr)))
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        todo.extend(defs.get(n, ()))
    return seen & species


def to_sbml(
    path: str | Path,
    ifn_pM: float = 0.0,
    perturbations: Mapping[str, float | bool] | None = None,
    params: Mapping[str, float] | None = None,
    start: ModelState | None = None,
) -> Path:
    """Write the model as SBML Level 3 Version 1 and return the path.

    The file holds every species (initial values: ``start`` or the perturbed resting state),
    parameter (table values with overrides, derived constants, perturbation factors),
    intermediate quantity (assignment rules), reaction and readout (assignment rules named as
    the columns of ``SimulationResult.frame``, see :func:`readout_ids`). Time is in hours.

    IFN-α is a constant parameter ``ifn_pM``; time-varying exposures (pulses, regimens) are
    not exported. Simulating the file with libRoadRunner reproduces
    :func:`ifnalpha.model.simulate` for a constant dose (this is tested).

    Parameters
    ----------
    path : str or Path
        Output file.
    ifn_pM : float
        The constant IFN-α concentration in the file.
    perturbations, params, start
        As for :func:`ifnalpha.model.simulate`.

    Examples
    --------
    >>> import tempfile, os
    >>> out = to_sbml(os.path.join(tempfile.mkdtemp(), "ifn.xml"), ifn_pM=100.0)
    >>> out.suffix
    '.xml'
    """
    ifn = checks.number("ifn_pM", ifn_pM, minimum=0.0)
    if not isinstance(path, str | Path):
        raise TypeError(f"`path` must be a file path, got {path!r}")
    pert = check_perturbations(perturbations)
    p, rest, _ = setup_constants(params, pert)
    if start is None:
        y0 = np.array(steady_state(pert, params).values)
    else:
        y0, _t0 = start_vector(start, rest)
    return write(Path(path), p, y0, ifn)
