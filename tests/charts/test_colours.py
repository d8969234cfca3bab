"""Each country's fixed colour (azbook.charts.colours), and that the charts' colours can be seen
(azbook.charts.contrast): 3:1 for marks and 4.5:1 for text against the chart's background, and
country colours apart under colour-vision deficiency. Each check is also shown to fail."""

from __future__ import annotations

import altair as alt
import nbformat
import pytest

from azbook.charts import argument, colours, contrast, gas, maps, theme
from azbook.data import countries
from azbook.paths import ROOT

WHITE = colours.BACKGROUND
#: The palette the book used before (Okabe & Ito 2008), kept here as the known-bad example.
OKABE_ITO = {"Russia": "#D55E00", "Turkey": "#E69F00", "Iran": "#009E73", "Azerbaijan": "#0072B2",
             "Armenia": "#CC79A7", "Georgia": "#56B4E9", "Israel": "#000000", "World": "#999999"}
NOTEBOOKS = [ROOT / "intro.ipynb", *sorted((ROOT / "chapters").glob("*.ipynb"))]


def stored_specs():
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            for out in cell.get("outputs", []):
                for mime, spec in out.get("data", {}).items():
                    if mime.startswith("application/vnd.vegalite"):
                        yield path.name, spec


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


# --- the contrast function ----------------------------------------------------------------------

@pytest.mark.parametrize(("a", "b", "ratio"), [
    ("#000000", "#FFFFFF", 21.0), ("#FFFFFF", "#FFFFFF", 1.0), ("white", "#000", 21.0),
    # WCAG's own example values: #767676 is the lightest grey with 4.5:1 on white, #777777 just misses it.
    ("#767676", "#FFFFFF", 4.54), ("#777777", "#FFFFFF", 4.48), ("#E69F00", "#FFFFFF", 2.25),
])
def test_contrast_ratio_is_wcag_2_1(a, b, ratio):
    assert contrast.contrast_ratio(a, b) == pytest.approx(ratio, abs=0.005)
    assert contrast.contrast_ratio(b, a) == contrast.contrast_ratio(a, b)


def test_a_colour_below_its_contrast_is_rejected_with_its_name_and_ratio():
    with pytest.raises(contrast.ContrastError, match=r"Turkey #E69F00 has contrast 2\.25:1 against #FFFFFF, below the 3:1"):
        contrast.require_contrast("#E69F00", WHITE, colours.MARK_CONTRAST, what="Turkey")
    with pytest.raises(contrast.ContrastError, match=r"#777777 has contrast 4\.48:1 .* below the 4\.5:1"):
        contrast.require_contrast("#777777", WHITE, colours.TEXT_CONTRAST)
    assert contrast.require_contrast("#767676", WHITE, colours.TEXT_CONTRAST) == pytest.approx(4.54, abs=0.005)


def test_blend_is_the_colour_a_translucent_mark_shows():
    assert contrast.blend("#000000", 0.5, "#FFFFFF") == "#808080"
    assert contrast.blend("#123456", 1, "#FFFFFF") == "#123456"


# --- the palette --------------------------------------------------------------------------------

MARK_COLOURS = {
    **{f"country {n}": c for n, c in colours.PARTNER_COLOURS.items()},
    "neutral (a supplier without a country colour)": colours.NEUTRAL,
    "the rest (other suppliers, destinations)": colours.OTHER,
    **{f"verdict {v}": c for v, c in argument.VERDICT_COLOURS.items()},
    "gas flow lines": gas.FLOW_COLOUR, "map routes": maps.ROUTE_COLOUR, "map border": maps.BORDER_COLOUR,
    "axis line": theme.config()["config"]["axis"]["domainColor"],
}


@pytest.mark.parametrize("what", MARK_COLOURS)
def test_every_mark_colour_has_3_to_1_against_the_chart(what):
    contrast.require_contrast(MARK_COLOURS[what], WHITE, colours.MARK_CONTRAST, what=what)


@pytest.mark.parametrize(("what", "colour", "background"), [
    ("chart text", colours.TEXT, WHITE),
    ("subtitle", theme.config()["config"]["title"]["subtitleColor"], WHITE),
    ("a sea's name on the sea", maps.WATER_LABEL, maps.WATER),
])
def test_every_text_colour_has_4_5_to_1(what, colour, background):
    contrast.require_contrast(colour, background, colours.TEXT_CONTRAST, what=what)


def test_the_old_palette_fails_the_contrast_check():
    failing = {n for n, c in OKABE_ITO.items() if contrast.contrast_ratio(c, WHITE) < colours.MARK_CONTRAST}
    assert failing == {"Turkey", "Georgia", "World"}


# --- colour-vision deficiency -------------------------------------------------------------------

def test_simulation_keeps_greys_and_merges_red_and_green_for_a_deuteranope():
    for vision in contrast.VISIONS:
        grey = contrast.linear_rgb("#808080")
        assert contrast.simulate(grey, vision) == pytest.approx(grey, abs=2e-3)
    assert contrast.distance("#FF0000", "#00FF00", "deuteranopia") < contrast.distance("#FF0000", "#00FF00") / 2
    assert contrast.distance("#0000FF", "#00FF00", "tritanopia") < contrast.distance("#0000FF", "#00FF00")


def test_country_colours_stay_apart_in_every_vision():
    """Every pair, not only the pairs that share a chart today: a chapter may put any two together."""
    dist, a, b, vision = contrast.closest_pair({**colours.COLOURS, "neutral": colours.NEUTRAL})
    assert dist >= colours.MIN_DISTANCE, f"{a} and {b} are only ΔE {dist:.1f} apart under {vision}"


def test_the_distinctness_check_can_fail():
    dist, a, b, vision = contrast.closest_pair(OKABE_ITO)
    assert dist < colours.MIN_DISTANCE
    assert (a, b, vision) == ("Armenia", "World", "deuteranopia")


# --- the colours the stored charts draw with ----------------------------------------------------

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


def low_contrast(spec) -> list[str]:
    return [f"{where}: {colour} shows as {shown}, {contrast.contrast_ratio(shown, WHITE):.2f}:1 (needs {minimum:g}:1)"
            for where, colour, shown, minimum in contrast.spec_colours(spec, WHITE)
            if contrast.contrast_ratio(shown, WHITE) < minimum]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_stored_chart_colour_meets_its_contrast(path):
    charts = [(name, spec) for name, spec in stored_specs() if name == path.name]
    assert charts, f"{path.name} has no chart"
    problems = [f"{spec.get('name')} {p}" for _, spec in charts for p in low_contrast(spec)]
    assert not problems, f"{path.name}: colours below their contrast:\n" + "\n".join(problems[:20])


def test_the_stored_chart_check_can_fail():
    spec = alt.Chart().mark_bar(color="#E69F00").properties(name="planted").to_dict()
    assert low_contrast(spec) == ["/mark/color: #E69F00 shows as #E69F00, 2.25:1 (needs 3:1)"]


def test_every_stored_chart_draws_a_country_in_its_own_colour():
    wrong = []
    for name, spec in stored_specs():
        stack = [spec]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                scale = node.get("scale") if isinstance(node.get("scale"), dict) else {}
                if isinstance(scale.get("domain"), list) and isinstance(scale.get("range"), list):
                    for country, colour in zip(scale["domain"], scale["range"]):
                        if country in colours.PARTNER_COLOURS and colour != colours.PARTNER_COLOURS[country]:
                            wrong.append(f"{name} {spec.get('name')}: {country} in {colour}")
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
    assert not wrong, "\n".join(wrong[:20])
