"""``region_map``: country shapes of the South Caucasus and its neighbours, from Natural Earth.

Raw input: ``geo/world-atlas/countries-50m.json``, the TopoJSON of Natural Earth's 1:50m
Admin 0 countries (v4.1.0) as redistributed by the npm package ``world-atlas`` (pinned
version below). ``shared/raw`` holds no copy, so fetching it is a maintainer's batch step,
never part of the book or test build::

    python -m azbook.data.datasets.region_map fetch [DEST]     # default DEST: /tmp/azbook-geo
    export AZBOOK_GEO=/tmp/azbook-geo

``fetch`` runs ``npm pack world-atlas@<pinned>`` in a temporary folder, checks the package's
integrity and the file's SHA-256, and writes ``DEST/countries-50m.json`` (plus the package's
licence). The build reads ``RAW/geo/world-atlas/countries-50m.json`` when it exists and
otherwise ``$AZBOOK_GEO/countries-50m.json``.

The TopoJSON arcs are decoded in pure Python (quantization transform, delta decoding,
reversed arcs). There is no geometric clipping: a country keeps every whole polygon whose
bounding box meets the region's box (lon 36–52, lat 36–45) and loses the others, so Russia
keeps its whole mainland and Turkey loses Thrace. One row per country; the geometry is a
compact GeoJSON MultiPolygon string (coordinates rounded to 3 decimals). To draw it::

    import altair as alt
    from azbook.charts import colours
    from azbook.data import tables
    from azbook.data.datasets.region_map import features, fit_feature
    shapes = alt.Data(values=features(tables.load("region_map")))
    alt.Chart(shapes).mark_geoshape(clip=True, stroke="white").encode(
        color=alt.Color("properties.name:N", scale=colours.colour_scale(["Azerbaijan", ...]))
    ).project(type="mercator", fit=fit_feature())
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

from azbook.data import countries
from azbook.data.rawfiles import read_text
from azbook.data.schema import Dataset, DataError, Field, Source

RAW_FILE = "geo/world-atlas/countries-50m.json"
FILE_NAME = "countries-50m.json"
ENV_VAR = "AZBOOK_GEO"
DEFAULT_GEO_DIR = Path(tempfile.gettempdir()) / "azbook-geo"
PACKAGE = "world-atlas"
VERSION = "2.0.2"
INTEGRITY = "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=="
SHA256 = "04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394"
#: lon_min, lat_min, lon_max, lat_max of the region shown.
BBOX = (36.0, 36.0, 52.0, 45.0)
DECIMALS = 3
#: ISO3 -> (ISO 3166-1 numeric id used by world-atlas, Natural Earth's name).
REGION = {
    "AZE": ("031", "Azerbaijan"),
    "ARM": ("051", "Armenia"),
    "GEO": ("268", "Georgia"),
    "RUS": ("643", "Russia"),
    "TUR": ("792", "Turkey"),
    "IRN": ("364", "Iran"),
}
NAKHCHIVAN = (45.4, 39.2)
BAKU = (49.87, 40.41)
MAX_GEOMETRY_CHARS = 300_000

Position = tuple[float, float]
Ring = list[Position]
Polygon = list[Ring]


# --- reading and decoding TopoJSON -------------------------------------------------------------

def locate(raw: Path) -> Path:
    """The raw TopoJSON: under ``raw`` if present, else in the folder named by ``$AZBOOK_GEO``."""
    primary = Path(raw) / RAW_FILE
    if primary.exists():
        return primary
    folder = os.environ.get(ENV_VAR)
    if folder and (Path(folder) / FILE_NAME).exists():
        return Path(folder) / FILE_NAME
    raise DataError(primary, f"file not found, nor in ${ENV_VAR} ({folder or 'not set'}): run "
                    f"`python -m azbook.data.datasets.region_map fetch {DEFAULT_GEO_DIR}` and set "
                    f"{ENV_VAR}={DEFAULT_GEO_DIR}")


def read_topology(path: Path) -> dict[str, Any]:
    """The parsed TopoJSON, its top-level structure checked (errors name the JSON path as column)."""
    try:
        topo = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise DataError(path, f"not valid JSON: {exc.msg}", row=exc.lineno, column=f"character {exc.colno}") from None
    if not isinstance(topo, dict) or topo.get("type") != "Topology":
        raise DataError(path, "not a TopoJSON Topology (top-level 'type' must be 'Topology')", column="type")
    if not isinstance(topo.get("objects"), dict):
        raise DataError(path, "no 'objects' in the topology", column="objects")
    countries_obj = topo["objects"].get("countries")
    if not isinstance(countries_obj, dict) or not isinstance(countries_obj.get("geometries"), list):
        raise DataError(path, "no geometry collection 'countries' with 'geometries'", column="objects.countries")
    if not isinstance(topo.get("arcs"), list):
        raise DataError(path, "no 'arcs' list in the topology", column="arcs")
    return topo


class Arcs:
    """The topology's arcs, decoded on demand to absolute positions (quantized integers if transformed)."""

    def __init__(self, path: Path, topo: dict[str, Any]):
        self.path, self.arcs, self.cache = path, topo["arcs"], {}
        transform = topo.get("transform")
        try:
            self.scale = tuple(float(v) for v in transform["scale"]) if transform else (1.0, 1.0)
            self.translate = tuple(float(v) for v in transform["translate"]) if transform else (0.0, 0.0)
            assert len(self.scale) == len(self.translate) == 2
        except (KeyError, TypeError, ValueError, AssertionError):
            raise DataError(path, "transform needs 'scale' and 'translate', two numbers each", column="transform") from None
        self.quantized = transform is not None

    def decode(self, i: int) -> list[Position]:
        """Arc ``i`` as absolute positions (delta decoding when the topology is quantized)."""
        if i not in self.cache:
            x = y = 0
            out = []
            try:
                for pos in self.arcs[i]:
                    dx, dy = pos[0], pos[1]
                    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (dx, dy)):
                        raise TypeError
                    x, y = (x + dx, y + dy) if self.quantized else (dx, dy)
                    out.append((x, y))
            except (TypeError, IndexError, KeyError):
                raise DataError(self.path, "positions must be pairs of numbers", column=f"arcs[{i}]") from None
            if len(out) < 2:
                raise DataError(self.path, "an arc needs at least two positions", column=f"arcs[{i}]")
            self.cache[i] = out
        return self.cache[i]

    def ring(self, indexes: Any, where: str) -> Ring:
        """A closed ring in lon/lat from arc indexes (``~i`` = arc ``i`` reversed)."""
        if not isinstance(indexes, list) or not indexes:
            raise DataError(self.path, "a ring must be a non-empty list of arc indexes", column=where)
        points: list[Position] = []
        for k in indexes:
            if isinstance(k, bool) or not isinstance(k, int) or not -len(self.arcs) <= k < len(self.arcs):
                raise DataError(self.path, f"arc index {k!r} does not exist (the file has {len(self.arcs)} arcs)",
                                column=where)
            arc = self.decode(k) if k >= 0 else self.decode(~k)[::-1]
            if points and points[-1] != arc[0]:
                raise DataError(self.path, f"arc {k} does not start where the previous arc ends", column=where)
            points.extend(arc[1:] if points else arc)
        if len(points) < 4 or points[0] != points[-1]:
            raise DataError(self.path, "ring is not closed (first and last positions differ)", column=where)
        sx, sy = self.scale
        tx, ty = self.translate
        return [(x * sx + tx, y * sy + ty) for x, y in points]


def polygons(arcs: Arcs, geometry: dict[str, Any], where: str) -> list[Polygon]:
    """All polygons of a Polygon or MultiPolygon geometry object, decoded."""
    kind, parts = geometry.get("type"), geometry.get("arcs")
    if kind == "Polygon":
        parts = [parts]
    elif kind != "MultiPolygon":
        raise DataError(arcs.path, f"geometry type {kind!r}, expected Polygon or MultiPolygon", column=f"{where}.type")
    if not isinstance(parts, list) or not all(isinstance(p, list) and p for p in parts):
        raise DataError(arcs.path, "'arcs' must hold lists of rings", column=f"{where}.arcs")
    return [[arcs.ring(r, f"{where}.arcs") for r in p] for p in parts]


# --- the table -------------------------------------------------------------------------------------

def build(raw: Path) -> pd.DataFrame:
    """One row per country of the region that the TopoJSON holds, with its shapes near the region."""
    path = locate(raw)
    topo = read_topology(path)
    arcs = Arcs(path, topo)
    by_id = _geometries_by_id(path, topo["objects"]["countries"]["geometries"])
    records = [_record(arcs, iso3, *by_id[ne_id]) for iso3, (ne_id, _) in REGION.items() if ne_id in by_id]
    if not records:
        raise DataError(path, f"none of the region's countries (ids {[v[0] for v in REGION.values()]}) is in the file",
                        column="objects.countries.geometries")
    return _typed(pd.DataFrame.from_records(records))


def _geometries_by_id(path: Path, geometries: list) -> dict[str, tuple[str, dict]]:
    """Region geometries by numeric id, each with its JSON path; the Natural Earth name must match the id."""
    out = {}
    wanted = {ne_id: name for ne_id, name in REGION.values()}
    for i, g in enumerate(geometries):
        where = f"objects.countries.geometries[{i}]"
        ne_id = g.get("id") if isinstance(g, dict) else None
        if ne_id not in wanted:
            continue
        name = (g.get("properties") or {}).get("name")
        if name != wanted[ne_id]:
            raise DataError(path, f"id {ne_id} is named {name!r}, expected {wanted[ne_id]!r}", column=f"{where}.properties.name")
        if ne_id in out:
            raise DataError(path, f"duplicate key: id {ne_id} appears twice", column=f"{where}.id")
        out[ne_id] = (where, g)
    return out


def _record(arcs: Arcs, iso3: str, where: str, geometry: dict) -> dict:
    """The country's row: the polygons near the region, rounded, as a compact GeoJSON MultiPolygon."""
    all_polygons = polygons(arcs, geometry, where)
    kept = [p for p in (_rounded(p) for p in all_polygons if _intersects(_bounds(p[0]), BBOX)) if p]
    if not kept:
        raise DataError(arcs.path, f"{iso3} has no polygon inside the region {BBOX}", column=where)
    lon_min, lat_min, lon_max, lat_max = _bounds([pt for p in kept for pt in p[0]])
    return {
        "iso3": iso3,
        "name": countries.name(iso3),
        "ne_id": REGION[iso3][0],
        "ne_name": REGION[iso3][1],
        "polygons_in_source": len(all_polygons),
        "polygons_kept": len(kept),
        "positions": sum(len(r) for p in kept for r in p),
        "lon_min": lon_min, "lat_min": lat_min, "lon_max": lon_max, "lat_max": lat_max,
        "geometry_geojson": json.dumps({"type": "MultiPolygon", "coordinates": kept}, separators=(",", ":")),
    }


def _rounded(polygon: Polygon) -> Polygon:
    """Coordinates rounded to ``DECIMALS``; repeated positions removed; a ring that collapses is dropped."""
    rings = []
    for ring in polygon:
        out: Ring = []
        for x, y in ring:
            pt = (round(x, DECIMALS), round(y, DECIMALS))
            if not out or out[-1] != pt:
                out.append(pt)
        if len(out) >= 4:
            rings.append([list(pt) for pt in out])
        elif not rings:
            return []  # exterior ring collapsed: drop the polygon
    return rings


def _bounds(ring) -> tuple[float, float, float, float]:  # noqa: ANN001
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def _intersects(a: tuple, b: tuple) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _typed(out: pd.DataFrame) -> pd.DataFrame:
    return DATASET.typed(out)


# --- checks --------------------------------------------------------------------------------------

def inside(polygon: list, point: Position) -> bool:
    """Whether ``point`` lies in the polygon (inside its exterior ring, outside its holes); ray casting."""
    def in_ring(ring: list) -> bool:
        x, y, hit = point[0], point[1], False
        for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                hit = not hit
        return hit
    return in_ring(polygon[0]) and not any(in_ring(h) for h in polygon[1:])


def cross_checks(df: pd.DataFrame) -> None:
    """All six countries; Nakhchivan inside Azerbaijan as its own polygon; the table stays small."""
    where = f"data/{DATASET.name}.csv"
    missing = [iso3 for iso3 in REGION if iso3 not in set(df.iso3)]
    if missing:
        raise DataError(where, f"countries missing from the map: {missing}", column="iso3")
    check_nakhchivan(df)
    size = int(df.geometry_geojson.str.len().sum())
    if size > MAX_GEOMETRY_CHARS:
        raise DataError(where, f"geometries hold {size} characters, more than {MAX_GEOMETRY_CHARS}", column="geometry_geojson")


def check_nakhchivan(df: pd.DataFrame) -> None:
    """An Azerbaijani polygon holds Nakhchivan (45.4E 39.2N) and not Baku: the exclave is its own polygon."""
    where = f"data/{DATASET.name}.csv"
    aze = df[df.iso3 == "AZE"]
    if aze.empty:
        raise DataError(where, "no row for Azerbaijan", column="iso3")
    shapes = json.loads(aze.geometry_geojson.iloc[0])["coordinates"]
    if not any(inside(p, BAKU) for p in shapes):
        raise DataError(where, f"Baku {BAKU} is not inside Azerbaijan's shapes", row=int(aze.index[0]) + 2,
                        column="geometry_geojson")
    if not any(inside(p, NAKHCHIVAN) and not inside(p, BAKU) for p in shapes):
        raise DataError(where, f"no polygon of Azerbaijan holds Nakhchivan {NAKHCHIVAN} apart from Baku's",
                        row=int(aze.index[0]) + 2, column="geometry_geojson")


def coverage(df: pd.DataFrame) -> dict:
    return {"countries": sorted(df.name), "bbox_lon_lat": list(BBOX), "rows": len(df),
            "polygons_kept": int(df.polygons_kept.sum()), "positions": int(df.positions.sum()),
            "geometry_chars": int(df.geometry_geojson.str.len().sum())}


# --- for chart authors ----------------------------------------------------------------------------

def features(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The table as GeoJSON Features (``properties``: iso3, name) for ``alt.Data(values=...)``."""
    return [{"type": "Feature", "id": r.iso3, "properties": {"iso3": r.iso3, "name": r.name},
             "geometry": json.loads(r.geometry_geojson)} for r in df.itertuples(index=False)]


def fit_feature(bbox: tuple[float, float, float, float] = BBOX) -> dict[str, Any]:
    """The region's corners as a MultiPoint Feature, for ``.project(fit=...)`` (no winding-order trap)."""
    x0, y0, x1, y1 = bbox
    return {"type": "Feature", "properties": {},
            "geometry": {"type": "MultiPoint", "coordinates": [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]}}


# --- the maintainer's fetch step ----------------------------------------------------------------

def fetch(dest: Path = DEFAULT_GEO_DIR, *, version: str = VERSION, integrity: str = INTEGRITY,
          sha256: str = SHA256) -> Path:
    """Download ``world-atlas@version`` with ``npm pack`` and write ``dest/countries-50m.json``.

    Checks the registry's integrity string and the file's SHA-256 against the pinned values.
    Never called by the data build or the tests.
    """
    dest = Path(dest)
    with tempfile.TemporaryDirectory(prefix="azbook-npm-") as tmp:
        done = subprocess.run(["npm", "pack", f"{PACKAGE}@{version}", "--json", "--pack-destination", tmp],
                              cwd=tmp, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"npm pack {PACKAGE}@{version} failed: {done.stderr.strip()}")
        info = json.loads(done.stdout)[0]
        if info.get("integrity") != integrity:
            raise RuntimeError(f"{PACKAGE}@{version} integrity {info.get('integrity')!r}, expected {integrity!r}")
        with tarfile.open(Path(tmp) / info["filename"], "r:gz") as tar:
            data = tar.extractfile(f"package/{FILE_NAME}").read()
            licence = tar.extractfile("package/LICENSE").read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256:
        raise RuntimeError(f"{FILE_NAME} has SHA-256 {digest}, expected {sha256}")
    dest.mkdir(parents=True, exist_ok=True)
    (dest / f"{PACKAGE}-LICENSE").write_bytes(licence)
    target = dest / FILE_NAME
    tmp_target = dest / f".{FILE_NAME}.tmp"
    tmp_target.write_bytes(data)
    os.replace(tmp_target, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m azbook.data.datasets.region_map",
                                     description="Maintainer step: fetch the Natural Earth TopoJSON (world-atlas).")
    sub = parser.add_subparsers(dest="command", required=True)
    cmd = sub.add_parser("fetch", help=f"npm pack {PACKAGE}@{VERSION} and extract {FILE_NAME} into DEST")
    cmd.add_argument("dest", nargs="?", type=Path, default=DEFAULT_GEO_DIR, help=f"default: {DEFAULT_GEO_DIR}")
    args = parser.parse_args(argv)
    try:
        target = fetch(args.dest)
    except (RuntimeError, OSError) as exc:
        print(f"fetch failed: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {target}\nnow: export {ENV_VAR}={target.parent}")
    return 0


# --- the dataset ------------------------------------------------------------------------------------

NAMES = tuple(countries.name(c) for c in REGION)
DATASET = Dataset(
    name="region_map",
    column_titles={  # each column as a reader would head it, with its unit
        'iso3': 'ISO3 code',
        'name': 'Country',
        'ne_id': 'ISO numeric code',
        'ne_name': 'Natural Earth name',
        'polygons_in_source': 'Polygons in the source',
        'polygons_kept': 'Polygons kept',
        'positions': 'Coordinate positions',
        'lon_min': 'West edge, degrees east',
        'lat_min': 'South edge, degrees north',
        'lon_max': 'East edge, degrees east',
        'lat_max': 'North edge, degrees north',
        'geometry_geojson': 'Outline (GeoJSON)',
    },
    title="Country shapes of the South Caucasus and its neighbours (Natural Earth 1:50m)",
    description=(
        "Outlines of Azerbaijan (with Nakhchivan), Armenia, Georgia, Russia, Turkey and Iran for maps of the region "
        "(about 36–52°E, 36–45°N), one row per country, the shape as a GeoJSON MultiPolygon in longitude/latitude."
    ),
    fields=(
        Field("iso3", "str", "ISO3 code of the country", allowed=tuple(REGION)),
        Field("name", "str", "Display name of the country", allowed=NAMES),
        Field("ne_id", "str", "ISO 3166-1 numeric code, the id in world-atlas", pattern=r"^\d{3}$"),
        Field("ne_name", "str", "Name in Natural Earth / world-atlas"),
        Field("polygons_in_source", "int", "Polygons of the country in the source file", minimum=1),
        Field("polygons_kept", "int", "Polygons kept: those whose bounding box meets the region's box", minimum=1),
        Field("positions", "int", "Coordinate positions in the kept geometry", minimum=4),
        Field("lon_min", "float", "Westernmost longitude of the kept geometry", unit="degrees east", minimum=-180, maximum=180),
        Field("lat_min", "float", "Southernmost latitude of the kept geometry", unit="degrees north", minimum=-90, maximum=90),
        Field("lon_max", "float", "Easternmost longitude of the kept geometry", unit="degrees east", minimum=-180, maximum=180),
        Field("lat_max", "float", "Northernmost latitude of the kept geometry", unit="degrees north", minimum=-90, maximum=90),
        Field("geometry_geojson", "str", "GeoJSON MultiPolygon (compact JSON, WGS84 lon/lat rounded to 3 decimals, "
              "d3 winding order as in world-atlas)", pattern=r'^\{"type":"MultiPolygon","coordinates":\[\[\[\['),
    ),
    key=("iso3",),
    sources=(
        Source(
            publisher="Natural Earth (data); Mike Bostock, world-atlas npm package (TopoJSON conversion)",
            dataset="World Atlas TopoJSON, countries-50m.json: Natural Earth 1:50m Admin 0 – Countries, version 4.1.0",
            release=f"world-atlas {VERSION} (npm, {INTEGRITY}); countries-50m.json SHA-256 {SHA256}",
            released="2018",
            url=f"https://www.npmjs.com/package/world-atlas/v/{VERSION}",
            accessed="2026-11-28",
            licence="Natural Earth: public domain; world-atlas package: ISC licence",
            attribution="Made with Natural Earth. TopoJSON conversion: world-atlas by Mike Bostock",
            citation="Natural Earth (2018). Admin 0 – Countries, 1:50m, version 4.1.0. https://www.naturalearthdata.com/ ; "
                     f"Bostock, M. world-atlas {VERSION} (TopoJSON). https://github.com/topojson/world-atlas",
            raw_files=(RAW_FILE,),
        ),
    ),
    processing=(
        f"Fetched once by a maintainer with `python -m azbook.data.datasets.region_map fetch` (npm pack {PACKAGE}@{VERSION}; "
        "integrity and SHA-256 checked); the build reads RAW/geo/world-atlas/countries-50m.json, else "
        f"${ENV_VAR}/countries-50m.json, and never downloads.",
        "Selected the geometries with ids 031 Azerbaijan, 051 Armenia, 268 Georgia, 643 Russia, 792 Turkey, 364 Iran "
        "(the Natural Earth name must match the id).",
        "Decoded the TopoJSON arcs: delta decoding of the quantized positions, the transform's scale and translate, "
        "reversed arcs for negative indexes; checked that arcs join and rings close.",
        f"No geometric clipping: kept each whole polygon whose exterior ring's bounding box meets lon {BBOX[0]:g}–{BBOX[2]:g}, "
        f"lat {BBOX[1]:g}–{BBOX[3]:g}; dropped the others (e.g. Turkey's Thrace, Russia's Pacific and Arctic islands).",
        f"Rounded coordinates to {DECIMALS} decimals (finer than the file's quantization step) and removed repeated "
        "positions; wrote each country as one compact GeoJSON MultiPolygon, winding order unchanged.",
        "Checks: all six countries present; one Azerbaijani polygon holds Nakhchivan (45.4E 39.2N) and not Baku; "
        f"geometries under {MAX_GEOMETRY_CHARS} characters.",
    ),
    build=build,
    source_line="Source: Natural Earth 1:50m (public domain), via world-atlas",
    cross_checks=cross_checks,
    coverage=coverage,
    notes=(
        "Natural Earth draws de facto boundaries: Crimea is part of Russia's shape (a separate polygon, kept because it "
        "reaches 36.6E), Abkhazia and South Ossetia are inside Georgia, and Karabakh inside Azerbaijan. Say so in a "
        "map's caption where it matters.",
        "Russia and Iran keep their whole polygons, far beyond the region: fit the projection to the region "
        "(project(fit=fit_feature())) and set mark_geoshape(clip=True) instead of letting the shapes set the extent.",
        "Rings follow d3's winding order (as world-atlas): do not rewind them for Vega/Altair.",
    ),
)

DATASETS = (DATASET,)


if __name__ == "__main__":
    sys.exit(main())
