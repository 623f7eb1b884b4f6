"""Benchmark the static HTML book's model explorers in Chromium, served gzip-compressed.

Run (from the repository root, after ``make html``)::

    .venv/bin/python benchmarks/bench_explorers.py                 # moves, weights, Lighthouse
    .venv/bin/python benchmarks/bench_explorers.py --moves 10      # fewer moves per explorer
    .venv/bin/python benchmarks/bench_explorers.py --no-lighthouse --json out.json

What is measured (issue 14's targets, not asserted by any test):

1. **Response.** ``_build/html`` is served on 127.0.0.1 by a small server that gzips text
   files (as a web host would). Each page with an explorer opens in Debian's Chromium
   (Playwright, the flags of ``tests/browser/conftest.py``); every explorer is scrolled into
   view, and its controls are moved in turn, ``--moves`` times per explorer. One response is
   the time from the control's change (its ``input`` or ``change`` event, dispatched in the
   page) until the explorer has redrawn its chart and rewritten its key numbers *and* the
   browser has painted the next frame. Target: median ≤ 100 ms; the median and the maximum
   are printed per explorer and over all moves.
2. **Page weight.** Bytes transferred (gzip) for each explorer page once every explorer on it
   has loaded (Resource Timing ``transferSize``, all from the local server). Beside it, the
   page's weight before the explorers were static: the same page without the explorers'
   files, plus the widget manager (RequireJS, ``embed-amd.js`` and its configuration) it
   loaded then; the book still ships those files for the gene atlas's lookup widget.
3. **Lighthouse** (npm ``lighthouse`` 12.2.3, installed by ``make bench`` into
   ``_build/bench-node`` from ``benchmarks/lighthouse/package-lock.json``): mobile performance
   score of three explorer pages, Chromium from ``CHROME_PATH=/usr/bin/chromium``. Lighthouse
   simulates a slow phone and network (its default "mobile" settings); nothing leaves
   localhost. Target: ≥ 0.9. Skipped (and said so) when Lighthouse is not installed.

The exit status is 1 if a target is missed. Timings depend on the machine's load.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BOOK_HTML = ROOT / "_build" / "html"
CHROMIUM = os.environ.get("IFNALPHA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]
LIGHTHOUSE = ROOT / "_build" / "bench-node" / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_PAGES = ("chapters/ibc/ifna-biology.html", "chapters/appendix/model-reference.html",
                    "chapters/ifna2b/current-challenges.html")
#: What the pages loaded for their widgets before the explorers were static.
WIDGET_FILES = ("_static/vendor/require.js", "_static/vendor/embed-amd.js",
                "_static/vendor/widgets-config.js")
TARGET_MS, TARGET_SCORE = 100.0, 0.9
_COMPRESSED = (".html", ".js", ".css", ".json", ".svg", ".txt", ".map", ".woff")


class _GzipHandler(SimpleHTTPRequestHandler):
    """Serve files, gzip-compressed for text types when the client accepts it."""

    _cache: dict[tuple[str, float], bytes] = {}

    def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in _COMPRESSED):
            return super().send_head()
        key = (str(path), path.stat().st_mtime)
        if key not in self._cache:
            self._cache[key] = gzip.compress(path.read_bytes(), compresslevel=6)
        body = self._cache[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return io.BytesIO(body)


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    """Start a gzip-compressing server of `folder` on a free port; return it and its URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0),
                                functools.partial(_GzipHandler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def explorer_pages() -> list[str]:
    """Every page of the built book that shows an explorer (paths relative to the book)."""
    return sorted(str(p.relative_to(BOOK_HTML)) for p in BOOK_HTML.rglob("*.html")
                  if 'class="ifnalpha-explorer"' in p.read_text(encoding="utf-8"))


# One control move, timed in the page: change event → explorer updated → next frame painted.
_MOVE = """
async ([root, index]) => {
  const ctl = root.querySelectorAll('input, select')[index];
  const before = +(root.dataset.updates || 0);
  const updated = new Promise(resolve => {
    const mo = new MutationObserver(() => {
      if (+(root.dataset.updates || 0) > before) { mo.disconnect(); resolve(); }
    });
    mo.observe(root, {attributes: true, attributeFilter: ['data-updates']});
  });
  const t0 = performance.now();
  if (ctl.type === 'checkbox') {
    ctl.click();
  } else {
    const n = ctl.tagName === 'SELECT' ? ctl.options.length : +ctl.max + 1;
    const up = ctl.dataset.benchDown !== '1';
    let v = +ctl.value + (up ? 1 : -1);
    if (v >= n || v < 0) { ctl.dataset.benchDown = up ? '1' : '0'; v = +ctl.value + (up ? -1 : 1); }
    ctl.value = String(v);
    ctl.dispatchEvent(new Event(ctl.tagName === 'SELECT' ? 'change' : 'input', {bubbles: true}));
  }
  await updated;
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return [performance.now() - t0, +root.dataset.updateMs];
}
"""

_TRANSFERRED = """
() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  return [[nav.name, nav.transferSize]].concat(res.map(r => [r.name, r.transferSize]));
}
"""


def measure_pages(base: str, moves: int) -> dict:
    """Open every explorer page; time control moves and count the bytes transferred."""
    from playwright.sync_api import sync_playwright

    out: dict = {"explorers": {}, "pages": {}}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for path in explorer_pages():
            context = browser.new_context(service_workers="block",
                                          viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.set_default_timeout(60_000)
            page.goto(base + path, wait_until="load")
            for root in page.locator(".ifnalpha-explorer").all():
                name = root.get_attribute("data-explorer")
                root.scroll_into_view_if_needed()
                page.wait_for_function("e => ['ready', 'failed'].includes(e.dataset.state)",
                                       arg=root.element_handle())
                if root.get_attribute("data-state") != "ready":
                    raise RuntimeError(f"{path}: {name} failed: {root.inner_text()[:300]}")
                n = root.locator("input, select").count()
                handle = root.element_handle()
                # a few moves first (warm-up: the first draws compile Vega's dataflow)
                for i in range(n):
                    page.evaluate(_MOVE, [handle, i])
                total, script = [], []
                for k in range(moves):
                    t, s = page.evaluate(_MOVE, [handle, k % n])
                    total.append(t)
                    script.append(s)
                out["explorers"][name] = {"page": path, "moves": moves, "controls": n,
                                          "median_ms": statistics.median(total),
                                          "max_ms": max(total),
                                          "script_median_ms": statistics.median(script),
                                          "all_ms": [round(t, 1) for t in total]}
            page.wait_for_load_state("networkidle")
            entries = page.evaluate(_TRANSFERRED)
            out["pages"][path] = _weights(entries, base)
            context.close()
        browser.close()
    return out


def _gzip_size(rel: str) -> int:
    p = BOOK_HTML / rel
    return len(gzip.compress(p.read_bytes(), compresslevel=6)) if p.is_file() else 0


def _weights(entries: list, base: str) -> dict:
    total = sum(size for _, size in entries)
    explorer = sum(size for url, size in entries
                   if "/_static/explorers/" in url or "/_static/vendor/vega/" in url)
    outside = [url for url, _ in entries if not url.startswith(base)]
    widgets = sum(_gzip_size(f) for f in WIDGET_FILES)
    return {"transferred_bytes": total, "explorer_bytes": explorer,
            "before_bytes_estimate": total - explorer + widgets, "outside_requests": outside}


def lighthouse(base: str) -> dict:
    """Mobile performance score of the pages of :data:`LIGHTHOUSE_PAGES` (or why skipped)."""
    if not LIGHTHOUSE.exists():
        return {"skipped": f"{LIGHTHOUSE.relative_to(ROOT)} is missing (make bench installs it)"}
    scores = {}
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    with tempfile.TemporaryDirectory() as tmp:
        for path in LIGHTHOUSE_PAGES:
            report = Path(tmp) / "report.json"
            run = subprocess.run(
                [str(LIGHTHOUSE), base + path, "--only-categories=performance",
                 "--output=json", f"--output-path={report}", f"--chrome-flags={flags}",
                 "--quiet"], env=env, capture_output=True, text=True, timeout=300)
            if run.returncode != 0 or not report.exists():
                scores[path] = {"error": (run.stderr or run.stdout)[-400:]}
                continue
            data = json.loads(report.read_text(encoding="utf-8"))
            audits = data["audits"]
            scores[path] = {
                "score": data["categories"]["performance"]["score"],
                **{k: round(audits[k]["numericValue"]) for k in
                   ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                    "speed-index") if k in audits},
                "cumulative-layout-shift": round(
                    audits["cumulative-layout-shift"]["numericValue"], 3),
                "total-byte-weight": round(audits["total-byte-weight"]["numericValue"])}
    return scores


def _kb(n: int) -> str:
    return f"{n / 1000:,.0f} kB"


def report(result: dict) -> bool:
    """Print the tables; return whether every target was met."""
    ok = True
    print("Explorer response (change → chart and key numbers redrawn → frame painted)")
    print(f"{'explorer':<15}{'moves':>6}{'median':>9}{'max':>9}{'script':>9}  page")
    everything = []
    for name, r in result["explorers"].items():
        everything += r["all_ms"]
        print(f"{name:<15}{r['moves']:>6}{r['median_ms']:>7.0f}ms{r['max_ms']:>7.0f}ms"
              f"{r['script_median_ms']:>7.0f}ms  {r['page']}")
        ok &= r["median_ms"] <= TARGET_MS
    if everything:
        print(f"{'all':<15}{len(everything):>6}{statistics.median(everything):>7.0f}ms"
              f"{max(everything):>7.0f}ms   (target: median ≤ {TARGET_MS:.0f} ms)")
    print("\nPage weight, gzip, every explorer loaded (before: widget manager instead)")
    for path, w in result["pages"].items():
        heavier = w["transferred_bytes"] > w["before_bytes_estimate"]
        ok &= not heavier and not w["outside_requests"]
        print(f"{path:<45}{_kb(w['transferred_bytes']):>10} (explorers "
              f"{_kb(w['explorer_bytes'])}), before ≈ {_kb(w['before_bytes_estimate'])}"
              f"{'  HEAVIER' if heavier else ''}")
    lh = result.get("lighthouse", {})
    if lh:
        print("\nLighthouse, mobile, performance")
    if "skipped" in lh:
        print(f"  skipped: {lh['skipped']}")
    for path, r in ((k, v) for k, v in lh.items() if k != "skipped"):
        if "error" in r:
            ok = False
            print(f"  {path}: error {r['error']}")
            continue
        ok &= r["score"] >= TARGET_SCORE
        print(f"  {path:<45} score {r['score']:.2f}  FCP {r['first-contentful-paint']} ms  "
              f"LCP {r['largest-contentful-paint']} ms  TBT {r['total-blocking-time']} ms  "
              f"CLS {r['cumulative-layout-shift']}  {_kb(r['total-byte-weight'])}")
    return ok


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return the exit status (1 if a target is missed)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--moves", type=int, default=60, help="control moves per explorer")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    if not (BOOK_HTML / "index.html").is_file():
        print(f"{BOOK_HTML} is missing: build the book first (make html)", file=sys.stderr)
        return 2
    httpd, base = serve(BOOK_HTML)
    try:
        result = measure_pages(base, args.moves)
        if not args.no_lighthouse:
            result["lighthouse"] = lighthouse(base)
    finally:
        httpd.shutdown()
    ok = report(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
