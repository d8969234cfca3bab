"""The data build: raw publisher files -> tidy, validated tables and their metadata in ``data/``.

    python -m azbook.data.build RAW [--out DIR] [--only NAME ...]

Every table is built and checked first; only when all checks pass are the outputs
written, each to a temporary file and then moved into place, so a failed build leaves
``data/`` as it was. The outputs are byte-for-byte reproducible from the same raw files.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

from azbook.data import datasets
from azbook.data.integrity import INTEGRITY_KEYS, integrity
from azbook.data.schema import Dataset, DataError
from azbook.paths import DATA_DIR


def to_csv_text(df: pd.DataFrame) -> str:
    """The canonical CSV text of a table (stable float formatting, ``\\n`` line ends)."""
    return df.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d")


def with_integrity(meta: dict[str, Any], csv_text: str) -> dict[str, Any]:
    """``meta`` with its integrity record replaced by that of ``csv_text`` (always the last keys)."""
    out = {k: v for k, v in meta.items() if k not in INTEGRITY_KEYS}
    return {**out, **integrity(csv_text)}


def metadata_text(meta: dict[str, Any]) -> str:
    """The canonical text of a metadata file."""
    return json.dumps(meta, indent=2, ensure_ascii=False) + "\n"


def descriptor(ds: Dataset, df: pd.DataFrame) -> dict[str, Any]:
    """The table's metadata: a Frictionless Tabular Data Resource with provenance added."""
    return {
        "profile": "tabular-data-resource",
        "name": ds.name,
        "path": f"{ds.name}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": ds.title,
        "description": ds.description,
        "source_line": ds.source_line,
        "sources": [
            {
                "title": s.dataset,
                "publisher": s.publisher,
                "release": s.release,
                "path": s.url,
                "accessed": s.accessed,
                "raw_files": list(s.raw_files),
                "citation": s.citation,
                "released": s.released,
            }
            for s in ds.sources
        ],
        "licenses": [{"title": s.licence, "attribution": s.attribution} for s in ds.sources],
        "processing": list(ds.processing),
        "notes": list(ds.notes),
        "coverage": ds.coverage(df) if ds.coverage else {"rows": len(df)},
        "schema": {"fields": [f.descriptor() for f in ds.fields], "primaryKey": list(ds.key)},
    }


def build_one(ds: Dataset, raw: Path) -> tuple[str, str]:
    """Build, validate and cross-check one table; return its CSV and metadata texts."""
    df = ds.build(raw)
    raw_files = [s for src in ds.sources for s in src.raw_files]
    try:
        df = ds.validate(df, f"data/{ds.name}.csv (built from {', '.join(raw_files)})")
    except DataError as exc:
        raise _in_raw_file(exc, df, raw, raw_files, ds.name) from None
    if ds.cross_checks:
        ds.cross_checks(df)
    csv_text = to_csv_text(df)
    return csv_text, metadata_text(with_integrity(descriptor(ds, df), csv_text))


def _in_raw_file(exc: DataError, df: pd.DataFrame, raw: Path, raw_files: list[str], name: str) -> DataError:
    """A check that failed on a row of the built table, located in the raw file's line it came from
    (when the dataset records it: ``source_row``, one raw file)."""
    rows = df.attrs.get("source_rows")
    if exc.row is None or not rows or len(raw_files) != 1 or not 0 <= exc.row - 2 < len(rows):
        return exc
    return DataError(raw / raw_files[0], f"{exc.message} (in column {exc.column!r} of data/{name}.csv)",
                     row=int(rows[exc.row - 2]), column=exc.column)


def build_all(raw: Path, out: Path = DATA_DIR, only: list[str] | None = None) -> list[Path]:
    """Build every (or the named) table; write all outputs only if every one passed."""
    raw = Path(raw)
    if not raw.is_dir():
        raise DataError(raw, "raw folder not found")
    names = only or list(datasets.REGISTRY)
    texts: dict[Path, str] = {}
    for name in names:
        ds = datasets.get(name)
        csv_text, meta_text = build_one(ds, raw)
        texts[out / f"{name}.csv"] = csv_text
        texts[out / f"{name}.json"] = meta_text
    _publish(texts, out)
    return list(texts)


def _publish(texts: dict[Path, str], out: Path) -> None:
    """Write every text to a temporary file beside its target, then move them all into place."""
    out.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    try:
        for target, text in texts.items():
            fd, tmp = tempfile.mkstemp(dir=out, prefix=f".{target.name}.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            os.chmod(tmp, 0o644)
            staged.append((tmp, target))
    except BaseException:
        for tmp, _ in staged:
            os.unlink(tmp)
        raise
    for tmp, target in staged:
        os.replace(tmp, target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", type=Path, help="folder laid out like shared/raw (economy/, security/)")
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    parser.add_argument("--only", nargs="*", help="build only these tables")
    args = parser.parse_args(argv)
    try:
        written = build_all(args.raw, args.out, args.only)
    except DataError as exc:
        print(f"data build failed, nothing written: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
