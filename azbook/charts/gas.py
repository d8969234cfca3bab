"""Gas: where Azerbaijan's pipeline gas goes (annual matrices) and what crosses the border points (monthly).

Two tables, two kinds of evidence, never mixed:

- ``gas_exports``: the Statistical Review's annual pipeline trade matrices (bp edition 2021 for
  data year 2020, Energy Institute edition 2023 for 2022). The editions list importers
  differently, so every row keeps its edition and every chart shows it.
- ``gas_flows_monthly``: the IEA's physical monthly flows at border points, among them the
  Georgia -> Turkey entry (Turkgozu) and the points of the Trans Adriatic Pipeline (TAP).

Nothing is filled or interpolated. Dates marked on the monthly chart come either from the
book's events table or from the data itself (the first month a point carries gas), and say so.

Typical use in a chapter::

    from azbook.charts import gas
    dest = gas.pipeline_exports(load("gas_exports"))            # Azerbaijan, by destination and edition
    chart = gas.exports_chart(dest)                              # then shapes.finish(...)
    flows = gas.monthly_flows(load("gas_flows_monthly"))         # Turkgozu and the TAP points
    marks = gas.first_flow_marks(flows, points=gas.TAP_POINTS)   # "first TAP gas", read from the data
    chart = gas.flows_chart(flows, events=marks, label_point="Kipi")  # label in the Kipi panel
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from azbook.charts import colours, shapes

#: Kinds of destination rows that are shares of the exporter's total (region and world totals are sums of them).
PARTS = ("country", "group")

#: The border-point directions of the Azerbaijani gas route west, in the order the gas travels:
#: (border_point, exit_iso3, entry_iso3) -> panel label. Country names are the book's short names
#: (Turkey, not the IEA's "Republic of Türkiye"); border points keep the IEA's spelling.
ROUTE = {
    ("Turkgozu", "GEO", "TUR"): "Georgia → Turkey (Turkgozu)",
    ("Kipi", "TUR", "GRC"): "Turkey → Greece (Kipi)",
    ("Kastoria (TAP)", "GRC", "ALB"): "Greece → Albania (Kastoria, TAP)",
    ("Melendugno (TAP)", "ALB", "ITA"): "Albania → Italy (Melendugno, TAP)",
}

#: The border points the IEA names as TAP's own.
TAP_POINTS = ("Kastoria (TAP)", "Melendugno (TAP)")

#: Colour of the flow lines: the points carry gas whatever its origin, so no country colour is used.
FLOW_COLOUR = "#444444"
#: Colour of destinations that are not one of the book's countries (groups, other countries).
OTHER_COLOUR = colours.OTHER


def edition_names(sources: Sequence[dict] | None = None) -> dict[int, str]:
    """Edition year -> the Review's name as its publisher gives it, read from the table's metadata.

    E.g. ``{2021: "bp Statistical Review of World Energy 2021", 2023: "Energy Institute
    Statistical Review of World Energy 2023"}``: the year from each source's ``released`` field,
    the name from its title (before the first comma). A source without ``released`` is skipped.
    """
    if sources is None:
        from azbook.data.tables import metadata

        sources = metadata("gas_exports")["sources"]
    return {int(source["released"][:4]): source["title"].split(",")[0].strip()
            for source in sources if source.get("released")}


def edition_label(year: int, edition: int, names: dict[int, str]) -> str:
    """``"2020 data · bp Statistical Review of World Energy 2021"`` (falls back to the edition year)."""
    return f"{year} data · {names.get(edition, f'Statistical Review, {edition} edition')}"


def pipeline_exports(gas_exports: pd.DataFrame, exporter_iso3: str = "AZE",
                     names: dict[int, str] | None = None) -> pd.DataFrame:
    """An exporter's pipeline gas by destination, one block per data year and edition.

    Only countries and the publisher's residual groups (they add up to the exporter's total);
    region and world totals are not rows but the ``total_bcm`` column. Columns: year, edition,
    edition_label, destination, destination_iso3, destination_kind, bcm, total_bcm, share_pct.
    """
    names = edition_names() if names is None else names
    rows = gas_exports.query("exporter_iso3 == @exporter_iso3")
    if rows.empty:
        raise ValueError(f"no pipeline exports for {exporter_iso3}")
    totals = (rows.query("destination_kind == 'world_total'")
              .set_index(["year", "edition"])["bcm"].rename("total_bcm"))
    parts = rows.query("destination_kind in @PARTS")
    return (
        parts.join(totals, on=["year", "edition"])
        .assign(share_pct=lambda d: 100 * d.bcm / d.total_bcm,
                edition_label=lambda d: [edition_label(y, e, names) for y, e in zip(d.year, d.edition)])
        [["year", "edition", "edition_label", "destination", "destination_iso3", "destination_kind", "bcm",
          "total_bcm", "share_pct"]]
        .sort_values(["year", "bcm"], ascending=[True, False], ignore_index=True)
    )


def importer_shares(gas_exports: pd.DataFrame, destination_iso3: str = "TUR") -> pd.DataFrame:
    """Each recorded exporter's share of one country's pipeline gas imports, by data year.

    Only years whose edition lists the importer as a country row together with its total
    imports (all exporters, ``exporter_iso3 == "WLD"``). Columns: year, edition, exporter,
    exporter_iso3, bcm, total_bcm, share_pct; the exporters not in the table are the remainder.
    """
    rows = gas_exports.query("destination_iso3 == @destination_iso3 and destination_kind == 'country'")
    totals = rows.query("exporter_iso3 == 'WLD'").set_index(["year", "edition"])["bcm"].rename("total_bcm")
    return (
        rows.query("exporter_iso3 != 'WLD'")
        .join(totals, on=["year", "edition"], how="inner")
        .assign(share_pct=lambda d: 100 * d.bcm / d.total_bcm)
        [["year", "edition", "exporter", "exporter_iso3", "bcm", "total_bcm", "share_pct"]]
        .sort_values(["year", "bcm"], ascending=[True, False], ignore_index=True)
    )


def exports_chart(exports: pd.DataFrame, *, width: int = 460) -> alt.FacetChart:
    """Horizontal bars of bcm by destination, one panel per data year, its edition in the panel title.

    The book's countries keep their colour (Turkey's orange); groups and other countries are grey.
    ``exports`` comes from :func:`pipeline_exports`. Finish it with :func:`azbook.charts.shapes.finish`.
    """
    known = [n for n in colours.COLOURS if n in set(exports.destination)]
    others = [d for d in dict.fromkeys(exports.destination) if d not in known]
    scale = alt.Scale(domain=known + others,
                      range=[colours.COLOURS[n] for n in known] + [OTHER_COLOUR] * len(others))
    data = exports.assign(
        kind=lambda d: d.destination_kind.map({"country": "country", "group": "publisher's group"}),
        value_text=lambda d: d.bcm.map(lambda v: format(float(v), ".1f") if v >= 0.05 else "<0.1"),
    )
    base = alt.Chart().encode(
        y=alt.Y("destination:N", sort=alt.EncodingSortField(field="bcm", op="sum", order="descending"), title=None),
        x=alt.X("bcm:Q", title="Pipeline gas exports, bcm"),
    )
    bars = base.mark_bar().encode(
        color=alt.Color("destination:N", scale=scale, legend=None),
        tooltip=[alt.Tooltip("edition_label:N", title="Data year · edition"),
                 alt.Tooltip("destination:N", title="Destination"), alt.Tooltip("kind:N", title="Row"),
                 alt.Tooltip("bcm:Q", title="bcm", format=",.3f"),
                 alt.Tooltip("share_pct:Q", title="Share of the year's exports, %", format=".1f"),
                 alt.Tooltip("total_bcm:Q", title="All pipeline exports, bcm", format=",.1f")],
    )
    labels = base.mark_text(align="left", dx=3, fontSize=11, color=colours.TEXT).encode(text="value_text:N")
    return (
        alt.layer(bars, labels, data=data)
        .properties(width=width, height=alt.Step(24))
        .facet(row=alt.Row("edition_label:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left",
                                                                          labelAnchor="start", labelOrient="top",
                                                                          labelFontWeight="bold")))
        .resolve_scale(y="independent")
    )


def monthly_flows(flows: pd.DataFrame, route: dict[tuple[str, str, str], str] | None = None) -> pd.DataFrame:
    """The monthly flows at the route's border points, from each point's first month with gas.

    The IEA writes 0 before a point is in service (``before_first_flow``): those months are
    dropped, not shown as interruptions; every later month is kept as published (a 0 stays 0).
    Columns: month, date (ISO string), point (label), border_point, mcm, order (position on the route).
    """
    route = ROUTE if route is None else route
    keys = pd.DataFrame([(*k, label, i) for i, (k, label) in enumerate(route.items())],
                        columns=["border_point", "exit_iso3", "entry_iso3", "point", "order"])
    rows = flows.merge(keys, on=["border_point", "exit_iso3", "entry_iso3"], how="inner")
    missing = set(keys.point) - set(rows.point)
    if missing:
        raise ValueError(f"no flows for {sorted(missing)}")
    return (
        rows[~rows.before_first_flow.fillna(False).astype(bool)]
        .assign(date=lambda d: d.month.dt.strftime("%Y-%m-%d"))
        [["month", "date", "point", "border_point", "mcm", "order"]]
        .sort_values(["order", "month"], ignore_index=True)
    )


def first_flow_marks(flows: pd.DataFrame, points: Sequence[str] = TAP_POINTS,
                     label: str = "First gas through TAP") -> pd.DataFrame:
    """A date mark read from the data: the earliest month with gas at any of ``points``.

    Returns one row (date, label, source_title) for :func:`azbook.charts.shapes.event_marks`;
    the label gets the month appended (e.g. "First gas through TAP (Dec 2020)") and the
    source says the date is the first non-zero month in the IEA file, not a dated event.
    """
    rows = flows[flows.border_point.isin(points) & (flows.mcm > 0)]
    if rows.empty:
        raise ValueError(f"no month with gas at {list(points)}")
    first = rows.month.min()
    return pd.DataFrame({
        "date": [first.strftime("%Y-%m-%d")],
        "label": [f"{label} ({first:%b %Y})"],
        "source_title": [f"Read from the data: first month with a flow at {', '.join(points)} (IEA Gas Trade Flows)"],
    })


def annual_bcm(flows: pd.DataFrame) -> pd.DataFrame:
    """Calendar-year sums of :func:`monthly_flows` in bcm, with the number of months behind each.

    Columns: point, year, months, bcm, is_full_year (12 months published). A partial year is a
    sum over fewer months and is flagged, never scaled up.
    """
    return (
        flows.assign(year=lambda d: d.month.dt.year)
        .groupby(["order", "point", "year"], as_index=False)
        .agg(months=("mcm", "count"), mcm=("mcm", "sum"))
        .assign(bcm=lambda d: d.mcm / 1000, is_full_year=lambda d: d.months == 12)
        .sort_values(["order", "year"], ignore_index=True)
        [["point", "year", "months", "bcm", "is_full_year"]]
    )


def flows_chart(flows: pd.DataFrame, *, events: pd.DataFrame | None = None, height: int = 95,
                width: int | None = None, label_point: str | None = None) -> alt.VConcatChart:
    """One small panel per border point, stacked in route order, on shared time and flow axes.

    ``flows`` comes from :func:`monthly_flows`; ``events`` (date, label, source_title, e.g. from
    :func:`first_flow_marks` or the events table) are marked in every panel and labelled in one:
    the panel of the border point ``label_point`` (e.g. ``"Kipi"``, where the line leaves room for
    the label), or the first panel if it is None. ``width`` sets every panel's plot width (default:
    the theme's). Finish it with :func:`azbook.charts.shapes.finish`.
    """
    size = {} if width is None else {"width": width}
    y_max = float(flows.mcm.max())
    groups = list(flows.groupby("order", sort=True))
    points = [rows.border_point.iloc[0] for _, rows in groups]
    if label_point is not None and label_point not in points:
        raise ValueError(f"no panel for {label_point!r}; the panels are {points}")
    labelled = points.index(label_point) if label_point is not None else 0
    panels = []
    for i, (_, rows) in enumerate(groups):
        name = rows.point.iloc[0]
        # Year labels only under the last panel: the time axis is shared.
        x = alt.X("date:T", scale=shapes.UTC, title=None,
                  axis=alt.Axis(format="%Y", tickCount=8, labels=i == len(groups) - 1))
        line = alt.Chart(rows).mark_line(color=FLOW_COLOUR, strokeWidth=1.5).encode(
            x=x,
            y=alt.Y("mcm:Q", title="mcm/month", scale=alt.Scale(domain=[0, y_max]), axis=alt.Axis(tickCount=3)),
            tooltip=[alt.Tooltip("date:T", title="Month", format="%b %Y"), alt.Tooltip("point:N", title="Border point"),
                     alt.Tooltip("mcm:Q", title="Flow, mcm", format=",.0f")],
        )
        layers = [line]
        if events is not None and not events.empty:
            layers.append(shapes.event_marks(events) if i == labelled else shapes.event_marks(events, labels=False))
        panels.append(alt.layer(*layers).properties(height=height, **size, title=alt.TitleParams(
            name, anchor="start", fontSize=12, fontWeight="normal")))
    return alt.vconcat(*panels, spacing=6).resolve_scale(x="shared")

