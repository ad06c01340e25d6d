"""``python -m bench validate``: time ``python -m generator validate`` on 16 MB files of every shape.

Each shape is one way a data file can be large: many points, many keys in one
mapping, deep or long lists, long strings, many short lines, comments, many
problems of one kind. The file is written to a temporary project beside a
small valid ``ipo_areas.yaml`` and validated in a fresh process, as a user
runs it; the table gives the wall and CPU time, the file's size and the last
line of the report (the number of problems found).

    python -m bench validate                          # every shape, 16 MB
    python -m bench validate --mb 2 keys-in-point     # some shapes, smaller
    python -m bench validate --code /work/main        # another checkout's generator
    python -m bench validate --timeout 120            # give up on a shape after 120 s

No figure is asserted; compare runs before and after a change.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import synth

ROOT = Path(__file__).resolve().parent.parent

HEAD = """\
council:
  name: Politirådet i Målestad
  members: [Målestad kommune, Målestad politidistrikt]
editions:
  - id: "2026-01"
    title: Status pr januar 2026
    date: 2026-01-15
seminars:
  - id: "2025"
    title: Seminar 2025
followups:
"""

POINT = """\
  - id: "2025-{n}"
    seminar: "2025"
    number: {n}
    title: Punkt {n}
    description: Vedtaket.
    responsible: [Målestad kommune]
"""

IPO = """\
edition: "2026-01"
units:
  - id: vest
    name: Enhet vest
areas:
  - name: Sentrum
    unit: vest
    status: ny
"""


def _fill(size: int, head: str, unit: Callable[[int], str], tail: str = "") -> str:
    """``head`` + ``unit(0)`` + ``unit(1)`` + ... + ``tail``, up to about ``size`` bytes."""
    parts, total, i = [head], len(head.encode()) + len(tail.encode()), 0
    while True:
        part = unit(i)
        total += len(part.encode())
        if total > size:
            break
        parts.append(part)
        i += 1
    return "".join(parts) + tail


def many_points(size: int) -> str:
    """Points shaped like Oslo's (bench/synth.py), as many as fit."""
    sample, _ = synth.followups_yaml(200)
    per_point = len(sample.encode()) / 200
    text, _ = synth.followups_yaml(int(size / per_point))
    return text


def _ipo(name: str, size: int) -> str:
    if name == "many-points":
        return synth.ipo_yaml(size // 3000)[0]
    return IPO


# Values of a sentence's length keep these shapes under the loader's limit of
# a million values (generator/data/load.py, MAX_VALUES), so every check runs on them;
# many-short-lines, huge-flow-list and deep-block-lists go past it.
SENTENCE = "en verdi med noen ord i, som i en datafil"


def keys_under_unknown_key(size: int) -> str:
    """One unknown top-level key holding a mapping of distinct keys (issue 12: 314 s at 1.26 MB)."""
    return _fill(
        size, HEAD + POINT.format(n=1) + "ekstra:\n", lambda i: f"  k{i:08d}: {SENTENCE}\n"
    )


def keys_in_point(size: int) -> str:
    """One point with a very large number of unknown fields, each reported."""
    return _fill(size, HEAD + POINT.format(n=1), lambda i: f"    felt{i:08d}: {SENTENCE}\n")


def repeated_key(size: int) -> str:
    """The same key over and over in one mapping: every repeat is a problem."""
    return _fill(size, HEAD + POINT.format(n=1) + "ekstra:\n", lambda i: f"  k: {SENTENCE}\n")


def deep_flow_nesting(size: int) -> str:
    """``[[[[...]]]]`` as deep as the file allows, on one line."""
    depth = (size - len(HEAD)) // 2
    return HEAD + POINT.format(n=1) + "ekstra: " + "[" * depth + "]" * depth + "\n"


def deep_block_lists(size: int) -> str:
    """Many block lists nested 40 deep (``- - - - x``)."""
    return _fill(size, HEAD + POINT.format(n=1) + "ekstra:\n", lambda i: "  " + "- " * 40 + "x\n")


def long_plain_string(size: int) -> str:
    """One plain title of 16 MB on one line."""
    words = "ord " * ((size - 400) // 4)
    return HEAD + POINT.format(n=1).replace("title: Punkt 1", "title: " + words.strip())


def long_quoted_string(size: int) -> str:
    """One double-quoted description full of escapes."""
    unit = 'æ\\u00f8 «sitat» \\" '
    body = unit * ((size - 400) // len(unit.encode()))
    return HEAD + POINT.format(n=1).replace("description: Vedtaket.", f'description: "{body}"')


def long_literal_text(size: int) -> str:
    """One ``|`` description of 16 MB in lines of 80 characters."""
    line = (
        "      " + "Dette er en linje i en lang tekst som fortsetter og fortsetter videre." + "\n"
    )
    point = POINT.format(n=1).replace("description: Vedtaket.\n", "description: |\n")
    head = HEAD + point.split("    responsible")[0]
    return _fill(size, head, lambda i: line, "    responsible: [Målestad kommune]\n")


def many_short_lines(size: int) -> str:
    """A block list of responsible parties, one short line each."""
    point = POINT.format(n=1).replace("responsible: [Målestad kommune]\n", "responsible:\n")
    return _fill(size, HEAD + point, lambda i: f"      - P{i}\n")


def huge_flow_list(size: int) -> str:
    """A flow list ``[a, b, ...]`` of tags on one line."""
    point = POINT.format(n=1) + "    tags: ["
    return _fill(size, HEAD + point, lambda i: f"t{i:07d}, ", "x]\n")


def many_comments(size: int) -> str:
    """Comment lines between the fields."""
    return _fill(size, "", lambda i: "# En kommentar som ikke er data.\n", HEAD + POINT.format(n=1))


def many_unknown_references(size: int) -> str:
    """Many editions, and many statuses naming editions that do not exist."""
    editions = "".join(
        f'  - id: "r{i:06d}"\n    title: Runde {i}\n    date: 2026-01-15\n'
        for i in range(min(20_000, size // 800))
    )
    head = (
        HEAD.split("editions:\n")[0]
        + "editions:\n"
        + editions
        + HEAD.split("date: 2026-01-15\n")[1]
    )
    text = f"Status, {SENTENCE * 3}."
    status = '      - edition: "x{i:06d}"\n        state: pågår\n        text: ' + text + "\n"
    return _fill(size, head + POINT.format(n=1) + "    statuses:\n", lambda i: status.format(i=i))


def many_duplicate_numbers(size: int) -> str:
    """Points whose numbers are all taken twice, each needing the next free number."""
    point = POINT.replace("Vedtaket.", f"Vedtaket, {SENTENCE * 4}.")
    return _fill(
        size, HEAD, lambda i: point.format(n=i // 2).replace(f'"2025-{i // 2}"', f'"p{i}"')
    )


SHAPES: dict[str, Callable[[int], str]] = {
    "many-points": many_points,
    "keys-under-unknown-key": keys_under_unknown_key,
    "keys-in-point": keys_in_point,
    "repeated-key": repeated_key,
    "deep-flow-nesting": deep_flow_nesting,
    "deep-block-lists": deep_block_lists,
    "long-plain-string": long_plain_string,
    "long-quoted-string": long_quoted_string,
    "long-literal-text": long_literal_text,
    "many-short-lines": many_short_lines,
    "huge-flow-list": huge_flow_list,
    "many-comments": many_comments,
    "many-unknown-references": many_unknown_references,
    "many-duplicate-numbers": many_duplicate_numbers,
}


def measure(name: str, size: int, code: Path, timeout: float) -> dict[str, Any]:
    """Validate one shape in a fresh process; wall and CPU time, size and the report's last line."""
    text = SHAPES[name](size)
    with tempfile.TemporaryDirectory(prefix=f"bench-validate-{name}-") as folder:
        project = Path(folder)
        (project / "followups.yaml").write_text(text, encoding="utf-8")
        (project / "ipo_areas.yaml").write_text(_ipo(name, size), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(code), "PYTHONUNBUFFERED": "1"}
        with (project / "out.txt").open("wb") as out:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, "-m", "generator", "validate"],
                cwd=project,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
            timed_out = False
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                timed_out = True
                proc.wait()
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        output = (project / "out.txt").read_bytes().decode("utf-8", "replace").rstrip()
        last = output.splitlines()[-1] if output else ""
        traceback = "Traceback" in output
    return {
        "shape": name,
        "bytes": len(text.encode()),
        "lines": text.count("\n"),
        "wall": wall,
        "cpu": cpu,
        "timed_out": timed_out,
        "result": "TRACEBACK" if traceback else last[:90],
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench validate", description=__doc__)
    parser.add_argument("shapes", nargs="*", choices=[[], *SHAPES], help="shapes to run (all)")
    parser.add_argument("--mb", type=float, default=16.0, help="file size in MB (10^6 bytes)")
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose generator runs")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per shape")
    args = parser.parse_args(argv)
    size = int(args.mb * 1_000_000)
    print(f"validate, {args.mb:g} MB per shape, generator from {args.code}")
    print("| shape | size | lines | wall | CPU | report |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for name in args.shapes or SHAPES:
        r = measure(name, size, args.code, args.timeout)
        wall = f"> {args.timeout:.0f} s" if r["timed_out"] else f"{r['wall']:.1f} s"
        cpu = f"{r['cpu']:.1f} s"
        print(
            f"| {name} | {int(r['bytes']) / 1e6:.1f} MB | {r['lines']:,} | {wall} | {cpu} "
            f"| {r['result']} |",
            flush=True,
        )
    return 0
