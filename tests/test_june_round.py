"""The issue's «done when», tried as a new secretariat member would.

From the shipped data: start the June 2026 round, fill in two statuses, see the
validator name exactly the unfinished points, finish them, and find the new
edition on the built site.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.data.schema import PLACEHOLDER
from tests.conftest import copy_project, run_generator

pytestmark = pytest.mark.slow

JUNE = "Status pr juni 2026"
NEW_TEXT = {
    "2025-2": ("fullført", "Oslostandarden er innført i alle bydelene fra 1. juni 2026."),
    "2025-6": (None, "Byutvikling og trygghet er tatt inn i politirådsavtalen for 2026–2028."),
}


def fill(path: Path, point_id: str, text: str, state: str | None = None) -> None:
    """Replace one point's placeholder line (and state) the way an editor would."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index(f'  - id: "{point_id}"')
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].startswith("  - id: ")), len(lines)
    )
    at = next(i for i in range(start, end) if lines[i].strip().startswith(PLACEHOLDER))
    lines[at] = lines[at][: len(lines[at]) - len(lines[at].lstrip())] + text
    if state is not None:
        assert lines[at - 2].strip().startswith("state: ")
        lines[at - 2] = f"        state: {state}"
    path.write_text("\n".join(lines), encoding="utf-8")


def named_points(stderr: str) -> list[str]:
    return sorted(
        re.findall(
            r"feil: Oppfølgingspunkt «([^»]+)»: statusen for «2026-06» er ikke fylt ut", stderr
        )
    )


def run_june_round(project: Path) -> Path:
    """The whole round on a copy of the project; returns the built site."""
    data = project / "followups.yaml"
    started = run_generator(
        "new-round", "2026-06", "--title", JUNE, "--date", "2026-06-15", cwd=project
    )
    assert started.returncode == 0, started.stderr

    for point_id, (state, text) in NEW_TEXT.items():
        fill(data, point_id, text, state)
    half_done = run_generator("validate", cwd=project)
    assert half_done.returncode == 1
    assert named_points(half_done.stderr) == ["2025-1", "2025-3", "2025-4", "2025-5", "2025-7"]
    assert half_done.stderr.splitlines()[-1] == "5 feil."

    refused = run_generator("site", cwd=project)
    assert refused.returncode == 1
    assert not (project / "site").exists()

    for point_id in ("2025-1", "2025-3", "2025-4", "2025-5", "2025-7"):
        fill(data, point_id, f"Ny status for punkt {point_id} i juni.")
    done = run_generator("validate", cwd=project)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    built = run_generator("site", cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    return project / "site"


def test_june_round_from_start_to_published_site(tmp_path: Path) -> None:
    site = run_june_round(copy_project(tmp_path))
    front = (site / "index.html").read_text(encoding="utf-8")
    assert f'<h2 id="siste-rapport">{JUNE}</h2>' in front
    point = (site / "oppfolgingspunkter" / "2025-2" / "index.html").read_text(encoding="utf-8")
    article = point[point.index('<h2 id="status"') : point.index('<h2 id="om-punktet"')]
    current, _, history = article.partition('<h2 id="tidligere-status"')
    assert JUNE in current and "Fullført" in current
    assert NEW_TEXT["2025-2"][1] in current
    assert "Status pr januar 2026" in history and "Pågår" in history
    assert "Oslostandard - Oslomodell for én-til-én-oppfølging" in history
    assert PLACEHOLDER not in point
