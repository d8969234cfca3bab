"""The book's tables by name: read from ``data/``, typed, and validated against their schema."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import pandas as pd

from azbook.data import datasets
from azbook.paths import DATA_DIR
from azbook.data.schema import DataError


def table_path(name: str):
    return DATA_DIR / f"{name}.csv"


def metadata_path(name: str):
    return DATA_DIR / f"{name}.json"


def read_table(path, name: str) -> pd.DataFrame:
    """Read and validate one tidy CSV as the dataset ``name`` (errors name file, row and column)."""
    ds = datasets.get(name)
    if not path.exists():
        raise DataError(path, "table not found: run `make data RAW=<folder>` to build it")
    dtypes = {f.name: f.dtype for f in ds.fields if f.type not in ("date", "bool")}
    try:
        df = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""])
    except (ValueError, TypeError) as exc:
        raise DataError(path, f"cannot be read with the schema's types: {exc}") from None
    for f in ds.fields:
        if f.name not in df.columns:
            continue
        if f.type == "bool":
            df[f.name] = df[f.name].map({"True": True, "False": False, True: True, False: False}).astype("boolean")
        elif f.type == "date":
            df[f.name] = pd.to_datetime(df[f.name], format="%Y-%m-%d", errors="coerce")
    return ds.validate(df, path)


@lru_cache(maxsize=None)
def _load(name: str) -> pd.DataFrame:
    return read_table(table_path(name), name)


def load(name: str) -> pd.DataFrame:
    """The validated table ``name`` (a fresh copy, safe to modify)."""
    return _load(name).copy()


def metadata(name: str) -> dict[str, Any]:
    """The table's metadata (a Frictionless data-resource descriptor with provenance)."""
    return json.loads(metadata_path(name).read_text(encoding="utf-8"))


def source_line(name: str) -> str:
    """The short source line that every chart of this table carries."""
    return metadata(name)["source_line"]
