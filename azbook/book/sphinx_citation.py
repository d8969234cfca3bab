"""The book's citation extension: makes every chapter a citable unit (see :mod:`azbook.book.citation`).

- reads ``book.yml`` once and sets the version, the base URL (canonical links, sitemap,
  OpenGraph) and the How to cite page's substitutions from it;
- on every chapter page: the Highwire ``citation_*`` meta tags, the "Cite this chapter" block
  with its copy buttons, the ``.bib`` and ``.ris`` files next to the page, and the lead chart's
  PNG as the page's OpenGraph image; on every other page, the version line;
- writes the book's own ``.bib`` and ``.ris`` at the top of the site;
- links every chapter to the PDF edition (``citation_pdf_url``, "PDF of the book"), by name:
  ``make pdf`` (:mod:`azbook.book.pdf`) writes it after the HTML;
- adds the print stylesheet (``azbook-print.css``, shared with the PDF edition) and marks links
  whose text is their own address (``azbook-url-text``), so that print shows only the others' targets;
- completes sphinx-sitemap's list of pages after an incremental build.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import BracketStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

from azbook.book import citation
from azbook.paths import STATIC_DIR

JS_FILE = "azbook-cite.js"
PRINT_CSS = "azbook-print.css"
_BARE_LINK = re.compile(r'<a class="reference external" href="([^"]+)">\1</a>')


def mark_bare_links(body: str) -> str:
    """``<a class="reference external" href="X">X</a>`` gets the class ``azbook-url-text``."""
    return _BARE_LINK.sub(r'<a class="reference external azbook-url-text" href="\1">\1</a>', body)


def _round() -> BracketStyle:
    return BracketStyle(left="(", right=")")


@dataclasses.dataclass
class RoundAuthorYear(AuthorYearReferenceStyle):
    """Author-year citations in round brackets: {cite:p} -> (Avdaliani, 2022), {cite:t} ->
    Avdaliani (2022). The way sphinxcontrib-bibtex's documentation registers such a style."""

    bracket_parenthetical: BracketStyle = dataclasses.field(default_factory=_round)
    bracket_textual: BracketStyle = dataclasses.field(default_factory=_round)
    bracket_author: BracketStyle = dataclasses.field(default_factory=_round)
    bracket_label: BracketStyle = dataclasses.field(default_factory=_round)
    bracket_year: BracketStyle = dataclasses.field(default_factory=_round)


def _book(app) -> citation.Book:  # noqa: ANN001
    book = getattr(app, "_azbook_book", None)
    if book is None:
        book = app._azbook_book = citation.load_book()
    return book


def _config_inited(app, config) -> None:  # noqa: ANN001
    book = _book(app)
    config.version = config.release = book.version
    config.html_baseurl = book.base_url
    config.ogp_site_url = book.base_url
    config.ogp_site_name = book.title
    config.myst_substitutions = {**(config.myst_substitutions or {}), **citation.substitutions(book)}
    config.azbook_citation_book = repr(book)  # any change in book.yml rebuilds every page
    if str(STATIC_DIR) not in map(str, config.html_static_path):
        config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]


def _write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8", newline="")


def _page_context(app, pagename, templatename, context, doctree) -> None:  # noqa: ANN001
    if doctree is None or app.builder.format != "html":
        return
    book = _book(app)
    context["body"] = mark_bare_links(context.get("body", ""))
    if not citation.is_chapter(pagename, book):
        context["body"] = context.get("body", "") + citation.edition_html(book)
    else:
        outdir = Path(app.outdir)
        title = app.env.titles[pagename].astext()
        work = citation.chapter_work(book, pagename, title, app.builder.get_target_uri(pagename))
        _write(outdir / f"{pagename}.bib", citation.bibtex(work))
        _write(outdir / f"{pagename}.ris", citation.ris(work))
        context["metatags"] = context.get("metatags", "") + citation.meta_tags_html(citation.highwire_tags(work))
        chart = citation.lead_chart(Path(app.env.doc2path(pagename)))
        if chart is not None:
            _write(outdir / f"{pagename}-card.png", chart.png)
            width, height = chart.size
            # A copy: sphinxext-opengraph pops og:image from the dict it is given.
            context["meta"] = {**(context.get("meta") or {}), "og:type": "article",
                               "og:image": f"{pagename}-card.png",
                               "og:image:alt": chart.alt, "og:image:width": str(width),
                               "og:image:height": str(height)}
        pathto = context["pathto"]
        how_to = pathto("how-to-cite") if "how-to-cite" in app.env.found_docs else None
        context["body"] = context.get("body", "") + citation.citation_block_html(
            work, pathto(f"{pagename}.bib", 1), pathto(f"{pagename}.ris", 1), how_to,
            pathto(book.pdf, 1) if book.pdf else None,
        )
    if "azbook-cite-copy" in context["body"]:
        app.add_js_file(JS_FILE, loading_method="defer")


def _build_finished(app, exception) -> None:  # noqa: ANN001
    if exception is not None or app.builder.format != "html":
        return
    book = _book(app)
    work = citation.book_work(book)
    _write(Path(app.outdir) / f"{book.key}.bib", citation.bibtex(work))
    _write(Path(app.outdir) / f"{book.key}.ris", citation.ris(work))


def _complete_sitemap(app, exception) -> None:  # noqa: ANN001
    """sphinx-sitemap lists only the pages written in this run, so an incremental build gives a
    partial sitemap (jdillard/sphinx-sitemap#13): add every other page, and sort the list."""
    links = getattr(app.env.app, "sitemap_links", None)
    if exception is not None or links is None:
        return
    import sphinx_sitemap

    for docname in app.env.found_docs:  # queue every page; duplicates are dropped below
        sphinx_sitemap.add_html_link(app, docname, None, {}, None)
    collected = {}
    while not links.empty():
        link, lastmod = links.get()
        collected[link] = lastmod or collected.get(link)
    for link in sorted(collected):
        links.put((link, collected[link]))


def setup(app):  # noqa: ANN001
    register_plugin("sphinxcontrib.bibtex.style.referencing", "author_year_round", RoundAuthorYear, force=True)
    app.add_config_value("azbook_citation_book", "", "env")
    app.connect("config-inited", _config_inited)
    # Before sphinxext-opengraph (priority 500) reads the page's og:image.
    app.connect("html-page-context", _page_context, priority=400)
    app.connect("build-finished", _build_finished)
    app.connect("build-finished", _complete_sitemap, priority=499)  # before sphinx-sitemap writes it
    app.add_css_file("azbook-cite.css")
    app.add_css_file(PRINT_CSS, media="print")
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
