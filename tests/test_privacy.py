"""No personal data is published: identity numbers, e-mail addresses and phone numbers stop the build."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from generator.privacy import EXCEPTIONS_FILE, identity_number_kind, normalise, scan

from .conftest import OSLO, copy_project, run_generator

FOLLOWUPS = (OSLO / "followups.yaml").read_text(encoding="utf-8")
STATUS_TEXT = "          Dette er et langsiktig arbeid og Oslo politidistrikt"


def _control(digits: str, weights: tuple[int, ...]) -> int:
    rest = 11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    return 0 if rest == 11 else rest


def make_number(birth: dt.date, individual: int, *, d_number: bool = False) -> str | None:
    """An identity number by the published algorithm, or None when the first
    check digit would be 10 (that individual number is never issued)."""
    day = birth.day + (40 if d_number else 0)
    base = f"{day:02d}{birth.month:02d}{birth.year % 100:02d}{individual:03d}"
    k1 = _control(base, (3, 7, 6, 1, 8, 9, 4, 5, 2))
    if k1 == 10:
        return None
    k2 = _control(base + str(k1), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))
    if k2 == 10:
        return None
    return f"{base}{k1}{k2}"


def _individual_for(year: int, rng: random.Random) -> int:
    if year < 1900:
        return rng.randint(500, 749)
    if year >= 2000:
        return rng.randint(500, 999)
    return rng.randint(0, 499)


def valid_numbers(count: int, *, d_number: bool = False) -> list[str]:
    rng = random.Random(20260130 + d_number)
    numbers: list[str] = []
    while len(numbers) < count:
        birth = dt.date(1870, 1, 1) + dt.timedelta(days=rng.randint(0, 60000))
        number = make_number(birth, _individual_for(birth.year, rng), d_number=d_number)
        if number is not None:
            numbers.append(number)
    return numbers


@pytest.mark.parametrize("number", valid_numbers(40))
def test_valid_birth_numbers_are_recognised(number: str) -> None:
    assert identity_number_kind(number) == "fødselsnummer"
    assert [f.kind for f in scan(f"Saken gjelder {number} i bydelen.")] == ["fødselsnummer"]
    spaced = f"{number[:6]} {number[6:]}"
    assert [f.value for f in scan(f"nr. {spaced}.")] == [spaced]
    assert [f.value for f in scan(f"fnr. {spaced}, adresse")] == [spaced]
    assert list(scan(f"beløp {number},50 kroner")) == []


@pytest.mark.parametrize("number", valid_numbers(20, d_number=True))
def test_valid_d_numbers_are_recognised(number: str) -> None:
    assert identity_number_kind(number) == "D-nummer"


def _with_check_digits(base: str) -> str:
    """``base`` (nine digits) plus its check digits, whatever date it holds."""
    k1 = _control(base, (3, 7, 6, 1, 8, 9, 4, 5, 2))
    if k1 == 10:
        return ""
    return f"{base}{k1}{_control(base + str(k1), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))}"


def _issued(bases: list[str]) -> str:
    """The first base whose check digits both exist (neither is 10)."""
    return next(n for n in map(_with_check_digits, bases) if len(n) == 11)


def test_leap_day_is_a_date_only_in_leap_years() -> None:
    leap = _issued([f"290296{i:03d}" for i in range(100, 200)])
    assert identity_number_kind(leap) == "fødselsnummer"
    not_leap = _issued([f"290297{i:03d}" for i in range(100, 200)])
    assert identity_number_kind(not_leap) is None
    assert identity_number_kind(_issued([f"310490{i:03d}" for i in range(100, 200)])) is None
    assert identity_number_kind(_issued([f"011390{i:03d}" for i in range(100, 200)])) is None


@pytest.mark.parametrize("number", valid_numbers(20))
def test_a_wrong_check_digit_is_not_an_identity_number(number: str) -> None:
    for position in (9, 10):
        wrong = str((int(number[position]) + 1) % 10)
        changed = number[:position] + wrong + number[position + 1 :]
        assert identity_number_kind(changed) is None
        assert list(scan(f"Saksnummer {changed}")) == []


def test_arbitrary_eleven_digit_numbers_pass() -> None:
    """Most 11-digit numbers are not identity numbers: about 1 in 100 passes both checks by chance."""
    rng = random.Random(11)
    numbers = [f"{rng.randrange(10**10, 10**11)}" for _ in range(2000)]
    flagged = [n for n in numbers if identity_number_kind(n) is not None]
    assert len(flagged) < 40
    assert identity_number_kind("12345678901") is None
    assert identity_number_kind("00000000000") is None  # day 0


@pytest.mark.parametrize(
    "text,found",
    [
        ("Skriv til ola.nordmann@oslo.kommune.no for mer.", ["ola.nordmann@oslo.kommune.no"]),
        ("Ring 22 66 90 00 i dag", ["22 66 90 00"]),
        ("mobil 922 33 444.", ["922 33 444"]),
        ("mobil 92233444", ["92233444"]),
        ("tlf. +47 92233444", ["+47 92233444"]),
        ("tlf. +4792233444", ["+4792233444"]),
        ("tlf. 0047 9223 3444", ["0047 9223 3444"]),
        ("+47 22 66 90 00", ["+47 22 66 90 00"]),
    ],
)
def test_contact_details_are_found(text: str, found: list[str]) -> None:
    assert [f.value for f in scan(text)] == found


@pytest.mark.parametrize(
    "text",
    [
        "40 mill til ordningen fra 2026",
        "budsjett på 12 345 678 kroner",
        "SaLTo 2025-2028 ble godkjent",
        "org.nr. 974 778 742",
        "Rapporten har frist 1.mars",
        "Kontonummer 1234.56.78901",
        "Telefonnummer 12345678 starter ikke med 1 i Norge",
        "e-post er ikke en @adresse",
    ],
)
def test_ordinary_numbers_and_words_pass(text: str) -> None:
    assert list(scan(text)) == []


def test_spellings_of_one_value_share_a_form() -> None:
    assert normalise("+47 22 66 90 00") == normalise("22669000") == normalise("0047 2266 9000")
    assert normalise("Post@Oslo.Kommune.no") == "post@oslo.kommune.no"


def _project(tmp_path: Path, text: str, exceptions: str | None = None) -> Path:
    project = copy_project(tmp_path)
    assert STATUS_TEXT in FOLLOWUPS
    (project / "followups.yaml").write_text(
        FOLLOWUPS.replace(STATUS_TEXT, STATUS_TEXT[:10] + text + " " + STATUS_TEXT[10:], 1),
        encoding="utf-8",
    )
    if exceptions is not None:
        (project / EXCEPTIONS_FILE).write_text(exceptions, encoding="utf-8")
    return project


def _status_line() -> str:
    """``file:line`` of the status text the tests write into."""
    for number, content in enumerate(FOLLOWUPS.splitlines(), start=1):
        if content.startswith(STATUS_TEXT):
            return f"followups.yaml:{number}"
    raise AssertionError("the shipped data changed")


def test_a_birth_number_in_a_status_stops_the_build(tmp_path: Path) -> None:
    number = valid_numbers(1)[0]
    project = _project(tmp_path, f"Gjelder {number}.")
    result = run_generator("site", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    # Column 19: the ten spaces of indentation and «Gjelder ».
    line = _status_line()
    assert (
        f"  {line}:19: feil: «{number}» ser ut som et fødselsnummer. Det har gyldig dato og "
        "begge kontrollsifrene stemmer, så det er trolig et ekte fødselsnummer. "
        "Personopplysninger skal ikke publiseres: fjern det fra teksten. Er det offentlig og "
        "skal stå, før det opp i privacy_exceptions.yaml med «value» (verdien) og «reason» "
        "(begrunnelsen).\n"
    ) in output
    assert output.rstrip().endswith("1 feil.")
    assert not (project / "site").exists()
    assert not (project / "build").exists()


def test_a_number_with_a_wrong_check_digit_is_published(tmp_path: Path) -> None:
    number = valid_numbers(1)[0]
    wrong = number[:10] + str((int(number[10]) + 1) % 10)
    result = run_generator("validate", cwd=_project(tmp_path, f"Sak {wrong}."))
    assert result.returncode == 0, result.stderr


def test_contact_details_stop_validation(tmp_path: Path) -> None:
    project = _project(tmp_path, "Kontakt ola@example.no eller 922 33 444.")
    result = run_generator("validate", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    line = _status_line()
    assert (
        f"  {line}:19: feil: «ola@example.no» ser ut som en e-postadresse. En e-postadresse "
        "kan peke ut en person."
    ) in output
    assert (
        f"  {line}:40: feil: «922 33 444» ser ut som et telefonnummer. Et telefonnummer kan "
        "peke ut en person."
    ) in output
    assert output.rstrip().endswith("2 feil.")


def test_an_exception_with_a_reason_lets_the_value_through(tmp_path: Path) -> None:
    exceptions = (
        "exceptions:\n"
        '  - value: "+47 22 66 90 00"\n'
        "    reason: Sentralbordet til politiet, et offentlig nummer.\n"
        "  - value: 99 99 99 99\n"
        "    reason: Et nummer som ikke brukes lenger.\n"
    )
    project = _project(tmp_path, "Sentralbordet har 22 66 90 00.", exceptions)
    result = run_generator("validate", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (
        "  privacy_exceptions.yaml:4:12: advarsel: denne verdien finnes ikke lenger i "
        "datafilene. Slett unntaket, så det ikke tillater verdien hvis den dukker opp igjen et "
        "annet sted.\n"
    ) in result.stderr


def test_an_exception_needs_a_reason(tmp_path: Path) -> None:
    exceptions = 'exceptions:\n  - value: "22 66 90 00"\n'
    project = _project(tmp_path, "Sentralbordet har 22 66 90 00.", exceptions)
    result = run_generator("validate", cwd=project)
    assert result.returncode == 1
    assert (
        "  privacy_exceptions.yaml:2:5: feil: Unntak «22 66 90 00»: mangler feltet «reason». "
        "Hvorfor verdien kan publiseres"
    ) in result.stderr
