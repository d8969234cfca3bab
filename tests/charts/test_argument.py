"""The whole-argument shapes: relationships at a glance, before/after 2020, the claims audit and the timeline."""

from __future__ import annotations


import pandas as pd
import pytest

from azbook.charts import argument, colours
from azbook.data import countries, measures
from azbook.data.tables import load, source_line


@pytest.fixture(scope="module")
def tables():
    return {name: load(name) for name in ("trade", "arms_transfers", "un_votes", "un_ideal_points", "claims", "events")}


def _values(spec: dict) -> list[dict]:
    return [row for rows in spec["datasets"].values() for row in rows]


# --- arms -------------------------------------------------------------------------------


def test_partner_arms_shares_give_zero_only_where_nothing_is_recorded(tables):
    shares = argument.partner_arms_shares(tables["arms_transfers"], [(2011, 2015), (2021, 2024)])
    assert len(shares) == 2 * len(argument.PARTNERS)  # every partner in every period
    iran = shares.query("partner == 'Iran'")
    assert (iran.share_pct == 0).all() and not iran.recorded.any()
    recorded = shares.query("recorded")
    assert (recorded.share_pct > 0).all()
    # the recorded shares are exactly the shared measure's
    ref = measures.supplier_shares(tables["arms_transfers"], "AZE", [(2011, 2015)], named=argument.PARTNERS)
    russia = ref.query("supplier == 'Russia'").share_pct.iloc[0]
    assert shares.query("period == '2011–2015' and partner == 'Russia'").share_pct.iloc[0] == pytest.approx(russia)
    assert shares.groupby("period").share_pct.sum().le(100 + 1e-9).all()


def test_partner_arms_shares_on_a_small_register():
    arms = pd.DataFrame({
        "year": [2016, 2017, 2021], "recipient_iso3": ["AZE"] * 3, "supplier": ["Russia", "Israel", "Turkey"],
        "tiv_millions": [30.0, 70.0, 10.0],
    })
    shares = argument.partner_arms_shares(arms, [(2016, 2020), (2021, 2024)]).set_index(["period", "partner"])
    assert shares.loc[("2016–2020", "Russia"), "share_pct"] == pytest.approx(30.0)
    assert shares.loc[("2016–2020", "Turkey"), "share_pct"] == 0 and not shares.loc[("2016–2020", "Turkey"), "recorded"]
    assert shares.loc[("2021–2024", "Turkey"), "share_pct"] == pytest.approx(100.0)
    assert shares.loc[("2021–2024", "Turkey"), "period_tiv_millions"] == pytest.approx(10.0)


# --- at a glance --------------------------------------------------------------------------


def test_glance_frames_cover_every_year_and_keep_gaps(tables):
    frames = argument.glance_frames(tables["trade"], tables["arms_transfers"], tables["un_votes"], years=(1992, 2020))
    for name in ("trade", "votes"):
        frame = frames[name]
        assert set(frame.partner) == set(argument.PARTNERS)
        assert frame.groupby("partner").year.nunique().eq(2020 - 1992 + 1).all()
    votes = frames["votes"]
    assert votes.query("year == 2020").agreement_pct.isna().all()  # roll calls end in 2019: a gap, not a value
    trade = frames["trade"]
    ref = measures.turnover(tables["trade"]).query("partner == 'Turkey' and year == 2019").turnover_usd_millions.iloc[0]
    assert trade.query("partner == 'Turkey' and year == 2019").turnover_usd_millions.iloc[0] == pytest.approx(ref)


def test_glance_chart_rows_share_scales_and_use_the_country_colours(tables):
    frames = argument.glance_frames(tables["trade"], tables["arms_transfers"], tables["un_votes"])
    spec = argument.glance_chart(frames).to_dict()
    assert len(spec["vconcat"]) == 3
    for row in spec["vconcat"]:
        assert row["facet"]["column"]["field"] == "partner"  # one column per partner...
        assert "resolve" not in row  # ...on one shared scale
        inner = row["spec"]
        layers = inner.get("layer", [inner])
        colour = layers[0]["encoding"]["color"]["scale"]
        assert colour["range"] == [colours.COLOURS[p] for p in argument.PARTNERS]


# --- before and after 2020 ------------------------------------------------------------------


def test_ideal_point_periods_leave_out_thin_estimates():
    points = pd.DataFrame({
        "year": [2019, 2021, 2022, 2023], "partner": ["Turkey"] * 4,
        "ideal_point_distance": [1.0, 2.0, 4.0, 100.0],
        "azerbaijan_votes": [80, 80, 80, 80], "partner_votes": [80, 80, 80, 2],
    })
    out = argument.ideal_point_periods(points, ["Turkey"], {"before": (2016, 2020), "after": (2021, 2024)}).set_index("phase")
    assert out.loc["after", "value"] == pytest.approx(3.0)  # 2023 (2 votes) is left out
    assert out.loc["after", "period"] == "2021–2022" and "2023 (2 votes)" in out.loc["after", "left_out"]
    assert out.loc["before", "sessions"] == 1


def test_before_after_has_both_sides_for_every_partner_and_only_dimensions_with_data_after_2020(tables):
    df = argument.before_after(tables["arms_transfers"], tables["un_ideal_points"])
    assert set(df.dimension) == {argument.ARMS_DIMENSION, argument.UN_DIMENSION}
    counts = df.groupby(["dimension", "partner"]).phase.apply(set)
    assert all(phases == {"before", "after"} for phases in counts)
    un_after = df.query("dimension == @argument.UN_DIMENSION and phase == 'after'")
    assert un_after.period.str.endswith(("2022", "2023")).all()  # ideal points end with the 2023 session
    turkey = un_after.query("partner == 'Turkey'").iloc[0]
    assert "left out" in turkey.detail  # Turkey's 2023 estimate rests on two votes
    arms = df.query("dimension == @argument.ARMS_DIMENSION")
    assert arms.groupby("phase").value.sum().le(100 + 1e-9).all()


def test_before_after_chart_reverses_the_distance_axis(tables):
    df = argument.before_after(tables["arms_transfers"], tables["un_ideal_points"])
    spec = argument.before_after_chart(df).to_dict()
    arms_panel, un_panel = spec["vconcat"]
    assert un_panel["layer"][0]["encoding"]["x"]["scale"]["reverse"] is True
    assert arms_panel["layer"][0]["encoding"]["x"]["scale"]["reverse"] is False
    points = [layer["mark"] for layer in un_panel["layer"] if layer["mark"]["type"] == "point"]
    # filled "after" dot first, the larger "before" ring drawn over it: an unchanged position stays visible
    assert [m["filled"] for m in points] == [True, False]
    assert points[1]["size"] > points[0]["size"]


def test_unchanged_names_the_partners_whose_two_marks_coincide(tables):
    df = argument.before_after(tables["arms_transfers"], tables["un_ideal_points"])
    un = df.query("dimension == @argument.UN_DIMENSION").pivot(index="partner", columns="phase", values="value").round(2)
    assert argument.unchanged(df, argument.UN_DIMENSION, 2) == [p for p in df.partner.drop_duplicates()
                                                          if un.loc[p, "before"] == un.loc[p, "after"]]
    small = pd.DataFrame({"dimension": ["d"] * 4, "partner": ["A", "A", "B", "B"],
                          "phase": ["before", "after"] * 2, "value": [1.004, 0.996, 1.0, 2.0]})
    assert argument.unchanged(small, "d", 2) == ["A"]
    assert argument.unchanged(small, "d", 3) == []


# --- the claims audit -----------------------------------------------------------------------


def test_verdict_counts_add_up_and_keep_zero_rows(tables):
    claims = tables["claims"]
    counts = argument.verdict_counts(claims)
    for kind in ("forecast", "fact"):
        sub = counts.query("type == @kind")
        assert list(sub.verdict) == list(argument.VERDICTS)
        assert sub.claims.sum() == (claims.type == kind).sum()
    broken = claims.assign(verdict=claims.verdict.where(claims.type != "forecast", "maybe"))
    with pytest.raises(ValueError, match="maybe"):
        argument.verdict_counts(broken)


def test_verdict_chart_colours_each_verdict(tables):
    spec = argument.verdict_chart(argument.verdict_counts(tables["claims"])).to_dict()
    scale = spec["spec"]["layer"][0]["encoding"]["color"]["scale"]
    assert scale["domain"] == list(argument.VERDICTS)
    assert scale["range"] == [argument.VERDICT_COLOURS[v] for v in argument.VERDICTS]


def test_event_status_marks_events_after_the_notes_open():
    end = pd.Timestamp("2026-03-31")
    assert argument.event_status(pd.Timestamp("2026-06-07"), "low", end) == argument.STATUS_OPEN
    assert argument.event_status(pd.Timestamp("2026-03-31"), "high", end) == argument.STATUS_CONFIRMED
    assert argument.event_status(pd.Timestamp("2022-01-01"), "medium", end) == argument.STATUS_MEDIUM


def test_timeline_data_names_the_claims_each_event_supports(tables):
    data = argument.timeline_data(tables["events"], tables["claims"], "2026-03-31")
    assert len(data) == len(tables["events"])
    row = data.set_index("event_id").loc["2024-06-12-peacekeepers-withdrawn"]
    assert "C12 (forecast)" in row.cited_by and row.is_forecast_evidence
    assert (data.query("status == @argument.STATUS_OPEN").date > "2026-03-31").all()
    assert data.date.str.match(r"^\d{4}-\d{2}-\d{2}$").all()


def test_timeline_chart_filters_by_partner_and_category_and_links_sources(tables):
    data = argument.timeline_data(tables["events"], tables["claims"], "2026-03-31")
    spec = argument.timeline_chart(data, "2026-03-31").to_dict()
    dots = spec["layer"][0]
    params = {p["name"]: p for p in spec.get("params", []) + dots.get("params", [])}
    assert params["partner_choice"]["bind"]["input"] == "select"
    assert params["category_choice"]["bind"]["input"] == "select"
    assert params["forecast_evidence_only"]["bind"]["input"] == "checkbox"
    assert None in params["partner_choice"]["bind"]["options"]  # "all partners"
    assert dots["encoding"]["href"]["field"] == "source_url"
    expression = dots["transform"][0]["filter"]
    assert "partner_choice" in expression and "category_choice" in expression


# --- trade after 2020 -----------------------------------------------------------------------


def test_official_turnover_ranges_keep_quotes_apart_and_drop_doubtful_rows():
    official = pd.DataFrame({
        "year": [2022, 2022, 2022, 2022, 2023], "partner": ["Turkey", "Turkey", "Russia", "Russia", "Russia"],
        "measure": ["turnover"] * 5, "is_partial_year": [False, False, False, True, False],
        "calendar": ["gregorian"] * 5, "value_usd_millions": [5800.0, 6000.0, 4170.0, 9999.0, 4400.0],
        "caution": [False, False, False, False, True], "reporter": ["SCC", "Aliyev", "Overchuk", "x", "y"],
        "is_approximate": [False, True, False, False, False],
    })
    ranges = argument.official_turnover_ranges(official, ["Russia", "Turkey"])
    assert len(ranges) == 2  # the partial year and the doubtful 2023 row are left out
    turkey = ranges.query("partner == 'Turkey'").iloc[0]
    assert (turkey.low_usd_millions, turkey.high_usd_millions, turkey.quotes) == (5800.0, 6000.0, 2)
    assert turkey.reporters == "SCC; Aliyev" and turkey.approximate
    assert not ranges.query("partner == 'Russia'").approximate.iloc[0]
    assert argument.years_first_ahead(ranges, "Turkey", "Russia") == ([2022], [2022])
    assert argument.years_first_ahead(ranges, "Russia", "Turkey") == ([2022], [])


def test_official_turnover_ranges_on_the_book_table():
    ranges = argument.official_turnover_ranges(load("trade_official"))
    assert set(ranges.partner) <= set(argument.PARTNERS)
    assert (ranges.low_usd_millions <= ranges.high_usd_millions).all()
    assert ranges.year.between(2021, 2025).all()


def test_partner_reported_turnover_is_the_mirror_of_azerbaijans_records(tables):
    trade = tables["trade"]
    mirror = argument.partner_reported_turnover(trade)
    assert set(mirror.partner) == set(argument.PARTNERS)
    russia = trade.query("reporter_iso3 == 'RUS' and partner_iso3 == 'AZE' and year == 2019").value_usd_millions.sum()
    assert mirror.query("partner == 'Russia' and year == 2019").turnover_usd_millions.iloc[0] == pytest.approx(russia)
    assert not mirror.duplicated(["year", "partner"]).any()


def test_partner_reported_turnover_needs_both_flows():
    trade = pd.DataFrame({
        "year": [2019, 2019, 2020], "reporter_iso3": ["TUR"] * 3, "partner_iso3": ["AZE"] * 3,
        "partner": ["Azerbaijan"] * 3, "flow": ["exports_fob", "imports_cif", "exports_fob"],
        "value_usd_millions": [100.0, 50.0, 70.0],
    })
    out = argument.partner_reported_turnover(trade, ["Turkey"])
    assert out.to_dict("records") == [{"year": 2019, "partner": "Turkey", "turnover_usd_millions": 150.0}]


# --- source lines ---------------------------------------------------------------------------


def test_combined_source_names_each_tables_source_in_order():
    line = argument.combined_source("trade", "arms_transfers", calculated=("arms_transfers",))
    trade, arms = (source_line(t).removeprefix("Source: ") for t in ("trade", "arms_transfers"))
    assert line == f"Source: {trade}; own calculation from {arms}"
    # a source line that already says "own calculation" is not prefixed twice
    assert "own calculation from" not in argument.combined_source("un_votes", calculated=("un_votes",))
