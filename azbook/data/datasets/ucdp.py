"""``conflict``: battle-related deaths in the Armenia–Azerbaijan (Nagorno-Karabakh) conflict, UCDP, 1989–2023.

Raw input: ``security/ucdp-brd/BattleDeaths_v24_1.csv``, the UCDP Battle-Related Deaths Dataset
v24.1 (dyadic version, one row per dyad and year) as released by UCDP (see its PROVENANCE.md).
UCDP codes the conflict as conflict 388, dyad 833: the Government of Azerbaijan against the
Republic of Artsakh, with the Government of Armenia as a secondary warring party on Artsakh's side
in most years (and Turkey on Azerbaijan's side in 2020).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from azbook.data.rawfiles import parse_int, read_csv
from azbook.data.schema import Dataset, DataError, Field, Source

RAW_FILE = "security/ucdp-brd/BattleDeaths_v24_1.csv"
VERSION = "24.1"
FIRST_YEAR, LAST_YEAR = 1989, 2023
#: UCDP's conflict id of the Nagorno-Karabakh conflict (Azerbaijan vs Republic of Artsakh, Armenia supporting).
NAGORNO_KARABAKH = 388
#: Gleditsch–Ward codes of the two states.
AZERBAIJAN, ARMENIA = 373, 371
TYPES = {1: "extrasystemic", 2: "interstate", 3: "intrastate", 4: "internationalised intrastate"}
INCOMPATIBILITIES = {1: "territory", 2: "government", 3: "territory and government"}
REGIONS = {1: "Europe", 2: "Middle East", 3: "Asia", 4: "Africa", 5: "Americas"}
DEATHS = {"bd_best": "deaths_best", "bd_low": "deaths_low", "bd_high": "deaths_high"}
SIDES = {"a": ("gwno_a", "gwno_a_2nd"), "b": ("gwno_b", "gwno_b_2nd")}
REQUIRED = [
    "conflict_id", "dyad_id", "location_inc", "side_a", "side_a_2nd", "side_b", "side_b_2nd", "incompatibility",
    "territory_name", "year", "bd_best", "bd_low", "bd_high", "type_of_conflict", "battle_location",
    "gwno_a", "gwno_a_2nd", "gwno_b", "gwno_b_2nd", "region", "version",
]


def build(raw: Path) -> pd.DataFrame:
    """The tidy ``conflict`` table from the raw UCDP dyadic BRD file under ``raw``."""
    path = raw / RAW_FILE
    df = read_csv(path, REQUIRED)
    keep = [_is_armenia_azerbaijan(path, r) for r in df.itertuples(index=False)]
    rows = df[keep]
    if rows.empty:
        raise DataError(path, f"no rows of the Armenia–Azerbaijan conflict (conflict_id {NAGORNO_KARABAKH}, or a dyad "
                        "with the two governments on opposite sides)", column="conflict_id")
    out = pd.DataFrame.from_records([_record(path, r) for r in rows.itertuples(index=False)])
    dtypes = {f.name: f.dtype for f in DATASET.fields}
    return out.astype(dtypes).sort_values(list(DATASET.key)).reset_index(drop=True)[DATASET.columns]


def _codes(path: Path, row: int, column: str, text: str) -> set[int]:
    """A UCDP list of Gleditsch–Ward codes ("371, 373", or empty) as a set of numbers."""
    return {parse_int(path, row, column, part.strip()) for part in text.split(",") if part.strip()}


def _is_armenia_azerbaijan(path: Path, r) -> bool:  # noqa: ANN001 (a namedtuple row)
    """Conflict 388, or any dyad-year with Azerbaijan's and Armenia's governments on opposite sides."""
    if parse_int(path, r.source_row, "conflict_id", r.conflict_id) == NAGORNO_KARABAKH:
        return True
    a, b = ({c for col in cols for c in _codes(path, r.source_row, col, getattr(r, col))} for cols in SIDES.values())
    return (AZERBAIJAN in a and ARMENIA in b) or (ARMENIA in a and AZERBAIJAN in b)


def _label(path: Path, r, column: str, labels: dict[int, str]) -> str:  # noqa: ANN001
    """The label of one or more UCDP codes ("1" or "1, 3") in ``column``."""
    codes = [parse_int(path, r.source_row, column, part.strip()) for part in getattr(r, column).split(",")]
    unknown = [c for c in codes if c not in labels]
    if unknown:
        raise DataError(path, f"code {unknown[0]} is not one of {sorted(labels)}", row=r.source_row, column=column)
    return ", ".join(labels[c] for c in codes)


def _record(path: Path, r) -> dict:  # noqa: ANN001 (a namedtuple row)
    if r.version.strip() != VERSION:
        raise DataError(path, f"version {r.version!r}, expected {VERSION!r} (the metadata describes v{VERSION})",
                        row=r.source_row, column="version")
    deaths = {new: parse_int(path, r.source_row, old, getattr(r, old)) for old, new in DEATHS.items()}
    return {
        "year": parse_int(path, r.source_row, "year", r.year),
        "conflict_id": parse_int(path, r.source_row, "conflict_id", r.conflict_id),
        "dyad_id": parse_int(path, r.source_row, "dyad_id", r.dyad_id),
        "location": r.location_inc,
        "side_a": r.side_a,
        "side_a_2nd": r.side_a_2nd or None,
        "side_b": r.side_b,
        "side_b_2nd": r.side_b_2nd or None,
        "incompatibility": _label(path, r, "incompatibility", INCOMPATIBILITIES),
        "territory_name": r.territory_name or None,
        "conflict_type": _label(path, r, "type_of_conflict", TYPES),
        "battle_location": r.battle_location,
        "region": _label(path, r, "region", REGIONS),
        **deaths,
    }


def cross_checks(df: pd.DataFrame) -> None:
    """UCDP's best estimate lies between its low and high estimates."""
    bad = df[(df.deaths_low > df.deaths_best) | (df.deaths_best > df.deaths_high)]
    if not bad.empty:
        r = bad.iloc[0]
        raise DataError(f"data/{DATASET.name}.csv", f"{r.year}: best estimate {r.deaths_best} is not between low "
                        f"{r.deaths_low} and high {r.deaths_high}", row=int(bad.index[0]) + 2, column="deaths_best")


def coverage(df: pd.DataFrame) -> dict:
    return {"years": [int(df.year.min()), int(df.year.max())], "rows": len(df),
            "years_with_rows": sorted(int(y) for y in df.year.unique()),
            "dyads": sorted({f"{r.conflict_id}/{r.dyad_id}: {r.side_a} – {r.side_b}" for r in df.itertuples()}),
            "deaths_best_total": int(df.deaths_best.sum())}


DEATH_UNIT = "persons (battle-related deaths in the dyad-year)"
DATASET = Dataset(
    name="conflict",
    column_titles={  # each column as a reader would head it, with its unit
        'year': 'Year',
        'conflict_id': 'UCDP conflict ID',
        'dyad_id': 'UCDP dyad ID',
        'location': 'Location',
        'side_a': 'Side A',
        'side_a_2nd': 'Supporting side A',
        'side_b': 'Side B',
        'side_b_2nd': 'Supporting side B',
        'incompatibility': 'Over',
        'territory_name': 'Territory',
        'conflict_type': 'Type of conflict',
        'battle_location': 'Where the fighting was',
        'region': 'Region',
        'deaths_best': 'Battle deaths, best estimate, persons',
        'deaths_low': 'Battle deaths, low estimate, persons',
        'deaths_high': 'Battle deaths, high estimate, persons',
    },
    title="Battle-related deaths in the Armenia–Azerbaijan (Nagorno-Karabakh) conflict, 1989–2023",
    description=(
        "UCDP's estimates of battle-related deaths per year in the conflict over Nagorno-Karabakh between the "
        "Government of Azerbaijan and the Republic of Artsakh (supported by the Government of Armenia), with "
        "UCDP's low, best and high estimates. Only years in which the dyad reached UCDP's threshold of 25 "
        "battle-related deaths are recorded."
    ),
    fields=(
        Field("year", "int", "Calendar year", minimum=FIRST_YEAR, maximum=LAST_YEAR),
        Field("conflict_id", "int", "UCDP conflict id (388 = Nagorno-Karabakh)"),
        Field("dyad_id", "int", "UCDP dyad id (833 = Government of Azerbaijan – Republic of Artsakh)"),
        Field("location", "str", "Country or countries whose government(s) held a primary claim (UCDP location_inc)"),
        Field("side_a", "str", "Primary party on side A (a government)"),
        Field("side_a_2nd", "str", "States supporting side A with troops (UCDP side_a_2nd); empty if none",
              nullable=True),
        Field("side_b", "str", "Primary party on side B"),
        Field("side_b_2nd", "str", "States supporting side B with troops (UCDP side_b_2nd); empty if none",
              nullable=True),
        Field("incompatibility", "str", "What the conflict is over (UCDP incompatibility)",
              allowed=tuple(INCOMPATIBILITIES.values())),
        Field("territory_name", "str", "Contested territory; empty if the incompatibility is over government",
              nullable=True),
        Field("conflict_type", "str", "UCDP type of conflict in that year", allowed=tuple(TYPES.values())),
        Field("battle_location", "str", "Countries in which the fighting took place that year"),
        Field("region", "str", "UCDP region(s) of the conflict"),
        Field("deaths_best", "int", "UCDP best estimate of battle-related deaths", unit=DEATH_UNIT, minimum=0),
        Field("deaths_low", "int", "UCDP low estimate of battle-related deaths", unit=DEATH_UNIT, minimum=0),
        Field("deaths_high", "int", "UCDP high estimate of battle-related deaths", unit=DEATH_UNIT, minimum=0),
    ),
    key=("conflict_id", "dyad_id", "year"),
    sources=(
        Source(
            publisher="Uppsala Conflict Data Program (UCDP), Department of Peace and Conflict Research, "
                      "Uppsala University",
            dataset="UCDP Battle-Related Deaths Dataset, dyadic version (BattleDeaths_v24_1.csv)",
            release="version 24.1 (2024); dyad-years 1989–2023",
            released="2024",
            url="https://ucdp.uu.se/downloads/",
            accessed="2026-11-28",
            licence="UCDP data are free to use with citation (UCDP terms of use)",
            attribution="UCDP Battle-Related Deaths Dataset v24.1, Uppsala University",
            citation="Davies, Shawn, Therése Pettersson and Magnus Öberg (2024). \"Organized violence 1989–2023, and "
                     "the prevalence of organized crime groups.\" Journal of Peace Research 61(4). Data: UCDP "
                     "Battle-Related Deaths Dataset version 24.1, https://ucdp.uu.se/downloads/",
            raw_files=(RAW_FILE,),
        ),
    ),
    processing=(
        "Read the full UCDP dyadic battle-related deaths file v24.1 (all 1,920 dyad-years, not the staged extract) "
        "and checked that every kept row is version 24.1.",
        f"Kept conflict {NAGORNO_KARABAKH} (Nagorno-Karabakh) and any other dyad-year in which the governments of "
        "Azerbaijan (Gleditsch–Ward code 373) and Armenia (371) are on opposite sides, as primary or secondary "
        "parties; in v24.1 only conflict 388, dyad 833 qualifies. Azerbaijan's 1993 and 1995 internal conflicts "
        "(conflict 396) and multinational missions in which Armenia or Azerbaijan took part are left out.",
        "Renamed bd_best, bd_low, bd_high to deaths_best, deaths_low, deaths_high (numbers unchanged) and "
        "location_inc to location.",
        "Replaced UCDP's numeric codes by their labels: type_of_conflict (1 extrasystemic, 2 interstate, "
        "3 intrastate, 4 internationalised intrastate) as conflict_type, incompatibility (1 territory, 2 government, "
        "3 both) and region (1 Europe, 2 Middle East, 3 Asia, 4 Africa, 5 Americas).",
        "Empty secondary-party and territory cells are kept empty (missing), not filled.",
        "Years without a row are years below UCDP's 25-death threshold or outside the data; no row is added.",
    ),
    build=build,
    source_line="Source: UCDP Battle-Related Deaths Dataset v24.1",
    cross_checks=cross_checks,
    coverage=coverage,
    notes=(
        "Version 24.1 ends in 2023: 2024 and later years are not in this table. (The UCDP/PRIO Armed Conflict "
        "Dataset v25.1, which covers 2024, has no 2024 row for conflict 388.)",
        "A missing year is not a year of zero deaths: it means fewer than 25 battle-related deaths were recorded "
        "for the dyad (for example 2018 and 2019). UCDP's record of this conflict starts in 1991.",
        "UCDP codes the conflict as internationalised intrastate (Azerbaijan vs the Republic of Artsakh with Armenia "
        "as a secondary warring party), not as an interstate war; 1994 is coded intrastate (no secondary party). "
        "In 2020 Turkey is listed as a secondary party on Azerbaijan's side.",
        "Battle-related deaths count combatants and civilians killed in fighting between the parties; one-sided "
        "violence and deaths from other causes are not included.",
    ),
)

DATASETS = (DATASET,)
