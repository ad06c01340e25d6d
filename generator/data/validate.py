"""Check a loaded node tree against the declarations in ``schema``.

Every problem is collected, never raised, so one run reports them all. The
result is a tree of ``Record``s holding typed values and the position of each
field, which the cross-reference checks and the model build on.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeAlias, TypeVar

from generator.data import characters
from generator.data import schema as s
from generator.data.kinds import Refused, date_range_problem
from generator.data.load import Cut, Mapping, Node, Scalar, Sequence, character_message
from generator.data.problems import Position, Problem
from generator.data.suggest import Budget, Index, closest, did_you_mean, quoted_series, shown
from generator.data.suggest import normalised as suggest_normalised

_EMPTY = frozenset({"", "~", "null", "Null", "NULL"})
"""Plain values YAML itself reads as «nothing»: an editor who writes them means empty."""


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


class _Invalid:
    """Marks a value that failed its check; its problem is already recorded."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID = _Invalid()


Value: TypeAlias = "str | int | bool | dt.date | _Invalid | Record | list[Value]"
"""A checked value: what a kind's ``check`` returns, a mapping, a list of them,
or INVALID where the check failed."""


@dataclass
class Record:
    """One checked mapping: typed values plus where each field was written."""

    kind: s.Obj
    pos: Position
    values: dict[str, Value] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)
    items: dict[str, list[Position]] = field(default_factory=dict)
    """Where each item of a list field was written."""
    rejected: dict[str, str] = field(default_factory=dict)
    """What was written in fields whose check failed (already reported): an
    item with an id that breaks a rule is still the item that references
    name, so they are not reported as pointing at nothing."""

    def get(self, name: str) -> Value | None:
        """The value as checked: INVALID where the check failed, None where not written."""
        return self.values.get(name)

    # Typed access for code that runs only on data that passed validation
    # (the model, the edit commands): a value of another type is a bug, not
    # a mistake in the data, and stops with TypeError.

    def text(self, name: str) -> str:
        return _typed(self, name, str)

    def optional_text(self, name: str) -> str | None:
        return None if self.get(name) is None else self.text(name)

    def number(self, name: str) -> int:
        return _typed(self, name, int)

    def optional_number(self, name: str) -> int | None:
        return None if self.get(name) is None else self.number(name)

    def date(self, name: str) -> dt.date:
        return _typed(self, name, dt.date)

    def optional_date(self, name: str) -> dt.date | None:
        return None if self.get(name) is None else self.date(name)

    def flag(self, name: str) -> bool:
        """An optional flag: False when not written."""
        return self.get(name) is not None and _typed(self, name, bool)

    def record(self, name: str) -> Record:
        return _typed(self, name, Record)

    def texts(self, name: str) -> tuple[str, ...]:
        """A list of texts; empty when not written."""
        return tuple(_item(self, name, item, str) for item in self._list(name))

    def records(self, name: str) -> list[Record]:
        """A list of mappings; empty when not written."""
        return [_item(self, name, item, Record) for item in self._list(name)]

    def _list(self, name: str) -> list[Value]:
        value = self.get(name)
        return [] if value is None else _typed(self, name, list)

    def at(self, name: str) -> Position:
        return self.positions.get(name, self.pos)


_T = TypeVar("_T")


def _typed(record: Record, name: str, kind: type[_T]) -> _T:
    value = record.get(name)
    # bool is an int to Python; a flag is never a number here.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TypeError(f"{record.kind.noun} «{name}»: {value!r} is not a checked {kind.__name__}")
    return value


def _item(record: Record, name: str, value: Value, kind: type[_T]) -> _T:
    if not isinstance(value, kind):
        raise TypeError(
            f"{record.kind.noun} «{name}»: item {value!r} is not a checked {kind.__name__}"
        )
    return value


def _shape(node: Node) -> str:
    if isinstance(node, Mapping):
        return "flere felt"
    if isinstance(node, Sequence):
        return "en liste"
    return "en enkel verdi"


class Checker:
    """Walks one file's tree; ``problems`` fills up as it goes."""

    def __init__(self, budget: Budget | None = None) -> None:
        self.problems: list[Problem] = []
        self.budget = budget or Budget()

    def error(self, pos: Position, where: str, message: str) -> _Invalid:
        self.problems.append(Problem(pos, f"{where}{message}"))
        return INVALID

    def warn(self, pos: Position, where: str, message: str) -> None:
        self.problems.append(Problem(pos, f"{where}{message}", "warning"))

    def check(self, node: Node, kind: s.Kind, where: str, name: str) -> Value:
        if isinstance(kind, s.Obj):
            return self.check_obj(node, kind, where)
        if isinstance(kind, s.ListOf):
            return self.check_list(node, kind, where, name)
        if not isinstance(node, Scalar):
            return self.error(
                node.pos,
                where,
                f"«{name}» skal være {kind.describe()}, ikke {_shape(node)}. Skriv verdien rett "
                "etter kolonet på samme linje; begynner den med [ eller {, eller inneholder den "
                '«: », sett hele verdien i anførselstegn ("...").',
            )
        return self.check_scalar(node, kind, where, name)

    def check_scalar(self, node: Scalar, kind: s.Scalar, where: str, name: str) -> Value:
        # Format characters are reported by the loader where they stand; the
        # value is checked (and published) without them, so one mistake gives
        # one message.
        value = _as_checked(node)
        pos = node.pos
        if node.cut is not None and kind.writes_text:
            # An error, not a warning: the rest of the text would be lost
            # from the published page without anyone noticing.
            cut_at, message = _cut_problem(node, node.cut, name)
            return self.error(cut_at, where, message)
        if node.invisible or (value.strip() and characters.is_blank(value)):
            return self.error(
                pos,
                where,
                f"feltet «{name}» er tomt: det står bare usynlige tegn der. Slett dem og skriv "
                "inn en verdi.",
            )
        result = kind.check(value, name, self.budget)
        return self.error(pos, where, result.message) if isinstance(result, Refused) else result

    def check_list(self, node: Node, kind: s.ListOf, where: str, name: str) -> Value:
        if isinstance(node, Scalar) and node.plain and node.value in _EMPTY:
            items: list[Node] = []
        elif isinstance(node, Mapping) and isinstance(kind.item, s.Obj) and node.items:
            first = shown(node.items[0][0].value)
            return self.error(
                node.pos,
                where,
                f"«{name}» skal være en liste der hver oppføring starter med «- », men her står "
                f"feltene uten «- » foran. Skriv «- » foran det første feltet i hver oppføring, "
                f"slik: «- {first}: ...».",
            )
        elif not isinstance(node, Sequence):
            return self.error(
                node.pos,
                where,
                f"«{name}» skal være en liste (linjer som starter med «- », eller [a, b]), "
                f"ikke {_shape(node)}.",
            )
        elif node.cut is not None:
            cut_at, message = _cut_problem(node, node.cut, name)
            return self.error(cut_at, where, message)
        else:
            items = node.items
        if len(items) < kind.min_items:
            return self.error(node.pos, where, _too_few(name, kind))
        return [self.check(item, kind.item, where, name) for item in items]

    def check_obj(self, node: Node, kind: s.Obj, where: str) -> Record | _Invalid:
        if not isinstance(node, Mapping):
            return self.error(
                node.pos,
                where,
                f"her skal det stå {kind.describe()}, ikke {_shape(node)}. "
                f"Felt som hører til: {quoted_series(f.name for f in kind.fields)}.",
            )
        record = Record(kind, node.pos)
        label = kind.label_field and node.get(kind.label_field)
        inner = where
        if isinstance(label, Scalar) and label.value.strip():
            shown_label = shown(_as_checked(label).strip())
            inner = f"{where}{kind.noun.capitalize()} «{shown_label}»: "
            if where:
                inner = f"{where[:-2]}, {kind.noun} «{shown_label}»: "
        written_keys = [_as_checked(key) for key, _ in node.items]
        missing: Index | None = None
        misspelt: set[str] = set()
        for written, (key, value) in zip(written_keys, node.items, strict=True):
            spec = kind.by_name.get(written)
            if spec is None:
                if missing is None:  # once per mapping, not per unknown key
                    missing = Index(sorted(kind.names.difference(written_keys)))
                guess = closest(written, missing, self.budget)
                if guess is not None:
                    misspelt.add(guess)
                hint = f" Mente du «{guess}»?" if guess else ""
                self.error(
                    key.pos,
                    inner,
                    f"ukjent felt «{shown(written)}».{hint} "
                    f"Felt som er lov her: {quoted_series(f.name for f in kind.fields)}.",
                )
                continue
            record.positions[spec.name] = value.pos
            if isinstance(value, Scalar) and value.cut is not None and spec.kind.writes_text:
                cut_at, message = _cut_problem(value, value.cut, spec.name)
                record.values[spec.name] = self.error(cut_at, inner, message)
                continue
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
            checked = self.check(value, spec.kind, inner, spec.name)
            record.values[spec.name] = checked
            if isinstance(value, Sequence):
                record.items[spec.name] = [item.pos for item in value.items]
            if checked is INVALID and isinstance(value, Scalar):
                record.rejected[spec.name] = _as_checked(value).strip()
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


def _as_checked(node: Scalar) -> str:
    """The value without format characters, which the loader reports where they stand;
    a value the loader found clean is taken as it is, not searched again."""
    return node.value if node.clean else characters.without_format(node.value)


def _kept(text: str) -> str:
    """The end of what YAML kept of a cut text, short enough to quote."""
    text = " ".join(text.split())
    return shown(text if len(text) <= 60 else "…" + text[-59:])


def _cut_problem(node: Node, cut: Cut, name: str) -> tuple[Position, str]:
    """Where and how to report text that YAML read as a comment."""
    if cut.how == "flow":
        what = "listen" if isinstance(node, Sequence) else "verdien"
        return cut.pos, (
            f"i {what} i «{name}» leser YAML alt fra # til slutten av linjen som en kommentar, "
            f"så resten av {what} faller bort. Sett verdien med # i anførselstegn (for eksempel "
            '"Bydel #1"), eller skriv listen med én «- » per linje.'
        )
    assert isinstance(node, Scalar)
    kept = node.value.strip()
    if cut.how == "line":
        if not kept:
            return cut.pos, (
                f"feltet «{name}» er tomt, fordi YAML leser alt fra # som en kommentar. Sett "
                'teksten i anførselstegn ("#...") eller bruk | og skriv teksten på linjen under. '
                "Er det ment som en kommentar, sett et mellomrom etter #."
            )
        if not node.plain:
            return node.pos, (
                f"teksten i «{name}» slutter ved det avsluttende anførselstegnet, og YAML leser "
                f"resten av linjen fra # som en kommentar (bare «{_kept(kept)}» kommer med). "
                "Flytt anførselstegnet til slutten av teksten. Er det ment som en kommentar, "
                "sett et mellomrom etter #."
            )
        return node.pos, (
            f"teksten i «{name}» stopper ved #, fordi YAML leser resten av linjen som en "
            f"kommentar (bare «{_kept(kept)}» kommer med). Sett hele teksten i anførselstegn "
            '("...") eller bruk | og skriv teksten på linjen under. Er det ment som en '
            "kommentar, sett et mellomrom etter #."
        )
    line = cut.pos.line
    if not node.plain:
        return cut.pos, (
            f"teksten i «{name}» stopper før linje {line}: linjen begynner med # og har mindre "
            "innrykk enn teksten over, så YAML leser den som en kommentar. Rykk linjen inn like "
            "langt som resten av teksten."
        )
    if not kept:
        return cut.pos, (
            f"feltet «{name}» er tomt, fordi linjen under begynner med # og YAML leser den som "
            f"en kommentar. Bruk | etter «{name}:» og skriv teksten på linjene under, så kommer "
            "# med som tekst."
        )
    return cut.pos, (
        f"teksten i «{name}» stopper før linje {line}, fordi YAML leser en linje som begynner "
        f"med # som en kommentar (bare «{_kept(kept)}» kommer med). Bruk | etter «{name}:» og "
        "skriv teksten på linjene under, så kommer # med som tekst. Er linjen ment som en "
        f"kommentar, flytt den ut til samme innrykk som «{name}»."
    )


def _too_few(name: str, kind: s.ListOf) -> str:
    count = "én" if kind.min_items == 1 else str(kind.min_items)
    if isinstance(kind.item, s.Obj):
        what = "oppføring" if kind.min_items == 1 else "oppføringer"
        return f"listen «{name}» er tom, men må ha minst {count} {what}."
    what = "verdi" if kind.min_items == 1 else "verdier"
    return (
        f"listen «{name}» er tom, men må ha minst {count} {what}. Skriv verdiene i klammer, for "
        "eksempel [A, B], eller én per linje med «- » foran."
    )


def value_problems(value: str, kind: s.Scalar, name: str) -> list[str]:
    """What the loader and validator would say about ``value`` written into a field of ``kind``.

    The edit commands ask before they write a value given on the command
    line, so what they write always passes validation.
    """
    messages = []
    if (bad := characters.first_unusable(value)) is not None:
        messages.append(character_message(ord(bad.group())))
        value = characters.without_format(value)
    checker = Checker()
    checker.check_scalar(
        Scalar(characters.nfc(value), Position("", 1, 1), plain=False), kind, "", name
    )
    return messages + [p.message for p in checker.problems]


def edition_date_problem(date: dt.date, today: dt.date) -> str | None:
    """Why an edition cannot be dated ``date``, or None: a round is dated when its statuses apply."""
    if (problem := date_range_problem(date, "date")) is not None:
        return problem
    if (date - today).days <= s.EDITION_LEAD_DAYS:
        return None
    return (
        f"datoen {date.isoformat()} ligger mer enn ett år fram i tid (i dag er "
        f"{today.isoformat()}). En runde dateres med dagen statusene gjelder fra; sjekk "
        "årstallet."
    )


def check_file(node: Node, kind: s.Obj) -> tuple[Record | _Invalid, list[Problem]]:
    """Check one file's tree; returns its Record (or INVALID) and the problems."""
    checker = Checker()
    if not isinstance(node, Mapping):
        checker.error(
            node.pos,
            "",
            f"filen skal bestå av feltene {quoted_series(f.name for f in kind.fields)} "
            f"øverst (uten innrykk), men den er {_shape(node)}.",
        )
        return INVALID, checker.problems
    return checker.check_obj(node, kind, ""), checker.problems


def _records(value: Value | None) -> list[Record]:
    if not isinstance(value, list):
        return []
    return [r for r in value if isinstance(r, Record)]


def _unique(
    records: list[Record], name: str, noun: str, problems: list[Problem]
) -> dict[str, Record]:
    """Items by ``name`` (an id), each repeat reported; ids that broke a rule count as known."""
    seen: dict[str, Record] = {}
    for record in records:
        value = record.get(name)
        if not isinstance(value, str):
            if name in record.rejected:
                seen.setdefault(record.rejected[name], record)
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


def _known(
    record: Record, name: str, noun: str, problems: list[Problem]
) -> dict[str, Record] | None:
    """The items of the list ``name`` by id, or None when the list itself could not be read."""
    if not isinstance(record.get(name), list):
        return None
    return _unique(_records(record.get(name)), "id", noun, problems)


def _missing_ref(
    record: Record, name: str, value: str, known: Index, where: str, listname: str, budget: Budget
) -> Problem:
    return Problem(
        record.at(name),
        f"{where}«{shown(value)}» i «{name}» finnes ikke under {listname}."
        f"{did_you_mean(value, known, budget)} "
        f"Rett id-en, eller legg til «{shown(value)}» under {listname}.",
    )


def _placeholder_fragments() -> tuple[str, ...]:
    """Runs of four words from ``new-round``'s placeholder that no real status would contain.

    Deleting only the marker, or writing it in lower case, leaves the
    instruction sentence; any recognisable piece of it means the status was
    not written. Runs made only of everyday words («i stedet for denne») are
    left out, so ordinary text is never taken for the placeholder.
    """
    after = s.PLACEHOLDER_TEXT.split("{title}")[1]
    words = suggest_normalised(after).split()
    telling = {"linjen", "sjekk", "tilstanden", "stemmer"}
    runs = (words[i : i + 4] for i in range(len(words) - 3))
    return tuple(" ".join(run) for run in runs if telling & set(run))


_PLACEHOLDER_RUNS = _placeholder_fragments()
_MARKER = re.compile(r"\b" + r"[\W_]*".join(s.PLACEHOLDER.split()) + r"\b", re.IGNORECASE)
_INSTRUCTION = re.compile(r"skriv\s+status\s+for\s*«", re.IGNORECASE)
_PLACEHOLDER_WORDS = (
    s.PLACEHOLDER.split()[0].casefold(),
    "skriv",
    *sorted({max(run.split(), key=len) for run in _PLACEHOLDER_RUNS}),
)
"""A word of each way ``placeholder_left`` finds the placeholder: the marker's
first, the instruction's first, and the longest of each run. A status text
holding none of them (casefolded) cannot match, and most real ones hold none."""
_DOTTED_I = ("\u0130", "\u0131")
"""«İ» and «ı»: ``re.IGNORECASE`` takes them for «i», casefolding does not."""


def _may_hold_placeholder(text: str) -> bool:
    """False when ``placeholder_left`` is certain to find nothing: a check in C
    over the text instead of two regular expressions and a normalisation.
    Each way of finding the placeholder needs one of its words written out,
    in any case; only «İ» and «ı» match a letter that casefolding does not give."""
    folded = text.casefold()
    return any(word in folded for word in _PLACEHOLDER_WORDS) or any(
        char in text for char in _DOTTED_I
    )


def placeholder_left(text: str) -> str | None:
    """What is left of ``new-round``'s placeholder in a status text, or None."""
    if not _may_hold_placeholder(text):
        return None
    if found := _MARKER.search(text):
        return found.group()
    if found := _INSTRUCTION.search(text):
        return found.group().rstrip("«").strip()
    words = f" {suggest_normalised(text)} "
    for run in _PLACEHOLDER_RUNS:
        if f" {run} " in words:
            return run
    return None


def unfilled_statuses(followups: object) -> list[Problem]:
    """One error per status whose text still holds (part of) ``new-round``'s placeholder."""
    problems: list[Problem] = []
    if not isinstance(followups, Record):
        return problems
    for point in _records(followups.get("followups")):
        where = (
            f"Oppfølgingspunkt «{point.get('id')}»: " if isinstance(point.get("id"), str) else ""
        )
        for status in _records(point.get("statuses")):
            text = status.get("text")
            if not isinstance(text, str) or (left := placeholder_left(text)) is None:
                continue
            edition = status.get("edition")
            round_name = f"«{edition}»" if isinstance(edition, str) else "denne runden"
            problems.append(
                Problem(
                    status.at("text"),
                    f"{where}statusen for {round_name} er ikke fylt ut (teksten inneholder "
                    f"«{left}»). Skriv den nye statusen i «text» i stedet for "
                    "plassholderteksten, og sjekk at «state» stemmer.",
                )
            )
    return problems


def check_pages(followups: object, page_exists: Callable[[str], bool]) -> list[Problem]:
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


def cross_check(
    followups: object, ipo: object, today: dt.date | None = None, budget: Budget | None = None
) -> list[Problem]:
    """References between items and between the two files, and dates that contradict each other."""
    budget = budget or Budget()
    problems: list[Problem] = unfilled_statuses(followups)
    if isinstance(followups, Record):
        editions = _known(followups, "editions", "En rapporteringsrunde", problems)
        seminars = _known(followups, "seminars", "Et seminar", problems)
        points = _records(followups.get("followups"))
        _unique(points, "id", "Et oppfølgingspunkt", problems)
        problems += _check_points(points, editions, seminars, budget)
        if editions is not None:
            problems += _check_rounds(points, list(editions))
        problems += _check_names(followups, points)
        problems += _check_dates(
            followups, editions or {}, seminars or {}, points, today or dt.date.today()
        )
    else:
        editions = None
    if isinstance(ipo, Record):
        units = _known(ipo, "units", "En enhet", problems)
        unit_index = Index(units or {})
        areas = _records(ipo.get("areas"))
        seen_names: dict[tuple[str, str], Record] = {}
        for area in areas:
            name = area.get("name")
            where = f"Område «{shown(name)}»: " if isinstance(name, str) else ""
            unit = area.get("unit")
            if isinstance(unit, str) and units is not None and unit not in units:
                problems.append(
                    _missing_ref(area, "unit", unit, unit_index, where, "units", budget)
                )
            if isinstance(unit, str) and isinstance(name, str):
                # Compared the tolerant way: «Grünerløkka Sentrum» and
                # «Grünerløkka sentrum» would be two areas that look like one.
                key = (unit, suggest_normalised(name))
                first = seen_names.get(key)
                if first is None:
                    seen_names[key] = area
                elif first.get("name") == name:
                    problems.append(
                        Problem(
                            area.at("name"),
                            f"{where}området står allerede under enheten «{unit}» "
                            f"(linje {first.at('name').line}). Slett det ene.",
                        )
                    )
                else:
                    problems.append(
                        Problem(
                            area.at("name"),
                            f"{where}området står allerede under enheten «{unit}» som "
                            f"«{shown(first.text('name'))}» (linje {first.at('name').line}); "
                            "navnene skiller seg bare i store og små bokstaver, mellomrom eller "
                            "tegnsetting. Mente du det samme området? Slett det ene, eller gi "
                            "dem navn som skiller seg tydelig.",
                        )
                    )
        edition = ipo.get("edition")
        if isinstance(edition, str) and editions is not None and edition not in editions:
            problems.append(
                _missing_ref(
                    ipo,
                    "edition",
                    edition,
                    Index(editions),
                    "",
                    "editions i followups.yaml",
                    budget,
                )
            )
    return problems


def _check_points(
    points: list[Record],
    editions: dict[str, Record] | None,
    seminars: dict[str, Record] | None,
    budget: Budget,
) -> list[Problem]:
    """Each point's seminar, number and statuses against the seminars and editions.

    A list that could not be read at all (None) is not checked against: its
    own problem is reported, and every reference to it would only repeat it.
    """
    problems: list[Problem] = []
    edition_index, seminar_index = Index(editions or {}), Index(seminars or {})
    numbers: dict[tuple[str, int], Record] = {}
    used_numbers: dict[str, set[int]] = {}
    for point in points:
        seminar, number = point.get("seminar"), point.get("number")
        if isinstance(seminar, str) and isinstance(number, int):
            used_numbers.setdefault(seminar, set()).add(number)
    free_numbers: dict[str, int] = {}
    edition_order = {key: index for index, key in enumerate(editions or {})}
    for point in points:
        where = (
            f"Oppfølgingspunkt «{point.get('id')}»: " if isinstance(point.get("id"), str) else ""
        )
        seminar = point.get("seminar")
        if isinstance(seminar, str) and seminars is not None and seminar not in seminars:
            problems.append(
                _missing_ref(point, "seminar", seminar, seminar_index, where, "seminars", budget)
            )
        number = point.get("number")
        if isinstance(seminar, str) and isinstance(number, int):
            key = (seminar, number)
            if key in numbers:
                if seminar not in free_numbers:
                    used = used_numbers[seminar]
                    free_numbers[seminar] = next(
                        i for i in range(1, len(used) + 2) if i not in used
                    )
                problems.append(
                    Problem(
                        point.at("number"),
                        f"{where}nummer {number} er allerede brukt i seminar «{seminar}» "
                        f"(linje {numbers[key].at('number').line}). Første ledige nummer er "
                        f"{free_numbers[seminar]}.",
                    )
                )
            else:
                numbers[key] = point
        seen_editions: dict[str, Record] = {}
        last_index = -1
        for status in _records(point.get("statuses")):
            edition = status.get("edition")
            if not isinstance(edition, str) or editions is None:
                continue
            if edition not in editions:
                problems.append(
                    _missing_ref(
                        status, "edition", edition, edition_index, where, "editions", budget
                    )
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
    return problems


def _check_dates(
    followups: Record,
    editions: dict[str, Record],
    seminars: dict[str, Record],
    points: list[Record],
    today: dt.date,
) -> list[Problem]:
    """Dates that cannot all be true: a seminar after the rounds that report on it, and the like."""
    problems: list[Problem] = []
    for record in _records(followups.get("seminars")):
        start, end = record.get("date"), record.get("end_date")
        if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
            problems.append(
                Problem(
                    record.at("end_date"),
                    f"Seminar «{record.get('id')}»: «end_date» ({end}) er før «date» ({start}).",
                )
            )
    edition_records = _records(followups.get("editions"))
    for record in edition_records:
        date = record.get("date")
        if isinstance(date, dt.date) and (problem := edition_date_problem(date, today)):
            problems.append(
                Problem(record.at("date"), f"Rapporteringsrunde «{record.get('id')}»: {problem}")
            )
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
    # Per seminar, the earliest round that reports on one of its points.
    earliest: dict[str, tuple[dt.date, str, str]] = {}
    for point in points:
        seminar = point.get("seminar")
        if not isinstance(seminar, str) or seminar not in seminars:
            continue
        deadline, decided = point.get("deadline"), seminars[seminar].get("date")
        if isinstance(deadline, dt.date) and isinstance(decided, dt.date) and deadline < decided:
            problems.append(
                Problem(
                    point.at("deadline"),
                    f"Oppfølgingspunkt «{point.get('id')}»: fristen {deadline} er før seminaret "
                    f"«{seminar}» ({decided}) der punktet ble vedtatt. Rett fristen, eller "
                    "datoen på seminaret.",
                )
            )
        for status in _records(point.get("statuses")):
            edition_id = status.get("edition")
            edition = editions.get(edition_id) if isinstance(edition_id, str) else None
            if edition is None or not isinstance(date := edition.get("date"), dt.date):
                continue
            if seminar not in earliest or date < earliest[seminar][0]:
                earliest[seminar] = (date, str(edition_id), str(point.get("id")))
    for seminar_id, (date, edition_id, point_id) in earliest.items():
        decided = seminars[seminar_id].get("date")
        if isinstance(decided, dt.date) and date < decided:
            problems.append(
                Problem(
                    seminars[seminar_id].at("date"),
                    f"Seminar «{seminar_id}»: datoen {decided} er etter rapporteringsrunden "
                    f"«{edition_id}» ({date}), som har en status for punkt «{point_id}» fra dette "
                    "seminaret. Et punkt kan ikke få status før det er vedtatt: rett datoen på "
                    "seminaret eller runden, eller flytt statusen til en senere runde.",
                )
            )
    return problems


def _check_rounds(points: list[Record], editions: list[str]) -> list[Problem]:
    """Each open point reported in every round, and no closed point reopened by accident."""
    problems: list[Problem] = []
    latest = editions[-1] if editions else None
    previous = editions[-2] if len(editions) > 1 else None
    for point in points:
        where = f"Oppfølgingspunkt «{point.get('id')}»"
        statuses = [
            status
            for status in _records(point.get("statuses"))
            if isinstance(status.get("edition"), str) and isinstance(status.get("state"), str)
        ]
        for before, after in itertools.pairwise(statuses):
            state = before.get("state")
            reopened = after.get("reopened") is True
            if state in s.CLOSED_STATES and not reopened:
                problems.append(
                    Problem(
                        after.pos,
                        f"{where}, status «{after.get('edition')}»: punktet ble {state} i "
                        f"«{before.get('edition')}», så en ny status etter det åpner punktet "
                        "igjen. Er det meningen, skriv «reopened: true» i denne statusen; hvis "
                        "ikke, slett statusen.",
                    )
                )
            elif reopened and state not in s.CLOSED_STATES:
                problems.append(
                    Problem(
                        after.at("reopened"),
                        f"{where}, status «{after.get('edition')}»: «reopened: true» trengs bare "
                        f"når punktet var fullført eller avsluttet i statusen før, men her var det "
                        f"«{state}». Slett linjen med «reopened».",
                        "warning",
                    )
                )
        if previous is None or not statuses:
            continue
        last = statuses[-1]
        if last.get("edition") == previous and last.get("state") not in s.CLOSED_STATES:
            problems.append(
                Problem(
                    last.pos,
                    f"{where}: mangler status for den nyeste runden «{latest}». Punktet hadde "
                    f"status «{last.get('state')}» i «{previous}» og er verken fullført eller "
                    f"avsluttet, så det skal ha en ny status i hver runde. Legg til en status for "
                    f"«{latest}» etter denne (er den slettet ved en feil?).",
                )
            )
    return problems


def _check_names(followups: Record, points: list[Record]) -> list[Problem]:
    """Responsible parties written almost like another name: the site would show two parties.

    Names that differ only in case, spacing or punctuation are grouped; the
    council member's spelling wins, or else the one used most (the first,
    when as many), and every other spelling is reported where it stands.
    """
    problems: list[Problem] = []
    council = followups.get("council")
    members: list[tuple[str, Position, str]] = []
    if isinstance(council, Record):
        names = council.get("members")
        if isinstance(names, list):
            places = council.items.get("members", [])
            members = [
                (name, pos, "")
                for name, pos in zip(names, places, strict=False)
                if isinstance(name, str)
            ]
    mentions: list[tuple[str, Position, str]] = []
    for point in points:
        names = point.get("responsible")
        if not isinstance(names, list):
            continue
        where = f"Oppfølgingspunkt «{point.get('id')}»: "
        places = point.items.get("responsible", [])
        mentions += [
            (name, pos, where)
            for name, pos in zip(names, places, strict=False)
            if isinstance(name, str)
        ]
    groups: dict[str, list[tuple[str, Position, str]]] = {}
    for mention in members + mentions:
        groups.setdefault(suggest_normalised(mention[0]), []).append(mention)
    member_names = {name for name, _, _ in members}
    for group in groups.values():
        spellings = list(dict.fromkeys(name for name, _, _ in group))
        if len(spellings) < 2:
            continue
        counts = {name: sum(1 for n, _, _ in group if n == name) for name in spellings}
        canonical = next(
            (name for name in spellings if name in member_names),
            max(spellings, key=lambda name: counts[name]),
        )
        if canonical in member_names:
            source = "slik navnet står blant rådets parter i «members»"
        else:
            times = "én gang" if counts[canonical] == 1 else f"{counts[canonical]} ganger"
            source = f"som er brukt {times} i «responsible»"
        for name, pos, where in group:
            if name == canonical:
                continue
            field_name = "responsible" if where else "members"
            problems.append(
                Problem(
                    pos,
                    f"{where}«{shown(name)}» i «{field_name}» er skrevet nesten som "
                    f"«{shown(canonical)}», {source}; bare store og små bokstaver, mellomrom "
                    "eller tegnsetting skiller dem, så nettstedet ville vist to ansvarlige. "
                    f"Mente du «{shown(canonical)}»? Skriv navnet likt overalt.",
                )
            )
    return problems
