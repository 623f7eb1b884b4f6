"""An educational ODE model of interferon-α signalling: canonical and U-ISGF3 arms.

The model is **educational and qualitative, not clinical guidance**. It is written by us, from
the mechanisms the two reviews describe and with kinetics borrowed from published models (chiefly
Kok et al. 2020, BioModels BIOMD0000000959); it is not fitted to any data set.

What it contains (25 states, 53 reactions; see :func:`species_table` and
:func:`reaction_table`):

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

Units: time in hours, IFN-α in pM. In :attr:`SimulationResult.frame`, ``pstat1_total`` and
``pstat2_total`` are the phosphorylated fraction of all STAT1 (STAT2) protein (0–1); ``isgf3``,
``u_isgf3`` and ``aaf`` are in units of the resting total STAT1 (S1₀); ``antiviral`` and
``antiproliferative`` run from 0 to 1; every other readout is relative to the unstimulated
steady state of an unperturbed cell (1 = baseline).

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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from numbers import Real
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from ifnalpha.model import core as _core
from ifnalpha.model import parameters as _parameters
from ifnalpha.model.dosing import Exposure
from ifnalpha.model.spec import ASSIGNMENTS, DERIVED, PERTURBATION_FACTORS, REACTIONS, SPECIES

__all__ = [
    "PERTURBATIONS",
    "READOUTS",
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

#: Output spacing used when ``dt_h`` is not given (hours).
DEFAULT_DT_H = 0.1
#: Largest number of output rows one simulation may produce.
MAX_POINTS = 1_000_000


# --- perturbations --------------------------------------------------------------------------


@dataclass(frozen=True)
class Perturbation:
    """A change to the cell that a reader can switch on, and the claim it lets them test.

    Attributes
    ----------
    kind : {"fraction", "fold", "flag"}
        ``fraction``: a number in [0, 1] (0 = no effect); ``fold``: a number >= 1 (1 = no
        effect); ``flag``: a bool.
    default : float or bool
        The value that means "unperturbed".
    effect : str
        What the model changes.
    claim : str
        The review's claim this perturbation tests, with the review letter and its reference
        numbers.
    """

    kind: Literal["fraction", "fold", "flag"]
    default: float | bool
    effect: str
    claim: str


PERTURBATIONS: dict[str, Perturbation] = {
    "usp18_knockdown": Perturbation(
        "fraction", 0.0,
        "USP18 mRNA (basal and induced) lowered by this fraction, as by siRNA.",
        "USP18 is an ISG that ends IFN-α signalling by disrupting IFNAR2–JAK1 binding "
        "(review B, JAK-STAT section [29, 30]; review A Table 2 'negative regulation' "
        "[17, 22]): without it signalling should last longer.",
    ),
    "socs1_knockdown": Perturbation(
        "fraction", 0.0,
        "SOCS1 mRNA (basal and induced) lowered by this fraction.",
        "SOCS1 lowers JAK1 and STAT1 phosphorylation (review B [29, 30]; review A Table 2 "
        "[17, 22]): without it pSTAT1 should stay higher.",
    ),
    "jak_inhibition": Perturbation(
        "fraction", 0.0,
        "JAK1/TYK2 catalytic activity lowered by this fraction (e.g. ruxolitinib), from the "
        "start of the simulation.",
        "A JAK1/2 inhibitor lowers pSTAT, yet U-ISGF3 may keep the interferon signature up, one "
        "proposed reason ruxolitinib missed its efficacy endpoint in TNBC (review A, "
        "Conclusion [59]; Fig. 1b).",
    ),
    "irf9_overexpression": Perturbation(
        "fold", 1.0,
        "Extra constitutive IRF9 synthesis: (fold − 1) × the resting synthesis rate.",
        "High IRF9 may switch transcription from ISGF3 to U-ISGF3; TN-IBC cells have robust "
        "IRF9 levels (review A [34], Fig. 1b).",
    ),
    "stat1_overexpression": Perturbation(
        "fold", 1.0,
        "Extra constitutive STAT1 synthesis: (fold − 1) × the resting synthesis rate.",
        "Raised unphosphorylated STAT1, STAT2 and IRF9 form U-ISGF3, which keeps a subset of "
        "ISGs (IFITM1 …) on without phosphorylation (review A [21], Fig. 1b, Table 1).",
    ),
    "stat2_overexpression": Perturbation(
        "fold", 1.0,
        "Extra constitutive STAT2 synthesis: (fold − 1) × the resting synthesis rate.",
        "STAT2 with IRF9 can drive ISGs without STAT1; TN-IBC depends on STAT2 (review A "
        "[14, 19], Fig. 1b).",
    ),
    "stat1_null": Perturbation(
        "flag", False,
        "No STAT1 transcription (a STAT1-null cell; a STAT1 transgene can still be added).",
        "An ISGF3-like STAT2–IRF9 complex can transcribe ISGs independently of STAT1 "
        "(review A [19]).",
    ),
    "ifnar1_null": Perturbation(
        "flag", False,
        "No receptor synthesis (an IFNAR1-knockout cell).",
        "IFNAR1 mediates the direct and indirect effects of IFN-I therapy; its knockout impairs "
        "them (review B, IFNAR section [67–70]); loss of JAK-STAT parts blunts the response "
        "(review B, challenges section [224–227]).",
    ),
    "stat1_y701f": Perturbation(
        "flag", False,
        "STAT1 cannot be tyrosine-phosphorylated (Y701F): no pSTAT1, ISGF3 or AAF.",
        "STAT1-Y701F prevents ISGF3 formation and blocks IFN signals (review B, challenges "
        "section [228, 229]).",
    ),
    "stat2_y690f": Perturbation(
        "flag", False,
        "STAT2 cannot be tyrosine-phosphorylated (Y690F): no ISGF3 or pSTAT2–IRF9 (AAF can "
        "still form).",
        "STAT2-Y690F prevents ISGF3 formation and blocks IFN signals (review B, challenges "
        "section [228, 229]).",
    ),
}


def _validate_perturbations(perturbations: object) -> dict[str, float | bool]:
    if perturbations is None:
        return {}
    if not isinstance(perturbations, Mapping):
        raise ValueError(f"perturbations must be a dict, got {perturbations!r}")
    out: dict[str, float | bool] = {}
    for name, value in perturbations.items():
        if name not in PERTURBATIONS:
            raise ValueError(
                f"perturbations: unknown perturbation {name!r}; known: {sorted(PERTURBATIONS)}"
            )
        kind = PERTURBATIONS[name].kind
        if kind == "flag":
            if not isinstance(value, bool | np.bool_):
                raise ValueError(f"perturbations[{name!r}] must be True or False, got {value!r}")
            out[name] = bool(value)
            continue
        if isinstance(value, bool | np.bool_) or not isinstance(value, Real):
            raise ValueError(f"perturbations[{name!r}] must be a number, got {value!r}")
        v = float(value)
        if not math.isfinite(v):
            raise ValueError(f"perturbations[{name!r}] must be finite, got {value!r}")
        if kind == "fraction" and not 0.0 <= v <= 1.0:
            raise ValueError(f"perturbations[{name!r}] must be a fraction in [0, 1], got {value!r}")
        if kind == "fold" and v < 1.0:
            raise ValueError(f"perturbations[{name!r}] must be a fold >= 1, got {value!r}")
        out[name] = v
    return out


def _pert_key(pert: Mapping[str, float | bool]) -> tuple:
    return tuple(sorted((k, v) for k, v in pert.items() if v != PERTURBATIONS[k].default))


# --- readouts -------------------------------------------------------------------------------

#: Columns of :attr:`SimulationResult.frame`: name → (unit, meaning).
READOUTS: dict[str, tuple[str, str]] = {
    "ifn_pM": ("pM", "IFN-α concentration"),
    "pstat1_total": ("fraction of STAT1", "phosphorylated STAT1, free or in complexes"),
    "pstat2_total": ("fraction of STAT2", "phosphorylated STAT2, free or in complexes"),
    "isgf3": ("S1₀", "ISGF3 (pSTAT1·pSTAT2·IRF9)"),
    "u_isgf3": ("S1₀", "U-ISGF3 (U-STAT1·U-STAT2·IRF9)"),
    "aaf": ("S1₀", "AAF, the pSTAT1 homodimer that binds GAS"),
    "socs1": ("relative to rest", "SOCS1 protein"),
    "usp18": ("relative to rest", "USP18 protein"),
    "stat1": ("relative to rest", "total STAT1 protein"),
    "stat2": ("relative to rest", "total STAT2 protein"),
    "irf9": ("relative to rest", "total IRF9 protein"),
    "ifitm1": ("relative to rest", "IFITM1 mRNA (robust ISG: ISGF3 and U-ISGF3)"),
    "tunable_isg": ("relative to rest", "mRNA of an ISGF3-only ('tunable') ISG"),
    "irf1": ("relative to rest", "IRF1 mRNA (GAS gene)"),
    "antiviral": ("0–1", "antiviral state"),
    "antiproliferative": ("0–1", "antiproliferative state"),
    "receptor_active": ("fraction of resting receptors", "active IFN·IFNAR1·IFNAR2 complexes"),
    "receptor_total": ("fraction of resting receptors", "all IFNAR1/IFNAR2 at the surface"),
    "stat2_irf9": ("S1₀", "STAT2–IRF9 (unphosphorylated and phosphorylated)"),
    "isre_phospho": ("S1₀ (ISGF3 equivalents)",
                     "ISRE activity of phosphorylated complexes: ISGF3 and pSTAT2–IRF9"),
    "isre_unphospho": ("S1₀ (ISGF3 equivalents)",
                       "ISRE activity of unphosphorylated complexes (robust ISGs only): U-ISGF3 "
                       "and U-STAT2–IRF9"),
    "stat1_mrna": ("relative to rest", "STAT1 mRNA"),
    "stat2_mrna": ("relative to rest", "STAT2 mRNA"),
    "irf9_mrna": ("relative to rest", "IRF9 mRNA"),
    "socs1_mrna": ("relative to rest", "SOCS1 mRNA"),
    "usp18_mrna": ("relative to rest", "USP18 mRNA"),
}


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


def _check_time(name: str, value: object, *, positive: bool) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ValueError(f"{name} must be a number of hours, got {value!r}")
    v = float(value)
    if not math.isfinite(v) or v < 0 or (positive and v == 0):
        raise ValueError(f"{name} must be a finite number {'> 0' if positive else '>= 0'}, "
                         f"got {value!r}")
    return v


class _Input:
    """IFN-α input of one simulation: a constant, an Exposure, or any callable of time."""

    def __init__(self, ifn: object):
        self.constant: float | None = None
        self.func: Callable[[float], float] | None = None
        self.breakpoints: tuple[float, ...] = ()
        self.hmax = 0.0
        if isinstance(ifn, bool):
            raise ValueError(f"ifn must be a concentration in pM or a callable, got {ifn!r}")
        if isinstance(ifn, Real):
            v = float(ifn)
            if not math.isfinite(v) or v < 0:
                raise ValueError(f"ifn must be a finite concentration >= 0 pM, got {ifn!r}")
            self.constant = v
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
            raise ValueError(
                "ifn must be a concentration in pM, an ifnalpha.model.dosing exposure or a "
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
            raise ValueError(f"ifn({t[i]:g}) returned {vals[i]!r}; concentrations must be "
                             "finite and >= 0 pM")
        return vals


def _output_grid(t0: float, hours: float, dt_h: float | None) -> np.ndarray:
    dt = DEFAULT_DT_H if dt_h is None else _check_time("dt_h", dt_h, positive=True)
    n = max(2, int(math.ceil(hours / dt - 1e-9)) + 1)
    if n > MAX_POINTS:
        raise ValueError(f"dt_h = {dt_h!r} gives {n} output points for {hours:g} h "
                         f"(at most {MAX_POINTS}); use a larger dt_h")
    return np.linspace(t0, t0 + hours, n)


def _start_vector(start: object, rest: np.ndarray) -> tuple[np.ndarray, float]:
    if not isinstance(start, ModelState):
        raise ValueError(f"start must be a ModelState (e.g. result.final_state), got {start!r}")
    y = np.asarray(start.values, dtype=float)
    if y.shape != rest.shape:
        raise ValueError(f"start has {y.size} values, the model has {rest.size} states")
    if not np.all(np.isfinite(y)) or (y < 0).any():
        raise ValueError("start contains negative or non-finite state values")
    t0 = _check_time("start.time_h", start.time_h, positive=False)
    return y, t0


# --- steady states --------------------------------------------------------------------------


def _setup(params: object, pert: Mapping) -> tuple[tuple[float, ...], np.ndarray, dict]:
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
        See :data:`PERTURBATIONS`.
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
    pert = _validate_perturbations(perturbations)
    values = _parameters.resolve(params)
    y = _steady_cached(tuple(sorted(values.items())), _pert_key(pert))
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
        Name → value, see :data:`PERTURBATIONS`. They act from the start of this call.
    start : ModelState, optional
        State to start from (e.g. ``previous.final_state``); the clock continues from its
        ``time_h``, and ``ifn`` is evaluated on that clock. Default: the unstimulated steady
        state of the cell *with* the perturbations (as if the cell had lived with them for a
        long time before IFN-α arrived), at t = 0.
    params : dict, optional
        Parameter overrides by name (see :func:`parameter_table`).
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
    ValueError
        If any argument is invalid (negative, NaN or infinite doses or times, unknown
        perturbations or parameters, out-of-range values, wrong types); the message names the
        argument and the value.

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
    >>> from ifnalpha import dosing
    >>> pulse = simulate(dosing.pulse(1000.0, duration_h=1.0), hours=72, dt_h=1.0)
    >>> round(float(pulse.frame["antiproliferative"].max()), 2)
    0.0
    """
    source = _Input(ifn)
    hours_v = _check_time("hours", hours, positive=True)
    pert = _validate_perturbations(perturbations)
    p, rest, overrides = _setup(params, pert)
    if start is None:
        y0 = np.array(steady_state(pert, params).values)
        t0 = 0.0
    else:
        y0, t0 = _start_vector(start, rest)
    t = _output_grid(t0, hours_v, dt_h)
    hmax = 0.0
    if source.func is not None and not source.is_exposure and not source.breakpoints:
        hmax = float(t[1] - t[0])
    states = _core.integrate(
        y0, t, p, source.func, source.constant or 0.0, source.breakpoints, hmax=hmax
    )
    return _package(t, states, p, source, pert, overrides)


def _package(t, states, p, source, pert, overrides) -> SimulationResult:
    ro = _core.readouts(states, p)
    index = pd.Index(t, name="time_h")
    columns = list(READOUTS)
    block = np.empty((t.size, len(columns)))
    block[:, 0] = source.values(t)
    for j, name in enumerate(columns[1:], start=1):
        block[:, j] = ro[name]
    frame = pd.DataFrame(block, index=index, columns=columns)
    st = pd.DataFrame(states, index=index, columns=list(STATE_NAMES))
    final = ModelState(float(t[-1]), tuple(states[-1].tolist()))
    return SimulationResult(frame, st, final, dict(pert), overrides)


# --- sweeps ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SweepResult:
    """Output of :func:`sweep`: many constant-dose simulations on one time grid.

    Attributes
    ----------
    doses_pM : ndarray, shape (n_doses,)
    values : ndarray, shape (n_values,)
        Values of the swept perturbation (or ``[nan]`` if none was swept).
    perturbation : str or None
    time_h : ndarray, shape (n_times,)
    states : ndarray, shape (n_values, n_doses, n_times, n_states)
    """

    doses_pM: np.ndarray
    values: np.ndarray
    perturbation: str | None
    time_h: np.ndarray
    states: np.ndarray
    constants: tuple = ()

    def readout(self, name: str) -> np.ndarray:
        """Return a readout as an array of shape (n_values, n_doses, n_times)."""
        if name == "ifn_pM":
            return np.broadcast_to(
                self.doses_pM[None, :, None], self.states.shape[:3]
            ).copy()
        if name not in READOUTS:
            raise ValueError(f"name must be one of {sorted(READOUTS)}, got {name!r}")
        out = np.empty(self.states.shape[:3])
        for i in range(self.states.shape[0]):
            out[i] = _core.readouts(self.states[i], self.constants[i])[name]
        return out

    def at(self, name: str, time_h: float) -> pd.DataFrame:
        """Return a readout at one time as a table: rows = swept values, columns = doses."""
        t = _check_time("time_h", time_h, positive=False)
        j = int(np.argmin(np.abs(self.time_h - t)))
        data = self.readout(name)[:, :, j]
        return pd.DataFrame(
            data,
            index=pd.Index(self.values, name=self.perturbation or "value"),
            columns=pd.Index(self.doses_pM, name="dose_pM"),
        )


def sweep(
    doses_pM: Sequence[float],
    hours: float,
    *,
    perturbation: str | None = None,
    values: Sequence[float] | None = None,
    perturbations: Mapping[str, float | bool] | None = None,
    params: Mapping[str, float] | None = None,
    dt_h: float = 1.0,
) -> SweepResult:
    """Simulate every combination of constant dose and one perturbation's value, all at once.

    All simulations are integrated together as one block-diagonal system (LSODA with a banded
    Jacobian), which is much faster than one call per combination. Each simulation starts from
    the resting state of its own perturbed cell.

    Parameters
    ----------
    doses_pM : sequence of float
        Constant IFN-α concentrations (pM, >= 0).
    hours : float
        Length of each simulation.
    perturbation : str, optional
        Name of a numeric perturbation to sweep (e.g. ``"irf9_overexpression"``).
    values : sequence of float, optional
        Its values (required with ``perturbation``).
    perturbations : dict, optional
        Other perturbations, held fixed.
    params : dict, optional
        Parameter overrides.
    dt_h : float
        Output spacing (default 1 h).

    Returns
    -------
    SweepResult

    Examples
    --------
    >>> s = sweep([1.0, 100.0], 24, perturbation="irf9_overexpression", values=[1.0, 4.0])
    >>> s.at("u_isgf3", 24).shape
    (2, 2)
    """
    if isinstance(doses_pM, str | bytes) or not isinstance(doses_pM, Sequence | np.ndarray):
        raise ValueError(f"doses_pM must be a sequence of concentrations, got {doses_pM!r}")
    doses = np.array([_check_dose(i, d) for i, d in enumerate(doses_pM)], dtype=float)
    if doses.size == 0:
        raise ValueError("doses_pM must not be empty")
    hours_v = _check_time("hours", hours, positive=True)
    base = _validate_perturbations(perturbations)
    if perturbation is None:
        if values is not None:
            raise ValueError("values given without a perturbation to sweep")
        vals = np.array([np.nan])
    else:
        if perturbation not in PERTURBATIONS or PERTURBATIONS[perturbation].kind == "flag":
            numeric = sorted(k for k, v in PERTURBATIONS.items() if v.kind != "flag")
            raise ValueError(f"perturbation must be one of {numeric}, got {perturbation!r}")
        if values is None or isinstance(values, str | bytes):
            raise ValueError(f"values must be a sequence of numbers, got {values!r}")
        vals = np.array([float(v) if isinstance(v, Real) and not isinstance(v, bool) else v
                         for v in values])
        if vals.size == 0:
            raise ValueError("values must not be empty")
        for v in vals:
            _validate_perturbations({**base, perturbation: v})
    t = _output_grid(0.0, hours_v, dt_h)
    consts, starts = [], []
    for v in vals:
        pert = dict(base) if perturbation is None else {**base, perturbation: float(v)}
        p, _rest, _ = _setup(params, pert)
        consts.append(p)
        starts.append(steady_state(pert, params).values)
    # one block-diagonal system for every (value, dose) pair; constants that differ between
    # values become arrays over the batch
    table = np.array(consts)
    columns: list[float | np.ndarray] = []
    for j in range(table.shape[1]):
        col = np.repeat(table[:, j], doses.size)
        columns.append(float(col[0]) if np.all(col == col[0]) else col)
    y0 = np.repeat(np.array(starts), doses.size, axis=0)
    states = _core.integrate_many(y0, t, columns, np.tile(doses, vals.size))
    out = states.reshape(vals.size, doses.size, t.size, _core.N_STATES)
    return SweepResult(doses, vals, perturbation, t, out, tuple(consts))


def _check_dose(i: int, d: object) -> float:
    if isinstance(d, bool) or not isinstance(d, Real) or not math.isfinite(float(d)) or d < 0:
        raise ValueError(f"doses_pM[{i}] must be a finite concentration >= 0 pM, got {d!r}")
    return float(d)


# --- documentation tables -------------------------------------------------------------------


def parameter_table() -> pd.DataFrame:
    """Return the parameter table (value, unit, range, meaning, source) as a DataFrame.

    Examples
    --------
    >>> "k_deg_usp18" in parameter_table().index
    True
    """
    return _parameters.parameter_table()


def species_table() -> pd.DataFrame:
    """Return the state variables with their units and meanings."""
    return pd.DataFrame(
        [(s.id, s.unit, s.meaning) for s in SPECIES], columns=["species", "unit", "meaning"]
    ).set_index("species")


def reaction_table() -> pd.DataFrame:
    """Return the reactions: equation, rate law, meaning and source.

    Examples
    --------
    >>> reaction_table().loc["usp18_degradation", "rate"]
    'k_deg_usp18 * usp18_protein'
    """
    rows = []
    for r in REACTIONS:
        left = " + ".join(f"{-c if c != -1 else ''}{'' if c == -1 else ' '}{s}".strip()
                          for s, c in r.stoichiometry.items() if c < 0) or "∅"
        right = " + ".join(f"{c if c != 1 else ''}{'' if c == 1 else ' '}{s}".strip()
                           for s, c in r.stoichiometry.items() if c > 0) or "∅"
        rows.append((r.id, f"{left} → {right}", r.rate, r.meaning, r.source))
    return pd.DataFrame(
        rows, columns=["reaction", "equation", "rate", "meaning", "source"]
    ).set_index("reaction")


def equations_markdown() -> str:
    """Return the model as Markdown: intermediate quantities, then one ODE per state.

    Examples
    --------
    >>> "d(isgf3)/dt" in equations_markdown()
    True
    """
    lines = ["**Intermediate quantities**", ""]
    for name, expr, meaning in ASSIGNMENTS:
        lines.append(f"- `{name} = {expr}` — {meaning}")
    lines += ["", "**Derived constants**", ""]
    for name, unit, how in DERIVED:
        lines.append(f"- `{name}` ({unit}) = {how}")
    lines += ["", "**Perturbation factors**", ""]
    for name, how in PERTURBATION_FACTORS:
        lines.append(f"- `{name}` = {how}")
    lines += ["", "**Rate equations**", ""]
    for s in SPECIES:
        terms = []
        for r in REACTIONS:
            c = r.stoichiometry.get(s.id, 0)
            if c:
                coef = "" if abs(c) == 1 else f"{abs(c)}·"
                terms.append(f"{'+' if c > 0 else '−'} {coef}v[{r.id}]")
        body = " ".join(terms)
        body = body[2:] if body.startswith("+ ") else body
        lines.append(f"- `d({s.id})/dt = {body}`")
    lines += ["", "where each `v[reaction]` is the rate law listed by `reaction_table()`."]
    return "\n".join(lines)


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
    intermediate quantity (assignment rules), reaction and the main readouts (assignment rules
    named as the columns of :attr:`SimulationResult.frame`). Time is in hours.

    IFN-α is a constant parameter ``ifn_pM``; time-varying exposures (pulses, regimens) are
    not exported. Simulating the file with libRoadRunner reproduces :func:`simulate` for a
    constant dose (this is tested).

    Parameters
    ----------
    path : str or Path
        Output file.
    ifn_pM : float
        The constant IFN-α concentration in the file.
    perturbations, params, start
        As for :func:`simulate`.

    Examples
    --------
    >>> import tempfile, os
    >>> out = to_sbml(os.path.join(tempfile.mkdtemp(), "ifn.xml"), ifn_pM=100.0)
    >>> out.suffix
    '.xml'
    """
    from ifnalpha.model import sbml as _sbml

    if isinstance(ifn_pM, bool) or not isinstance(ifn_pM, Real) or not math.isfinite(
        float(ifn_pM)
    ) or ifn_pM < 0:
        raise ValueError(f"ifn_pM must be a finite concentration >= 0 pM, got {ifn_pM!r}")
    if not isinstance(path, str | Path):
        raise ValueError(f"path must be a file path, got {path!r}")
    pert = _validate_perturbations(perturbations)
    p, rest, _ = _setup(params, pert)
    if start is None:
        y0 = np.array(steady_state(pert, params).values)
    else:
        y0, _t0 = _start_vector(start, rest)
    return _sbml.write(Path(path), p, y0, float(ifn_pM))
