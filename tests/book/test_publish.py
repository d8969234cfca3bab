"""Publishing: a failed or interrupted build never replaces the last good book."""

from __future__ import annotations

import stat
import sys
import time

import pytest

from azbook.book import publish


def fake_jupyter_book(tmp_path, body: str, rc: int):
    """A stand-in for `jupyter-book build ROOT ... --path-output OUT` that writes one page and exits rc."""
    script = tmp_path / "fake-jupyter-book"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys, pathlib\n"
        "out = pathlib.Path(sys.argv[sys.argv.index('--path-output') + 1]) / '_build' / 'html'\n"
        "out.mkdir(parents=True, exist_ok=True)\n"
        f"(out / 'index.html').write_text({body!r})\n"
        f"sys.exit({rc})\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


#: Stand-ins for the data check that runs beside the build.
CHECK_PASSES = (sys.executable, "-c", "pass")
CHECK_FAILS = (sys.executable, "-c", "import sys; print('data check failed: data/x.csv, row 2, column y', file=sys.stderr); sys.exit(1)")


@pytest.fixture
def root(tmp_path):
    root = tmp_path / "book"
    (root / "_build" / "html").mkdir(parents=True)
    (root / "_build" / "html" / "index.html").write_text("last good")
    return root


def test_a_good_build_is_published_with_its_stamp(root, tmp_path):
    assert publish.build(root, fake_jupyter_book(tmp_path, "new", 0), CHECK_PASSES) == 0
    html = root / "_build" / "html"
    assert (html / "index.html").read_text() == "new" and (html / publish.STAMP).exists()
    assert sorted(p.name for p in (root / "_build").iterdir()) == [".staging", "html"]
    assert not publish.folders(root)["marker"].exists()


def test_a_failed_build_leaves_the_last_good_book_and_the_next_starts_afresh(root, tmp_path, capsys):
    assert publish.build(root, fake_jupyter_book(tmp_path, "broken", 1), CHECK_PASSES) == 1
    assert (root / "_build" / "html" / "index.html").read_text() == "last good"
    assert "still holds the last good book" in capsys.readouterr().err
    f = publish.folders(root)
    assert f["marker"].exists()
    (f["staged_html"] / "stale.html").write_text("from the failed build")
    assert publish.build(root, fake_jupyter_book(tmp_path, "fixed", 0), CHECK_PASSES) == 0
    assert "building afresh" in capsys.readouterr().out
    assert not (root / "_build" / "html" / "stale.html").exists()
    assert (root / "_build" / "html" / "index.html").read_text() == "fixed"


def test_a_swap_cut_in_half_is_undone(root):
    f = publish.folders(root)
    f["html"].rename(f["old"])
    f["new"].mkdir()
    (f["new"] / "index.html").write_text("half copied")
    said = publish.recover(f)
    assert "restored the last good book" in said[0]
    assert (f["html"] / "index.html").read_text() == "last good"
    assert not f["new"].exists() and not f["old"].exists()


def test_the_books_own_static_files_are_refreshed(tmp_path, monkeypatch):
    own = tmp_path / "static"
    own.mkdir()
    (own / "azbook.css").write_text("new rules")
    monkeypatch.setattr(publish, "OWN_STATIC", (own, tmp_path / "missing"))
    out = tmp_path / "_static"
    out.mkdir()
    (out / "azbook.css").write_text("old rules")
    publish.refresh_static(out)
    assert (out / "azbook.css").read_text() == "new rules"


def test_the_pdf_edition_survives_the_next_html_build(root, tmp_path):
    """`make pdf` copies the PDF into the published book; a new HTML build keeps it (pages link it)."""
    (root / "_build" / "html" / "book.pdf").write_bytes(b"%PDF-1.7 last printed")
    assert publish.build(root, fake_jupyter_book(tmp_path, "new", 0), CHECK_PASSES) == 0
    html = root / "_build" / "html"
    assert (html / "index.html").read_text() == "new"
    assert (html / "book.pdf").read_bytes() == b"%PDF-1.7 last printed"


def test_carry_over_keeps_only_what_the_new_build_lacks(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir(), new.mkdir()
    (old / "a.pdf").write_bytes(b"old a")
    (old / "b.pdf").write_bytes(b"old b")
    (new / "b.pdf").write_bytes(b"new b")
    assert publish.carry_over_pdf(old, new) == ["a.pdf"]
    assert (new / "b.pdf").read_bytes() == b"new b"
    assert publish.carry_over_pdf(tmp_path / "missing", new) == []


def test_the_static_digest_follows_names_and_bytes(tmp_path):
    own = tmp_path / "static"
    own.mkdir()
    (own / "a.css").write_text("a {}")
    first = publish.static_digest((own, tmp_path / "missing"))
    assert publish.static_digest((own,)) == first
    (own / "a.css").write_text("a { color: red }")
    assert publish.static_digest((own,)) != first


def test_a_failed_data_check_stops_the_build_and_keeps_the_last_good_book(root, tmp_path, capsys):
    slow = tmp_path / "slow-jupyter-book"
    slow.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(60)\n")
    slow.chmod(slow.stat().st_mode | stat.S_IEXEC)
    start = time.monotonic()
    assert publish.build(root, str(slow), CHECK_FAILS) == 1
    assert time.monotonic() - start < 30, "the build went on after the data check failed"
    assert (root / "_build" / "html" / "index.html").read_text() == "last good"
    assert "the data check failed" in capsys.readouterr().err
    assert (root / "_build" / ".staging" / "INCOMPLETE").exists()  # the next build starts afresh
