"""The editors' guide and the pull request template say what the tools really do."""

from __future__ import annotations

import re
import shlex
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import cli
from generator.commands import edit_followups, pull_request
from generator.data.schema import STATES
from tests.conftest import ROOT, copy_project, run_generator
from tests.test_edit import added_lines
from tests.test_parallel_changes import as_recommended
from tests.test_report_format import STATE_ERROR

GUIDE = (ROOT / "docs" / "veiledning.md").read_text(encoding="utf-8")


def _code_blocks() -> list[str]:
    return re.findall(r"```(?:yaml)?\n(.*?)```", GUIDE, flags=re.S)


def test_every_state_is_defined_with_the_schemas_words() -> None:
    for state, option in STATES.items():
        assert f"### {state}\n\n**{option.description}**" in GUIDE


def test_every_command_in_the_guide_exists() -> None:
    commands = [
        line
        for block in _code_blocks()
        for line in block.splitlines()
        if line.startswith(("python -m generator", "make "))
    ]
    assert len(commands) >= 5
    targets = set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(), flags=re.M))
    for command in commands:
        words = shlex.split(command)
        if words[0] == "make":
            assert words[1] in targets, command
        else:
            cli.parser().parse_args(words[3:])  # exits (fails the test) on an unknown option


def test_the_example_error_is_what_validate_prints() -> None:
    assert f"  followups.yaml:50:16: feil: {STATE_ERROR}\n1 feil.\n" in GUIDE


def test_the_round_and_point_examples_are_what_the_commands_write(tmp_path: Path) -> None:
    assert f"          {edit_followups.placeholder_text('Status pr juni 2026')}" in GUIDE
    project = copy_project(tmp_path)
    path = project / "followups.yaml"
    # The layout the guide recommends: a blank line after every point.
    path.write_text(as_recommended(path.read_text(encoding="utf-8")), encoding="utf-8")
    before = (project / "followups.yaml").read_text(encoding="utf-8")
    result = run_generator(
        "new-followup", "--seminar", "2026", "--title", "Kort tittel på punktet", cwd=project
    )
    assert result.returncode == 0, result.stderr
    added = added_lines(before, (project / "followups.yaml").read_text(encoding="utf-8"))
    assert "\n".join(added) + "\n" in _code_blocks()


@pytest.mark.parametrize("path", [".github/pull_request_template.md"])
def test_pull_request_template_has_the_checklist(path: str) -> None:
    text = (ROOT / path).read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+)$", text, flags=re.M)
    assert any("validate" in item and "FYLL INN" in item for item in items)
    assert any("make serve" in item for item in items)
    assert any("Tilstandene" in item and "docs/veiledning.md" in item for item in items)


WORKFLOWS = ROOT / ".github" / "workflows"


def _manual_workflows() -> dict[str, dict[str, Any]]:
    """Name -> inputs of every workflow the secretariat starts by hand."""
    found = {}
    for path in sorted(WORKFLOWS.glob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        triggers = document.get("on", document.get(True))
        if isinstance(triggers, dict) and "workflow_dispatch" in triggers:
            found[document["name"]] = (triggers["workflow_dispatch"] or {}).get("inputs") or {}
    return found


def _sections() -> list[str]:
    return re.split(r"(?m)^#{2,3} ", GUIDE)


def test_the_guide_names_only_workflows_and_fields_that_exist() -> None:
    manual = _manual_workflows()
    named: set[str] = set()
    for section in _sections():
        workflows = re.findall(r"arbeidsflyten \*\*([^*]+)\*\*", section)
        assert set(workflows) <= set(manual), workflows
        named |= set(workflows)
        descriptions = [spec["description"] for w in workflows for spec in manual[w].values()]
        fields = re.findall(r"feltet «([^»]+)»", section)
        for field in fields:
            assert any(d.startswith(field) for d in descriptions), (field, workflows)
        for description in descriptions:
            assert any(description.startswith(field) for field in fields), (description, workflows)
    changes = {
        "Ny rapporteringsrunde",
        "Nytt oppfølgingspunkt",
        "Nytt IPO-område",
        "Ta ut IPO-område",
    }
    assert changes <= named
    assert changes <= set(manual)


def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, letters, digits, hyphens, spaces as hyphens."""
    kept = "".join(
        c for c in heading.strip().lower() if c in " -_" or unicodedata.category(c)[0] in "LN"
    )
    return kept.replace(" ", "-")


def test_every_link_into_the_guide_has_its_heading() -> None:
    anchors = {_anchor(h) for h in re.findall(r"(?m)^#{1,6} (.+)$", GUIDE)}
    linked = set(re.findall(r"\]\(#([^)]+)\)", GUIDE))
    assert linked <= anchors, linked - anchors
    # The pull requests the workflows open link here too.
    assert set(pull_request.GUIDE_ANCHORS.values()) <= anchors
    assert len(re.findall(r"(?m)^#{1,6} (.+)$", GUIDE)) == len(anchors), "a heading is repeated"
