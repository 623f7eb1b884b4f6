"""Matplotlib figures of the signalling model, for the book's pages and explorers.

Every function simulates what it shows (nothing is hard-coded), draws into a new figure or into
one it is given (explorers redraw in place), and returns a :class:`BookFigure`: the figure, its
title, a caption and alt text built from the simulated numbers, and :meth:`BookFigure.summary`,
the key numbers as plain Python floats and strings for printing next to the figure.

The model behind these figures is educational and qualitative, not clinical guidance.

Examples
--------
>>> from ifnalpha import figures
>>> fig = figures.time_course(ifn=100.0, hours=24)
>>> fig.title
'Response to 100 pM IFN-α over 24 h'
>>> isinstance(fig.summary()["pstat1_peak_fraction"], float)
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ifnalpha import model
from ifnalpha.model import dosing

#: Note appended to every caption.
DISCLAIMER = "Educational, qualitative model; not clinical guidance."

COLORS = {
    "pstat1_total": "#1f4e79",
    "pstat2_total": "#6a9fd4",
    "isgf3": "#1f4e79",
    "u_isgf3": "#c0504d",
    "aaf": "#7f7f7f",
    "ifitm1": "#c0504d",
    "tunable_isg": "#1f4e79",
    "irf1": "#7f7f7f",
    "usp18": "#9b59b6",
    "socs1": "#e67e22",
    "stat1": "#2e8b57",
    "irf9": "#b8860b",
    "antiviral": "#2e8b57",
    "antiproliferative": "#8b0000",
}

LABELS = {
    "pstat1_total": "pSTAT1 (fraction of STAT1)",
    "pstat2_total": "pSTAT2 (fraction of STAT2)",
    "isgf3": "ISGF3",
    "u_isgf3": "U-ISGF3",
    "aaf": "AAF (pSTAT1 dimer)",
    "ifitm1": "IFITM1 (robust ISG)",
    "tunable_isg": "tunable ISG (ISGF3 only)",
    "irf1": "IRF1 (GAS gene)",
    "usp18": "USP18 protein",
    "socs1": "SOCS1 protein",
    "stat1": "STAT1 protein",
    "stat2": "STAT2 protein",
    "irf9": "IRF9 protein",
    "antiviral": "antiviral state",
    "antiproliferative": "antiproliferative state",
}


def _sig(x: float, digits: int = 3) -> float:
    """Round to significant digits and return a plain float (stable printing)."""
    x = float(x)
    if x == 0 or not np.isfinite(x):
        return x
    return float(f"{x:.{digits}g}")


@dataclass(repr=False)
class BookFigure:
    """A figure with everything a book page needs around it.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    title : str
    caption : str
        One or two sentences built from the simulated numbers.
    alt_text : str
        A description of what the figure shows, for screen readers.
    numbers : dict
        Key numbers (plain floats or strings).
    data : pandas.DataFrame
        The plotted values, for readers who want them.
    """

    figure: Figure
    title: str
    caption: str
    alt_text: str
    numbers: dict[str, float | str] = field(default_factory=dict)
    data: pd.DataFrame | None = None
    png: bytes | None = field(default=None, repr=False)

    def summary(self) -> dict[str, float | str]:
        """Return the key numbers as plain Python floats and strings (3 significant digits)."""
        return {k: (_sig(v) if isinstance(v, float | int | np.floating) else str(v))
                for k, v in self.numbers.items()}

    def summary_text(self) -> str:
        """Return the key numbers as aligned ``name: value`` lines, for printing."""
        s = self.summary()
        width = max((len(k) for k in s), default=0)
        return "\n".join(f"{k:<{width}} : {v}" for k, v in s.items())

    def __repr__(self) -> str:
        return f"BookFigure({self.title!r})"

    def render(self) -> bytes:
        """Render the figure to PNG (one Agg draw) and keep the bytes for display."""
        import io

        if not isinstance(self.figure.canvas, FigureCanvasAgg):
            FigureCanvasAgg(self.figure)
        buf = io.BytesIO()
        self.figure.canvas.print_png(buf)
        self.png = buf.getvalue()
        return self.png

    def _repr_png_(self) -> bytes:  # lets a notebook display the object directly
        return self.png if self.png is not None else self.render()


#: Margins used when a figure has no layout engine (explorers redraw without the costly
#: constrained layout).
FAST_MARGINS = {"left": 0.09, "right": 0.97, "bottom": 0.09, "top": 0.89, "wspace": 0.3,
                "hspace": 0.38}


def _new_or_cleared(fig: Figure | None, size: tuple[float, float]) -> Figure:
    if fig is None:
        fig = Figure(figsize=size, dpi=100, layout="constrained")
        FigureCanvasAgg(fig)
        return fig
    fig.clear()
    fig._ifnalpha_panels = None  # type: ignore[attr-defined]
    fig.set_size_inches(*size)
    return fig


def _finish(fig: Figure, title: str) -> None:
    fig.suptitle(title, fontsize=12)
    if fig.get_layout_engine() is None:
        fig.subplots_adjust(**FAST_MARGINS)


def _line_panels(
    fig: Figure | None,
    key: str,
    size: tuple[float, float],
    panels: Sequence[tuple[tuple[str, ...], str, str, float | None]],
    t: np.ndarray,
    frame: pd.DataFrame,
    reference: pd.DataFrame | None = None,
) -> tuple[Figure, dict]:
    """Draw a 2 × 2 grid of line panels, or only update the lines if ``fig`` already holds it.

    Each panel is ``(columns, y label, title, horizontal reference line or None)``. With a
    ``reference`` frame, each column is also drawn dashed from it (e.g. wild type). Reusing
    the axes makes an explorer's redraw several times cheaper than rebuilding them.
    """
    state = getattr(fig, "_ifnalpha_panels", None) if fig is not None else None
    signature = (key, tuple(p[0] for p in panels), reference is not None)
    if state is not None and state["signature"] == signature:
        for col, line in state["lines"].items():
            line.set_data(t, frame[col].to_numpy())
        for col, line in state["ref_lines"].items():
            line.set_data(t, reference[col].to_numpy())  # type: ignore[index]
        for ax in fig.axes:  # type: ignore[union-attr]
            ax.relim()
            ax.autoscale_view()
        return fig, state  # type: ignore[return-value]
    fig = _new_or_cleared(fig, size)
    axes = fig.subplots(2, 2, sharex=True).ravel()
    lines, ref_lines = {}, {}
    for ax, (cols, ylabel, title, hline) in zip(axes, panels, strict=True):
        for col in cols:
            if reference is not None:
                (ref_lines[col],) = ax.plot(t, reference[col], color=COLORS[col], ls="--",
                                            lw=1.0)
            (lines[col],) = ax.plot(t, frame[col], color=COLORS[col], label=LABELS[col],
                                    lw=1.8 if reference is not None else 1.5)
        if hline is not None:
            ax.axhline(hline, color="0.6", lw=0.8, ls=":")
        ax.set_ylabel(ylabel)
        ax.set_title(title, fontsize=10)
        ax.legend(fontsize=8, loc="upper right")
    for ax in axes[2:]:
        ax.set_xlabel("time (h)")
    state = {"signature": signature, "lines": lines, "ref_lines": ref_lines}
    fig._ifnalpha_panels = state  # type: ignore[attr-defined]
    return fig, state


def _ifn_label(ifn: object) -> str:
    if isinstance(ifn, float | int):
        return f"{float(ifn):g} pM IFN-α"
    return getattr(ifn, "label", "a time-varying IFN-α input")


def _pert_label(pert: Mapping | None) -> str:
    if not pert:
        return "an unperturbed cell"
    parts = [f"{k} = {v}" if not isinstance(v, bool) else k for k, v in pert.items()]
    return ", ".join(parts)


# --- 1. time course -------------------------------------------------------------------------


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

    Examples
    --------
    >>> time_course(ifn=10.0, hours=12).figure.axes[0].get_ylabel()
    'phosphorylated (fraction of total)'
    """
    res = result if result is not None else model.simulate(ifn, hours, perturbations)
    f = res.frame
    t = f.index.to_numpy()
    panels = (
        (("pstat1_total", "pstat2_total"), "phosphorylated (fraction of total)",
         "STAT phosphorylation", None),
        (("isgf3", "u_isgf3", "aaf"), "complex (× resting total STAT1)", "transcription factors",
         None),
        (("ifitm1", "tunable_isg", "irf1", "usp18", "socs1"), "level (fold over rest)",
         "genes and feedback proteins", 1.0),
        (("antiviral", "antiproliferative"), "state (0–1)", "cell states", None),
    )
    fig, lines = _line_panels(fig, "time_course", (9.0, 6.5), panels, t, f)
    fig.axes[3].set_ylim(-0.03, 1.03)
    conc = f["ifn_pM"].to_numpy()
    if np.all(conc == conc[0]):
        label = f"{conc[0]:g} pM IFN-α"
    else:
        what = _ifn_label(ifn) if result is None else "time-varying IFN-α"
        label = f"{what} (peak {conc.max():.3g} pM)"
    span = float(t[-1] - t[0])
    title = f"Response to {label} over {span:g} h"
    _finish(fig, title)
    nums = {
        "pstat1_peak_fraction": float(f["pstat1_total"].max()),
        "pstat1_peak_h": float(f["pstat1_total"].idxmax()),
        "pstat1_final_fraction": float(f["pstat1_total"].iloc[-1]),
        "u_isgf3_final_fold": float(f["u_isgf3"].iloc[-1] / max(f["u_isgf3"].iloc[0], 1e-12)),
        "ifitm1_final_fold": float(f["ifitm1"].iloc[-1]),
        "tunable_isg_peak_fold": float(f["tunable_isg"].max()),
        "tunable_isg_peak_h": float(f["tunable_isg"].idxmax()),
        "antiviral_final": float(f["antiviral"].iloc[-1]),
        "antiproliferative_final": float(f["antiproliferative"].iloc[-1]),
    }
    caption = (
        f"Simulated response of {_pert_label(res.perturbations)} to {label}. pSTAT1 peaks at "
        f"{nums['pstat1_peak_fraction']:.2f} of STAT1 after {nums['pstat1_peak_h']:.1f} h; the "
        f"tunable ISG peaks {nums['tunable_isg_peak_fold']:.1f}-fold at "
        f"{nums['tunable_isg_peak_h']:.1f} h; at the end IFITM1 is "
        f"{nums['ifitm1_final_fold']:.1f}-fold and the antiviral state "
        f"{nums['antiviral_final']:.2f}. {DISCLAIMER}"
    )
    alt = (
        "Four panels against time in hours: phosphorylated STAT1 and STAT2 fractions; ISGF3, "
        "U-ISGF3 and AAF levels; fold changes of IFITM1, a tunable ISG, IRF1, USP18 and SOCS1; "
        f"antiviral and antiproliferative states from 0 to 1. {caption}"
    )
    return BookFigure(fig, title, caption, alt, nums, f)


# --- 2. dose × time heatmap -----------------------------------------------------------------


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
    readout : str
        A column of :data:`ifnalpha.model.READOUTS`.
    doses_pM : sequence of float, optional
        Constant doses (default 25 doses from 0.1 pM to 100 nM).
    hours, perturbations, dt_h
        Passed to :func:`ifnalpha.model.sweep`.
    fig : Figure, optional
        Figure to draw into (it is cleared); a new one if None.

    Examples
    --------
    >>> dose_time_heatmap("antiviral", doses_pM=[1, 10, 100], hours=12).numbers["readout"]
    'antiviral'
    """
    if readout not in model.READOUTS or readout == "ifn_pM":
        raise ValueError(f"readout must be a model readout, got {readout!r}")
    doses = np.logspace(-1, 5, 25) if doses_pM is None else np.asarray(doses_pM, dtype=float)
    if doses.size < 2 or (doses <= 0).any():
        raise ValueError(f"doses_pM must hold at least two doses > 0 pM, got {doses_pM!r}")
    sw = model.sweep(doses, hours, perturbations=perturbations, dt_h=dt_h)
    z = sw.readout(readout)[0]  # (n_doses, n_times)
    fig = _new_or_cleared(fig, (8.0, 4.8))
    ax = fig.subplots()
    mesh = ax.pcolormesh(sw.time_h, doses, z, shading="nearest", cmap="viridis")
    ax.set_yscale("log")
    ax.set_xlabel("time (h)")
    ax.set_ylabel("IFN-α dose (pM, constant)")
    unit, meaning = model.READOUTS[readout]
    fig.colorbar(mesh, ax=ax, label=f"{LABELS.get(readout, readout)} ({unit})")
    title = f"{LABELS.get(readout, meaning)} across dose and time"
    _finish(fig, title)
    i, j = np.unravel_index(np.argmax(z), z.shape)
    final = z[:, -1]
    half = final.min() + (final.max() - final.min()) / 2
    k = int(np.argmax(final >= half)) if final.max() > final.min() else 0
    nums = {
        "readout": readout,
        "max_value": float(z.max()),
        "max_at_dose_pM": float(doses[i]),
        "max_at_h": float(sw.time_h[j]),
        "final_min": float(final.min()),
        "final_max": float(final.max()),
        "lowest_dose_reaching_half_range_pM": float(doses[k]),
    }
    caption = (
        f"{LABELS.get(readout, meaning)} ({unit}) for constant IFN-α doses from {doses[0]:g} to "
        f"{doses[-1]:g} pM over {hours:g} h ({_pert_label(perturbations)}). The largest value, "
        f"{nums['max_value']:.3g}, occurs at {nums['max_at_dose_pM']:g} pM after "
        f"{nums['max_at_h']:.0f} h. {DISCLAIMER}"
    )
    alt = (f"Heatmap with time in hours on the horizontal axis, IFN-α dose on a logarithmic "
           f"vertical axis and colour showing {LABELS.get(readout, readout)}. {caption}")
    data = pd.DataFrame(z, index=pd.Index(doses, name="dose_pM"),
                        columns=pd.Index(sw.time_h, name="time_h"))
    return BookFigure(fig, title, caption, alt, nums, data)


# --- 3. acute vs chronic exposure (review A Fig. 1b) ----------------------------------------


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
    dose_pM : float
        Constant IFN-α (pM).
    hours : float
        Total length.
    jak_inhibition : float
        Fraction of JAK activity blocked from ``inhibitor_from_h`` on (0 = none).
    inhibitor_from_h : float
        When the inhibitor is added.
    washout_at_h : float, optional
        If given, IFN-α drops to 0 at this time.
    perturbations : dict, optional
        Other perturbations for the whole run.
    fig : Figure, optional
        Figure to draw into (it is cleared); a new one if None.

    Examples
    --------
    >>> bf = acute_vs_chronic(100.0, hours=72)
    >>> bf.numbers["ifitm1_chronic_fold"] > 1.5
    True
    """
    pert = dict(perturbations or {})
    ifn: float | dosing.Exposure = dose_pM
    if washout_at_h is not None:
        ifn = dosing.pulse(dose_pM, duration_h=washout_at_h)
    if jak_inhibition > 0:
        if not 0 < inhibitor_from_h < hours:
            raise ValueError(f"inhibitor_from_h must be inside (0, {hours}), "
                             f"got {inhibitor_from_h!r}")
        first = model.simulate(ifn, inhibitor_from_h, pert)
        second = model.simulate(ifn, hours - inhibitor_from_h,
                                {**pert, "jak_inhibition": jak_inhibition},
                                start=first.final_state)
        f = pd.concat([first.frame, second.frame.iloc[1:]])
    else:
        f = model.simulate(ifn, hours, pert).frame
    t = f.index.to_numpy()
    u_rest = max(float(f["u_isgf3"].iloc[0]), 1e-12)
    fig = _new_or_cleared(fig, (9.0, 6.0))
    top, bottom = fig.subplots(2, 1, sharex=True)
    top.plot(t, f["pstat1_total"] / max(f["pstat1_total"].max(), 1e-12),
             color=COLORS["pstat1_total"], label="pSTAT1 (of its peak)")
    top.plot(t, f["isgf3"] / max(f["isgf3"].max(), 1e-12), color=COLORS["isgf3"], ls="--",
             label="ISGF3 (of its peak)")
    top.set_ylabel("level (fraction of its peak)")
    top.set_title("phosphorylated arm")
    top.legend(fontsize=8, loc="upper right")
    bottom.plot(t, f["u_isgf3"] / u_rest, color=COLORS["u_isgf3"], label="U-ISGF3")
    bottom.plot(t, f["ifitm1"], color=COLORS["ifitm1"], ls="--", label=LABELS["ifitm1"])
    bottom.plot(t, f["tunable_isg"], color=COLORS["tunable_isg"], label=LABELS["tunable_isg"])
    bottom.axhline(1.0, color="0.6", lw=0.8, ls=":")
    bottom.set_ylabel("level (fold over rest)")
    bottom.set_xlabel("time (h)")
    bottom.set_title("unphosphorylated arm and gene classes")
    bottom.legend(fontsize=8, loc="upper right")
    acute = f.index <= 6.0
    chronic = f.index >= max(24.0, float(t[-1]) - 24.0)
    for ax in (top, bottom):
        ax.axvspan(0, 6, color="#fde9d9", alpha=0.6, lw=0)
        ax.axvspan(float(f.index[chronic][0]), float(t[-1]), color="#e1eaf4", alpha=0.6, lw=0)
        if jak_inhibition > 0:
            ax.axvline(inhibitor_from_h, color="k", lw=1, ls="-.")
    top.text(3, 1.02, "acute", ha="center", va="bottom", fontsize=8)
    top.text((float(f.index[chronic][0]) + float(t[-1])) / 2, 1.02, "chronic", ha="center",
             va="bottom", fontsize=8)
    title = f"Acute and chronic phases of {dose_pM:g} pM IFN-α"
    if jak_inhibition > 0:
        title += f", JAK inhibitor {jak_inhibition:.0%} from {inhibitor_from_h:g} h"
    _finish(fig, title)
    nums = {
        "pstat1_peak_fraction": float(f["pstat1_total"].max()),
        "pstat1_chronic_over_peak": float(f["pstat1_total"][chronic].mean()
                                          / max(f["pstat1_total"].max(), 1e-12)),
        "u_isgf3_acute_fold": float(f["u_isgf3"][acute].max() / u_rest),
        "u_isgf3_chronic_fold": float(f["u_isgf3"][chronic].mean() / u_rest),
        "ifitm1_acute_peak_fold": float(f["ifitm1"][acute].max()),
        "ifitm1_chronic_fold": float(f["ifitm1"][chronic].mean()),
        "tunable_acute_peak_fold": float(f["tunable_isg"][acute].max()),
        "tunable_chronic_fold": float(f["tunable_isg"][chronic].mean()),
        "final_ifitm1_fold": float(f["ifitm1"].iloc[-1]),
        "final_tunable_fold": float(f["tunable_isg"].iloc[-1]),
    }
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
    alt = ("Two panels against time in hours with the acute (first 6 h) and chronic windows "
           "shaded: top, pSTAT1 and ISGF3 as fractions of their peaks; bottom, fold changes of "
           f"U-ISGF3, IFITM1 and a tunable ISG. {caption}")
    return BookFigure(fig, title, caption, alt, nums, f)


# --- 4. perturbations -----------------------------------------------------------------------

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
    dose_pM : float
        Constant IFN-α (pM).
    hours : float
        Length of each simulation; genes and states are read at the end.
    conditions : dict, optional
        Label → perturbations (default :data:`DEFAULT_CONDITIONS`).
    fig : Figure, optional
        Figure to draw into (it is cleared); a new one if None.

    Examples
    --------
    >>> conditions = {"wt": {}, "KO": {"ifnar1_null": True}}
    >>> bf = perturbation_comparison(100.0, hours=24, conditions=conditions)
    >>> float(bf.data.loc["KO", "tunable_isg"])
    1.0
    """
    conds = dict(DEFAULT_CONDITIONS if conditions is None else conditions)
    if not conds:
        raise ValueError("conditions must not be empty")
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
    data = pd.DataFrame.from_dict(rows, orient="index")
    data = data.round(12)
    fig = _new_or_cleared(fig, (10.0, 6.0))
    axes = fig.subplots(1, 3, sharey=True)
    y = np.arange(len(data))
    axes[0].barh(y, data["pstat1_auc"], color=COLORS["pstat1_total"])
    axes[0].set_xlabel(f"pSTAT1 area, 0–{hours:g} h (fraction × h)")
    axes[0].set_yticks(y, data.index)
    axes[0].invert_yaxis()
    w = 0.27
    for k, (col, lab) in enumerate((("tunable_isg", "tunable ISG"), ("ifitm1", "IFITM1"),
                                    ("irf1", "IRF1"))):
        axes[1].barh(y + (k - 1) * w, data[col], height=w, color=COLORS[col], label=lab)
    axes[1].axvline(1.0, color="0.5", lw=0.8, ls=":")
    axes[1].set_xlabel(f"mRNA at {hours:g} h (fold over rest)")
    axes[1].legend(fontsize=8)
    for k, col in enumerate(("antiviral", "antiproliferative")):
        axes[2].barh(y + (k - 0.5) * 0.4, data[col], height=0.4, color=COLORS[col],
                     label=LABELS[col])
    axes[2].set_xlim(0, 1)
    axes[2].set_xlabel(f"cell state at {hours:g} h (0–1)")
    axes[2].legend(fontsize=8)
    title = f"Perturbations under {dose_pM:g} pM IFN-α for {hours:g} h"
    _finish(fig, title)
    ref = data.iloc[0]
    nums: dict[str, float | str] = {"reference": str(data.index[0])}
    for label, row in data.iterrows():
        key = str(label).replace(" ", "_")
        nums[f"{key}:pstat1_auc_vs_ref"] = (float(row["pstat1_auc"] / ref["pstat1_auc"])
                                            if ref["pstat1_auc"] > 0 else float("nan"))
        nums[f"{key}:ifitm1"] = float(row["ifitm1"])
        nums[f"{key}:tunable_isg"] = float(row["tunable_isg"])
    caption = (
        f"{len(data)} simulated cells, each exposed to {dose_pM:g} pM IFN-α for {hours:g} h. "
        "Left: total pSTAT1 over time (area under the curve); middle: a tunable ISG, IFITM1 and "
        "IRF1 at the end; right: antiviral and antiproliferative states at the end. "
        f"{DISCLAIMER}"
    )
    alt = ("Three horizontal bar charts sharing one row per condition ("
           + ", ".join(map(str, data.index)) + "). " + caption)
    return BookFigure(fig, title, caption, alt, nums, data)


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
    dose_pM : float
        Constant IFN-α (pM).
    perturbations : dict, optional
        See :data:`ifnalpha.model.PERTURBATIONS`.
    hours : float
        Length of the simulations.
    fig : Figure, optional
        Figure to draw into (it is cleared); a new one if None.

    Examples
    --------
    >>> bf = perturbation_time_course(100.0, {"usp18_knockdown": 0.8}, hours=24)
    >>> bf.numbers["pstat1_auc_ratio"] > 1
    True
    """
    pert = dict(perturbations or {})
    wt = model.simulate(dose_pM, hours, dt_h=0.1).frame
    pt = model.simulate(dose_pM, hours, pert, dt_h=0.1).frame
    t = wt.index.to_numpy()
    panels = (
        (("pstat1_total",), "pSTAT1 (fraction of STAT1)", "STAT1 phosphorylation", None),
        (("isgf3", "u_isgf3"), "complex (× resting total STAT1)", "transcription factors",
         None),
        (("tunable_isg", "ifitm1", "irf1"), "mRNA (fold over rest)", "gene classes", 1.0),
        (("antiviral", "antiproliferative"), "cell state (0–1)", "cell states", None),
    )
    fig, _ = _line_panels(fig, "perturbation", (9.0, 6.0), panels, t, pt, reference=wt)
    label = _pert_label(pert)
    title = f"{label[0].upper() + label[1:]} vs wild type, {dose_pM:g} pM IFN-α"
    _finish(fig, title)
    auc_wt = float(np.trapezoid(wt["pstat1_total"], t))
    auc_pt = float(np.trapezoid(pt["pstat1_total"], t))
    nums = {
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
    caption = (
        f"Solid: {label}; dashed: wild type; both under {dose_pM:g} pM IFN-α. The pSTAT1 area is "
        f"{nums['pstat1_auc_ratio']:.2f} times the wild type's; at {hours:g} h IFITM1 is "
        f"{nums['ifitm1_final_perturbed']:.2f}-fold (wild type "
        f"{nums['ifitm1_final_wild_type']:.2f}) and the tunable ISG "
        f"{nums['tunable_isg_final_perturbed']:.2f}-fold (wild type "
        f"{nums['tunable_isg_final_wild_type']:.2f}). {DISCLAIMER}"
    )
    alt = ("Four panels against time in hours comparing a perturbed cell (solid lines) with a "
           "wild-type cell (dashed): pSTAT1; ISGF3 and U-ISGF3; tunable ISG, IFITM1 and IRF1 "
           "mRNA; antiviral and antiproliferative states. " + caption)
    data = pd.concat({"wild type": wt, "perturbed": pt}, names=["cell", "time_h"])
    return BookFigure(fig, title, caption, alt, nums, data)


# --- 5. regimens ----------------------------------------------------------------------------


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
    regimens : sequence of str
        Names in :data:`ifnalpha.model.dosing.REGIMENS`.
    weeks : int
        Weeks to simulate.
    relative : bool
        Plot exposure as a fraction of each regimen's peak (True) or in pM under the
        :class:`ifnalpha.model.dosing.ExposureScale` assumptions (False). The model is always driven
        with the pM values.
    scale : ExposureScale, optional
        Dose → concentration assumptions.
    fig : Figure, optional
        Figure to draw into (it is cleared); a new one if None.

    Examples
    --------
    >>> bf = regimen_comparison(("peg_induction",), weeks=2)
    >>> bf.numbers["peg_induction:fraction_above_10pct"]
    1.0
    """
    if not regimens:
        raise ValueError("regimens must not be empty")
    hours = 168.0 * weeks
    fig = _new_or_cleared(fig, (9.0, 7.5))
    axes = fig.subplots(3, 1, sharex=True)
    styles = ["-", "--", ":", "-."]
    nums: dict[str, float | str] = {}
    frames = {}
    for k, name in enumerate(regimens):
        exp = dosing.regimen(name, weeks=weeks, scale=scale)
        res = model.simulate(exp, hours, dt_h=1.0)
        f = res.frame
        frames[name] = f
        days = f.index.to_numpy() / 24.0
        conc = f["ifn_pM"].to_numpy()
        shown = conc / conc.max() if relative and conc.max() > 0 else conc
        ls = styles[k % len(styles)]
        axes[0].plot(days, shown, color="k", ls=ls, label=dosing.REGIMENS[name].description)
        axes[1].plot(days, f["tunable_isg"], color=COLORS["tunable_isg"], ls=ls,
                     label=f"tunable ISG — {name}")
        axes[1].plot(days, f["ifitm1"], color=COLORS["ifitm1"], ls=ls,
                     label=f"IFITM1 — {name}")
        axes[2].plot(days, f["antiviral"], color=COLORS["antiviral"], ls=ls,
                     label=f"antiviral — {name}")
        axes[2].plot(days, f["antiproliferative"], color=COLORS["antiproliferative"], ls=ls,
                     label=f"antiproliferative — {name}")
        last = f.index >= hours - 168.0
        summ = dosing.summarize(exp, hours - 168.0, hours)
        nums[f"{name}:peak_pM"] = summ.peak_pM
        nums[f"{name}:trough_over_peak"] = summ.trough_pM / summ.peak_pM if summ.peak_pM else 0.0
        nums[f"{name}:fraction_above_10pct"] = summ.fraction_above_10pct_of_peak
        nums[f"{name}:tunable_min_last_week"] = float(f["tunable_isg"][last].min())
        nums[f"{name}:ifitm1_min_last_week"] = float(f["ifitm1"][last].min())
        nums[f"{name}:antiviral_min_last_week"] = float(f["antiviral"][last].min())
        nums[f"{name}:antiproliferative_last"] = float(f["antiproliferative"].iloc[-1])
    axes[0].set_ylabel("IFN-α (fraction of peak)" if relative else "IFN-α (pM, assumed scale)")
    axes[0].legend(fontsize=8, loc="upper right", framealpha=0.9)
    axes[1].set_ylabel("mRNA (fold over rest)")
    axes[1].axhline(1.0, color="0.6", lw=0.8, ls=":")
    axes[1].legend(fontsize=7, ncol=2)
    axes[2].set_ylabel("cell state (0–1)")
    axes[2].set_ylim(-0.03, 1.03)
    axes[2].set_xlabel("time (days)")
    axes[2].legend(fontsize=7, ncol=2)
    title = "Dosing regimens: exposure and the gene classes it sustains"
    _finish(fig, title)
    parts = []
    for name in regimens:
        parts.append(
            f"{dosing.REGIMENS[name].description}: in the last week exposure stays above 10 % of "
            f"its peak {nums[f'{name}:fraction_above_10pct']:.0%} of the time and the tunable ISG "
            f"never falls below {nums[f'{name}:tunable_min_last_week']:.1f}-fold"
        )
    caption = ("; ".join(parts) + ". Absolute concentrations rest on assumed specific activity "
               f"and volumes (ifnalpha.model.dosing.ExposureScale). {DISCLAIMER}")
    caption = caption[0].upper() + caption[1:]
    alt = ("Three panels against time in days: IFN-α plasma exposure of each regimen; tunable "
           "ISG and IFITM1 mRNA fold changes; antiviral and antiproliferative states. " + caption)
    data = pd.concat(frames, names=["regimen", "time_h"])
    return BookFigure(fig, title, caption, alt, nums, data)


# --- 6. dose–response -----------------------------------------------------------------------


def dose_response(
    hours: float = 72.0,
    *,
    doses_pM: Sequence[float] | None = None,
    perturbations: Mapping[str, float | bool] | None = None,
    fig: Figure | None = None,
) -> BookFigure:
    """Plot antiviral and antiproliferative states against dose, with half-maximal doses.

    Parameters
    ----------
    hours : float
        Duration of continuous exposure; states are read at the end.
    doses_pM : sequence of float, optional
        Doses (default 31 doses from 0.1 pM to 100 nM).
    perturbations : dict, optional
        See :data:`ifnalpha.model.PERTURBATIONS`.
    fig : Figure, optional
        Figure to draw into (it is cleared); a new one if None.

    Examples
    --------
    >>> bf = dose_response(72.0)
    >>> 100 < bf.numbers["ec50_ratio"] < 1000
    True
    """
    doses = np.logspace(-1, 5, 31) if doses_pM is None else np.asarray(doses_pM, dtype=float)
    if doses.size < 3 or (doses <= 0).any():
        raise ValueError(f"doses_pM must hold at least three doses > 0 pM, got {doses_pM!r}")
    sw = model.sweep(doses, hours, perturbations=perturbations, dt_h=max(hours / 12, 0.5))
    av = sw.readout("antiviral")[0, :, -1]
    ap = sw.readout("antiproliferative")[0, :, -1]
    fig = _new_or_cleared(fig, (7.0, 4.5))
    ax = fig.subplots()
    ax.semilogx(doses, av, color=COLORS["antiviral"], marker="o", ms=3, label="antiviral")
    ax.semilogx(doses, ap, color=COLORS["antiproliferative"], marker="s", ms=3,
                label="antiproliferative")
    nums: dict[str, float | str] = {}
    for name, y in (("antiviral", av), ("antiproliferative", ap)):
        ec = _half_max(doses, y)
        nums[f"{name}_ec50_pM"] = ec
        nums[f"{name}_max"] = float(y.max())
        if np.isfinite(ec):
            ax.axvline(ec, color=COLORS[name], lw=0.8, ls="--")
    nums["ec50_ratio"] = nums["antiproliferative_ec50_pM"] / nums["antiviral_ec50_pM"]
    ax.set_xlabel("IFN-α dose (pM, continuous)")
    ax.set_ylabel(f"state after {hours:g} h (0–1)")
    ax.set_ylim(-0.03, 1.03)
    ax.legend(fontsize=8, loc="upper right")
    title = f"Antiviral and antiproliferative responses after {hours:g} h"
    _finish(fig, title)
    caption = (
        f"Half-maximal doses (dashed): antiviral {nums['antiviral_ec50_pM']:.3g} pM, "
        f"antiproliferative {nums['antiproliferative_ec50_pM']:.3g} pM, a "
        f"{nums['ec50_ratio']:.0f}-fold difference. {DISCLAIMER}"
    )
    alt = ("Two dose–response curves on a logarithmic dose axis, antiviral rising at low doses "
           "and antiproliferative at much higher doses. " + caption)
    data = pd.DataFrame({"antiviral": av, "antiproliferative": ap},
                        index=pd.Index(doses, name="dose_pM"))
    return BookFigure(fig, title, caption, alt, nums, data)


def _half_max(doses: np.ndarray, y: np.ndarray) -> float:
    half = y.max() / 2
    if half <= 0:
        return float("nan")
    j = int(np.argmax(y >= half))
    if j == 0:
        return float(doses[0])
    return float(np.exp(np.interp(half, y[j - 1 : j + 1], np.log(doses[j - 1 : j + 1]))))


# --- 7. dose × IRF9 map ---------------------------------------------------------------------


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
    doses_pM, irf9_folds : sequence of float, optional
        Grid (defaults: 20 doses from 0.1 pM to 100 nM; IRF9 ×1 to ×10 in 10 steps).
    hours : float
        Read-out time.
    fig : Figure, optional
        Figure to draw into (it is cleared); a new one if None.

    Examples
    --------
    >>> bf = dose_irf9_map(doses_pM=[1, 100], irf9_folds=[1, 5], hours=24)
    >>> bf.data.shape
    (2, 2)
    """
    doses = np.logspace(-1, 5, 20) if doses_pM is None else np.asarray(doses_pM, dtype=float)
    folds = np.linspace(1, 10, 10) if irf9_folds is None else np.asarray(irf9_folds, dtype=float)
    sw = model.sweep(doses, hours, perturbation="irf9_overexpression", values=folds,
                     dt_h=max(hours / 6, 1.0))
    u = sw.readout("isre_unphospho")[:, :, -1]
    p = sw.readout("isre_phospho")[:, :, -1]
    share = u / np.maximum(u + p, 1e-300)
    fig = _new_or_cleared(fig, (7.5, 4.8))
    ax = fig.subplots()
    mesh = ax.pcolormesh(doses, folds, share, shading="nearest", cmap="magma", vmin=0, vmax=1)
    ax.set_xscale("log")
    ax.set_xlabel("IFN-α dose (pM, continuous)")
    ax.set_ylabel("IRF9 overexpression (fold of resting synthesis)")
    fig.colorbar(mesh, ax=ax, label="unphosphorylated share of ISRE activity (0–1)")
    title = f"High IRF9 shifts ISRE activity towards U-ISGF3 ({hours:g} h)"
    _finish(fig, title)
    nums = {
        "share_low_irf9_high_dose": float(share[0, -1]),
        "share_high_irf9_high_dose": float(share[-1, -1]),
        "share_low_irf9_low_dose": float(share[0, 0]),
        "share_high_irf9_low_dose": float(share[-1, 0]),
    }
    caption = (
        "Share of robust-ISG promoter activity that comes from unphosphorylated complexes "
        f"(U-ISGF3, U-STAT2–IRF9) after {hours:g} h of continuous IFN-α. At "
        f"{doses[-1]:g} pM it rises from {nums['share_low_irf9_high_dose']:.2f} at resting IRF9 "
        f"to {nums['share_high_irf9_high_dose']:.2f} with IRF9 ×{folds[-1]:g}. {DISCLAIMER}"
    )
    alt = ("Heatmap with IFN-α dose on a logarithmic horizontal axis, IRF9 overexpression on "
           "the vertical axis and colour showing the unphosphorylated share. " + caption)
    data = pd.DataFrame(share, index=pd.Index(folds, name="irf9_fold"),
                        columns=pd.Index(doses, name="dose_pM"))
    return BookFigure(fig, title, caption, alt, nums, data)
