"""Mirror trade: the same flow of goods as Azerbaijan reports it and as its partner reports it.

Every flow between two countries is recorded twice: as exports by one and as imports by the
other. The two figures are never equal (exports are valued free on board, imports with cost,
insurance and freight; exporters record the country of destination, importers the country of
origin; goods in transit are imports of nobody), and for Azerbaijan, whose oil and gas leave
by pipelines across Georgia and Turkey, the two sides can disagree by a multiple. This module
puts the two records side by side, measures the gap and draws it; it never fills a year one
side leaves empty.

Typical use in a chapter::

    from azbook import mirror
    m = mirror.mirror_flows(load("trade"), "TUR")       # Azerbaijan's exports vs Turkey's imports
    mirror.gap_summary(m)                               # numbers for the prose
    mirror.mirror_chart(m, events=marked)               # lines + gap bars, then charts.finish(...)
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from azbook import charts, countries

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
                date=lambda d: charts.year_date(d.year))
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
        .assign(date=lambda d: charts.year_date(d.year),
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
    theme's). Finish it with :func:`azbook.charts.finish`.
    """
    partner = mirror.partner.iloc[0]
    colour = countries.COLOURS[partner]
    az_label, partner_label = side_labels(mirror)
    lines_data = long_sides(mirror)
    x = alt.X("date:T", scale=charts.UTC, title=None, axis=alt.Axis(format="%Y", tickCount=8))
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
        color=alt.Color("sign:N", scale=alt.Scale(domain=signs, range=["#444444", "#BBBBBB"]),
                        legend=alt.Legend(title="Gap", orient="top-left", direction="vertical", labelLimit=0)),
        tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip("sign:N", title="Which side reports more"),
                 alt.Tooltip("gap_usd_millions:Q", title="Gap, US$ million", format=",.1f"),
                 alt.Tooltip("ratio:Q", title="Azerbaijan's figure ÷ partner's", format=".2f"),
                 alt.Tooltip("azerbaijan_usd_millions:Q", title="Azerbaijan's record", format=",.1f"),
                 alt.Tooltip("partner_usd_millions:Q", title=f"{partner}'s record", format=",.1f")],
    )
    bottom_layers = [bars, alt.Chart(pd.DataFrame({"zero": [0]})).mark_rule(color="#888888").encode(y="zero:Q")]
    if events is not None and not events.empty:
        top_layers.append(charts.event_marks(events))
        bottom_layers.append(charts.event_marks(events, labels=False))
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
