"""The secretariat's edits to ipo_areas.yaml: add a priority area, retire one.

Built like ``edit``: both files are checked first and a file that is already
wrong is left alone; only the lines the edit names change
(``yamledit.Expected``), with comments, order and quoting kept; the file is
replaced in one rename.

ipo_areas.yaml is a snapshot: its ``edition`` names the reporting round the
list belongs to, and publishing rebuilds an older round with the file as it
stood in git while it carried that round's id. An edit to a file that still
carries an older round than the newest would change what that older round
shows. So the edit first moves the file to the newest round: ``edition``
becomes the newest round's id, and every area that was «ny» in the older round
becomes «videreført» (new then, continued now). The command says so, and what
is left to check.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import ScalarString

from generator.commands.edit_followups import (
    Edited,
    EditRefused,
    _check,
    open_file,
    readable,
    render_file,
)
from generator.commands.yaml_roundtrip import (
    Expected,
    FormatError,
    add_item,
    blank_lines_between,
    block_list,
    remove_item,
)
from generator.data import schema, validate
from generator.data.suggest import closest, count, did_you_mean, normalised, quoted_series
from generator.site.build import Sources
from generator.site.write import write_atomic

NEW, CONTINUED = "ny", "videreført"


@dataclass(frozen=True)
class _Areas:
    """The checked files, and what the edit works on."""

    followups: validate.Record
    ipo: validate.Record
    units: list[validate.Record]
    areas: list[validate.Record]
    newest: validate.Record


def _same_name(a: str, b: str) -> bool:
    """Names the validator would take for one (case, spacing and punctuation aside)."""
    return normalised(a) == normalised(b)


def _checked(sources: Sources) -> _Areas:
    checked = _check(sources, allow_placeholders=True)
    assert checked.ipo is not None  # no errors, so both files were read
    return _Areas(
        checked.followups,
        checked.ipo,
        checked.ipo.records("units"),
        checked.ipo.records("areas"),
        checked.followups.records("editions")[-1],
    )


def _unit(sources: Sources, found: _Areas, given: str) -> validate.Record:
    """The unit named by its id or its name (as the workflow's form may give either)."""
    given = given.strip()
    for unit in found.units:
        if unit.text("id") == given:
            return unit
    for unit in found.units:
        if _same_name(unit.text("id"), given) or _same_name(unit.text("name"), given):
            return unit
    ids = [u.text("id") for u in found.units]
    names = {u.text("name"): u.text("id") for u in found.units}
    guess = did_you_mean(given, ids)
    if not guess and (name := closest(given, names)) is not None:
        guess = f" Mente du «{names[name]}» ({name})?"
    raise EditRefused(
        f"{sources.name(sources.ipo_areas)}: enheten «{given}» finnes ikke under units.{guess} "
        f"Enhetene som finnes: {quoted_series(ids)}. Skriv id-en til enheten, for eksempel «{ids[0]}»."
    )


def _clean_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise EditRefused('Oppgi navnet på området med --name, for eksempel --name "Hovseter".')
    return name


def _write(sources: Sources, data: bytes, found: _Areas) -> validate.Record:
    """Write the edited file if it is still a valid one; its checked record."""
    name = sources.name(sources.ipo_areas)
    node = readable(data, name)
    record, problems = validate.check_file(node, schema.IPO_FILE)
    problems += [
        p for p in validate.cross_check(found.followups, record) if p.position.file == name
    ]
    errors = [p for p in problems if p.severity == "error"]
    if errors or not isinstance(record, validate.Record):
        raise EditRefused(
            f"{name}: endringen ville gitt disse feilene, så filen er ikke endret:", errors
        )
    write_atomic(sources.ipo_areas, data)
    return record


def _replaced(line: str, column: int, old: str, new: str) -> str:
    """``line`` with the value ``old`` that starts at ``column`` (from 1) replaced by ``new``."""
    head, tail = line[: column - 1], line[column - 1 :]
    return head + tail.replace(old, new, 1)


@dataclass(frozen=True)
class _Move:
    """What moving the file to the newest round changed."""

    old: str
    new: str
    new_title: str
    continued: tuple[str, ...]


def _move_to_newest(
    doc: Any, found: _Areas, lines: list[str], changed: dict[int, str], skip: int | None
) -> _Move | None:
    """Point the file at the newest round and make last round's «ny» areas «videreført»
    (all but the area at index ``skip``, which the edit removes)."""
    old, new = found.ipo.text("edition"), found.newest.text("id")
    if old == new:
        return None
    at = found.ipo.at("edition")
    doc.data["edition"] = _like(doc.data["edition"], new)
    changed[at.line] = _replaced(lines[at.line - 1], at.column, old, new)
    continued = []
    for index, (area, item) in enumerate(zip(found.areas, doc.data["areas"], strict=True)):
        if index == skip or area.text("status") != NEW:
            continue
        at = area.at("status")
        item["status"] = _like(item["status"], CONTINUED)
        changed[at.line] = _replaced(lines[at.line - 1], at.column, NEW, CONTINUED)
        continued.append(area.text("name"))
    return _Move(old, new, found.newest.text("title"), tuple(continued))


def _like(old: Any, value: str) -> Any:
    """``value`` written with the same quotes as ``old``."""
    return type(old)(value) if isinstance(old, ScalarString) else value


def _move_lines(file: str, move: _Move | None) -> list[str]:
    if move is None:
        return []
    lines = [
        f"{file} gjaldt rapporteringsrunden «{move.old}»; nå gjelder den «{move.new}» "
        f"({move.new_title}), den nyeste, slik at listen for «{move.old}» står som før."
    ]
    if move.continued:
        lines.append(
            f"{count(len(move.continued), 'område', 'områder')} som var «{NEW}» i «{move.old}», er nå "
            f"«{CONTINUED}»: {quoted_series(move.continued)}."
        )
    return lines


def _check_lines(move: _Move | None, newest: str) -> str:
    what = (
        f"Sjekk at hele listen stemmer for «{newest}»: «{NEW}» bare for områder som er tatt "
        f"inn i denne runden, «{CONTINUED}» for dem som var med før, og at områder som ikke "
        "lenger er med, er tatt ut."
    )
    return what if move is not None else what.replace("hele listen", "listen", 1)


def _area_positions(areas: list[validate.Record], unit_ids: list[str], unit: str) -> int:
    """Where a new area of ``unit`` goes: after the unit's last area, else after the
    last area of a unit listed before it, else first; so units stay together."""
    order = {u: i for i, u in enumerate(unit_ids)}
    position = 0
    for index, area in enumerate(areas):
        if area.text("unit") == unit or order.get(area.text("unit"), -1) <= order[unit]:
            position = index + 1
    return position


def add_area(
    sources: Sources, unit: str, name: str, status: str | None = None, since: int | None = None
) -> Edited:
    """Add an area to a unit, by default «ny» in the newest round."""
    file = sources.name(sources.ipo_areas)
    name = _clean_name(name)
    status = (status or "").strip() or NEW
    if status not in schema.AREA_STATUSES:
        raise EditRefused(
            f"«{status}» er ikke en gyldig status for et område.{did_you_mean(status, schema.AREA_STATUSES)} "
            f"Gyldige verdier: {quoted_series(schema.AREA_STATUSES)}."
        )
    found = _checked(sources)
    record = _unit(sources, found, unit)
    unit_id = record.text("id")
    for area in found.areas:
        if area.text("unit") == unit_id and _same_name(area.text("name"), name):
            raise EditRefused(
                f"{file}: området «{area.text('name')}» står allerede under enheten «{unit_id}» "
                f"(linje {area.at('name').line}). Ingenting er endret."
            )

    doc = open_file(sources, sources.ipo_areas)
    lines = doc.original.splitlines()
    changed: dict[int, str] = {}
    move = _move_to_newest(doc, found, lines, changed, None)
    areas = block_list(doc.data, "areas")
    item = CommentedMap([("name", name), ("unit", unit_id), ("status", status)])
    if since is not None:
        item["since"] = since
    position = _area_positions(found.areas, [u.text("id") for u in found.units], unit_id)
    add_item(areas, position, item, blank_line=blank_lines_between(areas))
    written = _write(
        sources, render_file(sources, sources.ipo_areas, doc, Expected(changed=changed)), found
    )
    line = written.records("areas")[position].at("name").line
    done = [
        f"La til området «{name}» under enheten «{unit_id}» ({record.text('name')}) med status "
        f"«{status}» på linje {line} i {file}.",
        *_move_lines(file, move),
    ]
    todo = [_check_lines(move, found.newest.text("id"))]
    if since is None:
        todo.append(
            "Oppstartsåret er ikke oppgitt; skriv «since: ÅÅÅÅ» under området hvis det er kjent."
        )
    return Edited(file, done, name, done, todo)


def _own_lines(lines: list[str], start: int) -> tuple[int, int]:
    """(first, last) line number of the list item that starts on line ``start``,
    and the blank lines right after it: what retiring it removes. Comments after
    it are about the next item and stay."""
    first = lines[start - 1]
    dash = len(first) - len(first.lstrip(" "))
    if not first.lstrip(" ").startswith("-"):
        raise EditRefused(
            f"linje {start} i filen er ikke starten på et område («- name: …»), så verktøyet "
            "finner ikke linjene det skal fjerne. Filen er ikke endret; fjern området for hånd."
        )
    last = start
    number = start + 1
    while number <= len(lines):
        text = lines[number - 1]
        stripped = text.strip()
        indent = len(text) - len(text.lstrip(" "))
        if stripped and not stripped.startswith("#"):
            if indent <= dash:
                break
            last = number
        number += 1
    end = last
    while end < len(lines) and not lines[end].strip():
        end += 1
    return start, end


def retire_area(sources: Sources, unit: str, name: str) -> Edited:
    """Take an area out of the list: exactly its lines go."""
    file = sources.name(sources.ipo_areas)
    name = _clean_name(name)
    found = _checked(sources)
    record = _unit(sources, found, unit)
    unit_id = record.text("id")
    in_unit = [(i, a) for i, a in enumerate(found.areas) if a.text("unit") == unit_id]
    match = [(i, a) for i, a in in_unit if a.text("name") == name] or [
        (i, a) for i, a in in_unit if _same_name(a.text("name"), name)
    ]
    if not match:
        elsewhere = [
            a.text("unit")
            for a in found.areas
            if _same_name(a.text("name"), name) and a.text("unit") != unit_id
        ]
        hint = f" «{name}» står under enheten {quoted_series(elsewhere)}." if elsewhere else ""
        names = [a.text("name") for _, a in in_unit]
        present = (
            f" Områdene under «{unit_id}»: {quoted_series(names)}."
            if names
            else f" Enheten «{unit_id}» har ingen områder."
        )
        raise EditRefused(
            f"{file}: fant ikke området «{name}» under enheten «{unit_id}».{hint}"
            f"{did_you_mean(name, names) if not hint else ''}{present} Ingenting er endret."
        )
    index, area = match[0]

    doc = open_file(sources, sources.ipo_areas)
    lines = doc.original.splitlines()
    start = area.pos.line
    first, last = _own_lines(lines, start)
    changed: dict[int, str] = {}
    move = _move_to_newest(doc, found, lines, changed, index)
    areas = doc.data["areas"]
    assert isinstance(areas, CommentedSeq)
    try:
        remove_item(areas, index)
    except FormatError as exc:
        raise EditRefused(f"{file}: {exc}") from None
    removed = frozenset(range(first, last + 1))
    _write(
        sources,
        render_file(sources, sources.ipo_areas, doc, Expected(removed, changed, added=0)),
        found,
    )
    gone = f"linje {first}" if first == last else f"linje {first}–{last}"
    done = [
        f"Tok ut området «{area.text('name')}» under enheten «{unit_id}» ({gone} i {file}). "
        f"Det vises ikke for «{found.newest.text('id')}»; tidligere rapporteringsrunder "
        "viser det som før.",
        *_move_lines(file, move),
    ]
    return Edited(
        file, done, area.text("name"), done, [_check_lines(move, found.newest.text("id"))]
    )
