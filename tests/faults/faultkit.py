"""The fault suite's tools: a temporary copy of the book (never the working tree), its commands,
and the record of each fault's outcome.

The copy holds every file git tracks, the vendored Vega runtime and chart caches, and links to
the working tree's ``node_modules/``; it runs with the working tree's virtualenv, its own code
first on ``PYTHONPATH``. One copy serves a whole test module: each fault is planted, the command
run, the outcome checked, and the planted file put back before the next.

``make faults`` runs the suite alone and prints a table of every fault and its outcome
(conftest.py prints it).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from azbook.paths import ROOT

VENV = Path(sys.executable).parent.parent
#: What a planted fault must leave as it was: the tables, the notebooks, the published book.
GUARDED = ("data", "chapters", "intro.ipynb", "_build/html")
OUTCOMES: list[dict[str, str]] = []


@dataclass
class Result:
    command: str
    returncode: int
    output: str


class Project:
    """A copy of the book at ``path``, and ways to run its commands and plant faults in it."""

    def __init__(self, path: Path):
        self.path = path

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "PYTHONPATH": str(self.path), "PATH": f"{VENV / 'bin'}{os.pathsep}{os.environ['PATH']}"}

    def make_command(self, *args: str) -> list[str]:
        # -o: the working tree's virtualenv and npm packages count as installed (never reinstalled from here).
        return ["make", "--no-print-directory", f"VENV={VENV}", "-o", f"{VENV}/.installed",
                "-o", "node_modules/.installed", *args]

    def run(self, *cmd: str, timeout: float = 600) -> Result:
        done = subprocess.run(cmd, cwd=self.path, env=self.env, capture_output=True, text=True, timeout=timeout)
        return Result(" ".join(cmd), done.returncode, done.stdout + done.stderr)

    def make(self, *args: str, timeout: float = 600) -> Result:
        result = self.run(*self.make_command(*args), timeout=timeout)
        result.command = "make " + " ".join(args)
        return result

    def start_make(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen(self.make_command(*args), cwd=self.path, env=self.env, start_new_session=True,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def snapshot(self, parts: tuple[str, ...] = GUARDED) -> dict[str, str]:
        """SHA-256 of every file under ``parts`` (relative path -> digest)."""
        digests = {}
        for part in parts:
            base = self.path / part
            files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file()) if base.exists() else []
            for f in files:
                digests[f.relative_to(self.path).as_posix()] = hashlib.sha256(f.read_bytes()).hexdigest()
        return digests

    @contextmanager
    def planted(self, *relpaths: str):
        """Keep the bytes of ``relpaths`` (or their absence) and put them back afterwards."""
        kept = {r: (self.path / r).read_bytes() if (self.path / r).exists() else None for r in relpaths}
        try:
            yield
        finally:
            for r, data in kept.items():
                target = self.path / r
                if data is None:
                    target.unlink(missing_ok=True)
                else:
                    target.write_bytes(data)


def copy_project(target: Path) -> Project:
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for rel in filter(None, tracked.decode().split("\0")):
        source = ROOT / rel
        if source.is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / rel)
    vendor = ROOT / "azbook" / "_vendor"
    if vendor.exists():
        shutil.copytree(vendor, target / "azbook" / "_vendor")
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return Project(target)


#: The temporary folders' prefix, left out of the table (``<tmp>/``).
TMP = re.compile(r"/tmp/pytest-of-[^/\s]+/pytest-\d+/[^/\s]+/")


def record(fault: str, result: Result, untouched: bool, message: str) -> None:
    """Note a fault's outcome for the table ``make faults`` prints."""
    OUTCOMES.append({"fault": fault, "command": TMP.sub("<tmp>/", result.command), "exit": str(result.returncode),
                     "untouched": "yes" if untouched else "NO", "message": TMP.sub("", message)})
