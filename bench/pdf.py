"""``python -m bench pdf``: the report PDF's cost, per edition and per seminar,
with and without the ``page_references`` cache (issue 14).

For each size the synthetic project (``synth.write_project``) is loaded once
and its report HTML rendered: the edition's one document, and one document
per seminar (the same template over that seminar's points). Each measurement
is a fresh process that reads those documents and writes their PDFs, as the
build's PDF process does; its CPU time and peak RSS come from ``os.wait4``.
Variants: ``before`` is WeasyPrint as it is, ``after`` is
``generator.site.pdf.html_to_pdf`` (with the cache). Runs are interleaved so
a busy machine weighs on every variant alike; the table gives medians.

    python -m bench pdf [--sizes 1000,2000] [--runs 3] [--shapes edition,seminar]
    python -m bench pdf child VARIANT HTML...     # one measured process
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = ("before", "after")
SHAPES = ("edition", "seminar")


def child(variant: str, documents: list[Path]) -> dict[str, Any]:
    """Write each document's PDF in this process; sizes and a digest of each."""
    import hashlib

    from weasyprint import HTML

    from generator.site import pdf

    digests, sizes = [], []
    for path in documents:
        html = path.read_text(encoding="utf-8")
        if variant == "before":
            content: bytes = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
        else:
            content = pdf.html_to_pdf(html)
        sizes.append(len(content))
        digests.append(hashlib.sha256(content).hexdigest())
    return {"bytes": sum(sizes), "digest": hashlib.sha256("".join(digests).encode()).hexdigest()}


def run_child(variant: str, documents: list[Path]) -> dict[str, Any]:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench.pdf", "child", variant, *map(str, documents)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=out,
            stderr=err,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"bench.pdf child {variant} failed:\n{stdout}\n{stderr}")
    result: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    result |= {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "max_rss_bytes": usage.ru_maxrss * 1024,
    }
    return result


def documents(n: int, workdir: Path) -> dict[str, Any]:
    """Write the size's project and its report documents; what they hold."""
    from generator.site import render
    from generator.site.build import Sources, load_dataset

    from . import synth

    project = workdir / f"n{n}"
    shape = synth.write_project(project, n, ROOT)
    data = load_dataset(
        Sources(project / "followups.yaml", project / "ipo_areas.yaml", project)
    ).data
    html = workdir / f"n{n}-html"
    html.mkdir()
    edition = html / "edition.html"
    edition.write_text(render.report_document(data), encoding="utf-8")
    seminars = []
    for seminar in data.seminars:
        points = data.followups_of(seminar)
        if not any(p.current for p in points):
            continue
        part = dataclasses.replace(data, seminars=(seminar,), followups=points)
        path = html / f"seminar-{seminar.id}.html"
        path.write_text(render.report_document(part), encoding="utf-8")
        seminars.append(path)
    texts = [
        len(p.description) + sum(len(s.text) for s in p.statuses)
        for p in data.followups
        if hasattr(p, "description")
    ]
    return {
        "shape": dataclasses.asdict(shape),
        "text_per_point": statistics.mean(texts) if texts else None,
        "edition": [edition],
        "seminar": seminars,
        "html_bytes": edition.stat().st_size,
    }


def main(argv: list[str]) -> int:
    if argv[:1] == ["child"]:
        result = child(argv[1], [Path(p) for p in argv[2:]])
        sys.stdout.write("\n" + json.dumps(result) + "\n")
        return 0
    parser = argparse.ArgumentParser(prog="python -m bench pdf")
    parser.add_argument("--sizes", default="1000,2000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench" / "pdf.json")
    args = parser.parse_args(argv)
    shapes = args.shapes.split(",")
    variants = args.variants.split(",")
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            docs = documents(n, Path(tmp))
            print(
                f"N = {n}: {docs['shape']['points']} points, {docs['shape']['seminars']} seminars, "
                f"{docs['text_per_point']:.0f} characters of text per point, "
                f"report HTML {docs['html_bytes'] / 1e6:.1f} MB, "
                f"{len(docs['seminar'])} seminar documents",
                flush=True,
            )
            runs: dict[tuple[str, str], list[dict[str, Any]]] = {}
            for i in range(args.runs):
                for shape in shapes:
                    for variant in variants:
                        r = run_child(variant, docs[shape])
                        runs.setdefault((shape, variant), []).append(r)
                        print(
                            f"  run {i + 1} {shape:8} {variant:6} cpu {r['cpu']:6.1f} s  "
                            f"wall {r['wall']:6.1f} s  rss {r['max_rss_bytes'] / 2**20:5.0f} MB  "
                            f"{r['bytes'] / 1e6:.1f} MB pdf {r['digest'][:12]}",
                            flush=True,
                        )
            for (shape, variant), rs in runs.items():
                results.append(
                    {
                        "n": n,
                        "shape": shape,
                        "variant": variant,
                        "runs": len(rs),
                        "cpu": statistics.median(r["cpu"] for r in rs),
                        "wall": statistics.median(r["wall"] for r in rs),
                        "max_rss_mb": statistics.median(r["max_rss_bytes"] for r in rs) / 2**20,
                        "pdf_mb": rs[0]["bytes"] / 1e6,
                        "same_bytes_every_run": len({r["digest"] for r in rs}) == 1,
                        "data": {k: v for k, v in docs.items() if k not in SHAPES},
                    }
                )
    print("\n| N | PDFs | variant | CPU (median) | wall | peak RSS | PDF size |")
    print("| ---: | --- | --- | ---: | ---: | ---: | ---: |")
    for r in results:
        print(
            f"| {r['n']:,} | {r['shape']} | {r['variant']} | {r['cpu']:.1f} s | {r['wall']:.1f} s "
            f"| {r['max_rss_mb']:.0f} MB | {r['pdf_mb']:.1f} MB |"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
