"""What runs inside one measured child process; the parent reads its JSON.

Each measurement gets a fresh interpreter, as a user's ``mkdocs build`` does,
so one run's caches and heap never flatter the next, and the parent can read
the child's own peak memory from ``os.wait4``.

    python -m bench.child build PROJECT [--dirty]   # mkdocs build, our stages timed inside
    python -m bench.child memory PROJECT            # our stages under tracemalloc
    python -m bench.child profile PROJECT OUT.prof  # cProfile of one mkdocs build
    python -m bench.child floor PROJECT             # load + validate against libyaml alone
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import threading
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

OURS = ("load", "render", "write")
"""Our stages, as the plugin runs them: build.load_dataset (load and
validate), render.render_site and write.sync."""


def _instrument(timings: dict[str, float], reports: list[Any]) -> None:
    """Wrap our three stage functions where the pipeline looks them up.

    Records wall time under the stage's name and CPU time under
    ``NAME_cpu``: on a shared machine CPU time is the steadier of the two.
    """
    from generator.site import build, render, write

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start, cpu = time.perf_counter(), time.process_time()
            try:
                result = fn(*args, **kwargs)
            finally:
                timings[name] = timings.get(name, 0.0) + time.perf_counter() - start
                timings[f"{name}_cpu"] = timings.get(f"{name}_cpu", 0.0) + time.process_time() - cpu
            if name == "write":
                reports.append(result)
            return result

        return wrapper

    from generator.site import pdf_process

    # The report PDF is made in its own process, started when the data is
    # loaded; "pdf" is the time the build waited for it in on_post_build, and
    # pdf_process_* what that process itself took.
    collect = pdf_process.Job.result

    def collected(job: pdf_process.Job) -> dict[str, bytes]:
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return collect(job)
        finally:
            timings["pdf"] = timings.get("pdf", 0.0) + time.perf_counter() - start
            timings["pdf_cpu"] = timings.get("pdf_cpu", 0.0) + time.process_time() - cpu
            if job.usage is not None:
                timings["pdf_process_wall"] = job.usage.wall
                timings["pdf_process_cpu"] = job.usage.cpu
                timings["pdf_process_rss"] = job.usage.max_rss_bytes

    pdf_process.Job.result = collected  # type: ignore[method-assign,assignment]
    _watch_pdf_memory(timings)
    build.load_dataset = timed("load", build.load_dataset)  # type: ignore[method-assign]
    render.render_site = timed("render", render.render_site)  # type: ignore[method-assign]
    write.sync = timed("write", write.sync)  # type: ignore[method-assign]


_WATCHERS: list[threading.Thread] = []
"""The PDF processes' memory watchers, joined before a build reports."""


def _high_water_mark(pid: int) -> int | None:
    """A running process's peak RSS so far (``VmHWM``); None once it has ended."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None  # a zombie has no memory lines left


def _watch_pdf_memory(timings: dict[str, float]) -> None:
    """Record the PDF process's own peak memory, which ``os.wait4`` overstates.

    Linux keeps, across ``exec``, the peak RSS of the process image being
    replaced: a child started by MkDocs' process reports at least MkDocs'
    own peak at that moment. So ``pdf_process_rss`` (from ``wait4``) is the
    PDF's own peak only where it is above ``pdf_parent_rss_at_start``; below
    that, the peak sampled from /proc every 50 ms (``pdf_process_sampled_rss``)
    is the figure (``bench.run.pdf_stage`` picks).
    """
    import resource

    from generator.site import pdf_process

    start = getattr(pdf_process, "start", None)
    if start is None:
        return

    def watch(pid: int) -> None:
        peak = 0
        while (seen := _high_water_mark(pid)) is not None:
            peak = max(peak, seen)
            time.sleep(0.05)
        timings["pdf_process_sampled_rss"] = max(timings.get("pdf_process_sampled_rss", 0), peak)

    def started(*args: Any, **kwargs: Any) -> Any:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        job = start(*args, **kwargs)
        process = getattr(job, "_process", None)
        if process is not None:
            timings["pdf_parent_rss_at_start"] = before
            watcher = threading.Thread(target=watch, args=(process.pid,), daemon=True)
            watcher.start()
            _WATCHERS.append(watcher)
        return job

    pdf_process.start = started


def _mkdocs_build(project: Path, dirty: bool) -> None:
    """``mkdocs build [--dirty]`` in this process, as the CLI does it.

    A dirty build logs a warning on purpose ("A 'dirty' build is being
    performed"), which ``strict: true`` turns into a failure; dirty builds run
    without strict, as ``make serve`` does. Full builds keep mkdocs.yml's strict.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    if dirty:
        config.strict = False
    config.plugins.on_startup(command="build", dirty=dirty)
    try:
        mkdocs_build(config, dirty=dirty)
    finally:
        config.plugins.on_shutdown()


def build(project: Path, dirty: bool) -> dict[str, Any]:
    """One ``mkdocs build``, with our stages timed inside the plugin's run."""
    import logging

    started = time.perf_counter()
    timings: dict[str, float] = {}
    reports: list[Any] = []
    _instrument(timings, reports)
    import mkdocs.commands.build  # noqa: F401 - import time counts as startup

    logging.basicConfig(level=logging.ERROR)
    os.chdir(project)
    build_start, build_cpu = time.perf_counter(), time.process_time()
    _mkdocs_build(project, dirty)
    done, done_cpu = time.perf_counter(), time.process_time()
    for watcher in _WATCHERS:
        watcher.join(timeout=5)
    report = reports[-1] if reports else None
    import resource

    return {
        # Its own peak: os.wait4 in the parent gives the larger of this
        # process's and the PDF process's (a waited-for child of this one).
        "self_max_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "stages": timings,
        "build_in_process": done - build_start,
        "build_in_process_cpu": done_cpu - build_cpu,
        "imports": build_start - started,
        "written": list(report.written) if report else None,
        "unchanged": report.unchanged if report else None,
        "removed": list(report.removed) if report else None,
    }


def memory(project: Path) -> dict[str, Any]:
    """Peak traced Python memory of each of our stages, run one after another.

    tracemalloc sees Python allocations only (not libyaml's C buffers) and
    slows the code down, so these runs are never timed. The peak of a stage
    includes what earlier stages still hold (the loaded data during render).
    """
    from generator.site import render, write
    from generator.site.build import Sources, load_dataset

    sources = Sources(project / "followups.yaml", project / "ipo_areas.yaml", project)
    peaks: dict[str, float] = {}
    tracemalloc.start()
    loaded = load_dataset(sources)
    peaks["load"] = tracemalloc.get_traced_memory()[1]
    tracemalloc.reset_peak()
    pages = render.render_site(loaded.data, dt.date.today()).pages
    peaks["render"] = tracemalloc.get_traced_memory()[1]
    tracemalloc.reset_peak()
    out = project / "build" / "memory-pass"
    write.sync(pages, out)
    peaks["write"] = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"traced_peak_bytes": peaks, "pages": len(pages)}


def floor(project: Path, repeats: int = 3) -> dict[str, Any]:
    """Our load + validate against the C parser's floor, on the same file.

    The floor is ``yaml.load(text, Loader=yaml.CSafeLoader)`` of followups.yaml:
    libyaml's parse into plain Python objects, with nothing checked and no
    positions kept. Ours is ``build.load_dataset`` of the project, as ``generator
    validate`` runs it (ipo_areas.yaml, privacy scan and model included). CPU
    time, the best of ``repeats`` runs of each, after one untimed run.
    """
    import yaml

    from generator.site.build import Sources, load_dataset

    text = (project / "followups.yaml").read_text(encoding="utf-8")
    sources = Sources.in_folder(project)

    from generator.data import privacy

    def best(fn: Callable[[], object]) -> float:
        fn()
        times = []
        for _ in range(repeats):
            # As in a fresh process: the privacy scan remembers texts it has seen.
            privacy._SCANNED.clear()
            cpu = time.process_time()
            fn()
            times.append(time.process_time() - cpu)
        return min(times)

    floor_cpu = best(lambda: yaml.load(text, Loader=yaml.CSafeLoader))
    load_cpu = best(lambda: load_dataset(sources))
    return {"floor_cpu": floor_cpu, "load_cpu": load_cpu, "ratio": load_cpu / floor_cpu}


def profile(project: Path, out: Path) -> dict[str, Any]:
    """cProfile of one full ``mkdocs build``; the parent prints the summary.

    The profiler's clock is this process's CPU time: on a shared machine wall
    time counts other jobs, and waiting for the PDF's process is not work.
    """
    import cProfile
    import logging

    logging.basicConfig(level=logging.ERROR)
    os.chdir(project)
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    _mkdocs_build(project, dirty=False)
    profiler.disable()
    profiler.dump_stats(str(out))
    return {"profile": str(out)}


def phases(project: Path) -> dict[str, Any]:
    """CPU seconds of one full ``mkdocs build`` by phase, without a profiler:
    Python-Markdown (``Page.render``), each page's template, search indexing
    and writing (``_build_page``), and each plugin event (all plugins' handlers
    together; search indexes in ``page_context``). ``bench.phases`` compares
    our build with the stock build of its pages this way."""
    import logging

    import mkdocs.commands.build as mkdocs_build_module
    from mkdocs.plugins import PluginCollection
    from mkdocs.structure.pages import Page

    logging.basicConfig(level=logging.ERROR)
    os.chdir(project)
    spent: dict[str, float] = {}

    def timed(label: Callable[..., str], function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                name = label(*args)
                spent[name] = spent.get(name, 0.0) + time.process_time() - start

        return wrapper

    Page.render = timed(lambda *_: "Markdown (Page.render)", Page.render)  # type: ignore[method-assign]
    mkdocs_build_module._build_page = timed(  # type: ignore[attr-defined]
        lambda *_: "page template, search, writing (_build_page)",
        mkdocs_build_module._build_page,  # type: ignore[attr-defined]
    )
    PluginCollection.run_event = timed(  # type: ignore[method-assign]
        lambda _self, name, *_: f"event {name}", PluginCollection.run_event
    )
    start = time.process_time()
    _mkdocs_build(project, dirty=False)
    spent["the whole build (this process)"] = time.process_time() - start
    return {"phases": spent}


def main(argv: list[str]) -> int:
    command, project = argv[0], Path(argv[1]).resolve()
    if command == "build":
        result = build(project, dirty="--dirty" in argv[2:])
    elif command == "memory":
        result = memory(project)
    elif command == "floor":
        result = floor(project)
    elif command == "profile":
        result = profile(project, Path(argv[2]).resolve())
    elif command == "phases":
        result = phases(project)
    else:
        raise SystemExit(f"unknown command {command}")
    # The last line of stdout is the result; MkDocs may print before it.
    sys.stdout.write("\n" + json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
