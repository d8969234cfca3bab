"""Mirror trade (azbook.charts.trade): one flow as Azerbaijan and as its partner record it, the gap, its chart."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from azbook import charts
from azbook.charts import colours
from azbook.data import countries
from azbook.data.tables import load


def rows(reporter: str, partner: str, flow: str, values: dict[int, float]) -> list[dict]:
    return [{"year": y, "reporter_iso3": reporter, "partner_iso3": partner, "flow": flow, "value_usd_millions": v}
            for y, v in values.items()]


@pytest.fixture
def trade() -> pd.DataFrame:
    """A small trade table: Azerbaijan's exports to Turkey miss 2002; Turkey reports every year."""
    data = (
        rows("AZE", "TUR", "exports_fob", {2000: 100.0, 2001: 200.0, 2003: 300.0})
        + rows("TUR", "AZE", "imports_cif", {2000: 50.0, 2001: 250.0, 2002: 80.0, 2003: 100.0})
        + rows("AZE", "TUR", "imports_cif", {2000: 10.0, 2001: 20.0, 2002: 30.0, 2003: 40.0})
        + rows("TUR", "AZE", "exports_fob", {2000: 15.0, 2001: 25.0, 2002: 35.0, 2003: 45.0})
        + rows("AZE", "RUS", "exports_fob", {2000: 999.0, 2001: 999.0, 2002: 999.0, 2003: 999.0})
    )
    df = pd.DataFrame(data)
    return df.astype({"year": "Int64", "value_usd_millions": "Float64"})


def test_exports_against_partner_imports_with_gaps_kept(trade):
    m = charts.trade.mirror_flows(trade, "TUR").set_index("year")
    assert list(m.index) == [2000, 2001, 2002, 2003]  # every year of the table, none added
    assert m.loc[2000, "azerbaijan_usd_millions"] == 100 and m.loc[2000, "partner_usd_millions"] == 50
    assert m.loc[2000, "gap_usd_millions"] == 50 and m.loc[2000, "ratio"] == 2
    assert m.loc[2001, "gap_usd_millions"] == -50  # the partner reports more: negative gap
    assert pd.isna(m.loc[2002, "azerbaijan_usd_millions"]) and m.loc[2002, "partner_usd_millions"] == 80
    assert pd.isna(m.loc[2002, "gap_usd_millions"]) and pd.isna(m.loc[2002, "ratio"])  # no filling
    assert set(m.partner) == {"Turkey"} and set(m.direction) == {"from_azerbaijan"}
    assert list(charts.trade.mirror_flows(trade, "TUR").columns) == charts.trade.COLUMNS


def test_the_other_direction_uses_the_other_flows(trade):
    m = charts.trade.mirror_flows(trade, "TUR", direction="to_azerbaijan").set_index("year")
    assert m.loc[2003, "azerbaijan_usd_millions"] == 40 and m.loc[2003, "partner_usd_millions"] == 45
    assert m.loc[2003, "gap_usd_millions"] == -5


def test_zero_partner_figure_gives_no_ratio(trade):
    trade.loc[(trade.reporter_iso3 == "TUR") & (trade.flow == "imports_cif") & (trade.year == 2000), "value_usd_millions"] = 0.0
    m = charts.trade.mirror_flows(trade, "TUR").set_index("year")
    assert pd.isna(m.loc[2000, "ratio"]) and m.loc[2000, "gap_usd_millions"] == 100


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"partner_iso3": "TUR", "direction": "both"}, "direction must be"),
    ({"partner_iso3": "IRN"}, "no mirror trade rows"),
])
def test_bad_requests_are_refused(trade, kwargs, message):
    with pytest.raises(ValueError, match=message):
        charts.trade.mirror_flows(trade, **kwargs)


def test_duplicate_figures_are_refused(trade):
    doubled = pd.concat([trade, trade.head(1)], ignore_index=True)
    with pytest.raises(ValueError, match="more than one"):
        charts.trade.mirror_flows(doubled, "TUR")


def test_gap_summary_counts_only_years_with_both(trade):
    s = charts.trade.gap_summary(charts.trade.mirror_flows(trade, "TUR"))
    assert (s.first_year, s.last_year, s.years_with_both, s.years_azerbaijan_higher) == (2000, 2003, 3, 2)
    assert s.azerbaijan_total == 600 and s.partner_total == 400 and s.gap_total == 200
    assert math.isclose(s.gap_pct_of_azerbaijan, 100 * 200 / 600)
    assert (s.widest_gap_year, s.widest_gap_usd_millions) == (2003, 200)
    assert s.last_gap_usd_millions == 200 and s.last_ratio == 3


def test_gap_summary_needs_a_common_year(trade):
    m = charts.trade.mirror_flows(trade, "TUR").assign(partner_usd_millions=pd.NA)
    with pytest.raises(ValueError, match="both sides"):
        charts.trade.gap_summary(m)


def test_persistent_gap_is_the_trailing_run(trade):
    m = charts.trade.mirror_flows(trade, "TUR")  # ratios: 2000 2.0, 2001 0.8, 2002 none, 2003 3.0
    assert charts.trade.persistent_gap(m, min_ratio=2) == (2003, 3.0)
    assert charts.trade.persistent_gap(m, min_ratio=0.5) == (2003, 3.0)  # the missing year 2002 breaks the run
    with pytest.raises(ValueError, match="below"):
        charts.trade.persistent_gap(m, min_ratio=5)


def test_persistent_gap_runs_over_consecutive_years():
    m = pd.DataFrame({"year": [2000, 2001, 2002, 2003], "ratio": [1.0, 4.0, 2.5, 3.0]})
    assert charts.trade.persistent_gap(m, min_ratio=2) == (2001, 2.5)


def test_long_sides_and_gap_rows(trade):
    m = charts.trade.mirror_flows(trade, "TUR")
    long = charts.trade.long_sides(m)
    assert len(long) == 2 * len(m) and long.value_usd_millions.isna().sum() == 1
    assert set(long.side) == set(charts.trade.side_labels(m)) and long.date.iloc[0].endswith("-01-01")
    gaps = charts.trade.gap_rows(m)
    assert list(gaps.year) == [2000, 2001, 2003]
    assert list(gaps.sign) == ["Azerbaijan reports more", "Turkey reports more", "Azerbaijan reports more"]


def test_mirror_chart_draws_both_records_and_the_gap(trade):
    events = pd.DataFrame({"date": ["2001-06-15"], "label": ["Something"], "source_title": ["A source"]})
    spec = charts.trade.mirror_chart(charts.trade.mirror_flows(trade, "TUR"), events=events).to_dict()
    top, bottom = spec["vconcat"]
    assert top["layer"][0]["mark"]["color"] == colours.COLOURS["Turkey"]
    dash = top["layer"][0]["encoding"]["strokeDash"]["scale"]
    assert dash["domain"] == list(charts.trade.side_labels(charts.trade.mirror_flows(trade, "TUR")))
    assert len(top["layer"]) == 3 and len(bottom["layer"]) == 3  # lines, points, events | bars, zero, rules
    bars = bottom["layer"][0]
    assert bars["mark"]["type"] == "bar" and bars["encoding"]["y"]["field"] == "gap_usd_millions"
    assert {t["title"] for t in bars["encoding"]["tooltip"]} >= {"Year", "Gap, US$ million", "Turkey's record"}
    assert spec["resolve"]["scale"]["x"] == "shared"


def test_real_table_turkey():
    trade = load("trade")
    m = charts.trade.mirror_flows(trade, "TUR").set_index("year")
    last = int(m.dropna(subset=["gap_usd_millions"]).index.max())
    az = trade.query("reporter_iso3 == 'AZE' and partner_iso3 == 'TUR' and flow == 'exports_fob' and year == @last")
    tr = trade.query("reporter_iso3 == 'TUR' and partner_iso3 == 'AZE' and flow == 'imports_cif' and year == @last")
    assert m.loc[last, "azerbaijan_usd_millions"] == az.value_usd_millions.item()
    assert m.loc[last, "partner_usd_millions"] == tr.value_usd_millions.item()
    assert m.loc[last, "gap_usd_millions"] > 0  # the gap the chapter explains: Azerbaijan records more


@pytest.mark.parametrize(("ratio", "words"), [(6.3, "about a sixth"), (2.0, "about a half"), (3.6, "about a quarter"),
                                              (1.5, "about a half"), (10.4, "about a tenth")])
def test_fraction_words_names_the_nearest_simple_fraction(ratio, words):
    assert charts.trade.fraction_words(ratio) == words


@pytest.mark.parametrize("ratio", [1.2, 10.5, 40.0, float("nan")])
def test_fraction_words_refuses_ratios_without_a_name(ratio):
    with pytest.raises(ValueError, match="no simple fraction"):
        charts.trade.fraction_words(ratio)
