"""``python -m bench phases [N] [--runs R]``: where our build's CPU goes, beside
the stock build of the same pages, without a profiler.

cProfile inflates Python-heavy code unevenly (a build took 108 s profiled
against 10-15 s without), so its shares mislead when the question is which
of two builds spends more where. Here each build runs in a fresh process
(``bench.child phases``) with timers around MkDocs' own functions: every
page's Python-Markdown (``Page.render``), every page's template, search
indexing and writing (``_build_page``, which includes the ``page_context``
and ``post_page`` events), and each plugin event. Our build and the stock
build of the pages it generated (``bench/stock.py``) alternate, R times each
(default 3), on N synthetic points (default 1,000) in ``BENCH_PROJECT``'s
config and pages (see ``make bench``); medians of CPU seconds.
The PDF's process is not in these phases: its CPU is in ``make bench``.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
from pathlib import Path

from . import stock, synth
from .run import Settings, run_child


def _table(ours: list[dict[str, float]], theirs: list[dict[str, float]]) -> list[str]:
    names = sorted(
        {name for run in ours + theirs for name in run},
        key=lambda name: -statistics.median(run.get(name, 0.0) for run in ours),
    )
    lines = [
        "| phase | ours | stock, same pages | difference |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name in names:
        a = statistics.median(run.get(name, 0.0) for run in ours)
        b = statistics.median(run.get(name, 0.0) for run in theirs)
        if max(a, b) >= 0.005:
            lines.append(f"| {name} | {a:.2f} s | {b:.2f} s | {a - b:+.2f} s |")
    return lines


def main(argv: list[str]) -> int:
    numbers = [arg for arg in argv if arg.isdigit()]
    n = int(numbers[0]) if numbers else 1000
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
    ours: list[dict[str, float]] = []
    theirs: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="council-phases-") as tmp:
        template = Path(tmp) / "template"
        shape = synth.write_project(template, n, Settings.from_env().project)
        for _ in range(runs):
            project = Path(tmp) / "ours"
            shutil.rmtree(project, ignore_errors=True)
            shutil.copytree(template, project)
            ours.append(run_child("phases", str(project))["phases"])
            baseline = Path(tmp) / "stock"
            shutil.rmtree(baseline, ignore_errors=True)
            stock.write_project(project, baseline)
            theirs.append(run_child("phases", str(baseline))["phases"])
    print(
        f"CPU seconds by phase, medians of {runs} builds each, alternating: {n} points, "
        f"{shape.seminars} seminars, {shape.statuses} statuses, "
        f"{shape.followups_bytes / 1e6:.1f} MB followups.yaml."
    )
    print()
    print("\n".join(_table(ours, theirs)))
    return 0
