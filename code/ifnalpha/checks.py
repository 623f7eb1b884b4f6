"""Argument checks shared by every layer of the package, with one message style.

Each check returns the value it accepted (converted to a plain Python type) or raises:
:class:`TypeError` when the value has the wrong type, :class:`ValueError` when it has the right
type but a bad value. Messages name the argument in backquotes, say what it must be, and show
what was given::

    `dose_pM` must be finite and ≥ 0, got nan

Examples
--------
>>> number("dose_pM", 10, minimum=0)
10.0
>>> number("dose_pM", float("nan"), minimum=0)
Traceback (most recent call last):
...
ValueError: `dose_pM` must be finite and ≥ 0, got nan
>>> choice("review", "C", ("A", "B"))
Traceback (most recent call last):
...
ValueError: `review` must be one of 'A', 'B', got 'C'
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from numbers import Integral, Real
from typing import TypeVar

T = TypeVar("T")


def _shown(value: object) -> str:
    """How a message shows the offending value: reprs for strings, plain text for numbers."""
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else str(value)
    return repr(value)


def _bounds(minimum: float | None, maximum: float | None, *, strict: bool) -> str:
    """Describe a range in words: ``"≥ 0"``, ``"> 0"``, ``"between 1 and 59"``."""
    if minimum is not None and maximum is not None:
        return f"between {minimum:g} and {maximum:g}"
    if minimum is not None:
        return f"{'>' if strict else '≥'} {minimum:g}"
    if maximum is not None:
        return f"≤ {maximum:g}"
    return ""


def number(
    name: str,
    value: object,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    positive: bool = False,
) -> float:
    """Check that ``value`` is a finite real number, optionally within bounds.

    Parameters
    ----------
    name : str
        The argument's name, as the caller's signature spells it (with its unit suffix).
    value : object
        What was given. Booleans are refused (``True`` is not a dose).
    minimum, maximum : float, optional
        Inclusive bounds.
    positive : bool
        Require ``value > 0`` (overrides ``minimum``).

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If ``value`` is not a real number.
    ValueError
        If it is not finite or outside the bounds.

    Examples
    --------
    >>> number("hours", 2)
    2.0
    >>> number("hours", 0, positive=True)
    Traceback (most recent call last):
    ...
    ValueError: `hours` must be finite and > 0, got 0
    """
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"`{name}` must be a real number, got {_shown(value)}")
    result = float(value)
    low = 0.0 if positive else minimum
    words = _bounds(low, maximum, strict=positive)
    need = f"finite and {words}" if words else "finite"
    ok = math.isfinite(result)
    if ok and low is not None:
        ok = result > low if positive else result >= low
    if ok and maximum is not None:
        ok = result <= maximum
    if not ok:
        raise ValueError(f"`{name}` must be {need}, got {_shown(value)}")
    return result


def integer(
    name: str, value: object, *, minimum: int | None = None, maximum: int | None = None
) -> int:
    """Check that ``value`` is an integer (not a bool), optionally within inclusive bounds.

    Examples
    --------
    >>> integer("weeks", 4, minimum=1)
    4
    >>> integer("weeks", 2.5)
    Traceback (most recent call last):
    ...
    TypeError: `weeks` must be an integer, got 2.5
    """
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise TypeError(f"`{name}` must be an integer, got {_shown(value)}")
    result = int(value)
    too_low = minimum is not None and result < minimum
    too_high = maximum is not None and result > maximum
    if too_low or too_high:
        words = _bounds(minimum, maximum, strict=False)
        raise ValueError(f"`{name}` must be {words}, got {result}")
    return result


def string(name: str, value: object, *, empty: bool = False) -> str:
    """Check that ``value`` is a string (non-blank unless ``empty``).

    Examples
    --------
    >>> string("gene", " ")
    Traceback (most recent call last):
    ...
    ValueError: `gene` must be a non-empty string, got ' '
    """
    if not isinstance(value, str):
        raise TypeError(f"`{name}` must be a string, got {_shown(value)}")
    if not empty and not value.strip():
        raise ValueError(f"`{name}` must be a non-empty string, got {_shown(value)}")
    return value


def choice(name: str, value: object, options: Iterable[T]) -> T:
    """Check that ``value`` is one of ``options`` and return it.

    Examples
    --------
    >>> choice("route", "sc", ("iv", "sc"))
    'sc'
    """
    allowed: Sequence[T] = tuple(options)
    try:
        found = value in allowed
    except TypeError:  # unhashable or incomparable
        found = False
    if not found:
        listed = ", ".join(_shown(o) for o in allowed)
        raise ValueError(f"`{name}` must be one of {listed}, got {_shown(value)}")
    return value  # type: ignore[return-value]


def flag(name: str, value: object) -> bool:
    """Check that ``value`` is a bool.

    Examples
    --------
    >>> flag("fraction", 1)
    Traceback (most recent call last):
    ...
    TypeError: `fraction` must be True or False, got 1
    """
    if not isinstance(value, bool):
        raise TypeError(f"`{name}` must be True or False, got {_shown(value)}")
    return value


def numbers(
    name: str,
    values: object,
    *,
    minimum: float | None = None,
    positive: bool = False,
    nonempty: bool = True,
    increasing: bool = False,
) -> tuple[float, ...]:
    """Check a sequence of finite real numbers (each as :func:`number` checks it).

    Examples
    --------
    >>> numbers("doses_pM", [1, 10], minimum=0)
    (1.0, 10.0)
    >>> numbers("doses_pM", [1, -1], minimum=0)
    Traceback (most recent call last):
    ...
    ValueError: `doses_pM[1]` must be finite and ≥ 0, got -1
    """
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise TypeError(f"`{name}` must be a sequence of numbers, got {_shown(values)}")
    result = tuple(
        number(f"{name}[{i}]", v, minimum=minimum, positive=positive) for i, v in enumerate(values)
    )
    if nonempty and not result:
        raise ValueError(f"`{name}` must hold at least one number, got {_shown(values)}")
    if increasing and any(b <= a for a, b in zip(result, result[1:], strict=False)):
        raise ValueError(f"`{name}` must be strictly increasing, got {_shown(values)}")
    return result
