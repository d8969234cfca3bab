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

from azbook.paths import VENDOR_DIR

NAME = "azbook"
MIME_VEGALITE = "application/vnd.vegalite.v6+json"
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


def png_base64(spec: dict[str, Any]) -> str:
    """A static, palette PNG rendering of the spec, base64-encoded.

    Rendering is the slowest step of displaying a chart, so PNGs are made once per distinct
    spec and cached on disk by a digest of the spec (with vl-convert's and Pillow's versions
    and the scale and palette size): re-executing a notebook whose chart did not change costs
    nothing. The PNG is the same with or without the cache.
    """
    import PIL
    import vl_convert as vlc

    text = json.dumps(spec, sort_keys=True)
    versions = f"{vlc.__version__} {PIL.__version__} {PNG_SCALE} {PNG_COLOURS}"
    key = hashlib.sha256(f"{versions} {text}".encode()).hexdigest()
    cached = PNG_CACHE / f"{key}.png"
    if cached.exists():
        return base64.b64encode(cached.read_bytes()).decode("ascii")
    png = vlc.vegalite_to_png(spec, scale=PNG_SCALE)
    if PNG_COLOURS:
        png = palette_png(png)
    PNG_CACHE.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(png)
    os.replace(tmp, cached)
    return base64.b64encode(png).decode("ascii")


def mimebundle(spec: dict[str, Any], **_metadata: Any) -> dict[str, Any]:
    """Altair renderer function: the spec -> the book's MIME bundle."""
    return {
        MIME_VEGALITE: spec,
        "image/png": png_base64(spec),
        "text/plain": text_alternative(spec),
    }


def enable() -> None:
    """Register (once) and enable the renderer for the current kernel."""
    if NAME not in alt.renderers.names():
        alt.renderers.register(NAME, mimebundle)
    alt.renderers.enable(NAME)
