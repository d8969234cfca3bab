"""The committed notebooks: executed against the current inputs, in order, with outputs and no errors.

(nbval, run by `make test` with --nbval, re-executes each one and compares every output.)
"""

from __future__ import annotations

import nbformat
import pytest

from azbook.book import execute
from built_book import chapter_notebooks


@pytest.fixture(scope="module")
def shared():
    return execute.shared_inputs_digest()


@pytest.mark.parametrize("path", chapter_notebooks(), ids=lambda p: p.stem)
def test_outputs_are_current(path, shared):
    assert not execute.is_stale(path, shared), (
        f"{path.name}: its inputs (cells, data/, package) changed since its outputs were stored; run `make book`"
    )


@pytest.mark.parametrize("path", chapter_notebooks(), ids=lambda p: p.stem)
def test_committed_with_outputs_in_order_and_without_errors(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert any(c.outputs for c in code), f"{path.name} has no stored outputs"
    counts = [c.execution_count for c in code]
    assert counts == list(range(1, len(code) + 1)), f"{path.name}: cells not run top to bottom once: {counts}"
    for c in code:
        assert not any(o.output_type == "error" for o in c.outputs), f"{path.name}: stored error in cell {c.id}"
        assert "execution" not in c.metadata, f"{path.name}: timing metadata in cell {c.id} (volatile)"


@pytest.mark.parametrize("path", chapter_notebooks(), ids=lambda p: p.stem)
def test_every_stored_chart_is_valid_vega_lite(path):
    """The schema check that executing a chapter skips (azbook.book.glue.chart) happens here."""
    import jsonschema
    from altair.vegalite.v6.schema import core

    schema = core.load_schema()
    nb = nbformat.read(path, as_version=4)
    specs = [o.data[k] for c in nb.cells for o in c.get("outputs", []) for k in o.get("data", {})
             if k.startswith("application/vnd.vegalite")]
    assert specs, f"{path.name} has no chart"
    validator = jsonschema.Draft7Validator(schema)
    for spec in specs:
        errors = sorted(validator.iter_errors(spec), key=lambda e: list(e.path))
        assert not errors, f"{path.name}: chart {spec.get('name')!r} is not valid Vega-Lite: {errors[0].message[:300]}"
