// Accessibility fixes for markup that the theme and docutils generate (Jupyter Book adds every
// .js file in _static/ to every page). Each fix answers a serious or critical axe-core violation
// found by tests/browser/test_pages.py; the content of the book is not touched.
(function () {
  "use strict";

  function fix() {
    // pydata-sphinx-theme's search buttons show "Search Ctrl+K" but are labelled "Search"
    // (axe: label-content-name-mismatch). Their visible text is a good accessible name.
    document.querySelectorAll("button.search-button-field[aria-label]").forEach(function (b) {
      b.removeAttribute("aria-label");
    });

    // The colour-mode button is labelled "Color mode", but its icons carry titles ("Light",
    // "Dark", "System Settings") that count as its visible text (label-content-name-mismatch).
    // The icons are decorative: the label (and the tooltip) say what the button does.
    document.querySelectorAll(".theme-switch-button .theme-switch").forEach(function (icon) {
      icon.removeAttribute("title");
      if (icon.tagName.toLowerCase() === "svg") {
        icon.querySelectorAll("title").forEach(function (t) { t.remove(); });
        icon.removeAttribute("aria-labelledby");
        icon.setAttribute("aria-hidden", "true");
        icon.removeAttribute("role");
      }
    });

    // ipywidgets sliders: the handle (role="slider") has no accessible name, while the widget
    // shows its description in a <label> that is not tied to it (aria-input-field-name). Name
    // the handle by that description; drop the label's tooltip "null" (an unset tooltip).
    document.querySelectorAll(".jupyter-widgets [role='slider']").forEach(function (handle) {
      if (handle.getAttribute("aria-label") || handle.getAttribute("aria-labelledby")) return;
      var widget = handle.closest(".widget-slider, .jupyter-widgets");
      var label = widget && widget.querySelector(".widget-label");
      var text = label && label.textContent.trim();
      handle.setAttribute("aria-label", text || "value");
    });
    document.querySelectorAll(".jupyter-widgets [title='null']").forEach(function (e) {
      e.removeAttribute("title");
    });

    // DataTables gives the pagination of every table the same landmark name, "pagination"
    // (axe: landmark-unique, moderate): name each after its table's caption.
    document.querySelectorAll(".dt-container").forEach(function (container, index) {
      var nav = container.querySelector("nav[aria-label='pagination']");
      if (!nav) return;
      var caption = container.querySelector("caption");
      var name = caption && caption.textContent.trim().split(/[.:;]/)[0].slice(0, 80);
      nav.setAttribute("aria-label", "Pages of table " + (name ? "“" + name + "”" : index + 1));
    });

    // docutils marks bibliography entries role="doc-biblioentry" inside role="list"; that role
    // is deprecated in WAI-ARIA 1.3, so the list has no valid items (aria-required-children).
    document.querySelectorAll('[role="list"] > [role="doc-biblioentry"]').forEach(function (e) {
      e.setAttribute("role", "listitem");
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fix);
  } else {
    fix();
  }
  // The widget manager renders widgets, and DataTables its tables, after the page loads (the
  // icons are web-font <i> elements, see ifnalpha.book.page_assets): fix again whenever
  // elements are added.
  window.addEventListener("load", function () {
    fix();
    var pending = false;
    new MutationObserver(function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; fix(); });
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
