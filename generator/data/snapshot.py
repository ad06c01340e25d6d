"""The data as it stood at one reporting round, so an old edition can be rebuilt.

Each edition becomes its own version of the site. Rebuilding edition E from
today's files must give the pages readers saw when E was the newest, except
for corrections made since to E's own texts. What E looked like
(``history.EditionState``, read from git by ``history``) decides its shape;
today's data gives the words. The rules:

- Editions after E are dropped; E becomes the latest edition.
- The points are those that existed at E, each with the deadline it had
  then; their titles, decision texts and other fields are today's. A point
  deleted since is gone from E too: there is nothing left to show of it.
- A point keeps only its statuses from E and earlier, with today's texts.
- The seminars are those that existed at E, with today's names and dates.
- The IPO areas: if today's ``ipo_areas.yaml`` is tagged with E or an earlier
  edition, no newer list has replaced it, so today's file is E's (with any
  corrections). Otherwise the file as it stood at E is used.

Without history (``estimate``) the shape is guessed from dates, and a build
says so: a point is shown if it has a status in E or earlier, or if its
seminar ended (``end_date``, else ``date``) on or before E's date, or if it
has no status and an undated seminar; a seminar without points is shown
unless it is dated after E; deadlines are today's; IPO areas are shown only
when today's file is tagged with E or earlier.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from generator.data.history import EditionState
from generator.data.model import Dataset, Edition, Followup, Seminar
from generator.errors import DataFailure


class UnknownEdition(DataFailure):
    """The requested edition is not in the data file."""

    def __init__(self, edition_id: str, known: tuple[Edition, ...]) -> None:
        names = ", ".join(f"«{e.id}»" for e in known)
        super().__init__(
            f"Rapporteringsrunden «{edition_id}» finnes ikke i editions. Velg en av disse: {names}."
        )
        self.edition_id = edition_id


def find_edition(data: Dataset, edition_id: str) -> Edition:
    """The edition with this id, or UnknownEdition naming the ones there are."""
    for edition in data.editions:
        if edition.id == edition_id:
            return edition
    raise UnknownEdition(edition_id, data.editions)


def as_of(data: Dataset, state: EditionState) -> Dataset:
    """The dataset as it stood at ``state.edition``; the latest edition gives ``data`` back."""
    edition = find_edition(data, state.edition)
    if edition == data.latest_edition:
        return data
    editions = data.editions[: data.editions.index(edition) + 1]
    known = {e.id for e in editions}
    points = tuple(
        dataclasses.replace(
            point,
            deadline=state.deadlines.get(point.id),
            statuses=tuple(s for s in point.statuses if s.edition.id in known),
        )
        for point in data.followups
        if point.id in state.points
    )
    seminars = tuple(s for s in data.seminars if s.id in state.seminars)
    units, areas, ipo_edition = data.units, data.areas, data.ipo_edition
    if data.ipo_edition.id not in known:
        if state.ipo is not None and state.ipo.edition in known:
            ipo_edition = find_edition(data, state.ipo.edition)
            units, areas = state.ipo.units, state.ipo.areas
        else:
            ipo_edition, areas = edition, ()
    return dataclasses.replace(
        data,
        editions=editions,
        seminars=seminars,
        followups=points,
        units=units,
        areas=areas,
        ipo_edition=ipo_edition,
    )


def _seminar_end(seminar: Seminar) -> dt.date | None:
    return seminar.end_date or seminar.date


def _decided_by(point: Followup, cutoff: dt.date) -> bool:
    if any(s.edition.date <= cutoff for s in point.statuses):
        return True
    held = _seminar_end(point.seminar)
    if held is not None:
        return held <= cutoff
    return not point.statuses


def estimate(data: Dataset, edition_id: str) -> EditionState:
    """A guess at what ``edition_id`` looked like, from dates alone (see the module's rules)."""
    cutoff = find_edition(data, edition_id).date
    points = [p for p in data.followups if _decided_by(p, cutoff)]
    kept_seminars = {p.seminar.id for p in points}
    all_seminars = {p.seminar.id for p in data.followups}
    seminars = {
        s.id
        for s in data.seminars
        if s.id in kept_seminars
        or (s.id not in all_seminars and (s.date is None or s.date <= cutoff))
    }
    return EditionState(
        edition=edition_id,
        points=frozenset(p.id for p in points),
        seminars=frozenset(seminars),
        deadlines={p.id: p.deadline for p in points if p.deadline is not None},
        ipo=None,
    )
