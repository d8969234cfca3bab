"""What the built book should contain: its pages (from _toc.yml) and where they are."""

from __future__ import annotations

from pathlib import Path

import yaml

from azbook.paths import ROOT

HTML_DIR = ROOT / "_build" / "html"


def toc_files() -> list[str]:
    """Every document named in _toc.yml (root first), without extension."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))
            for part in entry.get("parts", []) if isinstance(entry, dict) else []:
                walk(part.get("chapters"))

    walk(toc.get("chapters"))
    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    return files


def page(file: str) -> Path:
    return HTML_DIR / f"{file}.html"


def chapter_notebooks() -> list[Path]:
    return [ROOT / f"{f}.ipynb" for f in toc_files() if (ROOT / f"{f}.ipynb").exists()]


def is_notebook(file: str) -> bool:
    """A page whose source is a notebook (every chapter notebook carries at least one chart)."""
    return (ROOT / f"{file}.ipynb").exists()
