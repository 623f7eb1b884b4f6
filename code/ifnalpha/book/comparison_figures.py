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
from ifnalpha.model import comparison, priming

__all__ = ["dose_response_figure", "priming_figure", "restimulation_figure"]

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


_RUN_STYLES = {priming.RUNS[0]: (palette.GROUP_COLOURS[1], "-"),
               priming.RUNS[1]: (palette.GROUP_COLOURS[0], "-"),
               priming.RUNS[2]: (palette.GROUP_COLOURS[0], ":")}


def priming_figure(curves: pd.DataFrame, column: str = "ratio",
                   second_dose_pM: float | None = None) -> BookFigure:
    """Draw the response to the second dose against the first dose, one panel per readout.

    Parameters
    ----------
    curves : pandas.DataFrame
        Output of :func:`ifnalpha.model.priming.priming_curves`.
    column : {"ratio", "increment_ratio"}
        The ratio to draw.
    second_dose_pM : float, optional
        The second dose the curves were run with, for the caption (default from
        :data:`ifnalpha.model.comparison.PROTOCOL`, 1400 pM).

    Returns
    -------
    BookFigure
        Log first dose against the ratio (log scale), a grey line at 1; the published model in
        vermillion, the book's model in blue (dotted: fed the published model's IFN).
        ``numbers``: per run and readout, the highest and lowest ratio and their first doses
        (from :func:`ifnalpha.model.priming.priming_extremes`).

    Raises
    ------
    ValueError
        If ``column`` is not one of the two ratios.

    Examples
    --------
    >>> curves = priming.priming_curves([0.0, 2.8], runs=priming.RUNS[:2])
    >>> len(priming_figure(curves).figure.axes)
    8
    """
    extremes = priming.priming_extremes(curves, column)
    second = comparison.PROTOCOL["second_dose_pM"] if second_dose_pM is None else second_dose_pM
    readouts = list(priming.PRIMING_READOUTS)
    figure = Figure(figsize=(8.0, 5.0), dpi=110, layout="constrained")
    axes = figure.subplots(2, 4, sharex=True, sharey=True).ravel()
    primed = curves[curves["first_dose_pM"] > 0]
    for ax, readout in zip(axes, readouts, strict=True):
        ax.axhline(1.0, color=palette.REFERENCE_LINE, linewidth=0.8)
        for run, group in primed[primed["readout"] == readout].groupby("run", sort=False):
            colour, style = _RUN_STYLES[run]
            ax.plot(group["first_dose_pM"], group[column], color=colour, linestyle=style,
                    label=run)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_title(priming.PRIMING_READOUTS[readout], fontsize=9)
    for ax in axes[4:]:
        ax.set_xlabel("First dose (pM)", fontsize=8)
    for ax in axes[::4]:
        ax.set_ylabel("Relative to no first dose", fontsize=8)
    handles, labels = axes[0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="outside lower center", ncol=3, fontsize=8,
                  frameon=False)
    title = "Second response against the first dose: published model and book model"
    figure.suptitle(title, fontsize=10)
    numbers: dict[str, float | str] = {}
    for row in extremes.itertuples():
        for key in ("max", "max_at_pM", "min", "min_at_pM"):
            numbers[f"{row.run}:{row.readout}:{key}"] = float(getattr(row, key))
    kok = extremes[extremes["run"] == priming.RUNS[0]].set_index("readout").loc["isgf3"]
    ours = extremes[extremes["run"] == priming.RUNS[1]].set_index("readout").loc["isgf3"]
    caption = (f"A first dose at 0 h, a second dose of {second:g} pM at 24 h: the peak "
               "of each readout after the second dose, relative to cells without a first dose, "
               f"against the first dose. ISGF3 in the published model rises to "
               f"{kok['max']:.2f} times the naive peak after {kok['max_at_pM']:.3g} pM; in the "
               f"book's model it never exceeds {ours['max']:.2f}. {DISCLAIMER}")
    alt = ("Eight small line panels in two rows, one per readout (pSTAT1, pSTAT2, ISGF3 and "
           "five mRNAs), first dose on a log axis from 0.01 to 10,000 pM, ratio on a log axis "
           "with a grey line at 1; a vermillion line for the published model, a blue line for "
           "the book's model and a dotted blue line for the book's model fed the published "
           "model's IFN. " + caption)
    return BookFigure(figure, title, caption, alt, numbers, curves)

