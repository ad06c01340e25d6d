"""The preview renders again only the pages an edit touched.

``mkdocs serve`` runs the plugin again on every save. Every page is a pure
function of the data and a few settings, so the pages of the last good build
are kept (``Rendered``), and after an edit that changed only some points the
pages that cannot show the change are kept as they are:

- a point's page shows the point and its two neighbours' number and title
  («Forrige/Neste»): kept unless one of the three changed;
- a list of points (the overview and its other orders and selections,
  ``selections.listings``) shows, per point, everything but its description
  and its statuses' texts: kept unless it lists other points, in another
  order, or one of its points changed in something besides those texts
  (``_row``);
- the changes page shows, per edition, which points are new, moved or
  rewritten, with their number, title and states: kept unless one of those
  changed (``_changes_key``), since it was a fifth of a rebuild at 1,000
  points;
- every other page (front page, report, seminars ...) is rendered every
  time: they are few.

Anything else that pages depend on (the council, editions, seminars, areas,
the responsible parties, the date, the settings) or a point added, removed
or moved means a full render. A page rendered again that comes out the same
is not written, so MkDocs' ``--dirty`` converts only what changed.
``tests/test_incremental.py`` checks that after each kind of edit the pages
are those a full render makes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from generator.data.model import Dataset, Followup
from generator.site import addresses, passthrough, selections
from generator.site.edition_changes import edition_changes
from generator.site.render import Rendering


@dataclass(frozen=True)
class Rendered:
    """One build's data, settings and every generated page."""

    data: Dataset
    settings: tuple[Any, ...]
    pages: dict[str, str]
    """Path -> Markdown, as written."""
    blocks: dict[str, passthrough.Blocks] = dataclasses.field(default_factory=dict)
    """Path -> where its raw HTML blocks are (``render.Rendering``)."""


def settings(today: dt.date, schema_names: tuple[str, ...], stable_files: bool) -> tuple[Any, ...]:
    """Everything besides the data that a page may show."""
    return (today, schema_names, stable_files)


def _shared(data: Dataset) -> tuple[Any, ...]:
    return (data.council, data.editions, data.seminars, data.units, data.areas, data.ipo_edition)


def _row(point: Followup) -> Followup:
    """What a list of points shows of one: all but the long texts."""
    return dataclasses.replace(
        point,
        description="",
        statuses=tuple(dataclasses.replace(s, text="") for s in point.statuses),
    )


def _changes_key(data: Dataset) -> tuple[Any, ...]:
    """What the changes page shows besides the points' rows: where each point
    stands in each edition (new, state moved, text rewritten, unchanged)."""
    return tuple(
        (
            changes.edition.id,
            tuple(change.point.id for change in changes.new_points),
            tuple(change.point.id for change in changes.state_changes),
            tuple(change.point.id for change in changes.text_updates),
            tuple(point.id for point in changes.unchanged),
        )
        for changes in edition_changes(data)
    )


def _listing_key(listing: selections.Listing) -> tuple[Any, ...]:
    return (listing.title, listing.sort, listing.selection, tuple(p.id for p in listing.points))


def pages_to_keep(
    before: Rendered | None, data: Dataset, now: tuple[Any, ...]
) -> frozenset[str] | None:
    """The pages of ``before`` that the data and settings ``now`` would render the
    same (``render.render_site``'s ``skip``); None when every page must be rendered."""
    if before is None or before.settings != now or _shared(before.data) != _shared(data):
        return None
    old, new = before.data.followups, data.followups
    if [p.id for p in old] != [p.id for p in new]:
        return None
    if selections.responsible_parties(before.data) != selections.responsible_parties(data):
        return None
    # The council (and so its language and addresses) is the same as before.
    at = addresses.for_words(addresses.words_of(data))
    changed = [
        index for index, (was, point) in enumerate(zip(old, new, strict=True)) if was != point
    ]
    # Its neighbours show its number and title.
    touched = {
        new[near].id
        for index in changed
        for near in (index - 1, index, index + 1)
        if 0 <= near < len(new)
    }
    keep = {at.point(point.id) for point in new if point.id not in touched}
    in_rows = {new[index].id for index in changed if _row(old[index]) != _row(new[index])}
    if not in_rows and _changes_key(before.data) == _changes_key(data):
        keep.add(at.changes)
    was_listed = {
        listing.path: _listing_key(listing) for listing in selections.listings(before.data, at)
    }
    for listing in selections.listings(data, at):
        if was_listed.get(listing.path) == _listing_key(listing) and not any(
            point.id in in_rows for point in listing.points
        ):
            keep.add(listing.path)
    return frozenset(keep & before.pages.keys())


def merge(before: Rendered | None, fresh: Rendering, kept: frozenset[str] | None) -> Rendering:
    """Every page: the fresh ones, and those kept from ``before``."""
    if before is None or not kept:
        return fresh
    return Rendering(
        {**fresh.pages, **{path: before.pages[path] for path in kept}},
        {**fresh.blocks, **{path: before.blocks[path] for path in kept if path in before.blocks}},
    )


def changed_pages(before: Rendered, pages: dict[str, str]) -> list[str] | None:
    """The pages whose text differs from the last build's; None when pages came or went."""
    if before.pages.keys() != pages.keys():
        return None
    return sorted(path for path, text in pages.items() if before.pages[path] != text)
