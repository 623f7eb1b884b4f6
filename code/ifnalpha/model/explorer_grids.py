"""The book's model explorers precomputed: each explorer's controls as a grid, the model run on it.

The static HTML book has no Python: its explorers look their curves and key numbers up in data
computed here at build time. Each ``*_grid`` function runs the model over one explorer's grid
(:data:`GRIDS`) and returns an :class:`ExplorerGrid` of two tidy frames:

- ``curves``: one row per drawn value (the grid point's ``curve_axes``, then ``x``, ``series``
  and ``value``);
- ``numbers``: one row per grid point of ``number_axes``, with the key numbers of the figure the
  explorer redraws (the same analyses as the book's static figures).

Controls that only shorten the time axis (hours, weeks) are not separate runs: every run starting
at rest under a constant dose or a weekly schedule, a shorter run is the start of the longest one,
so ``curves`` holds the longest run and ``numbers`` is computed for each length. Values between
grid points are not computed.

The model is educational and qualitative, not clinical guidance.

Examples
--------
>>> g = dose_response_grid(hours=(72.0,), conditions=("wild type",))
>>> sorted(g.curves["series"].unique())
['antiproliferative', 'antiviral']
>>> float(g.numbers["ec50_ratio"].iloc[0]) > 100
True
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ifnalpha import checks, model
from ifnalpha.model import analyses, dosing
from ifnalpha.model.dose_analyses import cell_state_dose_response, dose_time_numbers

__all__ = ["AXES", "DOSES_PM", "GRIDS", "ExplorerGrid", "acute_chronic_grid", "display_times",
           "dose_response_grid", "dose_time_grid", "perturbations_grid", "regimens_grid",
           "time_course_grid"]

#: Constant doses of the explorers with a dose control: one per decade, 0.1 pM to 100 nM.
DOSES_PM: tuple[float, ...] = tuple(float(d) for d in 10.0 ** np.arange(-1, 6))

#: The readouts the dose × time explorer offers.
DOSE_TIME_READOUTS = ("ifitm1", "tunable_isg", "irf1", "pstat1_total", "isgf3", "u_isgf3",
                      "usp18", "socs1", "stat1", "antiviral", "antiproliferative")

#: The dose × time explorer's doses: those of the book's static heatmap (four per decade).
DOSE_TIME_DOSES_PM: tuple[float, ...] = tuple(float(d) for d in np.logspace(-1, 5, 25))

#: Every explorer's grid, by explorer and axis: the defaults of the ``*_grid`` functions.
AXES: dict[str, dict[str, tuple]] = {
    "time_course": {"dose_pM": DOSES_PM, "usp18_knockdown": (0.0, 0.5, 0.9),
                    "socs1_knockdown": (0.0, 0.5, 0.9), "jak_inhibition": (0.0, 0.5, 0.9),
                    "irf9_overexpression": (1.0, 2.0, 5.0), "hours": (24.0, 72.0, 168.0)},
    "dose_time": {"condition": tuple(analyses.DEFAULT_CONDITIONS),
                  "readout": DOSE_TIME_READOUTS, "hours": (24.0, 48.0, 72.0, 120.0, 168.0)},
    "acute_chronic": {"dose_pM": DOSES_PM, "jak_inhibition": (0.0, 0.5, 0.9),
                      "inhibitor_from_h": (24.0, 48.0), "washout": (False, True),
                      "hours": (72.0, 120.0, 168.0)},
    "perturbations": {"dose_pM": DOSES_PM,
                      "condition": tuple(c for c in analyses.DEFAULT_CONDITIONS
                                         if c != "wild type"),
                      "hours": (24.0, 48.0, 72.0)},
    "regimens": {"regimen": tuple(dosing.REGIMENS),
                 # the fitted volume of distribution, a quarter and twice of it
                 "volume_L_per_kg_ifn": tuple(round(dosing.DEFAULT_SCALE.volume_L_per_kg_ifn * f,
                                                    3) for f in (0.25, 1.0, 2.0)),
                 "weeks": (1, 2, 3, 4)},
    "dose_response": {"hours": (24.0, 48.0, 72.0, 120.0, 168.0),
                      "condition": tuple(analyses.DEFAULT_CONDITIONS)},
}
_A = AXES

_TIME_COURSE_SERIES = ("pstat1_total", "pstat2_total", "isgf3", "aaf", "u_isgf3", "ifitm1",
                       "tunable_isg", "irf1", "usp18", "socs1", "antiviral", "antiproliferative")
_PERTURBATION_SERIES = ("pstat1_total", "isgf3", "u_isgf3", "tunable_isg", "ifitm1", "irf1",
                        "antiviral", "antiproliferative")
_REGIMEN_SERIES = ("ifn_pM", "tunable_isg", "ifitm1", "antiviral", "antiproliferative")


@dataclass(frozen=True)
class ExplorerGrid:
    """One explorer's grid and the model's values at every grid point.

    Attributes
    ----------
    name : str
        The explorer (a key of :data:`GRIDS`).
    axes : dict of str to tuple
        Every grid axis and its values, in order.
    curve_axes : tuple of str
        The axes that select a set of curves (a run).
    number_axes : tuple of str
        The axes that select a row of key numbers.
    curves : pandas.DataFrame
        Columns ``curve_axes``, ``x``, ``series``, ``value``.
    numbers : pandas.DataFrame
        Columns ``number_axes``, then one column per key number.
    """

    name: str
    axes: dict[str, tuple]
    curve_axes: tuple[str, ...]
    number_axes: tuple[str, ...]
    curves: pd.DataFrame
    numbers: pd.DataFrame


def display_times(hours: float, late_step_h: float = 2.0) -> np.ndarray:
    """Return the times (h) at which the explorers draw a time course of `hours`.

    Every 0.1 h for the first 2 h (the pSTAT1 peak), every 0.5 h to 12 h, every `late_step_h`
    after.

    Examples
    --------
    >>> display_times(24.0)[[0, 1, -1]].tolist()
    [0.0, 0.1, 24.0]
    """
    hours = checks.number("hours", hours, positive=True)
    step = checks.number("late_step_h", late_step_h, positive=True)
    parts = (np.arange(0, 2, 0.1), np.arange(2, 12, 0.5), np.arange(12, hours + 1e-9, step))
    t = np.round(np.concatenate(parts), 6)
    return t[t <= hours]


def _tidy(rows: list[pd.DataFrame]) -> pd.DataFrame:
    return pd.concat(rows, ignore_index=True)


def _long(keys: Mapping[str, Any], frame: pd.DataFrame, series: Sequence[str],
          times: np.ndarray | None = None, prefix: str = "") -> pd.DataFrame:
    """Melt the `series` columns of a frame indexed by time into tidy rows tagged with `keys`."""
    f = frame if times is None else frame.loc[frame.index.intersection(times)]
    out = f[list(series)].rename_axis("x").reset_index().melt(
        id_vars="x", var_name="series", value_name="value")
    if prefix:
        out["series"] = prefix + out["series"]
    for k, v in keys.items():
        out.insert(0, k, v)
    return out


def _grid(axes: Mapping[str, Sequence]) -> list[dict[str, Any]]:
    return [dict(zip(axes, combo, strict=True)) for combo in itertools.product(*axes.values())]


def time_course_grid(
    *,
    doses_pM: Sequence[float] = _A["time_course"]["dose_pM"],
    knockdowns: Sequence[float] = _A["time_course"]["usp18_knockdown"],
    jak: Sequence[float] = _A["time_course"]["jak_inhibition"],
    irf9: Sequence[float] = _A["time_course"]["irf9_overexpression"],
    hours: Sequence[float] = _A["time_course"]["hours"],
) -> ExplorerGrid:
    """Run the time-course explorer's grid: dose × USP18 and SOCS1 knockdowns × JAK × IRF9.

    Key numbers: :func:`ifnalpha.model.analyses.summarize_time_course` for each length.
    """
    axes = {"dose_pM": tuple(doses_pM), "usp18_knockdown": tuple(knockdowns),
            "socs1_knockdown": tuple(knockdowns), "jak_inhibition": tuple(jak),
            "irf9_overexpression": tuple(irf9)}
    longest = max(hours)
    times = display_times(longest, late_step_h=4.0)  # the largest grid: coarser after 12 h
    curves, numbers = [], []
    for point in _grid(axes):
        pert = {k: v for k, v in point.items()
                if k != "dose_pM" and v != model.PERTURBATIONS[k].default}
        res = model.simulate(point["dose_pM"], longest, pert)
        curves.append(_long(point, res.frame, _TIME_COURSE_SERIES, times))
        for h in hours:
            part = dataclasses.replace(res, frame=res.frame.loc[:h])
            numbers.append({**point, "hours": h,
                            **analyses.summarize_time_course(part).numbers})
    return ExplorerGrid("time_course", {**axes, "hours": tuple(hours)}, tuple(axes),
                        (*axes, "hours"), _tidy(curves), pd.DataFrame(numbers))


def dose_time_grid(
    *,
    readouts: Sequence[str] = _A["dose_time"]["readout"],
    conditions: Sequence[str] = _A["dose_time"]["condition"],
    hours: Sequence[float] = _A["dose_time"]["hours"],
    doses_pM: Sequence[float] = DOSE_TIME_DOSES_PM,
) -> ExplorerGrid:
    """Run the dose × time explorer's grid: one sweep over doses per cell, every readout.

    Curves: ``series`` is the dose, ``x`` the time (hourly to 24 h, then every 3 h). Key numbers:
    :func:`ifnalpha.model.dose_analyses.dose_time_numbers` on the hourly sweep up to each length.
    """
    longest = max(hours)
    shown = np.concatenate([np.arange(0, 24), np.arange(24, longest + 1e-9, 3.0)])
    curves, numbers = [], []
    for cond in conditions:
        sw = model.sweep(list(doses_pM), longest,
                         perturbations=analyses.DEFAULT_CONDITIONS[cond], dt_h=1.0)
        keep = np.isin(np.round(sw.time_h, 6), shown)
        for readout in readouts:
            z = pd.DataFrame(sw.readout(readout)[0], index=pd.Index(doses_pM, name="dose_pM"),
                             columns=sw.time_h)
            part = z.loc[:, keep].T.rename_axis("x")
            long = part.reset_index().melt(id_vars="x", var_name="series", value_name="value")
            long.insert(0, "readout", readout)
            long.insert(0, "condition", cond)
            curves.append(long)
            for h in hours:
                numbers.append({"condition": cond, "readout": readout, "hours": h,
                                **dose_time_numbers(readout, z.loc[:, z.columns <= h])})
    axes = {"condition": tuple(conditions), "readout": tuple(readouts), "hours": tuple(hours)}
    return ExplorerGrid("dose_time", axes, ("condition", "readout"),
                        ("condition", "readout", "hours"), _tidy(curves), pd.DataFrame(numbers))


def acute_chronic_grid(
    *,
    doses_pM: Sequence[float] = _A["acute_chronic"]["dose_pM"],
    jak: Sequence[float] = _A["acute_chronic"]["jak_inhibition"],
    inhibitor_from_h: Sequence[float] = _A["acute_chronic"]["inhibitor_from_h"],
    hours: Sequence[float] = _A["acute_chronic"]["hours"],
) -> ExplorerGrid:
    """Run the acute vs chronic explorer's grid: dose × JAK inhibitor × its start × washout.

    Key numbers: :func:`ifnalpha.model.analyses.acute_chronic_phases` at each length, with its
    window edges (``acute_until_h``, ``chronic_from_h``, ``end_h``).
    """
    axes = {"dose_pM": tuple(doses_pM), "jak_inhibition": tuple(jak),
            "inhibitor_from_h": tuple(inhibitor_from_h), "washout": (False, True)}
    curves, numbers = [], []
    for point in _grid(axes):
        run = {"jak_inhibition": point["jak_inhibition"],
               "inhibitor_from_h": point["inhibitor_from_h"],
               "washout_at_h": point["inhibitor_from_h"] if point["washout"] else None}
        for h in sorted(hours, reverse=True):
            a = analyses.acute_chronic_phases(point["dose_pM"], hours=h, **run)
            if h == max(hours):
                frame = pd.concat([a.curves, a.data[["ifitm1", "tunable_isg"]]], axis=1)
                frame = frame.loc[~frame.index.duplicated()]
                curves.append(_long(point, frame, list(frame.columns),
                                    display_times(h)))
            numbers.append({**point, "hours": h, **a.numbers, **a.marks})
    return ExplorerGrid("acute_chronic", {**axes, "hours": tuple(hours)}, tuple(axes),
                        (*axes, "hours"), _tidy(curves), pd.DataFrame(numbers))


def perturbations_grid(
    *,
    doses_pM: Sequence[float] = _A["perturbations"]["dose_pM"],
    hours: Sequence[float] = _A["perturbations"]["hours"],
    conditions: Sequence[str] = _A["perturbations"]["condition"],
) -> ExplorerGrid:
    """Run the perturbation explorer's grid: dose × perturbed cell, beside the unperturbed cell.

    Series are named ``perturbed:<readout>`` and ``wild type:<readout>``. Key numbers:
    :func:`ifnalpha.model.analyses.perturbation_vs_wild_type` at each length.
    """
    axes = {"dose_pM": tuple(doses_pM), "condition": tuple(conditions)}
    longest = max(hours)
    times = display_times(longest)
    curves, numbers = [], []
    for point in _grid(axes):
        pert = analyses.DEFAULT_CONDITIONS[point["condition"]]
        for h in sorted(hours, reverse=True):
            a = analyses.perturbation_vs_wild_type(point["dose_pM"], pert, hours=h)
            if h == longest:
                for cell in ("wild type", "perturbed"):
                    curves.append(_long(point, a.data.loc[cell], _PERTURBATION_SERIES, times,
                                        prefix=f"{cell}:"))
            numbers.append({**point, "hours": h, **a.numbers})
    return ExplorerGrid("perturbations", {**axes, "hours": tuple(hours)}, tuple(axes),
                        (*axes, "hours"), _tidy(curves), pd.DataFrame(numbers))


def regimens_grid(
    *,
    regimens: Sequence[str] = _A["regimens"]["regimen"],
    volumes_L_per_kg: Sequence[float] = _A["regimens"]["volume_L_per_kg_ifn"],
    weeks: Sequence[int] = _A["regimens"]["weeks"],
) -> ExplorerGrid:
    """Run the dosing-regimen explorer's grid: regimen × assumed IFN-α2b volume of distribution.

    Curves every 2 h of the longest run (``x`` in hours); ``ifn_pM`` is the exposure. Key
    numbers: :func:`ifnalpha.model.analyses.regimen_runs` for each number of weeks, without the
    regimen's name in their keys.
    """
    axes = {"regimen": tuple(regimens), "volume_L_per_kg_ifn": tuple(volumes_L_per_kg)}
    longest = max(weeks)
    curves, numbers = [], []
    for point in _grid(axes):
        name = point["regimen"]
        scale = dosing.ExposureScale(volume_L_per_kg_ifn=point["volume_L_per_kg_ifn"])
        for w in sorted(weeks, reverse=True):
            a = analyses.regimen_runs((name,), weeks=w, scale=scale)
            if w == longest:
                frame = a.data.loc[name]
                curves.append(_long(point, frame.iloc[::2], _REGIMEN_SERIES))
            numbers.append({**point, "weeks": w,
                            **{k.split(":", 1)[1]: v for k, v in a.numbers.items()}})
    return ExplorerGrid("regimens", {**axes, "weeks": tuple(weeks)}, tuple(axes),
                        (*axes, "weeks"), _tidy(curves), pd.DataFrame(numbers))


def dose_response_grid(
    *,
    hours: Sequence[float] = _A["dose_response"]["hours"],
    conditions: Sequence[str] = _A["dose_response"]["condition"],
) -> ExplorerGrid:
    """Run the dose–response explorer's grid: duration × cell, 31 doses each (``x``, pM).

    Key numbers: :func:`ifnalpha.model.dose_analyses.cell_state_dose_response`.
    """
    axes = {"hours": tuple(hours), "condition": tuple(conditions)}
    curves, numbers = [], []
    for point in _grid(axes):
        a = cell_state_dose_response(point["hours"],
                                     perturbations=analyses.DEFAULT_CONDITIONS[point["condition"]])
        curves.append(_long(point, a.data, list(a.data.columns)))
        numbers.append({**point, **a.numbers})
    return ExplorerGrid("dose_response", axes, tuple(axes), tuple(axes), _tidy(curves),
                        pd.DataFrame(numbers))


#: Every explorer's grid function, by explorer name (the keys of
#: :data:`ifnalpha.book.explorers.EXPLORERS`).
GRIDS: dict[str, Callable[..., ExplorerGrid]] = {
    "time_course": time_course_grid,
    "dose_time": dose_time_grid,
    "acute_chronic": acute_chronic_grid,
    "perturbations": perturbations_grid,
    "regimens": regimens_grid,
    "dose_response": dose_response_grid,
}
