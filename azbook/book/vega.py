"""Vega specs compiled from the charts' Vega-Lite specs when the book is built, cached on disk.

Compiling at build time spares a reader's browser the Vega-Lite compiler (about 40 % of the time
to draw a chapter's charts). Each chart is compiled twice, its desktop layout and its narrow one
(:mod:`azbook.book.narrow`), by vl-convert; a compiled spec is kept in :data:`VEGA_CACHE` under a
digest of vl-convert's version and the Vega-Lite spec, so a spec is compiled once, ever.

    python -m azbook.book.vega NOTEBOOK ...

fills the cache from the notebooks' stored chart outputs. ``make html`` (:func:`azbook.book.publish.build`)
runs it in a second process while Sphinx starts, so on a clean build the compiling happens on the
machine's other core instead of inside the (single-process) Sphinx build, which then finds every
spec compiled. It is only a cache: the Sphinx build compiles whatever it does not find, and
reports any chart that fails to compile, naming the page.

Imports nothing heavier than vl-convert: the helper process must be ready before Sphinx is.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from azbook.book import narrow
from azbook.paths import VENDOR_DIR

VEGA_CACHE = VENDOR_DIR / "vega-cache"
#: The MIME type of a chart output (the notebooks' Vega-Lite specs).
MIME_VEGALITE = "application/vnd.vegalite.v6+json"


def cache_path(spec: dict[str, Any]) -> Path:
    """Where the Vega spec compiled from ``spec`` is cached (by vl-convert's version and the spec)."""
    import vl_convert as vlc

    key = hashlib.sha256((vlc.__version__ + json.dumps(spec, sort_keys=True)).encode()).hexdigest()
    return VEGA_CACHE / f"{key}.json"


def vega_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The Vega spec compiled from a Vega-Lite spec by vl-convert, from the cache when it is there."""
    import vl_convert as vlc

    cached = cache_path(spec)
    if cached.exists():
        return json.loads(cached.read_text(encoding="utf-8"))
    compiled = vlc.vegalite_to_vega(spec)
    VEGA_CACHE.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(f".{os.getpid()}.tmp")  # two processes may write the same entry
    tmp.write_text(json.dumps(compiled), encoding="utf-8")
    os.replace(tmp, cached)
    return compiled


def chart_specs(notebook: Path) -> Iterator[dict[str, Any]]:
    """The Vega-Lite spec of every chart output stored in a notebook, in order."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            content = output.get("data", {}).get(MIME_VEGALITE)
            if content is not None:
                yield json.loads(content) if isinstance(content, str) else content


def warm(notebooks: Iterable[Path]) -> int:
    """Compile (into the cache) both layouts of every chart stored in ``notebooks``; return how many
    specs were compiled now. A spec that fails is skipped: the book build compiles it again and
    reports the failure with its page."""
    compiled = 0
    for notebook in notebooks:
        try:
            specs = list(chart_specs(notebook))
        except (OSError, ValueError):
            continue
        for spec in specs:
            for layout in (spec, narrow.narrow_spec(spec)):
                try:
                    if not cache_path(layout).exists():
                        vega_spec(layout)
                        compiled += 1
                except Exception:  # noqa: BLE001 (a cache: the build reports the failure)
                    continue
    return compiled


if __name__ == "__main__":
    print(f"vega: {warm(Path(a) for a in sys.argv[1:])} specs compiled")
