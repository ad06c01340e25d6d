"""Small valid data files for tests, and a way to break them one edit at a time."""

from __future__ import annotations

from pathlib import Path

from generator.site.build import Sources

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
