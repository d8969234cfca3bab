"""The PDF edition: assembling the print document (unit tests), and the built PDF (pypdf).

The built-PDF tests build it first when it is missing or older than the HTML build or its code
(``python -m azbook.book.pdf --if-stale``). They need Chromium: without it they are skipped with
the reason, except under CI=true, where they fail.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from azbook.book import citation, pdf
from browser import require_chromium
from built_book import HTML_DIR, toc_files

BOOK = citation.load_book()
DOCS = ["intro", "chapters/russia", "references"]


def squash(text: str) -> str:
    """Text without white space, ligatures (ﬁ, ﬃ: Chromium's fonts draw them) as letters."""
    return "".join(unicodedata.normalize("NFKC", text).split())


# ------------------------------------------------------------------------------------------
# Assembling (no browser)
# ------------------------------------------------------------------------------------------


def test_a_page_gets_prefixed_ids_and_links_inside_the_document():
    article = (
        '<section id="russia"><h1>Russia<a class="headerlink" href="#russia">#</a></h1>'
        '<p id="p1" aria-labelledby="p1 x">'
        '<a href="#p1">here</a> <a href="../references.html#ref-avdaliani2022">cite</a>'
        ' <a href="../intro.html">intro</a> <a href="../_downloads/a/trade.csv">csv</a>'
        ' <a href="https://data.imf.org/">IMF</a></p><img src="../_static/x.png"></section>'
    )
    page = pdf.rewrite_page("chapters/russia", article, DOCS, BOOK.base_url)
    soup = BeautifulSoup(page.body, "html.parser")
    assert page.title == "Russia" and not soup.select("a.headerlink")
    assert soup.find(id="chapters-russia--p1")["aria-labelledby"] == "chapters-russia--p1 chapters-russia--x"
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert hrefs == ["#chapters-russia--p1", "#references--ref-avdaliani2022", "#intro",
                     BOOK.base_url + "_downloads/a/trade.csv", "https://data.imf.org/"]
    assert soup.find("img")["src"] == pdf.ORIGIN + "_static/x.png"


def test_a_page_without_a_title_is_refused_by_name():
    with pytest.raises(pdf.PdfError, match="chapters/russia.html"):
        pdf.rewrite_page("chapters/russia", "<p>no heading</p>", DOCS, BOOK.base_url)


def test_bookmark_titles_read_as_their_headings():
    known = {squash(t): t for t in ("Contents", "Iran: a small trade partner with a large security shadow")}
    assert pdf.bookmark_title("ContentsContents", known) == "Contents"
    assert pdf.bookmark_title("Iran: a small trade partner with a large securityIran: a small trade partner "
                              "with a large securityshadow", known) == "Iran: a small trade partner with a large security shadow"
    assert pdf.bookmark_title("Not  a heading", known) == "Not a heading"


def test_running_header_and_page_numbers():
    heads, feet = pdf.running_text([(2, "Intro"), (4, "Russia")], 6)
    assert feet == ["", "2", "3", "4", "5", "6"]
    assert heads == ["", "", "", "Intro", "", "Russia"]  # none on the title page, contents, a chapter's first page
    assert pdf.overlay_html(heads, feet).count('class="sheet"') == 6


def test_title_page_and_contents_come_from_book_yml():
    page = pdf.title_page_html(BOOK)
    for text in (BOOK.title, BOOK.version, citation.long_date(BOOK.date), BOOK.licenses["text"]["spdx"], BOOK.base_url):
        assert text in page
    pages = [pdf.Page("intro", "Intro", ""), pdf.Page("chapters/russia", "Russia", "")]
    contents = pdf.contents_html(pages, {"intro": 3, "chapters/russia": 8})
    assert '<a href="#chapters-russia">' in contents and '<span class="azbook-pdf-toc-page">8</span>' in contents


def test_metadata_comes_from_book_yml_not_the_clock():
    meta = pdf.metadata(BOOK)
    assert meta["/Title"] == BOOK.title and meta["/Subject"] == BOOK.abstract
    assert meta["/Keywords"] == ", ".join(BOOK.keywords) and BOOK.keywords
    assert meta["/CreationDate"] == meta["/ModDate"] == f"D:{BOOK.date:%Y%m%d}000000Z"
    later = dataclasses.replace(BOOK, date=dt.date(2030, 1, 2))
    assert pdf.metadata(later)["/ModDate"] == "D:20300102000000Z"


def test_a_missing_page_is_named(tmp_path):
    with pytest.raises(pdf.PdfError, match="intro.html"):
        pdf.read_page(tmp_path, "intro", DOCS, BOOK.base_url)


# ------------------------------------------------------------------------------------------
# The built PDF
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built():
    require_chromium()
    if not (HTML_DIR / "index.html").exists():
        pytest.fail("the book is not built: run `make html` (make test does it first)")
    if pdf.is_stale():
        pdf.build()
    from pypdf import PdfReader

    path = pdf.PDF_DIR / BOOK.pdf
    reader = PdfReader(path)
    return path, reader, "\n".join(p.extract_text() for p in reader.pages)


def page_soup(file: str) -> BeautifulSoup:
    return BeautifulSoup((HTML_DIR / f"{file}.html").read_text(encoding="utf-8"), "html.parser")


def page_title(file: str) -> str:
    return page_soup(file).find("article").find("h1").get_text(" ", strip=True).rstrip("#").strip()


def test_the_pdf_opens_with_book_yml_metadata(built):
    path, reader, _ = built
    assert len(reader.pages) > len(toc_files())
    for key, value in pdf.metadata(BOOK).items():
        assert reader.metadata[key] == value, f"{path.name}: {key}"
    assert (HTML_DIR / BOOK.pdf).read_bytes() == path.read_bytes(), "the copy beside the HTML is the PDF built"


def test_bookmarks_name_every_page_and_its_sections(built):
    _, reader, _ = built
    top = [str(item.title) for item in reader.outline if not isinstance(item, list)]
    assert top == ["Contents", *(page_title(f) for f in toc_files())]
    nested = [item for item in reader.outline if isinstance(item, list)]
    assert len(nested) >= len(toc_files()) - 1, "the pages' sections are bookmarked under them"


def test_text_holds_every_title_chart_title_and_glued_number(built):
    _, _, text = built
    flat = squash(text)
    for file in toc_files():
        page = page_soup(file)
        assert squash(page_title(file)) in flat, f"{file}: title missing from the PDF"
        for summary in page.select(".azbook-chart-alt summary"):
            title = summary.get_text().removeprefix("Text description and data: ")
            # Vega draws a title in one line per element; the text extractor keeps its characters.
            assert squash(title) in flat, f"{file}: chart title {title!r} missing from the PDF"
        for glued in page.select("article span.pasted-text")[:15]:
            assert squash(glued.get_text()) in flat, f"{file}: glued value {glued.get_text()!r} missing"
    assert "Show code cell" not in text, "hidden code (and its toggle) is left out"
    assert "BibTeX (.bib)" not in text, "the cite widgets are left out"


def test_charts_are_vector_not_raster(built):
    _, reader, text = built
    images = [name for page in reader.pages
              for name, obj in (page.get("/Resources", {}).get("/XObject", {}) or {}).items()
              if obj.get_object().get("/Subtype") == "/Image"]
    assert not images, f"raster images in the PDF: {images[:5]}"
    assert "Fig. 1" in text, "figures keep their numbers and captions"


def test_a_second_build_gives_the_same_text_pages_and_metadata(built, tmp_path):
    from pypdf import PdfReader

    path, reader, text = built
    again = PdfReader(pdf.build(out_dir=tmp_path))
    assert len(again.pages) == len(reader.pages)
    assert "\n".join(p.extract_text() for p in again.pages) == text
    assert dict(again.metadata) == dict(reader.metadata)


def test_chapter_pages_name_the_built_pdf(built):
    path, _, _ = built
    head = page_soup("chapters/russia").head
    url = head.find("meta", attrs={"name": "citation_pdf_url"})["content"]
    assert url == BOOK.base_url + path.name and re.fullmatch(r"https?://\S+\.pdf", url)
