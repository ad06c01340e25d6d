"""What a change to the data files means for a reader, as Markdown.

Used for the pull request summary in CI: points added or removed, states
changed from -> to, and which texts changed. The data at a git revision is
read with ``git show`` and checked like the working tree's, so both sides
are compared as the site would show them.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.data import schema
from generator.data.model import Area, Dataset, Edition, Followup, Status, field_value
from generator.errors import EnvironmentFailure
from generator.site import escape
from generator.site.build import Sources, load_dataset
from generator.site.render import norwegian_date


class RevisionError(EnvironmentFailure):
    """The base revision cannot be read from git."""


@dataclass(frozen=True)
class StateChange:
    point: Followup
    before: Status | None
    after: Status | None


@dataclass(frozen=True)
class TextChange:
    point: Followup
    what: tuple[str, ...]
    """Norwegian names of what changed, e.g. «tittel»."""


@dataclass(frozen=True)
class Changes:
    editions_added: tuple[Edition, ...] = ()
    editions_removed: tuple[Edition, ...] = ()
    added: tuple[Followup, ...] = ()
    removed: tuple[Followup, ...] = ()
    states: tuple[StateChange, ...] = ()
    texts: tuple[TextChange, ...] = ()
    areas_added: tuple[Area, ...] = ()
    areas_removed: tuple[Area, ...] = ()
    areas_changed: tuple[Area, ...] = ()

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in self.__dataclass_fields__)


def _state(status: Status | None) -> str | None:
    return status.state if status else None


def _text_changes(old: Followup, new: Followup) -> tuple[str, ...]:
    what = [
        spec.label
        for spec in schema.fields_of(schema.FOLLOWUP, "compared")
        if field_value(old, spec.name) != field_value(new, spec.name)
    ]
    before = {s.edition.id: s for s in old.statuses}
    after = {s.edition.id: s for s in new.statuses}
    for edition_id, status in after.items():
        if edition_id not in before:
            what.append(f"ny status for {status.edition.title}")
        elif before[edition_id].text != status.text:
            what.append(f"statustekst for {status.edition.title}")
    for edition_id, status in before.items():
        if edition_id not in after:
            what.append(f"status for {status.edition.title} fjernet")
    return tuple(what)


def _area_key(area: Area) -> tuple[str, str]:
    return (area.unit.id, area.name)


def compare(before: Dataset | None, after: Dataset) -> Changes:
    """What changed from ``before`` (None: no data yet) to ``after``."""
    old_points = {p.id: p for p in before.followups} if before else {}
    new_points = {p.id: p for p in after.followups}
    old_editions = {e.id for e in before.editions} if before else set()
    new_editions = {e.id for e in after.editions}
    states: list[StateChange] = []
    texts: list[TextChange] = []
    for point_id, new in new_points.items():
        old = old_points.get(point_id)
        if old is None:
            continue
        if _state(old.current) != _state(new.current):
            states.append(StateChange(new, old.current, new.current))
        what = _text_changes(old, new)
        if what:
            texts.append(TextChange(new, what))
    old_areas = {_area_key(a): a for a in before.areas} if before else {}
    new_areas = {_area_key(a): a for a in after.areas}
    return Changes(
        editions_added=tuple(e for e in after.editions if e.id not in old_editions),
        editions_removed=tuple(
            e for e in (before.editions if before else ()) if e.id not in new_editions
        ),
        added=tuple(p for i, p in new_points.items() if i not in old_points),
        removed=tuple(p for i, p in old_points.items() if i not in new_points),
        states=tuple(states),
        texts=tuple(texts),
        areas_added=tuple(a for k, a in new_areas.items() if k not in old_areas),
        areas_removed=tuple(a for k, a in old_areas.items() if k not in new_areas),
        areas_changed=tuple(
            a for k, a in new_areas.items() if k in old_areas and old_areas[k] != a
        ),
    )


def _point(point: Followup) -> str:
    return f"{escape.inline(point.title)} ({escape.inline(point.id)})"


def _status(status: Status | None) -> str:
    if status is None:
        return "Ingen status"
    return f"{escape.inline(status.state_label)} ({escape.inline(status.edition.title)})"


def _area(area: Area) -> str:
    return f"{escape.inline(area.name)} ({escape.inline(area.unit.name)}, {escape.inline(area.status)})"


def _section(title: str, lines: Iterable[str]) -> list[str]:
    items = list(lines)
    return [f"### {title}", "", *items, ""] if items else []


def as_markdown(changes: Changes, base: str) -> str:
    """The change as a reader would notice it, for a pull request summary."""
    out = ["## Endringer for leserne", "", f"Sammenlignet med `{base}`.", ""]
    if not changes:
        out.append("Endringen påvirker ikke oppfølgingspunktene eller IPO-områdene på nettstedet.")
    out += _section(
        "Nye rapporteringsrunder",
        (
            f"- {escape.inline(e.title)} ({escape.inline(norwegian_date(e.date))})"
            for e in changes.editions_added
        ),
    )
    out += _section(
        "Fjernede rapporteringsrunder",
        (f"- {escape.inline(e.title)}" for e in changes.editions_removed),
    )
    out += _section(
        "Nye oppfølgingspunkter", (f"- {_point(p)}: {_status(p.current)}" for p in changes.added)
    )
    out += _section("Fjernede oppfølgingspunkter", (f"- {_point(p)}" for p in changes.removed))
    if changes.states:
        out += _section(
            "Endret tilstand",
            [
                "| Oppfølgingspunkt | Fra | Til |",
                "| --- | --- | --- |",
                *(
                    f"| {_point(c.point)} | {_status(c.before)} | {_status(c.after)} |"
                    for c in changes.states
                ),
            ],
        )
    out += _section(
        "Endrede tekster",
        (f"- {_point(c.point)}: {escape.inline(', '.join(c.what))}" for c in changes.texts),
    )
    out += _section(
        "IPO-områder",
        [
            *(f"- Nytt: {_area(a)}" for a in changes.areas_added),
            *(f"- Fjernet: {_area(a)}" for a in changes.areas_removed),
            *(f"- Endret: {_area(a)}" for a in changes.areas_changed),
        ],
    )
    return "\n".join(out).rstrip("\n") + "\n"


def at_revision(root: Path, revision: str, sources: Sources) -> Dataset | None:
    """The data files as committed at ``revision``; None if they did not exist yet.

    Raises ``RevisionError`` for an unknown revision and ``DataError`` if the
    files there do not validate.
    """
    if subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
        cwd=root,
        capture_output=True,
    ).returncode:
        raise RevisionError(
            f"Fant ikke git-revisjonen «{revision}». Hent den med «git fetch» "
            "(i GitHub Actions: actions/checkout med fetch-depth: 0)."
        )
    with tempfile.TemporaryDirectory() as tmp:
        copies = []
        for path in (sources.followups, sources.ipo_areas):
            name = sources.name(path)
            shown = subprocess.run(
                ["git", "show", f"{revision}:./{name}"], cwd=root, capture_output=True
            )
            if shown.returncode != 0:
                return None
            copy = Path(tmp) / name
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(shown.stdout)
            copies.append(copy)
        return load_dataset(Sources(copies[0], copies[1], Path(tmp))).data
