"""The book's tables by name: read from ``data/``, typed, validated against their schema, and
checked against what ``make data`` wrote (the integrity record in each table's metadata).

Every refusal is a :class:`~azbook.data.schema.DataError` naming the file, and the row and
column where they can be known: a value of the wrong type, a byte that is not UTF-8, a
byte-order mark or CRLF line ends (``make data`` writes neither: such a file was saved by an
editor), a row deleted or changed since ``make data`` wrote the table.
"""

from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from azbook.data import datasets
from azbook.data.integrity import INTEGRITY_KEYS, SHORT, integrity
from azbook.data.schema import DataError, Dataset
from azbook.paths import DATA_DIR

OUTSIDE = "changed outside `make data` (rebuild it with `make data RAW=<folder>` or restore it from git)"


def table_path(name: str) -> Path:
    return DATA_DIR / f"{name}.csv"


def metadata_path(name: str) -> Path:
    return DATA_DIR / f"{name}.json"


def read_text(path: Path) -> str:
    """The text of a tidy table exactly as ``make data`` writes it: UTF-8, no BOM, ``\\n`` line ends."""
    if not path.exists():
        raise DataError(path, "table not found: run `make data RAW=<folder>` to build it")
    raw = path.read_bytes()
    if not raw.strip():
        raise DataError(path, f"file is empty: {OUTSIDE}", row=1)
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataError(path, f"starts with a byte-order mark (saved by an editor?): {OUTSIDE}", row=1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        row = raw[: exc.start].count(b"\n") + 1
        column = _header_name(raw, raw[line_start : exc.start].count(b","))
        raise DataError(path, f"byte {exc.start} is not valid UTF-8 ({exc.reason}): {OUTSIDE}",
                        row=row, column=column) from None
    if "\r" in text:
        row = text[: text.index("\r")].count("\n") + 1
        raise DataError(path, f"has CRLF (Windows) line ends from row {row} (saved by an editor?): {OUTSIDE}", row=row)
    return text


def _header_name(raw: bytes, index: int) -> str | None:
    header = raw.split(b"\n", 1)[0].decode("utf-8", errors="replace").split(",")
    return header[index] if index < len(header) else None


def _typed_column(path: Path, name: str, values: pd.Series, kind: str, dtype: str) -> pd.Series:
    """One column converted from text to its field type; the first value that will not convert
    raises a DataError with its line number (row) and column."""
    present = values.notna()
    if kind in ("int", "float"):
        converted = pd.to_numeric(values, errors="coerce")
        bad = present & converted.isna()
        if kind == "int":
            bad |= present & converted.notna() & (converted != converted.round())
        expected = "a whole number" if kind == "int" else "a number"
    elif kind == "bool":
        converted = values.map({"True": True, "False": False})
        bad = present & converted.isna()
        expected = "True or False"
    elif kind == "date":
        converted = pd.to_datetime(values, format="%Y-%m-%d", errors="coerce")
        bad = present & converted.isna()
        expected = "a date (YYYY-MM-DD)"
    else:
        return values.astype(dtype)
    if bad.any():
        i = int(bad.to_numpy().nonzero()[0][0])
        raise DataError(path, f"{values.iloc[i]!r} is not {expected}", row=i + 2, column=name)
    return converted.astype(dtype)


def parse(text: str, path: Path, ds: Dataset) -> pd.DataFrame:
    """The table's text as a typed frame (columns not in the schema are kept, for validate to name)."""
    try:
        df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_values=[""])
    except (ValueError, pd.errors.ParserError) as exc:
        raise DataError(path, f"cannot be parsed as CSV: {exc}") from None
    for f in ds.fields:
        if f.name in df.columns:
            df[f.name] = _typed_column(path, f.name, df[f.name], f.type, f.dtype)
    return df


def read_metadata(path: Path) -> dict[str, Any]:
    """A table's metadata file; a missing or malformed one raises a DataError naming it."""
    if not path.exists():
        raise DataError(path, "metadata file not found: run `make data RAW=<folder>` to build it")
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise DataError(path, f"not valid UTF-8 ({exc.reason}): {OUTSIDE}") from None
    except json.JSONDecodeError as exc:
        raise DataError(path, f"not valid JSON ({exc.msg}, column {exc.colno}; truncated?): {OUTSIDE}",
                        row=exc.lineno) from None
    if not isinstance(meta, dict):
        raise DataError(path, f"not a metadata object: {OUTSIDE}", row=1)
    return meta


def check_integrity(path: Path, text: str, meta: dict[str, Any], meta_file: Path) -> None:
    """Refuse a table that is not byte for byte what ``make data`` wrote, naming the row and column."""
    missing = [k for k in INTEGRITY_KEYS if k not in meta]
    if missing:
        raise DataError(meta_file, f"records no {missing[0]!r} of {path.name} (the integrity record that "
                        "`make data` writes); rebuild with `make data RAW=<folder>`")
    now = integrity(text)
    if now["hash"] == meta["hash"]:
        return
    before, after = _chunks(meta["row_hashes"]), _chunks(now["row_hashes"])
    first = next((i for i, (a, b) in enumerate(zip(before, after)) if a != b), min(len(before), len(after)))
    row = first + 2
    if len(after) < len(before) and after[first:] == before[first + len(before) - len(after):]:
        raise DataError(path, f"{len(before) - len(after)} row(s) deleted at row {row} ({len(after)} rows; "
                        f"`make data` wrote {len(before)}): {OUTSIDE}", row=row)
    if len(after) > len(before) and after[first + len(after) - len(before):] == before[first:]:
        raise DataError(path, f"{len(after) - len(before)} row(s) added at row {row} ({len(after)} rows; "
                        f"`make data` wrote {len(before)}): {OUTSIDE}", row=row)
    columns = [c for c, h in now["column_hashes"].items() if meta["column_hashes"].get(c) != h]
    if first >= min(len(before), len(after)) and len(before) == len(after):
        raise DataError(path, f"its bytes differ from what `make data` wrote (digest in {meta_file.name}): {OUTSIDE}")
    raise DataError(path, f"differs from the row `make data` wrote (digest in {meta_file.name}): {OUTSIDE}",
                    row=row, column=columns[0] if columns else None)


def _chunks(hashes: str) -> list[str]:
    return [hashes[i : i + SHORT] for i in range(0, len(hashes), SHORT)]


def read_table(path: Path, name: str, meta_path: Path | None = None, *, check: bool = True) -> pd.DataFrame:
    """Read, type and validate one tidy CSV as the dataset ``name``; with ``check``, also refuse it
    unless it is what ``make data`` wrote (by its metadata ``meta_path``, beside it by default).
    Every error names the file, and the row and column where they can be known."""
    ds = datasets.get(name)
    path = Path(path)
    text = read_text(path)
    df = ds.validate(parse(text, path, ds), path)
    if check:
        meta_path = meta_path or path.with_suffix(".json")
        check_integrity(path, text, read_metadata(meta_path), meta_path)
    return df


@lru_cache(maxsize=None)
def _load(name: str) -> pd.DataFrame:
    return read_table(table_path(name), name, metadata_path(name))


def load(name: str) -> pd.DataFrame:
    """The validated table ``name`` (a fresh copy, safe to modify)."""
    return _load(name).copy()


def metadata(name: str) -> dict[str, Any]:
    """The table's metadata (a Frictionless data-resource descriptor with provenance)."""
    return read_metadata(metadata_path(name))


def source_line(name: str) -> str:
    """The short source line that every chart of this table carries."""
    return metadata(name)["source_line"]


def check_all() -> list[str]:
    """Load every table of ``data/`` (types, schema, integrity); return one message per refusal."""
    problems = []
    for name in sorted(datasets.REGISTRY):
        try:
            _load(name)
        except DataError as exc:
            problems.append(str(exc))
    return problems

