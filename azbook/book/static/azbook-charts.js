/* Draws every chart of the page with the book's own copy of Vega (vega-bundle.js).
   Both scripts load async, so this one waits for the DOM and for the bundle
   (which announces itself with a "vega-bundle-ready" event).
   Each chart container carries its Vega-Lite spec in a JSON script element;
   data-drawn="true" marks a drawn chart, and a failure is logged to the console. */
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
      return Promise.resolve();
    }
    // Links in charts (e.g. an event's source) open in a new tab: the reader keeps the book.
    // (vega-embed builds the Vega loader from these options.)
    var loader = { target: "_blank", rel: "noopener noreferrer" };
    // ast: Vega interprets expressions instead of compiling them with Function(), so the
    // page's content security policy needs no 'unsafe-eval'; defaultStyle and the tooltip's
    // disableDefaultStyle keep vega-embed and vega-tooltip from injecting <style> elements
    // (the policy forbids them; the tooltip's style is in azbook.css, the action menu is unused).
    var options = {
      renderer: "svg", actions: false, mode: "vega", loader: loader, ast: true, defaultStyle: false,
      tooltip: { disableDefaultStyle: true }
    };
    return window.vegaEmbed(view, spec, options)
      .then(function () { container.setAttribute("data-drawn", "true"); })
      .catch(function (err) {
        container.setAttribute("data-drawn", "error");
        console.error("Chart " + container.id + " failed to draw", err);
      });
  }
  function drawAll() {
    var drawing = Array.prototype.map.call(document.querySelectorAll(".azbook-chart"), draw);
    Promise.all(drawing).then(function () {
      // Time from navigation start to the last chart drawn (read by the benchmark).
      document.documentElement.setAttribute("data-charts-drawn-ms", String(Math.round(performance.now())));
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
    if (typeof window.vegaEmbed === "function") {
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
