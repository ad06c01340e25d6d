"""The workflow runner itself: GitHub's expression rules, the files a step writes,
the simulated actions, and a loud failure on what it cannot evaluate."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.workflow_expressions import Context, ExpressionError, condition, evaluate, substitute
from tests.workflow_runner import (
    Runner,
    WorkflowError,
    pull_request_event,
    push_event,
    workflow_dispatch_event,
)

CONTEXT = Context(
    {
        "github": {"event": {"pull_request": {"number": 7, "head": {"ref": "Endring"}}}},
        "env": {"NAME": "verdi"},
        "steps": {"a": {"outputs": {"x": "1"}, "outcome": "success"}},
        "needs": {},
        "vars": {},
        "inputs": {"runde": ""},
    },
    strict={"steps": frozenset({"a", "b"}), "needs": frozenset()},
)


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("github.event.pull_request.number", 7),
        ("github.event.pull_request.head.ref == 'endring'", True),  # strings ignore case
        ("github.event.pull_request['number'] == '7'", True),  # '7' becomes a number
        ("github.event.nothing.at.all", None),
        ("steps.a.outputs.x == 1 && 'ja' || 'nei'", "ja"),
        ("steps.b.outputs.x || 'standard'", "standard"),
        ("!inputs.runde", True),
        ("format('pr-{0}-{1}', 7, env.NAME)", "pr-7-verdi"),
        ("contains('Hei verden', 'VERDEN')", True),
        ("startsWith(github.event.pull_request.head.ref, 'end')", True),
        ("fromJSON('[1, 2]')[1]", 2),
        ("null == 0 && true != false", True),
    ],
)
def test_expressions_follow_githubs_rules(expression: str, value: Any) -> None:
    assert evaluate(expression, CONTEXT) == value


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("matrix.os", "unknown context 'matrix'"),
        ("hashFiles('*.txt')", "does not implement hashFiles()"),
        ("steps.nope.outputs.x", "steps.nope does not exist in this job"),
        ("needs.build.result", "needs.build does not exist in this job"),
        ("github.event.x ==", "expected more"),
        ("github.event.*.x", "object filters"),
    ],
)
def test_what_cannot_be_evaluated_raises(expression: str, message: str) -> None:
    with pytest.raises(ExpressionError, match=message.replace("(", r"\(").replace(")", r"\)")):
        evaluate(expression, CONTEXT)


def test_if_means_success_and_unless_a_status_function_is_called() -> None:
    failed = Context(CONTEXT.values, "failure", CONTEXT.strict)
    assert condition("steps.a.outcome == 'success'", CONTEXT)
    assert not condition("steps.a.outcome == 'success'", failed)
    assert condition("${{ always() && steps.a.outcome == 'success' }}", failed)
    assert condition("failure()", failed) and not condition("failure()", CONTEXT)
    assert condition(None, CONTEXT) and not condition(None, failed)


def test_substitution_keeps_a_whole_expressions_type() -> None:
    assert substitute("${{ github.event.pull_request.number }}", CONTEXT) == 7
    assert substitute("pr-${{ github.event.pull_request.number }}/", CONTEXT) == "pr-7/"
    assert substitute("${{ 'a}}b' }}", CONTEXT) == "a}}b"


WORKFLOW = """
name: Prøve
on:
  pull_request:
  workflow_dispatch:
    inputs:
      valg:
        type: string
        default: "standard"
env:
  FRA_ARBEIDSFLYT: arbeidsflyt
jobs:
  first:
    runs-on: ubuntu-24.04
    outputs:
      value: ${{ steps.write.outputs.value }}
    env:
      FRA_JOBB: jobb
    steps:
      - uses: actions/checkout@v5
      - id: write
        run: printf 'value=%s\\nblock<<EOF\\nlinje 1\\nlinje 2\\nEOF\\n' "$FRA_JOBB" >> "$GITHUB_OUTPUT"
      - name: Set env and path
        run: ./set-env.sh
      - name: Read them
        env:
          BLOCK: ${{ steps.write.outputs.block }}
          VALG: ${{ inputs.valg }}
          SECRET: ${{ secrets.TOKEN }}
          NUMBER: ${{ github.event.pull_request.number }}
        run: ./read-env.sh
      - name: Fail
        id: fail
        continue-on-error: true
        run: exit 3
      - name: Annotate and fail
        run: ./annotate.sh
      - name: Skipped after a failure
        run: echo never
      - name: Always
        if: always()
        run: gh pr comment 7 --body-file - < README
      - uses: actions/upload-artifact@v6
        if: always()
        with:
          name: fil
          path: README
"""

SCRIPTS = {
    "set-env.sh": 'echo "FRA_JOBB=overstyrt" >> "$GITHUB_ENV"\nmkdir -p bin\n'
    'printf "#!/bin/sh\\necho verktøy\\n" > bin/verktoy\nchmod +x bin/verktoy\n'
    'echo "$PWD/bin" >> "$GITHUB_PATH"\n',
    "read-env.sh": 'echo "jobb=$FRA_JOBB flyt=$FRA_ARBEIDSFLYT valg=$VALG secret=$SECRET nr=$NUMBER"\n'
    'echo "block=$BLOCK"\nverktoy\necho "ci=$CI event=$GITHUB_EVENT_NAME sha=$GITHUB_SHA"\n'
    "python3 -c \"import json,os; print(json.load(open(os.environ['GITHUB_EVENT_PATH']))"
    '[\'pull_request\'][\'number\'])"\necho "## Sammendrag" >> "$GITHUB_STEP_SUMMARY"\n',
    "annotate.sh": 'echo "::error file=a.yaml,line=3,col=2,title=Feil::første%0Aandre"\n'
    'echo "::warning::advarsel" >&2\nexit 1\n',
    "README": "hei\n",
}


@pytest.fixture
def repository(tmp_path: Path) -> tuple[Path, str]:
    source = tmp_path / "source"
    source.mkdir()
    for name, text in SCRIPTS.items():
        (source / name).write_text(text, encoding="utf-8")
        (source / name).chmod(0o755)
    (source / ".github" / "workflows").mkdir(parents=True)
    (source / ".github" / "workflows" / "prove.yml").write_text(WORKFLOW, encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@e.invalid"}
    env |= {"GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@e.invalid"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "x"]):
        subprocess.run(["git", *args], cwd=source, check=True, env=env)
    sha = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=source, capture_output=True, text=True, check=True
    ).stdout.strip()
    return source, sha


def test_a_job_runs_its_steps_as_github_would(repository: tuple[Path, str], tmp_path: Path) -> None:
    source, sha = repository
    runner = Runner(source / ".github/workflows/prove.yml", source, tmp_path / "work")
    result = runner.run_job("first", pull_request_event(7, sha, sha))
    outcomes = [(s.name, s.outcome, s.conclusion) for s in result.steps]
    assert outcomes[4:] == [
        ("Fail", "failure", "success"),
        ("Annotate and fail", "failure", "failure"),
        ("Skipped after a failure", "skipped", "skipped"),
        ("Always", "success", "success"),
        ("Run actions/upload-artifact@v6", "success", "success"),
    ]
    assert result.result == "failure"
    assert result.outputs == {"value": "jobb"}
    assert result.step("Read them").stdout.splitlines() == [
        "jobb=overstyrt flyt=arbeidsflyt valg= secret=fake-secret-TOKEN nr=7",
        "block=linje 1",
        "linje 2",
        "verktøy",
        f"ci=true event=pull_request sha={sha}",
        "7",
    ]
    assert result.summary == "## Sammendrag\n"
    assert [(a.severity, a.message, a.properties) for a in result.annotations] == [
        ("error", "første\nandre", {"file": "a.yaml", "line": "3", "col": "2", "title": "Feil"}),
        ("warning", "advarsel", {}),
    ]
    assert result.gh_calls == [
        {
            "args": ["pr", "comment", "7", "--body-file", "-"],
            "stdin": "hei\n",
            "cwd": str(result.workspace),
            "token": None,
        }
    ]
    assert result.artifacts == {"fil": result.workspace / "README"}


def test_dispatch_inputs_get_their_defaults(repository: tuple[Path, str], tmp_path: Path) -> None:
    source, sha = repository
    runner = Runner(source / ".github/workflows/prove.yml", source, tmp_path / "work")
    result = runner.run_job("first", workflow_dispatch_event(sha, {}))
    assert "valg=standard" in result.step("Read them").stdout
    with pytest.raises(WorkflowError, match="declares no inputs"):
        runner.run_job("first", workflow_dispatch_event(sha, {"annet": "x"}))


def test_an_action_it_does_not_know_is_refused(
    repository: tuple[Path, str], tmp_path: Path
) -> None:
    source, sha = repository
    path = source / ".github/workflows/prove.yml"
    path.write_text(WORKFLOW.replace("actions/checkout@v5", "someone/deploy@v1"), encoding="utf-8")
    with pytest.raises(WorkflowError, match="does not simulate someone/deploy@v1"):
        Runner(path, source, tmp_path / "work").run_job("first", push_event("0" * 40, sha))
