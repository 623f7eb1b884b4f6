"""Benchmark the signalling model and compare it with libRoadRunner on the exported SBML.

Run (from the repository root)::

    .venv/bin/python benchmarks/bench_model.py            # full run, prints a table
    .venv/bin/python benchmarks/bench_model.py --quick    # fewer repeats
    .venv/bin/python benchmarks/bench_model.py --json out.json

What is timed (targets for a 2-core machine):

1. one 72-hour simulation at 100 pM on the default 0.1-h output grid (721 points),
   median ≤ 20 ms;
2. a 30 × 30 sweep of constant dose (0.1 pM–100 nM) × IRF9 overexpression (1–10 fold),
   72 h on a 1-h grid, ≤ 5 s;
3. an explorer update: simulate, redraw the time-course explorer's matplotlib figure and
   render it to the PNG the widget shows (one Agg draw), median ≤ 150 ms.

libRoadRunner (CVODE, compiled with LLVM) simulates the SBML written by
``ifnalpha.model.to_sbml`` with the same time span and output grid: one run for (1), and the
900 runs of (2) one after another (reset, set the dose, the IRF9 transgene and the resting
state). The table prints both timings and the ratio ours / libRoadRunner (< 1: we are faster).
Both solvers use a relative tolerance of 1e-6; the maximum difference between their
trajectories is printed too. The exit status is 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from ifnalpha import model
from ifnalpha.book import explorers
from ifnalpha.model import simulation

TARGETS_S = {"single": 0.020, "sweep": 5.0, "explorer": 0.150}


def _time(fn, repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def bench_single(repeats: int) -> dict:
    """Time one 72-h simulation at 100 pM on the default grid."""
    model.simulate(100.0, 72.0)  # warm-up: compile the right-hand side, cache the rest state
    times = _time(lambda: model.simulate(100.0, 72.0), repeats)
    return {"median_s": statistics.median(times), "min_s": min(times), "n": repeats,
            "points": 721}


def bench_sweep(repeats: int) -> dict:
    """Time the 30 × 30 dose × IRF9 sweep (cold once, then warm repeats)."""
    doses = np.logspace(-1, 5, 30)
    folds = np.linspace(1.0, 10.0, 30)
    simulation._steady_cached.cache_clear()  # the first run computes the 30 resting states
    t0 = time.perf_counter()
    model.sweep(doses, 72.0, perturbation="irf9_overexpression", values=folds, dt_h=1.0)
    cold = time.perf_counter() - t0
    times = _time(lambda: model.sweep(doses, 72.0, perturbation="irf9_overexpression",
                                      values=folds, dt_h=1.0), repeats)
    return {"median_s": statistics.median(times), "cold_s": cold, "n": repeats,
            "simulations": 900}


def bench_explorer(repeats: int) -> dict:
    """Time explorer updates (simulate + redraw + PNG render) over a range of doses."""
    ex = explorers.time_course_explorer()
    ex.update()
    doses = np.logspace(-1, 5, repeats)
    it = iter(doses)
    times = _time(lambda: ex.update(dose_pM=float(next(it))), repeats)
    return {"median_s": statistics.median(times), "max_s": max(times), "n": repeats}


def bench_roadrunner(repeats: int, sweep_too: bool) -> dict:
    """Time libRoadRunner on the exported SBML: the single run and, optionally, the sweep."""
    import roadrunner

    tmp = Path(tempfile.mkdtemp()) / "ifnalpha.xml"
    model.to_sbml(tmp, ifn_pM=100.0)
    t0 = time.perf_counter()
    rr = roadrunner.RoadRunner(str(tmp))
    load = time.perf_counter() - t0
    rr.integrator.relative_tolerance = 1e-6
    rr.integrator.absolute_tolerance = 1e-10
    selections = ["time", *model.STATE_NAMES]
    rr.timeCourseSelections = selections

    def one():
        rr.resetAll()
        return rr.simulate(0.0, 72.0, 721)

    one()
    times = _time(one, repeats)
    ours = model.simulate(100.0, 72.0).states.to_numpy()
    theirs = np.asarray(one())[:, 1:]
    result = {"load_s": load, "single_median_s": statistics.median(times),
              "max_abs_difference": float(np.abs(ours - theirs).max())}
    if sweep_too:
        doses = np.logspace(-1, 5, 30)
        folds = np.linspace(1.0, 10.0, 30)
        order = [model.STATE_NAMES.index(s) for s in rr.model.getFloatingSpeciesIds()]
        starts = [np.array(model.steady_state({"irf9_overexpression": float(f)}).values)[order]
                  for f in folds]

        def sweep():
            for f, y0 in zip(folds, starts, strict=True):
                for d in doses:
                    rr.resetAll()
                    rr["irf9_extra"] = float(f) - 1.0
                    rr["ifn_pM"] = float(d)
                    rr.model.setFloatingSpeciesConcentrations(y0)
                    rr.simulate(0.0, 72.0, 73)

        result["sweep_s"] = min(_time(sweep, 1 if repeats < 20 else 2))
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks, print the table; return 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    args = parser.parse_args(argv)
    n_single = 15 if args.quick else 60
    n_sweep = 1 if args.quick else 3
    n_explorer = 8 if args.quick else 25

    single = bench_single(n_single)
    sweep = bench_sweep(n_sweep)
    explorer = bench_explorer(n_explorer)
    rr = bench_roadrunner(n_single, sweep_too=True)

    rows = [
        ("one 72-h simulation (721 points)", single["median_s"], TARGETS_S["single"],
         rr["single_median_s"]),
        ("30 × 30 dose × IRF9 sweep (72 h)", sweep["median_s"], TARGETS_S["sweep"],
         rr.get("sweep_s")),
        ("explorer update (simulate+redraw+PNG)", explorer["median_s"], TARGETS_S["explorer"],
         None),
    ]
    ok = True
    print(f"{'benchmark':<38} {'ours':>10} {'target':>9} {'':>5} {'libRoadRunner':>14} "
          f"{'ours/RR':>8}")
    print("-" * 90)
    for name, ours, target, theirs in rows:
        status = "ok" if ours <= target else "SLOW"
        ok &= ours <= target
        ratio = f"{ours / theirs:8.2f}" if theirs else f"{'—':>8}"
        theirs_s = f"{theirs * 1e3:11.1f} ms" if theirs else f"{'—':>14}"
        print(f"{name:<38} {ours * 1e3:7.1f} ms {target * 1e3:6.0f} ms {status:>5} {theirs_s} "
              f"{ratio}")
    print("-" * 90)
    print(f"sweep including first-time resting states: {sweep['cold_s']:.2f} s; "
          f"libRoadRunner load + compile: {rr['load_s']:.2f} s (not in its timings)")
    print(f"single run: ours LSODA rtol 1e-6 atol 1e-10, libRoadRunner CVODE rtol 1e-6 "
          f"atol 1e-10; max |difference| of the 25 states = {rr['max_abs_difference']:.2g}")
    print(f"medians of {single['n']} / {sweep['n']} / {explorer['n']} repeats; "
          f"Python {sys.version.split()[0]}, NumPy {np.__version__}")
    if args.json:
        args.json.write_text(json.dumps({"single": single, "sweep": sweep,
                                         "explorer": explorer, "roadrunner": rr}, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
