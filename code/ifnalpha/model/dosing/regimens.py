"""Named clinical regimens of IFN-α2b and PEG-IFN-α2b (review B [172]; EORTC 18991).

Part of :mod:`ifnalpha.model.dosing` (its face re-exports the public names).
"""

from __future__ import annotations

from dataclasses import dataclass

from ifnalpha import checks
from ifnalpha.model.dosing.exposures import HOURS_PER_DAY, HOURS_PER_WEEK
from ifnalpha.model.dosing.pharmacokinetics import Doses, ExposureScale, doses

__all__ = ["REGIMENS", "Regimen", "regimen"]


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
        n = self.default_weeks if weeks is None else checks.integer("weeks", weeks, minimum=1)
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
    return REGIMENS[checks.choice("name", name, REGIMENS)].exposure(weeks, scale)
