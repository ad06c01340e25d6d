"""Rebuilding rewrites only what changed, so `mkdocs serve --dirty` stays fast."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import pytest

from generator.site import incremental
from generator.site.build import Sources, generate, load_dataset
from tests.conftest import copy_project
from tests.datafiles import edit_file, fill_placeholders, start_round

TODAY = dt.date(2026, 3, 1)


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


# The preview renders again only what an edit touched (incremental.py): after
# any edit its pages must be exactly those a full render of the same data makes.
_PREVIEW_EDITS = {
    "status text": ("ble godkjent i politirådet i juni 2025.", "ble vedtatt i juni 2025."),
    "title": (
        "title: Handlingsplan mot radikalisering, hatkriminalitet og voldelig ekstremisme",
        "title: Handlingsplan mot radikalisering",
    ),
    "state": (
        "state: pågår\n        text: |\n          Oslostandard",
        "state: fullført\n        text: |\n          Oslostandard",
    ),
    "responsible": (
        "responsible: [Oslo kommune, Oslo politidistrikt]\n    tags: [ungdom",
        "responsible: [Oslo kommune]\n    tags: [ungdom",
    ),
    "tags": ("tags: [radikalisering, hatkriminalitet", "tags: [radikalisering, hat"),
    "description": (
        "Innlegg fra PST og OPD/Velferdsetaten",
        "Innlegg fra PST og Velferdsetaten",
    ),
    "council": ("name: Politirådet i Oslo", "name: Politirådet i Oslo by"),
    "edition title": ("title: Status pr januar 2026", "title: Status pr februar 2026"),
    "point removed": ('  - id: "2025-2"\n    seminar: "2025"\n    number: 2\n', ""),
}


def _generated(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.md"))}


@pytest.mark.parametrize("edit", list(_PREVIEW_EDITS))
def test_preview_renders_only_what_changed_and_the_same_as_a_full_render(
    tmp_path: Path, edit: str
) -> None:
    project = copy_project(tmp_path)
    sources = Sources.in_folder(project)
    preview = project / "build" / "generated"
    full = project / "build" / "full"
    first, _ = generate(sources, preview, TODAY)
    generate(sources, full, TODAY)
    old, new = _PREVIEW_EDITS[edit]
    if edit == "point removed":
        text = (project / "followups.yaml").read_text(encoding="utf-8")
        start = text.index(old)
        end = text.index('  - id: "2025-3"')
        (project / "followups.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    else:
        edit_file(project / "followups.yaml", old, new)
    again, partial = generate(sources, preview, TODAY, previous=first.rendered)
    _, whole = generate(sources, full, TODAY)
    assert _generated(preview) == _generated(full)
    assert again.rendered is not None and again.rendered.pages == {
        path: text.decode("utf-8") for path, text in _generated(full).items()
    }
    # Written: exactly the pages a full sync found changed.
    assert partial.written == whole.written and partial.removed == whole.removed


def test_preview_keeps_the_pages_an_edit_cannot_have_changed(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    sources = Sources.in_folder(project)
    first, _ = generate(sources, project / "build" / "generated", TODAY)
    assert first.rendered is not None
    edit_file(project / "followups.yaml", *_PREVIEW_EDITS["status text"])
    data = load_dataset(sources).data
    kept = incremental.pages_to_keep(first.rendered, data, first.rendered.settings)
    assert kept is not None
    # Rendered again: the point and its two neighbours («Forrige/Neste» show
    # their titles), and the pages that are not lists of points. Every list
    # (overview, selections) is kept: none shows a status's text; so is the
    # changes page, where the point is still «rewritten».
    again = sorted(first.rendered.pages.keys() - kept)
    assert again == [
        "data/index.md",
        "index.md",
        "ipo/index.md",
        "oppfolgingspunkter/2025-2.md",
        "oppfolgingspunkter/2025-3.md",
        "oppfolgingspunkter/2025-4.md",
        "rapport/index.md",
        "seminarer/index.md",
        "tilgjengelighetserklaering.md",
    ]
    later = incremental.settings(TODAY + dt.timedelta(days=1), (), False)
    assert incremental.pages_to_keep(first.rendered, data, later) is None


def test_preview_renders_the_changes_page_when_a_point_moves_between_its_lists(
    tmp_path: Path,
) -> None:
    """A status text written back to the one before: the point is no longer
    «rewritten» but unchanged, so the changes page (kept after other text
    edits) is rendered again."""
    project = copy_project(tmp_path)
    start_round(project)
    fill_placeholders(project, "Nytt i juni {n}.")
    path = project / "followups.yaml"
    sources = Sources.in_folder(project)
    preview = project / "build" / "generated"
    full = project / "build" / "full"
    first, _ = generate(sources, preview, TODAY)
    assert first.rendered is not None
    edit_file(path, "          Nytt i juni 0.\n", "          Nytt i juni, skrevet om.\n")
    data = load_dataset(sources).data
    kept = incremental.pages_to_keep(first.rendered, data, first.rendered.settings)
    assert kept is not None and "endringer/index.md" in kept
    text = path.read_text(encoding="utf-8")
    start = text.index("          Dette er et langsiktig arbeid")
    january = text[start : text.index("\n", start) + 1]
    edit_file(path, "          Nytt i juni, skrevet om.\n", january)
    data = load_dataset(sources).data
    kept = incremental.pages_to_keep(first.rendered, data, first.rendered.settings)
    assert kept is not None and "endringer/index.md" not in kept
    generate(sources, preview, TODAY, previous=first.rendered)
    generate(sources, full, TODAY)
    assert _generated(preview) == _generated(full)


def test_preview_writes_a_page_deleted_by_hand(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    sources = Sources.in_folder(project)
    out = project / "build" / "generated"
    first, _ = generate(sources, out, TODAY)
    (out / "oppfolgingspunkter" / "2025-1.md").unlink()
    _, report = generate(sources, out, TODAY, previous=first.rendered)
    assert report.written == ["oppfolgingspunkter/2025-1.md"]
