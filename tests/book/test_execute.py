"""Execution: digests notice changes; a failing notebook is reported by name and cell and left untouched."""

from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from azbook.book import execute


def notebook(tmp_path, *sources):
    nb = new_notebook(cells=[new_code_cell(s) for s in sources])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "chapter.ipynb"
    nbformat.write(nb, path)
    return path


def test_digest_changes_with_cells_and_shared_inputs(tmp_path):
    nb = nbformat.read(notebook(tmp_path, "1 + 1"), as_version=4)
    a = execute.notebook_digest(nb, "shared-1")
    assert a == execute.notebook_digest(nb, "shared-1")
    assert a != execute.notebook_digest(nb, "shared-2")
    nb.cells[0].source = "1 + 2"
    assert a != execute.notebook_digest(nb, "shared-1")


def test_digest_ignores_outputs(tmp_path):
    nb = nbformat.read(notebook(tmp_path, "1 + 1"), as_version=4)
    before = execute.notebook_digest(nb, "s")
    nb.cells[0].outputs = [nbformat.v4.new_output("stream", text="noise")]
    assert execute.notebook_digest(nb, "s") == before


def test_success_writes_outputs_and_digest(tmp_path):
    path = notebook(tmp_path, "x = 40 + 2\nx")
    _, error = execute.execute_one(path, "s")
    assert error is None
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[0].outputs[0]["data"]["text/plain"] == "42"
    assert not execute.is_stale(path, "s") and execute.is_stale(path, "other")


def test_failure_names_notebook_cell_and_error_and_writes_nothing(tmp_path):
    path = notebook(tmp_path, "x = 1", "raise ValueError('bad number in data')")
    before = path.read_bytes()
    _, error = execute.execute_one(path, "s")
    assert "chapter.ipynb" in error and "cell 1" in error and "ValueError: bad number in data" in error
    assert path.read_bytes() == before


def test_written_atomically_with_its_mode_and_no_temporary_left(tmp_path):
    path = notebook(tmp_path, "1")
    path.chmod(0o644)
    execute.write_atomic(nbformat.read(path, as_version=4), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chapter.ipynb"]
    assert path.stat().st_mode & 0o777 == 0o644


def _alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = open(f"/proc/{pid}/stat").read()
    return stat[stat.rindex(")") + 2] != "Z"


def test_sigterm_kills_workers_and_kernels_and_leaves_the_notebook(tmp_path):
    """A build killed part-way leaves nothing it started running (the kernel runs in a session of
    its own, and here starts a process of its own too) and no notebook half-written."""
    import os
    import signal
    import subprocess
    import sys
    import time

    marker = tmp_path / "kernel.pid"
    path = notebook(tmp_path, "import subprocess, time\n"
                    "child = subprocess.Popen(['sleep', '300'], start_new_session=True)\n"
                    f"open({str(marker)!r}, 'w').write(str(child.pid))\ntime.sleep(120)")
    before = path.read_bytes()
    run = subprocess.Popen([sys.executable, "-m", "azbook.book.execute", "--force", str(path)],
                           start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not (marker.exists() and marker.read_text()) and time.monotonic() < deadline:
        assert run.poll() is None, "execution ended before the kernel started"
        time.sleep(0.1)
    started = int(marker.read_text())
    os.killpg(run.pid, signal.SIGTERM)
    assert run.wait(timeout=60) != 0
    deadline = time.monotonic() + 30
    while _alive(started) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(started), f"process {started}, started by the notebook, outlived the SIGTERM"
    assert path.read_bytes() == before
