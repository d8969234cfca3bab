from __future__ import annotations

import pandas as pd
import pytest

from azbook import charts, countries
from azbook.load import load


@pytest.fixture(scope="module")
def trade():
    return load("trade")


def test_bilateral_trade_keeps_gaps_as_gaps(trade):
    series = charts.bilateral_trade(trade, "ARM", reporter_iso3="ARM")
    years = series.year.max() - series.year.min() + 1
    assert len(series) == 2 * years  # every year for both directions...
    assert series.value_usd_millions.isna().sum() > 0  # ...with empty values where Armenia reported nothing
    assert series.value_usd_millions.dropna().gt(0).all()


def test_bilateral_trade_dates_are_utc_iso_strings(trade):
    series = charts.bilateral_trade(trade, "RUS")
    assert series.date.iloc[0] == f"{series.year.iloc[0]}-01-01"


def test_trade_lines_use_the_partner_colour(trade):
    spec = charts.trade_lines(charts.bilateral_trade(trade, "IRN")).to_dict()
    colour = spec["layer"][0]["encoding"]["color"]["scale"]
    assert colour["range"] == [countries.COLOURS["Iran"]]
    assert {t["title"] for t in spec["layer"][0]["encoding"]["tooltip"]} >= {"Year", "US$ million"}


def test_finish_requires_finding_and_source(trade):
    chart = charts.trade_lines(charts.bilateral_trade(trade, "TUR"))
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
    assert spec["layer"][0]["encoding"]["color"]["scale"]["range"] == [countries.COLOURS["Russia"], countries.COLOURS["Iran"]]


def test_timeline_links_each_event_to_its_source():
    from azbook.load import load

    events = load("events").head(5)
    spec = charts.timeline(events).to_dict()
    assert spec["encoding"]["href"]["field"] == "source_url"


def test_officials_figures_are_drawn_apart_from_the_imf_series():
    from azbook import measures
    from azbook.load import load

    imf = measures.turnover(load("trade")).query("partner_iso3 == 'RUS'")
    official = charts.official_full_years(load("trade_official"), "RUS")
    assert not official.empty and not official.year.isin(imf.year).any()
    spec = charts.turnover_with_officials(imf, official, "Russia").to_dict()
    shapes = spec["layer"][2]["encoding"]["shape"]["scale"]
    assert shapes["domain"] == [charts.IMF_LABEL, charts.OFFICIAL_LABEL] and spec["layer"][2]["mark"]["filled"] is False


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

