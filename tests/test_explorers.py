"""Figures and explorers: titles, labelled axes with units, captions, summaries, updates."""

from __future__ import annotations

import math
import re

import ipywidgets
import pytest

from ifnalpha.book import explorers
from ifnalpha.book import model_figures as figures
from ifnalpha.book.figure import BookFigure

FIGURES = {
    "time_course": lambda: figures.time_course(ifn=100.0, hours=24),
    "dose_time_heatmap": lambda: figures.dose_time_heatmap("tunable_isg", hours=24,
                                                           doses_pM=[1, 10, 100, 1000]),
    "acute_vs_chronic": lambda: figures.acute_vs_chronic(100.0, jak_inhibition=0.9),
    "perturbation_comparison": lambda: figures.perturbation_comparison(100.0, hours=24),
    "perturbation_time_course": lambda: figures.perturbation_time_course(
        100.0, {"stat1_null": True}, hours=24),
    "regimen_comparison": lambda: figures.regimen_comparison(weeks=1),
    "cell_states_by_dose": lambda: figures.cell_states_by_dose(48.0),
    "dose_irf9_map": lambda: figures.dose_irf9_map(doses_pM=[1, 100, 10000],
                                                   irf9_folds=[1, 5, 10], hours=24),
}

UNIT = re.compile(r"\(.+\)")


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figure_has_title_labelled_axes_caption_and_alt_text(name):
    bf = FIGURES[name]()
    assert bf.title and bf.figure.get_suptitle() == bf.title
    for ax in bf.figure.axes:
        if ax.get_label() == "<colorbar>":
            assert UNIT.search(ax.get_ylabel()), f"{name}: colour bar label without unit"
            continue
        xl, yl = ax.get_xlabel(), ax.get_ylabel()
        shared_x = not xl and ax.get_subplotspec() is not None and not ax.get_subplotspec(
        ).is_last_row()
        assert xl or shared_x, f"{name}: an axis has no x label"
        if xl:
            assert UNIT.search(xl), f"{name}: x label {xl!r} has no unit"
        if yl:
            assert UNIT.search(yl), f"{name}: y label {yl!r} has no unit"
    assert len(bf.caption) > 40 and "not clinical guidance" in bf.caption
    assert len(bf.alt_text) > len(bf.caption)
    summary = bf.summary()
    assert summary, f"{name}: empty summary"
    for key, value in summary.items():
        assert type(value) in (float, str), f"{name}: {key} is {type(value)}"
    assert bf.summary_text().count("\n") == len(summary) - 1
    assert repr(bf) == f"BookFigure({bf.title!r})"
    assert bf._repr_png_()[:4] == b"\x89PNG"


def test_captions_come_from_the_simulation():
    low = figures.time_course(ifn=1.0, hours=24)
    high = figures.time_course(ifn=1000.0, hours=24)
    assert low.caption != high.caption
    assert low.numbers["pstat1_peak_fraction"] < high.numbers["pstat1_peak_fraction"]


@pytest.mark.parametrize("name", sorted(explorers.EXPLORERS))
def test_explorer_static_default_update_and_summary(name):
    ex = explorers.EXPLORERS[name]()
    static = ex.static_figure()
    assert isinstance(static, BookFigure)
    assert ex.summary() == static.summary() or name == "perturbations"
    bf = ex.update()
    assert bf.figure is ex._figure
    for value in ex.summary().values():
        assert type(value) in (float, str)
    assert ex.description and ex.name


def test_explorer_update_changes_the_figure_in_place():
    ex = explorers.time_course_explorer()
    a = ex.update(dose_pM=1.0)
    fig = ex._figure
    b = ex.update(dose_pM=10000.0, usp18_knockdown=0.5)
    assert ex._figure is fig
    assert a.numbers["pstat1_peak_fraction"] < b.numbers["pstat1_peak_fraction"]


def test_explorer_rejects_unknown_controls():
    ex = explorers.acute_chronic_explorer()
    with pytest.raises(ValueError, match="dose"):
        ex.update(dose=5.0)


def test_explorer_widget_builds():
    ex = explorers.perturbation_explorer()
    box = ex.widget
    assert isinstance(box, ipywidgets.VBox)
    kinds = {type(c).__name__ for c in box.children}
    assert {"HTML", "FloatLogSlider", "IntSlider", "Dropdown", "Output"} <= kinds


def test_explorer_widget_sets_its_outputs_as_state_and_sends_no_display_messages(capsys):
    """nbval and nbclient must see the same outputs: nothing is displayed into the Output."""
    ex = explorers.time_course_explorer()
    box = ex.widget
    out = next(c for c in box.children if isinstance(c, ipywidgets.Output))
    # before any control moves: only the hint (the page's static figure is not repeated)
    assert out.outputs == ({"output_type": "stream", "name": "stdout",
                            "text": explorers.WIDGET_HINT + "\n"},)
    hours = next(c for c in box.children if getattr(c, "description", "") == "hours")
    hours.value = 24
    (shown,) = out.outputs
    assert shown["output_type"] == "display_data"
    assert f'alt="{ex.current.alt_text}"' in shown["data"]["text/html"].replace("&#x27;", "'")
    assert shown["data"]["text/plain"] == ex.summary_text()
    assert "over 24 h" in ex.current.title
    assert capsys.readouterr().out == ""


def test_jak_inhibitor_explorer_shows_the_ruxolitinib_argument():
    s = explorers.acute_chronic_explorer().update(jak_inhibition=0.95).summary()
    assert s["final_ifitm1_fold"] > 1.5
    assert s["final_tunable_fold"] < s["tunable_acute_peak_fold"] / 2


@pytest.mark.parametrize(
    ("call", "needle"),
    [
        (lambda: figures.dose_time_heatmap("nonsense"), "readout"),
        (lambda: figures.dose_time_heatmap("ifitm1", doses_pM=[0.0, 1.0]), "doses_pM"),
        (lambda: figures.cell_states_by_dose(doses_pM=[1.0]), "doses_pM"),
        (lambda: figures.regimen_comparison(()), "regimens"),
        (lambda: figures.regimen_comparison(("nope",)), "regimens"),
        (lambda: figures.perturbation_comparison(conditions={}), "conditions"),
        (lambda: figures.acute_vs_chronic(jak_inhibition=0.5, inhibitor_from_h=100.0),
         "inhibitor_from_h"),
        (lambda: figures.time_course(ifn=-1.0), "ifn"),
        (lambda: figures.perturbation_time_course(10.0, {"bogus": True}), "bogus"),
    ],
)
def test_figure_functions_validate_input(call, needle):
    with pytest.raises(ValueError, match=needle):
        call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: figures.regimen_comparison(("peg_induction",), weeks=1.5),
        lambda: figures.regimen_comparison(("peg_induction",), weeks=1, relative="yes"),
        lambda: figures.dose_time_heatmap("ifitm1", doses_pM="many"),
        lambda: figures.acute_vs_chronic("100"),
        lambda: explorers.figure_output("not a figure"),
    ],
)
def test_figure_functions_refuse_wrong_types(call):
    with pytest.raises(TypeError, match="`"):
        call()


def test_controls_are_checked_when_declared():
    with pytest.raises(ValueError, match="`kind` must be one of"):
        explorers.Control("slider", 1.0, "dose")


def test_summary_numbers_are_finite_or_labelled():
    s = figures.cell_states_by_dose(72.0).summary()
    assert all(math.isfinite(v) for v in s.values() if isinstance(v, float))
