"""Figures stated for events: fields, never read out of prose; a figure that drifts from its event is refused."""

from __future__ import annotations

import shutil

import pytest

from azbook.data.datasets import event_figures
from azbook.data.schema import DataError
from conftest import rewrite
from test_events import EVENTS_TEXT

FIGURES = """\
event_id,figure,what,as_written,value,unit,qualifier
2020-11-10-peacekeepers-deployed,troops,Soldiers sent,"1,960",1960,persons,
2022-02-22-allied-declaration,points,Points of the declaration,43,43,persons,over
"""


@pytest.fixture
def paths(raw, tmp_path):
    shutil.move(raw / "facts", raw.parent / "facts")
    folder = tmp_path / "text"
    folder.mkdir()
    (folder / "events_text.csv").write_text(EVENTS_TEXT, encoding="utf-8")
    (folder / "event_figures_text.csv").write_text(FIGURES, encoding="utf-8")
    return raw, folder / "event_figures_text.csv", folder / "events_text.csv"


def build(paths):
    raw, text, events_text = paths
    df = event_figures.build(raw, text, events_text)
    return event_figures.DATASET.validate(df, "data/event_figures.csv")


def test_builds_typed_figures_with_their_event_source(paths):
    df = build(paths).set_index(["event_id", "figure"])
    row = df.loc[("2020-11-10-peacekeepers-deployed", "troops")]
    assert row.value == 1960 and row.unit == "persons" and row.as_written == "1,960"
    assert row.source_url.startswith("https://belgrade.mfa.gov.az/")
    assert str(df.value.dtype) == "Int64"


@pytest.mark.parametrize(("old", "new", "column", "message"), [
    ("2020-11-10-peacekeepers-deployed,troops", "2020-11-10-no-such-event,troops", "event_id", "no event"),
    ('"1,960",1960', '"1,961",1961', "as_written", "does not appear in the description"),
    ('"1,960",1960', '"1,960",1906', "value", "is not the number"),
    ("43,43,persons,over", "43,43,persons,about", "qualifier", "is not one of"),
    ("43,43,persons", "43,43,tonnes", "unit", "is not one of"),
])
def test_broken_figures_are_refused_with_file_row_and_column(paths, old, new, column, message):
    rewrite(paths[1], lambda t: t.replace(old, new))
    with pytest.raises(DataError, match=message) as err:
        build(paths)
    text = str(err.value)
    assert "event_figures_text.csv, row " in text and f"column '{column}'" in text


def test_a_duplicate_figure_is_refused(paths):
    rewrite(paths[1], lambda t: t + t.splitlines()[1] + "\n")
    with pytest.raises(DataError, match="duplicate key"):
        build(paths)


def test_the_book_table_has_the_figures_the_russia_chapter_uses():
    from azbook.data.tables import load

    df = load("event_figures").set_index(["event_id", "figure"])
    for figure in ("troops", "armoured_personnel_carriers", "other_vehicles", "mandate_years"):
        assert ("2020-11-10-russian-peacekeepers-deployed", figure) in df.index
    assert df.loc[("2022-09-13-strikes-inside-armenia", "armenia_dead_missing"), "qualifier"] == "over"
