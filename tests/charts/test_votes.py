"""UN ideal points: who moved (azbook.charts.votes)."""

from __future__ import annotations

import pandas as pd
import pytest

from azbook.charts import votes
from azbook.data.tables import load


@pytest.fixture(scope="module")
def ideal():
    return load("un_ideal_points")


def test_ideal_positions_has_azerbaijan_once_per_year(ideal):
    pos = votes.ideal_positions(ideal, ["RUS", "TUR"])
    assert set(pos.country) == {"Azerbaijan", "Russia", "Turkey"}
    assert not pos.duplicated(["year", "country"]).any()
    row = ideal.query("partner_iso3 == 'RUS' and year == 2020").iloc[0]
    aze = pos.query("country == 'Azerbaijan' and year == 2020").ideal_point.iloc[0]
    assert aze == pytest.approx(row.azerbaijan_ideal_point)
    with pytest.raises(ValueError):
        votes.ideal_positions(ideal, ["XXX"])


def test_distance_change_splits_the_fall_between_the_two_moves():
    toy = pd.DataFrame({"year": [2019, 2023], "partner_iso3": ["RUS", "RUS"],
                        "azerbaijan_ideal_point": [-0.7, -0.6], "partner_ideal_point": [0.1, -0.5],
                        "ideal_point_distance": [0.8, 0.1]})
    out = votes.distance_change(toy, "RUS", 2019, 2023)
    assert out["fall"] == pytest.approx(0.7)
    assert out["partner_shift"] == pytest.approx(-0.6) and out["azerbaijan_shift"] == pytest.approx(0.1)
    assert out["distance_if_azerbaijan_still"] == pytest.approx(0.2)  # |-0.7 - (-0.5)|
    assert out["share_of_fall_from_partner_pct"] == pytest.approx(100 * 0.6 / 0.7)
    with pytest.raises(ValueError):
        votes.distance_change(toy, "RUS", 2019, 2022)
