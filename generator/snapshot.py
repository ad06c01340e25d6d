"""The data as it stood at one reporting round, so an old edition can be rebuilt.

Each edition becomes its own version of the site. Rebuilding edition E from
today's files must show what a reader saw when E was published, not what was
added since. The rules:

- Editions after E are dropped; E becomes the latest edition.
- A point keeps only its statuses from E and earlier.
- A point is shown if it was decided by E: it has a status in E or earlier,
  or its seminar ended (``end_date``, else ``date``) on or before E's date.
  A point with no status from an undated seminar is shown too: nothing in
  the data says it came later. A point whose only statuses are after E, or
  whose seminar is dated after E, is left out.
- A seminar is shown if one of its points is; a seminar without points in
  the data is shown unless it is dated after E.
- The IPO areas file holds one snapshot tagged with an edition; if that
  edition is after E, the areas were not known at E and none are shown.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from .model import Dataset, Edition, Followup, Seminar


class UnknownEdition(ValueError):
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


def _seminar_end(seminar: Seminar) -> dt.date | None:
    return seminar.end_date or seminar.date


def _decided_by(point: Followup, cutoff: dt.date) -> bool:
    if any(s.edition.date <= cutoff for s in point.statuses):
        return True
    held = _seminar_end(point.seminar)
    if held is not None:
        return held <= cutoff
    return not point.statuses


def as_of(data: Dataset, edition_id: str) -> Dataset:
    """The dataset as known at ``edition_id``; the latest edition gives ``data`` back."""
    edition = find_edition(data, edition_id)
    if edition == data.latest_edition:
        return data
    cutoff = edition.date
    points = tuple(
        dataclasses.replace(
            point, statuses=tuple(s for s in point.statuses if s.edition.date <= cutoff)
        )
        for point in data.followups
        if _decided_by(point, cutoff)
    )
    kept_seminars = {p.seminar.id for p in points}
    all_seminars = {p.seminar.id for p in data.followups}
    seminars = tuple(
        s
        for s in data.seminars
        if s.id in kept_seminars
        or (s.id not in all_seminars and (s.date is None or s.date <= cutoff))
    )
    ipo_known = data.ipo_edition.date <= cutoff
    return dataclasses.replace(
        data,
        editions=tuple(e for e in data.editions if e.date <= cutoff),
        seminars=seminars,
        followups=points,
        areas=data.areas if ipo_known else (),
    )
