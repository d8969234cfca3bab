"""The book's Altair renderer: offline, deterministic, readable everywhere.

Each chart is displayed as one MIME bundle with three representations:

``application/vnd.vegalite.v6+json``
    The full Vega-Lite spec with its data inline. The HTML book draws it with the
    book's own copy of Vega (see :mod:`azbook.book.sphinx_ext`); front ends that know the
    type draw it interactively. nbval compares it exactly, so a changed number in
    ``data/`` fails the tests.
``image/png``
    A static rendering by vl-convert, for readers who open the notebook where the spec
    cannot be drawn (a code host, a front end without JavaScript). It is reduced to a
    16-colour palette (flat chart colours survive; the file is about a tenth of the
    full-colour one), so a chapter's notebook stays light; the HTML book never uses it.
    Byte-stable on a given machine.
``text/plain``
    The chart's text alternative: its title and description.

Nothing in the bundle is random (no element ids, no timestamps) and nothing refers
to a CDN, so re-executing a notebook reproduces its outputs byte for byte.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
from pathlib import Path
from typing import Any

import altair as alt

from azbook.book.vega import MIME_VEGALITE
from azbook.paths import VENDOR_DIR

NAME = "azbook"
PNG_SCALE = 1
#: Colours of the fallback PNG's palette: enough for the country colours, greys and text edges.
#: ``AZBOOK_PNG_COLOURS=0`` keeps vl-convert's full-colour PNG (the benchmark's "before").
PNG_COLOURS = int(os.environ.get("AZBOOK_PNG_COLOURS", "16"))
#: Rendered PNGs by spec digest (generated, not committed).
PNG_CACHE = VENDOR_DIR / "png-cache"


def title_text(spec: dict[str, Any]) -> str:
    """The chart's title as plain text (Vega-Lite titles may be a string, list or object)."""
    title = spec.get("title", "")
    if isinstance(title, dict):
        title = title.get("text", "")
    if isinstance(title, list):
        title = " ".join(title)
    return str(title)


def text_alternative(spec: dict[str, Any]) -> str:
    """Title and description of a chart, for screen readers and plain-text front ends."""
    parts = [title_text(spec), str(spec.get("description", ""))]
    return "Chart: " + " — ".join(p for p in parts if p)


def palette_png(png: bytes, colours: int = PNG_COLOURS) -> bytes:
    """``png`` reduced to a palette of ``colours`` (no dithering, so flat areas stay flat), optimised.

    Deterministic: the same input gives the same bytes with the same Pillow version.
    """
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    reduced = image.quantize(colors=colours, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    reduced.save(out, format="PNG", optimize=True)
    return out.getvalue()


#: Where each chart output records the digest its fallback PNG is cached under.
CACHE_KEY_METADATA = ("azbook", "png_cache_key")


def png_key(spec: dict[str, Any]) -> str:
    """The digest a spec's PNG is cached under: the spec, vl-convert's and Pillow's versions,
    the scale and the palette size (so an upgrade or a new palette never reuses an old image)."""
    import PIL
    import vl_convert as vlc

    text = json.dumps(spec, sort_keys=True)
    versions = f"{vlc.__version__} {PIL.__version__} {PNG_SCALE} {PNG_COLOURS}"
    return hashlib.sha256(f"{versions} {text}".encode()).hexdigest()


def _store(key: str, png: bytes) -> None:
    """Write one cache entry atomically (concurrent executions may write the same key)."""
    PNG_CACHE.mkdir(parents=True, exist_ok=True)
    cached = PNG_CACHE / f"{key}.png"
    tmp = cached.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(png)
    os.replace(tmp, cached)


def png_base64(spec: dict[str, Any]) -> str:
    """A static, palette PNG rendering of the spec, base64-encoded.

    Rendering is the slowest step of displaying a chart, so PNGs are made once per distinct
    spec and cached on disk under :func:`png_key`: re-executing a notebook whose chart did not
    change costs nothing, and :func:`seed_cache` fills the cache from a notebook's stored
    outputs, so even a fresh clone renders only the charts that changed. The PNG is the same
    with or without the cache.
    """
    import vl_convert as vlc

    key = png_key(spec)
    cached = PNG_CACHE / f"{key}.png"
    if cached.exists():
        return base64.b64encode(cached.read_bytes()).decode("ascii")
    png = vlc.vegalite_to_png(spec, scale=PNG_SCALE)
    if PNG_COLOURS:
        png = palette_png(png)
    _store(key, png)
    return base64.b64encode(png).decode("ascii")


def seed_cache(nb: dict[str, Any]) -> int:
    """Put the fallback PNGs stored in a notebook's outputs into the cache; return how many.

    Each chart output names the key its PNG was made under (:data:`CACHE_KEY_METADATA`, which
    includes the tool versions); an output without one, or whose key is already cached, is
    skipped. Called before a notebook is re-executed.
    """
    section, field = CACHE_KEY_METADATA
    seeded = 0
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            key = output.get("metadata", {}).get(section, {}).get(field)
            png = output.get("data", {}).get("image/png")
            if not key or not png or (PNG_CACHE / f"{key}.png").exists():
                continue
            _store(key, base64.b64decode(png if isinstance(png, str) else "".join(png)))
            seeded += 1
    return seeded


def column_headings(spec: dict[str, Any], name: str | None = None) -> dict[str, str]:
    """Field -> heading of the chart's "data behind it" tables, for every field it shows a reader.

    The rules are :func:`azbook.charts.shapes.column_labels`, with the headings the chart chose itself
    (``usermeta.azbook.columns``, set by ``charts.finish``). A shown field without a heading raises
    ``ValueError`` naming the chart (``name``, else the spec's own) and the field.
    """
    from azbook.charts.shapes import column_labels

    chosen = (spec.get("usermeta") or {}).get("azbook", {}).get("columns", {})
    return column_labels({**spec, "name": name or spec.get("name")}, chosen)


def mimebundle(spec: dict[str, Any], **_metadata: Any) -> dict[str, Any]:
    """The spec -> the book's MIME bundle.

    A chart whose data tables would show a raw field name is refused here, as the notebook shows it
    (:func:`column_headings`), rather than when the book is built.
    """
    column_headings(spec)
    return {
        MIME_VEGALITE: spec,
        "image/png": png_base64(spec),
        "text/plain": text_alternative(spec),
    }


def output_metadata(spec: dict[str, Any]) -> dict[str, Any]:
    """The chart output's metadata: the fallback PNG's cache key (see :func:`seed_cache`)."""
    section, field = CACHE_KEY_METADATA
    return {section: {field: png_key(spec)}}


def _renderer(spec: dict[str, Any], **_metadata: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Altair renderer function: bundle and metadata, as IPython displays them."""
    return mimebundle(spec), output_metadata(spec)


def enable() -> None:
    """Register (once) and enable the renderer for the current kernel."""
    if NAME not in alt.renderers.names():
        alt.renderers.register(NAME, _renderer)
    alt.renderers.enable(NAME)
