"""The UNGA readers: good fixtures -> un_votes and un_ideal_points; broken fixtures -> located errors."""

from __future__ import annotations

import pytest

from azbook.data.datasets import unga
from azbook.data.schema import DataError
from conftest import drop_column, rewrite

VOTES, ROLL_CALLS, IDEAL = unga.VOTES_FILE, unga.ROLL_CALLS_FILE, unga.IDEAL_FILE
FILES = {"votes": VOTES, "roll_calls": ROLL_CALLS, "ideal": IDEAL}
BUILDS = {VOTES: unga.build_votes, ROLL_CALLS: unga.build_votes, IDEAL: unga.build_ideal_points}


def line_of(raw, relpath, text):
    """The 1-based line number of the first line of a fixture that contains ``text``."""
    lines = (raw / relpath).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def votes(raw):
    return unga.VOTES_DATASET.validate(unga.build_votes(raw), "test")


def ideal(raw):
    return unga.IDEAL_DATASET.validate(unga.build_ideal_points(raw), "test")


def row(df, year, partner):
    return df[(df.year == year) & (df.partner_iso3 == partner)].iloc[0]


# --- good fixtures --------------------------------------------------------------------------


def test_votes_builds_tidy_table(raw):
    df = votes(raw)
    assert list(df.columns) == unga.VOTES_DATASET.columns
    assert set(df.partner_iso3) == {"RUS", "TUR", "IRN", "ARM", "GEO", "ISR"}  # no United States, no Azerbaijan
    assert (df.year == df.session + 1945).all()
    assert df.year.min() == 1991  # session 1 (1946) has no Azerbaijan vote
    ru = row(df, 2018, "RUS")
    assert (ru.roll_calls, ru.identical_votes, ru.agreement_pct) == (6, 3, 50.0)
    assert row(df, 2018, "TUR").agreement_pct == pytest.approx(83.33)
    assert (row(df, 2019, "RUS").roll_calls, row(df, 2019, "RUS").agreement_pct) == (3, 100.0)


def test_absence_is_left_out_not_counted_as_disagreement(raw):
    iran = row(votes(raw), 2018, "IRN")  # Iran has no vote on roll call 6087
    assert (iran.roll_calls, iran.identical_votes, iran.agreement_pct) == (5, 4, 80.0)


def test_abstention_matches_only_abstention(raw):
    before = row(votes(raw), 2018, "RUS")
    rewrite(raw / VOTES, lambda t: t.replace("6063,Azerbaijan,AZ,yes", "6063,Azerbaijan,AZ,abstain"))
    after = row(votes(raw), 2018, "RUS")  # Russia abstained on 6063
    assert after.identical_votes == before.identical_votes + 1
    assert row(votes(raw), 2018, "IRN").identical_votes == 3  # Iran voted yes: abstain-yes is a different vote


def test_ideal_points_builds_tidy_table(raw):
    df = ideal(raw)
    assert list(df.columns) == unga.IDEAL_DATASET.columns
    assert set(df.partner_iso3) == {"RUS", "TUR", "IRN", "ARM", "GEO", "ISR"}
    assert sorted(df.year.unique()) == [1991, 2018, 2019, 2023]
    ru = row(df, 2019, "RUS")
    assert ru.azerbaijan_ideal_point == pytest.approx(-0.7006153)
    assert ru.ideal_point_distance == pytest.approx(abs(-0.7006153 - 0.08971877), abs=1e-6)
    assert row(df, 2023, "TUR").partner_votes == 2
    assert df[(df.partner_iso3 == "GEO") & (df.year == 1991)].empty  # no Georgia estimate in session 46: a gap


def test_missing_ideal_point_is_a_gap(raw):
    rewrite(raw / IDEAL, lambda t: t.replace(",-0.5316102,", ",NA,"))  # Russia, session 78
    df = ideal(raw)
    assert df[(df.partner_iso3 == "RUS") & (df.year == 2023)].empty
    assert not df[(df.partner_iso3 == "TUR") & (df.year == 2023)].empty


def test_cross_checks_pass_on_good_fixtures(raw):
    unga.cross_check_votes(votes(raw))
    unga.cross_check_ideal_points(ideal(raw))
    cov = unga.coverage_ideal_points(ideal(raw))
    assert "Turkey 2023" in cov["estimates_on_fewer_than_10_votes"]


def test_inconsistent_agreement_is_rejected(raw):
    df = votes(raw)
    df.loc[0, "agreement_pct"] = 12.5
    with pytest.raises(DataError, match=r"un_votes.csv, row 2, column 'agreement_pct'"):
        unga.cross_check_votes(df)


def test_inconsistent_distance_is_rejected(raw):
    df = ideal(raw)
    df.loc[3, "ideal_point_distance"] = 9.0
    with pytest.raises(DataError, match=r"un_ideal_points.csv, row 5, column 'ideal_point_distance'"):
        unga.cross_check_ideal_points(df)


# --- broken fixtures ------------------------------------------------------------------------


@pytest.mark.parametrize(("relpath", "column"), [(VOTES, "vote"), (ROLL_CALLS, "session"), (IDEAL, "IdealPointAll")])
def test_missing_column(raw, relpath, column):
    rewrite(raw / relpath, lambda t: drop_column(t, column))
    with pytest.raises(DataError, match=rf"row 1, column '{column}': header lacks"):
        BUILDS[relpath](raw)


@pytest.mark.parametrize("relpath", FILES.values())
def test_shifted_header(raw, relpath):
    rewrite(raw / relpath, lambda t: "UN General Assembly votes\n" + t)
    with pytest.raises(DataError, match=rf"{relpath.rsplit('/', 1)[1]}, row 1, .*header lacks"):
        BUILDS[relpath](raw)


@pytest.mark.parametrize("relpath", FILES.values())
def test_empty_file(raw, relpath):
    (raw / relpath).write_text("")
    with pytest.raises(DataError, match="file is empty"):
        BUILDS[relpath](raw)


@pytest.mark.parametrize("relpath", FILES.values())
def test_wrong_encoding(raw, relpath):
    text = (raw / relpath).read_text(encoding="utf-8")
    (raw / relpath).write_bytes(text.encode("utf-16"))
    with pytest.raises(DataError, match=r"row 1: not valid utf-8"):
        BUILDS[relpath](raw)


@pytest.mark.parametrize(
    ("relpath", "old", "new", "column"),
    [
        (VOTES, "6087,Azerbaijan,AZ,yes", "6O87,Azerbaijan,AZ,yes", "rcid"),
        (ROLL_CALLS, "6059,73,,2018-10-16", "6059,LXXIII,,2018-10-16", "session"),
        (IDEAL, ",-0.7006153,", ",-O.7006153,", "IdealPointAll"),
        (IDEAL, "373,74,86,", "373,74,86.5,", "NVotesAll"),
    ],
)
def test_wrong_type(raw, relpath, old, new, column):
    rewrite(raw / relpath, lambda t: t.replace(old, new))
    line = line_of(raw, relpath, new)
    with pytest.raises(DataError, match=rf"row {line}, column '{column}': .* is not a (whole )?number"):
        BUILDS[relpath](raw)


def test_unknown_vote_value(raw):
    rewrite(raw / VOTES, lambda t: t.replace("6087,Russia,RU,yes", "6087,Russia,RU,absent"))
    line = line_of(raw, VOTES, "6087,Russia,RU,absent")
    with pytest.raises(DataError, match=rf"row {line}, column 'vote': vote 'absent'"):
        unga.build_votes(raw)


@pytest.mark.parametrize(
    ("relpath", "text", "message"),
    [
        (VOTES, "6087,Russia,RU,yes", "duplicate vote of one country on one roll call"),
        (ROLL_CALLS, "6059,73,", "duplicate roll call"),
        (IDEAL, '"4597",373,74,', "duplicate country-session"),
    ],
)
def test_duplicate_key(raw, relpath, text, message):
    path = raw / relpath
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines + [next(line for line in lines if line.startswith(text))]), encoding="utf-8")
    with pytest.raises(DataError, match=rf"row {len(lines) + 1}, column '\w+': {message}"):
        BUILDS[relpath](raw)


def test_unknown_country_code_votes(raw):
    rewrite(raw / VOTES, lambda t: t.replace(",Azerbaijan,AZ,", ",Azerbaijan,AJ,"))
    with pytest.raises(DataError, match=r"column 'country_code': no rows for Azerbaijan"):
        unga.build_votes(raw)


def test_country_name_not_matching_code(raw):
    rewrite(raw / VOTES, lambda t: t.replace("6087,Turkey,TR,", "6087,Türkiye,TR,"))
    line = line_of(raw, VOTES, "Türkiye")
    with pytest.raises(DataError, match=rf"row {line}, column 'country': country 'Türkiye' does not match code 'TR'"):
        unga.build_votes(raw)


def test_required_partner_missing(raw):
    rewrite(raw / VOTES, lambda t: "".join(line for line in t.splitlines(True) if ",RU," not in line))
    with pytest.raises(DataError, match=r"no rows for Russia \(RUS\)"):
        unga.build_votes(raw)


def test_vote_on_unknown_roll_call(raw):
    rewrite(raw / ROLL_CALLS, lambda t: "".join(line for line in t.splitlines(True) if not line.startswith("6088,")))
    line = line_of(raw, VOTES, "6088,")
    with pytest.raises(DataError, match=rf"row {line}, column 'rcid': roll call 6088 is not in"):
        unga.build_votes(raw)


def test_unknown_country_code_ideal_points(raw):
    rewrite(raw / IDEAL, lambda t: t.replace('"AZE"', '"AZB"'))
    with pytest.raises(DataError, match=r"column 'iso3c': no rows for Azerbaijan"):
        unga.build_ideal_points(raw)


def test_cow_code_not_matching_iso3(raw):
    rewrite(raw / IDEAL, lambda t: t.replace('"4597",373,', '"4597",372,'))
    line = line_of(raw, IDEAL, '"4597",372,')
    with pytest.raises(DataError, match=rf"row {line}, column 'ccode': COW code 372 does not match AZE"):
        unga.build_ideal_points(raw)


@pytest.mark.parametrize("build", [unga.build_votes, unga.build_ideal_points])
def test_missing_file(tmp_path, build):
    with pytest.raises(DataError, match="file not found"):
        build(tmp_path)
