"""UN General Assembly votes: who moved when the ideal-point distance between Azerbaijan and a partner changed.

- :func:`ideal_positions`: Azerbaijan's and each partner's ideal point by year, long.
- :func:`distance_change`: the change in distance between two sessions, split into each side's move.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from azbook.data import countries, measures


def ideal_positions(ideal_points: pd.DataFrame, partners: Sequence[str] = measures.PARTNERS) -> pd.DataFrame:
    """Azerbaijan's and each partner's UN ideal point by year, long (one row per country and year).

    Columns: year, country, ideal_point, votes (the number of votes behind the estimate).
    """
    rows = ideal_points.query("partner_iso3 in @partners")
    if rows.empty:
        raise ValueError(f"no ideal points for {list(partners)}")
    aze = (rows[["year", "azerbaijan_ideal_point", "azerbaijan_votes"]].drop_duplicates("year")
           .rename(columns={"azerbaijan_ideal_point": "ideal_point", "azerbaijan_votes": "votes"})
           .assign(country=countries.name("AZE")))
    others = rows[["year", "partner", "partner_ideal_point", "partner_votes"]].rename(
        columns={"partner": "country", "partner_ideal_point": "ideal_point", "partner_votes": "votes"})
    return (pd.concat([aze, others], ignore_index=True)[["year", "country", "ideal_point", "votes"]]
            .sort_values(["country", "year"]).reset_index(drop=True))


def distance_change(ideal_points: pd.DataFrame, partner_iso3: str, start: int, end: int) -> dict[str, float]:
    """How the ideal-point distance between Azerbaijan and one partner changed from ``start`` to ``end``, and who moved.

    Returns the two distances, the fall (start minus end), each country's shift (end minus start, on the
    ideal-point scale), the distance there would have been in ``end`` had Azerbaijan not moved
    (``distance_if_azerbaijan_still``), and the share of the fall that the partner's move alone accounts
    for (``share_of_fall_from_partner_pct``, in per cent; only meaningful when the distance fell).
    """
    rows = ideal_points.query("partner_iso3 == @partner_iso3 and year in [@start, @end]").set_index("year")
    if set(rows.index) != {start, end}:
        raise ValueError(f"no ideal points for {partner_iso3} in both {start} and {end}")
    a, b = rows.loc[start], rows.loc[end]
    still = abs(float(a.azerbaijan_ideal_point) - float(b.partner_ideal_point))
    fall = float(a.ideal_point_distance) - float(b.ideal_point_distance)
    return {
        "distance_start": float(a.ideal_point_distance),
        "distance_end": float(b.ideal_point_distance),
        "fall": fall,
        "partner_shift": float(b.partner_ideal_point) - float(a.partner_ideal_point),
        "azerbaijan_shift": float(b.azerbaijan_ideal_point) - float(a.azerbaijan_ideal_point),
        "distance_if_azerbaijan_still": still,
        "share_of_fall_from_partner_pct": 100 * (float(a.ideal_point_distance) - still) / fall if fall else float("nan"),
    }
