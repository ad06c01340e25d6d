"""Time the pull-request check's data job for a one-word data edit, cold and warm.

Runs the job «Data og nettsted» of .github/workflows/pull-request.yml with
tests/workflow_runner.py on a fresh clone each time, installing for real
(`make venv`, `npm ci`, `make check-site` with axe on every page):

- cold: pip's and npm's caches are empty folders (PIP_CACHE_DIR,
  npm_config_cache), as on a runner without a cache hit;
- warm: the same caches, filled by the cold runs (what setup-python's
  `cache: pip` and setup-node's `cache: npm` restore).

    .venv/bin/python scripts/time_pr_check.py [RUNS]   # default 3 of each

Prints each step's time and the median of the whole job. Uses the network
(PyPI, npm) for the cold runs.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.conftest import ROOT
from tests.workflow_project import make_origin, one_word
from tests.workflow_runner import JobResult, Runner, pull_request_event


def run(work: Path, caches: Path, head: str, main: str, bare: Path) -> JobResult:
    env = {
        "PIP_CACHE_DIR": str(caches / "pip"),
        "npm_config_cache": str(caches / "npm"),
    }
    runner = Runner(ROOT / ".github/workflows/pull-request.yml", bare, work, env=env)
    return runner.run_job("data", pull_request_event(1, main, head))


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory(prefix="time-pr-check-") as folder:
        base = Path(folder)
        origin = make_origin(base / "github")
        head = origin.branch("ett-ord", one_word)
        totals: dict[str, list[float]] = {"cold": [], "warm": []}
        for kind in ("cold", "warm"):
            for n in range(runs):
                caches = base / "caches" / (f"cold-{n}" if kind == "cold" else "cold-0")
                work = base / f"{kind}-{n}"
                result = run(work, caches, head, origin.main, origin.bare)
                if result.result != "success":
                    print(result.log(), file=sys.stderr)
                    return 1
                total = sum(step.seconds for step in result.steps)
                totals[kind].append(total)
                steps = ", ".join(
                    f"{s.name} {s.seconds:.1f}s" for s in result.steps if s.seconds >= 0.5
                )
                print(f"{kind} {n + 1}: {total:.1f}s ({steps})", flush=True)
        for kind, values in totals.items():
            print(
                f"{kind}: median {statistics.median(values):.1f}s of {len(values)} runs "
                f"({', '.join(f'{v:.1f}' for v in values)})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
