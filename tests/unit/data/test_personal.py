"""generator/data/personal.py: what is recognised as personal data, and what is not."""

from __future__ import annotations

import re

import pytest

from generator.data import personal
from generator.data.personal import Finding

WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _with_check_digits(nine: str) -> str:
    """The eleven digits with both mod-11 check digits, computed here independently."""
    digits = nine
    for weights in (WEIGHTS_1, WEIGHTS_2):
        digit = (11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11) % 11
        assert digit != 10, f"{nine} has no valid check digit"
        digits += str(digit)
    return digits


def _scan(text: str) -> list[tuple[str, int, str]]:
    return [(f.value, f.start, f.kind) for f in personal.scan(text)]


# --- identity numbers


@pytest.mark.parametrize(
    "nine,kind",
    [
        ("010190124", "fødselsnummer"),  # 1 January 1990
        ("150588124", "fødselsnummer"),
        ("410190123", "D-nummer"),  # day + 40
        ("290200500", "fødselsnummer"),  # 29 February 2000: individual 500-999, a leap year
    ],
)
def test_an_identity_number_with_right_check_digits_and_a_real_date_is_recognised(
    nine: str, kind: str
) -> None:
    digits = _with_check_digits(nine)
    assert digits[:9] == nine
    assert personal.identity_number_kind(digits) == kind


def test_the_known_examples_have_the_expected_check_digits() -> None:
    # Guards the helper above against an error shared with the module.
    assert _with_check_digits("010190124") == "01019012480"
    assert _with_check_digits("410190123") == "41019012393"


@pytest.mark.parametrize(
    "digits",
    [
        "01019012481",  # second check digit wrong
        "01019012470",  # first check digit wrong
        "0101901248",  # ten digits
        "010190124800",  # twelve digits
        "0101901248a",  # not all digits
    ],
)
def test_wrong_check_digits_or_length_are_not_an_identity_number(digits: str) -> None:
    assert personal.identity_number_kind(digits) is None


@pytest.mark.parametrize(
    "nine",
    [
        "290200123",  # 29 February 1900: individual 000-499 means 1900, not a leap year
        "310490123",  # 31 April
        "011390124",  # month 13
        "001090125",  # day 0
    ],
)
def test_right_check_digits_on_a_date_that_does_not_exist_are_not_an_identity_number(
    nine: str,
) -> None:
    assert personal.identity_number_kind(_with_check_digits(nine)) is None


def test_an_identity_number_is_found_in_text_however_it_is_grouped() -> None:
    assert _scan("fnr 01019012480 her") == [("01019012480", 4, "fødselsnummer")]
    assert _scan("fnr 010190 12480") == [("010190 12480", 4, "fødselsnummer")]
    assert _scan("fnr 01.01.90 12480") == [("01.01.90 12480", 4, "fødselsnummer")]
    assert _scan("D-nr. 41019012393.") == [("41019012393", 6, "D-nummer")]


@pytest.mark.parametrize(
    "text",
    [
        "saksnummer 01019012481",  # eleven digits, wrong check digits: a case number
        "kontonr 01019012480",  # named as an account number
        "konto 0101.90.12480",  # written as account numbers are (4.2.5)
        "verdi 01019012480,50",  # a decimal number
    ],
)
def test_eleven_digits_that_are_something_else_are_left_alone(text: str) -> None:
    assert _scan(text) == []


# --- phone numbers


@pytest.mark.parametrize(
    "text,value,start",
    [
        ("Ring 22 66 90 00 i dag", "22 66 90 00", 5),
        ("tlf 22669000", "22669000", 4),
        ("mobil 922 33 444", "922 33 444", 6),
        ("mobil 9123 4567", "9123 4567", 6),
        ("mobil 912-34-567", None, None),  # (3, 2, 3) with dashes is still a phone number
        ("Ring +47 922 33 444", "+47 922 33 444", 5),
        ("ring 0047 22 66 90 00", "0047 22 66 90 00", 5),
    ],
)
def test_a_phone_number_is_found_in_the_groupings_norwegians_use(
    text: str, value: str | None, start: int | None
) -> None:
    if value is None:
        value = text.split(" ", 1)[1]
        start = text.index(value)
    assert _scan(text) == [(value, start, "telefonnummer")]


def test_two_phone_numbers_are_two_findings() -> None:
    assert _scan("22669000 eller 92233444") == [
        ("22669000", 0, "telefonnummer"),
        ("92233444", 15, "telefonnummer"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "kostet 22 66 90 00 kroner",  # an amount (word after)
        "kr 22669000",  # an amount (word before)
        "sak 22669000",  # a case number
        "lov 22669000",
        "kl. 20.00-22.00",  # a time span
        "dato 20230616",  # a date
        "16.06.2023 var møtet",
        "2024 2025",  # two years
        "12 345 678",  # grouped as an amount
        "beløp 25 000 000,-",
        "12669000",  # starts with 1
        "02669000",  # starts with 0
        "2266900",  # seven digits
        "A22669000",  # part of a code
        "2023/12345",  # a case reference with a slash
        "org.nr 923 609 016",
    ],
)
def test_numbers_that_are_not_phone_numbers_are_left_alone(text: str) -> None:
    assert _scan(text) == []


def test_invisible_and_wide_characters_hide_nothing_and_the_finding_is_as_written() -> None:
    # A zero-width space inside, no-break spaces between the groups, full-width digits.
    assert _scan("ring 22\u200b66 90 00") == [("22\u200b66 90 00", 5, "telefonnummer")]
    assert _scan("ring 22\u00a066\u00a090\u00a000") == [
        ("22\u00a066\u00a090\u00a000", 5, "telefonnummer")
    ]
    assert _scan("ring ２２６６９０００") == [("２２６６９０００", 5, "telefonnummer")]


# --- e-mail addresses


@pytest.mark.parametrize(
    "text,value",
    [
        ("e-post ola.nordmann@politiet.no i dag", "ola.nordmann@politiet.no"),
        ("OLA@Politiet.NO", "OLA@Politiet.NO"),
        ("skriv til ola (at) politiet (dot) no.", "ola (at) politiet (dot) no"),
        ("ola(a)politiet[punkt]no", "ola(a)politiet[punkt]no"),
        ("ola krøllalfa politiet.no", None),  # a word alone is not an «at»
    ],
)
def test_an_email_address_is_found_however_it_is_written(text: str, value: str | None) -> None:
    found = _scan(text)
    if value is None:
        assert found == []
    else:
        assert found == [(value, text.index(value), "e-postadresse")]


def test_at_after_a_verb_is_the_conjunction_not_an_address() -> None:
    assert _scan("vi mener at politiet.no bør oppdateres") == []
    assert _scan("ola at politiet.no") == [("ola at politiet.no", 0, "e-postadresse")]


def test_only_texts_that_cannot_end_an_address_skip_the_search_for_one() -> None:
    """Every address ends in a dot and a letter: prose, whose full stops come
    before a space, is not searched; each way of writing the dot is."""
    assert not personal._may_hold_address("Saken er behandlet. Ola sier at det er viktig.\n")
    for text in ("ola@politiet.no", "ola (at) politiet (dot) no", "ola at politiet DOT no"):
        assert personal._may_hold_address(text)
    assert _scan("ola at politiet DOT no") == [("ola at politiet DOT no", 0, "e-postadresse")]


def test_digits_inside_an_address_are_not_also_a_phone_number() -> None:
    assert _scan("22669000@politiet.no") == [("22669000@politiet.no", 0, "e-postadresse")]


@pytest.mark.parametrize(
    "value,address",
    [
        ("Ola (at) Politiet.no", "ola@politiet.no"),
        ("  ola@POLITIET.no ", "ola@politiet.no"),
        ("ola [at] politiet [dot] no", "ola@politiet.no"),
        ("ola@politiet", None),  # no top-level domain
        ("22 66 90 00", None),
    ],
)
def test_email_form_is_the_plain_lower_case_address(value: str, address: str | None) -> None:
    assert personal.email_form(value) == address


# --- normalisation


@pytest.mark.parametrize(
    "value,same",
    [
        ("+47 22 66 90 00", "22669000"),
        ("0047 22669000", "22669000"),
        ("+4722669000", "22669000"),
        ("4722669000", "4722669000"),  # «47» without «+» is not a country code
        ("22 66 90 00", "22669000"),
        ("Ola (at) Politiet.no", "ola@politiet.no"),
        ("  ingen tall  ", "ingen tall"),
    ],
)
def test_normalise_gives_two_spellings_of_one_value_the_same_form(value: str, same: str) -> None:
    assert personal.normalise(value) == same


def test_normalised_maps_each_offset_back_to_the_text() -> None:
    assert personal.normalised("plain ascii") == ("plain ascii", None)
    text, where = personal.normalised("a\u00adb\u00a0c")
    assert text == "ab c"
    assert where == [0, 2, 3, 4]


def test_a_finding_is_a_frozen_value() -> None:
    finding = Finding("22669000", 0, "telefonnummer")
    assert finding == Finding("22669000", 0, "telefonnummer")
    with pytest.raises(AttributeError):
        finding.value = "x"  # type: ignore[misc]


def test_the_digit_count_skips_only_texts_that_cannot_hold_a_number() -> None:
    """``scan`` skips reading numbers in a Latin-1 text with fewer than eight
    digits: no other character there is a digit to the regular expression."""
    latin1_digits = [chr(c) for c in range(256) if re.match(r"\d", chr(c))]
    assert latin1_digits == list("0123456789")
    assert personal._too_few_digits("år 2025, kr 40 mill.")
    assert not personal._too_few_digits("ring 2266 9000")
    assert not personal._too_few_digits("ring ٢٢٦٦٩٠٠٠")  # other scripts: read in full
    assert _scan("ring ٢٢٦٦٩٠٠٠") == [("٢٢٦٦٩٠٠٠", 5, "telefonnummer")]
