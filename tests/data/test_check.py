"""The pre-build data check: passes on the committed tables, names every refused one."""

from __future__ import annotations

from azbook.data import check, tables
from azbook.data.schema import DataError


def test_the_committed_tables_pass(capsys):
    assert check.main() == 0
    assert "tables checked" in capsys.readouterr().out


def test_a_refused_table_is_named_and_fails(monkeypatch, capsys):
    monkeypatch.setattr(tables, "check_all", lambda: [str(DataError("data/trade.csv", "changed", row=3, column="year"))])
    assert check.main() == 1
    assert "data check failed: data/trade.csv, row 3, column 'year': changed" in capsys.readouterr().err
