"""The pharmacokinetics reproduce the published numbers they are calibrated on (issue 13)."""

from __future__ import annotations

import math

import pytest

from ifnalpha.model import dosing

TABLE = dosing.pk_calibration()
# The two published numbers the model misses, each explained in its note: the accumulation of
# PEG-IFN-α2b over weekly doses (a mean of each patient's ratio; the model's clearance, fitted
# to the study's mean clearances, falls too little) and the half-life of the twelfth week
# (shorter than the eighth's although the clearance fell: a constant volume cannot do that).
KNOWN_MISS = {
    ("PEG-IFN-α2b s.c.", "accumulation (AUC), week 1 to week 8"): (1.25, 1.4),
    ("PEG-IFN-α2b s.c.", "terminal half-life, week 4"): (48.0, 56.0),
}


@pytest.mark.parametrize("row", TABLE.to_dict("records"),
                         ids=lambda r: f"{r['product']}|{r['design']}|{r['quantity']}")
def test_model_is_within_20_percent_of_each_published_number(row):
    if math.isnan(row["published"]):
        assert row["note"], "a missing published number must say why"
        return
    err = row["relative_error"]
    if (row["product"], row["quantity"]) in KNOWN_MISS:
        low, high = KNOWN_MISS[(row["product"], row["quantity"])]
        assert abs(err) > dosing.TOLERANCE and row["note"], row
        assert low < row["model"] < high, f"{row['quantity']}: model {row['model']:.3f}"
        return
    assert abs(err) <= dosing.TOLERANCE, (
        f"{row['quantity']}: published {row['published']} {row['unit']}, model "
        f"{row['model']:.3g} ({err:+.0%})")


def test_every_row_says_where_in_its_source_and_misses_are_few():
    assert TABLE["where"].str.len().gt(0).all()
    published = TABLE.dropna(subset=["published"])
    assert len(published) == 20
    assert (published["relative_error"].abs() <= dosing.TOLERANCE).sum() == 18


def test_peg_clearance_is_fitted_to_the_study_and_predicts_week_12():
    """CL0, T50 and the volume reproduce the three numbers they were fitted to (within 1 %),
    and the clearance of week 12 (not fitted) within 5 %."""
    rows = TABLE.set_index("quantity")
    for q in ("apparent clearance (CL/F), week 1", "apparent clearance (CL/F), week 8",
              "peak concentration, week 8"):
        assert abs(rows.loc[q, "relative_error"]) < 0.01, q
        assert rows.loc[q, "fitted"], q
    week12 = rows.loc["apparent clearance (CL/F), week 4"]
    assert not week12["fitted"] and abs(week12["relative_error"]) < 0.05


def test_peg_clearance_falls_in_weekly_steps_along_the_hyperbola():
    peg = dosing.PK["peg_ifn_alpha2b_sc"]
    t50 = dosing.PEG_CLEARANCE_HALVING_H
    for week in (0, 1, 7, 11, 40):
        t = week * 168.0 + 100.0  # inside the week: the step's start sets the clearance
        expected = dosing.PEG_FIRST_WEEK_HALF_LIFE_H * (1 + week * 168.0 / t50)
        assert peg.elimination_half_life_at(t) == pytest.approx(expected, rel=1e-12)
    # the half-life of week 8 is near the label's 51 h; weekly dosing stays linear in dose
    assert peg.elimination_half_life_at(7 * 168.0) == pytest.approx(51.0, rel=0.1)
    d6, d3 = (dosing.regimen("peg_induction", weeks=3, scale=None).scaled(k) for k in (1, 0.5))
    assert d3(400.0) == pytest.approx(0.5 * d6(400.0), rel=1e-12)


def test_every_source_is_in_the_bibliography():
    from pathlib import Path
    bib = (Path(__file__).resolve().parents[1] / "data" / "references.bib").read_text("utf-8")
    for key in set(TABLE["source"]) | {"intronlabel", "gupta2007"}:
        assert f"{{{key}," in bib, key


def test_unit_conversions_follow_the_labels():
    s = dosing.DEFAULT_SCALE
    assert (s.specific_activity_IU_per_mg, s.molar_mass_g_per_mol) == (2.6e8, 19271.0)
    assert s.peg_molar_mass_g_per_mol == 31000.0
    # 1 IU/mL = 1e3 IU/L / 2.6e8 IU/mg / 19271 g/mol
    assert s.pM_per_IU_per_mL() == pytest.approx(1e3 / 2.6e8 * 1e-3 / 19271 * 1e12)
    assert s.pM_per_ng_per_mL_peg() == pytest.approx(1e-6 / 31000 * 1e12)


def test_no_clinical_regimen_peaks_near_the_antiproliferative_range():
    peaks = {n: dosing.regimen(n, weeks=4).peak(0, 672) for n in dosing.REGIMENS}
    assert peaks["hdi_induction"] == pytest.approx(188, rel=0.05)
    assert peaks["hdi_maintenance"] == pytest.approx(18.4, rel=0.05)
    assert peaks["peg_induction"] == pytest.approx(134, rel=0.05)
    assert max(peaks.values()) < 300
