"""The editors' guide and the pull request template say what the tools really do."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from generator import cli, edit
from generator.schema import STATES
from tests.conftest import ROOT, copy_project, run_generator
from tests.test_edit import added_lines
from tests.test_report_format import STATE_ERROR

GUIDE = (ROOT / "docs" / "veiledning.md").read_text(encoding="utf-8")


def _code_blocks() -> list[str]:
    return re.findall(r"```(?:yaml)?\n(.*?)```", GUIDE, flags=re.S)


def test_every_state_is_defined_with_the_schemas_words() -> None:
    for state, meaning in STATES.items():
        assert f"### {state}\n\n**{meaning}**" in GUIDE


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
    assert f"          {edit.placeholder_text('Status pr juni 2026')}" in GUIDE
    project = copy_project(tmp_path)
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
