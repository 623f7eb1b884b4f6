"""Pharmacokinetics: profiles of IFN-α products (phases, absorption, lag, infusion), dose scaling.

Part of :mod:`ifnalpha.model.dosing` (its face re-exports the public names; its docstring
tabulates the products and their sources; :mod:`~ifnalpha.model.dosing.calibration` sets the
published numbers beside the model's).

A unit dose gives a concentration that is a sum of exponentials: one per disposition phase
(elimination, and for i.v. IFN-α2b a fast distribution phase), each convolved with first-order
absorption for subcutaneous doses or with a constant-rate infusion for intravenous ones, after
an optional absorption lag. Doses add up (linear kinetics).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from numbers import Real

import numpy as np
from scipy.optimize import brentq

from ifnalpha import checks
from ifnalpha.model.dosing.declining_clearance import (
    ClearanceDecline,
    DeclineSegment,
    decline_segments,
    segments_concentration,
)
from ifnalpha.model.dosing.exposures import Exposure

__all__ = [
    "DEFAULT_SCALE",
    "LN2",
    "PEG_CLEARANCE_HALVING_H",
    "PEG_FIRST_WEEK_HALF_LIFE_H",
    "PEG_TMAX_H",
    "PK",
    "Doses",
    "ExposureScale",
    "PKModel",
    "absorption_half_life_for_tmax",
    "doses",
]

LN2 = math.log(2.0)

#: One piece of a unit-dose profile: ``constant + sum(coef * exp(-rate * tau))``.
Piece = tuple[float, tuple[tuple[float, float], ...]]


@dataclass(frozen=True)
class PKModel:
    """Pharmacokinetics of one product and route (linear, one or two disposition phases).

    Attributes
    ----------
    name : str
    route : {"iv", "sc"}
    elimination_half_life_h : float
        Half-life of the terminal (elimination) phase.
    absorption_half_life_h : float or None
        First-order absorption; None for i.v.
    source : str
    lag_h : float
        Delay before absorption starts (s.c.; 0 by default).
    distribution_half_life_h : float or None
        A fast distribution phase (i.v. only).
    distribution_share : float
        Share of the concentration at the end of a bolus that falls with the distribution
        phase (0 without one; below 1).
    infusion_h : float
        Length of an i.v. infusion (0: bolus).
    clearance_decline : ClearanceDecline or None
        Clearance that falls with time since the first dose (s.c., one phase, no lag only);
        ``elimination_half_life_h`` is then the half-life of the first step (week).

    Notes
    -----
    A dose's ``amount`` is dose / V, V the apparent volume of the elimination phase, so the
    elimination phase extrapolates to ``amount`` at the time of a bolus; with a distribution
    share d the concentration just after a bolus is ``amount / (1 - d)``.
    """

    name: str
    route: str
    elimination_half_life_h: float
    absorption_half_life_h: float | None
    source: str
    lag_h: float = 0.0
    distribution_half_life_h: float | None = None
    distribution_share: float = 0.0
    infusion_h: float = 0.0
    clearance_decline: ClearanceDecline | None = None

    def __post_init__(self) -> None:
        checks.choice("route", self.route, ("iv", "sc"))
        checks.number("elimination_half_life_h", self.elimination_half_life_h, positive=True)
        if (self.route == "sc") != (self.absorption_half_life_h is not None):
            raise ValueError("`absorption_half_life_h` must be a number for route 'sc' and None "
                             f"for 'iv', got {self.absorption_half_life_h!r}")
        checks.number("lag_h", self.lag_h, minimum=0.0)
        checks.number("infusion_h", self.infusion_h, minimum=0.0)
        share = checks.number("distribution_share", self.distribution_share, minimum=0.0)
        if share >= 1.0:
            raise ValueError(f"`distribution_share` must be below 1, got {share!r}")
        if self.route == "sc" and (self.infusion_h > 0 or self.distribution_half_life_h):
            raise ValueError("`infusion_h` and `distribution_half_life_h` are for route 'iv', "
                             f"got {self.infusion_h!r} and {self.distribution_half_life_h!r}")
        if self.distribution_half_life_h is not None:
            checks.number("distribution_half_life_h", self.distribution_half_life_h,
                          positive=True)
        if self.clearance_decline is not None and (
                self.route != "sc" or self.lag_h or self.distribution_half_life_h
                or self.ka_per_h is None or self.ka_per_h <= self.ke_per_h):
            raise ValueError("`clearance_decline` is for route 'sc' with one phase, no lag and "
                             "absorption faster than elimination")
        rates = [r for r, _ in self._phases()]
        if self.ka_per_h is not None and any(abs(self.ka_per_h - r) < 1e-9 for r in rates):
            raise ValueError("`absorption_half_life_h` must differ from every phase half-life, "
                             f"got {self.absorption_half_life_h!r}")

    @property
    def ke_per_h(self) -> float:
        """Elimination rate constant (1/h)."""
        return LN2 / self.elimination_half_life_h

    def elimination_half_life_at(self, t_since_first_h: float) -> float:
        """Elimination half-life (h) in force ``t_since_first_h`` hours after the first dose."""
        if self.clearance_decline is None:
            return self.elimination_half_life_h
        return self.elimination_half_life_h / self.clearance_decline.factor_at(t_since_first_h)

    @property
    def ka_per_h(self) -> float | None:
        """Absorption rate constant (1/h), None for i.v."""
        if self.absorption_half_life_h is None:
            return None
        return LN2 / self.absorption_half_life_h

    def _phases(self) -> tuple[tuple[float, float], ...]:
        """(rate 1/h, weight) of each disposition phase; the elimination phase has weight 1."""
        out = [(self.ke_per_h, 1.0)]
        if self.distribution_half_life_h is not None and self.distribution_share > 0:
            d = self.distribution_share
            out.append((LN2 / self.distribution_half_life_h, d / (1.0 - d)))
        return tuple(out)

    def breakpoints_after_dose(self) -> tuple[float, ...]:
        """Return the times after a dose (h) at which the unit profile changes form."""
        if self.infusion_h > 0:
            return (self.lag_h, self.lag_h + self.infusion_h)
        return (self.lag_h,)

    def piece(self, tau_h: float) -> Piece:
        """Return the closed form valid around ``tau_h`` hours after a dose.

        The unit profile there is ``constant + sum(coef * exp(-rate * tau))`` with ``tau`` the
        time since the dose.
        """
        s = tau_h - self.lag_h
        if s < 0:
            return 0.0, ()
        ka, T = self.ka_per_h, self.infusion_h
        terms: list[tuple[float, float]] = []
        const = 0.0
        for rate, w in self._phases():
            if ka is not None:
                g = w * ka / (ka - rate)
                terms += [(rate, g * math.exp(rate * self.lag_h)),
                          (ka, -g * math.exp(ka * self.lag_h))]
            elif T <= 0:
                terms.append((rate, w * math.exp(rate * self.lag_h)))
            elif s < T:
                const += w / (rate * T)
                terms.append((rate, -w / (rate * T) * math.exp(rate * self.lag_h)))
            else:
                terms.append((rate, w * (math.exp(rate * T) - 1.0) / (rate * T)
                              * math.exp(rate * self.lag_h)))
        return const, tuple(terms)

    def unit_profile(self, tau_h: np.ndarray) -> np.ndarray:
        """Concentration after one dose of amount 1, ``tau_h`` hours after it."""
        tau = np.atleast_1d(np.asarray(tau_h, dtype=float))
        out = np.zeros(tau.shape)
        edges = (*self.breakpoints_after_dose(), math.inf)
        for a, b in zip(edges[:-1], edges[1:], strict=True):
            sel = (tau >= a) & (tau < b)
            if not sel.any():
                continue
            const, terms = self.piece((a + min(b, a + 1.0)) / 2)
            out[sel] = const + sum(c * np.exp(-r * tau[sel]) for r, c in terms)
        return out.reshape(np.shape(tau_h)) if np.ndim(tau_h) else out

    def tmax_h(self) -> float:
        """Time of the peak after a single dose (h)."""
        if self.ka_per_h is None:
            return self.lag_h + self.infusion_h
        ka, ke = self.ka_per_h, self.ke_per_h
        if len(self._phases()) == 1:
            return self.lag_h + math.log(ka / ke) / (ka - ke)
        t = np.linspace(self.lag_h, self.lag_h + 20 * self.elimination_half_life_h, 20001)
        return float(t[np.argmax(self.unit_profile(t))])


def absorption_half_life_for_tmax(tmax_h: float, elimination_half_life_h: float) -> float:
    """Return the absorption half-life (h) that puts a one-compartment peak at ``tmax_h``.

    Examples
    --------
    >>> round(absorption_half_life_for_tmax(24.0, 51.0), 1)
    7.4
    """
    ke = LN2 / elimination_half_life_h

    def f(ka: float) -> float:
        return math.log(ka / ke) / (ka - ke) - tmax_h

    ka = brentq(f, ke * 1.0001, 100.0)
    return LN2 / ka


#: PEG-IFN-α2b elimination half-life in the first week of treatment (h). Fitted, with
#: :data:`PEG_CLEARANCE_HALVING_H` and the apparent volume, to three numbers of the melanoma
#: study behind the Sylatron label: the mean apparent clearance (CL/F) of week 1 and of week 8,
#: 0.0186 and 0.0152 L/h/kg (Daud et al. 2011, Table 3), and the week-8 peak, 4.4 ng/mL
#: (Sylatron label); the time to peak, 24 h, sets the absorption half-life.
PEG_FIRST_WEEK_HALF_LIFE_H = 38.5
#: Time on treatment (h) at which PEG-IFN-α2b's apparent clearance has halved: the ``T50`` of
#: the form ``CL0 / (1 + t / T50)`` of Gupta et al. 2007, fitted as above (29.7 weeks; Gupta's
#: own estimate in chronic myeloid leukaemia is much slower, 23.8 × 28 days).
PEG_CLEARANCE_HALVING_H = 29.7 * 168.0
#: PEG-IFN-α2b median time to peak: 24 h (Daud et al. 2011).
PEG_TMAX_H = 24.0
#: IFN-α2b s.c.: the one-compartment peak of Radwanski's half-lives comes 5.7 h after a dose,
#: the observed one at 8 h; a lag of this many hours closes the gap.
SC_LAG_H = 2.3

PK: dict[str, PKModel] = {
    "ifn_alpha2b_iv": PKModel(
        "IFN-α2b i.v.", "iv", 1.7, None,
        "Radwanski et al. 1987 (distribution and elimination half-lives 0.1 h and 1.7 h after "
        "a 30-min infusion); the 20-min infusion of the melanoma label; the distribution "
        "share is an assumption",
        distribution_half_life_h=0.1, distribution_share=0.5, infusion_h=20.0 / 60.0,
    ),
    "ifn_alpha2b_sc": PKModel(
        "IFN-α2b s.c.", "sc", 2.9, 5.5,
        "Radwanski et al. 1987 (absorption half-life 5.5 h, elimination half-life 2.9 h, peak "
        "at 8 h: an absorption lag of 2.3 h puts the model's peak there)",
        lag_h=SC_LAG_H,
    ),
    "peg_ifn_alpha2b_sc": PKModel(
        "PEG-IFN-α2b s.c.", "sc", PEG_FIRST_WEEK_HALF_LIFE_H,
        round(absorption_half_life_for_tmax(PEG_TMAX_H, PEG_FIRST_WEEK_HALF_LIFE_H), 2),
        "apparent clearance falling with time on treatment as CL0 / (1 + t / T50) (the form of "
        "Gupta et al. 2007), fitted to the mean clearance of weeks 1 and 8 (Daud et al. 2011, "
        "Table 3) and the week-8 peak (Sylatron label); median Tmax 24 h (Daud et al. 2011) "
        "sets the absorption half-life",
        clearance_decline=ClearanceDecline(
            PEG_CLEARANCE_HALVING_H,
            source="Gupta et al. 2007 (form); Daud et al. 2011, Table 3 (CL/F weeks 1 and 8)"),
    ),
}


@dataclass(frozen=True)
class ExposureScale:
    """What turns a dose into a plasma concentration: product facts, calibration, assumptions.

    Attributes
    ----------
    specific_activity_IU_per_mg : float
        Antiviral units per mg of IFN-α2b protein: about 2.6e8 (Intron A label).
    molar_mass_g_per_mol : float
        IFN-α2b: 19 271 g/mol (Intron A label).
    peg_molar_mass_g_per_mol : float
        PEG-IFN-α2b, the interferon with its 12-kDa PEG: about 31 000 g/mol (Sylatron label).
        Its doses (µg/kg) and measured concentrations (ng/mL) are masses of the conjugate.
    body_surface_m2, body_weight_kg : float
        An adult of 1.8 m² and 70 kg (assumption).
    volume_L_per_kg_ifn : float
        Apparent volume (V/F) of IFN-α2b, 0.725 L/kg: calibrated so that 5 MU/m² s.c. peaks
        at the 45.8 IU/mL reported by Radwanski et al. 1987 (see
        :mod:`~ifnalpha.model.dosing.calibration`); i.v. doses use the same volume (assumption:
        complete s.c. absorption).
    volume_L_per_kg_peg : float
        Apparent volume (V/F) of PEG-IFN-α2b, 1.035 L/kg: fitted with its falling clearance
        (see :data:`PEG_FIRST_WEEK_HALF_LIFE_H`) so that 6 µg/kg weekly peaks at 4.4 ng/mL in
        week 8 (Sylatron label).
    bioavailability_sc : float
        Fraction of a s.c. dose that reaches plasma: 1, since the volumes above are apparent
        volumes (V/F) fitted to s.c. data.
    peg_activity : float
        Receptor activity of a PEG-IFN-α2b molecule relative to an IFN-α2b molecule
        (assumption: 1, like for like; review B notes that PEGylation lowers receptor binding
        but not antiviral or antitumour effects in vitro [266], while the Sylatron label's
        antiviral specific activity, about 0.7e8 IU per mg of protein, would make it about
        0.27).
    """

    specific_activity_IU_per_mg: float = 2.6e8
    molar_mass_g_per_mol: float = 19271.0
    peg_molar_mass_g_per_mol: float = 31000.0
    body_surface_m2: float = 1.8
    body_weight_kg: float = 70.0
    volume_L_per_kg_ifn: float = 0.725
    volume_L_per_kg_peg: float = 1.035
    bioavailability_sc: float = 1.0
    peg_activity: float = 1.0

    def __post_init__(self) -> None:
        for f_name in self.__dataclass_fields__:
            checks.number(f_name, getattr(self, f_name), positive=True)

    def pM_per_MU(self, volume_L: float) -> float:
        """Concentration (pM) of 1 MU of IFN-α2b dissolved in ``volume_L`` litres."""
        mg = 1e6 / self.specific_activity_IU_per_mg
        mol = mg * 1e-3 / self.molar_mass_g_per_mol
        return mol / volume_L * 1e12

    def pM_per_ug(self, volume_L: float) -> float:
        """Concentration (pM) of 1 µg of PEG-IFN-α2b dissolved in ``volume_L`` litres."""
        mol = 1e-6 / self.peg_molar_mass_g_per_mol
        return mol / volume_L * 1e12

    def pM_per_IU_per_mL(self) -> float:
        """Concentration (pM) of IFN-α2b that 1 IU/mL stands for (specific activity, molar mass).

        Examples
        --------
        >>> round(DEFAULT_SCALE.pM_per_IU_per_mL(), 3)
        0.2
        """
        return 1e3 / self.specific_activity_IU_per_mg * 1e-3 / self.molar_mass_g_per_mol * 1e12

    def pM_per_ng_per_mL_peg(self) -> float:
        """Concentration (pM) of PEG-IFN-α2b that 1 ng/mL stands for (molar mass)."""
        return 1e-6 / self.peg_molar_mass_g_per_mol * 1e12


DEFAULT_SCALE = ExposureScale()


@dataclass(frozen=True)
class Doses(Exposure):
    """Doses given at ``times_h`` with the pharmacokinetics of one product and route.

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
        times = checks.numbers("times_h", self.times_h, minimum=0.0, nonempty=False)
        amounts = tuple(
            checks.number(f"amounts_pM[{i}]", a, minimum=0.0) for i, a in enumerate(self.amounts_pM)
        )
        if len(times) != len(amounts):
            raise ValueError(
                f"`amounts_pM` must have one value per dose time ({len(times)}), "
                f"got {len(amounts)}"
            )
        order = np.argsort(times, kind="stable")
        object.__setattr__(self, "times_h", tuple(times[i] for i in order))
        object.__setattr__(self, "amounts_pM", tuple(amounts[i] for i in order))

    def _segments(self) -> tuple[DeclineSegment, ...]:
        """Stretches of constant clearance (only for a PK with a clearance decline)."""
        pk = self.pk
        if pk.clearance_decline is None:
            return ()
        return decline_segments(self.times_h, self.amounts_pM, pk.ke_per_h,
                                float(pk.ka_per_h or 0), pk.clearance_decline)

    def concentration(self, t_h: np.ndarray) -> np.ndarray:  # noqa: D102
        if self.pk.clearance_decline is not None:
            return segments_concentration(self._segments(), float(self.pk.ka_per_h or 0), t_h)
        out = np.zeros(t_h.shape)
        for t_dose, amount in zip(self.times_h, self.amounts_pM, strict=True):
            out += amount * self.pk.unit_profile(t_h - t_dose)
        return out

    def breakpoints(self) -> tuple[float, ...]:  # noqa: D102
        if self.pk.clearance_decline is not None:
            return tuple(s.start_h for s in self._segments())
        after = self.pk.breakpoints_after_dose()
        return tuple(sorted({t + x for t in self.times_h for x in (0.0, *after)}))

    def segment_function(self, a_h: float, b_h: float) -> Callable[[float], float]:
        """Return the closed form between two breakpoints: exponentials over earlier doses."""
        mid = (a_h + b_h) / 2
        if self.pk.clearance_decline is not None:
            segs = [s for s in self._segments() if s.start_h <= mid]
            if not segs:
                return lambda t: 0.0
            return segs[-1].closed_form(float(self.pk.ka_per_h or 0))
        const = 0.0
        coefs: dict[float, float] = {}
        for t_dose, amount in zip(self.times_h, self.amounts_pM, strict=True):
            if t_dose > mid:
                break
            c0, terms = self.pk.piece(mid - t_dose)
            const += amount * c0
            for rate, c in terms:
                coefs[rate] = coefs.get(rate, 0.0) + amount * c * math.exp(-rate * (a_h - t_dose))
        items = tuple(coefs.items())
        # the exponentials can cancel to a rounding error below zero (-2e-13 pM at an i.v.
        # dose time with a large volume): a concentration is never negative
        return lambda t: max(0.0, const + sum(c * math.exp(-r * (t - a_h)) for r, c in items))


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
    checks.choice("product", product, PK)
    sc = scale or DEFAULT_SCALE
    if not isinstance(sc, ExposureScale):
        raise TypeError(f"`scale` must be an ExposureScale, got {scale!r}")
    times = checks.numbers("times_h", times_h, minimum=0.0, nonempty=False)
    if isinstance(dose, Real) and not isinstance(dose, bool):
        per = [checks.number("dose", dose, minimum=0.0)] * len(times)
    else:
        per = [float(x) for x in checks.numbers("dose", dose, minimum=0.0, nonempty=False)]
        if len(per) != len(times):
            raise ValueError(f"`dose` must have one value per dose time ({len(times)}), "
                             f"got {len(per)}")
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
