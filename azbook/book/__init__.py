"""The book room: what turns notebooks and tables into the published book.

- for the prose: :mod:`~azbook.book.glue` (numbers from data into the text),
  :mod:`~azbook.book.boxes` (claims boxes, event lists, tables), :mod:`~azbook.book.sources`
  (a chapter's sources list), :mod:`~azbook.book.appendix` (the data appendix page)
- :mod:`~azbook.book.render`       the offline, deterministic chart renderer (spec + fallback image)
- :mod:`~azbook.book.execute`      re-executing the notebooks whose inputs changed (``make book``)
- :mod:`~azbook.book.citation`     the book's citation metadata (``datasets.bib``, ``CITATION.cff``)
- :mod:`~azbook.book.sphinx_ext`, :mod:`~azbook.book.sphinx_citation`  the two small Sphinx
  extensions; ``static/`` holds their scripts and styles

Who may import it: the notebooks, Sphinx and the Makefile. It may import :mod:`azbook.charts` and
:mod:`azbook.data`; nothing below imports it.
"""
