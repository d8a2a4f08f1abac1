// Inspection desk: a keyboard-wedge reader types each MRZ line and Enter; the last complete line reads the document.
// Every form works without this file (the Read document button, the confirm and override buttons).
(function () {
  "use strict";
  var LAYOUTS = [[44, 2], [36, 2], [30, 3]]; // TD3 and MRV-A, TD2 and MRV-B, TD1: line length and count
  var KEY = "ibex.inspection.direction";

  function lines(value) {
    return value.split(/\r?\n/).map(function (l) { return l.trim(); }).filter(function (l) { return l.length > 0; });
  }

  function complete(value) {
    var read = lines(value);
    return LAYOUTS.some(function (layout) {
      return read.length === layout[1] && read.every(function (l) { return l.length === layout[0]; });
    });
  }

  function setDirection(value) {
    var radio = document.querySelector("#inspect input[name=direction][value=" + value + "]");
    if (!radio || radio.checked) { return; }
    radio.checked = true;
    remember(value);
    // A proposal on screen was made for the other direction: assess again rather than confirm the wrong one.
    var mrz = document.getElementById("mrz");
    if (document.getElementById("confirm") && mrz && mrz.value.trim()) {
      document.getElementById("inspect").requestSubmit();
    }
  }

  function remember(value) {
    try { sessionStorage.setItem(KEY, value); } catch (e) { /* private mode: the page still carries it */ }
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "+" || event.key === "-") {
      var typing = target.tagName === "TEXTAREA" && target.id !== "mrz" || target.tagName === "SELECT"
          || target.tagName === "INPUT" && target.type !== "radio" && target.type !== "hidden";
      if (!typing && document.getElementById("inspect")) {
        event.preventDefault();
        setDirection(event.key === "+" ? "ENTRY" : "EXIT");
      }
      return;
    }
    if (event.key === "Enter" && target.id === "mrz") {
      if (!target.value.trim()) {
        event.preventDefault(); // a reader's extra Enter, or a double Enter after a confirmation
      } else if (complete(target.value)) {
        event.preventDefault();
        target.form.requestSubmit();
      }
    }
  });

  document.addEventListener("change", function (event) {
    if (event.target.name === "direction" && event.target.type === "radio") { remember(event.target.value); }
  });

  // htmx swaps only a success; a refusal (an expired form, a server error) is a page the officer must read, so its
  // main part replaces the desk instead of nothing happening.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var main = document.getElementById("main");
    if (event.detail.xhr.status >= 400 && main && document.getElementById("desk")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
      event.detail.target = main;
      event.detail.swapOverride = "innerHTML";
      event.detail.selectOverride = "#main > *";
    }
  });

  // A fresh desk (no direction in its address) takes the direction this tab last used.
  document.addEventListener("DOMContentLoaded", function () {
    var stored = null;
    try { stored = sessionStorage.getItem(KEY); } catch (e) { stored = null; }
    if ((stored === "ENTRY" || stored === "EXIT") && location.search.indexOf("direction=") < 0) {
      var radio = document.querySelector("#inspect input[name=direction][value=" + stored + "]");
      if (radio) { radio.checked = true; }
    }
  });
})();
