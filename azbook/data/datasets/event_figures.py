"""``event_figures``: the figures an event's source states (troops deployed, people killed), as fields.

An event's description is prose for readers; a chapter that needs one of its figures for a
calculation or for its text reads it from this table, never out of the description. Each row is
one figure of one event in ``data/events.csv``: what is counted, the number, its unit, a
qualifier ("over") and the words the description uses for it (``as_written``).

Input: this project's own table ``azbook/data/datasets/event_figures_text.csv`` (the figures as the
research notes give them for the event), joined to the events table built from the notes. The build
refuses a figure whose event does not exist, whose ``as_written`` words are not in that event's
description (so prose and figure cannot drift apart), or whose ``value`` differs from those words.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from azbook.data.datasets import events
from azbook.data.rawfiles import read_csv
from azbook.data.schema import Dataset, DataError, Field

TEXT_FILE = Path(__file__).with_name("event_figures_text.csv")
REQUIRED = ["event_id", "figure", "what", "as_written", "value", "unit", "qualifier"]
UNITS = ("persons", "vehicles", "years")
QUALIFIERS = ("over",)
#: Numbers the descriptions write in words.
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def written_value(text: str) -> float | None:
    """The number ``as_written`` stands for ("1,960" -> 1960, "five" -> 5), or None if it is not one."""
    if text in WORDS:
        return float(WORDS[text])
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def build(raw: Path, text: Path = TEXT_FILE, events_text: Path = events.TEXT_FILE) -> pd.DataFrame:
    """The tidy ``event_figures`` table: our figures table, checked against the events built from the notes."""
    text = Path(text)
    by_id = events.build(raw, events_text).set_index("event_id")
    df = read_csv(text, REQUIRED)
    records = [_record(text, r, by_id) for r in df.itertuples(index=False)]
    out = pd.DataFrame.from_records(records)
    duplicated = out.duplicated(["event_id", "figure"], keep="first")
    if duplicated.any():
        i = int(duplicated.to_numpy().nonzero()[0][0])
        raise DataError(text, f"duplicate key ({out.event_id[i]!r}, {out.figure[i]!r})", row=i + 2, column="figure")
    return DATASET.typed(out)


def _record(path: Path, r, by_id: pd.DataFrame) -> dict:  # noqa: ANN001 (a namedtuple row)
    row = r.source_row
    event_id = events.required(path, row, "event_id", r.event_id)
    if event_id not in by_id.index:
        raise DataError(path, f"no event {event_id!r} in the events table", row=row, column="event_id")
    event = by_id.loc[event_id]
    as_written = events.required(path, row, "as_written", r.as_written)
    if as_written not in event.description:
        raise DataError(path, f"{as_written!r} does not appear in the description of {event_id}",
                        row=row, column="as_written")
    value = written_value(events.required(path, row, "value", r.value))
    if value is None or value != written_value(as_written) or not value.is_integer():
        raise DataError(path, f"value {r.value!r} is not the number {as_written!r} stands for", row=row, column="value")
    qualifier = r.qualifier.strip() or None
    if qualifier is not None:
        events.one_of(path, row, "qualifier", qualifier, QUALIFIERS)
    return {
        "event_id": event_id,
        "figure": events.required(path, row, "figure", r.figure),
        "what": events.required(path, row, "what", r.what),
        "value": int(value),
        "unit": events.one_of(path, row, "unit", r.unit.strip(), UNITS),
        "qualifier": qualifier,
        "as_written": as_written,
        "source_title": event.source_title,
        "source_url": event.source_url,
    }


def coverage(df: pd.DataFrame) -> dict:
    """Rows, the events, and their first and last dates (an event id begins with its date)."""
    days = sorted({e[:10] for e in df.event_id})
    return {"dates": [days[0], days[-1]], "rows": len(df), "events": sorted(df.event_id.unique())}


DATASET = Dataset(
    name="event_figures",
    column_titles={  # each column as a reader would head it, with its unit
        'event_id': 'Event',
        'figure': 'Figure',
        'what': 'What is counted',
        'value': 'Number',
        'unit': 'Unit',
        'qualifier': 'Qualifier',
        'as_written': 'As written',
        'source_title': 'Source',
        'source_url': 'Source address',
    },
    title="Figures stated for events: forces deployed, casualties, terms",
    description=(
        "One row per figure that the source of an event in the events table states and that a chapter uses: "
        "the size and term of the Russian peacekeeping force of November 2020, the two sides' own casualty "
        "figures for the fighting of September 2022, and the people on board and killed in the AZAL crash of "
        "December 2024. Each figure carries the event's source."
    ),
    fields=(
        Field("event_id", "str", "The event (data/events.csv) whose source states the figure",
              pattern=events.EVENT_ID.pattern),
        Field("figure", "str", "Short name of the figure within the event", pattern=r"^[a-z][a-z0-9_]*$"),
        Field("what", "str", "What is counted, in words"),
        Field("value", "int", "The number as stated (a lower bound where qualifier is 'over')", minimum=0),
        Field("unit", "str", "Unit of value", allowed=UNITS),
        Field("qualifier", "str", "'over' when the source gives a lower bound; empty for a plain figure",
              allowed=QUALIFIERS, nullable=True),
        Field("as_written", "str", "The words the event's description uses for the figure (e.g. '1,960', 'five')"),
        Field("source_title", "str", "Title and publisher of the event's source, as the notes cite it"),
        Field("source_url", "str", "Address of that source", pattern=r"^https://"),
    ),
    key=("event_id", "figure"),
    sources=events.DATASET.sources,
    processing=(
        "Read the book's own table azbook/data/datasets/event_figures_text.csv: one row per figure, with the "
        "event it belongs to, the figure as the research notes give it and the words our description uses.",
        "Built the events table from the research notes (see events) and refused a figure whose event is not "
        "in it, whose as_written words are not in the event's description, or whose value is not the number "
        "those words stand for; a duplicate (event_id, figure) is refused.",
        "Added the event's source title and URL to each figure; sorted by event_id and figure.",
    ),
    build=build,
    source_line="Source: book research notes (figures as the cited source of each event states them)",
    coverage=coverage,
    notes=(
        "Figures are as the cited source states them; a casualty count given by one side is that side's claim, "
        "named as such in what.",
    ),
)

DATASETS = (DATASET,)
