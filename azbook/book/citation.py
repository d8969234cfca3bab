"""How to cite the book, its chapters and its data: pure functions over ``book.yml`` and ``data/*.json``.

``book.yml`` is the one source of truth for the book's bibliographic data. Everything else is
derived from it here, and nothing here touches Sphinx:

- a chapter's or the book's reference in APA and Chicago style, as a BibTeX entry and as RIS;
- the Highwire Press ``citation_*`` meta tags that Zotero and Google Scholar read;
- the HTML of the "Cite this chapter" block and of the version line on every page;
- the static image of a chapter's lead chart (for OpenGraph), taken from its notebook;
- ``datasets.bib`` (one entry per data source in ``data/*.json``) and ``CITATION.cff``.

``python -m azbook.book.citation`` rewrites ``datasets.bib`` and ``CITATION.cff``;
``python -m azbook.book.citation --check`` fails when a committed copy is out of date.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from azbook.paths import DATA_DIR, ROOT

BOOK_FILE = ROOT / "book.yml"
DATASETS_BIB = ROOT / "datasets.bib"
REFERENCES_BIB = ROOT / "references.bib"
CITATION_CFF = ROOT / "CITATION.cff"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


# --------------------------------------------------------------------------------------------
# The book
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Book:
    title: str
    authors: tuple[dict[str, str], ...]
    publisher: str
    version: str
    date: dt.date
    language: str
    base_url: str
    key: str
    licenses: dict[str, dict[str, str]]
    abstract: str = ""
    doi: str | None = None
    chapter_folder: str = "chapters"
    not_chapters: tuple[str, ...] = ()
    pdf: str = ""
    keywords: tuple[str, ...] = ()

    @property
    def pdf_url(self) -> str | None:
        """Where the PDF edition is published: its file name under the base URL."""
        return self.base_url + self.pdf if self.pdf else None

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def bibtex_key(self) -> str:
        return f"{self.key}{self.year}"


class BookFileError(ValueError):
    """A bad ``book.yml``: the field, and (once :func:`load_book` has found it) its line."""

    def __init__(self, field: str, message: str, line: int | None = None):
        self.field, self.message, self.line = field, message, line
        where = "book.yml" + (f", line {line}" if line else "")
        super().__init__(f"{where}: '{field}' {message}")


def book_from_dict(data: dict[str, Any]) -> Book:
    """A :class:`Book` from the parsed ``book.yml`` (checked: a bad file fails with the field)."""
    for required in ("title", "authors", "publisher", "version", "date-released", "base-url", "key", "licenses"):
        if not data.get(required):
            raise BookFileError(required, "is missing or empty")
    authors = tuple(dict(a) for a in data["authors"])
    for a in authors:
        if not (a.get("name") or (a.get("family-names") and a.get("given-names"))):
            raise BookFileError("authors", f"entry {a!r} needs 'name' or 'family-names' and 'given-names'")
    date = data["date-released"]
    if not isinstance(date, dt.date):
        try:
            date = dt.date.fromisoformat(str(date))
        except ValueError:
            raise BookFileError("date-released", f"{date!r} is not a date (YYYY-MM-DD)") from None
    base_url = str(data["base-url"])
    if not re.match(r"^https?://[^/\s]+/", base_url + ("" if base_url.endswith("/") else "/")):
        raise BookFileError("base-url", f"{base_url!r} is not an absolute http(s) URL")
    chapters = data.get("chapters") or {}
    pdf = str(data.get("pdf") or "")
    if pdf and not re.fullmatch(r"[A-Za-z0-9._-]+\.pdf", pdf):
        raise ValueError(f"book.yml: pdf {pdf!r} is not a plain file name ending in .pdf")
    return Book(
        title=str(data["title"]).strip(),
        authors=authors,
        publisher=str(data["publisher"]).strip(),
        version=str(data["version"]),
        date=date,
        language=str(data.get("language") or "en"),
        base_url=base_url if base_url.endswith("/") else base_url + "/",
        key=str(data["key"]),
        licenses={k: dict(v) for k, v in data["licenses"].items()},
        abstract=" ".join(str(data.get("abstract") or "").split()),
        doi=data.get("doi") or None,
        chapter_folder=str(chapters.get("folder", "chapters")).strip("/"),
        not_chapters=tuple(chapters.get("except") or ()),
        pdf=pdf,
        keywords=tuple(str(k) for k in data.get("keywords") or ()),
    )


def load_book(path: Path = BOOK_FILE) -> Book:
    """The book's bibliographic data; a bad field raises :class:`BookFileError` with its line."""
    text = path.read_text(encoding="utf-8")
    try:
        return book_from_dict(yaml.safe_load(text) or {})
    except BookFileError as exc:
        line = next((i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith(f"{exc.field}:")), None)
        raise BookFileError(exc.field, exc.message, line) from None


def is_chapter(docname: str, book: Book) -> bool:
    """A citable chapter: a page under the chapters folder that book.yml does not exclude."""
    return docname.startswith(book.chapter_folder + "/") and docname not in book.not_chapters


def long_date(date: dt.date) -> str:
    """28 November 2026 (no locale involved)."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


# --------------------------------------------------------------------------------------------
# What is cited: the book or one chapter
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Work:
    """The book itself (``chapter`` is None) or one of its chapters, with its public URL."""

    book: Book
    url: str
    chapter: str | None = None
    slug: str = ""

    @property
    def key(self) -> str:
        return f"{self.book.bibtex_key}_{self.slug}" if self.chapter else self.book.bibtex_key


def book_work(book: Book) -> Work:
    return Work(book=book, url=book.base_url)


def chapter_work(book: Book, docname: str, title: str, target_uri: str | None = None) -> Work:
    """A chapter: its page title and its address under the base URL (``target_uri`` from the builder)."""
    slug = re.sub(r"[^A-Za-z0-9]+", "_", docname.rsplit("/", 1)[-1]).strip("_").lower()
    uri = target_uri if target_uri is not None else f"{docname}.html"
    return Work(book=book, url=book.base_url + uri, chapter=" ".join(title.split()), slug=slug)


# Authors, in each style's form -----------------------------------------------------------------


def _is_person(author: dict[str, str]) -> bool:
    return "name" not in author


def _initials(given: str) -> str:
    return " ".join(f"{part[0]}." for part in re.split(r"[\s]+", given) if part)


def apa_authors(authors: tuple[dict[str, str], ...]) -> str:
    names = [f"{a['family-names']}, {_initials(a['given-names'])}" if _is_person(a) else a["name"] for a in authors]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def chicago_authors(authors: tuple[dict[str, str], ...]) -> str:
    names = []
    for i, a in enumerate(authors):
        if not _is_person(a):
            names.append(a["name"])
        elif i == 0:
            names.append(f"{a['family-names']}, {a['given-names']}")
        else:
            names.append(f"{a['given-names']} {a['family-names']}")
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return ", ".join(names[:-1]) + ", and " + names[-1]


def inverted_name(author: dict[str, str]) -> str:
    """"Family, Given" for a person, the name for a group: the form RIS and Highwire tags expect."""
    return f"{author['family-names']}, {author['given-names']}" if _is_person(author) else author["name"]


def _end(text: str, mark: str = ".") -> str:
    return text if text.endswith((".", "?", "!")) else text + mark


def _doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}"


# References -----------------------------------------------------------------------------------


def apa(work: Work, as_html: bool = False) -> str:
    """APA (7th ed.) reference; the book's title in italics when ``as_html``."""
    b = work.book
    esc = html.escape if as_html else (lambda s: s)
    book_title = f"<em>{esc(b.title)}</em>" if as_html else b.title
    authors = apa_authors(b.authors)
    parts = [f"{esc(authors)} ({b.year})."]
    if work.chapter:
        parts.append(f"{esc(_end(work.chapter))} In {book_title} (Version {esc(b.version)}).")
    else:
        parts.append(f"{book_title} (Version {esc(b.version)}).")
    if b.publisher != authors:  # APA leaves out a publisher that is also the author
        parts.append(esc(_end(b.publisher)))
    parts.append(esc(_doi_url(b.doi) if b.doi and not work.chapter else work.url))
    return " ".join(parts)


def chicago(work: Work, as_html: bool = False) -> str:
    """Chicago (17th ed., bibliography form) reference; the book's title in italics when ``as_html``."""
    b = work.book
    esc = html.escape if as_html else (lambda s: s)
    book_title = f"<em>{esc(b.title)}</em>" if as_html else b.title
    parts = [esc(_end(chicago_authors(b.authors)))]
    if work.chapter:
        parts.append(f"“{esc(_end(work.chapter))}” In {book_title}, version {esc(b.version)}.")
    else:
        parts.append(f"{_end(book_title)} Version {esc(b.version)}.")
    parts.append(f"{esc(b.publisher)}, {b.year}.")
    link = _doi_url(b.doi) if b.doi and not work.chapter else work.url
    parts.append(esc(_end(link)))
    return " ".join(parts)


_TEX_SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}


def tex(text: str, keep: str = "") -> str:
    """Text as a BibTeX field value: LaTeX specials escaped, except those in ``keep``."""
    return "".join(c if c in keep else _TEX_SPECIALS.get(c, c) for c in text)


def bibtex_names(authors: tuple[dict[str, str], ...]) -> str:
    """BibTeX's author list: "Family, Given" for people, a braced name for groups, joined by "and"."""
    return " and ".join(
        f"{tex(a['family-names'])}, {tex(a['given-names'])}" if _is_person(a) else "{" + tex(a["name"]) + "}"
        for a in authors
    )


def bibtex_entry(entry_type: str, key: str, fields: list[tuple[str, str | None]]) -> str:
    """One BibTeX entry with aligned fields (values already in BibTeX form; None fields left out)."""
    kept = [(name, value) for name, value in fields if value]
    width = max(len(name) for name, _ in kept)
    body = ",\n".join(f"  {name.ljust(width)} = {value}" for name, value in kept)
    return f"@{entry_type}{{{key},\n{body},\n}}\n"


def _braced(text: str) -> str:
    return "{" + text + "}"


def bibtex(work: Work) -> str:
    """@incollection for a chapter, @book for the book."""
    b = work.book
    author = ("author", _braced(bibtex_names(b.authors)))
    common = [
        ("publisher", _braced(tex(b.publisher))),
        ("year", _braced(str(b.year))),
        ("month", BIBTEX_MONTHS[b.date.month - 1]),
        ("date", _braced(b.date.isoformat())),
        ("version", _braced(tex(b.version))),
        ("note", _braced(f"Version {tex(b.version)}")),
        ("language", _braced("english" if b.language == "en" else tex(b.language))),
        ("url", _braced(work.url)),
    ]
    if work.chapter:
        fields = [author, ("title", "{{" + tex(work.chapter) + "}}"), ("booktitle", "{{" + tex(b.title) + "}}"),
                  *common]
        return bibtex_entry("incollection", work.key, fields)
    fields = [author, ("title", "{{" + tex(b.title) + "}}"), *common, ("doi", _braced(b.doi) if b.doi else None)]
    return bibtex_entry("book", work.key, fields)


def ris(work: Work) -> str:
    """The RIS record (CRLF line ends, as the format specifies)."""
    b = work.book
    lines = [("TY", "CHAP" if work.chapter else "BOOK")]
    lines.append(("TI", work.chapter or b.title))
    lines += [("AU", inverted_name(a)) for a in b.authors]
    lines += [("PY", str(b.year)), ("DA", b.date.strftime("%Y/%m/%d/"))]
    if work.chapter:
        lines.append(("T2", b.title))
    lines += [("PB", b.publisher), ("ET", f"Version {b.version}"), ("LA", b.language), ("UR", work.url)]
    if b.doi and not work.chapter:
        lines.append(("DO", b.doi))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def highwire_tags(work: Work) -> list[tuple[str, str]]:
    """Highwire Press ``citation_*`` tags for a chapter: one ``citation_author`` per author."""
    b = work.book
    tags = [("citation_title", work.chapter or b.title)]
    if work.chapter:
        tags.append(("citation_book_title", b.title))
    tags += [("citation_author", inverted_name(a)) for a in b.authors]
    tags += [
        ("citation_publication_date", b.date.strftime("%Y/%m/%d")),
        ("citation_publisher", b.publisher),
        ("citation_public_url", work.url),
        ("citation_language", b.language),
    ]
    if b.doi:
        tags.append(("citation_doi", b.doi))
    if b.pdf_url:
        tags.append(("citation_pdf_url", b.pdf_url))
    return tags


def meta_tags_html(tags: list[tuple[str, str]]) -> str:
    return "".join(f'<meta name="{html.escape(n)}" content="{html.escape(v)}" />\n' for n, v in tags)


# HTML blocks ---------------------------------------------------------------------------------


def edition_text(book: Book) -> str:
    return f"Version {book.version} · last updated {long_date(book.date)}"


def edition_html(book: Book) -> str:
    """The version line every page ends with."""
    return (f'<p class="azbook-edition">Version <span class="azbook-version">{html.escape(book.version)}</span>'
            f' · last updated <time datetime="{book.date.isoformat()}">{long_date(book.date)}</time></p>')


def citation_block_html(work: Work, bib_href: str, ris_href: str, how_to_cite_href: str | None = None,
                        pdf_href: str | None = None) -> str:
    """The visible "Cite this chapter" (or "Cite this book") block: APA, Chicago and BibTeX with
    copy buttons (azbook-cite.js), and the .bib and .ris downloads (and the book's PDF, by name:
    ``make pdf`` writes it after the HTML). No blank line inside (it may be placed in Markdown as
    one raw HTML block)."""
    what = "chapter" if work.chapter else "book"
    anchor = f"cite-this-{what}"
    rows = []
    for label, ident, body, tag in (
        ("APA", "apa", apa(work, as_html=True), "p"),
        ("Chicago", "chicago", chicago(work, as_html=True), "p"),
        ("BibTeX", "bibtex", html.escape(bibtex(work)), "pre"),
    ):
        target = f"{anchor}-{ident}"
        rows.append(
            f'<dt>{label}</dt><dd><{tag} class="azbook-cite-text" id="{target}">{body.rstrip()}</{tag}>'
            f'<button type="button" class="azbook-cite-copy" data-copy="{target}" '
            f'aria-label="Copy the {label} citation">Copy</button></dd>'
        )
    pdf = f' · <a href="{html.escape(pdf_href)}" download>PDF of the book</a>' if pdf_href else ""
    more = f' · <a href="{html.escape(how_to_cite_href)}">How to cite figures and data</a>' if how_to_cite_href else ""
    return (
        f'<section class="azbook-cite" id="{anchor}" aria-labelledby="{anchor}-title">'
        f'<h2 id="{anchor}-title">Cite this {what}</h2>'
        f"{edition_html(work.book)}"
        f'<dl class="azbook-cite-formats">{"".join(rows)}</dl>'
        f'<p class="azbook-cite-downloads">Download: <a href="{html.escape(bib_href)}" download>BibTeX (.bib)</a>'
        f' · <a href="{html.escape(ris_href)}" download>RIS (.ris)</a>{pdf}{more}</p>'
        f'<p class="azbook-cite-status" role="status" aria-live="polite"></p>'
        f"</section>"
    )


# The lead chart's static image, for OpenGraph -----------------------------------------------


@dataclass(frozen=True)
class LeadChart:
    png: bytes
    alt: str

    @property
    def size(self) -> tuple[int, int]:
        """Width and height from the PNG header."""
        if self.png[:8] != b"\x89PNG\r\n\x1a\n":
            raise ValueError("not a PNG")
        return int.from_bytes(self.png[16:20], "big"), int.from_bytes(self.png[20:24], "big")


def lead_chart(notebook: Path) -> LeadChart | None:
    """The first ``image/png`` output of a notebook (every chart output carries one), or None."""
    if notebook.suffix != ".ipynb" or not notebook.exists():
        return None
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                png = data["image/png"]
                png = "".join(png) if isinstance(png, list) else png
                alt = data.get("text/plain", "")
                alt = "".join(alt) if isinstance(alt, list) else alt
                return LeadChart(png=base64.b64decode(png), alt=" ".join(alt.split()))
    return None


# --------------------------------------------------------------------------------------------
# Data sources -> datasets.bib
# --------------------------------------------------------------------------------------------

# The citation key of each source in data/*.json, by the first table (in name order) that lists
# it and its position in that table's "sources". A source listed by several tables (same title,
# publisher, release and address) gets one entry. None: the source is part of this book itself
# (cite the book). A key of a hand-written entry in references.bib: no entry is generated.
# A source missing here gets the key <table>_<position>.
DATASET_KEYS: dict[tuple[str, int], str | None] = {
    ("arms_register", 0): "sipri_at",
    ("arms_transfers", 1): "sipri_at_tiv",
    ("claims", 0): "avdaliani2022",
    ("claims", 1): "notes_claims",
    ("claims", 2): None,
    ("conflict", 0): "ucdp_brd",
    ("event_figures", 0): "notes_events",
    ("event_figures", 1): None,
    ("events", 0): "notes_events",
    ("events", 1): None,
    ("gas_exports", 0): "bp_sr2021",
    ("gas_exports", 1): "ei_sr2023",
    ("gas_flows_monthly", 0): "iea_gtf",
    ("migrant_stocks", 0): "wb_migration2017",
    ("migrant_stocks", 1): "undesa_migrant_stock2019",
    ("military_expenditure", 0): "sipri_milex",
    ("region_map", 0): "natural_earth",
    ("remittances", 0): "wb_remittances2017",
    ("remittances", 1): "wb_remittances2018",
    ("trade", 0): "imf_dots",
    ("trade_official", 0): "news_trade_figures",
    ("un_ideal_points", 0): "unga_ideal_points",
    ("un_votes", 0): "unga_votes",
}
HAND_WRITTEN_KEYS = frozenset({"avdaliani2022"})


@dataclass
class DataSource:
    key: str | None
    source: dict[str, Any]
    tables: list[str] = field(default_factory=list)

    @property
    def generated(self) -> bool:
        return self.key is not None and self.key not in HAND_WRITTEN_KEYS


def _identity(source: dict[str, Any]) -> tuple[str, ...]:
    return tuple(str(source.get(k, "")) for k in ("title", "publisher", "release", "path"))


def data_sources(data_dir: Path = DATA_DIR) -> list[DataSource]:
    """Every distinct source of every table, in table-name order, with its key and tables."""
    seen: dict[tuple[str, ...], DataSource] = {}
    for meta_path in sorted(data_dir.glob("*.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        name = meta.get("name", meta_path.stem)
        for i, source in enumerate(meta.get("sources", [])):
            ident = _identity(source)
            if ident not in seen:
                key = DATASET_KEYS[(name, i)] if (name, i) in DATASET_KEYS else f"{name}_{i + 1}"
                seen[ident] = DataSource(key=key, source=source)
            if name not in seen[ident].tables:
                seen[ident].tables.append(name)
    return list(seen.values())


def table_keys(data_dir: Path = DATA_DIR) -> dict[str, list[str]]:
    """The citation keys of each table's sources (the book's own sources left out)."""
    keys: dict[str, list[str]] = {}
    for ds in data_sources(data_dir):
        for table in ds.tables:
            if ds.key:
                keys.setdefault(table, []).append(ds.key)
    return dict(sorted(keys.items()))


def source_year(source: dict[str, Any]) -> str:
    """The release year: the year of the source's ``released`` date (a field, never read out of words)."""
    return str(source["released"])[:4]


def _is_url(text: str) -> bool:
    return bool(re.fullmatch(r"https?://\S+", text))


def dataset_bibtex(ds: DataSource) -> str:
    """A data source as @misc. "$" stays unescaped: pybtex, which typesets the book's
    bibliography, has no escape for it (it would show "\\$")."""
    s = ds.source
    path = str(s.get("path", ""))
    release = str(s.get("release", "")).strip()
    note = [_end(release[:1].upper() + release[1:])] if release else []
    if path and not _is_url(path):
        note.append(_end(f"Address: {path}"))
    accessed = str(s.get("accessed", ""))
    if accessed:
        note.append(f"Accessed {accessed}.")
    note.append(f"Used in the book's table{'s' if len(ds.tables) > 1 else ''} {', '.join(ds.tables)}.")
    fields = [
        ("author", "{{" + tex(str(s["publisher"]), keep="$") + "}}"),
        ("title", "{{" + tex(str(s["title"]), keep="$") + "}}"),
        ("howpublished", "{Dataset}"),
        ("year", _braced(source_year(s))),
        ("url", _braced(path) if _is_url(path) else None),
        ("urldate", _braced(accessed) if accessed and _is_url(path) else None),
        ("note", _braced(tex(" ".join(note), keep="$"))),
        ("keywords", "{dataset}"),
    ]
    return bibtex_entry("misc", ds.key or "", fields)


def datasets_bib(data_dir: Path = DATA_DIR) -> str:
    """The text of datasets.bib: one @misc entry per data source (deterministic)."""
    head = (
        "% Generated by `python -m azbook.book.citation` from data/*.json: do not edit by hand.\n"
        "% One entry per distinct source of the book's tables (azbook.book.citation.DATASET_KEYS).\n"
    )
    return head + "".join("\n" + dataset_bibtex(ds) for ds in data_sources(data_dir) if ds.generated)


# --------------------------------------------------------------------------------------------
# CITATION.cff
# --------------------------------------------------------------------------------------------


def citation_cff(book: Book) -> str:
    """The text of CITATION.cff (Citation File Format 1.2.0), the book as preferred citation."""
    preferred: dict[str, Any] = {
        "type": "book",
        "title": book.title,
        "authors": [dict(a) for a in book.authors],
        "publisher": {"name": book.publisher},
        "year": book.year,
        "date-published": book.date.isoformat(),
        "version": book.version,
        "url": book.base_url,
        "languages": [book.language],
        "license": book.licenses["text"]["spdx"],
    }
    if book.doi:
        preferred["doi"] = book.doi
    cff: dict[str, Any] = {
        "cff-version": "1.2.0",
        "message": "If you use this book, please cite it as below (the preferred citation).",
        "title": book.title,
        "abstract": book.abstract,
        "authors": [dict(a) for a in book.authors],
        "version": book.version,
        "date-released": book.date.isoformat(),
        "url": book.base_url,
        "keywords": list(book.keywords),
        "preferred-citation": preferred,
    }
    if book.doi:
        cff["doi"] = book.doi
    if not book.abstract:
        del cff["abstract"]
    if not book.keywords:
        del cff["keywords"]
    licences = ", ".join(f"{part} {lic['spdx']}" for part, lic in book.licenses.items())
    head = (
        "# Generated from book.yml by `python -m azbook.book.citation`: edit book.yml, not this file.\n"
        f"# Licences: {licences}; each dataset keeps its publisher's terms (see the book's How to cite page).\n"
    )
    return head + yaml.safe_dump(cff, sort_keys=False, allow_unicode=True, width=100)


# --------------------------------------------------------------------------------------------
# Keys: what the pages cite, what the .bib files define
# --------------------------------------------------------------------------------------------

_CITE_ROLE = re.compile(r"\{(?:cite|footcite)(?::[a-z]+)?\}`([^`]*)`")
_BIB_KEY = re.compile(r"^\s*@(\w+)\s*\{\s*([^,\s]+)\s*,", re.M)


def cited_keys(text: str) -> list[str]:
    """Every key a MyST text cites with {cite}, {cite:p}, {cite:t}, ... roles, in order."""
    keys: list[str] = []
    for group in _CITE_ROLE.findall(text):
        keys += [k.strip() for k in group.split(",") if k.strip()]
    return keys


def bib_keys(text: str) -> list[str]:
    return [key for kind, key in _BIB_KEY.findall(text) if kind.lower() not in ("comment", "string", "preamble")]


def page_texts(root: Path = ROOT, files: list[str] | None = None) -> dict[str, str]:
    """The Markdown of each page (notebook markdown cells joined), by document name."""
    texts = {}
    for name in files or []:
        nb, md = root / f"{name}.ipynb", root / f"{name}.md"
        if nb.exists():
            cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
            texts[name] = "\n".join(
                "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                for c in cells if c["cell_type"] == "markdown"
            )
        elif md.exists():
            texts[name] = md.read_text(encoding="utf-8")
    return texts


def unresolved_keys(texts: dict[str, str], known: set[str]) -> dict[str, list[str]]:
    """Keys cited in each page that no .bib file defines."""
    missing = {name: [k for k in cited_keys(text) if k not in known] for name, text in texts.items()}
    return {name: keys for name, keys in missing.items() if keys}


# --------------------------------------------------------------------------------------------
# The How to cite page's generated parts (MyST substitutions)
# --------------------------------------------------------------------------------------------


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def dataset_licences_markdown(data_dir: Path = DATA_DIR) -> str:
    """A Markdown table: each table, its sources' keys, licence terms and requested attribution."""
    rows = ["| table | cite as | licence or terms | attribute as |", "|---|---|---|---|"]
    keys_by_table = table_keys(data_dir)
    for meta_path in sorted(data_dir.glob("*.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        name = meta.get("name", meta_path.stem)
        keys = keys_by_table.get(name, [])
        licences, attributions = [], []
        for lic in meta.get("licenses", []):
            if lic.get("title") and lic["title"] not in licences:
                licences.append(lic["title"])
            if lic.get("attribution") and lic["attribution"] not in attributions:
                attributions.append(lic["attribution"])
        cite = ", ".join(f"{{cite:p}}`{k}`" for k in keys) or "this book"
        rows.append(
            f"| {{ref}}`{name} <{name}-data>` | {cite} | {_md_cell('; '.join(licences))} "
            f"| {_md_cell('; '.join(attributions))} |"
        )
    return "\n".join(rows)


def substitutions(book: Book, data_dir: Path = DATA_DIR) -> dict[str, str]:
    """MyST substitutions for the How to cite page: every value comes from book.yml or data/."""
    work = book_work(book)
    text, code = book.licenses["text"], book.licenses["code"]
    return {
        "book_version": book.version,
        "book_date": long_date(book.date),
        "book_base_url": book.base_url,
        "chapter_key_example": f"`{work.key}_russia`",
        "figure_address_example": f"`{book.base_url}chapters/russia.html#chart-russia-trade`",
        "book_cite_block": citation_block_html(work, f"{book.key}.bib", f"{book.key}.ris", pdf_href=book.pdf or None),
        "book_pdf": book.pdf or "(none)",
        "text_licence": f"[{text['name']}]({text['url']}) (`{text['spdx']}`)",
        "code_licence": f"[{code['name']}]({code['url']}) (`{code['spdx']}`)",
        "dataset_licences": dataset_licences_markdown(data_dir),
    }


# --------------------------------------------------------------------------------------------
# Command line: write or check the generated files
# --------------------------------------------------------------------------------------------


def generated_files(root: Path = ROOT) -> dict[Path, str]:
    book = load_book(root / "book.yml")
    return {root / "datasets.bib": datasets_bib(root / "data"), root / "CITATION.cff": citation_cff(book)}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    stale = []
    for path, text in generated_files().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if "--check" in argv:
            stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print(f"out of date: {', '.join(stale)} (run `python -m azbook.book.citation`)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
