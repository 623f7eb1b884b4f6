"""The model described for readers: tables of species, reactions and readouts, and its equations.

Everything here is generated from the declarations in :mod:`ifnalpha.model.spec`, so the
model-reference appendix cannot drift from the code the solver runs.
"""

from __future__ import annotations

import pandas as pd

from ifnalpha.model.spec import (
    ASSIGNMENTS,
    DERIVED,
    PERTURBATION_FACTORS,
    REACTIONS,
    READOUT_TERMS,
    READOUTS,
    SPECIES,
)

__all__ = ["equations_markdown", "reaction_table", "readout_table", "species_table"]


def species_table() -> pd.DataFrame:
    """Return the state variables with their units and meanings.

    Examples
    --------
    >>> species_table().loc["u_isgf3", "unit"]
    'S1₀ (baseline total STAT1)'
    """
    return pd.DataFrame(
        [(s.id, s.unit, s.meaning) for s in SPECIES], columns=["species", "unit", "meaning"]
    ).set_index("species")


def reaction_table() -> pd.DataFrame:
    """Return the reactions: equation, rate law, meaning and source.

    Examples
    --------
    >>> reaction_table().loc["usp18_degradation", "rate"]
    'k_deg_usp18 * usp18_protein'
    """
    rows = []
    for r in REACTIONS:
        left = " + ".join(f"{-c if c != -1 else ''}{'' if c == -1 else ' '}{s}".strip()
                          for s, c in r.stoichiometry.items() if c < 0) or "∅"
        right = " + ".join(f"{c if c != 1 else ''}{'' if c == 1 else ' '}{s}".strip()
                           for s, c in r.stoichiometry.items() if c > 0) or "∅"
        rows.append((r.id, f"{left} → {right}", r.rate, r.meaning, r.source))
    return pd.DataFrame(
        rows, columns=["reaction", "equation", "rate", "meaning", "source"]
    ).set_index("reaction")


def equations_markdown() -> str:
    """Return the model as Markdown: intermediate quantities, one ODE per state, readouts.

    Examples
    --------
    >>> "d(isgf3)/dt" in equations_markdown()
    True
    """
    lines = ["**Intermediate quantities**", ""]
    for name, expr, meaning in ASSIGNMENTS:
        lines.append(f"- `{name} = {expr}` — {meaning}")
    lines += ["", "**Derived constants**", ""]
    for name, unit, how in DERIVED:
        lines.append(f"- `{name}` ({unit}) = {how}")
    lines += ["", "**Perturbation factors**", ""]
    for name, how in PERTURBATION_FACTORS:
        lines.append(f"- `{name}` = {how}")
    lines += ["", "**Rate equations**", ""]
    for s in SPECIES:
        terms = []
        for r in REACTIONS:
            c = r.stoichiometry.get(s.id, 0)
            if c:
                coef = "" if abs(c) == 1 else f"{abs(c)}·"
                terms.append(f"{'+' if c > 0 else '−'} {coef}v[{r.id}]")
        body = " ".join(terms)
        body = body[2:] if body.startswith("+ ") else body
        lines.append(f"- `d({s.id})/dt = {body}`")
    lines += ["", "where each `v[reaction]` is the rate law listed by `reaction_table()`."]
    lines += ["", "**Readouts**", ""]
    for name, expr, meaning in READOUT_TERMS:
        lines.append(f"- `{name} = {expr}` — {meaning}")
    for r in READOUTS:
        if r.expression != r.name:
            lines.append(f"- `{r.name} = {r.expression}` ({r.unit})")
    lines += ["", "`fraction(part, whole)` is `part / whole`, or 0 where `whole` is 0; every "
              "other readout is the species or quantity of the same name."]
    return "\n".join(lines)


def readout_table() -> pd.DataFrame:
    """Return the readouts (columns of ``SimulationResult.frame``) with their declarations.

    Returns
    -------
    pandas.DataFrame
        Indexed by readout name, in column order, with ``label``, ``unit``, ``meaning``,
        ``gene``, ``kind``, ``relative_to_rest`` and ``expression``.

    Examples
    --------
    >>> table = readout_table()
    >>> table.loc["socs1_mrna", "gene"], bool(table.loc["u_isgf3", "relative_to_rest"])
    ('SOCS1', True)
    """
    columns = ["label", "unit", "meaning", "gene", "kind", "relative_to_rest", "expression"]
    return pd.DataFrame(
        [[getattr(r, c) for c in columns] for r in READOUTS],
        index=pd.Index([r.name for r in READOUTS], name="readout"),
        columns=columns,
    )
