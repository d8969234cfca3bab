"""The content security policy in Chromium: every page declares one, the book's own code runs
under it, and code injected into a page (as hostile data would be) is blocked and reported."""

from __future__ import annotations

import re

import pytest

from built_book import HTML_DIR, toc_files
from browser import PageWatch

pytestmark = pytest.mark.browser

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)" />')


@pytest.mark.parametrize("file", toc_files())
def test_every_page_declares_a_strict_policy_first(file):
    page = (HTML_DIR / f"{file}.html").read_text(encoding="utf-8")
    m = POLICY.search(page)
    assert m, f"{file}.html declares no content security policy"
    first_code = min(i for i in (page.find("<script"), page.find("<style"), page.find("<link")) if i >= 0)
    assert m.start() < first_code, f"{file}.html: the policy comes after a script or style, which it would not govern"
    policy = m.group(1)
    for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "font-src 'self'", "object-src 'none'"):
        assert directive in policy, f"{file}.html: policy lacks {directive}"
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy and "http" not in policy


def test_injected_inline_code_is_blocked_and_reported(browser, base_url):
    page = browser.new_page()
    watch = PageWatch(page)
    page.goto(f"{base_url}/intro.html", wait_until="load")
    page.evaluate("""() => {
      const s = document.createElement('script'); s.textContent = 'window.__ran = "script"'; document.body.appendChild(s);
      const d = document.createElement('div');
      d.innerHTML = '<img src="x.png" onerror="window.__ran = \\'onerror\\'"><a id="js" href="javascript:window.__ran=\\'link\\'">x</a>';
      document.body.appendChild(d); document.getElementById('js').click();
    }""")
    page.wait_for_timeout(300)
    ran = page.evaluate("window.__ran")
    page.close()
    assert ran is None, f"injected code ran ({ran})"
    violations = [e for e in watch.errors if "CSP violation" in e]
    assert any("script-src" in v for v in violations), watch.errors
