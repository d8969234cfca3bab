"""``trade_official``: Azerbaijan's trade with Russia, Turkey and Iran, 2021–2025, as quoted in news reports.

Raw input: ``economy/official-releases-2021-2025/trade_official_releases.csv``, a hand-built
research table (see its PROVENANCE.md): one row per official figure that a news page quotes,
with the page's address and a short exact quote. It is a **second-hand** series: no primary
statistical table for these years could be had. Figures from different reporters (Azerbaijan's
customs, partner statistics, officials' speeches) are kept side by side and never merged.

Every flow is seen from Azerbaijan: ``exports`` go from Azerbaijan to the partner, ``imports``
come from the partner into Azerbaijan, ``turnover`` is both together. A partner's own flow
("Turkey's exports to Azerbaijan") is recorded as the matching Azerbaijani flow (``imports``)
and flagged ``is_mirror_flow``. Currencies are never converted: the one rouble figure keeps
its own column.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from azbook.data import countries
from azbook.data.rawfiles import parse_int, read_csv
from azbook.data.schema import Dataset, DataError, Field, Source

RAW_DIR = "economy/official-releases-2021-2025"
RAW_FILE = f"{RAW_DIR}/trade_official_releases.csv"
REQUIRED = ["year", "period", "reporter", "partner", "flow", "value", "unit", "source_title", "source_url",
            "source_publisher", "published_date", "quote", "note"]
YEARS = (2021, 2025)
PARTNERS = ("RUS", "TUR", "IRN")
FLOWS = {"total_turnover": "turnover", "exports": "exports", "imports": "imports"}
#: Unit as stated -> (output column, factor to that column's unit). Scaling only; never a currency conversion.
UNITS = {
    "USD billion": ("value_usd_millions", Decimal(1000)),
    "USD million": ("value_usd_millions", Decimal(1)),
    "RUB billion": ("value_rub_billions", Decimal(1)),
}
#: Quotes longer than this many words are not stored (the row keeps the page's URL).
QUOTE_MAX_WORDS = 20
MONTHS = {m: i for i, m in enumerate(calendar.month_abbr) if m}
#: First day (Nowruz, 1 Farvardin) of each Iranian (Solar Hijri) year the table can touch.
NOWRUZ = {
    1399: date(2020, 3, 20), 1400: date(2021, 3, 21), 1401: date(2022, 3, 21), 1402: date(2023, 3, 21),
    1403: date(2024, 3, 20), 1404: date(2025, 3, 21), 1405: date(2026, 3, 21),
}
#: Iranian months 1-6 have 31 days, 7-11 have 30 (month 12 is the rest of the year).
IRANIAN_MONTH_DAYS = (31,) * 6 + (30,) * 5

#: Reporter as stated -> (regex on its start, short name or None for "text before the first ' ('",
#: reporter_type, reporter_country_iso3 or None). Order matters: the first match wins.
REPORTERS: tuple[tuple[str, str | None, str, str | None], ...] = (
    (r"State Customs Committee of Azerbaijan\b", "State Customs Committee of Azerbaijan", "statistical_body", "AZE"),
    (r"Islamic Republic of Iran Customs Administration\b", "Islamic Republic of Iran Customs Administration (IRICA)",
     "statistical_body", "IRN"),
    (r"TurkStat\b", "TurkStat (TÜİK)", "statistical_body", "TUR"),
    (r"Bank of Russia\b", "Bank of Russia", "statistical_body", "RUS"),
    (r"UN Comtrade \(Azerbaijan-reported", "UN Comtrade (Azerbaijan-reported data)", "statistical_body", "AZE"),
    (r"Turkish Exporters Assembly\b", "Turkish Exporters Assembly (TİM)", "business_association", "TUR"),
    (r"MP Vugar Bayramov\b", "MP Vugar Bayramov", "member_of_parliament", "AZE"),
    (r"not attributed\b", "not attributed (the news report cites the State Customs Committee of Azerbaijan)",
     "unattributed", None),
    (r"Russian and Azerbaijani prime ministers\b", None, "government_official", None),
    (r"(Deputy Prime Minister of Russia|Russian Ambassador)\b", None, "government_official", "RUS"),
    (r"(Minister of Trade of Turkey|Turkish Ambassador|Vice President of Turkey)\b", None, "government_official", "TUR"),
    (r"Head of International Affairs, Iranian Ministry\b", None, "government_official", "IRN"),
    (r"((Deputy )?Prime Minister of Azerbaijan|(Deputy )?Minister of Economy of Azerbaijan|President of Azerbaijan"
     r"|Cabinet of Ministers of Azerbaijan|President of AZPROMO)\b", None, "government_official", "AZE"),
)
REPORTER_TYPES = ("statistical_body", "business_association", "member_of_parliament", "government_official",
                  "unattributed")
#: Markers in the provenance note (not in the quote: quotes also say "more than 52 percent", "about 403,000 tons").
APPROXIMATE = re.compile(r"\bapproximate\b", re.I)
LOWER_BOUND = re.compile(r"\blower bound\b", re.I)
ALMOST = re.compile(r"почти|\balmost\b", re.I)
MIRROR = re.compile(r"\bpartner-side\b", re.I)
CAUTION = re.compile(r"caution|garbled|ambiguous|low-quality|loose", re.I)

GREGORIAN_MONTHS = re.compile(r"(?P<a>[A-Z][a-z]{2})-(?P<b>[A-Z][a-z]{2})")
YEAR_TO_DATE = re.compile(r"year-to-date \(statement of (?P<day>\d{1,2} [A-Z][a-z]{2} \d{4})\)")
IRANIAN = re.compile(
    r"Iranian year (?P<iy>\d{4})(?:, months (?P<m1>\d{1,2})-(?P<m2>\d{1,2}))?"
    r" \((?:from (?P<from>\d{1,2} [A-Z][a-z]{2} \d{4})|(?P<d1>\d{1,2} [A-Z][a-z]{2})-(?P<d2>\d{1,2} [A-Z][a-z]{2}) (?P<gy>\d{4}))\)"
    r"(?P<nonoil>, non-oil)?"
)


def build(raw: Path) -> pd.DataFrame:
    """The tidy ``trade_official`` table from the raw research table under ``raw``."""
    path = raw / RAW_FILE
    df = read_csv(path, REQUIRED)
    records = [_record(path, r) for r in df.itertuples(index=False)]
    _refuse_duplicate_ids(path, records)
    return _typed(pd.DataFrame.from_records(records))


def _record(path: Path, r) -> dict:  # noqa: ANN001 (a namedtuple row)
    """One quoted figure, parsed and checked; every failure names its raw row and column."""
    row = r.source_row
    year = parse_int(path, row, "year", r.year.strip())
    if not YEARS[0] <= year <= YEARS[1]:
        raise DataError(path, f"year {year} is outside {YEARS[0]}–{YEARS[1]}", row=row, column="year")
    period = _period(path, row, year, r.period.strip())
    partner_iso3 = countries.ISO3.get(r.partner.strip())
    if partner_iso3 not in PARTNERS:
        raise DataError(path, f"unknown partner {r.partner!r}; expected one of "
                        f"{[countries.name(c) for c in PARTNERS]}", row=row, column="partner")
    if r.flow not in FLOWS:
        raise DataError(path, f"flow {r.flow!r}, expected one of {list(FLOWS)}", row=row, column="flow")
    values = _values(path, row, r.value, r.unit)
    reporter = _reporter(path, row, r.reporter.strip())
    note = r.note.strip()
    return {
        "figure_id": _figure_id(r, partner_iso3, year, FLOWS[r.flow]),
        "year": year,
        **period,
        "partner_iso3": partner_iso3,
        "partner": countries.name(partner_iso3),
        "measure": FLOWS[r.flow],
        "is_mirror_flow": bool(MIRROR.search(note)),
        **values,
        **_qualifier(note),
        **reporter,
        "caution": bool(CAUTION.search(note)),
        "source_title": r.source_title.strip(),
        "source_publisher": r.source_publisher.strip(),
        "source_url": _url(path, row, r.source_url.strip()),
        "published_date": _date(path, row, "published_date", r.published_date.strip()),
        "quote": _short_quote(r.quote),
        "note": note or None,
        "source_row": row,
    }


def _figure_id(r, partner_iso3: str, year: int, measure: str) -> str:  # noqa: ANN001
    """A stable id: readable prefix plus a hash of what identifies the statement (not its value or wording).

    The hash covers page address, partner, year, period, flow and reporter as stated, so it survives a
    re-ordering of the raw table and a corrected value, note or quote.
    """
    ident = "|".join(s.strip() for s in (r.source_url, r.partner, r.year, r.period, r.flow, r.reporter))
    return f"{partner_iso3}-{year}-{measure}-{hashlib.sha1(ident.encode('utf-8')).hexdigest()[:8]}"


def _refuse_duplicate_ids(path: Path, records: list[dict]) -> None:
    """Two raw rows for the same statement (same page, reporter, partner, period and flow) are an error."""
    seen: dict[str, int] = {}
    for rec in records:
        first = seen.setdefault(rec["figure_id"], rec["source_row"])
        if first != rec["source_row"]:
            raise DataError(path, f"duplicate key: same page, reporter, partner, period and flow as row {first} "
                            f"(figure_id {rec['figure_id']})", row=rec["source_row"], column="source_url")


def _period(path: Path, row: int, year: int, text: str) -> dict:
    """Start, end, label, calendar and partial-year flag of a period as the raw table writes it."""
    gregorian = {"calendar": "gregorian", "iranian_year": None, "iranian_month_first": None,
                 "iranian_month_last": None, "is_non_oil_only": False}
    if text == "full-year":
        return {**gregorian, "period_label": str(year), "period_start": date(year, 1, 1),
                "period_end": date(year, 12, 31), "is_partial_year": False}
    if m := GREGORIAN_MONTHS.fullmatch(text):
        a, b = (_month(path, row, m[k]) for k in ("a", "b"))
        if a > b:
            raise DataError(path, f"period {text!r} runs backwards", row=row, column="period")
        end = date(year, b, calendar.monthrange(year, b)[1])
        return {**gregorian, "period_label": f"{year}-{a:02d}..{year}-{b:02d}", "period_start": date(year, a, 1),
                "period_end": end, "is_partial_year": (a, b) != (1, 12)}
    if m := YEAR_TO_DATE.fullmatch(text):
        stated = _day(path, row, m["day"])
        if stated.year != year:
            raise DataError(path, f"statement date {stated} is not in year {year}", row=row, column="period")
        return {**gregorian, "period_label": f"{year} year to date (stated {stated.isoformat()})",
                "period_start": date(year, 1, 1), "period_end": stated, "is_partial_year": True}
    if m := IRANIAN.fullmatch(text):
        return _iranian_period(path, row, year, m)
    raise DataError(path, f"period {text!r} is not one of: full-year, Mon-Mon, year-to-date (statement of D Mon YYYY), "
                    "Iranian year NNNN[, months a-b] (...)", row=row, column="period")


def _iranian_period(path: Path, row: int, year: int, m: re.Match) -> dict:
    """An Iranian-calendar period; the Gregorian dates the raw text gives must match the calendar."""
    iy = int(m["iy"])
    if iy not in NOWRUZ or iy + 1 not in NOWRUZ:
        raise DataError(path, f"Iranian year {iy} is outside the known calendar {min(NOWRUZ)}–{max(NOWRUZ) - 1}",
                        row=row, column="period")
    first, m1, m2 = NOWRUZ[iy], int(m["m1"] or 1), int(m["m2"] or 12)
    if not 1 <= m1 <= m2 <= 12:
        raise DataError(path, f"Iranian months {m1}-{m2} are not valid", row=row, column="period")
    start = first + timedelta(days=sum(IRANIAN_MONTH_DAYS[: m1 - 1]))
    end = NOWRUZ[iy + 1] - timedelta(days=1) if m2 == 12 else first + timedelta(days=sum(IRANIAN_MONTH_DAYS[:m2]) - 1)
    stated = ((_day(path, row, m["from"]), None) if m["from"] else
              (_day(path, row, f"{m['d1']} {m['gy']}"), _day(path, row, f"{m['d2']} {m['gy']}")))
    if stated[0] != start or stated[1] not in (None, end):
        raise DataError(path, f"Gregorian dates {stated} do not match Iranian year {iy} months {m1}-{m2} "
                        f"({start}..{end})", row=row, column="period")
    if start.year != year:
        raise DataError(path, f"Iranian period starts in {start.year}, but year says {year}", row=row, column="year")
    months = "" if (m1, m2) == (1, 12) else f", months {m1}-{m2}"
    return {"calendar": "iranian", "iranian_year": iy, "iranian_month_first": m1, "iranian_month_last": m2,
            "is_non_oil_only": bool(m["nonoil"]),
            "period_label": f"Iranian year {iy}{months} ({start.isoformat()}..{end.isoformat()})",
            "period_start": start, "period_end": end, "is_partial_year": (m1, m2) != (1, 12)}


def _month(path: Path, row: int, abbr: str) -> int:
    if abbr not in MONTHS:
        raise DataError(path, f"{abbr!r} is not a month abbreviation", row=row, column="period")
    return MONTHS[abbr]


def _day(path: Path, row: int, text: str) -> date:
    """A date written ``21 Mar 2022``."""
    day, month, year = text.split()
    try:
        return date(int(year), _month(path, row, month), int(day))
    except ValueError as exc:
        raise DataError(path, f"{text!r} is not a valid date ({exc})", row=row, column="period") from None


def _date(path: Path, row: int, column: str, text: str) -> date | None:
    """An ISO date (``YYYY-MM-DD``) or nothing."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DataError(path, f"{text!r} is not a date written YYYY-MM-DD", row=row, column=column) from None


def _values(path: Path, row: int, value: str, unit: str) -> dict:
    """The value in the column of its own currency, scaled exactly (billion -> million), never converted."""
    if unit not in UNITS:
        raise DataError(path, f"unit {unit!r}, expected one of {list(UNITS)}", row=row, column="unit")
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        raise DataError(path, f"{value!r} is not a number", row=row, column="value") from None
    if not number.is_finite() or number <= 0:
        raise DataError(path, f"value {value!r} is not a positive number", row=row, column="value")
    column, factor = UNITS[unit]
    out = {"unit_as_stated": unit, "value_usd_millions": None, "value_rub_billions": None}
    return {**out, column: float(number * factor)}


def _qualifier(note: str) -> dict:
    """Approximate and bounded values, from the provenance note's explicit markers."""
    if LOWER_BOUND.search(note):
        qualifier = "more than"
    elif APPROXIMATE.search(note):
        qualifier = "almost" if ALMOST.search(note) else "about"
    else:
        qualifier = None
    return {"is_approximate": qualifier is not None, "value_qualifier": qualifier}


def _reporter(path: Path, row: int, text: str) -> dict:
    """Short name, type and country of whoever stated the figure."""
    for pattern, short, kind, iso3 in REPORTERS:
        if re.match(pattern, text):
            return {"reporter": short or text.split(" (")[0], "reporter_type": kind,
                    "reporter_country_iso3": iso3, "reporter_as_stated": text}
    raise DataError(path, f"unknown reporter {text!r}: add it to official_trade.REPORTERS", row=row, column="reporter")


def _url(path: Path, row: int, text: str) -> str:
    if not re.match(r"https?://\S+$", text):
        raise DataError(path, f"{text!r} is not a web address", row=row, column="source_url")
    return text


def _short_quote(text: str) -> str | None:
    """The exact quote if it has at most ``QUOTE_MAX_WORDS`` words; otherwise nothing (the URL stays)."""
    text = text.strip()
    return text if text and len(text.split()) <= QUOTE_MAX_WORDS else None


def _typed(out: pd.DataFrame) -> pd.DataFrame:
    return DATASET.typed(out)


def cross_checks(df: pd.DataFrame) -> None:
    """Years, positive values, one currency per row, no repeated figure, mirror side, dates, and parts vs totals."""
    where = f"data/{DATASET.name}.csv"
    first_bad = _first_failure(df)
    if first_bad:
        raise DataError(where, first_bad[1], row=first_bad[0] + 2, column=first_bad[2])
    _check_parts_add_up(df, where)


def _first_failure(df: pd.DataFrame) -> tuple[int, str, str] | None:
    """The first row (0-based), message and column that breaks a row-level rule, if any."""
    usd, rub = df.value_usd_millions.notna(), df.value_rub_billions.notna()
    repeat = df.duplicated(["partner_iso3", "period_start", "period_end", "measure", "reporter",
                            "value_usd_millions", "value_rub_billions", "is_non_oil_only"], keep="first")
    rules = [
        (~df.year.between(*YEARS) | ~df.period_start.dt.year.between(*YEARS), "period outside 2021–2025", "year"),
        (usd == rub, "exactly one of value_usd_millions and value_rub_billions must be set", "value_usd_millions"),
        (usd & (df.unit_as_stated == "RUB billion") | rub & (df.unit_as_stated != "RUB billion"),
         "the value sits in the wrong currency column", "unit_as_stated"),
        (df.value_usd_millions.fillna(1) <= 0, "value is not positive", "value_usd_millions"),
        (df.value_rub_billions.fillna(1) <= 0, "value is not positive", "value_rub_billions"),
        (repeat, "the same reporter's figure is repeated (same partner, period, measure and value)", "value_usd_millions"),
        (df.is_mirror_flow & (df.reporter_country_iso3 != df.partner_iso3).fillna(True),
         "a partner-side (mirror) flow is not attributed to the partner's side", "reporter_country_iso3"),
        ((df.published_date < df.period_end).fillna(False), "published before its period ended", "published_date"),
        (df.period_end < df.period_start, "period ends before it starts", "period_end"),
    ]
    for mask, message, column in rules:
        hits = mask.fillna(False).to_numpy().nonzero()[0]
        if len(hits):
            i = int(hits[0])
            return i, f"{df.figure_id[i]}: {message}", column
    return None


def _check_parts_add_up(df: pd.DataFrame, where: str) -> None:
    """Where one statement gives turnover, exports and imports, exports + imports = turnover within rounding."""
    usd = df[df.value_usd_millions.notna()].assign(half_unit=lambda d: [_half_unit(r) for r in d.itertuples()])
    groups = ["source_url", "reporter_as_stated", "partner_iso3", "period_label"]
    for _, g in usd.groupby(groups, sort=True):
        by = g.set_index("measure")
        if not {"turnover", "exports", "imports"} <= set(by.index):
            continue
        total, parts = by.value_usd_millions["turnover"], by.value_usd_millions[["exports", "imports"]].sum()
        if abs(parts - total) > by.half_unit.sum() + 1e-9:
            raise DataError(where, f"{by.figure_id['turnover']}: exports + imports = {parts:g} but turnover = {total:g} "
                            "(US$ million, beyond the rounding of the stated figures)", column="value_usd_millions")


def _half_unit(r) -> float:  # noqa: ANN001
    """Half a unit of the last digit the source stated, in US$ million (e.g. 4.8 bn -> 50)."""
    factor = UNITS[r.unit_as_stated][1]
    stated = (Decimal(repr(float(r.value_usd_millions))) / factor).normalize()
    exponent = min(stated.as_tuple().exponent, 0)
    return float(Decimal(5) * Decimal(10) ** (exponent - 1) * factor)


def coverage(df: pd.DataFrame) -> dict:
    full = df[~df.is_partial_year & (df.calendar == "gregorian")]
    return {
        "years": [int(df.year.min()), int(df.year.max())],
        "rows": len(df),
        "partners": sorted(df.partner.unique()),
        "rows_by_partner": {k: int(v) for k, v in df.partner.value_counts().sort_index().items()},
        "calendar_year_figures_by_partner": {
            p: sorted({int(y) for y in g.year}) for p, g in full.groupby("partner", sort=True)},
        "partial_year_rows": int(df.is_partial_year.sum()),
        "iranian_calendar_rows": int((df.calendar == "iranian").sum()),
        "approximate_rows": int(df.is_approximate.sum()),
        "rub_rows": int(df.value_rub_billions.notna().sum()),
        "reporters": int(df.reporter.nunique()),
    }


PARTNER_NAMES = tuple(countries.name(c) for c in PARTNERS)
DATASET = Dataset(
    name="trade_official",
    column_titles={  # each column as a reader would head it, with its unit
        'figure_id': 'Figure ID',
        'year': 'Year',
        'period_label': 'Period',
        'period_start': 'Period from',
        'period_end': 'Period to',
        'is_partial_year': 'Part of a year',
        'calendar': 'Calendar',
        'iranian_year': 'Iranian year',
        'iranian_month_first': 'First Iranian month',
        'iranian_month_last': 'Last Iranian month',
        'partner_iso3': 'Partner, ISO3 code',
        'partner': 'Partner',
        'measure': 'Measure',
        'is_mirror_flow': "Partner's own flow",
        'unit_as_stated': 'Unit as stated',
        'value_usd_millions': 'Value, US$ million',
        'value_rub_billions': 'Value, RUB billion',
        'is_approximate': 'Approximate',
        'value_qualifier': 'As stated',
        'is_non_oil_only': 'Non-oil trade only',
        'reporter': 'Figure given by',
        'reporter_type': 'Kind of reporter',
        'reporter_country_iso3': "Reporter's country, ISO3 code",
        'reporter_as_stated': 'Reporter, as described',
        'caution': 'Caution',
        'source_title': 'Quoted in',
        'source_publisher': 'Publisher',
        'source_url': 'Source address',
        'published_date': 'Published',
        'quote': 'Quote',
        'note': 'Note',
    },
    title="Azerbaijan's trade with Russia, Turkey and Iran, 2021–2025: official figures as quoted in news reports",
    description=(
        "A second-hand series: each row is one official trade figure (turnover, exports or imports, seen from "
        "Azerbaijan) for 2021–2025 as a news page quotes it, with who stated it, the period it covers, the page's "
        "address and, when short, the exact quote. Figures from Azerbaijan's customs, partner statistics and "
        "officials' speeches sit side by side and disagree; they are not a continuation of the IMF series."
    ),
    fields=(
        Field("figure_id", "str", "Stable id of the quoted figure: partner, year, measure and a hash of page, reporter, "
              "partner, period and flow as stated (unchanged when the value or wording is corrected)",
              pattern=r"^(RUS|TUR|IRN)-20\d\d-(turnover|exports|imports)-[0-9a-f]{8}$"),
        Field("year", "int", "Year the figure refers to (for an Iranian-calendar period: the Gregorian year it starts in)",
              minimum=YEARS[0], maximum=YEARS[1]),
        Field("period_label", "str", "The period in words: '2023', '2021-01..2021-11', '2021 year to date (stated …)', "
              "or 'Iranian year 1400, months 1-6 (2021-03-21..2021-09-22)'"),
        Field("period_start", "date", "First day of the period"),
        Field("period_end", "date", "Last day of the period (for a 'year to date' statement: the day it was made, an "
              "upper bound)"),
        Field("is_partial_year", "bool", "True where the period is shorter than a full year of its calendar"),
        Field("calendar", "str", "Calendar of the period: gregorian, or iranian (Solar Hijri, year from 20/21 March)",
              allowed=("gregorian", "iranian")),
        Field("iranian_year", "int", "Iranian (Solar Hijri) year of the period; empty for Gregorian periods",
              minimum=1399, maximum=1405, nullable=True),
        Field("iranian_month_first", "int", "First Iranian month of the period (1 = Farvardin); empty for Gregorian "
              "periods", minimum=1, maximum=12, nullable=True),
        Field("iranian_month_last", "int", "Last Iranian month of the period (12 = Esfand); empty for Gregorian "
              "periods", minimum=1, maximum=12, nullable=True),
        Field("partner_iso3", "str", "ISO3 code of Azerbaijan's trading partner", allowed=PARTNERS),
        Field("partner", "str", "Name of Azerbaijan's trading partner", allowed=PARTNER_NAMES),
        Field("measure", "str", "Seen from Azerbaijan: exports = goods from Azerbaijan to the partner, imports = goods "
              "from the partner to Azerbaijan, turnover = both", allowed=("turnover", "exports", "imports")),
        Field("is_mirror_flow", "bool", "True where the source states the partner's own flow (e.g. 'Turkey's exports to "
              "Azerbaijan') and this row records it from Azerbaijan's side (here: imports)"),
        Field("unit_as_stated", "str", "Unit the source used", allowed=tuple(UNITS)),
        Field("value_usd_millions", "float", "Value in US dollars (billions scaled to millions, nothing else); empty for "
              "the rouble figure", unit="US$ million, current prices", minimum=0, nullable=True),
        Field("value_rub_billions", "float", "Value in Russian roubles, never converted; empty for dollar figures",
              unit="RUB billion, current prices", minimum=0, nullable=True),
        Field("is_approximate", "bool", "True where the source qualifies the number (about, almost, more than)"),
        Field("value_qualifier", "str", "How the source qualifies the number; empty where it states it plainly",
              allowed=("about", "almost", "more than"), nullable=True),
        Field("is_non_oil_only", "bool", "True where the source says the figure covers non-oil trade only (IRICA)"),
        Field("reporter", "str", "Who stated the figure: statistical body, association or official (short name)"),
        Field("reporter_type", "str", "Kind of reporter", allowed=REPORTER_TYPES),
        Field("reporter_country_iso3", "str", "Country of the reporter (for UN Comtrade: of the reporting country); empty "
              "for a joint or unattributed statement", allowed=("AZE", *PARTNERS), nullable=True),
        Field("reporter_as_stated", "str", "The reporter exactly as the research table describes it (e.g. 'statistical "
              "source not named')"),
        Field("caution", "bool", "True where the research notes flag the row as doubtful (inconsistent, garbled or "
              "ambiguous wording, low-quality relay)"),
        Field("source_title", "str", "Headline of the news page, or a bracketed description where it was not shown"),
        Field("source_publisher", "str", "News outlet, and the agency or source it cites"),
        Field("source_url", "str", "Address of the news page", pattern=r"^https?://\S+$"),
        Field("published_date", "date", "Publication date of the page; empty where the page shows none", nullable=True),
        Field("quote", "str", f"Exact phrase from the page containing the number, in its language, kept only when "
              f"{QUOTE_MAX_WORDS} words or fewer; otherwise empty (see source_url)", nullable=True),
        Field("note", "str", "Caveats from the research notes (partner-side, approximate, conflicts); empty if none",
              nullable=True),
    ),
    key=("figure_id",),
    sources=(
        Source(
            publisher="News outlets quoting official statistics and officials (Azernews, Trend, Report.az, TASS, MENAFN, "
                      "Today.az, Minval.az and others; see source_publisher), compiled by the book's research team",
            dataset="Azerbaijan's trade with Russia, Turkey and Iran, 2021–2025: official figures as quoted in news reports",
            release="research compilation of 57 quoted figures (stored copies of public web pages; pages dated 2021-12 "
                    "to 2026-03)",
            released="2026",
            url="one address per figure: see the source_url column",
            accessed="2026-11-28",
            licence="Figures: official statistics (facts). Quotes: short excerpts from copyrighted news articles, used "
                    "for attribution only",
            attribution="Cite the outlet and the statistical body or official named in each row",
            citation="Official trade figures for Azerbaijan–Russia, –Turkey and –Iran, 2021–2025, as quoted in news "
                     "reports (compiled 2026). Each figure cites its own news page (source_url).",
            raw_files=(RAW_FILE,),
        ),
    ),
    processing=(
        "Read the research table (one row per quoted figure); no row dropped, no value computed, rounded or filled.",
        "Periods: 'full-year' -> the calendar year; 'Jan-Nov' etc. -> first day of the first month to last day of the "
        "last month; 'year-to-date (statement of D Mon YYYY)' -> 1 January to the statement date (an upper bound).",
        "Iranian-calendar periods: start and end computed from the first day of each Iranian year (Nowruz: 21 March, "
        "or 20 March in 2020 and 2024) with months 1-6 of 31 days and 7-11 of 30 days, and checked against the "
        "Gregorian dates the raw text gives; the Iranian year is kept in iranian_year and its first and last months in iranian_month_first and iranian_month_last.",
        "Flows renamed total_turnover -> turnover; exports/imports kept, always seen from Azerbaijan. Rows whose "
        "research note says 'partner-side' are flagged is_mirror_flow.",
        "Values: 'USD billion' multiplied by 1000 into value_usd_millions (exact decimal arithmetic); 'USD million' "
        "as is; 'RUB billion' kept in value_rub_billions. No currency is converted. unit_as_stated keeps the unit used.",
        "is_approximate/value_qualifier from the research note's explicit markers ('approximate' with 'почти'/'almost' "
        "-> almost, otherwise about; 'lower bound' -> more than), not from the quote, whose words such as 'more than "
        "52 percent' or 'about 403,000 tons' do not qualify the value.",
        "is_non_oil_only from the period text ', non-oil'; caution from the note's words caution, garbled, ambiguous, "
        "low-quality or loose.",
        "Reporter: short name, type and country from a fixed table of the reporters the research table names; the "
        "full description stays in reporter_as_stated.",
        f"Quotes longer than {QUOTE_MAX_WORDS} words are not stored (the page address is); shorter ones are kept exactly.",
        "figure_id: partner, year, measure and the first 8 hex digits of the SHA-1 of page address, partner, year, "
        "period, flow and reporter as stated.",
        "Checks: years 2021–2025, positive values, one currency column per row, no repeated figure from the same "
        "reporter, mirror flows attributed to the partner's side, pages not dated before the period ends, and "
        "exports + imports = turnover within the rounding of the stated figures where one statement gives all three.",
    ),
    build=build,
    source_line="Source: official figures as quoted in news reports, 2021–2025 (second-hand; see each figure's source)",
    cross_checks=cross_checks,
    coverage=coverage,
    notes=(
        "Second-hand: every figure is a news report of an official number, often from a speech, not a statistical "
        "release. Show it labelled as such and visually distinct from the IMF DOTS series (1992–2020); never join the two.",
        "Reporters disagree: Azerbaijan's customs (SCC) and partner statistics differ a lot (e.g. Turkey 2024: Turkish "
        "side imports 4.8 bn from Azerbaijan; Iran 2024: 647 vs 580 US$ mn). Filter by reporter before comparing years.",
        "Iranian-calendar rows (IRICA) run 21 March–20 March and mostly cover non-oil trade only: not comparable with "
        "calendar-year figures.",
        "Partial-year rows (is_partial_year) must not be plotted as annual levels.",
        "Rows flagged caution are doubtful (AZPROMO 2021 exports, Kaukasus-Spiegel 2023, PM Asadov Jan-Nov 2025, "
        "Debuglies 2024); period_end of a 'year to date' statement is the statement day, not the data's last day.",
    ),
)

DATASETS = (DATASET,)
