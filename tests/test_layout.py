"""House rules of the package and the notebooks: rooms by concern, imports pointing down, light notebooks."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from azbook.paths import PACKAGE_DIR, ROOT, toc_notebooks

ROOMS = ("data", "charts", "book")
#: What each room may not import (imports only point down: book -> charts -> data).
FORBIDDEN = {
    "data": ("azbook.charts", "azbook.book", "altair", "IPython", "sphinx", "docutils", "myst_nb"),
    "charts": ("azbook.book", "sphinx", "docutils", "myst_nb"),
    "book": (),
}
MAX_NOTEBOOK_BYTES = 600 * 1000
MAX_NOTEBOOKS_BYTES = 3 * 1000 * 1000


def modules(room: str) -> list[Path]:
    return sorted(p for p in (PACKAGE_DIR / room).rglob("*.py") if "__pycache__" not in p.parts)


def imported(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth of the file (lazy imports included)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return names


@pytest.mark.parametrize("room", ROOMS)
def test_imports_only_point_down(room):
    bad = [f"{path.relative_to(ROOT)} imports {name}" for path in modules(room) for name in sorted(imported(path))
           if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[room])]
    assert not bad, "\n".join(bad)


def test_the_package_has_no_module_outside_its_rooms():
    loose = sorted(p.name for p in PACKAGE_DIR.glob("*.py") if p.name not in ("__init__.py", "paths.py"))
    assert not loose, f"put these in azbook/data, azbook/charts or azbook/book: {loose}"


@pytest.mark.parametrize("room", ROOMS)
def test_each_room_says_what_lives_there_and_who_may_import_it(room):
    doc = ast.get_docstring(ast.parse((PACKAGE_DIR / room / "__init__.py").read_text(encoding="utf-8")))
    assert doc and "Who may import it" in doc, f"azbook/{room}/__init__.py needs a docstring saying who may import it"
    for path in modules(room):
        assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), f"{path.relative_to(ROOT)} has no docstring"


def test_tests_mirror_the_package():
    """Each module of a room has tests in the same room of tests/ (``test_<module>.py``)."""
    tested_elsewhere = {
        "data/build.py": "tests/data/test_build_data.py",  # not test_build.py: that name is the book-wide build test
        "data/datasets/__init__.py": "tests/data/test_tables.py",
        "book/sphinx_citation.py": "tests/book/test_citation.py",
        "data/datasets/events_extra.py": "tests/data/test_evidence.py",
    }
    missing = []
    for room in ROOMS:
        for path in modules(room):
            rel = path.relative_to(PACKAGE_DIR).as_posix()
            if path.name == "__init__.py" and rel not in tested_elsewhere:
                continue
            expected = ROOT / tested_elsewhere.get(rel, f"tests/{path.parent.relative_to(PACKAGE_DIR).as_posix()}/test_{path.stem}.py")
            if not expected.exists():
                missing.append(f"{rel}: no {expected.relative_to(ROOT)}")
    assert not missing, "\n".join(missing)


def code_cells(nb_path: Path) -> list[str]:
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


@pytest.mark.parametrize("nb_path", toc_notebooks(), ids=lambda p: p.stem)
def test_no_notebook_reads_figures_out_of_text(nb_path):
    """Numbers come from fields of the data, never from a regular expression over prose."""
    for source in code_cells(nb_path):
        assert not re.search(r"^\s*(import re\b|from re import)", source, re.M), f"{nb_path.name} imports re"


@pytest.mark.parametrize("nb_path", toc_notebooks(), ids=lambda p: p.stem)
def test_each_notebook_is_light(nb_path):
    size = nb_path.stat().st_size
    assert size <= MAX_NOTEBOOK_BYTES, f"{nb_path.relative_to(ROOT)} is {size / 1000:.0f} KB (at most 600 KB)"


def test_all_notebooks_together_are_light():
    total = sum(p.stat().st_size for p in toc_notebooks())
    assert total <= MAX_NOTEBOOKS_BYTES, f"the notebooks weigh {total / 1e6:.2f} MB together (at most 3 MB)"


@pytest.mark.parametrize("nb_path", toc_notebooks(), ids=lambda p: p.stem)
def test_every_chart_keeps_an_image_fallback(nb_path):
    """A reader on a code host (no JavaScript) still sees each chart, as a palette PNG."""
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    bundles = [o["data"] for c in nb["cells"] for o in c.get("outputs", []) if "data" in o]
    charts = [b for b in bundles if any(k.startswith("application/vnd.vegalite") for k in b)]
    assert all("image/png" in b for b in charts), f"{nb_path.name}: a chart without its PNG fallback"
