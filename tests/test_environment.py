"""Outside the happy path: the wrong Python, no virtual environment, an install that
stopped halfway. ``python -m generator`` and ``make`` each say in one Norwegian
sentence what to do, and leave nothing broken behind."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_project
from tests.workflow_project import python_environment

BASE_PYTHON = Path(getattr(sys, "_base_executable", sys.executable)).resolve()
"""This Python without the virtual environment: none of the tool's packages."""

FAKE_VERSION = """\
import sys
sys.version_info = (3, 10, 12, "final", 0)
"""


def checkout(tmp_path: Path, *, venv: bool = False) -> Path:
    """The project as cloned: data, the generator, and .venv only when asked."""
    project = copy_project(tmp_path)
    shutil.copytree(ROOT / "generator", project / "generator")
    if venv:
        python_environment(project)
    return project


def generator(
    python: Path | str, project: Path, *args: str, path: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(project)}
    if path is not None:
        env["PYTHONPATH"] = path
    return subprocess.run(
        [str(python), "-m", "generator", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_the_environment_it_says_to_run_make_site_first(tmp_path: Path) -> None:
    result = generator(BASE_PYTHON, checkout(tmp_path), "validate", "--format", "github")
    assert result.returncode == 3
    assert result.stdout == ""
    assert result.stderr == (
        "Python finner ikke pakken «babel», som verktøyet trenger. Kjør «make site» først: den "
        "lager et miljø i .venv med alt verktøyet trenger. Aktiver det så med «source "
        ".venv/bin/activate» (på Windows: .venv\\Scripts\\activate), eller kjør «.venv/bin/python "
        "-m generator validate --format github».\n"
    )


def test_with_the_environment_not_in_use_it_gives_the_activate_command(tmp_path: Path) -> None:
    result = generator(BASE_PYTHON, checkout(tmp_path, venv=True), "new-round", "2026-06")
    assert result.returncode == 3
    assert result.stderr == (
        "Python finner ikke pakken «babel», som verktøyet trenger: prosjektets miljø (.venv) er "
        "ikke i bruk. Aktiver det med «source .venv/bin/activate» og prøv igjen, eller kjør "
        "«.venv/bin/python -m generator new-round 2026-06».\n"
    )


def test_in_an_environment_that_was_not_finished_it_says_make_venv(tmp_path: Path) -> None:
    project = checkout(tmp_path)
    subprocess.run(
        [str(BASE_PYTHON), "-m", "venv", "--without-pip", ".venv"], cwd=project, check=True
    )
    result = generator(project / ".venv" / "bin" / "python", project, "validate")
    assert result.returncode == 3
    assert result.stderr == (
        "Python finner ikke pakken «babel», som verktøyet trenger: miljøet i .venv er ikke ferdig "
        "installert. Kjør «make venv», så installeres det som mangler.\n"
    )


@pytest.mark.parametrize("venv", [False, True])
def test_a_python_older_than_3_11_says_which_is_needed(tmp_path: Path, venv: bool) -> None:
    project = checkout(tmp_path, venv=venv)
    fake = tmp_path / "python-3.10"
    fake.mkdir()
    (fake / "sitecustomize.py").write_text(FAKE_VERSION, encoding="utf-8")
    result = generator(BASE_PYTHON, project, "validate", path=str(fake))
    assert result.returncode == 3
    start = (
        f"Verktøyet trenger Python 3.11 eller nyere, men dette er Python 3.10.12 ({BASE_PYTHON})."
    )
    if venv:
        assert (
            result.stderr
            == f"{start} Bruk prosjektets miljø: .venv/bin/python -m generator validate\n"
        )
    else:
        assert result.stderr == (
            f"{start} Installer Python 3.11 eller nyere, og kjør «make site PYTHON=python3.11» i "
            "mappen med verktøyet; da lages et miljø i .venv med riktig Python.\n"
        )


# --- make ---------------------------------------------------------------------------------

FAKE_PYTHON = """\
#!{python}
# A python3 that reports the version in FAKE_PYTHON_VERSION to any code it runs,
# makes a venv whose python is itself, and whose pip cannot install (the
# backrefs pin needs a newer Python). Each call is logged.
import os, shutil, sys
args = sys.argv[1:]
with open(os.environ["FAKE_PYTHON_LOG"], "a") as log:
    log.write(" ".join(args[:2]) + "\\n")
version = tuple(int(p) for p in os.environ["FAKE_PYTHON_VERSION"].split("."))
if args[:1] == ["-c"]:
    sys.version_info = (*version, "final", 0)
    exec(args[1])
elif args[:2] == ["-m", "venv"]:
    os.makedirs(os.path.join(args[2], "bin"))
    shutil.copy(__file__, os.path.join(args[2], "bin", "python"))
elif args[:2] == ["-m", "pip"]:
    sys.stderr.write("ERROR: No matching distribution found for backrefs==8.3.1\\n")
    sys.exit(1)
"""


@pytest.fixture
def make_project(tmp_path: Path) -> Path:
    """What make needs to set up .venv, and a fake python3 first on PATH."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("Makefile", "pyproject.toml", "requirements.txt"):
        shutil.copy(ROOT / name, project / name)
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "python3").write_text(FAKE_PYTHON.format(python=BASE_PYTHON), encoding="utf-8")
    (tools / "python3").chmod(0o755)
    return project


def make(project: Path, *args: str, version: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.pathsep.join([str(project.parent / "bin"), "/usr/bin", "/bin"]),
        "HOME": str(project),
        "FAKE_PYTHON_VERSION": version,
        "FAKE_PYTHON_LOG": str(project.parent / "python-calls"),
    }
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def calls(project: Path) -> list[str]:
    log = project.parent / "python-calls"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


ONE_LINE = re.compile(r"Makefile:\d+: \*\*\* (.*)\.  Stop\.\n")


def test_make_with_python_3_10_stops_with_one_line(make_project: Path) -> None:
    result = make(make_project, "site", version="3.10.12")
    assert result.returncode == 2
    assert result.stdout == ""
    found = ONE_LINE.fullmatch(result.stderr)
    assert found is not None, result.stderr
    assert found[1] == (
        "Verktøyet trenger Python 3.11 eller nyere, men «python3» er Python 3.10.12. Installer "
        "Python 3.11 eller nyere og kjør for eksempel «make site PYTHON=python3.11»"
    )
    assert not (make_project / ".venv").exists()
    assert "-m venv" not in calls(make_project)


def test_make_removes_a_venv_an_old_python_left(make_project: Path) -> None:
    """A .venv made before this check, by Python 3.10, kept failing on every make."""
    venv = make_project / ".venv" / "bin"
    venv.mkdir(parents=True)
    shutil.copy(make_project.parent / "bin" / "python3", venv / "python")
    result = make(make_project, "venv", version="3.10.12")
    found = ONE_LINE.fullmatch(result.stderr)
    assert found is not None, result.stderr
    assert found[1] == (
        "Verktøyet trenger Python 3.11 eller nyere, men «.venv/bin/python» er Python 3.10.12. "
        "Installer Python 3.11 eller nyere og kjør for eksempel «make venv PYTHON=python3.11»; "
        ".venv var laget med den og er fjernet"
    )
    assert not (make_project / ".venv").exists()


def test_make_removes_a_venv_it_could_not_finish(make_project: Path) -> None:
    result = make(make_project, "venv", version="3.12.1")
    assert result.returncode == 2
    assert (
        "Installasjonen i .venv ble ikke ferdig, så .venv er fjernet; neste make begynner på nytt."
        in (result.stderr)
    )
    assert not (make_project / ".venv").exists()
    # The next run starts clean: a new venv, not pip again in the broken one.
    make(make_project, "venv", version="3.12.1")
    assert [c for c in calls(make_project) if c.startswith("-m")] == [
        "-m venv",
        "-m pip",
        "-m venv",
        "-m pip",
    ]


def test_make_without_the_python_it_was_told_to_use(make_project: Path) -> None:
    result = make(make_project, "site", "PYTHON=python3.11-finnes-ikke", version="3.12.1")
    found = ONE_LINE.fullmatch(result.stderr)
    assert found is not None, result.stderr
    assert found[1] == (
        "Verktøyet trenger Python 3.11 eller nyere, men fant ikke «python3.11-finnes-ikke». "
        "Installer Python 3.11 eller nyere og kjør for eksempel «make site PYTHON=python3.11»"
    )
    assert not (make_project / ".venv").exists()
