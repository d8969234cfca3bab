"""Faults, proven: each fault is planted in a temporary copy of the book, the command a person
would run is run, and the test asserts that (a) it fails, (b) its message says where (file,
row and column; or notebook and cell; or page and line), and (c) nothing is half-written: the
tables, the notebooks and the published book are byte for byte what they were.

Order matters only for speed: the copy's book is built once (conftest.py) and every fault is
put back before the next.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from faultkit import record

pytestmark = pytest.mark.faults

FIXTURES = Path(__file__).parent.parent / "fixtures" / "raw_ok"


def failed_cleanly(project, fault: str, result, where: str, before: dict[str, str]) -> None:
    """Assert the three things every fault must give, and record the outcome."""
    after = project.snapshot()
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    m = re.search(where, result.output)
    line = next((ln.strip() for ln in result.output.splitlines() if m and m.group(0) in ln), "(no located message)")
    record(fault, result, not changed, line)
    assert result.returncode != 0, f"{fault}: `{result.command}` exited 0\n{result.output[-2000:]}"
    assert m, f"{fault}: no message matching {where!r} in:\n{result.output[-3000:]}"
    assert not changed, f"{fault}: these files changed: {changed[:10]}"


# 0. Reproducible HTML ---------------------------------------------------------------------------


def test_two_builds_of_the_same_sources_are_byte_identical(project):
    """The copy's clean build against the working tree's (which `make test` has just brought up to
    date, incrementally or not, in another folder): every file, search index and images included."""
    from azbook.paths import ROOT

    from azbook.book import citation

    pdf = f"_build/html/{citation.load_book().pdf}"  # added by `make pdf` after the HTML, if it ran
    here = project.snapshot(("_build/html",))
    there = {f"_build/html/{p.relative_to(ROOT / '_build' / 'html').as_posix()}": digest
             for p, digest in ((p, hashlib.sha256(p.read_bytes()).hexdigest())
                               for p in sorted((ROOT / "_build" / "html").rglob("*")) if p.is_file())}
    differ = sorted(k for k in here.keys() | there.keys() if here.get(k) != there.get(k) and k != pdf)
    assert here, "the copy has no built book"
    assert not differ, f"{len(differ)} file(s) differ between two builds: {differ[:20]}"


# 1. A notebook cell that raises ------------------------------------------------------------


def test_a_cell_that_raises_names_notebook_and_cell(project):
    nb_path = "chapters/iran.ipynb"
    with project.planted(nb_path):
        nb = json.loads((project.path / nb_path).read_text())
        nb["cells"].insert(3, {"cell_type": "code", "execution_count": None, "id": "planted-fault", "metadata": {},
                               "outputs": [], "source": ["raise RuntimeError('planted fault')"]})
        (project.path / nb_path).write_text(json.dumps(nb, indent=1) + "\n")
        before = project.snapshot()
        result = project.make("book")
        failed_cleanly(project, "a notebook cell raises", result,
                       r"chapters/iran\.ipynb: cell 3 \(id planted-fault\) raised RuntimeError: planted fault", before)


# 2-4. A tidy table or its metadata changed outside `make data` -------------------------------


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _cell(line: str, index: int, value: str) -> str:
    cells = line.rstrip("\n").split(",")
    cells[index] = value
    return ",".join(cells) + "\n"


TABLE_FAULTS = {
    "row deleted": (lambda b: "".join(_lines(b)[:10] + _lines(b)[11:]),
                    r"data/trade\.csv, row 11: 1 row\(s\) deleted .*changed outside `make data`"),
    "value changed (x100)": (lambda b: "".join(_lines(b)[:7] + [_cell(_lines(b)[7], 7, str(float(_lines(b)[7].split(",")[7]) * 100))] + _lines(b)[8:]),
                             r"data/trade\.csv, row 8, column 'value_usd_millions': differs from the row `make data` wrote"),
    "value of the wrong type": (lambda b: "".join(_lines(b)[:48] + [_cell(_lines(b)[48], 7, "n/a")] + _lines(b)[49:]),
                                r"data/trade\.csv, row 49, column 'value_usd_millions': 'n/a' is not a number"),
    "missing column": (lambda b: "".join(",".join(ln.rstrip("\n").split(",")[:-1]) + "\n" for ln in _lines(b)),
                       r"data/trade\.csv.*column 'is_imf_estimate'"),
    "extra column": (lambda b: "".join(ln.rstrip("\n") + (",note\n" if i == 0 else ",x\n") for i, ln in enumerate(_lines(b))),
                     r"data/trade\.csv.*column 'note'"),
    "duplicate key": (lambda b: b + _lines(b)[1],
                      r"data/trade\.csv.*(duplicate|row \d+)"),
    "empty file": (lambda b: "", r"data/trade\.csv, row 1: file is empty"),
}
BYTE_FAULTS = {
    "byte-order mark": (lambda b: b"\xef\xbb\xbf" + b, r"data/trade\.csv, row 1: starts with a byte-order mark"),
    "CRLF line ends": (lambda b: b.replace(b"\n", b"\r\n"), r"data/trade\.csv, row 1: has CRLF"),
    "not valid UTF-8": (lambda b: b.replace(b"Russia", b"Russ\xe9a", 1), r"data/trade\.csv, row \d+, column '\w+': byte \d+ is not valid UTF-8"),
}
META_FAULTS = {
    "metadata missing": (None, r"data/trade\.json: metadata file not found"),
    "metadata truncated": (lambda t: t[: len(t) // 3], r"data/trade\.json, row \d+: not valid JSON"),
    "metadata without its digest": (lambda t: json.dumps({k: v for k, v in json.loads(t).items() if k != "hash"}),
                                    r"data/trade\.json: records no 'hash' of trade\.csv"),
}


@pytest.mark.parametrize("fault", list(TABLE_FAULTS))
def test_a_hand_edited_table_is_refused(project, fault):
    change, where = TABLE_FAULTS[fault]
    with project.planted("data/trade.csv"):
        path = project.path / "data" / "trade.csv"
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        before = project.snapshot()
        failed_cleanly(project, f"data/trade.csv: {fault}", project.make("book"), where, before)


@pytest.mark.parametrize("fault", list(BYTE_FAULTS))
def test_bytes_make_data_never_writes_are_refused(project, fault):
    """`make data` writes UTF-8 without a byte-order mark and with \\n line ends; a file that
    differs was saved by another program, and is refused rather than normalised (its digest no
    longer matches either), so what is published is always what `make data` checked."""
    change, where = BYTE_FAULTS[fault]
    with project.planted("data/trade.csv"):
        path = project.path / "data" / "trade.csv"
        path.write_bytes(change(path.read_bytes()))
        before = project.snapshot()
        failed_cleanly(project, f"data/trade.csv: {fault}", project.make("book"), where, before)


@pytest.mark.parametrize("fault", list(META_FAULTS))
def test_a_broken_metadata_file_is_refused(project, fault):
    change, where = META_FAULTS[fault]
    with project.planted("data/trade.json"):
        path = project.path / "data" / "trade.json"
        if change is None:
            path.unlink()
        else:
            path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        before = project.snapshot()
        failed_cleanly(project, fault, project.make("book"), where, before)


# 5. A raw publisher file that is wrong, or missing ---------------------------------------------

IMF = "economy/imf-dots/dots_azerbaijan_reporter_or_partner_long.csv"


def _raw_line(text: str, needle: str) -> int:
    return next(i for i, ln in enumerate(text.splitlines(), 1) if needle in ln)


RAW_FAULTS = {
    "truncated": (lambda t: t[: t.index("Turkey,2019,") + 9], None,
                  lambda t: rf"{re.escape(IMF)}, row {len(t[: t.index('Turkey,2019,') + 9].splitlines())}"),
    "renamed column": (lambda t: t.replace("partner,year", "counterpart,year", 1), None,
                       lambda t: rf"{re.escape(IMF)}.*'partner'"),
    "negative trade value": (lambda t: t.replace(",Turkey,2019,", ",Turkey,2019,-", 1), None,
                             lambda t: rf"{re.escape(IMF)}, row {_raw_line(t, ',Turkey,2019,')}, column 'value"),
    "unknown country name": (lambda t: t.replace("Russian Federation", "Russia (Federation of)"), None,
                             lambda t: rf"{re.escape(IMF)}, row {_raw_line(t, 'Russian Federation')}, column '(partner|reporter)': economy label"),
    "file missing": (None, None, lambda t: rf"{re.escape(IMF)}: file not found"),
}


@pytest.fixture
def raw(tmp_path):
    """The raw fixtures (a few rows of each publisher's format) laid out like shared/raw."""
    target = tmp_path / "raw"
    shutil.copytree(FIXTURES, target)
    shutil.move(target / "facts", tmp_path / "facts")
    return target


def test_the_unchanged_raw_fixtures_build(project, raw):
    """The baseline: the same command on the untouched fixture file succeeds (into a scratch folder)."""
    result = project.run("python", "-m", "azbook.data.build", str(raw), "--only", "trade", "--out", str(raw.parent / "out"))
    assert result.returncode == 0, result.output


@pytest.mark.parametrize("fault", list(RAW_FAULTS))
def test_a_bad_raw_file_stops_make_data_with_its_line(project, raw, fault):
    change, _, where = RAW_FAULTS[fault]
    path = raw / IMF
    original = path.read_text(encoding="utf-8")
    if change is None:
        path.unlink()
    else:
        path.write_text(change(original), encoding="utf-8")
    before = project.snapshot()
    result = project.make("data", f"RAW={raw}", f"GEO={FIXTURES / 'geo' / 'world-atlas'}", "ONLY=trade")
    failed_cleanly(project, f"raw IMF file: {fault}", result, where(original), before)


# 6. A broken cross-reference, citation key or glue name in a chapter ----------------------------


@pytest.fixture(scope="module")
def broken_text_build(project):
    """One build with all three planted (warnings are errors, and every one is reported)."""
    nb_path = "intro.ipynb"
    with project.planted(nb_path):
        nb = json.loads((project.path / nb_path).read_text())
        nb["cells"][2]["source"] += ["\n", "See {ref}`no-such-label`, {cite:p}`nosuchkey2099` and {glue:text}`no_such_glue`.\n"]
        (project.path / nb_path).write_text(json.dumps(nb, indent=1) + "\n")
        before = project.snapshot()
        result = project.make("html")
        after = project.snapshot()
    return result, before, after


@pytest.mark.parametrize("fault, where", [
    ("cross-reference", r"intro\.ipynb:\d+: WARNING: undefined label: 'no-such-label'"),
    ("citation key", r"intro\.ipynb:\d+: WARNING: could not find bibtex key \"nosuchkey2099\""),
    ("glue name", r"intro\.ipynb:\d+: WARNING: .*no_such_glue"),
])
def test_a_broken_reference_fails_the_build_and_keeps_the_last_good_book(project, broken_text_build, fault, where):
    result, before, after = broken_text_build
    changed = [k for k in before.keys() | after.keys() if before.get(k) != after.get(k)]
    m = re.search(where, result.output)
    record(f"broken {fault} in intro.ipynb", result, not changed, m.group(0) if m else "(no located message)")
    assert result.returncode != 0
    assert m, f"no message matching {where!r} in:\n{result.output[-3000:]}"
    assert not changed, changed
    assert "still holds the last good book" in result.output


# 7. book.yml ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fault, change, where", [
    ("book.yml: required field missing", lambda t: re.sub(r"(?m)^version:.*\n", "", t), r"book\.yml: 'version' is missing or empty"),
    ("book.yml: malformed date", lambda t: re.sub(r'(?m)^date-released: .*$', 'date-released: "2026-28-11"', t),
     r"book\.yml, line \d+: 'date-released' '2026-28-11' is not a date"),
])
def test_a_bad_book_yml_fails_the_build_with_the_field(project, fault, change, where):
    with project.planted("book.yml"):
        path = project.path / "book.yml"
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        before = project.snapshot()
        failed_cleanly(project, fault, project.make("html"), where, before)


# 8. An interrupted build ------------------------------------------------------------------------


def _wait_for(predicate, what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


def test_an_interrupted_build_leaves_the_last_good_book_and_the_next_is_correct(project):
    nb_path = "intro.ipynb"
    page = project.path / "_build" / "html" / "intro.html"
    with project.planted(nb_path):
        nb = json.loads((project.path / nb_path).read_text())
        nb["cells"][2]["source"] += ["\n", "A sentence planted by the fault suite.\n"]
        (project.path / nb_path).write_text(json.dumps(nb, indent=1) + "\n")
        before = project.snapshot()
        staged = project.path / "_build" / ".staging" / "_build" / "html" / "intro.html"
        mtime = staged.stat().st_mtime if staged.exists() else 0
        run = project.start_make("html")
        # Killed while Sphinx writes the pages (the page being rebuilt has just been written).
        _wait_for(lambda: staged.exists() and staged.stat().st_mtime != mtime, "the build to write intro.html")
        import os

        os.killpg(run.pid, signal.SIGTERM)
        run.wait(timeout=60)
        after = project.snapshot()
        changed = [k for k in before.keys() | after.keys() if before.get(k) != after.get(k)]
        assert not changed, f"the killed build changed the published book: {changed[:10]}"
        again = project.make("html")
        assert again.returncode == 0, again.output[-3000:]
        assert "A sentence planted by the fault suite." in page.read_text(encoding="utf-8")
        record("make html killed while writing pages, then rerun", again, True,
               next((ln for ln in again.output.splitlines() if "building afresh" in ln), "(rerun did not start afresh)"))
        assert "building afresh" in again.output
    restored = project.make("html")
    assert restored.returncode == 0 and project.snapshot(("_build/html",)) == {
        k: v for k, v in before.items() if k.startswith("_build/html/")}, "the book rebuilt from the restored source differs"


# 9. Two builds at the same time -----------------------------------------------------------------


def test_a_second_build_while_one_runs_stops_with_a_message(project, raw):
    with project.planted("intro.ipynb"):
        nb = json.loads((project.path / "intro.ipynb").read_text())
        nb["cells"][2]["source"] += ["\n", "Another planted sentence.\n"]
        (project.path / "intro.ipynb").write_text(json.dumps(nb, indent=1) + "\n")
        first = project.start_make("html")
        try:
            lock = project.path / "_build" / ".lock"
            held = lambda: subprocess.run(["flock", "--nonblock", str(lock), "true"]).returncode != 0  # noqa: E731
            _wait_for(lambda: lock.exists() and held(), "the first build to take the lock")
            before_data = project.snapshot(("data",))
            for args in (("html",), ("book",), ("data", f"RAW={raw}", f"GEO={FIXTURES / 'geo' / 'world-atlas'}", "ONLY=trade")):
                second = project.make(*args)
                where = r"another build \(make book, html or data\) is running in \S+; wait for it to finish"
                m = re.search(where, second.output)
                record(f"make {args[0]} while make html runs", second, project.snapshot(("data",)) == before_data,
                       m.group(0) if m else "(no message)")
                assert second.returncode != 0 and m, second.output
        finally:
            output, _ = first.communicate(timeout=600)
        assert first.returncode == 0, f"the first build was disturbed:\n{output[-3000:]}"
        assert project.snapshot(("data",)) == before_data
    assert project.make("html").returncode == 0


# 10. Hostile text in the data -----------------------------------------------------------------

HOSTILE = ('<script>window.__pwned = "script"</script><img src="x.png" onerror="window.__pwned = \'onerror\'">'
           '[a link](javascript:window.__pwned=1) {ref}`intro` **not bold**')


def test_a_source_url_that_is_not_https_is_refused_by_the_data_build():
    """(Proven on the events dataset's own fixtures: tests/data/datasets/test_events.py,
    test_url_that_is_not_https, for ftp:, javascript: and data: URLs.)"""
    text = (Path(__file__).parent.parent / "data" / "datasets" / "test_events.py").read_text()
    assert '"javascript:alert(1)//"' in text and "def test_url_that_is_not_https" in text


@pytest.mark.browser
def test_hostile_text_in_an_event_is_shown_as_text_and_never_runs(project, browser):
    from azbook.data import build  # the copy's data build writes the integrity record, as make data would

    from browser import PageWatch, serve, wait_for_charts

    notebooks = [p.relative_to(project.path).as_posix() for p in [project.path / "intro.ipynb", *sorted((project.path / "chapters").glob("*.ipynb"))]]
    with project.planted("data/events.csv", "data/events.json", *notebooks):
        table = project.path / "data" / "events.csv"
        import csv
        import io

        rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
        target = next(i for i, r in enumerate(rows) if r["partner"] == "Russia")
        rows[target]["description"] = HOSTILE + " " + rows[target]["description"]
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        table.write_text(out.getvalue(), encoding="utf-8")
        meta = project.path / "data" / "events.json"
        meta.write_text(build.metadata_text(build.with_integrity(json.loads(meta.read_text()), out.getvalue())))
        built = project.make("book")
        assert built.returncode == 0, built.output[-3000:]
        shown = []
        with serve(project.path / "_build" / "html") as base:
            for name in ("chapters/russia", "chapters/four-years-on"):
                page = browser.new_page()
                watch = PageWatch(page)
                page.goto(f"{base}/{name}.html", wait_until="load")
                wait_for_charts(page)
                page.wait_for_timeout(300)
                pwned = page.evaluate("window.__pwned")
                text = page.inner_text("body")
                page.close()
                assert pwned is None, f"{name}: code from the data ran ({pwned})"
                assert not [e for e in watch.errors if "CSP violation" in e], watch.errors
                shown.append("<script>window.__pwned" in text)
        record("hostile markup in an event description", built, True,
               "shown as text, never run (no script ran, no policy violation) on " + str(sum(shown)) + " page(s)")
        assert any(shown), "the planted text does not appear as text on the pages that list Russia's events"
