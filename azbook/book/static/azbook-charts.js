/* Draws every chart of the page with the book's own Vega runtime (vega-bundle.js: Vega and
   vega-tooltip, exposed as window.azbookVega; no Vega-Lite compiler, no vega-embed).
   Both scripts load async, so this one waits for the DOM and for the bundle
   (which announces itself with a "vega-bundle-ready" event).
   Each chart container carries its spec, compiled to Vega at build time, in a JSON script element;
   data-drawn="true" marks a drawn chart, and a failure is logged to the console.
   A container narrower than its chart's data-below width (a phone) draws the chart's narrow layout:
   a patch to the desktop spec (azbook/book/narrow.py), applied here; data-layout names the one drawn,
   and a resize across the threshold redraws. */
(function () {
  "use strict";
  function fail(container, what, err) {
    container.setAttribute("data-drawn", "error");
    console.error("Chart " + container.id + what, err);
  }
  // The patch format of narrow.diff: {"=": value} replaces; {"o": {key: patch}, "d": [keys]} patches
  // an object; {"a": {index: patch}} patches a list.
  function patched(value, patch) {
    if ("=" in patch) { return patch["="]; }
    var part = "a" in patch ? patch.a : (patch.o || {});
    Object.keys(part).forEach(function (key) { value[key] = patched(value[key], part[key]); });
    (patch.d || []).forEach(function (key) { delete value[key]; });
    return value;
  }
  function layoutFor(container) {
    var node = container.querySelector("script.azbook-chart-narrow");
    return node && container.clientWidth < Number(node.getAttribute("data-below")) ? "narrow" : "desktop";
  }
  var views = {};  // container id -> the Vega view drawn in it
  function draw(container) {
    var view = container.querySelector(".azbook-chart-view");
    var specNode = container.querySelector("script.azbook-chart-spec");
    var layout = layoutFor(container);
    var spec;
    try {
      spec = JSON.parse(specNode.textContent);
      if (layout === "narrow") {
        spec = patched(spec, JSON.parse(container.querySelector("script.azbook-chart-narrow").textContent));
      }
    } catch (err) {
      fail(container, ": unreadable spec", err);
      return Promise.resolve();
    }
    // Links in charts (e.g. an event's source) open in a new tab: the reader keeps the book.
    var V = window.azbookVega;
    var tooltip = new V.TooltipHandler({ disableDefaultStyle: true });  // styled in azbook.css
    // Vega marks its container as a graphics document; it draws into a child of the view, which
    // screen readers are given as one image (role="img") named by the chart's title.
    if (views[container.id]) { views[container.id].finalize(); }
    view.textContent = "";
    container.setAttribute("data-layout", layout);
    var canvas = document.createElement("div");
    view.appendChild(canvas);
    var chart;
    try {
      // ast + expr: Vega interprets the spec's expressions instead of compiling them with
      // Function(), which the page's content security policy forbids ('unsafe-eval').
      chart = new V.View(V.parse(spec, null, { ast: true }), {
        renderer: "svg", container: canvas, hover: true, tooltip: tooltip.call, expr: V.expressionInterpreter,
        loader: V.loader({ target: "_blank", rel: "noopener noreferrer" })
      });
    } catch (err) {
      fail(container, " failed to draw", err);
      return Promise.resolve();
    }
    views[container.id] = chart;
    return chart.runAsync()
      .then(function () { container.setAttribute("data-drawn", "true"); })
      .catch(function (err) { fail(container, " failed to draw", err); });
  }
  function drawAll() {
    var drawing = Array.prototype.map.call(document.querySelectorAll(".azbook-chart"), draw);
    Promise.all(drawing).then(function () {
      // Time from navigation start to the last chart drawn (read by the benchmark).
      document.documentElement.setAttribute("data-charts-drawn-ms", String(Math.round(performance.now())));
    });
    var pending = null;
    window.addEventListener("resize", function () {  // e.g. a phone turned sideways
      clearTimeout(pending);
      pending = setTimeout(function () {
        Array.prototype.forEach.call(document.querySelectorAll(".azbook-chart[data-layout]"), function (container) {
          if (layoutFor(container) !== container.getAttribute("data-layout")) { draw(container); }
        });
      }, 150);
    });
  }
  // "interactive": the whole page is parsed (every chart container exists); this comes
  // before DOMContentLoaded, which waits for the theme's large deferred scripts.
  var domReady = new Promise(function (resolve) {
    if (document.readyState !== "loading") {
      resolve();
    } else {
      document.addEventListener("readystatechange", function () {
        if (document.readyState !== "loading") { resolve(); }
      });
    }
  });
  var vegaReady = new Promise(function (resolve) {
    if (window.azbookVega) {
      resolve();
    } else {
      window.addEventListener("vega-bundle-ready", resolve);
    }
  });
  var timeout = new Promise(function (resolve, reject) {
    setTimeout(function () { reject(new Error("vega-bundle.js did not load within 20 s")); }, 20000);
  });
  Promise.race([Promise.all([domReady, vegaReady]), timeout]).then(drawAll, function (err) {
    console.error("Charts cannot be drawn:", err.message);
  });
})();
