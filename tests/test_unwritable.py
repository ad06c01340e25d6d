"""Folders the build cannot write or rename give one Norwegian line, never a traceback.

``site/`` as a mount point cannot be renamed (``EBUSY``, or ``EXDEV`` across
file systems), so its contents are replaced instead. Read-only folders
(the generated pages, the site, the whole project) are named in the message.
Where this machine allows mount namespaces (``unshare -rm``), the cases are
also run for real with tmpfs and read-only bind mounts.
"""

from __future__ import annotations

import errno
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator import cli
from generator.site import folders, swap, write

from .conftest import ROOT, copy_project, run_generator

pytestmark = pytest.mark.slow


def _read_only(*args: object, **kwargs: object) -> None:
    raise OSError(errno.EROFS, "Read-only file system")


def test_an_unwritable_pages_folder_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path)
    monkeypatch.setattr(write, "write_atomic", _read_only)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "ut"))
    with pytest.raises(Abort) as stopped:
        build(config)
    assert str(stopped.value) == (
        "Kan ikke skrive i mappen «build/generated» (generated_dir i mkdocs.yml): filsystemet "
        "er skrivebeskyttet. Gjør mappen skrivbar, eller velg en annen mappe med generated_dir "
        "i mkdocs.yml."
    )


def test_an_unwritable_project_folder_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path)
    monkeypatch.setattr(swap.tempfile, "mkdtemp", _read_only)
    assert cli.main(["--root", str(project), "site"]) == 3
    err = capsys.readouterr().err
    assert err.endswith(
        "Kan ikke skrive i «.», der det nye nettstedet lages før det erstatter «site»: "
        "filsystemet er skrivebeskyttet. Gjør mappen skrivbar og bygg på nytt.\n"
    )
    assert "Traceback" not in err


# --- The same on real mounts, where this machine lets a test make them.


def _namespaces() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs none /mnt 2>/dev/null || exit 1"],
        capture_output=True,
    )
    return probe.returncode == 0


needs_mounts = pytest.mark.skipif(
    not _namespaces(), reason="mount namespaces (unshare -rm) are not allowed here"
)


def _in_namespace(project: Path, mounts: str, out: Path) -> tuple[int, str]:
    """Run ``python -m generator site`` after ``mounts`` (shell commands), in a
    mount namespace of its own; returns the exit code and the output.

    ``--force``: these builds must write the site even when an earlier build of
    the same inputs left it up to date."""
    generator = shlex.join([sys.executable, "-m", "generator", "site", "--force"])
    script = (
        f"set -e; cd {shlex.quote(str(project))}; {mounts}; "
        f"set +e; {generator} > {shlex.quote(str(out))} 2>&1; echo $? >> {shlex.quote(str(out))}"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    subprocess.run(["unshare", "-rm", "sh", "-c", script], env=env, check=True, timeout=600)
    *lines, code = out.read_text(encoding="utf-8").splitlines()
    return int(code), "\n".join(lines)


def _lines(output: str) -> list[str]:
    """What the build said besides MkDocs' progress."""
    return [
        line
        for line in output.splitlines()
        if line.strip() and not line.startswith(("INFO", "  - ", "Datafilene er i orden"))
    ]


@needs_mounts
def test_a_site_that_is_a_mount_point_is_updated(tmp_path: Path) -> None:
    """The first build fills the empty mount point, the second replaces its site."""
    project = copy_project(tmp_path)
    (project / "site").mkdir()
    first = shlex.join([sys.executable, "-m", "generator", "site"])
    listing = tmp_path / "listing.txt"
    code, output = _in_namespace(
        project,
        f"mount -t tmpfs none site; {first} > /dev/null 2>&1; "
        f"trap 'ls -A site > {shlex.quote(str(listing))}' EXIT",
        tmp_path / "out.txt",
    )
    assert code == 0, output
    assert _lines(output) == [f"Nettstedet er bygget i {project / 'site'}."]
    shown = listing.read_text(encoding="utf-8").split()
    assert {folders.MARKER, "index.html", "endringer.xml", "data"} <= set(shown), shown
    assert not [name for name in shown if name.endswith(".old")]
    assert [p.name for p in project.glob(".site*")] == []


@needs_mounts
def test_a_read_only_pages_folder_gives_one_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    assert run_generator("site", cwd=project).returncode == 0
    data = project / "followups.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("juni 2025.", "juni 2025 (ny).", 1))
    code, output = _in_namespace(
        project, "mount --bind build build; mount -o remount,bind,ro build", tmp_path / "out.txt"
    )
    assert code == 1
    assert _lines(output) == [
        "Kan ikke skrive i mappen «build/generated» (generated_dir i mkdocs.yml): filsystemet "
        "er skrivebeskyttet. Gjør mappen skrivbar, eller velg en annen mappe med generated_dir "
        "i mkdocs.yml.",
        "Bygget feilet; den forrige versjonen av nettstedet er beholdt.",
    ]


@needs_mounts
def test_a_read_only_site_gives_one_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    assert run_generator("site", cwd=project).returncode == 0
    code, output = _in_namespace(
        project, "mount --bind site site; mount -o remount,bind,ro site", tmp_path / "out.txt"
    )
    assert code == 3
    assert _lines(output)[-1] == (
        "Kan ikke skrive i «site»: filsystemet er skrivebeskyttet. Gjør mappen skrivbar, eller "
        "bygg nettstedet til en annen mappe med --site-dir."
    )
    assert "Traceback" not in output
    assert [p.name for p in project.glob(".site*")] == []


@needs_mounts
def test_a_read_only_project_gives_one_line(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    code, output = _in_namespace(
        project, "mount --bind . .; mount -o remount,bind,ro .", tmp_path / "out.txt"
    )
    assert code == 3
    assert _lines(output) == [
        "Kan ikke skrive i «.», der det nye nettstedet lages før det erstatter «site»: "
        "filsystemet er skrivebeskyttet. Gjør mappen skrivbar og bygg på nytt."
    ]
