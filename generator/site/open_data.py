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
import io
import json
from typing import Any

from generator.data.model import Area, Dataset, Followup

CSV_DELIMITER = ";"

FORMULA_STARTS = frozenset("=+-@\t\r")
"""What makes a spreadsheet read a cell as a formula (OWASP: CSV injection)."""


def _drop_empty(record: dict[str, Any]) -> dict[str, Any]:
    """Optional fields that are not set are left out, as in the YAML."""
    return {k: v for k, v in record.items() if v is not None}


def _followup_record(point: Followup) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": point.id,
            "seminar": point.seminar.id,
            "number": point.number,
            "title": point.title,
            "description": point.description,
            "responsible": list(point.responsible),
            "tags": list(point.tags) if point.tags else None,
            "deadline": point.deadline.isoformat() if point.deadline else None,
            "statuses": [
                {"edition": s.edition.id, "state": s.state, "text": s.text} for s in point.statuses
            ],
        }
    )


def followups_document(data: Dataset) -> dict[str, Any]:
    """The follow-ups as a plain structure in the shape of ``followups.yaml``."""
    return {
        "council": {"name": data.council.name, "members": list(data.council.members)},
        "editions": [
            {"id": e.id, "title": e.title, "date": e.date.isoformat()} for e in data.editions
        ],
        "seminars": [
            _drop_empty(
                {
                    "id": s.id,
                    "title": s.title,
                    "date": s.date.isoformat() if s.date else None,
                    "end_date": s.end_date.isoformat() if s.end_date else None,
                    "page": s.page,
                }
            )
            for s in data.seminars
        ],
        "followups": [_followup_record(p) for p in data.followups],
    }


def _area_record(area: Area) -> dict[str, Any]:
    return _drop_empty(
        {"name": area.name, "unit": area.unit.id, "status": area.status, "since": area.since}
    )


def areas_document(data: Dataset) -> dict[str, Any]:
    """The priority areas in the shape of ``ipo_areas.yaml``."""
    return {
        "edition": data.ipo_edition.id,
        "units": [{"id": u.id, "name": u.name} for u in data.units],
        "areas": [_area_record(a) for a in data.areas],
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


def _join(values: tuple[str, ...]) -> str:
    return ", ".join(values)


def followups_csv(data: Dataset) -> bytes:
    """One row per point with its current status."""
    header = [
        "id", "seminar", "nummer", "tittel", "vedtak", "ansvarlig", "stikkord", "frist",
        "tilstand", "rapporteringsrunde", "dato", "status",
    ]  # fmt: skip
    rows: list[list[object]] = []
    for p in data.followups:
        current = p.current
        rows.append(
            [
                p.id, p.seminar.title, p.number, p.title, p.description.strip(),
                _join(p.responsible), _join(p.tags), p.deadline.isoformat() if p.deadline else "",
                current.state if current else "",
                current.edition.title if current else "",
                current.edition.date.isoformat() if current else "",
                current.text.strip() if current else "",
            ]
        )  # fmt: skip
    return _csv(header, rows)


def statuses_csv(data: Dataset) -> bytes:
    """One row per status of every point, oldest first: the whole history."""
    header = ["id", "nummer", "tittel", "rapporteringsrunde", "dato", "tilstand", "status"]
    rows: list[list[object]] = [
        [
            p.id,
            p.number,
            p.title,
            s.edition.title,
            s.edition.date.isoformat(),
            s.state,
            s.text.strip(),
        ]
        for p in data.followups
        for s in p.statuses
    ]
    return _csv(header, rows)


def areas_csv(data: Dataset) -> bytes:
    header = ["område", "enhet", "status", "startår", "rapporteringsrunde"]
    rows: list[list[object]] = [
        [a.name, a.unit.name, a.status, a.since if a.since else "", data.ipo_edition.title]
        for a in data.areas
    ]
    return _csv(header, rows)
