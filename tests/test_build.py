"""The built HTML book (make html runs before the tests): pages, no errors, nothing from a CDN."""

from __future__ import annotations

import re

import pytest

from built_book import HTML_DIR, is_notebook, page, toc_files

CDN = re.compile(
    r"jsdelivr|unpkg\.com|cdnjs\.cloudflare\.com|googleapis\.com|gstatic\.com|bootstrapcdn|code\.jquery\.com"
    r"|cdn\.plot\.ly|polyfill\.io|//cdn\.[a-z0-9.-]+",
    re.I,
)
ERROR_OUTPUT = re.compile(r'class="[^"]*\b(output error|traceback|stderr)\b|Traceback \(most recent call last\)', re.I)


@pytest.fixture(scope="module", autouse=True)
def built():
    if not (HTML_DIR / "index.html").exists():
        pytest.fail("the book is not built: run `make html` (make test does it first)")


@pytest.mark.parametrize("file", toc_files())
def test_every_toc_entry_has_a_page(file):
    assert page(file).exists(), f"{file} is in _toc.yml but {page(file)} was not built"


@pytest.mark.parametrize("file", toc_files())
def test_no_error_output_is_published(file):
    html = page(file).read_text(encoding="utf-8")
    match = ERROR_OUTPUT.search(html)
    assert not match, f"{file}: an error output is on the page: {match.group(0)!r}"


def test_no_cdn_reference_anywhere():
    hits = []
    for path in HTML_DIR.rglob("*"):
        if path.suffix in {".html", ".js", ".css", ".json", ".xml"} and path.is_file():
            match = CDN.search(path.read_text(encoding="utf-8", errors="replace"))
            if match:
                hits.append(f"{path.relative_to(HTML_DIR)}: {match.group(0)}")
    assert not hits, "CDN references in the built book: " + "; ".join(hits[:10])


def test_chapter_pages_carry_their_charts_and_the_local_vega():
    for file in toc_files():
        html = page(file).read_text(encoding="utf-8")
        if is_notebook(file):
            assert 'class="azbook-chart"' in html, f"{file}: no chart"
        if 'class="azbook-chart"' in html:
            assert "_static/vega-bundle.js" in html, f"{file}: charts without the local Vega bundle"
            assert "Text description and data" in html, f"{file}: chart without its text alternative"


def test_no_unrendered_glue_or_missing_values_in_prose():
    for file in toc_files():
        html = page(file).read_text(encoding="utf-8")
        for bad in ("{glue:", "glue:text", ">nan<", " nan ", "&lt;NA&gt;"):
            assert bad not in html, f"{file}: {bad!r} on the page"


def test_data_appendix_offers_every_table_for_download():
    from azbook.data import datasets
    from azbook.paths import DATA_DIR

    html = page("chapters/data").read_text(encoding="utf-8")
    for name in datasets.REGISTRY:
        assert f'id="{name.replace("_", "-")}-data"' in html, f"no appendix section for {name}"
        for suffix in (".csv", ".json"):
            match = re.search(rf'href="\.\./(_downloads/[0-9a-f]+/{name}{suffix})"', html)
            assert match, f"no download link for {name}{suffix}"
            published = HTML_DIR / match.group(1)
            assert published.read_bytes() == (DATA_DIR / f"{name}{suffix}").read_bytes(), f"{published} is not the table"


def test_every_icon_a_page_names_is_in_the_shipped_icon_font():
    """The icon fonts are cut down to the icons in use (azbook/book/sphinx_page.py): none may go missing."""
    from fontTools.ttLib import TTFont

    from azbook.book import sphinx_page

    static = HTML_DIR / "_static"
    css = (static / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    pages = [p.read_text(encoding="utf-8") for p in [*HTML_DIR.rglob("*.html"), *static.rglob("*.js")]]
    wanted = sphinx_page.icon_codepoints(css, pages)
    assert 0xF002 in wanted, "the search icon (fa-magnifying-glass) is not among the icons found"
    fonts = static / "vendor" / "fontawesome" / "webfonts"
    shipped = set()
    for name in sphinx_page.ICON_FONTS:
        shipped |= set(TTFont(fonts / name).getBestCmap())
    missing = sorted(f"U+{c:04X}" for c in wanted - shipped)
    # Code points the theme's CSS names that no Font Awesome font has (none expected) would show as boxes.
    assert not missing, f"icons without a glyph in the shipped fonts: {missing}"


def test_no_page_loads_fontawesome_js_or_the_search_index_outside_search():
    for path in HTML_DIR.rglob("*.html"):
        if "_static" in path.parts:  # the theme's template macros, copied along, are not pages
            continue
        html = path.read_text(encoding="utf-8")
        assert "fontawesome.js" not in html, f"{path.relative_to(HTML_DIR)} loads fontawesome.js"
        if path.name != "search.html":
            assert "searchindex.js" not in html, f"{path.relative_to(HTML_DIR)} loads the search index"


FIELD_NAME = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")  # value_usd_millions, label_px, dy: names, not headings


def test_chart_data_tables_are_headed_for_readers_not_with_field_names():
    headings = 0
    for file in toc_files():
        html = page(file).read_text(encoding="utf-8")
        for alt_text in re.findall(r'<details class="azbook-chart-alt">.*?</details>', html, re.S):
            for heading in re.findall(r"<th[^>]*>(.*?)</th>", alt_text, re.S):
                headings += 1
                assert not FIELD_NAME.fullmatch(heading.strip()), f"{file}: a chart's data table is headed {heading!r}"
    assert headings > 100  # the check saw the tables
