"""Apparent clearance that falls with time on treatment, and the doses it shapes (PEG-IFN-α2b).

Part of :mod:`ifnalpha.model.dosing` (its face re-exports the public names). The apparent
clearance of PEG-IFN-α2b falls with repeated weekly dosing: Gupta et al. 2007 describe it as
``CL(t) = CL0 / (1 + t / T50)``, ``t`` the time on treatment, and Daud et al. 2011 (Table 3)
report the mean apparent clearance falling from the first week to the eighth and the twelfth.
:class:`ClearanceDecline` holds that hyperbola, applied in steps: the clearance is set anew at
the start of each step after the first dose (a week by default) and held within it, so that
the concentration stays a closed form (two exponentials) between consecutive breakpoints.

The absorption depot ``A`` and the plasma concentration ``C`` (both in concentration units,
amount / apparent volume) follow ``A' = -ka A`` and ``C' = ka A - k C``; within a segment of
constant ``k`` they are exact exponentials, and a dose adds its amount to ``A``.

Examples
--------
>>> d = ClearanceDecline(halving_time_h=10 * 168.0)
>>> d.factor_at(0.0), round(d.factor_at(168.0 * 10), 2)
(1.0, 0.5)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ifnalpha import checks
from ifnalpha.model.dosing.exposures import HOURS_PER_WEEK

__all__ = ["ClearanceDecline", "DeclineSegment", "decline_segments", "segments_concentration"]

#: Steps of clearance decline counted after the last dose; afterwards the clearance is held.
#: Eight weeks are over 25 half-lives of PEG-IFN-α2b: nothing of the doses is left by then.
STEPS_AFTER_LAST_DOSE = 8


@dataclass(frozen=True)
class ClearanceDecline:
    """Clearance ``CL0 / (1 + t / T50)``, ``t`` the start of the step since the first dose.

    Attributes
    ----------
    halving_time_h : float
        ``T50``: the time on treatment at which the clearance has fallen to half its start.
    step_h : float
        How often the clearance is set anew (a week by default: weekly doses).
    source : str
        Where the form and the numbers come from.
    """

    halving_time_h: float
    step_h: float = HOURS_PER_WEEK
    source: str = ""

    def __post_init__(self) -> None:
        checks.number("halving_time_h", self.halving_time_h, positive=True)
        checks.number("step_h", self.step_h, positive=True)

    def factor_at(self, t_since_first_h: float) -> float:
        """Clearance in force ``t_since_first_h`` hours after the first dose, over the start's."""
        t = checks.number("t_since_first_h", t_since_first_h, minimum=0.0)
        step_start = math.floor(t / self.step_h + 1e-9) * self.step_h
        return 1.0 / (1.0 + step_start / self.halving_time_h)


@dataclass(frozen=True)
class DeclineSegment:
    """A stretch of constant clearance: depot ``a0`` and concentration ``c0`` at its start."""

    start_h: float
    k_per_h: float
    a0: float
    c0: float

    def closed_form(self, ka_per_h: float) -> Callable[[float], float]:
        """Return the concentration as a function of time (h) within this segment."""
        s, k, a0, c0 = self.start_h, self.k_per_h, self.a0, self.c0
        g = a0 * ka_per_h / (ka_per_h - k)
        return lambda t: max(0.0, (c0 + g) * math.exp(-k * (t - s)) - g * math.exp(
            -ka_per_h * (t - s)))


def decline_segments(times_h: Sequence[float], amounts: Sequence[float], ke0_per_h: float,
                     ka_per_h: float, decline: ClearanceDecline) -> tuple[DeclineSegment, ...]:
    """Return the segments of constant clearance over a dose schedule (sorted dose times).

    Segments start at each dose and at each step of the decline, from the first dose to
    :data:`STEPS_AFTER_LAST_DOSE` steps after the last; the last segment runs on for ever.

    Examples
    --------
    >>> segs = decline_segments([0.0, 168.0], [1.0, 1.0], 0.0136, 0.094,
    ...                         ClearanceDecline(5000.0))
    >>> [s.start_h for s in segs][:3], round(segs[1].k_per_h / segs[0].k_per_h, 3)
    ([0.0, 168.0, 336.0], 0.967)
    """
    if not times_h:
        return ()
    first, last = float(times_h[0]), float(times_h[-1])
    n_steps = math.floor((last - first) / decline.step_h + 1e-9) + STEPS_AFTER_LAST_DOSE
    starts = sorted({float(t) for t in times_h}
                    | {first + i * decline.step_h for i in range(n_steps + 1)})
    dose_at: dict[float, float] = {}
    for t, a in zip(times_h, amounts, strict=True):
        dose_at[float(t)] = dose_at.get(float(t), 0.0) + float(a)
    out: list[DeclineSegment] = []
    a_dep, conc, prev, k = 0.0, 0.0, first, ke0_per_h
    for s in starts:
        tau = s - prev
        if tau > 0:  # carry depot and concentration over the previous segment
            g = a_dep * ka_per_h / (ka_per_h - k)
            conc = (conc + g) * math.exp(-k * tau) - g * math.exp(-ka_per_h * tau)
            a_dep *= math.exp(-ka_per_h * tau)
        a_dep += dose_at.get(s, 0.0)
        k = ke0_per_h * decline.factor_at(min(s, first + n_steps * decline.step_h) - first)
        out.append(DeclineSegment(s, k, a_dep, max(conc, 0.0)))
        prev = s
    return tuple(out)


def segments_concentration(segments: Sequence[DeclineSegment], ka_per_h: float,
                           t_h: np.ndarray) -> np.ndarray:
    """Concentration at times ``t_h`` (an array) from :func:`decline_segments`' segments."""
    out = np.zeros(t_h.shape)
    if not segments:
        return out
    starts = np.array([s.start_h for s in segments])
    idx = np.searchsorted(starts, t_h, side="right") - 1
    for i in np.unique(idx[idx >= 0]):
        seg = segments[int(i)]
        sel = idx == i
        tau = t_h[sel] - seg.start_h
        g = seg.a0 * ka_per_h / (ka_per_h - seg.k_per_h)
        out[sel] = (seg.c0 + g) * np.exp(-seg.k_per_h * tau) - g * np.exp(-ka_per_h * tau)
    return np.maximum(out, 0.0)
