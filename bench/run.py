"""Measure every stage of a build at growing sizes; print and save the figures.

For each size N a temporary copy of the project gets synthetic data
(``synth``). Then:

- RUNS full builds, each ``mkdocs build`` in a fresh child process and a
  fresh copy of the project (a fresh clone's first build). Our stages are
  timed inside the plugin's run (``child.build``); "mkdocs, the rest" is the
  in-process build time minus ours; "full build" is the child's wall time,
  start-up included, and its peak RSS (``os.wait4``) is the build's peak memory.
- one child under tracemalloc for the peak Python memory of each of our stages;
- incremental builds (``mkdocs build --dirty``): data unchanged, one status
  text changed, one title changed; each reports what the generator rewrote
  and what MkDocs rewrote in ``site/``;
- load + validate against the C parser alone on the same file (``child.floor``);
- ``python -m generator site`` built once, then run again with nothing changed;
- unless BENCH_BASELINES=0, issue 14's baselines (``baselines``): a stock
  ``mkdocs build`` of the pages each full build generated, run right after it,
  and cold ``python -m generator site --force`` runs paired with builds of the
  same data as hand-made Markdown pages (``handmade``);
- at N = BENCH_SERVE_SIZE: the preview (``python -m generator serve``, MkDocs'
  ``serve --dirty``) on 127.0.0.1, the time
  from saving a YAML edit to the served page showing it.

Medians over the runs, measured in one go on one machine: compare the ratios,
not the absolute seconds, across machines.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.site.addresses import BOKMAL, link

from . import handmade, report, stock, synth
from .child import OURS

ROOT = Path(__file__).resolve().parent.parent
SERVE_COMMAND = ("-m", "generator", "serve")
"""What ``make serve`` runs after the venv's python; keep the two alike."""
ERROR_BANNER = "Feil i datafilene"
"""What the preview's banner says when a saved file has errors (generator/site/live_preview.py)."""


@dataclass(frozen=True)
class Settings:
    sizes: tuple[int, ...]
    runs: int
    serve_size: int
    serve_edits: int
    baselines: bool
    """Whether to measure the stock and hand-made builds (issue 14)."""
    out: Path
    project: Path
    """The project whose config and pages surround the synthetic data."""

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        sizes = tuple(int(s) for s in env.get("BENCH_SIZES", "10,100,1000,5000").split(",") if s)
        return cls(
            sizes=sizes,
            runs=int(env.get("BENCH_RUNS", "3")),
            serve_size=int(env.get("BENCH_SERVE_SIZE", "1000")),
            serve_edits=int(env.get("BENCH_SERVE_EDITS", "3")),
            baselines=env.get("BENCH_BASELINES", "1") != "0",
            out=Path(env.get("BENCH_OUT", str(ROOT / "build" / "bench"))),
            project=Path(env.get("BENCH_PROJECT", str(ROOT))),
        )


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONUNBUFFERED": "1",
    }


def run_child(*args: str) -> dict[str, Any]:
    """Run ``python -m bench.child ARGS``; its result plus wall time and rusage."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench.child", *args],
            cwd=ROOT,
            env=_env(),
            stdout=out,
            stderr=err,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode != 0:
        raise RuntimeError(f"bench.child {' '.join(args)} failed:\n{stdout}\n{stderr}")
    result: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    result["wall"] = wall
    result["cpu"] = usage.ru_utime + usage.ru_stime
    result["max_rss_bytes"] = usage.ru_maxrss * 1024  # Linux reports KiB
    return result


def run_process(args: list[str], cwd: Path) -> dict[str, Any]:
    """Run a command to its end in a fresh process: wall and CPU time and peak
    RSS of its process tree, from ``os.wait4`` (children it waited for included)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=_env(), stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            out.seek(0)
            said = out.read().decode("utf-8", "replace")
            raise RuntimeError(f"{' '.join(args)} failed in {cwd}:\n{said}")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "max_rss_bytes": usage.ru_maxrss * 1024,  # Linux reports KiB
    }


MKDOCS_BUILD = ("-m", "mkdocs", "build", "-q")
"""The stock and hand-made builds: plain ``mkdocs build``, as a person runs it."""
SITE_COLD = ("-m", "generator", "site", "--force")
"""A cold ``make site``: in a fresh copy there is no build/ and no PDF cache."""


def stock_build(built: Path, dest: Path) -> dict[str, Any]:
    """The pages ``built`` generated, built by stock Material in a fresh process."""
    stock.write_project(built, dest)
    result = run_process([sys.executable, *MKDOCS_BUILD], dest)
    result["pages"] = stock.pages(dest)
    return result


def site_against_handmade(
    template: Path, runs: int, workdir: Path
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """Cold ``make site`` runs and hand-made builds of the same data, alternately,
    each in a fresh copy: (make site, hand-made, hand-made pages)."""
    pages = handmade.write_project(template, workdir / "handmade-template")
    ours, theirs = [], []
    for run in range(runs):
        project = _fresh_copy(template, workdir / f"site-cold{run}")
        ours.append(run_process([sys.executable, *SITE_COLD], project))
        made = _fresh_copy(workdir / "handmade-template", workdir / f"handmade{run}")
        theirs.append(run_process([sys.executable, *MKDOCS_BUILD], made))
    return ours, theirs, pages


def _fresh_copy(template: Path, dest: Path) -> Path:
    """A new copy of the project without build/ or site/, as on a fresh clone.

    Every measured build gets its own folder and nothing is deleted until the
    whole benchmark is over: on this machine's disk, creating files right
    after deleting thousands took up to 10x longer than on a fresh clone,
    which measured the disk's trimming rather than our code.
    """
    shutil.copytree(template, dest)
    return dest


def _snapshot(site: Path) -> dict[str, tuple[int, int]]:
    out = {}
    for folder, _, names in os.walk(site):
        for name in names:
            path = os.path.join(folder, name)
            st = os.stat(path)
            out[os.path.relpath(path, site)] = (st.st_mtime_ns, st.st_size)
    return out


def _search_entries(site: Path) -> int | None:
    index = site / "search" / "search_index.json"
    if not index.exists():
        return None
    return len(json.loads(index.read_text(encoding="utf-8"))["docs"])


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _dirty_build(project: Path, shape: synth.Shape) -> dict[str, Any]:
    """One ``mkdocs build --dirty`` and what it rewrote, generator and site."""
    site = project / "site"
    before = _snapshot(site)
    result = run_child("build", str(project), "--dirty")
    after = _snapshot(site)
    changed = sorted(k for k in after if before.get(k) != after[k])
    page = site / link(BOKMAL.point(shape.marker_point)) / "index.html"
    return {
        "wall": result["wall"],
        "build_in_process": result["build_in_process"],
        "stages": result["stages"],
        "generated_written": result["written"],
        "site_rewritten": len(changed),
        "site_rewritten_sample": changed[:12],
        "site_files": len(after),
        "search_entries": _search_entries(site),
        "point_page_html": page.read_text(encoding="utf-8") if page.exists() else "",
    }


def incremental(project: Path, shape: synth.Shape) -> dict[str, Any]:
    """Rebuilds after no change, a status text change and a title change."""
    followups = project / "followups.yaml"
    full_entries = _search_entries(project / "site")
    unchanged = _dirty_build(project, shape)
    _replace(followups, synth.MARKER, "Status-ENDRINGSMERKE-1")
    status = _dirty_build(project, shape)
    status["pages_showing_it"] = _pages_containing(project, "Status-ENDRINGSMERKE-1")
    _replace(followups, synth.TITLE_MARKER, "Tittel-ENDRINGSMERKE-1")
    title = _dirty_build(project, shape)
    # Put the data back so later steps (serve) start from the same file.
    _replace(followups, "Status-ENDRINGSMERKE-1", synth.MARKER)
    _replace(followups, "Tittel-ENDRINGSMERKE-1", synth.TITLE_MARKER)
    status["shows_change"] = "Status-ENDRINGSMERKE-1" in status.pop("point_page_html")
    title["shows_change"] = "Tittel-ENDRINGSMERKE-1" in title.pop("point_page_html")
    unchanged.pop("point_page_html")
    return {
        "full_search_entries": full_entries,
        "unchanged": unchanged,
        "status_text": status,
        "title": title,
    }


def _pages_containing(project: Path, text: str) -> list[str]:
    """The generated pages whose Markdown holds ``text``."""
    generated = project / "build" / "generated"
    return sorted(
        page.relative_to(generated).as_posix()
        for page in generated.rglob("*.md")
        if text in page.read_text(encoding="utf-8")
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, needle: str, timeout: float, interval: float = 0.02) -> float | None:
    """Poll ``url`` until its body contains ``needle``; the time that took."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        body = _get(url)
        if body is not None and needle in body:
            return time.monotonic() - start
        time.sleep(interval)
    return None


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def serve_latency(project: Path, shape: synth.Shape, edits: int, log_path: Path) -> dict[str, Any]:
    """Save a YAML edit and time until the preview (``make serve``) serves it.

    The page is polled over HTTP every 20 ms; MkDocs' server holds requests
    while it rebuilds, so the first response with the new text marks the end.
    """
    port = _free_port()
    followups = project / "followups.yaml"
    url = f"http://127.0.0.1:{port}/{link(BOKMAL.point(shape.marker_point))}"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, *SERVE_COMMAND, "--addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=_env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            # A job started in the background inherits SIGINT ignored, and
            # then MkDocs never sees the Ctrl-C that makes it delete its
            # temporary site: give the server the default handler back.
            preexec_fn=_default_sigint,
        )
        try:
            first = _wait_for(url, synth.MARKER, timeout=600, interval=0.1)
            if first is None:
                raise RuntimeError(f"the preview never served {url}; see {log_path}")
            latencies = []
            current = synth.MARKER
            for edit in range(1, edits + 1):
                time.sleep(1.0)  # let the previous rebuild finish its other files
                new = f"Status-SERVEMERKE-{edit}"
                _replace(followups, current, new)
                saved = time.monotonic()
                seen = _wait_for(url, new, timeout=120)
                latencies.append(None if seen is None else time.monotonic() - saved)
                current = new
            # An invalid save (an unclosed bracket), then its fix with a new text:
            # the preview answers both, and neither holds a request.
            time.sleep(1.0)
            valid = followups.read_text(encoding="utf-8")
            followups.write_text(valid + "\nfeil: [\n", encoding="utf-8")
            saved = time.monotonic()
            seen = _wait_for(url, ERROR_BANNER, timeout=120)
            error_shown = None if seen is None else time.monotonic() - saved
            time.sleep(1.0)
            fixed = "Status-SERVEMERKE-rettet"
            followups.write_text(valid.replace(current, fixed), encoding="utf-8")
            saved = time.monotonic()
            seen = _wait_for(url, fixed, timeout=120)
            fix_shown = None if seen is None else time.monotonic() - saved
            current = fixed
            time.sleep(3.0)  # a watcher that loops would rebuild again meanwhile
        finally:
            proc.send_signal(signal.SIGINT)  # lets MkDocs remove its temp site
            try:
                proc.wait(timeout=60)
                stopped = "Ctrl-C"
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                stopped = "killed after 60 s: its temporary site may be left in the temp folder"
        _replace(followups, current, synth.MARKER)
    log_text = log_path.read_text(encoding="utf-8", errors="replace")
    done = [s for s in latencies if s is not None]
    return {
        "command": ["python", *SERVE_COMMAND],
        "first_build": first,
        "latencies": latencies,
        "median": statistics.median(done) if done else None,
        "rebuilds": log_text.count("Building documentation..."),
        "expected_rebuilds": 1 + edits + 2,
        "error_shown": error_shown,
        "fix_shown": fix_shown,
        "log": str(log_path),
        "stopped": stopped,
    }


def site_unchanged(project: Path) -> dict[str, Any]:
    """``python -m generator site`` (``make site``) twice: a full build, then
    again with nothing changed, which should find its stamp and stop."""

    def site() -> tuple[float, float, str]:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "site"],
            cwd=project,
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        out = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
        _, status, usage = os.wait4(proc.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"generator site failed in {project}:\n{out}")
        return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, out

    full_wall, full_cpu, _ = site()
    noop_wall, noop_cpu, said = site()
    return {
        "full_wall": full_wall,
        "full_cpu": full_cpu,
        "noop_wall": noop_wall,
        "noop_cpu": noop_cpu,
        "fraction": noop_wall / full_wall,
        "said_unchanged": "Ingenting er endret" in said,
    }


def pdf_stage(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The report PDF's own process (started when the data is loaded, collected
    in on_post_build): its wall and CPU time and peak RSS, and how long the
    build waited for it after MkDocs' pages."""
    made = [r["stages"] for r in runs if "pdf_process_cpu" in r["stages"]]
    if not made:
        return {"present": False, "how": "no PDF was made in the build"}
    return {
        "present": True,
        "how": "Typst in its own process, beside MkDocs",
        "wall": statistics.median(s["pdf_process_wall"] for s in made),
        "cpu": statistics.median(s["pdf_process_cpu"] for s in made),
        "max_rss_bytes": max(_pdf_own_rss(s) for s in made),
        "wait4_max_rss_bytes": max(s["pdf_process_rss"] for s in made),
        "parent_rss_at_start": max(s.get("pdf_parent_rss_at_start", 0) for s in made),
        "waited": statistics.median(s.get("pdf", 0.0) for s in made),
    }


def _pdf_own_rss(stages: dict[str, Any]) -> int:
    """The PDF process's own peak: wait4's figure where it is above what it
    inherits from MkDocs' process (bench/child.py, ``_watch_pdf_memory``),
    else the peak sampled from /proc."""
    rss: int = stages["pdf_process_rss"]
    parent = stages.get("pdf_parent_rss_at_start")
    sampled = stages.get("pdf_process_sampled_rss")
    if parent is None or sampled is None or rss > parent + 16 * 1024 * 1024:
        return rss
    return int(sampled)


def baselines(
    runs: list[dict[str, Any]],
    stock_runs: list[dict[str, Any]],
    site_runs: list[dict[str, Any]],
    handmade_runs: list[dict[str, Any]],
    handmade_pages: int,
) -> dict[str, Any]:
    """Issue 14's comparisons: CPU of the process trees, medians, and each pair."""

    def med(values: list[float]) -> float:
        return statistics.median(values)

    def ratios(ours: list[float], theirs: list[float]) -> dict[str, Any]:
        return {
            "pdf_cpu": med(pdf),
            "ratio": med(ours) / med(theirs),
            "ratio_without_pdf": (med(ours) - med(pdf)) / med(theirs),
            "pair_ratios": [o / t for o, t in zip(ours, theirs, strict=True)],
        }

    # The PDF of a make site is the one the full builds made (same data): its
    # process's CPU there stands for it in both comparisons.
    pdf = [r["stages"].get("pdf_process_cpu", 0.0) for r in runs]
    ours, theirs = [r["cpu"] for r in runs], [r["cpu"] for r in stock_runs]
    site, made = [r["cpu"] for r in site_runs], [r["cpu"] for r in handmade_runs]
    return {
        "stock": {
            "ours_cpu": med(ours),
            "stock_cpu": med(theirs),
            **ratios(ours, theirs),
            "stock_wall": med([r["wall"] for r in stock_runs]),
            "stock_max_rss_bytes": max(r["max_rss_bytes"] for r in stock_runs),
            "stock_pages": stock_runs[0]["pages"],
            "runs": stock_runs,
        },
        "handmade": {
            "site_cpu": med(site),
            "handmade_cpu": med(made),
            **ratios(site, made),
            "site_wall": med([r["wall"] for r in site_runs]),
            "handmade_wall": med([r["wall"] for r in handmade_runs]),
            "site_max_rss_bytes": max(r["max_rss_bytes"] for r in site_runs),
            "handmade_max_rss_bytes": max(r["max_rss_bytes"] for r in handmade_runs),
            "handmade_pages": handmade_pages,
            "site_runs": site_runs,
            "handmade_runs": handmade_runs,
        },
    }


def measure_size(n: int, settings: Settings, workdir: Path) -> dict[str, Any]:
    template = workdir / f"n{n}" / "template"
    shape = synth.write_project(template, n, settings.project)
    runs, stock_runs = [], []
    for run in range(settings.runs):
        project = _fresh_copy(template, workdir / f"n{n}" / f"run{run}")
        runs.append(run_child("build", str(project)))
        if settings.baselines:
            # Right after ours, so each pair runs in the same minutes.
            stock_runs.append(stock_build(project, workdir / f"n{n}" / f"stock{run}"))
    mem = run_child("memory", str(_fresh_copy(template, workdir / f"n{n}" / "memory")))
    result: dict[str, Any] = {
        "n": n,
        "shape": shape.__dict__,
        "pages": len(runs[-1]["written"]),
        "site_pages": sum(1 for _ in (project / "site").rglob("index.html")),
        "site_bytes": sum(f.stat().st_size for f in (project / "site").rglob("*") if f.is_file()),
        "search_index_bytes": (project / "site" / "search" / "search_index.json").stat().st_size,
        "data_bytes": sum(
            (template / name).stat().st_size for name in ("followups.yaml", "ipo_areas.yaml")
        ),
        "runs": [{k: v for k, v in r.items() if k != "written"} for r in runs],
        "median": _medians(runs),
        "memory": {
            "traced_peak_bytes": mem["traced_peak_bytes"],
            "build_max_rss_bytes": max(r["max_rss_bytes"] for r in runs),
            "mkdocs_max_rss_bytes": max(
                r.get("self_max_rss_bytes", r["max_rss_bytes"]) for r in runs
            ),
        },
        "incremental": incremental(project, shape),
        "pdf": pdf_stage(runs),
        "floor": run_child("floor", str(template)),
        "site_unchanged": site_unchanged(_fresh_copy(template, workdir / f"n{n}" / "site")),
    }
    if settings.baselines:
        site_runs, handmade_runs, handmade_pages = site_against_handmade(
            template, settings.runs, workdir / f"n{n}"
        )
        result["baselines"] = baselines(runs, stock_runs, site_runs, handmade_runs, handmade_pages)
    if n == settings.serve_size:
        result["serve"] = serve_latency(
            _fresh_copy(template, workdir / f"n{n}" / "serve"),
            shape,
            settings.serve_edits,
            settings.out / f"serve-{n}.log",
        )
    return result


def _medians(runs: list[dict[str, Any]]) -> dict[str, float]:
    def med(values: list[float]) -> float:
        return statistics.median(values)

    out: dict[str, float] = {}
    for suffix, build_key, full_key in (
        ("", "build_in_process", "wall"),
        ("_cpu", "build_in_process_cpu", "cpu"),
    ):
        for stage in OURS:
            out[stage + suffix] = med([r["stages"][stage + suffix] for r in runs])
        ours = [sum(r["stages"][s + suffix] for s in OURS) for r in runs]
        pdfs = [r["stages"].get("pdf" + suffix, 0.0) for r in runs]
        out["ours" + suffix] = med(ours)
        out["pdf" + suffix] = med(pdfs)
        out["mkdocs_rest" + suffix] = med(
            [r[build_key] - o - p for r, o, p in zip(runs, ours, pdfs, strict=True)]
        )
        out["full_build" + suffix] = med([r[full_key] for r in runs])
    return out


def main() -> int:
    settings = Settings.from_env()
    settings.out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    results = []
    with tempfile.TemporaryDirectory(prefix="council-bench-") as tmp:
        for n in settings.sizes:
            print(
                f"N = {n}: {settings.runs} full builds, incremental builds"
                f"{', stock and hand-made builds' if settings.baselines else ''}"
                f"{', serve' if n == settings.serve_size else ''}...",
                file=sys.stderr,
                flush=True,
            )
            results.append(measure_size(n, settings, Path(tmp)))
    data = {
        "settings": {
            **settings.__dict__,
            "out": str(settings.out),
            "project": str(settings.project),
        },
        "machine": report.machine(),
        "started": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(started)),
        "duration_s": time.time() - started,
        "sizes": results,
    }
    data["targets"] = report.targets(data)
    text = report.markdown(data)
    (settings.out / "results.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    (settings.out / "results.md").write_text(text, encoding="utf-8")
    print(text)
    print(f"Figures written to {settings.out / 'results.json'} and results.md.")
    return 0
