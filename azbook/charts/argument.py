"""Shapes and measures for the book's whole argument: the three relationships at a glance,
where each partner stands before and after 2020, and the audit of the article's claims.

Used by the introduction, ``chapters/balance`` and ``chapters/four-years-on``. Like
:mod:`azbook.data.measures`, nothing here fills a gap: a year without a figure stays without
one. The one exception is stated where it happens: a supplier with no delivery in SIPRI's
register for a period has a share of 0, because the register lists every delivery it
knows of (none recorded is zero, not unknown).
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from azbook.charts import colours, shapes
from azbook.data import countries, measures
from azbook.data.tables import source_line

#: The three partners of the book, in the order every chart shows them.
PARTNERS = ("Russia", "Turkey", "Iran")
#: Verdict classes of the claims table, in reading order.
VERDICTS = ("supported", "partly", "not supported", "untested", "open")
#: Verdict colours (the same as the claims boxes' CSS in ``static/azbook.css``).
VERDICT_COLOURS = {"supported": "#1a7f37", "partly": "#9a6700", "not supported": "#cf222e", "untested": "#0550ae",
                   "open": "#777777"}
#: Periods of five years for arms deliveries (SIPRI's own habit), the last one ending with the data.
ARMS_PERIODS = ((2006, 2010), (2011, 2015), (2016, 2020), (2021, 2024))
#: Before and after the 2020 war. UN sessions are dated by the year they open.
BEFORE = (2016, 2020)
AFTER = (2021, 2024)
#: Ideal points estimated from fewer votes than this are left out (too few to place a country).
MIN_VOTES = 10

STATUS_CONFIRMED = "confirmed"
STATUS_MEDIUM = "medium confidence"
STATUS_LOW = "low confidence"
STATUS_OPEN = "open (after the notes)"
STATUSES = (STATUS_CONFIRMED, STATUS_MEDIUM, STATUS_LOW, STATUS_OPEN)


def span(years: Sequence[int]) -> str:
    """``"2016–2020"`` for the first and last of ``years`` (one year: ``"2021"``)."""
    first, last = int(min(years)), int(max(years))
    return str(first) if first == last else f"{first}–{last}"


def combined_source(*tables: str, calculated: Sequence[str] = ()) -> str:
    """One "Source: ..." line for a chart drawn from several tables, built from each table's own
    source line (:func:`azbook.data.tables.source_line`), in the order given.

    Tables named in ``calculated`` are introduced with "own calculation from" (SIPRI asks for
    this wording), unless their source line already says it.
    """
    parts = []
    for name in tables:
        text = source_line(name).removeprefix("Source: ")
        if name in calculated and "own calculation" not in text:
            text = "own calculation from " + text
        parts.append(text)
    return "Source: " + "; ".join(parts)


# ---------------------------------------------------------------------------------------
# Arms: each partner's share of deliveries, zero where the register records none
# ---------------------------------------------------------------------------------------


def partner_arms_shares(
    arms: pd.DataFrame,
    periods: Sequence[tuple[int, int]] = ARMS_PERIODS,
    partners: Sequence[str] = PARTNERS,
    recipient_iso3: str = "AZE",
) -> pd.DataFrame:
    """Each partner's share of major-arms deliveries (SIPRI TIV) to Azerbaijan, one row per partner and period.

    Built on :func:`azbook.data.measures.supplier_shares`. A partner with no delivery in the
    register for a period gets share 0 and ``recorded`` False (SIPRI's register lists every
    delivery, so none recorded is zero). Columns: period, partner, tiv_millions,
    period_tiv_millions, share_pct, recorded.
    """
    shares = measures.supplier_shares(arms, recipient_iso3, periods, named=tuple(partners))
    totals = shares.groupby("period")["period_tiv_millions"].first()
    grid = pd.MultiIndex.from_product([list(totals.index), list(partners)], names=["period", "partner"])
    grid = grid.to_frame(index=False)
    found = shares.rename(columns={"supplier": "partner"})[["period", "partner", "tiv_millions", "share_pct"]]
    out = grid.merge(found, on=["period", "partner"], how="left")
    return (
        out.assign(
            recorded=out["tiv_millions"].notna(),
            tiv_millions=out["tiv_millions"].fillna(0.0).astype(float),
            share_pct=out["share_pct"].fillna(0.0).astype(float),
            period_tiv_millions=out["period"].map(totals).astype(float),
        )[["period", "partner", "tiv_millions", "period_tiv_millions", "share_pct", "recorded"]]
        .reset_index(drop=True)
    )


# ---------------------------------------------------------------------------------------
# Trade after 2020: officials' full-year figures, compared partner by partner
# ---------------------------------------------------------------------------------------


def official_turnover_ranges(official: pd.DataFrame, partners: Sequence[str] = PARTNERS) -> pd.DataFrame:
    """The range of full-calendar-year turnover figures quoted for each partner and year (US$ million).

    Only Gregorian full years in US dollars, and no row the research notes flag as doubtful
    (``caution``). Quotes come from different reporters and are never averaged: the table
    keeps the lowest and highest figure quoted and how many there are.
    Columns: year, partner, low_usd_millions, high_usd_millions, quotes, reporters, approximate
    (True where any of the year's figures is qualified as "about", "almost" or "more than").
    """
    rows = official.query(
        "partner in @partners and measure == 'turnover' and not is_partial_year and calendar == 'gregorian'"
        " and value_usd_millions.notna() and not caution"
    )
    return (
        rows.groupby(["year", "partner"], as_index=False)
        .agg(low_usd_millions=("value_usd_millions", "min"), high_usd_millions=("value_usd_millions", "max"),
             quotes=("value_usd_millions", "size"), reporters=("reporter", lambda r: "; ".join(dict.fromkeys(r))),
             approximate=("is_approximate", "any"))
        .astype({"low_usd_millions": float, "high_usd_millions": float, "approximate": bool})
        .sort_values(["year", "partner"])
        .reset_index(drop=True)
    )


def years_first_ahead(ranges: pd.DataFrame, first: str, second: str) -> tuple[list[int], list[int]]:
    """Years in which both partners have quoted figures, and those in which even the lowest
    figure quoted for ``first`` exceeds the highest quoted for ``second``."""
    wide = ranges.pivot(index="year", columns="partner", values=["low_usd_millions", "high_usd_millions"])
    both = wide.dropna(subset=[("low_usd_millions", first), ("high_usd_millions", second)])
    ahead = both[both[("low_usd_millions", first)] > both[("high_usd_millions", second)]]
    return [int(y) for y in both.index], [int(y) for y in ahead.index]


def partner_reported_turnover(trade: pd.DataFrame, partners: Sequence[str] = PARTNERS) -> pd.DataFrame:
    """Goods trade with Azerbaijan (exports + imports, US$ million) as each partner itself reports it.

    The mirror of :func:`azbook.data.measures.turnover`, which gives Azerbaijan's own records: the
    partner is the reporter and Azerbaijan the counterpart. Only years in which the partner
    reports both flows. Columns: year, partner, turnover_usd_millions.
    """
    frames = []
    for name in partners:
        rows = measures.turnover(trade, reporter_iso3=countries.ISO3[name]).query("partner_iso3 == 'AZE'")
        frames.append(rows.assign(partner=name)[["year", "partner", "turnover_usd_millions"]])
    return pd.concat(frames, ignore_index=True).sort_values(["year", "partner"]).reset_index(drop=True)


# ---------------------------------------------------------------------------------------
# The three relationships at a glance (introduction)
# ---------------------------------------------------------------------------------------


def glance_frames(
    trade: pd.DataFrame,
    arms: pd.DataFrame,
    votes: pd.DataFrame,
    *,
    years: tuple[int, int] = (1992, 2020),
    periods: Sequence[tuple[int, int]] = ARMS_PERIODS,
) -> dict[str, pd.DataFrame]:
    """The three small-multiple tables: goods turnover, arms shares and UN vote agreement per partner.

    - ``trade``: Azerbaijan's reported exports + imports with each partner (US$ million), every
      year of ``years`` present, empty where a flow is missing (:func:`measures.turnover`).
    - ``arms``: :func:`partner_arms_shares` for ``periods``.
    - ``votes``: agreement in the UN General Assembly (per cent of common roll calls), every
      session year of ``years`` present, empty where there is no row.
    """
    grid_years = range(years[0], years[1] + 1)
    turnover = measures.turnover(trade).query("partner in @PARTNERS")[["year", "partner", "turnover_usd_millions"]]
    turnover = shapes.complete_years(turnover, ["partner"], grid_years).assign(date=lambda d: shapes.year_date(d["year"]))
    agreement = votes.query("partner in @PARTNERS")[["year", "partner", "agreement_pct", "roll_calls"]]
    agreement = shapes.complete_years(agreement, ["partner"], grid_years).assign(date=lambda d: shapes.year_date(d["year"]))
    return {
        "trade": turnover.query("@years[0] <= year <= @years[1]").reset_index(drop=True),
        "arms": partner_arms_shares(arms, periods),
        "votes": agreement.query("@years[0] <= year <= @years[1]").reset_index(drop=True),
    }


def _partner_column(title: str | None = None) -> alt.Column:
    return alt.Column("partner:N", sort=list(PARTNERS), title=title,
                      header=alt.Header(labelFontSize=13, labelFontWeight="bold", labelAnchor="start"))


def _panel_title(text: str) -> alt.TitleParams:
    return alt.TitleParams(text=text, anchor="start", fontSize=13, fontWeight="normal", offset=6)


def glance_chart(frames: dict[str, pd.DataFrame], *, width: int = 160, height: int = 110) -> alt.VConcatChart:
    """Small multiples: one column per partner, one row per dimension, a shared scale within each row.

    Rows: goods turnover (lines, US$ million), share of arms deliveries by period (bars, %),
    UN vote agreement (lines, %). Each partner in its fixed colour; gaps stay gaps.
    """
    colour = alt.Color("partner:N", scale=colours.colour_scale(list(PARTNERS)), legend=None)
    year_x = alt.X("date:T", scale=shapes.UTC, title=None, axis=alt.Axis(format="%Y", tickCount=4))
    size = {"width": width, "height": height}

    trade = frames["trade"]
    trade_base = alt.Chart().encode(
        x=year_x,
        y=alt.Y("turnover_usd_millions:Q", title="US$ million"),
        color=colour,
        tooltip=[alt.Tooltip("partner:N", title="Partner"), alt.Tooltip("year:O", title="Year"),
                 alt.Tooltip("turnover_usd_millions:Q", title="Exports + imports, US$ million", format=",.0f")],
    )
    trade_row = alt.layer(
        trade_base.mark_line(invalid="break-paths-show-domains"), trade_base.mark_point(size=10, filled=True),
        data=trade,
    ).properties(**size).facet(column=_partner_column(), title=_panel_title(
        "Goods trade: exports + imports as Azerbaijan reports them"))

    arms = frames["arms"]
    arms_base = alt.Chart().encode(
        # "2006–2010" is shown as "2006–10" to fit the panel.
        x=alt.X("period:N", title=None, sort="ascending",
                axis=alt.Axis(labelAngle=-40, labelAlign="right", labelFontSize=10,
                              labelExpr="replace(datum.label, '–20', '–')")),
        y=alt.Y("share_pct:Q", title="% of deliveries", scale=alt.Scale(domain=[0, 100])),
        color=colour,
        tooltip=[alt.Tooltip("partner:N", title="Supplier"), alt.Tooltip("period:N", title="Period"),
                 alt.Tooltip("share_pct:Q", title="Share of deliveries, %", format=".1f"),
                 alt.Tooltip("tiv_millions:Q", title="TIV million", format=",.1f"),
                 alt.Tooltip("period_tiv_millions:Q", title="All suppliers, TIV million", format=",.1f"),
                 alt.Tooltip("recorded:N", title="Any delivery recorded")],
    )
    arms_row = alt.layer(
        arms_base.mark_bar(),
        arms_base.mark_text(dy=-3, baseline="bottom", fontSize=10).encode(
            text=alt.Text("share_pct:Q", format=".0f"), color=alt.value(colours.TEXT)),
        data=arms,
    ).properties(**size).facet(column=_partner_column(), title=_panel_title(
        "Arms: share of major arms delivered to Azerbaijan, by period"))

    votes = frames["votes"]
    votes_base = alt.Chart().encode(
        x=year_x,
        y=alt.Y("agreement_pct:Q", title="% identical votes", scale=alt.Scale(domain=[0, 100])),
        color=colour,
        tooltip=[alt.Tooltip("partner:N", title="Partner"), alt.Tooltip("year:O", title="Session opened"),
                 alt.Tooltip("agreement_pct:Q", title="Identical votes, %", format=".1f"),
                 alt.Tooltip("roll_calls:Q", title="Common roll calls", format=",d")],
    )
    votes_row = alt.layer(
        votes_base.mark_line(invalid="break-paths-show-domains"), votes_base.mark_point(size=10, filled=True),
        data=votes,
    ).properties(**size).facet(column=_partner_column(), title=_panel_title(
        "UN General Assembly: share of roll calls with identical votes"))

    return alt.vconcat(trade_row, arms_row, votes_row, spacing=18)


# ---------------------------------------------------------------------------------------
# Before and after 2020, per dimension (balance chapter)
# ---------------------------------------------------------------------------------------

ARMS_DIMENSION = "Arms: share of major arms delivered to Azerbaijan (SIPRI TIV)"
UN_DIMENSION = "UN votes: distance from Azerbaijan's ideal point (axis reversed)"


def ideal_point_periods(
    ideal_points: pd.DataFrame,
    partners: Sequence[str],
    periods: dict[str, tuple[int, int]],
    min_votes: int = MIN_VOTES,
) -> pd.DataFrame:
    """Mean distance between Azerbaijan's and each partner's UN ideal point over each period's sessions.

    Sessions in which either country's estimate rests on fewer than ``min_votes`` votes are
    left out and named in ``left_out``. Columns: phase, partner, value, sessions, period, left_out.
    """
    rows = []
    for phase, (start, end) in periods.items():
        window = ideal_points.query("partner in @partners and @start <= year <= @end")
        thin = (window.azerbaijan_votes < min_votes) | (window.partner_votes < min_votes)
        for partner in partners:
            kept = window[~thin & (window.partner == partner)]
            dropped = window[thin & (window.partner == partner)]
            fewest = dropped[["azerbaijan_votes", "partner_votes"]].min(axis=1)
            if kept.empty:
                continue
            rows.append({
                "phase": phase, "partner": partner, "value": float(kept.ideal_point_distance.mean()),
                "sessions": len(kept), "period": span(kept.year),
                "left_out": ", ".join(f"{y} ({v} votes)" for y, v in zip(dropped.year, fewest)),
            })
    return pd.DataFrame(rows, columns=["phase", "partner", "value", "sessions", "period", "left_out"])


def before_after(
    arms: pd.DataFrame,
    ideal_points: pd.DataFrame,
    *,
    partners: Sequence[str] = (*PARTNERS, "Israel"),
    before: tuple[int, int] = BEFORE,
    after: tuple[int, int] = AFTER,
    min_votes: int = MIN_VOTES,
) -> pd.DataFrame:
    """Where each partner stands before and after 2020 on the dimensions with data on both sides.

    - Arms: the partner's share of SIPRI TIV delivered to Azerbaijan in ``before`` and in
      ``after`` (years with deliveries in the register; 0 where none is recorded).
    - UN: mean distance between the two countries' ideal points over the sessions of each
      period that the data hold (the last is 2023), leaving out thin estimates.

    Trade (IMF DOTS ends in 2020), vote agreement (roll calls end in 2019), people and money
    (estimates for 2017–2019) have no comparable figure after 2020 and are not here.
    Columns: dimension, partner, phase (before/after), period, value, detail.
    """
    phases = {"before": before, "after": after}
    arms_shares = partner_arms_shares(arms, list(phases.values()), partners).assign(
        phase=lambda d: d.period.map({measures.period_label(p[0], [p]): k for k, p in phases.items()}),
        dimension=ARMS_DIMENSION,
        value=lambda d: d.share_pct,
        detail=lambda d: [
            f"{t:,.1f} of {total:,.1f} TIV million" if rec
            else f"no delivery recorded (all suppliers: {total:,.1f} TIV million)"
            for t, total, rec in zip(d.tiv_millions, d.period_tiv_millions, d.recorded)
        ],
    )
    un = ideal_point_periods(ideal_points, partners, phases, min_votes).assign(
        dimension=UN_DIMENSION,
        detail=lambda d: [
            f"mean of {n} session(s)" + (f"; left out (fewer than {min_votes} votes): {lo}" if lo else "")
            for n, lo in zip(d.sessions, d.left_out)
        ],
    )
    cols = ["dimension", "partner", "phase", "period", "value", "detail"]
    return pd.concat([arms_shares[cols], un[cols]], ignore_index=True)


def unchanged(df: pd.DataFrame, dimension: str, decimals: int) -> list[str]:
    """Partners whose value in ``dimension`` of :func:`before_after` is the same before and after
    2020 at the precision shown (``decimals``): on the chart their two marks coincide."""
    wide = df.query("dimension == @dimension").pivot(index="partner", columns="phase", values="value").round(decimals)
    order = [p for p in df.partner.drop_duplicates() if p in wide.index]
    return [p for p in order if wide.loc[p, "before"] == wide.loc[p, "after"]]


def _dimension_panel(df: pd.DataFrame, *, title: str, x_title: str, reverse: bool, names: list[str],
                     value_format: str, width: int) -> alt.LayerChart:
    colour = alt.Color("partner:N", scale=colours.colour_scale(names), legend=None)
    base = alt.Chart(df).encode(
        x=alt.X("value:Q", title=x_title, scale=alt.Scale(reverse=reverse, zero=not reverse, nice=True)),
        y=alt.Y("partner:N", sort=names, title=None),
        color=colour,
        tooltip=[alt.Tooltip("partner:N", title="Partner"), alt.Tooltip("phase_label:N", title="When"),
                 alt.Tooltip("value:Q", title="Value", format=value_format), alt.Tooltip("detail:N", title="Detail")],
    )
    line = base.mark_line(strokeWidth=2).encode(detail="partner:N", order=alt.Order("phase_order:O"))
    # The "before" ring is larger than the "after" dot and drawn over it, so a partner that did
    # not move shows as a dot inside its ring instead of one dot hiding the other.
    after = base.transform_filter("datum.phase == 'after'").mark_point(filled=True, size=80, opacity=1)
    before = base.transform_filter("datum.phase == 'before'").mark_point(filled=False, size=210, strokeWidth=2,
                                                                          opacity=1)
    labels = base.transform_filter("datum.phase == 'after' && datum.value > 0").mark_text(dy=-14, fontSize=10).encode(
        text=alt.Text("value:Q", format=value_format), color=alt.value(colours.TEXT))
    return alt.layer(line, after, before, labels).properties(
        width=width, height=alt.Step(32), title=_panel_title(title))


def before_after_chart(df: pd.DataFrame, *, width: int = 500) -> alt.VConcatChart:
    """One panel per dimension: each partner's position before (a ring) and after (a dot) 2020.

    The ring is drawn over the dot and is larger, so a position that did not change shows as a
    dot inside its ring.
    Further right always means closer to Azerbaijan: a larger share of its arms, or a smaller
    distance between ideal points (that axis is reversed). Partners in their fixed colours.
    """
    names = [n for n in colours.COLOURS if n in set(df.partner)]
    data = df.assign(
        phase_label=lambda d: d.phase.map({"before": "before 2021", "after": "2021 and after"}) + " (" + d.period + ")",
        phase_order=lambda d: d.phase.map({"before": 0, "after": 1}),
    )
    panels = [
        _dimension_panel(data.query("dimension == @ARMS_DIMENSION"), title=ARMS_DIMENSION,
                         x_title="% of deliveries (right: a larger supplier)", reverse=False, names=names,
                         value_format=".0f", width=width),
        _dimension_panel(data.query("dimension == @UN_DIMENSION"), title=UN_DIMENSION,
                         x_title="Distance between ideal points (right: votes closer)",
                         reverse=True, names=names, value_format=".2f", width=width),
    ]
    return alt.vconcat(*panels, spacing=22)


# ---------------------------------------------------------------------------------------
# The audit of the article's claims (four years on)
# ---------------------------------------------------------------------------------------


def verdict_counts(claims: pd.DataFrame, types: Sequence[str] = ("forecast", "fact")) -> pd.DataFrame:
    """How many claims of each type got each verdict (zero rows kept), with the claim ids.

    Columns: type, verdict, claims (count), claim_ids ("B8, C13").
    """
    rows = []
    for kind in types:
        subset = claims.query("type == @kind")
        unknown = set(subset.verdict.dropna()) - set(VERDICTS)
        if unknown or subset.verdict.isna().any():
            raise ValueError(f"{kind} claims without a known verdict: {sorted(unknown) or 'empty verdicts'}")
        for verdict in VERDICTS:
            ids = subset.loc[subset.verdict == verdict, "claim_id"].tolist()
            rows.append({"type": kind, "verdict": verdict, "claims": len(ids), "claim_ids": ", ".join(ids)})
    return pd.DataFrame(rows)


TYPE_TITLES = {"forecast": "The article's forecasts", "fact": "Its statements of fact"}


def verdict_chart(counts: pd.DataFrame) -> alt.FacetChart:
    """Horizontal bars: claims per verdict, one panel per type, in the verdict colours."""
    data = counts.assign(type_title=lambda d: d.type.map(TYPE_TITLES).fillna(d.type))
    base = alt.Chart().encode(
        y=alt.Y("verdict:N", sort=list(VERDICTS), title=None),
        x=alt.X("claims:Q", title="Claims", axis=alt.Axis(tickMinStep=1, format="d")),
        tooltip=[alt.Tooltip("type_title:N", title="Kind"), alt.Tooltip("verdict:N", title="Verdict"),
                 alt.Tooltip("claims:Q", title="Claims"), alt.Tooltip("claim_ids:N", title="Which")],
    )
    bars = base.mark_bar().encode(color=alt.Color(
        "verdict:N", scale=alt.Scale(domain=list(VERDICTS), range=[VERDICT_COLOURS[v] for v in VERDICTS]), legend=None))
    labels = base.mark_text(align="left", dx=4, fontSize=11).encode(text="claims:Q")
    return alt.layer(bars, labels, data=data).properties(width=250, height=alt.Step(26)).facet(
        column=alt.Column("type_title:N", sort=[TYPE_TITLES[t] for t in counts.type.drop_duplicates()], title=None,
                          header=alt.Header(labelFontSize=13, labelFontWeight="bold", labelAnchor="start")))


def event_status(date: pd.Timestamp, confidence: str, notes_end: pd.Timestamp) -> str:
    """How firmly an event stands: open after the research notes end, else by the notes' confidence."""
    if pd.Timestamp(date) > pd.Timestamp(notes_end):
        return STATUS_OPEN
    return {"high": STATUS_CONFIRMED, "medium": STATUS_MEDIUM, "low": STATUS_LOW}[confidence]


def timeline_data(events: pd.DataFrame, claims: pd.DataFrame, notes_end: str | pd.Timestamp) -> pd.DataFrame:
    """Every event with its status and the claims that cite it as evidence.

    Columns: event_id, date (ISO string), year, partner, category, label, description,
    source_title, source_url, confidence, status, cited_by (e.g. "C14 (forecast), E24 (forecast)"),
    is_evidence (cited by any claim), is_forecast_evidence (cited by a forecast).
    """
    cited: dict[str, list[str]] = {}
    forecast_cited: set[str] = set()
    for c in claims.fillna("").itertuples():
        for e in filter(None, c.evidence_events.split(";")):
            cited.setdefault(e, []).append(f"{c.claim_id} ({c.type})")
            if c.type == "forecast":
                forecast_cited.add(e)
    end = pd.Timestamp(notes_end)
    return (
        events.sort_values(["date", "event_id"])
        .assign(
            status=lambda d: [event_status(t, c, end) for t, c in zip(d.date, d.confidence)],
            cited_by=lambda d: d.event_id.map(lambda e: ", ".join(cited.get(e, []))),
            is_evidence=lambda d: d.event_id.isin(cited.keys()),
            is_forecast_evidence=lambda d: d.event_id.isin(forecast_cited),
            year=lambda d: d.date.dt.year,
            date=lambda d: d.date.dt.strftime("%Y-%m-%d"),
        )[["event_id", "date", "year", "partner", "category", "label", "description", "source_title", "source_url",
           "confidence", "status", "cited_by", "is_evidence", "is_forecast_evidence"]
          + [c for c in ("second_source_title", "second_source_url") if c in events.columns]]
        .reset_index(drop=True)
    )


def _select(name: str, label: str, values: Sequence[str], all_label: str) -> alt.Parameter:
    return alt.param(name=name, value=None, bind=alt.binding_select(
        options=[None, *values], labels=[all_label, *values], name=label))


def timeline_chart(data: pd.DataFrame, notes_end: str | pd.Timestamp, *, width: int = 560) -> alt.LayerChart:
    """The interactive timeline: events as dots on a time axis, one row per category, coloured by partner.

    Two drop-downs (partner, category) and a check box (only events cited for the article's
    forecasts) filter the dots; hovering shows our description and the source; clicking a dot
    opens the source (``href``). Events after ``notes_end`` are drawn as open triangles and
    the notes' end is marked.
    """
    partners = [p for p in colours.PARTNER_COLOURS if p in set(data.partner)]
    partners += sorted(set(data.partner) - set(partners))
    categories = sorted(set(data.category))
    partner = _select("partner_choice", "Partner ", partners, "all partners")
    category = _select("category_choice", "Kind of event ", categories, "all kinds")
    evidence = alt.param(name="forecast_evidence_only", value=False,
                         bind=alt.binding_checkbox(name="Only events cited for the article's forecasts "))
    keep = ("(partner_choice == null || datum.partner == partner_choice)"
            " && (category_choice == null || datum.category == category_choice)"
            " && (!forecast_evidence_only || datum.is_forecast_evidence)")
    statuses = [s for s in STATUSES if s in set(data.status)]
    marks = {STATUS_CONFIRMED: "circle", STATUS_MEDIUM: "diamond", STATUS_LOW: "triangle-up", STATUS_OPEN: "triangle-up"}
    x = alt.X("date:T", scale=alt.Scale(type="utc", domain=[f"{data.year.min()}-07-01", f"{data.year.max()}-12-31"]),
              title=None, axis=alt.Axis(format="%Y", tickCount=7))
    dots = alt.Chart(data).mark_point(size=95, opacity=1, filled=True).encode(
        x=x,
        y=alt.Y("category:N", sort=categories, title="Kind of event"),
        color=alt.Color("partner:N", title="Partner", legend=alt.Legend(orient="top", direction="horizontal"),
                        scale=alt.Scale(domain=partners, range=[colours.PARTNER_COLOURS.get(p, colours.NEUTRAL) for p in partners])),
        shape=alt.Shape("status:N", scale=alt.Scale(domain=statuses, range=[marks[s] for s in statuses]), title="Status",
                        legend=alt.Legend(orient="bottom", direction="horizontal")),
        href="source_url:N",
        tooltip=[alt.Tooltip("date:T", title="Date", format="%d %b %Y"), alt.Tooltip("label:N", title="Event"),
                 alt.Tooltip("description:N", title="What happened"), alt.Tooltip("partner:N", title="Partner"),
                 alt.Tooltip("category:N", title="Kind"), alt.Tooltip("status:N", title="Status"),
                 alt.Tooltip("cited_by:N", title="Evidence for claims"),
                 alt.Tooltip("source_title:N", title="Source (click the dot to open)")],
    ).add_params(partner, category, evidence).transform_filter(keep)
    end = pd.DataFrame({"date": [pd.Timestamp(notes_end).strftime("%Y-%m-%d")], "label": ["Notes end"]})
    end_rule = alt.Chart(end).mark_rule(color="#444444", strokeDash=[4, 3]).encode(x=alt.X("date:T", scale=shapes.UTC))
    end_text = alt.Chart(end).mark_text(align="left", baseline="top", dx=4, dy=2, fontSize=11, color=colours.TEXT).encode(
        x=alt.X("date:T", scale=shapes.UTC), y=alt.value(0), text="label:N")
    return alt.layer(dots, end_rule, end_text).properties(width=width, height=alt.Step(30))
