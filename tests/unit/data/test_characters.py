"""The character tables the loader refuses by, checked against Python's own Unicode data."""

from __future__ import annotations

import sys
import unicodedata

from generator.data import characters


def test_the_format_table_is_unicodes_cf_category() -> None:
    """Fails after a Python upgrade brings a newer Unicode: update FORMAT_RANGES from this."""
    expected: list[tuple[int, int]] = []
    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code)) == "Cf":
            if expected and expected[-1][1] == code - 1:
                expected[-1] = (expected[-1][0], code)
            else:
                expected.append((code, code))
    assert list(characters.FORMAT_RANGES) == expected, (unicodedata.unidata_version, expected)


def test_every_unusable_character_is_named_and_shown() -> None:
    for code in (0x07, 0x85, 0x202E, 0x200B, 0xAD, 0xFEFF, 0xFFFE, 0x10FFFF, 0xFDD0, 0xD800):
        char = chr(code)
        assert characters.UNUSABLE.fullmatch(char), hex(code)
        assert characters.first_unusable(f"a\n{char}b") is not None, hex(code)
        assert char not in characters.visible(f"x{char}y"), hex(code)
    for fine in ("\n", "\t", "\u00a0", "æøå", "😀", "\ue000"):
        assert characters.first_unusable(f"a{fine}b") is None, repr(fine)
    assert characters.visible("a\n::error\u2028") == "a\\n::error\\u2028"


def test_blank_means_nothing_a_reader_can_see() -> None:
    for blank in ("", " ", "\u200b", "\u2800", "\u3164 \u115f\u1160", "\ufe0f", "\u00a0\u3000"):
        assert characters.is_blank(blank), repr(blank)
    for text in ("a", "\u2800a", "-", "😀"):
        assert not characters.is_blank(text), repr(text)
    # An ASCII text is judged without the regular expression: the same answer.
    for code in range(128):
        for text in (chr(code), f" {chr(code)}\n", chr(code) * 3):
            expected = characters._BLANK_TEXT.fullmatch(text) is not None
            assert characters.is_blank(text) == expected, repr(text)


def test_has_format_finds_every_format_character_in_any_text() -> None:
    """``has_format`` clears most texts with ``str.isprintable``: that holds only
    while no format character is printable."""
    for lo, hi in characters.FORMAT_RANGES:
        for code in range(lo, hi + 1):
            char = chr(code)
            assert not char.isprintable(), hex(code)
            for text in (f"æ{char}", f"æ\n{char}\t", f"a{char}"):
                assert characters.has_format(text), (hex(code), text)
                assert characters.without_format(text) == text.replace(char, "")
    for clean in ("", "abc", "æøå\nlinje\tto", "😀\u00a0", "a\x07b"):
        assert not characters.has_format(clean), repr(clean)
        assert characters.without_format(clean) == clean


def test_normalising_to_nfc_never_makes_a_format_character() -> None:
    """The loader looks for format characters before it normalises a value to
    NFC (``Scalar.clean``), and nothing looks again after: so NFC must never
    turn text without one into text with one."""
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue  # surrogates are not characters
        char = chr(code)
        if characters.has_format(char):
            # Never the result of composing others: it decomposes to itself.
            assert unicodedata.normalize("NFD", char) == char, hex(code)
        else:
            assert not characters.has_format(unicodedata.normalize("NFC", char)), hex(code)
