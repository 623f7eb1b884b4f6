"""The readouts of the Kok et al. (2020) model, in the conventions of the book's model.

Part of :mod:`ifnalpha.model.reference` (its face re-exports the public names and describes the
readouts in a table).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from ifnalpha.model.expressions import evaluator
from ifnalpha.model.reference.loading import UNITS_PER_PM, baseline_species

__all__ = [
    "KOK_READOUTS",
    "KokReadout",
    "ReferenceResult",
    "baseline",
    "evaluate",
    "kok_readout_table",
    "readout_frame",
]

_PSTAT1 = "pSTAT1pSTAT2c + pSTAT1pSTAT2n + ISGF3c + ISGF3n + 2*(pSTAT1dimc + pSTAT1dimn)"
_PSTAT2 = "pSTAT1pSTAT2c + pSTAT1pSTAT2n + ISGF3c + ISGF3n"
_STAT1_TOTAL = f"STAT1c + STAT1n + {_PSTAT1}"
_STAT2_TOTAL = f"STAT2c + STAT2n + {_PSTAT2}"

Scale = Literal["pM", "fraction_stat1", "fraction_stat2", "baseline_stat1", "baseline"]


@dataclass(frozen=True)
class KokReadout:
    """How one column of :attr:`ReferenceResult.frame` is computed from the SBML species.

    Attributes
    ----------
    expression : str
        Arithmetic (``+ - * /``, numbers, parentheses) over SBML species ids, in model units.
    scale : str
        ``"pM"``: divided by :data:`UNITS_PER_PM`; ``"fraction_stat1"`` / ``"fraction_stat2"``:
        divided by total STAT1 / STAT2 protein at the same time; ``"baseline_stat1"``: divided by
        total STAT1 protein at baseline; ``"baseline"``: divided by its own baseline value.
    note : str
        What the readout is, in words.

    """

    expression: str
    scale: Scale
    note: str


#: Our column → SBML expression, scale and note. Keys are the columns of
#: :attr:`ReferenceResult.frame`, in order.
KOK_READOUTS: dict[str, KokReadout] = {
    "ifn_pM": KokReadout("IFN", "pM", "free IFN-alpha in the medium; consumed by receptor binding"),
    "pstat1_total": KokReadout(
        _PSTAT1,
        "fraction_stat1",
        "tyrosine-phosphorylated STAT1 in heterodimers, ISGF3 and homodimers (x2), cytoplasm and "
        "nucleus, as a fraction of all mature STAT1 protein",
    ),
    "pstat2_total": KokReadout(
        _PSTAT2,
        "fraction_stat2",
        "phosphorylated STAT2 in heterodimers and ISGF3, as a fraction of all mature STAT2 protein",
    ),
    "isgf3": KokReadout(
        "ISGF3c + ISGF3n",
        "baseline_stat1",
        "ISGF3 complexes (cytoplasm + nucleus) in units of baseline total STAT1",
    ),
    "aaf": KokReadout(
        "pSTAT1dimc + pSTAT1dimn",
        "baseline_stat1",
        "pSTAT1 homodimers (AAF, GAF-like; cytoplasm + nucleus) in units of baseline total STAT1",
    ),
    "stat1": KokReadout(
        _STAT1_TOTAL,
        "baseline",
        "all mature STAT1 protein (free, phosphorylated, in ISGF3), dimers counted twice; "
        "delay chain STAT1_LC_* excluded",
    ),
    "stat2": KokReadout(
        _STAT2_TOTAL,
        "baseline",
        "all mature STAT2 protein (free, phosphorylated, in ISGF3); "
        "delay chain STAT2_LC_* excluded",
    ),
    "irf9": KokReadout(
        "IRF9c + IRF9n + ISGF3c + ISGF3n",
        "baseline",
        "all mature IRF9 protein (free and in ISGF3); delay chain IRF9_LC_* excluded",
    ),
    "usp18": KokReadout("USP18", "baseline", "USP18 protein; delay chain USP18_LC_* excluded"),
    "socs1": KokReadout("SOCS1", "baseline", "SOCS1 protein; delay chain SOCS1_LC_1 excluded"),
    "stat1_mrna": KokReadout("STAT1mRNA", "baseline", "STAT1 mRNA"),
    "stat2_mrna": KokReadout("STAT2mRNA", "baseline", "STAT2 mRNA"),
    "irf9_mrna": KokReadout("IRF9mRNA", "baseline", "IRF9 mRNA"),
    "usp18_mrna": KokReadout("USP18mRNA", "baseline", "USP18 mRNA"),
    "socs1_mrna": KokReadout("SOCS1mRNA", "baseline", "SOCS1 mRNA"),
}

_DENOMINATORS: dict[str, str] = {"fraction_stat1": _STAT1_TOTAL, "fraction_stat2": _STAT2_TOTAL}


@dataclass(frozen=True)
class ReferenceResult:
    """A time course of the Kok et al. (2020) model.

    Attributes
    ----------
    frame : pandas.DataFrame
        The readouts of :data:`KOK_READOUTS`, one column each, indexed by time in hours
        (``time_h``).
    species : pandas.DataFrame
        Every SBML species in model units, same index (for anything :data:`KOK_READOUTS` lacks).
    doses : tuple of (float, float)
        The doses given, as ``(time_h, dose_pM)`` pairs.

    """

    frame: pd.DataFrame
    species: pd.DataFrame
    doses: tuple[tuple[float, float], ...]

    def amount(self, expression: str) -> pd.Series:
        """Evaluate an expression over the SBML species, in model units.

        Parameters
        ----------
        expression : str
            Arithmetic over species ids, e.g. ``"ISGF3c + ISGF3n"``.

        Returns
        -------
        pandas.Series
            Indexed by ``time_h``.

        Raises
        ------
        ValueError
            If the expression is not valid arithmetic or names something that is not a species.

        Examples
        --------
        >>> from ifnalpha.model import reference
        >>> result = reference.simulate_reference(1400.0, hours=1.0)
        >>> round(float(result.amount("IFN").iloc[0]))
        50000

        """
        return evaluate(self.species, expression)


def evaluate(species: pd.DataFrame, expression: str) -> pd.Series:
    """Evaluate an expression (:mod:`ifnalpha.model.expressions`) over a frame of species.

    Examples
    --------
    >>> frame = pd.DataFrame({"A": [1.0, 2.0], "B": [0.5, 0.5]})
    >>> evaluate(frame, "A + 2 * B").tolist()
    [2.0, 3.0]
    """
    function, names = evaluator(expression)
    unknown = sorted(names - set(species.columns))
    if unknown:
        raise ValueError(f"expression {expression!r} names unknown species {unknown}")
    env = {name: species[name].to_numpy(dtype=float) for name in names}
    values = np.broadcast_to(np.asarray(function(env), dtype=float), (len(species),))
    return pd.Series(values, index=species.index)


def baseline() -> pd.Series:
    """Return the unstimulated state: every species and readout basis, in model units.

    Returns
    -------
    pandas.Series
        The SBML initial values with IFN = 0, indexed by species id, plus ``stat1_total`` and
        ``stat2_total`` (mature protein, all forms).

    Examples
    --------
    >>> round(baseline()["stat1_total"])
    534930

    """
    species = baseline_species()
    frame = species.to_frame().T
    extra = pd.Series(
        {
            "stat1_total": float(evaluate(frame, _STAT1_TOTAL).iloc[0]),
            "stat2_total": float(evaluate(frame, _STAT2_TOTAL).iloc[0]),
        }
    )
    return pd.concat([species, extra])


@functools.cache
def _divisors() -> dict[str, float]:
    """Constant divisor of each readout whose scale does not vary in time."""
    base = baseline()
    base_frame = base.to_frame().T
    divisors: dict[str, float] = {}
    for name, readout in KOK_READOUTS.items():
        if readout.scale == "pM":
            divisors[name] = UNITS_PER_PM
        elif readout.scale == "baseline_stat1":
            divisors[name] = float(base["stat1_total"])
        elif readout.scale == "baseline":
            divisors[name] = float(evaluate(base_frame, readout.expression).iloc[0])
            if not divisors[name] > 0:
                raise ValueError(f"readout {name!r} is 0 at baseline; cannot scale to it")
    return divisors


def readout_frame(species: pd.DataFrame) -> pd.DataFrame:
    """Compute :data:`KOK_READOUTS` from a frame of species (model units), same index."""
    divisors = _divisors()
    columns: dict[str, np.ndarray] = {}
    for name, readout in KOK_READOUTS.items():
        values = evaluate(species, readout.expression).to_numpy()
        if readout.scale in _DENOMINATORS:
            values = values / evaluate(species, _DENOMINATORS[readout.scale]).to_numpy()
        else:
            values = values / divisors[name]
        columns[name] = values
    return pd.DataFrame(columns, index=species.index)


def kok_readout_table() -> pd.DataFrame:
    """Return :data:`KOK_READOUTS` as a table for display.

    Returns
    -------
    pandas.DataFrame
        Indexed by column name, with ``sbml_expression``, ``scale`` and ``note``.

    Examples
    --------
    >>> kok_readout_table().loc["isgf3", "sbml_expression"]
    'ISGF3c + ISGF3n'

    """
    return pd.DataFrame(
        {
            "sbml_expression": [r.expression for r in KOK_READOUTS.values()],
            "scale": [r.scale for r in KOK_READOUTS.values()],
            "note": [r.note for r in KOK_READOUTS.values()],
        },
        index=pd.Index(list(KOK_READOUTS), name="column"),
    )
