"""Benchmark of the book's build, execution, tests and pages. Prints figures; asserts nothing.

    make bench        (runs in place; re-executed notebooks are reproduced byte for byte)

Targets (from the foundation issue): no-change rebuild < 2 s; clean build within 1.3x of
(notebooks / cores x floor + Sphinx-only build); all charts of a chapter drawn within 800 ms.
Notebooks: each at most 600 KB, all together at most 3 MB (issue 16).

Before and after in one run: the notebooks' weight as committed at BENCH_BEFORE (default: main
before the package was split into rooms and the fallback images were reduced) against now, and
the full re-execution with every fallback image drawn anew at full colour (``AZBOOK_PNG_COLOURS=0``,
as before) against now: 16-colour images, reused from the notebooks' stored outputs for every chart
whose spec did not change. The stored notebooks are put back afterwards.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "tests"))

from azbook.paths import toc_notebooks  # noqa: E402

NOTEBOOKS = toc_notebooks()
CORES = os.cpu_count() or 1


BEFORE = os.environ.get("BENCH_BEFORE", "59fd849")
#: Builds timed several times report the median (single runs on this 2-core VM vary by 10-20 %).
REPEATS = 3


def run(*cmd: str, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={**os.environ, **(env or {})})
    return time.perf_counter() - start


def execute(*args: str, env: dict[str, str] | None = None) -> float:
    return run(str(BIN / "python"), "-m", "azbook.book.execute", *args, env=env)


def committed_size(rev: str, path: Path) -> int | None:
    """Bytes of ``path`` as committed at ``rev`` (None where it did not exist or git cannot tell)."""
    out = subprocess.run(["git", "cat-file", "-s", f"{rev}:{path.relative_to(ROOT).as_posix()}"], cwd=ROOT,
                         capture_output=True, text=True)
    return int(out.stdout) if out.returncode == 0 else None


def clean_execute_and_html(env: dict[str, str] | None = None) -> float:
    """`_build` and the chart caches removed, every notebook executed, the HTML built."""
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    for cache in ("png-cache", "vega-cache"):  # a clean build starts with no rendered charts
        shutil.rmtree(ROOT / "azbook" / "_vendor" / cache, ignore_errors=True)
    return execute("--force", env=env) + run("make", "-s", "html")


def clean_html() -> float:
    """`make html` with `_build` and the Vega cache removed, as in a fresh clone whose notebooks are current."""
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    shutil.rmtree(ROOT / "azbook" / "_vendor" / "vega-cache", ignore_errors=True)
    return html()


def html() -> float:
    """The Sphinx build from stored outputs, published as `make html` does (staging, then swap)."""
    return run(str(BIN / "python"), "-m", "azbook.book.publish")


def book() -> float:
    """What a reader runs: `make book` (execute what is stale, rebuild the HTML if anything changed)."""
    return run("make", "-s", "book")


def floor(repeats: int = 3) -> float:
    """A fresh kernel plus the book's imports, as a one-cell notebook."""
    from nbclient import NotebookClient
    from nbformat.v4 import new_code_cell, new_notebook

    times = []
    for _ in range(repeats):
        nb = new_notebook(cells=[new_code_cell("import azbook\nazbook.setup()\nfrom azbook.data import load\nload('trade')")])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        start = time.perf_counter()
        NotebookClient(nb, kernel_name="python3").execute()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def digest(paths) -> str:
    return hashlib.sha256(b"".join(p.read_bytes() for p in paths)).hexdigest()


def line(label: str, value: str) -> None:
    print(f"{label:<58} {value}")


def build_figures() -> None:
    line("machine", f"{CORES} cores, Python {sys.version.split()[0]}, {len(NOTEBOOKS)} notebooks")
    fl = floor()
    line("floor: fresh kernel + book imports (median of 3)", f"{fl:.2f} s")

    sphinx_only = statistics.median(clean_html() for _ in range(REPEATS))
    line(f"Sphinx-only build from stored outputs (clean _build, median of {REPEATS})", f"{sphinx_only:.2f} s")

    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    shutil.rmtree(ROOT / "azbook" / "_vendor" / "vega-cache", ignore_errors=True)
    line("make book from a clean clone (outputs current, _build empty)", f"{book():.2f} s")

    kb = lambda n: "-" if n is None else f"{n / 1000:,.0f} KB"  # noqa: E731
    sizes_before = {nb: committed_size(BEFORE, nb) for nb in NOTEBOOKS}
    for nb in NOTEBOOKS:
        line(f"notebook {nb.relative_to(ROOT)}: at {BEFORE} -> now", f"{kb(sizes_before[nb])} -> {kb(nb.stat().st_size)}")
    total_before = sum(v for v in sizes_before.values() if v is not None)
    line(f"all notebooks: at {BEFORE} -> now (target <= 600 KB each, 3 MB in all)",
         f"{kb(total_before)} -> {kb(sum(nb.stat().st_size for nb in NOTEBOOKS))}")

    stored = {nb: nb.read_bytes() for nb in NOTEBOOKS}
    before = digest(NOTEBOOKS)
    target = 1.3 * (len(NOTEBOOKS) / CORES * fl + sphinx_only)
    # After: as from a clean clone, no caches; the fallback images come back from the stored outputs.
    clean = statistics.median(clean_execute_and_html() for _ in range(REPEATS))
    reproduced = digest(NOTEBOOKS) == before
    # Before: every fallback image drawn anew at full colour on every run, as at BENCH_BEFORE.
    full = clean_execute_and_html(env={"AZBOOK_PNG_COLOURS": "0"})
    line("before: clean build, full-colour images drawn every run", f"{full:.2f} s, notebooks "
         f"{kb(sum(nb.stat().st_size for nb in NOTEBOOKS))} (target <= {target:.2f} s)")
    line(f"after: clean build, 16-colour images reused by spec (median of {REPEATS})", f"{clean:.2f} s (target <= {target:.2f} s)")
    line("re-executed notebooks reproduce their stored outputs", "yes" if reproduced else "NO")
    for nb, content in stored.items():
        nb.write_bytes(content)
    run("make", "-s", "html")

    line("no-change rebuild (make book)", f"{book():.2f} s (target < 2 s)")
    time.sleep(1.1)  # distinct modification times for make
    (ROOT / "chapters" / "russia.ipynb").touch()
    line("rebuild after touching one notebook (content unchanged)", f"{book():.2f} s")
    time.sleep(1.1)
    (ROOT / "data" / "trade.csv").touch()
    line("rebuild after touching one data file (content unchanged)", f"{book():.2f} s")

    meta = ROOT / "data" / "trade.json"
    original = meta.read_bytes()
    try:
        meta.write_bytes(original + b" ")
        line("rebuild after changing one data file (all re-execute)", f"{book():.2f} s")
    finally:
        meta.write_bytes(original)
    execute()  # restore the stored digests

    nbval = run(str(BIN / "python"), "-m", "pytest", "-q", "-n", "2", "--dist", "loadfile", "--nbval", "chapters")
    line("nbval, strict, all notebooks (2 workers)", f"{nbval:.2f} s")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    line("peak memory of any build/execute/test process", f"{peak:.0f} MiB")


def pdf_figures() -> None:
    """The PDF edition (`make pdf`): build time, pages, size (targets: under 30 s, under 10 MB)."""
    from pypdf import PdfReader

    from azbook.book import pdf

    start = time.perf_counter()
    target = pdf.build()
    seconds = time.perf_counter() - start
    pages = len(PdfReader(target).pages)
    line("PDF edition: build time (target < 30 s)", f"{seconds:.1f} s")
    line("PDF edition: pages, size (target < 10 MB)", f"{pages} pages, {target.stat().st_size / 1e6:.1f} MB")


def page_figures(runs: int = 5) -> None:
    from browser import CHROMIUM_ARGS, PageWeight, chromium_path, load_fully, serve, wait_for_charts
    from built_book import HTML_DIR, toc_files
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        print("page figures: skipped (no Chromium)")
        return
    kib = lambda n: f"{n / 1024:,.0f} KiB"  # noqa: E731
    with serve(HTML_DIR) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        for file in [*toc_files(), "search"]:
            page = browser.new_page()
            weight = PageWeight(page)  # every file the page requests
            load_fully(page, f"{url}/{file}.html")
            charts = page.locator(".azbook-chart").count()
            inline = "".join(page.eval_on_selector_all(
                "script.azbook-chart-spec", "els => els.map(e => e.textContent)")).encode()
            page.close()
            drawn = []
            for _ in range(runs if charts else 0):
                page = browser.new_page()
                page.goto(f"{url}/{file}.html")
                wait_for_charts(page)
                page.wait_for_selector("html[data-charts-drawn-ms]")
                drawn.append(float(page.get_attribute("html", "data-charts-drawn-ms")))
                page.close()
            timing = f"; charts drawn {statistics.median(drawn):.0f} ms (median of {runs}, target 800)" if drawn else ""
            line(f"page {file}", f"{charts} chart(s){timing}")
            line("  all files requested, raw / gzip (max 1,600 / 500 KiB)",
                 f"{kib(weight.raw)} / {kib(weight.gzip)} in {len(weight.files)} files")
            for kind in ("document", "script", "stylesheet", "font"):
                raw, gz = weight.kinds.get(kind, (0, 0))
                line(f"    {kind}s raw / gzip", f"{kib(raw)} / {kib(gz)}")
            line("    inline chart specs and data raw / gzip", f"{kib(len(inline))} / {kib(len(gzip.compress(inline)))}")
        browser.close()


if __name__ == "__main__":
    if "--pages" not in sys.argv[1:]:  # `scripts/bench.py --pages`: the page figures alone
        build_figures()
        pdf_figures()
    page_figures()
