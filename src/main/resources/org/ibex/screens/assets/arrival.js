// Undocumented arrival: the search takes seconds with ten fingers; say so, and keep a second press from sending twice.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("arrival-capture")) {
      return;
    }
    var button = form.querySelector("button[data-busy]");
    if (button) {
      if (button.getAttribute("aria-disabled") === "true") {
        event.preventDefault();
        return;
      }
      button.setAttribute("aria-disabled", "true");
      button.textContent = button.getAttribute("data-busy");
    }
  });
})();
