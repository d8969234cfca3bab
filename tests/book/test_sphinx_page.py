from __future__ import annotations

from types import SimpleNamespace

from azbook.book import sphinx_page


def asset(filename: str = "", body: str = ""):
    return SimpleNamespace(filename=filename, attributes={"body": body} if body else {})


def test_plugin_files_stay_only_where_the_page_body_uses_them():
    assets = [asset("_static/togglebutton.js?v=1"), asset(body="let toggleHintShow = 'Click';"),
              asset("_static/copybutton.js"), asset("_static/azbook-charts.js"),
              asset(body="DOCUMENTATION_OPTIONS.pagename = 'x';")]
    plain = sphinx_page.keep_used_assets(assets, "<p>text</p>")
    assert [a.filename for a in plain] == ["_static/azbook-charts.js", ""]  # our own and Sphinx's kept
    assert "pagename" in plain[1].attributes["body"]
    used = sphinx_page.keep_used_assets(assets, '<div class="toggle admonition"></div><div class="highlight-python">')
    assert used == assets


def test_notebook_styles_stay_on_notebook_pages():
    css = [asset("_static/mystnb.abc.css"), asset("_static/sphinx-design.min.css")]
    assert sphinx_page.keep_used_assets(css, '<div class="cell docutils container">') == css[:1]
    assert sphinx_page.keep_used_assets(css, '<div class="sd-card">') == css[1:]


def test_icon_codepoints_keep_named_icons_and_every_glyph_the_styles_use():
    css = ('.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}.fa-moon:before{content:"\\f186"}'
           '.fa-unused:before{content:"\\f111"}:root{--pst-icon-github:"\uf09b"}.x:after{content:"\\f107"}')
    pages = ['<i class="fa-solid fa-navicon"></i>', 'i.classList = "fa-solid fa-moon"']
    assert sphinx_page.icon_codepoints(css, pages) == {0xF0C9, 0xF186, 0xF09B, 0xF107}
    assert sphinx_page.icon_names(pages) == {"fa-solid", "fa-navicon", "fa-moon"}


def test_body_fixes_name_toggles_by_their_text_and_bibliography_entries_as_list_items():
    body = '<summary aria-label="Toggle hidden content">Show code cell source</summary><div role="doc-biblioentry">'
    assert sphinx_page.fix_body(body) == '<summary>Show code cell source</summary><div role="listitem">'


def test_code_digest_is_stable():
    assert sphinx_page.code_digest() == sphinx_page.code_digest() and len(sphinx_page.code_digest()) == 16
