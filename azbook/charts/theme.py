"""The book's one Altair theme, registered once and enabled by :func:`azbook.setup`."""

from __future__ import annotations

import altair as alt

from azbook.charts.colours import COLOURS

THEME_NAME = "azbook"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
WIDTH = 540  # fits the book's text column (about 670 px) with axis labels
HEIGHT = 300


def config() -> alt.theme.ThemeConfig:
    """The theme as a Vega-Lite config dictionary."""
    return {
        "config": {
            "font": FONT,
            "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
            "title": {"anchor": "start", "fontSize": 15, "subtitleFontSize": 12, "subtitleColor": "#555555", "offset": 10},
            "axis": {"labelFontSize": 11, "titleFontSize": 12, "gridColor": "#e6e6e6", "domainColor": "#888888"},
            "legend": {"labelFontSize": 11, "titleFontSize": 12, "orient": "top", "labelLimit": 0},
            "range": {"category": list(COLOURS.values())},
            "line": {"strokeWidth": 2},
            "point": {"filled": True, "size": 30},
        }
    }


def enable() -> None:
    """Register (once) and enable the theme."""
    if THEME_NAME not in alt.theme.names():
        alt.theme.register(THEME_NAME, enable=False)(config)
    alt.theme.enable(THEME_NAME)
