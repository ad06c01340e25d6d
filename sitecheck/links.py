"""Every internal link, image, stylesheet and script address leads to a file of the
site, and every anchor (``#...``) to an id on the page it names."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from .problems import SiteProblem, address
from .site import Site
from .source import source_of

CHECK = "Lenke som ikke virker"


def _urls(tag: str, attribute: str, value: str) -> list[str]:
    """The addresses in one attribute; ``srcset`` lists several, each with a size."""
    if attribute == "srcset":
        return [part.split()[0] for part in value.split(",") if part.split()]
    return [value]


def target(site: Site, page: str, url: str) -> tuple[str, str] | None:
    """(file relative to the site, fragment) for an internal ``url`` on ``page``;
    None for addresses that leave the site (another host, mailto:, data:)."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    if url.startswith("/"):
        resolved = unquote(parts.path).lstrip("/")
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    if parts.path.endswith("/") or (site.folder / resolved).is_dir():
        resolved = posixpath.join(resolved, "index.html")
    return resolved, unquote(parts.fragment)


def internal_links(site: Site) -> list[tuple[str, str, str, str]]:
    """(page, tag, attribute, url) for every address that stays on the site."""
    found = []
    for page, content in site.pages.items():
        for tag, attribute, value in content.urls:
            for url in _urls(tag, attribute, value):
                if target(site, page, url) is not None:
                    found.append((page, tag, attribute, url))
    return found


_WHAT = {"a": "lenken", "img": "adressen til bildet"}


def check(site: Site) -> list[SiteProblem]:
    """A problem for every internal address that leads nowhere."""
    problems = []
    for page, tag, _attribute, url in internal_links(site):
        resolved = target(site, page, url)
        assert resolved is not None
        path, fragment = resolved
        where = f"Siden «{address(page)}» lenker til «{url}»"
        what = _WHAT.get(tag, "adressen")
        if path == ".." or path.startswith("../"):
            message = (
                f"{where}, som ligger utenfor nettstedet. Rett {what} så den peker på en side "
                "på nettstedet, eller fjern den."
            )
        elif not (site.folder / path).is_file():
            message = (
                f"{where}, men nettstedet har ingen slik side eller fil ({path}). Rett {what} "
                "så den peker på noe som finnes, eller fjern den."
            )
        elif fragment and path.endswith(".html") and fragment not in site.pages[path].ids:
            message = (
                f"{where}, men siden «{address(path)}» har ikke noe avsnitt med id «{fragment}». "
                "Rett delen etter # så den er id-en til en overskrift på siden, eller fjern den."
            )
        else:
            continue
        problems.append(SiteProblem(page, message, CHECK, source_of(site.root, site.content, page)))
    return problems
