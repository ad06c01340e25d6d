"""The preview in Chromium, against the real command (what ``make serve`` runs): a
half-filled round shows its placeholder marked, an invalid save answers with the
problem and its line over the last good page, and the fix shows by itself (the
page reloads on its own: the live-reload script gets through the policy).

Every navigation has REQUEST_TIMEOUT, so a preview that holds a request fails
here; the waiting is by polling. How long each step takes is printed (and
measured by ``make bench``), not asserted."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.preview_server import REQUEST_TIMEOUT, Preview, serving
from tests.test_preview import half_filled  # noqa: F401 - a fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIMEOUT_MS = int(REQUEST_TIMEOUT * 1000)
DEADLINE = 60.0


@pytest.fixture
def preview(half_filled: Path) -> Iterator[Preview]:  # noqa: F811
    with serving(half_filled) as served:
        yield served


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    blocked: list[str] = []
    page.on(
        "console",
        lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.blocked = blocked
    yield page
    context.close()
    assert not page.blocked, page.blocked


def visit(tab: Any, url: str) -> str:
    """Open ``url``; the preview must answer within REQUEST_TIMEOUT."""
    response = tab.goto(url, timeout=TIMEOUT_MS, wait_until="domcontentloaded")
    assert response is not None and response.status == 200, url
    return str(tab.inner_text("body", timeout=TIMEOUT_MS))


def poll(tab: Any, url: str, wanted: str, what: str) -> tuple[str, float]:
    from playwright.sync_api import Error as BrowserError

    start = time.monotonic()
    while time.monotonic() - start < DEADLINE:
        try:
            text = visit(tab, url)
        except BrowserError as exc:
            # The open page's live-reload script reloads it when a rebuild
            # ends; a navigation of ours at that moment is aborted by that
            # reload, not refused by the preview: look again.
            if "net::ERR_ABORTED" not in exc.message:
                raise
            continue
        if wanted in text:
            return text, time.monotonic() - start
        time.sleep(0.1)
    raise AssertionError(f"the preview never {what}")


def test_a_half_filled_round_shows_the_placeholder_marked(preview: Preview, tab: Any) -> None:
    text = visit(tab, preview.url + "oppfolgingspunkter/2025-3/")
    unfilled = tab.locator(".unfilled")
    assert unfilled.count() == 1
    assert unfilled.inner_text().startswith("Ikke fylt ut: statusen for denne runden er ikke")
    assert "FYLL INN: skriv status for «Status pr juni 2026» her" in unfilled.inner_text()
    banner = tab.locator(".council-preview--draft")
    assert banner.inner_text().startswith(
        "Utkast: runden «Status pr juni 2026» er ikke ferdig utfylt. 1 status står fortsatt "
        "med «FYLL INN»"
    )
    assert "Feil i datafilene" not in text
    # A filled-in point carries the banner, not the mark.
    visit(tab, preview.url + "oppfolgingspunkter/2025-2/")
    assert tab.locator(".unfilled").count() == 0
    assert tab.locator(".council-preview--draft").count() == 1
    tab.locator(".council-preview--draft summary").click()
    tab.locator(".council-preview--draft a", has_text="3. Handlingsplan").click()
    tab.wait_for_url(re.compile(r"/oppfolgingspunkter/2025-3/$"), timeout=TIMEOUT_MS)


def test_an_invalid_save_shows_the_problem_and_the_fix_shows_by_itself(
    preview: Preview,
    tab: Any,
    half_filled: Path,  # noqa: F811
) -> None:
    page = preview.url + "oppfolgingspunkter/2025-1/"  # its June status is the first filled in
    before = visit(tab, page)
    assert "Arbeidet fortsetter i juni." in before
    data = half_filled / "followups.yaml"
    good = data.read_text(encoding="utf-8")
    line = good.splitlines().index("        state: pågår") + 1

    data.write_text(good.replace("        state: pågår", "        state: pågar", 1), "utf-8")
    text, took = poll(tab, page, "Feil i datafilene", "showed the problem")
    print(f"invalid save shown after {took:.2f} s")
    banner = tab.locator(".council-preview--error").inner_text()
    assert f"followups.yaml:{line}:16: Oppfølgingspunkt" in banner
    assert "«pågar» er ikke en gyldig tilstand. Mente du «pågår»?" in banner
    assert "Arbeidet fortsetter i juni." in text  # the last good page is still there

    # Fixed, with a new text: the open page reloads by itself and shows it.
    fixed = good.replace("Arbeidet fortsetter i juni.", "Ny tekst etter rettingen.", 1)
    start = time.monotonic()
    data.write_text(fixed, encoding="utf-8")
    tab.wait_for_function(
        "() => document.body.innerText.includes('Ny tekst etter rettingen.')",
        timeout=int(DEADLINE * 1000),
    )
    print(f"fix shown after {time.monotonic() - start:.2f} s, by live reload")
    assert tab.locator(".council-preview--error").count() == 0
    assert "Building documentation" in preview.output()
