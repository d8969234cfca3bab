"""schema.org JSON-LD for machines: a ``ClaimReview`` for every rated claim and a ``Dataset``
for every table, generated from the book's data (never written by hand).

- :func:`claim_reviews`: one ``ClaimReview`` per claim with a verdict (facts and forecasts;
  interpretations get an assessment, not a verdict), from ``data/claims.csv``. It is published
  on the chapter page where the claim is judged (the claim's ``chapter``), and its ``url`` is
  the claim's own anchor there (``#claim-b4``).
- :func:`dataset` / :func:`datasets`: one ``Dataset`` per table, from ``data/<name>.json``,
  published on the data appendix (``chapters/data``).

The numeric rating scale (:data:`RATING`) runs from 1 (not supported) to 3 (supported); the
two verdicts that make no judgement on truth, untested and open, are given 0, below the
scale's worst value, and say so in ``ratingExplanation``. The scale is documented on the
book's "How to cite" page.

The Sphinx extension (:func:`setup`) writes the markup into the ``<head>`` of those pages.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urljoin

import pandas as pd

from azbook.book import citation
from azbook.data import datasets
from azbook.data.tables import load, metadata
from azbook.paths import DATA_DIR

#: verdict -> ratingValue (worstRating 1, bestRating 3); 0: no judgement on truth (below the scale).
RATING = {"supported": 3, "partly": 2, "not supported": 1, "untested": 0, "open": 0}
BEST, WORST = 3, 1
NOT_ON_SCALE = "not rated on the scale (1 not supported, 2 partly, 3 supported): "
DATA_PAGE = "chapters/data"
SCRIPT = '<script type="application/ld+json">{}</script>'
#: The article every claim is taken from (the notes record no exact address for its page).
ARTICLE = {
    "@type": "Article",
    "headline": "Back To Normalcy: Azerbaijan's Evolving Foreign Policy – Analysis",
    "author": {"@type": "Person", "name": "Emil Avdaliani"},
    "publisher": {"@type": "Organization", "name": "Eurasia Review", "url": "https://www.eurasiareview.com/"},
    "datePublished": "2022",
}
NOT_PLACES = {"World", "multiple"}
URL = re.compile(r"https?://[^\s)]+")


def _book_agent(book: citation.Book) -> dict[str, Any]:
    return {"@type": "Organization", "name": book.publisher, "url": book.base_url}


def chapter_page(chapter: str) -> str:
    return f"chapters/{chapter}"


def claim_reviews(claims: pd.DataFrame, book: citation.Book, chapter: str | None = None) -> list[dict[str, Any]]:
    """A ``ClaimReview`` per rated claim (of ``chapter`` only, when given), in the claims' order."""
    rated = claims[claims.verdict.notna()]
    if chapter is not None:
        rated = rated[rated.chapter == chapter]
    unknown = sorted(set(rated.verdict) - set(RATING))
    if unknown:
        raise ValueError(f"verdicts without a rating value: {unknown}")
    out = []
    for c in rated.itertuples(index=False):
        value = RATING[c.verdict]
        note = str(c.verdict_note)
        rating = {"@type": "Rating", "ratingValue": value, "bestRating": BEST, "worstRating": WORST,
                  "alternateName": c.verdict,
                  "ratingExplanation": (NOT_ON_SCALE + note) if value < WORST else note}
        out.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{book.base_url}{chapter_page(c.chapter)}.html#claim-{c.claim_id.lower()}",
            "identifier": c.claim_id,
            "claimReviewed": c.claim,
            "itemReviewed": {"@type": "Claim", "author": ARTICLE["author"], "appearance": ARTICLE,
                             "datePublished": ARTICLE["datePublished"]},
            "reviewRating": rating,
            "author": _book_agent(book),
            "publisher": _book_agent(book),
            "datePublished": book.date.isoformat(),
            "inLanguage": book.language,
        })
    return out


def _temporal(coverage: Mapping[str, Any]) -> str | None:
    for key in ("dates", "months", "years", "delivery_years"):
        value = coverage.get(key)
        if isinstance(value, Mapping):
            value = [v for vs in value.values() for v in vs]
        if isinstance(value, list) and value:
            return f"{min(value)}/{max(value)}" if len(set(map(str, value))) > 1 else str(value[0])
    if "evidence_as_of" in coverage:  # the claims: made in 2022, checked against evidence to that date
        return f"2022/{coverage['evidence_as_of']}"
    return None


def _places(coverage: Mapping[str, Any]) -> list[str]:
    names: list[str] = ["Azerbaijan"]
    for key in ("countries", "reporters", "partners", "recipients", "exporters", "suppliers"):
        value = coverage.get(key)
        if isinstance(value, list):
            names += [str(v) for v in value]
    if isinstance(coverage.get("by_partner"), Mapping):
        names += list(coverage["by_partner"])
    return [n for n in dict.fromkeys(names) if n not in NOT_PLACES]


def _licence(lic: Mapping[str, Any]) -> dict[str, Any]:
    out = {"@type": "CreativeWork", "name": lic["title"]}
    found = URL.search(str(lic.get("path") or "") + " " + lic["title"])
    if found:
        out["url"] = found.group(0)
    return out


def dataset(name: str, book: citation.Book, downloads: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The ``Dataset`` of one table from its metadata; ``downloads`` maps a file name (``trade.csv``)
    to its published address (default: the file under ``data/`` at the book's base URL)."""
    meta = metadata(name)
    downloads = dict(downloads or {})
    creators = [{"@type": "Organization", "name": s["publisher"]} for s in meta["sources"]]
    creators = list({c["name"]: c for c in creators}.values())
    based_on = list(dict.fromkeys(m.group(0) for s in meta["sources"] if (m := URL.match(str(s["path"])))))
    variables = []
    for f in meta["schema"]["fields"]:
        v = {"@type": "PropertyValue", "name": f["name"], "description": f["description"]}
        if f.get("unit"):
            v["unitText"] = f["unit"]
        variables.append(v)
    out = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": meta["title"],
        "alternateName": name,
        "identifier": name,
        "description": meta["description"],
        "url": f"{book.base_url}{DATA_PAGE}.html#{name.replace('_', '-')}-data",
        "creator": creators,
        "license": [_licence(lic) for lic in meta["licenses"]],
        "isBasedOn": based_on,
        "temporalCoverage": _temporal(meta["coverage"]),
        "spatialCoverage": [{"@type": "Country", "name": n} for n in _places(meta["coverage"])],
        "variableMeasured": variables,
        "publisher": _book_agent(book),
        "isAccessibleForFree": True,
        "distribution": [
            {"@type": "DataDownload", "contentUrl": downloads.get(meta["path"], f"{book.base_url}data/{meta['path']}"),
             "encodingFormat": meta.get("mediatype", "text/csv"), "name": meta["path"]},
            {"@type": "DataDownload", "contentUrl": downloads.get(f"{name}.json", f"{book.base_url}data/{name}.json"),
             "encodingFormat": "application/json", "name": f"{name}.json (metadata)"},
        ],
    }
    return {k: v for k, v in out.items() if v not in (None, [])}


def datasets_jsonld(book: citation.Book, downloads: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    return [dataset(name, book, downloads) for name in datasets.REGISTRY]


def scripts(objects: Iterable[dict[str, Any]]) -> str:
    """The objects as ``<script type="application/ld+json">`` elements (one per object)."""
    return "".join(SCRIPT.format(json.dumps(o, ensure_ascii=False).replace("</", "<\\/")) for o in objects)


def parse(page_html: str) -> list[dict[str, Any]]:
    """Every JSON-LD object in a page (for tests and checks)."""
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page_html, flags=re.S)
    return [json.loads(html.unescape(s) if s.lstrip().startswith("&") else s) for s in found]


def download_links(body: str, page_url: str) -> dict[str, str]:
    """File name -> absolute address of every download link in a rendered page body."""
    out = {}
    for href in re.findall(r'href="([^"]*_downloads/[^"]+)"', body):
        out[href.rsplit("/", 1)[-1]] = urljoin(page_url, href)
    return out


# --- Sphinx -------------------------------------------------------------------------------


def _digest() -> str:
    files = sorted(DATA_DIR.glob("*.json")) + [DATA_DIR / "claims.csv"]
    return hashlib.sha256(b"".join(p.read_bytes() for p in files if p.exists())).hexdigest()


def _config_inited(app, config) -> None:  # noqa: ANN001
    config.azbook_jsonld_digest = _digest()  # a change in the claims or the metadata rebuilds every page


def _page_context(app, pagename, templatename, context, doctree) -> None:  # noqa: ANN001
    if doctree is None or app.builder.format != "html":
        return
    book = citation.load_book()
    objects: list[dict[str, Any]] = []
    if pagename == DATA_PAGE:
        downloads = download_links(context.get("body", ""), f"{book.base_url}{pagename}.html")
        objects = datasets_jsonld(book, downloads)
    elif pagename.startswith("chapters/"):
        chapter = pagename.split("/", 1)[1]
        claims = load("claims")
        if chapter in set(claims.chapter):
            objects = claim_reviews(claims, book, chapter)
    if objects:
        context["metatags"] = context.get("metatags", "") + scripts(objects)


def setup(app):  # noqa: ANN001
    app.add_config_value("azbook_jsonld_digest", "", "env")
    app.connect("config-inited", _config_inited)
    app.connect("html-page-context", _page_context)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
