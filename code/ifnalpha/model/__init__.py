"""The signalling model: an educational, qualitative ODE model of interferon-alpha signalling.

The model is declared as data (:mod:`~ifnalpha.model.spec`: species, reactions, readouts;
:mod:`~ifnalpha.model.parameters`: the sourced parameter table) in a small expression language
(:mod:`~ifnalpha.model.expressions`), compiled to fast Python (:mod:`~ifnalpha.model.codegen`),
integrated (:mod:`~ifnalpha.model.core`, :mod:`~ifnalpha.model.simulation`,
:mod:`~ifnalpha.model.sweeps`; perturbations in :mod:`~ifnalpha.model.perturbations`),
described for readers (:mod:`~ifnalpha.model.documentation`) and exported as SBML
(:mod:`~ifnalpha.model.sbml`).
:mod:`~ifnalpha.model.dosing` turns doses and regimens into exposure over time;
:mod:`~ifnalpha.model.reference` runs the published model of Kok et al. 2020 and
:mod:`~ifnalpha.model.comparison` sets the two side by side.

The package's face re-exports the simulation API, so ``from ifnalpha import model`` then
``model.simulate(...)`` reads as it should.
"""

from ifnalpha.model.documentation import (
    equations_markdown,
    reaction_table,
    readout_table,
    species_table,
)
from ifnalpha.model.parameters import parameter_table
from ifnalpha.model.perturbations import PERTURBATIONS, Perturbation
from ifnalpha.model.sbml import to_sbml
from ifnalpha.model.simulation import (
    DEFAULT_DT_H,
    MAX_POINTS,
    READOUTS,
    STATE_NAMES,
    ModelState,
    SimulationResult,
    rest_state,
    simulate,
    steady_state,
)
from ifnalpha.model.spec import Readout
from ifnalpha.model.sweeps import SweepResult, sweep

__all__ = [
    "DEFAULT_DT_H",
    "MAX_POINTS",
    "PERTURBATIONS",
    "READOUTS",
    "STATE_NAMES",
    "ModelState",
    "Perturbation",
    "Readout",
    "SimulationResult",
    "SweepResult",
    "equations_markdown",
    "parameter_table",
    "reaction_table",
    "readout_table",
    "rest_state",
    "simulate",
    "species_table",
    "steady_state",
    "sweep",
    "to_sbml",
]
