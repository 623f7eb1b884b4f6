"""Tests of ifnalpha.model.dosing: exposures, pharmacokinetics, regimens, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest

from ifnalpha import model
from ifnalpha.model import dosing


def test_constant_and_pulses():
    assert dosing.constant(12.5)(3.0) == 12.5
    p = dosing.pulses(100.0, [0.0, 24.0], 2.0)
    assert p(np.array([1.0, 3.0, 25.0, 26.5])).tolist() == [100.0, 0.0, 100.0, 0.0]
    assert p.breakpoints() == (0.0, 2.0, 24.0, 26.0)
    assert p.piecewise_constant


def test_half_lives_and_tmax_from_the_sources():
    iv, sc, peg = (dosing.PK[k] for k in ("ifn_alpha2b_iv", "ifn_alpha2b_sc",
                                          "peg_ifn_alpha2b_sc"))
    assert iv.elimination_half_life_h == 1.7 and iv.absorption_half_life_h is None
    assert (sc.absorption_half_life_h, sc.elimination_half_life_h) == (5.5, 2.9)
    # the first week's half-life; it lengthens as the clearance falls (Daud 2011, Table 3)
    assert 35 <= peg.elimination_half_life_h <= 46
    assert 43 <= peg.elimination_half_life_at(7 * 168.0) <= 51
    assert peg.tmax_h() == pytest.approx(24.0, abs=1e-2), f"PEG Tmax {peg.tmax_h():.3f} h"
    # Radwanski's half-lives peak at 5.7 h; a 2.3-h absorption lag puts the peak at the 8 h seen
    assert sc.tmax_h() == pytest.approx(8.0, rel=0.05), f"s.c. IFN-α2b Tmax {sc.tmax_h():.2f} h"
    assert (iv.distribution_half_life_h, iv.infusion_h) == (0.1, pytest.approx(1 / 3))


def test_iv_falls_fast_then_with_its_elimination_half_life():
    d = dosing.doses("ifn_alpha2b_iv", [0.0], 20.0)
    assert d.peak(0, 2) == pytest.approx(d(1 / 3), rel=1e-9)  # peak at the end of the infusion
    late = d(3.0 + 1.7) / d(3.0)
    assert late == pytest.approx(0.5, rel=1e-6), f"C(4.7 h)/C(3 h) = {late}"
    assert d(1.0) / d(1 / 3) < 0.6  # the distribution phase


def test_sc_ifn_alpha2b_is_near_zero_48h_after_a_dose():
    d = dosing.doses("ifn_alpha2b_sc", [0.0], 10.0)
    frac = d(48.0) / d.peak(0, 72)
    assert frac < 0.02, f"s.c. IFN-α2b at 48 h = {frac:.4f} of its peak"


@pytest.mark.parametrize("half_life_h", [43.0, 47.0, 51.0])
def test_peg_stays_above_10_percent_of_peak_through_day_7(half_life_h):
    ka_half = dosing.absorption_half_life_for_tmax(24.0, half_life_h)
    pk = dosing.PKModel("PEG", "sc", half_life_h, ka_half, "test")
    t = np.linspace(0, 168, 3361)
    c = pk.unit_profile(t)
    after_peak = c[t >= t[np.argmax(c)]]
    low = after_peak.min() / c.max()
    assert low > 0.10, f"PEG (t½ {half_life_h} h): minimum {low:.3f} of peak through day 7"


def test_weekly_peg_is_continuous_and_tiw_ifn_alpha2b_intermittent():
    peg = dosing.regimen("peg_induction", weeks=4)
    tiw = dosing.regimen("hdi_maintenance", weeks=4)
    week4 = (3 * 168.0, 4 * 168.0)
    s_peg, s_tiw = dosing.summarize(peg, *week4), dosing.summarize(tiw, *week4)
    msg = (f"week 4: PEG above 10 % of peak {s_peg.fraction_above_10pct_of_peak:.2f} of the time "
           f"(trough/peak {s_peg.trough_pM / s_peg.peak_pM:.3f}); IFN-α2b s.c. TIW "
           f"{s_tiw.fraction_above_10pct_of_peak:.2f} (trough/peak "
           f"{s_tiw.trough_pM / s_tiw.peak_pM:.4f}, "
           f"longest gap {s_tiw.longest_gap_below_10pct_h:.0f} h)")
    assert s_peg.fraction_above_10pct_of_peak == 1.0, msg
    assert s_peg.trough_pM / s_peg.peak_pM > 0.1, msg
    assert s_tiw.fraction_above_10pct_of_peak < 0.7, msg
    assert s_tiw.trough_pM / s_tiw.peak_pM < 0.01, msg
    assert s_tiw.longest_gap_below_10pct_h > 24, msg


def test_summary_counts_time_above_the_named_share_of_the_peak():
    # 100 pM for 1 h, then nothing: above THRESHOLD_OF_PEAK of the peak only during the pulse
    s = dosing.summarize(dosing.pulse(100.0, duration_h=1.0), 0.0, 10.0, n=10001)
    assert dosing.THRESHOLD_OF_PEAK == 0.1
    assert s.fraction_above_10pct_of_peak == pytest.approx(0.1, abs=1e-3)
    assert s.longest_gap_below_10pct_h == pytest.approx(9.0, abs=1e-2)


def test_regimen_schedules():
    ind = dosing.regimen("hdi_induction")
    assert len(ind.times_h) == 20 and ind.times_h[:6] == (0.0, 24.0, 48.0, 72.0, 96.0, 168.0)
    maint = dosing.regimen("hdi_maintenance")
    assert len(maint.times_h) == 3 * 48
    assert dosing.regimen("peg_induction").times_h == tuple(168.0 * w for w in range(8))
    assert "20 MU/m²" in ind.label or "20" in ind.dose_description


def test_dose_scale_is_explicit_and_linear():
    base = dosing.doses("ifn_alpha2b_iv", [0.0], 20.0)
    big = dosing.doses("ifn_alpha2b_iv", [0.0], 20.0,
                       scale=dosing.ExposureScale(volume_L_per_kg_ifn=0.1))
    assert big(1.0) == pytest.approx(7.25 * base(1.0))
    # 20 MU/m² in an adult of 1.8 m²: tens of pM at the calibrated volume
    assert 20 < base.peak(0, 2) < 200, f"{base.peak(0, 2):.0f} pM"


def test_relative_exposure_peaks_at_one():
    rel = dosing.regimen("peg_induction", weeks=2).relative()
    assert rel.peak() == pytest.approx(1.0, rel=1e-6)


def test_segment_closed_form_matches_direct_sum():
    for name in ("hdi_maintenance", "hdi_induction", "peg_induction"):
        d = dosing.regimen(name, weeks=2)
        bp = d.breakpoints()
        for a, b in zip(bp[2:6], bp[3:7], strict=True):
            f = d.segment_function(a, b)
            for t in np.linspace(a, b, 7)[1:-1]:
                assert f(t) == pytest.approx(d(t), rel=1e-9, abs=1e-12), (name, a, b, t)


def test_scaled_exposures_keep_the_fast_closed_form():
    d = dosing.regimen("hdi_maintenance", weeks=1)
    rel = d.scaled(0.5)
    a, b = d.breakpoints()[2:4]
    f = rel.segment_function(a, b)
    t = (a + b) / 2
    assert f(t) == pytest.approx(0.5 * d(t), rel=1e-12)
    p = dosing.pulse(10.0, 2.0).scaled(3.0)
    assert p.segment_function(0.0, 2.0) == 30.0


def test_regimen_drives_the_model_piecewise():
    """Doses are breakpoints: the simulation restarts the solver at each dose."""
    exp = dosing.regimen("hdi_maintenance", weeks=1)
    res = model.simulate(exp, 7 * 24, dt_h=1.0)
    assert np.allclose(res.frame["ifn_pM"], exp(res.frame.index.to_numpy()))
    assert res.frame["antiviral"].max() > 0.5


@pytest.mark.parametrize(
    ("call", "needle"),
    [
        (lambda: dosing.constant(-1.0), "conc_pM"),
        (lambda: dosing.constant(math.nan), "conc_pM"),
        (lambda: dosing.constant("5"), "conc_pM"),
        (lambda: dosing.pulse(10.0, duration_h=0.0), "duration_h"),
        (lambda: dosing.pulse(10.0, duration_h=math.inf), "duration_h"),
        (lambda: dosing.pulse(10.0, start_h=-1.0), "starts_h"),
        (lambda: dosing.pulses(10.0, [0.0, 1.0], 2.0), "overlap"),
        (lambda: dosing.pulses(10.0, [], 2.0), "starts_h"),
        (lambda: dosing.pulses(10.0, "0,1", 2.0), "starts_h"),
        (lambda: dosing.doses("aspirin", [0.0], 1.0), "product"),
        (lambda: dosing.doses("ifn_alpha2b_sc", [0.0, -2.0], 1.0), "times_h"),
        (lambda: dosing.doses("ifn_alpha2b_sc", [0.0], -1.0), "dose"),
        (lambda: dosing.doses("ifn_alpha2b_sc", [0.0, 1.0], [1.0]), "dose"),
        (lambda: dosing.doses("ifn_alpha2b_sc", [0.0], 1.0, scale="big"), "scale"),
        (lambda: dosing.regimen("weekly_aspirin"), "name"),
        (lambda: dosing.regimen("peg_induction", weeks=0), "weeks"),
        (lambda: dosing.regimen("peg_induction", weeks=2.5), "weeks"),
        (lambda: dosing.ExposureScale(volume_L_per_kg_ifn=0.0), "volume_L_per_kg_ifn"),
        (lambda: dosing.summarize(dosing.constant(1.0), 5.0, 1.0), "t1_h"),
        (lambda: dosing.constant(1.0).scaled(-2.0), "factor"),
        (lambda: dosing.constant(0.0).relative(), "zero"),
        (lambda: dosing.PKModel("x", "im", 2.0, None, ""), "route"),
        (lambda: dosing.PKModel("x", "sc", 2.0, None, ""), "absorption_half_life_h"),
        (lambda: dosing.PKModel("x", "sc", 2.0, 2.0, ""), "absorption_half_life_h"),
        (lambda: dosing.PKModel("x", "iv", -2.0, None, ""), "elimination_half_life_h"),
    ],
)
def test_bad_input_raises(call, needle):
    with pytest.raises((TypeError, ValueError), match=needle):
        call()


def test_peg_falling_clearance_matches_a_numerical_solution():
    """The weekly-stepped closed form equals an ODE solve of depot and plasma (3 weeks)."""
    from scipy.integrate import solve_ivp
    d = dosing.regimen("peg_induction", weeks=3)
    pk, decline = d.pk, d.pk.clearance_decline
    ka = pk.ka_per_h

    def rhs(t, y):
        k = pk.ke_per_h * decline.factor_at(t)
        return [-ka * y[0], ka * y[0] - k * y[1]]

    y, t0 = [0.0, 0.0], 0.0
    for w, amount in enumerate(d.amounts_pM):
        y[0] += amount
        t_eval = np.linspace(w * 168.0, (w + 1) * 168.0, 8)[:-1] + 1e-6
        sol = solve_ivp(rhs, (t0, (w + 1) * 168.0 - 1e-9), y, t_eval=t_eval, rtol=1e-10,
                        atol=1e-12)
        assert np.allclose(sol.y[1], d(t_eval), rtol=1e-6), w
        y, t0 = list(sol.y[:, -1]), (w + 1) * 168.0
        y = list(solve_ivp(rhs, (t_eval[-1], t0 - 1e-9), y, rtol=1e-10, atol=1e-12).y[:, -1])
