"""The "Sources" list that ends every chapter, generated from the tables' metadata."""

from __future__ import annotations

from IPython.display import Markdown

from azbook.load import metadata


def dataset_citations(names: list[str]) -> list[str]:
    """One citation line per source of each named table (deduplicated, in order)."""
    lines: list[str] = []
    for name in names:
        for source in metadata(name)["sources"]:
            line = f"{source['citation']} Release: {source['release']}. Accessed {source['accessed']}. Table `data/{name}.csv`."
            if line not in lines:
                lines.append(line)
    return lines


def sources_markdown(names: list[str]) -> Markdown:
    """The data sources of a chapter as a Markdown list (for a ``remove-input`` cell)."""
    return Markdown("\n".join(f"- {line}" for line in dataset_citations(names)))
