"""Interferon-α exposure over time: constants, pulses and clinical regimens with pharmacokinetics.

Every exposure is a callable of time in hours returning a concentration in pM, and can be passed
as ``ifn`` to :func:`ifnalpha.model.simulate`. Exposures also report the times at which they
jump or kink (:meth:`Exposure.breakpoints`), so the solver integrates across doses piece by
piece instead of stepping over them.

Pharmacokinetics (one compartment, first-order absorption for subcutaneous doses):

============================  ===============  ==================  =================================
product and route             absorption t½    elimination t½      source
============================  ===============  ==================  =================================
IFN-α2b i.v.                  (bolus)          1.7 h               Radwanski et al. 1987
IFN-α2b s.c.                  5.5 h            2.9 h               Radwanski et al. 1987
PEG-IFN-α2b s.c.              from Tmax 24 h   47 h (43–51 h)      Daud et al. 2011
============================  ===============  ==================  =================================

Radwanski E et al. 1987, J Clin Pharmacol 27:432 (5 MIU/m²; i.v. distribution half-life 0.1 h is
not modelled: one compartment). Daud A et al. 2011, Cancer Chemother Pharmacol 67:657 (6 µg/kg
weekly; median Tmax 24 h, half-life 43–51 h; reported accumulation factor 1.69, which a
one-compartment model with a 47-h half-life does not reproduce: it gives about 1.1).

Converting a dose (MU/m² or µg/kg) into a plasma concentration needs a specific activity, a
molar mass, a body size and a volume of distribution. None of these is given by the reviews, so
:class:`ExposureScale` collects them as explicit assumptions. Where the absolute scale matters,
prefer :meth:`Exposure.relative` (exposure as a fraction of its own peak) and say so.

Regimens (review B, [172]; EORTC 18991): high-dose IFN-α2b induction, 20 MU/m² i.v. on 5 days a
week for 4 weeks; maintenance, 10 MU/m² s.c. three times a week for 48 weeks; PEG-IFN-α2b,
6 µg/kg s.c. weekly for 8 weeks, then 3 µg/kg weekly.

All of this is educational and qualitative, not clinical guidance.

Examples
--------
>>> from ifnalpha import dosing
>>> round(float(dosing.constant(100.0)(5.0)), 1)
100.0
>>> peg = dosing.regimen("peg_induction", weeks=1)
>>> round(float(peg.relative()(7 * 24.0)), 2) > 0.1
True
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from numbers import Real

import numpy as np
from scipy.optimize import brentq

LN2 = math.log(2.0)
HOURS_PER_DAY = 24.0
HOURS_PER_WEEK = 168.0


def _check_number(name: str, value: object, *, positive: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ValueError(f"{name} must be a number, got {value!r}")
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(f"{name} must be finite, got {value!r}")
    if v < 0 or (positive and v == 0):
        raise ValueError(f"{name} must be {'> 0' if positive else '>= 0'}, got {value!r}")
    return v


def _check_times(name: str, values: object) -> tuple[float, ...]:
    if isinstance(values, str | bytes) or not isinstance(values, Sequence | np.ndarray):
        raise ValueError(f"{name} must be a sequence of times in hours, got {values!r}")
    return tuple(_check_number(f"{name}[{i}]", v) for i, v in enumerate(values))


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
        return Scaled(self, _check_number("factor", factor))

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
        _check_number("conc_pM", self.conc_pM)

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
        _check_number("conc_pM", self.conc_pM)
        starts = _check_times("starts_h", self.starts_h)
        dur = _check_number("duration_h", self.duration_h, positive=True)
        if not starts:
            raise ValueError("starts_h must contain at least one start time")
        s = sorted(starts)
        for a, b in zip(s[:-1], s[1:], strict=True):
            if b < a + dur:
                raise ValueError(
                    f"starts_h: pulses at {a} h and {b} h overlap (duration_h = {dur} h)"
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


# --- pharmacokinetics -----------------------------------------------------------------------


@dataclass(frozen=True)
class PKModel:
    """One-compartment pharmacokinetics of one product and route.

    Attributes
    ----------
    name : str
    route : {"iv", "sc"}
    elimination_half_life_h : float
    absorption_half_life_h : float or None
        None for an i.v. bolus.
    source : str
    """

    name: str
    route: str
    elimination_half_life_h: float
    absorption_half_life_h: float | None
    source: str

    def __post_init__(self) -> None:
        if self.route not in ("iv", "sc"):
            raise ValueError(f"route must be 'iv' or 'sc', got {self.route!r}")
        _check_number("elimination_half_life_h", self.elimination_half_life_h, positive=True)
        if (self.route == "sc") != (self.absorption_half_life_h is not None):
            raise ValueError("absorption_half_life_h is required for 'sc' and must be None for "
                             f"'iv', got {self.absorption_half_life_h!r}")
        if self.absorption_half_life_h is not None:
            a = _check_number("absorption_half_life_h", self.absorption_half_life_h,
                              positive=True)
            if abs(a - self.elimination_half_life_h) < 1e-9:
                raise ValueError("absorption_half_life_h must differ from "
                                 f"elimination_half_life_h, both are {a!r}")

    @property
    def ke_per_h(self) -> float:
        """Elimination rate constant (1/h)."""
        return LN2 / self.elimination_half_life_h

    @property
    def ka_per_h(self) -> float | None:
        """Absorption rate constant (1/h), None for i.v."""
        if self.absorption_half_life_h is None:
            return None
        return LN2 / self.absorption_half_life_h

    def unit_profile(self, tau_h: np.ndarray) -> np.ndarray:
        """Concentration after one dose of amount 1 into volume 1, ``tau_h`` hours after it."""
        tau = np.asarray(tau_h, dtype=float)
        ke = self.ke_per_h
        out = np.zeros(tau.shape)
        pos = tau >= 0
        if self.ka_per_h is None:
            out[pos] = np.exp(-ke * tau[pos])
            return out
        ka = self.ka_per_h
        out[pos] = ka / (ka - ke) * (np.exp(-ke * tau[pos]) - np.exp(-ka * tau[pos]))
        return out

    def tmax_h(self) -> float:
        """Time of the peak after a single dose (0 for i.v.)."""
        if self.ka_per_h is None:
            return 0.0
        ka, ke = self.ka_per_h, self.ke_per_h
        return math.log(ka / ke) / (ka - ke)


def _absorption_half_life_for_tmax(tmax_h: float, elimination_half_life_h: float) -> float:
    ke = LN2 / elimination_half_life_h

    def f(ka: float) -> float:
        return math.log(ka / ke) / (ka - ke) - tmax_h

    ka = brentq(f, ke * 1.0001, 100.0)
    return LN2 / ka


#: PEG-IFN-α2b elimination half-life: midpoint of the reported 43–51 h (Daud et al. 2011).
PEG_HALF_LIFE_H = 47.0
#: PEG-IFN-α2b median time to peak (Daud et al. 2011).
PEG_TMAX_H = 24.0

PK: dict[str, PKModel] = {
    "ifn_alpha2b_iv": PKModel(
        "IFN-α2b i.v.", "iv", 1.7, None,
        "Radwanski E et al. 1987 J Clin Pharmacol 27:432 (elimination half-life 1.7 h)",
    ),
    "ifn_alpha2b_sc": PKModel(
        "IFN-α2b s.c.", "sc", 2.9, 5.5,
        "Radwanski E et al. 1987 (absorption half-life 5.5 h, elimination half-life 2.9 h)",
    ),
    "peg_ifn_alpha2b_sc": PKModel(
        "PEG-IFN-α2b s.c.", "sc", PEG_HALF_LIFE_H,
        _absorption_half_life_for_tmax(PEG_TMAX_H, PEG_HALF_LIFE_H),
        "Daud A et al. 2011 Cancer Chemother Pharmacol 67:657 (half-life 43–51 h, median Tmax "
        "24 h; absorption half-life derived so that the one-compartment Tmax is 24 h)",
    ),
}


@dataclass(frozen=True)
class ExposureScale:
    """Assumptions that turn a dose into a plasma concentration (all of them assumptions).

    Attributes
    ----------
    specific_activity_IU_per_mg : float
        Antiviral units per mg of IFN-α2b protein (assumption: 2.6e8, the order of magnitude of
        recombinant IFN-α2b).
    molar_mass_g_per_mol : float
        IFN-α2b protein (assumption: 19 270 g/mol from its 165-residue sequence). PEG-IFN-α2b
        doses are taken as µg of interferon protein.
    body_surface_m2, body_weight_kg : float
        An adult of 1.8 m² and 70 kg (assumption).
    volume_L_per_kg_ifn, volume_L_per_kg_peg : float
        Apparent volumes of distribution (assumption: 0.2 L/kg, about the extracellular water,
        for IFN-α2b; 1.0 L/kg for PEG-IFN-α2b).
    bioavailability_sc : float
        Fraction of a s.c. dose that reaches plasma (assumption: 1).
    peg_activity : float
        Receptor activity of PEG-IFN-α2b per mole relative to IFN-α2b (assumption: 1; review B
        notes that PEGylation lowers receptor binding but not antiviral or antitumour effects
        in vitro [266]).
    """

    specific_activity_IU_per_mg: float = 2.6e8
    molar_mass_g_per_mol: float = 19270.0
    body_surface_m2: float = 1.8
    body_weight_kg: float = 70.0
    volume_L_per_kg_ifn: float = 0.2
    volume_L_per_kg_peg: float = 1.0
    bioavailability_sc: float = 1.0
    peg_activity: float = 1.0

    def __post_init__(self) -> None:
        for f_name in self.__dataclass_fields__:
            _check_number(f_name, getattr(self, f_name), positive=True)

    def pM_per_MU(self, volume_L: float) -> float:
        """Concentration (pM) of 1 MU of IFN-α2b dissolved in ``volume_L`` litres."""
        mg = 1e6 / self.specific_activity_IU_per_mg
        mol = mg * 1e-3 / self.molar_mass_g_per_mol
        return mol / volume_L * 1e12

    def pM_per_ug(self, volume_L: float) -> float:
        """Concentration (pM) of 1 µg of interferon protein dissolved in ``volume_L`` litres."""
        mol = 1e-6 / self.molar_mass_g_per_mol
        return mol / volume_L * 1e12


DEFAULT_SCALE = ExposureScale()


@dataclass(frozen=True)
class Doses(Exposure):
    """Doses given at ``times_h`` with one-compartment pharmacokinetics.

    ``amounts_pM`` is each dose expressed as the concentration it would give if all of it were
    in plasma at once (dose × scale / volume; see :class:`ExposureScale`).
    """

    pk: PKModel
    times_h: tuple[float, ...]
    amounts_pM: tuple[float, ...]
    label: str = "doses"
    source: str = ""
    dose_description: str = ""
    assumptions: ExposureScale = field(default=DEFAULT_SCALE)

    def __post_init__(self) -> None:
        times = _check_times("times_h", self.times_h)
        amounts = tuple(
            _check_number(f"amounts_pM[{i}]", a) for i, a in enumerate(self.amounts_pM)
        )
        if len(times) != len(amounts):
            raise ValueError(
                f"times_h and amounts_pM differ in length ({len(times)} vs {len(amounts)})"
            )
        order = np.argsort(times, kind="stable")
        object.__setattr__(self, "times_h", tuple(times[i] for i in order))
        object.__setattr__(self, "amounts_pM", tuple(amounts[i] for i in order))

    def concentration(self, t_h: np.ndarray) -> np.ndarray:  # noqa: D102
        out = np.zeros(t_h.shape)
        for t_dose, amount in zip(self.times_h, self.amounts_pM, strict=True):
            out += amount * self.pk.unit_profile(t_h - t_dose)
        return out

    def breakpoints(self) -> tuple[float, ...]:  # noqa: D102
        return tuple(sorted(set(self.times_h)))

    def segment_function(self, a_h: float, b_h: float) -> Callable[[float], float]:
        """Return the closed form between two doses: two exponentials over all earlier doses."""
        ke, ka = self.pk.ke_per_h, self.pk.ka_per_h
        coef_e = coef_a = 0.0
        for t_dose, amount in zip(self.times_h, self.amounts_pM, strict=True):
            if t_dose > a_h:
                break
            tau = a_h - t_dose
            if ka is None:
                coef_e += amount * math.exp(-ke * tau)
            else:
                g = ka / (ka - ke)
                coef_e += amount * g * math.exp(-ke * tau)
                coef_a -= amount * g * math.exp(-ka * tau)
        if ka is None:
            return lambda t: coef_e * math.exp(-ke * (t - a_h))
        return lambda t: coef_e * math.exp(-ke * (t - a_h)) + coef_a * math.exp(-ka * (t - a_h))


def doses(
    product: str,
    times_h: Sequence[float],
    dose: float | Sequence[float],
    *,
    scale: ExposureScale | None = None,
    label: str | None = None,
) -> Doses:
    """Return doses of a product at the given times, with its pharmacokinetics.

    Parameters
    ----------
    product : {"ifn_alpha2b_iv", "ifn_alpha2b_sc", "peg_ifn_alpha2b_sc"}
        Product and route (keys of :data:`PK`).
    times_h : sequence of float
        Dose times in hours.
    dose : float or sequence of float
        MU/m² for IFN-α2b, µg/kg for PEG-IFN-α2b; one value or one per dose.
    scale : ExposureScale, optional
        The dose → concentration assumptions (default :data:`DEFAULT_SCALE`).
    label : str, optional
        Legend text (default: product, route and dose).

    Returns
    -------
    Doses

    Examples
    --------
    >>> d = doses("ifn_alpha2b_sc", [0.0], 10.0)
    >>> bool(d(48.0) / d.peak() < 0.02)
    True
    """
    if product not in PK:
        raise ValueError(f"product must be one of {sorted(PK)}, got {product!r}")
    sc = scale or DEFAULT_SCALE
    if not isinstance(sc, ExposureScale):
        raise ValueError(f"scale must be an ExposureScale, got {scale!r}")
    times = _check_times("times_h", times_h)
    if isinstance(dose, Real) and not isinstance(dose, bool):
        per = [_check_number("dose", dose)] * len(times)
    else:
        per = [float(x) for x in _check_times("dose", dose)]
        if len(per) != len(times):
            raise ValueError(f"dose has {len(per)} values for {len(times)} dose times")
    pk = PK[product]
    if product.startswith("peg"):
        volume = sc.volume_L_per_kg_peg * sc.body_weight_kg
        per_unit = sc.pM_per_ug(volume) * sc.body_weight_kg * sc.peg_activity
        unit = "µg/kg"
    else:
        volume = sc.volume_L_per_kg_ifn * sc.body_weight_kg
        per_unit = sc.pM_per_MU(volume) * sc.body_surface_m2
        unit = "MU/m²"
    if pk.route == "sc":
        per_unit *= sc.bioavailability_sc
    amounts = tuple(x * per_unit for x in per)
    doses_text = ", ".join(sorted({f"{x:g}" for x in per}))
    return Doses(
        pk, times, amounts,
        label=label or f"{pk.name} {doses_text} {unit}",
        source=pk.source,
        dose_description=f"{doses_text} {unit}",
        assumptions=sc,
    )


@dataclass(frozen=True)
class Regimen:
    """A named clinical schedule."""

    name: str
    product: str
    dose: float
    dose_unit: str
    days_of_week: tuple[int, ...]
    default_weeks: int
    description: str
    source: str

    def exposure(self, weeks: int | None = None, scale: ExposureScale | None = None) -> Doses:
        """Return the regimen's exposure over ``weeks`` weeks (first dose at t = 0)."""
        n = self.default_weeks if weeks is None else weeks
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise ValueError(f"weeks must be a whole number >= 1, got {weeks!r}")
        times = [
            w * HOURS_PER_WEEK + d * HOURS_PER_DAY for w in range(n) for d in self.days_of_week
        ]
        return doses(self.product, times, self.dose, scale=scale,
                     label=f"{self.description} ({n} wk)")


REGIMENS: dict[str, Regimen] = {
    "hdi_induction": Regimen(
        "hdi_induction", "ifn_alpha2b_iv", 20.0, "MU/m²", (0, 1, 2, 3, 4), 4,
        "high-dose IFN-α2b induction, 20 MU/m² i.v. 5 days a week",
        "review B [172] (Kirkwood et al. 1996)",
    ),
    "hdi_maintenance": Regimen(
        "hdi_maintenance", "ifn_alpha2b_sc", 10.0, "MU/m²", (0, 2, 4), 48,
        "high-dose IFN-α2b maintenance, 10 MU/m² s.c. three times a week",
        "review B [172] (Kirkwood et al. 1996)",
    ),
    "peg_induction": Regimen(
        "peg_induction", "peg_ifn_alpha2b_sc", 6.0, "µg/kg", (0,), 8,
        "PEG-IFN-α2b 6 µg/kg s.c. weekly",
        "EORTC 18991 (brief); review B [264, 265] (weekly dosing)",
    ),
    "peg_maintenance": Regimen(
        "peg_maintenance", "peg_ifn_alpha2b_sc", 3.0, "µg/kg", (0,), 8,
        "PEG-IFN-α2b 3 µg/kg s.c. weekly (maintenance)",
        "EORTC 18991 (brief)",
    ),
}


def regimen(name: str, weeks: int | None = None, scale: ExposureScale | None = None) -> Doses:
    """Return the exposure of a named regimen (see :data:`REGIMENS`).

    Parameters
    ----------
    name : str
        One of ``"hdi_induction"``, ``"hdi_maintenance"``, ``"peg_induction"``,
        ``"peg_maintenance"``.
    weeks : int, optional
        Number of weeks to schedule (default: the regimen's own length).
    scale : ExposureScale, optional
        Dose → concentration assumptions.

    Examples
    --------
    >>> len(regimen("hdi_maintenance", weeks=2).times_h)
    6
    """
    if name not in REGIMENS:
        raise ValueError(f"name must be one of {sorted(REGIMENS)}, got {name!r}")
    return REGIMENS[name].exposure(weeks, scale)


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

    Examples
    --------
    >>> s = summarize(constant(5.0), 0.0, 10.0)
    >>> s.fraction_above_10pct_of_peak
    1.0
    """
    a = _check_number("t0_h", t0_h)
    b = _check_number("t1_h", t1_h)
    if b <= a:
        raise ValueError(f"t1_h must be > t0_h, got {t0_h!r}, {t1_h!r}")
    t = np.linspace(a, b, n)
    c = np.asarray(exposure(t))
    pk = float(c.max())
    above = c >= 0.1 * pk if pk > 0 else np.zeros(c.shape, dtype=bool)
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
