"""Loading the Kok et al. (2020) SBML file, converting doses, and running it with libRoadRunner.

Part of :mod:`ifnalpha.model.reference` (its face re-exports the public names).
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pandas as pd
import roadrunner

from ifnalpha import checks
from ifnalpha.paths import data_dir

__all__ = [
    "ABSOLUTE_TOLERANCE",
    "MODEL_FILE",
    "POINTS_PER_HOUR",
    "RELATIVE_TOLERANCE",
    "UNITS_PER_PM",
    "baseline_species",
    "fresh_model",
    "load_model",
    "model_path",
    "model_units_to_pM",
    "pM_to_model_units",
    "species_course",
]

#: File name of the curated SBML model in ``data/models/``.
MODEL_FILE: str = "Kok2020_BIOMD0000000959.xml"

#: Model units of IFN-alpha per pM: 100, 1000 and 50000 units ↔ 2.8, 28 and 1400 pM (BioModels
#: curation notes); all three pairs give exactly 250/7.
UNITS_PER_PM: float = 250.0 / 7.0

#: CVODE tolerances, set before every run so that results do not depend on earlier use.
RELATIVE_TOLERANCE: float = 1e-8
ABSOLUTE_TOLERANCE: float = 1e-10

#: Default output grid: points per hour (0.01 h spacing).
POINTS_PER_HOUR: int = 100


def model_path() -> Path:
    """Return the path of the curated SBML file.

    Returns
    -------
    pathlib.Path
        ``<data>/models/Kok2020_BIOMD0000000959.xml``.

    Raises
    ------
    FileNotFoundError
        If the file is missing.

    Examples
    --------
    >>> model_path().name
    'Kok2020_BIOMD0000000959.xml'

    """
    path = data_dir() / "models" / MODEL_FILE
    if not path.is_file():
        raise FileNotFoundError(f"SBML model not found: {path}")
    return path


@functools.cache
def _load(path: str) -> roadrunner.RoadRunner:
    rr = roadrunner.RoadRunner(path)
    sizes = [rr.getValue(c) for c in rr.model.getCompartmentIds()]
    if sizes != [1.0]:  # amounts and concentrations are only the same number in a unit volume
        raise ValueError(f"expected one compartment of volume 1 in {path}; got {sizes}")
    return rr


def load_model() -> roadrunner.RoadRunner:
    """Return the compiled model, loading it on first use (about 0.2–0.5 s) and caching it.

    Every simulation in this module resets the model to the state it was loaded in, so runs do
    not influence one another; do not rely on changes made to the returned object surviving.

    Returns
    -------
    roadrunner.RoadRunner

    Examples
    --------
    >>> len(load_model().model.getFloatingSpeciesIds())
    41

    """
    return _load(str(model_path()))


# --------------------------------------------------------------------------------------------
# Units


def pM_to_model_units(ifn_pM: float) -> float:
    """Convert an IFN-alpha concentration in pM to the model's units.

    Parameters
    ----------
    ifn_pM : float
        Concentration in pM, finite and non-negative.

    Returns
    -------
    float
        ``ifn_pM * UNITS_PER_PM``.

    Examples
    --------
    >>> round(pM_to_model_units(28.0), 6)
    1000.0

    """
    return checks.number("ifn_pM", ifn_pM, minimum=0.0) * UNITS_PER_PM


def model_units_to_pM(units: float) -> float:
    """Convert an IFN-alpha amount in model units to pM.

    Parameters
    ----------
    units : float
        Amount in model units, finite and non-negative.

    Returns
    -------
    float
        ``units / UNITS_PER_PM``.

    Examples
    --------
    >>> round(model_units_to_pM(50000.0), 6)
    1400.0

    """
    return checks.number("units", units, minimum=0.0) / UNITS_PER_PM


# --------------------------------------------------------------------------------------------
# Running


def fresh_model(ifn_units: float) -> roadrunner.RoadRunner:
    """Return the model reset to its loaded state, with set tolerances and IFN = ``ifn_units``."""
    baseline_species()  # computed once, before any run
    rr = load_model()
    rr.resetToOrigin()
    integrator = rr.getIntegrator()
    integrator.setValue("relative_tolerance", RELATIVE_TOLERANCE)
    integrator.setValue("absolute_tolerance", ABSOLUTE_TOLERANCE)
    integrator.setValue("stiff", True)
    integrator.setValue("variable_step_size", False)
    rr.setValue("IFN", ifn_units)
    return rr


def species_course(rr: roadrunner.RoadRunner, times: np.ndarray) -> pd.DataFrame:
    """Simulate ``rr`` through ``times`` (h); return every floating species, indexed by time."""
    ids = list(rr.model.getFloatingSpeciesIds())
    out = np.asarray(rr.simulate(times=[float(t) for t in times], selections=["time", *ids]))
    frame = pd.DataFrame(out[:, 1:], columns=ids, index=pd.Index(out[:, 0], name="time_h"))
    return frame


@functools.cache
def baseline_species() -> pd.Series:
    """Return the unstimulated state (SBML initial values with IFN = 0), by species id."""
    rr = load_model()
    rr.resetToOrigin()
    rr.setValue("IFN", 0.0)
    ids = list(rr.model.getFloatingSpeciesIds())
    return pd.Series([rr.getValue(i) for i in ids], index=ids, dtype=float)
