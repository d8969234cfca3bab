"""Boxes set into a chapter's text: the article's claims with our verdicts and evidence, the
verdict table that sums a chapter up, and small tables of figures.

Rendered as HTML (it shows the same in the book and in Jupyter). Evidence events link
to their sources; evidence tables link to their section of the data appendix.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd
from IPython.display import HTML

from azbook.book import corrections
from azbook.charts.argument import STATUS_CONFIRMED, VERDICTS

VERDICT_CLASS = {"supported": "success", "partly": "warning", "not supported": "danger", "untested": "note",
                 "open": "note"}
DATA_PAGE = "data.html"


def _event_link(event) -> str:  # noqa: ANN001 (a namedtuple row)
    date = f"{pd.Timestamp(event.date):%-d %b %Y}"
    return f'<a href="{html.escape(event.source_url)}">{html.escape(event.label)}</a> ({date})'


def _second_source(event) -> str:  # noqa: ANN001 (a namedtuple row)
    """" Second source: <title>" for an event that has one (the gravest events), else empty."""
    title, url = getattr(event, "second_source_title", None), getattr(event, "second_source_url", None)
    if not isinstance(title, str) or not isinstance(url, str):
        return ""
    return f' <a class="azbook-second-source" href="{html.escape(url)}">Second source: {html.escape(title)}</a>'


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
        f"Verdict: {verdict}. {html.escape(claim.verdict_note or '')}{corrections.claim_note(claim.claim_id)}"
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
        + _second_source(e) + corrections.event_note(e.event_id)
        + "</li>"
        for e in events.sort_values(["date", "event_id"]).itertuples()
    )
    return HTML(f'<ul class="azbook-events">{items}</ul>')


#: What a table shows where there is no value.
NO_VALUE = "–"


def _cell(value, fmt: str | int | Callable | None) -> str:  # noqa: ANN001 (any cell value)
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return NO_VALUE
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else ""
    if fmt is None:
        return str(value)
    if callable(fmt):
        return str(fmt(value))
    if isinstance(fmt, int):
        floor = 10 ** -fmt
        return f"<{floor:.{fmt}f}" if 0 < abs(value) < floor / 2 else f"{value:,.{fmt}f}"
    return format(value, fmt)


def table(df: pd.DataFrame, formats: Mapping[str, str | int | Callable] | None = None, *,
          nowrap: Sequence[str] = ()) -> HTML:
    """A small table as a reader should see it: no index, "–" where there is no value, "yes"/blank for true/false.

    ``formats`` maps a column to a format spec (",.0f"), a function, or a number of decimals (an
    int: thousands separators, and "<0.01" for a value too small to show at that precision);
    other cells are shown as they are (already formatted text passes through, HTML-escaped).
    ``nowrap`` columns stay on one line (e.g. a period "21 Mar–22 Sep 2021").
    """
    formats = dict(formats or {})
    unknown = [c for c in [*formats, *nowrap] if c not in df.columns]
    if unknown:
        raise KeyError(f"no such columns: {unknown}")
    out = pd.DataFrame({col: [html.escape(_cell(v, formats.get(col)), quote=False) for v in df[col]] for col in df.columns})
    for col in nowrap:
        out[col] = '<span style="white-space:nowrap">' + out[col] + "</span>"
    out.columns = [html.escape(str(c), quote=False) for c in df.columns]
    return HTML(out.to_html(index=False, border=0, classes="table azbook-table", justify="left", escape=False))


def verdict_table(claims: pd.DataFrame, sections: Mapping[tuple[str, str], Sequence[str]], *,
                  chapter: str | None = None) -> HTML:
    """A chapter's verdicts at a glance: one row per claim, linked to its claims box and to its section.

    ``sections`` maps each section, as (anchor, title), to the ids of the claims it checks, in
    the order to show. Columns: the claim, the article's view (our summary), its type, our verdict
    (for an interpretation, "our reading: ..."), the section. With ``chapter``, every claim of that
    chapter in the claims table must be shown (``ValueError`` otherwise); an unknown id raises ``KeyError``.
    """
    ids = [c for section_ids in sections.values() for c in section_ids]
    if len(ids) != len(set(ids)):
        raise ValueError("a claim is listed in two sections")
    missing = [c for c in ids if c not in set(claims.claim_id)]
    if missing:
        raise KeyError(f"no such claims: {missing}")
    if chapter is not None:
        left_out = sorted(set(claims.query("chapter == @chapter").claim_id) - set(ids))
        if left_out:
            raise ValueError(f"claims of the {chapter} chapter not shown: {left_out}")
    section_of = {c: s for s, section_ids in sections.items() for c in section_ids}
    rows = claims.set_index("claim_id").loc[ids].reset_index().fillna("")
    body = "".join(
        f'<tr><td><a href="#claim-{r.claim_id.lower()}">{html.escape(r.claim_id)}</a></td><td>{html.escape(r.claim)}</td>'
        f'<td>{html.escape(r.type)}</td><td>{html.escape(r.verdict or "our reading: " + r.assessment)}</td>'
        f'<td><a href="#{html.escape(section_of[r.claim_id][0])}">{html.escape(section_of[r.claim_id][1])}</a></td></tr>'
        for r in rows.itertuples()
    )
    return HTML('<table class="table azbook-verdicts"><thead><tr><th>Claim</th><th>The article says (our summary)</th>'
                f"<th>Type</th><th>Verdict</th><th>Section</th></tr></thead><tbody>{body}</tbody></table>")


def _evidence_links(claim, by_id: pd.DataFrame, data_page: str) -> str:  # noqa: ANN001 (a namedtuple row)
    ids = [e for e in (claim.evidence_events or "").split(";") if e]
    links = [
        f'<a href="{html.escape(by_id.loc[e, "source_url"])}">{html.escape(by_id.loc[e, "label"])}</a> '
        f'({pd.Timestamp(by_id.loc[e, "date"]):%-d %b %Y})'
        for e in ids
    ]
    links += [f'<a href="{data_page}#{d.replace("_", "-")}-data"><code>{html.escape(d)}</code></a>'
              for d in (claim.evidence_datasets or "").split(";") if d]
    return "; ".join(links)


def forecast_table(claims: pd.DataFrame, events: pd.DataFrame, *, kinds: Sequence[str] = ("forecast",),
                   data_page: str = "data.html") -> str:
    """The audit table as HTML: each claim of ``kinds`` with the article's expectation (our summary and
    its quoted phrase), what happened, the verdict, and the evidence linked to its sources.

    Rows are ordered by verdict (supported, partly, not supported, open), then by claim id.
    """
    rows = claims.query("type in @kinds").fillna("").assign(
        order=lambda d: d.verdict.map({v: i for i, v in enumerate(VERDICTS)}))
    if rows.order.isna().any():
        raise ValueError("every claim in the audit table needs a verdict")
    by_id = events.set_index("event_id")
    body = []
    for c in rows.sort_values(["order", "claim_id"]).itertuples():
        quote = (f'<br><span class="azbook-quote">The article: “{html.escape(c.article_quote)}”</span>'
                 if c.article_quote else "")
        verdict_class = "azbook-verdict azbook-verdict-" + c.verdict.replace(" ", "-")
        body.append(
            f'<tr id="forecast-{c.claim_id.lower()}"><th scope="row">{html.escape(c.claim_id)}</th>'
            f"<td>{html.escape(c.claim)}{quote}</td><td>{html.escape(c.verdict_note)}{corrections.claim_note(c.claim_id)}</td>"
            f'<td><span class="{verdict_class}">{html.escape(c.verdict)}</span></td>'
            f"<td>{_evidence_links(c, by_id, data_page)}</td></tr>"
        )
    head = "".join(f'<th scope="col">{h}</th>' for h in
                   ("Claim", "What the article expected (our summary)", "What happened", "Verdict", "Evidence"))
    widths = "".join(f'<col style="width:{w}%">' for w in (6, 25, 31, 11, 27))
    return (f'<table class="table azbook-audit" style="font-size:0.85em"><colgroup>{widths}</colgroup>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>')


def events_list_html(data: pd.DataFrame, *, folded: bool = True) -> str:
    """The timeline's events as an HTML list grouped by year: date, our description, partner and
    kind, status where not confirmed, the claims that cite it, and a link to the source.

    ``folded`` (the default) puts the list inside a ``<details>`` element whose summary names
    what it holds ("All 79 events, year by year, with their sources"), so the reader opens it
    with one click and the button says what it shows.
    """
    parts = []
    for year, group in data.groupby("year", sort=True):
        items = []
        for e in group.itertuples():
            status = "" if e.status == STATUS_CONFIRMED else f' <em class="azbook-status">({html.escape(e.status)})</em>'
            cited = f" Evidence for: {html.escape(e.cited_by)}." if e.cited_by else ""
            items.append(
                f'<li id="timeline-{html.escape(e.event_id)}"><strong>{pd.Timestamp(e.date):%-d %B %Y}</strong> '
                f"[{html.escape(e.partner)}, {html.escape(e.category)}]: {html.escape(e.description)}{status}{cited} "
                f'<a href="{html.escape(e.source_url)}">Source: {html.escape(e.source_title)}</a>'
                f"{_second_source(e)}{corrections.event_note(e.event_id)}</li>"
            )
        parts.append(f'<p class="azbook-year"><strong>{year}</strong></p><ul class="azbook-events">{"".join(items)}</ul>')
    listing = "".join(parts)
    if not folded:
        return listing
    summary = f"All {len(data)} events, year by year, with their sources"
    return f'<details class="azbook-events-all"><summary>{summary}</summary>{listing}</details>'
