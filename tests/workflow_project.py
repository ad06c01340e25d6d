"""A test repository for the workflows: this checkout's code with the frozen Oslo
data, in a bare repository playing the one on GitHub (see tests/workflow_runner.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT, copy_project
from tests.gitenv import git_env


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(
        ["git", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=git_env(),
    )
    if result.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)}: {result.stderr}")
    return result.stdout.strip()


@dataclass(frozen=True)
class Origin:
    """A bare repository playing the one on GitHub, and a clone to make commits in."""

    bare: Path
    clone: Path
    main: str

    def branch(self, name: str, change: Callable[[Path], None], base: str = "main") -> str:
        """Commit ``change`` on a new branch from ``base``, push it; its commit."""
        git("checkout", "--quiet", "-B", name, base, cwd=self.clone)
        change(self.clone)
        git("add", "-A", cwd=self.clone)
        git("commit", "--quiet", "-m", f"Endring på {name}", cwd=self.clone)
        git("push", "--quiet", "--force", "origin", name, cwd=self.clone)
        return git("rev-parse", "HEAD", cwd=self.clone)


def _project_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def fast_environment(workspace: Path) -> None:
    """What `make venv` and `npm ci` would install, without installing it: a venv
    that reads this checkout's packages, node_modules copied, the stamps fresh.
    The project's own code always comes from the workspace (python -m runs from it)."""
    python_environment(workspace)
    shutil.copytree(ROOT / "node_modules", workspace / "node_modules", symlinks=True)
    (workspace / "node_modules" / ".ci-installed").touch()


def python_environment(workspace: Path) -> None:
    """``fast_environment`` without node_modules: what `make venv` would install."""
    venv = workspace / ".venv"
    base = Path(getattr(sys, "_base_executable", sys.executable))
    subprocess.run([str(base), "-m", "venv", "--without-pip", str(venv)], check=True)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    ours = sysconfig.get_paths()["purelib"]
    # The workspace first, as `pip install -e .` would put it; then our packages.
    (venv / "lib" / version / "site-packages" / "project-packages.pth").write_text(
        f"{workspace}\n{ours}\n", encoding="utf-8"
    )
    # Console scripts (mkdocs, which mike calls) with this venv's Python.
    ours_bin = Path(sysconfig.get_paths()["scripts"])
    for script in ours_bin.iterdir():
        target = venv / "bin" / script.name
        if target.exists() or not script.is_file():
            continue
        head = script.read_bytes()[:200]
        if head.startswith(b"#!") and b"python" in head.split(b"\n", 1)[0]:
            body = script.read_text(encoding="utf-8").split("\n", 1)[1]
            target.write_text(f"#!{venv / 'bin' / 'python'}\n{body}", encoding="utf-8")
            target.chmod(0o755)
    for stamp in (".site-installed", ".check-installed", ".dev-installed"):
        (venv / stamp).touch()


def make_origin(base: Path) -> Origin:
    """The project as it is in this checkout, with the frozen Oslo data as its data."""
    source = base / "source"
    for name in _project_files():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, source / name)
    for generated_by_copy in ("content", "schemas"):
        shutil.rmtree(source / generated_by_copy)
    copy_project(source)
    git("init", "--quiet", "--initial-branch=main", cwd=source)
    git("add", "-A", cwd=source)
    git("commit", "--quiet", "-m", "Politirådet i Oslo, januar 2026", cwd=source)
    bare = base / "origin.git"
    git("clone", "--quiet", "--bare", str(source), str(bare), cwd=base)
    clone = base / "clone"
    git("clone", "--quiet", str(bare), str(clone), cwd=base)
    return Origin(bare, clone, git("rev-parse", "HEAD", cwd=clone))


def one_word(project: Path) -> None:
    """The secretariat's smallest edit: one word of a status text."""
    path = project / "followups.yaml"
    text = path.read_text(encoding="utf-8")
    assert "godkjent i politirådet" in text
    path.write_text(text.replace("godkjent i politirådet", "vedtatt i politirådet", 1), "utf-8")
