"""Interferon-α exposure over time: constants, pulses and clinical regimens with pharmacokinetics.

This package's face re-exports its parts: :mod:`~ifnalpha.model.dosing.exposures`
(exposures, constants, pulses, summaries), :mod:`~ifnalpha.model.dosing.pharmacokinetics`
(products, routes, dose scaling, doses over time),
:mod:`~ifnalpha.model.dosing.declining_clearance` (PEG-IFN-α2b's clearance falling with time on
treatment), :mod:`~ifnalpha.model.dosing.regimens` (named clinical schedules) and
:mod:`~ifnalpha.model.dosing.calibration` (published numbers beside the model's).

Every exposure is a callable of time in hours returning a concentration in pM, and can be passed
as ``ifn`` to :func:`ifnalpha.model.simulate`. Exposures also report the times at which they
jump or kink (:meth:`Exposure.breakpoints`), so the solver integrates across doses piece by
piece instead of stepping over them.

Pharmacokinetics (one compartment, first-order absorption for subcutaneous doses; a fast
distribution phase for intravenous IFN-α2b):

============================  ===============  =====================  ===========================
product and route             absorption t½    elimination t½         source
============================  ===============  =====================  ===========================
IFN-α2b i.v.                  (infusion)       0.1 h, then 1.7 h      Radwanski et al. 1987
IFN-α2b s.c.                  5.5 h (lag)      2.9 h                  Radwanski et al. 1987
PEG-IFN-α2b s.c.              from Tmax 24 h   38.5 h in week 1,      Daud et al. 2011; Sylatron
                                               lengthening as the     label; Gupta et al. 2007
                                               clearance falls        (form of the fall)
============================  ===============  =====================  ===========================

Radwanski E et al. 1987, J Clin Pharmacol 27:432 (5 MIU/m²; the i.v. peak is not in the
abstract, the only part the book could read). Daud A et al. 2011, Cancer Chemother Pharmacol
67:657 (6 µg/kg weekly; median Tmax 24 h; mean apparent clearance 0.0186, 0.0152 and 0.0135
L/h/kg in weeks 1, 8 and 12, Table 3). PEG-IFN-α2b's clearance falls as CL0 / (1 + t / T50)
(Gupta S et al. 2007, Br J Clin Pharmacol 63:292), stepped weekly, with CL0, T50 and the volume
fitted to Daud's weeks 1 and 8 and the label's week-8 peak. The model's accumulation over eight
weekly doses is about 1.3, below the published 1.69, a mean of each patient's ratio
(see :mod:`~ifnalpha.model.dosing.calibration`).

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
>>> bool(peg.relative()(7 * 24.0) > 0.05)  # a week after the first dose: still there
True
"""

from ifnalpha.model.dosing.calibration import PUBLISHED, TOLERANCE, PublishedPK, pk_calibration
from ifnalpha.model.dosing.declining_clearance import ClearanceDecline
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
    PEG_CLEARANCE_HALVING_H,
    PEG_FIRST_WEEK_HALF_LIFE_H,
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
    "PEG_CLEARANCE_HALVING_H",
    "PEG_FIRST_WEEK_HALF_LIFE_H",
    "PEG_TMAX_H",
    "PK",
    "PUBLISHED",
    "REGIMENS",
    "THRESHOLD_OF_PEAK",
    "TOLERANCE",
    "ClearanceDecline",
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
