"""The shape of the two data files, declared once.

The validator walks these declarations and ``jsonschema.py`` turns them into
the JSON Schemas that editors use, so the two cannot drift apart. Every field
carries the Norwegian description that editors show on hover.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

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

EDITION_LEAD_DAYS = 366
"""An edition may be dated at most this many days after today: a round is
dated when its statuses apply, and further ahead is a typo."""


@dataclass(frozen=True)
class Text:
    """Free text, shown exactly as written."""

    multiline: bool = False


@dataclass(frozen=True)
class Id:
    """A stable identifier used in addresses: lowercase letters, digits, hyphens."""

    file_name: bool = False
    """True for ids that name a file or folder of the site (points, editions):
    they must avoid ``WINDOWS_RESERVED``. References to them need not check again."""
    publishing: bool = False
    """True for edition ids, which must also avoid the names in ``PUBLISHING_RESERVED``."""


@dataclass(frozen=True)
class Page:
    """A hand-written Markdown page, by its path inside content/."""


@dataclass(frozen=True)
class Date:
    """A calendar date written ÅÅÅÅ-MM-DD, in the years MIN_YEAR to MAX_YEAR."""


@dataclass(frozen=True)
class Integer:
    minimum: int = 1
    maximum: int = 1_000_000


@dataclass(frozen=True)
class Option:
    """One value of a ``Choice``, with what it means to a reader.

    The pages, the CSS classes, the open data page and the editors' hover text
    all read these, so a new state is one line here (and a colour in
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
class Choice:
    """One of a fixed set of words, each with its meaning."""

    values: dict[str, Option]
    noun: str
    """What the value is called in messages, e.g. «tilstand»."""


@dataclass(frozen=True)
class Flag:
    """Yes or no, written ``true`` or ``false``."""


@dataclass(frozen=True)
class ListOf:
    item: Kind
    min_items: int = 0


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


Use = Literal["open_data", "csv", "compared"]


def fields_of(kind: Obj, use: Use) -> tuple[Field, ...]:
    """The fields of ``kind`` that go into the open data JSON, the CSV, or the change summary."""
    if use == "open_data":
        return tuple(f for f in kind.fields if f.open_data)
    return tuple(f for f in kind.fields if f.label and getattr(f, use))


@dataclass(frozen=True)
class Obj:
    fields: tuple[Field, ...]
    noun: str
    """How one item is named in messages, e.g. «oppfølgingspunkt»."""
    label_field: str | None = None
    """The field whose value identifies the item in messages."""
    description: str = ""

    def field(self, name: str) -> Field | None:
        for f in self.fields:
            if f.name == name:
                return f
        return None


Kind = Text | Id | Page | Date | Integer | Choice | Flag | ListOf | Obj

STATES: dict[str, Option] = {
    "planlagt": Option("Planlagt", "arbeidet er bestemt, men ikke startet", "planlagt"),
    "pågår": Option("Pågår", "arbeidet er i gang og har et sluttpunkt", "pagar"),
    "løpende": Option("Løpende", "fast, kontinuerlig arbeid uten et bestemt sluttpunkt", "lopende"),
    "fullført": Option("Fullført", "det som ble bestemt, er gjennomført", "fullfort", closed=True),
    "avsluttet": Option(
        "Avsluttet",
        "punktet er lukket uten å være gjennomført, for eksempel fordi det er erstattet eller "
        "ikke lenger er aktuelt",
        "avsluttet",
        closed=True,
        advice="Forklar hvorfor i statusteksten.",
    ),
}
"""The states of a follow-up point, in the order work moves through them."""

CLOSED_STATES = frozenset(name for name, state in STATES.items() if state.closed)
"""States after which a point needs no new status."""

PLACEHOLDER = "FYLL INN"
"""Marks a status text that ``new-round`` wrote and nobody has filled in yet;
the validator refuses it, so a half-done round cannot be published."""

PLACEHOLDER_TEXT = (
    PLACEHOLDER + ": skriv status for «{title}» her, i stedet for denne linjen, "
    "og sjekk at tilstanden over fortsatt stemmer.\n"
)
"""The whole text ``new-round`` writes; the validator recognises what is left
of it when only the marker was deleted or changed."""

AREA_STATUSES: dict[str, Option] = {
    "ny": Option("Ny", "området er tatt inn i innsatsen i denne utgaven", "ny"),
    "videreført": Option("Videreført", "området var med før og er fortsatt med", "viderefort"),
}


def _either(names: Iterable[str]) -> str:
    """«a, b eller c», unquoted, for the descriptions."""
    *first, last = names
    return f"{', '.join(first)} eller {last}" if first else last


STATUS = Obj(
    noun="status",
    label_field="edition",
    description="Status for punktet i én rapporteringsrunde.",
    fields=(
        Field(
            "edition",
            Id(),
            'Id-en til rapporteringsrunden (under editions) statusen gjelder, for eksempel "2026-01".',
            required=True,
        ),
        Field(
            "state",
            Choice(STATES, "tilstand"),
            f"Tilstanden punktet har i denne runden: {_either(STATES)}.",
            required=True,
        ),
        Field(
            "text",
            Text(multiline=True),
            "Statusteksten slik den publiseres. Bruk | og skriv teksten på linjene under; tom linje gir nytt avsnitt.",
            required=True,
        ),
        Field(
            "reopened",
            Flag(),
            "Skriv «reopened: true» når punktet var fullført eller avsluttet i runden før og tas opp igjen med denne statusen (valgfritt). Uten den er en ny status etter fullført eller avsluttet en feil, så et lukket punkt ikke åpnes ved et uhell.",
            open_data=False,
        ),
    ),
)

FOLLOWUP = Obj(
    noun="oppfølgingspunkt",
    label_field="id",
    description="Et nummerert oppfølgingspunkt vedtatt på et seminar, med status per rapporteringsrunde.",
    fields=(
        Field(
            "id",
            Id(file_name=True),
            'Fast og unik id som brukes i sidens adresse, for eksempel "2025-1". Endres ikke etter publisering. Navnene con, prn, aux, nul, com0–com9 og lpt0–lpt9 kan ikke brukes (Windows godtar dem ikke som filnavn).',
            required=True,
            label="id",
            compared=False,
        ),
        Field(
            "seminar",
            Id(),
            "Id-en til seminaret (under seminars) der punktet ble vedtatt.",
            required=True,
            label="seminar",
            compared=False,
        ),
        Field(
            "number",
            Integer(),
            "Punktets nummer innen seminaret: 1, 2, 3 ...",
            required=True,
            label="nummer",
            compared=False,
        ),
        Field(
            "title",
            Text(),
            "Kort tittel som vises i lister og oversikter.",
            required=True,
            label="tittel",
        ),
        Field(
            "description",
            Text(multiline=True),
            "Vedtaksteksten, ordrett. Bruk | og skriv teksten på linjene under.",
            required=True,
            label="vedtak",
        ),
        Field(
            "responsible",
            ListOf(Text(), min_items=1),
            "Hvem som har ansvaret for å følge opp punktet, for eksempel kommunen og politidistriktet, som en liste: [A, B].",
            required=True,
            label="ansvarlig",
        ),
        Field(
            "tags", ListOf(Text()), "Stikkord for søk og filtrering (valgfritt).", label="stikkord"
        ),
        Field(
            "deadline",
            Date(),
            "Frist for punktet, ÅÅÅÅ-MM-DD (valgfritt). Punkt som ikke er fullført eller avsluttet når fristen er passert, merkes som forfalt.",
            label="frist",
        ),
        Field(
            "statuses", ListOf(STATUS), "Status per rapporteringsrunde, eldste først; én per runde."
        ),
    ),
)

EDITION = Obj(
    noun="rapporteringsrunde",
    label_field="id",
    description="En rapporteringsrunde; hver blir en egen versjon av nettstedet.",
    fields=(
        Field(
            "id",
            Id(file_name=True, publishing=True),
            'Id for runden, for eksempel "2026-01". Brukes som versjonsnavn og mappenavn på nettstedet, så «latest», «pr-» med et tall, navnene på nettstedets egne mapper og navnene Windows ikke godtar (con, nul, com1 ...) kan ikke brukes.',
            required=True,
        ),
        Field("title", Text(), "Tittel, for eksempel «Status pr januar 2026».", required=True),
        Field(
            "date",
            Date(),
            "Datoen statusen gjelder fra, ÅÅÅÅ-MM-DD; høyst ett år fram i tid, og ikke før seminarene den rapporterer på.",
            required=True,
        ),
    ),
)

SEMINAR = Obj(
    noun="seminar",
    label_field="id",
    description="Et seminar der politirådet vedtar oppfølgingspunkter.",
    fields=(
        Field("id", Id(), 'Id for seminaret, for eksempel "2025".', required=True),
        Field("title", Text(), "Navnet på seminaret.", required=True),
        Field("date", Date(), "Første dag, ÅÅÅÅ-MM-DD (valgfritt)."),
        Field(
            "end_date",
            Date(),
            "Siste dag hvis seminaret varte flere dager, ÅÅÅÅ-MM-DD (valgfritt).",
        ),
        Field(
            "page",
            Page(),
            "Håndskrevet side i content/ med referat fra seminaret, for eksempel seminar-2026.md (valgfritt). Skriv stien inne i content/, uten content/ foran.",
        ),
    ),
)

COUNCIL = Obj(
    noun="rådet",
    description="Rådet som eier dataene.",
    fields=(
        Field("name", Text(), "Rådets navn, slik det skal stå på nettstedet.", required=True),
        Field("members", ListOf(Text(), min_items=1), "Partene i rådet.", required=True),
    ),
)

FOLLOWUPS_FILE = Obj(
    noun="filen",
    description="Oppfølgingspunkter med status per rapporteringsrunde.",
    fields=(
        Field("council", COUNCIL, "Rådet som eier dataene.", required=True),
        Field(
            "editions",
            ListOf(EDITION, min_items=1),
            "Rapporteringsrundene, eldste først.",
            required=True,
        ),
        Field(
            "seminars",
            ListOf(SEMINAR, min_items=1),
            "Seminarene der punktene ble vedtatt.",
            required=True,
        ),
        Field("followups", ListOf(FOLLOWUP), "Oppfølgingspunktene.", required=True),
    ),
)

UNIT = Obj(
    noun="enhet",
    label_field="id",
    description="En enhet i politidistriktet.",
    fields=(
        Field("id", Id(), "Kort id som områdene viser til, for eksempel vest.", required=True),
        Field("name", Text(), "Navnet som vises, for eksempel «Enhet vest».", required=True),
    ),
)

AREA = Obj(
    noun="område",
    label_field="name",
    description="Et område med innsats i prioriterte områder (IPO).",
    fields=(
        Field("name", Text(), "Områdets navn.", required=True, label="område"),
        Field(
            "unit",
            Id(),
            "Id-en til enheten (under units) som har området.",
            required=True,
            label="enhet",
        ),
        Field(
            "status",
            Choice(AREA_STATUSES, "områdestatus"),
            f"{_either(AREA_STATUSES)}.",
            required=True,
            label="status",
        ),
        Field(
            "since",
            Integer(minimum=1900, maximum=2200),
            "Året innsatsen startet (valgfritt).",
            label="startår",
        ),
    ),
)

IPO_FILE = Obj(
    noun="filen",
    description="Områder med innsats i prioriterte områder (IPO), gruppert etter enhet.",
    fields=(
        Field(
            "edition",
            Id(),
            "Rapporteringsrunden (under editions i followups.yaml) listen gjelder for.",
            required=True,
        ),
        Field("units", ListOf(UNIT, min_items=1), "Enhetene i politidistriktet.", required=True),
        Field("areas", ListOf(AREA), "Områdene.", required=True),
    ),
)
