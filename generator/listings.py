"""The overview's other orders and selections, as pages of their own.

Sorting and filtering must work without JavaScript, so every sort order and
every single-value selection (a state, a seminar, a responsible party) is a
small generated page. The script on the overview only makes the same thing
faster; it never carries information these pages lack.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .model import Dataset, Followup
from .schema import STATES

OVERVIEW = "oppfolgingspunkter/index.md"
FOLDER = "oppfolgingspunkter/utvalg"

SORT_KEYS: dict[str, str] = {
    "nummer": "nummer",
    "tittel": "tittel",
    "tilstand": "tilstand",
    "dato": "sist rapportert (nyeste først)",
}
"""Sort key -> how the page names it; «nummer» is the overview's own order."""


SLUG_LENGTH = 80
"""A slug's longest length: a name from the data can be long, a file name
(with the build's prefixes and suffixes) at most 255 bytes."""


def slug(text: str) -> str:
    """A readable file name part: «Oslo politidistrikt» -> «oslo-politidistrikt»."""
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > SLUG_LENGTH:
        # Cut at a word boundary when there is one; responsible_parties keeps
        # two names that are the same up to here apart.
        text = text[:SLUG_LENGTH]
        text = text.rsplit("-", 1)[0] if "-" in text else text
    return text or "x"


def state_order(point: Followup) -> int:
    states = list(STATES)
    return states.index(point.current.state) if point.current else len(states)


def sort_points(points: tuple[Followup, ...], key: str) -> tuple[Followup, ...]:
    """``points`` (in overview order) in the order ``key`` names; ties keep overview order."""
    if key == "tittel":
        return tuple(sorted(points, key=lambda p: p.title.casefold()))
    if key == "tilstand":
        return tuple(sorted(points, key=state_order))
    if key == "dato":
        return tuple(
            sorted(points, key=lambda p: -p.current.edition.date.toordinal() if p.current else 0)
        )
    return points


@dataclass(frozen=True)
class Listing:
    path: str
    """The generated page, relative to the docs folder."""
    title: str
    points: tuple[Followup, ...]
    sort: str
    selection: str | None = None
    """What was picked, e.g. «tilstand: pågår»; None for the whole list."""


def sort_page(key: str) -> str:
    return OVERVIEW if key == "nummer" else f"{FOLDER}/sortert-etter-{key}.md"


@dataclass(frozen=True)
class Party:
    """A responsible party and the unique name part its pages and filter use."""

    name: str
    slug: str


def responsible_parties(data: Dataset) -> tuple[Party, ...]:
    """Every responsible party in order of first mention; «A/B» and «A B» get distinct slugs."""
    names: dict[str, None] = {}
    for point in data.followups:
        names.update(dict.fromkeys(point.responsible))
    parties, used = [], set()
    for name in names:
        base = candidate = slug(name)
        counter = 2
        while candidate in used:
            candidate, counter = f"{base}-{counter}", counter + 1
        used.add(candidate)
        parties.append(Party(name, candidate))
    return tuple(parties)


def state_page(state: str) -> str:
    return f"{FOLDER}/tilstand-{slug(state)}.md"


def seminar_page(seminar_id: str) -> str:
    return f"{FOLDER}/seminar-{seminar_id}.md"


def responsible_page(party: Party) -> str:
    return f"{FOLDER}/ansvarlig-{party.slug}.md"


def listings(data: Dataset) -> tuple[Listing, ...]:
    """The overview itself first, then every other order and selection."""
    points = data.followups
    pages = [
        Listing(sort_page(key), "Oppfølgingspunkter", sort_points(points, key), key)
        for key in SORT_KEYS
    ]
    for state in STATES:
        chosen = tuple(p for p in points if p.current and p.current.state == state)
        pages.append(
            Listing(
                state_page(state),
                f"Oppfølgingspunkter: {state}",
                chosen,
                "nummer",
                f"tilstand «{state}»",
            )
        )
    for seminar in data.seminars:
        chosen = data.followups_of(seminar)
        pages.append(
            Listing(
                seminar_page(seminar.id),
                f"Oppfølgingspunkter: {seminar.title}",
                chosen,
                "nummer",
                f"seminar «{seminar.title}»",
            )
        )
    for party in responsible_parties(data):
        chosen = tuple(p for p in points if party.name in p.responsible)
        pages.append(
            Listing(
                responsible_page(party),
                f"Oppfølgingspunkter: {party.name}",
                chosen,
                "nummer",
                f"ansvarlig «{party.name}»",
            )
        )
    return tuple(pages)
