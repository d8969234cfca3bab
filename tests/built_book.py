"""What the built book should contain: its pages (from _toc.yml) and where they are."""

from __future__ import annotations

from pathlib import Path

from azbook.paths import ROOT, toc_files, toc_notebooks  # noqa: F401 (re-exported for the tests)

HTML_DIR = ROOT / "_build" / "html"


def page(file: str) -> Path:
    return HTML_DIR / f"{file}.html"


def chapter_notebooks() -> list[Path]:
    return toc_notebooks()


def is_notebook(file: str) -> bool:
    """A page whose source is a notebook (every chapter notebook carries at least one chart)."""
    return (ROOT / f"{file}.ipynb").exists()
