"""Each country's fixed colour (azbook.charts.colours)."""

from __future__ import annotations

import pytest

from azbook.charts import colours
from azbook.data import countries


def test_every_country_has_one_distinct_colour():
    assert set(colours.COLOURS) == set(countries.NAMES.values())
    assert len(set(colours.COLOURS.values())) == len(colours.COLOURS)


def test_colour_scale_keeps_each_country_colour_whatever_the_subset():
    scale = colours.colour_scale(["Iran", "Russia"]).to_dict()
    assert scale["domain"] == ["Iran", "Russia"]
    assert scale["range"] == [colours.COLOURS["Iran"], colours.COLOURS["Russia"]]


def test_unknown_country_has_no_colour():
    with pytest.raises(KeyError, match="no colour is set"):
        colours.colour_scale(["Narnia"])


def test_neutral_colour_is_no_country_colour():
    assert colours.NEUTRAL not in colours.COLOURS.values()
