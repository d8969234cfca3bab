"""The SIPRI readers: good fixtures -> tidy arms and military-expenditure tables; broken ones -> located errors.

Fixture line numbers used below. ``trade_register.csv`` (SIPRI's export: CRLF, trailing ';'):
lines 1–11 SIPRI's notes, 12 the header, 13 Albania->Burkina Faso, 14 Armenia->Sudan,
15–16 Belarus Buk-1M (2013, 2014), 17 Israel Shaldag, 18–19 Russia TOS-1 (2013, 2014),
20 Russia 2S31, 21 Turkiye T-122, 22 Turkiye TB-2, 23 unknown supplier(s), 24 Turkiye Akinci,
25–26 Russia->Armenia, 27 India->Armenia, 28 Uzbekistan->Georgia.
``import-export-values_1950-2023.csv``: 1 header, 2 India, 3 Azerbaijan, 4 Armenia, 5 world total.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pandas as pd
import pytest

from azbook.data import build
from azbook.data.datasets import sipri
from azbook.data.schema import DataError
from conftest import drop_column, rewrite

NAMES = ["arms_transfers", "arms_register", "military_expenditure"]


def register(raw):
    return raw / sipri.REGISTER_FILE


def imports(raw):
    return raw / sipri.IMPORTS_FILE


def milex(raw):
    return raw / sipri.MILEX_FILE


def edit(path, transform) -> None:
    """Rewrite a file's text byte-exactly (keeps SIPRI's CRLF line ends)."""
    path.write_bytes(transform(path.read_bytes().decode("utf-8")).encode("utf-8"))


def replace_once(old: str, new: str):
    def transform(text: str) -> str:
        assert text.count(old) == 1, f"fixture changed: {old!r} occurs {text.count(old)} times"
        return text.replace(old, new)

    return transform


def set_import_cell(raw, recipient: str, year: int, value: str) -> None:
    """Put ``value`` into SIPRI's import table for one recipient and year."""
    rows = list(csv.reader(io.StringIO(imports(raw).read_text())))
    col = rows[0].index(str(year))
    next(r for r in rows if r[0] == recipient)[col] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    imports(raw).write_text(out.getvalue())


def transfers_built(raw):
    return sipri.ARMS_TRANSFERS.validate(sipri.build_transfers(raw), "test")


def register_built(raw):
    return sipri.ARMS_REGISTER.validate(sipri.build_register(raw), "test")


def milex_built(raw):
    return sipri.MILITARY_EXPENDITURE.validate(sipri.build_milex(raw), "test")


# --------------------------------------------------------------------------- arms_transfers


def test_transfers_builds_tidy_table(raw):
    df = transfers_built(raw)
    assert list(df.columns) == sipri.ARMS_TRANSFERS.columns
    assert set(df.recipient_iso3) == {"AZE", "ARM"}  # Armenia as supplier, Georgia as recipient: not kept
    assert "Sudan" not in set(df.supplier) and "Uzbekistan" not in set(df.supplier)
    assert len(df) == 11
    row = df[(df.year == 2014) & (df.recipient_iso3 == "AZE") & (df.supplier_iso3 == "TUR")].iloc[0]
    assert (row.supplier, row.supplier_sipri, row.tiv_millions) == ("Turkey", "Turkiye", pytest.approx(19.8))
    assert list(df.sort_values(list(sipri.ARMS_TRANSFERS.key)).index) == list(df.index)


def test_transfers_sum_the_delivery_year_values(raw):
    df = transfers_built(raw).set_index(["year", "recipient_iso3", "supplier"])["tiv_millions"]
    assert df[(2013, "AZE", "Russia")] == pytest.approx(12.6)  # TOS-1 7.2 + 2S31 5.4
    assert df[(2014, "AZE", "Russia")] == pytest.approx(14.4)  # the TOS-1 deal's next delivery year only
    assert df[(2016, "ARM", "Russia")] == pytest.approx(20.0)
    assert (2015, "AZE", "Russia") not in df.index  # no delivery: no row, not a zero


def test_unknown_supplier_has_no_code(raw):
    df = transfers_built(raw)
    row = df[df.supplier == "unknown supplier(s)"].iloc[0]
    assert pd.isna(row.supplier_iso3) and row.tiv_millions == pytest.approx(0.6)


def test_transfers_pass_the_import_table_check(raw):
    df = transfers_built(raw)  # the check runs inside the build; fixture 2023 (9 vs none) is not compared
    assert df.tiv_millions.ge(0).all()


def test_import_table_mismatch_is_rejected(raw):
    set_import_cell(raw, "Azerbaijan", 2014, "95")
    with pytest.raises(DataError, match=r"import-export-values_1950-2023.csv, row 3, column '2014': Azerbaijan 2014: "
                       r"SIPRI's import table gives 95 TIV million but the register's deliveries sum to 81.2"):
        sipri.build_transfers(raw)


@pytest.mark.parametrize(("year", "value", "passes"), [
    (2014, "82", True),     # 0.8 off, tolerance 1 + 1% of 82 = 1.82
    (2013, "47.7", False),  # 2.1 off, tolerance 1.48
    (2021, "2", False),     # the table has deliveries the register lacks
    (2023, "500", True),    # the table's last year is not compared (SIPRI revises it)
])
def test_import_table_tolerance(raw, year, value, passes):
    set_import_cell(raw, "Azerbaijan", year, value)
    if passes:
        sipri.build_transfers(raw)
    else:
        with pytest.raises(DataError, match=rf"column '{year}': Azerbaijan {year}"):
            sipri.build_transfers(raw)


def test_import_table_without_recipient(raw):
    rewrite(imports(raw), lambda t: t.replace("\nArmenia,", "\nArmenia (Rep.),"))
    with pytest.raises(DataError, match=r"column 'Recipient': 0 rows for recipient 'Armenia'"):
        sipri.build_transfers(raw)


def test_import_table_wrong_type(raw):
    set_import_cell(raw, "Azerbaijan", 2014, "8l")
    with pytest.raises(DataError, match=r"row 3, column '2014': '8l' is not a number"):
        sipri.build_transfers(raw)


def test_import_table_shifted_header(raw):
    rewrite(imports(raw), lambda t: "SIPRI Arms Transfers Database: TIV of arms imports\n" + t)
    with pytest.raises(DataError, match=r"import-export-values_1950-2023.csv, row 1, column 'Recipient': header lacks"):
        sipri.build_transfers(raw)


def test_import_table_empty(raw):
    imports(raw).write_text("")
    with pytest.raises(DataError, match=r"import-export-values_1950-2023.csv: file is empty"):
        sipri.build_transfers(raw)


def test_empty_delivered_tiv_stops_the_sum_but_not_the_register(raw):
    edit(register(raw), replace_once("New,7,7,14,Yes", "New,7,7,,Yes"))
    assert register_built(raw).tiv_delivered_millions.isna().sum() == 1
    with pytest.raises(DataError, match=r"row 17, column 'TIV delivery values': empty delivered TIV"):
        sipri.build_transfers(raw)


# --------------------------------------------------------------------------- arms_register


def test_register_builds_tidy_table(raw):
    df = register_built(raw)
    assert list(df.columns) == sipri.ARMS_REGISTER.columns
    assert len(df) == 13 and df.sipri_deal_id.nunique() == 11
    buk = df[(df.sipri_deal_id == 56311) & (df.delivery_year == 2014)].iloc[0]
    assert (buk.status, buk.order_year, buk.supplier_iso3) == ("Second hand but modernized", 2012, "BLR")
    assert (buk.tiv_per_unit_nominal_millions, buk.tiv_per_unit_millions, buk.tiv_delivered_millions) == (50, 33, 33)
    akinci = df[df.sipri_deal_id == 65290].iloc[0]
    assert pd.isna(akinci.delivery_year_is_estimate)  # SIPRI left the flag empty: unknown, not "No"
    assert bool(akinci.order_year_is_estimate) is True
    assert bool(df[df.sipri_deal_id == 56469].iloc[0].local_production) is True
    assert str(df.delivery_year_is_estimate.dtype) == "boolean"


def test_register_and_transfers_agree(raw):
    reg, tr = register_built(raw), transfers_built(raw)
    assert reg.tiv_delivered_millions.sum() == pytest.approx(tr.tiv_millions.sum())


def test_register_cross_check(raw):
    sipri.register_cross_checks(register_built(raw))
    edit(register(raw), replace_once("1.1,1.1,19.8,No", "1.1,1.1,25,No"))
    with pytest.raises(DataError, match=r"deal 53089 \(2014\): 18 x 1.1 does not give the delivered TIV 25"):
        sipri.register_cross_checks(register_built(raw))


def test_error_rows_are_file_lines_after_the_preamble(raw):
    edit(register(raw), replace_once("New,7,7,14,Yes", "New,7,7,fourteen,Yes"))
    with pytest.raises(DataError, match=r"trade_register.csv, row 17, column 'TIV delivery values': 'fourteen' is not"):
        sipri.build_register(raw)


def test_longer_preamble_still_reads_and_rows_follow(raw):
    edit(register(raw), lambda t: "Extra SIPRI note;\r\n" + t.replace("New,7,7,14,Yes", "New,7,7,x,Yes"))
    with pytest.raises(DataError, match=r"row 18, column 'TIV delivery values'"):
        sipri.build_register(raw)


def test_missing_column(raw):
    edit(register(raw), lambda t: _drop_register_column(t, "Status"))
    with pytest.raises(DataError, match=r"trade_register.csv, row 12, column 'Status': header lacks"):
        sipri.build_register(raw)


def _drop_register_column(text: str, column: str) -> str:
    """SIPRI's export without one column (header on line 12; no commas inside values)."""
    lines = text.split("\r\n")
    index = lines[11].rstrip(";").split(",").index(column)
    cut = [",".join(c for j, c in enumerate(line.rstrip(";").split(",")) if j != index) + ";" for line in lines[11:]]
    return "\r\n".join(lines[:11] + cut)


def test_shifted_header(raw):
    edit(register(raw), replace_once("\r\nSIPRI AT Database ID,", "\r\n,SIPRI AT Database ID,"))
    with pytest.raises(DataError, match=r"trade_register.csv, row 1: no column header line starting 'SIPRI AT"):
        sipri.build_register(raw)


def test_preamble_without_year_range(raw):
    edit(register(raw), replace_once("for the year range '1995' to '2025'", "for all years"))
    with pytest.raises(DataError, match=r"row 1: the preamble does not state the delivery year range"):
        sipri.build_register(raw)


def test_wrong_type_year(raw):
    edit(register(raw), replace_once(",18,Yes,2014,Yes,", ",18,Yes,20l4,Yes,"))
    with pytest.raises(DataError, match=r"row 21, column 'Delivery year': '20l4' is not a whole number"):
        sipri.build_register(raw)


def test_year_outside_export_range(raw):
    edit(register(raw), replace_once(",18,Yes,2014,Yes,", ",18,Yes,2031,Yes,"))
    with pytest.raises(DataError, match=r"row 21, column 'Delivery year': delivery year 2031 outside"):
        sipri.build_register(raw)


def test_bad_flag(raw):
    edit(register(raw), replace_once("2020,Yes,12,Yes,2020,No", "2020,Yes,12,Y,2020,No"))
    with pytest.raises(DataError, match=r"row 22, column 'Numbers delivered is estimate': 'Y' is not Yes or No"):
        sipri.build_register(raw)


def test_unknown_status(raw):
    edit(register(raw), replace_once("No,2016,No,New,4,4,4", "No,2016,No,Leased,4,4,4"))
    with pytest.raises(DataError, match=r"row 25, column 'Status': status 'Leased'"):
        sipri.build_register(raw)


def test_row_with_extra_field(raw):
    edit(register(raw), replace_once("T-90S,tank", "T-90S,main,tank"))
    with pytest.raises(DataError, match=r"row 25: has 18 fields where the header has 17"):
        sipri.build_register(raw)


def test_duplicate_key(raw):
    line = "56469,Israel,Azerbaijan,Shaldag FAC,missile boat,Ships,2013,Yes,2,No,2014,No,New,7,7,14,Yes;"
    edit(register(raw), lambda t: t + "\r\n" + line)
    with pytest.raises(DataError, match=r"row 29, column 'SIPRI AT Database ID': duplicate key: deal 56469"):
        sipri.build_transfers(raw)


def test_unknown_supplier_name(raw):
    edit(register(raw), replace_once("53089,Turkiye,", "53089,Atlantis,"))
    with pytest.raises(DataError, match=r"row 21, column 'Supplier': supplier 'Atlantis' has no entry"):
        sipri.build_register(raw)


def test_renamed_recipient(raw):
    edit(register(raw), lambda t: re.sub(r",(Russia|India),Armenia,", r",\1,Armenia (Rep.),", t))
    with pytest.raises(DataError, match=r"column 'Recipient': no rows with recipient 'Armenia'"):
        sipri.build_register(raw)


def test_header_without_rows(raw):
    edit(register(raw), lambda t: "\r\n".join(t.split("\r\n")[:12]))
    with pytest.raises(DataError, match=r"row 13: has a header but no data rows"):
        sipri.build_register(raw)


def test_empty_register(raw):
    register(raw).write_text("")
    with pytest.raises(DataError, match=r"trade_register.csv: file is empty"):
        sipri.build_transfers(raw)


def test_register_wrong_encoding(raw):
    register(raw).write_bytes(register(raw).read_text().encode("utf-16"))
    with pytest.raises(DataError, match=r"trade_register.csv, row 1: not valid utf-8"):
        sipri.build_register(raw)


def test_missing_files(tmp_path):
    for build in (sipri.build_register, sipri.build_milex):
        with pytest.raises(DataError, match="file not found"):
            build(tmp_path)


# --------------------------------------------------------------------------- military_expenditure


def test_milex_builds_tidy_table(raw):
    df = milex_built(raw)
    assert list(df.columns) == sipri.MILITARY_EXPENDITURE.columns
    assert len(df) == 14 and set(df.year) == {1992, 2023}  # 1991 and the USSR row are not kept
    assert set(df.country) == {"Azerbaijan", "Armenia", "Georgia", "Russia", "Turkey", "Iran", "Israel"}
    az = df[(df.country_iso3 == "AZE") & (df.year == 1992)].iloc[0]
    assert az.constant_2023_usd_millions == pytest.approx(390.98)
    assert az.share_gdp_pct == pytest.approx(2.4)  # SIPRI's fraction 0.024 as a percentage
    assert bool(az.is_sipri_estimate) is True and bool(az.is_highly_uncertain) is False
    assert az.sipri_notes == "‖7"


def test_milex_markers_are_null_never_zero(raw):
    df = milex_built(raw).set_index(["country_iso3", "year"])
    assert df.loc[("GEO", 1992), ["constant_2023_usd_millions", "current_usd_millions", "share_gdp_pct"]].isna().all()
    # SIPRI's stored 0.0 current US$ beside a positive share of GDP is not a figure
    for code in ("ARM", "RUS"):
        assert pd.isna(df.loc[(code, 1992), "current_usd_millions"])
        assert df.loc[(code, 1992), "constant_2023_usd_millions"] > 0


def test_milex_cross_checks_pass(raw):
    sipri.milex_cross_checks(milex_built(raw))


def test_milex_base_year_mismatch(raw):
    rewrite(milex(raw), replace_once("Current US$,Iran,,92,2023,7390.86", "Current US$,Iran,,92,2023,7000"))
    with pytest.raises(DataError, match=r"column 'constant_2023_usd_millions': Iran 2023: constant \(2023\) US\$"):
        sipri.milex_cross_checks(sipri.build_milex(raw))


@pytest.mark.parametrize(("old", "new", "column"), [
    ("Share of GDP,Israel,,94,1992,0.1049", "Share of GDP,Israel,,94,1992,1.049", "share_gdp_pct"),
    ("Constant (2023) US$,Iran,,92,1992,4102.5", "Constant (2023) US$,Iran,,92,1992,-4102.5", "constant_2023_usd_millions"),
])
def test_milex_out_of_range(raw, old, new, column):
    rewrite(milex(raw), replace_once(old, new))
    with pytest.raises(DataError, match=rf"column '{column}': .* is outside"):
        sipri.milex_cross_checks(sipri.build_milex(raw))
    with pytest.raises(DataError, match=rf"column '{column}'"):
        milex_built(raw)


def test_milex_missing_column(raw):
    rewrite(milex(raw), lambda t: drop_column(t, "font_color_rgb"))
    with pytest.raises(DataError, match=r"row 1, column 'font_color_rgb': header lacks"):
        sipri.build_milex(raw)


def test_milex_shifted_header(raw):
    rewrite(milex(raw), lambda t: "SIPRI Military Expenditure Database\n" + t)
    with pytest.raises(DataError, match=r"milex_extract_caucasus_comparators_long.csv, row 1, .*header lacks"):
        sipri.build_milex(raw)


def test_milex_wrong_type(raw):
    rewrite(milex(raw), replace_once(",1992,390.98,", ",1992,n/a,"))
    with pytest.raises(DataError, match=r"row 6, column 'value': 'n/a' is not a number"):
        sipri.build_milex(raw)


def test_milex_bad_year(raw):
    rewrite(milex(raw), replace_once(",1992,390.98,", ",l992,390.98,"))
    with pytest.raises(DataError, match=r"row 6, column 'year'"):
        sipri.build_milex(raw)


def test_milex_duplicate_key(raw):
    lines = milex(raw).read_text(encoding="utf-8").splitlines(keepends=True)
    milex(raw).write_text("".join(lines + [lines[3]]), encoding="utf-8")
    with pytest.raises(DataError, match=r"row 53, column 'value': duplicate key"):
        sipri.build_milex(raw)


def test_milex_unknown_country_label(raw):
    rewrite(milex(raw), lambda t: t.replace(",Türkiye,", ",Turkey,"))
    with pytest.raises(DataError, match=r"column 'Country': no rows for SIPRI country label 'Türkiye'"):
        sipri.build_milex(raw)


def test_milex_unknown_font_colour(raw):
    rewrite(milex(raw), replace_once(",1992,390.98,FF0000FF", ",1992,390.98,FF00FF00"))
    with pytest.raises(DataError, match=r"row 6, column 'font_color_rgb': font colour 'FF00FF00'"):
        sipri.build_milex(raw)


def test_milex_colours_differ_between_sheets(raw):
    rewrite(milex(raw), replace_once("Azerbaijan,,‖7,1992,0.024,FF0000FF", "Azerbaijan,,‖7,1992,0.024,"))
    with pytest.raises(DataError, match=r"column 'font_color_rgb': Azerbaijan 1992: font colours differ"):
        sipri.build_milex(raw)


def test_milex_missing_cell(raw):
    rewrite(milex(raw), replace_once("Share of GDP,Azerbaijan,,‖7,2023,0.0492,\n", ""))
    with pytest.raises(DataError, match=r"row 7, column 'sheet': Azerbaijan 2023 has no 'share_gdp_pct' cell"):
        sipri.build_milex(raw)


def test_milex_empty_file(raw):
    milex(raw).write_text("")
    with pytest.raises(DataError, match=r"file is empty"):
        sipri.build_milex(raw)


def test_milex_wrong_encoding(raw):
    milex(raw).write_bytes(milex(raw).read_text(encoding="utf-8").encode("utf-16"))
    with pytest.raises(DataError, match=r"row 1: not valid utf-8"):
        sipri.build_milex(raw)


# --------------------------------------------------------------------------- the data build


def test_build_writes_the_three_tables(raw, tmp_path):
    written = build.build_all(raw, tmp_path, only=NAMES)
    assert {p.name for p in written} == {f"{n}.{ext}" for n in NAMES for ext in ("csv", "json")}
    meta = json.loads((tmp_path / "arms_transfers.json").read_text())
    assert meta["schema"]["primaryKey"] == ["year", "recipient_iso3", "supplier"]
    assert meta["sources"][0]["raw_files"] == [sipri.REGISTER_FILE]
    units = {f["name"]: f.get("unit") for f in meta["schema"]["fields"]}
    assert units["tiv_millions"] == "SIPRI TIV, millions"


def test_datasets_are_declared_in_order():
    assert [ds.name for ds in sipri.DATASETS] == NAMES
