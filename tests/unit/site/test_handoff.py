"""The MkDocs process trusts what `generator site` checked only for the same bytes."""

from __future__ import annotations

from pathlib import Path

from generator.site import handoff
from generator.site.build import Sources, load_dataset
from tests.conftest import copy_project


def _sources(project: Path) -> Sources:
    return Sources(
        project / "followups.yaml",
        project / "ipo_areas.yaml",
        project,
        project / "content",
        project / "mkdocs.yml",
    )


def test_the_same_files_are_taken_as_checked(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    sources = _sources(project)
    loaded = load_dataset(sources)
    saved = handoff.write(sources, loaded, tmp_path)
    got = handoff.read(sources, {handoff.CHECKED_ENV: str(saved)})
    assert got is not None and got.data == loaded.data and got.warnings == loaded.warnings


def test_a_changed_file_or_other_sources_are_checked_again(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    sources = _sources(project)
    saved = handoff.write(sources, load_dataset(sources), tmp_path)
    env = {handoff.CHECKED_ENV: str(saved)}
    other = Sources(sources.followups, sources.ipo_areas, project, None, sources.config_file)
    assert handoff.read(other, env) is None
    page = next((project / "content").glob("*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\nEndret.\n", encoding="utf-8")
    assert handoff.read(sources, env) is None


def test_without_or_with_a_broken_file_nothing_is_taken(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    sources = _sources(project)
    assert handoff.read(sources, {}) is None
    broken = tmp_path / "broken.pickle"
    broken.write_bytes(b"not a pickle")
    assert handoff.read(sources, {handoff.CHECKED_ENV: str(broken)}) is None
    assert handoff.read(sources, {handoff.CHECKED_ENV: str(tmp_path / "missing")}) is None
