"""The published, fitted model of Kok et al. (2020), run live with libRoadRunner.

Kok F et al. *Mol Syst Biol* 2020;16:e8955 fitted an ODE model of interferon-alpha signalling to
time courses of Huh7.5 hepatoma cells up to 32 h (BioModels BIOMD0000000959). The curated SBML file
is data (``data/models/Kok2020_BIOMD0000000959.xml``, see the README there): this module loads it
unchanged, runs the paper's protocols and turns the 41 species into the readouts the book's own
model reports, so the two can be set side by side.

Units
-----
Time is in hours. Species are numbers in model units (the SBML compartment has volume 1, so amount
and concentration are the same number). IFN-alpha is a species in model units; the BioModels
curation notes map the doses 100, 1000 and 50000 units to 2.8, 28 and 1400 pM. All three points
lie on one line through the origin, ``units = (250/7) * pM`` (:data:`UNITS_PER_PM`, about 35.71),
so doses are converted with that single factor; doses between the three points are interpolated
and doses outside 2.8–1400 pM extrapolated along the same line. It is the curation's mapping, not
a physical constant.

Protocols
---------
:func:`simulate_reference` starts from the unstimulated steady state (the SBML initial values with
IFN set to 0) and puts a dose of IFN-alpha into the medium at 0 h. The model consumes IFN (the
reaction IFN + Rec -> aRecIFN), so the dose is not clamped: ``ifn_pM`` is the free IFN-alpha left.
:func:`double_treatment` runs the paper's double-treatment experiment: a pre-dose at 0 h and a
second dose (1400 pM by default) at 24 h. By default the second dose is *added* to the IFN still
in the medium, as when fresh IFN-alpha is pipetted into the well; ``mode="replace"`` sets IFN to
the second dose instead (a medium change). Only after a 1400 pM pre-dose, which leaves most of its
IFN in the medium, do the two differ noticeably.

Readouts (:data:`READOUTS`)
---------------------------
Every column follows the conventions of the book's model (``ifnalpha.model``):

============== ================================================ ===================================
column         SBML expression                                  scale
============== ================================================ ===================================
ifn_pM         IFN                                              pM (divided by UNITS_PER_PM)
pstat1_total   pSTAT1pSTAT2c + pSTAT1pSTAT2n + ISGF3c +         fraction of total STAT1 protein
               ISGF3n + 2*(pSTAT1dimc + pSTAT1dimn)             at the same time (0–1)
pstat2_total   pSTAT1pSTAT2c + pSTAT1pSTAT2n + ISGF3c + ISGF3n  fraction of total STAT2 protein
isgf3          ISGF3c + ISGF3n                                  baseline total STAT1 (0 at rest)
aaf            pSTAT1dimc + pSTAT1dimn                          baseline total STAT1 (0 at rest)
stat1          all mature STAT1 protein (free, in dimers,       own baseline (1 at rest)
               in ISGF3); dimers count twice
stat2          all mature STAT2 protein                         own baseline
irf9           IRF9c + IRF9n + ISGF3c + ISGF3n                  own baseline
usp18          USP18                                            own baseline
socs1          SOCS1                                            own baseline
stat1_mrna …   STAT1mRNA, STAT2mRNA, IRF9mRNA, USP18mRNA,       own baseline
socs1_mrna     SOCS1mRNA                                        own baseline
============== ================================================ ===================================

Total phosphorylated STAT1 is defined as in the curation notes. Protein totals leave out the
translation delay chains (``STAT1_LC_1`` … ``SOCS1_LC_1``), which are nascent protein on its way to
the mature pool. "Baseline" is the unstimulated state (the SBML initial values with IFN = 0),
which the model holds to within 0.03 % over 32 h. Because IFN-alpha raises total STAT1 (about
twofold after 24 h at 2.8 pM), ``pstat1_total`` as a fraction falls further after a pre-dose than
the number of pSTAT1 molecules does; :func:`restimulation_ratio` therefore compares molecules by
default, as the paper's immunoblots do, and offers the fraction as an option.

Examples
--------
>>> from ifnalpha import reference
>>> result = reference.simulate_reference(28.0, hours=32.0)
>>> time_h, value = reference.peak(result.frame, "pstat1_total")
>>> round(time_h, 1)
2.1
>>> round(reference.restimulation_ratio(1400.0), 2)
0.09

"""

from __future__ import annotations

import ast
import functools
import math
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from numbers import Real
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import roadrunner

from ifnalpha.paths import data_dir

__all__ = [
    "MODEL_FILE",
    "READOUTS",
    "RELATIVE_TOLERANCE",
    "ABSOLUTE_TOLERANCE",
    "UNITS_PER_PM",
    "Readout",
    "ReferenceResult",
    "baseline",
    "double_treatment",
    "load_model",
    "model_path",
    "model_units_to_pM",
    "pM_to_model_units",
    "peak",
    "peak_table",
    "readout_table",
    "restimulation_ratio",
    "simulate_reference",
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

_PSTAT1 = "pSTAT1pSTAT2c + pSTAT1pSTAT2n + ISGF3c + ISGF3n + 2*(pSTAT1dimc + pSTAT1dimn)"
_PSTAT2 = "pSTAT1pSTAT2c + pSTAT1pSTAT2n + ISGF3c + ISGF3n"
_STAT1_TOTAL = f"STAT1c + STAT1n + {_PSTAT1}"
_STAT2_TOTAL = f"STAT2c + STAT2n + {_PSTAT2}"

Scale = Literal["pM", "fraction_stat1", "fraction_stat2", "baseline_stat1", "baseline"]


@dataclass(frozen=True)
class Readout:
    """How one column of :attr:`ReferenceResult.frame` is computed from the SBML species.

    Attributes
    ----------
    expression : str
        Arithmetic (``+ - * /``, numbers, parentheses) over SBML species ids, in model units.
    scale : str
        ``"pM"``: divided by :data:`UNITS_PER_PM`; ``"fraction_stat1"`` / ``"fraction_stat2"``:
        divided by total STAT1 / STAT2 protein at the same time; ``"baseline_stat1"``: divided by
        total STAT1 protein at baseline; ``"baseline"``: divided by its own baseline value.
    note : str
        What the readout is, in words.

    """

    expression: str
    scale: Scale
    note: str


#: Our column → SBML expression, scale and note. Keys are the columns of
#: :attr:`ReferenceResult.frame`, in order.
READOUTS: dict[str, Readout] = {
    "ifn_pM": Readout("IFN", "pM", "free IFN-alpha in the medium; consumed by receptor binding"),
    "pstat1_total": Readout(
        _PSTAT1,
        "fraction_stat1",
        "tyrosine-phosphorylated STAT1 in heterodimers, ISGF3 and homodimers (x2), cytoplasm and "
        "nucleus, as a fraction of all mature STAT1 protein",
    ),
    "pstat2_total": Readout(
        _PSTAT2,
        "fraction_stat2",
        "phosphorylated STAT2 in heterodimers and ISGF3, as a fraction of all mature STAT2 protein",
    ),
    "isgf3": Readout(
        "ISGF3c + ISGF3n",
        "baseline_stat1",
        "ISGF3 complexes (cytoplasm + nucleus) in units of baseline total STAT1",
    ),
    "aaf": Readout(
        "pSTAT1dimc + pSTAT1dimn",
        "baseline_stat1",
        "pSTAT1 homodimers (AAF, GAF-like; cytoplasm + nucleus) in units of baseline total STAT1",
    ),
    "stat1": Readout(
        _STAT1_TOTAL,
        "baseline",
        "all mature STAT1 protein (free, phosphorylated, in ISGF3), dimers counted twice; "
        "delay chain STAT1_LC_* excluded",
    ),
    "stat2": Readout(
        _STAT2_TOTAL,
        "baseline",
        "all mature STAT2 protein (free, phosphorylated, in ISGF3); "
        "delay chain STAT2_LC_* excluded",
    ),
    "irf9": Readout(
        "IRF9c + IRF9n + ISGF3c + ISGF3n",
        "baseline",
        "all mature IRF9 protein (free and in ISGF3); delay chain IRF9_LC_* excluded",
    ),
    "usp18": Readout("USP18", "baseline", "USP18 protein; delay chain USP18_LC_* excluded"),
    "socs1": Readout("SOCS1", "baseline", "SOCS1 protein; delay chain SOCS1_LC_1 excluded"),
    "stat1_mrna": Readout("STAT1mRNA", "baseline", "STAT1 mRNA"),
    "stat2_mrna": Readout("STAT2mRNA", "baseline", "STAT2 mRNA"),
    "irf9_mrna": Readout("IRF9mRNA", "baseline", "IRF9 mRNA"),
    "usp18_mrna": Readout("USP18mRNA", "baseline", "USP18 mRNA"),
    "socs1_mrna": Readout("SOCS1mRNA", "baseline", "SOCS1 mRNA"),
}

_DENOMINATORS: dict[str, str] = {"fraction_stat1": _STAT1_TOTAL, "fraction_stat2": _STAT2_TOTAL}


@dataclass(frozen=True)
class ReferenceResult:
    """A time course of the Kok et al. (2020) model.

    Attributes
    ----------
    frame : pandas.DataFrame
        The readouts of :data:`READOUTS`, one column each, indexed by time in hours (``time_h``).
    species : pandas.DataFrame
        Every SBML species in model units, same index (for anything :data:`READOUTS` lacks).
    doses : tuple of (float, float)
        The doses given, as ``(time_h, dose_pM)`` pairs.

    """

    frame: pd.DataFrame
    species: pd.DataFrame
    doses: tuple[tuple[float, float], ...]

    def amount(self, expression: str) -> pd.Series:
        """Evaluate an expression over the SBML species, in model units.

        Parameters
        ----------
        expression : str
            Arithmetic over species ids, e.g. ``"ISGF3c + ISGF3n"``.

        Returns
        -------
        pandas.Series
            Indexed by ``time_h``.

        Raises
        ------
        ValueError
            If the expression names something that is not a species.

        Examples
        --------
        >>> result = simulate_reference(1400.0, hours=1.0)
        >>> round(float(result.amount("IFN").iloc[0]))
        50000

        """
        return _evaluate(self.species, expression)


# --------------------------------------------------------------------------------------------
# Loading


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
# Units and validation


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
    return _dose(ifn_pM, "ifn_pM") * UNITS_PER_PM


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
    return _dose(units, "units") / UNITS_PER_PM


def _number(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ValueError(f"{name} must be a real number; got {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite; got {value!r}")
    return number


def _dose(value: object, name: str) -> float:
    number = _number(value, name)
    if number < 0:
        raise ValueError(f"{name} must be non-negative; got {value!r}")
    return number


def _positive(value: object, name: str) -> float:
    number = _number(value, name)
    if number <= 0:
        raise ValueError(f"{name} must be positive; got {value!r}")
    return number


def _grid(hours: float, n_points: int | None) -> np.ndarray:
    if n_points is None:
        n_points = max(2, round(hours * POINTS_PER_HOUR) + 1)
    if isinstance(n_points, bool) or not isinstance(n_points, int | np.integer) or n_points < 2:
        raise ValueError(f"n_points must be an integer of at least 2; got {n_points!r}")
    return np.linspace(0.0, hours, int(n_points))


def _readout_name(column: object, available: Iterable[str]) -> str:
    available = list(available)
    if not isinstance(column, str) or column not in available:
        raise ValueError(f"column must be one of {available}; got {column!r}")
    return column


# --------------------------------------------------------------------------------------------
# Running


def _prepare(ifn_units: float) -> roadrunner.RoadRunner:
    _baseline_species()  # computed once, before any run
    rr = load_model()
    rr.resetToOrigin()
    integrator = rr.getIntegrator()
    integrator.setValue("relative_tolerance", RELATIVE_TOLERANCE)
    integrator.setValue("absolute_tolerance", ABSOLUTE_TOLERANCE)
    integrator.setValue("stiff", True)
    integrator.setValue("variable_step_size", False)
    rr.setValue("IFN", ifn_units)
    return rr


def _run(rr: roadrunner.RoadRunner, times: np.ndarray) -> pd.DataFrame:
    ids = list(rr.model.getFloatingSpeciesIds())
    out = np.asarray(rr.simulate(times=[float(t) for t in times], selections=["time", *ids]))
    frame = pd.DataFrame(out[:, 1:], columns=ids, index=pd.Index(out[:, 0], name="time_h"))
    return frame


_OPERATORS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


@functools.cache
def _compile(expression: str) -> tuple[Callable[[Mapping[str, np.ndarray]], np.ndarray], frozenset]:
    """Turn ``expression`` (+ - * / over names and numbers) into a function of arrays."""
    try:
        tree = ast.parse(expression, mode="eval").body
    except SyntaxError as error:
        raise ValueError(
            f"expression {expression!r} is not valid arithmetic: {error.msg}"
        ) from None
    names: set[str] = set()

    def build(node: ast.AST) -> Callable[[Mapping[str, np.ndarray]], np.ndarray]:
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            op, left, right = _OPERATORS[type(node.op)], build(node.left), build(node.right)
            return lambda env: op(left(env), right(env))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            inner = build(node.operand)
            return lambda env: -inner(env)
        if isinstance(node, ast.Constant) and type(node.value) in (int, float):
            value = float(node.value)
            return lambda env: value
        if isinstance(node, ast.Name):
            names.add(node.id)
            return lambda env: env[node.id]
        raise ValueError(
            f"expression {expression!r} may only hold species ids, numbers, + - * / and "
            f"parentheses; got {ast.unparse(node)!r}"
        )

    function = build(tree)
    return function, frozenset(names)


def _evaluate(species: pd.DataFrame, expression: str) -> pd.Series:
    if not isinstance(expression, str):
        raise ValueError(f"expression must be a string; got {expression!r}")
    function, names = _compile(expression)
    unknown = sorted(names - set(species.columns))
    if unknown:
        raise ValueError(f"expression {expression!r} names unknown species {unknown}")
    env = {name: species[name].to_numpy(dtype=float) for name in names}
    values = np.broadcast_to(np.asarray(function(env), dtype=float), (len(species),))
    return pd.Series(values, index=species.index)


@functools.cache
def _baseline_species() -> pd.Series:
    rr = load_model()
    rr.resetToOrigin()
    rr.setValue("IFN", 0.0)
    ids = list(rr.model.getFloatingSpeciesIds())
    return pd.Series([rr.getValue(i) for i in ids], index=ids, dtype=float)


def baseline() -> pd.Series:
    """Return the unstimulated state: every species and readout basis, in model units.

    Returns
    -------
    pandas.Series
        The SBML initial values with IFN = 0, indexed by species id, plus ``stat1_total`` and
        ``stat2_total`` (mature protein, all forms).

    Examples
    --------
    >>> round(baseline()["stat1_total"])
    534930

    """
    species = _baseline_species()
    frame = species.to_frame().T
    extra = pd.Series(
        {
            "stat1_total": float(_evaluate(frame, _STAT1_TOTAL).iloc[0]),
            "stat2_total": float(_evaluate(frame, _STAT2_TOTAL).iloc[0]),
        }
    )
    return pd.concat([species, extra])


@functools.cache
def _divisors() -> dict[str, float]:
    """Constant divisor of each readout whose scale does not vary in time."""
    base = baseline()
    base_frame = base.to_frame().T
    divisors: dict[str, float] = {}
    for name, readout in READOUTS.items():
        if readout.scale == "pM":
            divisors[name] = UNITS_PER_PM
        elif readout.scale == "baseline_stat1":
            divisors[name] = float(base["stat1_total"])
        elif readout.scale == "baseline":
            divisors[name] = float(_evaluate(base_frame, readout.expression).iloc[0])
            if not divisors[name] > 0:
                raise ValueError(f"readout {name!r} is 0 at baseline; cannot scale to it")
    return divisors


def _readouts(species: pd.DataFrame) -> pd.DataFrame:
    divisors = _divisors()
    columns: dict[str, np.ndarray] = {}
    for name, readout in READOUTS.items():
        values = _evaluate(species, readout.expression).to_numpy()
        if readout.scale in _DENOMINATORS:
            values = values / _evaluate(species, _DENOMINATORS[readout.scale]).to_numpy()
        else:
            values = values / divisors[name]
        columns[name] = values
    return pd.DataFrame(columns, index=species.index)


def simulate_reference(
    ifn_pM: float, hours: float = 32.0, n_points: int | None = None
) -> ReferenceResult:
    """Run the Kok et al. (2020) model after one dose of IFN-alpha at 0 h.

    Parameters
    ----------
    ifn_pM : float
        Dose in pM, put into the medium at 0 h (finite, >= 0). The paper's doses are 2.8, 28
        and 1400 pM.
    hours : float, default 32.0
        End of the time course in hours (finite, > 0); the model was fitted up to 32 h.
    n_points : int, optional
        Number of equally spaced output times from 0 to ``hours``; default 100 per hour + 1.

    Returns
    -------
    ReferenceResult
        ``.frame`` holds the readouts of :data:`READOUTS`, indexed by ``time_h``.

    Raises
    ------
    ValueError
        If ``ifn_pM``, ``hours`` or ``n_points`` is invalid.

    Examples
    --------
    >>> frame = simulate_reference(1400.0, hours=2.0).frame
    >>> frame.index.name, float(frame.index[-1])
    ('time_h', 2.0)
    >>> round(float(frame["usp18_mrna"].iloc[0]), 6)
    1.0

    """
    units = pM_to_model_units(ifn_pM)
    hours = _positive(hours, "hours")
    times = _grid(hours, n_points)
    species = _run(_prepare(units), times)
    return ReferenceResult(_readouts(species), species, ((0.0, float(ifn_pM)),))


def double_treatment(
    pre_dose_pM: float,
    second_dose_pM: float = 1400.0,
    second_at_h: float = 24.0,
    hours: float = 32.0,
    n_points: int | None = None,
    mode: Literal["add", "replace"] = "add",
) -> ReferenceResult:
    """Run the paper's double treatment: a pre-dose at 0 h, a second dose later.

    Parameters
    ----------
    pre_dose_pM : float
        Dose at 0 h in pM (finite, >= 0; 0 gives the naive response to the second dose).
    second_dose_pM : float, default 1400.0
        Dose at ``second_at_h`` in pM (finite, >= 0).
    second_at_h : float, default 24.0
        Time of the second dose in hours, strictly between 0 and ``hours``.
    hours : float, default 32.0
        End of the time course in hours.
    n_points : int, optional
        Number of equally spaced output times from 0 to ``hours`` (default 100 per hour + 1);
        ``second_at_h`` is added to the grid if it is not on it.
    mode : {"add", "replace"}, default "add"
        ``"add"``: the second dose is added to the IFN still in the medium (fresh IFN-alpha
        pipetted into the well). ``"replace"``: IFN is set to the second dose (medium change).

    Returns
    -------
    ReferenceResult
        At ``second_at_h`` the frame shows the state just after the second dose.

    Raises
    ------
    ValueError
        If an argument is invalid.

    Examples
    --------
    >>> result = double_treatment(0.0)
    >>> time_h, _ = peak(result.frame, "pstat1_total", start_h=24.0)
    >>> round(time_h, 2)
    24.17

    """
    pre_units = _dose(pre_dose_pM, "pre_dose_pM") * UNITS_PER_PM
    second_units = _dose(second_dose_pM, "second_dose_pM") * UNITS_PER_PM
    hours = _positive(hours, "hours")
    second_at_h = _number(second_at_h, "second_at_h")
    if not 0.0 < second_at_h < hours:
        raise ValueError(
            f"second_at_h must lie strictly between 0 and hours={hours}; got {second_at_h!r}"
        )
    if mode not in ("add", "replace"):
        raise ValueError(f"mode must be 'add' or 'replace'; got {mode!r}")
    grid = _grid(hours, n_points)
    grid = grid[np.abs(grid - second_at_h) > 1e-9 * hours]  # no near-duplicate of second_at_h
    times = np.union1d(grid, [second_at_h])
    rr = _prepare(pre_units)
    first = _run(rr, times[times <= second_at_h])
    ifn_now = rr.getValue("IFN")
    rr.setValue("IFN", ifn_now + second_units if mode == "add" else second_units)
    second = _run(rr, times[times >= second_at_h])
    species = pd.concat([first.iloc[:-1], second])
    doses = ((0.0, float(pre_dose_pM)), (second_at_h, float(second_dose_pM)))
    return ReferenceResult(_readouts(species), species, doses)


# --------------------------------------------------------------------------------------------
# Key numbers


def peak(
    frame: pd.DataFrame,
    column: str,
    start_h: float | None = None,
    end_h: float | None = None,
) -> tuple[float, float]:
    """Return the time and value of the maximum of one readout.

    Parameters
    ----------
    frame : pandas.DataFrame
        A time course indexed by time in hours, e.g. :attr:`ReferenceResult.frame`.
    column : str
        The readout, a column of ``frame``.
    start_h, end_h : float, optional
        Only look at times within ``[start_h, end_h]`` (default: the whole course).

    Returns
    -------
    tuple of (float, float)
        ``(time_h, value)`` of the first maximum, as Python floats.

    Raises
    ------
    ValueError
        If the column is unknown, the window is empty or invalid, or the values are not finite.

    Examples
    --------
    >>> frame = simulate_reference(2.8).frame
    >>> time_h, value = peak(frame, "usp18_mrna")
    >>> round(time_h, 1), round(value, 1)
    (8.9, 5.2)

    """
    column = _readout_name(column, frame.columns)
    times = frame.index.to_numpy(dtype=float)
    keep = np.ones(len(times), dtype=bool)
    if start_h is not None:
        keep &= times >= _number(start_h, "start_h")
    if end_h is not None:
        keep &= times <= _number(end_h, "end_h")
    if not keep.any():
        raise ValueError(f"no time points within start_h={start_h!r}, end_h={end_h!r}")
    values = frame[column].to_numpy(dtype=float)[keep]
    if not np.all(np.isfinite(values)):
        raise ValueError(f"column {column!r} holds values that are not finite")
    index = int(np.argmax(values))
    return float(times[keep][index]), float(values[index])


def peak_table(
    doses_pM: Sequence[float] = (2.8, 28.0, 1400.0),
    columns: Sequence[str] = ("pstat1_total", "isgf3", "usp18_mrna", "irf9_mrna", "usp18"),
    hours: float = 32.0,
) -> pd.DataFrame:
    """Tabulate peak times and heights of readouts after single doses.

    Parameters
    ----------
    doses_pM : sequence of float, default (2.8, 28.0, 1400.0)
        Doses at 0 h in pM.
    columns : sequence of str
        Readouts, keys of :data:`READOUTS`.
    hours : float, default 32.0
        Length of each time course.

    Returns
    -------
    pandas.DataFrame
        Tidy: one row per dose and readout, columns ``dose_pM``, ``readout``, ``peak_time_h``,
        ``peak_value``.

    Raises
    ------
    ValueError
        If a dose, readout or ``hours`` is invalid.

    Examples
    --------
    >>> table = peak_table([1400.0], ["pstat1_total"], hours=4.0)
    >>> round(float(table["peak_time_h"].iloc[0]), 2)
    0.17

    """
    names = [_readout_name(column, READOUTS) for column in columns]
    rows = []
    for dose in doses_pM:
        frame = simulate_reference(dose, hours).frame
        for name in names:
            time_h, value = peak(frame, name)
            rows.append(
                {
                    "dose_pM": float(dose),
                    "readout": name,
                    "peak_time_h": time_h,
                    "peak_value": value,
                }
            )
    return pd.DataFrame(rows, columns=["dose_pM", "readout", "peak_time_h", "peak_value"])


def _restimulation_peak(
    pre_dose_pM: float,
    second_dose_pM: float,
    second_at_h: float,
    hours: float,
    basis: str,
    mode: Literal["add", "replace"],
) -> float:
    result = double_treatment(pre_dose_pM, second_dose_pM, second_at_h, hours, mode=mode)
    if basis == "amount":
        series = result.amount(_PSTAT1)
    else:
        series = result.frame["pstat1_total"]
    return peak(series.to_frame("pstat1"), "pstat1", start_h=second_at_h)[1]


_naive_peak = functools.cache(_restimulation_peak)


def restimulation_ratio(
    pre_dose_pM: float,
    second_dose_pM: float = 1400.0,
    second_at_h: float = 24.0,
    hours: float = 32.0,
    basis: Literal["amount", "fraction"] = "amount",
    mode: Literal["add", "replace"] = "add",
) -> float:
    """Return the pSTAT1 peak after re-stimulation relative to the naive response.

    The peak of total pSTAT1 between ``second_at_h`` and ``hours`` after a pre-dose, divided by
    the same peak without pre-dose. Below 1 is desensitisation, above 1 sensitisation.

    Parameters
    ----------
    pre_dose_pM : float
        Pre-dose at 0 h in pM.
    second_dose_pM, second_at_h, hours, mode
        As in :func:`double_treatment`.
    basis : {"amount", "fraction"}, default "amount"
        ``"amount"``: pSTAT1 molecules (as the paper's immunoblots measure);
        ``"fraction"``: ``pstat1_total``, the fraction of total STAT1, which the pre-dose's
        induction of STAT1 lowers further.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If an argument is invalid.

    Examples
    --------
    >>> round(restimulation_ratio(28.0), 2)
    0.46

    """
    if basis not in ("amount", "fraction"):
        raise ValueError(f"basis must be 'amount' or 'fraction'; got {basis!r}")
    pre = _dose(pre_dose_pM, "pre_dose_pM")
    second = _positive(second_dose_pM, "second_dose_pM")
    treated = _restimulation_peak(pre, second, second_at_h, hours, basis, mode)
    naive = _naive_peak(
        0.0, second, _number(second_at_h, "second_at_h"), _number(hours, "hours"), basis, mode
    )
    return treated / naive


def readout_table() -> pd.DataFrame:
    """Return :data:`READOUTS` as a table for display.

    Returns
    -------
    pandas.DataFrame
        Indexed by column name, with ``sbml_expression``, ``scale`` and ``note``.

    Examples
    --------
    >>> readout_table().loc["isgf3", "sbml_expression"]
    'ISGF3c + ISGF3n'

    """
    return pd.DataFrame(
        {
            "sbml_expression": [r.expression for r in READOUTS.values()],
            "scale": [r.scale for r in READOUTS.values()],
            "note": [r.note for r in READOUTS.values()],
        },
        index=pd.Index(list(READOUTS), name="column"),
    )
