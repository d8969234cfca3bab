"""Recurring chart shapes of the book. Every chart leaves here with its finding as title,
a source line, a stable name (its anchor on the page), a text description and tooltips.

Dates are passed to Vega-Lite as ISO date strings (``"2019-01-01"``), read as UTC, so a
year never slips into the previous one in a reader's time zone.
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import altair as alt
import pandas as pd

from azbook.charts import colours, theme
from azbook.data import datasets
from azbook.data.tables import metadata, source_line

UTC = alt.Scale(type="utc")


def wrap_lines(lines: Sequence[str], width: int) -> list[str]:
    """Each line wrapped at ``width`` characters (words kept whole), in order."""
    return [part for line in lines for part in (textwrap.wrap(line, width) or [""])]


def finish(
    chart: alt.TopLevelMixin,
    *,
    name: str,
    title: str,
    source: str,
    description: str,
    subtitle: Sequence[str] = (),
    title_width: int = 70,
    subtitle_width: int = 95,
    columns: Mapping[str, str] | None = None,
) -> alt.TopLevelMixin:
    """Give a chart its stable name, its finding as title, explanatory lines, the source line and a description.

    The title is wrapped at ``title_width`` characters and the explanations and source line
    at ``subtitle_width``, so that charts fit the book's text column; the source comes last.
    Every field the chart shows must have a heading for its "data behind it" table (see
    :func:`column_labels`); ``columns`` gives a field its heading where the rules would pick a
    wrong one, and travels in the spec's ``usermeta``. The check runs when the chart is shown in
    the notebook (the book's renderer, :func:`azbook.book.render.mimebundle`, serialises it anyway),
    so a missing heading still stops the notebook, not the book build.
    """
    if not title or not source.startswith("Source"):
        raise ValueError("a chart needs a title that states its finding and a source line starting 'Source'")
    # A shallow copy: only top-level fields are set, and Altair's deep copy (``properties``) of a
    # whole layered chart costs more than drawing it.
    finished = chart.copy(deep=False)
    finished.name = name
    finished.title = alt.TitleParams(text=wrap_lines([title], title_width),
                                     subtitle=wrap_lines([*subtitle, source], subtitle_width))
    finished.description = description
    if columns:  # only the chosen headings travel in the spec; the book derives the rest (see column_labels)
        finished.usermeta = {"azbook": {"columns": dict(columns)}}
    return finished


#: Encoding channels that place a field on an axis: their title heads the column when no table names it.
AXES = ("x", "y", "x2", "y2", "theta", "radius")


@functools.cache
def table_titles() -> dict[str, str]:
    """Field name -> its title in the tables' metadata, for names every table that has them titles alike."""
    seen: dict[str, set[str]] = {}
    for name in datasets.REGISTRY:
        for f in metadata(name)["schema"]["fields"]:
            seen.setdefault(f["name"], set()).add(f["title"])
    return {name: titles.pop() for name, titles in seen.items() if len(titles) == 1}


def _encodings(spec: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (channel, field definition) of a spec, its layers, panels and tooltips included."""
    if isinstance(spec, dict):
        for channel, value in (spec.get("encoding") or {}).items():
            for definition in value if isinstance(value, list) else [value]:
                if isinstance(definition, dict) and isinstance(definition.get("field"), str):
                    yield channel, definition
        for key, value in spec.items():
            if key not in ("datasets", "data", "encoding"):
                yield from _encodings(value)
    elif isinstance(spec, list):
        for value in spec:
            yield from _encodings(value)


def _title(definition: dict[str, Any]) -> str:
    title = definition.get("title")
    return " ".join(title) if isinstance(title, list) else str(title or "")


def column_labels(spec: dict[str, Any], columns: Mapping[str, str] = {}) -> dict[str, str]:  # noqa: B006 (read only)
    """The heading of each column of a chart's "data behind it" tables, as a reader would write it.

    A column is shown when the chart shows its field to a reader: in a tooltip, or on an axis with a
    title. Fields only drawn (pixel offsets, label rows, marks, links, sort orders) are left out. The heading
    is ``columns[field]`` when given, else the chart's own words for the field (its one axis title, then its
    tooltip title; the first in the form "Label, unit" if one is), else the field's title in the tables'
    metadata (:func:`table_titles`), which also replaces chart words that are only its unit ("US$ million"
    becomes "Value, US$ million"). A shown field with none of these is an error, so no table shows a raw
    field name.
    """
    shown: dict[str, None] = {}
    axis_titles: dict[str, set[str]] = {}
    tooltip_titles: dict[str, str] = {}
    for channel, definition in _encodings(spec):
        field, title = definition["field"], _title(definition)
        if "." in field:  # a nested value (a map's properties): not a column of the table
            continue
        if channel == "tooltip":
            shown[field] = None
            if title:
                tooltip_titles.setdefault(field, title)
        elif channel in AXES and title and definition.get("axis", {}) is not None:
            shown[field] = None
            axis_titles.setdefault(field, set()).add(title)
    labels = {}
    for field in shown:
        axis = sorted(axis_titles.get(field, set()))
        own = [*(axis if len(axis) == 1 else []), *([tooltip_titles[field]] if field in tooltip_titles else [])]
        label = columns.get(field) or next((t for t in own if ", " in t), own[0] if own else "")
        table = table_titles().get(field, "")
        if table and (not label or table.lower().endswith(label.lower())):
            label = table  # the chart's words were only the unit ("US$ million"): the table's title says what
        if not label:
            raise ValueError(f"chart {spec.get('name')!r}: field {field!r} is shown to readers (tooltip or axis) "
                             "but has no heading for its data table: give it a tooltip title, or "
                             "charts.finish(..., columns={field: 'Label, unit'})")
        labels[field] = label
    return labels


def sources_line(*tables: str) -> str:
    """One "Source: ..." line naming each table's source, for a chart drawn from several tables."""
    return "Source: " + "; ".join(source_line(t).removeprefix("Source: ") for t in tables)


def year_date(years: pd.Series) -> pd.Series:
    """Years as ISO date strings (1 January), for ``:T`` encodings."""
    return years.astype("Int64").astype("string") + "-01-01"


def event_marks(events: pd.DataFrame, *, label_y: float | None = None, labels: bool = True) -> alt.LayerChart:
    """Vertical rules with short labels for dated events (columns: date, label, source_title).

    The full source is in the tooltip; the chapter lists the event with its link.
    ``labels=False`` draws the rules only (for a second panel on the same time axis).
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
    if not labels:
        return alt.layer(rules)
    texts = base.mark_text(align="right", baseline="top", dx=-4, dy=4 if label_y is None else 0, fontSize=11,
                            color="#333333").encode(text="label:N", y=alt.value(0) if label_y is None else alt.datum(label_y))
    return alt.layer(rules, texts)


def pick_events(events: pd.DataFrame, *ids: str) -> pd.DataFrame:
    """The rows of the events table with these ``event_id`` values, in date order, indexed 0, 1, ...

    For chart annotations and event lists; an id that is not in the table raises ``KeyError``.
    """
    missing = [i for i in ids if i not in set(events["event_id"])]
    if missing:
        raise KeyError(f"no such events: {missing}")
    rows = events.set_index("event_id", drop=False).loc[list(ids)]
    return rows.sort_values("date", kind="stable").reset_index(drop=True)


LINE_PX = 14  # vertical distance between two rows of event labels, in pixels


def stagger_levels(dates: Sequence, widths_days: Sequence[float], pad_days: float = 0) -> list[int]:
    """A label row (0, 1, 2, ...) for each date, so that no two labels in one row overlap.

    A label is drawn to the left of its date and covers ``widths_days`` of axis before it.
    Dates must be sorted (earliest first). Each label goes to the lowest row whose last label
    ends (at its date, plus ``pad_days``) before this label starts.
    """
    stamps = [pd.Timestamp(d) for d in dates]
    if stamps != sorted(stamps):
        raise ValueError("dates must be sorted, earliest first")
    if len(widths_days) != len(stamps):
        raise ValueError("one width per date")
    last: list[pd.Timestamp] = []  # date (right end) of the last label placed in each row
    levels = []
    for stamp, width in zip(stamps, widths_days):
        starts_at = stamp - pd.Timedelta(days=float(width))
        for row, previous in enumerate(last):
            if previous + pd.Timedelta(days=pad_days) <= starts_at:
                last[row] = stamp
                levels.append(row)
                break
        else:
            last.append(stamp)
            levels.append(len(last) - 1)
    return levels


def label_width_days(labels: Sequence[str], domain: tuple[str, str], width_px: int = theme.WIDTH,
                     char_px: float = 6.5) -> list[float]:
    """How many days of a time axis spanning ``domain`` (two dates) each label covers, at ``char_px`` per character."""
    days_per_px = (pd.Timestamp(domain[1]) - pd.Timestamp(domain[0])).days / width_px
    return [(len(label) * char_px + 6) * days_per_px for label in labels]


def staggered_event_marks(
    events: pd.DataFrame, *, domain: tuple[str, str], width_px: int = theme.WIDTH, height: int | None = None,
    anchor: str = "top", numbered: bool = False,
) -> alt.LayerChart:
    """Dashed rules at each event's date with its label, labels stacked in rows so that they do not overlap.

    Unlike :func:`event_marks`, events a few weeks apart stay readable on a chart that spans
    decades. ``events`` has the columns date, label and source_title (and optionally source_url,
    which then opens on a click). ``domain`` is the chart's time axis (first and last date) and
    ``width_px`` its width in pixels: labels are placed in pixels from the ``anchor`` edge ("top",
    or "bottom", which needs the chart's ``height``), one row per :data:`LINE_PX`.

    With ``numbered=True`` each rule carries only its number (1, 2, ... in date order) and the
    full label stays in the tooltip (see :func:`numbered_event_marks`).
    """
    if anchor not in ("bottom", "top"):
        raise ValueError("anchor must be 'bottom' or 'top'")
    if anchor == "bottom" and height is None:
        raise ValueError("labels anchored at the bottom need the chart's height")
    data = events.sort_values("date", kind="stable").assign(date=lambda d: pd.to_datetime(d["date"]).dt.strftime("%Y-%m-%d"))
    data = data.assign(mark=[str(i) for i in range(1, len(data) + 1)] if numbered else data["label"])
    levels = stagger_levels(data["date"], label_width_days(data["mark"], domain, width_px))
    offset = [4 + LINE_PX * level for level in levels]
    data = data.assign(label_px=[height - o for o in offset] if anchor == "bottom" else offset)
    keep = ["date", "label", "mark", "source_title", "label_px"] + (["source_url"] if "source_url" in data else [])
    tooltip = [alt.Tooltip("label:N", title="Event"), alt.Tooltip("date:T", title="Date", format="%d %b %Y"),
               alt.Tooltip("source_title:N", title="Source")]
    base = alt.Chart(data[keep]).encode(x=alt.X("date:T", scale=UTC), tooltip=tooltip)
    rules = base.mark_rule(color="#444444", strokeDash=[2, 3], strokeWidth=1)
    text = base.mark_text(align="right", baseline="bottom" if anchor == "bottom" else "top", dx=-4, fontSize=11,
                          fontWeight="bold" if numbered else "normal", color="#333333").encode(
        text="mark:N", y=alt.Y("label_px:Q", scale=None, axis=None))
    if "source_url" in data:
        text = text.encode(href="source_url:N")
    return alt.layer(rules, text)


def numbered_event_marks(
    events: pd.DataFrame, *, domain: tuple[str, str], width_px: int = theme.WIDTH, height: int | None = None,
    anchor: str = "top",
) -> alt.LayerChart:
    """Dashed event rules numbered 1, 2, ... in date order, for rules too close together for written labels.

    The numbers are stacked in rows like :func:`staggered_event_marks` (same arguments); the full
    label, date and source are in the tooltip. Name the numbers in the chart's subtitle with
    :func:`event_key`.
    """
    return staggered_event_marks(events, domain=domain, width_px=width_px, height=height, anchor=anchor, numbered=True)


def event_key(events: pd.DataFrame) -> str:
    """The key to :func:`numbered_event_marks`: "(1) label, Mon YYYY; (2) ..." in date order."""
    data = events.assign(date=lambda d: pd.to_datetime(d["date"])).sort_values("date", kind="stable")
    return "; ".join(f"({i}) {r.label}, {r.date:%b %Y}" for i, r in enumerate(data.itertuples(), start=1))


def notes_end_mark(date, label: str | None = None) -> alt.LayerChart:  # noqa: ANN001 (a date or its text)
    """A grey dashed rule at the end of the research notes, labelled above the plot: what comes after is open.

    ``label`` defaults to "Research notes end (31 Mar 2026); later: open" for the given date.
    """
    stamp = pd.Timestamp(date)
    label = label or f"Research notes end ({stamp:%-d %b %Y}); later: open"
    end = pd.DataFrame({"date": [f"{stamp:%Y-%m-%d}"], "label": [label]})
    base = alt.Chart(end).encode(x=alt.X("date:T", scale=UTC))
    return alt.layer(base.mark_rule(color="#777777", strokeDash=[4, 3]),
                     base.mark_text(align="right", baseline="bottom", dx=-4, y=-2, fontSize=10, color="#555555").encode(
                         text="label:N"))


def complete_years(df: pd.DataFrame, by: list[str], years: range) -> pd.DataFrame:
    """One row per year and group, with no value where the source has none (gaps stay gaps)."""
    groups = df[by].drop_duplicates()
    grid = groups.merge(pd.DataFrame({"year": list(years)}), how="cross")
    return grid.merge(df, on=[*by, "year"], how="left")




def yearly_lines(
    df: pd.DataFrame,
    *,
    value: str,
    value_title: str,
    value_format: str = ",.1f",
    partner: str = "partner",
    extra_tooltip: Sequence[alt.Tooltip] = (),
    events: pd.DataFrame | None = None,
    y_scale: alt.Scale | None = None,
) -> alt.LayerChart:
    """One line per country over years (``year`` column), each in its fixed colour.

    Gaps are kept: years missing for a country break its line (see :func:`complete_years`).
    """
    names = [n for n in colours.COLOURS if n in set(df[partner])]
    years = range(int(df.year.min()), int(df.year.max()) + 1)
    data = complete_years(df, [partner], years).assign(date=lambda d: year_date(d["year"]))
    base = alt.Chart(data).encode(
        x=alt.X("date:T", scale=UTC, title=None, axis=alt.Axis(format="%Y", tickCount=8)),
        y=alt.Y(f"{value}:Q", title=value_title, scale=y_scale or alt.Undefined),
        color=alt.Color(f"{partner}:N", scale=colours.colour_scale(names), title=None),
        tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip(f"{partner}:N", title="Country"),
                 alt.Tooltip(f"{value}:Q", title=value_title, format=value_format), *extra_tooltip],
    )
    layers = [base.mark_line(invalid="break-paths-show-domains"), base.mark_point(size=16, filled=True)]
    if events is not None and not events.empty:
        layers.append(event_marks(events))
    return alt.layer(*layers)


def country_bars(df: pd.DataFrame, *, value: str, value_title: str, country: str = "country", value_format: str = ",.0f",
                 extra_tooltip: Sequence[alt.Tooltip] = ()) -> alt.Chart:
    """One bar per country, in its fixed colour, sorted by value."""
    names = [n for n in colours.COLOURS if n in set(df[country])]
    return alt.Chart(df).mark_bar().encode(
        y=alt.Y(f"{country}:N", sort="-x", title=None),
        x=alt.X(f"{value}:Q", title=value_title),
        color=alt.Color(f"{country}:N", scale=colours.colour_scale(names), legend=None),
        tooltip=[alt.Tooltip(f"{country}:N", title="Country"), alt.Tooltip(f"{value}:Q", title=value_title, format=value_format),
                 *extra_tooltip],
    ).properties(height=alt.Step(26))




def timeline(events: pd.DataFrame, *, row: str = "category", row_title: str = "Kind of event") -> alt.Chart:
    """Dated events as dots on a time axis, one row per ``row`` value, coloured by partner.

    Hover shows our description and the source; clicking a dot opens the source.
    """
    data = events.assign(date=lambda d: pd.to_datetime(d["date"]).dt.strftime("%Y-%m-%d"))[
        ["event_id", "date", "partner", row, "label", "source_title", "source_url", "confidence"]
    ].drop_duplicates()
    partners = [p for p in colours.PARTNER_COLOURS if p in set(data.partner)]
    return alt.Chart(data).mark_point(filled=True, size=90).encode(
        x=alt.X("date:T", scale=UTC, title=None, axis=alt.Axis(format="%Y", tickCount=7)),
        y=alt.Y(f"{row}:N", title=row_title),
        color=alt.Color("partner:N", scale=alt.Scale(domain=partners, range=[colours.PARTNER_COLOURS[p] for p in partners]),
                        title="Partner"),
        shape=alt.Shape("confidence:N", scale=alt.Scale(domain=["high", "medium", "low"], range=["circle", "diamond", "triangle"]),
                        title="Confidence"),
        href="source_url:N",
        tooltip=[alt.Tooltip("date:T", title="Date", format="%d %b %Y"), alt.Tooltip("label:N", title="Event"),
                 alt.Tooltip("partner:N", title="Partner"), alt.Tooltip("source_title:N", title="Source (click to open)"),
                 alt.Tooltip("confidence:N", title="Confidence")],
    ).properties(height=alt.Step(34))


def dot_offsets(events: pd.DataFrame, row: str, width_px: int, *, until=None, dot_px: int = 12) -> pd.DataFrame:  # noqa: ANN001
    """Vertical offsets (px) that keep a timeline's dots of one row apart where their dates would make them overlap.

    Dates closer than one dot's width (``dot_px``) on an axis ``width_px`` wide, running from the
    first event to the last or to ``until`` if later, form a cluster; a cluster's dots are spread
    evenly around the row's line. Columns: event_id, dy.
    """
    dates = pd.to_datetime(events["date"])
    end = dates.max() if until is None else max(dates.max(), pd.Timestamp(until))
    gap = pd.Timedelta(days=dot_px * (end - dates.min()).days / width_px)
    rows = []
    for _, grp in events.assign(date=dates).sort_values("date", kind="stable").groupby(row):
        cluster = (grp["date"].diff() > gap).cumsum()
        size = cluster.map(cluster.value_counts())
        pos = grp.groupby(cluster).cumcount()
        rows.append(pd.DataFrame({"event_id": grp["event_id"], "dy": (pos - (size - 1) / 2) * dot_px}))
    return pd.concat(rows, ignore_index=True)


def staggered_timeline(events: pd.DataFrame, row: str, width_px: int, *, until=None, **kwargs) -> alt.Chart:  # noqa: ANN001
    """:func:`timeline` with dots a few days apart set one above the other (:func:`dot_offsets`) and a
    little room at both ends of the time axis. ``until``: where the axis ends if after the last event
    (e.g. the end of the research notes); ``kwargs`` go to :func:`timeline`.
    """
    offsets = dot_offsets(events, row, width_px, until=until)
    chart = timeline(events, row=row, **kwargs)
    # With an offset channel the row's position is the top of its band: add half a band to centre the dots.
    offsets["dy"] += chart.height.step / 2
    return chart.transform_lookup(
        lookup="event_id", from_=alt.LookupData(offsets, "event_id", ["dy"])).encode(
        yOffset=alt.YOffset("dy:Q", scale=None),
        x=alt.X("date:T", scale=alt.Scale(type="utc", padding=10), title=None, axis=alt.Axis(format="%Y", tickCount=7)))


def presence_band(start, end, label: str, *, country: str) -> alt.Chart:
    """A faint band in the country's colour over the time axis from ``start`` to ``end`` (e.g. a deployment).

    It spans the full height of whatever it is layered with; the label shows on hover.
    """
    if pd.Timestamp(end) < pd.Timestamp(start):
        raise ValueError("the band ends before it starts")
    data = pd.DataFrame({"start": [f"{pd.Timestamp(start):%Y-%m-%d}"], "end": [f"{pd.Timestamp(end):%Y-%m-%d}"],
                         "what": [label]})
    return alt.Chart(data).mark_rect(color=colours.COLOURS[country], opacity=0.1).encode(
        x=alt.X("start:T", scale=UTC), x2="end:T",
        tooltip=[alt.Tooltip("what:N", title="Period"), alt.Tooltip("start:T", title="From", format="%d %b %Y"),
                 alt.Tooltip("end:T", title="To", format="%d %b %Y")],
    )
