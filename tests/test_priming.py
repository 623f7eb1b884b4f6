"""The priming sweep of :mod:`ifnalpha.model.priming`: Kok et al. (2020)'s double treatment over
first doses, in the published model (parameters untouched) and in the book's model."""

import math

import numpy as np
import pytest

from ifnalpha.book import comparison_figures, model_pages
from ifnalpha.model import priming


@pytest.fixture(scope="module")
def curves():
    return priming.priming_curves()


@pytest.fixture(scope="module")
def extremes(curves):
    return priming.priming_extremes(curves).set_index(["run", "readout"])


def test_sweep_covers_every_run_dose_and_readout(curves):
    assert set(curves["run"]) == set(priming.RUNS)
    assert set(curves["readout"]) == set(priming.PRIMING_READOUTS)
    doses = sorted(curves["first_dose_pM"].unique())
    assert doses[0] == 0.0 and doses[1] == pytest.approx(0.01) and doses[-1] == 10000.0
    assert len(doses) == len(priming.FIRST_DOSES_PM)
    naive = curves[curves["first_dose_pM"] == 0]
    assert np.allclose(naive["ratio"], 1.0) and np.allclose(naive["increment_ratio"], 1.0)


def test_published_model_hypersensitises_at_low_and_desensitises_at_high_first_dose(extremes):
    kok = priming.RUNS[0]
    isgf3 = extremes.loc[(kok, "isgf3")]
    assert isgf3["max"] == pytest.approx(2.30, abs=0.01)
    assert 1.0 < isgf3["max_at_pM"] < 10.0
    assert isgf3["min"] == pytest.approx(0.18, abs=0.01) and isgf3["min_at_pM"] == 10000.0
    assert isgf3["above_1_from_pM"] < 0.1 and 50.0 < isgf3["above_1_to_pM"] < 150.0
    assert extremes.loc[(kok, "pstat2_amount"), "max"] == pytest.approx(1.15, abs=0.01)
    assert extremes.loc[(kok, "socs1_mrna"), "max"] == pytest.approx(1.19, abs=0.01)
    assert 1.0 < extremes.loc[(kok, "pstat1_amount"), "max"] < 1.05
    for readout in ("usp18_mrna", "stat1_mrna", "stat2_mrna"):  # no priming of these peaks
        assert extremes.loc[(kok, readout), "max"] < 1.0
        assert math.isnan(extremes.loc[(kok, readout), "above_1_from_pM"])
    assert extremes.loc[(kok, "pstat1_amount"), "min"] == pytest.approx(0.052, abs=0.002)


def test_book_model_only_desensitises_under_either_exposure(extremes):
    for run in priming.RUNS[1:]:
        for readout in ("pstat1_amount", "pstat2_amount", "isgf3", "socs1_mrna", "irf9_mrna"):
            row = extremes.loc[(run, readout)]
            assert row["max"] < 1.0 and row["max_at_pM"] == pytest.approx(0.01), (run, readout)
        assert extremes.loc[(run, "isgf3"), "min"] == pytest.approx(0.12, abs=0.01)
        # the only ratio above 1: USP18 mRNA left over from the highest first dose
        assert extremes.loc[(run, "usp18_mrna"), "max"] == pytest.approx(1.06, abs=0.01)
        assert extremes.loc[(run, "usp18_mrna"), "max_at_pM"] == 10000.0


def test_increment_ratio_removes_carry_over(curves):
    book = priming.priming_extremes(curves, "increment_ratio").set_index(["run", "readout"])
    assert book.loc[(priming.RUNS[1], "usp18_mrna"), "max"] < 1.0
    assert book.loc[(priming.RUNS[0], "isgf3"), "max"] == pytest.approx(2.27, abs=0.01)


def test_reset_test_attributes_priming_to_stat2_irf9_and_usp18_socs1():
    table = priming.reset_test().set_index(["reset", "first_dose_pM", "readout"])["ratio"]
    assert table[("none", 2.8, "isgf3")] == pytest.approx(2.25, abs=0.01)
    assert table[("STAT2 and IRF9", 2.8, "isgf3")] == pytest.approx(1.0, abs=0.01)
    assert table[("none", 1400.0, "isgf3")] == pytest.approx(0.30, abs=0.01)
    assert table[("USP18 and SOCS1", 1400.0, "isgf3")] > 5.0
    assert table[("USP18 and SOCS1", 1400.0, "pstat1_amount")] > 3.0


def test_primed_state_shows_the_missing_irf9_induction():
    state = priming.primed_state(2.8)
    kok, ours = priming.RUNS[:2]
    assert state.loc["irf9", kok] == pytest.approx(20.5, abs=0.1)
    assert state.loc["irf9", ours] < 1.3
    assert state.loc["stat2", kok] > state.loc["stat2", ours] > 1.0
    assert state.loc["usp18", kok] > state.loc["usp18", ours]


@pytest.mark.parametrize(("call", "error"), [
    (lambda: priming.priming_curves([-1.0]), ValueError),
    (lambda: priming.priming_curves(["a"]), TypeError),
    (lambda: priming.priming_curves([1.0], second_at_h=40.0), ValueError),
    (lambda: priming.priming_curves([1.0], runs=["other"]), ValueError),
    (lambda: priming.reset_test([1.0], ["STAT1"]), ValueError),
    (lambda: priming.primed_state(float("nan")), ValueError),
])
def test_bad_arguments_are_refused(call, error):
    with pytest.raises(error):
        call()


def test_priming_figure_and_texts(curves):
    figure = comparison_figures.priming_figure(curves)
    assert len(figure.figure.axes) == 8
    assert all(ax.get_xscale() == "log" for ax in figure.figure.axes)
    assert "2.30" in figure.caption and figure.alt_text.endswith(figure.caption)
    texts = model_pages.priming_texts(curves, priming.reset_test(),
                                      {2.8: priming.primed_state(2.8)})
    assert texts["pr-kok-isgf3-max"] == "2.30"
    assert texts["pr-ours-isgf3-max"] == "0.99"
    assert texts["pr-reset-stat2irf9-2p8-isgf3"] == "0.99"
    assert texts["pr-state-kok-irf9-2p8"] == "20.5"
    assert "pr-ours-isgf3-from" not in texts
