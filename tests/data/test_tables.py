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


def set_cell(path, index, column, value):
    """Rewrite one cell of a CSV: line ``index`` (0 = header), column number ``column``."""
    lines = path.read_text().splitlines()
    cells = lines[index].split(",")
    cells[column] = value if not callable(value) else value(cells[column])
    lines[index] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n")


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
    set_cell(broken, 2, 7, "")
    with pytest.raises(DataError, match=r"row 3, column 'value_usd_millions': empty value"):
        tables.read_table(broken, "trade")


def test_unknown_dataset_name():
    with pytest.raises(KeyError, match="no dataset 'nope'"):
        tables.load("nope")


# What `make data` wrote is recorded in each table's metadata; a table edited by hand is refused.


@pytest.fixture
def pair(tmp_path):
    """A copy of the committed trade table with its metadata beside it."""
    for suffix in (".csv", ".json"):
        shutil.copy(DATA_DIR / f"trade{suffix}", tmp_path / f"trade{suffix}")
    return tmp_path / "trade.csv"


def test_the_copy_with_its_metadata_loads(pair):
    assert len(tables.read_table(pair, "trade")) == tables.metadata("trade")["rows"]


def test_a_deleted_row_is_refused_with_its_row(pair):
    lines = pair.read_text().splitlines()
    del lines[10]
    pair.write_text("\n".join(lines) + "\n")
    with pytest.raises(DataError, match=r"trade.csv, row 11: 1 row\(s\) deleted at row 11 .*changed outside `make data`"):
        tables.read_table(pair, "trade")


def test_a_changed_value_is_refused_with_its_row_and_column(pair):
    set_cell(pair, 7, 7, lambda v: str(float(v) * 100))
    with pytest.raises(DataError, match=r"trade.csv, row 8, column 'value_usd_millions': differs from the row `make data` wrote"):
        tables.read_table(pair, "trade")


def test_an_added_row_is_refused(pair):
    import json

    from azbook.data import build

    full = pair.read_text()
    lines = full.splitlines()
    meta = pair.with_suffix(".json")
    shorter = "\n".join(lines[:10] + lines[11:]) + "\n"
    meta.write_text(build.metadata_text(build.with_integrity(json.loads(meta.read_text()), shorter)))
    with pytest.raises(DataError, match=r"row 11: 1 row\(s\) added at row 11"):
        tables.read_table(pair, "trade")


@pytest.mark.parametrize(
    "mangle, message",
    [
        (lambda b: b"\xef\xbb\xbf" + b, r"row 1: starts with a byte-order mark"),
        (lambda b: b.replace(b"\n", b"\r\n"), r"row 1: has CRLF \(Windows\) line ends"),
        (lambda b: b.replace(b"Russia", b"Russ\xe9a", 1), r"row \d+, column 'partner': byte \d+ is not valid UTF-8"),
        (lambda b: b"", r"file is empty"),
    ],
    ids=["bom", "crlf", "latin-1", "empty"],
)
def test_bytes_make_data_never_writes_are_refused(pair, mangle, message):
    pair.write_bytes(mangle(pair.read_bytes()))
    with pytest.raises(DataError, match=message):
        tables.read_table(pair, "trade")


def test_a_non_numeric_value_names_line_and_column(pair):
    set_cell(pair, 48, 7, "n/a")
    with pytest.raises(DataError, match=r"trade.csv, row 49, column 'value_usd_millions': 'n/a' is not a number"):
        tables.read_table(pair, "trade")


def test_truncated_metadata_names_the_file(pair):
    meta = pair.with_suffix(".json")
    meta.write_text(meta.read_text()[:200])
    with pytest.raises(DataError, match=r"trade.json, row \d+: not valid JSON .*truncated"):
        tables.read_table(pair, "trade")


def test_missing_metadata_names_the_file(pair):
    pair.with_suffix(".json").unlink()
    with pytest.raises(DataError, match=r"trade.json: metadata file not found"):
        tables.read_table(pair, "trade")


def test_metadata_without_the_integrity_record_is_refused(pair):
    import json

    meta = pair.with_suffix(".json")
    record = json.loads(meta.read_text())
    del record["hash"]
    meta.write_text(json.dumps(record))
    with pytest.raises(DataError, match=r"trade.json: records no 'hash' of trade.csv"):
        tables.read_table(pair, "trade")
