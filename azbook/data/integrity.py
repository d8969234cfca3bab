"""The integrity record of a table: what ``make data`` wrote, so a table changed outside it is refused.

:func:`integrity` is written into every table's metadata by :mod:`azbook.data.build` and checked
on every load by :mod:`azbook.data.tables`; it lives here, apart from both, so that loading a
table never imports the data build (and ``python -m azbook.data.build`` runs the module once).
"""

from __future__ import annotations

import csv
import hashlib
import io
from typing import Any

#: The metadata keys :func:`integrity` writes (what ``make data`` wrote; checked on every load).
INTEGRITY_KEYS = ("bytes", "hash", "rows", "row_hashes", "column_hashes")
#: Hex digits kept of each row's and column's SHA-256: enough to tell which one changed.
SHORT = 8


def _short(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:SHORT]


def integrity(csv_text: str) -> dict[str, Any]:
    """What ``make data`` wrote, recorded in the table's metadata: size, SHA-256, row count, and
    short digests of every data row (in order) and of every column, so that a table changed
    outside ``make data`` is refused on load with the row and column that differ.
    """
    records = list(csv.reader(io.StringIO(csv_text, newline="")))
    header, rows = (records[0], records[1:]) if records else ([], [])
    return {
        "bytes": len(csv_text.encode("utf-8")),
        "hash": "sha256:" + hashlib.sha256(csv_text.encode("utf-8")).hexdigest(),
        "rows": len(rows),
        "row_hashes": "".join(_short("\x1f".join(r)) for r in rows),
        "column_hashes": {name: _short("\x1f".join(r[i] if i < len(r) else "" for r in rows))
                          for i, name in enumerate(header)},
    }
