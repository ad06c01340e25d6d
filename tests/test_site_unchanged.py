"""`generator site` with nothing changed since the last build has nothing to do."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.commands import fingerprint
from generator.site import stamp
from generator.site.build import Sources
from tests.conftest import copy_project, run_generator

pytestmark = pytest.mark.slow

UNCHANGED = "Ingenting er endret siden forrige bygging; nettstedet i site/ er uendret."


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("unchanged"))
    first = run_generator("site", cwd=project)
    assert first.returncode == 0, first.stderr
    assert "Nettstedet er bygget" in first.stdout
    return project


def _site(project: Path) -> dict[str, int]:
    site = project / "site"
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*")}


def _rebuilt(project: Path) -> None:
    result = run_generator("site", cwd=project)
    assert result.returncode == 0, result.stderr
    assert UNCHANGED not in result.stdout
    assert "Nettstedet er bygget" in result.stdout


def test_nothing_changed_builds_nothing_and_says_so(project: Path) -> None:
    before = _site(project)
    result = run_generator("site", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == UNCHANGED
    assert "Datafilene er i orden" not in result.stdout
    assert _site(project) == before


def test_force_builds_again(project: Path) -> None:
    result = run_generator("site", "--force", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Nettstedet er bygget" in result.stdout


def test_a_deleted_or_edited_site_file_is_built_again(project: Path) -> None:
    page = project / "site" / "index.html"
    page.unlink()
    _rebuilt(project)
    assert page.is_file()
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "<!-- for hånd -->", encoding="utf-8")
    _rebuilt(project)
    assert page.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    "change",
    ["data file", "content page", "mkdocs.yml"],
)
def test_a_changed_input_builds_again(project: Path, change: str) -> None:
    path = {
        "data file": project / "followups.yaml",
        "content page": next((project / "content").glob("*.md")),
        "mkdocs.yml": project / "mkdocs.yml",
    }[change]
    original = path.read_text(encoding="utf-8")
    path.write_text(
        original + "\n# endret\n" if change != "content page" else original + "\nEndret.\n",
        encoding="utf-8",
    )
    try:
        _rebuilt(project)
    finally:
        path.write_text(original, encoding="utf-8")
    _rebuilt(project)  # back to what it was: a build of those inputs again


def test_the_date_the_environment_and_the_code_are_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path)
    code = tmp_path / "generator"
    code.mkdir()
    (code / "render.py").write_text("A = 1\n", encoding="utf-8")
    monkeypatch.setattr(fingerprint, "_PACKAGE", code)
    sources = Sources.in_folder(project)
    config = project / "mkdocs.yml"
    day = dt.date(2026, 3, 1)
    base = stamp.inputs(sources, config, (), day, {})
    assert stamp.inputs(sources, config, (), day, {}) == base
    assert stamp.inputs(sources, config, (), day + dt.timedelta(days=1), {}) != base
    assert stamp.inputs(sources, config, (), day, {"SITE_URL": "https://x.no/"}) != base
    (code / "render.py").write_text("A = 2\n", encoding="utf-8")
    assert stamp.inputs(sources, config, (), day, {}) != base
