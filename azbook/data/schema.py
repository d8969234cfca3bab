"""How a tidy table is described and checked: fields, keys, provenance, and clear errors.

Each dataset module declares one :class:`Dataset`. From it come the pandera schema that
validates the table (when the data build writes it and when the book loads it), the
machine-readable metadata written beside the table, and the source lines of charts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa

#: Field type -> (pandas dtype used when reading and checking, Table Schema type)
DTYPES: dict[str, tuple[str, str]] = {
    "int": ("Int64", "integer"),
    "float": ("Float64", "number"),
    "str": ("string", "string"),
    "bool": ("boolean", "boolean"),
    "date": ("datetime64[ns]", "date"),
}


class DataError(ValueError):
    """Bad input, located: the file, the row (1-based line in the file) and the column."""

    def __init__(self, file: str | Path, message: str, *, row: int | None = None, column: str | None = None):
        self.file = str(file)
        self.row = row
        self.column = column
        self.message = message
        where = [self.file]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(", ".join(where) + ": " + message)


@dataclass(frozen=True)
class Field:
    """One column of a tidy table."""

    name: str
    type: str
    description: str
    unit: str | None = None
    allowed: tuple[Any, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    nullable: bool = False
    pattern: str | None = None
    #: The column as a reader would head it, with its unit ("Value, US$ million"): what the data appendix and the
    #: tables under the charts show (the CSV keeps ``name``). Usually given by the dataset's ``column_titles``.
    title: str = ""

    def __post_init__(self) -> None:
        if self.type not in DTYPES:
            raise ValueError(f"field {self.name!r}: unknown type {self.type!r}")

    @property
    def dtype(self) -> str:
        return DTYPES[self.type][0]

    def checks(self) -> list[pa.Check]:
        checks = []
        if self.allowed is not None:
            checks.append(pa.Check.isin(list(self.allowed)))
        if self.minimum is not None:
            checks.append(pa.Check.ge(self.minimum))
        if self.maximum is not None:
            checks.append(pa.Check.le(self.maximum))
        if self.pattern is not None:
            checks.append(pa.Check.str_matches(self.pattern))
        return checks

    def descriptor(self) -> dict[str, Any]:
        """The field as a Frictionless Table Schema field descriptor."""
        out: dict[str, Any] = {"name": self.name, "title": self.title, "type": DTYPES[self.type][1],
                               "description": self.description}
        if self.unit:
            out["unit"] = self.unit
        constraints: dict[str, Any] = {"required": not self.nullable}
        if self.allowed is not None:
            constraints["enum"] = list(self.allowed)
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if self.pattern is not None:
            constraints["pattern"] = self.pattern
        out["constraints"] = constraints
        return out


@dataclass(frozen=True)
class Source:
    """Where a table's numbers come from (one per publisher file used)."""

    publisher: str
    dataset: str
    release: str
    url: str
    accessed: str
    licence: str
    attribution: str
    citation: str
    raw_files: tuple[str, ...] = ()
    #: The release date as a date, ISO 8601 (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, as precise as the publisher
    #: gives it): the field code reads (a chapter saying "as of February 2026", the year of a citation), so no
    #: code ever reads a date out of ``release``, the words for readers.
    released: str = ""

    def __post_init__(self) -> None:
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", self.released):
            raise ValueError(f"{self.dataset}: released {self.released!r} is not YYYY, YYYY-MM or YYYY-MM-DD")


@dataclass(frozen=True)
class Dataset:
    """A tidy table of the book: its schema, provenance and the code that builds it."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    key: tuple[str, ...]
    sources: tuple[Source, ...]
    processing: tuple[str, ...]
    build: Callable[[Path], pd.DataFrame]
    source_line: str
    cross_checks: Callable[[pd.DataFrame], None] | None = None
    coverage: Callable[[pd.DataFrame], dict[str, Any]] | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    #: Field name -> its title (see :attr:`Field.title`); every field needs one, here or on the field.
    column_titles: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = [name for name in self.column_titles if name not in self.columns]
        if unknown:
            raise ValueError(f"dataset {self.name!r}: column_titles names no field {unknown}")
        fields = tuple(replace(f, title=self.column_titles.get(f.name, f.title)) for f in self.fields)
        untitled = [f.name for f in fields if not f.title.strip()]
        if untitled:
            raise ValueError(f"dataset {self.name!r}: field(s) {untitled} have no title (the column as a reader "
                             "would head it, with its unit); add them to column_titles")
        object.__setattr__(self, "fields", fields)

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def typed(self, df: pd.DataFrame) -> pd.DataFrame:
        """``df`` reduced to the dataset's columns, with its dtypes, sorted by its key."""
        dtypes = {f.name: f.dtype for f in self.fields}
        out = df[self.columns].astype(dtypes).sort_values(list(self.key))
        rows = df.loc[out.index, "source_row"].tolist() if "source_row" in df.columns else None
        out = out.reset_index(drop=True)
        if rows is not None:
            #: The raw file's line of each row, so a check failing on the built table names the raw line.
            out.attrs["source_rows"] = rows
        return out

    def pandera_schema(self) -> pa.DataFrameSchema:
        return pa.DataFrameSchema(
            {f.name: pa.Column(f.dtype, f.checks(), nullable=f.nullable, coerce=False) for f in self.fields},
            unique=list(self.key),
            strict=True,
            ordered=True,
            report_duplicates="all",
        )

    def validate(self, df: pd.DataFrame, file: str | Path, *, row_offset: int = 2) -> pd.DataFrame:
        """Check ``df`` against the schema; raise one :class:`DataError` naming the first failure.

        ``row_offset`` turns a 0-based position into the file's line number (2 for a CSV
        with one header line).
        """
        missing = [c for c in self.columns if c not in df.columns]
        if missing:
            raise DataError(file, f"missing column(s) {missing}; expected {self.columns}", column=missing[0])
        extra = [c for c in df.columns if c not in self.columns]
        if extra:
            raise DataError(file, f"unexpected column(s) {extra}", column=extra[0])
        df = df[self.columns].reset_index(drop=True)
        try:
            return self.pandera_schema().validate(df, lazy=True)
        except pa.errors.SchemaErrors as errors:
            raise _located(errors, file, row_offset) from None


def _located(errors: pa.errors.SchemaErrors, file: str | Path, row_offset: int) -> DataError:
    cases = errors.failure_cases
    first = cases.iloc[0]
    column = first.get("column")
    index = first.get("index")
    row = int(index) + row_offset if index is not None and not pd.isna(index) else None
    check = first.get("check")
    value = first.get("failure_case")
    if isinstance(check, str) and check.startswith("field_uniqueness") or str(check) == "multiple_fields_uniqueness":
        message = f"duplicate key {value!r}"
    elif str(check) == "not_nullable":
        message = "empty value where one is required"
    else:
        message = f"value {value!r} fails check {check}"
    more = len(cases) - 1
    if more:
        message += f" ({more} more failure(s))"
    return DataError(file, message, row=row, column=None if pd.isna(column) else str(column))
