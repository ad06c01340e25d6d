"""Every address on the site comes from ``generator/site/addresses.py``: one rule for
the links pages make, the files the build writes and the collisions it refuses."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from generator.data import kinds
from generator.data.model import Dataset
from generator.site import addresses, download_files, downloads, render, selections
from generator.site.addresses import BOKMAL, Addresses, Slugs
from generator.site.build import Sources, load_dataset
from tests.conftest import FIXTURES, ROOT


@pytest.mark.parametrize(
    "path,url",
    [
        ("index.md", ""),
        ("oppfolgingspunkter/index.md", "oppfolgingspunkter/"),
        ("oppfolgingspunkter/2025-1.md", "oppfolgingspunkter/2025-1/"),
        # A name that merely ends in «index» is a page of its own.
        ("oppfolgingspunkter/2025-index.md", "oppfolgingspunkter/2025-index/"),
        (
            "oppfolgingspunkter/utvalg/ansvarlig-index.md",
            "oppfolgingspunkter/utvalg/ansvarlig-index/",
        ),
    ],
)
def test_links_and_collision_checks_agree_on_a_pages_address(path: str, url: str) -> None:
    assert addresses.page_url(path) == url
    assert addresses.link(path) == url


def test_a_link_is_quoted() -> None:
    assert addresses.link("oppfolgingspunkter/a b.md") == "oppfolgingspunkter/a%20b/"


def test_page_root_follows_directory_urls() -> None:
    assert addresses.page_root("index.md") == ""
    assert addresses.page_root("oppfolgingspunkter/index.md") == "../"
    assert addresses.page_root("oppfolgingspunkter/2025-1.md") == "../../"
    assert addresses.docs_root("index.md") == ""
    assert addresses.docs_root("oppfolgingspunkter/2025-1.md") == "../"
    assert addresses.docs_root("oppfolgingspunkter/utvalg/tilstand-pagar.md") == "../../"


def test_bokmal_addresses_are_todays() -> None:
    """The addresses readers have bookmarked: changing one breaks their links."""
    at = BOKMAL
    assert [at.front, at.overview, at.changes, at.report, at.ipo, at.seminars, at.data] == [
        "index.md",
        "oppfolgingspunkter/index.md",
        "endringer/index.md",
        "rapport/index.md",
        "ipo/index.md",
        "seminarer/index.md",
        "data/index.md",
    ]
    assert at.accessibility == "tilgjengelighetserklaering.md"
    assert at.point("2025-1") == "oppfolgingspunkter/2025-1.md"
    assert at.sorted_page("tittel") == "oppfolgingspunkter/utvalg/sortert-etter-tittel.md"
    assert at.state_page("pagar") == "oppfolgingspunkter/utvalg/tilstand-pagar.md"
    assert at.seminar_page("2025") == "oppfolgingspunkter/utvalg/seminar-2025.md"
    assert (
        at.responsible_page("oslo-kommune") == "oppfolgingspunkter/utvalg/ansvarlig-oslo-kommune.md"
    )
    assert [at.followups_json, at.followups_csv, at.statuses_csv, at.areas_json, at.areas_csv] == [
        "data/oppfolgingspunkter.json",
        "data/oppfolgingspunkter.csv",
        "data/statuser.csv",
        "data/ipo-omrader.json",
        "data/ipo-omrader.csv",
    ]
    assert at.schema("a.json") == "data/schema/a.json"
    assert at.feed == "endringer.xml"
    assert at.report_pdf("2026-01", "2025") == "rapport/oppfolgingspunkter-seminar-2025-2026-01.pdf"
    assert at.edition_anchor("2026-01") == "utgave-2026-01"
    assert at.theme() == {
        "stable_root": "../",
        "feed": "endringer.xml",
        "accessibility": "tilgjengelighetserklaering/",
        "data": "data/",
    }


def test_selection_pages_take_their_addresses_from_the_table() -> None:
    assert selections.sort_page("number") == BOKMAL.overview
    assert selections.sort_page("date") == BOKMAL.sorted_page("dato")
    assert selections.state_page("pågår") == BOKMAL.state_page("pagar")
    party = selections.Party("Oslo kommune", "oslo-kommune")
    assert selections.responsible_page(party) == BOKMAL.responsible_page("oslo-kommune")


OTHER = Addresses(
    Slugs(
        **{
            f.name: f"x-{f.default}"
            for f in dataclasses.fields(Slugs)
            if isinstance(f.default, str)
        }
    )
)
"""Every word of every address changed: what still says a bokmål word spells it itself."""


def _two_editions() -> Dataset:
    fixture = FIXTURES / "two-editions"
    return load_dataset(Sources.in_folder(fixture)).data


def test_another_table_moves_every_page_and_file() -> None:
    data = _two_editions()
    schemas = tuple(sorted((ROOT / "schemas").glob("*.json")))
    pages = render.render_site(data, dt.date(2026, 6, 1), ("a.json",), at=OTHER).pages
    files = download_files.files(data, schemas, with_pdf=False, at=OTHER)
    listed = downloads.every_file(data, ("a.json",), OTHER)
    paths = [*pages, *files, *(d.path for d in listed)]
    bokmal = re.compile(r"oppfolgingspunkter|endringer|tilgjengelighet|utvalg|rapport|seminarer")
    for path in paths:
        assert all(part.startswith("x-") or not bokmal.search(part) for part in path.split("/")), (
            path
        )
    # The links in pages, the feed and the theme follow: no bokmål folder is left.
    text = "\n".join([*pages.values(), *(f.decode() for f in files.values() if f[:1] in b"<[{")])
    for word in ("(oppfolgingspunkter/", '"oppfolgingspunkter/', "/oppfolgingspunkter/",
                 "endringer/index.md", "endringer.xml", "/data/", "tilgjengelighetserklaering.md",
                 "rapport/index.md", "/utvalg/", "#utgave-"):  # fmt: skip
        assert not re.search("(?<!x-)" + re.escape(word), text), word


def test_every_folder_at_the_root_is_reserved_from_edition_ids() -> None:
    """Each edition becomes a folder at the published site's root: an edition id
    must not take a page's or file's place there (``kinds.PUBLISHING_RESERVED``)."""
    at = BOKMAL
    data = _two_editions()
    paths = [
        *render.render_site(data, dt.date(2026, 6, 1)).pages,
        *(d.path for d in downloads.every_file(data, ("a.json",))),
        addresses.SITEMAP,
        *(at.theme()[name] for name in ("feed", "accessibility", "data")),
    ]
    roots = {path.split("/")[0].split(".")[0] for path in paths}
    assert roots - set(kinds.PUBLISHING_RESERVED) == set()


SPELT_ELSEWHERE = {
    "generator/data/kinds.py": "the data may not know the site; the test above keeps it whole",
    "generator/data/load.py": "a message names the feed's file as the secretariat sees it",
}
"""Files that write an address out, and why."""


def test_theme_partials_and_templates_spell_no_address() -> None:
    """Addresses come from ``addresses.py`` through the render context (templates)
    and ``council_addresses`` (theme): none is written out elsewhere."""
    spelt = re.compile(
        r"oppfolgingspunkter/|/oppfolgingspunkter\b|endringer\.xml|endringer/|"
        r"tilgjengelighetserklaering|seminarer/|rapport/|ipo/index|data/index|'data/'|"
        r"utvalg/|sortert-etter|#utgave-|sitemap\.xml\b"
    )
    package = ROOT / "generator"
    allowed = {package / "site" / "addresses.py", *(ROOT / name for name in SPELT_ELSEWHERE)}
    checked = [
        *(package / "templates").glob("*.j2"),
        *(package / "templates").glob("*.typ"),
        *(package / "templates" / "init").glob("*.j2"),
        *(package / "theme").rglob("*.html"),
        *(package / "theme").rglob("*.js"),
        *package.rglob("*.py"),
        *(ROOT / "sitecheck").rglob("*.py"),
        *(ROOT / "bench").rglob("*.py"),
    ]
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in checked
        if path not in allowed
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if spelt.search(line)
    ]
    assert found == []
