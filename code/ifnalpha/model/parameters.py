"""The model's parameter table: load, validate, override.

The table lives in ``data/model/parameters.csv`` (one row per parameter: name, value, unit,
allowed range, meaning, source). Every source is a publication or starts with "assumption:"
followed by the reason for the value.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache
from numbers import Real

import pandas as pd

from ifnalpha import checks
from ifnalpha.paths import data_dir

COLUMNS: tuple[str, ...] = ("name", "value", "unit", "lower", "upper", "meaning", "source")

#: Parameters that must be whole numbers (Hill coefficients).
INTEGER_PARAMETERS: frozenset[str] = frozenset({"antiviral_n", "ap_n", "ap_readout_n"})


@lru_cache(maxsize=1)
def _load() -> pd.DataFrame:
    path = data_dir() / "model" / "parameters.csv"
    frame = pd.read_csv(path, dtype={"name": str, "unit": str, "meaning": str, "source": str})
    if tuple(frame.columns) != COLUMNS:
        raise ValueError(f"{path}: columns must be {COLUMNS}, found {tuple(frame.columns)}")
    if frame["name"].duplicated().any():
        dup = sorted(frame.loc[frame["name"].duplicated(), "name"])
        raise ValueError(f"{path}: duplicate parameter names {dup}")
    for row in frame.itertuples(index=False):
        if not str(row.name).isidentifier():
            raise ValueError(f"{path}: parameter name {row.name!r} is not an identifier")
        for col in ("value", "lower", "upper"):
            v = getattr(row, col)
            if not isinstance(v, Real) or not math.isfinite(v):
                raise ValueError(f"{path}: {row.name}: {col} must be a finite number, got {v!r}")
        if not row.lower <= row.value <= row.upper:
            raise ValueError(
                f"{path}: {row.name} = {row.value} outside its range [{row.lower}, {row.upper}]"
            )
        for col in ("unit", "meaning", "source"):
            text = getattr(row, col)
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"{path}: {row.name}: empty {col}")
        src = row.source.strip()
        if src.lower().startswith("assumption") and not src.lower().startswith("assumption:"):
            raise ValueError(f"{path}: {row.name}: an assumption needs a reason ('assumption: …')")
        if row.name in INTEGER_PARAMETERS and float(row.value) != int(row.value):
            raise ValueError(f"{path}: {row.name} must be a whole number, got {row.value}")
    return frame.set_index("name", drop=False)


def parameter_table() -> pd.DataFrame:
    """Return the validated parameter table (a copy), indexed by parameter name.

    Returns
    -------
    pandas.DataFrame
        Columns ``name, value, unit, lower, upper, meaning, source``.

    Examples
    --------
    >>> parameter_table().loc["k_deg_usp18", "unit"]
    '1/h'
    """
    return _load().copy()


def default_values() -> dict[str, float]:
    """Return the default parameter values as a name → float dict."""
    frame = _load()
    return {str(k): float(v) for k, v in zip(frame["name"], frame["value"], strict=True)}


def resolve(params: Mapping[str, float] | None) -> dict[str, float]:
    """Return default values updated by ``params``, after validating every override.

    Parameters
    ----------
    params : mapping of str to float, optional
        Overrides by parameter name.

    Returns
    -------
    dict
        Every parameter of the table with its value.

    Raises
    ------
    TypeError
        If ``params`` is not a mapping or a value is not a real number.
    ValueError
        If ``params`` names an unknown parameter, or gives a value that is not finite or
        outside the parameter's allowed range.

    Examples
    --------
    >>> resolve({"k_deg_usp18": 0.5})["k_deg_usp18"]
    0.5
    """
    values = default_values()
    if params is None:
        return values
    if not isinstance(params, Mapping):
        raise TypeError(f"`params` must be a dict of name -> value, got {params!r}")
    frame = _load()
    for name, value in params.items():
        if name not in values:
            raise ValueError(
                "`params` must name parameters of ifnalpha.model.parameter_table(), "
                f"got {name!r}"
            )
        lo, hi = float(frame.at[name, "lower"]), float(frame.at[name, "upper"])
        checks.number(f"params[{name!r}]", value, minimum=lo, maximum=hi)
        if name in INTEGER_PARAMETERS and float(value) != int(value):
            raise ValueError(f"`params[{name!r}]` must be a whole number, got {value!r}")
        values[name] = float(value)
    return values
