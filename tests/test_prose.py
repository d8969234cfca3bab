"""Every number is data: the prose of the notebooks types no figure by hand.

Numbers in markdown cells must come through glue roles ({glue:text}`key`). What may be typed:
years and year ranges, calendar dates, claim ids (B4), and codes that mix letters and digits
(TB-2, J2-8243). Links, roles and directive blocks are not prose.
"""

from __future__ import annotations

import re

import nbformat
import pytest

from built_book import chapter_notebooks

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
NOT_PROSE = [
    re.compile(r"\{[a-z:-]+\}`[^`]*`"),  # roles: glue, numref, cite, doc, ref
    re.compile(r"```.*?```|:::.*?:::", re.S),  # directive blocks (figures, tables with their own checks)
    re.compile(r"\[[^\]]*\]\([^)]*\)|<https?://[^>]+>"),  # links
]
ALLOWED = [
    re.compile(r"\b(1[89]\d\d|20[0-3]\d)(s|–\d{2,4}|-\d{2,4})?\b"),  # years, decades, year ranges
    re.compile(rf"\b\d{{1,2}}(?:(?:–| or | and )\d{{1,2}})? (?:{MONTHS})\b"),  # 10 November, 20 or 21 March
    re.compile(r"\b[A-E]\d{1,2}\b"),  # claim ids
    re.compile(r"\b(?=[\w-]*[A-Za-z])(?=[\w-]*\d)[\w-]+\b"),  # codes mixing letters and digits
]


def typed_numbers(markdown: str) -> list[str]:
    """Numbers typed into a piece of prose (after removing what is not prose or is allowed)."""
    text = markdown
    for pattern in NOT_PROSE + ALLOWED:
        text = pattern.sub(" ", text)
    return re.findall(r"\d[\d,.]*", text)


def test_the_check_catches_a_typed_figure():
    assert typed_numbers("Trade reached US$ 1,962 million in 2020.") == ["1,962"]
    assert typed_numbers("In 2020 it was {glue:text}`ru_imports` million, on 10 November.") == []


@pytest.mark.parametrize("path", chapter_notebooks(), ids=lambda p: p.stem)
def test_no_figure_is_typed_into_the_prose(path):
    nb = nbformat.read(path, as_version=4)
    found = {c.id: typed_numbers(c.source) for c in nb.cells if c.cell_type == "markdown"}
    found = {k: v for k, v in found.items() if v}
    assert not found, f"{path.name}: numbers typed into the prose (glue them from data): {found}"
