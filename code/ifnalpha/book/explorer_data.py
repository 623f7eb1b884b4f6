"""The explorers' precomputed data as files the HTML book ships, and the extension writing them.

For each explorer, :func:`pack` joins the model's values over its grid
(:mod:`ifnalpha.model.explorer_grids`) with its browser description
(:mod:`ifnalpha.book.live_explorers`) into one JSON object, and :func:`write_files` writes it as
``_static/explorers/<name>.js``, a script that assigns it to
``window.IFNALPHA_EXPLORER_DATA[name]``. A script file, not a ``.json`` fetched by the page:
browsers refuse ``fetch()`` of local files, and the README tells readers to open
``_build/html/index.html`` from disk. Beside them go the runtime (``explorer_runtime.js``)
and its style sheet; the runtime loads Vega, Vega-Lite and vega-embed (copied from npm by
``tools/vendor-web.sh``) and the data script only when an explorer first comes into view.

Running every grid takes about a minute, so the files are cached in ``_build/.explorer_data``
under a hash of everything they depend on: the model's code, its parameter files, the grids and
the explorers' descriptions. A change to any of them computes them again.

Enable with ``extra_extensions: [ifnalpha.book.explorer_data]`` in ``_config.yml``; it also adds
the runtime to the pages that show an explorer, and only to those.

The model is educational and qualitative, not clinical guidance.
"""

from __future__ import annotations

import hashlib
import json
import math
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ifnalpha import checks, paths
from ifnalpha.book import live_explorers
from ifnalpha.model import explorer_grids

__all__ = ["RUNTIME_FILES", "cached_files", "data_hash", "decode_series", "encode_series", "pack",
           "read_file", "setup", "write_files"]

_HERE = Path(__file__).resolve().parent
#: The runtime and its style sheet, beside this module, copied as they are.
RUNTIME_FILES = (_HERE / "explorer_runtime.js", _HERE / "explorer_runtime.css")
_GLOBAL = "IFNALPHA_EXPLORER_DATA"
#: Significant digits of the shipped curves (of each curve's largest value: the rest are
#: multiples of the same step) and of the key numbers (printed to 3 digits).
CURVE_DIGITS, NUMBER_DIGITS = 4, 4
_MIN_EXPONENT = -12


def _round(v: Any, digits: int = NUMBER_DIGITS) -> Any:
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    v = float(v)
    if not math.isfinite(v):
        return None
    return float(f"{v:.{digits}g}")


def encode_series(values: Sequence[float], digits: int = CURVE_DIGITS) -> list:
    """Pack one curve as ``[e, d0, d1, ...]``: integer steps of ``10**e`` between values.

    ``e`` gives the curve's largest absolute value `digits` significant digits; each value is
    rounded to a multiple of ``10**e`` (an error of at most half a step, 0.05 % of that largest
    value with 4 digits; no step is below ``1e-12``), and stored as its difference from the
    one before, in steps: smooth curves become short integers that compress well. A curve
    with a missing value (``None``, NaN) is kept as it is, values rounded to `digits`
    significant digits, ``None`` where missing; :func:`decode_series` tells the two apart by
    their length.

    Examples
    --------
    >>> encode_series([0.0, 0.25, 0.3127, 0.3])
    [-4, 0, 2500, 627, -127]
    >>> encode_series([1e-300, 0.0])
    [-12, 0, 0]
    >>> encode_series([1.0, float("nan")])
    [1.0, None]
    """
    v = np.asarray(values, dtype=float)
    if not np.isfinite(v).all():
        return [_round(x, digits) for x in v]
    top = float(np.max(np.abs(v))) if v.size else 0.0
    e = math.floor(math.log10(top)) - (digits - 1) if top > 0 else 0
    e = max(e, _MIN_EXPONENT)  # a curve of all but zeros (1e-300) is drawn as zeros
    q = np.rint(v * 10.0 ** -e if e < 0 else v / 10.0 ** e).astype(np.int64)
    return [e, *np.diff(q, prepend=0).tolist()]


def decode_series(packed: Sequence, length: int) -> list[float | None]:
    """Unpack a curve of `length` values packed by :func:`encode_series` (as the runtime does).

    Examples
    --------
    >>> decode_series([-4, 0, 2500, 627, -127], 4)
    [0.0, 0.25, 0.3127, 0.3]
    >>> decode_series([1.0, None], 2)
    [1.0, None]
    """
    if len(packed) == length:
        return [None if x is None else float(x) for x in packed]
    e, steps = int(packed[0]), np.cumsum(np.asarray(packed[1:], dtype=np.int64))
    return (steps / 10.0 ** -e if e < 0 else steps * 10.0 ** e).tolist()


def _key(point: tuple, axes: dict[str, tuple], names: tuple[str, ...]) -> str:
    return ",".join(str(axes[n].index(v)) for n, v in zip(names, point, strict=True))


def pack(grid: explorer_grids.ExplorerGrid, live: live_explorers.LiveExplorer) -> dict[str, Any]:
    """Join a grid's values and an explorer's description into one JSON-ready object.

    Curves are keyed by the indices of their grid point on ``curveAxes`` (``"0,2,1"``); each
    holds one series after another, aligned with the shared ``x`` and packed by
    :func:`encode_series` (:func:`decode_series` unpacks them). Numbers are keyed the same way
    on ``numberAxes``, one list aligned with ``numberNames``, with :data:`NUMBER_DIGITS`
    significant digits.

    Examples
    --------
    >>> g = explorer_grids.dose_response_grid(hours=(72.0,), conditions=("wild type",))
    >>> data = pack(g, live_explorers.LIVE["dose_response"]())
    >>> sorted(data["curves"]), data["seriesNames"]
    (['0,0'], ['antiproliferative', 'antiviral'])
    """
    axes = {k: tuple(v) for k, v in grid.axes.items()}
    x = sorted(grid.curves["x"].unique())
    series = sorted(grid.curves["series"].unique(), key=lambda s: (str(type(s)), s))
    curves: dict[str, list] = {}
    for point, part in grid.curves.groupby(list(grid.curve_axes), sort=False):
        point = point if isinstance(point, tuple) else (point,)
        table = part.pivot(index="x", columns="series", values="value").reindex(
            index=x, columns=series)
        curves[_key(point, axes, grid.curve_axes)] = [encode_series(table[s]) for s in series]
    names = [c for c in grid.numbers.columns if c not in grid.number_axes]
    numbers = {
        _key(tuple(row[a] for a in grid.number_axes), axes, grid.number_axes):
            [_round(row[n]) for n in names]
        for _, row in grid.numbers.iterrows()}
    return {**live.description(),
            "axes": {k: [_round(v) for v in vals] for k, vals in axes.items()},
            "curveAxes": list(grid.curve_axes), "numberAxes": list(grid.number_axes),
            "x": [_round(v) for v in x], "seriesNames": [_round(s) for s in series],
            "curves": curves, "numberNames": names, "numbers": numbers}


def _script(name: str, data: dict[str, Any]) -> str:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (f"// The {name} explorer's precomputed model values (ifnalpha.book.explorer_data).\n"
            f"(window.{_GLOBAL} = window.{_GLOBAL} || {{}})[{json.dumps(name)}] = {body};\n")


def read_file(path: Path | str) -> dict[str, Any]:
    """Return the object a data script written by :func:`write_files` assigns.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "x.js").write_text(_script("x", {"a": [1, None]}), encoding="utf-8")
    >>> read_file(folder / "x.js")
    {'a': [1, None]}
    """
    text = Path(path).read_text(encoding="utf-8")
    start = text.index("] = ") + len("] = ")
    return json.loads(text[start:].rstrip().removesuffix(";"))


def data_hash() -> str:
    """Return a hash of everything the data depend on: model code, parameters, grids, views."""
    h = hashlib.sha256()
    roots = [_HERE.parent / "model", paths.data_dir() / "model"]
    files = sorted(p for root in roots for p in root.rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts)
    files += [_HERE / "live_explorers.py", _HERE / "explorer_data.py", _HERE / "explorers.py",
              _HERE / "figure.py"]
    for p in files:
        h.update(str(p.relative_to(paths.REPO_ROOT)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def write_files(folder: Path | str, names: tuple[str, ...] | None = None) -> list[Path]:
    """Compute and write the data scripts of the explorers `names` (default: all) into `folder`.

    Returns the files written.
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    chosen = tuple(live_explorers.LIVE) if names is None else tuple(
        checks.choice("name", n, tuple(live_explorers.LIVE)) for n in names)
    written = []
    for name in chosen:
        data = pack(explorer_grids.GRIDS[name](), live_explorers.LIVE[name]())
        path = out / f"{name}.js"
        path.write_text(_script(name, data), encoding="utf-8")
        written.append(path)
    return written


def cached_files(cache_root: Path | str | None = None) -> Path:
    """Return the folder of every explorer's data script, computing them if not cached.

    The folder is ``<cache_root>/<data_hash()>`` (default cache root:
    ``_build/.explorer_data`` of the repository); older folders there are removed.
    """
    root = Path(cache_root) if cache_root is not None else paths.REPO_ROOT / "_build" / \
        ".explorer_data"
    folder = root / data_hash()
    if not folder.exists():
        root.mkdir(parents=True, exist_ok=True)
        for old in root.iterdir():
            # (another process's files being written are left alone, unless abandoned)
            if not old.name.startswith(".partial-") or time.time() - old.stat().st_mtime > 3600:
                shutil.rmtree(old, ignore_errors=True)
        # written aside, then renamed: a build and a test run at once never see half the files
        work = Path(tempfile.mkdtemp(dir=root, prefix=".partial-"))
        write_files(work)
        try:
            work.rename(folder)
        except OSError:  # another process finished first
            shutil.rmtree(work, ignore_errors=True)
    return folder


def _copy_all(outdir: Path) -> list[Path]:
    target = outdir / "_static" / "explorers"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for src in [*sorted(cached_files().glob("*.js")), *RUNTIME_FILES]:
        written.append(Path(shutil.copy2(src, target / src.name)))
    return written


def _write(app: Any, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        _copy_all(Path(app.outdir))


def _page(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if 'class="ifnalpha-explorer"' in context.get("body", ""):
        # at the end of the body (the theme keeps its own list of head scripts)
        src = context["pathto"]("_static/explorers/explorer_runtime.js", 1)
        context["body"] += f'<script defer src="{src}"></script>'
        app.add_css_file("explorers/explorer_runtime.css")


def setup(app: Any) -> dict[str, Any]:
    """Sphinx extension: the explorers' data and runtime in the HTML book."""
    app.connect("html-page-context", _page)
    app.connect("build-finished", _write)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
