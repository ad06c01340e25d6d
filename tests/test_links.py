"""Every internal link and anchor of the built site leads somewhere."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from . import htmlcheck

pytestmark = pytest.mark.slow


def _target(site: Path, page: str, url: str) -> tuple[str, str] | None:
    """(file relative to the site, fragment) for an internal ``url`` on ``page``;
    None for links that leave the site."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    if url.startswith("/"):
        resolved = unquote(parts.path).lstrip("/")
    if parts.path.endswith("/") or (site / resolved).is_dir():
        resolved = posixpath.join(resolved, "index.html")
    return resolved, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    """Every link, stylesheet, script and image address that does not resolve."""
    pages = htmlcheck.pages(site)
    broken = []
    checked = 0
    for page, content in pages.items():
        for tag, attribute, url in content.urls:
            target = _target(site, page, url)
            if target is None:
                continue
            checked += 1
            path, fragment = target
            where = f"{page}: <{tag} {attribute}={url!r}>"
            if path.startswith("../") or not (site / path).is_file():
                broken.append(f"{where}: {path} does not exist")
            elif fragment and path.endswith(".html") and fragment not in pages[path].ids:
                broken.append(f"{where}: {path} has no id «{fragment}»")
    assert checked > 100, "the walk found almost no links: is the site empty?"
    return broken


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    assert broken_links(built_site) == []


def test_the_walk_finds_a_broken_link_and_a_missing_anchor(
    built_site: Path, tmp_path: Path
) -> None:
    """The walk itself can fail: break one link and one anchor in a copy."""
    import shutil

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
    assert any("2025-99/index.html does not exist" in b for b in broken), broken
    assert any("has no id «finnes-ikke»" in b for b in broken), broken
    assert any("/ansvarlig-finnes-ikke-" in b and "does not exist" in b for b in broken), broken
    assert len(broken) == 3, broken
