"""What the pages with a model figure show: the figure, its explorer and the glued numbers.

One function per figure of the book's model. Each returns a :class:`ModelPage`: the static
figure at the explorer's default settings, the explorer (its live widget), the unrounded
numbers the page's prose states (:attr:`ModelPage.values`) and the same numbers formatted for
the prose (:attr:`ModelPage.texts`, glued by the page with
:func:`ifnalpha.book.glue.glue_texts`). A page's cell then reads::

    page = model_pages.acute_chronic_page()
    glue_figure(page.figure_key, page.figure)
    _ = glue_texts(page.texts)

The numbers are computed by :mod:`ifnalpha.model.analyses` (and the figures that draw them);
this module picks the runs a page describes and formats their numbers. What the prose says
about them (which is larger, which stays raised) is checked by ``tests/test_page_statements.py``.

The page that sets the model beside the fitted model of Kok et al. (2020) glues the texts of
:func:`fitted_model_texts`, formatted from the tables of :mod:`ifnalpha.model.comparison`.

The model is educational and qualitative, not clinical guidance.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ifnalpha.book import explorers
from ifnalpha.book.glue import count, decimals, dose, fold, hours, percent, significant
from ifnalpha.model import analyses, comparison, dosing, priming

__all__ = ["JAK_BLOCK_LATE", "MODEL_PAGES", "ModelPage", "acute_chronic_page",
           "dose_response_page", "dose_time_page", "fitted_model_texts", "perturbations_page",
           "priming_texts",
           "regimens_page", "time_course_page"]

#: The JAK inhibitor the isgs-in-ibc page adds late, to a cell already in its chronic phase.
JAK_BLOCK_LATE = 0.9


@dataclass(frozen=True)
class ModelPage:
    """A model figure as a page shows it.

    Attributes
    ----------
    figure_key : str
        The glue key of the figure (``{glue:figure}`` in the page).
    figure : BookFigure
        The figure at the explorer's default settings.
    explorer : Explorer
        The explorer whose widget follows the figure on the page.
    values : dict
        The unrounded numbers the prose states, by glue key (and a few the prose only
        compares, by a name without a glued twin).
    texts : dict
        The glued texts, by glue key: the caption, the settings and :attr:`values` formatted.
    """

    figure_key: str
    figure: Any = field(repr=False)
    explorer: explorers.Explorer = field(repr=False)
    values: dict[str, float] = field(default_factory=dict, repr=False)
    texts: dict[str, str] = field(default_factory=dict)


def _page(key: str, explorer: explorers.Explorer, figure: Any, values: Mapping[str, float],
          formats: Mapping[str, Callable[[float], str]],
          settings: Mapping[str, str]) -> ModelPage:
    texts = {f"cap-{key.removeprefix('fig-')}": figure.caption, **settings}
    texts.update({name: formats[name](value) for name, value in values.items()
                  if name in formats})
    return ModelPage(key, figure, explorer, dict(values), texts)


def time_course_page() -> ModelPage:
    """Return the time course of the model reference page (default dose and duration).

    Examples
    --------
    >>> page = time_course_page()
    >>> page.texts["tc-dose"], page.texts["tc-hours"]
    ('100 pM', '72')
    """
    explorer = explorers.time_course_explorer()
    settings = explorer.defaults()
    figure = explorer.static_figure()
    return _page("fig-time-course", explorer, figure, {}, {},
                 {"tc-dose": dose(settings["dose_pM"]), "tc-hours": hours(settings["hours"])})


def dose_time_page() -> ModelPage:
    """Return the dose × time map of IFITM1 (ifna-biology page).

    ``values`` holds ``dt-final-min``, ``dt-final-max`` (IFITM1 at the end, fold over rest,
    over all doses), ``dt-half-dose`` (the lowest dose reaching half of that range, pM) and
    ``first-day-excess`` (how far, at worst, the value at the end stays below the highest
    value of the first day, over all doses: at most 0 when IFITM1 ends higher at every dose).
    """
    explorer = explorers.dose_time_explorer()
    figure = explorer.static_figure()
    numbers = figure.numbers
    grid = figure.data
    first_day = grid.loc[:, grid.columns <= dosing.HOURS_PER_DAY].max(axis=1)
    values = {
        "dt-final-min": numbers["final_min"],
        "dt-final-max": numbers["final_max"],
        "dt-half-dose": numbers["lowest_dose_reaching_half_range_pM"],
        "first-day-excess": float((first_day - grid.iloc[:, -1]).max()),
    }
    formats = {"dt-final-min": fold, "dt-final-max": fold,
               "dt-half-dose": lambda v: dose(v, digits=3)}
    return _page("fig-dose-time", explorer, figure, values, formats,
                 {"dt-hours": hours(explorer.defaults()["hours"])})


def dose_response_page() -> ModelPage:
    """Return the antiviral and antiproliferative dose–responses (ifna-biology page).

    ``values`` holds the two half-maximal doses (pM), their ratio and ``best-window``: over the
    doses between the two half-maximal doses, the largest antiviral level among those with an
    antiproliferative level under 0.05 (0 when there is none).
    """
    explorer = explorers.dose_response_explorer()
    figure = explorer.static_figure()
    numbers = figure.numbers
    curves = figure.data
    low, high = numbers["antiviral_ec50_pM"], numbers["antiproliferative_ec50_pM"]
    between = curves[(curves.index > low) & (curves.index < high)]
    quiet = between[between["antiproliferative"] < 0.05]
    values = {
        "dr-antiviral-ec50": low,
        "dr-antiproliferative-ec50": high,
        "dr-ratio": numbers["ec50_ratio"],
        "best-window": float(quiet["antiviral"].max()) if len(quiet) else 0.0,
    }
    formats = {"dr-antiviral-ec50": lambda v: dose(v, digits=3),
               "dr-antiproliferative-ec50": lambda v: dose(v, digits=3),
               "dr-ratio": lambda v: f"{v:.0f}"}
    return _page("fig-dose-response", explorer, figure, values, formats,
                 {"dr-hours": hours(explorer.defaults()["hours"])})


def acute_chronic_page() -> ModelPage:
    """Return acute vs chronic exposure, then the same cell washed out or given a JAK inhibitor.

    ``values`` holds the figure's chronic-phase numbers (``ac-*``) and the ends of the two other
    runs, from the explorer's inhibitor time on: IFN-α washed out (``ac-washout-*``) or a JAK
    inhibitor blocking :data:`JAK_BLOCK_LATE` of kinase activity (``ac-jak-*``); plus
    ``pstat1-peak-h`` (when pSTAT1 peaks) and ``lowest-rise-stat1-stat2-irf9`` (the smallest of
    STAT1, STAT2 and IRF9 at the end, fold over rest).
    """
    explorer = explorers.acute_chronic_explorer()
    settings = explorer.defaults()
    figure = explorer.static_figure()
    s = figure.numbers
    stop_h = settings["inhibitor_from_h"]
    run = {"dose_pM": settings["dose_pM"], "hours": settings["hours"]}
    washout = analyses.acute_chronic_phases(**run, washout_at_h=stop_h).numbers
    jak = analyses.acute_chronic_phases(**run, jak_inhibition=JAK_BLOCK_LATE,
                                        inhibitor_from_h=stop_h).numbers
    course = figure.data
    values = {
        "ac-pstat1-chronic": s["pstat1_chronic_over_peak"],
        "ac-u-isgf3-chronic": s["u_isgf3_chronic_fold"],
        "ac-ifitm1-chronic": s["ifitm1_chronic_fold"],
        "ac-tunable-peak": s["tunable_acute_peak_fold"],
        "ac-tunable-chronic": s["tunable_chronic_fold"],
        "ac-end-ifitm1": s["final_ifitm1_fold"],
        "ac-end-tunable": s["final_tunable_fold"],
        "ac-washout-ifitm1": washout["final_ifitm1_fold"],
        "ac-washout-tunable": washout["final_tunable_fold"],
        "ac-jak-ifitm1": jak["final_ifitm1_fold"],
        "ac-jak-tunable": jak["final_tunable_fold"],
        "pstat1-peak-h": float(course["pstat1_total"].idxmax()),
        "lowest-rise-stat1-stat2-irf9": float(course[["stat1", "stat2", "irf9"]].iloc[-1].min()),
    }
    formats = {name: fold for name in values if name.startswith("ac-")}
    formats["ac-pstat1-chronic"] = percent
    return _page("fig-acute-chronic", explorer, figure, values, formats, {
        "ac-dose": dose(settings["dose_pM"]),
        "ac-hours": hours(settings["hours"]),
        "ac-stop-h": hours(stop_h),
        "ac-after-stop-h": hours(settings["hours"] - stop_h),
        "ac-jak-block": percent(JAK_BLOCK_LATE),
    })


#: The cells of the perturbation panel the prose names, by a short name: the perturbation
#: that sets each apart (its label is that of :data:`ifnalpha.model.analyses.DEFAULT_CONDITIONS`).
_PERTURBED_BY = {"jak": "jak_inhibition", "usp18": "usp18_knockdown",
                 "socs1": "socs1_knockdown", "irf9": "irf9_overexpression",
                 "y701f": "stat1_y701f", "y690f": "stat2_y690f", "null": "stat1_null",
                 "ifnar1": "ifnar1_null"}
_CELLS = {short: next(label for label, pert in analyses.DEFAULT_CONDITIONS.items()
                      if list(pert) == [name])
          for short, name in _PERTURBED_BY.items()}


def perturbations_page() -> ModelPage:
    """Return every perturbed cell beside the unperturbed one (antitumour-mechanism page).

    ``values`` holds the glued numbers (``pt-*``: fold over rest, activities 0–1, pSTAT1
    exposure relative to the unperturbed cell) and a few the prose only compares:
    ``ifnar1-largest-change`` (largest distance of a gene from rest without IFNAR1),
    ``ifnar1-pstat1-auc``, ``<cell>-tunable-vs-wt`` and ``<cell>-ifitm1-vs-wt`` (ratios to the
    unperturbed cell), ``jak-kept-tunable`` and ``jak-kept-ifitm1`` (share of the induction
    over rest kept under the JAK inhibitor), ``dead-tunable-quarter`` (a quarter of the
    unperturbed induction, plus rest), and ``y690f-brakes-change`` (largest distance of USP18 and
    SOCS1 from rest over the Y690F cell's run).
    """
    explorer = explorers.perturbation_explorer()
    settings = explorer.defaults()
    figure = explorer.static_figure()
    data = figure.data  # one row per simulated cell, as drawn
    wt = data.loc["wild type"]
    auc = data["pstat1_auc"] / wt["pstat1_auc"]
    cell = {short: data.loc[label] for short, label in _CELLS.items()}
    presets = explorers.PRESETS
    dead = data.loc[[_CELLS["y701f"], _CELLS["y690f"], _CELLS["null"]]]
    y690f = analyses.departure_from_rest(
        analyses.DEFAULT_CONDITIONS[_CELLS["y690f"]], ("usp18", "socs1"),
        dose_pM=settings["dose_pM"], hours=settings["hours"]).numbers
    null_rest = analyses.departure_from_rest(
        analyses.DEFAULT_CONDITIONS[_CELLS["null"]], ("ifitm1",), dose_pM=0.0,
        hours=settings["hours"]).numbers
    values = {
        "pt-wt-tunable": wt["tunable_isg"], "pt-wt-ifitm1": wt["ifitm1"],
        "pt-wt-irf1": wt["irf1"], "pt-wt-antiviral": wt["antiviral"],
        "pt-jak-auc": auc[_CELLS["jak"]], "pt-jak-tunable": cell["jak"]["tunable_isg"],
        "pt-jak-ifitm1": cell["jak"]["ifitm1"],
        "pt-usp18-auc": auc[_CELLS["usp18"]], "pt-socs1-auc": auc[_CELLS["socs1"]],
        "pt-usp18-tunable": cell["usp18"]["tunable_isg"],
        "pt-socs1-tunable": cell["socs1"]["tunable_isg"],
        "pt-irf9-ifitm1": cell["irf9"]["ifitm1"], "pt-irf9-tunable": cell["irf9"]["tunable_isg"],
        "pt-dead-tunable-max": dead["tunable_isg"].max(),
        "pt-dead-antiviral-max": dead["antiviral"].max(),
        "pt-y690f-auc": auc[_CELLS["y690f"]], "pt-y690f-irf1": cell["y690f"]["irf1"],
        "pt-null-ifitm1-rest": null_rest["ifitm1_final"],
        "pt-null-ifitm1": cell["null"]["ifitm1"],
        "ifnar1-largest-change": float(
            (cell["ifnar1"][["tunable_isg", "ifitm1", "irf1"]] - 1).abs().max()),
        "ifnar1-pstat1-auc": cell["ifnar1"]["pstat1_auc"],
        "dead-tunable-quarter": (wt["tunable_isg"] - 1) / 4 + 1,
        "y690f-brakes-change": y690f["largest_change"],
    }
    for short in ("jak", "usp18", "socs1", "irf9"):
        for readout, name in (("tunable_isg", "tunable"), ("ifitm1", "ifitm1")):
            values[f"{short}-{name}-vs-wt"] = cell[short][readout] / wt[readout]
    for readout, name in (("tunable_isg", "tunable"), ("ifitm1", "ifitm1")):
        values[f"jak-kept-{name}"] = (cell["jak"][readout] - 1) / (wt[readout] - 1)
    values = {k: float(v) for k, v in values.items()}
    formats: dict[str, Callable[[float], str]] = {
        k: fold for k in values if k.startswith("pt-")}
    formats |= {"pt-wt-antiviral": lambda v: decimals(v, 2), "pt-jak-auc": percent,
                "pt-dead-antiviral-max": lambda v: decimals(v, 2),
                "pt-y690f-irf1": lambda v: decimals(v, 0),
                "pt-null-ifitm1-rest": lambda v: decimals(v, 2),
                "pt-null-ifitm1": lambda v: decimals(v, 2)}
    return _page("fig-perturbations", explorer, figure, values, formats, {
        "pt-n-cells": count(len(data)),
        "pt-dose": dose(settings["dose_pM"]),
        "pt-hours": hours(settings["hours"]),
        "pt-jak": percent(presets[_CELLS["jak"]]["jak_inhibition"]),
        "pt-usp18-kd": percent(presets[_CELLS["usp18"]]["usp18_knockdown"]),
        "pt-socs1-kd": percent(presets[_CELLS["socs1"]]["socs1_knockdown"]),
        "pt-irf9": f"{presets[_CELLS['irf9']]['irf9_overexpression']:g}",
    })


def regimens_page() -> ModelPage:
    """Return the two dosing regimens of the current-challenges page, run for some weeks.

    ``values`` holds, per regimen (``rg-hdi-*`` for the first, ``rg-peg-*`` for the second),
    the share of time above 10 % of the peak, the trough over the peak, the lowest tunable ISG,
    IFITM1 and antiviral state of the last week and the peak (pM); ``rg-antiproliferative-max``
    (highest antiproliferative state of either run) and ``antiproliferative-ec50`` (pM, of the
    dose–response figure).
    """
    explorer = explorers.regimen_explorer()
    settings = explorer.defaults()
    figure = explorer.static_figure()
    s = figure.numbers
    highest = figure.data.groupby(level="regimen").max()
    ec50 = explorers.dose_response_explorer().static_figure().numbers["antiproliferative_ec50_pM"]
    values = {"rg-antiproliferative-max": float(highest["antiproliferative"].max()),
              "antiproliferative-ec50": float(ec50)}
    formats: dict[str, Callable[[float], str]] = {
        "rg-antiproliferative-max": lambda v: significant(v, 1)}
    for short, name in (("hdi", settings["first"]), ("peg", settings["second"])):
        for key, number in _REGIMEN_NUMBERS.items():
            values[f"rg-{short}-{key}"] = float(s[f"{name}:{number}"])
    formats |= {f"rg-{short}-{key}": style for short in ("hdi", "peg")
                for key, style in _REGIMEN_FORMATS.items()}
    # the high-dose regimen's trough and peak are small: more digits
    formats |= {"rg-hdi-trough": lambda v: percent(v, 2), "rg-hdi-peak": lambda v: dose(v, 2)}
    return _page("fig-regimens", explorer, figure, values, formats, {
        "rg-weeks": count(settings["weeks"]),
        "rg-hdi": dosing.REGIMENS[settings["first"]].description,
        "rg-peg": dosing.REGIMENS[settings["second"]].description,
        "rg-threshold": percent(dosing.THRESHOLD_OF_PEAK),
    })


_REGIMEN_NUMBERS = {"above": "fraction_above_10pct", "trough": "trough_over_peak",
                    "tunable-min": "tunable_min_last_week", "ifitm1-min": "ifitm1_min_last_week",
                    "antiviral-min": "antiviral_min_last_week", "peak": "peak_pM"}
_REGIMEN_FORMATS: dict[str, Callable[[float], str]] = {
    "above": percent, "trough": percent, "tunable-min": fold, "ifitm1-min": fold,
    "antiviral-min": lambda v: decimals(v, 2), "peak": lambda v: dose(v, 3)}


def _dose_key(dose_pM: float) -> str:
    return f"{dose_pM:g}".replace(".", "p")


def fitted_model_texts(peaks: pd.DataFrame, ratios: pd.DataFrame) -> dict[str, str]:
    """Return the texts the page "A fitted model beside ours" glues, by glue key.

    Parameters
    ----------
    peaks : pandas.DataFrame
        Output of :func:`ifnalpha.model.comparison.peak_summary`.
    ratios : pandas.DataFrame
        Output of :func:`ifnalpha.model.comparison.restimulation_table`.

    Returns
    -------
    dict
        For every (model, dose, readout) of `peaks`: ``<m>-<readout>-peak_h-<d>`` (hours, 2
        decimals), ``<m>-<readout>-peak-<d>`` and ``<m>-<readout>-at_end-<d>`` (3 significant
        digits); for every (model, pre-dose) of `ratios`: ``<m>-ratio-<d>`` (2 decimals). ``<m>``
        is ``ours`` for the book's model and ``kok`` for the published one, ``<d>`` a dose with
        ``p`` for its decimal point (``2p8``). Then the protocol of
        :mod:`ifnalpha.model.comparison`: ``dose-<d>`` for each of its doses (``"2.8 pM"``),
        ``doses`` (``"0, 2.8, 28 or 1400 pM"``), ``hours`` and ``second-at-h``.

    Examples
    --------
    >>> runs = comparison.dose_response_runs([28.0], hours=3)
    >>> texts = fitted_model_texts(comparison.peak_summary(runs),
    ...                            comparison.restimulation_table(
    ...                                comparison.restimulation([0.0], hours=25)))
    >>> texts["kok-ratio-0"], texts["dose-2p8"], texts["doses"]
    ('1.00', '2.8 pM', '0, 2.8, 28 or 1400 pM')
    """
    short = {comparison.MODELS[0]: "ours", comparison.MODELS[1]: "kok"}
    texts: dict[str, str] = {}
    for row in peaks.itertuples(index=False):
        base = f"{short[row.model]}-{row.readout}"
        key = _dose_key(row.dose_pM)
        texts[f"{base}-peak_h-{key}"] = decimals(row.peak_h, 2)
        texts[f"{base}-peak-{key}"] = significant(row.peak, 3)
        texts[f"{base}-at_end-{key}"] = significant(row.at_end, 3)
    for row in ratios.itertuples(index=False):
        texts[f"{short[row.model]}-ratio-{_dose_key(row.pre_dose_pM)}"] = decimals(row.ratio, 2)
    texts |= {f"dose-{_dose_key(d)}": dose(d) for d in comparison.DOSES_PM}
    labels = [f"{d:g}" for d in comparison.DOSES_PM]
    texts["doses"] = f"{', '.join(labels[:-1])} or {labels[-1]} pM"
    texts["hours"] = hours(comparison.PROTOCOL["hours"])
    texts["second-at-h"] = hours(comparison.PROTOCOL["second_at_h"])
    return texts


def priming_texts(curves: pd.DataFrame, resets: pd.DataFrame,
                  states: Mapping[float, pd.DataFrame]) -> dict[str, str]:
    """Return the texts of the fitted-model page's priming section, by glue key (``pr-…``).

    Parameters
    ----------
    curves : pandas.DataFrame
        Output of :func:`ifnalpha.model.priming.priming_curves`.
    resets : pandas.DataFrame
        Output of :func:`ifnalpha.model.priming.reset_test`.
    states : mapping
        First dose (pM) → output of :func:`ifnalpha.model.priming.primed_state`.

    Returns
    -------
    dict
        ``pr-<m>-<readout>-max`` / ``-min`` (2 decimals) and ``-max-at`` / ``-min-at`` (doses,
        3 significant digits) for ``<m>`` = ``kok``, ``ours``, ``medium`` (the book's model fed
        the published model's IFN); ``pr-kok-<readout>-from`` / ``-to`` where a ratio exceeds
        1; ``pr-reset-<group>-<d>-<readout>`` (2 decimals; group ``none``, ``stat2irf9``,
        ``usp18socs1``); ``pr-state-<m>-<protein>-<d>`` (fold, 1 decimal); ``pr-lowest``,
        ``pr-highest`` (the sweep's ends), ``pr-n-doses`` and ``pr-readouts`` (their labels).

    Examples
    --------
    >>> curves = priming.priming_curves([0.0, 2.8], runs=priming.RUNS)
    >>> texts = priming_texts(curves, priming.reset_test([2.8], ["STAT2 and IRF9"]),
    ...                       {2.8: priming.primed_state(2.8)})
    >>> texts["pr-kok-isgf3-max"], texts["pr-reset-stat2irf9-2p8-isgf3"]
    ('2.25', '0.99')
    """
    short = dict(zip(priming.RUNS, ("kok", "ours", "medium"), strict=True))
    texts: dict[str, str] = {}
    for row in priming.priming_extremes(curves).itertuples():
        base = f"pr-{short[row.run]}-{row.readout}"
        texts |= {f"{base}-max": decimals(row.max, 2), f"{base}-min": decimals(row.min, 2),
                  f"{base}-max-at": dose(row.max_at_pM, digits=3),
                  f"{base}-min-at": dose(row.min_at_pM, digits=3)}
        if row.above_1_from_pM == row.above_1_from_pM:  # not NaN
            texts[f"{base}-from"] = dose(row.above_1_from_pM, digits=3)
            texts[f"{base}-to"] = dose(row.above_1_to_pM, digits=3)
    groups = {"none": "none", "STAT2 and IRF9": "stat2irf9", "USP18 and SOCS1": "usp18socs1"}
    for row in resets.itertuples():
        key = f"pr-reset-{groups[row.reset]}-{_dose_key(row.first_dose_pM)}-{row.readout}"
        texts[key] = decimals(row.ratio, 2)
    for first, state in states.items():
        for protein, values in state.iterrows():
            for run, value in values.items():
                texts[f"pr-state-{short[run]}-{protein}-{_dose_key(first)}"] = fold(value)
    primed = sorted(d for d in curves["first_dose_pM"].unique() if d > 0)
    texts |= {"pr-lowest": dose(primed[0]), "pr-highest": dose(primed[-1]),
              "pr-n-doses": count(len(primed)),
              "pr-readouts": ", ".join(priming.PRIMING_READOUTS.values())}
    return texts


#: Every model page function, by the glue key of its figure.
MODEL_PAGES: dict[str, Callable[[], ModelPage]] = {
    "fig-time-course": time_course_page,
    "fig-dose-time": dose_time_page,
    "fig-dose-response": dose_response_page,
    "fig-acute-chronic": acute_chronic_page,
    "fig-perturbations": perturbations_page,
    "fig-regimens": regimens_page,
}
