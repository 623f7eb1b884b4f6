"""The dose × duration plane: where each cell state and gene class is on, and where the clinic is.

The numbers behind the figures of the page "Two faces of interferon-alpha": constant exposure over
a log range of doses and from hours to weeks (:func:`exposure_plane`), the concentration over
time that each clinical regimen's pharmacokinetics produces (:func:`regimen_traces`), the place
of review A's chronic low-level setting (:func:`chronic_setting`), and how far the exposure or
the antiproliferative threshold would have to move for a regimen to reach the antiproliferative
state (:func:`reach_factors`).

A state counts as *on* when it is at least half of its maximum (:data:`STATE_ON`); a gene class
when its mRNA is at least :data:`GENE_ON` times its resting level. The model is educational and
qualitative, not clinical guidance.

Examples
--------
>>> plane = exposure_plane(doses_pM=[1.0, 1000.0], hours=48.0)
>>> sorted(set(plane.data.index.get_level_values("readout")))[:2]
['antiproliferative', 'antiviral']
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from ifnalpha import checks, model
from ifnalpha.model import dosing
from ifnalpha.model.analyses import Analysis
from ifnalpha.model.parameters import default_values

__all__ = [
    "APOPTOSIS_FOLD",
    "GENE_ON",
    "MAP_READOUTS",
    "MAP_REGIMENS",
    "STATE_ON",
    "ChronicSetting",
    "chronic_setting",
    "exposure_plane",
    "reach_factors",
    "regimen_traces",
]

#: A cell state (0–1) is on from half its maximum.
STATE_ON = 0.5
#: A gene class is on from this fold over its resting mRNA.
GENE_ON = 2.0
#: The readouts drawn on the plane, with the kind of threshold each uses.
MAP_READOUTS: dict[str, str] = {
    "antiviral": "state",
    "antiproliferative": "state",
    "ifitm1": "gene",
    "tunable_isg": "gene",
    "irf1": "gene",
}
#: Review B's regimens, as the book schedules them (see :data:`ifnalpha.model.dosing.REGIMENS`).
MAP_REGIMENS: tuple[str, ...] = ("hdi_induction", "hdi_maintenance", "peg_induction",
                                 "peg_maintenance")
#: Review A: apoptosis needs IFN-α concentrations about a thousandfold above what the body
#: normally makes ([32]); the ledger claim ``a-apoptosis-concentration-fold``.
APOPTOSIS_FOLD = 1000.0


def _threshold(name: str) -> float:
    return STATE_ON if MAP_READOUTS[name] == "state" else GENE_ON


@lru_cache(maxsize=4)
def _plane(doses: tuple[float, ...], hours: float, dt_h: float) -> Analysis:
    sw = model.sweep(list(doses), hours, dt_h=dt_h)
    index = pd.Index(doses, name="dose_pM")
    columns = pd.Index(sw.time_h, name="time_h")
    frames = {name: pd.DataFrame(sw.readout(name)[0], index=index, columns=columns)
              for name in MAP_READOUTS}
    numbers: dict[str, float | str] = {}
    for name, frame in frames.items():
        on = frame.to_numpy() >= _threshold(name)
        for label, t in (("day", 24.0), ("3days", 72.0), ("week", 168.0), ("end", hours)):
            j = int(np.argmin(np.abs(sw.time_h - t)))
            rows = np.flatnonzero(on[:, j])
            numbers[f"{name}_lowest_dose_{label}_pM"] = (float(doses[rows[0]]) if rows.size
                                                         else math.nan)
    return Analysis(pd.concat(frames, names=["readout"]), numbers)


def exposure_plane(
    *,
    doses_pM: Sequence[float] | None = None,
    hours: float = 4 * dosing.HOURS_PER_WEEK,
    dt_h: float = 2.0,
) -> Analysis:
    """Return every readout of :data:`MAP_READOUTS` over constant doses and time.

    Parameters
    ----------
    doses_pM : sequence of float, optional
        Constant doses > 0 (default 37 doses from 0.01 pM to 10 nM, log-spaced).
    hours : float
        Longest exposure (default four weeks).
    dt_h : float
        Output spacing.

    Returns
    -------
    Analysis
        ``data``: rows (``readout``, ``dose_pM``), columns ``time_h``; ``numbers``:
        ``<readout>_lowest_dose_<day|3days|week|end>_pM``, the lowest dose at which the readout
        is on after that long (NaN if none).
    """
    doses = (np.logspace(-2, 4, 37) if doses_pM is None
             else np.asarray(checks.numbers("doses_pM", doses_pM, positive=True), dtype=float))
    hours = checks.number("hours", hours, positive=True)
    dt_h = checks.number("dt_h", dt_h, positive=True)
    return _plane(tuple(float(d) for d in np.sort(doses)), hours, dt_h)


def regimen_traces(names: Sequence[str] = MAP_REGIMENS, *, weeks: int = 4,
                   scale: dosing.ExposureScale | None = None) -> Analysis:
    """Return the concentration over time that each regimen's pharmacokinetics produces.

    Returns
    -------
    Analysis
        ``data``: columns = regimen names, index ``time_h`` (0.05 h to ``weeks`` weeks, log-
        spaced, with every dose time's neighbourhood sampled); ``numbers``: ``<name>:peak_pM``,
        ``<name>:mean_pM`` (over the whole run) and ``<name>:trough_pM`` (last week).
    """
    weeks = checks.integer("weeks", weeks, minimum=1)
    end = weeks * dosing.HOURS_PER_WEEK
    t = np.unique(np.concatenate([np.geomspace(0.05, end, 4000), np.linspace(0, end, 8001)[1:]]))
    columns: dict[str, np.ndarray] = {}
    numbers: dict[str, float | str] = {}
    for i, name in enumerate(names):
        checks.choice(f"names[{i}]", name, dosing.REGIMENS)
        exp = dosing.regimen(name, weeks=weeks, scale=scale)
        c = np.asarray(exp(t))
        columns[name] = c
        last = t >= end - dosing.HOURS_PER_WEEK
        numbers[f"{name}:peak_pM"] = exp.peak(0.0, end)
        numbers[f"{name}:mean_pM"] = float(np.trapezoid(c, t) / (t[-1] - t[0]))
        numbers[f"{name}:trough_pM"] = float(c[last].min())
    return Analysis(pd.DataFrame(columns, index=pd.Index(t, name="time_h")), numbers)


@dataclass(frozen=True)
class ChronicSetting:
    """Where the book places review A's chronic low-level setting on the plane (its reading)."""

    conc_pM: float
    low_pM: float
    high_pM: float
    from_h: float
    to_h: float
    reading: str


def chronic_setting(antiproliferative_pM: float) -> ChronicSetting:
    """Place review A's chronic setting from what it reports (no concentration is given).

    Review A reports that apoptosis needs about a thousandfold more IFN-α than the body
    normally makes ([32]) and describes tumour-made IFN-α acting over long periods ([14, 21]).
    The book reads the model's antiproliferative half-maximal dose as the stand-in for the
    review's high, apoptotic concentration, divides it by the thousandfold to place the
    chronic level, and draws a band a factor of ten either side of it, from three days to the
    end of the plane. This is the book's reading, not a number from review A.

    Parameters
    ----------
    antiproliferative_pM : float
        The model's antiproliferative half-maximal dose (pM).

    Examples
    --------
    >>> s = chronic_setting(800.0)
    >>> round(s.conc_pM, 2), round(s.low_pM, 2)
    (0.8, 0.08)
    """
    ap = checks.number("antiproliferative_pM", antiproliferative_pM, positive=True)
    c = ap / APOPTOSIS_FOLD
    return ChronicSetting(c, c / 10, c * 10, 72.0, 4 * dosing.HOURS_PER_WEEK,
                          "the model's antiproliferative half-maximal dose divided by review "
                          "A's thousandfold, over days to weeks (the book's reading)")


def _reach(name: str, weeks: int, exposure_factor: float, ap_k_factor: float) -> float:
    exp = dosing.regimen(name, weeks=weeks).scaled(exposure_factor)
    params = {"ap_k": default_values()["ap_k"] * ap_k_factor} if ap_k_factor != 1 else None
    res = model.simulate(exp, weeks * dosing.HOURS_PER_WEEK, params=params, dt_h=2.0)
    return float(res.frame["antiproliferative"].max())


def _solve(name: str, weeks: int, which: str) -> float:
    """Smallest factor (exposure up, or threshold down) at which the state reaches STATE_ON."""
    def reached(f: float) -> bool:
        return (_reach(name, weeks, f, 1.0) if which == "exposure"
                else _reach(name, weeks, 1.0, 1.0 / f)) >= STATE_ON

    lo, hi = 0.0, 1.0  # log10 of the factor
    if reached(1.0):
        return 1.0
    while not reached(10 ** hi):
        lo, hi = hi, hi + 1.0
        if hi > 4:
            return math.inf
    for _ in range(7):
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if reached(10 ** mid) else (mid, hi)
    return float(10 ** hi)


@lru_cache(maxsize=8)
def _factors(names: tuple[str, ...], weeks: int) -> pd.DataFrame:
    rows = []
    for name in names:
        rows.append({"regimen": name,
                     "antiproliferative_max": _reach(name, weeks, 1.0, 1.0),
                     "exposure_factor": _solve(name, weeks, "exposure"),
                     "threshold_factor": _solve(name, weeks, "threshold")})
    return pd.DataFrame(rows).set_index("regimen")


def reach_factors(names: Sequence[str] = MAP_REGIMENS, *, weeks: int = 4) -> Analysis:
    """Return how much each regimen's exposure, or the antiproliferative threshold, must change.

    For each regimen, the factor by which its whole concentration curve must be multiplied
    (``exposure_factor``), or the model's ``ap_k`` (active complexes for a half-maximal
    antiproliferative drive) divided (``threshold_factor``), for the antiproliferative state to
    reach :data:`STATE_ON` within ``weeks`` weeks; within about 15 % (a bisection in log
    space). ``antiproliferative_max`` is the highest state the regimen reaches as it is.

    Examples
    --------
    >>> a = reach_factors(("peg_induction",), weeks=1)
    >>> bool(a.data.loc["peg_induction", "exposure_factor"] > 1)
    True
    """
    weeks = checks.integer("weeks", weeks, minimum=1)
    key = tuple(checks.choice(f"names[{i}]", n, dosing.REGIMENS) for i, n in enumerate(names))
    data = _factors(key, weeks).copy()
    numbers: dict[str, float | str] = {}
    for name, row in data.iterrows():
        for col in data.columns:
            numbers[f"{name}:{col}"] = float(row[col])
    numbers["smallest_exposure_factor"] = float(data["exposure_factor"].min())
    numbers["smallest_threshold_factor"] = float(data["threshold_factor"].min())
    return Analysis(data, numbers)
