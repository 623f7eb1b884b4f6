/* The book's model explorers in the static HTML page (ifnalpha.book.explorer_data).
 *
 * Each <div class="ifnalpha-explorer" data-explorer="NAME"> becomes, when it first comes into
 * view, a set of labelled controls, a Vega-Lite chart and a "key numbers" readout (an ARIA live
 * region). Nothing is computed here: every control moves over a precomputed grid, and the
 * runtime only looks the chosen grid point's curves and numbers up in
 * _static/explorers/NAME.js (a script assigning window.IFNALPHA_EXPLORER_DATA[NAME], so that
 * it also loads from file://) and hands them to the chart. Vega, Vega-Lite and vega-embed come
 * from the book's own copies (_static/vendor/vega), loaded once, on demand.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var staticBase = script ? script.src.replace(/explorers\/explorer_runtime\.js.*$/, "") : "";
  var loaded = {};

  function loadScript(src) {
    if (!loaded[src]) {
      loaded[src] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = src;
        s.onload = resolve;
        s.onerror = function () { reject(new Error("could not load " + src)); };
        document.head.appendChild(s);
      });
    }
    return loaded[src];
  }

  var vegaReady = null;
  function loadVega() {
    // The UMD bundles register as AMD modules when RequireJS is on the page: hide it meanwhile.
    if (!vegaReady) {
      var amd = window.define;
      window.define = undefined;
      var base = staticBase + "vendor/vega/";
      vegaReady = loadScript(base + "vega.min.js")
        .then(function () { return loadScript(base + "vega-lite.min.js"); })
        .then(function () { return loadScript(base + "vega-embed.min.js"); })
        .finally(function () { window.define = amd; });
    }
    return vegaReady;
  }

  function loadData(name) {
    return loadScript(staticBase + "explorers/" + name + ".js").then(function () {
      return window.IFNALPHA_EXPLORER_DATA[name];
    });
  }

  function fmt(v) {
    if (v === null || v === undefined) { return "–"; }
    if (typeof v !== "number") { return String(v); }
    return String(Number(v.toPrecision(3)));
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function buildControls(root, data, state, onChange) {
    var form = el("form", {"class": "ifnalpha-explorer-controls"});
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    data.controls.forEach(function (c) {
      var id = "ifx-" + data.name + "-" + c.name;
      var row = el("div", {"class": "ifnalpha-explorer-control"});
      var input;
      state[c.name] = c.default;
      if (c.kind === "select") {
        row.appendChild(el("label", {"for": id}, c.label));
        input = el("select", {id: id, name: c.name});
        c.labels.forEach(function (label, i) {
          var o = el("option", {value: String(i)}, label);
          if (i === c.default) { o.selected = true; }
          input.appendChild(o);
        });
        row.appendChild(input);
      } else if (c.kind === "checkbox") {
        input = el("input", {type: "checkbox", id: id, name: c.name});
        input.checked = c.default === 1;
        row.appendChild(input);
        row.appendChild(el("label", {"for": id}, c.label));
      } else {
        row.appendChild(el("label", {"for": id}, c.label));
        input = el("input", {type: "range", id: id, name: c.name, min: "0",
                             max: String(c.labels.length - 1), step: "1",
                             value: String(c.default)});
        var out = el("output", {"for": id, "aria-hidden": "true"}, c.labels[c.default]);
        input.setAttribute("aria-valuetext", c.labels[c.default]);
        input.addEventListener("input", function () {
          out.textContent = c.labels[+input.value];
          input.setAttribute("aria-valuetext", c.labels[+input.value]);
        });
        row.appendChild(input);
        row.appendChild(out);
      }
      input.addEventListener(c.kind === "range" ? "input" : "change", function () {
        state[c.name] = c.kind === "checkbox" ? (input.checked ? 1 : 0) : +input.value;
        onChange();
      });
      form.appendChild(row);
    });
    root.appendChild(form);
  }

  function controlByName(data, name) {
    for (var i = 0; i < data.controls.length; i++) {
      if (data.controls[i].name === name) { return data.controls[i]; }
    }
    return null;
  }

  // The grid point of each view: axis -> index, from the controls bound to it.
  function points(data, state) {
    var seen = {}, out = [];
    data.views.forEach(function (view) {
      var idx = {};
      Object.keys(view.axes).forEach(function (axis) { idx[axis] = state[view.axes[axis]]; });
      var key = JSON.stringify(idx);
      if (seen[key]) { return; }
      seen[key] = true;
      var tag = view.tag ? controlByName(data, view.tag).labels[state[view.tag]] : null;
      out.push({idx: idx, tag: tag});
    });
    return out;
  }

  // One curve packed by ifnalpha.book.explorer_data.encode_series: [e, d0, d1, ...], integer
  // steps of 10^e between values (or, with a missing value, the n values themselves).
  function decodeSeries(packed, n) {
    if (packed.length === n) { return packed; }
    var e = packed[0], out = new Array(n), q = 0;
    var div = e < 0 ? Math.pow(10, -e) : 0, mul = e < 0 ? 0 : Math.pow(10, e);
    for (var i = 0; i < n; i++) {
      q += packed[i + 1];
      out[i] = div ? q / div : q * mul;
    }
    return out;
  }

  var decoded = {};
  function curvesAt(data, key) {
    var id = data.name + "|" + key;
    if (!decoded[id]) {
      decoded[id] = (data.curves[key] || []).map(function (p) {
        return decodeSeries(p, data.x.length);
      });
    }
    return decoded[id];
  }

  function keyOf(axes, idx) {
    return axes.map(function (a) { return idx[a]; }).join(",");
  }

  function rowsFor(data, state) {
    var limit = Infinity;
    if (data.clip) {
      var c = controlByName(data, data.clip[0]);
      limit = data.axes[c.axis][state[c.name]] * data.clip[1] + 1e-9;
    }
    var curves = [], numbers = [], lines = [];
    points(data, state).forEach(function (p) {
      var sets = curvesAt(data, keyOf(data.curveAxes, p.idx));
      sets.forEach(function (values, si) {
        var name = data.seriesNames[si], extra = data.series[name] || {};
        for (var xi = 0; xi < values.length; xi++) {
          var v = values[xi], x = data.x[xi];
          if (v === null || x > limit) { continue; }
          var row = {x: x, series: name, value: v, view: p.tag};
          for (var k in extra) { row[k] = extra[k]; }
          curves.push(row);
        }
      });
      var vals = data.numbers[keyOf(data.numberAxes, p.idx)] || [];
      var nrow = {view: p.tag};
      Object.keys(p.idx).forEach(function (a) { nrow[a] = data.axes[a][p.idx[a]]; });
      data.numberNames.forEach(function (n, i) { nrow[n] = vals[i]; });
      numbers.push(nrow);
      data.readout.forEach(function (r) {
        lines.push([(p.tag ? p.tag + ": " : "") + r[1], fmt(nrow[r[0]])]);
      });
    });
    return {curves: curves, numbers: numbers, lines: lines};
  }

  function showReadout(box, lines) {
    var dl = el("dl", {});
    lines.forEach(function (l) {
      dl.appendChild(el("dt", {}, l[0]));
      dl.appendChild(el("dd", {}, l[1]));
    });
    box.replaceChildren(dl);
  }

  function build(root, data) {
    var status = root.querySelector(".ifnalpha-explorer-status");
    var state = {};
    var chart = el("div", {"class": "ifnalpha-explorer-chart"});
    var readout = el("div", {"class": "ifnalpha-explorer-readout", role: "status",
                             "aria-live": "polite", "aria-atomic": "true",
                             "aria-label": "Key numbers"});
    var view = null, pending = Promise.resolve();
    function update() {
      var t0 = performance.now();
      var r = rowsFor(data, state);
      showReadout(readout, r.lines);
      if (!view) { return pending; }
      var vega = window.vega;
      view.change("curves", vega.changeset().remove(vega.truthy).insert(r.curves));
      if (hasData(view, "numbers")) {
        view.change("numbers", vega.changeset().remove(vega.truthy).insert(r.numbers));
      }
      data.controls.forEach(function (c) {
        if (!c.axis) { view.signal(c.name, state[c.name] === 1); }
      });
      // a faceted chart lays its panels out anew when the data change: resize the view too
      pending = view.resize().runAsync().then(function () {
        root.dataset.updateMs = String(Math.round(performance.now() - t0));
        root.dataset.updates = String(+(root.dataset.updates || 0) + 1);
      });
      return pending;
    }
    buildControls(root, data, state, update);
    root.appendChild(chart);
    root.appendChild(el("p", {"class": "ifnalpha-explorer-readout-title"}, "Key numbers"));
    root.appendChild(readout);
    var spec = JSON.parse(JSON.stringify(data.spec));
    spec.description = data.title + ": chart of the model's values at the chosen grid point";
    var renderer = data.renderer || "svg";
    return window.vegaEmbed(chart, spec, {renderer: renderer, actions: false, mode: "vega-lite"})
      .then(function (result) {
        view = result.view;
        if (renderer === "canvas") {
          // a canvas has no accessible tree of its own: the chart is one named image (Vega
          // names its container after the description, as a graphics-document)
          chart.setAttribute("role", "img");
          chart.setAttribute("aria-label", spec.description);
        }
        return update();
      }).then(function () {
        if (status) { status.remove(); }
        root.dataset.state = "ready";
      });
  }

  function hasData(view, name) {
    try { view.data(name); return true; } catch (e) { return false; }
  }

  function start(root) {
    if (root.dataset.state) { return; }
    root.dataset.state = "loading";
    var status = root.querySelector(".ifnalpha-explorer-status");
    if (status) { status.textContent = "Loading the explorer…"; }
    Promise.all([loadVega(), loadData(root.dataset.explorer)])
      .then(function (res) { return build(root, res[1]); })
      .catch(function (err) {
        root.dataset.state = "failed";
        if (status) { status.textContent = "The explorer could not load (" + err.message + ")."; }
      });
  }

  function init() {
    var roots = document.querySelectorAll(".ifnalpha-explorer[data-explorer]");
    if (!("IntersectionObserver" in window)) {
      roots.forEach(start);
      return;
    }
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting) { io.unobserve(e.target); start(e.target); }
      });
    }, {rootMargin: "400px"});
    roots.forEach(function (r) { io.observe(r); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
