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
import yaml

from bench import handmade, run, stock, synth
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


def test_handmade_pages_hold_every_point_with_a_slim_nav(tmp_path: Path) -> None:
    shape = synth.write_project(tmp_path / "data", 25, _project(tmp_path))
    pages = handmade.write_project(tmp_path / "data", tmp_path / "made")
    docs = tmp_path / "made" / "docs"
    assert pages == 25 + 3 == sum(1 for _ in docs.rglob("*.md"))
    overview = (docs / "oversikt.md").read_text(encoding="utf-8")
    assert overview.count("(punkter/") == 25
    marked = (docs / "punkter" / f"{shape.marker_point}.md").read_text(encoding="utf-8")
    assert synth.MARKER in marked and "## Vedtak" in marked
    config = yaml.safe_load((tmp_path / "made" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert len(config["nav"]) == 3
    assert config["theme"]["name"] == "material"
    assert config["plugins"] == [{"search": {"lang": "no"}}]


def test_stock_build_takes_our_pages_without_our_plugins(tmp_path: Path) -> None:
    built = _project(tmp_path)
    generated = built / "build" / "generated" / "oppfolgingspunkter"
    generated.mkdir(parents=True)
    (generated / "a.md").write_text("# A\n", encoding="utf-8")
    stock.write_project(built, tmp_path / "stock")
    docs = tmp_path / "stock" / "docs"
    assert (docs / "oppfolgingspunkter" / "a.md").exists()
    hand_written = sum(1 for _ in (built / "content").rglob("*.md"))
    assert stock.pages(tmp_path / "stock") == hand_written + 1
    config = yaml.safe_load((tmp_path / "stock" / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]
    assert names == ["search"]
    ours = yaml.safe_load((built / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    for key in ("theme", "markdown_extensions", "nav"):
        assert config[key] == ours[key], key


def test_baselines_can_be_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BENCH_BASELINES", raising=False)
    assert run.Settings.from_env().baselines
    monkeypatch.setenv("BENCH_BASELINES", "0")
    assert not run.Settings.from_env().baselines


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
    # Issue 14's baselines: printed, and each figure a real measurement.
    assert "## Against stock Material and hand-made Markdown (issue 14)" in out
    assert "| 10 | `mkdocs build` |" in out and "| stock build of the same pages |" in out
    assert "| 10 | cold `generator site --force` |" in out and "| hand-made Markdown |" in out
    base = size["baselines"]
    st, hm = base["stock"], base["handmade"]
    assert st["stock_pages"] >= size["pages"]
    assert hm["handmade_pages"] == 10 + 3
    for figure in (st["ours_cpu"], st["stock_cpu"], hm["site_cpu"], hm["handmade_cpu"]):
        assert 0 < figure < 600
    assert 0 < st["pdf_cpu"] < st["ours_cpu"]
    assert len(st["pair_ratios"]) == len(hm["pair_ratios"]) == 1
    assert 0 < st["ratio_without_pdf"] < st["ratio"]
    pdf = size["pdf"]
    assert pdf["max_rss_bytes"] > 0 and pdf["parent_rss_at_start"] > 0
    targets = {t["target"]: t for t in data["targets"]}
    memory = next(t for name, t in targets.items() if name.startswith("peak memory < 500 MB"))
    assert "MkDocs' process" in memory["figure"] and "together" in memory["figure"]
    assert any(name.startswith("full build within 1.3x of a stock") for name in targets)
    assert any(name.startswith("cold make site within 2.5x") for name in targets)


@pytest.mark.slow
def test_phases_compares_our_build_with_the_stock_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench import phases

    monkeypatch.setenv("BENCH_PROJECT", str(_project(tmp_path)))
    assert phases.main(["10", "--runs", "1"]) == 0
    out = capsys.readouterr().out
    assert "10 points" in out
    rows = {line.split(" | ")[0].lstrip("| "): line for line in out.splitlines()}
    for phase in ("Markdown (Page.render)", "event files", "the whole build (this process)"):
        assert phase in rows, phase
    # Our plugin's on_files (load, validate, render, write) has no stock counterpart.
    assert "| 0.00 s |" in rows["event files"]
