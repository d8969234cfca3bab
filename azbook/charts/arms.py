"""Arms deliveries to Azerbaijan and its neighbours, from the SIPRI tables: shares by supplier and period.

- :func:`period_shares`: horizontal 100% bars, one per period, suppliers in their fixed colours.
- :func:`shares_by_recipient` and :func:`recipient_period_shares`: supplier shares for several
  recipients, each period labelled with the TIV it rests on; a supplier the book has no country
  colour for (e.g. India) gets the neutral colour :data:`azbook.charts.colours.NEUTRAL`.

Nothing here fills a gap or invents a value; every function works on loaded tables.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from azbook.charts import colours, theme
from azbook.charts.colours import NEUTRAL
from azbook.data import countries, measures

OTHER = "Other suppliers"


def period_shares(df: pd.DataFrame, *, group: str = "supplier", value_title: str = "Share of deliveries (TIV), %") -> alt.Chart:
    """Horizontal 100% bars, one per period, split by ``group`` (countries in their colours, the rest grey).

    ``df`` comes from :func:`azbook.data.measures.supplier_shares`.
    """
    names = [n for n in colours.COLOURS if n in set(df[group])]
    domain = names + ([OTHER] if OTHER in set(df[group]) else [])
    scale = alt.Scale(domain=domain, range=[colours.COLOURS[n] for n in names] + [colours.OTHER] * (len(domain) - len(names)))
    return alt.Chart(df).mark_bar().encode(
        y=alt.Y("period:N", title=None, sort="ascending"),
        x=alt.X("share_pct:Q", title=value_title, scale=alt.Scale(domain=[0, 100])),
        color=alt.Color(f"{group}:N", scale=scale, title=None),
        order=alt.Order(f"{group}:N"),
        tooltip=[alt.Tooltip("period:N", title="Period"), alt.Tooltip(f"{group}:N", title="Supplier"),
                 alt.Tooltip("share_pct:Q", title="Share, %", format=".1f"),
                 alt.Tooltip("tiv_millions:Q", title="TIV million", format=",.1f"),
                 alt.Tooltip("others:N", title="Of which (TIV million)")],
    ).properties(height=alt.Step(28))


def shares_by_recipient(
    arms: pd.DataFrame,
    recipients: Sequence[str],
    periods: Sequence[tuple[int, int]],
    named: Sequence[str] = ("Russia", "Turkey", "Israel"),
) -> pd.DataFrame:
    """:func:`azbook.data.measures.supplier_shares` for several recipients, stacked, with a ``recipient`` column.

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


def _period_shares_neutral(df: pd.DataFrame, *, neutral: str = NEUTRAL) -> alt.Chart:
    """:func:`period_shares`, except that a named supplier without a country colour gets ``neutral``.

    Countries keep their fixed colours, "Other suppliers" stays grey; at most one
    supplier may lack a country colour (two would share the neutral colour).
    """
    present = list(dict.fromkeys(df["supplier"]))
    uncoloured = [n for n in present if n not in colours.COLOURS and n != OTHER]
    if len(uncoloured) > 1:
        raise ValueError(f"more than one supplier without a country colour: {uncoloured}")
    names = [n for n in colours.COLOURS if n in present] + uncoloured
    domain = names + ([OTHER] if OTHER in present else [])
    palette = [colours.COLOURS.get(n, neutral) for n in names] + [colours.OTHER] * (len(domain) - len(names))
    return period_shares(df).encode(
        color=alt.Color("supplier:N", scale=alt.Scale(domain=domain, range=palette), title=None))


def recipient_period_shares(df: pd.DataFrame, *, width: int = theme.WIDTH) -> alt.FacetChart:
    """One row of 100% bars per recipient (from :func:`shares_by_recipient`), suppliers in their fixed colours."""
    data = df.assign(period=df["period_label"])
    order = list(dict.fromkeys(df["recipient"]))
    return _period_shares_neutral(data).properties(width=width).facet(
        row=alt.Row("recipient:N", sort=order, title=None,
                    header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start", labelFontSize=13,
                                      labelFontWeight="bold", labelOrient="top")),
        spacing=14,
    ).resolve_scale(y="independent")
