"""An editor breaks the data files in every way the issue lists and reads the error.

Each case applies one breakage to a copy of the shipped data, runs
``python -m generator validate`` as a user would, and checks the exit code,
that no traceback leaks out, the exact Norwegian message at file:line:column,
and that nothing in the project folder was written.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.data import load
from generator.data.problems import DataError
from generator.site.build import Sources, load_dataset

from .conftest import OSLO, copy_project, run_cli, run_generator

FOLLOWUPS = (OSLO / "followups.yaml").read_text(encoding="utf-8")
IPO = (OSLO / "ipo_areas.yaml").read_text(encoding="utf-8")
P1 = "Oppfølgingspunkt «2025-1»: "
S1 = "Oppfølgingspunkt «2025-1», status «2026-01»: "
FIELDS = (
    "«id», «seminar», «number», «title», «description», «responsible», «tags», "
    "«deadline» og «statuses»"
)
DATE_HOW = "Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2026-01-30."
TITLE_LINE = "    title: Felles situasjonsforståelse i beredskapsarbeidet\n"


def replace(text: str, old: str, new: str) -> str:
    """``text`` with the first ``old`` replaced; fails loudly if the data moved."""
    assert old in text, f"the shipped data no longer contains {old!r}"
    return text.replace(old, new, 1)


def where(text: str, line_part: str, token: str | None = None, file: str = "followups.yaml") -> str:
    """``file:line:column`` of ``token`` on the first line containing ``line_part``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line_part in line:
            return f"{file}:{number}:{line.index(token or line_part) + 1}"
    raise AssertionError(f"{line_part!r} not found")


def line_of(text: str, line_part: str) -> int:
    return int(where(text, line_part).split(":")[1])


@dataclass(frozen=True)
class Case:
    files: dict[str, bytes]
    """The data files to write over the shipped ones."""
    expected: list[str]
    """Every line the report must contain, ``file:line:col: feil: message``."""


CASES: dict[str, Callable[[], Case]] = {}


def case(function: Callable[[], Case]) -> Callable[[], Case]:
    CASES[function.__name__] = function
    return function


def followups(text: str, *expected: str) -> Case:
    return Case({"followups.yaml": text.encode("utf-8")}, list(expected))


# --- Words YAML 1.1 would turn into booleans stay words, and are checked as such


@case
def state_no() -> Case:
    text = replace(FOLLOWUPS, "state: løpende", "state: no")
    return followups(
        text,
        f"{where(text, 'state: no', 'no')}: feil: {S1}«no» er ikke en gyldig tilstand. "
        "Gyldige verdier: «planlagt», «pågår», «løpende», «fullført» og «avsluttet».",
    )


@case
def state_NO() -> Case:
    text = replace(FOLLOWUPS, "state: løpende", "state: NO")
    return followups(
        text,
        f"{where(text, 'state: NO', 'NO')}: feil: {S1}«NO» er ikke en gyldig tilstand. "
        "Gyldige verdier: «planlagt», «pågår», «løpende», «fullført» og «avsluttet».",
    )


@case
def on_on() -> Case:
    text = replace(FOLLOWUPS, "    number: 1\n", "    number: 1\n    On: on\n")
    return followups(
        text,
        f"{where(text, 'On: on', 'On')}: feil: {P1}ukjent felt «On». Felt som er lov her: {FIELDS}.",
    )


# --- Dates


def _deadline(value: str) -> tuple[str, str]:
    text = replace(FOLLOWUPS, "    number: 1\n", f"    number: 1\n    deadline: {value}\n")
    return text, where(text, f"deadline: {value}", value)


@case
def date_february_30() -> Case:
    text, at = _deadline("2026-02-30")
    return followups(
        text,
        f"{at}: feil: {P1}«2026-02-30» i «deadline» er ikke en dato som finnes: "
        f"februar 2026 har bare 28 dager. {DATE_HOW}",
    )


@case
def date_month_13() -> Case:
    text, at = _deadline("2026-13-01")
    return followups(
        text,
        f"{at}: feil: {P1}«2026-13-01» i «deadline» er ikke en dato som finnes: måned 13 "
        f"finnes ikke (måneden står i midten og går fra 01 til 12). {DATE_HOW}",
    )


@case
def date_without_leading_zeros() -> Case:
    text, at = _deadline("2026-1-5")
    return followups(
        text,
        f"{at}: feil: {P1}«2026-1-5» i «deadline» er ikke en gyldig dato. "
        f"Mente du 2026-01-05? {DATE_HOW}",
    )


@case
def date_norwegian_style() -> Case:
    text, at = _deadline("15.01.2026")
    return followups(
        text,
        f"{at}: feil: {P1}«15.01.2026» i «deadline» er ikke en gyldig dato. "
        f"Mente du 2026-01-15? {DATE_HOW}",
    )


@case
def date_month_only() -> Case:
    text = replace(FOLLOWUPS, "date: 2026-01-30", "date: 2026-01")
    return followups(
        text,
        f"{where(text, 'date: 2026-01', '2026-01')}: feil: Rapporteringsrunde «2026-01»: "
        f"«2026-01» i «date» mangler dag. {DATE_HOW}",
    )


# --- Things that must be unique, and references


@case
def duplicate_key() -> Case:
    text = replace(FOLLOWUPS, "    number: 1\n", "    number: 1\n    number: 2\n")
    first = line_of(text, "number: 1")
    return followups(
        text,
        f"{where(text, 'number: 2', 'number')}: feil: feltet «number» står to ganger på samme "
        f"nivå, på linje {first} og linje {first + 1}. YAML ville bare beholdt den siste; "
        "slett den ene, eller slå verdiene sammen.",
    )


@case
def duplicate_id() -> Case:
    text = replace(FOLLOWUPS, 'id: "2025-2"', 'id: "2025-1"')
    first = line_of(text, 'id: "2025-1"')
    second = [n for n, line in enumerate(text.splitlines(), 1) if 'id: "2025-1"' in line][1]
    return followups(
        text,
        f"followups.yaml:{second}:9: feil: Et oppfølgingspunkt med id «2025-1» finnes allerede "
        f"(linje {first}). Hver id skal være unik: gi dette en ny id.",
    )


@case
def duplicate_number() -> Case:
    text = replace(
        FOLLOWUPS,
        'id: "2025-2"\n    seminar: "2025"\n    number: 2',
        'id: "2025-2"\n    seminar: "2025"\n    number: 1',
    )
    lines = [n for n, line in enumerate(text.splitlines(), 1) if line == "    number: 1"]
    return followups(
        text,
        f"followups.yaml:{lines[1]}:13: feil: Oppfølgingspunkt «2025-2»: nummer 1 er allerede "
        f"brukt i seminar «2025» (linje {lines[0]}). Første ledige nummer er 2.",
    )


@case
def status_for_unknown_edition() -> Case:
    new_edition = 'edition: "2026-02"'
    text = replace(
        FOLLOWUPS,
        '- edition: "2026-01"\n        state: løpende',
        '- edition: "2026-02"\n        state: løpende',
    )
    return followups(
        text,
        f"{where(text, new_edition, new_edition[9:])}: feil: {P1}«2026-02» i «edition» "
        "finnes ikke under editions. Mente du «2026-01»? Rett id-en, eller legg til «2026-02» "
        "under editions.",
    )


@case
def two_statuses_for_one_edition() -> Case:
    extra = '        state: løpende\n        text: Først.\n      - edition: "2026-01"\n        state: pågår\n'
    text = replace(FOLLOWUPS, "        state: løpende\n", extra)
    first = line_of(text, '- edition: "2026-01"')
    return followups(
        text,
        f"followups.yaml:{first + 3}:18: feil: {P1}det finnes allerede en status for «2026-01» "
        f"(linje {first}). Hvert punkt skal ha én status per rapporteringsrunde: slå dem sammen.",
    )


# --- Anchors, aliases and tags: refused, never expanded or constructed


@case
def anchor_and_alias() -> Case:
    text = replace(FOLLOWUPS, "  name: Politirådet i Oslo", "  name: &navn Politirådet i Oslo")
    text = replace(text, "title: Status pr januar 2026", "title: *navn")
    return followups(
        text,
        f"{where(text, '&navn', '&navn')}: feil: ankeret «&navn» er ikke tillatt, og det brukes "
        f"med «*navn» én gang (første gang på linje {line_of(text, '*navn')}). Ankre og "
        "referanser gjenbruker verdier; skriv hver verdi helt ut der den skal stå, og slett "
        "«&navn» og hver «*navn».",
    )


BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)


@case
def billion_laughs() -> Case:
    def message(anchor: str, line: int) -> str:
        if anchor == "i":
            return (
                f"followups.yaml:{line}:4: feil: ankeret «&i» er ikke tillatt. Ankre og referanser "
                "gjenbruker verdier; skriv hver verdi helt ut der den skal stå, og slett «&i»."
            )
        return (
            f"followups.yaml:{line}:4: feil: ankeret «&{anchor}» er ikke tillatt, og det brukes med "
            f"«*{anchor}» 9 ganger (første gang på linje {line + 1}). Ankre og referanser gjenbruker "
            f"verdier; skriv hver verdi helt ut der den skal stå, og slett «&{anchor}» og hver «*{anchor}»."
        )

    return followups(BILLION_LAUGHS, *(message(a, n) for n, a in enumerate("abcdefghi", 1)))


@case
def self_referencing_alias() -> Case:
    text = "council: &c\n  name: *c\n"
    return followups(
        text,
        "followups.yaml:1:10: feil: ankeret «&c» er ikke tillatt, og det brukes med «*c» én gang "
        "(første gang på linje 2). Ankre og referanser gjenbruker verdier; skriv hver verdi helt "
        "ut der den skal stå, og slett «&c» og hver «*c».",
    )


def _tagged(tag: str) -> Case:
    text = replace(FOLLOWUPS, "  name: Politirådet i Oslo", f"  name: {tag} Politirådet i Oslo")
    return followups(
        text,
        f"{where(text, tag, tag)}: feil: typemerket «{tag}» er ikke tillatt. Fjern merket (ordet "
        "som starter med !) og skriv bare verdien; alle verdier leses som tekst.",
    )


@case
def python_object_tag() -> Case:
    return _tagged("!!python/object/apply:os.system")


@case
def standard_tag() -> Case:
    return _tagged("!!str")


@case
def local_tag() -> Case:
    return _tagged("!lokal")


@case
def non_specific_tag() -> Case:
    return _tagged("!")


# --- The shape of the file


@case
def tab_indentation() -> Case:
    text = replace(FOLLOWUPS, "  name: Politirådet i Oslo", "\tname: Politirådet i Oslo")
    return followups(
        text,
        f"followups.yaml:{line_of(text, 'name: Politirådet i Oslo')}:1: feil: YAML-syntaksfeil: "
        "tabulatortegn kan ikke brukes til innrykk i YAML. Bruk mellomrom i stedet.",
    )


@case
def second_document() -> Case:
    text = FOLLOWUPS + "---\ncouncil:\n  name: Et annet råd\n"
    return followups(
        text,
        f"followups.yaml:{len(FOLLOWUPS.splitlines()) + 1}:1: feil: filen er delt i to av en "
        "linje med ---, og det som står etter den, leses ikke. Slett linjen med --- og flytt det "
        "som står etter den, opp dit det hører hjemme, eller slett det.",
    )


EMPTY = (
    "followups.yaml:1:1: feil: filen er tom. Den skal inneholde feltene som er beskrevet i "
    "README.md."
)


@case
def empty_file() -> Case:
    return followups("", EMPTY)


@case
def only_a_comment() -> Case:
    return followups("# Her kommer oppfølgingspunktene.\n", EMPTY)


@case
def top_level_list() -> Case:
    return followups(
        "- council: Politirådet\n- editions: []\n",
        "followups.yaml:1:1: feil: filen skal bestå av feltene «council», «editions», «seminars» "
        "og «followups» øverst (uten innrykk), men den er en liste.",
    )


# --- Bytes and characters


@case
def latin_1() -> Case:
    raw = FOLLOWUPS.encode("latin-1", errors="replace")
    first = next(c for c in FOLLOWUPS if not c.isascii())
    at = where(FOLLOWUPS, first, first)  # Latin-1 differs from UTF-8 from here
    return Case(
        {"followups.yaml": raw},
        [
            f"{at}: feil: filen er ikke lagret som UTF-8 (æ, ø og å blir feil). Lagre filen på "
            "nytt med tegnkoding UTF-8."
        ],
    )


INVISIBLE = (
    "som ikke kan vises på nettsiden. Slett tegnet (eller \\-koden som lager det) og skriv "
    "teksten på nytt; slike tegn kommer ofte med ved innliming fra et annet program."
)


@case
def control_character() -> Case:
    bell = "Felles\x07"
    text = replace(
        FOLLOWUPS, "title: Felles situasjonsforståelse", "title: Felles\x07 situasjonsforståelse"
    )
    return followups(
        text,
        f"{where(text, bell, bell[-1])}: feil: teksten inneholder et usynlig kontrolltegn "
        f"(U+0007) {INVISIBLE}",
    )


@case
def escaped_control_character() -> Case:
    text = replace(FOLLOWUPS, TITLE_LINE, '    title: "Felles\\e[31m situasjonsforståelse"\n')
    escape = "\\e"
    return followups(
        text,
        f"{where(text, 'Felles', escape)}: feil: teksten inneholder et usynlig kontrolltegn "
        f"(U+001B) {INVISIBLE}",
    )


@case
def direction_override() -> Case:
    text = replace(FOLLOWUPS, TITLE_LINE, "    title: Felles \u202esituasjonsforståelse\n")
    return followups(
        text,
        f"{where(text, 'situasjonsforståelse', chr(0x202E))}: feil: teksten inneholder et usynlig "
        f"kontrolltegn (U+202E) {INVISIBLE}",
    )


@case
def twenty_megabytes() -> Case:
    raw = FOLLOWUPS.encode() + b"# " + b"x" * (20 * 1024 * 1024) + b"\n"
    return Case(
        {"followups.yaml": raw},
        [
            "followups.yaml:1:1: feil: filen er 20.0 MB, men grensen er 16 MB (en vanlig datafil er "
            "under 1 MB). Sjekk at det er riktig fil, og at ikke noe stort er limt inn ved en feil."
        ],
    )


# --- Text YAML would silently shorten, and values of the wrong kind


@case
def text_cut_by_comment() -> Case:
    text = replace(FOLLOWUPS, TITLE_LINE, "    title: Sak #12 er lukket\n")
    return followups(
        text,
        f"{where(text, 'Sak #12', 'Sak')}: feil: {P1}teksten i «title» stopper ved #, fordi YAML "
        "leser resten av linjen som en kommentar (bare «Sak» kommer med). Sett hele teksten i "
        'anførselstegn ("...") eller bruk | og skriv teksten på linjen under. Er det ment som en '
        "kommentar, sett et mellomrom etter #.",
    )


@case
def list_as_title() -> Case:
    text = replace(FOLLOWUPS, TITLE_LINE, "    title: [Felles, situasjonsforståelse]\n")
    return followups(
        text,
        f"{where(text, 'title: [', '[')}: feil: {P1}«title» skal være en tekst, ikke en liste. "
        "Skriv verdien rett etter kolonet på samme linje; begynner den med [ eller {, eller "
        'inneholder den «: », sett hele verdien i anførselstegn ("...").',
    )


@case
def empty_required_field() -> Case:
    text = replace(FOLLOWUPS, TITLE_LINE, "    title:\n")
    return followups(
        text,
        f"followups.yaml:{text.splitlines().index('    title:') + 1}:11: feil: {P1}feltet «title» er tomt. Skriv inn en "
        "verdi: kort tittel som vises i lister og oversikter.",
    )


@case
def null_in_required_field() -> Case:
    text = replace(FOLLOWUPS, TITLE_LINE, "    title: ~\n")
    return followups(
        text,
        f"{where(text, 'title: ~', '~')}: feil: {P1}feltet «title» er tomt. Skriv inn en "
        "verdi: kort tittel som vises i lister og oversikter.",
    )


@case
def unknown_key_with_suggestion() -> Case:
    text = replace(FOLLOWUPS, "    number: 1\n", "    numbr: 1\n")
    return followups(
        text,
        f"{where(text, 'numbr', 'numbr')}: feil: {P1}ukjent felt «numbr». Mente du «number»? "
        f"Felt som er lov her: {FIELDS}.",
    )


@case
def unknown_unit_in_ipo_file() -> Case:
    text = replace(IPO, "unit: vest", "unit: vestre")
    return Case(
        {"ipo_areas.yaml": text.encode()},
        [
            f"{where(text, 'unit: vestre', 'vestre', 'ipo_areas.yaml')}: feil: Område «Hovseter»: "
            "«vestre» i «unit» finnes ikke under units. Mente du «vest»? Rett id-en, eller legg "
            "til «vestre» under units."
        ],
    )


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file below ``folder`` with its size and modification time."""
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _apply(project: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (project / name).write_bytes(data)


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_input_gives_one_clear_message(name: str, tmp_path: Path) -> None:
    broken = CASES[name]()
    project = copy_project(tmp_path)
    _apply(project, broken.files)
    before = snapshot(project)

    result = run_cli("validate", cwd=project)

    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    for line in broken.expected:
        assert f"  {line}\n" in output, f"expected:\n{line}\n\ngot:\n{output}"
    # One message per problem, and nothing else.
    assert output.rstrip().endswith(f"{len(broken.expected)} feil."), output
    assert snapshot(project) == before


def test_every_message_names_file_line_and_column(tmp_path: Path) -> None:
    """The GitHub format puts each problem on its line in a pull request."""
    project = copy_project(tmp_path)
    _apply(project, CASES["state_no"]().files)
    result = run_generator("validate", "--format", "github", cwd=project)
    assert result.returncode == 1
    line = line_of(replace(FOLLOWUPS, "state: løpende", "state: no"), "state: no")
    assert result.stdout.startswith(
        f"::error file=followups.yaml,line={line},col=16,title=Feil i datafil::{S1}«no» er ikke"
    )


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "followups.yaml").write_bytes(b"\xef\xbb\xbf" + FOLLOWUPS.encode())
    result = run_generator("validate", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Datafilene er i orden:")


def test_broken_data_leaves_site_and_generated_pages_alone(tmp_path: Path) -> None:
    """``site`` and ``build`` stop before writing anything when the data is wrong."""
    project = copy_project(tmp_path)
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("forrige versjon")
    _apply(project, CASES["duplicate_key"]().files)
    before = snapshot(project)
    for command in ("site", "build"):
        result = run_generator(command, cwd=project)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "Traceback" not in result.stdout + result.stderr
        assert snapshot(project) == before
    assert not (project / "build").exists()


@pytest.mark.parametrize(
    "name,text",
    [
        ("billion laughs", BILLION_LAUGHS),
        # 30 levels of 9 aliases: 9**30 values if expanded; a few kB of text.
        (
            "30 levels",
            'a0: &a0 ["lol","lol"]\n'
            + "".join(f"a{i + 1}: &a{i + 1} [{', '.join([f'*a{i}'] * 9)}]\n" for i in range(30)),
        ),
        ("self reference", "a: &a\n  b: *a\n"),
    ],
)
def test_aliases_are_refused_without_expanding(
    name: str, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rejected in about a millisecond; the figure is printed, not asserted."""
    start = time.perf_counter()
    with pytest.raises(DataError) as caught:
        load.parse(text, "followups.yaml")
    elapsed = (time.perf_counter() - start) * 1000
    assert all("ankeret" in p.message for p in caught.value.problems)
    with capsys.disabled():
        print(
            f"\n[benchmark] alias document «{name}» ({len(text)} bytes) refused in {elapsed:.2f} ms"
        )


def test_a_huge_file_is_refused_without_reading_it_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """20 MB (or an endless stream) stops at the limit; the figure is printed, not asserted."""
    huge = tmp_path / "followups.yaml"
    with huge.open("wb") as handle:
        handle.write(b"council:\n  name: " + b"x" * (20 * 1024 * 1024) + b"\n")
    start = time.perf_counter()
    with pytest.raises(DataError) as caught:
        load.load(huge, "followups.yaml")
    elapsed = (time.perf_counter() - start) * 1000
    assert [str(p) for p in caught.value.problems] == [
        "followups.yaml:1:1: feil: filen er 20.0 MB, men grensen er 16 MB (en vanlig datafil er "
        "under 1 MB). Sjekk at det er riktig fil, og at ikke noe stort er limt inn ved en feil."
    ]
    with capsys.disabled():
        print(f"\n[benchmark] 20 MB file refused in {elapsed:.1f} ms")


@pytest.mark.parametrize(
    "text,line,column,hint",
    [
        ("council:\n  name: ]\n", 2, 9, "her mangler en verdi, eller verdien begynner med et tegn"),
        ("council: x\n...\nx: y\n", 3, 1, "det står noe etter slutten av dataene"),
        ("council: & x\n", 1, 11, "& og * først i en verdi betyr anker og referanse"),
        ("council: @hei\n", 1, 10, "verdien begynner med et tegn som ikke kan stå først"),
        (
            'council: "Oslo" kommune\n',
            1,
            17,
            "det står mer tekst etter et avsluttende anførselstegn",
        ),
        ('"Oslo" kommune\n', 1, 8, "det står mer tekst etter et avsluttende anførselstegn"),
        (
            "council: 'Oslo' kommune: x\n",
            1,
            17,
            "det står mer tekst etter et avsluttende anførselstegn",
        ),
        ("council: - a\n", 1, 10, "en linje som starter med «- » står der YAML venter"),
        ("%YAML 1.1\n%YAML 1.1\n---\na: b\n", 2, 1, "linjer som starter med % er YAML-direktiver"),
    ],
)
def test_yaml_syntax_errors_are_explained_in_norwegian(
    text: str, line: int, column: int, hint: str
) -> None:
    with pytest.raises(DataError) as caught:
        load.parse(text, "followups.yaml")
    (problem,) = caught.value.problems
    assert (problem.position.line, problem.position.column) == (line, column), problem
    assert problem.message.startswith("YAML-syntaksfeil: " + hint), problem.message
    assert "teknisk melding" not in problem.message


# --- Issue 11: the mistakes people really make, each on the line where it was made,
# at the start, in the middle and at the end of the file


@dataclass(frozen=True)
class Mistake:
    field: str
    """The line of the point to break, by how it starts once stripped."""
    edit: Callable[[list[str], int], int]
    """Breaks the lines in place, given that line's index; returns the writer's line index."""
    column: int
    message: str
    """The message; ``{line}`` is the writer's line, ``{next}`` the one after."""


def _set(line: str) -> Callable[[list[str], int], int]:
    """Replace the line with ``line`` (``{old}`` is the old line without its indentation)."""

    def edit(lines: list[str], i: int) -> int:
        lines[i] = line.format(old=lines[i].strip(), value=lines[i].split(": ", 1)[-1].strip())
        return i

    return edit


def _insert(line: str) -> Callable[[list[str], int], int]:
    def edit(lines: list[str], i: int) -> int:
        lines.insert(i + 1, line)
        return i + 1

    return edit


def _next_line(indent: str) -> Callable[[list[str], int], int]:
    def edit(lines: list[str], i: int) -> int:
        lines[i + 1] = indent + lines[i + 1].strip()
        return i + 1

    return edit


SYNTAX = "YAML-syntaksfeil: "
UNDER = (
    f"{SYNTAX}teksten under «text: |» har for lite innrykk på denne linjen, så YAML leser den "
    "ikke som en del av teksten. Teksten må rykkes inn under «text: |»: sett 10 mellomrom "
    "først på linjen, like mange som på linjene over."
)
QUOTE = (
    f'{SYNTAX}anførselstegnet (") som begynner teksten her, blir ikke lukket på samme linje, '
    'så YAML leser videre til linje {reach}. Sett " på slutten av teksten på denne linjen.'
)

MISTAKES = {
    "a status text under-indented": Mistake("text: |", _next_line(" " * 8), 9, UNDER),
    "a status text under the key's indentation": Mistake("text: |", _next_line(" " * 6), 7, UNDER),
    "a second line of a status text under-indented": Mistake(
        "text: |", lambda lines, i: _insert(" " * 8 + "Og en linje til.")(lines, i + 1), 9, UNDER
    ),
    "a title continued on the next line without indentation": Mistake(
        "title:",
        _insert("    i beredskapsarbeidet"),
        5,
        f"{SYNTAX}teksten i «title» fortsetter på denne linjen, men linjen har for lite innrykk, "
        "så YAML leser den som et nytt felt. Rykk linjen inn under «title:» (minst 6 mellomrom), "
        "eller skriv | etter «title:» og hele teksten på linjene under.",
    ),
    "a missing closing quote": Mistake(
        "title:", _set('    title: "{value}'), 12, QUOTE.replace("{reach}", "{line+6}")
    ),
    "a missing closing quote in an id": Mistake(
        "seminar:", _set('    seminar: "2025'), 14, QUOTE.replace("{reach}", "{line+8}")
    ),
    "a missing closing single quote": Mistake(
        "title:",
        _set("    title: 'Punktet {value}"),
        12,
        f"{SYNTAX}anførselstegnet (') som begynner teksten her, blir ikke lukket på samme linje, "
        "så YAML leser videre helt til slutten av filen. Sett ' på slutten av teksten på denne "
        "linjen.",
    ),
    "an unclosed bracket": Mistake(
        "responsible:",
        _set("    responsible: [Oslo kommune, Oslo politidistrikt"),
        18,
        f"{SYNTAX}listen som begynner med [ her, blir ikke lukket på samme linje, så YAML leser "
        "videre til linje {line+1}. Sett ] på slutten av listen.",
    ),
    "a stray colon": Mistake(
        "title:",
        _set("    title: Merk: {value}"),
        16,
        f'{SYNTAX}et kolon (:) står et sted der YAML ikke venter det. Sett teksten i anførselstegn ("...") eller bruk | og skriv teksten på linjene under.',
    ),
    "a missing colon": Mistake(
        "title:",
        _set("    title {value}"),
        5,
        f"{SYNTAX}linjen mangler kolon etter feltnavnet «title». Skriv «title: » med kolon og "
        "mellomrom foran verdien.",
    ),
    "no space after the colon": Mistake(
        "number:",
        _set("    number:{value}"),
        11,
        SYNTAX + "det mangler et mellomrom etter kolonet i «number:{number}». Skriv «number: "
        "{number}».",
    ),
    "a tab for indentation": Mistake(
        "number:",
        _set("\t{old}"),
        1,
        f"{SYNTAX}tabulatortegn kan ikke brukes til innrykk i YAML. Bruk mellomrom i stedet.",
    ),
    "a field indented one space too far": Mistake(
        "responsible:",
        _set("     {old}"),
        6,
        f"{SYNTAX}innrykket stemmer ikke. Sjekk at linjen har samme antall mellomrom som de "
        "andre feltene i samme punkt.",
    ),
    "a field indented one space too little": Mistake(
        "responsible:",
        _set("   {old}"),
        4,
        f"{SYNTAX}innrykket stemmer ikke. I en liste starter hver oppføring med «- », og feltene "
        "i en oppføring har samme innrykk; sjekk antall mellomrom først på linjen.",
    ),
    "text after a closing quote": Mistake(
        "seminar:",
        _set('    seminar: "2025" og mer'),
        21,
        f"{SYNTAX}det står mer tekst etter et avsluttende anførselstegn. Sett hele teksten i "
        "anførselstegn, eller bruk | og skriv teksten på linjen under.",
    ),
    "text on the | line": Mistake(
        "text: |",
        _set("        text: | Status:"),
        17,
        f"{SYNTAX}etter | kan det ikke stå tekst på samme linje. Flytt teksten til linjene "
        "under, med mer innrykk enn «text:».",
    ),
    "a status without its dash": Mistake(
        "- edition:",
        _set('        edition: "2026-01"'),
        9,
        "Oppfølgingspunkt «{point}»: «statuses» skal være en liste der hver oppføring starter "
        "med «- », men her står feltene uten «- » foran. Skriv «- » foran det første feltet i "
        "hver oppføring, slik: «- edition: ...».",
    ),
}
PLACES = {"start": "2025-1", "middle": "2025-4", "end": "2025-7"}


def _make(mistake: Mistake, point: str) -> tuple[str, str]:
    """The followups file with ``mistake`` made in ``point``, and the message expected."""
    lines = FOLLOWUPS.split("\n")
    start = lines.index(f'  - id: "{point}"')
    index = next(i for i in range(start, len(lines)) if lines[i].strip().startswith(mistake.field))
    writer = mistake.edit(lines, index) + 1
    message = (
        mistake.message.replace("{line+6}", str(writer + 6))
        .replace("{line+8}", str(writer + 8))
        .replace("{line+1}", str(writer + 1))
        .replace("{point}", point)
        .replace("{number}", point.split("-")[1])
    )
    return "\n".join(lines), f"followups.yaml:{writer}:{mistake.column}: feil: {message}"


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("name", MISTAKES)
def test_a_mistake_is_reported_on_the_line_where_it_was_made(
    tmp_path: Path, name: str, place: str
) -> None:
    text, expected = _make(MISTAKES[name], PLACES[place])
    project = copy_project(tmp_path)
    (project / "followups.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(Sources.in_folder(project))
    assert [str(p) for p in caught.value.problems] == [expected]


def test_every_mistake_in_a_file_is_reported_in_one_run(tmp_path: Path) -> None:
    """Three syntax errors and a misspelt state: four messages, each on its line, no others."""
    text = FOLLOWUPS
    expected = []
    for name, point in (
        ("a missing closing quote", "2025-1"),
        ("an unclosed bracket", "2025-4"),
        ("a status text under-indented", "2025-7"),
    ):
        mistake = MISTAKES[name]
        lines = text.split("\n")
        start = lines.index(f'  - id: "{point}"')
        index = next(
            i for i in range(start, len(lines)) if lines[i].strip().startswith(mistake.field)
        )
        writer = mistake.edit(lines, index) + 1
        text = "\n".join(lines)
        expected.append(writer)
    text = replace(text, "state: pågår", "state: pågar")
    project = copy_project(tmp_path)
    (project / "followups.yaml").write_text(text, encoding="utf-8")
    (project / "ipo_areas.yaml").write_text(replace(IPO, "unit: vest", "unit: vestre"))
    result = run_generator("validate", cwd=project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == "5 feil.", result.stderr
    places = [line.split(": feil:")[0].strip() for line in lines if ": feil:" in line]
    typo = line_of(text, "state: pågar")
    assert places == [
        f"followups.yaml:{expected[0]}:12",
        f"followups.yaml:{typo}:16",
        f"followups.yaml:{expected[1]}:18",
        f"followups.yaml:{expected[2]}:9",
        f"ipo_areas.yaml:{line_of(IPO, 'unit: vest')}:11",
    ]
