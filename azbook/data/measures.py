"""Derived measures the chapters share, computed once here from the tidy tables.

Each function takes loaded tables and returns a small tidy frame ready for a chart or
for glue; none fills a gap: a year without a figure stays without one.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd


PARTNERS = ("RUS", "TUR", "IRN")


def turnover(trade: pd.DataFrame, *, reporter_iso3: str = "AZE") -> pd.DataFrame:
    """Exports plus imports with each counterpart, as one reporter states them; only years with both flows.

    Columns: year, partner_iso3, partner, exports_usd_millions, imports_usd_millions, turnover_usd_millions.
    """
    rows = trade.query("reporter_iso3 == @reporter_iso3")
    wide = rows.pivot_table(index=["year", "partner_iso3", "partner"], columns="flow",
                            values="value_usd_millions", aggfunc="sum").dropna()
    return (
        wide.rename(columns={"exports_fob": "exports_usd_millions", "imports_cif": "imports_usd_millions"})
        .assign(turnover_usd_millions=lambda d: d.exports_usd_millions + d.imports_usd_millions)
        .reset_index()
        .rename_axis(columns=None)
        [["year", "partner_iso3", "partner", "exports_usd_millions", "imports_usd_millions", "turnover_usd_millions"]]
    )


def trade_shares(trade: pd.DataFrame, partners: Sequence[str] = PARTNERS) -> pd.DataFrame:
    """Each partner's share of Azerbaijan's reported goods trade (exports + imports) with the world, by year.

    Columns: year, partner_iso3, partner, turnover_usd_millions, world_usd_millions, share_pct.
    """
    t = turnover(trade)
    world = t.query("partner_iso3 == 'WLD'").set_index("year")["turnover_usd_millions"].rename("world_usd_millions")
    return (
        t.query("partner_iso3 in @partners")
        .join(world, on="year", how="inner")
        .assign(share_pct=lambda d: 100 * d.turnover_usd_millions / d.world_usd_millions)
        [["year", "partner_iso3", "partner", "turnover_usd_millions", "world_usd_millions", "share_pct"]]
        .reset_index(drop=True)
    )


def period_label(year: int, periods: Sequence[tuple[int, int]]) -> str | None:
    """The ``"2016–2020"`` label of the period holding ``year`` (None outside all periods)."""
    for start, end in periods:
        if start <= year <= end:
            return f"{start}–{end}"
    return None


def supplier_shares(
    arms: pd.DataFrame,
    recipient_iso3: str,
    periods: Sequence[tuple[int, int]],
    named: Sequence[str] = ("Russia", "Turkey", "Israel"),
) -> pd.DataFrame:
    """Each supplier's share of the arms (SIPRI TIV) delivered to one recipient, by period.

    Suppliers not in ``named`` are summed as "Other suppliers" (their names are kept in
    ``others``). Columns: period, supplier, tiv_millions, period_tiv_millions, share_pct, others.
    """
    rows = arms.query("recipient_iso3 == @recipient_iso3").assign(
        period=lambda d: [period_label(int(y), periods) for y in d.year]
    ).dropna(subset=["period"])
    grouped = rows.assign(group=lambda d: d.supplier.where(d.supplier.isin(named), "Other suppliers"))
    others = (
        grouped.query("group == 'Other suppliers'")
        .groupby(["period", "supplier"], as_index=False)["tiv_millions"].sum()
        .sort_values(["period", "tiv_millions"], ascending=[True, False])
        .groupby("period")
        .apply(lambda d: ", ".join(f"{s} {v:,.0f}" for s, v in zip(d.supplier, d.tiv_millions)), include_groups=False)
        .rename("others")
    )
    out = grouped.groupby(["period", "group"], as_index=False)["tiv_millions"].sum().rename(columns={"group": "supplier"})
    totals = out.groupby("period")["tiv_millions"].transform("sum")
    return (
        out.assign(period_tiv_millions=totals, share_pct=lambda d: 100 * d.tiv_millions / d.period_tiv_millions)
        .join(others, on="period")
        .assign(others=lambda d: d.others.where(d.supplier == "Other suppliers", ""))
        .sort_values(["period", "supplier"])
        .reset_index(drop=True)
    )



#: The arms-transfer periods every chapter uses (SIPRI's register runs to 2024; the last period is short).
ARMS_PERIODS: tuple[tuple[int, int], ...] = ((2006, 2010), (2011, 2015), (2016, 2020), (2021, 2024))

#: An ideal point estimated from fewer recorded votes than this is too uncertain to compare.
MIN_IDEAL_POINT_VOTES = 10


def reliable_ideal_points(ideal: pd.DataFrame, min_votes: int = MIN_IDEAL_POINT_VOTES) -> pd.DataFrame:
    """The ideal-point rows where both Azerbaijan's and the partner's estimate rest on at least ``min_votes`` votes.

    The book uses one rule everywhere: a distance built on a handful of votes (Azerbaijan in 1991,
    Turkey in 2023) is left out of charts and sums, and the chapter says so.
    """
    return ideal.query("azerbaijan_votes >= @min_votes and partner_votes >= @min_votes").reset_index(drop=True)
