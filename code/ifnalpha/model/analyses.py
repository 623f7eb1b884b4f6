"""The numbers behind the book's model figures, computed without drawing anything.

Each function runs the model for one figure and returns an :class:`Analysis`: the values the
figure draws (:attr:`Analysis.data`, plus :attr:`Analysis.curves` when the figure draws values
derived from them), the key numbers its caption states and a page glues
(:attr:`Analysis.numbers`), and the positions it marks (:attr:`Analysis.marks`). The figures in
:mod:`ifnalpha.book` only draw these. A few runs back the prose beside a figure rather than the
figure itself (:func:`departure_from_rest`). This module holds the analyses over time and across
conditions; :mod:`ifnalpha.model.dose_analyses` those across doses.

The model behind these numbers is educational and qualitative, not clinical guidance.

Examples
--------
>>> from ifnalpha import model
>>> from ifnalpha.model import analyses
>>> a = analyses.summarize_time_course(model.simulate(100.0, 24))
>>> round(a.numbers["pstat1_peak_fraction"], 2) > 0
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ifnalpha import checks, model
from ifnalpha.model import dosing

__all__ = [
    "ACUTE_WINDOW_H",
    "CHRONIC_WINDOW_H",
    "DEFAULT_CONDITIONS",
    "Analysis",
    "acute_chronic_phases",
    "departure_from_rest",
    "perturbation_table",
    "perturbation_vs_wild_type",
    "regimen_runs",
    "summarize_time_course",
]

#: The acute phase: the first hours of exposure (h).
ACUTE_WINDOW_H = 6.0
#: The chronic phase: the last hours of a run, never starting before this many hours (h).
CHRONIC_WINDOW_H = 24.0

#: The perturbation panel's default conditions (label → perturbations).
DEFAULT_CONDITIONS: dict[str, dict[str, float | bool]] = {
    "wild type": {},
    "USP18 knockdown 80 %": {"usp18_knockdown": 0.8},
    "SOCS1 knockdown 80 %": {"socs1_knockdown": 0.8},
    "JAK inhibitor 90 %": {"jak_inhibition": 0.9},
    "IRF9 ×5": {"irf9_overexpression": 5.0},
    "STAT1-null": {"stat1_null": True},
    "IFNAR1-null": {"ifnar1_null": True},
    "STAT1-Y701F": {"stat1_y701f": True},
    "STAT2-Y690F": {"stat2_y690f": True},
}

_TINY = 1e-12


@dataclass(frozen=True)
class Analysis:
    """The numbers behind one figure.

    Attributes
    ----------
    data : pandas.DataFrame
        The simulated values the figure draws, for readers who want them.
    numbers : dict
        Key numbers (floats, or strings for names), unrounded: captions and glued text round
        them alike.
    marks : dict
        Positions the figure marks (window edges, input levels), not part of the summary.
    curves : pandas.DataFrame, optional
        Values derived from ``data`` that the figure draws (e.g. fractions of a peak).
    """

    data: pd.DataFrame
    numbers: dict[str, float | str]
    marks: dict[str, float] = field(default_factory=dict)
    curves: pd.DataFrame | None = None


def _fold(series: pd.Series) -> float:
    """Return the first value of a series, floored so that dividing by it is safe."""
    return max(float(series.iloc[0]), _TINY)


# --- time courses ---------------------------------------------------------------------------


def summarize_time_course(result: model.SimulationResult) -> Analysis:
    """Key numbers of one simulated time course: pSTAT1 and the gene classes.

    Parameters
    ----------
    result : SimulationResult
        A simulation (:func:`ifnalpha.model.simulate`).

    Returns
    -------
    Analysis
        ``data`` is the simulation's frame; ``marks`` holds ``ifn_peak_pM``, ``ifn_constant``
        (1.0 when the input never changes) and ``span_h``.

    Examples
    --------
    >>> a = summarize_time_course(model.simulate(100.0, 24))
    >>> a.numbers["pstat1_peak_h"] < 1.0
    True
    """
    if not isinstance(result, model.SimulationResult):
        raise TypeError(f"`result` must be a SimulationResult, got {result!r}")
    f = result.frame
    t = f.index.to_numpy()
    conc = f["ifn_pM"].to_numpy()
    numbers: dict[str, float | str] = {
        "pstat1_peak_fraction": float(f["pstat1_total"].max()),
        "pstat1_peak_h": float(f["pstat1_total"].idxmax()),
        "pstat1_final_fraction": float(f["pstat1_total"].iloc[-1]),
        "u_isgf3_final_fold": float(f["u_isgf3"].iloc[-1] / _fold(f["u_isgf3"])),
        "ifitm1_final_fold": float(f["ifitm1"].iloc[-1]),
        "tunable_isg_peak_fold": float(f["tunable_isg"].max()),
        "tunable_isg_peak_h": float(f["tunable_isg"].idxmax()),
        "antiviral_final": float(f["antiviral"].iloc[-1]),
        "antiproliferative_final": float(f["antiproliferative"].iloc[-1]),
    }
    marks = {"ifn_peak_pM": float(conc.max()), "ifn_constant": float(np.all(conc == conc[0])),
             "span_h": float(t[-1] - t[0])}
    return Analysis(f, numbers, marks)


def acute_chronic_phases(
    dose_pM: float = 100.0,
    *,
    hours: float = 72.0,
    jak_inhibition: float = 0.0,
    inhibitor_from_h: float = 48.0,
    washout_at_h: float | None = None,
    perturbations: Mapping[str, float | bool] | None = None,
) -> Analysis:
    """Contrast the acute and chronic phases of continuous exposure (review A, Fig. 1b).

    Parameters
    ----------
    dose_pM : float
        Constant IFN-α (pM).
    hours : float
        Total length.
    jak_inhibition : float
        Fraction of JAK activity blocked from ``inhibitor_from_h`` on (0 = none).
    inhibitor_from_h : float
        When the inhibitor is added (strictly inside the run when ``jak_inhibition > 0``).
    washout_at_h : float, optional
        If given, IFN-α drops to 0 at this time.
    perturbations : dict, optional
        Other perturbations for the whole run.

    Returns
    -------
    Analysis
        ``curves`` holds pSTAT1 and ISGF3 as fractions of their peaks and U-ISGF3 as a fold of
        its resting level; ``marks`` the window edges (``acute_until_h``, ``chronic_from_h``,
        ``end_h``).

    Examples
    --------
    >>> a = acute_chronic_phases(100.0, hours=72)
    >>> a.numbers["ifitm1_chronic_fold"] > 1.5
    True
    """
    dose = checks.number("dose_pM", dose_pM, minimum=0)
    hours = checks.number("hours", hours, positive=True)
    block = checks.number("jak_inhibition", jak_inhibition, minimum=0, maximum=1)
    start = checks.number("inhibitor_from_h", inhibitor_from_h)
    pert = dict(perturbations or {})
    ifn: float | dosing.Exposure = dose
    if washout_at_h is not None:
        ifn = dosing.pulse(dose, duration_h=checks.number("washout_at_h", washout_at_h,
                                                           positive=True))
    if block > 0:
        if not 0 < start < hours:
            raise ValueError(f"`inhibitor_from_h` must be finite and strictly between 0 and "
                             f"{hours:g}, got {inhibitor_from_h!r}")
        first = model.simulate(ifn, start, pert)
        second = model.simulate(ifn, hours - start, {**pert, "jak_inhibition": block},
                                start=first.final_state)
        f = pd.concat([first.frame, second.frame.iloc[1:]])
    else:
        f = model.simulate(ifn, hours, pert).frame
    t = f.index.to_numpy()
    u_rest = _fold(f["u_isgf3"])
    acute = f.index <= ACUTE_WINDOW_H
    chronic = f.index >= max(CHRONIC_WINDOW_H, float(t[-1]) - CHRONIC_WINDOW_H)
    pstat1_peak = max(f["pstat1_total"].max(), _TINY)
    numbers: dict[str, float | str] = {
        "pstat1_peak_fraction": float(f["pstat1_total"].max()),
        "pstat1_chronic_over_peak": float(f["pstat1_total"][chronic].mean() / pstat1_peak),
        "u_isgf3_acute_fold": float(f["u_isgf3"][acute].max() / u_rest),
        "u_isgf3_chronic_fold": float(f["u_isgf3"][chronic].mean() / u_rest),
        "ifitm1_acute_peak_fold": float(f["ifitm1"][acute].max()),
        "ifitm1_chronic_fold": float(f["ifitm1"][chronic].mean()),
        "tunable_acute_peak_fold": float(f["tunable_isg"][acute].max()),
        "tunable_chronic_fold": float(f["tunable_isg"][chronic].mean()),
        "final_ifitm1_fold": float(f["ifitm1"].iloc[-1]),
        "final_tunable_fold": float(f["tunable_isg"].iloc[-1]),
    }
    curves = pd.DataFrame({
        "pstat1_of_peak": f["pstat1_total"] / pstat1_peak,
        "isgf3_of_peak": f["isgf3"] / max(f["isgf3"].max(), _TINY),
        "u_isgf3_fold": f["u_isgf3"] / u_rest,
    })
    marks = {"acute_until_h": ACUTE_WINDOW_H, "chronic_from_h": float(f.index[chronic][0]),
             "end_h": float(t[-1])}
    return Analysis(f, numbers, marks, curves)


def perturbation_vs_wild_type(
    dose_pM: float = 100.0,
    perturbations: Mapping[str, float | bool] | None = None,
    *,
    hours: float = 48.0,
) -> Analysis:
    """Simulate a perturbed cell and the unperturbed one under the same constant dose.

    Returns
    -------
    Analysis
        ``data`` has the two frames under the index levels ``cell`` (``"wild type"``,
        ``"perturbed"``) and ``time_h``.

    Examples
    --------
    >>> a = perturbation_vs_wild_type(100.0, {"usp18_knockdown": 0.8}, hours=24)
    >>> a.numbers["pstat1_auc_ratio"] > 1
    True
    """
    pert = dict(perturbations or {})
    wt = model.simulate(dose_pM, hours, dt_h=0.1).frame
    pt = model.simulate(dose_pM, hours, pert, dt_h=0.1).frame
    t = wt.index.to_numpy()
    auc_wt = float(np.trapezoid(wt["pstat1_total"], t))
    auc_pt = float(np.trapezoid(pt["pstat1_total"], t))
    numbers: dict[str, float | str] = {
        "pstat1_auc_wild_type": auc_wt,
        "pstat1_auc_perturbed": auc_pt,
        "pstat1_auc_ratio": auc_pt / auc_wt if auc_wt > 0 else float("nan"),
        "tunable_isg_final_wild_type": float(wt["tunable_isg"].iloc[-1]),
        "tunable_isg_final_perturbed": float(pt["tunable_isg"].iloc[-1]),
        "ifitm1_final_wild_type": float(wt["ifitm1"].iloc[-1]),
        "ifitm1_final_perturbed": float(pt["ifitm1"].iloc[-1]),
        "antiviral_final_perturbed": float(pt["antiviral"].iloc[-1]),
        "antiproliferative_final_perturbed": float(pt["antiproliferative"].iloc[-1]),
    }
    data = pd.concat({"wild type": wt, "perturbed": pt}, names=["cell", "time_h"])
    return Analysis(data, numbers)


def departure_from_rest(
    perturbations: Mapping[str, float | bool],
    readouts: Sequence[str],
    *,
    dose_pM: float = 100.0,
    hours: float = 48.0,
) -> Analysis:
    """Run one perturbed cell and read how far some readouts move from the resting cell's level.

    With ``dose_pM=0`` this is the perturbed cell at rest: a mutant can start away from the
    unperturbed cell's resting level (a STAT1-null cell makes less IFITM1).

    Parameters
    ----------
    perturbations : dict
        The perturbed cell (see :data:`ifnalpha.model.PERTURBATIONS`).
    readouts : sequence of str
        Readouts of :data:`ifnalpha.model.READOUTS` given relative to rest (fold over the
        unperturbed cell's resting level).
    dose_pM : float
        Constant IFN-α (pM); 0 for the cell at rest.
    hours : float
        Length of the run.

    Returns
    -------
    Analysis
        ``data`` is the run's frame; ``numbers`` holds ``largest_change`` (the largest
        ``|fold - 1|`` any of the readouts reaches over the run) and ``<readout>_final`` (each
        readout at the end, fold over rest).

    Examples
    --------
    >>> a = departure_from_rest({"stat2_y690f": True}, ["usp18", "socs1"], hours=24)
    >>> a.numbers["largest_change"] < 1e-6
    True
    >>> rest = departure_from_rest({"stat1_null": True}, ["ifitm1"], dose_pM=0.0, hours=24)
    >>> rest.numbers["ifitm1_final"] < 1
    True
    """
    if not isinstance(perturbations, Mapping):
        raise TypeError(f"`perturbations` must be a mapping, got {perturbations!r}")
    if isinstance(readouts, str) or not readouts:
        raise ValueError(f"`readouts` must hold at least one readout name, got {readouts!r}")
    folds = tuple(name for name, r in model.READOUTS.items() if r.relative_to_rest)
    names = [checks.choice(f"readouts[{i}]", name, folds) for i, name in enumerate(readouts)]
    f = model.simulate(checks.number("dose_pM", dose_pM, minimum=0),
                       checks.number("hours", hours, positive=True), dict(perturbations)).frame
    numbers: dict[str, float | str] = {
        "largest_change": float((f[names] - 1).abs().max().max())}
    numbers |= {f"{name}_final": float(f[name].iloc[-1]) for name in names}
    return Analysis(f, numbers)


# --- conditions side by side ----------------------------------------------------------------


def perturbation_table(
    dose_pM: float = 100.0,
    *,
    hours: float = 48.0,
    conditions: Mapping[str, Mapping[str, float | bool]] | None = None,
) -> Analysis:
    """Simulate each condition and read pSTAT1 exposure, gene classes and cell states.

    Parameters
    ----------
    dose_pM : float
        Constant IFN-α (pM).
    hours : float
        Length of each simulation; genes and states are read at the end.
    conditions : dict, optional
        Label → perturbations (default :data:`DEFAULT_CONDITIONS`).

    Returns
    -------
    Analysis
        ``data`` has one row per condition: ``pstat1_auc`` (fraction × h), ``tunable_isg``,
        ``ifitm1``, ``irf1`` (fold over rest), ``antiviral``, ``antiproliferative`` (0–1).

    Examples
    --------
    >>> a = perturbation_table(100.0, hours=24, conditions={"wt": {}, "KO": {"ifnar1_null": True}})
    >>> float(a.data.loc["KO", "tunable_isg"])
    1.0
    """
    conds = dict(DEFAULT_CONDITIONS if conditions is None else conditions)
    if not conds:
        raise ValueError("`conditions` must hold at least one condition, got {}")
    rows = {}
    for label, pert in conds.items():
        f = model.simulate(dose_pM, hours, pert, dt_h=0.1).frame
        rows[label] = {
            "pstat1_auc": float(np.trapezoid(f["pstat1_total"], f.index)),
            "tunable_isg": float(f["tunable_isg"].iloc[-1]),
            "ifitm1": float(f["ifitm1"].iloc[-1]),
            "irf1": float(f["irf1"].iloc[-1]),
            "antiviral": float(f["antiviral"].iloc[-1]),
            "antiproliferative": float(f["antiproliferative"].iloc[-1]),
        }
    data = pd.DataFrame.from_dict(rows, orient="index").round(12)
    ref = data.iloc[0]
    numbers: dict[str, float | str] = {"reference": str(data.index[0])}
    for label, row in data.iterrows():
        key = str(label).replace(" ", "_")
        numbers[f"{key}:pstat1_auc_vs_ref"] = (float(row["pstat1_auc"] / ref["pstat1_auc"])
                                               if ref["pstat1_auc"] > 0 else float("nan"))
        numbers[f"{key}:ifitm1"] = float(row["ifitm1"])
        numbers[f"{key}:tunable_isg"] = float(row["tunable_isg"])
    return Analysis(data, numbers)


def regimen_runs(
    regimens: Sequence[str] = ("hdi_maintenance", "peg_induction"),
    *,
    weeks: int = 3,
    scale: dosing.ExposureScale | None = None,
) -> Analysis:
    """Drive the model with dosing regimens and summarise the last week of each.

    Parameters
    ----------
    regimens : sequence of str
        Names in :data:`ifnalpha.model.dosing.REGIMENS`.
    weeks : int
        Weeks to simulate.
    scale : ExposureScale, optional
        Dose → concentration assumptions.

    Returns
    -------
    Analysis
        ``data`` has each regimen's frame under the index levels ``regimen`` and ``time_h``;
        ``curves`` adds ``time_d`` and ``ifn_of_peak`` (exposure as a fraction of that
        regimen's peak) on the same index.

    Examples
    --------
    >>> a = regimen_runs(("peg_induction",), weeks=2)
    >>> round(a.numbers["peg_induction:fraction_above_10pct"], 3)
    0.999
    """
    if isinstance(regimens, str) or not regimens:
        raise ValueError(f"`regimens` must hold at least one regimen name, got {regimens!r}")
    names = [checks.choice(f"regimens[{i}]", name, tuple(dosing.REGIMENS))
             for i, name in enumerate(regimens)]
    weeks = checks.integer("weeks", weeks, minimum=1)
    hours = dosing.HOURS_PER_WEEK * weeks
    last_week = hours - dosing.HOURS_PER_WEEK
    numbers: dict[str, float | str] = {}
    frames, curves = {}, {}
    for name in names:
        exp = dosing.regimen(name, weeks=weeks, scale=scale)
        f = model.simulate(exp, hours, dt_h=1.0).frame
        frames[name] = f
        conc = f["ifn_pM"]
        curves[name] = pd.DataFrame({
            "time_d": f.index.to_numpy() / dosing.HOURS_PER_DAY,
            "ifn_of_peak": conc / conc.max() if conc.max() > 0 else conc,
        }, index=f.index)
        last = f.index >= last_week
        summ = dosing.summarize(exp, last_week, hours)
        numbers[f"{name}:peak_pM"] = summ.peak_pM
        numbers[f"{name}:trough_over_peak"] = (summ.trough_pM / summ.peak_pM if summ.peak_pM
                                               else 0.0)
        numbers[f"{name}:fraction_above_10pct"] = summ.fraction_above_10pct_of_peak
        numbers[f"{name}:tunable_min_last_week"] = float(f["tunable_isg"][last].min())
        numbers[f"{name}:ifitm1_min_last_week"] = float(f["ifitm1"][last].min())
        numbers[f"{name}:antiviral_min_last_week"] = float(f["antiviral"][last].min())
        numbers[f"{name}:antiproliferative_last"] = float(f["antiproliferative"].iloc[-1])
    data = pd.concat(frames, names=["regimen", "time_h"])
    return Analysis(data, numbers, {"hours": hours},
                    pd.concat(curves, names=["regimen", "time_h"]))
