"""The data as the site sees it: frozen dataclasses built from checked records.

No I/O and no validation here: ``validate`` has already vouched for every
value, so building the model cannot fail on user input.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass

from generator.data import schema as s
from generator.data.problems import Position
from generator.data.schema import CLOSED_STATES, STATES
from generator.data.validate import Record

Plain = str | int | bool | dt.date | tuple[str, ...] | None
"""The value of a declared field that the model has no attribute for."""


class More(Mapping[str, Plain]):
    """The declared fields a model class has no attribute for, by name.

    A field declared in ``schema`` (a scalar or a list of them) reaches the
    templates and the open data without a change here: a template writes
    ``point.more.contact``. Every declared field has a key, None when unset,
    so a template can ask about an optional field. Hashable, like the frozen
    dataclasses that hold it.
    """

    def __init__(self, values: Mapping[str, Plain] | None = None) -> None:
        self._values = dict(values or {})

    def __getitem__(self, name: str) -> Plain:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __hash__(self) -> int:
        return hash(tuple(self._values.items()))

    def __repr__(self) -> str:
        return f"More({self._values!r})"


NOTHING_MORE = More()


@dataclass(frozen=True)
class Council:
    name: str
    members: tuple[str, ...]
    language: str | None = None
    """The reader's language, a catalogue in generator/words; None for the default (nb)."""
    more: More = NOTHING_MORE


@dataclass(frozen=True)
class Edition:
    """A reporting round; each becomes one version of the site."""

    id: str
    title: str
    date: dt.date
    more: More = NOTHING_MORE


@dataclass(frozen=True)
class Seminar:
    id: str
    title: str
    date: dt.date | None = None
    end_date: dt.date | None = None
    page: str | None = None
    more: More = NOTHING_MORE


@dataclass(frozen=True)
class Status:
    edition: Edition
    state: str
    text: str
    unfilled: bool = False
    """The text is still ``new-round``'s placeholder: only a preview builds such data."""
    more: More = NOTHING_MORE

    @property
    def state_label(self) -> str:
        """The state's Norwegian name with a capital, e.g. «Pågår»."""
        return STATES[self.state].label

    @property
    def state_meaning(self) -> str:
        """What the state means, in one sentence for readers."""
        return STATES[self.state].meaning


@dataclass(frozen=True)
class Followup:
    id: str
    seminar: Seminar
    number: int
    title: str
    description: str
    responsible: tuple[str, ...]
    tags: tuple[str, ...]
    deadline: dt.date | None
    statuses: tuple[Status, ...]
    """Oldest first, as in the data file."""
    more: More = NOTHING_MORE

    @property
    def current(self) -> Status | None:
        return self.statuses[-1] if self.statuses else None

    @property
    def history(self) -> tuple[Status, ...]:
        """Earlier statuses, newest first."""
        return tuple(reversed(self.statuses[:-1]))

    @property
    def is_closed(self) -> bool:
        return self.current is not None and self.current.state in CLOSED_STATES

    def is_overdue(self, today: dt.date) -> bool:
        return self.deadline is not None and self.deadline < today and not self.is_closed


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    more: More = NOTHING_MORE


@dataclass(frozen=True)
class Area:
    name: str
    unit: Unit
    status: str
    since: int | None
    more: More = NOTHING_MORE


@dataclass(frozen=True)
class Dataset:
    council: Council
    editions: tuple[Edition, ...]
    seminars: tuple[Seminar, ...]
    followups: tuple[Followup, ...]
    units: tuple[Unit, ...]
    areas: tuple[Area, ...]
    ipo_edition: Edition

    @property
    def latest_edition(self) -> Edition:
        return self.editions[-1]

    def areas_of(self, unit: Unit) -> tuple[Area, ...]:
        return tuple(a for a in self.areas if a.unit == unit)

    def followups_of(self, seminar: Seminar) -> tuple[Followup, ...]:
        return self._followups_by_seminar.get(seminar.id, ())

    @functools.cached_property
    def _followups_by_seminar(self) -> dict[str, tuple[Followup, ...]]:
        # Grouped once: a scan per seminar made pages that list every seminar
        # quadratic, since the number of seminars grows with the points.
        groups: dict[str, list[Followup]] = {}
        for point in self.followups:
            groups.setdefault(point.seminar.id, []).append(point)
        return {key: tuple(points) for key, points in groups.items()}


@functools.cache
def _attributes(cls: type) -> frozenset[str]:
    """The names of a model class's fields: asked once per class, not once per record."""
    return frozenset(f.name for f in dataclasses.fields(cls))


def _more(record: Record, kind: s.Obj, cls: type) -> More:
    """The fields of ``record`` that ``kind`` declares and ``cls`` has no attribute for."""
    own = _attributes(cls)
    values: dict[str, Plain] = {}
    for spec in kind.fields:
        if spec.name in own:
            continue
        value = record.get(spec.name)
        if isinstance(value, list):
            values[spec.name] = record.texts(spec.name)
        elif value is None or isinstance(value, str | int | dt.date):  # a bool is an int
            values[spec.name] = value
        else:
            raise TypeError(f"{kind.noun} «{spec.name}»: {value!r} has no place in the model")
    return More(values)


Modelled = Council | Edition | Seminar | Status | Followup | Unit | Area
"""The model classes that stand for one declared mapping of a data file."""


def field_value(item: Modelled, name: str) -> object:
    """The value of the declared field ``name`` of a model object, wherever the model keeps it."""
    if name in {f.name for f in dataclasses.fields(item)}:
        return getattr(item, name)
    return item.more.get(name)


def build(followups: Record, ipo: Record, unfilled: Collection[Position] = ()) -> Dataset:
    """Turn the two checked files into the model; cross references are resolved.

    ``unfilled``: where the placeholder texts of a round in progress are, which
    the preview builds and marks (``pipeline.load_dataset(drafts=True)``).
    """
    council = followups.record("council")
    editions = {
        r.text("id"): Edition(
            r.text("id"), r.text("title"), r.date("date"), _more(r, s.EDITION, Edition)
        )
        for r in followups.records("editions")
    }
    seminars = {
        r.text("id"): Seminar(
            r.text("id"),
            r.text("title"),
            r.optional_date("date"),
            r.optional_date("end_date"),
            r.optional_text("page"),
            _more(r, s.SEMINAR, Seminar),
        )
        for r in followups.records("seminars")
    }
    points = [
        Followup(
            id=r.text("id"),
            seminar=seminars[r.text("seminar")],
            number=r.number("number"),
            title=r.text("title"),
            description=r.text("description"),
            responsible=r.texts("responsible"),
            tags=r.texts("tags"),
            deadline=r.optional_date("deadline"),
            statuses=tuple(
                Status(
                    editions[st.text("edition")],
                    st.text("state"),
                    st.text("text"),
                    bool(unfilled) and st.at("text") in unfilled,
                    _more(st, s.STATUS, Status),
                )
                for st in r.records("statuses")
            ),
            more=_more(r, s.FOLLOWUP, Followup),
        )
        for r in followups.records("followups")
    ]
    seminar_order = {key: index for index, key in enumerate(seminars)}
    points.sort(key=lambda f: (seminar_order[f.seminar.id], f.number))
    units, areas = build_areas(ipo)
    return Dataset(
        council=Council(
            council.text("name"),
            council.texts("members"),
            council.optional_text("language"),
            _more(council, s.COUNCIL, Council),
        ),
        editions=tuple(editions.values()),
        seminars=tuple(seminars.values()),
        followups=tuple(points),
        units=units,
        areas=areas,
        ipo_edition=editions[ipo.text("edition")],
    )


def build_areas(ipo: Record) -> tuple[tuple[Unit, ...], tuple[Area, ...]]:
    """The units and areas of a checked IPO areas file (today's, or one from git history)."""
    units = {
        r.text("id"): Unit(r.text("id"), r.text("name"), _more(r, s.UNIT, Unit))
        for r in ipo.records("units")
    }
    areas = tuple(
        Area(
            r.text("name"),
            units[r.text("unit")],
            r.text("status"),
            r.optional_number("since"),
            _more(r, s.AREA, Area),
        )
        for r in ipo.records("areas")
    )
    return tuple(units.values()), areas
