"""Reading raw publisher files defensively: every failure names the file, row and column."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from azbook.schema import DataError


def read_text(path: Path, encoding: str = "utf-8") -> str:
    """The file's text; an empty file or bytes that are not ``encoding`` raise :class:`DataError`."""
    if not path.exists():
        raise DataError(path, "file not found (is RAW pointing at the folder laid out like shared/raw?)")
    raw = path.read_bytes()
    if not raw.strip():
        raise DataError(path, "file is empty")
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(path, f"not valid {encoding} text (byte {exc.start}: {exc.reason})", row=line) from None


def read_csv(path: Path, required: list[str], *, encoding: str = "utf-8") -> pd.DataFrame:
    """A raw CSV as strings, with ``source_row`` (its 1-based line number) and its columns checked."""
    text = read_text(path, encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.ParserError as exc:
        raise DataError(path, f"cannot be parsed as CSV: {exc}") from None
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise DataError(
            path,
            f"header lacks column(s) {missing}; found {list(df.columns)[:8]} (shifted or changed header?)",
            row=1,
            column=missing[0],
        )
    if df.empty:
        raise DataError(path, "has a header but no data rows", row=2)
    return df.assign(source_row=range(2, len(df) + 2))


def parse_float(path: Path, row: int, column: str, text: str) -> float:
    """A number written in a raw file, or a located :class:`DataError`."""
    try:
        return float(text.replace(",", ""))
    except ValueError:
        raise DataError(path, f"{text!r} is not a number", row=row, column=column) from None


def parse_int(path: Path, row: int, column: str, text: str) -> int:
    """A whole number written in a raw file, or a located :class:`DataError`."""
    try:
        return int(text)
    except ValueError:
        raise DataError(path, f"{text!r} is not a whole number", row=row, column=column) from None
