"""The report's PDFs, one per seminar: the preview leaves them out, builds
reuse each while its seminar's content is unchanged, and they are made in
their own process while MkDocs renders the pages."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator.site import pdf_process
from generator.site.typesetting import Document
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


def _pdfs(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Each PDF's name -> its inode (a new file when made again: write_atomic) and bytes."""
    return {p.name: (p.stat().st_ino, p.read_bytes()) for p in folder.glob("rapport-*.pdf")}


SECOND_SEMINAR = """  - id: "2026-1"
    seminar: "2026"
    number: 1
    title: Et punkt fra seminaret i 2026
    description: Vedtaket fra seminaret i 2026.
    responsible: [Oslo kommune]
    statuses:
      - edition: "2026-01"
        state: planlagt
        text: Arbeidet begynner til våren.
"""


def test_a_rebuild_makes_only_the_edited_seminars_pdf_again(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    data = project / "followups.yaml"
    data.write_text(data.read_text(encoding="utf-8") + SECOND_SEMINAR, encoding="utf-8")
    assert run_generator("site", cwd=project).returncode == 0
    cache = project / "build" / "cache"
    site = project / "site" / "rapport"
    edited = site / "oppfolgingspunkter-seminar-2025-2026-01.pdf"
    kept = site / "oppfolgingspunkter-seminar-2026-2026-01.pdf"
    assert sorted(site.glob("*.pdf")) == [edited, kept]
    # The report page and the open data page link each seminar's PDF, where it is.
    for page in (site / "index.html", project / "site" / "data" / "index.html"):
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'href="([^"]+\.pdf)"', html)
        found = sorted((page.parent / link).resolve() for link in links)
        assert found == [edited.resolve(), kept.resolve()], page
    first = _pdfs(cache)
    assert sorted(content for _, content in first.values()) == sorted(
        p.read_bytes() for p in (edited, kept)
    )

    assert run_generator("site", "--force", cwd=project).returncode == 0
    assert _pdfs(cache) == first, "a PDF was made again"

    data.write_text(
        data.read_text(encoding="utf-8").replace("juni 2025.", "juni 2025 (endret).", 1),
        encoding="utf-8",
    )
    assert run_generator("site", cwd=project).returncode == 0
    after = _pdfs(cache)
    assert first.items() <= after.items(), "the other seminar's PDF was made again"
    [renewed] = set(after) - set(first)
    assert edited.read_bytes() == after[renewed][1]
    assert kept.read_bytes() in {content for _, content in first.values()}


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

    def spy(documents: Sequence[Document], cache_dir: Path | None) -> pdf_process.Job:
        jobs.append(start(documents, cache_dir))
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
