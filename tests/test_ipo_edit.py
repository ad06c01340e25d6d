"""``ipo-area add`` and ``ipo-area retire`` as an editor runs them: exactly the
area's lines change, comments and layout stay, clear refusals."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from generator.commands.yaml_roundtrip import Expected, FormatError, check_edit
from tests.conftest import copy_project, run_generator
from tests.datafiles import fill_placeholders, start_round
from tests.test_edit import _refused, added_lines


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def changes(before: str, after: str) -> list[tuple[str, list[str], list[str]]]:
    old, new = before.splitlines(), after.splitlines()
    return [
        (tag, old[i1:i2], new[j1:j2])
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new).get_opcodes()
        if tag != "equal"
    ]


def ipo(project: Path) -> str:
    return (project / "ipo_areas.yaml").read_text(encoding="utf-8")


def test_add_puts_the_area_after_the_units_last_area(project: Path) -> None:
    before = ipo(project)
    result = run_generator(
        "ipo-area", "add", "--unit", "vest", "--name", "Ullern", "--since", "2026", cwd=project
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "La til området «Ullern» under enheten «vest» (Enhet vest) med status «ny» på linje 23 "
        "i ipo_areas.yaml.\n"
        "Sjekk at listen stemmer for «2026-01»: «ny» bare for områder som er tatt inn i denne "
        "runden, «videreført» for dem som var med før, og at områder som ikke lenger er med, "
        "er tatt ut.\n"
    )
    assert changes(before, ipo(project)) == [
        ("insert", [], ["  - name: Ullern", "    unit: vest", "    status: ny", "    since: 2026"])
    ]
    assert (
        ipo(project).index("Majorstua")
        < ipo(project).index("Ullern")
        < ipo(project).index("Grønland")
    )
    assert run_generator("validate", cwd=project).returncode == 0


def test_add_by_the_units_name_without_a_year(project: Path) -> None:
    result = run_generator(
        "ipo-area",
        "add",
        "--unit",
        "enhet øst",
        "--name",
        "Stovner",
        "--status",
        "videreført",
        "--since",
        "",
        cwd=project,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith(
        "La til området «Stovner» under enheten «ost» (Enhet øst) med status «videreført»"
    )
    assert result.stdout.splitlines()[-1] == (
        "Oppstartsåret er ikke oppgitt; skriv «since: ÅÅÅÅ» under området hvis det er kjent."
    )
    assert (
        ipo(project)
        .rstrip("\n")
        .endswith("  - name: Stovner\n    unit: ost\n    status: videreført")
    )


@pytest.mark.parametrize("name", ["holmlia  syd", "Holmlia-syd"])
def test_add_refuses_an_area_the_unit_has(project: Path, name: str) -> None:
    """The same names as the validator's: case, spacing and punctuation aside."""
    assert _refused(project, "ipo-area", "add", "--unit", "ost", "--name", name) == (
        "ipo_areas.yaml: området «Holmlia Syd» står allerede under enheten «ost» (linje 60). "
        "Ingenting er endret.\n"
    )


def test_add_refuses_an_unknown_unit_and_status(project: Path) -> None:
    assert _refused(project, "ipo-area", "add", "--unit", "vst", "--name", "Ullern") == (
        "ipo_areas.yaml: enheten «vst» finnes ikke under units. Mente du «vest»? Enhetene som "
        "finnes: «vest», «sentrum» og «ost». Skriv id-en til enheten, for eksempel «vest».\n"
    )
    assert _refused(
        project, "ipo-area", "add", "--unit", "vest", "--name", "Ullern", "--status", "nytt"
    ) == (
        "«nytt» er ikke en gyldig status for et område. Mente du «ny»? Gyldige verdier: «ny» og "
        "«videreført».\n"
    )


def test_add_refuses_data_with_errors(project: Path) -> None:
    path = project / "ipo_areas.yaml"
    path.write_text(ipo(project).replace("status: ny", "status: nye", 1), encoding="utf-8")
    stderr = _refused(project, "ipo-area", "add", "--unit", "vest", "--name", "Ullern")
    assert stderr.splitlines()[0] == (
        "Datafilene har feil, så ingenting er endret. Rett feilene først (kjør «python -m "
        "generator validate» for å se dem igjen):"
    )


def test_retire_removes_exactly_the_areas_lines(project: Path) -> None:
    before = ipo(project)
    result = run_generator("ipo-area", "retire", "--unit", "ost", "--name", "Furuset", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "Tok ut området «Furuset» under enheten «ost» (linje 32–35 i ipo_areas.yaml). Det vises "
        "ikke for «2026-01»; tidligere rapporteringsrunder viser det som før."
    )
    assert changes(before, ipo(project)) == [
        (
            "delete",
            ["  - name: Furuset", "    unit: ost", "    status: videreført", "    since: 2025"],
            [],
        )
    ]


def test_retire_refuses_an_area_it_cannot_find(project: Path) -> None:
    assert _refused(project, "ipo-area", "retire", "--unit", "vest", "--name", "Majorstuen") == (
        "ipo_areas.yaml: fant ikke området «Majorstuen» under enheten «vest». Mente du "
        "«Majorstua»? Områdene under «vest»: «Hovseter» og «Majorstua». Ingenting er endret.\n"
    )
    assert _refused(project, "ipo-area", "retire", "--unit", "vest", "--name", "Grønland") == (
        "ipo_areas.yaml: fant ikke området «Grønland» under enheten «vest». «Grønland» står "
        "under enheten «sentrum». Områdene under «vest»: «Hovseter» og «Majorstua». Ingenting "
        "er endret.\n"
    )


def test_after_a_new_round_the_list_moves_to_it(project: Path) -> None:
    """The file still carries January: adding an area in June must not change
    January's list, so the file moves to June and January's «ny» areas are continued."""
    start_round(project)
    fill_placeholders(project)
    before = ipo(project)
    result = run_generator(
        "ipo-area", "add", "--unit", "sentrum", "--name", "Vaterland", cwd=project
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        "ipo_areas.yaml gjaldt rapporteringsrunden «2026-01»; nå gjelder den «2026-06» (Status "
        "pr juni 2026), den nyeste, slik at listen for «2026-01» står som før.",
        "8 områder som var «ny» i «2026-01», er nå «videreført»: «Hovseter», «Vestli», "
        "«Bjørndal», «Ellingsrud», «Trosterud», «Fossum», «Grorud» og «Holmlia Syd».",
        "Sjekk at hele listen stemmer for «2026-06»: «ny» bare for områder som er tatt inn i "
        "denne runden, «videreført» for dem som var med før, og at områder som ikke lenger er "
        "med, er tatt ut.",
        "Oppstartsåret er ikke oppgitt; skriv «since: ÅÅÅÅ» under området hvis det er kjent.",
    ]
    found = changes(before, ipo(project))
    assert found[0] == ("replace", ['edition: "2026-01"'], ['edition: "2026-06"'])
    assert ("insert", [], ["  - name: Vaterland", "    unit: sentrum", "    status: ny"]) in found
    assert sum(c == ("replace", ["    status: ny"], ["    status: videreført"]) for c in found) == 8
    assert len(found) == 1 + 1 + 8
    assert run_generator("validate", cwd=project).returncode == 0


LAYOUT = """\
# Områdene, gruppert etter enhet.
edition: '2026-01'
units:
  - id: vest
    name: Enhet vest
  - id: ost
    name: Enhet øst
areas:
  # Enhet vest
  - name: Hovseter
    unit: vest
    status: ny   # fra januar

  - name: Majorstua
    unit: vest
    status: videreført

  # Enhet øst
  - name: Furuset
    unit: ost
    status: "videreført"
    since: 2025

# Slutt.
"""


@pytest.fixture
def laid_out(project: Path) -> Path:
    (project / "ipo_areas.yaml").write_text(LAYOUT, encoding="utf-8")
    assert run_generator("validate", cwd=project).returncode == 0
    return project


def test_blank_lines_and_comments_stay_between_the_same_areas(laid_out: Path) -> None:
    result = run_generator("ipo-area", "add", "--unit", "vest", "--name", "Ullern", cwd=laid_out)
    assert result.returncode == 0, result.stderr
    assert added_lines(LAYOUT, ipo(laid_out)) == [
        "  - name: Ullern",
        "    unit: vest",
        "    status: ny",
        "",
    ]
    assert "    status: videreført\n\n  - name: Ullern\n" in ipo(laid_out)
    assert "    status: ny\n\n  # Enhet øst\n" in ipo(laid_out)

    (laid_out / "ipo_areas.yaml").write_text(LAYOUT, encoding="utf-8")
    result = run_generator(
        "ipo-area", "retire", "--unit", "vest", "--name", "Majorstua", cwd=laid_out
    )
    assert result.returncode == 0, result.stderr
    assert ipo(laid_out) == LAYOUT.replace(
        "  - name: Majorstua\n    unit: vest\n    status: videreført\n\n", ""
    )

    (laid_out / "ipo_areas.yaml").write_text(LAYOUT, encoding="utf-8")
    result = run_generator("ipo-area", "retire", "--unit", "ost", "--name", "Furuset", cwd=laid_out)
    assert result.returncode == 0, result.stderr
    assert ipo(laid_out) == LAYOUT.replace(
        '  - name: Furuset\n    unit: ost\n    status: "videreført"\n    since: 2025\n\n', ""
    )


def test_a_comment_with_nowhere_to_go_is_refused_not_lost(laid_out: Path) -> None:
    text = LAYOUT.replace("  # Enhet vest\n", "").replace(
        "    status: ny   # fra januar\n\n", "    status: ny   # fra januar\n  # Majorstua:\n"
    )
    (laid_out / "ipo_areas.yaml").write_text(text, encoding="utf-8")
    assert _refused(laid_out, "ipo-area", "retire", "--unit", "vest", "--name", "Hovseter") == (
        "ipo_areas.yaml: det står en kommentar rett etter det som skal fjernes, og den har ingen "
        "plass å flytte til. Filen er ikke endret; gjør endringen for hånd.\n"
    )


@pytest.mark.parametrize(
    ("after", "expected", "message"),
    [
        ("a\nc\n", Expected(removed={2}), None),
        ("a\nB\nc\n", Expected(changed={2: "B"}), None),
        ("a\nc\n", Expected(), "endringen ville ha endret linje 2 i filen"),
        ("a\nb\nx\nc\n", Expected(added=0), "endringen ville ha lagt til 1 linje i filen, ikke 0"),
        ("a\nb\nc\n", Expected(removed={2}, added=0), "endringen ville ha lagt til 1 linje"),
        ("a\nb\nc\n", Expected(changed={2: "B"}), "endringen ville ha endret linje 2 i filen"),
    ],
)
def test_the_guard_allows_only_the_named_changes(
    after: str, expected: Expected, message: str | None
) -> None:
    if message is None:
        check_edit("a\nb\nc\n", after, expected)
    else:
        with pytest.raises(FormatError, match=message):
            check_edit("a\nb\nc\n", after, expected)
