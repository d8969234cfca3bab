/* Draws every chart of the page with the book's own copy of Vega (vega-bundle.js).
   Each chart container carries its Vega-Lite spec in a JSON script element.
   data-drawn="true" marks a drawn chart; a failure is logged to the console. */
(function () {
  "use strict";
  function draw(container) {
    var view = container.querySelector(".azbook-chart-view");
    var specNode = container.querySelector("script.azbook-chart-spec");
    var spec;
    try {
      spec = JSON.parse(specNode.textContent);
    } catch (err) {
      container.setAttribute("data-drawn", "error");
      console.error("Chart " + container.id + ": unreadable spec", err);
      return;
    }
    return window.vegaEmbed(view, spec, { renderer: "svg", actions: false, mode: "vega-lite" })
      .then(function () { container.setAttribute("data-drawn", "true"); })
      .catch(function (err) {
        container.setAttribute("data-drawn", "error");
        console.error("Chart " + container.id + " failed to draw", err);
      });
  }
  function drawAll() {
    if (typeof window.vegaEmbed !== "function") {
      console.error("vega-bundle.js did not load: charts cannot be drawn");
      return;
    }
    var drawing = Array.prototype.map.call(document.querySelectorAll(".azbook-chart"), draw);
    Promise.all(drawing).then(function () {
      // Time from navigation start to the last chart drawn (read by the benchmark).
      document.documentElement.setAttribute("data-charts-drawn-ms", String(Math.round(performance.now())));
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
