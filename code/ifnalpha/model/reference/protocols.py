"""The protocols of Kok et al. (2020) run in their model: single doses, double treatment, peaks.

Part of :mod:`ifnalpha.model.reference` (its face re-exports the public names).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from ifnalpha import checks
from ifnalpha.model.reference.loading import (
    POINTS_PER_HOUR,
    UNITS_PER_PM,
    fresh_model,
    pM_to_model_units,
    species_course,
)
from ifnalpha.model.reference.readouts import KOK_READOUTS, ReferenceResult, readout_frame

__all__ = [
    "SECOND_AT_H",
    "SECOND_DOSE_PM",
    "STUDY_DOSES_PM",
    "STUDY_HOURS",
    "double_treatment",
    "peak",
    "peak_table",
    "restimulation_ratio",
    "simulate_reference",
]

#: The published study's single doses (pM): 100, 1000 and 50000 units of the BioModels curation.
STUDY_DOSES_PM: tuple[float, ...] = (2.8, 28.0, 1400.0)
#: The end of the published time courses (h): the model was fitted up to 32 h.
STUDY_HOURS: float = 32.0
#: The published double treatment: the second dose (pM) and its time (h).
SECOND_DOSE_PM: float = 1400.0
SECOND_AT_H: float = 24.0


def _grid(hours: float, n_points: int | None) -> np.ndarray:
    if n_points is None:
        n_points = max(2, round(hours * POINTS_PER_HOUR) + 1)
    return np.linspace(0.0, hours, checks.integer("n_points", n_points, minimum=2))


def simulate_reference(
    ifn_pM: float, hours: float = STUDY_HOURS, n_points: int | None = None
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
        ``.frame`` holds the readouts of :data:`KOK_READOUTS`, indexed by ``time_h``.

    Raises
    ------
    TypeError
        If ``ifn_pM``, ``hours`` or ``n_points`` has the wrong type.
    ValueError
        If ``ifn_pM``, ``hours`` or ``n_points`` is out of range.

    Examples
    --------
    >>> frame = simulate_reference(1400.0, hours=2.0).frame
    >>> frame.index.name, float(frame.index[-1])
    ('time_h', 2.0)
    >>> round(float(frame["usp18_mrna"].iloc[0]), 6)
    1.0

    """
    units = pM_to_model_units(ifn_pM)
    hours = checks.number("hours", hours, positive=True)
    times = _grid(hours, n_points)
    species = species_course(fresh_model(units), times)
    return ReferenceResult(readout_frame(species), species, ((0.0, float(ifn_pM)),))


def double_treatment(
    pre_dose_pM: float,
    second_dose_pM: float = SECOND_DOSE_PM,
    second_at_h: float = SECOND_AT_H,
    hours: float = STUDY_HOURS,
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
    TypeError
        If an argument has the wrong type.
    ValueError
        If an argument is invalid.

    Examples
    --------
    >>> result = double_treatment(0.0)
    >>> time_h, _ = peak(result.frame, "pstat1_total", start_h=24.0)
    >>> round(time_h, 2)
    24.17

    """
    pre_units = checks.number("pre_dose_pM", pre_dose_pM, minimum=0.0) * UNITS_PER_PM
    second_units = checks.number("second_dose_pM", second_dose_pM, minimum=0.0) * UNITS_PER_PM
    hours = checks.number("hours", hours, positive=True)
    second_at_h = checks.number("second_at_h", second_at_h)
    if not 0.0 < second_at_h < hours:
        raise ValueError(
            f"`second_at_h` must be between 0 and `hours` = {hours:g} (exclusive), "
            f"got {second_at_h!r}"
        )
    checks.choice("mode", mode, ("add", "replace"))
    grid = _grid(hours, n_points)
    grid = grid[np.abs(grid - second_at_h) > 1e-9 * hours]  # no near-duplicate of second_at_h
    times = np.union1d(grid, [second_at_h])
    rr = fresh_model(pre_units)
    first = species_course(rr, times[times <= second_at_h])
    ifn_now = rr.getValue("IFN")
    rr.setValue("IFN", ifn_now + second_units if mode == "add" else second_units)
    second = species_course(rr, times[times >= second_at_h])
    species = pd.concat([first.iloc[:-1], second])
    doses = ((0.0, float(pre_dose_pM)), (second_at_h, float(second_dose_pM)))
    return ReferenceResult(readout_frame(species), species, doses)


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
    checks.choice("column", column, list(frame.columns))
    times = frame.index.to_numpy(dtype=float)
    keep = np.ones(len(times), dtype=bool)
    if start_h is not None:
        keep &= times >= checks.number("start_h", start_h)
    if end_h is not None:
        keep &= times <= checks.number("end_h", end_h)
    if not keep.any():
        raise ValueError(f"no time points within start_h={start_h!r}, end_h={end_h!r}")
    values = frame[column].to_numpy(dtype=float)[keep]
    if not np.all(np.isfinite(values)):
        raise ValueError(f"column {column!r} holds values that are not finite")
    index = int(np.argmax(values))
    return float(times[keep][index]), float(values[index])


def peak_table(
    doses_pM: Sequence[float] = STUDY_DOSES_PM,
    columns: Sequence[str] = ("pstat1_total", "isgf3", "usp18_mrna", "irf9_mrna", "usp18"),
    hours: float = STUDY_HOURS,
) -> pd.DataFrame:
    """Tabulate peak times and heights of readouts after single doses.

    Parameters
    ----------
    doses_pM : sequence of float, default (2.8, 28.0, 1400.0)
        Doses at 0 h in pM.
    columns : sequence of str
        Readouts, keys of :data:`KOK_READOUTS`.
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
    names = [checks.choice("column", column, list(KOK_READOUTS)) for column in columns]
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
        series = result.amount(KOK_READOUTS["pstat1_total"].expression)
    else:
        series = result.frame["pstat1_total"]
    return peak(series.to_frame("pstat1"), "pstat1", start_h=second_at_h)[1]


_naive_peak = functools.cache(_restimulation_peak)


def restimulation_ratio(
    pre_dose_pM: float,
    second_dose_pM: float = SECOND_DOSE_PM,
    second_at_h: float = SECOND_AT_H,
    hours: float = STUDY_HOURS,
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
    checks.choice("basis", basis, ("amount", "fraction"))
    pre = checks.number("pre_dose_pM", pre_dose_pM, minimum=0.0)
    second = checks.number("second_dose_pM", second_dose_pM, positive=True)
    treated = _restimulation_peak(pre, second, second_at_h, hours, basis, mode)
    naive = _naive_peak(
        0.0, second, checks.number("second_at_h", second_at_h), checks.number("hours", hours),
        basis, mode,
    )
    return treated / naive
