"""Page addresses: one rule for the links pages make and the collisions the build refuses."""

from __future__ import annotations

import pytest

from generator.site import collisions, render


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
    assert collisions.page_url(path) == url
    assert render.page_url(path) == url


def test_a_link_is_quoted() -> None:
    assert render.page_url("oppfolgingspunkter/a b.md") == "oppfolgingspunkter/a%20b/"
