"""Rebuilding rewrites only what changed, so `mkdocs serve --dirty` stays fast."""

from __future__ import annotations

import gc
from pathlib import Path

from generator.site.build import Sources, generate, load_dataset
from tests.conftest import copy_project
from tests.datafiles import edit_file


def test_second_build_with_unchanged_data_writes_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    out = project / "build" / "generated"
    _, first = generate(Sources.in_folder(project), out)
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*.md")}
    _, second = generate(Sources.in_folder(project), out)
    assert first.written and not first.removed
    assert second.written == [] and second.removed == []
    assert second.unchanged == len(first.written)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.md")} == mtimes


def test_changing_one_status_text_rewrites_only_the_pages_that_show_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    out = project / "build" / "generated"
    generate(Sources.in_folder(project), out)
    edit_file(
        project / "followups.yaml",
        "ble godkjent i politirådet i juni 2025.",
        "ble vedtatt i politirådet i juni 2025.",
    )
    _, report = generate(Sources.in_folder(project), out)
    # The point's page and the edition report are the pages that show the text.
    assert report.written == ["oppfolgingspunkter/2025-3.md", "rapport/index.md"]
    assert "ble vedtatt i politirådet" in (out / "oppfolgingspunkter/2025-3.md").read_text()


def test_changing_a_title_rewrites_the_pages_that_list_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    out = project / "build" / "generated"
    generate(Sources.in_folder(project), out)
    edit_file(
        project / "followups.yaml",
        "title: Handlingsplan mot radikalisering, hatkriminalitet og voldelig ekstremisme",
        "title: Handlingsplan mot radikalisering og hatkriminalitet",
    )
    _, report = generate(Sources.in_folder(project), out)
    # Its own page, the neighbours' «Forrige/Neste» links, the changes page,
    # and every list the point is in: the overview, the seminars, and the
    # no-JavaScript selections by state, seminar, responsible and sort order.
    assert report.written == [
        "endringer/index.md",
        "oppfolgingspunkter/2025-2.md",
        "oppfolgingspunkter/2025-3.md",
        "oppfolgingspunkter/2025-4.md",
        "oppfolgingspunkter/index.md",
        "oppfolgingspunkter/utvalg/ansvarlig-oslo-kommune.md",
        "oppfolgingspunkter/utvalg/ansvarlig-oslo-politidistrikt.md",
        "oppfolgingspunkter/utvalg/seminar-2025.md",
        "oppfolgingspunkter/utvalg/sortert-etter-dato.md",
        "oppfolgingspunkter/utvalg/sortert-etter-tilstand.md",
        "oppfolgingspunkter/utvalg/sortert-etter-tittel.md",
        "oppfolgingspunkter/utvalg/tilstand-pagar.md",
        "seminarer/index.md",
    ]


def test_removed_point_removes_its_page_and_nothing_else(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    out = project / "build" / "generated"
    generate(Sources.in_folder(project), out)
    (out / "oppfolgingspunkter" / "gammel.md").write_text("stale", encoding="utf-8")
    (out / "tom" / "mappe").mkdir(parents=True)
    _, report = generate(Sources.in_folder(project), out)
    assert report.removed == ["oppfolgingspunkter/gammel.md"]
    assert report.written == []
    assert not (out / "tom").exists()


def test_loading_leaves_the_garbage_collector_as_it_was(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    assert gc.isenabled()
    load_dataset(Sources.in_folder(project))
    assert gc.isenabled()
    gc.disable()
    try:
        load_dataset(Sources.in_folder(project))
        assert not gc.isenabled()
    finally:
        gc.enable()
