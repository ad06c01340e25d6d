"""The secretariat's edits to followups.yaml: start a reporting round, add a point.

Each command checks the data first and refuses to touch a file that is
already wrong, adds only new lines (see ``yamledit``), and replaces the file
in one rename, so an interrupted or refused edit leaves it exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from babel.dates import format_date
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from generator.commands.yaml_roundtrip import (
    Document,
    Expected,
    FormatError,
    add_item,
    blank_lines_between,
    block_list,
    move_trailing_lines,
    open_document,
    tail,
)
from generator.data import kinds, schema, validate
from generator.data.load import Node, parse
from generator.data.problems import DataError, Problem
from generator.data.suggest import count, did_you_mean, quoted_series
from generator.errors import Refused
from generator.site.build import Sources, check_sources
from generator.site.write import write_atomic

_MONTH_ID = re.compile(r"^(\d{4})-(\d{2})$")


EditRefused = Refused
"""The edit was not made; ``message`` says why and ``problems`` what to fix first."""


@dataclass
class Edited:
    """What an edit did, for the command to tell the user."""

    file: str
    lines: list[str] = field(default_factory=list)
    subject: str = ""
    """The id of what the edit made (a round's or a point's id, an area's name)."""
    done: list[str] = field(default_factory=list)
    """What the edit did, without the hints for the terminal (for a pull request);
    empty when ``lines`` says only that."""
    todo: list[str] = field(default_factory=list)
    """What is left to check that the validator cannot know (printed after ``lines``)."""

    def printed(self) -> str:
        """What the command prints."""
        return "\n".join([*self.lines, *self.todo])


@dataclass
class _Checked:
    followups: validate.Record
    placeholders: list[Problem]
    ipo: validate.Record | None = None


def _check(sources: Sources, *, allow_placeholders: bool) -> _Checked:
    """Both files, checked as ``validate`` does; refuse if anything is wrong."""
    followups, ipo, problems = check_sources(sources)
    placeholders = validate.unfilled_statuses(followups)
    ignored = set(placeholders) if allow_placeholders else set()
    blocking = [p for p in problems if p.severity == "error" and p not in ignored]
    if blocking:
        raise EditRefused(
            "Datafilene har feil, så ingenting er endret. Rett feilene først "
            "(kjør «python -m generator validate» for å se dem igjen):",
            sorted(blocking),
        )
    assert isinstance(followups, validate.Record)
    return _Checked(followups, placeholders, ipo if isinstance(ipo, validate.Record) else None)


def readable(data: bytes, name: str) -> Node:
    """The edited file's tree: a last guard that what is written is still a YAML
    file our loader reads (anything else would be a bug in the round trip)."""
    try:
        return parse(data.decode("utf-8").removeprefix("\ufeff"), name)
    except DataError as exc:  # pragma: no cover - would be a bug in the round trip
        raise EditRefused(
            f"{name}: endringen ga en fil som ikke kan leses, så filen er ikke endret. "
            "Gjør endringen for hånd, og meld gjerne fra om feilen.",
            exc.problems,
        ) from None


def _write(sources: Sources, doc_bytes: bytes) -> None:
    readable(doc_bytes, sources.name(sources.followups))
    write_atomic(sources.followups, doc_bytes)


def open_file(sources: Sources, path: Path) -> Document:
    """The data file ``path``, opened for editing with its comments and layout."""
    try:
        return open_document(path.read_bytes())
    except FormatError as exc:
        raise EditRefused(f"{sources.name(path)}: {exc}") from None


def render_file(
    sources: Sources, path: Path, doc: Document, expected: Expected | None = None
) -> bytes:
    """The edited file, refused unless it differs from the original only as ``expected`` says."""
    try:
        return doc.render(expected)
    except FormatError as exc:
        raise EditRefused(f"{sources.name(path)}: {exc}") from None


def _line_of(text: str, needle: str) -> int:
    """1-based number of the first line that is ``needle`` once stripped (0 if none)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() == needle:
            return number
    return 0


def default_title(edition_id: str) -> str | None:
    """«Status pr juni 2026» for an id like 2026-06; None when the id is not a month."""
    m = _MONTH_ID.match(edition_id)
    if not m or not 1 <= int(m[2]) <= 12:
        return None
    month = format_date(dt.date(int(m[1]), int(m[2]), 1), "LLLL", locale="nb_NO")
    return f"Status pr {month} {m[1]}"


def placeholder_text(title: str) -> str:
    """The status text ``new-round`` writes; the validator refuses it until replaced."""
    return schema.PLACEHOLDER_TEXT.format(title=title)


def _kind(obj: schema.Obj, name: str) -> schema.Scalar:
    spec = obj.field(name)
    assert spec is not None
    assert not isinstance(spec.kind, schema.ListOf | schema.Obj)
    return spec.kind


def _id_kind(obj: schema.Obj) -> schema.Id:
    kind = _kind(obj, "id")
    assert isinstance(kind, schema.Id)
    return kind


_EDITION_ID = _id_kind(schema.EDITION)
_POINT_ID = _id_kind(schema.FOLLOWUP)
_TITLE = _kind(schema.EDITION, "title")


def _refuse_value(value: str, kind: schema.Scalar, name: str, what: str | None = None) -> None:
    """Refuse a value from the command line that the validator would refuse in the file."""
    if isinstance(kind, schema.Id):
        problem = kinds.id_problem(value, name, kind, what)
        if problem is not None:
            raise EditRefused(problem)
    for message in validate.value_problems(value, kind, name):
        raise EditRefused(f"«{name}»: {message}")


def new_round(sources: Sources, edition_id: str, title: str | None, date: dt.date) -> Edited:
    """Add an edition after the last one, and a placeholder status to every open point."""
    name = sources.name(sources.followups)
    _refuse_value(edition_id, _EDITION_ID, "id", "som id for en runde")
    title = (title or "").strip() or default_title(edition_id)
    if not title:
        raise EditRefused(
            f'Runden «{edition_id}» trenger en tittel: oppgi den med --title "Status pr juni 2026".'
        )
    _refuse_value(title, _TITLE, "title")
    if (problem := validate.edition_date_problem(date, dt.date.today())) is not None:
        raise EditRefused(f"Runden kan ikke få datoen {date.isoformat()}: {problem}")
    checked = _check(sources, allow_placeholders=True)
    editions = checked.followups.records("editions")
    for record in editions:
        if record.text("id") == edition_id:
            raise EditRefused(
                f"{name}: runden «{edition_id}» finnes allerede (linje {record.at('id').line}). "
                "Velg en annen id, eller fyll ut statusene i den runden som finnes."
            )
    if checked.placeholders:
        raise EditRefused(
            f"{name}: den forrige runden er ikke ferdig utfylt, så ingen ny runde er startet. "
            f"Fyll ut disse statusene først:",
            checked.placeholders,
        )
    last = editions[-1]
    if date <= last.date("date"):
        raise EditRefused(
            f"Datoen {date.isoformat()} er ikke senere enn forrige runde «{last.text('id')}» "
            f"({last.date('date').isoformat()}). Oppgi en senere dato med --date ÅÅÅÅ-MM-DD."
        )

    doc = open_file(sources, sources.followups)
    editions_list = block_list(doc.data, "editions")
    add_item(
        editions_list,
        len(editions_list),
        CommentedMap(
            [("id", DoubleQuotedScalarString(edition_id)), ("title", title), ("date", date)]
        ),
    )
    opened: list[str] = []
    for point in doc.data["followups"] or ():
        statuses = point.get("statuses") or []
        # A point with no status yet starts in the first state work moves through.
        state = statuses[-1]["state"] if statuses else next(iter(schema.STATES))
        if str(state) in schema.CLOSED_STATES:
            continue
        end = tail(point)
        target = block_list(point, "statuses")
        add_item(
            target,
            len(target),
            CommentedMap(
                [
                    ("edition", DoubleQuotedScalarString(edition_id)),
                    ("state", str(state)),
                    ("text", LiteralScalarString(placeholder_text(title))),
                ]
            ),
        )
        # The new status goes before the blank line that ends the point (see yamledit).
        move_trailing_lines(end, point)
        opened.append(str(point["id"]))
    data = render_file(sources, sources.followups, doc)
    _write(sources, data)
    text = data.decode("utf-8")
    edition_line = _line_of(text, f'- id: "{edition_id}"')
    done = [
        f"La til runden «{edition_id}» ({title}, {date.isoformat()}) på linje {edition_line} i {name}."
    ]
    if opened:
        done.append(
            f"Ny status med plassholdertekst for {count(len(opened), 'punkt', 'punkter')}: "
            f"{quoted_series(opened)}."
        )
        lines = [
            done[0],
            f"{done[1]} Erstatt hver «{schema.PLACEHOLDER}»-tekst med den nye statusen; "
            "«python -m generator validate» viser hvilke som gjenstår.",
        ]
    else:
        done.append("Alle punktene er fullført eller avsluttet, så ingen ny status trengs.")
        lines = done
    return Edited(name, lines, edition_id, done)


def _filled_in(obj: schema.Obj) -> tuple[schema.Field, ...]:
    """The fields an editor writes by hand for a new item: all but lists of items."""
    return tuple(
        spec
        for spec in obj.fields
        if not (isinstance(spec.kind, schema.ListOf) and isinstance(spec.kind.item, schema.Obj))
    )


def _blank(kind: schema.Kind) -> CommentedSeq | None:
    """An empty value to fill in: ``[]`` for a list, so it is written in brackets."""
    if not isinstance(kind, schema.ListOf):
        return None
    empty = CommentedSeq()
    empty.fa.set_flow_style()
    return empty


def _joined(names: list[str]) -> str:
    """«a, b og c», unquoted."""
    *first, last = names
    return f"{', '.join(first)} og {last}" if first else last


def new_followup(sources: Sources, seminar_id: str, title: str | None) -> Edited:
    """Add a point to a seminar with the next free number, and empty fields to fill in."""
    name = sources.name(sources.followups)
    checked = _check(sources, allow_placeholders=True)
    seminars = {r.text("id"): r for r in checked.followups.records("seminars")}
    if seminar_id not in seminars:
        raise EditRefused(
            f"{name}: seminaret «{seminar_id}» finnes ikke under seminars."
            f"{did_you_mean(seminar_id, seminars)} Seminarene som finnes: {quoted_series(seminars)}. "
            "Legg til seminaret under seminars først hvis det er nytt."
        )
    points = checked.followups.records("followups")
    number = 1 + max(
        (p.number("number") for p in points if p.text("seminar") == seminar_id), default=0
    )
    point_id = f"{seminar_id}-{number}"
    problem = kinds.id_problem(point_id, "id", _POINT_ID, "som id for det nye punktet")
    if problem is not None:
        raise EditRefused(
            f"{name}: {problem} Id-en lages av seminarets id og punktets nummer; gi seminaret "
            "en kortere id, eller legg til punktet for hånd."
        )
    for point in points:
        if point.text("id") == point_id:
            raise EditRefused(
                f"{name}: id-en «{point_id}» for det nye punktet er allerede brukt "
                f"(linje {point.at('id').line}). Gi det punktet en annen id og prøv igjen."
            )
    title = (title or "").strip() or None
    if title is not None:
        _refuse_value(title, _TITLE, "title")

    doc = open_file(sources, sources.followups)
    followups = block_list(doc.data, "followups")
    given: dict[str, object] = {
        "id": DoubleQuotedScalarString(point_id),
        "seminar": DoubleQuotedScalarString(seminar_id),
        "number": number,
        "title": title,
    }
    skeleton = CommentedMap()
    for spec in _filled_in(schema.FOLLOWUP):
        skeleton[spec.name] = given[spec.name] if spec.name in given else _blank(spec.kind)
    # Right after the seminar's last point, so each seminar's points stay together.
    position = len(followups)
    for index, point in enumerate(followups):
        if str(point.get("seminar")) == seminar_id:
            position = index + 1
    # With a blank line after every point, the new point goes after the blank
    # line that ends the one before, and gets its own (see yamledit).
    add_item(
        followups, position, skeleton, blank_line=blank_lines_between(followups) or not followups
    )
    data = render_file(sources, sources.followups, doc)
    _write(sources, data)
    text = data.decode("utf-8")
    line = _line_of(text, f'- id: "{point_id}"')
    blank = [spec for spec in _filled_in(schema.FOLLOWUP) if given.get(spec.name) is None]
    empty = [spec.name for spec in blank if spec.required]
    optional = [spec.name for spec in blank if not spec.required]
    done = (
        f"La til oppfølgingspunkt {number} i seminaret «{seminar_id}» med id «{point_id}» "
        f"på linje {line} i {name}."
    )
    return Edited(
        name,
        [
            done,
            f"Fyll ut {quoted_series(empty)} ({_joined(optional)} kan stå tomme). "
            "«python -m generator validate» viser hva som mangler.",
        ],
        point_id,
        [done],
    )
