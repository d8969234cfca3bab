"""``claims``: the claims and forecasts of Avdaliani (2022) with verdicts and the evidence behind them.

Two inputs are joined, and neither may drift from the other:

* the vetted research notes ``claims.md`` in the folder ``facts/`` beside the RAW folder
  (``RAW/../facts/claims.md``). From it the build takes only structure: each claim's number
  and section, its type, its verdict (facts and forecasts) and its evidence labels such as
  ``[2024-06-12 peacekeepers gone]``; the notes' forecast table is used as a cross-check;
* this project's own text, ``azbook/data/datasets/claims_text.csv``: the chapter, our one-sentence
  summary of the claim, an assessment for interpretations, a short verdict note, the
  evidence as ``event_id``\\ s of the ``events`` table, related book tables, and at most a
  short phrase quoted from the article.

Every evidence label of the notes must resolve to an event of ``events`` and be named in our
text (where several events share the label's date, our text says which one is meant); every
event our text names must be one the notes cite for that claim.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from azbook.data.datasets import events, events_extra
from azbook.data.rawfiles import read_csv, read_text
from azbook.data.schema import Dataset, DataError, Field, Source

CLAIMS_FILE = "claims.md"
RAW_LABEL = "../facts/claims.md"
TEXT_FILE = Path(__file__).with_name("claims_text.csv")
TEXT_REQUIRED = ["claim_id", "chapter", "claim", "assessment", "verdict_note", "evidence_events",
                 "evidence_datasets", "article_quote"]

CHAPTERS = ("russia", "turkey", "iran", "balance")
TYPES = ("fact", "interpretation", "forecast")
VERDICTS = ("supported", "partly", "not supported", "untested", "open")
#: A verdict whose bold words include this is classed 'untested' whatever it begins with: the notes
#: say the claim (or its main part) was never put to the test (claim 23: "not supported as framed,
#: and largely untested").
UNTESTED = re.compile(r"\buntested\b")
#: How an interpretation (which no data can settle) stands against later evidence; the book's reading.
ASSESSMENTS = ("consistent", "mixed", "little evidence", "weakened")
#: Book tables a claim may point to as further evidence (the migration tables are migrant_stocks
#: and remittances; there is no table called 'people').
TABLES = ("trade", "trade_official", "arms_transfers", "arms_register", "military_expenditure", "un_votes",
          "un_ideal_points", "gas_exports", "gas_flows_monthly", "migrant_stocks", "remittances", "conflict",
          "region_map")
MAX_QUOTE_WORDS = 8
MAX_CLAIM_CHARS = 200
CLAIM_ID = re.compile(r"^([A-Z])([1-9]\d*)$")

SECTION = re.compile(r"^## ([A-Z])\. \S")
HEADING = re.compile(r"^#{1,2} ")
CLAIM = re.compile(r"^\*\*(\d+)\. (.+)\*\*\s*$")
FIELD = re.compile(r"^- (Type|Test data|Verdict|Assessment|Evidence):\s*(.*)$")
LABEL = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\s+(.*))?$")
GLANCE = "## Forecast verdicts at a glance"


# --- claims.md ---------------------------------------------------------------------------------


def read_notes(raw: Path) -> tuple[dict[str, dict], list[dict]]:
    """The notes' claims by claim_id, and the rows of their forecast table (possibly none)."""
    path = events.facts_dir(raw) / CLAIMS_FILE
    lines = read_text(path).lstrip("\ufeff").splitlines()
    claims: dict[str, dict] = {}
    table: list[dict] = []
    section, current, in_table = None, None, False
    for n, line in enumerate(lines, start=1):
        if HEADING.match(line):
            _finish(path, current, claims)
            current, in_table = None, line.startswith(GLANCE)
            found = SECTION.match(line)
            section = found.group(1) if found else None
        elif found := CLAIM.match(line):
            _finish(path, current, claims)
            if section is None:
                raise DataError(path, f"claim {found.group(1)} stands outside a lettered section ('## A. ...')",
                                row=n, column="claim")
            current = {"claim_id": f"{section}{found.group(1)}", "number": int(found.group(1)), "section": section,
                       "row": n, "heading": found.group(2), "fields": {}, "rows": {}, "block": found.group(2)}
        elif current is not None:
            _add_line(path, current, n, line)
        elif in_table and line.startswith("|"):
            table.append({"row": n, "cells": [c.strip() for c in line.strip().strip("|").split("|")]})
    _finish(path, current, claims)
    if not claims:
        raise DataError(path, "no claims found (expected '## A. ...' sections with '**1. ...**' items)", row=1)
    return claims, table


def _add_line(path: Path, claim: dict, n: int, line: str) -> None:
    """File one line of a claim's block: a '- Field:' line or a continuation of the last field."""
    claim["block"] += "\n" + line
    found = FIELD.match(line)
    if found:
        name = found.group(1)
        if name in claim["fields"]:
            raise DataError(path, f"claim {claim['claim_id']} has a second '{name}:' line", row=n, column=name)
        claim["fields"][name], claim["rows"][name] = found.group(2).strip(), n
        claim["last"] = name
    elif line.strip() and "last" in claim and claim["last"] != "Evidence":
        claim["fields"][claim["last"]] += " " + line.strip()


def _finish(path: Path, claim: dict | None, claims: dict[str, dict]) -> None:
    """Parse a complete claim block: type, verdict, evidence labels; refuse gaps and duplicates."""
    if claim is None:
        return
    if claim["claim_id"] in claims or any(c["number"] == claim["number"] for c in claims.values()):
        raise DataError(path, f"claim number {claim['number']} appears twice", row=claim["row"], column="claim")
    fields, rows = claim["fields"], claim["rows"]
    for name in ("Type", "Evidence"):
        if name not in fields:
            raise DataError(path, f"claim {claim['claim_id']} has no '- {name}:' line", row=claim["row"], column=name)
    has_verdict = "Verdict" in fields
    if has_verdict == ("Assessment" in fields):
        raise DataError(path, f"claim {claim['claim_id']} needs exactly one of '- Verdict:' or '- Assessment:'",
                        row=claim["row"], column="Verdict")
    claim["type"] = _type(path, rows["Type"], fields["Type"], has_verdict)
    claim["verdict"] = verdict(path, rows["Verdict"], "Verdict", fields["Verdict"]) if has_verdict else None
    claim["labels"] = _labels(path, rows["Evidence"], fields["Evidence"])
    claims[claim["claim_id"]] = claim


def _type(path: Path, row: int, text: str, has_verdict: bool) -> str:
    """'fact', 'forecast' or 'interpretation' from e.g. 'fact (about spring 2022)' or 'fact/interpretation'.

    A combined type resolves by the line that follows: a Verdict makes it the fact or forecast
    part, an Assessment the interpretation part.
    """
    found = re.match(r"^([a-z]+(?:/[a-z]+)*)\s*(?:\(.*\))?$", text.strip().lower())
    parts = found.group(1).split("/") if found else []
    if not parts or any(p not in TYPES for p in parts):
        raise DataError(path, f"type {text!r} is not one of {list(TYPES)} (optionally '(qualifier)')",
                        row=row, column="Type")
    wanted = [p for p in parts if (p != "interpretation") == has_verdict]
    if not wanted:
        raise DataError(path, f"type {text!r} does not fit a " + ("Verdict" if has_verdict else "an Assessment"),
                        row=row, column="Type")
    return wanted[0]


def verdict(path: Path, row: int, column: str, text: str) -> str:
    """The verdict class of a notes' verdict such as '**supported, and overtaken by events**'."""
    found = re.match(r"^\*\*(.+?)\*\*", text) if column == "Verdict" else re.match(r"^(.+)$", text)
    words = found.group(1).strip().lower() if found else ""
    if UNTESTED.search(words):
        return "untested"
    for value in sorted(VERDICTS, key=len, reverse=True):
        if words == value or re.match(rf"^{value}\b", words):
            return value
    raise DataError(path, f"verdict {text[:60]!r} does not begin with one of {list(VERDICTS)}", row=row, column=column)


def _labels(path: Path, row: int, text: str) -> list[tuple[str, str]]:
    """The evidence labels '[YYYY-MM-DD words]' of an Evidence line, as (date, label)."""
    out = []
    for label in re.findall(r"\[([^\]]*)\]", text):
        found = LABEL.match(label.strip())
        if not found:
            raise DataError(path, f"evidence label [{label}] does not begin with a date YYYY-MM-DD", row=row,
                            column="Evidence")
        events.parse_day(path, row, "Evidence", found.group(1))
        out.append((found.group(1), label.strip()))
    return out


def check_table(path: Path, claims: dict[str, dict], table: list[dict]) -> None:
    """The notes' forecast table agrees with the items: same verdict, every forecast listed once.

    Rows numbered like '19 (follow-up)' are the notes' own follow-up questions, not claims of the
    article, and are skipped (the follow-up to claim 19 is mentioned in its verdict note).
    """
    if not table:
        return
    by_number = {c["number"]: c for c in claims.values()}
    listed: set[int] = set()
    for r in table:
        first, cells = r["cells"][0], r["cells"]
        if first in ("#", "") or set(first) <= set("-: ") or re.match(r"^\d+ \(follow-up\)$", first):
            continue
        if not first.isdigit() or int(first) not in by_number:
            raise DataError(path, f"forecast table row {first!r} names no claim of the notes", row=r["row"], column="#")
        claim = by_number[int(first)]
        if claim["type"] != "forecast":
            raise DataError(path, f"claim {claim['claim_id']} is a {claim['type']}, not a forecast", row=r["row"],
                            column="#")
        if verdict(path, r["row"], "Verdict (table)", cells[-1]) != claim["verdict"]:
            raise DataError(path, f"table verdict {cells[-1]!r} contradicts claim {claim['claim_id']}'s verdict "
                            f"{claim['verdict']!r} (line {claim['rows']['Verdict']})", row=r["row"], column="Verdict")
        listed.add(int(first))
    missing = [c for c in claims.values() if c["type"] == "forecast" and c["number"] not in listed]
    if missing:
        raise DataError(path, f"forecast {missing[0]['claim_id']} is missing from the forecast table",
                        row=missing[0]["row"], column="#")


# --- our text ----------------------------------------------------------------------------------


def read_own_text(path: Path = TEXT_FILE) -> dict[str, dict]:
    """Our own text for the claims by claim_id, each row checked."""
    df = read_csv(path, TEXT_REQUIRED)
    out: dict[str, dict] = {}
    for r in df.itertuples(index=False):
        row = _text_row(path, r)
        if row["claim_id"] in out:
            raise DataError(path, f"duplicate key {row['claim_id']!r} (also row {out[row['claim_id']]['source_row']})",
                            row=row["source_row"], column="claim_id")
        out[row["claim_id"]] = row
    return out


def _text_row(path: Path, r) -> dict:  # noqa: ANN001 (a namedtuple row)
    row = r.source_row
    claim_id = events.required(path, row, "claim_id", r.claim_id)
    if not CLAIM_ID.match(claim_id):
        raise DataError(path, f"{claim_id!r} is not a claim id like 'A1' (section letter, claim number)",
                        row=row, column="claim_id")
    claim = events.required(path, row, "claim", r.claim)
    if len(claim) > MAX_CLAIM_CHARS:
        raise DataError(path, f"claim has {len(claim)} characters; keep it to one sentence of at most "
                        f"{MAX_CLAIM_CHARS}", row=row, column="claim")
    quote = r.article_quote.strip()
    if len(quote.split()) > MAX_QUOTE_WORDS:
        raise DataError(path, f"article_quote has {len(quote.split())} words, at most {MAX_QUOTE_WORDS}",
                        row=row, column="article_quote")
    tables = events.split_list(r.evidence_datasets)
    for name in tables:
        events.one_of(path, row, "evidence_datasets", name, TABLES)
    assessment = r.assessment.strip()
    return {
        "source_row": row,
        "claim_id": claim_id,
        "chapter": events.one_of(path, row, "chapter", r.chapter.strip(), CHAPTERS),
        "claim": claim,
        "assessment": events.one_of(path, row, "assessment", assessment, ASSESSMENTS) if assessment else None,
        "verdict_note": events.required(path, row, "verdict_note", r.verdict_note),
        "evidence_events": events.split_list(r.evidence_events),
        "evidence_datasets": tables,
        "article_quote": quote or None,
    }


# --- the join ----------------------------------------------------------------------------------


def build(raw: Path, text: Path = TEXT_FILE, events_text: Path = events.TEXT_FILE) -> pd.DataFrame:
    """The tidy ``claims`` table from the notes beside ``raw``, our text, and the ``events`` table."""
    path = events.facts_dir(raw) / CLAIMS_FILE
    text = Path(text)
    notes, table = read_notes(raw)
    check_table(path, notes, table)
    ours = read_own_text(text)
    _pair(path, text, notes, ours)
    dates = events.build(raw, events_text).set_index("event_id")["date"]
    added = events_extra.added_for(raw, events_extra.beside(events_text)[0])
    records = [_record(path, text, notes[cid], ours[cid], dates, added.get(cid, set())) for cid in notes]
    return _typed(pd.DataFrame.from_records(records))


def _pair(path: Path, text: Path, notes: dict[str, dict], ours: dict[str, dict]) -> None:
    for cid, claim in notes.items():
        if cid not in ours:
            raise DataError(path, f"claim {cid} has no text of ours: add a row with claim_id {cid} to {text.name}",
                            row=claim["row"], column="claim")
    for cid, row in ours.items():
        if cid not in notes:
            raise DataError(text, f"names claim {cid}, which is not in {path.name}", row=row["source_row"],
                            column="claim_id")


def _record(path: Path, text: Path, note: dict, own: dict, dates: pd.Series, added: set[str] = frozenset()) -> dict:
    row = own["source_row"]
    if (own["assessment"] is None) != (note["type"] != "interpretation"):
        raise DataError(text, f"{note['claim_id']} is a {note['type']}: "
                        + ("give an assessment" if note["type"] == "interpretation" else "leave assessment empty"),
                        row=row, column="assessment")
    notes_words = f"claim {note['number']} of the notes"
    events.check_own_words(text, row, "claim", own["claim"], note["block"], notes_words)
    events.check_own_words(text, row, "verdict_note", own["verdict_note"], note["block"], notes_words)
    evidence = _evidence(path, text, note, own, dates, added)
    if not evidence and not own["evidence_datasets"]:
        raise DataError(text, f"{note['claim_id']} has no evidence: name its events (evidence_events) or the tables "
                        "that test it (evidence_datasets)", row=row, column="evidence_events")
    if note["verdict"] not in (None, "open") and any(dates[e] > pd.Timestamp(events.NOTES_END) for e in evidence):
        raise DataError(text, f"{note['claim_id']} rests on an event after the notes end ({events.NOTES_END}) "
                        "but its verdict is not 'open'", row=row, column="evidence_events")
    return {
        "claim_id": note["claim_id"],
        "section": note["section"],
        "chapter": own["chapter"],
        "type": note["type"],
        "claim": own["claim"],
        "verdict": note["verdict"],
        "assessment": own["assessment"],
        "verdict_note": own["verdict_note"],
        "evidence_events": ";".join(evidence) or None,
        "evidence_datasets": ";".join(own["evidence_datasets"]) or None,
        "article_quote": own["article_quote"],
    }


def _evidence(path: Path, text: Path, note: dict, own: dict, dates: pd.Series, added: set[str] = frozenset()) -> list[str]:
    """Our evidence event ids, checked against the notes' labels for the claim (sorted). Events
    added from the notes' sources (``events_added.csv``) count where they name this claim."""
    row, listed = own["source_row"], own["evidence_events"]
    for event_id in listed:
        if event_id not in dates.index:
            raise DataError(text, f"evidence event {event_id!r} is not in the events table", row=row,
                            column="evidence_events")
    by_date = dates.dt.strftime("%Y-%m-%d")
    cited = {day for day, _ in note["labels"]}
    for event_id in listed:
        if by_date[event_id] not in cited and event_id not in added:
            raise DataError(text, f"evidence event {event_id!r} is not cited for {note['claim_id']} in {path.name} "
                            f"(line {note['rows']['Evidence']})", row=row, column="evidence_events")
    for day, label in note["labels"]:
        candidates = sorted(by_date.index[by_date == day])
        if not candidates:
            raise DataError(path, f"evidence label [{label}] of {note['claim_id']} cannot be resolved: "
                            f"no event dated {day} in the events table", row=note["rows"]["Evidence"],
                            column="Evidence")
        if not set(candidates) & set(listed):
            which = candidates[0] if len(candidates) == 1 else f"one of {candidates}"
            raise DataError(text, f"{note['claim_id']}: the notes cite [{label}]; name {which} in evidence_events",
                            row=row, column="evidence_events")
    return sorted(set(listed))


def _typed(out: pd.DataFrame) -> pd.DataFrame:
    dtypes = {f.name: f.dtype for f in DATASET.fields}
    order = out.claim_id.str.extract(CLAIM_ID).assign(n=lambda d: d[1].astype(int))
    out = out.assign(_letter=order[0], _n=order["n"]).sort_values(["_letter", "_n"])
    return out.drop(columns=["_letter", "_n"]).astype(dtypes).reset_index(drop=True)[DATASET.columns]


# --- checks and coverage -------------------------------------------------------------------


def cross_checks(df: pd.DataFrame) -> None:
    """Verdicts only for facts and forecasts, assessments only for interpretations; ids and
    section agree; evidence ids look like event ids and tables are known ones."""
    file = f"data/{DATASET.name}.csv"
    interpretation = df.type == "interpretation"
    event_ok = df.evidence_events.fillna("").map(
        lambda s: all(events.EVENT_ID.match(e) for e in events.split_list(s)))
    table_ok = df.evidence_datasets.fillna("").map(lambda s: all(t in TABLES for t in events.split_list(s)))
    checks = [
        (interpretation != df.verdict.isna(), "verdict", "must be empty exactly for interpretations"),
        (interpretation != df.assessment.notna(), "assessment", "must be given exactly for interpretations"),
        (df.claim_id.str.slice(0, 1) != df.section, "section", "differs from the claim_id's letter"),
        (~event_ok, "evidence_events", "holds something that is not an event id"),
        (~table_ok, "evidence_datasets", f"names a table outside {list(TABLES)}"),
        (df.evidence_events.isna() & df.evidence_datasets.isna(), "evidence_events",
         "and evidence_datasets are both empty: every verdict needs evidence"),
    ]
    for bad, column, message in checks:
        if bad.any():
            i = int(bad.to_numpy().nonzero()[0][0])
            raise DataError(file, f"{df.claim_id[i]}: {column} {message}", row=i + 2, column=column)


def evidence_problems(df: pd.DataFrame, event_ids, tables) -> list[tuple[int, str, str]]:  # noqa: ANN001
    """Every way the claims' evidence fails to resolve, as (row in the CSV file, column, message):
    a claim with neither evidence events nor evidence tables, an event that is not in the events
    table, or a table that the book does not have. Empty when every verdict points at evidence."""
    event_ids, tables, out = set(event_ids), set(tables), []
    for i, c in enumerate(df.itertuples(index=False), start=2):
        listed = events.split_list(c.evidence_events if isinstance(c.evidence_events, str) else "")
        named = events.split_list(c.evidence_datasets if isinstance(c.evidence_datasets, str) else "")
        if not listed and not named:
            out.append((i, "evidence_events", f"{c.claim_id}: no evidence (neither events nor tables)"))
        out += [(i, "evidence_events", f"{c.claim_id}: event {e!r} is not in the events table")
                for e in listed if e not in event_ids]
        out += [(i, "evidence_datasets", f"{c.claim_id}: table {t!r} does not exist") for t in named if t not in tables]
    return out


def coverage(df: pd.DataFrame) -> dict:
    def counts(values: pd.Series) -> dict[str, int]:
        return {str(k): int(v) for k, v in values.value_counts(dropna=False).sort_index().items()}

    return {
        "rows": len(df),
        "claims_by_chapter": {ch: df.claim_id[df.chapter == ch].tolist() for ch in CHAPTERS},
        "by_type": counts(df.type),
        "by_verdict": counts(df.verdict.fillna("n/a (interpretation)")),
        "evidence_as_of": events.NOTES_END.isoformat(),
    }


DATASET = Dataset(
    name="claims",
    column_titles={  # each column as a reader would head it, with its unit
        'claim_id': 'Claim',
        'section': 'Section of the notes',
        'chapter': 'Relationship',
        'type': 'Kind of claim',
        'claim': "The article's claim",
        'verdict': 'Verdict',
        'assessment': 'Assessment',
        'verdict_note': 'Why',
        'evidence_events': 'Evidence: events',
        'evidence_datasets': 'Evidence: tables',
        'article_quote': 'Quoted from the article',
    },
    title="The article's claims and forecasts, checked against events to March 2026",
    description=(
        "One row per claim of E. Avdaliani, \"Back To Normalcy: Azerbaijan's Evolving Foreign Policy\" "
        "(Eurasia Review, spring 2022): whether it is a fact, an interpretation or a forecast, the "
        "relationship it concerns, a summary in this book's words, the verdict of the research notes "
        "(facts and forecasts) or the book's assessment (interpretations), the events that bear on it, "
        "and the book's tables that can test it further."
    ),
    fields=(
        Field("claim_id", "str", "Section letter and the notes' claim number (A1 … E25)", pattern=CLAIM_ID.pattern),
        Field("section", "str", "Section of the research notes: A Turkey and the alliance; B Russia, the "
              "peacekeepers; C Russia, the 2022 declaration and after; D Iran; E regional order and peace process",
              pattern=r"^[A-Z]$"),
        Field("chapter", "str", "The relationship the claim is about ('balance': several at once)", allowed=CHAPTERS),
        Field("type", "str", "fact (checkable when published), interpretation (a reading no data can settle) "
              "or forecast", allowed=TYPES),
        Field("claim", "str", "The article's claim, summarised in one sentence in this book's words"),
        Field("verdict", "str", "The research notes' verdict as of November 2026 (evidence to March 2026); "
              "empty for interpretations", allowed=VERDICTS, nullable=True),
        Field("assessment", "str", "For interpretations only: how the reading stands against later evidence "
              "(the book's judgement from the notes' assessment); empty otherwise", allowed=ASSESSMENTS,
              nullable=True),
        Field("verdict_note", "str", "Why, in a sentence or two of this book's words"),
        Field("evidence_events", "str", "Semicolon-separated event_id values of the events table that the notes "
              "cite for the claim", nullable=True),
        Field("evidence_datasets", "str", "Semicolon-separated names of book tables that can test the claim "
              "further; empty where none applies", nullable=True),
        Field("article_quote", "str", f"A short phrase (at most {MAX_QUOTE_WORDS} words) quoted exactly from the "
              "article; empty where none is quoted", nullable=True),
    ),
    key=("claim_id",),
    sources=(
        Source(
            publisher="Eurasia Review",
            dataset="E. Avdaliani, \"Back To Normalcy: Azerbaijan's Evolving Foreign Policy – Analysis\"",
            release="spring 2022 (written in the second half of March 2022 or a little later)",
            released="2022",
            url="https://www.eurasiareview.com/ (the article page's exact address is not recorded in the notes)",
            accessed="2026-11-28",
            licence="Copyright of the author and publisher; only short phrases are quoted, with attribution",
            attribution="Emil Avdaliani, Eurasia Review",
            citation="Avdaliani, E. (2022). Back To Normalcy: Azerbaijan's Evolving Foreign Policy – Analysis. "
                     "Eurasia Review.",
            raw_files=(),
        ),
        Source(
            publisher="Research notes compiled for this book (vetted)",
            dataset="The article's claims and forecasts with verdicts and evidence (facts/claims.md)",
            release="verdicts on evidence to 31 March 2026 (written November 2026); anything later is open",
            released="2026-11",
            url="n/a: unpublished research notes; evidence events carry their own sources (table events)",
            accessed="2026-11-28",
            licence="Research notes of the project",
            attribution="Book research notes",
            citation="Research notes for this book (2026). Claims and forecasts in Avdaliani (2022), with "
                     "verdicts and evidence.",
            raw_files=(RAW_LABEL,),
        ),
        Source(
            publisher="This book's authors",
            dataset="Claim summaries, assessments, verdict notes and evidence links written for the book "
                    "(azbook/data/datasets/claims_text.csv)",
            release="kept in the book's repository with the code",
            released="2026",
            url="azbook/data/datasets/claims_text.csv in this book's repository",
            accessed="2026-11-28",
            licence="CC BY 4.0, as the book's text",
            attribution="The book's authors",
            citation="The book's authors. Claim summaries and verdict notes written for this book "
                     "(azbook/data/datasets/claims_text.csv).",
            raw_files=(),
        ),
    ),
    processing=(
        "Read the research notes' claims.md from the folder facts/ beside the RAW folder (RAW/../facts/claims.md); "
        "took from each numbered claim only its section letter and number (claim_id, e.g. B4), its type, its "
        "verdict and its evidence labels.",
        "Type: a qualifier in brackets is dropped ('fact (about spring 2022)' -> fact); a combined type "
        "('fact/interpretation') takes the part that fits the claim's Verdict or Assessment line.",
        "Verdict: the bold verdict is reduced to its class by its first words (supported, partly, not supported, "
        "open), except that a verdict whose bold words say 'untested' is classed untested (claim E23: 'not "
        "supported as framed, and largely untested'); qualifiers such as 'for politics' or 'overtaken by events' "
        "are explained in verdict_note. "
        "Interpretations have no verdict (empty), and an assessment of the book's instead.",
        "Cross-checked the notes' forecast table against the items (same verdict; every forecast listed); the "
        "table's follow-up rows (e.g. '19 (follow-up)') are not claims of the article and were skipped.",
        "Joined each claim to the book's own text file azbook/data/datasets/claims_text.csv by claim_id; the build "
        "fails if either side has a claim the other lacks.",
        "Resolved every evidence label (its date) to events of the events table: where one event has that date "
        "it must be named; where several do, our text names the one(s) meant; every event we name must be cited "
        "by the notes for that claim, or an event added to the events table from the notes' sources.md for that "
        "claim (azbook/data/datasets/events_added.csv, e.g. the 2020 Lavrov press conference for C11). A claim with "
        "neither evidence events nor evidence tables stops the build.",
        "Summaries and notes are the book's own words: the build refuses text that repeats more than six "
        "consecutive words of the notes or a number the claim's notes do not contain. article_quote phrases were "
        "checked by hand against the article text (at most eight words each).",
        "Sorted by claim_id in the notes' order (A1, A2, … E25).",
    ),
    build=build,
    source_line="Source: Avdaliani (2022), Eurasia Review; book research notes (evidence to March 2026)",
    cross_checks=cross_checks,
    coverage=coverage,
    notes=(
        "Verdicts are as of November 2026 but rest on sources that stop in March 2026; anything later is 'open'. "
        "Claim D19's verdict concerns the agreement; whether the route through Iran actually opened is open.",
        "chapter and assessment are the book's judgement; verdicts are the research notes'.",
        "Some verdicts also rely on material that is not an event row (claim texts, trade figures quoted in the "
        "press, which the trade_official table holds); statements the notes cite only in claims.md with a source "
        "of their sources.md are events of their own (e.g. the 2020 Lavrov press conference, the Kremlin readout "
        "of 24 December 2025).",
        "Verdict 'untested' (E23): the notes judge the forecast not supported as framed and largely untested; "
        "it is counted apart from the forecasts that failed.",
    ),
)

DATASETS = (DATASET,)
