// Loaded before require.js and embed-amd.js on pages with Jupyter widgets (nb_ipywidgets_js in
// _config.yml), from _static/vendor/ (tools/vendor-web.sh).
//
// 1. No CDN. The widget manager (embed-amd.js, from the npm package
//    @jupyter-widgets/html-manager) bundles the base, controls and output widgets. RequireJS
//    resolves module URLs against _static/vendor/widgets/, next to this file: another widget
//    module would be looked up as _static/vendor/widgets/<module>.js, and the manager's CDN
//    fallback (data-jupyter-widgets-cdn="./") resolves there too. The manager's icon fonts are
//    requested next to those module URLs, where tools/vendor-web.sh puts them.
var require = { baseUrl: new URL("widgets/", document.currentScript.src).href };

// 2. MathJax. The manager typesets widget labels with MathJax 2's API
//    (MathJax.Hub.Queue(["Typeset", MathJax.Hub, element])) whenever window.MathJax exists, but
//    Sphinx loads MathJax 3, whose global has no Hub: every label would throw. Give whatever
//    object window.MathJax holds (Sphinx's configuration first, MathJax 3 itself later) a Hub
//    whose Queue typesets the element with MathJax 3.
(function () {
  "use strict";
  var hub = {
    Queue: function (job) {
      var element = job && job[2];
      var mathjax = window.MathJax;
      if (element && mathjax && typeof mathjax.typesetPromise === "function") {
        mathjax.typesetPromise([element]).catch(function (error) { console.warn(error); });
      }
    },
  };
  function bridge(value) {
    if (value && typeof value === "object" && !("Hub" in value)) {
      Object.defineProperty(value, "Hub", { value: hub, configurable: true });
    }
    return value;
  }
  var current = bridge(window.MathJax);
  Object.defineProperty(window, "MathJax", {
    configurable: true,
    get: function () { return current; },
    set: function (value) { current = bridge(value); },
  });
})();
