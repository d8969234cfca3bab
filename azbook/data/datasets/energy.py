"""Gas: ``gas_exports`` (annual pipeline trade, bcm) and ``gas_flows_monthly`` (border points, mcm).

Two tables, because the two publishers measure different things at different grains:

* ``gas_exports``: the pipeline-trade matrices of the Statistical Review of World Energy,
  one year per edition: data year 2020 from the bp 2021 edition
  (``bp-stats-review-2021-all-data.xlsx``) and data year 2022 from the Energy Institute 2023
  edition (``ei-stats-review-2023-all-data.xlsx``), sheet "Gas - Trade movts - pipeline".
  Exporters kept: Azerbaijan, Russia and Iran (each with every importer row it ships to), and
  the publisher's "Total imports" column for the importers the book follows (Turkey, Russia).
  The 2022 panel of the 2022 edition carries no trade matrix, so there is no 2021 figure.
* ``gas_flows_monthly``: IEA Gas Trade Flows, monthly physical flows at the Georgia -> Türkiye
  entry point (Turkgozu), the TAP points (Kipi, Kastoria, Melendugno) and Türkiye's other
  entry points (Iran, Russia, Bulgaria), from the staged long extract
  ``Export_GTF_IEA_202209_Turkiye-Georgia-TAP-borderpoints_long.csv`` (a faithful row filter of
  sheet "Data" of ``Export_GTF_IEA_202209.xls``: every one of its 1,680 values matches the
  workbook cell).

:func:`read_xlsx_sheet` is shared with :mod:`azbook.data.datasets.people` (a candidate for
``azbook.data.rawfiles``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from azbook.data import countries
from azbook.data.rawfiles import cell, column_ref, parse_float, read_csv, read_xlsx_sheet, xlsx_number
from azbook.data.schema import Dataset, DataError, Field, Source

ACCESSED = "2026-11-28"

# --------------------------------------------------------------------------- gas_exports (EI/bp)

BP_DIR = "economy/energy-institute-bp-statistical-review"
PIPELINE_SHEET = "Gas - Trade movts - pipeline"
UNIT_LABEL = "Billion cubic metres"
TOTAL_IMPORTS = "Total imports"
TOTAL_EXPORTS = "Total exports"


@dataclass(frozen=True)
class Edition:
    """One edition of the Statistical Review and the data year of its pipeline matrix."""

    edition: int
    data_year: int
    file: str
    publisher: str
    title: str


EDITIONS = (
    Edition(2021, 2020, "bp-stats-review-2021-all-data.xlsx", "bp p.l.c.", "bp Statistical Review of World Energy 2021"),
    Edition(2023, 2022, "ei-stats-review-2023-all-data.xlsx", "Energy Institute",
            "Energy Institute Statistical Review of World Energy 2023"),
)

#: Exporter column labels kept -> ISO3 (the "Total imports" column is kept as WLD: all exporters).
EXPORTERS = {"Azerbaijan": "AZE", "Russian Federation": "RUS", "Iran": "IRN", TOTAL_IMPORTS: "WLD"}
#: For the "Total imports" column only these importers are kept (the book's countries).
TOTAL_IMPORTS_FOR = ("TUR", "RUS")
#: Region subtotal rows (each the sum of the rows since the previous subtotal).
REGIONS = ("North America", "S. & Cent. America", "Europe", "CIS", "Middle East", "Africa", "Asia Pacific")
#: Residual country groups, named by the publisher, with no ISO3 code.
GROUPS = (
    "Other S. & Cent. America", "EU", "Other EU", "Rest of Europe", "Other Europe", "Other CIS",
    "Other Middle East", "Other Africa", "Other Asia Pacific",
)
#: Importer rows that are single countries -> ISO3 code.
COUNTRY_LABELS = {
    "Canada": "CAN", "Mexico": "MEX", "US": "USA", "Argentina": "ARG", "Brazil": "BRA", "Belgium": "BEL",
    "France": "FRA", "Germany": "DEU", "Italy": "ITA", "Netherlands": "NLD", "Spain": "ESP", "Turkey": "TUR",
    "Ukraine": "UKR", "United Kingdom": "GBR", "Belarus": "BLR", "Kazakhstan": "KAZ", "Russian Federation": "RUS",
    "United Arab Emirates": "ARE", "South Africa": "ZAF", "Australia": "AUS", "China": "CHN", "Malaysia": "MYS",
    "Singapore": "SGP", "Thailand": "THA", "Georgia": "GEO", "Armenia": "ARM", "Iran": "IRN", "Azerbaijan": "AZE",
}
#: Display names of codes that azbook.data.countries does not carry (the publisher's own short names otherwise).
OTHER_NAMES = {"ITA": "Italy", "GRC": "Greece", "ALB": "Albania", "BGR": "Bulgaria", "GBR": "United Kingdom",
               "USA": "United States"}
TOLERANCE_BCM = 1e-6


def country_name(iso3: str, fallback: str) -> str:
    """The book's short name for ``iso3`` (azbook.data.countries, then this module), else ``fallback``."""
    return countries.NAMES.get(iso3) or OTHER_NAMES.get(iso3, fallback)


def edition_path(raw: Path, ed: Edition) -> Path:
    return raw / BP_DIR / ed.file


def build_exports(raw: Path) -> pd.DataFrame:
    """The tidy ``gas_exports`` table from both Statistical Review workbooks under ``raw``."""
    frames = [pd.DataFrame.from_records(_edition_records(edition_path(raw, ed), ed)) for ed in EDITIONS]
    return EXPORTS.typed(pd.concat(frames, ignore_index=True))


def _edition_records(path: Path, ed: Edition) -> list[dict]:
    _check_edition(path, ed)
    rows = read_xlsx_sheet(path, PIPELINE_SHEET)
    file = f"{path} [sheet {PIPELINE_SHEET!r}]"
    columns = _matrix_columns(file, rows, ed)
    matrix = _matrix_rows(file, rows, columns)
    _check_matrix_totals(file, matrix, columns)
    return [
        rec
        for label, line, values in matrix
        for exporter, col in columns.items()
        if exporter in EXPORTERS and (rec := _export_record(file, ed, label, line, exporter, col, values[col]))
    ]


def _check_edition(path: Path, ed: Edition) -> None:
    """The Contents sheet names the edition the file is expected to be (guards against renamed files)."""
    text = " ".join(str(v) for row in read_xlsx_sheet(path, "Contents") for v in row if v is not None)
    found = re.search(r"information presented in the\s+(\d{4})", text)
    if not found or int(found.group(1)) != ed.edition:
        said = found.group(1) if found else "no edition"
        raise DataError(f"{path} [sheet 'Contents']", f"says {said}, expected the {ed.edition} edition ({ed.title})")


def _matrix_columns(file: str, rows: list[tuple], ed: Edition) -> dict[str, int]:
    """Exporter label -> 0-based column, after checking title, unit line and header row."""
    title = str(cell(rows, 1, 0) or "")
    found = re.match(r"Natural Gas: Trade movements (\d{4}) by pipeline", title.strip())
    if not found or int(found.group(1)) != ed.data_year:
        raise DataError(file, f"title {title!r}, expected 'Natural Gas: Trade movements {ed.data_year} by pipeline'",
                        row=1, column="A")
    if str(cell(rows, 2, 0) or "").strip() != UNIT_LABEL:
        raise DataError(file, f"unit line {cell(rows, 2, 0)!r}, expected {UNIT_LABEL!r}", row=2, column="A")
    if cell(rows, 3, 0) != "To":
        raise DataError(file, f"header cell {cell(rows, 3, 0)!r}, expected 'To' (shifted header?)", row=3, column="A")
    header = {str(v).strip(): j for j, v in enumerate(rows[2]) if j > 0 and v is not None}
    missing = [name for name in EXPORTERS if name not in header]
    if missing:
        raise DataError(file, f"header lacks exporter column(s) {missing}", row=3, column=missing[0])
    end = header[TOTAL_IMPORTS]
    return {name: j for name, j in header.items() if j <= end}


def _matrix_rows(file: str, rows: list[tuple], columns: dict[str, int]) -> list[tuple[str, int, dict[int, float]]]:
    """(importer label, sheet row, {column: bcm}) for every importer row down to 'Total exports'."""
    out = []
    for line in range(4, len(rows) + 1):
        label = str(cell(rows, line, 0) or "").strip()
        if not label:
            raise DataError(file, f"empty importer label before the {TOTAL_EXPORTS!r} row (total row missing or renamed?)", row=line, column="A")
        values = {j: xlsx_number(file, line, column_ref(j, name), cell(rows, line, j)) for name, j in columns.items()}
        out.append((label, line, values))
        if label == TOTAL_EXPORTS:
            return out
    raise DataError(file, f"no {TOTAL_EXPORTS!r} row", column="A")


def _check_matrix_totals(file: str, matrix: list, columns: dict[str, int]) -> None:
    """The publisher's own sums hold: row sums = 'Total imports', region subtotals and 'Total exports'."""
    total_col = columns[TOTAL_IMPORTS]
    exporters = [j for j in columns.values() if j != total_col]
    for label, line, values in matrix:
        row_sum = sum(values[j] for j in exporters)
        if abs(row_sum - values[total_col]) > TOLERANCE_BCM:
            raise DataError(file, f"{label!r}: exporters sum to {row_sum:.6f}, {TOTAL_IMPORTS!r} says "
                            f"{values[total_col]:.6f}", row=line, column=column_ref(total_col, TOTAL_IMPORTS))
    since_region = dict.fromkeys(columns.values(), 0.0)
    all_leaves = dict.fromkeys(columns.values(), 0.0)
    for label, line, values in matrix:
        if label in REGIONS or label == TOTAL_EXPORTS:
            expected = since_region if label in REGIONS else all_leaves
            for name, j in columns.items():
                if abs(expected[j] - values[j]) > TOLERANCE_BCM:
                    raise DataError(file, f"{label!r} is {values[j]:.6f} but the rows it totals sum to {expected[j]:.6f}",
                                    row=line, column=column_ref(j, name))
            since_region = dict.fromkeys(columns.values(), 0.0)
        else:
            for j in columns.values():
                since_region[j] += values[j]
                all_leaves[j] += values[j]


def _export_record(file: str, ed: Edition, label: str, line: int, exporter: str, col: int, bcm: float) -> dict | None:
    """One row of the table, or None for a zero cell (no recorded trade) or a row not kept."""
    if bcm == 0:
        return None
    kind, iso3, name = _destination(file, label, line)
    if exporter == TOTAL_IMPORTS and iso3 not in TOTAL_IMPORTS_FOR:
        return None
    exporter_iso3 = EXPORTERS[exporter]
    return {
        "year": ed.data_year,
        "edition": ed.edition,
        "exporter_iso3": exporter_iso3,
        "exporter": countries.name(exporter_iso3),
        "destination_iso3": iso3,
        "destination": name,
        "destination_kind": kind,
        "bcm": bcm,
    }


def _destination(file: str, label: str, line: int) -> tuple[str, str | None, str]:
    """(kind, ISO3 or None, display name) of an importer row label."""
    if label == TOTAL_EXPORTS:
        return "world_total", "WLD", countries.name("WLD")
    if label in REGIONS:
        return "region_total", None, label
    if label in GROUPS:
        return "group", None, label
    if label in COUNTRY_LABELS:
        iso3 = COUNTRY_LABELS[label]
        return "country", iso3, country_name(iso3, label)
    raise DataError(file, f"unknown importer {label!r} (add it to COUNTRY_LABELS or GROUPS in energy.py)",
                    row=line, column="A")


def cross_check_exports(df: pd.DataFrame) -> None:
    """Per edition and exporter: countries and groups sum to the World row; no exporter beats Total imports."""
    file = f"data/{EXPORTS.name}.csv"
    leaves = df[df.destination_kind.isin(["country", "group"]) & (df.exporter_iso3 != "WLD")]
    sums = leaves.groupby(["edition", "exporter_iso3"])["bcm"].sum()
    world = df[df.destination_kind == "world_total"].set_index(["edition", "exporter_iso3"])["bcm"]
    for key, total in world.items():
        if abs(sums.get(key, 0.0) - total) > 1e-4:
            raise DataError(file, f"edition {key[0]} exporter {key[1]}: destinations sum to {sums.get(key, 0.0):.4f}, "
                            f"World row says {total:.4f}", column="bcm")
    totals = df[df.exporter_iso3 == "WLD"].set_index(["edition", "destination_iso3"])["bcm"]
    parts = leaves.join(totals.rename("all_exporters"), on=["edition", "destination_iso3"])
    over = parts[parts.all_exporters.notna() & (parts.bcm > parts.all_exporters + 1e-6)]
    if not over.empty:
        r = over.iloc[0]
        raise DataError(file, f"{r.exporter} -> {r.destination} {r.year} ({r.bcm}) exceeds all exporters together "
                        f"({r.all_exporters})", column="bcm")


def coverage_exports(df: pd.DataFrame) -> dict:
    return {"years": sorted(int(y) for y in df.year.unique()), "editions": sorted(int(e) for e in df.edition.unique()),
            "rows": len(df), "exporters": sorted(df.exporter.unique())}


BP_SOURCES = (
    Source(
        publisher="bp p.l.c.",
        dataset="bp Statistical Review of World Energy 2021, all-data workbook (Natural Gas: Trade movements 2020 by pipeline)",
        release="70th edition, July 2021; data year 2020",
        url="https://www.bp.com/content/dam/bp/business-sites/en/global/corporate/xlsx/energy-economics/statistical-review/bp-stats-review-2021-all-data.xlsx",
        accessed=ACCESSED,
        licence="bp Statistical Review terms: quotation permitted with attribution; extensive reproduction of tables needs permission",
        attribution="bp Statistical Review of World Energy 2021",
        citation="bp (2021). bp Statistical Review of World Energy 2021. London: bp p.l.c. https://www.energyinst.org/statistical-review",
        raw_files=(f"{BP_DIR}/{EDITIONS[0].file}",),
        released="2021-07",
    ),
    Source(
        publisher="Energy Institute (EI)",
        dataset="Energy Institute Statistical Review of World Energy 2023, all-data workbook (Natural Gas: Trade movements 2022 by pipeline)",
        release="72nd edition, June 2023; data year 2022",
        url="https://www.energyinst.org/statistical-review",
        accessed=ACCESSED,
        licence="Statistical Review terms: quotation permitted with attribution; extensive reproduction of tables needs permission",
        attribution="Energy Institute Statistical Review of World Energy 2023",
        citation="Energy Institute (2023). Statistical Review of World Energy 2023. London: Energy Institute. https://www.energyinst.org/statistical-review",
        raw_files=(f"{BP_DIR}/{EDITIONS[1].file}",),
        released="2023-06",
    ),
)

EXPORTS = Dataset(
    name="gas_exports",
    column_titles={  # each column as a reader would head it, with its unit
        'year': 'Year',
        'edition': 'Edition',
        'exporter_iso3': 'Exporter, ISO3 code',
        'exporter': 'Exporter',
        'destination_iso3': 'Destination, ISO3 code',
        'destination': 'Destination',
        'destination_kind': 'Kind of destination',
        'bcm': 'Pipeline gas exports, bcm',
    },
    title="Pipeline gas exports of Azerbaijan, Russia and Iran by destination, 2020 and 2022 (bcm)",
    description=(
        "Annual natural-gas trade by pipeline from the Statistical Review of World Energy trade matrices: every importer "
        "row (country, residual group, region subtotal, world total) that Azerbaijan, Russia or Iran shipped to, plus all "
        "exporters together into Turkey and Russia. Data year 2020 from the bp 2021 edition, 2022 from the Energy "
        "Institute 2023 edition; the editions list importers differently (2022 shows 'EU' and 'Rest of Europe', not Turkey)."
    ),
    fields=(
        Field("year", "int", "Data year of the trade matrix", allowed=(2020, 2022)),
        Field("edition", "int", "Statistical Review edition the figure comes from (2021: bp; 2023: Energy Institute)",
              allowed=(2021, 2023)),
        Field("exporter_iso3", "str", "ISO3 code of the exporter (WLD: all exporters, the publisher's 'Total imports' column)",
              allowed=("AZE", "RUS", "IRN", "WLD")),
        Field("exporter", "str", "Name of the exporter", allowed=("Azerbaijan", "Russia", "Iran", "World")),
        Field("destination_iso3", "str", "ISO3 code of the importing country; WLD for the world total; empty for a "
              "group or region named by the publisher", nullable=True, pattern=r"^[A-Z]{3}$"),
        Field("destination", "str", "Importing country (book's short name) or the publisher's group/region label"),
        Field("destination_kind", "str", "country; group (publisher's residual group, e.g. 'Other EU', 'Rest of Europe'); "
              "region_total (sum of the countries and groups listed above it, e.g. 'Europe'); world_total "
              "(the 'Total exports' row). Do not add region or world totals to the other rows.",
              allowed=("country", "group", "region_total", "world_total")),
        Field("bcm", "float", "Gas traded by pipeline in the year", unit="billion cubic metres (bcm), standard m3 at 15 °C "
              "and 1013 mbar, standardised to 40 MJ/m3 gross calorific value", minimum=0),
    ),
    key=("year", "edition", "exporter_iso3", "destination"),
    sources=BP_SOURCES,
    processing=(
        "Read sheet 'Gas - Trade movts - pipeline' of the bp 2021 and Energy Institute 2023 all-data workbooks (the original "
        "xlsx files; no CSV extract of these sheets exists); checked the Contents sheet names the expected edition and the "
        "title the expected data year (2020 and 2022), and the unit line reads 'Billion cubic metres'.",
        "Checked the publisher's arithmetic before keeping anything: each importer row's exporters sum to its 'Total imports', "
        "each region subtotal equals the rows above it, and 'Total exports' equals all country and group rows.",
        "Kept the columns of Azerbaijan, Russian Federation and Iran, every importer row with a non-zero figure; a zero "
        "cell (no recorded pipeline trade) gives no row. Kept the 'Total imports' column (all exporters) only for Turkey "
        "and Russia.",
        "Mapped importer labels to ISO3 codes and the book's short names (Russian Federation -> Russia); residual groups "
        "and region subtotals keep the publisher's label with no ISO3 code; 'Total exports' became World (WLD).",
        "Values unchanged (full precision as stored in the workbook).",
    ),
    build=build_exports,
    source_line="Source: bp Statistical Review of World Energy 2021; Energy Institute Statistical Review of World Energy 2023",
    cross_checks=cross_check_exports,
    coverage=coverage_exports,
    notes=(
        "2020 (bp 2021 edition) shows Turkey and Italy as separate importers; 2022 (EI 2023 edition) shows only 'EU' and "
        "'Rest of Europe' (Turkey and Georgia fall in 'Rest of Europe'), so Turkey's 2022 figure cannot be read from it.",
        "No 2021 matrix is staged (the 2022 edition is only available as the country panel, which has no trade matrix).",
        "Azerbaijan is not a separate importer row: its imports (e.g. from Russia) are inside 'Other CIS'; Iran as an "
        "importer is inside 'Other Middle East'.",
        "bp places Georgia and Ukraine in Europe: Azerbaijan's 2020 'Rest of Europe' figure is mostly Georgia.",
    ),
)

# --------------------------------------------------------------------------- gas_flows_monthly (IEA)

IEA_DIR = "economy/iea-gas-trade-flows"
IEA_FILE = f"{IEA_DIR}/Export_GTF_IEA_202209_Turkiye-Georgia-TAP-borderpoints_long.csv"
IEA_ORIGINAL = f"{IEA_DIR}/Export_GTF_IEA_202209.xls"
IEA_REQUIRED = ["Borderpoint", "Exit", "Entry", "month", "value_million_cubic_metres"]
#: IEA country labels -> ISO3.
IEA_COUNTRIES = {
    "Georgia": "GEO", "Republic of Türkiye": "TUR", "Greece": "GRC", "Albania": "ALB", "Italy": "ITA",
    "Iran": "IRN", "Russia": "RUS", "Bulgaria": "BGR",
}
#: Border points the book needs: (point, exit, entry); the build fails if one is absent.
GEORGIA_TURKIYE = ("Turkgozu", "GEO", "TUR")
TAP_ITALY = ("Melendugno (TAP)", "ALB", "ITA")
REQUIRED_POINTS = (GEORGIA_TURKIYE, ("Kipi", "TUR", "GRC"), ("Kastoria (TAP)", "GRC", "ALB"), TAP_ITALY)
#: Azerbaijani gas crossing Turkgozu goes to these Statistical Review importer rows (2020 matrix).
VIA_TURKGOZU = ("Turkey", "Italy", "Other EU", "EU")
ANNUAL_TOLERANCE = 0.10


def build_flows(raw: Path) -> pd.DataFrame:
    """The tidy ``gas_flows_monthly`` table, cross-checked against the annual Statistical Review matrix."""
    flows = read_flows(raw)
    check_flows_against_exports(flows, build_exports(raw), raw / IEA_FILE)
    return flows


def read_flows(raw: Path) -> pd.DataFrame:
    """The IEA long extract as a typed table (no cross-check)."""
    path = raw / IEA_FILE
    df = read_csv(path, IEA_REQUIRED)
    out = pd.DataFrame.from_records([_flow_record(path, r) for r in df.itertuples(index=False)])
    present = set(zip(out.border_point, out.exit_iso3, out.entry_iso3))
    for point in REQUIRED_POINTS:
        if point not in present:
            raise DataError(path, f"no rows for border point {point[0]!r} ({point[1]} -> {point[2]})", column="Borderpoint")
    first = (out.sort_values("month").assign(flowing=lambda d: d.mcm > 0)
             .groupby(["border_point", "exit_iso3", "entry_iso3"])["flowing"].cummax())
    return FLOWS.typed(out.assign(before_first_flow=~first.reindex(out.index)))


def _flow_record(path: Path, r) -> dict:  # noqa: ANN001 (a namedtuple row)
    iso = {}
    for column in ("Exit", "Entry"):
        label = getattr(r, column)
        if label not in IEA_COUNTRIES:
            raise DataError(path, f"unknown country {label!r} (add it to IEA_COUNTRIES in energy.py)",
                            row=r.source_row, column=column)
        iso[column] = IEA_COUNTRIES[label]
    month = pd.to_datetime(r.month, format="%Y-%m", errors="coerce")
    if pd.isna(month):
        raise DataError(path, f"{r.month!r} is not a month written YYYY-MM", row=r.source_row, column="month")
    mcm = parse_float(path, r.source_row, "value_million_cubic_metres", r.value_million_cubic_metres)
    if mcm < 0 or mcm != mcm:
        raise DataError(path, f"value {mcm!r} is negative or not a number", row=r.source_row,
                        column="value_million_cubic_metres")
    if not r.Borderpoint.strip():
        raise DataError(path, "empty border point", row=r.source_row, column="Borderpoint")
    return {
        "month": month,
        "border_point": r.Borderpoint.strip(),
        "exit_iso3": iso["Exit"],
        "exit": country_name(iso["Exit"], r.Exit),
        "entry_iso3": iso["Entry"],
        "entry": country_name(iso["Entry"], r.Entry),
        "mcm": mcm,
    }


def annual_sums(flows: pd.DataFrame, point: tuple[str, str, str]) -> pd.Series:
    """Calendar-year sums (mcm) at one border point and direction, only for years with all 12 months."""
    one = flows[(flows.border_point == point[0]) & (flows.exit_iso3 == point[1]) & (flows.entry_iso3 == point[2])]
    by_year = one.groupby(one.month.dt.year)["mcm"].agg(["sum", "count"])
    return by_year.loc[by_year["count"] == 12, "sum"]


def check_flows_against_exports(flows: pd.DataFrame, exports: pd.DataFrame, file: Path) -> None:
    """IEA full-year sums agree (within 10%) with the Statistical Review's annual Azerbaijani exports.

    Turkgozu (Georgia -> Türkiye) against Azerbaijan's exports to Turkey and the EU; Melendugno
    (Albania -> Italy, TAP's landfall) against Azerbaijan's exports to Italy. Only years where
    the matrix lists Turkey separately and the IEA file has all twelve months are compared.
    """
    aze = exports[(exports.exporter_iso3 == "AZE") & exports.destination_kind.isin(["country", "group"])]
    comparisons = (
        (GEORGIA_TURKIYE, VIA_TURKGOZU, "Turkey and the EU"),
        (TAP_ITALY, ("Italy",), "Italy"),
    )
    for point, destinations, what in comparisons:
        sums = annual_sums(flows, point)
        for year, bp in aze.groupby("year"):
            if year not in sums.index or "Turkey" not in set(bp.destination):
                continue
            annual_bcm = float(bp.loc[bp.destination.isin(destinations), "bcm"].sum())
            iea_bcm = float(sums[year]) / 1000
            if abs(iea_bcm - annual_bcm) > ANNUAL_TOLERANCE * annual_bcm:
                raise DataError(file, f"{point[0]} {year}: IEA months sum to {iea_bcm:.3f} bcm, but the Statistical "
                                f"Review has Azerbaijan's exports to {what} at {annual_bcm:.3f} bcm (more than "
                                f"{ANNUAL_TOLERANCE:.0%} apart)", column="value_million_cubic_metres")


def cross_check_flows(df: pd.DataFrame) -> None:
    """Every border point and direction has one row per month, with no month missing inside its span."""
    for (point, exit_, entry), one in df.groupby(["border_point", "exit_iso3", "entry_iso3"]):
        span = pd.date_range(one.month.min(), one.month.max(), freq="MS")
        if len(span) != len(one):
            raise DataError(f"data/{FLOWS.name}.csv", f"{point} ({exit_} -> {entry}) has {len(one)} months in a span of "
                            f"{len(span)}: a gap or a duplicate", column="month")


def coverage_flows(df: pd.DataFrame) -> dict:
    flowing = df[~df.before_first_flow]
    first = {f"{p} ({x} -> {n})": m.strftime("%Y-%m")
             for (p, x, n), m in flowing.groupby(["border_point", "exit_iso3", "entry_iso3"]).month.min().items()}
    return {"months": [df.month.min().strftime("%Y-%m"), df.month.max().strftime("%Y-%m")], "rows": len(df),
            "border_points": sorted(df.border_point.unique()), "first_month_with_flow": first}


IEA_SOURCE = Source(
    publisher="International Energy Agency (IEA)",
    dataset="Gas Trade Flows (monthly cross-border natural gas flows by border point)",
    release="file Export_GTF_IEA_202209 (data Oct 2008 - Sep 2022; downloaded late 2022)",
    released="2022-09",
    url="https://www.iea.org/data-and-statistics/data-product/gas-trade-flows",
    accessed=ACCESSED,
    licence="IEA Terms and Conditions (https://www.iea.org/terms); the licence of this vintage is not stated in the file",
    attribution="IEA Gas Trade Flows",
    citation="International Energy Agency (2022). Gas Trade Flows (Export_GTF_IEA_202209). Paris: IEA. "
             "https://www.iea.org/data-and-statistics/data-product/gas-trade-flows",
    raw_files=(IEA_FILE,),
)

FLOWS = Dataset(
    name="gas_flows_monthly",
    column_titles={  # each column as a reader would head it, with its unit
        'month': 'Month',
        'border_point': 'Border point',
        'exit_iso3': 'From, ISO3 code',
        'exit': 'From',
        'entry_iso3': 'Into, ISO3 code',
        'entry': 'Into',
        'mcm': 'Gas flow, mcm a month',
        'before_first_flow': 'Before the first flow',
    },
    title="Monthly gas flows at Türkiye's entry points and along TAP, Oct 2008 - Sep 2022 (mcm)",
    description=(
        "Physical monthly natural-gas flows at ten border-point directions of the IEA Gas Trade Flows: Georgia -> Türkiye "
        "(Turkgozu, where Azerbaijani gas from the South Caucasus Pipeline enters Türkiye), the Trans Adriatic Pipeline "
        "(Kipi Türkiye -> Greece, Kastoria Greece -> Albania, Melendugno Albania <-> Italy), and Türkiye's other entries "
        "from Iran (Dogubajazit), Russia (Samsun: Blue Stream; Kiyikoy: TurkStream) and Bulgaria (Malkoclar, both ways)."
    ),
    fields=(
        Field("month", "date", "Calendar month (first day of the month)"),
        Field("border_point", "str", "IEA border-point name"),
        Field("exit_iso3", "str", "ISO3 code of the country the gas leaves", allowed=tuple(IEA_COUNTRIES.values())),
        Field("exit", "str", "Country the gas leaves"),
        Field("entry_iso3", "str", "ISO3 code of the country the gas enters", allowed=tuple(IEA_COUNTRIES.values())),
        Field("entry", "str", "Country the gas enters"),
        Field("mcm", "float", "Gas flow in the month as published (0 = IEA reports no flow)",
              unit="million cubic metres (mcm) per month, at 15 °C and 760 mm Hg", minimum=0),
        Field("before_first_flow", "bool", "True for the zero months before this point and direction's first non-zero "
              "month in the file (the IEA writes 0 before a pipeline is in service or reported: not an interruption)"),
    ),
    key=("border_point", "exit_iso3", "entry_iso3", "month"),
    sources=(IEA_SOURCE, BP_SOURCES[0]),
    processing=(
        "Read the staged long extract of sheet 'Data' of Export_GTF_IEA_202209.xls (a row filter of ten border-point "
        "directions with the month header turned into YYYY-MM; all 1,680 of its values were checked equal to the .xls cells).",
        "Mapped the IEA country labels to ISO3 codes and the book's short names (Republic of Türkiye -> Turkey).",
        "Kept the IEA's zeros as published and flagged the leading run of zeros of each direction (before_first_flow); "
        "no month is added or filled.",
        "Cross-checked full calendar years against the bp 2021 matrix (data year 2020): Turkgozu against Azerbaijan's "
        "pipeline exports to Turkey and the EU, Melendugno (Albania -> Italy) against Azerbaijan's exports to Italy; "
        "the build fails if they are more than 10% apart.",
    ),
    build=build_flows,
    source_line="Source: IEA Gas Trade Flows (Sep 2022 file)",
    cross_checks=cross_check_flows,
    coverage=coverage_flows,
    notes=(
        "Turkgozu matches Azerbaijan's 2020 exports via Türkiye (IEA 11.55 bcm vs bp 11.13 bcm) but falls to 8.4 bcm in "
        "2021 while exports rose: after 2020 it does not capture all Azerbaijani gas entering Türkiye (TANAP volumes); "
        "do not read it as Azerbaijan's total exports.",
        "Kipi (Türkiye -> Greece) carried gas before TAP (the Greece-Turkey interconnector); the jump in January 2021 is TAP.",
        "The file ends in September 2022: 2022 is a partial year. MAXFLOW (Mm3/h) capacity is in the raw file but not kept.",
    ),
)

DATASETS = (EXPORTS, FLOWS)
