"""A chapter's "Sources" list (azbook.book.sources), from the tables' metadata and the events."""

from __future__ import annotations

import pandas as pd

from azbook.book import sources


def test_dataset_citations_link_urls_and_point_at_the_appendix():
    lines = sources.dataset_citations(["trade", "trade"])
    assert len(lines) == 1, "a table named twice is cited once"
    assert "<https://" in lines[0] and "{ref}`details <trade-data>`" in lines[0]
    assert "Accessed " in lines[0]


def test_event_citations_are_dated_and_linked_in_date_order():
    events = pd.DataFrame({"date": pd.to_datetime(["2024-06-12", "2020-11-10"]), "label": ["Later", "Earlier"],
                           "source_title": ["B", "A"], "source_url": ["https://b.example/", "https://a.example/"]})
    assert sources.event_citations(events) == [
        "10 November 2020: Earlier. Source: [A](https://a.example/).",
        "12 June 2024: Later. Source: [B](https://b.example/).",
    ]


def test_sources_markdown_is_one_list():
    text = sources.sources_markdown(["conflict"]).data
    assert text.startswith("- ") and text.count("\n- ") == text.count("\n")
