"""The shipped JSON Schemas are current, and agree with the validator on every fixture."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from generator.data import json_schema, schema
from generator.data.load import parse
from generator.data.problems import DataError
from generator.data.validate import check_file
from tests.conftest import OSLO, ROOT, copy_project
from tests.datafiles import FOLLOWUPS, IPO
from tests.unit.data.test_validate import CASES


def test_shipped_schemas_are_generated_from_the_declarations() -> None:
    for filename in json_schema.SCHEMA_FILES:
        shipped = (ROOT / "schemas" / filename).read_text(encoding="utf-8")
        assert shipped == json_schema.render(filename), (
            f"schemas/{filename} is stale: run `python -m generator schema`"
        )


def test_data_files_point_editors_at_their_schema() -> None:
    for data, filename in (
        ("followups.yaml", "followups"),
        ("ipo_areas.yaml", "ipo_areas"),
        ("privacy_exceptions.yaml", "privacy_exceptions"),
    ):
        first = (OSLO / data).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=schemas/{filename}.schema.json"


def test_every_field_and_state_is_described_in_norwegian() -> None:
    text = json_schema.render("followups.schema.json")
    for state, option in schema.STATES.items():
        assert state in text and option.description in text
    document = json_schema.document("followups.schema.json")
    followup = document["properties"]["followups"]["anyOf"][0]["items"]
    assert all(p["description"] for p in followup["properties"].values())


def _as_editor_sees_it(text: str) -> Any:
    """Load YAML the way yaml-language-server does: YAML 1.2, dates stay text."""
    yaml = YAML(typ="safe", pure=True)
    # ruamel.yaml still reads timestamps in YAML 1.2; the editor does not.
    yaml.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
    )
    return yaml.load(io.StringIO(text))


EXCEPTIONS = {
    "shipped": (OSLO / "privacy_exceptions.yaml").read_text(encoding="utf-8"),
    "one": 'exceptions:\n  - value: "22 66 90 00"\n    reason: Sentralbordet.\n',
    "no reason": 'exceptions:\n  - value: "22 66 90 00"\n',
    "empty reason": 'exceptions:\n  - value: "22 66 90 00"\n    reason: " "\n',
    "unknown key": 'exceptions:\n  - value: "22 66 90 00"\n    reason: R.\n    why: R.\n',
    "no list": "exceptions:\n  value: x\n",
    "missing": "unntak: []\n",
}
"""Exceptions files, valid and broken, that the validator and the schema must judge alike."""


def _fixtures() -> list[tuple[str, str, str]]:
    """(name, file kind, text) for the shipped data, the test data and every broken case."""
    found = [
        ("shipped followups", "followups", (OSLO / "followups.yaml").read_text(encoding="utf-8")),
        ("shipped ipo", "ipo", (OSLO / "ipo_areas.yaml").read_text(encoding="utf-8")),
        ("small followups", "followups", FOLLOWUPS),
        ("small ipo", "ipo", IPO),
    ]
    found += [(f"exceptions: {name}", "exceptions", text) for name, text in EXCEPTIONS.items()]
    for name, (followups, ipo, _) in CASES.items():
        if followups != FOLLOWUPS:
            found.append((name, "followups", followups))
        if ipo != IPO:
            found.append((name, "ipo", ipo))
    # Files that are not YAML at all get a syntax error in the editor instead.
    return [f for f in found if _parses(f[2])]


def _parses(text: str) -> bool:
    try:
        parse(text, "fixture.yaml")
    except DataError:
        return False
    return True


KINDS = {
    "followups": (schema.FOLLOWUPS_FILE, "followups.schema.json"),
    "ipo": (schema.IPO_FILE, "ipo_areas.schema.json"),
    "exceptions": (schema.PRIVACY_FILE, "privacy_exceptions.schema.json"),
}


@pytest.mark.parametrize("name,kind,text", _fixtures(), ids=[f[0] for f in _fixtures()])
def test_schema_and_validator_agree(name: str, kind: str, text: str) -> None:
    declaration, filename = KINDS[kind]
    node = parse(text, "fixture.yaml")
    _, problems = check_file(node, declaration)
    validator_ok = not [p for p in problems if p.severity == "error"]
    document = json.loads(json_schema.render(filename))
    errors = list(
        jsonschema.Draft202012Validator(
            document, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        ).iter_errors(_as_editor_sees_it(text))
    )
    assert validator_ok == (not errors), (
        f"validator: {[str(p) for p in problems]}\nschema: {[e.message for e in errors]}"
    )


def test_fixture_set_has_both_outcomes() -> None:
    """Guard against an agreement test that only ever sees valid files."""
    outcomes = set()
    for _, kind, text in _fixtures():
        node = parse(text, "f")
        outcomes.add(not [p for p in check_file(node, KINDS[kind][0])[1] if p.severity == "error"])
    assert outcomes == {True, False}


def test_cli_schema_check_reports_stale_files(tmp_path: Path) -> None:
    from tests.conftest import run_generator

    result = run_generator("schema", "--check", "--out", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 1
    assert "JSON-skjemaene er utdaterte" in result.stderr
    assert run_generator("schema", "--out", str(tmp_path), cwd=tmp_path).returncode == 0
    assert run_generator("schema", "--check", "--out", str(tmp_path), cwd=tmp_path).returncode == 0


def test_only_the_open_data_schemas_are_published(tmp_path: Path) -> None:
    """The exceptions file's schema helps editors; it describes no download."""
    from generator.site.build import Sources, schema_files

    project = copy_project(tmp_path)
    assert [p.name for p in schema_files(Sources.in_folder(project))] == list(
        json_schema.OPEN_DATA_SCHEMAS
    )
    assert (project / "schemas" / "privacy_exceptions.schema.json").exists()
