"""Countries the book talks about: display name, ISO3 code and one fixed colour each.

The colours are the Okabe–Ito palette (Okabe & Ito 2008), chosen to stay distinct
for the common forms of colour-vision deficiency. Every chart in the book takes a
country's colour from here, so Russia is the same colour in every chapter.
"""

from __future__ import annotations

import altair as alt

#: ISO3 code -> short display name used in every table and chart.
NAMES: dict[str, str] = {
    "AZE": "Azerbaijan",
    "RUS": "Russia",
    "TUR": "Turkey",
    "IRN": "Iran",
    "ARM": "Armenia",
    "GEO": "Georgia",
    "ISR": "Israel",
    "WLD": "World",
}

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

ISO3: dict[str, str] = {name: code for code, name in NAMES.items()}


def name(iso3: str) -> str:
    """Display name of an ISO3 code (``KeyError`` for a code the book does not use)."""
    return NAMES[iso3]


def colour_scale(countries: list[str] | None = None, **kwargs) -> alt.Scale:
    """An Altair colour scale that gives each country its fixed colour.

    ``countries`` restricts (and orders) the legend; by default all of them.
    """
    domain = list(countries) if countries is not None else list(COLOURS)
    unknown = [c for c in domain if c not in COLOURS]
    if unknown:
        raise KeyError(f"no colour is set for {unknown}; add them to azbook.countries.COLOURS")
    return alt.Scale(domain=domain, range=[COLOURS[c] for c in domain], **kwargs)
