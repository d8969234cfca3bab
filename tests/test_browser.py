"""Every page in headless Chromium: each chart draws an SVG, no console errors, no request leaves 127.0.0.1,
no page weighs more than its budget, and axe-core finds no serious accessibility problem.

Without a Chromium these tests skip with the reason, except under CI=true, where they fail
(the ``browser`` and ``base_url`` fixtures live in conftest.py).
"""

from __future__ import annotations

import pytest

from built_book import HTML_DIR, is_notebook, toc_files
from browser import (WIDTHS, PageWatch, PageWeight, axe_violations, chart_layouts, fit_problems, load_fully, new_context,
                     wait_for_charts)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("file", toc_files())
def test_page_draws_every_chart_offline_without_errors(browser, base_url, file):
    page = browser.new_page()
    watch = PageWatch(page)
    page.goto(f"{base_url}/{file}.html", wait_until="load")
    count = wait_for_charts(page)
    states = page.eval_on_selector_all(
        ".azbook-chart",
        "els => els.map(e => [e.id, e.getAttribute('data-drawn'), e.querySelectorAll('.azbook-chart-view svg').length])",
    )
    page.wait_for_load_state("load")  # every resource the page asks for (all static) has been requested
    page.wait_for_timeout(250)
    page.close()
    if is_notebook(file):
        assert count >= 1, f"{file}: no chart on a chapter page"
    for chart_id, drawn, svgs in states:
        assert drawn == "true" and svgs >= 1, f"{file}: chart {chart_id} did not draw an SVG (state {drawn})"
    assert not watch.outside, f"{file}: requests left the machine: {watch.outside}"
    assert not watch.errors, f"{file}: console errors: {watch.errors}"


def test_the_checks_can_fail(browser, base_url):
    """A page that loads a script from outside the machine and logs an error is caught by the same watch
    (with the page's content security policy bypassed: it would block the request before the watch saw it)."""
    page = browser.new_page(bypass_csp=True)
    watch = PageWatch(page)
    page.goto(f"{base_url}/intro.html", wait_until="load")
    page.evaluate("const s = document.createElement('script'); s.src = 'https://example.org/vega.js'; document.head.appendChild(s); console.error('boom');")
    page.wait_for_timeout(300)
    page.close()
    assert any("example.org" in u for u in watch.outside)
    assert any("boom" in e for e in watch.errors)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("file", [*toc_files(), "search"])
def test_every_chart_and_page_fits_the_window(browser, base_url, file, width):
    """At desktop width the charts keep their desktop layout; on a phone each draws its narrow layout.
    Either way nothing is wider than its column, nothing scrolls sideways and no chart text is under 8 px."""
    context = new_context(browser, width)
    page = context.new_page()
    watch = PageWatch(page)
    load_fully(page, f"{base_url}/{file}.html")
    problems, layouts = fit_problems(page), chart_layouts(page)
    context.close()
    assert not problems, f"{file} at {width} px:\n" + "\n".join(problems)
    assert set(layouts) <= {"desktop" if width == WIDTHS["desktop"] else "narrow"}, f"{file} at {width} px: {layouts}"
    assert not watch.errors, f"{file} at {width} px: console errors: {watch.errors}"


def test_the_fit_check_can_fail(browser, base_url):
    """A phone page whose charts are drawn in their desktop layout (the narrow one taken away) is caught:
    scaled to fit, their text is too small; unscaled, they are wider than the column; so is a wide block."""
    context = new_context(browser, WIDTHS["desktop"])
    page = context.new_page()
    load_fully(page, f"{base_url}/chapters/turkey.html")
    page.evaluate("() => document.querySelectorAll('script.azbook-chart-narrow').forEach(e => e.remove())")
    # No narrow layout is left to redraw into, so the charts stay as drawn; CSS scales them at once.
    page.set_viewport_size({"width": WIDTHS["phone"], "height": 900})
    scaled = fit_problems(page)
    page.evaluate("""() => {
        document.querySelector('.azbook-chart-view svg').style.maxWidth = 'none';
        const wide = document.createElement('div'); wide.style.width = '540px'; wide.textContent = 'wide';
        document.querySelector('main').appendChild(wide);
    }""")
    unscaled = fit_problems(page)
    layouts = chart_layouts(page)
    context.close()
    assert set(layouts) == {"desktop"}, layouts
    assert any("text drawn at" in p for p in scaled), scaled
    assert any("px wide in a" in p and "column" in p for p in unscaled), unscaled
    assert any("scrolls sideways" in p for p in unscaled), unscaled
    assert any("the page is" in p for p in unscaled), unscaled


#: Every file a page requests, added up (issue 12: half a default Jupyter Book page).
MAX_PAGE_KIB = {"raw": 1600, "gzip": 500}


@pytest.mark.parametrize("file", [*toc_files(), "search"])
def test_page_weight_within_budget(browser, base_url, file):
    page = browser.new_page()
    weight = PageWeight(page)
    load_fully(page, f"{base_url}/{file}.html")
    page.close()
    assert any(url.endswith(f"{file}.html") for url in weight.files), f"{file}: the page itself was not counted"
    raw, gz = weight.raw / 1024, weight.gzip / 1024
    largest = ", ".join(weight.largest())
    assert raw <= MAX_PAGE_KIB["raw"], f"{file}: {raw:,.0f} KiB raw > {MAX_PAGE_KIB['raw']:,} KiB (largest: {largest})"
    assert gz <= MAX_PAGE_KIB["gzip"], f"{file}: {gz:,.0f} KiB gzip > {MAX_PAGE_KIB['gzip']:,} KiB (largest: {largest})"


def test_the_weight_counts_fonts_scripts_and_styles(browser, base_url):
    page = browser.new_page()
    weight = PageWeight(page)
    load_fully(page, f"{base_url}/intro.html")
    page.close()
    assert {"document", "script", "stylesheet", "font"} <= set(weight.kinds), weight.kinds
    assert weight.gzip < weight.raw


def test_search_finds_a_page(browser, base_url):
    """The search index loads on the search page only; searching from any page's box still works."""
    page = browser.new_page()
    watch = PageWatch(page)
    load_fully(page, f"{base_url}/chapters/russia.html")
    page.keyboard.press("Control+k")
    page.keyboard.type("Shusha")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?q=Shusha*")
    page.wait_for_selector("#search-results ul.search li a", timeout=15000)
    hits = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(e => e.getAttribute('href'))")
    page.close()
    assert any("turkey" in h for h in hits), hits
    assert not watch.errors, watch.errors


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("file", [*toc_files(), "search"])
def test_no_serious_accessibility_violation(browser, base_url, file, width, mode):
    """axe-core, WCAG 2.1 A and AA: no critical or serious violation, the theme's controls included."""
    context = new_context(browser, width, mode)
    page = context.new_page()
    load_fully(page, f"{base_url}/{file}.html")
    assert page.get_attribute("html", "data-theme") == mode
    violations = axe_violations(page)
    context.close()
    assert not violations, f"{file} at {width} px, {mode} mode:\n" + "\n".join(violations)


def test_the_accessibility_check_can_fail(browser, base_url):
    context = new_context(browser, WIDTHS["desktop"])
    page = context.new_page()
    load_fully(page, f"{base_url}/intro.html")
    page.evaluate("() => { const b = document.createElement('button'); document.querySelector('main').appendChild(b); }")
    violations = axe_violations(page)
    context.close()
    assert any("button-name" in v for v in violations), violations


@pytest.mark.parametrize("file", [f for f in toc_files() if is_notebook(f)])
def test_each_chart_is_one_image_named_by_its_title_and_described(browser, base_url, file):
    page = browser.new_page()
    load_fully(page, f"{base_url}/{file}.html")
    charts = page.eval_on_selector_all(".azbook-chart", """els => els.map(e => {
        const img = e.querySelectorAll('[role=img], [role=group]');  // group: a chart whose marks are links
        const desc = document.getElementById(img[0] && img[0].getAttribute('aria-describedby'));
        return [e.id, img.length, img[0] && img[0].getAttribute('aria-label'),
                e.querySelector('details summary').textContent, desc ? desc.textContent.trim().length : 0];
    })""")
    names = {name for _, _, name, _, _ in charts}
    for name in names:  # what a screen reader is given: one image per chart, under the chart's title
        found = page.get_by_role("img", name=name, exact=True).count() + page.get_by_role("group", name=name, exact=True).count()
        assert found >= 1, f"{file}: no image named {name!r}"
    page.close()
    for chart_id, images, name, summary, described in charts:
        assert images == 1, f"{file}: chart {chart_id} is exposed as {images} images"
        assert name and name in summary, f"{file}: chart {chart_id} is named {name!r}, not by its title"
        assert described > 20, f"{file}: chart {chart_id} has no text description"
