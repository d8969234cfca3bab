"""One fixed colour per country, the same in every chapter, and the book's other chart colours.

Every chart in the book takes a country's colour from here, so Russia is the same colour in
every chapter. Each country keeps the hue of the Okabe–Ito palette (Okabe & Ito 2008) the book
used first (Russia vermillion, Turkey orange, Iran green, Azerbaijan blue, Armenia reddish
purple, Georgia sky blue, Israel black, the World grey), made dark enough to be seen on the
chart (WCAG 2.1, success criterion 1.4.11: at least 3:1 against the chart's background; several
Okabe–Ito colours, such as its orange and sky blue, are near 2:1 on white) and picked so that
every two of them, and the neutral grey, stay apart under protanopia, deuteranopia and
tritanopia as well as in normal vision (:mod:`azbook.charts.contrast`). ``tests/charts/test_colours.py``
checks all of it, and every literal colour of the stored charts.

The background is :data:`BACKGROUND`: Vega draws each chart on its own white card (the SVG's
``background-color: white``), in the book's dark mode too, so one background serves both modes.
"""

from __future__ import annotations

import altair as alt

#: What every chart is drawn on, in light and dark mode alike (Vega's default chart background).
BACKGROUND = "#FFFFFF"
#: WCAG 2.1: marks that carry meaning need 3:1 against the background (1.4.11), text 4.5:1 (1.4.3).
MARK_CONTRAST = 3.0
TEXT_CONTRAST = 4.5
#: The least CIELAB distance (ΔE*ab) between any two country colours (and the neutral grey), in
#: normal vision and under each simulated deficiency. Two colours about 2.3 apart are just
#: told apart as large side-by-side patches; thin lines and small dots need several times that,
#: so 15 is asked for. (The Okabe–Ito palette, the usual colour-blind-safe choice, has a worst
#: pair near 7: its reddish purple and grey under deuteranopia.)
MIN_DISTANCE = 15.0

#: Display name -> colour, each in its Okabe–Ito hue family ("World" is the grey of the aggregate).
COLOURS: dict[str, str] = {
    "Russia": "#9F300D",  # vermillion
    "Turkey": "#B98118",  # orange
    "Iran": "#01834A",  # bluish green
    "Azerbaijan": "#035090",  # blue
    "Armenia": "#922E60",  # reddish purple
    "Georgia": "#0397DE",  # sky blue
    "Israel": "#000000",  # black
    "World": "#909090",  # grey
}

#: Chart text drawn by the book (value labels, notes): 12.6:1 on the background.
TEXT = "#333333"
#: A supplier or partner the book has no country colour for (e.g. India) gets this dark grey.
NEUTRAL = "#303030"
#: The rest: "Other suppliers", destinations that are no country of the book, the smaller side of a
#: gap. The World's grey, which never shares a chart with them.
OTHER = COLOURS["World"]
#: Partners as the event tables name them: the countries, plus "multiple" (an event of several at once).
PARTNER_COLOURS: dict[str, str] = {**COLOURS, "multiple": NEUTRAL}


def colour_scale(countries: list[str] | None = None, **kwargs) -> alt.Scale:
    """An Altair colour scale that gives each country its fixed colour.

    ``countries`` restricts (and orders) the legend; by default all of them.
    """
    domain = list(countries) if countries is not None else list(COLOURS)
    unknown = [c for c in domain if c not in COLOURS]
    if unknown:
        raise KeyError(f"no colour is set for {unknown}; add them to azbook.charts.colours.COLOURS")
    return alt.Scale(domain=domain, range=[COLOURS[c] for c in domain], **kwargs)
