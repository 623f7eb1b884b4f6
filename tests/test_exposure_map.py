"""The dose × duration plane and the reach factors behind "Two faces" (issue 13)."""

from __future__ import annotations

import math

import pytest

from ifnalpha.book import two_faces
from ifnalpha.model import exposure_map as em


def test_antiviral_needs_far_less_than_antiproliferative():
    n = em.exposure_plane().numbers
    assert n["antiviral_lowest_dose_week_pM"] < 10
    assert n["antiproliferative_lowest_dose_day_pM"] >= 500
    # sustained exposure desensitises: the antiproliferative boundary does not fall over weeks
    assert n["antiproliferative_lowest_dose_end_pM"] >= n["antiproliferative_lowest_dose_week_pM"]


def test_every_regimen_needs_more_exposure_and_peg_comes_closest():
    a = em.reach_factors()
    d = a.data
    assert (d["exposure_factor"] > 1).all() and (d["threshold_factor"] > 1).all()
    assert (d["antiproliferative_max"] < em.STATE_ON).all()
    assert d["exposure_factor"].idxmin() == "peg_induction"
    assert 3 < d.loc["peg_induction", "exposure_factor"] < 8
    assert d.loc["hdi_induction", "exposure_factor"] > 50


def test_chronic_setting_is_the_thousandfold_reading():
    s = em.chronic_setting(780.0)
    assert s.conc_pM == pytest.approx(0.78) and s.low_pM < s.conc_pM < s.high_pM
    assert "book's reading" in s.reading
    with pytest.raises(ValueError, match="antiproliferative_pM"):
        em.chronic_setting(0.0)


def test_page_texts_match_the_statements():
    t = two_faces.two_faces_texts()
    assert t["tf-ap-ec50"] == "780 pM"
    assert t["tf-hdi-induction-peak"] == "190 pM" and t["tf-peg-induction-peak"] == "130 pM"
    assert t["tf-n-within"] == "18" and t["tf-n-published"] == "20"
    assert (t["tf-accumulation-model"], t["tf-accumulation-published"]) == ("1.31", "1.7")
    assert t["tf-accumulation-of-means"] == "1.43"
    assert not any(v in ("nan", "none") for v in t.values()) or math.isnan(0.0)
