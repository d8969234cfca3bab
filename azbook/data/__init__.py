"""The data room: publisher files in, tidy validated tables out, and loading them back.

- :mod:`~azbook.data.schema`    a table's fields, key, provenance and checks (:class:`Dataset`)
- :mod:`~azbook.data.rawfiles`  readers for publisher files that name file, row and column on error
- :mod:`~azbook.data.datasets`  one module per source: raw file -> tidy table (``REGISTRY``)
- :mod:`~azbook.data.build`     the data build (``make data``): all checks pass, then write
- :mod:`~azbook.data.integrity` the record of what ``make data`` wrote (size, digests), checked on load
- :mod:`~azbook.data.tables`    validated, typed tables by name: :func:`load`, :func:`metadata`,
                                :func:`source_line` (re-exported here)
- :mod:`~azbook.data.measures`  derived figures (shares, turnover, periods) that never fill a gap
- :mod:`~azbook.data.countries` display names and ISO3 codes

Who may import it: everyone. It imports neither :mod:`azbook.charts` nor :mod:`azbook.book`
(and no plotting library), so the data build runs without them.
"""

from azbook.data.tables import load, metadata, source_line

__all__ = ["load", "metadata", "source_line"]
