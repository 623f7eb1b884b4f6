"""Numerical core of the signalling model: constants, resting state, right-hand side, solver.

Public entry points live in :mod:`ifnalpha.model`; this module holds the machinery they share.
The model is educational and qualitative, not clinical guidance.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

import numpy as np
from scipy.integrate import odeint
from scipy.optimize import brentq, root

from ifnalpha.model import parameters as _parameters
from ifnalpha.model.codegen import CompiledModel, compile_model, compile_readouts
from ifnalpha.model.spec import (
    ASSIGNMENTS,
    DERIVED,
    PERTURBATION_FACTORS,
    REACTIONS,
    READOUT_TERMS,
    READOUTS,
    STATE_NAMES,
)

N_STATES = len(STATE_NAMES)
IDX = {name: i for i, name in enumerate(STATE_NAMES)}
PARAMETER_NAMES: tuple[str, ...] = tuple(_parameters.default_values())
CONSTANT_NAMES: tuple[str, ...] = (
    PARAMETER_NAMES + tuple(d[0] for d in DERIVED) + tuple(f[0] for f in PERTURBATION_FACTORS)
)
CONST_IDX = {name: i for i, name in enumerate(CONSTANT_NAMES)}

#: Solver tolerances (LSODA through scipy.integrate.odeint).
RTOL = 1e-6
ATOL = 1e-10
#: A state below -NEGATIVE_TOL (in its own units) is reported as a solver failure; smaller
#: round-off undershoots are set to zero.
NEGATIVE_TOL = 1e-7


@lru_cache(maxsize=1)
def compiled() -> CompiledModel:
    """Return the compiled right-hand side and Jacobian (built once per process)."""
    return compile_model(
        STATE_NAMES,
        CONSTANT_NAMES,
        [(name, expr) for name, expr, _ in ASSIGNMENTS],
        [(r.id, r.stoichiometry, r.rate) for r in REACTIONS],
    )


def rest_complexes(total_stat2: float, total_irf9: float, kd_s2i9: float, kd_u: float):
    """Free and complexed U-STAT1, U-STAT2, IRF9 at rest, given totals (total STAT1 = 1).

    Solves ``T1 = s1 + u``, ``T2 = s2 + c + u``, ``T9 = i9 + c + u`` with
    ``c = s2 i9 / kd_s2i9`` (STAT2–IRF9) and ``u = s1 c / kd_u`` (U-ISGF3).

    Returns
    -------
    tuple of float
        ``(s1, s2, i9, c, u)`` in S1₀.
    """
    t1 = 1.0
    cap = min(total_stat2, total_irf9)

    def parts(s1: float) -> tuple[float, float, float, float]:
        u = t1 - s1
        c = u * kd_u / s1
        return u, c, total_stat2 - c - u, total_irf9 - c - u

    def g(s1: float) -> float:  # complexes minus what STAT2/IRF9 allow; decreasing in s1
        u, c, _, _ = parts(s1)
        return c + u - cap

    lo = brentq(g, 1e-300, t1, xtol=1e-300, rtol=1e-15) if g(1e-300) > 0 else 0.0

    def h(s1: float) -> float:
        u, c, s2, i9 = parts(s1)
        return s2 * i9 / kd_s2i9 - c

    s1 = brentq(h, lo + (t1 - lo) * 1e-15, t1, xtol=1e-16, rtol=1e-15)
    u, c, s2, i9 = parts(s1)
    return s1, s2, i9, c, u


@lru_cache(maxsize=64)
def _base_constants(param_items: tuple[tuple[str, float], ...]) -> tuple[tuple[float, ...], tuple]:
    v = dict(param_items)
    s1, s2, i9, c, u = rest_complexes(
        v["stat2_total_rest"], v["irf9_total_rest"], v["kd_stat2_irf9"], v["kd_u_isgf3"]
    )
    isre_u = v["w_u_isgf3"] * (u + v["w_ustat2_irf9"] * c)
    derived = {
        "k_on": v["receptor_koff_per_h"] / v["receptor_kd_pM"],
        "k_off": v["receptor_koff_per_h"],
        "ksyn_stat1": v["k_deg_stat1"] * s1,
        "ksyn_stat2": v["k_deg_stat2"] * s2,
        "ksyn_irf9": v["k_deg_irf9"] * i9,
        "occ_robust_rest": isre_u / (v["k_isre"] + isre_u),
        "u_isgf3_rest": u,
        "stat2_irf9_rest": c,
    }
    values = tuple(v[n] for n in PARAMETER_NAMES) + tuple(derived[d[0]] for d in DERIVED)
    rest = np.ones(N_STATES)
    for name, val in {
        "receptor_active": 0.0, "ustat1": s1, "ustat2": s2, "irf9_free": i9, "ustat2_irf9": c,
        "u_isgf3": u, "pstat1_pstat2": 0.0, "isgf3": 0.0, "aaf": 0.0, "pstat2_irf9": 0.0,
        "antiproliferative_signal": 0.0,
    }.items():
        rest[IDX[name]] = val
    rest = _newton_polish(rest, values + perturbation_factors({}))
    # the readouts' normalisers (no rate law uses them) from the polished state, so that
    # u_isgf3 and stat2_irf9 are 1 at rest to the last digit
    derived["u_isgf3_rest"] = float(rest[IDX["u_isgf3"]])
    derived["stat2_irf9_rest"] = float(rest[IDX["ustat2_irf9"]] + rest[IDX["pstat2_irf9"]])
    values = tuple(v[n] for n in PARAMETER_NAMES) + tuple(derived[d[0]] for d in DERIVED)
    return values, tuple(rest)


def _newton_polish(y: np.ndarray, p: tuple[float, ...], steps: int = 3) -> np.ndarray:
    """Refine a resting state with Newton steps on the full right-hand side (IFN = 0).

    The closed-form resting state is exact in real arithmetic; in floating point the binding
    equilibria leave residuals of ~1e-15 that a stiff solver turns into drifts of ~1e-9 over
    weeks. Two or three Newton steps remove them.
    """
    model = compiled()
    jac = _dense_jacobian(model)
    for _ in range(steps):
        f = np.array(model.rhs(y.tolist(), p, 0.0))
        if np.abs(f).max() == 0.0:
            break
        step = np.linalg.lstsq(jac(y.tolist(), p, 0.0), f, rcond=None)[0]
        y = np.maximum(y - step, 0.0)
    return np.where(y < 1e-18, 0.0, y)


def perturbation_factors(pert: Mapping[str, float | bool]) -> tuple[float, ...]:
    """Map validated perturbations to the factors the rate laws use (PERTURBATION_FACTORS)."""
    f = {
        "jak_activity": 1.0 - float(pert.get("jak_inhibition", 0.0)),
        "usp18_expression": 1.0 - float(pert.get("usp18_knockdown", 0.0)),
        "socs1_expression": 1.0 - float(pert.get("socs1_knockdown", 0.0)),
        "stat1_gene": 0.0 if pert.get("stat1_null", False) else 1.0,
        "ifnar1_present": 0.0 if pert.get("ifnar1_null", False) else 1.0,
        "stat1_phosphorylatable": 0.0 if pert.get("stat1_y701f", False) else 1.0,
        "stat2_phosphorylatable": 0.0 if pert.get("stat2_y690f", False) else 1.0,
        "stat1_extra": float(pert.get("stat1_overexpression", 1.0)) - 1.0,
        "stat2_extra": float(pert.get("stat2_overexpression", 1.0)) - 1.0,
        "irf9_extra": float(pert.get("irf9_overexpression", 1.0)) - 1.0,
    }
    return tuple(f[name] for name, _ in PERTURBATION_FACTORS)


def constants(params: dict[str, float], pert: Mapping) -> tuple[tuple[float, ...], np.ndarray]:
    """Return the constant vector (parameters, derived, perturbation) and the WT rest state."""
    base, rest = _base_constants(tuple(sorted(params.items())))
    items = {name: params[name] for name in PARAMETER_NAMES}
    values = tuple(items[n] for n in PARAMETER_NAMES) + base[len(PARAMETER_NAMES):]
    return values + perturbation_factors(pert), np.array(rest)


# --- right-hand side wrappers ---------------------------------------------------------------


def _dense_jacobian(model: CompiledModel):
    rows = np.array([i for i, _ in model.jac_index])
    cols = np.array([k for _, k in model.jac_index])
    entries = model.jac_entries

    def jac(y, p, u):
        out = np.zeros((N_STATES, N_STATES))
        out[rows, cols] = entries(y, p, u)
        return out

    return jac


def integrate(
    y0: np.ndarray,
    t_out: np.ndarray,
    p: Sequence[float],
    ifn: Callable[[float], float] | None,
    ifn_const: float,
    breakpoints: Sequence[float],
    hmax: float = 0.0,
) -> np.ndarray:
    """Integrate one simulation piecewise between input breakpoints; return states at t_out.

    ``ifn`` is None (constant input ``ifn_const``) or a callable of time in hours. A callable
    may offer ``segment_function(a, b)`` returning, for the stretch between two breakpoints,
    either a float (constant there) or a fast callable; otherwise it is called directly.
    """
    model = compiled()
    rhs = model.rhs
    jac = _dense_jacobian(model)
    p = tuple(p)
    t0, t1 = float(t_out[0]), float(t_out[-1])
    cuts = sorted({b for b in breakpoints if t0 < b < t1})
    edges = [t0, *cuts, t1]
    out = np.empty((len(t_out), N_STATES))
    out[0] = y0
    y = np.asarray(y0, dtype=float)
    for a, b in zip(edges[:-1], edges[1:], strict=True):
        inside = t_out[(t_out > a) & (t_out <= b)]
        times = np.concatenate(([a], inside))
        if times[-1] < b:
            times = np.append(times, b)
        seg = ifn_const if ifn is None else getattr(ifn, "segment_function", None)
        if seg is not None and not isinstance(seg, float):
            seg = seg(a, b)
        if seg is None:
            seg = ifn
        if isinstance(seg, float):

            def f(t, yy, u=seg):
                return rhs(yy.tolist(), p, u)

            def fj(t, yy, u=seg):
                return jac(yy.tolist(), p, u)
        else:

            def f(t, yy, g=seg):
                return rhs(yy.tolist(), p, _checked(g, t))

            def fj(t, yy, g=seg):
                return jac(yy.tolist(), p, _checked(g, t))

        sol, info = odeint(
            f, y, times, Dfun=fj, tfirst=True, rtol=RTOL, atol=ATOL, mxstep=50000,
            hmax=hmax, full_output=True,
        )
        if info["message"] != "Integration successful.":
            raise RuntimeError(f"ODE solver failed between {a} h and {b} h: {info['message']}")
        y = sol[-1]
        n_inside = len(inside)
        if n_inside:
            pos = np.searchsorted(t_out, inside)
            out[pos] = sol[1 : 1 + n_inside]
    return _check_positive(out)


def _checked(ifn: Callable[[float], float], t: float) -> float:
    value = float(ifn(t))
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"`ifn({t:g})` must be finite and ≥ 0 pM, got {value!r}")
    return value


def _check_positive(states: np.ndarray) -> np.ndarray:
    low = states.min()
    if low < -NEGATIVE_TOL:
        i, j = np.unravel_index(np.argmin(states), states.shape)
        raise RuntimeError(
            f"state {STATE_NAMES[j]} became negative ({low:.3g}) at output row {i}; "
            "the solver tolerances are too loose for this input"
        )
    if low < 0:
        states = np.maximum(states, 0.0)
    return states


def integrate_many(
    y0: np.ndarray,
    t_out: np.ndarray,
    p_columns: Sequence[float | np.ndarray],
    ifn_values: np.ndarray,
) -> np.ndarray:
    """Integrate many simulations with constant inputs at once (block-banded Jacobian).

    Parameters
    ----------
    y0 : ndarray, shape (n_batch, n_states)
        Initial states, one row per simulation.
    t_out : ndarray
        Output times (h).
    p_columns : sequence
        One entry per constant: a float or an array of length n_batch.
    ifn_values : ndarray, shape (n_batch,)
        Constant IFN-α of each simulation (pM).

    Returns
    -------
    ndarray, shape (n_batch, len(t_out), n_states)
    """
    model = compiled()
    n_batch = y0.shape[0]
    ns = N_STATES
    rhs, entries = model.rhs, model.jac_entries
    perm, inv, ml, mu = _band_order()
    # entry (i, k) of one block sits at permuted position (inv[i], inv[k])
    band_rows = np.array([inv[i] - inv[k] + mu for i, k in model.jac_index])
    band_cols = [int(inv[k]) for _, k in model.jac_index]
    buf = np.empty((ns, n_batch))
    band = np.zeros((ml + mu + 1, ns * n_batch))
    p = list(p_columns)

    def unpack(y):
        return list(y.reshape(n_batch, ns).T[inv])

    def f(t, y):
        vals = rhs(unpack(y), p, ifn_values)
        for i, v in enumerate(vals):
            buf[inv[i]] = v
        return buf.T.ravel()

    def fj(t, y):
        vals = entries(unpack(y), p, ifn_values)
        band[:] = 0.0
        for r, k, v in zip(band_rows, band_cols, vals, strict=True):
            band[r, k::ns] = v
        return band

    y_perm = y0[:, perm]
    sol, info = odeint(
        f, y_perm.ravel(), t_out, Dfun=fj, tfirst=True, rtol=RTOL, atol=ATOL, ml=ml, mu=mu,
        mxstep=100000, full_output=True,
    )
    if info["message"] != "Integration successful.":
        raise RuntimeError(f"ODE solver failed: {info['message']}")
    sol = sol.reshape(len(t_out), n_batch, ns)[:, :, inv]
    states = sol.transpose(1, 0, 2)
    return _check_positive(states)


@lru_cache(maxsize=1)
def _band_order() -> tuple[np.ndarray, np.ndarray, int, int]:
    """State order that narrows the Jacobian's band (reverse Cuthill–McKee), and the band.

    Returns ``perm`` (position → state), ``inv`` (state → position) and the lower and upper
    bandwidths in that order; used to batch many simulations into one banded system.
    """
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import reverse_cuthill_mckee

    pattern = np.eye(N_STATES, dtype=bool)
    for i, k in compiled().jac_index:
        pattern[i, k] = True
    perm = np.asarray(reverse_cuthill_mckee(csr_matrix(pattern | pattern.T),
                                            symmetric_mode=True))
    inv = np.empty_like(perm)
    inv[perm] = np.arange(N_STATES)
    rows, cols = np.nonzero(pattern)
    ml = int(np.max(inv[rows] - inv[cols]))
    mu = int(np.max(inv[cols] - inv[rows]))
    return perm, inv, ml, mu


def steady_state_numeric(y_guess: np.ndarray, p: Sequence[float]) -> np.ndarray:
    """Unstimulated steady state of a (perturbed) cell, by integration then Newton polishing."""
    model = compiled()
    jac = _dense_jacobian(model)
    p = tuple(p)
    y = integrate(y_guess, np.array([0.0, 2000.0]), p, None, 0.0, ())[-1]
    sol = root(
        lambda yy: model.rhs(yy.tolist(), p, 0.0), y, jac=lambda yy: jac(yy.tolist(), p, 0.0),
        method="hybr", options={"xtol": 1e-14},
    )
    cand = sol.x if sol.success and sol.x.min() >= -1e-12 else y
    resid = np.abs(model.rhs(cand.tolist(), p, 0.0)).max()
    if resid > 1e-9:
        y = integrate(cand, np.array([0.0, 20000.0]), p, None, 0.0, ())[-1]
        cand = y
    # values below 1e-18 are round-off around an exact zero (e.g. STAT1 in a STAT1-null cell)
    return np.where(cand < 1e-18, 0.0, cand)


@lru_cache(maxsize=1)
def compiled_readouts() -> Callable:
    """Return the compiled readout function ``f(y, p, ifn) -> list`` (built once)."""
    function, _source = compile_readouts(
        STATE_NAMES,
        CONSTANT_NAMES,
        [(name, expr) for name, expr, _ in ASSIGNMENTS + READOUT_TERMS],
        [(r.name, r.expression) for r in READOUTS],
    )
    return function


def readouts(states: np.ndarray, p: Sequence[float], ifn: np.ndarray | float = 0.0
             ) -> dict[str, np.ndarray]:
    """Readouts (the columns of ``SimulationResult.frame``) from states of shape (..., n).

    Computed by the function generated from :data:`ifnalpha.model.spec.READOUTS`; ``ifn`` is
    the input (pM) at the same times, a number or an array of shape (...).
    """
    columns = np.ascontiguousarray(np.moveaxis(states, -1, 0))  # fast arithmetic per state
    values = compiled_readouts()(list(columns), p, ifn)
    shape = states.shape[:-1]
    out = {}
    for r, v in zip(READOUTS, values, strict=True):
        if not (isinstance(v, np.ndarray) and v.shape == shape):  # a constant, e.g. the input
            v = np.broadcast_to(np.asarray(v, dtype=float), shape)
        out[r.name] = v
    return out
