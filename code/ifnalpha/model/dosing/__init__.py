"""Interferon-α exposure over time: constants, pulses and clinical regimens with pharmacokinetics.

This package's face re-exports its three parts: :mod:`~ifnalpha.model.dosing.exposures`
(exposures, constants, pulses, summaries), :mod:`~ifnalpha.model.dosing.pharmacokinetics`
(products, routes, dose scaling, doses over time) and :mod:`~ifnalpha.model.dosing.regimens`
(named clinical schedules).

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
>>> from ifnalpha.model import dosing
>>> round(float(dosing.constant(100.0)(5.0)), 1)
100.0
>>> peg = dosing.regimen("peg_induction", weeks=1)
>>> round(float(peg.relative()(7 * 24.0)), 2) > 0.1
True
"""

from ifnalpha.model.dosing.calibration import PUBLISHED, TOLERANCE, PublishedPK, pk_calibration
from ifnalpha.model.dosing.exposures import (
    HOURS_PER_DAY,
    HOURS_PER_WEEK,
    THRESHOLD_OF_PEAK,
    Constant,
    Exposure,
    ExposureSummary,
    Pulses,
    Scaled,
    constant,
    pulse,
    pulses,
    summarize,
)
from ifnalpha.model.dosing.pharmacokinetics import (
    DEFAULT_SCALE,
    LN2,
    PEG_HALF_LIFE_H,
    PEG_TMAX_H,
    PK,
    Doses,
    ExposureScale,
    PKModel,
    absorption_half_life_for_tmax,
    doses,
)
from ifnalpha.model.dosing.regimens import REGIMENS, Regimen, regimen

__all__ = [
    "DEFAULT_SCALE",
    "HOURS_PER_DAY",
    "HOURS_PER_WEEK",
    "LN2",
    "PEG_HALF_LIFE_H",
    "PEG_TMAX_H",
    "PK",
    "PUBLISHED",
    "REGIMENS",
    "THRESHOLD_OF_PEAK",
    "TOLERANCE",
    "Constant",
    "Doses",
    "Exposure",
    "ExposureScale",
    "ExposureSummary",
    "PKModel",
    "PublishedPK",
    "Pulses",
    "Regimen",
    "Scaled",
    "absorption_half_life_for_tmax",
    "constant",
    "doses",
    "pk_calibration",
    "pulse",
    "pulses",
    "regimen",
    "summarize",
]
