"""Figures of the comparison between the book's model and the fitted model of Kok et al. (2020).

The runs and tables come from :mod:`ifnalpha.model.comparison`; this module only draws them.
Both models are educational here; neither result is clinical guidance.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure

from ifnalpha import checks
from ifnalpha.book import palette
from ifnalpha.book.figure import DISCLAIMER, BookFigure
from ifnalpha.model import comparison

__all__ = ["dose_response_figure", "restimulation_figure"]

def dose_response_figure(frame: pd.DataFrame,
                         readouts: Sequence[str] = ("pstat1_total", "usp18_mrna", "irf9")
                         ) -> BookFigure:
    """Draw the dose-response time courses of both models side by side.

    Parameters
    ----------
    frame : pandas.DataFrame
        Output of :func:`ifnalpha.model.comparison.dose_response_runs`.
    readouts : sequence of str
        Readouts to draw, one row of panels each (keys of
        :data:`ifnalpha.model.comparison.SHARED_READOUTS`).

    Returns
    -------
    BookFigure
        Rows: readouts; columns: the book's model, the published model. Shared y axis per row.
        ``numbers``: the time (h) and height of each readout's peak at the highest dose, per
        model (from :func:`ifnalpha.model.comparison.peak_summary`).

    Raises
    ------
    ValueError
        If a readout is unknown.

    Examples
    --------
    >>> runs = comparison.dose_response_runs([28.0], hours=2)
    >>> len(dose_response_figure(runs, ["pstat1_total"]).figure.axes)
    2
    """
    for readout in readouts:
        checks.choice("readouts", readout, comparison.SHARED_READOUTS)
    figure = Figure(figsize=(7.5, 2.3 * len(readouts) + 0.6), dpi=110, layout="constrained")
    axes = figure.subplots(len(readouts), 2, sharex=True, sharey="row", squeeze=False)
    for row, readout in enumerate(readouts):
        for col, model_name in enumerate(comparison.MODELS):
            ax = axes[row][col]
            data = frame[(frame["model"] == model_name) & (frame["readout"] == readout)]
            for dose, group in data.groupby("dose_pM"):
                ax.plot(group["time_h"], group["value"], color=palette.dose_colour(dose),
                        label=f"{dose:g} pM")
            if row == 0:
                ax.set_title(model_name)
            if col == 0:
                ax.set_ylabel(comparison.SHARED_READOUTS[readout], fontsize=8)
            if row == len(readouts) - 1:
                ax.set_xlabel("Time (h)")
    axes[0][1].legend(title="IFN-α", fontsize=8, frameon=False)
    title = "Constant IFN-α: the book's model beside the fitted model"
    figure.suptitle(title)
    peaks = comparison.peak_summary(frame)
    peaks = peaks[peaks["readout"].isin(list(readouts))] if len(peaks) else peaks
    top = peaks[peaks["dose_pM"] == peaks["dose_pM"].max()] if len(peaks) else peaks
    numbers: dict[str, float | str] = {}
    for row in top.itertuples():
        numbers[f"{row.model}:{row.readout}:peak_h"] = float(row.peak_h)
        numbers[f"{row.model}:{row.readout}:peak"] = float(row.peak)
    doses = ", ".join(f"{d:g}" for d in sorted(frame["dose_pM"].unique()))
    shown = "; ".join(comparison.SHARED_READOUTS[r] for r in readouts)
    caption = (f"Constant IFN-α at {doses} pM in the book's model (left) and the fitted model "
               f"of Kok et al. 2020 (right), one row per readout: {shown}. {DISCLAIMER}")
    alt = (f"A grid of line panels against time in hours, {len(readouts)} rows by 2 columns, "
           "one line per dose, coloured from light blue (low) to orange (high), no IFN in grey. "
           + caption)
    return BookFigure(figure, title, caption, alt, numbers, frame)


def restimulation_figure(frame: pd.DataFrame, second_at_h: float | None = None) -> BookFigure:
    """Draw the double treatment: phosphorylated STAT1 amount over time in both models.

    Parameters
    ----------
    frame : pandas.DataFrame
        Output of :func:`ifnalpha.model.comparison.restimulation`.
    second_at_h : float, optional
        Time of the second dose, marked with a dashed line; default from
        :data:`ifnalpha.model.comparison.PROTOCOL`.

    Returns
    -------
    BookFigure
        ``numbers``: the second peak relative to no pre-dose, per model and pre-dose (from
        :func:`ifnalpha.model.comparison.restimulation_table`).

    Raises
    ------
    ValueError
        If the frame has no pre-dose of 0 pM for a model.
    """
    second_at_h = comparison.PROTOCOL["second_at_h"] if second_at_h is None else second_at_h
    figure = Figure(figsize=(7.5, 3.0), dpi=110, layout="constrained")
    axes = figure.subplots(1, 2, sharey=False)
    for ax, model_name in zip(axes, comparison.MODELS, strict=True):
        data = frame[(frame["model"] == model_name) & (frame["readout"] == "pstat1_amount")]
        for pre, group in data.groupby("pre_dose_pM"):
            ax.plot(group["time_h"], group["value"], color=palette.dose_colour(pre),
                    label=f"{pre:g} pM")
        ax.axvline(second_at_h, color=palette.INPUT, linestyle="--", linewidth=0.8)
        ax.set_title(model_name)
        ax.set_xlabel("Time (h)")
    axes[0].set_ylabel("pSTAT1 (units of baseline total STAT1)", fontsize=8)
    axes[1].legend(title="Pre-dose at 0 h", fontsize=8, frameon=False)
    title = "Pre-dose, then a second dose: desensitisation in both models"
    figure.suptitle(title)
    table = comparison.restimulation_table(frame, second_at_h)
    numbers: dict[str, float | str] = {
        f"{row.model}:{row.pre_dose_pM:g} pM:ratio": float(row.ratio)
        for row in table.itertuples()}
    strongest = table[table["pre_dose_pM"] == table["pre_dose_pM"].max()]
    ratios = " and ".join(f"{row.ratio:.0%} ({row.model})" for row in strongest.itertuples())
    caption = (f"pSTAT1 in both models after a pre-dose at 0 h and a second dose at "
               f"{second_at_h:g} h (dashed). After the highest pre-dose "
               f"({table['pre_dose_pM'].max():g} pM) the second peak is, relative to the peak "
               f"without pre-dose, {ratios}. {DISCLAIMER}")
    alt = ("Two line panels against time in hours, one per model, one line per pre-dose "
           "coloured from light blue (low) to orange (high), no pre-dose in grey. " + caption)
    return BookFigure(figure, title, caption, alt, numbers, frame)
