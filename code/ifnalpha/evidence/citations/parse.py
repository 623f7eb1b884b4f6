"""Printed citations of the reviews: parse them, find them in a text, check their numbers.

Review A cites by number [1]-[59], review B [1]-[268] (the counts are
:attr:`ifnalpha.reviews.Review.reference_count`). :func:`parse` turns a printed form
("[21–23]", "[14, 38]", "(141, 152)") into a tuple of ints, :func:`find_citations` finds the
printed citations of a text, and :func:`check_numbers` checks numbers against a review's
reference list.

Examples
--------
>>> parse("[14, 21–23]")
(14, 21, 22, 23)
>>> number_ranges([1, 2, 3, 7])
'1-3, 7'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ifnalpha import checks
from ifnalpha.reviews import check_reference, review

#: The characters a range may be printed with (en and em dash, figure dash, hyphens, minus).
DASHES = "\u2013\u2014\u2012\u2010\u2011\u2212-"

_DASH = f"[{DASHES}]"
_ITEM = re.compile(rf"^([0-9]+)\s*(?:{_DASH}\s*([0-9]+))?$")

# A page header inside a citation broken over a page ("Page 2 of 23Xiong et al. ... 10:69").
_HEADER_LINE = r"[^\n\[\]()]*\bPage[^\S\n]+[0-9]+[^\S\n]+of[^\S\n]+[0-9]+[^\n\[\]]*"
# Whitespace (including line breaks and no-break spaces) or a page header on a line of its own.
_GAP = rf"(?:[^\S\n]|\n(?:{_HEADER_LINE}(?=\n))?)*"
_NUM = r"[0-9]{1,4}"
_RANGE = rf"{_NUM}(?:{_GAP}{_DASH}{_GAP}{_NUM})?"
_SEP = rf"{_GAP}[,;]{_GAP}"
_BRACKETED = re.compile(rf"\[{_GAP}{_RANGE}(?:{_SEP}{_RANGE})*{_GAP}\]")
# Parenthesised citations must list at least two items: "(1)" or "(2022)" are not citations.
_PARENTHESISED = re.compile(rf"\({_GAP}{_RANGE}(?:{_SEP}{_RANGE})+{_GAP}\)")
_HEADER_IN_CITATION = re.compile(rf"\n{_HEADER_LINE}(?=\n)")
_SUSPECT = re.compile(r"\[\s*[0-9]")


def parse(text: str) -> tuple[int, ...]:
    """Parse a printed citation into the reference numbers it names.

    Accepts square brackets or parentheses (or none), en dashes, em dashes, non-breaking
    hyphens, minus signs or hyphens for ranges, commas or semicolons between items, and any
    whitespace including line breaks and no-break spaces. This covers every form printed in the
    two reviews: ``"[8]"``, ``"[10, 11]"``, ``"[21–23]"``, ``"[46, 52–54]"``,
    ``"[174, 255–\\n257]"`` (broken over a line) and ``"(141, 152)"``.

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
    TypeError
        If `text` is not a string.
    ValueError
        If `text` is empty, has unbalanced brackets, an empty or non-numeric item, a zero, or a
        descending range; the message names the offending text.

    Examples
    --------
    >>> parse("[21–23]")
    (21, 22, 23)
    >>> parse("(141, 152)")
    (141, 152)
    >>> parse("[14, 21–23]")
    (14, 21, 22, 23)
    >>> parse("[192,\\n193]")
    (192, 193)
    >>> parse("[5–3]")
    Traceback (most recent call last):
    ...
    ValueError: invalid range '5–3' in citation '[5–3]'
    """  # noqa: D301
    checks.string("citation", text, empty=True)
    body = " ".join(text.split())
    if not body:
        raise ValueError(f"empty citation {text!r}")
    if body[0] in "[(":
        closing = {"[": "]", "(": ")"}[body[0]]
        if not body.endswith(closing) or len(body) < 2:
            raise ValueError(f"unbalanced brackets in citation {text!r}")
        body = body[1:-1].strip()
    elif body[-1] in "])":
        raise ValueError(f"unbalanced brackets in citation {text!r}")
    if not body:
        raise ValueError(f"empty citation {text!r}")
    if any(char in body for char in "[]()"):
        raise ValueError(f"unbalanced brackets in citation {text!r}")
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


def check_numbers(review_id: str, numbers: Iterable[int]) -> tuple[int, ...]:
    """Check that every number exists in the review's reference list.

    Parameters
    ----------
    review_id : str
        ``"A"`` or ``"B"``.
    numbers : iterable of int
        Reference numbers.

    Returns
    -------
    tuple of int
        The numbers, unchanged.

    Raises
    ------
    TypeError
        If a number is not an integer.
    ValueError
        If the review is unknown or a number is outside its reference list; the message names
        the number (see :func:`ifnalpha.reviews.check_reference`).

    Examples
    --------
    >>> check_numbers("A", (1, 59))
    (1, 59)
    >>> check_numbers("A", (60,))
    Traceback (most recent call last):
    ...
    ValueError: `reference number of review A` must be between 1 and 59, got 60
    """
    found = review(review_id)
    return tuple(check_reference(found.id, number) for number in numbers)


# --------------------------------------------------------------------------------------------
# Finding citations in a review's text


@dataclass(frozen=True)
class Citation:
    """One printed citation found in a text.

    Attributes
    ----------
    start, end : int
        Character offsets of the citation in the text (``text[start:end] == raw``).
    line : int
        1-based line number of its opening bracket.
    raw : str
        The citation exactly as it stands in the text, line breaks and page headers included.
    printed : str
        The citation as printed, with extraction artefacts removed (e.g. ``"[174, 255–257]"``).
    numbers : tuple of int
        The reference numbers it names, ranges expanded.
    """

    start: int
    end: int
    line: int
    raw: str
    printed: str
    numbers: tuple[int, ...]


def _printed_form(raw: str) -> str:
    """Normalise a citation found in a text to its printed form."""
    text = _HEADER_IN_CITATION.sub(" ", raw)
    text = " ".join(text.split())
    text = re.sub(rf"\s*({_DASH})\s*", r"\1", text)
    text = re.sub(r"\s*([,;])\s*", r"\1 ", text)
    text = re.sub(r"([\[(])\s+", r"\1", text)
    return re.sub(r"\s+([\])])", r"\1", text)


def find_citations(
    text: str, *, parentheses: bool = True, strict: bool = False
) -> list[Citation]:
    """Find the numbered citations in a text, in order.

    Recognises square-bracketed citations (``[8]``, ``[10, 11]``, ``[21–23]``,
    ``[46, 52–54]``) and parenthesised lists of at least two items (``(141, 152)``; a single
    parenthesised number such as ``(1)`` or ``(2022)`` is an enumeration or a year, not a
    citation). Items may be broken over line breaks, separated by no-break spaces, or interrupted
    by a page header on a line of its own (``"Page 5 of 23 Xiong et al. ..."``). Bracketed text
    that is not a list of numbers (``[1–5%]``, ``[a]``) is not a citation.

    Parameters
    ----------
    text : str
        A review's text, or any part of it.
    parentheses : bool, optional
        Also find parenthesised lists such as ``(141, 152)`` (default ``True``).
    strict : bool, optional
        Raise instead of skipping when a bracket opens on a number but is not a valid citation
        (``[12``, ``[1–5%]``, ``[0]``, ``[5–3]``).

    Returns
    -------
    list of Citation
        In text order.

    Raises
    ------
    TypeError
        If `text` is not a string, or `parentheses` or `strict` not a bool.
    ValueError
        In strict mode, for a bracketed number that is not a valid citation; the message gives
        its line and text.

    Examples
    --------
    >>> [c.numbers for c in find_citations("as shown [21–23] and (141, 152), not (1)")]
    [(21, 22, 23), (141, 152)]
    >>> cite = find_citations("dendritic cells [192,\\n193]. Next")[0]
    >>> cite.printed, cite.line
    ('[192, 193]', 1)
    """  # noqa: D301
    checks.string("text", text, empty=True)
    checks.flag("parentheses", parentheses)
    checks.flag("strict", strict)
    patterns = [_BRACKETED, _PARENTHESISED] if parentheses else [_BRACKETED]
    found: list[Citation] = []
    spans: list[tuple[int, int]] = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in spans):
                continue
            raw = match.group()
            line = text.count("\n", 0, start) + 1
            try:
                numbers = parse(_HEADER_IN_CITATION.sub(" ", raw))
            except ValueError as exc:
                if strict:
                    raise ValueError(f"line {line}: {exc}") from exc
                continue
            spans.append((start, end))
            found.append(Citation(start, end, line, raw, _printed_form(raw), numbers))
    if strict:
        for match in _SUSPECT.finditer(text):
            if not any(a <= match.start() < b for a, b in spans):
                line = text.count("\n", 0, match.start()) + 1
                snippet = text[match.start() : match.start() + 30].split("\n")[0]
                raise ValueError(f"line {line}: bracket is not a valid citation: {snippet!r}")
    return sorted(found, key=lambda c: c.start)


def cited_numbers(text: str) -> tuple[int, ...]:
    """Return every reference number a text cites, sorted and without duplicates.

    Parameters
    ----------
    text : str
        A review's text.

    Returns
    -------
    tuple of int
        Sorted numbers, ranges expanded.

    Examples
    --------
    >>> cited_numbers("[5–7] and [2] and again [6]")
    (2, 5, 6, 7)
    """
    return tuple(sorted({n for cite in find_citations(text) for n in cite.numbers}))



def number_ranges(numbers: Sequence[int]) -> str:
    """Format numbers compactly: ``[1, 2, 3, 7]`` -> ``"1-3, 7"``."""
    runs: list[tuple[int, int]] = []
    for number in sorted(numbers):
        if runs and runs[-1][1] == number - 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in runs)

