"""Time new-round and new-followup on a synthetic followups.yaml of N points; prints figures.

    .venv/bin/python scripts/bench_edit.py 70 700 2100

Each point is one of the shipped points with a new id and number and its own
sentence added, so lines repeat as they do in real data (states, responsible
parties) without every text being the same. No assertion: the figures are
for reading, and for comparing before and after a change.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.commands.edit_followups import new_followup, new_round  # noqa: E402
from generator.site.build import Sources, load_dataset  # noqa: E402


def synthetic(points: int) -> str:
    source = (ROOT / "followups.yaml").read_text(encoding="utf-8")
    head, _, body = source.partition("followups:\n")
    blocks = ["  - id: " + b for b in body.split("  - id: ")[1:]]
    out = [head, "followups:\n"]
    for n in range(1, points + 1):
        block = blocks[(n - 1) % len(blocks)].split("\n")
        block[0] = f'  - id: "2025-{n}"'
        block[2] = f"    number: {n}"
        block[3] = f"    title: Punkt nummer {n}"
        out.append("\n".join(block).rstrip("\n") + "\n")
    return "".join(out)


def timed(label: str, action: object) -> None:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    print(f"  {label:<14} {time.perf_counter() - start:6.2f} s")


def main(sizes: list[int]) -> None:
    for points in sizes:
        folder = Path(tempfile.mkdtemp(prefix="bench-edit-"))
        try:
            (folder / "followups.yaml").write_text(synthetic(points), encoding="utf-8")
            shutil.copy(ROOT / "ipo_areas.yaml", folder / "ipo_areas.yaml")
            sources = Sources(folder / "followups.yaml", folder / "ipo_areas.yaml", folder)
            size = (folder / "followups.yaml").stat().st_size / 1024
            print(f"{points} points, {size:.0f} kB:")
            timed("validate", lambda: load_dataset(sources))  # noqa: B023
            timed("new-round", lambda: new_round(sources, "2026-06", None, dt.date(2026, 6, 15)))  # noqa: B023
            timed("new-followup", lambda: new_followup(sources, "2026", None))  # noqa: B023
        finally:
            shutil.rmtree(folder)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [70, 700, 2100])
