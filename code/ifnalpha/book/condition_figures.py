"""Model figures that set conditions side by side: perturbed cells, and dosing regimens.

Each function takes its numbers from :mod:`ifnalpha.model.analyses`, draws them into a new
figure or into one it is given (explorers redraw in place) and returns a
:class:`~ifnalpha.book.figure.BookFigure`.

The model behind these figures is educational and qualitative, not clinical guidance.

Examples
--------
>>> bf = regimen_comparison(("peg_induction",), weeks=1)
>>> bf.title
'Dosing regimens: exposure and the gene classes it sustains'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure

from ifnalpha import checks
from ifnalpha.book import palette
from ifnalpha.book.figure import DISCLAIMER, BookFigure, finish, new_or_cleared, readout_label
from ifnalpha.model import analyses, dosing

__all__ = ["perturbation_comparison", "regimen_comparison"]


def perturbation_comparison(
    dose_pM: float = 100.0,
    *,
    hours: float = 48.0,
    conditions: Mapping[str, Mapping[str, float | bool]] | None = None,
    fig: Figure | None = None,
) -> BookFigure:
    """Compare perturbations: pSTAT1 exposure, gene classes and cell states, side by side.

    Parameters
    ----------
    dose_pM, hours, conditions
        See :func:`ifnalpha.model.analyses.perturbation_table` (default conditions:
        :data:`ifnalpha.model.analyses.DEFAULT_CONDITIONS`).
    fig : Figure, optional
        Figure to draw into (it is cleared); a new one if None.

    Examples
    --------
    >>> conditions = {"wt": {}, "KO": {"ifnar1_null": True}}
    >>> bf = perturbation_comparison(100.0, hours=24, conditions=conditions)
    >>> float(bf.data.loc["KO", "tunable_isg"])
    1.0
    """
    a = analyses.perturbation_table(dose_pM, hours=hours, conditions=conditions)
    data = a.data
    fig = new_or_cleared(fig, (10.0, 6.0))
    axes = fig.subplots(1, 3, sharey=True)
    y = np.arange(len(data))
    axes[0].barh(y, data["pstat1_auc"], color=palette.readout_colour("pstat1_total"))
    axes[0].set_xlabel(f"pSTAT1 area, 0–{hours:g} h (fraction × h)")
    axes[0].set_yticks(y, data.index)
    axes[0].invert_yaxis()
    w = 0.27
    for k, (col, lab) in enumerate((("tunable_isg", "tunable ISG"), ("ifitm1", "IFITM1"),
                                    ("irf1", "IRF1"))):
        axes[1].barh(y + (k - 1) * w, data[col], height=w, color=palette.readout_colour(col),
                     label=lab)
    axes[1].axvline(1.0, color=palette.REFERENCE_LINE, lw=0.8, ls=":")
    axes[1].set_xlabel(f"mRNA at {hours:g} h (fold over rest)")
    axes[1].legend(fontsize=8)
    for k, col in enumerate(("antiviral", "antiproliferative")):
        axes[2].barh(y + (k - 0.5) * 0.4, data[col], height=0.4,
                     color=palette.readout_colour(col), label=readout_label(col))
    axes[2].set_xlim(0, 1)
    axes[2].set_xlabel(f"cell state at {hours:g} h (0–1)")
    axes[2].legend(fontsize=8)
    title = f"Perturbations under {dose_pM:g} pM IFN-α for {hours:g} h"
    finish(fig, title)
    caption = (
        f"{len(data)} simulated cells, each exposed to {dose_pM:g} pM IFN-α for {hours:g} h. "
        "Left: total pSTAT1 over time (area under the curve); middle: a tunable ISG, IFITM1 and "
        "IRF1 at the end; right: antiviral and antiproliferative states at the end. "
        f"{DISCLAIMER}"
    )
    alt = ("Three horizontal bar charts sharing one row per condition ("
           + ", ".join(map(str, data.index)) + "). " + caption)
    return BookFigure(fig, title, caption, alt, a.numbers, data)


def regimen_comparison(
    regimens: Sequence[str] = ("hdi_maintenance", "peg_induction"),
    *,
    weeks: int = 3,
    relative: bool = True,
    scale: dosing.ExposureScale | None = None,
    fig: Figure | None = None,
) -> BookFigure:
    """Compare dosing regimens: plasma exposure and the gene classes it sustains.

    Parameters
    ----------
    regimens, weeks, scale
        See :func:`ifnalpha.model.analyses.regimen_runs`.
    relative : bool
        Plot exposure as a fraction of each regimen's peak (True) or in pM under the
        :class:`ifnalpha.model.dosing.ExposureScale` assumptions (False). The model is always
        driven with the pM values.
    fig : Figure, optional
        Figure to draw into (it is cleared); a new one if None.

    Examples
    --------
    >>> bf = regimen_comparison(("peg_induction",), weeks=2)
    >>> round(bf.numbers["peg_induction:fraction_above_10pct"], 3)
    0.999
    """
    relative = checks.flag("relative", relative)
    a = analyses.regimen_runs(regimens, weeks=weeks, scale=scale)
    nums, curves = a.numbers, a.curves
    assert curves is not None
    names = list(dict.fromkeys(a.data.index.get_level_values("regimen")))
    fig = new_or_cleared(fig, (9.0, 7.5))
    axes = fig.subplots(3, 1, sharex=True)
    styles = ["-", "--", ":", "-."]
    for k, name in enumerate(names):
        f, c = a.data.loc[name], curves.loc[name]
        days = c["time_d"].to_numpy()
        shown = c["ifn_of_peak"] if relative else f["ifn_pM"]
        ls = styles[k % len(styles)]
        axes[0].plot(days, shown, color=palette.INPUT, ls=ls,
                     label=dosing.REGIMENS[name].description)
        for ax, cols in ((axes[1], (("tunable_isg", "tunable ISG"), ("ifitm1", "IFITM1"))),
                         (axes[2], (("antiviral", "antiviral"),
                                    ("antiproliferative", "antiproliferative")))):
            for col, lab in cols:
                ax.plot(days, f[col], color=palette.readout_colour(col), ls=ls,
                        label=f"{lab} — {name}")
    axes[0].set_ylabel("IFN-α (fraction of peak)" if relative else "IFN-α (pM, assumed scale)")
    axes[0].legend(fontsize=8, loc="upper right", framealpha=0.9)
    axes[1].set_ylabel("mRNA (fold over rest)")
    axes[1].axhline(1.0, color=palette.REFERENCE_LINE, lw=0.8, ls=":")
    axes[1].legend(fontsize=7, ncol=2)
    axes[2].set_ylabel("cell state (0–1)")
    axes[2].set_ylim(-0.03, 1.03)
    axes[2].set_xlabel("time (days)")
    axes[2].legend(fontsize=7, ncol=2)
    title = "Dosing regimens: exposure and the gene classes it sustains"
    finish(fig, title)
    parts = [
        f"{dosing.REGIMENS[name].description}: in the last week exposure stays above "
        f"{dosing.THRESHOLD_OF_PEAK * 100:g} % of its peak "
        f"{nums[f'{name}:fraction_above_10pct']:.0%} of the time and the tunable ISG "
        f"never falls below {nums[f'{name}:tunable_min_last_week']:.1f}-fold"
        for name in names
    ]
    caption = ("; ".join(parts) + ". Absolute concentrations rest on an assumed specific "
               "activity and assumed volumes of distribution (see the model reference). "
               f"{DISCLAIMER}")
    caption = caption[0].upper() + caption[1:]
    alt = ("Three panels against time in days: IFN-α plasma exposure of each regimen; tunable "
           "ISG and IFITM1 mRNA fold changes; antiviral and antiproliferative states. " + caption)
    return BookFigure(fig, title, caption, alt, nums, a.data)
