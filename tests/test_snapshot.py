"""An old edition rebuilt from today's data shows what was known at that edition.

``snapshot.as_of`` is pure: these tests give it the state (``EditionState``)
by hand. The reading of that state from git is tested in
``tests/unit/data/test_history.py``; here a small git history checks that a build
finds it, and that a build without history says what it guessed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.data.history import EditionState, IpoState
from generator.data.model import Dataset
from generator.data.snapshot import UnknownEdition, as_of, estimate
from generator.site.build import Sources, at_edition, generate, load_dataset
from tests.conftest import OSLO, ROOT, copy_project
from tests.gitenv import git_env
from tests.june_edition import (
    JANUARY_TEXT,
    JUNE_TEXT,
    NEW_2026_POINT,
    NEW_AREA,
    SPRING_POINT,
    add_june_edition,
    complete_june_round,
)

JANUARY_POINTS = frozenset(f"2025-{n}" for n in range(1, 8))


def _load(project: Path) -> Dataset:
    return load_dataset(Sources.in_folder(project)).data


def _copy_data(dest: Path) -> Path:
    for name in ("followups.yaml", "ipo_areas.yaml"):
        shutil.copy2(OSLO / name, dest / name)
    return dest


@pytest.fixture
def january(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return _load(_copy_data(tmp_path_factory.mktemp("january")))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """January's data with the whole June round on top, not in git."""
    _copy_data(tmp_path)
    complete_june_round(tmp_path)
    return tmp_path


def january_state(january: Dataset, **changes: object) -> EditionState:
    """What January looked like, as ``history`` would read it from its commit."""
    state = EditionState(
        edition="2026-01",
        points=JANUARY_POINTS,
        seminars=frozenset({"2025", "2026"}),
        deadlines={"2025-2": dt.date(2035, 6, 30)},
        ipo=IpoState("2026-01", january.units, january.areas),
        commit="0" * 40,
    )
    return dataclasses.replace(state, **changes)  # type: ignore[arg-type]


def test_january_has_its_points_seminars_deadlines_and_areas(
    project: Path, january: Dataset
) -> None:
    data = _load(project)
    shown = as_of(data, january_state(january))
    assert [e.id for e in shown.editions] == ["2026-01"]
    assert {p.id for p in shown.followups} == JANUARY_POINTS
    # The 2026 seminar has a point now (added in June); January keeps the seminar, not the point.
    assert [s.id for s in shown.seminars] == ["2025", "2026"]
    assert NEW_2026_POINT not in {p.title for p in shown.followups}
    deadlines = {p.id: p.deadline for p in shown.followups if p.deadline}
    assert deadlines == {"2025-2": dt.date(2035, 6, 30)}  # not June's 2026-09-01
    assert shown.ipo_edition.id == "2026-01"
    assert [a.name for a in shown.areas] == [a.name for a in january.areas]
    assert NEW_AREA not in {a.name for a in shown.areas}
    point = next(p for p in shown.followups if p.id == "2025-3")
    assert [s.edition.id for s in point.statuses] == ["2026-01"]
    assert point.current is not None and point.current.state == "pågår"


def test_corrections_to_januarys_texts_reach_january(project: Path, january: Dataset) -> None:
    followups = project / "followups.yaml"
    text = followups.read_text(encoding="utf-8")
    followups.write_text(
        text.replace("frist 1.mars", "frist 1. mars").replace(
            "title: Ressurssituasjonen for Oslopolitiet",
            "title: Ressurssituasjonen i Oslopolitiet",
        ),
        encoding="utf-8",
    )
    shown = as_of(_load(project), january_state(january))
    status = next(p for p in shown.followups if p.id == "2025-4").statuses[-1]
    assert "frist 1. mars" in status.text
    assert "Ressurssituasjonen i Oslopolitiet" in {p.title for p in shown.followups}


def test_todays_areas_file_is_januarys_while_it_is_tagged_january(
    tmp_path: Path, january: Dataset
) -> None:
    _copy_data(tmp_path)
    add_june_edition(tmp_path)  # June without a new areas list
    ipo = tmp_path / "ipo_areas.yaml"
    ipo.write_text(
        ipo.read_text(encoding="utf-8").replace("name: Majorstua", "name: Majorstuen"),
        encoding="utf-8",
    )
    old = january_state(january)
    shown = as_of(_load(tmp_path), old)
    assert "Majorstuen" in {a.name for a in shown.areas}  # the correction, not the old file


def test_no_areas_when_none_are_known_for_the_edition(project: Path, january: Dataset) -> None:
    shown = as_of(_load(project), january_state(january, ipo=None))
    assert shown.areas == ()
    assert shown.ipo_edition.id == "2026-01"


def test_a_point_deleted_since_is_gone(project: Path, january: Dataset) -> None:
    data = _load(project)
    fewer = dataclasses.replace(
        data, followups=tuple(p for p in data.followups if p.id != "2025-7")
    )
    assert "2025-7" not in {p.id for p in as_of(fewer, january_state(january)).followups}


def test_latest_edition_is_the_data_unchanged(project: Path, january: Dataset) -> None:
    data = _load(project)
    assert as_of(data, january_state(january, edition="2026-06")) is data


def test_unknown_edition_names_the_known_ones(project: Path, january: Dataset) -> None:
    with pytest.raises(UnknownEdition) as caught:
        as_of(_load(project), january_state(january, edition="2026-13"))
    assert str(caught.value) == (
        "Rapporteringsrunden «2026-13» finnes ikke i editions. "
        "Velg en av disse: «2026-01», «2026-06»."
    )


# Without history: the guess from dates, and the note that says so.


def test_estimate_leaves_out_points_decided_after_the_edition(project: Path) -> None:
    data = _load(project)
    guessed = as_of(data, estimate(data, "2026-01"))
    assert "var-2026-1" in {p.id for p in data.followups}
    assert "var-2026-1" not in {p.id for p in guessed.followups}
    assert "var-2026" not in {s.id for s in guessed.seminars}
    # The guess cannot tell that the 2026 seminar's point came in June (the seminar
    # was held before January's date): exactly what history fixes.
    assert "2026-1" in {p.id for p in guessed.followups}
    assert guessed.areas == ()  # today's list is tagged June


def test_estimate_for_a_point_without_status_from_a_dated_seminar(project: Path) -> None:
    data = _load(project)
    spring = next(s for s in data.seminars if s.id == "var-2026")
    undecided = dataclasses.replace(data.followups[0], id="x", seminar=spring, statuses=())
    with_point = dataclasses.replace(data, followups=(*data.followups, undecided))
    assert "x" not in {p.id for p in as_of(with_point, estimate(with_point, "2026-01")).followups}
    moved = dataclasses.replace(spring, date=dt.date(2026, 1, 10))
    earlier = dataclasses.replace(undecided, seminar=moved)
    with_earlier = dataclasses.replace(data, followups=(*data.followups, earlier))
    assert "x" in {p.id for p in as_of(with_earlier, estimate(with_earlier, "2026-01")).followups}


def test_a_build_without_history_says_what_it_guessed(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(project.parent))
    data = _load(project)
    _, notes = at_edition(Sources.in_folder(project), data, "2026-01")
    assert notes == (
        "Merk: rapporteringsrunden «2026-01» er bygget uten sin git-historikk: git-historikken "
        "trengs for å bygge en eldre rapporteringsrunde slik den var, men mappen er ikke et "
        "git-lager.\nHvilke punkter og seminarer som var med, fristene og IPO-områdene er derfor "
        "gjettet ut fra datoene, og kan avvike fra det som ble publisert den gang. «make publish» "
        "publiserer ikke en slik gjetning.",
    )
    assert at_edition(Sources.in_folder(project), data, "2026-06") == (data, ())


def test_old_edition_judges_deadlines_on_its_own_date(tmp_path: Path) -> None:
    project = _copy_data(tmp_path)
    add_june_edition(project)
    followups = project / "followups.yaml"
    text = followups.read_text(encoding="utf-8")
    marker = "    tags: [ungdom, Grorudmodellen, Oslostandard, én-til-én-oppfølging]\n"
    followups.write_text(
        text.replace(marker, marker + "    deadline: 2026-03-01\n"), encoding="utf-8"
    )
    today = dt.date(2026, 11, 30)
    for edition, overdue in (("2026-01", False), ("2026-06", True), (None, True)):
        out = project / f"out-{edition}"
        generate(Sources.in_folder(project), out, today=today, edition=edition)
        page = (out / "oppfolgingspunkter" / "2025-2.md").read_text(encoding="utf-8")
        assert "Frist 1. mars 2026" in page
        assert ("Forfalt" in page) is overdue, edition


# With history: a build finds January's state in git by itself.


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=git_env(), check=True, capture_output=True)


def test_generated_pages_for_january_from_git(tmp_path: Path) -> None:
    project = _copy_data(tmp_path)
    _git("init", "--quiet", "-b", "main", cwd=project)
    _git("add", "-A", cwd=project)
    _git("commit", "--quiet", "-m", "Januar", cwd=project)
    complete_june_round(project)
    _git("commit", "--quiet", "-am", "Juni", cwd=project)
    out = project / "out"
    loaded, _ = generate(
        Sources.in_folder(project), out, today=dt.date(2026, 11, 30), edition="2026-01"
    )
    assert loaded.notes == ()
    point = (out / "oppfolgingspunkter" / "2025-3.md").read_text(encoding="utf-8")
    assert JANUARY_TEXT in point
    assert JUNE_TEXT not in point
    assert "Fullført" not in point
    assert not (out / "oppfolgingspunkter" / "var-2026-1.md").exists()
    assert not (out / "oppfolgingspunkter" / "2026-1.md").exists()
    overview = (out / "oppfolgingspunkter" / "index.md").read_text(encoding="utf-8")
    assert SPRING_POINT not in overview and NEW_2026_POINT not in overview
    assert "status pr januar 2026" in overview
    ipo = (out / "ipo" / "index.md").read_text(encoding="utf-8")
    assert "Hovseter" in ipo and NEW_AREA not in ipo
    assert "Frist" not in (out / "oppfolgingspunkter" / "2025-2.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_plain_build_of_an_old_edition_without_history_says_so(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    complete_june_round(project)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SITE_", "MIKE_"))},
        "SITE_EDITION": "2026-01",
        "GIT_CEILING_DIRECTORIES": str(tmp_path.parent),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "s")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (
        "INFO    -  Merk: rapporteringsrunden «2026-01» er bygget uten sin git-historikk: "
        "git-historikken trengs for å bygge en eldre rapporteringsrunde slik den var, men "
        "mappen er ikke et git-lager." in result.stderr
    )
    assert "«make publish» publiserer ikke en slik gjetning." in result.stderr
