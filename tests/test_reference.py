"""Tests of ifnalpha.model.reference: the Kok et al. (2020) model run with libRoadRunner."""

from __future__ import annotations

import hashlib
import math
import re

import libsbml
import numpy as np
import pandas as pd
import pytest

from ifnalpha.model import reference
from ifnalpha.paths import data_dir

DOSES_PM = (2.8, 28.0, 1400.0)
#: Re-stimulation ratios reported in the curation README (libRoadRunner 2.10, CVODE).
README_RATIOS = {0.0: 1.00, 2.8: 0.89, 28.0: 0.46, 1400.0: 0.09}


@pytest.fixture(scope="module")
def single() -> dict[float, reference.ReferenceResult]:
    return {dose: reference.simulate_reference(dose, hours=32.0) for dose in (0.0, *DOSES_PM)}


@pytest.fixture(scope="module")
def ratios() -> dict[float, float]:
    return {dose: reference.restimulation_ratio(dose) for dose in README_RATIOS}


# --- the file -------------------------------------------------------------------------------


def test_sbml_reads_without_errors():
    document = libsbml.readSBMLFromFile(str(reference.model_path()))
    errors = [
        document.getError(i).getMessage()
        for i in range(document.getNumErrors())
        if document.getError(i).getSeverity() >= libsbml.LIBSBML_SEV_ERROR
    ]
    assert errors == [], f"libsbml reports {len(errors)} errors: {errors[:3]}"
    model = document.getModel()
    assert (model.getNumSpecies(), model.getNumReactions()) == (41, 75)


def test_files_match_the_checksums_in_the_readme():
    folder = data_dir() / "models"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for name in ("Kok2020_BIOMD0000000959.xml", "Kok2020_BIOMD0000000959.sedml"):
        digest = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        row = re.search(rf"`{re.escape(name)}`.*`([0-9a-f]{{64}})`", readme)
        assert row, f"{name} has no checksum row in data/models/README.md"
        assert row.group(1) == digest, f"{name}: sha256 {digest} differs from the README"


def test_model_loads_once_and_is_cached():
    rr = reference.load_model()
    assert rr is reference.load_model()
    assert len(rr.model.getFloatingSpeciesIds()) == 41


def test_readout_expressions_name_only_model_species():
    species = set(reference.load_model().model.getFloatingSpeciesIds())
    for name, readout in reference.KOK_READOUTS.items():
        names = set(re.findall(r"[A-Za-z_]\w*", readout.expression))
        assert names <= species, f"{name}: unknown species {sorted(names - species)}"
    table = reference.kok_readout_table()
    assert list(table.index) == list(reference.KOK_READOUTS)


def test_dose_mapping_reproduces_the_curation_points():
    for pm, units in ((2.8, 100.0), (28.0, 1000.0), (1400.0, 50000.0)):
        assert reference.pM_to_model_units(pm) == pytest.approx(units, rel=1e-12)
        assert reference.model_units_to_pM(units) == pytest.approx(pm, rel=1e-12)


# --- shape of the result --------------------------------------------------------------------


def test_frame_has_the_tidy_shape_of_the_book_model(single):
    result = single[28.0]
    frame = result.frame
    assert frame.index.name == "time_h"
    assert list(frame.columns) == list(reference.KOK_READOUTS)
    assert frame.index[0] == 0.0 and frame.index[-1] == 32.0 and len(frame) == 3201
    assert frame.index.is_unique and frame.index.is_monotonic_increasing
    assert all(dtype == np.float64 for dtype in frame.dtypes)
    assert np.isfinite(frame.to_numpy()).all()
    assert result.species.index.equals(frame.index)
    assert result.doses == ((0.0, 28.0),)


def test_readouts_start_at_their_baseline_conventions(single):
    start = single[1400.0].frame.iloc[0]
    assert start["ifn_pM"] == pytest.approx(1400.0, rel=1e-12)
    for name in ("pstat1_total", "pstat2_total", "isgf3", "aaf"):
        assert start[name] == 0.0, f"{name} at 0 h is {start[name]}, expected 0"
    for name, readout in reference.KOK_READOUTS.items():
        if readout.scale == "baseline":
            assert start[name] == pytest.approx(1.0, abs=1e-12), f"{name} at 0 h is {start[name]}"


def test_fractions_stay_between_0_and_1(single):
    for dose, result in single.items():
        for name in ("pstat1_total", "pstat2_total"):
            values = result.frame[name]
            assert values.between(0.0, 1.0).all(), (
                f"{name} at {dose} pM leaves [0, 1]: {values.min()}..{values.max()}"
            )


def test_pstat1_total_is_the_curation_sum_over_total_stat1(single):
    result = single[28.0]
    pstat1 = result.amount(reference.KOK_READOUTS["pstat1_total"].expression)
    total = result.amount(reference.KOK_READOUTS["stat1"].expression)
    assert np.allclose(result.frame["pstat1_total"], pstat1 / total, rtol=1e-12)
    baseline_total = reference.baseline()["stat1_total"]
    assert baseline_total == pytest.approx(486300 + 48630)
    assert np.allclose(result.frame["stat1"], total / baseline_total, rtol=1e-12)


def test_ifn_is_consumed_not_clamped(single):
    ifn = single[2.8].frame["ifn_pM"]
    assert (np.diff(ifn.to_numpy()) <= 1e-12).all(), "free IFN rose without a new dose"
    assert ifn.iloc[-1] < 0.5 * ifn.iloc[0], f"2.8 pM fell only to {ifn.iloc[-1]:.3f} pM in 32 h"


def test_runs_are_deterministic_and_independent():
    first = reference.simulate_reference(28.0, hours=8.0).frame
    reference.double_treatment(1400.0)  # leaves the cached model in another state
    reference.load_model().setValue("IFN", 123.0)
    second = reference.simulate_reference(28.0, hours=8.0).frame
    pd.testing.assert_frame_equal(first, second, check_exact=True)


# --- behaviour ------------------------------------------------------------------------------


def test_unstimulated_state_is_steady(single):
    species = single[0.0].species
    start = species.iloc[0]
    scale = start.where(start > 0, 1.0)
    change = ((species - start).abs() / scale).max()
    worst = change.idxmax()
    assert change.max() < 1e-3, (
        f"without IFN {worst} moves by {change.max():.2e} (relative) over 32 h"
    )
    frame = single[0.0].frame
    assert (frame["pstat1_total"] == 0.0).all()


def test_pstat1_peaks_earlier_and_higher_with_dose(single):
    peaks = {dose: reference.peak(single[dose].frame, "pstat1_total") for dose in DOSES_PM}
    report = ", ".join(f"{d} pM: {t:.2f} h, {v:.4f}" for d, (t, v) in peaks.items())
    times = [peaks[d][0] for d in DOSES_PM]
    heights = [peaks[d][1] for d in DOSES_PM]
    assert times[0] > times[1] > times[2], f"peak times not ordered by dose: {report}"
    assert heights[0] < heights[1] < heights[2], f"peak heights not ordered by dose: {report}"
    # The curation README: ~2.3 h (2.8 pM), ~2.1 h (28 pM), ~0.2 h (1400 pM).
    for dose, expected in zip(DOSES_PM, (2.3, 2.1, 0.2), strict=True):
        assert abs(peaks[dose][0] - expected) <= 0.15, f"{dose} pM peak off the README: {report}"


def test_usp18_mrna_peaks_as_in_the_readme(single):
    # The curation README: USP18 mRNA peaks at ~8.5-9 h, 5x, 19x and 37x baseline.
    for dose, fold in zip(DOSES_PM, (5.0, 19.0, 37.0), strict=True):
        time_h, value = reference.peak(single[dose].frame, "usp18_mrna")
        assert 8.0 <= time_h <= 9.5, f"USP18 mRNA at {dose} pM peaks at {time_h:.2f} h"
        assert value == pytest.approx(fold, rel=0.1), f"USP18 mRNA at {dose} pM peaks {value:.1f}x"


def test_desensitisation_grows_with_the_pre_dose(ratios):
    report = ", ".join(f"{d} pM: {r:.3f}" for d, r in ratios.items())
    values = [ratios[d] for d in README_RATIOS]
    assert values[0] == pytest.approx(1.0, abs=1e-12), report
    assert all(a > b for a, b in zip(values, values[1:], strict=False)), (
        f"re-stimulation peaks do not fall with the pre-dose: {report}"
    )
    assert ratios[1400.0] < 0.2, f"1400 pM pre-dose does not desensitise: {report}"
    for dose, expected in README_RATIOS.items():
        assert ratios[dose] == pytest.approx(expected, abs=0.02), (
            f"ratio after {dose} pM differs from the README's {expected}: {report}"
        )


def test_fraction_basis_desensitises_more_than_molecules(ratios):
    for dose in (2.8, 28.0, 1400.0):
        fraction = reference.restimulation_ratio(dose, basis="fraction")
        assert fraction < ratios[dose], (
            f"after {dose} pM the fraction ratio {fraction:.3f} is not below the molecule "
            f"ratio {ratios[dose]:.3f} although total STAT1 has risen"
        )


def test_double_treatment_adds_the_second_dose():
    pre = reference.simulate_reference(28.0, hours=24.0).frame
    added = reference.double_treatment(28.0)
    replaced = reference.double_treatment(28.0, mode="replace")
    frame = added.frame
    assert frame.index.is_unique and frame.index[-1] == 32.0
    before = pre["ifn_pM"].iloc[-1]
    assert frame.loc[24.0, "ifn_pM"] == pytest.approx(before + 1400.0, rel=1e-9)
    assert replaced.frame.loc[24.0, "ifn_pM"] == pytest.approx(1400.0, rel=1e-12)
    early = frame.loc[frame.index < 24.0]
    pd.testing.assert_frame_equal(early, pre.loc[pre.index < 24.0], rtol=1e-9)
    assert added.doses == ((0.0, 28.0), (24.0, 1400.0))


def test_no_pre_dose_reproduces_a_shifted_single_dose():
    naive = reference.double_treatment(0.0).frame
    single = reference.simulate_reference(1400.0, hours=8.0).frame
    shifted = naive.loc[naive.index >= 24.0]
    # Equal up to the slow drift of the unstimulated state (< 1e-3 over 24 h).
    assert np.allclose(shifted.to_numpy(), single.to_numpy(), rtol=1e-3, atol=1e-7)


def test_peak_with_a_window():
    frame = pd.DataFrame({"x": [0.0, 3.0, 1.0, 2.0]}, index=pd.Index([0.0, 1.0, 2.0, 3.0]))
    assert reference.peak(frame, "x") == (1.0, 3.0)
    assert reference.peak(frame, "x", start_h=1.5) == (3.0, 2.0)
    assert reference.peak(frame, "x", end_h=0.5) == (0.0, 0.0)
    assert all(type(v) is float for v in reference.peak(frame, "x"))


def test_peak_table_is_tidy():
    table = reference.peak_table([1400.0], ["pstat1_total", "usp18_mrna"], hours=12.0)
    assert list(table.columns) == ["dose_pM", "readout", "peak_time_h", "peak_value"]
    assert table["readout"].tolist() == ["pstat1_total", "usp18_mrna"]


# --- bad input ------------------------------------------------------------------------------

BAD_NUMBERS = [-1.0, math.nan, math.inf, -math.inf, "1", True, None]
#: ifnalpha.checks raises TypeError for a wrong type and ValueError for a bad value.
BAD_INPUT = (TypeError, ValueError)


@pytest.mark.parametrize("value", BAD_NUMBERS)
def test_bad_dose_is_refused(value):
    with pytest.raises(BAD_INPUT, match=rf"ifn_pM.*{re.escape(repr(value))}"):
        reference.simulate_reference(value)


@pytest.mark.parametrize("value", [*BAD_NUMBERS, 0.0])
def test_bad_hours_is_refused(value):
    with pytest.raises(BAD_INPUT, match=rf"hours.*{re.escape(repr(value))}"):
        reference.simulate_reference(1.0, hours=value)


@pytest.mark.parametrize("value", [1, 0, 2.5, "10", True])
def test_bad_n_points_is_refused(value):
    with pytest.raises(BAD_INPUT, match=rf"n_points.*{re.escape(repr(value))}"):
        reference.simulate_reference(1.0, hours=1.0, n_points=value)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"pre_dose_pM": -2.8}, "pre_dose_pM"),
        ({"pre_dose_pM": math.nan}, "pre_dose_pM"),
        ({"pre_dose_pM": 1.0, "second_dose_pM": math.inf}, "second_dose_pM"),
        ({"pre_dose_pM": 1.0, "second_at_h": 0.0}, "second_at_h"),
        ({"pre_dose_pM": 1.0, "second_at_h": 32.0}, "second_at_h"),
        ({"pre_dose_pM": 1.0, "second_at_h": math.nan}, "second_at_h"),
        ({"pre_dose_pM": 1.0, "hours": -1.0}, "hours"),
        ({"pre_dose_pM": 1.0, "mode": "swap"}, "mode"),
    ],
)
def test_bad_double_treatment_is_refused(kwargs, name):
    with pytest.raises(BAD_INPUT, match=name):
        reference.double_treatment(**kwargs)


def test_bad_ratio_arguments_are_refused():
    with pytest.raises(ValueError, match="pre_dose_pM.*-1"):
        reference.restimulation_ratio(-1.0)
    with pytest.raises(ValueError, match="basis.*'molecules'"):
        reference.restimulation_ratio(1.0, basis="molecules")
    with pytest.raises(ValueError, match="second_dose_pM.*0.0"):
        reference.restimulation_ratio(1.0, second_dose_pM=0.0)


def test_unknown_readout_is_refused(single):
    with pytest.raises(ValueError, match="column.*'pstat3'"):
        reference.peak(single[2.8].frame, "pstat3")
    with pytest.raises(ValueError, match="column.*'pstat3'"):
        reference.peak_table([2.8], ["pstat3"])
    with pytest.raises(ValueError, match="no time points"):
        reference.peak(single[2.8].frame, "isgf3", start_h=40.0)
    with pytest.raises(ValueError, match="start_h.*nan"):
        reference.peak(single[2.8].frame, "isgf3", start_h=math.nan)


def test_bad_expression_is_refused(single):
    with pytest.raises(ValueError, match="unknown species"):
        single[2.8].amount("STAT3c + 1")
    with pytest.raises(ValueError, match="may only hold"):
        single[2.8].amount("__import__('os')")
    with pytest.raises(ValueError, match="not valid arithmetic"):
        single[2.8].amount("STAT1c +")
