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


def test_chart_shows_the_bundle_altair_would_show(no_display, tmp_path, monkeypatch):
    import altair as alt
    import pandas as pd

    from azbook.book import render

    monkeypatch.setattr(render, "PNG_CACHE", tmp_path / "cache")
    c = alt.Chart(pd.DataFrame({"x": [1, 2], "y": [3, 4]})).mark_line().encode(x="x:Q", y="y:Q").properties(title="T")
    glue.chart("fig", c)
    (key, shown, display), = no_display
    assert key == "fig" and display
    bundle, metadata = shown._repr_mimebundle_()
    assert metadata == render.output_metadata(bundle[render.MIME_VEGALITE])  # the PNG's cache key
    assert bundle[render.MIME_VEGALITE] == c.to_dict(context={"pre_transform": False})  # validated here, the same
    assert set(bundle) == {render.MIME_VEGALITE, "image/png", "text/plain"}


def test_the_schema_check_the_tests_make_rejects_a_broken_chart():
    import jsonschema
    from altair.vegalite.v6.schema import core

    broken = {"data": {"values": []}, "mark": "lines", "encoding": {"x": {"field": "x", "type": "quantitative"}}}
    assert list(jsonschema.Draft7Validator(core.load_schema()).iter_errors(broken))
