// Analyst dashboard: draws each chart and map from the figures the page carries (the same rows as its tables, so the
// two never disagree), mirrored in Arabic (right to left), and offers each as a PNG. The only requests are for the
// boundaries, to this node: no map tiles, nothing beyond it.
(function () {
  "use strict";
  var root = document.getElementById("dashboard");
  if (!root || typeof echarts === "undefined") { return; }
  var data = JSON.parse(root.getAttribute("data-figures"));
  var rtl = document.documentElement.dir === "rtl";
  var L = data.labels;
  var number = new Intl.NumberFormat(data.locale);
  var font = "\"Noto Sans\", \"Noto Sans Arabic\", \"Noto Sans Thai\", sans-serif";
  // The style sheet's link, warn and ok colours, and two more of the same weight: AA against white.
  var colors = ["#1d4f91", "#b35900", "#00703c", "#6f3c97", "#0f6b63", "#8a4b00"];
  var charts = [];
  var start = rtl ? "right" : "left";
  var end = rtl ? "left" : "right";

  // Canvas text takes the page's direction: in Arabic "60+" or "-5" would come out as "+60" or "5-". Marks on both
  // sides keep such labels left to right, as the tables' dir="ltr" does.
  function ltr(text) { return rtl ? "\u200E" + text + "\u200E" : String(text); }
  function format(value) { return ltr(number.format(value)); }

  function init(id) {
    var element = document.getElementById("chart-" + id);
    if (!element) { return null; }
    var chart = echarts.init(element, null, { renderer: "canvas" });
    charts.push(chart);
    chart.on("finished", function () {
      element.setAttribute("data-rendered", "true");
      var link = document.getElementById("png-" + id);
      if (link) {
        link.href = chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" });
        link.hidden = false;
      }
    });
    return chart;
  }

  // No animation: the PNG and the screen show the final figures at once, and motion stays off for those who need it.
  function base() {
    return {
      animation: false,
      color: colors,
      textStyle: { fontFamily: font, fontSize: 13, color: "#0b0c0c" },
      // Rich text, not HTML: the page's CSP allows no inline styles, which HTML tooltips would need.
      tooltip: { renderMode: "richText", valueFormatter: format }
    };
  }

  function legend() {
    return { top: 0, left: start, align: start, itemGap: 16 };
  }

  function netFlow() {
    var chart = init("net-flow");
    if (!chart) { return; }
    var rows = data.netFlow;
    var option = base();
    option.tooltip.trigger = "axis";
    option.legend = legend();
    option.grid = { left: 16, right: 16, top: 40, bottom: 8, containLabel: true };
    option.xAxis = { type: "category", inverse: rtl, axisLabel: { formatter: ltr },
      data: rows.map(function (r) { return r.period; }) };
    option.yAxis = { type: "value", position: start, axisLabel: { formatter: format } };
    option.series = [
      { name: L.entries, type: "line", data: rows.map(function (r) { return r.entries; }), symbolSize: 6 },
      { name: L.exits, type: "line", data: rows.map(function (r) { return r.exits; }), symbolSize: 6 },
      { name: L.net, type: "bar", data: rows.map(function (r) { return r.net; }), barMaxWidth: 24, itemStyle: { opacity: 0.6 } }
    ];
    chart.setOption(option);
  }

  function bars(id, rows, name) {
    var chart = init(id);
    if (!chart) { return; }
    var option = base();
    option.tooltip.trigger = "axis";
    // Room at the bars' end for the largest one's label.
    option.grid = { left: rtl ? 56 : 16, right: rtl ? 16 : 56, top: 8, bottom: 8, containLabel: true };
    option.xAxis = { type: "value", inverse: rtl, axisLabel: { formatter: format } };
    // The first row on top: the largest, or the youngest age band.
    option.yAxis = { type: "category", inverse: true, position: start, axisLabel: { formatter: ltr },
      data: rows.map(function (r) { return r.key; }) };
    option.series = [{
      name: name || L.crossings, type: "bar", barMaxWidth: 22, data: rows.map(function (r) { return r.crossings; }),
      label: { show: true, position: end, formatter: function (p) { return format(p.value); } }
    }];
    chart.setOption(option);
  }

  function boundaries(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("boundaries " + url + ": " + response.status); }
        return response.json();
      });
  }

  function names(geo) {
    var byPcode = {};
    geo.features.forEach(function (f) { byPcode[f.properties.pcode] = f.properties.name; });
    return byPcode;
  }

  function note(text) {
    return { text: text, left: "center", bottom: 4, textStyle: { fontFamily: font, fontSize: 14, fontWeight: "normal", color: "#484949" } };
  }

  // Posts as circles sized by crossings, on Utopia's outline. A map keeps its geography in both directions; only the
  // labels and the note move with the reading direction.
  function flowMap() {
    var chart = init("posts");
    if (!chart) { return; }
    boundaries(data.flowMap).then(function (geo) {
      echarts.registerMap("flows", geo);
      var placed = data.posts.filter(function (p) { return p.latitude !== null && p.longitude !== null; });
      var max = Math.max.apply(null, [1].concat(placed.map(function (p) { return p.entries + p.exits; })));
      var option = base();
      option.tooltip.trigger = "item";
      option.tooltip.formatter = function (p) {
        return p.seriesType === "scatter" ? p.name + "\n" + L.entries + ": " + format(p.data.entries) + "\n"
          + L.exits + ": " + format(p.data.exits) : p.name;
      };
      option.geo = {
        map: "flows", roam: false, top: 16, bottom: 32, silent: true,
        label: { show: true, color: "#484949", fontFamily: font, fontSize: 12 },
        itemStyle: { areaColor: "#eef2f5", borderColor: "#6b7b8b", borderWidth: 1 }
      };
      option.series = [{
        type: "scatter", coordinateSystem: "geo", name: L.crossings,
        data: placed.map(function (p) {
          return { name: p.post, value: [p.longitude, p.latitude, p.entries + p.exits], entries: p.entries, exits: p.exits };
        }),
        symbolSize: function (value) { return 10 + 40 * Math.sqrt(value[2] / max); },
        itemStyle: { color: "#b35900", opacity: 0.85, borderColor: "#ffffff", borderWidth: 1 },
        label: { show: true, position: end, formatter: function (p) { return p.name + " " + format(p.value[2]); }, fontFamily: font, color: "#0b0c0c" }
      }];
      if (placed.length === 0) { option.title = note(L.mapNoPosts); }
      chart.setOption(option);
    }).catch(function () { root.querySelector("#section-posts .chart").setAttribute("data-failed", "true"); });
  }

  // Displacement by area, joined on p-code with the chosen boundary set; without data the outline alone and a note.
  function choropleth() {
    var chart = init("displacement");
    if (!chart) { return; }
    var displaced = data.displacement;
    boundaries(displaced.boundaries).then(function (geo) {
      var areaNames = names(geo);
      echarts.registerMap("displacement", geo);
      var values = displaced.areas.map(function (a) { return { name: a[0], value: a[2] }; });
      var max = Math.max.apply(null, [1].concat(values.map(function (v) { return v.value; })));
      var option = base();
      option.tooltip.trigger = "item";
      option.tooltip.formatter = function (p) {
        var name = areaNames[p.name] || p.name;
        return isNaN(p.value) ? name : name + "\n" + L.displaced + ": " + format(p.value);
      };
      option.series = [{
        type: "map", map: "displacement", nameProperty: "pcode", roam: false, top: 16, bottom: 48, data: values,
        // A white halo keeps the names readable on the darkest areas.
        label: { show: true, fontFamily: font, fontSize: 11, color: "#0b0c0c", textBorderColor: "#ffffff", textBorderWidth: 3, formatter: function (p) { return areaNames[p.name] || p.name; } },
        itemStyle: { areaColor: "#eef2f5", borderColor: "#6b7b8b", borderWidth: 1 },
        emphasis: { label: { show: true }, itemStyle: { areaColor: "#ffdd00" } }
      }];
      if (displaced.available && values.length > 0) {
        option.visualMap = {
          type: "continuous", min: 0, max: max, left: start, bottom: 8, calculable: false, inverse: false,
          orient: "horizontal", text: [format(max), format(0)], textStyle: { fontFamily: font },
          inRange: { color: ["#fee8c8", "#fdbb84", "#e34a33", "#7f0000"] }
        };
        // Mirrored in Arabic: the low end on the right (the labels follow the scale).
        if (rtl) { option.visualMap.inverse = true; }
      } else {
        option.title = note(L.noDisplacement);
      }
      chart.setOption(option);
    }).catch(function () { root.querySelector("#section-displacement .chart").setAttribute("data-failed", "true"); });
  }

  netFlow();
  Object.keys(data.breakdowns).forEach(function (id) { bars(id, data.breakdowns[id]); });
  bars("stays", data.stays, L.stays);
  flowMap();
  choropleth();
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
