"""Figures of the reviews' quantitative claims, drawn from the claims ledger.

Every function returns a :class:`~ifnalpha.book.figure.BookFigure` whose figure is made without
pyplot (so it is never shown twice in a notebook), with the claims it plots
(:attr:`~ifnalpha.book.figure.BookFigure.claim_ids`), the citations behind them, a caption and
alt text that state the values as the review prints them, and the plotted numbers as a data
frame (:attr:`~ifnalpha.book.figure.BookFigure.data`) that a notebook prints next to the figure.

Examples
--------
>>> bf = mutation_frequencies()
>>> bf.numbers["b-jak1-mutation-prostate"]
'68%'
>>> bf.citations
{'B': (224, 225, 226, 227)}
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ifnalpha.book import palette
from ifnalpha.book.figure import BookFigure
from ifnalpha.evidence import claims

__all__ = [
    "clinical_rates",
    "e1684_outcomes",
    "mutation_frequencies",
    "subtype_shares",
]


def plotted_claims(claim_ids: Sequence[str]) -> pd.DataFrame:
    """Return the plotted claims: one row per claim, values as printed in the review.

    Returns
    -------
    pandas.DataFrame
        Columns ``claim_id``, ``context``, ``quantity``, ``value`` (as printed) and
        ``citations`` (the review's reference numbers, e.g. ``"B171"``).

    Examples
    --------
    >>> plotted_claims(["b-e1684-dfr-hdi"])["value"].tolist()
    ['37%']
    """
    rows = []
    for claim_id in claim_ids:
        claim = claims.get(claim_id)
        rows.append({
            "claim_id": claim_id,
            "context": claim.context,
            "quantity": claim.quantity,
            "value": claims.text(claim_id),
            "citations": ", ".join(f"{claim.review}{n}" for n in claim.citations),
        })
    return pd.DataFrame(rows)


def _citations(claim_ids: Sequence[str]) -> dict[str, tuple[int, ...]]:
    """Return the reference numbers behind claims, per review (sorted, unique)."""
    found: dict[str, set[int]] = {}
    for claim_id in claim_ids:
        claim = claims.get(claim_id)
        found.setdefault(claim.review, set()).update(claim.citations)
    return {review: tuple(sorted(numbers)) for review, numbers in sorted(found.items())}


def _result(figure: Figure, claim_ids: Sequence[str], title: str, shows: str,
            drawing: str) -> BookFigure:
    """Wrap a claim figure: caption from what it shows and its sources, alt text with values."""
    ids = tuple(claim_ids)
    data = plotted_claims(ids)
    cited = _citations(ids)
    sources = "; ".join(f"review {review}, references {', '.join(map(str, numbers))}"
                        for review, numbers in cited.items())
    caption = f"{shows}, as printed in the reviews ({sources})."
    values = "; ".join(f"{row.context}, {row.quantity}: {row.value}"
                       for row in data.itertuples())
    alt = f"{drawing} {caption} Values: {values}."
    numbers: dict[str, float | str] = dict(zip(data["claim_id"], data["value"], strict=True))
    return BookFigure(figure, title, caption, alt, numbers, data, ids, cited)


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


def _new_figure(width: float = 7.0, height: float = 3.6) -> tuple[Figure, Any]:
    figure = Figure(figsize=(width, height), dpi=110, layout="constrained")
    return figure, figure.add_subplot()


def subtype_shares() -> BookFigure:
    """Molecular subtypes in IBC and non-IBC breast cancer (review A, Background).

    Each subtype's share is drawn as a bar spanning the printed range (or a tick for a single
    value), IBC above non-IBC.

    Returns
    -------
    BookFigure

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
    ibc, non_ibc = palette.GROUP_COLOURS
    for row, (_, key) in enumerate(subtypes):
        for offset, (group, colour, label) in enumerate(
            [("ibc", ibc, "IBC"), ("non-ibc", non_ibc, "non-IBC")]
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
    return _result(
        figure, ids, title,
        "Shares of the molecular subtypes among IBC and non-IBC breast tumours",
        "Horizontal bars, one pair per subtype (IBC in blue above non-IBC in orange), spanning "
        "each printed range on a 0–100 % axis; a single value is drawn as a thin tick.")


def e1684_outcomes() -> BookFigure:
    """Outcomes of the E1684 trial of adjuvant high-dose IFN-α2b in melanoma (review B).

    Returns
    -------
    BookFigure
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
    control, hdi = palette.GROUP_COLOURS
    for index, (_, key) in enumerate(years):
        for offset, (arm, colour, label) in enumerate(
            [("control", control, "Observation"), ("hdi", hdi, "High-dose IFN-α2b")]
        ):
            value = claims.value(f"b-e1684-{key}-{arm}")
            left.bar(index + (offset - 0.5) * width, value, width, color=colour,
                     label=label if index == 0 else None)
    left.set_xticks(range(len(years)), [name for name, _ in years])
    left.set_ylabel("Years (as reported in review B)")
    left.legend(frameon=False, loc="upper left")
    for offset, (arm, colour) in enumerate([("control", control), ("hdi", hdi)]):
        right.bar(offset, claims.value(f"b-e1684-dfr-{arm}"), 0.7, color=colour)
    right.set_xticks([0, 1], ["Observation", "HD IFN-α2b"])
    right.set_ylabel("Continuous disease-free rate (%)")
    right.set_ylim(0, 100)
    title = "E1684: adjuvant high-dose IFN-α2b in melanoma"
    figure.suptitle(title)
    return _result(
        figure, ids, title,
        "Relapse-free and overall survival (years) and the continuous disease-free rate (%) "
        "in the observation and high-dose IFN-α2b arms of the E1684 trial",
        "Two bar charts, observation arm in blue and high-dose IFN-α2b in orange: left, "
        "relapse-free and overall survival in years; right, the continuous disease-free rate "
        "in per cent.")


def _dot_plot(ids: Sequence[str], labels: Sequence[str], title: str, xlabel: str,
              colours: Sequence[str], shows: str) -> BookFigure:
    _check_unit(ids, "%")
    figure, axes = _new_figure(7.0, 0.45 * len(ids) + 1.4)
    values = [claims.value(claim_id) for claim_id in ids]
    positions = np.arange(len(ids))
    axes.hlines(positions, 0, values, color=palette.NEUTRAL, linewidth=1)
    axes.scatter(values, positions, color=list(colours), zorder=3, s=40)
    axes.set_yticks(positions, list(labels))
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel(xlabel)
    axes.set_title(title)
    drawing = (f"A dot plot, one row per reported rate on a 0–100 % axis ({xlabel}), "
               "blue and orange dots as the title says.")
    return _result(figure, ids, title, shows, drawing)


def clinical_rates() -> BookFigure:
    """Survival, remission and adverse-event rates reported for IFN-α2b regimens (review B).

    Returns
    -------
    BookFigure
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
                     "Patients (%)", [palette.GROUP_COLOURS[r[2]] for r in rows],
                     "Survival and complete-remission rates (blue) and rates of adverse effects "
                     "and toxic responses (orange) reported for IFN-α2b regimens")


def mutation_frequencies() -> BookFigure:
    """Mutation frequencies of TYK2 and JAK1 in tumours, a cause of poor response (review B).

    Returns
    -------
    BookFigure

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
                     [palette.GROUP_COLOURS[r[2]] for r in rows],
                     "Shares of tumours with a mutation of TYK2 (blue) or JAK1 (orange)")
