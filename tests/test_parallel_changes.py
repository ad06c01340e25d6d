"""Two pull requests made from the same commit merge in either order, with real git.

The editing commands write a blank line after every follow-up point: a new
round puts each point's new status before that blank line, a new point goes
after it. The two edits then change lines on either side of a line neither
touches, which git's line merge keeps apart, and the new point's lines cannot
be slid across the blank line by git's diff heuristics (every algorithm and
the indent heuristic are tried here).
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import copy_project, run_generator
from tests.datafiles import fill_placeholders, start_round
from tests.gitenv import git_env
from tests.test_edit import added_lines

ALGORITHMS = ("myers", "minimal", "patience", "histogram")


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=git_env())


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def command(project: Path, *args: str) -> None:
    result = run_generator(*args, cwd=project)
    assert result.returncode == 0, result.stderr


def fill_in_point(project: Path) -> None:
    path = project / "followups.yaml"
    text = path.read_text(encoding="utf-8")
    skeleton = "    description:\n    responsible: []\n"
    assert text.count(skeleton) == 1
    filled = "    description: |\n      Vedtaket.\n    responsible: [Oslo kommune]\n"
    path.write_text(text.replace(skeleton, filled), encoding="utf-8")


def commit(project: Path, branch: str, *edits: object) -> None:
    ok(git("checkout", "--quiet", "-B", branch, "base", cwd=project))
    for edit in edits:
        if isinstance(edit, tuple):
            command(project, *edit)
        else:
            edit(project)  # type: ignore[operator]
    ok(git("commit", "--quiet", "-am", branch, cwd=project))


def as_recommended(text: str) -> str:
    """The points of a file in the old layout with a blank line after each (the last too)."""
    head, points = text.split("\nfollowups:\n")
    out = []
    for line in points.splitlines():
        if line.startswith("  - id:") and out:
            out.append("")
        out.append(line)
    return head + "\nfollowups:\n" + "\n".join(out) + "\n\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Oslo's data in the recommended layout, with a point from the 2026 seminar
    after the 2025 points, and one branch per change, all from the same commit."""
    root = copy_project(tmp_path_factory.mktemp("parallel"))
    path = root / "followups.yaml"
    path.write_text(as_recommended(path.read_text(encoding="utf-8")), encoding="utf-8")
    command(root, "new-followup", "--seminar", "2026", "--title", "Et punkt fra 2026")
    fill_in_point(root)
    assert run_generator("validate", cwd=root).returncode == 0
    ok(git("init", "--quiet", "--initial-branch=base", cwd=root))
    ok(git("add", "-A", cwd=root))
    ok(git("commit", "--quiet", "-m", "base", cwd=root))
    commit(root, "runde", start_round, fill_placeholders)
    # A point for the older seminar goes in the middle, after 2025-7 and before 2026-1.
    middle = ("new-followup", "--seminar", "2025", "--title", "Nytt punkt fra 2025")
    commit(root, "punkt-midt", middle, fill_in_point)
    last = ("new-followup", "--seminar", "2026", "--title", "Nytt punkt fra 2026")
    commit(root, "punkt-slutt", last, fill_in_point)
    area = ("ipo-area", "add", "--unit", "vest", "--name", "Ullern", "--since", "2026")
    commit(root, "ipo", area)
    return root


def merge(
    project: Path, branches: tuple[str, ...], *config: str, strategy: tuple[str, ...] = ()
) -> str | None:
    """Merge ``branches`` one after another into the base, as GitHub would merge
    the pull requests; the merged followups.yaml, or None on a conflict."""
    ok(git("checkout", "--quiet", "-B", "merged", "base", cwd=project))
    for branch in branches:
        result = git(*config, "merge", *strategy, "--no-edit", "--no-ff", branch, cwd=project)
        if result.returncode != 0:
            assert "CONFLICT" in result.stdout, result.stdout + result.stderr
            ok(git("merge", "--abort", cwd=project))
            return None
    return (project / "followups.yaml").read_text(encoding="utf-8")


def each_order(*branches: str) -> list[tuple[str, ...]]:
    return list(itertools.permutations(branches))


@pytest.mark.parametrize(
    "branches",
    [("runde", "punkt-midt"), ("runde", "punkt-slutt"), ("punkt-midt", "runde", "ipo")],
    ids=["round-and-point-in-the-middle", "round-and-point-at-the-end", "point-round-and-area"],
)
def test_parallel_changes_merge_in_every_order_and_validate(
    project: Path, branches: tuple[str, ...], tmp_path: Path
) -> None:
    results = {}
    for order in each_order(*branches):
        merged = merge(project, order)
        assert merged is not None, f"conflict merging {' then '.join(order)}"
        results[order] = merged
    assert len(set(results.values())) == 1, "the order of the merges changed the result"
    # Every branch's own additions are in the result.
    base = ok(git("show", "base:followups.yaml", cwd=project))
    merged = next(iter(results.values()))
    for branch in branches:
        mine = ok(git("show", f"{branch}:followups.yaml", cwd=project))
        for line in added_lines(base, mine):
            assert line in merged.splitlines()
    data = yaml.safe_load(merged)
    statuses = {p["id"]: [s["edition"] for s in p.get("statuses") or []] for p in data["followups"]}
    if "runde" in branches:
        assert all(editions[-1] == "2026-06" for editions in statuses.values() if editions)
    # The result is a valid project.
    checkout = tmp_path / "merged"
    shutil.copytree(project, checkout, ignore=shutil.ignore_patterns(".git"))
    (checkout / "followups.yaml").write_text(merged, encoding="utf-8")
    (checkout / "ipo_areas.yaml").write_text(
        ok(git("show", "merged:ipo_areas.yaml", cwd=project)), encoding="utf-8"
    )
    validated = run_generator("validate", cwd=checkout)
    assert validated.returncode == 0, validated.stderr


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("indent_heuristic", ["true", "false"])
def test_no_diff_algorithm_slides_the_blank_line_into_a_conflict(
    project: Path, algorithm: str, indent_heuristic: str
) -> None:
    expected = merge(project, ("runde", "punkt-midt", "punkt-slutt"))
    assert expected is not None
    for order in each_order("runde", "punkt-midt", "punkt-slutt"):
        merged = merge(
            project,
            order,
            "-c",
            f"diff.indentHeuristic={indent_heuristic}",
            strategy=("-X", f"diff-algorithm={algorithm}"),
        )
        assert merged == expected, f"{algorithm}: {' then '.join(order)}"


def test_a_new_site_starts_in_the_recommended_layout(tmp_path: Path) -> None:
    done = run_generator(
        "init",
        "fjordby",
        "--name",
        "Politirådet i Fjordby",
        "--member",
        "Fjordby kommune",
        "--unit",
        "nord=Enhet nord",
        "--edition",
        "2026-01",
        "--edition-date",
        "2026-01-15",
        "--seminar",
        "2026",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    site = tmp_path / "fjordby"
    command(site, "new-followup", "--seminar", "2026", "--title", "Første")
    fill_in_point(site)
    command(site, "new-followup", "--seminar", "2026", "--title", "Andre")
    text = (site / "followups.yaml").read_text(encoding="utf-8")
    points = text.split("\nfollowups:\n", 1)[1]
    assert points.endswith("    deadline:\n\n")
    assert [block.splitlines()[0] for block in points.rstrip("\n").split("\n\n")] == [
        '  - id: "2026-1"',
        '  - id: "2026-2"',
    ]


@pytest.mark.parametrize("branch", ["runde", "punkt-midt", "punkt-slutt"])
def test_each_change_keeps_a_blank_line_after_every_point(project: Path, branch: str) -> None:
    text = ok(git("show", f"{branch}:followups.yaml", cwd=project))
    points = text.split("\nfollowups:\n", 1)[1]
    assert points.endswith("\n\n") and not points.endswith("\n\n\n")
    assert points.startswith("  - id: ")
    # Every later point follows a blank line, and only one.
    assert points.count("\n  - id: ") == points.count("\n\n  - id: ") >= 7
    assert "\n\n\n" not in points
