"""A reader opens the site, goes from the front page to a point and reads its status."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_front_page_to_point_in_two_clicks(page, site_url: str) -> None:
    page.goto(site_url)
    page.get_by_role("link", name="Alle oppfølgingspunkter med status").click()
    page.get_by_role("link", name=re.compile("Handlingsplan mot radikalisering")).click()
    assert page.url.endswith("/oppfolgingspunkter/2025-3/")
    body = page.locator("article").inner_text()
    assert "Pågår" in body
    assert "ble godkjent i politirådet i juni 2025." in body
