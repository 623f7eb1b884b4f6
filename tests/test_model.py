"""Tests of ifnalpha.model: the brief's acceptance behaviours, steady state, numerics, bad input.

Each acceptance test prints what it measured in its assertion message. A few "negative control"
tests show that the acceptance tests can fail: with the responsible mechanism switched off, the
measured effect disappears.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from ifnalpha import model
from ifnalpha.model import core as _core
from ifnalpha.model import dosing, parameters
from ifnalpha.model import spec as _spec

REQUIRED_COLUMNS = [
    "ifn_pM", "pstat1_total", "pstat2_total", "isgf3", "u_isgf3", "aaf", "socs1", "usp18",
    "stat1", "stat2", "irf9", "ifitm1", "tunable_isg", "irf1", "antiviral", "antiproliferative",
]


def peak_time(series: pd.Series, until_h: float | None = None) -> float:
    s = series if until_h is None else series[series.index <= until_h]
    return float(s.idxmax())


# --- structure and API ----------------------------------------------------------------------


def test_frame_has_required_columns_units_and_time_index():
    res = model.simulate(100.0, hours=6)
    missing = [c for c in REQUIRED_COLUMNS if c not in res.frame.columns]
    assert not missing, f"missing columns {missing}"
    assert res.frame.index.name == "time_h"
    assert res.frame.index[0] == 0.0 and res.frame.index[-1] == 6.0
    assert np.allclose(np.diff(res.frame.index), 0.1)
    f = res.frame
    for col in ("pstat1_total", "pstat2_total", "antiviral", "antiproliferative"):
        assert f[col].between(0, 1).all(), f"{col} outside [0, 1]: {f[col].min()}..{f[col].max()}"
    rest = f.iloc[0]
    for col in ("socs1", "usp18", "stat1", "stat2", "irf9", "ifitm1", "tunable_isg", "irf1"):
        assert rest[col] == pytest.approx(1.0, abs=1e-12), f"{col} at rest = {rest[col]}"
    for col in ("isgf3", "aaf", "pstat1_total", "antiviral", "antiproliferative"):
        assert rest[col] == pytest.approx(0.0, abs=1e-12), f"{col} at rest = {rest[col]}"
    assert set(model.READOUTS) == set(res.frame.columns)


def test_readouts_keep_the_contract_relative_to_rest():
    """Every readout declared relative to rest is 1 in the resting cell; the others say why."""
    rest = model.simulate(0.0, hours=1).frame.iloc[0]
    assert list(model.READOUTS) == list(rest.index)
    for name, readout in model.READOUTS.items():
        assert isinstance(readout, model.Readout) and readout.name == name
        assert readout.label and readout.meaning and readout.unit, name
        assert readout.gene == readout.gene.upper().strip(), f"{name}: gene {readout.gene!r}"
        if readout.relative_to_rest:
            assert readout.unit == "relative to rest", name
            assert rest[name] == pytest.approx(1.0, abs=1e-12), f"{name} at rest = {rest[name]}"
        else:
            assert readout.kind in ("input", "fraction", "complex", "activity", "state"), name
            assert readout.unit != "relative to rest", name
    assert {name for name, r in model.READOUTS.items() if not r.relative_to_rest} == {
        "ifn_pM", "pstat1_total", "pstat2_total", "isgf3", "aaf", "antiviral",
        "antiproliferative", "receptor_active", "isre_phospho", "isre_unphospho"}
    genes = {r.gene for r in model.READOUTS.values()} - {""}
    assert genes == {"STAT1", "STAT2", "IRF9", "SOCS1", "USP18", "IFITM1", "IRF1"}
    assert model.readout_table().loc["socs1_mrna", "gene"] == "SOCS1"


def test_readouts_are_computed_from_their_declared_expressions():
    """The generated readout function agrees with evaluating each declaration directly."""
    from ifnalpha.model.expressions import evaluator

    res = model.simulate(300.0, hours=24, perturbations={"irf9_overexpression": 2.0}, dt_h=1.0)
    p, _ = _core.constants(parameters.resolve(None), {"irf9_overexpression": 2.0})
    env = {name: res.states[name].to_numpy() for name in model.STATE_NAMES}
    env.update(zip(_core.CONSTANT_NAMES, p, strict=True))
    env["ifn_pM"] = res.frame["ifn_pM"].to_numpy()
    for name, expr, _ in _spec.ASSIGNMENTS + _spec.READOUT_TERMS:
        f, _needed = evaluator(expr)
        env[name] = f(env)
    for name, readout in model.READOUTS.items():
        f, _needed = evaluator(readout.expression)
        expected = np.broadcast_to(f(env), res.frame[name].shape)
        assert np.allclose(res.frame[name], expected, rtol=1e-12, atol=0), name


def test_output_grid_dt_h():
    res = model.simulate(10.0, hours=5, dt_h=0.5)
    assert list(res.frame.index) == [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0]
    res = model.simulate(10.0, hours=1, dt_h=0.3)  # does not divide: steps shrink to fit
    assert res.frame.index[-1] == 1.0 and np.diff(res.frame.index).max() <= 0.3 + 1e-12


def test_unstimulated_state_is_a_true_steady_state():
    rest = np.array(model.rest_state().values)
    p, _ = _core.constants(parameters.resolve(None), {})
    deriv = np.abs(_core.compiled().rhs(rest.tolist(), p, 0.0)).max()
    assert deriv < 1e-14, f"max |dy/dt| at rest = {deriv:.3g}"
    # over three weeks nothing moves beyond a small fraction of the solver's tolerance (1e-6)
    res = model.simulate(0.0, hours=500, dt_h=5.0)
    drift = np.abs(res.states.to_numpy() - rest).max()
    assert drift < 1e-7, f"with no IFN the states moved by up to {drift:.3g}"
    # readouts relative to rest magnify the drift of small pools (U-ISGF3 is 0.026 S1₀ at rest)
    moved = (res.frame.drop(columns="ifn_pM") - res.frame.drop(columns="ifn_pM").iloc[0]).abs()
    assert moved.to_numpy().max() < 5e-7, f"readouts moved by {moved.to_numpy().max():.3g}"


@pytest.mark.parametrize(
    "pert",
    [
        {"usp18_knockdown": 0.8},
        {"socs1_knockdown": 0.5},
        {"jak_inhibition": 0.9},
        {"irf9_overexpression": 5.0},
        {"stat1_overexpression": 3.0, "stat2_overexpression": 2.0},
        {"stat1_null": True},
        {"ifnar1_null": True},
        {"stat1_y701f": True},
        {"stat2_y690f": True},
    ],
)
def test_perturbed_resting_states_are_steady(pert):
    start = model.steady_state(pert)
    res = model.simulate(0.0, hours=200, perturbations=pert, dt_h=10.0)
    drift = np.abs(res.states.to_numpy() - np.array(start.values)).max()
    assert drift < 1e-7, f"{pert}: resting state drifted by {drift:.3g}"
    assert min(start.values) >= 0


def test_continuation_from_final_state_matches_one_long_run():
    one = model.simulate(300.0, hours=48, dt_h=1.0)
    first = model.simulate(300.0, hours=24, dt_h=1.0)
    second = model.simulate(300.0, hours=24, start=first.final_state, dt_h=1.0)
    assert second.frame.index[0] == 24.0 and second.frame.index[-1] == 48.0
    a = one.frame.loc[48.0, ["pstat1_total", "u_isgf3", "ifitm1", "usp18"]].to_numpy()
    b = second.frame.loc[48.0, ["pstat1_total", "u_isgf3", "ifitm1", "usp18"]].to_numpy()
    assert np.allclose(a, b, rtol=1e-4, atol=1e-7), f"one run {a} vs continued {b}"


def test_restimulation_after_a_strong_predose_is_desensitised():
    """Kok et al. 2020: high-dose pre-stimulation desensitises a second stimulation at 24 h."""
    peaks = {}
    for pre in (0.0, 1400.0):
        first = model.simulate(pre, hours=24, dt_h=1.0)
        second = model.simulate(1400.0, hours=4, start=first.final_state, dt_h=0.02)
        peaks[pre] = float(second.frame["pstat1_total"].max())
    ratio = peaks[1400.0] / peaks[0.0]
    assert ratio < 0.5, f"re-stimulation pSTAT1 peak after 1400 pM = {ratio:.2f} of naive {peaks}"


def test_states_never_negative_under_harsh_inputs():
    exposure = dosing.pulses(1e5, [0.0, 5.0, 30.0], 0.5)
    pert = {"usp18_knockdown": 1.0, "socs1_knockdown": 1.0, "irf9_overexpression": 20.0}
    for ifn in (1e5, exposure, dosing.regimen("hdi_induction", weeks=1)):
        res = model.simulate(ifn, hours=72, perturbations=pert, dt_h=0.5)
        low = res.states.to_numpy().min()
        assert low >= 0.0, f"a state went negative ({low}) for {ifn}"


def test_positivity_by_construction_every_consumption_vanishes_with_its_substrate():
    """Each reaction that consumes a species has a rate that is zero when that species is zero,
    so the vector field never points out of the non-negative orthant."""
    rng = np.random.default_rng(7)
    p, rest = _core.constants(parameters.resolve(None), {})
    comp = _core.compiled()
    for _ in range(5):
        y = rest * rng.uniform(0.2, 5.0, rest.size) + rng.uniform(0.0, 0.1, rest.size)
        for k, name in enumerate(model.STATE_NAMES):
            z = y.copy()
            z[k] = 0.0
            rates = comp.rates(z.tolist(), p, 300.0)
            for r, v in zip(model.reaction_table().index, rates, strict=True):
                stoich = next(x.stoichiometry for x in _spec.REACTIONS if x.id == r)
                if stoich.get(name, 0) < 0:
                    assert v == 0.0, f"{r} consumes {name} at rate {v} when {name} = 0"


def test_analytic_jacobian_matches_finite_differences():
    rng = np.random.default_rng(1)
    p, rest = _core.constants(parameters.resolve(None), {"jak_inhibition": 0.3})
    comp = _core.compiled()
    jac = _core._dense_jacobian(comp)
    for _ in range(3):
        y = rest * rng.uniform(0.5, 3.0, rest.size) + rng.uniform(0, 0.05, rest.size)
        analytic = jac(y.tolist(), p, 250.0)
        numeric = np.empty_like(analytic)
        for k in range(y.size):
            h = 1e-6 * max(1.0, abs(y[k]))
            up, down = y.copy(), y.copy()
            up[k] += h
            down[k] -= h
            numeric[:, k] = (np.array(comp.rhs(up.tolist(), p, 250.0))
                             - np.array(comp.rhs(down.tolist(), p, 250.0))) / (2 * h)
        err = np.abs(analytic - numeric).max() / max(1.0, np.abs(numeric).max())
        assert err < 1e-6, f"Jacobian relative error {err:.3g}"


def test_sweep_matches_single_simulations():
    doses = [0.0, 3.0, 300.0]
    sw = model.sweep(doses, 48, perturbation="irf9_overexpression", values=[1.0, 4.0], dt_h=2.0)
    table = sw.at("ifitm1", 48)
    assert table.shape == (2, 3)
    for v in (1.0, 4.0):
        for d in doses:
            single = model.simulate(d, 48, perturbations={"irf9_overexpression": v}, dt_h=2.0)
            a, b = single.frame.loc[48.0, "ifitm1"], table.loc[v, d]
            assert a == pytest.approx(b, rel=1e-4), f"dose {d}, IRF9 ×{v}: single {a} sweep {b}"


def test_callable_input_and_exposure_agree_with_constant():
    const = model.simulate(50.0, 12, dt_h=0.5).frame["ifitm1"]
    via_callable = model.simulate(lambda t: 50.0, 12, dt_h=0.5).frame["ifitm1"]
    via_exposure = model.simulate(dosing.constant(50.0), 12, dt_h=0.5).frame["ifitm1"]
    assert np.allclose(const, via_callable, rtol=1e-5)
    assert np.allclose(const, via_exposure, rtol=1e-12)


def test_pulse_is_integrated_piecewise_even_between_output_points():
    """A 6-minute pulse between two output points (1 h apart) must not be stepped over."""
    res = model.simulate(dosing.pulse(1000.0, duration_h=0.1, start_h=10.45), 24, dt_h=1.0)
    assert res.frame["ifn_pM"].max() == 0.0  # the pulse falls between output points
    assert res.frame["isgf3"].max() > 1e-3, "the solver stepped over the pulse"


# --- acceptance behaviours (the brief) ------------------------------------------------------


def test_pstat1_peaks_within_15_to_90_min_earlier_at_higher_dose_and_halves_by_6h():
    measured = {}
    for dose in (100.0, 1000.0, 10000.0):
        f = model.simulate(dose, hours=8, dt_h=0.01).frame["pstat1_total"]
        t_peak, peak = float(f.idxmax()), float(f.max())
        measured[dose] = (round(t_peak * 60, 1), round(peak, 3), round(float(f.loc[6.0]) / peak, 3))
    msg = "dose pM: (peak min, peak fraction, pSTAT1(6 h)/peak) = " + repr(measured)
    assert all(15 <= m[0] <= 90 for m in measured.values()), msg
    times = [m[0] for m in measured.values()]
    assert times[0] > times[1] > times[2], msg
    assert all(m[2] <= 0.5 for m in measured.values()), msg


def test_isg_mrnas_peak_at_4_to_9_h_and_usp18_protein_later():
    measured = {}
    for dose in (100.0, 1000.0):
        f = model.simulate(dose, hours=72, dt_h=0.05).frame
        usp18_peak_h = peak_time(f["usp18"], until_h=24)
        measured[dose] = {
            "tunable_isg_h": peak_time(f["tunable_isg"]),
            "usp18_mrna_h": peak_time(f["usp18_mrna"]),
            "usp18_protein_h": usp18_peak_h,
            "usp18_protein_72h_over_peak": round(float(f["usp18"].iloc[-1]
                                                       / f["usp18"].loc[usp18_peak_h]), 3),
            "irf9_mrna_h": peak_time(f["irf9_mrna"]),
            "tunable_fold": round(float(f["tunable_isg"].max()), 2),
        }
    msg = f"measured: {measured}"
    for m in measured.values():
        assert 4 <= m["tunable_isg_h"] <= 9, msg
        assert 4 <= m["usp18_mrna_h"] <= 9, msg
        assert m["usp18_protein_h"] >= 12, msg
        assert m["usp18_protein_72h_over_peak"] < 1, msg
        assert m["tunable_fold"] > 2, msg


def _usp18_knockdown_effect(dose: float, params: dict | None = None) -> dict[str, float]:
    wt = model.simulate(dose, 24, params=params, dt_h=0.05).frame["pstat1_total"]
    kd = model.simulate(dose, 24, perturbations={"usp18_knockdown": 0.8}, params=params,
                        dt_h=0.05).frame["pstat1_total"]
    late = wt.index >= 8
    return {
        "wt_8_24": float(wt[late].mean()), "kd_8_24": float(kd[late].mean()),
        "wt_auc": float(np.trapezoid(wt, wt.index)), "kd_auc": float(np.trapezoid(kd, kd.index)),
    }


def test_usp18_knockdown_prolongs_signalling():
    for dose in (100.0, 1000.0):
        m = _usp18_knockdown_effect(dose)
        msg = f"{dose} pM, 80 % USP18 knockdown: {m}"
        assert m["kd_8_24"] > 1.5 * m["wt_8_24"], msg
        assert m["kd_auc"] > 1.2 * m["wt_auc"], msg


def test_negative_control_usp18_knockdown_does_nothing_without_usp18_action():
    m = _usp18_knockdown_effect(1000.0, params={"usp18_block": 0.0})
    ratio = m["kd_auc"] / m["wt_auc"]
    assert ratio == pytest.approx(1.0, abs=1e-3), f"with usp18_block = 0: {m}"


def _jak_inhibitor_after_chronic(dose: float, fraction: float, params=None) -> dict[str, float]:
    chronic = model.simulate(dose, 48, params=params, dt_h=1.0)
    treated = model.simulate(dose, 24, start=chronic.final_state, params=params,
                             perturbations={"jak_inhibition": fraction}, dt_h=1.0)
    before, after = chronic.frame.iloc[-1], treated.frame.iloc[-1]
    out = {}
    for key, col in (("pstat1", "pstat1_total"), ("tunable", "tunable_isg"),
                     ("ifitm1", "ifitm1"), ("u_isgf3", "u_isgf3")):
        out[f"{key}_before"] = float(before[col])
        out[f"{key}_after"] = float(after[col])
    return out


def test_jak_inhibitor_on_chronic_exposure_spares_robust_isgs():
    m = _jak_inhibitor_after_chronic(100.0, 0.95)
    tunable_kept = (m["tunable_after"] - 1) / (m["tunable_before"] - 1)
    robust_kept = (m["ifitm1_after"] - 1) / (m["ifitm1_before"] - 1)
    msg = (f"100 pM for 48 h, then JAK inhibition 0.95 for 24 h: {m}; induction kept: "
           f"tunable {tunable_kept:.2f}, IFITM1 {robust_kept:.2f}")
    assert m["pstat1_after"] < 0.5 * m["pstat1_before"], msg
    assert tunable_kept < 0.5, msg
    assert m["ifitm1_after"] > 1.5, msg
    assert robust_kept > 0.6, msg


def test_negative_control_robust_isgs_fall_without_u_isgf3():
    params = {"w_u_isgf3": 0.0}
    m = _jak_inhibitor_after_chronic(100.0, 0.95, params=params)
    robust_kept = (m["ifitm1_after"] - 1) / (m["ifitm1_before"] - 1)
    assert robust_kept < 0.6, f"with U-ISGF3 inactive IFITM1 should fall: kept {robust_kept:.2f}"


def test_raised_stat1_stat2_irf9_without_ifn_induce_robust_not_tunable_isgs():
    start = model.rest_state()
    pert = {"stat1_overexpression": 3.0, "stat2_overexpression": 3.0, "irf9_overexpression": 3.0}
    f = model.simulate(0.0, 72, perturbations=pert, start=start, dt_h=1.0).frame
    msg = (f"3-fold STAT1, STAT2, IRF9, no IFN, 72 h: IFITM1 {f['ifitm1'].iloc[-1]:.3f}, "
           f"tunable {f['tunable_isg'].iloc[-1]:.6f}, U-ISGF3 {f['u_isgf3'].iloc[0]:.4f} -> "
           f"{f['u_isgf3'].iloc[-1]:.4f}, pSTAT1 max {f['pstat1_total'].max():.2g}")
    assert f["ifitm1"].iloc[-1] > 2.0, msg
    assert abs(f["tunable_isg"].iloc[-1] - 1.0) < 1e-6, msg
    assert f["pstat1_total"].max() < 1e-12, msg


def test_stat1_null_cells_still_induce_robust_isgs_through_stat2_irf9():
    null = {"stat1_null": True}
    base = model.simulate(0.0, 72, perturbations=null, dt_h=1.0).frame
    raised = model.simulate(0.0, 72, perturbations={**null, "stat2_overexpression": 3.0,
                                                    "irf9_overexpression": 3.0},
                            start=model.steady_state(null), dt_h=1.0).frame
    ifn = model.simulate(1000.0, 72, perturbations=null, dt_h=1.0).frame
    b, r, i = (float(x["ifitm1"].iloc[-1]) for x in (base, raised, ifn))
    msg = (f"STAT1-null IFITM1: resting {b:.3f}; STAT2+IRF9 ×3 without IFN {r:.3f}; "
           f"1000 pM IFN {i:.3f}; stat1 total {float(raised['stat1'].iloc[-1]):.3g}")
    assert float(raised["stat1"].max()) < 1e-9, msg
    assert r > 1.5 * b, msg
    assert i > 1.2 * b, msg


def test_one_hour_pulse_gives_antiviral_but_no_antiproliferative_state():
    dose = 10000.0
    pulse = model.simulate(dosing.pulse(dose, duration_h=1.0), 72, dt_h=0.5).frame
    cont = model.simulate(dose, 72, dt_h=0.5).frame
    msg = (f"{dose:g} pM: 1-h pulse antiviral max {pulse['antiviral'].max():.3f}, "
           f"antiproliferative max {pulse['antiproliferative'].max():.4f}; continuous "
           f"antiviral {cont['antiviral'].iloc[-1]:.3f}, antiproliferative "
           f"{cont['antiproliferative'].iloc[-1]:.3f} at 72 h")
    assert pulse["antiviral"].max() > 0.5, msg
    assert pulse["antiproliferative"].max() < 0.05, msg
    assert cont["antiproliferative"].iloc[-1] > 0.5, msg


def test_negative_control_fast_commitment_lets_a_pulse_arrest_cells():
    params = {"k_antiproliferative": 5.0}
    pulse = model.simulate(dosing.pulse(10000.0, duration_h=1.0), 72, params=params, dt_h=0.1)
    peak = float(pulse.frame["antiproliferative"].max())
    assert peak > 0.5, f"with commitment in minutes a 1-h pulse reaches {peak:.3f}"


def half_max_dose(doses: np.ndarray, y: np.ndarray) -> float:
    half = y.max() / 2
    j = int(np.argmax(y >= half))
    assert j > 0, "response already half-maximal at the lowest dose"
    return float(np.exp(np.interp(half, y[j - 1 : j + 1], np.log(doses[j - 1 : j + 1]))))


def test_half_maximal_doses_of_antiviral_and_antiproliferative_differ_100_to_1000_fold():
    doses = np.logspace(-1, 5, 31)
    sw = model.sweep(doses, 72, dt_h=6.0)
    av = sw.readout("antiviral")[0, :, -1]
    ap = sw.readout("antiproliferative")[0, :, -1]
    ec_av, ec_ap = half_max_dose(doses, av), half_max_dose(doses, ap)
    ratio = ec_ap / ec_av
    msg = (f"72 h continuous: antiviral EC50 {ec_av:.3g} pM (max {av.max():.2f}), "
           f"antiproliferative EC50 {ec_ap:.3g} pM (max {ap.max():.2f}), ratio {ratio:.0f}")
    assert 100 <= ratio <= 1000, msg
    assert av.max() > 0.8 and ap.max() > 0.8, msg
    assert 100 <= ec_ap <= 3000, msg  # Lavoie et al. 2011: antiproliferative EC50 0.1–1.5 nM


def test_loss_of_pathway_parts_blunts_the_response():
    wt = model.simulate(1000.0, 24, dt_h=0.5).frame
    measured = {"wt": (float(wt["isgf3"].max()), float(wt["tunable_isg"].max()))}
    for pert in ("ifnar1_null", "stat1_y701f", "stat2_y690f", "stat1_null"):
        f = model.simulate(1000.0, 24, perturbations={pert: True}, dt_h=0.5).frame
        measured[pert] = (float(f["isgf3"].max()), float(f["tunable_isg"].max()))
    msg = f"(max ISGF3, max tunable ISG) at 1000 pM: {measured}"
    for pert in ("ifnar1_null", "stat1_y701f", "stat2_y690f", "stat1_null"):
        assert measured[pert][0] < 1e-12, msg
        assert measured[pert][1] < 0.5 * measured["wt"][1], msg
    aaf = model.simulate(1000.0, 6, perturbations={"stat2_y690f": True}, dt_h=0.5).frame
    assert aaf["aaf"].max() > 0, "STAT2-Y690F should still allow AAF"
    arrest = {}
    for pert in ({}, {"stat1_null": True}, {"stat1_y701f": True}, {"stat2_y690f": True},
                 {"ifnar1_null": True}):
        f = model.simulate(10000.0, 72, perturbations=pert, dt_h=2.0).frame
        arrest[next(iter(pert), "wt")] = round(float(f["antiproliferative"].iloc[-1]), 4)
    msg = f"antiproliferative state after 72 h at 10 nM: {arrest}"
    assert arrest["wt"] > 0.5, msg
    assert all(v < 0.05 for k, v in arrest.items() if k != "wt"), msg


def test_high_irf9_shifts_transcription_towards_u_isgf3():
    """Review A [34]: high IRF9 may switch the balance from ISGF3 to U-ISGF3."""
    share = {}
    for fold in (1.0, 5.0):
        f = model.simulate(100.0, 72, perturbations={"irf9_overexpression": fold}, dt_h=1.0)
        last = f.frame.iloc[-1]
        share[fold] = float(last["isre_unphospho"]
                            / (last["isre_unphospho"] + last["isre_phospho"]))
    assert share[5.0] > share[1.0] + 0.05, f"unphosphorylated share of ISRE activity: {share}"


def test_perturbations_document_a_review_claim():
    for name, pert in model.PERTURBATIONS.items():
        assert pert.kind in {"fraction", "fold", "flag"}
        assert "review A" in pert.claim or "review B" in pert.claim, name
        assert "[" in pert.claim, f"{name}: claim should cite the review's reference numbers"


def test_parameter_table_is_complete_and_sourced():
    table = model.parameter_table()
    assert list(table.columns) == ["name", "value", "unit", "lower", "upper", "meaning", "source"]
    for name, row in table.iterrows():
        src = row["source"]
        assert src.startswith("assumption: ") or any(ch.isdigit() for ch in src), name
    rates = " ".join(model.reaction_table()["rate"])
    unused = [n for n in table.index if n not in rates and n not in {
        "receptor_kd_pM", "receptor_koff_per_h", "stat2_total_rest", "irf9_total_rest",
        "antiviral_k", "antiviral_n", "ap_readout_k", "ap_readout_n", "usp18_block",
        "socs1_block", "w_pstat2_irf9", "w_u_isgf3", "w_ustat2_irf9", "k_isre", "k_gas",
        "ap_k", "ap_gate_k", "ap_n"}]
    assert not unused, f"parameters not used by any rate law: {unused}"
    assert "d(u_isgf3)/dt" in model.equations_markdown()


def test_params_override_changes_the_result():
    a = model.simulate(100.0, 24, dt_h=1.0).frame["usp18"].iloc[-1]
    b = model.simulate(100.0, 24, params={"fmax_usp18": 5.0}, dt_h=1.0).frame["usp18"].iloc[-1]
    assert b < a, f"fmax_usp18 5 gave USP18 {b} vs default {a}"


def test_results_are_deterministic():
    a = model.simulate(dosing.regimen("hdi_maintenance", weeks=1), 72, dt_h=1.0).frame
    b = model.simulate(dosing.regimen("hdi_maintenance", weeks=1), 72, dt_h=1.0).frame
    pd.testing.assert_frame_equal(a, b)


# --- bad input ------------------------------------------------------------------------------

#: ifnalpha.checks raises TypeError for a wrong type and ValueError for a bad value.
BAD_INPUT = (TypeError, ValueError)

BAD_IFN = [-1.0, math.nan, math.inf, -math.inf, "100", None, True, [1.0, 2.0]]


@pytest.mark.parametrize("ifn", BAD_IFN)
def test_bad_ifn_raises(ifn):
    with pytest.raises(BAD_INPUT, match="ifn"):
        model.simulate(ifn, 1.0)


@pytest.mark.parametrize("value", [-5.0, math.nan, math.inf])
def test_callable_returning_bad_values_raises(value):
    with pytest.raises(BAD_INPUT, match="ifn"):
        model.simulate(lambda t: value, 1.0)


@pytest.mark.parametrize("hours", [0, -1.0, math.nan, math.inf, "24", None, True])
def test_bad_hours_raises(hours):
    with pytest.raises(BAD_INPUT, match="hours"):
        model.simulate(10.0, hours)


@pytest.mark.parametrize("dt_h", [0, -0.1, math.nan, math.inf, "0.1", 1e-9])
def test_bad_dt_raises(dt_h):
    with pytest.raises(BAD_INPUT, match="dt_h"):
        model.simulate(10.0, 10.0, dt_h=dt_h)


@pytest.mark.parametrize(
    ("pert", "needle"),
    [
        ({"usp18_knockdwn": 0.5}, "usp18_knockdwn"),
        ({"usp18_knockdown": 1.5}, "usp18_knockdown"),
        ({"socs1_knockdown": -0.1}, "socs1_knockdown"),
        ({"jak_inhibition": math.nan}, "jak_inhibition"),
        ({"jak_inhibition": "0.5"}, "jak_inhibition"),
        ({"irf9_overexpression": 0.5}, "irf9_overexpression"),
        ({"stat1_overexpression": math.inf}, "stat1_overexpression"),
        ({"stat2_overexpression": True}, "stat2_overexpression"),
        ({"stat1_null": 1}, "stat1_null"),
        ({"ifnar1_null": "yes"}, "ifnar1_null"),
        ({"stat1_y701f": None}, "stat1_y701f"),
        ({"stat2_y690f": 0.0}, "stat2_y690f"),
        (["usp18_knockdown"], "perturbations"),
    ],
)
def test_bad_perturbations_raise(pert, needle):
    with pytest.raises(BAD_INPUT, match=needle):
        model.simulate(10.0, 1.0, perturbations=pert)


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"not_a_parameter": 1.0}, "not_a_parameter"),
        ({"k_deg_usp18": -1.0}, "k_deg_usp18"),
        ({"k_deg_usp18": math.nan}, "k_deg_usp18"),
        ({"k_deg_usp18": "fast"}, "k_deg_usp18"),
        ({"antiviral_n": 2.5}, "antiviral_n"),
        ([("k_deg_usp18", 1.0)], "params"),
    ],
)
def test_bad_params_raise(params, needle):
    with pytest.raises(BAD_INPUT, match=needle):
        model.simulate(10.0, 1.0, params=params)


@pytest.mark.parametrize(
    "start",
    [
        "rest",
        (1.0, 2.0),
        model.ModelState(0.0, (1.0,) * 3),
        model.ModelState(0.0, (-1.0,) + (1.0,) * (len(model.STATE_NAMES) - 1)),
        model.ModelState(math.nan, (1.0,) * len(model.STATE_NAMES)),
    ],
)
def test_bad_start_raises(start):
    with pytest.raises(BAD_INPUT, match="start"):
        model.simulate(10.0, 1.0, start=start)


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"doses_pM": [1.0, -1.0]}, "doses_pM"),
        ({"doses_pM": "1,2"}, "doses_pM"),
        ({"doses_pM": []}, "doses_pM"),
        ({"doses_pM": [1.0], "hours": -1}, "hours"),
        ({"doses_pM": [1.0], "perturbation": "stat1_null", "values": [1]}, "perturbation"),
        ({"doses_pM": [1.0], "perturbation": "irf9_overexpression"}, "values"),
        ({"doses_pM": [1.0], "perturbation": "irf9_overexpression", "values": [0.5]},
         "irf9_overexpression"),
        ({"doses_pM": [1.0], "values": [2.0]}, "values"),
        ({"doses_pM": [1.0], "dt_h": 0}, "dt_h"),
        ({"doses_pM": [1.0], "perturbations": {"stat1_nul": True}}, "stat1_nul"),
        ({"doses_pM": [1.0], "params": {"k_deg_stat1": -1.0}}, "k_deg_stat1"),
        ({"doses_pM": [math.nan]}, "doses_pM"),
    ],
)
def test_bad_sweep_arguments_raise(kwargs, needle):
    kwargs = {"hours": 1.0, **kwargs}
    with pytest.raises(BAD_INPUT, match=needle):
        model.sweep(**kwargs)


def test_bad_sweep_result_queries_raise():
    sw = model.sweep([1.0, 10.0], 2.0, dt_h=1.0)
    with pytest.raises(BAD_INPUT, match="name"):
        sw.readout("nonsense")
    with pytest.raises(BAD_INPUT, match="time_h"):
        sw.at("ifitm1", -1.0)


def test_result_summary_is_plain_floats():
    s = model.simulate(100.0, 24).summary()
    assert s and all(type(v) is float for v in s.values())
    assert 0.25 <= s["pstat1_total_peak_h"] <= 1.5


def test_bad_steady_state_arguments_raise():
    with pytest.raises(BAD_INPUT, match="bogus"):
        model.steady_state({"bogus": 1})
    with pytest.raises(BAD_INPUT, match="bogus"):
        model.rest_state({"bogus": 1.0})
    with pytest.raises(BAD_INPUT, match="jak_inhibition"):
        model.steady_state({"jak_inhibition": 2.0})
