from __future__ import annotations

import json

import pytest

from azbook.book import sphinx_ext


def spec(**extra):
    return {"mark": "point", "datasets": {"d1": [{"a": 1, "b": None, "dy": 3}, {"a": 2.5, "b": "x", "dy": 4}]},
            "encoding": {"x": {"field": "a", "type": "quantitative", "title": "Exports, US$ million"},
                         "yOffset": {"field": "dy", "type": "quantitative"},
                         "tooltip": [{"field": "b", "type": "nominal", "title": "Note"}]},
            "title": "Finding", "description": "Desc </script> end", **extra}


def test_chart_id_is_stable_and_uses_the_name():
    assert sphinx_ext.chart_id(spec(name="russia-trade")) == "chart-russia-trade"
    assert sphinx_ext.chart_id(spec()) == sphinx_ext.chart_id(spec())


def test_chart_html_embeds_spec_safely_with_text_alternative():
    html = sphinx_ext.chart_html(spec(name="n"))
    assert 'id="chart-n"' in html
    # one image named by its title, described by the text description
    assert 'role="img" aria-label="Finding" aria-describedby="chart-n-description"' in html
    assert '<p id="chart-n-description">Desc &lt;/script&gt; end</p>' in html
    assert html.count('tabindex="0"') == 1  # the data table's scroll box is reachable by keyboard
    # two script elements (the spec and its narrow-layout patch): the description's "</script>" is escaped in both
    assert html.count("<script") == 2 and html.count("</script>") == 2
    payload = html.split('class="azbook-chart-spec">')[1].split("</script>")[0]
    compiled = json.loads(payload.replace("<\\/", "</"))
    assert compiled["$schema"].endswith("vega/v6.json") and compiled["title"]["text"] == "Finding"
    assert "<td>—</td>" in html  # a missing value is shown as a gap, not a number


def test_vendor_bundle_is_vega_alone_announcing_itself():
    text = (sphinx_ext.vendor_bundle() / sphinx_ext.VEGA_BUNDLE).read_text()
    assert "window.azbookVega" in text and '"vega-bundle-ready"' in text
    assert "vega-lite" not in text.lower() and "vegaEmbed" not in text  # no compiler, no vega-embed
    assert len(text.encode()) < 600 * 1024


def test_vendor_bundle_names_the_missing_npm_packages(monkeypatch, tmp_path):
    monkeypatch.setattr(sphinx_ext, "NODE_DIR", tmp_path / "node_modules")


    with pytest.raises(RuntimeError, match="node_modules: the npm packages are not installed: run `make venv`"):
        sphinx_ext.vendor_bundle()


def test_html_builders_pick_the_spec_and_latex_the_png():
    from myst_nb.core.render import get_mime_priority

    html = get_mime_priority("html", [])
    assert html.index(sphinx_ext.MIME_VEGALITE) < html.index("image/png")
    latex = get_mime_priority("latex", [])
    assert "image/png" in latex and sphinx_ext.MIME_VEGALITE not in latex


def test_only_the_bundle_is_copied_into_the_book():
    """The folder added to html_static_path holds the bundle alone, not the build caches."""
    from azbook.book import render

    folder = sphinx_ext.vendor_bundle()
    assert sorted(p.name for p in folder.iterdir()) == [sphinx_ext.VEGA_BUNDLE]
    assert folder not in sphinx_ext.VEGA_CACHE.parents and folder not in render.PNG_CACHE.parents


def test_an_incremental_search_index_keeps_no_word_without_a_page():
    from azbook.book import sphinx_ext

    class Index:
        def __init__(self):
            self._mapping = {"plant": {"intro"}, "war": {"intro", "russia"}}
            self._title_mapping = {"intro": {"intro"}}

    def prune(self, docnames):  # what Sphinx's prune does to the word maps
        for mapping in (self._mapping, self._title_mapping):
            for pages in mapping.values():
                pages.intersection_update(docnames)

    index = Index()
    sphinx_ext._prune_keeping_no_empty_words(prune)(index, ["russia"])
    assert index._mapping == {"war": {"russia"}} and index._title_mapping == {}


def test_a_changed_static_file_makes_every_page_outdated(monkeypatch):
    """Pages link the book's static files with a checksum: a change must rewrite them all."""
    from types import SimpleNamespace

    digest = ["one"]
    monkeypatch.setattr(sphinx_ext.publish, "static_digest", lambda: digest[0])
    env = SimpleNamespace(found_docs={"intro", "references", "chapters/iran"})
    assert sphinx_ext._outdated_by_static(None, env, {"intro"}, set(), set()) == ["chapters/iran", "references"]
    assert sphinx_ext._outdated_by_static(None, env, set(), set(), set()) == [], "unchanged: nothing more to read"
    digest[0] = "two"
    assert sphinx_ext._outdated_by_static(None, env, set(), {"references"}, set()) == ["chapters/iran", "intro"]


def test_data_tables_head_each_shown_column_as_a_reader_would_and_leave_out_plumbing():
    tables = sphinx_ext.data_tables(spec(name="n"))
    assert '<th scope="col">Exports, US$ million</th><th scope="col">Note</th></tr>' in tables
    assert tables.count("<th ") == 2 and "<td>3</td>" not in tables  # the offset (dy) is not data
    assert "<td>2.5</td><td>x</td>" in tables  # cell formatting as before


def test_data_tables_take_headings_a_chart_chose_and_drop_tables_of_plumbing_only():
    chosen = spec(name="n", usermeta={"azbook": {"columns": {"b": "Note on the value"}}})
    chosen["datasets"]["d2"] = [{"dy": 1}]
    tables = sphinx_ext.data_tables(chosen)
    assert "Note on the value" in tables and tables.count("<table") == 1 and "Data table 1 of" not in tables


def test_a_shown_column_without_a_heading_stops_the_build_naming_chart_and_field():
    bad = spec(name="russia-trade")
    bad["encoding"]["tooltip"].append({"field": "label_px", "type": "quantitative"})
    with pytest.raises(ValueError, match=r"chart 'russia-trade': field 'label_px' is shown to readers"):
        sphinx_ext.chart_html(bad)
