// Analyst screens: after htmx replaces the overstayers with a new filter or page, focus moves to the results'
// heading so a screen reader announces them (an error summary, when there is one, takes focus through ibex.js).
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function (event) {
    var region = document.getElementById("overstayers");
    if (!region || !region.contains(event.detail.elt) && event.detail.elt !== region) { return; }
    if (region.querySelector(".error-summary")) { return; }
    var heading = document.getElementById("results-heading");
    if (heading) { heading.focus(); }
  });
})();
