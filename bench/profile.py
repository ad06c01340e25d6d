"""``python -m bench profile [N]``: where one full ``mkdocs build`` spends its time.

Builds a synthetic project of N points (default 1,000), profiles one
``mkdocs build`` in a child process with cProfile (the standard library's, so
no extra dependency), saves the raw profile next to the benchmark's results
and prints the functions with the most time of their own and the largest
cumulative time per package, so it is clear whether MkDocs, Markdown, the
theme, the search plugin or our plugin dominates.
"""

from __future__ import annotations

import io
import pstats
import tempfile
from collections import defaultdict
from pathlib import Path

from . import stock, synth
from .run import ROOT, Settings, run_child

TOP = 25


def _package(filename: str) -> str:
    """The top-level package a function belongs to, from its file name."""
    if "site-packages/" in filename:
        return filename.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    if "/generator/" in filename:
        return "generator (ours)"
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins"
    return "python stdlib"


def own_by_package(path: Path) -> dict[str, float]:
    """Seconds of own time per top-level package in a saved profile."""
    stats = pstats.Stats(str(path))
    own: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        own[_package(filename)] += tottime
    return own


def side_by_side(ours: Path, theirs: Path) -> str:
    """Own time per package in our build and in the stock build, largest difference first."""
    a, b = own_by_package(ours), own_by_package(theirs)
    names = sorted(set(a) | set(b), key=lambda name: -(a.get(name, 0.0) - b.get(name, 0.0)))
    lines = [
        "Own time by package, ours and the stock build of the same pages (cProfile):",
        "",
        f"  {'ours':>8}  {'stock':>8}  {'difference':>10}  package",
    ]
    for name in names[:15]:
        x, y = a.get(name, 0.0), b.get(name, 0.0)
        lines.append(f"  {x:7.2f}s  {y:7.2f}s  {x - y:9.2f}s  {name}")
    total_a, total_b = sum(a.values()), sum(b.values())
    lines.append(f"  {total_a:7.2f}s  {total_b:7.2f}s  {total_a - total_b:9.2f}s  in all")
    return "\n".join(lines)


def summary(path: Path) -> str:
    own = own_by_package(path)
    total = sum(own.values())
    lines = ["Own time by package (cProfile overhead included):", ""]
    for name, seconds in sorted(own.items(), key=lambda item: -item[1])[:15]:
        lines.append(f"  {seconds:7.2f} s  {100 * seconds / total:5.1f} %  {name}")
    for order in ("tottime", "cumulative"):
        buffer = io.StringIO()
        pstats.Stats(str(path), stream=buffer).strip_dirs().sort_stats(order).print_stats(TOP)
        body = buffer.getvalue()
        lines += ["", f"Top {TOP} by {order}:", body[body.find("   ncalls") :]]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    numbers = [arg for arg in argv if not arg.startswith("--")]
    n = int(numbers[0]) if numbers else 1000
    out = Settings.from_env().out
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"profile-{n}.prof"
    against = out / f"profile-{n}-stock.prof"
    with tempfile.TemporaryDirectory(prefix="council-profile-") as tmp:
        project = Path(tmp) / f"n{n}"
        synth.write_project(project, n, ROOT)
        result = run_child("profile", str(project), str(target))
        if "--stock" in argv:
            stock.write_project(project, Path(tmp) / "stock")
            run_child("profile", str(Path(tmp) / "stock"), str(against))
    text = summary(target)
    if "--stock" in argv:
        text = side_by_side(target, against) + "\n\n" + text
    (out / f"profile-{n}.txt").write_text(text, encoding="utf-8")
    print(f"One mkdocs build of {n} points under cProfile: {result['wall']:.1f} s wall.")
    print(text)
    print(f"Raw profile: {target} (open with python -m pstats or snakeviz).")
    return 0
