"""Shapes the Russia chapter needs beyond :mod:`azbook.charts` and :mod:`azbook.measures`.

- :func:`ideal_positions` and :func:`distance_change`: who moved when the UN ideal-point
  distance between Azerbaijan and a partner changed.
- :func:`shares_by_recipient` and :func:`recipient_period_shares`: SIPRI supplier shares for
  several recipients, each period labelled with the TIV it rests on; a supplier the book has
  no country colour for (e.g. India) gets a neutral colour of its own (:data:`NEUTRAL`).
- :func:`presence_band`: a shaded stretch of time (e.g. a deployment) to layer under a chart.

Event rules with stacked or numbered labels are shared shapes: see
:func:`azbook.charts.staggered_event_marks` and :func:`azbook.charts.numbered_event_marks`.

Nothing here fills a gap or invents a value; every function works on loaded tables.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from azbook import charts, countries, measures, theme


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


def shares_by_recipient(
    arms: pd.DataFrame,
    recipients: Sequence[str],
    periods: Sequence[tuple[int, int]],
    named: Sequence[str] = ("Russia", "Turkey", "Israel"),
) -> pd.DataFrame:
    """:func:`azbook.measures.supplier_shares` for several recipients, stacked, with a ``recipient`` column.

    ``period_label`` adds the period's total TIV to the period (e.g. "2021–2024 (51 TIV m)") so a
    reader sees how much each 100% bar rests on. A period with no delivery at all has no row.
    """
    parts = []
    for iso3 in recipients:
        shares = measures.supplier_shares(arms, iso3, periods, named=named)
        parts.append(shares.assign(
            recipient=countries.name(iso3),
            period_label=lambda d: d.period + " (" + d.period_tiv_millions.map(lambda v: f"{v:,.0f}") + " TIV m)",
        ))
    return pd.concat(parts, ignore_index=True)


#: Colour of a supplier the book has no country colour for (e.g. India): a neutral dark grey,
#: distinct from the light grey of "Other suppliers" and from every country colour.
NEUTRAL = "#777777"


def period_shares(df: pd.DataFrame, *, neutral: str = NEUTRAL) -> alt.Chart:
    """:func:`azbook.charts.period_shares`, except that a named supplier without a country colour gets ``neutral``.

    Countries keep their fixed colours, "Other suppliers" stays light grey; at most one
    supplier may lack a country colour (two would share the neutral colour).
    """
    present = list(dict.fromkeys(df["supplier"]))
    uncoloured = [n for n in present if n not in countries.COLOURS and n != charts.OTHER]
    if len(uncoloured) > 1:
        raise ValueError(f"more than one supplier without a country colour: {uncoloured}")
    names = [n for n in countries.COLOURS if n in present] + uncoloured
    domain = names + ([charts.OTHER] if charts.OTHER in present else [])
    colours = [countries.COLOURS.get(n, neutral) for n in names] + ["#CCCCCC"] * (len(domain) - len(names))
    return charts.period_shares(df).encode(
        color=alt.Color("supplier:N", scale=alt.Scale(domain=domain, range=colours), title=None))


def recipient_period_shares(df: pd.DataFrame, *, width: int = theme.WIDTH) -> alt.FacetChart:
    """One row of 100% bars per recipient (from :func:`shares_by_recipient`), suppliers in their fixed colours."""
    data = df.assign(period=df["period_label"])
    order = list(dict.fromkeys(df["recipient"]))
    return period_shares(data).properties(width=width).facet(
        row=alt.Row("recipient:N", sort=order, title=None,
                    header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start", labelFontSize=13,
                                      labelFontWeight="bold", labelOrient="top")),
        spacing=14,
    ).resolve_scale(y="independent")


def presence_band(start, end, label: str, *, country: str) -> alt.Chart:
    """A faint band in the country's colour over the time axis from ``start`` to ``end`` (e.g. a deployment).

    It spans the full height of whatever it is layered with; the label shows on hover.
    """
    if pd.Timestamp(end) < pd.Timestamp(start):
        raise ValueError("the band ends before it starts")
    data = pd.DataFrame({"start": [f"{pd.Timestamp(start):%Y-%m-%d}"], "end": [f"{pd.Timestamp(end):%Y-%m-%d}"],
                         "what": [label]})
    return alt.Chart(data).mark_rect(color=countries.COLOURS[country], opacity=0.1).encode(
        x=alt.X("start:T", scale=charts.UTC), x2="end:T",
        tooltip=[alt.Tooltip("what:N", title="Period"), alt.Tooltip("start:T", title="From", format="%d %b %Y"),
                 alt.Tooltip("end:T", title="To", format="%d %b %Y")],
    )
