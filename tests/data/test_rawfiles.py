"""Readers of raw publisher files (azbook.data.rawfiles): every failure names file, row and column."""

from __future__ import annotations

import pytest

from azbook.data import rawfiles
from azbook.data.schema import DataError


def test_read_csv_keeps_strings_and_numbers_its_lines(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("\ufeffa,b\n1,x\n2,y\n", encoding="utf-8")
    df = rawfiles.read_csv(path, ["a", "b"])
    assert list(df.a) == ["1", "2"] and list(df.source_row) == [2, 3]


@pytest.mark.parametrize(("content", "message", "row"), [
    (b"", "file is empty", None),
    (b"a,b\n", "has a header but no data rows", 2),
    (b"a,c\n1,2\n", "header lacks column(s) ['b']", 1),
    (b"a,b\n1,\xff\n", "not valid utf-8 text", 2),
])
def test_read_csv_refuses_broken_files_with_their_place(tmp_path, content, message, row):
    path = tmp_path / "t.csv"
    path.write_bytes(content)
    with pytest.raises(DataError) as err:
        rawfiles.read_csv(path, ["a", "b"])
    assert message in err.value.message and err.value.row == row and err.value.file == str(path)


def test_missing_file_says_where_raw_should_point(tmp_path):
    with pytest.raises(DataError, match="file not found"):
        rawfiles.read_text(tmp_path / "nope.csv")


def test_parse_float_names_row_and_column(tmp_path):
    assert rawfiles.parse_float(tmp_path / "t.csv", 3, "v", "1,234.5") == 1234.5
    with pytest.raises(DataError) as err:
        rawfiles.parse_float(tmp_path / "t.csv", 3, "v", "n/a")
    assert (err.value.row, err.value.column) == (3, "v")
