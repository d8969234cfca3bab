"""Headless Chromium (Debian's package) driven by Playwright, against the built book on 127.0.0.1."""

from __future__ import annotations

import functools
import threading
from contextlib import contextmanager
from pathlib import Path
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

from azbook.book.chromium import CHROMIUM_ARGS, chromium_path, wait_for_charts  # noqa: F401 (re-exported)


def require_chromium() -> str:
    """Debian's Chromium, or skip the test with the reason (fail under CI=true, where it is required)."""
    import os

    import pytest

    path = chromium_path()
    if path is None:
        reason = "no Chromium found (apt-get install chromium, or set CHROMIUM=/path/to/chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " — required under CI")
        pytest.skip(reason)
    return path


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # noqa: ANN002
        pass


@contextmanager
def serve(folder):
    """Serve ``folder`` on 127.0.0.1 (a free port); yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("data", "blob", "about") or parsed.hostname == "127.0.0.1"


#: Reports every content-security-policy violation of the page as a console error.
CSP_REPORTER = """document.addEventListener('securitypolicyviolation', e => console.error(
  'CSP violation: ' + e.violatedDirective + ' by ' + (e.blockedURI || 'inline code') + ' at ' + e.sourceFile + ':' + e.lineNumber));"""


class PageWatch:
    """Console errors, page errors, content-security-policy violations and every request leaving
    127.0.0.1 (blocked) for one page."""

    def __init__(self, page):
        self.errors: list[str] = []
        self.outside: list[str] = []
        page.add_init_script(CSP_REPORTER)
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(f"console: {msg.text}"))
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        page.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


class PageWeight:
    """Bytes of every response a page receives (HTML, scripts, styles, fonts, images, data), raw and gzip.

    ``files`` maps each URL to (raw, gzip) bytes; ``kinds`` sums them by Playwright's resource type.
    """

    def __init__(self, page):
        self.files: dict[str, tuple[int, int]] = {}
        self.kinds: dict[str, list[int]] = {}
        page.on("response", self._response)

    def _response(self, response):
        import gzip

        try:
            body = response.body()
        except Exception:  # noqa: BLE001 (a redirect or an aborted request has no body)
            return
        sizes = (len(body), len(gzip.compress(body, 9)))
        self.files[response.url] = sizes
        kind = self.kinds.setdefault(response.request.resource_type, [0, 0])
        kind[0] += sizes[0]
        kind[1] += sizes[1]

    @property
    def raw(self) -> int:
        return sum(raw for raw, _ in self.files.values())

    @property
    def gzip(self) -> int:
        return sum(gz for _, gz in self.files.values())

    def largest(self, n: int = 5) -> list[str]:
        """The ``n`` largest files, for messages: 'name raw KiB'."""
        top = sorted(self.files.items(), key=lambda item: -item[1][0])[:n]
        return [f"{url.rsplit('/', 1)[-1].split('?')[0]} {raw / 1024:,.0f} KiB" for url, (raw, _) in top]


def load_fully(page, url: str) -> None:
    """Open ``url``, wait for its charts and for everything it loads (fonts, lazy images) to arrive."""
    page.goto(url, wait_until="load")
    wait_for_charts(page)
    page.evaluate("() => document.fonts.ready.then(() => true)")
    page.wait_for_load_state("networkidle")


#: axe-core, installed from npm by `make venv` into node_modules/ for the tests only (never shipped).
AXE_JS = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
#: The rules axe-core runs: WCAG 2.1 A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: Desktop and phone widths, in CSS px.
WIDTHS = {"desktop": 1280, "phone": 375}


def new_context(browser, width: int, mode: str = "light"):
    """A browser context of ``width`` CSS px whose pages open in the theme's light or dark mode.

    It bypasses any Content-Security-Policy of the book so that tests may inject axe-core.
    """
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    context.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');")
    return context


def axe_violations(page, impacts=("critical", "serious")) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations of the given impacts on the open page, one line each."""
    if not AXE_JS.exists():
        raise RuntimeError(f"{AXE_JS} is missing: run `make venv` (npm ci installs axe-core for the tests)")
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [
        f"{v['impact']} {v['id']}: {v['help']} — {len(v['nodes'])} element(s), e.g. {v['nodes'][0]['target']}"
        for v in result["violations"] if v["impact"] in impacts
    ]


#: The smallest chart text a reader is given, in CSS px (issue 12: phone).
MIN_CHART_TEXT_PX = 8
_FIT_JS = """minPx => {
    const problems = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) {
        problems.push(`the page is ${root.scrollWidth} px wide in a ${window.innerWidth} px window`);
    }
    for (const chart of document.querySelectorAll('.azbook-chart')) {
        const box = chart.getBoundingClientRect();
        if (chart.scrollWidth > chart.clientWidth) {
            problems.push(`${chart.id} scrolls sideways (${chart.scrollWidth} px in ${chart.clientWidth} px)`);
        }
        for (const svg of chart.querySelectorAll('.azbook-chart-view svg')) {
            const r = svg.getBoundingClientRect();
            if (r.left < box.left - 0.5 || r.right > box.right + 0.5) {
                problems.push(`${chart.id} is drawn ${Math.round(r.width)} px wide in a ${Math.round(box.width)} px column`);
            }
            let smallest = Infinity, which = '';
            for (const text of svg.querySelectorAll('text')) {
                if (!text.textContent.trim()) continue;
                const m = text.getScreenCTM();
                const px = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b);
                if (px < smallest) { smallest = px; which = text.textContent.trim().slice(0, 40); }
            }
            if (smallest < minPx) {
                problems.push(`${chart.id}: text drawn at ${smallest.toFixed(1)} px (< ${minPx}): ${which}`);
            }
        }
    }
    return problems;
}"""


def fit_problems(page) -> list[str]:
    """What does not fit the open page's window: the page or a chart wider than its column, a chart that
    scrolls sideways, chart text drawn smaller than :data:`MIN_CHART_TEXT_PX` (font size times the SVG's scale)."""
    return page.evaluate(_FIT_JS, MIN_CHART_TEXT_PX)


def chart_layouts(page) -> list[str]:
    """The layout each chart of the open page was drawn in ("desktop" or "narrow")."""
    return page.eval_on_selector_all(".azbook-chart", "els => els.map(e => e.getAttribute('data-layout'))")
