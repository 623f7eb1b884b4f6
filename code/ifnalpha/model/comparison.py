"""The book's model beside the fitted model of Kok et al. (2020), run through the same protocols.

Two protocols of the published study are run in both models:

* **dose response**: constant IFN-α at 0, 2.8, 28 and 1400 pM for 32 h;
* **double treatment**: a pre-dose at 0 h, then 1400 pM added at 24 h, observed to 32 h.

Both models report the readouts they share in the same units (see
:mod:`ifnalpha.model.reference`): ``pstat1_total`` as the phosphorylated fraction of all STAT1,
every other protein or mRNA relative to its own unstimulated steady state. For the double
treatment the re-stimulation peak is compared as an *amount* of phosphorylated STAT1
(fraction × total STAT1, which is what an immunoblot measures), relative to the peak of cells
that had no pre-dose.
Both models are educational here; neither result is clinical guidance.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ifnalpha import model
from ifnalpha.model import reference

__all__ = [
    "DOSES_PM",
    "MODELS",
    "PROTOCOL",
    "SHARED_READOUTS",
    "dose_response",
    "dose_response_figure",
    "peak_table",
    "protocol_numbers",
    "restimulation",
    "restimulation_figure",
    "restimulation_table",
]

#: The doses of the published dose-response experiments (pM), per the BioModels curation.
DOSES_PM: tuple[float, ...] = (0.0, 2.8, 28.0, 1400.0)

#: Model labels used in every frame and figure.
MODELS: tuple[str, str] = ("book model", "Kok et al. 2020")

#: Readouts both models report, with a label for figures.
SHARED_READOUTS: dict[str, str] = {
    "pstat1_total": "Phosphorylated STAT1 (fraction of total STAT1)",
    "usp18_mrna": "USP18 mRNA (fold over baseline)",
    "usp18": "USP18 protein (fold over baseline)",
    "socs1_mrna": "SOCS1 mRNA (fold over baseline)",
    "irf9": "IRF9 protein (fold over baseline)",
    "stat1": "Total STAT1 protein (fold over baseline)",
}

#: The double-treatment protocol of the published study: second dose (pM), its time and the
#: end of the run (hours).
PROTOCOL: dict[str, float] = {"second_dose_pM": 1400.0, "second_at_h": 24.0, "hours": 32.0}

_DT_H = 0.01
_COLOURS = {2.8: "#56B4E9", 28.0: "#0072B2", 1400.0: "#D55E00", 0.0: "#999999"}


def _check_doses(doses: Sequence[float], name: str) -> tuple[float, ...]:
    checked = []
    for dose in doses:
        if isinstance(dose, bool) or not isinstance(dose, int | float) or not np.isfinite(dose) \
                or dose < 0:
            raise ValueError(f"{name} must be finite, non-negative numbers in pM, got {dose!r}")
        checked.append(float(dose))
    if not checked:
        raise ValueError(f"{name} must not be empty")
    return tuple(checked)


def _check_hours(hours: float) -> float:
    if isinstance(hours, bool) or not isinstance(hours, int | float) or not np.isfinite(hours) \
            or hours <= 0:
        raise ValueError(f"hours must be a finite positive number, got {hours!r}")
    return float(hours)


def _tidy(frame: pd.DataFrame, model_name: str, extra: tuple[str, ...] = (),
          **labels: float) -> pd.DataFrame:
    columns = [c for c in SHARED_READOUTS if c in frame.columns] + list(extra)
    long = frame[columns].rename_axis("time_h").reset_index().melt(
        id_vars="time_h", var_name="readout", value_name="value")
    long.insert(0, "model", model_name)
    for offset, (key, value) in enumerate(labels.items(), start=1):
        long.insert(offset, key, value)
    return long


def dose_response(doses_pM: Sequence[float] = DOSES_PM, hours: float | None = None
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
    ValueError
        If a dose is negative, NaN, infinite or not a number, or `hours` is not positive.

    Examples
    --------
    >>> frame = dose_response([28.0], hours=2)
    >>> sorted(frame["model"].unique())
    ['Kok et al. 2020', 'book model']
    """
    doses = _check_doses(doses_pM, "doses_pM")
    hours = _check_hours(PROTOCOL["hours"] if hours is None else hours)
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


def peak_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Summarise a :func:`dose_response` frame: peak time and height of each readout.

    Parameters
    ----------
    frame : pandas.DataFrame
        Output of :func:`dose_response`.

    Returns
    -------
    pandas.DataFrame
        One row per (model, dose, readout) with ``peak_h``, ``peak`` and ``at_end`` (the value
        at the last time point), rounded for printing (times to 0.01 h, values to 3
        significant digits). Doses of 0 pM are left out (nothing peaks).

    Raises
    ------
    ValueError
        If the frame lacks the columns of :func:`dose_response`.
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
    ValueError
        On negative, NaN or infinite doses or times, or a second dose outside the run.

    Examples
    --------
    >>> frame = restimulation([0.0], hours=26, second_at_h=24)
    >>> "pstat1_amount" in set(frame["readout"])
    True
    """
    pres = _check_doses(pre_doses_pM, "pre_doses_pM")
    second_dose_pM = PROTOCOL["second_dose_pM"] if second_dose_pM is None else second_dose_pM
    (second,) = _check_doses([second_dose_pM], "second_dose_pM")
    hours = _check_hours(PROTOCOL["hours"] if hours is None else hours)
    at_h = _check_hours(PROTOCOL["second_at_h"] if second_at_h is None else second_at_h)
    if at_h >= hours:
        raise ValueError(f"second_at_h must lie inside the run (< {hours} h), got {second_at_h!r}")
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


def dose_response_figure(frame: pd.DataFrame,
                         readouts: Sequence[str] = ("pstat1_total", "usp18_mrna", "irf9")
                         ) -> Figure:
    """Draw the dose-response time courses of both models side by side.

    Parameters
    ----------
    frame : pandas.DataFrame
        Output of :func:`dose_response`.
    readouts : sequence of str
        Readouts to draw, one row of panels each (keys of :data:`SHARED_READOUTS`).

    Returns
    -------
    matplotlib.figure.Figure
        Rows: readouts; columns: the book's model, the published model. Shared y axis per row.

    Raises
    ------
    ValueError
        If a readout is unknown.
    """
    for readout in readouts:
        if readout not in SHARED_READOUTS:
            raise ValueError(f"unknown readout {readout!r}; choose from {list(SHARED_READOUTS)}")
    figure = Figure(figsize=(7.5, 2.3 * len(readouts) + 0.6), dpi=110, layout="constrained")
    axes = figure.subplots(len(readouts), 2, sharex=True, sharey="row", squeeze=False)
    for row, readout in enumerate(readouts):
        for col, model_name in enumerate(MODELS):
            ax = axes[row][col]
            data = frame[(frame["model"] == model_name) & (frame["readout"] == readout)]
            for dose, group in data.groupby("dose_pM"):
                ax.plot(group["time_h"], group["value"], color=_COLOURS.get(dose, "black"),
                        label=f"{dose:g} pM")
            if row == 0:
                ax.set_title(model_name)
            if col == 0:
                ax.set_ylabel(SHARED_READOUTS[readout], fontsize=8)
            if row == len(readouts) - 1:
                ax.set_xlabel("Time (h)")
    axes[0][1].legend(title="IFN-α", fontsize=8, frameon=False)
    figure.suptitle("Constant IFN-α: the book's model beside the fitted model")
    return figure


def restimulation_figure(frame: pd.DataFrame, second_at_h: float | None = None) -> Figure:
    """Draw the double treatment: phosphorylated STAT1 amount over time in both models.

    Parameters
    ----------
    frame : pandas.DataFrame
        Output of :func:`restimulation`.
    second_at_h : float, optional
        Time of the second dose, marked with a dashed line; default from :data:`PROTOCOL`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    second_at_h = PROTOCOL["second_at_h"] if second_at_h is None else second_at_h
    figure = Figure(figsize=(7.5, 3.0), dpi=110, layout="constrained")
    axes = figure.subplots(1, 2, sharey=False)
    for ax, model_name in zip(axes, MODELS, strict=True):
        data = frame[(frame["model"] == model_name) & (frame["readout"] == "pstat1_amount")]
        for pre, group in data.groupby("pre_dose_pM"):
            ax.plot(group["time_h"], group["value"], color=_COLOURS.get(pre, "black"),
                    label=f"{pre:g} pM")
        ax.axvline(second_at_h, color="black", linestyle="--", linewidth=0.8)
        ax.set_title(model_name)
        ax.set_xlabel("Time (h)")
    axes[0].set_ylabel("pSTAT1 (units of baseline total STAT1)", fontsize=8)
    axes[1].legend(title="Pre-dose at 0 h", fontsize=8, frameon=False)
    figure.suptitle("Pre-dose, then a second dose: desensitisation in both models")
    return figure


def _dose_key(dose: float) -> str:
    return f"{dose:g}".replace(".", "p")


def key_numbers(peaks: pd.DataFrame, restim: pd.DataFrame) -> dict[str, str]:
    """Format the numbers the comparison page states in its prose, keyed for ``glue``.

    Parameters
    ----------
    peaks : pandas.DataFrame
        Output of :func:`peak_table`.
    restim : pandas.DataFrame
        Output of :func:`restimulation_table`.

    Returns
    -------
    dict
        Keys such as ``ours-pstat1_total-peak_h-1400`` (hours, 2 decimals),
        ``kok-usp18_mrna-peak-1400`` (fold, 3 significant digits) and ``kok-ratio-2p8``
        (re-stimulation ratio, 2 decimals); ``ours`` is the book's model, ``kok`` the
        published one. Every (model, dose, readout) of `peaks` and every (model, pre-dose)
        of `restim` gets its keys.

    Examples
    --------
    >>> numbers = key_numbers(peak_table(dose_response([28.0], hours=3)),
    ...                       restimulation_table(restimulation([0.0], hours=25)))
    >>> numbers["kok-ratio-0"]
    '1.00'
    """
    short = {MODELS[0]: "ours", MODELS[1]: "kok"}
    numbers: dict[str, str] = {}
    for row in peaks.itertuples(index=False):
        base = f"{short[row.model]}-{row.readout}"
        dose = _dose_key(row.dose_pM)
        numbers[f"{base}-peak_h-{dose}"] = f"{row.peak_h:.2f}"
        numbers[f"{base}-peak-{dose}"] = f"{row.peak:.3g}"
        numbers[f"{base}-at_end-{dose}"] = f"{row.at_end:.3g}"
    for row in restim.itertuples(index=False):
        numbers[f"{short[row.model]}-ratio-{_dose_key(row.pre_dose_pM)}"] = f"{row.ratio:.2f}"
    return numbers



def protocol_numbers() -> dict[str, str]:
    """Format the protocols' doses and times for the page's prose, keyed for ``glue``.

    Returns
    -------
    dict
        ``dose-<d>`` for each of :data:`DOSES_PM` (e.g. ``dose-2p8`` → ``"2.8 pM"``),
        ``doses`` (all of them, e.g. ``"0, 2.8, 28 or 1400 pM"``), ``hours``, ``second-at-h``.

    Examples
    --------
    >>> protocol_numbers()["dose-2p8"]
    '2.8 pM'
    """
    numbers = {f"dose-{_dose_key(d)}": f"{d:g} pM" for d in DOSES_PM}
    labels = [f"{d:g}" for d in DOSES_PM]
    numbers["doses"] = f"{', '.join(labels[:-1])} or {labels[-1]} pM"
    numbers["hours"] = f"{PROTOCOL['hours']:g}"
    numbers["second-at-h"] = f"{PROTOCOL['second_at_h']:g}"
    return numbers
