"""``events``: dated events in Azerbaijan's relations with Russia, Turkey, Iran and Armenia, Sept 2020 – mid 2026.

Two inputs are joined, and neither may drift from the other:

* the vetted research notes ``events.csv`` (date, precision, partner, category, the notes'
  own description, source title and URL, confidence). They live in the folder ``facts/``
  beside the RAW folder, i.e. ``RAW/../facts/events.csv`` (``/work/shared/facts`` when RAW is
  ``/work/shared/raw``). Nothing else outside RAW is read;
* this project's own text, ``azbook/data/datasets/events_text.csv``: one row per event with a
  stable ``event_id`` (``YYYY-MM-DD-slug``), a short chart label, our own one-to-two-sentence
  description and, for the Iran chapter, a ``kind``.

The notes' descriptions are never copied into the table (the book writes in its own words);
the build refuses text of ours that repeats a long run of the notes' wording or carries a
number that the notes do not have.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd

from azbook.data import countries
from azbook.data.datasets import events_extra
from azbook.data.rawfiles import read_csv
from azbook.data.schema import Dataset, DataError, Field, Source

FACTS_FILE = "events.csv"
#: The facts file as named in provenance: relative to RAW, it is the sibling folder's file.
RAW_LABEL = "../facts/events.csv"
TEXT_FILE = Path(__file__).with_name("events_text.csv")
REQUIRED = ["date", "precision", "partner", "category", "event", "source_title", "source_url", "confidence"]
TEXT_REQUIRED = ["event_id", "partner", "category", "source_url", "kind", "label", "description"]

FIRST_DAY, LAST_DAY = date(2020, 8, 1), date(2026, 12, 31)
#: The sources searched for the notes stop here; anything later is unverified ("open").
NOTES_END = date(2026, 3, 31)
PRECISIONS = ("day", "month", "year")
CATEGORIES = ("agreement", "conflict", "diplomatic", "energy", "incident", "military", "transport")
CONFIDENCE = ("high", "medium", "low")
KINDS = ("pressure", "incident", "agreement", "thaw", "other")
MULTIPLE = "multiple"
#: Partner names as the notes write them -> ISO3 (None for events with several partners).
PARTNERS: dict[str, str | None] = {
    **{name: code for code, name in countries.NAMES.items() if code not in ("AZE", "WLD")},
    MULTIPLE: None,
}
MAX_LABEL = 40
#: Our text may share at most this many consecutive words (numbers not counted) with the notes.
MAX_SHARED_WORDS = 6
EVENT_ID = re.compile(r"^(\d{4}-\d{2}-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# --- helpers shared with the claims module -------------------------------------------------


def facts_dir(raw: Path) -> Path:
    """The research notes' folder: ``facts/`` beside the RAW folder."""
    return Path(raw).resolve().parent / "facts"


def parse_day(path: Path, row: int, column: str, text: str) -> date:
    """A ``YYYY-MM-DD`` date inside the book's window, or a located :class:`DataError`."""
    try:
        if not ISO_DATE.match(text):
            raise ValueError
        day = date.fromisoformat(text)
    except ValueError:
        raise DataError(path, f"{text!r} is not a date written YYYY-MM-DD", row=row, column=column) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise DataError(path, f"date {text} is outside {FIRST_DAY}..{LAST_DAY}", row=row, column=column)
    return day


def one_of(path: Path, row: int, column: str, text: str, allowed) -> str:  # noqa: ANN001
    """``text`` if it is one of ``allowed``, else a located :class:`DataError`."""
    if text not in allowed:
        raise DataError(path, f"{text!r} is not one of {list(allowed)}", row=row, column=column)
    return text


def required(path: Path, row: int, column: str, text: str) -> str:
    """``text`` stripped, or a located :class:`DataError` when it is empty."""
    text = text.strip()
    if not text:
        raise DataError(path, "empty value where one is required", row=row, column=column)
    return text


def split_list(text: str) -> list[str]:
    """A semicolon-separated cell as a list of stripped, non-empty items."""
    return [item.strip() for item in text.split(";") if item.strip()]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))


def shared_run(ours: str, theirs: str) -> list[str]:
    """The longest run of consecutive words that ``ours`` shares with ``theirs`` (numbers,
    which must match anyway, do not count towards its length)."""
    a, b = _words(ours), _words(theirs)
    best = (0, 0, 0)  # (words that are not numbers, run length, end in ``a``)
    previous = [(0, 0)] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        current = [(0, 0)] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                words, length = previous[j - 1]
                current[j] = (words + (not a[i - 1].isdigit()), length + 1)
                best = max(best, (*current[j], i))
        previous = current
    return a[best[2] - best[1] : best[2]]


def numbers(text: str) -> set[str]:
    """The numbers written in ``text`` (digits with inner commas, points or colons)."""
    return set(re.findall(r"\d(?:[\d,.:]*\d)?", text))


def check_own_words(path: Path, row: int, column: str, ours: str, theirs: str, what: str) -> None:
    """Refuse our text if it copies a long run of the notes' words or has a number they lack."""
    run = shared_run(ours, theirs)
    count = sum(not w.isdigit() for w in run)
    if count > MAX_SHARED_WORDS:
        raise DataError(path, f"repeats {count} consecutive words of {what} ({' '.join(run)!r}); "
                        "write it in our own words", row=row, column=column)
    extra = sorted(numbers(ours) - numbers(theirs))
    if extra:
        raise DataError(path, f"has number(s) {extra} that {what} does not contain; "
                        "check every number and date against the notes", row=row, column=column)


# --- reading the two inputs ----------------------------------------------------------------


def https(path: Path, row: int, url: str) -> str:
    """The source URL, upgraded from ``http://`` to ``https://``; anything else is refused."""
    url = required(path, row, "source_url", url)
    if url.startswith("http://"):
        url = "https://" + url[len("http://") :]
    if not url.startswith("https://") or " " in url:
        raise DataError(path, f"{url!r} is not an https:// URL", row=row, column="source_url")
    return url


def read_facts(raw: Path) -> list[dict]:
    """The notes' events, one checked dict per row (with ``source_row``)."""
    path = facts_dir(raw) / FACTS_FILE
    df = read_csv(path, REQUIRED)
    rows = [_fact(path, r) for r in df.itertuples(index=False)]
    seen: dict[tuple, int] = {}
    for r in rows:
        key = (r["date"], r["partner"], r["category"], r["source_url_notes"])
        if key in seen:
            raise DataError(path, f"duplicate event {key[:3]} with the same source (also row {seen[key]})",
                            row=r["source_row"], column="date")
        seen[key] = r["source_row"]
    return rows


def _fact(path: Path, r) -> dict:  # noqa: ANN001 (a namedtuple row)
    row = r.source_row
    return {
        "source_row": row,
        "date": parse_day(path, row, "date", r.date.strip()),
        "precision": one_of(path, row, "precision", r.precision.strip(), PRECISIONS),
        "partner": one_of(path, row, "partner", r.partner.strip(), PARTNERS),
        "category": one_of(path, row, "category", r.category.strip(), CATEGORIES),
        "event": required(path, row, "event", r.event),
        "source_title": required(path, row, "source_title", r.source_title),
        "source_url_notes": r.source_url.strip(),
        "source_url": https(path, row, r.source_url),
        "confidence": one_of(path, row, "confidence", r.confidence.strip(), CONFIDENCE),
    }


def read_own_text(path: Path = TEXT_FILE) -> list[dict]:
    """Our own text for the events, one checked dict per row (with ``source_row``)."""
    df = read_csv(path, TEXT_REQUIRED)
    rows = [_text(path, r) for r in df.itertuples(index=False)]
    first: dict[str, int] = {}
    for r in rows:
        if r["event_id"] in first:
            raise DataError(path, f"duplicate key {r['event_id']!r} (also row {first[r['event_id']]})",
                            row=r["source_row"], column="event_id")
        first[r["event_id"]] = r["source_row"]
    return rows


def _text(path: Path, r) -> dict:  # noqa: ANN001 (a namedtuple row)
    row = r.source_row
    event_id = required(path, row, "event_id", r.event_id)
    match = EVENT_ID.match(event_id)
    if not match:
        raise DataError(path, f"{event_id!r} is not an event id 'YYYY-MM-DD-words-in-lower-case'",
                        row=row, column="event_id")
    label = required(path, row, "label", r.label)
    if len(label) > MAX_LABEL:
        raise DataError(path, f"label has {len(label)} characters, at most {MAX_LABEL}", row=row, column="label")
    kind = r.kind.strip()
    return {
        "source_row": row,
        "event_id": event_id,
        "date": parse_day(path, row, "event_id", match.group(1)),
        "partner": one_of(path, row, "partner", r.partner.strip(), PARTNERS),
        "category": one_of(path, row, "category", r.category.strip(), CATEGORIES),
        "source_url": required(path, row, "source_url", r.source_url),
        "kind": one_of(path, row, "kind", kind, KINDS) if kind else None,
        "label": label,
        "description": required(path, row, "description", r.description),
    }


# --- the join --------------------------------------------------------------------------------


def match(facts: list[dict], text: list[dict], facts_path: Path, text_path: Path) -> list[tuple[dict, dict]]:
    """Pair every notes row with exactly one row of our text (date + partner + category + URL)."""
    by_key: dict[tuple, list[dict]] = {}
    for f in facts:
        by_key.setdefault((f["date"], f["partner"], f["category"]), []).append(f)
    taken: dict[int, dict] = {}
    pairs = []
    for t in text:
        f = _counterpart(t, by_key.get((t["date"], t["partner"], t["category"]), []), facts_path, text_path)
        if f["source_row"] in taken:
            raise DataError(text_path, f"names the same event of {facts_path.name} (row {f['source_row']}) as "
                            f"{taken[f['source_row']]['event_id']!r}", row=t["source_row"], column="event_id")
        taken[f["source_row"]] = t
        pairs.append((f, t))
    for f in facts:
        if f["source_row"] not in taken:
            raise DataError(facts_path, f"event of {f['date']} ({f['partner']}, {f['category']}) has no text of ours: "
                            f"add a row to {text_path.name} whose event_id starts with {f['date']}-",
                            row=f["source_row"], column="event")
    return pairs


def _counterpart(t: dict, candidates: list[dict], facts_path: Path, text_path: Path) -> dict:
    where = f"{t['date']}, partner {t['partner']!r}, category {t['category']!r}"
    if not candidates:
        raise DataError(text_path, f"names an event that is not in {facts_path.name} (no row dated {where})",
                        row=t["source_row"], column="event_id")
    same_url = [f for f in candidates if f["source_url_notes"] == t["source_url"]]
    if len(same_url) == 1:
        return same_url[0]
    rows = [f["source_row"] for f in candidates]
    raise DataError(text_path, f"source_url matches {len(same_url)} of the {facts_path.name} rows {rows} "
                    f"dated {where}; it must equal exactly one", row=t["source_row"], column="source_url")


def build(raw: Path, text: Path = TEXT_FILE) -> pd.DataFrame:
    """The tidy ``events`` table from the notes beside ``raw`` and our own text file ``text``, with
    the events the notes cite only in their claims and the second sources, from the files
    ``events_added.csv`` and ``events_second_source.csv`` beside ``text`` (none where absent)."""
    facts_path = facts_dir(raw) / FACTS_FILE
    text = Path(text)
    pairs = match(read_facts(raw), read_own_text(text), facts_path, text)
    records = [_record(f, t, text) for f, t in pairs]
    added, second = events_extra.beside(text)
    records += [_added_record(a, {r["event_id"] for r in records}, added) for a in events_extra.read_added(raw, added)]
    seconds = events_extra.read_second_sources(second)
    ids = {r["event_id"] for r in records}
    for event_id, s in seconds.items():
        if event_id not in ids:
            raise DataError(second, f"names event {event_id!r}, which is not in the events table", row=s["source_row"],
                            column="event_id")
    for r in records:
        s = seconds.get(r["event_id"], {})
        r["second_source_title"], r["second_source_url"] = s.get("second_source_title"), s.get("second_source_url")
    return _typed(pd.DataFrame.from_records(records))


def _added_record(a: dict, taken: set[str], path: Path) -> dict:
    if a["event_id"] in taken:
        raise DataError(path, f"event {a['event_id']!r} is already a row of the notes' events", row=a["source_row"],
                        column="event_id")
    return {
        "event_id": a["event_id"], "date": pd.Timestamp(a["date"]), "precision": a["precision"],
        "partner": a["partner"], "partner_iso3": PARTNERS[a["partner"]], "category": a["category"], "kind": a["kind"],
        "label": a["label"], "description": a["description"], "source_title": a["source_title"],
        "source_url": a["source_url"], "confidence": a["confidence"],
    }


def _record(f: dict, t: dict, text_path: Path) -> dict:
    row, notes = t["source_row"], f"the notes' description (row {f['source_row']})"
    check_own_words(text_path, row, "description", t["description"], f["event"] + " " + str(f["date"]), notes)
    check_own_words(text_path, row, "label", t["label"], f["event"] + " " + str(f["date"]), notes)
    return {
        "event_id": t["event_id"],
        "date": pd.Timestamp(f["date"]),
        "precision": f["precision"],
        "partner": f["partner"],
        "partner_iso3": PARTNERS[f["partner"]],
        "category": f["category"],
        "kind": t["kind"],
        "label": t["label"],
        "description": t["description"],
        "source_title": f["source_title"],
        "source_url": f["source_url"],
        "confidence": f["confidence"],
    }


def _typed(out: pd.DataFrame) -> pd.DataFrame:
    return DATASET.typed(out.sort_values("event_id").reset_index(drop=True))


# --- checks and coverage -------------------------------------------------------------------


def cross_checks(df: pd.DataFrame) -> None:
    """Ids carry their date; dates in the window; https sources; Iran events have a kind;
    nothing after the notes' end is marked high confidence."""
    file = f"data/{DATASET.name}.csv"
    checks = [
        (df.event_id.str.slice(0, 10) != df.date.dt.strftime("%Y-%m-%d"), "event_id", "does not start with its date"),
        ((df.date < pd.Timestamp(FIRST_DAY)) | (df.date > pd.Timestamp(LAST_DAY)), "date",
         f"is outside {FIRST_DAY}..{LAST_DAY}"),
        (~df.source_url.str.startswith("https://"), "source_url", "is not an https:// URL"),
        ((df.partner == "Iran") & df.kind.isna(), "kind", "is empty for an Iran event"),
        ((df.date > pd.Timestamp(NOTES_END)) & (df.confidence == "high"), "confidence",
         f"is 'high' for an event after the notes end ({NOTES_END}); such events stay open"),
    ]
    for bad, column, message in checks:
        if bad.any():
            i = int(bad.to_numpy().nonzero()[0][0])
            raise DataError(file, f"{df.event_id[i]}: {column} {message}", row=i + 2, column=column)


def coverage(df: pd.DataFrame) -> dict:
    def counts(column: str) -> dict[str, int]:
        return {str(k): int(v) for k, v in df[column].value_counts(dropna=False).sort_index().items()}

    return {
        "dates": [df.date.min().strftime("%Y-%m-%d"), df.date.max().strftime("%Y-%m-%d")],
        "rows": len(df),
        "notes_end": NOTES_END.isoformat(),
        "by_partner": counts("partner"),
        "by_category": counts("category"),
        "by_confidence": counts("confidence"),
        "after_notes_end": int((df.date > pd.Timestamp(NOTES_END)).sum()),
    }


PARTNER_CODES = tuple(code for code in PARTNERS.values() if code)
DATASET = Dataset(
    name="events",
    column_titles={  # each column as a reader would head it, with its unit
        'event_id': 'Event ID',
        'date': 'Date',
        'precision': 'Date known to',
        'partner': 'Partner',
        'partner_iso3': 'Partner, ISO3 code',
        'category': 'Kind',
        'kind': 'Kind (Iran chapter)',
        'label': 'Event',
        'description': 'What happened',
        'source_title': 'Source',
        'source_url': 'Source address',
        'confidence': 'Confidence',
        'second_source_title': 'Second source',
        'second_source_url': 'Second source address',
    },
    title="Dated events in Azerbaijan's relations with Russia, Turkey, Iran and Armenia, August 2020 – mid 2026",
    description=(
        "One row per dated event from the end of the 2020 Karabakh war to the spring of 2026 (and one statement "
        "of August 2020 that a verdict rests on): agreements, "
        "military moves, incidents, diplomatic steps and energy or transport milestones, each with the "
        "partner concerned, a short label for chart annotations, a one-to-two-sentence description written "
        "for this book, the source it rests on (for the gravest events, a second source too) and the research "
        "notes' confidence in it."
    ),
    fields=(
        Field("event_id", "str", "Stable, readable id: the date and a few words (YYYY-MM-DD-words)",
              pattern=EVENT_ID.pattern),
        Field("date", "date", "Date of the event as the notes give it (for events spanning days usually the "
              "first; the description gives the span)"),
        Field("precision", "str", "How exactly the date is known", allowed=PRECISIONS),
        Field("partner", "str", "The relationship concerned ('multiple' for events with several parties)",
              allowed=tuple(PARTNERS)),
        Field("partner_iso3", "str", "ISO3 code of the partner; empty for 'multiple'", allowed=PARTNER_CODES,
              nullable=True),
        Field("category", "str", "Kind of event as the research notes classify it", allowed=CATEGORIES),
        Field("kind", "str", "For the Iran chapter: pressure, incident, agreement, thaw or other; set for every "
              "Iran event and for multi-party events in which Iran takes part, empty otherwise",
              allowed=KINDS, nullable=True),
        Field("label", "str", f"Short label for chart annotations (at most {MAX_LABEL} characters), our wording"),
        Field("description", "str", "One or two sentences written for this book (not the notes' wording)"),
        Field("source_title", "str", "Title and publisher of the source the event rests on, as the notes cite it"),
        Field("source_url", "str", "Address of that source", pattern=r"^https://"),
        Field("confidence", "str", "The research notes' confidence in the event", allowed=CONFIDENCE),
        Field("second_source_title", "str", "For the gravest events (deaths of leaders, wars and strikes, treaties): "
              "title and publisher of a second, independent source the book's authors read; empty otherwise",
              nullable=True),
        Field("second_source_url", "str", "Address of that second source", pattern=r"^https://", nullable=True),
    ),
    key=("event_id",),
    sources=(
        Source(
            publisher="Research notes compiled for this book (vetted; one cited source per event)",
            dataset="Dated events, November 2020 – mid 2026, sources searched to March 2026 (facts/events.csv)",
            release="notes as of March 2026: the sources searched stop there; one later row is flagged low confidence",
            released="2026-03",
            url="n/a: unpublished research notes; each event row carries its own source_url",
            accessed="2026-11-28",
            licence="Research notes of the project; each cited source keeps its publisher's terms",
            attribution="Book research notes; sources as cited per event",
            citation="Research notes for this book (2026). Dated events in Azerbaijan's foreign relations, "
                     "November 2020 – mid 2026 (sources searched to March 2026), with one cited source and a confidence level per event.",
            raw_files=(RAW_LABEL, events_extra.SOURCES_LABEL),
        ),
        Source(
            publisher="This book's authors",
            dataset="Event labels, descriptions and kinds written for the book (azbook/data/datasets/events_text.csv)",
            release="kept in the book's repository with the code",
            released="2026",
            url="azbook/data/datasets/events_text.csv in this book's repository",
            accessed="2026-11-28",
            licence="CC BY 4.0, as the book's text",
            attribution="The book's authors",
            citation="The book's authors. Event descriptions written for this book (azbook/data/datasets/events_text.csv).",
            raw_files=(),
        ),
    ),
    processing=(
        "Read the research notes' events.csv from the folder facts/ beside the RAW folder (RAW/../facts/events.csv); "
        "checked each row: date written YYYY-MM-DD inside 2020-08-01..2026-12-31, known precision, partner, "
        "category and confidence, a source title and URL.",
        "Upgraded a source URL written with http:// to https:// (one row in the notes: the Press TV page of "
        "15 July 2024); every other URL is kept exactly as the notes give it.",
        "Joined each notes row to exactly one row of the book's own text file azbook/data/datasets/events_text.csv by "
        "date (the event_id's first ten characters), partner and category, with the source URL as a check and to "
        "tell apart several events on one date; the build fails if a notes row has no text of ours or our text "
        "names an event that is not in the notes.",
        "Dropped the notes' own description; the description and label are the book's own words. The build "
        "refuses text of ours that repeats more than six consecutive words (numbers not counted) of the notes "
        "or contains a number the notes' row does not contain.",
        "Added partner_iso3 (empty for 'multiple') and kept date, precision, partner, category, source title, "
        "source URL and confidence as the notes give them; sorted by event_id (which begins with the date).",
        "Added the events that the notes' claims.md cites with a source of their sources.md but that are not rows "
        "of events.csv (listed in azbook/data/datasets/events_added.csv with the source's key and the claims they "
        "serve; title and URL come from sources.md, RAW/../facts/sources.md; confidence high as the notes' sources).",
        "Added a second, independent source (title and URL, azbook/data/datasets/events_second_source.csv) to the "
        "gravest events: deaths of leaders, wars and strikes, treaties; each was read by the book's authors.",
    ),
    build=build,
    source_line="Source: book research notes (events to March 2026; source cited per event)",
    cross_checks=cross_checks,
    coverage=coverage,
    notes=(
        "The notes' sources stop in March 2026: later rows (the Armenian election of 7 June 2026) are flagged "
        "low confidence and should be shown as unconfirmed.",
        "Each event cites one source (source_url); a few rows name two sources in source_title but give the URL "
        "of only one of them. The gravest events also carry a second, independent source (second_source_title, "
        "second_source_url).",
        "kind is this book's reading for the Iran chapter: pressure (exercises, threats, demands), incident "
        "(violence or a diplomatic rupture), agreement (a deal or a milestone of a joint project), thaw "
        "(visits, calls, reopenings, a joint drill), other (context, not a bilateral move).",
    ),
)

DATASETS = (DATASET,)
