"""Turn the measurements into Markdown tables and a verdict on each target."""

from __future__ import annotations

import os
import platform
from typing import Any

MB = 1024 * 1024

STAGE_LABELS = {
    "load": "load + validate",
    "render": "render",
    "write": "write (fresh)",
    "ours": "our stages, total",
    "mkdocs_rest": "mkdocs, the rest",
    "full_build": "full build (mkdocs build)",
}


def machine() -> dict[str, Any]:
    import mkdocs

    try:
        load = os.getloadavg()
    except OSError:  # pragma: no cover - not on Linux
        load = (0.0, 0.0, 0.0)
    return {
        "python": platform.python_version(),
        "mkdocs": mkdocs.__version__,
        "cpus": os.cpu_count(),
        "loadavg_at_start": load,
        "platform": platform.platform(),
    }


def _s(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.2f} s" if value >= 0.1 else f"{value * 1000:.0f} ms"


def _pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "–"


def _growth_pair(sizes: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The sizes compared for linear growth: 100 (or the smallest >= 100) and the largest."""
    usable = [s for s in sizes if s["n"] >= 100]
    if len(usable) < 2:
        return None
    small = next((s for s in usable if s["n"] == 100), usable[0])
    return small, usable[-1]


def targets(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of issues 7 and 14, with the figure it rests on and whether it holds."""
    sizes = data["sizes"]
    out: list[dict[str, Any]] = []

    shares = [(s["n"], s["median"]["ours"] / s["median"]["full_build"]) for s in sizes]
    worst = max(shares, key=lambda item: item[1])
    out.append(
        {
            "target": "our stages <= 5 % of a full build at every N",
            "figure": ", ".join(f"N={n}: {100 * share:.1f} %" for n, share in shares),
            "holds": worst[1] <= 0.05,
        }
    )
    largest = sizes[-1]
    out.append(
        {
            "target": f"our stages < 1 s at N = 5,000 (measured at N = {largest['n']})",
            "figure": f"{largest['median']['ours']:.2f} s "
            f"(load {largest['median']['load']:.2f}, render {largest['median']['render']:.2f}, "
            f"write {largest['median']['write']:.2f})",
            "holds": largest["median"]["ours"] < 1.0 if largest["n"] >= 5000 else None,
        }
    )
    pair = _growth_pair(sizes)
    if pair:
        small, big = pair

        def ratio(key: str) -> float:
            per_point: float = (big["median"][key] / big["n"]) / (small["median"][key] / small["n"])
            return per_point

        stages = ("load", "render", "write", "mkdocs_rest", "full_build")
        wall = {k: ratio(k) for k in stages}
        cpu = {k: ratio(k + "_cpu") for k in stages}
        out.append(
            {
                "target": f"linear growth: time per point at N={big['n']} within 1.5x of N={small['n']}",
                "figure": "wall: "
                + ", ".join(f"{STAGE_LABELS[k]} {v:.2f}x" for k, v in wall.items())
                + "; CPU: "
                + ", ".join(f"{STAGE_LABELS[k]} {v:.2f}x" for k, v in cpu.items()),
                "holds": all(v <= 1.5 for v in wall.values()),
                "ratios": {"wall": wall, "cpu": cpu},
            }
        )
    unchanged = [(s["n"], s["incremental"]["unchanged"]["generated_written"]) for s in sizes]
    out.append(
        {
            "target": "a second build with unchanged data writes no generated file",
            "figure": ", ".join(f"N={n}: {len(w)} written" for n, w in unchanged),
            "holds": all(len(w) == 0 for _, w in unchanged),
        }
    )
    status = [(s["n"], s["incremental"]["status_text"]) for s in sizes]
    out.append(
        {
            "target": "changing one status text rewrites only the pages that show it",
            "figure": ", ".join(
                f"N={n}: {len(st['generated_written'])} written ({', '.join(st['generated_written'])}), "
                f"{len(st['pages_showing_it'])} show the text"
                for n, st in status
            ),
            "holds": all(
                st["generated_written"] == st["pages_showing_it"] and st["shows_change"]
                for _, st in status
            ),
        }
    )
    served = [s for s in sizes if "serve" in s]
    if served:
        serve = served[0]["serve"]
        out.append(
            {
                "target": f"make serve shows a YAML edit within 2 s (N = {served[0]['n']})",
                "figure": "latencies "
                + ", ".join(_s(v) for v in serve["latencies"])
                + f"; rebuilds {serve['rebuilds']} (expected {serve['expected_rebuilds']})",
                "holds": serve["median"] is not None
                and max(v or 99.0 for v in serve["latencies"]) < 2.0
                and serve["rebuilds"] == serve["expected_rebuilds"],
            }
        )
        out.append(
            {
                "target": "make serve answers an invalid save with the problem, and its fix "
                f"with the new text, within 5 s each (N = {served[0]['n']})",
                "figure": f"invalid save {_s(serve['error_shown'])}, fix {_s(serve['fix_shown'])}",
                "holds": all(
                    v is not None and v < 5.0 for v in (serve["error_shown"], serve["fix_shown"])
                ),
            }
        )
    noop = [(s["n"], s["site_unchanged"]) for s in sizes if "site_unchanged" in s]
    if noop:
        out.append(
            {
                "target": "make site with nothing changed takes < 10 % of a full make site",
                "figure": ", ".join(
                    f"N={n}: {_s(u['noop_wall'])} of {_s(u['full_wall'])} "
                    f"({100 * u['fraction']:.1f} %)"
                    for n, u in noop
                ),
                "holds": all(u["fraction"] < 0.10 and u["said_unchanged"] for _, u in noop),
            }
        )
    floors = [(s["n"], s["floor"]) for s in sizes if "floor" in s]
    if floors:
        out.append(
            {
                "target": "load + validate within 2x of the C parser's floor (CPU)",
                "figure": ", ".join(
                    f"N={n}: {f['ratio']:.2f}x ({_s(f['load_cpu'])} vs {_s(f['floor_cpu'])})"
                    for n, f in floors
                ),
                "holds": all(f["ratio"] <= 2.0 for _, f in floors),
            }
        )
    indexed = [s for s in sizes if "data_bytes" in s]
    if indexed:
        out.append(
            {
                "target": "search index < 1.5x the bytes of the data files",
                "figure": ", ".join(
                    f"N={s['n']}: {s['search_index_bytes'] / s['data_bytes']:.2f}x "
                    f"({s['search_index_bytes'] / s['n'] / 1000:.1f} kB per point)"
                    for s in indexed
                ),
                "holds": all(s["search_index_bytes"] < 1.5 * s["data_bytes"] for s in indexed),
            }
        )
    out += _baseline_targets(sizes)
    mkdocs_rss = largest["memory"].get(
        "mkdocs_max_rss_bytes", largest["memory"]["build_max_rss_bytes"]
    )
    pdf_rss = largest["pdf"].get("max_rss_bytes", 0)
    out.append(
        {
            "target": "peak memory < 500 MB at N = 5,000, the larger of MkDocs' process and "
            f"the PDF's (measured at N = {largest['n']})",
            "figure": f"{mkdocs_rss / MB:.0f} MB MkDocs' process, "
            f"{pdf_rss / MB:.0f} MB the PDF's; they run at the same time: "
            f"{(mkdocs_rss + pdf_rss) / MB:.0f} MB together at most",
            "holds": max(mkdocs_rss, pdf_rss) < 500 * MB if largest["n"] >= 5000 else None,
        }
    )
    return out


BASELINE_SIZES = 1000
"""Issue 14's baselines hold from 1,000 points; smaller sizes are shown, not judged."""


def _baseline_targets(sizes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    measured = [s for s in sizes if "baselines" in s]
    if not measured:
        return []
    judged = [s for s in measured if s["n"] >= BASELINE_SIZES]

    def verdict(kind: str, limit: float) -> bool | None:
        if not judged:
            return None
        return all(s["baselines"][kind]["ratio"] <= limit for s in judged)

    def figure(kind: str, ours: str, theirs: str) -> str:
        return ", ".join(
            f"N={s['n']}: {b['ratio']:.2f}x ({_s(b[ours])} vs {_s(b[theirs])}; "
            f"{b['ratio_without_pdf']:.2f}x without the PDF's {_s(b['pdf_cpu'])})"
            for s in measured
            for b in (s["baselines"][kind],)
        )

    return [
        {
            "target": "full build within 1.3x of a stock Material build of the same pages "
            "at 1,000 and 5,000 points, PDF included (CPU)",
            "figure": figure("stock", "ours_cpu", "stock_cpu"),
            "holds": verdict("stock", 1.3),
        },
        {
            "target": "cold make site within 2.5x of the same data as hand-made Markdown "
            "built by stock Material, PDF included (CPU)",
            "figure": figure("handmade", "site_cpu", "handmade_cpu"),
            "holds": verdict("handmade", 2.5),
        },
    ]


def baselines_table(sizes: list[dict[str, Any]]) -> list[str]:
    """Issue 14's comparisons, one row per size and build."""
    measured = [s for s in sizes if "baselines" in s]
    if not measured:
        return []
    lines = [
        "",
        "## Against stock Material and hand-made Markdown (issue 14)",
        "",
        "CPU seconds (user + system) of each build's process tree from `os.wait4`, "
        "the PDF's process included; medians of the runs, ours and the baseline "
        "run alternately. *Stock*: the pages our build generated (build/generated/ "
        "and content/) built by plain `mkdocs build` with the same theme, search and "
        "markdown_extensions, without our plugin (no open data, feed, PDF, CSP, "
        "passthrough) or mike. *Hand-made*: the same data as one plain Markdown page "
        "per point (decision, status history), one overview table and the IPO list, "
        "built by stock Material with search and a 3-entry nav. Without the PDF: "
        "ours less the CPU of the full builds' PDF process. Peak memory: RSS of the "
        "process (for ours, MkDocs' process; the PDF's is in the stage table).",
        "",
        "| N | ours | CPU | pages | baseline | CPU | pages | ratio | without the PDF "
        "| each pair | peak memory, ours / baseline |",
        "| ---: | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: |",
    ]
    for s in measured:
        st, hm = s["baselines"]["stock"], s["baselines"]["handmade"]
        mkdocs_rss = s["memory"].get("mkdocs_max_rss_bytes", s["memory"]["build_max_rss_bytes"])
        lines.append(
            f"| {s['n']} | `mkdocs build` | {_s(st['ours_cpu'])} | {s['pages']} generated | "
            f"stock build of the same pages | {_s(st['stock_cpu'])} | {st['stock_pages']} | "
            f"{st['ratio']:.2f}x | {st['ratio_without_pdf']:.2f}x | "
            f"{', '.join(f'{r:.2f}x' for r in st['pair_ratios'])} | "
            f"{mkdocs_rss / MB:.0f} MB / {st['stock_max_rss_bytes'] / MB:.0f} MB |"
        )
        lines.append(
            f"| {s['n']} | cold `generator site --force` | {_s(hm['site_cpu'])} | "
            f"{s['pages']} generated | hand-made Markdown | {_s(hm['handmade_cpu'])} | "
            f"{hm['handmade_pages']} | {hm['ratio']:.2f}x | {hm['ratio_without_pdf']:.2f}x | "
            f"{', '.join(f'{r:.2f}x' for r in hm['pair_ratios'])} | "
            f"{hm['site_max_rss_bytes'] / MB:.0f} MB (its largest process) / "
            f"{hm['handmade_max_rss_bytes'] / MB:.0f} MB |"
        )
    return lines


def _verdict(holds: bool | None) -> str:
    return {True: "holds", False: "FAILS", None: "not measured at that N"}[holds]


def markdown(data: dict[str, Any]) -> str:
    sizes = data["sizes"]
    settings = data["settings"]
    lines = [
        f"# Benchmark, {data['started']}",
        "",
        f"Medians of {settings['runs']} full builds per size, each in a fresh process "
        f"and a fresh copy of the project. Python {data['machine']['python']}, "
        f"mkdocs {data['machine']['mkdocs']}, {data['machine']['cpus']} CPUs, "
        f"load average at start {data['machine']['loadavg_at_start'][0]:.2f}; "
        f"the whole run took {data['duration_s'] / 60:.1f} min.",
        "",
        "## Stages",
        "",
        "Share is of the full build's time (wall, or CPU of the build process: "
        "steadier on a shared machine); our stages are timed inside the plugin's "
        "run of that build; ms per point is wall time. Memory: for our stages the peak of Python "
        "allocations during the stage (tracemalloc, separate untimed run; includes "
        "data earlier stages still hold); for the full build the peak RSS of the "
        "`mkdocs build` process.",
        "",
        "| N | YAML | stage | median wall | share | CPU | CPU share | ms per point | pages/s | peak memory |",
        "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in sizes:
        m = s["median"]
        yaml_mb = f"{s['shape']['followups_bytes'] / MB:.1f} MB"
        traced = s["memory"]["traced_peak_bytes"]
        for stage in ("load", "render", "write", "ours", "mkdocs_rest", "full_build"):
            pages = s["site_pages"] if stage in ("mkdocs_rest", "full_build") else s["pages"]
            per_s = (
                f"{pages / m[stage]:.0f}"
                if stage in ("render", "write", "mkdocs_rest", "full_build")
                else ""
            )
            memory = ""
            if stage in traced:
                memory = f"{traced[stage] / MB:.0f} MB traced"
            elif stage == "full_build":
                memory = (
                    f"{s['memory'].get('mkdocs_max_rss_bytes', s['memory']['build_max_rss_bytes']) / MB:.0f}"
                    " MB RSS (MkDocs' process)"
                )
            lines.append(
                f"| {s['n']} | {yaml_mb} | {STAGE_LABELS[stage]} | {_s(m[stage])} | "
                f"{_pct(m[stage], m['full_build'])} | {_s(m[stage + '_cpu'])} | "
                f"{_pct(m[stage + '_cpu'], m['full_build_cpu'])} | {1000 * m[stage] / s['n']:.2f} | "
                f"{per_s} | {memory} |"
            )
        pdf = s["pdf"]
        if pdf["present"]:
            lines.append(
                f"| {s['n']} | {yaml_mb} | PDF | {_s(pdf['wall'])} | {_pct(pdf['wall'], m['full_build'])} "
                f"| {_s(pdf['cpu'])} | {_pct(pdf['cpu'], m['full_build_cpu'])} "
                f"| {1000 * pdf['wall'] / s['n']:.2f} | | {pdf['max_rss_bytes'] / MB:.0f} MB RSS "
                f"(own process; the build waited {_s(pdf['waited'])} for it) |"
            )
        else:
            lines.append(f"| {s['n']} | {yaml_mb} | PDF | – | | | | | | {pdf['how']} |")
    lines += [
        "",
        "## What a full build produces",
        "",
        "The search index is what a reader's browser downloads to search the site.",
        "",
        "| N | generated pages | HTML pages | site/ | search index | search entries |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in sizes:
        lines.append(
            f"| {s['n']} | {s['pages']} | {s['site_pages']} | {s['site_bytes'] / MB:.1f} MB | "
            f"{s['search_index_bytes'] / MB:.1f} MB | {s['incremental']['full_search_entries']} |"
        )
    lines += [
        "",
        "## Incremental builds (`mkdocs build --dirty`)",
        "",
        "Generated: pages the generator rewrote in build/generated. Site: files "
        "MkDocs rewrote in site/ (of all its files). Search: entries in the search "
        "index after the build (a dirty build indexes only the pages it rebuilt). "
        "Our stages: load, render and write inside that build (wall).",
        "",
        "| N | change | generated | site | search entries | our stages | build (wall) | page shows it |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for s in sizes:
        inc = s["incremental"]
        for key, label in (
            ("unchanged", "none"),
            ("status_text", "one status text"),
            ("title", "one title"),
        ):
            b = inc[key]
            written = b["generated_written"]
            names = f" ({', '.join(written)})" if 0 < len(written) <= 6 else ""
            shows = "" if key == "unchanged" else ("yes" if b["shows_change"] else "NO")
            lines.append(
                f"| {s['n']} | {label} | {len(written)}{names} | "
                f"{b['site_rewritten']} of {b['site_files']} | "
                f"{b['search_entries']} of {inc['full_search_entries']} | "
                f"{_s(sum(b['stages'][stage] for stage in ('load', 'render', 'write')))} | "
                f"{_s(b['wall'])} | {shows} |"
            )
    if any("site_unchanged" in s for s in sizes):
        lines += [
            "",
            "## `make site` with nothing changed, and load + validate against libyaml",
            "",
            "make site: `python -m generator site` in a fresh copy, then again with nothing "
            "changed (it finds its stamp in build/ and stops). Floor: "
            "`yaml.load(text, Loader=yaml.CSafeLoader)` of the same followups.yaml; ours: "
            "`build.load_dataset` (both files, every check, privacy scan, model); CPU, best of 3.",
            "",
            "| N | make site, full | nothing changed | fraction | C parser | load + validate "
            "| ratio |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for s in sizes:
            u, f = s.get("site_unchanged"), s.get("floor")
            if u is None or f is None:
                continue
            lines.append(
                f"| {s['n']} | {_s(u['full_wall'])} | {_s(u['noop_wall'])} | "
                f"{100 * u['fraction']:.1f} % | {_s(f['floor_cpu'])} | {_s(f['load_cpu'])} | "
                f"{f['ratio']:.2f}x |"
            )
    lines += baselines_table(sizes)
    served = [s for s in sizes if "serve" in s]
    if served:
        sv = served[0]["serve"]
        lines += [
            "",
            f"## Preview (`{' '.join(sv['command'])}`) at N = {served[0]['n']}",
            "",
            f"- first build until the page was served: {_s(sv['first_build'])}",
            f"- from saving followups.yaml to the page showing the edit: "
            f"{', '.join(_s(v) for v in sv['latencies'])} (median {_s(sv['median'])})",
            f"- an invalid save until the page lists the problem: {_s(sv['error_shown'])}; "
            f"its fix until the page shows the new text: {_s(sv['fix_shown'])}",
            f"- rebuilds seen in the log: {sv['rebuilds']} "
            f"(initial build + one per edit + the invalid save and its fix = "
            f"{sv['expected_rebuilds']})",
        ]
    lines += ["", "## Targets", "", "| target | measured | verdict |", "| --- | --- | --- |"]
    for t in data["targets"]:
        lines.append(f"| {t['target']} | {t['figure']} | {_verdict(t['holds'])} |")
    return "\n".join(lines) + "\n"
