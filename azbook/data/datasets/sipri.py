"""SIPRI: arms deliveries to Azerbaijan and Armenia, and military expenditure in the region.

Three tables:

``arms_transfers``
    Deliveries of major conventional arms (SIPRI trend-indicator value, TIV) to Azerbaijan
    and Armenia by supplier and year, 1995–2024: the yearly sums of the trade register.
``arms_register``
    The weapon-level trade register rows behind ``arms_transfers`` (one row per deal and
    delivery year, as SIPRI exports it).
``military_expenditure``
    SIPRI military expenditure of Azerbaijan, Armenia, Georgia, Russia, Turkey, Iran and
    Israel, 1992–2024, one row per country and year with one column per measure.

Raw inputs (see each folder's PROVENANCE.md):

* ``security/sipri-arms-transfers/trade_register.csv``: SIPRI's own CSV export (11 preamble
  lines, then the header; every line ends in ``;``), one row per deal × delivery year, with
  the TIV delivered in that year in ``TIV delivery values``.
* ``security/sipri-arms-transfers/import-export-values_1950-2023.csv``: SIPRI's TIV table of
  imports by recipient and year (an older release), used only to cross-check the yearly sums.
* ``security/sipri-milex/milex_extract_caucasus_comparators_long.csv``: a faithful long
  row-filter extract of SIPRI's Milex workbook (values exactly as stored, font colour kept).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pandas as pd

from azbook.data import countries
from azbook.data.rawfiles import parse_float, parse_int, read_csv, read_text
from azbook.data.schema import Dataset, DataError, Field, Source

ARMS_DIR = "security/sipri-arms-transfers"
REGISTER_FILE = f"{ARMS_DIR}/trade_register.csv"
IMPORTS_FILE = f"{ARMS_DIR}/import-export-values_1950-2023.csv"
MILEX_FILE = "security/sipri-milex/milex_extract_caucasus_comparators_long.csv"
ACCESSED = "2026-11-28"

# --------------------------------------------------------------------------- trade register

#: SIPRI's register column -> our column (``None``: read and checked but not kept).
REGISTER_COLUMNS: dict[str, str] = {
    "SIPRI AT Database ID": "sipri_deal_id",
    "Supplier": "supplier_sipri",
    "Recipient": "recipient",
    "Designation": "designation",
    "Description": "description",
    "Armament category": "armament_category",
    "Order date": "order_year",
    "Order date is estimate": "order_year_is_estimate",
    "Numbers delivered": "numbers_delivered",
    "Numbers delivered is estimate": "numbers_delivered_is_estimate",
    "Delivery year": "delivery_year",
    "Delivery year is estimate": "delivery_year_is_estimate",
    "Status": "status",
    "SIPRI estimate": "tiv_per_unit_nominal_millions",
    "TIV deal unit": "tiv_per_unit_millions",
    "TIV delivery values": "tiv_delivered_millions",
    "Local production": "local_production",
}
HEADER_START = "SIPRI AT Database ID,"
PREAMBLE_MAX_LINES = 30
YEAR_RANGE = re.compile(r"year range '(\d{4})' to '(\d{4})'")
RECIPIENTS = {"Azerbaijan": "AZE", "Armenia": "ARM"}
STATUSES = ("New", "Second hand", "Second hand but modernized")
FLAGS = {"Yes": True, "No": False}
#: SIPRI supplier name -> ISO3 code (None: no state code, e.g. "unknown supplier(s)" or a
#: non-state actor marked * by SIPRI). A supplier missing here stops the build: add it.
SUPPLIER_ISO3: dict[str, str | None] = {
    "Belarus": "BLR",
    "Bulgaria": "BGR",
    "China": "CHN",
    "Czechia": "CZE",
    "France": "FRA",
    "Georgia": "GEO",
    "India": "IND",
    "Israel": "ISR",
    "Italy": "ITA",
    "Jordan": "JOR",
    "Montenegro": "MNE",
    "Pakistan": "PAK",
    "Russia": "RUS",
    "Slovakia": "SVK",
    "South Africa": "ZAF",
    "Spain": "ESP",
    "Turkiye": "TUR",
    "Ukraine": "UKR",
    "United States": "USA",
    "unknown supplier(s)": None,
}
#: Cross-check tolerance against SIPRI's import table: |register sum - table| <= ABS + REL * table.
IMPORT_TABLE_ABS_TOL = 1.0
IMPORT_TABLE_REL_TOL = 0.01
#: Rounding of SIPRI's per-unit TIV in the export (2 decimals): bounds |numbers x unit - delivered|.
UNIT_TIV_ROUNDING = 0.005


def _cells(line: str) -> list[str]:
    """One export line split into fields (SIPRI ends every line with a stray ``;``)."""
    line = line[:-1] if line.endswith(";") else line
    return next(csv.reader([line]))


def read_register(raw: Path) -> tuple[pd.DataFrame, tuple[int, int]]:
    """SIPRI's register export as strings with ``source_row``, and the delivery-year range it states.

    The header is the first line that starts with ``SIPRI AT Database ID,`` (line 12 in
    SIPRI's export); the lines above it are SIPRI's notes, one of which states the range.
    """
    path = raw / REGISTER_FILE
    lines = read_text(path).splitlines()
    at = next((i for i, line in enumerate(lines[:PREAMBLE_MAX_LINES]) if line.startswith(HEADER_START)), None)
    if at is None:
        raise DataError(path, f"no column header line starting {HEADER_START!r} in the first "
                        f"{PREAMBLE_MAX_LINES} lines (shifted header or changed export layout?)", row=1)
    years = _export_years(path, lines[:at])
    header = _cells(lines[at])
    missing = [c for c in REGISTER_COLUMNS if c not in header]
    if missing:
        raise DataError(path, f"header lacks column(s) {missing}; found {header[:6]}...", row=at + 1, column=missing[0])
    rows = []
    for number, line in enumerate(lines[at + 1 :], start=at + 2):
        if not line.strip():
            continue
        cells = _cells(line)
        if len(cells) != len(header):
            raise DataError(path, f"has {len(cells)} fields where the header has {len(header)}", row=number)
        rows.append([*cells, number])
    if not rows:
        raise DataError(path, "has a header but no data rows", row=at + 2)
    return pd.DataFrame(rows, columns=[*header, "source_row"]), years


def _export_years(path: Path, preamble: list[str]) -> tuple[int, int]:
    """The delivery-year range SIPRI's preamble states ("... for the year range '1995' to '2025'")."""
    for line in preamble:
        if match := YEAR_RANGE.search(line):
            return int(match[1]), int(match[2])
    raise DataError(path, "the preamble does not state the delivery year range "
                    "(\"year range 'YYYY' to 'YYYY'\"): is this a SIPRI trade-register export?", row=1)


def _flag(path: Path, row: int, column: str, text: str, *, required: bool = False) -> bool | None:
    """SIPRI's Yes/No flag; empty is unknown (None) unless ``required``."""
    if text == "" and not required:
        return None
    if text not in FLAGS:
        raise DataError(path, f"{text!r} is not Yes or No", row=row, column=column)
    return FLAGS[text]


def _tiv(path: Path, row: int, column: str, text: str) -> float | None:
    """A TIV figure (millions); SIPRI leaves it empty where it has none."""
    return None if text == "" else parse_float(path, row, column, text)


def _supplier(path: Path, row: int, name: str) -> tuple[str | None, str]:
    """(ISO3 or None, display name) of a SIPRI supplier; the book's own name where it has one."""
    if name not in SUPPLIER_ISO3:
        raise DataError(path, f"supplier {name!r} has no entry in sipri.SUPPLIER_ISO3 "
                        "(add its ISO3 code, or None for a non-state or unknown supplier)", row=row, column="Supplier")
    code = SUPPLIER_ISO3[name]
    return code, countries.NAMES.get(code, name) if code else name


def _register_record(path: Path, years: tuple[int, int], r: dict[str, Any]) -> dict[str, Any]:
    """One register row of a kept recipient, parsed and checked."""
    row = r["source_row"]
    delivery_year = parse_int(path, row, "Delivery year", r["Delivery year"])
    if not years[0] <= delivery_year <= years[1]:
        raise DataError(path, f"delivery year {delivery_year} outside the export's range {years}",
                        row=row, column="Delivery year")
    if r["Status"] not in STATUSES:
        raise DataError(path, f"status {r['Status']!r}, expected one of {list(STATUSES)}", row=row, column="Status")
    supplier_iso3, supplier = _supplier(path, row, r["Supplier"])
    recipient_iso3 = RECIPIENTS[r["Recipient"]]
    return {
        "sipri_deal_id": parse_int(path, row, "SIPRI AT Database ID", r["SIPRI AT Database ID"]),
        "delivery_year": delivery_year,
        "delivery_year_is_estimate": _flag(path, row, "Delivery year is estimate", r["Delivery year is estimate"]),
        "order_year": parse_int(path, row, "Order date", r["Order date"]),
        "order_year_is_estimate": _flag(path, row, "Order date is estimate", r["Order date is estimate"]),
        "recipient_iso3": recipient_iso3,
        "recipient": countries.name(recipient_iso3),
        "supplier_iso3": supplier_iso3,
        "supplier": supplier,
        "supplier_sipri": r["Supplier"],
        "designation": r["Designation"],
        "description": r["Description"],
        "armament_category": r["Armament category"],
        "status": r["Status"],
        "numbers_delivered": parse_int(path, row, "Numbers delivered", r["Numbers delivered"]),
        "numbers_delivered_is_estimate": _flag(path, row, "Numbers delivered is estimate",
                                               r["Numbers delivered is estimate"]),
        "tiv_per_unit_nominal_millions": _tiv(path, row, "SIPRI estimate", r["SIPRI estimate"]),
        "tiv_per_unit_millions": _tiv(path, row, "TIV deal unit", r["TIV deal unit"]),
        "tiv_delivered_millions": _tiv(path, row, "TIV delivery values", r["TIV delivery values"]),
        "local_production": _flag(path, row, "Local production", r["Local production"], required=True),
        "source_row": row,
    }


def register_rows(raw: Path) -> tuple[pd.DataFrame, tuple[int, int]]:
    """The parsed register rows for Azerbaijan and Armenia (with ``source_row``), and the export's year range."""
    path = raw / REGISTER_FILE
    df, years = read_register(raw)
    kept = df[df["Recipient"].isin(list(RECIPIENTS))]
    for name in RECIPIENTS:
        if not (kept["Recipient"] == name).any():
            raise DataError(path, f"no rows with recipient {name!r} (renamed by SIPRI?)", column="Recipient")
    out = pd.DataFrame.from_records([_register_record(path, years, r) for r in kept.to_dict("records")])
    duplicated = out[out.duplicated(["sipri_deal_id", "delivery_year"])]
    if not duplicated.empty:
        r = duplicated.iloc[0]
        raise DataError(path, f"duplicate key: deal {r.sipri_deal_id} has a second row for delivery year {r.delivery_year}",
                        row=int(r.source_row), column="SIPRI AT Database ID")
    return out, years


def build_register(raw: Path) -> pd.DataFrame:
    """The tidy ``arms_register`` table."""
    return _typed(register_rows(raw)[0], ARMS_REGISTER)


def build_transfers(raw: Path) -> pd.DataFrame:
    """The tidy ``arms_transfers`` table, cross-checked against SIPRI's import table."""
    rows, years = register_rows(raw)
    empty = rows[rows.tiv_delivered_millions.isna()]
    if not empty.empty:
        raise DataError(raw / REGISTER_FILE, "empty delivered TIV: the yearly total for this supplier cannot be formed",
                        row=int(empty.source_row.iloc[0]), column="TIV delivery values")
    group = ["delivery_year", "recipient_iso3", "recipient", "supplier", "supplier_iso3", "supplier_sipri"]
    out = (
        rows.groupby(group, dropna=False, as_index=False)["tiv_delivered_millions"].sum()
        .rename(columns={"delivery_year": "year", "tiv_delivered_millions": "tiv_millions"})
        .assign(tiv_millions=lambda d: d.tiv_millions.round(2))
    )
    check_against_import_table(raw, out, first_year=years[0])
    return _typed(out, ARMS_TRANSFERS)


def check_against_import_table(raw: Path, transfers: pd.DataFrame, first_year: int) -> None:
    """Each recipient's yearly total must match SIPRI's import table within the tolerance.

    Compared: every year from the export's first year to the year before the table's last
    (SIPRI revises the latest year in the next release). An empty table cell is no deliveries.
    """
    path = raw / IMPORTS_FILE
    table = read_csv(path, ["Recipient", str(first_year)])
    last = max(int(c) for c in table.columns if re.fullmatch(r"\d{4}", c))
    totals = transfers.groupby(["recipient_iso3", "year"])["tiv_millions"].sum()
    for name, code in RECIPIENTS.items():
        match = table[table["Recipient"] == name]
        if len(match) != 1:
            raise DataError(path, f"{len(match)} rows for recipient {name!r}, expected 1", column="Recipient")
        r = match.iloc[0]
        for year in range(first_year, last):
            text = r[str(year)].strip()
            published = 0.0 if text == "" else parse_float(path, r.source_row, str(year), text)
            ours = round(float(totals.get((code, year), 0.0)), 2)
            tolerance = IMPORT_TABLE_ABS_TOL + IMPORT_TABLE_REL_TOL * published
            if abs(ours - published) > tolerance:
                raise DataError(path, f"{name} {year}: SIPRI's import table gives {published:g} TIV million but the "
                                f"register's deliveries sum to {ours:g} (difference {ours - published:+.2f}, "
                                f"tolerance {tolerance:.2f})", row=int(r.source_row), column=str(year))


def register_cross_checks(df: pd.DataFrame) -> None:
    """Delivered TIV = numbers delivered x per-unit TIV, within the rounding of the per-unit TIV."""
    both = df.dropna(subset=["tiv_per_unit_millions", "tiv_delivered_millions"])
    gap = (both.numbers_delivered * both.tiv_per_unit_millions - both.tiv_delivered_millions).abs()
    bad = both[gap > both.numbers_delivered * UNIT_TIV_ROUNDING + 0.005]
    if not bad.empty:
        r = bad.iloc[0]
        raise DataError(f"data/{ARMS_REGISTER.name}.csv", f"deal {r.sipri_deal_id} ({r.delivery_year}): "
                        f"{r.numbers_delivered} x {r.tiv_per_unit_millions} does not give the delivered TIV "
                        f"{r.tiv_delivered_millions}", column="tiv_delivered_millions")


def transfers_coverage(df: pd.DataFrame) -> dict:
    by_recipient = df.groupby("recipient")["tiv_millions"].sum().round(2)
    return {"years": [int(df.year.min()), int(df.year.max())], "rows": len(df),
            "recipients": sorted(df.recipient.unique()), "suppliers": sorted(df.supplier.unique()),
            "tiv_millions_total": {k: float(v) for k, v in by_recipient.items()}}


def register_coverage(df: pd.DataFrame) -> dict:
    return {"delivery_years": [int(df.delivery_year.min()), int(df.delivery_year.max())], "rows": len(df),
            "deals": int(df.sipri_deal_id.nunique()), "recipients": sorted(df.recipient.unique())}


# --------------------------------------------------------------------------- military expenditure

MILEX_REQUIRED = ["sheet", "Country", "Notes", "year", "value", "font_color_rgb"]
#: Workbook sheet -> column (SCALE turns SIPRI's fractions into percentages).
MILEX_SHEETS = {
    "Constant (2023) US$": "constant_2023_usd_millions",
    "Current US$": "current_usd_millions",
    "Share of GDP": "share_gdp_pct",
}
SCALE = {"share_gdp_pct": 100.0}
MONEY = ("constant_2023_usd_millions", "current_usd_millions")
#: SIPRI's row labels -> ISO3 (the USSR row is not kept).
MILEX_COUNTRIES = {
    "Azerbaijan": "AZE", "Armenia": "ARM", "Georgia": "GEO", "Russia": "RUS",
    "Türkiye": "TUR", "Iran": "IRN", "Israel": "ISR",
}
MILEX_YEARS = (1992, 2024)
#: SIPRI's markers for "no figure": data unavailable (written "..." or ". .") and "xxx" (country did not exist).
NO_FIGURE = {"...", ". .", "xxx"}
#: Cell font colour -> SIPRI's meaning (blue: SIPRI estimate; red: highly uncertain).
FONT_MEANING = {"": None, "FF000000": None, "FF0000FF": "estimate", "FFFF0000": "highly_uncertain"}
#: In 2023 constant (2023) US$ and current US$ must coincide (to this relative difference).
BASE_YEAR, BASE_YEAR_REL_TOL = 2023, 1e-6


def _milex_record(path: Path, r: dict[str, Any]) -> dict[str, Any]:
    """One kept workbook cell: country, year, column, value (None for SIPRI's markers), colour meaning."""
    row = r["source_row"]
    text = r["value"].strip()
    colour = r["font_color_rgb"].strip()
    if colour not in FONT_MEANING:
        raise DataError(path, f"font colour {colour!r} has no known SIPRI meaning {list(FONT_MEANING)}",
                        row=row, column="font_color_rgb")
    value = None if text in NO_FIGURE else parse_float(path, row, "value", text)
    column = MILEX_SHEETS[r["sheet"]]
    return {
        "country_iso3": MILEX_COUNTRIES[r["Country"]],
        "year": r["year_int"],
        "column": column,
        "value": None if value is None else value * SCALE.get(column, 1.0),
        "meaning": FONT_MEANING[colour],
        "notes": r["Notes"].strip() or None,
        "source_row": row,
    }


def _milex_cells(raw: Path) -> pd.DataFrame:
    """The kept cells of the extract, one per row, checked for unknown markers and duplicates."""
    path = raw / MILEX_FILE
    df = read_csv(path, MILEX_REQUIRED)
    for label in MILEX_COUNTRIES:
        if not (df["Country"] == label).any():
            raise DataError(path, f"no rows for SIPRI country label {label!r} (renamed?)", column="Country")
    kept = df[df["sheet"].isin(list(MILEX_SHEETS)) & df["Country"].isin(list(MILEX_COUNTRIES))]
    kept = kept.assign(year_int=[parse_int(path, r.source_row, "year", r.year) for r in kept.itertuples()])
    kept = kept[kept.year_int.between(*MILEX_YEARS)]
    if kept.empty:
        raise DataError(path, f"no cells for the years {MILEX_YEARS[0]}–{MILEX_YEARS[1]} in sheets {list(MILEX_SHEETS)}",
                        column="sheet")
    cells = pd.DataFrame.from_records([_milex_record(path, r) for r in kept.to_dict("records")])
    duplicated = cells[cells.duplicated(["country_iso3", "year", "column"])]
    if not duplicated.empty:
        r = duplicated.iloc[0]
        raise DataError(path, f"duplicate key: a second {r.column} cell for {r.country_iso3} {r.year}",
                        row=int(r.source_row), column="value")
    return cells


def build_milex(raw: Path) -> pd.DataFrame:
    """The tidy ``military_expenditure`` table: one row per country and year, one column per measure."""
    path = raw / MILEX_FILE
    cells = _milex_cells(raw)
    rows = [_milex_row(path, key, group) for key, group in cells.groupby(["country_iso3", "year"])]
    return _typed(pd.DataFrame.from_records(rows), MILITARY_EXPENDITURE)


def _milex_row(path: Path, key: tuple[str, int], group: pd.DataFrame) -> dict[str, Any]:
    """One country-year from its cells: every sheet present, one colour meaning, SIPRI's zero placeholders nulled."""
    code, year = key
    first = int(group.source_row.min())
    missing = [c for c in MILEX_SHEETS.values() if c not in set(group.column)]
    if missing:
        raise DataError(path, f"{countries.name(code)} {year} has no {missing[0]!r} cell ({_sheet(missing[0])!r} sheet)",
                        row=first, column="sheet")
    meanings = group.meaning.fillna("normal")
    if meanings.nunique() > 1:
        odd = group[meanings != meanings.iloc[0]].iloc[0]
        raise DataError(path, f"{countries.name(code)} {year}: font colours differ between sheets "
                        f"({sorted(set(meanings))}); one estimate flag per row cannot be set",
                        row=int(odd.source_row), column="font_color_rgb")
    values = dict(zip(group.column, group.value))
    share = values["share_gdp_pct"]
    for column in MONEY:  # a positive share of GDP means spending was not zero
        if values[column] == 0 and share is not None and share > 0:
            values[column] = None
    return {
        "year": year,
        "country_iso3": code,
        "country": countries.name(code),
        **values,
        "is_sipri_estimate": meanings.iloc[0] == "estimate",
        "is_highly_uncertain": meanings.iloc[0] == "highly_uncertain",
        "sipri_notes": group.notes.dropna().iloc[0] if group.notes.notna().any() else None,
    }


def _sheet(column: str) -> str:
    return next(s for s, c in MILEX_SHEETS.items() if c == column)


def milex_cross_checks(df: pd.DataFrame) -> None:
    """Shares within 0–100, money non-negative, and constant (2023) US$ = current US$ in 2023."""
    file = f"data/{MILITARY_EXPENDITURE.name}.csv"
    for column, low, high in [("share_gdp_pct", 0, 100), *((c, 0, float("inf")) for c in MONEY)]:
        bad = df[(df[column].lt(low) | df[column].gt(high)).fillna(False).astype(bool)]
        if not bad.empty:
            r = bad.iloc[0]
            raise DataError(file, f"{r.country} {r.year}: {column} = {r[column]} is outside [{low}, {high:g}]",
                            row=int(bad.index[0]) + 2, column=column)
    base = df[df.year == BASE_YEAR].dropna(subset=list(MONEY))
    off = base[(base[MONEY[0]] - base[MONEY[1]]).abs() > BASE_YEAR_REL_TOL * base[MONEY[1]]]
    if not off.empty:
        r = off.iloc[0]
        raise DataError(file, f"{r.country} {BASE_YEAR}: constant (2023) US$ {r[MONEY[0]]} differs from current US$ "
                        f"{r[MONEY[1]]} in the base year (sheets misaligned?)", row=int(off.index[0]) + 2, column=MONEY[0])


def milex_coverage(df: pd.DataFrame) -> dict:
    return {"years": [int(df.year.min()), int(df.year.max())], "rows": len(df),
            "countries": sorted(df.country.unique()),
            "values": {c: int(df[c].notna().sum()) for c in MILEX_SHEETS.values()},
            "sipri_estimates": int(df.is_sipri_estimate.sum())}


# --------------------------------------------------------------------------- shared


def _typed(out: pd.DataFrame, ds: Dataset) -> pd.DataFrame:
    """The table with the dataset's columns, dtypes and key order."""
    return ds.typed(out)


def _iso3_field(name: str, what: str, codes: tuple[str, ...]) -> Field:
    return Field(name, "str", f"ISO3 code of the {what}", allowed=codes)


def _name_field(name: str, what: str, codes: tuple[str, ...]) -> Field:
    return Field(name, "str", f"Name of the {what}", allowed=tuple(countries.name(c) for c in codes))


def _supplier_fields() -> tuple[Field, ...]:
    return (
        Field("supplier_iso3", "str", "ISO3 code of the supplier; empty where SIPRI names no state "
              "('unknown supplier(s)', non-state actors)", nullable=True, pattern=r"^[A-Z]{3}$"),
        Field("supplier", "str", "Supplier's name: the book's short name where it has one (Turkey), else SIPRI's"),
        Field("supplier_sipri", "str", "Supplier's name exactly as SIPRI writes it (e.g. Turkiye)"),
    )


SIPRI_AT = "SIPRI Arms Transfers Database"
REGISTER_SOURCE = Source(
    publisher="Stockholm International Peace Research Institute (SIPRI)",
    dataset=f"{SIPRI_AT}: trade register of transfers of major conventional arms (deliveries 1995–2025, all countries)",
    release="data generated 12 February 2026 (export header); deliveries up to 2024",
    url="https://www.sipri.org/databases/armstransfers",
    accessed=ACCESSED,
    licence="SIPRI terms of use: free non-commercial use with attribution to SIPRI; calculations made from the "
            "data must not be attributed to SIPRI (https://www.sipri.org/databases/armstransfers/background)",
    attribution="Source: SIPRI Arms Transfers Database (c) SIPRI",
    citation="Stockholm International Peace Research Institute (2026). SIPRI Arms Transfers Database, trade "
             "register, data generated 12 February 2026. https://www.sipri.org/databases/armstransfers",
    raw_files=(REGISTER_FILE,),
    released="2026-02-12",
)
IMPORT_TABLE_SOURCE = Source(
    publisher="Stockholm International Peace Research Institute (SIPRI)",
    dataset=f"{SIPRI_AT}: TIV of arms imports by recipient, 1950–2023 (used only as a cross-check)",
    release="presumably the March 2024 release (values end in 2023; SIPRI's preamble was stripped in the copy used)",
    released="2024",
    url="https://www.sipri.org/databases/armstransfers",
    accessed=ACCESSED,
    licence=REGISTER_SOURCE.licence,
    attribution=REGISTER_SOURCE.attribution,
    citation="Stockholm International Peace Research Institute (2024). SIPRI Arms Transfers Database, TIV tables "
             "of arms imports 1950–2023. https://www.sipri.org/databases/armstransfers",
    raw_files=(IMPORTS_FILE,),
)
READ_REGISTER = (
    "Read SIPRI's trade-register export (one row per deal and delivery year): the column header is the first line "
    "starting 'SIPRI AT Database ID' (line 12; the 11 lines above are SIPRI's notes, one of which gives the "
    "delivery-year range 1995–2025), and the stray ';' that ends every line was dropped.",
    "Kept the rows whose recipient is Azerbaijan or Armenia (not rows where they are the supplier).",
    "Mapped SIPRI's supplier names to ISO3 codes (Turkiye -> TUR, shown as Turkey); 'unknown supplier(s)' has no "
    "code; SIPRI's own name is kept in supplier_sipri.",
)
TIV_NOTE = ("TIV (trend-indicator value) is SIPRI's measure of the military capability transferred, priced in "
            "'TIV millions'; it is not the financial value of a deal and must not be compared with US$ figures.")
SIPRI_CALC_NOTE = ("SIPRI's terms ask that calculations made from its data are not attributed to SIPRI: say "
                   "'own calculation from the SIPRI Arms Transfers Database' for sums and shares.")
NO_ORDERS_NOTE = ("The export lists deliveries only: orders with nothing delivered by 2024 are absent, and it has "
                  "no 'number ordered' or comments column.")

ARMS_TRANSFERS = Dataset(
    name="arms_transfers",
    column_titles={  # each column as a reader would head it, with its unit
        'year': 'Year delivered',
        'recipient_iso3': 'Recipient, ISO3 code',
        'recipient': 'Recipient',
        'supplier_iso3': 'Supplier, ISO3 code',
        'supplier': 'Supplier',
        'supplier_sipri': 'Supplier, as SIPRI writes it',
        'tiv_millions': 'Arms delivered, TIV million',
    },
    title="Arms deliveries to Azerbaijan and Armenia by supplier, 1995–2024 (SIPRI TIV)",
    description=(
        "Deliveries of major conventional arms to Azerbaijan and to Armenia, by supplier and year, in SIPRI "
        "trend-indicator values (TIV millions): the sum of the TIV delivered in that year over the supplier's "
        "deals in SIPRI's trade register."
    ),
    fields=(
        Field("year", "int", "Year of delivery", minimum=1995, maximum=2025),
        _iso3_field("recipient_iso3", "recipient", tuple(RECIPIENTS.values())),
        _name_field("recipient", "recipient", tuple(RECIPIENTS.values())),
        *_supplier_fields(),
        Field("tiv_millions", "float", "TIV of the supplier's deliveries to the recipient in that year "
              "(sum of the register's 'TIV delivery values')", unit="SIPRI TIV, millions", minimum=0),
    ),
    key=("year", "recipient_iso3", "supplier"),
    sources=(REGISTER_SOURCE, IMPORT_TABLE_SOURCE),
    processing=(
        *READ_REGISTER,
        "Summed the register's 'TIV delivery values' (TIV delivered in that year: numbers delivered x per-unit TIV) "
        "per delivery year, recipient and supplier; the sums were rounded to 2 decimals (the register's own "
        "precision) only to remove binary floating-point noise. SIPRI's yearly figures are used as given: no "
        "order total was spread over years.",
        "Supplier-years with no delivery in the register have no row (a gap is not a zero).",
        "Cross-checked at build time against SIPRI's import table (import-export-values_1950-2023.csv): for each "
        "recipient and every year from 1995 to 2022 the sum over suppliers must equal the table within "
        f"{IMPORT_TABLE_ABS_TOL:g} + {IMPORT_TABLE_REL_TOL:.0%} of the table's figure (the table is rounded to whole "
        "TIV millions and is an older release: SIPRI revises the database every spring). 2023, the table's last "
        "year, is not compared because SIPRI revised it (Azerbaijan: 9 in the table, 3.0 in the register).",
    ),
    build=build_transfers,
    source_line="Source: SIPRI Arms Transfers Database (2026)",
    coverage=transfers_coverage,
    notes=(TIV_NOTE, SIPRI_CALC_NOTE, NO_ORDERS_NOTE,
           "Deliveries identified by SIPRI as of February 2026; SIPRI revises the database every spring, and the "
           "latest years are the most exposed to revision as deliveries become known.",
           "This export records no Israeli delivery to Azerbaijan after 2020 and 51 TIV million to Azerbaijan in "
           "all of 2021–2024: state it as 'deliveries identified by SIPRI', not as proof that supplies stopped.",
           "Largest differences from the older import table, all revisions rather than rounding: Azerbaijan 2014 "
           "+3.6, 2015 +1.7, 2009 +1.2, 2022 +0.95, 2008 +0.6 TIV million."),
)

ARMS_REGISTER = Dataset(
    name="arms_register",
    column_titles={  # each column as a reader would head it, with its unit
        'sipri_deal_id': 'SIPRI deal ID',
        'delivery_year': 'Year delivered',
        'delivery_year_is_estimate': 'Delivery year estimated',
        'order_year': 'Year ordered',
        'order_year_is_estimate': 'Order year estimated',
        'recipient_iso3': 'Recipient, ISO3 code',
        'recipient': 'Recipient',
        'supplier_iso3': 'Supplier, ISO3 code',
        'supplier': 'Supplier',
        'supplier_sipri': 'Supplier, as SIPRI writes it',
        'designation': 'Weapon',
        'description': 'Weapon description',
        'armament_category': 'Armament category',
        'status': 'New or second hand',
        'numbers_delivered': 'Items delivered',
        'numbers_delivered_is_estimate': 'Number estimated',
        'tiv_per_unit_nominal_millions': 'TIV per new unit, TIV million',
        'tiv_per_unit_millions': 'TIV per unit, TIV million',
        'tiv_delivered_millions': 'Delivered, TIV million',
        'local_production': 'Produced in the recipient country',
    },
    title="SIPRI trade register: weapons delivered to Azerbaijan and Armenia, 1995–2024",
    description=(
        "The weapon-level rows of SIPRI's trade register for deliveries to Azerbaijan and Armenia: one row per "
        "deal and delivery year, with the order year, supplier, weapon designation and description, numbers "
        "delivered that year, SIPRI's estimate flags, status (new or second hand) and TIV per unit and delivered."
    ),
    fields=(
        Field("sipri_deal_id", "int", "SIPRI's own deal identifier ('SIPRI AT Database ID')", minimum=1),
        Field("delivery_year", "int", "Year of this delivery", minimum=1995, maximum=2025),
        Field("delivery_year_is_estimate", "bool", "SIPRI marks the delivery year as an estimate (empty: SIPRI "
              "gives no flag)", nullable=True),
        Field("order_year", "int", "Year of the order ('Order date')", minimum=1900, maximum=2025),
        Field("order_year_is_estimate", "bool", "SIPRI marks the order year as an estimate (empty: no flag)", nullable=True),
        _iso3_field("recipient_iso3", "recipient", tuple(RECIPIENTS.values())),
        _name_field("recipient", "recipient", tuple(RECIPIENTS.values())),
        *_supplier_fields(),
        Field("designation", "str", "Weapon designation as SIPRI writes it"),
        Field("description", "str", "SIPRI's description of the weapon"),
        Field("armament_category", "str", "SIPRI's armament category"),
        Field("status", "str", "New, second hand, or second hand but modernized", allowed=STATUSES),
        Field("numbers_delivered", "int", "Number of items delivered in this delivery year", unit="items", minimum=0),
        Field("numbers_delivered_is_estimate", "bool", "SIPRI marks the number as an estimate (empty: no flag)",
              nullable=True),
        Field("tiv_per_unit_nominal_millions", "float", "SIPRI's TIV per unit for a new item ('SIPRI estimate')",
              unit="SIPRI TIV, millions", minimum=0, nullable=True),
        Field("tiv_per_unit_millions", "float", "TIV per unit after SIPRI's second-hand/modernisation adjustment "
              "('TIV deal unit'; 0.4 x nominal for second hand)", unit="SIPRI TIV, millions", minimum=0, nullable=True),
        Field("tiv_delivered_millions", "float", "TIV delivered in this delivery year ('TIV delivery values')",
              unit="SIPRI TIV, millions", minimum=0, nullable=True),
        Field("local_production", "bool", "SIPRI marks the deal as (partly) produced in the recipient country"),
    ),
    key=("sipri_deal_id", "delivery_year"),
    sources=(REGISTER_SOURCE,),
    processing=(
        *READ_REGISTER,
        "Renamed SIPRI's columns (e.g. 'Order date' -> order_year, 'TIV deal unit' -> tiv_per_unit_millions); "
        "texts (designation, description, category, status) are SIPRI's, unchanged.",
        "Turned SIPRI's Yes/No flags into booleans; an empty flag stays empty (unknown), never 'No'.",
        "TIV fields are nullable where SIPRI leaves them empty (none is empty for these two recipients in this "
        "export). The key is SIPRI's deal id with the delivery year (the export has one row per deal per year).",
        "Checked that delivered TIV = numbers delivered x per-unit TIV within the rounding of the per-unit TIV "
        "to 2 decimals.",
    ),
    build=build_register,
    source_line="Source: SIPRI Arms Transfers Database (2026)",
    cross_checks=register_cross_checks,
    coverage=register_coverage,
    notes=(TIV_NOTE, SIPRI_CALC_NOTE, NO_ORDERS_NOTE,
           "The year flags and numbers are SIPRI's estimates where marked; unflagged is not 'confirmed'."),
)

MILEX_CODES = tuple(MILEX_COUNTRIES.values())
MILITARY_EXPENDITURE = Dataset(
    name="military_expenditure",
    column_titles={  # each column as a reader would head it, with its unit
        'year': 'Year',
        'country_iso3': 'Country, ISO3 code',
        'country': 'Country',
        'constant_2023_usd_millions': 'Military spending, US$ million (constant 2023)',
        'current_usd_millions': 'Military spending, US$ million (current)',
        'share_gdp_pct': 'Military spending, % of GDP',
        'is_sipri_estimate': 'SIPRI estimate',
        'is_highly_uncertain': 'Highly uncertain',
        'sipri_notes': 'SIPRI footnotes',
    },
    title="Military expenditure of Azerbaijan, Armenia, Georgia, Russia, Turkey, Iran and Israel, 1992–2024 (SIPRI)",
    description=(
        "SIPRI's military expenditure figures for Azerbaijan and six comparators, one row per country and year: "
        "spending in constant 2023 US dollars, in current US dollars, and as a share of GDP, with SIPRI's "
        "estimate markers."
    ),
    fields=(
        Field("year", "int", "Calendar year", minimum=MILEX_YEARS[0], maximum=MILEX_YEARS[1]),
        _iso3_field("country_iso3", "country", MILEX_CODES),
        _name_field("country", "country", MILEX_CODES),
        Field("constant_2023_usd_millions", "float", "Military expenditure at constant 2023 prices and exchange "
              "rates (empty: SIPRI has no figure)", unit="US$ million, constant 2023", minimum=0, nullable=True),
        Field("current_usd_millions", "float", "Military expenditure in current US$ at the year's exchange rate "
              "(empty: SIPRI has no figure)", unit="US$ million, current prices", minimum=0, nullable=True),
        Field("share_gdp_pct", "float", "Military expenditure as a share of GDP (empty: SIPRI has no figure)",
              unit="percent of GDP", minimum=0, maximum=100, nullable=True),
        Field("is_sipri_estimate", "bool", "SIPRI prints the year's figures in blue: SIPRI estimates"),
        Field("is_highly_uncertain", "bool", "SIPRI prints the year's figures in red: highly uncertain data"),
        Field("sipri_notes", "str", "SIPRI's footnote markers for the country (see the workbook's Footnotes sheet)",
              nullable=True),
    ),
    key=("year", "country_iso3"),
    sources=(
        Source(
            publisher="Stockholm International Peace Research Institute (SIPRI)",
            dataset="SIPRI Military Expenditure Database (workbook SIPRI-Milex-data-1949-2024_2.xlsx)",
            release="April 2025 release (data 1949–2024)",
            released="2025-04",
            url="https://www.sipri.org/databases/milex",
            accessed=ACCESSED,
            licence="SIPRI terms of use: free non-commercial use with attribution to SIPRI (© SIPRI 2024 in the sheets)",
            attribution="Source: SIPRI Military Expenditure Database",
            citation="Stockholm International Peace Research Institute (2025). SIPRI Military Expenditure Database "
                     "2025. https://www.sipri.org/databases/milex",
            raw_files=(MILEX_FILE,),
        ),
    ),
    processing=(
        "Read the long CSV extract of SIPRI's Milex workbook (a faithful row filter: every cell of the kept countries "
        "and sheets with its value exactly as stored and its font colour), not the xlsx itself.",
        "Kept the sheets 'Constant (2023) US$', 'Current US$' and 'Share of GDP', the years 1992–2024 and the rows "
        "Azerbaijan, Armenia, Georgia, Russia, Türkiye (shown as Turkey), Iran and Israel (the USSR row is dropped).",
        "Wide with units in the column names, not long: the measures have different units, so one 'value' column "
        "would mix US$ and percentages; one row per country-year charts directly.",
        "SIPRI's markers '...' / '. .' (data unavailable) and 'xxx' (country did not exist) became empty cells, never 0.",
        "Share of GDP multiplied by 100 (SIPRI stores fractions: 0.052 -> 5.2%).",
        "SIPRI stores 0.0 in current US$ for Russia 1992 and Armenia 1992 while the same year has a positive share of "
        "GDP and constant-dollar figure: a zero money figure with a positive share of GDP is not a measurement and "
        "became empty.",
        "Font colours became is_sipri_estimate (blue) and is_highly_uncertain (red); the build checks that all "
        "sheets colour a country-year alike.",
        "Checked: shares within 0–100, money non-negative, constant (2023) US$ equals current US$ in 2023.",
    ),
    build=build_milex,
    source_line="Source: SIPRI Military Expenditure Database (2025)",
    cross_checks=milex_cross_checks,
    coverage=milex_coverage,
    notes=(
        "Azerbaijan 2011–2015 includes allocations for 'special defence projects' (SIPRI footnote 7).",
        "Armenia's figures exclude military pensions, which would add 15–20% (SIPRI footnote 6).",
        "Iran includes the Islamic Revolutionary Guard Corps; Georgia 2003 is believed underestimated; see "
        "SIPRI's footnotes for Russia and Israel.",
        "Current US$ figures move with exchange rates (e.g. the manat's 2015 devaluation); use constant 2023 US$ "
        "for change over time. Iran's early-1990s current-US$ figures exceed its constant ones (1992: 19,733 vs "
        "1,516 US$ million) because of the exchange rates of the time.",
    ),
)

DATASETS = (ARMS_TRANSFERS, ARMS_REGISTER, MILITARY_EXPENDITURE)
