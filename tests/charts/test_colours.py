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

def test_country_colours_stay_apart_in_every_vision():
    """Every pair, not only the pairs that share a chart today: a chapter may put any two together."""
    dist, a, b, vision = contrast.closest_pair({**colours.COLOURS, "neutral": colours.NEUTRAL})
    assert dist >= colours.MIN_DISTANCE, f"{a} and {b} are only ΔE {dist:.1f} apart under {vision}"


def test_the_distinctness_check_can_fail():
    dist, a, b, vision = contrast.closest_pair(OKABE_ITO)
    assert dist < colours.MIN_DISTANCE
    assert (a, b, vision) == ("Armenia", "World", "deuteranopia")


# --- the colours the stored charts draw with ----------------------------------------------------

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
