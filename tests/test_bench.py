"""The benchmark runs end to end at a tiny size and prints its figures.

No timing is asserted (speed targets live in the benchmark's own report);
what is asserted is what the benchmark must get right to be trusted: its
synthetic data is valid, and the incremental and preview checks see the
rebuilds they claim.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench import run, synth
from generator.site.build import Sources, load_dataset
from tests.conftest import ROOT, copy_project


def _project(tmp_path: Path) -> Path:
    """The tests' own config and pages to put the synthetic data in."""
    project = tmp_path / "project"
    project.mkdir()
    return copy_project(project)


def test_synthetic_data_is_valid_and_has_the_promised_shape(tmp_path: Path) -> None:
    shape = synth.write_project(tmp_path, 60, _project(tmp_path))
    loaded = load_dataset(Sources.in_folder(tmp_path))
    data = loaded.data
    assert len(data.followups) == 60 == shape.points
    assert len(data.seminars) == shape.seminars >= 3
    assert all(3 <= len(p.statuses) <= 6 for p in data.followups)
    assert sum(len(p.statuses) for p in data.followups) == shape.statuses
    assert len(data.areas) == shape.areas
    marked = [p for p in data.followups if p.current and synth.MARKER in p.current.text]
    assert [p.id for p in marked] == [shape.marker_point]
    assert any("æ" in p.description or "ø" in p.description for p in data.followups)


def test_make_serve_runs_what_the_benchmark_measures() -> None:
    recipe = re.search(r"^serve:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(), re.M)
    assert recipe is not None
    assert f"$(PY) {' '.join(run.SERVE_COMMAND)} " in recipe.group(1)


@pytest.mark.slow
def test_bench_prints_the_table_at_a_tiny_size(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "BENCH_SIZES": "10",
        "BENCH_RUNS": "1",
        "BENCH_SERVE_SIZE": "10",
        "BENCH_SERVE_EDITS": "1",
        "BENCH_OUT": str(tmp_path),
        # The tests' own config and pages: the live content/ may link to any point.
        "BENCH_PROJECT": str(_project(tmp_path)),
    }
    result = subprocess.run(
        [sys.executable, "-m", "bench"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "| N | YAML | stage | median wall |" in out
    for label in ("load + validate", "render", "write (fresh)", "mkdocs, the rest", "PDF"):
        assert f"| 10 | 0.0 MB | {label} |" in out
    assert "| PDF | – |" not in out, "the PDF made in the build was not timed"
    assert "## Targets" in out
    assert (tmp_path / "results.md").read_text() in out
    data = json.loads((tmp_path / "results.json").read_text())
    size = data["sizes"][0]
    inc = size["incremental"]
    assert inc["unchanged"]["generated_written"] == []
    point = f"oppfolgingspunkter/{size['shape']['marker_point']}.md"
    assert inc["status_text"]["generated_written"] == [point, "rapport/index.md"]
    assert inc["status_text"]["pages_showing_it"] == inc["status_text"]["generated_written"]
    assert inc["status_text"]["shows_change"] and inc["title"]["shows_change"]
    serve = size["serve"]
    assert serve["latencies"][0] is not None
    assert serve["rebuilds"] == serve["expected_rebuilds"] == 1 + 1 + 2
    assert serve["error_shown"] is not None and serve["fix_shown"] is not None
    assert size["site_unchanged"]["said_unchanged"]
    assert size["floor"]["floor_cpu"] > 0 and size["floor"]["ratio"] > 0
    assert "make site with nothing changed" in out and "C parser's floor" in out
