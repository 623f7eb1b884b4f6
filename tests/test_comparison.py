import numpy as np
import pytest

from ifnalpha.book import comparison_figures, model_pages
from ifnalpha.model import comparison, reference


@pytest.fixture(scope="module")
def dose_frame():
    return comparison.dose_response_runs()


@pytest.fixture(scope="module")
def restim_frame():
    return comparison.restimulation()


def test_dose_response_has_both_models_all_doses_and_readouts(dose_frame):
    assert set(dose_frame["model"]) == set(comparison.MODELS)
    assert set(dose_frame["dose_pM"]) == set(comparison.DOSES_PM)
    assert set(dose_frame["readout"]) == set(comparison.SHARED_READOUTS)
    assert dose_frame["time_h"].max() == pytest.approx(32.0)


def test_no_dose_means_no_change_in_either_model(dose_frame):
    rest = dose_frame[dose_frame["dose_pM"] == 0]
    for readout, group in rest.groupby("readout"):
        baseline = 0.0 if readout == "pstat1_total" else 1.0
        assert np.allclose(group["value"], baseline, atol=1e-3), readout


def test_peak_summary_pstat1_rises_with_dose_in_both_models(dose_frame):
    table = comparison.peak_summary(dose_frame)
    for model_name in comparison.MODELS:
        rows = table[(table["model"] == model_name) & (table["readout"] == "pstat1_total")]
        peaks = rows.sort_values("dose_pM")["peak"].tolist()
        assert peaks == sorted(peaks), f"{model_name}: pSTAT1 peaks {peaks}"
        times = rows.sort_values("dose_pM")["peak_h"].tolist()
        assert times[-1] < times[0], f"{model_name}: pSTAT1 peak times {times}"


def test_desensitisation_grows_with_pre_dose_in_both_models(restim_frame):
    table = comparison.restimulation_table(restim_frame)
    for model_name in comparison.MODELS:
        ratios = table[table["model"] == model_name].sort_values("pre_dose_pM")["ratio"].tolist()
        assert ratios[0] == 1.0
        assert ratios == sorted(ratios, reverse=True), f"{model_name}: ratios {ratios}"
        assert ratios[-1] < 0.2, f"{model_name}: 1400 pM pre-dose ratio {ratios[-1]}"


def test_figures_have_one_panel_per_model_and_readout(dose_frame, restim_frame):
    figure = comparison_figures.dose_response_figure(dose_frame, ["pstat1_total", "irf9"])
    assert len(figure.figure.axes) == 4
    assert len(comparison_figures.restimulation_figure(restim_frame).figure.axes) == 2


@pytest.mark.parametrize("bad", [-1.0, float("nan"), float("inf"), "28", True])
def test_bad_doses_are_named(bad):
    with pytest.raises((TypeError, ValueError), match="doses_pM"):
        comparison.dose_response_runs([bad], hours=1)
    with pytest.raises((TypeError, ValueError), match="pre_doses_pM"):
        comparison.restimulation([bad], hours=25)


@pytest.mark.parametrize("hours", [0, -5, float("nan")])
def test_bad_hours_are_named(hours):
    with pytest.raises(ValueError, match="hours"):
        comparison.dose_response_runs([1.0], hours=hours)


def test_second_dose_outside_the_run_is_refused():
    with pytest.raises(ValueError, match="second_at_h"):
        comparison.restimulation([0.0], second_at_h=30, hours=24)


def test_model_modules_draw_nothing():
    """Drawing belongs to the book layer: no model module imports matplotlib."""
    import ast
    from pathlib import Path

    import ifnalpha.model

    for path in Path(ifnalpha.model.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not any(m.startswith("matplotlib") for m in imported), path.name


def test_unknown_readout_and_incomplete_frames_are_refused(dose_frame, restim_frame):
    with pytest.raises(ValueError, match="ifitm9"):
        comparison_figures.dose_response_figure(dose_frame, ["ifitm9"])
    with pytest.raises(ValueError, match="lacks"):
        comparison.peak_summary(dose_frame.drop(columns="readout"))
    with pytest.raises(ValueError, match="pre-dose of 0"):
        comparison.restimulation_table(restim_frame[restim_frame["pre_dose_pM"] > 0])


def test_fitted_model_texts_are_formatted_from_the_tables(dose_frame, restim_frame):
    peaks = comparison.peak_summary(dose_frame)
    restim = comparison.restimulation_table(restim_frame)
    texts = model_pages.fitted_model_texts(peaks, restim)
    row = peaks[(peaks["model"] == "Kok et al. 2020") & (peaks["dose_pM"] == 1400.0)
                & (peaks["readout"] == "pstat1_total")].iloc[0]
    assert texts["kok-pstat1_total-peak_h-1400"] == f"{row.peak_h:.2f}"
    assert texts["kok-pstat1_total-peak-1400"] == f"{row.peak:.3g}"
    ratio = restim[(restim["model"] == "book model") & (restim["pre_dose_pM"] == 2.8)]
    assert texts["ours-ratio-2p8"] == f"{ratio['ratio'].item():.2f}"
    assert texts["kok-ratio-0"] == "1.00"
    assert all(isinstance(text, str) for text in texts.values())


def test_fitted_model_texts_state_the_protocol(dose_frame, restim_frame):
    texts = model_pages.fitted_model_texts(comparison.peak_summary(dose_frame),
                                           comparison.restimulation_table(restim_frame))
    assert texts["doses"] == "0, 2.8, 28 or 1400 pM"
    assert texts["dose-1400"] == "1400 pM" and texts["dose-2p8"] == "2.8 pM"
    assert texts["hours"] == "32" and texts["second-at-h"] == "24"


def test_the_protocol_is_the_published_one():
    # declared once, in ifnalpha.model.reference; the comparison and its defaults read it
    assert comparison.DOSES_PM == (0.0, *reference.STUDY_DOSES_PM)
    assert comparison.PROTOCOL == {"second_dose_pM": reference.SECOND_DOSE_PM,
                                   "second_at_h": reference.SECOND_AT_H,
                                   "hours": reference.STUDY_HOURS}
