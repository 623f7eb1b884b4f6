"""The pharmacokinetics reproduce the published numbers they are calibrated on (issue 13)."""

from __future__ import annotations

import math

import pytest

from ifnalpha.model import dosing

TABLE = dosing.pk_calibration()
# The one published number a linear model with the reported half-life cannot reproduce: the
# accumulation of PEG-IFN-α2b over weekly doses (clearance falls with repeated dosing).
KNOWN_MISS = {("PEG-IFN-α2b s.c.", "accumulation, week 1 to week 8")}


@pytest.mark.parametrize("row", TABLE.to_dict("records"),
                         ids=lambda r: f"{r['product']}|{r['design']}|{r['quantity']}")
def test_model_is_within_20_percent_of_each_published_number(row):
    if math.isnan(row["published"]):
        assert row["note"], "a missing published number must say why"
        return
    err = row["relative_error"]
    if (row["product"], row["quantity"]) in KNOWN_MISS:
        assert abs(err) > dosing.TOLERANCE and row["note"], row
        assert 1.05 < row["model"] < 1.2, f"model accumulation {row['model']:.3f}"
        return
    assert abs(err) <= dosing.TOLERANCE, (
        f"{row['quantity']}: published {row['published']} {row['unit']}, model "
        f"{row['model']:.3g} ({err:+.0%})")


def test_every_source_is_in_the_bibliography():
    from pathlib import Path
    bib = (Path(__file__).resolve().parents[1] / "data" / "references.bib").read_text("utf-8")
    for key in set(TABLE["source"]) | {"intronlabel", "gupta2006"}:
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
    assert peaks["peg_induction"] == pytest.approx(141, rel=0.05)
    assert max(peaks.values()) < 300
