"""The UCDP battle-deaths reader: good fixture -> conflict table; broken fixtures -> located errors."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from azbook.data.datasets import ucdp
from azbook.data.schema import DataError
from conftest import drop_column, rewrite


def path(raw):
    return raw / ucdp.RAW_FILE


def edit(raw, where: tuple[str, str], changes: dict[str, str]) -> int:
    """Change cells of the fixture row ``where`` = (conflict_id, year), written as UCDP does (all quoted).

    Returns the row's line number in the file."""
    rows = list(csv.DictReader(io.StringIO(path(raw).read_text(encoding="utf-8"))))
    index = next(i for i, r in enumerate(rows) if (r["conflict_id"], r["year"]) == where)
    rows[index].update(changes)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path(raw).write_text(out.getvalue(), encoding="utf-8")
    return index + 2


def conflict(raw):
    return ucdp.DATASET.validate(ucdp.build(raw), "test")


def test_builds_tidy_table(raw):
    df = conflict(raw)
    assert list(df.columns) == ucdp.DATASET.columns
    # Only Nagorno-Karabakh: not Azerbaijan's 1993 coup (396), Georgia, Chechnya or the Mali mission.
    assert set(df.conflict_id) == {388} and set(df.dyad_id) == {833}
    assert list(df.year) == [1992, 1994, 2020, 2022, 2023]
    war = df[df.year == 2020].iloc[0]
    assert (war.deaths_best, war.deaths_low, war.deaths_high) == (7646, 7548, 9077)
    assert war.side_a_2nd == "Government of Turkey" and war.side_b_2nd == "Government of Armenia"
    assert (war.conflict_type, war.incompatibility, war.region) == ("internationalised intrastate", "territory", "Europe")
    y1994 = df[df.year == 1994].iloc[0]
    assert y1994.conflict_type == "intrastate" and pd.isna(y1994.side_b_2nd)  # empty stays empty


def test_dyad_with_governments_on_opposite_sides_is_kept(raw):
    edit(raw, ("396", "1993"), {"gwno_b_2nd": "371", "side_b_2nd": "Government of Armenia"})
    df = conflict(raw)
    assert set(df.conflict_id) == {388, 396}


def test_cross_check_passes_on_good_fixture(raw):
    ucdp.cross_checks(conflict(raw))


def test_best_estimate_outside_low_high_is_rejected(raw):
    edit(raw, ("388", "2022"), {"bd_best": "400"})
    with pytest.raises(DataError, match=r"conflict.csv, row 5, column 'deaths_best': 2022: best estimate 400"):
        ucdp.cross_checks(conflict(raw))


def test_missing_column(raw):
    rewrite(path(raw), lambda t: drop_column(t, "bd_high"))
    with pytest.raises(DataError, match=r"BattleDeaths_v24_1.csv, row 1, column 'bd_high': header lacks"):
        ucdp.build(raw)


def test_shifted_header(raw):
    rewrite(path(raw), lambda t: "UCDP Battle-Related Deaths Dataset v24.1\n" + t)
    with pytest.raises(DataError, match=r"BattleDeaths_v24_1.csv, row 1, .*header lacks"):
        ucdp.build(raw)


@pytest.mark.parametrize(
    ("conflict_id", "year", "column", "value"),
    [("388", "2022", "bd_best", "n/a"), ("388", "2022", "year", "2O22"), ("396", "1993", "gwno_b_2nd", "37l"),
     ("393", "2008", "conflict_id", "393a")],
)
def test_wrong_type(raw, conflict_id, year, column, value):
    line = edit(raw, (conflict_id, year), {column: value})
    with pytest.raises(DataError, match=rf"row {line}, column '{column}': '{value}' is not a whole number"):
        ucdp.build(raw)


def test_unknown_code(raw):
    line = edit(raw, ("388", "2020"), {"type_of_conflict": "7"})
    with pytest.raises(DataError, match=rf"row {line}, column 'type_of_conflict': code 7 is not one of"):
        ucdp.build(raw)


def test_other_version_is_rejected(raw):
    line = edit(raw, ("388", "2023"), {"version": "25.1"})
    with pytest.raises(DataError, match=rf"row {line}, column 'version': version '25.1', expected '24.1'"):
        ucdp.build(raw)


def test_duplicate_key(raw):
    lines = path(raw).read_text(encoding="utf-8").splitlines(keepends=True)
    path(raw).write_text("".join(lines + [next(line for line in lines if line.startswith('"388"'))]))
    with pytest.raises(DataError, match=r"duplicate key"):
        ucdp.DATASET.validate(ucdp.build(raw), "data/conflict.csv")


def test_no_armenia_azerbaijan_rows(raw):
    rewrite(path(raw), lambda t: "".join(line for line in t.splitlines(True) if not line.startswith('"388"')))
    with pytest.raises(DataError, match=r"column 'conflict_id': no rows of the Armenia–Azerbaijan conflict"):
        ucdp.build(raw)


def test_empty_file(raw):
    path(raw).write_text("")
    with pytest.raises(DataError, match=r"file is empty"):
        ucdp.build(raw)


def test_header_only(raw):
    rewrite(path(raw), lambda t: t.splitlines(True)[0])
    with pytest.raises(DataError, match=r"row 2: has a header but no data rows"):
        ucdp.build(raw)


def test_wrong_encoding(raw):
    text = path(raw).read_text(encoding="utf-8")
    path(raw).write_bytes(text.replace("Artsakh", "Artsaχ").encode("utf-16"))
    with pytest.raises(DataError, match=r"row 1: not valid utf-8"):
        ucdp.build(raw)


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match="file not found"):
        ucdp.build(tmp_path)
