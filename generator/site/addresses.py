"""Every address on the site, declared once: pages, downloads, the feed.

A page is named by its source file relative to the docs folder («a/b.md»);
MkDocs serves it at its address («a/b/», ``use_directory_urls``). Python,
the templates (through the render context) and the theme (through the
plugin's template variable ``council_addresses``) all take their addresses
from here, so a renamed page or folder changes in one place.

The words in the addresses come from one table, ``Slugs``: a site in another
language gets another table, and every address follows.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import quote

from markupsafe import Markup

from generator import words
from generator.words import Words

if TYPE_CHECKING:
    from generator.data.model import Dataset

FRONT = "index.md"
SITEMAP = "sitemap.xml"
"""Written by MkDocs into every site, and by ``publish`` at the published site's root."""
STABLE_ROOT = "../"
"""From a published edition's root to the site's root, where ``publish`` keeps
the newest edition's feed and open data beside versions.json."""


@dataclass(frozen=True)
class Slugs:
    """The words the site's addresses are made of (bokmål unless another table is given)."""

    points: str = "oppfolgingspunkter"
    """The points' folder, and the name of the files that hold them all."""
    selections: str = "utvalg"
    """The overview's other orders and selections, inside the points' folder."""
    sorted_by: str = "sortert-etter"
    state: str = "tilstand"
    seminar: str = "seminar"
    responsible: str = "ansvarlig"
    changes: str = "endringer"
    """The changes page, and the feed of the same changes."""
    report: str = "rapport"
    ipo: str = "ipo"
    seminars: str = "seminarer"
    data: str = "data"
    schemas: str = "schema"
    statuses: str = "statuser"
    areas: str = "ipo-omrader"
    accessibility: str = "tilgjengelighetserklaering"
    edition: str = "utgave"
    """An edition's heading on the changes page (an anchor, not a page)."""


def page_url(path: str) -> str:
    """A page's address (``use_directory_urls``): «a/index.md» -> «a/», «a/b.md» -> «a/b/»."""
    if path == FRONT or path.endswith("/index.md"):
        return path.removesuffix("index.md")
    return path.removesuffix(".md") + "/"


def link(path: str) -> Markup:
    """A page's address quoted for a link, relative to the site's root."""
    return Markup(quote(page_url(path), safe="/"))


def page_root(path: str) -> str:
    """From a page's address back to the site root, for links in raw HTML.

    MkDocs rewrites only Markdown links; links inside HTML blocks (tables with
    data attributes, downloads that are not pages) need this prefix. Assumes
    ``use_directory_urls`` (MkDocs' default): «a/b.md» is served at «a/b/».
    """
    parts = path.split("/")
    depth = len(parts) - 1 if parts[-1] == "index.md" else len(parts)
    return "../" * depth


def docs_root(path: str) -> str:
    """From a page's source file back to the docs folder, for Markdown links,
    which MkDocs resolves by source file."""
    return "../" * path.count("/")


@dataclass(frozen=True)
class Addresses:
    """The site's addresses made from one table of ``Slugs``."""

    slugs: Slugs = field(default_factory=Slugs)

    # Pages, by source file relative to the docs folder.

    @property
    def front(self) -> str:
        return FRONT

    @property
    def points_folder(self) -> str:
        """Every point's page and every selection: the generator's own folder."""
        return self.slugs.points

    @property
    def overview(self) -> str:
        return f"{self.slugs.points}/index.md"

    @property
    def selections_folder(self) -> str:
        return f"{self.slugs.points}/{self.slugs.selections}"

    @property
    def changes(self) -> str:
        return f"{self.slugs.changes}/index.md"

    @property
    def report(self) -> str:
        return f"{self.slugs.report}/index.md"

    @property
    def ipo(self) -> str:
        return f"{self.slugs.ipo}/index.md"

    @property
    def seminars(self) -> str:
        return f"{self.slugs.seminars}/index.md"

    @property
    def data(self) -> str:
        """The open data page."""
        return f"{self.slugs.data}/index.md"

    @property
    def accessibility(self) -> str:
        """The accessibility statement, which every page links to."""
        return f"{self.slugs.accessibility}.md"

    @staticmethod
    def point_file(point_id: str) -> str:
        """A point's page inside the points' folder, as its neighbours link to it."""
        return f"{point_id}.md"

    def point(self, point_id: str) -> str:
        return f"{self.points_folder}/{self.point_file(point_id)}"

    def sorted_page(self, key: str) -> str:
        """The overview in another order than its own."""
        return f"{self.selections_folder}/{self.slugs.sorted_by}-{key}.md"

    def state_page(self, state_slug: str) -> str:
        return f"{self.selections_folder}/{self.slugs.state}-{state_slug}.md"

    def seminar_page(self, seminar_id: str) -> str:
        return f"{self.selections_folder}/{self.slugs.seminar}-{seminar_id}.md"

    def responsible_page(self, party_slug: str) -> str:
        return f"{self.selections_folder}/{self.slugs.responsible}-{party_slug}.md"

    # Files that are not pages, relative to the site's root.

    @property
    def data_folder(self) -> str:
        return self.slugs.data

    @property
    def schema_folder(self) -> str:
        return f"{self.slugs.data}/{self.slugs.schemas}"

    def schema(self, name: str) -> str:
        return f"{self.schema_folder}/{name}"

    @property
    def followups_json(self) -> str:
        return f"{self.slugs.data}/{self.slugs.points}.json"

    @property
    def followups_csv(self) -> str:
        return f"{self.slugs.data}/{self.slugs.points}.csv"

    @property
    def statuses_csv(self) -> str:
        return f"{self.slugs.data}/{self.slugs.statuses}.csv"

    @property
    def areas_json(self) -> str:
        return f"{self.slugs.data}/{self.slugs.areas}.json"

    @property
    def areas_csv(self) -> str:
        return f"{self.slugs.data}/{self.slugs.areas}.csv"

    @property
    def feed(self) -> str:
        """At the root: Material fetches «sitemap.xml» beside every <link rel=alternate>
        (for its language switch), so the feed must sit where the sitemap is."""
        return f"{self.slugs.changes}.xml"

    @property
    def report_folder(self) -> str:
        """The report page and its PDFs."""
        return self.slugs.report

    def report_pdf(self, edition_id: str, seminar_id: str) -> str:
        """One seminar's part of the edition report as PDF; named after the
        seminar and the edition, so neither seminars nor versions mix."""
        return (
            f"{self.report_folder}/{self.slugs.points}-{self.slugs.seminar}-{seminar_id}"
            f"-{edition_id}.pdf"
        )

    def edition_anchor(self, edition_id: str) -> str:
        """An edition's heading on the changes page."""
        return f"{self.slugs.edition}-{edition_id}"

    def theme(self) -> dict[str, str]:
        """The addresses the theme's partials link to (``council_addresses``), each
        relative to the site's root as MkDocs' ``url`` filter takes it."""
        return {
            "stable_root": STABLE_ROOT,
            "feed": self.feed,
            "accessibility": page_url(self.accessibility),
            "data": page_url(self.data),
        }

    def nav(self) -> dict[str, str]:
        """The generated pages a site's navigation lists, by name (see ``init``)."""
        return {
            "front": self.front,
            "overview": self.overview,
            "changes": self.changes,
            "report": self.report,
            "ipo": self.ipo,
            "seminars": self.seminars,
            "data": self.data,
            "accessibility": self.accessibility,
        }


BOKMAL = Addresses(Slugs())
"""Today's site: every council's site is in bokmål."""


@functools.cache
def for_words(catalogue: Words) -> Addresses:
    """The addresses of a site in ``catalogue``'s language: its ``slugs`` fill
    the table (generator/words), so a nynorsk site has nynorsk addresses."""
    return Addresses(Slugs(**{f.name: catalogue.slug(f.name) for f in dataclasses.fields(Slugs)}))


def of(data: Dataset) -> Addresses:
    """The addresses of the council's language."""
    return for_words(words_of(data))


def words_of(data: Dataset) -> Words:
    """The catalogue of the council's language."""
    return words.of(data.council.language)


def nav(catalogue: Words) -> list[dict[str, str]]:
    """The generated pages' entries of a site's navigation (mkdocs.yml ``nav``),
    labelled in ``catalogue``'s language; a council adds its own pages among them."""
    return [{catalogue(f"nav.{key}"): path} for key, path in for_words(catalogue).nav().items()]
