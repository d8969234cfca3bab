"""Numbers from data into prose: glue *formatted text*, never a number typed by hand.

In a chapter::

    from azbook.book import glue
    glue.number("ru_imports_2020", value, ",.0f")      # in the prose: {glue:text}`ru_imports_2020`

Values are formatted here, in Python, so the page shows exactly what the notebook
computed (and NumPy scalars never reach a format spec).
"""

from __future__ import annotations

import math
from numbers import Real

from myst_nb import glue as _glue


def text(key: str, value: str) -> str:
    """Glue a piece of text under ``key`` (not displayed in the notebook); return it."""
    _glue(key, str(value), display=False)
    return str(value)


def number(key: str, value: Real, fmt: str = ",.0f") -> str:
    """Glue ``value`` formatted with ``fmt`` (e.g. ``",.0f"``, ``".1f"``); return the text.

    A missing value (None/NaN/NA) is refused: prose must not silently show "nan".
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or str(value) in ("<NA>", "nan"):
        raise ValueError(f"glue key {key!r}: the value is missing; say so in the prose instead")
    return text(key, format(float(value), fmt))


def percent(key: str, share: Real, digits: int = 0) -> str:
    """Glue a share given in percent (0–100) as e.g. ``"42%"``; return the text."""
    return text(key, number_text(share, f".{digits}f") + "%")


def year(key: str, value: Real) -> str:
    """Glue a year (no thousands separator); return the text."""
    return text(key, str(int(value)))


def number_text(value: Real, fmt: str) -> str:
    """``value`` formatted, without gluing (for building longer glued phrases)."""
    return format(float(value), fmt)


def count(key: str, value: int) -> str:
    """Glue a whole-number count (e.g. a number of years); return the text."""
    return text(key, f"{int(value):,d}")


class _Shown:
    """A chart already converted to the book's MIME bundle (what IPython displays)."""

    def __init__(self, bundle: dict, metadata: dict) -> None:
        self.bundle = bundle
        self.metadata = metadata

    def _repr_mimebundle_(self, include=None, exclude=None):  # noqa: ANN001, ANN202 (IPython protocol)
        return self.bundle, self.metadata


def chart(key: str, chart) -> None:  # noqa: ANN001 (an Altair chart)
    """Show a chart in the notebook and keep it under ``key`` for a numbered figure in the book.

    Tag the cell ``remove-output`` (and ``hide-input``) and place the chart with
    ``{glue:figure} key`` + ``:name: fig-...``, so it appears once, numbered, on the page.

    The spec goes out exactly as Altair would display it, but without Altair's schema check,
    the slowest step of executing a chapter: every stored spec is checked against the
    Vega-Lite schema by the tests instead (``tests/test_notebooks.py``), and Vega-Lite
    itself refuses a broken one when the page or the fallback image is drawn.
    """
    from azbook.book import render

    spec = chart.to_dict(validate=False, context={"pre_transform": False})
    _glue(key, _Shown(render.mimebundle(spec), render.output_metadata(spec)), display=True)
