"""``python -m bench publish``: how long ``make publish`` takes on a push to main.

In a temporary repository with a bare remote: the frozen Oslo data is
committed as January 2026 and a whole June round on top, and both editions
are published once. Then, each timed ``BENCH_RUNS`` times (median shown):

- ``publish`` with nothing changed (the fingerprints match; no build);
- ``publish`` after a commit that changes one edition (a June status text);
- ``publish --all``, which builds every edition again.

Every run is the real command, as CI runs it: a new Python process, git,
mike and MkDocs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.gitenv import git_env

ROOT = Path(__file__).resolve().parent.parent


def _env() -> dict[str, str]:
    clean = {k: v for k, v in git_env().items() if not k.startswith(("SITE_", "MIKE_"))}
    return {**clean, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=_env(), check=True, capture_output=True)


def _publish(work: Path, *args: str) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "generator", "publish", *args],
        cwd=work,
        env=_env(),
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"publish {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def _project(base: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from tests.conftest import copy_project
    from tests.june_edition import complete_june_round

    remote, work = base / "remote.git", base / "work"
    _git("init", "--quiet", "--bare", str(remote), cwd=base)
    work.mkdir()
    copy_project(work)
    (work / ".gitignore").write_text("/site/\n/build/\n", encoding="utf-8")
    _git("init", "--quiet", "-b", "main", cwd=work)
    _git("add", "-A", cwd=work)
    _git("commit", "--quiet", "-m", "Status pr januar 2026", cwd=work)
    _git("remote", "add", "origin", str(remote), cwd=work)
    complete_june_round(work)
    _git("commit", "--quiet", "-am", "Status pr juni 2026", cwd=work)
    return work


def main() -> int:
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    with tempfile.TemporaryDirectory(prefix="bench-publish-") as tmp:
        work = _project(Path(tmp))
        first = _publish(work)
        nothing = [_publish(work) for _ in range(runs)]
        one = []
        followups = work / "followups.yaml"
        for n in range(runs):
            text = followups.read_text(encoding="utf-8")
            followups.write_text(text.replace("se juni-rapporten.", f"se juni-rapporten ({n}).", 1))
            _git("commit", "--quiet", "-am", f"June text {n}", cwd=work)
            one.append(_publish(work))
        every = [_publish(work, "--all") for _ in range(runs)]
    print(f"| publish | seconds (median of {runs}) |")
    print("| --- | ---: |")
    print(f"| first, 2 editions | {first:.1f} |")
    print(f"| nothing changed | {statistics.median(nothing):.1f} |")
    print(f"| one edition changed | {statistics.median(one):.1f} |")
    print(f"| --all (2 editions) | {statistics.median(every):.1f} |")
    return 0
