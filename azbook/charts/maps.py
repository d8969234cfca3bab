"""Maps of the region drawn from the ``region_map`` table: small inline shapes, fixed colours, schematic routes.

The table keeps whole Natural Earth polygons (Russia and Iran reach far beyond the region), about
100 KB of coordinates. A chart needs far less, so the shapes are prepared here before they are
put inline in a spec:

1. each ring is clipped to the area shown plus a margin (Sutherland–Hodgman; the chart also sets
   ``clip=True``, so the cut edges are never seen);
2. simplified (Douglas–Peucker, ``tolerance`` in degrees, below a pixel at the book's width);
3. rounded (``decimals``); a ring that collapses or whose winding flips is dropped, since d3 would
   read a flipped ring as "the whole globe except this".

Nothing is invented: every position drawn is a position of the table, kept or dropped, and the
schematic routes are built only from points computed from the shapes (see :func:`schematic_routes`).

Typical use::

    from azbook.charts import maps
    from azbook.data.tables import load
    region = load("region_map")
    chart = maps.region_map_chart(region)            # the South Caucasus, neighbours lighter
    routes = maps.schematic_routes(region)           # two schematic lines across the Syunik gap
    close_up = maps.routes_chart(region, routes)     # a close-up of the gap with both routes
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from azbook.charts import colours
from azbook.data import countries
from azbook.data.datasets import region_map as rm

Position = tuple[float, float]
Ring = list[Position]
Polygon = list[Ring]
BBox = tuple[float, float, float, float]

#: The area the book's region map shows (lon_min, lat_min, lon_max, lat_max): the South Caucasus
#: with the edges of Russia, Turkey and Iran.
VIEW: BBox = (41.2, 37.4, 50.9, 43.6)
#: Countries drawn at full strength; the others keep their fixed colour but are drawn lighter.
FOCUS = ("Azerbaijan", "Armenia", "Iran")
FOCUS_OPACITY = 0.75
NEIGHBOUR_OPACITY = 0.22
#: Simplification defaults: 0.01 degree is about one kilometre, well below a pixel at 620 px wide.
TOLERANCE = 0.01
DECIMALS = 2
MARGIN = 0.5
#: Mean Earth radius (IUGG), for :func:`distance_km`.
EARTH_RADIUS_KM = 6371.0088

ROUTE_IRAN = "Through Iran (Aras)"
ROUTE_SYUNIK = "Through Syunik (TRIPP)"
ROUTES = (ROUTE_IRAN, ROUTE_SYUNIK)
ROUTE_DASH = {ROUTE_IRAN: [6, 3], ROUTE_SYUNIK: [1, 0]}
ROUTE_COLOUR = "#222222"
#: Fill of the view behind the land: the Caspian and Black Seas; and the colour of a sea's name.
WATER = "#eaf1f6"
WATER_LABEL = "#3d6f95"
#: A border picked out on a map (e.g. Nakhchivan's with Turkey).
BORDER_COLOUR = "#222222"


# --- plane geometry on lon/lat ------------------------------------------------------------------

def signed_area(ring: Sequence[Position]) -> float:
    """Shoelace area of a closed ring in square degrees; negative when clockwise (d3's exterior rings)."""
    return 0.5 * sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:]))


def centroid(ring: Sequence[Position]) -> Position:
    """Area centroid of a closed, simple ring (lon, lat), computed in the lon/lat plane."""
    a = signed_area(ring)
    if a == 0:
        raise ValueError("a ring with no area has no centroid")
    cx = sum((x1 + x2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / (6 * a)
    cy = sum((y1 + y2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / (6 * a)
    return (cx, cy)


def clip_ring(ring: Sequence[Position], bbox: BBox) -> Ring:
    """The ring clipped to a lon/lat box (Sutherland–Hodgman), closed; empty if nothing is inside.

    Winding order is kept. Parts outside the box become runs along its edges, which a chart
    with ``clip=True`` and a view inside the box never shows.
    """
    x0, y0, x1, y1 = bbox
    edges = (
        (lambda p: p[0] >= x0, lambda p, q: _cross_x(p, q, x0)),
        (lambda p: p[0] <= x1, lambda p, q: _cross_x(p, q, x1)),
        (lambda p: p[1] >= y0, lambda p, q: _cross_y(p, q, y0)),
        (lambda p: p[1] <= y1, lambda p, q: _cross_y(p, q, y1)),
    )
    points = [tuple(p) for p in ring[:-1]] if ring and tuple(ring[0]) == tuple(ring[-1]) else [tuple(p) for p in ring]
    for keep, cross in edges:
        if not points:
            break
        out: list[Position] = []
        prev = points[-1]
        for cur in points:
            if keep(cur):
                if not keep(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif keep(prev):
                out.append(cross(prev, cur))
            prev = cur
        points = out
    return [*points, points[0]] if len(points) >= 3 else []


def _cross_x(p: Position, q: Position, x: float) -> Position:
    t = (x - p[0]) / (q[0] - p[0])
    return (x, p[1] + t * (q[1] - p[1]))


def _cross_y(p: Position, q: Position, y: float) -> Position:
    t = (y - p[1]) / (q[1] - p[1])
    return (p[0] + t * (q[0] - p[0]), y)


def _segment_distance(p: Position, a: Position, b: Position) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == dy == 0:
        return math.dist(p, a)
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))


def simplify_ring(ring: Sequence[Position], tolerance: float) -> Ring:
    """Douglas–Peucker on a closed ring: drop vertices closer than ``tolerance`` (degrees) to the kept outline.

    The ring is split at its first vertex and the vertex farthest from it, so a closed ring keeps
    its extent; the result is closed and uses only the ring's own positions.
    """
    pts = [tuple(p) for p in ring]
    if len(pts) < 5 or tolerance <= 0:
        return pts
    far = max(range(len(pts) - 1), key=lambda i: math.dist(pts[0], pts[i]))
    keep = {0, far, len(pts) - 1}
    stack = [(0, far), (far, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        if j - i < 2:
            continue
        k, d = max(((k, _segment_distance(pts[k], pts[i], pts[j])) for k in range(i + 1, j)), key=lambda kd: kd[1])
        if d > tolerance:
            keep.add(k)
            stack += [(i, k), (k, j)]
    return [pts[i] for i in sorted(keep)]


def _round_ring(ring: Sequence[Position], decimals: int) -> Ring:
    out: Ring = []
    for x, y in ring:
        p = (round(x, decimals), round(y, decimals))
        if not out or out[-1] != p:
            out.append(p)
    return out


def prepare_polygons(polygons: Sequence[Polygon], *, bbox: BBox, tolerance: float = TOLERANCE,
                     decimals: int = DECIMALS) -> list[Polygon]:
    """Clip, simplify and round polygons for a chart; drop rings that vanish or change winding.

    A polygon whose exterior ring is dropped is dropped whole (its holes with it).
    """
    out = []
    for polygon in polygons:
        rings = []
        for i, ring in enumerate(polygon):
            clipped = clip_ring(ring, bbox)
            if not clipped:
                if i == 0:
                    break
                continue
            small = _round_ring(simplify_ring(clipped, tolerance), decimals)
            before, after = signed_area(clipped), signed_area(small)
            if len(small) < 4 or after == 0 or (before > 0) != (after > 0):
                if i == 0:
                    break
                continue
            rings.append([list(p) for p in small])
        if rings:
            out.append(rings)
    return out


def _expand(bbox: BBox, margin: float) -> BBox:
    return (bbox[0] - margin, bbox[1] - margin, bbox[2] + margin, bbox[3] + margin)


# --- the table's shapes ----------------------------------------------------------------------------

def shapes(region_map: pd.DataFrame, iso3: str) -> list[Polygon]:
    """One country's polygons as lists of rings of (lon, lat) tuples."""
    row = region_map.loc[region_map.iso3 == iso3]
    if row.empty:
        raise KeyError(f"{iso3} is not in the region_map table")
    coords = json.loads(row.geometry_geojson.iloc[0])["coordinates"]
    return [[[tuple(p) for p in ring] for ring in polygon] for polygon in coords]


def map_features(region_map: pd.DataFrame, *, bbox: BBox = VIEW, margin: float = MARGIN,
                 tolerance: float = TOLERANCE, decimals: int = DECIMALS,
                 iso3: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """GeoJSON Features (``properties``: iso3, name) of the countries inside ``bbox``, small enough to inline.

    Shapes are clipped to ``bbox`` widened by ``margin`` degrees, simplified and rounded
    (:func:`prepare_polygons`). Countries with nothing left in the box are left out.
    """
    feats = []
    for code in iso3 or list(region_map.iso3):
        polygons = prepare_polygons(shapes(region_map, code), bbox=_expand(bbox, margin), tolerance=tolerance,
                                    decimals=decimals)
        if polygons:
            feats.append({"type": "Feature", "id": code, "properties": {"iso3": code, "name": countries.name(code)},
                          "geometry": {"type": "MultiPolygon", "coordinates": polygons}})
    return feats


def azerbaijan_parts(region_map: pd.DataFrame) -> dict[str, Polygon]:
    """Mainland Azerbaijan (the largest polygon) and Nakhchivan (the next largest), checked by location.

    The check uses the table's own test points: Baku inside the mainland, Nakhchivan city inside
    the exclave and not in the mainland.
    """
    polygons = sorted(shapes(region_map, "AZE"), key=lambda p: abs(signed_area(p[0])), reverse=True)
    if len(polygons) < 2:
        raise ValueError("Azerbaijan's shapes hold no separate Nakhchivan polygon")
    mainland, nakhchivan = polygons[0], polygons[1]
    if not rm.inside(mainland, rm.BAKU) or not rm.inside(nakhchivan, rm.NAKHCHIVAN) or rm.inside(mainland, rm.NAKHCHIVAN):
        raise ValueError("Azerbaijan's two largest polygons are not the mainland and Nakhchivan")
    return {"mainland": mainland, "nakhchivan": nakhchivan}


def gap_ends(region_map: pd.DataFrame) -> tuple[Position, Position]:
    """The two ends of the land gap on the Aras between Nakhchivan and mainland Azerbaijan.

    West end: Nakhchivan's easternmost vertex (where it meets Armenia on the Iranian border);
    east end: the vertex of the mainland's outline nearest to it. Between them lies Armenia's
    southern strip, and south of the river, Iran.
    """
    parts = azerbaijan_parts(region_map)
    west = max(parts["nakhchivan"][0], key=lambda p: p[0])
    east = min(parts["mainland"][0], key=lambda p: math.dist(p, west))
    return west, east


def distance_km(a: Position, b: Position) -> float:
    """Great-circle distance between two (lon, lat) positions in kilometres (haversine, mean Earth radius)."""
    (lon1, lat1), (lon2, lat2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def _bezier(a: Position, c: Position, b: Position, steps: int) -> list[Position]:
    return [((1 - t) ** 2 * a[0] + 2 * (1 - t) * t * c[0] + t * t * b[0],
             (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * c[1] + t * t * b[1])
            for t in (i / steps for i in range(steps + 1))]


def schematic_routes(region_map: pd.DataFrame, *, bend: float = 0.5, steps: int = 12) -> pd.DataFrame:
    """Two schematic lines across the gap: one bowing north into Armenia, one bowing south into Iran.

    Each is a quadratic curve from :func:`gap_ends`'s west end to its east end, its control point
    set off the midpoint, perpendicular to the gap, by ``bend`` times the gap's length. The curves
    show which country a route crosses, not its alignment. Which side is Armenia and which Iran is
    tested on the shapes (the control points must lie inside them).

    Columns: route, order, lon, lat.
    """
    west, east = gap_ends(region_map)
    mid = ((west[0] + east[0]) / 2, (west[1] + east[1]) / 2)
    dx, dy = east[0] - west[0], east[1] - west[1]
    normal = (-dy * bend, dx * bend)  # to the left of west->east: north for a west-east gap
    north = (mid[0] + normal[0], mid[1] + normal[1])
    south = (mid[0] - normal[0], mid[1] - normal[1])
    armenia, iran = shapes(region_map, "ARM"), shapes(region_map, "IRN")
    if not any(rm.inside(p, north) for p in armenia) or not any(rm.inside(p, south) for p in iran):
        raise ValueError("the schematic bends do not fall in Armenia (north) and Iran (south)")
    rows = [{"route": route, "order": i, "lon": round(x, 4), "lat": round(y, 4)}
            for route, control in ((ROUTE_SYUNIK, north), (ROUTE_IRAN, south))
            for i, (x, y) in enumerate(_bezier(west, control, east, steps))]
    return pd.DataFrame(rows)


def shared_border(ring: Sequence[Position], polygons: Sequence[Polygon]) -> list[Ring]:
    """The stretches of ``ring`` that it shares with ``polygons``: runs of two or more consecutive
    vertices of the ring that are also vertices of the other shapes.

    The table's countries come from one topology (world-atlas), so neighbours share their border
    vertices exactly; nothing is matched by distance. Returns a list of polylines, each a list of
    (lon, lat) positions of the ring, in the ring's order (a run through its closing vertex is kept
    whole).
    """
    theirs = {tuple(p) for polygon in polygons for r in polygon for p in r}
    pts = [tuple(p) for p in ring]
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts = pts[:-1]
    on = [p in theirs for p in pts]
    if all(on):
        return [[*pts, pts[0]]] if pts else []
    start = on.index(False)  # rotate so that no run wraps past the end
    pts, on = pts[start:] + pts[:start], on[start:] + on[:start]
    runs: list[Ring] = []
    current: Ring = []
    for p, shared in zip(pts, on):
        if shared:
            current.append(p)
        else:
            if len(current) >= 2:
                runs.append(current)
            current = []
    if len(current) >= 2:
        runs.append(current)
    return runs


def interior_point(ring: Sequence[Position], *, steps: int = 60) -> Position:
    """The point inside a closed ring farthest from its outline (its "pole of inaccessibility"),
    searched on a grid of ``steps`` × ``steps`` points over the ring's extent.

    Better than the centroid for placing a name in an irregular or bent shape: the name sits
    where the shape is widest. Distances are measured to the ring's edges in the lon/lat plane.
    """
    pts = [tuple(p) for p in ring]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    best, best_d = None, -1.0
    for i in range(1, steps):
        for j in range(1, steps):
            point = (x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * j / steps)
            if not rm.inside([list(pts)], point):
                continue
            d = min(_segment_distance(point, a, b) for a, b in zip(pts, pts[1:]))
            if d > best_d:
                best, best_d = point, d
    if best is None:
        raise ValueError("no grid point falls inside the ring")
    return (round(best[0], 4), round(best[1], 4))


def open_water_point(region_map: pd.DataFrame, bbox: BBox, *, step: float = 0.05) -> Position:
    """A point of open water inside ``bbox`` for a sea's name: of a grid of points ``step`` degrees
    apart, the one farthest from both every country's outline and the edges of the box.

    Only the table's shapes are used: the point lies in no country and as deep in the water of
    the box as the grid allows, so a name centred there stays on the water and inside the view.
    ``ValueError`` if the box holds no water.
    """
    x0, y0, x1, y1 = bbox
    land = [prepare_polygons(shapes(region_map, code), bbox=_expand(bbox, 2.0), tolerance=TOLERANCE, decimals=3)
            for code in region_map.iso3]
    polygons = [polygon for country in land for polygon in country]
    vertices = np.array([p for polygon in polygons for p in polygon[0]], dtype=float)
    nx, ny = int(round((x1 - x0) / step)), int(round((y1 - y0) / step))
    # The grid in the order the search visits it (x outer, y inner), so ties go to the first point.
    px = np.repeat([round(x0 + i * step, 4) for i in range(1, nx)], max(ny - 1, 0))
    py = np.tile([round(y0 + j * step, 4) for j in range(1, ny)], max(nx - 1, 0))
    land_mask = np.zeros(px.shape, dtype=bool)
    for polygon in polygons:
        land_mask |= _inside_many(polygon, px, py)
    edge = np.minimum.reduce([px - x0, x1 - px, py - y0, y1 - py])
    nearest = np.full(px.shape, np.inf)
    for chunk in range(0, len(vertices), 512):  # points x vertices, in slices that stay small
        v = vertices[chunk:chunk + 512]
        nearest = np.minimum(nearest, np.hypot(px[:, None] - v[:, 0], py[:, None] - v[:, 1]).min(axis=1))
    depth = np.where(land_mask, -np.inf, np.minimum(edge, nearest))
    if not len(depth) or not np.isfinite(depth.max()):
        raise ValueError(f"no open water in the box {bbox}")
    best = int(np.argmax(depth))
    return (float(px[best]), float(py[best]))


def _inside_many(polygon: Polygon, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """For each point, whether it lies in the polygon: :func:`azbook.data.datasets.region_map.inside`
    (ray casting, the same arithmetic) over arrays of points at once."""
    def in_ring(ring: Sequence[Position]) -> np.ndarray:
        r = np.asarray(ring, dtype=float)
        (ax, ay), (bx, by) = r[:-1].T, r[1:].T
        with np.errstate(divide="ignore", invalid="ignore"):  # horizontal edges never cross (first test)
            cross = ((ay > ys[:, None]) != (by > ys[:, None])) & (
                xs[:, None] < ax + (ys[:, None] - ay) * (bx - ax) / (by - ay))
        return cross.sum(axis=1) % 2 == 1
    hit = in_ring(polygon[0])
    for hole in polygon[1:]:
        hit &= ~in_ring(hole)
    return hit


def label_points(features: list[dict[str, Any]], bbox: BBox) -> pd.DataFrame:
    """A label position per country: the centroid of its largest piece inside ``bbox``.

    Columns: name, lon, lat.
    """
    rows = []
    for f in features:
        pieces = [clip_ring(p[0], bbox) for p in f["geometry"]["coordinates"]]
        pieces = [p for p in pieces if p and signed_area(p) != 0]
        if pieces:
            lon, lat = centroid(max(pieces, key=lambda r: abs(signed_area(r))))
            rows.append({"name": f["properties"]["name"], "lon": round(lon, 3), "lat": round(lat, 3)})
    return pd.DataFrame(rows, columns=["name", "lon", "lat"])


def close_up_box(region_map: pd.DataFrame, *, span: float = 2.0) -> BBox:
    """A box centred on the gap, ``span`` gap-lengths each side east-west and a little less north-south."""
    west, east = gap_ends(region_map)
    cx, cy = (west[0] + east[0]) / 2, (west[1] + east[1]) / 2
    half = span * math.dist(west, east)
    return (cx - half, cy - 0.6 * half, cx + half, cy + 0.6 * half)


# --- charts ------------------------------------------------------------------------------------------

def _fit(bbox: BBox) -> dict[str, Any]:
    return rm.fit_feature(tuple(round(v, 4) for v in bbox))


class _SharedShapes(alt.InlineData):
    """Inline shapes that copies of a chart share instead of copying.

    Altair deep-copies a chart's every part each time it is layered or given properties; for the
    thousands of coordinates of a map that was most of a chapter's chart-building time. The
    shapes are never changed after they are made, so sharing them is safe.
    """

    def __deepcopy__(self, memo: Any = None) -> _SharedShapes:
        return self


def _countries_layer(feats: list[dict[str, Any]], focus: Sequence[str]) -> alt.Chart:
    names = [n for n in colours.COLOURS if n in {f["properties"]["name"] for f in feats}]
    values = [{**f, "properties": {**f["properties"], "role": "focus" if f["properties"]["name"] in focus else "neighbour"}}
              for f in feats]
    # A named inline dataset stays with its layer: the shapes are drawn but not listed in the
    # chart's data tables (the text alternative), where thousands of coordinates would help no one.
    name = "shapes-" + hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()[:10]
    return alt.Chart(_SharedShapes(values=values, name=name)).mark_geoshape(clip=True, stroke="white", strokeWidth=0.8).encode(
        color=alt.Color("properties.name:N", scale=colours.colour_scale(names), legend=None),
        opacity=alt.Opacity("properties.role:N", scale=alt.Scale(domain=["focus", "neighbour"],
                                                                  range=[FOCUS_OPACITY, NEIGHBOUR_OPACITY]), legend=None),
        tooltip=[alt.Tooltip("properties.name:N", title="Country")],
    )


def _labels_layer(labels: pd.DataFrame, size: int = 12) -> alt.LayerChart:
    """Place names with a white halo (a stroked copy underneath), readable on any fill or line.

    A name of several words is set on several lines (e.g. "Mainland / Azerbaijan"), to stay inside small views.
    Optional columns: ``size`` (font size of that name) and ``style`` ("water": a sea's name, in
    blue italics without a halo).
    """
    if "size" not in labels and "style" not in labels:  # every name alike
        base = alt.Chart(labels).encode(longitude="lon:Q", latitude="lat:Q", text="name:N")
        style = {"fontSize": size, "fontWeight": "bold", "clip": True, "lineBreak": " "}
        return alt.layer(base.mark_text(**style, stroke="white", strokeWidth=3, strokeOpacity=0.8, color="white"),
                         base.mark_text(**style, color="#222222"))
    data = labels.assign(size=labels["size"].fillna(size) if "size" in labels else size,
                         style=labels["style"].fillna("land") if "style" in labels else "land")
    base = alt.Chart(data).encode(longitude="lon:Q", latitude="lat:Q", text="name:N",
                                  size=alt.Size("size:Q", scale=None, legend=None))
    style = {"fontWeight": "bold", "clip": True, "lineBreak": " "}
    land, water = base.transform_filter("datum.style != 'water'"), base.transform_filter("datum.style == 'water'")
    return alt.layer(land.mark_text(**style, stroke="white", strokeWidth=3, strokeOpacity=0.8, color="white"),
                     land.mark_text(**style, color="#222222"),
                     water.mark_text(clip=True, lineBreak=" ", fontStyle="italic", color=WATER_LABEL))


def region_map_chart(region_map: pd.DataFrame, *, bbox: BBox = VIEW, focus: Sequence[str] = FOCUS,
                     width: int = 380, height: int = 300, labels: bool = True,
                     extra_labels: pd.DataFrame | None = None, outline: BBox | None = None,
                     borders: pd.DataFrame | None = None) -> alt.LayerChart:
    """The region in a Mercator view fitted to ``bbox``: each country in its fixed colour, neighbours lighter.

    ``extra_labels`` (columns name, lon, lat; optional size, style as in :func:`_labels_layer`) adds
    place names; ``outline`` draws a box (e.g. the area of a close-up); ``borders`` (columns border,
    order, lon, lat, e.g. from :func:`shared_border`) draws stretches of border as thick dark lines,
    named in the tooltip. The shapes are prepared by :func:`map_features` (small inline data).
    """
    feats = map_features(region_map, bbox=bbox)
    layers: list[alt.Chart] = [_countries_layer(feats, focus)]
    if borders is not None:
        layers.append(alt.Chart(borders).mark_line(color=BORDER_COLOUR, strokeWidth=4, strokeCap="round").encode(
            longitude="lon:Q", latitude="lat:Q", order="order:Q", detail="border:N",
            tooltip=[alt.Tooltip("border:N", title="Border")]))
    if outline is not None:
        x0, y0, x1, y1 = outline
        box = pd.DataFrame({"order": range(5), "lon": [x0, x1, x1, x0, x0], "lat": [y0, y0, y1, y1, y0]}).round(4)
        layers.append(alt.Chart(box).mark_line(color="#222222", strokeWidth=1.2, strokeDash=[3, 2]).encode(
            longitude="lon:Q", latitude="lat:Q", order="order:Q"))
    if labels:
        names = label_points(feats, bbox)
        if extra_labels is not None:
            keep = [c for c in ("name", "lon", "lat", "size", "style") if c in extra_labels]
            names = pd.concat([names, extra_labels[keep]], ignore_index=True)
        layers.append(_labels_layer(names))
    return alt.layer(*layers).project(type="mercator", fit=_fit(bbox)).properties(
        width=width, height=height, view=alt.ViewBackground(fill=WATER, stroke=None))


def routes_chart(region_map: pd.DataFrame, routes: pd.DataFrame, *, bbox: BBox | None = None,
                 focus: Sequence[str] = FOCUS, milestones: dict[str, str] | None = None,
                 width: int = 300, height: int = 300) -> alt.LayerChart:
    """A close-up of the gap with the schematic routes of :func:`schematic_routes`, dashed by route.

    ``milestones`` maps a route to a short text (its dated milestones) shown in the route's tooltip.
    Place names come from the shapes: "Nakhchivan" and "Mainland Azerbaijan" at the centroids of
    their parts inside the box, the other countries at theirs.
    """
    bbox = bbox or close_up_box(region_map)
    feats = map_features(region_map, bbox=bbox, margin=0.2, tolerance=TOLERANCE / 2, decimals=DECIMALS + 1,
                         iso3=["AZE", "ARM", "IRN", "TUR"])
    parts = azerbaijan_parts(region_map)
    names = label_points([f for f in feats if f["id"] != "AZE"], bbox)
    for name, part in (("Nakhchivan", parts["nakhchivan"]), ("Mainland Azerbaijan", parts["mainland"])):
        ring = clip_ring(part[0], bbox)
        if ring:
            lon, lat = centroid(ring)
            names.loc[len(names)] = {"name": name, "lon": round(lon, 3), "lat": round(lat, 3)}
    notes = milestones or {}
    data = routes.assign(milestones=routes.route.map(lambda r: notes.get(r, "")))
    dash = alt.StrokeDash("route:N", scale=alt.Scale(domain=list(ROUTES), range=[ROUTE_DASH[r] for r in ROUTES]),
                          legend=alt.Legend(title="Schematic route", orient="bottom", direction="vertical", labelLimit=0,
                                            symbolStrokeColor=ROUTE_COLOUR, symbolStrokeWidth=2.5))
    lines = alt.Chart(data).mark_line(color=ROUTE_COLOUR, strokeWidth=3, strokeCap="round").encode(
        longitude="lon:Q", latitude="lat:Q", order="order:Q", strokeDash=dash, detail="route:N",
        tooltip=[alt.Tooltip("route:N", title="Route"), alt.Tooltip("milestones:N", title="Milestones")])
    ends = data.query("order == 0 or order == @data.order.max()").drop_duplicates(["lon", "lat"])
    dots = alt.Chart(ends).mark_circle(color=ROUTE_COLOUR, size=45, opacity=1).encode(longitude="lon:Q", latitude="lat:Q")
    layers = [_countries_layer(feats, focus), lines, dots, _labels_layer(names, size=11)]
    return alt.layer(*layers).project(type="mercator", fit=_fit(bbox)).properties(
        width=width, height=height, view=alt.ViewBackground(fill=WATER, stroke=None))


def spec_size(chart: alt.TopLevelMixin) -> int:
    """Characters of the chart's Vega-Lite spec as compact JSON (its inline data included)."""
    return len(json.dumps(chart.to_dict(), separators=(",", ":")))
