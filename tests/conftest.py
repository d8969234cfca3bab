"""Shared test helpers: fixture folders laid out like shared/raw, and ways to break them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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
