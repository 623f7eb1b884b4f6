"""Figures of the reviews' quantitative claims, drawn from the claims ledger.

Every function returns a :class:`ClaimFigure`: a matplotlib figure (created without pyplot, so
it is never shown twice in a notebook), the claims it plots, the citations behind them, and a
``summary()`` data frame of the plotted numbers that a notebook prints next to the figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ifnalpha.evidence import claims

__all__ = [
    "ClaimFigure",
    "clinical_rates",
    "e1684_outcomes",
    "mutation_frequencies",
    "subtype_shares",
]

#: Colours used for the two arms or groups in every claim figure (colour-blind safe pair).
COLOURS = ("#0072B2", "#D55E00")


@dataclass(frozen=True)
class ClaimFigure:
    """A figure of claims from the ledger, with what a caption needs.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
        The figure.
    claim_ids : tuple of str
        The ledger rows plotted, in plotting order.
    title : str
        A short title (also drawn on the figure).
    """

    figure: Figure
    claim_ids: tuple[str, ...]
    title: str

    def summary(self) -> pd.DataFrame:
        """Return the plotted numbers: one row per claim, values as printed in the review.

        Returns
        -------
        pandas.DataFrame
            Columns ``claim_id``, ``context``, ``quantity``, ``value`` (as printed) and
            ``citations`` (the review's reference numbers, e.g. ``"B171"``).
        """
        rows = []
        for claim_id in self.claim_ids:
            claim = claims.get(claim_id)
            rows.append({
                "claim_id": claim_id,
                "context": claim.context,
                "quantity": claim.quantity,
                "value": claims.text(claim_id),
                "citations": ", ".join(f"{claim.review}{n}" for n in claim.citations),
            })
        return pd.DataFrame(rows)

    def citations(self) -> dict[str, tuple[int, ...]]:
        """Return the reference numbers behind the figure, per review (sorted, unique).

        Returns
        -------
        dict
            ``{"A": (...), "B": (...)}`` with only the reviews that occur.
        """
        found: dict[str, set[int]] = {}
        for claim_id in self.claim_ids:
            claim = claims.get(claim_id)
            found.setdefault(claim.review, set()).update(claim.citations)
        return {review: tuple(sorted(numbers)) for review, numbers in sorted(found.items())}


def _interval(claim_id: str) -> tuple[float, float]:
    """Return (low, high) of a claim: a range's bounds, or a single value twice."""
    claim = claims.get(claim_id)
    if claim.is_range:
        return claims.bounds(claim_id)
    value = claims.value(claim_id)
    return value, value


def _check_unit(claim_ids: Sequence[str], unit: str) -> None:
    for claim_id in claim_ids:
        found = claims.get(claim_id).unit
        if found != unit:
            raise ValueError(f"claim {claim_id!r} has unit {found!r}, expected {unit!r}")


def _new_figure(width: float = 7.0, height: float = 3.6) -> tuple[Figure, object]:
    figure = Figure(figsize=(width, height), dpi=110, layout="constrained")
    return figure, figure.add_subplot()


def subtype_shares() -> ClaimFigure:
    """Molecular subtypes in IBC and non-IBC breast cancer (review A, Background).

    Each subtype's share is drawn as a bar spanning the printed range (or a tick for a single
    value), IBC above non-IBC.

    Returns
    -------
    ClaimFigure

    Examples
    --------
    >>> fig = subtype_shares()
    >>> len(fig.claim_ids)
    6
    """
    subtypes = [("ER/PR+", "er-pr"), ("HER2+", "her2"), ("Triple-negative", "tn")]
    ids = [f"a-subtype-{key}-{group}" for _, key in subtypes for group in ("ibc", "non-ibc")]
    _check_unit(ids, "%")
    figure, axes = _new_figure()
    for row, (_, key) in enumerate(subtypes):
        for offset, (group, colour, label) in enumerate(
            [("ibc", COLOURS[0], "IBC"), ("non-ibc", COLOURS[1], "non-IBC")]
        ):
            low, high = _interval(f"a-subtype-{key}-{group}")
            y = row + (-0.18 if offset == 0 else 0.18)
            axes.barh(y, max(high - low, 0.6), left=low if high > low else low - 0.3,
                      height=0.3, color=colour, label=label if row == 0 else None)
    axes.set_yticks(range(len(subtypes)), [name for name, _ in subtypes])
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel("Share of tumours (%), range as printed in review A")
    axes.legend(loc="lower right", frameon=False)
    title = "Molecular subtypes: IBC vs non-IBC breast cancer"
    axes.set_title(title)
    return ClaimFigure(figure, tuple(ids), title)


def e1684_outcomes() -> ClaimFigure:
    """Outcomes of the E1684 trial of adjuvant high-dose IFN-α2b in melanoma (review B).

    Returns
    -------
    ClaimFigure
        Two panels: relapse-free and overall survival (years), and the continuous
        disease-free rate (%), each for the observation and high-dose IFN-α2b arms.

    Examples
    --------
    >>> e1684_outcomes().claim_ids[0]
    'b-e1684-rfs-control'
    """
    years = [("Relapse-free survival", "rfs"), ("Overall survival", "os")]
    ids = [f"b-e1684-{key}-{arm}" for _, key in years + [("", "dfr")]
           for arm in ("control", "hdi")]
    _check_unit(ids[:4], "years")
    _check_unit(ids[4:], "%")
    figure = Figure(figsize=(7.0, 3.4), dpi=110, layout="constrained")
    left, right = figure.subplots(1, 2, width_ratios=(2, 1))
    width = 0.38
    for index, (_, key) in enumerate(years):
        for offset, (arm, colour, label) in enumerate(
            [("control", COLOURS[0], "Observation"), ("hdi", COLOURS[1], "High-dose IFN-α2b")]
        ):
            value = claims.value(f"b-e1684-{key}-{arm}")
            left.bar(index + (offset - 0.5) * width, value, width, color=colour,
                     label=label if index == 0 else None)
    left.set_xticks(range(len(years)), [name for name, _ in years])
    left.set_ylabel("Years (as reported in review B)")
    left.legend(frameon=False, loc="upper left")
    for offset, (arm, colour) in enumerate([("control", COLOURS[0]), ("hdi", COLOURS[1])]):
        right.bar(offset, claims.value(f"b-e1684-dfr-{arm}"), 0.7, color=colour)
    right.set_xticks([0, 1], ["Observation", "HD IFN-α2b"])
    right.set_ylabel("Continuous disease-free rate (%)")
    right.set_ylim(0, 100)
    title = "E1684: adjuvant high-dose IFN-α2b in melanoma"
    figure.suptitle(title)
    return ClaimFigure(figure, tuple(ids), title)


def _dot_plot(ids: Sequence[str], labels: Sequence[str], title: str, xlabel: str,
              colours: Sequence[str]) -> ClaimFigure:
    _check_unit(ids, "%")
    figure, axes = _new_figure(7.0, 0.45 * len(ids) + 1.4)
    values = [claims.value(claim_id) for claim_id in ids]
    positions = np.arange(len(ids))
    axes.hlines(positions, 0, values, color="#999999", linewidth=1)
    axes.scatter(values, positions, color=list(colours), zorder=3, s=40)
    axes.set_yticks(positions, list(labels))
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel(xlabel)
    axes.set_title(title)
    return ClaimFigure(figure, tuple(ids), title)


def clinical_rates() -> ClaimFigure:
    """Survival, remission and adverse-event rates reported for IFN-α2b regimens (review B).

    Returns
    -------
    ClaimFigure
        A dot plot: 3-year survival in CML with low-dose cytarabine (two studies), complete
        remission with PUVA in early Sézary syndrome (three centres), and adverse-event and
        toxic-response rates.

    Examples
    --------
    >>> len(clinical_rates().claim_ids)
    7
    """
    rows = [
        ("b-cml-survival-3yr-lindauer", "CML + cytarabine: 3-yr survival (Lindauer)", 0),
        ("b-cml-survival-3yr-maloisel", "CML + cytarabine: 3-yr survival (Maloisel)", 0),
        ("b-puva-cr-rate-centre1", "Sézary + PUVA: complete remission, centre 1", 0),
        ("b-puva-cr-rate-centre2", "Sézary + PUVA: complete remission, centre 2", 0),
        ("b-puva-cr-rate-centre3", "Sézary + PUVA: complete remission, centre 3", 0),
        ("b-melanoma-ae-rate", "Melanoma: ≥ 1 adverse effect", 1),
        ("b-sezary-toxic-response-rate", "Sézary syndrome: toxic response", 1),
    ]
    return _dot_plot([r[0] for r in rows], [r[1] for r in rows],
                     "Outcomes (blue) and harms (orange) with IFN-α2b",
                     "Patients (%)", [COLOURS[r[2]] for r in rows])


def mutation_frequencies() -> ClaimFigure:
    """Mutation frequencies of TYK2 and JAK1 in tumours, a cause of poor response (review B).

    Returns
    -------
    ClaimFigure

    Examples
    --------
    >>> mutation_frequencies().claim_ids[0]
    'b-tyk2-mutation-mpnst'
    """
    rows = [
        ("b-tyk2-mutation-mpnst", "TYK2: malignant peripheral nerve sheath tumours", 0),
        ("b-tyk2-mutation-acute-leukaemia", "TYK2: acute leukaemia", 0),
        ("b-jak1-mutation-acute-leukaemia", "JAK1: acute leukaemia", 1),
        ("b-jak1-mutation-prostate", "JAK1: subtypes of prostate cancer", 1),
    ]
    return _dot_plot([r[0] for r in rows], [r[1] for r in rows],
                     "Mutations of the IFN-α receptor kinases", "Tumours with a mutation (%)",
                     [COLOURS[r[2]] for r in rows])
