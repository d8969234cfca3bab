"""Shared code of the book *Azerbaijan between Russia, Turkey and Iran*.

Notebooks import from here; nothing is copied between chapters.

- :mod:`azbook.paths`     where the book's folders are
- :mod:`azbook.countries` country names, ISO3 codes and the book's fixed colours
- :mod:`azbook.theme`     the one Altair theme, registered once
- :mod:`azbook.render`    the offline, deterministic chart renderer
- :mod:`azbook.charts`    recurring chart shapes
- :mod:`azbook.glue`      putting numbers from data into prose
- :mod:`azbook.load`      validated, typed tables by dataset name
- :mod:`azbook.datasets`  one module per source: raw file -> tidy table
- :mod:`azbook.build_data` the data build (``make data``)
- :mod:`azbook.execute`   re-executing notebooks whose inputs changed (``make book``)
"""

__all__ = ["setup"]


def setup() -> None:
    """Prepare a chapter notebook: enable the book's theme and chart renderer."""
    from azbook import render, theme

    theme.enable()
    render.enable()
