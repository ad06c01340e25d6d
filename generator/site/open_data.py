"""The data as open data: JSON in the data files' own shape, and CSV for spreadsheets.

The JSON mirrors ``followups.yaml`` and ``ipo_areas.yaml`` field for field,
so the JSON Schemas that describe the YAML describe the downloads too. CSV is
UTF-8 with a byte order mark and semicolons, which is what a spreadsheet with
Norwegian settings needs to open it with æøå intact and columns split.

A spreadsheet reads a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula, which could fetch a web address or run a command on the reader's
machine; the CSV cells get a ``'`` in front of those (OWASP's advice on CSV
injection). The JSON keeps every text exactly as written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from generator import words
from generator.data import schema as s
from generator.data.model import Dataset, Edition, Modelled, Seminar, Unit, field_value

CSV_DELIMITER = ";"

FORMULA_STARTS = frozenset("=+-@\t\r")
"""What makes a spreadsheet read a cell as a formula (OWASP: CSV injection)."""


def _drop_empty(record: dict[str, Any]) -> dict[str, Any]:
    """Optional fields that are not set are left out, as in the YAML."""
    return {k: v for k, v in record.items() if v is not None}


def _json_value(kind: s.Kind, value: object) -> Any:
    """A model value as the data file writes it: a referenced item by its id, dates as text."""
    if value is None:
        return None
    if isinstance(kind, s.ListOf):
        assert isinstance(value, tuple)
        items = [_json_value(kind.item, item) for item in value]
        # An empty optional list is left out like an unset field; a point
        # with no statuses yet still says so.
        return items if items or isinstance(kind.item, s.Obj) else None
    if isinstance(kind, s.Obj):
        assert isinstance(value, Modelled)
        return record(value, kind)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Edition | Seminar | Unit):
        return value.id  # the model holds the item an id refers to
    return value


def record(item: Modelled, kind: s.Obj) -> dict[str, Any]:
    """One model object as a mapping of its open data fields, in the schema's order."""
    return _drop_empty(
        {
            spec.name: _json_value(spec.kind, field_value(item, spec.name))
            for spec in s.fields_of(kind, "open_data")
        }
    )


def followups_document(data: Dataset) -> dict[str, Any]:
    """The follow-ups as a plain structure in the shape of ``followups.yaml``."""
    return {
        "council": record(data.council, s.COUNCIL),
        "editions": [record(e, s.EDITION) for e in data.editions],
        "seminars": [record(e, s.SEMINAR) for e in data.seminars],
        "followups": [record(p, s.FOLLOWUP) for p in data.followups],
    }


def areas_document(data: Dataset) -> dict[str, Any]:
    """The priority areas in the shape of ``ipo_areas.yaml``."""
    return {
        "edition": data.ipo_edition.id,
        "units": [record(u, s.UNIT) for u in data.units],
        "areas": [record(a, s.AREA) for a in data.areas],
    }


def as_json(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: a ``'`` before a formula.

    Leading spaces and line breaks are looked through, since some
    spreadsheets trim them on import and would then see the formula.
    """
    if not isinstance(value, str):
        return value
    first = value.lstrip(" \n")[:1] or value[:1]
    if value[:1] in FORMULA_STARTS or first in FORMULA_STARTS:
        return "'" + value
    return value


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    # The csv module quotes every cell holding the separator, a quote or a line break.
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([cell(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def _csv_value(kind: s.Kind, value: object) -> object:
    """A model value as a spreadsheet reader wants it: a referenced item by its name."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ", ".join(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Unit):
        return value.name  # the model holds the item an id refers to
    if isinstance(value, Edition | Seminar):
        return value.title
    if isinstance(kind, s.Text) and kind.multiline and isinstance(value, str):
        return value.strip()
    return value


def _columns(kind: s.Obj) -> list[s.Field]:
    return list(s.fields_of(kind, "csv"))


def _cells(item: Modelled, columns: list[s.Field]) -> list[object]:
    return [_csv_value(spec.kind, field_value(item, spec.name)) for spec in columns]


def _header(data: Dataset, kind: str, columns: list[s.Field], more: list[str]) -> list[str]:
    """The columns' names in the council's language: the schema's fields by the
    catalogue's ``csv.<kind>.<field>``, then the columns the file adds (``csv.<name>``)."""
    w = words.of(data.council.language)
    named = [w.get(f"csv.{kind}.{spec.name}", spec.label) for spec in columns]
    return named + [w(f"csv.{name}") for name in more]


def _label(w: words.Words, kind: str, obj: s.Obj, name: str) -> str:
    spec = obj.field(name)
    assert spec is not None, f"{kind} has no field {name}"
    return w.get(f"csv.{kind}.{name}", spec.label)


def followups_csv(data: Dataset) -> bytes:
    """One row per point with its current status."""
    columns = _columns(s.FOLLOWUP)
    header = _header(data, "followup", columns, ["state", "edition", "date", "status"])
    rows: list[list[object]] = []
    for p in data.followups:
        current = p.current
        rows.append(
            [
                *_cells(p, columns),
                current.state if current else "",
                current.edition.title if current else "",
                current.edition.date.isoformat() if current else "",
                current.text.strip() if current else "",
            ]
        )
    return _csv(header, rows)


def statuses_csv(data: Dataset) -> bytes:
    """One row per status of every point, oldest first: the whole history."""
    w = words.of(data.council.language)
    header = [
        *(_label(w, "followup", s.FOLLOWUP, name) for name in ("id", "number", "title")),
        *(w(f"csv.{name}") for name in ("edition", "date", "state", "status")),
    ]
    rows: list[list[object]] = [
        [
            p.id,
            p.number,
            p.title,
            status.edition.title,
            status.edition.date.isoformat(),
            status.state,
            status.text.strip(),
        ]
        for p in data.followups
        for status in p.statuses
    ]
    return _csv(header, rows)


def areas_csv(data: Dataset) -> bytes:
    columns = _columns(s.AREA)
    header = _header(data, "area", columns, ["edition"])
    rows: list[list[object]] = [[*_cells(a, columns), data.ipo_edition.title] for a in data.areas]
    return _csv(header, rows)
