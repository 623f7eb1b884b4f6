"""The book's model beside the fitted model of Kok et al. (2020), run through the same protocols.

Two protocols of the published study are run in both models:

* **dose response**: constant IFN-α at 0, 2.8, 28 and 1400 pM for 32 h;
* **double treatment**: a pre-dose at 0 h, then 1400 pM added at 24 h, observed to 32 h.

Both models report the readouts they share in the same units (see
:mod:`ifnalpha.model.reference`): ``pstat1_total`` as the phosphorylated fraction of all STAT1,
every other protein or mRNA relative to its own unstimulated steady state. For the double
treatment the re-stimulation peak is compared as an *amount* of phosphorylated STAT1
(fraction × total STAT1, which is what an immunoblot measures), relative to the peak of cells
that had no pre-dose. This module computes; the figures are drawn by
:mod:`ifnalpha.book.comparison_figures` and the page's numbers are formatted by
:func:`ifnalpha.book.model_pages.fitted_model_texts`.
Both models are educational here; neither result is clinical guidance.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ifnalpha import checks, model
from ifnalpha.model import reference

__all__ = [
    "DOSES_PM",
    "MODELS",
    "PROTOCOL",
    "SHARED_READOUTS",
    "dose_response_runs",
    "peak_summary",
    "restimulation",
    "restimulation_table",
]

#: The doses of the published dose-response experiments (pM), per the BioModels curation, and
#: the unstimulated control (:data:`ifnalpha.model.reference.STUDY_DOSES_PM` and 0).
DOSES_PM: tuple[float, ...] = (0.0, *reference.STUDY_DOSES_PM)

#: Model labels used in every frame and figure.
MODELS: tuple[str, str] = ("book model", "Kok et al. 2020")


def _axis_label(name: str) -> str:
    readout = model.READOUTS[name]
    unit = "fold over rest" if readout.relative_to_rest else readout.unit
    return f"{readout.label} ({unit})"


#: Readouts both models report, with a label for figures and tables (from the book model's
#: readout declarations, :data:`ifnalpha.model.READOUTS`).
SHARED_READOUTS: dict[str, str] = {
    name: _axis_label(name)
    for name in ("pstat1_total", "usp18_mrna", "usp18", "socs1_mrna", "irf9", "stat1")
}

#: The double-treatment protocol of the published study: second dose (pM), its time and the
#: end of the run (hours), as :mod:`ifnalpha.model.reference` declares them.
PROTOCOL: dict[str, float] = {"second_dose_pM": reference.SECOND_DOSE_PM,
                              "second_at_h": reference.SECOND_AT_H, "hours": reference.STUDY_HOURS}

_DT_H = 0.01


def _tidy(frame: pd.DataFrame, model_name: str, extra: tuple[str, ...] = (),
          **labels: float) -> pd.DataFrame:
    columns = [c for c in SHARED_READOUTS if c in frame.columns] + list(extra)
    long = frame[columns].rename_axis("time_h").reset_index().melt(
        id_vars="time_h", var_name="readout", value_name="value")
    long.insert(0, "model", model_name)
    for offset, (key, value) in enumerate(labels.items(), start=1):
        long.insert(offset, key, value)
    return long


def dose_response_runs(doses_pM: Sequence[float] = DOSES_PM, hours: float | None = None
                       ) -> pd.DataFrame:
    """Run constant doses in both models and return the shared readouts as a tidy frame.

    Parameters
    ----------
    doses_pM : sequence of float
        Constant IFN-α concentrations in pM (default: the published 0, 2.8, 28, 1400 pM).
    hours : float, optional
        Length of each run in hours (default from :data:`PROTOCOL`: 32, the study's longest
        time course).

    Returns
    -------
    pandas.DataFrame
        Columns ``model``, ``dose_pM``, ``time_h``, ``readout``, ``value`` on a 0.01 h grid.

    Raises
    ------
    TypeError
        If a dose or `hours` is not a number.
    ValueError
        If a dose is negative, NaN or infinite, or `hours` is not positive.

    Examples
    --------
    >>> frame = dose_response_runs([28.0], hours=2)
    >>> sorted(frame["model"].unique())
    ['Kok et al. 2020', 'book model']
    """
    doses = checks.numbers("doses_pM", doses_pM, minimum=0.0)
    hours = checks.number("hours", PROTOCOL["hours"] if hours is None else hours, positive=True)
    parts = []
    for dose in doses:
        ours = model.simulate(dose, hours, dt_h=_DT_H).frame
        kok = reference.simulate_reference(dose, hours).frame
        parts.append(_tidy(ours, MODELS[0], dose_pM=dose))
        parts.append(_tidy(kok, MODELS[1], dose_pM=dose))
    return pd.concat(parts, ignore_index=True)


def _peak(series: pd.Series) -> tuple[float, float]:
    position = int(np.argmax(series.to_numpy()))
    return float(series.index[position]), float(series.iloc[position])


def peak_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Summarise a :func:`dose_response_runs` frame: peak time and height of each readout.

    Parameters
    ----------
    frame : pandas.DataFrame
        Output of :func:`dose_response_runs`.

    Returns
    -------
    pandas.DataFrame
        One row per (model, dose, readout) with ``peak_h``, ``peak`` and ``at_end`` (the value
        at the last time point), rounded for printing (times to 0.01 h, values to 3
        significant digits). Doses of 0 pM are left out (nothing peaks).

    Raises
    ------
    ValueError
        If the frame lacks the columns of :func:`dose_response_runs`.
    """
    needed = {"model", "dose_pM", "time_h", "readout", "value"}
    if not needed <= set(frame.columns):
        raise ValueError(f"frame lacks columns {sorted(needed - set(frame.columns))}")
    rows = []
    for (model_name, dose, readout), group in frame.groupby(
            ["model", "dose_pM", "readout"], sort=False):
        if dose == 0:
            continue
        series = group.set_index("time_h")["value"]
        peak_h, peak = _peak(series)
        rows.append({"model": model_name, "dose_pM": dose, "readout": readout,
                     "peak_h": round(peak_h, 2), "peak": float(f"{peak:.3g}"),
                     "at_end": float(f"{float(series.iloc[-1]):.3g}")})
    return pd.DataFrame(rows)


def _ours_double(pre: float, second: float, at_h: float, hours: float) -> pd.DataFrame:
    first = model.simulate(pre, at_h, dt_h=_DT_H)
    rest = model.simulate(pre + second, hours - at_h, start=first.final_state, dt_h=_DT_H)
    return pd.concat([first.frame.iloc[:-1], rest.frame])


def restimulation(pre_doses_pM: Sequence[float] = DOSES_PM, second_dose_pM: float | None = None,
                  second_at_h: float | None = None, hours: float | None = None) -> pd.DataFrame:
    """Run the double treatment in both models.

    In the book's model the IFN-α concentration is imposed, so the second dose raises it from
    the pre-dose to pre-dose + second dose. In the published model IFN is a species consumed by
    receptor binding, and the second dose is added to what is left (``mode="add"`` of
    :func:`ifnalpha.model.reference.double_treatment`).

    Parameters
    ----------
    pre_doses_pM : sequence of float
        Pre-doses given at 0 h (pM).
    second_dose_pM : float, optional
        Dose added at `second_at_h` (pM); default from :data:`PROTOCOL` (1400).
    second_at_h : float, optional
        Time of the second dose in hours; default from :data:`PROTOCOL` (24).
    hours : float, optional
        End of the run in hours; default from :data:`PROTOCOL` (32).

    Returns
    -------
    pandas.DataFrame
        Tidy frame with columns ``model``, ``pre_dose_pM``, ``time_h``, ``readout``, ``value``;
        the readout ``pstat1_amount`` (phosphorylated STAT1 in units of baseline total STAT1)
        is added to the shared ones.

    Raises
    ------
    TypeError
        If a dose or time is not a number.
    ValueError
        On negative, NaN or infinite doses or times, or a second dose outside the run.

    Examples
    --------
    >>> frame = restimulation([0.0], hours=26, second_at_h=24)
    >>> "pstat1_amount" in set(frame["readout"])
    True
    """
    pres = checks.numbers("pre_doses_pM", pre_doses_pM, minimum=0.0)
    second = checks.number(
        "second_dose_pM", PROTOCOL["second_dose_pM"] if second_dose_pM is None else second_dose_pM,
        minimum=0.0)
    hours = checks.number("hours", PROTOCOL["hours"] if hours is None else hours, positive=True)
    at_h = checks.number("second_at_h",
                         PROTOCOL["second_at_h"] if second_at_h is None else second_at_h,
                         positive=True)
    if at_h >= hours:
        raise ValueError(f"`second_at_h` must be < `hours` = {hours:g}, got {second_at_h!r}")
    parts = []
    for pre in pres:
        ours = _ours_double(pre, second, at_h, hours)
        kok = reference.double_treatment(pre, second, at_h, hours).frame
        for name, frame in ((MODELS[0], ours), (MODELS[1], kok)):
            frame = frame.copy()
            frame["pstat1_amount"] = frame["pstat1_total"] * frame["stat1"]
            parts.append(_tidy(frame, name, ("pstat1_amount",), pre_dose_pM=pre))
    return pd.concat(parts, ignore_index=True)


def restimulation_table(frame: pd.DataFrame, second_at_h: float | None = None) -> pd.DataFrame:
    """Summarise :func:`restimulation`: the re-stimulation peak relative to no pre-dose.

    Parameters
    ----------
    frame : pandas.DataFrame
        Output of :func:`restimulation`; must include pre-dose 0.
    second_at_h : float, optional
        Time of the second dose (the peak is taken after it); default from :data:`PROTOCOL`.

    Returns
    -------
    pandas.DataFrame
        One row per (model, pre-dose): ``peak_h`` (hours after the second dose), ``peak_amount``
        and ``ratio`` (peak amount relative to the same model's peak without pre-dose), rounded
        to 3 significant digits.

    Raises
    ------
    ValueError
        If the frame has no pre-dose of 0 pM for a model.
    """
    second_at_h = PROTOCOL["second_at_h"] if second_at_h is None else second_at_h
    rows = []
    data = frame[(frame["readout"] == "pstat1_amount") & (frame["time_h"] > second_at_h)]
    for model_name, group in data.groupby("model", sort=False):
        peaks = {pre: _peak(g.set_index("time_h")["value"])
                 for pre, g in group.groupby("pre_dose_pM")}
        if 0.0 not in peaks:
            raise ValueError(f"{model_name}: restimulation frame needs a pre-dose of 0 pM")
        naive = peaks[0.0][1]
        for pre, (peak_h, peak) in peaks.items():
            rows.append({"model": model_name, "pre_dose_pM": pre,
                         "peak_h": round(peak_h - second_at_h, 2),
                         "peak_amount": float(f"{peak:.3g}"),
                         "ratio": float(f"{peak / naive:.3g}")})
    return pd.DataFrame(rows)
