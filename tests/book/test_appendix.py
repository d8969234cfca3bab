"""The data appendix page (azbook.book.appendix), generated from the tables' metadata."""

from __future__ import annotations


def test_committed_data_appendix_matches_the_metadata():
    from azbook.book import appendix

    assert appendix.PAGE.read_text(encoding="utf-8") == appendix.render(), (
        "chapters/data.md is out of date: run `python -m azbook.book.appendix` (make data does it)"
    )
