"""Changes to the cell a reader can switch on: knockdowns, inhibitors, overexpression, mutants.

Each perturbation names the review claim it lets the reader test (:data:`PERTURBATIONS`);
:func:`check_perturbations` validates a reader's choice with :mod:`ifnalpha.checks`.
The model is educational and qualitative, not clinical guidance.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np

from ifnalpha import checks

__all__ = ["PERTURBATIONS", "Perturbation", "check_perturbations", "perturbation_key"]


@dataclass(frozen=True)
class Perturbation:
    """A change to the cell that a reader can switch on, and the claim it lets them test.

    Attributes
    ----------
    kind : {"fraction", "fold", "flag"}
        ``fraction``: a number in [0, 1] (0 = no effect); ``fold``: a number >= 1 (1 = no
        effect); ``flag``: a bool.
    default : float or bool
        The value that means "unperturbed".
    effect : str
        What the model changes.
    claim : str
        The review's claim this perturbation tests, with the review letter and its reference
        numbers.
    """

    kind: Literal["fraction", "fold", "flag"]
    default: float | bool
    effect: str
    claim: str


PERTURBATIONS: dict[str, Perturbation] = {
    "usp18_knockdown": Perturbation(
        "fraction", 0.0,
        "USP18 mRNA (basal and induced) lowered by this fraction, as by siRNA.",
        "USP18 is an ISG that ends IFN-α signalling by disrupting IFNAR2–JAK1 binding "
        "(review B, JAK-STAT section [29, 30]; review A Table 2 'negative regulation' "
        "[17, 22]): without it signalling should last longer.",
    ),
    "socs1_knockdown": Perturbation(
        "fraction", 0.0,
        "SOCS1 mRNA (basal and induced) lowered by this fraction.",
        "SOCS1 lowers JAK1 and STAT1 phosphorylation (review B [29, 30]; review A Table 2 "
        "[17, 22]): without it pSTAT1 should stay higher.",
    ),
    "jak_inhibition": Perturbation(
        "fraction", 0.0,
        "JAK1/TYK2 catalytic activity lowered by this fraction (e.g. ruxolitinib), from the "
        "start of the simulation.",
        "A JAK1/2 inhibitor lowers pSTAT, yet U-ISGF3 may keep the interferon signature up, one "
        "proposed reason ruxolitinib missed its efficacy endpoint in TNBC (review A, "
        "Conclusion [59]; Fig. 1b).",
    ),
    "irf9_overexpression": Perturbation(
        "fold", 1.0,
        "Extra constitutive IRF9 synthesis: (fold − 1) × the resting synthesis rate.",
        "High IRF9 may switch transcription from ISGF3 to U-ISGF3; TN-IBC cells have robust "
        "IRF9 levels (review A [34], Fig. 1b).",
    ),
    "stat1_overexpression": Perturbation(
        "fold", 1.0,
        "Extra constitutive STAT1 synthesis: (fold − 1) × the resting synthesis rate.",
        "Raised unphosphorylated STAT1, STAT2 and IRF9 form U-ISGF3, which keeps a subset of "
        "ISGs (IFITM1 …) on without phosphorylation (review A [21], Fig. 1b, Table 1).",
    ),
    "stat2_overexpression": Perturbation(
        "fold", 1.0,
        "Extra constitutive STAT2 synthesis: (fold − 1) × the resting synthesis rate.",
        "STAT2 with IRF9 can drive ISGs without STAT1; TN-IBC depends on STAT2 (review A "
        "[14, 19], Fig. 1b).",
    ),
    "stat1_null": Perturbation(
        "flag", False,
        "No STAT1 transcription (a STAT1-null cell; a STAT1 transgene can still be added).",
        "An ISGF3-like STAT2–IRF9 complex can transcribe ISGs independently of STAT1 "
        "(review A [19]).",
    ),
    "ifnar1_null": Perturbation(
        "flag", False,
        "No receptor synthesis (an IFNAR1-knockout cell).",
        "IFNAR1 mediates the direct and indirect effects of IFN-I therapy; its knockout impairs "
        "them (review B, IFNAR section [67–70]); loss of JAK-STAT parts blunts the response "
        "(review B, challenges section [224–227]).",
    ),
    "stat1_y701f": Perturbation(
        "flag", False,
        "STAT1 cannot be tyrosine-phosphorylated (Y701F): no pSTAT1, ISGF3 or AAF.",
        "STAT1-Y701F prevents ISGF3 formation and blocks IFN signals (review B, challenges "
        "section [228, 229]).",
    ),
    "stat2_y690f": Perturbation(
        "flag", False,
        "STAT2 cannot be tyrosine-phosphorylated (Y690F): no ISGF3 or pSTAT2–IRF9 (AAF can "
        "still form).",
        "STAT2-Y690F prevents ISGF3 formation and blocks IFN signals (review B, challenges "
        "section [228, 229]).",
    ),
}


def check_perturbations(perturbations: object) -> dict[str, float | bool]:
    """Validate perturbations (name → value) and return them as plain Python values.

    Parameters
    ----------
    perturbations : mapping or None
        Names of :data:`PERTURBATIONS` with a fraction in [0, 1], a fold ≥ 1 or a bool,
        by the perturbation's kind.

    Returns
    -------
    dict

    Raises
    ------
    TypeError
        If it is not a mapping, or a value has the wrong type.
    ValueError
        If a name is unknown or a value is out of range.

    Examples
    --------
    >>> check_perturbations({"usp18_knockdown": 1})
    {'usp18_knockdown': 1.0}
    >>> check_perturbations({"irf9_overexpression": 0.5})
    Traceback (most recent call last):
    ...
    ValueError: `perturbations['irf9_overexpression']` must be finite and ≥ 1, got 0.5
    """
    if perturbations is None:
        return {}
    if not isinstance(perturbations, Mapping):
        raise TypeError(f"`perturbations` must be a dict of name -> value, got {perturbations!r}")
    out: dict[str, float | bool] = {}
    for name, value in perturbations.items():
        checks.choice("perturbations", name, PERTURBATIONS)
        label = f"perturbations[{name!r}]"
        kind = PERTURBATIONS[name].kind
        if kind == "flag":
            out[name] = checks.flag(label, bool(value) if isinstance(value, np.bool_) else value)
        elif kind == "fraction":
            out[name] = checks.number(label, value, minimum=0.0, maximum=1.0)
        else:
            out[name] = checks.number(label, value, minimum=1.0)
    return out


def perturbation_key(pert: Mapping[str, float | bool]) -> tuple:
    """Return a hashable key of the perturbations that differ from their defaults."""
    return tuple(sorted((k, v) for k, v in pert.items() if v != PERTURBATIONS[k].default))
