"""The quoted-official-figures reader: good fixture -> tidy table; broken fixtures -> located errors."""

from __future__ import annotations

import pandas as pd
import pytest

from azbook.data import build, tables
from azbook.data.datasets import official_trade
from azbook.data.schema import DataError
from conftest import drop_column, rewrite

DS = official_trade.DATASET


def path(raw):
    return raw / official_trade.RAW_FILE


def built(raw) -> pd.DataFrame:
    return DS.validate(official_trade.build(raw), "test")


def one(df: pd.DataFrame, url: str, measure: str = "turnover", period_label: str | None = None) -> pd.Series:
    rows = df[(df.source_url == url) & (df.measure == measure)]
    if period_label is not None:
        rows = rows[rows.period_label == period_label]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_builds_tidy_table(raw):
    df = built(raw)
    assert list(df.columns) == DS.columns
    assert len(df) == 12
    assert list(df.figure_id) == sorted(df.figure_id)
    assert set(df.partner) == {"Russia", "Turkey", "Iran"}


def test_periods_and_calendars(raw):
    df = built(raw)
    jan_nov = one(df, "https://example.org/b")
    assert (jan_nov.period_label, jan_nov.period_start, jan_nov.period_end) == (
        "2021-01..2021-11", pd.Timestamp("2021-01-01"), pd.Timestamp("2021-11-30"))
    assert bool(jan_nov.is_partial_year) and jan_nov.calendar == "gregorian" and pd.isna(jan_nov.iranian_year)
    full = one(df, "https://example.org/a")
    assert (full.period_label, bool(full.is_partial_year)) == ("2022", False)
    ytd = one(df, "https://example.org/d")
    assert ytd.period_end == pd.Timestamp("2021-12-14") and bool(ytd.is_partial_year)
    months = one(df, "https://example.org/f", period_label="Iranian year 1401, months 1-7 (2022-03-21..2022-10-22)")
    assert (months.calendar, months.iranian_year, bool(months.is_partial_year)) == ("iranian", 1401, True)
    assert bool(months.is_non_oil_only)
    year = one(df, "https://example.org/f", period_label="Iranian year 1401 (2022-03-21..2023-03-20)")
    assert year.period_end == pd.Timestamp("2023-03-20") and not bool(year.is_partial_year)


def test_values_units_and_qualifiers(raw):
    df = built(raw)
    assert one(df, "https://example.org/b").value_usd_millions == 2600.0  # 2.6 billion scaled, not rounded
    assert one(df, "https://example.org/b", "exports").value_usd_millions == 802.2
    rub = one(df, "https://example.org/c")
    assert rub.value_rub_billions == 300 and pd.isna(rub.value_usd_millions)  # never converted
    assert (rub.unit_as_stated, bool(rub.is_approximate), rub.value_qualifier) == ("RUB billion", True, "almost")
    assert one(df, "https://example.org/g").value_qualifier == "more than"
    plain = one(df, "https://example.org/a")
    assert not bool(plain.is_approximate) and pd.isna(plain.value_qualifier)


def test_direction_reporter_quote_and_caution(raw):
    df = built(raw)
    mirror = one(df, "https://example.org/e", "imports")  # Turkey's exports = Azerbaijan's imports
    assert bool(mirror.is_mirror_flow) and mirror.value_qualifier == "about"
    assert (mirror.reporter, mirror.reporter_type, mirror.reporter_country_iso3) == ("TurkStat (TÜİK)", "statistical_body", "TUR")
    assert pd.isna(mirror.published_date)
    assert not one(df, "https://example.org/b", "exports").is_mirror_flow
    assert pd.isna(one(df, "https://example.org/g").quote)  # longer than 20 words: only the URL stays
    assert one(df, "https://example.org/a").quote.endswith("$5.5 billion")
    assert bool(one(df, "https://example.org/i", "exports").caution)
    bayramov = one(df, "https://example.org/h")
    assert (bayramov.reporter, bayramov.reporter_type) == ("MP Vugar Bayramov", "member_of_parliament")


def test_figure_id_is_stable(raw):
    before = official_trade.build(raw).set_index("source_url").figure_id
    lines = path(raw).read_text(encoding="utf-8").splitlines(keepends=True)
    reordered = [lines[0], *reversed(lines[1:])]
    path(raw).write_text("".join(reordered).replace(",5.5,USD billion", ",5.6,USD billion"), encoding="utf-8")
    after = official_trade.build(raw).set_index("source_url").figure_id
    assert sorted(before) == sorted(after)
    assert before["https://example.org/a"] == after["https://example.org/a"]


def test_cross_checks_pass_on_good_fixture(raw):
    official_trade.cross_checks(built(raw))


def test_parts_that_do_not_add_up_are_rejected(raw):
    rewrite(path(raw), lambda t: t.replace(",802.2,USD million", ",902.2,USD million"))
    with pytest.raises(DataError, match=r"exports \+ imports = 2702.2 but turnover = 2600"):
        official_trade.cross_checks(built(raw))


def test_repeated_figure_is_rejected(raw):
    lines = path(raw).read_text(encoding="utf-8").splitlines(keepends=True)
    copy = lines[1].replace("https://example.org/a", "https://example.org/a-reprint")
    path(raw).write_text("".join([*lines, copy]), encoding="utf-8")
    with pytest.raises(DataError, match=r"column 'value_usd_millions': TUR-2022-turnover-\w+: the same reporter's figure is repeated"):
        official_trade.cross_checks(built(raw))


def test_publication_before_period_end_is_rejected(raw):
    rewrite(path(raw), lambda t: t.replace("https://example.org/h,Example Az,2026-01-15", "https://example.org/h,Example Az,2025-06-01"))
    with pytest.raises(DataError, match=r"column 'published_date': IRN-2025-turnover-\w+: published before its period ended"):
        official_trade.cross_checks(built(raw))


def test_round_trip_through_build_and_load(raw, tmp_path):
    build.build_all(raw, tmp_path, only=["trade_official"])
    df = tables.read_table(tmp_path / "trade_official.csv", "trade_official")
    assert len(df) == 12
    assert str(df.period_start.dtype).startswith("datetime64") and str(df.iranian_year.dtype) == "Int64"
    assert str(df.is_partial_year.dtype) == "boolean" and str(df.value_rub_billions.dtype) == "Float64"


# Broken inputs: each names the file, the raw row and the column.

def test_missing_column(raw):
    rewrite(path(raw), lambda t: drop_column(t, "unit"))
    with pytest.raises(DataError, match=r"row 1, column 'unit': header lacks"):
        official_trade.build(raw)


def test_shifted_header(raw):
    rewrite(path(raw), lambda t: "Official trade figures as quoted\n" + t)
    with pytest.raises(DataError, match=r"trade_official_releases.csv, row 1, .*header lacks"):
        official_trade.build(raw)


def test_wrong_type(raw):
    rewrite(path(raw), lambda t: t.replace(",5.5,USD billion", ",five and a half,USD billion"))
    with pytest.raises(DataError, match=r"row 2, column 'value': 'five and a half' is not a number"):
        official_trade.build(raw)


@pytest.mark.parametrize("bad", ["0", "-5.5"])
def test_value_not_positive(raw, bad):
    rewrite(path(raw), lambda t: t.replace(",5.5,USD billion", f",{bad},USD billion"))
    with pytest.raises(DataError, match=r"row 2, column 'value': value .* is not a positive number"):
        official_trade.build(raw)


def test_year_outside_range(raw):
    rewrite(path(raw), lambda t: t.replace("2025,Jan-Oct,", "2019,Jan-Oct,"))
    with pytest.raises(DataError, match=r"row 12, column 'year': year 2019 is outside 2021–2025"):
        official_trade.build(raw)


def test_bad_year(raw):
    rewrite(path(raw), lambda t: t.replace("2025,Jan-Oct,", "2O25,Jan-Oct,"))
    with pytest.raises(DataError, match=r"row 12, column 'year': '2O25' is not a whole number"):
        official_trade.build(raw)


def test_unknown_country(raw):
    rewrite(path(raw), lambda t: t.replace("of Azerbaijan,Turkey,total_turnover,5.5", "of Azerbaijan,Türkiye,total_turnover,5.5"))
    with pytest.raises(DataError, match=r"row 2, column 'partner': unknown partner 'Türkiye'"):
        official_trade.build(raw)


def test_unknown_reporter(raw):
    rewrite(path(raw), lambda t: t.replace("2025,Jan-Oct,MP Vugar Bayramov", "2025,Jan-Oct,Some Blogger"))
    with pytest.raises(DataError, match=r"row 12, column 'reporter': unknown reporter 'Some Blogger"):
        official_trade.build(raw)


def test_unknown_unit(raw):
    rewrite(path(raw), lambda t: t.replace(",300,RUB billion,", ",300,EUR billion,"))
    with pytest.raises(DataError, match=r"row 6, column 'unit': unit 'EUR billion'"):
        official_trade.build(raw)


def test_unknown_flow(raw):
    rewrite(path(raw), lambda t: t.replace("Turkey,imports,3.1", "Turkey,re-exports,3.1"))
    with pytest.raises(DataError, match=r"row 8, column 'flow': flow 're-exports'"):
        official_trade.build(raw)


def test_unknown_period(raw):
    rewrite(path(raw), lambda t: t.replace("2025,Jan-Oct,", "2025,first ten months,"))
    with pytest.raises(DataError, match=r"row 12, column 'period': period 'first ten months' is not one of"):
        official_trade.build(raw)


def test_iranian_dates_that_do_not_match_the_calendar(raw):
    rewrite(path(raw), lambda t: t.replace("months 1-7 (21 Mar-22 Oct 2022)", "months 1-7 (21 Mar-31 Oct 2022)"))
    with pytest.raises(DataError, match=r"row 9, column 'period': Gregorian dates .* do not match Iranian year 1401"):
        official_trade.build(raw)


def test_bad_published_date(raw):
    rewrite(path(raw), lambda t: t.replace("2023-04-14", "14.04.2023"))
    with pytest.raises(DataError, match=r"row 2, column 'published_date': '14.04.2023' is not a date"):
        official_trade.build(raw)


def test_duplicate_key(raw):
    lines = path(raw).read_text(encoding="utf-8").splitlines(keepends=True)
    path(raw).write_text("".join([*lines, lines[1]]), encoding="utf-8")
    with pytest.raises(DataError, match=r"row 14, column 'source_url': duplicate key: .* as row 2"):
        official_trade.build(raw)


def test_empty_file(raw):
    path(raw).write_text("")
    with pytest.raises(DataError, match=r"file is empty"):
        official_trade.build(raw)


def test_header_only(raw):
    rewrite(path(raw), lambda t: t.splitlines(keepends=True)[0])
    with pytest.raises(DataError, match=r"row 2: has a header but no data rows"):
        official_trade.build(raw)


def test_wrong_encoding(raw):
    path(raw).write_bytes(path(raw).read_text(encoding="utf-8").encode("cp1251", errors="replace"))
    with pytest.raises(DataError, match=r"trade_official_releases.csv, row 6: not valid utf-8"):
        official_trade.build(raw)


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match="file not found"):
        official_trade.build(tmp_path)
