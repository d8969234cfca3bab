"""``trade``: Azerbaijan's merchandise trade with its neighbours and the world, IMF DOTS, 1992–2020.

Raw input: ``economy/imf-dots/dots_azerbaijan_reporter_or_partner_long.csv`` (the long
extract of the IMF's per-reporter workbooks; see its PROVENANCE.md). Both sides are kept:
what Azerbaijan reports, and what each partner (and the IMF's World aggregate) reports
about trade with Azerbaijan. Exports (FOB) and imports (CIF) are separate rows.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from azbook.data import countries
from azbook.data.rawfiles import parse_float, parse_int, read_csv
from azbook.data.schema import Dataset, DataError, Field, Source

RAW_FILE = "economy/imf-dots/dots_azerbaijan_reporter_or_partner_long.csv"
UNIT = "US Dollars, Millions"
SHEETS = {"Exports, FOB": "exports_fob", "Imports, CIF": "imports_cif"}
#: IMF's economy labels -> ISO3 (World is the IMF aggregate of all reporters).
IMF_NAMES = {
    "Azerbaijan, Rep. of": "AZE",
    "Russian Federation": "RUS",
    "Turkey": "TUR",
    "Iran, Islamic Rep. of": "IRN",
    "Armenia, Rep. of": "ARM",
    "Georgia": "GEO",
    "World": "WLD",
}
COUNTERPARTS = ("RUS", "TUR", "IRN", "ARM", "GEO", "WLD")
#: Every economy label the IMF extract uses (those the book keeps and those it leaves out). A label
#: not listed here stops the build with its raw line: a renamed economy must never drop rows silently.
ECONOMIES_FILE = Path(__file__).with_name("imf_economies.csv")
REQUIRED = ["source_file", "sheet", "table_title", "reporter", "unit", "partner", "year", "value"]
ESTIMATE_SUFFIX = " e"


def build(raw: Path) -> pd.DataFrame:
    """The tidy ``trade`` table from the raw IMF extract under ``raw``."""
    path = raw / RAW_FILE
    df = read_csv(path, REQUIRED)
    known = set(pd.read_csv(ECONOMIES_FILE, dtype=str, keep_default_na=False)["label"])
    unknown = df[~df.reporter.isin(known) | ~df.partner.isin(known)]
    if not unknown.empty:
        r = unknown.iloc[0]
        column = "reporter" if r.reporter not in known else "partner"
        raise DataError(path, f"economy label {r[column]!r} is not known (renamed by the IMF?): map it in "
                        f"imf_dots.IMF_NAMES or list it in {ECONOMIES_FILE.name}", row=int(r.source_row), column=column)
    iso = {"reporter": df["reporter"].map(IMF_NAMES), "partner": df["partner"].map(IMF_NAMES)}
    keep = ((iso["reporter"] == "AZE") & iso["partner"].isin(COUNTERPARTS)) | (
        (iso["partner"] == "AZE") & iso["reporter"].isin(COUNTERPARTS)
    )
    rows = df[keep].assign(reporter_iso3=iso["reporter"][keep], partner_iso3=iso["partner"][keep])
    if rows.empty:
        raise DataError(path, "no rows between Azerbaijan and Russia, Turkey, Iran, Armenia, Georgia or World "
                        "(were the IMF economy labels renamed?)", column="reporter")
    records = [_record(path, r) for r in rows.itertuples(index=False)]
    out = pd.DataFrame.from_records(records)
    for code in COUNTERPARTS[:3]:
        if not ((out.reporter_iso3 == "AZE") & (out.partner_iso3 == code)).any():
            raise DataError(path, f"no Azerbaijan-reported rows for partner {code}", column="partner")
    return _typed(out)


def _record(path: Path, r) -> dict:  # noqa: ANN001 (a namedtuple row)
    if r.unit != UNIT:
        raise DataError(path, f"unit {r.unit!r}, expected {UNIT!r}", row=r.source_row, column="unit")
    if r.sheet not in SHEETS:
        raise DataError(path, f"sheet {r.sheet!r}, expected one of {list(SHEETS)}", row=r.source_row, column="sheet")
    text = r.value.strip()
    estimate = text.endswith(ESTIMATE_SUFFIX)
    if estimate:
        text = text[: -len(ESTIMATE_SUFFIX)].strip()
    flow = SHEETS[r.sheet]
    az_reports = r.reporter_iso3 == "AZE"
    from_az = (flow == "exports_fob") == az_reports
    return {
        "year": parse_int(path, r.source_row, "year", r.year),
        "reporter_iso3": r.reporter_iso3,
        "reporter": countries.name(r.reporter_iso3),
        "partner_iso3": r.partner_iso3,
        "partner": countries.name(r.partner_iso3),
        "flow": flow,
        "direction": "from_azerbaijan" if from_az else "to_azerbaijan",
        "value_usd_millions": parse_float(path, r.source_row, "value", text),
        "is_imf_estimate": estimate,
        "source_row": r.source_row,
    }


def _typed(out: pd.DataFrame) -> pd.DataFrame:
    return DATASET.typed(out)


def cross_checks(df: pd.DataFrame) -> None:
    """Partner rows never exceed the same reporter's World total (same year and flow)."""
    az = df[df.reporter_iso3 == "AZE"]
    world = az[az.partner_iso3 == "WLD"].set_index(["year", "flow"])["value_usd_millions"]
    partners = az[az.partner_iso3 != "WLD"].join(world.rename("world"), on=["year", "flow"])
    over = partners[partners.value_usd_millions > partners.world * 1.0005]
    if not over.empty:
        r = over.iloc[0]
        raise DataError(f"data/{DATASET.name}.csv", f"{r.partner} {r.flow} {r.year} ({r.value_usd_millions}) "
                        f"exceeds the World total ({r.world})", column="value_usd_millions")


def coverage(df: pd.DataFrame) -> dict:
    return {"years": [int(df.year.min()), int(df.year.max())], "rows": len(df),
            "reporters": sorted(df.reporter.unique()), "partners": sorted(df.partner.unique())}


CODES = ("AZE", *COUNTERPARTS)
DATASET = Dataset(
    name="trade",
    column_titles={  # each column as a reader would head it, with its unit
        'year': 'Year',
        'reporter_iso3': 'Reporter, ISO3 code',
        'reporter': 'Reported by',
        'partner_iso3': 'Partner, ISO3 code',
        'partner': 'Partner',
        'flow': 'Flow',
        'direction': 'Direction',
        'value_usd_millions': 'Value, US$ million',
        'is_imf_estimate': 'IMF estimate',
    },
    title="Azerbaijan's merchandise trade with Russia, Turkey, Iran, Armenia, Georgia and the world, 1992–2020",
    description=(
        "Annual bilateral merchandise trade between Azerbaijan and five neighbours plus the world, "
        "as reported by Azerbaijan and as reported by each partner (mirror data). Exports are valued "
        "free on board (FOB), imports at cost, insurance and freight (CIF), in current US dollars."
    ),
    fields=(
        Field("year", "int", "Calendar year", minimum=1992, maximum=2020),
        Field("reporter_iso3", "str", "ISO3 code of the economy that reported the figure (WLD: IMF World aggregate)", allowed=CODES),
        Field("reporter", "str", "Name of the reporting economy", allowed=tuple(countries.name(c) for c in CODES)),
        Field("partner_iso3", "str", "ISO3 code of the counterpart economy", allowed=CODES),
        Field("partner", "str", "Name of the counterpart economy", allowed=tuple(countries.name(c) for c in CODES)),
        Field("flow", "str", "Reporter's flow: exports valued FOB or imports valued CIF", allowed=("exports_fob", "imports_cif")),
        Field("direction", "str", "Direction of the goods relative to Azerbaijan", allowed=("from_azerbaijan", "to_azerbaijan")),
        Field("value_usd_millions", "float", "Value of the flow", unit="US$ million, current prices", minimum=0),
        Field("is_imf_estimate", "bool", "True where the IMF marks the figure as its own estimate (suffix 'e')"),
    ),
    key=("year", "reporter_iso3", "partner_iso3", "flow"),
    sources=(
        Source(
            publisher="International Monetary Fund (IMF), Statistics Department",
            dataset="Direction of Trade Statistics (DOTS): Exports and Imports by Areas and Countries",
            release="early-2022 vintage (mirror snapshot of 2 February 2022); last year 2020",
            released="2022",
            url="https://data.imf.org/regular.aspx?key=61013712",
            accessed="2026-11-28",
            licence="IMF terms of use (https://www.imf.org/external/terms.htm)",
            attribution="IMF, Direction of Trade Statistics",
            citation="International Monetary Fund (2022). Direction of Trade Statistics (DOTS). Washington, DC: IMF. https://data.imf.org/",
            raw_files=(RAW_FILE,),
        ),
    ),
    processing=(
        "Kept the rows where Azerbaijan is the reporter and the partner is Russia, Turkey, Iran, Armenia, Georgia or World, "
        "and the rows where one of those is the reporter and Azerbaijan the partner.",
        "Mapped the IMF's economy labels to ISO3 codes and short names (World kept as the IMF aggregate, code WLD).",
        "Split the IMF estimate marker (suffix ' e') from the value into is_imf_estimate; values otherwise unchanged.",
        "Named the flow from the reporter's side (exports_fob, imports_cif) and added the direction of the goods relative to Azerbaijan.",
        "Years with no figure in the source have no row: gaps are not filled.",
    ),
    build=build,
    source_line="Source: IMF, Direction of Trade Statistics (2022 release)",
    cross_checks=cross_checks,
    coverage=coverage,
    notes=(
        "Mirror figures differ: oil and gas shipped through Turkey and the country-of-destination convention make "
        "Azerbaijan's reported exports to Turkey far larger than Turkey's reported imports from Azerbaijan.",
        "Armenia and Azerbaijan report almost no trade with each other.",
    ),
)

DATASETS = (DATASET,)
