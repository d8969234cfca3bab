from __future__ import annotations

import pytest

from azbook import countries


def test_every_country_has_one_distinct_colour():
    assert set(countries.COLOURS) == set(countries.NAMES.values())
    assert len(set(countries.COLOURS.values())) == len(countries.COLOURS)


def test_colour_scale_keeps_each_country_colour_whatever_the_subset():
    scale = countries.colour_scale(["Iran", "Russia"]).to_dict()
    assert scale["domain"] == ["Iran", "Russia"]
    assert scale["range"] == [countries.COLOURS["Iran"], countries.COLOURS["Russia"]]


def test_unknown_country_has_no_colour():
    with pytest.raises(KeyError, match="no colour is set"):
        countries.colour_scale(["Narnia"])
