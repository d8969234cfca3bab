"""The loader: committed tables come back typed and validated; broken ones are refused clearly."""

from __future__ import annotations

import shutil

import pytest

from azbook.data import datasets, tables
from azbook.paths import DATA_DIR
from azbook.data.schema import DataError


@pytest.mark.parametrize("name", sorted(datasets.REGISTRY))
def test_every_committed_table_loads_valid(name):
    df = tables.load(name)
    assert len(df) > 0
    assert list(df.columns) == datasets.get(name).columns
    meta = tables.metadata(name)
    assert meta["name"] == name and meta["source_line"].startswith("Source:")


def test_loaded_types_are_explicit():
    df = tables.load("trade")
    assert str(df.year.dtype) == "Int64"
    assert str(df.value_usd_millions.dtype) == "Float64"
    assert str(df.is_imf_estimate.dtype) == "boolean"


def test_load_returns_a_copy():
    a = tables.load("trade")
    a.loc[0, "value_usd_millions"] = -1.0
    assert tables.load("trade").loc[0, "value_usd_millions"] != -1.0


@pytest.fixture
def broken(tmp_path):
    target = tmp_path / "trade.csv"
    shutil.copy(DATA_DIR / "trade.csv", target)
    return target


def test_negative_value_is_refused(broken):
    lines = broken.read_text().splitlines()
    lines[3] = lines[3].replace(",exports_fob,from_azerbaijan,", ",exports_fob,from_azerbaijan,-").replace(",imports_cif,to_azerbaijan,", ",imports_cif,to_azerbaijan,-")
    broken.write_text("\n".join(lines) + "\n")
    with pytest.raises(DataError, match=r"trade.csv, row 4, column 'value_usd_millions'"):
        tables.read_table(broken, "trade")


def test_unknown_country_code_is_refused(broken):
    lines = broken.read_text().splitlines()
    lines[5] = lines[5].replace(",AZE,", ",XYZ,", 1)
    broken.write_text("\n".join(lines) + "\n")
    with pytest.raises(DataError, match=r"row 6, column 'reporter_iso3'"):
        tables.read_table(broken, "trade")


def test_duplicate_row_is_refused(broken):
    lines = broken.read_text().splitlines()
    broken.write_text("\n".join(lines + [lines[1]]) + "\n")
    with pytest.raises(DataError, match=r"duplicate key"):
        tables.read_table(broken, "trade")


def test_empty_value_is_refused(broken):
    lines = broken.read_text().splitlines()
    cells = lines[2].split(",")
    cells[7] = ""
    lines[2] = ",".join(cells)
    broken.write_text("\n".join(lines) + "\n")
    with pytest.raises(DataError, match=r"row 3, column 'value_usd_millions': empty value"):
        tables.read_table(broken, "trade")


def test_unknown_dataset_name():
    with pytest.raises(KeyError, match="no dataset 'nope'"):
        tables.load("nope")
