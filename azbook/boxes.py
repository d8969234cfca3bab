"""Boxes set into a chapter's text: the article's claims with our verdicts and evidence.

Rendered as HTML (it shows the same in the book and in Jupyter). Evidence events link
to their sources; evidence tables link to their section of the data appendix.
"""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML

VERDICT_CLASS = {"supported": "success", "partly": "warning", "not supported": "danger", "open": "note"}
DATA_PAGE = "data.html"


def _event_link(event) -> str:  # noqa: ANN001 (a namedtuple row)
    date = f"{pd.Timestamp(event.date):%-d %b %Y}"
    return f'<a href="{html.escape(event.source_url)}">{html.escape(event.label)}</a> ({date})'


def _dataset_link(name: str) -> str:
    return f'<a href="{DATA_PAGE}#{name.replace("_", "-")}-data"><code>{html.escape(name)}</code></a>'


def claim_html(claim, events: pd.DataFrame) -> str:  # noqa: ANN001 (a namedtuple row)
    """One claim: the article's view (our summary), our verdict or reading, and the evidence."""
    by_id = events.set_index("event_id")
    ids = [e for e in (claim.evidence_events or "").split(";") if e]
    evidence = [_event_link(row) for row in by_id.loc[ids].reset_index().itertuples()] if ids else []
    evidence += [_dataset_link(d) for d in (claim.evidence_datasets or "").split(";") if d]
    if claim.type == "interpretation":
        verdict = f'<span class="azbook-verdict">our reading: {html.escape(claim.assessment or "")}</span>'
    else:
        verdict = f'<span class="azbook-verdict azbook-verdict-{html.escape((claim.verdict or "").replace(" ", "-"))}">{html.escape(claim.verdict or "")}</span>'
    quote = f' The article: “{html.escape(claim.article_quote)}”.' if claim.article_quote else ""
    return (
        f'<li id="claim-{claim.claim_id.lower()}"><strong>{claim.claim_id}</strong> '
        f'<em>({html.escape(claim.type)})</em> {html.escape(claim.claim)}{quote}<br>'
        f"Verdict: {verdict}. {html.escape(claim.verdict_note or '')}"
        + (f"<br>Evidence: {'; '.join(evidence)}." if evidence else "")
        + "</li>"
    )


def claims_box(claims: pd.DataFrame, events: pd.DataFrame, claim_ids: list[str], title: str = "The article's claims, checked") -> HTML:
    """An admonition-style box listing the given claims (in the order given)."""
    missing = [c for c in claim_ids if c not in set(claims.claim_id)]
    if missing:
        raise KeyError(f"no such claims: {missing}")
    rows = claims.set_index("claim_id").loc[claim_ids].reset_index()
    items = "".join(claim_html(c, events) for c in rows.fillna("").itertuples())
    return HTML(
        f'<aside class="admonition azbook-claims"><p class="admonition-title">{html.escape(title)}</p>'
        f'<ul class="azbook-claim-list">{items}</ul></aside>'
    )


def events_list(events: pd.DataFrame) -> HTML:
    """Dated events as a list, each with our description and a link to its source."""
    items = "".join(
        f'<li id="event-{html.escape(e.event_id)}"><strong>{pd.Timestamp(e.date):%-d %B %Y}</strong>: '
        f'{html.escape(e.description)} <a href="{html.escape(e.source_url)}">Source: {html.escape(e.source_title)}</a>'
        + (f" <em>(confidence: {html.escape(e.confidence)})</em>" if e.confidence != "high" else "")
        + "</li>"
        for e in events.sort_values(["date", "event_id"]).itertuples()
    )
    return HTML(f'<ul class="azbook-events">{items}</ul>')
