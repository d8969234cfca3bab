"""Countries the book talks about: display name and ISO3 code.

Data only: the fixed colour each country has in every chart lives in
:mod:`azbook.charts.colours`, so the data layer never needs Altair.
"""

from __future__ import annotations

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

ISO3: dict[str, str] = {name: code for code, name in NAMES.items()}


def name(iso3: str) -> str:
    """Display name of an ISO3 code (``KeyError`` for a code the book does not use)."""
    return NAMES[iso3]
