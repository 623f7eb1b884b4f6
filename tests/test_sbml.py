"""The SBML export: libsbml validates it, and libRoadRunner reproduces simulate()."""

from __future__ import annotations

import math

import libsbml
import numpy as np
import pytest
import roadrunner

from ifnalpha import model
from ifnalpha.model import sbml

#: Every readout the export writes as a rule (under its SBML id), then every species.
RULES = sbml.readout_ids()


def sbml_errors(path) -> list[str]:
    doc = libsbml.readSBMLFromFile(str(path))
    doc.checkConsistency()
    return [
        doc.getError(i).getMessage()
        for i in range(doc.getNumErrors())
        if doc.getError(i).getSeverity() >= libsbml.LIBSBML_SEV_ERROR
    ]


def test_export_is_valid_sbml(tmp_path):
    path = model.to_sbml(tmp_path / "model.xml", ifn_pM=100.0)
    errors = sbml_errors(path)
    assert not errors, f"{len(errors)} SBML errors, first: {errors[:1]}"
    doc = libsbml.readSBMLFromFile(str(path))
    m = doc.getModel()
    assert m.getNumSpecies() == len(model.STATE_NAMES)
    assert m.getNumReactions() == len(model.reaction_table())
    assert (doc.getLevel(), doc.getVersion()) == (3, 1)


def _roadrunner(path, hours: float, n: int, columns: list[str]) -> np.ndarray:
    rr = roadrunner.RoadRunner(str(path))
    rr.integrator.relative_tolerance = 1e-10
    rr.integrator.absolute_tolerance = 1e-14
    return rr.simulate(0, hours, n, ["time", *columns])


@pytest.mark.parametrize(
    ("dose", "pert"),
    [
        (0.0, None),
        (10.0, None),
        (1000.0, None),
        (300.0, {"usp18_knockdown": 0.7, "irf9_overexpression": 3.0}),
        (1000.0, {"stat1_null": True}),
        (1000.0, {"jak_inhibition": 0.9}),
    ],
)
def test_roadrunner_reproduces_simulate_for_constant_dose(tmp_path, dose, pert):
    path = model.to_sbml(tmp_path / "m.xml", ifn_pM=dose, perturbations=pert)
    ours = model.simulate(dose, 72, perturbations=pert, dt_h=0.5)
    rr = _roadrunner(path, 72, len(ours.frame), list(RULES.values()) + list(model.STATE_NAMES))
    assert np.allclose(rr[:, 0], ours.frame.index.to_numpy())
    expected = [ours.frame[name] for name in RULES] + [ours.states[s] for s in model.STATE_NAMES]
    worst = {}
    for j, (col, ref) in enumerate(zip([*RULES, *model.STATE_NAMES], expected, strict=True), 1):
        err = np.abs(rr[:, j] - ref.to_numpy()) / (1e-4 * np.abs(ref.to_numpy()) + 1e-6)
        worst[col] = float(err.max())
    bad = {k: v for k, v in worst.items() if v > 1}
    assert not bad, f"dose {dose}, {pert}: deviations beyond rtol 1e-4 / atol 1e-6: {bad}"


def test_export_from_a_start_state_continues_it(tmp_path):
    pre = model.simulate(1000.0, 24, dt_h=1.0)
    path = model.to_sbml(tmp_path / "m.xml", ifn_pM=1000.0, start=pre.final_state)
    ours = model.simulate(1000.0, 12, start=pre.final_state, dt_h=1.0)
    rr = _roadrunner(path, 12, len(ours.frame), ["ifitm1", "usp18"])
    assert np.allclose(rr[:, 1], ours.frame["ifitm1"], rtol=1e-4)
    assert np.allclose(rr[:, 2], ours.frame["usp18"], rtol=1e-4)


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"ifn_pM": -1.0}, "ifn_pM"),
        ({"ifn_pM": math.nan}, "ifn_pM"),
        ({"ifn_pM": "10"}, "ifn_pM"),
        ({"perturbations": {"nope": 1}}, "nope"),
        ({"params": {"nope": 1.0}}, "nope"),
        ({"start": "rest"}, "start"),
    ],
)
def test_bad_export_arguments_raise(tmp_path, kwargs, needle):
    with pytest.raises((TypeError, ValueError), match=needle):
        model.to_sbml(tmp_path / "m.xml", **kwargs)


def test_bad_path_raises():
    with pytest.raises(TypeError, match="path"):
        model.to_sbml(42)
