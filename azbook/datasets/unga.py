"""Placeholder: this source's tables are being written (see issue 3)."""

DATASETS = ()
