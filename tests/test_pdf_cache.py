"""The report PDF is the slow part of a build: the preview leaves it out,
builds reuse it while the report's content is unchanged, and it is made in its
own process while MkDocs renders the pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator.site import pdf_process
from tests.conftest import copy_project, run_generator

pytestmark = pytest.mark.slow


def test_the_preview_builds_everything_but_the_pdf(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    preview = tmp_path / "preview"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(preview), strict=False)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    assert (preview / "data" / "oppfolgingspunkter.json").is_file()
    assert (preview / "rapport" / "index.html").is_file()
    assert not list(preview.rglob("*.pdf"))


def test_a_rebuild_reuses_the_pdf_until_the_report_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    assert run_generator("site", cwd=project).returncode == 0
    [cached] = (project / "build" / "cache").glob("rapport-*.pdf")
    pdf = project / "site" / "rapport" / "oppfolgingspunkter-2026-01.pdf"
    first = pdf.read_bytes()
    assert cached.read_bytes() == first
    inode = cached.stat().st_ino  # a new file when made again (write_atomic)

    assert run_generator("site", cwd=project).returncode == 0
    assert pdf.read_bytes() == first
    assert cached.stat().st_ino == inode, "the PDF was made again"

    data = project / "followups.yaml"
    data.write_text(
        data.read_text(encoding="utf-8").replace("juni 2025.", "juni 2025 (endret).", 1),
        encoding="utf-8",
    )
    assert run_generator("site", cwd=project).returncode == 0
    [renewed] = set((project / "build" / "cache").glob("rapport-*.pdf")) - {cached}
    assert cached.exists(), "the earlier report stays for a build of its edition"
    assert pdf.read_bytes() == renewed.read_bytes() != first


def test_a_failed_build_leaves_no_pdf_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDF starts when the data is loaded; a build that fails after that
    (here: a hand-written page with a script) stops it."""
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    (project / "content" / "skript.md").write_text(
        "# Skript\n\n<script>alert(1)</script>\n", encoding="utf-8"
    )
    jobs: list[pdf_process.Job] = []
    start = pdf_process.start

    def spy(document: str, cache_dir: Path | None) -> pdf_process.Job:
        jobs.append(start(document, cache_dir))
        return jobs[-1]

    monkeypatch.setattr(pdf_process, "start", spy)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    with pytest.raises(Abort, match="ikke er tillatt"):
        build(config)
    config.plugins.on_shutdown()
    [job] = jobs
    assert not job.from_cache and job._process is None, "the PDF process was not stopped"
    assert not list((project / "build" / "cache").glob("rapport-*.pdf"))
