"""The explorers of the static HTML book: grids, shipped data, and the numbers in them.

The data-consistency checks recompute a sample of grid points with ``ifnalpha.model.simulate``
(and the analyses the static figures use) and compare them with the data the book ships
(``ifnalpha.book.explorer_data.cached_files``, the files the HTML build copies).
"""

from __future__ import annotations

import gzip
import random

import numpy as np
import pytest

from ifnalpha import model
from ifnalpha.book import explorer_data, explorers, live_explorers
from ifnalpha.model import analyses, dosing, explorer_grids

NAMES = tuple(explorers.EXPLORERS)


@pytest.fixture(scope="module")
def shipped() -> dict[str, dict]:
    folder = explorer_data.cached_files()
    return {name: explorer_data.read_file(folder / f"{name}.js") for name in NAMES}


def test_every_explorer_has_a_grid_and_a_browser_view():
    assert set(live_explorers.LIVE) == set(NAMES) == set(explorer_grids.GRIDS)
    assert set(explorer_grids.AXES) == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_controls_are_labelled_and_cover_the_grid(name):
    live = live_explorers.LIVE[name]()
    axes = explorer_grids.AXES[name]
    moved = set()
    for c in live.controls:
        assert c["label"].strip() and c["kind"] in {"range", "select", "checkbox"}
        if c.get("axis"):
            assert len(c["labels"]) == len(axes[c["axis"]])
            moved.add(c["axis"])
        assert 0 <= c["default"] < len(c["labels"])
    assert moved == set(axes), f"{name}: grid axes without a control: {set(axes) - moved}"
    sentence = live_explorers.grid_sentence(name)
    assert "interpolated" in sentence and all(c["label"] in sentence for c in live.controls
                                              if c.get("axis"))


def test_explorer_view_is_html_only():
    bundle = live_explorers.explorer("time_course")._repr_mimebundle_()
    assert bundle["text/latex"] == ""
    assert 'class="ifnalpha-explorer"' in bundle["text/html"]
    with pytest.raises(ValueError):
        live_explorers.explorer("nope")


def test_shipped_data_is_small(shipped):
    folder = explorer_data.cached_files()
    files = sorted(folder.glob("*.js"))
    assert {p.stem for p in files} == set(NAMES)
    compressed = sum(len(gzip.compress(p.read_bytes())) for p in files)
    assert compressed < 3_000_000, f"explorer data {compressed} bytes gzip (limit 3 MB)"


@pytest.mark.parametrize("name", NAMES)
def test_shipped_data_has_every_grid_point(name, shipped):
    data = shipped[name]
    counts = {a: len(v) for a, v in data["axes"].items()}
    assert len(data["curves"]) == int(np.prod([counts[a] for a in data["curveAxes"]]))
    assert len(data["numbers"]) == int(np.prod([counts[a] for a in data["numberAxes"]]))
    for values in data["curves"].values():
        assert len(values) == len(data["seriesNames"])
        assert all(len(explorer_data.decode_series(v, len(data["x"]))) == len(data["x"])
                   for v in values)


def _key(data, point, axes):
    return ",".join(str(data["axes"][a].index(point[a])) for a in axes)


def _numbers(data, point):
    return dict(zip(data["numberNames"], data["numbers"][_key(data, point, data["numberAxes"])],
                    strict=True))


def _series(data, point, name):
    packed = data["curves"][_key(data, point, data["curveAxes"])][data["seriesNames"].index(name)]
    values = explorer_data.decode_series(packed, len(data["x"]))
    return np.array(data["x"]), np.array([np.nan if v is None else v for v in values])


def _curve_close(shipped_values, expected) -> bool:
    """Shipped curves keep 4 significant digits of their run's largest value (one step each)."""
    expected = np.asarray(expected, dtype=float)
    step = 1e-3 * float(np.max(np.abs(expected)))
    return bool(np.allclose(shipped_values, expected, rtol=0, atol=step + 1e-9))


def _close(shipped_value, value, rtol=2e-3, atol=1e-6):
    return abs(shipped_value - value) <= atol + rtol * abs(value)


def test_time_course_sample_matches_the_model(shipped):
    data = shipped["time_course"]
    rng = random.Random(14)
    for _ in range(4):
        point = {a: rng.choice(v) for a, v in data["axes"].items()}
        pert = {k: v for k, v in point.items() if k in model.PERTURBATIONS
                and v != model.PERTURBATIONS[k].default}
        res = model.simulate(point["dose_pM"], point["hours"], pert)
        f = res.frame
        for series in ("pstat1_total", "ifitm1", "antiviral"):
            x, shipped_values = _series(data, point, series)
            keep = (x <= point["hours"]) & np.isin(x, f.index)
            expected = f[series].reindex(x[keep]).to_numpy()
            # (the shipped curve's step is set by the longest run's largest value)
            longest = model.simulate(point["dose_pM"], max(data["axes"]["hours"]), pert)
            step = 1e-3 * float(longest.frame[series].abs().max())
            assert np.allclose(shipped_values[keep], expected, rtol=0, atol=step), (
                point, series)
        expected = analyses.summarize_time_course(res).numbers
        got = _numbers(data, point)
        for k, v in expected.items():
            assert _close(got[k], v), (point, k, got[k], v)


def test_dose_response_sample_matches_the_model(shipped):
    data = shipped["dose_response"]
    point = {"hours": 48.0, "condition": "JAK inhibitor 90 %"}
    x, antiviral = _series(data, point, "antiviral")
    pert = analyses.DEFAULT_CONDITIONS[point["condition"]]
    for i in (0, 15, 30):
        end = model.simulate(float(x[i]), point["hours"], pert, dt_h=4.0).frame["antiviral"]
        step = 1e-3 * float(np.nanmax(np.abs(antiviral)))
        assert _close(antiviral[i], float(end.iloc[-1]), rtol=0, atol=step), (x[i],)


def test_perturbation_sample_matches_the_model(shipped):
    data = shipped["perturbations"]
    point = {"dose_pM": 1000.0, "condition": "USP18 knockdown 80 %", "hours": 24.0}
    x, tunable = _series(data, point, "perturbed:tunable_isg")
    f = model.simulate(1000.0, 72.0, {"usp18_knockdown": 0.8}, dt_h=0.1).frame
    keep = np.isin(x, f.index)
    assert _curve_close(tunable[keep], f["tunable_isg"].reindex(x[keep]))
    got = _numbers(data, point)
    wt = model.simulate(1000.0, 24.0).frame
    assert _close(got["tunable_isg_final_wild_type"], float(wt["tunable_isg"].iloc[-1]))


@pytest.mark.parametrize("name", ["time_course", "dose_time", "acute_chronic", "dose_response"])
def test_default_view_reports_the_static_figures_numbers(name, shipped):
    """At its defaults an explorer's readout shows the numbers of the page's static figure."""
    data = shipped[name]
    ex = explorers.EXPLORERS[name]()
    live = live_explorers.LIVE[name]()
    point = {c["axis"]: data["axes"][c["axis"]][c["default"]] for c in live.controls
             if c.get("axis")}
    got = _numbers(data, point)
    figure = ex.static_figure().numbers
    for key, _label in live.readout:
        assert _close(got[key], float(figure[key]), rtol=2e-3), (name, key, got[key],
                                                                 figure[key])


def test_regimen_default_numbers_match_the_static_figure(shipped):
    data = shipped["regimens"]
    figure = explorers.regimen_explorer().static_figure().numbers
    for regimen in ("hdi_maintenance", "peg_induction"):
        volume = dosing.DEFAULT_SCALE.volume_L_per_kg_ifn
        got = _numbers(data, {"regimen": regimen, "volume_L_per_kg_ifn": volume, "weeks": 3})
        for key in ("fraction_above_10pct", "trough_over_peak", "tunable_min_last_week"):
            assert _close(got[key], float(figure[f"{regimen}:{key}"]), rtol=2e-3)


def test_curves_are_packed_to_four_digits_of_their_largest_value():
    rng = np.random.default_rng(14)
    for scale in (1e-6, 0.3, 1.0, 7.5, 250.0, 1e5):
        values = scale * np.cumsum(rng.random(50))
        back = np.array(explorer_data.decode_series(explorer_data.encode_series(values), 50))
        assert np.max(np.abs(back - values)) <= 5e-4 * np.max(np.abs(values)) * (1 + 1e-9)
    assert explorer_data.decode_series(explorer_data.encode_series(np.zeros(3)), 3) == [0.0] * 3


def test_data_script_assigns_a_global(tmp_path):
    g = explorer_grids.dose_response_grid(hours=(72.0,), conditions=("wild type",))
    data = explorer_data.pack(g, live_explorers.LIVE["dose_response"]())
    assert data["spec"]["layer"][0]["data"] == {"name": "curves"}
    path = tmp_path / "dose_response.js"
    path.write_text(explorer_data._script("dose_response", data), encoding="utf-8")
    assert path.read_text(encoding="utf-8").startswith("// ")
    assert explorer_data.read_file(path)["numberNames"] == data["numberNames"]
