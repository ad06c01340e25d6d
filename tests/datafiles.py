"""Small valid data files for tests, a way to break them one edit at a time, and
a June round started on a project copy with its placeholders filled in."""

from __future__ import annotations

import subprocess
from collections.abc import Collection
from pathlib import Path

from generator.site.build import Sources
from tests.conftest import run_generator

PLACEHOLDER_LINE = (
    "FYLL INN: skriv status for «Status pr juni 2026» her, i stedet for denne linjen, "
    "og sjekk at tilstanden over fortsatt stemmer."
)
"""The text ``new-round 2026-06`` writes in each new status (its default title)."""

FOLLOWUPS = """\
council:
  name: Testrådet
  members: [Kommunen, Politiet]
editions:
  - id: "2026-01"
    title: Status pr januar 2026
    date: 2026-01-30
seminars:
  - id: "2025"
    title: Seminar 2025
followups:
  - id: "2025-1"
    seminar: "2025"
    number: 1
    title: Første punkt
    description: |
      Vedtaket.
    responsible: [Kommunen]
    statuses:
      - edition: "2026-01"
        state: pågår
        text: |
          Statusen.
  - id: "2025-2"
    seminar: "2025"
    number: 2
    title: Andre punkt
    description: Vedtak to.
    responsible: [Politiet]
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
    since: 2026
"""


def write_files(folder: Path, followups: str = FOLLOWUPS, ipo: str = IPO) -> Sources:
    (folder / "followups.yaml").write_text(followups, encoding="utf-8")
    (folder / "ipo_areas.yaml").write_text(ipo, encoding="utf-8")
    return Sources.in_folder(folder)


def replace_once(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced by ``new``; fails loudly if ``old`` is absent."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def edit_file(path: Path, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in the file at ``path``; fails loudly if ``old`` is not there once."""
    path.write_text(replace_once(path.read_text(encoding="utf-8"), old, new), encoding="utf-8")


def start_round(project: Path) -> subprocess.CompletedProcess[str]:
    """Run ``new-round 2026-06 --date 2026-06-15`` in ``project``, which must succeed:
    each open point gets a status with ``PLACEHOLDER_LINE`` as its text."""
    result = run_generator("new-round", "2026-06", "--date", "2026-06-15", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def fill_placeholders(
    project: Path, text: str = "Arbeidet fortsetter.", *, keep: Collection[str] = ()
) -> int:
    """Write ``text`` in place of every ``PLACEHOLDER_LINE`` in the project's
    followups.yaml, except in the points whose ids are in ``keep`` (a half-filled
    round). ``{n}`` in ``text`` becomes the placeholder's number in the file,
    from 0, so each status can get its own text. Every other byte stays; fails
    if there is nothing to fill or a kept point has no placeholder. Returns how
    many were filled."""
    path = project / "followups.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    point = None
    kept: set[str] = set()
    filled = 0
    for index, line in enumerate(lines):
        if line.startswith("  - id: "):
            point = line.removeprefix("  - id: ").strip("\"'")
        if line.strip() != PLACEHOLDER_LINE:
            continue
        if point in keep:
            kept.add(point)
            continue
        indent = line[: len(line) - len(line.lstrip())]
        lines[index] = indent + text.replace("{n}", str(filled))
        filled += 1
    assert filled, f"no placeholder to fill in {path}"
    assert kept == set(keep), f"no placeholder in points {sorted(set(keep) - kept)}"
    path.write_text("\n".join(lines), encoding="utf-8")
    return filled
