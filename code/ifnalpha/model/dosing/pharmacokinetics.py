"""Pharmacokinetics: one-compartment profiles of IFN-α products, dose scaling, doses over time.

Part of :mod:`ifnalpha.model.dosing` (its face re-exports the public names; its docstring
tabulates the products and their sources).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from numbers import Real

import numpy as np
from scipy.optimize import brentq

from ifnalpha import checks
from ifnalpha.model.dosing.exposures import Exposure

__all__ = [
    "DEFAULT_SCALE",
    "LN2",
    "PEG_HALF_LIFE_H",
    "PEG_TMAX_H",
    "PK",
    "Doses",
    "ExposureScale",
    "PKModel",
    "absorption_half_life_for_tmax",
    "doses",
]

LN2 = math.log(2.0)


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
        checks.choice("route", self.route, ("iv", "sc"))
        checks.number("elimination_half_life_h", self.elimination_half_life_h, positive=True)
        if (self.route == "sc") != (self.absorption_half_life_h is not None):
            raise ValueError("`absorption_half_life_h` must be a number for route 'sc' and None "
                             f"for 'iv', got {self.absorption_half_life_h!r}")
        if self.absorption_half_life_h is not None:
            a = checks.number("absorption_half_life_h", self.absorption_half_life_h,
                              positive=True)
            if abs(a - self.elimination_half_life_h) < 1e-9:
                raise ValueError("`absorption_half_life_h` must differ from "
                                 f"`elimination_half_life_h`, got {a!r} for both")

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


def absorption_half_life_for_tmax(tmax_h: float, elimination_half_life_h: float) -> float:
    """Return the absorption half-life (h) that puts a one-compartment peak at ``tmax_h``.

    Examples
    --------
    >>> round(absorption_half_life_for_tmax(24.0, 47.0), 1)
    7.7
    """
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
        absorption_half_life_for_tmax(PEG_TMAX_H, PEG_HALF_LIFE_H),
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
            checks.number(f_name, getattr(self, f_name), positive=True)

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
