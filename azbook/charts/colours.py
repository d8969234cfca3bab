"""One fixed colour per country, the same in every chapter.

The colours are the Okabe–Ito palette (Okabe & Ito 2008), chosen to stay distinct
for the common forms of colour-vision deficiency. Every chart in the book takes a
country's colour from here, so Russia is the same colour in every chapter.
"""

from __future__ import annotations

import altair as alt

#: Display name -> colour (Okabe–Ito; "World" is the neutral grey of the aggregate).
COLOURS: dict[str, str] = {
    "Russia": "#D55E00",  # vermillion
    "Turkey": "#E69F00",  # orange
    "Iran": "#009E73",  # bluish green
    "Azerbaijan": "#0072B2",  # blue
    "Armenia": "#CC79A7",  # reddish purple
    "Georgia": "#56B4E9",  # sky blue
    "Israel": "#000000",  # black
    "World": "#999999",  # grey
}

#: Partners as the event tables name them: the countries, plus "multiple" (an event of several at once).
PARTNER_COLOURS: dict[str, str] = {**COLOURS, "multiple": "#777777"}

#: A supplier or partner the book has no country colour for (e.g. India) gets this dark grey.
NEUTRAL = "#777777"


def colour_scale(countries: list[str] | None = None, **kwargs) -> alt.Scale:
    """An Altair colour scale that gives each country its fixed colour.

    ``countries`` restricts (and orders) the legend; by default all of them.
    """
    domain = list(countries) if countries is not None else list(COLOURS)
    unknown = [c for c in domain if c not in COLOURS]
    if unknown:
        raise KeyError(f"no colour is set for {unknown}; add them to azbook.charts.colours.COLOURS")
    return alt.Scale(domain=domain, range=[COLOURS[c] for c in domain], **kwargs)
