"""How ``validate`` shows problems: grouped text for people, annotations for GitHub."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.data import problem_text
from generator.data.problems import Position, Problem
from tests.conftest import copy_project, run_generator
from tests.datafiles import edit_file

STATE_ERROR = (
    "Oppfølgingspunkt «2025-2», status «2026-01»: «ferdig» er ikke en gyldig tilstand. "
    "Gyldige verdier: «planlagt», «pågår», «løpende», «fullført» og «avsluttet»."
)
SEMINAR_ERROR = (
    "Oppfølgingspunkt «2025-7»: «2052» i «seminar» finnes ikke under seminars. Mente du «2026»? "
    "Rett id-en, eller legg til «2052» under seminars."
)
UNIT_ERROR = (
    "Område «Hovseter»: «west» i «unit» finnes ikke under units. Mente du «vest»? "
    "Rett id-en, eller legg til «west» under units."
)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """Two errors in one file and one in the other, as an editor might leave them."""
    project = copy_project(tmp_path)
    edit_file(
        project / "followups.yaml",
        'én-til-én-oppfølging]\n    statuses:\n      - edition: "2026-01"\n        state: pågår',
        'én-til-én-oppfølging]\n    statuses:\n      - edition: "2026-01"\n        state: ferdig',
    )
    edit_file(
        project / "followups.yaml",
        '  - id: "2025-7"\n    seminar: "2025"\n',
        '  - id: "2025-7"\n    seminar: "2052"\n',
    )
    edit_file(project / "ipo_areas.yaml", "Hovseter\n    unit: vest", "Hovseter\n    unit: west")
    return project


def test_text_is_grouped_by_file_with_a_count(broken: Path) -> None:
    result = run_generator("validate", cwd=broken)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "followups.yaml:\n"
        f"  followups.yaml:50:16: feil: {STATE_ERROR}\n"
        f"  followups.yaml:108:14: feil: {SEMINAR_ERROR}\n"
        "ipo_areas.yaml:\n"
        f"  ipo_areas.yaml:17:11: feil: {UNIT_ERROR}\n"
        "3 feil.\n"
    )


def test_github_format_annotates_each_line(broken: Path) -> None:
    result = run_generator("validate", "--format", "github", cwd=broken)
    assert result.returncode == 1
    assert result.stdout == (
        f"::error file=followups.yaml,line=50,col=16,title=Feil i datafil::{STATE_ERROR}\n"
        f"::error file=followups.yaml,line=108,col=14,title=Feil i datafil::{SEMINAR_ERROR}\n"
        f"::error file=ipo_areas.yaml,line=17,col=11,title=Feil i datafil::{UNIT_ERROR}\n"
    )


def test_warnings_are_labelled_and_annotated_as_warnings() -> None:
    warning = Problem(Position("followups.yaml", 7, 3), "sjekk dette", "warning")
    error = Problem(Position("followups.yaml", 2, 1), "rett dette")
    assert problem_text.as_text([warning, error]) == (
        "followups.yaml:\n"
        "  followups.yaml:2:1: feil: rett dette\n"
        "  followups.yaml:7:3: advarsel: sjekk dette\n"
        "1 feil og 1 advarsel."
    )
    assert problem_text.as_github([warning]) == (
        "::warning file=followups.yaml,line=7,col=3,title=Advarsel i datafil::sjekk dette"
    )


def test_github_escapes_what_would_break_the_command() -> None:
    """A line break from the data shows as \\n: it could start a workflow command."""
    problem = Problem(Position("data/a:b,c.yaml", 3, 4), "100% feil\nneste linje")
    assert problem_text.as_github([problem]) == (
        "::error file=data/a%3Ab%2Cc.yaml,line=3,col=4,title=Feil i datafil::100%25 feil\\nneste linje"
    )


def test_text_counts_one_warning_and_many() -> None:
    warn = [Problem(Position("f.yaml", n, 1), "x", "warning") for n in (1, 2)]
    assert problem_text.as_text(warn[:1]).splitlines()[-1] == "0 feil og 1 advarsel."
    assert problem_text.as_text(warn).splitlines()[-1] == "0 feil og 2 advarsler."


INJECTED = '"2025-2\\n::add-mask::hemmelig\\n::error file=x::falsk\\r\\n::endgroup::"'


@pytest.fixture
def injected(tmp_path: Path) -> Path:
    """An id whose escapes make lines that GitHub would run as workflow commands."""
    project = copy_project(tmp_path)
    edit_file(project / "followups.yaml", '- id: "2025-2"', f"- id: {INJECTED}")
    return project


SHOWN = "2025-2\\n::add-mask::hemmelig\\n::error file=x::falsk\\r\\n::endgroup::"


def test_text_output_shows_line_breaks_and_starts_no_workflow_command(injected: Path) -> None:
    result = run_generator("validate", cwd=injected)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert not [line for line in lines if line.lstrip().startswith("::")]
    assert lines[1] == (
        f"  followups.yaml:40:9: feil: Oppfølgingspunkt «{SHOWN}»: «{SHOWN}» kan ikke brukes i "
        '«id»: bruk bare små bokstaver a–z, tall og bindestrek, for eksempel "2025-1".'
    )


def test_github_output_has_only_our_annotations(injected: Path) -> None:
    result = run_generator("validate", "--format", "github", cwd=injected)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert all(line.startswith("::error file=followups.yaml,line=") for line in lines), lines
    assert f"«{SHOWN}»" in lines[0]


def test_a_file_name_cannot_start_a_workflow_command() -> None:
    problem = Problem(Position("::add-mask::x.yaml", 1, 1), "rett dette\u200b")
    assert problem_text.as_text([problem]).splitlines()[:2] == [
        "./::add-mask::x.yaml:",
        "  ./::add-mask::x.yaml:1:1: feil: rett dette\\u200b",
    ]
