"""Checks that the book's chart colours can be seen: contrast against the chart and distinctness
under colour-vision deficiency.

- :func:`contrast_ratio` is WCAG 2.1's contrast ratio, ``(L1 + 0.05) / (L2 + 0.05)`` of the two
  colours' relative luminances (:func:`relative_luminance`, from linear RGB). WCAG 2.1 asks for
  3:1 for graphics that carry meaning (success criterion 1.4.11) and 4.5:1 for text (1.4.3);
  :func:`require_contrast` raises :class:`ContrastError` naming the colour and its ratio.
- :func:`simulate` shows a colour as a person with protanopia, deuteranopia or tritanopia sees
  it, with the severity-1.0 matrices of Machado, Oliveira & Fernandes (2009), "A physiologically-based
  model for simulation of color vision deficiency", IEEE TVCG 15(6), applied in linear RGB.
- :func:`closest_pair` finds the two colours nearest each other in CIELAB (CIE 1976 ΔE*ab, D65
  white) in normal vision and under each simulated deficiency.

Pure Python: no dependency beyond the standard library.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping

#: Colours the charts name in words, as hex.
NAMED = {"white": "#FFFFFF", "black": "#000000"}

#: Machado et al. (2009), severity 1.0: linear RGB -> linear RGB as a person with each deficiency sees it.
MACHADO_2009: dict[str, tuple[tuple[float, float, float], ...]] = {
    "protanopia": ((0.152286, 1.052583, -0.204868),
                   (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968),
                     (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779),
                   (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
#: What :func:`closest_pair` compares: normal vision and each simulated deficiency.
VISIONS = ("normal", *MACHADO_2009)


class ContrastError(ValueError):
    """A colour below the contrast it needs; the message names the colour, its ratio and the minimum."""


def hex_rgb(colour: str) -> tuple[int, int, int]:
    """``"#RRGGBB"`` (or ``"#RGB"``, or a name in :data:`NAMED`) as three 0–255 integers."""
    text = NAMED.get(colour.lower(), colour).lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    if len(text) != 6:
        raise ValueError(f"not a hex colour: {colour!r}")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def linear_rgb(colour: str) -> tuple[float, float, float]:
    """The colour's sRGB channels decoded to linear light, each 0–1 (IEC 61966-2-1, as WCAG uses)."""
    def decode(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = hex_rgb(colour)
    return decode(r), decode(g), decode(b)


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance: 0 for black, 1 for white."""
    r, g, b = linear_rgb(colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    hi, lo = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def blend(colour: str, opacity: float, background: str) -> str:
    """The colour a mark of ``colour`` at ``opacity`` shows over ``background`` (blended in sRGB, as browsers do)."""
    fg, bg = hex_rgb(colour), hex_rgb(background)
    return "#" + "".join(f"{round(opacity * f + (1 - opacity) * b):02X}" for f, b in zip(fg, bg))


def require_contrast(colour: str, background: str, minimum: float, what: str = "colour") -> float:
    """The contrast ratio of ``colour`` on ``background``; :class:`ContrastError` if below ``minimum``."""
    ratio = contrast_ratio(colour, background)
    if ratio < minimum:
        raise ContrastError(f"{what} {colour} has contrast {ratio:.2f}:1 against {background}, "
                            f"below the {minimum:g}:1 it needs")
    return ratio


def simulate(rgb: tuple[float, float, float], vision: str) -> tuple[float, float, float]:
    """Linear RGB as seen with ``vision`` (``"normal"`` or a key of :data:`MACHADO_2009`), clipped to 0–1."""
    if vision == "normal":
        return rgb
    matrix = MACHADO_2009[vision]
    return tuple(min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb)))) for row in matrix)  # type: ignore[return-value]


def lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """CIELAB (L*, a*, b*) of a linear-RGB colour (sRGB primaries, D65 white)."""
    r, g, b = rgb
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116
    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def distance(a: str, b: str, vision: str = "normal") -> float:
    """CIE 1976 colour difference ΔE*ab of two colours as seen with ``vision``."""
    return math.dist(lab(simulate(linear_rgb(a), vision)), lab(simulate(linear_rgb(b), vision)))


def closest_pair(colours: Mapping[str, str]) -> tuple[float, str, str, str]:
    """The nearest two of ``colours`` (name -> colour) over every vision in :data:`VISIONS`:
    ``(ΔE*ab, name, name, vision)``."""
    return min((distance(ca, cb, v), na, nb, v)
               for (na, ca), (nb, cb) in itertools.combinations(colours.items(), 2) for v in VISIONS)


# --- the colours a Vega-Lite spec draws with --------------------------------------------------------

#: Marks drawn at this opacity or less are background bands (e.g. :func:`azbook.charts.shapes.presence_band`,
#: whose period the chart's subtitle and tooltip give in words): decorative, exempt from the 3:1.
BAND_OPACITY = 0.25
#: Config colours that are decorative (gridlines: the values are read from the axis labels and marks).
DECORATIVE_CONFIG = frozenset({"gridColor"})
_CHANNELS = ("color", "fill", "stroke")


def spec_colours(spec: Mapping, background: str = "#FFFFFF") -> list[tuple[str, str, str, float]]:
    """Every literal colour a Vega-Lite spec draws marks or text with, and the contrast it needs.

    Returns ``(where, colour, as shown, minimum)``: ``where`` is a path in the spec, ``as shown``
    the colour blended over ``background`` at the mark's literal opacity, ``minimum`` 4.5 for text
    marks and text colours of the config (labels, titles), 3 otherwise. Found: the ``color``,
    ``fill`` and ``stroke`` of marks, those channels' ``value`` and scale ``range`` in a mark's
    encoding (with the encodings of the layers it is in), and the config's category range and
    ``…Color`` settings. Left out as decorative: the background colour itself (separators between
    shapes, halos under text), marks at :data:`BAND_OPACITY` or less, :data:`DECORATIVE_CONFIG`.
    A colour a mark's opacity channel lightens by data (the map's lighter neighbours) is checked
    at full strength: on the map every country is named by a label.
    """
    found: list[tuple[str, str, str, float]] = []
    bg = relative_luminance(background)

    def add(where: str, colour: object, minimum: float, opacity: float = 1.0) -> None:
        if not isinstance(colour, str) or not (colour.startswith("#") or colour.lower() in NAMED):
            return  # a field, an expression, "transparent" or None
        if opacity <= BAND_OPACITY or relative_luminance(colour) == bg:
            return
        shown = blend(colour, opacity, background) if opacity < 1 else NAMED.get(colour.lower(), colour)
        found.append((where, colour, shown, minimum))

    def unit(node: Mapping, where: str, inherited: Mapping) -> None:
        mark = node["mark"] if isinstance(node["mark"], Mapping) else {"type": node["mark"]}
        minimum = 4.5 if mark.get("type") == "text" else 3.0
        opacity = mark.get("opacity", 1.0) if isinstance(mark.get("opacity", 1.0), (int, float)) else 1.0
        for channel in _CHANNELS:
            add(f"{where}/mark/{channel}", mark.get(channel), minimum, opacity)
        encoding = {**inherited, **node.get("encoding", {})}
        for channel in _CHANNELS:
            enc = encoding.get(channel)
            if not isinstance(enc, Mapping):
                continue
            add(f"{where}/encoding/{channel}/value", enc.get("value"), minimum, opacity)
            scale_range = (enc.get("scale") or {}).get("range")
            if isinstance(scale_range, list):
                for i, colour in enumerate(scale_range):
                    add(f"{where}/encoding/{channel}/scale/range/{i}", colour, minimum, opacity)

    def walk(node: object, where: str, inherited: Mapping) -> None:
        if isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, f"{where}/{i}", inherited)
            return
        if not isinstance(node, Mapping):
            return
        if "mark" in node:
            unit(node, where, inherited)
        below = {**inherited, **node.get("encoding", {})} if "mark" not in node else inherited
        for key in ("layer", "hconcat", "vconcat", "concat", "spec"):
            if key in node:
                walk(node[key], f"{where}/{key}", below)

    walk(spec, "", {})
    config = spec.get("config", {})
    for i, colour in enumerate(config.get("range", {}).get("category", []) or []):
        add(f"/config/range/category/{i}", colour, 3.0)
    for part, settings in config.items():
        if isinstance(settings, Mapping):
            for key, colour in settings.items():
                if key.endswith("Color") and key not in DECORATIVE_CONFIG:
                    text = any(w in key.lower() for w in ("label", "title"))
                    add(f"/config/{part}/{key}", colour, 4.5 if text else 3.0)
    return found
