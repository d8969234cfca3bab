"""Finding Debian's Chromium and the signal that a page's charts are drawn."""

from __future__ import annotations

from azbook.book import chromium


def test_chromium_path_prefers_the_environment(monkeypatch, tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("")
    monkeypatch.setenv("CHROMIUM", str(fake))
    assert chromium.chromium_path() == str(fake)


def test_never_a_downloaded_browser():
    path = chromium.chromium_path()
    assert path is None or "ms-playwright" not in path
    assert "--headless=new" in chromium.CHROMIUM_ARGS


class FakePage:
    def __init__(self, count):
        self.count_, self.waited = count, []

    def locator(self, selector):
        page = self

        class Loc:
            def count(self):
                return page.count_
        return Loc()

    def wait_for_function(self, expression, timeout):
        self.waited.append(expression)


def test_waits_for_the_drawn_mark_only_when_there_are_charts():
    none, some = FakePage(0), FakePage(3)
    assert chromium.wait_for_charts(none) == 0 and not none.waited
    assert chromium.wait_for_charts(some) == 3 and some.waited == [chromium.ALL_CHARTS_MARKED]
    assert "data-drawn" in chromium.ALL_CHARTS_MARKED
