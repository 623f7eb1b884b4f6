"""The numbers behind the book's model figures across doses, computed without drawing.

Constant-dose sweeps (:func:`ifnalpha.model.sweep`) for the dose × time heatmap, the
antiviral and antiproliferative dose–responses and the dose × IRF9 map. Each function returns
an :class:`ifnalpha.model.analyses.Analysis`; :mod:`ifnalpha.model.analyses` holds the
analyses over time and across conditions.

The model behind these numbers is educational and qualitative, not clinical guidance.

Examples
--------
>>> a = cell_state_dose_response(72.0)
>>> 100 < a.numbers["ec50_ratio"] < 1000
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ifnalpha import checks, model
from ifnalpha.model.analyses import Analysis

__all__ = [
    "cell_state_dose_response",
    "dose_time_grid",
    "dose_time_numbers",
    "half_max_dose",
    "irf9_isre_share",
]


def _doses(name: str, doses_pM: Sequence[float] | None, default: np.ndarray,
           at_least: int) -> np.ndarray:
    if doses_pM is None:
        return default
    doses = np.asarray(checks.numbers(name, doses_pM, positive=True), dtype=float)
    if doses.size < at_least:
        raise ValueError(f"`{name}` must hold at least {at_least} doses, got {list(doses_pM)!r}")
    return doses



def dose_time_grid(
    readout: str = "ifitm1",
    *,
    doses_pM: Sequence[float] | None = None,
    hours: float = 72.0,
    perturbations: Mapping[str, float | bool] | None = None,
    dt_h: float = 1.0,
) -> Analysis:
    """One readout over constant doses and time, and where it is largest.

    Parameters
    ----------
    readout : str
        A column of :data:`ifnalpha.model.READOUTS` other than ``ifn_pM``.
    doses_pM : sequence of float, optional
        Constant doses > 0 (at least two; default 25 doses from 0.1 pM to 100 nM).
    hours, perturbations, dt_h
        Passed to :func:`ifnalpha.model.sweep`.

    Returns
    -------
    Analysis
        ``data``: rows are doses (``dose_pM``), columns times (``time_h``).

    Examples
    --------
    >>> dose_time_grid("antiviral", doses_pM=[1, 10, 100], hours=12).numbers["readout"]
    'antiviral'
    """
    readout = checks.choice("readout", readout, [r for r in model.READOUTS if r != "ifn_pM"])
    doses = _doses("doses_pM", doses_pM, np.logspace(-1, 5, 25), 2)
    sw = model.sweep(doses, hours, perturbations=perturbations, dt_h=dt_h)
    data = pd.DataFrame(sw.readout(readout)[0], index=pd.Index(doses, name="dose_pM"),
                        columns=pd.Index(sw.time_h, name="time_h"))
    return Analysis(data, dose_time_numbers(readout, data))


def dose_time_numbers(readout: str, data: pd.DataFrame) -> dict[str, float | str]:
    """Key numbers of one readout over doses (rows) and times (columns, the last is the end).

    Returns ``readout``, ``max_value`` with ``max_at_dose_pM`` and ``max_at_h``, ``final_min``
    and ``final_max`` (over doses, at the end) and ``lowest_dose_reaching_half_range_pM``.

    Examples
    --------
    >>> grid = pd.DataFrame([[1.0, 1.0], [1.0, 3.0]], index=[1.0, 10.0], columns=[0.0, 5.0])
    >>> dose_time_numbers("ifitm1", grid)["lowest_dose_reaching_half_range_pM"]
    10.0
    """
    z = data.to_numpy()
    doses, times = data.index.to_numpy(), data.columns.to_numpy()
    i, j = np.unravel_index(np.argmax(z), z.shape)
    final = z[:, -1]
    half = final.min() + (final.max() - final.min()) / 2
    k = int(np.argmax(final >= half)) if final.max() > final.min() else 0
    return {
        "readout": readout,
        "max_value": float(z.max()),
        "max_at_dose_pM": float(doses[i]),
        "max_at_h": float(times[j]),
        "final_min": float(final.min()),
        "final_max": float(final.max()),
        "lowest_dose_reaching_half_range_pM": float(doses[k]),
    }


def half_max_dose(doses_pM: Sequence[float], values: Sequence[float]) -> float:
    """Return the dose at which a rising response first reaches half its maximum.

    Parameters
    ----------
    doses_pM : sequence of float
        Increasing doses > 0.
    values : sequence of float
        The response at each dose.

    Returns
    -------
    float
        The half-maximal dose (pM); the lowest dose if it already reaches half; nan if the
        response is never above 0.

    Examples
    --------
    >>> round(half_max_dose([1.0, 100.0], [0.0, 1.0]), 6)
    10.0
    """
    doses = np.asarray(doses_pM, dtype=float)
    y = np.asarray(values, dtype=float)
    half = y.max() / 2
    if half <= 0:
        return float("nan")
    j = int(np.argmax(y >= half))
    if j == 0:
        return float(doses[0])
    return float(np.exp(np.interp(half, y[j - 1 : j + 1], np.log(doses[j - 1 : j + 1]))))


def cell_state_dose_response(
    hours: float = 72.0,
    *,
    doses_pM: Sequence[float] | None = None,
    perturbations: Mapping[str, float | bool] | None = None,
) -> Analysis:
    """Antiviral and antiproliferative states after continuous exposure, against dose.

    Parameters
    ----------
    hours : float
        Duration of continuous exposure; states are read at the end.
    doses_pM : sequence of float, optional
        Doses > 0 (at least three; default 31 doses from 0.1 pM to 100 nM).
    perturbations : dict, optional
        See :data:`ifnalpha.model.PERTURBATIONS`.

    Returns
    -------
    Analysis
        ``data``: columns ``antiviral`` and ``antiproliferative`` indexed by ``dose_pM``;
        ``numbers``: half-maximal doses, maxima and their ratio ``ec50_ratio``.

    Examples
    --------
    >>> a = cell_state_dose_response(24.0, doses_pM=[1, 10, 100, 1000])
    >>> list(a.data.columns)
    ['antiviral', 'antiproliferative']
    """
    hours = checks.number("hours", hours, positive=True)
    doses = _doses("doses_pM", doses_pM, np.logspace(-1, 5, 31), 3)
    sw = model.sweep(doses, hours, perturbations=perturbations, dt_h=max(hours / 12, 0.5))
    data = pd.DataFrame({"antiviral": sw.readout("antiviral")[0, :, -1],
                         "antiproliferative": sw.readout("antiproliferative")[0, :, -1]},
                        index=pd.Index(doses, name="dose_pM"))
    numbers: dict[str, float | str] = {}
    for name in data.columns:
        numbers[f"{name}_ec50_pM"] = half_max_dose(doses, data[name].to_numpy())
        numbers[f"{name}_max"] = float(data[name].max())
    numbers["ec50_ratio"] = (float(numbers["antiproliferative_ec50_pM"])
                             / float(numbers["antiviral_ec50_pM"]))
    return Analysis(data, numbers)


def irf9_isre_share(
    *,
    doses_pM: Sequence[float] | None = None,
    irf9_folds: Sequence[float] | None = None,
    hours: float = 72.0,
) -> Analysis:
    """Return the unphosphorylated share of ISRE activity over dose and IRF9 (review A [34]).

    Parameters
    ----------
    doses_pM, irf9_folds : sequence of float, optional
        Grid (defaults: 20 doses from 0.1 pM to 100 nM; IRF9 ×1 to ×10 in 10 steps).
    hours : float
        Read-out time.

    Returns
    -------
    Analysis
        ``data``: rows are IRF9 folds (``irf9_fold``), columns doses (``dose_pM``), values the
        share (0–1).

    Examples
    --------
    >>> irf9_isre_share(doses_pM=[1, 100], irf9_folds=[1, 5], hours=24).data.shape
    (2, 2)
    """
    hours = checks.number("hours", hours, positive=True)
    doses = _doses("doses_pM", doses_pM, np.logspace(-1, 5, 20), 1)
    folds = (np.linspace(1, 10, 10) if irf9_folds is None
             else np.asarray(checks.numbers("irf9_folds", irf9_folds, positive=True), dtype=float))
    sw = model.sweep(doses, hours, perturbation="irf9_overexpression", values=folds,
                     dt_h=max(hours / 6, 1.0))
    u = sw.readout("isre_unphospho")[:, :, -1]
    p = sw.readout("isre_phospho")[:, :, -1]
    share = u / np.maximum(u + p, 1e-300)
    numbers: dict[str, float | str] = {
        "share_low_irf9_high_dose": float(share[0, -1]),
        "share_high_irf9_high_dose": float(share[-1, -1]),
        "share_low_irf9_low_dose": float(share[0, 0]),
        "share_high_irf9_low_dose": float(share[-1, 0]),
    }
    data = pd.DataFrame(share, index=pd.Index(folds, name="irf9_fold"),
                        columns=pd.Index(doses, name="dose_pM"))
    return Analysis(data, numbers)
