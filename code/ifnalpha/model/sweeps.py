"""Many constant-dose simulations at once: dose × perturbation sweeps.

All simulations of a sweep are integrated together as one block-diagonal system (LSODA with a
banded Jacobian), which is much faster than one :func:`ifnalpha.model.simulate` call each.
The model is educational and qualitative, not clinical guidance.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ifnalpha import checks
from ifnalpha.model import core as _core
from ifnalpha.model.perturbations import PERTURBATIONS, check_perturbations
from ifnalpha.model.simulation import READOUTS, output_grid, setup_constants, steady_state

__all__ = ["SweepResult", "sweep"]


@dataclass(frozen=True)
class SweepResult:
    """Output of :func:`sweep`: many constant-dose simulations on one time grid.

    Attributes
    ----------
    doses_pM : ndarray, shape (n_doses,)
    values : ndarray, shape (n_values,)
        Values of the swept perturbation (or ``[nan]`` if none was swept).
    perturbation : str or None
    time_h : ndarray, shape (n_times,)
    states : ndarray, shape (n_values, n_doses, n_times, n_states)
    """

    doses_pM: np.ndarray
    values: np.ndarray
    perturbation: str | None
    time_h: np.ndarray
    states: np.ndarray
    constants: tuple = ()

    def readout(self, name: str) -> np.ndarray:
        """Return a readout as an array of shape (n_values, n_doses, n_times).

        Examples
        --------
        >>> sweep([1.0, 10.0], 2.0).readout("ifn_pM")[0, :, -1].tolist()
        [1.0, 10.0]
        """
        checks.choice("name", name, READOUTS)
        out = np.empty(self.states.shape[:3])
        for i in range(self.states.shape[0]):
            out[i] = _core.readouts(self.states[i], self.constants[i], self.doses_pM[:, None])[name]
        return out

    def at(self, name: str, time_h: float) -> pd.DataFrame:
        """Return a readout at one time as a table: rows = swept values, columns = doses."""
        t = checks.number("time_h", time_h, minimum=0.0)
        j = int(np.argmin(np.abs(self.time_h - t)))
        data = self.readout(name)[:, :, j]
        return pd.DataFrame(
            data,
            index=pd.Index(self.values, name=self.perturbation or "value"),
            columns=pd.Index(self.doses_pM, name="dose_pM"),
        )


def sweep(
    doses_pM: Sequence[float],
    hours: float,
    *,
    perturbation: str | None = None,
    values: Sequence[float] | None = None,
    perturbations: Mapping[str, float | bool] | None = None,
    params: Mapping[str, float] | None = None,
    dt_h: float = 1.0,
) -> SweepResult:
    """Simulate every combination of constant dose and one perturbation's value, all at once.

    All simulations are integrated together as one block-diagonal system (LSODA with a banded
    Jacobian), which is much faster than one call per combination. Each simulation starts from
    the resting state of its own perturbed cell.

    Parameters
    ----------
    doses_pM : sequence of float
        Constant IFN-α concentrations (pM, >= 0).
    hours : float
        Length of each simulation.
    perturbation : str, optional
        Name of a numeric perturbation to sweep (e.g. ``"irf9_overexpression"``).
    values : sequence of float, optional
        Its values (required with ``perturbation``).
    perturbations : dict, optional
        Other perturbations, held fixed.
    params : dict, optional
        Parameter overrides.
    dt_h : float
        Output spacing (default 1 h).

    Returns
    -------
    SweepResult

    Examples
    --------
    >>> s = sweep([1.0, 100.0], 24, perturbation="irf9_overexpression", values=[1.0, 4.0])
    >>> s.at("u_isgf3", 24).shape
    (2, 2)
    """
    doses = np.array(checks.numbers("doses_pM", doses_pM, minimum=0.0))
    hours_v = checks.number("hours", hours, positive=True)
    base = check_perturbations(perturbations)
    if perturbation is None:
        if values is not None:
            raise ValueError(f"`values` must be None without a `perturbation` to sweep, "
                             f"got {values!r}")
        vals = np.array([np.nan])
    else:
        numeric = [k for k, v in PERTURBATIONS.items() if v.kind != "flag"]
        checks.choice("perturbation", perturbation, numeric)
        if values is None:
            raise TypeError("`values` must be a sequence of numbers, got None")
        vals = np.array(checks.numbers("values", values))
        for v in vals:
            check_perturbations({**base, perturbation: float(v)})
    t = output_grid(0.0, hours_v, dt_h)
    consts, starts = [], []
    for v in vals:
        pert = dict(base) if perturbation is None else {**base, perturbation: float(v)}
        p, _rest, _ = setup_constants(params, pert)
        consts.append(p)
        starts.append(steady_state(pert, params).values)
    # one block-diagonal system for every (value, dose) pair; constants that differ between
    # values become arrays over the batch
    table = np.array(consts)
    columns: list[float | np.ndarray] = []
    for j in range(table.shape[1]):
        col = np.repeat(table[:, j], doses.size)
        columns.append(float(col[0]) if np.all(col == col[0]) else col)
    y0 = np.repeat(np.array(starts), doses.size, axis=0)
    states = _core.integrate_many(y0, t, columns, np.tile(doses, vals.size))
    out = states.reshape(vals.size, doses.size, t.size, _core.N_STATES)
    return SweepResult(doses, vals, perturbation, t, out, tuple(consts))
