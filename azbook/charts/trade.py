"""Mirror trade: the same flow of goods as Azerbaijan reports it and as its partner reports it.

Every flow between two countries is recorded twice: as exports by one and as imports by the
other. The two figures are never equal (exports are valued free on board, imports with cost,
insurance and freight; exporters record the country of destination, importers the country of
origin; goods in transit are imports of nobody), and for Azerbaijan, whose oil and gas leave
by pipelines across Georgia and Turkey, the two sides can disagree by a multiple. This module
puts the two records side by side, measures the gap and draws it; it never fills a year one
side leaves empty.

Typical use in a chapter::

    from azbook.charts import trade
    m = trade.mirror_flows(load("trade"), "TUR")       # Azerbaijan's exports vs Turkey's imports
    trade.gap_summary(m)                               # numbers for the prose
    trade.mirror_chart(m, events=marked)               # lines + gap bars, then shapes.finish(...)
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from azbook.charts import colours, shapes
from azbook.data import countries

#: For each direction of the goods: (Azerbaijan's flow, the partner's flow) as named in the ``trade`` table.
FLOWS = {
    "from_azerbaijan": ("exports_fob", "imports_cif"),
    "to_azerbaijan": ("imports_cif", "exports_fob"),
}

COLUMNS = ["year", "partner_iso3", "partner", "direction", "azerbaijan_usd_millions", "partner_usd_millions",
           "gap_usd_millions", "ratio"]


def _one_side(trade: pd.DataFrame, reporter_iso3: str, partner_iso3: str, flow: str, name: str) -> pd.Series:
    rows = trade.query("reporter_iso3 == @reporter_iso3 and partner_iso3 == @partner_iso3 and flow == @flow")
    if rows.duplicated("year").any():
        raise ValueError(f"more than one {flow} figure a year reported by {reporter_iso3} for {partner_iso3}")
    return rows.set_index("year")["value_usd_millions"].astype("Float64").rename(name)


def mirror_flows(trade: pd.DataFrame, partner_iso3: str, *, direction: str = "from_azerbaijan") -> pd.DataFrame:
    """One flow between Azerbaijan and a partner as each side reports it, year by year.

    ``direction="from_azerbaijan"`` (the default) compares Azerbaijan's reported exports to the
    partner (FOB) with the partner's reported imports from Azerbaijan (CIF);
    ``"to_azerbaijan"`` compares Azerbaijan's imports from the partner with the partner's exports.

    Columns: year, partner_iso3, partner, direction, azerbaijan_usd_millions, partner_usd_millions,
    gap_usd_millions (Azerbaijan's figure minus the partner's: positive where Azerbaijan reports
    more), ratio (Azerbaijan's figure / the partner's). Every year of the table's range is present;
    where a side reports nothing its value, the gap and the ratio stay empty (no filling).
    """
    if direction not in FLOWS:
        raise ValueError(f"direction must be one of {sorted(FLOWS)}, not {direction!r}")
    az_flow, partner_flow = FLOWS[direction]
    az = _one_side(trade, "AZE", partner_iso3, az_flow, "azerbaijan_usd_millions")
    partner = _one_side(trade, partner_iso3, "AZE", partner_flow, "partner_usd_millions")
    if az.empty and partner.empty:
        raise ValueError(f"no mirror trade rows between Azerbaijan and {partner_iso3}")
    years = pd.Index(range(int(trade.year.min()), int(trade.year.max()) + 1), name="year")
    both = pd.concat([az, partner], axis=1).reindex(years)
    ratio = both.azerbaijan_usd_millions / both.partner_usd_millions.where(both.partner_usd_millions != 0)
    return (
        both.assign(
            gap_usd_millions=lambda d: d.azerbaijan_usd_millions - d.partner_usd_millions,
            ratio=ratio,
            partner_iso3=partner_iso3,
            partner=countries.name(partner_iso3),
            direction=direction,
        )
        .reset_index()
        .astype({"year": "int64"})
        [COLUMNS]
    )


def gap_summary(mirror: pd.DataFrame) -> pd.Series:
    """The gap in a few numbers, over the years where both sides report a figure.

    Index: first_year, last_year, years_with_both, years_azerbaijan_higher, azerbaijan_total,
    partner_total, gap_total (all US$ million), gap_pct_of_azerbaijan (the part of Azerbaijan's
    total that the partner's records do not show, in per cent; negative where the partner reports more), widest_gap_year and
    widest_gap_usd_millions (the year with the largest absolute gap and its signed value),
    last_gap_usd_millions and last_ratio (the last year with both figures).
    """
    both = mirror.dropna(subset=["azerbaijan_usd_millions", "partner_usd_millions"])
    if both.empty:
        raise ValueError("no year with a figure from both sides")
    widest = both.loc[both.gap_usd_millions.abs().astype("float64").idxmax()]
    last = both.loc[both.year.idxmax()]
    az_total = float(both.azerbaijan_usd_millions.sum())
    partner_total = float(both.partner_usd_millions.sum())
    return pd.Series({
        "first_year": int(both.year.min()),
        "last_year": int(both.year.max()),
        "years_with_both": len(both),
        "years_azerbaijan_higher": int((both.gap_usd_millions > 0).sum()),
        "azerbaijan_total": az_total,
        "partner_total": partner_total,
        "gap_total": az_total - partner_total,
        "gap_pct_of_azerbaijan": 100 * (az_total - partner_total) / az_total if az_total else float("nan"),
        "widest_gap_year": int(widest.year),
        "widest_gap_usd_millions": float(widest.gap_usd_millions),
        "last_gap_usd_millions": float(last.gap_usd_millions),
        "last_ratio": float(last.ratio) if pd.notna(last.ratio) else float("nan"),
    }, dtype="object")


def persistent_gap(mirror: pd.DataFrame, min_ratio: float = 2.0) -> tuple[int, float]:
    """How long Azerbaijan's figure has stayed at least ``min_ratio`` times the partner's.

    Returns the first year of the unbroken run of years with both figures that ends in the last
    such year, in every one of which the ratio is at least ``min_ratio``, and the smallest ratio
    within that run. Raises ``ValueError`` if the last year does not meet the ratio.
    """
    both = mirror.dropna(subset=["ratio"]).sort_values("year")
    if both.empty:
        raise ValueError("no year with a figure from both sides")
    meets = (both.ratio >= min_ratio).to_numpy(dtype=bool)
    if not meets[-1]:
        raise ValueError(f"in {int(both.year.iloc[-1])} the ratio is below {min_ratio}")
    start = len(meets)
    while start > 0 and meets[start - 1]:
        start -= 1
    run = both.iloc[start:]
    # A missing year inside the run would break it: keep only the years that follow on without a gap.
    years = run.year.to_numpy()
    contiguous = len(years) - 1
    while contiguous > 0 and years[contiguous] - years[contiguous - 1] == 1:
        contiguous -= 1
    run = run.iloc[contiguous:]
    return int(run.year.iloc[0]), float(run.ratio.min())


def side_labels(mirror: pd.DataFrame) -> tuple[str, str]:
    """Legend labels of the two records, e.g. ("As Azerbaijan reports it: exports (FOB)", ...)."""
    partner = mirror.partner.iloc[0]
    if mirror.direction.iloc[0] == "from_azerbaijan":
        return (f"As Azerbaijan reports it: exports to {partner} (FOB)",
                f"As {partner} reports it: imports from Azerbaijan (CIF)")
    return (f"As Azerbaijan reports it: imports from {partner} (CIF)",
            f"As {partner} reports it: exports to Azerbaijan (FOB)")


def long_sides(mirror: pd.DataFrame) -> pd.DataFrame:
    """The two records as long rows for a chart: year, date, side, value_usd_millions (gaps kept)."""
    az_label, partner_label = side_labels(mirror)
    return (
        mirror.melt(id_vars=["year"], value_vars=["azerbaijan_usd_millions", "partner_usd_millions"],
                    var_name="column", value_name="value_usd_millions")
        .assign(side=lambda d: d.column.map({"azerbaijan_usd_millions": az_label, "partner_usd_millions": partner_label}),
                date=lambda d: shapes.year_date(d.year))
        [["year", "date", "side", "value_usd_millions"]]
        .sort_values(["side", "year"], ignore_index=True)
    )


GAP_SIGNS = ("Azerbaijan reports more", "partner reports more")


def gap_rows(mirror: pd.DataFrame) -> pd.DataFrame:
    """Years with both figures, with the signed gap, its sign in words and the ratio (for the gap bars)."""
    partner = mirror.partner.iloc[0]
    labels = {True: GAP_SIGNS[0], False: f"{partner} reports more"}
    return (
        mirror.dropna(subset=["gap_usd_millions"])
        .assign(date=lambda d: shapes.year_date(d.year),
                sign=lambda d: (d.gap_usd_millions > 0).map(labels).astype("string"))
        [["year", "date", "gap_usd_millions", "ratio", "sign", "azerbaijan_usd_millions", "partner_usd_millions"]]
        .reset_index(drop=True)
    )


def mirror_chart(mirror: pd.DataFrame, *, events: pd.DataFrame | None = None,
                 height: int = 240, gap_height: int = 120, width: int | None = None) -> alt.VConcatChart:
    """Two panels on one time axis: the two records as lines, and the gap between them as bars.

    Top: the partner's colour; Azerbaijan's record solid, the partner's dashed; a break in a line
    is a year that side reports nothing. Bottom: Azerbaijan's figure minus the partner's, dark
    where Azerbaijan reports more and light where the partner does. ``events`` (date, label,
    source_title) are marked on both panels. ``width`` sets both panels' plot width (default: the
    theme's). Finish it with :func:`azbook.charts.shapes.finish`.
    """
    partner = mirror.partner.iloc[0]
    colour = colours.COLOURS[partner]
    az_label, partner_label = side_labels(mirror)
    lines_data = long_sides(mirror)
    x = alt.X("date:T", scale=shapes.UTC, title=None, axis=alt.Axis(format="%Y", tickCount=8))
    dash = alt.StrokeDash("side:N", scale=alt.Scale(domain=[az_label, partner_label], range=[[1, 0], [6, 3]]),
                          legend=alt.Legend(title=None, orient="top-left", direction="vertical",
                                            symbolStrokeColor=colour, labelLimit=0))
    base = alt.Chart(lines_data).encode(
        x=x,
        y=alt.Y("value_usd_millions:Q", title="US$ million (current)"),
        strokeDash=dash,
        tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip("side:N", title="Record"),
                 alt.Tooltip("value_usd_millions:Q", title="US$ million", format=",.1f")],
    )
    top_layers = [
        base.mark_line(color=colour, invalid="break-paths-show-domains"),
        base.mark_point(color=colour, size=18, filled=True).encode(
            shape=alt.Shape("side:N", scale=alt.Scale(domain=[az_label, partner_label], range=["circle", "square"]),
                            legend=None)),
    ]
    gaps = gap_rows(mirror)
    signs = [GAP_SIGNS[0], f"{partner} reports more"]
    bars = alt.Chart(gaps).mark_bar(size=8).encode(
        x=x,
        y=alt.Y("gap_usd_millions:Q", title=["Gap, US$ million", f"(Azerbaijan − {partner})"]),
        color=alt.Color("sign:N", scale=alt.Scale(domain=signs, range=["#444444", colours.OTHER]),
                        legend=alt.Legend(title="Gap", orient="top-left", direction="vertical", labelLimit=0)),
        tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip("sign:N", title="Which side reports more"),
                 alt.Tooltip("gap_usd_millions:Q", title="Gap, US$ million", format=",.1f"),
                 alt.Tooltip("ratio:Q", title="Azerbaijan's figure ÷ partner's", format=".2f"),
                 alt.Tooltip("azerbaijan_usd_millions:Q", title="Azerbaijan's record", format=",.1f"),
                 alt.Tooltip("partner_usd_millions:Q", title=f"{partner}'s record", format=",.1f")],
    )
    bottom_layers = [bars, alt.Chart(pd.DataFrame({"zero": [0]})).mark_rule(color="#888888").encode(y="zero:Q")]
    if events is not None and not events.empty:
        top_layers.append(shapes.event_marks(events))
        bottom_layers.append(shapes.event_marks(events, labels=False))
    size = {} if width is None else {"width": width}
    top = alt.layer(*top_layers).properties(height=height, **size)
    bottom = alt.layer(*bottom_layers).properties(height=gap_height, **size)
    return alt.vconcat(top, bottom, spacing=12).resolve_scale(x="shared", color="independent",
                                                             strokeDash="independent", shape="independent")


FRACTIONS = {2: "half", 3: "third", 4: "quarter", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth", 9: "ninth",
             10: "tenth"}


def fraction_words(ratio: float) -> str:
    """One record as a share of the other, in words: a ratio of 6.3 gives ``"about a sixth"``.

    ``ratio`` is the larger figure divided by the smaller (e.g. :func:`gap_summary`'s ``last_ratio``);
    the result names the nearest simple fraction. Ratios below 1.5 or from 10.5 up have no such
    name and raise ``ValueError`` (write the ratio itself instead).
    """
    if not 1.5 <= float(ratio) < 10.5:  # also refuses NaN
        raise ValueError(f"no simple fraction in words for a ratio of {ratio}")
    return f"about a {FRACTIONS[round(float(ratio))]}"


OFFICIAL_LABEL = "Officials' figures quoted in news reports (second-hand)"
IMF_LABEL = "IMF DOTS, as reported by Azerbaijan"


def official_full_years(official: pd.DataFrame, partner_iso3: str, measure: str = "turnover") -> pd.DataFrame:
    """Full calendar-year figures in US$ from the officials' quotes (no partial years, no Iranian years)."""
    return official.query(
        "partner_iso3 == @partner_iso3 and measure == @measure and not is_partial_year and calendar == 'gregorian'"
        " and value_usd_millions.notna()"
    )[["year", "value_usd_millions", "reporter", "is_approximate", "value_qualifier", "source_title", "source_url", "caution"]]


def turnover_with_officials(imf: pd.DataFrame, official: pd.DataFrame, partner: str) -> alt.LayerChart:
    """IMF turnover (line, to 2020) and officials' quoted full-year turnover (hollow diamonds, 2021 on).

    The two are never joined: different sources, drawn differently, named in the legend.
    """
    imf_data = imf.assign(date=lambda d: shapes.year_date(d["year"]), series=IMF_LABEL)[["date", "year", "turnover_usd_millions", "series"]]
    off = official.assign(date=lambda d: shapes.year_date(d["year"]), series=OFFICIAL_LABEL,
                          qualifier=lambda d: d.value_qualifier.fillna("").astype("string"))
    colour = colours.COLOURS[partner]
    # Padding keeps the last (hollow) marks inside the plot.
    x = alt.X("date:T", scale=alt.Scale(type="utc", padding=12), title=None, axis=alt.Axis(format="%Y", tickCount=8))
    y_title = "Exports + imports, US$ million (current)"
    shape = alt.Shape("series:N", scale=alt.Scale(domain=[IMF_LABEL, OFFICIAL_LABEL], range=["circle", "diamond"]),
                      legend=alt.Legend(title=None, orient="top-left"))
    line = alt.Chart(imf_data).mark_line(color=colour).encode(x=x, y=alt.Y("turnover_usd_millions:Q", title=y_title))
    dots = alt.Chart(imf_data).mark_point(color=colour, filled=True, size=18).encode(
        x=x, y="turnover_usd_millions:Q", shape=shape,
        tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip("turnover_usd_millions:Q", title="US$ million", format=",.0f"),
                 alt.Tooltip("series:N", title="Source")])
    quoted = alt.Chart(off).mark_point(color=colour, filled=False, size=80, strokeWidth=1.5).encode(
        x=x, y="value_usd_millions:Q", shape=shape,
        tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip("value_usd_millions:Q", title="US$ million", format=",.0f"),
                 alt.Tooltip("qualifier:N", title="As stated"), alt.Tooltip("reporter:N", title="Figure given by"),
                 alt.Tooltip("source_title:N", title="Quoted in"), alt.Tooltip("caution:N", title="Caution")])
    return alt.layer(line, dots, quoted)
