from __future__ import annotations

import altair as alt
import pandas as pd
import pytest

from azbook import charts
from azbook.charts import colours, shapes
from azbook.data import countries
from azbook.data.tables import load, source_line


@pytest.fixture(scope="module")
def trade():
    return load("trade")


def test_complete_years_keeps_gaps_as_gaps(trade):
    armenia = trade.query("reporter_iso3 == 'ARM' and partner_iso3 == 'AZE'")[["year", "direction", "value_usd_millions"]]
    years = range(int(trade.year.min()), int(trade.year.max()) + 1)
    series = charts.complete_years(armenia, ["direction"], years)
    assert len(series) == armenia.direction.nunique() * len(years)  # every year for each direction...
    assert series.value_usd_millions.isna().sum() > 0  # ...with empty values where Armenia reported nothing
    assert series.value_usd_millions.dropna().gt(0).all()


def test_year_dates_are_utc_iso_strings():
    assert charts.year_date(pd.Series([1992, 2020])).tolist() == ["1992-01-01", "2020-01-01"]


def test_finish_requires_finding_and_source():
    chart = charts.country_bars(pd.DataFrame({"country": ["Turkey"], "v": [1.0]}), value="v", value_title="V")
    with pytest.raises(ValueError):
        charts.finish(chart, name="x", title="", source="Source: x", description="d")
    spec = charts.finish(chart, name="turkey-trade", title="T", source="Source: IMF", description="D").to_dict()
    assert spec["name"] == "turkey-trade" and spec["description"] == "D"
    assert spec["title"]["subtitle"][-1] == "Source: IMF"


def test_event_marks_layer():
    events = pd.DataFrame({"date": ["2020-11-10"], "label": ["Ceasefire"], "source_title": ["Statement"]})
    spec = charts.event_marks(events).to_dict()
    assert len(spec["layer"]) == 2


def test_yearly_lines_break_at_gaps_and_use_country_colours():
    df = pd.DataFrame({"year": [2000, 2002, 2000, 2001, 2002], "partner": ["Iran", "Iran", "Russia", "Russia", "Russia"],
                       "agreement_pct": [50.0, 60.0, 70.0, 71.0, 72.0]})
    spec = charts.yearly_lines(df, value="agreement_pct", value_title="Agreement, %").to_dict()
    values = next(iter(spec["datasets"].values()))
    iran_2001 = [v for v in values if v["partner"] == "Iran" and v["year"] == 2001][0]
    assert iran_2001["agreement_pct"] is None  # the gap is drawn as a gap
    assert spec["layer"][0]["encoding"]["color"]["scale"]["range"] == [colours.COLOURS["Russia"], colours.COLOURS["Iran"]]


def test_timeline_links_each_event_to_its_source():
    from azbook.data.tables import load

    events = load("events").head(5)
    spec = charts.timeline(events).to_dict()
    assert spec["encoding"]["href"]["field"] == "source_url"


def test_officials_figures_are_drawn_apart_from_the_imf_series():
    from azbook.data import measures
    from azbook.data.tables import load

    imf = measures.turnover(load("trade")).query("partner_iso3 == 'RUS'")
    official = charts.trade.official_full_years(load("trade_official"), "RUS")
    assert not official.empty and not official.year.isin(imf.year).any()
    spec = charts.trade.turnover_with_officials(imf, official, "Russia").to_dict()
    shapes = spec["layer"][2]["encoding"]["shape"]["scale"]
    assert shapes["domain"] == [charts.trade.IMF_LABEL, charts.trade.OFFICIAL_LABEL] and spec["layer"][2]["mark"]["filled"] is False


def test_finish_wraps_long_titles_and_sources_and_keeps_the_checks():
    chart = charts.country_bars(pd.DataFrame({"country": ["Russia"], "v": [1.0]}), value="v", value_title="V")
    long_source = "Source: " + "; ".join(["A publisher, a very long dataset title (a release)"] * 4)
    spec = charts.finish(chart, name="x", title="T " * 60, source=long_source, description="D",
                     subtitle=["An explanation."]).to_dict()
    assert len(spec["title"]["text"]) > 1 and all(len(line) <= 70 for line in spec["title"]["text"])
    assert spec["title"]["subtitle"][0] == "An explanation." and spec["title"]["subtitle"][1].startswith("Source:")
    assert all(len(line) <= 95 for line in spec["title"]["subtitle"])
    assert spec["name"] == "x" and spec["description"] == "D"
    with pytest.raises(ValueError):
        charts.finish(chart, name="x", title="T", source="no source word", description="D")


def _events(dates, labels):
    return pd.DataFrame({"date": pd.to_datetime(dates), "label": labels, "source_title": [f"S{i}" for i in range(len(dates))],
                         "event_id": [f"e{i}" for i in range(len(dates))]})


def test_pick_events_returns_date_order_and_refuses_unknown_ids():
    events = _events(["2022-02-24", "2020-11-10", "2022-02-22"], ["Invasion", "War ends", "Declaration"])
    picked = charts.pick_events(events, "e0", "e1")
    assert list(picked.label) == ["War ends", "Invasion"] and list(picked.index) == [0, 1]
    with pytest.raises(KeyError, match="no such events"):
        charts.pick_events(events, "e0", "nope")


def test_sources_line_names_each_table_once_behind_one_source_prefix():
    line = charts.sources_line("trade", "trade_official")
    assert line.startswith("Source: ") and line.count("Source:") == 1
    assert line.removeprefix("Source: ").startswith(source_line("trade").removeprefix("Source: "))


def test_stagger_levels_puts_close_labels_on_separate_rows():
    dates = ["2020-11-10", "2022-02-22", "2022-02-24", "2024-12-25", "2025-06-27"]
    levels = charts.stagger_levels(dates, [400] * len(dates))
    assert levels == [0, 0, 1, 0, 1]  # 2022-02-24 would overlap 2022-02-22; 2025-06-27 overlaps 2024-12-25


def test_stagger_levels_reuses_a_row_once_it_is_free():
    # A label 100 days wide after a gap of 500 days goes back to row 0.
    assert charts.stagger_levels(["2000-01-01", "2000-01-10", "2001-06-01"], [100, 100, 100]) == [0, 1, 0]


def test_stagger_levels_refuses_unsorted_dates_and_missing_widths():
    with pytest.raises(ValueError):
        charts.stagger_levels(["2022-01-01", "2021-01-01"], [10, 10])
    with pytest.raises(ValueError):
        charts.stagger_levels(["2021-01-01"], [])


def test_label_width_grows_with_text_and_shrinks_with_a_wider_chart():
    narrow = charts.label_width_days(["abc", "abcdef"], ("2000-01-01", "2020-01-01"), width_px=400)
    wide = charts.label_width_days(["abc"], ("2000-01-01", "2020-01-01"), width_px=800)
    assert narrow[1] > narrow[0] > wide[0] > 0


def test_staggered_event_marks_places_rows_in_pixels_from_the_anchor():
    events = _events(["2022-02-22", "2022-02-24"], ["Declaration", "Invasion"]).assign(source_url=["https://a", "https://b"])
    domain = ("1992-01-01", "2025-01-01")
    spec = charts.staggered_event_marks(events, domain=domain, height=300, anchor="bottom").to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [r["label_px"] for r in rows] == [296, 282]  # bottom row, then one row up
    text = spec["layer"][1]["encoding"]
    assert text["y"]["scale"] is None and text["href"]["field"] == "source_url"
    top = charts.staggered_event_marks(events, domain=domain).to_dict()  # the top edge by default
    assert [r["label_px"] for r in next(iter(top["datasets"].values()))] == [4, 18]
    assert next(iter(top["datasets"].values()))[0]["mark"] == "Declaration"  # written labels
    with pytest.raises(ValueError):
        charts.staggered_event_marks(events, domain=domain, height=300, anchor="left")
    with pytest.raises(ValueError, match="height"):
        charts.staggered_event_marks(events, domain=domain, anchor="bottom")


def test_numbered_event_marks_show_numbers_and_keep_the_label_in_the_tooltip():
    events = _events(["2022-02-24", "2020-11-10", "2022-02-22"], ["Invasion", "War ends", "Declaration"])
    spec = charts.numbered_event_marks(events, domain=("1992-01-01", "2025-12-31"), width_px=540).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [(r["mark"], r["label"]) for r in rows] == [("1", "War ends"), ("2", "Declaration"), ("3", "Invasion")]
    assert rows[1]["label_px"] != rows[2]["label_px"]  # two days apart: the numbers go on separate rows
    assert rows[0]["label_px"] == rows[1]["label_px"] == 4  # far apart: both in the top row
    text = spec["layer"][1]
    assert text["encoding"]["text"]["field"] == "mark" and text["mark"]["fontWeight"] == "bold"
    assert {t["field"] for t in text["encoding"]["tooltip"]} >= {"label", "date", "source_title"}
    assert charts.event_key(events) == "(1) War ends, Nov 2020; (2) Declaration, Feb 2022; (3) Invasion, Feb 2022"


def test_notes_end_mark_labels_the_date_and_says_what_follows_is_open():
    spec = charts.notes_end_mark("2026-03-31").to_dict()
    data = next(iter(spec["datasets"].values()))
    assert data == [{"date": "2026-03-31", "label": "Research notes end (31 Mar 2026); later: open"}]
    assert spec["layer"][0]["mark"]["type"] == "rule" and spec["layer"][1]["encoding"]["text"]["field"] == "label"
    custom = charts.notes_end_mark(pd.Timestamp("2026-03-31"), "Notes end").to_dict()
    assert next(iter(custom["datasets"].values()))[0]["label"] == "Notes end"


def test_dot_offsets_spread_only_dots_that_would_overlap_in_their_row():
    # Axis 2020-2024 (1,461 days) on 500 px: a 10 px dot covers about 29 days.
    events = _events(["2020-01-01", "2020-01-03", "2020-01-05", "2020-03-01", "2024-01-01", "2020-01-02"],
                     list("abcdef")).assign(kind=["x", "x", "x", "x", "x", "y"])
    out = charts.dot_offsets(events, "kind", width_px=500, dot_px=10).set_index("event_id").dy
    assert list(out[["e0", "e1", "e2"]]) == [-10, 0, 10]  # a cluster of three, centred on the row
    assert (out[["e3", "e4", "e5"]] == 0).all()  # alone in its time, or alone in its row
    # An axis running on to 2100 makes each dot cover more days: 1 March now joins the first cluster.
    far = charts.dot_offsets(events, "kind", width_px=500, dot_px=10, until="2100-01-01").set_index("event_id").dy
    assert list(far[["e0", "e1", "e2", "e3"]]) == [-15, -5, 5, 15] and far["e4"] == 0


def test_staggered_timeline_centres_the_offsets_in_each_row():
    events = _events(["2020-01-01", "2020-01-02", "2024-01-01"], ["a", "b", "c"]).assign(
        partner="Iran", kind="pressure", source_url="https://x", confidence="high")
    spec = charts.staggered_timeline(events, "kind", 400).to_dict()
    assert spec["encoding"]["yOffset"]["field"] == "dy"
    lookup = spec["transform"][0]
    assert lookup["lookup"] == "event_id"
    values = lookup["from"]["data"]["values"] if "values" in lookup["from"]["data"] else next(
        v for k, v in spec["datasets"].items() if k == lookup["from"]["data"]["name"])
    step = spec["height"]["step"]
    assert sorted(v["dy"] for v in values) == [step / 2 - 6, step / 2, step / 2 + 6]  # two spread, one alone


def test_presence_band_uses_the_country_colour_and_refuses_a_reversed_span():
    spec = charts.presence_band("2020-11-10", "2024-06-12", "Peacekeepers", country="Russia").to_dict()
    assert spec["mark"]["color"] == colours.COLOURS["Russia"]
    assert next(iter(spec["datasets"].values())) == [{"start": "2020-11-10", "end": "2024-06-12", "what": "Peacekeepers"}]
    with pytest.raises(ValueError):
        charts.presence_band("2024-06-12", "2020-11-10", "x", country="Russia")


def test_finish_records_only_the_chosen_headings():
    data = pd.DataFrame({"year": [2020], "gap_usd_millions": [1.0]})
    chart = alt.Chart(data).mark_point().encode(x="year:O", y=alt.Y("gap_usd_millions:Q", title="Gap"))
    finished = charts.finish(chart, name="x", title="T", source="Source: S", description="D",
                             columns={"year": "Year"}).to_dict()
    assert finished["usermeta"] == {"azbook": {"columns": {"year": "Year"}}}
    assert "usermeta" not in charts.finish(chart, name="x", title="T", source="Source: S", description="D").to_dict()


def test_column_labels_prefer_the_charts_words_then_the_tables_titles():
    data = pd.DataFrame({"date": ["2020-01-01"], "value_usd_millions": [1.0], "share_pct": [2.0], "label_px": [3],
                         "label": ["x"]})
    chart = alt.Chart(data).mark_point().encode(
        x="date:T", y=alt.Y("share_pct:Q", title="Share of trade, %"), yOffset="label_px:Q", text="label:N",
        tooltip=[alt.Tooltip("value_usd_millions:Q", title="US$ million"), alt.Tooltip("share_pct:Q", title="Share")],
    )
    labels = shapes.column_labels(chart.to_dict())
    # the axis title, in "Label, unit" form; a bare unit gives way to the table's title; plumbing is left out
    assert labels == {"value_usd_millions": "Value, US$ million", "share_pct": "Share of trade, %"}
    assert shapes.column_labels(chart.to_dict(), {"share_pct": "Share, %"})["share_pct"] == "Share, %"
