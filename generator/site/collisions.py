"""Every address on the site belongs to one thing: a page, a download or a theme file.

The generator makes pages from the data (one per point, named by its id),
downloads (open data, the feed, the report PDF) and folders for them; MkDocs
and the theme add their own files; ``content/`` adds the hand-written pages.
Two of these at one address would silently hide one of them, so every
collision is an error that names both sides:

- from the data: a point whose id gives the address of another generated
  page (``index`` is the overview), checked with the data (``point_problems``);
- from ``content/``: a page or file at an address the generator, MkDocs or
  the theme uses, in a folder the generator keeps for itself, or at the same
  address as another hand-written file (``om.md`` and ``om/index.md``) (``content_problems``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.data.problems import Problem
from generator.data.validate import Record
from generator.site.addresses import BOKMAL, SITEMAP, Addresses, page_url


def _pages(at: Addresses) -> dict[str, str]:
    """Generated pages by their file, as a message names them."""
    return {
        at.front: "forsiden",
        at.overview: "oversikten over alle oppfølgingspunktene",
        at.changes: "siden «Endringer»",
        at.report: "rapporten",
        at.ipo: "siden om IPO-områdene",
        at.seminars: "siden «Seminarer»",
        at.data: "siden «Åpne data»",
        at.accessibility: "tilgjengelighetserklæringen",
    }


def reserved_folders(at: Addresses = BOKMAL) -> dict[str, str]:
    """Folders whose every file the generator or MkDocs makes: nothing from content/ goes there."""
    return {
        f"{at.data_folder}/": "nedlastingsfilene (åpne data)",
        f"{at.report_folder}/": "rapporten og PDF-en av den",
        f"{at.points_folder}/": "sidene for oppfølgingspunktene og utvalgene av dem",
        "search/": "søket",
    }


MKDOCS_FILES = {
    SITEMAP: "oversikten over sidene som MkDocs lager for søkemotorer",
    f"{SITEMAP}.gz": "oversikten over sidene som MkDocs lager for søkemotorer",
    "404.html": "siden «Fant ikke siden» som MkDocs lager",
    "search/search_index.json": "søkeindeksen som MkDocs lager",
}
"""What MkDocs itself writes into every site, as a message names it."""


def describe_generated(path: str, at: Addresses = BOKMAL) -> str:
    """A generated page as a message names it."""
    pages = _pages(at)
    if path in pages:
        return pages[path]
    if path.startswith(f"{at.selections_folder}/"):
        return "et utvalg av oppfølgingspunktene"
    folder = f"{at.points_folder}/"
    if path.startswith(folder) and path.count("/") == 1:
        return f"siden for oppfølgingspunkt «{path[len(folder) : -3]}»"
    return f"siden «{path}»"


def point_problems(followups: object, at: Addresses = BOKMAL) -> list[Problem]:
    """A point whose id gives its page the address of another generated page."""
    if not isinstance(followups, Record):
        return []
    taken = {
        page_url(at.overview): describe_generated(at.overview, at),
        f"{at.selections_folder}/": "utvalgene og sorteringene av oppfølgingspunktene",
    }
    problems = []
    points = followups.get("followups")
    for point in points if isinstance(points, list) else ():
        if not isinstance(point, Record) or not isinstance(point_id := point.get("id"), str):
            continue
        url = page_url(at.point(point_id))
        if url in taken:
            problems.append(
                Problem(
                    point.at("id"),
                    f"Oppfølgingspunkt «{point_id}»: id-en gir punktets side adressen «{url}», "
                    f"som {taken[url]} har. Velg en annen id, for eksempel et løpenummer som "
                    "«2026-3».",
                )
            )
    return problems


@dataclass(frozen=True)
class Taken:
    """An address the generator, MkDocs or the theme uses, and what uses it."""

    address: str
    what: str


def content_problems(
    content: Iterable[tuple[str, str, str]],
    generated: Mapping[str, str],
    made: Iterable[Taken],
    at: Addresses = BOKMAL,
) -> list[str]:
    """One message per collision of a hand-written file.

    ``content`` holds (name as shown, file address in the site, address a reader
    follows) for each file in content/; ``generated`` maps the file address
    of each generated page to its file in the generated folder; ``made`` are
    the other addresses the build writes (downloads, MkDocs', the theme's).
    """
    pages = _pages(at)
    reserved_by = reserved_folders(at)
    owners: dict[str, str] = {}
    for address, path in generated.items():
        owners[address] = (
            f"{describe_generated(path, at)}, som lages fra datafilene"
            if path in pages or path.startswith(f"{at.points_folder}/")
            else f"siden «{path}», som lages fra datafilene"
        )
    for item in made:
        owners.setdefault(item.address, item.what)
    folders = {address.rsplit("/", 1)[0] + "/" for address in owners if "/" in address}
    messages = []
    seen: dict[str, str] = {}
    for name, address, url in sorted(content):
        if address in seen:
            messages.append(
                f"{seen[address]} og {name} får samme adresse på nettstedet («{url}»), så bare "
                "den ene kan vises. Gi den ene et annet navn, eller slett den."
            )
        seen.setdefault(address, name)
        reserved = next((f for f in reserved_by if address.startswith(f)), None)
        if address in owners:
            messages.append(
                f"{name} får samme adresse på nettstedet («{url}») som {owners[address]}, og "
                "ville skjult den eller blitt skjult selv. Gi filen et annet navn."
            )
        elif reserved is not None:
            messages.append(
                f"{name} ligger i mappen «{reserved}», som er satt av til "
                f"{reserved_by[reserved]}. Flytt filen til en annen mappe i content/."
            )
        elif address + "/" in folders:
            messages.append(
                f"{name} har samme navn som mappen «{address}/», der generatoren legger filer. "
                "Gi filen et annet navn."
            )
    return messages
