"""One error base, three kinds, one catch: what stops a command and the exit code it gives.

The subprocess tests run ``python -m generator`` on the frozen Oslo fixture
(``copy_project``), one per exit path; the in-process ones check the mapping
and the words each command uses when it stops.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator import cli, errors
from generator.commands import change_summary, edit_followups, init, publish, pull_request
from generator.commands.yaml_roundtrip import FormatError
from generator.data.problems import DataError, Position, Problem
from generator.data.snapshot import UnknownEdition
from generator.site import folders, live_preview, publish_env
from tests.conftest import ROOT, copy_project, run_generator

PROBLEM = Problem(Position("followups.yaml", 3, 5), "«title» mangler.")


# --- the mapping -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("failure", "code"),
    [
        (DataError([PROBLEM]), 1),
        (edit_followups.EditRefused("nei"), 1),
        (init.InitRefused("nei"), 1),
        (UnknownEdition("2031-01", ()), 1),
        (FormatError("nei"), 1),
        (publish.PublishRefused("nei"), 1),
        (live_preview.AddressError("nei"), 2),
        (errors.UsageFailure("nei"), 2),
        (folders.FolderRefused("nei"), 3),
        (publish.PublishError("nei"), 3),
        (pull_request.ChangeFailed("nei"), 3),
        (change_summary.RevisionError("nei"), 3),
        (publish_env.AddressError("nei"), 3),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Exception) else str(value),
)
def test_each_failure_has_the_exit_code_of_what_must_be_fixed(
    failure: errors.Failure, code: int
) -> None:
    assert isinstance(failure, errors.Failure)
    assert failure.exit_code == code


def test_the_edit_and_init_refusals_are_one_class() -> None:
    assert edit_followups.EditRefused is init.InitRefused is errors.Refused


def test_a_failure_carries_its_message_and_problems_sorted() -> None:
    later = Problem(Position("followups.yaml", 9, 1), "senere")
    failure = errors.Refused("Rett dette først:", [later, PROBLEM])
    assert failure.message == str(failure) == "Rett dette først:"
    assert failure.problems == (PROBLEM, later)
    assert errors.Failure().problems == ()


def test_a_crash_is_not_a_data_problem() -> None:
    assert errors.EXIT_CRASH not in (errors.EXIT_OK, errors.EXIT_DATA, errors.EXIT_USAGE)


def test_the_exit_codes_are_in_the_help() -> None:
    text = cli.parser().format_help()
    assert "avslutningskoder:" in text
    for code in ("0", "1", "2", "3"):
        assert f"\n  {code}  " in text
    assert "--debug" in text


# --- each command's words when it stops ---------------------------------------------


def test_publish_names_what_was_not_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path)

    def broken_data(options: publish.Options) -> publish.Published:
        raise DataError([PROBLEM])

    monkeypatch.setattr(publish, "publish", broken_data)
    assert cli.main(["--root", str(project), "publish"]) == 1
    err = capsys.readouterr().err
    assert err.endswith(
        "followups.yaml:\n"
        "  followups.yaml:3:5: feil: «title» mangler.\n"
        "1 feil.\n"
        "Ingenting er publisert: rett feilene over først.\n"
    ), err

    def raced(options: publish.Options) -> publish.Published:
        raise publish.PublishError("Noen andre publiserte.\nPubliser på nytt.")

    monkeypatch.setattr(publish, "publish", raced)
    assert cli.main(["--root", str(project), "publish"]) == 3
    assert capsys.readouterr().err.endswith(
        "Ingenting er publisert. Noen andre publiserte.\nPubliser på nytt.\n"
    )


def test_validate_writes_annotations_to_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object) -> object:
        raise DataError([PROBLEM])

    monkeypatch.setattr(cli, "load_dataset", broken)
    assert cli.main(["--root", str(tmp_path), "validate", "--format", "github"]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("::error file=followups.yaml,line=3,col=5"), out
    assert err == ""


def test_a_message_cannot_start_a_workflow_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(*args: object) -> object:
        raise errors.Refused("Feil:\n::add-mask::hemmelig")

    monkeypatch.setattr(cli, "load_dataset", refuse)
    assert cli.main(["--root", str(tmp_path), "validate"]) == 1
    assert capsys.readouterr().err == "Feil:\n\\::add-mask::hemmelig\n"


def test_a_crash_says_so_in_one_sentence_and_shows_the_traceback_only_with_debug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def bug(*args: object) -> object:
        raise KeyError("oops")

    monkeypatch.setattr(cli, "load_dataset", bug)
    assert cli.main(["--root", str(tmp_path), "validate"]) == errors.EXIT_CRASH
    assert capsys.readouterr().err == errors.crashed(KeyError()) + "\n"
    assert cli.main(["--debug", "--root", str(tmp_path), "validate"]) == errors.EXIT_CRASH
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):")
    assert err.endswith("KeyError: 'oops'\n" + errors.crashed(KeyError()) + "\n")


# --- one subprocess per exit path ----------------------------------------------------


def test_exit_0_when_the_data_is_good(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    result = run_generator("validate", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Datafilene er i orden: ")


def test_exit_1_for_the_datas_problems(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    data = project / "followups.yaml"
    data.write_text(data.read_text(encoding="utf-8") + "ukjent_nøkkel: 1\n", encoding="utf-8")
    result = run_generator("validate", cwd=project)
    assert result.returncode == 1, result.stderr
    assert "followups.yaml:" in result.stderr
    assert "ukjent_nøkkel" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["serve", "--addr", "hei"], "«hei» er ikke en adresse for forhåndsvisningen."),
        (["new-round", "2026-06", "--date", "20260615"], "«20260615» i «--date» er ikke en"),
        (["validate", "--format", "xml"], "ugyldig valg: 'xml'"),
    ],
)
def test_exit_2_for_the_command_lines_mistakes(tmp_path: Path, args: list[str], said: str) -> None:
    project = copy_project(tmp_path)
    result = run_generator(*args, cwd=project)
    assert result.returncode == 2, result.stderr
    assert said in result.stderr
    assert "Traceback" not in result.stderr


def test_exit_3_when_the_environment_stops_the_command(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    result = run_generator("build", "--out", "content", cwd=project)
    assert result.returncode == 3, result.stderr
    assert "--out" in result.stderr
    assert "Traceback" not in result.stderr


def test_exit_3_when_git_cannot_read_the_revision(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    result = run_generator("diff", "finnes-ikke", cwd=project)
    assert result.returncode == 3, result.stderr
    assert result.stderr.startswith("Fant ikke git-revisjonen «finnes-ikke».")


_CRASHING = textwrap.dedent(
    """
    import sys
    from generator import cli

    def bug(*args):
        raise ZeroDivisionError("a bug")

    cli.load_dataset = bug
    sys.exit(cli.main(sys.argv[1:]))
    """
)


@pytest.mark.parametrize("debug", [False, True])
def test_exit_3_when_the_tool_itself_fails(tmp_path: Path, debug: bool) -> None:
    project = copy_project(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", _CRASHING, *(["--debug"] if debug else []), "validate"],
        cwd=project,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 3
    sentence = errors.crashed(ZeroDivisionError()) + "\n"
    if debug:
        assert result.stderr.startswith("Traceback (most recent call last):")
        assert result.stderr.endswith("ZeroDivisionError: a bug\n" + sentence)
    else:
        assert result.stderr == sentence
