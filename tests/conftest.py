"""Shared test helpers: fixture folders laid out like shared/raw, and ways to break them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browser import CHROMIUM_ARGS, require_chromium, serve
from built_book import HTML_DIR

FIXTURES = Path(__file__).parent / "fixtures"
RAW_OK = FIXTURES / "raw_ok"


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    """A writable copy of the good raw fixtures (every publisher's format, a few rows each)."""
    target = tmp_path / "raw"
    shutil.copytree(RAW_OK, target)
    return target


def rewrite(path: Path, transform) -> None:  # noqa: ANN001
    """Replace a fixture file's text by ``transform(text)``."""
    path.write_text(transform(path.read_text(encoding="utf-8")), encoding="utf-8")


def drop_column(text: str, column: str, sep: str = ",") -> str:
    """The CSV text without one column (assumes no separator inside that column's values)."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text), delimiter=sep))
    i = rows[0].index(column)
    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator="\n").writerows([r[:i] + r[i + 1 :] for r in rows])
    return out.getvalue()


# The browser tests' Chromium and the built book served on 127.0.0.1 (one of each per test module).
@pytest.fixture(scope="module")
def browser():
    path = require_chromium()
    if not (HTML_DIR / "index.html").exists():
        pytest.fail("the book is not built: run `make html` (make test does it first)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def base_url():
    with serve(HTML_DIR) as url:
        yield url
