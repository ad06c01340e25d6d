"""Pages built from hostile text pass axe-core and run no script from the data:
what the README promises holds «on any page», whatever the data holds.

Every page that lists or names all the points (front page, overview,
selections by state and seminar, changes, report, IPO, seminars) is checked,
so each hostile text is checked in every context it appears in; of the pages
made once per point and once per party, which all come from one template,
the first three of each are.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests import hostile_data
from tests.browser.axe import axe_source, describe, run_axe
from tests.browser.test_reader import site_pages
from tests.conftest import copy_project, run_generator

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Runs before any page script; a script from the data would set it.
TRAP = "window.__ran = false; Object.defineProperty(window, 'alert', {value: () => { window.__ran = true; }});"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile-axe"))
    hostile_data.write(project, hostile_data.HOSTILE)
    result = run_generator("site", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_every_hostile_page_passes_axe_and_runs_nothing(
    page: Any, hostile_site: Path, serve: Any
) -> None:
    base = serve(hostile_site)
    source = axe_source()
    page.add_init_script(TRAP)
    failures, ran = [], []
    pages = site_pages(hostile_site)
    per_point = [p for p in pages if re.fullmatch(r"oppfolgingspunkter/p\d+/", p)]
    per_party = [p for p in pages if "/utvalg/ansvarlig-" in p]
    assert len(per_point) == len(per_party) == len(hostile_data.HOSTILE)
    chosen = [p for p in pages if p not in per_point and p not in per_party]
    for rel in [*chosen, *per_point[:3], *per_party[:3]]:
        response = page.goto(base + rel)
        assert response is not None and response.ok, rel
        if page.evaluate("window.__ran"):
            ran.append(rel)
        violations = run_axe(page, source)
        if violations:
            failures.append(describe(rel or "/", violations))
    assert ran == []
    assert not failures, "axe-core found violations:\n" + "\n".join(failures)
