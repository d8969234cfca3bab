"""Derived measures: computed from the tables, gaps kept, shares add up."""

from __future__ import annotations

import pandas as pd
import pytest

from azbook.data import measures
from azbook.data.tables import load


@pytest.fixture(scope="module")
def trade():
    return load("trade")


def test_turnover_is_exports_plus_imports_and_needs_both(trade):
    t = measures.turnover(trade)
    row = t.query("year == 2019 and partner_iso3 == 'RUS'").iloc[0]
    assert row.turnover_usd_millions == pytest.approx(row.exports_usd_millions + row.imports_usd_millions)
    assert t.turnover_usd_millions.notna().all()


def test_turnover_keeps_gaps():
    trade = pd.DataFrame({
        "year": [2000, 2000, 2001], "reporter_iso3": ["AZE"] * 3, "partner_iso3": ["RUS"] * 3,
        "partner": ["Russia"] * 3, "flow": ["exports_fob", "imports_cif", "exports_fob"],
        "value_usd_millions": [1.0, 2.0, 3.0],
    })
    assert measures.turnover(trade).year.tolist() == [2000]  # 2001 lacks imports: no turnover, not a guess


def test_trade_shares_are_percent_of_world(trade):
    s = measures.trade_shares(trade)
    assert set(s.partner_iso3) == {"RUS", "TUR", "IRN"}
    assert s.share_pct.between(0, 100).all()
    r = s.iloc[0]
    assert r.share_pct == pytest.approx(100 * r.turnover_usd_millions / r.world_usd_millions)


def test_supplier_shares_sum_to_100_per_period():
    arms = load("arms_transfers")
    s = measures.supplier_shares(arms, "AZE", [(2011, 2015), (2016, 2020)])
    assert s.groupby("period").share_pct.sum().round(6).eq(100).all()
    assert set(s.supplier) <= {"Russia", "Turkey", "Israel", "Other suppliers"}
    other = s.query("supplier == 'Other suppliers'")
    assert (other.others != "").all() and (s.query("supplier != 'Other suppliers'").others == "").all()


def test_period_label():
    assert measures.period_label(2016, [(2011, 2015), (2016, 2020)]) == "2016–2020"
    assert measures.period_label(1999, [(2011, 2015)]) is None


def test_reliable_ideal_points_drop_estimates_on_few_votes():
    ideal = load("un_ideal_points")
    kept = measures.reliable_ideal_points(ideal)
    assert kept.partner_votes.min() >= measures.MIN_IDEAL_POINT_VOTES
    assert kept.azerbaijan_votes.min() >= measures.MIN_IDEAL_POINT_VOTES
    assert kept.query("partner_iso3 == 'TUR' and year == 2023").empty  # Turkey's 2023 point rests on 2 votes
    assert len(kept) < len(ideal)


def test_arms_periods_are_contiguous():
    periods = measures.ARMS_PERIODS
    assert all(b[0] == a[1] + 1 for a, b in zip(periods, periods[1:]))
