"""``un_votes`` and ``un_ideal_points``: how Azerbaijan votes in the UN General Assembly beside its neighbours.

Two tables, one row per UNGA session and partner country:

* ``un_votes`` — vote agreement computed from the roll-call votes of Voeten's UNGA voting
  data as packaged in the ``unvotes`` R package (2021 release, votes to 14 January 2020).
  Raw input: ``security/unga-unvotes/un_votes_extract_AZ_AM_GE_RU_TR_IR_IL_US.csv`` (a row
  filter of the package's ``un_votes`` table) and ``security/unga-unvotes/un_roll_calls.csv``
  (the package's ``un_roll_calls`` table converted to CSV), which gives each roll call's session.
* ``un_ideal_points`` — the distance between Azerbaijan's and each partner's ideal point in the
  Bailey–Strezhnev–Voeten estimates (June 2024 file, sessions to 78 = 2023/24).
  Raw input: ``security/unga-voeten-idealpoints/IdealpointestimatesAll_Jun2024.csv``.

A UNGA session opens in September; ``year`` is the calendar year in which the session opened,
``year = 1945 + session`` (session 1 opened in January 1946, session 74 in September 2019).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from azbook.data import countries
from azbook.data.rawfiles import parse_float, parse_int, read_csv
from azbook.data.schema import Dataset, DataError, Field, Source

VOTES_FILE = "security/unga-unvotes/un_votes_extract_AZ_AM_GE_RU_TR_IR_IL_US.csv"
ROLL_CALLS_FILE = "security/unga-unvotes/un_roll_calls.csv"
IDEAL_FILE = "security/unga-voeten-idealpoints/IdealpointestimatesAll_Jun2024.csv"

#: The package's two-letter codes -> (ISO3, the package's country name). Other codes are ignored.
UNVOTES_CODES = {
    "AZ": ("AZE", "Azerbaijan"),
    "RU": ("RUS", "Russia"),
    "TR": ("TUR", "Turkey"),
    "IR": ("IRN", "Iran"),
    "AM": ("ARM", "Armenia"),
    "GE": ("GEO", "Georgia"),
    "IL": ("ISR", "Israel"),
}
#: ISO3 -> Correlates of War country code, as used in the ideal-point file.
COW_CODES = {"AZE": 373, "RUS": 365, "TUR": 640, "IRN": 630, "ARM": 371, "GEO": 372, "ISR": 666}
PARTNERS = ("RUS", "TUR", "IRN", "ARM", "GEO", "ISR")
#: Partners the book cannot do without; the comparators are kept when the file has them.
REQUIRED_PARTNERS = ("RUS", "TUR", "IRN")
VOTES = ("yes", "no", "abstain")
#: R's missing value as written in the CSV conversions.
R_MISSING = ("NA", "")
SESSION_YEAR_OFFSET = 1945
FIRST_SESSION, LAST_VOTES_SESSION, LAST_IDEAL_SESSION = 46, 74, 78

VOTES_REQUIRED = ["rcid", "country", "country_code", "vote"]
ROLL_CALLS_REQUIRED = ["rcid", "session", "date"]
IDEAL_REQUIRED = ["ccode", "session", "NVotesAll", "IdealPointAll", "iso3c", "Countryname"]


# --- shared helpers -------------------------------------------------------------------------


def _ints(path: Path, df: pd.DataFrame, column: str) -> pd.Series:
    """``df[column]`` as whole numbers; the first cell that is not one raises a located error."""
    text = df[column].str.strip()
    bad = ~text.str.fullmatch(r"-?\d+")
    if bad.any():
        first = df[bad].iloc[0]
        parse_int(path, int(first.source_row), column, first[column])
    return text.astype("int64")


def _floats(path: Path, df: pd.DataFrame, column: str) -> pd.Series:
    """``df[column]`` as numbers, R's ``NA`` as missing; any other text raises a located error."""
    text = df[column].str.strip()
    missing = text.isin(R_MISSING)
    values = pd.to_numeric(text.where(~missing), errors="coerce")
    bad = values.isna() & ~missing
    if bad.any():
        first = df[bad].iloc[0]
        parse_float(path, int(first.source_row), column, first[column])
    return values.astype("Float64")


def _reject_duplicates(path: Path, df: pd.DataFrame, columns: list[str], what: str) -> None:
    """A located error at the second row that repeats ``columns``."""
    dup = df.duplicated(columns)
    if dup.any():
        r = df[dup].iloc[0]
        value = ", ".join(f"{c}={r[c]}" for c in columns)
        raise DataError(path, f"duplicate {what} ({value})", row=int(r.source_row), column=columns[-1])


def _require_partners(path: Path, present: set[str], column: str) -> None:
    """Azerbaijan, Russia, Turkey and Iran must all be in the file."""
    for code in ("AZE", *REQUIRED_PARTNERS):
        if code not in present:
            raise DataError(path, f"no rows for {countries.name(code)} ({code}); were the country codes renamed?",
                            column=column)


def _year(session: pd.Series) -> pd.Series:
    return session + SESSION_YEAR_OFFSET


def _typed(ds: Dataset, out: pd.DataFrame) -> pd.DataFrame:
    return ds.typed(out)


# --- un_votes -------------------------------------------------------------------------------


def _roll_call_sessions(raw: Path) -> pd.Series:
    """rcid -> UNGA session, from the package's roll-call table."""
    path = raw / ROLL_CALLS_FILE
    df = read_csv(path, ROLL_CALLS_REQUIRED)
    df = df.assign(rcid=_ints(path, df, "rcid"), session=_ints(path, df, "session"))
    _reject_duplicates(path, df, ["rcid"], "roll call")
    return df.set_index("rcid")["session"]


def _votes(raw: Path, sessions: pd.Series) -> pd.DataFrame:
    """The kept countries' votes: rcid, session, iso3, vote (checked)."""
    path = raw / VOTES_FILE
    df = read_csv(path, VOTES_REQUIRED)
    df = df[df.country_code.isin(UNVOTES_CODES)]
    named = df.country_code.map(lambda c: UNVOTES_CODES[c][1])
    wrong = df[df.country != named]
    if not wrong.empty:
        r = wrong.iloc[0]
        raise DataError(path, f"country {r.country!r} does not match code {r.country_code!r} "
                        f"(expected {UNVOTES_CODES[r.country_code][1]!r})", row=int(r.source_row), column="country")
    _require_partners(path, {UNVOTES_CODES[c][0] for c in df.country_code}, "country_code")
    bad = df[~df.vote.isin(VOTES)]
    if not bad.empty:
        r = bad.iloc[0]
        raise DataError(path, f"vote {r.vote!r}, expected one of {list(VOTES)}", row=int(r.source_row), column="vote")
    df = df.assign(rcid=_ints(path, df, "rcid"), iso3=df.country_code.map(lambda c: UNVOTES_CODES[c][0]))
    _reject_duplicates(path, df, ["rcid", "country_code"], "vote of one country on one roll call")
    unknown = df[~df.rcid.isin(sessions.index)]
    if not unknown.empty:
        r = unknown.iloc[0]
        raise DataError(path, f"roll call {r.rcid} is not in {ROLL_CALLS_FILE}", row=int(r.source_row), column="rcid")
    return df.assign(session=df.rcid.map(sessions))[["rcid", "session", "iso3", "vote"]]


def build_votes(raw: Path) -> pd.DataFrame:
    """The tidy ``un_votes`` table (agreement of Azerbaijan's votes with each partner's)."""
    votes = _votes(raw, _roll_call_sessions(raw))
    az = votes[votes.iso3 == "AZE"].drop(columns="iso3")
    pairs = (
        votes[votes.iso3 != "AZE"]
        .merge(az, on=["rcid", "session"], suffixes=("_partner", "_aze"))  # both voted: absences drop out
        .assign(same=lambda d: d.vote_partner == d.vote_aze)
    )
    out = (
        pairs.groupby(["session", "iso3"], as_index=False)
        .agg(roll_calls=("rcid", "size"), identical_votes=("same", "sum"))
        .assign(
            year=lambda d: _year(d.session),
            partner_iso3=lambda d: d.iso3,
            partner=lambda d: d.iso3.map(countries.name),
            agreement_pct=lambda d: (100 * d.identical_votes / d.roll_calls).round(2),
        )
    )
    return _typed(VOTES_DATASET, out)


def cross_check_votes(df: pd.DataFrame) -> None:
    """Agreement is a share (0–100) of at least one common roll call, consistent with its counts."""
    bad = df[(df.roll_calls < 1) | (df.identical_votes > df.roll_calls) | ~df.agreement_pct.between(0, 100)
             | ((100 * df.identical_votes / df.roll_calls).round(2) != df.agreement_pct)]
    if not bad.empty:
        r = bad.iloc[0]
        raise DataError(f"data/{VOTES_DATASET.name}.csv", f"{r.partner} {r.year}: {r.identical_votes} identical votes "
                        f"of {r.roll_calls} roll calls do not give agreement {r.agreement_pct}%",
                        row=int(bad.index[0]) + 2, column="agreement_pct")


def coverage_votes(df: pd.DataFrame) -> dict:
    return {"years": [int(df.year.min()), int(df.year.max())],
            "sessions": [int(df.session.min()), int(df.session.max())], "rows": len(df),
            "partners": sorted(df.partner.unique())}


# --- un_ideal_points ------------------------------------------------------------------------


def _ideal_points(raw: Path) -> pd.DataFrame:
    """Ideal points of Azerbaijan and the partners: iso3, session, votes, ideal_point (checked)."""
    path = raw / IDEAL_FILE
    df = read_csv(path, IDEAL_REQUIRED)
    df = df[df.iso3c.isin(COW_CODES)]
    _require_partners(path, set(df.iso3c), "iso3c")
    df = df.assign(ccode=_ints(path, df, "ccode"), session=_ints(path, df, "session"))
    wrong = df[df.ccode != df.iso3c.map(COW_CODES)]
    if not wrong.empty:
        r = wrong.iloc[0]
        raise DataError(path, f"COW code {r.ccode} does not match {r.iso3c} (expected {COW_CODES[r.iso3c]})",
                        row=int(r.source_row), column="ccode")
    _reject_duplicates(path, df, ["iso3c", "session"], "country-session")
    df = df.assign(votes=_ints(path, df, "NVotesAll"), ideal_point=_floats(path, df, "IdealPointAll"))
    # A session without an estimate (R's NA) is a gap: no row.
    return df[df.ideal_point.notna()].rename(columns={"iso3c": "iso3"})[["iso3", "session", "votes", "ideal_point"]]


def build_ideal_points(raw: Path) -> pd.DataFrame:
    """The tidy ``un_ideal_points`` table (distance between Azerbaijan's and each partner's ideal point)."""
    points = _ideal_points(raw)
    az = points[points.iso3 == "AZE"].drop(columns="iso3")
    out = (
        points[points.iso3.isin(PARTNERS)]
        .merge(az, on="session", suffixes=("_partner", "_aze"))
        .assign(
            year=lambda d: _year(d.session),
            partner_iso3=lambda d: d.iso3,
            partner=lambda d: d.iso3.map(countries.name),
            azerbaijan_ideal_point=lambda d: d.ideal_point_aze,
            partner_ideal_point=lambda d: d.ideal_point_partner,
            ideal_point_distance=lambda d: (d.ideal_point_aze - d.ideal_point_partner).abs().round(6),
            azerbaijan_votes=lambda d: d.votes_aze,
            partner_votes=lambda d: d.votes_partner,
        )
    )
    return _typed(IDEAL_DATASET, out)


def cross_check_ideal_points(df: pd.DataFrame) -> None:
    """The distance is the absolute difference of the two ideal points shown beside it."""
    diff = (df.azerbaijan_ideal_point - df.partner_ideal_point).abs()
    bad = df[(diff - df.ideal_point_distance).abs() > 1e-6]
    if not bad.empty:
        r = bad.iloc[0]
        raise DataError(f"data/{IDEAL_DATASET.name}.csv", f"{r.partner} {r.year}: distance {r.ideal_point_distance} "
                        f"is not |{r.azerbaijan_ideal_point} - {r.partner_ideal_point}|",
                        row=int(bad.index[0]) + 2, column="ideal_point_distance")


def coverage_ideal_points(df: pd.DataFrame) -> dict:
    return {"years": [int(df.year.min()), int(df.year.max())],
            "sessions": [int(df.session.min()), int(df.session.max())], "rows": len(df),
            "partners": sorted(df.partner.unique()),
            "estimates_on_fewer_than_10_votes": _thin_estimates(df)}


def _thin_estimates(df: pd.DataFrame, minimum: int = 10) -> list[str]:
    """'Country year' for every ideal point in the table that rests on fewer than ``minimum`` votes."""
    az = df.loc[df.azerbaijan_votes < minimum, "year"].unique()
    partners = df[df.partner_votes < minimum]
    return [f"Azerbaijan {y}" for y in sorted(az)] + [f"{r.partner} {r.year}" for r in partners.itertuples()]


# --- declarations ---------------------------------------------------------------------------

PARTNER_NAMES = tuple(countries.name(c) for c in PARTNERS)
YEAR_NOTE = "Calendar year in which the UNGA session opened (year = 1945 + session)"


def _common_fields(last_session: int) -> tuple[Field, ...]:
    return (
        Field("year", "int", YEAR_NOTE, minimum=FIRST_SESSION + SESSION_YEAR_OFFSET,
              maximum=last_session + SESSION_YEAR_OFFSET),
        Field("session", "int", "UN General Assembly regular session number", minimum=FIRST_SESSION,
              maximum=last_session),
        Field("partner_iso3", "str", "ISO3 code of the country compared with Azerbaijan", allowed=PARTNERS),
        Field("partner", "str", "Name of the country compared with Azerbaijan", allowed=PARTNER_NAMES),
    )


DATAVERSE_URL = "https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379"
UNVOTES_SOURCE = Source(
    publisher="Erik Voeten et al. (Harvard Dataverse); packaged by David Robinson in the R package unvotes",
    dataset="United Nations General Assembly Voting Data (roll-call votes), via the unvotes R package tables "
            "un_votes and un_roll_calls",
    release="UNVotes2021.RData (downloaded by the package author 2021-02-21); unvotes GitHub commit 7eb7034 "
            "(2021-03-08); roll calls 1946-01-01 to 2020-01-14, sessions 1–74",
    released="2021",
    url=DATAVERSE_URL,
    accessed="2026-11-28",
    licence="Voeten data: CC0 1.0 (public domain dedication); unvotes package: MIT licence",
    attribution="Erik Voeten, UNGA voting data; David Robinson, unvotes R package",
    citation="Voeten, Erik (2013). \"Data and Analyses of Voting in the UN General Assembly.\" In Routledge Handbook "
             "of International Organization, ed. Bob Reinalda. London: Routledge. Data: Voeten, Strezhnev & Bailey, "
             "\"United Nations General Assembly Voting Data\", Harvard Dataverse, hdl:1902.1/12379. Robinson, David. "
             "unvotes: United Nations General Assembly Voting Data (R package), https://github.com/dgrtwo/unvotes",
    raw_files=(VOTES_FILE, ROLL_CALLS_FILE),
)
IDEAL_SOURCE = Source(
    publisher="Michael A. Bailey, Anton Strezhnev and Erik Voeten (Harvard Dataverse)",
    dataset="United Nations General Assembly Voting Data: ideal point estimates (IdealpointestimatesAll_Jun2024.csv)",
    release="June 2024 file; sessions 1–78 (1946 to 2023/24)",
    released="2024-06",
    url=DATAVERSE_URL,
    accessed="2026-11-28",
    licence="CC0 1.0 (public domain dedication), per the Dataverse terms",
    attribution="Bailey, Strezhnev & Voeten, UNGA ideal point estimates",
    citation="Bailey, Michael A., Anton Strezhnev and Erik Voeten (2017). \"Estimating Dynamic State Preferences from "
             "United Nations Voting Data.\" Journal of Conflict Resolution 61(2): 430–456. Data: Voeten, Strezhnev & "
             "Bailey, \"United Nations General Assembly Voting Data\", Harvard Dataverse, hdl:1902.1/12379 "
             "(doi:10.7910/DVN/LEJUQZ), file IdealpointestimatesAll_Jun2024.csv",
    raw_files=(IDEAL_FILE,),
)

VOTES_DATASET = Dataset(
    name="un_votes",
    column_titles={  # each column as a reader would head it, with its unit
        'year': 'Year the session opened',
        'session': 'UN General Assembly session',
        'partner_iso3': 'Country, ISO3 code',
        'partner': 'Country',
        'roll_calls': 'Common roll calls',
        'identical_votes': 'Identical votes',
        'agreement_pct': 'Identical votes, % of common roll calls',
    },
    title="Azerbaijan's vote agreement with Russia, Turkey, Iran, Armenia, Georgia and Israel in the UN General "
          "Assembly, 1991–2019 sessions",
    description=(
        "For each UN General Assembly session from Azerbaijan's admission (session 46, 1991–92) to session 74 "
        "(2019–20, votes to 14 January 2020) and each partner: the number of recorded roll calls on which both "
        "Azerbaijan and the partner cast a vote (yes, no or abstain), how many of those votes were identical, "
        "and that share in per cent."
    ),
    fields=(
        *_common_fields(LAST_VOTES_SESSION),
        Field("roll_calls", "int", "Recorded roll calls of the session on which both Azerbaijan and the partner cast "
              "a yes, no or abstain vote", unit="roll calls", minimum=1),
        Field("identical_votes", "int", "Of those roll calls, how many Azerbaijan and the partner voted the same way "
              "(yes–yes, no–no or abstain–abstain)", unit="roll calls", minimum=0),
        Field("agreement_pct", "float", "identical_votes / roll_calls × 100, rounded to 2 decimals",
              unit="per cent of common roll calls", minimum=0, maximum=100),
    ),
    key=("year", "partner_iso3"),
    sources=(UNVOTES_SOURCE,),
    processing=(
        "Read the staged extract of the unvotes package table un_votes (a row filter to Azerbaijan, Armenia, Georgia, "
        "Russia, Turkey, Iran, Israel and the United States) and the full roll-call table un_roll_calls "
        "(CSV conversions of the package's .rda files, used instead of the .rda files).",
        "Kept the votes of Azerbaijan, Russia, Turkey, Iran, Armenia, Georgia and Israel (package codes AZ, RU, TR, IR, "
        "AM, GE, IL); the United States rows are not used.",
        "Gave each roll call its UNGA session from un_roll_calls and the year 1945 + session (the calendar year in "
        "which the session opened; a session's votes run from September of that year into the next).",
        "Paired Azerbaijan's vote with each partner's on the same roll call. The package keeps only yes, no and "
        "abstain votes (absences and non-membership were dropped by its author), so a roll call on which either "
        "country was absent or did not vote is left out of that pair's count; it does not count as disagreement.",
        "Agreement = share of the roll calls on which both countries voted where they cast the same vote (yes–yes, "
        "no–no or abstain–abstain), in per cent, rounded to 2 decimals. An abstention against a yes or no counts as "
        "a different vote (no half credit).",
        "A session and partner with no common roll call has no row: gaps are not filled.",
    ),
    build=build_votes,
    source_line="Source: Voeten, UNGA voting data (unvotes R package, 2021 release); own calculation",
    cross_checks=cross_check_votes,
    coverage=coverage_votes,
    notes=(
        "Votes after 14 January 2020 (sessions 75 onwards) are not in this release; session 74 (2019) holds the votes "
        "to that date. For later sessions see the ideal-point table (un_ideal_points).",
        "Session 46 (1991–92) has a single roll call on which Azerbaijan voted (with Armenia, Iran, Turkey and "
        "Israel; Russia's vote is not recorded), so agreement for 1991 is 0 or 100 % and means little. Read "
        "agreement together with roll_calls.",
        "This agreement counts identical votes only. Voeten's own session-level agreement columns in the "
        "ideal-point file (e.g. RUSSAgree) follow the same rule but are computed over the vote set of the "
        "ideal-point model, so they differ slightly in sessions where that set differs from the package's.",
    ),
)

IDEAL_DATASET = Dataset(
    name="un_ideal_points",
    column_titles={  # each column as a reader would head it, with its unit
        'year': 'Year the session opened',
        'session': 'UN General Assembly session',
        'partner_iso3': 'Country, ISO3 code',
        'partner': 'Country',
        'azerbaijan_ideal_point': "Azerbaijan's ideal point",
        'partner_ideal_point': "Country's ideal point",
        'ideal_point_distance': 'Ideal-point distance from Azerbaijan',
        'azerbaijan_votes': "Votes behind Azerbaijan's estimate",
        'partner_votes': "Votes behind the country's estimate",
    },
    title="Distance between Azerbaijan's and its neighbours' UN General Assembly ideal points, 1991–2023 sessions",
    description=(
        "For each UN General Assembly session from 46 (1991–92) to 78 (2023–24) and each partner: Azerbaijan's and "
        "the partner's ideal point as estimated by Bailey, Strezhnev and Voeten from all roll-call votes of the "
        "session, and the absolute difference between the two (larger = the two countries vote further apart)."
    ),
    fields=(
        *_common_fields(LAST_IDEAL_SESSION),
        Field("azerbaijan_ideal_point", "float", "Azerbaijan's ideal point (IdealPointAll) in the session",
              unit="ideal-point scale (Bailey–Strezhnev–Voeten; the United States sits near +2.5 in recent sessions)"),
        Field("partner_ideal_point", "float", "The partner's ideal point (IdealPointAll) in the session",
              unit="ideal-point scale (Bailey–Strezhnev–Voeten; the United States sits near +2.5 in recent sessions)"),
        Field("ideal_point_distance", "float", "|azerbaijan_ideal_point − partner_ideal_point|, rounded to 6 decimals",
              unit="ideal-point scale units", minimum=0),
        Field("azerbaijan_votes", "int", "Number of votes behind Azerbaijan's estimate (NVotesAll)", unit="votes",
              minimum=0),
        Field("partner_votes", "int", "Number of votes behind the partner's estimate (NVotesAll)", unit="votes",
              minimum=0),
    ),
    key=("year", "partner_iso3"),
    sources=(IDEAL_SOURCE,),
    processing=(
        "Read the full ideal-point file (IdealpointestimatesAll_Jun2024.csv, unfiltered) and kept Azerbaijan, Russia, "
        "Turkey, Iran, Armenia, Georgia and Israel by ISO3 code (iso3c), checking each against its Correlates of War "
        "code (ccode).",
        "Took each country's point estimate IdealPointAll and the number of votes behind it NVotesAll; the posterior "
        "quantiles and the agreement columns are not used. A session without an estimate (NA) would have no row.",
        "Matched Azerbaijan and each partner by session and computed the distance |Azerbaijan − partner|, rounded to "
        "6 decimals.",
        "Year = 1945 + session: the calendar year in which the session opened (session 78 opened in September 2023).",
        "Sessions where either country has no estimate have no row (Georgia has none for sessions 46–47): gaps are "
        "not filled.",
    ),
    build=build_ideal_points,
    source_line="Source: Bailey, Strezhnev & Voeten, UNGA ideal points (June 2024); own calculation",
    cross_checks=cross_check_ideal_points,
    coverage=coverage_ideal_points,
    notes=(
        "Ideal points are model estimates on one dimension (positions toward the US-led liberal order); they are "
        "comparable across sessions, unlike raw agreement. The distance carries the estimates' uncertainty, which "
        "this table does not show.",
        "Some estimates rest on very few votes: Azerbaijan and Armenia in session 46 (1991) on one vote each, and "
        "Turkey in session 78 (2023) on two votes, so Turkey's 2023 point is largely carried over by the dynamic "
        "model from earlier sessions. Check azerbaijan_votes and partner_votes before reading a change.",
    ),
)

DATASETS = (VOTES_DATASET, IDEAL_DATASET)
