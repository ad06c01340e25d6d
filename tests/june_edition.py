"""A second reporting round added to a copy of the shipped data, as a secretary would.

Text edits, not a YAML dump, so the file keeps its comments and layout and
the test exercises the same file a person edits.
"""

from __future__ import annotations

from pathlib import Path

JUNE_TITLE = "Status pr juni 2026"
JUNE_TEXT = "Handlingsplanen er tatt i bruk i alle bydelene, og punktet er fullført i juni."
SPRING_POINT = "Trygghet i kollektivtrafikken"
JANUARY_TEXT = "ble godkjent i politirådet i juni 2025."


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
