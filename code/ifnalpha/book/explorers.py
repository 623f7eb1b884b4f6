"""Interactive explorers of the signalling model (ipywidgets), each with a static default.

An explorer pairs a figure function of :mod:`ifnalpha.book.model_figures` with a few
controls. A notebook only calls these functions:

>>> from ifnalpha.book import explorers
>>> ex = explorers.acute_chronic_explorer()
>>> bf = ex.static_figure()          # the default figure, for HTML and PDF readers
>>> isinstance(ex.summary()["ifitm1_chronic_fold"], float)
True

and, for readers with a live kernel (Binder), displays ``ex.widget``: moving a control re-runs
the model and redraws the figure in place (:meth:`Explorer.update`).

The model is educational and qualitative, not clinical guidance.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ifnalpha import checks, model
from ifnalpha.book import model_figures as figures
from ifnalpha.book.figure import BookFigure
from ifnalpha.model import analyses, dosing

#: Perturbation presets offered in drop-downs (label → perturbations).
PRESETS: dict[str, dict[str, float | bool]] = dict(analyses.DEFAULT_CONDITIONS)


#: The kinds of control an explorer offers.
CONTROL_KINDS = ("log", "float", "int", "choice", "bool")


@dataclass
class Control:
    """A control of an explorer, described independently of ipywidgets.

    Attributes
    ----------
    kind : {"log", "float", "int", "choice", "bool"}
    default : object
    label : str
    options : tuple
        ``(min, max, step)`` for numbers; the choices for ``choice``.
    """

    kind: str
    default: Any
    label: str
    options: tuple = ()

    def __post_init__(self) -> None:
        checks.choice("kind", self.kind, CONTROL_KINDS)
        checks.string("label", self.label)

    def make_widget(self):
        """Return the ipywidgets widget for this control."""
        import ipywidgets as w

        style = {"description_width": "initial"}
        layout = w.Layout(width="420px")
        if self.kind == "log":
            lo, hi, step = self.options
            return w.FloatLogSlider(value=self.default, base=10, min=math.log10(lo),
                                    max=math.log10(hi), step=step, description=self.label,
                                    style=style, layout=layout, continuous_update=False)
        if self.kind == "float":
            lo, hi, step = self.options
            return w.FloatSlider(value=self.default, min=lo, max=hi, step=step,
                                 description=self.label, style=style, layout=layout,
                                 continuous_update=False)
        if self.kind == "int":
            lo, hi, step = self.options
            return w.IntSlider(value=self.default, min=lo, max=hi, step=step,
                               description=self.label, style=style, layout=layout,
                               continuous_update=False)
        if self.kind == "choice":
            return w.Dropdown(options=list(self.options), value=self.default,
                              description=self.label, style=style, layout=layout)
        if self.kind == "bool":
            return w.Checkbox(value=self.default, description=self.label, style=style)
        raise AssertionError(self.kind)  # unreachable: the kind was checked on creation


@dataclass
class Explorer:
    """A figure function plus controls: static default, in-place updates and a widget.

    Attributes
    ----------
    name : str
    description : str
        One sentence on what the explorer lets a reader test.
    controls : dict of str to Control
    draw : callable
        ``draw(fig, **values) -> BookFigure``; draws into ``fig`` (cleared).
    static : callable, optional
        ``static(**defaults) -> BookFigure`` for a static default that differs from ``draw``
        (e.g. all perturbations side by side); default: ``draw`` at the default values.
    """

    name: str
    description: str
    controls: dict[str, Control]
    draw: Callable[..., BookFigure]
    static: Callable[..., BookFigure] | None = None
    _current: BookFigure | None = field(default=None, repr=False)
    _figure: Figure | None = field(default=None, repr=False)

    def defaults(self) -> dict[str, Any]:
        """Return the default value of every control."""
        return {k: c.default for k, c in self.controls.items()}

    def static_figure(self) -> BookFigure:
        """Return the figure at the default values (a new figure; the explorer's own is kept)."""
        if self.static is not None:
            return self.static(**self.defaults())
        return self.draw(None, **self.defaults())

    def update(self, **values: Any) -> BookFigure:
        """Re-run the model with new control values and redraw the explorer's figure in place.

        Unknown names raise ``ValueError``; missing ones keep their defaults. The figure is
        rendered to PNG (one Agg draw) so that displaying the returned object costs nothing
        more: the time of this call is what a reader waits for.
        """
        for name in values:
            checks.choice("control", name, tuple(self.controls))
        merged = {**self.defaults(), **values}
        if self._figure is None:
            # no layout engine: fixed margins redraw several times faster than constrained
            self._figure = Figure(dpi=80)
            FigureCanvasAgg(self._figure)
        self._current = self.draw(self._figure, **merged)
        self._current.render(palette=False)  # fast: a reader waits for it
        return self._current

    @property
    def current(self) -> BookFigure:
        """The latest figure (the static default until :meth:`update` is called)."""
        if self._current is None:
            self._current = self.static_figure()
        return self._current

    def summary(self) -> dict[str, float | str]:
        """Return the key numbers of the current figure as plain floats and strings."""
        return self.current.summary()

    def summary_text(self) -> str:
        """Return :meth:`summary` as printable lines."""
        return self.current.summary_text()

    @property
    def widget(self):
        """Return an ipywidgets box: the controls, then an output area for figure and summary.

        Moving a control re-runs the model and puts the new figure (with its alt text) and its
        key numbers into the output area. The area's contents are set as widget state, not
        displayed into it, so that no display message is sent: a notebook run without a
        frontend (nbclient, nbval) stores the same, deterministic outputs. Until a control
        moves, the area holds a one-line hint (:data:`WIDGET_HINT`): a page that shows the
        static default figure (:meth:`static_figure`) then does not show it a second time.
        """
        import ipywidgets as w

        boxes = {k: c.make_widget() for k, c in self.controls.items()}
        out = w.Output()

        def refresh(_change=None) -> None:
            bf = self.update(**{k: b.value for k, b in boxes.items()})
            out.outputs = (figure_output(bf),)

        for b in boxes.values():
            b.observe(refresh, names="value")
        out.outputs = (_text_output(WIDGET_HINT),)
        header = w.HTML(f"<b>{self.name}</b>: {self.description}")
        return w.VBox([header, *boxes.values(), out])


#: What an explorer's output area says before a control has moved.
WIDGET_HINT = ("Move a control to re-run the model and redraw the figure with your settings "
               "(this needs a running Python kernel, for example on Binder).")


def _text_output(text: str) -> dict:
    return {"output_type": "stream", "name": "stdout", "text": text + "\n"}


def figure_output(bf: BookFigure) -> dict:
    """Return a figure and its key numbers as one ``display_data`` output (for an Output widget).

    The HTML form carries the figure's alt text; the plain-text form is the summary.

    Examples
    --------
    >>> out = figure_output(time_course_explorer().update(hours=12))
    >>> sorted(out["data"])
    ['image/png', 'text/html', 'text/plain']
    """
    import base64
    import html

    if not isinstance(bf, BookFigure):
        raise TypeError(f"`bf` must be a BookFigure, got {bf!r}")
    png = base64.b64encode(bf._repr_png_()).decode("ascii")
    summary = bf.summary_text()
    page = (f'<img src="data:image/png;base64,{png}" alt="{html.escape(bf.alt_text)}" '
            f'style="max-width:100%"><pre>{html.escape(summary)}</pre>')
    return {"output_type": "display_data", "metadata": {},
            "data": {"text/html": page, "image/png": png, "text/plain": summary}}


# --- the explorers --------------------------------------------------------------------------

_DOSE = Control("log", 100.0, "IFN-α (pM)", (0.1, 1e5, 0.1))


def time_course_explorer() -> Explorer:
    """Return an explorer of the full time course for one dose and a set of perturbations.

    Examples
    --------
    >>> ex = time_course_explorer()
    >>> ex.update(dose_pM=1000.0).numbers["pstat1_peak_h"] < 1.0
    True
    """

    def draw(fig, *, dose_pM, hours, usp18_knockdown, socs1_knockdown, jak_inhibition,
             irf9_overexpression):
        pert = {"usp18_knockdown": usp18_knockdown, "socs1_knockdown": socs1_knockdown,
                "jak_inhibition": jak_inhibition, "irf9_overexpression": irf9_overexpression}
        pert = {k: v for k, v in pert.items() if v != model.PERTURBATIONS[k].default}
        res = model.simulate(dose_pM, hours, pert)
        return figures.time_course(res, fig=fig)

    return Explorer(
        "Time course",
        "how dose, feedback knockdowns, a JAK inhibitor and IRF9 shape the response over time",
        {
            "dose_pM": _DOSE,
            "hours": Control("int", 72, "hours", (6, 168, 6)),
            "usp18_knockdown": Control("float", 0.0, "USP18 knockdown", (0.0, 1.0, 0.05)),
            "socs1_knockdown": Control("float", 0.0, "SOCS1 knockdown", (0.0, 1.0, 0.05)),
            "jak_inhibition": Control("float", 0.0, "JAK inhibition", (0.0, 1.0, 0.05)),
            "irf9_overexpression": Control("float", 1.0, "IRF9 (fold)", (1.0, 10.0, 0.5)),
        },
        draw,
    )


def dose_time_explorer() -> Explorer:
    """Return an explorer of one readout across dose and time (a heatmap).

    Examples
    --------
    >>> dose_time_explorer().static_figure().numbers["readout"]
    'ifitm1'
    """
    readouts = ("ifitm1", "tunable_isg", "irf1", "pstat1_total", "isgf3", "u_isgf3", "usp18",
                "socs1", "stat1", "antiviral", "antiproliferative")

    def draw(fig, *, readout, hours, condition):
        return figures.dose_time_heatmap(readout, hours=hours, perturbations=PRESETS[condition],
                                         fig=fig)

    return Explorer(
        "Dose × time",
        "which doses and durations switch each gene class and cell state on",
        {
            "readout": Control("choice", "ifitm1", "readout", readouts),
            "hours": Control("int", 72, "hours", (12, 168, 12)),
            "condition": Control("choice", "wild type", "cell", tuple(PRESETS)),
        },
        draw,
    )


def acute_chronic_explorer() -> Explorer:
    """Return an explorer of acute vs chronic exposure, with an optional JAK inhibitor (review A).

    Examples
    --------
    >>> ex = acute_chronic_explorer()
    >>> ex.update(jak_inhibition=0.95).numbers["final_ifitm1_fold"] > 1.5
    True
    """

    def draw(fig, *, dose_pM, hours, jak_inhibition, inhibitor_from_h, washout):
        if inhibitor_from_h >= hours:
            inhibitor_from_h = hours / 2
        washout_at = inhibitor_from_h if washout else None
        return figures.acute_vs_chronic(dose_pM, hours=hours, jak_inhibition=jak_inhibition,
                                        inhibitor_from_h=inhibitor_from_h,
                                        washout_at_h=washout_at, fig=fig)

    return Explorer(
        "Acute vs chronic exposure",
        "review A's Fig. 1b: under chronic IFN-α pSTAT fades while U-ISGF3 keeps robust ISGs "
        "on, even under a JAK inhibitor",
        {
            "dose_pM": _DOSE,
            "hours": Control("int", 72, "hours", (24, 168, 12)),
            "jak_inhibition": Control("float", 0.0, "JAK inhibition", (0.0, 1.0, 0.05)),
            "inhibitor_from_h": Control("float", 48.0, "inhibitor from (h)", (6.0, 144.0, 6.0)),
            "washout": Control("bool", False, "wash IFN-α out at that time instead"),
        },
        draw,
    )


def perturbation_explorer() -> Explorer:
    """Return an explorer of one perturbation against wild type (static default: all of them).

    Examples
    --------
    >>> ex = perturbation_explorer()
    >>> ex.update(condition="IFNAR1-null").numbers["tunable_isg_final_perturbed"]
    1.0
    """
    controls = {
        "dose_pM": _DOSE,
        "hours": Control("int", 48, "hours", (12, 168, 12)),
        "condition": Control("choice", "USP18 knockdown 80 %", "perturbation",
                             tuple(k for k in PRESETS if k != "wild type")),
    }

    def draw(fig, *, dose_pM, hours, condition):
        return figures.perturbation_time_course(dose_pM, PRESETS[condition], hours=hours, fig=fig)

    def static(*, dose_pM, hours, condition):
        return figures.perturbation_comparison(dose_pM, hours=hours)

    return Explorer(
        "Perturbations",
        "knockdowns, a JAK inhibitor, STAT1-null, high IRF9, IFNAR1-null and phospho-dead STATs",
        controls,
        draw,
        static,
    )


def regimen_explorer() -> Explorer:
    """Return an explorer of dosing regimens: exposure and the gene classes it sustains.

    Examples
    --------
    >>> s = regimen_explorer().summary()
    >>> s["peg_induction:fraction_above_10pct"]
    1.0
    """

    def draw(fig, *, first, second, weeks, relative, volume_L_per_kg_ifn):
        names = (first,) if first == second else (first, second)
        scale = dosing.ExposureScale(volume_L_per_kg_ifn=volume_L_per_kg_ifn)
        return figures.regimen_comparison(names, weeks=weeks, relative=relative, scale=scale,
                                          fig=fig)

    names = tuple(dosing.REGIMENS)
    return Explorer(
        "Dosing regimens",
        "high-dose IFN-α2b vs weekly PEG-IFN-α2b: exposure and the gene classes it sustains "
        "(absolute scale is an assumption)",
        {
            "first": Control("choice", "hdi_maintenance", "regimen 1", names),
            "second": Control("choice", "peg_induction", "regimen 2", names),
            "weeks": Control("int", 3, "weeks", (1, 8, 1)),
            "relative": Control("bool", True, "exposure relative to peak"),
            "volume_L_per_kg_ifn": Control("float", dosing.DEFAULT_SCALE.volume_L_per_kg_ifn,
                                           "IFN-α2b volume (L/kg, fitted)", (0.05, 2.0, 0.05)),
        },
        draw,
    )


def dose_response_explorer() -> Explorer:
    """Return an explorer of antiviral and antiproliferative dose–responses (review A [32]).

    Examples
    --------
    >>> dose_response_explorer().summary()["ec50_ratio"] > 100
    True
    """

    def draw(fig, *, hours, condition):
        return figures.cell_states_by_dose(hours, perturbations=PRESETS[condition], fig=fig)

    return Explorer(
        "Dose–response",
        "antiviral protection needs far less IFN-α than an antiproliferative response",
        {
            "hours": Control("int", 72, "hours of exposure", (12, 168, 12)),
            "condition": Control("choice", "wild type", "cell", tuple(PRESETS)),
        },
        draw,
    )


#: Every explorer by name.
EXPLORERS: Mapping[str, Callable[[], Explorer]] = {
    "time_course": time_course_explorer,
    "dose_time": dose_time_explorer,
    "acute_chronic": acute_chronic_explorer,
    "perturbations": perturbation_explorer,
    "regimens": regimen_explorer,
    "dose_response": dose_response_explorer,
}
