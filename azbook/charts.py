"""Recurring chart shapes of the book. Every chart leaves here with its finding as title,
a source line, a stable name (its anchor on the page), a text description and tooltips.

Dates are passed to Vega-Lite as ISO date strings (``"2019-01-01"``), read as UTC, so a
year never slips into the previous one in a reader's time zone.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from azbook import countries

DIRECTION_LABELS = {"from_azerbaijan": "Exports from Azerbaijan", "to_azerbaijan": "Imports into Azerbaijan"}
UTC = alt.Scale(type="utc")


def finish(
    chart: alt.TopLevelMixin,
    *,
    name: str,
    title: str,
    source: str,
    description: str,
    subtitle: Sequence[str] = (),
) -> alt.TopLevelMixin:
    """Give a chart its stable name, its finding as title, explanatory lines, the source line and a description."""
    if not title or not source.startswith("Source"):
        raise ValueError("a chart needs a title that states its finding and a source line starting 'Source'")
    return chart.properties(
        name=name,
        title=alt.TitleParams(text=title, subtitle=[*subtitle, source]),
        description=description,
    )


def year_date(years: pd.Series) -> pd.Series:
    """Years as ISO date strings (1 January), for ``:T`` encodings."""
    return years.astype("Int64").astype("string") + "-01-01"


def event_marks(events: pd.DataFrame, *, label_y: float | None = None) -> alt.LayerChart:
    """Vertical rules with short labels for dated events (columns: date, label, source_title).

    The full source is in the tooltip; the chapter lists the event with its link.
    """
    data = events.assign(date=lambda d: pd.to_datetime(d["date"]).dt.strftime("%Y-%m-%d"))[
        ["date", "label", "source_title"]
    ]
    base = alt.Chart(data).encode(
        x=alt.X("date:T", scale=UTC),
        tooltip=[alt.Tooltip("label:N", title="Event"), alt.Tooltip("date:T", title="Date", format="%d %b %Y"),
                 alt.Tooltip("source_title:N", title="Source")],
    )
    rules = base.mark_rule(color="#444444", strokeDash=[2, 3], strokeWidth=1)
    labels = base.mark_text(align="right", baseline="top", dx=-4, dy=4 if label_y is None else 0, fontSize=11,
                            color="#333333").encode(text="label:N", y=alt.value(0) if label_y is None else alt.datum(label_y))
    return alt.layer(rules, labels)


def complete_years(df: pd.DataFrame, by: list[str], years: range) -> pd.DataFrame:
    """One row per year and group, with no value where the source has none (gaps stay gaps)."""
    groups = df[by].drop_duplicates()
    grid = groups.merge(pd.DataFrame({"year": list(years)}), how="cross")
    return grid.merge(df, on=[*by, "year"], how="left")


def bilateral_trade(trade: pd.DataFrame, partner_iso3: str, *, reporter_iso3: str = "AZE") -> pd.DataFrame:
    """The two flows between Azerbaijan and one partner as one reporter states them, year by year.

    Columns: year, date, partner, reporter, direction, direction_label, value_usd_millions, is_imf_estimate.
    Years without a figure are present with an empty value.
    """
    years = range(int(trade.year.min()), int(trade.year.max()) + 1)
    if reporter_iso3 == "AZE":
        rows = trade.query("reporter_iso3 == 'AZE' and partner_iso3 == @partner_iso3")
    else:
        rows = trade.query("reporter_iso3 == @partner_iso3 and partner_iso3 == 'AZE'")
    if rows.empty:
        raise ValueError(f"no trade rows for {partner_iso3} as reported by {reporter_iso3}")
    kept = rows[["year", "direction", "value_usd_millions", "is_imf_estimate"]]
    out = complete_years(kept, ["direction"], years).assign(
        partner=countries.name(partner_iso3),
        reporter=countries.name(reporter_iso3),
        direction_label=lambda d: d["direction"].map(DIRECTION_LABELS),
        date=lambda d: year_date(d["year"]),
    )
    return out[["year", "date", "partner", "reporter", "direction", "direction_label", "value_usd_millions", "is_imf_estimate"]]


def trade_lines(series: pd.DataFrame, *, events: pd.DataFrame | None = None) -> alt.LayerChart:
    """Exports (solid) and imports (dashed) with one partner, in the partner's colour.

    ``series`` comes from :func:`bilateral_trade`; breaks in the lines are years the source leaves empty.
    """
    partner = series["partner"].iloc[0]
    base = alt.Chart(series).encode(
        x=alt.X("date:T", scale=UTC, title=None, axis=alt.Axis(format="%Y", tickCount=8)),
        y=alt.Y("value_usd_millions:Q", title="US$ million (current)"),
        color=alt.Color("partner:N", scale=countries.colour_scale([partner]), legend=None),
        strokeDash=alt.StrokeDash(
            "direction_label:N",
            scale=alt.Scale(domain=list(DIRECTION_LABELS.values()), range=[[1, 0], [6, 3]]),
            legend=alt.Legend(title=None, orient="top-left", symbolStrokeColor=countries.COLOURS[partner]),
        ),
        tooltip=[
            alt.Tooltip("year:O", title="Year"),
            alt.Tooltip("direction_label:N", title="Flow"),
            alt.Tooltip("value_usd_millions:Q", title="US$ million", format=",.1f"),
            alt.Tooltip("reporter:N", title="Reported by"),
            alt.Tooltip("is_imf_estimate:N", title="IMF estimate"),
        ],
    )
    lines = base.mark_line(invalid="break-paths-show-domains")
    points = base.mark_point(size=18, filled=True).encode(shape=alt.Shape("direction_label:N", legend=None))
    layers = [lines, points]
    if events is not None and not events.empty:
        layers.append(event_marks(events))
    return alt.layer(*layers)
