"""A build killed at any point leaves the previous site whole and usable.

``python -m generator site`` is started for real and killed with SIGKILL at
several moments: as soon as its staging folder exists, while MkDocs is
writing pages, when MkDocs has nearly finished, and at fixed delays. After
each kill ``site/`` must be exactly the previous site (or, if the kill came
after the swap, exactly the new one), and the next build must succeed and
clean up what the killed one left.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project, run_generator
from .test_links import broken_links

pytestmark = pytest.mark.slow

OLD_TITLE = "Felles situasjonsforståelse i beredskapsarbeidet"
NEW_TITLE = "Felles situasjonsforståelse i beredskapsarbeidet (endret)"


def tree(folder: Path) -> dict[str, str]:
    """Every file with a hash of its content. The gzip'ed sitemap carries
    the time it was written, so only its presence is compared."""
    return {
        p.relative_to(folder).as_posix(): (
            "" if p.name.endswith(".gz") else hashlib.sha256(p.read_bytes()).hexdigest()
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _edit(project: Path) -> None:
    data = project / "followups.yaml"
    data.write_text(
        data.read_text(encoding="utf-8").replace(OLD_TITLE, NEW_TITLE, 1), encoding="utf-8"
    )


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The site an uninterrupted build of the edited data gives."""
    project = copy_project(tmp_path_factory.mktemp("reference"))
    _edit(project)
    assert run_generator("site", cwd=project).returncode == 0
    return tree(project / "site")


@pytest.fixture(scope="module")
def old_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("old"))
    assert run_generator("site", cwd=project).returncode == 0
    return project


def _staging(project: Path) -> list[Path]:
    return [p for p in project.glob(".site.*") if p.is_dir()]


def _files_in_staging(project: Path) -> int:
    return sum(1 for s in _staging(project) for p in s.rglob("*.html"))


# When to kill, as a condition polled every half millisecond.
Moment = Callable[[Path, float], bool]
MOMENTS: dict[str, Moment] = {
    "staging folder created": lambda project, _: bool(_staging(project)),
    "first page written": lambda project, _: _files_in_staging(project) >= 1,
    "half the pages written": lambda project, _: _files_in_staging(project) >= 8,
    "sitemap written, swap imminent": lambda project, _: any(
        (s / "sitemap.xml").exists() for s in _staging(project)
    ),
    "after 0.3 s": lambda _, elapsed: elapsed >= 0.3,
    "after 1 s": lambda _, elapsed: elapsed >= 1.0,
}


def _env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}


def _kill_when(project: Path, moment: Moment, whole_group: bool) -> str:
    """Start a build and SIGKILL it when ``moment`` holds; returns what happened."""
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "site"],
        cwd=project,
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    start = time.perf_counter()
    while process.poll() is None:
        if moment(project, time.perf_counter() - start):
            if whole_group:
                os.killpg(process.pid, signal.SIGKILL)
            else:
                process.send_signal(signal.SIGKILL)
            process.wait()
            _wait_for_orphans(process.pid)
            return f"killed after {time.perf_counter() - start:.2f} s"
        time.sleep(0.0005)
    return "finished before the moment came"


def _wait_for_orphans(group: int) -> None:
    """MkDocs keeps running when only its parent is killed; let it end so
    the folder is not changing while it is checked."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.killpg(group, signal.SIGKILL)


KILLS = [(moment, True) for moment in MOMENTS] + [
    ("first page written", False),
    ("sitemap written, swap imminent", False),
]
"""Every moment with the whole process group killed (as a closed terminal
would), and two with only the parent killed, leaving MkDocs orphaned."""


@pytest.mark.parametrize(
    "moment,whole_group", KILLS, ids=[f"{m}-{'group' if g else 'parent'}" for m, g in KILLS]
)
def test_a_killed_build_leaves_a_whole_site(
    moment: str,
    whole_group: bool,
    old_project: Path,
    new_site: dict[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project = tmp_path / "project"
    shutil.copytree(old_project, project)
    old_site = tree(project / "site")
    _edit(project)

    outcome = _kill_when(project, MOMENTS[moment], whole_group)

    now = tree(project / "site")
    assert now in (old_site, new_site), f"site/ is neither the old nor the new site ({outcome})"
    assert broken_links(project / "site") == []
    with capsys.disabled():
        state = "old site kept" if now == old_site else "new site complete"
        print(
            f"\n[interrupt] {moment} ({'group' if whole_group else 'parent'}): {outcome}; {state}"
        )

    result = run_generator("site", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert tree(project / "site") == new_site
    assert _staging(project) == [], "the next build did not clean up after the killed one"
