"""What a reader does on the site, in Chromium: every page, search, filter, sort,
downloads, accessibility (axe-core) and phone-sized screenshots."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from sitecheck import axe
from sitecheck.site import read_site
from tests.browser.axe import axe_source, describe, run_axe
from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = ROOT / "test-artifacts"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site as a path under its root, e.g. «endringer/»;
    «404.html», the page a server shows for a missing address, included."""
    return [
        html.relative_to(site).as_posix().removesuffix("index.html")
        for html in sorted(site.rglob("*.html"))
    ]


def no_overflow(page: Any) -> bool:
    return bool(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))


def test_every_page_opens_has_no_axe_violations_and_fits_a_phone(
    built_site: Path, browser: Any
) -> None:
    """The site check's axe pass (sitecheck.axe), with what a reader needs on top."""
    axe_source()  # fails in CI, skips elsewhere, when axe-core is missing
    pages = site_pages(built_site)
    assert {
        "",
        "oppfolgingspunkter/",
        "endringer/",
        "rapport/",
        "data/",
        "ipo/",
        "tilgjengelighetserklaering/",
    } <= set(pages)
    seen, headless, overflowing = [], [], []

    def reader_checks(page: Any, rel: str, viewport: axe.Viewport) -> None:
        seen.append(rel)
        if rel == "404.html":
            return
        if (
            page.locator("h1").count() < 1
            or page.evaluate("() => document.documentElement.lang") != "nb"
        ):
            headless.append(f"{rel} has no heading or is not marked as Norwegian")
        if not no_overflow(page):
            overflowing.append(f"{rel} at {viewport.width} px")

    site = read_site(built_site, built_site.parent)
    problems = axe.check(site, on_page=reader_checks, browser=browser)
    assert not problems, "axe-core found violations:\n" + "\n".join(p.message for p in problems)
    assert len(seen) == 2 * len(list(built_site.rglob("*.html")))
    assert not headless, headless
    assert not overflowing, "pages wider than the window: " + ", ".join(overflowing)


@pytest.mark.parametrize("path", ["", "oppfolgingspunkter/", "oppfolgingspunkter/2025-3/"])
def test_screenshots_at_phone_and_desktop_width(page: Any, site_url: str, path: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    name = path.strip("/").replace("/", "-") or "forside"
    for label, viewport in (("375", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(viewport)
        page.goto(site_url + path)
        page.screenshot(path=str(ARTIFACTS / f"{name}-{label}.png"), full_page=True)
        assert no_overflow(page), f"{path or '/'} overflows at {viewport['width']} px"


def test_search_for_radikalisering_finds_point_3(page: Any, site_url: str) -> None:
    page.goto(site_url)
    page.get_by_role("textbox", name="Søk").click()
    page.keyboard.type("radikalisering")  # typed, so the search sees every keystroke
    result = page.locator(".md-search-result__link", has_text="Handlingsplan mot radikalisering")
    result.first.wait_for()
    result.first.click()
    page.wait_for_url(re.compile(r"/oppfolgingspunkter/2025-3/"))
    assert page.locator("h1").inner_text().startswith("3. Handlingsplan mot radikalisering")


def test_front_page_to_a_points_state_in_two_clicks(page: Any, site_url: str) -> None:
    page.goto(site_url)
    page.get_by_role("link", name="Alle oppfølgingspunkter med status").click()
    page.get_by_role("link", name="Samhandling i byutviklingssaker").click()
    assert page.url.endswith("/oppfolgingspunkter/2025-6/")
    assert page.locator(".current-status").inner_text().startswith("Tilstand: Pågår")


def _visible_numbers(page: Any) -> list[str]:
    return [
        n.strip()
        for n in page.locator("table.point-table tbody tr:visible td:first-child").all_inner_texts()
    ]


def test_filter_and_sort_the_overview_with_the_mouse(page: Any, site_url: str) -> None:
    page.goto(site_url + "oppfolgingspunkter/")
    assert _visible_numbers(page) == ["1", "2", "3", "4", "5", "6", "7"]
    page.get_by_label("Tilstand").select_option(label="Løpende")
    assert _visible_numbers(page) == ["1", "5", "7"]
    assert page.get_by_role("status").inner_text() == "Viser 3 av 7 oppfølgingspunkter."
    page.get_by_label("Ansvarlig").select_option(label="Oslo kommune")
    assert _visible_numbers(page) == ["1", "5", "7"]
    page.get_by_label("Tilstand").select_option(label="Fullført")
    assert _visible_numbers(page) == []
    page.get_by_label("Tilstand").select_option(label="Alle tilstander")
    page.get_by_role("button", name="Oppfølgingspunkt").click()
    titles = page.locator("table.point-table tbody td:nth-child(2)").all_inner_texts()
    assert titles == sorted(titles, key=str.casefold) and titles[0].startswith("Felles")
    assert page.locator("th[aria-sort='ascending']").inner_text() == "Oppfølgingspunkt"
    page.get_by_role("button", name="Oppfølgingspunkt").click()
    assert page.locator("th[aria-sort='descending']").inner_text() == "Oppfølgingspunkt"
    assert page.locator("table.point-table tbody td:nth-child(2)").all_inner_texts() == titles[::-1]


def _tab_to(page: Any, selector: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "s => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    raise AssertionError(f"{selector} cannot be reached with Tab")


def test_filter_and_sort_the_overview_with_the_keyboard(page: Any, site_url: str) -> None:
    page.goto(site_url + "oppfolgingspunkter/")
    _tab_to(page, "#filter-state")
    page.keyboard.press("ArrowDown")  # Alle -> Planlagt
    page.keyboard.press("ArrowDown")  # -> Pågår
    assert _visible_numbers(page) == ["2", "3", "4", "6"]
    _tab_to(page, "th[data-sort='state'] button")
    page.keyboard.press("Home")  # no effect on a button; Enter sorts
    page.keyboard.press("Enter")
    assert page.locator("th[data-sort='state']").get_attribute("aria-sort") == "ascending"
    _tab_to(page, "table.point-table tbody tr:not([hidden]) a")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/oppfolgingspunkter/2025-2/"))


def test_sort_and_filter_work_without_javascript(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site_url + "oppfolgingspunkter/")
        assert tab.locator("form.point-filter").is_hidden()
        assert tab.locator("th button").count() == 0
        tab.get_by_role("link", name="tittel").click()
        titles = tab.locator("table.point-table tbody td:nth-child(2)").all_inner_texts()
        assert titles == sorted(titles, key=str.casefold)
        tab.get_by_role("link", name="løpende").click()
        numbers = [
            n.strip()
            for n in tab.locator("table.point-table tbody td:first-child").all_inner_texts()
        ]
        assert numbers == ["1", "5", "7"]
        tab.get_by_role("link", name="Ressurssituasjonen for Oslopolitiet").click()
        assert tab.url.endswith("/oppfolgingspunkter/2025-7/")
    finally:
        context.close()


def test_every_selection_is_two_clicks_from_any_listing_without_javascript(
    browser: Any, site_url: str
) -> None:
    """Only the overview lists every seminar and responsible party; the other
    listings mark their own choice and link to the overview's list."""
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site_url + "oppfolgingspunkter/utvalg/sortert-etter-tittel/")
        links = tab.locator("nav.listing-links")
        assert links.locator("[aria-current='page']").all_inner_texts() == ["tittel"]
        links.get_by_role("link", name="velg ansvarlig på oversikten").click()
        assert tab.url.endswith("/oppfolgingspunkter/#velg-ansvarlig")
        tab.locator("#velg-ansvarlig").get_by_role("link", name="Oslo kommune").click()
        assert tab.title().startswith("Oppfølgingspunkter: Oslo kommune")
        assert tab.locator("h1").inner_text().startswith("Oppfølgingspunkter: Oslo kommune")
        assert links.locator("[aria-current='page']").all_inner_texts() == ["Oslo kommune"]
        responsible = tab.locator("table.point-table tbody td:nth-child(4)").all_inner_texts()
        assert responsible and all("Oslo kommune" in r for r in responsible)
        links.get_by_role("link", name="velg en annen ansvarlig på oversikten").click()
        assert tab.url.endswith("/oppfolgingspunkter/#velg-ansvarlig")
        tab.locator("#velg-seminar a").first.click()
        assert links.locator("[aria-current='page']").count() == 1
        assert tab.locator("#velg-seminar").count() == 0  # the overview's list, not here
    finally:
        context.close()


def test_choosing_a_seminar_from_a_selection_goes_to_the_overviews_filter(
    page: Any, site_url: str
) -> None:
    page.goto(site_url + "oppfolgingspunkter/utvalg/tilstand-pagar/")
    page.get_by_role("link", name="velg seminar på oversikten").click()
    page.wait_for_url(re.compile(r"/oppfolgingspunkter/#velg-seminar$"))
    # The form replaces the list of seminars: the address leads to its field.
    assert page.locator("#velg-seminar select").get_attribute("id") == "filter-seminar"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "filter-seminar"
    page.keyboard.press("ArrowDown")  # Alle seminarer -> the first seminar
    assert _visible_numbers(page)


def test_every_link_on_the_main_pages_leads_somewhere(page: Any, site_url: str) -> None:
    seen: set[str] = set()
    for start in (
        "",
        "oppfolgingspunkter/",
        "endringer/",
        "data/",
        "oppfolgingspunkter/2025-1/",
        "rapport/",
    ):
        page.goto(site_url + start)
        hrefs = page.eval_on_selector_all(
            "main a[href], footer a[href]", "as => as.map(a => a.href)"
        )
        for href in hrefs:
            target = href.split("#")[0]
            if not target.startswith(site_url) or target in seen:
                continue
            seen.add(target)
            response = page.request.get(target)
            assert response.ok, f"{start or '/'} links to {href}: HTTP {response.status}"
    assert len(seen) > 20


def test_point_page_links_to_previous_and_next(page: Any, site_url: str) -> None:
    page.goto(site_url + "oppfolgingspunkter/2025-3/")
    page.get_by_role("link", name=re.compile("^Neste: 4\\.")).click()
    page.wait_for_url(re.compile(r"/2025-4/"))
    page.get_by_role("link", name=re.compile("^Forrige: 3\\.")).click()
    page.wait_for_url(re.compile(r"/2025-3/"))
    assert "30. januar 2026" in page.locator(".current-status").inner_text()


def _download(page: Any, link_name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name, exact=True).first.click()
    path = info.value.path()
    return Path(path).read_bytes()


REPORT_PDF = "Oppfølgingspunkter Politirådet i Oslo 2025 – status pr januar 2026 (PDF)"
"""The one seminar's PDF in the fixture's report, as the report and open data pages link it."""


def test_downloads_hold_the_data(page: Any, site_url: str) -> None:
    page.goto(site_url + "data/")
    links = {a.inner_text(): a for a in page.locator("ul.downloads a").all()}
    assert {
        "Oppfølgingspunkter med all status (JSON)",
        "Oppfølgingspunkter med siste status (CSV)",
        "Endringer per rapporteringsrunde (Atom)",
        REPORT_PDF,
    } <= set(links)

    def fetch(key: str) -> bytes:
        with page.expect_download() as info:
            links[key].click()
        return Path(info.value.path()).read_bytes()

    data = json.loads(fetch("Oppfølgingspunkter med all status (JSON)"))
    assert data["council"]["name"] == "Politirådet i Oslo"
    point3 = next(p for p in data["followups"] if p["id"] == "2025-3")
    assert point3["statuses"][-1]["state"] == "pågår"
    assert point3["title"].startswith("Handlingsplan mot radikalisering")

    text = fetch("Oppfølgingspunkter med siste status (CSV)").decode("utf-8-sig")
    rows_csv = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows_csv) == 7
    assert rows_csv[0]["tittel"] == "Felles situasjonsforståelse i beredskapsarbeidet"
    assert any("å" in r["status"] and "ø" in r["status"] for r in rows_csv)

    areas = fetch("IPO-områder (CSV)").decode("utf-8-sig")
    assert "Grønland;Enhet sentrum;videreført" in areas

    feed = fetch("Endringer per rapporteringsrunde (Atom)").decode("utf-8")
    assert "<feed" in feed and "Status pr januar 2026" in feed and "radikalisering" in feed

    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(fetch(REPORT_PDF)))
    pdf_text = " ".join((p.extract_text() or "") for p in pdf.pages)
    flat = " ".join(pdf_text.split())
    assert "Oppfølgingspunkter Politirådet i Oslo 2025 – status pr januar 2026" in flat
    assert "Status:" in flat
    assert "ble godkjent i politirådet i juni 2025" in flat
    assert "Punktet følges opp fra kommunen og politiet i en rekke sammenhenger." in flat


def test_report_page_links_its_pdfs_and_prints_without_the_chrome(page: Any, site_url: str) -> None:
    page.goto(site_url + "rapport/")
    assert (
        page.locator("h1").inner_text()
        == "Oppfølgingspunkter Politirådet i Oslo 2025 – status pr januar 2026"
    )
    items = page.locator("ol.report__points > li")
    assert items.count() == 7
    assert items.nth(2).locator(".report__status-label").inner_text() == "Status:"
    assert page.locator(".report-actions p").first.inner_text() == (
        "Last ned rapporten som PDF, én fil per seminar:"
    )
    pdf_link = page.get_by_role("link", name=REPORT_PDF, exact=True)
    response = page.request.get(pdf_link.evaluate("a => a.href"))
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    page.emulate_media(media="print")
    assert page.locator("header.md-header").is_hidden()
    assert page.locator(".report-actions").is_hidden()
    assert items.first.is_visible()


def test_changes_page_and_feed_are_linked(page: Any, site_url: str) -> None:
    page.goto(site_url)
    page.get_by_role("link", name="Endringer siden forrige rapport").click()
    assert page.locator("h1").inner_text() == "Endringer"
    assert page.locator("h2#utgave-2026-01").inner_text().startswith("Status pr januar 2026")
    feed = page.locator("link[rel=alternate][type='application/atom+xml']")
    response = page.request.get(feed.evaluate("link => link.href"))
    assert response.ok and b"<feed" in response.body()
    page.get_by_role("link", name="Atom-strøm med statusene fra hver rapport").click()


# --- Several editions: the fixture project in tests/fixtures/two-editions ------


@pytest.fixture(scope="module")
def fixture_url(two_editions_site: Path, serve: Any) -> str:
    return str(serve(two_editions_site))


def test_changes_per_edition_in_the_fixture(page: Any, fixture_url: str) -> None:
    page.goto(fixture_url + "endringer/")
    sections = page.locator("h2").all_inner_texts()
    assert sections[:2] == ["Status pr januar 2026", "Status pr juni 2025"]
    newest = page.locator("article").inner_text().split("Status pr juni 2025\n")[0]
    assert re.search(r"Nye punkter \(1\)\s+1\. Trygg skolevei: Planlagt", newest)
    assert "1. Felles beredskapsøvelse: fra Pågår til Fullført" in newest
    assert "4. Gammel samarbeidsavtale: fra Pågår til Avsluttet" in newest
    assert "2. Møteplass for ungdom på Ærøy: fortsatt Pågår" in newest
    assert re.search(r"Uendret \(1\)\s+3\. Kartlegging av radikalisering", newest)
    page.get_by_role("link", name="1. Felles beredskapsøvelse").first.click()
    page.wait_for_url(re.compile(r"/oppfolgingspunkter/2025-1/"))


def test_timeline_is_newest_first_and_overdue_is_marked(page: Any, fixture_url: str) -> None:
    page.goto(fixture_url + "oppfolgingspunkter/2025-1/")
    assert "Fullført" in page.locator(".current-status").inner_text()
    assert page.locator(".timeline__title").all_inner_texts() == ["Status pr juni 2025"]
    assert page.locator(".overdue").count() == 0  # fullført: not overdue although past deadline
    page.goto(fixture_url + "oppfolgingspunkter/2025-3/")
    assert page.locator(".point-meta .overdue").inner_text() == "Forfalt"
    assert "Frist 1. mars 2026" in page.locator(".point-meta").inner_text()
    page.goto(fixture_url + "oppfolgingspunkter/")
    overdue_rows = page.locator("table.point-table tbody tr", has=page.locator(".overdue"))
    assert overdue_rows.count() == 1
    assert "Kartlegging av radikalisering" in overdue_rows.inner_text()
    page.goto(fixture_url + "oppfolgingspunkter/2026-1/")
    assert page.locator(".overdue").count() == 0


def test_fixture_site_pages_pass_axe(page: Any, fixture_url: str, two_editions_site: Path) -> None:
    source = axe_source()
    failures = []
    pages = site_pages(two_editions_site)
    assert {"", "endringer/", "oppfolgingspunkter/2025-1/", "rapport/", "404.html"} <= set(pages)
    for rel in pages:
        page.goto(fixture_url + rel)
        violations = run_axe(page, source)
        if violations:
            failures.append(describe(rel or "/", violations))
    assert not failures, "axe-core found violations:\n" + "\n".join(failures)


def test_schemas_in_the_project_are_published_and_linked(page: Any, fixture_url: str) -> None:
    page.goto(fixture_url + "data/")
    link = page.get_by_role("link", name="eksempel.schema.json (JSON Schema)")
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok and json.loads(response.body()) == {"type": "object"}


def test_front_page_summarises_the_latest_changes(page: Any, fixture_url: str) -> None:
    page.goto(fixture_url)
    text = page.locator("article").inner_text()
    assert (
        "Siden status pr juni 2025: 1 nye punkter, 2 med endret tilstand og 1 med oppdatert statustekst."
        in text
    )
    page.get_by_role("link", name="Se endringene").click()
    page.wait_for_url(re.compile(r"/endringer/#utgave-2026-01$"))


def test_ipo_page_counts_areas_per_unit(page: Any, site_url: str) -> None:
    page.goto(site_url + "ipo/")
    summary = page.locator("article table").first
    rows = [r.split("\t") for r in summary.locator("tbody tr").all_inner_texts()]
    assert rows[-1] == ["Til sammen", "13", "8", "5"]
    assert ["Enhet øst", "9", "7", "2"] in rows
    summary.get_by_role("link", name="Enhet øst").click()
    assert page.url.endswith("#enhet-ost")
    east = page.locator("#enhet-ost").locator("xpath=following::table[1]").inner_text()
    assert "Furuset\tVidereført\t2025" in east


def test_search_with_the_keyboard_only(page: Any, site_url: str) -> None:
    page.goto(site_url)
    _tab_to(page, "input.md-search__input")
    page.keyboard.type("radikalisering")
    page.locator(".md-search-result__link").first.wait_for()
    for _ in range(10):
        page.keyboard.press("ArrowDown")
        focused = page.evaluate("() => document.activeElement.getAttribute('href') || ''")
        if "/oppfolgingspunkter/2025-3/" in focused:
            break
    else:
        raise AssertionError("the search result for point 3 cannot be reached with the arrow keys")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/oppfolgingspunkter/2025-3/"))


def test_search_dialog_has_a_name(page: Any, site_url: str) -> None:
    """axe files this under best practice, outside the WCAG tags; stock Material fails it."""
    source = axe_source()
    page.goto(site_url)
    page.evaluate(source)
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'rule', values: ['aria-dialog-name']}})"
    )
    assert result["violations"] == [], describe("/", result["violations"])
    assert page.get_by_role("dialog", name="Søk", include_hidden=True).count() == 1
