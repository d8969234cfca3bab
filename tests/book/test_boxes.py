"""Claims boxes and event lists: verdicts, evidence links, sources."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from azbook.book import boxes
from azbook.charts import argument
from azbook.data.tables import load


@pytest.fixture(scope="module")
def tables():
    return load("claims"), load("events")


def test_claims_box_shows_verdict_and_links_evidence(tables):
    claims, events = tables
    html = boxes.claims_box(claims, events, ["B4"]).data
    claim = claims.set_index("claim_id").loc["B4"]
    assert 'id="claim-b4"' in html and claim.verdict in html
    for event_id in claim.evidence_events.split(";"):
        assert events.set_index("event_id").loc[event_id].source_url in html


def test_interpretations_show_our_reading_not_a_verdict(tables):
    claims, events = tables
    interp = claims.query("type == 'interpretation'").iloc[0]
    html = boxes.claims_box(claims, events, [interp.claim_id]).data
    assert "our reading: " + interp.assessment in html


def test_dataset_evidence_links_to_the_appendix(tables):
    claims, events = tables
    with_data = claims[claims.evidence_datasets.fillna("") != ""].iloc[0]
    name = with_data.evidence_datasets.split(";")[0]
    assert f'href="data.html#{name.replace("_", "-")}-data"' in boxes.claims_box(claims, events, [with_data.claim_id]).data


def test_unknown_claim_is_refused(tables):
    with pytest.raises(KeyError, match="no such claims"):
        boxes.claims_box(*tables, ["Z99"])


def test_events_list_links_every_source(tables):
    _, events = tables
    some = events.head(3)
    html = boxes.events_list(some).data
    assert all(url in html for url in some.source_url)


def test_table_formats_columns_and_shows_gaps_and_booleans_plainly():
    df = pd.DataFrame({"Year": [2020, 2021, 2022], "US$ million": [1234.5, float("nan"), 0.004],
                       "Estimate": [True, False, True], "Note": ["a < b", None, "c"]})
    html = boxes.table(df, {"US$ million": 2}).data
    cells = re.findall(r"<td>(.*?)</td>", html)
    assert cells == ["2020", "1,234.50", "yes", "a &lt; b", "2021", boxes.NO_VALUE, "", boxes.NO_VALUE,
                     "2022", "&lt;0.01", "yes", "c"]
    assert 'class="dataframe table azbook-table"' in html and "<th>US$ million</th>" in html
    assert ">0<" not in html  # no index column


def test_table_accepts_format_specs_and_functions_and_keeps_nowrap_columns_on_one_line():
    df = pd.DataFrame({"Period": ["21 Mar–22 Sep 2021"], "Share": [0.5], "Who": ["x"]})
    html = boxes.table(df, {"Share": ".0%", "Who": str.upper}, nowrap=["Period"]).data
    assert '<span style="white-space:nowrap">21 Mar–22 Sep 2021</span>' in html
    assert "<td>50%</td>" in html and "<td>X</td>" in html
    with pytest.raises(KeyError, match="no such columns"):
        boxes.table(df, nowrap=["Nope"])


def test_verdict_table_links_each_claim_to_its_box_and_section(tables):
    claims, _ = tables
    interp = claims.query("type == 'interpretation'").iloc[0].claim_id
    checked = claims.query("type != 'interpretation'").iloc[0]
    html = boxes.verdict_table(claims, {("sec-a", "Section A"): [checked.claim_id], ("sec-b", "Section B"): [interp]}).data
    rows = re.findall(r"<tr>(.*?)</tr>", html)[1:]  # after the header
    assert len(rows) == 2 and f'href="#claim-{checked.claim_id.lower()}"' in rows[0] and 'href="#sec-a"' in rows[0]
    assert f"<td>{checked.verdict}</td>" in rows[0]
    assert "our reading: " in rows[1] and 'href="#sec-b">Section B</a>' in rows[1]


def test_verdict_table_refuses_unknown_repeated_or_missing_chapter_claims(tables):
    claims, _ = tables
    with pytest.raises(KeyError, match="no such claims"):
        boxes.verdict_table(claims, {("s", "S"): ["Z99"]})
    with pytest.raises(ValueError, match="two sections"):
        boxes.verdict_table(claims, {("s", "S"): ["B4"], ("t", "T"): ["B4"]})
    ours = list(claims.query("chapter == 'iran'").claim_id)
    boxes.verdict_table(claims, {("s", "S"): ours}, chapter="iran")  # all shown: fine
    with pytest.raises(ValueError, match="not shown"):
        boxes.verdict_table(claims, {("s", "S"): ours[:-1]}, chapter="iran")


@pytest.fixture(scope="module")
def audit_tables():
    return {"claims": load("claims"), "events": load("events")}


def test_forecast_table_lists_every_forecast_with_verdict_and_linked_evidence(audit_tables):
    claims, events = audit_tables["claims"], audit_tables["events"]
    table = boxes.forecast_table(claims, events)
    forecasts = claims.query("type == 'forecast'")
    by_id = events.set_index("event_id")
    for c in forecasts.itertuples():
        assert f'id="forecast-{c.claim_id.lower()}"' in table
        for e in c.evidence_events.split(";"):
            assert by_id.loc[e, "source_url"] in table
    order = [table.index(f'id="forecast-{i.lower()}"') for i in
             forecasts.assign(o=forecasts.verdict.map(argument.VERDICTS.index)).sort_values(["o", "claim_id"]).claim_id]
    assert order == sorted(order)
    assert table.count("<tr id=") == len(forecasts)


def test_events_list_links_every_source_and_marks_open_events(audit_tables):
    data = argument.timeline_data(audit_tables["events"], audit_tables["claims"], "2026-03-31")
    listing = boxes.events_list_html(data)
    assert all(html.escape(url) in listing for url in data.source_url)
    assert listing.count("<li ") == len(data)
    assert argument.STATUS_OPEN in listing


def test_events_list_is_folded_under_a_summary_that_says_what_it_holds(audit_tables):
    data = argument.timeline_data(audit_tables["events"], audit_tables["claims"], "2026-03-31")
    listing = boxes.events_list_html(data)
    assert listing.startswith("<details") and listing.endswith("</details>")
    assert f"<summary>All {len(data)} events, year by year, with their sources</summary>" in listing
    flat = boxes.events_list_html(data, folded=False)
    assert "<details" not in flat and flat in listing
