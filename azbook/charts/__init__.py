"""The charts room: how the book draws its data.

- :mod:`~azbook.charts.theme`    the one Altair theme, registered once
- :mod:`~azbook.charts.colours`  one fixed, colour-blind-safe colour per country
- :mod:`~azbook.charts.contrast` WCAG contrast and colour-vision checks of the chart colours
- :mod:`~azbook.charts.shapes`   recurring shapes (:func:`finish`, event marks, timelines, yearly
                                 lines, bars), re-exported here: ``charts.finish(...)``
- one module per topic, reached as ``charts.<topic>`` (imported here): :mod:`~azbook.charts.arms` (SIPRI supplier shares),
  :mod:`~azbook.charts.votes` (UN ideal points), :mod:`~azbook.charts.trade` (turnover and mirror
  trade), :mod:`~azbook.charts.gas` (pipeline gas), :mod:`~azbook.charts.maps` (the region map and
  routes), :mod:`~azbook.charts.argument` (the article's claims against the data, for the
  synthesis chapters)

Who may import it: the notebooks and :mod:`azbook.book`. It imports :mod:`azbook.data`, never
:mod:`azbook.book`.
"""

from azbook.charts.shapes import (
    LINE_PX,
    UTC,
    complete_years,
    country_bars,
    dot_offsets,
    event_key,
    event_marks,
    finish,
    label_width_days,
    notes_end_mark,
    numbered_event_marks,
    pick_events,
    presence_band,
    sources_line,
    stagger_levels,
    staggered_event_marks,
    staggered_timeline,
    timeline,
    wrap_lines,
    year_date,
    yearly_lines,
)

__all__ = [
    "argument", "arms", "gas", "maps", "trade", "votes",
    "LINE_PX", "UTC", "complete_years", "country_bars", "dot_offsets", "event_key", "event_marks", "finish",
    "label_width_days", "notes_end_mark", "numbered_event_marks", "pick_events", "presence_band", "sources_line",
    "stagger_levels", "staggered_event_marks", "staggered_timeline", "timeline", "wrap_lines", "year_date",
    "yearly_lines",
]

# The topic modules, so that a chapter needs only ``from azbook import charts`` (``charts.arms``, ...).
from azbook.charts import argument, arms, gas, maps, trade, votes  # noqa: E402  (after the shapes they use)
