/* Contrast of every drawn chart's text (4.5:1) and marks (3:1) against the background it is drawn on
   (the chart's own background when it paints one, else the page's). Returns the failures as strings.
   Used by tests/test_browser.py; shading bands (fill-opacity below 0.5) and axis grid lines are not
   marks that carry a value and are left out. */
() => {
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c || "");
    if (!m) { return null; }
    const p = m[1].split(",").map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const probe = document.createElement("span");
  document.body.appendChild(probe);
  const rgb = (c) => { probe.style.color = ""; probe.style.color = c; return parse(getComputedStyle(probe).color); };
  const over = (fg, alpha, bg) => ({ r: fg.r * alpha + bg.r * (1 - alpha), g: fg.g * alpha + bg.g * (1 - alpha), b: fg.b * alpha + bg.b * (1 - alpha) });
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const pageBackground = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { return c; }
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const opacity = (el, kind) => {
    let a = 1;
    for (let e = el; e && e.tagName !== "svg"; e = e.parentElement) {
      const cs = getComputedStyle(e);
      a *= Number(cs.opacity);
      if (e === el) { a *= Number(kind === "fill" ? cs.fillOpacity : cs.strokeOpacity); }
    }
    return a;
  };
  const failures = [];
  for (const chart of document.querySelectorAll(".azbook-chart")) {
    const svg = chart.querySelector(".azbook-chart-view svg");
    if (!svg) { continue; }
    const bgRect = svg.querySelector("g.mark-group.role-frame > g > path.background, rect.background");
    let bg = pageBackground(svg);
    const own = svg.querySelector(":scope > rect");
    const svgBg = parse(getComputedStyle(svg).backgroundColor);
    if (own && own.getAttribute("fill") && rgb(own.getAttribute("fill"))) { bg = rgb(own.getAttribute("fill")); }
    else if (svgBg && svgBg.a > 0) { bg = svgBg; }
    const seen = new Set();
    const report = (what, el, colour, alpha, need) => {
      const shown = over(colour, alpha, bg);
      const r = ratio(shown, bg);
      const key = `${what} ${JSON.stringify(shown)}`;
      if (r < need && !seen.has(key)) {
        seen.add(key);
        failures.push(`${chart.id}: ${what} "${(el.textContent || el.getAttribute("class") || el.parentElement.getAttribute("class") || "").slice(0, 40)}" ` +
          `rgb(${Math.round(shown.r)},${Math.round(shown.g)},${Math.round(shown.b)}) on rgb(${bg.r},${bg.g},${bg.b}): ${r.toFixed(2)}:1 < ${need}:1`);
      }
    };
    for (const text of svg.querySelectorAll("text")) {
      if (!text.textContent.trim()) { continue; }
      const c = rgb(getComputedStyle(text).fill);
      if (c) { report("text", text, c, opacity(text, "fill"), 4.5); }
    }
    for (const mark of svg.querySelectorAll("g.mark-symbol path, g.mark-rect path, g.mark-line path, g.mark-area path, g.mark-rule line, g.mark-rule path, g.mark-arc path, g.mark-shape path")) {
      if (mark.closest(".role-axis-grid, .role-axis-domain, .role-axis-tick, .role-frame > path.background")) { continue; }
      const cs = getComputedStyle(mark);
      const fill = cs.fill !== "none" ? rgb(cs.fill) : null;
      const stroke = cs.stroke !== "none" ? rgb(cs.stroke) : null;
      const fillAlpha = fill ? opacity(mark, "fill") : 0;
      const strokeAlpha = stroke && Number(cs.strokeWidth.replace("px", "")) > 0 ? opacity(mark, "stroke") : 0;
      if (fill && fillAlpha >= 0.5) { report("mark", mark, fill, fillAlpha, 3); }
      else if (stroke && strokeAlpha >= 0.5) { report("mark", mark, stroke, strokeAlpha, 3); }
    }
  }
  probe.remove();
  return failures;
}
