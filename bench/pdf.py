"""``python -m bench pdf``: the report's PDFs typeset by Typst, one document per
edition against one per seminar (issue 14).

For each size the synthetic project (``synth.write_project``) is loaded once
and its report documents made (``generator.site.pdf.documents``): one per
seminar, as the build makes them, and for comparison one for the whole
edition (every seminar's points in one document, under the report's title).
Each measurement is a fresh run of the build's own PDF process
(``python -m generator.site.typesetting``) fed those documents; its CPU time
comes from ``os.wait4``, its peak RSS from the process itself (``VmHWM``:
Linux's ``ru_maxrss`` of a child counts the parent it was forked from too).
Runs are interleaved so a busy machine weighs on both shapes alike; the
table gives medians.

    python -m bench pdf [--sizes 1000,2000,5000] [--runs 3] [--shapes edition,seminar]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHAPES = ("edition", "seminar")


def run_process(documents: Path) -> dict[str, Any]:
    """One run of the build's PDF process over the documents in ``documents``."""
    from generator.site import pdf_process

    with documents.open("rb") as source, tempfile.TemporaryFile() as out:
        with tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, "-m", "generator.site.typesetting"],
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                stdin=source,
                stdout=out,
                stderr=err,
            )
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            err.seek(0)
            stderr = err.read().decode(errors="replace")
        out.seek(0)
        output = pdf_process.read_output(out.read())
    if os.waitstatus_to_exitcode(status) != 0 or output is None:
        raise RuntimeError(f"the PDF process failed:\n{stderr}")
    pdfs = output.pdfs
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        # Its own peak: ru_maxrss would add this process's (pdf_process.Usage).
        "max_rss_bytes": output.peak_rss_bytes or usage.ru_maxrss * 1024,
        "ru_maxrss_bytes": usage.ru_maxrss * 1024,
        "files": len(pdfs),
        "bytes": sum(len(p) for p in pdfs),
        "pages": sum(len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", p)) for p in pdfs),
        "digest": hashlib.sha256(b"".join(pdfs)).hexdigest(),
    }


def documents(n: int, workdir: Path) -> dict[str, Any]:
    """Write the size's project and its report documents; what they hold."""
    from generator.site import pdf, pdf_process, report
    from generator.site.build import Sources, load_dataset

    from . import synth

    project = workdir / f"n{n}"
    shape = synth.write_project(project, n, ROOT)
    data = load_dataset(
        Sources(project / "followups.yaml", project / "ipo_areas.yaml", project)
    ).data
    seminars = pdf.documents(data)
    # The edition as one document: every seminar's points after one another.
    merged = json.loads(seminars[0].source)
    merged["title"] = report.title(data)
    merged["points"] = [p for d in seminars for p in json.loads(d.source)["points"]]
    edition = dataclasses.replace(
        seminars[0], title=merged["title"], source=json.dumps(merged, ensure_ascii=False)
    )
    files = {}
    for name, docs in (("edition", [edition]), ("seminar", seminars)):
        files[name] = workdir / f"n{n}-{name}.json"
        files[name].write_text(
            json.dumps([pdf_process.as_json(d) for d in docs], ensure_ascii=False),
            encoding="utf-8",
        )
    texts = [
        len(p.description) + (len(p.current.text) if p.current else 0)
        for s in report.sections(data)
        for p in s.points
    ]
    return {
        "shape": dataclasses.asdict(shape),
        "points_in_report": len(texts),
        "text_per_point": statistics.mean(texts) if texts else None,
        "seminar_documents": len(seminars),
        "json_bytes": files["edition"].stat().st_size,
        **files,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench pdf")
    parser.add_argument("--sizes", default="1000,2000,5000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench" / "pdf.json")
    args = parser.parse_args(argv)
    shapes = args.shapes.split(",")
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            docs = documents(n, Path(tmp))
            print(
                f"N = {n}: {docs['points_in_report']} points in the report, "
                f"{docs['shape']['seminars']} seminars, "
                f"{docs['text_per_point']:.0f} characters per point (decision and its status), "
                f"report JSON {docs['json_bytes'] / 1e6:.1f} MB",
                flush=True,
            )
            runs: dict[str, list[dict[str, Any]]] = {}
            for i in range(args.runs):
                for shape in shapes:
                    r = run_process(docs[shape])
                    runs.setdefault(shape, []).append(r)
                    print(
                        f"  run {i + 1} {shape:8} cpu {r['cpu']:6.1f} s  "
                        f"wall {r['wall']:6.1f} s  rss {r['max_rss_bytes'] / 2**20:5.0f} MB "
                        f"(ru_maxrss {r['ru_maxrss_bytes'] / 2**20:.0f} MB)  "
                        f"{r['files']} PDFs, {r['pages']} pages, {r['bytes'] / 1e6:.1f} MB "
                        f"{r['digest'][:12]}",
                        flush=True,
                    )
            for shape, rs in runs.items():
                results.append(
                    {
                        "n": n,
                        "shape": shape,
                        "runs": len(rs),
                        "cpu": statistics.median(r["cpu"] for r in rs),
                        "wall": statistics.median(r["wall"] for r in rs),
                        "max_rss_mb": statistics.median(r["max_rss_bytes"] for r in rs) / 2**20,
                        "files": rs[0]["files"],
                        "pages": rs[0]["pages"],
                        "pdf_mb": rs[0]["bytes"] / 1e6,
                        "same_bytes_every_run": len({r["digest"] for r in rs}) == 1,
                        "data": {
                            k: v for k, v in docs.items() if k not in SHAPES and k != "json_bytes"
                        },
                    }
                )
    print("\n| N | PDFs | CPU (median) | wall | peak RSS | files | pages | size | same bytes |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for r in results:
        print(
            f"| {r['n']:,} | {r['shape']} | {r['cpu']:.1f} s | {r['wall']:.1f} s "
            f"| {r['max_rss_mb']:.0f} MB | {r['files']} | {r['pages']:,} | {r['pdf_mb']:.1f} MB "
            f"| {'yes' if r['same_bytes_every_run'] else 'no'} |"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
