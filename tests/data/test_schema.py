"""A table's schema and provenance (azbook.data.schema): located errors, checked fields."""

from __future__ import annotations

import pandas as pd
import pytest

from azbook.data.datasets import ucdp
from azbook.data.schema import DataError, Source


def test_data_error_names_file_row_and_column():
    err = DataError("raw/x.csv", "is not a number", row=7, column="value")
    assert str(err) == "raw/x.csv, row 7, column 'value': is not a number"
    assert (err.file, err.row, err.column) == ("raw/x.csv", 7, "value")


SOURCE = dict(publisher="P", dataset="D", release="r", url="https://p.example/", accessed="2026-11-28", licence="L",
              attribution="A", citation="C")


@pytest.mark.parametrize("released", ["2026", "2026-02", "2026-02-12"])
def test_released_is_an_iso_date(released):
    assert Source(**SOURCE, released=released).released == released


@pytest.mark.parametrize("released", ["", "12 February 2026", "2026-2-12", "Feb 2026"])
def test_released_missing_or_in_words_is_refused(released):
    with pytest.raises(ValueError, match="is not YYYY"):
        Source(**SOURCE, released=released)


def test_validate_names_the_first_bad_row_and_column():
    from azbook.data.tables import load

    ds = ucdp.DATASET
    df = load("conflict").copy()
    df.loc[3, "deaths_best"] = -1
    with pytest.raises(DataError) as err:
        ds.validate(df, "data/conflict.csv")
    assert "data/conflict.csv" in str(err.value) and "deaths_best" in str(err.value)


def test_typed_orders_columns_and_sorts_by_key():
    from azbook.data.tables import load

    df = load("conflict")
    shuffled = df.sample(frac=1, random_state=0)[list(reversed(df.columns))]
    pd.testing.assert_frame_equal(ucdp.DATASET.typed(shuffled), df)


def _dataset(**changes):
    from azbook.data.schema import Dataset, Field

    args = dict(name="t", title="T", description="d", fields=(Field("value_usd_millions", "float", "v"),),
                key=("value_usd_millions",), sources=(), processing=(), build=lambda raw: pd.DataFrame(),
                source_line="Source: x", column_titles={"value_usd_millions": "Value, US$ million"})
    return Dataset(**{**args, **changes})


def test_column_titles_become_the_fields_titles_and_their_descriptors():
    field = _dataset().fields[0]
    assert field.title == "Value, US$ million"
    assert field.descriptor()["title"] == "Value, US$ million"


def test_a_field_without_a_title_is_refused():
    with pytest.raises(ValueError, match=r"'t': field\(s\) \['value_usd_millions'\] have no title"):
        _dataset(column_titles={})


def test_a_title_for_no_field_is_refused():
    with pytest.raises(ValueError, match=r"column_titles names no field \['valu'\]"):
        _dataset(column_titles={"value_usd_millions": "Value, US$ million", "valu": "Value"})


def test_every_committed_table_has_a_title_for_every_column():
    from azbook.data import datasets
    from azbook.data.tables import metadata

    for name in datasets.REGISTRY:
        fields = metadata(name)["schema"]["fields"]
        assert all(f.get("title") for f in fields), name
        assert [f["title"] for f in fields] == [f.title for f in datasets.get(name).fields], (
            f"data/{name}.json: column titles differ from azbook/data/datasets (rewrite the metadata)")
