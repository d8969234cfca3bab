"""The claims table: the notes' claim structure joined to our own text and resolved to events."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from azbook.data.datasets import claims
from azbook.data.schema import DataError
from conftest import drop_column, rewrite
from test_events import EVENTS_TEXT

#: Our own text for the fixture's four claims (a small stand-in for azbook/data/datasets/claims_text.csv).
CLAIMS_TEXT = """\
claim_id,chapter,claim,assessment,verdict_note,evidence_events,evidence_datasets,article_quote
B4,russia,Russia's peacekeeping mandate runs out in 2025.,,"True of the text, but the troops had left by 12 June 2024.",2020-11-10-peacekeepers-deployed;2024-04-17-withdrawal-begins;2024-06-12-peacekeepers-gone,,when the peacekeeping mission’s first term ends
B5,russia,Azerbaijan expected Russia to try to remain.,weakened,What Baku expected did not happen.,2024-06-12-peacekeepers-gone,,
C12,russia,The declaration would help Russia keep troops in Karabakh.,,Nothing was left to keep.,2024-04-17-withdrawal-begins;2024-06-12-peacekeepers-gone,conflict,
E22,balance,Western states left the diplomacy to Moscow and Ankara.,,Right for the first two years only.,2020-11-10-ceasefire-statement,,
"""


@pytest.fixture
def facts_raw(raw):
    """RAW with the notes' folder beside it (RAW/../facts), as in shared/."""
    shutil.move(raw / "facts", raw.parent / "facts")
    return raw


@pytest.fixture
def texts(tmp_path):
    folder = tmp_path / "text"
    folder.mkdir()
    (folder / "claims_text.csv").write_text(CLAIMS_TEXT, encoding="utf-8")
    (folder / "events_text.csv").write_text(EVENTS_TEXT, encoding="utf-8")
    return folder


def notes(raw):
    return raw.parent / "facts" / claims.CLAIMS_FILE


def build(raw, texts):
    df = claims.build(raw, texts / "claims_text.csv", texts / "events_text.csv")
    return claims.DATASET.validate(df, "data/claims.csv")


def test_builds_tidy_table(facts_raw, texts):
    df = build(facts_raw, texts).set_index("claim_id")
    assert list(df.index) == ["B4", "B5", "C12", "E22"]
    assert df.loc["B4", "section"] == "B" and df.loc["B4", "chapter"] == "russia"
    assert list(df.type) == ["fact", "interpretation", "forecast", "fact"]  # 'fact/interpretation' + Verdict -> fact
    assert df.loc["B4", "verdict"] == "supported"  # 'supported, and overtaken by events'
    assert df.loc["C12", "verdict"] == "not supported"
    assert df.loc["E22", "verdict"] == "supported"
    assert pd.isna(df.loc["B5", "verdict"]) and df.loc["B5", "assessment"] == "weakened"
    assert df.loc["B4", "evidence_events"] == (
        "2020-11-10-peacekeepers-deployed;2024-04-17-withdrawal-begins;2024-06-12-peacekeepers-gone")
    # The bare label [2020-11-10] fits two events; our text says which one is meant.
    assert df.loc["E22", "evidence_events"] == "2020-11-10-ceasefire-statement"
    assert df.loc["C12", "evidence_datasets"] == "conflict" and pd.isna(df.loc["B4", "evidence_datasets"])
    assert df.loc["B4", "article_quote"] == "when the peacekeeping mission’s first term ends"
    assert pd.isna(df.loc["B5", "article_quote"])


def test_cross_checks_and_coverage(facts_raw, texts):
    df = build(facts_raw, texts)
    claims.cross_checks(df)
    cov = claims.coverage(df)
    assert cov["claims_by_chapter"] == {"russia": ["B4", "B5", "C12"], "turkey": [], "iran": [], "balance": ["E22"]}
    assert cov["by_verdict"] == {"n/a (interpretation)": 1, "not supported": 1, "supported": 2}


def test_natural_order_of_ids(facts_raw, texts):
    rewrite(notes(facts_raw), lambda t: t.replace("**12. Forecast", "**9. Forecast").replace("| 12 |", "| 9 |"))
    rewrite(texts / "claims_text.csv", lambda t: t.replace("\nC12,", "\nC9,"))
    rewrite(notes(facts_raw), lambda t: t.replace("**22. Outside", "**10. Outside").replace("## E. The", "## C. The"))
    rewrite(texts / "claims_text.csv", lambda t: t.replace("\nE22,", "\nC10,"))
    assert list(build(facts_raw, texts).claim_id) == ["B4", "B5", "C9", "C10"]


def test_claim_without_our_text(facts_raw, texts):
    rewrite(texts / "claims_text.csv", lambda t: "".join(l for l in t.splitlines(True) if not l.startswith("C12,")))
    with pytest.raises(DataError, match=r"claims.md, row 27, column 'claim': claim C12 has no text of ours"):
        build(facts_raw, texts)


def test_our_text_names_a_claim_not_in_the_notes(facts_raw, texts):
    rewrite(texts / "claims_text.csv", lambda t: t + "D17,iran,Iran held big drills.,,A note.,,,\n")
    with pytest.raises(DataError, match=r"claims_text.csv, row 6, column 'claim_id': names claim D17"):
        build(facts_raw, texts)


def test_evidence_label_that_cannot_be_resolved(facts_raw, texts):
    rewrite(notes(facts_raw), lambda t: t.replace("- Evidence: [2024-04-17], [2024-06-12]",
                                                  "- Evidence: [2024-04-18], [2024-06-12]"))
    rewrite(texts / "claims_text.csv", lambda t: t.replace(",2024-04-17-withdrawal-begins;2024-06-12-peacekeepers-gone,conflict",
                                                           ",2024-06-12-peacekeepers-gone,conflict"))
    with pytest.raises(DataError, match=r"claims.md, row 32, column 'Evidence': evidence label \[2024-04-18\] of C12 "
                       r"cannot be resolved"):
        build(facts_raw, texts)


def test_evidence_names_an_unknown_event(facts_raw, texts):
    rewrite(texts / "claims_text.csv", lambda t: t.replace("2024-06-12-peacekeepers-gone,,\n", "2024-06-12-peacekeepers-left,,\n"))
    with pytest.raises(DataError, match=r"claims_text.csv, row 3, column 'evidence_events': evidence event "
                       r"'2024-06-12-peacekeepers-left' is not in the events table"):
        build(facts_raw, texts)


def test_evidence_names_an_event_the_notes_do_not_cite(facts_raw, texts):
    rewrite(texts / "claims_text.csv", lambda t: t.replace("2024-06-12-peacekeepers-gone,,\n",
                                                           "2024-06-12-peacekeepers-gone;2021-06-15-shusha-declaration,,\n"))
    with pytest.raises(DataError, match=r"row 3, column 'evidence_events': evidence event '2021-06-15-shusha-declaration' "
                       r"is not cited for B5"):
        build(facts_raw, texts)


def test_cited_event_missing_from_our_evidence(facts_raw, texts):
    rewrite(texts / "claims_text.csv", lambda t: t.replace("2020-11-10-peacekeepers-deployed;", ""))
    with pytest.raises(DataError, match=r"row 2, column 'evidence_events': B4: the notes cite \[2020-11-10 contingent "
                       r"deployed\]; name one of"):
        build(facts_raw, texts)


def test_verdict_outside_the_allowed_set(facts_raw, texts):
    rewrite(notes(facts_raw), lambda t: t.replace("**not supported**", "**unlikely**"))
    with pytest.raises(DataError, match=r"claims.md, row 30, column 'Verdict': verdict '\*\*unlikely\*\*"):
        build(facts_raw, texts)


def test_forecast_table_must_agree(facts_raw, texts):
    rewrite(notes(facts_raw), lambda t: t.replace("after 2025 | not supported |", "after 2025 | partly |"))
    with pytest.raises(DataError, match=r"row 48, column 'Verdict': table verdict 'partly' contradicts claim C12"):
        build(facts_raw, texts)


def test_forecast_missing_from_table(facts_raw, texts):
    rewrite(notes(facts_raw), lambda t: t.replace("| 12 | Declaration prepares a presence after 2025 | not supported |\n", ""))
    with pytest.raises(DataError, match=r"row 27, column '#': forecast C12 is missing from the forecast table"):
        build(facts_raw, texts)


def test_unknown_type(facts_raw, texts):
    rewrite(notes(facts_raw), lambda t: t.replace("- Type: forecast", "- Type: prediction"))
    with pytest.raises(DataError, match=r"row 28, column 'Type': type 'prediction' is not one of"):
        build(facts_raw, texts)


def test_missing_type_line(facts_raw, texts):
    rewrite(notes(facts_raw), lambda t: t.replace("- Type: interpretation\n", ""))
    with pytest.raises(DataError, match=r"row 19, column 'Type': claim B5 has no '- Type:' line"):
        build(facts_raw, texts)


def test_claim_outside_a_section(facts_raw, texts):
    rewrite(notes(facts_raw), lambda t: t.replace("## B. Russia: the peacekeepers", "## Russia: the peacekeepers"))
    with pytest.raises(DataError, match=r"row 13, column 'claim': claim 4 stands outside a lettered section"):
        build(facts_raw, texts)


def test_interpretation_needs_an_assessment(facts_raw, texts):
    rewrite(texts / "claims_text.csv", lambda t: t.replace(",weakened,", ",,"))
    with pytest.raises(DataError, match=r"row 3, column 'assessment': B5 is a interpretation: give an assessment"):
        build(facts_raw, texts)


def test_unknown_chapter(facts_raw, texts):
    rewrite(texts / "claims_text.csv", lambda t: t.replace("E22,balance,", "E22,west,"))
    with pytest.raises(DataError, match=r"row 5, column 'chapter': 'west' is not one of"):
        build(facts_raw, texts)


def test_unknown_evidence_table(facts_raw, texts):
    rewrite(texts / "claims_text.csv", lambda t: t.replace(",conflict,", ",conflicts,"))
    with pytest.raises(DataError, match=r"row 4, column 'evidence_datasets': 'conflicts' is not one of"):
        build(facts_raw, texts)


def test_quote_too_long(facts_raw, texts):
    rewrite(texts / "claims_text.csv", lambda t: t.replace(",when the peacekeeping", ",beyond 2025 when the peacekeeping"))
    with pytest.raises(DataError, match=r"row 2, column 'article_quote': article_quote has 9 words"):
        build(facts_raw, texts)


def test_verdict_must_be_open_after_the_notes_end(facts_raw, texts):
    facts = facts_raw.parent / "facts" / "events.csv"
    rewrite(facts, lambda t: t + "2026-06-07,day,Armenia,diplomatic,Fixture note: an election was due.,"
            "Election date set (29ru.net),https://29ru.net/various/405078832,low\n")
    rewrite(texts / "events_text.csv", lambda t: t + "2026-06-07-election,Armenia,diplomatic,"
            "https://29ru.net/various/405078832,,Election due,Armenians were to vote.\n")
    rewrite(notes(facts_raw), lambda t: t.replace("- Evidence: [2020-11-10]\n", "- Evidence: [2020-11-10], [2026-06-07]\n"))
    rewrite(texts / "claims_text.csv", lambda t: t.replace(",2020-11-10-ceasefire-statement,",
                                                           ",2020-11-10-ceasefire-statement;2026-06-07-election,"))
    with pytest.raises(DataError, match=r"row 5, column 'evidence_events': E22 rests on an event after the notes end"):
        build(facts_raw, texts)


def test_missing_column(facts_raw, texts):
    rewrite(texts / "claims_text.csv", lambda t: drop_column(t, "chapter"))
    with pytest.raises(DataError, match=r"claims_text.csv, row 1, column 'chapter': header lacks"):
        build(facts_raw, texts)


def test_duplicate_key(facts_raw, texts):
    lines = (texts / "claims_text.csv").read_text().splitlines(keepends=True)
    (texts / "claims_text.csv").write_text("".join(lines + [lines[2]]))
    with pytest.raises(DataError, match=r"row 6, column 'claim_id': duplicate key 'B5'"):
        build(facts_raw, texts)


def test_duplicate_claim_number(facts_raw, texts):
    rewrite(notes(facts_raw), lambda t: t.replace("**22. Outside", "**12. Outside"))
    with pytest.raises(DataError, match=r"claims.md, row 36, column 'claim': claim number 12 appears twice"):
        build(facts_raw, texts)


def test_empty_file(facts_raw, texts):
    notes(facts_raw).write_text("")
    with pytest.raises(DataError, match=r"claims.md: file is empty"):
        build(facts_raw, texts)


def test_wrong_encoding(facts_raw, texts):
    notes(facts_raw).write_bytes(notes(facts_raw).read_text().encode("utf-16"))
    with pytest.raises(DataError, match=r"claims.md, row 1: not valid utf-8"):
        build(facts_raw, texts)


def test_cross_check_refuses_verdict_for_interpretation(facts_raw, texts):
    df = build(facts_raw, texts)
    df.loc[1, "verdict"] = "supported"
    with pytest.raises(DataError, match=r"row 3, column 'verdict': B5: verdict must be empty exactly for interpretations"):
        claims.cross_checks(df)


def test_evidence_tables_are_book_tables():
    from azbook.data import datasets

    assert set(claims.TABLES) <= set(datasets.REGISTRY)


def test_committed_text_file_is_well_formed():
    rows = claims.read_own_text(claims.TEXT_FILE)
    assert len(rows) > 0
    assert all(r["evidence_events"] for r in rows.values())
