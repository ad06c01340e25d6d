"""Text from a pull request is shown literally: no tag, attribute or link comes of it.

The site is built twice with ``--strict``: once with every hostile string
from issue 6 in every text field, once with a harmless twin of the same
shape (each visible character replaced by a letter: «x», except that names
which differ get twins which differ, see ``hostile_data.twins``). The built
HTML of the two must have exactly the same elements, attributes and link
targets, and the hostile text must be readable, character for character, on
the pages.

Some page names come from the data: every responsible party gets a listing
page named after a slug of its name. Those slugs must be pure ``[a-z0-9-]``;
the two sites' pages and links are then paired by the party's position
(``ansvarlig-#3``), so everything else about them is still compared.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.site import selections
from generator.site.addresses import BOKMAL
from generator.site.build import Sources, load_dataset

from . import hostile_data, htmlcheck
from .conftest import copy_project, run_generator
from .test_links import broken_links

pytestmark = pytest.mark.slow

PAYLOADS = hostile_data.HOSTILE
SITE_NAME = "Politirådet i Oslo – oppfølgingspunkter"
ATOM = "http://www.w3.org/2005/Atom"


def _build(folder: Path, payloads: tuple[str, ...]) -> Path:
    project = copy_project(folder)
    hostile_data.write(project, payloads)
    result = run_generator("site", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("hostile"), PAYLOADS)


@pytest.fixture(scope="module")
def twin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("twin"), tuple(hostile_data.twins(PAYLOADS)))


def _without_fragment(url: str) -> str:
    return url.split("#", 1)[0]


def _parties(site: Path) -> tuple[selections.Party, ...]:
    project = site.parent
    sources = Sources.in_folder(project)
    return selections.responsible_parties(load_dataset(sources).data)


def _placeholders(site: Path) -> Callable[[str], str]:
    """Pages and links named after responsible parties, numbered instead."""
    parties = _parties(site)
    for party in parties:
        assert re.fullmatch(
            re.escape(selections.slug(party.name)) + r"(-[0-9a-f]{6,})*", party.slug
        )
    return hostile_data.slug_placeholders([p.slug for p in parties])


# Pages whose rows the data puts in order (sorted by title): the same links,
# in another order than the twin's.
ORDERED_BY_DATA = {f"{BOKMAL.selections_folder}/sortert-etter-tittel/index.html"}

# Attributes whose values the templates fill with slugs of responsible parties
# (the overview's filter): compared with the twin's after numbering the slugs.
SLUG_ATTRIBUTES = {("tr", "data-responsible"), ("option", "value")}


def _slug_values(page: htmlcheck.Page, number: Callable[[str], str]) -> list[list[str]]:
    return [
        [number("ansvarlig-" + v) for v in value.split()]
        for tag, name, value in page.attributes
        if (tag, name) in SLUG_ATTRIBUTES
    ]


def test_pages_named_after_data_are_pure_slugs(hostile_site: Path) -> None:
    """Every responsible party has its own listing page, named ``[a-z0-9-]`` only."""
    parties = _parties(hostile_site)
    assert len(parties) == len(PAYLOADS)
    folder = hostile_site / BOKMAL.selections_folder
    named = sorted(p.name for p in folder.iterdir() if p.name.startswith("ansvarlig-"))
    assert named == sorted(f"ansvarlig-{p.slug}" for p in parties)
    for name in named:
        assert hostile_data.SLUG.fullmatch(name), name


def _differences(
    hostile_pages: dict[str, htmlcheck.Page],
    twin_pages: dict[str, htmlcheck.Page],
    number_hostile: Callable[[str], str],
    number_twin: Callable[[str], str],
) -> list[str]:
    """Every way the hostile site's HTML is not the twin's, page by page."""
    problems = []
    hostile = {number_hostile(k): v for k, v in hostile_pages.items()}
    twin = {number_twin(k): v for k, v in twin_pages.items()}
    if len(hostile) != len(hostile_pages):
        problems.append("two pages got the same number")
    if hostile.keys() != twin.keys():
        problems.append(f"the pages differ: {sorted(hostile.keys() ^ twin.keys())}")
    for path in sorted(hostile.keys() & twin.keys()):
        page, expected = hostile[path], twin[path]
        if page.elements != expected.elements:
            problems.append(f"{path}: the data changed the page's elements")
        urls = [(t, a, number_hostile(_without_fragment(u))) for t, a, u in page.urls]
        expected_urls = [(t, a, number_twin(_without_fragment(u))) for t, a, u in expected.urls]
        slugs = _slug_values(page, number_hostile)
        expected_slugs = _slug_values(expected, number_twin)
        if path in ORDERED_BY_DATA:
            urls, expected_urls = sorted(urls), sorted(expected_urls)
            slugs, expected_slugs = sorted(slugs), sorted(expected_slugs)
        if urls != expected_urls:
            problems.append(f"{path}: the data changed a link target")
        if slugs != expected_slugs:
            problems.append(f"{path}: a party's slug is not the twin's")
        if page.comments != expected.comments:
            problems.append(f"{path}: a comment came from the data")
        if [a for a in page.attributes if a[1].startswith("on")]:
            problems.append(f"{path}: an event handler attribute")
        for _, _, url in page.urls:
            if url.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                problems.append(f"{path}: a script address {url!r}")
    return problems


def test_every_page_has_the_elements_the_templates_wrote_and_no_more(
    hostile_site: Path, twin_site: Path
) -> None:
    hostile = htmlcheck.pages(hostile_site)
    numbered = _placeholders(hostile_site)
    assert sum("/ansvarlig-#" in numbered(path) for path in hostile) == len(PAYLOADS)
    twin = htmlcheck.pages(twin_site)
    assert _differences(hostile, twin, numbered, _placeholders(twin_site)) == []


def test_the_comparison_finds_markup_links_and_pages_the_templates_did_not_write(
    hostile_site: Path, twin_site: Path
) -> None:
    """The comparison can fail: change a built page the way a hole would."""
    hostile, twin = htmlcheck.pages(hostile_site), htmlcheck.pages(twin_site)
    number_hostile, number_twin = _placeholders(hostile_site), _placeholders(twin_site)
    assert _differences(hostile, twin, number_hostile, number_twin) == []
    slugs = [p.slug for p in _parties(hostile_site)]
    listing = f"{BOKMAL.selections_folder}/ansvarlig-{slugs[0]}/index.html"
    overview = "oppfolgingspunkter/index.html"

    def changed(path: str, old: str, new: str) -> list[str]:
        html = (hostile_site / path).read_text(encoding="utf-8")
        assert old in html, old
        pages = {**hostile, path: htmlcheck.parse(html.replace(old, new, 1))}
        return _differences(pages, twin, number_hostile, number_twin)

    def renamed(path: str, new: str) -> list[str]:
        pages = {new if p == path else p: page for p, page in hostile.items()}
        return _differences(pages, twin, number_hostile, number_twin)

    tag, numbered = "&lt;script&gt;", number_hostile(listing)
    assert changed(listing, tag, "<b>") == [f"{numbered}: the data changed the page's elements"]
    assert changed(listing, tag, "<!-- x -->") == [f"{numbered}: a comment came from the data"]
    link = f"/ansvarlig-{slugs[0]}/"
    assert changed(overview, link, f"/ansvarlig-{slugs[1]}/") == [
        f"{overview}: the data changed a link target"
    ]
    assert changed(overview, link, "/ansvarlig-ukjent/") == [
        f"{overview}: the data changed a link target"
    ]
    option = f'<option value="{slugs[0]}">'
    assert changed(overview, option, f'<option value="{slugs[1]}">') == [
        f"{overview}: a party's slug is not the twin's"
    ]
    point = 'href="../oppfolgingspunkter/p1/"'
    assert changed(overview, point, 'href="javascript:alert(1)"') == [
        f"{overview}: the data changed a link target",
        f"{overview}: a script address 'javascript:alert(1)'",
    ]
    assert changed(overview, option, option[:-1] + ' onclick="alert(1)">') == [
        f"{overview}: the data changed the page's elements",
        f"{overview}: an event handler attribute",
    ]
    # A listing page whose name is no party's slug.
    moved = listing.replace(slugs[0], "ukjent")
    assert renamed(listing, moved) == [
        f"the pages differ: {sorted([moved, number_hostile(listing)])}"
    ]


def test_only_pure_slugs_are_paired() -> None:
    assert hostile_data.slug_placeholders(["a-b", "c1"])("x/ansvarlig-c1/ ansvarlig-a-b") == (
        "x/ansvarlig-#1/ ansvarlig-#0"
    )
    assert hostile_data.slug_placeholders(["a-b"])("ansvarlig-a-b-2/") == "ansvarlig-a-b-2/"
    for impure in ("a<b", "A", "a--b", "-a", "", "a b"):
        with pytest.raises(AssertionError):
            hostile_data.slug_placeholders([impure])
    with pytest.raises(AssertionError):
        hostile_data.slug_placeholders(["a", "a"])


CHANGE_HEADINGS = (
    f"Nye punkter ({len(PAYLOADS)})",
    "Endret tilstand (",
    "Oppdatert statustekst (",
    "Uendret (",
)


def _current(number: int) -> str:
    """A point's state and report date as the lists show them: the second
    report moves every third point, rewrites the next and repeats the third."""
    return ("Fullført 30. juni 2026", "Pågår 30. juni 2026", "Pågår 30. juni 2026")[number % 3]


def _point_page(site: Path, number: int) -> Path:
    return site / "oppfolgingspunkter" / f"p{number}" / "index.html"


@pytest.mark.parametrize("number", range(1, len(PAYLOADS) + 1))
def test_hostile_text_is_shown_literally_in_every_field(hostile_site: Path, number: int) -> None:
    payload = hostile_data.one_line(PAYLOADS[number - 1])
    page = htmlcheck.read(_point_page(hostile_site, number))
    article = htmlcheck.article(_point_page(hostile_site, number))
    # Heading, decision text, status text, responsible and tags.
    assert article.visible.count(payload) >= 5, article.visible
    assert article.visible.startswith(f"{number}. {payload} ")
    assert page.title == f"{number}. {payload} - {SITE_NAME}"


def test_names_and_titles_are_shown_literally(hostile_site: Path) -> None:
    every = hostile_data.one_line(" ¦ ".join(PAYLOADS))
    front = htmlcheck.article(hostile_site / "index.html")
    assert front.visible.startswith(f"{every} {every} er samarbeidsrådet mellom ")
    seminars = htmlcheck.article(hostile_site / "seminarer" / "index.html").visible
    ipo = htmlcheck.article(hostile_site / "ipo" / "index.html").visible
    overview = htmlcheck.article(hostile_site / "oppfolgingspunkter" / "index.html").visible
    report = htmlcheck.article(hostile_site / "rapport" / "index.html").visible
    changes = htmlcheck.article(hostile_site / "endringer" / "index.html").visible
    assert every in seminars and every in overview and every in ipo
    assert report.startswith(f"Oppfølgingspunkter {every} 2026 – {every} Last ned rapporten")
    assert f"{every} Rapporten er datert 30. juni 2026. Sammenlignet med {every} (30. " in changes
    new, moved, rewritten, idle = (changes.index(h) for h in CHANGE_HEADINGS)
    for number, payload in enumerate(map(hostile_data.one_line, PAYLOADS), start=1):
        # The overview's row: number, title, seminar, responsible, state, date.
        assert f"{number} {payload} {every} {payload} {_current(number)}" in overview
        # The IPO summary table's row, then the unit's own section and table.
        assert f"{payload} 1 1 0" in ipo
        assert f"{payload} Område Status Startår {payload} Ny ikke oppgitt" in ipo
        assert f"{payload} Status: {payload}" in report
        assert f"{number}. {payload} : Pågår" in changes[new:]
        if number % 3 == 0:
            assert f"{number}. {payload} : fra Pågår til Fullført" in changes[moved:rewritten]
        elif number % 3 == 1:
            assert f"{number}. {payload} : fortsatt Pågår" in changes[rewritten:idle]
        else:
            assert f"{number}. {payload} " in changes[idle:new]


def test_responsible_listing_pages_show_the_name_literally(hostile_site: Path) -> None:
    every = hostile_data.one_line(" ¦ ".join(PAYLOADS))
    parties = {p.name: p for p in _parties(hostile_site)}
    for number, payload in enumerate(map(hostile_data.one_line, PAYLOADS), start=1):
        page = (
            hostile_site
            / BOKMAL.selections_folder
            / f"ansvarlig-{parties[payload].slug}"
            / "index.html"
        )
        assert htmlcheck.read(page).title == f"Oppfølgingspunkter: {payload} - {SITE_NAME}"
        visible = htmlcheck.article(page).visible
        assert visible.startswith(
            f"Oppfølgingspunkter: {payload} Oppfølgingspunktene med ansvarlig «{payload}», "
        )
        # The listing shows the one point this party is responsible for.
        assert visible.endswith(f"{number} {payload} {every} {payload} {_current(number)}")


def test_the_pdf_report_shows_the_data_as_typed(hostile_site: Path) -> None:
    """The report's PDF is typeset from the data as JSON strings, never as Typst
    markup: every payload reads as typed (tests/unit/site/test_pdf.py has Typst's own)."""
    from pypdf import PdfReader

    [path] = (hostile_site / "rapport").glob("*.pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())
    for number, payload in enumerate(map(hostile_data.one_line, PAYLOADS), start=1):
        assert f"{number}. {payload} Status: {payload}" in text, payload


def _cells(html: str, row_start: str) -> list[str]:
    row = html[html.index(row_start) :]
    row = row[: row.index("</tr>")]
    return [htmlcheck.parse(c).visible for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]


def test_a_table_cell_keeps_its_pipes(hostile_site: Path) -> None:
    """Pipes in a name never split a Markdown table's cell, nor an HTML table's."""
    number = PAYLOADS.index("a | b | c") + 1
    overview = (hostile_site / "oppfolgingspunkter" / "index.html").read_text(encoding="utf-8")
    cells = _cells(overview, f'<td data-label="Nr." data-value="{number - 1}">{number}</td>')
    assert len(cells) == 6
    assert cells[1] == cells[3] == "a | b | c"
    ipo = (hostile_site / "ipo" / "index.html").read_text(encoding="utf-8")
    # The summary table (Markdown) has a row per unit, the unit's table a row per area.
    summary = _cells(ipo, f'<td><a href="#enhet-u{number}">')
    assert summary[:4] == ["a | b | c", "1", "1", "0"]
    unit = ipo[ipo.index(f'id="enhet-u{number}"') :]
    assert _cells(unit, "<tr>\n<td>")[:3] == ["a | b | c", "Ny", "ikke oppgitt"]


def test_jinja_syntax_in_data_is_never_evaluated(hostile_site: Path) -> None:
    number = PAYLOADS.index("{{ 7*7 }} og {% if true %}ja{% endif %}") + 1
    article = htmlcheck.article(_point_page(hostile_site, number)).visible
    assert "{{ 7*7 }} og {% if true %}ja{% endif %}" in article
    assert "49 og" not in article


def test_the_search_index_holds_no_markup_from_the_data(
    hostile_site: Path, twin_site: Path
) -> None:
    """Material's search shows titles and text from the index as HTML."""

    def shapes(site: Path) -> list[tuple[str, list[tuple[str, tuple[str, ...]]]]]:
        index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        return [
            (
                _without_fragment(doc["location"]),
                htmlcheck.parse(doc["title"] + doc["text"]).elements,
            )
            for doc in index["docs"]
        ]

    assert shapes(hostile_site) == shapes(twin_site)


def test_the_feed_holds_no_markup_from_the_data(hostile_site: Path, twin_site: Path) -> None:
    """Feed readers show an entry's content as HTML: the data must stay text in it."""

    def entries(site: Path) -> list[tuple[str, htmlcheck.Page]]:
        feed = ET.parse(site / "endringer.xml").getroot()
        assert [e.tag for e in feed.iter()].count(f"{{{ATOM}}}entry") == 2
        return [
            (entry.findtext(f"{{{ATOM}}}title", ""), htmlcheck.parse(content.text or ""))
            for entry in feed.iter(f"{{{ATOM}}}entry")
            for content in entry.iter(f"{{{ATOM}}}content")
        ]

    def tree(site: Path) -> list[tuple[str, list[str]]]:
        root = ET.parse(site / "endringer.xml").getroot()
        return [(e.tag, sorted(e.attrib)) for e in root.iter()]

    assert tree(hostile_site) == tree(twin_site)
    every = hostile_data.one_line(" ¦ ".join(PAYLOADS))
    hostile, twin = entries(hostile_site), entries(twin_site)
    assert [title for title, _ in hostile] == [every, every]
    for (_, entry), (_, expected) in zip(hostile, twin, strict=True):
        assert entry.elements == expected.elements
        assert entry.urls == expected.urls
        assert entry.comments == expected.comments == []
    (_, second), (_, first) = hostile
    for number, payload in enumerate(map(hostile_data.one_line, PAYLOADS), start=1):
        assert f"{number}. {payload} : Pågår (ny) {payload}" in first.visible
        if number % 3 == 0:
            assert f"{number}. {payload} : Fullført (før: Pågår) {payload}" in second.visible
        elif number % 3 == 1:
            assert f"{number}. {payload} : Pågår {payload} {payload}" in second.visible


def test_a_very_long_responsible_name_gets_a_short_page_name(tmp_path: Path) -> None:
    """A file name holds at most 255 bytes; a responsible party's name may be longer.
    Two names that are the same in their first 80 letters still get two pages."""
    long = "Enhet " + "a" * 300
    names = (long, long + " b", "<b>" + "x" * 300)
    site = _build(tmp_path, names)
    pages = sorted(p.name for p in (site / BOKMAL.selections_folder).glob("ansvarlig-*"))
    assert len(pages) == len(names), pages
    for page in pages:
        assert hostile_data.SLUG.fullmatch(page) and len(page) < 100, page
    assert broken_links(site) == []


def test_every_link_and_anchor_resolves_with_hostile_titles(hostile_site: Path) -> None:
    """Headings made from hostile text still get anchors that the links find."""
    assert broken_links(hostile_site) == []


def test_no_page_repeats_an_id(hostile_site: Path) -> None:
    """Headings made from hostile text («__toc», «state-chart», «{ #forside }»)
    never repeat an id the templates or Material write."""
    assert htmlcheck.duplicate_ids(hostile_site) == {}


ID_CASES = [
    (field, payload)
    for field in ("followups", "editions", "seminars", "units")
    for payload in [*PAYLOADS[:6], "Oslo kommune"]
] + [("followups", "index"), ("followups", "utvalg")]
"""Hostile text in every kind of id, and the valid ids that are another page's address."""


@pytest.mark.parametrize("field,payload", ID_CASES)
def test_hostile_text_as_an_id_is_refused_with_a_message(
    tmp_path: Path, field: str, payload: str
) -> None:
    """Ids become addresses: anything but a plain, free id stops the build
    with a message (from the validator, or naming the page it would take)."""
    project = copy_project(tmp_path)
    hostile_data.write(project, ("ok",))
    target = {
        "followups": ("followups.yaml", 'id: "p1"'),
        "editions": ("followups.yaml", 'id: "2026-06"'),
        "seminars": ("followups.yaml", 'id: "s1"'),
        "units": ("ipo_areas.yaml", 'id: "u1"'),
    }[field]
    path = project / target[0]
    text = path.read_text(encoding="utf-8")
    assert target[1] in text
    text = text.replace(target[1], f"id: {json.dumps(payload, ensure_ascii=False)}", 1)
    path.write_text(text, encoding="utf-8")
    result = run_generator("site", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert re.search(rf"{re.escape(target[0])}:\d+:\d+: feil: ", output), output
    assert not (project / "site").exists()
