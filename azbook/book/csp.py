"""A content security policy on every page: scripts, styles, fonts and images from the book's own
origin only.

The theme and Sphinx put a few small inline scripts and one inline ``<style>`` in each page
(the light/dark mode switch, the search options, the toggle-button labels), two ``onclick``
attributes (the theme's full-screen and print buttons) and some ``style`` attributes (table
column widths, pandas tables). Rather than allow all inline code with ``'unsafe-inline'``, the
policy lists the SHA-256 of exactly the inline code the book's pages carry (attributes through
``'unsafe-hashes'``, which admits only the hashed texts), so markup injected into a page (from
data, say) can never run. The policy is a ``<meta http-equiv="Content-Security-Policy">`` put right after
the page's charset declaration (a meta policy governs only what follows it), added when the
HTML build has finished.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

#: Script types a browser executes (others, like JSON data blocks, are never run).
EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
MARK = 'http-equiv="Content-Security-Policy"'
_DECLARED = re.compile(r"\n    <meta " + re.escape(MARK) + r' content="[^"]*" />')


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


class _Inline(HTMLParser):
    """Collects the page's inline code: script and style elements, event-handler and style attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, list[str]] = {"script": [], "style": [], "handler": [], "style-attr": []}
        self._open: str | None = None
        self._text: list[str] = []

    def _add(self, kind: str, text: str) -> None:
        digest = _hash(text)
        if digest not in self.found[kind]:
            self.found[kind].append(digest)

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on") and value is not None:
                self._add("handler", value)
            elif name == "style" and value is not None:
                self._add("style-attr", value)
        executable = tag == "script" and "src" not in values and (values.get("type") or "").lower() in EXECUTABLE
        if executable or tag == "style":
            self._open, self._text = tag, []

    def handle_data(self, data):  # noqa: ANN001
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag):  # noqa: ANN001
        if self._open == tag:
            self._add(tag, "".join(self._text))
            self._open = None


def inline_hashes(page: str) -> dict[str, list[str]]:
    """The hashes of the page's inline code, by kind, in page order."""
    parser = _Inline()
    parser.feed(page)
    parser.close()
    return parser.found


def _directive(name: str, elements: list[str], attributes: list[str]) -> str:
    # 'unsafe-hashes' lets through only attributes whose exact text is hashed here.
    return " ".join([name, "'self'", *(["'unsafe-hashes'"] if attributes else []), *elements, *attributes])


def policy(page: str | None = None, hashes: dict[str, list[str]] | None = None) -> str:
    """The policy: the book's own origin, plus exactly the inline scripts and styles of ``page``
    (or the ``hashes`` collected from every page)."""
    h = hashes if hashes is not None else inline_hashes(page or "")
    return "; ".join([
        "default-src 'self'",
        _directive("script-src", h["script"], h["handler"]),
        _directive("style-src", h["style"], h["style-attr"]),
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def with_policy(page: str, declared: str | None = None) -> str:
    """The page with its policy declared right after its charset (replacing one declared before:
    an incremental build leaves pages it did not rewrite as the previous build finished them)."""
    page = _DECLARED.sub("", page)
    meta = f'<meta {MARK} content="{declared or policy(page)}" />'
    m = _CHARSET.search(page)
    if m is None:
        raise ValueError("page has no <meta charset>: the policy must come before any script or style")
    return page[: m.end()] + "\n    " + meta + page[m.end() :]


def add_to_pages(outdir: Path) -> int:
    """Declare one policy, covering the inline code of every page, in every HTML page under
    ``outdir``; return how many pages. One policy for the whole book, because the search page
    parses the pages it finds (to show an extract), and their inline code is judged by the
    search page's policy."""
    pages = {}
    for path in sorted(Path(outdir).rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if "<head" in text:  # not a template fragment the theme ships under _static
            pages[path] = _DECLARED.sub("", text)
    union: dict[str, list[str]] = {}
    for text in pages.values():
        for kind, found in inline_hashes(text).items():
            union.setdefault(kind, [])
            union[kind] += [h for h in found if h not in union[kind]]
    declared = policy(hashes={k: sorted(v) for k, v in union.items()})
    for path, text in pages.items():
        path.write_text(with_policy(text, declared), encoding="utf-8")
    return len(pages)


def _build_finished(app, exception) -> None:  # noqa: ANN001
    if exception is None and app.builder.format == "html":
        add_to_pages(Path(app.outdir))
