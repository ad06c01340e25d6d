"""generator/site/report.py: the report's seminars, titles and PDF addresses."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from generator.data.model import Dataset
from generator.site import report
from generator.site.build import Sources, load_dataset

GOLDEN = Path(__file__).resolve().parents[2] / "golden"


def _data() -> Dataset:
    return load_dataset(Sources.in_folder(GOLDEN)).data


def test_a_year_with_one_seminar_is_written_as_the_council_writes_it() -> None:
    data = _data()
    year = data.seminars[0].date.year  # type: ignore[union-attr]
    assert report.pdfs(data)[0].title.count(f"{year} –") == 1


def test_each_seminars_pdf_has_its_own_title_when_two_share_a_year() -> None:
    data = _data()
    first = data.seminars[0]
    assert first.date is not None
    autumn = dataclasses.replace(
        first, id="host", title="Høstseminaret", date=dt.date(first.date.year, 10, 1)
    )
    autumn_points = tuple(
        dataclasses.replace(p, id=f"host-{p.number}", seminar=autumn)
        for p in data.followups_of(first)
    )
    both = dataclasses.replace(
        data, seminars=(*data.seminars, autumn), followups=(*data.followups, *autumn_points)
    )
    titles = [pdf.title for pdf in report.pdfs(both)]
    assert len(titles) == len(set(titles)), titles
    assert any("Høstseminaret" in t for t in titles)
