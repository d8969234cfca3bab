"""The region map reader: a tiny hand-made TopoJSON -> GeoJSON rows; broken files -> located errors."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import tarfile

import pandas as pd
import pytest

from azbook.data import build, tables
from azbook.data.datasets import region_map
from azbook.data.schema import DataError
from conftest import rewrite

DS = region_map.DATASET


@pytest.fixture(autouse=True)
def no_geo_env(monkeypatch):
    """Tests never see a maintainer's $AZBOOK_GEO."""
    monkeypatch.delenv(region_map.ENV_VAR, raising=False)


def path(raw):
    return raw / region_map.RAW_FILE


def built(raw) -> pd.DataFrame:
    return DS.validate(region_map.build(raw), "test")


def shape(df: pd.DataFrame, iso3: str) -> list:
    return json.loads(df.set_index("iso3").geometry_geojson[iso3])["coordinates"]


def edit(raw, transform) -> None:  # noqa: ANN001
    """Rewrite the fixture's parsed JSON."""
    topo = json.loads(path(raw).read_text(encoding="utf-8"))
    transform(topo)
    path(raw).write_text(json.dumps(topo), encoding="utf-8")


def test_builds_one_row_per_country(raw):
    df = built(raw)
    assert list(df.columns) == DS.columns
    assert list(df.iso3) == ["ARM", "AZE"]
    assert list(df.name) == ["Armenia", "Azerbaijan"]


def test_decodes_quantized_delta_arcs(raw):
    df = built(raw)
    main, nakhchivan = shape(df, "AZE")
    assert main == [[[46.0, 40.0], [46.0, 41.0], [50.0, 41.0], [50.0, 40.0], [46.0, 40.0]]]
    assert nakhchivan == [[[45.0, 38.9], [45.0, 39.6], [45.8, 39.6], [45.8, 38.9], [45.0, 38.9]]]


def test_reversed_shared_arc(raw):
    # Armenia's ring starts with arc ~0: Azerbaijan's western edge walked backwards.
    (armenia,) = shape(built(raw), "ARM")
    assert armenia == [[[46.0, 41.0], [46.0, 40.0], [44.5, 40.0], [44.5, 41.0], [46.0, 41.0]]]


def test_whole_polygons_outside_the_region_are_dropped(raw):
    aze = built(raw).set_index("iso3").loc["AZE"]
    assert (aze.polygons_in_source, aze.polygons_kept, aze.positions) == (3, 2, 10)
    assert (aze.lon_min, aze.lat_min, aze.lon_max, aze.lat_max) == (45.0, 38.9, 50.0, 41.0)


def test_coordinates_are_rounded(raw):
    edit(raw, lambda t: t["transform"].update(scale=[0.0100001, 0.01]))
    assert shape(built(raw), "AZE")[0][0][2] == [50.0, 41.0]


def test_nakhchivan_check_passes_on_good_fixture(raw):
    region_map.check_nakhchivan(built(raw))


def test_nakhchivan_outside_azerbaijan_is_rejected(raw):
    edit(raw, lambda t: t["arcs"][2][0].__setitem__(slice(None), [400, 210]))  # move the exclave next to Baku
    with pytest.raises(DataError, match=r"row 3, column 'geometry_geojson': no polygon of Azerbaijan holds Nakhchivan"):
        region_map.check_nakhchivan(built(raw))


def test_nakhchivan_merged_into_the_mainland_is_rejected(raw):
    def merge(t):  # one mainland polygon stretched over Nakhchivan, no exclave polygon
        t["arcs"][1] = [[200, 300], [400, 0], [0, -250], [-500, 0], [0, 150], [100, 0]]
        t["objects"]["countries"]["geometries"][0]["arcs"] = [[[0, 1]], [[3]]]
    edit(raw, merge)
    with pytest.raises(DataError, match=r"holds Nakhchivan \(45.4, 39.2\) apart from Baku's"):
        region_map.check_nakhchivan(built(raw))


def test_missing_countries_are_rejected(raw):
    with pytest.raises(DataError, match=r"column 'iso3': countries missing from the map: \['GEO', 'RUS', 'TUR', 'IRN'\]"):
        region_map.cross_checks(built(raw))


def test_cross_checks_pass_with_all_six(raw):
    df = built(raw)
    arm = df[df.iso3 == "ARM"]
    more = [arm.assign(iso3=c) for c in ("GEO", "RUS", "TUR", "IRN")]
    region_map.cross_checks(pd.concat([df, *more], ignore_index=True))


def test_oversized_geometry_is_rejected(raw, monkeypatch):
    monkeypatch.setattr(region_map, "MAX_GEOMETRY_CHARS", 100)
    df = built(raw)
    more = [df[df.iso3 == "ARM"].assign(iso3=c) for c in ("GEO", "RUS", "TUR", "IRN")]
    with pytest.raises(DataError, match=r"more than 100"):
        region_map.cross_checks(pd.concat([df, *more], ignore_index=True))


def test_round_trip_through_csv_and_load(raw, tmp_path):
    df = built(raw)
    target = tmp_path / "region_map.csv"
    target.write_text(build.to_csv_text(df), encoding="utf-8")
    back = tables.read_table(target, "region_map", check=False)
    assert back.geometry_geojson.tolist() == df.geometry_geojson.tolist()
    assert region_map.features(back)[1]["properties"] == {"iso3": "AZE", "name": "Azerbaijan"}


def test_features_and_fit_for_altair(raw):
    feats = region_map.features(built(raw))
    assert feats[0]["type"] == "Feature" and feats[0]["geometry"]["type"] == "MultiPolygon"
    fit = region_map.fit_feature()
    assert fit["geometry"]["coordinates"][0] == [36.0, 36.0] and fit["geometry"]["coordinates"][2] == [52.0, 45.0]


# Where the raw file is found.

def test_falls_back_to_azbook_geo(raw, tmp_path, monkeypatch):
    geo = tmp_path / "geo-cache"
    geo.mkdir()
    path(raw).rename(geo / region_map.FILE_NAME)
    monkeypatch.setenv(region_map.ENV_VAR, str(geo))
    assert list(built(raw).iso3) == ["ARM", "AZE"]


def test_missing_file_says_how_to_fetch(tmp_path):
    with pytest.raises(DataError, match=r"countries-50m.json: file not found, nor in \$AZBOOK_GEO \(not set\): run "
                                        r"`python -m azbook.data.datasets.region_map fetch"):
        region_map.build(tmp_path)


# Broken inputs: each names the file and the place in it (JSON path as column).

def test_missing_objects(raw):
    edit(raw, lambda t: t.pop("objects"))
    with pytest.raises(DataError, match=r"countries-50m.json, column 'objects': no 'objects' in the topology"):
        region_map.build(raw)


def test_missing_countries_object(raw):
    edit(raw, lambda t: t["objects"].update(countries=t["objects"].pop("countries") and None))
    with pytest.raises(DataError, match=r"column 'objects.countries': no geometry collection 'countries'"):
        region_map.build(raw)


def test_not_a_topology(raw):
    edit(raw, lambda t: t.update(type="FeatureCollection"))
    with pytest.raises(DataError, match=r"column 'type': not a TopoJSON Topology"):
        region_map.build(raw)


def test_bad_arcs_index(raw):
    rewrite(path(raw), lambda t: t.replace('"arcs":[[-1,4]]', '"arcs":[[-1,9]]'))
    with pytest.raises(DataError, match=r"column 'objects.countries.geometries\[1\].arcs': arc index 9 does not exist "
                                        r"\(the file has 5 arcs\)"):
        region_map.build(raw)


def test_arcs_that_do_not_join(raw):
    rewrite(path(raw), lambda t: t.replace('"arcs":[[-1,4]]', '"arcs":[[-1,2]]'))
    with pytest.raises(DataError, match=r"geometries\[1\].arcs': arc 2 does not start where the previous arc ends"):
        region_map.build(raw)


def test_ring_not_closed(raw):
    rewrite(path(raw), lambda t: t.replace('"arcs":[[-1,4]]', '"arcs":[[-1]]'))
    with pytest.raises(DataError, match=r"geometries\[1\].arcs': ring is not closed"):
        region_map.build(raw)


def test_wrong_type_in_arcs(raw):
    edit(raw, lambda t: t["arcs"][2][1].__setitem__(0, "70"))
    with pytest.raises(DataError, match=r"column 'arcs\[2\]': positions must be pairs of numbers"):
        region_map.build(raw)


def test_wrong_geometry_type(raw):
    edit(raw, lambda t: t["objects"]["countries"]["geometries"][1].update(type="Point"))
    with pytest.raises(DataError, match=r"column 'objects.countries.geometries\[1\].type': geometry type 'Point'"):
        region_map.build(raw)


def test_unknown_country_name_for_id(raw):
    rewrite(path(raw), lambda t: t.replace('"name":"Armenia"', '"name":"Albania"'))
    with pytest.raises(DataError, match=r"geometries\[1\].properties.name': id 051 is named 'Albania', expected 'Armenia'"):
        region_map.build(raw)


def test_no_country_of_the_region(raw):
    rewrite(path(raw), lambda t: t.replace('"id":"031"', '"id":"716"').replace('"id":"051"', '"id":"894"'))
    with pytest.raises(DataError, match=r"none of the region's countries"):
        region_map.build(raw)


def test_duplicate_key(raw):
    edit(raw, lambda t: t["objects"]["countries"]["geometries"].append(t["objects"]["countries"]["geometries"][1]))
    with pytest.raises(DataError, match=r"geometries\[2\].id': duplicate key: id 051 appears twice"):
        region_map.build(raw)


def test_empty_file(raw):
    path(raw).write_text("")
    with pytest.raises(DataError, match=r"file is empty"):
        region_map.build(raw)


def test_truncated_json(raw):
    rewrite(path(raw), lambda t: t[: t.index('"arcs":[[[200')])
    with pytest.raises(DataError, match=r"countries-50m.json, row 5, column 'character \d+': not valid JSON"):
        region_map.build(raw)


def test_wrong_encoding(raw):
    path(raw).write_bytes(path(raw).read_text(encoding="utf-8").encode("utf-16"))
    with pytest.raises(DataError, match=r"row 1: not valid utf-8"):
        region_map.build(raw)


# The maintainer's fetch step, with npm replaced by a fake (tests never download).

def fake_package(tmp_path, content: bytes):
    """A fake ``npm pack`` that writes a tarball holding ``content`` as countries-50m.json."""
    def run(cmd, cwd, capture_output, text, check):  # noqa: ANN001, ARG001
        dest = cmd[cmd.index("--pack-destination") + 1]
        with tarfile.open(f"{dest}/world-atlas-9.9.9.tgz", "w:gz") as tar:
            for name, data in (("package/countries-50m.json", content), ("package/LICENSE", b"ISC")):
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
        out = json.dumps([{"filename": "world-atlas-9.9.9.tgz", "integrity": "sha512-fake"}])
        return subprocess.CompletedProcess(cmd, 0, stdout=out, stderr="")
    return run


def test_fetch_extracts_and_checks(tmp_path, monkeypatch):
    content = b'{"type":"Topology"}'
    monkeypatch.setattr(region_map.subprocess, "run", fake_package(tmp_path, content))
    target = region_map.fetch(tmp_path / "geo", version="9.9.9", integrity="sha512-fake",
                              sha256=hashlib.sha256(content).hexdigest())
    assert target.read_bytes() == content
    assert (tmp_path / "geo" / "world-atlas-LICENSE").read_bytes() == b"ISC"


def test_fetch_refuses_a_changed_file(tmp_path, monkeypatch):
    monkeypatch.setattr(region_map.subprocess, "run", fake_package(tmp_path, b"{}"))
    with pytest.raises(RuntimeError, match="SHA-256"):
        region_map.fetch(tmp_path / "geo", version="9.9.9", integrity="sha512-fake", sha256="0" * 64)
    assert not (tmp_path / "geo").exists()


def test_fetch_cli_refuses_unpinned_integrity(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(region_map.subprocess, "run", fake_package(tmp_path, b"{}"))
    assert region_map.main(["fetch", str(tmp_path / "geo")]) == 1
    assert "integrity 'sha512-fake'" in capsys.readouterr().err
