"""Published pharmacokinetic numbers of IFN-α2b and PEG-IFN-α2b beside the model's values.

Part of :mod:`ifnalpha.model.dosing` (its face re-exports the public names). Each published
number is declared once in :data:`PUBLISHED`, with the study design it comes from and the key of
its source in ``data/references.bib``; :func:`pk_calibration` runs the same design through the
book's pharmacokinetics and returns both side by side. Concentrations are converted to pM with
:class:`~ifnalpha.model.dosing.ExposureScale` (IU through the specific activity and molar mass
of IFN-α2b; ng of PEG-IFN-α2b through the conjugate's molar mass).

Examples
--------
>>> table = pk_calibration()
>>> bool((table.dropna(subset=["published"])["relative_error"].abs() <= 0.2).all())
False
>>> sorted(table.loc[table["relative_error"].abs() > 0.2, "quantity"])
['accumulation, week 1 to week 8']
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from ifnalpha.model.dosing.exposures import HOURS_PER_WEEK
from ifnalpha.model.dosing.pharmacokinetics import (
    DEFAULT_SCALE,
    PK,
    Doses,
    ExposureScale,
    doses,
)

__all__ = ["PUBLISHED", "TOLERANCE", "PublishedPK", "pk_calibration"]

#: The largest relative difference between a published number and the model's that counts as
#: reproduced (20 %).
TOLERANCE = 0.2


@dataclass(frozen=True)
class PublishedPK:
    """One published pharmacokinetic number and the design it was measured in."""

    product: str
    design: str
    quantity: str
    value: float
    unit: str
    source: str
    note: str = ""


PUBLISHED: tuple[PublishedPK, ...] = (
    PublishedPK("ifn_alpha2b_sc", "5 MU/m² once", "peak concentration", 45.8, "IU/mL",
                "radwanski1987"),
    PublishedPK("ifn_alpha2b_sc", "5 MU/m² once", "time to peak", 8.0, "h", "radwanski1987"),
    PublishedPK("ifn_alpha2b_sc", "5 MU/m² once", "elimination half-life", 2.9, "h",
                "radwanski1987"),
    PublishedPK("ifn_alpha2b_sc", "5 MU/m² once", "absorption half-life", 5.5, "h",
                "radwanski1987"),
    PublishedPK("ifn_alpha2b_iv", "5 MU/m² over 30 min", "distribution half-life", 0.1, "h",
                "radwanski1987"),
    PublishedPK("ifn_alpha2b_iv", "5 MU/m² over 30 min", "elimination half-life", 1.7, "h",
                "radwanski1987"),
    PublishedPK("ifn_alpha2b_iv", "5 MU/m² over 30 min", "peak concentration", math.nan,
                "IU/mL", "radwanski1987",
                "not in the abstract the book could check: the model's i.v. peak rests on the "
                "s.c. volume and an assumed distribution share"),
    PublishedPK("peg_ifn_alpha2b_sc", "6 µg/kg weekly", "peak concentration, week 8", 4.4,
                "ng/mL", "sylatronlabel"),
    PublishedPK("peg_ifn_alpha2b_sc", "6 µg/kg weekly", "time to peak", 24.0, "h", "daud2011"),
    PublishedPK("peg_ifn_alpha2b_sc", "6 µg/kg weekly", "terminal half-life", 51.0, "h",
                "sylatronlabel"),
    PublishedPK("peg_ifn_alpha2b_sc", "6 µg/kg weekly", "exposure over a week (AUC), week 8",
                430.0, "ng·h/mL", "sylatronlabel"),
    PublishedPK("peg_ifn_alpha2b_sc", "6 µg/kg weekly", "accumulation, week 1 to week 8", 1.7,
                "ratio", "sylatronlabel",
                "linear kinetics with a 51-h half-life cannot accumulate this much over weekly "
                "doses; the apparent clearance of PEG-IFN-α2b falls with repeated dosing "
                "(Gupta et al. 2006), which the model leaves out"),
    PublishedPK("peg_ifn_alpha2b_sc", "3 µg/kg weekly after 8 weeks of 6 µg/kg",
                "peak concentration, week 4", 2.5, "ng/mL", "sylatronlabel"),
    PublishedPK("peg_ifn_alpha2b_sc", "3 µg/kg weekly after 8 weeks of 6 µg/kg",
                "terminal half-life", 43.0, "h", "sylatronlabel"),
)


def _window(d: Doses, t0: float, t1: float, n: int = 20001) -> tuple[np.ndarray, np.ndarray]:
    t = np.linspace(t0, t1, n)
    return t, np.asarray(d(t))


def _peg_weeks(weeks_6: int, weeks_3: int, scale: ExposureScale) -> Doses:
    times = [w * HOURS_PER_WEEK for w in range(weeks_6 + weeks_3)]
    amounts = [6.0] * weeks_6 + [3.0] * weeks_3
    return doses("peg_ifn_alpha2b_sc", times, amounts, scale=scale)


def _model_values(scale: ExposureScale) -> dict[tuple[str, str, str], tuple[float, str]]:
    """(product, design, quantity) -> (model value in the published unit, how it is obtained)."""
    iu = scale.pM_per_IU_per_mL()
    ng = scale.pM_per_ng_per_mL_peg()
    sc, iv, peg = PK["ifn_alpha2b_sc"], PK["ifn_alpha2b_iv"], PK["peg_ifn_alpha2b_sc"]
    out: dict[tuple[str, str, str], tuple[float, str]] = {}
    t, c = _window(doses("ifn_alpha2b_sc", [0.0], 5.0, scale=scale), 0.0, 48.0)
    d_sc = "5 MU/m² once"
    out[("ifn_alpha2b_sc", d_sc, "peak concentration")] = (c.max() / iu, "simulated")
    out[("ifn_alpha2b_sc", d_sc, "time to peak")] = (float(t[np.argmax(c)]), "simulated")
    out[("ifn_alpha2b_sc", d_sc, "elimination half-life")] = (sc.elimination_half_life_h,
                                                              "parameter")
    out[("ifn_alpha2b_sc", d_sc, "absorption half-life")] = (float(sc.absorption_half_life_h or 0),
                                                             "parameter")
    d_iv = "5 MU/m² over 30 min"
    iv30 = Doses(replace(iv, infusion_h=0.5), (0.0,),
                 (doses("ifn_alpha2b_iv", [0.0], 5.0, scale=scale).amounts_pM[0],))
    out[("ifn_alpha2b_iv", d_iv, "distribution half-life")] = (
        float(iv.distribution_half_life_h or 0), "parameter")
    out[("ifn_alpha2b_iv", d_iv, "elimination half-life")] = (iv.elimination_half_life_h,
                                                              "parameter")
    out[("ifn_alpha2b_iv", d_iv, "peak concentration")] = (iv30.peak(0.0, 2.0) / iu,
                                                           "simulated")
    d6 = "6 µg/kg weekly"
    peg8 = _peg_weeks(8, 0, scale)
    t1, c1 = _window(peg8, 0.0, HOURS_PER_WEEK)
    t8, c8 = _window(peg8, 7 * HOURS_PER_WEEK, 8 * HOURS_PER_WEEK)
    out[("peg_ifn_alpha2b_sc", d6, "peak concentration, week 8")] = (c8.max() / ng, "simulated")
    out[("peg_ifn_alpha2b_sc", d6, "time to peak")] = (float(t1[np.argmax(c1)]), "simulated")
    out[("peg_ifn_alpha2b_sc", d6, "terminal half-life")] = (peg.elimination_half_life_h,
                                                             "parameter")
    out[("peg_ifn_alpha2b_sc", d6, "exposure over a week (AUC), week 8")] = (
        float(np.trapezoid(c8, t8)) / ng, "simulated")
    out[("peg_ifn_alpha2b_sc", d6, "accumulation, week 1 to week 8")] = (c8.max() / c1.max(),
                                                                         "simulated")
    d3 = "3 µg/kg weekly after 8 weeks of 6 µg/kg"
    _, c12 = _window(_peg_weeks(8, 4, scale), 11 * HOURS_PER_WEEK, 12 * HOURS_PER_WEEK)
    out[("peg_ifn_alpha2b_sc", d3, "peak concentration, week 4")] = (c12.max() / ng,
                                                                     "simulated")
    out[("peg_ifn_alpha2b_sc", d3, "terminal half-life")] = (peg.elimination_half_life_h,
                                                             "parameter")
    return out


def pk_calibration(scale: ExposureScale | None = None) -> pd.DataFrame:
    """Return every published number of :data:`PUBLISHED` beside the model's value.

    Parameters
    ----------
    scale : ExposureScale, optional
        Dose → concentration conversion (default :data:`DEFAULT_SCALE`, the calibrated one).

    Returns
    -------
    pandas.DataFrame
        Columns ``product`` (the PK name), ``design``, ``quantity``, ``unit``, ``published``,
        ``model``, ``relative_error`` (model / published - 1; NaN where nothing is published),
        ``published_pM`` and ``model_pM`` (concentrations in pM, else NaN), ``obtained``
        ("simulated" or "parameter"), ``source`` (BibTeX key) and ``note``.
    """
    sc = scale or DEFAULT_SCALE
    if not isinstance(sc, ExposureScale):
        raise TypeError(f"`scale` must be an ExposureScale, got {scale!r}")
    model = _model_values(sc)
    to_pM: dict[str, Callable[[float], float]] = {
        "IU/mL": lambda v: v * sc.pM_per_IU_per_mL(),
        "ng/mL": lambda v: v * sc.pM_per_ng_per_mL_peg(),
    }
    rows = []
    for p in PUBLISHED:
        value, how = model[(p.product, p.design, p.quantity)]
        conv = to_pM.get(p.unit)
        rows.append({
            "product": PK[p.product].name, "design": p.design, "quantity": p.quantity,
            "unit": p.unit, "published": p.value, "model": float(value),
            "relative_error": float(value) / p.value - 1.0 if p.value == p.value else math.nan,
            "published_pM": conv(p.value) if conv else math.nan,
            "model_pM": conv(float(value)) if conv else math.nan,
            "obtained": how, "source": p.source, "note": p.note,
        })
    return pd.DataFrame(rows)
