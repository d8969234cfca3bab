"""The data appendix page (azbook.book.appendix), generated from the tables' metadata."""

from __future__ import annotations


def test_committed_data_appendix_matches_the_metadata():
    from azbook.book import appendix

    assert appendix.PAGE.read_text(encoding="utf-8") == appendix.render(), (
        "chapters/data.md is out of date: run `python -m azbook.book.appendix` (make data does it)"
    )


def test_column_lists_show_each_columns_title_beside_its_csv_name():
    from azbook.book import appendix

    text = appendix.section("trade")
    assert "| column | in the CSV | type | unit | meaning |" in text
    assert "| Value, US$ million | `value_usd_millions` | number |" in text
