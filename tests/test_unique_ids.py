"""No page has two elements with the same id: links to a part of a page, labels
and screen readers all find an element by its id."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import htmlcheck
from .conftest import copy_fixture_project, run_generator

pytestmark = pytest.mark.slow


def test_no_page_of_the_oslo_site_repeats_an_id(built_site: Path) -> None:
    assert htmlcheck.duplicate_ids(built_site) == {}


def test_no_page_of_the_two_edition_site_repeats_an_id(two_editions_site: Path) -> None:
    assert htmlcheck.duplicate_ids(two_editions_site) == {}


def test_ids_and_names_that_look_like_other_anchors_get_none_twice(tmp_path: Path) -> None:
    """Anchors made of an id and a suffix (edition «2026»'s new points and
    edition «2026-nye»), and headings whose text makes the id of another
    element on the page (the chart's «state-chart», Material's «__toc»)."""
    project = copy_fixture_project(tmp_path, "two-editions", "2026-06-01")
    followups = project / "followups.yaml"
    text = followups.read_text(encoding="utf-8")
    text = text.replace('"2025-06"', '"2026"').replace('"2026-01"', '"2026-nye"')
    text = text.replace("name: Trygghetsrådet i Eksempelby", "name: State chart")
    text = text.replace("title: Seminaret 2025", "title: __toc")
    text = text.replace("title: Status pr januar 2026", "title: Filter state")
    followups.write_text(text, encoding="utf-8")
    ipo = project / "ipo_areas.yaml"
    ipo.write_text(
        ipo.read_text(encoding="utf-8").replace('"2026-01"', '"2026-nye"'), encoding="utf-8"
    )
    result = run_generator("site", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert htmlcheck.duplicate_ids(project / "site") == {}
