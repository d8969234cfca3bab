"""Reading raw publisher files defensively: every failure names the file, row and column."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from azbook.data.schema import DataError


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

def read_xlsx_sheet(path: Path, sheet: str) -> list[tuple]:
    """All rows of one worksheet as tuples of cell values (1st tuple = sheet row 1).

    A missing, empty or unreadable workbook, or a missing sheet, raises :class:`DataError`.
    """
    if not path.exists():
        raise DataError(path, "file not found (is RAW pointing at the folder laid out like shared/raw?)")
    if path.stat().st_size == 0:
        raise DataError(path, "file is empty")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as exc:
        raise DataError(path, f"not a readable .xlsx workbook ({type(exc).__name__}: wrong format or encoding?)") from None
    try:
        if sheet not in book.sheetnames:
            raise DataError(path, f"no sheet {sheet!r}; found {book.sheetnames[:8]}")
        return [tuple(row) for row in book[sheet].iter_rows(values_only=True)]
    finally:
        book.close()


def cell(rows: list[tuple], row: int, col: int):  # noqa: ANN201 (any cell value)
    """The value at 1-based ``row`` and 0-based ``col`` (None beyond the sheet's edge)."""
    if row > len(rows) or col >= len(rows[row - 1]):
        return None
    return rows[row - 1][col]


def column_ref(col: int, label: object) -> str:
    """A spreadsheet column as 'J (Azerbaijan)' for error messages."""
    return f"{get_column_letter(col + 1)} ({label})"


def xlsx_number(file: str, row: int, column: str, value: object, *, missing: tuple = ()) -> float | None:
    """A numeric cell; ``missing`` markers give None; anything else (or a negative) is a DataError."""
    if value in missing:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise DataError(file, f"{value!r} is not a number", row=row, column=column)
    if value < 0:
        raise DataError(file, f"negative value {value!r}", row=row, column=column)
    return float(value)
