"""The reader's site's data side: changes per edition, open data files, overdue points."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
import yaml

from generator.data.model import Dataset
from generator.site import open_data, render
from generator.site.build import Sources, load_dataset
from generator.site.edition_changes import edition_changes
from tests.conftest import FIXTURES, OSLO, ROOT

FIXTURE = FIXTURES / "two-editions"


def _load(folder: Path) -> Dataset:
    sources = Sources.in_folder(folder)
    return load_dataset(sources).data


@pytest.fixture(scope="module")
def two_editions() -> Dataset:
    return _load(FIXTURE)


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return _load(OSLO)


def _titles(changes: tuple) -> list[str]:  # type: ignore[type-arg]
    return [c.point.title for c in changes]


def test_changes_compare_each_edition_with_the_one_before(two_editions: Dataset) -> None:
    newest, first = edition_changes(two_editions)
    assert newest.edition.id == "2026-01" and newest.previous is not None
    assert newest.previous.id == "2025-06"
    assert _titles(newest.new_points) == ["Trygg skolevei"]
    assert [
        (c.point.number, c.before.state, c.after.state) for c in newest.state_changes if c.before
    ] == [
        (1, "pågår", "fullført"),
        (4, "pågår", "avsluttet"),
    ]
    assert _titles(newest.text_updates) == ["Møteplass for ungdom på Ærøy"]
    assert [p.title for p in newest.unchanged] == ["Kartlegging av radikalisering"]
    assert first.previous is None
    assert len(first.new_points) == 4 and not first.state_changes and not first.text_updates


def test_overdue_only_open_points_past_their_deadline(two_editions: Dataset) -> None:
    today = dt.date(2026, 6, 1)
    overdue = [p.title for p in two_editions.followups if p.is_overdue(today)]
    # 1 is fullført and 4 avsluttet though past deadline; «Trygg skolevei» is not due yet.
    assert overdue == ["Kartlegging av radikalisering"]
    pages = render.render_site(two_editions, today).pages
    assert "Forfalt" in pages["oppfolgingspunkter/2025-3.md"]
    assert "Forfalt" not in pages["oppfolgingspunkter/2025-1.md"]
    assert (
        "Forfalt"
        not in render.render_site(two_editions, dt.date(2026, 1, 1)).pages[
            "oppfolgingspunkter/2025-3.md"
        ]
    )


def _stripped(value: object) -> object:
    """Block scalars end with a newline in YAML; the model keeps the text without it."""
    if isinstance(value, str):
        return value.rstrip("\n")
    if isinstance(value, list):
        return [_stripped(v) for v in value]
    if isinstance(value, dict):
        return {k: _stripped(v) for k, v in value.items()}
    return value


def _yaml_as_json(path: Path) -> object:
    """The YAML file as JSON would hold it: dates as ÅÅÅÅ-MM-DD strings."""
    return _stripped(
        json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
    )


def test_json_export_is_the_data_files_content(shipped: Dataset) -> None:
    followups = json.loads(open_data.as_json(open_data.followups_document(shipped)))
    expected = _yaml_as_json(OSLO / "followups.yaml")
    assert _stripped(followups) == expected
    areas = json.loads(open_data.as_json(open_data.areas_document(shipped)))
    assert _stripped(areas) == _yaml_as_json(OSLO / "ipo_areas.yaml")


def test_json_export_validates_against_the_published_schemas(shipped: Dataset) -> None:
    schemas = ROOT / "schemas"
    if not (schemas / "followups.schema.json").exists():
        pytest.skip("schemas/ is made by `python -m generator schema` (not on this branch yet)")
    import jsonschema

    for name, document in (
        ("followups.schema.json", open_data.followups_document(shipped)),
        ("ipo_areas.schema.json", open_data.areas_document(shipped)),
    ):
        jsonschema.validate(document, json.loads((schemas / name).read_text(encoding="utf-8")))


def test_csv_opens_in_excel_with_norwegian_letters(two_editions: Dataset) -> None:
    raw = open_data.followups_csv(two_editions)
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the byte order mark to read UTF-8"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["id", "seminar", "nummer", "tittel"]
    by_id = {row[0]: row for row in rows[1:]}
    assert by_id["2025-2"][3] == "Møteplass for ungdom på Ærøy"
    assert by_id["2025-1"][8] == "fullført"
    history = list(
        csv.reader(
            io.StringIO(open_data.statuses_csv(two_editions).decode("utf-8-sig")), delimiter=";"
        )
    )
    assert len(history) == 1 + sum(len(p.statuses) for p in two_editions.followups)
    areas = open_data.areas_csv(two_editions).decode("utf-8-sig")
    assert "Østbyen;Enhet nord;ny;2026" in areas


def test_report_title_reads_like_the_councils_attachment(shipped: Dataset) -> None:
    assert (
        render.report_title(shipped)
        == "Oppfølgingspunkter Politirådet i Oslo 2025 – status pr januar 2026"
    )


def test_raw_html_attributes_carry_no_markdown_escapes(two_editions: Dataset) -> None:
    """Inside raw HTML, Markdown escaping would show: «2026\\-01» or «oslo\\-kommune»."""
    for path, text in render.render_site(two_editions, dt.date(2026, 6, 1)).pages.items():
        assert not re.search(r'="[^"]*\\', text), path
        assert not re.search(r"\{ #[^}]*\\", text), path  # attr_list ids too


def test_generated_pages_hold_no_scripts(shipped: Dataset) -> None:
    """The site sends a Content-Security-Policy without inline scripts: ours live in files."""
    for path, text in render.render_site(shipped, dt.date(2026, 6, 1)).pages.items():
        assert "<script" not in text.lower(), path
        assert not re.search(r"<[^>]+\son\w+=", text), path  # no onclick= and the like


def test_atom_feed_has_one_entry_per_edition_newest_first(two_editions: Dataset) -> None:
    import xml.etree.ElementTree as ET

    from generator.site import download_files

    files = download_files.files(two_editions, ())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.fromstring(files["endringer.xml"])
    entries = feed.findall("a:entry", ns)
    assert [e.findtext("a:title", namespaces=ns) for e in entries] == [
        "Status pr januar 2026",
        "Status pr juni 2025",
    ]
    newest = entries[0].findtext("a:content", namespaces=ns) or ""
    assert "1. Felles beredskapsøvelse</a>: <strong>Fullført</strong> (før: Pågår)" in newest
    assert "Trygg skolevei</a>: <strong>Planlagt</strong> (ny)" in newest
    assert entries[0].find("a:link", ns).get("href") == "endringer/#utgave-2026-01"  # type: ignore[union-attr]
    pdfs = [name for name in files if name.endswith(".pdf")]
    assert pdfs == [
        "rapport/oppfolgingspunkter-seminar-2025-2026-01.pdf",
        "rapport/oppfolgingspunkter-seminar-2026-2026-01.pdf",
    ]
    assert all(files[name].startswith(b"%PDF") for name in pdfs)


def test_responsible_parties_get_distinct_pages_even_when_their_names_slug_alike() -> None:
    import dataclasses

    from generator.site import selections

    data = _load(FIXTURE)
    first = data.followups[0]
    twins = (
        dataclasses.replace(first, id="x-1", responsible=("Bydel Ø/Vest",)),
        dataclasses.replace(first, id="x-2", number=9, responsible=("Bydel Ø Vest",)),
    )
    data = dataclasses.replace(data, followups=data.followups + twins)
    parties = {p.name: p.slug for p in selections.responsible_parties(data)}
    # Each gets the shared slug and a short hash of its own name (selections.party_slugs).
    assert parties == {
        **{p.name: p.slug for p in selections.responsible_parties(_load(FIXTURE))},
        "Bydel Ø/Vest": "bydel-o-vest-6a9fcf",
        "Bydel Ø Vest": "bydel-o-vest-6d1a03",
    }
    pages = render.render_site(data, dt.date(2026, 6, 1)).pages
    assert "Bydel Ø/Vest" in pages["oppfolgingspunkter/utvalg/ansvarlig-bydel-o-vest-6a9fcf.md"]
    assert (
        "Bydel Ø Vest" in pages[f"oppfolgingspunkter/utvalg/ansvarlig-{parties['Bydel Ø Vest']}.md"]
    )
