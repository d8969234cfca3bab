"""Where the book's folders are, wherever the code runs from (book root, ``chapters/``, tests)."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent
DATA_DIR = ROOT / "data"
CHAPTERS_DIR = ROOT / "chapters"
TOC_FILE = ROOT / "_toc.yml"
#: Caches made at build time (the Vega bundle, fallback images); never committed, never shipped whole.
VENDOR_DIR = PACKAGE_DIR / "_vendor"
#: The scripts and styles the Sphinx extensions add to every page.
STATIC_DIR = PACKAGE_DIR / "book" / "static"


def toc_files() -> list[str]:
    """Every document named in _toc.yml (root first), without extension, in reading order."""
    import yaml

    toc = yaml.safe_load(TOC_FILE.read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(entries) -> None:  # noqa: ANN001
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))

    walk(toc.get("chapters"))
    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    return files


def toc_notebooks() -> list[Path]:
    """The book's notebooks: the documents of _toc.yml that are .ipynb files."""
    return [ROOT / f"{f}.ipynb" for f in toc_files() if (ROOT / f"{f}.ipynb").exists()]
