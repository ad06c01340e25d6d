"""What changed in each edition compared with the one before it.

Pure functions over the model: the «Endringer» page and the Atom feed both
read from here, so the two always tell the same story.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.data.model import Dataset, Edition, Followup, Status


@dataclass(frozen=True)
class Change:
    """One point's status in an edition next to what it was in the one before."""

    point: Followup
    before: Status | None
    after: Status


@dataclass(frozen=True)
class EditionChanges:
    edition: Edition
    previous: Edition | None
    new_points: tuple[Change, ...]
    """Points that have a status for the first time."""
    state_changes: tuple[Change, ...]
    """Points whose state moved, e.g. from «pågår» to «fullført»."""
    text_updates: tuple[Change, ...]
    """Points that kept their state but got a new status text."""
    unchanged: tuple[Followup, ...]
    """Points whose status is as before: not reported again, or reported with the same text."""

    @property
    def updates(self) -> tuple[Change, ...]:
        """Every status written in this edition, in the order of the points."""
        changes = self.new_points + self.state_changes + self.text_updates
        return tuple(sorted(changes, key=lambda c: _position(c.point)))

    @property
    def is_empty(self) -> bool:
        return not (self.new_points or self.state_changes or self.text_updates)


def _position(point: Followup) -> tuple[str, int]:
    return (point.seminar.id, point.number)


def status_as_of(point: Followup, edition: Edition, order: dict[str, int]) -> Status | None:
    """The point's newest status written in ``edition`` or an earlier one."""
    found = None
    for status in point.statuses:
        if order[status.edition.id] <= order[edition.id]:
            found = status
    return found


def edition_changes(data: Dataset) -> tuple[EditionChanges, ...]:
    """Every edition's changes, newest edition first."""
    order = {edition.id: index for index, edition in enumerate(data.editions)}
    result = []
    for index, edition in enumerate(data.editions):
        previous = data.editions[index - 1] if index > 0 else None
        new, moved, rewritten, idle = [], [], [], []
        for point in data.followups:
            after = status_as_of(point, edition, order)
            before = status_as_of(point, previous, order) if previous else None
            if after is None:
                continue
            if after.edition != edition:
                idle.append(point)
            elif before is None:
                new.append(Change(point, None, after))
            elif before.state != after.state:
                moved.append(Change(point, before, after))
            elif before.text.strip() != after.text.strip():
                rewritten.append(Change(point, before, after))
            else:
                idle.append(point)
        result.append(
            EditionChanges(
                edition, previous, tuple(new), tuple(moved), tuple(rewritten), tuple(idle)
            )
        )
    return tuple(reversed(result))
