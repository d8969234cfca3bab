"""The IMF DOTS reader: good fixture -> tidy trade table; broken fixtures -> located errors."""

from __future__ import annotations

import pytest

from azbook.data.datasets import imf_dots
from azbook.data.schema import DataError
from conftest import drop_column, rewrite


def path(raw):
    return raw / imf_dots.RAW_FILE


def test_builds_tidy_table(raw):
    df = imf_dots.DATASET.validate(imf_dots.build(raw), "test")
    assert list(df.columns) == imf_dots.DATASET.columns
    # Turkmenistan and Afghanistan are not kept; Azerbaijan's own and partners' reports are.
    assert set(df.partner_iso3) | set(df.reporter_iso3) <= {"AZE", "RUS", "TUR", "IRN", "WLD"}
    row = df[(df.reporter_iso3 == "IRN") & (df.partner_iso3 == "AZE")].iloc[0]
    assert row.value_usd_millions == pytest.approx(111.55)
    assert bool(row.is_imf_estimate) is True
    assert row.direction == "to_azerbaijan"  # Iran's exports go to Azerbaijan
    tr = df[(df.reporter_iso3 == "TUR") & (df.flow == "imports_cif")].iloc[0]
    assert tr.direction == "from_azerbaijan"
    az = df[(df.reporter_iso3 == "AZE") & (df.partner_iso3 == "TUR")].iloc[0]
    assert (az.flow, az.direction, az.is_imf_estimate) == ("exports_fob", "from_azerbaijan", False)


def test_cross_check_passes_on_good_fixture(raw):
    imf_dots.cross_checks(imf_dots.build(raw))


def test_partner_above_world_total_is_rejected(raw):
    rewrite(path(raw), lambda t: t.replace(",Turkey,2019,2862.7", ",Turkey,2019,99999.0"))
    with pytest.raises(DataError, match="exceeds the World total"):
        imf_dots.cross_checks(imf_dots.build(raw))


def test_missing_column(raw):
    rewrite(path(raw), lambda t: drop_column(t, "unit"))
    with pytest.raises(DataError, match=r"row 1, column 'unit': header lacks"):
        imf_dots.build(raw)


def test_shifted_header(raw):
    rewrite(path(raw), lambda t: "IMF Direction of Trade Statistics\n" + t)
    with pytest.raises(DataError, match=r"dots_azerbaijan_reporter_or_partner_long.csv, row 1, .*header lacks"):
        imf_dots.build(raw)


def test_wrong_type(raw):
    rewrite(path(raw), lambda t: t.replace("2019,300.5", "2019,three hundred"))
    with pytest.raises(DataError, match=r"row 2, column 'value': 'three hundred' is not a number"):
        imf_dots.build(raw)


def test_bad_year(raw):
    rewrite(path(raw), lambda t: t.replace("Turkey,2019", "Turkey,20l9", 1))
    with pytest.raises(DataError, match=r"row 3, column 'year'"):
        imf_dots.build(raw)


def test_wrong_unit(raw):
    rewrite(path(raw), lambda t: t.replace('"US Dollars, Millions",Russian', '"US Dollars, Thousands",Russian', 1))
    with pytest.raises(DataError, match=r"row 2, column 'unit'"):
        imf_dots.build(raw)


def test_duplicate_key(raw):
    lines = path(raw).read_text().splitlines(keepends=True)
    path(raw).write_text("".join(lines + [lines[1]]))
    with pytest.raises(DataError, match=r"duplicate key"):
        imf_dots.DATASET.validate(imf_dots.build(raw), "data/trade.csv")


def test_unknown_country_labels(raw):
    rewrite(path(raw), lambda t: t.replace('"Azerbaijan, Rep. of"', '"Azerbaijan Republic"'))
    with pytest.raises(DataError, match=r"row 2, column 'reporter': economy label 'Azerbaijan Republic' is not known"):
        imf_dots.build(raw)


def test_renamed_partner_stops_the_build_with_its_raw_line(raw):
    """A label no mapping knows would drop its rows silently: it stops the build instead."""
    text = path(raw).read_text()
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "Russian Federation" in l)
    rewrite(path(raw), lambda t: t.replace("Russian Federation", "Russia (Federation of)"))
    with pytest.raises(DataError, match=rf"long.csv, row {line}, column '(partner|reporter)': economy label 'Russia \(Federation of\)'"):
        imf_dots.build(raw)


def test_schema_failure_names_the_raw_line(raw, tmp_path):
    from azbook.data import build

    text = path(raw).read_text()
    line = next(i for i, l in enumerate(text.splitlines(), 1) if ",Turkey,2019," in l)
    rewrite(path(raw), lambda t: t.replace(",Turkey,2019,", ",Turkey,1800,"))
    with pytest.raises(DataError, match=rf"long.csv, row {line}, column 'year': .*in column 'year' of data/trade.csv"):
        build.build_all(raw, tmp_path, only=["trade"])


def test_empty_file(raw):
    path(raw).write_text("")
    with pytest.raises(DataError, match=r"file is empty"):
        imf_dots.build(raw)


def test_wrong_encoding(raw):
    text = path(raw).read_text()
    path(raw).write_bytes(text.replace("Turkmenistan", "Türkmenistan").encode("utf-16"))
    with pytest.raises(DataError, match=r"row 1: not valid utf-8"):
        imf_dots.build(raw)


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match="file not found"):
        imf_dots.build(tmp_path)
