// In-text citation cards (ifnalpha.book.citation_role). CSS opens a citation's card on mouse
// hover and on keyboard focus; this script only lets Escape close an open card (WCAG 1.4.13:
// dismissible without moving the pointer or focus) and keeps a card inside the window.
(function () {
  "use strict";

  function citeOf(target) {
    return target && target.closest ? target.closest(".review-cite") : null;
  }

  function place(cite) {
    var card = cite.querySelector(".review-cite-card");
    if (!card) return;
    card.style.left = "";
    var box = card.getBoundingClientRect();
    var over = box.right - (document.documentElement.clientWidth - 8);
    if (box.width && over > 0) card.style.left = -Math.min(over, box.left - 8) + "px";
  }

  function opened(event) {
    var cite = citeOf(event.target);
    if (cite) window.requestAnimationFrame(function () { place(cite); });
  }

  function closed(event) {
    var cite = citeOf(event.target);
    if (!cite) return;
    window.setTimeout(function () {  // a closed card opens again next time
      if (!cite.matches(":hover") && !cite.matches(":focus-within")) {
        cite.classList.remove("review-cite-dismissed");
      }
    }, 0);
  }

  document.addEventListener("mouseover", opened);
  document.addEventListener("focusin", opened);
  document.addEventListener("mouseout", closed);
  document.addEventListener("focusout", closed);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".review-cite:hover, .review-cite:focus-within").forEach(
      function (cite) { cite.classList.add("review-cite-dismissed"); });
  });
})();
