"""The reviews' numbered citations: parsing and the ranges each review uses.

Review A (Provance & Lewis-Wambi 2019) cites by number [1]-[59]; review B (Xiong et al. 2022)
cites [1]-[268]. This module turns the printed forms ("[21–23]", "[14, 38]", "(141, 152)")
into tuples of ints.
"""

from __future__ import annotations

import re

#: Number of entries in each review's reference list.
REFERENCE_COUNTS: dict[str, int] = {"A": 59, "B": 268}

_DASHES = "\u2013\u2014\u2012\u2010\u2011\u2212-"
_ITEM = re.compile(rf"^(\d+)\s*(?:[{_DASHES}]\s*(\d+))?$")


def check_review(review: str) -> str:
    """Return the review letter in upper case, or raise if it is not ``"A"`` or ``"B"``.

    Parameters
    ----------
    review : str
        ``"A"`` (inflammatory breast cancer review) or ``"B"`` (IFN-α2b review), any case.

    Returns
    -------
    str
        ``"A"`` or ``"B"``.

    Raises
    ------
    ValueError
        If `review` is anything else.

    Examples
    --------
    >>> check_review("b")
    'B'
    """
    if not isinstance(review, str) or review.upper() not in REFERENCE_COUNTS:
        raise ValueError(f"review must be 'A' or 'B', got {review!r}")
    return review.upper()


def parse(text: str) -> tuple[int, ...]:
    """Parse a printed citation into the reference numbers it names.

    Accepts square brackets or parentheses (or none), en dashes, em dashes or hyphens for
    ranges, commas or semicolons between items, and any whitespace including line breaks.

    Parameters
    ----------
    text : str
        A citation as printed, e.g. ``"[21–23]"``, ``"[14, 38]"``, ``"(141, 152)"`` or ``"7"``.

    Returns
    -------
    tuple of int
        The numbers in the order printed, ranges expanded, duplicates removed.

    Raises
    ------
    ValueError
        If `text` is empty, has unbalanced brackets, a non-numeric item, a zero, or a
        descending range; the message names the offending text.

    Examples
    --------
    >>> parse("[21–23]")
    (21, 22, 23)
    >>> parse("(141, 152)")
    (141, 152)
    """
    if not isinstance(text, str):
        raise ValueError(f"citation must be a string, got {text!r}")
    body = " ".join(text.split())
    if body[:1] in "[(" and body[:1]:
        closing = {"[": "]", "(": ")"}[body[0]]
        if not body.endswith(closing):
            raise ValueError(f"unbalanced brackets in citation {text!r}")
        body = body[1:-1].strip()
    elif body[-1:] in "])":
        raise ValueError(f"unbalanced brackets in citation {text!r}")
    if not body:
        raise ValueError(f"empty citation {text!r}")
    numbers: list[int] = []
    for raw in re.split(r"[,;]", body):
        item = raw.strip()
        match = _ITEM.match(item)
        if not match:
            raise ValueError(f"malformed item {item!r} in citation {text!r}")
        start = int(match.group(1))
        stop = int(match.group(2) or start)
        if start == 0 or stop < start:
            raise ValueError(f"invalid range {item!r} in citation {text!r}")
        for number in range(start, stop + 1):
            if number not in numbers:
                numbers.append(number)
    return tuple(numbers)


def check_numbers(review: str, numbers: tuple[int, ...] | list[int]) -> tuple[int, ...]:
    """Check that every number exists in the review's reference list.

    Parameters
    ----------
    review : str
        ``"A"`` or ``"B"``.
    numbers : sequence of int
        Reference numbers.

    Returns
    -------
    tuple of int
        The numbers, unchanged.

    Raises
    ------
    ValueError
        If a number is outside ``1..REFERENCE_COUNTS[review]``; the message names it.

    Examples
    --------
    >>> check_numbers("A", (1, 59))
    (1, 59)
    """
    review = check_review(review)
    top = REFERENCE_COUNTS[review]
    for number in numbers:
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= top:
            raise ValueError(f"review {review} has references 1-{top}; got {number!r}")
    return tuple(numbers)
