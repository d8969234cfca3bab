"""Where the book's folders are, wherever the code runs from (book root, ``chapters/``, tests)."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent
DATA_DIR = ROOT / "data"
CHAPTERS_DIR = ROOT / "chapters"
