"""The events table: the notes' facts joined to our own text; broken inputs give located errors."""

from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest

from azbook.data.datasets import events
from azbook.data.schema import DataError
from conftest import drop_column, rewrite

#: Our own text for the fixture's eight events (a small stand-in for azbook/data/datasets/events_text.csv).
EVENTS_TEXT = """\
event_id,partner,category,source_url,kind,label,description
2020-11-10-ceasefire-statement,multiple,agreement,https://www.primeminister.am/en/press-release/item/2020/11/10/Announcement/%20%20%20%20%20%20%20%20%20statement,,Ceasefire statement,The 44-day war stopped under a three-way statement.
2020-11-10-peacekeepers-deployed,Russia,military,https://belgrade.mfa.gov.az/en/news/statement-by-the-president-of-the-republic-of-azerbaijan-the-prime-minister-of-the-republic-of-armenia-and-the-president-of-the-russian-federation-enru,,Peacekeepers deploy,"Moscow sent 1,960 soldiers to Karabakh."
2021-06-15-shusha-declaration,Turkey,agreement,https://report.az/en/domestic-politics/one-year-passes-since-signing-of-shusha-declaration/,,Shusha Declaration,Aliyev and Erdogan became formal allies.
2021-10-01-iranian-drills,Iran,military,https://thecradle.co/article-view/2301,pressure,Iranian drills,Iran's army exercised close to Azerbaijan.
2022-02-22-allied-declaration,Russia,agreement,https://azertag.az/en/xeber/Declaration_on_allied_interaction_between_the_Republic_of_Azerbaijan_and_the_Russian_Federation-2024876,,Allied declaration,Putin and Aliyev signed a text of 43 points.
2024-04-17-withdrawal-begins,Russia,military,https://kyivindependent.com/kremlin-confirms-russian-peacekeepers-withdrawing-from-nagorno-karabakh/,,Withdrawal begins,Russian troops began leaving Karabakh.
2024-06-12-peacekeepers-gone,Russia,military,https://www.standardmedia.co.ke/sports/amp/europe/article/2001497089/azerbaijan-says-russian-peacekeepers-have-completed-withdrawal,,Peacekeepers gone,No Russian soldier was left in Azerbaijan.
2024-07-15-embassy-reopens,Iran,diplomatic,http://presstv.ir/Detail/2024/07/15/729374/Azerbaijan-embassy-Iran,thaw,Embassy reopens,Azerbaijan's mission in Tehran worked again.
"""


@pytest.fixture
def facts_raw(raw):
    """RAW with the notes' folder beside it (RAW/../facts), as in shared/."""
    shutil.move(raw / "facts", raw.parent / "facts")
    return raw


@pytest.fixture
def text(tmp_path):
    path = tmp_path / "text" / "events_text.csv"
    path.parent.mkdir()
    path.write_text(EVENTS_TEXT, encoding="utf-8")
    return path


def facts(raw):
    return raw.parent / "facts" / events.FACTS_FILE


def build(raw, text):
    return events.DATASET.validate(events.build(raw, text), "data/events.csv")


def test_builds_tidy_table(facts_raw, text):
    df = build(facts_raw, text)
    assert list(df.columns) == events.DATASET.columns
    assert len(df) == 8
    assert df.event_id.is_monotonic_increasing
    assert str(df.date.dtype) == "datetime64[ns]"
    # Two events on one date are told apart by partner and category.
    day = df[df.date == pd.Timestamp("2020-11-10")].set_index("category")
    assert day.loc["military", "event_id"] == "2020-11-10-peacekeepers-deployed"
    assert day.loc["military", "partner_iso3"] == "RUS"
    assert pd.isna(day.loc["agreement", "partner_iso3"])
    # Our words replace the notes'; source and confidence come from the notes.
    row = df.set_index("event_id").loc["2022-02-22-allied-declaration"]
    assert row.description == "Putin and Aliyev signed a text of 43 points."
    assert row.source_title.endswith("(AZERTAC)") and row.confidence == "high"
    assert not df.description.str.contains("Fixture note").any()
    # The one http:// source is upgraded; the Iran events carry a kind.
    assert df.source_url.str.startswith("https://").all()
    assert set(df.kind[df.partner == "Iran"]) == {"pressure", "thaw"}


def test_cross_checks_and_coverage(facts_raw, text):
    df = build(facts_raw, text)
    events.cross_checks(df)
    cov = events.coverage(df)
    assert cov["by_partner"] == {"Iran": 2, "Russia": 4, "Turkey": 1, "multiple": 1}
    assert cov["dates"] == ["2020-11-10", "2024-07-15"]


def test_notes_must_be_beside_raw(raw, text):
    # The notes inside RAW (not beside it) are not read: the build only looks at RAW/../facts.
    with pytest.raises(DataError, match=r"facts/events.csv: file not found"):
        events.build(raw, text)


def test_missing_column(facts_raw, text):
    rewrite(facts(facts_raw), lambda t: drop_column(t, "confidence"))
    with pytest.raises(DataError, match=r"events.csv, row 1, column 'confidence': header lacks"):
        events.build(facts_raw, text)


def test_shifted_header(facts_raw, text):
    rewrite(facts(facts_raw), lambda t: "Dated events (research notes)\n" + t)
    with pytest.raises(DataError, match=r"events.csv, row 1, column 'date': header lacks"):
        events.build(facts_raw, text)


def test_bad_date(facts_raw, text):
    rewrite(facts(facts_raw), lambda t: t.replace("2021-06-15,day", "2021-06-31,day"))
    with pytest.raises(DataError, match=r"events.csv, row 4, column 'date': '2021-06-31' is not a date"):
        events.build(facts_raw, text)


def test_date_outside_window(facts_raw, text):
    rewrite(facts(facts_raw), lambda t: t.replace("2021-06-15,day", "2019-06-15,day"))
    with pytest.raises(DataError, match=r"row 4, column 'date': date 2019-06-15 is outside"):
        events.build(facts_raw, text)


def test_duplicate_facts_row(facts_raw, text):
    lines = facts(facts_raw).read_text().splitlines(keepends=True)
    facts(facts_raw).write_text("".join(lines + [lines[4]]))
    with pytest.raises(DataError, match=r"events.csv, row 10, column 'date': duplicate event"):
        events.build(facts_raw, text)


def test_duplicate_event_id(facts_raw, text):
    lines = text.read_text().splitlines(keepends=True)
    text.write_text("".join(lines + [lines[3]]))
    with pytest.raises(DataError, match=r"events_text.csv, row 10, column 'event_id': duplicate key"):
        events.build(facts_raw, text)


def test_unknown_partner(facts_raw, text):
    rewrite(facts(facts_raw), lambda t: t.replace("2021-06-15,day,Turkey", "2021-06-15,day,Turkiye"))
    with pytest.raises(DataError, match=r"row 4, column 'partner': 'Turkiye' is not one of"):
        events.build(facts_raw, text)


def test_unknown_category(facts_raw, text):
    rewrite(facts(facts_raw), lambda t: t.replace("Iran,military", "Iran,militray"))
    with pytest.raises(DataError, match=r"row 5, column 'category': 'militray' is not one of"):
        events.build(facts_raw, text)


@pytest.mark.parametrize("scheme", ["ftp://", "javascript:alert(1)//", "data:text/html;"])
def test_url_that_is_not_https(facts_raw, text, scheme):
    rewrite(facts(facts_raw), lambda t: t.replace("https://thecradle.co", f"{scheme}thecradle.co"))
    with pytest.raises(DataError, match=rf"row 5, column 'source_url': '{re.escape(scheme)}thecradle.co/article-view/2301' is not"):
        events.build(facts_raw, text)


def test_empty_file(facts_raw, text):
    facts(facts_raw).write_text("")
    with pytest.raises(DataError, match=r"events.csv: file is empty"):
        events.build(facts_raw, text)


def test_wrong_encoding(facts_raw, text):
    facts(facts_raw).write_bytes(facts(facts_raw).read_text().replace("Erdogan", "Erdoğan").encode("utf-16"))
    with pytest.raises(DataError, match=r"events.csv, row 1: not valid utf-8"):
        events.build(facts_raw, text)


def test_facts_row_without_our_text(facts_raw, text):
    rewrite(text, lambda t: "".join(line for line in t.splitlines(keepends=True) if "shusha" not in line))
    with pytest.raises(DataError, match=r"events.csv, row 4, column 'event': event of 2021-06-15 .* has no text of ours"):
        events.build(facts_raw, text)


def test_our_text_names_an_event_not_in_the_facts(facts_raw, text):
    rewrite(text, lambda t: t.replace("2021-10-01-iranian-drills,Iran,military", "2021-10-02-iranian-drills,Iran,military"))
    with pytest.raises(DataError, match=r"events_text.csv, row 5, column 'event_id': names an event that is not in "
                       r"events.csv \(no row dated 2021-10-02"):
        events.build(facts_raw, text)


def test_source_url_must_match(facts_raw, text):
    rewrite(text, lambda t: t.replace("https://thecradle.co/article-view/2301", "https://thecradle.co/article-view/9"))
    with pytest.raises(DataError, match=r"row 5, column 'source_url': source_url matches 0"):
        events.build(facts_raw, text)


def test_label_too_long(facts_raw, text):
    rewrite(text, lambda t: t.replace(",Iranian drills,", ",Iran's army holds very large drills near the border,"))
    with pytest.raises(DataError, match=r"row 5, column 'label': label has 51 characters"):
        events.build(facts_raw, text)


def test_unknown_kind(facts_raw, text):
    rewrite(text, lambda t: t.replace(",pressure,", ",threat,"))
    with pytest.raises(DataError, match=r"row 5, column 'kind': 'threat' is not one of"):
        events.build(facts_raw, text)


def test_copied_wording_is_refused(facts_raw, text):
    copied = "the Kremlin confirmed that the peacekeepers had started to leave."
    rewrite(text, lambda t: t.replace("Russian troops began leaving Karabakh.", copied))
    with pytest.raises(DataError, match=r"row 7, column 'description': repeats 10 consecutive words"):
        events.build(facts_raw, text)


def test_number_not_in_the_notes_is_refused(facts_raw, text):
    rewrite(text, lambda t: t.replace("1,960 soldiers", "1,690 soldiers"))
    with pytest.raises(DataError, match=r"row 3, column 'description': has number\(s\) \['1,690'\]"):
        events.build(facts_raw, text)


def test_cross_check_iran_event_needs_kind(facts_raw, text):
    df = build(facts_raw, text)
    df.loc[df.event_id == "2024-07-15-embassy-reopens", "kind"] = pd.NA
    with pytest.raises(DataError, match=r"2024-07-15-embassy-reopens: kind is empty for an Iran event"):
        events.cross_checks(df)


def test_cross_check_no_high_confidence_after_notes_end(facts_raw, text):
    df = build(facts_raw, text)
    df.loc[7, "date"] = pd.Timestamp("2026-06-07")
    df.loc[7, "event_id"] = "2026-06-07-embassy-reopens"
    with pytest.raises(DataError, match=r"row 9, column 'confidence'"):
        events.cross_checks(df)


def test_committed_text_file_is_well_formed():
    rows = events.read_own_text(events.TEXT_FILE)
    assert len({r["event_id"] for r in rows}) == len(rows) > 0
    assert all(r["kind"] for r in rows if r["partner"] == "Iran")
