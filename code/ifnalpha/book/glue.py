"""Helpers that notebooks call to put data into the book's prose with myst-nb ``glue``.

A page glues each claim it states, under the claim's id, in a hidden first cell::

    from ifnalpha.book.glue import glue_claims
    glue_claims("a-ibc-share-of-diagnoses", "a-ibc-share-of-deaths")

and the prose then reads ``{glue:text}`a-ibc-share-of-diagnoses``` where the number belongs,
so no number is typed by hand and every number is a row of ``data/claims.csv``.

Numbers the book computes (model runs, counts of the atlas) are formatted by the helpers below
(:func:`fold`, :func:`percent`, :func:`dose`, ...), in the package, by the function that
gathers a page's numbers; the page's cell then glues the whole mapping with :func:`glue_texts`.
"""

from __future__ import annotations

from collections.abc import Mapping
from numbers import Real

from ifnalpha import checks
from ifnalpha.evidence import claims

__all__ = ["GluedText", "count", "decimals", "dose", "fold", "glue_claims", "glue_figure",
           "glue_text", "glue_texts", "hours", "percent", "significant"]


class GluedText(str):
    """A string whose plain-text representation is the string itself (no quotes).

    myst-nb's ``{glue:text}`` role shows the ``text/plain`` representation of the glued
    object; for an ordinary ``str`` that is its ``repr`` with quotes.

    Examples
    --------
    >>> repr(GluedText("3%"))
    '3%'
    """

    def __repr__(self) -> str:
        return str(self)

    def _repr_markdown_(self) -> str:
        return str(self)


def glue_text(name: str, text: str) -> GluedText:
    """Glue one string under ``name`` without displaying it, and return it.

    Parameters
    ----------
    name : str
        The glue key, used in prose as ``{glue:text}`name```.
    text : str
        The text to insert.

    Returns
    -------
    GluedText
        The glued text.

    Raises
    ------
    ValueError
        If `name` is empty or `text` is not a string.
    """
    from myst_nb import glue

    if not isinstance(name, str) or not name:
        raise ValueError(f"glue name must be a non-empty string, got {name!r}")
    if not isinstance(text, str):
        raise ValueError(f"glued text for {name!r} must be a string, got {text!r}")
    value = GluedText(text)
    glue(name, value, display=False)
    return value


def glue_claims(*claim_ids: str) -> dict[str, str]:
    """Glue the printed value of each claim under its id (and ``<id>-q`` with its qualifier).

    Parameters
    ----------
    *claim_ids : str
        Ids of ``data/claims.csv``.

    Returns
    -------
    dict
        ``{claim_id: value as printed}``, for a printed summary or a test.

    Raises
    ------
    ValueError
        If no id is given or an id is not in the ledger (the message names it).

    Examples
    --------
    In a notebook cell (tagged ``remove-cell``)::

        glue_claims("a-ibc-share-of-diagnoses")  # prose: {glue:text}`a-ibc-share-of-diagnoses`
    """
    if not claim_ids:
        raise ValueError("glue_claims needs at least one claim id")
    glued: dict[str, str] = {}
    for claim_id in claim_ids:
        plain = claims.text(claim_id)
        glue_text(claim_id, plain)
        glue_text(f"{claim_id}-q", claims.text(claim_id, qualified=True))
        glued[claim_id] = plain
    return glued


def glue_texts(texts: Mapping[str, str]) -> dict[str, str]:
    """Glue every ``key: text`` of a mapping (see :func:`glue_text`), and return them.

    Parameters
    ----------
    texts : mapping of str to str
        Glue keys and their texts, as a page's numbers function returns them.

    Returns
    -------
    dict
        The same keys and texts.

    Raises
    ------
    ValueError
        If the mapping is empty, or a key or a text is not a string.
    """
    if not isinstance(texts, Mapping) or not texts:
        raise ValueError(f"glue_texts needs a non-empty mapping of texts, got {texts!r}")
    return {name: str(glue_text(name, text)) for name, text in texts.items()}


def glue_figure(name: str, figure: object, display: bool = False) -> None:
    """Glue a figure under ``name`` (the page shows it with its caption, ``{glue:figure}``).

    Parameters
    ----------
    name : str
        The glue key, used in prose as ``{glue:figure} name``.
    figure : object
        Anything with a PNG representation (a book figure or a matplotlib figure).
    display : bool
        Also show the figure in the notebook (for readers in Jupyter), stored once: use it in
        a cell tagged ``remove-cell``, whose outputs the book does not show. With False the
        figure is stored for the book only.
    """
    from myst_nb import glue

    checks.string("name", name)
    checks.flag("display", display)
    glue(name, getattr(figure, "figure", figure) if _is_plain_figure(figure) else figure,
         display=display)


def _is_plain_figure(figure: object) -> bool:
    # an object that wraps a matplotlib figure without a PNG representation of its own
    return not hasattr(figure, "_repr_png_") and hasattr(figure, "figure")


# --- formatting numbers for the prose -----------------------------------------------------


def _real(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"`{name}` must be a number, got {value!r}")
    return float(value)


def fold(value: float, digits: int = 1) -> str:
    """Format a fold change (relative to rest), e.g. ``"2.5"`` for 2.4987.

    Examples
    --------
    >>> fold(2.4987), fold(0.0449, digits=2)
    ('2.5', '0.04')
    """
    return decimals(value, digits)


def decimals(value: float, digits: int) -> str:
    """Format a number with a fixed number of decimals, e.g. an activity of 0 to 1.

    Examples
    --------
    >>> decimals(0.8976, 2)
    '0.90'
    """
    return f"{_real('value', value):.{checks.integer('digits', digits, minimum=0)}f}"


def significant(value: float, digits: int = 3) -> str:
    """Format a number to significant digits, e.g. ``"0.005"``.

    Examples
    --------
    >>> significant(0.004567, 1), significant(1234.5, 3)
    ('0.005', '1.23e+03')
    """
    return f"{_real('value', value):.{checks.integer('digits', digits, minimum=1)}g}"


def percent(fraction: float, digits: int = 0) -> str:
    """Format a fraction as a percentage, e.g. ``"48%"`` for 0.482.

    Examples
    --------
    >>> percent(0.482), percent(0.00386, digits=2)
    ('48%', '0.39%')
    """
    return f"{_real('fraction', fraction):.{checks.integer('digits', digits, minimum=0)}%}"


def dose(pM: float, digits: int | None = None) -> str:
    """Format an IFN-α concentration in pM: as given, or to significant digits.

    Examples
    --------
    >>> dose(100.0), dose(1234.5, digits=3)
    ('100 pM', '1.23e+03 pM')
    """
    if digits is None:
        return f"{_real('pM', pM):g} pM"
    return f"{significant(pM, digits)} pM"


def hours(value: float) -> str:
    """Format a duration in hours without its unit (the prose writes "hours" or "h").

    Examples
    --------
    >>> hours(72.0), hours(0.5)
    ('72', '0.5')
    """
    return f"{_real('value', value):g}"


def count(value: int) -> str:
    """Format a count, e.g. ``"7"``.

    Examples
    --------
    >>> count(7)
    '7'
    """
    return str(checks.integer("value", value, minimum=0))
