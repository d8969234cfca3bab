"""Citing the book: its record (book.yml), the generated files, and what the built pages carry.

Unit tests run without a build. The page tests read the built HTML (``make html`` first; set
AZBOOK_HTML_DIR to test another build). The clipboard test drives headless Chromium like
test_browser.py: without a Chromium it is skipped, except under CI=true, where it fails.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup
from docutils.nodes import make_id
from pybtex.database import parse_string

from azbook.book import citation
from azbook.paths import ROOT
from built_book import HTML_DIR, is_notebook, toc_files
from browser import CHROMIUM_ARGS, PageWatch, require_chromium, serve

HTML = Path(os.environ.get("AZBOOK_HTML_DIR", HTML_DIR))
SCHEMA = Path(__file__).parent.parent / "fixtures" / "cff" / "schema-1.2.0.json"
BOOK = citation.load_book()
HIGHWIRE_REQUIRED = ["citation_title", "citation_book_title", "citation_author", "citation_publication_date",
                     "citation_publisher", "citation_public_url", "citation_language"]
RIS_REQUIRED = ["TY", "TI", "AU", "PY", "T2", "PB", "UR", "ER"]


def chapters() -> list[str]:
    return [f for f in toc_files() if citation.is_chapter(f, BOOK)]


def two_author_book() -> citation.Book:
    return dataclasses.replace(BOOK, authors=(
        {"family-names": "Aliyeva", "given-names": "Leyla Nur"},
        {"family-names": "Smith", "given-names": "John"},
        {"name": "Data Team & Co"},
    ))


def parse_ris(text: str) -> list[tuple[str, str]]:
    fields = []
    for line in text.splitlines():
        match = re.fullmatch(r"([A-Z][A-Z0-9])  - ?(.*)", line)
        assert match, f"not a RIS line: {line!r}"
        fields.append((match.group(1), match.group(2)))
    return fields


def check_ris(text: str, where: str) -> None:
    fields = parse_ris(text)
    tags = [t for t, _ in fields]
    assert tags[0] == "TY" and tags[-1] == "ER", f"{where}: a RIS record starts with TY and ends with ER"
    for tag in RIS_REQUIRED:
        values = [v for t, v in fields if t == tag]
        assert values, f"{where}: RIS field {tag} is missing"
        assert tag == "ER" or all(v.strip() for v in values), f"{where}: RIS field {tag} is empty"
    assert dict(fields)["TY"] == "CHAP", f"{where}: a chapter is a book section (TY  - CHAP)"


# ------------------------------------------------------------------------------------------
# The record and the generated files
# ------------------------------------------------------------------------------------------


def test_config_title_and_author_match_book_yml():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert config["title"] == BOOK.title
    assert config["author"] == ", ".join(citation.inverted_name(a) for a in BOOK.authors)


def test_book_yml_is_checked():
    data = yaml.safe_load((ROOT / "book.yml").read_text())
    for broken, field in ((dict(data, **{"base-url": "example.org/x"}), "base-url"),
                          (dict(data, authors=[{"family-names": "Only"}]), "author"),
                          ({k: v for k, v in data.items() if k != "publisher"}, "publisher"),
                          (dict(data, pdf="sub/book.pdf"), "pdf"), (dict(data, pdf="book.html"), "pdf")):
        with pytest.raises(ValueError, match=field):
            citation.book_from_dict(broken)


def test_a_bad_book_yml_names_the_field_and_its_line(tmp_path):
    text = (ROOT / "book.yml").read_text()
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith("date-released:"))
    bad = tmp_path / "book.yml"
    bad.write_text(text.replace('date-released: "2026-11-28"', 'date-released: "2026-28-11"'))
    with pytest.raises(citation.BookFileError, match=rf"book.yml, line {line}: 'date-released' '2026-28-11' is not a date"):
        citation.load_book(bad)
    bad.write_text("\n".join(ln for ln in text.splitlines() if not ln.startswith("version:")))
    with pytest.raises(citation.BookFileError, match=r"book.yml: 'version' is missing or empty"):
        citation.load_book(bad)


def test_the_pdf_edition_is_named_by_book_yml_under_the_base_url():
    assert BOOK.pdf and BOOK.pdf_url == BOOK.base_url + BOOK.pdf
    work = citation.chapter_work(BOOK, "chapters/russia", "Russia")
    assert dict(citation.highwire_tags(work))["citation_pdf_url"] == BOOK.pdf_url
    without = dataclasses.replace(BOOK, pdf="")
    assert "citation_pdf_url" not in dict(citation.highwire_tags(citation.chapter_work(without, "chapters/russia", "R")))
    block = citation.citation_block_html(work, "a.bib", "a.ris", None, f"../{BOOK.pdf}")
    assert f'<a href="../{BOOK.pdf}" download>PDF of the book</a>' in block
    assert "PDF" not in citation.citation_block_html(work, "a.bib", "a.ris")


def test_bare_links_are_marked_so_print_shows_only_titled_links_targets():
    from azbook.book.sphinx_citation import mark_bare_links

    body = ('<a class="reference external" href="https://a.org/">https://a.org/</a>'
            '<a class="reference external" href="https://b.org/">B</a>')
    marked = mark_bare_links(body)
    assert 'class="reference external azbook-url-text" href="https://a.org/"' in marked
    assert '<a class="reference external" href="https://b.org/">B</a>' in marked


def test_generated_files_match_their_generator():
    for path, text in citation.generated_files().items():
        assert path.exists(), f"{path.name} is missing: run `python -m azbook.book.citation`"
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: run `python -m azbook.book.citation`"


def test_citation_cff_is_valid_and_prefers_the_book():
    import jsonschema

    schema = json.loads(SCHEMA.read_text())
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(cff)]
    assert not errors, errors
    preferred = cff["preferred-citation"]
    assert preferred["type"] == "book" and preferred["title"] == BOOK.title
    assert cff["version"] == BOOK.version and cff["date-released"] == BOOK.date.isoformat()
    assert cff["keywords"] == list(BOOK.keywords) and cff["keywords"], "the keywords of book.yml"
    # the same validator rejects a broken record
    broken = dict(cff, **{"preferred-citation": dict(preferred, type="bok")}, **{"date-released": "28.11.2026"})
    del broken["authors"]
    assert len(list(validator.iter_errors(broken))) >= 3


def test_bib_files_parse_with_unique_readable_keys():
    keys: list[str] = []
    for name in ("references.bib", "datasets.bib"):
        text = (ROOT / name).read_text(encoding="utf-8")
        data = parse_string(text, "bibtex")
        assert list(data.entries) == citation.bib_keys(text)
        for key, entry in data.entries.items():
            assert re.fullmatch(r"[a-z][a-z0-9_]*", key), f"{name}: key {key!r} is not lower-case readable"
            assert entry.fields.get("title") and entry.fields.get("year"), f"{name}: {key} lacks title or year"
            assert entry.persons.get("author"), f"{name}: {key} has no author (author-year citations need one)"
        keys += list(data.entries)
    assert len(keys) == len(set(keys)), f"a key is defined twice: {sorted(k for k in keys if keys.count(k) > 1)}"
    for required in ("avdaliani2022", "shusha_declaration2021", "allied_interaction2022", "trilateral_statement2020",
                     "imf_dots", "sipri_at"):
        assert required in keys


def test_every_dataset_source_has_an_entry():
    defined = set()
    for name in ("references.bib", "datasets.bib"):
        defined |= set(citation.bib_keys((ROOT / name).read_text(encoding="utf-8")))
    sources = citation.data_sources()
    tables = {p.stem for p in (ROOT / "data").glob("*.json")}
    assert tables == {t for s in sources for t in s.tables}, "a table has no source"
    for source in sources:
        if source.key is not None:  # None: a source that is this book itself
            assert source.key in defined, f"{source.tables}: source {source.source['title']!r} has no bib entry"
    assert all(key in defined for key in citation.HAND_WRITTEN_KEYS)


def test_source_year_is_the_year_of_the_released_field_never_read_from_words():
    assert citation.source_year({"release": "file Export_GTF_IEA_202209 (data Oct 2008 - Sep 2022)",
                                 "released": "2022-09"}) == "2022"
    assert citation.source_year({"release": "April 2025 release", "released": "2025-04"}) == "2025"
    with pytest.raises(KeyError):
        citation.source_year({"release": "April 2025 release"})


def test_every_cite_key_in_the_pages_resolves():
    known = set()
    for name in ("references.bib", "datasets.bib"):
        known |= set(citation.bib_keys((ROOT / name).read_text(encoding="utf-8")))
    texts = citation.page_texts(ROOT, toc_files())
    assert texts.keys() == set(toc_files()), "a page's source was not read"
    assert citation.unresolved_keys(texts, known) == {}
    # the check itself catches a missing key, in every role form
    fake = {"x": "As {cite:t}`avdaliani2022` says {cite:p}`imf_dots,nokey_a` and {cite}`nokey_b`."}
    assert citation.unresolved_keys(fake, known) == {"x": ["nokey_a", "nokey_b"]}


# ------------------------------------------------------------------------------------------
# The formats, on a book with several authors (people and a group)
# ------------------------------------------------------------------------------------------


def test_formats_split_and_order_authors():
    book = two_author_book()
    work = citation.chapter_work(book, "chapters/four-years-on", "Four years on: what changed?")
    assert work.key == f"{book.key}{book.year}_four_years_on"
    assert citation.apa(work).startswith(f"Aliyeva, L. N., Smith, J., & Data Team & Co ({book.year}). Four years on: what changed? In ")
    assert citation.chicago(work).startswith("Aliyeva, Leyla Nur, John Smith, and Data Team & Co. “Four years on: what changed?” In ")
    authors = [v for n, v in citation.highwire_tags(work) if n == "citation_author"]
    assert authors == ["Aliyeva, Leyla Nur", "Smith, John", "Data Team & Co"]
    entry = parse_string(citation.bibtex(work), "bibtex").entries[work.key]
    assert entry.type == "incollection"
    assert [str(p) for p in entry.persons["author"]] == ["Aliyeva, Leyla Nur", "Smith, John", "{Data Team \\& Co}"]
    ris = parse_ris(citation.ris(work))
    assert [v for t, v in ris if t == "AU"] == ["Aliyeva, Leyla Nur", "Smith, John", "Data Team & Co"]
    check_ris(citation.ris(work), "two-author chapter")


def test_doi_appears_only_once_it_exists():
    work = citation.chapter_work(BOOK, "chapters/russia", "Russia")
    assert BOOK.doi or "citation_doi" not in dict(citation.highwire_tags(work))
    with_doi = citation.chapter_work(dataclasses.replace(BOOK, doi="10.5281/zenodo.1"), "chapters/russia", "Russia")
    assert dict(citation.highwire_tags(with_doi))["citation_doi"] == "10.5281/zenodo.1"


def test_check_ris_catches_a_missing_field():
    text = citation.ris(citation.chapter_work(BOOK, "chapters/russia", "Russia"))
    with pytest.raises(AssertionError, match="T2"):
        check_ris("".join(line for line in text.splitlines(True) if not line.startswith("T2")), "broken")


# ------------------------------------------------------------------------------------------
# The built pages
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built():
    if not (HTML / "index.html").exists():
        pytest.fail(f"the book is not built in {HTML}: run `make html` (make test does it first)")


def soup(file: str) -> BeautifulSoup:
    return BeautifulSoup((HTML / f"{file}.html").read_text(encoding="utf-8"), "html.parser")


def work_of(file: str, page: BeautifulSoup) -> citation.Work:
    return citation.chapter_work(BOOK, file, page.find("meta", attrs={"name": "citation_title"})["content"])


def test_chapters_are_every_notebook_page(built):
    assert chapters(), "no chapter page in _toc.yml"
    for file in toc_files():
        if is_notebook(file) and file.startswith(BOOK.chapter_folder + "/"):
            assert file in chapters(), f"{file}: a chapter notebook is not treated as a chapter"


@pytest.mark.parametrize("file", chapters())
def test_chapter_head_has_the_highwire_tags(built, file):
    head = soup(file).head
    tags: dict[str, list[str]] = {}
    for meta in head.find_all("meta", attrs={"name": re.compile(r"^citation_")}):
        tags.setdefault(meta["name"], []).append(meta.get("content", ""))
    for name in HIGHWIRE_REQUIRED:
        assert tags.get(name), f"{file}: <meta name={name}> is missing"
        assert all(v.strip() for v in tags[name]), f"{file}: {name} is empty"
    assert tags["citation_author"] == [citation.inverted_name(a) for a in BOOK.authors], \
        f"{file}: one citation_author per author, in order"
    assert all(";" not in a and " and " not in a for a in tags["citation_author"]), f"{file}: authors joined in one tag"
    h1 = soup(file).find("article").find("h1").get_text(" ", strip=True).rstrip("#").strip()
    assert tags["citation_title"] == [h1]
    assert tags["citation_book_title"] == [BOOK.title]
    assert tags["citation_public_url"] == [f"{BOOK.base_url}{file}.html"]
    assert re.fullmatch(r"\d{4}/\d{2}/\d{2}", tags["citation_publication_date"][0])
    assert BOOK.doi is None or tags.get("citation_doi") == [BOOK.doi]
    assert tags["citation_pdf_url"] == [BOOK.pdf_url], f"{file}: citation_pdf_url names book.yml's PDF"


@pytest.mark.parametrize("file", chapters())
def test_chapter_has_a_cite_block_with_working_downloads(built, file):
    page = soup(file)
    block = page.find(id="cite-this-chapter")
    assert block is not None, f"{file}: no 'Cite this chapter' block"
    assert block.find("h2").get_text(strip=True) == "Cite this chapter"
    work = work_of(file, page)
    assert block.find(id="cite-this-chapter-apa").get_text() == citation.apa(work)
    assert block.find(id="cite-this-chapter-chicago").get_text() == citation.chicago(work)
    shown = block.find(id="cite-this-chapter-bibtex").get_text()
    assert parse_string(shown, "bibtex").entries[work.key].type == "incollection"
    assert len(block.select("button.azbook-cite-copy")) == 3
    links = {Path(a["href"]).suffix: a for a in block.select(".azbook-cite-downloads a[download]")}
    assert set(links) >= {".bib", ".ris", ".pdf"}, f"{file}: .bib, .ris and PDF download links"
    pdf_target = urlparse(urljoin(f"http://book.invalid/{file}.html", links[".pdf"]["href"])).path.lstrip("/")
    assert pdf_target == BOOK.pdf, f"{file}: the PDF link points at {pdf_target}, not the book's PDF at the top"
    page_url = f"http://book.invalid/{file}.html"
    for suffix, link in links.items():
        if suffix not in (".bib", ".ris"):
            continue
        target = HTML / urlparse(urljoin(page_url, link["href"])).path.lstrip("/")
        assert target.is_file(), f"{file}: {link['href']} does not exist in the built book"
        text = target.read_text(encoding="utf-8")
        if suffix == ".bib":
            entry = parse_string(text, "bibtex").entries[work.key]
            assert entry.type == "incollection" and entry.fields["booktitle"].strip("{}") == BOOK.title
            assert len(entry.persons["author"]) == len(BOOK.authors)
        else:
            check_ris(text, f"{file}.ris")
            assert dict(parse_ris(text))["UR"] == f"{BOOK.base_url}{file}.html"


@pytest.mark.parametrize("file", chapters())
def test_opengraph_image_is_the_lead_chart(built, file):
    head = soup(file).head
    image = head.find("meta", attrs={"property": "og:image"})
    assert image is not None, f"{file}: no og:image"
    assert image["content"].startswith(BOOK.base_url)
    local = HTML / image["content"][len(BOOK.base_url):]
    lead = citation.lead_chart(ROOT / f"{file}.ipynb")
    assert lead is not None, f"{file}: the notebook has no image/png output"
    assert local.read_bytes() == lead.png
    assert head.find("meta", attrs={"property": "og:image:alt"})["content"].startswith("Chart:")
    assert head.find("meta", attrs={"property": "og:url"})["content"] == f"{BOOK.base_url}{file}.html"
    assert head.find("meta", attrs={"property": "og:type"})["content"] == "article"


@pytest.mark.parametrize("file", toc_files())
def test_every_page_shows_version_and_last_update(built, file):
    edition = soup(file).find(class_="azbook-edition")
    assert edition is not None, f"{file}: no version line"
    assert " ".join(edition.get_text(" ", strip=True).split()) == citation.edition_text(BOOK)
    assert edition.find("time")["datetime"] == BOOK.date.isoformat()
    assert soup(file).find("link", rel="canonical")["href"] == f"{BOOK.base_url}{file}.html"


def test_sitemap_lists_every_page(built):
    text = (HTML / "sitemap.xml").read_text(encoding="utf-8")
    locs = set(re.findall(r"<loc>([^<]+)</loc>", text))
    assert locs == {f"{BOOK.base_url}{f}.html" for f in toc_files()}


def test_references_page_lists_the_article_and_every_dataset(built):
    page = soup("references")
    for name in ("references.bib", "datasets.bib"):
        for key in citation.bib_keys((ROOT / name).read_text(encoding="utf-8")):
            assert page.find(id=make_id(f"ref-{key}")) is not None, f"references page: no entry {key}"


def test_book_downloads_and_figure_example_exist(built):
    work = citation.book_work(BOOK)
    assert parse_string((HTML / f"{BOOK.key}.bib").read_text(), "bibtex").entries[work.key].type == "book"
    assert parse_ris((HTML / f"{BOOK.key}.ris").read_text())[0] == ("TY", "BOOK")
    how_to = (HTML / "how-to-cite.html").read_text(encoding="utf-8")
    assert not re.search(r"\{\{\s*\w+\s*\}\}", how_to), "How to cite: a substitution was not filled"
    assert 'id="cite-this-book"' in how_to
    assert f'<a href="{BOOK.pdf}" download>PDF of the book</a>' in how_to, "How to cite: no link to the PDF"
    example = citation.substitutions(BOOK)["figure_address_example"].strip("`")
    page, anchor = example[len(BOOK.base_url):].split("#")
    assert soup(page.removesuffix(".html")).find(id=anchor) is not None, f"How to cite: {example} does not exist"


# ------------------------------------------------------------------------------------------
# The copy buttons, in headless Chromium
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium(built):
    path = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.mark.browser
def test_copy_buttons_put_the_citation_on_the_clipboard(chromium):
    file = chapters()[0]
    with serve(HTML) as base_url:
        context = chromium.new_context(permissions=["clipboard-read", "clipboard-write"])
        page = context.new_page()
        watch = PageWatch(page)
        page.goto(f"{base_url}/{file}.html", wait_until="load")
        work = work_of(file, soup(file))
        expected = {"apa": citation.apa(work), "chicago": citation.chicago(work), "bibtex": citation.bibtex(work).strip()}
        for ident, text in expected.items():
            page.evaluate("navigator.clipboard.writeText('(empty)')")
            page.click(f'button[data-copy="cite-this-chapter-{ident}"]')
            page.wait_for_function("() => navigator.clipboard.readText().then(t => t !== '(empty)')", timeout=5000)
            assert page.evaluate("navigator.clipboard.readText()") == text, f"{file}: the {ident} button copied other text"
        assert "copied" in page.locator("#cite-this-chapter .azbook-cite-status").inner_text()
        context.close()
    assert not watch.errors, f"{file}: console errors: {watch.errors}"
    assert not watch.outside, f"{file}: requests left the machine: {watch.outside}"
