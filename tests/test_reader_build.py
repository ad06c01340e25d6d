"""Building the reader's site: the `today` option that fixes which points are overdue."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import copy_fixture_project, run_generator

pytestmark = pytest.mark.slow


def test_a_today_that_is_not_a_date_stops_the_build_with_a_norwegian_message(
    tmp_path: Path,
) -> None:
    project = copy_fixture_project(tmp_path, "two-editions", "neste tirsdag")
    result = run_generator("site", cwd=project)
    assert result.returncode != 0
    assert (
        "«neste tirsdag» i «today» er ikke en gyldig dato. "
        "Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2026-01-30." in result.stdout + result.stderr
    )
    assert "Traceback" not in result.stdout + result.stderr
    assert not (project / "site").exists()
