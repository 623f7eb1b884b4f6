"""The model reference page: the model's declarations as tables and counts for the prose.

The model declares its species, reactions, parameters, perturbations and readouts once
(:mod:`ifnalpha.model`); this module shows each declaration table under headings written for
readers (:func:`model_reference_table`) and counts them for the page's text
(:func:`model_reference_texts`).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ifnalpha import checks, model
from ifnalpha.book.glue import count
from ifnalpha.book.table_display import InteractiveTable, interactive_table

__all__ = ["MODEL_REFERENCE_TABLES", "model_reference_table", "model_reference_texts"]

_KINDS = {"fraction": "fraction (0 to 1)", "fold": "fold (at least 1)", "flag": "on or off"}


def _species() -> pd.DataFrame:
    return model.species_table().reset_index().rename(columns={
        "species": "Species", "unit": "Unit", "meaning": "Meaning"})


def _reactions() -> pd.DataFrame:
    return model.reaction_table().reset_index().rename(columns={
        "reaction": "Reaction", "equation": "Equation", "rate": "Rate law",
        "meaning": "Meaning", "source": "Source"})


def _parameters() -> pd.DataFrame:
    params = model.parameter_table().reset_index(drop=True)
    return pd.DataFrame({
        "Parameter": params["name"],
        "Value": params["value"].map("{:g}".format),
        "Unit": params["unit"],
        "Meaning": params["meaning"],
        "Source or assumption": params["source"],
        "Accepted range": params["lower"].map("{:g}".format) + " to "
        + params["upper"].map("{:g}".format),
    })


def _perturbations() -> pd.DataFrame:
    return pd.DataFrame(
        [(name, _KINDS[p.kind], str(p.default), p.effect, p.claim)
         for name, p in model.PERTURBATIONS.items()],
        columns=["Perturbation", "Kind", "No effect at", "What the model changes",
                 "Claim it tests"],
    )


def _readouts() -> pd.DataFrame:
    return pd.DataFrame(
        [(name, r.label, r.unit, r.meaning) for name, r in model.READOUTS.items()],
        columns=["Column", "Label", "Unit", "Meaning"],
    )


#: Each table of the page: its rows, table id, caption and relative widths in the PDF.
MODEL_REFERENCE_TABLES: dict[str, tuple[Callable[[], pd.DataFrame], str, str,
                                        tuple[float, ...]]] = {
    "species": (_species, "model-species",
                "State variables of the signalling model: unit and meaning.", (1.2, 1.4, 3.4)),
    "reactions": (_reactions, "model-reactions",
                  "Reactions of the signalling model: equation, rate law, meaning and source.",
                  (1.3, 1.5, 1.8, 1.8, 1.6)),
    "parameters": (_parameters, "model-parameters",
                   "Parameters of the signalling model: value, unit, meaning, and source or "
                   "assumption with its reason.", (1.4, 0.6, 0.8, 2.0, 2.6, 0.9)),
    "perturbations": (_perturbations, "model-perturbations",
                      "Perturbations of the signalling model and the claims of the reviews they "
                      "test.", (1.3, 0.9, 0.7, 2.2, 3.0)),
    "readouts": (_readouts, "model-readouts",
                 "Readouts of the signalling model: the column of a simulation's result, its "
                 "label in the figures, its unit and meaning.", (1.2, 1.2, 1.2, 3.0)),
}


def model_reference_table(kind: str) -> InteractiveTable:
    """Return one of the model's declaration tables as the model reference page shows it.

    Parameters
    ----------
    kind : {"species", "reactions", "parameters", "perturbations", "readouts"}
        Which declarations to show.

    Returns
    -------
    InteractiveTable

    Examples
    --------
    >>> table = model_reference_table("parameters")
    >>> table.table_id, list(table.frame.columns)[-1]
    ('model-parameters', 'Accepted range')
    """
    rows, table_id, caption, widths = MODEL_REFERENCE_TABLES[
        checks.choice("kind", kind, tuple(MODEL_REFERENCE_TABLES))]
    return interactive_table(rows(), table_id, caption, widths=widths)


def model_reference_texts() -> dict[str, str]:
    """Return the counts the model reference page states, keyed for glue.

    Returns
    -------
    dict
        ``mr-n-species``, ``mr-n-reactions``, ``mr-n-parameters``, ``mr-n-assumptions``
        (parameters whose source is a stated assumption) and ``mr-n-perturbations``.

    Examples
    --------
    >>> int(model_reference_texts()["mr-n-assumptions"]) > 0
    True
    """
    params = model.parameter_table()
    return {
        "mr-n-species": count(len(model.species_table())),
        "mr-n-reactions": count(len(model.reaction_table())),
        "mr-n-parameters": count(len(params)),
        "mr-n-assumptions": count(int(params["source"].str.startswith("assumption").sum())),
        "mr-n-perturbations": count(len(model.PERTURBATIONS)),
    }
