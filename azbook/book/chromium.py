"""Debian's Chromium driven by Playwright: where it is, how it is started, when a page's charts are drawn.

Used by the PDF edition (:mod:`azbook.book.pdf`), the browser tests and the benchmark. Playwright's
own browser downloads are never used: the book prints and is tested with the system's Chromium.
"""

from __future__ import annotations

import os
import shutil

CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions",
]
#: True in a page once every chart container is marked drawn (or failed) by azbook-charts.js.
ALL_CHARTS_MARKED = (
    "() => [...document.querySelectorAll('.azbook-chart')].every(e => e.hasAttribute('data-drawn'))"
)


def chromium_path() -> str | None:
    """Debian's Chromium, or $CHROMIUM, or None."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def wait_for_charts(page, timeout_ms: int = 30000) -> int:  # noqa: ANN001 (a Playwright page)
    """Wait until every chart container reports drawn (or failed); return how many there are."""
    count = page.locator(".azbook-chart").count()
    if count:
        page.wait_for_function(ALL_CHARTS_MARKED, timeout=timeout_ms)
    return count


def failed_charts(page) -> list[str]:  # noqa: ANN001
    """The ids of the charts that did not draw an SVG."""
    return page.eval_on_selector_all(
        ".azbook-chart",
        "els => els.filter(e => e.getAttribute('data-drawn') !== 'true'"
        " || !e.querySelector('.azbook-chart-view svg')).map(e => e.id)",
    )
