"""The overview's other orders and selections, as pages of their own.

Sorting and filtering must work without JavaScript, so every sort order and
every single-value selection (a state, a seminar, a responsible party) is a
small generated page. The script on the overview only makes the same thing
faster; it never carries information these pages lack.

Only the overview lists every seminar and responsible party to choose from:
those lists grow with the data, and repeated on every page they grew as
seminars x pages (bench/README.md, "Issue 14: fewer copies of the table").
Every other page names its own choice and links to the overview's list; the
sort orders and the states, a handful each, are on every page.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from generator import words
from generator.data.model import Dataset, Followup
from generator.data.schema import AREA_STATUSES, STATES
from generator.site import addresses
from generator.site.addresses import BOKMAL, Addresses
from generator.words import Words

SORT_KEYS = ("number", "title", "state", "date")
"""The overview's orders; «number» is the overview's own. The catalogue names
each (``overview.sort_<key>``) and gives it a file name (``slugs.sort_<key>``)."""


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


def state_label(w: Words, state: str) -> str:
    """A state as the reader sees it, «Pågår»: the catalogue's, else the schema's word."""
    return w.get(f"states.{state}.label", STATES[state].label)


def state_meaning(w: Words, state: str) -> str:
    return w.get(f"states.{state}.meaning", STATES[state].meaning)


def area_status_label(w: Words, status: str) -> str:
    return w.get(f"area_statuses.{status}.label", AREA_STATUSES[status].label)


def area_status_meaning(w: Words, status: str) -> str:
    return w.get(f"area_statuses.{status}.meaning", AREA_STATUSES[status].meaning)


def state_order(point: Followup) -> int:
    states = list(STATES)
    return states.index(point.current.state) if point.current else len(states)


def sort_points(points: tuple[Followup, ...], key: str) -> tuple[Followup, ...]:
    """``points`` (in overview order) in the order ``key`` names; ties keep overview order."""
    if key == "title":
        return tuple(sorted(points, key=lambda p: p.title.casefold()))
    if key == "state":
        return tuple(sorted(points, key=state_order))
    if key == "date":
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
    """What was picked, e.g. «tilstand «pågår»»; None for the whole list."""
    facet: str | None = None
    """What the selection picks by: one of ``FACETS``; None for the whole list."""
    value: str | None = None
    """The value picked: a state, a seminar's id, a responsible party's name."""

    @property
    def is_overview(self) -> bool:
        """The overview itself: every point in its own order."""
        return self.selection is None and self.sort == "number"


def sort_page(key: str, at: Addresses = BOKMAL, w: Words | None = None) -> str:
    """The overview in the order ``key``, named by the catalogue's ``slugs.sort_<key>``."""
    if key == "number":
        return at.overview
    return at.sorted_page((w or words.of()).slug(f"sort_{key}"))


@dataclass(frozen=True)
class Party:
    """A responsible party and the unique name part its pages and filter use."""

    name: str
    slug: str


def responsible_parties(data: Dataset) -> tuple[Party, ...]:
    """Every responsible party in order of first mention, each with an address
    made from its name alone.

    A name whose slug no other name shares gets the plain slug; names that
    share one («A/B» and «A B», or two long names alike in their first 80
    letters) each get a short hash of their exact text after it. Reordering
    points therefore never moves a party's page.
    """
    names: dict[str, None] = {}
    for point in data.followups:
        names.update(dict.fromkeys(point.responsible))
    return tuple(Party(name, value) for name, value in party_slugs(names).items())


def _digest(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()


HASH_LENGTH = 6
"""Hex digits of the name's hash added to a shared slug; more only if two collide."""


def party_slugs(names: Iterable[str]) -> dict[str, str]:
    """Each distinct name -> its slug, depending only on the set of names."""
    groups: dict[str, list[str]] = {}
    for name in dict.fromkeys(names):
        groups.setdefault(slug(name), []).append(name)
    result: dict[str, str] = {}
    hashed: set[str] = set()
    for base, members in groups.items():
        if len(members) == 1:
            result[members[0]] = base
            continue
        digests = {name: _digest(name) for name in members}
        length = HASH_LENGTH
        while len({digests[name][:length] for name in members}) < len(members):
            length += 2
        for name in members:
            result[name] = f"{base}-{digests[name][:length]}"
            hashed.add(result[name])
    # A plain slug may look like another name's slug with its hash («a-1b2c3d»
    # for «A 1b2c3d»); it gets a longer hash of its own then.
    for base in groups.keys() & hashed:
        (name,) = groups[base]
        result[name] = f"{base}-{_digest(name)[: HASH_LENGTH + 2]}"
    return {name: result[name] for name in dict.fromkeys(names)}


def state_page(state: str, at: Addresses = BOKMAL, w: Words | None = None) -> str:
    """A state's page, named by the state as the reader sees it («tilstand-pagar»)."""
    return at.state_page(slug(state_label(w or words.of(), state)))


def seminar_page(seminar_id: str, at: Addresses = BOKMAL) -> str:
    return at.seminar_page(seminar_id)


def responsible_page(party: Party, at: Addresses = BOKMAL) -> str:
    return at.responsible_page(party.slug)


def listings(data: Dataset, at: Addresses | None = None) -> tuple[Listing, ...]:
    """The overview itself first, then every other order and selection; ``at``
    defaults to the addresses of the council's language."""
    w = addresses.words_of(data)
    n = at or addresses.for_words(w)
    points = data.followups
    title = w("overview.title")
    pages = [
        Listing(sort_page(key, n, w), title, sort_points(points, key), key) for key in SORT_KEYS
    ]
    for state in STATES:
        chosen = tuple(p for p in points if p.current and p.current.state == state)
        label = state_label(w, state)
        pages.append(
            Listing(
                state_page(state, n, w),
                w("overview.selected_title", name=label.lower()),
                chosen,
                "number",
                w("overview.select_state", name=label.lower()),
                "state",
                state,
            )
        )
    for seminar in data.seminars:
        pages.append(
            Listing(
                seminar_page(seminar.id, n),
                w("overview.selected_title", name=seminar.title),
                data.followups_of(seminar),
                "number",
                w("overview.select_seminar", name=seminar.title),
                "seminar",
                seminar.id,
            )
        )
    for party in responsible_parties(data):
        chosen = tuple(p for p in points if party.name in p.responsible)
        pages.append(
            Listing(
                responsible_page(party, n),
                w("overview.selected_title", name=party.name),
                chosen,
                "number",
                w("overview.select_responsible", name=party.name),
                "responsible",
                party.name,
            )
        )
    return tuple(pages)


FACETS = ("state", "seminar", "responsible")
"""What a selection picks by; the catalogue labels each (``overview.only_<facet>``)."""

LONG_FACETS = ("seminar", "responsible")
"""The facets whose choices grow with the data: listed on the overview alone."""


@dataclass(frozen=True)
class Choice:
    """One link of a listing's navigation, or the page's own place in it."""

    text: str
    page: str
    fragment: str = ""
    """An anchor on ``page``, without «#»."""
    current: bool = False
    """This page: shown, not linked (``aria-current``)."""


@dataclass(frozen=True)
class Facet:
    """One line of a listing's navigation: the sort orders, or one facet's choices."""

    name: str
    """«sort» or one of ``FACETS``."""
    choices: tuple[Choice, ...]
    anchor: str = ""
    """The line's id, where other pages link to its whole list; «» for none."""

    @property
    def label(self) -> str:
        """The catalogue's key for the line's label."""
        return "overview.sort_by" if self.name == "sort" else f"overview.only_{self.name}"

    @property
    def is_filter(self) -> bool:
        """A selection, which the overview's script replaces with its form."""
        return self.name != "sort"


def navigation(
    listing: Listing,
    data: Dataset,
    parties: tuple[Party, ...],
    at: Addresses,
    w: Words,
) -> tuple[Facet, ...]:
    """The orders and selections a listing links to.

    Every page links each sort order and each state. The overview lists every
    seminar and responsible party, each line with an anchor; another page has
    one link to that line instead, after its own choice if it is one of them.
    So a page's links do not grow with the seminars and parties, but the
    overview's do, and every selection is two clicks from any listing.
    """

    def mine(facet: str, value: str) -> bool:
        return listing.facet == facet and listing.value == value

    sorts = Facet(
        "sort",
        tuple(
            Choice(
                w(f"overview.sort_{key}"),
                sort_page(key, at, w),
                current=key == listing.sort and listing.selection is None,
            )
            for key in SORT_KEYS
        ),
    )
    states = Facet(
        "state",
        tuple(
            Choice(
                state_label(w, state).lower(),
                state_page(state, at, w),
                current=mine("state", state),
            )
            for state in STATES
        ),
    )
    every: dict[str, tuple[Choice, ...]] = {
        "seminar": tuple(
            Choice(s.title, seminar_page(s.id, at), current=mine("seminar", s.id))
            for s in data.seminars
        ),
        "responsible": tuple(
            Choice(p.name, responsible_page(p, at), current=mine("responsible", p.name))
            for p in parties
        ),
    }
    long = []
    for facet in LONG_FACETS:
        anchor = w.slug(f"anchor_choose_{facet}")
        if listing.is_overview:
            long.append(Facet(facet, every[facet], anchor))
            continue
        own = tuple(c for c in every[facet] if c.current)
        other = "other" if own else "choose"
        back = Choice(w(f"overview.{other}_{facet}"), at.overview, anchor)
        long.append(Facet(facet, (*own, back)))
    return (sorts, states, *long)
