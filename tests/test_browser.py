"""Every page in headless Chromium: each chart draws an SVG, no console errors, no request leaves 127.0.0.1.

Without a Chromium these tests skip with the reason, except under CI=true, where they fail
(the ``browser`` and ``base_url`` fixtures live in conftest.py).
"""

from __future__ import annotations

import pytest

from built_book import HTML_DIR, is_notebook, toc_files
from browser import PageWatch, wait_for_charts

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
    """A page that loads a script from outside the machine and logs an error is caught by the same watch."""
    page = browser.new_page()
    watch = PageWatch(page)
    page.goto(f"{base_url}/intro.html", wait_until="load")
    # (run through the browser's debugging protocol: the page's content security policy would block it as an inline script)
    page.evaluate("const s = document.createElement('script'); s.src = 'https://example.org/vega.js'; document.head.appendChild(s); console.error('boom');")
    page.wait_for_timeout(300)
    page.close()
    assert any("example.org" in u for u in watch.outside)
    assert any("boom" in e for e in watch.errors)
