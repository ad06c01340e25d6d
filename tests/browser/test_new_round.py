"""After the June 2026 round, a reader finds the new status and the old one on the point's page."""

from __future__ import annotations

import functools
import re
from typing import Any

import pytest

from tests.conftest import copy_project
from tests.test_june_round import JUNE, NEW_TEXT, run_june_round

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def june_url(tmp_path_factory: pytest.TempPathFactory, serve: functools.partial[str]) -> str:
    site = run_june_round(copy_project(tmp_path_factory.mktemp("june")))
    return serve(site)


def test_reader_sees_the_new_edition_on_a_point_page(page: Any, june_url: str) -> None:
    page.goto(june_url)
    assert page.get_by_role("heading", name=JUNE).is_visible()
    page.get_by_role("link", name="Alle oppfølgingspunkter med status").click()
    page.get_by_role(
        "link", name=re.compile("Samhandling om ungdom det er knyttet bekymring til")
    ).click()
    assert page.url.endswith("/oppfolgingspunkter/2025-2/")
    article = page.locator("article")
    status_line = article.locator(".status-line").first.inner_text()
    assert status_line.startswith("Fullført") and JUNE in status_line
    assert NEW_TEXT["2025-2"][1] in article.inner_text()
    assert page.get_by_role("heading", name="Status pr januar 2026").is_visible()
