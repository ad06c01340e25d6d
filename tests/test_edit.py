"""``new-round`` and ``new-followup`` as an editor runs them: only added lines, clean refusals."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from tests.conftest import OSLO, copy_project, run_generator
from tests.datafiles import PLACEHOLDER_LINE, start_round

FIXTURES = Path(__file__).parent / "fixtures"
MINIMAL_IPO = 'edition: "2026-01"\nunits:\n  - id: nord\n    name: Enhet nord\nareas: []\n'


def added_lines(before: str, after: str) -> list[str]:
    """The lines ``after`` adds to ``before``; fails if any line of ``before`` changed or moved."""
    added: list[str] = []
    old, new = before.splitlines(), after.splitlines()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        assert tag in ("equal", "insert"), f"changed lines {old[i1:i2]} -> {new[j1:j2]}"
        if tag == "insert":
            added += new[j1:j2]
    return added


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


@pytest.fixture
def styled(tmp_path: Path) -> Path:
    """A hand-written file with comments, blank lines, mixed quotes and flow lists."""
    shutil.copy(FIXTURES / "edit_styles.yaml", tmp_path / "followups.yaml")
    (tmp_path / "ipo_areas.yaml").write_text(MINIMAL_IPO, encoding="utf-8")
    return tmp_path


def status_block(state: str) -> list[str]:
    return [
        '      - edition: "2026-06"',
        f"        state: {state}",
        "        text: |",
        f"          {PLACEHOLDER_LINE}",
    ]


def test_new_round_adds_the_edition_and_a_status_to_every_open_point(project: Path) -> None:
    before = (project / "followups.yaml").read_text(encoding="utf-8")
    result = run_generator(
        "new-round",
        "2026-06",
        "--title",
        "Status pr juni 2026",
        "--date",
        "2026-06-15",
        cwd=project,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "La til runden «2026-06» (Status pr juni 2026, 2026-06-15) på linje 18 i followups.yaml."
    )
    after = (project / "followups.yaml").read_text(encoding="utf-8")
    states = ["løpende", "pågår", "pågår", "pågår", "løpende", "pågår", "løpende"]
    expected = ['  - id: "2026-06"', "    title: Status pr juni 2026", "    date: 2026-06-15"]
    for state in states:
        expected += status_block(state)
    assert added_lines(before, after) == expected


def test_new_round_keeps_comments_quotes_and_blank_lines(styled: Path) -> None:
    before = (styled / "followups.yaml").read_text(encoding="utf-8")
    result = run_generator("new-round", "2026-06", "--date", "2026-06-15", cwd=styled)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith(
        "Ny status med plassholdertekst for 3 punkter: «2025-1», «2025-3» og «2025-4»."
    )
    after = (styled / "followups.yaml").read_text(encoding="utf-8")
    # The one allowed change: an empty «statuses: []» opens up to take the item.
    assert before.count("    statuses: []\n") == 1
    assert "    statuses: []\n" not in after
    opened = before.replace("    statuses: []\n", "    statuses:\n")
    # Blank lines and comments stay between the same neighbours (reviewed golden file).
    assert after == (FIXTURES / "edit_styles.after-new-round.yaml").read_text(encoding="utf-8")
    # The fullført point gets nothing; a point without statuses starts as planlagt.
    assert added_lines(opened, after) == [
        '  - id: "2026-06"',
        "    title: Status pr juni 2026",
        "    date: 2026-06-15",
        *status_block("pågår"),
        *status_block("planlagt"),
        "    statuses:",
        *status_block("planlagt"),
    ]


def test_new_round_keeps_windows_line_endings(styled: Path) -> None:
    path = styled / "followups.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    before = path.read_bytes()
    result = run_generator("new-round", "2026-06", "--date", "2026-06-15", cwd=styled)
    assert result.returncode == 0, result.stderr
    after = path.read_bytes()
    assert b"\n" not in after.replace(b"\r\n", b"")
    opened = before.decode().replace("statuses: []", "statuses:")
    assert len(added_lines(opened, after.decode())) == 3 + 4 + 4 + 5


def test_placeholder_is_an_error_naming_the_point(project: Path) -> None:
    start_round(project)
    result = run_generator("validate", cwd=project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[1] == (
        "  followups.yaml:45:15: feil: Oppfølgingspunkt «2025-1»: statusen for «2026-06» er ikke "
        "fylt ut (teksten inneholder «FYLL INN»). Skriv den nye statusen i «text» i stedet for "
        "plassholderteksten, og sjekk at «state» stemmer."
    )
    assert lines[-1] == "7 feil."


def _refused(project: Path, *args: str) -> str:
    """Run a command that must refuse: exit 1, nothing written; returns stderr."""
    before = {p.name: p.read_bytes() for p in project.glob("*.yaml")}
    result = run_generator(*args, cwd=project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout == ""
    assert {p.name: p.read_bytes() for p in project.glob("*.yaml")} == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".")] == []
    return result.stderr


def test_new_round_refuses_an_existing_edition(project: Path) -> None:
    assert _refused(project, "new-round", "2026-01", "--date", "2026-06-15") == (
        "followups.yaml: runden «2026-01» finnes allerede (linje 15). Velg en annen id, eller "
        "fyll ut statusene i den runden som finnes.\n"
    )


def test_new_round_refuses_a_date_before_the_last_round(project: Path) -> None:
    assert _refused(project, "new-round", "2026-06", "--date", "2026-01-30") == (
        "Datoen 2026-01-30 er ikke senere enn forrige runde «2026-01» (2026-01-30). "
        "Oppgi en senere dato med --date ÅÅÅÅ-MM-DD.\n"
    )


def test_new_round_refuses_a_bad_id_and_a_missing_title(project: Path) -> None:
    assert _refused(project, "new-round", "Juni 2026", "--date", "2026-06-15") == (
        "«Juni 2026» kan ikke brukes som id for en runde: bruk bare små bokstaver a–z, tall og "
        'bindestrek, for eksempel "2026-06".\n'
    )
    assert _refused(project, "new-round", "sommer", "--date", "2026-06-15") == (
        'Runden «sommer» trenger en tittel: oppgi den med --title "Status pr juni 2026".\n'
    )


def test_new_round_refuses_invalid_data(project: Path) -> None:
    path = project / "followups.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("state: pågår", "state: ferdig", 1),
        encoding="utf-8",
    )
    assert _refused(project, "new-round", "2026-06", "--date", "2026-06-15") == (
        "Datafilene har feil, så ingenting er endret. Rett feilene først "
        "(kjør «python -m generator validate» for å se dem igjen):\n"
        "followups.yaml:\n"
        "  followups.yaml:50:16: feil: Oppfølgingspunkt «2025-2», status «2026-01»: «ferdig» er "
        "ikke en gyldig tilstand. Gyldige verdier: «planlagt», «pågår», "
        "«løpende», «fullført» og «avsluttet».\n"
        "1 feil.\n"
    )


def test_new_round_refuses_while_the_last_round_is_unfinished(project: Path) -> None:
    start_round(project)
    stderr = _refused(project, "new-round", "2026-09", "--date", "2026-09-15")
    assert stderr.splitlines()[0] == (
        "followups.yaml: den forrige runden er ikke ferdig utfylt, så ingen ny runde er startet. "
        "Fyll ut disse statusene først:"
    )
    assert stderr.splitlines()[-1] == "7 feil."


def test_an_edit_that_would_change_other_lines_is_refused(styled: Path) -> None:
    path = styled / "followups.yaml"
    # Two indentation styles in one file: valid YAML, but no round trip keeps both.
    text = path.read_text(encoding="utf-8").replace(
        "    responsible:\n      - Prøveby politistasjon",
        "    responsible:\n    - Prøveby politistasjon",
    )
    path.write_text(text, encoding="utf-8")
    assert run_generator("validate", cwd=styled).returncode == 0
    stderr = _refused(styled, "new-round", "2026-06", "--date", "2026-06-15")
    assert stderr.startswith("followups.yaml: filens innrykk eller formatering er uvanlig")


def test_new_followup_adds_the_next_number_after_the_seminars_last_point(project: Path) -> None:
    before = (project / "followups.yaml").read_text(encoding="utf-8")
    result = run_generator(
        "new-followup", "--seminar", "2025", "--title", "Trygghet: en ny plan", cwd=project
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "La til oppfølgingspunkt 8 i seminaret «2025» med id «2025-8» på linje 120 i followups.yaml.\n"
        "Fyll ut «description» og «responsible» (tags og deadline kan stå tomme). "
        "«python -m generator validate» viser hva som mangler.\n"
    )
    after = (project / "followups.yaml").read_text(encoding="utf-8")
    assert added_lines(before, after) == [
        '  - id: "2025-8"',
        '    seminar: "2025"',
        "    number: 8",
        "    title: 'Trygghet: en ny plan'",
        "    description:",
        "    responsible: []",
        "    tags: []",
        "    deadline:",
    ]
    # The skeleton is not publishable, and the validator says why, field by field.
    check = run_generator("validate", cwd=project)
    assert check.returncode == 1
    lines = check.stderr.splitlines()
    assert len(lines) == 4 and lines[0] == "followups.yaml:" and lines[-1] == "2 feil."
    assert lines[1].startswith(
        "  followups.yaml:124:17: feil: Oppfølgingspunkt «2025-8»: feltet «description» er tomt."
    )
    assert lines[2] == (
        "  followups.yaml:125:18: feil: Oppfølgingspunkt «2025-8»: listen «responsible» er tom, men må ha minst én verdi. Skriv verdiene i klammer, for eksempel [A, B], eller én per linje med «- » foran."
    )


def test_new_followup_in_a_seminar_without_points_and_during_a_round(styled: Path) -> None:
    start_round(styled)
    before = (styled / "followups.yaml").read_text(encoding="utf-8")
    result = run_generator("new-followup", "--seminar", "2026", cwd=styled)
    assert result.returncode == 0, result.stderr
    added = added_lines(before, (styled / "followups.yaml").read_text(encoding="utf-8"))
    # The file separates its points with blank lines, but its last point was written
    # without one: it gets one, and so does the new point.
    assert added[:5] == [
        "",
        '  - id: "2026-1"',
        '    seminar: "2026"',
        "    number: 1",
        "    title:",
    ]
    assert added[-1] == ""
    check = run_generator("validate", cwd=styled)
    assert "Oppfølgingspunkt «2026-1»: feltet «title» er tomt." in check.stderr


def test_new_followup_refuses_an_unknown_seminar(project: Path) -> None:
    assert _refused(project, "new-followup", "--seminar", "2052") == (
        "followups.yaml: seminaret «2052» finnes ikke under seminars. Mente du «2026»? "
        "Seminarene som finnes: «2025» og «2026». Legg til seminaret under seminars først hvis "
        "det er nytt.\n"
    )


def test_new_followup_refuses_an_id_that_is_taken(project: Path) -> None:
    path = project / "followups.yaml"
    text = path.read_text(encoding="utf-8").replace('- id: "2025-7"', '- id: "2025-8"')
    path.write_text(text, encoding="utf-8")
    assert _refused(project, "new-followup", "--seminar", "2025") == (
        "followups.yaml: id-en «2025-8» for det nye punktet er allerede brukt (linje 107). "
        "Gi det punktet en annen id og prøv igjen.\n"
    )


def test_shipped_files_round_trip_unchanged() -> None:
    from generator.commands.yaml_roundtrip import open_document

    for name in ("followups.yaml", "ipo_areas.yaml"):
        raw = (OSLO / name).read_bytes()
        assert open_document(raw).render() == raw


# --- Issue 12: the commands check what they write with the validator's own rules


@pytest.mark.parametrize(
    "args,message",
    [
        (
            ["new-round", "a" * 65, "--title", "Lang", "--date", "2026-06-15"],
            "«id» er 65 tegn lang; en id kan være høyst 64 tegn, fordi den blir en del av sidens "
            'adresse. Bruk en kort id, for eksempel "2026-06".',
        ),
        (
            ["new-round", "2026-06\n", "--date", "2026-06-15"],
            "«2026-06\\n» kan ikke brukes som id for en runde: bruk bare små bokstaver a–z, tall "
            'og bindestrek, for eksempel "2026-06".',
        ),
        (
            ["new-round", "2026-06\n::add-mask::hemmelig", "--title", "x", "--date", "2026-06-15"],
            "«2026-06\\n::add-mask::hemmelig» kan ikke brukes som id for en runde: bruk bare små "
            'bokstaver a–z, tall og bindestrek, for eksempel "2026-06".',
        ),
        (
            ["new-round", "latest", "--title", "Siste", "--date", "2026-06-15"],
            "«latest» kan ikke brukes som id for en runde: navnet brukes til lenken til den "
            "nyeste utgaven (latest) når nettstedet publiseres. Velg en annen id, for eksempel "
            '"2026-06".',
        ),
        (
            ["new-round", "com1", "--title", "Første", "--date", "2026-06-15"],
            "«com1» kan ikke brukes som id for en runde: id-en blir et fil- eller mappenavn, og "
            "Windows godtar ikke navnene con, prn, aux, nul, com0–com9 og lpt0–lpt9. Velg en "
            'annen id, for eksempel "2026-06".',
        ),
        (
            ["new-round", "2026-06", "--title", "Status\u200b pr juni", "--date", "2026-06-15"],
            "«title»: teksten inneholder et usynlig formateringstegn (U+200B, mellomrom med null "
            "bredde). Det synes ikke, men gjør at navn som ser like ut, blir ulike, og at søk ikke "
            "finner teksten. Slett tegnet (gå til stedet meldingen viser og trykk Delete, eller "
            "skriv ordet på nytt); slike tegn kommer ofte med ved innliming fra Word eller en "
            "nettside.",
        ),
        (
            ["new-followup", "--seminar", "2025", "--title", "\u2800"],
            "«title»: feltet «title» er tomt: det står bare usynlige tegn der. Slett dem og skriv "
            "inn en verdi.",
        ),
    ],
    ids=[
        "65 characters",
        "trailing line break",
        "workflow command",
        "latest",
        "com1",
        "zero-width space in the title",
        "invisible title",
    ],
)
def test_commands_refuse_what_the_validator_would_refuse(
    project: Path, args: list[str], message: str
) -> None:
    stderr = _refused(project, *args)
    assert stderr == message + "\n"
    assert not any(line.lstrip().startswith("::") for line in stderr.splitlines())


def test_new_followup_refuses_an_id_longer_than_the_validator_allows(project: Path) -> None:
    seminar = "s" * 63
    path = project / "followups.yaml"
    text = path.read_text(encoding="utf-8").replace('- id: "2026"\n', f'- id: "{seminar}"\n', 1)
    text = text.replace('seminar: "2026"', f'seminar: "{seminar}"')
    path.write_text(text, encoding="utf-8")
    assert run_generator("validate", cwd=project).returncode == 0
    assert _refused(project, "new-followup", "--seminar", seminar) == (
        f"followups.yaml: «id» er {len(seminar) + 2} tegn lang; en id kan være høyst 64 tegn, "
        'fordi den blir en del av sidens adresse. Bruk en kort id, for eksempel "2025-1". '
        "Id-en lages av seminarets id og punktets nummer; gi seminaret en kortere id, eller legg "
        "til punktet for hånd.\n"
    )
