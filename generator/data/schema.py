"""The shape of the data files, declared once.

The validator walks these declarations and ``json_schema.py`` turns them into
the JSON Schemas that editors use, so the two cannot drift apart; each kind
of value (``kinds.py``) owns its check and its part of the JSON Schema. Every
field carries the Norwegian description that editors show on hover, and the
label readers know it by; the model, the open data, the change summary and
the edit commands take their field lists from here (``fields_of``).
"""

from __future__ import annotations

from collections.abc import Iterable

from generator import words
from generator.data.kinds import (
    ID_MAX_LENGTH,
    ID_PATTERN,
    MAX_YEAR,
    MIN_YEAR,
    PAGE_PATTERN,
    PREVIEW_PATTERN,
    PUBLISHING_RESERVED,
    WINDOWS_RESERVED,
    Choice,
    Date,
    Field,
    Flag,
    Id,
    Integer,
    Kind,
    ListOf,
    Obj,
    Option,
    Page,
    Scalar,
    Text,
    Use,
    fields_of,
)

__all__ = [
    "ID_MAX_LENGTH",
    "ID_PATTERN",
    "MAX_YEAR",
    "MIN_YEAR",
    "PAGE_PATTERN",
    "PREVIEW_PATTERN",
    "PUBLISHING_RESERVED",
    "WINDOWS_RESERVED",
    "Choice",
    "Date",
    "Field",
    "Flag",
    "Id",
    "Integer",
    "Kind",
    "ListOf",
    "Obj",
    "Option",
    "Page",
    "Scalar",
    "Text",
    "Use",
    "fields_of",
]

EDITION_LEAD_DAYS = 366
"""An edition may be dated at most this many days after today: a round is
dated when its statuses apply, and further ahead is a typo."""


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


LANGUAGES: dict[str, Option] = {
    code: Option(name.capitalize(), f"nettstedets egne ord på {name}", code)
    for code, name in words.languages().items()
}
"""The reader's languages: one for each catalogue in generator/words."""


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
        Field(
            "language",
            Choice(LANGUAGES, "språk"),
            f"Språket nettstedet skrives på: {_either(LANGUAGES)} (valgfritt; standard er "
            f"{words.DEFAULT}). Dataene vises slik de er skrevet.",
        ),
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

PRIVACY_EXCEPTION = Obj(
    noun="unntak",
    label_field="value",
    description="En verdi som ser ut som en personopplysning, men som skal publiseres.",
    fields=(
        Field(
            "value",
            Text(),
            "Verdien nøyaktig slik den står i datafilen, for eksempel «22 66 90 00».",
            required=True,
        ),
        Field(
            "reason",
            Text(),
            "Hvorfor verdien kan publiseres, for eksempel «sentralbordet til politiet, "
            "et offentlig nummer».",
            required=True,
        ),
    ),
)

PRIVACY_FILE = Obj(
    noun="filen",
    description="Verdier som ser ut som personopplysninger, men som er offentlige.",
    fields=(
        Field("exceptions", ListOf(PRIVACY_EXCEPTION), "Unntakene, ett per verdi.", required=True),
    ),
)
