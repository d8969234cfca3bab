"""Every internal link and anchor in the built book resolves; external links are listed, never fetched.

The external links found are written to ``_build/external-links.txt`` (one per line, with the
pages that carry them) for a person or a link checker to review.
"""

from __future__ import annotations

from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from built_book import HTML_DIR

#: Attributes that point at something a reader's browser would load or follow.
LINK_ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src")}
BASE = "http://book.invalid/"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if (tag, name) in LINK_ATTRS and value is not None:
                self.links.append(value)


@lru_cache(maxsize=None)
def parsed(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def pages() -> list[Path]:
    return sorted(p for p in HTML_DIR.rglob("*.html") if "_static" not in p.relative_to(HTML_DIR).parts)


def broken_links(page_path: Path, root: Path = HTML_DIR) -> tuple[list[str], list[str]]:
    """(problems, external links) of one built page of the book under ``root``."""
    here = BASE + page_path.relative_to(root).as_posix()
    problems, external = [], []
    for link in parsed(page_path).links:
        url = urlsplit(urljoin(here, link))
        if url.scheme in ("http", "https") and url.netloc != urlsplit(BASE).netloc:
            external.append(link)
            continue
        if url.scheme in ("mailto", "data"):
            continue
        if url.scheme not in ("http", "https"):
            problems.append(f"{link!r}: a {url.scheme}: link")
            continue
        target = root / unquote(url.path).lstrip("/")
        if url.path.endswith("/"):
            target = target / "index.html"
        if not target.is_file():
            problems.append(f"{link!r}: no file {target.relative_to(root)}")
        elif url.fragment and target.suffix == ".html" and unquote(url.fragment) not in parsed(target).ids:
            problems.append(f"{link!r}: no anchor #{url.fragment} in {target.relative_to(root)}")
    return problems, external


@pytest.fixture(scope="module")
def every_page():
    if not (HTML_DIR / "index.html").exists():
        pytest.fail("the book is not built: run `make html` (make test does it first)")
    found = {p: broken_links(p) for p in pages()}
    listing: dict[str, set[str]] = {}
    for path, (_, external) in found.items():
        for link in external:
            listing.setdefault(link, set()).add(path.relative_to(HTML_DIR).as_posix())
    (HTML_DIR.parent / "external-links.txt").write_text(
        "".join(f"{link}\t{' '.join(sorted(on))}\n" for link, on in sorted(listing.items())), encoding="utf-8")
    return found


def test_every_internal_link_and_anchor_resolves(every_page):
    problems = [f"{p.relative_to(HTML_DIR)}: {problem}" for p, (found, _) in every_page.items() for problem in found]
    assert not problems, "\n".join(problems[:40])


def test_external_links_are_listed(every_page):
    listed = (HTML_DIR.parent / "external-links.txt").read_text(encoding="utf-8").splitlines()
    assert listed and all(line.split("\t")[0].startswith(("http://", "https://")) for line in listed)


def test_the_check_can_fail(tmp_path):
    (tmp_path / "a.html").write_text('<a id="top" href="b.html#nowhere">x</a><a href="c.html">y</a>'
                                     '<a href="#top">z</a><a href="b.html#here">w</a><a href="javascript:alert(1)">j</a>')
    (tmp_path / "b.html").write_text('<p id="here">b</p>')
    problems, _ = broken_links(tmp_path / "a.html", tmp_path)
    assert len(problems) == 3, problems
    assert any("no anchor #nowhere in b.html" in p for p in problems)
    assert any("no file c.html" in p for p in problems)
    assert any("a javascript: link" in p for p in problems)
