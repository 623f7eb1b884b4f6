"""Timing of the published Kok et al. (2020) model (pytest-benchmark).

Run with ``.venv/bin/pytest benchmarks/bench_reference.py --benchmark-enable`` (the project's
pytest options disable benchmarks by default, which then run each function once as a test).
Loading and compiling the SBML (about 0.2–0.5 s) happens before the timing starts.
"""

from __future__ import annotations

from ifnalpha.model import reference


def test_bench_reference_32h(benchmark):
    """Time one 32-hour time course at 1400 pM (3201 output points, readouts included)."""
    reference.load_model()
    reference.simulate_reference(1400.0, hours=32.0)  # warm up: baseline and caches

    result = benchmark(reference.simulate_reference, 1400.0, 32.0)

    assert result.frame.index[-1] == 32.0
    assert len(result.frame) == 3201


def test_bench_book_model_32h(benchmark):
    """Time one 32-hour run of the book's model at 1400 pM on the same 0.01-h grid (3201 points).

    Run in the same session as :func:`test_bench_reference_32h`, so the two medians compare
    the models on one machine, under one load.
    """
    from ifnalpha import model

    model.simulate(1400.0, 32.0, dt_h=0.01)  # warm up: resting state and caches

    result = benchmark(model.simulate, 1400.0, 32.0, dt_h=0.01)

    assert result.frame.index[-1] == 32.0
    assert len(result.frame) == 3201
