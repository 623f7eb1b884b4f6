"""What the page "Two faces of interferon-alpha" shows: the exposure map, reach factors, PK table.

Drawing and formatting only; the numbers come from :mod:`ifnalpha.model.exposure_map`,
:mod:`ifnalpha.model.dose_analyses` and :mod:`ifnalpha.model.dosing`. The model is educational
and qualitative, not clinical guidance.

Examples
--------
>>> from ifnalpha.book.two_faces import REGIMEN_SHORT
>>> REGIMEN_SHORT["peg_induction"]
'PEG-IFN-α2b 6 µg/kg weekly'
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ifnalpha.book import palette
from ifnalpha.book.figure import DISCLAIMER, BookFigure, finish, new_or_cleared, readout_label
from ifnalpha.book.glue import decimals, fold
from ifnalpha.book.table_display import StaticTable, static_table
from ifnalpha.model import dose_analyses, dosing
from ifnalpha.model import exposure_map as em
from ifnalpha.model.dosing import calibration

__all__ = ["REGIMEN_SHORT", "exposure_map_figure", "pk_table", "reach_figure",
           "two_faces_texts"]

#: Short legend names of review B's regimens.
REGIMEN_SHORT: dict[str, str] = {
    "hdi_induction": "IFN-α2b 20 MU/m² i.v., 5 days a week",
    "hdi_maintenance": "IFN-α2b 10 MU/m² s.c., 3 times a week",
    "peg_induction": "PEG-IFN-α2b 6 µg/kg weekly",
    "peg_maintenance": "PEG-IFN-α2b 3 µg/kg weekly",
}
_STYLES = {"hdi_induction": "-", "hdi_maintenance": "--", "peg_induction": "-",
           "peg_maintenance": "--"}


def _sig(value: float, digits: int = 2) -> str:
    """Round to significant digits without an exponent: 780, 0.78, 1.3e+02 -> 130."""
    return f"{float(f'{value:.{digits}g}'):,g}"


def _pM(value: float, digits: int = 2) -> str:
    return f"{_sig(value, digits)} pM"


def _antiproliferative_ec50() -> float:
    return float(dose_analyses.cell_state_dose_response(72.0).numbers["antiproliferative_ec50_pM"])


def exposure_map_figure() -> BookFigure:
    """Draw the dose × duration plane: cell states, gene classes, review A and review B."""
    plane, traces = em.exposure_plane(), em.regimen_traces()
    chronic = em.chronic_setting(_antiproliferative_ec50())
    fig = new_or_cleared(None, (8.6, 5.6))
    ax = fig.subplots()
    times = plane.data.columns.to_numpy()[1:]
    for name, kind in em.MAP_READOUTS.items():
        z = plane.data.loc[name].to_numpy()[:, 1:]
        doses = plane.data.loc[name].index.to_numpy()
        level = em.STATE_ON if kind == "state" else em.GENE_ON
        colour = palette.readout_colour(name)
        if kind == "state":
            ax.contourf(times, doses, z, levels=[level, 1e9], colors=[colour], alpha=0.18)
        ax.contour(times, doses, z, levels=[level], colors=[colour],
                   linewidths=2.2 if kind == "state" else 1.3,
                   linestyles="solid" if kind == "state" else "dotted")
        ax.plot([], [], color=colour, lw=2.2 if kind == "state" else 1.3,
                ls="solid" if kind == "state" else "dotted",
                label=f"{readout_label(name)} on" if kind == "state"
                else f"{readout_label(name)} ≥ {em.GENE_ON:g}× rest")
    ax.fill_between([chronic.from_h, chronic.to_h], chronic.low_pM, chronic.high_pM,
                    facecolor="none", edgecolor=palette.NEUTRAL, hatch="///", lw=1.0,
                    label="review A: chronic, low level (book's reading)")
    t = traces.data.index.to_numpy()
    for i, name in enumerate(traces.data.columns):
        c = np.maximum(traces.data[name].to_numpy(), 1e-3)
        ax.plot(t, c, color=palette.GROUP_COLOURS[i // 2], ls=_STYLES[name], lw=0.9,
                label=f"review B: {REGIMEN_SHORT[name]}")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(1.0, times[-1])
    ax.set_ylim(1e-2, 1e4)
    ax.set_xlabel("duration of exposure, or time since the first dose (h)")
    ax.set_ylabel("IFN-α (pM)")
    ax.legend(fontsize=7, loc="lower left", ncol=2, framealpha=0.9)
    title = "Two faces on one map: dose × duration in the book's model"
    finish(fig, title)
    n = traces.numbers
    peaks = ", ".join(f"{REGIMEN_SHORT[k]} {_pM(float(n[f'{k}:peak_pM']))}"
                      for k in traces.data.columns)
    caption = (
        "Where each cell state and gene class of the book's model is on under constant IFN-α "
        f"(shaded: state at least {em.STATE_ON:g} of its maximum; dotted: mRNA at least "
        f"{em.GENE_ON:g} times rest), with review B's regimens drawn as the concentration their "
        f"pharmacokinetics produce over four weeks (peaks: {peaks}) and review A's chronic "
        f"setting placed as the book reads it. {DISCLAIMER}")
    alt = ("Log–log map of IFN-alpha concentration against time. Shaded regions mark where "
           "the antiviral state (from a few pM) and the antiproliferative state (from about a "
           "nanomolar) are on; dotted lines mark gene classes. Sawtooth curves of the four "
           "clinical regimens stay below the antiproliferative region; a hatched box at low "
           "picomolar concentrations over days to weeks marks review A's chronic setting.")
    return BookFigure(fig, title, caption, alt, numbers={**plane.numbers, **n},
                      data=traces.data)


def reach_figure() -> BookFigure:
    """Draw how far each regimen's exposure, or the model's threshold, would have to move."""
    a = em.reach_factors()
    fig = new_or_cleared(None, (8.0, 3.6))
    ax = fig.subplots()
    names = list(a.data.index)
    y = np.arange(len(names))
    ax.barh(y + 0.2, a.data["exposure_factor"], height=0.38, color=palette.GROUP_COLOURS[0],
            label="exposure × (whole concentration curve)")
    ax.barh(y - 0.2, a.data["threshold_factor"], height=0.38, color=palette.GROUP_COLOURS[1],
            label="threshold ÷ (active complexes for half the antiproliferative drive)")
    for yi, (e, th) in enumerate(zip(a.data["exposure_factor"], a.data["threshold_factor"],
                                     strict=True)):
        ax.text(e * 1.08, yi + 0.2, f"×{_sig(e)}", va="center", fontsize=8)
        ax.text(th * 1.08, yi - 0.2, f"÷{_sig(th)}", va="center", fontsize=8)
    ax.axvline(1.0, color=palette.INPUT, lw=0.8)
    ax.set_yticks(y, [REGIMEN_SHORT[n] for n in names], fontsize=8)
    ax.set_xscale("log")
    ax.set_xlim(0.8, 1e3)
    ax.set_xlabel("factor needed for the antiproliferative state to turn on within four weeks")
    ax.legend(fontsize=7, loc="lower right")
    title = "How far each regimen is from the antiproliferative state"
    finish(fig, title)
    caption = ("For each regimen, the factor by which its whole concentration curve would have "
               "to be raised (blue), or the model's antiproliferative threshold lowered "
               f"(vermillion), for the antiproliferative state to reach {em.STATE_ON:g} within "
               f"four weeks (found to within about 15 %). {DISCLAIMER}")
    alt = ("Horizontal bar chart on a log scale: for each of four regimens, two bars give the "
           "factor by which exposure would have to rise, or the threshold fall, for the "
           "antiproliferative state to turn on; every bar is above one.")
    return BookFigure(fig, title, caption, alt, numbers=a.numbers, data=a.data)


def pk_table() -> StaticTable:
    """Return the published pharmacokinetic numbers beside the model's (a labelled table)."""
    t = dosing.pk_calibration()

    def num(v: float) -> str:
        return "not checked" if v != v else f"{v:.3g}"

    frame = pd.DataFrame({
        "Product": t["product"],
        "Design": t["design"],
        "Quantity": t["quantity"],
        "Unit": t["unit"],
        "Published": t["published"].map(num),
        "Model": t["model"].map(num),
        "Difference": t["relative_error"].map(lambda v: "" if v != v else f"{v:+.0%}"),
        "Fitted": t["fitted"].map(lambda f: "fitted" if f else ""),
        "Source": t["source"].map({"radwanski1987": "Radwanski 1987",
                                   "sylatronlabel": "Sylatron label",
                                   "daud2011": "Daud 2011"}) + ", " + t["where"],
    })
    return static_table(frame, "Pharmacokinetics: published numbers beside the book's model "
                        "(half-lives are the model's parameters, for PEG-IFN-α2b the one in "
                        "force in the named week; \"fitted\" marks the numbers a parameter was "
                        "fitted to; peaks, times, exposures, clearances and ratios are "
                        "simulated in the published design).",
                        widths=(1.0, 1.3, 1.5, 0.6, 0.6, 0.6, 0.6, 0.5, 1.2))


def two_faces_texts() -> dict[str, str]:
    """Return the texts the page glues (numbers formatted as the page prints them)."""
    traces, plane, reach = em.regimen_traces(), em.exposure_plane(), em.reach_factors()
    cal = dosing.pk_calibration()
    scale = dosing.DEFAULT_SCALE
    ec50 = _antiproliferative_ec50()
    chronic = em.chronic_setting(ec50)
    out: dict[str, str] = {
        "tf-ap-ec50": _pM(ec50, 2),
        "tf-chronic": _pM(chronic.conc_pM, 1),
        "tf-fold": f"{em.APOPTOSIS_FOLD:,.0f}",
        "tf-gene-on": fold(em.GENE_ON, 0),
        "tf-state-on": decimals(em.STATE_ON, 1),
        "tf-specific-activity": f"{scale.specific_activity_IU_per_mg:.2g} IU/mg".replace(
            "e+08", " × 10⁸"),
        "tf-molar-mass": f"{scale.molar_mass_g_per_mol:,.0f} g/mol",
        "tf-peg-molar-mass": f"{scale.peg_molar_mass_g_per_mol:,.0f} g/mol",
        "tf-pM-per-IU": decimals(scale.pM_per_IU_per_mL(), 2),
        "tf-pM-per-ng": _sig(scale.pM_per_ng_per_mL_peg(), 2),
        "tf-volume-ifn": decimals(scale.volume_L_per_kg_ifn, 2),
        "tf-volume-peg": decimals(scale.volume_L_per_kg_peg, 3),
        "tf-peg-t50-weeks": decimals(dosing.PEG_CLEARANCE_HALVING_H / dosing.HOURS_PER_WEEK, 0),
        "tf-peg-label-activity": decimals(0.7 / 2.6, 2),
        "tf-n-within": str(int((cal["relative_error"].abs() <= dosing.TOLERANCE).sum())),
        "tf-n-published": str(int(cal["published"].notna().sum())),
    }
    rows = cal.set_index("quantity")
    acc = rows.loc["accumulation (AUC), week 1 to week 8"]
    late = rows.loc["terminal half-life, week 4"]
    out.update({
        "tf-accumulation-model": decimals(float(acc["model"]), 2),
        "tf-accumulation-published": decimals(float(acc["published"]), 1),
        "tf-accumulation-of-means": decimals(calibration.ACCUMULATION_OF_MEAN_AUCS, 2),
        "tf-peg-late-half-life-model": f"{float(late['model']):.0f} h",
        "tf-peg-late-half-life-published": f"{float(late['published']):.0f} h",
    })
    for key in em.MAP_REGIMENS:
        short = key.replace("_", "-")
        out[f"tf-{short}-peak"] = _pM(float(traces.numbers[f"{key}:peak_pM"]), 2)
        out[f"tf-{short}-mean"] = _pM(float(traces.numbers[f"{key}:mean_pM"]), 2)
        out[f"tf-{short}-exposure-factor"] = _sig(
            float(reach.numbers[f"{key}:exposure_factor"]), 2)
        out[f"tf-{short}-threshold-factor"] = _sig(
            float(reach.numbers[f"{key}:threshold_factor"]), 2)
    highest = max(float(traces.numbers[f"{k}:peak_pM"]) for k in em.MAP_REGIMENS)
    out["tf-highest-peak-share"] = f"{highest / ec50:.0%}"
    for name in ("antiviral", "antiproliferative", "tunable_isg", "ifitm1"):
        for when in ("day", "week", "end"):
            v = float(plane.numbers[f"{name}_lowest_dose_{when}_pM"])
            out[f"tf-{name.replace('_', '-')}-{when}"] = "none" if math.isnan(v) else _pM(v, 2)
    out["tf-smallest-exposure-factor"] = _sig(
        float(reach.numbers["smallest_exposure_factor"]), 2)
    out["tf-smallest-threshold-factor"] = _sig(
        float(reach.numbers["smallest_threshold_factor"]), 2)
    return out
