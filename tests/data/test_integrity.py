"""The integrity record: size, digest, rows, and which row and column changed."""

from __future__ import annotations

import subprocess
import sys

from azbook.data.integrity import INTEGRITY_KEYS, SHORT, integrity

TEXT = "year,partner,value\n2019,Russia,1.5\n2020,Turkey,2.0\n"


def test_the_record_has_its_keys_and_counts():
    record = integrity(TEXT)
    assert tuple(record) == INTEGRITY_KEYS
    assert record["bytes"] == len(TEXT.encode()) and record["rows"] == 2
    assert record["hash"].startswith("sha256:") and len(record["hash"]) == len("sha256:") + 64
    assert len(record["row_hashes"]) == 2 * SHORT and list(record["column_hashes"]) == ["year", "partner", "value"]


def test_a_changed_cell_changes_its_row_and_column_only():
    before, after = integrity(TEXT), integrity(TEXT.replace("2.0", "20.0"))
    rows = lambda r: [r["row_hashes"][i:i + SHORT] for i in range(0, len(r["row_hashes"]), SHORT)]  # noqa: E731
    assert [a == b for a, b in zip(rows(before), rows(after))] == [True, False]
    assert {k for k in before["column_hashes"] if before["column_hashes"][k] != after["column_hashes"][k]} == {"value"}
    assert before["hash"] != after["hash"]


def test_an_empty_table_has_no_rows():
    assert integrity("")["rows"] == 0 and integrity("")["column_hashes"] == {}


def test_loading_tables_does_not_import_the_data_build():
    """So `python -m azbook.data.build` runs its module once (no runpy RuntimeWarning)."""
    code = "import sys, azbook.data.tables; print('azbook.data.build' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    run = subprocess.run([sys.executable, "-W", "error::RuntimeWarning", "-m", "azbook.data.build", "--help"],
                         capture_output=True, text=True)
    assert run.returncode == 0 and "RuntimeWarning" not in run.stderr, run.stderr
