"""Check a loaded node tree against the declarations in ``schema``.

Every problem is collected, never raised, so one run reports them all. The
result is a tree of ``Record``s holding typed values and the position of each
field, which the cross-reference checks and the model build on.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import schema as s
from .load import Mapping, Node, Scalar, Sequence
from .problems import Position, Problem
from .suggest import closest, did_you_mean, listing

_EMPTY = frozenset({"", "~", "null", "Null", "NULL"})
"""Plain values YAML itself reads as «nothing»: an editor who writes them means empty."""


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


class _Invalid:
    """Marks a value that failed its check; its problem is already recorded."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()

_ID = re.compile(s.ID_PATTERN)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_LOOSE_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NORWEGIAN_DATE = re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$")
_MONTH_ONLY = re.compile(r"^(\d{4})-(\d{1,2})$")
_DIGITS = re.compile(r"^[0-9]+$")
_MONTHS = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)


@dataclass
class Record:
    """One checked mapping: typed values plus where each field was written."""

    kind: s.Obj
    pos: Position
    values: dict[str, Any] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)

    def get(self, name: str) -> Any:
        return self.values.get(name)

    def at(self, name: str) -> Position:
        return self.positions.get(name, self.pos)


def _shape(node: Node) -> str:
    if isinstance(node, Mapping):
        return "en tabell med felt"
    if isinstance(node, Sequence):
        return "en liste"
    return "en enkel verdi"


def _describe(kind: s.Kind) -> str:
    if isinstance(kind, s.Obj):
        return f"et {kind.noun} med felt" if kind.noun != "status" else "en status med felt"
    if isinstance(kind, s.ListOf):
        return "en liste"
    if isinstance(kind, s.Integer):
        return "et helt tall"
    if isinstance(kind, s.Date):
        return "en dato (ÅÅÅÅ-MM-DD)"
    return "en tekst"


class Checker:
    """Walks one file's tree; ``problems`` fills up as it goes."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, pos: Position, where: str, message: str) -> Any:
        self.problems.append(Problem(pos, f"{where}{message}"))
        return INVALID

    def warn(self, pos: Position, where: str, message: str) -> None:
        self.problems.append(Problem(pos, f"{where}{message}", "warning"))

    def check(self, node: Node, kind: s.Kind, where: str, name: str) -> Any:
        if isinstance(kind, s.Obj):
            return self.check_obj(node, kind, where)
        if isinstance(kind, s.ListOf):
            return self.check_list(node, kind, where, name)
        if not isinstance(node, Scalar):
            return self.error(
                node.pos,
                where,
                f"«{name}» skal være {_describe(kind)}, ikke {_shape(node)}. Skriv verdien rett "
                "etter kolonet på samme linje; begynner den med [ eller {, eller inneholder den "
                '«: », sett hele verdien i anførselstegn ("...").',
            )
        return self.check_scalar(node, kind, where, name)

    def check_scalar(self, node: Scalar, kind: s.Kind, where: str, name: str) -> Any:
        value = node.value
        pos = node.pos
        if isinstance(kind, s.Text):
            text = value.strip("\n") if kind.multiline else value.strip()
            if not text.strip():
                return self.error(pos, where, f"feltet «{name}» er tomt. Skriv inn en verdi.")
            if node.comment_cut:
                # An error, not a warning: the rest of the line would be lost
                # from the published text without anyone noticing.
                return self.error(
                    pos,
                    where,
                    f"teksten i «{name}» stopper ved #, fordi YAML leser resten av linjen "
                    f"som en kommentar (bare «{text}» kommer med). Sett hele teksten i "
                    'anførselstegn ("...") eller bruk | og skriv teksten på linjen under. '
                    "Er det ment som en kommentar, sett et mellomrom etter #.",
                )
            return text
        value = value.strip()
        if isinstance(kind, s.Id):
            if not _ID.match(value):
                return self.error(
                    pos,
                    where,
                    f"«{value}» kan ikke brukes i «{name}»: bruk bare små bokstaver a–z, "
                    'tall og bindestrek, for eksempel "2025-1".',
                )
            if len(value) > s.ID_MAX_LENGTH:
                return self.error(
                    pos,
                    where,
                    f"«{name}» er {len(value)} tegn lang; en id kan være høyst "
                    f"{s.ID_MAX_LENGTH} tegn, fordi den blir en del av sidens adresse. "
                    'Bruk en kort id, for eksempel "2025-1".',
                )
            return value
        if isinstance(kind, s.Integer):
            # A leading zero is read as decimal (0150 is 150), as YAML 1.2 and
            # editors do, never as YAML 1.1's octal.
            if not _DIGITS.match(value):
                return self.error(
                    pos,
                    where,
                    f"«{value}» er ikke et gyldig tall i «{name}». Skriv et helt tall, "
                    f"for eksempel {kind.minimum}.",
                )
            number = int(value)
            if not kind.minimum <= number <= kind.maximum:
                return self.error(
                    pos,
                    where,
                    f"«{name}» må være mellom {kind.minimum} og {kind.maximum}, ikke {number}.",
                )
            return number
        if isinstance(kind, s.Date):
            return self.check_date(value, pos, where, name)
        if isinstance(kind, s.Choice):
            if value not in kind.values:
                return self.error(
                    pos,
                    where,
                    f"«{value}» er ikke en gyldig {kind.noun}.{did_you_mean(value, kind.values)} "
                    f"Gyldige verdier: {listing(kind.values)}.",
                )
            return value
        raise TypeError(f"unknown kind {kind!r}")  # pragma: no cover - schema bug

    def check_date(self, value: str, pos: Position, where: str, name: str) -> Any:
        example = "Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2026-01-30."
        if m := _ISO_DATE.match(value):
            year, month, day = int(m[1]), int(m[2]), int(m[3])
            try:
                return dt.date(year, month, day)
            except ValueError:
                if not 1 <= month <= 12:
                    why = f"måned {m[2]} finnes ikke (måneden står i midten og går fra 01 til 12)"
                elif year < 1:
                    why = "år 0000 finnes ikke"
                else:
                    last = calendar.monthrange(year, month)[1]
                    why = f"{_MONTHS[month - 1]} {year} har bare {last} dager"
                return self.error(
                    pos, where, f"«{value}» i «{name}» er ikke en dato som finnes: {why}. {example}"
                )
        suggestion = ""
        if m := _LOOSE_DATE.match(value):
            suggestion = f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
        elif m := _NORWEGIAN_DATE.match(value):
            suggestion = f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
        elif _MONTH_ONLY.match(value):
            return self.error(pos, where, f"«{value}» i «{name}» mangler dag. {example}")
        hint = f" Mente du {suggestion}?" if suggestion else ""
        return self.error(
            pos, where, f"«{value}» i «{name}» er ikke en gyldig dato.{hint} {example}"
        )

    def check_list(self, node: Node, kind: s.ListOf, where: str, name: str) -> Any:
        if isinstance(node, Scalar) and node.plain and node.value in _EMPTY:
            items: list[Node] = []
        elif not isinstance(node, Sequence):
            return self.error(
                node.pos,
                where,
                f"«{name}» skal være en liste (linjer som starter med «- », eller [a, b]), "
                f"ikke {_shape(node)}.",
            )
        else:
            items = node.items
        if len(items) < kind.min_items:
            return self.error(node.pos, where, f"«{name}» må ha minst {kind.min_items} element.")
        return [self.check(item, kind.item, where, name) for item in items]

    def check_obj(self, node: Node, kind: s.Obj, where: str) -> Any:
        if not isinstance(node, Mapping):
            return self.error(
                node.pos,
                where,
                f"her skal det stå {_describe(kind)}, ikke {_shape(node)}. "
                f"Felt som hører til: {listing(f.name for f in kind.fields)}.",
            )
        record = Record(kind, node.pos)
        label = kind.label_field and node.get(kind.label_field)
        inner = where
        if isinstance(label, Scalar) and label.value.strip():
            inner = f"{where}{kind.noun.capitalize()} «{label.value.strip()}»: "
            if where:
                inner = f"{where[:-2]}, {kind.noun} «{label.value.strip()}»: "
        known = {f.name for f in kind.fields}
        present = {key.value for key, _ in node.items}
        misspelt: set[str] = set()
        for key, value in node.items:
            spec = kind.field(key.value)
            if spec is None:
                guess = closest(key.value, known - present)
                if guess is not None:
                    misspelt.add(guess)
                hint = f" Mente du «{guess}»?" if guess else ""
                self.error(
                    key.pos,
                    inner,
                    f"ukjent felt «{key.value}».{hint} "
                    f"Felt som er lov her: {listing(f.name for f in kind.fields)}.",
                )
                continue
            record.positions[spec.name] = value.pos
            if (
                isinstance(value, Scalar)
                and value.plain
                and value.value in _EMPTY
                and not isinstance(spec.kind, s.ListOf)
            ):
                if spec.required:
                    self.error(
                        value.pos,
                        inner,
                        f"feltet «{spec.name}» er tomt. Skriv inn en verdi: {_lower_first(spec.description)}",
                    )
                    record.values[spec.name] = INVALID
                continue
            record.values[spec.name] = self.check(value, spec.kind, inner, spec.name)
        for spec in kind.fields:
            # A misspelt key already says «did you mean»; a second message
            # about the missing field would describe the same mistake.
            if spec.required and spec.name not in record.positions and spec.name not in misspelt:
                self.error(
                    node.pos,
                    inner,
                    f"mangler feltet «{spec.name}». {spec.description}",
                )
                record.values[spec.name] = INVALID
        return record


def check_file(node: Node, kind: s.Obj) -> tuple[Any, list[Problem]]:
    """Check one file's tree; returns its Record (or INVALID) and the problems."""
    checker = Checker()
    if not isinstance(node, Mapping):
        checker.error(
            node.pos,
            "",
            f"filen skal bestå av feltene {listing(f.name for f in kind.fields)} "
            f"øverst (uten innrykk), men den er {_shape(node)}.",
        )
        return INVALID, checker.problems
    return checker.check_obj(node, kind, ""), checker.problems


def _records(value: Any) -> list[Record]:
    if not isinstance(value, list):
        return []
    return [r for r in value if isinstance(r, Record)]


def _unique(
    records: list[Record], name: str, noun: str, problems: list[Problem]
) -> dict[str, Record]:
    seen: dict[str, Record] = {}
    for record in records:
        value = record.get(name)
        if not isinstance(value, str):
            continue
        if value in seen:
            first = seen[value]
            problems.append(
                Problem(
                    record.at(name),
                    f"{noun} med {name} «{value}» finnes allerede (linje {first.at(name).line}). "
                    f"Hver {name} skal være unik: gi dette en ny {name}.",
                )
            )
        else:
            seen[value] = record
    return seen


def _missing_ref(
    record: Record, name: str, value: str, known: dict[str, Record], where: str, listname: str
) -> Problem:
    return Problem(
        record.at(name),
        f"{where}«{value}» i «{name}» finnes ikke under {listname}.{did_you_mean(value, known)} "
        f"Rett id-en, eller legg til «{value}» under {listname}.",
    )


def unfilled_statuses(followups: Any) -> list[Problem]:
    """One error per status whose text still holds ``new-round``'s placeholder."""
    problems: list[Problem] = []
    if not isinstance(followups, Record):
        return problems
    for point in _records(followups.get("followups")):
        where = (
            f"Oppfølgingspunkt «{point.get('id')}»: " if isinstance(point.get("id"), str) else ""
        )
        for status in _records(point.get("statuses")):
            text = status.get("text")
            if isinstance(text, str) and s.PLACEHOLDER in text:
                edition = status.get("edition")
                round_name = f"«{edition}»" if isinstance(edition, str) else "denne runden"
                problems.append(
                    Problem(
                        status.at("text"),
                        f"{where}statusen for {round_name} er ikke fylt ut (teksten inneholder "
                        f"«{s.PLACEHOLDER}»). Skriv den nye statusen i «text» i stedet for "
                        "plassholderteksten, og sjekk at «state» stemmer.",
                    )
                )
    return problems


def check_pages(followups: Any, page_exists: Callable[[str], bool]) -> list[Problem]:
    """Hand-written pages that seminars point to must exist in the content folder."""
    problems = []
    if isinstance(followups, Record):
        for seminar in _records(followups.get("seminars")):
            page = seminar.get("page")
            if isinstance(page, str) and not page_exists(page):
                problems.append(
                    Problem(
                        seminar.at("page"),
                        f"Seminar «{seminar.get('id')}»: siden «{page}» finnes ikke i mappen "
                        "med håndskrevne sider (content/). Sjekk navnet, eller fjern feltet «page».",
                    )
                )
    return problems


def cross_check(followups: Any, ipo: Any) -> list[Problem]:
    """References between items and between the two files."""
    problems: list[Problem] = unfilled_statuses(followups)
    if isinstance(followups, Record):
        editions = _unique(
            _records(followups.get("editions")), "id", "En rapporteringsrunde", problems
        )
        seminars = _unique(_records(followups.get("seminars")), "id", "Et seminar", problems)
        points = _records(followups.get("followups"))
        _unique(points, "id", "Et oppfølgingspunkt", problems)
        numbers: dict[tuple[str, int], Record] = {}
        used_numbers: dict[str, set[int]] = {}
        for point in points:
            if isinstance(point.get("seminar"), str) and isinstance(point.get("number"), int):
                used_numbers.setdefault(point.get("seminar"), set()).add(point.get("number"))
        edition_order = {key: index for index, key in enumerate(editions)}
        for point in points:
            where = (
                f"Oppfølgingspunkt «{point.get('id')}»: "
                if isinstance(point.get("id"), str)
                else ""
            )
            seminar = point.get("seminar")
            if isinstance(seminar, str) and seminar not in seminars:
                problems.append(
                    _missing_ref(point, "seminar", seminar, seminars, where, "seminars")
                )
            number = point.get("number")
            if isinstance(seminar, str) and isinstance(number, int):
                key = (seminar, number)
                if key in numbers:
                    used = used_numbers[seminar]
                    free = next(i for i in range(1, len(used) + 2) if i not in used)
                    problems.append(
                        Problem(
                            point.at("number"),
                            f"{where}nummer {number} er allerede brukt i seminar «{seminar}» "
                            f"(linje {numbers[key].at('number').line}). Første ledige nummer er {free}.",
                        )
                    )
                else:
                    numbers[key] = point
            seen_editions: dict[str, Record] = {}
            last_index = -1
            for status in _records(point.get("statuses")):
                edition = status.get("edition")
                if not isinstance(edition, str):
                    continue
                if edition not in editions:
                    problems.append(
                        _missing_ref(status, "edition", edition, editions, where, "editions")
                    )
                    continue
                if edition in seen_editions:
                    problems.append(
                        Problem(
                            status.at("edition"),
                            f"{where}det finnes allerede en status for «{edition}» "
                            f"(linje {seen_editions[edition].at('edition').line}). "
                            "Hvert punkt skal ha én status per rapporteringsrunde: slå dem sammen.",
                        )
                    )
                    continue
                seen_editions[edition] = status
                index = edition_order[edition]
                if index < last_index:
                    problems.append(
                        Problem(
                            status.at("edition"),
                            f"{where}statusene skal stå i samme rekkefølge som editions, eldste "
                            f"først; «{edition}» står etter en nyere runde. Flytt den opp.",
                        )
                    )
                last_index = max(last_index, index)
        page_seminars = _records(followups.get("seminars"))
        for seminar in page_seminars:
            start, end = seminar.get("date"), seminar.get("end_date")
            if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
                problems.append(
                    Problem(
                        seminar.at("end_date"),
                        f"Seminar «{seminar.get('id')}»: «end_date» ({end}) er før «date» ({start}).",
                    )
                )
        edition_records = _records(followups.get("editions"))
        for before, after in itertools.pairwise(edition_records):
            a, b = before.get("date"), after.get("date")
            if isinstance(a, dt.date) and isinstance(b, dt.date) and b <= a:
                problems.append(
                    Problem(
                        after.at("date"),
                        f"Rapporteringsrunde «{after.get('id')}»: datoen {b} er ikke senere enn "
                        f"runden før ({a}). Rundene skal stå eldste først.",
                    )
                )
    else:
        editions = {}
    if isinstance(ipo, Record):
        units = _unique(_records(ipo.get("units")), "id", "En enhet", problems)
        areas = _records(ipo.get("areas"))
        seen_names: dict[tuple[str, str], Record] = {}
        for area in areas:
            where = f"Område «{area.get('name')}»: " if isinstance(area.get("name"), str) else ""
            unit = area.get("unit")
            if isinstance(unit, str) and unit not in units:
                problems.append(_missing_ref(area, "unit", unit, units, where, "units"))
            name = area.get("name")
            if isinstance(unit, str) and isinstance(name, str):
                if (unit, name) in seen_names:
                    problems.append(
                        Problem(
                            area.at("name"),
                            f"{where}området står allerede under enheten «{unit}» "
                            f"(linje {seen_names[(unit, name)].at('name').line}). Slett det ene.",
                        )
                    )
                seen_names[(unit, name)] = area
        edition = ipo.get("edition")
        if isinstance(followups, Record) and isinstance(edition, str) and edition not in editions:
            problems.append(
                _missing_ref(ipo, "edition", edition, editions, "", "editions i followups.yaml")
            )
    return problems
