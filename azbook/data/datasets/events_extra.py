"""What the ``events`` table takes from beyond the notes' ``events.csv``: added events and second sources.

Two text tables of this project, each checked row by row:

* ``events_added.csv``: dated statements a verdict rests on that the research notes cite in
  ``claims.md`` with a source from their ``sources.md`` but never made a row of ``events.csv``
  (for instance the Kremlin readout of the call of 24 December 2025). Each row names the
  source by its key in ``sources.md`` (``RAW/../facts/sources.md``); the build takes the
  source's title, publisher and URL from there, and the claims it may serve as evidence for
  are listed in ``for_claims``. The description is ours.
* ``events_second_source.csv``: a second, independent source (title and URL) for the gravest
  events: deaths of leaders, wars and strikes, treaties. Every row names the event and says
  what the second source confirms; only sources the book's authors read are listed.
"""

from __future__ import annotations

import re
from pathlib import Path

from azbook.data.rawfiles import read_csv, read_text
from azbook.data.schema import DataError

ADDED_FILE = Path(__file__).with_name("events_added.csv")
SECOND_FILE = Path(__file__).with_name("events_second_source.csv")
SOURCES_FILE = "sources.md"
SOURCES_LABEL = "../facts/sources.md"
ADDED_REQUIRED = ["event_id", "partner", "category", "precision", "source_key", "for_claims", "kind", "label",
                  "description", "confidence"]
SECOND_REQUIRED = ["event_id", "second_source_title", "second_source_url", "confirms"]
SOURCE_ROW = re.compile(r"^\|\s*([a-z0-9_]+)\s*\|(.*)\|\s*$")


def beside(text: Path) -> tuple[Path, Path]:
    """The added-events and second-source files that go with the events text file ``text``."""
    return Path(text).with_name(ADDED_FILE.name), Path(text).with_name(SECOND_FILE.name)


def read_sources(raw: Path) -> dict[str, dict]:
    """The notes' sources by key: title, publisher, date, url, note (and the line they are on)."""
    from azbook.data.datasets import events

    path = events.facts_dir(raw) / SOURCES_FILE
    out: dict[str, dict] = {}
    for n, line in enumerate(read_text(path).lstrip("\ufeff").splitlines(), start=1):
        found = SOURCE_ROW.match(line.strip())
        if not found or found.group(1) == "key":
            continue
        cells = [c.strip() for c in found.group(2).split("|")]
        if len(cells) < 4:
            raise DataError(path, f"source {found.group(1)!r} has {len(cells)} cells after its key; expected "
                            "title | publisher | date | URL | note", row=n, column="key")
        out[found.group(1)] = {"row": n, "title": cells[0], "publisher": cells[1], "date": cells[2],
                               "url": cells[3], "note": cells[4] if len(cells) > 4 else ""}
    if not out:
        raise DataError(path, "no sources found (expected a table '| key | title | publisher | date | URL | note |')",
                        row=1)
    return out


def read_added(raw: Path, path: Path = ADDED_FILE) -> list[dict]:
    """The added events, each checked and given its source from the notes' ``sources.md``."""
    from azbook.data.datasets import events

    if not Path(path).exists():
        return []
    sources = read_sources(raw)
    df = read_csv(path, ADDED_REQUIRED)
    rows, seen = [], {}
    for r in df.itertuples(index=False):
        row = r.source_row
        event_id = events.required(path, row, "event_id", r.event_id)
        match = events.EVENT_ID.match(event_id)
        if not match:
            raise DataError(path, f"{event_id!r} is not an event id 'YYYY-MM-DD-words-in-lower-case'", row=row,
                            column="event_id")
        if event_id in seen:
            raise DataError(path, f"duplicate key {event_id!r} (also row {seen[event_id]})", row=row, column="event_id")
        seen[event_id] = row
        key = events.required(path, row, "source_key", r.source_key)
        if key not in sources:
            raise DataError(path, f"source_key {key!r} is not a key of the notes' {SOURCES_FILE}", row=row,
                            column="source_key")
        source = sources[key]
        claims = events.split_list(r.for_claims)
        if not claims:
            raise DataError(path, "empty value where one is required: name the claim(s) this event is evidence for",
                            row=row, column="for_claims")
        label = events.required(path, row, "label", r.label)
        if len(label) > events.MAX_LABEL:
            raise DataError(path, f"label has {len(label)} characters, at most {events.MAX_LABEL}", row=row,
                            column="label")
        kind = r.kind.strip()
        rows.append({
            "source_row": row,
            "event_id": event_id,
            "date": events.parse_day(path, row, "event_id", match.group(1)),
            "precision": events.one_of(path, row, "precision", r.precision.strip(), events.PRECISIONS),
            "partner": events.one_of(path, row, "partner", r.partner.strip(), events.PARTNERS),
            "category": events.one_of(path, row, "category", r.category.strip(), events.CATEGORIES),
            "kind": events.one_of(path, row, "kind", kind, events.KINDS) if kind else None,
            "label": label,
            "description": events.required(path, row, "description", r.description),
            "confidence": events.one_of(path, row, "confidence", r.confidence.strip(), events.CONFIDENCE),
            "source_key": key,
            "source_title": f"{source['title']} ({source['publisher']})",
            "source_url": events.https(path, row, source["url"]),
            "for_claims": claims,
        })
    return rows


def read_second_sources(path: Path = SECOND_FILE) -> dict[str, dict]:
    """Second sources by event_id, each checked (title, an https URL, what it confirms)."""
    from azbook.data.datasets import events

    out: dict[str, dict] = {}
    if not Path(path).exists():
        return out
    df = read_csv(path, SECOND_REQUIRED)
    for r in df.itertuples(index=False):
        row = r.source_row
        event_id = events.required(path, row, "event_id", r.event_id)
        if event_id in out:
            raise DataError(path, f"duplicate key {event_id!r} (also row {out[event_id]['source_row']})", row=row,
                            column="event_id")
        url = events.required(path, row, "second_source_url", r.second_source_url)
        if not url.startswith("https://") or " " in url:
            raise DataError(path, f"{url!r} is not an https:// URL", row=row, column="second_source_url")
        out[event_id] = {
            "source_row": row,
            "second_source_title": events.required(path, row, "second_source_title", r.second_source_title),
            "second_source_url": url,
            "confirms": events.required(path, row, "confirms", r.confirms),
        }
    return out


def added_for(raw: Path, path: Path = ADDED_FILE) -> dict[str, set[str]]:
    """claim_id -> the added events that may serve as its evidence."""
    out: dict[str, set[str]] = {}
    for r in read_added(raw, path):
        for claim in r["for_claims"]:
            out.setdefault(claim, set()).add(r["event_id"])
    return out
