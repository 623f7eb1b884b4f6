"""How a review's text and the citation registry match: what is cited, what is missing.

:func:`coverage` compares the numbers a review's text cites with the registry rows and the
citing places; on the command line,
``python -m ifnalpha.evidence.citations coverage TEXT --review A``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ifnalpha import checks, reviews
from ifnalpha.evidence.citations.parse import cited_numbers, number_ranges
from ifnalpha.evidence.citations.registry import registry_frame
from ifnalpha.evidence.citations.schema import RECORD_FIELDS


@dataclass(frozen=True)
class Coverage:
    """How a review's text and the registry match.

    Attributes
    ----------
    review : str
        ``"A"`` or ``"B"``.
    cited : tuple of int
        Every number the text cites.
    missing_from_registry : tuple of int
        Cited in the text but not a registry row (for example a number beyond the reference
        list, which would mean a misread citation).
    never_cited : tuple of int
        Registry rows the text never cites.
    without_record : tuple of int
        Cited numbers for which no bibliographic record is known yet.
    missing_places : tuple of int
        Cited in the text but absent from the citing places.
    extra_places : tuple of int
        In the citing places but not cited in the text.
    """

    review: str
    cited: tuple[int, ...]
    missing_from_registry: tuple[int, ...]
    never_cited: tuple[int, ...]
    without_record: tuple[int, ...]
    missing_places: tuple[int, ...]
    extra_places: tuple[int, ...]

    @property
    def ok(self) -> bool:
        """Whether text, registry and citing places agree exactly."""
        return not (
            self.missing_from_registry or self.never_cited or self.missing_places
            or self.extra_places
        )

    def summary(self) -> str:
        """Describe the coverage in a few lines."""
        lines = [f"review {self.review}: {len(self.cited)} numbers cited in the text"]
        for name in ("missing_from_registry", "never_cited", "missing_places", "extra_places"):
            values = getattr(self, name)
            listed = number_ranges(values) if values else "none"
            lines.append(f"  {name.replace('_', ' ')}: {listed}")
        lines.append(f"  cited without a known record: {len(self.without_record)}")
        return "\n".join(lines)


def coverage(
    review: str, text: str, registry: pd.DataFrame | str | Path | None = None
) -> Coverage:
    """Compare the numbers a review's text cites with the registry and its citing places.

    Parameters
    ----------
    review : str
        ``"A"`` or ``"B"``.
    text : str
        The review's text (e.g. ``ibc-ifn-alpha-review.txt`` in :func:`ifnalpha.paths.reviews_dir`).
    registry : DataFrame, str or Path, optional
        A registry from :func:`load_registry` or a registry CSV; by default the book's.

    Returns
    -------
    Coverage

    Examples
    --------
    >>> cov = coverage("A", "IBC is rare [1]; see [60].")
    >>> cov.missing_from_registry, len(cov.never_cited)
    ((60,), 58)
    """
    review = reviews.review(review).id
    checks.string("text", text, empty=True)
    frame = registry_frame(registry)
    rows = frame[frame["review"] == review]
    in_registry = set(int(n) for n in rows["number"])
    cited = cited_numbers(text)
    with_record = {
        int(row["number"])
        for row in rows.to_dict("records")
        if any(str(row.get(name, "") or "") for name in RECORD_FIELDS)
    }
    placed = {int(n) for n, k in zip(rows["number"], rows["n_places"], strict=True) if int(k)}
    return Coverage(
        review=review,
        cited=cited,
        missing_from_registry=tuple(n for n in cited if n not in in_registry),
        never_cited=tuple(sorted(in_registry - set(cited))),
        without_record=tuple(n for n in cited if n in in_registry and n not in with_record),
        missing_places=tuple(n for n in cited if n in in_registry and n not in placed),
        extra_places=tuple(sorted(placed - set(cited))),
    )


def missing_from_registry(
    review: str, text: str, registry: pd.DataFrame | str | Path | None = None
) -> tuple[int, ...]:
    """Return the numbers a review's text cites that the registry lacks.

    Parameters
    ----------
    review : str
        ``"A"`` or ``"B"``.
    text : str
        The review's text.
    registry : DataFrame, str or Path, optional
        As in :func:`coverage`.

    Returns
    -------
    tuple of int
        Sorted; empty when every cited number has a registry row.

    Examples
    --------
    >>> missing_from_registry("B", "see [268] and [269]")
    (269,)
    """
    return coverage(review, text, registry).missing_from_registry
