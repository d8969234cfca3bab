"""The data build: all-or-nothing writes, reproducible bytes, located errors."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from azbook.data import build
from azbook.data.datasets import imf_dots
from azbook.paths import DATA_DIR
from conftest import rewrite


def snapshot(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    return folder


def test_build_writes_table_and_metadata(raw, tmp_path):
    target = tmp_path / "fresh"
    written = build.build_all(raw, target, only=["trade"])
    assert {p.name for p in written} == {"trade.csv", "trade.json"}
    assert not list(target.glob("*.tmp")), "no temporary file is left behind"


def test_build_is_reproducible(raw, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    build.build_all(raw, a, only=["trade"])
    build.build_all(raw, b, only=["trade"])
    assert snapshot(a) == snapshot(b)


def test_failed_build_leaves_data_untouched(raw, out):
    before = snapshot(out)
    rewrite(raw / imf_dots.RAW_FILE, lambda t: t.replace("2019,300.5", "2019,n/a"))
    assert build.main([str(raw), "--out", str(out)]) == 1
    assert snapshot(out) == before


def test_failure_message_names_file_row_column(raw, out, capsys):
    rewrite(raw / imf_dots.RAW_FILE, lambda t: t.replace("2019,300.5", "2019,n/a"))
    build.main([str(raw), "--out", str(out)])
    err = capsys.readouterr().err
    assert "nothing written" in err
    assert "dots_azerbaijan_reporter_or_partner_long.csv, row 2, column 'value'" in err


def test_missing_raw_folder(tmp_path, capsys):
    assert build.main([str(tmp_path / "nowhere")]) == 1
    assert "raw folder not found" in capsys.readouterr().err


def test_metadata_records_provenance(raw, tmp_path):
    import json

    build.build_all(raw, tmp_path, only=["trade"])
    meta = json.loads((tmp_path / "trade.json").read_text())
    source = meta["sources"][0]
    for key in ("publisher", "title", "path", "accessed", "release", "citation"):
        assert source[key], key
    assert meta["licenses"][0]["title"]
    assert meta["processing"]
    units = {f["name"]: f.get("unit") for f in meta["schema"]["fields"]}
    assert units["value_usd_millions"].startswith("US$ million")
    assert meta["schema"]["primaryKey"] == ["year", "reporter_iso3", "partner_iso3", "flow"]
