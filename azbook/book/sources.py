"""The "Sources" list that ends every chapter, generated from the tables' metadata."""

from __future__ import annotations

import re

import pandas as pd
from IPython.display import Markdown

from azbook.data.tables import metadata


_URL = re.compile(r"https?://[^\s<>()]+[^\s<>().,;]")


def dataset_citations(names: list[str]) -> list[str]:
    """One citation line per source of each named table (deduplicated, in order)."""
    lines: list[str] = []
    for name in names:
        for source in metadata(name)["sources"]:
            citation = _URL.sub(lambda m: f"<{m.group(0)}>", source["citation"])
            line = f"{citation} Accessed {source['accessed']}. Table `data/{name}.csv` ({{ref}}`details <{name}-data>`)."
            if line not in lines:
                lines.append(line)
    return lines


def event_citations(events: pd.DataFrame) -> list[str]:
    """One line per dated event: date, our label, and its source with a link."""
    return [
        f"{pd.Timestamp(e.date):%-d %B %Y}: {e.label}. Source: [{e.source_title}]({e.source_url})."
        for e in events.sort_values("date").itertuples()
    ]


def sources_markdown(names: list[str], events: pd.DataFrame | None = None) -> Markdown:
    """A chapter's data sources and the sources of the events it marks, as a Markdown list."""
    lines = dataset_citations(names) + (event_citations(events) if events is not None else [])
    return Markdown("\n".join(f"- {line}" for line in lines))
