"""Every verdict points at evidence the book holds: events (with their sources) or tables.

Covers the claims' evidence lists in data/claims.csv, the events the book adds from the
notes' sources (azbook/data/datasets/events_added.csv), the second sources of the gravest events,
and the fifth verdict level, 'untested'.
"""

from __future__ import annotations

import pandas as pd
import pytest

from azbook.data import datasets
from azbook.data.datasets import claims, events, events_extra
from azbook.data.tables import load
from azbook.paths import DATA_DIR
from azbook.data.schema import DataError
from conftest import rewrite
from test_claims import build, facts_raw, notes, texts  # noqa: F401 (fixtures)

ADDED = """\
event_id,partner,category,precision,source_key,for_claims,kind,label,description,confidence
2020-08-26-lavrov-remark,Russia,diplomatic,day,mid_2020,E22,,Lavrov remark,Lavrov spoke of a strategic partner.,high
"""
SECOND = """\
event_id,second_source_title,second_source_url,confirms
2020-11-10-ceasefire-statement,Statement of the three leaders (fixture),https://example.org/statement,the statement
"""


def book_tables() -> set[str]:
    return set(datasets.REGISTRY)


# --- the book's own data -------------------------------------------------------------------


def test_every_verdict_in_the_book_has_evidence_that_exists():
    df, ev = load("claims"), load("events")
    assert claims.evidence_problems(df, ev.event_id, book_tables()) == []
    assert all((DATA_DIR / f"{t}.csv").exists() for t in book_tables())


def test_the_evidence_check_catches_empty_and_missing_evidence():
    df = load("claims").head(3).copy()
    ev = load("events")
    df.loc[0, ["evidence_events", "evidence_datasets"]] = pd.NA
    df.loc[1, "evidence_events"] = "2021-01-01-no-such-event"
    df.loc[2, "evidence_datasets"] = "no_such_table"
    problems = claims.evidence_problems(df, ev.event_id, book_tables())
    assert [(row, column) for row, column, _ in problems] == [
        (2, "evidence_events"), (3, "evidence_events"), (4, "evidence_datasets")]
    assert "no evidence" in problems[0][2] and "not in the events table" in problems[1][2]


def test_e23_is_untested_and_counted_apart():
    df = load("claims").set_index("claim_id")
    assert df.loc["E23", "verdict"] == "untested"
    assert "untested" in claims.VERDICTS
    assert (df.verdict == "untested").sum() >= 1


def test_the_gravest_event_of_2026_has_two_sources():
    ev = load("events").set_index("event_id")
    strike = ev.loc["2026-02-28-us-israeli-strikes-on-iran"]
    assert strike.second_source_url.startswith("https://") and strike.second_source_url != strike.source_url
    assert "Khamenei" in strike.description


def test_added_events_carry_the_notes_source():
    ev = load("events").set_index("event_id")
    call = ev.loc["2025-12-24-putin-aliyev-call-allied"]
    assert call.source_url.startswith("https://russia-islworld.ru/")
    assert "2025-12-24-putin-aliyev-call-allied" in load("claims").set_index("claim_id").loc["C15", "evidence_events"]


# --- the build refuses bad evidence ---------------------------------------------------------


def test_build_stops_on_a_claim_without_evidence(facts_raw, texts):  # noqa: F811
    rewrite(notes(facts_raw), lambda t: t.replace("- Evidence: [2020-11-10]\n", "- Evidence: none\n"))
    rewrite(texts / "claims_text.csv", lambda t: t.replace(",2020-11-10-ceasefire-statement,,", ",,,"))
    with pytest.raises(DataError, match=r"claims_text.csv, row 5, column 'evidence_events': E22 has no evidence"):
        build(facts_raw, texts)


def test_untested_in_the_notes_gives_the_fifth_level(facts_raw, texts):  # noqa: F811
    rewrite(notes(facts_raw), lambda t: t.replace("**not supported**. No troops",
                                                  "**not supported as framed, and largely untested**. No troops")
            .replace("after 2025 | not supported |", "after 2025 | not supported as framed / untested |"))
    df = build(facts_raw, texts).set_index("claim_id")
    assert df.loc["C12", "verdict"] == "untested"


def test_an_unknown_verdict_level_stops_the_build(facts_raw, texts):  # noqa: F811
    rewrite(notes(facts_raw), lambda t: t.replace("**not supported**", "**doubtful**"))
    with pytest.raises(DataError, match=r"claims.md, row 30, column 'Verdict'"):
        build(facts_raw, texts)


def test_added_event_is_evidence_only_for_its_claims(facts_raw, texts):  # noqa: F811
    (texts / "events_added.csv").write_text(ADDED, encoding="utf-8")
    rewrite(texts / "claims_text.csv", lambda t: t.replace(",2020-11-10-ceasefire-statement,",
                                                           ",2020-11-10-ceasefire-statement;2020-08-26-lavrov-remark,"))
    df = build(facts_raw, texts).set_index("claim_id")
    assert "2020-08-26-lavrov-remark" in df.loc["E22", "evidence_events"]
    ev = events.build(facts_raw, texts / "events_text.csv").set_index("event_id")
    assert ev.loc["2020-08-26-lavrov-remark", "source_url"].startswith("https://www.mid.ru/")
    # the same event named for a claim it is not listed for is refused
    rewrite(texts / "claims_text.csv", lambda t: t.replace("2024-06-12-peacekeepers-gone,,\n",
                                                           "2024-06-12-peacekeepers-gone;2020-08-26-lavrov-remark,,\n", 1))
    with pytest.raises(DataError, match=r"column 'evidence_events': evidence event '2020-08-26-lavrov-remark' is not cited"):
        build(facts_raw, texts)


def test_added_event_with_an_unknown_source_key_is_refused(facts_raw, texts):  # noqa: F811
    (texts / "events_added.csv").write_text(ADDED.replace("mid_2020", "no_such_key"), encoding="utf-8")
    with pytest.raises(DataError, match=r"events_added.csv, row 2, column 'source_key': source_key 'no_such_key'"):
        events.build(facts_raw, texts / "events_text.csv")


def test_second_sources_join_and_must_name_an_event(facts_raw, texts):  # noqa: F811
    (texts / "events_second_source.csv").write_text(SECOND, encoding="utf-8")
    ev = events.DATASET.validate(events.build(facts_raw, texts / "events_text.csv"), "data/events.csv")
    ev = ev.set_index("event_id")
    assert ev.loc["2020-11-10-ceasefire-statement", "second_source_url"] == "https://example.org/statement"
    assert pd.isna(ev.loc["2024-06-12-peacekeepers-gone", "second_source_url"])
    rewrite(texts / "events_second_source.csv", lambda t: t.replace("2020-11-10-ceasefire-statement", "2020-11-10-nothing"))
    with pytest.raises(DataError, match=r"events_second_source.csv, row 2, column 'event_id': names event '2020-11-10-nothing'"):
        events.build(facts_raw, texts / "events_text.csv")
    rewrite(texts / "events_second_source.csv", lambda t: t.replace("https://example.org/statement", "http://x.org/s"))
    with pytest.raises(DataError, match=r"row 2, column 'second_source_url'"):
        events.build(facts_raw, texts / "events_text.csv")


def test_sources_table_is_read_by_key(facts_raw):  # noqa: F811
    sources = events_extra.read_sources(facts_raw)
    assert sources["mid_2020"]["url"].startswith("https://www.mid.ru/") and sources["mid_2020"]["date"] == "2020-08-26"
