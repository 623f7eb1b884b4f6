"""The model's numbers for each gene it represents: early response and chronic exposure.

Every readout of :data:`ifnalpha.model.READOUTS` that stands for a gene (attribute ``gene``) is
read under one standard exposure: constant IFN-α at :data:`STANDARD_DOSE_PM`, its value at
:data:`STANDARD_HOURS` (the early response), and its mean over the last
:data:`~ifnalpha.model.analyses.CHRONIC_WINDOW_H` hours of :data:`CHRONIC_HOURS` at the same
dose (chronic exposure). Readouts relative to rest are folds of their resting level; the others
(phosphorylated fractions) are given in their own unit. The gene atlas page shows these
numbers. The model is educational and qualitative, not clinical guidance.

Examples
--------
>>> table = gene_readout_numbers()
>>> row = table.set_index("readout").loc["usp18"]
>>> row["gene"], bool(row["is_fold"]), bool(row["chronic"] > row["standard"] > 1)
('USP18', True, True)
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ifnalpha import checks, model
from ifnalpha.model.analyses import ACUTE_WINDOW_H, CHRONIC_WINDOW_H

__all__ = ["CHRONIC_HOURS", "COLUMNS", "STANDARD_DOSE_PM", "STANDARD_HOURS",
           "gene_readout_numbers"]

#: The standard dose: constant IFN-α (pM), the default dose of the book's model pages.
STANDARD_DOSE_PM = 100.0
#: When the early response is read (h): the end of the acute window of the model pages.
STANDARD_HOURS = ACUTE_WINDOW_H
#: Length of the chronic run (h): one week of constant exposure.
CHRONIC_HOURS = 168.0

#: Columns of :func:`gene_readout_numbers`.
COLUMNS = ["gene", "readout", "label", "unit", "is_fold", "standard", "chronic"]


@lru_cache(maxsize=8)
def _numbers(dose: float, hours: float, chronic_hours: float) -> pd.DataFrame:
    frame = model.simulate(dose, max(hours, chronic_hours)).frame
    at = frame.index[abs(frame.index - hours).argmin()]
    chronic = frame.index >= chronic_hours - CHRONIC_WINDOW_H
    rows = [
        {"gene": r.gene, "readout": name, "label": r.label, "unit": r.unit,
         "is_fold": bool(r.relative_to_rest), "standard": float(frame.at[at, name]),
         "chronic": float(frame.loc[chronic, name].mean())}
        for name, r in model.READOUTS.items() if r.gene
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def gene_readout_numbers(
    dose_pM: float = STANDARD_DOSE_PM,
    hours: float = STANDARD_HOURS,
    chronic_hours: float = CHRONIC_HOURS,
) -> pd.DataFrame:
    """Read every gene readout of the model early on and under chronic exposure.

    Parameters
    ----------
    dose_pM : float
        Constant IFN-α (pM).
    hours : float
        When the early value is read (h).
    chronic_hours : float
        Length of the chronic run (h); its last ``CHRONIC_WINDOW_H`` hours are averaged. Must
        be longer than that window.

    Returns
    -------
    pandas.DataFrame
        One row per gene readout, columns :data:`COLUMNS`: ``gene``, ``readout`` (its key in
        :data:`ifnalpha.model.READOUTS`), ``label``, ``unit``, ``is_fold`` (relative to rest),
        ``standard`` (value at ``hours``) and ``chronic`` (mean over the last window). A copy.

    Raises
    ------
    TypeError, ValueError
        If an argument is not a finite number in range.

    Examples
    --------
    >>> sorted(gene_readout_numbers()["gene"].unique())[:3]
    ['IFITM1', 'IRF1', 'IRF9']
    """
    dose = checks.number("dose_pM", dose_pM, positive=True)
    early = checks.number("hours", hours, positive=True)
    chronic = checks.number("chronic_hours", chronic_hours, minimum=2 * CHRONIC_WINDOW_H)
    return _numbers(dose, early, chronic).copy()
