"""Re-execute the chapter notebooks whose inputs changed, in parallel; never publish a failure.

    python -m azbook.book.execute [NOTEBOOK ...] [--force] [--check] [--jobs N]

A notebook's *inputs* are its own cells (sources and tags), every file in ``data/``,
the package's code and static files, and ``requirements.txt``. Their SHA-256 is stored
in the notebook's metadata (``azbook.inputs_sha256``) when it is executed. A notebook
whose stored digest matches is left alone; any other is executed top to bottom in a
fresh kernel, and written back (outputs and digest) only if every cell succeeded.
A failure names the notebook, the cell and the error, and leaves the file untouched;
a notebook is written to a temporary file and moved into place, so a run that is killed never
leaves one half-written. A run stopped by SIGTERM or SIGINT (in the main process or a worker)
kills every process it started, kernels included, before it exits.
``--check`` only reports stale notebooks (exit 1 if any).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat

from azbook.paths import DATA_DIR, PACKAGE_DIR, ROOT, toc_notebooks

METADATA_KEY = "azbook"
TIMEOUT_S = 300
#: Tries at starting a notebook's kernel (see execute_one).
KERNEL_STARTS = 2


def notebooks() -> list[Path]:
    """The book's notebooks (every .ipynb document of _toc.yml)."""
    return toc_notebooks()


def _files(folder: Path, patterns: tuple[str, ...]) -> list[Path]:
    found = {p for pattern in patterns for p in folder.rglob(pattern)}
    return sorted(p for p in found if p.is_file() and "__pycache__" not in p.parts and "_vendor" not in p.parts)


def shared_inputs_digest() -> str:
    """Digest of what every notebook depends on: data/, the package, requirements.txt."""
    h = hashlib.sha256()
    files = _files(DATA_DIR, ("*",)) + _files(PACKAGE_DIR, ("*.py", "*.js", "*.css", "*.csv", "*.yml")) + [ROOT / "requirements.txt"]
    for path in files:
        if path.exists():
            h.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def notebook_digest(nb: nbformat.NotebookNode, shared: str) -> str:
    """Digest of a notebook's own cells (type, source, tags) plus the shared inputs."""
    h = hashlib.sha256(shared.encode())
    for cell in nb["cells"]:
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        h.update(cell["cell_type"].encode() + b"\0" + source.encode() + b"\0")
        h.update(",".join(cell.get("metadata", {}).get("tags", [])).encode() + b"\0")
    return h.hexdigest()


def stored_digest(nb: dict) -> str | None:
    return nb["metadata"].get(METADATA_KEY, {}).get("inputs_sha256")


def is_stale(path: Path, shared: str) -> bool:
    """Whether the notebook's stored digest differs from its inputs' (read as plain JSON: fast)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    return stored_digest(nb) != notebook_digest(nb, shared)


def _shown(path: Path) -> str:
    """The path as shown in messages: relative to the book when inside it."""
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def descendants(pid: int) -> list[int]:
    """Every living process below ``pid`` (children before grandchildren), read from ``/proc``."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2 :].split()
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        children = parents.get(todo.pop(), [])
        found += children
        todo += children
    return found


def _stop(signum: int, _frame: object) -> None:
    """Kill everything this process started (workers, kernels: kernels run in their own
    session, so a signal to the process group never reaches them), then exit.

    The deepest go first: a process killed before its own children would leave them to init, out
    of reach of the other process stopping at the same moment (the main process and a worker both
    get the signal, and the main one may kill the worker half-way through its list)."""
    for child in reversed(descendants(os.getpid())):
        try:
            os.kill(child, signal.SIGKILL)
        except ProcessLookupError:
            pass
    os._exit(128 + signum)


def _worker_start() -> None:
    """A worker runs in a process group of its own, so a signal to the build's group (Ctrl-C, `kill`
    of `make`) reaches only the main process, whose :func:`_stop` then ends the worker, its kernel
    and what that started, deepest first, while they are all still there to be found. (A worker
    that got the signal too would let nbclient end its kernel at once, orphaning the kernel's own
    children before the main process could see them.)"""
    os.setpgid(0, 0)
    stop_with_children()


def stop_with_children() -> None:
    """Install :func:`_stop` for SIGTERM and SIGINT (the main process and each worker)."""
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, _stop)


def write_atomic(nb: nbformat.NotebookNode, path: Path) -> None:
    """Write the notebook to a temporary file beside ``path``, then move it into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            nbformat.write(nb, handle)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def execute_one(path: Path, shared: str) -> tuple[Path, str | None]:
    """Execute one notebook in a fresh kernel; write it only on success. Returns (path, error)."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    from azbook.book import render

    latest: list[nbformat.NotebookNode] = []

    def run() -> nbformat.NotebookNode:
        for attempt in range(KERNEL_STARTS):
            nb = nbformat.read(path, as_version=4)
            latest[:] = [nb]
            render.seed_cache(nb)  # fallback images already stored for unchanged charts are not redrawn
            client = NotebookClient(
                nb, timeout=TIMEOUT_S, kernel_name="python3", record_timing=False,
                resources={"metadata": {"path": str(path.parent)}},
                # The outputs are in once the last cell has run: the kernel is ended at once rather
                # than asked to shut down and waited for (about half a second a notebook).
                shutdown_kernel="immediate",
            )
            try:
                client.execute()
                return nb
            except CellExecutionError:
                raise
            except Exception:
                # A kernel that dies before running any cell (two kernels starting at once can
                # pick the same free port) is started once more; a failure in a cell never is.
                if attempt == KERNEL_STARTS - 1 or any(c.get("execution_count") for c in nb.cells if c.cell_type == "code"):
                    raise
        raise AssertionError("unreachable")

    try:
        nb = run()
    except CellExecutionError as exc:
        nb = latest[0]
        index, cell = next(
            ((i, c) for i, c in enumerate(nb.cells) if any(o.get("output_type") == "error" for o in c.get("outputs", []))),
            (None, None),
        )
        where = f"cell {index} (id {cell.get('id')})" if cell is not None else "a cell"
        error = next((o for o in cell.outputs if o.output_type == "error"), None) if cell is not None else None
        summary = f"{error.ename}: {error.evalue}" if error is not None else str(exc).splitlines()[-1]
        return path, f"{_shown(path)}: {where} raised {summary}"
    except Exception as exc:  # kernel died, timeout, ...
        return path, f"{_shown(path)}: execution failed: {type(exc).__name__}: {exc}"
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    if errors:
        return path, f"{_shown(path)}: an error output was produced ({errors[0].ename})"
    nb.metadata.setdefault(METADATA_KEY, {})["inputs_sha256"] = notebook_digest(nb, shared)
    write_atomic(nb, path)
    return path, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Re-execute notebooks whose inputs changed.")
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--force", action="store_true", help="execute even if up to date")
    parser.add_argument("--check", action="store_true", help="only list stale notebooks; exit 1 if any")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or notebooks()
    shared = shared_inputs_digest()
    stale = [p for p in paths if args.force or is_stale(p, shared)]
    if args.check:
        for p in stale:
            print(f"stale: {_shown(p)} (run `make book` to re-execute it)")
        return 1 if stale else 0
    if not stale:
        print("notebooks: all up to date")
        return 0
    # Longest first (stored size as the guess), so the last notebook to start is a short one.
    stale.sort(key=lambda p: p.stat().st_size, reverse=True)
    print("executing: " + ", ".join(_shown(p) for p in stale), flush=True)
    stop_with_children()
    with ProcessPoolExecutor(max_workers=max(1, min(args.jobs, len(stale))), initializer=_worker_start) as pool:
        results = list(pool.map(execute_one, stale, [shared] * len(stale)))
    failures = [err for _, err in results if err]
    for err in failures:
        print(f"FAILED {err}", file=sys.stderr)
    for path, err in results:
        if not err:
            print(f"executed {_shown(path)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
