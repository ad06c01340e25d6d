"""A second reporting round added to a copy of the shipped data, as a secretary would.

Text edits, not a YAML dump, so the file keeps its comments and layout and
the test exercises the same file a person edits. ``add_june_edition`` is the
small round (one new status, one new point, every other open point's January
status carried forward unchanged, as the validator asks); ``complete_june_round``
is the whole spring routine on top of it.
"""

from __future__ import annotations

from pathlib import Path

JUNE_TEXT = "Handlingsplanen er tatt i bruk i alle bydelene, og punktet er fullført i juni."
SPRING_POINT = "Trygghet i kollektivtrafikken"
JANUARY_TEXT = "ble godkjent i politirådet i juni 2025."
NEW_2026_POINT = "Oppfølging av trygghetsundersøkelsen"
"""A point from the 2026 seminar (held before January's edition), added in June."""
NEW_2026_DEADLINE = "2026-10-01"
JUNE_DEADLINE = "2026-09-01"
"""Point 2025-2's deadline from June on."""
NEW_AREA = "Stovner"


def _insert_before(text: str, marker: str, addition: str) -> str:
    assert text.count(marker) == 1, marker
    return text.replace(marker, addition + marker)


def _carry_forward(text: str, point: str) -> str:
    """The point's January status again for June, unchanged (as a round does for every open point)."""
    start = text.index(f'  - id: "{point}"\n')
    end = text.find("\n  - id: ", start + 1)
    end = len(text) if end < 0 else end + 1
    block = text[start:end]
    january = block[block.index('      - edition: "2026-01"\n') :]
    june = january.replace('edition: "2026-01"', 'edition: "2026-06"', 1)
    return text[:end] + june + text[end:]


def add_june_edition(project: Path) -> None:
    """Edition 2026-06: point 2025-3 becomes «fullført», every other point keeps its
    January status, and a point from a seminar held after January (so it must not
    show in the January edition) is added."""
    path = project / "followups.yaml"
    text = path.read_text(encoding="utf-8")
    for point in ("2025-1", "2025-2", "2025-4", "2025-5", "2025-6", "2025-7"):
        text = _carry_forward(text, point)
    text = _insert_before(
        text,
        "seminars:\n",
        '  - id: "2026-06"\n    title: Status pr juni 2026\n    date: 2026-06-30\n',
    )
    text = _insert_before(
        text,
        "followups:\n",
        '  - id: "var-2026"\n    title: Politirådets vårmøte 2026\n    date: 2026-04-20\n',
    )
    text = _insert_before(
        text,
        '  - id: "2025-4"\n',
        '      - edition: "2026-06"\n'
        "        state: fullført\n"
        "        text: |\n"
        f"          {JUNE_TEXT}\n",
    )
    text += (
        '  - id: "var-2026-1"\n'
        '    seminar: "var-2026"\n'
        "    number: 1\n"
        f"    title: {SPRING_POINT}\n"
        "    description: |\n"
        "      Kommunen og politiet kartlegger tryggheten på stasjonene.\n"
        "    responsible: [Oslo kommune]\n"
        "    statuses:\n"
        '      - edition: "2026-06"\n'
        "        state: planlagt\n"
        "        text: |\n"
        "          Kartleggingen starter til høsten.\n"
    )
    path.write_text(text, encoding="utf-8")


def _status(state: str, text: str) -> str:
    return (
        f'      - edition: "2026-06"\n        state: {state}\n        text: |\n          {text}\n'
    )


def complete_june_round(project: Path) -> None:
    """``add_june_edition`` and the rest of the spring routine: every open point
    gets a June status, a new point from the 2026 seminar (with a status and a
    deadline), point 2025-2's deadline is set to ``JUNE_DEADLINE`` (it may have
    had another), and an IPO area is added with ``ipo_areas.yaml`` moved to June."""
    add_june_edition(project)
    path = project / "followups.yaml"
    text = path.read_text(encoding="utf-8")
    following = {1: "2025-2", 2: "2025-3", 4: "2025-5", 5: "2025-6", 6: "2025-7", 7: "var-2026-1"}
    for number, next_id in following.items():
        # The small round carried the point's January status forward; the
        # whole routine writes a new one instead.
        carried = text.index(f'  - id: "2025-{number}"\n')
        carried = text.index('      - edition: "2026-06"\n', carried)
        text = text[:carried] + text[text.index(f'  - id: "{next_id}"\n', carried) :]
        text = _insert_before(
            text,
            f'  - id: "{next_id}"\n',
            _status("pågår", f"Punkt {number}: arbeidet fortsetter, se juni-rapporten."),
        )
    tags = "    tags: [ungdom, Grorudmodellen, Oslostandard, én-til-én-oppfølging]\n"
    start = text.index(tags) + len(tags)
    if text.startswith("    deadline: ", start):
        end = text.index("\n", start) + 1
        text = text[:start] + text[end:]
    text = text[:start] + f"    deadline: {JUNE_DEADLINE}\n" + text[start:]
    text += (
        '  - id: "2026-1"\n'
        '    seminar: "2026"\n'
        "    number: 1\n"
        f"    title: {NEW_2026_POINT}\n"
        "    description: |\n"
        "      Politiet legger fram trygghetsundersøkelsen for politirådet.\n"
        "    responsible: [Oslo politidistrikt]\n"
        f"    deadline: {NEW_2026_DEADLINE}\n"
        "    statuses:\n" + _status("planlagt", "Undersøkelsen legges fram i høst.")
    )
    path.write_text(text, encoding="utf-8")
    ipo = project / "ipo_areas.yaml"
    areas = ipo.read_text(encoding="utf-8")
    assert areas.count('edition: "2026-01"') == 1
    areas = areas.replace('edition: "2026-01"', 'edition: "2026-06"')
    areas += f"  - name: {NEW_AREA}\n    unit: ost\n    status: ny\n    since: 2026\n"
    ipo.write_text(areas, encoding="utf-8")
