"""The book's data appendix, generated from the tables' metadata (never written by hand).

    python -m azbook.book.appendix          # rewrite chapters/data.md from data/*.json

The data build calls it too; a test checks the committed page matches the metadata.
"""

from __future__ import annotations

import sys

from azbook.data import datasets
from azbook.data.tables import metadata
from azbook.paths import CHAPTERS_DIR

PAGE = CHAPTERS_DIR / "data.md"

INTRO = """# Data

Every number in this book comes from one of the tables below. Each is a tidy CSV file built
from a publisher's raw file by code in the book's package (`azbook/data/datasets/`), checked
against its schema when it is built and whenever a chapter loads it, and described by a
machine-readable metadata file (a Frictionless *tabular data resource*). This page is
generated from that metadata. Each table keeps its publisher's licence and terms.
"""


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def section(name: str) -> str:
    """The appendix section of one table, as MyST Markdown."""
    meta = metadata(name)
    lines = [f"({name}-data)=", f"## `{name}`: {meta['title']}", "", meta["description"], ""]
    lines += [
        f"- **Download**: {{download}}`{name}.csv <../data/{name}.csv>` "
        f"(metadata: {{download}}`{name}.json <../data/{name}.json>`)",
        f"- **Key**: one row per {', '.join(f'`{k}`' for k in meta['schema']['primaryKey'])}",
        "- **Coverage**: " + "; ".join(f"{k}: {_coverage(v)}" for k, v in meta["coverage"].items()),
    ]
    for source, licence in zip(meta["sources"], meta["licenses"], strict=True):
        lines += [
            f"- **Source**: {source['publisher']}, *{source['title']}*, {source['release']}. "
            f"{_where(source['path'])} (accessed {source['accessed']}).",
            f"- **Licence and attribution**: {licence['title']}. Attribute as: {licence['attribution']}.",
            f"- **Citation**: {source['citation']}",
        ]
    lines += ["", "**Processing**", ""] + [f"{i}. {step}" for i, step in enumerate(meta["processing"], 1)]
    if meta.get("notes"):
        lines += ["", "**Notes**", ""] + [f"- {note}" for note in meta["notes"]]
    # Each column as a reader would head it (its title, with the unit), beside its name in the CSV.
    lines += ["", "| column | in the CSV | type | unit | meaning |", "|---|---|---|---|---|"]
    for field in meta["schema"]["fields"]:
        lines.append(
            f"| {_cell(field['title'])} | `{field['name']}` | {field['type']} | {_cell(field.get('unit', ''))} "
            f"| {_cell(field['description'])} |"
        )
    return "\n".join(lines) + "\n"


def _where(path: str) -> str:
    """A source's address as a link when it is one, else as the sentence it is."""
    return f"<{path}>" if path.startswith(("https://", "http://")) and " " not in path else path[:1].upper() + path[1:] + "."


def _words(key: str) -> str:
    """A metadata key as words (``rows_by_partner`` -> ``rows by partner``)."""
    return key.replace("_", " ")


def _coverage(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) if len(value) != 2 or not all(isinstance(v, int) for v in value) else f"{value[0]}–{value[1]}"
    if isinstance(value, dict):
        return ", ".join(f"{_words(str(k))} {_coverage(v)}" for k, v in value.items())
    return str(value)


def render() -> str:
    """The whole appendix page."""
    return INTRO + "\n" + "\n".join(section(name) for name in datasets.REGISTRY)


def write() -> None:
    PAGE.write_text(render(), encoding="utf-8")


if __name__ == "__main__":
    write()
    print(f"wrote {PAGE}")
    sys.exit(0)
