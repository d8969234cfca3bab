"""A chapter printed from the browser (print media emulated in headless Chromium): the narrative, the
charts and the sources, without the theme's chrome; figures and tables kept whole; titled links
in the sources list show their targets. The same stylesheet prints the PDF (tests/book/test_pdf.py).

Without a Chromium these tests skip with the reason, except under CI=true, where they fail.
"""

from __future__ import annotations


import pytest

from built_book import HTML_DIR
from browser import CHROMIUM_ARGS, require_chromium, serve, wait_for_charts

pytestmark = pytest.mark.browser
CHAPTER = "chapters/iran"
CHROME = [".bd-header", ".bd-sidebar-primary", ".bd-sidebar-secondary", ".bd-header-article",
          ".prev-next-area", ".bd-footer", "details.hide", ".cell_input", ".azbook-cite",
          ".azbook-chart-alt", ".headerlink"]
VISIBLE = "els => els.filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden').length"


@pytest.fixture(scope="module")
def printed():
    path = require_chromium()
    if not (HTML_DIR / "index.html").exists():
        pytest.fail("the book is not built: run `make html` (make test does it first)")
    from playwright.sync_api import sync_playwright

    with serve(HTML_DIR) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.emulate_media(media="print")
        page.goto(f"{url}/{CHAPTER}.html", wait_until="load")
        wait_for_charts(page)
        yield page
        browser.close()


def visible(page, selector: str) -> int:
    return page.eval_on_selector_all(selector, VISIBLE)


@pytest.mark.parametrize("selector", CHROME)
def test_print_leaves_out_the_chrome(printed, selector):
    assert visible(printed, selector) == 0, f"{CHAPTER}: {selector} shows in print"


def test_print_keeps_narrative_charts_and_sources(printed):
    assert visible(printed, "article h1") == 1, "the chapter's title prints, once"
    assert visible(printed, "article p") > 10
    assert visible(printed, ".azbook-chart-view svg") >= 1 and visible(printed, "figcaption") >= 1
    assert visible(printed, 'section[id="sources"] li') > 3


def test_print_keeps_figures_and_tables_whole(printed):
    styles = printed.eval_on_selector_all(
        "article figure, article table", "els => els.map(e => getComputedStyle(e).breakInside)")
    assert styles and set(styles) == {"avoid"}


def test_print_shows_the_targets_of_titled_links_in_the_sources(printed):
    shown = printed.eval_on_selector_all(
        'section[id="sources"] a.reference.external',
        "els => els.map(e => [e.href, e.textContent, getComputedStyle(e, '::after').content])")
    titled = [(href, after) for href, text, after in shown if text.strip() != href]
    bare = [after for href, text, after in shown if text.strip() == href]
    assert titled and all(href in after for href, after in titled), titled[:3]
    assert bare and all(after in ("none", "normal", "") for after in bare), "a bare address is shown twice"
