"""The kinds of value a data file holds: each owns its check, its name in
messages and its JSON Schema.

``schema`` declares the files with these, one field a line; ``validate`` walks
the tree and asks each kind about its values; ``json_schema`` asks each kind
for its part of the editors' schema. A new kind is one class here, not a
branch in three places (mkdocs' ``config_options`` works the same way).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Literal

from generator import words
from generator.data.suggest import Budget, did_you_mean, quoted_series, shown

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_MAX_LENGTH = 64
"""Ids become file and folder names in the built site, which have length limits."""

WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
)
"""Names Windows refuses for a file or folder: an id becomes one, and a
secretariat member on Windows could not check out the built site."""

PUBLISHING_RESERVED: dict[str, str] = {
    "latest": "lenken til den nyeste utgaven (latest)",
    **{
        name: "en mappe eller side på nettstedet"
        for name in (
            "index",
            "404",
            "assets",
            "search",
            "stylesheets",
            "javascripts",
            "data",
            "schemas",
            "endringer",
            "ipo",
            "oppfolgingspunkter",
            "rapport",
            "seminarer",
            "tilgjengelighetserklaering",
            "sitemap",
            "versions",
        )
    },
    # The same folders in the other languages' words: «endringar», «seminar» ...
    **{name: "en mappe eller side på nettstedet" for name in words.site_folders()},
}
"""Edition ids that publishing uses for something else: each edition becomes a
folder at the root of the published site, beside mike's ``latest`` alias and
the site's own folders."""

PREVIEW_PATTERN = r"pr-[0-9]+"
"""Folders of pull-request previews (``pr-12``): never an edition's id."""

PAGE_PATTERN = r"^(?![/\\])(?!.*(^|/)\.)(?!.*\\)(?![a-zA-Z][a-zA-Z0-9+.-]*:)[^/]+(/[^/]+)*\.md$"
"""A hand-written page: a relative path to a ``.md`` file inside content/,
with no ``..``, hidden file, backslash, absolute path or address (URL)."""

MIN_YEAR = 1900
MAX_YEAR = 2200
"""Every date's year lies between these: further out is a typo (9999-12-31)."""


_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_TEXT_PATTERN = r"\S"

# fullmatch, with ASCII digits: «$» would let a trailing line break through,
# and «\d» takes digits of every script («２０２６»).
_ID = re.compile(ID_PATTERN.removeprefix("^").removesuffix("$"))
_PREVIEW = re.compile(PREVIEW_PATTERN)
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_LOOSE_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_NORWEGIAN_DATE = re.compile(r"([0-9]{1,2})\. ?([0-9]{1,2})\. ?([0-9]{4})")
_MONTH_ONLY = re.compile(r"([0-9]{4})-([0-9]{1,2})")
_DIGITS = re.compile(r"[0-9]+")
_LINE_BREAK = re.compile("[\n\r\x85\u2028\u2029]")
_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
_DRIVE = re.compile(r"[a-zA-Z]:")
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


@dataclass(frozen=True)
class Refused:
    """Why a value cannot stand in its field, in the editor's words."""

    message: str


class _Scalar:
    """What every kind of single value shares; the subclasses say what differs."""

    writes_text = False
    """An editor writes free text here, so words lost to a ``#`` matter."""

    def describe(self) -> str:
        """What the value should be, for «skal være …» in messages."""
        return "en tekst"


@dataclass(frozen=True)
class Text(_Scalar):
    """Free text, shown exactly as written."""

    multiline: bool = False

    writes_text = True

    def check(self, value: str, name: str, budget: Budget) -> str | Refused:
        text = value.strip("\n") if self.multiline else value.strip()
        if not text.strip():
            return Refused(f"feltet «{name}» er tomt. Skriv inn en verdi.")
        if not self.multiline and _LINE_BREAK.search(text):
            # A title or a name is one line everywhere it is shown, and a
            # line break in it would start a new line in every log too.
            return Refused(
                f"«{name}» skal stå på én linje, men teksten har et linjeskift. Skriv hele "
                "teksten på én linje, uten \\n og uten | foran."
            )
        return text

    def json_schema(self) -> dict[str, Any]:
        # Editors read YAML 1.2: a title written 2025 is a number to them.
        return {"type": ["string", "number", "boolean"], "pattern": _TEXT_PATTERN}


@dataclass(frozen=True)
class Id(_Scalar):
    """A stable identifier used in addresses: lowercase letters, digits, hyphens."""

    file_name: bool = False
    """True for ids that name a file or folder of the site (points, editions):
    they must avoid ``WINDOWS_RESERVED``. References to them need not check again."""
    publishing: bool = False
    """True for edition ids, which must also avoid the names in ``PUBLISHING_RESERVED``."""

    def check(self, value: str, name: str, budget: Budget) -> str | Refused:
        value = value.strip()
        problem = id_problem(value, name, self)
        return value if problem is None else Refused(problem)

    def json_schema(self) -> dict[str, Any]:
        text: dict[str, Any] = {"type": "string", "pattern": ID_PATTERN, "maxLength": ID_MAX_LENGTH}
        reserved = sorted(WINDOWS_RESERVED) if self.file_name else []
        if self.publishing:
            reserved += [*sorted(PUBLISHING_RESERVED), PREVIEW_PATTERN]
        if reserved:
            text["not"] = {"pattern": f"^({'|'.join(reserved)})$"}
        return {"anyOf": [text, {"type": "integer", "minimum": 0}]}


@dataclass(frozen=True)
class Page(_Scalar):
    """A hand-written Markdown page, by its path inside content/."""

    writes_text = True

    def check(self, value: str, name: str, budget: Budget) -> str | Refused:
        value = value.strip()
        problem = page_problem(value, name)
        return value if problem is None else Refused(problem)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": PAGE_PATTERN}


@dataclass(frozen=True)
class Date(_Scalar):
    """A calendar date written ÅÅÅÅ-MM-DD, in the years MIN_YEAR to MAX_YEAR."""

    def describe(self) -> str:
        return "en dato (ÅÅÅÅ-MM-DD)"

    def check(self, value: str, name: str, budget: Budget) -> dt.date | Refused:
        value = value.strip()
        example = "Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2026-01-30."
        if m := _ISO_DATE.fullmatch(value):
            year, month, day = int(m[1]), int(m[2]), int(m[3])
            try:
                date = dt.date(year, month, day)
            except ValueError:
                if not 1 <= month <= 12:
                    why = f"måned {m[2]} finnes ikke (måneden står i midten og går fra 01 til 12)"
                elif year < 1:
                    why = "år 0000 finnes ikke"
                else:
                    last = calendar.monthrange(year, month)[1]
                    why = f"{_MONTHS[month - 1]} {year} har bare {last} dager"
                return Refused(f"«{value}» i «{name}» er ikke en dato som finnes: {why}. {example}")
            problem = date_range_problem(date, name)
            return date if problem is None else Refused(problem)
        suggestion = ""
        if m := _LOOSE_DATE.fullmatch(value):
            suggestion = f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
        elif m := _NORWEGIAN_DATE.fullmatch(value):
            suggestion = f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
        elif _MONTH_ONLY.fullmatch(value):
            return Refused(f"«{value}» i «{name}» mangler dag. {example}")
        hint = f" Mente du {suggestion}?" if suggestion else ""
        return Refused(f"«{shown(value)}» i «{name}» er ikke en gyldig dato.{hint} {example}")

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": _DATE_PATTERN}


class NotADate(ValueError):
    """``parse_date`` refused a value; the message says why, naming the field or option."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def parse_date(value: str, name: str) -> dt.date:
    """The date in ``value``, by the data files' rules (``Date.check``), for the
    field or option ``name``; NotADate saying why not and what to write.

    The one date parser: a date an option (``--date``) or mkdocs.yml's ``today``
    takes is one the data file takes, and each says the same about one that is
    wrong. ``date.fromisoformat`` is not it: it also takes ``20260615`` and
    ``2026-W24-1``, which no reader of the data file would recognise.
    """
    checked = Date().check(value, name, Budget())
    if isinstance(checked, Refused):
        raise NotADate(checked.message)
    return checked


@dataclass(frozen=True)
class Integer(_Scalar):
    """A whole number between ``minimum`` and ``maximum``."""

    minimum: int = 1
    maximum: int = 1_000_000

    def describe(self) -> str:
        return "et helt tall"

    def check(self, value: str, name: str, budget: Budget) -> int | Refused:
        value = value.strip()
        # A leading zero is read as decimal (0150 is 150), as YAML 1.2 and
        # editors do, never as YAML 1.1's octal.
        if not _DIGITS.fullmatch(value):
            return Refused(
                f"«{shown(value)}» er ikke et gyldig tall i «{name}». Skriv et helt tall, "
                f"for eksempel {self.minimum}."
            )
        # Compared by length first: int() refuses more than 4,300 digits.
        digits = value.lstrip("0") or "0"
        if len(digits) > len(str(self.maximum)) or not (
            self.minimum <= int(digits) <= self.maximum
        ):
            return Refused(
                f"«{name}» må være mellom {self.minimum} og {self.maximum}, ikke {shown(digits)}."
            )
        return int(digits)

    def json_schema(self) -> dict[str, Any]:
        return {
            "anyOf": [
                {"type": "integer", "minimum": self.minimum, "maximum": self.maximum},
                {"type": "string", "pattern": r"^[0-9]+$"},
            ]
        }


@dataclass(frozen=True)
class Option:
    """One value of a ``Choice``, with what it means to a reader.

    The pages, the CSS classes, the open data page and the editors' hover text
    all read these, so a new state is one line in ``schema`` (and a colour in
    ``theme/stylesheets/reader.css``).
    """

    label: str
    """The name shown to readers, with a capital: «Pågår»."""
    meaning: str
    """One sentence for readers, without the full stop: «arbeidet er i gang ...»."""
    slug: str
    """The value in CSS classes (``state--pagar``, ``bar--pagar``): ASCII only."""
    closed: bool = False
    """A point in this state needs no new status (states only)."""
    advice: str = ""
    """What an editor should also do, shown after the meaning in the editor's hover text."""

    @property
    def description(self) -> str:
        """The editors' hover text: «Pågår: arbeidet er i gang og har et sluttpunkt.»"""
        text = f"{self.label}: {self.meaning}."
        return f"{text} {self.advice}" if self.advice else text


@dataclass(frozen=True)
class Choice(_Scalar):
    """One of a fixed set of words, each with its meaning."""

    values: dict[str, Option]
    noun: str
    """What the value is called in messages, e.g. «tilstand»."""

    def check(self, value: str, name: str, budget: Budget) -> str | Refused:
        value = value.strip()
        if value not in self.values:
            hint = did_you_mean(value, self.values, budget)
            return Refused(
                f"«{shown(value)}» er ikke en gyldig {self.noun}.{hint} "
                f"Gyldige verdier: {quoted_series(self.values)}."
            )
        return value

    def json_schema(self) -> dict[str, Any]:
        return {
            "enum": list(self.values),
            "markdownEnumDescriptions": [o.description for o in self.values.values()],
        }


@dataclass(frozen=True)
class Flag(_Scalar):
    """Yes or no, written ``true`` or ``false``."""

    def describe(self) -> str:
        return "true eller false"

    def check(self, value: str, name: str, budget: Budget) -> bool | Refused:
        value = value.strip()
        if value not in ("true", "false"):
            return Refused(f"«{name}» skal være true eller false, ikke «{shown(value)}».")
        return value == "true"

    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [{"type": "boolean"}, {"enum": ["true", "false"]}]}


@dataclass(frozen=True)
class ListOf:
    """A list of values of one kind; the validator walks it item by item."""

    item: Kind
    min_items: int = 0

    @property
    def writes_text(self) -> bool:
        return self.item.writes_text

    def describe(self) -> str:
        return "en liste"

    def json_schema(self) -> dict[str, Any]:
        result: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            result["minItems"] = self.min_items
        return result


@dataclass(frozen=True)
class Field:
    """One field of a mapping: everything the tool does with it follows from here."""

    name: str
    kind: Kind
    description: str
    """For editors: the hover text in their editor, and the hint in messages."""
    required: bool = False
    label: str = ""
    """What readers call the field (Norwegian, lower case): the CSV column and
    the change summary's word for it, e.g. «frist»."""
    open_data: bool = True
    """In the open data JSON, under its own name."""
    csv: bool = True
    """A column of the CSV file, headed by ``label`` (only fields with a label)."""
    compared: bool = True
    """A change to it is listed in the change summary, by ``label`` (only fields with a label)."""

    def json_schema(self) -> dict[str, Any]:
        inner = self.kind.json_schema()
        # The validator takes an empty value for an optional field, and for
        # a list that may be empty.
        optional_list = isinstance(self.kind, ListOf) and self.kind.min_items == 0
        if not self.required or optional_list:
            return {"description": self.description, "anyOf": [inner, {"type": "null"}]}
        return {"description": self.description, **inner}


@dataclass(frozen=True)
class Obj:
    """A mapping with declared fields; the validator walks it field by field."""

    fields: tuple[Field, ...]
    noun: str
    """How one item is named in messages, e.g. «oppfølgingspunkt»."""
    label_field: str | None = None
    """The field whose value identifies the item in messages."""
    description: str = ""
    by_name: dict[str, Field] = dataclasses.field(init=False, repr=False, compare=False)
    """The fields by name: the validator looks up every key of every mapping."""
    names: frozenset[str] = dataclasses.field(init=False, repr=False, compare=False)

    writes_text = False

    def __post_init__(self) -> None:
        by_name: dict[str, Field] = {}
        for f in self.fields:
            by_name.setdefault(f.name, f)  # the first, as a search in order would find
        object.__setattr__(self, "by_name", by_name)
        object.__setattr__(self, "names", frozenset(by_name))

    def field(self, name: str) -> Field | None:
        return self.by_name.get(name)

    def describe(self) -> str:
        return "en status med felt" if self.noun == "status" else f"et {self.noun} med felt"

    def json_schema(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "type": "object",
            "properties": {f.name: f.json_schema() for f in self.fields},
            "additionalProperties": False,
        }
        if self.description:
            result["description"] = self.description
        required = [f.name for f in self.fields if f.required]
        if required:
            result["required"] = required
        return result


Scalar = Text | Id | Page | Date | Integer | Choice | Flag
"""The kinds of a single value: each has ``check``."""

Kind = Scalar | ListOf | Obj

Use = Literal["open_data", "csv", "compared"]


def fields_of(kind: Obj, use: Use) -> tuple[Field, ...]:
    """The fields of ``kind`` that go into the open data JSON, the CSV, or the change summary."""
    if use == "open_data":
        return tuple(f for f in kind.fields if f.open_data)
    return tuple(f for f in kind.fields if f.label and getattr(f, use))


def id_problem(value: str, name: str, kind: Id, what: str | None = None) -> str | None:
    """Why ``value`` cannot be an id, or None.

    The one rule for ids: the validator asks here, and so do the commands
    that make new ids, so a command never writes an id the validator then
    refuses. ``what`` says how the id is used («som id for en runde»); the
    default names the field.
    """
    what = what or f"i «{name}»"
    example = "2026-06" if kind.publishing else "2025-1"
    if not _ID.fullmatch(value):
        return (
            f"«{shown(value)}» kan ikke brukes {what}: bruk bare små bokstaver a–z, tall og "
            f'bindestrek, for eksempel "{example}".'
        )
    if len(value) > ID_MAX_LENGTH:
        return (
            f"«{name}» er {len(value)} tegn lang; en id kan være høyst {ID_MAX_LENGTH} tegn, "
            f'fordi den blir en del av sidens adresse. Bruk en kort id, for eksempel "{example}".'
        )
    if kind.file_name and value in WINDOWS_RESERVED:
        return (
            f"«{value}» kan ikke brukes {what}: id-en blir et fil- eller mappenavn, og Windows "
            "godtar ikke navnene con, prn, aux, nul, com0–com9 og lpt0–lpt9. Velg en annen id, "
            f'for eksempel "{example}".'
        )
    if kind.publishing:
        why = PUBLISHING_RESERVED.get(value)
        if why is None and _PREVIEW.fullmatch(value):
            why = "forhåndsvisninger av endringsforslag (pull requests)"
        if why is not None:
            return (
                f"«{value}» kan ikke brukes {what}: navnet brukes til {why} når nettstedet "
                f'publiseres. Velg en annen id, for eksempel "{example}".'
            )
    return None


def page_problem(value: str, name: str) -> str | None:
    """Why ``value`` cannot name a hand-written page in content/, or None."""
    where = f"«{shown(value)}» i «{name}»"
    example = "for eksempel seminar-2026.md"
    segments = value.split("/")
    if "\\" in value:
        return (
            f"{where} inneholder \\. Skriv stien med /, {example} eller referater/seminar-2026.md."
        )
    if value.startswith(("/", "~")) or _DRIVE.match(value):
        return (
            f"{where} er en sti fra roten av disken. Skriv bare stien inne i content/, {example}."
        )
    if _URL.match(value):
        return (
            f"{where} er en nettadresse, men «{name}» skal være en side i mappen content/, "
            f"{example}. Lenker til andre nettsteder kan stå i teksten på siden."
        )
    if ".." in segments:
        return (
            f"{where} peker ut av mappen content/ med «..». Siden må ligge i content/ eller en "
            f"mappe under den; skriv stien inne i content/, {example}."
        )
    if any(segment in ("", ".") for segment in segments):
        return f"{where} har tomme ledd eller «./». Skriv stien uten dem, {example}."
    if any(segment.startswith(".") for segment in segments):
        return (
            f"{where} er en skjult fil (navnet begynner med punktum), og den publiseres ikke. "
            f"Gi filen et vanlig navn, {example}."
        )
    if not value.endswith(".md"):
        return (
            f"{where} er ikke en Markdown-side. «{name}» skal være en .md-fil i content/, "
            f"{example}."
        )
    return None


def date_range_problem(date: dt.date, name: str) -> str | None:
    """Why ``date`` is too far from today's world to be meant, or None."""
    if MIN_YEAR <= date.year <= MAX_YEAR:
        return None
    return (
        f"«{date.isoformat()}» i «{name}» har året {date.year}, som ikke kan stemme: datoene her "
        f"ligger mellom år {MIN_YEAR} og {MAX_YEAR}. Sjekk årstallet."
    )
