"""The contrast and colour-vision checks (azbook.charts.contrast), each shown to pass and to fail."""

from __future__ import annotations

import altair as alt
import pytest

from azbook.charts import contrast

WHITE = "#FFFFFF"


# --- the contrast function ----------------------------------------------------------------------

@pytest.mark.parametrize(("a", "b", "ratio"), [
    ("#000000", "#FFFFFF", 21.0), ("#FFFFFF", "#FFFFFF", 1.0), ("white", "#000", 21.0),
    # #767676 is the lightest grey with 4.5:1 on white; #777777 just misses it.
    ("#767676", "#FFFFFF", 4.54), ("#777777", "#FFFFFF", 4.48), ("#E69F00", "#FFFFFF", 2.25),
])
def test_contrast_ratio_is_wcag_2_1(a, b, ratio):
    assert contrast.contrast_ratio(a, b) == pytest.approx(ratio, abs=0.005)
    assert contrast.contrast_ratio(b, a) == contrast.contrast_ratio(a, b)


def test_a_colour_below_its_contrast_is_rejected_with_its_name_and_ratio():
    with pytest.raises(contrast.ContrastError, match=r"Turkey #E69F00 has contrast 2\.25:1 against #FFFFFF, below the 3:1"):
        contrast.require_contrast("#E69F00", WHITE, 3, what="Turkey")
    with pytest.raises(contrast.ContrastError, match=r"#777777 has contrast 4\.48:1 .* below the 4\.5:1"):
        contrast.require_contrast("#777777", WHITE, 4.5)
    assert contrast.require_contrast("#767676", WHITE, 4.5) == pytest.approx(4.54, abs=0.005)


def test_blend_is_the_colour_a_translucent_mark_shows():
    assert contrast.blend("#000000", 0.5, "#FFFFFF") == "#808080"
    assert contrast.blend("#123456", 1, "#FFFFFF") == "#123456"


# --- colour-vision deficiency -------------------------------------------------------------------

def test_simulation_keeps_greys_and_merges_red_and_green_for_a_deuteranope():
    for vision in contrast.VISIONS:
        grey = contrast.linear_rgb("#808080")
        assert contrast.simulate(grey, vision) == pytest.approx(grey, abs=2e-3)
    assert contrast.distance("#FF0000", "#00FF00", "deuteranopia") < contrast.distance("#FF0000", "#00FF00") / 2
    assert contrast.distance("#0000FF", "#00FF00", "tritanopia") < contrast.distance("#0000FF", "#00FF00")


# --- the colours a spec draws with --------------------------------------------------------------

def test_spec_colours_finds_marks_scales_and_text_and_leaves_out_the_decorative():
    band = alt.Chart().mark_rect(color="#E69F00", opacity=0.1)
    halo = alt.Chart().mark_text(stroke="white", color="white")
    text = alt.Chart().mark_text(color="#777777")
    faint = alt.Chart().mark_line(color="#000000", opacity=0.3)
    bars = alt.Chart().mark_bar().encode(color=alt.Color("c:N", scale=alt.Scale(domain=["a", "b"], range=["#E69F00", "#000000"])))
    spec = alt.layer(band, halo, text, faint, bars).to_dict()
    found = {(where, colour, shown, minimum) for where, colour, shown, minimum in contrast.spec_colours(spec)
             if not where.startswith("/config")}
    assert found == {("/layer/2/mark/color", "#777777", "#777777", 4.5),
                     ("/layer/3/mark/color", "#000000", "#B2B2B2", 3.0),
                     ("/layer/4/encoding/color/scale/range/0", "#E69F00", "#E69F00", 3.0),
                     ("/layer/4/encoding/color/scale/range/1", "#000000", "#000000", 3.0)}


def test_text_inherits_its_layer_colour_encoding():
    base = alt.Chart().encode(color=alt.value("#E69F00"))
    spec = alt.layer(base.mark_text()).encode(color=alt.value("#999999")).to_dict()
    shown = {(w, c, m) for w, c, _, m in contrast.spec_colours(spec) if not w.startswith("/config")}
    assert ("/layer/0/encoding/color/value", "#E69F00", 4.5) in shown


def test_closest_pair_names_the_two_colours_and_the_vision():
    dist, a, b, vision = contrast.closest_pair({"red": "#FF0000", "green": "#00FF00", "black": "#000000"})
    assert (a, b, vision) == ("red", "green", "deuteranopia") or (a, b, vision) == ("red", "green", "protanopia")
    assert dist == pytest.approx(contrast.distance("#FF0000", "#00FF00", vision))


def test_a_colour_that_is_not_hex_is_refused():
    with pytest.raises(ValueError, match="not a hex colour"):
        contrast.hex_rgb("#12345")
