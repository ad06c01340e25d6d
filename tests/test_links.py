"""Every internal link and anchor of the built site leads somewhere (sitecheck.links)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitecheck import links
from sitecheck.site import read_site

pytestmark = pytest.mark.slow


def broken_links(site: Path) -> list[str]:
    """The site check's message for every address that does not resolve."""
    checked = read_site(site, site.parent)
    assert len(links.internal_links(checked)) > 100, "almost no links: is the site empty?"
    return [p.message for p in links.check(checked)]


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    assert broken_links(built_site) == []


def test_the_walk_finds_a_broken_link_and_a_missing_anchor(
    built_site: Path, tmp_path: Path
) -> None:
    """The walk itself can fail: break one link and one anchor in a copy."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    page = copy / "oppfolgingspunkter" / "index.html"
    html = page.read_text(encoding="utf-8")
    changes = {
        'href="../oppfolgingspunkter/2025-1/"': 'href="../oppfolgingspunkter/2025-99/"',
        'href="../om/"': 'href="../om/#finnes-ikke"',
        # A listing page named after a responsible party: the name comes from the data.
        "/utvalg/ansvarlig-": "/utvalg/ansvarlig-finnes-ikke-",
    }
    for old, new in changes.items():
        assert old in html, old
        html = html.replace(old, new, 1)
    page.write_text(html, encoding="utf-8")
    broken = broken_links(copy)
    assert (
        "Siden «oppfolgingspunkter/» lenker til «../oppfolgingspunkter/2025-99/», men "
        "nettstedet har ingen slik side eller fil (oppfolgingspunkter/2025-99/index.html). "
        "Rett lenken så den peker på noe som finnes, eller fjern den."
    ) in broken
    assert (
        "Siden «oppfolgingspunkter/» lenker til «../om/#finnes-ikke», men siden «om/» har "
        "ikke noe avsnitt med id «finnes-ikke». Rett delen etter # så den er id-en til en "
        "overskrift på siden, eller fjern den."
    ) in broken
    assert any("/ansvarlig-finnes-ikke-" in b and "ingen slik side" in b for b in broken), broken
    assert len(broken) == 3, broken
