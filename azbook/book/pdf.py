"""The PDF edition (``make pdf``): the book's own HTML pages printed as one PDF by Debian's Chromium.

- **Assemble** (:func:`print_document`): the article of every page of ``_toc.yml``, in reading
  order, in one document, with a title page and contents from ``book.yml``. Ids get their page's
  prefix so they stay unique; a link to another page of the book becomes a link inside the PDF;
  any other link into the site gets its address under ``book.yml``'s base URL. The book's own
  print stylesheet (``azbook-print.css``, the one the browser's print uses) leaves out the
  chrome, the hidden code and the cite widgets, and keeps figures and tables whole.
- **Print** (:func:`build`): Chromium, started by Playwright with no network (every request is
  answered from ``_build/html`` or refused), draws each chart with the book's Vega as SVG (vector;
  titles and labels stay text), and prints once every chart is marked drawn, with bookmarks for
  every heading (``outline``) and tags. A second print fills the contents' page numbers from the
  first print's bookmarks.
- **Finish** (pypdf): running header (the chapter's title) and page number on every page but the
  title page, from a transparent overlay printed the same way; metadata (title, authors, subject,
  keywords, dates) from ``book.yml``, never the clock, so two builds give the same text, pages and
  metadata.

``python -m azbook.book.pdf`` writes ``_build/pdf/<book.yml pdf>`` and a copy at the top of
``_build/html`` (where the HTML links it by name); ``--if-stale`` skips the work when the PDF is
newer than the HTML build and everything that goes into the PDF.
"""

from __future__ import annotations

import html
import io
import mimetypes
import posixpath
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

from azbook.book import chromium, citation
from azbook.paths import ROOT, STATIC_DIR, toc_files

HTML_DIR = ROOT / "_build" / "html"
PDF_DIR = ROOT / "_build" / "pdf"
ORIGIN = "http://book.invalid/"  # never resolved: every request is answered by the route below
DOCUMENT = "__azbook-pdf__.html"
OVERLAY = "__azbook-pdf-overlay__.html"
PAGE = {"format": "A4"}
#: What the PDF is made of besides the HTML build: a change to any of them makes it stale.
INPUTS = (Path(__file__), Path(chromium.__file__), STATIC_DIR / "azbook-print.css", citation.BOOK_FILE)


class PdfError(RuntimeError):
    """The PDF cannot be made: the message names the page, the chart or the file."""


# --------------------------------------------------------------------------------------------
# Assemble: the pages as one print document
# --------------------------------------------------------------------------------------------


def page_id(docname: str) -> str:
    """The id of a page's section in the print document (``chapters/iran`` -> ``chapters-iran``)."""
    return docname.replace("/", "-")


@dataclass(frozen=True)
class Page:
    docname: str
    title: str
    body: str  # the article's HTML, ids prefixed and links rewritten


def _local_path(url: str) -> str | None:
    """The site path of an address inside the book (None for any other address)."""
    return url[len(ORIGIN):] if url.startswith(ORIGIN) else None


def rewrite_page(docname: str, article_html: str, docnames: list[str], base_url: str) -> Page:
    """One page's article for the print document: headerlinks dropped, ids prefixed, links rewritten."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(article_html, "html.parser")
    pid = page_id(docname)
    here = urljoin(ORIGIN, f"{docname}.html")
    pages = {f"{d}.html": d for d in docnames}
    for link in soup.select("a.headerlink"):
        link.decompose()
    for node in soup.find_all(id=True):
        node["id"] = f"{pid}--{node['id']}"
    for attr in ("aria-labelledby", "aria-describedby", "for", "data-copy"):
        for node in soup.find_all(attrs={attr: True}):
            node[attr] = " ".join(f"{pid}--{i}" for i in str(node[attr]).split())
    for node in soup.find_all(["img", "source", "script"], src=True):
        node["src"] = urljoin(here, node["src"])
    for link in soup.find_all("a", href=True):
        url, fragment = urldefrag(urljoin(here, link["href"]))
        path = _local_path(url)
        if path is None:
            continue
        if path in pages:
            target = page_id(pages[path])
            link["href"] = f"#{target}--{fragment}" if fragment else f"#{target}"
        else:
            link["href"] = base_url + path + (f"#{fragment}" if fragment else "")
    heading = soup.find("h1")
    if heading is None:
        raise PdfError(f"{docname}.html: the page has no title (h1)")
    return Page(docname=docname, title=" ".join(heading.get_text(" ").split()), body=str(soup))


def read_page(html_dir: Path, docname: str, docnames: list[str], base_url: str) -> Page:
    """A built page's article, rewritten for the print document."""
    path = html_dir / f"{docname}.html"
    if not path.exists():
        raise PdfError(f"{path}: missing; build the HTML first (make html)")
    text = path.read_text(encoding="utf-8")
    start = text.find('<article class="bd-article">')
    end = text.find("</article>", start)
    if start < 0 or end < 0:
        raise PdfError(f"{path}: no <article class=\"bd-article\"> in the page")
    return rewrite_page(docname, text[start + len('<article class="bd-article">'):end], docnames, base_url)


def stylesheets(html_dir: Path, docname: str) -> list[str]:
    """The stylesheet links of a built page, as addresses from the top of the site."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((html_dir / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
    here = urljoin(ORIGIN, f"{docname}.html")
    return [urljoin(here, link["href"])[len(ORIGIN):] for link in soup.select('link[rel="stylesheet"]')]


def authors_text(book: citation.Book) -> str:
    return "; ".join(citation.inverted_name(a) if "name" not in a else a["name"] for a in book.authors)


def title_page_html(book: citation.Book) -> str:
    """The title page: title, authors, version and date, licences, how to cite, address."""
    esc = html.escape
    text, code = book.licenses["text"], book.licenses["code"]
    link = f"https://doi.org/{book.doi}" if book.doi else book.base_url
    return (
        '<section class="azbook-pdf-title-page">'
        f'<p class="azbook-pdf-title">{esc(book.title)}</p>'
        f'<p class="azbook-pdf-authors">{esc(authors_text(book))}</p>'
        f'<p class="azbook-pdf-edition">Version {esc(book.version)} · {citation.long_date(book.date)}</p>'
        f'<p class="azbook-pdf-abstract">{esc(book.abstract)}</p>'
        '<dl class="azbook-pdf-colophon">'
        f"<dt>How to cite</dt><dd>{citation.apa(citation.book_work(book), as_html=True)}</dd>"
        f'<dt>Online</dt><dd><a href="{esc(link)}">{esc(link)}</a></dd>'
        f'<dt>Licences</dt><dd>Text: {esc(text["name"])} ({esc(text["spdx"])}). Code: {esc(code["name"])}'
        f' ({esc(code["spdx"])}). Each dataset keeps its publisher\'s terms (see “How to cite”).</dd>'
        "</dl></section>"
    )


def contents_html(pages: list[Page], numbers: dict[str, int] | None = None) -> str:
    """The contents: every page's title, linked, with its first page (blank until known)."""
    rows = []
    for page in pages:
        number = str(numbers[page.docname]) if numbers and page.docname in numbers else ""
        rows.append(
            f'<li><a href="#{page_id(page.docname)}"><span class="azbook-pdf-toc-title">{html.escape(page.title)}'
            f'</span><span class="azbook-pdf-toc-page">{number}</span></a></li>'
        )
    return f'<nav class="azbook-pdf-contents"><h1 id="contents">Contents</h1><ol>{"".join(rows)}</ol></nav>'


PDF_CSS = """
@page { size: A4; margin: 22mm 18mm 20mm 18mm; }
html, body { margin: 0; padding: 0; background: #fff; }
.azbook-pdf-title-page { break-after: page; padding-top: 45mm; }
.azbook-pdf-title { font-size: 24pt; font-weight: 700; line-height: 1.2; margin: 0 0 10mm 0; }
.azbook-pdf-authors { font-size: 13pt; margin: 0 0 4mm 0; }
.azbook-pdf-edition { font-size: 11pt; margin: 0 0 14mm 0; }
.azbook-pdf-abstract { font-size: 10.5pt; margin: 0 0 14mm 0; }
.azbook-pdf-colophon { font-size: 9.5pt; }
.azbook-pdf-colophon dt { font-weight: 600; margin-top: 3mm; }
.azbook-pdf-colophon dd { margin: 0; overflow-wrap: anywhere; }
.azbook-pdf-contents { break-after: page; }
.azbook-pdf-contents ol { list-style: none; padding: 0; }
.azbook-pdf-contents li { margin: 0 0 2.5mm 0; }
.azbook-pdf-contents a { display: flex; gap: 4mm; justify-content: space-between; text-decoration: none; }
.azbook-pdf-toc-page { min-width: 10mm; text-align: right; }
.azbook-pdf-page { break-before: page; }
.azbook-pdf-page h1 { font-size: 20pt; }
"""


def print_document(book: citation.Book, pages: list[Page], styles: list[str], numbers: dict[str, int] | None = None) -> str:
    """The whole book as one HTML document, ready to print."""
    links = "".join(f'<link rel="stylesheet" href="{html.escape(s)}">' for s in styles)
    body = "".join(
        f'<section class="azbook-pdf-page" id="{page_id(p.docname)}">{p.body}</section>' for p in pages
    )
    return (
        f'<!DOCTYPE html><html lang="{html.escape(book.language)}" data-theme="light" data-mode="light">'
        f'<head><meta charset="utf-8"><title>{html.escape(book.title)}</title>{links}'
        f"<style>{PDF_CSS}</style>"
        '<script async src="_static/vega-bundle.js"></script><script async src="_static/azbook-charts.js"></script>'
        f"</head><body>{title_page_html(book)}{contents_html(pages, numbers)}{body}</body></html>"
    )


def overlay_html(heads: list[str], feet: list[str]) -> str:
    """One transparent A4 sheet per page of the book: its running header and page number."""
    sheets = "".join(
        f'<div class="sheet"><div class="head">{html.escape(h)}</div><div class="foot">{html.escape(f)}</div></div>'
        for h, f in zip(heads, feet, strict=True)
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><style>"
        "@page { size: A4; margin: 0; } html, body { margin: 0; padding: 0; }"
        ".sheet { position: relative; width: 210mm; height: 296.9mm; overflow: hidden; break-after: page;"
        " font: 8.5pt system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; color: #555; }"
        ".sheet:last-child { break-after: auto; }"
        ".head { position: absolute; top: 10mm; left: 18mm; right: 18mm; text-align: right;"
        " white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }"
        ".foot { position: absolute; bottom: 9mm; left: 18mm; right: 18mm; text-align: center; }"
        f"</style></head><body>{sheets}</body></html>"
    )


def running_text(starts: list[tuple[int, str]], total: int, contents_start: int = 1) -> tuple[list[str], list[str]]:
    """Header and footer of every page (0-based ``starts``: each chapter's first page and title).

    No header on the title page, the contents or a chapter's first page; no number on the title page.
    """
    heads, feet = [], []
    ordered = sorted(starts)
    for i in range(total):
        current = [title for start, title in ordered if start <= i]
        first_pages = {start for start, _ in ordered}
        heads.append(current[-1] if current and i not in first_pages and i >= contents_start else "")
        feet.append(str(i + 1) if i > 0 else "")
    return heads, feet


# --------------------------------------------------------------------------------------------
# Metadata
# --------------------------------------------------------------------------------------------


def pdf_date(book: citation.Book) -> str:
    """The book's release date as a PDF date (midnight UTC)."""
    return f"D:{book.date:%Y%m%d}000000Z"


def metadata(book: citation.Book) -> dict[str, str]:
    """The document information dictionary, from book.yml only (no build time, no version numbers)."""
    date = pdf_date(book)
    return {
        "/Title": book.title,
        "/Author": authors_text(book),
        "/Subject": book.abstract,
        "/Keywords": ", ".join(book.keywords),
        "/Creator": "azbook (make pdf)",
        "/Producer": "Chromium (Skia/PDF) and pypdf",
        "/CreationDate": date,
        "/ModDate": date,
    }


# --------------------------------------------------------------------------------------------
# Print and finish
# --------------------------------------------------------------------------------------------


def _squash(text: str) -> str:
    return "".join(text.split())


def headings(pages: list[Page]) -> dict[str, str]:
    """Every heading's text in the print document, by its text without white space."""
    from bs4 import BeautifulSoup

    known = {"Contents": "Contents"}
    for page in pages:
        for node in BeautifulSoup(page.body, "html.parser").find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
            text = " ".join(node.get_text(" ").split())
            known[_squash(text)] = text
    return known


def bookmark_title(raw: str, known: dict[str, str]) -> str:
    """A bookmark's title as its heading reads. Chromium builds it from the heading's laid-out
    lines, with no space where a line broke, and sometimes the first line twice."""
    squashed = _squash(raw)
    for i in range(len(squashed)):
        rest = squashed[i:]
        if rest in known and rest.startswith(squashed[:i]):
            return known[rest]
    return " ".join(raw.split())


def fix_bookmarks(writer, known: dict[str, str]) -> None:  # noqa: ANN001 (a pypdf PdfWriter)
    """Every bookmark's title set to its heading's text (see :func:`bookmark_title`)."""
    from pypdf.generic import NameObject, TextStringObject

    def walk(node) -> None:  # noqa: ANN001
        item = node.get("/First")
        while item is not None:
            entry = item.get_object()
            entry[NameObject("/Title")] = TextStringObject(bookmark_title(str(entry["/Title"]), known))
            walk(entry)
            item = entry.get("/Next")

    outlines = writer._root_object.get("/Outlines")
    if outlines is not None:
        walk(outlines.get_object())


def _outline_starts(data: bytes, pages: list[Page]) -> dict[str, int]:
    """Each page's first PDF page (0-based), from the top-level bookmarks Chromium wrote."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    top = [item for item in reader.outline if not isinstance(item, list)]
    starts: dict[str, int] = {}
    remaining = list(pages)
    known = {_squash(p.title): p.title for p in pages}
    for item in top:
        title = bookmark_title(str(item.title), known)
        if remaining and title == remaining[0].title:
            starts[remaining.pop(0).docname] = reader.get_destination_page_number(item)
    if remaining:
        raise PdfError(f"no bookmark for the page(s) {[p.docname for p in remaining]} in the printed PDF")
    return starts


def _serve(page, html_dir: Path, documents: dict[str, str]) -> None:  # noqa: ANN001
    """Answer every request from ``documents`` or the HTML build; refuse anything else."""
    root = html_dir.resolve()

    def handle(route) -> None:  # noqa: ANN001
        url = urlparse(route.request.url)
        if f"{url.scheme}://{url.netloc}/" != ORIGIN:
            route.abort()
            return
        path = posixpath.normpath(url.path.lstrip("/"))
        if path in documents:
            route.fulfill(body=documents[path], content_type="text/html; charset=utf-8")
            return
        file = (root / path).resolve()
        if root not in file.parents or not file.is_file():
            route.fulfill(status=404, body="")
            return
        route.fulfill(body=file.read_bytes(), content_type=mimetypes.guess_type(file.name)[0] or "application/octet-stream")

    page.route("**/*", handle)


def _print(page, document: str) -> bytes:  # noqa: ANN001
    page.goto(ORIGIN + document, wait_until="load")
    chromium.wait_for_charts(page)
    failed = chromium.failed_charts(page)
    if failed:
        raise PdfError(f"chart(s) not drawn in the print document: {', '.join(failed)}")
    page.evaluate("document.fonts.ready")
    return page.pdf(**PAGE, outline=True, tagged=True, prefer_css_page_size=True, print_background=True)


def build(html_dir: Path = HTML_DIR, out_dir: Path = PDF_DIR, book: citation.Book | None = None) -> Path:
    """Print the built HTML book as one PDF into ``out_dir`` (and copy it into ``html_dir``); return its path."""
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader, PdfWriter

    book = book or citation.load_book()
    if not book.pdf:
        raise PdfError(f"{citation.BOOK_FILE}: no 'pdf' file name")
    browser_path = chromium.chromium_path()
    if browser_path is None:
        raise PdfError("no Chromium found (apt-get install chromium, or set CHROMIUM=/path/to/chromium)")
    docnames = toc_files()
    pages = [read_page(html_dir, d, docnames, book.base_url) for d in docnames]
    styles = stylesheets(html_dir, docnames[1] if len(docnames) > 1 else docnames[0])
    documents = {DOCUMENT: print_document(book, pages, styles)}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=chromium.CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            _serve(page, html_dir, documents)
            first = _print(page, DOCUMENT)
            starts = _outline_starts(first, pages)
            documents[DOCUMENT] = print_document(book, pages, styles, {d: n + 1 for d, n in starts.items()})
            data = _print(page, DOCUMENT)
            if _outline_starts(data, pages) != starts:
                raise PdfError("the contents' page numbers moved the chapters: the contents must not change length")
            total = len(PdfReader(io.BytesIO(data)).pages)
            heads, feet = running_text([(starts[p.docname], p.title) for p in pages], total)
            documents[OVERLAY] = overlay_html(heads, feet)
            page.goto(ORIGIN + OVERLAY, wait_until="load")
            overlay = PdfReader(io.BytesIO(page.pdf(**PAGE, prefer_css_page_size=True)))
        finally:
            browser.close()
    if len(overlay.pages) != total:
        raise PdfError(f"the header/footer overlay has {len(overlay.pages)} pages for {total}")
    writer = PdfWriter(clone_from=io.BytesIO(data))
    for sheet, over in zip(writer.pages, overlay.pages, strict=True):
        sheet.merge_page(over)
        sheet.compress_content_streams()
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    fix_bookmarks(writer, headings(pages))
    writer.add_metadata(metadata(book))
    writer.page_mode = "/UseOutlines"
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / book.pdf
    tmp = target.with_suffix(".pdf.tmp")
    with tmp.open("wb") as fh:
        writer.write(fh)
    tmp.replace(target)
    shutil.copyfile(target, html_dir / book.pdf)
    return target


def is_stale(html_dir: Path = HTML_DIR, out_dir: Path = PDF_DIR, book: citation.Book | None = None) -> bool:
    """True when the PDF is missing or older than the HTML build or anything else it is made of."""
    book = book or citation.load_book()
    target = out_dir / book.pdf
    if not target.exists():
        return True
    inputs = [*INPUTS, *(html_dir / f"{d}.html" for d in toc_files())]
    newest = max(p.stat().st_mtime for p in inputs if p.exists())
    return target.stat().st_mtime < newest


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--if-stale" in argv and not is_stale():
        print(f"{PDF_DIR.relative_to(ROOT)}: up to date")
        return 0
    start = time.perf_counter()
    try:
        target = build()
    except PdfError as err:
        print(f"make pdf: {err}", file=sys.stderr)
        return 1
    print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
