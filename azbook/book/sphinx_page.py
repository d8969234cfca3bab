"""What each page of the book loads (only what it uses) and how its controls are named (a small Sphinx extension).

- The page template (``templates/layout.html``) drops the theme's ``fontawesome.js`` (its
  icons render from the theme's CSS and webfont, as upstream pydata-sphinx-theme does since
  pull request 2494) and loads Sphinx's search scripts and index on the search page only.
- :func:`keep_used_assets` drops, page by page, the plugins' scripts and styles that the
  page's body gives them nothing to do (toggle buttons, tabs, copy buttons, notebook cells).
- :func:`fix_body` and the theme's search button (``templates/``) name controls
  by the text they show, for screen readers.
- :func:`subset_icons` cuts the theme's icon webfonts down to the icons the built pages and
  styles can show, and its stylesheet's icon classes to those some page names (about 350 KB
  less per page).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"

#: Asset file name -> a pattern the page body must contain for the asset to be loaded.
USED_WHEN: dict[str, str] = {
    "togglebutton.js": r'class="[^"]*\btoggle\b|admonition dropdown',
    "togglebutton.css": r'class="[^"]*\btoggle\b|admonition dropdown',
    "design-tabs.js": r'class="[^"]*\bsd-tab',
    "sphinx-design.min.css": r'class="[^"]*\bsd-',
    "clipboard.min.js": r'class="[^"]*\bhighlight',
    "copybutton.js": r'class="[^"]*\bhighlight',
    "copybutton.css": r'class="[^"]*\bhighlight',
    "mystnb.": r'class="[^"]*\b(cell|output)\b',
}
#: Inline scripts that only configure a plugin: kept when the plugin's file is.
INLINE_FOR = {"toggle": "togglebutton.js"}


def _name(asset: Any) -> str:
    return Path(str(getattr(asset, "filename", "") or "").split("?")[0]).name


def _used(name: str, body: str) -> bool:
    for prefix, pattern in USED_WHEN.items():
        if name == prefix or (prefix.endswith(".") and name.startswith(prefix)):
            return re.search(pattern, body) is not None
    return True


def keep_used_assets(assets: list[Any], body: str) -> list[Any]:
    """``assets`` (a page's script or style list) without those its ``body`` does not use."""
    kept = []
    for asset in assets:
        name = _name(asset)
        if name:
            if _used(name, body):
                kept.append(asset)
            continue
        inline = str(getattr(asset, "attributes", {}).get("body", ""))
        owner = next((file for word, file in INLINE_FOR.items() if word in inline), None)
        if owner is None or _used(owner, body):
            kept.append(asset)
    return kept


#: Markup of other extensions that screen readers announce wrongly -> what the book writes instead.
BODY_FIXES = (
    # myst-nb names every "Show code cell source" toggle "Toggle hidden content": let it be named by its text.
    (' aria-label="Toggle hidden content"', ""),
    # docutils' bibliography: a role="list" whose entries carry the deprecated doc-biblioentry role.
    ('role="doc-biblioentry"', 'role="listitem"'),
)


def fix_body(body: str) -> str:
    """The page body with :data:`BODY_FIXES` applied."""
    for old, new in BODY_FIXES:
        body = body.replace(old, new)
    return body


def _page_context(app, pagename, templatename, context, doctree) -> None:  # noqa: ANN001
    if "body" in context:
        context["body"] = fix_body(context["body"])
    body = context.get("body", "")
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = keep_used_assets(context[key], body)


ICON_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:(?:before|after),?)+)\{content:"\\([0-9a-f]{4})"\}')
PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]|\\(f[0-9a-f]{3})\b")


def icon_names(pages: list[str]) -> set[str]:
    """Every icon class (``fa-...``) the pages, scripts or styles name."""
    return set(re.findall(r"\bfa-[a-z0-9-]+", "\n".join(pages)))


def icon_codepoints(css: str, pages: list[str]) -> set[int]:
    """The icon font's code points that ``css`` and the built ``pages`` can show.

    An icon class (``.fa-bars:before{content:"\\f0c9"}``) counts when some page, script or
    style names it (``fa-bars``); every other private-use character in the styles counts
    always (admonition icons, dropdown carets).
    """
    named = icon_names(pages)
    wanted: set[int] = set()
    for selectors, codepoint in ICON_RULE.findall(css):
        if any(name in named for name in re.findall(r"\.(fa-[a-z0-9-]+):", selectors)):
            wanted.add(int(codepoint, 16))
    rest = ICON_RULE.sub("", css)
    for match in PRIVATE_USE.finditer(rest):
        wanted.add(int(match.group(1), 16) if match.group(1) else ord(match.group(0)))
    return wanted


ICON_FONTS = ("fa-solid-900.woff2", "fa-regular-400.woff2", "fa-brands-400.woff2")


def _subset_font(font: Path, codepoints: set[int]) -> None:
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    loaded = subset.load_font(str(font), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(loaded)
    tmp = font.with_suffix(".tmp")
    subset.save_font(loaded, str(tmp), options)
    tmp.replace(font)


def subset_icons(outdir: Path) -> dict[str, tuple[int, int]]:
    """Cut the theme's icon webfonts and icon rules in a built book down to :func:`icon_codepoints`.

    The icon fonts keep only the glyphs the pages and styles can show, and the theme's
    stylesheet only the icon classes some page or script names. Returns, per file changed,
    (bytes before, bytes after).
    """
    static = outdir / "_static"
    styles = sorted(static.rglob("*.css"))
    css = "\n".join(p.read_text(encoding="utf-8") for p in styles)
    pages = [p.read_text(encoding="utf-8") for p in [*outdir.rglob("*.html"), *static.rglob("*.js")]]
    codepoints = icon_codepoints(css, pages)
    named = icon_names(pages)
    changed = {}
    for font in (static / "vendor" / "fontawesome" / "webfonts" / name for name in ICON_FONTS):
        if font.exists():
            before = font.stat().st_size
            _subset_font(font, codepoints)
            changed[font.name] = (before, font.stat().st_size)

    def keep_if_named(match: re.Match) -> str:
        names = re.findall(r"\.(fa-[a-z0-9-]+):", match.group(1))
        return match.group(0) if any(name in named for name in names) else ""

    for style in styles:
        text = style.read_text(encoding="utf-8")
        pruned = ICON_RULE.sub(keep_if_named, text)
        if pruned != text:
            style.write_text(pruned, encoding="utf-8")
            changed[style.name] = (len(text.encode()), len(pruned.encode()))
    return changed


def _build_finished(app, exception) -> None:  # noqa: ANN001
    if exception is None and app.builder.format == "html":
        subset_icons(Path(app.outdir))


def code_digest() -> str:
    """A digest of the book room's code and templates: when it changes, every page is rebuilt
    (Sphinx keeps the chart HTML of unchanged notebooks in its environment otherwise)."""
    import hashlib

    folder = Path(__file__).resolve().parent
    files = sorted([*folder.glob("*.py"), *TEMPLATES_DIR.rglob("*.html")])
    return hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()[:16]


def _config_inited(app, config) -> None:  # noqa: ANN001
    config.templates_path = [str(TEMPLATES_DIR), *config.templates_path]
    config.azbook_code_digest = code_digest()


def setup(app):  # noqa: ANN001
    app.add_config_value("azbook_code_digest", "", "env")
    app.connect("config-inited", _config_inited)
    app.connect("html-page-context", _page_context, priority=900)
    app.connect("build-finished", _build_finished, priority=900)  # after the others copy their files
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
