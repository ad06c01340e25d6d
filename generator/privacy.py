"""Stop personal data from being published: identity numbers, e-mail addresses, phone numbers.

The data files arrive through pull requests and end up on a public site, so
every text is scanned before anything is rendered. A hit is an error with
its place and the reason, unless the exact value is listed, with a reason,
in the exceptions file (``privacy_exceptions.yaml`` next to the data files).

Identity numbers are recognised by their structure, not their length: a
fødselsnummer or D-number has a real date and two mod-11 check digits, so
an arbitrary 11-digit number (an account or case number) is not reported.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import schema as s
from .load import Mapping, Node, Scalar, Sequence, load
from .problems import DataError, Position, Problem
from .validate import Record, check_file

EXCEPTIONS_FILE = "privacy_exceptions.yaml"

EXCEPTION = s.Obj(
    noun="unntak",
    label_field="value",
    description="En verdi som ser ut som en personopplysning, men som skal publiseres.",
    fields=(
        s.Field(
            "value",
            s.Text(),
            "Verdien nøyaktig slik den står i datafilen, for eksempel «22 66 90 00».",
            required=True,
        ),
        s.Field(
            "reason",
            s.Text(),
            "Hvorfor verdien kan publiseres, for eksempel «sentralbordet til politiet, "
            "et offentlig nummer».",
            required=True,
        ),
    ),
)

EXCEPTIONS = s.Obj(
    noun="filen",
    description="Verdier som ser ut som personopplysninger, men som er offentlige.",
    fields=(
        s.Field("exceptions", s.ListOf(EXCEPTION), "Unntakene, ett per verdi.", required=True),
    ),
)

# Eleven digits, optionally written 6 + 5 with a space, not part of a longer number.
# A comma or full stop after it ends a clause; before a digit it is a decimal mark.
_ID_NUMBER = re.compile(r"(?<![\d.,])(\d{6}) ?(\d{5})(?!\d|[.,]\d)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}(?![\w-])", re.UNICODE)
# Norwegian numbers: eight digits starting 2-9, written together or grouped the
# ways people write phone numbers (22 22 22 22, 222 22 222, with +47 or 0047
# in front, where 2222 2222 is also accepted). 12 345 678 is how an amount is
# written, so that grouping is left alone.
_PHONE = re.compile(
    r"(?<![\d+])(?:(?:\+|00)47[ -]?(?:[2-9]\d{3} ?\d{4}|[2-9]\d(?: ?\d\d){3}|[2-9]\d\d ?\d\d ?\d{3})"
    r"|[2-9]\d(?: \d\d){3}|[2-9]\d\d \d\d \d{3}|[2-9]\d{7})(?![\d])"
)

_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


@dataclass(frozen=True)
class Finding:
    """Something in a text that looks like personal data."""

    value: str
    """As written in the text."""
    start: int
    """Offset in the text."""
    kind: str
    """What it is, in Norwegian, for the message."""


def _check_digit(digits: str, weights: tuple[int, ...]) -> int | None:
    remainder = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    digit = (11 - remainder) % 11
    return None if digit == 10 else digit


def _birth_years(year: int, individual: int) -> list[int]:
    """The full year(s) a two-digit year can be, given the individual number."""
    if individual <= 499:
        return [1900 + year]
    if individual <= 749 and year >= 54:
        return [1800 + year]
    if individual >= 900 and year >= 40:
        return [1900 + year]
    if year <= 39:
        return [2000 + year]
    return [1900 + year, 2000 + year]  # outside the rules: accept either century


def identity_number_kind(digits: str) -> str | None:
    """«fødselsnummer», «D-nummer» or None, for eleven digits.

    Both check digits must be right and the first six digits a real date;
    a D-number adds 4 to the first digit of the day.
    """
    if len(digits) != 11 or not digits.isdigit():
        return None
    if _check_digit(digits[:9], _WEIGHTS_1) != int(digits[9]):
        return None
    if _check_digit(digits[:10], _WEIGHTS_2) != int(digits[10]):
        return None
    day, month, year = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    kind = "fødselsnummer"
    if day > 40:
        day -= 40
        kind = "D-nummer"
    if not 1 <= month <= 12 or day < 1:
        return None
    years = _birth_years(year, int(digits[6:9]))
    if not any(day <= calendar.monthrange(y, month)[1] for y in years):
        return None
    return kind


def scan(text: str) -> Iterator[Finding]:
    """Every identity number, e-mail address and phone number in ``text``."""
    taken: list[tuple[int, int]] = []
    for match in _ID_NUMBER.finditer(text):
        kind = identity_number_kind(match[1] + match[2])
        if kind is not None:
            taken.append(match.span())
            yield Finding(match[0], match.start(), kind)
    for match in _EMAIL.finditer(text):
        taken.append(match.span())
        yield Finding(match[0], match.start(), "e-postadresse")
    for match in _PHONE.finditer(text):
        if not any(a < match.end() and match.start() < b for a, b in taken):
            yield Finding(match[0], match.start(), "telefonnummer")


def normalise(value: str) -> str:
    """The form two spellings of one value share: «+47 22 66 90 00» = «22669000»."""
    if "@" in value:
        return value.strip().lower()
    digits = "".join(c for c in value if c.isdigit())
    if len(digits) == 10 and digits.startswith("47") and value.strip().startswith("+"):
        digits = digits[2:]
    elif len(digits) == 12 and digits.startswith("0047"):
        digits = digits[4:]
    return digits or value.strip()


def _scalars(node: Node) -> Iterator[Scalar]:
    if isinstance(node, Scalar):
        yield node
    elif isinstance(node, Sequence):
        for item in node.items:
            yield from _scalars(item)
    elif isinstance(node, Mapping):
        for _, value in node.items:
            yield from _scalars(value)


def _position(scalar: Scalar, lines: list[str], found: str) -> Position:
    """Where ``found`` is written: searched from the value's first line, so
    block text (``|``) and quoted text point at the right line and column."""
    start = scalar.pos
    for index in range(
        start.line - 1, min(len(lines), start.line - 1 + scalar.value.count("\n") + 2)
    ):
        offset = start.column - 1 if index == start.line - 1 else 0
        column = lines[index].find(found, offset)
        if column >= 0:
            return Position(start.file, index + 1, column + 1)
    return start


ARTICLES = {"fødselsnummer": "et", "D-nummer": "et", "e-postadresse": "en", "telefonnummer": "et"}

REASONS = {
    "fødselsnummer": (
        "Det har gyldig dato og begge kontrollsifrene stemmer, så det er trolig et ekte "
        "fødselsnummer."
    ),
    "D-nummer": (
        "Det har gyldig dato og begge kontrollsifrene stemmer, så det er trolig et ekte D-nummer."
    ),
    "e-postadresse": "En e-postadresse kan peke ut en person.",
    "telefonnummer": "Et telefonnummer kan peke ut en person.",
}


def check(node: Node, source: str, allowed: set[str]) -> tuple[list[Problem], set[str]]:
    """Problems for every finding in the tree's values not in ``allowed``
    (normalised values), and the allowed values that were used."""
    lines = source.splitlines()
    problems: list[Problem] = []
    used: set[str] = set()
    for scalar in _scalars(node):
        for finding in scan(scalar.value):
            key = normalise(finding.value)
            if key in allowed:
                used.add(key)
                continue
            problems.append(
                Problem(
                    _position(scalar, lines, finding.value),
                    f"«{finding.value}» ser ut som {ARTICLES[finding.kind]} {finding.kind}. "
                    f"{REASONS[finding.kind]} "
                    "Personopplysninger skal ikke publiseres: fjern det fra teksten. Er det "
                    f"offentlig og skal stå, før det opp i {EXCEPTIONS_FILE} med «value» "
                    "(verdien) og «reason» (begrunnelsen).",
                )
            )
    return problems, used


@dataclass(frozen=True)
class Exceptions:
    """The allowed values (normalised) and where each was listed."""

    values: dict[str, Position]


def load_exceptions(path: Path, name: str) -> tuple[Exceptions, list[Problem]]:
    """Read the exceptions file if there is one; a missing file allows nothing."""
    if not path.exists():
        return Exceptions({}), []
    try:
        node = load(path, name)
    except DataError as exc:
        return Exceptions({}), exc.problems
    record, problems = check_file(node, EXCEPTIONS)
    values: dict[str, Position] = {}
    if isinstance(record, Record):
        for item in record.get("exceptions") or []:
            value = item.get("value") if isinstance(item, Record) else None
            if isinstance(value, str) and isinstance(item.get("reason"), str):
                values[normalise(value)] = item.at("value")
    return Exceptions(values), problems


def unused(exceptions: Exceptions, used: set[str]) -> list[Problem]:
    """A warning for each listed value that no text contains any more."""
    return [
        Problem(
            pos,
            "denne verdien finnes ikke lenger i datafilene. Slett unntaket, så det ikke "
            "tillater verdien hvis den dukker opp igjen et annet sted.",
            "warning",
        )
        for key, pos in sorted(exceptions.values.items(), key=lambda kv: kv[1])
        if key not in used
    ]


def check_documents(
    documents: list[tuple[Node, str]], exceptions_path: Path, exceptions_name: str
) -> list[Problem]:
    """Scan every value of the data files already read: (node tree, source
    text) pairs. Files that could not be read are not among them: the loader
    has already reported why."""
    exceptions, problems = load_exceptions(exceptions_path, exceptions_name)
    used: set[str] = set()
    for node, source in documents:
        found, hits = check(node, source, set(exceptions.values))
        problems += found
        used |= hits
    return problems + unused(exceptions, used)
