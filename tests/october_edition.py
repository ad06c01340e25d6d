"""An edition before January for the frozen Oslo data: October 2025, with its own history.

``october_2025`` turns a copy of the January data into the data as it stood
in October 2025 (one edition, only the 2025 seminar, fewer IPO areas);
``january_after_october`` turns it into January's data with October's
statuses still there, as a year of real rounds leaves it, and a deadline on
point 2025-2. Committing the first and then the second gives a history in
which each edition was once the newest. Text edits, like ``june_edition``.
"""

from __future__ import annotations

from pathlib import Path

from tests.datafiles import replace_once

OCTOBER = '  - id: "2025-10"\n    title: Status pr oktober 2025\n    date: 2025-10-31\n'
JANUARY = '  - id: "2026-01"\n    title: Status pr januar 2026\n    date: 2026-01-30\n'
OCTOBER_TEXT = "Arbeidet med punktet er startet, og politirådet får en orientering i oktober 2025."
JANUARY_DEADLINE = "2035-06-30"
"""Point 2025-2's deadline in January: far ahead, so it is never overdue."""
SEMINAR_2026 = (
    '  - id: "2026"\n'
    "    title: Politirådets seminar 2026\n"
    "    date: 2026-01-29\n"
    "    end_date: 2026-01-30\n"
    "    page: seminar-2026.md\n"
)
JANUARY_STATUS = '      - edition: "2026-01"\n'
OCTOBER_STATUS = (
    f'      - edition: "2025-10"\n        state: pågår\n        text: |\n          {OCTOBER_TEXT}\n'
)
TAGS_2025_2 = "    tags: [ungdom, Grorudmodellen, Oslostandard, én-til-én-oppfølging]\n"


def _without_january_statuses(text: str) -> str:
    """Each point's January status (the last in the fixture) replaced by October's."""
    out: list[str] = []
    skipping = False
    for line in text.splitlines(keepends=True):
        if line == JANUARY_STATUS:
            skipping = True
            out.append(OCTOBER_STATUS)
            continue
        if skipping and (line.strip() == "" or line.startswith("        ")):
            continue
        skipping = False
        out.append(line)
    return "".join(out)


def october_2025(project: Path) -> None:
    """The January data as it stood in October 2025."""
    path = project / "followups.yaml"
    text = path.read_text(encoding="utf-8")
    text = replace_once(text, JANUARY, OCTOBER)
    text = replace_once(text, SEMINAR_2026, "")
    path.write_text(_without_january_statuses(text), encoding="utf-8")
    ipo = project / "ipo_areas.yaml"
    kept, block = [], []
    head, areas = ipo.read_text(encoding="utf-8").split("areas:\n")
    for line in areas.splitlines(keepends=True):
        if line.startswith("  - ") and block:
            kept.append("".join(block))
            block = []
        block.append(line)
    kept.append("".join(block))
    head = replace_once(head, 'edition: "2026-01"', 'edition: "2025-10"')
    old_areas = [area for area in kept if "status: ny" not in area]
    ipo.write_text(head + "areas:\n" + "".join(old_areas), encoding="utf-8")


def january_after_october(project: Path) -> None:
    """The January data with October's edition and statuses before it, and a deadline."""
    path = project / "followups.yaml"
    text = path.read_text(encoding="utf-8")
    text = replace_once(text, JANUARY, OCTOBER + JANUARY)
    text = text.replace(JANUARY_STATUS, OCTOBER_STATUS + JANUARY_STATUS)
    text = replace_once(text, TAGS_2025_2, TAGS_2025_2 + f"    deadline: {JANUARY_DEADLINE}\n")
    path.write_text(text, encoding="utf-8")
