"""The report PDF is the slow part of a build: the preview leaves it out and
builds reuse it while the report's content is unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

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
    stamp = cached.stat().st_mtime_ns

    assert run_generator("site", cwd=project).returncode == 0
    assert pdf.read_bytes() == first
    assert cached.stat().st_mtime_ns == stamp, "the PDF was made again"

    data = project / "followups.yaml"
    data.write_text(
        data.read_text(encoding="utf-8").replace("juni 2025.", "juni 2025 (endret).", 1),
        encoding="utf-8",
    )
    assert run_generator("site", cwd=project).returncode == 0
    [renewed] = (project / "build" / "cache").glob("rapport-*.pdf")
    assert renewed != cached and not cached.exists()
    assert pdf.read_bytes() == renewed.read_bytes() != first
