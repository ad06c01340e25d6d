"""JSON Schemas for editors, derived from the declarations in ``schema``.

Editors (VS Code's YAML extension and others using yaml-language-server) read
YAML 1.2 and see typed values, so where our loader reads ``2025`` as the text
"2025", the schema must accept the number 2025 too. Optional fields accept an
empty value (null), as the validator does.
"""

from __future__ import annotations

import json
from typing import Any

from generator.data import schema as s

SCHEMA_FILES = {
    "followups.schema.json": (s.FOLLOWUPS_FILE, "Oppfølgingspunkter"),
    "ipo_areas.schema.json": (s.IPO_FILE, "IPO-områder"),
}

_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_TEXT_PATTERN = r"\S"


def kind_schema(kind: s.Kind) -> dict[str, Any]:
    """The JSON Schema of one kind of value."""
    if isinstance(kind, s.Text):
        return {"type": ["string", "number", "boolean"], "pattern": _TEXT_PATTERN}
    if isinstance(kind, s.Id):
        text: dict[str, Any] = {
            "type": "string",
            "pattern": s.ID_PATTERN,
            "maxLength": s.ID_MAX_LENGTH,
        }
        reserved = sorted(s.WINDOWS_RESERVED) if kind.file_name else []
        if kind.publishing:
            reserved += [*sorted(s.PUBLISHING_RESERVED), s.PREVIEW_PATTERN]
        if reserved:
            text["not"] = {"pattern": f"^({'|'.join(reserved)})$"}
        return {"anyOf": [text, {"type": "integer", "minimum": 0}]}
    if isinstance(kind, s.Page):
        return {"type": "string", "pattern": s.PAGE_PATTERN}
    if isinstance(kind, s.Integer):
        return {
            "anyOf": [
                {"type": "integer", "minimum": kind.minimum, "maximum": kind.maximum},
                {"type": "string", "pattern": r"^[0-9]+$"},
            ]
        }
    if isinstance(kind, s.Date):
        return {"type": "string", "format": "date", "pattern": _DATE_PATTERN}
    if isinstance(kind, s.Flag):
        return {"anyOf": [{"type": "boolean"}, {"enum": ["true", "false"]}]}
    if isinstance(kind, s.Choice):
        return {
            "enum": list(kind.values),
            "markdownEnumDescriptions": [o.description for o in kind.values.values()],
        }
    if isinstance(kind, s.ListOf):
        result: dict[str, Any] = {"type": "array", "items": kind_schema(kind.item)}
        if kind.min_items:
            result["minItems"] = kind.min_items
        return result
    if isinstance(kind, s.Obj):
        return object_schema(kind)
    raise TypeError(f"unknown kind {kind!r}")


def _field_schema(field: s.Field) -> dict[str, Any]:
    inner = kind_schema(field.kind)
    optional_list = isinstance(field.kind, s.ListOf) and field.kind.min_items == 0
    if not field.required or optional_list:
        return {"description": field.description, "anyOf": [inner, {"type": "null"}]}
    return {"description": field.description, **inner}


def object_schema(kind: s.Obj) -> dict[str, Any]:
    result: dict[str, Any] = {
        "type": "object",
        "properties": {f.name: _field_schema(f) for f in kind.fields},
        "additionalProperties": False,
    }
    if kind.description:
        result["description"] = kind.description
    required = [f.name for f in kind.fields if f.required]
    if required:
        result["required"] = required
    return result


def document(filename: str) -> dict[str, Any]:
    """The full schema document for one data file."""
    kind, title = SCHEMA_FILES[filename]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": filename,
        "title": title,
        **object_schema(kind),
    }


def render(filename: str) -> str:
    return json.dumps(document(filename), ensure_ascii=False, indent=2) + "\n"
