"""Claims boxes and event lists: verdicts, evidence links, sources."""

from __future__ import annotations

import pytest

from azbook import boxes
from azbook.load import load


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
