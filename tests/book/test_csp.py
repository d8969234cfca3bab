"""The content security policy: exactly the page's own inline code is allowed, nothing else."""

from __future__ import annotations

import base64
import hashlib

import pytest

from azbook.book import csp

PAGE = """<!DOCTYPE html><html><head>
<meta charset="utf-8" />
<script>var mode = "light";</script>
<script src="_static/a.js"></script>
<script type="application/json" class="azbook-chart-spec">{"not": "run"}</script>
<style>.x { color: red; }</style>
</head><body><button onclick="window.print()">Print</button><td style="width:6%">x</td></body></html>"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_inline_code_is_hashed_by_kind():
    found = csp.inline_hashes(PAGE)
    assert found == {
        "script": [sha('var mode = "light";')],
        "style": [sha(".x { color: red; }")],
        "handler": [sha("window.print()")],
        "style-attr": [sha("width:6%")],
    }


def test_policy_allows_own_origin_and_own_hashes_only():
    policy = csp.policy(PAGE)
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    script = next(d for d in policy.split("; ") if d.startswith("script-src"))
    inline, handler = sha('var mode = "light";'), sha("window.print()")
    assert script == f"script-src 'self' 'unsafe-hashes' {inline} {handler}"
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy


def test_no_unsafe_hashes_without_attributes():
    page = '<html><head><meta charset="utf-8" /><script>1</script></head></html>'
    assert "'unsafe-hashes'" not in csp.policy(page)


def test_declared_right_after_the_charset_and_replaced_not_repeated():
    once = csp.with_policy(PAGE)
    assert once.index(csp.MARK) < once.index("<script>")
    assert once.index('<meta charset="utf-8" />') < once.index(csp.MARK)
    changed = once.replace("window.print()", "window.close()")
    twice = csp.with_policy(changed)
    assert twice.count(csp.MARK) == 1 and sha("window.close()") in twice and sha("window.print()") not in twice


def test_a_page_without_charset_is_an_error():
    with pytest.raises(ValueError, match="no <meta charset>"):
        csp.with_policy("<html><head><script>1</script></head></html>")


def test_every_page_gets_it_template_fragments_are_left(tmp_path):
    (tmp_path / "a.html").write_text(PAGE)
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "macros.html").write_text("{% macro x() %}{% endmacro %}")
    assert csp.add_to_pages(tmp_path) == 1
    assert csp.MARK in (tmp_path / "a.html").read_text()
    assert (tmp_path / "_static" / "macros.html").read_text() == "{% macro x() %}{% endmacro %}"


def test_one_policy_covers_every_pages_inline_code(tmp_path):
    (tmp_path / "a.html").write_text(PAGE)
    (tmp_path / "b.html").write_text(PAGE.replace("window.print()", "toggleFullScreen()"))
    csp.add_to_pages(tmp_path)
    a, b = ((tmp_path / n).read_text() for n in ("a.html", "b.html"))
    declared = lambda page: page[page.index(csp.MARK):].split('" />')[0]  # noqa: E731
    assert declared(a) == declared(b)
    assert sha("window.print()") in declared(a) and sha("toggleFullScreen()") in declared(a)
