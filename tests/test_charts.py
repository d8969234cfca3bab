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
