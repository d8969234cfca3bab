"""Supplier shares of arms deliveries (azbook.charts.arms)."""

from __future__ import annotations

import pandas as pd
import pytest

from azbook import charts
from azbook.charts import colours
from azbook.data import countries
from azbook.data.tables import load


def test_shares_by_recipient_labels_periods_with_their_totals():
    arms = load("arms_transfers")
    df = charts.arms.shares_by_recipient(arms, ["AZE", "ARM"], [(2011, 2015), (2016, 2020)])
    assert set(df.recipient) == {"Azerbaijan", "Armenia"}
    sums = df.groupby(["recipient", "period"]).share_pct.sum()
    assert sums.round(6).eq(100).all()
    row = df.query("recipient == 'Azerbaijan' and period == '2011–2015'").iloc[0]
    assert row.period_label == f"2011–2015 ({row.period_tiv_millions:,.0f} TIV m)"
    spec = charts.arms.recipient_period_shares(df, width=500).to_dict()
    assert spec["facet"]["row"]["field"] == "recipient" and spec["resolve"]["scale"]["y"] == "independent"
    assert spec["spec"]["width"] == 500
    scale = spec["spec"]["encoding"]["color"]["scale"]
    assert scale["range"][scale["domain"].index("Russia")] == colours.COLOURS["Russia"]


def test_period_shares_gives_a_supplier_without_a_country_colour_the_neutral_colour():
    arms = load("arms_transfers")
    df = charts.arms.shares_by_recipient(arms, ["ARM"], [(2021, 2024)], named=("Russia", "India"))
    assert "India" not in colours.COLOURS and "India" in set(df.supplier)
    scale = charts.arms._period_shares_neutral(df.assign(period=df.period_label)).to_dict()["encoding"]["color"]["scale"]
    colour = dict(zip(scale["domain"], scale["range"]))
    assert colour["India"] == colours.NEUTRAL and colour["Russia"] == colours.COLOURS["Russia"]
    assert colour.get(charts.arms.OTHER, colours.OTHER) == colours.OTHER and colours.NEUTRAL not in colours.COLOURS.values()
    facet = charts.arms.recipient_period_shares(df, width=400).to_dict()
    assert dict(zip(facet["spec"]["encoding"]["color"]["scale"]["domain"],
                    facet["spec"]["encoding"]["color"]["scale"]["range"]))["India"] == colours.NEUTRAL


def test_period_shares_refuses_two_suppliers_without_a_country_colour():
    df = pd.DataFrame({"period": ["2021–2024"] * 2, "supplier": ["India", "France"], "share_pct": [50.0, 50.0],
                       "tiv_millions": [1.0, 1.0], "others": ["", ""]})
    with pytest.raises(ValueError):
        charts.arms._period_shares_neutral(df)
