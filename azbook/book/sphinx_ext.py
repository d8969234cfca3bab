"""A small Sphinx extension and myst-nb MIME renderer that draw the book's charts offline.

- :class:`VegaLiteMimeRenderer` (registered as a ``myst_nb.mime_renderers`` entry point)
  turns a chart output (``application/vnd.vegalite.v6+json``) into a container with the
  spec, compiled to Vega at build time, as inline JSON, a stable anchor, and a text
  alternative (description + data table).
- :func:`setup` ships the book's own Vega runtime (Vega without the Vega-Lite compiler,
  bundled from npm packages: :func:`vendor_bundle`) and the small script that draws the
  charts, and adds them only to pages that have a chart. Nothing comes from a CDN.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import subprocess
from pathlib import Path
from typing import Any

from docutils import nodes

from azbook.book import csp, narrow, publish, render
from azbook.book.vega import VEGA_CACHE, vega_spec  # noqa: F401 (VEGA_CACHE: where the build caches live)
from azbook.book.render import MIME_VEGALITE, title_text
from azbook.paths import ROOT, STATIC_DIR, VENDOR_DIR

VEGA_BUNDLE = "vega-bundle.js"
VEGA_ENTRY = Path(__file__).resolve().parent / "js" / "vega-runtime.mjs"
NODE_DIR = ROOT / "node_modules"
MAX_TABLE_ROWS = 400


def chart_id(spec: dict[str, Any]) -> str:
    """A stable anchor: the chart's ``name`` when it has one, else a hash of its spec."""
    if spec.get("name"):
        return f"chart-{spec['name']}"
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:12]
    return f"chart-{digest}"


def _cell(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.6g}"
    return html.escape(str(value))


def column_headings(spec: dict[str, Any]) -> dict[str, str]:
    """Field -> heading of the chart's data tables, for every field the chart shows a reader.

    The rules are those of ``charts.finish`` (:func:`azbook.charts.shapes.column_labels`), with the
    headings a chart chose itself (``usermeta.azbook.columns``); a shown field without one stops the
    build, naming the chart and the field, rather than show a reader a raw field name.
    """
    return render.column_headings(spec, name=chart_id(spec).removeprefix("chart-"))


def data_tables(spec: dict[str, Any]) -> str:
    """The data behind a chart as HTML tables (one per inline dataset that holds a shown column).

    The columns are those the chart shows a reader, headed as a reader would write them
    (:func:`column_headings`); the CSV downloads keep the field names.
    """
    headings = column_headings(spec)
    tables = []
    for records in spec.get("datasets", {}).values():
        # Geometry and other nested values are not data a reader can read in a table.
        columns = [k for k in dict.fromkeys(k for r in records for k in r)
                   if k in headings and not any(isinstance(r.get(k), (dict, list)) for r in records)]
        if records and columns:
            tables.append((records, columns))
    parts = []
    for number, (records, columns) in enumerate(tables, start=1):
        head = "".join(f'<th scope="col">{html.escape(headings[c])}</th>' for c in columns)
        rows = "".join(
            "<tr>" + "".join(f"<td>{_cell(r.get(c))}</td>" for c in columns) + "</tr>"
            for r in records[:MAX_TABLE_ROWS]
        )
        more = len(records) - MAX_TABLE_ROWS
        note = f"<p>… {more} more rows in the notebook.</p>" if more > 0 else ""
        label = f"Data table {number} of {len(tables)}" if len(tables) > 1 else "Data table"
        parts.append(  # a wide table scrolls in its own box, which a keyboard can focus
            f'<div class="azbook-table-scroll" tabindex="0" role="region" aria-label="{label}">'
            f'<table class="table"><caption>{label}</caption><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table></div>{note}"
        )
    return "".join(parts)


def _script_json(value: Any) -> str:
    """JSON to put inside a ``<script>`` element (a ``</`` in a string cannot end the element)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def narrow_html(spec: dict[str, Any], desktop: dict[str, Any]) -> str:
    """The chart's narrow (phone) layout, compiled to Vega, as a patch to its desktop Vega spec
    (:mod:`azbook.book.narrow`): azbook-charts.js applies it in containers narrower than ``data-below`` px."""
    patch = narrow.diff(desktop, vega_spec(narrow.narrow_spec(spec)))
    return (f'<script type="application/json" class="azbook-chart-narrow" data-below="{narrow.NARROW_BELOW_PX}">'
            f"{_script_json(patch)}</script>")


def chart_html(spec: dict[str, Any]) -> str:
    """The HTML container for one chart.

    For screen readers the drawing is one image (``role="img"``; a ``group`` when its marks are
    links to sources) named by the chart's title and
    described by its text description; the description and the data tables follow in a
    disclosure that a keyboard reaches (its summary, then each table's own scroll box).
    """
    desktop = vega_spec(spec)
    spec_json = _script_json(desktop)
    anchor = chart_id(spec)
    title = html.escape(title_text(spec), quote=True)
    description = html.escape(str(spec.get("description", "")))
    # A chart whose marks link to sources holds links, which an image may not (axe-core:
    # nested-interactive): it is a group, named and described the same way.
    role = "group" if '"href"' in spec_json else "img"
    return (
        f'<div class="azbook-chart" id="{anchor}">'
        f'<div class="azbook-chart-view" role="{role}" aria-label="{title}" aria-describedby="{anchor}-description"></div>'
        f'<script type="application/json" class="azbook-chart-spec">{spec_json}</script>'
        f'{narrow_html(spec, desktop)}'
        f'<details class="azbook-chart-alt"><summary>Text description and data: '
        f'{html.escape(title_text(spec))}</summary><p id="{anchor}-description">{description}</p>{data_tables(spec)}</details>'
        f"</div>"
    )


class VegaLiteMimeRenderer:
    """myst-nb MIME render plugin: charts become offline-drawn containers in HTML builds."""

    mime_priority_overrides = [(b, MIME_VEGALITE, 1) for b in ("html", "dirhtml", "singlehtml")]

    @staticmethod
    def handle_mime(renderer, data, inline):  # noqa: ANN001 (myst-nb protocol)
        if data.mime_type != MIME_VEGALITE or inline:
            return None
        content = data.content
        spec = json.loads(content) if isinstance(content, (str, bytes)) else dict(content)
        return [nodes.raw(text=chart_html(spec), format="html", classes=["output", "azbook-chart-output"])]


def vendor_bundle() -> Path:
    """Write (once per version of its inputs) the book's Vega runtime; return its folder.

    The runtime is Vega alone (the specs are compiled to Vega at build time), with only the
    transforms the book uses and vega-tooltip, bundled by esbuild from the npm packages that
    ``make venv`` installs into ``node_modules/`` (see ``azbook/book/js/vega-runtime.mjs``).
    The folder holds the bundle and nothing else: it is copied into every build's ``_static``,
    so the build caches beside it (compiled specs, fallback images) never reach the book.
    """
    folder = VENDOR_DIR / "static"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / VEGA_BUNDLE
    stamp = VENDOR_DIR / "VERSION"
    esbuild = NODE_DIR / ".bin" / "esbuild"
    lock = NODE_DIR / ".package-lock.json"
    if not esbuild.exists() or not lock.exists():
        raise RuntimeError(f"{NODE_DIR}: the npm packages are not installed: run `make venv` (npm ci)")
    inputs = lock.read_bytes() + VEGA_ENTRY.read_bytes()
    stamp_text = "esbuild " + hashlib.sha256(inputs).hexdigest()
    if not target.exists() or not stamp.exists() or stamp.read_text() != stamp_text:
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        subprocess.run(
            [str(esbuild), str(VEGA_ENTRY), "--bundle", "--minify", "--format=iife", "--target=es2020",
             "--legal-comments=eof", "--log-level=error", f"--outfile={tmp}"],
            check=True, cwd=NODE_DIR.parent,
        )
        os.replace(tmp, target)
        stamp.write_text(stamp_text)
    return folder


def _config_inited(app, config) -> None:  # noqa: ANN001
    # Relative to the book's folder: absolute paths would enter the config digest in .buildinfo,
    # and two copies of the book would not build byte-identical HTML.
    own = [os.path.relpath(p, app.confdir) for p in (vendor_bundle(), STATIC_DIR)]
    config.html_static_path = [*config.html_static_path, *own]


def _prune_keeping_no_empty_words(prune):  # noqa: ANN001, ANN202
    """Sphinx's search index, on an incremental build, drops the rebuilt pages from each word
    but keeps words left with no page ("word": []), so its index differs from a clean build's.
    This drops them too: an incremental build writes the same search index as a clean one."""
    def pruned(self, docnames):  # noqa: ANN001, ANN202
        prune(self, docnames)
        for mapping in (self._mapping, self._title_mapping):
            for word in [w for w, pages in mapping.items() if not pages]:
                del mapping[word]
    pruned.azbook = True
    return pruned


def _outdated_by_static(app, env, added, changed, removed):  # noqa: ANN001, ANN202
    """Every page, when one of the book's own static files changed since the last build.

    Each page links a stylesheet or script with its checksum (``?v=...``); an incremental build
    writes only the pages whose sources changed, so the others would keep the old checksum and
    two builds of the same sources would differ (and browsers would keep a stale cached copy)."""
    digest = publish.static_digest()
    if getattr(env, "azbook_static_digest", None) == digest:
        return []
    env.azbook_static_digest = digest
    return sorted(env.found_docs - set(added) - set(changed) - set(removed))


def _page_context(app, pagename, templatename, context, doctree) -> None:  # noqa: ANN001
    if "azbook-chart" in context.get("body", ""):
        # async: neither waits for the theme's large deferred scripts; azbook-charts.js
        # waits for both the DOM and vega-bundle.js itself.
        app.add_js_file(VEGA_BUNDLE, loading_method="async")
        app.add_js_file("azbook-charts.js", loading_method="async")


def setup(app):  # noqa: ANN001
    from sphinx.search import IndexBuilder

    if not getattr(IndexBuilder.prune, "azbook", False):
        IndexBuilder.prune = _prune_keeping_no_empty_words(IndexBuilder.prune)
    app.connect("config-inited", _config_inited)
    app.connect("html-page-context", _page_context)
    app.connect("env-get-outdated", _outdated_by_static)
    app.connect("build-finished", csp._build_finished, priority=900)  # after every page is written
    app.add_css_file("azbook.css")
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
