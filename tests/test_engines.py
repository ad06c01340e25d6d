"""The same site on a maintained builder: ProperDocs, the MkDocs 1.x fork, as a drop-in.

MkDocs 1.6 is no longer maintained; ProperDocs keeps its configuration,
plugins and themes. Both build the same project here, and every file they
write must be the same, apart from the one tag that names the builder.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_project

pytestmark = pytest.mark.slow

# <meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.1"> and
# "mkdocs-ProperDocs 1.6.7, ...": the builder names itself, nothing else differs.
GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def _build(engine: str, project: Path, out: Path) -> dict[str, bytes]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "--site-dir", str(out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"{engine}:\n{result.stdout}{result.stderr}"
    return {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file()
    }


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    mkdocs = _build("mkdocs", project, tmp_path / "mkdocs-site")
    properdocs = _build("properdocs", project, tmp_path / "properdocs-site")

    assert sorted(properdocs) == sorted(mkdocs)
    pages = [name for name in mkdocs if name.endswith(".html")]
    assert "oppfolgingspunkter/2025-1/index.html" in pages
    for name in mkdocs:
        ours, theirs = mkdocs[name], properdocs[name]
        if name.endswith(".html"):
            assert b"ProperDocs" in GENERATOR_TAG.search(theirs).group(0)  # type: ignore[union-attr]
            ours, theirs = GENERATOR_TAG.sub(b"", ours), GENERATOR_TAG.sub(b"", theirs)
        assert ours == theirs, f"{name} differs between MkDocs and ProperDocs"
