"""Country names and codes (azbook.data.countries)."""

from __future__ import annotations

import pytest

from azbook.data import countries


def test_names_and_codes_are_inverse():
    assert {countries.ISO3[name]: name for name in countries.NAMES.values()} == countries.NAMES
    assert countries.name("RUS") == "Russia"


def test_unknown_code_has_no_name():
    with pytest.raises(KeyError):
        countries.name("XXX")


def test_the_data_layer_needs_no_plotting_library():
    assert not hasattr(countries, "colour_scale") and not hasattr(countries, "alt")
