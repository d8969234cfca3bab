"""The phone layout of a chart: a narrow variant of its Vega-Lite spec, sent as a small patch.

A chart is drawn for the book's desktop column (about 540 px of plot). On a phone the page's
column is about 340 px, and scaling that drawing down would shrink its text below reading
size, so each chart also gets a narrow layout, made here at build time from its own spec
(:func:`narrow_spec`): views at most :data:`PLOT_PX` wide, panels side by side stacked (a title's
"Left:" and "(right)" then say "Top:" and "(below)"),
facet headers above their panel, legends below the plot, titles and subtitles wrapped shorter,
fewer axis ticks, long axis labels cut shorter, event labels replaced by their numbers.

Both layouts are compiled to Vega; the page carries the desktop Vega spec whole and the narrow
one only as the difference from it (:func:`diff`, applied in the browser by azbook-charts.js),
so the data are inlined once and a page weighs little more than before.
"""

from __future__ import annotations

import copy
import re
import textwrap
from typing import Any

#: Widest plot of the narrow layout, in CSS px (axes and labels come on top of it).
PLOT_PX = 220
BANDED_PLOT_PX = 160
#: Containers narrower than this get the narrow layout (the desktop charts need up to ~600 px).
NARROW_BELOW_PX = 600
TITLE_CHARS = 36  # at 15 px: about 300 px
SUBTITLE_CHARS = 48  # at 12 px
TICKS = 4
AXIS_LABEL_LIMIT = 140
#: A Vega expression that breaks a header label into lines of at most about 34 characters.
WRAP_LABEL_EXPR = "split(trim(replace(datum.label, /(.{1,34})(\\s+|$)/g, '$1\\n')), '\\n')"
VIEW_KEYS = {"mark", "layer", "hconcat", "vconcat", "concat", "facet", "spec"}
#: Legends below the plot, one entry a line (two legends then fit side by side).
LEGEND = {"orient": "bottom", "direction": "vertical", "columns": 1, "labelLimit": PLOT_PX + 20}


def rewrap(lines: Any, chars: int) -> list[str]:
    """Lines wrapped for a wider column, wrapped again at ``chars``: lines that do not end a
    sentence are joined to the next one first, so no line breaks after a word or two."""
    joined: list[str] = []
    for line in [lines] if isinstance(lines, str) else lines:
        if joined and not joined[-1].rstrip().endswith((".", ";", ":", "?", "!")):
            joined[-1] = f"{joined[-1].rstrip()} {line.lstrip()}"
        else:
            joined.append(line)
    # Wrapped as charts.finish wraps (words kept whole); not imported from it, so that this module
    # stays light enough for the process that compiles the specs ahead of a build (azbook.book.vega).
    return [part for line in joined for part in (textwrap.wrap(line, chars) or [""])]


def _title(title: Any, chars: int = TITLE_CHARS) -> Any:
    if isinstance(title, (str, list)):
        return rewrap(title, chars)
    if isinstance(title, dict):
        title = dict(title)
        for key, width in (("text", chars), ("subtitle", SUBTITLE_CHARS)):
            if title.get(key):
                title[key] = rewrap(title[key], width)
    return title


def _narrow_view(node: Any) -> Any:
    """Walk a (sub)spec, changing in place what the narrow layout changes."""
    if isinstance(node, list):
        for item in node:
            _narrow_view(item)
        return node
    if not isinstance(node, dict):
        return node
    if "hconcat" in node:
        node["vconcat"] = node.pop("hconcat")
    # A view whose rows are labelled bands (a timeline of named events) leaves room for its labels.
    widest = BANDED_PLOT_PX if isinstance(node.get("height"), dict) and "step" in node["height"] else PLOT_PX
    if isinstance(node.get("width"), (int, float)) and node["width"] > widest:
        if "projection" in node and isinstance(node.get("height"), (int, float)):  # a map keeps its shape
            node["height"] = round(node["height"] * widest / node["width"])
        node["width"] = widest
    facet = node.get("facet")
    if isinstance(facet, dict) and "column" in facet:
        facet["row"] = facet.pop("column")
    if isinstance(facet, dict) and isinstance(facet.get("row"), dict):
        facet["row"]["header"] = {**facet["row"].get("header", {}), "labelOrient": "top", "labelAngle": 0,
                                  "labelAlign": "left", "labelAnchor": "start", "labelLimit": 0,
                                  "labelExpr": WRAP_LABEL_EXPR}
    axis = node.get("axis")
    if isinstance(axis, dict):
        if isinstance(axis.get("tickCount"), (int, float)) and axis["tickCount"] > TICKS:
            axis["tickCount"] = TICKS
        if isinstance(axis.get("labelLimit"), (int, float)) and axis["labelLimit"] > AXIS_LABEL_LIMIT:
            axis["labelLimit"] = AXIS_LABEL_LIMIT
    legend = node.get("legend")
    if isinstance(legend, dict) and legend.get("orient", "bottom") != "none":
        node["legend"] = {**legend, **LEGEND}
    if "title" in node and VIEW_KEYS & set(node):  # a view's title, not an axis or legend title
        node["title"] = _title(node["title"], SUBTITLE_CHARS)
    for key, value in node.items():
        if key not in ("datasets", "data", "title", "config", "usermeta"):
            _narrow_view(value)
    return node


#: Words of a chart's title that place side-by-side panels, and what they become once the panels stack.
STACKED_WORDS = ((re.compile(r"\bLeft:"), "Top:"), (re.compile(r"\bRight:"), "Below:"),
                 (re.compile(r"\(left\)"), "(top)"), (re.compile(r"\(right\)"), "(below)"))


def stacked_words(title: Any) -> Any:
    """A title (text and subtitle) whose "Left: ..."/"(right)" now reads "Top: ..."/"(below)"."""
    if isinstance(title, str):
        for pattern, words in STACKED_WORDS:
            title = pattern.sub(words, title)
        return title
    if isinstance(title, list):
        return [stacked_words(line) for line in title]
    if isinstance(title, dict):
        return {k: stacked_words(v) if k in ("text", "subtitle") else v for k, v in title.items()}
    return title


def _has_hconcat(node: Any) -> bool:
    if isinstance(node, dict):
        return "hconcat" in node or any(_has_hconcat(v) for k, v in node.items() if k not in ("datasets", "data"))
    return isinstance(node, list) and any(_has_hconcat(v) for v in node)


def narrow_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The narrow (phone) layout of a Vega-Lite spec; ``spec`` itself is left as it is."""
    narrow = copy.deepcopy({k: v for k, v in spec.items() if k != "datasets"})
    stacked = _has_hconcat(narrow)
    _narrow_view(narrow)
    if "title" in narrow:
        narrow["title"] = _title(stacked_words(narrow["title"]) if stacked else narrow["title"])
    config = narrow.setdefault("config", {})
    config["view"] = {**config.get("view", {}), "continuousWidth": PLOT_PX}
    config["legend"] = {**config.get("legend", {}), **LEGEND}
    for axis in ("axis", "axisY"):
        config[axis] = {**config.get(axis, {}), "labelLimit": AXIS_LABEL_LIMIT}
    config["axisTemporal"] = {**config.get("axisTemporal", {}), "tickCount": TICKS, "labelOverlap": "greedy", "labelSeparation": 8}
    if "datasets" in spec:
        narrow["datasets"] = spec["datasets"]  # shared, not copied: the narrow layout shows the same data
    return narrow


def diff(old: Any, new: Any) -> dict[str, Any] | None:
    """A patch that turns ``old`` into ``new`` (JSON values), or None if they are equal.

    ``{"=": value}`` replaces a value; ``{"o": {key: patch}, "d": [key, ...]}`` patches an object's
    keys and deletes keys; ``{"a": {index: patch}}`` patches a list of the same length.
    :func:`apply` (and azbook-charts.js) applies it.
    """
    if old == new and type(old) is type(new):
        return None
    if isinstance(old, dict) and isinstance(new, dict):
        changed = {k: p for k in new if (p := diff(old.get(k, _MISSING), new[k])) is not None}
        deleted = [k for k in old if k not in new]
        return {"o": changed, **({"d": deleted} if deleted else {})}
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return {"a": {str(i): p for i, (a, b) in enumerate(zip(old, new)) if (p := diff(a, b)) is not None}}
    return {"=": new}


_MISSING = object()


def apply(value: Any, patch: dict[str, Any] | None) -> Any:
    """``value`` with ``patch`` (from :func:`diff`) applied; lists and objects are changed in place."""
    if patch is None:
        return value
    if "=" in patch:
        return patch["="]
    if "a" in patch:
        for index, sub in patch["a"].items():
            value[int(index)] = apply(value[int(index)], sub)
        return value
    for key, sub in patch.get("o", {}).items():
        value[key] = apply(value.get(key), sub)
    for key in patch.get("d", []):
        del value[key]
    return value

