"""The Vega compile cache (azbook.book.vega) and the helper that fills it ahead of a build."""

from __future__ import annotations

import json

import pytest

from azbook.book import narrow, vega

SPEC = {"$schema": "https://vega.github.io/schema/vega-lite/v6.json", "name": "t", "mark": "bar",
        "data": {"values": [{"a": "x", "b": 1}]},
        "encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "b", "type": "quantitative"}}}


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "vega-cache"
    monkeypatch.setattr(vega, "VEGA_CACHE", folder)
    return folder


def notebook(tmp_path, *outputs):
    cells = [{"cell_type": "code", "source": "", "metadata": {}, "execution_count": 1,
              "outputs": [{"output_type": "display_data", "metadata": {}, "data": d} for d in outputs]}]
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    return path


def test_a_compiled_spec_is_cached_and_read_back(cache):
    compiled = vega.vega_spec(SPEC)
    assert compiled["$schema"].startswith("https://vega.github.io/schema/vega/")
    assert vega.cache_path(SPEC).exists() and vega.cache_path(SPEC).parent == cache
    assert vega.vega_spec(SPEC) == compiled
    assert vega.cache_path({**SPEC, "mark": "point"}) != vega.cache_path(SPEC)


def test_warm_compiles_both_layouts_of_every_stored_chart_once(cache, tmp_path):
    path = notebook(tmp_path, {vega.MIME_VEGALITE: SPEC, "text/plain": "t"}, {"text/plain": "not a chart"})
    assert list(vega.chart_specs(path)) == [SPEC]
    assert vega.warm([path]) == 2
    assert vega.cache_path(SPEC).exists() and vega.cache_path(narrow.narrow_spec(SPEC)).exists()
    assert vega.warm([path]) == 0  # already there


def test_warm_skips_what_fails_and_leaves_it_to_the_build(cache, tmp_path):
    broken = {**SPEC, "mark": {"type": "no-such-mark"}}
    path = notebook(tmp_path, {vega.MIME_VEGALITE: broken}, {vega.MIME_VEGALITE: SPEC})
    assert vega.warm([path, tmp_path / "missing.ipynb"]) == 2
    with pytest.raises(Exception):  # the build, compiling it itself, reports it
        vega.vega_spec(broken)
