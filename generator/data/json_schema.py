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
    "privacy_exceptions.schema.json": (s.PRIVACY_FILE, "Unntak fra personvernsjekken"),
}

OPEN_DATA_SCHEMAS = ("followups.schema.json", "ipo_areas.schema.json")
"""The schemas that also describe the open data, and so are published with it;
the exceptions file is not published."""


def document(filename: str) -> dict[str, Any]:
    """The full schema document for one data file."""
    kind, title = SCHEMA_FILES[filename]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": filename,
        "title": title,
        **kind.json_schema(),
    }


def render(filename: str) -> str:
    return json.dumps(document(filename), ensure_ascii=False, indent=2) + "\n"
