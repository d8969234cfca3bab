"""People: ``remittances`` (KNOMAD, US$ million) and ``migrant_stocks`` (KNOMAD and UN DESA, persons).

Two tables rather than one with a ``measure`` column, so that each value column carries its
unit in its name. Both hold the pairs with Azerbaijan at one end and Russia, Turkey, Iran,
Armenia or Georgia at the other, in both directions, plus the publisher's World total where
the raw file prints one.

Raw inputs (see each folder's PROVENANCE.md):

* ``world-bank-knomad-bilateral-remittances-migration/WB_Bilateral_Remittance_Estimates_2017.xlsx``
  (sheet ``Bilateral_Remittances_2017``; rows send, columns receive; WORLD row and column),
* ``.../Bilateralremittancematrix2018Oct2019.csv`` (same orientation; whole millions; no totals),
* ``.../WB_Bilateral_Estimates_Migrant_Stocks_2017.xlsx`` (sheet ``Bilateral_Migration_2017``;
  rows = country of origin, columns = country of destination; World row and column),
* ``un-desa-international-migrant-stock/UN_MigrantStockByOriginAndDestination_2019_clean.csv``
  (one row per year and destination, one column per origin; no totals).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from azbook.data import countries
from azbook.data.rawfiles import cell, column_ref, read_xlsx_sheet, xlsx_number
from azbook.data.rawfiles import parse_float, read_csv
from azbook.data.schema import Dataset, DataError, Field, Source

ACCESSED = "2026-11-28"
KNOMAD_DIR = "economy/world-bank-knomad-bilateral-remittances-migration"
UN_DIR = "economy/un-desa-international-migrant-stock"
REMIT_2017 = f"{KNOMAD_DIR}/WB_Bilateral_Remittance_Estimates_2017.xlsx"
REMIT_2018 = f"{KNOMAD_DIR}/Bilateralremittancematrix2018Oct2019.csv"
STOCK_2017 = f"{KNOMAD_DIR}/WB_Bilateral_Estimates_Migrant_Stocks_2017.xlsx"
UN_FILE = f"{UN_DIR}/UN_MigrantStockByOriginAndDestination_2019_clean.csv"

PARTNERS = ("RUS", "TUR", "IRN", "ARM", "GEO")
#: World Bank economy labels -> ISO3.
WB_NAMES = {"Azerbaijan": "AZE", "Russian Federation": "RUS", "Turkey": "TUR", "Iran, Islamic Rep.": "IRN",
            "Armenia": "ARM", "Georgia": "GEO"}
#: UN DESA country labels -> ISO3.
UN_NAMES = {"Azerbaijan": "AZE", "Russian Federation": "RUS", "Turkey": "TUR", "Iran (Islamic Republic of)": "IRN",
            "Armenia": "ARM", "Georgia": "GEO"}
#: Cell texts that mean "no figure" (KNOMAD 2018 'N/A'; KNOMAD 2017 and UN DESA '-'; UN DESA '..').
MISSING = ("N/A", "-", "..", "", None)
TOTAL_TOLERANCE = 1e-6  # relative


@dataclass(frozen=True)
class Matrix:
    """A bilateral matrix as read: cell texts by (row label, column label) and where each sits."""

    file: str
    cells: dict[tuple[str, str], object]
    row_lines: dict[str, int]
    column_refs: dict[str, str]
    label_column: str  # where the row labels are (for messages)
    total: str | None = None  # label of the World row and column, if printed

    def where(self, row: str, column: str) -> tuple[int, str]:
        return self.row_lines[row], self.column_refs[column]


# --------------------------------------------------------------------------- reading the matrices


def _xlsx_matrix(path: Path, sheet: str, title: str, corner: str | None, total: str) -> tuple[Matrix, int]:
    """A KNOMAD 2017 workbook matrix (title in A1, header in row 2) and the year its title names."""
    rows = read_xlsx_sheet(path, sheet)
    file = f"{path} [sheet {sheet!r}]"
    heading = str(cell(rows, 1, 0) or "")
    found = re.match(re.escape(title) + r"\s+(\d{4})", heading.strip())
    if not found:
        raise DataError(file, f"title {heading[:80]!r}, expected it to start {title!r} and a year", row=1, column="A")
    found_corner = cell(rows, 2, 0)
    if (None if found_corner is None else str(found_corner).strip()) != corner:
        raise DataError(file, f"header corner {cell(rows, 2, 0)!r}, expected {corner!r} (shifted header?)", row=2, column="A")
    header = {str(v).strip(): j for j, v in enumerate(rows[1] if len(rows) > 1 else ()) if j > 0 and v is not None}
    if total not in header:
        raise DataError(file, f"header lacks the total column {total!r}", row=2, column=total)
    width = header[total] + 1
    labels = {j: name for name, j in header.items()}
    cells, lines = {}, {}
    for line in range(3, len(rows) + 1):
        label = str(cell(rows, line, 0) or "").strip()
        if not label:
            break  # a blank row ends the matrix; the notes follow
        if label in lines:
            raise DataError(file, f"row label {label!r} appears twice (also row {lines[label]})", row=line, column="A")
        lines[label] = line
        for j in range(1, width):
            if j in labels:
                cells[(label, labels[j])] = cell(rows, line, j)
    if total not in lines:
        raise DataError(file, f"no {total!r} row (matrix truncated or shifted?)", column="A")
    refs = {name: column_ref(j, name) for name, j in header.items()}
    return Matrix(file, cells, lines, refs, "A", total), int(found.group(1))


def _csv_matrix(path: Path, df: pd.DataFrame, row_column: str, columns: list[str]) -> Matrix:
    """A matrix from CSV rows already read by :func:`read_csv` (``row_column`` holds the row labels)."""
    seen: dict[str, int] = {}
    for label, line in zip(df[row_column].str.strip(), df.source_row):
        if label in seen:
            raise DataError(path, f"row label {label!r} appears twice (also row {seen[label]})", row=line,
                            column=row_column)
        seen[label] = line
    cells = {(label, c): text for c in columns for label, text in zip(df[row_column].str.strip(), df[c])}
    return Matrix(str(path), cells, seen, {c: c for c in columns}, row_column)


def _value(m: Matrix, row: str, column: str, kind: type) -> float | None:
    """The number in one cell; None for a missing marker. Negative or non-numeric cells raise DataError."""
    raw = m.cells.get((row, column))
    line, ref = m.where(row, column)
    if isinstance(raw, str):
        text = raw.strip()
        if text in MISSING:
            return None
        number = parse_float(Path(m.file), line, ref, text)
        if number < 0:
            raise DataError(m.file, f"negative value {text!r}", row=line, column=ref)
        if kind is int and number != int(number):
            raise DataError(m.file, f"{text!r} is not a whole number of persons", row=line, column=ref)
        return number
    return xlsx_number(m.file, line, ref, raw, missing=MISSING)


def _check_total(m: Matrix, label: str, axis: str, kind: type) -> None:
    """The World cell of ``label``'s row (axis='row') or column equals the sum of that row or column."""
    others = [k for k in (m.column_refs if axis == "row" else m.row_lines) if k != m.total]
    pairs = [(label, k) for k in others] if axis == "row" else [(k, label) for k in others]
    total_cell = (label, m.total) if axis == "row" else (m.total, label)
    parts = sum(v for r, c in pairs if (v := _value(m, r, c, kind)) is not None)
    total = _value(m, *total_cell, kind)
    if total is None or abs(parts - total) > TOTAL_TOLERANCE * max(total, 1.0):
        line, ref = m.where(*total_cell)
        raise DataError(m.file, f"World total {total!r} for {label!r} ({axis}) differs from the sum of its cells "
                        f"({parts:.6f})", row=line, column=ref)


def _azerbaijan_pairs(m: Matrix, names: dict[str, str], kind: type) -> list[dict]:
    """Cells between Azerbaijan and each partner (both ways) and, if printed, the World totals.

    Each dict has row_iso3, column_iso3 and value; zero and missing cells give no dict.
    """
    code_label = {code: label for label, code in names.items()}
    for code, label in code_label.items():
        if label not in m.row_lines:
            raise DataError(m.file, f"no row for {label!r} ({code}): renamed or missing country?",
                            column=m.label_column)
        if label not in m.column_refs:
            raise DataError(m.file, f"no column for {label!r} ({code}): renamed or missing country?", row=1, column=label)
    aze = code_label["AZE"]
    wanted = [(aze, code_label[p]) for p in PARTNERS] + [(code_label[p], aze) for p in PARTNERS]
    if m.total:
        _check_total(m, aze, "row", kind)
        _check_total(m, aze, "column", kind)
        wanted += [(aze, m.total), (m.total, aze)]
    iso = {**names, **({m.total: "WLD"} if m.total else {})}
    out = []
    for row, column in wanted:
        value = _value(m, row, column, kind)
        if value:  # zero or missing: no row
            out.append({"row_iso3": iso[row], "column_iso3": iso[column], "value": value})
    return out


# --------------------------------------------------------------------------- remittances

REMIT_RELEASES = {2017: "April 2018 version", 2018: "October 2019 version"}


def build_remittances(raw: Path) -> pd.DataFrame:
    """The tidy ``remittances`` table from the two KNOMAD matrices under ``raw``."""
    m17, year17 = _xlsx_matrix(raw / REMIT_2017, "Bilateral_Remittances_2017", "Bilateral Remittance Estimates for",
                               "receiving (across) / sending (down)", "WORLD")
    _expect_year(m17, year17, 2017)
    path18 = raw / REMIT_2018
    labels = list(WB_NAMES)
    df18 = read_csv(path18, ["Unnamed: 0", *labels])
    m18 = _csv_matrix(path18, df18, "Unnamed: 0", labels)
    records = [
        _remittance_record(year, pair)
        for year, m in ((2017, m17), (2018, m18))
        for pair in _azerbaijan_pairs(m, WB_NAMES, float)
    ]
    return REMITTANCES.typed(pd.DataFrame.from_records(records))


def _expect_year(m: Matrix, found: int, expected: int) -> None:
    if found != expected:
        raise DataError(m.file, f"title names {found}, expected {expected}", row=1, column="A")


def _remittance_record(year: int, pair: dict) -> dict:
    sending, receiving = pair["row_iso3"], pair["column_iso3"]
    return {
        "year": year,
        "release": REMIT_RELEASES[year],
        "sending_iso3": sending,
        "sending": countries.name(sending),
        "receiving_iso3": receiving,
        "receiving": countries.name(receiving),
        "direction": "from_azerbaijan" if sending == "AZE" else "to_azerbaijan",
        "usd_millions": pair["value"],
    }


def cross_check_totals(df: pd.DataFrame, ds: Dataset, value: str, group: list[str], origin: str, destination: str) -> None:
    """Per group and direction, the partners kept never add up to more than the publisher's World total."""
    file = f"data/{ds.name}.csv"
    world_rows = (df[origin] == "WLD") | (df[destination] == "WLD")
    world = df[world_rows].set_index([*group, "direction"])[value]
    parts = df[~world_rows].groupby([*group, "direction"])[value].sum()
    for key, total in world.items():
        if key in parts.index and parts[key] > total * (1 + 1e-9):
            raise DataError(file, f"{dict(zip([*group, 'direction'], key))}: partners sum to {parts[key]}, more than "
                            f"the World total {total}", column=value)


def cross_check_remittances(df: pd.DataFrame) -> None:
    cross_check_totals(df, REMITTANCES, "usd_millions", ["year"], "sending_iso3", "receiving_iso3")


def coverage_remittances(df: pd.DataFrame) -> dict:
    return {"years": sorted(int(y) for y in df.year.unique()), "rows": len(df),
            "partners": sorted(set(df.sending) | set(df.receiving))}


KNOMAD_LICENCE = "CC BY 4.0 (World Bank Terms of Use for Datasets)"
KNOMAD_LANDING = "https://www.worldbank.org/en/topic/migrationremittancesdiasporaissues/brief/migration-remittances-data"
REMITTANCES = Dataset(
    name="remittances",
    column_titles={  # each column as a reader would head it, with its unit
        'year': 'Year',
        'release': 'Release',
        'sending_iso3': 'Sent from, ISO3 code',
        'sending': 'Sent from',
        'receiving_iso3': 'Received in, ISO3 code',
        'receiving': 'Received in',
        'direction': 'Direction',
        'usd_millions': 'Remittances, US$ million',
    },
    title="Estimated remittances between Azerbaijan and Russia, Turkey, Iran, Armenia and Georgia, 2017 and 2018",
    description=(
        "World Bank/KNOMAD bilateral remittance estimates (model-based: migrant stocks x host and origin incomes, "
        "not reported flows) in millions of current US dollars, both into and out of Azerbaijan, with the "
        "World totals of the 2017 matrix."
    ),
    fields=(
        Field("year", "int", "Year the estimate refers to", allowed=(2017, 2018)),
        Field("release", "str", "Version of the KNOMAD matrix", allowed=tuple(REMIT_RELEASES.values())),
        Field("sending_iso3", "str", "ISO3 code of the country the money is sent from (host of the migrants); "
              "WLD: all sending countries", allowed=("AZE", *PARTNERS, "WLD")),
        Field("sending", "str", "Country the money is sent from"),
        Field("receiving_iso3", "str", "ISO3 code of the country receiving the money (migrants' origin); "
              "WLD: all receiving countries", allowed=("AZE", *PARTNERS, "WLD")),
        Field("receiving", "str", "Country receiving the money"),
        Field("direction", "str", "Direction of the money relative to Azerbaijan",
              allowed=("from_azerbaijan", "to_azerbaijan")),
        Field("usd_millions", "float", "Estimated remittances in the year (2018: whole millions as stored in the CSV)",
              unit="US$ million, current prices", minimum=0),
    ),
    key=("year", "sending_iso3", "receiving_iso3"),
    sources=(
        Source(
            publisher="World Bank, Migration and Remittances Unit / KNOMAD",
            dataset="Bilateral Remittance Estimates for 2017 using Migrant Stocks, Host Country Incomes, and Origin "
                    "Country Incomes (millions of US$)",
            release="April 2018 version (bilateralremittancematrix2017-Apr2018.xlsx)",
            released="2018-04",
            url="http://pubdocs.worldbank.org/en/705611533661084197/bilateralremittancematrix2017-Apr2018.xlsx",
            accessed=ACCESSED,
            licence=KNOMAD_LICENCE,
            attribution="World Bank/KNOMAD bilateral remittance estimates",
            citation="World Bank (2018). Bilateral Remittance Matrix 2017 (April 2018 version). Washington, DC: World "
                     f"Bank/KNOMAD. {KNOMAD_LANDING}",
            raw_files=(REMIT_2017,),
        ),
        Source(
            publisher="World Bank, Migration and Remittances Unit / KNOMAD",
            dataset="Bilateral Remittance Matrix 2018",
            release="October 2019 version (Bilateralremittancematrix2018Oct2019.xlsx, as a CSV without title, notes and totals)",
            released="2019-10",
            url="https://thedocs.worldbank.org/en/doc/904591573826885707-0090022019/original/Bilateralremittancematrix2018Oct2019.xlsx",
            accessed=ACCESSED,
            licence=KNOMAD_LICENCE,
            attribution="World Bank/KNOMAD bilateral remittance estimates",
            citation="World Bank (2019). Bilateral Remittance Matrix 2018 (October 2019 version). Washington, DC: World "
                     f"Bank/KNOMAD. {KNOMAD_LANDING}",
            raw_files=(REMIT_2018,),
        ),
    ),
    processing=(
        "2017: read sheet 'Bilateral_Remittances_2017' of the original workbook (title checked to name 2017; rows send, "
        "columns receive); checked Azerbaijan's WORLD row and column equal the sums of its column and row.",
        "2018: read the staged CSV of the October 2019 matrix (a byte copy of a third party's CSV of the original, with "
        "title, notes and total row and column removed; values are whole millions).",
        "Kept the cells between Azerbaijan and Russia, Turkey, Iran, Armenia and Georgia in both directions, and the 2017 "
        "WORLD totals of Azerbaijan (all it receives, all it sends).",
        "A zero, 'N/A' or '-' cell gives no row (zero is the model's 'none' and, in the 2018 CSV, also anything under "
        "0.5 after rounding); values otherwise unchanged.",
        "Mapped the World Bank's economy labels to ISO3 codes and the book's short names.",
    ),
    build=build_remittances,
    source_line="Source: World Bank/KNOMAD bilateral remittance estimates (2017, 2018)",
    cross_checks=cross_check_remittances,
    coverage=coverage_remittances,
    notes=(
        "Analytical estimates, not reported flows: they spread each country's recorded remittances over its migrants' "
        "countries by migrant stock and incomes. Use for orders of magnitude.",
        "Armenia -> Azerbaijan and Azerbaijan -> Armenia figures reflect Soviet-era birthplace stocks in the model, "
        "not current transfers between the two countries.",
        "2018 values are whole US$ millions (the CSV holds the figures as displayed); 2017 values are full precision.",
    ),
)

# --------------------------------------------------------------------------- migrant stocks

UN_REQUIRED = ["Year", "Dest", *UN_NAMES]


def build_migrant_stocks(raw: Path) -> pd.DataFrame:
    """The tidy ``migrant_stocks`` table from the KNOMAD 2017 matrix and UN DESA 2019 under ``raw``."""
    m17, year17 = _xlsx_matrix(raw / STOCK_2017, "Bilateral_Migration_2017", "Bilateral Estimates of Migrant Stocks in",
                               None, "World")
    _expect_year(m17, year17, 2017)
    records = [_stock_record("knomad", 2017, p["row_iso3"], p["column_iso3"], p["value"])
               for p in _azerbaijan_pairs(m17, WB_NAMES, int)]
    records += _un_records(raw / UN_FILE)
    return STOCKS.typed(pd.DataFrame.from_records(records))


def _un_records(path: Path) -> list[dict]:
    """UN DESA rows: one matrix per year, rows = destination, columns = origin."""
    df = read_csv(path, UN_REQUIRED)
    for text, line in zip(df.Year, df.source_row):
        if not re.fullmatch(r"(19|20)\d\d", text.strip()):
            raise DataError(path, f"{text!r} is not a year", row=line, column="Year")
    labels = list(UN_NAMES)
    out = []
    kept = df[df.Dest.str.strip().isin(labels)].assign(Year=lambda d: d.Year.str.strip())
    for year, rows in kept.groupby("Year"):
        m = _csv_matrix(path, rows, "Dest", labels)
        out += [_stock_record("un_desa", int(year), p["column_iso3"], p["row_iso3"], p["value"])
                for p in _azerbaijan_pairs(m, UN_NAMES, int)]
    if not out:
        raise DataError(path, "no destination rows for Azerbaijan and its neighbours (were the country labels renamed?)",
                        column="Dest")
    return out


def _stock_record(source: str, year: int, origin: str, destination: str, persons: float) -> dict:
    return {
        "source": source,
        "year": year,
        "origin_iso3": origin,
        "origin": countries.name(origin),
        "destination_iso3": destination,
        "destination": countries.name(destination),
        "direction": "from_azerbaijan" if origin == "AZE" else "to_azerbaijan",
        "persons": int(persons),
    }


def cross_check_stocks(df: pd.DataFrame) -> None:
    cross_check_totals(df, STOCKS, "persons", ["source", "year"], "origin_iso3", "destination_iso3")


def coverage_stocks(df: pd.DataFrame) -> dict:
    return {"years": {s: sorted(int(y) for y in g.year.unique()) for s, g in df.groupby("source")}, "rows": len(df),
            "partners": sorted(set(df.origin) | set(df.destination))}


STOCKS = Dataset(
    name="migrant_stocks",
    column_titles={  # each column as a reader would head it, with its unit
        'source': 'Source',
        'year': 'Year',
        'origin_iso3': 'Born in, ISO3 code',
        'origin': 'Born in',
        'destination_iso3': 'Living in, ISO3 code',
        'destination': 'Living in',
        'direction': 'Direction',
        'persons': 'Migrants, persons',
    },
    title="Migrant stocks between Azerbaijan and Russia, Turkey, Iran, Armenia and Georgia, 1990-2019 (persons)",
    description=(
        "International migrant stock (people living outside their country of birth, or of citizenship where birthplace "
        "is not recorded) for each pair of Azerbaijan and a neighbour, both directions: UN DESA International Migrant "
        "Stock 2019 (1990, 1995, 2000, 2005, 2010, 2015, 2019) and the World Bank/KNOMAD bilateral migration matrix 2017 "
        "(with its World totals)."
    ),
    fields=(
        Field("source", "str", "knomad: World Bank/KNOMAD Bilateral Migration Matrix 2017; un_desa: UN DESA International "
              "Migrant Stock 2019", allowed=("knomad", "un_desa")),
        Field("year", "int", "Reference year (UN DESA: mid-year)", minimum=1990, maximum=2019),
        Field("origin_iso3", "str", "ISO3 code of the country of birth (origin); WLD: all origins",
              allowed=("AZE", *PARTNERS, "WLD")),
        Field("origin", "str", "Country of birth (origin)"),
        Field("destination_iso3", "str", "ISO3 code of the country of residence (destination); WLD: all destinations",
              allowed=("AZE", *PARTNERS, "WLD")),
        Field("destination", "str", "Country of residence (destination)"),
        Field("direction", "str", "from_azerbaijan: Azerbaijan-born living abroad; to_azerbaijan: foreign-born living in "
              "Azerbaijan", allowed=("from_azerbaijan", "to_azerbaijan")),
        Field("persons", "int", "Migrant stock", unit="persons (both sexes)", minimum=1),
    ),
    key=("source", "year", "origin_iso3", "destination_iso3"),
    sources=(
        Source(
            publisher="World Bank, Migration and Remittances Unit / KNOMAD",
            dataset="Bilateral Estimates of Migrant Stocks in 2017 (Bilateral Migration Matrix 2017)",
            release="2017 matrix (published 2018)",
            released="2018",
            url=KNOMAD_LANDING,
            accessed=ACCESSED,
            licence=KNOMAD_LICENCE,
            attribution="World Bank/KNOMAD Bilateral Migration Matrix 2017",
            citation=f"World Bank (2018). Bilateral Migration Matrix 2017. Washington, DC: World Bank/KNOMAD. {KNOMAD_LANDING}",
            raw_files=(STOCK_2017,),
        ),
        Source(
            publisher="United Nations, Department of Economic and Social Affairs, Population Division",
            dataset="International Migrant Stock 2019: migrant stock by destination and origin (Table 1, both sexes)",
            release="POP/DB/MIG/Stock/Rev.2019",
            released="2019",
            url="https://www.un.org/en/development/desa/population/migration/data/estimates2/estimates19.asp",
            accessed=ACCESSED,
            licence="UN Population Division data: free to use with citation",
            attribution="United Nations, Department of Economic and Social Affairs, Population Division (2019). "
                        "International Migrant Stock 2019",
            citation="United Nations, Department of Economic and Social Affairs, Population Division (2019). International "
                     "Migrant Stock 2019 (United Nations database, POP/DB/MIG/Stock/Rev.2019). "
                     "https://www.un.org/en/development/desa/population/migration/data/estimates2/estimates19.asp",
            raw_files=(UN_FILE,),
        ),
    ),
    processing=(
        "KNOMAD 2017: read sheet 'Bilateral_Migration_2017' of the original workbook (title checked to name 2017; rows = "
        "origin, columns = destination); checked Azerbaijan's World row and column equal the sums of its column and row.",
        "UN DESA 2019: read the staged CSV of Table 1 (a third party's reformatting of the original xlsx: header material "
        "and regional/aggregate rows removed, so no World total; one row per year and destination, one column per origin).",
        "Kept the pairs of Azerbaijan with Russia, Turkey, Iran, Armenia and Georgia in both directions, and the KNOMAD "
        "World totals of Azerbaijan (all Azerbaijan-born abroad; all foreign-born in Azerbaijan).",
        "A zero, '..' or '-' cell gives no row: in the UN DESA CSV zeros stand for the original's empty cells, and a KNOMAD "
        "zero is the estimate 'none'. Values otherwise unchanged; no year is interpolated.",
        "Mapped the publishers' country labels to ISO3 codes and the book's short names.",
    ),
    build=build_migrant_stocks,
    source_line="Source: UN DESA International Migrant Stock 2019; World Bank/KNOMAD Bilateral Migration Matrix 2017",
    cross_checks=cross_check_stocks,
    coverage=coverage_stocks,
    notes=(
        "Stocks count people by place of birth: Soviet-era births and the 1988-94 refugee movements dominate the "
        "Armenia-Azerbaijan figures and part of Russia-Azerbaijan; they are not recent migration.",
        "KNOMAD 2017 and UN DESA differ where KNOMAD uses other national sources (e.g. Azerbaijan-born in Turkey: KNOMAD "
        "2017 52,836; UN DESA 2019 22,792). Do not join the two sources into one series.",
        "UN DESA 2020 and 2024 revisions are not staged; 2019 is the latest year here.",
    ),
)

DATASETS = (REMITTANCES, STOCKS)
