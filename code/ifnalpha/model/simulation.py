"""An educational ODE model of interferon-α signalling: canonical and U-ISGF3 arms.

The model is **educational and qualitative, not clinical guidance**. It is written by us, from
the mechanisms the two reviews describe and with kinetics borrowed from published models (chiefly
Kok et al. 2020, BioModels BIOMD0000000959); it is not fitted to any data set.

What it contains (25 states, 53 reactions; see :func:`ifnalpha.model.species_table` and
:func:`ifnalpha.model.reaction_table`):

- **receptor**: free IFNAR1/IFNAR2 with TYK2/JAK1, and the active IFN·IFNAR1·IFNAR2 complex,
  with turnover, ligand dissociation and ligand-induced internalisation;
- **canonical signalling**: JAK1/TYK2 phosphorylate STAT1 and STAT2 into the pSTAT1–pSTAT2
  heterodimer, ISGF3 (with IRF9) and the pSTAT1 homodimer AAF (GAS); a nuclear phosphatase
  dephosphorylates them;
- **unphosphorylated arm**: U-STAT2–IRF9 (constitutive), U-ISGF3 (U-STAT1·U-STAT2·IRF9) and
  pSTAT2–IRF9, which read ISREs without STAT1;
- **negative feedback**: SOCS1 (inhibits JAK activity and receptor activation) and USP18
  (disrupts IFNAR2–JAK1), both ISGF3-driven ISGs;
- **positive feedback**: STAT1 (read by ISGF3 and U-ISGF3), STAT2 and IRF9 (read by ISGF3);
- **readouts**: a robust ISG (IFITM1, read by ISGF3 and U-ISGF3), a tunable ISGF3-only ISG, a
  GAS gene (IRF1), and cell-level antiviral and antiproliferative states.

Units: time in hours, IFN-α in pM. The readouts (columns of :attr:`SimulationResult.frame`) are
declared once, in :data:`ifnalpha.model.spec.READOUTS`; :data:`READOUTS` maps each name to its
declaration (expression, unit, label, meaning, gene). ``pstat1_total`` and ``pstat2_total`` are
the phosphorylated fraction of all STAT1 (STAT2) protein (0–1); ``isgf3`` and ``aaf`` are in
units of the resting total STAT1 (S1₀); ``isre_phospho`` and ``isre_unphospho`` in ISGF3
equivalents (S1₀); ``receptor_active`` is a fraction of the resting receptors; ``antiviral`` and
``antiproliferative`` run from 0 to 1; every other readout, ``u_isgf3`` included, is relative to
the unstimulated steady state of an unperturbed cell (1 = baseline).

Examples
--------
>>> from ifnalpha import model
>>> res = model.simulate(100.0, hours=24)
>>> peak_h = float(res.frame["pstat1_total"].idxmax())
>>> 0.25 <= peak_h <= 1.5
True
>>> again = model.simulate(100.0, hours=24, start=res.final_state)
>>> float(again.frame.index[0])
24.0
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from numbers import Real

import numpy as np
import pandas as pd

from ifnalpha import checks
from ifnalpha.model import core as _core
from ifnalpha.model import parameters as _parameters
from ifnalpha.model.dosing import Exposure
from ifnalpha.model.perturbations import check_perturbations, perturbation_key
from ifnalpha.model.spec import READOUTS as _READOUT_DECLARATIONS
from ifnalpha.model.spec import Readout

__all__ = [
    "DEFAULT_DT_H",
    "MAX_POINTS",
    "READOUTS",
    "STATE_NAMES",
    "ModelState",
    "SimulationResult",
    "rest_state",
    "simulate",
    "steady_state",
]

#: Output spacing used when ``dt_h`` is not given (hours).
DEFAULT_DT_H = 0.1
#: Largest number of output rows one simulation may produce.
MAX_POINTS = 1_000_000

#: Columns of :attr:`SimulationResult.frame`, in order: name → its declaration
#: (:class:`ifnalpha.model.spec.Readout`: expression, unit, label, meaning, gene, kind).
READOUTS: dict[str, Readout] = {r.name: r for r in _READOUT_DECLARATIONS}


# --- states and results ---------------------------------------------------------------------


@dataclass(frozen=True)
class ModelState:
    """The model's 25 state variables at one time; pass it as ``start=`` to continue.

    Attributes
    ----------
    time_h : float
        The time of this state (h). A simulation started from it continues the clock.
    values : tuple of float
        State values in :data:`STATE_NAMES` order (units in :func:`species_table`).
    """

    time_h: float
    values: tuple[float, ...]

    def as_series(self) -> pd.Series:
        """Return the state as a pandas Series indexed by state name."""
        return pd.Series(self.values, index=list(STATE_NAMES), name=f"t = {self.time_h:g} h")


#: Names of the state variables, in vector order.
STATE_NAMES: tuple[str, ...] = _core.STATE_NAMES


@dataclass(frozen=True)
class SimulationResult:
    """Output of :func:`simulate`.

    Attributes
    ----------
    frame : pandas.DataFrame
        Readouts (:data:`READOUTS`) indexed by time in hours (``time_h``).
    states : pandas.DataFrame
        All state variables, same index.
    final_state : ModelState
        The state at the last time point (use as ``start=``).
    perturbations : dict
        The perturbations that were applied.
    params : dict
        Parameter overrides that were applied.
    """

    frame: pd.DataFrame
    states: pd.DataFrame
    final_state: ModelState
    perturbations: dict = field(default_factory=dict)
    params: dict = field(default_factory=dict)

    def summary(self) -> dict[str, float]:
        """Key numbers of the run as plain floats: peaks, their times and final values.

        Examples
        --------
        >>> s = simulate(100.0, hours=12).summary()
        >>> sorted(s)[:2]
        ['antiproliferative_final', 'antiviral_final']
        """
        f = self.frame
        out: dict[str, float] = {}
        for col in ("pstat1_total", "isgf3", "u_isgf3", "ifitm1", "tunable_isg", "usp18"):
            out[f"{col}_peak"] = float(f[col].max())
            out[f"{col}_peak_h"] = float(f[col].idxmax())
        for col in ("pstat1_total", "u_isgf3", "ifitm1", "tunable_isg", "irf1", "antiviral",
                    "antiproliferative"):
            out[f"{col}_final"] = float(f[col].iloc[-1])
        return out


# --- input handling -------------------------------------------------------------------------


class _Input:
    """IFN-α input of one simulation: a constant, an Exposure, or any callable of time."""

    def __init__(self, ifn: object):
        self.constant: float | None = None
        self.func: Callable[[float], float] | None = None
        self.breakpoints: tuple[float, ...] = ()
        self.hmax = 0.0
        if isinstance(ifn, Real):
            self.constant = checks.number("ifn", ifn, minimum=0.0)
        elif isinstance(ifn, Exposure):
            if ifn.piecewise_constant and not ifn.breakpoints():
                self.constant = float(ifn(0.0))
            else:
                self.func = ifn
                self.breakpoints = tuple(ifn.breakpoints())
        elif callable(ifn):
            self.func = ifn
            self.breakpoints = tuple(float(b) for b in getattr(ifn, "breakpoints_h", ()))
        else:
            raise TypeError(
                "`ifn` must be a concentration in pM, an ifnalpha.model.dosing exposure or a "
                f"callable of time in hours, got {ifn!r}"
            )
        self.is_exposure = isinstance(ifn, Exposure)

    def values(self, t: np.ndarray) -> np.ndarray:
        if self.constant is not None:
            return np.full(t.shape, self.constant)
        if self.is_exposure:
            vals = np.asarray(self.func(t), dtype=float)
        else:
            vals = np.array([float(self.func(float(x))) for x in t])
        bad = ~np.isfinite(vals) | (vals < 0)
        if bad.any():
            i = int(np.argmax(bad))
            raise ValueError(f"`ifn({t[i]:g})` must be finite and ≥ 0 pM, got {vals[i]!r}")
        return vals


def output_grid(t0: float, hours: float, dt_h: float | None) -> np.ndarray:
    """Return the output times from ``t0`` to ``t0 + hours`` in equal steps of at most ``dt_h``."""
    dt = DEFAULT_DT_H if dt_h is None else checks.number("dt_h", dt_h, positive=True)
    n = max(2, int(math.ceil(hours / dt - 1e-9)) + 1)
    if n > MAX_POINTS:
        raise ValueError(f"`dt_h` = {dt_h!r} gives {n} output points for {hours:g} h "
                         f"(at most {MAX_POINTS}); use a larger `dt_h`")
    return np.linspace(t0, t0 + hours, n)


def start_vector(start: object, rest: np.ndarray) -> tuple[np.ndarray, float]:
    """Check a ``start=`` state against the model and return its values and time."""
    if not isinstance(start, ModelState):
        raise TypeError(f"`start` must be a ModelState (e.g. result.final_state), got {start!r}")
    y = np.asarray(start.values, dtype=float)
    if y.shape != rest.shape:
        raise ValueError(f"`start` must have {rest.size} state values, got {y.size}")
    if not np.all(np.isfinite(y)) or (y < 0).any():
        raise ValueError("`start` must hold finite values ≥ 0, got negative or non-finite ones")
    t0 = checks.number("start.time_h", start.time_h, minimum=0.0)
    return y, t0


# --- steady states --------------------------------------------------------------------------


def setup_constants(params: object, pert: Mapping) -> tuple[tuple[float, ...], np.ndarray, dict]:
    """Return the constant vector, the unperturbed resting state and the overrides applied."""
    values = _parameters.resolve(params)  # type: ignore[arg-type]
    p, rest = _core.constants(values, pert)
    overrides = {} if params is None else dict(params)  # type: ignore[call-overload]
    return p, rest, overrides


@lru_cache(maxsize=256)
def _steady_cached(param_items: tuple, pert_items: tuple) -> tuple[float, ...]:
    values = dict(param_items)
    pert = dict(pert_items)
    p, rest = _core.constants(values, pert)
    if not pert:
        return tuple(rest)
    return tuple(_core.steady_state_numeric(rest, p))


def rest_state(params: Mapping[str, float] | None = None) -> ModelState:
    """Return the unstimulated steady state of an unperturbed cell (at t = 0).

    Examples
    --------
    >>> s = rest_state().as_series()
    >>> float(s["receptor"]), float(s["isgf3"])
    (1.0, 0.0)
    """
    return steady_state(None, params)


def steady_state(
    perturbations: Mapping[str, float | bool] | None = None,
    params: Mapping[str, float] | None = None,
) -> ModelState:
    """Return the unstimulated steady state of a (perturbed) cell, at t = 0.

    Without perturbations the state is computed in closed form (the resting levels are set by
    the parameter table); with perturbations it is found numerically (integration, then Newton
    polishing) and cached.

    Parameters
    ----------
    perturbations : dict, optional
        See :data:`ifnalpha.model.PERTURBATIONS`.
    params : dict, optional
        Parameter overrides (see :func:`parameter_table`).

    Returns
    -------
    ModelState

    Examples
    --------
    >>> s = steady_state({"stat1_null": True}).as_series()
    >>> float(s["ustat1"])
    0.0
    """
    pert = check_perturbations(perturbations)
    values = _parameters.resolve(params)
    y = _steady_cached(tuple(sorted(values.items())), perturbation_key(pert))
    return ModelState(0.0, tuple(float(v) for v in y))


# --- simulation -----------------------------------------------------------------------------


def simulate(
    ifn: float | Exposure | Callable[[float], float],
    hours: float,
    perturbations: Mapping[str, float | bool] | None = None,
    start: ModelState | None = None,
    params: Mapping[str, float] | None = None,
    *,
    dt_h: float | None = None,
) -> SimulationResult:
    """Simulate the response of one cell to IFN-α.

    Parameters
    ----------
    ifn : float, Exposure or callable
        IFN-α in pM: a constant, an exposure from :mod:`ifnalpha.model.dosing` (pulses, regimens),
        or a callable of time in hours. Exposures tell the solver where they jump (doses, pulse
        edges) and it integrates piece by piece between those times. A plain callable may set
        an attribute ``breakpoints_h`` (times of jumps); otherwise the solver's step is limited
        to the output spacing, so features shorter than ``dt_h`` may be missed.
    hours : float
        Length of the simulation (> 0).
    perturbations : dict, optional
        Name → value, see :data:`ifnalpha.model.PERTURBATIONS`. They act from the start of
        this call.
    start : ModelState, optional
        State to start from (e.g. ``previous.final_state``); the clock continues from its
        ``time_h``, and ``ifn`` is evaluated on that clock. Default: the unstimulated steady
        state of the cell *with* the perturbations (as if the cell had lived with them for a
        long time before IFN-α arrived), at t = 0.
    params : dict, optional
        Parameter overrides by name (see :func:`ifnalpha.model.parameter_table`).
    dt_h : float, optional
        Spacing of the output grid in hours (default 0.1 h). The grid runs from the start time
        to start + ``hours`` in equal steps no longer than ``dt_h``; the solver's own steps are
        chosen adaptively (LSODA, relative tolerance 1e-6).

    Returns
    -------
    SimulationResult
        ``.frame`` (readouts by time), ``.states`` and ``.final_state``.

    Raises
    ------
    TypeError
        If an argument has the wrong type.
    ValueError
        If an argument is invalid (negative, NaN or infinite doses or times, unknown
        perturbations or parameters, out-of-range values); the message names the argument and
        the value.

    Notes
    -----
    Readouts are relative to the unperturbed resting cell, so a perturbation that changes the
    resting state (e.g. ``stat1_null``) shows up as a baseline different from 1. The model is
    educational and qualitative, not clinical guidance.

    Examples
    --------
    >>> r = simulate(10000.0, hours=72, dt_h=1.0)
    >>> bool(r.frame.loc[72.0, "antiproliferative"] > 0.5)
    True
    >>> from ifnalpha.model import dosing
    >>> pulse = simulate(dosing.pulse(1000.0, duration_h=1.0), hours=72, dt_h=1.0)
    >>> round(float(pulse.frame["antiproliferative"].max()), 2)
    0.0
    """
    source = _Input(ifn)
    hours_v = checks.number("hours", hours, positive=True)
    pert = check_perturbations(perturbations)
    p, rest, overrides = setup_constants(params, pert)
    if start is None:
        y0 = np.array(steady_state(pert, params).values)
        t0 = 0.0
    else:
        y0, t0 = start_vector(start, rest)
    t = output_grid(t0, hours_v, dt_h)
    hmax = 0.0
    if source.func is not None and not source.is_exposure and not source.breakpoints:
        hmax = float(t[1] - t[0])
    states = _core.integrate(
        y0, t, p, source.func, source.constant or 0.0, source.breakpoints, hmax=hmax
    )
    return _package(t, states, p, source, pert, overrides)


def _package(t, states, p, source, pert, overrides) -> SimulationResult:
    ro = _core.readouts(states, p, source.values(t))
    index = pd.Index(t, name="time_h")
    columns = list(READOUTS)
    block = np.empty((t.size, len(columns)))
    for j, name in enumerate(columns):
        block[:, j] = ro[name]
    frame = pd.DataFrame(block, index=index, columns=columns)
    st = pd.DataFrame(states, index=index, columns=list(STATE_NAMES))
    final = ModelState(float(t[-1]), tuple(states[-1].tolist()))
    return SimulationResult(frame, st, final, dict(pert), overrides)
