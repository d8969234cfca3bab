"""Gas shapes and measures (azbook.gas): exports by destination with their edition, monthly border flows."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from azbook.charts import colours, gas
from azbook.data import countries
from azbook.data.tables import load

NAMES = {2021: "bp Review 2021", 2023: "EI Review 2023"}


@pytest.fixture
def exports() -> pd.DataFrame:
    """A small matrix: Azerbaijan's exports in two editions, and Turkey's imports from all exporters."""
    cols = ["year", "edition", "exporter_iso3", "exporter", "destination_iso3", "destination", "destination_kind", "bcm"]
    data = [
        (2020, 2021, "AZE", "Azerbaijan", "TUR", "Turkey", "country", 10.0),
        (2020, 2021, "AZE", "Azerbaijan", "ITA", "Italy", "country", 1.0),
        (2020, 2021, "AZE", "Azerbaijan", None, "Rest of Europe", "group", 2.0),
        (2020, 2021, "AZE", "Azerbaijan", None, "Europe", "region_total", 13.0),
        (2020, 2021, "AZE", "Azerbaijan", "WLD", "World", "world_total", 13.0),
        (2022, 2023, "AZE", "Azerbaijan", None, "EU", "group", 12.0),
        (2022, 2023, "AZE", "Azerbaijan", None, "Rest of Europe", "group", 8.0),
        (2022, 2023, "AZE", "Azerbaijan", "WLD", "World", "world_total", 20.0),
        (2020, 2021, "RUS", "Russia", "TUR", "Turkey", "country", 15.0),
        (2020, 2021, "WLD", "World", "TUR", "Turkey", "country", 30.0),
    ]
    return pd.DataFrame(data, columns=cols).astype({"bcm": "Float64", "destination_iso3": "string"})


def test_edition_names_from_the_release_field_and_source_titles():
    sources = [{"title": "bp Statistical Review of World Energy 2021, all-data workbook (trade 2020)", "released": "2021-07"},
               {"title": "Energy Institute Statistical Review of World Energy 2023, workbook", "released": "2023-06"},
               {"title": "A Review of 1999 with no release date"}]
    assert gas.edition_names(sources) == {2021: "bp Statistical Review of World Energy 2021",
                                          2023: "Energy Institute Statistical Review of World Energy 2023"}
    assert set(gas.edition_names()) == set(load("gas_exports").edition)  # the real metadata names every edition


def test_pipeline_exports_keeps_parts_and_shows_the_edition(exports):
    d = gas.pipeline_exports(exports, names=NAMES)
    assert set(d.destination_kind) == {"country", "group"}  # region and world totals are not rows
    assert list(d.query("year == 2020").destination) == ["Turkey", "Rest of Europe", "Italy"]  # largest first
    turkey = d.query("destination == 'Turkey'").iloc[0]
    assert turkey.total_bcm == 13 and math.isclose(turkey.share_pct, 100 * 10 / 13)
    assert turkey.edition_label == "2020 data · bp Review 2021"
    assert set(d.query("year == 2022").edition_label) == {"2022 data · EI Review 2023"}
    assert gas.edition_label(2024, 2025, NAMES) == "2024 data · Statistical Review, 2025 edition"
    with pytest.raises(ValueError, match="no pipeline exports"):
        gas.pipeline_exports(exports, "IRN", names=NAMES)


def test_parts_add_up_to_the_world_total_in_the_real_table():
    d = gas.pipeline_exports(load("gas_exports"))
    sums = d.groupby("year").agg(parts=("bcm", "sum"), total=("total_bcm", "first"))
    assert ((sums.parts - sums.total).abs() < 1e-6).all()


def test_importer_shares(exports):
    s = gas.importer_shares(exports, "TUR").set_index("exporter")
    assert list(s.index) == ["Russia", "Azerbaijan"]  # World is the total, not a supplier
    assert math.isclose(s.loc["Azerbaijan", "share_pct"], 100 * 10 / 30) and s.loc["Russia", "total_bcm"] == 30
    assert gas.importer_shares(exports.query("exporter_iso3 != 'WLD'"), "TUR").empty  # no total, no share


def test_exports_chart_panels_by_edition_with_turkey_in_its_colour(exports):
    spec = gas.exports_chart(gas.pipeline_exports(exports, names=NAMES)).to_dict()
    assert spec["facet"]["row"]["field"] == "edition_label"
    colour = spec["spec"]["layer"][0]["encoding"]["color"]["scale"]
    assert colour["range"][colour["domain"].index("Turkey")] == colours.COLOURS["Turkey"]
    assert colour["range"][colour["domain"].index("EU")] == gas.OTHER_COLOUR
    assert spec["resolve"]["scale"]["y"] == "independent"


@pytest.fixture
def flows() -> pd.DataFrame:
    """Two points: Turkgozu from Feb 2020, TAP (Melendugno) from Dec 2020 with a published zero later."""
    months = pd.date_range("2020-01-01", "2021-03-01", freq="MS")
    turk = [0.0] + [100.0] * (len(months) - 1)
    tap = [0.0] * 11 + [5.0, 50.0, 0.0, 60.0]
    rows = []
    for point, exit_, entry, values in [("Turkgozu", "GEO", "TUR", turk), ("Melendugno (TAP)", "ALB", "ITA", tap)]:
        first = next(i for i, v in enumerate(values) if v > 0)
        rows += [{"month": m, "border_point": point, "exit_iso3": exit_, "entry_iso3": entry, "mcm": v,
                  "before_first_flow": i < first} for i, (m, v) in enumerate(zip(months, values))]
    return pd.DataFrame(rows).astype({"mcm": "Float64", "before_first_flow": "boolean"})


ROUTE = {("Turkgozu", "GEO", "TUR"): "Georgia → Turkey", ("Melendugno (TAP)", "ALB", "ITA"): "Albania → Italy"}


def test_monthly_flows_start_at_the_first_flow_and_keep_later_zeros(flows):
    f = gas.monthly_flows(flows, ROUTE)
    tap = f.query("point == 'Albania → Italy'")
    assert tap.month.min() == pd.Timestamp("2020-12-01")  # leading zeros (not in service) dropped
    assert (tap.mcm == 0).sum() == 1  # a published zero after the first flow stays
    assert list(f.point.unique()) == ["Georgia → Turkey", "Albania → Italy"]  # route order
    assert f.date.iloc[0] == "2020-02-01"
    with pytest.raises(ValueError, match="no flows"):
        gas.monthly_flows(flows, {**ROUTE, ("Kipi", "TUR", "GRC"): "Turkey → Greece"})


def test_first_flow_mark_is_read_from_the_data(flows):
    mark = gas.first_flow_marks(flows, points=("Melendugno (TAP)",))
    assert list(mark.columns) == ["date", "label", "source_title"]
    assert mark.date.item() == "2020-12-01" and mark.label.item() == "First gas through TAP (Dec 2020)"
    assert "Read from the data" in mark.source_title.item()
    with pytest.raises(ValueError, match="no month with gas"):
        gas.first_flow_marks(flows, points=("Kipi",))


def test_annual_bcm_flags_partial_years_without_scaling(flows):
    a = gas.annual_bcm(gas.monthly_flows(flows, ROUTE)).set_index(["point", "year"])
    assert a.loc[("Georgia → Turkey", 2020), "months"] == 11 and not a.loc[("Georgia → Turkey", 2020), "is_full_year"]
    assert math.isclose(a.loc[("Georgia → Turkey", 2020), "bcm"], 1.1)  # 11 x 100 mcm, not scaled to 12 months
    assert math.isclose(a.loc[("Albania → Italy", 2021), "bcm"], 0.11)


def test_flows_chart_one_panel_per_point_on_shared_scales(flows):
    marks = gas.first_flow_marks(flows, points=("Melendugno (TAP)",))
    spec = gas.flows_chart(gas.monthly_flows(flows, ROUTE), events=marks).to_dict()
    panels = spec["vconcat"]
    assert len(panels) == 2 and spec["resolve"]["scale"]["x"] == "shared"
    assert [p["title"]["text"] for p in panels] == list(ROUTE.values())
    lines = [p["layer"][0] for p in panels]
    assert all(line["mark"]["color"] == gas.FLOW_COLOUR for line in lines)  # no country colour for a border point
    assert {tuple(line["encoding"]["y"]["scale"]["domain"]) for line in lines} == {(0, 100.0)}  # one flow scale
    assert [line["encoding"]["x"]["axis"]["labels"] for line in lines] == [False, True]
    assert all(len(p["layer"]) == 2 for p in panels)  # the mark in every panel
    assert [_has_label(p) for p in panels] == [True, False]  # labelled in the first panel by default


def _has_label(panel: dict) -> bool:
    """Whether a panel's event layer carries the text labels (not only the rules)."""
    return any(layer.get("mark", {}).get("type") == "text" for layer in panel["layer"][1]["layer"])


def test_flows_chart_labels_the_marks_in_the_panel_asked_for(flows):
    marks = gas.first_flow_marks(flows, points=("Melendugno (TAP)",))
    f = gas.monthly_flows(flows, ROUTE)
    panels = gas.flows_chart(f, events=marks, label_point="Melendugno (TAP)").to_dict()["vconcat"]
    assert [_has_label(p) for p in panels] == [False, True]
    assert all(len(p["layer"]) == 2 for p in panels)  # the rule still in every panel
    with pytest.raises(ValueError, match="no panel for 'Kipi'"):
        gas.flows_chart(f, events=marks, label_point="Kipi")


def test_real_route_and_tap_start():
    f = gas.monthly_flows(load("gas_flows_monthly"))
    assert list(f.point.unique()) == list(gas.ROUTE.values())
    assert not any("Türkiye" in label for label in gas.ROUTE.values())  # the book writes "Turkey"
    mark = gas.first_flow_marks(f)
    tap = f[f.border_point.isin(gas.TAP_POINTS)]
    assert mark.date.item() == tap.month.min().strftime("%Y-%m-%d")
    assert (tap.mcm > 0).iloc[0]  # the first month kept at TAP carries gas
