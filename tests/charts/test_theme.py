from __future__ import annotations

import altair as alt

from azbook.charts import colours, theme


def test_theme_is_registered_once_and_enabled():
    theme.enable()
    theme.enable()
    assert alt.theme.active == theme.THEME_NAME
    config = alt.Chart().mark_point().to_dict()["config"]
    assert config["range"]["category"] == list(colours.COLOURS.values())
    assert config["view"]["continuousWidth"] == theme.WIDTH
