"""Helpers that notebooks call to put data into the book's prose with myst-nb ``glue``.

A page glues each claim it states, under the claim's id, in a hidden first cell::

    from ifnalpha.book.glue import glue_claims
    glue_claims("a-ibc-share-of-diagnoses", "a-ibc-share-of-deaths")

and the prose then reads ``{glue:text}`a-ibc-share-of-diagnoses``` where the number belongs,
so no number is typed by hand and every number is a row of ``data/claims.csv``.
"""

from __future__ import annotations

from ifnalpha.evidence import claims

__all__ = ["GluedText", "glue_claims", "glue_text"]


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
