from __future__ import annotations

import base64
import json

import altair as alt
import pandas as pd
import pytest

from azbook.book import render


def chart():
    data = pd.DataFrame({"x": [1, 2, 3], "y": [3.5, 1.25, 2.0]})
    return alt.Chart(data).mark_line().encode(x="x:Q", y="y:Q").properties(title="A finding", description="What it shows")


def test_bundle_has_spec_png_and_text_alternative():
    bundle = render.mimebundle(chart().to_dict())
    assert set(bundle) == {render.MIME_VEGALITE, "image/png", "text/plain"}
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")
    assert bundle["text/plain"] == "Chart: A finding — What it shows"


def test_bundle_is_deterministic_and_carries_the_data():
    a, b = render.mimebundle(chart().to_dict()), render.mimebundle(chart().to_dict())
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
    values = next(iter(a[render.MIME_VEGALITE]["datasets"].values()))
    assert values[1] == {"x": 2, "y": 1.25}


def test_bundle_has_no_cdn_or_random_id():
    text = json.dumps(render.mimebundle(chart().to_dict())[render.MIME_VEGALITE])
    assert "jsdelivr" not in text and "altair-viz-" not in text


def test_enable_makes_it_the_active_renderer():
    render.enable()
    assert alt.renderers.active == render.NAME
    out = chart()._repr_mimebundle_()
    bundle = out[0] if isinstance(out, tuple) else out
    assert render.MIME_VEGALITE in bundle


def test_title_text_handles_vega_lite_title_forms():
    assert render.title_text({"title": {"text": ["two", "lines"]}}) == "two lines"
    assert render.title_text({}) == ""


def test_png_cache_gives_the_same_bytes(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "PNG_CACHE", tmp_path / "cache")
    spec = chart().to_dict()
    first = render.png_base64(spec)
    assert len(list((tmp_path / "cache").glob("*.png"))) == 1
    assert render.png_base64(spec) == first


def test_fallback_png_is_a_small_palette_image(tmp_path, monkeypatch):
    import base64
    import io

    import vl_convert as vlc
    from PIL import Image

    monkeypatch.setattr(render, "PNG_CACHE", tmp_path / "cache")
    spec = chart().to_dict()
    png = base64.b64decode(render.png_base64(spec))
    image = Image.open(io.BytesIO(png))
    assert image.mode == "P" and len(image.getcolors()) <= render.PNG_COLOURS
    full = vlc.vegalite_to_png(spec, scale=render.PNG_SCALE)
    assert image.size == Image.open(io.BytesIO(full)).size, "same picture size as the full-colour rendering"
    assert len(png) < len(full)


def test_palette_png_is_deterministic():
    import vl_convert as vlc

    full = vlc.vegalite_to_png(chart().to_dict())
    assert render.palette_png(full) == render.palette_png(full)


def test_seed_cache_reuses_a_stored_png_and_skips_outputs_without_a_key(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "PNG_CACHE", tmp_path / "cache")
    spec = chart().to_dict()
    key = render.output_metadata(spec)["azbook"]["png_cache_key"]
    stored = base64.b64encode(b"\x89PNG stored image").decode("ascii")
    nb = {"cells": [
        {"cell_type": "code", "outputs": [
            {"output_type": "display_data", "data": {"image/png": stored}, "metadata": render.output_metadata(spec)},
            {"output_type": "display_data", "data": {"image/png": stored}, "metadata": {}},
        ]},
        {"cell_type": "markdown"},
    ]}
    assert render.seed_cache(nb) == 1
    assert render.seed_cache(nb) == 0  # already cached
    assert render.png_base64(spec) == stored  # no new rendering: the stored image is reused
    assert list((tmp_path / "cache").iterdir()) == [tmp_path / "cache" / f"{key}.png"]


def test_cache_key_changes_with_the_spec_and_the_palette(monkeypatch):
    spec = chart().to_dict()
    other = chart().properties(title="Another finding").to_dict()
    assert render.png_key(spec) != render.png_key(other)
    before = render.png_key(spec)
    monkeypatch.setattr(render, "PNG_COLOURS", 0)
    assert render.png_key(spec) != before


def test_a_chart_whose_table_would_show_a_raw_field_name_is_refused_as_the_notebook_shows_it():
    """The heading check of charts.finish runs in the renderer (finish no longer serialises the chart)."""
    from azbook import charts

    data = pd.DataFrame({"year": [2020], "gap_usd_millions": [1.0]})
    chart = alt.Chart(data).mark_point().encode(x="year:O", y=alt.Y("gap_usd_millions:Q", title="Gap"),
                                                tooltip=["gap_usd_millions:Q", alt.Tooltip("year:O")])
    unlabelled = charts.finish(chart.encode(y=alt.Y("gap_usd_millions:Q")), name="x", title="T",
                               source="Source: S", description="D")
    with pytest.raises(ValueError, match=r"chart 'x': field '(gap_usd_millions|year)'.*no heading"):
        render.mimebundle(unlabelled.to_dict())
    labelled = charts.finish(chart, name="x", title="T", source="Source: S", description="D",
                             columns={"year": "Year"})
    assert render.column_headings(labelled.to_dict()) == {"gap_usd_millions": "Gap", "year": "Year"}
