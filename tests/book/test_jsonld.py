"""schema.org JSON-LD parsed back from the built book: a ClaimReview for every rated claim on the
page where it is judged, and a Dataset for every table in the data appendix."""

from __future__ import annotations

import json

import pytest

from azbook.book import citation, jsonld
from azbook.data import datasets
from azbook.data.tables import load, metadata
from built_book import HTML_DIR

BOOK = citation.load_book()


@pytest.fixture(scope="module", autouse=True)
def built():
    if not (HTML_DIR / "chapters" / "data.html").exists():
        pytest.fail("the book is not built: run `make html` (make test does it first)")


def page_html(name: str) -> str:
    return (HTML_DIR / f"{name}.html").read_text(encoding="utf-8")


def claim_review_problems(html: str, claims, chapter: str) -> list[str]:  # noqa: ANN001
    """What is wrong with a chapter page's ClaimReviews against the claims table (empty: nothing)."""
    reviews = {o.get("identifier"): o for o in jsonld.parse(html) if o.get("@type") == "ClaimReview"}
    rated = claims[(claims.chapter == chapter) & claims.verdict.notna()].set_index("claim_id")
    problems = [f"{cid}: no ClaimReview" for cid in rated.index if cid not in reviews]
    problems += [f"{cid}: ClaimReview for a claim not rated here" for cid in reviews if cid not in rated.index]
    for cid, r in reviews.items():
        if cid not in rated.index:
            continue
        c, rating = rated.loc[cid], r["reviewRating"]
        anchor = r["url"].rsplit("#", 1)[1]
        checks = {
            "url": r["url"].startswith(f"{BOOK.base_url}chapters/{chapter}.html#") and f'id="{anchor}"' in html,
            "claimReviewed": r["claimReviewed"] == c.claim,
            "verdict": rating["alternateName"] == c.verdict,
            "ratingValue": rating["ratingValue"] == jsonld.RATING[c.verdict]
                           and rating["worstRating"] == 1 and rating["bestRating"] == 3,
            "itemReviewed": r["itemReviewed"]["@type"] == "Claim"
                            and r["itemReviewed"]["author"]["name"] == "Emil Avdaliani"
                            and r["itemReviewed"]["appearance"]["datePublished"] == "2022",
            "author": r["author"]["name"] == BOOK.publisher and r["publisher"]["url"] == BOOK.base_url,
            "datePublished": r["datePublished"] == BOOK.date.isoformat(),
        }
        problems += [f"{cid}: {k}" for k, ok in checks.items() if not ok]
    return problems


@pytest.mark.parametrize("chapter", ["russia", "turkey", "iran", "balance"])
def test_every_rated_claim_has_its_claim_review(chapter):
    assert claim_review_problems(page_html(f"chapters/{chapter}"), load("claims"), chapter) == []


def test_every_rated_claim_is_reviewed_once_in_the_book():
    claims = load("claims")
    found = [o["identifier"] for ch in ("russia", "turkey", "iran", "balance")
             for o in jsonld.parse(page_html(f"chapters/{ch}")) if o.get("@type") == "ClaimReview"]
    assert sorted(found) == sorted(claims[claims.verdict.notna()].claim_id)
    e23 = next(o for o in jsonld.parse(page_html("chapters/balance")) if o.get("identifier") == "E23")
    assert e23["reviewRating"]["alternateName"] == "untested" and e23["reviewRating"]["ratingValue"] == 0


def test_the_check_catches_a_missing_or_wrong_claim_review():
    html = page_html("chapters/russia")
    claims = load("claims")
    reviews = [o for o in jsonld.parse(html) if o.get("@type") == "ClaimReview"]
    dropped, changed = reviews[0], dict(reviews[1])
    changed["reviewRating"] = {**changed["reviewRating"], "alternateName": "supported", "ratingValue": 3}
    broken = html.replace(json.dumps(dropped, ensure_ascii=False).replace("</", "<\\/"), "{}").replace(
        json.dumps(reviews[1], ensure_ascii=False).replace("</", "<\\/"), json.dumps(changed, ensure_ascii=False))
    problems = claim_review_problems(broken, claims, "russia")
    assert f"{dropped['identifier']}: no ClaimReview" in problems
    if claims.set_index("claim_id").loc[changed["identifier"], "verdict"] != "supported":
        assert f"{changed['identifier']}: verdict" in problems


def test_an_unknown_verdict_cannot_be_published():
    claims = load("claims").copy()
    claims.loc[0, "verdict"] = "doubtful"
    with pytest.raises(ValueError, match="doubtful"):
        jsonld.claim_reviews(claims, BOOK)


def test_every_table_has_its_dataset_markup():
    found = {o["identifier"]: o for o in jsonld.parse(page_html("chapters/data")) if o.get("@type") == "Dataset"}
    assert set(found) == set(datasets.REGISTRY)
    for name, d in found.items():
        meta = metadata(name)
        assert d["name"] == meta["title"] and d["description"] == meta["description"]
        assert [c["name"] for c in d["creator"]] == list(dict.fromkeys(s["publisher"] for s in meta["sources"]))
        assert d["license"] and all(lic["name"] for lic in d["license"])
        if any(str(s["path"]).startswith("http") for s in meta["sources"]):
            assert d["isBasedOn"] and all(u.startswith("http") for u in d["isBasedOn"])
        if name != "region_map":  # shapes, no time dimension
            assert "/" in d["temporalCoverage"] or d["temporalCoverage"].isdigit()
        assert {"@type": "Country", "name": "Azerbaijan"} in d["spatialCoverage"]
        fields = {f["name"]: f for f in meta["schema"]["fields"]}
        assert [v["name"] for v in d["variableMeasured"]] == list(fields)
        for v in d["variableMeasured"]:
            assert v.get("unitText") == fields[v["name"]].get("unit")
        csv = next(x for x in d["distribution"] if x["encodingFormat"] == "text/csv")
        assert csv["@type"] == "DataDownload" and csv["contentUrl"].startswith(BOOK.base_url)
        published = HTML_DIR / csv["contentUrl"].removeprefix(BOOK.base_url)
        assert published.is_file() and published.name == f"{name}.csv", csv["contentUrl"]


def test_a_table_without_metadata_has_no_markup(monkeypatch):
    monkeypatch.setattr(jsonld, "metadata", lambda name: (_ for _ in ()).throw(FileNotFoundError(name)))
    with pytest.raises(FileNotFoundError):
        jsonld.dataset("trade", BOOK)
