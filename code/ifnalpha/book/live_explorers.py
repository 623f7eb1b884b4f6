"""The model explorers as the static HTML book shows them: precomputed, drawn by Vega-Lite.

Each explorer of :data:`ifnalpha.book.explorers.EXPLORERS` is described here for the browser:
its controls (each moves over one axis of the explorer's grid,
:data:`ifnalpha.model.explorer_grids.AXES`), the key numbers its readout lists, and a
declarative Vega-Lite chart of the curves. :mod:`ifnalpha.book.explorer_data` packs the grid's
values and this description into one JavaScript file per explorer; the book's explorer runtime
(``explorer_runtime.js`` beside this module) builds the labelled controls, looks the curves and
numbers of the chosen grid point up and hands them to Vega-Lite. No model runs in the browser:
values between grid points are not computed.

A page shows an explorer with :func:`explorer`: in HTML a placeholder the runtime fills (the
grid is stated under it), nothing in the PDF (the page's static figure shows the default view
and its key numbers).

>>> view = explorer("dose_response")
>>> bundle = view._repr_mimebundle_()
>>> bundle["text/latex"], 'data-explorer="dose_response"' in bundle["text/html"]
('', True)

The model is educational and qualitative, not clinical guidance.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from ifnalpha import checks
from ifnalpha.book import explorers, palette
from ifnalpha.book.figure import readout_label
from ifnalpha.model import dosing, explorer_grids

__all__ = ["LIVE", "LiveExplorer", "explorer", "grid_sentence"]

_VL_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
_CONFIG = {"background": "white", "view": {"stroke": "#ddd"},
           "axis": {"labelColor": "#222", "titleColor": "#222"},
           "legend": {"labelColor": "#222", "titleColor": "#222", "labelLimit": 260},
           "header": {"labelColor": "#222", "labelFontSize": 12}}


@dataclass(frozen=True)
class LiveExplorer:
    """One explorer for the browser.

    Attributes
    ----------
    name : str
        Key of :data:`ifnalpha.book.explorers.EXPLORERS` and of the grid.
    controls : list of dict
        ``name``, ``label``, ``kind`` (``range``, ``select`` or ``checkbox``), ``axis`` (the
        grid axis it moves over; none for a display switch, which sets a Vega-Lite parameter
        ``name``), ``default`` and ``labels`` (each grid value as the control shows it).
    views : list of dict
        Which controls pick a run: ``axes`` (grid axis → control) and ``tag`` (a control
        whose value labels the run's rows, as field ``view``; for two runs side by side).
    readout : list of tuple
        ``(number, label)`` for each key number the readout lists.
    series : dict
        Extra fields of each series' rows (``label``, ``panel`` ...).
    spec : dict
        The Vega-Lite chart: data ``curves`` (rows ``x``, ``series``, ``value`` and the series'
        fields) and ``numbers`` (the chosen key numbers, one row per view).
    clip : tuple, optional
        ``(control, factor)``: rows with ``x`` above the control's value × factor are dropped.
    title : str
        What the explorer is (its accessible name).
    grid_note : str
        The grid's fixed part, which no control moves (the doses or times of each run).
    renderer : str
        Vega's renderer: ``svg`` (default), or ``canvas`` for a chart of many marks (the
        runtime then names the chart with ``role="img"`` and an ``aria-label``).
    """

    name: str
    title: str
    controls: list[dict[str, Any]]
    readout: list[tuple[str, str]]
    spec: dict[str, Any]
    series: dict[str, dict[str, Any]] = field(default_factory=dict)
    views: list[dict[str, Any]] = field(default_factory=list)
    clip: tuple[str, float] | None = None
    grid_note: str = ""
    renderer: str = "svg"

    def description(self) -> dict[str, Any]:
        """Return what the runtime needs besides the grid's values (JSON-ready)."""
        views = self.views or [{"axes": {c["axis"]: c["name"] for c in self.controls
                                         if c.get("axis")}, "tag": None}]
        return {"name": self.name, "title": self.title, "controls": self.controls,
                "views": views, "readout": [list(r) for r in self.readout],
                "series": self.series, "spec": self.spec,
                "clip": list(self.clip) if self.clip else None, "renderer": self.renderer}


def _values(name: str, axis: str) -> tuple:
    return explorer_grids.AXES[name][axis]


def _control(name: str, axis: str, label: str, kind: str = "range", *, default: Any = None,
             fmt: str = "{:g}", control: str | None = None) -> dict[str, Any]:
    """Return a control over one grid axis (default: the Python explorer's default)."""
    values = _values(name, axis)
    if default is None:
        default = explorers.EXPLORERS[name]().controls[control or axis].default
    if default not in values:
        raise ValueError(f"the default {default!r} of `{axis}` is not on the grid {values!r}")
    labels = [v if isinstance(v, str) else fmt.format(v) for v in values]
    return {"name": control or axis, "label": label, "kind": kind, "axis": axis,
            "default": values.index(default), "labels": labels}


def _dose(name: str) -> dict[str, Any]:
    return _control(name, "dose_pM", "IFN-α (pM)")


def _lines(panels: dict[str, tuple[str, ...]], *, dash: str | None = None,
           x_title: str = "time (h)", columns: int = 2) -> dict[str, Any]:
    """Return a faceted line chart: one panel per entry, independent y scales."""
    labels = [readout_label(s) for cols in panels.values() for s in cols]
    colours = [palette.readout_colour(s) for cols in panels.values() for s in cols]
    encoding: dict[str, Any] = {
        "x": {"field": "x", "type": "quantitative", "title": x_title},
        "y": {"field": "value", "type": "quantitative", "title": None},
        "color": {"field": "label", "type": "nominal", "title": "readout",
                  "scale": {"domain": labels, "range": colours}},
        "strokeDash": {"field": dash or "label", "type": "nominal",
                       "title": "cell" if dash else "readout"},
    }
    return {"$schema": _VL_SCHEMA, "data": {"name": "curves"}, "config": _CONFIG,
            "facet": {"field": "panel", "type": "nominal", "title": None,
                      "sort": list(panels)},
            "columns": columns, "resolve": {"scale": {"y": "independent"}},
            "spec": {"width": 210, "height": 130,
                     "mark": {"type": "line", "aria": False, "strokeWidth": 1.6},
                     "encoding": encoding}}


def _series(panels: dict[str, tuple[str, ...]], prefix: str = "") -> dict[str, dict]:
    return {f"{prefix}{s}": {"label": readout_label(s), "panel": panel}
            for panel, cols in panels.items() for s in cols}


_TIMES = "curves at every 0.1 h to 2 h, every 0.5 h to 12 h, then every {late} h"

_TIME_PANELS = {
    "phosphorylated (fraction of total)": ("pstat1_total", "pstat2_total"),
    "ISGF3 and AAF (× resting total STAT1)": ("isgf3", "aaf"),
    "fold over rest": ("u_isgf3", "ifitm1", "tunable_isg", "irf1", "usp18", "socs1"),
    "cell states (0–1)": ("antiviral", "antiproliferative"),
}


def _time_course() -> LiveExplorer:
    n = "time_course"
    return LiveExplorer(
        n, "Time-course explorer",
        [_dose(n), _control(n, "hours", "hours", default=72.0),
         _control(n, "usp18_knockdown", "USP18 knockdown"),
         _control(n, "socs1_knockdown", "SOCS1 knockdown"),
         _control(n, "jak_inhibition", "JAK inhibition"),
         _control(n, "irf9_overexpression", "IRF9 (fold)")],
        [("pstat1_peak_fraction", "pSTAT1 peak (fraction of STAT1)"),
         ("pstat1_peak_h", "pSTAT1 peak time (h)"),
         ("tunable_isg_peak_fold", "tunable ISG peak (fold)"),
         ("tunable_isg_peak_h", "tunable ISG peak time (h)"),
         ("ifitm1_final_fold", "IFITM1 at the end (fold)"),
         ("u_isgf3_final_fold", "U-ISGF3 at the end (fold)"),
         ("antiviral_final", "antiviral state at the end"),
         ("antiproliferative_final", "antiproliferative state at the end")],
        _lines(_TIME_PANELS), _series(_TIME_PANELS), clip=("hours", 1.0),
        grid_note=_TIMES.format(late=4))


def _dose_time() -> LiveExplorer:
    n = "dose_time"
    readouts = _values(n, "readout")
    control = _control(n, "readout", "readout", "select", default="ifitm1")
    control["labels"] = [readout_label(r) for r in readouts]
    spec = {"$schema": _VL_SCHEMA, "data": {"name": "curves"}, "config": _CONFIG,
            "width": 440, "height": 260,
            "mark": {"type": "rect", "aria": False},
            "encoding": {
                "x": {"field": "x", "type": "ordinal", "title": "time (h)",
                      "axis": {"values": [0, 12, 24, 48, 72, 96, 120, 144, 168],
                               "labelAngle": 0}},
                "y": {"field": "series", "type": "ordinal", "title": "IFN-α (pM)",
                      "sort": "descending",
                      "axis": {"values": list(explorer_grids.DOSES_PM), "format": "~g"}},
                "color": {"field": "value", "type": "quantitative", "title": "level",
                          "scale": {"scheme": "viridis"}}}}
    return LiveExplorer(
        n, "Dose × time explorer",
        [control, _control(n, "hours", "hours", default=72.0),
         _control(n, "condition", "cell", "select", default="wild type")],
        [("max_value", "highest value"), ("max_at_dose_pM", "reached at dose (pM)"),
         ("max_at_h", "reached at time (h)"), ("final_min", "at the end, lowest dose"),
         ("final_max", "at the end, highest over doses"),
         ("lowest_dose_reaching_half_range_pM", "lowest dose reaching half the range (pM)")],
        # about 1800 cells a map: drawn on a canvas, redrawn in a few ms (SVG: about 200 ms)
        spec, clip=("hours", 1.0), renderer="canvas",
        grid_note="each map has 25 doses from 0.1 pM to 100 nM (four per decade) and times "
                  "every hour to 24 h, then every 3 h")


def _shade(start: str, end: str, colour: str) -> dict[str, Any]:
    return {"data": {"name": "numbers"}, "transform": [{"calculate": "0", "as": "zero"}],
            "mark": {"type": "rect", "aria": False, "color": colour, "opacity": 0.6},
            "encoding": {"x": {"field": start, "type": "quantitative"}, "x2": {"field": end}}}


def _acute_chronic() -> LiveExplorer:
    n = "acute_chronic"
    panels = {"phosphorylated arm (fraction of its peak)": ("pstat1_of_peak", "isgf3_of_peak"),
              "unphosphorylated arm and gene classes (fold over rest)":
                  ("u_isgf3_fold", "ifitm1", "tunable_isg")}
    labels = {"pstat1_of_peak": "pSTAT1 (of its peak)", "isgf3_of_peak": "ISGF3 (of its peak)",
              "u_isgf3_fold": "U-ISGF3", "ifitm1": readout_label("ifitm1"),
              "tunable_isg": readout_label("tunable_isg")}
    colours = {"pstat1_of_peak": "pstat1_total", "isgf3_of_peak": "isgf3",
               "u_isgf3_fold": "u_isgf3", "ifitm1": "ifitm1", "tunable_isg": "tunable_isg"}
    domain = list(labels.values())
    rng = [palette.readout_colour(colours[s]) for s in labels]

    def layer(title: str) -> dict[str, Any]:
        line = {"transform": [{"filter": {"field": "panel", "equal": title}}],
                "mark": {"type": "line", "aria": False},
                "encoding": {"x": {"field": "x", "type": "quantitative", "title": "time (h)"},
                             "y": {"field": "value", "type": "quantitative", "title": None},
                             "color": {"field": "label", "type": "nominal", "title": "readout",
                                       "scale": {"domain": domain, "range": rng}},
                             "strokeDash": {"field": "label", "type": "nominal",
                                            "title": "readout"}}}
        rule = {"data": {"name": "numbers"},
                "transform": [{"filter": "datum.jak_inhibition > 0 || datum.washout"}],
                "mark": {"type": "rule", "aria": False, "strokeDash": [4, 2],
                         "color": "black"},
                "encoding": {"x": {"field": "inhibitor_from_h", "type": "quantitative"}}}
        return {"width": 440, "height": 150, "data": {"name": "curves"}, "title": title,
                "layer": [_shade("zero", "acute_until_h", palette.ACUTE_SHADE),
                          _shade("chronic_from_h", "end_h", palette.CHRONIC_SHADE), line, rule]}

    spec = {"$schema": _VL_SCHEMA, "config": _CONFIG, "vconcat": [layer(t) for t in panels]}
    series = {s: {"label": labels[s], "panel": p} for p, cols in panels.items() for s in cols}
    washout = {"name": "washout", "label": "wash IFN-α out at that time instead",
               "kind": "checkbox", "axis": "washout", "default": 0, "labels": ["no", "yes"]}
    return LiveExplorer(
        n, "Acute vs chronic explorer",
        [_dose(n), _control(n, "hours", "hours", default=72.0),
         _control(n, "jak_inhibition", "JAK inhibition", default=0.0),
         _control(n, "inhibitor_from_h", "inhibitor from (h)", default=48.0), washout],
        [("pstat1_chronic_over_peak", "pSTAT1 in the chronic window (of its peak)"),
         ("u_isgf3_chronic_fold", "U-ISGF3, chronic window (fold)"),
         ("ifitm1_chronic_fold", "IFITM1, chronic window (fold)"),
         ("tunable_acute_peak_fold", "tunable ISG, acute peak (fold)"),
         ("tunable_chronic_fold", "tunable ISG, chronic window (fold)"),
         ("final_ifitm1_fold", "IFITM1 at the end (fold)"),
         ("final_tunable_fold", "tunable ISG at the end (fold)")],
        spec, series, clip=("hours", 1.0), grid_note=_TIMES.format(late=2))


_PERTURBATION_PANELS = {
    "pSTAT1 (fraction of STAT1)": ("pstat1_total",),
    "ISGF3 (× resting total STAT1)": ("isgf3",),
    "fold over rest": ("u_isgf3", "tunable_isg", "ifitm1", "irf1"),
    "cell states (0–1)": ("antiviral", "antiproliferative"),
}


def _perturbations() -> LiveExplorer:
    n = "perturbations"
    series = {}
    for cell in ("wild type", "perturbed"):
        for key, fields in _series(_PERTURBATION_PANELS, f"{cell}:").items():
            series[key] = {**fields, "cell": cell}
    return LiveExplorer(
        n, "Perturbation explorer",
        [_dose(n), _control(n, "hours", "hours", default=48.0),
         _control(n, "condition", "perturbation", "select")],
        [("pstat1_auc_ratio", "pSTAT1 area, perturbed over wild type"),
         ("ifitm1_final_perturbed", "IFITM1 at the end, perturbed (fold)"),
         ("ifitm1_final_wild_type", "IFITM1 at the end, wild type (fold)"),
         ("tunable_isg_final_perturbed", "tunable ISG at the end, perturbed (fold)"),
         ("tunable_isg_final_wild_type", "tunable ISG at the end, wild type (fold)"),
         ("antiviral_final_perturbed", "antiviral state at the end, perturbed")],
        _lines(_PERTURBATION_PANELS, dash="cell"), series, clip=("hours", 1.0),
        grid_note=_TIMES.format(late=2))


def _regimens() -> LiveExplorer:
    n = "regimens"
    names = _values(n, "regimen")
    descriptions = [dosing.REGIMENS[r].description for r in names]
    first = _control(n, "regimen", "regimen 1", "select", default="hdi_maintenance",
                     control="first")
    second = _control(n, "regimen", "regimen 2", "select", default="peg_induction",
                      control="second")
    for c in (first, second):
        c["labels"] = descriptions
    relative = {"name": "relative", "label": "exposure relative to peak", "kind": "checkbox",
                "default": 1, "labels": ["no", "yes"]}
    time = {"field": "days", "type": "quantitative", "title": "time (days)"}
    colour = {"field": "view", "type": "nominal", "title": "regimen"}

    def panel(title: str, series: tuple[str, ...], extra: list | None = None) -> dict:
        return {"width": 440, "height": 120,
                "transform": [{"filter": {"field": "series", "oneOf": list(series)}},
                              *(extra or [])],
                "mark": {"type": "line", "aria": False},
                "encoding": {"x": time, "y": {"field": "y", "type": "quantitative",
                                              "title": title},
                             "color": colour,
                             "strokeDash": {"field": "label", "type": "nominal",
                                            "title": "readout"}}}

    exposure = [{"joinaggregate": [{"op": "max", "field": "value", "as": "peak"}],
                 "groupby": ["view"]},
                {"calculate": "relative ? datum.value / max(datum.peak, 1e-12) : datum.value",
                 "as": "y"}]
    spec = {"$schema": _VL_SCHEMA, "config": _CONFIG, "data": {"name": "curves"},
            "params": [{"name": "relative", "value": True}],
            "transform": [{"calculate": "datum.x / 24", "as": "days"}],
            "vconcat": [panel("IFN-α (of peak, or pM)", ("ifn_pM",), exposure),
                        panel("fold over rest", ("tunable_isg", "ifitm1"),
                              [{"calculate": "datum.value", "as": "y"}]),
                        panel("cell state (0–1)", ("antiviral", "antiproliferative"),
                              [{"calculate": "datum.value", "as": "y"}])]}
    series = {s: {"label": "IFN-α" if s == "ifn_pM" else readout_label(s)}
              for s in ("ifn_pM", "tunable_isg", "ifitm1", "antiviral", "antiproliferative")}
    return LiveExplorer(
        n, "Dosing-regimen explorer",
        [first, second, _control(n, "weeks", "weeks", default=3), relative,
         _control(n, "volume_L_per_kg_ifn", "IFN-α2b volume (L/kg)")],
        [("fraction_above_10pct", "share of the last week above 10 % of peak"),
         ("trough_over_peak", "trough over peak"), ("peak_pM", "peak (pM)"),
         ("tunable_min_last_week", "lowest tunable ISG, last week (fold)"),
         ("ifitm1_min_last_week", "lowest IFITM1, last week (fold)"),
         ("antiviral_min_last_week", "lowest antiviral state, last week")],
        spec, series,
        views=[{"axes": {"regimen": c, "volume_L_per_kg_ifn": "volume_L_per_kg_ifn",
                         "weeks": "weeks"}, "tag": c} for c in ("first", "second")],
        clip=("weeks", float(dosing.HOURS_PER_WEEK)),
        grid_note="curves every 2 h")


def _dose_response() -> LiveExplorer:
    n = "dose_response"
    states = ("antiviral", "antiproliferative")
    colour = {"field": "label", "type": "nominal", "title": "cell state",
              "scale": {"domain": [readout_label(s) for s in states],
                        "range": [palette.readout_colour(s) for s in states]}}
    x = {"field": "x", "type": "quantitative", "title": "IFN-α (pM)",
         "scale": {"type": "log"}, "axis": {"format": "~g"}}
    rules = [{"data": {"name": "numbers"}, "mark": {"type": "rule", "aria": False,
                                                    "strokeDash": [4, 3], "color": c},
              "encoding": {"x": {"field": f"{s}_ec50_pM", "type": "quantitative"}}}
             for s, c in zip(states, colour["scale"]["range"], strict=True)]
    spec = {"$schema": _VL_SCHEMA, "config": _CONFIG, "width": 440, "height": 240,
            "layer": [{"data": {"name": "curves"}, "mark": {"type": "line", "aria": False,
                                                             "point": False},
                       "encoding": {"x": x, "y": {"field": "value", "type": "quantitative",
                                                  "title": "state (0–1)"},
                                    "color": colour,
                                    "strokeDash": {"field": "label", "type": "nominal",
                                                   "title": "cell state"}}}, *rules]}
    return LiveExplorer(
        n, "Dose–response explorer",
        [_control(n, "hours", "hours of exposure", default=72.0),
         _control(n, "condition", "cell", "select", default="wild type")],
        [("antiviral_ec50_pM", "antiviral half-maximal dose (pM)"),
         ("antiproliferative_ec50_pM", "antiproliferative half-maximal dose (pM)"),
         ("ec50_ratio", "ratio of the two"), ("antiviral_max", "antiviral maximum"),
         ("antiproliferative_max", "antiproliferative maximum")],
        spec, {s: {"label": readout_label(s)} for s in states},
        grid_note="each curve has 31 doses from 0.1 pM to 100 nM (five per decade)")


#: Every explorer for the browser, by name (the keys of ``explorers.EXPLORERS``).
LIVE = {"time_course": _time_course, "dose_time": _dose_time, "acute_chronic": _acute_chronic,
        "perturbations": _perturbations, "regimens": _regimens, "dose_response": _dose_response}


def grid_sentence(name: str) -> str:
    """Say over which grid an explorer was precomputed, control by control.

    Examples
    --------
    >>> print(grid_sentence("dose_response"))  # doctest: +ELLIPSIS
    Precomputed grid: hours of exposure: 24, 48, 72, 120, 168; cell: wild type, ...
    """
    live = LIVE[checks.choice("name", name, tuple(LIVE))]()
    parts = []
    for c in live.controls:
        if c.get("axis"):
            sep = " / " if any("," in label for label in c["labels"]) else ", "
            parts.append(f"{c['label']}: {sep.join(c['labels'])}" if c["kind"] != "checkbox"
                         else f"{c['label']}: no or yes")
    if live.grid_note:
        parts.append(live.grid_note)
    return (f"Precomputed grid: {'; '.join(parts)}. The model was run at these values only; "
            "a control moves from one to the next and nothing between them is interpolated.")


class ExplorerView:
    """What a notebook cell displays for an explorer: HTML placeholder, nothing in the PDF."""

    def __init__(self, name: str) -> None:
        self.name = checks.choice("name", name, tuple(LIVE))

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        live = LIVE[self.name]()
        title = html.escape(live.title)
        page = (f'<div class="ifnalpha-explorer" data-explorer="{self.name}" role="group" '
                f'aria-label="{title}"><p class="ifnalpha-explorer-title"><strong>{title}'
                f'</strong>: {html.escape(explorers.EXPLORERS[self.name]().description)}.</p>'
                '<p class="ifnalpha-explorer-status">The explorer loads when it comes into '
                'view (it needs JavaScript).</p>'
                f'<p class="ifnalpha-explorer-grid">{html.escape(grid_sentence(self.name))}'
                '</p></div>')
        return {"text/html": page, "text/plain": f"{live.title} (interactive in the HTML book)",
                "text/latex": ""}


def explorer(name: str) -> ExplorerView:
    """Return the display object of an explorer for a notebook cell (``remove-input``)."""
    return ExplorerView(name)
