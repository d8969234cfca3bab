"""The Russia chapter's own shapes (azbook.russia_charts)."""

from __future__ import annotations

import pandas as pd
import pytest

from azbook import charts, countries
from azbook import russia_charts as rc
from azbook.load import load


@pytest.fixture(scope="module")
def ideal():
    return load("un_ideal_points")


def test_ideal_positions_has_azerbaijan_once_per_year(ideal):
    pos = rc.ideal_positions(ideal, ["RUS", "TUR"])
    assert set(pos.country) == {"Azerbaijan", "Russia", "Turkey"}
    assert not pos.duplicated(["year", "country"]).any()
    row = ideal.query("partner_iso3 == 'RUS' and year == 2020").iloc[0]
    aze = pos.query("country == 'Azerbaijan' and year == 2020").ideal_point.iloc[0]
    assert aze == pytest.approx(row.azerbaijan_ideal_point)
    with pytest.raises(ValueError):
        rc.ideal_positions(ideal, ["XXX"])


def test_distance_change_splits_the_fall_between_the_two_moves():
    toy = pd.DataFrame({"year": [2019, 2023], "partner_iso3": ["RUS", "RUS"],
                        "azerbaijan_ideal_point": [-0.7, -0.6], "partner_ideal_point": [0.1, -0.5],
                        "ideal_point_distance": [0.8, 0.1]})
    out = rc.distance_change(toy, "RUS", 2019, 2023)
    assert out["fall"] == pytest.approx(0.7)
    assert out["partner_shift"] == pytest.approx(-0.6) and out["azerbaijan_shift"] == pytest.approx(0.1)
    assert out["distance_if_azerbaijan_still"] == pytest.approx(0.2)  # |-0.7 - (-0.5)|
    assert out["share_of_fall_from_partner_pct"] == pytest.approx(100 * 0.6 / 0.7)
    with pytest.raises(ValueError):
        rc.distance_change(toy, "RUS", 2019, 2022)


def test_shares_by_recipient_labels_periods_with_their_totals():
    arms = load("arms_transfers")
    df = rc.shares_by_recipient(arms, ["AZE", "ARM"], [(2011, 2015), (2016, 2020)])
    assert set(df.recipient) == {"Azerbaijan", "Armenia"}
    sums = df.groupby(["recipient", "period"]).share_pct.sum()
    assert sums.round(6).eq(100).all()
    row = df.query("recipient == 'Azerbaijan' and period == '2011–2015'").iloc[0]
    assert row.period_label == f"2011–2015 ({row.period_tiv_millions:,.0f} TIV m)"
    spec = rc.recipient_period_shares(df, width=500).to_dict()
    assert spec["facet"]["row"]["field"] == "recipient" and spec["resolve"]["scale"]["y"] == "independent"
    assert spec["spec"]["width"] == 500
    colours = spec["spec"]["encoding"]["color"]["scale"]
    assert colours["range"][colours["domain"].index("Russia")] == countries.COLOURS["Russia"]


def test_presence_band_uses_the_country_colour_and_refuses_a_reversed_span():
    spec = rc.presence_band("2020-11-10", "2024-06-12", "Peacekeepers", country="Russia").to_dict()
    assert spec["mark"]["color"] == countries.COLOURS["Russia"]
    assert next(iter(spec["datasets"].values())) == [{"start": "2020-11-10", "end": "2024-06-12", "what": "Peacekeepers"}]
    with pytest.raises(ValueError):
        rc.presence_band("2024-06-12", "2020-11-10", "x", country="Russia")


def test_period_shares_gives_a_supplier_without_a_country_colour_the_neutral_colour():
    arms = load("arms_transfers")
    df = rc.shares_by_recipient(arms, ["ARM"], [(2021, 2024)], named=("Russia", "India"))
    assert "India" not in countries.COLOURS and "India" in set(df.supplier)
    scale = rc.period_shares(df.assign(period=df.period_label)).to_dict()["encoding"]["color"]["scale"]
    colour = dict(zip(scale["domain"], scale["range"]))
    assert colour["India"] == rc.NEUTRAL and colour["Russia"] == countries.COLOURS["Russia"]
    assert colour.get(charts.OTHER, "#CCCCCC") == "#CCCCCC" and rc.NEUTRAL not in countries.COLOURS.values()
    facet = rc.recipient_period_shares(df, width=400).to_dict()
    assert dict(zip(facet["spec"]["encoding"]["color"]["scale"]["domain"],
                    facet["spec"]["encoding"]["color"]["scale"]["range"]))["India"] == rc.NEUTRAL


def test_period_shares_refuses_two_suppliers_without_a_country_colour():
    df = pd.DataFrame({"period": ["2021–2024"] * 2, "supplier": ["India", "France"], "share_pct": [50.0, 50.0],
                       "tiv_millions": [1.0, 1.0], "others": ["", ""]})
    with pytest.raises(ValueError):
        rc.period_shares(df)
