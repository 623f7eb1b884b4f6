"""Model figures across doses: a dose × time heatmap, cell-state dose–responses, dose × IRF9.

Each function takes its numbers from :mod:`ifnalpha.model.dose_analyses`, draws them into a
new figure or into one it is given (explorers redraw in place) and returns a
:class:`~ifnalpha.book.figure.BookFigure`.

The model behind these figures is educational and qualitative, not clinical guidance.

Examples
--------
>>> bf = cell_states_by_dose(24.0, doses_pM=[1, 10, 100, 1000])
>>> bf.title
'Antiviral and antiproliferative responses after 24 h'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure

from ifnalpha.book import palette
from ifnalpha.book.figure import (
    DISCLAIMER,
    BookFigure,
    finish,
    new_or_cleared,
    perturbation_label,
    readout_label,
    readout_unit,
)
from ifnalpha.model import dose_analyses

__all__ = ["cell_states_by_dose", "dose_irf9_map", "dose_time_heatmap"]


def dose_time_heatmap(
    readout: str = "ifitm1",
    *,
    doses_pM: Sequence[float] | None = None,
    hours: float = 72.0,
    perturbations: Mapping[str, float | bool] | None = None,
    dt_h: float = 1.0,
    fig: Figure | None = None,
) -> BookFigure:
    """Plot one readout over dose (log scale) and time as a heatmap.

    Parameters
    ----------
    readout, doses_pM, hours, perturbations, dt_h
        See :func:`ifnalpha.model.dose_analyses.dose_time_grid`.
    fig : Figure, optional
        Figure to draw into (it is cleared); a new one if None.

    Examples
    --------
    >>> dose_time_heatmap("antiviral", doses_pM=[1, 10, 100], hours=12).numbers["readout"]
    'antiviral'
    """
    a = dose_analyses.dose_time_grid(readout, doses_pM=doses_pM, hours=hours,
                                perturbations=perturbations, dt_h=dt_h)
    nums = a.numbers
    doses, times = a.data.index.to_numpy(), a.data.columns.to_numpy()
    fig = new_or_cleared(fig, (8.0, 4.8))
    ax = fig.subplots()
    mesh = ax.pcolormesh(times, doses, a.data.to_numpy(), shading="nearest", cmap="viridis")
    ax.set_yscale("log")
    ax.set_xlabel("time (h)")
    ax.set_ylabel("IFN-α dose (pM, constant)")
    label, unit = readout_label(readout), readout_unit(readout)
    fig.colorbar(mesh, ax=ax, label=f"{label} ({unit})")
    title = f"{label} across dose and time"
    finish(fig, title)
    caption = (
        f"{label} ({unit}) for constant IFN-α doses from {doses[0]:g} to {doses[-1]:g} pM over "
        f"{hours:g} h ({perturbation_label(perturbations)}). The largest value, "
        f"{nums['max_value']:.3g}, occurs at {nums['max_at_dose_pM']:g} pM after "
        f"{nums['max_at_h']:.0f} h. {DISCLAIMER}"
    )
    alt = (f"Heatmap with time in hours on the horizontal axis, IFN-α dose on a logarithmic "
           f"vertical axis and colour showing {label}. {caption}")
    return BookFigure(fig, title, caption, alt, nums, a.data)


def cell_states_by_dose(
    hours: float = 72.0,
    *,
    doses_pM: Sequence[float] | None = None,
    perturbations: Mapping[str, float | bool] | None = None,
    fig: Figure | None = None,
) -> BookFigure:
    """Plot antiviral and antiproliferative states against dose, with half-maximal doses.

    Parameters
    ----------
    hours, doses_pM, perturbations
        See :func:`ifnalpha.model.dose_analyses.cell_state_dose_response`.
    fig : Figure, optional
        Figure to draw into (it is cleared); a new one if None.

    Examples
    --------
    >>> bf = cell_states_by_dose(72.0)
    >>> 100 < bf.numbers["ec50_ratio"] < 1000
    True
    """
    a = dose_analyses.cell_state_dose_response(hours, doses_pM=doses_pM,
                                               perturbations=perturbations)
    nums = a.numbers
    doses = a.data.index.to_numpy()
    fig = new_or_cleared(fig, (7.0, 4.5))
    ax = fig.subplots()
    for name, marker in (("antiviral", "o"), ("antiproliferative", "s")):
        ax.semilogx(doses, a.data[name], color=palette.readout_colour(name), marker=marker,
                    ms=3, label=name)
    for name in ("antiviral", "antiproliferative"):
        ec = float(nums[f"{name}_ec50_pM"])
        if np.isfinite(ec):
            ax.axvline(ec, color=palette.readout_colour(name), lw=0.8, ls="--")
    ax.set_xlabel("IFN-α dose (pM, continuous)")
    ax.set_ylabel(f"state after {hours:g} h (0–1)")
    ax.set_ylim(-0.03, 1.03)
    ax.legend(fontsize=8, loc="upper right")
    title = f"Antiviral and antiproliferative responses after {hours:g} h"
    finish(fig, title)
    caption = (
        f"Half-maximal doses (dashed): antiviral {nums['antiviral_ec50_pM']:.3g} pM, "
        f"antiproliferative {nums['antiproliferative_ec50_pM']:.3g} pM, a "
        f"{nums['ec50_ratio']:.0f}-fold difference. {DISCLAIMER}"
    )
    alt = ("Two dose–response curves on a logarithmic dose axis, antiviral rising at low doses "
           "and antiproliferative at much higher doses. " + caption)
    return BookFigure(fig, title, caption, alt, nums, a.data)


def dose_irf9_map(
    *,
    doses_pM: Sequence[float] | None = None,
    irf9_folds: Sequence[float] | None = None,
    hours: float = 72.0,
    fig: Figure | None = None,
) -> BookFigure:
    """Map how IRF9 level and dose set the unphosphorylated share of ISRE activity (review A [34]).

    Parameters
    ----------
    doses_pM, irf9_folds, hours
        See :func:`ifnalpha.model.dose_analyses.irf9_isre_share`.
    fig : Figure, optional
        Figure to draw into (it is cleared); a new one if None.

    Examples
    --------
    >>> bf = dose_irf9_map(doses_pM=[1, 100], irf9_folds=[1, 5], hours=24)
    >>> bf.data.shape
    (2, 2)
    """
    a = dose_analyses.irf9_isre_share(doses_pM=doses_pM, irf9_folds=irf9_folds, hours=hours)
    nums = a.numbers
    doses, folds = a.data.columns.to_numpy(), a.data.index.to_numpy()
    fig = new_or_cleared(fig, (7.5, 4.8))
    ax = fig.subplots()
    mesh = ax.pcolormesh(doses, folds, a.data.to_numpy(), shading="nearest", cmap="magma",
                         vmin=0, vmax=1)
    ax.set_xscale("log")
    ax.set_xlabel("IFN-α dose (pM, continuous)")
    ax.set_ylabel("IRF9 overexpression (fold of resting synthesis)")
    fig.colorbar(mesh, ax=ax, label="unphosphorylated share of ISRE activity (0–1)")
    title = f"High IRF9 shifts ISRE activity towards U-ISGF3 ({hours:g} h)"
    finish(fig, title)
    caption = (
        "Share of robust-ISG promoter activity that comes from unphosphorylated complexes "
        f"(U-ISGF3, U-STAT2–IRF9) after {hours:g} h of continuous IFN-α. At "
        f"{doses[-1]:g} pM it rises from {nums['share_low_irf9_high_dose']:.2f} at resting IRF9 "
        f"to {nums['share_high_irf9_high_dose']:.2f} with IRF9 ×{folds[-1]:g}. {DISCLAIMER}"
    )
    alt = ("Heatmap with IFN-α dose on a logarithmic horizontal axis, IRF9 overexpression on "
           "the vertical axis and colour showing the unphosphorylated share. " + caption)
    return BookFigure(fig, title, caption, alt, nums, a.data)
