"""One module per source. Each declares its tables as ``DATASETS`` (a tuple of
:class:`azbook.data.schema.Dataset`); ``REGISTRY`` maps a table's name (its file name in
``data/``) to its dataset. A new source is a new module listed in ``MODULES``.
"""

from __future__ import annotations

from importlib import import_module

from azbook.data.schema import Dataset

#: The source modules, in build order.
MODULES = (
    "imf_dots",
    "official_trade",
    "sipri",
    "unga",
    "ucdp",
    "energy",
    "people",
    "events",
    "event_figures",
    "claims",
    "region_map",
)


def _registry() -> dict[str, Dataset]:
    out: dict[str, Dataset] = {}
    for module in MODULES:
        for ds in import_module(f"azbook.data.datasets.{module}").DATASETS:
            if ds.name in out:
                raise ValueError(f"two datasets are called {ds.name!r}")
            out[ds.name] = ds
    return out


REGISTRY: dict[str, Dataset] = _registry()


def get(name: str) -> Dataset:
    """The dataset called ``name``; a clear ``KeyError`` lists the known ones."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise KeyError(f"no dataset {name!r}; known: {sorted(REGISTRY)}") from None
