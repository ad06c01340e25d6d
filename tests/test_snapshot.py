"""An old edition rebuilt from today's data shows what was known at that edition."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.model import Dataset
from generator.pipeline import Sources, generate, load_dataset
from generator.snapshot import UnknownEdition, as_of
from tests.conftest import OSLO
from tests.june_edition import JANUARY_TEXT, JUNE_TEXT, SPRING_POINT, add_june_edition


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("followups.yaml", "ipo_areas.yaml"):
        shutil.copy2(OSLO / name, tmp_path / name)
    add_june_edition(tmp_path)
    return tmp_path


def _load(project: Path) -> Dataset:
    return load_dataset(
        Sources(project / "followups.yaml", project / "ipo_areas.yaml", project)
    ).data


def test_january_edition_has_january_statuses_only(project: Path) -> None:
    data = _load(project)
    january = as_of(data, "2026-01")
    assert [e.id for e in january.editions] == ["2026-01"]
    assert january.latest_edition.id == "2026-01"
    point = next(p for p in january.followups if p.id == "2025-3")
    assert [s.edition.id for s in point.statuses] == ["2026-01"]
    assert point.current is not None and point.current.state == "pågår"
    june_point = next(p for p in data.followups if p.id == "2025-3")
    assert june_point.current is not None and june_point.current.state == "fullført"


def test_points_decided_after_the_edition_are_left_out(project: Path) -> None:
    data = _load(project)
    january = as_of(data, "2026-01")
    assert "var-2026-1" in {p.id for p in data.followups}
    assert "var-2026-1" not in {p.id for p in january.followups}
    assert "var-2026" not in {s.id for s in january.seminars}
    # The 2026 seminar ended on the edition's date: it counts as known, though it has no points.
    assert {s.id for s in january.seminars} == {"2025", "2026"}
    assert len(january.followups) == 7


def test_latest_edition_is_the_data_unchanged(project: Path) -> None:
    data = _load(project)
    assert as_of(data, "2026-06") is data


def test_point_without_status_from_a_dated_seminar(project: Path) -> None:
    data = _load(project)
    spring = next(s for s in data.seminars if s.id == "var-2026")
    undecided = dataclasses.replace(data.followups[0], id="x", seminar=spring, statuses=())
    with_point = dataclasses.replace(data, followups=(*data.followups, undecided))
    assert "x" not in {p.id for p in as_of(with_point, "2026-01").followups}
    moved = dataclasses.replace(spring, date=dt.date(2026, 1, 10))
    earlier = dataclasses.replace(undecided, seminar=moved)
    with_earlier = dataclasses.replace(data, followups=(*data.followups, earlier))
    assert "x" in {p.id for p in as_of(with_earlier, "2026-01").followups}


def test_ipo_areas_from_a_later_edition_are_not_shown(project: Path) -> None:
    ipo = project / "ipo_areas.yaml"
    ipo.write_text(
        ipo.read_text(encoding="utf-8").replace('edition: "2026-01"', 'edition: "2026-06"'),
        encoding="utf-8",
    )
    data = _load(project)
    assert data.areas
    assert as_of(data, "2026-01").areas == ()
    generate(Sources(project / "followups.yaml", ipo, project), project / "out", edition="2026-01")
    text = (project / "out" / "ipo" / "index.md").read_text(encoding="utf-8")
    assert "Områdene for status pr januar 2026 er ikke registrert." in text
    assert "Hovseter" not in text


def test_unknown_edition_names_the_known_ones(project: Path) -> None:
    with pytest.raises(UnknownEdition) as caught:
        as_of(_load(project), "2026-13")
    assert str(caught.value) == (
        "Rapporteringsrunden «2026-13» finnes ikke i editions. "
        "Velg en av disse: «2026-01», «2026-06»."
    )


def test_generated_pages_for_january(project: Path) -> None:
    out = project / "out"
    generate(
        Sources(project / "followups.yaml", project / "ipo_areas.yaml", project),
        out,
        today=dt.date(2026, 11, 30),
        edition="2026-01",
    )
    point = (out / "oppfolgingspunkter" / "2025-3.md").read_text(encoding="utf-8")
    assert JANUARY_TEXT in point
    assert JUNE_TEXT not in point
    assert "Fullført" not in point
    assert not (out / "oppfolgingspunkter" / "var-2026-1.md").exists()
    overview = (out / "oppfolgingspunkter" / "index.md").read_text(encoding="utf-8")
    assert SPRING_POINT not in overview
    assert "status pr januar 2026" in overview


def test_old_edition_judges_deadlines_on_its_own_date(project: Path) -> None:
    followups = project / "followups.yaml"
    text = followups.read_text(encoding="utf-8")
    marker = "    tags: [ungdom, Grorudmodellen, Oslostandard, én-til-én-oppfølging]\n"
    followups.write_text(
        text.replace(marker, marker + "    deadline: 2026-03-01\n"), encoding="utf-8"
    )
    sources = Sources(followups, project / "ipo_areas.yaml", project)
    today = dt.date(2026, 11, 30)
    for edition, overdue in (("2026-01", False), ("2026-06", True), (None, True)):
        out = project / f"out-{edition}"
        generate(sources, out, today=today, edition=edition)
        page = (out / "oppfolgingspunkter" / "2025-2.md").read_text(encoding="utf-8")
        assert "Frist 1. mars 2026" in page
        assert ("Forfalt" in page) is overdue, edition
