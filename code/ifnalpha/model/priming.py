"""Priming: the response to a second IFN-α dose as a function of the first dose, in both models.

Kok et al. (2020) report that a low first dose of IFN-α makes the pathway *more* responsive to a
second one (hypersensitisation, through the induced STAT2 and IRF9) and a high first dose makes
it less responsive (desensitisation, through USP18 and SOCS1). This module runs their
double-treatment design — a first dose at 0 h, a second dose at 24 h, observed to 32 h — over a
log-spaced sweep of first doses, in the published model (:mod:`ifnalpha.model.reference`, its
parameters untouched) and in the book's model, and reports for each readout the *priming ratio*:
the peak of the readout between the second dose and the end of the run, divided by the same peak
in cells that had no first dose. Above 1 is hypersensitisation, below 1 desensitisation.

Three runs are compared (:data:`RUNS`):

* the published model, the second dose added to the IFN left in the medium (its IFN is consumed
  by receptor binding, so a low first dose is nearly used up by 24 h);
* the book's model with its own convention, the first dose held constant and the second added
  to it (as :func:`ifnalpha.model.comparison.restimulation`);
* the book's model driven by the free IFN-α the published model leaves in the medium, so that
  both models see the same exposure and only their intracellular structure differs.

:func:`reset_test` asks *which* induced proteins carry the published model's priming: just
before the second dose it sets a group of species (induced STAT2 and IRF9, or USP18 and SOCS1)
back to their unstimulated values — a change of state, never of a parameter — and recomputes
the ratio. Both models are educational here; nothing in this module is clinical guidance.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ifnalpha import checks, model
from ifnalpha.model import reference
from ifnalpha.model.reference.loading import baseline_species, fresh_model, species_course
from ifnalpha.model.reference.readouts import readout_frame

__all__ = [
    "FIRST_DOSES_PM",
    "PRIMING_READOUTS",
    "RESET_GROUPS",
    "RUNS",
    "priming_curves",
    "priming_extremes",
    "primed_state",
    "reset_test",
]

#: The first doses of the sweep (pM): 0 (the reference) and 25 log-spaced doses, 0.01–10,000 pM.
FIRST_DOSES_PM: tuple[float, ...] = (0.0, *(float(f"{d:.4g}") for d in np.logspace(-2, 4, 25)))

#: Readouts examined, with a label: phosphorylated STAT1 and STAT2 as amounts (fraction ×
#: total protein, in units of the protein's unstimulated total, as an immunoblot measures them),
#: ISGF3 and the target-gene mRNAs the published model was calibrated on.
PRIMING_READOUTS: dict[str, str] = {
    "pstat1_amount": "pSTAT1",
    "pstat2_amount": "pSTAT2",
    "isgf3": "ISGF3",
    "socs1_mrna": "SOCS1 mRNA",
    "usp18_mrna": "USP18 mRNA",
    "irf9_mrna": "IRF9 mRNA",
    "stat1_mrna": "STAT1 mRNA",
    "stat2_mrna": "STAT2 mRNA",
}

#: The three runs, by label: the published model, the book's model with its constant
#: exposure, and the book's model fed the published model's free IFN-α.
RUNS: tuple[str, str, str] = ("Kok et al. 2020", "book model",
                              "book model, published model's IFN")

#: Species groups :func:`reset_test` sets back to rest before the second dose (free protein
#: and its nascent translation chain; complexes are left as they are).
RESET_GROUPS: dict[str, tuple[str, ...]] = {
    "STAT2 and IRF9": ("STAT2c", "STAT2n", "IRF9c", "IRF9n", "STAT2_LC_1", "STAT2_LC_2",
                       "STAT2_LC_3", "STAT2_LC_4", "STAT2_LC_5", "IRF9_LC_1", "IRF9_LC_2"),
    "USP18 and SOCS1": ("USP18", "SOCS1", "USP18_LC_1", "USP18_LC_2", "SOCS1_LC_1"),
}

_DT_H = 0.01
_ABOVE = 0.005  # a ratio counts as above 1 (hypersensitised) only beyond 1.005


def _with_amounts(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["pstat1_amount"] = frame["pstat1_total"] * frame["stat1"]
    frame["pstat2_amount"] = frame["pstat2_total"] * frame["stat2"]
    return frame


def _kok_run(first: float, second: float, at_h: float, hours: float) -> pd.DataFrame:
    return _with_amounts(reference.double_treatment(first, second, at_h, hours).frame)


def _book_run(first: float, second: float, at_h: float, hours: float) -> pd.DataFrame:
    before = model.simulate(first, at_h, dt_h=_DT_H)
    after = model.simulate(first + second, hours - at_h, start=before.final_state, dt_h=_DT_H)
    return _with_amounts(pd.concat([before.frame.iloc[:-1], after.frame]))


def _interpolated(series: pd.Series):
    times, values = series.index.to_numpy(dtype=float), series.to_numpy(dtype=float)
    return lambda t: float(np.interp(t, times, values))  # flat beyond the ends


def _book_on_kok_medium(first: float, second: float, at_h: float, hours: float) -> pd.DataFrame:
    medium = reference.double_treatment(first, second, at_h, hours).frame["ifn_pM"]
    early, late = medium[medium.index < at_h], medium[medium.index >= at_h]
    before = model.simulate(_interpolated(early), at_h, dt_h=_DT_H)
    after = model.simulate(_interpolated(late), hours - at_h, start=before.final_state,
                           dt_h=_DT_H)
    return _with_amounts(pd.concat([before.frame.iloc[:-1], after.frame]))


_RUNNERS = dict(zip(RUNS, (_kok_run, _book_run, _book_on_kok_medium), strict=True))


def _response(frame: pd.DataFrame, at_h: float) -> pd.DataFrame:
    after = frame[frame.index >= at_h - 1e-9]
    peaks = after[list(PRIMING_READOUTS)].max()
    return pd.DataFrame({"peak": peaks, "increment": peaks - after[list(PRIMING_READOUTS)].iloc[0]})


def priming_curves(first_doses_pM: Sequence[float] = FIRST_DOSES_PM,
                   second_dose_pM: float = reference.SECOND_DOSE_PM,
                   second_at_h: float = reference.SECOND_AT_H,
                   hours: float = reference.STUDY_HOURS,
                   runs: Sequence[str] = RUNS) -> pd.DataFrame:
    """Run the double treatment over first doses; return the priming ratio of every readout.

    Parameters
    ----------
    first_doses_pM : sequence of float
        First doses at 0 h (pM, finite, >= 0); 0 is added if missing (the reference).
    second_dose_pM : float, default 1400.0
        Dose added at ``second_at_h`` (pM, > 0).
    second_at_h : float, default 24.0
        Time of the second dose (h), strictly between 0 and ``hours``.
    hours : float, default 32.0
        End of each run (h).
    runs : sequence of str
        Labels of :data:`RUNS` to compute.

    Returns
    -------
    pandas.DataFrame
        Tidy, one row per (run, first dose, readout): ``run``, ``first_dose_pM``, ``readout``,
        ``peak`` (highest value from the second dose to the end), ``increment`` (peak minus the
        value at the second dose), ``ratio`` (peak / peak without first dose) and
        ``increment_ratio`` (increment / increment without first dose).

    Raises
    ------
    TypeError
        If a dose or time is not a number.
    ValueError
        If a dose or time is out of range, or a run is unknown.

    Examples
    --------
    >>> curve = priming_curves([0.0, 2.8], runs=["Kok et al. 2020"])
    >>> isgf3 = curve[(curve["readout"] == "isgf3") & (curve["first_dose_pM"] == 2.8)]
    >>> round(float(isgf3["ratio"].iloc[0]), 2)
    2.25
    """
    doses = sorted({0.0, *checks.numbers("first_doses_pM", first_doses_pM, minimum=0.0)})
    second = checks.number("second_dose_pM", second_dose_pM, positive=True)
    hours = checks.number("hours", hours, positive=True)
    at_h = checks.number("second_at_h", second_at_h, positive=True)
    if at_h >= hours:
        raise ValueError(f"`second_at_h` must be < `hours` = {hours:g}, got {second_at_h!r}")
    parts = []
    for run in runs:
        runner = _RUNNERS[checks.choice("runs", run, RUNS)]
        table = {dose: _response(runner(dose, second, at_h, hours), at_h) for dose in doses}
        naive = table[0.0]
        for dose, response in table.items():
            part = response.rename_axis("readout").reset_index()
            part["ratio"] = (response["peak"] / naive["peak"]).to_numpy()
            part["increment_ratio"] = (response["increment"] / naive["increment"]).to_numpy()
            part.insert(0, "first_dose_pM", dose)
            part.insert(0, "run", run)
            parts.append(part)
    return pd.concat(parts, ignore_index=True)


def priming_extremes(curves: pd.DataFrame, column: str = "ratio") -> pd.DataFrame:
    """Summarise :func:`priming_curves`: the lowest and highest ratio of each run and readout.

    Parameters
    ----------
    curves : pandas.DataFrame
        Output of :func:`priming_curves`.
    column : {"ratio", "increment_ratio"}
        Which ratio to summarise.

    Returns
    -------
    pandas.DataFrame
        One row per (run, readout), in the order of :data:`PRIMING_READOUTS`: ``max``,
        ``max_at_pM``, ``min``, ``min_at_pM`` (first doses above 0 only), and
        ``above_1_from_pM`` / ``above_1_to_pM``: the lowest and highest first dose whose ratio
        exceeds 1 by more than 0.5 % (NaN when none does).

    Raises
    ------
    ValueError
        If ``column`` is not one of the two ratios.

    Examples
    --------
    >>> curve = priming_curves([0.0, 2.8, 1400.0], runs=["Kok et al. 2020"])
    >>> row = priming_extremes(curve).set_index("readout").loc["isgf3"]
    >>> round(float(row["max"]), 2), float(row["max_at_pM"]), float(row["min_at_pM"])
    (2.25, 2.8, 1400.0)
    """
    checks.choice("column", column, ("ratio", "increment_ratio"))
    rows = []
    primed = curves[curves["first_dose_pM"] > 0]
    for (run, readout), group in primed.groupby(["run", "readout"], sort=False):
        top, low = group[column].idxmax(), group[column].idxmin()
        above = group.loc[group[column] > 1.0 + _ABOVE, "first_dose_pM"]
        rows.append({"run": run, "readout": readout,
                     "max": float(group.at[top, column]),
                     "max_at_pM": float(group.at[top, "first_dose_pM"]),
                     "min": float(group.at[low, column]),
                     "min_at_pM": float(group.at[low, "first_dose_pM"]),
                     "above_1_from_pM": float(above.min()) if len(above) else float("nan"),
                     "above_1_to_pM": float(above.max()) if len(above) else float("nan")})
    order = {name: i for i, name in enumerate(PRIMING_READOUTS)}
    table = pd.DataFrame(rows)
    return table.sort_values(["run", "readout"], key=lambda s: s.map(
        order if s.name == "readout" else {r: i for i, r in enumerate(RUNS)}),
        ignore_index=True)


def _reset_peak(first: float, reset: Sequence[str], second: float, at_h: float,
                hours: float) -> pd.Series:
    rr = fresh_model(reference.pM_to_model_units(first))
    species_course(rr, np.linspace(0.0, at_h, 2))
    rest = baseline_species()
    for name in reset:
        rr.setValue(name, float(rest[name]))
    rr.setValue("IFN", rr.getValue("IFN") + reference.pM_to_model_units(second))
    n_points = round((hours - at_h) / _DT_H) + 1
    frame = _with_amounts(readout_frame(species_course(rr, np.linspace(at_h, hours, n_points))))
    return frame[list(PRIMING_READOUTS)].max()


def reset_test(first_doses_pM: Sequence[float] = (2.8, 1400.0),
               groups: Sequence[str] = tuple(RESET_GROUPS),
               second_dose_pM: float = reference.SECOND_DOSE_PM,
               second_at_h: float = reference.SECOND_AT_H,
               hours: float = reference.STUDY_HOURS) -> pd.DataFrame:
    """Priming ratios of the published model with a group of induced proteins set back to rest.

    Just before the second dose the species of a :data:`RESET_GROUPS` group are set to their
    unstimulated values; everything else, and every parameter, is left as the first dose made
    it. If the ratio falls back towards 1, that group carried the priming.

    Parameters
    ----------
    first_doses_pM : sequence of float
        First doses (pM, finite, >= 0).
    groups : sequence of str
        Keys of :data:`RESET_GROUPS`; the row ``"none"`` (no reset) is always included.
    second_dose_pM, second_at_h, hours
        As in :func:`priming_curves`.

    Returns
    -------
    pandas.DataFrame
        One row per (reset, first dose, readout): ``reset``, ``first_dose_pM``, ``readout``,
        ``ratio`` (peak after the second dose / peak without first dose and without reset).

    Raises
    ------
    TypeError
        If a dose or time is not a number.
    ValueError
        If a dose, time or group is invalid.

    Examples
    --------
    >>> test = reset_test([2.8], ["STAT2 and IRF9"]).set_index(["reset", "readout"])
    >>> round(float(test.loc[("none", "isgf3"), "ratio"]), 2)
    2.25
    >>> round(float(test.loc[("STAT2 and IRF9", "isgf3"), "ratio"]), 2)
    0.99
    """
    doses = checks.numbers("first_doses_pM", first_doses_pM, minimum=0.0)
    second = checks.number("second_dose_pM", second_dose_pM, positive=True)
    hours = checks.number("hours", hours, positive=True)
    at_h = checks.number("second_at_h", second_at_h, positive=True)
    if at_h >= hours:
        raise ValueError(f"`second_at_h` must be < `hours` = {hours:g}, got {second_at_h!r}")
    names = ["none", *(checks.choice("groups", g, RESET_GROUPS) for g in groups)]
    naive = _reset_peak(0.0, (), second, at_h, hours)
    rows = []
    for name in names:
        for dose in doses:
            peaks = _reset_peak(dose, RESET_GROUPS.get(name, ()), second, at_h, hours)
            rows += [{"reset": name, "first_dose_pM": dose, "readout": readout,
                      "ratio": float(peaks[readout] / naive[readout])}
                     for readout in PRIMING_READOUTS]
    return pd.DataFrame(rows)


def primed_state(first_dose_pM: float = 2.8, at_h: float = reference.SECOND_AT_H,
                 readouts: Sequence[str] = ("stat2", "irf9", "usp18", "socs1")) -> pd.DataFrame:
    """Return the induced proteins each model holds when the second dose arrives.

    Parameters
    ----------
    first_dose_pM : float, default 2.8
        First dose at 0 h (pM).
    at_h : float, default 24.0
        Time of the second dose (h); the state just before it is reported.
    readouts : sequence of str
        Protein readouts, relative to their unstimulated level in both models.

    Returns
    -------
    pandas.DataFrame
        Index: the readouts; columns: the first two labels of :data:`RUNS` (the published
        model, the book's model with its constant exposure).

    Raises
    ------
    ValueError
        If the dose or time is invalid, or a readout is not shared by both models.

    Examples
    --------
    >>> state = primed_state(2.8)
    >>> round(float(state.loc["irf9", "Kok et al. 2020"]), 1)
    20.5
    """
    dose = checks.number("first_dose_pM", first_dose_pM, minimum=0.0)
    at_h = checks.number("at_h", at_h, positive=True)
    kok = reference.simulate_reference(dose, at_h).frame.iloc[-1]
    ours = model.simulate(dose, at_h, dt_h=_DT_H).frame.iloc[-1]
    names = [checks.choice("readouts", r, [c for c in kok.index if c in ours.index])
             for r in readouts]
    return pd.DataFrame({RUNS[0]: kok[names].astype(float), RUNS[1]: ours[names].astype(float)})
