"""``python -m azbook.data.check``: every table in ``data/`` as ``make data`` wrote it, or a refusal.

`make book` runs this before any notebook is executed, and `make html` beside the Sphinx build
(:func:`azbook.book.publish.build`), so a table edited by hand (or broken) stops the build at once
with the file, row and column, before any notebook runs and before any page is published.
"""

from __future__ import annotations

import sys

from azbook.data import datasets, tables


def main() -> int:
    problems = tables.check_all()
    for problem in problems:
        print(f"data check failed: {problem}", file=sys.stderr)
    if not problems:
        print(f"data: {len(datasets.REGISTRY)} tables checked, each as `make data` wrote it")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
