"""The phone layout: narrower views, stacked panels, legends below, shorter lines; sent as a patch."""

from __future__ import annotations

import copy

from azbook.book import narrow


def spec(**extra):
    return {
        "title": {"text": ["A finding that is stated in a title rather longer than a phone column allows"],
                  "subtitle": ["Source: a publisher, a dataset"]},
        "hconcat": [
            {"mark": "line", "width": 540, "encoding": {"x": {"field": "d", "axis": {"tickCount": 8}},
                                                     "color": {"field": "c", "legend": {"orient": "top"}}}},
            {"mark": "geoshape", "width": 400, "height": 300, "projection": {"type": "mercator"}},
        ],
        "datasets": {"d1": [{"d": "2020-01-01", "c": "Russia"}]},
        **extra,
    }


def test_rewrap_joins_lines_that_do_not_end_a_sentence_then_wraps():
    assert narrow.rewrap(["one two", "three. four"], 40) == ["one two three. four"]
    assert narrow.rewrap(["Ends here.", "Next"], 40) == ["Ends here.", "Next"]
    assert all(len(line) <= 12 for line in narrow.rewrap("a fairly long line of words", 12))


def test_narrow_spec_stacks_panels_caps_widths_and_moves_legends_below():
    original = spec()
    kept = copy.deepcopy(original)
    out = narrow.narrow_spec(original)
    assert original == kept, "the desktop spec is left as it is"
    assert "hconcat" not in out and len(out["vconcat"]) == 2
    line, geo = out["vconcat"]
    assert line["width"] == narrow.PLOT_PX and line["encoding"]["x"]["axis"]["tickCount"] == narrow.TICKS
    assert line["encoding"]["color"]["legend"]["orient"] == "bottom"
    assert geo["width"] == narrow.PLOT_PX and geo["height"] == round(300 * narrow.PLOT_PX / 400), "a map keeps its shape"
    assert all(len(t) <= narrow.TITLE_CHARS for t in out["title"]["text"])
    assert out["datasets"] is original["datasets"], "the data are shared, not copied"


def test_a_patch_turns_the_desktop_spec_into_the_narrow_one():
    old = {"a": 1, "b": [1, 2, {"c": 3}], "gone": True, "same": {"x": 1}}
    new = {"a": 2, "b": [1, 2, {"c": 4}], "same": {"x": 1}, "added": [5]}
    patch = narrow.diff(old, new)
    assert "same" not in patch["o"] and patch["d"] == ["gone"]
    assert narrow.apply(copy.deepcopy(old), patch) == new
    assert narrow.diff(new, copy.deepcopy(new)) is None
    assert narrow.diff([1, 2], [1, 2, 3]) == {"=": [1, 2, 3]}, "a list that changes length is replaced"


def test_stacked_panels_are_placed_in_words_that_still_hold():
    panel = {"mark": "point", "width": 300}
    spec = {"hconcat": [panel, panel], "title": {"text": "T", "subtitle": ["Left: the region. The close-up (right).", "Right: x"]}}
    assert narrow.narrow_spec(spec)["title"]["subtitle"] == ["Top: the region. The close-up (below).", "Below: x"]
    side_by_side_free = {"vconcat": [panel], "title": {"text": "T", "subtitle": ["Left: as it was"]}}
    assert narrow.narrow_spec(side_by_side_free)["title"]["subtitle"] == ["Left: as it was"]
    assert spec["title"]["subtitle"][0].startswith("Left:")  # the desktop spec is left as it is
