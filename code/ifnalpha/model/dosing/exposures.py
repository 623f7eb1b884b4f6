"""Exposures: IFN-α concentration over time (constants, pulses, scaled profiles) and summaries.

Part of :mod:`ifnalpha.model.dosing` (its face re-exports the public names).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ifnalpha import checks

__all__ = [
    "HOURS_PER_DAY",
    "HOURS_PER_WEEK",
    "THRESHOLD_OF_PEAK",
    "Constant",
    "Exposure",
    "ExposureSummary",
    "Pulses",
    "Scaled",
    "constant",
    "pulse",
    "pulses",
    "summarize",
]

HOURS_PER_DAY = 24.0
HOURS_PER_WEEK = 168.0

#: The fraction of its peak an exposure must reach to count as present: :func:`summarize`'s
#: ``fraction_above_10pct_of_peak`` and ``longest_gap_below_10pct_h`` use it (10 %).
THRESHOLD_OF_PEAK = 0.1


class Exposure(ABC):
    """An IFN-α concentration over time (pM as a function of hours).

    Subclasses implement :meth:`concentration`; calling an exposure evaluates it. Exposures are
    immutable and vectorised: ``exposure(np.array([0.0, 1.0]))`` returns an array.
    """

    #: Short human-readable description, used in figure legends.
    label: str = "exposure"
    #: True if the concentration is constant between breakpoints.
    piecewise_constant: bool = False

    @abstractmethod
    def concentration(self, t_h: np.ndarray) -> np.ndarray:
        """Concentration in pM at times ``t_h`` (hours; an array)."""

    def breakpoints(self) -> tuple[float, ...]:
        """Return the times (h) at which the concentration jumps or changes slope."""
        return ()

    def __call__(self, t_h: float | np.ndarray) -> float | np.ndarray:
        """Return the concentration in pM at time(s) ``t_h`` in hours."""
        arr = np.asarray(t_h, dtype=float)
        out = self.concentration(np.atleast_1d(arr))
        return float(out[0]) if arr.ndim == 0 else out

    def segment_function(self, a_h: float, b_h: float) -> float | Callable[[float], float]:
        """Return the input between two consecutive breakpoints, for the solver.

        Returns a float if the concentration is constant there, else a callable of time (h).
        """
        if self.piecewise_constant:
            return float(self((a_h + b_h) / 2.0))
        return self.__call__

    def peak(self, t0_h: float = 0.0, t1_h: float | None = None) -> float:
        """Return the largest concentration (pM) from ``t0_h`` to ``t1_h`` (default: + 1 week)."""
        t1 = t1_h if t1_h is not None else max((*self.breakpoints(), t0_h)) + HOURS_PER_WEEK
        grid = np.union1d(np.linspace(t0_h, t1, 4001), [b for b in self.breakpoints()
                                                         if t0_h <= b <= t1])
        return float(np.max(self.concentration(grid)))

    def scaled(self, factor: float) -> Exposure:
        """Return this exposure multiplied by ``factor`` (>= 0)."""
        return Scaled(self, checks.number("factor", factor, minimum=0.0))

    def relative(self, t0_h: float = 0.0, t1_h: float | None = None) -> Exposure:
        """Return this exposure divided by its peak: a unitless profile between 0 and 1.

        Use it where the absolute scale (MU → pM) is an assumption you do not want to lean on.
        """
        pk = self.peak(t0_h, t1_h)
        if pk <= 0:
            raise ValueError(f"{self.label} is zero everywhere; it has no relative profile")
        return Scaled(self, 1.0 / pk, label=f"{self.label} (relative to peak)")


@dataclass(frozen=True)
class Constant(Exposure):
    """A constant concentration (pM)."""

    conc_pM: float
    label: str = "constant"
    piecewise_constant: bool = True

    def __post_init__(self) -> None:
        checks.number("conc_pM", self.conc_pM, minimum=0.0)

    def concentration(self, t_h: np.ndarray) -> np.ndarray:  # noqa: D102
        return np.full(t_h.shape, float(self.conc_pM))


@dataclass(frozen=True)
class Pulses(Exposure):
    """Rectangular pulses of ``conc_pM`` starting at ``starts_h``, each ``duration_h`` long."""

    conc_pM: float
    starts_h: tuple[float, ...]
    duration_h: float
    label: str = "pulses"
    piecewise_constant: bool = True

    def __post_init__(self) -> None:
        checks.number("conc_pM", self.conc_pM, minimum=0.0)
        starts = checks.numbers("starts_h", self.starts_h, minimum=0.0)
        dur = checks.number("duration_h", self.duration_h, positive=True)
        s = sorted(starts)
        for a, b in zip(s[:-1], s[1:], strict=True):
            if b < a + dur:
                raise ValueError(
                    f"`starts_h` must be at least `duration_h` = {dur:g} h apart, got pulses "
                    f"at {a:g} h and {b:g} h that overlap"
                )
        object.__setattr__(self, "starts_h", tuple(s))

    def concentration(self, t_h: np.ndarray) -> np.ndarray:  # noqa: D102
        on = np.zeros(t_h.shape, dtype=bool)
        for s in self.starts_h:
            on |= (t_h >= s) & (t_h < s + self.duration_h)
        return np.where(on, float(self.conc_pM), 0.0)

    def breakpoints(self) -> tuple[float, ...]:  # noqa: D102
        return tuple(sorted({x for s in self.starts_h for x in (s, s + self.duration_h)}))


@dataclass(frozen=True)
class Scaled(Exposure):
    """Another exposure multiplied by a constant factor."""

    base: Exposure
    factor: float
    label: str = ""

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", f"{self.factor:g} × {self.base.label}")
        object.__setattr__(self, "piecewise_constant", self.base.piecewise_constant)

    def concentration(self, t_h: np.ndarray) -> np.ndarray:  # noqa: D102
        return self.factor * self.base.concentration(t_h)

    def breakpoints(self) -> tuple[float, ...]:  # noqa: D102
        return self.base.breakpoints()

    def segment_function(self, a_h: float, b_h: float) -> float | Callable[[float], float]:
        """Return the base exposure's segment function, scaled."""
        inner = self.base.segment_function(a_h, b_h)
        if isinstance(inner, float):
            return self.factor * inner
        k = self.factor
        return lambda t: k * inner(t)


def constant(conc_pM: float) -> Constant:
    """Return a constant exposure.

    Parameters
    ----------
    conc_pM : float
        Concentration in pM (>= 0).

    Examples
    --------
    >>> constant(10.0)(3.0)
    10.0
    """
    return Constant(conc_pM, label=f"{float(conc_pM):g} pM constant")


def pulse(conc_pM: float, duration_h: float = 1.0, start_h: float = 0.0) -> Pulses:
    """Return one rectangular pulse (e.g. a 1-hour exposure followed by washout).

    Examples
    --------
    >>> p = pulse(100.0, duration_h=1.0)
    >>> p(0.5), p(1.5)
    (100.0, 0.0)
    """
    return Pulses(conc_pM, (start_h,), duration_h,
                  label=f"{float(conc_pM):g} pM for {float(duration_h):g} h")


def pulses(conc_pM: float, starts_h: Sequence[float], duration_h: float) -> Pulses:
    """Return repeated rectangular pulses (non-overlapping).

    Examples
    --------
    >>> pulses(50.0, [0, 24], 2.0)(25.0)
    50.0
    """
    return Pulses(conc_pM, tuple(starts_h), duration_h,
                  label=f"{float(conc_pM):g} pM pulses of {float(duration_h):g} h")


@dataclass(frozen=True)
class ExposureSummary:
    """Key numbers of an exposure over a window (plain floats, for printing)."""

    label: str
    window_h: tuple[float, float]
    peak_pM: float
    trough_pM: float
    mean_pM: float
    auc_pM_h: float
    fraction_above_10pct_of_peak: float
    longest_gap_below_10pct_h: float


def summarize(exposure: Exposure, t0_h: float, t1_h: float, n: int = 20001) -> ExposureSummary:
    """Summarise an exposure between two times: peak, trough, mean, AUC, time above 10 % of peak.

    The share of time above, and the longest gap below, :data:`THRESHOLD_OF_PEAK` of the peak.

    Examples
    --------
    >>> s = summarize(constant(5.0), 0.0, 10.0)
    >>> s.fraction_above_10pct_of_peak
    1.0
    """
    a = checks.number("t0_h", t0_h, minimum=0.0)
    b = checks.number("t1_h", t1_h, minimum=0.0)
    if b <= a:
        raise ValueError(f"`t1_h` must be > `t0_h` = {a:g}, got {t1_h!r}")
    t = np.linspace(a, b, n)
    c = np.asarray(exposure(t))
    pk = float(c.max())
    above = c >= THRESHOLD_OF_PEAK * pk if pk > 0 else np.zeros(c.shape, dtype=bool)
    gap, longest = 0.0, 0.0
    dt = (b - a) / (n - 1)
    for flag in above:
        gap = 0.0 if flag else gap + dt
        longest = max(longest, gap)
    return ExposureSummary(
        label=exposure.label,
        window_h=(a, b),
        peak_pM=pk,
        trough_pM=float(c.min()),
        mean_pM=float(c.mean()),
        auc_pM_h=float(np.trapezoid(c, t)),
        fraction_above_10pct_of_peak=float(above.mean()),
        longest_gap_below_10pct_h=float(longest),
    )
