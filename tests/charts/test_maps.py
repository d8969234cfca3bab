from __future__ import annotations

import json

import pandas as pd
import pytest

from azbook.charts import colours, maps
from azbook.data import countries
from azbook.data.datasets import region_map as rm
from azbook.data.tables import load


@pytest.fixture(scope="module")
def region():
    return load("region_map")


SQUARE_CW = [(0.0, 0.0), (0.0, 2.0), (2.0, 2.0), (2.0, 0.0), (0.0, 0.0)]  # clockwise, as d3 exterior rings


# Plane geometry.

def test_signed_area_and_centroid_of_a_square():
    assert maps.signed_area(SQUARE_CW) == -4.0
    assert maps.signed_area(SQUARE_CW[::-1]) == 4.0
    assert maps.centroid(SQUARE_CW) == pytest.approx((1.0, 1.0))
    with pytest.raises(ValueError):
        maps.centroid([(0, 0), (1, 1), (2, 2), (0, 0)])


def test_clip_ring_cuts_to_the_box_and_keeps_winding():
    clipped = maps.clip_ring(SQUARE_CW, (1.0, -1.0, 3.0, 3.0))
    assert clipped[0] == clipped[-1]
    assert maps.signed_area(clipped) == pytest.approx(-2.0)
    assert all(1.0 <= x <= 3.0 for x, _ in clipped)


def test_clip_ring_outside_the_box_is_empty_and_inside_is_unchanged():
    assert maps.clip_ring(SQUARE_CW, (5.0, 5.0, 6.0, 6.0)) == []
    assert maps.signed_area(maps.clip_ring(SQUARE_CW, (-1.0, -1.0, 3.0, 3.0))) == pytest.approx(-4.0)


def test_simplify_ring_drops_only_near_collinear_vertices():
    ring = [(0.0, 0.0), (0.0, 1.0), (0.001, 1.5), (0.0, 2.0), (2.0, 2.0), (2.0, 0.0), (0.0, 0.0)]
    small = maps.simplify_ring(ring, 0.01)
    assert (0.001, 1.5) not in small and small[0] == small[-1]
    assert set(small) <= set(ring)  # only the ring's own positions
    assert (0.001, 1.5) in maps.simplify_ring(ring, 0.0001)


def test_prepare_polygons_drops_rings_that_collapse():
    tiny = [[(0.0, 0.0), (0.0, 0.001), (0.001, 0.001), (0.001, 0.0), (0.0, 0.0)]]
    big = [SQUARE_CW]
    out = maps.prepare_polygons([tiny, big], bbox=(-1, -1, 3, 3), tolerance=0.01, decimals=2)
    assert len(out) == 1 and maps.signed_area(out[0][0]) < 0


# The table's shapes.

def test_map_features_are_small_and_keep_winding(region):
    feats = maps.map_features(region)
    assert {f["properties"]["name"] for f in feats} == set(region.name)
    assert len(json.dumps(feats)) < 40_000  # the table holds over 100,000 characters of coordinates
    originals = {code: maps.shapes(region, code) for code in region.iso3}
    for f in feats:
        for polygon in f["geometry"]["coordinates"]:
            assert maps.signed_area(polygon[0]) < 0  # d3's exterior winding, as in the table
        assert all(maps.signed_area(p[0]) < 0 for p in originals[f["id"]])


def test_azerbaijan_parts_finds_the_mainland_and_nakhchivan(region):
    parts = maps.azerbaijan_parts(region)
    assert rm.inside(parts["mainland"], rm.BAKU) and not rm.inside(parts["mainland"], rm.NAKHCHIVAN)
    assert rm.inside(parts["nakhchivan"], rm.NAKHCHIVAN)


def test_gap_ends_lie_on_the_two_parts(region):
    west, east = maps.gap_ends(region)
    parts = maps.azerbaijan_parts(region)
    assert west in parts["nakhchivan"][0] and east in parts["mainland"][0]
    assert west[0] < east[0]


def test_schematic_routes_bow_into_armenia_and_iran(region):
    routes = maps.schematic_routes(region)
    assert set(routes.route) == set(maps.ROUTES)
    west, east = maps.gap_ends(region)
    armenia, iran = maps.shapes(region, "ARM"), maps.shapes(region, "IRN")
    for route, country in ((maps.ROUTE_SYUNIK, armenia), (maps.ROUTE_IRAN, iran)):
        line = routes.query("route == @route").sort_values("order")
        assert tuple(line[["lon", "lat"]].iloc[0]) == pytest.approx(west)
        assert tuple(line[["lon", "lat"]].iloc[-1]) == pytest.approx(east)
        middle = tuple(line[["lon", "lat"]].iloc[len(line) // 2])
        assert any(rm.inside(p, middle) for p in country)


def test_schematic_routes_refuse_a_bend_on_the_wrong_side(region):
    with pytest.raises(ValueError, match="Armenia"):
        maps.schematic_routes(region, bend=-0.5)


def test_label_points_are_inside_the_box(region):
    box = maps.VIEW
    labels = maps.label_points(maps.map_features(region), box)
    assert set(labels.name) == set(region.name)
    assert labels.lon.between(box[0], box[2]).all() and labels.lat.between(box[1], box[3]).all()


def test_shared_border_keeps_runs_of_common_vertices():
    left = [(0.0, 0.0), (0.0, 2.0), (1.0, 2.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0)]  # shares x=1 with right
    right = [[[(1.0, 0.0), (1.0, 1.0), (1.0, 2.0), (3.0, 2.0), (3.0, 0.0), (1.0, 0.0)]]]
    runs = maps.shared_border(left, right)
    assert runs == [[(1.0, 2.0), (1.0, 1.0), (1.0, 0.0)]]
    apart = [[[(5.0, 5.0), (5.0, 6.0), (6.0, 6.0), (5.0, 5.0)]]]
    assert maps.shared_border(left, apart) == []
    # a single common vertex (a corner touching) is not a border
    corner = [[[(1.0, 2.0), (2.0, 3.0), (3.0, 3.0), (1.0, 2.0)]]]
    assert maps.shared_border(left, corner) == []


def test_nakhchivan_shares_a_short_border_with_turkey(region):
    parts = maps.azerbaijan_parts(region)
    turkey = maps.shapes(region, "TUR")
    runs = maps.shared_border(parts["nakhchivan"][0], turkey)
    assert len(runs) == 1
    vertices = {p for polygon in turkey for ring in polygon for p in ring}
    assert set(runs[0]) <= vertices and set(runs[0]) <= set(parts["nakhchivan"][0])
    assert maps.shared_border(parts["mainland"][0], turkey) == []  # the mainland does not touch Turkey


def test_interior_point_sits_where_the_shape_is_widest():
    assert maps.interior_point(SQUARE_CW) == pytest.approx((1.0, 1.0), abs=0.05)
    # a U whose centroid falls in the gap between its arms: the interior point stays inside, at
    # least half the base's thickness away from every edge
    u = [(0.0, 0.0), (0.0, 4.0), (1.0, 4.0), (1.0, 1.0), (3.0, 1.0), (3.0, 4.0), (4.0, 4.0), (4.0, 0.0), (0.0, 0.0)]
    assert not rm.inside([u], maps.centroid(u))
    x, y = maps.interior_point(u)
    assert rm.inside([u], (x, y))
    assert min(maps._segment_distance((x, y), a, b) for a, b in zip(u, u[1:])) >= 0.45


def test_nakhchivans_label_point_is_inside_the_exclave(region):
    nakhchivan = maps.azerbaijan_parts(region)["nakhchivan"]
    assert rm.inside(nakhchivan, maps.interior_point(nakhchivan[0]))


def test_open_water_point_lies_in_no_country(region):
    parts = maps.azerbaijan_parts(region)
    east = (maps.centroid(parts["mainland"][0])[0], *maps.VIEW[1:])
    lon, lat = maps.open_water_point(region, east)
    assert east[0] < lon < east[2] and east[1] < lat < east[3]
    assert not any(rm.inside(p, (lon, lat)) for code in region.iso3 for p in maps.shapes(region, code))
    with pytest.raises(ValueError, match="no open water"):
        maps.open_water_point(region, (47.0, 40.0, 47.5, 40.5))  # inland Azerbaijan


# Charts.

def test_region_map_chart_is_small_with_fixed_colours(region):
    chart = maps.region_map_chart(region, outline=maps.close_up_box(region))
    assert maps.spec_size(chart) < 30_000
    spec = chart.to_dict()
    shapes_layer = spec["layer"][0]
    scale = shapes_layer["encoding"]["color"]["scale"]
    assert scale["range"] == [colours.COLOURS[n] for n in scale["domain"]]
    opacity = shapes_layer["encoding"]["opacity"]["scale"]
    assert opacity["domain"] == ["focus", "neighbour"] and opacity["range"][0] > opacity["range"][1]
    assert shapes_layer["mark"]["clip"] is True and spec["projection"]["type"] == "mercator"
    assert "values" in shapes_layer["data"]  # the shapes stay with their layer, out of the data tables


def test_region_map_chart_draws_borders_and_sea_names(region):
    parts = maps.azerbaijan_parts(region)
    run = maps.shared_border(parts["nakhchivan"][0], maps.shapes(region, "TUR"))[0]
    borders = pd.DataFrame([{"border": "Nakhchivan–Turkey", "order": i, "lon": x, "lat": y}
                            for i, (x, y) in enumerate(run)])
    sea = pd.DataFrame({"name": ["Caspian Sea"], "lon": [50.0], "lat": [42.0], "style": ["water"]})
    spec = maps.region_map_chart(region, borders=borders, extra_labels=sea).to_dict()
    lines = [layer for layer in spec["layer"] if layer.get("mark", {}).get("type") == "line"]
    assert len(lines) == 1 and lines[0]["mark"]["strokeWidth"] > 1
    texts = [layer for group in spec["layer"] for layer in group.get("layer", [])
             if isinstance(layer.get("mark"), dict) and layer["mark"].get("type") == "text"]
    assert any(t["mark"].get("fontStyle") == "italic" for t in texts)  # the sea's name
    records = [r for values in spec["datasets"].values() for r in values]
    assert {"Caspian Sea", "Nakhchivan–Turkey"} <= {r.get("name") or r.get("border") for r in records}
    labels = {r["name"]: r for r in records if "name" in r and "style" in r}
    assert labels["Caspian Sea"]["style"] == "water"  # the extra label keeps its style and size
    assert labels["Armenia"]["style"] == "land" and labels["Armenia"]["size"] > 0


def test_routes_chart_tooltips_name_the_milestones(region):
    routes = maps.schematic_routes(region)
    chart = maps.routes_chart(region, routes, milestones={maps.ROUTE_IRAN: "March 2022: memorandum"})
    spec = chart.to_dict()
    assert maps.spec_size(chart) < 30_000
    records = [r for values in spec["datasets"].values() for r in values if "milestones" in r]
    assert {r["milestones"] for r in records if r["route"] == maps.ROUTE_IRAN} == {"March 2022: memorandum"}
    labels = pd.DataFrame([r for values in spec["datasets"].values() for r in values if "name" in r])
    assert {"Nakhchivan", "Mainland Azerbaijan", "Armenia", "Iran"} <= set(labels.name)


def test_distance_km_is_the_great_circle_distance():
    assert maps.distance_km((0.0, 0.0), (1.0, 0.0)) == pytest.approx(111.195, abs=0.01)  # one degree on the equator
    assert maps.distance_km((45.0, 40.0), (45.0, 40.0)) == 0.0


def test_gap_is_a_few_tens_of_kilometres(region):
    assert 20 < maps.distance_km(*maps.gap_ends(region)) < 60
