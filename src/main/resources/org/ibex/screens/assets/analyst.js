// Analyst screens: after htmx replaces the overstayers with a new filter or page, focus moves to what changed, so a
// screen reader announces it: the error summary when the filter was refused, else the results' heading.
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function () {
    var region = document.getElementById("overstayers");
    if (!region) { return; }
    var target = region.querySelector(".error-summary") || document.getElementById("results-heading");
    if (target) { target.focus(); }
  });
})();
