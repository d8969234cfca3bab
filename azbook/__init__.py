"""Shared code of the book *Azerbaijan between Russia, Turkey and Iran*.

Notebooks import from here; nothing is copied between chapters. Three rooms, one job each,
and imports only point down (book -> charts -> data -> paths):

- :mod:`azbook.data`    publisher files -> tidy, validated tables in ``data/``, and loading them
                        (schema, raw-file readers, one module per source, the build, measures)
- :mod:`azbook.charts`  drawing: the one Altair theme, the countries' colours, recurring chart
                        shapes, and one module per topic (arms, votes, trade, gas, maps, argument)
- :mod:`azbook.book`    making the book: glue, boxes and sources for the prose, the offline chart
                        renderer, notebook execution, citation, the Sphinx extensions and static assets
- :mod:`azbook.paths`   where the book's folders are (imported by all three)

A chapter starts with::

    import azbook
    azbook.setup()
    from azbook import charts
    from azbook.book import boxes, glue
    from azbook.data import load, measures
"""

__all__ = ["setup"]


def setup() -> None:
    """Prepare a chapter notebook: enable the book's theme and chart renderer."""
    from azbook.book import render
    from azbook.charts import theme

    theme.enable()
    render.enable()
