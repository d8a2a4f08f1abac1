// IBEX screens: small behaviours only; every page works without this file.
(function () {
  "use strict";
  // The GOV.UK error summary takes focus, so a screen reader hears it and Tab goes to the first broken field.
  function focusMarked(root) {
    var marked = (root || document).querySelector("[data-autofocus]");
    if (marked) { marked.focus(); }
  }
  document.addEventListener("DOMContentLoaded", function () { focusMarked(document); });
  document.addEventListener("htmx:afterSwap", function (event) { focusMarked(event.detail.target); });
})();
