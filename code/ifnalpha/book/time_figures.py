"""Model figures against time: the full time course, acute vs chronic, a perturbed cell.

Each function takes its numbers from :mod:`ifnalpha.model.analyses`, draws them into a new
figure or into one it is given (explorers redraw in place) and returns a
:class:`~ifnalpha.book.figure.BookFigure`.

The model behind these figures is educational and qualitative, not clinical guidance.

Examples
--------
>>> bf = time_course(ifn=100.0, hours=24)
>>> bf.title
'Response to 100 pM IFN-α over 24 h'
>>> isinstance(bf.summary()["pstat1_peak_fraction"], float)
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ifnalpha import model
from ifnalpha.book import palette
from ifnalpha.book.figure import (
    DISCLAIMER,
    BookFigure,
    finish,
    new_or_cleared,
    perturbation_label,
    readout_label,
)
from ifnalpha.model import analyses, dosing

__all__ = ["acute_vs_chronic", "perturbation_time_course", "time_course"]


class Panel(NamedTuple):
    """One panel of a 2 × 2 line figure.

    ``columns`` are drawn against the left axis (``ylabel``); ``right`` columns, if any,
    against a second axis on the right (``right_ylabel``), for readouts in another unit.
    ``hline`` draws a dotted reference line (e.g. fold 1) on the left axis.
    """

    columns: tuple[str, ...]
    ylabel: str
    title: str
    hline: float | None = None
    right: tuple[str, ...] = ()
    right_ylabel: str = ""


def _line_panels(
    fig: Figure | None,
    key: str,
    size: tuple[float, float],
    panels: Sequence[Panel],
    t: np.ndarray,
    frame: pd.DataFrame,
    reference: pd.DataFrame | None = None,
) -> Figure:
    """Draw a 2 × 2 grid of line panels, or only update the lines if ``fig`` already holds it.

    With a ``reference`` frame, each column is also drawn dashed from it (e.g. wild type).
    Reusing the axes makes an explorer's redraw several times cheaper than rebuilding them.
    """
    state = getattr(fig, "_ifnalpha_panels", None) if fig is not None else None
    signature = (key, tuple(panels), reference is not None)
    if state is not None and state["signature"] == signature:
        for col, line in state["lines"].items():
            line.set_data(t, frame[col].to_numpy())
        for col, line in state["ref_lines"].items():
            line.set_data(t, reference[col].to_numpy())  # type: ignore[index]
        for ax in fig.axes:  # type: ignore[union-attr]
            ax.relim()
            ax.autoscale_view()
        return fig  # type: ignore[return-value]
    fig = new_or_cleared(fig, size)
    axes = fig.subplots(2, 2, sharex=True).ravel()
    lines, ref_lines = {}, {}

    def draw(ax, col: str) -> None:
        colour = palette.readout_colour(col)
        if reference is not None:
            (ref_lines[col],) = ax.plot(t, reference[col], color=colour, ls="--", lw=1.0)
        (lines[col],) = ax.plot(t, frame[col], color=colour, label=readout_label(col),
                                lw=1.8 if reference is not None else 1.5)

    for ax, panel in zip(axes, panels, strict=True):
        for col in panel.columns:
            draw(ax, col)
        if panel.hline is not None:
            ax.axhline(panel.hline, color=palette.REFERENCE_LINE, lw=0.8, ls=":")
        ax.set_ylabel(panel.ylabel)
        ax.set_title(panel.title, fontsize=10)
        handles, top = list(ax.get_lines()), ax
        if panel.right:
            top = ax.twinx()  # drawn above ``ax``: the legend goes on it, over every line
            for col in panel.right:
                draw(top, col)
            top.set_ylabel(panel.right_ylabel)
            handles += list(top.get_lines())
        labelled = [h for h in handles if not h.get_label().startswith("_")]
        top.legend(labelled, [h.get_label() for h in labelled], fontsize=8, loc="upper right")
    for ax in axes[2:]:
        ax.set_xlabel("time (h)")
    fig._ifnalpha_panels = {  # type: ignore[attr-defined]
        "signature": signature, "lines": lines, "ref_lines": ref_lines}
    return fig


def _ifn_label(ifn: object) -> str:
    if isinstance(ifn, float | int):
        return f"{float(ifn):g} pM IFN-α"
    return getattr(ifn, "label", "a time-varying IFN-α input")


def time_course(
    result: model.SimulationResult | None = None,
    *,
    ifn: float | dosing.Exposure = 100.0,
    hours: float = 72.0,
    perturbations: Mapping[str, float | bool] | None = None,
    fig: Figure | None = None,
) -> BookFigure:
    """Plot the main readouts over time: phosphorylation, complexes, genes and cell states.

    Parameters
    ----------
    result : SimulationResult, optional
        A simulation to draw; if None, ``simulate(ifn, hours, perturbations)`` is run.
    ifn, hours, perturbations
        Passed to :func:`ifnalpha.model.simulate` when ``result`` is None.
    fig : Figure, optional
        Figure to draw into (it is cleared); a new one if None.

    Returns
    -------
    BookFigure
        Numbers from :func:`ifnalpha.model.analyses.summarize_time_course`.

    Examples
    --------
    >>> time_course(ifn=10.0, hours=12).figure.axes[0].get_ylabel()
    'phosphorylated (fraction of total)'
    """
    res = result if result is not None else model.simulate(ifn, hours, perturbations)
    a = analyses.summarize_time_course(res)
    f, nums = a.data, a.numbers
    panels = (
        Panel(("pstat1_total", "pstat2_total"), "phosphorylated (fraction of total)",
              "STAT phosphorylation"),
        Panel(("isgf3", "aaf"), "complex (× resting total STAT1)", "transcription factors",
              right=("u_isgf3",), right_ylabel="U-ISGF3 (fold over rest)"),
        Panel(("ifitm1", "tunable_isg", "irf1", "usp18", "socs1"), "level (fold over rest)",
              "genes and feedback proteins", 1.0),
        Panel(("antiviral", "antiproliferative"), "state (0–1)", "cell states"),
    )
    fig = _line_panels(fig, "time_course", (9.0, 6.5), panels, f.index.to_numpy(), f)
    fig.axes[3].set_ylim(-0.03, 1.03)  # the cell states (twin axes come after the grid)
    if a.marks["ifn_constant"]:
        label = f"{float(f['ifn_pM'].iloc[0]):g} pM IFN-α"
    else:
        what = _ifn_label(ifn) if result is None else "time-varying IFN-α"
        label = f"{what} (peak {a.marks['ifn_peak_pM']:.3g} pM)"
    title = f"Response to {label} over {a.marks['span_h']:g} h"
    finish(fig, title)
    caption = (
        f"Simulated response of {perturbation_label(res.perturbations)} to {label}. pSTAT1 "
        f"peaks at {nums['pstat1_peak_fraction']:.2f} of STAT1 after "
        f"{nums['pstat1_peak_h']:.1f} h; the tunable ISG peaks "
        f"{nums['tunable_isg_peak_fold']:.1f}-fold at {nums['tunable_isg_peak_h']:.1f} h; at the "
        f"end IFITM1 is {nums['ifitm1_final_fold']:.1f}-fold and the antiviral state "
        f"{nums['antiviral_final']:.2f}. {DISCLAIMER}"
    )
    alt = (
        "Four panels against time in hours: phosphorylated STAT1 and STAT2 fractions; ISGF3 "
        "and AAF levels, with U-ISGF3 as a fold over rest on a second axis; fold changes of "
        "IFITM1, a tunable ISG, IRF1, USP18 and SOCS1; antiviral and antiproliferative states "
        f"from 0 to 1. {caption}"
    )
    return BookFigure(fig, title, caption, alt, nums, f)


def acute_vs_chronic(
    dose_pM: float = 100.0,
    *,
    hours: float = 72.0,
    jak_inhibition: float = 0.0,
    inhibitor_from_h: float = 48.0,
    washout_at_h: float | None = None,
    perturbations: Mapping[str, float | bool] | None = None,
    fig: Figure | None = None,
) -> BookFigure:
    """Contrast the acute and chronic phases of continuous exposure (review A, Fig. 1b).

    Under chronic exposure pSTAT1 and ISGF3 fall while U-ISGF3 and the robust ISGs (IFITM1)
    stay up; the tunable ISGs follow ISGF3. Optionally a JAK inhibitor is added at
    ``inhibitor_from_h`` (review A's ruxolitinib argument), or IFN-α is washed out.

    Parameters
    ----------
    dose_pM, hours, jak_inhibition, inhibitor_from_h, washout_at_h, perturbations
        See :func:`ifnalpha.model.analyses.acute_chronic_phases`.
    fig : Figure, optional
        Figure to draw into (it is cleared); a new one if None.

    Examples
    --------
    >>> bf = acute_vs_chronic(100.0, hours=72)
    >>> bf.numbers["ifitm1_chronic_fold"] > 1.5
    True
    """
    a = analyses.acute_chronic_phases(dose_pM, hours=hours, jak_inhibition=jak_inhibition,
                                      inhibitor_from_h=inhibitor_from_h,
                                      washout_at_h=washout_at_h, perturbations=perturbations)
    f, c, nums, marks = a.data, a.curves, a.numbers, a.marks
    assert c is not None
    t = f.index.to_numpy()
    fig = new_or_cleared(fig, (9.0, 6.0))
    top, bottom = fig.subplots(2, 1, sharex=True)
    top.plot(t, c["pstat1_of_peak"], color=palette.readout_colour("pstat1_total"),
             label="pSTAT1 (of its peak)")
    top.plot(t, c["isgf3_of_peak"], color=palette.readout_colour("isgf3"), ls="--",
             label="ISGF3 (of its peak)")
    top.set_ylabel("level (fraction of its peak)")
    top.set_title("phosphorylated arm")
    top.legend(fontsize=8, loc="upper right")
    bottom.plot(t, c["u_isgf3_fold"], color=palette.readout_colour("u_isgf3"), label="U-ISGF3")
    bottom.plot(t, f["ifitm1"], color=palette.readout_colour("ifitm1"), ls="--",
                label=readout_label("ifitm1"))
    bottom.plot(t, f["tunable_isg"], color=palette.readout_colour("tunable_isg"),
                label=readout_label("tunable_isg"))
    bottom.axhline(1.0, color=palette.REFERENCE_LINE, lw=0.8, ls=":")
    bottom.set_ylabel("level (fold over rest)")
    bottom.set_xlabel("time (h)")
    bottom.set_title("unphosphorylated arm and gene classes")
    bottom.legend(fontsize=8, loc="upper right")
    acute_end, chronic_start, end = marks["acute_until_h"], marks["chronic_from_h"], marks["end_h"]
    for ax in (top, bottom):
        ax.axvspan(0, acute_end, color=palette.ACUTE_SHADE, alpha=0.6, lw=0)
        ax.axvspan(chronic_start, end, color=palette.CHRONIC_SHADE, alpha=0.6, lw=0)
        if jak_inhibition > 0:
            ax.axvline(inhibitor_from_h, color=palette.INPUT, lw=1, ls="-.")
    top.text(acute_end / 2, 1.02, "acute", ha="center", va="bottom", fontsize=8)
    top.text((chronic_start + end) / 2, 1.02, "chronic", ha="center", va="bottom", fontsize=8)
    title = f"Acute and chronic phases of {dose_pM:g} pM IFN-α"
    if jak_inhibition > 0:
        title += f", JAK inhibitor {jak_inhibition:.0%} from {inhibitor_from_h:g} h"
    finish(fig, title)
    caption = (
        f"Continuous {dose_pM:g} pM IFN-α. In the chronic window (shaded blue) pSTAT1 averages "
        f"{nums['pstat1_chronic_over_peak']:.0%} of its acute peak, while U-ISGF3 is "
        f"{nums['u_isgf3_chronic_fold']:.1f}-fold its resting level and IFITM1 stays "
        f"{nums['ifitm1_chronic_fold']:.1f}-fold (tunable ISG: "
        f"{nums['tunable_chronic_fold']:.1f}-fold, after a peak of "
        f"{nums['tunable_acute_peak_fold']:.1f}-fold)."
        + (f" A JAK inhibitor ({jak_inhibition:.0%}) from {inhibitor_from_h:g} h leaves IFITM1 "
           f"at {nums['final_ifitm1_fold']:.1f}-fold and the tunable ISG at "
           f"{nums['final_tunable_fold']:.1f}-fold." if jak_inhibition > 0 else "")
        + f" {DISCLAIMER}"
    )
    alt = (f"Two panels against time in hours with the acute (first {acute_end:g} h) and "
           "chronic windows shaded: top, pSTAT1 and ISGF3 as fractions of their peaks; bottom, "
           f"fold changes of U-ISGF3, IFITM1 and a tunable ISG. {caption}")
    return BookFigure(fig, title, caption, alt, nums, f)


def perturbation_time_course(
    dose_pM: float = 100.0,
    perturbations: Mapping[str, float | bool] | None = None,
    *,
    hours: float = 48.0,
    fig: Figure | None = None,
) -> BookFigure:
    """Overlay a perturbed cell (solid) on the unperturbed one (dashed) over time.

    Parameters
    ----------
    dose_pM, perturbations, hours
        See :func:`ifnalpha.model.analyses.perturbation_vs_wild_type`.
    fig : Figure, optional
        Figure to draw into (it is cleared); a new one if None.

    Examples
    --------
    >>> bf = perturbation_time_course(100.0, {"usp18_knockdown": 0.8}, hours=24)
    >>> bf.numbers["pstat1_auc_ratio"] > 1
    True
    """
    a = analyses.perturbation_vs_wild_type(dose_pM, perturbations, hours=hours)
    nums = a.numbers
    wt, pt = a.data.loc["wild type"], a.data.loc["perturbed"]
    panels = (
        Panel(("pstat1_total",), "pSTAT1 (fraction of STAT1)", "STAT1 phosphorylation"),
        Panel(("isgf3",), "ISGF3 (× resting total STAT1)", "transcription factors",
              right=("u_isgf3",), right_ylabel="U-ISGF3 (fold over rest)"),
        Panel(("tunable_isg", "ifitm1", "irf1"), "mRNA (fold over rest)", "gene classes", 1.0),
        Panel(("antiviral", "antiproliferative"), "cell state (0–1)", "cell states"),
    )
    fig = _line_panels(fig, "perturbation", (9.0, 6.0), panels, wt.index.to_numpy(), pt,
                       reference=wt)
    label = perturbation_label(perturbations)
    title = f"{label[0].upper() + label[1:]} vs wild type, {dose_pM:g} pM IFN-α"
    finish(fig, title)
    caption = (
        f"Solid: {label}; dashed: wild type; both under {dose_pM:g} pM IFN-α. The pSTAT1 area is "
        f"{nums['pstat1_auc_ratio']:.2f} times the wild type's; at {hours:g} h IFITM1 is "
        f"{nums['ifitm1_final_perturbed']:.2f}-fold (wild type "
        f"{nums['ifitm1_final_wild_type']:.2f}) and the tunable ISG "
        f"{nums['tunable_isg_final_perturbed']:.2f}-fold (wild type "
        f"{nums['tunable_isg_final_wild_type']:.2f}). {DISCLAIMER}"
    )
    alt = ("Four panels against time in hours comparing a perturbed cell (solid lines) with a "
           "wild-type cell (dashed): pSTAT1; ISGF3, with U-ISGF3 as a fold over rest on a "
           "second axis; tunable ISG, IFITM1 and IRF1 mRNA; antiviral and antiproliferative "
           "states. " + caption)
    return BookFigure(fig, title, caption, alt, nums, a.data)
