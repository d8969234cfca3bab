"""Fixtures of the fault suite (its tools are in faultkit.py), and the table `make faults` prints."""

from __future__ import annotations

import pytest

from faultkit import OUTCOMES, Project, copy_project


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Project:
    """A copy of the book with its HTML built once (the last good book every fault must leave)."""
    p = copy_project(tmp_path_factory.mktemp("book"))
    built = p.make("html")
    assert built.returncode == 0, f"the unchanged copy does not build:\n{built.output[-3000:]}"
    return p


def pytest_terminal_summary(terminalreporter):
    if not OUTCOMES:
        return
    terminalreporter.section("faults injected, and what happened")
    rows = [("fault", "command", "exit", "untouched", "message (first line naming the fault)")]
    rows += [(o["fault"], o["command"], o["exit"], o["untouched"], o["message"]) for o in OUTCOMES]
    widths = [min(max(len(r[i]) for r in rows), limit) for i, limit in enumerate((48, 30, 4, 9, 150))]
    rows.insert(1, tuple("-" * w for w in widths))  # a Markdown table, as the README shows it
    for r in rows:
        terminalreporter.write_line("| " + " | ".join(c[: widths[i]].ljust(widths[i]) for i, c in enumerate(r)) + " |")
