"""Recognise personal data in text: identity numbers, e-mail addresses, phone numbers.

Text is scanned as a reader sees it: NFKC-normalised (no-break and thin
spaces are spaces, full-width digits plain ones) and without invisible
format characters (a soft hyphen or zero-width space inside a number hides
nothing). Digits in groups are read with any common separator between them
(space, hyphen or dash, dot), and e-mail addresses also when written
«ola (at) politiet (dot) no» and the like.

Identity numbers are recognised by their structure, not their length: a
fødselsnummer or D-number has a real date and two mod-11 check digits, so
an arbitrary 11-digit number (an account or case number) is not reported.
Phone numbers are eight digits starting 2-9 in the groupings Norwegians use;
what is written like a date, a year or an amount, or next to a word that
says what the number is (kroner, mill., sak, lov, kl.), is left alone.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from generator.data import characters

_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


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


# --- Normalisation: the text as a reader sees it


def normalised(text: str, format_free: bool = False) -> tuple[str, list[int] | None]:
    """``text`` as scanned: NFKC (no-break and thin spaces become spaces,
    full-width digits and «＠» plain ones) without format characters (soft
    hyphen, zero-width space). With a map from each offset in the result to
    the offset in ``text``, or None when the two are the same.
    ``format_free``: the caller knows ``text`` holds no format character."""
    if text.isascii() or (
        unicodedata.is_normalized("NFKC", text) and (format_free or not characters.has_format(text))
    ):
        return text, None
    parts: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if unicodedata.category(char) == "Cf":
            continue
        plain = unicodedata.normalize("NFKC", char)
        parts.append(plain)
        where.extend([index] * len(plain))
    return "".join(parts), where


# --- Numbers: identity numbers and phone numbers

# Digits written in groups: «22 66 90 00», «010190-10046», «01.01.90 10046».
# Separators are spaces (one or two, or a line break), a hyphen or dash, a dot
# or a slash, with spaces around them allowed.
_DASHES = "-\u2010\u2012\u2013\u2014\u2212"
_RUN = re.compile(
    rf"\d+(?:(?:[ \t]{{0,2}}[{_DASHES}./][ \t]{{0,2}}|[ \t]{{1,2}}\n?[ \t]*|\n[ \t]*)\d+)*"
)
_LETTER = re.compile(r"[^\W\d_]")
_GROUP = re.compile(r"\d+")

PHONE_SHAPES = frozenset({(8,), (2, 2, 2, 2), (3, 2, 3), (4, 4), (2, 2, 4), (4, 2, 2), (3, 3, 2)})
"""How Norwegian phone numbers are written: «22669000», «22 66 90 00»,
«922 33 444», «9123 4567», … «12 345 678» (2, 3, 3) is how amounts are."""

# Words that say a number is something else, right before it or right after.
NOT_PHONE_BEFORE = _words(
    "kr nok kroner beløp bevilget bevilgning budsjett tilskudd sak saken saker saksnr "
    "saksnummer saknr arkivsak arkivsaksnr arkivsaksnummer arkivnr journalnr "
    "journalnummer jnr ref referanse referansenr lov loven lovdata lovdata.no "
    "forskrift forskriften § paragraf kontonr kontonummer konto org orgnr org.nr "
    "organisasjonsnummer kl klokka klokken dok dokument dokumentnr dokumentnummer vedtak "
    "vedtaksnr isbn issn postnr postnummer postboks"
)
NOT_PHONE_AFTER = _words(
    "kr nok kroner mill millioner million mrd milliarder milliard euro eur usd dollar "
    "prosent % personer innbyggere ansatte kvm m2 km timer stk"
)
NOT_ID_BEFORE = _words("kontonr kontonummer konto org orgnr org.nr organisasjonsnummer")
_WORD = re.compile(r"[\w§%.]+|[§%]")


def _words_before(text: str, start: int, count: int = 2) -> list[str]:
    return [w.strip(".").casefold() or w for w in _WORD.findall(text[max(0, start - 40) : start])][
        -count:
    ]


def _words_after(text: str, end: int) -> list[str]:
    following = text[end : end + 20]
    if re.match(r",\s*-|,\d", following):
        return ["kr"]  # «25 000 000,-» and decimals are amounts
    return [w.strip(".").casefold() or w for w in _WORD.findall(following)][:1]


def _year(digits: str) -> bool:
    return len(digits) == 4 and 1900 <= int(digits) <= 2099


def _shaped_like_something_else(groups: list[str]) -> bool:
    """Eight digits written as a date (a real one or not: 2026-02-30, 2026-13-01)
    or as years rather than as a phone number: 20230616, 16.06.2023, 2024 2025."""
    lengths = tuple(len(g) for g in groups)
    if lengths == (8,):
        digits = groups[0]
        return _year(digits[:4]) or (_year(digits[4:]) and int(digits[:2]) <= 31)
    if lengths == (4, 2, 2) and _day_and_month(groups[2], groups[1], groups[0]):
        return True
    if lengths == (2, 2, 4) and _day_and_month(groups[0], groups[1], groups[2]):
        return True
    if lengths in ((4, 4), (4, 2, 2)):
        return _year(groups[0]) or _year(groups[-1])
    if lengths == (2, 2, 4):
        return _year(groups[2])
    return False


def _day_and_month(day: str, month: str, year: str) -> bool:
    """A date in any year the data files accept (1900-2200), such as a far deadline:
    grouped this way, with a real day and month, it is not read as a phone number."""
    return 1900 <= int(year) <= 2200 and 1 <= int(month) <= 12 and 1 <= int(day) <= 31


def _separator(text: str) -> str:
    """A separator's kind: «space», a dash, «.» or «/»."""
    stripped = text.strip()
    if not stripped:
        return "space"
    return "-" if stripped in _DASHES else stripped


@dataclass(frozen=True)
class _Window:
    start: int
    end: int
    groups: list[str]
    separators: list[str]


def _windows(text: str, match: re.Match[str]) -> Iterator[_Window]:
    """The runs of groups in a written number that could be one value: the
    whole, and every part that starts or ends where the number does."""
    spans = [
        (m.start() + match.start(), m.end() + match.start()) for m in _GROUP.finditer(match[0])
    ]
    count = len(spans)
    seen = set()
    for first, last in (
        [(0, count - 1)]
        + [(0, j) for j in range(count - 1)]
        + [(i, count - 1) for i in range(1, count)]
    ):
        if (first, last) in seen:
            continue
        seen.add((first, last))
        groups = [text[a:b] for a, b in spans[first : last + 1]]
        separators = [_separator(text[spans[i][1] : spans[i + 1][0]]) for i in range(first, last)]
        yield _Window(spans[first][0], spans[last][1], groups, separators)


def _country_code(text: str, window: _Window) -> _Window | None:
    """The same number without «+47 » or «0047 » in front, if it has one; it
    starts at the «+», which is part of what was written."""
    before = text[max(0, window.start - 2) : window.start]
    plus = before.rstrip(" ").endswith("+")
    start = window.start - (len(before) - before.rindex("+")) if plus else window.start
    groups, separators = window.groups, window.separators
    if (groups[0] == "0047" or (groups[0] == "47" and plus)) and len(groups) > 1:
        return _Window(start, window.end, groups[1:], separators[1:])
    digits = groups[0]
    if len(digits) > 8 and ((digits.startswith("47") and plus) or digits.startswith("0047")):
        rest = digits[2:] if digits.startswith("47") else digits[4:]
        return _Window(start, window.end, [rest, *groups[1:]], separators)
    return None


def _phone(text: str, window: _Window) -> _Window | None:
    """The phone number ``window`` is, as written (with its «+47»), if it is one."""
    international = _country_code(text, window)
    body = international or window
    digits = "".join(body.groups)
    if len(digits) != 8 or digits[0] in "01":
        return None
    if len(set(body.separators)) > 1 or "/" in body.separators:
        return None  # «20.00-22.00» is a time, «2023/1234» a case
    if international is not None:
        return international  # «+47» says what it is
    if tuple(len(g) for g in body.groups) not in PHONE_SHAPES:
        return None
    if _shaped_like_something_else(body.groups):
        return None
    if NOT_PHONE_BEFORE & set(_words_before(text, window.start)):
        return None
    before = text[max(0, window.start - 4) : window.start].casefold()
    if re.search(r"(\d[.,]|[$€£§])\s*$", before) or before.endswith("for-"):
        return None  # a decimal, an amount, a law or a regulation (FOR-2021-…)
    if NOT_PHONE_AFTER & set(_words_after(text, window.end)):
        return None
    return window


def _identity_number(text: str, window: _Window) -> str | None:
    digits = "".join(window.groups)
    if len(digits) != 11:
        return None
    lengths = tuple(len(g) for g in window.groups)
    if lengths in ((4, 2, 5), (4, 7)):
        return None  # how account numbers are written: 1234.56.78901
    if NOT_ID_BEFORE & set(_words_before(text, window.start)):
        return None
    if re.match(r"[.,]\d", text[window.end : window.end + 2]) or re.search(
        r"\d[.,]$", text[max(0, window.start - 2) : window.start]
    ):
        return None  # a decimal number: 12345678901,50
    return identity_number_kind(digits)


# --- E-mail addresses, also written «ola (at) politiet (dot) no»

_AT_WORDS = "at|a|alfakrøll|krøllalfa|krøll-alfa|snabel-a"
_DOT_WORDS = "dot|punkt|punktum|prikk"
_AT = rf"(?:\s*@\s*|\s*[(\[{{<]\s*(?:{_AT_WORDS})\s*[)\]}}>]\s*|(?P<word>\s+at\s+))"
_DOT = rf"(?:\.|\s*[(\[{{<]\s*(?:{_DOT_WORDS})\s*[)\]}}>]\s*|\s+dot\s+)"
_EMAIL = re.compile(
    rf"(?<![\w.+-])(?P<local>[\w+-]+(?:{_DOT}[\w+-]+)*){_AT}"
    rf"(?P<domain>[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[a-z]{{2,24}})(?![\w-])",
    re.IGNORECASE,
)
_DOT_ONLY = re.compile(_DOT, re.IGNORECASE)
# Where an address can be: its «@» or a word for it. The whole pattern is
# tried only around these, since trying it at every word is slow on a big file.
_AT_MARK = re.compile(rf"@|[(\[{{<]\s*(?:{_AT_WORDS})\s*[)\]}}>]|\sat\s", re.IGNORECASE)
_REACH = 256
"""How far from its «@» an address is looked for: longer ones are not addresses."""
_DOMAIN_NEXT = re.compile(rf"\s*[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[a-z]{{2,24}}(?![\w-])", re.IGNORECASE)

NOT_LOCAL_PART = _words(
    "mener vet viktig sier sa kjent sikre slik så om for er ble var enige enig vedtatt "
    "besluttet foreslår foreslo påpeker påpekte tror trodde mente opplyser opplyste viser "
    "vise ønsker ønsket krever krevde bekrefter bekreftet klart tydelig nødvendig behov "
    "gjør gjorde syntes synes håper håpet forventer forventet"
)
"""Words after which «at» is the Norwegian conjunction, not an address's «at»."""


def _email(match: re.Match[str]) -> bool:
    return not (match["word"] and match["local"].casefold() in NOT_LOCAL_PART)


_DOT_LETTER = re.compile(r"\.[a-z]", re.IGNORECASE)
_BRACKETS = "([{<"


def _may_hold_address(text: str) -> bool:
    """False when ``text`` cannot hold an address: a check in C instead of looking
    for «@» and its words at every word of the text.

    Every address ends in a «dot» and a letter (``_DOMAIN_NEXT``): a «.» right
    before a letter, a word for «dot» in brackets, or «dot» between spaces.
    Prose has its full stops before a space or a line break.
    """
    return (
        _DOT_LETTER.search(text) is not None
        or any(bracket in text for bracket in _BRACKETS)
        or "dot" in text.lower()
    )


def _emails(text: str) -> Iterator[re.Match[str]]:
    """Every address in ``text``: the pattern, tried around each «@» or word for it."""
    if not _may_hold_address(text):
        return
    end = 0
    for mark in _AT_MARK.finditer(text):
        if mark.start() < end or _DOMAIN_NEXT.match(text, mark.end()) is None:
            continue
        start = max(end, mark.start() - _REACH)
        for match in _EMAIL.finditer(text, start, min(len(text), mark.end() + _REACH)):
            if match.start() <= mark.start() < match.end():
                end = match.end()
                yield match
                break


def email_form(value: str) -> str | None:
    """``value`` as a plain, lower-case address if it is one, however written."""
    text, _ = normalised(value.strip())
    match = _EMAIL.fullmatch(text)
    if match is None:
        return None
    local = _DOT_ONLY.sub(".", match["local"])
    domain = _DOT_ONLY.sub(".", match["domain"])
    return f"{local}@{domain}".casefold()


# --- Scanning

_ASCII_DIGITS = b"0123456789"
_FEWEST_DIGITS = 8
"""A phone number has eight digits, an identity number eleven."""


def _too_few_digits(text: str) -> bool:
    """True when ``text`` holds too few digits for a number worth finding.

    Most texts hold a year or two at most, and counting in C is far cheaper
    than the regular expression that reads numbers. ``\\d`` also matches
    digits of other scripts; in a text that Latin-1 can encode there are
    none, and any other text is read in full. The digits are counted in
    one pass over the encoded bytes, by what deleting them takes away.
    """
    try:
        encoded = text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return len(encoded) - len(encoded.translate(None, _ASCII_DIGITS)) < _FEWEST_DIGITS


def scan(text: str, format_free: bool = False) -> Iterator[Finding]:
    """Every identity number, e-mail address and phone number in ``text``, as
    written there (invisible characters included), with its offset in ``text``.
    ``format_free``: the caller knows ``text`` holds no format character (the
    loader has looked), so it is not searched for them again."""
    plain, where = normalised(text, format_free)

    def found(start: int, end: int, kind: str) -> Finding:
        if where is None:
            return Finding(text[start:end], start, kind)
        first, last = where[start], where[end - 1] + 1
        return Finding(text[first:last], first, kind)

    taken: list[tuple[int, int]] = []
    for match in _emails(plain):
        if _email(match):
            taken.append(match.span())
            yield found(match.start(), match.end(), "e-postadresse")
    if _too_few_digits(plain):
        return
    for run in _RUN.finditer(plain):
        if len(run[0]) < 8 or any(a < run.end() and run.start() < b for a, b in taken):
            continue  # too short to hold a number worth finding, or in an address
        if _LETTER.match(plain, max(0, run.start() - 1)) or _LETTER.match(plain, run.end()):
            continue  # part of a word or code («A22669000»)
        used: list[tuple[int, int]] = []
        for window in _windows(plain, run):
            if any(a < window.end and window.start < b for a, b in used):
                continue
            kind = _identity_number(plain, window)
            if kind is not None:
                used.append((window.start, window.end))
                yield found(window.start, window.end, kind)
                continue
            phone = _phone(plain, window)
            if phone is not None:
                used.append((phone.start, phone.end))
                yield found(phone.start, phone.end, "telefonnummer")


def normalise(value: str) -> str:
    """The form two spellings of one value share: «+47 22 66 90 00» = «22669000»,
    «Ola (at) Politiet.no» = «ola@politiet.no»."""
    address = email_form(value)
    if address is not None:
        return address
    text, _ = normalised(value.strip())
    digits = "".join(c for c in text if c.isdigit())
    if len(digits) == 10 and digits.startswith("47") and text.startswith("+"):
        digits = digits[2:]
    elif len(digits) == 12 and digits.startswith("0047"):
        digits = digits[4:]
    return digits or text
