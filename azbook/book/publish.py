"""Build the HTML book into a staging folder and publish it to ``_build/html`` only on success.

    python -m azbook.book.publish      (what `make html` runs)

Sphinx writes into ``_build/.staging`` (kept between runs, so rebuilds stay incremental). A
marker file says a build is under way there: a build that fails or is killed leaves the marker,
and the next run starts that staging folder afresh (Sphinx does not repeat the warnings of pages
it does not re-read, so a failed incremental build must never be the base of the next one). Only
when the whole build succeeds is its HTML copied beside ``_build/html`` and swapped in, so
readers (and the tests) always see the last good book, never a half-written or failed one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from azbook.paths import ROOT, STATIC_DIR, VENDOR_DIR

#: The book's own static folders (copied into every build's ``_static``).
OWN_STATIC = (STATIC_DIR, VENDOR_DIR / "static")

#: Options of every book build: warnings are errors, missing references too, and all are reported.
SPHINX_OPTIONS = ("--builder", "html", "-W", "-n", "--keep-going")
#: The file ``make`` compares with the book's sources to skip an up-to-date build.
STAMP = ".built"


def folders(root: Path = ROOT) -> dict[str, Path]:
    """Where the published book, its staging build and the swap's temporary names live."""
    build = root / "_build"
    return {
        "html": build / "html",
        "staging": build / ".staging",
        "staged_html": build / ".staging" / "_build" / "html",
        "marker": build / ".staging" / "INCOMPLETE",
        "new": build / ".html-new",
        "old": build / ".html-old",
    }


def recover(f: dict[str, Path]) -> list[str]:
    """Undo what an interrupted run left: a swap cut in half, a half-copied book, a failed staging."""
    said = []
    if not f["html"].exists() and f["old"].exists():
        os.replace(f["old"], f["html"])
        said.append("restored the last good book (a previous publish was interrupted)")
    for leftover in (f["new"], f["old"]):
        if leftover.exists():
            shutil.rmtree(leftover)
    if f["marker"].exists():
        shutil.rmtree(f["staging"])
        said.append("the previous build failed or was interrupted: building afresh")
    return said


def refresh_static(static: Path) -> None:
    """Copy the book's own static files into the build's ``_static``. An incremental Sphinx build
    neither overwrites a static file its output already has nor copies any when no page is out
    of date, so without this a change to a script or style alone would never reach the book."""
    static.mkdir(parents=True, exist_ok=True)
    for folder in OWN_STATIC:
        for source in sorted(folder.iterdir()) if folder.is_dir() else ():
            if source.is_file():
                shutil.copy2(source, static / source.name)


def carry_over_pdf(published: Path, new: Path) -> list[str]:
    """Keep the PDF edition that `make pdf` copied into the published book (Sphinx never makes
    one, so the new build lacks it): the pages link it by name, and until `make pdf` runs again
    (it rebuilds a PDF older than the HTML) readers get the last one printed, not a broken link.
    Returns the names carried over."""
    kept = []
    for pdf in sorted(published.glob("*.pdf")) if published.is_dir() else ():
        if not (new / pdf.name).exists():
            shutil.copy2(pdf, new / pdf.name)
            kept.append(pdf.name)
    return kept


def static_digest(folders: tuple[Path, ...] | None = None) -> str:
    """A digest of the book's own static files (names and bytes). Every page links them with a
    checksum (``?v=...``), so when one changes, every page must be written again (see
    :func:`azbook.book.sphinx_ext._outdated_by_static`)."""
    digest = hashlib.sha256()
    for folder in folders if folders is not None else OWN_STATIC:
        for source in sorted(folder.iterdir()) if folder.is_dir() else ():
            if source.is_file():
                digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()


def swap_in(built: Path, f: dict[str, Path]) -> None:
    """Copy ``built`` next to the published book and swap it in with two renames."""
    # .buildinfo is Sphinx's own note for its next incremental build (a digest of the config,
    # which holds the book's absolute paths): it stays in the staging folder, not in the book.
    shutil.copytree(built, f["new"], symlinks=True, ignore=lambda folder, names: [n for n in names if n == ".buildinfo"]
                    if Path(folder) == built else [])
    (f["new"] / STAMP).write_bytes(b"")
    carry_over_pdf(f["html"], f["new"])
    if f["html"].exists():
        os.replace(f["html"], f["old"])
    os.replace(f["new"], f["html"])
    if f["old"].exists():
        shutil.rmtree(f["old"])


def warm_vega_cache(root: Path) -> subprocess.Popen:
    """Start compiling the charts' Vega specs (:mod:`azbook.book.vega`) in a second process, on the
    core the single-process Sphinx build leaves idle; the build then finds them in the cache."""
    notebooks = sorted(str(p) for p in [*root.glob("*.ipynb"), *root.glob("chapters/*.ipynb")])
    return subprocess.Popen([sys.executable, "-m", "azbook.book.vega", *notebooks], cwd=root,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(process: subprocess.Popen, wait_s: float = 30.0) -> None:
    """Let a helper process finish (it is normally done long before the build), else end it."""
    try:
        process.wait(timeout=wait_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


#: The data check (:mod:`azbook.data.check`) that every build runs beside Sphinx.
DATA_CHECK = (sys.executable, "-m", "azbook.data.check")


def build(root: Path = ROOT, jupyter_book: str | None = None, data_check: Sequence[str] = DATA_CHECK) -> int:
    """Build the book (warnings as errors) and publish it; on failure the published book is unchanged.

    The data check runs beside the Sphinx build, on the other core (with the Vega compiler,
    :func:`warm_vega_cache`): a table that fails it stops the build at once, and nothing is published.
    """
    f = folders(root)
    for line in recover(f):
        print(f"publish: {line}", flush=True)
    f["staging"].mkdir(parents=True, exist_ok=True)
    # Sphinx adds "?v=<checksum>" to a stylesheet link when the file is already in its output as
    # a page is written. myst-nb writes its stylesheet only when the build finishes, so a clean
    # build links it bare and an incremental one with the checksum: removed here, every build
    # links it as a clean build does, and two builds of the same sources are byte-identical.
    for generated in (f["staged_html"] / "_static").glob("mystnb.*.css"):
        generated.unlink()
    f["marker"].write_text("a build is running here, or failed; the next one starts afresh\n")
    exe = jupyter_book or str(Path(sys.executable).with_name("jupyter-book"))
    helpers = [subprocess.Popen(list(data_check), cwd=root, stdin=subprocess.DEVNULL), warm_vega_cache(root)]
    checking, warming = helpers
    sphinx = subprocess.Popen([exe, "build", str(root), *SPHINX_OPTIONS, "--path-output", str(f["staging"])],
                              stdin=subprocess.DEVNULL)
    try:
        if checking.wait() != 0:
            sphinx.terminate()
            sphinx.wait()
            stop(warming)
            print(f"publish: the data check failed (above); {f['html'].relative_to(root)} still holds the last good book",
                  file=sys.stderr)
            return checking.returncode
        rc = sphinx.wait()
    except BaseException:  # interrupted: the helpers and Sphinx go too
        for process in (sphinx, *helpers):
            process.kill()
            process.wait()
        raise
    stop(warming)
    if rc != 0:
        print(f"publish: the build failed (exit {rc}); {f['html'].relative_to(root)} still holds the last good book",
              file=sys.stderr)
        return rc
    refresh_static(f["staged_html"] / "_static")
    swap_in(f["staged_html"], f)
    f["marker"].unlink()
    print(f"publish: {f['html'].relative_to(root)} now holds this build", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(build())
