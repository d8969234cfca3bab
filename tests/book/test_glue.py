from __future__ import annotations

import math

import numpy as np
import pytest

from azbook.book import glue


@pytest.fixture(autouse=True)
def no_display(monkeypatch):
    shown = []
    monkeypatch.setattr(glue, "_glue", lambda key, value, display: shown.append((key, value, display)))
    return shown


def test_number_glues_formatted_text(no_display):
    assert glue.number("k", np.float64(1962.2889), ",.0f") == "1,962"
    assert no_display == [("k", "1,962", False)]


def test_percent_count_year():
    assert glue.percent("p", 4.26, 1) == "4.3%"
    assert glue.count("c", np.int64(24)) == "24"
    assert glue.year("y", 2020.0) == "2020"


@pytest.mark.parametrize("missing", [None, math.nan, float("nan")])
def test_missing_value_is_refused(missing):
    with pytest.raises(ValueError, match="missing"):
        glue.number("k", missing)
