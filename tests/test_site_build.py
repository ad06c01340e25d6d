"""Build the shipped site the way a user does, and read what came out."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from generator.data.model import Dataset
from generator.site.build import Sources, load_dataset
from tests.conftest import OSLO, SEED, copy_project, run_generator

pytestmark = pytest.mark.slow


def _text(page: Path) -> str:
    """The visible text of a built page's article, whitespace collapsed."""
    source = page.read_text(encoding="utf-8")
    article = source[source.index("<article") : source.index("</article>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())


def _words(text: str) -> str:
    return " ".join(text.split())


def _oslo() -> Dataset:
    return load_dataset(Sources.in_folder(OSLO)).data


def test_every_point_has_a_page_with_its_decision_and_status(built_site: Path) -> None:
    data = _oslo()
    assert len(data.followups) == 7
    for point in data.followups:
        page = built_site / "oppfolgingspunkter" / point.id / "index.html"
        text = _text(page)
        assert point.current is not None
        assert point.current.edition.title == "Status pr januar 2026"
        for paragraph in [*point.description.split("\n\n"), *point.current.text.split("\n\n")]:
            assert _words(paragraph) in text, f"{point.id}: {paragraph[:60]}..."


def test_texts_are_verbatim_from_the_minutes() -> None:
    """Each decision and status, joined across the PDF's broken lines, is in the minutes."""
    seed = _words(SEED.read_text(encoding="utf-8").replace("\u202f", " "))
    data = _oslo()
    for point in data.followups:
        assert point.current is not None
        for paragraph in [*point.description.split("\n\n"), *point.current.text.split("\n\n")]:
            assert _words(paragraph) in seed, f"{point.id} is not verbatim: {paragraph[:60]}..."


def test_overview_lists_every_point_with_its_state(built_site: Path) -> None:
    text = _text(built_site / "oppfolgingspunkter" / "index.html")
    for title in (
        "Felles situasjonsforståelse i beredskapsarbeidet",
        "Ressurssituasjonen for Oslopolitiet",
    ):
        assert title in text
    assert text.count("Løpende") >= 3 and text.count("Pågår") >= 4


def test_ipo_page_groups_areas_by_unit(built_site: Path) -> None:
    text = _text(built_site / "ipo" / "index.html")
    # The last mention of each unit is its section heading (a summary table comes first).
    vest, sentrum, ost = (text.rindex(n) for n in ("Enhet vest", "Enhet sentrum", "Enhet øst"))
    assert (
        vest
        < text.index("Hovseter")
        < sentrum
        < text.index("Tøyen")
        < ost
        < text.index("Holmlia Syd")
    )


def test_point_pages_stay_out_of_the_global_navigation(built_site: Path) -> None:
    front = (built_site / "index.html").read_text(encoding="utf-8")
    nav = front[front.index('<nav class="md-nav md-nav--primary"') :]
    assert "2025-1/" not in nav[: nav.index("</nav>")]


def test_the_search_index_holds_each_point_once(built_site: Path) -> None:
    """Only what a reader searches for: the points' own pages, not the tables and
    lists that repeat them (the overview's table, the selections, the changes)."""
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    docs = index["docs"]
    data = _oslo()
    assert not [d["location"] for d in docs if "/utvalg/" in d["location"]]
    for point in data.followups:
        found = [d["location"] for d in docs if point.title in d["title"] + d["text"]]
        assert found, f"{point.title!r} is not searchable"
        assert {location.split("#")[0] for location in found} == {
            f"oppfolgingspunkter/{point.id}/"
        }, found
    changes = [d for d in docs if d["location"].startswith("endringer/")]
    assert changes, "the changes page itself stays searchable"


def test_broken_data_stops_the_build_and_keeps_the_previous_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    assert run_generator("site", cwd=project).returncode == 0
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    generated = {p: p.stat().st_mtime_ns for p in (project / "build").rglob("*") if p.is_file()}
    data = project / "followups.yaml"
    data.write_text(
        data.read_text(encoding="utf-8").replace("state: pågår", "state: pågar", 1),
        encoding="utf-8",
    )

    result = run_generator("site", cwd=project)

    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "«pågar» er ikke en gyldig tilstand. Mente du «pågår»?" in result.stderr
    assert re.search(r"followups\.yaml:\d+:\d+: feil:", result.stderr)
    after = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before
    assert {
        p: p.stat().st_mtime_ns for p in (project / "build").rglob("*") if p.is_file()
    } == generated


def test_unchanged_data_rewrites_no_generated_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    first = run_generator("build", cwd=project)
    second = run_generator("build", cwd=project)
    assert first.returncode == second.returncode == 0
    assert "0 skrevet" not in first.stdout
    assert second.stdout.startswith("Sider: 0 skrevet")


def test_removed_point_loses_its_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    assert run_generator("build", cwd=project).returncode == 0
    data = project / "followups.yaml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text[: text.index('  - id: "2025-7"')], encoding="utf-8")
    result = run_generator("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "1 fjernet" in result.stdout
    assert not (project / "build" / "generated" / "oppfolgingspunkter" / "2025-7.md").exists()


def test_built_site_and_downloads_are_readable_by_a_web_server(tmp_path: Path) -> None:
    """Temporary files start private (0600/0700); a web server runs as another user."""
    project = copy_project(tmp_path)
    assert run_generator("site", cwd=project).returncode == 0
    site = project / "site"
    private = [
        p.relative_to(project).as_posix()
        for p in [site, *site.rglob("*")]
        if not p.stat().st_mode & (0o005 if p.is_dir() else 0o004)
    ]
    assert private == []


def test_editing_a_data_file_keeps_its_permissions(tmp_path: Path) -> None:
    from generator.site.write import write_atomic

    data = tmp_path / "followups.yaml"
    data.write_text("a: 1\n", encoding="utf-8")
    data.chmod(0o664)
    write_atomic(data, b"a: 2\n")
    assert data.stat().st_mode & 0o777 == 0o664
    fresh = tmp_path / "ny.json"
    write_atomic(fresh, b"{}")
    assert fresh.stat().st_mode & 0o777 == 0o644


def test_the_build_says_nothing_about_mkdocs_2_to_the_secretariat(tmp_path: Path) -> None:
    """Material's notice about its successor is for developers; a build run without
    the Makefile (which turns it off) must not print it either."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    project = copy_project(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "site"],
        cwd=project,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "MkDocs 2" not in result.stdout + result.stderr
    assert "end of life" not in result.stdout + result.stderr
