"""The signalling model: an educational, qualitative ODE model of interferon-alpha signalling.

The model is declared as data (:mod:`~ifnalpha.model.spec`: species, reactions, readouts;
:mod:`~ifnalpha.model.parameters`: the sourced parameter table), compiled to fast Python
(:mod:`~ifnalpha.model.codegen`), integrated (:mod:`~ifnalpha.model.core`,
:mod:`~ifnalpha.model.simulation`) and exported as SBML (:mod:`~ifnalpha.model.sbml`).
:mod:`~ifnalpha.model.dosing` turns doses and regimens into exposure over time;
:mod:`~ifnalpha.model.reference` runs the published model of Kok et al. 2020 and
:mod:`~ifnalpha.model.comparison` sets the two side by side.

The package's face re-exports the simulation API, so ``from ifnalpha import model`` then
``model.simulate(...)`` reads as it should.
"""

from ifnalpha.model.simulation import (
    DEFAULT_DT_H,
    MAX_POINTS,
    PERTURBATIONS,
    READOUTS,
    STATE_NAMES,
    ModelState,
    Perturbation,
    SimulationResult,
    SweepResult,
    equations_markdown,
    parameter_table,
    reaction_table,
    rest_state,
    simulate,
    species_table,
    steady_state,
    sweep,
    to_sbml,
)

__all__ = [
    "DEFAULT_DT_H",
    "MAX_POINTS",
    "PERTURBATIONS",
    "READOUTS",
    "STATE_NAMES",
    "ModelState",
    "Perturbation",
    "SimulationResult",
    "SweepResult",
    "equations_markdown",
    "parameter_table",
    "reaction_table",
    "rest_state",
    "simulate",
    "species_table",
    "steady_state",
    "sweep",
    "to_sbml",
]
