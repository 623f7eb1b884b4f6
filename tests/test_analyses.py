"""The numbers behind the model figures: computed without drawing, checked against the model."""

from __future__ import annotations

import math

import numpy as np
import pytest

from ifnalpha import model
from ifnalpha.model import analyses, dose_analyses


def test_time_course_numbers_are_read_from_the_simulation():
    result = model.simulate(100.0, 24)
    a = analyses.summarize_time_course(result)
    f = result.frame
    assert a.data is f
    assert a.numbers["pstat1_peak_fraction"] == f["pstat1_total"].max()
    assert a.numbers["pstat1_peak_h"] == f["pstat1_total"].idxmax()
    assert a.numbers["ifitm1_final_fold"] == f["ifitm1"].iloc[-1]
    assert a.marks == {"ifn_peak_pM": 100.0, "ifn_constant": 1.0, "span_h": 24.0}


def test_time_course_needs_a_simulation():
    with pytest.raises(TypeError, match="`result`"):
        analyses.summarize_time_course(model.simulate(1.0, 1).frame)


def test_acute_and_chronic_windows():
    a = analyses.acute_chronic_phases(100.0, hours=72)
    assert a.marks == {"acute_until_h": analyses.ACUTE_WINDOW_H, "chronic_from_h": 48.0,
                       "end_h": 72.0}
    chronic = a.data.loc[48.0:, "ifitm1"]
    assert a.numbers["ifitm1_chronic_fold"] == pytest.approx(chronic.mean())
    assert a.curves is not None and a.curves["pstat1_of_peak"].max() == pytest.approx(1.0)
    # review A, Fig. 1b: pSTAT1 fades while U-ISGF3 and the robust ISG stay up
    assert a.numbers["pstat1_chronic_over_peak"] < 0.5
    assert a.numbers["u_isgf3_chronic_fold"] > a.numbers["u_isgf3_acute_fold"]


def test_short_runs_start_the_chronic_window_at_a_day():
    a = analyses.acute_chronic_phases(100.0, hours=36)
    assert a.marks["chronic_from_h"] == analyses.CHRONIC_WINDOW_H


def test_jak_inhibitor_lowers_the_tunable_isg_more_than_ifitm1():
    plain = analyses.acute_chronic_phases(100.0).numbers
    jak = analyses.acute_chronic_phases(100.0, jak_inhibition=0.9).numbers
    kept_tunable = jak["final_tunable_fold"] / plain["final_tunable_fold"]
    kept_ifitm1 = jak["final_ifitm1_fold"] / plain["final_ifitm1_fold"]
    assert kept_tunable < kept_ifitm1 < 1.0 + 1e-9


@pytest.mark.parametrize(
    ("kwargs", "error", "needle"),
    [
        ({"jak_inhibition": 0.5, "inhibitor_from_h": 100.0}, ValueError, "`inhibitor_from_h`"),
        ({"jak_inhibition": 1.5}, ValueError, "`jak_inhibition`"),
        ({"washout_at_h": 0.0}, ValueError, "`washout_at_h`"),
        ({"hours": "72"}, TypeError, "`hours`"),
    ],
)
def test_acute_chronic_checks_its_arguments(kwargs, error, needle):
    with pytest.raises(error, match=needle):
        analyses.acute_chronic_phases(100.0, **kwargs)


def test_perturbation_table_rows_and_reference_ratios():
    conditions = {"wt": {}, "KO": {"ifnar1_null": True}, "USP18 kd": {"usp18_knockdown": 0.8}}
    a = analyses.perturbation_table(100.0, hours=24, conditions=conditions)
    assert list(a.data.index) == list(conditions)
    assert a.data.loc["KO", "pstat1_auc"] == 0.0
    assert a.numbers["reference"] == "wt"
    assert a.numbers["wt:pstat1_auc_vs_ref"] == 1.0
    assert a.numbers["USP18_kd:pstat1_auc_vs_ref"] > 1.0
    with pytest.raises(ValueError, match="`conditions`"):
        analyses.perturbation_table(conditions={})


def test_default_conditions_start_with_wild_type():
    assert next(iter(analyses.DEFAULT_CONDITIONS)) == "wild type"
    for pert in analyses.DEFAULT_CONDITIONS.values():
        assert set(pert) <= set(model.PERTURBATIONS)


def test_perturbed_cell_against_wild_type():
    a = analyses.perturbation_vs_wild_type(100.0, {"stat1_null": True}, hours=24)
    assert set(a.data.index.get_level_values("cell")) == {"wild type", "perturbed"}
    assert a.numbers["pstat1_auc_perturbed"] == 0.0
    assert a.numbers["pstat1_auc_ratio"] == 0.0


def test_departure_from_rest_reads_the_run():
    a = analyses.departure_from_rest({"usp18_knockdown": 0.8}, ["usp18", "ifitm1"],
                                     dose_pM=100.0, hours=24)
    f = a.data
    assert f.equals(model.simulate(100.0, 24, {"usp18_knockdown": 0.8}).frame)
    assert a.numbers["largest_change"] == (f[["usp18", "ifitm1"]] - 1).abs().max().max()
    assert a.numbers["ifitm1_final"] == f["ifitm1"].iloc[-1]
    assert set(a.numbers) == {"largest_change", "usp18_final", "ifitm1_final"}


def test_phospho_dead_stat2_makes_no_brakes():
    # antitumour-mechanism page: without pSTAT2 no ISGF3, so no USP18 or SOCS1 is induced
    a = analyses.departure_from_rest({"stat2_y690f": True}, ("usp18", "socs1"), hours=48)
    assert a.numbers["largest_change"] < 1e-6
    wt = analyses.departure_from_rest({}, ("usp18", "socs1"), hours=48)
    assert wt.numbers["largest_change"] > 0.5


def test_a_stat1_null_cell_rests_below_the_unperturbed_rest():
    rest = analyses.departure_from_rest({"stat1_null": True}, ("ifitm1",), dose_pM=0.0,
                                        hours=48)
    assert 0 < rest.numbers["ifitm1_final"] < 1
    assert rest.numbers["largest_change"] == pytest.approx(1 - rest.numbers["ifitm1_final"])
    assert rest.data["ifn_pM"].eq(0).all()
    unperturbed = analyses.departure_from_rest({}, ("ifitm1",), dose_pM=0.0, hours=48)
    assert unperturbed.numbers["largest_change"] < 1e-9


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "needle"),
    [
        (([], ["ifitm1"]), {}, TypeError, "`perturbations`"),
        (({}, []), {}, ValueError, "`readouts`"),
        (({}, "ifitm1"), {}, ValueError, "`readouts`"),
        (({}, ["antiviral"]), {}, ValueError, r"`readouts\[0\]`"),
        (({}, ["ifitm1"]), {"dose_pM": -1.0}, ValueError, "`dose_pM`"),
        (({}, ["ifitm1"]), {"hours": 0.0}, ValueError, "`hours`"),
    ],
)
def test_departure_from_rest_checks_its_arguments(args, kwargs, error, needle):
    with pytest.raises(error, match=needle):
        analyses.departure_from_rest(*args, **kwargs)


def test_regimen_runs_summarise_the_last_week():
    a = analyses.regimen_runs(("hdi_maintenance", "peg_induction"), weeks=2)
    assert a.marks == {"hours": 336.0}
    for name in ("hdi_maintenance", "peg_induction"):
        f = a.data.loc[name]
        last = f.index >= 168.0
        assert a.numbers[f"{name}:tunable_min_last_week"] == f["tunable_isg"][last].min()
        assert a.curves is not None
        assert a.curves.loc[name, "ifn_of_peak"].max() == pytest.approx(1.0)
        assert 0 < a.numbers[f"{name}:trough_over_peak"] < 1
    assert (a.numbers["peg_induction:tunable_min_last_week"]
            > a.numbers["hdi_maintenance:tunable_min_last_week"])


@pytest.mark.parametrize(
    ("regimens", "weeks", "error", "needle"),
    [
        ((), 1, ValueError, "`regimens`"),
        ("peg_induction", 1, ValueError, "`regimens`"),
        (("nope",), 1, ValueError, r"`regimens\[0\]`"),
        (("peg_induction",), 0, ValueError, "`weeks`"),
        (("peg_induction",), 1.0, TypeError, "`weeks`"),
    ],
)
def test_regimen_runs_check_their_arguments(regimens, weeks, error, needle):
    with pytest.raises(error, match=needle):
        analyses.regimen_runs(regimens, weeks=weeks)


def test_dose_time_grid_finds_its_maximum():
    a = dose_analyses.dose_time_grid("ifitm1", doses_pM=[1, 10, 100, 1000], hours=24)
    assert a.data.shape == (4, 25)
    i, j = np.unravel_index(np.argmax(a.data.to_numpy()), a.data.shape)
    assert a.numbers["max_at_dose_pM"] == a.data.index[i]
    assert a.numbers["max_at_h"] == a.data.columns[j]
    final = a.data.iloc[:, -1]
    assert a.numbers["final_min"] == final.min() and a.numbers["final_max"] == final.max()
    half = final.min() + (final.max() - final.min()) / 2
    assert a.numbers["lowest_dose_reaching_half_range_pM"] == final[final >= half].index[0]


@pytest.mark.parametrize(
    ("kwargs", "error", "needle"),
    [
        ({"readout": "ifn_pM"}, ValueError, "`readout`"),
        ({"doses_pM": [10.0]}, ValueError, "at least 2 doses"),
        ({"doses_pM": [0.0, 1.0]}, ValueError, r"`doses_pM\[0\]`"),
        ({"doses_pM": "1, 10"}, TypeError, "`doses_pM`"),
    ],
)
def test_dose_time_grid_checks_its_arguments(kwargs, error, needle):
    with pytest.raises(error, match=needle):
        dose_analyses.dose_time_grid(**{"readout": "ifitm1", **kwargs})


def test_half_max_dose_interpolates_on_a_log_scale():
    assert dose_analyses.half_max_dose([1.0, 100.0], [0.0, 1.0]) == pytest.approx(10.0)
    assert dose_analyses.half_max_dose([1.0, 10.0], [0.6, 1.0]) == 1.0
    assert math.isnan(dose_analyses.half_max_dose([1.0, 10.0], [0.0, 0.0]))


def test_cell_state_dose_response_separates_the_two_states():
    a = dose_analyses.cell_state_dose_response(72.0)
    assert list(a.data.columns) == ["antiviral", "antiproliferative"]
    assert a.data.shape == (31, 2)
    ratio = a.numbers["antiproliferative_ec50_pM"] / a.numbers["antiviral_ec50_pM"]
    assert a.numbers["ec50_ratio"] == pytest.approx(ratio)
    assert 100 < ratio < 1000
    with pytest.raises(ValueError, match="at least 3 doses"):
        dose_analyses.cell_state_dose_response(doses_pM=[1.0, 2.0])


def test_irf9_raises_the_unphosphorylated_share():
    a = dose_analyses.irf9_isre_share(doses_pM=[1, 100, 10000], irf9_folds=[1, 5, 10], hours=24)
    assert a.data.shape == (3, 3)
    assert ((a.data >= 0) & (a.data <= 1)).all().all()
    assert a.numbers["share_high_irf9_high_dose"] > a.numbers["share_low_irf9_high_dose"]
    with pytest.raises(ValueError, match=r"`irf9_folds\[0\]`"):
        dose_analyses.irf9_isre_share(irf9_folds=[0.0])


def test_analyses_import_no_drawing():
    import ast
    from pathlib import Path

    for module in (analyses, dose_analyses):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert not any(n.startswith(("matplotlib", "ifnalpha.book")) for n in names), names
