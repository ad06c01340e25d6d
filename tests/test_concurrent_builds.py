"""Two builds in one project at once never mix their pages.

Edition 2025-06 and the newest edition of the two-edition fixture are built
at the same time with ``mkdocs build`` (``SITE_EDITION`` set, as ``publish``
does), each into its own folder, and must equal the same builds made one
after the other. A small MkDocs hook holds the first build right after it
has generated its pages, until the second has either generated its own
(the pages would then be mixed) or said that it waits for the first: so
the two really overlap, on any machine, without a timed assertion.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT, copy_fixture_project

pytestmark = pytest.mark.slow

HOOK = '''\
"""Test hook: signal when the pages are generated; wait before reading them."""
import os
import time
from pathlib import Path


def on_files(files, config):
    signal = os.environ.get("BARRIER_GENERATED")
    if signal:
        Path(signal).touch()
    return files


def on_page_markdown(markdown, page, config, files):
    go = os.environ.get("BARRIER_WAIT")
    deadline = time.monotonic() + 300
    while go and not Path(go).exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return markdown
'''

WAITING = "Venter på at en annen bygging av nettstedet i denne mappen blir ferdig"


def tree(folder: Path) -> dict[str, str]:
    """Every file with a hash of its content; the gzip'ed sitemap carries the time."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".gz")
    }


def _start(
    project: Path, edition: str, out: str, log: Path, **barrier: str
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": str(ROOT),
        "SITE_EDITION": edition,
        **barrier,
    }
    with log.open("wb") as handle:
        return subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", out],
            cwd=project,
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )


def _until(condition: object, *processes: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 300
    while not condition():  # type: ignore[operator]
        for process in processes:
            assert process.poll() is None, "a build ended before the moment came"
        assert time.monotonic() < deadline, "the builds never reached the moment"
        time.sleep(0.02)


def test_two_editions_built_at_once_equal_the_same_builds_one_after_the_other(
    tmp_path: Path,
) -> None:
    (tmp_path / "project").mkdir()
    project = copy_fixture_project(tmp_path / "project", "two-editions", "2026-06-01")
    (project / "barrier.py").write_text(HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - barrier.py\n")
    signals = tmp_path / "signals"
    signals.mkdir()
    old_log, new_log = tmp_path / "old.log", tmp_path / "new.log"

    old = _start(
        project,
        "2025-06",
        "site-old",
        old_log,
        BARRIER_GENERATED=str(signals / "old-generated"),
        BARRIER_WAIT=str(signals / "go"),
    )
    _until(lambda: (signals / "old-generated").exists(), old)
    new = _start(
        project, "2026-01", "site-new", new_log, BARRIER_GENERATED=str(signals / "new-generated")
    )
    _until(
        lambda: (
            (signals / "new-generated").exists()
            or WAITING in new_log.read_text(encoding="utf-8", errors="replace")
            or new.poll() is not None
        ),
        old,
    )
    (signals / "go").touch()
    assert old.wait(timeout=600) == 0, old_log.read_text(encoding="utf-8")
    assert new.wait(timeout=600) == 0, new_log.read_text(encoding="utf-8")
    assert WAITING in new_log.read_text(encoding="utf-8"), "the second build did not wait"

    for edition, out in (("2025-06", "alone-old"), ("2026-01", "alone-new")):
        process = _start(project, edition, out, tmp_path / f"{out}.log")
        assert process.wait(timeout=600) == 0, (tmp_path / f"{out}.log").read_text()
    assert tree(project / "site-old") == tree(project / "alone-old")
    assert tree(project / "site-new") == tree(project / "alone-new")
    assert tree(project / "alone-old") != tree(project / "alone-new")


def test_the_preview_keeps_unchanged_pages_between_its_builds(tmp_path: Path) -> None:
    """``mkdocs serve`` builds again and again in one process: the lock is taken
    and given back each time, and a page whose content did not change keeps
    its modification time (what ``--dirty`` relies on)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    (tmp_path / "project").mkdir()
    project = copy_fixture_project(tmp_path / "project", "two-editions", "2026-06-01")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "out"), strict=False)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    generated = project / "build" / "generated"
    times = {p: p.stat().st_mtime_ns for p in generated.rglob("*.md")}
    build(config, dirty=True)
    assert {p: p.stat().st_mtime_ns for p in generated.rglob("*.md")} == times
    config.plugins.on_shutdown()
