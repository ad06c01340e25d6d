"""No personal data is published: identity numbers, e-mail addresses and phone numbers stop the build."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from generator.data.privacy import EXCEPTIONS_FILE, identity_number_kind, normalise, scan

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


BIRTH = valid_numbers(3)[2]
"""A fødselsnummer to write in the ways people write them."""

MUST_FIND = [
    # Identity numbers, grouped or with invisible characters inside.
    (f"Gjelder {BIRTH[:6]}-{BIRTH[6:]}.", f"{BIRTH[:6]}-{BIRTH[6:]}"),
    (f"født {BIRTH[0:2]}.{BIRTH[2:4]}.{BIRTH[4:6]} {BIRTH[6:]}", None),
    (f"nr. {BIRTH[:6]}\u00a0{BIRTH[6:]}", None),
    (f"nr. {BIRTH[:3]}\u200b{BIRTH[3:]}", None),
    (f"nr. {BIRTH[:5]}\u00ad{BIRTH[5:]}", None),
    (f"nr. {BIRTH[:6]}\u2011{BIRTH[6:]}", None),
    (f"id-{BIRTH}", BIRTH),
    ("".join(chr(0xFF10 + int(d)) for d in BIRTH), None),  # full-width digits
    # Phone numbers, with no-break spaces, hyphens, dots or in two groups of four.
    ("Ring 22\u00a066\u00a090\u00a000 i dag", "22\u00a066\u00a090\u00a000"),
    ("Ring 22\u202f66\u202f90\u202f00", None),
    ("Ring 22-66-90-00", "22-66-90-00"),
    ("Ring 22.66.90.00", "22.66.90.00"),
    ("mobil 9123 4567", "9123 4567"),
    ("mobil 9123\u200b4567", "9123\u200b4567"),
    ("mobil 9123\U000e00204567", "9123\U000e00204567"),  # a format character past U+FFFF
    ("912 34 567 (mobil)", "912 34 567"),
    ("tlf. 41234567, e-post", "41234567"),
    ("(+47) 22 66 90 00", "22 66 90 00"),
    ("+47 22-66-90-00", "+47 22-66-90-00"),
    ("sentralbord 22 66 90 00 2026", "22 66 90 00"),
    # E-mail addresses, with invisible characters or written out.
    ("ola\u200b@politiet.no", "ola\u200b@politiet.no"),
    ("ola@politi\u00adet.no", "ola@politi\u00adet.no"),
    ("ola＠politiet．no", "ola＠politiet．no"),
    ("skriv til ola (at) politiet.no", "ola (at) politiet.no"),
    ("skriv til ola [at] politiet.no", "ola [at] politiet.no"),
    ("skriv til ola at politiet.no", "ola at politiet.no"),
    ("skriv til ola(a)politiet.no", "ola(a)politiet.no"),
    ("skriv til ola {at} politiet {dot} no", "ola {at} politiet {dot} no"),
    ("ola.nordmann (at) politiet (dot) no", "ola.nordmann (at) politiet (dot) no"),
    ("ola (krøllalfa) politiet (punktum) no", "ola (krøllalfa) politiet (punktum) no"),
    ("OLA@POLITIET.NO", "OLA@POLITIET.NO"),
]
"""Personal data as people write it: (text, the value found in it; None: all the text after
its first word)."""


@pytest.mark.parametrize("text,value", MUST_FIND)
def test_personal_data_however_written_is_found(text: str, value: str | None) -> None:
    expected = value if value is not None else text.split(" ", 1)[-1]
    assert [f.value for f in scan(text)] == [expected]


MUST_NOT_FIND = [
    # Amounts
    "bevilget 25000000 kroner",
    "budsjett på 12 345 678 kroner",
    "kr 25 000 000",
    "25 000 000,- til tiltaket",
    "NOK 12345678",
    "2 300 000 kroner",
    "30 mill. kroner",
    "25.000.000 kr",
    "12.345.678",
    # Years, dates and periods
    "Lovdata 20230616",
    "vedtatt 20230616",
    "møtet 16062023",
    "2023-06-16",
    "16.06.2023",
    "i perioden 2024 2025",
    "SaLTo 2025-2028 ble godkjent",
    "2024–2028",
    "Prop. 1 S (2023–2024)",
    # Far deadlines in the years the data files accept
    "frist 2150-01-01",
    "frist 31.12.2199",
    # Case numbers, law and regulation references
    "sak 23/12345",
    "saksnummer 2023/01234-5",
    "sak 22669000",
    "saksnr. 22 66 90 00",
    "Ref. 22669000",
    "arkivsak 24 12 34 56",
    "LOV-2023-06-16-12",
    "FOR-2021-05-04-1436",
    "lov 22. mai 1902 nr. 10",
    "§ 24 25 26 27",
    # Postcodes, organisation and account numbers, times
    "Oslo 0150 2024",
    "3015 2024",
    "org.nr. 974 778 742",
    "Kontonummer 1234.56.78901",
    f"kontonr {BIRTH}",
    "kl. 20.00-22.00",
    "kl 20.00–22.00",
    # Numbers with a word that says what they are
    "23 456 789 innbyggere",
    "40 mill til ordningen fra 2026",
    # Not phone numbers at all
    "Telefonnummer 12345678 starter ikke med 1 i Norge",
    "ISBN 978-82-15-03030-5",
    "versjon 2.3.4.5",
    "kode A22669000",
    # «at» as the Norwegian word
    "Det er viktig at politiet.no oppdateres",
    "Rådet mener at kommunen.no må bli bedre",
    "e-post er ikke en @adresse",
]


@pytest.mark.parametrize("text", MUST_NOT_FIND)
def test_numbers_that_are_something_else_are_left_alone(text: str) -> None:
    assert list(scan(text)) == []


def test_spellings_of_one_value_share_a_form() -> None:
    assert normalise("+47 22 66 90 00") == normalise("22669000") == normalise("0047 2266 9000")
    assert normalise("Post@Oslo.Kommune.no") == "post@oslo.kommune.no"
    assert normalise("22-66-90-00") == normalise("22\u00a066\u200b90 00") == "22669000"
    assert normalise("post (at) politiet (dot) no") == "post@politiet.no"
    assert normalise("post\u200b@politiet.no") == "post@politiet.no"


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


ADVICE = (
    "Personopplysninger skal ikke publiseres: fjern det fra teksten. Er det offentlig og skal "
    "stå, før det opp i privacy_exceptions.yaml med «value» (verdien) og «reason» "
    "(begrunnelsen)."
)
PHONE = "Et telefonnummer kan peke ut en person."


def test_a_number_with_invisible_characters_is_named_as_a_reader_sees_it(tmp_path: Path) -> None:
    project = _project(tmp_path, "Ring 22\u200b66\u00a090 00.")
    result = run_generator("validate", cwd=project)
    assert result.returncode == 1
    assert (
        f"  {_status_line()}:16: feil: «2266 90 00» ser ut som et telefonnummer. Verdien er "
        f"skrevet med usynlige eller spesielle tegn i seg. {PHONE} {ADVICE}\n"
    ) in result.stderr


def test_an_exception_allows_every_spelling_of_its_value(tmp_path: Path) -> None:
    exceptions = (
        "exceptions:\n"
        '  - value: "22 66 90 00"\n'
        "    reason: Sentralbordet til politiet, et offentlig nummer.\n"
        "  - value: post@politiet.no\n"
        "    reason: Postmottaket, en offentlig adresse.\n"
    )
    text = "Sentralbord +47 22-66-90-00, 22\u00a066\u00a090\u00a000 og post (at) politiet (dot) no."
    result = run_generator("validate", cwd=_project(tmp_path, text, exceptions))
    assert result.returncode == 0, result.stderr
    assert "advarsel" not in result.stderr


def test_ids_and_keys_are_scanned_too(tmp_path: Path) -> None:
    """An id becomes a page's address; a key is shown in messages and logs."""
    project = copy_project(tmp_path)
    text = FOLLOWUPS.replace('id: "2025-1"', 'id: "22-66-90-00"', 1)
    text = text.replace('seminar: "2025"', 'seminar: "2025"\n    "ring 9123 4567": x', 1)
    (project / "followups.yaml").write_text(text, encoding="utf-8")
    result = run_generator("validate", cwd=project)
    assert result.returncode == 1
    lines = FOLLOWUPS.splitlines()
    id_line = next(i for i, line in enumerate(lines, 1) if 'id: "2025-1"' in line)
    assert (
        f"followups.yaml:{id_line}:10: feil: «22-66-90-00» ser ut som et telefonnummer. {PHONE}"
    ) in result.stderr
    assert "feil: «9123 4567» ser ut som et telefonnummer." in result.stderr


def test_hand_written_pages_are_scanned(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    page = project / "content" / "om.md"
    page.write_text(
        "# Om rådet\n\nSekretær: ola (at) politiet.no, tlf. 9123 4567.\n", encoding="utf-8"
    )
    (project / "content" / "vedlegg.csv").write_text(f"navn;nr\nOla;{BIRTH}\n", encoding="utf-8")
    for command in ("validate", "site"):
        result = run_generator(command, cwd=project)
        assert result.returncode == 1, result.stdout + result.stderr
        assert (
            "  content/om.md:3:11: feil: «ola (at) politiet.no» ser ut som en e-postadresse. "
            "En e-postadresse kan peke ut en person."
        ) in result.stderr
        assert (
            f"  content/om.md:3:38: feil: «9123 4567» ser ut som et telefonnummer. {PHONE} "
            f"{ADVICE}\n"
        ) in result.stderr
        assert f"  content/vedlegg.csv:2:5: feil: «{BIRTH}» ser ut som et fødselsnummer." in (
            result.stderr
        )
    assert not (project / "site").exists()


def test_the_names_in_mkdocs_yml_are_scanned(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  - Om politirådet: om.md", "  - Ring 22 66 90 00: om.md")
    text = text.replace(
        "site_description: Oppfølgingspunktene", "site_description: ola@politiet.no og"
    )
    text += "copyright: Politirådet, tlf. 9123 4567\n"
    config.write_text(text, encoding="utf-8")
    lines = text.splitlines()

    def line_of(part: str) -> int:
        return next(i for i, line in enumerate(lines, 1) if part in line)

    result = run_generator("validate", cwd=project)
    assert result.returncode == 1
    stderr = result.stderr
    assert (
        f"  mkdocs.yml:{line_of('Ring 22')}:10: feil: «22 66 90 00» ser ut som et telefonnummer."
        in stderr
    )
    assert f"  mkdocs.yml:{line_of('site_description')}:19: feil: «ola@politiet.no»" in stderr
    assert f"  mkdocs.yml:{line_of('copyright')}:30: feil: «9123 4567»" in stderr


def test_inits_options_are_scanned(tmp_path: Path) -> None:
    result = run_generator(
        "init", "rad", "--name", "Rådet", "--member", "Ola, tlf. 9123 4567",
        "--unit", "vest=Vest", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == (
        f"--member «Ola, tlf. 9123 4567»: «9123 4567» ser ut som et telefonnummer. {PHONE} "
        "Personopplysninger skal ikke publiseres: skriv verdien uten det.\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_the_loaders_list_of_texts_finds_what_a_walk_of_the_tree_finds() -> None:
    """``load.parse`` lists every text once; the scan walks the tree only for a finding,
    and then reports exactly what it reports without the list."""
    from generator.data import privacy
    from generator.data.load import parse

    for text, findings in (
        (FOLLOWUPS, 0),
        (FOLLOWUPS.replace(STATUS_TEXT, f"{STATUS_TEXT} (ring 22 66 90 00)", 1), 1),
        (FOLLOWUPS.replace("council:", "council:\n  ola@politiet.no: x", 1), 1),  # a key
    ):
        values: dict[str, bool] = {}
        node = parse(text, "followups.yaml", values)
        privacy._SCANNED.clear()
        problems, _ = privacy.check(node, text, set(), values)
        privacy._SCANNED.clear()
        assert (problems, set()) == privacy.check(node, text, set())
        assert len(problems) == findings
