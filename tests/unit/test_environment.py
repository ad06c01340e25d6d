"""generator/environment.py in-process: the sentences for a wrong Python or a missing
environment. tests/test_environment.py runs the same checks through real interpreters."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from generator import environment


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder that is the only place the project may be."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(environment, "_roots", lambda: [str(tmp_path)])
    monkeypatch.setattr(sys, "argv", ["generator", "validate", "--format", "github"])
    return tmp_path


def _venv(root: Path, *parts: str) -> Path:
    python = root.joinpath(".venv", *parts)
    python.parent.mkdir(parents=True)
    python.write_text("", encoding="utf-8")
    return python


def test_a_new_enough_python_is_no_problem() -> None:
    assert environment.version_problem((3, 11, 0)) is None
    assert environment.version_problem((3, 13, 2)) is None
    assert environment.version_problem((4, 0)) is None
    assert environment.version_problem() is None  # the Python running the tests


def test_an_old_python_without_an_environment_says_what_to_install(project: Path) -> None:
    assert environment.version_problem((3, 10, 12), "/usr/bin/python3.10") == (
        "Verktøyet trenger Python 3.11 eller nyere, men dette er Python 3.10.12 "
        "(/usr/bin/python3.10). Installer Python 3.11 eller nyere, og kjør «make site "
        "PYTHON=python3.11» i mappen med verktøyet; da lages et miljø i .venv med riktig Python."
    )


def test_an_old_python_beside_the_projects_environment_names_its_python(project: Path) -> None:
    _venv(project, "bin", "python")
    assert environment.version_problem((3, 9, 1), "/usr/bin/python3.9") == (
        "Verktøyet trenger Python 3.11 eller nyere, men dette er Python 3.9.1 "
        "(/usr/bin/python3.9). Bruk prosjektets miljø: .venv/bin/python -m generator validate "
        "--format github"
    )


def test_nothing_missing_is_no_problem() -> None:
    assert environment.package_problem([]) is None


def test_a_missing_package_without_an_environment_says_make_site(project: Path) -> None:
    assert environment.package_problem(["babel", "jinja2"]) == (
        "Python finner ikke pakken «babel», som verktøyet trenger. Kjør «make site» først: den "
        "lager et miljø i .venv med alt verktøyet trenger. Aktiver det så med «source "
        ".venv/bin/activate» (på Windows: .venv\\Scripts\\activate), eller kjør «.venv/bin/python "
        "-m generator validate --format github»."
    )


def test_a_missing_package_with_an_environment_not_in_use_says_activate(project: Path) -> None:
    _venv(project, "bin", "python")
    assert environment.package_problem(["mkdocs"]) == (
        "Python finner ikke pakken «mkdocs», som verktøyet trenger: prosjektets miljø (.venv) er "
        "ikke i bruk. Aktiver det med «source .venv/bin/activate» og prøv igjen, eller kjør "
        "«.venv/bin/python -m generator validate --format github»."
    )


def test_a_missing_package_in_the_environment_in_use_says_make_venv(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _venv(project, "bin", "python")
    monkeypatch.setattr(sys, "prefix", str(project / ".venv"))
    assert environment.package_problem(["mike"]) == (
        "Python finner ikke pakken «mike», som verktøyet trenger: miljøet i .venv er ikke ferdig "
        "installert. Kjør «make venv», så installeres det som mangler."
    )


def test_a_windows_environment_is_found_and_activated_without_source(project: Path) -> None:
    python = _venv(project, "Scripts", "python.exe")
    assert environment._venv_python(str(project)) == str(python)
    assert environment._activate(str(python)) == os.path.join(".venv", "Scripts", "activate")
    assert environment._activate(str(project / ".venv" / "bin" / "python")) == (
        "source .venv/bin/activate"
    )


def test_no_environment_is_none(tmp_path: Path) -> None:
    assert environment._venv_python(str(tmp_path)) is None


def test_a_path_is_shown_relative_only_inside_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "inne").mkdir()
    monkeypatch.chdir(tmp_path / "inne")
    assert environment._shown(str(tmp_path / "inne" / ".venv" / "bin" / "python")) == (
        ".venv/bin/python"
    )
    assert environment._shown(str(tmp_path / "ute")) == str(tmp_path / "ute")


def test_another_root_than_the_working_folder_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert environment._in(str(tmp_path)) == ""
    assert environment._in("/et/annet/sted") == " i /et/annet/sted"


def test_the_roots_are_the_working_folder_then_the_tools_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = Path(environment.__file__).resolve().parent.parent
    monkeypatch.chdir(tmp_path)
    assert environment._roots() == [str(tmp_path), str(tool)]
    monkeypatch.chdir(tool)
    assert environment._roots() == [str(tool)]


def test_missing_packages_are_those_python_cannot_find(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        environment, "PACKAGES", ("json", "finnes_ikke_xyz", "finnes_ikke_xyz.under", "yaml")
    )
    assert environment.missing_packages() == ["finnes_ikke_xyz", "finnes_ikke_xyz.under"]


def test_the_tools_packages_are_installed_here() -> None:
    assert environment.missing_packages() == []


def test_check_stops_with_the_sentence_and_exit_code_3(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(environment, "missing_packages", lambda: ["babel"])
    with pytest.raises(SystemExit) as stopped:
        environment.check()
    assert stopped.value.code == 3  # the environment's, not the data's
    captured = capsys.readouterr()
    assert captured.out == ""
    expected = environment.package_problem(["babel"])
    assert expected is not None and expected.startswith("Python finner ikke pakken «babel»")
    assert captured.err == expected + "\n"


def test_check_passes_quietly_when_all_is_there(capsys: pytest.CaptureFixture[str]) -> None:
    environment.check()
    assert capsys.readouterr() == ("", "")
