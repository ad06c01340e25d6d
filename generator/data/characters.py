"""Which characters a data file may not hold, and how to show a value so every character is seen.

The site, its Atom feed and its search must show exactly what the editor
typed. Control characters and direction overrides change what a reader sees;
format characters (zero-width space, soft hyphen, word joiner, a BOM inside
text, ...) are invisible but make two equal-looking names different;
noncharacters and lone surrogates are not characters at all, and XML 1.0
(the feed) refuses them. The loader refuses all of these with their place.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

# Unicode's «Cf» (format) category as of Unicode 14.0 (Python 3.11). Written
# out because computing it takes a scan of every code point at each start;
# tests/unit/data/test_characters.py fails when a newer Python knows more.
FORMAT_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x13438),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
)

BIDI_CONTROLS = frozenset({*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C})
"""Explicit-direction marks and overrides: they reorder what a reader sees
(«Trojan Source»), so they get the same words as control characters."""

NONCHARACTER_RANGES: tuple[tuple[int, int], ...] = (
    (0xFDD0, 0xFDEF),
    *((plane + 0xFFFE, plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)),
)

BLANK = frozenset(
    {
        0x034F,  # combining grapheme joiner
        0x115F,  # Hangul choseong filler
        0x1160,  # Hangul jungseong filler
        0x17B4,  # Khmer vowel inherent aq
        0x17B5,  # Khmer vowel inherent aa
        0x180B,  # Mongolian free variation selectors
        0x180C,
        0x180D,
        0x180F,
        0x2800,  # braille pattern blank
        0x3164,  # Hangul filler
        0xFFA0,  # halfwidth Hangul filler
        *range(0xFE00, 0xFE10),  # variation selectors
        *range(0xE0100, 0xE01F0),  # variation selectors supplement
    }
)
"""Characters that are letters or marks to Unicode but show nothing: a text
made only of these, spaces and format characters is empty to a reader."""


def _class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(
        re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
        for lo, hi in ranges
    )


_CONTROL_CLASS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_FORMAT_CLASS = _class(FORMAT_RANGES)
_NONCHARACTER_CLASS = _class(NONCHARACTER_RANGES)
_SURROGATE_CLASS = "\ud800-\udfff"

UNUSABLE = re.compile(f"[{_CONTROL_CLASS}{_FORMAT_CLASS}{_NONCHARACTER_CLASS}{_SURROGATE_CLASS}]")
"""Every character a value may not hold (tab and line break are fine)."""

FORMAT = re.compile(f"[{_FORMAT_CLASS}]")
_BLANK_TEXT = re.compile(f"[\\s{_FORMAT_CLASS}{_class(tuple((c, c) for c in sorted(BLANK)))}]*")
# Everything that would not show, or would break a line, in a message.
_UNSEEN = re.compile(
    f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_FORMAT_CLASS}{_NONCHARACTER_CLASS}{_SURROGATE_CLASS}]"
)
_NAMED_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}

Kind = Literal["control", "format", "noncharacter", "surrogate"]


_ASCII_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def first_unusable(text: str) -> re.Match[str] | None:
    """The first character of ``text`` that a value may not hold, if any.

    ``str.isprintable`` rules out almost every value in one pass in C; only
    values with a line break, a tab or an unusual space go through the
    regular expression, so a 16 MB text costs a fraction of a second.
    """
    if text.isprintable():
        return None
    if text.isascii():
        return _ASCII_CONTROL.search(text)
    if text.replace("\n", "").replace("\t", "").isprintable():
        return None
    return UNUSABLE.search(text)


def kind(code: int) -> Kind:
    """Why the character ``code`` (one that ``UNUSABLE`` matches) cannot be used."""
    if 0xD800 <= code <= 0xDFFF:
        return "surrogate"
    if code < 0x20 or 0x7F <= code <= 0x9F or code in BIDI_CONTROLS:
        return "control"
    if any(lo <= code <= hi for lo, hi in NONCHARACTER_RANGES):
        return "noncharacter"
    return "format"


def is_blank(text: str) -> bool:
    """True when ``text`` shows nothing: only spaces, format and blank characters."""
    if text.isascii():
        # No format or blank character is ASCII, and the pattern's \s is str.isspace.
        return not text or text.isspace()
    return _BLANK_TEXT.fullmatch(text) is not None


def has_format(text: str) -> bool:
    """Whether ``text`` holds a format character.

    Every format character is unprintable to ``str.isprintable``, so almost
    every value is cleared in C, a multi-line one after its line breaks and
    tabs are taken out; only one with another unprintable character is
    searched with the regular expression.
    """
    if text.isascii() or text.isprintable():
        return False
    if text.replace("\n", "").replace("\t", "").isprintable():
        return False
    return FORMAT.search(text) is not None


def without_format(text: str) -> str:
    """``text`` without format characters (they are reported where they stand)."""
    return FORMAT.sub("", text) if has_format(text) else text


def nfc(text: str) -> str:
    """The composed form of ``text``: «å» as one character, however it was typed."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def visible(text: str) -> str:
    """``text`` with every character that would not show, or would break the line, as a code.

    A line break becomes ``\\n``, a zero-width space ``\\u200b``: quoted in a
    message, a value cannot hide characters, start a new line or smuggle a
    workflow command (``::error``) into a log.
    """
    if text.isprintable() or _UNSEEN.search(text) is None:
        return text
    return _UNSEEN.sub(lambda m: _escape(m.group()), text)


def _escape(char: str) -> str:
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


FORMAT_NAMES = {
    0x00AD: "myk bindestrek",
    0x200B: "mellomrom med null bredde",
    0x200C: "skille med null bredde",
    0x200D: "binder med null bredde",
    0x2060: "ordbinder",
    0xFEFF: "byte order mark (BOM)",
}
"""Norwegian names of the format characters that come with pasted text."""
